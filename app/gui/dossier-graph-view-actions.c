/* dossier-graph-view-actions.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The view's actions and their keys, as a table. */

#define G_LOG_DOMAIN "dossier-graph-view"

#include "config.h"

#include <math.h>

#include "dossier-graph-view-private.h"

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

  _dossier_graph_view_set_selection (self, g_array_index (self->tab_order, guint, pos), -1);
  _dossier_graph_view_ensure_node_visible (self, self->selected_node);
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
      _dossier_graph_view_set_selection (self, best, -1);
      _dossier_graph_view_ensure_node_visible (self, best);
    }
}

/* Where the selection is drawn, in layout points: an actor's centre or a
 * relation's label point (the layout's midpoint of the curve). */
static gboolean
selection_point (DossierGraphView *self,
                 DossierPoint     *p)
{
  if (self->selected_node >= 0)
    {
      const DossierLayoutNode *n = get_node (self, self->selected_node);

      *p = (DossierPoint) { n->x, n->y };
      return TRUE;
    }
  if (self->selected_edge >= 0)
    {
      *p = get_edge (self, self->selected_edge)->label;
      return TRUE;
    }
  return FALSE;
}

/* Each action gets the view, its parameter, the table's @arg and the
 * middle of the widget (@cx, @cy), the keyboard's zoom centre. */
typedef void (*ViewActionFunc) (DossierGraphView *self,
                                GVariant         *param,
                                int               arg,
                                double            cx,
                                double            cy);

static void
zoom_step_action (DossierGraphView *self,
                  GVariant         *param,
                  int               arg,
                  double            cx,
                  double            cy)
{
  dossier_graph_view_zoom_by (self, pow (ZOOM_STEP, arg), cx, cy, TRUE);
}

static void
zoom_fit_action (DossierGraphView *self,
                 GVariant         *param,
                 int               arg,
                 double            cx,
                 double            cy)
{
  dossier_graph_view_zoom_fit (self, TRUE);
}

static void
zoom_reset_action (DossierGraphView *self,
                   GVariant         *param,
                   int               arg,
                   double            cx,
                   double            cy)
{
  /* Relative to where a zoom under way is heading, so the end is 1. */
  double from = self->tick_id != 0 && self->anim_anchored ? self->anim_to.scale : self->transform.scale;

  dossier_graph_view_zoom_by (self, 1.0 / from, cx, cy, TRUE);
}

static void
pan_action (DossierGraphView *self,
            GVariant         *param,
            int               arg,
            double            cx,
            double            cy)
{
  DossierViewTransform target = self->transform;
  int dx, dy;

  g_variant_get (param, "(ii)", &dx, &dy);
  dossier_view_transform_pan (&target, -dx * PAN_STEP, -dy * PAN_STEP);
  _dossier_graph_view_animate_to (self, &target, TRUE);
}

static void
select_step_action (DossierGraphView *self,
                    GVariant         *param,
                    int               arg,
                    double            cx,
                    double            cy)
{
  select_step (self, arg);
}

static void
select_direction_action (DossierGraphView *self,
                         GVariant         *param,
                         int               arg,
                         double            cx,
                         double            cy)
{
  int dx, dy;

  g_variant_get (param, "(ii)", &dx, &dy);
  select_direction (self, dx, dy);
}

static void
activate_action (DossierGraphView *self,
                 GVariant         *param,
                 int               arg,
                 double            cx,
                 double            cy)
{
  _dossier_graph_view_activate (self);
}

static void
clear_selection_action (DossierGraphView *self,
                        GVariant         *param,
                        int               arg,
                        double            cx,
                        double            cy)
{
  dossier_graph_view_clear_selection (self);
}

static void
center_selection_action (DossierGraphView *self,
                         GVariant         *param,
                         int               arg,
                         double            cx,
                         double            cy)
{
  DossierViewTransform target = self->transform;
  DossierPoint p;

  if (self->selected_node >= 0)
    dossier_graph_view_center_on_entity (self, get_node (self, self->selected_node)->entity, TRUE);
  else if (selection_point (self, &p))
    {
      dossier_view_transform_center_on (&target, p.x, p.y, cx, cy);
      _dossier_graph_view_animate_to (self, &target, TRUE);
    }
}

static void
unpin_action (DossierGraphView *self,
              GVariant         *param,
              int               arg,
              double            cx,
              double            cy)
{
  _dossier_graph_view_unpin_selection (self);
}

static void
context_menu_action (DossierGraphView *self,
                     GVariant         *param,
                     int               arg,
                     double            cx,
                     double            cy)
{
  DossierPoint p;
  double x, y;

  if (!selection_point (self, &p))
    return;
  dossier_view_transform_to_widget (&self->transform, p.x, p.y, &x, &y);
  _dossier_graph_view_open_context_menu (self, CLAMP (x, 0, cx * 2), CLAMP (y, 0, cy * 2));
}

static const struct
{
  const char     *name;
  const char     *parameter_type;
  ViewActionFunc  activate;
  int             arg;
} actions[] = {
  { "view.zoom-in",          NULL,   zoom_step_action,         1 },
  { "view.zoom-out",         NULL,   zoom_step_action,        -1 },
  { "view.zoom-fit",         NULL,   zoom_fit_action,          0 },
  { "view.zoom-reset",       NULL,   zoom_reset_action,        0 },
  { "view.pan",              "(ii)", pan_action,               0 },
  { "view.select-next",      NULL,   select_step_action,       1 },
  { "view.select-previous",  NULL,   select_step_action,      -1 },
  { "view.select-direction", "(ii)", select_direction_action,  0 },
  { "view.activate",         NULL,   activate_action,          0 },
  { "view.clear-selection",  NULL,   clear_selection_action,   0 },
  { "view.center-selection", NULL,   center_selection_action,  0 },
  { "view.context-menu",     NULL,   context_menu_action,      0 },
  { "view.unpin",            NULL,   unpin_action,             0 },
};

static void
view_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  DossierGraphView *self = DOSSIER_GRAPH_VIEW (widget);

  /* From the keyboard, what the pointer last hovered (now elsewhere after
   * a zoom) no longer decides what is highlighted; moving it again does. */
  if (self->hover_node >= 0 || self->hover_edge >= 0)
    {
      self->hover_node = self->hover_edge = -1;
      gtk_widget_queue_draw (widget);
    }

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (g_str_equal (action_name, actions[i].name))
      actions[i].activate (self, param, actions[i].arg,
                           gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
}

static const struct
{
  guint            key;
  GdkModifierType  mods;
  const char      *action;
} keys[] = {
  { GDK_KEY_plus,         0,              "view.zoom-in" },
  { GDK_KEY_equal,        0,              "view.zoom-in" },
  { GDK_KEY_KP_Add,       0,              "view.zoom-in" },
  { GDK_KEY_minus,        0,              "view.zoom-out" },
  { GDK_KEY_KP_Subtract,  0,              "view.zoom-out" },
  { GDK_KEY_0,            0,              "view.zoom-fit" },
  { GDK_KEY_KP_0,         0,              "view.zoom-fit" },
  { GDK_KEY_1,            0,              "view.zoom-reset" },
  { GDK_KEY_Tab,          0,              "view.select-next" },
  { GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK, "view.select-previous" },
  { GDK_KEY_Tab,          GDK_SHIFT_MASK, "view.select-previous" },
  { GDK_KEY_Return,       0,              "view.activate" },
  { GDK_KEY_KP_Enter,     0,              "view.activate" },
  { GDK_KEY_space,        0,              "view.activate" },
  { GDK_KEY_Escape,       0,              "view.clear-selection" },
  { GDK_KEY_Menu,         0,              "view.context-menu" },
  { GDK_KEY_F10,          GDK_SHIFT_MASK, "view.context-menu" },
  { GDK_KEY_c,            0,              "view.center-selection" },
};

/* Arrows move the selection; with Ctrl they pan. */
static const struct
{
  guint key;
  int   dx;
  int   dy;
} arrows[] = {
  { GDK_KEY_Left, -1, 0 }, { GDK_KEY_Right, 1, 0 }, { GDK_KEY_Up, 0, -1 }, { GDK_KEY_Down, 0, 1 },
  { GDK_KEY_KP_Left, -1, 0 }, { GDK_KEY_KP_Right, 1, 0 }, { GDK_KEY_KP_Up, 0, -1 }, { GDK_KEY_KP_Down, 0, 1 },
};

static void
add_key (GtkWidgetClass  *widget_class,
         guint            key,
         GdkModifierType  mods,
         const char      *action,
         GVariant        *arguments)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (key, mods),
                                            gtk_named_action_new (action));

  if (arguments != NULL)
    gtk_shortcut_set_arguments (shortcut, arguments);
  gtk_widget_class_add_shortcut (widget_class, shortcut);
  g_object_unref (shortcut);
}

void
_dossier_graph_view_class_init_actions (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i].name, actions[i].parameter_type,
                                     view_action_cb);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    add_key (widget_class, keys[i].key, keys[i].mods, keys[i].action, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    {
      add_key (widget_class, arrows[i].key, 0, "view.select-direction",
               g_variant_new ("(ii)", arrows[i].dx, arrows[i].dy));
      add_key (widget_class, arrows[i].key, GDK_CONTROL_MASK, "view.pan",
               g_variant_new ("(ii)", arrows[i].dx, arrows[i].dy));
    }
}
