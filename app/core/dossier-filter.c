/* dossier-filter.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-filter"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-date.h"
#include "dossier-filter.h"
#include "dossier-fold.h"

G_DEFINE_QUARK (dossier-filter-error-quark, dossier_filter_error)

#define ALL_ENTITY_TYPES ((1u << DOSSIER_N_ENTITY_TYPES) - 1)
#define ALL_TYPED_RELATIONS (((1u << DOSSIER_N_RELATION_TYPES) - 1) & \
                             ~(1u << DOSSIER_RELATION_MENTIONED_WITH))

void
dossier_filter_reset (DossierFilter *filter)
{
  g_return_if_fail (filter != NULL);

  g_clear_pointer (&filter->actors, g_strfreev);
  g_clear_pointer (&filter->path, g_strfreev);
  g_clear_pointer (&filter->cluster, g_free);
  memset (filter, 0, sizeof *filter);
  filter->depth = 1;
  filter->entity_types = ALL_ENTITY_TYPES;
  filter->relation_types = ALL_TYPED_RELATIONS;
  filter->min_evidence = 1;
}

DossierFilter *
dossier_filter_new (void)
{
  DossierFilter *filter = g_new0 (DossierFilter, 1);

  dossier_filter_reset (filter);
  return filter;
}

DossierFilter *
dossier_filter_copy (const DossierFilter *filter)
{
  DossierFilter *copy;

  g_return_val_if_fail (filter != NULL, NULL);

  copy = g_memdup2 (filter, sizeof *filter);
  copy->actors = g_strdupv (filter->actors);
  copy->path = g_strdupv (filter->path);
  copy->cluster = g_strdup (filter->cluster);

  return copy;
}

void
dossier_filter_free (DossierFilter *filter)
{
  if (filter == NULL)
    return;

  g_strfreev (filter->actors);
  g_strfreev (filter->path);
  g_free (filter->cluster);
  g_free (filter);
}

/* Levenshtein distance on folded names, for "did you mean". */
static guint
edit_distance (const char *a,
               const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *row = g_new (guint, lb + 1);

  for (gsize j = 0; j <= lb; j++)
    row[j] = j;

  for (gsize i = 1; i <= la; i++)
    {
      guint diag = row[0];

      row[0] = i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint up = row[j];
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diag + cost);
          diag = up;
        }
    }

  return row[lb];
}

static const char *
nearest_actor (DossierGraph *graph,
               const char   *name)
{
  g_autofree char *key = dossier_fold_string (name);
  const char *best = NULL;
  guint best_distance = G_MAXUINT;
  GHashTableIter iter;
  gpointer k, v;

  g_hash_table_iter_init (&iter, graph->by_name);
  while (g_hash_table_iter_next (&iter, &k, &v))
    {
      const DossierEntity *entity = v;
      guint d = edit_distance (key, k);

      /* A name that contains the query is a better guess than a near miss. */
      if (strstr (k, key) != NULL)
        d = MIN (d, 1);

      if (d < best_distance ||
          (d == best_distance && best != NULL && g_strcmp0 (entity->name, best) < 0))
        {
          best_distance = d;
          best = entity->name;
        }
    }

  /* A far guess ("Nobody Here": "did you mean Google?") only misleads:
   * a typo or two, or one in three letters of a long name. */
  if (best_distance > MAX (2, strlen (key) / 3))
    return NULL;

  return best;
}

static gboolean
check_actor (DossierGraph *graph,
             const char   *name,
             GError      **error)
{
  const char *nearest;

  if (dossier_graph_lookup_entity (graph, name) != NULL)
    return TRUE;

  nearest = nearest_actor (graph, name);
  if (nearest != NULL)
    g_set_error (error, DOSSIER_FILTER_ERROR, DOSSIER_FILTER_ERROR_UNKNOWN_ACTOR,
                 _("Unknown actor “%s”; did you mean “%s”?"), name, nearest);
  else
    g_set_error (error, DOSSIER_FILTER_ERROR, DOSSIER_FILTER_ERROR_UNKNOWN_ACTOR,
                 _("Unknown actor “%s”"), name);

  return FALSE;
}

gboolean
dossier_filter_validate (const DossierFilter *filter,
                         DossierGraph        *graph,
                         GError             **error)
{
  g_return_val_if_fail (filter != NULL, FALSE);

  if (dossier_date_is_known (&filter->from) &&
      dossier_date_is_known (&filter->to))
    {
      guint32 from_first, to_last;

      dossier_date_get_span (&filter->from, &from_first, NULL);
      dossier_date_get_span (&filter->to, NULL, &to_last);
      if (from_first > to_last)
        {
          g_autofree char *from = dossier_date_to_string (&filter->from);
          g_autofree char *to = dossier_date_to_string (&filter->to);

          g_set_error (error, DOSSIER_FILTER_ERROR, DOSSIER_FILTER_ERROR_BAD_RANGE,
                       _("The start date %s is after the end date %s"), from, to);
          return FALSE;
        }
    }

  if (filter->depth > 3)
    {
      g_set_error (error, DOSSIER_FILTER_ERROR, DOSSIER_FILTER_ERROR_BAD_VALUE,
                   _("The depth must be between 0 and 3, not %u"), filter->depth);
      return FALSE;
    }

  if (filter->path != NULL && g_strv_length (filter->path) != 2)
    {
      g_set_error (error, DOSSIER_FILTER_ERROR, DOSSIER_FILTER_ERROR_BAD_VALUE,
                   _("A path needs exactly two actors"));
      return FALSE;
    }

  if (filter->size_by >= DOSSIER_N_MEASURES)
    {
      g_set_error (error, DOSSIER_FILTER_ERROR, DOSSIER_FILTER_ERROR_BAD_VALUE,
                   _("Unknown measure of importance"));
      return FALSE;
    }

  if (graph == NULL)
    return TRUE;

  if (filter->cluster != NULL && !check_actor (graph, filter->cluster, error))
    return FALSE;

  for (guint i = 0; filter->actors != NULL && filter->actors[i] != NULL; i++)
    {
      if (!check_actor (graph, filter->actors[i], error))
        return FALSE;
    }

  for (guint i = 0; filter->path != NULL && filter->path[i] != NULL; i++)
    {
      if (!check_actor (graph, filter->path[i], error))
        return FALSE;
    }

  return TRUE;
}

/* Whether dates matter at all: with no bound and undated passages kept,
 * every date is in range, and finding a mention's date can be skipped. */
static gboolean
filter_by_dates (const DossierFilter *filter)
{
  return filter->dated_only || dossier_date_is_known (&filter->from) || dossier_date_is_known (&filter->to);
}

static gboolean
date_in_range (const DossierFilter *filter,
               const DossierDate   *date)
{
  guint32 first, last;

  /* Undated passages cannot be placed in a range: they are kept (and
   * counted) unless only dated evidence is asked for. */
  if (!dossier_date_get_span (date, &first, &last))
    return !filter->dated_only;

  if (!dossier_date_is_known (&filter->from) && !dossier_date_is_known (&filter->to))
    return TRUE;

  if (dossier_date_is_known (&filter->from))
    {
      guint32 from_first;

      dossier_date_get_span (&filter->from, &from_first, NULL);
      if (last < from_first)
        return FALSE;
    }

  if (dossier_date_is_known (&filter->to))
    {
      guint32 to_last;

      dossier_date_get_span (&filter->to, NULL, &to_last);
      if (first > to_last)
        return FALSE;
    }

  return TRUE;
}

static guint
visible_mentions (const DossierFilter *filter,
                  DossierGraph        *graph,
                  const DossierEntity *entity,
                  guint               *n_articles)
{
  guint count = 0;
  guint last_article = G_MAXUINT;
  g_autoptr(GHashTable) articles = NULL;
  gboolean by_dates = filter_by_dates (filter);

  for (guint i = 0; i < entity->mentions->len; i++)
    {
      const DossierMention *m = &g_array_index (entity->mentions, DossierMention, i);
      const DossierArticle *article = dossier_corpus_get_article (graph->corpus, m->article);
      DossierDate date;

      if (filter->no_comments && m->section == DOSSIER_SECTION_COMMENTS)
        continue;

      if (by_dates)
        {
          date = dossier_article_date_for_range (article, m->start, m->end);
          if (!date_in_range (filter, &date))
            continue;
        }

      count++;
      /* Mentions come article by article; a merge may interleave them. */
      if (m->article != last_article)
        {
          if (articles == NULL)
            articles = g_hash_table_new (NULL, NULL);
          g_hash_table_add (articles, GUINT_TO_POINTER (m->article));
          last_article = m->article;
        }
    }

  *n_articles = articles != NULL ? g_hash_table_size (articles) : 0;
  return count;
}

static gboolean
evidence_visible (const DossierFilter   *filter,
                  const DossierEvidence *e)
{
  if (filter->no_comments && (e->flags & DOSSIER_EVIDENCE_COMMENTS) != 0)
    return FALSE;
  return !filter_by_dates (filter) || date_in_range (filter, &e->date);
}

static guint
visible_evidence (const DossierFilter   *filter,
                  const DossierRelation *relation)
{
  guint count = 0;

  for (guint i = 0; i < relation->evidence->len; i++)
    {
      if (evidence_visible (filter, &g_array_index (relation->evidence, DossierEvidence, i)))
        count++;
    }

  return count;
}

gboolean
dossier_subgraph_evidence_visible (DossierSubgraph       *subgraph,
                                   const DossierEvidence *evidence)
{
  g_return_val_if_fail (subgraph != NULL, FALSE);
  g_return_val_if_fail (evidence != NULL, FALSE);

  return subgraph->filter == NULL || evidence_visible (subgraph->filter, evidence);
}

/* Breadth-first distances from @seeds over the kept relations. */
static guint *
distances_from (DossierGraph   *graph,
                const gboolean *relation_kept,
                GArray         *seeds)
{
  guint n = graph->entities->len;
  guint *dist = g_new (guint, n);
  g_autoptr(GPtrArray) adjacency = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GQueue) queue = g_queue_new ();

  for (guint i = 0; i < n; i++)
    {
      dist[i] = G_MAXUINT;
      g_ptr_array_add (adjacency, g_array_new (FALSE, FALSE, sizeof (guint)));
    }

  for (guint r = 0; r < graph->relations->len; r++)
    {
      const DossierRelation *relation = dossier_graph_get_relation (graph, r);

      if (!relation_kept[r])
        continue;
      g_array_append_val (g_ptr_array_index (adjacency, relation->source), relation->target);
      g_array_append_val (g_ptr_array_index (adjacency, relation->target), relation->source);
    }

  for (guint i = 0; i < seeds->len; i++)
    {
      guint s = g_array_index (seeds, guint, i);

      if (dist[s] != 0)
        {
          dist[s] = 0;
          g_queue_push_tail (queue, GUINT_TO_POINTER (s));
        }
    }

  while (!g_queue_is_empty (queue))
    {
      guint e = GPOINTER_TO_UINT (g_queue_pop_head (queue));
      GArray *next = g_ptr_array_index (adjacency, e);

      for (guint i = 0; i < next->len; i++)
        {
          guint o = g_array_index (next, guint, i);

          if (dist[o] == G_MAXUINT)
            {
              dist[o] = dist[e] + 1;
              g_queue_push_tail (queue, GUINT_TO_POINTER (o));
            }
        }
    }

  return dist;
}

static GArray *
resolve_actors (DossierGraph *graph,
                char        **names)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      DossierEntity *entity = dossier_graph_lookup_entity (graph, names[i]);

      if (entity != NULL)
        g_array_append_val (ids, entity->id);
    }

  return ids;
}

/* Whether the filter names @entity as a focus, an end of a path or its
 * cluster: such an actor is never hidden for being alone. */
static gboolean
names_entity (const DossierFilter *filter,
              DossierGraph        *graph,
              const DossierEntity *entity)
{
  char **lists[] = { filter->actors, filter->path };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l] != NULL && lists[l][i] != NULL; i++)
      if (dossier_graph_lookup_entity (graph, lists[l][i]) == entity)
        return TRUE;

  return filter->cluster != NULL && dossier_graph_lookup_entity (graph, filter->cluster) == entity;
}

/* The state of one dossier_filter_apply: what is kept so far, and the
 * visible counts it was kept on. */
typedef struct
{
  const DossierFilter *filter;
  DossierGraph        *graph;
  guint                n_entities;
  guint                n_relations;
  gboolean            *entity_kept;
  gboolean            *relation_kept;
  guint               *entity_count;
  guint               *entity_articles;
  guint               *relation_count;
  guint               *community;       /* per entity id; NULL until found */
  DossierCommunities  *communities;
} Work;

static void
work_clear (Work *w)
{
  g_free (w->entity_kept);
  g_free (w->relation_kept);
  g_free (w->entity_count);
  g_free (w->entity_articles);
  g_free (w->relation_count);
  g_free (w->community);
  g_clear_pointer (&w->communities, dossier_communities_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Work, work_clear)

/* Relations on their type, their ends' types and their passages; then
 * entities on their mentions, or because one of their relations shows:
 * a visible edge always has both ends. */
static void
keep_by_evidence (Work *w)
{
  const DossierFilter *filter = w->filter;

  for (guint r = 0; r < w->n_relations; r++)
    {
      const DossierRelation *relation = dossier_graph_get_relation (w->graph, r);
      const DossierEntity *source = dossier_graph_get_entity (w->graph, relation->source);
      const DossierEntity *target = dossier_graph_get_entity (w->graph, relation->target);

      if ((filter->relation_types & (1u << relation->type)) == 0 ||
          source->hidden || target->hidden ||
          (filter->entity_types & (1u << source->type)) == 0 ||
          (filter->entity_types & (1u << target->type)) == 0)
        continue;
      w->relation_count[r] = visible_evidence (filter, relation);
      w->relation_kept[r] = w->relation_count[r] > 0 && w->relation_count[r] >= filter->min_evidence;
    }

  for (guint i = 0; i < w->n_entities; i++)
    {
      const DossierEntity *entity = dossier_graph_get_entity (w->graph, i);

      if ((filter->entity_types & (1u << entity->type)) == 0 || entity->hidden)
        continue;
      w->entity_count[i] = visible_mentions (filter, w->graph, entity, &w->entity_articles[i]);
      w->entity_kept[i] = w->entity_count[i] > 0 && w->entity_count[i] >= filter->min_evidence;
    }

  for (guint r = 0; r < w->n_relations; r++)
    {
      const DossierRelation *relation = dossier_graph_get_relation (w->graph, r);

      if (w->relation_kept[r])
        {
          w->entity_kept[relation->source] = TRUE;
          w->entity_kept[relation->target] = TRUE;
        }
    }
}

/* Actors and their neighbourhood. */
static void
keep_neighbourhood (Work *w)
{
  g_autoptr(GArray) seeds = resolve_actors (w->graph, w->filter->actors);
  g_autofree guint *dist = distances_from (w->graph, w->relation_kept, seeds);

  for (guint i = 0; i < w->n_entities; i++)
    w->entity_kept[i] = w->entity_kept[i] && dist[i] <= w->filter->depth;
}

/* Only what lies on a shortest path between the two actors. */
static void
keep_paths (Work *w)
{
  char **path = w->filter->path;
  g_autoptr(GArray) a = resolve_actors (w->graph, (char *[]) { path[0], NULL });
  g_autoptr(GArray) b = resolve_actors (w->graph, (char *[]) { path[1], NULL });
  g_autofree guint *da = distances_from (w->graph, w->relation_kept, a);
  g_autofree guint *db = distances_from (w->graph, w->relation_kept, b);
  guint target = a->len > 0 ? db[g_array_index (a, guint, 0)] : G_MAXUINT;

  for (guint i = 0; i < w->n_entities; i++)
    w->entity_kept[i] = w->entity_kept[i] && target != G_MAXUINT &&
                        da[i] != G_MAXUINT && db[i] != G_MAXUINT &&
                        da[i] + db[i] == target;

  for (guint r = 0; r < w->n_relations; r++)
    {
      const DossierRelation *relation = dossier_graph_get_relation (w->graph, r);
      guint s = relation->source, t = relation->target;

      if (w->relation_kept[r] && w->entity_kept[s] && w->entity_kept[t])
        w->relation_kept[r] = (da[s] + 1 == da[t]) || (da[t] + 1 == da[s]);
    }
}

/* A relation shows only with both its ends. */
static void
drop_dangling_relations (Work *w)
{
  for (guint r = 0; r < w->n_relations; r++)
    {
      const DossierRelation *relation = dossier_graph_get_relation (w->graph, r);

      if (w->relation_kept[r] &&
          (!w->entity_kept[relation->source] || !w->entity_kept[relation->target]))
        w->relation_kept[r] = FALSE;
    }
}

/* Passages at each kept actor, over its kept relations. */
static guint *
kept_degrees (Work *w)
{
  guint *degree = g_new0 (guint, MAX (w->n_entities, 1));

  for (guint r = 0; r < w->n_relations; r++)
    {
      const DossierRelation *relation = dossier_graph_get_relation (w->graph, r);

      if (w->relation_kept[r])
        {
          degree[relation->source] += w->relation_count[r];
          degree[relation->target] += w->relation_count[r];
        }
    }
  return degree;
}

/* Cap: keep the most connected actors (documented in the README). */
static void
keep_most_connected (Work *w)
{
  g_autofree guint *degree = kept_degrees (w);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < w->n_entities; i++)
    if (w->entity_kept[i])
      g_array_append_val (order, i);

  /* Most evidence first; ties by id for a stable result. */
  for (guint i = 1; i < order->len; i++)
    {
      guint v = g_array_index (order, guint, i);
      guint j = i;

      while (j > 0 && degree[g_array_index (order, guint, j - 1)] < degree[v])
        {
          g_array_index (order, guint, j) = g_array_index (order, guint, j - 1);
          j--;
        }
      g_array_index (order, guint, j) = v;
    }

  for (guint i = w->filter->max_nodes; i < order->len; i++)
    w->entity_kept[g_array_index (order, guint, i)] = FALSE;

  drop_dangling_relations (w);
}

DossierSubgraph *
dossier_subgraph_new (DossierGraph *graph,
                      guint         total_entities,
                      guint         total_relations)
{
  DossierSubgraph *sub = g_new0 (DossierSubgraph, 1);

  g_return_val_if_fail (graph != NULL, NULL);

  g_atomic_ref_count_init (&sub->ref_count);
  sub->graph = dossier_graph_ref (graph);
  sub->entities = g_array_new (FALSE, FALSE, sizeof (guint));
  sub->relations = g_array_new (FALSE, FALSE, sizeof (guint));
  sub->entity_mentions = g_array_new (FALSE, FALSE, sizeof (guint));
  sub->entity_articles = g_array_new (FALSE, FALSE, sizeof (guint));
  sub->relation_evidence = g_array_new (FALSE, FALSE, sizeof (guint));
  sub->total_entities = total_entities;
  sub->total_relations = total_relations;
  return sub;
}

DossierSubgraph *
dossier_subgraph_restrict (DossierSubgraph *subgraph,
                           const gboolean  *keep,
                           gboolean         keep_measures)
{
  DossierSubgraph *sub;
  g_autofree guint *communities = NULL;

  g_return_val_if_fail (subgraph != NULL, NULL);
  g_return_val_if_fail (keep != NULL || subgraph->entities->len == 0, NULL);

  sub = dossier_subgraph_new (subgraph->graph, subgraph->total_entities, subgraph->total_relations);
  if (subgraph->filter != NULL)
    sub->filter = dossier_filter_copy (subgraph->filter);
  if (keep_measures)
    {
      sub->entity_weight = g_array_new (FALSE, FALSE, sizeof (double));
      sub->entity_community = g_array_new (FALSE, FALSE, sizeof (guint));
      communities = dossier_subgraph_communities (subgraph);
      if (subgraph->community_leaders != NULL)
        sub->community_leaders = g_array_copy (subgraph->community_leaders);
    }

  for (guint i = 0; i < subgraph->entities->len; i++)
    {
      guint articles;
      double weight;

      if (!keep[i])
        continue;
      articles = dossier_subgraph_entity_articles (subgraph, i);
      weight = dossier_subgraph_entity_weight (subgraph, i);
      g_array_append_val (sub->entities, g_array_index (subgraph->entities, guint, i));
      g_array_append_val (sub->entity_mentions, g_array_index (subgraph->entity_mentions, guint, i));
      g_array_append_val (sub->entity_articles, articles);
      if (keep_measures)
        {
          g_array_append_val (sub->entity_weight, weight);
          g_array_append_val (sub->entity_community, communities[i]);
        }
    }

  for (guint i = 0; i < subgraph->relations->len; i++)
    {
      guint id = g_array_index (subgraph->relations, guint, i);
      const DossierRelation *relation = dossier_graph_get_relation (subgraph->graph, id);

      if (dossier_subgraph_find_entity (sub, relation->source) < 0 ||
          dossier_subgraph_find_entity (sub, relation->target) < 0)
        continue;
      g_array_append_val (sub->relations, id);
      g_array_append_val (sub->relation_evidence, g_array_index (subgraph->relation_evidence, guint, i));
    }
  return sub;
}

static DossierSubgraph *
build_subgraph (Work *w)
{
  DossierSubgraph *sub = dossier_subgraph_new (w->graph, w->n_entities, w->n_relations);

  for (guint i = 0; i < w->n_entities; i++)
    {
      if (w->entity_kept[i])
        {
          g_array_append_val (sub->entities, i);
          g_array_append_val (sub->entity_mentions, w->entity_count[i]);
          g_array_append_val (sub->entity_articles, w->entity_articles[i]);
        }
    }

  for (guint r = 0; r < w->n_relations; r++)
    {
      if (w->relation_kept[r])
        {
          g_array_append_val (sub->relations, r);
          g_array_append_val (sub->relation_evidence, w->relation_count[r]);
        }
    }

  sub->filter = dossier_filter_copy (w->filter);
  return sub;
}

/* Communities of what is kept so far, by entity id. */
static void
find_communities (Work *w)
{
  g_autoptr(DossierSubgraph) sub = build_subgraph (w);

  w->communities = dossier_communities_compute (sub);
  w->community = g_new (guint, MAX (w->n_entities, 1));
  for (guint i = 0; i < w->n_entities; i++)
    w->community[i] = G_MAXUINT;
  for (guint i = 0; i < sub->entities->len; i++)
    w->community[g_array_index (sub->entities, guint, i)] = w->communities->membership[i];
}

/* "This cluster only": the community of the named actor (none when the
 * other filters left that actor out). */
static void
keep_cluster (Work *w)
{
  DossierEntity *entity = dossier_graph_lookup_entity (w->graph, w->filter->cluster);
  guint c = entity != NULL ? w->community[entity->id] : G_MAXUINT;

  for (guint i = 0; i < w->n_entities; i++)
    w->entity_kept[i] = w->entity_kept[i] && c != G_MAXUINT && w->community[i] == c;
  drop_dangling_relations (w);
}

/* Actors without a kept relation go, but never one the filter names;
 * returns how many went. */
static guint
hide_isolated (Work *w)
{
  g_autofree guint *degree = kept_degrees (w);
  guint n_kept = 0, n_hidden = 0;

  for (guint i = 0; i < w->n_entities; i++)
    n_kept += w->entity_kept[i] ? 1 : 0;

  if (w->filter->isolated == DOSSIER_ISOLATED_SHOW ||
      (w->filter->isolated == DOSSIER_ISOLATED_AUTO && n_kept <= DOSSIER_FILTER_ISOLATED_LIMIT))
    return 0;

  for (guint i = 0; i < w->n_entities; i++)
    {
      const DossierEntity *entity = dossier_graph_get_entity (w->graph, i);

      if (!w->entity_kept[i] || degree[i] > 0 || names_entity (w->filter, w->graph, entity))
        continue;
      w->entity_kept[i] = FALSE;
      n_hidden++;
    }
  return n_hidden;
}

/* What the filter found besides the kept arrays: weights, communities and
 * the counts the panel reports. */
static void
annotate_subgraph (Work            *w,
                   DossierSubgraph *sub)
{
  g_autofree double *weights = dossier_measures_compute (sub, w->filter->size_by);

  sub->entity_weight = g_array_sized_new (FALSE, FALSE, sizeof (double), sub->entities->len);
  g_array_append_vals (sub->entity_weight, weights, sub->entities->len);

  sub->entity_community = g_array_sized_new (FALSE, FALSE, sizeof (guint), sub->entities->len);
  for (guint i = 0; i < sub->entities->len; i++)
    g_array_append_val (sub->entity_community, w->community[g_array_index (sub->entities, guint, i)]);
  sub->community_leaders = g_array_sized_new (FALSE, FALSE, sizeof (guint), w->communities->n_communities);
  g_array_append_vals (sub->community_leaders, w->communities->leaders, w->communities->n_communities);

  for (guint r = 0; r < sub->relations->len; r++)
    {
      const DossierRelation *relation =
        dossier_graph_get_relation (w->graph, g_array_index (sub->relations, guint, r));

      for (guint i = 0; i < relation->evidence->len; i++)
        {
          const DossierEvidence *e = &g_array_index (relation->evidence, DossierEvidence, i);

          if (!dossier_date_is_known (&e->date) && evidence_visible (w->filter, e))
            sub->undated_evidence++;
        }
    }
}

DossierSubgraph *
dossier_filter_apply (const DossierFilter *filter,
                      DossierGraph        *graph,
                      GError             **error)
{
  g_auto(Work) w = { 0 };
  guint n_hidden;
  DossierSubgraph *sub;

  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (graph != NULL, NULL);

  if (!dossier_filter_validate (filter, graph, error))
    return NULL;

  w.filter = filter;
  w.graph = graph;
  w.n_entities = graph->entities->len;
  w.n_relations = graph->relations->len;
  w.entity_kept = g_new0 (gboolean, MAX (w.n_entities, 1));
  w.relation_kept = g_new0 (gboolean, MAX (w.n_relations, 1));
  w.entity_count = g_new0 (guint, MAX (w.n_entities, 1));
  w.entity_articles = g_new0 (guint, MAX (w.n_entities, 1));
  w.relation_count = g_new0 (guint, MAX (w.n_relations, 1));

  keep_by_evidence (&w);
  if (filter->actors != NULL && filter->actors[0] != NULL)
    keep_neighbourhood (&w);
  if (filter->path != NULL && filter->path[0] != NULL && filter->path[1] != NULL)
    keep_paths (&w);
  drop_dangling_relations (&w);
  if (filter->max_nodes > 0)
    keep_most_connected (&w);

  /* Found before the cluster is chosen, so that it keeps its number. */
  find_communities (&w);
  if (filter->cluster != NULL)
    keep_cluster (&w);
  n_hidden = hide_isolated (&w);

  sub = build_subgraph (&w);
  sub->hidden_isolated = n_hidden;
  annotate_subgraph (&w, sub);
  return sub;
}

DossierSubgraph *
dossier_subgraph_ref (DossierSubgraph *subgraph)
{
  g_return_val_if_fail (subgraph != NULL, NULL);
  g_atomic_ref_count_inc (&subgraph->ref_count);
  return subgraph;
}

void
dossier_subgraph_unref (DossierSubgraph *subgraph)
{
  g_return_if_fail (subgraph != NULL);

  if (!g_atomic_ref_count_dec (&subgraph->ref_count))
    return;

  g_array_unref (subgraph->entities);
  g_array_unref (subgraph->relations);
  g_array_unref (subgraph->entity_mentions);
  g_clear_pointer (&subgraph->entity_articles, g_array_unref);
  g_array_unref (subgraph->relation_evidence);
  g_clear_pointer (&subgraph->filter, dossier_filter_free);
  g_clear_pointer (&subgraph->entity_weight, g_array_unref);
  g_clear_pointer (&subgraph->entity_community, g_array_unref);
  g_clear_pointer (&subgraph->community_leaders, g_array_unref);
  dossier_graph_unref (subgraph->graph);
  g_free (subgraph);
}

/* Whether an optional per-entity column (NULL in a subgraph built by
 * hand) has a value for entities[@index]. */
static gboolean
has_column (DossierSubgraph *subgraph,
            GArray          *column,
            guint            index)
{
  g_return_val_if_fail (subgraph != NULL, FALSE);
  g_return_val_if_fail (index < subgraph->entities->len, FALSE);

  return column != NULL && index < column->len;
}

guint
dossier_subgraph_entity_articles (DossierSubgraph *subgraph,
                                  guint            index)
{
  if (has_column (subgraph, subgraph->entity_articles, index))
    return g_array_index (subgraph->entity_articles, guint, index);
  return dossier_entity_count_articles (dossier_graph_get_entity (subgraph->graph,
                                                                  g_array_index (subgraph->entities, guint, index)));
}

double
dossier_subgraph_entity_weight (DossierSubgraph *subgraph,
                                guint            index)
{
  /* Mentions are what sized actors before measures existed. */
  return has_column (subgraph, subgraph->entity_weight, index)
         ? g_array_index (subgraph->entity_weight, double, index)
         : g_array_index (subgraph->entity_mentions, guint, index);
}

guint *
dossier_subgraph_communities (DossierSubgraph *subgraph)
{
  g_autoptr(DossierCommunities) communities = NULL;

  g_return_val_if_fail (subgraph != NULL, NULL);

  if (subgraph->entity_community != NULL &&
      subgraph->entity_community->len == subgraph->entities->len)
    return g_memdup2 (subgraph->entity_community->data,
                      sizeof (guint) * MAX (subgraph->entities->len, 1));

  communities = dossier_communities_compute (subgraph);
  return g_steal_pointer (&communities->membership);
}

int
dossier_subgraph_find_entity (DossierSubgraph *subgraph,
                              guint            entity)
{
  guint lo = 0, hi;

  g_return_val_if_fail (subgraph != NULL, -1);

  hi = subgraph->entities->len;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      guint v = g_array_index (subgraph->entities, guint, mid);

      if (v == entity)
        return mid;
      if (v < entity)
        lo = mid + 1;
      else
        hi = mid;
    }

  return -1;
}

static void
append_option (GString    *str,
               const char *option,
               const char *value)
{
  g_string_append_printf (str, " %s", option);
  if (value != NULL)
    {
      gboolean safe = *value != '\0';

      /* Quote only what the shell would split or expand: easier to read. */
      for (const char *p = value; *p && safe; p++)
        safe = g_ascii_isalnum (*p) || strchr (",._-:/+", *p) != NULL;

      if (safe)
        g_string_append_printf (str, " %s", value);
      else
        {
          g_autofree char *quoted = g_shell_quote (value);
          g_string_append_printf (str, " %s", quoted);
        }
    }
}

static char *
types_to_string (guint    mask,
                 gboolean entities)
{
  GString *str = g_string_new (NULL);
  guint n = entities ? DOSSIER_N_ENTITY_TYPES : DOSSIER_N_RELATION_TYPES;

  for (guint i = 0; i < n; i++)
    {
      if ((mask & (1u << i)) == 0)
        continue;
      if (str->len > 0)
        g_string_append_c (str, ',');
      g_string_append (str, entities ? dossier_entity_type_to_string (i)
                                     : dossier_relation_type_to_string (i));
    }

  return g_string_free (str, FALSE);
}

char *
dossier_filter_to_command_line (const DossierFilter *filter)
{
  GString *str;

  g_return_val_if_fail (filter != NULL, NULL);

  str = g_string_new ("dossier-cli export");

  if (dossier_date_is_known (&filter->from))
    {
      g_autofree char *d = dossier_date_to_string (&filter->from);
      append_option (str, "--from", d);
    }
  if (dossier_date_is_known (&filter->to))
    {
      g_autofree char *d = dossier_date_to_string (&filter->to);
      append_option (str, "--to", d);
    }
  for (guint i = 0; filter->actors != NULL && filter->actors[i] != NULL; i++)
    append_option (str, "--actor", filter->actors[i]);
  if (filter->actors != NULL && filter->actors[0] != NULL)
    {
      g_autofree char *d = g_strdup_printf ("%u", filter->depth);
      append_option (str, "--depth", d);
    }
  for (guint i = 0; filter->path != NULL && filter->path[i] != NULL; i++)
    append_option (str, "--path", filter->path[i]);
  if (filter->entity_types != ALL_ENTITY_TYPES)
    {
      g_autofree char *t = types_to_string (filter->entity_types, TRUE);
      append_option (str, "--entity-types", t);
    }
  if (filter->relation_types != ALL_TYPED_RELATIONS)
    {
      g_autofree char *t = types_to_string (filter->relation_types, FALSE);
      append_option (str, "--relation-types", t);
    }
  if (filter->min_evidence > 1)
    {
      g_autofree char *d = g_strdup_printf ("%u", filter->min_evidence);
      append_option (str, "--min-evidence", d);
    }
  if (filter->no_comments)
    append_option (str, "--no-comments", NULL);
  if (filter->dated_only)
    append_option (str, "--dated-only", NULL);
  if (filter->isolated == DOSSIER_ISOLATED_SHOW)
    append_option (str, "--show-isolated", NULL);
  else if (filter->isolated == DOSSIER_ISOLATED_HIDE)
    append_option (str, "--hide-isolated", NULL);
  if (filter->cluster != NULL)
    append_option (str, "--cluster", filter->cluster);
  if (filter->size_by != DOSSIER_MEASURE_MENTIONS)
    append_option (str, "--size-by", dossier_measure_to_string (filter->size_by));

  return g_string_free (str, FALSE);
}

GArray *
dossier_graph_date_histogram (DossierGraph *graph,
                              guint32      *first_julian)
{
  GArray *counts = g_array_new (FALSE, TRUE, sizeof (guint));
  guint32 first = G_MAXUINT32, last = 0;

  g_return_val_if_fail (graph != NULL, counts);
  g_return_val_if_fail (first_julian != NULL, counts);

  for (int pass = 0; pass < 2; pass++)
    {
      for (guint r = 0; r < graph->relations->len; r++)
        {
          const DossierRelation *relation = dossier_graph_get_relation (graph, r);

          if (relation->type == DOSSIER_RELATION_MENTIONED_WITH)
            continue;

          for (guint i = 0; i < relation->evidence->len; i++)
            {
              const DossierEvidence *e = &g_array_index (relation->evidence, DossierEvidence, i);
              guint32 day;

              if (!dossier_date_get_span (&e->date, &day, NULL))
                continue;

              if (pass == 0)
                {
                  first = MIN (first, day);
                  last = MAX (last, day);
                }
              else
                g_array_index (counts, guint, day - first)++;
            }
        }

      if (pass == 0)
        {
          if (first > last)
            break;
          g_array_set_size (counts, last - first + 1);
        }
    }

  *first_julian = first > last ? 0 : first;
  return counts;
}

guint
dossier_graph_count_undated (DossierGraph *graph)
{
  guint n = 0;

  g_return_val_if_fail (graph != NULL, 0);

  for (guint r = 0; r < graph->relations->len; r++)
    {
      const DossierRelation *relation = dossier_graph_get_relation (graph, r);

      if (relation->type == DOSSIER_RELATION_MENTIONED_WITH)
        continue;
      for (guint i = 0; i < relation->evidence->len; i++)
        if (!dossier_date_is_known (&g_array_index (relation->evidence, DossierEvidence, i).date))
          n++;
    }
  return n;
}

/* Saved filters (GSettings, saved views) ------------------------------------ */

GVariant *
dossier_filter_to_variant (const DossierFilter *filter)
{
  GVariantBuilder builder;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (filter != NULL, NULL);

  from = dossier_date_to_string (&filter->from);
  to = dossier_date_to_string (&filter->to);

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&builder, "{sv}", "from", g_variant_new_string (from != NULL ? from : ""));
  g_variant_builder_add (&builder, "{sv}", "to", g_variant_new_string (to != NULL ? to : ""));
  g_variant_builder_add (&builder, "{sv}", "actors",
                         g_variant_new_strv ((const char * const *) filter->actors,
                                             filter->actors != NULL ? -1 : 0));
  g_variant_builder_add (&builder, "{sv}", "depth", g_variant_new_uint32 (filter->depth));
  g_variant_builder_add (&builder, "{sv}", "path", g_variant_new_boolean (filter->path != NULL));
  g_variant_builder_add (&builder, "{sv}", "entity-types", g_variant_new_uint32 (filter->entity_types));
  g_variant_builder_add (&builder, "{sv}", "relation-types", g_variant_new_uint32 (filter->relation_types));
  g_variant_builder_add (&builder, "{sv}", "min-evidence", g_variant_new_uint32 (filter->min_evidence));
  g_variant_builder_add (&builder, "{sv}", "no-comments", g_variant_new_boolean (filter->no_comments));
  g_variant_builder_add (&builder, "{sv}", "dated-only", g_variant_new_boolean (filter->dated_only));
  g_variant_builder_add (&builder, "{sv}", "isolated", g_variant_new_uint32 (filter->isolated));
  g_variant_builder_add (&builder, "{sv}", "cluster", g_variant_new_string (filter->cluster != NULL ? filter->cluster : ""));
  g_variant_builder_add (&builder, "{sv}", "size-by", g_variant_new_string (dossier_measure_to_string (filter->size_by)));

  return g_variant_builder_end (&builder);
}

void
dossier_filter_update_from_variant (DossierFilter *filter,
                                    GVariant      *variant)
{
  const char *str;
  g_autofree const char **actors = NULL;
  gboolean path = FALSE;
  guint32 u;

  g_return_if_fail (filter != NULL);

  if (variant == NULL || !g_variant_is_of_type (variant, G_VARIANT_TYPE_VARDICT))
    return;

  /* Values that no longer make sense are dropped, not trusted. */
  if (g_variant_lookup (variant, "from", "&s", &str) && !dossier_date_parse_iso (str, &filter->from))
    filter->from = (DossierDate) { 0 };
  if (g_variant_lookup (variant, "to", "&s", &str) && !dossier_date_parse_iso (str, &filter->to))
    filter->to = (DossierDate) { 0 };
  if (g_variant_lookup (variant, "actors", "^a&s", &actors))
    {
      g_strfreev (filter->actors);
      filter->actors = actors[0] != NULL ? g_strdupv ((char **) actors) : NULL;
    }
  if (g_variant_lookup (variant, "depth", "u", &u))
    filter->depth = MIN (u, 3);
  if (g_variant_lookup (variant, "path", "b", &path))
    {
      g_clear_pointer (&filter->path, g_strfreev);
      if (path && filter->actors != NULL && g_strv_length (filter->actors) == 2)
        filter->path = g_strdupv (filter->actors);
    }
  if (g_variant_lookup (variant, "entity-types", "u", &u))
    filter->entity_types = u & ((1u << DOSSIER_N_ENTITY_TYPES) - 1);
  if (g_variant_lookup (variant, "relation-types", "u", &u))
    filter->relation_types = u & ((1u << DOSSIER_N_RELATION_TYPES) - 1);
  if (g_variant_lookup (variant, "min-evidence", "u", &u))
    filter->min_evidence = MAX (u, 1);
  g_variant_lookup (variant, "no-comments", "b", &filter->no_comments);
  /* Filters saved before these keys existed keep the defaults. */
  g_variant_lookup (variant, "dated-only", "b", &filter->dated_only);
  if (g_variant_lookup (variant, "isolated", "u", &u))
    filter->isolated = u <= DOSSIER_ISOLATED_HIDE ? u : DOSSIER_ISOLATED_AUTO;
  if (g_variant_lookup (variant, "cluster", "&s", &str))
    {
      g_clear_pointer (&filter->cluster, g_free);
      filter->cluster = *str != '\0' ? g_strdup (str) : NULL;
    }
  if (g_variant_lookup (variant, "size-by", "&s", &str) &&
      !dossier_measure_from_string (str, &filter->size_by))
    filter->size_by = DOSSIER_MEASURE_MENTIONS;

  if (!dossier_filter_validate (filter, NULL, NULL))
    dossier_filter_reset (filter);
}
