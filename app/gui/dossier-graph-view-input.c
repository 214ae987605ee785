/* dossier-graph-view-input.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Pointer, touch and tooltips: hit tests, selection by clicks, moving a
 * node or panning by drags, zooming by wheel and pinch, the context menu. */

#define G_LOG_DOMAIN "dossier-graph-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "dossier-graph-view-private.h"

/* Keeps a node in view when the keyboard moved the selection to it. */
void
_dossier_graph_view_ensure_node_visible (DossierGraphView *self,
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

/* A double click: the actor or relation there shows its passages;
 * elsewhere the view zooms in. */
static void
activate_at (DossierGraphView *self,
             double            x,
             double            y)
{
  int node, edge;

  hit_test (self, x, y, &node, &edge);
  if (node < 0 && edge < 0)
    {
      dossier_graph_view_zoom_by (self, ZOOM_STEP * ZOOM_STEP, x, y, TRUE);
      return;
    }
  _dossier_graph_view_set_selection (self, node, edge);
  _dossier_graph_view_activate (self);
}

static void
click_pressed_cb (DossierGraphView *self,
                  int               n_press,
                  double            x,
                  double            y,
                  GtkGestureClick  *gesture)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (n_press == 2)
    activate_at (self, x, y);
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
    _dossier_graph_view_toggle_in_selection (self, node);
  else
    _dossier_graph_view_set_selection (self, node, edge);
}

void
_dossier_graph_view_open_context_menu (DossierGraphView *self,
                   double            x,
                   double            y)
{
  if (self->context_menu == NULL)
    {
      g_autoptr(GMenu) menu = g_menu_new ();
      g_autoptr(GMenuItem) unpin = g_menu_item_new (_("_Unpin"), "view.unpin");

      g_menu_append (menu, _("Show _Passages"), "view.activate");
      g_menu_append (menu, _("_Centre"), "view.center-selection");
      g_menu_append (menu, _("C_lear Selection"), "view.clear-selection");
      /* Only on a pinned actor. */
      g_menu_item_set_attribute (unpin, "hidden-when", "s", "action-disabled");
      g_menu_append_item (menu, unpin);
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
  if (node < 0 || !_dossier_graph_view_node_is_selected (self, node))
    _dossier_graph_view_set_selection (self, node, edge);
  _dossier_graph_view_open_context_menu (self, x, y);
}

static void
drag_begin_cb (DossierGraphView *self,
               double            x,
               double            y,
               GtkGestureDrag   *gesture)
{
  int node, edge;

  self->drag_origin = self->transform;
  self->dragging = FALSE;

  /* On a node, the drag moves it; elsewhere it pans. */
  hit_test (self, x, y, &node, &edge);
  self->drag_node = node;
  if (node >= 0)
    {
      const DossierLayoutNode *n = get_node (self, node);

      self->drag_node_start = (DossierPoint) { n->x + self->layout->origin.x, n->y + self->layout->origin.y };
    }
}

/* The node follows the pointer, in the stable frame: the layout's own
 * points shift when the drawing grows past its top or left edge. */
static void
drag_node_to (DossierGraphView *self,
              double            dx,
              double            dy)
{
  double x = self->drag_node_start.x + dx / self->transform.scale - self->layout->origin.x;
  double y = self->drag_node_start.y + dy / self->transform.scale - self->layout->origin.y;

  _dossier_graph_view_move_node (self, self->drag_node, x, y);
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
      _dossier_graph_view_stop_animation (self);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
      /* The actor moved is the one the passages and the menu are about. */
      if (self->drag_node >= 0 && !_dossier_graph_view_node_is_selected (self, self->drag_node))
        _dossier_graph_view_set_selection (self, self->drag_node, -1);
    }

  if (self->drag_node >= 0)
    {
      drag_node_to (self, dx, dy);
      return;
    }
  self->transform = self->drag_origin;
  dossier_view_transform_pan (&self->transform, dx, dy);
  _dossier_graph_view_transform_changed (self);
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
  if (self->dragging && self->drag_node >= 0)
    {
      _dossier_graph_view_update_unpin (self);
      _dossier_graph_view_node_moved (self, self->drag_node);
    }
  self->drag_node = -1;
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
  _dossier_graph_view_stop_animation (self);
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
  _dossier_graph_view_transform_changed (self);
}

gboolean
_dossier_graph_view_query_tooltip (GtkWidget  *widget,
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
      guint n_relations = dossier_layout_node_degree (self->layout, node);

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

void
_dossier_graph_view_init_input (DossierGraphView *self)
{
  GtkEventController *controller;

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
}
