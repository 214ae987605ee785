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

#include "dossier-window-private.h"

G_DEFINE_FINAL_TYPE (DossierWindow, dossier_window, ADW_TYPE_APPLICATION_WINDOW)

static void show_selection            (DossierWindow *self,
                                       gboolean       keep_reader);
static void update_curator_selection  (DossierWindow *self);
static DossierLayoutEngine current_engine (DossierWindow *self);
static void selection_changed_cb      (DossierWindow    *self,
                                       DossierGraphView *view);

/* Busy state */

/* Figures and pulses no more often than this: each redraws the window,
 * tens of milliseconds of CPU where GL is software, taken from the load:
 * twice a second is enough to see it move. */
#define PROGRESS_INTERVAL_MS 500

static gboolean
pulse_cb (gpointer data)
{
  DossierWindow *self = data;

  /* A pulsing bar animates at every frame: the long wait for the
   * extraction (and, over the last run's graph, for the whole load) says
   * what it waits for instead. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->layout_progress)) && !self->previewing)
    gtk_progress_bar_pulse (self->layout_progress);
  if (self->loading && gtk_progress_bar_get_fraction (self->loading_progress) >= 1.0)
    gtk_progress_bar_set_text (self->loading_progress, _("Finding actors and relations…"));
  return G_SOURCE_CONTINUE;
}

void
dossier_window_update_busy (DossierWindow *self)
{
  gboolean busy = dossier_window_is_busy (self);
  gboolean bar = busy && (self->subgraph != NULL || self->previewing);
  /* One moving sign of work at a time: each animation frame redraws the
   * window, seconds of CPU over a long load where GL is software. */
  gboolean spin = busy && !bar && g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "loading") != 0;

  gtk_spinner_set_spinning (self->spinner, spin);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), spin);
  /* The old drawing stays visible under a thin progress bar. */
  gtk_widget_set_visible (GTK_WIDGET (self->layout_progress), bar);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->graph_view),
                               GTK_ACCESSIBLE_STATE_BUSY, busy,
                               -1);

  if (busy && self->pulse_id == 0)
    self->pulse_id = g_timeout_add (PROGRESS_INTERVAL_MS, pulse_cb, self);
  else if (!busy)
    g_clear_handle_id (&self->pulse_id, g_source_remove);
}

/* @text is plain text: AdwToast titles are markup, so it is escaped. */
void
dossier_window_show_toast (DossierWindow *self,
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
      if (p->self->previewing)
        gtk_progress_bar_set_fraction (p->self->layout_progress, (double) p->done / p->total);
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
  gint64         posted;       /* when the last figures were posted */
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
  DossierWindow *self;
  gint64 now = g_get_monotonic_time ();
  Progress *p;

  if (done > 0 && done < total && now - data->posted < PROGRESS_INTERVAL_MS * 1000)
    return;
  data->posted = now;
  if (!(self = g_weak_ref_get (&data->window)))
    return;
  p = g_new0 (Progress, 1);
  p->self = self;
  p->cancellable = g_object_ref (data->cancellable);
  p->done = done;
  p->total = total;
  g_idle_add_full (G_PRIORITY_LOW, progress_idle_cb, p, progress_free);
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

  dossier_window_end_preview (self);
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

  if (!dossier_session_load_finish (DOSSIER_SESSION (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->loading = FALSE;
      g_debug ("Loading failed: %s", error->message);
      if (self->subgraph == NULL)
        show_error_page (self, _("No Articles Could Be Read"), error->message);
      else
        dossier_window_show_toast (self, error->message);
      return;
    }

  self->loading = FALSE;
  show_load_problems (self);
  dossier_window_remember_recent (self);

  /* The curator applies the saved edits: the session's graph follows. */
  dossier_curator_set_extracted (self->curator, dossier_session_get_extracted (self->session));
  /* Where the actors were drawn last time, beside the edits the curator
   * just read; the layout that the edits start has not run yet. */
  if (dossier_curator_get_path (self->curator) != NULL)
    dossier_session_use_positions_file (self->session, dossier_curator_get_path (self->curator), TRUE);
  dossier_window_load_views (self, dossier_curator_get_path (self->curator));
}

void
dossier_window_load (DossierWindow      *self,
                     const char * const *paths)
{
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

  self->loading = TRUE;
  {
    g_auto(GStrv) gazetteers = dossier_preferences_dup_gazetteers ();

    dossier_session_set_gazetteer_files (self->session, (const char * const *) gazetteers);
  }
  /* Nothing drawn yet: the graph kept at the last run first, if any. */
  dossier_window_cancel_preview (self);
  if (self->subgraph == NULL)
    {
      dossier_session_cancel (self->session, DOSSIER_SESSION_LOAD);
      dossier_session_set_engine (self->session, current_engine (self));
      dossier_window_preview_then_load (self);
    }
  else
    dossier_window_start_load (self);
}

/* Reads self->paths with the settings dossier_window_load() gave the
 * session. */
void
dossier_window_start_load (DossierWindow *self)
{
  LoadData *data = g_new0 (LoadData, 1);

  data->cancellable = g_cancellable_new ();
  g_weak_ref_init (&data->window, self);
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
        dossier_window_show_toast (self, error->message);
      return;
    }

  dossier_session_mark_time ("laid out", NULL);
  dossier_window_end_preview (self);
  g_clear_pointer (&self->subgraph, dossier_subgraph_unref);
  self->subgraph = dossier_subgraph_ref (dossier_session_get_subgraph (self->session));
  dossier_legend_set_subgraph (self->legend, self->subgraph);
  /* The view clears its selection: the session keeps it by name. */
  g_signal_handlers_block_by_func (self->graph_view, selection_changed_cb, self);
  dossier_graph_view_set_graph (self->graph_view, self->subgraph, layout);
  restore_selection (self);
  g_signal_handlers_unblock_by_func (self->graph_view, selection_changed_cb, self);
  dossier_window_views_layout_done (self, layout);
  gtk_stack_set_visible_child_name (self->main_stack, "graph");
  update_title (self);
  dossier_window_update_completion (self);
  dossier_filter_panel_set_result (self->filter_panel, self->subgraph);
  dossier_window_update_pins (self);
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
  dossier_window_end_preview (self);
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
      dossier_window_show_toast (self, error->message);
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

void
dossier_window_lay_out (DossierWindow *self)
{
  if (dossier_session_get_filtered (self->session) == NULL)
    return;
  dossier_session_layout_async (self->session, layout_cb, g_object_ref (self));
}

/* Filters the curated graph again and lays the result out. */
void
dossier_window_relayout (DossierWindow *self)
{
  if (dossier_session_get_graph (self->session) == NULL)
    return;

  dossier_session_set_engine (self->session, current_engine (self));
  dossier_session_filter_async (self->session, filter_cb, g_object_ref (self));
}

static void
engine_changed_cb (DossierWindow *self)
{
  dossier_window_relayout (self);
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

void
dossier_window_open_in_reader (DossierWindow *self,
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
    dossier_window_open_in_reader (self, passage->article, passage->start, passage->end);
}

static void
list_relation_activated_cb (DossierWindow      *self,
                            guint               relation,
                            DossierPassageList *list)
{
  if (!dossier_graph_view_select_relation (self->graph_view, relation))
    dossier_window_show_toast (self, _("That relation is not shown in the graph"));
}

gboolean
dossier_window_select_and_center (DossierWindow *self,
                   guint          entity)
{
  if (!dossier_graph_view_select_entity (self->graph_view, entity))
    {
      dossier_window_show_toast (self, _("That actor is not shown in the graph"));
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
  dossier_window_select_and_center (self, entity);
}

static void
reader_entity_activated_cb (DossierWindow        *self,
                            guint                 entity,
                            DossierArticleReader *reader)
{
  g_autoptr(GArray) entities = NULL;

  /* Stay in the article: the list underneath follows the new actor. */
  g_signal_handlers_block_by_func (self->graph_view, selection_changed_cb, self);
  dossier_window_select_and_center (self, entity);
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
  dossier_window_show_toast (self, _("Citation copied"));
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
  dossier_window_relayout (self);
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
  dossier_window_show_toast (self, message);
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

/* GObject */

static void
dossier_window_dispose (GObject *object)
{
  DossierWindow *self = DOSSIER_WINDOW (object);

  if (self->session != NULL)
    dossier_session_cancel (self->session, DOSSIER_SESSION_LOAD);
  dossier_window_cancel_preview (self);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  if (self->main_stack != NULL)
    g_signal_handlers_disconnect_by_func (self->main_stack, dossier_window_update_busy, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_WINDOW);

  g_clear_object (&self->settings);
  /* Settings-backed actions follow the key after the window is gone:
   * take them out of its action group first. */
  g_action_map_remove_action (G_ACTION_MAP (self), "layout-engine");
  g_action_map_remove_action (G_ACTION_MAP (self), "show-filters");
  g_clear_object (&self->engine_action);
  g_clear_object (&self->filters_action);
  g_action_map_remove_action (G_ACTION_MAP (self), "saved-view");
  g_clear_object (&self->views_action);
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
  dossier_window_clear_views (self);

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
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, views_section);
  gtk_widget_class_bind_template_callback_full (widget_class, "find_entry_activate_cb",
                                                G_CALLBACK (dossier_window_find_entry_activate_cb));

  dossier_window_class_init_actions (widget_class);
  dossier_window_class_init_views (widget_class);

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

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->main_stack, "notify::visible-child",
                            G_CALLBACK (dossier_window_update_busy), self);
  self->session = dossier_session_new ();
  dossier_session_set_snapshots (self->session, TRUE);
  g_signal_connect_object (self->session, "notify::graph",
                           G_CALLBACK (graph_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::filter",
                           G_CALLBACK (session_filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::busy",
                           G_CALLBACK (dossier_window_update_busy), self, G_CONNECT_SWAPPED);
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

      g_signal_connect (action, "change-state", G_CALLBACK (dossier_window_engine_change_state_cb), self);
      self->engine_action = G_ACTION (action);
    }
  g_action_map_add_action (G_ACTION_MAP (self), self->engine_action);
  g_signal_connect_object (self->engine_action, "notify::state",
                           G_CALLBACK (engine_changed_cb), self, G_CONNECT_SWAPPED);

  legend_action = g_simple_action_new_stateful ("show-legend", NULL, g_variant_new_boolean (TRUE));
  g_signal_connect (legend_action, "change-state", G_CALLBACK (dossier_window_show_legend_change_state_cb), self);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (legend_action));

  dossier_window_init_find (self);

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
  dossier_window_init_text_search (self);
  dossier_window_init_pins (self);
  init_curation (self);
  init_filters (self);
  dossier_window_init_drop_target (self);
  dossier_window_update_recent_menu (self);
  dossier_window_init_views (self);

  dossier_window_update_busy (self);
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
  dossier_window_relayout (self);
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
  /* The last run's graph is only a picture of what is being loaded. */
  return dossier_session_get_busy (self->session) ||
         self->preview_cancellable != NULL || self->previewing;
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
