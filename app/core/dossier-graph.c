/* dossier-graph.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-graph"

#include "config.h"

#include "dossier-fold.h"
#include "dossier-graph.h"

static void
dossier_entity_free (DossierEntity *entity)
{
  g_free (entity->name);
  g_ptr_array_unref (entity->aliases);
  g_array_unref (entity->mentions);
  g_free (entity);
}

static void
dossier_relation_free (DossierRelation *relation)
{
  g_array_unref (relation->evidence);
  g_free (relation);
}

/* Relations are their own keys in by_triple, hashed and compared on
 * their ends and type: a look-up costs no string to format. */
static guint
relation_hash (gconstpointer key)
{
  const DossierRelation *r = key;

  return (r->source * 0x9E3779B1u) ^ ((guint) r->type * 0x85EBCA77u) ^ (r->target * 0xC2B2AE3Du);
}

static gboolean
relation_equal (gconstpointer a,
                gconstpointer b)
{
  const DossierRelation *ra = a, *rb = b;

  return ra->source == rb->source && ra->target == rb->target && ra->type == rb->type;
}

DossierGraph *
dossier_graph_new (DossierCorpus *corpus)
{
  DossierGraph *graph;

  g_return_val_if_fail (corpus != NULL, NULL);

  graph = g_new0 (DossierGraph, 1);
  g_atomic_ref_count_init (&graph->ref_count);
  graph->corpus = dossier_corpus_ref (corpus);
  graph->entities = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_entity_free);
  graph->relations = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_relation_free);
  graph->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  graph->by_triple = g_hash_table_new (relation_hash, relation_equal);

  return graph;
}

DossierGraph *
dossier_graph_ref (DossierGraph *graph)
{
  g_return_val_if_fail (graph != NULL, NULL);
  g_atomic_ref_count_inc (&graph->ref_count);
  return graph;
}

void
dossier_graph_unref (DossierGraph *graph)
{
  g_return_if_fail (graph != NULL);

  if (!g_atomic_ref_count_dec (&graph->ref_count))
    return;

  g_hash_table_unref (graph->by_triple);
  g_hash_table_unref (graph->by_name);
  g_ptr_array_unref (graph->relations);
  g_ptr_array_unref (graph->entities);
  dossier_corpus_unref (graph->corpus);
  g_free (graph);
}

DossierEntity *
dossier_graph_lookup_entity (DossierGraph *graph,
                             const char   *name)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (graph != NULL, NULL);

  if (name == NULL)
    return NULL;

  key = dossier_fold_string (name);
  return g_hash_table_lookup (graph->by_name, key);
}

DossierEntity *
dossier_graph_ensure_entity (DossierGraph      *graph,
                             const char        *name,
                             DossierEntityType  type)
{
  DossierEntity *entity;

  g_return_val_if_fail (graph != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if ((entity = dossier_graph_lookup_entity (graph, name)) != NULL)
    return entity;

  entity = g_new0 (DossierEntity, 1);
  entity->id = graph->entities->len;
  entity->name = g_strdup (name);
  entity->type = type;
  entity->aliases = g_ptr_array_new_with_free_func (g_free);
  entity->mentions = g_array_new (FALSE, FALSE, sizeof (DossierMention));
  g_ptr_array_add (graph->entities, entity);

  g_hash_table_insert (graph->by_name, dossier_fold_string (name), entity);

  return entity;
}

void
dossier_graph_add_alias (DossierGraph  *graph,
                         DossierEntity *entity,
                         const char    *alias)
{
  g_autofree char *key = NULL;

  g_return_if_fail (graph != NULL);
  g_return_if_fail (entity != NULL);
  g_return_if_fail (alias != NULL);

  key = dossier_fold_string (alias);

  /* Aliases are distinct after folding; the first surface form wins. */
  for (guint i = 0; i < entity->aliases->len; i++)
    {
      g_autofree char *other = dossier_fold_string (g_ptr_array_index (entity->aliases, i));

      if (g_str_equal (other, key))
        return;
    }

  g_ptr_array_add (entity->aliases, g_strdup (alias));

  if (!g_hash_table_contains (graph->by_name, key))
    g_hash_table_insert (graph->by_name, g_steal_pointer (&key), entity);
}

void
dossier_graph_add_mention (DossierGraph         *graph,
                           DossierEntity        *entity,
                           const DossierMention *mention)
{
  g_return_if_fail (graph != NULL);
  g_return_if_fail (entity != NULL);
  g_return_if_fail (mention != NULL);

  g_array_append_val (entity->mentions, *mention);
}

/* A symmetric relation is stored one way round: the lower id first. */
static void
order_ends (DossierRelationType  type,
            guint               *source,
            guint               *target)
{
  if (dossier_relation_type_is_symmetric (type) && *target < *source)
    {
      guint tmp = *source;

      *source = *target;
      *target = tmp;
    }
}

DossierRelation *
dossier_graph_lookup_relation (DossierGraph        *graph,
                               guint                source,
                               DossierRelationType  type,
                               guint                target)
{
  DossierRelation key = { 0 };

  g_return_val_if_fail (graph != NULL, NULL);

  order_ends (type, &source, &target);
  key.source = source;
  key.target = target;
  key.type = type;
  return g_hash_table_lookup (graph->by_triple, &key);
}

DossierRelation *
dossier_graph_ensure_relation (DossierGraph        *graph,
                               guint                source,
                               DossierRelationType  type,
                               guint                target)
{
  DossierRelation *relation;

  g_return_val_if_fail (graph != NULL, NULL);
  g_return_val_if_fail (source < graph->entities->len, NULL);
  g_return_val_if_fail (target < graph->entities->len, NULL);

  if ((relation = dossier_graph_lookup_relation (graph, source, type, target)) != NULL)
    return relation;

  order_ends (type, &source, &target);
  relation = g_new0 (DossierRelation, 1);
  relation->id = graph->relations->len;
  relation->source = source;
  relation->target = target;
  relation->type = type;
  relation->evidence = g_array_new (FALSE, FALSE, sizeof (DossierEvidence));
  g_ptr_array_add (graph->relations, relation);

  g_hash_table_add (graph->by_triple, relation);

  return relation;
}

void
dossier_graph_add_evidence (DossierGraph          *graph,
                            DossierRelation       *relation,
                            const DossierEvidence *evidence)
{
  g_return_if_fail (graph != NULL);
  g_return_if_fail (relation != NULL);
  g_return_if_fail (evidence != NULL);

  /* The same sentence backing the same relation twice is one passage.
   * Evidence arrives article by article in text order, so looking back
   * over this article's passages from the end, no further than where
   * they start before this one, finds it without a quadratic scan. */
  for (guint i = relation->evidence->len; i > 0; i--)
    {
      const DossierEvidence *e = &g_array_index (relation->evidence, DossierEvidence, i - 1);

      if (e->article != evidence->article || e->end <= evidence->start)
        break;
      if (e->start == evidence->start && e->end == evidence->end)
        return;
    }

  g_array_append_val (relation->evidence, *evidence);
}

guint
dossier_entity_count_articles (const DossierEntity *entity)
{
  guint count = 0;
  guint last = G_MAXUINT;

  g_return_val_if_fail (entity != NULL, 0);

  /* Mentions are kept in article order. */
  for (guint i = 0; i < entity->mentions->len; i++)
    {
      const DossierMention *m = &g_array_index (entity->mentions, DossierMention, i);

      if (m->article != last)
        {
          count++;
          last = m->article;
        }
    }

  return count;
}

static int
compare_entities (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  DossierGraph *graph = user_data;
  const DossierEntity *ea = dossier_graph_get_entity (graph, *(const guint *) a);
  const DossierEntity *eb = dossier_graph_get_entity (graph, *(const guint *) b);

  if (ea->mentions->len != eb->mentions->len)
    return ea->mentions->len > eb->mentions->len ? -1 : 1;

  return g_utf8_collate (ea->name, eb->name);
}

GArray *
dossier_graph_sorted_entities (DossierGraph *graph)
{
  GArray *ids;

  g_return_val_if_fail (graph != NULL, NULL);

  ids = g_array_sized_new (FALSE, FALSE, sizeof (guint), graph->entities->len);
  for (guint i = 0; i < graph->entities->len; i++)
    g_array_append_val (ids, i);
  g_array_sort_with_data (ids, compare_entities, graph);

  return ids;
}

gboolean
dossier_evidence_is_negated (const DossierEvidence *evidence)
{
  g_return_val_if_fail (evidence != NULL, FALSE);
  return (evidence->flags & DOSSIER_EVIDENCE_NEGATED) != 0;
}

gboolean
dossier_evidence_is_hedged (const DossierEvidence *evidence)
{
  g_return_val_if_fail (evidence != NULL, FALSE);
  return (evidence->flags & DOSSIER_EVIDENCE_HYPOTHETICAL) != 0;
}

gboolean
dossier_evidence_in_comments (const DossierEvidence *evidence)
{
  g_return_val_if_fail (evidence != NULL, FALSE);
  return (evidence->flags & DOSSIER_EVIDENCE_COMMENTS) != 0;
}

DossierGraph *
dossier_graph_without_comments (DossierGraph *graph)
{
  DossierGraph *copy;
  g_autofree guint *map = NULL;

  g_return_val_if_fail (graph != NULL, NULL);

  copy = dossier_graph_new (graph->corpus);
  map = g_new (guint, graph->entities->len);

  /* Every actor first, then aliases: an alias may spell another's name. */
  for (guint i = 0; i < graph->entities->len; i++)
    {
      const DossierEntity *src = dossier_graph_get_entity (graph, i);
      DossierEntity *entity = dossier_graph_ensure_entity (copy, src->name, src->type);

      map[i] = entity->id;
      entity->discovered = src->discovered;
      entity->hidden = src->hidden;
    }

  for (guint i = 0; i < graph->entities->len; i++)
    {
      const DossierEntity *src = dossier_graph_get_entity (graph, i);
      DossierEntity *entity = dossier_graph_get_entity (copy, map[i]);

      for (guint a = 0; a < src->aliases->len; a++)
        dossier_graph_add_alias (copy, entity, g_ptr_array_index (src->aliases, a));
      for (guint m = 0; m < src->mentions->len; m++)
        {
          const DossierMention *mention = &g_array_index (src->mentions, DossierMention, m);

          if (mention->section != DOSSIER_SECTION_COMMENTS)
            g_array_append_val (entity->mentions, *mention);
        }
    }

  for (guint i = 0; i < graph->relations->len; i++)
    {
      const DossierRelation *src = dossier_graph_get_relation (graph, i);
      DossierRelation *relation = NULL;

      for (guint e = 0; e < src->evidence->len; e++)
        {
          const DossierEvidence *ev = &g_array_index (src->evidence, DossierEvidence, e);

          if ((ev->flags & DOSSIER_EVIDENCE_COMMENTS) != 0)
            continue;
          if (relation == NULL)
            relation = dossier_graph_ensure_relation (copy, map[src->source], src->type, map[src->target]);
          g_array_append_val (relation->evidence, *ev);
        }
    }

  return copy;
}
