/* test-layout.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Graphviz layout: every engine on the seeds, node sizes that hold their
 * labels, empty and tiny graphs, cancellation, big graphs, and the
 * hit-testing grid checked against a brute-force scan. */

#include "config.h"

#include <math.h>

#include "dossier-export-private.h"
#include "dossier-layout.h"
#include "dossier-positions.h"
#include "dossier-render.h"
#include "dossier-style.h"
#include "export-test-util.h"

static void
check_layout_sane (DossierSubgraph *sub,
                   DossierLayout   *layout)
{
  g_assert_cmpuint (layout->nodes->len, ==, sub->entities->len);
  g_assert_cmpfloat (layout->width, >, 0);
  g_assert_cmpfloat (layout->height, >, 0);

  for (guint i = 0; i < layout->nodes->len; i++)
    {
      const DossierLayoutNode *n = &g_array_index (layout->nodes, DossierLayoutNode, i);

      g_assert_cmpuint (n->entity, ==, g_array_index (sub->entities, guint, i));
      g_assert_cmpint (dossier_layout_find_entity (layout, n->entity), ==, (int) i);
      /* Inside the drawing, margins included. */
      g_assert_cmpfloat (n->x - n->width / 2, >=, -0.5);
      g_assert_cmpfloat (n->y - n->height / 2, >=, -0.5);
      g_assert_cmpfloat (n->x + n->width / 2, <=, layout->width + 0.5);
      g_assert_cmpfloat (n->y + n->height / 2, <=, layout->height + 0.5);
    }

  for (guint i = 0; i < layout->edges->len; i++)
    {
      const DossierLayoutEdge *e = &g_array_index (layout->edges, DossierLayoutEdge, i);
      const DossierRelation *r = dossier_graph_get_relation (sub->graph, e->relation);

      g_assert_cmpuint (e->points->len, >=, 4);
      g_assert_cmpuint ((e->points->len - 1) % 3, ==, 0);
      g_assert_cmpint (dossier_layout_find_relation (layout, e->relation), ==, (int) i);
      g_assert_cmpuint (g_array_index (layout->nodes, DossierLayoutNode, e->tail).entity, ==, r->source);
      g_assert_cmpuint (g_array_index (layout->nodes, DossierLayoutNode, e->head).entity, ==, r->target);
      /* Symmetric relations have no direction to show. */
      g_assert_true (e->has_arrow == !dossier_relation_type_is_symmetric (r->type));
      if (i > 0)
        g_assert_cmpuint (g_array_index (layout->edges, DossierLayoutEdge, i - 1).relation, <, e->relation);
    }
}

static void
test_engines_on_seeds (void)
{
  g_autoptr(DossierSubgraph) sub = test_seeds_subgraph ();
  const DossierLayoutEngine engines[] = {
    DOSSIER_LAYOUT_DOT, DOSSIER_LAYOUT_NEATO, DOSSIER_LAYOUT_FDP,
    DOSSIER_LAYOUT_SFDP, DOSSIER_LAYOUT_CIRCO, DOSSIER_LAYOUT_AUTO,
  };

  for (guint i = 0; i < G_N_ELEMENTS (engines); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierLayout) layout = NULL;
      gint64 start = g_get_monotonic_time ();

      layout = dossier_layout_compute (sub, engines[i], NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (layout);
      g_test_message ("%s: %u nodes, %u edges in %.0f ms",
                      dossier_layout_engine_to_string (engines[i]),
                      layout->nodes->len, layout->edges->len,
                      (g_get_monotonic_time () - start) / 1000.0);

      if (engines[i] == DOSSIER_LAYOUT_AUTO)
        g_assert_cmpint (layout->engine, ==, DOSSIER_LAYOUT_NEATO);
      else
        g_assert_cmpint (layout->engine, ==, engines[i]);
      check_layout_sane (sub, layout);
      /* Every visible relation is drawn (the seeds have no self-loops). */
      g_assert_cmpuint (layout->edges->len, ==, sub->relations->len);
    }
}

static void
test_engine_names (void)
{
  DossierLayoutEngine engine;

  for (DossierLayoutEngine e = DOSSIER_LAYOUT_AUTO; e <= DOSSIER_LAYOUT_CIRCO; e++)
    {
      g_assert_true (dossier_layout_engine_from_string (dossier_layout_engine_to_string (e), &engine));
      g_assert_cmpint (engine, ==, e);
    }
  g_assert_true (dossier_layout_engine_from_string ("SFDP", &engine));
  g_assert_cmpint (engine, ==, DOSSIER_LAYOUT_SFDP);
  g_assert_false (dossier_layout_engine_from_string ("twopi", &engine));
  g_assert_false (dossier_layout_engine_from_string (NULL, &engine));

  g_assert_cmpint (dossier_layout_engine_for_size (1, 0), ==, DOSSIER_LAYOUT_NEATO);
  g_assert_cmpint (dossier_layout_engine_for_size (100, 200), ==, DOSSIER_LAYOUT_NEATO);
  g_assert_cmpint (dossier_layout_engine_for_size (1000, 1500), ==, DOSSIER_LAYOUT_SFDP);
  g_assert_cmpint (dossier_layout_engine_for_size (50, 5000), ==, DOSSIER_LAYOUT_SFDP);
}

/* The label's box must sit inside the node's shape, as drawn. */
static gboolean
point_in_shape (DossierShape shape,
                double       dx,
                double       dy,
                double       w,
                double       h)
{
  dx = fabs (dx);
  dy = fabs (dy);

  switch (shape)
    {
    case DOSSIER_SHAPE_ELLIPSE:
      return (dx * dx) / (w * w / 4) + (dy * dy) / (h * h / 4) <= 1.0 + 1e-9;
    case DOSSIER_SHAPE_DIAMOND:
      return dx / (w / 2) + dy / (h / 2) <= 1.0 + 1e-9;
    case DOSSIER_SHAPE_HEXAGON:
      return dy <= h / 2 && dx <= w / 2 - (w / 4) * (dy / (h / 2)) + 1e-9;
    case DOSSIER_SHAPE_BOX:
    default:
      return dx <= w / 2 && dy <= h / 2;
    }
}

static void
test_labels_fit (void)
{
  g_autoptr(DossierSubgraph) sub = test_seeds_subgraph ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierLayout) layout = NULL;
  PangoContext *context = dossier_render_create_context (NULL);
  guint shapes_seen = 0;

  layout = dossier_layout_compute (sub, DOSSIER_LAYOUT_NEATO, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < layout->nodes->len; i++)
    {
      const DossierLayoutNode *n = &g_array_index (layout->nodes, DossierLayoutNode, i);
      const DossierEntity *entity = dossier_graph_get_entity (sub->graph, n->entity);
      const DossierNodeStyle *style = dossier_style_node (entity->type, FALSE);
      double tw, th;

      dossier_render_measure_label (context, entity->name, &tw, &th);
      g_assert_cmpfloat (tw, >, 0);
      g_assert_true (point_in_shape (style->shape, tw / 2 + 2, th / 2, n->width, n->height));
      shapes_seen |= 1u << style->shape;
    }

  /* The seeds have all four types, hence all four shapes. */
  g_assert_cmpuint (shapes_seen, ==, 0xf);
  g_object_unref (context);
}

static void
test_size_grows_with_mentions (void)
{
  g_autoptr(DossierSubgraph) sub = test_synthetic_subgraph (2, 1, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierLayout) layout = NULL;
  const DossierLayoutNode *a, *b;

  /* Same type and name length, so only the mentions differ. */
  dossier_graph_get_entity (sub->graph, 0)->type = DOSSIER_ENTITY_COMPANY;
  dossier_graph_get_entity (sub->graph, 1)->type = DOSSIER_ENTITY_COMPANY;
  g_free (dossier_graph_get_entity (sub->graph, 0)->name);
  dossier_graph_get_entity (sub->graph, 0)->name = g_strdup ("Actor 1");
  g_array_index (sub->entity_mentions, guint, 0) = 1;
  g_array_index (sub->entity_mentions, guint, 1) = 40;

  layout = dossier_layout_compute (sub, DOSSIER_LAYOUT_NEATO, NULL, &error);
  g_assert_no_error (error);
  a = &g_array_index (layout->nodes, DossierLayoutNode, 0);
  b = &g_array_index (layout->nodes, DossierLayoutNode, 1);
  g_assert_cmpfloat (b->height, >, a->height * 1.3);
  g_assert_cmpfloat (b->width, >, a->width);

  /* The style function itself grows monotonically and then caps. */
  {
    double w1, h1, w2, h2, w3, h3;

    dossier_style_node_size (DOSSIER_SHAPE_BOX, 50, 13, dossier_style_node_scale (1, 1, 100), &w1, &h1);
    dossier_style_node_size (DOSSIER_SHAPE_BOX, 50, 13, dossier_style_node_scale (10, 1, 100), &w2, &h2);
    dossier_style_node_size (DOSSIER_SHAPE_BOX, 50, 13, dossier_style_node_scale (1e6, 1, 100), &w3, &h3);
    g_assert_cmpfloat (h1, <, h2);
    g_assert_cmpfloat (h2, <, h3);
    g_assert_cmpfloat (h3, <=, h1 * DOSSIER_STYLE_NODE_MAX_SCALE + 1e-9);
  }
}

/* Sizes follow the filter's weight, not the mentions, relative to the
 * subgraph's range: the lightest actor keeps the label's size, a heavier
 * one is bigger, the heaviest at most DOSSIER_STYLE_NODE_MAX_SCALE times
 * as tall however far its weight is from the others'. */
static void
test_size_by_weight (void)
{
  g_autoptr(DossierSubgraph) sub = test_synthetic_subgraph (3, 2, 1);
  const double weights[3] = { 0.5, 10, 1e9 };
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierLayout) layout = NULL;
  double base_w, base_h, tw, th;
  PangoContext *context = dossier_render_create_context (NULL);
  const DossierLayoutNode *n[3];

  for (guint i = 0; i < 3; i++)
    {
      DossierEntity *entity = dossier_graph_get_entity (sub->graph, i);

      entity->type = DOSSIER_ENTITY_COMPANY;
      g_free (entity->name);
      entity->name = g_strdup_printf ("Actor %u", i);
      /* Mentions say the opposite of the weights: they must not count. */
      g_array_index (sub->entity_mentions, guint, i) = 1000 - i;
    }
  sub->entity_weight = g_array_new (FALSE, FALSE, sizeof (double));
  g_array_append_vals (sub->entity_weight, weights, 3);

  layout = dossier_layout_compute (sub, DOSSIER_LAYOUT_NEATO, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    n[i] = &g_array_index (layout->nodes, DossierLayoutNode, i);

  dossier_render_measure_label (context, "Actor 0", &tw, &th);
  dossier_style_node_size (DOSSIER_SHAPE_BOX, tw, th, 1.0, &base_w, &base_h);
  g_object_unref (context);

  /* The lightest: the label's own size. */
  g_assert_cmpfloat_with_epsilon (n[0]->height, base_h, 0.01);
  g_assert_cmpfloat_with_epsilon (n[0]->width, base_w, 0.01);
  /* 10 is nothing next to 1e9: barely bigger, but bigger. */
  g_assert_cmpfloat (n[1]->height, >=, n[0]->height);
  g_assert_cmpfloat (n[1]->height, <, n[0]->height * 1.05);
  /* The heaviest: clamped to the largest size. */
  g_assert_cmpfloat_with_epsilon (n[2]->height, base_h * DOSSIER_STYLE_NODE_MAX_SCALE, 0.01);
  g_assert_cmpfloat (n[2]->width, >, n[0]->width);

  /* Area grows with the weight between the two ends: halfway in weight
   * is halfway in area. */
  {
    double mid = dossier_style_node_scale (50, 0, 100);
    double top = DOSSIER_STYLE_NODE_MAX_SCALE;

    g_assert_cmpfloat_with_epsilon (mid * mid, (1 + top * top) / 2, 1e-9);
    g_assert_cmpfloat (dossier_style_node_scale (-5, 0, 100), ==, 1.0);
    g_assert_cmpfloat (dossier_style_node_scale (500, 0, 100), ==, top);
    g_assert_cmpfloat (dossier_style_node_scale (7, 7, 7), ==, 1.0);
    g_assert_cmpfloat (dossier_style_node_scale (NAN, 0, 1), ==, 1.0);
  }
}

static double
point_segment_distance (DossierPoint p,
                        DossierPoint a,
                        DossierPoint b)
{
  double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? CLAMP (((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0, 1) : 0;

  return hypot (p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

static double
distance_to_curve (const DossierLayoutEdge *e,
                   DossierPoint             p)
{
  const DossierPoint *c = (const DossierPoint *) (gpointer) e->points->data;
  double best = G_MAXDOUBLE;

  /* 400 chords per cubic: closer to the curve than the tolerances. */
  for (guint s = 0; s + 3 < e->points->len; s += 3)
    {
      DossierPoint prev = c[s];

      for (int k = 1; k <= 400; k++)
        {
          double t = k / 400.0, u = 1 - t;
          DossierPoint next = {
            u * u * u * c[s].x + 3 * u * u * t * c[s + 1].x + 3 * u * t * t * c[s + 2].x + t * t * t * c[s + 3].x,
            u * u * u * c[s].y + 3 * u * u * t * c[s + 1].y + 3 * u * t * t * c[s + 2].y + t * t * t * c[s + 3].y,
          };

          best = MIN (best, point_segment_distance (p, prev, next));
          prev = next;
        }
    }

  return best;
}

static void
test_edge_label_positions (void)
{
  g_autoptr(DossierSubgraph) sub = test_seeds_subgraph ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierLayout) layout = NULL;

  layout = dossier_layout_compute (sub, DOSSIER_LAYOUT_NEATO, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < layout->edges->len; i++)
    {
      const DossierLayoutEdge *e = &g_array_index (layout->edges, DossierLayoutEdge, i);
      const DossierPoint *pts = (const DossierPoint *) (gpointer) e->points->data;
      DossierPoint first = pts[0], last = pts[e->points->len - 1];

      /* On the curve, and away from both ends. */
      g_assert_cmpfloat (distance_to_curve (e, e->label), <, 1.5);
      /* One midpoint: the renderer's point halfway along the curve (label
       * placement, the view's centring) is the layout's label point. */
      {
        DossierPoint half = dossier_render_edge_point_along (e, 0.5);

        g_assert_cmpfloat (hypot (half.x - e->label.x, half.y - e->label.y), <, 0.01);
      }
      /* Along the curve, by arc length: the ends at 0 and 1. */
      {
        DossierPoint start = dossier_render_edge_point_along (e, 0.0);
        DossierPoint end = dossier_render_edge_point_along (e, 1.0);

        g_assert_cmpfloat (hypot (start.x - first.x, start.y - first.y), <, 0.01);
        g_assert_cmpfloat (hypot (end.x - last.x, end.y - last.y), <, 0.01);
      }
      if (hypot (last.x - first.x, last.y - first.y) > 40)
        {
          g_assert_cmpfloat (hypot (e->label.x - first.x, e->label.y - first.y), >, 10);
          g_assert_cmpfloat (hypot (e->label.x - last.x, e->label.y - last.y), >, 10);
        }
    }
}

static void
test_empty_and_single (void)
{
  g_autoptr(DossierGraph) empty = test_bare_graph ();
  g_autoptr(DossierGraph) one = test_synthetic_graph (1, 0, 1);
  g_autoptr(DossierSubgraph) empty_sub = test_subgraph_all (empty);
  g_autoptr(DossierSubgraph) one_sub = test_subgraph_all (one);

  for (DossierLayoutEngine e = DOSSIER_LAYOUT_AUTO; e <= DOSSIER_LAYOUT_CIRCO; e++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierLayout) a = NULL;
      g_autoptr(DossierLayout) b = NULL;

      a = dossier_layout_compute (empty_sub, e, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (a->nodes->len, ==, 0);
      g_assert_cmpuint (a->edges->len, ==, 0);
      g_assert_cmpint (dossier_layout_node_at (a, 0, 0), ==, -1);
      g_assert_cmpint (dossier_layout_edge_at (a, 0, 0, 5), ==, -1);

      b = dossier_layout_compute (one_sub, e, NULL, &error);
      g_assert_no_error (error);
      check_layout_sane (one_sub, b);
      g_assert_cmpuint (b->nodes->len, ==, 1);
      {
        const DossierLayoutNode *n = &g_array_index (b->nodes, DossierLayoutNode, 0);

        g_assert_cmpint (dossier_layout_node_at (b, n->x, n->y), ==, 0);
        g_assert_cmpint (dossier_layout_node_at (b, -100, -100), ==, -1);
      }
    }
}

/* Names that are not names: huge, binary, empty after cleaning. */
static void
test_bad_names (void)
{
  g_autoptr(DossierSubgraph) sub = test_synthetic_subgraph (3, 2, 5);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierLayout) layout = NULL;
  GString *huge = g_string_new (NULL);
  g_autofree char *shown = NULL;

  for (guint i = 0; i < 5000; i++)
    g_string_append (huge, "Très long nom ");
  g_free (dossier_graph_get_entity (sub->graph, 0)->name);
  dossier_graph_get_entity (sub->graph, 0)->name = g_string_free (huge, FALSE);
  g_free (dossier_graph_get_entity (sub->graph, 1)->name);
  dossier_graph_get_entity (sub->graph, 1)->name = g_strdup ("\x01\n\t\r");
  g_free (dossier_graph_get_entity (sub->graph, 2)->name);
  dossier_graph_get_entity (sub->graph, 2)->name = g_strdup ("bad \xff\xfe utf-8 \\N \\G");

  layout = dossier_layout_compute (sub, DOSSIER_LAYOUT_NEATO, NULL, &error);
  g_assert_no_error (error);
  check_layout_sane (sub, layout);
  g_assert_cmpfloat (g_array_index (layout->nodes, DossierLayoutNode, 0).width, <, 600);

  shown = dossier_style_display_name (dossier_graph_get_entity (sub->graph, 0)->name);
  g_assert_cmpint (g_utf8_strlen (shown, -1), ==, DOSSIER_STYLE_MAX_LABEL_CHARS);
  g_assert_true (g_str_has_suffix (shown, "…"));
  g_clear_pointer (&shown, g_free);
  shown = dossier_style_display_name (dossier_graph_get_entity (sub->graph, 1)->name);
  g_assert_cmpstr (shown, ==, "?");
  g_clear_pointer (&shown, g_free);
  shown = dossier_style_display_name (dossier_graph_get_entity (sub->graph, 2)->name);
  g_assert_true (g_utf8_validate (shown, -1, NULL));
}

static void
test_cancel_before_start (void)
{
  g_autoptr(DossierSubgraph) sub = test_synthetic_subgraph (30, 40, 2);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  DossierLayout *layout;

  g_cancellable_cancel (cancellable);
  layout = dossier_layout_compute (sub, DOSSIER_LAYOUT_NEATO, cancellable, &error);
  g_assert_null (layout);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_async (void)
{
  g_autoptr(DossierSubgraph) sub = test_synthetic_subgraph (30, 40, 3);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierLayout) layout = NULL;
  DossierLayout *cancelled;

  /* A stale request is cancelled; the fresh one completes. */
  dossier_layout_compute_async (sub, DOSSIER_LAYOUT_AUTO, cancellable, test_keep_result_cb, &first);
  g_cancellable_cancel (cancellable);
  dossier_layout_compute_async (sub, DOSSIER_LAYOUT_AUTO, NULL, test_keep_result_cb, &second);

  cancelled = dossier_layout_compute_finish (test_wait_result (&first), &error);
  g_assert_null (cancelled);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  layout = dossier_layout_compute_finish (test_wait_result (&second), &error);
  g_assert_no_error (error);
  check_layout_sane (sub, layout);
}

/* Brute force, the way hit-testing worked before the grid. */
static int
slow_node_at (DossierLayout *layout,
              double         x,
              double         y)
{
  for (int i = (int) layout->nodes->len - 1; i >= 0; i--)
    {
      const DossierLayoutNode *n = &g_array_index (layout->nodes, DossierLayoutNode, i);

      /* Half the 1.5-point stroke counts as the node. */
      if (point_in_shape (n->shape, x - n->x, y - n->y, n->width + 1.5, n->height + 1.5))
        return i;
    }
  return -1;
}

static double
slow_edge_distance (DossierLayout *layout,
                    guint          index,
                    DossierPoint   p)
{
  const DossierLayoutEdge *e = &g_array_index (layout->edges, DossierLayoutEdge, index);
  double d = distance_to_curve (e, p);

  if (e->has_arrow)
    {
      DossierPoint a = g_array_index (e->points, DossierPoint, e->points->len - 1);

      d = MIN (d, point_segment_distance (p, a, e->arrow_tip));
    }
  return d;
}

/* Curves stay inside their control points' box (and the arrowhead's tip):
 * a cheap prefilter.  (@x, @y) is within @slack of that box when some
 * point lies no further than @slack on each side of it. */
static gboolean
near_hull (const DossierLayoutEdge *e,
           double                   x,
           double                   y,
           double                   slack)
{
  double x1, y1, x2, y2;

  dossier_layout_edge_box (e, 0, &x1, &y1, &x2, &y2);
  return x >= x1 - slack && x <= x2 + slack && y >= y1 - slack && y <= y2 + slack;
}

static void
check_hit_testing (DossierLayout *layout,
                   guint          n_probes)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint node_hits = 0, edge_hits = 0;

  for (guint i = 0; i < layout->nodes->len; i++)
    {
      const DossierLayoutNode *n = &g_array_index (layout->nodes, DossierLayoutNode, i);

      g_assert_cmpint (dossier_layout_node_at (layout, n->x, n->y), ==, slow_node_at (layout, n->x, n->y));
    }

  for (guint i = 0; i < n_probes; i++)
    {
      double x = g_rand_double_range (rand, -20, layout->width + 20);
      double y = g_rand_double_range (rand, -20, layout->height + 20);
      int fast_edge;

      g_assert_cmpint (dossier_layout_node_at (layout, x, y), ==, slow_node_at (layout, x, y));
      node_hits += slow_node_at (layout, x, y) >= 0;

      fast_edge = dossier_layout_edge_at (layout, x, y, 4.0);
      if (fast_edge >= 0)
        {
          /* Within tolerance (the grid flattens curves into 12 chords). */
          g_assert_cmpfloat (slow_edge_distance (layout, fast_edge, (DossierPoint) { x, y }), <=, 4.2);
          edge_hits++;
        }
      else
        {
          for (guint e = 0; e < layout->edges->len; e++)
            if (near_hull (&g_array_index (layout->edges, DossierLayoutEdge, e), x, y, 5))
              g_assert_cmpfloat (slow_edge_distance (layout, e, (DossierPoint) { x, y }), >, 3.8);
        }
    }

  /* Points on the edges themselves are found. */
  for (guint i = 0; i < layout->edges->len; i++)
    {
      const DossierLayoutEdge *e = &g_array_index (layout->edges, DossierLayoutEdge, i);
      int found = dossier_layout_edge_at (layout, e->label.x, e->label.y, 3.0);

      g_assert_cmpint (found, >=, 0);
      g_assert_cmpfloat (slow_edge_distance (layout, found, e->label), <=, 3.5);
    }

  g_test_message ("%u probes: %u on nodes, %u on edges", n_probes, node_hits, edge_hits);
}

static void
test_hit_testing_seeds (void)
{
  g_autoptr(DossierSubgraph) sub = test_seeds_subgraph ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierLayout) layout = NULL;
  guint corners = 0;

  layout = dossier_layout_compute (sub, DOSSIER_LAYOUT_NEATO, NULL, &error);
  g_assert_no_error (error);
  check_hit_testing (layout, 3000);

  /* The shape counts, not its box: the box's corner of an ellipse, a
   * diamond or a hexagon is not the node, a point just inside is. */
  for (guint i = 0; i < layout->nodes->len; i++)
    {
      const DossierLayoutNode *n = &g_array_index (layout->nodes, DossierLayoutNode, i);
      double cx = n->x + n->width / 2 - 1, cy = n->y + n->height / 2 - 1;

      if (n->shape == DOSSIER_SHAPE_BOX)
        continue;
      g_assert_cmpint (dossier_layout_node_at (layout, cx, cy), !=, (int) i);
      g_assert_cmpint (dossier_layout_node_at (layout, n->x + n->width / 2 - 2, n->y), ==, (int) i);
      g_assert_cmpint (dossier_layout_node_at (layout, n->x, n->y + n->height / 2 - 1), ==, (int) i);
      corners++;
    }
  g_assert_cmpuint (corners, >, 0);
}

static void
test_big_sfdp (void)
{
  g_autoptr(DossierSubgraph) sub = test_synthetic_subgraph (1200, 1800, 4);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierLayout) layout = NULL;
  gint64 start = g_get_monotonic_time ();
  guint overlaps = 0;

  layout = dossier_layout_compute (sub, DOSSIER_LAYOUT_AUTO, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (layout->engine, ==, DOSSIER_LAYOUT_SFDP);
  g_test_message ("sfdp, %u nodes, %u edges: %.2f s", layout->nodes->len, layout->edges->len,
                  (g_get_monotonic_time () - start) / 1e6);
  check_layout_sane (sub, layout);

  /* Overlap removal keeps labels readable: no two boxes overlap much. */
  for (guint i = 0; i < layout->nodes->len; i++)
    {
      const DossierLayoutNode *a = &g_array_index (layout->nodes, DossierLayoutNode, i);
      int hit = dossier_layout_node_at (layout, a->x, a->y);

      overlaps += hit != (int) i;
    }
  g_assert_cmpuint (overlaps, <, layout->nodes->len / 50);

  check_hit_testing (layout, 2000);
}

/* The actors of @sub that @layout draws in its left half (and their
 * relations), as an export of that area would have them. */
static DossierSubgraph *
subgraph_left_half (DossierSubgraph *sub,
                    DossierLayout   *layout)
{
  DossierExportOptions options;
  DossierSubgraph *half;

  dossier_export_options_init (&options, DOSSIER_EXPORT_JSON);
  options.has_area = TRUE;
  options.area_x = 0;
  options.area_y = 0;
  options.area_width = layout->width / 2;
  options.area_height = layout->height;
  half = dossier_export_visible_subgraph (sub, layout, &options);
  g_assert_cmpuint (half->entities->len, >, 0);
  g_assert_cmpuint (half->entities->len, <, sub->entities->len);
  return half;
}

static gboolean
boxes_overlap (const DossierLayoutNode *a,
               const DossierLayoutNode *b)
{
  return fabs (a->x - b->x) < (a->width + b->width) / 2 &&
         fabs (a->y - b->y) < (a->height + b->height) / 2;
}

/* Every node of @layout that @before places is exactly there, and with
 * @clear, every other one overlaps no actor.  Returns how many @before
 * places. */
static guint
check_kept_in_place (DossierSubgraph  *sub,
                     DossierLayout    *layout,
                     DossierPositions *before,
                     gboolean          clear)
{
  guint kept = 0;

  for (guint i = 0; i < layout->nodes->len; i++)
    {
      const DossierLayoutNode *n = &g_array_index (layout->nodes, DossierLayoutNode, i);
      const char *name = dossier_graph_get_entity (sub->graph, n->entity)->name;
      double x, y;

      if (dossier_positions_lookup (before, name, &x, &y, NULL))
        {
          g_assert_cmpfloat_with_epsilon (n->x + layout->origin.x, x, 0.01);
          g_assert_cmpfloat_with_epsilon (n->y + layout->origin.y, y, 0.01);
          kept++;
          continue;
        }
      for (guint j = 0; clear && j < layout->nodes->len; j++)
        g_assert_true (i == j || !boxes_overlap (n, &g_array_index (layout->nodes, DossierLayoutNode, j)));
    }
  return kept;
}

/* A view that hides actors, then shows them again: the ones that stay
 * do not move, the ones that come back go somewhere free.  Run on the
 * seeds (curves routed by Graphviz) and on a graph too big for curves
 * (straight edges drawn here). */
static void
check_steady (DossierSubgraph *all)
{
  g_autoptr(DossierSubgraph) thin = NULL;
  g_autoptr(DossierLayout) fresh = NULL, kept = NULL, back = NULL;
  g_autoptr(DossierPositions) before = dossier_positions_new ();
  g_autoptr(DossierPositions) thin_places = dossier_positions_new ();
  g_autoptr(GError) error = NULL;

  fresh = dossier_layout_compute (all, DOSSIER_LAYOUT_AUTO, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (fresh->steady);
  dossier_positions_update_from_layout (before, all, fresh);
  g_assert_cmpuint (dossier_positions_get_size (before), ==, all->entities->len);
  thin = subgraph_left_half (all, fresh);

  kept = dossier_layout_compute_full (thin, DOSSIER_LAYOUT_AUTO, before, DOSSIER_LAYOUT_FLAGS_KEEP, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (kept->steady);
  check_layout_sane (thin, kept);
  g_assert_cmpuint (check_kept_in_place (thin, kept, before, FALSE), ==, thin->entities->len);

  /* Back to everything, from the thinned drawing's places only. */
  dossier_positions_update_from_layout (thin_places, thin, kept);
  back = dossier_layout_compute_full (all, DOSSIER_LAYOUT_AUTO, thin_places, DOSSIER_LAYOUT_FLAGS_KEEP, NULL, &error);
  g_assert_no_error (error);
  check_layout_sane (all, back);
  g_assert_cmpuint (check_kept_in_place (all, back, thin_places, TRUE), ==, thin->entities->len);
}

static void
test_steady_seeds (void)
{
  g_autoptr(DossierSubgraph) sub = test_seeds_subgraph ();

  check_steady (sub);
}

static void
test_steady_straight (void)
{
  g_autoptr(DossierSubgraph) sub = test_synthetic_subgraph (150, 220, 3);
  g_autoptr(DossierLayout) layout = NULL;
  g_autoptr(DossierPositions) places = dossier_positions_new ();
  g_autoptr(GError) error = NULL;

  check_steady (sub);

  /* Straight edges start and end on the outlines, as Graphviz's do. */
  layout = dossier_layout_compute (sub, DOSSIER_LAYOUT_AUTO, NULL, &error);
  dossier_positions_update_from_layout (places, sub, layout);
  g_clear_pointer (&layout, dossier_layout_unref);
  layout = dossier_layout_compute_full (sub, DOSSIER_LAYOUT_AUTO, places, DOSSIER_LAYOUT_FLAGS_KEEP, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < layout->edges->len; i++)
    {
      const DossierLayoutEdge *e = &g_array_index (layout->edges, DossierLayoutEdge, i);
      const DossierLayoutNode *head = &g_array_index (layout->nodes, DossierLayoutNode, e->head);
      DossierPoint tip = e->arrow_tip;
      double dx = head->x - tip.x, dy = head->y - tip.y, len = hypot (dx, dy);

      if (!e->has_arrow)
        continue;
      g_assert_cmpint (dossier_layout_node_at (layout, tip.x + dx / len, tip.y + dy / len), ==, (int) e->head);
      g_assert_cmpint (dossier_layout_node_at (layout, g_array_index (e->points, DossierPoint, 3).x,
                                               g_array_index (e->points, DossierPoint, 3).y), !=, (int) e->head);
      /* The line stops an arrowhead short of the tip. */
      g_assert_cmpfloat_with_epsilon (hypot (g_array_index (e->points, DossierPoint, 3).x - tip.x,
                                             g_array_index (e->points, DossierPoint, 3).y - tip.y),
                                      10.0, 0.01);
    }
}

/* Re-Lay Out forgets where unpinned actors were and keeps the pins. */
static void
test_pins_on_fresh_layout (void)
{
  g_autoptr(DossierSubgraph) sub = test_seeds_subgraph ();
  g_autoptr(DossierPositions) places = dossier_positions_new ();
  g_autoptr(DossierLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  const DossierEntity *a = dossier_graph_get_entity (sub->graph, g_array_index (sub->entities, guint, 0));
  const DossierEntity *b = dossier_graph_get_entity (sub->graph, g_array_index (sub->entities, guint, 5));
  const DossierEntity *c = dossier_graph_get_entity (sub->graph, g_array_index (sub->entities, guint, 9));
  double x, y;

  dossier_positions_set (places, a->name, -300, 40, TRUE);
  dossier_positions_set (places, b->name, 500, 420, TRUE);
  /* Not pinned: a fresh layout does not have to keep it. */
  dossier_positions_set (places, c->name, 5000, 5000, FALSE);

  layout = dossier_layout_compute_full (sub, DOSSIER_LAYOUT_AUTO, places, DOSSIER_LAYOUT_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  check_layout_sane (sub, layout);
  dossier_positions_remove (places, c->name);
  g_assert_cmpuint (check_kept_in_place (sub, layout, places, FALSE), ==, 2);

  /* Far from where it was: the layout is about as big as the seeds'. */
  dossier_positions_update_from_layout (places, sub, layout);
  g_assert_true (dossier_positions_lookup (places, c->name, &x, &y, NULL));
  g_assert_cmpfloat (hypot (x - 5000, y - 5000), >, 1000);
  g_assert_true (dossier_positions_is_pinned (places, a->name));
  g_assert_false (dossier_positions_is_pinned (places, c->name));

  /* No other actor sits on a pinned one. */
  for (guint i = 0; i < layout->nodes->len; i++)
    for (guint j = 0; j < 2; j++)
      {
        int pin = dossier_layout_find_entity (layout, j == 0 ? a->id : b->id);

        g_assert_true ((int) i == pin ||
                       !boxes_overlap (&g_array_index (layout->nodes, DossierLayoutNode, i),
                                       &g_array_index (layout->nodes, DossierLayoutNode, pin)));
      }
}

/* The async form copies the positions: changing them meanwhile is safe. */
static void
test_steady_async (void)
{
  g_autoptr(DossierSubgraph) sub = test_seeds_subgraph ();
  g_autoptr(DossierPositions) places = dossier_positions_new ();
  g_autoptr(DossierLayout) layout = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const DossierEntity *a = dossier_graph_get_entity (sub->graph, g_array_index (sub->entities, guint, 2));

  dossier_positions_set (places, a->name, 123, 456, TRUE);
  dossier_layout_compute_full_async (sub, DOSSIER_LAYOUT_AUTO, places, DOSSIER_LAYOUT_FLAGS_KEEP,
                                     NULL, test_keep_result_cb, &result);
  dossier_positions_set (places, a->name, 0, 0, TRUE);
  layout = dossier_layout_compute_finish (test_wait_result (&result), &error);
  g_assert_no_error (error);
  check_layout_sane (sub, layout);
  dossier_positions_set (places, a->name, 123, 456, TRUE);
  g_assert_cmpuint (check_kept_in_place (sub, layout, places, FALSE), ==, 1);
}

/* Drag to pin: the dropped node is pinned where it was dropped and a
 * steady layout moves nothing else. */
static void
test_drag_to_pin (void)
{
  g_autoptr(DossierSubgraph) sub = test_seeds_subgraph ();
  g_autoptr(DossierPositions) places = dossier_positions_new ();
  g_autoptr(DossierLayout) layout = NULL, after = NULL;
  g_autoptr(GError) error = NULL;
  const DossierLayoutNode *dragged;
  double dx, dy;

  layout = dossier_layout_compute (sub, DOSSIER_LAYOUT_AUTO, NULL, &error);
  g_assert_no_error (error);
  dossier_positions_update_from_layout (places, sub, layout);
  dragged = &g_array_index (layout->nodes, DossierLayoutNode, 3);
  /* Dropped well away from everything. */
  dossier_positions_pin_node (places, sub, layout, 3, -400, -300);

  after = dossier_layout_compute_full (sub, DOSSIER_LAYOUT_AUTO, places, DOSSIER_LAYOUT_FLAGS_KEEP, NULL, &error);
  g_assert_no_error (error);
  check_layout_sane (sub, after);
  g_assert_cmpuint (check_kept_in_place (sub, after, places, FALSE), ==, sub->entities->len);
  g_assert_true (dossier_positions_is_pinned (places, dossier_graph_get_entity (sub->graph, dragged->entity)->name));
  /* The drawing says which node is pinned (the view's pin, the exports'
   * "pinned"). */
  for (guint i = 0; i < after->nodes->len; i++)
    g_assert_true (g_array_index (after->nodes, DossierLayoutNode, i).pinned == (i == 3));
  g_assert_true (dossier_layout_entity_is_pinned (after, dragged->entity));
  g_assert_false (dossier_layout_entity_is_pinned (NULL, dragged->entity));
  /* In the new drawing's frame the others kept their offsets. */
  dx = g_array_index (after->nodes, DossierLayoutNode, 0).x - g_array_index (layout->nodes, DossierLayoutNode, 0).x;
  dy = g_array_index (after->nodes, DossierLayoutNode, 0).y - g_array_index (layout->nodes, DossierLayoutNode, 0).y;
  for (guint i = 0; i < after->nodes->len; i++)
    if (i != 3)
      {
        g_assert_cmpfloat_with_epsilon (g_array_index (after->nodes, DossierLayoutNode, i).x,
                                        g_array_index (layout->nodes, DossierLayoutNode, i).x + dx, 0.01);
        g_assert_cmpfloat_with_epsilon (g_array_index (after->nodes, DossierLayoutNode, i).y,
                                        g_array_index (layout->nodes, DossierLayoutNode, i).y + dy, 0.01);
      }
}

/* A node dragged past the drawing's top left: the copy grows to hold it,
 * every other actor keeps its stable place, its edges follow it, and the
 * layout dragged from is left as it was. */
static void
test_move_node (void)
{
  g_autoptr(DossierSubgraph) sub = test_seeds_subgraph ();
  g_autoptr(DossierLayout) layout = NULL, moved = NULL;
  g_autoptr(GError) error = NULL;
  const DossierLayoutNode *node;
  DossierLayoutNode before;
  guint hub = 0, n_edges = 0;

  layout = dossier_layout_compute (sub, DOSSIER_LAYOUT_AUTO, NULL, &error);
  g_assert_no_error (error);
  /* The node with the most edges. */
  for (guint i = 0, best = 0; i < layout->nodes->len; i++)
    if (dossier_layout_node_degree (layout, i) > best)
      best = dossier_layout_node_degree (layout, i), hub = i;
  before = g_array_index (layout->nodes, DossierLayoutNode, hub);

  moved = dossier_layout_move_node (layout, sub, hub, -80, -60);
  node = &g_array_index (moved->nodes, DossierLayoutNode, hub);
  g_assert_true (node->pinned);
  g_assert_cmpfloat_with_epsilon (node->x + moved->origin.x, -80 + layout->origin.x, 1e-9);
  g_assert_cmpfloat_with_epsilon (node->y + moved->origin.y, -60 + layout->origin.y, 1e-9);
  g_assert_cmpfloat (node->x - node->width / 2, >=, DOSSIER_LAYOUT_MARGIN - 1e-9);
  g_assert_cmpfloat (node->y - node->height / 2, >=, DOSSIER_LAYOUT_MARGIN - 1e-9);
  g_assert_cmpfloat (moved->width, >, layout->width);
  g_assert_cmpint (dossier_layout_node_at (moved, node->x, node->y), ==, (int) hub);

  for (guint i = 0; i < moved->nodes->len; i++)
    {
      const DossierLayoutNode *a = &g_array_index (layout->nodes, DossierLayoutNode, i);
      const DossierLayoutNode *b = &g_array_index (moved->nodes, DossierLayoutNode, i);

      if (i == hub)
        continue;
      g_assert_false (b->pinned);
      g_assert_cmpfloat_with_epsilon (a->x + layout->origin.x, b->x + moved->origin.x, 1e-9);
      g_assert_cmpfloat_with_epsilon (a->y + layout->origin.y, b->y + moved->origin.y, 1e-9);
    }

  /* Its edges start or end at its outline now. */
  for (guint e = 0; e < moved->edges->len; e++)
    {
      const DossierLayoutEdge *edge = &g_array_index (moved->edges, DossierLayoutEdge, e);
      const DossierPoint *end;

      if (edge->tail != hub && edge->head != hub)
        continue;
      end = edge->tail == hub ? &g_array_index (edge->points, DossierPoint, 0)
                              : edge->has_arrow ? &edge->arrow_tip
                                                : &g_array_index (edge->points, DossierPoint, edge->points->len - 1);
      g_assert_cmpfloat (fabs (end->x - node->x), <=, node->width / 2 + 0.01);
      g_assert_cmpfloat (fabs (end->y - node->y), <=, node->height / 2 + 0.01);
      n_edges++;
    }
  g_assert_cmpuint (n_edges, >, 3);

  node = &g_array_index (layout->nodes, DossierLayoutNode, hub);
  g_assert_cmpfloat (node->x, ==, before.x);
  g_assert_false (node->pinned);
}

/* The box holds every control point, and the arrow's tip grown by the margin. */
static void
test_edge_box (void)
{
  DossierPoint points[] = { { 10, 40 }, { 30, -5 }, { 50, 60 }, { 70, 20 } };
  DossierLayoutEdge edge = { 0 };
  double x1, y1, x2, y2;

  edge.points = g_array_new (FALSE, FALSE, sizeof (DossierPoint));
  g_array_append_vals (edge.points, points, G_N_ELEMENTS (points));
  dossier_layout_edge_box (&edge, 10, &x1, &y1, &x2, &y2);
  g_assert_cmpfloat (x1, ==, 10);
  g_assert_cmpfloat (y1, ==, -5);
  g_assert_cmpfloat (x2, ==, 70);
  g_assert_cmpfloat (y2, ==, 60);

  edge.has_arrow = TRUE;
  edge.arrow_tip = (DossierPoint) { 75, 25 };
  dossier_layout_edge_box (&edge, 10, &x1, &y1, &x2, &y2);
  g_assert_cmpfloat (x1, ==, 10);
  g_assert_cmpfloat (x2, ==, 85);
  g_assert_cmpfloat (y2, ==, 60);
  dossier_layout_edge_box (&edge, 0, &x1, &y1, &x2, &y2);
  g_assert_cmpfloat (x2, ==, 75);
  g_array_unref (edge.points);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/layout/engine-names", test_engine_names);
  g_test_add_func ("/layout/edge-box", test_edge_box);
  g_test_add_func ("/layout/engines-on-seeds", test_engines_on_seeds);
  g_test_add_func ("/layout/labels-fit", test_labels_fit);
  g_test_add_func ("/layout/size-grows-with-mentions", test_size_grows_with_mentions);
  g_test_add_func ("/layout/size-by-weight", test_size_by_weight);
  g_test_add_func ("/layout/edge-label-positions", test_edge_label_positions);
  g_test_add_func ("/layout/empty-and-single", test_empty_and_single);
  g_test_add_func ("/layout/bad-names", test_bad_names);
  g_test_add_func ("/layout/cancel-before-start", test_cancel_before_start);
  g_test_add_func ("/layout/async", test_async);
  g_test_add_func ("/layout/hit-testing-seeds", test_hit_testing_seeds);
  g_test_add_func ("/layout/big-sfdp", test_big_sfdp);
  g_test_add_func ("/layout/steady-seeds", test_steady_seeds);
  g_test_add_func ("/layout/steady-straight", test_steady_straight);
  g_test_add_func ("/layout/pins-on-fresh-layout", test_pins_on_fresh_layout);
  g_test_add_func ("/layout/steady-async", test_steady_async);
  g_test_add_func ("/layout/drag-to-pin", test_drag_to_pin);
  g_test_add_func ("/layout/move-node", test_move_node);

  return g_test_run ();
}
