/* dossier-render.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-render"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "dossier-render.h"
#include "dossier-style.h"

void
dossier_render_options_init (DossierRenderOptions *options)
{
  g_return_if_fail (options != NULL);

  options->dark = FALSE;
  options->background = TRUE;
  options->edge_labels = FALSE;
}

static void
set_color (cairo_t            *cr,
           const DossierColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static void
node_path (cairo_t                 *cr,
           const DossierLayoutNode *n,
           DossierShape             shape)
{
  double x = n->x - n->width / 2, y = n->y - n->height / 2;
  double w = n->width, h = n->height;

  switch (shape)
    {
    case DOSSIER_SHAPE_ELLIPSE:
      cairo_save (cr);
      cairo_translate (cr, n->x, n->y);
      cairo_scale (cr, w / 2, h / 2);
      cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
      cairo_restore (cr);
      break;

    case DOSSIER_SHAPE_DIAMOND:
      cairo_move_to (cr, n->x, y);
      cairo_line_to (cr, x + w, n->y);
      cairo_line_to (cr, n->x, y + h);
      cairo_line_to (cr, x, n->y);
      cairo_close_path (cr);
      break;

    case DOSSIER_SHAPE_HEXAGON:
      cairo_move_to (cr, x + w * 0.25, y);
      cairo_line_to (cr, x + w * 0.75, y);
      cairo_line_to (cr, x + w, n->y);
      cairo_line_to (cr, x + w * 0.75, y + h);
      cairo_line_to (cr, x + w * 0.25, y + h);
      cairo_line_to (cr, x, n->y);
      cairo_close_path (cr);
      break;

    case DOSSIER_SHAPE_BOX:
    default:
      {
        double r = MIN (6.0, h / 3);

        cairo_new_sub_path (cr);
        cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
        cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
        cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
        cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
        cairo_close_path (cr);
      }
      break;
    }
}

void
dossier_render_node (cairo_t                    *cr,
                     DossierSubgraph            *subgraph,
                     DossierLayout              *layout,
                     guint                       node_index,
                     const DossierRenderOptions *options)
{
  const DossierLayoutNode *n;
  const DossierEntity *entity;
  const DossierNodeStyle *style;
  g_autoptr(PangoLayout) text = NULL;
  PangoFontDescription *font;
  int tw, th;

  g_return_if_fail (node_index < layout->nodes->len);

  n = &g_array_index (layout->nodes, DossierLayoutNode, node_index);
  entity = dossier_graph_get_entity (subgraph->graph, n->entity);
  style = dossier_style_node (entity->type, options->dark);

  node_path (cr, n, style->shape);
  set_color (cr, &style->fill);
  cairo_fill_preserve (cr);
  set_color (cr, &style->stroke);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_stroke (cr);

  text = pango_cairo_create_layout (cr);
  font = pango_font_description_new ();
  pango_font_description_set_family (font, DOSSIER_STYLE_FONT_FAMILY);
  pango_font_description_set_absolute_size (font, DOSSIER_STYLE_FONT_SIZE * PANGO_SCALE);
  pango_layout_set_font_description (text, font);
  pango_font_description_free (font);
  pango_layout_set_text (text, entity->name, -1);
  pango_layout_get_pixel_size (text, &tw, &th);

  set_color (cr, &style->text);
  cairo_move_to (cr, n->x - tw / 2.0, n->y - th / 2.0);
  pango_cairo_show_layout (cr, text);
}

void
dossier_render_edge (cairo_t                    *cr,
                     DossierSubgraph            *subgraph,
                     DossierLayout              *layout,
                     guint                       edge_index,
                     const DossierRenderOptions *options)
{
  const DossierLayoutEdge *e;
  const DossierRelation *relation;
  const DossierEdgeStyle *style;
  const DossierPoint *pts;

  g_return_if_fail (edge_index < layout->edges->len);

  e = &g_array_index (layout->edges, DossierLayoutEdge, edge_index);
  relation = dossier_graph_get_relation (subgraph->graph, e->relation);
  style = dossier_style_edge (relation->type, options->dark);
  pts = (const DossierPoint *) (gpointer) e->points->data;

  if (e->points->len < 4)
    return;

  set_color (cr, &style->color);
  cairo_set_line_width (cr, style->width);
  if (style->dash > 0)
    {
      double dash[] = { style->dash, style->dash };
      cairo_set_dash (cr, dash, 2, 0);
    }
  else
    cairo_set_dash (cr, NULL, 0, 0);

  cairo_move_to (cr, pts[0].x, pts[0].y);
  for (guint i = 1; i + 2 < e->points->len; i += 3)
    cairo_curve_to (cr, pts[i].x, pts[i].y, pts[i + 1].x, pts[i + 1].y, pts[i + 2].x, pts[i + 2].y);
  if (e->has_arrow)
    cairo_line_to (cr, e->arrow_tip.x, e->arrow_tip.y);
  cairo_stroke (cr);

  if (e->has_arrow)
    {
      DossierPoint from = pts[e->points->len - 1];
      DossierPoint tip = e->arrow_tip;
      double angle = atan2 (tip.y - from.y, tip.x - from.x);
      double len = 9.0, spread = 0.4;

      cairo_set_dash (cr, NULL, 0, 0);
      cairo_move_to (cr, tip.x, tip.y);
      cairo_line_to (cr, tip.x - len * cos (angle - spread), tip.y - len * sin (angle - spread));
      cairo_line_to (cr, tip.x - len * cos (angle + spread), tip.y - len * sin (angle + spread));
      cairo_close_path (cr);
      cairo_fill (cr);
    }
}

void
dossier_render_graph (cairo_t                    *cr,
                      DossierSubgraph            *subgraph,
                      DossierLayout              *layout,
                      const DossierRenderOptions *options)
{
  DossierRenderOptions defaults;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (subgraph != NULL);
  g_return_if_fail (layout != NULL);

  if (options == NULL)
    {
      dossier_render_options_init (&defaults);
      options = &defaults;
    }

  if (options->background)
    {
      DossierColor bg = dossier_style_background (options->dark);

      set_color (cr, &bg);
      cairo_paint (cr);
    }

  for (guint i = 0; i < layout->edges->len; i++)
    dossier_render_edge (cr, subgraph, layout, i, options);
  for (guint i = 0; i < layout->nodes->len; i++)
    dossier_render_node (cr, subgraph, layout, i, options);
}
