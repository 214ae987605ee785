/* bench-view.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Frame time of the graph view on synthetic layouts of 1,000 and 5,000
 * nodes: the one-off scene build, then panning frames that reuse the
 * cached scene, measured as the widget's snapshot alone and as snapshot
 * plus rasterising the frame with cairo (what GSK_RENDERER=cairo does);
 * before them, the cost of choosing the names to draw at a zoom on 500
 * and 2,000 nodes.
 * Needs a display (Xvfb is fine).  Prints figures; asserts nothing. */

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <time.h>

#include "dossier-graph-view.h"
#include "dossier-render.h"
#include "../gui-test-util.h"

#define FRAMES 40
#define WIDTH  1280
#define HEIGHT 800

static void
edge_clear (DossierLayoutEdge *edge)
{
  g_clear_pointer (&edge->points, g_array_unref);
}

/* A grid of nodes, each linked to a few near neighbours, laid out the way
 * Graphviz would hand it over: centres, sizes, cubic splines, arrows. */
static void
make_graph (guint             n_nodes,
            DossierSubgraph **out_subgraph,
            DossierLayout   **out_layout)
{
  DossierCorpus *corpus = dossier_corpus_new ();
  DossierGraph *graph = dossier_graph_new (corpus);
  DossierSubgraph *subgraph = g_new0 (DossierSubgraph, 1);
  DossierLayout *layout = g_new0 (DossierLayout, 1);
  guint cols = (guint) ceil (sqrt (n_nodes * 2.0));
  GRand *rand = g_rand_new_with_seed (42);

  g_atomic_ref_count_init (&subgraph->ref_count);
  g_atomic_ref_count_init (&layout->ref_count);
  subgraph->graph = graph;
  subgraph->entities = g_array_new (FALSE, FALSE, sizeof (guint));
  subgraph->relations = g_array_new (FALSE, FALSE, sizeof (guint));
  subgraph->entity_mentions = g_array_new (FALSE, TRUE, sizeof (guint));
  subgraph->relation_evidence = g_array_new (FALSE, TRUE, sizeof (guint));
  layout->engine = DOSSIER_LAYOUT_SFDP;
  layout->nodes = g_array_new (FALSE, TRUE, sizeof (DossierLayoutNode));
  layout->edges = g_array_new (FALSE, TRUE, sizeof (DossierLayoutEdge));
  g_array_set_clear_func (layout->edges, (GDestroyNotify) edge_clear);

  for (guint i = 0; i < n_nodes; i++)
    {
      g_autofree char *name = g_strdup_printf ("Actor %u", i);
      DossierEntity *entity = dossier_graph_ensure_entity (graph, name, i % DOSSIER_N_ENTITY_TYPES);
      DossierLayoutNode node = {
        .entity = entity->id,
        .x = 80 + (i % cols) * 150.0 + (i / cols % 2) * 40,
        .y = 40 + (i / cols) * 70.0,
        .width = 100,
        .height = 36,
      };
      guint zero = 0;

      g_array_append_val (subgraph->entities, entity->id);
      g_array_append_val (subgraph->entity_mentions, zero);
      g_array_append_val (layout->nodes, node);
      layout->width = MAX (layout->width, node.x + 80);
      layout->height = MAX (layout->height, node.y + 40);
    }

  for (guint i = 0; i < n_nodes; i++)
    for (guint k = 0; k < 2; k++)
      {
        guint j = k == 0 ? i + 1 : i + cols + g_rand_int_range (rand, 0, 3);
        DossierRelationType type = g_rand_int_range (rand, 0, DOSSIER_N_RELATION_TYPES - 1);
        DossierRelation *relation;
        const DossierLayoutNode *a, *b;
        DossierLayoutEdge edge = { 0, };
        DossierPoint p;
        guint zero = 0;

        if (j >= n_nodes || (k == 0 && j % cols == 0))
          continue;
        relation = dossier_graph_ensure_relation (graph, i, type, j);
        if (relation->source != i)
          continue;  /* symmetric type stored the other way: skip the duplicate */
        g_array_append_val (subgraph->relations, relation->id);
        g_array_append_val (subgraph->relation_evidence, zero);

        a = &g_array_index (layout->nodes, DossierLayoutNode, i);
        b = &g_array_index (layout->nodes, DossierLayoutNode, j);
        edge.relation = relation->id;
        edge.tail = i;
        edge.head = j;
        edge.points = g_array_new (FALSE, FALSE, sizeof (DossierPoint));
        for (guint t = 0; t < 4; t++)
          {
            p.x = a->x + (b->x - a->x) * t / 3.0 + (t == 1 || t == 2 ? 12 : 0);
            p.y = a->y + (b->y - a->y) * t / 3.0;
            g_array_append_val (edge.points, p);
          }
        edge.has_arrow = !dossier_relation_type_is_symmetric (type);
        edge.arrow_tip.x = b->x;
        edge.arrow_tip.y = b->y - 18;
        edge.label.x = (a->x + b->x) / 2;
        edge.label.y = (a->y + b->y) / 2;
        g_array_append_val (layout->edges, edge);
      }

  subgraph->total_entities = subgraph->entities->len;
  subgraph->total_relations = subgraph->relations->len;
  g_rand_free (rand);
  dossier_corpus_unref (corpus);

  *out_subgraph = subgraph;
  *out_layout = layout;
}

static void
iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* One frame: the widget's own snapshot, then its rasterisation. */
static void
frame (GtkWidget       *view,
       cairo_surface_t *surface,
       double          *snapshot_ms,
       double          *raster_ms)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  gint64 t0, t1, t2;
  cairo_t *cr;

  t0 = g_get_monotonic_time ();
  GTK_WIDGET_GET_CLASS (view)->snapshot (view, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  t1 = g_get_monotonic_time ();

  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  t2 = g_get_monotonic_time ();

  g_clear_pointer (&node, gsk_render_node_unref);
  *snapshot_ms += (t1 - t0) / 1000.0;
  *raster_ms += (t2 - t1) / 1000.0;
}

static void
measure (guint         n_nodes,
         GtkWidget    *view)
{
  DossierSubgraph *subgraph;
  DossierLayout *layout;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  DossierViewTransform t;
  double build_snap = 0, build_raster = 0, build_ms = 0;
  guint settle_frames = 0;
  const double scales[] = { 0.0, 0.6, 1.5 };  /* 0: fit */

  make_graph (n_nodes, &subgraph, &layout);
  dossier_graph_view_set_graph (DOSSIER_GRAPH_VIEW (view), subgraph, layout);
  iterate ();

  g_print ("%u nodes, %u edges, layout %.0f x %.0f pt\n",
           layout->nodes->len, layout->edges->len, layout->width, layout->height);

  for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
    {
      double snap = 0, raster = 0;

      dossier_graph_view_zoom_fit (DOSSIER_GRAPH_VIEW (view), FALSE);
      t = *dossier_graph_view_get_transform (DOSSIER_GRAPH_VIEW (view));
      if (scales[s] > 0)
        dossier_view_transform_zoom_at (&t, scales[s], WIDTH / 2.0, HEIGHT / 2.0);
      dossier_graph_view_set_transform (DOSSIER_GRAPH_VIEW (view), &t);
      /* Let the zoom settle (its timeout runs), then time the frames that
       * draw the visible tiles at the new scale, a few per frame, until
       * the scene is complete. */
      g_usleep (250 * G_TIME_SPAN_MILLISECOND);
      iterate ();
      settle_frames = 0;
      build_ms = 0;
      do
        {
          double fs = 0, fr = 0;

          frame (view, surface, &fs, &fr);
          build_ms = MAX (build_ms, fs + fr);
          settle_frames++;
        }
      while (!dossier_graph_view_has_scene (DOSSIER_GRAPH_VIEW (view)) && settle_frames < 100);
      frame (view, surface, &build_snap, &build_raster);

      for (guint i = 0; i < FRAMES; i++)
        {
          /* Panning: only the transform changes, the scene is reused. */
          dossier_view_transform_pan (&t, 3, 2);
          dossier_graph_view_set_transform (DOSSIER_GRAPH_VIEW (view), &t);
          frame (view, surface, &snap, &raster);
        }

      if (g_getenv ("BENCH_VIEW_PNG") != NULL)
        {
          g_autofree char *name = g_strdup_printf ("%s-%u-%u.png", g_getenv ("BENCH_VIEW_PNG"), n_nodes, s);

          cairo_surface_write_to_png (surface, name);
        }
      g_print ("  scale %.3f%s: after the zoom settles, %u frame(s) draw the visible tiles, "
               "longest %.1f ms (snapshot + raster); then per pan frame: snapshot %.3f ms, snapshot + cairo raster %.2f ms\n",
               t.scale, scales[s] > 0 ? "" : " (fit)",
               settle_frames, build_ms, snap / FRAMES, (snap + raster) / FRAMES);
    }

  dossier_graph_view_set_graph (DOSSIER_GRAPH_VIEW (view), NULL, NULL);
  dossier_layout_unref (layout);
  dossier_subgraph_unref (subgraph);
  cairo_surface_destroy (surface);
}

/* Choosing the names to draw for one zoom over the whole graph (what a
 * settled zoom costs before its tiles are drawn), nodes weighted at
 * random: the first choice measures every name, the next ones reuse the
 * sizes. */
static void
measure_names (guint n_nodes)
{
  const double zooms[] = { 0.1, 0.3, 0.6, 1.0 };
  DossierSubgraph *subgraph;
  DossierLayout *layout;
  g_autoptr(DossierRenderer) renderer = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  gint64 t0, t1;
  double c0, c1;

  make_graph (n_nodes, &subgraph, &layout);
  subgraph->entity_weight = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < n_nodes; i++)
    {
      double w = g_rand_double_range (rand, 0, 100);

      g_array_append_val (subgraph->entity_weight, w);
    }
  renderer = dossier_renderer_new (subgraph, layout, NULL);

  t0 = g_get_monotonic_time ();
  c0 = (double) clock () / CLOCKS_PER_SEC;
  g_array_unref (dossier_renderer_place_node_labels (renderer, zooms[0], NULL));
  t1 = g_get_monotonic_time ();
  c1 = (double) clock () / CLOCKS_PER_SEC;
  g_print ("names of %u nodes: first choice, names measured, %.2f ms wall, %.2f ms CPU\n",
           n_nodes, (t1 - t0) / 1000.0, (c1 - c0) * 1000);

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      const guint reps = 20;
      guint shown = 0;

      t0 = g_get_monotonic_time ();
      c0 = (double) clock () / CLOCKS_PER_SEC;
      for (guint r = 0; r < reps; r++)
        {
          g_autoptr(GArray) places = dossier_renderer_place_node_labels (renderer, zooms[z], NULL);

          shown = 0;
          for (guint i = 0; i < places->len; i++)
            shown += g_array_index (places, DossierLabelPlace, i).spot != DOSSIER_LABEL_HIDDEN;
        }
      t1 = g_get_monotonic_time ();
      c1 = (double) clock () / CLOCKS_PER_SEC;
      g_print ("  zoom %.1f: %u of %u named, %.3f ms wall, %.3f ms CPU per choice\n",
               zooms[z], shown, n_nodes, (t1 - t0) / 1000.0 / reps, (c1 - c0) * 1000 / reps);
    }

  g_clear_pointer (&renderer, dossier_renderer_unref);
  dossier_layout_unref (layout);
  dossier_subgraph_unref (subgraph);
}

int
main (int   argc,
      char *argv[])
{
  GtkWidget *window, *view;

  gtk_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  window = gtk_window_new ();
  view = dossier_graph_view_new ();
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_wait_frames (view, 2);
  /* From here on frames are made by calling the view's snapshot: with the
   * window hidden (it keeps its size), GTK paints nothing by itself that
   * would draw the tiles outside the timed frames. */
  gtk_widget_set_visible (window, FALSE);
  iterate ();

  measure_names (500);
  measure_names (2000);
  measure (1000, view);
  measure (5000, view);

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
