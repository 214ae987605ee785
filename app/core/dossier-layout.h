/* dossier-layout.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Graphviz lays the subgraph out; the positions and splines are copied
 * into plain structs here and the cgraph graph is closed.  All layout
 * coordinates are in points with y pointing DOWN and the origin at the
 * top left of the drawing: the Graphviz y-up flip happens here only. */

#pragma once

#include <gio/gio.h>

#include "dossier-filter.h"
#include "dossier-style.h"

G_BEGIN_DECLS

#define DOSSIER_LAYOUT_ERROR (dossier_layout_error_quark ())

typedef enum
{
  DOSSIER_LAYOUT_ERROR_FAILED,
  DOSSIER_LAYOUT_ERROR_ENGINE,
} DossierLayoutError;

typedef enum
{
  DOSSIER_LAYOUT_AUTO,   /* chosen by size */
  DOSSIER_LAYOUT_DOT,
  DOSSIER_LAYOUT_NEATO,
  DOSSIER_LAYOUT_FDP,
  DOSSIER_LAYOUT_SFDP,
  DOSSIER_LAYOUT_CIRCO,
} DossierLayoutEngine;

typedef struct
{
  double x;
  double y;
} DossierPoint;

/* Names -> positions and pins, dossier-positions.h. */
typedef struct _DossierPositions DossierPositions;

typedef enum
{
  /* A fresh layout: only pinned actors keep their place. */
  DOSSIER_LAYOUT_FLAGS_NONE = 0,
  /* Every actor with a position keeps it; the others are placed near
   * their neighbours, in free space.  For a change of filter or an edit:
   * the picture the person has built in their head stays. */
  DOSSIER_LAYOUT_FLAGS_KEEP = 1 << 0,
} DossierLayoutFlags;

typedef struct
{
  guint  entity;   /* entity id */
  double x;        /* centre */
  double y;
  double width;
  double height;
  DossierShape shape;  /* as drawn; node_at tests it, not just the box */
  gboolean pinned;     /* the person put it there (DossierPositions) */
} DossierLayoutNode;

typedef struct
{
  guint        relation;   /* relation id */
  guint        tail;       /* index into layout->nodes */
  guint        head;
  GArray      *points;     /* DossierPoint: cubic Bézier, 3n+1 points */
  gboolean     has_arrow;
  DossierPoint arrow_tip;  /* valid when has_arrow */
  DossierPoint label;      /* where the relation label goes */
} DossierLayoutEdge;

struct _DossierLayout
{
  gatomicrefcount     ref_count;
  DossierLayoutEngine engine;  /* the one that ran */
  double              width;   /* points, margins included */
  double              height;
  /* Adding it to a node's (x, y) gives the stable position that
   * DossierPositions records: the same for an actor that did not move,
   * however the drawing's bounds changed. */
  DossierPoint        origin;
  gboolean            steady;  /* laid out from earlier positions */
  GArray             *nodes;   /* DossierLayoutNode, in subgraph order */
  GArray             *edges;   /* DossierLayoutEdge, by relation id */
  gpointer            index;   /* private: grid for node_at / edge_at */
};

/* Empty space around the drawing, in points. */
#define DOSSIER_LAYOUT_MARGIN 12.0

GQuark               dossier_layout_error_quark       (void);

const char          *dossier_layout_engine_to_string   (DossierLayoutEngine  engine);
gboolean             dossier_layout_engine_from_string (const char          *str,
                                                        DossierLayoutEngine *engine);
/* The engine AUTO resolves to for a graph of that size. */
DossierLayoutEngine  dossier_layout_engine_for_size    (guint                n_nodes,
                                                        guint                n_edges);

/* Whether @engine lays out a graph of that size in seconds rather than
 * minutes on a two-core machine.  AUTO and sfdp always do; dot and circo
 * stop being practical after a few hundred relations.  Callers decide what
 * to do about it (the window lays out with sfdp instead, and says so). */
gboolean             dossier_layout_engine_is_practical (DossierLayoutEngine engine,
                                                         guint               n_nodes,
                                                         guint               n_edges);

/* Runs Graphviz.  Serialised internally (Graphviz is not thread-safe), so
 * it may be called from any thread.  Node sizes come from the renderer's
 * own text metrics (dossier_render_measure_label) and grow with the
 * actor's weight (dossier_style_node_scale).  @cancellable is checked
 * before Graphviz starts and after it ends; a running Graphviz layout cannot be interrupted. */
DossierLayout       *dossier_layout_compute            (DossierSubgraph     *subgraph,
                                                        DossierLayoutEngine  engine,
                                                        GCancellable        *cancellable,
                                                        GError             **error);
void                 dossier_layout_compute_async      (DossierSubgraph     *subgraph,
                                                        DossierLayoutEngine  engine,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
DossierLayout       *dossier_layout_compute_finish     (GAsyncResult        *result,
                                                        GError             **error);

/* The same, starting from @positions (may be NULL), keyed by the actors'
 * canonical names: pinned actors stay where they are; with
 * DOSSIER_LAYOUT_FLAGS_KEEP every actor with a position does, and the new
 * ones go near their neighbours (Graphviz then only routes the edges, so
 * @engine matters only for a fresh layout).  @positions is copied: the
 * caller may change it while an async layout runs. */
DossierLayout       *dossier_layout_compute_full       (DossierSubgraph     *subgraph,
                                                        DossierLayoutEngine  engine,
                                                        DossierPositions    *positions,
                                                        DossierLayoutFlags   flags,
                                                        GCancellable        *cancellable,
                                                        GError             **error);
void                 dossier_layout_compute_full_async (DossierSubgraph     *subgraph,
                                                        DossierLayoutEngine  engine,
                                                        DossierPositions    *positions,
                                                        DossierLayoutFlags   flags,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);

/* A copy of @layout with node @index moved to (@x, @y) and pinned, as a
 * person drags it: its edges become straight lines that follow it, the
 * others stay as they are, and the drawing grows (its origin with it)
 * when the node leaves it.  Milliseconds, for every motion of a drag;
 * the layout that follows the drop routes the edges again. */
DossierLayout       *dossier_layout_move_node          (DossierLayout       *layout,
                                                        DossierSubgraph     *subgraph,
                                                        guint                index,
                                                        double               x,
                                                        double               y);

DossierLayout       *dossier_layout_ref                (DossierLayout       *layout);
void                 dossier_layout_unref              (DossierLayout       *layout);

/* Hit-testing goes through a uniform grid built with the layout, so a
 * query costs about the items in one cell, not the whole graph. */

/* Index into layout->nodes of the node whose shape (ellipse, diamond...)
 * covers (x, y), or -1.  The one drawn last (on top) wins. */
int                  dossier_layout_node_at            (DossierLayout       *layout,
                                                        double               x,
                                                        double               y);
/* Index into layout->edges of the edge within @tolerance of (x, y), or -1. */
int                  dossier_layout_edge_at            (DossierLayout       *layout,
                                                        double               x,
                                                        double               y,
                                                        double               tolerance);
/* Index into layout->edges of @relation, or -1. */
int                  dossier_layout_find_relation      (DossierLayout       *layout,
                                                        guint                relation);
/* Index into layout->nodes of @entity, or -1. */
int                  dossier_layout_find_entity        (DossierLayout       *layout,
                                                        guint                entity);
/* How many edges are drawn at node @index (its lines in the drawing). */
guint                dossier_layout_node_degree        (DossierLayout       *layout,
                                                        guint                index);
/* Whether @entity is drawn where the person pinned it (@layout may be
 * NULL: no drawing, no pins). */
gboolean             dossier_layout_entity_is_pinned   (DossierLayout       *layout,
                                                        guint                entity);
/* The box of @edge's control points, which its Bézier curve stays inside,
 * and of its arrow's tip grown by @arrow_margin on every side. */
void                 dossier_layout_edge_box           (const DossierLayoutEdge *edge,
                                                        double               arrow_margin,
                                                        double              *x1,
                                                        double              *y1,
                                                        double              *x2,
                                                        double              *y2);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierLayout, dossier_layout_unref)

G_END_DECLS
