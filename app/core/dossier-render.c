/* dossier-render.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-render"

#include "config.h"

#include <glib/gi18n-lib.h>
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
  options->pins = FALSE;
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

void
dossier_render_rounded_rect_path (cairo_t *cr,
                                  double   x,
                                  double   y,
                                  double   w,
                                  double   h,
                                  double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
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
      dossier_render_rounded_rect_path (cr, x, y, w, h, MIN (6.0, h / 3));
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

/* Both an edge and an arrowhead legend sample end in this triangle. */
static void
fill_arrow (cairo_t            *cr,
            const DossierPoint  arrow[3])
{
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_move_to (cr, arrow[0].x, arrow[0].y);
  cairo_line_to (cr, arrow[1].x, arrow[1].y);
  cairo_line_to (cr, arrow[2].x, arrow[2].y);
  cairo_close_path (cr);
  cairo_fill (cr);
}

void
dossier_render_edge_path (cairo_t                 *cr,
                          const DossierLayoutEdge *edge)
{
  const DossierPoint *pts = (const DossierPoint *) (gpointer) edge->points->data;

  cairo_new_path (cr);
  if (edge->points->len < 4)
    return;
  cairo_move_to (cr, pts[0].x, pts[0].y);
  for (guint i = 1; i + 2 < edge->points->len; i += 3)
    cairo_curve_to (cr, pts[i].x, pts[i].y, pts[i + 1].x, pts[i + 1].y, pts[i + 2].x, pts[i + 2].y);
  if (edge->has_arrow)
    cairo_line_to (cr, edge->arrow_tip.x, edge->arrow_tip.y);
}

/* The current path of @cr as SVG path data. */
static char *
path_to_svg (cairo_t *cr)
{
  cairo_path_t *path = cairo_copy_path (cr);
  GString *out = g_string_new (NULL);

  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    {
      const cairo_path_data_t *d = &path->data[i];

      if (out->len > 0 && d->header.type != CAIRO_PATH_CLOSE_PATH)
        g_string_append_c (out, ' ');
      switch (d->header.type)
        {
        case CAIRO_PATH_MOVE_TO:
          g_string_append_printf (out, "M%.2f,%.2f", d[1].point.x, d[1].point.y);
          break;
        case CAIRO_PATH_LINE_TO:
          g_string_append_printf (out, "L%.2f,%.2f", d[1].point.x, d[1].point.y);
          break;
        case CAIRO_PATH_CURVE_TO:
          g_string_append_printf (out, "C%.2f,%.2f %.2f,%.2f %.2f,%.2f",
                                  d[1].point.x, d[1].point.y, d[2].point.x, d[2].point.y,
                                  d[3].point.x, d[3].point.y);
          break;
        case CAIRO_PATH_CLOSE_PATH:
        default:
          g_string_append (out, "Z");
          break;
        }
    }
  cairo_path_destroy (path);
  return g_string_free (out, FALSE);
}

/* A context to build paths on, never drawn. */
static cairo_t *
scratch_context (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_destroy (surface);
  return cr;
}

char *
dossier_render_shape_svg_path (double       cx,
                               double       cy,
                               double       w,
                               double       h,
                               DossierShape shape)
{
  cairo_t *cr = scratch_context ();
  char *d;

  dossier_render_shape_path (cr, cx, cy, w, h, shape);
  d = path_to_svg (cr);
  cairo_destroy (cr);
  return d;
}

char *
dossier_render_edge_svg_path (const DossierLayoutEdge *edge)
{
  cairo_t *cr = scratch_context ();
  char *d;

  g_return_val_if_fail (edge != NULL, NULL);

  dossier_render_edge_path (cr, edge);
  d = path_to_svg (cr);
  cairo_destroy (cr);
  return d;
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

/* g_int64_hash() folds the two halves together (column ^ row): every
 * cell of a diagonal would share one bucket.  Mix the bits instead. */
static guint
grid_hash (gconstpointer key)
{
  return (guint) ((*(const guint64 *) key * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)) >> 32);
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

#define FLATTEN_STEPS 12

static DossierPoint
bezier_point (const DossierPoint *q,
              double              u)
{
  double v = 1 - u;

  return (DossierPoint) {
    v * v * v * q[0].x + 3 * v * v * u * q[1].x + 3 * v * u * u * q[2].x + u * u * u * q[3].x,
    v * v * v * q[0].y + 3 * v * v * u * q[1].y + 3 * v * u * u * q[2].y + u * u * u * q[3].y,
  };
}

/* The points @fractions[k] of the way along the curve, by arc length, on
 * the curve flattened into FLATTEN_STEPS segments per piece, as the
 * layout does for its label point, so that 0.5 lands on edge->label.
 * One flattening serves every fraction. */
static void
points_along (const DossierLayoutEdge *edge,
              const double            *fractions,
              guint                    n_fractions,
              DossierPoint            *out)
{
  const DossierPoint *pts = (const DossierPoint *) (gpointer) edge->points->data;
  guint n = edge->points->len < 4 ? 0 : (edge->points->len - 1) / 3 * FLATTEN_STEPS;
  g_autofree DossierPoint *flat = g_new (DossierPoint, n + 1);
  g_autofree double *walked = g_new (double, n + 1);

  if (edge->points->len == 0)
    {
      for (guint f = 0; f < n_fractions; f++)
        out[f] = (DossierPoint) { 0, 0 };
      return;
    }

  flat[0] = pts[0];
  walked[0] = 0;
  for (guint k = 1; k <= n; k++)
    {
      flat[k] = bezier_point (pts + 3 * ((k - 1) / FLATTEN_STEPS),
                              (double) ((k - 1) % FLATTEN_STEPS + 1) / FLATTEN_STEPS);
      walked[k] = walked[k - 1] + hypot (flat[k].x - flat[k - 1].x, flat[k].y - flat[k - 1].y);
    }

  for (guint f = 0; f < n_fractions; f++)
    {
      double goal = CLAMP (fractions[f], 0.0, 1.0) * walked[n];
      guint k = 1;

      out[f] = flat[0];
      while (k <= n && (walked[k] < goal || walked[k] <= walked[k - 1]))
        k++;
      if (k <= n)
        {
          double t = (goal - walked[k - 1]) / (walked[k] - walked[k - 1]);

          out[f] = (DossierPoint) { flat[k - 1].x + t * (flat[k].x - flat[k - 1].x),
                                    flat[k - 1].y + t * (flat[k].y - flat[k - 1].y) };
        }
    }
}

DossierPoint
dossier_render_edge_point_along (const DossierLayoutEdge *edge,
                                 double                   fraction)
{
  DossierPoint p = { 0, 0 };

  g_return_val_if_fail (edge != NULL, p);

  points_along (edge, &fraction, 1, &p);
  return p;
}

guint
dossier_render_relation_passages (DossierSubgraph *subgraph,
                                  guint            relation)
{
  guint lo = 0, hi = subgraph->relations->len;

  g_return_val_if_fail (subgraph != NULL, 0);

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
  return dossier_graph_get_relation (subgraph->graph, relation)->evidence->len;
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

/* Label sizes by relation type, halo included. */
typedef double LabelSizes[DOSSIER_N_RELATION_TYPES][2];

/* Along the curve from its middle outwards, after the middle itself
 * (edge->label, the layout's arc-length midpoint). */
static const double label_along[] = { 0.4, 0.6, 0.3, 0.7, 0.2, 0.8 };
#define N_LABEL_SPOTS (G_N_ELEMENTS (label_along) + 1)

static void
place_one_label (Grid                    *grid,
                 const DossierLayoutEdge *e,
                 double                   w,
                 double                   h,
                 DossierEdgeLabelPlace   *place)
{
  DossierPoint spots[N_LABEL_SPOTS] = { e->label };
  gboolean along = FALSE;

  /* On the line first; then just above or below it, still read as its
   * label.  Most labels fit at the middle: the curve is walked only for
   * those that do not. */
  for (guint c = 0; c < 3 * N_LABEL_SPOTS && !place->shown; c++)
    {
      guint k = c % N_LABEL_SPOTS;
      DossierPoint at;
      Box box;

      if (k > 0 && !along)
        {
          points_along (e, label_along, G_N_ELEMENTS (label_along), spots + 1);
          along = TRUE;
        }
      at = spots[k];

      at.y += c < N_LABEL_SPOTS ? 0 : c < 2 * N_LABEL_SPOTS ? -h * 0.6 : h * 0.6;
      box = (Box) { at.x - w / 2, at.y - h / 2, at.x + w / 2, at.y + h / 2 };
      if (grid_hits (grid, &box))
        continue;
      grid_add (grid, &box);
      *place = (DossierEdgeLabelPlace) { TRUE, at.x, at.y, w, h };
    }
}

/* Places the labels of @edges (every edge when NULL) clear of the nodes
 * and of each other, those with most passages first. */
static GArray *
place_labels (DossierSubgraph  *subgraph,
              DossierLayout    *layout,
              const LabelSizes  sizes,
              const guint      *edges,
              guint             n_edges)
{
  GArray *places = g_array_sized_new (FALSE, TRUE, sizeof (DossierEdgeLabelPlace), layout->edges->len);
  g_autofree Rank *ranks = g_new (Rank, MAX (n_edges, 1));
  Grid grid;

  grid.cells = g_hash_table_new_full (grid_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);
  g_array_set_size (places, layout->edges->len);

  /* Nodes first, with a little air around them. */
  for (guint i = 0; i < layout->nodes->len; i++)
    {
      const DossierLayoutNode *n = &g_array_index (layout->nodes, DossierLayoutNode, i);
      Box box = { n->x - n->width / 2 - 1, n->y - n->height / 2 - 1,
                  n->x + n->width / 2 + 1, n->y + n->height / 2 + 1 };

      grid_add (&grid, &box);
    }

  for (guint i = 0; i < n_edges; i++)
    {
      guint index = edges != NULL ? edges[i] : i;

      ranks[i] = (Rank) { index, dossier_render_relation_passages (subgraph, g_array_index (layout->edges, DossierLayoutEdge, index).relation) };
    }
  qsort (ranks, n_edges, sizeof (Rank), compare_rank);

  for (guint r = 0; r < n_edges; r++)
    {
      const DossierLayoutEdge *e = &g_array_index (layout->edges, DossierLayoutEdge, ranks[r].index);
      const DossierRelation *relation = dossier_graph_get_relation (subgraph->graph, e->relation);

      if (e->points->len >= 4)
        place_one_label (&grid, e, sizes[relation->type][0], sizes[relation->type][1],
                         &g_array_index (places, DossierEdgeLabelPlace, ranks[r].index));
    }

  g_hash_table_unref (grid.cells);
  return places;
}

static void
measure_relation_labels (PangoLayout *text,
                         LabelSizes   sizes)
{
  /* Twelve words in all: measure each once, not once per edge. */
  for (guint t = 0; t < DOSSIER_N_RELATION_TYPES; t++)
    {
      pango_layout_set_text (text, dossier_style_relation_label (t), -1);
      layout_size (text, &sizes[t][0], &sizes[t][1]);
      /* The halo is 2 points wider on each side. */
      sizes[t][0] += 4;
    }
}

GArray *
dossier_render_place_edge_labels (DossierSubgraph *subgraph,
                                  DossierLayout   *layout)
{
  g_autoptr(DossierRenderer) renderer = NULL;

  g_return_val_if_fail (subgraph != NULL, NULL);
  g_return_val_if_fail (layout != NULL, NULL);

  renderer = dossier_renderer_new (subgraph, layout, NULL);
  return dossier_renderer_place_labels (renderer, NULL, layout->edges->len);
}

/* The arrowhead of a sample @w points wide centred on (@cx, @cy). */
static gboolean
sample_arrow (DossierRelationType type,
              double              cx,
              double              cy,
              double              w,
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
  sample.arrow_tip = (DossierPoint) { cx + w / 2, cy };
  has = dossier_render_arrow_points (&sample, points);
  g_array_unref (sample.points);
  return has;
}

gboolean
dossier_render_legend_arrow (DossierRelationType type,
                             double              cx,
                             double              cy,
                             DossierPoint        points[3])
{
  return sample_arrow (type, cx, cy, LEGEND_SAMPLE_W, points);
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
  guint communities[DOSSIER_STYLE_N_COMMUNITY_COLORS + 1], n_communities;
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
  n_communities = dossier_render_legend_communities (subgraph, communities);
  for (guint k = 0; k < n_communities; k++)
    {
      g_autofree char *label = dossier_render_community_label (subgraph, communities[k]);
      double w, h;

      dossier_render_measure_label (context, label, &w, &h);
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

/* ---- Communities -------------------------------------------------------- */

/* One community tells nothing apart; a subgraph built by hand has none. */
static gboolean
has_communities (DossierSubgraph *subgraph)
{
  return subgraph->entity_community != NULL && subgraph->community_leaders != NULL &&
         subgraph->community_leaders->len >= 2 &&
         subgraph->entity_community->len == subgraph->entities->len;
}

static guint
community_members (DossierSubgraph *subgraph,
                   guint            community)
{
  guint n = 0;

  for (guint i = 0; i < subgraph->entities->len; i++)
    n += g_array_index (subgraph->entity_community, guint, i) == community;
  return n;
}

gboolean
dossier_render_node_halo (DossierSubgraph *subgraph,
                          guint            entity,
                          gboolean         dark,
                          DossierColor    *color,
                          guint           *community)
{
  guint c;
  int i;

  if (!has_communities (subgraph) || (i = dossier_subgraph_find_entity (subgraph, entity)) < 0)
    return FALSE;
  c = g_array_index (subgraph->entity_community, guint, i);
  /* An actor alone is no cluster: no halo. */
  if (community_members (subgraph, c) < 2)
    return FALSE;

  if (community != NULL)
    *community = c;
  *color = dossier_style_community_color (c, dark);
  return TRUE;
}

guint
dossier_render_legend_communities (DossierSubgraph *subgraph,
                                   guint            communities[DOSSIER_STYLE_N_COMMUNITY_COLORS + 1])
{
  g_autofree guint *members = NULL;
  guint n_communities, n = 0;
  gboolean other = FALSE;

  if (!has_communities (subgraph))
    return 0;

  /* Numbers come from before "this cluster only" and hiding lone actors,
   * so any of them may be missing here. */
  n_communities = subgraph->community_leaders->len;
  members = g_new0 (guint, n_communities);
  for (guint i = 0; i < subgraph->entities->len; i++)
    {
      guint c = g_array_index (subgraph->entity_community, guint, i);

      if (c < n_communities)
        members[c]++;
    }
  for (guint c = 0; c < n_communities; c++)
    if (members[c] >= 2 && c < DOSSIER_STYLE_N_COMMUNITY_COLORS)
      communities[n++] = c;
    else if (members[c] >= 2)
      other = TRUE;
  if (other)
    communities[n++] = DOSSIER_STYLE_N_COMMUNITY_COLORS;
  return n;
}

char *
dossier_render_community_label (DossierSubgraph *subgraph,
                                guint            community)
{
  const DossierEntity *leader;
  g_autofree char *name = NULL;

  g_return_val_if_fail (subgraph != NULL, NULL);

  if (community >= DOSSIER_STYLE_N_COMMUNITY_COLORS || subgraph->community_leaders == NULL ||
      community >= subgraph->community_leaders->len)
    return g_strdup (_("Other clusters"));

  leader = dossier_graph_get_entity (subgraph->graph, g_array_index (subgraph->community_leaders, guint, community));
  name = dossier_style_display_name (leader->name);
  /* TRANSLATORS: a legend row: the actors around the one named */
  return g_strdup_printf (_("Cluster: %s"), name);
}

void
dossier_render_community_sample (cairo_t  *cr,
                                 guint     community,
                                 double    cx,
                                 double    cy,
                                 double    size,
                                 gboolean  dark)
{
  DossierColor color = dossier_style_community_color (community, dark);

  g_return_if_fail (cr != NULL);

  dossier_render_shape_path (cr, cx, cy, size, size, DOSSIER_SHAPE_ELLIPSE);
  set_color (cr, &color);
  cairo_fill (cr);
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

/* ---- The renderer -------------------------------------------------------- */

struct _DossierRenderer
{
  gatomicrefcount       ref_count;
  DossierSubgraph      *subgraph;
  DossierLayout        *layout;
  DossierRenderOptions  options;
  PangoContext         *context;
  PangoLayout          *node_text;   /* node names, legend rows */
  PangoLayout          *edge_text;   /* relation labels */
  PangoLayout          *free_text;   /* titles and captions, any size */
  LabelSizes            label_sizes;
  GArray               *places;      /* DossierEdgeLabelPlace, on first use */
  DossierLabelNode     *name_nodes;  /* per layout node, names measured on first use */
  GArray               *name_places; /* DossierLabelPlace for name_zoom */
  double                name_zoom;
};

DossierRenderer *
dossier_renderer_new (DossierSubgraph            *subgraph,
                      DossierLayout              *layout,
                      const DossierRenderOptions *options)
{
  DossierRenderer *self;

  g_return_val_if_fail (subgraph != NULL, NULL);
  g_return_val_if_fail (layout != NULL, NULL);

  self = g_new0 (DossierRenderer, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->subgraph = dossier_subgraph_ref (subgraph);
  self->layout = dossier_layout_ref (layout);
  if (options != NULL)
    self->options = *options;
  else
    dossier_render_options_init (&self->options);

  self->context = dossier_render_create_context (NULL);
  self->node_text = pango_layout_new (self->context);
  set_font (self->node_text, DOSSIER_STYLE_FONT_SIZE);
  self->edge_text = pango_layout_new (self->context);
  set_font (self->edge_text, DOSSIER_RENDER_EDGE_FONT_SIZE);
  self->free_text = pango_layout_new (self->context);
  measure_relation_labels (self->edge_text, self->label_sizes);
  return self;
}

DossierRenderer *
dossier_renderer_ref (DossierRenderer *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
dossier_renderer_unref (DossierRenderer *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_clear_pointer (&self->places, g_array_unref);
  g_clear_pointer (&self->name_nodes, g_free);
  g_clear_pointer (&self->name_places, g_array_unref);
  g_clear_object (&self->node_text);
  g_clear_object (&self->edge_text);
  g_clear_object (&self->free_text);
  g_clear_object (&self->context);
  dossier_layout_unref (self->layout);
  dossier_subgraph_unref (self->subgraph);
  g_free (self);
}

const DossierRenderOptions *
dossier_renderer_get_options (DossierRenderer *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->options;
}

/* One of the cached layouts, ready to draw on @cr (its transformation
 * and target may differ from the last call's). */
static PangoLayout *
text_for (DossierRenderer *self,
          cairo_t         *cr,
          PangoLayout     *layout,
          const char      *text)
{
  pango_cairo_update_context (cr, self->context);
  pango_layout_context_changed (layout);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Draws @layout's text with its top left at (@x, @y). */
static void
show_text (cairo_t            *cr,
           PangoLayout        *layout,
           double              x,
           double              y,
           const DossierColor *color)
{
  set_color (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
}

const DossierEdgeLabelPlace *
dossier_renderer_get_label_place (DossierRenderer *self,
                                  guint            edge_index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (edge_index < self->layout->edges->len, NULL);

  if (self->places == NULL)
    self->places = place_labels (self->subgraph, self->layout, self->label_sizes,
                                 NULL, self->layout->edges->len);
  return &g_array_index (self->places, DossierEdgeLabelPlace, edge_index);
}

GArray *
dossier_renderer_place_labels (DossierRenderer *self,
                               const guint     *edges,
                               guint            n_edges)
{
  g_return_val_if_fail (self != NULL, NULL);

  return place_labels (self->subgraph, self->layout, self->label_sizes, edges, n_edges);
}

void
dossier_renderer_draw_edge (DossierRenderer *self,
                            cairo_t         *cr,
                            guint            edge_index)
{
  const DossierLayoutEdge *e;
  const DossierEdgeStyle *style;
  DossierPoint arrow[3];

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (edge_index < self->layout->edges->len);

  e = &g_array_index (self->layout->edges, DossierLayoutEdge, edge_index);
  if (e->points->len < 4)
    return;
  style = dossier_style_edge (dossier_graph_get_relation (self->subgraph->graph, e->relation)->type,
                              self->options.dark);

  dossier_render_edge_path (cr, e);
  set_color (cr, &style->color);
  cairo_set_line_width (cr, dossier_style_edge_width (style, dossier_render_relation_passages (self->subgraph, e->relation)));
  set_dash (cr, style);
  cairo_stroke (cr);
  if (dossier_render_arrow_points (e, arrow))
    fill_arrow (cr, arrow);
}

void
dossier_renderer_draw_edge_label (DossierRenderer *self,
                                  cairo_t         *cr,
                                  guint            edge_index,
                                  double           x,
                                  double           y)
{
  const DossierLayoutEdge *e;
  const DossierRelation *relation;
  DossierColor bg = dossier_style_background (self->options.dark);
  DossierColor fg;
  double tw, th;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (edge_index < self->layout->edges->len);

  e = &g_array_index (self->layout->edges, DossierLayoutEdge, edge_index);
  relation = dossier_graph_get_relation (self->subgraph->graph, e->relation);
  fg = dossier_style_edge (relation->type, self->options.dark)->color;
  tw = self->label_sizes[relation->type][0];
  th = self->label_sizes[relation->type][1];

  /* A halo of background keeps the label legible over crossing edges. */
  bg.alpha = 0.8;
  set_color (cr, &bg);
  cairo_rectangle (cr, x - tw / 2, y - th / 2, tw, th);
  cairo_fill (cr);

  fg.alpha = 1.0;
  show_text (cr, text_for (self, cr, self->edge_text, dossier_style_relation_label (relation->type)),
             x - tw / 2 + 2, y - th / 2, &fg);
}

/* A pushpin stuck in the top right corner of a pinned node: a round head
 * just outside it (clear of the view's selection ring) on a needle into
 * the corner, ringed in the background colour so that it reads on the
 * node, its halo and the lines. */
static void
draw_pin (cairo_t                 *cr,
          const DossierLayoutNode *n,
          gboolean                 dark)
{
  static const DossierColor head[2] = {
    { 0.75, 0.11, 0.16, 1.0 },  /* light: GNOME red 4 */
    { 1.00, 0.48, 0.39, 1.0 },  /* dark: red 1 */
  };
  static const DossierColor ring[2] = {
    { 1.0, 1.0, 1.0, 1.0 },
    { 0.14, 0.14, 0.14, 1.0 },
  };
  double x = n->x + n->width / 2, y = n->y - n->height / 2;

  cairo_save (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, x - 3, y + 3);
  cairo_line_to (cr, x + 3, y - 3);
  set_color (cr, &ring[!!dark]);
  cairo_set_line_width (cr, 3.4);
  cairo_stroke_preserve (cr);
  set_color (cr, &head[!!dark]);
  cairo_set_line_width (cr, 1.4);
  cairo_stroke (cr);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + 4, y - 4, 4.0, 0, 2 * G_PI);
  set_color (cr, &head[!!dark]);
  cairo_fill_preserve (cr);
  set_color (cr, &ring[!!dark]);
  cairo_set_line_width (cr, 1.2);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
dossier_renderer_draw_node (DossierRenderer *self,
                            cairo_t         *cr,
                            guint            node_index,
                            gboolean         label)
{
  const DossierLayoutNode *n;
  const DossierEntity *entity;
  const DossierNodeStyle *style;
  g_autofree char *name = NULL;
  PangoLayout *text;
  DossierColor halo;
  double tw, th;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (node_index < self->layout->nodes->len);

  n = &g_array_index (self->layout->nodes, DossierLayoutNode, node_index);
  entity = dossier_graph_get_entity (self->subgraph->graph, n->entity);
  style = dossier_style_node (entity->type, self->options.dark);

  if (dossier_render_node_halo (self->subgraph, n->entity, self->options.dark, &halo, NULL))
    {
      /* A wide stroke of the outline, half of it under the shape. */
      cairo_save (cr);
      dossier_render_shape_path (cr, n->x, n->y, n->width, n->height, n->shape);
      set_color (cr, &halo);
      cairo_set_line_width (cr, 2 * DOSSIER_STYLE_HALO_WIDTH);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
  draw_shape (cr, style, n->x, n->y, n->width, n->height);
  if (self->options.pins && n->pinned)
    draw_pin (cr, n, self->options.dark);
  if (!label)
    return;

  name = dossier_style_display_name (entity->name);
  text = text_for (self, cr, self->node_text, name);
  layout_size (text, &tw, &th);
  show_text (cr, text, n->x - tw / 2.0, n->y - th / 2.0, &style->text);
}

/* ---- Node names by priority ---------------------------------------------- */

/* What placing names needs of each node: its box, its name's size at the
 * node font and its weight, gathered once. */
static const DossierLabelNode *
name_nodes (DossierRenderer *self)
{
  DossierLayout *layout = self->layout;
  PangoContext *context;

  if (self->name_nodes != NULL)
    return self->name_nodes;

  /* A context of its own: the drawing one follows the last cairo_t. */
  context = dossier_render_create_context (NULL);
  self->name_nodes = g_new0 (DossierLabelNode, MAX (layout->nodes->len, 1));
  for (guint i = 0; i < layout->nodes->len; i++)
    {
      const DossierLayoutNode *n = &g_array_index (layout->nodes, DossierLayoutNode, i);
      const DossierEntity *entity = dossier_graph_get_entity (self->subgraph->graph, n->entity);
      int k = dossier_subgraph_find_entity (self->subgraph, n->entity);
      DossierLabelNode *node = &self->name_nodes[i];

      dossier_render_measure_label (context, entity->name, &node->text_width, &node->text_height);
      node->x = n->x;
      node->y = n->y;
      node->width = n->width;
      node->height = n->height;
      node->shape = n->shape;
      node->weight = k >= 0 ? dossier_subgraph_entity_weight (self->subgraph, k) : entity->mentions->len;
      node->role = DOSSIER_LABEL_WANTED;
    }
  g_object_unref (context);
  return self->name_nodes;
}

GArray *
dossier_renderer_place_node_labels (DossierRenderer        *self,
                                    double                  zoom,
                                    const DossierLabelRole *roles)
{
  guint n = self->layout->nodes->len;
  g_autofree DossierLabelNode *nodes = NULL;
  GArray *places;

  g_return_val_if_fail (self != NULL, NULL);

  nodes = g_memdup2 (name_nodes (self), sizeof (DossierLabelNode) * MAX (n, 1));
  for (guint i = 0; roles != NULL && i < n; i++)
    nodes[i].role = roles[i];
  places = g_array_sized_new (FALSE, TRUE, sizeof (DossierLabelPlace), n);
  g_array_set_size (places, n);
  dossier_node_labels_place (nodes, n, zoom, (DossierLabelPlace *) (gpointer) places->data);
  return places;
}

const DossierLabelPlace *
dossier_renderer_get_node_label (DossierRenderer *self,
                                 double           zoom,
                                 guint            node_index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (node_index < self->layout->nodes->len, NULL);

  if (self->name_places == NULL || self->name_zoom != zoom)
    {
      g_clear_pointer (&self->name_places, g_array_unref);
      self->name_places = dossier_renderer_place_node_labels (self, zoom, NULL);
      self->name_zoom = zoom;
    }
  return &g_array_index (self->name_places, DossierLabelPlace, node_index);
}

double
dossier_render_device_zoom (cairo_t *cr)
{
  double dx = 1, dy = 0;

  g_return_val_if_fail (cr != NULL, 1.0);

  cairo_user_to_device_distance (cr, &dx, &dy);
  return hypot (dx, dy);
}

void
dossier_renderer_draw_node_label (DossierRenderer         *self,
                                  cairo_t                 *cr,
                                  guint                    node_index,
                                  const DossierLabelPlace *place)
{
  gboolean inside = place != NULL && place->spot == DOSSIER_LABEL_INSIDE;
  const DossierEntity *entity;
  g_autofree char *name = NULL;
  DossierColor fg, bg;
  PangoLayout *text;

  g_return_if_fail (self != NULL && cr != NULL && place != NULL);
  g_return_if_fail (node_index < self->layout->nodes->len);

  if (place->spot == DOSSIER_LABEL_HIDDEN)
    return;

  entity = dossier_graph_get_entity (self->subgraph->graph,
                                     g_array_index (self->layout->nodes, DossierLayoutNode, node_index).entity);
  /* Outside its shape a name is written as the legend is, on the background. */
  fg = dossier_style_node (inside ? entity->type : DOSSIER_ENTITY_COMPANY, self->options.dark)->text;
  bg = dossier_style_background (self->options.dark);
  name = dossier_style_display_name (entity->name);

  /* Unhinted text scales exactly: the measured box, grown by font_scale. */
  cairo_save (cr);
  cairo_translate (cr, place->x, place->y);
  cairo_scale (cr, place->font_scale, place->font_scale);
  text = text_for (self, cr, self->node_text, name);
  if (!inside)
    {
      /* A halo of background keeps the name legible over lines. */
      cairo_new_path (cr);
      cairo_move_to (cr, 0, 0);
      pango_cairo_layout_path (cr, text);
      bg.alpha = 0.85;
      set_color (cr, &bg);
      cairo_set_line_width (cr, DOSSIER_NODE_LABEL_HALO * DOSSIER_STYLE_FONT_SIZE);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_stroke (cr);
    }
  show_text (cr, text, 0, 0, &fg);
  cairo_restore (cr);
}

void
dossier_render_legend_sample (cairo_t  *cr,
                              gboolean  entity,
                              guint     type,
                              double    cx,
                              double    cy,
                              double    w,
                              double    h,
                              gboolean  dark)
{
  const DossierEdgeStyle *style;
  DossierPoint arrow[3];

  g_return_if_fail (cr != NULL);

  if (entity)
    {
      draw_shape (cr, dossier_style_node (type, dark), cx, cy, w, h);
      return;
    }

  style = dossier_style_edge (type, dark);
  cairo_new_path (cr);
  set_color (cr, &style->color);
  cairo_set_line_width (cr, style->width);
  set_dash (cr, style);
  cairo_move_to (cr, cx - w / 2, cy);
  cairo_line_to (cr, cx + w / 2, cy);
  cairo_stroke (cr);
  /* The arrowhead tells "supports" from "partners with" when their
   * colours are alike. */
  if (sample_arrow (type, cx, cy, w, arrow))
    fill_arrow (cr, arrow);
}

/* The legend's rows for the clusters, the first at @row_y. */
static void
draw_legend_communities (DossierRenderer    *self,
                         cairo_t            *cr,
                         double              x,
                         double              row_y,
                         const DossierColor *fg)
{
  guint communities[DOSSIER_STYLE_N_COMMUNITY_COLORS + 1];
  guint n = dossier_render_legend_communities (self->subgraph, communities);

  for (guint k = 0; k < n; k++, row_y += LEGEND_ROW)
    {
      g_autofree char *label = dossier_render_community_label (self->subgraph, communities[k]);
      PangoLayout *text;
      double tw, th;

      dossier_render_community_sample (cr, communities[k], x + LEGEND_PAD + LEGEND_SAMPLE_W / 2, row_y,
                                       LEGEND_SAMPLE_H, self->options.dark);
      text = text_for (self, cr, self->node_text, label);
      layout_size (text, &tw, &th);
      show_text (cr, text, x + 2 * LEGEND_PAD + LEGEND_SAMPLE_W, row_y - th / 2, fg);
    }
}

void
dossier_renderer_draw_legend (DossierRenderer *self,
                              cairo_t         *cr,
                              double           x,
                              double           y)
{
  DossierColor bg = dossier_style_background (self->options.dark);
  DossierColor fg = dossier_style_node (DOSSIER_ENTITY_COMPANY, self->options.dark)->text;
  guint entity_types, relation_types;
  double width, height, row_y;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  dossier_render_legend_size (self->subgraph, self->layout, &self->options, &width, &height);
  if (width <= 0)
    return;
  dossier_render_types_present (self->subgraph, self->layout, &entity_types, &relation_types);

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
      PangoLayout *text;
      double tw, th;

      if (!((entity ? entity_types : relation_types) & (1u << type)))
        continue;

      dossier_render_legend_sample (cr, entity, type, x + LEGEND_PAD + LEGEND_SAMPLE_W / 2, row_y,
                                    LEGEND_SAMPLE_W, LEGEND_SAMPLE_H, self->options.dark);
      text = text_for (self, cr, self->node_text,
                       entity ? dossier_style_entity_label (type) : dossier_style_relation_label (type));
      layout_size (text, &tw, &th);
      show_text (cr, text, x + 2 * LEGEND_PAD + LEGEND_SAMPLE_W, row_y - th / 2, &fg);
      row_y += LEGEND_ROW;
    }
  draw_legend_communities (self, cr, x, row_y, &fg);

  cairo_restore (cr);
}

void
dossier_renderer_draw_text (DossierRenderer    *self,
                            cairo_t            *cr,
                            const char         *text,
                            double              size,
                            gboolean            bold,
                            double              x,
                            double              y,
                            const DossierColor *color)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  set_text_font (self->free_text, size, bold);
  show_text (cr, text_for (self, cr, self->free_text, valid), x, y, color);
}

void
dossier_renderer_draw (DossierRenderer *self,
                       cairo_t         *cr)
{
  DossierLayout *layout;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  layout = self->layout;
  if (self->options.background)
    {
      DossierColor bg = dossier_style_background (self->options.dark);

      set_color (cr, &bg);
      cairo_paint (cr);
    }

  /* Labels go on top of every line, under the nodes. */
  for (guint i = 0; i < layout->edges->len; i++)
    dossier_renderer_draw_edge (self, cr, i);
  for (guint i = 0; i < layout->edges->len && self->options.edge_labels; i++)
    {
      const DossierEdgeLabelPlace *place = dossier_renderer_get_label_place (self, i);

      if (place->shown)
        dossier_renderer_draw_edge_label (self, cr, i, place->x, place->y);
    }
  for (guint i = 0; i < layout->nodes->len; i++)
    dossier_renderer_draw_node (self, cr, i, FALSE);
  for (guint i = 0; i < layout->nodes->len; i++)
    dossier_renderer_draw_node_label (self, cr, i,
                                      dossier_renderer_get_node_label (self, dossier_render_device_zoom (cr), i));

  if (self->options.legend)
    dossier_renderer_draw_legend (self, cr, 0, 0);
}
