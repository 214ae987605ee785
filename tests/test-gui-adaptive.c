/* test-gui-adaptive.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The adaptive window: at 800×560 the filter and passage panes float over
 * the graph, which keeps nearly the whole width; at 1400×900 they sit
 * beside it. */

#include "config.h"

#include <adwaita.h>

#include "dossier-adaptive-panes.h"
#include "dossier-graph-view.h"
#include "dossier-window.h"
#include "gui-test-util.h"

static void
settle (void)
{
  for (int i = 0; i < 10; i++)
    {
      g_usleep (10000);
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
    }
}

static DossierWindow *
open_seeds (int width,
            int height)
{
  DossierWindow *win = dossier_window_new (NULL);
  DossierGraphView *view = dossier_window_get_graph_view (win);

  gtk_window_set_default_size (GTK_WINDOW (win), width, height);
  gtk_window_present (GTK_WINDOW (win));
  dossier_window_load (win, NULL);
  while (dossier_window_is_busy (win) ||
         g_strcmp0 (dossier_window_get_main_page (win), "graph") != 0 ||
         !dossier_graph_view_has_scene (view) ||
         gtk_widget_get_width (GTK_WIDGET (view)) <= 1)
    g_main_context_iteration (NULL, TRUE);
  settle ();
  return win;
}

static DossierAdaptivePanes *
get_panes (DossierWindow *win)
{
  GtkWidget *panes = gtk_widget_get_ancestor (GTK_WIDGET (dossier_window_get_graph_view (win)),
                                              DOSSIER_TYPE_ADAPTIVE_PANES);

  g_assert_nonnull (panes);
  return DOSSIER_ADAPTIVE_PANES (panes);
}

static double
graph_share (DossierWindow *win)
{
  return (double) gtk_widget_get_width (GTK_WIDGET (dossier_window_get_graph_view (win))) /
         gtk_widget_get_width (GTK_WIDGET (win));
}

static void
show_filters (DossierWindow *win,
              gboolean       show)
{
  g_action_group_change_action_state (G_ACTION_GROUP (win), "show-filters", g_variant_new_boolean (show));
  settle ();
}

static void
select_by_name (DossierWindow *win,
                const char    *name)
{
  gui_test_select_by_name (win, name);
  settle ();
}

static GtkWidget *
start_pane (DossierAdaptivePanes *panes)
{
  GtkWidget *start = NULL;

  g_object_get (panes, "start", &start, NULL);
  g_object_unref (start);
  return start;
}

static void
test_narrow (void)
{
  DossierWindow *win = open_seeds (800, 560);
  DossierAdaptivePanes *panes = get_panes (win);

  g_assert_true (dossier_adaptive_panes_get_narrow (panes));
  g_test_message ("800×560: the graph gets %.0f %% of the width", 100 * graph_share (win));
  g_assert_cmpfloat (graph_share (win), >=, 0.9);
  /* Nothing picked: no passage pane over the graph. */
  g_assert_false (dossier_adaptive_panes_get_end_revealed (panes));

  /* The panes open over the graph, which keeps its width. */
  show_filters (win, TRUE);
  g_assert_true (gtk_revealer_get_child_revealed (GTK_REVEALER (start_pane (panes))));
  g_assert_true (gtk_widget_get_mapped (start_pane (panes)));
  g_assert_cmpfloat (graph_share (win), >=, 0.9);
  select_by_name (win, "TikTok");
  g_assert_cmpstr (dossier_window_get_side_page (win), ==, "passages");
  g_assert_true (dossier_adaptive_panes_get_end_revealed (panes));
  g_assert_cmpfloat (graph_share (win), >=, 0.9);

  show_filters (win, FALSE);
  gtk_window_destroy (GTK_WINDOW (win));
  settle ();
}

static void
test_wide (void)
{
  DossierWindow *win = open_seeds (1400, 900);
  DossierAdaptivePanes *panes = get_panes (win);
  int graph, window;

  show_filters (win, TRUE);
  g_assert_false (dossier_adaptive_panes_get_narrow (panes));
  g_assert_true (dossier_adaptive_panes_get_end_revealed (panes));
  /* Beside the graph: 300 for the filters, 340 for the passages. */
  graph = gtk_widget_get_width (GTK_WIDGET (dossier_window_get_graph_view (win)));
  window = gtk_widget_get_width (GTK_WIDGET (win));
  g_test_message ("1400×900: the graph gets %d of %d pixels", graph, window);
  g_assert_cmpint (graph, <=, window - 640);
  g_assert_cmpint (graph, >=, window - 700);

  show_filters (win, FALSE);
  gtk_window_destroy (GTK_WINDOW (win));
  settle ();
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add_func ("/gui/adaptive/narrow", test_narrow);
  g_test_add_func ("/gui/adaptive/wide", test_wide);

  return g_test_run ();
}
