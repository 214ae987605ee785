/* test-gui-curator.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Curation from the window's side: actions edit the graph, every edit is
 * saved, undo and redo are named, and a new session finds the edits. */

#include "config.h"

#include "test-util.h"

#include <gtk/gtk.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "dossier-corpus.h"
#include "dossier-curation.h"
#include "dossier-curator.h"
#include "dossier-extractor.h"
#include "dossier-article-reader.h"
#include "dossier-graph-view.h"
#include "dossier-passage-list.h"
#include "dossier-preferences.h"
#include "dossier-window.h"
#include "gui-test-util.h"

static void
select_entity (DossierCurator *curator,
               const char     *name)
{
  DossierEntity *entity = dossier_graph_lookup_entity (dossier_curator_get_graph (curator), name);
  guint id;

  g_assert_nonnull (entity);
  id = entity->id;
  dossier_curator_set_selection (curator, &id, 1, -1, -1, 0, 0);
}

static void
count (guint *n)
{
  (*n)++;
}

static char *
menu_label (GMenuModel *menu,
            guint       i)
{
  char *label = NULL;

  g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
  return label;
}

static void
test_edit_save_reload (void)
{
  g_autoptr(DossierGraph) extracted = test_load_seeds ();
  g_autoptr(DossierCurator) curator = dossier_curator_new ();
  g_autoptr(DossierCurator) again = NULL;
  GActionGroup *actions;
  guint changed = 0;

  g_signal_connect_swapped (curator, "graph-changed", G_CALLBACK (count), &changed);
  dossier_curator_set_extracted (curator, extracted);
  g_assert_cmpuint (changed, ==, 1);
  actions = dossier_curator_get_actions (curator);

  /* Nothing selected: entity edits are off. */
  g_assert_false (g_action_group_get_action_enabled (actions, "rename"));
  g_assert_false (g_action_group_get_action_enabled (actions, "undo"));

  select_entity (curator, "Oracle");
  g_assert_true (g_action_group_get_action_enabled (actions, "rename"));
  g_action_group_activate_action (actions, "rename", g_variant_new_string ("Oracle Corporation"));
  g_assert_cmpuint (changed, ==, 2);
  g_assert_nonnull (dossier_graph_lookup_entity (dossier_curator_get_graph (curator), "Oracle Corporation"));
  g_assert_true (g_file_test (dossier_curator_get_path (curator), G_FILE_TEST_EXISTS));

  /* The seeds' edits live in the user's data folder, not beside the seeds. */
  g_assert_true (g_str_has_prefix (dossier_curator_get_path (curator), g_get_user_data_dir ()));

  {
    g_autofree char *undo = menu_label (dossier_curator_get_undo_menu (curator), 0);
    g_assert_nonnull (strstr (undo, "Oracle Corporation"));
  }

  /* Merge Larry Ellison into Oracle, then undo it. */
  select_entity (curator, "Oracle Corporation");
  g_action_group_activate_action (actions, "merge", g_variant_new_string ("Larry Ellison"));
  g_assert_true (dossier_graph_lookup_entity (dossier_curator_get_graph (curator), "Larry Ellison") ==
                 dossier_graph_lookup_entity (dossier_curator_get_graph (curator), "Oracle Corporation"));
  g_action_group_activate_action (actions, "undo", NULL);
  g_assert_true (dossier_graph_lookup_entity (dossier_curator_get_graph (curator), "Larry Ellison") !=
                 dossier_graph_lookup_entity (dossier_curator_get_graph (curator), "Oracle Corporation"));
  g_assert_true (g_action_group_get_action_enabled (actions, "redo"));

  /* Hide TikTok. */
  g_assert_false (g_action_group_get_action_enabled (actions, "show-hidden"));
  select_entity (curator, "TikTok");
  g_action_group_activate_action (actions, "hide", NULL);
  g_assert_true (dossier_graph_lookup_entity (dossier_curator_get_graph (curator), "TikTok")->hidden);

  /* Hidden actors are listed to be shown again, without undoing. */
  g_assert_true (g_action_group_get_action_enabled (actions, "show-hidden"));
  g_action_group_activate_action (actions, "show-hidden", g_variant_new_string ("TikTok"));
  g_assert_false (dossier_graph_lookup_entity (dossier_curator_get_graph (curator), "TikTok")->hidden);
  g_assert_false (g_action_group_get_action_enabled (actions, "show-hidden"));
  select_entity (curator, "TikTok");
  g_action_group_activate_action (actions, "hide", NULL);
  g_assert_true (dossier_graph_lookup_entity (dossier_curator_get_graph (curator), "TikTok")->hidden);

  /* A new session on the same corpus finds the rename and the hide. */
  again = dossier_curator_new ();
  dossier_curator_set_extracted (again, extracted);
  g_assert_nonnull (dossier_graph_lookup_entity (dossier_curator_get_graph (again), "Oracle Corporation"));
  g_assert_cmpstr (dossier_graph_lookup_entity (dossier_curator_get_graph (again), "Oracle")->name, ==,
                   "Oracle Corporation");
  g_assert_true (dossier_graph_lookup_entity (dossier_curator_get_graph (again), "TikTok")->hidden);
  g_assert_true (g_action_group_get_action_enabled (dossier_curator_get_actions (again), "undo"));
}

static void
keep_problem (char       **slot,
              const char  *message)
{
  g_free (*slot);
  *slot = g_strdup (message);
}

/* @curator on @extracted; the path of its edits file, whose folder is made. */
static char *
edits_path_made (DossierCurator *curator,
                 DossierGraph   *extracted)
{
  g_autofree char *dir = NULL;

  dossier_curator_set_extracted (curator, extracted);
  dir = g_path_get_dirname (dossier_curator_get_path (curator));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return g_strdup (dossier_curator_get_path (curator));
}

static void
test_corrupt_project (void)
{
  g_autoptr(DossierGraph) extracted = test_load_seeds ();
  g_autoptr(DossierCurator) curator = dossier_curator_new ();
  g_autofree char *path = edits_path_made (curator, extracted);
  g_autofree char *problem = NULL;

  /* Break the file. */
  g_assert_true (g_file_set_contents (path, "{ broken", -1, NULL));

  g_signal_connect_swapped (curator, "problem", G_CALLBACK (keep_problem), &problem);
  dossier_curator_set_extracted (curator, extracted);
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem, ".bak"));
}

/* A link in the edits file's place: the window refuses it (named), keeps
 * the edit in memory, shows it, and says it is not saved yet; the file
 * the link points at is untouched. */
static void
test_unsaved_edits_kept (void)
{
  g_autoptr(DossierGraph) extracted = test_load_seeds ();
  g_autoptr(DossierCurator) curator = dossier_curator_new ();
  g_autofree char *path = edits_path_made (curator, extracted);
  g_autofree char *target = g_strconcat (path, ".elsewhere", NULL);
  g_autofree char *problem = NULL;
  g_autofree char *contents = NULL;

  g_unlink (path);
  g_assert_true (g_file_set_contents (target, "someone's file", -1, NULL));
  g_assert_cmpint (symlink (target, path), ==, 0);

  g_signal_connect_swapped (curator, "problem", G_CALLBACK (keep_problem), &problem);
  dossier_curator_set_extracted (curator, extracted);
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem, "symbolic link"));
  g_clear_pointer (&problem, g_free);

  select_entity (curator, "Oracle");
  g_action_group_activate_action (dossier_curator_get_actions (curator), "rename",
                                  g_variant_new_string ("Oracle Unsaved"));
  g_assert_nonnull (problem);
  g_test_message ("%s", problem);
  g_assert_nonnull (strstr (problem, "not saved yet"));
  g_assert_nonnull (strstr (problem, path));
  g_assert_nonnull (dossier_graph_lookup_entity (dossier_curator_get_graph (curator), "Oracle Unsaved"));

  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "someone's file");
  g_unlink (path);
}

static void
test_add_relation_from_passage (void)
{
  g_autoptr(DossierGraph) extracted = test_load_seeds ();
  g_autoptr(DossierCurator) curator = dossier_curator_new ();
  GActionGroup *actions;
  DossierGraph *graph;
  DossierEntity *hawley, *walmart;
  DossierRelation *relation;
  guint id;

  dossier_curator_set_extracted (curator, extracted);
  actions = dossier_curator_get_actions (curator);
  graph = dossier_curator_get_graph (curator);

  /* An actor alone is not enough: a passage must be open in the reader. */
  id = dossier_graph_lookup_entity (graph, "Josh Hawley")->id;
  dossier_curator_set_selection (curator, &id, 1, -1, -1, 0, 0);
  g_assert_false (g_action_group_get_action_enabled (actions, "add-relation"));

  dossier_curator_set_selection (curator, &id, 1, -1, 2, 100, 180);
  g_assert_true (g_action_group_get_action_enabled (actions, "add-relation"));
  g_action_group_activate_action (actions, "add-relation", g_variant_new_string ("opposes:Walmart"));

  graph = dossier_curator_get_graph (curator);
  hawley = dossier_graph_lookup_entity (graph, "Josh Hawley");
  walmart = dossier_graph_lookup_entity (graph, "Walmart");
  relation = dossier_graph_lookup_relation (graph, hawley->id, DOSSIER_RELATION_OPPOSES, walmart->id);
  g_assert_nonnull (relation);
  g_assert_cmpuint (relation->evidence->len, ==, 1);
  g_assert_cmpuint (g_array_index (relation->evidence, DossierEvidence, 0).article, ==, 2);
  g_assert_cmpuint (g_array_index (relation->evidence, DossierEvidence, 0).start, ==, 100);
  g_assert_cmpuint (g_array_index (relation->evidence, DossierEvidence, 0).end, ==, 180);
}

/* Renaming onto another actor's name is refused, not a silent merge. */
static void
test_rename_onto_other (void)
{
  g_autoptr(DossierGraph) extracted = test_load_seeds ();
  g_autoptr(DossierCurator) curator = dossier_curator_new ();
  g_autofree char *problem = NULL;
  DossierGraph *graph;
  guint id;

  dossier_curator_set_extracted (curator, extracted);
  g_signal_connect_swapped (curator, "problem", G_CALLBACK (keep_problem), &problem);
  graph = dossier_curator_get_graph (curator);
  id = dossier_graph_lookup_entity (graph, "Donald Trump")->id;
  dossier_curator_set_selection (curator, &id, 1, -1, -1, 0, 0);

  g_action_group_activate_action (dossier_curator_get_actions (curator), "rename", g_variant_new_string ("Oracle"));
  g_assert_nonnull (problem);
  graph = dossier_curator_get_graph (curator);
  g_assert_true (dossier_graph_lookup_entity (graph, "Donald Trump") != dossier_graph_lookup_entity (graph, "Oracle"));
  g_assert_false (g_action_group_get_action_enabled (dossier_curator_get_actions (curator), "undo"));

  /* Its own alias is fine: "Trump" becomes the name. */
  g_action_group_activate_action (dossier_curator_get_actions (curator), "rename", g_variant_new_string ("Trump"));
  graph = dossier_curator_get_graph (curator);
  g_assert_cmpstr (dossier_graph_lookup_entity (graph, "Donald Trump")->name, ==, "Trump");
}

static gboolean
timed_out (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Another process saves an edit in the file the window uses: the window
 * notices (a file monitor) and shows it, and its own next save keeps it. */
static void
test_edits_from_elsewhere (void)
{
  g_autoptr(DossierGraph) extracted = test_load_seeds ();
  g_autoptr(DossierCurator) curator = dossier_curator_new ();
  g_autoptr(DossierCuration) other = dossier_curation_new ();
  g_autoptr(GError) error = NULL;
  GActionGroup *actions;
  const char *path;
  gboolean timeout = FALSE;
  guint changed = 0;
  guint timer;

  dossier_curator_set_extracted (curator, extracted);
  path = dossier_curator_get_path (curator);
  g_signal_connect_swapped (curator, "graph-changed", G_CALLBACK (count), &changed);

  g_assert_true (dossier_curation_load (other, path, &error));
  dossier_curation_push (other, dossier_edit_rename ("Oracle", "Oracle Elsewhere"));
  g_assert_true (dossier_curation_save (other, path, &error));
  g_assert_no_error (error);

  timer = g_timeout_add_seconds (20, timed_out, &timeout);
  while (changed == 0 && !timeout)
    g_main_context_iteration (NULL, TRUE);
  if (!timeout)
    g_source_remove (timer);
  g_assert_false (timeout);
  g_assert_nonnull (dossier_graph_lookup_entity (dossier_curator_get_graph (curator), "Oracle Elsewhere"));

  /* An edit in the window now: both are in the file. */
  actions = dossier_curator_get_actions (curator);
  select_entity (curator, "TikTok");
  g_action_group_activate_action (actions, "rename", g_variant_new_string ("TikTok Here"));
  g_assert_true (dossier_curation_load (other, path, &error));
  g_assert_cmpuint (dossier_curation_get_n_edits (other), ==, 2);
}


/* Through the window ------------------------------------------------------ */

#define ARTICLE "Publié le 14/03/2021\n\nLe groupe zorblax rachète TikTok pour 2 milliards de dollars. " \
                "Selon Oracle, zorblax a aussi signé un partenariat avec Microsoft, dit big red.\n"

static DossierEntity *
lookup (DossierWindow *win,
        const char    *name)
{
  return dossier_graph_lookup_entity (dossier_window_get_graph (win), name);
}

/* The toplevel of @type on screen, or NULL. */
static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

/* Opens the first passage of @entity in the reader and selects @text there. */
static DossierArticleReader *
select_in_reader (DossierWindow *win,
                  const char    *entity,
                  const char    *text)
{
  DossierArticleReader *reader = dossier_window_get_reader (win);
  GtkTextBuffer *buffer;
  GtkTextIter start, match_start, match_end;

  g_assert_true (dossier_graph_view_select_entity (dossier_window_get_graph_view (win), lookup (win, entity)->id));
  dossier_passage_list_activate (dossier_window_get_passage_list (win), 0);
  g_assert_cmpstr (dossier_window_get_side_page (win), ==, "reader");

  buffer = gtk_text_view_get_buffer (dossier_article_reader_get_text_view (reader));
  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, text, GTK_TEXT_SEARCH_CASE_INSENSITIVE, &match_start, &match_end, NULL));
  gtk_text_buffer_select_range (buffer, &match_start, &match_end);
  return reader;
}

static void
test_window_create_from_reader (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-repair-XXXXXX", &error);
  g_autofree char *article = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *changed = g_strconcat (ARTICLE, "Enfin, zorblax rachète Oracle.\n", NULL);
  DossierArticleReader *reader;
  DossierWindow *win;
  GtkWidget *dialog;
  DossierEntity *zorblax;

  g_assert_true (g_file_set_contents (article, ARTICLE, -1, &error));
  win = gui_test_open_window (dir);
  g_assert_null (lookup (win, "zorblax"));

  /* Select the name in the reader and create the actor: a dialog asks. */
  reader = select_in_reader (win, "TikTok", "zorblax");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.create-actor", NULL));
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  gui_test_wait_until_loaded (win);

  /* Extracted again: both occurrences are mentions, relations follow. */
  zorblax = lookup (win, "zorblax");
  g_assert_nonnull (zorblax);
  g_assert_cmpint (zorblax->type, ==, DOSSIER_ENTITY_COMPANY);
  g_assert_cmpuint (zorblax->mentions->len, ==, 2);
  g_assert_nonnull (dossier_graph_lookup_relation (dossier_window_get_graph (win), zorblax->id,
                                                   DOSSIER_RELATION_ACQUIRES, lookup (win, "TikTok")->id));

  /* "big red" marked as an alias of Oracle, from the text. */
  reader = select_in_reader (win, "Oracle", "big red");
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (win), "curate.alias-text",
                                                     g_variant_new_strv ((const char *[]) { "big red", "Oracle", NULL }, 2)));
  gui_test_wait_until_loaded (win);
  g_assert_true (lookup (win, "big red") == lookup (win, "Oracle"));
  g_assert_cmpuint (lookup (win, "Oracle")->mentions->len, ==, 2);

  /* Microsoft is not an actor, said from the reader. */
  reader = select_in_reader (win, "Microsoft", "Microsoft");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.not-actor", NULL));
  gui_test_wait_until_loaded (win);
  g_assert_null (lookup (win, "Microsoft"));
  gui_test_close_window (win);

  /* A new window on the same folder: the edits, and the extraction they need. */
  win = gui_test_open_window (dir);
  g_assert_cmpuint (lookup (win, "zorblax")->mentions->len, ==, 2);
  g_assert_true (lookup (win, "big red") == lookup (win, "Oracle"));
  g_assert_null (lookup (win, "Microsoft"));

  /* The article changes and is read again: the new occurrence counts. */
  g_assert_true (g_file_set_contents (article, changed, -1, &error));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.reload", NULL));
  gui_test_wait_until_loaded (win);
  zorblax = lookup (win, "zorblax");
  g_assert_cmpuint (zorblax->mentions->len, ==, 3);
  g_assert_nonnull (dossier_graph_lookup_relation (dossier_window_get_graph (win), zorblax->id,
                                                   DOSSIER_RELATION_ACQUIRES, lookup (win, "Oracle")->id));

  /* Undone, the actor goes with its mentions. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "curate.undo", NULL));
  gui_test_wait_until_loaded (win);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "curate.undo", NULL));
  gui_test_wait_until_loaded (win);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "curate.undo", NULL));
  gui_test_wait_until_loaded (win);
  g_assert_null (lookup (win, "zorblax"));
  gui_test_close_window (win);

  {
    g_autofree char *project = g_build_filename (dir, ".dossier-project.json", NULL);

    g_unlink (project);
  }
  g_unlink (article);
  g_rmdir (dir);
}

/* The "Show Rejected" toggle of the passage list, or NULL. */
static gboolean
is_show_rejected (GtkWidget     *widget,
                  gconstpointer  data)
{
  return gtk_widget_has_css_class (widget, "show-rejected");
}

static GtkWidget *
find_show_rejected (GtkWidget *widget)
{
  return gui_test_find (widget, is_show_rejected, NULL);
}

static DossierRelation *
seed_relation (DossierWindow *win,
               const char    *source,
               const char    *target)
{
  return dossier_graph_lookup_relation (dossier_window_get_graph (win), lookup (win, source)->id,
                                        DOSSIER_RELATION_PARTNERS, lookup (win, target)->id);
}

static void
test_window_reject_passage (void)
{
  DossierWindow *win = gui_test_open_window (NULL);
  DossierPassageList *list = dossier_window_get_passage_list (win);
  DossierRelation *relation = seed_relation (win, "Oracle", "TikTok");
  GtkWidget *toggle;
  guint n, rejected = G_MAXUINT;

  g_assert_nonnull (relation);
  n = relation->evidence->len;
  g_assert_cmpuint (n, >=, 2);
  g_assert_true (dossier_graph_view_select_relation (dossier_window_get_graph_view (win), relation->id));
  g_assert_null (find_show_rejected (GTK_WIDGET (list)));

  /* One passage rejected: the relation stays on the others. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "passages.reject", "u", 0));
  gui_test_wait_until_loaded (win);
  relation = seed_relation (win, "Oracle", "TikTok");
  g_assert_nonnull (relation);
  g_assert_cmpuint (relation->evidence->len, ==, n - 1);

  /* Listed, struck out, under Show Rejected; restored from there. */
  dossier_graph_view_clear_selection (dossier_window_get_graph_view (win));
  g_assert_true (dossier_graph_view_select_relation (dossier_window_get_graph_view (win), relation->id));
  toggle = find_show_rejected (GTK_WIDGET (list));
  g_assert_nonnull (toggle);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (toggle), TRUE);
  g_assert_cmpuint (dossier_passage_list_get_n_passages (list), ==, n);
  for (guint i = 0; i < n; i++)
    if (dossier_passage_list_get_passage (list, i)->rejected >= 0)
      rejected = i;
  g_assert_cmpuint (rejected, <, n);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "passages.restore", "u", rejected));
  gui_test_wait_until_loaded (win);
  g_assert_cmpuint (seed_relation (win, "Oracle", "TikTok")->evidence->len, ==, n);
  gui_test_close_window (win);
}

static void
test_window_gazetteer_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-gazetteer-XXXXXX", &error);
  g_autofree char *article = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *gaz = g_build_filename (g_get_tmp_dir (), "dossier-test-mine.gaz", NULL);
  g_autofree char *bad = g_build_filename (g_get_tmp_dir (), "dossier-test-bad.gaz", NULL);
  DossierPreferences *prefs;
  DossierWindow *win;

  g_assert_true (g_file_set_contents (article, ARTICLE, -1, &error));
  g_assert_true (g_file_set_contents (gaz, "company\tzorblax\tZorblax Group\n", -1, &error));
  g_assert_true (g_file_set_contents (bad, "not a gazetteer line\n", -1, &error));
  win = gui_test_open_window (dir);
  g_assert_null (lookup (win, "zorblax"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "curate.preferences", NULL));
  prefs = DOSSIER_PREFERENCES (find_toplevel (DOSSIER_TYPE_PREFERENCES));
  g_assert_nonnull (prefs);

  /* A file that does not read is refused, with the reason. */
  g_assert_false (dossier_preferences_add_file (prefs, bad, &error));
  g_assert_error (error, DOSSIER_GAZETTEER_ERROR, DOSSIER_GAZETTEER_ERROR_PARSE);
  g_clear_error (&error);

  /* Added: the articles are extracted again with it. */
  g_assert_true (dossier_preferences_add_file (prefs, gaz, &error));
  g_assert_no_error (error);
  gui_test_wait_until_loaded (win);
  g_assert_cmpuint (lookup (win, "zorblax")->mentions->len, ==, 2);

  /* Another window finds it (the setting), and loses it once removed. */
  {
    DossierWindow *other = gui_test_open_window (dir);

    g_assert_nonnull (lookup (other, "zorblax"));
    gui_test_close_window (other);
  }
  dossier_preferences_remove_file (prefs, gaz);
  gui_test_wait_until_loaded (win);
  g_assert_null (lookup (win, "zorblax"));
  gtk_window_destroy (GTK_WINDOW (prefs));
  gui_test_close_window (win);
  win = gui_test_open_window (dir);
  g_assert_null (lookup (win, "zorblax"));
  gui_test_close_window (win);

  g_unlink (gaz);
  g_unlink (bad);
  g_unlink (article);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add_func ("/gui/curator/edit-save-reload", test_edit_save_reload);
  g_test_add_func ("/gui/curator/corrupt-project", test_corrupt_project);
  g_test_add_func ("/gui/curator/add-relation-from-passage", test_add_relation_from_passage);
  g_test_add_func ("/gui/curator/rename-onto-other", test_rename_onto_other);
  g_test_add_func ("/gui/curator/edits-from-elsewhere", test_edits_from_elsewhere);
  g_test_add_func ("/gui/curator/unsaved-edits-kept", test_unsaved_edits_kept);
  g_test_add_func ("/gui/curator/window-create-from-reader", test_window_create_from_reader);
  g_test_add_func ("/gui/curator/window-reject-passage", test_window_reject_passage);
  g_test_add_func ("/gui/curator/window-gazetteer-file", test_window_gazetteer_file);

  return g_test_run ();
}
