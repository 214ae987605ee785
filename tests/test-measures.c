/* test-measures.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Measures and communities on small graphs whose answers are known: a
 * star, two cliques joined by one edge, an empty graph. */

#include "config.h"

#include "dossier-filter.h"
#include "dossier-measures.h"
#include "graph-test-util.h"

static DossierGraph *
new_graph (void)
{
  g_autoptr(DossierCorpus) corpus = dossier_corpus_new ();

  dossier_corpus_add_article (corpus, make_article ("a.txt", "An article long enough.\n", "2020-09-14"));
  dossier_corpus_add_article (corpus, make_article ("b.txt", "Another article.\n", "2021-02-19"));
  return dossier_graph_new (corpus);
}

/* @n mentions at distinct places, in article @article. */
static guint
add_actor (DossierGraph *graph,
           const char   *name,
           guint         n,
           guint         article)
{
  DossierEntity *entity = dossier_graph_ensure_entity (graph, name, DOSSIER_ENTITY_COMPANY);

  for (guint i = 0; i < n; i++)
    {
      DossierMention mention = { article, i, i + 1, DOSSIER_SECTION_BODY };
      dossier_graph_add_mention (graph, entity, &mention);
    }
  return entity->id;
}

static DossierSubgraph *
everything (DossierGraph *graph)
{
  g_autoptr(DossierFilter) filter = dossier_filter_new ();
  g_autoptr(GError) error = NULL;
  DossierSubgraph *sub;

  filter->isolated = DOSSIER_ISOLATED_SHOW;
  sub = dossier_filter_apply (filter, graph, &error);
  g_assert_no_error (error);
  return sub;
}

static double
value_of (DossierSubgraph *sub,
          const double    *values,
          guint            id)
{
  int i = dossier_subgraph_find_entity (sub, id);

  g_assert_cmpint (i, >=, 0);
  return values[i];
}

static void
test_names (void)
{
  DossierMeasure m;

  for (guint i = 0; i < DOSSIER_N_MEASURES; i++)
    {
      g_assert_true (dossier_measure_from_string (dossier_measure_to_string (i), &m));
      g_assert_cmpuint (m, ==, i);
      g_assert_nonnull (dossier_measure_label (i));
    }
  g_assert_true (dossier_measure_from_string ("PageRank", &m));
  g_assert_cmpuint (m, ==, DOSSIER_MEASURE_PAGERANK);
  g_assert_false (dossier_measure_from_string ("betweenness", &m));
  g_assert_false (dossier_measure_from_string (NULL, &m));
}

/* Five leaves support a hub: the hub leads on every measure. */
static void
test_star (void)
{
  g_autoptr(DossierGraph) graph = new_graph ();
  g_autoptr(DossierSubgraph) sub = NULL;
  g_autoptr(DossierCommunities) communities = NULL;
  g_autofree double *degree = NULL;
  g_autofree double *rank = NULL;
  g_autofree double *mentions = NULL;
  g_autofree double *articles = NULL;
  guint hub = add_actor (graph, "Hub", 3, 0);
  guint leaves[5];
  double total = 0;

  add_actor (graph, "Hub", 1, 1);
  for (guint i = 0; i < G_N_ELEMENTS (leaves); i++)
    {
      g_autofree char *name = g_strdup_printf ("Leaf %u", i);

      leaves[i] = add_actor (graph, name, 1, 0);
      add_relation (graph, leaves[i], DOSSIER_RELATION_SUPPORTS, hub, 0, "2020-09-14", 0);
    }
  sub = everything (graph);
  g_assert_cmpuint (sub->entities->len, ==, 6);

  degree = dossier_measures_compute (sub, DOSSIER_MEASURE_DEGREE);
  rank = dossier_measures_compute (sub, DOSSIER_MEASURE_PAGERANK);
  mentions = dossier_measures_compute (sub, DOSSIER_MEASURE_MENTIONS);
  articles = dossier_measures_compute (sub, DOSSIER_MEASURE_ARTICLES);
  g_assert_cmpfloat (value_of (sub, degree, hub), ==, 5);
  g_assert_cmpfloat (value_of (sub, mentions, hub), ==, 4);
  g_assert_cmpfloat (value_of (sub, articles, hub), ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (leaves); i++)
    {
      g_assert_cmpfloat (value_of (sub, degree, leaves[i]), ==, 1);
      g_assert_cmpfloat (value_of (sub, rank, leaves[i]), <, value_of (sub, rank, hub));
      g_assert_cmpfloat_with_epsilon (value_of (sub, rank, leaves[i]), value_of (sub, rank, leaves[0]), 1e-9);
      g_assert_cmpfloat (value_of (sub, articles, leaves[i]), ==, 1);
    }
  for (guint i = 0; i < sub->entities->len; i++)
    total += rank[i];
  g_assert_cmpfloat_with_epsilon (total, 1.0, 1e-6);

  /* No split of a star raises the modularity: one community, the hub's. */
  communities = dossier_communities_compute (sub);
  g_assert_cmpuint (communities->n_communities, ==, 1);
  g_assert_cmpuint (communities->leaders[0], ==, hub);
  for (guint i = 0; i < sub->entities->len; i++)
    g_assert_cmpuint (communities->membership[i], ==, 0);

  /* The filter's own weights follow size_by. */
  g_assert_cmpfloat (dossier_subgraph_entity_weight (sub, dossier_subgraph_find_entity (sub, hub)), ==, 4);
}

/* Two groups of four, everyone partnering everyone in the group, one
 * edge between the groups, and an actor alone. */
static DossierGraph *
two_cliques (guint *first,
             guint *second,
             guint *alone)
{
  DossierGraph *graph = new_graph ();

  for (guint g = 0; g < 2; g++)
    {
      guint *ids = g == 0 ? first : second;

      for (guint i = 0; i < 4; i++)
        {
          g_autofree char *name = g_strdup_printf ("%s %u", g == 0 ? "Red" : "Blue", i);

          /* Blue 0 is the most mentioned actor of all. */
          ids[i] = add_actor (graph, name, g == 1 && i == 0 ? 5 : 1 + i % 2, 0);
        }
      for (guint i = 0; i < 4; i++)
        for (guint j = i + 1; j < 4; j++)
          add_relation (graph, ids[i], DOSSIER_RELATION_PARTNERS, ids[j], 0, "2020-09-14", 0);
    }
  add_relation (graph, first[3], DOSSIER_RELATION_SUPPORTS, second[3], 1, "2021-02-19", 0);
  *alone = add_actor (graph, "Lonely", 7, 1);
  return graph;
}

typedef struct
{
  guint            red[4];
  guint            blue[4];
  guint            alone;
  DossierGraph    *graph;
  DossierSubgraph *sub;
} Cliques;

static void
cliques_setup (Cliques       *fx,
               gconstpointer  data)
{
  fx->graph = two_cliques (fx->red, fx->blue, &fx->alone);
  fx->sub = everything (fx->graph);
}

static void
cliques_teardown (Cliques       *fx,
                  gconstpointer  data)
{
  g_clear_pointer (&fx->sub, dossier_subgraph_unref);
  g_clear_pointer (&fx->graph, dossier_graph_unref);
}

static guint
community_of (DossierSubgraph    *sub,
              DossierCommunities *communities,
              guint               id)
{
  int i = dossier_subgraph_find_entity (sub, id);

  g_assert_cmpint (i, >=, 0);
  return communities->membership[i];
}

static void
test_two_cliques (Cliques       *fx,
                  gconstpointer  data)
{
  DossierSubgraph *sub = fx->sub;
  g_autoptr(DossierCommunities) communities = dossier_communities_compute (sub);
  g_autofree double *degree = dossier_measures_compute (sub, DOSSIER_MEASURE_DEGREE);
  guint *red = fx->red, *blue = fx->blue, alone = fx->alone;

  g_assert_cmpuint (communities->n_communities, ==, 3);
  for (guint i = 0; i < 4; i++)
    {
      /* Equal sizes: the group whose leader is more mentioned comes first. */
      g_assert_cmpuint (community_of (sub, communities, blue[i]), ==, 0);
      g_assert_cmpuint (community_of (sub, communities, red[i]), ==, 1);
    }
  g_assert_cmpuint (community_of (sub, communities, alone), ==, 2);
  g_assert_cmpuint (communities->leaders[0], ==, blue[0]);
  /* Red 1 and Red 3 have two mentions; the first of equals leads. */
  g_assert_cmpuint (communities->leaders[1], ==, red[1]);
  g_assert_cmpuint (communities->leaders[2], ==, alone);

  /* The bridge's ends have one relation more. */
  g_assert_cmpfloat (value_of (sub, degree, red[3]), ==, 4);
  g_assert_cmpfloat (value_of (sub, degree, red[0]), ==, 3);
  g_assert_cmpfloat (value_of (sub, degree, alone), ==, 0);

  /* The filter stored the same numbers. */
  for (guint i = 0; i < sub->entities->len; i++)
    g_assert_cmpuint (g_array_index (sub->entity_community, guint, i), ==, communities->membership[i]);
  g_assert_cmpuint (sub->community_leaders->len, ==, 3);
}

/* A fixed seed: the same view gives the same communities every time. */
static void
test_deterministic (Cliques       *fx,
                    gconstpointer  data)
{
  g_autoptr(DossierCommunities) once = dossier_communities_compute (fx->sub);

  for (guint run = 0; run < 20; run++)
    {
      g_autoptr(DossierCommunities) again = dossier_communities_compute (fx->sub);

      g_assert_cmpuint (again->n_communities, ==, once->n_communities);
      for (guint i = 0; i < fx->sub->entities->len; i++)
        g_assert_cmpuint (again->membership[i], ==, once->membership[i]);
    }
}

static gpointer
compute_in_thread (gpointer data)
{
  DossierSubgraph *sub = data;

  for (guint run = 0; run < 50; run++)
    {
      g_autoptr(DossierCommunities) communities = dossier_communities_compute (sub);
      g_autofree double *rank = dossier_measures_compute (sub, DOSSIER_MEASURE_PAGERANK);

      g_assert_cmpuint (communities->n_communities, ==, 3);
    }
  return NULL;
}

/* The window filters on worker threads; igraph's globals are locked. */
static void
test_threads (Cliques       *fx,
              gconstpointer  data)
{
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("measures", compute_in_thread, fx->sub);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
}

static void
test_empty (void)
{
  g_autoptr(DossierGraph) graph = new_graph ();
  g_autoptr(DossierSubgraph) sub = everything (graph);
  g_autoptr(DossierCommunities) communities = dossier_communities_compute (sub);

  g_assert_cmpuint (sub->entities->len, ==, 0);
  g_assert_cmpuint (communities->n_communities, ==, 0);
  for (guint m = 0; m < DOSSIER_N_MEASURES; m++)
    g_free (dossier_measures_compute (sub, m));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/measures/names", test_names);
  g_test_add_func ("/measures/star", test_star);
  g_test_add ("/measures/two-cliques", Cliques, NULL, cliques_setup, test_two_cliques, cliques_teardown);
  g_test_add ("/measures/deterministic", Cliques, NULL, cliques_setup, test_deterministic, cliques_teardown);
  g_test_add ("/measures/threads", Cliques, NULL, cliques_setup, test_threads, cliques_teardown);
  g_test_add_func ("/measures/empty", test_empty);

  return g_test_run ();
}
