/* dossier-window-private.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The window's state, shared by the files it is split into:
 * dossier-window.c (the pipeline's results on screen, the side panel),
 * -find.c (the actor search bar), -open.c (files, folders, recent corpora,
 * drag and drop) and -actions.c (the window's actions and their keys). */

#pragma once

#include <adwaita.h>

#include "dossier-adaptive-panes.h"
#include "dossier-article-reader.h"
#include "dossier-curator.h"
#include "dossier-duplicates-dialog.h"
#include "dossier-export-dialog.h"
#include "dossier-filter-panel.h"
#include "dossier-graph-view.h"
#include "dossier-legend.h"
#include "dossier-passage-list.h"
#include "dossier-session.h"
#include "dossier-text-search.h"
#include "dossier-views.h"
#include "dossier-window.h"

G_BEGIN_DECLS

enum {
  COLUMN_DISPLAY,
  COLUMN_ENTITY,
  COLUMN_KEY,
  N_COLUMNS
};

struct _DossierWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkWidget            *retry_button;
  GtkWidget            *clear_filters_button;
  AdwWindowTitle       *window_title;
  GtkSpinner           *spinner;
  GtkSearchBar         *search_bar;
  GtkEntry             *find_entry;
  GtkStack             *main_stack;
  AdwStatusPage        *loading_page;
  GtkProgressBar       *loading_progress;
  AdwStatusPage        *error_page;
  DossierGraphView     *graph_view;
  GtkProgressBar       *layout_progress;
  DossierLegend        *legend;
  GtkStack             *side_stack;
  DossierPassageList   *passage_list;
  DossierArticleReader *reader;
  GtkRevealer          *filter_revealer;
  DossierFilterPanel   *filter_panel;
  GMenu                *edit_section;
  GMenu                *recent_menu;
  DossierTextSearch    *text_search;    /* the side panel's "search" page */

  /* Owned refs */
  DossierSession       *session;        /* the pipeline, from articles to layout */
  DossierCurator       *curator;
  GCancellable         *export_cancellable;
  GSettings            *settings;       /* NULL when the schema is not installed */
  GAction              *engine_action;
  GAction              *filters_action;
  char                **paths;
  DossierSubgraph      *subgraph;       /* the one shown, or counted on an empty page */
  GPtrArray            *problems;       /* char *, "path: message" */
  GtkListStore         *completion_store;
  GMenu                *views_section;  /* the saved views' items */
  GAction              *views_action;   /* win.saved-view */
  DossierViews         *views;          /* NULL: none read (a file that did not read) */
  char                 *views_path;     /* beside the edits file */
  char                 *views_error;    /* why the views file did not read */
  DossierView          *pending_view;   /* zoom and centre for the next layout */

  /* State */
  gboolean              loading;         /* the loading page's progress is ours */
  gboolean              previewing;      /* the graph shown is the last run's, a picture */
  GCancellable         *preview_cancellable;  /* looking it up, then waiting to load */
  guint                 preview_tick_id;
  guint                 preview_timeout_id;
  int                   reader_article;  /* the article open in the reader, or -1 */
  gsize                 reader_start;
  gsize                 reader_end;
  guint                 pulse_id;
};


/* dossier-window.c */
/* dossier-window-preview.c: the last run's graph while the articles load. */
void     dossier_window_start_load        (DossierWindow *self);
void     dossier_window_preview_then_load (DossierWindow *self);
void     dossier_window_end_preview       (DossierWindow *self);
void     dossier_window_cancel_preview    (DossierWindow *self);
void     dossier_window_update_busy       (DossierWindow *self);

void     dossier_window_show_toast        (DossierWindow *self,
                                           const char    *text);
void     dossier_window_relayout          (DossierWindow *self);
gboolean dossier_window_select_and_center (DossierWindow *self,
                                           guint          entity);
void     dossier_window_open_in_reader    (DossierWindow *self,
                                           guint          article,
                                           gsize          start,
                                           gsize          end);

/* dossier-window-find.c */
void     dossier_window_init_find         (DossierWindow *self);
void     dossier_window_update_completion (DossierWindow *self);
void     dossier_window_find_entry_activate_cb (DossierWindow *self,
                                                GtkEntry      *entry);

/* dossier-window-open.c */
void     dossier_window_init_drop_target  (DossierWindow *self);
void     dossier_window_update_recent_menu (DossierWindow *self);
void     dossier_window_remember_recent   (DossierWindow *self);
void     dossier_window_open_action_cb    (GtkWidget     *widget,
                                           const char    *action_name,
                                           GVariant      *param);
void     dossier_window_open_recent_action_cb (GtkWidget  *widget,
                                               const char *action_name,
                                               GVariant   *param);

/* dossier-window-views.c */
void     dossier_window_class_init_views  (GtkWidgetClass *widget_class);
void     dossier_window_init_views        (DossierWindow *self);
void     dossier_window_clear_views       (DossierWindow *self);
void     dossier_window_load_views        (DossierWindow *self,
                                           const char    *edits_path);
void     dossier_window_views_layout_done (DossierWindow *self,
                                           DossierLayout *layout);

/* dossier-window-actions.c */
void     dossier_window_class_init_actions (GtkWidgetClass *widget_class);
void     dossier_window_engine_change_state_cb (GSimpleAction *action,
                                                GVariant      *state,
                                                gpointer       data);
void     dossier_window_show_legend_change_state_cb (GSimpleAction *action,
                                                     GVariant      *state,
                                                     gpointer       data);
void     dossier_window_init_text_search  (DossierWindow *self);

/* Lays the current subgraph out again (the filter has not changed). */
void     dossier_window_lay_out           (DossierWindow *self);
void     dossier_window_init_pins         (DossierWindow *self);
void     dossier_window_update_pins       (DossierWindow *self);
void     dossier_window_unpin_all_action_cb (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *param);

G_END_DECLS
