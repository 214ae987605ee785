/* dossier-view-transform.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The graph view's pan and zoom as a plain value, so it can be tested
 * without a display.  Graph coordinates are layout points (y down, see
 * dossier-layout.h); widget coordinates are pixels from the widget's top
 * left.  widget = graph * scale + offset. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DOSSIER_VIEW_MIN_SCALE 0.02
#define DOSSIER_VIEW_MAX_SCALE 8.0

typedef struct
{
  double scale;
  double offset_x;
  double offset_y;
} DossierViewTransform;

void     dossier_view_transform_init         (DossierViewTransform       *t);
void     dossier_view_transform_to_widget    (const DossierViewTransform *t,
                                              double                      gx,
                                              double                      gy,
                                              double                     *wx,
                                              double                     *wy);
void     dossier_view_transform_to_graph     (const DossierViewTransform *t,
                                              double                      wx,
                                              double                      wy,
                                              double                     *gx,
                                              double                     *gy);
/* Sets the scale (clamped) keeping the graph point under the widget
 * point (@wx, @wy) where it is. */
void     dossier_view_transform_zoom_at      (DossierViewTransform       *t,
                                              double                      scale,
                                              double                      wx,
                                              double                      wy);
void     dossier_view_transform_pan          (DossierViewTransform       *t,
                                              double                      dx,
                                              double                      dy);
/* Scales a graph of @graph_width x @graph_height points to fit a widget
 * of @width x @height pixels less @margin on each side, centred, never
 * above @max_scale. */
void     dossier_view_transform_fit          (DossierViewTransform       *t,
                                              double                      graph_width,
                                              double                      graph_height,
                                              double                      width,
                                              double                      height,
                                              double                      margin,
                                              double                      max_scale);
/* Moves the view so that the graph point (@gx, @gy) is at the widget
 * point (@wx, @wy). */
void     dossier_view_transform_center_on    (DossierViewTransform       *t,
                                              double                      gx,
                                              double                      gy,
                                              double                      wx,
                                              double                      wy);
gboolean dossier_view_transform_equal        (const DossierViewTransform *a,
                                              const DossierViewTransform *b);
/* Linear in log(scale), with the graph point under the anchor fixed. */
void     dossier_view_transform_interpolate  (const DossierViewTransform *from,
                                              const DossierViewTransform *to,
                                              double                      progress,
                                              DossierViewTransform       *out);

G_END_DECLS
