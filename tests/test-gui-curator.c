/* test-gui-curator.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Curation from the window's side: actions edit the graph, every edit is
 * saved, undo and redo are named, and a new session finds the edits. */

#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "dossier-corpus.h"
#include "dossier-curator.h"
#include "dossier-extractor.h"

static DossierGraph *
extract_seeds (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCorpus) corpus = NULL;
  g_autoptr(DossierGazetteer) gazetteer = NULL;
  g_autofree char *seeds = dossier_corpus_default_path ();
  const char *paths[] = { seeds, NULL };
  DossierGraph *graph;

  corpus = dossier_corpus_load (paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  gazetteer = dossier_gazetteer_new_default (&error);
  g_assert_no_error (error);
  graph = dossier_extract (corpus, gazetteer, NULL, NULL, &error);
  g_assert_no_error (error);
  return graph;
}

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
  g_autoptr(DossierGraph) extracted = extract_seeds ();
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

static void
test_corrupt_project (void)
{
  g_autoptr(DossierGraph) extracted = extract_seeds ();
  g_autoptr(DossierCurator) curator = dossier_curator_new ();
  g_autofree char *path = NULL;
  g_autofree char *problem = NULL;

  /* Learn the path, then break the file. */
  dossier_curator_set_extracted (curator, extracted);
  path = g_strdup (dossier_curator_get_path (curator));
  {
    g_autofree char *dir = g_path_get_dirname (path);
    g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  }
  g_assert_true (g_file_set_contents (path, "{ broken", -1, NULL));

  g_signal_connect_swapped (curator, "problem", G_CALLBACK (keep_problem), &problem);
  dossier_curator_set_extracted (curator, extracted);
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem, ".bak"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();

  g_test_add_func ("/gui/curator/edit-save-reload", test_edit_save_reload);
  g_test_add_func ("/gui/curator/corrupt-project", test_corrupt_project);

  return g_test_run ();
}
