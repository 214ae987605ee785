/* dossier-graph-view.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-graph-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "dossier-graph-view.h"
#include "dossier-labels.h"
#include "dossier-render.h"
#include "dossier-style.h"

/* Below this many pixels per point of font, node names are unreadable and
 * only make mush: the scene then draws bare shapes. */
#define NODE_LABEL_MIN_SCALE 0.4
/* Relation labels are drawn once zoomed in this far. */
#define EDGE_LABEL_MIN_SCALE 1.2
#define EDGE_HIT_PIXELS      7.0
#define ZOOM_STEP            1.25
#define ZOOM_DURATION_US     (180 * G_TIME_SPAN_MILLISECOND)
#define SETTLE_MS            180
#define FIT_MARGIN           24.0
#define PAN_STEP             64

struct _DossierGraphView
{
  GtkWidget             parent_instance;

  /* Owned refs */
  DossierSubgraph      *subgraph;
  DossierLayout        *layout;
  /* The cached scene: a picture of the whole graph at one scale while it
   * fits in a texture, else vector tiles of which only the visible ones
   * are drawn. */
  GdkTexture           *scene_texture;
  double                scene_texture_scale;
  GPtrArray            *scene_tiles;     /* GskRenderNode, graph coordinates */
  GArray               *scene_tile_rects;  /* graphene_rect_t */
  gboolean              settled;         /* no zoom in progress */
  GArray               *tab_order;       /* guint node indices, reading order */

  /* Input controllers */
  GtkGesture           *drag;
  GtkGesture           *click;
  GtkGesture           *zoom;

  /* State */
  DossierViewTransform  transform;
  gboolean              scene_dark;
  gboolean              scene_node_labels;
  gboolean              scene_edge_labels;
  gboolean              needs_fit;
  int                   fit_inset_left;  /* pixels covered by the legend */
  int                   last_width;
  int                   last_height;
  int                   hover_node;      /* layout indices, or -1 */
  int                   hover_edge;
  int                   selected_node;
  int                   selected_edge;
  double                pointer_x;
  double                pointer_y;
  gboolean              pointer_inside;

  /* Animation: either towards a transform, or a zoom around an anchor. */
  guint                 tick_id;
  gint64                anim_start;
  DossierViewTransform  anim_from;
  DossierViewTransform  anim_to;
  gboolean              anim_anchored;
  double                anim_anchor_x;
  double                anim_anchor_y;

  DossierViewTransform  drag_origin;
  gboolean              dragging;
  double                zoom_base;
  guint                 settle_id;
};

enum {
  PROP_0,
  PROP_SELECTED_ENTITY,
  PROP_SELECTED_RELATION,
  N_PROPS
};

enum {
  SELECTION_CHANGED,
  NODE_ACTIVATED,
  RELATION_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DossierGraphView, dossier_graph_view, GTK_TYPE_WIDGET)

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static const DossierLayoutNode *
get_node (DossierGraphView *self,
          guint             index)
{
  return &g_array_index (self->layout->nodes, DossierLayoutNode, index);
}

static const DossierLayoutEdge *
get_edge (DossierGraphView *self,
          guint             index)
{
  return &g_array_index (self->layout->edges, DossierLayoutEdge, index);
}

static DossierEntity *
node_entity (DossierGraphView *self,
             guint             index)
{
  return dossier_graph_get_entity (self->subgraph->graph, get_node (self, index)->entity);
}

static DossierRelation *
edge_relation (DossierGraphView *self,
               guint             index)
{
  return dossier_graph_get_relation (self->subgraph->graph, get_edge (self, index)->relation);
}

/* A point halfway along the edge's spline, for labels and tests. */
static DossierPoint
edge_midpoint (const DossierLayoutEdge *e)
{
  const DossierPoint *p = (const DossierPoint *) (gpointer) e->points->data;
  guint n_segments;
  guint seg;
  double t = 0.5, u;
  DossierPoint r = { 0, 0 };

  if (e->points->len < 4)
    return e->points->len > 0 ? p[0] : r;

  n_segments = (e->points->len - 1) / 3;
  seg = n_segments / 2;
  if (n_segments % 2 == 0)
    t = 0.0;
  p += seg * 3;
  u = 1 - t;
  r.x = u * u * u * p[0].x + 3 * u * u * t * p[1].x + 3 * u * t * t * p[2].x + t * t * t * p[3].x;
  r.y = u * u * u * p[0].y + 3 * u * u * t * p[1].y + 3 * u * t * t * p[2].y + t * t * t * p[3].y;
  return r;
}

/* Scene */

static void
set_source (cairo_t            *cr,
            const DossierColor *c,
            double              alpha)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha * alpha);
}

/* Draws the relation label of an edge unless it would cover one already
 * placed (@placed holds graphene_rect_t), so that crowded hubs never turn
 * into a heap of words. */
static gboolean
draw_edge_label (DossierGraphView *self,
                 cairo_t          *cr,
                 guint             index,
                 gboolean          dark,
                 GArray           *placed)
{
  const DossierLayoutEdge *e = get_edge (self, index);
  DossierRelation *relation = edge_relation (self, index);
  const DossierEdgeStyle *style = dossier_style_edge (relation->type, dark);
  DossierColor bg = dossier_style_background (dark);
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontDescription *font;
  DossierPoint at = e->label;
  int w, h;

  if (at.x == 0 && at.y == 0)
    at = edge_midpoint (e);

  layout = pango_cairo_create_layout (cr);
  font = pango_font_description_new ();
  pango_font_description_set_family (font, DOSSIER_STYLE_FONT_FAMILY);
  pango_font_description_set_absolute_size (font, (DOSSIER_STYLE_FONT_SIZE - 2) * PANGO_SCALE);
  pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, dossier_relation_type_label (relation->type), -1);
  pango_layout_get_pixel_size (layout, &w, &h);

  if (placed != NULL)
    {
      graphene_rect_t rect = GRAPHENE_RECT_INIT (at.x - w / 2.0 - 2, at.y - h / 2.0, w + 4, h);

      for (guint i = 0; i < placed->len; i++)
        if (graphene_rect_intersection (&g_array_index (placed, graphene_rect_t, i), &rect, NULL))
          return FALSE;
      g_array_append_val (placed, rect);
    }

  /* A halo in the background colour keeps the label legible over lines. */
  set_source (cr, &bg, 0.85);
  cairo_rectangle (cr, at.x - w / 2.0 - 2, at.y - h / 2.0, w + 4, h);
  cairo_fill (cr);
  set_source (cr, &style->color, 1.0);
  cairo_move_to (cr, at.x - w / 2.0, at.y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
  return TRUE;
}

/* Without a label only the shape is drawn, in the shared style. */
static void
draw_bare_node (DossierGraphView *self,
                cairo_t          *cr,
                guint             index,
                gboolean          dark)
{
  const DossierLayoutNode *n = get_node (self, index);
  const DossierNodeStyle *style = dossier_style_node (node_entity (self, index)->type, dark);
  double x = n->x - n->width / 2, y = n->y - n->height / 2;

  switch (style->shape)
    {
    case DOSSIER_SHAPE_ELLIPSE:
      cairo_save (cr);
      cairo_translate (cr, n->x, n->y);
      cairo_scale (cr, n->width / 2, n->height / 2);
      cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
      cairo_restore (cr);
      break;
    case DOSSIER_SHAPE_DIAMOND:
      cairo_move_to (cr, n->x, y);
      cairo_line_to (cr, x + n->width, n->y);
      cairo_line_to (cr, n->x, y + n->height);
      cairo_line_to (cr, x, n->y);
      cairo_close_path (cr);
      break;
    case DOSSIER_SHAPE_HEXAGON:
    case DOSSIER_SHAPE_BOX:
    default:
      cairo_rectangle (cr, x, y, n->width, n->height);
      break;
    }
  set_source (cr, &style->fill, 1.0);
  cairo_fill_preserve (cr);
  set_source (cr, &style->stroke, 1.0);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
}

static void
draw_scene (DossierGraphView *self,
            cairo_t          *cr,
            gboolean          dark,
            gboolean          node_labels,
            gboolean          edge_labels)
{
  DossierRenderOptions options;

  dossier_render_options_init (&options);
  options.dark = dark;
  options.background = FALSE;
  options.edge_labels = FALSE;

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < self->layout->edges->len; i++)
    dossier_render_edge (cr, self->subgraph, self->layout, i, &options);
  if (edge_labels)
    {
      g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));

      for (guint i = 0; i < self->layout->edges->len; i++)
        draw_edge_label (self, cr, i, dark, placed);
    }
  for (guint i = 0; i < self->layout->nodes->len; i++)
    {
      if (node_labels)
        dossier_render_node (cr, self->subgraph, self->layout, i, &options);
      else
        draw_bare_node (self, cr, i, dark);
    }
}

static graphene_rect_t
layout_bounds (DossierGraphView *self)
{
  /* Graphviz's bounding box plus room for strokes and arrowheads. */
  return GRAPHENE_RECT_INIT (-16, -16, self->layout->width + 32, self->layout->height + 32);
}

#define TILE_SIZE        1024.0  /* points */
#define MAX_TEXTURE_SIDE 4096
#define MAX_TEXTURE_AREA (8 * 1024 * 1024)

static void
clear_scene (DossierGraphView *self)
{
  g_clear_object (&self->scene_texture);
  g_clear_pointer (&self->scene_tiles, g_ptr_array_unref);
  g_clear_pointer (&self->scene_tile_rects, g_array_unref);
}

static graphene_rect_t
edge_bounds (const DossierLayoutEdge *e)
{
  const DossierPoint *p = (const DossierPoint *) (gpointer) e->points->data;
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  /* The control points' hull holds the curve. */
  for (guint i = 0; i < e->points->len; i++)
    {
      x0 = MIN (x0, p[i].x); y0 = MIN (y0, p[i].y);
      x1 = MAX (x1, p[i].x); y1 = MAX (y1, p[i].y);
    }
  if (e->has_arrow)
    {
      x0 = MIN (x0, e->arrow_tip.x); y0 = MIN (y0, e->arrow_tip.y);
      x1 = MAX (x1, e->arrow_tip.x); y1 = MAX (y1, e->arrow_tip.y);
    }
  if (x0 > x1)
    return GRAPHENE_RECT_INIT (0, 0, 0, 0);
  /* Room for the stroke, the arrowhead and a label near the middle. */
  return GRAPHENE_RECT_INIT (x0 - 60, y0 - 12, x1 - x0 + 120, y1 - y0 + 24);
}

/* Zoomed out, the whole graph is one picture at the view's scale: every
 * frame is then a texture copy, whatever the number of nodes. */
static void
build_texture (DossierGraphView *self,
               gboolean          dark,
               gboolean          node_labels,
               gboolean          edge_labels,
               int               pw,
               int               ph,
               double            device_scale)
{
  graphene_rect_t bounds = layout_bounds (self);
  cairo_surface_t *surface;
  g_autoptr(GBytes) bytes = NULL;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pw, ph);
  cr = cairo_create (surface);
  cairo_scale (cr, device_scale, device_scale);
  cairo_translate (cr, -bounds.origin.x, -bounds.origin.y);
  draw_scene (self, cr, dark, node_labels, edge_labels);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Cairo's ARGB32 is GDK_MEMORY_DEFAULT: premultiplied, native order. */
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * ph);
  self->scene_texture = gdk_memory_texture_new (pw, ph, GDK_MEMORY_DEFAULT, bytes,
                                                cairo_image_surface_get_stride (surface));
  self->scene_texture_scale = self->transform.scale;
  cairo_surface_destroy (surface);
}

/* Zoomed in, a picture would be huge: the scene is cut into tiles of
 * vector drawing, and a frame replays only the tiles it shows. */
static void
build_tiles (DossierGraphView *self,
             gboolean          dark,
             gboolean          node_labels,
             gboolean          edge_labels)
{
  graphene_rect_t bounds = layout_bounds (self);
  guint cols = MAX (1, (guint) ceil (bounds.size.width / TILE_SIZE));
  guint rows = MAX (1, (guint) ceil (bounds.size.height / TILE_SIZE));
  g_autofree GPtrArray **edges_in = g_new0 (GPtrArray *, cols * rows);
  g_autofree GPtrArray **nodes_in = g_new0 (GPtrArray *, cols * rows);
  g_autofree gboolean *label_shown = g_new0 (gboolean, self->layout->edges->len);
  DossierRenderOptions options;

  dossier_render_options_init (&options);
  options.dark = dark;
  options.background = FALSE;

  /* Which labels fit is decided once for the whole graph, so that a label
   * across two tiles is drawn in both or neither. */
  if (edge_labels)
    {
      cairo_surface_t *scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
      cairo_t *cr = cairo_create (scratch);
      g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));

      for (guint i = 0; i < self->layout->edges->len; i++)
        label_shown[i] = draw_edge_label (self, cr, i, dark, placed);
      cairo_destroy (cr);
      cairo_surface_destroy (scratch);
    }

#define SPREAD(rect, array, index)                                                          \
  G_STMT_START {                                                                            \
    int c0 = CLAMP ((int) floor (((rect).origin.x - bounds.origin.x) / TILE_SIZE), 0, (int) cols - 1); \
    int c1 = CLAMP ((int) floor (((rect).origin.x + (rect).size.width - bounds.origin.x) / TILE_SIZE), 0, (int) cols - 1); \
    int r0 = CLAMP ((int) floor (((rect).origin.y - bounds.origin.y) / TILE_SIZE), 0, (int) rows - 1); \
    int r1 = CLAMP ((int) floor (((rect).origin.y + (rect).size.height - bounds.origin.y) / TILE_SIZE), 0, (int) rows - 1); \
    for (int r = r0; r <= r1; r++)                                                          \
      for (int c = c0; c <= c1; c++)                                                        \
        {                                                                                   \
          if (array[r * cols + c] == NULL)                                                  \
            array[r * cols + c] = g_ptr_array_new ();                                       \
          g_ptr_array_add (array[r * cols + c], GUINT_TO_POINTER (index));                  \
        }                                                                                   \
  } G_STMT_END

  for (guint i = 0; i < self->layout->edges->len; i++)
    {
      graphene_rect_t box = edge_bounds (get_edge (self, i));

      SPREAD (box, edges_in, i);
    }
  for (guint i = 0; i < self->layout->nodes->len; i++)
    {
      const DossierLayoutNode *n = get_node (self, i);
      graphene_rect_t box = GRAPHENE_RECT_INIT (n->x - n->width / 2 - 2, n->y - n->height / 2 - 2,
                                                n->width + 4, n->height + 4);

      SPREAD (box, nodes_in, i);
    }
#undef SPREAD

  self->scene_tiles = g_ptr_array_new_with_free_func ((GDestroyNotify) gsk_render_node_unref);
  self->scene_tile_rects = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));

  for (guint t = 0; t < cols * rows; t++)
    {
      graphene_rect_t rect = GRAPHENE_RECT_INIT (bounds.origin.x + (t % cols) * TILE_SIZE,
                                                 bounds.origin.y + (t / cols) * TILE_SIZE,
                                                 TILE_SIZE, TILE_SIZE);
      GtkSnapshot *sub;
      GskRenderNode *node;
      cairo_t *cr;

      if (edges_in[t] == NULL && nodes_in[t] == NULL)
        continue;

      sub = gtk_snapshot_new ();
      cr = gtk_snapshot_append_cairo (sub, &rect);
      cairo_rectangle (cr, rect.origin.x, rect.origin.y, rect.size.width, rect.size.height);
      cairo_clip (cr);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      if (edges_in[t] != NULL)
        {
          for (guint i = 0; i < edges_in[t]->len; i++)
            dossier_render_edge (cr, self->subgraph, self->layout,
                                 GPOINTER_TO_UINT (g_ptr_array_index (edges_in[t], i)), &options);
          for (guint i = 0; i < edges_in[t]->len; i++)
            {
              guint e = GPOINTER_TO_UINT (g_ptr_array_index (edges_in[t], i));

              if (label_shown[e])
                draw_edge_label (self, cr, e, dark, NULL);
            }
        }
      if (nodes_in[t] != NULL)
        for (guint i = 0; i < nodes_in[t]->len; i++)
          {
            guint n = GPOINTER_TO_UINT (g_ptr_array_index (nodes_in[t], i));

            if (node_labels)
              dossier_render_node (cr, self->subgraph, self->layout, n, &options);
            else
              draw_bare_node (self, cr, n, dark);
          }
      cairo_destroy (cr);

      node = gtk_snapshot_free_to_node (sub);
      if (node != NULL)
        {
          g_ptr_array_add (self->scene_tiles, node);
          g_array_append_val (self->scene_tile_rects, rect);
        }
      g_clear_pointer (&edges_in[t], g_ptr_array_unref);
      g_clear_pointer (&nodes_in[t], g_ptr_array_unref);
    }
}

static void
ensure_scene (DossierGraphView *self)
{
  graphene_rect_t bounds;
  gboolean dark = is_dark ();
  gboolean node_labels = self->transform.scale >= NODE_LABEL_MIN_SCALE;
  gboolean edge_labels = self->transform.scale >= EDGE_LABEL_MIN_SCALE;
  double device_scale;
  double pw, ph;
  gboolean fits;

  if (self->layout == NULL)
    {
      clear_scene (self);
      return;
    }

  bounds = layout_bounds (self);
  device_scale = self->transform.scale * gtk_widget_get_scale_factor (GTK_WIDGET (self));
  pw = ceil (bounds.size.width * device_scale);
  ph = ceil (bounds.size.height * device_scale);
  fits = pw <= MAX_TEXTURE_SIDE && ph <= MAX_TEXTURE_SIDE && pw * ph <= MAX_TEXTURE_AREA;

  /* While a zoom is under way the scene at hand is reused, scaled (a
   * little blurry, never slow); it is redrawn once the zoom settles. */
  if ((self->scene_texture != NULL || self->scene_tiles != NULL) &&
      self->scene_dark == dark &&
      (!self->settled ||
       (self->scene_node_labels == node_labels &&
        self->scene_edge_labels == edge_labels &&
        (self->scene_texture == NULL) == !fits &&
        (self->scene_texture == NULL ||
         G_APPROX_VALUE (self->scene_texture_scale, self->transform.scale, 1e-6)))))
    return;

  clear_scene (self);
  if (fits)
    build_texture (self, dark, node_labels, edge_labels, MAX (1, (int) pw), MAX (1, (int) ph), device_scale);
  else
    build_tiles (self, dark, node_labels, edge_labels);

  self->scene_dark = dark;
  self->scene_node_labels = node_labels;
  self->scene_edge_labels = edge_labels;
}

static void
append_scene (DossierGraphView *self,
              GtkSnapshot      *snapshot,
              int               width,
              int               height)
{
  const DossierViewTransform *t = &self->transform;

  if (self->scene_texture != NULL)
    {
      graphene_rect_t bounds = layout_bounds (self);
      int sf = gtk_widget_get_scale_factor (GTK_WIDGET (self));
      double x = t->offset_x + bounds.origin.x * t->scale;
      double y = t->offset_y + bounds.origin.y * t->scale;

      /* At the texture's own scale, land on whole device pixels so that
       * text stays sharp. */
      if (G_APPROX_VALUE (self->scene_texture_scale, t->scale, 1e-6))
        {
          x = round (x * sf) / sf;
          y = round (y * sf) / sf;
        }
      gtk_snapshot_append_texture (snapshot, self->scene_texture,
                                   &GRAPHENE_RECT_INIT (x, y,
                                                        bounds.size.width * t->scale,
                                                        bounds.size.height * t->scale));
    }
  else if (self->scene_tiles != NULL)
    {
      graphene_rect_t visible;
      double x0, y0, x1, y1;

      dossier_view_transform_to_graph (t, 0, 0, &x0, &y0);
      dossier_view_transform_to_graph (t, width, height, &x1, &y1);
      visible = GRAPHENE_RECT_INIT (x0, y0, x1 - x0, y1 - y0);

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (t->offset_x, t->offset_y));
      gtk_snapshot_scale (snapshot, t->scale, t->scale);
      for (guint i = 0; i < self->scene_tiles->len; i++)
        if (graphene_rect_intersection (&g_array_index (self->scene_tile_rects, graphene_rect_t, i), &visible, NULL))
          gtk_snapshot_append_node (snapshot, g_ptr_array_index (self->scene_tiles, i));
      gtk_snapshot_restore (snapshot);
    }
}

static gboolean
settle_cb (gpointer data)
{
  DossierGraphView *self = data;

  self->settle_id = 0;
  self->settled = TRUE;
  /* ensure_scene() redraws the scene for the new scale if needed. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

static void
transform_changed (DossierGraphView *self)
{
  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->settled = FALSE;
  self->settle_id = g_timeout_add (SETTLE_MS, settle_cb, self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Drawing */

static void
accent_color (GdkRGBA *rgba)
{
  if (is_dark ())
    gdk_rgba_parse (rgba, "#78aeed");
  else
    gdk_rgba_parse (rgba, "#1c71d8");
}

static gboolean
edge_touches (DossierGraphView *self,
              guint             edge,
              int               node)
{
  const DossierLayoutEdge *e = get_edge (self, edge);

  return node >= 0 && (e->tail == (guint) node || e->head == (guint) node);
}

/* GTK 4.8's gtk_snapshot_append_cairo() scales the translation of the
 * current transform twice, so cairo content is recorded at identity and
 * the finished node is appended under the view transform instead. */
static cairo_t *
begin_cairo (GtkSnapshot           **sub,
             const graphene_rect_t  *bounds)
{
  *sub = gtk_snapshot_new ();
  return gtk_snapshot_append_cairo (*sub, bounds);
}

static void
end_cairo (GtkSnapshot *snapshot,
           GtkSnapshot *sub,
           cairo_t     *cr)
{
  GskRenderNode *node;

  cairo_destroy (cr);
  node = gtk_snapshot_free_to_node (sub);
  if (node != NULL)
    {
      gtk_snapshot_append_node (snapshot, node);
      gsk_render_node_unref (node);
    }
}

static void
draw_highlight (DossierGraphView *self,
                GtkSnapshot      *snapshot,
                int               focus_node,
                int               focus_edge)
{
  DossierRenderOptions options;
  graphene_rect_t bounds = layout_bounds (self);
  gboolean dark = is_dark ();
  g_autoptr(GHashTable) near = g_hash_table_new (NULL, NULL);
  GtkSnapshot *sub;
  cairo_t *cr;

  dossier_render_options_init (&options);
  options.dark = dark;
  options.background = FALSE;

  cr = begin_cairo (&sub, &bounds);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  if (focus_node >= 0)
    {
      g_hash_table_add (near, GINT_TO_POINTER (focus_node));
      for (guint i = 0; i < self->layout->edges->len; i++)
        if (edge_touches (self, i, focus_node))
          {
            const DossierLayoutEdge *e = get_edge (self, i);

            dossier_render_edge (cr, self->subgraph, self->layout, i, &options);
            g_hash_table_add (near, GUINT_TO_POINTER (e->tail));
            g_hash_table_add (near, GUINT_TO_POINTER (e->head));
          }
      g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));

      for (guint i = 0; i < self->layout->edges->len; i++)
        if (edge_touches (self, i, focus_node))
          draw_edge_label (self, cr, i, dark, placed);
    }
  else if (focus_edge >= 0)
    {
      const DossierLayoutEdge *e = get_edge (self, focus_edge);

      dossier_render_edge (cr, self->subgraph, self->layout, focus_edge, &options);
      draw_edge_label (self, cr, focus_edge, dark, NULL);
      g_hash_table_add (near, GUINT_TO_POINTER (e->tail));
      g_hash_table_add (near, GUINT_TO_POINTER (e->head));
    }

  for (guint i = 0; i < self->layout->nodes->len; i++)
    if (g_hash_table_contains (near, GUINT_TO_POINTER (i)))
      dossier_render_node (cr, self->subgraph, self->layout, i, &options);

  end_cairo (snapshot, sub, cr);
}

static void
draw_selection (DossierGraphView *self,
                GtkSnapshot      *snapshot)
{
  graphene_rect_t bounds = layout_bounds (self);
  double px = 1.0 / self->transform.scale;  /* one pixel in points */
  GdkRGBA accent;
  GtkSnapshot *sub;
  cairo_t *cr;

  if (self->selected_node < 0 && self->selected_edge < 0)
    return;

  accent_color (&accent);
  cr = begin_cairo (&sub, &bounds);
  gdk_cairo_set_source_rgba (cr, &accent);

  if (self->selected_node >= 0)
    {
      const DossierLayoutNode *n = get_node (self, self->selected_node);
      double pad = 4 * px;
      double x = n->x - n->width / 2 - pad, y = n->y - n->height / 2 - pad;
      double w = n->width + 2 * pad, h = n->height + 2 * pad, r = MIN (8 * px + pad, h / 2);

      cairo_new_sub_path (cr);
      cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
      cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
      cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
      cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
      cairo_close_path (cr);
      cairo_set_line_width (cr, 3 * px);
      cairo_stroke (cr);
    }
  else
    {
      const DossierLayoutEdge *e = get_edge (self, self->selected_edge);
      const DossierPoint *p = (const DossierPoint *) (gpointer) e->points->data;

      if (e->points->len >= 4)
        {
          cairo_move_to (cr, p[0].x, p[0].y);
          for (guint i = 1; i + 2 < e->points->len; i += 3)
            cairo_curve_to (cr, p[i].x, p[i].y, p[i + 1].x, p[i + 1].y, p[i + 2].x, p[i + 2].y);
          if (e->has_arrow)
            cairo_line_to (cr, e->arrow_tip.x, e->arrow_tip.y);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          cairo_set_line_width (cr, 6 * px);
          cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.45);
          cairo_stroke (cr);
        }
    }
  end_cairo (snapshot, sub, cr);
}

static void
dossier_graph_view_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  DossierGraphView *self = DOSSIER_GRAPH_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  DossierColor bgc = dossier_style_background (is_dark ());
  GdkRGBA bg = { bgc.red, bgc.green, bgc.blue, 1.0 };
  int focus_node = -1, focus_edge = -1;

  gtk_snapshot_append_color (snapshot, &bg, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (self->layout == NULL || self->layout->nodes->len == 0)
    return;

  ensure_scene (self);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  append_scene (self, snapshot, width, height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (self->transform.offset_x, self->transform.offset_y));
  gtk_snapshot_scale (snapshot, self->transform.scale, self->transform.scale);
  draw_selection (self, snapshot);
  gtk_snapshot_restore (snapshot);

  /* Hovering wins over the selection for what is highlighted, so that a
   * person can look around while keeping the passages of the selection. */
  if (self->hover_node >= 0)
    focus_node = self->hover_node;
  else if (self->hover_edge >= 0)
    focus_edge = self->hover_edge;
  else if (self->selected_node >= 0)
    focus_node = self->selected_node;
  else if (self->selected_edge >= 0)
    focus_edge = self->selected_edge;

  if (focus_node >= 0 || focus_edge >= 0)
    {
      GdkRGBA dim = bg;

      dim.alpha = 0.7;
      gtk_snapshot_append_color (snapshot, &dim, &GRAPHENE_RECT_INIT (0, 0, width, height));
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (self->transform.offset_x, self->transform.offset_y));
      gtk_snapshot_scale (snapshot, self->transform.scale, self->transform.scale);
      draw_highlight (self, snapshot, focus_node, focus_edge);
      draw_selection (self, snapshot);
      gtk_snapshot_restore (snapshot);
    }

  gtk_snapshot_pop (snapshot);

  if (gtk_widget_has_visible_focus (widget))
    {
      GdkRGBA accent;
      float w[4] = { 2, 2, 2, 2 };
      GdkRGBA c[4];

      accent_color (&accent);
      accent.alpha = 0.6;
      for (guint i = 0; i < 4; i++)
        c[i] = accent;
      gtk_snapshot_append_border (snapshot,
                                  &GSK_ROUNDED_RECT_INIT (1, 1, width - 2, height - 2),
                                  w, c);
    }
}

/* Size */

static void
dossier_graph_view_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  *minimum = 120;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 800 : 600;
  *minimum_baseline = -1;
  *natural_baseline = -1;
}

static void
dossier_graph_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  DossierGraphView *self = DOSSIER_GRAPH_VIEW (widget);

  if (self->needs_fit && self->layout != NULL && width > 1 && height > 1)
    {
      self->needs_fit = FALSE;
      dossier_graph_view_zoom_fit (self, FALSE);
    }
  else if (self->last_width > 1 && self->last_height > 1 &&
           (width != self->last_width || height != self->last_height))
    {
      double dx = (width - self->last_width) / 2.0;
      double dy = (height - self->last_height) / 2.0;

      /* What was in the middle stays in the middle when a bar opens or
       * the window is resized, including where an animation is going. */
      dossier_view_transform_pan (&self->transform, dx, dy);
      dossier_view_transform_pan (&self->anim_from, dx, dy);
      dossier_view_transform_pan (&self->anim_to, dx, dy);
      self->anim_anchor_x += dx;
      self->anim_anchor_y += dy;
    }
  self->last_width = width;
  self->last_height = height;
}

/* Animation */

static void
stop_animation (DossierGraphView *self)
{
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  DossierGraphView *self = DOSSIER_GRAPH_VIEW (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double t = (double) (now - self->anim_start) / ZOOM_DURATION_US;
  double eased;

  t = CLAMP (t, 0.0, 1.0);
  eased = 1 - pow (1 - t, 3);   /* ease-out cubic */

  if (self->anim_anchored)
    {
      double s = exp (log (self->anim_from.scale) +
                      (log (self->anim_to.scale) - log (self->anim_from.scale)) * eased);

      dossier_view_transform_zoom_at (&self->transform, s, self->anim_anchor_x, self->anim_anchor_y);
    }
  else
    dossier_view_transform_interpolate (&self->anim_from, &self->anim_to, eased, &self->transform);

  transform_changed (self);

  if (t >= 1.0)
    {
      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
can_animate (DossierGraphView *self)
{
  gboolean enabled = TRUE;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return FALSE;
  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &enabled, NULL);
  return enabled;
}

static void
animate_to (DossierGraphView           *self,
            const DossierViewTransform *target,
            gboolean                    animate)
{
  stop_animation (self);

  if (!animate || !can_animate (self))
    {
      self->transform = *target;
      transform_changed (self);
      return;
    }

  self->anim_from = self->transform;
  self->anim_to = *target;
  self->anim_anchored = FALSE;
  self->anim_start = g_get_monotonic_time ();
  {
    GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
    if (clock != NULL)
      self->anim_start = gdk_frame_clock_get_frame_time (clock);
  }
  self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
}

void
dossier_graph_view_zoom_by (DossierGraphView *self,
                            double            factor,
                            double            x,
                            double            y,
                            gboolean          animate)
{
  double target;

  g_return_if_fail (DOSSIER_IS_GRAPH_VIEW (self));

  /* Successive wheel steps accumulate on the scale being animated to. */
  if (self->tick_id != 0 && self->anim_anchored)
    target = self->anim_to.scale * factor;
  else
    target = self->transform.scale * factor;
  target = CLAMP (target, DOSSIER_VIEW_MIN_SCALE, DOSSIER_VIEW_MAX_SCALE);

  stop_animation (self);

  if (!animate || !can_animate (self))
    {
      dossier_view_transform_zoom_at (&self->transform, target, x, y);
      transform_changed (self);
      return;
    }

  self->anim_from = self->transform;
  self->anim_to = self->transform;
  self->anim_to.scale = target;
  self->anim_anchored = TRUE;
  self->anim_anchor_x = x;
  self->anim_anchor_y = y;
  {
    GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
    self->anim_start = clock ? gdk_frame_clock_get_frame_time (clock) : g_get_monotonic_time ();
  }
  self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
}

void
dossier_graph_view_zoom_fit (DossierGraphView *self,
                             gboolean          animate)
{
  DossierViewTransform target;
  int width, height;

  g_return_if_fail (DOSSIER_IS_GRAPH_VIEW (self));

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  if (self->layout == NULL || width <= 1 || height <= 1)
    {
      self->needs_fit = TRUE;
      return;
    }

  target = self->transform;
  /* Small graphs are not blown up past 100%: text would look bloated. */
  dossier_view_transform_fit (&target, self->layout->width, self->layout->height,
                              MAX (width / 2, width - self->fit_inset_left), height, FIT_MARGIN, 1.0);
  target.offset_x += width - MAX (width / 2, width - self->fit_inset_left);
  animate_to (self, &target, animate);
}

/* Selection */

static void
update_accessible (DossierGraphView *self)
{
  g_autofree char *label = NULL;

  if (self->selected_node >= 0)
    {
      DossierEntity *entity = node_entity (self, self->selected_node);
      g_autofree char *summary = dossier_entity_summary (entity);

      /* TRANSLATORS: accessible label: name, type, "N mentions in M articles" */
      label = g_strdup_printf (_("Relationship graph, selected: %s, %s, %s"),
                               entity->name, dossier_entity_type_label (entity->type), summary);
    }
  else if (self->selected_edge >= 0)
    {
      DossierRelation *relation = edge_relation (self, self->selected_edge);
      DossierGraph *graph = self->subgraph->graph;

      /* TRANSLATORS: accessible label: source, relation, target, passages */
      label = g_strdup_printf (_("Relationship graph, selected: %s %s %s, %u passages"),
                               dossier_graph_get_entity (graph, relation->source)->name,
                               dossier_relation_type_label (relation->type),
                               dossier_graph_get_entity (graph, relation->target)->name,
                               relation->evidence->len);
    }
  else if (self->layout != NULL)
    label = g_strdup_printf (_("Relationship graph, %u actors, %u relations"),
                             self->layout->nodes->len, self->layout->edges->len);
  else
    label = g_strdup (_("Relationship graph"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
set_selection (DossierGraphView *self,
               int               node,
               int               edge)
{
  int old_entity, old_relation;

  if (node == self->selected_node && edge == self->selected_edge)
    return;

  old_entity = dossier_graph_view_get_selected_entity (self);
  old_relation = dossier_graph_view_get_selected_relation (self);
  self->selected_node = node;
  self->selected_edge = edge;

  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (old_entity != dossier_graph_view_get_selected_entity (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ENTITY]);
  if (old_relation != dossier_graph_view_get_selected_relation (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_RELATION]);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

/* Keeps a node in view when the keyboard moved the selection to it. */
static void
ensure_node_visible (DossierGraphView *self,
                     guint             index)
{
  const DossierLayoutNode *n = get_node (self, index);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double x0, y0, x1, y1;

  dossier_view_transform_to_widget (&self->transform, n->x - n->width / 2, n->y - n->height / 2, &x0, &y0);
  dossier_view_transform_to_widget (&self->transform, n->x + n->width / 2, n->y + n->height / 2, &x1, &y1);
  if (x0 < 0 || y0 < 0 || x1 > width || y1 > height)
    dossier_graph_view_center_on_entity (self, n->entity, TRUE);
}

static void
hit_test (DossierGraphView *self,
          double            x,
          double            y,
          int              *node,
          int              *edge)
{
  double gx, gy;

  *node = -1;
  *edge = -1;
  if (self->layout == NULL)
    return;

  dossier_view_transform_to_graph (&self->transform, x, y, &gx, &gy);
  *node = dossier_layout_node_at (self->layout, gx, gy);
  if (*node < 0)
    *edge = dossier_layout_edge_at (self->layout, gx, gy, EDGE_HIT_PIXELS / self->transform.scale);
}

/* Input */

static void
click_pressed_cb (DossierGraphView *self,
                  int               n_press,
                  double            x,
                  double            y,
                  GtkGestureClick  *gesture)
{
  int node, edge;

  gtk_widget_grab_focus (GTK_WIDGET (self));

  if (n_press != 2)
    return;

  hit_test (self, x, y, &node, &edge);
  if (node >= 0)
    {
      set_selection (self, node, -1);
      g_signal_emit (self, signals[NODE_ACTIVATED], 0, get_node (self, node)->entity);
    }
  else if (edge >= 0)
    {
      set_selection (self, -1, edge);
      g_signal_emit (self, signals[RELATION_ACTIVATED], 0, get_edge (self, edge)->relation);
    }
  else
    dossier_graph_view_zoom_by (self, ZOOM_STEP * ZOOM_STEP, x, y, TRUE);
}

static void
click_released_cb (DossierGraphView *self,
                   int               n_press,
                   double            x,
                   double            y,
                   GtkGestureClick  *gesture)
{
  int node, edge;

  if (n_press != 1 || self->dragging)
    return;

  hit_test (self, x, y, &node, &edge);
  set_selection (self, node, edge);
}

static void
drag_begin_cb (DossierGraphView *self,
               double            x,
               double            y,
               GtkGestureDrag   *gesture)
{
  self->drag_origin = self->transform;
  self->dragging = FALSE;
}

static void
drag_update_cb (DossierGraphView *self,
                double            dx,
                double            dy,
                GtkGestureDrag   *gesture)
{
  int threshold = 8;

  if (!self->dragging)
    {
      g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-dnd-drag-threshold", &threshold, NULL);
      if (dx * dx + dy * dy < (double) threshold * threshold)
        return;
      self->dragging = TRUE;
      stop_animation (self);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
    }

  self->transform = self->drag_origin;
  dossier_view_transform_pan (&self->transform, dx, dy);
  transform_changed (self);
}

static void
drag_end_cb (DossierGraphView *self,
             double            dx,
             double            dy,
             GtkGestureDrag   *gesture)
{
  /* GtkGestureClick cancels itself once the pointer moved past its own
   * threshold, so a drag never also selects. */
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
  self->dragging = FALSE;
}

static void
motion_cb (DossierGraphView         *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *motion)
{
  int node, edge;

  self->pointer_x = x;
  self->pointer_y = y;
  self->pointer_inside = TRUE;

  if (self->dragging)
    return;

  hit_test (self, x, y, &node, &edge);
  if (node != self->hover_node || edge != self->hover_edge)
    {
      self->hover_node = node;
      self->hover_edge = edge;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), node >= 0 || edge >= 0 ? "pointer" : NULL);
      gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave_cb (DossierGraphView         *self,
          GtkEventControllerMotion *motion)
{
  self->pointer_inside = FALSE;
  if (self->hover_node >= 0 || self->hover_edge >= 0)
    {
      self->hover_node = -1;
      self->hover_edge = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static gboolean
scroll_cb (DossierGraphView         *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *scroll)
{
  double x = self->pointer_x, y = self->pointer_y;

  if (!self->pointer_inside)
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }

  if (gtk_event_controller_scroll_get_unit (scroll) == GDK_SCROLL_UNIT_WHEEL)
    dossier_graph_view_zoom_by (self, pow (ZOOM_STEP, -dy), x, y, TRUE);
  else
    /* Touchpads send many small deltas: follow them directly. */
    dossier_graph_view_zoom_by (self, exp (-dy * 0.01), x, y, FALSE);

  return TRUE;
}

static void
zoom_begin_cb (DossierGraphView *self,
               GdkEventSequence *sequence,
               GtkGesture       *gesture)
{
  stop_animation (self);
  self->zoom_base = self->transform.scale;
}

static void
zoom_scale_changed_cb (DossierGraphView *self,
                       double            delta,
                       GtkGestureZoom   *gesture)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    return;
  dossier_view_transform_zoom_at (&self->transform, self->zoom_base * delta, x, y);
  transform_changed (self);
}

static gboolean
dossier_graph_view_query_tooltip (GtkWidget  *widget,
                                  int         x,
                                  int         y,
                                  gboolean    keyboard,
                                  GtkTooltip *tooltip)
{
  DossierGraphView *self = DOSSIER_GRAPH_VIEW (widget);
  g_autofree char *markup = NULL;
  int node, edge;

  if (keyboard)
    {
      node = self->selected_node;
      edge = self->selected_edge;
    }
  else
    hit_test (self, x, y, &node, &edge);

  if (node >= 0)
    {
      DossierEntity *entity = node_entity (self, node);
      g_autofree char *summary = dossier_entity_summary (entity);
      guint n_relations = 0;

      for (guint i = 0; i < self->layout->edges->len; i++)
        if (edge_touches (self, i, node))
          n_relations++;

      g_autofree char *rel = g_strdup_printf (g_dngettext (NULL, "%u relation shown", "%u relations shown", n_relations),
                                              n_relations);

      markup = g_markup_printf_escaped ("<b>%s</b>\n%s · %s\n%s",
                                        entity->name,
                                        dossier_entity_type_label (entity->type),
                                        summary, rel);
    }
  else if (edge >= 0)
    {
      DossierRelation *relation = edge_relation (self, edge);
      DossierGraph *graph = self->subgraph->graph;
      g_autofree char *passages = g_strdup_printf (g_dngettext (NULL, "%u passage", "%u passages", relation->evidence->len),
                                                   relation->evidence->len);

      markup = g_markup_printf_escaped ("<b>%s</b> %s <b>%s</b>\n%s",
                                        dossier_graph_get_entity (graph, relation->source)->name,
                                        dossier_relation_type_label (relation->type),
                                        dossier_graph_get_entity (graph, relation->target)->name,
                                        passages);
    }

  if (markup == NULL)
    return FALSE;

  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

/* Keyboard */

static void
select_step (DossierGraphView *self,
             int               step)
{
  guint n;
  int pos = -1;

  if (self->layout == NULL || self->tab_order == NULL || self->tab_order->len == 0)
    return;

  n = self->tab_order->len;
  for (guint i = 0; i < n; i++)
    if ((int) g_array_index (self->tab_order, guint, i) == self->selected_node)
      pos = i;

  if (pos < 0)
    pos = step > 0 ? 0 : n - 1;
  else
    pos = (pos + step + n) % n;

  set_selection (self, g_array_index (self->tab_order, guint, pos), -1);
  ensure_node_visible (self, self->selected_node);
}

/* Moves to the nearest node in a direction, favouring those straight
 * ahead over those off to the side. */
static void
select_direction (DossierGraphView *self,
                  int               dx,
                  int               dy)
{
  double ox, oy, best_score = G_MAXDOUBLE;
  int best = -1;

  if (self->layout == NULL || self->layout->nodes->len == 0)
    return;

  if (self->selected_node < 0)
    {
      dossier_view_transform_to_graph (&self->transform,
                                       gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                                       gtk_widget_get_height (GTK_WIDGET (self)) / 2.0,
                                       &ox, &oy);
      for (guint i = 0; i < self->layout->nodes->len; i++)
        {
          const DossierLayoutNode *n = get_node (self, i);
          double d = hypot (n->x - ox, n->y - oy);

          if (d < best_score)
            {
              best_score = d;
              best = i;
            }
        }
    }
  else
    {
      const DossierLayoutNode *from = get_node (self, self->selected_node);

      for (guint i = 0; i < self->layout->nodes->len; i++)
        {
          const DossierLayoutNode *n = get_node (self, i);
          double vx = n->x - from->x, vy = n->y - from->y;
          double along = vx * dx + vy * dy;
          double across = fabs (vx * dy - vy * dx);
          double score;

          if ((int) i == self->selected_node || along <= 0)
            continue;
          score = along + 2 * across;
          if (score < best_score)
            {
              best_score = score;
              best = i;
            }
        }
    }

  if (best >= 0)
    {
      set_selection (self, best, -1);
      ensure_node_visible (self, best);
    }
}

static void
view_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  DossierGraphView *self = DOSSIER_GRAPH_VIEW (widget);
  double cx = gtk_widget_get_width (widget) / 2.0;
  double cy = gtk_widget_get_height (widget) / 2.0;

  if (g_str_equal (action_name, "view.zoom-in"))
    dossier_graph_view_zoom_by (self, ZOOM_STEP, cx, cy, TRUE);
  else if (g_str_equal (action_name, "view.zoom-out"))
    dossier_graph_view_zoom_by (self, 1 / ZOOM_STEP, cx, cy, TRUE);
  else if (g_str_equal (action_name, "view.zoom-fit"))
    dossier_graph_view_zoom_fit (self, TRUE);
  else if (g_str_equal (action_name, "view.zoom-reset"))
    dossier_graph_view_zoom_by (self, 1.0 / self->transform.scale, cx, cy, TRUE);
  else if (g_str_equal (action_name, "view.pan"))
    {
      int dx, dy;
      DossierViewTransform target = self->transform;

      g_variant_get (param, "(ii)", &dx, &dy);
      dossier_view_transform_pan (&target, -dx * PAN_STEP, -dy * PAN_STEP);
      animate_to (self, &target, TRUE);
    }
  else if (g_str_equal (action_name, "view.select-next"))
    select_step (self, 1);
  else if (g_str_equal (action_name, "view.select-previous"))
    select_step (self, -1);
  else if (g_str_equal (action_name, "view.select-direction"))
    {
      int dx, dy;

      g_variant_get (param, "(ii)", &dx, &dy);
      select_direction (self, dx, dy);
    }
  else if (g_str_equal (action_name, "view.activate"))
    {
      if (self->selected_node >= 0)
        g_signal_emit (self, signals[NODE_ACTIVATED], 0, get_node (self, self->selected_node)->entity);
      else if (self->selected_edge >= 0)
        g_signal_emit (self, signals[RELATION_ACTIVATED], 0, get_edge (self, self->selected_edge)->relation);
    }
  else if (g_str_equal (action_name, "view.clear-selection"))
    dossier_graph_view_clear_selection (self);
}

static void
dark_changed_cb (DossierGraphView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GObject */

static void
dossier_graph_view_dispose (GObject *object)
{
  DossierGraphView *self = DOSSIER_GRAPH_VIEW (object);

  stop_animation (self);
  g_clear_handle_id (&self->settle_id, g_source_remove);
  clear_scene (self);
  g_clear_pointer (&self->layout, dossier_layout_unref);
  g_clear_pointer (&self->subgraph, dossier_subgraph_unref);
  g_clear_pointer (&self->tab_order, g_array_unref);

  G_OBJECT_CLASS (dossier_graph_view_parent_class)->dispose (object);
}

static void
dossier_graph_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DossierGraphView *self = DOSSIER_GRAPH_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ENTITY:
      g_value_set_int (value, dossier_graph_view_get_selected_entity (self));
      break;
    case PROP_SELECTED_RELATION:
      g_value_set_int (value, dossier_graph_view_get_selected_relation (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_key (GtkWidgetClass  *widget_class,
         guint            key,
         GdkModifierType  mods,
         const char      *action,
         const char      *format,
         ...)
{
  GtkShortcutTrigger *trigger = gtk_keyval_trigger_new (key, mods);
  GtkShortcutAction *act = gtk_named_action_new (action);
  GtkShortcut *shortcut = gtk_shortcut_new (trigger, act);

  if (format != NULL)
    {
      va_list args;

      va_start (args, format);
      gtk_shortcut_set_arguments (shortcut, g_variant_new_va (format, NULL, &args));
      va_end (args);
    }
  gtk_widget_class_add_shortcut (widget_class, shortcut);
  g_object_unref (shortcut);
}

static void
dossier_graph_view_class_init (DossierGraphViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct { guint key; int dx, dy; } arrows[] = {
    { GDK_KEY_Left, -1, 0 }, { GDK_KEY_Right, 1, 0 }, { GDK_KEY_Up, 0, -1 }, { GDK_KEY_Down, 0, 1 },
    { GDK_KEY_KP_Left, -1, 0 }, { GDK_KEY_KP_Right, 1, 0 }, { GDK_KEY_KP_Up, 0, -1 }, { GDK_KEY_KP_Down, 0, 1 },
  };

  object_class->dispose = dossier_graph_view_dispose;
  object_class->get_property = dossier_graph_view_get_property;

  widget_class->measure = dossier_graph_view_measure;
  widget_class->size_allocate = dossier_graph_view_size_allocate;
  widget_class->snapshot = dossier_graph_view_snapshot;
  widget_class->query_tooltip = dossier_graph_view_query_tooltip;

  properties[PROP_SELECTED_ENTITY] =
    g_param_spec_int ("selected-entity", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_RELATION] =
    g_param_spec_int ("selected-relation", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[NODE_ACTIVATED] =
    g_signal_new ("node-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[RELATION_ACTIVATED] =
    g_signal_new ("relation-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "view.zoom-in", NULL, view_action_cb);
  gtk_widget_class_install_action (widget_class, "view.zoom-out", NULL, view_action_cb);
  gtk_widget_class_install_action (widget_class, "view.zoom-fit", NULL, view_action_cb);
  gtk_widget_class_install_action (widget_class, "view.zoom-reset", NULL, view_action_cb);
  gtk_widget_class_install_action (widget_class, "view.pan", "(ii)", view_action_cb);
  gtk_widget_class_install_action (widget_class, "view.select-next", NULL, view_action_cb);
  gtk_widget_class_install_action (widget_class, "view.select-previous", NULL, view_action_cb);
  gtk_widget_class_install_action (widget_class, "view.select-direction", "(ii)", view_action_cb);
  gtk_widget_class_install_action (widget_class, "view.activate", NULL, view_action_cb);
  gtk_widget_class_install_action (widget_class, "view.clear-selection", NULL, view_action_cb);

  add_key (widget_class, GDK_KEY_plus, 0, "view.zoom-in", NULL);
  add_key (widget_class, GDK_KEY_equal, 0, "view.zoom-in", NULL);
  add_key (widget_class, GDK_KEY_KP_Add, 0, "view.zoom-in", NULL);
  add_key (widget_class, GDK_KEY_minus, 0, "view.zoom-out", NULL);
  add_key (widget_class, GDK_KEY_KP_Subtract, 0, "view.zoom-out", NULL);
  add_key (widget_class, GDK_KEY_0, 0, "view.zoom-fit", NULL);
  add_key (widget_class, GDK_KEY_KP_0, 0, "view.zoom-fit", NULL);
  add_key (widget_class, GDK_KEY_1, 0, "view.zoom-reset", NULL);
  add_key (widget_class, GDK_KEY_Tab, 0, "view.select-next", NULL);
  add_key (widget_class, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK, "view.select-previous", NULL);
  add_key (widget_class, GDK_KEY_Tab, GDK_SHIFT_MASK, "view.select-previous", NULL);
  add_key (widget_class, GDK_KEY_Return, 0, "view.activate", NULL);
  add_key (widget_class, GDK_KEY_KP_Enter, 0, "view.activate", NULL);
  add_key (widget_class, GDK_KEY_space, 0, "view.activate", NULL);
  add_key (widget_class, GDK_KEY_Escape, 0, "view.clear-selection", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    {
      add_key (widget_class, arrows[i].key, 0, "view.select-direction", "(ii)", arrows[i].dx, arrows[i].dy);
      add_key (widget_class, arrows[i].key, GDK_CONTROL_MASK, "view.pan", "(ii)", arrows[i].dx, arrows[i].dy);
    }

  gtk_widget_class_set_css_name (widget_class, "graphview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
dossier_graph_view_init (DossierGraphView *self)
{
  GtkEventController *controller;

  dossier_view_transform_init (&self->transform);
  self->hover_node = self->hover_edge = -1;
  self->selected_node = self->selected_edge = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  self->click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->click), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (self->click, "pressed", G_CALLBACK (click_pressed_cb), self);
  g_signal_connect_swapped (self->click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->click));

  self->drag = gtk_gesture_drag_new ();
  g_signal_connect_swapped (self->drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (self->drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect_swapped (self->drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drag));

  self->zoom = gtk_gesture_zoom_new ();
  g_signal_connect_swapped (self->zoom, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect_swapped (self->zoom, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->zoom));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect_swapped (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);

  update_accessible (self);
}

GtkWidget *
dossier_graph_view_new (void)
{
  return g_object_new (DOSSIER_TYPE_GRAPH_VIEW, NULL);
}

static int
compare_reading_order (gconstpointer a,
                       gconstpointer b,
                       gpointer      data)
{
  DossierGraphView *self = data;
  const DossierLayoutNode *na = get_node (self, *(const guint *) a);
  const DossierLayoutNode *nb = get_node (self, *(const guint *) b);

  /* Rows of about one node height, then left to right. */
  if (fabs (na->y - nb->y) > 18)
    return na->y < nb->y ? -1 : 1;
  if (!G_APPROX_VALUE (na->x, nb->x, 1e-6))
    return na->x < nb->x ? -1 : 1;
  return 0;
}

void
dossier_graph_view_set_graph (DossierGraphView *self,
                              DossierSubgraph  *subgraph,
                              DossierLayout    *layout)
{
  int old_entity, old_relation;
  int node = -1, edge = -1;

  g_return_if_fail (DOSSIER_IS_GRAPH_VIEW (self));
  g_return_if_fail ((subgraph == NULL) == (layout == NULL));

  old_entity = dossier_graph_view_get_selected_entity (self);
  old_relation = dossier_graph_view_get_selected_relation (self);

  stop_animation (self);
  clear_scene (self);
  g_clear_pointer (&self->layout, dossier_layout_unref);
  g_clear_pointer (&self->subgraph, dossier_subgraph_unref);
  g_clear_pointer (&self->tab_order, g_array_unref);
  self->hover_node = self->hover_edge = -1;
  self->selected_node = self->selected_edge = -1;

  if (layout != NULL)
    {
      self->subgraph = dossier_subgraph_ref (subgraph);
      self->layout = dossier_layout_ref (layout);

      self->tab_order = g_array_sized_new (FALSE, FALSE, sizeof (guint), layout->nodes->len);
      for (guint i = 0; i < layout->nodes->len; i++)
        g_array_append_val (self->tab_order, i);
      g_array_sort_with_data (self->tab_order, compare_reading_order, self);

      /* Keep the selection across a re-layout when it is still shown. */
      if (old_entity >= 0)
        node = dossier_layout_find_entity (layout, old_entity);
      else if (old_relation >= 0)
        for (guint i = 0; i < layout->edges->len; i++)
          if ((int) get_edge (self, i)->relation == old_relation)
            edge = i;
      self->selected_node = node;
      self->selected_edge = edge;
    }

  dossier_graph_view_zoom_fit (self, FALSE);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (old_entity != dossier_graph_view_get_selected_entity (self) ||
      old_relation != dossier_graph_view_get_selected_relation (self))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ENTITY]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_RELATION]);
      g_signal_emit (self, signals[SELECTION_CHANGED], 0);
    }
}

DossierSubgraph *
dossier_graph_view_get_subgraph (DossierGraphView *self)
{
  g_return_val_if_fail (DOSSIER_IS_GRAPH_VIEW (self), NULL);
  return self->subgraph;
}

DossierLayout *
dossier_graph_view_get_layout (DossierGraphView *self)
{
  g_return_val_if_fail (DOSSIER_IS_GRAPH_VIEW (self), NULL);
  return self->layout;
}

const DossierViewTransform *
dossier_graph_view_get_transform (DossierGraphView *self)
{
  g_return_val_if_fail (DOSSIER_IS_GRAPH_VIEW (self), NULL);
  return &self->transform;
}

void
dossier_graph_view_set_transform (DossierGraphView           *self,
                                  const DossierViewTransform *transform)
{
  g_return_if_fail (DOSSIER_IS_GRAPH_VIEW (self));
  g_return_if_fail (transform != NULL);

  stop_animation (self);
  self->needs_fit = FALSE;
  self->transform = *transform;
  self->transform.scale = CLAMP (self->transform.scale, DOSSIER_VIEW_MIN_SCALE, DOSSIER_VIEW_MAX_SCALE);
  transform_changed (self);
}

int
dossier_graph_view_get_selected_entity (DossierGraphView *self)
{
  g_return_val_if_fail (DOSSIER_IS_GRAPH_VIEW (self), -1);

  if (self->selected_node < 0 || self->layout == NULL)
    return -1;
  return get_node (self, self->selected_node)->entity;
}

int
dossier_graph_view_get_selected_relation (DossierGraphView *self)
{
  g_return_val_if_fail (DOSSIER_IS_GRAPH_VIEW (self), -1);

  if (self->selected_edge < 0 || self->layout == NULL)
    return -1;
  return get_edge (self, self->selected_edge)->relation;
}

gboolean
dossier_graph_view_select_entity (DossierGraphView *self,
                                  guint             entity)
{
  int node;

  g_return_val_if_fail (DOSSIER_IS_GRAPH_VIEW (self), FALSE);

  if (self->layout == NULL || (node = dossier_layout_find_entity (self->layout, entity)) < 0)
    return FALSE;
  set_selection (self, node, -1);
  return TRUE;
}

gboolean
dossier_graph_view_select_relation (DossierGraphView *self,
                                    guint             relation)
{
  g_return_val_if_fail (DOSSIER_IS_GRAPH_VIEW (self), FALSE);

  if (self->layout == NULL)
    return FALSE;
  for (guint i = 0; i < self->layout->edges->len; i++)
    if (get_edge (self, i)->relation == relation)
      {
        set_selection (self, -1, i);
        return TRUE;
      }
  return FALSE;
}

void
dossier_graph_view_clear_selection (DossierGraphView *self)
{
  g_return_if_fail (DOSSIER_IS_GRAPH_VIEW (self));

  set_selection (self, -1, -1);
}

gboolean
dossier_graph_view_center_on_entity (DossierGraphView *self,
                                     guint             entity,
                                     gboolean          animate)
{
  DossierViewTransform target;
  const DossierLayoutNode *n;
  int node;

  g_return_val_if_fail (DOSSIER_IS_GRAPH_VIEW (self), FALSE);

  if (self->layout == NULL || (node = dossier_layout_find_entity (self->layout, entity)) < 0)
    return FALSE;

  n = get_node (self, node);
  target = self->transform;
  /* Zoom in to where names are readable if the view is further out. */
  if (target.scale < 0.8)
    target.scale = 1.0;
  dossier_view_transform_center_on (&target, n->x, n->y,
                                    gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                                    gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
  self->needs_fit = FALSE;
  animate_to (self, &target, animate);
  return TRUE;
}

gboolean
dossier_graph_view_get_entity_point (DossierGraphView *self,
                                     guint             entity,
                                     double           *x,
                                     double           *y)
{
  const DossierLayoutNode *n;
  int node;

  g_return_val_if_fail (DOSSIER_IS_GRAPH_VIEW (self), FALSE);

  if (self->layout == NULL || (node = dossier_layout_find_entity (self->layout, entity)) < 0)
    return FALSE;
  n = get_node (self, node);
  dossier_view_transform_to_widget (&self->transform, n->x, n->y, x, y);
  return TRUE;
}

gboolean
dossier_graph_view_get_relation_point (DossierGraphView *self,
                                       guint             relation,
                                       double           *x,
                                       double           *y)
{
  g_return_val_if_fail (DOSSIER_IS_GRAPH_VIEW (self), FALSE);

  if (self->layout == NULL)
    return FALSE;
  for (guint i = 0; i < self->layout->edges->len; i++)
    {
      const DossierLayoutEdge *e = get_edge (self, i);

      if (e->relation == relation)
        {
          DossierPoint p = edge_midpoint (e);

          dossier_view_transform_to_widget (&self->transform, p.x, p.y, x, y);
          return TRUE;
        }
    }
  return FALSE;
}

void
dossier_graph_view_set_fit_inset (DossierGraphView *self,
                                  int               left)
{
  g_return_if_fail (DOSSIER_IS_GRAPH_VIEW (self));

  self->fit_inset_left = MAX (0, left);
}

gboolean
dossier_graph_view_has_scene (DossierGraphView *self)
{
  g_return_val_if_fail (DOSSIER_IS_GRAPH_VIEW (self), FALSE);
  return self->scene_texture != NULL || self->scene_tiles != NULL;
}
