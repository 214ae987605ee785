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
#include <pango/pangocairo.h>

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
  GHashTable           *scene_tiles;     /* row << 32 | col -> Tile */
  double                scene_scale;
  /* The scene before the last zoom, drawn under the new one while its
   * tiles are still being drawn (a few per frame). */
  GHashTable           *prev_tiles;
  double                prev_scale;
  gboolean             *scene_label_shown;
  gboolean              settled;         /* no zoom in progress */
  guint                 more_tiles_id;

  /* Grid index of edges and nodes, for drawing tiles */
  GArray              **cell_edges;
  GArray              **cell_nodes;
  guint                 cell_cols;
  guint                 cell_rows;
  guint                *edge_stamp;
  guint                *node_stamp;
  guint                 stamp;

  /* One Pango context for every label: creating one per label (as
   * pango_cairo_create_layout() does) costs a font lookup each time. */
  PangoContext         *pango_context;
  PangoLayout          *node_text;
  PangoLayout          *edge_text;
  GArray               *tab_order;       /* guint node indices, reading order */

  /* Children */
  GtkWidget            *context_menu;
  GMenuModel           *extra_menu;      /* appended to the context menu */

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
  GArray               *also_selected;   /* more layout node indices (Ctrl+click) */
  gboolean              scene_complete;  /* the last frame drew every visible tile */
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

static PangoLayout *
text_layout (DossierGraphView *self,
             cairo_t          *cr,
             gboolean          for_edge)
{
  PangoLayout *layout;

  if (self->pango_context == NULL)
    {
      PangoFontDescription *font = pango_font_description_new ();

      /* Unhinted like the core's renderer, so labels fit the boxes that
       * layout measured for them. */
      self->pango_context = dossier_render_create_context (NULL);
      pango_font_description_set_family (font, DOSSIER_STYLE_FONT_FAMILY);
      pango_font_description_set_absolute_size (font, DOSSIER_STYLE_FONT_SIZE * PANGO_SCALE);
      self->node_text = pango_layout_new (self->pango_context);
      pango_layout_set_font_description (self->node_text, font);
      pango_font_description_set_absolute_size (font, DOSSIER_RENDER_EDGE_FONT_SIZE * PANGO_SCALE);
      pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
      self->edge_text = pango_layout_new (self->pango_context);
      pango_layout_set_font_description (self->edge_text, font);
      pango_font_description_free (font);
    }

  pango_cairo_update_context (cr, self->pango_context);
  layout = for_edge ? self->edge_text : self->node_text;
  pango_layout_context_changed (layout);
  return layout;
}

/* Placed label boxes, bucketed by CELL so that checking a new one looks
 * at its neighbours only. */
#define LABEL_CELL 128.0

static gboolean
place_label (GHashTable            *placed,
             const graphene_rect_t *rect)
{
  int c0 = (int) floor (rect->origin.x / LABEL_CELL), c1 = (int) floor ((rect->origin.x + rect->size.width) / LABEL_CELL);
  int r0 = (int) floor (rect->origin.y / LABEL_CELL), r1 = (int) floor ((rect->origin.y + rect->size.height) / LABEL_CELL);

  for (int r = r0; r <= r1; r++)
    for (int c = c0; c <= c1; c++)
      {
        gint64 key = ((gint64) r << 32) | (guint32) c;
        GArray *cell = g_hash_table_lookup (placed, &key);

        if (cell != NULL)
          for (guint i = 0; i < cell->len; i++)
            if (graphene_rect_intersection (&g_array_index (cell, graphene_rect_t, i), rect, NULL))
              return FALSE;
      }

  for (int r = r0; r <= r1; r++)
    for (int c = c0; c <= c1; c++)
      {
        gint64 key = ((gint64) r << 32) | (guint32) c;
        GArray *cell = g_hash_table_lookup (placed, &key);

        if (cell == NULL)
          {
            cell = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
            g_hash_table_insert (placed, g_memdup2 (&key, sizeof key), cell);
          }
        g_array_append_val (cell, *rect);
      }
  return TRUE;
}

static GHashTable *
placed_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);
}

/* Draws the relation label of an edge unless it would cover one already
 * placed (when @placed is given), so that crowded hubs never turn into a
 * heap of words.  @cr may be NULL-sized: only the placement counts. */
static gboolean
draw_edge_label (DossierGraphView *self,
                 cairo_t          *cr,
                 guint             index,
                 gboolean          dark,
                 GHashTable       *placed)
{
  const DossierLayoutEdge *e = get_edge (self, index);
  DossierRelation *relation = edge_relation (self, index);
  const DossierEdgeStyle *style = dossier_style_edge (relation->type, dark);
  DossierColor bg = dossier_style_background (dark);
  PangoLayout *layout = text_layout (self, cr, TRUE);
  DossierPoint at = e->label;
  int w, h;

  if (at.x == 0 && at.y == 0)
    at = edge_midpoint (e);

  pango_layout_set_text (layout, dossier_relation_type_label (relation->type), -1);
  pango_layout_get_pixel_size (layout, &w, &h);

  if (placed != NULL)
    {
      graphene_rect_t rect = GRAPHENE_RECT_INIT (at.x - w / 2.0 - 2, at.y - h / 2.0, w + 4, h);

      if (!place_label (placed, &rect))
        return FALSE;
    }

  /* A halo in the background colour keeps the label legible over lines. */
  set_source (cr, &bg, 0.85);
  cairo_rectangle (cr, at.x - w / 2.0 - 2, at.y - h / 2.0, w + 4, h);
  cairo_fill (cr);
  set_source (cr, &style->color, 1.0);
  cairo_move_to (cr, at.x - w / 2.0, at.y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
  return TRUE;
}

/* Nodes are drawn here rather than with dossier_render_node(), which
 * makes a Pango context per node (a font lookup each: 300 ms for a screen
 * of a big graph).  Shapes, colours and font come from the shared style
 * as there, so the view and the exports look alike. */
static void
draw_node (DossierGraphView *self,
           cairo_t          *cr,
           guint             index,
           gboolean          dark,
           gboolean          label)
{
  const DossierLayoutNode *n = get_node (self, index);
  DossierEntity *entity = node_entity (self, index);
  const DossierNodeStyle *style = dossier_style_node (entity->type, dark);

  dossier_render_shape_path (cr, n->x, n->y, n->width, n->height, style->shape);
  set_source (cr, &style->fill, 1.0);
  cairo_fill_preserve (cr);
  set_source (cr, &style->stroke, 1.0);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_stroke (cr);

  if (label)
    {
      PangoLayout *layout = text_layout (self, cr, FALSE);
      g_autofree char *name = dossier_style_display_name (entity->name);
      int tw, th;

      pango_layout_set_text (layout, name, -1);
      pango_layout_get_pixel_size (layout, &tw, &th);
      set_source (cr, &style->text, 1.0);
      cairo_move_to (cr, n->x - tw / 2.0, n->y - th / 2.0);
      pango_cairo_show_layout (cr, layout);
      cairo_new_path (cr);
    }
}

static graphene_rect_t
layout_bounds (DossierGraphView *self)
{
  /* Graphviz's bounding box plus room for strokes and arrowheads. */
  return GRAPHENE_RECT_INIT (-16, -16, self->layout->width + 32, self->layout->height + 32);
}

/* The scene is raster tiles of TILE_PX device pixels at the scale the
 * view had when it settled, drawn on demand and kept while only the
 * offset changes: a frame is then a few image copies, whatever the size
 * of the graph.  Items are found through a grid of CELL points. */
#define TILE_PX         128
#define CELL            256.0
#define MAX_TILES       640

typedef struct
{
  cairo_surface_t *surface;
  GdkTexture      *texture;  /* made on first use by a GPU renderer */
} Tile;

static void
tile_free (Tile *tile)
{
  cairo_surface_destroy (tile->surface);
  g_clear_object (&tile->texture);
  g_free (tile);
}

static void
clear_scene (DossierGraphView *self)
{
  g_clear_pointer (&self->scene_tiles, g_hash_table_unref);
  g_clear_pointer (&self->prev_tiles, g_hash_table_unref);
  g_clear_pointer (&self->scene_label_shown, g_free);
}

static void
clear_index (DossierGraphView *self)
{
  if (self->cell_edges != NULL)
    for (guint i = 0; i < self->cell_cols * self->cell_rows; i++)
      {
        g_clear_pointer (&self->cell_edges[i], g_array_unref);
        g_clear_pointer (&self->cell_nodes[i], g_array_unref);
      }
  g_clear_pointer (&self->cell_edges, g_free);
  g_clear_pointer (&self->cell_nodes, g_free);
  g_clear_pointer (&self->edge_stamp, g_free);
  g_clear_pointer (&self->node_stamp, g_free);
  self->cell_cols = self->cell_rows = 0;
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

static void
cell_range (DossierGraphView      *self,
            const graphene_rect_t *rect,
            int                   *c0,
            int                   *c1,
            int                   *r0,
            int                   *r1)
{
  graphene_rect_t bounds = layout_bounds (self);

  *c0 = CLAMP ((int) floor ((rect->origin.x - bounds.origin.x) / CELL), 0, (int) self->cell_cols - 1);
  *c1 = CLAMP ((int) floor ((rect->origin.x + rect->size.width - bounds.origin.x) / CELL), 0, (int) self->cell_cols - 1);
  *r0 = CLAMP ((int) floor ((rect->origin.y - bounds.origin.y) / CELL), 0, (int) self->cell_rows - 1);
  *r1 = CLAMP ((int) floor ((rect->origin.y + rect->size.height - bounds.origin.y) / CELL), 0, (int) self->cell_rows - 1);
}

static void
index_add (DossierGraphView      *self,
           GArray               **cells,
           const graphene_rect_t *rect,
           guint                  item)
{
  int c0, c1, r0, r1;

  cell_range (self, rect, &c0, &c1, &r0, &r1);
  for (int r = r0; r <= r1; r++)
    for (int c = c0; c <= c1; c++)
      {
        GArray **cell = &cells[r * self->cell_cols + c];

        if (*cell == NULL)
          *cell = g_array_new (FALSE, FALSE, sizeof (guint));
        g_array_append_val (*cell, item);
      }
}

static void
ensure_index (DossierGraphView *self)
{
  graphene_rect_t bounds;

  if (self->cell_edges != NULL || self->layout == NULL)
    return;

  bounds = layout_bounds (self);
  self->cell_cols = MAX (1, (guint) ceil (bounds.size.width / CELL));
  self->cell_rows = MAX (1, (guint) ceil (bounds.size.height / CELL));
  self->cell_edges = g_new0 (GArray *, self->cell_cols * self->cell_rows);
  self->cell_nodes = g_new0 (GArray *, self->cell_cols * self->cell_rows);
  self->edge_stamp = g_new0 (guint, self->layout->edges->len);
  self->node_stamp = g_new0 (guint, self->layout->nodes->len);

  for (guint i = 0; i < self->layout->edges->len; i++)
    {
      graphene_rect_t box = edge_bounds (get_edge (self, i));

      index_add (self, self->cell_edges, &box, i);
    }
  for (guint i = 0; i < self->layout->nodes->len; i++)
    {
      const DossierLayoutNode *n = get_node (self, i);
      graphene_rect_t box = GRAPHENE_RECT_INIT (n->x - n->width / 2 - 2, n->y - n->height / 2 - 2,
                                                n->width + 4, n->height + 4);

      index_add (self, self->cell_nodes, &box, i);
    }
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint ua = *(const guint *) a, ub = *(const guint *) b;

  return ua < ub ? -1 : ua > ub;
}

/* Items whose boxes meet @rect, each once, in drawing order. */
static GArray *
items_in (DossierGraphView      *self,
          GArray               **cells,
          guint                 *stamps,
          const graphene_rect_t *rect)
{
  GArray *items = g_array_new (FALSE, FALSE, sizeof (guint));
  int c0, c1, r0, r1;

  self->stamp++;
  cell_range (self, rect, &c0, &c1, &r0, &r1);
  for (int r = r0; r <= r1; r++)
    for (int c = c0; c <= c1; c++)
      {
        GArray *cell = cells[r * self->cell_cols + c];

        if (cell == NULL)
          continue;
        for (guint i = 0; i < cell->len; i++)
          {
            guint item = g_array_index (cell, guint, i);

            if (stamps[item] != self->stamp)
              {
                stamps[item] = self->stamp;
                g_array_append_val (items, item);
              }
          }
      }
  g_array_sort (items, compare_uint);
  return items;
}

static double
scene_device_scale (DossierGraphView *self)
{
  return self->scene_scale * gtk_widget_get_scale_factor (GTK_WIDGET (self));
}

static Tile *
render_tile (DossierGraphView *self,
             int               col,
             int               row)
{
  graphene_rect_t bounds = layout_bounds (self);
  double d = scene_device_scale (self);
  double size = TILE_PX / d;
  graphene_rect_t rect = GRAPHENE_RECT_INIT (bounds.origin.x + col * size, bounds.origin.y + row * size, size, size);
  g_autoptr(GArray) edges = NULL;
  g_autoptr(GArray) nodes = NULL;
  DossierRenderOptions options;
  Tile *tile = g_new0 (Tile, 1);
  cairo_t *cr;

  dossier_render_options_init (&options);
  options.dark = self->scene_dark;
  options.background = FALSE;

  edges = items_in (self, self->cell_edges, self->edge_stamp, &rect);
  nodes = items_in (self, self->cell_nodes, self->node_stamp, &rect);

  tile->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, TILE_PX, TILE_PX);
  cr = cairo_create (tile->surface);
  cairo_scale (cr, d, d);
  cairo_translate (cr, -rect.origin.x, -rect.origin.y);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  for (guint i = 0; i < edges->len; i++)
    dossier_render_edge (cr, self->subgraph, self->layout, g_array_index (edges, guint, i), &options);
  if (self->scene_label_shown != NULL)
    for (guint i = 0; i < edges->len; i++)
      {
        guint e = g_array_index (edges, guint, i);

        if (self->scene_label_shown[e])
          draw_edge_label (self, cr, e, self->scene_dark, NULL);
      }
  for (guint i = 0; i < nodes->len; i++)
    {
      guint n = g_array_index (nodes, guint, i);

      draw_node (self, cr, n, self->scene_dark, self->scene_node_labels);
    }
  cairo_destroy (cr);
  cairo_surface_flush (tile->surface);
  return tile;
}

static void
ensure_scene (DossierGraphView *self)
{
  gboolean dark = is_dark ();
  gboolean node_labels = self->transform.scale >= NODE_LABEL_MIN_SCALE;
  gboolean edge_labels = self->transform.scale >= EDGE_LABEL_MIN_SCALE;

  if (self->layout == NULL)
    {
      clear_scene (self);
      return;
    }

  /* While a zoom is under way the tiles at hand are reused, scaled (a
   * little blurry, never slow); they are redrawn once the zoom settles. */
  if (self->scene_tiles != NULL &&
      self->scene_dark == dark &&
      (!self->settled ||
       (self->scene_node_labels == node_labels &&
        self->scene_edge_labels == edge_labels &&
        G_APPROX_VALUE (self->scene_scale, self->transform.scale, 1e-6))))
    return;

  /* A zoom keeps the old picture to show until the new one is ready;
   * new data or colours do not. */
  g_clear_pointer (&self->prev_tiles, g_hash_table_unref);
  if (self->scene_tiles != NULL && self->scene_dark == dark)
    {
      self->prev_tiles = g_steal_pointer (&self->scene_tiles);
      self->prev_scale = self->scene_scale;
    }
  g_clear_pointer (&self->scene_tiles, g_hash_table_unref);
  g_clear_pointer (&self->scene_label_shown, g_free);
  ensure_index (self);
  self->scene_tiles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) tile_free);
  self->scene_scale = self->transform.scale;
  self->scene_dark = dark;
  self->scene_node_labels = node_labels;
  self->scene_edge_labels = edge_labels;

  /* Which relation labels fit is decided once for the whole graph, so a
   * label across two tiles is drawn in both or neither. */
  if (edge_labels)
    {
      cairo_surface_t *scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
      cairo_t *cr = cairo_create (scratch);
      g_autoptr(GHashTable) placed = placed_new ();

      int sizes[DOSSIER_N_RELATION_TYPES][2];

      /* Twelve words in all: measure each once, not once per edge. */
      for (guint t = 0; t < DOSSIER_N_RELATION_TYPES; t++)
        {
          PangoLayout *layout = text_layout (self, cr, TRUE);

          pango_layout_set_text (layout, dossier_relation_type_label (t), -1);
          pango_layout_get_pixel_size (layout, &sizes[t][0], &sizes[t][1]);
        }

      self->scene_label_shown = g_new0 (gboolean, self->layout->edges->len);
      for (guint i = 0; i < self->layout->edges->len; i++)
        {
          const DossierLayoutEdge *e = get_edge (self, i);
          DossierRelation *relation = edge_relation (self, i);
          DossierPoint at = e->label;
          int w = sizes[relation->type][0], h = sizes[relation->type][1];
          graphene_rect_t rect;

          if (at.x == 0 && at.y == 0)
            at = edge_midpoint (e);
          rect = GRAPHENE_RECT_INIT (at.x - w / 2.0 - 2, at.y - h / 2.0, w + 4, h);
          self->scene_label_shown[i] = place_label (placed, &rect);
        }
      cairo_destroy (cr);
      cairo_surface_destroy (scratch);
    }
}

static gboolean
uses_cairo_renderer (DossierGraphView *self)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  GskRenderer *renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;

  return renderer == NULL || GSK_IS_CAIRO_RENDERER (renderer);
}

static void
append_tile (DossierGraphView      *self,
             GtkSnapshot           *snapshot,
             Tile                  *tile,
             const graphene_rect_t *dest,
             gboolean               exact,
             gboolean               use_cairo)
{
  if (use_cairo)
    {
      /* The cairo renderer replays this: painting straight from the
       * cached image costs no copy, unlike a texture node. */
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, dest);

      cairo_translate (cr, dest->origin.x, dest->origin.y);
      cairo_scale (cr, dest->size.width / TILE_PX, dest->size.height / TILE_PX);
      cairo_set_source_surface (cr, tile->surface, 0, 0);
      /* Pixman's default filter resamples with a convolution, 100 ms a
       * frame for a scaled screenful; bilinear is enough while zooming. */
      cairo_pattern_set_filter (cairo_get_source (cr), exact ? CAIRO_FILTER_NEAREST : CAIRO_FILTER_BILINEAR);
      cairo_paint (cr);
      cairo_destroy (cr);
      return;
    }

  if (tile->texture == NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (cairo_image_surface_get_data (tile->surface),
                                             (gsize) cairo_image_surface_get_stride (tile->surface) * TILE_PX);

      /* Cairo's ARGB32 is GDK_MEMORY_DEFAULT. */
      tile->texture = gdk_memory_texture_new (TILE_PX, TILE_PX, GDK_MEMORY_DEFAULT, bytes,
                                              cairo_image_surface_get_stride (tile->surface));
    }
  gtk_snapshot_append_texture (snapshot, tile->texture, dest);
}

/* Draws the tiles of a scene drawn at @scene_scale that meet the widget;
 * with @render, missing ones are drawn first, within @deadline.  Returns
 * TRUE when every visible tile was there. */
static gboolean
append_tiles (DossierGraphView *self,
              GtkSnapshot      *snapshot,
              GHashTable       *tiles,
              double            scene_scale,
              int               width,
              int               height,
              gboolean          render,
              gint64            deadline)
{
  const DossierViewTransform *t = &self->transform;
  graphene_rect_t bounds = layout_bounds (self);
  int sf = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  double size = TILE_PX / (scene_scale * sf);  /* a tile, in points */
  double step = size * t->scale;                /* a tile, in widget pixels */
  gboolean exact = G_APPROX_VALUE (scene_scale, t->scale, 1e-6);
  gboolean use_cairo = uses_cairo_renderer (self);
  gboolean complete = TRUE;
  int n_cols = (int) ceil (bounds.size.width / size);
  int n_rows = (int) ceil (bounds.size.height / size);
  double gx0, gy0, gx1, gy1, ox, oy;
  int c0, c1, r0, r1;

  dossier_view_transform_to_graph (t, 0, 0, &gx0, &gy0);
  dossier_view_transform_to_graph (t, width, height, &gx1, &gy1);
  c0 = MAX (0, (int) floor ((gx0 - bounds.origin.x) / size));
  c1 = MIN (n_cols - 1, (int) floor ((gx1 - bounds.origin.x) / size));
  r0 = MAX (0, (int) floor ((gy0 - bounds.origin.y) / size));
  r1 = MIN (n_rows - 1, (int) floor ((gy1 - bounds.origin.y) / size));

  /* A long pan leaves tiles behind: forget those out of sight. */
  if (render && g_hash_table_size (tiles) > MAX_TILES)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, tiles);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          gint64 k = *(gint64 *) key;
          int c = (int) (k & 0xffffffff), r = (int) (k >> 32);

          if (c < c0 || c > c1 || r < r0 || r > r1)
            g_hash_table_iter_remove (&iter);
        }
    }

  /* At the scene's own scale, tiles land on whole device pixels so that
   * text stays sharp and seams never show. */
  ox = t->offset_x + bounds.origin.x * t->scale;
  oy = t->offset_y + bounds.origin.y * t->scale;
  if (exact)
    {
      ox = round (ox * sf) / sf;
      oy = round (oy * sf) / sf;
    }

  for (int r = r0; r <= r1; r++)
    for (int c = c0; c <= c1; c++)
      {
        gint64 key = ((gint64) r << 32) | (guint32) c;
        Tile *tile = g_hash_table_lookup (tiles, &key);

        if (tile == NULL && render && g_get_monotonic_time () < deadline)
          {
            tile = render_tile (self, c, r);
            g_hash_table_insert (tiles, g_memdup2 (&key, sizeof key), tile);
          }
        if (tile == NULL)
          {
            complete = FALSE;
            continue;
          }
        append_tile (self, snapshot, tile,
                     &GRAPHENE_RECT_INIT (ox + c * step, oy + r * step, step, step),
                     exact, use_cairo);
      }

  return complete;
}

/* Tiles are drawn for at most this long per frame; the rest follow in
 * the next frames, over the previous picture. */
#define TILE_BUDGET_US (5 * G_TIME_SPAN_MILLISECOND)

static gboolean
more_tiles_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       data)
{
  DOSSIER_GRAPH_VIEW (widget)->more_tiles_id = 0;
  gtk_widget_queue_draw (widget);
  return G_SOURCE_REMOVE;
}

static void
append_scene (DossierGraphView *self,
              GtkSnapshot      *snapshot,
              int               width,
              int               height)
{
  gint64 deadline = g_get_monotonic_time () + TILE_BUDGET_US;
  g_autoptr(GtkSnapshot) fresh = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  gboolean complete;

  if (self->scene_tiles == NULL)
    return;

  fresh = gtk_snapshot_new ();
  complete = append_tiles (self, fresh, self->scene_tiles, self->scene_scale,
                           width, height, TRUE, deadline);
  self->scene_complete = complete;
  node = gtk_snapshot_free_to_node (g_steal_pointer (&fresh));

  if (complete)
    g_clear_pointer (&self->prev_tiles, g_hash_table_unref);
  else
    {
      /* A new graph has no previous picture: its tiles appear over a few
       * frames instead of holding one frame for the whole screenful. */
      if (self->prev_tiles != NULL)
        append_tiles (self, snapshot, self->prev_tiles, self->prev_scale, width, height, FALSE, 0);
      /* A redraw asked for during the snapshot would be forgotten when
       * it ends: ask from the next frame instead. */
      if (self->more_tiles_id == 0)
        self->more_tiles_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), more_tiles_cb, NULL, NULL);
    }
  if (node != NULL)
    gtk_snapshot_append_node (snapshot, node);
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
      g_autoptr(GHashTable) placed = placed_new ();

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
      draw_node (self, cr, i, dark, TRUE);

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
      /* The first chosen has a solid ring, the others (Ctrl+click) a
       * dashed one: edits act from the first onto the others. */
      for (int k = -1; k < (int) self->also_selected->len; k++)
        {
          const DossierLayoutNode *n = get_node (self, k < 0 ? (guint) self->selected_node
                                                             : g_array_index (self->also_selected, guint, k));
          double pad = 4 * px;
          double x = n->x - n->width / 2 - pad, y = n->y - n->height / 2 - pad;
          double w = n->width + 2 * pad, h = n->height + 2 * pad, r = MIN (8 * px + pad, h / 2);
          double dash = 5 * px;

          cairo_new_sub_path (cr);
          cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
          cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
          cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
          cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
          cairo_close_path (cr);
          cairo_set_line_width (cr, 3 * px);
          cairo_set_dash (cr, &dash, k < 0 ? 0 : 1, 0);
          cairo_stroke (cr);
        }
      cairo_set_dash (cr, NULL, 0, 0);
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

static void fit_transform (DossierGraphView     *self,
                           int                   width,
                           int                   height,
                           DossierViewTransform *target);

static void
dossier_graph_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  DossierGraphView *self = DOSSIER_GRAPH_VIEW (widget);

  gboolean was_fit = FALSE;

  /* A view showing the whole graph keeps showing it when a panel opens
   * beside it or the window changes size. */
  if (self->layout != NULL && self->last_width > 1 && self->last_height > 1 &&
      (width != self->last_width || height != self->last_height))
    {
      DossierViewTransform fit;
      const DossierViewTransform *now = self->tick_id != 0 ? &self->anim_to : &self->transform;

      fit_transform (self, self->last_width, self->last_height, &fit);
      was_fit = G_APPROX_VALUE (fit.scale, now->scale, 1e-6) &&
                fabs (fit.offset_x - now->offset_x) < 0.5 && fabs (fit.offset_y - now->offset_y) < 0.5;
    }

  if ((self->needs_fit || was_fit) && self->layout != NULL && width > 1 && height > 1)
    {
      self->needs_fit = FALSE;
      self->last_width = width;
      self->last_height = height;
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

  if (self->context_menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->context_menu));
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

static void
fit_transform (DossierGraphView     *self,
               int                   width,
               int                   height,
               DossierViewTransform *target)
{
  *target = self->transform;
  /* Small graphs are not blown up past 100%: text would look bloated. */
  dossier_view_transform_fit (target, self->layout->width, self->layout->height,
                              MAX (width / 2, width - self->fit_inset_left), height, FIT_MARGIN, 1.0);
  target->offset_x += width - MAX (width / 2, width - self->fit_inset_left);
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

  fit_transform (self, width, height, &target);
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

/* After the selection changed from (@old_entity, @old_relation): redraw,
 * tell assistive technologies, notify what changed. */
static void
selection_changed (DossierGraphView *self,
                   int               old_entity,
                   int               old_relation)
{
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (old_entity != dossier_graph_view_get_selected_entity (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ENTITY]);
  if (old_relation != dossier_graph_view_get_selected_relation (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_RELATION]);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
set_selection (DossierGraphView *self,
               int               node,
               int               edge)
{
  int old_entity, old_relation;

  if (node == self->selected_node && edge == self->selected_edge && self->also_selected->len == 0)
    return;

  old_entity = dossier_graph_view_get_selected_entity (self);
  old_relation = dossier_graph_view_get_selected_relation (self);
  self->selected_node = node;
  self->selected_edge = edge;
  g_array_set_size (self->also_selected, 0);
  selection_changed (self, old_entity, old_relation);
}

static gboolean
node_is_selected (DossierGraphView *self,
                  int               node)
{
  if (node == self->selected_node)
    return TRUE;
  for (guint i = 0; i < self->also_selected->len; i++)
    if ((int) g_array_index (self->also_selected, guint, i) == node)
      return TRUE;
  return FALSE;
}

/* Ctrl+click: adds @node to the actors selected, or takes it out. */
static void
toggle_in_selection (DossierGraphView *self,
                     int               node)
{
  int old_entity = dossier_graph_view_get_selected_entity (self);

  if (self->selected_node < 0)
    {
      set_selection (self, node, -1);
      return;
    }

  if (node == self->selected_node)
    {
      /* The next one chosen becomes the first. */
      if (self->also_selected->len == 0)
        self->selected_node = -1;
      else
        {
          self->selected_node = g_array_index (self->also_selected, guint, 0);
          g_array_remove_index (self->also_selected, 0);
        }
    }
  else
    {
      gboolean found = FALSE;

      for (guint i = 0; i < self->also_selected->len && !found; i++)
        if ((int) g_array_index (self->also_selected, guint, i) == node)
          {
            g_array_remove_index (self->also_selected, i);
            found = TRUE;
          }
      if (!found)
        {
          guint index = node;
          g_array_append_val (self->also_selected, index);
        }
    }

  selection_changed (self, old_entity, -1);
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
  if (node >= 0 && self->selected_edge < 0 &&
      (gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture)) & GDK_CONTROL_MASK))
    toggle_in_selection (self, node);
  else
    set_selection (self, node, edge);
}

static void
open_context_menu (DossierGraphView *self,
                   double            x,
                   double            y)
{
  if (self->context_menu == NULL)
    {
      g_autoptr(GMenu) menu = g_menu_new ();

      g_menu_append (menu, _("Show _Passages"), "view.activate");
      g_menu_append (menu, _("_Centre"), "view.center-selection");
      g_menu_append (menu, _("C_lear Selection"), "view.clear-selection");
      if (self->extra_menu != NULL)
        g_menu_append_section (menu, NULL, self->extra_menu);
      self->context_menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
      gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
      gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
    }

  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), &(GdkRectangle) { x, y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

static void
secondary_pressed_cb (DossierGraphView *self,
                      int               n_press,
                      double            x,
                      double            y,
                      GtkGestureClick  *gesture)
{
  int node, edge;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  hit_test (self, x, y, &node, &edge);
  if (node < 0 && edge < 0)
    return;
  /* On one of several actors selected, the menu acts on all of them. */
  if (node < 0 || !node_is_selected (self, node))
    set_selection (self, node, edge);
  open_context_menu (self, x, y);
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

      /* First within 45° of the arrow's direction, so that → never picks
       * a node almost straight above; only if none, the whole half-plane. */
      for (int pass = 0; pass < 2 && best < 0; pass++)
        for (guint i = 0; i < self->layout->nodes->len; i++)
          {
            const DossierLayoutNode *n = get_node (self, i);
            double vx = n->x - from->x, vy = n->y - from->y;
            double along = vx * dx + vy * dy;
            double across = fabs (vx * dy - vy * dx);
            double score;

            if ((int) i == self->selected_node || along <= 0 || (pass == 0 && across > along))
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

  /* From the keyboard, what the pointer last hovered (now elsewhere after
   * a zoom) no longer decides what is highlighted; moving it again does. */
  if (self->hover_node >= 0 || self->hover_edge >= 0)
    {
      self->hover_node = self->hover_edge = -1;
      gtk_widget_queue_draw (widget);
    }

  if (g_str_equal (action_name, "view.zoom-in"))
    dossier_graph_view_zoom_by (self, ZOOM_STEP, cx, cy, TRUE);
  else if (g_str_equal (action_name, "view.zoom-out"))
    dossier_graph_view_zoom_by (self, 1 / ZOOM_STEP, cx, cy, TRUE);
  else if (g_str_equal (action_name, "view.zoom-fit"))
    dossier_graph_view_zoom_fit (self, TRUE);
  else if (g_str_equal (action_name, "view.zoom-reset"))
    {
      /* Relative to where a zoom under way is heading, so the end is 1. */
      double from = self->tick_id != 0 && self->anim_anchored ? self->anim_to.scale : self->transform.scale;

      dossier_graph_view_zoom_by (self, 1.0 / from, cx, cy, TRUE);
    }
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
  else if (g_str_equal (action_name, "view.center-selection"))
    {
      if (self->selected_node >= 0)
        dossier_graph_view_center_on_entity (self, get_node (self, self->selected_node)->entity, TRUE);
      else if (self->selected_edge >= 0)
        {
          DossierPoint p = edge_midpoint (get_edge (self, self->selected_edge));
          DossierViewTransform target = self->transform;

          dossier_view_transform_center_on (&target, p.x, p.y, cx, cy);
          animate_to (self, &target, TRUE);
        }
    }
  else if (g_str_equal (action_name, "view.context-menu"))
    {
      double x = cx, y = cy;

      if (self->selected_node >= 0)
        {
          const DossierLayoutNode *n = get_node (self, self->selected_node);

          dossier_view_transform_to_widget (&self->transform, n->x, n->y, &x, &y);
        }
      else if (self->selected_edge >= 0)
        {
          DossierPoint p = edge_midpoint (get_edge (self, self->selected_edge));

          dossier_view_transform_to_widget (&self->transform, p.x, p.y, &x, &y);
        }
      else
        return;
      open_context_menu (self, CLAMP (x, 0, cx * 2), CLAMP (y, 0, cy * 2));
    }
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
  if (self->more_tiles_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->more_tiles_id);
      self->more_tiles_id = 0;
    }
  g_clear_handle_id (&self->settle_id, g_source_remove);
  clear_scene (self);
  clear_index (self);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  g_clear_object (&self->extra_menu);
  g_clear_pointer (&self->layout, dossier_layout_unref);
  g_clear_pointer (&self->subgraph, dossier_subgraph_unref);
  g_clear_pointer (&self->tab_order, g_array_unref);
  g_clear_object (&self->node_text);
  g_clear_object (&self->edge_text);
  g_clear_object (&self->pango_context);
  g_array_set_size (self->also_selected, 0);

  G_OBJECT_CLASS (dossier_graph_view_parent_class)->dispose (object);
}

static void
dossier_graph_view_finalize (GObject *object)
{
  DossierGraphView *self = DOSSIER_GRAPH_VIEW (object);

  g_clear_pointer (&self->also_selected, g_array_unref);

  G_OBJECT_CLASS (dossier_graph_view_parent_class)->finalize (object);
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
  object_class->finalize = dossier_graph_view_finalize;
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
  gtk_widget_class_install_action (widget_class, "view.center-selection", NULL, view_action_cb);
  gtk_widget_class_install_action (widget_class, "view.context-menu", NULL, view_action_cb);

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
  add_key (widget_class, GDK_KEY_Menu, 0, "view.context-menu", NULL);
  add_key (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "view.context-menu", NULL);
  add_key (widget_class, GDK_KEY_c, 0, "view.center-selection", NULL);
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
  self->also_selected = g_array_new (FALSE, FALSE, sizeof (guint));

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  self->click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->click), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (self->click, "pressed", G_CALLBACK (click_pressed_cb), self);
  g_signal_connect_swapped (self->click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->click));

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (controller), GDK_BUTTON_SECONDARY);
  g_signal_connect_swapped (controller, "pressed", G_CALLBACK (secondary_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

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
  g_autoptr(GArray) old_also = NULL;

  g_return_if_fail (DOSSIER_IS_GRAPH_VIEW (self));
  g_return_if_fail ((subgraph == NULL) == (layout == NULL));

  old_entity = dossier_graph_view_get_selected_entity (self);
  old_relation = dossier_graph_view_get_selected_relation (self);
  old_also = dossier_graph_view_get_selected_entities (self);
  g_array_remove_range (old_also, 0, MIN (old_also->len, 1));
  g_array_set_size (self->also_selected, 0);

  stop_animation (self);
  clear_scene (self);
  clear_index (self);
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
      for (guint i = 0; node >= 0 && i < old_also->len; i++)
        {
          int other = dossier_layout_find_entity (layout, g_array_index (old_also, guint, i));

          if (other >= 0 && other != node)
            {
              guint index = other;
              g_array_append_val (self->also_selected, index);
            }
        }
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

/* Entity ids of every actor selected, the first chosen first: one for a
 * click, more with Ctrl+click.  Free with g_array_unref(). */
GArray *
dossier_graph_view_get_selected_entities (DossierGraphView *self)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (DOSSIER_IS_GRAPH_VIEW (self), out);

  if (self->selected_node < 0 || self->layout == NULL)
    return out;
  g_array_append_val (out, get_node (self, self->selected_node)->entity);
  for (guint i = 0; i < self->also_selected->len; i++)
    g_array_append_val (out, get_node (self, g_array_index (self->also_selected, guint, i))->entity);
  return out;
}

int
dossier_graph_view_get_selected_relation (DossierGraphView *self)
{
  g_return_val_if_fail (DOSSIER_IS_GRAPH_VIEW (self), -1);

  if (self->selected_edge < 0 || self->layout == NULL)
    return -1;
  return get_edge (self, self->selected_edge)->relation;
}

/* What Ctrl+click on an actor does: adds it to the selection, or takes it
 * out.  FALSE when the actor is not shown. */
gboolean
dossier_graph_view_toggle_entity (DossierGraphView *self,
                                  guint             entity)
{
  int node;

  g_return_val_if_fail (DOSSIER_IS_GRAPH_VIEW (self), FALSE);

  if (self->layout == NULL || (node = dossier_layout_find_entity (self->layout, entity)) < 0)
    return FALSE;
  if (self->selected_edge >= 0)
    set_selection (self, node, -1);
  else
    toggle_in_selection (self, node);
  return TRUE;
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
dossier_graph_view_is_scene_complete (DossierGraphView *self)
{
  g_return_val_if_fail (DOSSIER_IS_GRAPH_VIEW (self), FALSE);
  return dossier_graph_view_has_scene (self) && self->scene_complete;
}

gboolean
dossier_graph_view_has_scene (DossierGraphView *self)
{
  g_return_val_if_fail (DOSSIER_IS_GRAPH_VIEW (self), FALSE);
  return self->scene_tiles != NULL && g_hash_table_size (self->scene_tiles) > 0 && self->prev_tiles == NULL;
}

void
dossier_graph_view_set_extra_menu (DossierGraphView *self,
                                   GMenuModel       *menu)
{
  g_return_if_fail (DOSSIER_IS_GRAPH_VIEW (self));

  g_set_object (&self->extra_menu, menu);
  /* Built again, with the new section, when next opened. */
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
}
