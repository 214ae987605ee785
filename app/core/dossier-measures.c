/* dossier-measures.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-measures"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <igraph.h>

#include "dossier-filter.h"
#include "dossier-measures.h"

/* Debian builds igraph without thread-local state (IGRAPH_THREAD_SAFE is
 * 0): its random generator and error handler are globals, and the window
 * filters on worker threads.  Every igraph call holds this lock. */
static GMutex igraph_lock;

/* Louvain visits the actors in a random order; a fixed seed makes the
 * same view give the same communities in the window and every export. */
#define COMMUNITY_SEED 20261205

static const struct
{
  const char *name;
  const char *label;
} measures[DOSSIER_N_MEASURES] = {
  [DOSSIER_MEASURE_MENTIONS] = { "mentions", N_("Mentions") },
  [DOSSIER_MEASURE_ARTICLES] = { "articles", N_("Articles") },
  [DOSSIER_MEASURE_DEGREE] = { "degree", N_("Relations") },
  [DOSSIER_MEASURE_PAGERANK] = { "pagerank", N_("PageRank") },
};

const char *
dossier_measure_to_string (DossierMeasure measure)
{
  g_return_val_if_fail (measure < DOSSIER_N_MEASURES, NULL);
  return measures[measure].name;
}

gboolean
dossier_measure_from_string (const char     *str,
                             DossierMeasure *measure)
{
  for (guint i = 0; str != NULL && i < DOSSIER_N_MEASURES; i++)
    {
      if (g_ascii_strcasecmp (str, measures[i].name) == 0)
        {
          *measure = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
dossier_measure_label (DossierMeasure measure)
{
  g_return_val_if_fail (measure < DOSSIER_N_MEASURES, NULL);
  return g_dgettext (GETTEXT_PACKAGE, measures[measure].label);
}

/* The visible relations as an edge list over subgraph indices; loops are
 * left out (they carry no structure).  @both_ways adds the reverse of a
 * symmetric relation, for directed measures. */
static void
collect_edges (DossierSubgraph    *subgraph,
               gboolean            both_ways,
               igraph_vector_int_t *edges,
               igraph_vector_t     *weights)
{
  igraph_vector_int_init (edges, 0);
  igraph_vector_init (weights, 0);

  for (guint r = 0; r < subgraph->relations->len; r++)
    {
      const DossierRelation *relation =
        dossier_graph_get_relation (subgraph->graph, g_array_index (subgraph->relations, guint, r));
      int s = dossier_subgraph_find_entity (subgraph, relation->source);
      int t = dossier_subgraph_find_entity (subgraph, relation->target);
      double w = MAX (g_array_index (subgraph->relation_evidence, guint, r), 1);

      if (s < 0 || t < 0 || s == t)
        continue;
      igraph_vector_int_push_back (edges, s);
      igraph_vector_int_push_back (edges, t);
      igraph_vector_push_back (weights, w);
      if (both_ways && dossier_relation_type_is_symmetric (relation->type))
        {
          igraph_vector_int_push_back (edges, t);
          igraph_vector_int_push_back (edges, s);
          igraph_vector_push_back (weights, w);
        }
    }
}

static void
ensure_igraph (void)
{
  static gsize once = 0;

  /* igraph's default handler aborts the program; we check each result. */
  if (g_once_init_enter (&once))
    {
      igraph_set_error_handler (igraph_error_handler_ignore);
      igraph_set_warning_handler (igraph_warning_handler_ignore);
      g_once_init_leave (&once, 1);
    }
}

static gboolean
pagerank (DossierSubgraph *subgraph,
          double          *out)
{
  guint n = subgraph->entities->len;
  igraph_vector_int_t edges;
  igraph_vector_t weights, result;
  igraph_t graph;
  gboolean ok;

  ensure_igraph ();
  g_mutex_lock (&igraph_lock);
  collect_edges (subgraph, TRUE, &edges, &weights);
  igraph_vector_init (&result, 0);
  ok = igraph_create (&graph, &edges, n, IGRAPH_DIRECTED) == IGRAPH_SUCCESS;
  if (ok)
    {
      ok = igraph_pagerank (&graph, IGRAPH_PAGERANK_ALGO_PRPACK, &result, NULL,
                            igraph_vss_all (), TRUE, 0.85, &weights, NULL) == IGRAPH_SUCCESS;
      igraph_destroy (&graph);
    }
  for (guint i = 0; ok && i < n; i++)
    out[i] = VECTOR (result)[i];
  igraph_vector_destroy (&result);
  igraph_vector_destroy (&weights);
  igraph_vector_int_destroy (&edges);
  g_mutex_unlock (&igraph_lock);

  return ok;
}

double *
dossier_measures_compute (DossierSubgraph *subgraph,
                          DossierMeasure   measure)
{
  guint n;
  double *values;

  g_return_val_if_fail (subgraph != NULL, NULL);
  g_return_val_if_fail (measure < DOSSIER_N_MEASURES, NULL);

  n = subgraph->entities->len;
  values = g_new0 (double, MAX (n, 1));

  switch (measure)
    {
    case DOSSIER_MEASURE_MENTIONS:
      for (guint i = 0; i < n; i++)
        values[i] = g_array_index (subgraph->entity_mentions, guint, i);
      break;

    case DOSSIER_MEASURE_ARTICLES:
      for (guint i = 0; i < n; i++)
        values[i] = dossier_subgraph_entity_articles (subgraph, i);
      break;

    case DOSSIER_MEASURE_DEGREE:
      for (guint r = 0; r < subgraph->relations->len; r++)
        {
          const DossierRelation *relation =
            dossier_graph_get_relation (subgraph->graph, g_array_index (subgraph->relations, guint, r));
          int s = dossier_subgraph_find_entity (subgraph, relation->source);
          int t = dossier_subgraph_find_entity (subgraph, relation->target);

          if (s >= 0)
            values[s]++;
          if (t >= 0 && t != s)
            values[t]++;
        }
      break;

    case DOSSIER_MEASURE_PAGERANK:
      /* Without igraph's answer every actor weighs the same. */
      if (n > 0 && !pagerank (subgraph, values))
        for (guint i = 0; i < n; i++)
          values[i] = 1.0 / n;
      break;

    case DOSSIER_N_MEASURES:
    default:
      g_assert_not_reached ();
    }

  return values;
}

/* Communities ------------------------------------------------------------ */

/* Louvain's raw labels, 0..k-1 in igraph's order; FALSE on failure. */
static gboolean
louvain (DossierSubgraph *subgraph,
         guint           *labels)
{
  guint n = subgraph->entities->len;
  igraph_vector_int_t edges, membership;
  igraph_vector_t weights;
  igraph_t graph;
  gboolean ok;

  ensure_igraph ();
  g_mutex_lock (&igraph_lock);
  collect_edges (subgraph, FALSE, &edges, &weights);
  igraph_vector_int_init (&membership, 0);
  ok = igraph_create (&graph, &edges, n, IGRAPH_UNDIRECTED) == IGRAPH_SUCCESS;
  if (ok)
    {
      igraph_rng_seed (igraph_rng_default (), COMMUNITY_SEED);
      ok = igraph_community_multilevel (&graph, &weights, 1.0, &membership, NULL, NULL) == IGRAPH_SUCCESS;
      igraph_destroy (&graph);
    }
  for (guint i = 0; ok && i < n; i++)
    labels[i] = VECTOR (membership)[i];
  igraph_vector_int_destroy (&membership);
  igraph_vector_destroy (&weights);
  igraph_vector_int_destroy (&edges);
  g_mutex_unlock (&igraph_lock);

  return ok;
}

typedef struct
{
  guint label;    /* Louvain's */
  guint size;
  guint leader;   /* subgraph index */
  guint mentions; /* the leader's */
} Community;

static int
compare_communities (gconstpointer a,
                     gconstpointer b)
{
  const Community *x = a, *y = b;

  if (x->size != y->size)
    return x->size > y->size ? -1 : 1;
  if (x->mentions != y->mentions)
    return x->mentions > y->mentions ? -1 : 1;
  return x->leader < y->leader ? -1 : x->leader > y->leader;
}

DossierCommunities *
dossier_communities_compute (DossierSubgraph *subgraph)
{
  g_autoptr(DossierCommunities) result = g_new0 (DossierCommunities, 1);
  guint n;
  guint n_labels = 0;
  g_autofree Community *communities = NULL;
  g_autofree guint *renumber = NULL;

  g_return_val_if_fail (subgraph != NULL, NULL);

  n = subgraph->entities->len;
  result->membership = g_new0 (guint, MAX (n, 1));
  if (!louvain (subgraph, result->membership))
    for (guint i = 0; i < n; i++)
      result->membership[i] = i;

  for (guint i = 0; i < n; i++)
    n_labels = MAX (n_labels, result->membership[i] + 1);

  communities = g_new0 (Community, MAX (n_labels, 1));
  for (guint c = 0; c < n_labels; c++)
    communities[c] = (Community) { c, 0, G_MAXUINT, 0 };
  for (guint i = 0; i < n; i++)
    {
      Community *c = &communities[result->membership[i]];
      guint mentions = g_array_index (subgraph->entity_mentions, guint, i);

      c->size++;
      /* Indices rise with entity ids: the first of equals wins. */
      if (c->leader == G_MAXUINT || mentions > c->mentions)
        {
          c->leader = i;
          c->mentions = mentions;
        }
    }

  qsort (communities, n_labels, sizeof (Community), compare_communities);

  /* Labels Louvain left empty sort last (size 0) and are dropped. */
  renumber = g_new0 (guint, MAX (n_labels, 1));
  result->leaders = g_new0 (guint, MAX (n_labels, 1));
  for (guint c = 0; c < n_labels && communities[c].size > 0; c++)
    {
      renumber[communities[c].label] = c;
      result->leaders[c] = g_array_index (subgraph->entities, guint, communities[c].leader);
      result->n_communities++;
    }
  for (guint i = 0; i < n; i++)
    result->membership[i] = renumber[result->membership[i]];

  return g_steal_pointer (&result);
}

void
dossier_communities_free (DossierCommunities *communities)
{
  if (communities == NULL)
    return;

  g_free (communities->membership);
  g_free (communities->leaders);
  g_free (communities);
}
