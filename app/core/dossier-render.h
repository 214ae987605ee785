/* dossier-render.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Draws a laid-out subgraph with cairo, in layout points.  The view's
 * cached scene, the PNG and the PDF export all come from here. */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "dossier-layout.h"
#include "dossier-style.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean dark;
  gboolean background;   /* fill the background first */
  gboolean edge_labels;  /* write relation types on edges */
  gboolean legend;       /* dossier_render_graph draws the legend at top left */
} DossierRenderOptions;

/* Legend geometry, shared with the SVG writer. */
#define DOSSIER_RENDER_LEGEND_PAD      8.0
#define DOSSIER_RENDER_LEGEND_ROW      18.0
#define DOSSIER_RENDER_LEGEND_SAMPLE_W 26.0
#define DOSSIER_RENDER_LEGEND_SAMPLE_H 13.0

/* Edge labels are smaller than node labels. */
#define DOSSIER_RENDER_EDGE_FONT_SIZE 8.5

void  dossier_render_options_init (DossierRenderOptions *options);

/* A Pango context that measures text as the renderer draws it (hinting
 * off, so sizes do not depend on the output surface).  @font_map may be
 * NULL for the thread's default one. */
PangoContext *dossier_render_create_context (PangoFontMap        *font_map);
/* Size in points of @text drawn in the node font, on one line. */
void  dossier_render_measure_label (PangoContext               *context,
                                    const char                 *text,
                                    double                     *width,
                                    double                     *height);

/* The relation type written at edge->label, with a halo (drawn by
 * dossier_render_graph after all edges so no line crosses a label). */
void  dossier_render_edge_label   (cairo_t                    *cr,
                                   DossierSubgraph            *subgraph,
                                   DossierLayout              *layout,
                                   guint                       edge_index,
                                   const DossierRenderOptions *options);

/* The label at (@x, @y) rather than at edge->label, for placed labels. */
void  dossier_render_edge_label_at (cairo_t                    *cr,
                                    DossierSubgraph            *subgraph,
                                    DossierLayout              *layout,
                                    guint                      edge_index,
                                    double                     x,
                                    double                     y,
                                    const DossierRenderOptions *options);

typedef struct
{
  gboolean shown;   /* FALSE: it would cover a node or another label */
  double   x;       /* centre, layout points */
  double   y;
  double   width;   /* halo included */
  double   height;
} DossierEdgeLabelPlace;

/* Where each edge's label goes in an image (indexed like layout->edges):
 * at Graphviz's label point or further along the curve, clear of every
 * node and every label placed before.  Relations with the most passages
 * are placed first; a label that fits nowhere is left out. */
GArray  *dossier_render_place_edge_labels (DossierSubgraph *subgraph,
                                           DossierLayout   *layout);

/* The arrowhead of @edge as a triangle (tip first); FALSE when it has none. */
gboolean dossier_render_arrow_points (const DossierLayoutEdge *edge,
                                      DossierPoint             points[3]);

/* The legend: one row per entity type and per relation type present. */
void  dossier_render_legend_size  (DossierSubgraph            *subgraph,
                                   DossierLayout              *layout,
                                   const DossierRenderOptions *options,
                                   double                     *width,
                                   double                     *height);
void  dossier_render_legend       (cairo_t                    *cr,
                                   DossierSubgraph            *subgraph,
                                   DossierLayout              *layout,
                                   const DossierRenderOptions *options,
                                   double                      x,
                                   double                      y);
/* A legend row's arrowhead for a directed type, centred sample at
 * (@cx, @cy); FALSE for a symmetric one. */
gboolean dossier_render_legend_arrow (DossierRelationType type,
                                      double              cx,
                                      double              cy,
                                      DossierPoint        points[3]);
/* Which types are in the drawing, as masks of 1 << type. */
void  dossier_render_types_present (DossierSubgraph           *subgraph,
                                    DossierLayout             *layout,
                                    guint                     *entity_types,
                                    guint                     *relation_types);

void  dossier_render_graph        (cairo_t                    *cr,
                                   DossierSubgraph            *subgraph,
                                   DossierLayout              *layout,
                                   const DossierRenderOptions *options);

/* Just one node or edge, e.g. for a highlight drawn over the cached scene. */
void  dossier_render_node         (cairo_t                    *cr,
                                   DossierSubgraph            *subgraph,
                                   DossierLayout              *layout,
                                   guint                       node_index,
                                   const DossierRenderOptions *options);
void  dossier_render_edge         (cairo_t                    *cr,
                                   DossierSubgraph            *subgraph,
                                   DossierLayout              *layout,
                                   guint                       edge_index,
                                   const DossierRenderOptions *options);

/* The outline of a node of @shape centred on (@cx, @cy), as a new path:
 * the one definition of the shapes, for the view and every export. */
void  dossier_render_shape_path   (cairo_t                    *cr,
                                   double                      cx,
                                   double                      cy,
                                   double                      w,
                                   double                      h,
                                   DossierShape                shape);

/* Title and caption lines of exported images. */
#define DOSSIER_RENDER_TITLE_FONT_SIZE   16.0
#define DOSSIER_RENDER_CAPTION_FONT_SIZE 10.0

void  dossier_render_text_size    (const char                 *text,
                                   double                      size,
                                   gboolean                    bold,
                                   double                     *width,
                                   double                     *height);
void  dossier_render_text         (cairo_t                    *cr,
                                   const char                 *text,
                                   double                      size,
                                   gboolean                    bold,
                                   double                      x,
                                   double                      y,
                                   const DossierColor         *color);

G_END_DECLS
