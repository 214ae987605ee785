/* dossier-view-transform.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-view"

#include "config.h"

#include <math.h>

#include "dossier-view-transform.h"

void
dossier_view_transform_init (DossierViewTransform *t)
{
  g_return_if_fail (t != NULL);

  t->scale = 1.0;
  t->offset_x = 0.0;
  t->offset_y = 0.0;
}

void
dossier_view_transform_to_widget (const DossierViewTransform *t,
                                  double                      gx,
                                  double                      gy,
                                  double                     *wx,
                                  double                     *wy)
{
  g_return_if_fail (t != NULL);

  if (wx != NULL)
    *wx = gx * t->scale + t->offset_x;
  if (wy != NULL)
    *wy = gy * t->scale + t->offset_y;
}

void
dossier_view_transform_to_graph (const DossierViewTransform *t,
                                 double                      wx,
                                 double                      wy,
                                 double                     *gx,
                                 double                     *gy)
{
  g_return_if_fail (t != NULL);
  g_return_if_fail (t->scale > 0);

  if (gx != NULL)
    *gx = (wx - t->offset_x) / t->scale;
  if (gy != NULL)
    *gy = (wy - t->offset_y) / t->scale;
}

void
dossier_view_transform_zoom_at (DossierViewTransform *t,
                                double                scale,
                                double                wx,
                                double                wy)
{
  double gx, gy;

  g_return_if_fail (t != NULL);

  if (!isfinite (scale))
    return;

  dossier_view_transform_to_graph (t, wx, wy, &gx, &gy);
  t->scale = CLAMP (scale, DOSSIER_VIEW_MIN_SCALE, DOSSIER_VIEW_MAX_SCALE);
  t->offset_x = wx - gx * t->scale;
  t->offset_y = wy - gy * t->scale;
}

void
dossier_view_transform_pan (DossierViewTransform *t,
                            double                dx,
                            double                dy)
{
  g_return_if_fail (t != NULL);

  t->offset_x += dx;
  t->offset_y += dy;
}

void
dossier_view_transform_fit (DossierViewTransform *t,
                            double                graph_width,
                            double                graph_height,
                            double                width,
                            double                height,
                            double                margin,
                            double                max_scale)
{
  double avail_w, avail_h, scale;

  g_return_if_fail (t != NULL);

  avail_w = MAX (1.0, width - 2 * margin);
  avail_h = MAX (1.0, height - 2 * margin);
  graph_width = MAX (1.0, graph_width);
  graph_height = MAX (1.0, graph_height);

  scale = MIN (avail_w / graph_width, avail_h / graph_height);
  scale = MIN (scale, max_scale);
  t->scale = CLAMP (scale, DOSSIER_VIEW_MIN_SCALE, DOSSIER_VIEW_MAX_SCALE);
  t->offset_x = (width - graph_width * t->scale) / 2;
  t->offset_y = (height - graph_height * t->scale) / 2;
}

void
dossier_view_transform_center_on (DossierViewTransform *t,
                                  double                gx,
                                  double                gy,
                                  double                wx,
                                  double                wy)
{
  g_return_if_fail (t != NULL);

  t->offset_x = wx - gx * t->scale;
  t->offset_y = wy - gy * t->scale;
}

gboolean
dossier_view_transform_equal (const DossierViewTransform *a,
                              const DossierViewTransform *b)
{
  return G_APPROX_VALUE (a->scale, b->scale, 1e-9) &&
         G_APPROX_VALUE (a->offset_x, b->offset_x, 1e-6) &&
         G_APPROX_VALUE (a->offset_y, b->offset_y, 1e-6);
}

void
dossier_view_transform_interpolate (const DossierViewTransform *from,
                                    const DossierViewTransform *to,
                                    double                      progress,
                                    DossierViewTransform       *out)
{
  double ls;

  g_return_if_fail (from != NULL && to != NULL && out != NULL);

  progress = CLAMP (progress, 0.0, 1.0);
  ls = log (from->scale) + (log (to->scale) - log (from->scale)) * progress;
  out->scale = exp (ls);

  /* Offsets follow the scale so that zooming looks anchored rather than
   * sliding: interpolate the graph point at the widget origin, weighted
   * so that the end points are exact. */
  {
    double g0x = -from->offset_x / from->scale, g0y = -from->offset_y / from->scale;
    double g1x = -to->offset_x / to->scale, g1y = -to->offset_y / to->scale;
    double gx = g0x + (g1x - g0x) * progress;
    double gy = g0y + (g1y - g0y) * progress;

    out->offset_x = -gx * out->scale;
    out->offset_y = -gy * out->scale;
  }
}
