/* test-label-placement.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Names by priority (dossier-node-labels): small known layouts, where
 * the heavier name wins, zooming in shows both and a forced name always
 * shows; a random 500-node layout, where no two names overlap; and the
 * renderer's choice on the seeds, as the exports draw it. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "dossier-node-labels.h"
#include "dossier-render.h"
#include "export-test-util.h"

/* Zoomed out so far that a name is many times its node's size. */
#define FAR_ZOOM  0.2
/* Close enough that every name reads at the node font. */
#define NEAR_ZOOM 2.0

static DossierLabelNode
small_node (double x,
            double y,
            double weight)
{
  return (DossierLabelNode) {
    .x = x, .y = y, .width = 80, .height = 28, .shape = DOSSIER_SHAPE_BOX,
    .text_width = 60, .text_height = 13, .weight = weight, .role = DOSSIER_LABEL_WANTED,
  };
}

static gboolean
shown (const DossierLabelPlace *place)
{
  return place->spot != DOSSIER_LABEL_HIDDEN;
}

static gboolean
boxes_meet (double ax1, double ay1, double ax2, double ay2,
            double bx1, double by1, double bx2, double by2)
{
  return ax1 < bx2 && bx1 < ax2 && ay1 < by2 && by1 < ay2;
}

static gboolean
places_meet (const DossierLabelPlace *a,
             const DossierLabelPlace *b)
{
  double ax1, ay1, ax2, ay2, bx1, by1, bx2, by2;

  dossier_label_place_extents (a, &ax1, &ay1, &ax2, &ay2);
  dossier_label_place_extents (b, &bx1, &by1, &bx2, &by2);
  return boxes_meet (ax1, ay1, ax2, ay2, bx1, by1, bx2, by2);
}

/* How much of @place's box lies over @node's. */
static double
place_over_node (const DossierLabelPlace *place,
                 const DossierLabelNode  *node)
{
  double x1, y1, x2, y2, w, h;

  dossier_label_place_extents (place, &x1, &y1, &x2, &y2);
  w = MIN (x2, node->x + node->width / 2) - MAX (x1, node->x - node->width / 2);
  h = MIN (y2, node->y + node->height / 2) - MAX (y1, node->y - node->height / 2);
  return w > 0 && h > 0 ? w * h / ((x2 - x1) * (y2 - y1)) : 0;
}

/* Two nodes side by side: zoomed out, both names want the spot below,
 * where they would cover each other; the heavier gets it. */
static void
test_heavier_wins (void)
{
  DossierLabelNode nodes[2] = { small_node (0, 0, 1), small_node (90, 0, 5) };
  DossierLabelPlace places[2];

  dossier_node_labels_place (nodes, 2, FAR_ZOOM, places);
  g_assert_cmpint (places[1].spot, ==, DOSSIER_LABEL_BELOW);
  g_assert_cmpint (places[0].spot, ==, DOSSIER_LABEL_ABOVE);
  g_assert_false (places_meet (&places[0], &places[1]));
  /* Drawn at the smallest size that reads, whatever the zoom. */
  g_assert_cmpfloat_with_epsilon (places[1].font_scale * DOSSIER_STYLE_FONT_SIZE * FAR_ZOOM,
                                  DOSSIER_NODE_LABEL_MIN_PX, 1e-9);
  g_assert_cmpfloat_with_epsilon (places[1].width, 60 * places[1].font_scale, 1e-9);

  /* The other way round. */
  nodes[0].weight = 9;
  dossier_node_labels_place (nodes, 2, FAR_ZOOM, places);
  g_assert_cmpint (places[0].spot, ==, DOSSIER_LABEL_BELOW);
  g_assert_cmpint (places[1].spot, ==, DOSSIER_LABEL_ABOVE);

  /* Equal weights: the first one. */
  nodes[0].weight = nodes[1].weight = 3;
  dossier_node_labels_place (nodes, 2, FAR_ZOOM, places);
  g_assert_cmpint (places[0].spot, ==, DOSSIER_LABEL_BELOW);
}

/* A row of five close nodes has room for few names zoomed out: the
 * heaviest keep theirs, the lightest, in the middle, loses it. */
static void
test_crowd (void)
{
  const double weights[5] = { 4, 3, 0.5, 2, 5 };
  DossierLabelNode nodes[5];
  DossierLabelPlace places[5];
  guint n_shown = 0;

  for (guint i = 0; i < 5; i++)
    nodes[i] = small_node (90.0 * i, 0, weights[i]);
  dossier_node_labels_place (nodes, 5, FAR_ZOOM, places);
  g_assert_cmpint (places[4].spot, ==, DOSSIER_LABEL_BELOW);
  g_assert_true (shown (&places[0]));
  g_assert_false (shown (&places[2]));
  for (guint i = 0; i < 5; i++)
    n_shown += shown (&places[i]);
  g_assert_cmpuint (n_shown, <, 5);

  dossier_node_labels_place (nodes, 5, NEAR_ZOOM, places);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpint (places[i].spot, ==, DOSSIER_LABEL_INSIDE);
}

static void
test_zoom_in_shows_both (void)
{
  DossierLabelNode nodes[2] = { small_node (0, 0, 1), small_node (0, 40, 5) };
  DossierLabelPlace places[2];

  dossier_node_labels_place (nodes, 2, NEAR_ZOOM, places);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_cmpint (places[i].spot, ==, DOSSIER_LABEL_INSIDE);
      g_assert_cmpfloat (places[i].font_scale, ==, 1.0);
      /* Centred in its node, at the size measured. */
      g_assert_cmpfloat_with_epsilon (places[i].x + places[i].width / 2, nodes[i].x, 1e-9);
      g_assert_cmpfloat_with_epsilon (places[i].y + places[i].height / 2, nodes[i].y, 1e-9);
      g_assert_cmpfloat (places[i].width, ==, 60);
    }

  /* Half way: the names go beside their nodes, one above, one below. */
  dossier_node_labels_place (nodes, 2, 0.5, places);
  g_assert_cmpint (places[1].spot, ==, DOSSIER_LABEL_BELOW);
  g_assert_cmpint (places[0].spot, ==, DOSSIER_LABEL_ABOVE);
  g_assert_false (places_meet (&places[0], &places[1]));
}

/* A large node holds its name at a zoom where a small one cannot. */
static void
test_big_node_keeps_name_inside (void)
{
  DossierLabelNode nodes[2] = { small_node (0, 0, 1), small_node (400, 0, 5) };
  DossierLabelPlace places[2];
  double zoom = 0.4;
  double k = dossier_node_label_font_scale (zoom);

  dossier_style_node_size (DOSSIER_SHAPE_BOX, 60 * k, 13 * k, 1.0, &nodes[1].width, &nodes[1].height);
  dossier_node_labels_place (nodes, 2, zoom, places);
  g_assert_cmpint (places[1].spot, ==, DOSSIER_LABEL_INSIDE);
  g_assert_cmpfloat (places[1].font_scale, ==, k);
  g_assert_cmpint (places[0].spot, ==, DOSSIER_LABEL_BELOW);
}

static void
test_forced_always_named (void)
{
  DossierLabelNode nodes[6] = {
    small_node (0, 0, 1), small_node (90, 0, 5),
    /* Walls on every side of node 0, obstacles only. */
    small_node (0, -30, 0), small_node (-80, 0, 0), small_node (80, 0, 0), small_node (0, 30, 0),
  };
  DossierLabelPlace places[6];

  for (guint i = 2; i < 6; i++)
    nodes[i].role = DOSSIER_LABEL_OBSTACLE;

  /* Selected, it is named before the heavier one, which makes way. */
  nodes[0].role = DOSSIER_LABEL_FORCED;
  dossier_node_labels_place (nodes, 2, FAR_ZOOM, places);
  g_assert_cmpint (places[0].spot, ==, DOSSIER_LABEL_BELOW);
  g_assert_cmpint (places[1].spot, ==, DOSSIER_LABEL_ABOVE);

  /* Walled in, it still has its name, at its first spot. */
  dossier_node_labels_place (nodes, 6, FAR_ZOOM, places);
  g_assert_cmpint (places[0].spot, ==, DOSSIER_LABEL_BELOW);
  for (guint i = 2; i < 6; i++)
    g_assert_false (shown (&places[i]));
}

/* Boxed in by other nodes, a name that covers some of them: the most
 * important one keeps it, a light one loses it. */
static void
test_heaviest_keeps_name (void)
{
  DossierLabelNode nodes[5] = {
    small_node (0, 0, 9),
    small_node (0, -64, 1), small_node (-190, 0, 1), small_node (190, 0, 1), small_node (0, 64, 1),
  };
  DossierLabelPlace places[5];

  /* Large nodes all round, under every spot for its name. */
  for (guint i = 1; i < 5; i++)
    {
      nodes[i].role = DOSSIER_LABEL_OBSTACLE;
      nodes[i].width = 300;
      nodes[i].height = 100;
    }
  dossier_node_labels_place (nodes, 5, FAR_ZOOM, places);
  g_assert_true (shown (&places[0]));

  /* Among many heavier ones elsewhere, it is no longer among the few. */
  {
    DossierLabelNode many[30];
    DossierLabelPlace many_places[30];

    memcpy (many, nodes, sizeof nodes);
    many[0].weight = 1;
    for (guint i = 5; i < 30; i++)
      many[i] = small_node (5000 + 400.0 * i, 5000, 50);
    dossier_node_labels_place (many, 30, FAR_ZOOM, many_places);
    g_assert_false (shown (&many_places[0]));
    g_assert_true (shown (&many_places[5]));
  }
}

static void
random_layout (DossierLabelNode *nodes,
               guint             n,
               guint             seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  for (guint i = 0; i < n; i++)
    {
      double scale = g_rand_double_range (rand, 1, DOSSIER_STYLE_NODE_MAX_SCALE);

      nodes[i] = small_node (g_rand_double_range (rand, 0, 4000), g_rand_double_range (rand, 0, 3000),
                             g_rand_double_range (rand, 0, 100));
      nodes[i].shape = g_rand_int_range (rand, 0, 4);
      nodes[i].text_width = g_rand_double_range (rand, 20, 160);
      dossier_style_node_size (nodes[i].shape, nodes[i].text_width, nodes[i].text_height, scale,
                               &nodes[i].width, &nodes[i].height);
    }
}

/* Nodes of a random layout may overlap; names never do, and a name
 * covers little of other nodes. */
static void
test_random_no_overlap (void)
{
  const double zooms[] = { 0.05, 0.15, 0.3, 0.6, 0.85, 1.0 };
  const guint n = 500;
  g_autofree DossierLabelNode *nodes = g_new (DossierLabelNode, n);
  g_autofree DossierLabelPlace *places = g_new (DossierLabelPlace, n);
  g_autofree DossierLabelPlace *again = g_new (DossierLabelPlace, n);
  g_autofree gboolean *top = g_new (gboolean, n);

  random_layout (nodes, n, 16);
  for (guint i = 0; i < n; i++)
    {
      guint heavier = 0;

      for (guint j = 0; j < n; j++)
        heavier += nodes[j].weight > nodes[i].weight;
      top[i] = heavier < 22;
    }
  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      guint n_shown = 0;
      double over = 0;

      dossier_node_labels_place (nodes, n, zooms[z], places);
      for (guint i = 0; i < n; i++)
        {
          if (!shown (&places[i]))
            continue;
          n_shown++;
          for (guint j = i + 1; j < n; j++)
            if (shown (&places[j]) && places_meet (&places[i], &places[j]))
              g_error ("at zoom %g the names of %u and %u overlap", zooms[z], i, j);
          for (guint j = 0; j < n; j++)
            over += j != i ? place_over_node (&places[i], &nodes[j]) : 0;
          /* A little of a neighbour, never a crowd; but the most
           * important (√500, rounded) are named whatever they cover. */
          if (!top[i])
            g_assert_cmpfloat (over, <=, 0.15 + 1e-9);
          over = 0;
        }
      g_test_message ("zoom %g: %u of %u names", zooms[z], n_shown, n);
      g_assert_cmpuint (n_shown, >, 0);

      /* Stable: the same input, the same names at the same places. */
      dossier_node_labels_place (nodes, n, zooms[z], again);
      g_assert_cmpmem (places, n * sizeof *places, again, n * sizeof *again);
    }
}

/* Obstacles are never named, and an empty layout is fine. */
static void
test_obstacles_and_empty (void)
{
  DossierLabelNode nodes[2] = { small_node (0, 0, 9), small_node (500, 0, 1) };
  DossierLabelPlace places[2];

  nodes[0].role = DOSSIER_LABEL_OBSTACLE;
  dossier_node_labels_place (nodes, 2, NEAR_ZOOM, places);
  g_assert_false (shown (&places[0]));
  g_assert_true (shown (&places[1]));
  dossier_node_labels_place (NULL, 0, 1.0, NULL);
  g_assert_cmpfloat (dossier_node_label_font_scale (0), ==, 1.0);
  g_assert_cmpfloat (dossier_node_label_font_scale (NAN), ==, 1.0);
}

/* The renderer's choice on the seeds: at 1:1, the exports' zoom, every
 * name in its node as the layout sized it; zoomed out, the heaviest
 * actor named first, the same choice from every renderer. */
static void
test_renderer_seeds (ExportFixture *f,
                     gconstpointer  data)
{
  g_autoptr(DossierRenderer) a = dossier_renderer_new (f->sub, f->layout, NULL);
  g_autoptr(DossierRenderer) b = dossier_renderer_new (f->sub, f->layout, NULL);
  guint n = f->layout->nodes->len, heaviest = 0, n_shown = 0;
  double best = -1;

  for (guint i = 0; i < n; i++)
    {
      const DossierLayoutNode *node = &g_array_index (f->layout->nodes, DossierLayoutNode, i);
      double w = dossier_subgraph_entity_weight (f->sub, dossier_subgraph_find_entity (f->sub, node->entity));

      g_assert_cmpint (dossier_renderer_get_node_label (a, 1.0, i)->spot, ==, DOSSIER_LABEL_INSIDE);
      if (w > best)
        best = w, heaviest = i;
    }

  for (guint i = 0; i < n; i++)
    {
      const DossierLabelPlace *pa = dossier_renderer_get_node_label (a, 0.1, i);
      const DossierLabelPlace *pb = dossier_renderer_get_node_label (b, 0.1, i);

      g_assert_cmpmem (pa, sizeof *pa, pb, sizeof *pb);
      n_shown += shown (pa);
    }
  g_assert_true (shown (dossier_renderer_get_node_label (a, 0.1, heaviest)));
  g_assert_cmpuint (n_shown, <, n);
}

/* Zoomed out, names are drawn at a size that reads: beside their nodes at
 * the smallest such size, or in a node large enough for them. */
static void
test_renderer_draws_outside (ExportFixture *f,
                             gconstpointer  data)
{
  g_autoptr(DossierRenderer) renderer = dossier_renderer_new (f->sub, f->layout, NULL);
  double zoom = 0.25;
  guint n_outside = 0;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         (int) ceil (f->layout->width * zoom),
                                                         (int) ceil (f->layout->height * zoom));
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, zoom, zoom);
  g_assert_cmpfloat_with_epsilon (dossier_render_device_zoom (cr), zoom, 1e-12);
  dossier_renderer_draw (renderer, cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  for (guint i = 0; i < f->layout->nodes->len; i++)
    {
      const DossierLabelPlace *place = dossier_renderer_get_node_label (renderer, zoom, i);
      double px = place->font_scale * DOSSIER_STYLE_FONT_SIZE * zoom;

      if (place->spot == DOSSIER_LABEL_INSIDE)
        g_assert_cmpfloat (px, >=, DOSSIER_NODE_LABEL_INSIDE_MIN_PX - 1e-9);
      else if (shown (place))
        {
          g_assert_cmpfloat_with_epsilon (px, DOSSIER_NODE_LABEL_MIN_PX, 1e-9);
          n_outside++;
        }
    }
  g_assert_cmpuint (n_outside, >, 0);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/labels/heavier-wins", test_heavier_wins);
  g_test_add_func ("/labels/crowd", test_crowd);
  g_test_add_func ("/labels/zoom-in-shows-both", test_zoom_in_shows_both);
  g_test_add_func ("/labels/big-node-inside", test_big_node_keeps_name_inside);
  g_test_add_func ("/labels/forced", test_forced_always_named);
  g_test_add_func ("/labels/heaviest-keeps-name", test_heaviest_keeps_name);
  g_test_add_func ("/labels/random-no-overlap", test_random_no_overlap);
  g_test_add_func ("/labels/obstacles-and-empty", test_obstacles_and_empty);
  g_test_add ("/labels/renderer-seeds", ExportFixture, NULL,
              export_fixture_set_up_seeds, test_renderer_seeds, export_fixture_tear_down);
  g_test_add ("/labels/renderer-draws-outside", ExportFixture, NULL,
              export_fixture_set_up_seeds, test_renderer_draws_outside, export_fixture_tear_down);

  return g_test_run ();
}
