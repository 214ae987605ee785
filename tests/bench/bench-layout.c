/* bench-layout.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Prints layout time per engine for synthetic graphs of 100, 1,000 and
 * 5,000 nodes, the cost of one hit-test on the 5,000-node layout, and
 * export times.  Figures only: nothing here asserts on time. */

#include "config.h"

#include <stdio.h>

#include "dossier-export.h"
#include "dossier-layout.h"
#include "../export-test-util.h"

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* Nodes whose centre is covered by another node's shape. */
static guint
count_overlaps (DossierLayout *layout)
{
  guint overlaps = 0;

  for (guint i = 0; i < layout->nodes->len; i++)
    {
      const DossierLayoutNode *n = &g_array_index (layout->nodes, DossierLayoutNode, i);

      overlaps += dossier_layout_node_at (layout, n->x, n->y) != (int) i;
    }
  return overlaps;
}

static DossierLayout *
run_engine (DossierSubgraph     *sub,
            DossierLayoutEngine  engine,
            guint                n_nodes,
            guint                n_edges)
{
  g_autoptr(GError) error = NULL;
  DossierLayout *layout;
  double start = now ();

  layout = dossier_layout_compute (sub, engine, NULL, &error);
  if (layout == NULL)
    {
      printf ("  %-6s %6u nodes %6u edges: failed: %s\n",
              dossier_layout_engine_to_string (engine), n_nodes, n_edges, error->message);
      return NULL;
    }
  printf ("  %-6s %6u nodes %6u edges: %8.3f s  (%.0f x %.0f pt, %u nodes overlap another)\n",
          dossier_layout_engine_to_string (engine), n_nodes, n_edges,
          now () - start, layout->width, layout->height, count_overlaps (layout));
  fflush (stdout);
  return layout;
}

static void
bench_hit_testing (DossierLayout *layout)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  const guint queries = 200000;
  double start;
  guint hits = 0;

  start = now ();
  for (guint i = 0; i < queries; i++)
    hits += dossier_layout_node_at (layout,
                                    g_rand_double_range (rand, 0, layout->width),
                                    g_rand_double_range (rand, 0, layout->height)) >= 0;
  printf ("  node_at: %.2f µs per query (%u of %u hit)\n", (now () - start) / queries * 1e6, hits, queries);

  hits = 0;
  start = now ();
  for (guint i = 0; i < queries; i++)
    hits += dossier_layout_edge_at (layout,
                                    g_rand_double_range (rand, 0, layout->width),
                                    g_rand_double_range (rand, 0, layout->height), 4.0) >= 0;
  printf ("  edge_at: %.2f µs per query (%u of %u hit)\n", (now () - start) / queries * 1e6, hits, queries);
}

static void
bench_export (DossierSubgraph *sub,
              DossierLayout   *layout)
{
  for (DossierExportFormat format = DOSSIER_EXPORT_PNG; format <= DOSSIER_EXPORT_JSON; format++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      DossierExportOptions options;
      double start = now ();

      dossier_export_options_init (&options, format);
      /* The whole 5,000-node drawing at scale 2 is too big for a PNG. */
      options.scale = 0.25;
      bytes = dossier_export_to_bytes (sub, layout, &options, NULL, &error);
      if (bytes == NULL)
        printf ("  export %-7s: failed: %s\n", dossier_export_format_to_string (format), error->message);
      else
        printf ("  export %-7s: %6.3f s, %7.1f KiB\n", dossier_export_format_to_string (format),
                now () - start, g_bytes_get_size (bytes) / 1024.0);
    }
}

int
main (int    argc,
      char **argv)
{
  const struct { guint nodes, edges; } sizes[] = { { 100, 150 }, { 1000, 1500 }, { 5000, 7500 } };
  const DossierLayoutEngine small_engines[] = {
    DOSSIER_LAYOUT_DOT, DOSSIER_LAYOUT_NEATO, DOSSIER_LAYOUT_FDP,
    DOSSIER_LAYOUT_SFDP, DOSSIER_LAYOUT_CIRCO,
  };

  printf ("Layout time per engine (synthetic graphs, labels 7-30 characters)\n");

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(DossierGraph) graph = test_synthetic_graph (sizes[s].nodes, sizes[s].edges, 7);
      g_autoptr(DossierSubgraph) sub = test_subgraph_all (graph);
      guint n_edges = sub->relations->len;

      printf ("%u nodes, %u edges (auto picks %s):\n", sizes[s].nodes, n_edges,
              dossier_layout_engine_to_string (dossier_layout_engine_for_size (sizes[s].nodes, n_edges)));

      if (sizes[s].nodes <= 100)
        {
          for (guint e = 0; e < G_N_ELEMENTS (small_engines); e++)
            {
              g_autoptr(DossierLayout) layout = run_engine (sub, small_engines[e], sizes[s].nodes, n_edges);
            }
        }
      else
        {
          g_autoptr(DossierLayout) layout = NULL;

          printf ("  dot, neato, fdp, circo: skipped, they take minutes at this size\n");
          layout = run_engine (sub, DOSSIER_LAYOUT_SFDP, sizes[s].nodes, n_edges);
          if (layout != NULL && sizes[s].nodes >= 5000)
            {
              bench_hit_testing (layout);
              bench_export (sub, layout);
            }
        }
    }

  return 0;
}
