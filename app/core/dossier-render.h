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

#include "dossier-layout.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean dark;
  gboolean background;   /* fill the background first */
  gboolean edge_labels;  /* write relation types on edges */
} DossierRenderOptions;

void  dossier_render_options_init (DossierRenderOptions *options);

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

G_END_DECLS
