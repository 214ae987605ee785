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

  return copy;
}

void
dossier_filter_free (DossierFilter *filter)
{
  if (filter == NULL)
    return;

  g_strfreev (filter->actors);
  g_strfreev (filter->path);
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

  if (graph == NULL)
    return TRUE;

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

static gboolean
date_in_range (const DossierFilter *filter,
               const DossierDate   *date)
{
  guint32 first, last;

  if (!dossier_date_is_known (&filter->from) && !dossier_date_is_known (&filter->to))
    return TRUE;

  /* Undated passages cannot be placed in a range. */
  if (!dossier_date_get_span (date, &first, &last))
    return FALSE;

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

  for (guint i = 0; i < entity->mentions->len; i++)
    {
      const DossierMention *m = &g_array_index (entity->mentions, DossierMention, i);
      const DossierArticle *article = dossier_corpus_get_article (graph->corpus, m->article);
      DossierDate date;

      if (filter->no_comments && m->section == DOSSIER_SECTION_COMMENTS)
        continue;

      date = dossier_article_date_for_range (article, m->start, m->end);
      if (!date_in_range (filter, &date))
        continue;

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
  return date_in_range (filter, &e->date);
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

DossierSubgraph *
dossier_filter_apply (const DossierFilter *filter,
                      DossierGraph        *graph,
                      GError             **error)
{
  g_autoptr(DossierSubgraph) sub = NULL;
  g_autofree gboolean *entity_kept = NULL;
  g_autofree gboolean *relation_kept = NULL;
  g_autofree guint *entity_count = NULL;
  g_autofree guint *entity_articles = NULL;
  g_autofree guint *relation_count = NULL;
  guint n_entities, n_relations;

  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (graph != NULL, NULL);

  if (!dossier_filter_validate (filter, graph, error))
    return NULL;

  n_entities = graph->entities->len;
  n_relations = graph->relations->len;
  entity_kept = g_new0 (gboolean, n_entities);
  relation_kept = g_new0 (gboolean, n_relations);
  entity_count = g_new0 (guint, n_entities);
  entity_articles = g_new0 (guint, n_entities);
  relation_count = g_new0 (guint, n_relations);

  /* Relations on their type, their ends' types and their passages. */
  for (guint r = 0; r < n_relations; r++)
    {
      const DossierRelation *relation = dossier_graph_get_relation (graph, r);
      const DossierEntity *source = dossier_graph_get_entity (graph, relation->source);
      const DossierEntity *target = dossier_graph_get_entity (graph, relation->target);

      if ((filter->relation_types & (1u << relation->type)) == 0 ||
          source->hidden || target->hidden ||
          (filter->entity_types & (1u << source->type)) == 0 ||
          (filter->entity_types & (1u << target->type)) == 0)
        continue;
      relation_count[r] = visible_evidence (filter, relation);
      relation_kept[r] = relation_count[r] > 0 && relation_count[r] >= filter->min_evidence;
    }

  /* An entity shows when enough of its mentions do, or when one of its
   * relations shows: a visible edge always has both ends. */
  for (guint i = 0; i < n_entities; i++)
    {
      const DossierEntity *entity = dossier_graph_get_entity (graph, i);

      if ((filter->entity_types & (1u << entity->type)) == 0 || entity->hidden)
        continue;
      entity_count[i] = visible_mentions (filter, graph, entity, &entity_articles[i]);
      entity_kept[i] = entity_count[i] > 0 && entity_count[i] >= filter->min_evidence;
    }

  for (guint r = 0; r < n_relations; r++)
    {
      const DossierRelation *relation = dossier_graph_get_relation (graph, r);

      if (relation_kept[r])
        {
          entity_kept[relation->source] = TRUE;
          entity_kept[relation->target] = TRUE;
        }
    }

  /* Actors and their neighbourhood. */
  if (filter->actors != NULL && filter->actors[0] != NULL)
    {
      g_autoptr(GArray) seeds = resolve_actors (graph, filter->actors);
      g_autofree guint *dist = distances_from (graph, relation_kept, seeds);

      for (guint i = 0; i < n_entities; i++)
        entity_kept[i] = entity_kept[i] && dist[i] <= filter->depth;
    }

  /* Only what lies on a shortest path between the two actors. */
  if (filter->path != NULL && filter->path[0] != NULL && filter->path[1] != NULL)
    {
      g_autoptr(GArray) a = resolve_actors (graph, (char *[]) { filter->path[0], NULL });
      g_autoptr(GArray) b = resolve_actors (graph, (char *[]) { filter->path[1], NULL });
      g_autofree guint *da = distances_from (graph, relation_kept, a);
      g_autofree guint *db = distances_from (graph, relation_kept, b);
      guint target = a->len > 0 ? db[g_array_index (a, guint, 0)] : G_MAXUINT;

      for (guint i = 0; i < n_entities; i++)
        entity_kept[i] = entity_kept[i] && target != G_MAXUINT &&
                         da[i] != G_MAXUINT && db[i] != G_MAXUINT &&
                         da[i] + db[i] == target;

      for (guint r = 0; r < n_relations; r++)
        {
          const DossierRelation *relation = dossier_graph_get_relation (graph, r);
          guint s = relation->source, t = relation->target;

          if (relation_kept[r] && entity_kept[s] && entity_kept[t])
            relation_kept[r] = (da[s] + 1 == da[t]) || (da[t] + 1 == da[s]);
        }
    }

  /* Drop relations whose ends were dropped, then entities left without a
   * relation only if a neighbourhood was asked for. */
  for (guint r = 0; r < n_relations; r++)
    {
      const DossierRelation *relation = dossier_graph_get_relation (graph, r);

      if (relation_kept[r] &&
          (!entity_kept[relation->source] || !entity_kept[relation->target]))
        relation_kept[r] = FALSE;
    }

  /* Cap: keep the most connected actors (documented in the README). */
  if (filter->max_nodes > 0)
    {
      g_autofree guint *degree = g_new0 (guint, n_entities);
      g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
      guint kept = 0;

      for (guint r = 0; r < n_relations; r++)
        {
          const DossierRelation *relation = dossier_graph_get_relation (graph, r);

          if (relation_kept[r])
            {
              degree[relation->source] += relation_count[r];
              degree[relation->target] += relation_count[r];
            }
        }

      for (guint i = 0; i < n_entities; i++)
        if (entity_kept[i])
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

      for (guint i = 0; i < order->len; i++)
        {
          guint e = g_array_index (order, guint, i);

          if (kept < filter->max_nodes)
            kept++;
          else
            entity_kept[e] = FALSE;
        }

      for (guint r = 0; r < n_relations; r++)
        {
          const DossierRelation *relation = dossier_graph_get_relation (graph, r);

          if (relation_kept[r] &&
              (!entity_kept[relation->source] || !entity_kept[relation->target]))
            relation_kept[r] = FALSE;
        }
    }

  sub = g_new0 (DossierSubgraph, 1);
  g_atomic_ref_count_init (&sub->ref_count);
  sub->graph = dossier_graph_ref (graph);
  sub->entities = g_array_new (FALSE, FALSE, sizeof (guint));
  sub->relations = g_array_new (FALSE, FALSE, sizeof (guint));
  sub->entity_mentions = g_array_new (FALSE, FALSE, sizeof (guint));
  sub->entity_articles = g_array_new (FALSE, FALSE, sizeof (guint));
  sub->relation_evidence = g_array_new (FALSE, FALSE, sizeof (guint));
  sub->total_entities = n_entities;
  sub->total_relations = n_relations;

  for (guint i = 0; i < n_entities; i++)
    {
      if (entity_kept[i])
        {
          g_array_append_val (sub->entities, i);
          g_array_append_val (sub->entity_mentions, entity_count[i]);
          g_array_append_val (sub->entity_articles, entity_articles[i]);
        }
    }

  for (guint r = 0; r < n_relations; r++)
    {
      if (relation_kept[r])
        {
          g_array_append_val (sub->relations, r);
          g_array_append_val (sub->relation_evidence, relation_count[r]);
        }
    }

  sub->filter = dossier_filter_copy (filter);
  return g_steal_pointer (&sub);
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
  dossier_graph_unref (subgraph->graph);
  g_free (subgraph);
}

guint
dossier_subgraph_entity_articles (DossierSubgraph *subgraph,
                                  guint            index)
{
  g_return_val_if_fail (subgraph != NULL, 0);
  g_return_val_if_fail (index < subgraph->entities->len, 0);

  if (subgraph->entity_articles != NULL && index < subgraph->entity_articles->len)
    return g_array_index (subgraph->entity_articles, guint, index);
  return dossier_entity_count_articles (dossier_graph_get_entity (subgraph->graph,
                                                                  g_array_index (subgraph->entities, guint, index)));
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
