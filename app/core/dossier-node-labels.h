/* dossier-node-labels.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Which actors' names are drawn at a zoom, and where: the most important
 * first, each where it overlaps no name already placed and no other
 * node.  Plain numbers in, plain numbers out: the renderer feeds it the
 * layout, the tests feed it small known layouts. */

#pragma once

#include <glib.h>

#include "dossier-style.h"

G_BEGIN_DECLS

/* The smallest a name is drawn on screen, in pixels of font size: below
 * it a name is mush.  Zoomed out further, names keep this size, so they
 * take more room than their node and only the important keep one. */
#define DOSSIER_NODE_LABEL_MIN_PX 10.0
/* Inside its node, framed by the shape, a name still reads a little
 * smaller; the layout made room for it at the node font. */
#define DOSSIER_NODE_LABEL_INSIDE_MIN_PX 7.0

typedef enum
{
  DOSSIER_LABEL_HIDDEN,
  DOSSIER_LABEL_INSIDE,   /* in its node, as the layout sized it */
  DOSSIER_LABEL_BELOW,
  DOSSIER_LABEL_ABOVE,
  DOSSIER_LABEL_RIGHT,
  DOSSIER_LABEL_LEFT,
} DossierLabelSpot;

typedef enum
{
  DOSSIER_LABEL_OBSTACLE,  /* its node is in the way; its name is not wanted */
  DOSSIER_LABEL_WANTED,    /* named when there is room, by weight */
  DOSSIER_LABEL_FORCED,    /* always named (selected, hovered) */
} DossierLabelRole;

typedef struct
{
  double           x;            /* the node's centre and size, layout points */
  double           y;
  double           width;
  double           height;
  DossierShape     shape;
  double           text_width;   /* its name at DOSSIER_STYLE_FONT_SIZE */
  double           text_height;
  double           weight;       /* the measure its size follows */
  DossierLabelRole role;
} DossierLabelNode;

typedef struct
{
  DossierLabelSpot spot;
  double           x;            /* top left of the text, layout points */
  double           y;
  double           width;        /* the text */
  double           height;
  double           font_scale;   /* drawn at DOSSIER_STYLE_FONT_SIZE times this */
} DossierLabelPlace;

/* How much larger than the node font a name beside its node is drawn at
 * @zoom (device pixels per layout point): 1 when that font reads, more
 * when zoomed out. */
double   dossier_node_label_font_scale (double                  zoom);

/* Places the names of @nodes at @zoom into @places (one each): forced
 * ones first, then the others by decreasing weight (ties: the first in
 * @nodes).  A name goes inside its node when it fits there at a size
 * that reads (DOSSIER_NODE_LABEL_INSIDE_MIN_PX or more, as large as
 * fits up to DOSSIER_NODE_LABEL_MIN_PX), which it always does at the
 * node font; else below, above, right or left of its node at
 * DOSSIER_NODE_LABEL_MIN_PX, at the first spot whose box (halo included)
 * meets no name placed before and no other node, else at the one that
 * covers least of other nodes if that is little (anything for the first
 * √n names: the most important keep theirs); else it is hidden.  A forced
 * name that fits nowhere takes its first spot anyway.  The same input
 * gives the same places. */
void     dossier_node_labels_place     (const DossierLabelNode *nodes,
                                        guint                   n_nodes,
                                        double                  zoom,
                                        DossierLabelPlace      *places);

/* The area a placed name inks, its halo included, in layout points. */
void     dossier_label_place_extents   (const DossierLabelPlace *place,
                                        double                  *x1,
                                        double                  *y1,
                                        double                  *x2,
                                        double                  *y2);

/* The width of the halo drawn around a name outside its node, in units
 * of its font size. */
#define DOSSIER_NODE_LABEL_HALO 0.25

G_END_DECLS
