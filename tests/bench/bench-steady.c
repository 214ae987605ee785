/* bench-steady.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How far the actors that stay on screen move when the filter changes
 * (issue #16: under 5 % of the drawing's diagonal, median).  Lays the
 * whole graph of a corpus out, then the graph at min evidence 2 from the
 * previous positions and, for comparison, afresh; then back to the whole
 * graph from there, and a fresh layout with three pinned actors.
 *
 *   bench-steady [FOLDER]   (default: 500 generated articles)
 *
 * Figures only: nothing here asserts on time. */

#include "config.h"

#include <math.h>
#include <stdio.h>

#include "dossier-extractor.h"
#include "dossier-gazetteer.h"
#include "dossier-positions.h"
#include "gen-corpus.h"

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  if (values->len == 0)
    return 0;
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

/* Median move of the actors of @layout that @before has a place for, as a
 * percentage of @diagonal.  With @align, the best translation is taken
 * off first (a fresh layout lands anywhere in the stable frame). */
static double
median_move (DossierSubgraph  *subgraph,
             DossierLayout    *layout,
             DossierPositions *before,
             double            diagonal,
             gboolean          align,
             guint            *n_kept)
{
  g_autoptr(GArray) dx = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) dy = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) moves = g_array_new (FALSE, FALSE, sizeof (double));
  double sx = 0, sy = 0;

  for (guint i = 0; i < layout->nodes->len; i++)
    {
      const DossierLayoutNode *n = &g_array_index (layout->nodes, DossierLayoutNode, i);
      const DossierEntity *e = dossier_graph_get_entity (subgraph->graph, n->entity);
      double x, y, ddx, ddy;

      if (!dossier_positions_lookup (before, e->name, &x, &y, NULL))
        continue;
      ddx = n->x + layout->origin.x - x;
      ddy = n->y + layout->origin.y - y;
      g_array_append_val (dx, ddx);
      g_array_append_val (dy, ddy);
    }
  *n_kept = dx->len;
  if (align)
    {
      g_autoptr(GArray) cx = g_array_copy (dx);
      g_autoptr(GArray) cy = g_array_copy (dy);

      sx = median (cx), sy = median (cy);
    }
  for (guint i = 0; i < dx->len; i++)
    {
      double d = hypot (g_array_index (dx, double, i) - sx, g_array_index (dy, double, i) - sy);
      g_array_append_val (moves, d);
    }
  return 100 * median (moves) / diagonal;
}

/* Nodes whose box overlaps another's. */
static guint
count_overlaps (DossierLayout *layout)
{
  guint overlaps = 0;

  for (guint i = 0; i < layout->nodes->len; i++)
    {
      const DossierLayoutNode *a = &g_array_index (layout->nodes, DossierLayoutNode, i);

      for (guint j = 0; j < layout->nodes->len; j++)
        {
          const DossierLayoutNode *b = &g_array_index (layout->nodes, DossierLayoutNode, j);

          if (i != j &&
              fabs (a->x - b->x) < (a->width + b->width) / 2 &&
              fabs (a->y - b->y) < (a->height + b->height) / 2)
            {
              overlaps++;
              break;
            }
        }
    }
  return overlaps;
}

static DossierLayout *
timed_layout (const char         *label,
              DossierSubgraph    *subgraph,
              DossierPositions   *positions,
              DossierLayoutFlags  flags)
{
  g_autoptr(GError) error = NULL;
  DossierLayout *layout;
  double start = now ();

  if (!(layout = dossier_layout_compute_full (subgraph, DOSSIER_LAYOUT_AUTO, positions, flags, NULL, &error)))
    g_error ("%s: %s", label, error->message);
  printf ("  %-44s %4u actors %4u links  %6.3f s  %5.0f x %-5.0f pt  %u overlapping\n",
          label, layout->nodes->len, layout->edges->len, now () - start,
          layout->width, layout->height, count_overlaps (layout));
  return layout;
}

static DossierGraph *
load_graph (const char *folder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierGazetteer) gazetteer = NULL;
  g_autoptr(DossierCorpus) corpus = NULL;
  const char *paths[] = { folder, NULL };
  DossierGraph *graph;

  if (!(gazetteer = dossier_gazetteer_new_default (&error)) ||
      !(corpus = dossier_corpus_load (paths, NULL, NULL, NULL, &error)) ||
      !(graph = dossier_extract (corpus, gazetteer, NULL, NULL, &error)))
    g_error ("%s: %s", folder, error->message);
  printf ("%s: %u articles, %u actors, %u relations\n",
          folder, corpus->articles->len, graph->entities->len, graph->relations->len);
  return graph;
}

static char *
generate (guint n_articles)
{
  g_autofree char *seeds = g_build_filename (DOSSIER_SOURCE_DIR, "seeds", NULL);
  g_autofree char *gaz = g_build_filename (DOSSIER_SOURCE_DIR, "data", "gazetteer", NULL);
  g_autofree char *dir = NULL;
  g_autoptr(DossierGen) gen = NULL;
  g_autoptr(GError) error = NULL;
  DossierGenOptions options;
  char *corpus;

  dossier_gen_options_init (&options);
  options.n_articles = n_articles;
  options.seeds_dir = seeds;
  options.gazetteer_dir = gaz;
  if (!(dir = g_dir_make_tmp ("dossier-steady-XXXXXX", &error)))
    g_error ("%s", error->message);
  corpus = g_build_filename (dir, "corpus", NULL);
  if (!(gen = dossier_gen_new (&options, &error)) ||
      !dossier_gen_write_corpus (gen, corpus, NULL, &error))
    g_error ("generating: %s", error->message);
  return corpus;
}

static DossierSubgraph *
apply (DossierGraph *graph,
       guint         min_evidence)
{
  g_autoptr(DossierFilter) filter = dossier_filter_new ();
  g_autoptr(GError) error = NULL;
  DossierSubgraph *subgraph;

  filter->min_evidence = min_evidence;
  if (!(subgraph = dossier_filter_apply (filter, graph, &error)))
    g_error ("filter: %s", error->message);
  return subgraph;
}

static void
print_move (const char       *label,
            DossierSubgraph  *subgraph,
            DossierLayout    *layout,
            DossierPositions *before,
            double            diagonal,
            gboolean          align)
{
  guint kept;
  double move = median_move (subgraph, layout, before, diagonal, align, &kept);

  printf ("    %-42s median move of %u kept actors: %5.2f %% of the diagonal\n", label, kept, move);
}

/* A drag: the view makes a moved copy of the layout at each motion
 * (dossier_layout_move_node), then the drop lays out again around the pin. */
static void
bench_drag (DossierSubgraph  *all,
            DossierLayout    *full,
            DossierPositions *positions,
            double            diagonal)
{
  g_autoptr(DossierLayout) dropped = NULL;
  g_autoptr(DossierPositions) places = dossier_positions_copy (positions);
  guint hub = 0, best = 0, n_moves = 200;
  double start;

  for (guint i = 0; i < full->nodes->len; i++)
    if (dossier_layout_node_degree (full, i) > best)
      best = dossier_layout_node_degree (full, i), hub = i;

  printf ("a drag of the most connected actor (%u links):\n", best);
  start = now ();
  for (guint i = 0; i < n_moves; i++)
    {
      const DossierLayoutNode *node = &g_array_index (full->nodes, DossierLayoutNode, hub);
      g_autoptr(DossierLayout) moved = dossier_layout_move_node (full, all, hub, node->x + i, node->y + i / 2.0);

      g_assert (moved != NULL);
    }
  printf ("  %-44s %6.3f ms a motion\n", "moved copy of the layout", (now () - start) * 1000 / n_moves);
  dossier_positions_pin_node (places, all, full, hub,
                              g_array_index (full->nodes, DossierLayoutNode, hub).x + 150,
                              g_array_index (full->nodes, DossierLayoutNode, hub).y + 100);
  dropped = timed_layout ("the drop: KEEP around the pin", all, places, DOSSIER_LAYOUT_FLAGS_KEEP);
  print_move ("dropped:", all, dropped, places, diagonal, FALSE);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *folder = argc > 1 ? g_strdup (argv[1]) : generate (500);
  g_autoptr(DossierGraph) graph = load_graph (folder);
  g_autoptr(DossierSubgraph) all = apply (graph, 0);
  g_autoptr(DossierSubgraph) two = apply (graph, 2);
  g_autoptr(DossierLayout) full = NULL, steady = NULL, fresh = NULL, back = NULL, pinned = NULL;
  g_autoptr(DossierPositions) p_full = dossier_positions_new ();
  g_autoptr(DossierPositions) p_two = NULL;
  g_autoptr(GPtrArray) names = NULL;
  double diagonal;

  full = timed_layout ("whole graph, fresh", all, NULL, DOSSIER_LAYOUT_FLAGS_NONE);
  dossier_positions_update_from_layout (p_full, all, full);
  diagonal = hypot (full->width, full->height);
  bench_drag (all, full, p_full, diagonal);

  printf ("min evidence 2:\n");
  steady = timed_layout ("from the previous positions (KEEP)", two, p_full, DOSSIER_LAYOUT_FLAGS_KEEP);
  print_move ("steady:", two, steady, p_full, diagonal, FALSE);
  fresh = timed_layout ("fresh, for comparison", two, NULL, DOSSIER_LAYOUT_FLAGS_NONE);
  print_move ("fresh (best translation taken off):", two, fresh, p_full, diagonal, TRUE);

  printf ("back to the whole graph:\n");
  /* Only what the min-evidence-2 view drew: the others are new. */
  p_two = dossier_positions_new ();
  dossier_positions_update_from_layout (p_two, two, steady);
  back = timed_layout ("from the min-evidence-2 positions (KEEP)", all, p_two, DOSSIER_LAYOUT_FLAGS_KEEP);
  print_move ("steady:", all, back, p_two, diagonal, FALSE);

  printf ("Re-Lay Out with three actors pinned:\n");
  names = dossier_positions_get_names (p_full);
  for (guint i = 0; i < names->len && i < 3; i++)
    dossier_positions_set_pinned (p_full, names->pdata[i * names->len / 3], TRUE);
  dossier_positions_clear_unpinned (p_full);
  pinned = timed_layout ("fresh, pins held", all, p_full, DOSSIER_LAYOUT_FLAGS_NONE);
  print_move ("pinned:", all, pinned, p_full, diagonal, FALSE);

  return 0;
}
