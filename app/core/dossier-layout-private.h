/* dossier-layout-private.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Shared by dossier-layout.c (Graphviz) and dossier-layout-place.c (the
 * steady layout's own placement and straight edges). */

#pragma once

#include "dossier-layout.h"

G_BEGIN_DECLS

/* Graphviz's arrowhead length at arrowsize 1, in points. */
#define DOSSIER_LAYOUT_ARROW_LENGTH 10.0

/* One layout's nodes, all indexed like subgraph->entities. */
typedef struct
{
  DossierSubgraph *subgraph;
  double          *sizes;  /* width, height per node, points */
  DossierPoint    *place;  /* stable position per node; NULL: a fresh layout */
  gboolean        *known;  /* place[i] is set */
  gboolean        *hard;   /* place[i] may not change */
  gboolean        *pinned; /* pinned by the person: drawn with a pin */
} DossierLayoutInput;

/* Gives every node a place: hard ones keep theirs, known ones too unless
 * they now overlap one already placed, and the others go near their
 * placed neighbours, clear of every node. */
void  dossier_layout_place_nodes    (DossierLayoutInput       *input);

/* Fills @layout (size, origin, nodes, edges without labels) from the
 * places, with straight edges clipped at the node shapes, as Graphviz's
 * splines=line draws them. */
void  dossier_layout_route_straight (DossierLayout            *layout,
                                     const DossierLayoutInput *input);

/* A straight line for @edge between its nodes, clipped at their shapes,
 * with an arrow unless @relation is symmetric; fills edge->points. */
void  dossier_layout_route_edge     (DossierLayout            *layout,
                                     DossierLayoutEdge        *edge,
                                     const DossierRelation    *relation);

/* Appends node @i of @input to @layout, centred on @centre (view frame). */
void  dossier_layout_add_node       (DossierLayout            *layout,
                                     const DossierLayoutInput *input,
                                     guint                     i,
                                     DossierPoint              centre);

/* An empty layout for dossier-snapshot.c to fill with a layout kept from
 * an earlier run; dossier_layout_build_index() then readies it for
 * hit-testing, once its nodes and its edges (sorted by relation) are in. */
DossierLayout *dossier_layout_new_empty    (DossierLayoutEngine       engine);
void           dossier_layout_build_index  (DossierLayout            *layout);

G_END_DECLS
