/* test-gui-labels.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The view's names come from one choice for the whole graph: the picture
 * its tiles make, zoomed out, is the renderer's picture of the whole
 * graph at that zoom, pixel for pixel (no name cut at a tile's border,
 * none chosen otherwise in another tile). */

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "dossier-graph-view.h"
#include "dossier-render.h"
#include "export-test-util.h"
#include "gui-test-util.h"

#define WIDTH  900
#define HEIGHT 700
/* Zoomed out: most names are drawn beside their nodes, some not at all. */
#define ZOOM   0.25

/* The view's own picture, once every visible tile is drawn. */
static cairo_surface_t *
view_picture (DossierGraphView *view)
{
  g_autoptr(GskRenderNode) node = gui_test_snapshot_complete (view, WIDTH, HEIGHT);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr;

  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The renderer's picture of the whole graph under @t, on the background. */
static cairo_surface_t *
whole_picture (DossierSubgraph            *sub,
               DossierLayout              *layout,
               const DossierViewTransform *t)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  DossierColor bg = dossier_style_background (FALSE);
  g_autoptr(DossierRenderer) renderer = NULL;
  DossierRenderOptions options;
  cairo_t *cr;

  dossier_render_options_init (&options);
  options.background = FALSE;
  renderer = dossier_renderer_new (sub, layout, &options);

  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, bg.red, bg.green, bg.blue);
  cairo_paint (cr);
  cairo_translate (cr, t->offset_x, t->offset_y);
  cairo_scale (cr, t->scale, t->scale);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  dossier_renderer_draw (renderer, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Pixels of the names drawn beside their nodes where the two pictures
 * differ by more than rounding. */
static guint
count_differences (cairo_surface_t            *a,
                   cairo_surface_t            *b,
                   DossierRenderer            *renderer,
                   DossierLayout              *layout,
                   const DossierViewTransform *t)
{
  const guchar *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);
  int stride = cairo_image_surface_get_stride (a);
  g_autofree guchar *counted = g_new0 (guchar, WIDTH * HEIGHT);
  guint n = 0;

  for (guint i = 0; i < layout->nodes->len; i++)
    {
      const DossierLabelPlace *place = dossier_renderer_get_node_label (renderer, t->scale, i);
      double x1, y1, x2, y2;

      if (place->spot == DOSSIER_LABEL_HIDDEN || place->spot == DOSSIER_LABEL_INSIDE)
        continue;
      dossier_label_place_extents (place, &x1, &y1, &x2, &y2);
      for (int y = MAX (0, (int) (t->offset_y + y1 * t->scale)); y < MIN (HEIGHT, (int) ceil (t->offset_y + y2 * t->scale)); y++)
        for (int x = MAX (0, (int) (t->offset_x + x1 * t->scale)); x < MIN (WIDTH, (int) ceil (t->offset_x + x2 * t->scale)); x++)
          for (int c = 0; c < 4 && !counted[y * WIDTH + x]; c++)
            if (ABS ((int) pa[y * stride + 4 * x + c] - (int) pb[y * stride + 4 * x + c]) > 8)
              {
                counted[y * WIDTH + x] = TRUE;
                n++;
              }
    }
  return n;
}

static void
test_tiles_draw_one_choice (void)
{
  g_autoptr(DossierSubgraph) sub = test_seeds_subgraph ();
  g_autoptr(DossierLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = dossier_graph_view_new ();
  /* Whole pixels, so that tiles land where the whole picture's pixels do. */
  DossierViewTransform t = { .scale = ZOOM, .offset_x = 40, .offset_y = 30 };
  g_autoptr(DossierRenderer) renderer = NULL;
  cairo_surface_t *tiles, *whole;
  guint beside = 0, hidden = 0, differ;

  layout = dossier_layout_compute (sub, DOSSIER_LAYOUT_NEATO, NULL, &error);
  g_assert_no_error (error);

  /* The seeds at this zoom: some names beside their nodes, some hidden. */
  renderer = dossier_renderer_new (sub, layout, NULL);
  for (guint i = 0; i < layout->nodes->len; i++)
    {
      DossierLabelSpot spot = dossier_renderer_get_node_label (renderer, ZOOM, i)->spot;

      beside += spot != DOSSIER_LABEL_HIDDEN && spot != DOSSIER_LABEL_INSIDE;
      hidden += spot == DOSSIER_LABEL_HIDDEN;
    }
  g_assert_cmpuint (beside, >, 0);
  g_assert_cmpuint (hidden, >, 0);

  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_wait_frames (view, 2);
  dossier_graph_view_set_graph (DOSSIER_GRAPH_VIEW (view), sub, layout);
  gui_test_wait_frames (view, 2);
  /* A new graph is fitted once the view has its size: done, then zoomed. */
  dossier_graph_view_zoom_fit (DOSSIER_GRAPH_VIEW (view), FALSE);
  dossier_graph_view_set_transform (DOSSIER_GRAPH_VIEW (view), &t);
  /* The zoom settles (its timeout runs) and the scene is made for it. */
  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  gui_test_iterate ();
  g_assert_cmpfloat (dossier_graph_view_get_transform (DOSSIER_GRAPH_VIEW (view))->scale, ==, ZOOM);

  tiles = view_picture (DOSSIER_GRAPH_VIEW (view));
  g_assert_cmpfloat (dossier_graph_view_get_transform (DOSSIER_GRAPH_VIEW (view))->scale, ==, ZOOM);
  g_assert_cmpfloat (dossier_graph_view_get_transform (DOSSIER_GRAPH_VIEW (view))->offset_x, ==, t.offset_x);
  whole = whole_picture (sub, layout, &t);
  differ = count_differences (tiles, whole, renderer, layout, &t);
  if (differ > 0 && g_getenv ("DOSSIER_TEST_PNG") != NULL)
    {
      cairo_surface_write_to_png (tiles, "labels-tiles.png");
      cairo_surface_write_to_png (whole, "labels-whole.png");
    }
  g_test_message ("%u pixels differ", differ);
  /* A name cut at a tile's border, or left out, differs by dozens. */
  g_assert_cmpuint (differ, <, 5);

  cairo_surface_destroy (tiles);
  cairo_surface_destroy (whole);
  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add_func ("/gui/labels/tiles-draw-one-choice", test_tiles_draw_one_choice);

  return g_test_run ();
}
