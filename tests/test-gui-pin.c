/* test-gui-pin.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Issue #16, a steady layout: an actor dragged in the view (through the
 * view's own drag gesture) moves with the pointer, stays where it was
 * dropped and is pinned there: a change of filter and Lay Out Afresh keep
 * it, the pin is saved beside the edits, Unpin and Unpin All free it. */

#include "config.h"

#include <adwaita.h>

#include "dossier-corpus.h"
#include "dossier-curation.h"
#include "dossier-filter.h"
#include "dossier-graph-view.h"
#include "dossier-positions.h"
#include "dossier-window.h"
#include "gui-test-util.h"

/* The actor dragged: a hub of the seeds, shown by every filter below. */
#define ACTOR "Oracle"

static DossierWindow *window;

static GtkEventController *
find_drag (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller))
        return controller;
    }
  g_assert_not_reached ();
  return NULL;
}

static DossierGraphView *
view (void)
{
  return dossier_window_get_graph_view (window);
}

/* The actor's node in the view's layout, and its stable position. */
static const DossierLayoutNode *
actor_node (DossierPoint *stable)
{
  DossierLayout *layout = dossier_graph_view_get_layout (view ());
  DossierEntity *entity = dossier_graph_lookup_entity (dossier_graph_view_get_subgraph (view ())->graph, ACTOR);
  const DossierLayoutNode *node;
  int index;

  g_assert_nonnull (entity);
  index = dossier_layout_find_entity (layout, entity->id);
  g_assert_cmpint (index, >=, 0);
  node = &g_array_index (layout->nodes, DossierLayoutNode, index);
  if (stable != NULL)
    *stable = (DossierPoint) { node->x + layout->origin.x, node->y + layout->origin.y };
  return node;
}

static void
assert_near (DossierPoint a,
             DossierPoint b,
             double       tolerance)
{
  g_assert_cmpfloat_with_epsilon (a.x, b.x, tolerance);
  g_assert_cmpfloat_with_epsilon (a.y, b.y, tolerance);
}

/* Beside the seeds' edits, in the data folder the window was opened
 * with (each test case gets folders of its own). */
static char *positions_path;

static char *
find_positions_path (void)
{
  DossierCorpus *corpus = dossier_window_get_graph (window)->corpus;
  g_autofree char *edits = dossier_curation_path_for_corpus ((const char * const *) corpus->roots);
  g_autofree char *stem = NULL;

  g_assert_true (g_str_has_suffix (edits, ".json"));
  stem = g_strndup (edits, strlen (edits) - strlen (".json"));
  return g_strconcat (stem, ".positions.json", NULL);
}

/* The positions the window saved. */
static DossierPositions *
saved_positions (void)
{
  g_autoptr(GError) error = NULL;
  DossierPositions *positions = dossier_positions_load_file (positions_path, &error);

  g_assert_no_error (error);
  return positions;
}

/* Drags the actor by (@dx, @dy) pixels as the pointer would, checking
 * that it follows during the drag; waits for the layout after the drop. */
static void
drag_actor (double dx,
            double dy)
{
  GtkEventController *drag = find_drag (GTK_WIDGET (view ()));
  double scale = dossier_graph_view_get_transform (view ())->scale;
  DossierPoint start, now;
  double x, y;

  actor_node (&start);
  g_assert_true (dossier_graph_view_get_entity_point (view (), actor_node (NULL)->entity, &x, &y));

  g_signal_emit_by_name (drag, "drag-begin", x, y);
  /* Below the threshold: a click, not a drag; nothing moves. */
  g_signal_emit_by_name (drag, "drag-update", 2.0, 1.0);
  actor_node (&now);
  assert_near (now, start, 1e-9);

  g_signal_emit_by_name (drag, "drag-update", dx / 2, dy / 2);
  gui_test_wait_frames (GTK_WIDGET (view ()), 1);
  g_signal_emit_by_name (drag, "drag-update", dx, dy);
  actor_node (&now);
  assert_near (now, (DossierPoint) { start.x + dx / scale, start.y + dy / scale }, 1e-6);
  g_assert_true (actor_node (NULL)->pinned);
  /* The actor moved is the one selected. */
  g_assert_cmpint (dossier_graph_view_get_selected_entity (view ()), ==, (int) actor_node (NULL)->entity);

  g_signal_emit_by_name (drag, "drag-end", dx, dy);
  gui_test_wait_until_drawn (window);
}

/* Where the saved positions have the actor, and whether pinned. */
static gboolean
saved_place (DossierPoint *place)
{
  g_autoptr(DossierPositions) saved = saved_positions ();
  gboolean pinned = FALSE;

  g_assert_true (dossier_positions_lookup (saved, ACTOR, &place->x, &place->y, &pinned));
  return pinned;
}

static DossierPoint dropped;

static void
step_drag_pins (void)
{
  DossierGraphView *v = view ();
  DossierPoint before, in_file;
  double x0, y0, x1, y1, scale;

  actor_node (&before);
  g_assert_false (actor_node (NULL)->pinned);
  g_assert_true (dossier_graph_view_get_entity_point (v, actor_node (NULL)->entity, &x0, &y0));
  scale = dossier_graph_view_get_transform (v)->scale;

  drag_actor (90, 60);

  /* Laid out again around the pin: it stays where it was dropped, the
   * view did not refit, and the pin is saved beside the edits. */
  actor_node (&dropped);
  assert_near (dropped, (DossierPoint) { before.x + 90 / scale, before.y + 60 / scale }, 0.5);
  g_assert_true (actor_node (NULL)->pinned);
  g_assert_true (dossier_graph_view_get_entity_point (v, actor_node (NULL)->entity, &x1, &y1));
  g_assert_cmpfloat_with_epsilon (x1, x0 + 90, 1.0);
  g_assert_cmpfloat_with_epsilon (y1, y0 + 60, 1.0);
  g_assert_true (saved_place (&in_file));
  assert_near (in_file, dropped, 0.1);
}

/* A narrower filter and a fresh layout keep the pinned actor in place. */
static void
step_pin_holds (void)
{
  g_autoptr(DossierFilter) filter = dossier_filter_copy (dossier_window_get_filter (window));
  guint shown = dossier_window_get_subgraph (window)->entities->len;
  DossierPoint now;

  filter->min_evidence = 2;
  dossier_window_set_filter (window, filter);
  gui_test_wait_until_drawn (window);
  g_assert_cmpuint (dossier_window_get_subgraph (window)->entities->len, <, shown);
  actor_node (&now);
  assert_near (now, dropped, 0.1);
  g_assert_true (actor_node (NULL)->pinned);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.relayout-afresh", NULL);
  gui_test_wait_until_drawn (window);
  actor_node (&now);
  assert_near (now, dropped, 0.1);
  g_assert_true (actor_node (NULL)->pinned);

  filter->min_evidence = 0;
  dossier_window_set_filter (window, filter);
  gui_test_wait_until_drawn (window);
  g_assert_cmpuint (dossier_window_get_subgraph (window)->entities->len, ==, shown);
  actor_node (&now);
  assert_near (now, dropped, 0.1);
}

/* Unpin (the actor's menu) frees it without moving it. */
static void
step_unpin (void)
{
  DossierGraphView *v = view ();
  DossierPoint now, in_file;

  g_assert_true (dossier_graph_view_select_entity (v, actor_node (NULL)->entity));
  gtk_widget_activate_action (GTK_WIDGET (v), "view.unpin", NULL);
  gui_test_wait_until_drawn (window);
  g_assert_false (actor_node (NULL)->pinned);
  actor_node (&now);
  assert_near (now, dropped, 0.1);
  g_assert_false (saved_place (&in_file));
  assert_near (in_file, dropped, 0.1);
}

/* Unpin All Actors, from the window's menu. */
static void
step_unpin_all (void)
{
  DossierPoint in_file;

  drag_actor (-40, 30);
  g_assert_true (actor_node (NULL)->pinned);
  g_assert_true (saved_place (&in_file));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.unpin-all", NULL);
  gui_test_wait_until_drawn (window);
  g_assert_false (actor_node (NULL)->pinned);
  g_assert_false (saved_place (&in_file));
}

/* One window for every step: each test case has data folders of its own,
 * and the window keeps the edits (and the positions) in those it was
 * opened with. */
static void
test_drag_pin_unpin (void)
{
  window = gui_test_open_window (NULL);
  positions_path = find_positions_path ();

  step_drag_pins ();
  step_pin_holds ();
  step_unpin ();
  step_unpin_all ();

  gui_test_close_window (window);
  g_clear_pointer (&positions_path, g_free);
}

int
main (int    argc,
      char **argv)
{
  gui_test_init (&argc, &argv);
  g_test_add_func ("/gui/pin/drag-pin-unpin", test_drag_pin_unpin);
  return g_test_run ();
}
