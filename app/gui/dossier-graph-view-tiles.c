/* dossier-graph-view-tiles.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The cached scene: raster tiles of the graph drawn by the core's renderer
 * at the scale the view settled on, and the grid that finds what to draw
 * in each. */

#define G_LOG_DOMAIN "dossier-graph-view"

#include "config.h"

#include <math.h>

#include "dossier-graph-view-private.h"

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

/* Tiles are drawn for at most this long per frame; the rest follow in
 * the next frames, over the previous picture. */
#define TILE_BUDGET_US      (5 * G_TIME_SPAN_MILLISECOND)
#define TILE_DRAG_BUDGET_US (40 * G_TIME_SPAN_MILLISECOND)

static void
tile_free (Tile *tile)
{
  cairo_surface_destroy (tile->surface);
  g_clear_object (&tile->texture);
  g_free (tile);
}

void
_dossier_graph_view_clear_scene (DossierGraphView *self)
{
  g_clear_pointer (&self->scene_tiles, g_hash_table_unref);
  g_clear_pointer (&self->prev_tiles, g_hash_table_unref);
  g_clear_pointer (&self->renderer, dossier_renderer_unref);
  g_clear_pointer (&self->focus_places, g_array_unref);
}

void
_dossier_graph_view_clear_index (DossierGraphView *self)
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
  /* Room for the stroke, the arrowhead and a label on the curve or just
   * above or below it. */
  return GRAPHENE_RECT_INIT (x0 - 60, y0 - 20, x1 - x0 + 120, y1 - y0 + 40);
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
      /* Wide enough for the cluster halo drawn around the outline. */
      double pad = MAX (2.0, DOSSIER_STYLE_HALO_WIDTH);
      graphene_rect_t box = GRAPHENE_RECT_INIT (n->x - n->width / 2 - pad, n->y - n->height / 2 - pad,
                                                n->width + 2 * pad, n->height + 2 * pad);

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

/* The names that meet @rect, chosen once for the whole graph at the
 * scene's zoom: a name across two tiles is drawn whole in both, and a
 * name beside its node is found from the nodes near enough to the tile. */
static void
draw_names (DossierGraphView      *self,
            cairo_t               *cr,
            const graphene_rect_t *rect)
{
  double reach = self->scene_name_reach;
  graphene_rect_t near = GRAPHENE_RECT_INIT (rect->origin.x - reach, rect->origin.y - reach,
                                             rect->size.width + 2 * reach, rect->size.height + 2 * reach);
  g_autoptr(GArray) nodes = items_in (self, self->cell_nodes, self->node_stamp, &near);

  for (guint i = 0; i < nodes->len; i++)
    {
      guint n = g_array_index (nodes, guint, i);
      const DossierLabelPlace *place = dossier_renderer_get_node_label (self->renderer, self->scene_scale, n);
      double x1, y1, x2, y2;

      dossier_label_place_extents (place, &x1, &y1, &x2, &y2);
      if (place->spot != DOSSIER_LABEL_HIDDEN &&
          x1 < rect->origin.x + rect->size.width && x2 > rect->origin.x &&
          y1 < rect->origin.y + rect->size.height && y2 > rect->origin.y)
        dossier_renderer_draw_node_label (self->renderer, cr, n, place);
    }
}

/* How far the names chosen at the scene's zoom reach past their nodes'
 * boxes, for draw_names. */
static double
name_reach (DossierGraphView *self)
{
  double reach = 0;

  for (guint i = 0; i < self->layout->nodes->len; i++)
    {
      const DossierLabelPlace *place = dossier_renderer_get_node_label (self->renderer, self->scene_scale, i);
      double x1, y1, x2, y2;

      if (place->spot == DOSSIER_LABEL_HIDDEN || place->spot == DOSSIER_LABEL_INSIDE)
        continue;
      dossier_label_place_extents (place, &x1, &y1, &x2, &y2);
      reach = MAX (reach, MAX (x2 - x1, y2 - y1));
    }
  return reach;
}

/* The grid of a scene's tiles: the layout's bounds, grown by whole tiles
 * (so that tiles stay on whole pixels) to hold the names that @reach
 * past them. */
static graphene_rect_t
tile_bounds (DossierGraphView *self,
             double            scene_scale,
             double            reach)
{
  graphene_rect_t bounds = layout_bounds (self);
  double size = TILE_PX / (scene_scale * gtk_widget_get_scale_factor (GTK_WIDGET (self)));
  double extra = ceil (reach / size) * size;

  return GRAPHENE_RECT_INIT (bounds.origin.x - extra, bounds.origin.y - extra,
                             bounds.size.width + 2 * extra, bounds.size.height + 2 * extra);
}

static Tile *
render_tile (DossierGraphView *self,
             int               col,
             int               row)
{
  graphene_rect_t bounds = tile_bounds (self, self->scene_scale, self->scene_name_reach);
  double d = scene_device_scale (self);
  double size = TILE_PX / d;
  graphene_rect_t rect = GRAPHENE_RECT_INIT (bounds.origin.x + col * size, bounds.origin.y + row * size, size, size);
  g_autoptr(GArray) edges = NULL;
  g_autoptr(GArray) nodes = NULL;
  Tile *tile = g_new0 (Tile, 1);
  cairo_t *cr;

  edges = items_in (self, self->cell_edges, self->edge_stamp, &rect);
  nodes = items_in (self, self->cell_nodes, self->node_stamp, &rect);

  tile->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, TILE_PX, TILE_PX);
  cr = cairo_create (tile->surface);
  cairo_scale (cr, d, d);
  cairo_translate (cr, -rect.origin.x, -rect.origin.y);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  for (guint i = 0; i < edges->len; i++)
    dossier_renderer_draw_edge (self->renderer, cr, g_array_index (edges, guint, i));
  /* Label places are decided once for the whole graph, so a label across
   * two tiles is drawn in both or neither. */
  for (guint i = 0; self->scene_edge_labels && i < edges->len; i++)
    {
      guint e = g_array_index (edges, guint, i);
      const DossierEdgeLabelPlace *place = dossier_renderer_get_label_place (self->renderer, e);

      if (place->shown)
        dossier_renderer_draw_edge_label (self->renderer, cr, e, place->x, place->y);
    }
  for (guint i = 0; i < nodes->len; i++)
    dossier_renderer_draw_node (self->renderer, cr, g_array_index (nodes, guint, i), FALSE);
  draw_names (self, cr, &rect);
  cairo_destroy (cr);
  cairo_surface_flush (tile->surface);
  return tile;
}

/* The renderer for the view's graph in the current colours. */
void
_dossier_graph_view_ensure_renderer (DossierGraphView *self)
{
  gboolean dark = is_dark ();
  DossierRenderOptions options;

  if (self->renderer != NULL && dossier_renderer_get_options (self->renderer)->dark == dark)
    return;

  g_clear_pointer (&self->renderer, dossier_renderer_unref);
  g_clear_pointer (&self->focus_places, g_array_unref);
  dossier_render_options_init (&options);
  options.dark = dark;
  options.background = FALSE;
  options.edge_labels = TRUE;
  options.pins = TRUE;
  self->renderer = dossier_renderer_new (self->subgraph, self->layout, &options);
}

void
_dossier_graph_view_ensure_scene (DossierGraphView *self)
{
  gboolean dark = is_dark ();
  gboolean edge_labels = self->transform.scale >= EDGE_LABEL_MIN_SCALE;

  if (self->layout == NULL)
    {
      _dossier_graph_view_clear_scene (self);
      return;
    }

  /* While a zoom is under way the tiles at hand are reused, scaled (a
   * little blurry, never slow); they are redrawn once the zoom settles. */
  if (self->scene_tiles != NULL &&
      self->scene_dark == dark &&
      (!self->settled ||
       (self->scene_edge_labels == edge_labels &&
        G_APPROX_VALUE (self->scene_scale, self->transform.scale, 1e-6))))
    return;

  /* A zoom keeps the old picture to show until the new one is ready;
   * new data or colours do not. */
  g_clear_pointer (&self->prev_tiles, g_hash_table_unref);
  if (self->scene_tiles != NULL && self->scene_dark == dark)
    {
      self->prev_tiles = g_steal_pointer (&self->scene_tiles);
      self->prev_scale = self->scene_scale;
      self->prev_name_reach = self->scene_name_reach;
    }
  g_clear_pointer (&self->scene_tiles, g_hash_table_unref);
  ensure_index (self);
  _dossier_graph_view_ensure_renderer (self);
  self->scene_tiles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) tile_free);
  self->scene_scale = self->transform.scale;
  self->scene_dark = dark;
  self->scene_edge_labels = edge_labels;
  /* Names are chosen here, for the whole graph at this zoom. */
  self->scene_name_reach = name_reach (self);
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

/* Draws the tiles of a scene drawn at @scene_scale (its names reaching
 * @name_reach past the layout) that meet the widget;
 * with @render, missing ones are drawn first, within @deadline.  Returns
 * TRUE when every visible tile was there. */
static gboolean
append_tiles (DossierGraphView *self,
              GtkSnapshot      *snapshot,
              GHashTable       *tiles,
              double            scene_scale,
              double            name_reach,
              int               width,
              int               height,
              gboolean          render,
              gint64            deadline)
{
  const DossierViewTransform *t = &self->transform;
  graphene_rect_t bounds = tile_bounds (self, scene_scale, name_reach);
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

static gboolean
more_tiles_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       data)
{
  DOSSIER_GRAPH_VIEW (widget)->more_tiles_id = 0;
  gtk_widget_queue_draw (widget);
  return G_SOURCE_REMOVE;
}

void
_dossier_graph_view_append_scene (DossierGraphView *self,
              GtkSnapshot      *snapshot,
              int               width,
              int               height)
{
  /* A node being dragged: the tiles it left and entered, all in this
   * frame, or they would blink while it moves. */
  gint64 deadline = g_get_monotonic_time () + (self->drag_node >= 0 ? TILE_DRAG_BUDGET_US : TILE_BUDGET_US);
  g_autoptr(GtkSnapshot) fresh = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  gboolean complete;

  if (self->scene_tiles == NULL)
    return;

  fresh = gtk_snapshot_new ();
  complete = append_tiles (self, fresh, self->scene_tiles, self->scene_scale, self->scene_name_reach,
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
        append_tiles (self, snapshot, self->prev_tiles, self->prev_scale, self->prev_name_reach,
                      width, height, FALSE, 0);
      /* A redraw asked for during the snapshot would be forgotten when
       * it ends: ask from the next frame instead. */
      if (self->more_tiles_id == 0)
        self->more_tiles_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), more_tiles_cb, NULL, NULL);
    }
  if (node != NULL)
    gtk_snapshot_append_node (snapshot, node);
}

/* Forgets the scene's tiles that meet @rect (layout points). */
static void
forget_tiles (DossierGraphView      *self,
              const graphene_rect_t *rect)
{
  graphene_rect_t bounds = layout_bounds (self);
  double size = TILE_PX / scene_device_scale (self);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->scene_tiles);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gint64 k = *(gint64 *) key;
      graphene_rect_t tile = GRAPHENE_RECT_INIT (bounds.origin.x + (int) (k & 0xffffffff) * size,
                                                 bounds.origin.y + (int) (k >> 32) * size, size, size);

      if (graphene_rect_intersection (&tile, rect, NULL))
        g_hash_table_iter_remove (&iter);
    }
}

/* Forgets the tiles node @node and each of its edges cross (halo, pin
 * and labels included), one box each: a hub's lines span the drawing,
 * the box of all of them would take most tiles. */
static void
forget_node_tiles (DossierGraphView *self,
                   guint             node)
{
  const DossierLayoutNode *n = get_node (self, node);
  double pad = MAX (2.0, DOSSIER_STYLE_HALO_WIDTH) + 2;
  graphene_rect_t box = GRAPHENE_RECT_INIT (n->x - n->width / 2 - pad, n->y - n->height / 2 - pad,
                                            n->width + 2 * pad, n->height + 2 * pad);

  forget_tiles (self, &box);
  for (guint i = 0; i < self->layout->edges->len; i++)
    if (edge_touches (self, i, node))
      {
        box = edge_bounds (get_edge (self, i));
        forget_tiles (self, &box);
      }
}

void
_dossier_graph_view_move_node (DossierGraphView *self,
                               guint             node,
                               double            x,
                               double            y)
{
  g_autoptr(DossierLayout) moved = NULL;
  DossierPoint shift;

  g_return_if_fail (self->layout != NULL && node < self->layout->nodes->len);

  if (self->scene_tiles != NULL)
    forget_node_tiles (self, node);
  moved = dossier_layout_move_node (self->layout, self->subgraph, node, x, y);
  shift = (DossierPoint) { self->layout->origin.x - moved->origin.x,
                           self->layout->origin.y - moved->origin.y };
  g_clear_pointer (&self->layout, dossier_layout_unref);
  self->layout = g_steal_pointer (&moved);

  /* The renderer and the grid hold the old places; the tiles elsewhere
   * stay, unless the drawing grew past its top or left edge and every
   * point moved (the offset follows, so nothing moves on screen). */
  g_clear_pointer (&self->renderer, dossier_renderer_unref);
  g_clear_pointer (&self->focus_places, g_array_unref);
  g_clear_pointer (&self->prev_tiles, g_hash_table_unref);
  _dossier_graph_view_clear_index (self);
  _dossier_graph_view_ensure_renderer (self);
  ensure_index (self);
  if (self->scene_tiles != NULL && (shift.x != 0 || shift.y != 0))
    g_hash_table_remove_all (self->scene_tiles);
  else if (self->scene_tiles != NULL)
    forget_node_tiles (self, node);
  self->transform.offset_x -= shift.x * self->transform.scale;
  self->transform.offset_y -= shift.y * self->transform.scale;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
