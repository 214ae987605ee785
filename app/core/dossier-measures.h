/* dossier-measures.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How important each actor is and which actors belong together: graph
 * measures and communities of a subgraph.  The only module that sees
 * igraph; its API speaks of subgraph indices, never of igraph types. */

#pragma once

#include "dossier-types.h"

G_BEGIN_DECLS

typedef enum
{
  DOSSIER_MEASURE_MENTIONS,   /* visible mentions */
  DOSSIER_MEASURE_ARTICLES,   /* articles with a visible mention */
  DOSSIER_MEASURE_DEGREE,     /* visible relations at the actor */
  DOSSIER_MEASURE_PAGERANK,   /* PageRank over the relations, weighted by passages */
  DOSSIER_N_MEASURES
} DossierMeasure;

/* "mentions", "articles", "degree", "pagerank" and back. */
const char *dossier_measure_to_string   (DossierMeasure   measure);
gboolean    dossier_measure_from_string (const char      *str,
                                         DossierMeasure  *measure);
/* The translated name, for menus. */
const char *dossier_measure_label       (DossierMeasure   measure);

/* A value per subgraph->entities[i], larger for more important actors.
 * Free with g_free. */
double     *dossier_measures_compute    (DossierSubgraph *subgraph,
                                         DossierMeasure   measure);

/* Communities of a subgraph: Louvain's modularity clustering (igraph's
 * multilevel) over the visible relations weighted by their passages, with
 * a fixed seed so that two runs agree.  Communities are numbered from 0,
 * the largest first (ties: the one whose leader has more mentions); an
 * actor without relations is a community of its own. */
typedef struct
{
  guint  n_communities;
  guint *membership;    /* per subgraph->entities[i]: its community */
  guint *leaders;       /* per community: the entity id of its most
                         * mentioned actor, which names it */
} DossierCommunities;

DossierCommunities *dossier_communities_compute (DossierSubgraph    *subgraph);
void                dossier_communities_free    (DossierCommunities *communities);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierCommunities, dossier_communities_free)

G_END_DECLS
