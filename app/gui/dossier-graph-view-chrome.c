/* dossier-graph-view-chrome.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What is drawn over the cached scene: the hovered or selected actor's
 * neighbourhood (by the renderer) and the selection rings (the widget's
 * own chrome). */

#define G_LOG_DOMAIN "dossier-graph-view"

#include "config.h"

#include <math.h>

#include "dossier-graph-view-private.h"

static void
accent_color (GdkRGBA *rgba)
{
  if (is_dark ())
    gdk_rgba_parse (rgba, "#78aeed");
  else
    gdk_rgba_parse (rgba, "#1c71d8");
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

/* Labels of @focus_node's relations, placed among themselves (the scene's
 * placement may have left some out for labels now dimmed), kept while
 * the same actor stays highlighted. */
static GArray *
focus_places (DossierGraphView *self,
              int               focus_node)
{
  g_autoptr(GArray) edges = NULL;

  if (self->focus_places != NULL && self->focus_places_node == focus_node)
    return self->focus_places;

  edges = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < self->layout->edges->len; i++)
    if (edge_touches (self, i, focus_node))
      g_array_append_val (edges, i);
  g_clear_pointer (&self->focus_places, g_array_unref);
  self->focus_places = dossier_renderer_place_labels (self->renderer, (const guint *) (gpointer) edges->data, edges->len);
  self->focus_places_node = focus_node;
  return self->focus_places;
}

static void
force_name (DossierLabelRole *roles,
            GHashTable       *near,
            guint             node)
{
  roles[node] = DOSSIER_LABEL_FORCED;
  g_hash_table_add (near, GUINT_TO_POINTER (node));
}

/* The highlighted actors again, with their names chosen among themselves
 * at the current zoom: the focused and selected ones always named, their
 * neighbours by weight where there is room (every node stays in the way). */
static void
draw_highlight_nodes (DossierGraphView *self,
                      cairo_t          *cr,
                      GHashTable       *near,
                      int               focus_node,
                      int               focus_edge)
{
  guint n = self->layout->nodes->len;
  g_autofree DossierLabelRole *roles = g_new0 (DossierLabelRole, MAX (n, 1));
  g_autoptr(GArray) places = NULL;

  for (guint i = 0; i < n; i++)
    if (g_hash_table_contains (near, GUINT_TO_POINTER (i)))
      roles[i] = DOSSIER_LABEL_WANTED;
  if (focus_node >= 0)
    force_name (roles, near, focus_node);
  if (focus_edge >= 0)
    {
      force_name (roles, near, get_edge (self, focus_edge)->tail);
      force_name (roles, near, get_edge (self, focus_edge)->head);
    }
  if (self->selected_node >= 0)
    force_name (roles, near, self->selected_node);
  for (guint k = 0; self->also_selected != NULL && k < self->also_selected->len; k++)
    force_name (roles, near, g_array_index (self->also_selected, guint, k));

  places = dossier_renderer_place_node_labels (self->renderer, self->transform.scale, roles);
  for (guint i = 0; i < n; i++)
    if (roles[i] != DOSSIER_LABEL_OBSTACLE)
      dossier_renderer_draw_node (self->renderer, cr, i, FALSE);
  for (guint i = 0; i < n; i++)
    if (roles[i] != DOSSIER_LABEL_OBSTACLE)
      dossier_renderer_draw_node_label (self->renderer, cr, i, &g_array_index (places, DossierLabelPlace, i));
}

/* The focused actor's relations and neighbours, or the focused relation
 * and its two ends, drawn again over the dimmed scene. */
static void
draw_highlight (DossierGraphView *self,
                GtkSnapshot      *snapshot,
                int               focus_node,
                int               focus_edge)
{
  graphene_rect_t bounds = layout_bounds (self);
  g_autoptr(GHashTable) near = g_hash_table_new (NULL, NULL);
  GArray *places = NULL;
  GtkSnapshot *sub;
  cairo_t *cr;

  _dossier_graph_view_ensure_renderer (self);
  cr = begin_cairo (&sub, &bounds);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  if (focus_node >= 0)
    {
      places = focus_places (self, focus_node);
      g_hash_table_add (near, GINT_TO_POINTER (focus_node));
    }
  for (guint i = 0; i < self->layout->edges->len; i++)
    if ((int) i == focus_edge || edge_touches (self, i, focus_node))
      {
        dossier_renderer_draw_edge (self->renderer, cr, i);
        g_hash_table_add (near, GUINT_TO_POINTER (get_edge (self, i)->tail));
        g_hash_table_add (near, GUINT_TO_POINTER (get_edge (self, i)->head));
      }
  for (guint i = 0; i < self->layout->edges->len; i++)
    {
      const DossierEdgeLabelPlace *place;

      if (places != NULL && (place = &g_array_index (places, DossierEdgeLabelPlace, i))->shown)
        dossier_renderer_draw_edge_label (self->renderer, cr, i, place->x, place->y);
      else if ((int) i == focus_edge)
        {
          /* One relation's label always shows, where the scene has it. */
          DossierPoint at = get_edge (self, i)->label;

          place = dossier_renderer_get_label_place (self->renderer, i);
          dossier_renderer_draw_edge_label (self->renderer, cr, i,
                                            place->shown ? place->x : at.x, place->shown ? place->y : at.y);
        }
    }
  draw_highlight_nodes (self, cr, near, focus_node, focus_edge);

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

          dossier_render_rounded_rect_path (cr, x, y, w, h, r);
          cairo_set_line_width (cr, 3 * px);
          cairo_set_dash (cr, &dash, k < 0 ? 0 : 1, 0);
          cairo_stroke (cr);
        }
      cairo_set_dash (cr, NULL, 0, 0);
    }
  else
    {
      const DossierLayoutEdge *e = get_edge (self, self->selected_edge);

      if (e->points->len >= 4)
        {
          dossier_render_edge_path (cr, e);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          cairo_set_line_width (cr, 6 * px);
          cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.45);
          cairo_stroke (cr);
        }
    }
  end_cairo (snapshot, sub, cr);
}

void
_dossier_graph_view_snapshot (GtkWidget   *widget,
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

  _dossier_graph_view_ensure_scene (self);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  _dossier_graph_view_append_scene (self, snapshot, width, height);
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
