/* dossier-filter.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What to show: a filter turns the graph into a subgraph.  The window and
 * dossier-cli share this, so both show the same thing. */

#pragma once

#include "dossier-graph.h"
#include "dossier-measures.h"

G_BEGIN_DECLS

#define DOSSIER_FILTER_ERROR (dossier_filter_error_quark ())

typedef enum
{
  DOSSIER_FILTER_ERROR_UNKNOWN_ACTOR,
  DOSSIER_FILTER_ERROR_BAD_DATE,
  DOSSIER_FILTER_ERROR_BAD_RANGE,
  DOSSIER_FILTER_ERROR_BAD_VALUE,
} DossierFilterError;

/* Actors without a visible relation. */
typedef enum
{
  DOSSIER_ISOLATED_AUTO,  /* hidden when more than DOSSIER_FILTER_ISOLATED_LIMIT actors show */
  DOSSIER_ISOLATED_SHOW,
  DOSSIER_ISOLATED_HIDE,
} DossierIsolated;

/* Past this many actors, lone ones are noise around the graph. */
#define DOSSIER_FILTER_ISOLATED_LIMIT 50

struct _DossierFilter
{
  DossierDate  from;           /* unknown: open */
  DossierDate  to;             /* unknown: open */
  char       **actors;         /* names or aliases; NULL: everyone */
  guint        depth;          /* neighbourhood of the actors, 0..3 */
  char       **path;           /* two actors: only the paths between them */
  guint        entity_types;   /* bit mask of 1 << DossierEntityType */
  guint        relation_types; /* bit mask of 1 << DossierRelationType */
  guint        min_evidence;   /* passages a relation or entity needs */
  gboolean     no_comments;    /* ignore reader comments */
  guint        max_nodes;      /* 0: no cap; else keep the most connected */
  gboolean     dated_only;     /* drop passages and mentions of unknown date;
                                * else a date range keeps them (and counts them) */
  DossierIsolated isolated;    /* actors without a visible relation */
  char        *cluster;        /* an actor: only its community; NULL: all */
  DossierMeasure size_by;      /* what the subgraph's entity_weight measures */
};

/* The visible part of a graph.  Counts are those left after filtering. */
struct _DossierSubgraph
{
  gatomicrefcount ref_count;
  DossierGraph   *graph;
  GArray         *entities;           /* guint entity ids, sorted */
  GArray         *relations;          /* guint relation ids, sorted */
  GArray         *relation_evidence;  /* guint, visible passages per relations[i] */
  GArray         *entity_mentions;    /* guint, visible mentions per entities[i] */
  GArray         *entity_articles;    /* guint, articles of those mentions; may be NULL */
  guint           total_entities;     /* before filtering, for "N of M shown" */
  guint           total_relations;
  DossierFilter  *filter;             /* a copy of the filter that made it;
                                       * NULL: every passage is visible */
  /* Filled by dossier_filter_apply; NULL in a subgraph built by hand. */
  GArray         *entity_weight;      /* double per entities[i], by filter->size_by */
  GArray         *entity_community;   /* guint per entities[i] (dossier-measures.h) */
  GArray         *community_leaders;  /* guint entity id naming each community */
  guint           hidden_isolated;    /* actors left out for having no relation */
  guint           undated_evidence;   /* visible passages of unknown date */
};

GQuark           dossier_filter_error_quark (void);

/* Articles with a visible mention of entities[@index] (all its articles
 * when the subgraph was built by hand, without entity_articles). */
guint            dossier_subgraph_entity_articles (DossierSubgraph *subgraph,
                                                   guint            index);

/* The importance of entities[@index] by the filter's measure (its
 * mentions when the subgraph was built by hand). */
double           dossier_subgraph_entity_weight (DossierSubgraph *subgraph,
                                                 guint            index);
/* The communities of @subgraph's actors, indexed like entities: those
 * dossier_filter_apply found (before "this cluster only" and hiding lone
 * actors, so a cluster keeps its number), or computed now.  g_free. */
guint           *dossier_subgraph_communities   (DossierSubgraph *subgraph);

DossierFilter   *dossier_filter_new         (void);
DossierFilter   *dossier_filter_copy        (const DossierFilter *filter);
void             dossier_filter_free        (DossierFilter       *filter);
/* Back to showing everything (mentioned_with links hidden). */
void             dossier_filter_reset       (DossierFilter       *filter);
/* Checks the values against each other and the graph's actors; the error
 * names the nearest known actor. */
gboolean         dossier_filter_validate    (const DossierFilter *filter,
                                             DossierGraph        *graph,
                                             GError             **error);
/* The equivalent dossier-cli options, shell-quoted. */
char            *dossier_filter_to_command_line (const DossierFilter *filter);

DossierSubgraph *dossier_filter_apply       (const DossierFilter *filter,
                                             DossierGraph        *graph,
                                             GError             **error);

/* Whether @evidence passes @subgraph's filter (dates, reader comments),
 * i.e. is one of the passages counted in relation_evidence. */
gboolean         dossier_subgraph_evidence_visible (DossierSubgraph       *subgraph,
                                                    const DossierEvidence *evidence);

/* An empty subgraph of @graph (no entity, no relation, no filter) out of
 * @total_entities and @total_relations: for the builders of the core. */
DossierSubgraph *dossier_subgraph_new       (DossierGraph        *graph,
                                             guint                total_entities,
                                             guint                total_relations);
/* The actors of @subgraph that @keep (indexed like entities) keeps and the
 * relations between them, with its filter and totals.  With @keep_measures
 * they keep @subgraph's weights and communities rather than their own (an
 * exported area looks as the whole view does). */
DossierSubgraph *dossier_subgraph_restrict  (DossierSubgraph     *subgraph,
                                             const gboolean      *keep,
                                             gboolean             keep_measures);
DossierSubgraph *dossier_subgraph_ref       (DossierSubgraph     *subgraph);
void             dossier_subgraph_unref     (DossierSubgraph     *subgraph);
/* Position of an entity id in subgraph->entities, or -1. */
int              dossier_subgraph_find_entity (DossierSubgraph   *subgraph,
                                               guint              entity);

/* Passages per day over the graph's typed relations, from the earliest
 * dated passage (*first_julian) to the latest: the data of the timeline.
 * Month- and year-precise dates count on their first day.  Returns an
 * array of guint, empty when nothing is dated. */
GArray          *dossier_graph_date_histogram (DossierGraph     *graph,
                                               guint32          *first_julian);

/* Passages of the graph's typed relations whose date is unknown: the
 * timeline's bar of their own. */
guint            dossier_graph_count_undated (DossierGraph     *graph);

/* Filter state for GSettings and saved views (a{sv}) and back; values
 * that no longer make sense are dropped. */
GVariant        *dossier_filter_to_variant  (const DossierFilter *filter);
void             dossier_filter_update_from_variant (DossierFilter *filter,
                                                     GVariant      *variant);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierFilter, dossier_filter_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierSubgraph, dossier_subgraph_unref)

G_END_DECLS
