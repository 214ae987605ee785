/* test-gui-search.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Text search and merge suggestions driven through the window's actions:
 * Ctrl+Shift+F's action finds passages, a result opens in the reader, the
 * actors of the results are selected together; Possible Duplicates merges
 * one pair and marks another Not the Same, which is saved and undone. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "dossier-curation.h"
#include "dossier-duplicates-dialog.h"
#include "dossier-graph-view.h"
#include "dossier-suggest.h"
#include "dossier-text-search.h"
#include "dossier-window.h"
#include "gui-test-util.h"
#include "suggest-test-util.h"

typedef gboolean (*Condition) (gpointer data);

/* Runs the main loop until @done says so. */
static void
iterate_until (Condition done,
               gpointer  data)
{
  for (guint i = 0; i < 3; i++)
    g_main_context_iteration (NULL, FALSE);
  while (!done (data))
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
window_ready (gpointer data)
{
  DossierWindow *win = data;
  DossierGraphView *view = dossier_window_get_graph_view (win);

  if (dossier_window_is_busy (win) || g_strcmp0 (dossier_window_get_main_page (win), "loading") == 0)
    return FALSE;
  return g_strcmp0 (dossier_window_get_main_page (win), "graph") != 0 ||
         (dossier_graph_view_has_scene (view) && gtk_widget_get_width (GTK_WIDGET (view)) > 1);
}

static gboolean
search_done (gpointer data)
{
  return !dossier_text_search_is_busy (data);
}

/* Whether @widget binds @keyval with @mods to the action @name. */
static gboolean
binds (GtkWidget       *widget,
       guint            keyval,
       GdkModifierType  mods,
       const char      *name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      for (guint j = 0; GTK_IS_SHORTCUT_CONTROLLER (controller) &&
                        j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) && GTK_IS_NAMED_ACTION (action) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == mods &&
              g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), name))
            return TRUE;
        }
    }
  return FALSE;
}

static char *
hit_text (DossierWindow          *win,
          const DossierSearchHit *hit,
          guint                   match)
{
  const DossierArticle *article = dossier_corpus_get_article (dossier_window_get_graph (win)->corpus, hit->article);
  const DossierRange *r = &g_array_index (hit->matches, DossierRange, match);

  return g_strndup (article->text + r->start, r->end - r->start);
}

static void
test_text_search (void)
{
  DossierWindow *win = gui_test_open_window (NULL);
  DossierTextSearch *search = dossier_window_get_text_search (win);
  const DossierSearchHit *hit;
  g_autoptr(GArray) selected = NULL;

  g_assert_true (binds (GTK_WIDGET (win), GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.text-search"));
  gtk_widget_activate_action (GTK_WIDGET (win), "win.text-search", NULL);
  g_assert_cmpstr (dossier_window_get_side_page (win), ==, "search");

  /* Accents and case do not matter. */
  dossier_text_search_set_query (search, "etats-unis");
  iterate_until (search_done, search);
  g_assert_cmpuint (dossier_text_search_get_n_results (search), >, 0);
  {
    g_autofree char *word = hit_text (win, dossier_text_search_get_result (search, 0), 0);
    g_assert_cmpstr (word, ==, "États");
  }

  /* Several words; a result opens the reader at its sentence. */
  dossier_text_search_set_query (search, "oracle tiktok");
  iterate_until (search_done, search);
  g_assert_cmpuint (dossier_text_search_get_n_results (search), >=, 2);
  hit = dossier_text_search_get_result (search, 1);
  g_assert_cmpuint (hit->actors->len, >=, 2);
  dossier_text_search_activate (search, 1);
  g_assert_cmpstr (dossier_window_get_side_page (win), ==, "reader");
  g_assert_cmpint (dossier_article_reader_get_article (dossier_window_get_reader (win)), ==, hit->article);

  /* Back to the results; their actors are selected together. */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.text-search", NULL);
  g_assert_cmpstr (dossier_window_get_side_page (win), ==, "search");
  g_assert_cmpuint (dossier_text_search_get_n_results (search), >=, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (search), "text-search.select-actors", NULL));
  selected = dossier_graph_view_get_selected_entities (dossier_window_get_graph_view (win));
  g_assert_cmpuint (selected->len, >=, 2);
  {
    DossierGraph *shown = dossier_window_get_subgraph (win)->graph;
    gboolean oracle = FALSE, tiktok = FALSE;

    for (guint i = 0; i < selected->len; i++)
      {
        const char *name = dossier_graph_get_entity (shown, g_array_index (selected, guint, i))->name;

        oracle = oracle || g_str_equal (name, "Oracle");
        tiktok = tiktok || g_str_equal (name, "TikTok");
      }
    g_assert_true (oracle && tiktok);
  }
  g_assert_cmpstr (dossier_window_get_side_page (win), ==, "search");

  /* Nothing found, then a bad query: no results, no crash. */
  dossier_text_search_set_query (search, "zzyzx");
  iterate_until (search_done, search);
  g_assert_cmpuint (dossier_text_search_get_n_results (search), ==, 0);
  dossier_text_search_set_query (search, "« »");
  g_assert_cmpuint (dossier_text_search_get_n_results (search), ==, 0);

  gtk_window_destroy (GTK_WINDOW (win));
}

static const char article_text[] =
  "Nippon Steel rachète U.S. Steel\n\n"
  "Le groupe japonais Nippon Steel a annoncé le rachat de U.S. Steel pour 14 milliards de dollars. "
  "Le président de US Steel, David Burritt, a salué l'accord. "
  "International Business Machines a commenté. IBM a refusé de commenter.\n";

static DossierDuplicatesDialog *
find_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (DOSSIER_IS_DUPLICATES_DIALOG (l->data))
        return l->data;
    }
  return NULL;
}

static guint
index_of (DossierGraph *graph,
          GArray       *suggestions,
          const char   *other)
{
  for (guint i = 0; i < suggestions->len; i++)
    {
      if (g_str_equal (dossier_graph_get_entity (graph, g_array_index (suggestions, DossierSuggestion, i).other)->name, other))
        return i;
    }
  g_assert_not_reached ();
}

static void
test_duplicates (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dossier-dup-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "steel.txt", NULL);
  DossierWindow *win;
  DossierDuplicatesDialog *dialog;
  DossierGraph *graph;
  GArray *suggestions;

  g_assert_true (g_file_set_contents (path, article_text, -1, NULL));
  win = gui_test_open_window (dir);

  gtk_widget_activate_action (GTK_WIDGET (win), "win.duplicates", NULL);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  graph = dossier_window_get_graph (win);
  suggestions = dossier_duplicates_dialog_get_suggestions (dialog);
  g_assert_nonnull (test_find_suggestion (graph, suggestions, "United States Steel", "U.S. Steel"));
  g_assert_nonnull (test_find_suggestion (graph, suggestions, "International Business Machines", "IBM"));

  /* Merge: one actor is left, under the fuller name. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "duplicates.merge", "u",
                                             index_of (graph, suggestions, "U.S. Steel")));
  iterate_until (window_ready, win);
  graph = dossier_window_get_graph (win);
  g_assert_true (dossier_graph_lookup_entity (graph, "U.S. Steel") ==
                 dossier_graph_lookup_entity (graph, "United States Steel"));
  suggestions = dossier_duplicates_dialog_get_suggestions (dialog);
  g_assert_null (test_find_suggestion (graph, suggestions, "United States Steel", "U.S. Steel"));

  /* Not the Same: the pair goes, both actors stay, the edit is saved. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "duplicates.not-same", "u",
                                             index_of (graph, suggestions, "IBM")));
  iterate_until (window_ready, win);
  graph = dossier_window_get_graph (win);
  suggestions = dossier_duplicates_dialog_get_suggestions (dialog);
  g_assert_null (test_find_suggestion (graph, suggestions, "International Business Machines", "IBM"));
  g_assert_true (dossier_graph_lookup_entity (graph, "IBM") !=
                 dossier_graph_lookup_entity (graph, "International Business Machines"));
  {
    g_autoptr(DossierCuration) saved = dossier_curation_new ();
    g_autofree char *project = dossier_curation_path_for_corpus ((const char * const *) graph->corpus->roots);
    g_auto(GStrv) distinct = NULL;

    g_assert_true (dossier_curation_load (saved, project, NULL));
    distinct = dossier_curation_dup_distinct (saved);
    g_assert_cmpuint (g_strv_length (distinct), ==, 2);
    g_assert_cmpuint (dossier_curation_get_n_edits (saved), ==, 2);
  }

  /* Undo brings the suggestion back. */
  gtk_widget_activate_action (GTK_WIDGET (win), "curate.undo", NULL);
  iterate_until (window_ready, win);
  graph = dossier_window_get_graph (win);
  g_assert_nonnull (test_find_suggestion (graph, dossier_duplicates_dialog_get_suggestions (dialog),
                           "International Business Machines", "IBM"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (win));
  {
    const char *roots[] = { dir, NULL };
    g_autofree char *project = dossier_curation_path_for_corpus (roots);

    g_unlink (project);
    g_unlink (path);
  }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add_func ("/gui/search/text-search", test_text_search);
  g_test_add_func ("/gui/search/duplicates", test_duplicates);

  return g_test_run ();
}
