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

#define LEGEND_PAD      DOSSIER_RENDER_LEGEND_PAD
#define LEGEND_ROW      DOSSIER_RENDER_LEGEND_ROW
#define LEGEND_SAMPLE_W DOSSIER_RENDER_LEGEND_SAMPLE_W
#define LEGEND_SAMPLE_H DOSSIER_RENDER_LEGEND_SAMPLE_H

void
dossier_render_options_init (DossierRenderOptions *options)
{
  g_return_if_fail (options != NULL);

  options->dark = FALSE;
  options->background = TRUE;
  options->edge_labels = FALSE;
  options->legend = FALSE;
}

static void
set_color (cairo_t            *cr,
           const DossierColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

/* Hinting would make sizes depend on the surface (PNG vs PDF) and the
 * scale; with it off, measured and drawn text agree everywhere. */
static void
set_unhinted (PangoContext *context)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
}

static void
set_font (PangoLayout *layout,
          double       size)
{
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, DOSSIER_STYLE_FONT_FAMILY);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
}

PangoContext *
dossier_render_create_context (PangoFontMap *font_map)
{
  PangoContext *context;

  /* The default font map is per thread. */
  if (font_map == NULL)
    font_map = pango_cairo_font_map_get_default ();
  context = pango_font_map_create_context (font_map);

  set_unhinted (context);
  return context;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  *width = (double) logical.width / PANGO_SCALE;
  *height = (double) logical.height / PANGO_SCALE;
}

void
dossier_render_measure_label (PangoContext *context,
                              const char   *text,
                              double       *width,
                              double       *height)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *line = dossier_style_display_name (text);

  g_return_if_fail (PANGO_IS_CONTEXT (context));

  layout = pango_layout_new (context);
  set_font (layout, DOSSIER_STYLE_FONT_SIZE);
  pango_layout_set_text (layout, line, -1);
  layout_size (layout, width, height);
}

static const cairo_user_data_key_t text_layout_key;

/* Creating a Pango context per label dominates the cost of drawing big
 * graphs, so each cairo context keeps one layout for all its labels. */
static PangoLayout *
create_text (cairo_t    *cr,
             const char *text,
             double      size)
{
  PangoLayout *layout = cairo_get_user_data (cr, &text_layout_key);

  if (layout == NULL)
    {
      layout = pango_cairo_create_layout (cr);
      set_unhinted (pango_layout_get_context (layout));
      pango_layout_context_changed (layout);
      cairo_set_user_data (cr, &text_layout_key, layout, g_object_unref);
    }
  else
    pango_cairo_update_layout (cr, layout);

  set_font (layout, size);
  pango_layout_set_text (layout, text, -1);

  return g_object_ref (layout);
}

void
dossier_render_shape_path (cairo_t      *cr,
                           double        cx,
                           double        cy,
                           double        w,
                           double        h,
                           DossierShape  shape)
{
  double x = cx - w / 2, y = cy - h / 2;

  /* Text leaves a current point behind; an arc would join it with a line. */
  cairo_new_path (cr);

  switch (shape)
    {
    case DOSSIER_SHAPE_ELLIPSE:
      cairo_save (cr);
      cairo_translate (cr, cx, cy);
      cairo_scale (cr, w / 2, h / 2);
      cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
      cairo_restore (cr);
      cairo_close_path (cr);
      break;

    case DOSSIER_SHAPE_DIAMOND:
      cairo_move_to (cr, cx, y);
      cairo_line_to (cr, x + w, cy);
      cairo_line_to (cr, cx, y + h);
      cairo_line_to (cr, x, cy);
      cairo_close_path (cr);
      break;

    case DOSSIER_SHAPE_HEXAGON:
      cairo_move_to (cr, x + w * 0.25, y);
      cairo_line_to (cr, x + w * 0.75, y);
      cairo_line_to (cr, x + w, cy);
      cairo_line_to (cr, x + w * 0.75, y + h);
      cairo_line_to (cr, x + w * 0.25, y + h);
      cairo_line_to (cr, x, cy);
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

static void
draw_shape (cairo_t                *cr,
            const DossierNodeStyle *style,
            double                  cx,
            double                  cy,
            double                  w,
            double                  h)
{
  dossier_render_shape_path (cr, cx, cy, w, h, style->shape);
  set_color (cr, &style->fill);
  cairo_fill_preserve (cr);
  set_color (cr, &style->stroke);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_stroke (cr);
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
  g_autofree char *name = NULL;
  double tw, th;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (subgraph != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (node_index < layout->nodes->len);

  n = &g_array_index (layout->nodes, DossierLayoutNode, node_index);
  entity = dossier_graph_get_entity (subgraph->graph, n->entity);
  style = dossier_style_node (entity->type, options->dark);

  draw_shape (cr, style, n->x, n->y, n->width, n->height);

  name = dossier_style_display_name (entity->name);
  text = create_text (cr, name, DOSSIER_STYLE_FONT_SIZE);
  layout_size (text, &tw, &th);

  set_color (cr, &style->text);
  cairo_move_to (cr, n->x - tw / 2.0, n->y - th / 2.0);
  pango_cairo_show_layout (cr, text);
  cairo_new_path (cr);
}

static void
set_dash (cairo_t                *cr,
          const DossierEdgeStyle *style)
{
  if (style->dash > 0)
    {
      double dash[] = { style->dash, style->dash };
      cairo_set_dash (cr, dash, 2, 0);
    }
  else
    cairo_set_dash (cr, NULL, 0, 0);
}

static void
draw_edge_label (cairo_t                    *cr,
                 double                      x,
                 double                      y,
                 const DossierRelation      *relation,
                 const DossierEdgeStyle     *style,
                 const DossierRenderOptions *options)
{
  g_autoptr(PangoLayout) text = NULL;
  DossierColor bg = dossier_style_background (options->dark);
  DossierColor fg = style->color;
  double tw, th;

  text = create_text (cr, dossier_style_relation_label (relation->type),
                      DOSSIER_RENDER_EDGE_FONT_SIZE);
  layout_size (text, &tw, &th);

  /* A halo of background keeps the label legible over crossing edges. */
  bg.alpha = 0.8;
  set_color (cr, &bg);
  cairo_rectangle (cr, x - tw / 2 - 2, y - th / 2, tw + 4, th);
  cairo_fill (cr);

  fg.alpha = 1.0;
  set_color (cr, &fg);
  cairo_move_to (cr, x - tw / 2, y - th / 2);
  pango_cairo_show_layout (cr, text);
  cairo_new_path (cr);
}

gboolean
dossier_render_arrow_points (const DossierLayoutEdge *edge,
                             DossierPoint             points[3])
{
  DossierPoint from, tip;
  double angle, len = 9.0, spread = 0.4;

  g_return_val_if_fail (edge != NULL, FALSE);

  if (!edge->has_arrow || edge->points == NULL || edge->points->len == 0)
    return FALSE;

  from = g_array_index (edge->points, DossierPoint, edge->points->len - 1);
  tip = edge->arrow_tip;
  angle = atan2 (tip.y - from.y, tip.x - from.x);

  points[0] = tip;
  points[1] = (DossierPoint) { tip.x - len * cos (angle - spread), tip.y - len * sin (angle - spread) };
  points[2] = (DossierPoint) { tip.x - len * cos (angle + spread), tip.y - len * sin (angle + spread) };
  return TRUE;
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

  g_return_if_fail (cr != NULL);
  g_return_if_fail (subgraph != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (edge_index < layout->edges->len);

  e = &g_array_index (layout->edges, DossierLayoutEdge, edge_index);
  relation = dossier_graph_get_relation (subgraph->graph, e->relation);
  style = dossier_style_edge (relation->type, options->dark);
  pts = (const DossierPoint *) (gpointer) e->points->data;

  if (e->points->len < 4)
    return;

  cairo_new_path (cr);
  set_color (cr, &style->color);
  cairo_set_line_width (cr, style->width);
  set_dash (cr, style);

  cairo_move_to (cr, pts[0].x, pts[0].y);
  for (guint i = 1; i + 2 < e->points->len; i += 3)
    cairo_curve_to (cr, pts[i].x, pts[i].y, pts[i + 1].x, pts[i + 1].y, pts[i + 2].x, pts[i + 2].y);
  if (e->has_arrow)
    cairo_line_to (cr, e->arrow_tip.x, e->arrow_tip.y);
  cairo_stroke (cr);

  {
    DossierPoint arrow[3];

    if (dossier_render_arrow_points (e, arrow))
      {
        cairo_set_dash (cr, NULL, 0, 0);
        cairo_move_to (cr, arrow[0].x, arrow[0].y);
        cairo_line_to (cr, arrow[1].x, arrow[1].y);
        cairo_line_to (cr, arrow[2].x, arrow[2].y);
        cairo_close_path (cr);
        cairo_fill (cr);
      }
  }

  if (options->edge_labels)
    draw_edge_label (cr, e->label.x, e->label.y, relation, style, options);
}

void
dossier_render_edge_label (cairo_t                    *cr,
                           DossierSubgraph            *subgraph,
                           DossierLayout              *layout,
                           guint                       edge_index,
                           const DossierRenderOptions *options)
{
  const DossierLayoutEdge *e;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (subgraph != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (edge_index < layout->edges->len);

  e = &g_array_index (layout->edges, DossierLayoutEdge, edge_index);
  if (e->points->len < 4)
    return;
  dossier_render_edge_label_at (cr, subgraph, layout, edge_index, e->label.x, e->label.y, options);
}

void
dossier_render_edge_label_at (cairo_t                    *cr,
                              DossierSubgraph            *subgraph,
                              DossierLayout              *layout,
                              guint                       edge_index,
                              double                      x,
                              double                      y,
                              const DossierRenderOptions *options)
{
  const DossierLayoutEdge *e;
  const DossierRelation *relation;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (subgraph != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (edge_index < layout->edges->len);

  e = &g_array_index (layout->edges, DossierLayoutEdge, edge_index);
  relation = dossier_graph_get_relation (subgraph->graph, e->relation);
  draw_edge_label (cr, x, y, relation, dossier_style_edge (relation->type, options->dark), options);
}

/* ---- Edge label placement ------------------------------------------------ */

/* Rectangles in a uniform grid, so that a test looks at its neighbours
 * only: placing every label stays linear in the size of the graph. */
#define GRID_CELL 64.0

typedef struct
{
  GHashTable *cells;  /* packed cell -> GArray of Box */
} Grid;

typedef struct
{
  double x1, y1, x2, y2;
} Box;

static gint64
grid_key (int cx,
          int cy)
{
  /* Cells left of or above the origin are negative: pack their bits. */
  return (gint64) (((guint64) (guint32) cx << 32) | (guint32) cy);
}

static void
grid_add (Grid      *grid,
          const Box *box)
{
  for (int cy = (int) floor (box->y1 / GRID_CELL); cy <= (int) floor (box->y2 / GRID_CELL); cy++)
    for (int cx = (int) floor (box->x1 / GRID_CELL); cx <= (int) floor (box->x2 / GRID_CELL); cx++)
      {
        gint64 key = grid_key (cx, cy);
        GArray *boxes = g_hash_table_lookup (grid->cells, &key);

        if (boxes == NULL)
          {
            boxes = g_array_new (FALSE, FALSE, sizeof (Box));
            g_hash_table_insert (grid->cells, g_memdup2 (&key, sizeof key), boxes);
          }
        g_array_append_val (boxes, *box);
      }
}

static gboolean
grid_hits (Grid      *grid,
           const Box *box)
{
  for (int cy = (int) floor (box->y1 / GRID_CELL); cy <= (int) floor (box->y2 / GRID_CELL); cy++)
    for (int cx = (int) floor (box->x1 / GRID_CELL); cx <= (int) floor (box->x2 / GRID_CELL); cx++)
      {
        gint64 key = grid_key (cx, cy);
        GArray *boxes = g_hash_table_lookup (grid->cells, &key);

        for (guint i = 0; boxes != NULL && i < boxes->len; i++)
          {
            const Box *b = &g_array_index (boxes, Box, i);

            if (box->x1 < b->x2 && b->x1 < box->x2 && box->y1 < b->y2 && b->y1 < box->y2)
              return TRUE;
          }
      }
  return FALSE;
}

/* The point at @t (0..1) along a cubic Bézier spline of 3n+1 points. */
static DossierPoint
spline_point (const DossierLayoutEdge *e,
              double                   t)
{
  const DossierPoint *p = (const DossierPoint *) (gpointer) e->points->data;
  guint segments = (e->points->len - 1) / 3;
  guint s = MIN ((guint) (t * segments), segments - 1);
  double u = t * segments - s, v = 1 - u;
  const DossierPoint *q = p + 3 * s;

  return (DossierPoint) {
    v * v * v * q[0].x + 3 * v * v * u * q[1].x + 3 * v * u * u * q[2].x + u * u * u * q[3].x,
    v * v * v * q[0].y + 3 * v * v * u * q[1].y + 3 * v * u * u * q[2].y + u * u * u * q[3].y,
  };
}

static guint
edge_evidence (DossierSubgraph *subgraph,
               guint            relation)
{
  guint lo = 0, hi = subgraph->relations->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      guint id = g_array_index (subgraph->relations, guint, mid);

      if (id == relation)
        return g_array_index (subgraph->relation_evidence, guint, mid);
      if (id < relation)
        lo = mid + 1;
      else
        hi = mid;
    }
  return 0;
}

typedef struct
{
  guint index;
  guint evidence;
} Rank;

static int
compare_rank (gconstpointer a,
              gconstpointer b)
{
  const Rank *ra = a, *rb = b;

  if (ra->evidence != rb->evidence)
    return ra->evidence > rb->evidence ? -1 : 1;
  return ra->index < rb->index ? -1 : ra->index > rb->index;
}

GArray *
dossier_render_place_edge_labels (DossierSubgraph *subgraph,
                                  DossierLayout   *layout)
{
  /* Along the curve from its middle outwards, after Graphviz's own point. */
  static const double along[] = { 0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8 };
  PangoContext *context;
  double sizes[DOSSIER_N_RELATION_TYPES][2];
  GArray *places;
  g_autofree Rank *ranks = NULL;
  Grid grid;

  g_return_val_if_fail (subgraph != NULL, NULL);
  g_return_val_if_fail (layout != NULL, NULL);

  context = dossier_render_create_context (NULL);
  places = g_array_sized_new (FALSE, TRUE, sizeof (DossierEdgeLabelPlace), layout->edges->len);
  ranks = g_new (Rank, MAX (layout->edges->len, 1));
  grid.cells = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);
  g_array_set_size (places, layout->edges->len);

  for (guint t = 0; t < DOSSIER_N_RELATION_TYPES; t++)
    {
      g_autoptr(PangoLayout) text = pango_layout_new (context);

      set_font (text, DOSSIER_RENDER_EDGE_FONT_SIZE);
      pango_layout_set_text (text, dossier_style_relation_label (t), -1);
      layout_size (text, &sizes[t][0], &sizes[t][1]);
      /* The halo is 2 points wider on each side. */
      sizes[t][0] += 4;
    }
  g_object_unref (context);

  /* Nodes first, with a little air around them. */
  for (guint i = 0; i < layout->nodes->len; i++)
    {
      const DossierLayoutNode *n = &g_array_index (layout->nodes, DossierLayoutNode, i);
      Box box = { n->x - n->width / 2 - 1, n->y - n->height / 2 - 1,
                  n->x + n->width / 2 + 1, n->y + n->height / 2 + 1 };

      grid_add (&grid, &box);
    }

  /* The relations with most passages choose first. */
  for (guint i = 0; i < layout->edges->len; i++)
    ranks[i] = (Rank) { i, edge_evidence (subgraph, g_array_index (layout->edges, DossierLayoutEdge, i).relation) };
  qsort (ranks, layout->edges->len, sizeof (Rank), compare_rank);

  for (guint r = 0; r < layout->edges->len; r++)
    {
      const DossierLayoutEdge *e = &g_array_index (layout->edges, DossierLayoutEdge, ranks[r].index);
      DossierEdgeLabelPlace *place = &g_array_index (places, DossierEdgeLabelPlace, ranks[r].index);
      const DossierRelation *relation = dossier_graph_get_relation (subgraph->graph, e->relation);
      double w = sizes[relation->type][0], h = sizes[relation->type][1];

      if (e->points->len < 4)
        continue;

      /* On the line first; then just above or below it, still read as
       * its label. */
      for (guint c = 0; c < 3 * (G_N_ELEMENTS (along) + 1) && !place->shown; c++)
        {
          guint k = c % (G_N_ELEMENTS (along) + 1);
          DossierPoint at = k == 0 ? e->label : spline_point (e, along[k - 1]);
          Box box;

          at.y += c < G_N_ELEMENTS (along) + 1 ? 0 : c < 2 * (G_N_ELEMENTS (along) + 1) ? -h * 0.6 : h * 0.6;
          box = (Box) { at.x - w / 2, at.y - h / 2, at.x + w / 2, at.y + h / 2 };
          if (grid_hits (&grid, &box))
            continue;
          grid_add (&grid, &box);
          *place = (DossierEdgeLabelPlace) { TRUE, at.x, at.y, w, h };
        }
    }

  g_hash_table_unref (grid.cells);
  return places;
}

gboolean
dossier_render_legend_arrow (DossierRelationType type,
                             double              cx,
                             double              cy,
                             DossierPoint        points[3])
{
  DossierLayoutEdge sample = { 0 };
  DossierPoint from = { cx, cy };
  gboolean has;

  if (dossier_relation_type_is_symmetric (type))
    return FALSE;

  /* The same triangle as on the graph's edges, at the sample's end. */
  sample.points = g_array_new (FALSE, FALSE, sizeof (DossierPoint));
  g_array_append_val (sample.points, from);
  sample.has_arrow = TRUE;
  sample.arrow_tip = (DossierPoint) { cx + LEGEND_SAMPLE_W / 2, cy };
  has = dossier_render_arrow_points (&sample, points);
  g_array_unref (sample.points);
  return has;
}

void
dossier_render_types_present (DossierSubgraph *subgraph,
                              DossierLayout   *layout,
                              guint           *entity_types,
                              guint           *relation_types)
{
  *entity_types = 0;
  *relation_types = 0;

  for (guint i = 0; i < layout->nodes->len; i++)
    {
      guint id = g_array_index (layout->nodes, DossierLayoutNode, i).entity;
      *entity_types |= 1u << dossier_graph_get_entity (subgraph->graph, id)->type;
    }
  for (guint i = 0; i < layout->edges->len; i++)
    {
      guint id = g_array_index (layout->edges, DossierLayoutEdge, i).relation;
      *relation_types |= 1u << dossier_graph_get_relation (subgraph->graph, id)->type;
    }
}

void
dossier_render_legend_size (DossierSubgraph            *subgraph,
                            DossierLayout              *layout,
                            const DossierRenderOptions *options,
                            double                     *width,
                            double                     *height)
{
  PangoContext *context = dossier_render_create_context (NULL);
  guint entity_types, relation_types;
  double text_width = 0;
  guint rows = 0;

  dossier_render_types_present (subgraph, layout, &entity_types, &relation_types);

  for (guint t = 0; t < DOSSIER_N_ENTITY_TYPES + DOSSIER_N_RELATION_TYPES; t++)
    {
      gboolean entity = t < DOSSIER_N_ENTITY_TYPES;
      guint type = entity ? t : t - DOSSIER_N_ENTITY_TYPES;
      double w, h;

      if (!((entity ? entity_types : relation_types) & (1u << type)))
        continue;

      dossier_render_measure_label (context,
                                    entity ? dossier_style_entity_label (type)
                                           : dossier_style_relation_label (type),
                                    &w, &h);
      text_width = MAX (text_width, w);
      rows++;
    }
  g_object_unref (context);

  if (rows == 0)
    {
      *width = *height = 0;
      return;
    }

  *width = 3 * LEGEND_PAD + LEGEND_SAMPLE_W + text_width;
  *height = 2 * LEGEND_PAD + rows * LEGEND_ROW;
}

void
dossier_render_legend (cairo_t                    *cr,
                       DossierSubgraph            *subgraph,
                       DossierLayout              *layout,
                       const DossierRenderOptions *options,
                       double                      x,
                       double                      y)
{
  DossierColor bg = dossier_style_background (options->dark);
  DossierColor fg = dossier_style_node (DOSSIER_ENTITY_COMPANY, options->dark)->text;
  guint entity_types, relation_types;
  double width, height;
  double row_y;

  g_return_if_fail (cr != NULL);

  dossier_render_legend_size (subgraph, layout, options, &width, &height);
  if (width <= 0)
    return;
  dossier_render_types_present (subgraph, layout, &entity_types, &relation_types);

  cairo_save (cr);
  cairo_new_path (cr);
  bg.alpha = 0.9;
  set_color (cr, &bg);
  cairo_rectangle (cr, x, y, width, height);
  cairo_fill_preserve (cr);
  fg.alpha = 0.4;
  set_color (cr, &fg);
  cairo_set_line_width (cr, 0.8);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_stroke (cr);
  fg.alpha = 1.0;

  row_y = y + LEGEND_PAD + LEGEND_ROW / 2;
  for (guint t = 0; t < DOSSIER_N_ENTITY_TYPES + DOSSIER_N_RELATION_TYPES; t++)
    {
      gboolean entity = t < DOSSIER_N_ENTITY_TYPES;
      guint type = entity ? t : t - DOSSIER_N_ENTITY_TYPES;
      double sx = x + LEGEND_PAD + LEGEND_SAMPLE_W / 2;
      g_autoptr(PangoLayout) text = NULL;
      double tw, th;

      if (!((entity ? entity_types : relation_types) & (1u << type)))
        continue;

      if (entity)
        draw_shape (cr, dossier_style_node (type, options->dark), sx, row_y,
                    LEGEND_SAMPLE_W, LEGEND_SAMPLE_H);
      else
        {
          const DossierEdgeStyle *style = dossier_style_edge (type, options->dark);

          cairo_new_path (cr);
          set_color (cr, &style->color);
          cairo_set_line_width (cr, style->width);
          set_dash (cr, style);
          DossierPoint arrow[3];

          cairo_move_to (cr, sx - LEGEND_SAMPLE_W / 2, row_y);
          cairo_line_to (cr, sx + LEGEND_SAMPLE_W / 2, row_y);
          cairo_stroke (cr);
          /* The arrowhead tells "supports" from "partners with" when
           * their colours are alike. */
          if (dossier_render_legend_arrow (type, sx, row_y, arrow))
            {
              cairo_set_dash (cr, NULL, 0, 0);
              cairo_move_to (cr, arrow[0].x, arrow[0].y);
              cairo_line_to (cr, arrow[1].x, arrow[1].y);
              cairo_line_to (cr, arrow[2].x, arrow[2].y);
              cairo_close_path (cr);
              cairo_fill (cr);
            }
        }

      text = create_text (cr,
                          entity ? dossier_style_entity_label (type)
                                 : dossier_style_relation_label (type),
                          DOSSIER_STYLE_FONT_SIZE);
      layout_size (text, &tw, &th);
      set_color (cr, &fg);
      cairo_move_to (cr, x + 2 * LEGEND_PAD + LEGEND_SAMPLE_W, row_y - th / 2);
      pango_cairo_show_layout (cr, text);
      cairo_new_path (cr);

      row_y += LEGEND_ROW;
    }

  cairo_restore (cr);
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

  {
    DossierRenderOptions lines = *options;

    /* Labels go on top of every line, under the nodes. */
    lines.edge_labels = FALSE;
    for (guint i = 0; i < layout->edges->len; i++)
      dossier_render_edge (cr, subgraph, layout, i, &lines);
  }
  if (options->edge_labels)
    {
      g_autoptr(GArray) places = dossier_render_place_edge_labels (subgraph, layout);

      for (guint i = 0; i < layout->edges->len; i++)
        {
          const DossierEdgeLabelPlace *place = &g_array_index (places, DossierEdgeLabelPlace, i);

          if (place->shown)
            dossier_render_edge_label_at (cr, subgraph, layout, i, place->x, place->y, options);
        }
    }
  for (guint i = 0; i < layout->nodes->len; i++)
    dossier_render_node (cr, subgraph, layout, i, options);

  if (options->legend)
    dossier_render_legend (cr, subgraph, layout, options, 0, 0);
}

/* ---- Titles and captions ------------------------------------------------- */

static void
set_text_font (PangoLayout *layout,
               double       size,
               gboolean     bold)
{
  set_font (layout, size);
  if (bold)
    {
      PangoFontDescription *font = pango_font_description_copy (pango_layout_get_font_description (layout));

      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
    }
}

void
dossier_render_text_size (const char *text,
                          double      size,
                          gboolean    bold,
                          double     *width,
                          double     *height)
{
  PangoContext *context = dossier_render_create_context (NULL);
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  set_text_font (layout, size, bold);
  pango_layout_set_text (layout, valid, -1);
  layout_size (layout, width, height);
  g_object_unref (context);
}

void
dossier_render_text (cairo_t            *cr,
                     const char         *text,
                     double              size,
                     gboolean            bold,
                     double              x,
                     double              y,
                     const DossierColor *color)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autoptr(PangoLayout) layout = create_text (cr, valid, size);

  set_text_font (layout, size, bold);
  set_color (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
  /* create_text's shared layout must not stay bold. */
  set_font (layout, size);
}
