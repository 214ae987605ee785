/* dossier-window.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-adaptive-panes.h"
#include "dossier-article-reader.h"
#include "dossier-curator.h"
#include "dossier-duplicates-dialog.h"
#include "dossier-export-dialog.h"
#include "dossier-extractor.h"
#include "dossier-filter-panel.h"
#include "dossier-gazetteer.h"
#include "dossier-preferences.h"
#include "dossier-graph-view.h"
#include "dossier-layout.h"
#include "dossier-legend.h"
#include "dossier-passage-list.h"
#include "dossier-resources.h"
#include "dossier-session.h"
#include "dossier-text-search.h"
#include "dossier-window.h"

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

  /* State */
  gboolean              loading;         /* the loading page's progress is ours */
  int                   reader_article;  /* the article open in the reader, or -1 */
  gsize                 reader_start;
  gsize                 reader_end;
  guint                 pulse_id;
};

G_DEFINE_FINAL_TYPE (DossierWindow, dossier_window, ADW_TYPE_APPLICATION_WINDOW)

static void relayout                  (DossierWindow *self);
static void remember_recent           (DossierWindow *self);
static void show_selection            (DossierWindow *self,
                                       gboolean       keep_reader);
static void update_curator_selection  (DossierWindow *self);
static void selection_changed_cb      (DossierWindow    *self,
                                       DossierGraphView *view);

/* Busy state */

static gboolean
pulse_cb (gpointer data)
{
  DossierWindow *self = data;

  if (gtk_widget_get_visible (GTK_WIDGET (self->layout_progress)))
    gtk_progress_bar_pulse (self->layout_progress);
  if (self->loading && gtk_progress_bar_get_fraction (self->loading_progress) >= 1.0)
    gtk_progress_bar_pulse (self->loading_progress);
  return G_SOURCE_CONTINUE;
}

static void
update_busy (DossierWindow *self)
{
  gboolean busy = dossier_session_get_busy (self->session);

  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  /* The old drawing stays visible under a thin progress bar. */
  gtk_widget_set_visible (GTK_WIDGET (self->layout_progress), busy && self->subgraph != NULL);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->graph_view),
                               GTK_ACCESSIBLE_STATE_BUSY, busy,
                               -1);

  if (busy && self->pulse_id == 0)
    self->pulse_id = g_timeout_add (120, pulse_cb, self);
  else if (!busy)
    g_clear_handle_id (&self->pulse_id, g_source_remove);
}

/* @text is plain text: AdwToast titles are markup, so it is escaped. */
static void
show_toast (DossierWindow *self,
            const char    *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

/* Loading */

typedef struct
{
  DossierWindow *self;   /* strong, released on the main thread */
  GCancellable  *cancellable;
  guint          done;
  guint          total;
} Progress;

static gboolean
progress_idle_cb (gpointer data)
{
  Progress *p = data;

  if (!g_cancellable_is_cancelled (p->cancellable) && p->total > 0)
    {
      g_autofree char *text = g_strdup_printf (_("%u of %u files"), p->done, p->total);

      gtk_progress_bar_set_fraction (p->self->loading_progress, (double) p->done / p->total);
      gtk_progress_bar_set_text (p->self->loading_progress, text);
    }
  return G_SOURCE_REMOVE;
}

static void
progress_free (gpointer data)
{
  Progress *p = data;

  g_object_unref (p->self);
  g_object_unref (p->cancellable);
  g_free (p);
}

typedef struct
{
  GWeakRef       window;
  GCancellable  *cancellable;  /* cancelled when a newer load starts */
} LoadData;

static void
load_data_free (gpointer user_data)
{
  LoadData *data = user_data;

  /* The figures of a finished load must not overwrite a newer one's. */
  g_cancellable_cancel (data->cancellable);
  g_weak_ref_clear (&data->window);
  g_clear_object (&data->cancellable);
  g_free (data);
}

/* Runs on the loading thread: posts the figures to the main thread. */
static void
load_progress_cb (guint    done,
                  guint    total,
                  gpointer user_data)
{
  LoadData *data = user_data;
  DossierWindow *self = g_weak_ref_get (&data->window);
  Progress *p;

  if (self == NULL)
    return;
  p = g_new0 (Progress, 1);
  p->self = self;
  p->cancellable = g_object_ref (data->cancellable);
  p->done = done;
  p->total = total;
  g_idle_add_full (G_PRIORITY_LOW, progress_idle_cb, p, progress_free);
}

static void
update_completion (DossierWindow *self)
{
  gtk_list_store_clear (self->completion_store);
  if (self->subgraph == NULL)
    return;

  for (guint i = 0; i < self->subgraph->entities->len; i++)
    {
      guint id = g_array_index (self->subgraph->entities, guint, i);
      DossierEntity *entity = dossier_graph_get_entity (self->subgraph->graph, id);
      g_autofree char *key = g_utf8_casefold (entity->name, -1);

      gtk_list_store_insert_with_values (self->completion_store, NULL, -1,
                                         COLUMN_DISPLAY, entity->name,
                                         COLUMN_ENTITY, id,
                                         COLUMN_KEY, key,
                                         -1);
      for (guint j = 0; j < entity->aliases->len; j++)
        {
          const char *alias = g_ptr_array_index (entity->aliases, j);
          g_autofree char *akey = g_utf8_casefold (alias, -1);
          g_autofree char *display = NULL;

          if (g_str_equal (akey, key))
            continue;
          /* TRANSLATORS: an alias followed by the canonical name */
          display = g_strdup_printf (_("%s (%s)"), alias, entity->name);
          gtk_list_store_insert_with_values (self->completion_store, NULL, -1,
                                             COLUMN_DISPLAY, display,
                                             COLUMN_ENTITY, id,
                                             COLUMN_KEY, akey,
                                             -1);
        }
    }
}

static void
update_title (DossierWindow *self)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *articles = NULL;
  g_autofree char *actors = NULL;
  g_autofree char *relations = NULL;
  guint n_articles, n_actors, n_relations;

  if (self->subgraph == NULL)
    {
      adw_window_title_set_subtitle (self->window_title, "");
      return;
    }

  n_articles = self->subgraph->graph->corpus->articles->len;
  n_actors = self->subgraph->entities->len;
  n_relations = self->subgraph->relations->len;
  articles = g_strdup_printf (g_dngettext (NULL, "%u article", "%u articles", n_articles), n_articles);
  actors = g_strdup_printf (g_dngettext (NULL, "%u actor", "%u actors", n_actors), n_actors);
  relations = g_strdup_printf (g_dngettext (NULL, "%u relation", "%u relations", n_relations), n_relations);
  /* TRANSLATORS: "5 articles · 27 actors · 42 relations" */
  subtitle = g_strdup_printf (C_("window subtitle", "%s · %s · %s"), articles, actors, relations);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
show_error_page (DossierWindow *self,
                 const char    *title,
                 const char    *description)
{
  g_autofree char *escaped = g_markup_escape_text (description, -1);

  g_debug ("Error page: %s: %s", title, description);
  /* The description is markup; error messages hold file names. */
  gtk_widget_set_visible (self->retry_button, TRUE);
  gtk_widget_set_visible (self->clear_filters_button, FALSE);
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, escaped);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

static void
show_load_problems (DossierWindow *self)
{
  DossierCorpus *corpus = dossier_session_get_corpus (self->session);
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_ptr_array_set_size (self->problems, 0);
  for (guint i = 0; i < corpus->problems->len; i++)
    {
      const DossierLoadProblem *problem = g_ptr_array_index (corpus->problems, i);

      g_ptr_array_add (self->problems, g_strdup (problem->error->message));
    }
  if (self->problems->len == 0)
    return;

  title = g_strdup_printf (g_dngettext (NULL, "%u file could not be read",
                                        "%u files could not be read",
                                        self->problems->len),
                           self->problems->len);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "win.show-problems");
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *edits = NULL;

  if (!dossier_session_load_finish (DOSSIER_SESSION (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->loading = FALSE;
      g_debug ("Loading failed: %s", error->message);
      if (self->subgraph == NULL)
        show_error_page (self, _("No Articles Could Be Read"), error->message);
      else
        show_toast (self, error->message);
      return;
    }

  self->loading = FALSE;
  show_load_problems (self);
  remember_recent (self);
  /* Where the actors were drawn last time, kept beside the edits. */
  edits = dossier_curation_path_for_corpus (dossier_session_get_paths (self->session));
  dossier_session_use_positions_file (self->session, edits, TRUE);
  /* The curator applies the saved edits: the session's graph follows. */
  dossier_curator_set_extracted (self->curator, dossier_session_get_extracted (self->session));
}

void
dossier_window_load (DossierWindow      *self,
                     const char * const *paths)
{
  LoadData *data;

  g_return_if_fail (DOSSIER_IS_WINDOW (self));

  if (paths != NULL && paths[0] != NULL)
    {
      if ((gpointer) paths != (gpointer) self->paths)
        {
          char **copy = g_strdupv ((char **) paths);

          g_strfreev (self->paths);
          self->paths = copy;
        }
    }
  else
    {
      g_strfreev (self->paths);
      self->paths = g_new0 (char *, 2);
      self->paths[0] = dossier_corpus_default_path ();
    }

  if (self->subgraph == NULL)
    {
      gtk_progress_bar_set_fraction (self->loading_progress, 0);
      gtk_progress_bar_set_text (self->loading_progress, NULL);
      gtk_stack_set_visible_child_name (self->main_stack, "loading");
    }

  data = g_new0 (LoadData, 1);
  data->cancellable = g_cancellable_new ();
  g_weak_ref_init (&data->window, self);

  self->loading = TRUE;
  {
    g_auto(GStrv) gazetteers = dossier_preferences_dup_gazetteers ();

    dossier_session_set_gazetteer_files (self->session, (const char * const *) gazetteers);
  }
  dossier_session_load_async (self->session, (const char * const *) self->paths,
                              load_progress_cb, data, load_data_free,
                              load_cb, g_object_ref (self));
}

/* Layout */

static void
restore_selection (DossierWindow *self)
{
  g_autoptr(GArray) entities = dossier_session_get_selected_entities (self->session);
  int relation = dossier_session_get_selected_relation (self->session);

  for (guint i = 0; i < entities->len; i++)
    {
      guint id = g_array_index (entities, guint, i);

      if (i == 0)
        dossier_graph_view_select_entity (self->graph_view, id);
      else
        dossier_graph_view_toggle_entity (self->graph_view, id);
    }
  if (entities->len == 0 && relation >= 0)
    dossier_graph_view_select_relation (self->graph_view, relation);
}

static void
layout_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  g_autoptr(DossierLayout) layout = NULL;
  g_autoptr(GError) error = NULL;

  if (!(layout = dossier_session_layout_finish (self->session, result, &error)))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_debug ("Layout failed: %s", error->message);
      if (self->subgraph == NULL)
        show_error_page (self, _("The Graph Could Not Be Laid Out"), error->message);
      else
        show_toast (self, error->message);
      return;
    }

  g_clear_pointer (&self->subgraph, dossier_subgraph_unref);
  self->subgraph = dossier_subgraph_ref (dossier_session_get_subgraph (self->session));
  dossier_legend_set_subgraph (self->legend, self->subgraph);
  /* The view clears its selection: the session keeps it by name. */
  g_signal_handlers_block_by_func (self->graph_view, selection_changed_cb, self);
  dossier_graph_view_set_graph (self->graph_view, self->subgraph, layout);
  restore_selection (self);
  g_signal_handlers_unblock_by_func (self->graph_view, selection_changed_cb, self);
  gtk_stack_set_visible_child_name (self->main_stack, "graph");
  update_title (self);
  update_completion (self);
  dossier_filter_panel_set_result (self->filter_panel, self->subgraph);
  /* Ids may be the same as before an edit, so the view may not say the
   * selection changed: show the edited actor's details anyway. */
  show_selection (self, TRUE);
}

static DossierLayoutEngine
current_engine (DossierWindow *self)
{
  g_autoptr(GVariant) state = g_action_get_state (self->engine_action);
  DossierLayoutEngine engine = DOSSIER_LAYOUT_AUTO;

  if (state != NULL && g_variant_is_of_type (state, G_VARIANT_TYPE_STRING))
    dossier_layout_engine_from_string (g_variant_get_string (state, NULL), &engine);
  return engine;
}

/* An empty result is a page, not a drawing: say why it is empty. */
static void
show_empty (DossierWindow   *self,
            DossierSubgraph *subgraph)
{
  dossier_graph_view_set_graph (self->graph_view, NULL, NULL);
  g_clear_pointer (&self->subgraph, dossier_subgraph_unref);

  if (subgraph->total_entities > 0)
    {
      self->subgraph = dossier_subgraph_ref (subgraph);  /* for the counts */
      show_error_page (self, _("No Actor Matches the Filters"),
                       _("Loosen the filters, or clear them, to see the graph again."));
      gtk_widget_set_visible (self->retry_button, FALSE);
      gtk_widget_set_visible (self->clear_filters_button, TRUE);
      dossier_filter_panel_set_result (self->filter_panel, subgraph);
    }
  else
    show_error_page (self, _("No Actors Found"),
                     _("The articles were read, but no company, person, government or media was recognised in them."));
  update_title (self);
}

static void
filter_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  DossierSubgraph *subgraph;

  subgraph = dossier_session_filter_finish (self->session, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (subgraph == NULL)
    {
      show_toast (self, error->message);
      if (self->subgraph == NULL)
        show_error_page (self, _("The Filters Could Not Be Applied"), error->message);
      return;
    }
  if (subgraph->entities->len == 0)
    {
      show_empty (self, subgraph);
      return;
    }

  dossier_session_layout_async (self->session, layout_cb, g_object_ref (self));
}

/* The session dropped actors these articles lack: the panel shows it and
 * the settings remember it (the panel's set_filter emits no "changed"). */
static void
session_filter_changed_cb (DossierWindow *self)
{
  const DossierFilter *filter = dossier_session_get_filter (self->session);

  dossier_filter_panel_set_filter (self->filter_panel, filter);
  if (self->settings != NULL)
    g_settings_set_value (self->settings, "filter", dossier_filter_to_variant (filter));
}

/* Filters the curated graph again and lays the result out. */
static void
relayout (DossierWindow *self)
{
  if (dossier_session_get_graph (self->session) == NULL)
    return;

  dossier_session_set_engine (self->session, current_engine (self));
  dossier_session_filter_async (self->session, filter_cb, g_object_ref (self));
}

static void
engine_changed_cb (DossierWindow *self)
{
  relayout (self);
}

/* Side panel */

/* Lists the passages of the selection; @keep_reader stays in an open
 * article, with the list following underneath. */
static void
show_selection (DossierWindow *self,
                gboolean       keep_reader)
{
  DossierGraphView *view = self->graph_view;
  int entity = dossier_graph_view_get_selected_entity (view);
  int relation = dossier_graph_view_get_selected_relation (view);
  gboolean in_reader = keep_reader && g_str_equal (dossier_window_get_side_page (self), "reader");

  if (entity >= 0)
    dossier_passage_list_show_entity (self->passage_list, self->subgraph, entity);
  else if (relation >= 0)
    dossier_passage_list_show_relation (self->passage_list, self->subgraph, relation);
  else
    dossier_passage_list_clear (self->passage_list);

  if (!in_reader)
    gtk_stack_set_visible_child_name (self->side_stack, entity >= 0 || relation >= 0 ? "passages" : "empty");

  update_curator_selection (self);
}

static void
selection_changed_cb (DossierWindow    *self,
                      DossierGraphView *view)
{
  g_autoptr(GArray) entities = dossier_graph_view_get_selected_entities (view);

  dossier_session_set_selection (self->session, (const guint *) (gpointer) entities->data,
                                 entities->len, dossier_graph_view_get_selected_relation (view));
  show_selection (self, FALSE);
}

static void
node_activated_cb (DossierWindow    *self,
                   guint             entity,
                   DossierGraphView *view)
{
  gtk_stack_set_visible_child_name (self->side_stack, "passages");
  dossier_passage_list_focus_first (self->passage_list);
}

static void
open_in_reader (DossierWindow *self,
                guint          article,
                gsize          start,
                gsize          end)
{
  if (self->subgraph == NULL)
    return;
  gtk_stack_set_visible_child_name (self->side_stack, "reader");
  dossier_article_reader_show (self->reader, self->subgraph->graph, article, start, end);
  self->reader_article = article;
  self->reader_start = start;
  self->reader_end = end;
  update_curator_selection (self);
  gtk_widget_grab_focus (GTK_WIDGET (dossier_article_reader_get_text_view (self->reader)));
}

static void
passage_activated_cb (DossierWindow      *self,
                      guint               index,
                      DossierPassageList *list)
{
  const DossierPassage *passage = dossier_passage_list_get_passage (list, index);

  if (passage != NULL)
    open_in_reader (self, passage->article, passage->start, passage->end);
}

static void
list_relation_activated_cb (DossierWindow      *self,
                            guint               relation,
                            DossierPassageList *list)
{
  if (!dossier_graph_view_select_relation (self->graph_view, relation))
    show_toast (self, _("That relation is not shown in the graph"));
}

static gboolean
select_and_center (DossierWindow *self,
                   guint          entity)
{
  if (!dossier_graph_view_select_entity (self->graph_view, entity))
    {
      show_toast (self, _("That actor is not shown in the graph"));
      return FALSE;
    }
  dossier_graph_view_center_on_entity (self->graph_view, entity, TRUE);
  return TRUE;
}

static void
list_entity_activated_cb (DossierWindow      *self,
                          guint               entity,
                          DossierPassageList *list)
{
  select_and_center (self, entity);
}

static void
reader_entity_activated_cb (DossierWindow        *self,
                            guint                 entity,
                            DossierArticleReader *reader)
{
  g_autoptr(GArray) entities = NULL;

  /* Stay in the article: the list underneath follows the new actor. */
  g_signal_handlers_block_by_func (self->graph_view, selection_changed_cb, self);
  select_and_center (self, entity);
  g_signal_handlers_unblock_by_func (self->graph_view, selection_changed_cb, self);

  entities = dossier_graph_view_get_selected_entities (self->graph_view);
  dossier_session_set_selection (self->session, (const guint *) (gpointer) entities->data,
                                 entities->len, dossier_graph_view_get_selected_relation (self->graph_view));
  show_selection (self, TRUE);
}

static void
reader_back_cb (DossierWindow        *self,
                DossierArticleReader *reader)
{
  gboolean has_selection = dossier_graph_view_get_selected_entity (self->graph_view) >= 0 ||
                           dossier_graph_view_get_selected_relation (self->graph_view) >= 0;

  gtk_stack_set_visible_child_name (self->side_stack, has_selection ? "passages" : "empty");
  if (has_selection)
    dossier_passage_list_focus_first (self->passage_list);

  self->reader_article = -1;
  update_curator_selection (self);
}

static void
citation_copied_cb (DossierWindow      *self,
                    guint               index,
                    DossierPassageList *list)
{
  show_toast (self, _("Citation copied"));
}

/* Find */

static gboolean
completion_match_cb (GtkEntryCompletion *completion,
                     const char         *key,
                     GtkTreeIter        *iter,
                     gpointer            data)
{
  DossierWindow *self = data;
  g_autofree char *row_key = NULL;
  g_autofree char *folded = NULL;

  if (key == NULL || *key == '\0')
    return FALSE;
  gtk_tree_model_get (GTK_TREE_MODEL (self->completion_store), iter, COLUMN_KEY, &row_key, -1);
  folded = g_utf8_casefold (key, -1);
  return row_key != NULL && strstr (row_key, folded) != NULL;
}

/* @add: Ctrl+Enter adds to the actors selected, as Ctrl+click does. */
static void
found (DossierWindow *self,
       guint          entity,
       gboolean       add)
{
  gboolean adding = add && dossier_graph_view_get_selected_entity (self->graph_view) >= 0 &&
                    dossier_graph_view_get_selected_entity (self->graph_view) != (int) entity;

  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  if (adding && dossier_graph_view_toggle_entity (self->graph_view, entity))
    dossier_graph_view_center_on_entity (self->graph_view, entity, TRUE);
  else
    select_and_center (self, entity);
  gtk_widget_grab_focus (GTK_WIDGET (self->graph_view));
}

static void find_text (DossierWindow *self,
                       gboolean       add);

static gboolean
find_add_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  find_text (user_data, TRUE);
  return TRUE;
}

static gboolean
completion_selected_cb (GtkEntryCompletion *completion,
                        GtkTreeModel       *model,
                        GtkTreeIter        *iter,
                        gpointer            data)
{
  DossierWindow *self = data;
  guint entity;

  gtk_tree_model_get (model, iter, COLUMN_ENTITY, &entity, -1);
  found (self, entity, FALSE);
  return FALSE;
}

static void
find_text (DossierWindow *self,
           gboolean       add)
{
  GtkEntry *entry = self->find_entry;
  DossierGraph *graph = dossier_session_get_graph (self->session);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *folded = NULL;
  DossierEntity *entity;
  GtkTreeIter iter;
  gboolean valid;

  if (graph == NULL || self->subgraph == NULL || text == NULL || *text == '\0')
    return;

  /* An exact name or alias first, through the core's own folding. */
  if ((entity = dossier_graph_lookup_entity (graph, text)) != NULL &&
      self->subgraph->graph == graph &&
      dossier_subgraph_find_entity (self->subgraph, entity->id) >= 0)
    {
      found (self, entity->id, add);
      return;
    }

  folded = g_utf8_casefold (text, -1);
  for (valid = gtk_tree_model_get_iter_first (GTK_TREE_MODEL (self->completion_store), &iter);
       valid;
       valid = gtk_tree_model_iter_next (GTK_TREE_MODEL (self->completion_store), &iter))
    {
      g_autofree char *key = NULL;
      guint id;

      gtk_tree_model_get (GTK_TREE_MODEL (self->completion_store), &iter,
                          COLUMN_KEY, &key, COLUMN_ENTITY, &id, -1);
      if (strstr (key, folded) != NULL)
        {
          found (self, id, add);
          return;
        }
    }

  {
    g_autofree char *message = g_strdup_printf (_("No actor named “%s”"), text);

    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
    show_toast (self, message);
  }
}

static void
find_entry_activate_cb (DossierWindow *self,
                        GtkEntry      *entry)
{
  find_text (self, FALSE);
}

static void
find_entry_changed_cb (DossierWindow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->find_entry), "error");
}

/* Curation */

static void
update_curator_selection (DossierWindow *self)
{
  g_autoptr(GArray) entities = dossier_graph_view_get_selected_entities (self->graph_view);
  int relation = dossier_graph_view_get_selected_relation (self->graph_view);

  /* Ids only mean something in the graph the curator handed out. */
  if (self->subgraph == NULL || self->subgraph->graph != dossier_curator_get_graph (self->curator))
    {
      dossier_curator_set_selection (self->curator, NULL, 0, -1, -1, 0, 0);
      return;
    }

  dossier_curator_set_selection (self->curator, (const guint *) (gpointer) entities->data, entities->len,
                                 relation, self->reader_article, self->reader_start, self->reader_end);
}

/* An edit, or new articles: the curated graph changed in the session. */
static void
graph_changed_cb (DossierWindow  *self,
                  GParamSpec     *pspec,
                  DossierSession *session)
{
  dossier_filter_panel_set_graph (self->filter_panel, dossier_session_get_graph (session));
  dossier_text_search_set_graph (self->text_search, dossier_session_get_graph (session));
  dossier_passage_list_set_rejected (self->passage_list, dossier_session_get_graph (session),
                                     dossier_session_get_rejected (session));
  relayout (self);
}

/* Actors created, or gazetteer files changed: read and extract again. */
static void
reload_after_gazetteer_cb (DossierWindow *self)
{
  dossier_window_load (self, (const char * const *) self->paths);
}

static void
problem_cb (DossierWindow *self,
            const char    *message,
            GObject       *source)
{
  show_toast (self, message);
}

static GMenuModel *
build_curation_menu (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) actor = g_menu_new ();
  g_autoptr(GMenu) relation = g_menu_new ();
  g_autoptr(GMenu) article = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;

#define ADD_S(m, label, action) \
  G_STMT_START { \
    GMenuItem *it = g_menu_item_new (label, NULL); \
    g_menu_item_set_action_and_target (it, action, "s", ""); \
    g_menu_append_item (m, it); \
    g_object_unref (it); \
  } G_STMT_END

  ADD_S (actor, _("_Rename Actor…"), "curate.rename");
  ADD_S (actor, _("Change _Type…"), "curate.retype");
  ADD_S (actor, _("Add _Alias…"), "curate.add-alias");
  ADD_S (actor, _("Remove Alias…"), "curate.remove-alias");
  ADD_S (actor, _("_Merge With…"), "curate.merge");
  ADD_S (actor, _("_Split Alias Out…"), "curate.split-alias");
  g_menu_append (actor, _("_Hide or Show Actor"), "curate.hide");
  ADD_S (actor, _("Sh_ow a Hidden Actor…"), "curate.show-hidden");
  g_menu_append (actor, _("_Not an Actor…"), "curate.not-entity");
  g_menu_append (actor, _("_Possible Duplicates…"), "win.duplicates");
  ADD_S (relation, _("Change Relation T_ype…"), "curate.retype-relation");
  g_menu_append (relation, _("Re_verse Relation"), "curate.reverse-relation");
  g_menu_append (relation, _("Re_ject Relation"), "curate.reject-relation");
  ADD_S (relation, _("Add Relation From This Passage…"), "curate.add-relation");
  ADD_S (article, _("Correct Article T_itle…"), "curate.article-title");
  ADD_S (article, _("Correct Article _Date…"), "curate.article-date");
#undef ADD_S

  g_menu_append_section (menu, NULL, G_MENU_MODEL (actor));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (relation));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (article));

  return G_MENU_MODEL (menu);
}

static void
init_curation (DossierWindow *self)
{
  g_autoptr(GMenuModel) menu = build_curation_menu ();

  self->curator = dossier_curator_new ();
  dossier_curator_set_session (self->curator, self->session);
  dossier_curator_set_parent (self->curator, GTK_WINDOW (self));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "curate",
                                  dossier_curator_get_actions (self->curator));
  g_signal_connect_object (self->curator, "gazetteer-changed",
                           G_CALLBACK (reload_after_gazetteer_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->curator, "problem",
                           G_CALLBACK (problem_cb), self, G_CONNECT_SWAPPED);

  g_menu_append_section (self->edit_section, NULL, dossier_curator_get_undo_menu (self->curator));
  g_menu_append_submenu (self->edit_section, _("_Edit the Graph"), menu);
  dossier_graph_view_set_extra_menu (self->graph_view, menu);
}

/* Filters */

static void
filter_changed_cb (DossierWindow      *self,
                   DossierFilterPanel *panel)
{
  const DossierFilter *filter = dossier_filter_panel_get_filter (panel);

  if (self->settings != NULL)
    g_settings_set_value (self->settings, "filter", dossier_filter_to_variant (filter));

  /* A newer change cancels the layout of the previous one. */
  dossier_window_set_filter (self, filter);
}

static void
show_filters_changed_cb (DossierWindow *self)
{
  g_autoptr(GVariant) state = g_action_get_state (self->filters_action);

  gtk_revealer_set_reveal_child (self->filter_revealer, g_variant_get_boolean (state));
}

static void
toggle_change_state_cb (GSimpleAction *action,
                        GVariant      *state,
                        gpointer       data)
{
  g_simple_action_set_state (action, state);
}

static void
init_filters (DossierWindow *self)
{
  g_autoptr(DossierFilter) filter = dossier_filter_new ();

  if (self->settings != NULL)
    {
      g_autoptr(GVariant) saved = g_settings_get_value (self->settings, "filter");

      dossier_filter_update_from_variant (filter, saved);
      self->filters_action = g_settings_create_action (self->settings, "show-filters");
    }
  else
    {
      GSimpleAction *action = g_simple_action_new_stateful ("show-filters", NULL,
                                                            g_variant_new_boolean (FALSE));

      g_signal_connect (action, "change-state", G_CALLBACK (toggle_change_state_cb), NULL);
      self->filters_action = G_ACTION (action);
    }

  /* A view restored with filters on must say so: open the panel. */
  {
    g_autofree char *command = dossier_filter_to_command_line (filter);
    g_autoptr(DossierFilter) defaults = dossier_filter_new ();
    g_autofree char *plain = dossier_filter_to_command_line (defaults);

    if (g_strcmp0 (command, plain) != 0)
      g_action_change_state (self->filters_action, g_variant_new_boolean (TRUE));
  }

  g_action_map_add_action (G_ACTION_MAP (self), self->filters_action);
  g_signal_connect_object (self->filters_action, "notify::state",
                           G_CALLBACK (show_filters_changed_cb), self, G_CONNECT_SWAPPED);
  show_filters_changed_cb (self);

  dossier_session_set_filter (self->session, filter);
  dossier_filter_panel_set_filter (self->filter_panel, filter);
  g_signal_connect_object (self->filter_panel, "changed",
                           G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Opening: files, folders, recent corpora, drag and drop */

#define MAX_RECENT 8

static gboolean
is_default_corpus (char **paths)
{
  g_autofree char *seeds = dossier_corpus_default_path ();

  return paths != NULL && paths[0] != NULL && paths[1] == NULL && g_str_equal (paths[0], seeds);
}

static void
update_recent_menu (DossierWindow *self)
{
  g_auto(GStrv) recent = NULL;

  g_menu_remove_all (self->recent_menu);
  if (self->settings == NULL)
    return;

  recent = g_settings_get_strv (self->settings, "recent-corpora");
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_auto(GStrv) paths = g_strsplit (recent[i], "\n", -1);
      g_autofree char *base = g_path_get_basename (paths[0]);
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;
      guint n = g_strv_length (paths);

      /* Translators: a recent corpus: a file or folder name and how many more paths came with it. */
      label = n > 1 ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %u more", "%s and %u more", n - 1),
                                       base, n - 1)
                    : g_strdup (base);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_strv ((const char * const *) paths, -1));
      g_menu_append_item (self->recent_menu, item);
    }
}

static void
remember_recent (DossierWindow *self)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) recent = NULL;
  g_auto(GStrv) updated = NULL;
  g_autofree char *key = NULL;
  guint n = 1;

  if (self->settings == NULL || self->paths == NULL || is_default_corpus (self->paths))
    return;

  key = g_strjoinv ("\n", self->paths);
  recent = g_settings_get_strv (self->settings, "recent-corpora");
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, key);
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT; i++)
    {
      if (g_str_equal (recent[i], key))
        continue;
      g_strv_builder_add (builder, recent[i]);
      n++;
    }
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-corpora", (const char * const *) updated);
  update_recent_menu (self);
}

static void
load_files (DossierWindow *self,
            GListModel    *files)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      char *path = g_file_get_path (file);

      if (path != NULL)
        g_ptr_array_add (paths, path);
    }

  if (paths->len == 0)
    {
      show_toast (self, _("Only local files and folders can be opened"));
      return;
    }

  g_ptr_array_add (paths, NULL);
  dossier_window_load (self, (const char * const *) paths->pdata);
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  DossierWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      load_files (self, files);
    }

  g_object_unref (dialog);
}

static void
open_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  gboolean folder = g_str_equal (action_name, "win.open-folder");
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (folder ? _("Open a Folder of Articles") : _("Open Articles"),
                                         GTK_WINDOW (self),
                                         folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                                : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  if (!folder)
    {
      g_autoptr(GtkFileFilter) text = gtk_file_filter_new ();

      gtk_file_filter_set_name (text, _("Text articles"));
      gtk_file_filter_add_mime_type (text, "text/plain");
      gtk_file_filter_add_suffix (text, "txt");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), text);
    }

  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_recent_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  g_autofree const char **paths = g_variant_get_strv (param, NULL);

  dossier_window_load (DOSSIER_WINDOW (widget), paths);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         DossierWindow *self)
{
  GSList *list = g_value_get_boxed (value);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);

  for (GSList *l = list; l != NULL; l = l->next)
    g_list_store_append (files, l->data);

  if (g_list_model_get_n_items (G_LIST_MODEL (files)) == 0)
    return FALSE;

  load_files (self, G_LIST_MODEL (files));
  return TRUE;
}

static void
init_drop_target (DossierWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/* Export */

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = dossier_export_dialog_finish (result, &error);

  if (path != NULL)
    {
      g_autofree char *base = g_path_get_basename (path);
      /* Translators: %s is the file name written. */
      g_autofree char *message = g_strdup_printf (_("Exported “%s”"), base);

      show_toast (self, message);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Export Failed"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  gboolean report = g_str_equal (action_name, "win.export-report");
  DossierWindow *self = DOSSIER_WINDOW (widget);
  DossierLayout *layout = dossier_graph_view_get_layout (self->graph_view);
  const DossierViewTransform *t = dossier_graph_view_get_transform (self->graph_view);
  graphene_rect_t visible;
  double x0, y0, x1, y1;

  if (self->subgraph == NULL || layout == NULL)
    {
      show_toast (self, _("There is no graph to export yet"));
      return;
    }

  /* What the view shows, in layout points. */
  dossier_view_transform_to_graph (t, 0, 0, &x0, &y0);
  dossier_view_transform_to_graph (t, gtk_widget_get_width (GTK_WIDGET (self->graph_view)),
                                   gtk_widget_get_height (GTK_WIDGET (self->graph_view)), &x1, &y1);
  graphene_rect_init (&visible, MIN (x0, x1), MIN (y0, y1), ABS (x1 - x0), ABS (y1 - y0));

  g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  self->export_cancellable = g_cancellable_new ();

  /* Light unless the options say otherwise, whatever the window's theme:
   * a picture is printed and published on white. */
  dossier_export_dialog_run (GTK_WINDOW (self), self->subgraph, layout, &visible, report,
                             self->export_cancellable, export_done_cb, g_object_ref (self));
}

/* Actions */

static void
forward_view_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  g_autofree char *name = g_strconcat ("view.", action_name + strlen ("win."), NULL);

  gtk_widget_activate_action_variant (GTK_WIDGET (self->graph_view), name, param);
}

static void
clear_filters_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->filter_panel), "filter.clear", NULL);
}

static void
find_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
}

static void
reload_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  dossier_window_load (self, (const char * const *) self->paths);
}

/* Every change keeps the actors where they were; this forgets that, but
 * for the pinned ones. */
static void
relayout_afresh_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  dossier_session_forget_positions (self->session);
  relayout (self);
}

static void
show_passages_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  if (dossier_passage_list_get_n_passages (self->passage_list) == 0)
    return;
  gtk_stack_set_visible_child_name (self->side_stack, "passages");
  dossier_passage_list_focus_first (self->passage_list);
}

static void
show_problems_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  for (guint i = 0; i < self->problems->len; i++)
    {
      if (i > 0)
        g_string_append_c (body, '\n');
      g_string_append (body, g_ptr_array_index (self->problems, i));
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Some Files Could Not Be Read"), body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_legend_change_state_cb (GSimpleAction *action,
                             GVariant      *state,
                             gpointer       data)
{
  DossierWindow *self = data;

  g_simple_action_set_state (action, state);
  gtk_widget_set_visible (GTK_WIDGET (self->legend), g_variant_get_boolean (state));
}

static void
engine_change_state_cb (GSimpleAction *action,
                        GVariant      *state,
                        gpointer       data)
{
  DossierLayoutEngine engine;

  if (dossier_layout_engine_from_string (g_variant_get_string (state, NULL), &engine))
    g_simple_action_set_state (action, state);
}

/* Text search and duplicates */

static void
text_search_passage_cb (DossierWindow     *self,
                        guint              article,
                        guint64            start,
                        guint64            end,
                        DossierTextSearch *search)
{
  open_in_reader (self, article, start, end);
}

/* The results' actors, found by name in the graph shown, selected together. */
static void
text_search_select_actors_cb (DossierWindow     *self,
                              DossierTextSearch *search)
{
  g_autoptr(GArray) actors = dossier_text_search_dup_actors (search);
  DossierGraph *graph = dossier_session_get_graph (self->session);
  guint n_selected = 0;

  if (self->subgraph == NULL || graph == NULL)
    return;
  dossier_graph_view_clear_selection (self->graph_view);
  for (guint i = 0; i < actors->len; i++)
    {
      guint id = g_array_index (actors, guint, i);
      DossierEntity *entity = id < graph->entities->len
                            ? dossier_graph_lookup_entity (self->subgraph->graph, dossier_graph_get_entity (graph, id)->name)
                            : NULL;

      if (entity != NULL && (n_selected == 0 ? dossier_graph_view_select_entity (self->graph_view, entity->id)
                                             : dossier_graph_view_toggle_entity (self->graph_view, entity->id)))
        n_selected++;
    }

  if (n_selected == 0)
    show_toast (self, _("None of these actors is shown in the graph"));
  /* The results stay in view: the selection is what the graph shows. */
  gtk_stack_set_visible_child_name (self->side_stack, "search");
}

static void
text_search_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  dossier_text_search_set_graph (self->text_search, dossier_session_get_graph (self->session));
  gtk_stack_set_visible_child_name (self->side_stack, "search");
  dossier_text_search_focus (self->text_search);
}

static void
duplicates_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (dossier_duplicates_dialog_new (GTK_WINDOW (self), self->curator)));
}

static void
init_text_search (DossierWindow *self)
{
  self->text_search = DOSSIER_TEXT_SEARCH (dossier_text_search_new ());
  gtk_stack_add_named (self->side_stack, GTK_WIDGET (self->text_search), "search");
  g_signal_connect_swapped (self->text_search, "passage-activated", G_CALLBACK (text_search_passage_cb), self);
  g_signal_connect_swapped (self->text_search, "select-actors", G_CALLBACK (text_search_select_actors_cb), self);
}

/* GObject */

static void
dossier_window_dispose (GObject *object)
{
  DossierWindow *self = DOSSIER_WINDOW (object);

  if (self->session != NULL)
    dossier_session_cancel (self->session, DOSSIER_SESSION_LOAD);
  g_clear_handle_id (&self->pulse_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_WINDOW);

  g_clear_object (&self->settings);
  /* Settings-backed actions follow the key after the window is gone:
   * take them out of its action group first. */
  g_action_map_remove_action (G_ACTION_MAP (self), "layout-engine");
  g_action_map_remove_action (G_ACTION_MAP (self), "show-filters");
  g_clear_object (&self->engine_action);
  g_clear_object (&self->filters_action);
  g_clear_object (&self->completion_store);
  g_clear_pointer (&self->subgraph, dossier_subgraph_unref);
  if (self->curator != NULL)
    g_signal_handlers_disconnect_by_data (self->curator, self);
  g_clear_object (&self->curator);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);

  G_OBJECT_CLASS (dossier_window_parent_class)->dispose (object);
}

static void
dossier_window_finalize (GObject *object)
{
  DossierWindow *self = DOSSIER_WINDOW (object);

  g_clear_pointer (&self->paths, g_strfreev);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (dossier_window_parent_class)->finalize (object);
}

static void
dossier_window_class_init (DossierWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_window_dispose;
  object_class->finalize = dossier_window_finalize;

  /* Referencing the bundle keeps it (and its constructor, which registers
   * it) when linking from the static library. */
  (void) dossier_get_resource ();

  g_type_ensure (DOSSIER_TYPE_ADAPTIVE_PANES);
  g_type_ensure (DOSSIER_TYPE_GRAPH_VIEW);
  g_type_ensure (DOSSIER_TYPE_LEGEND);
  g_type_ensure (DOSSIER_TYPE_PASSAGE_LIST);
  g_type_ensure (DOSSIER_TYPE_ARTICLE_READER);
  g_type_ensure (DOSSIER_TYPE_FILTER_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/dossier-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, retry_button);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, clear_filters_button);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, find_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, loading_progress);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, graph_view);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, layout_progress);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, legend);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, passage_list);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, reader);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, filter_revealer);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, filter_panel);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, edit_section);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, recent_menu);
  gtk_widget_class_bind_template_callback (widget_class, find_entry_activate_cb);

  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, forward_view_action_cb);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, forward_view_action_cb);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, forward_view_action_cb);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, forward_view_action_cb);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action_cb);
  gtk_widget_class_install_action (widget_class, "win.clear-filters", NULL, clear_filters_cb);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action_cb);
  gtk_widget_class_install_action (widget_class, "win.relayout-afresh", NULL, relayout_afresh_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-passages", NULL, show_passages_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-problems", NULL, show_problems_action_cb);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action_cb);
  gtk_widget_class_install_action (widget_class, "win.open-folder", NULL, open_action_cb);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "as", open_recent_action_cb);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action_cb);
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, export_action_cb);
  gtk_widget_class_install_action (widget_class, "win.text-search", NULL, text_search_action_cb);
  gtk_widget_class_install_action (widget_class, "win.duplicates", NULL, duplicates_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "win.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.text-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.text-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.relayout-afresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_L, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.relayout-afresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.show-passages", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.show-legend", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.open-folder", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-filters", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "curate.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "curate.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "curate.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "curate.rename", "s", "");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "curate.merge", "s", "");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK, "curate.hide", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK, "curate.preferences", NULL);
}

static GSettings *
lookup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Run from the build tree, the schema may not be installed: the app
   * then works with defaults instead of aborting. */
  if (source == NULL || !(schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)))
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

static void
dossier_window_init (DossierWindow *self)
{
  g_autoptr(GSimpleAction) legend_action = NULL;
  GtkEntryCompletion *completion;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->session = dossier_session_new ();
  g_signal_connect_object (self->session, "notify::graph",
                           G_CALLBACK (graph_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::filter",
                           G_CALLBACK (session_filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::busy",
                           G_CALLBACK (update_busy), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "problem",
                           G_CALLBACK (problem_cb), self, G_CONNECT_SWAPPED);
  self->problems = g_ptr_array_new_with_free_func (g_free);

  self->settings = lookup_settings ();
  if (self->settings != NULL)
    {
      self->engine_action = g_settings_create_action (self->settings, "layout-engine");
      g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
    }
  else
    {
      GSimpleAction *action = g_simple_action_new_stateful ("layout-engine", G_VARIANT_TYPE_STRING,
                                                            g_variant_new_string ("auto"));

      g_signal_connect (action, "change-state", G_CALLBACK (engine_change_state_cb), self);
      self->engine_action = G_ACTION (action);
    }
  g_action_map_add_action (G_ACTION_MAP (self), self->engine_action);
  g_signal_connect_object (self->engine_action, "notify::state",
                           G_CALLBACK (engine_changed_cb), self, G_CONNECT_SWAPPED);

  legend_action = g_simple_action_new_stateful ("show-legend", NULL, g_variant_new_boolean (TRUE));
  g_signal_connect (legend_action, "change-state", G_CALLBACK (show_legend_change_state_cb), self);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (legend_action));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->find_entry));
  /* No type-to-search: the graph's one-key shortcuts (+, -, 0, 1) would
   * start a search instead.  Ctrl+F opens it. */
  g_signal_connect_swapped (self->find_entry, "changed", G_CALLBACK (find_entry_changed_cb), self);
  {
    GtkEventController *keys = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                                            gtk_callback_action_new (find_add_cb, self, NULL)));
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK),
                                                            gtk_callback_action_new (find_add_cb, self, NULL)));
    gtk_widget_add_controller (GTK_WIDGET (self->find_entry), keys);
  }

  self->completion_store = gtk_list_store_new (N_COLUMNS, G_TYPE_STRING, G_TYPE_UINT, G_TYPE_STRING);
  completion = gtk_entry_completion_new ();
  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (self->completion_store));
  gtk_entry_completion_set_text_column (completion, COLUMN_DISPLAY);
  gtk_entry_completion_set_match_func (completion, completion_match_cb, self, NULL);
  gtk_entry_completion_set_minimum_key_length (completion, 1);
  g_signal_connect (completion, "match-selected", G_CALLBACK (completion_selected_cb), self);
  gtk_entry_set_completion (self->find_entry, completion);
  g_object_unref (completion);

  g_signal_connect_swapped (self->graph_view, "selection-changed", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->graph_view, "node-activated", G_CALLBACK (node_activated_cb), self);
  g_signal_connect_swapped (self->graph_view, "relation-activated", G_CALLBACK (node_activated_cb), self);
  g_signal_connect_swapped (self->passage_list, "passage-activated", G_CALLBACK (passage_activated_cb), self);
  g_signal_connect_swapped (self->passage_list, "relation-activated", G_CALLBACK (list_relation_activated_cb), self);
  g_signal_connect_swapped (self->passage_list, "entity-activated", G_CALLBACK (list_entity_activated_cb), self);
  g_signal_connect_swapped (self->passage_list, "citation-copied", G_CALLBACK (citation_copied_cb), self);
  g_signal_connect_swapped (self->reader, "entity-activated", G_CALLBACK (reader_entity_activated_cb), self);
  g_signal_connect_swapped (self->reader, "back", G_CALLBACK (reader_back_cb), self);

  self->reader_article = -1;
  init_text_search (self);
  init_curation (self);
  init_filters (self);
  init_drop_target (self);
  update_recent_menu (self);

  update_busy (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->graph_view));
}

DossierWindow *
dossier_window_new (AdwApplication *application)
{
  return g_object_new (DOSSIER_TYPE_WINDOW, "application", application, NULL);
}

void
dossier_window_set_filter (DossierWindow       *self,
                           const DossierFilter *filter)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (self));
  g_return_if_fail (filter != NULL);

  dossier_session_set_filter (self->session, filter);
  relayout (self);
}

const DossierFilter *
dossier_window_get_filter (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return dossier_session_get_filter (self->session);
}

DossierSubgraph *
dossier_window_get_subgraph (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return self->subgraph;
}

gboolean
dossier_window_is_busy (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), FALSE);
  return dossier_session_get_busy (self->session);
}

DossierGraph *
dossier_window_get_graph (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return dossier_session_get_graph (self->session);
}

DossierGraphView *
dossier_window_get_graph_view (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return self->graph_view;
}

DossierPassageList *
dossier_window_get_passage_list (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return self->passage_list;
}

DossierArticleReader *
dossier_window_get_reader (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return self->reader;
}

GtkEditable *
dossier_window_get_find_entry (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return GTK_EDITABLE (self->find_entry);
}

const char *
dossier_window_get_side_page (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->side_stack);
}

const char *
dossier_window_get_main_page (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->main_stack);
}

DossierFilterPanel *
dossier_window_get_filter_panel (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return self->filter_panel;
}

DossierTextSearch *
dossier_window_get_text_search (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return self->text_search;
}
