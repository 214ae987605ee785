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
#include "dossier-node-labels.h"
#include "dossier-style.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean dark;
  gboolean background;   /* fill the background first */
  gboolean edge_labels;  /* write relation types on edges */
  gboolean legend;       /* dossier_renderer_draw draws the legend at top left */
  gboolean pins;         /* a pin on the actors the person pinned (the view;
                          * exported pictures stay clean, their data says it) */
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

/* The point a @fraction (0..1) of the way along an edge's curve, by arc
 * length.  Graphviz's label point, edge->label, is the one at 0.5: the
 * view centres on it and labels are placed from it. */
DossierPoint dossier_render_edge_point_along (const DossierLayoutEdge *edge,
                                              double                   fraction);

/* The passages @relation shows in @subgraph (subgraph->relations is
 * sorted): what ranks labels and thickens lines. */
guint    dossier_render_relation_passages (DossierSubgraph *subgraph,
                                           guint            relation);

/* The arrowhead of @edge as a triangle (tip first); FALSE when it has none. */
gboolean dossier_render_arrow_points (const DossierLayoutEdge *edge,
                                      DossierPoint             points[3]);

/* The legend: one row per entity type and per relation type present. */
void  dossier_render_legend_size  (DossierSubgraph            *subgraph,
                                   DossierLayout              *layout,
                                   const DossierRenderOptions *options,
                                   double                     *width,
                                   double                     *height);
/* A legend row's arrowhead for a directed type, centred sample at
 * (@cx, @cy); FALSE for a symmetric one. */
gboolean dossier_render_legend_arrow (DossierRelationType type,
                                      double              cx,
                                      double              cy,
                                      DossierPoint        points[3]);
/* A legend row's sample, @w x @h centred on (@cx, @cy): the shape of an
 * entity type (@entity) or a line of a relation type with its arrowhead.
 * The exports' legends and the window's legend draw these. */
void  dossier_render_legend_sample (cairo_t                   *cr,
                                    gboolean                   entity,
                                    guint                      type,
                                    double                     cx,
                                    double                     cy,
                                    double                     w,
                                    double                     h,
                                    gboolean                   dark);
/* Which types are in the drawing, as masks of 1 << type. */
void  dossier_render_types_present (DossierSubgraph           *subgraph,
                                    DossierLayout             *layout,
                                    guint                     *entity_types,
                                    guint                     *relation_types);

/* The colour of the halo around an actor's node (and its community, when
 * @community is not NULL) (see
 * dossier_style_community_color): FALSE when it has none, as when the
 * subgraph has a single community or the actor is alone in its own.
 * The view and every export draw it
 * as a stroke DOSSIER_STYLE_HALO_WIDTH * 2 wide along the node's outline,
 * under the shape. */
gboolean dossier_render_node_halo (DossierSubgraph            *subgraph,
                                   guint                       entity,
                                   gboolean                    dark,
                                   DossierColor               *color,
                                   guint                      *community);

/* The communities the legend names: those with a halo numbered below
 * DOSSIER_STYLE_N_COMMUNITY_COLORS, in order, then that number when a
 * higher one has a halo ("Other clusters").  Returns how many. */
guint    dossier_render_legend_communities (DossierSubgraph *subgraph,
                                            guint            communities[DOSSIER_STYLE_N_COMMUNITY_COLORS + 1]);
/* "Cluster: " and the name of its most mentioned actor.  g_free. */
char    *dossier_render_community_label    (DossierSubgraph *subgraph,
                                            guint            community);
/* A legend row's sample for a community: a dot @size points across in its
 * colour, centred on (@cx, @cy). */
void     dossier_render_community_sample   (cairo_t         *cr,
                                            guint            community,
                                            double           cx,
                                            double           cy,
                                            double           size,
                                            gboolean         dark);

/* The outline of a node of @shape centred on (@cx, @cy), as a new path:
 * the one definition of the shapes, for the view and every export. */
void  dossier_render_shape_path   (cairo_t                    *cr,
                                   double                      cx,
                                   double                      cy,
                                   double                      w,
                                   double                      h,
                                   DossierShape                shape);

/* A rectangle with corners of radius @r, added to the current path (the
 * box shape, and the view's selection ring around any shape). */
void  dossier_render_rounded_rect_path (cairo_t                 *cr,
                                        double                   x,
                                        double                   y,
                                        double                   w,
                                        double                   h,
                                        double                   r);

/* The same outlines as SVG path data ("M… L… C… Z"), from the same
 * cairo path, so the SVG writer draws no shapes of its own. */
char *dossier_render_shape_svg_path (double                      cx,
                                     double                      cy,
                                     double                      w,
                                     double                      h,
                                     DossierShape                shape);
/* An edge's line (its spline, then the segment to the arrow's tip). */
void  dossier_render_edge_path      (cairo_t                    *cr,
                                     const DossierLayoutEdge    *edge);
char *dossier_render_edge_svg_path  (const DossierLayoutEdge    *edge);

/* Title and caption lines of exported images. */
#define DOSSIER_RENDER_TITLE_FONT_SIZE   16.0
#define DOSSIER_RENDER_CAPTION_FONT_SIZE 10.0

void  dossier_render_text_size    (const char                 *text,
                                   double                      size,
                                   gboolean                    bold,
                                   double                     *width,
                                   double                     *height);
/* ---- The renderer --------------------------------------------------------
 *
 * Draws one laid-out subgraph with cairo, in layout points: the view's
 * tiles and highlights, the PNG and the PDF export all go through it, so
 * they draw the same shapes, labels and halos.  It keeps one Pango context
 * and its layouts for every label (making one per label costs a font
 * lookup each) and the relation labels' places once computed.  A renderer
 * is used by one thread at a time; an export makes its own. */

typedef struct _DossierRenderer DossierRenderer;

DossierRenderer *dossier_renderer_new              (DossierSubgraph            *subgraph,
                                                    DossierLayout              *layout,
                                                    const DossierRenderOptions *options);
DossierRenderer *dossier_renderer_ref              (DossierRenderer            *self);
void             dossier_renderer_unref            (DossierRenderer            *self);
const DossierRenderOptions *
                 dossier_renderer_get_options      (DossierRenderer            *self);

/* Where each relation label goes in the whole graph (see
 * dossier_render_place_edge_labels), computed on first use. */
const DossierEdgeLabelPlace *
                 dossier_renderer_get_label_place  (DossierRenderer            *self,
                                                    guint                       edge_index);
/* The same placement among @n_edges edges only (e.g. those of a hovered
 * actor), indexed like layout->edges; the others are not shown. */
GArray          *dossier_renderer_place_labels     (DossierRenderer            *self,
                                                    const guint                *edges,
                                                    guint                       n_edges);

/* An edge's line and arrowhead (its label is drawn apart, above every line). */
void             dossier_renderer_draw_edge        (DossierRenderer            *self,
                                                    cairo_t                    *cr,
                                                    guint                       edge_index);
/* The relation label of an edge centred on (@x, @y), on its halo. */
void             dossier_renderer_draw_edge_label  (DossierRenderer            *self,
                                                    cairo_t                    *cr,
                                                    guint                       edge_index,
                                                    double                      x,
                                                    double                      y);
/* A node's shape, and its name when @label (the view leaves names out
 * when they would be too small to read). */
void             dossier_renderer_draw_node        (DossierRenderer            *self,
                                                    cairo_t                    *cr,
                                                    guint                       node_index,
                                                    gboolean                    label);
/* Where each node's name goes at @zoom (see dossier_node_labels_place),
 * every name wanted, or as @roles (one per layout node) says when not
 * NULL.  A new array of DossierLabelPlace indexed like layout->nodes. */
GArray          *dossier_renderer_place_node_labels (DossierRenderer           *self,
                                                     double                     zoom,
                                                     const DossierLabelRole    *roles);
/* The same with every name wanted, kept for the last @zoom asked: what
 * the view's tiles and the exports draw, one choice for the whole graph. */
const DossierLabelPlace *
                 dossier_renderer_get_node_label   (DossierRenderer            *self,
                                                    double                      zoom,
                                                    guint                       node_index);
/* A node's name at @place: inside, in its shape's text colour; outside,
 * in the legend's colour on a halo of background.  Nothing when hidden. */
void             dossier_renderer_draw_node_label  (DossierRenderer            *self,
                                                    cairo_t                    *cr,
                                                    guint                       node_index,
                                                    const DossierLabelPlace    *place);
/* Device pixels per layout point on @cr: the zoom names are placed for. */
double           dossier_render_device_zoom        (cairo_t                    *cr);
void             dossier_renderer_draw_legend      (DossierRenderer            *self,
                                                    cairo_t                    *cr,
                                                    double                      x,
                                                    double                      y);
/* One line of text with its top left at (@x, @y): titles and captions. */
void             dossier_renderer_draw_text        (DossierRenderer            *self,
                                                    cairo_t                    *cr,
                                                    const char                 *text,
                                                    double                      size,
                                                    gboolean                    bold,
                                                    double                      x,
                                                    double                      y,
                                                    const DossierColor         *color);
/* The whole graph: background, lines, placed labels, nodes, and the
 * legend at the top left when the options ask for them. */
void             dossier_renderer_draw             (DossierRenderer            *self,
                                                    cairo_t                    *cr);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierRenderer, dossier_renderer_unref)

G_END_DECLS
