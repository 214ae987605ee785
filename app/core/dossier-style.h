/* dossier-style.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The one source of truth for how entities and relations look, shared by
 * the view and every export.  Colours come from a colour-blind-safe
 * palette (Okabe-Ito) in a light and a dark variant. */

#pragma once

#include "dossier-types.h"

G_BEGIN_DECLS

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} DossierColor;

typedef enum
{
  DOSSIER_SHAPE_BOX,       /* rounded rectangle */
  DOSSIER_SHAPE_ELLIPSE,
  DOSSIER_SHAPE_HEXAGON,
  DOSSIER_SHAPE_DIAMOND,
} DossierShape;

typedef struct
{
  DossierColor  fill;
  DossierColor  stroke;
  DossierColor  text;
  DossierShape  shape;
  const char   *graphviz_shape;  /* the Graphviz shape that sizes it */
} DossierNodeStyle;

typedef struct
{
  DossierColor  color;
  double        dash;   /* 0: solid, else dash length in points */
  double        width;
} DossierEdgeStyle;

/* Font used both by Graphviz to size nodes and by every renderer. */
#define DOSSIER_STYLE_FONT_FAMILY "DejaVu Sans"
#define DOSSIER_STYLE_FONT_SIZE   11.0

const DossierNodeStyle *dossier_style_node       (DossierEntityType   type,
                                                  gboolean            dark);
const DossierEdgeStyle *dossier_style_edge       (DossierRelationType type,
                                                  gboolean            dark);
DossierColor            dossier_style_background (gboolean            dark);
/* "#rrggbb" or "#rrggbbaa". */
char                   *dossier_color_to_hex     (const DossierColor *color);
/* "#rrggbb" only, and the alpha separately (SVG 1.1 has no #rrggbbaa). */
char                   *dossier_color_to_rgb_hex (const DossierColor *color);

/* The line width of a relation backed by @passages passages: the type's
 * width for one, growing slowly (2 are 1.3x, 8 are 1.9x, 2.5x at most)
 * so that what the articles repeat stands out. */
double                  dossier_style_edge_width (const DossierEdgeStyle *style,
                                                  guint               passages);

/* Padding between a label and the edge of its shape, in points. */
#define DOSSIER_STYLE_NODE_PAD_X 10.0
#define DOSSIER_STYLE_NODE_PAD_Y 7.0

/* The size of a node of @shape holding a label of @text_width x
 * @text_height points, grown by @scale (1 for the least important actor,
 * up to DOSSIER_STYLE_NODE_MAX_SCALE; see dossier_style_node_scale) so
 * that the important stand out.  Layout sizes nodes with it, so labels
 * fit. */
void                    dossier_style_node_size  (DossierShape        shape,
                                                  double              text_width,
                                                  double              text_height,
                                                  double              scale,
                                                  double             *width,
                                                  double             *height);

/* The biggest node is this many times as tall as the smallest. */
#define DOSSIER_STYLE_NODE_MAX_SCALE 3.0

/* How much an actor of @weight grows among weights from @min to @max:
 * its area grows with the weight, from 1 at @min to
 * DOSSIER_STYLE_NODE_MAX_SCALE (in height) at @max; 1 when all are equal. */
double                  dossier_style_node_scale (double              weight,
                                                  double              min,
                                                  double              max);

/* Communities: a soft halo around each node in its community's colour, for
 * the first DOSSIER_STYLE_N_COMMUNITY_COLORS communities (the largest);
 * the others share a neutral one.  Light and dark variants. */
#define DOSSIER_STYLE_N_COMMUNITY_COLORS 8
#define DOSSIER_STYLE_HALO_WIDTH         7.0

DossierColor            dossier_style_community_color (guint           community,
                                                       gboolean        dark);

/* Longer labels are cut with an ellipsis (titles keep the whole name). */
#define DOSSIER_STYLE_MAX_LABEL_CHARS 60

/* The name as one drawable line: valid UTF-8, newlines and other control
 * characters become spaces, cut to DOSSIER_STYLE_MAX_LABEL_CHARS, so
 * every output shows the same label. */
char                   *dossier_style_display_name (const char        *name);

/* Translated words of the window for the types: "Company", "partners
 * with"; legends, edge labels and reports use them too. */
const char             *dossier_style_entity_label   (DossierEntityType   type);
const char             *dossier_style_relation_label (DossierRelationType type);

G_END_DECLS
