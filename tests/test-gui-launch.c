/* test-gui-launch.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The graph kept at the last run: drawn at once, as a picture, while the
 * articles load again; then the window's own graph in its place. */

#include "config.h"

#include "dossier-window.h"
#include "gui-test-util.h"

static void
test_last_graph_first (void)
{
  DossierWindow *win = gui_test_open_window (NULL);
  guint shown = dossier_window_get_subgraph (win)->entities->len;
  DossierGraphView *view;

  gui_test_close_window (win);

  win = dossier_window_new (NULL);
  view = dossier_window_get_graph_view (win);
  gtk_window_set_default_size (GTK_WINDOW (win), 1200, 800);
  gtk_window_present (GTK_WINDOW (win));
  dossier_window_load (win, NULL);
  while (g_strcmp0 (dossier_window_get_main_page (win), "loading") == 0)
    g_main_context_iteration (NULL, TRUE);

  /* The picture: busy, no clicks taken, drawn before the articles are
   * read again (their load waits for that frame). */
  g_assert_cmpstr (dossier_window_get_main_page (win), ==, "graph");
  g_assert_true (dossier_window_is_busy (win));
  g_assert_null (dossier_window_get_subgraph (win));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (view)));
  while (!dossier_graph_view_has_scene (view) && dossier_window_get_subgraph (win) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (dossier_window_get_subgraph (win));

  gui_test_wait_until_drawn (win);
  g_assert_false (dossier_window_is_busy (win));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (view)));
  g_assert_nonnull (dossier_window_get_subgraph (win));
  g_assert_cmpuint (dossier_window_get_subgraph (win)->entities->len, ==, shown);
  gui_test_close_window (win);
}

/* Nothing kept: the loading page, then the graph, as always. */
static void
test_nothing_kept (void)
{
  g_autofree char *cache = g_build_filename (g_get_user_cache_dir (), "dossier", NULL);
  DossierWindow *win;

  g_assert_false (g_file_test (cache, G_FILE_TEST_EXISTS));
  win = dossier_window_new (NULL);
  gtk_window_present (GTK_WINDOW (win));
  dossier_window_load (win, NULL);
  g_assert_cmpstr (dossier_window_get_main_page (win), ==, "loading");
  g_assert_true (dossier_window_is_busy (win));
  gui_test_wait_until_drawn (win);
  g_assert_cmpstr (dossier_window_get_main_page (win), ==, "graph");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (dossier_window_get_graph_view (win))));
  g_assert_true (g_file_test (cache, G_FILE_TEST_IS_DIR));
  gui_test_close_window (win);
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add_func ("/launch/last-graph-first", test_last_graph_first);
  g_test_add_func ("/launch/nothing-kept", test_nothing_kept);

  return g_test_run ();
}
