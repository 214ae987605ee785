/* bench-measures.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What measures and communities add to a filter: on random graphs of
 * 100 to 20,000 actors with three relations each, the time of
 * dossier_filter_apply (which finds communities and weights), of
 * communities alone and of PageRank alone.  Prints figures; asserts
 * nothing. */

#include "config.h"

#include <string.h>

#include "dossier-date.h"
#include "dossier-filter.h"
#include "dossier-measures.h"

#define RUNS 5

static DossierGraph *
make_graph (guint n_actors)
{
  g_autoptr(DossierCorpus) corpus = dossier_corpus_new ();
  g_autoptr(GBytes) text = g_bytes_new_static ("Some article.\n", strlen ("Some article.\n"));
  DossierArticle *article = dossier_article_new_from_bytes ("a.txt", NULL, text, NULL);
  DossierGraph *graph;
  GRand *rand = g_rand_new_with_seed (42);

  dossier_date_parse_iso ("2020-09-14", &article->date);
  dossier_corpus_add_article (corpus, article);
  graph = dossier_graph_new (corpus);

  for (guint i = 0; i < n_actors; i++)
    {
      g_autofree char *name = g_strdup_printf ("Actor %u", i);
      DossierEntity *entity = dossier_graph_ensure_entity (graph, name, i % DOSSIER_N_ENTITY_TYPES);
      DossierMention mention = { 0, i, i + 1, DOSSIER_SECTION_BODY };

      dossier_graph_add_mention (graph, entity, &mention);
    }

  /* Groups of 20 with most links inside: communities to find. */
  for (guint i = 0; i < n_actors * 3; i++)
    {
      guint s = g_rand_int_range (rand, 0, n_actors);
      guint t = g_rand_int_range (rand, 0, 10) < 8
              ? MIN (n_actors - 1, s / 20 * 20 + g_rand_int_range (rand, 0, 20))
              : (guint) g_rand_int_range (rand, 0, n_actors);
      DossierEvidence evidence = { 0 };

      if (s == t)
        continue;
      evidence.start = i;
      evidence.end = i + 1;
      evidence.date = (DossierDate) { 2020, 9, 14, DOSSIER_DATE_PRECISION_DAY };
      dossier_graph_add_evidence (graph, dossier_graph_ensure_relation (graph, s, i % 7, t), &evidence);
    }

  g_rand_free (rand);
  return graph;
}

static double
best_ms (void (*func) (gpointer), gpointer data)
{
  double best = G_MAXDOUBLE;

  for (guint r = 0; r < RUNS; r++)
    {
      gint64 start = g_get_monotonic_time ();

      func (data);
      best = MIN (best, (g_get_monotonic_time () - start) / 1000.0);
    }
  return best;
}

typedef struct
{
  DossierGraph    *graph;
  DossierFilter   *filter;
  DossierSubgraph *sub;
} Bench;

static void
run_filter (gpointer data)
{
  Bench *b = data;

  dossier_subgraph_unref (dossier_filter_apply (b->filter, b->graph, NULL));
}

static void
run_communities (gpointer data)
{
  Bench *b = data;

  dossier_communities_free (dossier_communities_compute (b->sub));
}

static void
run_pagerank (gpointer data)
{
  Bench *b = data;

  g_free (dossier_measures_compute (b->sub, DOSSIER_MEASURE_PAGERANK));
}

int
main (int   argc,
      char *argv[])
{
  const guint sizes[] = { 100, 1000, 5000, 20000 };

  g_print ("%8s %10s %12s %14s %12s %12s\n", "actors", "relations", "filter ms", "communities ms", "pagerank ms", "communities");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      Bench b = { make_graph (sizes[i]), dossier_filter_new (), NULL };
      g_autoptr(DossierCommunities) communities = NULL;
      double filter_ms, communities_ms, pagerank_ms;

      b.filter->isolated = DOSSIER_ISOLATED_SHOW;
      b.sub = dossier_filter_apply (b.filter, b.graph, NULL);
      communities = dossier_communities_compute (b.sub);
      filter_ms = best_ms (run_filter, &b);
      communities_ms = best_ms (run_communities, &b);
      pagerank_ms = best_ms (run_pagerank, &b);
      g_print ("%8u %10u %12.2f %14.2f %12.2f %12u\n", b.sub->entities->len, b.sub->relations->len,
               filter_ms, communities_ms, pagerank_ms, communities->n_communities);

      dossier_subgraph_unref (b.sub);
      dossier_filter_free (b.filter);
      dossier_graph_unref (b.graph);
    }
  return 0;
}
