/* dossier-graph.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The graph model: entities with their mentions, typed relations with
 * their evidence.  Built by the extractor, read by every later stage. */

#pragma once

#include "dossier-corpus.h"

G_BEGIN_DECLS

struct _DossierEntity
{
  guint              id;          /* index in graph->entities */
  char              *name;        /* canonical */
  DossierEntityType  type;
  GPtrArray         *aliases;     /* char *, surface forms, distinct after folding */
  GArray            *mentions;    /* DossierMention, by article then offset */
  gboolean           discovered;  /* not from the gazetteer */
  gboolean           hidden;      /* hidden by the user (curation) */
};

struct _DossierRelation
{
  guint               id;         /* index in graph->relations */
  guint               source;     /* entity id */
  guint               target;     /* entity id */
  DossierRelationType type;
  GArray             *evidence;   /* DossierEvidence */
};

struct _DossierGraph
{
  gatomicrefcount  ref_count;
  DossierCorpus   *corpus;
  GPtrArray       *entities;   /* DossierEntity */
  GPtrArray       *relations;  /* DossierRelation */
  GHashTable      *by_name;    /* folded canonical name or alias -> DossierEntity */
  GHashTable      *by_triple;  /* DossierRelation, a set keyed on source, type, target */
};

DossierGraph    *dossier_graph_new               (DossierCorpus      *corpus);
DossierGraph    *dossier_graph_ref               (DossierGraph       *graph);
void             dossier_graph_unref             (DossierGraph       *graph);

/* By canonical name or alias, folded; NULL when unknown. */
DossierEntity   *dossier_graph_lookup_entity     (DossierGraph       *graph,
                                                  const char         *name);
/* Returns the entity named @name, creating it with @type when missing. */
DossierEntity   *dossier_graph_ensure_entity     (DossierGraph       *graph,
                                                  const char         *name,
                                                  DossierEntityType   type);
void             dossier_graph_add_alias         (DossierGraph       *graph,
                                                  DossierEntity      *entity,
                                                  const char         *alias);
void             dossier_graph_add_mention       (DossierGraph       *graph,
                                                  DossierEntity      *entity,
                                                  const DossierMention *mention);

DossierRelation *dossier_graph_lookup_relation   (DossierGraph       *graph,
                                                  guint               source,
                                                  DossierRelationType type,
                                                  guint               target);
/* Symmetric types are stored with the lower entity id as source. */
DossierRelation *dossier_graph_ensure_relation   (DossierGraph       *graph,
                                                  guint               source,
                                                  DossierRelationType type,
                                                  guint               target);
void             dossier_graph_add_evidence      (DossierGraph       *graph,
                                                  DossierRelation    *relation,
                                                  const DossierEvidence *evidence);

static inline DossierEntity *
dossier_graph_get_entity (DossierGraph *graph,
                          guint         id)
{
  return g_ptr_array_index (graph->entities, id);
}

static inline DossierRelation *
dossier_graph_get_relation (DossierGraph *graph,
                            guint         id)
{
  return g_ptr_array_index (graph->relations, id);
}

/* How many distinct articles mention @entity. */
guint            dossier_entity_count_articles   (const DossierEntity *entity);

/* Entity and relation ids sorted for stable output: entities by mention
 * count then name; relations by source, type, target. */
GArray          *dossier_graph_sorted_entities   (DossierGraph       *graph);

/* What the extractor says about a passage, read in one place so that the
 * exports follow when the evidence struct changes. */
gboolean         dossier_evidence_is_negated     (const DossierEvidence *evidence);
gboolean         dossier_evidence_is_hedged      (const DossierEvidence *evidence);
gboolean         dossier_evidence_in_comments    (const DossierEvidence *evidence);

/* A copy of @graph without a trace of reader comments: no mention in a
 * comment section, no passage flagged DOSSIER_EVIDENCE_COMMENTS, and no
 * relation left without passages (`--no-comments`). */
DossierGraph    *dossier_graph_without_comments  (DossierGraph       *graph);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierGraph, dossier_graph_unref)

G_END_DECLS
