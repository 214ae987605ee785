/* dossier-graph-view.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-graph-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "dossier-graph-view-private.h"

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
  NODE_MOVED,
  UNPIN_NODE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DossierGraphView, dossier_graph_view, GTK_TYPE_WIDGET)

/* Zoom settling */

static gboolean
settle_cb (gpointer data)
{
  DossierGraphView *self = data;

  self->settle_id = 0;
  self->settled = TRUE;
  /* The scene is redrawn the scene for the new scale if needed. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

void
_dossier_graph_view_transform_changed (DossierGraphView *self)
{
  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->settled = FALSE;
  self->settle_id = g_timeout_add (SETTLE_MS, settle_cb, self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
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

void
_dossier_graph_view_stop_animation (DossierGraphView *self)
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

  _dossier_graph_view_transform_changed (self);

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

void
_dossier_graph_view_animate_to (DossierGraphView           *self,
            const DossierViewTransform *target,
            gboolean                    animate)
{
  _dossier_graph_view_stop_animation (self);

  if (!animate || !can_animate (self))
    {
      self->transform = *target;
      _dossier_graph_view_transform_changed (self);
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

  _dossier_graph_view_stop_animation (self);

  if (!animate || !can_animate (self))
    {
      dossier_view_transform_zoom_at (&self->transform, target, x, y);
      _dossier_graph_view_transform_changed (self);
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
  _dossier_graph_view_animate_to (self, &target, animate);
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
  _dossier_graph_view_update_unpin (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (old_entity != dossier_graph_view_get_selected_entity (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ENTITY]);
  if (old_relation != dossier_graph_view_get_selected_relation (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_RELATION]);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

void
_dossier_graph_view_set_selection (DossierGraphView *self,
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

gboolean
_dossier_graph_view_node_is_selected (DossierGraphView *self,
                  int               node)
{
  if (node == self->selected_node)
    return TRUE;
  for (guint i = 0; i < self->also_selected->len; i++)
    if ((int) g_array_index (self->also_selected, guint, i) == node)
      return TRUE;
  return FALSE;
}

void
_dossier_graph_view_node_moved (DossierGraphView *self,
                                guint             node)
{
  const DossierLayoutNode *n = get_node (self, node);

  g_signal_emit (self, signals[NODE_MOVED], 0, n->entity, n->x, n->y);
}

/* Asks to unpin every selected actor that is pinned. */
void
_dossier_graph_view_unpin_selection (DossierGraphView *self)
{
  g_autoptr(GArray) entities = dossier_graph_view_get_selected_entities (self);

  for (guint i = 0; i < entities->len; i++)
    if (dossier_layout_entity_is_pinned (self->layout, g_array_index (entities, guint, i)))
      g_signal_emit (self, signals[UNPIN_NODE], 0, g_array_index (entities, guint, i));
}

/* view.unpin is there for a selection with a pin. */
void
_dossier_graph_view_update_unpin (DossierGraphView *self)
{
  g_autoptr(GArray) entities = dossier_graph_view_get_selected_entities (self);
  gboolean pinned = FALSE;

  for (guint i = 0; i < entities->len && !pinned; i++)
    pinned = dossier_layout_entity_is_pinned (self->layout, g_array_index (entities, guint, i));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.unpin", pinned);
}

void
_dossier_graph_view_activate (DossierGraphView *self)
{
  if (self->selected_node >= 0)
    g_signal_emit (self, signals[NODE_ACTIVATED], 0, get_node (self, self->selected_node)->entity);
  else if (self->selected_edge >= 0)
    g_signal_emit (self, signals[RELATION_ACTIVATED], 0, get_edge (self, self->selected_edge)->relation);
}

/* Ctrl+click: adds @node to the actors selected, or takes it out. */
void
_dossier_graph_view_toggle_in_selection (DossierGraphView *self,
                     int               node)
{
  int old_entity = dossier_graph_view_get_selected_entity (self);

  if (self->selected_node < 0)
    {
      _dossier_graph_view_set_selection (self, node, -1);
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

  _dossier_graph_view_stop_animation (self);
  if (self->more_tiles_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->more_tiles_id);
      self->more_tiles_id = 0;
    }
  g_clear_handle_id (&self->settle_id, g_source_remove);
  _dossier_graph_view_clear_scene (self);
  _dossier_graph_view_clear_index (self);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  g_clear_object (&self->extra_menu);
  g_clear_pointer (&self->layout, dossier_layout_unref);
  g_clear_pointer (&self->subgraph, dossier_subgraph_unref);
  g_clear_pointer (&self->tab_order, g_array_unref);
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
dossier_graph_view_class_init (DossierGraphViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_graph_view_dispose;
  object_class->finalize = dossier_graph_view_finalize;
  object_class->get_property = dossier_graph_view_get_property;

  widget_class->measure = dossier_graph_view_measure;
  widget_class->size_allocate = dossier_graph_view_size_allocate;
  widget_class->snapshot = _dossier_graph_view_snapshot;
  widget_class->query_tooltip = _dossier_graph_view_query_tooltip;

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
  /* An actor (entity id) dragged and dropped at (x, y), in the points of
   * the view's layout, which shows it there until the next one comes. */
  signals[NODE_MOVED] =
    g_signal_new ("node-moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  /* view.unpin: the person wants this actor (entity id) free again. */
  signals[UNPIN_NODE] =
    g_signal_new ("unpin-node", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  _dossier_graph_view_class_init_actions (widget_class);

  gtk_widget_class_set_css_name (widget_class, "graphview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
dossier_graph_view_init (DossierGraphView *self)
{
  dossier_view_transform_init (&self->transform);
  self->hover_node = self->hover_edge = -1;
  self->selected_node = self->selected_edge = -1;
  self->drag_node = -1;
  self->also_selected = g_array_new (FALSE, FALSE, sizeof (guint));

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  _dossier_graph_view_init_input (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.unpin", FALSE);

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
  gboolean hold = self->hold_view && self->layout != NULL && layout != NULL;
  DossierPoint old_origin = { 0, 0 };

  g_return_if_fail (DOSSIER_IS_GRAPH_VIEW (self));
  g_return_if_fail ((subgraph == NULL) == (layout == NULL));

  if (self->layout != NULL)
    old_origin = self->layout->origin;
  self->hold_view = FALSE;
  /* A drag under way lets go of a node that may be gone. */
  if (self->drag_node >= 0)
    {
      self->drag_node = -1;
      gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->drag));
    }

  old_entity = dossier_graph_view_get_selected_entity (self);
  old_relation = dossier_graph_view_get_selected_relation (self);
  old_also = dossier_graph_view_get_selected_entities (self);
  g_array_remove_range (old_also, 0, MIN (old_also->len, 1));
  g_array_set_size (self->also_selected, 0);

  _dossier_graph_view_stop_animation (self);
  _dossier_graph_view_clear_scene (self);
  _dossier_graph_view_clear_index (self);
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

  if (hold)
    {
      /* The same stable place, the same pixel. */
      self->transform.offset_x += (layout->origin.x - old_origin.x) * self->transform.scale;
      self->transform.offset_y += (layout->origin.y - old_origin.y) * self->transform.scale;
      _dossier_graph_view_transform_changed (self);
    }
  else
    dossier_graph_view_zoom_fit (self, FALSE);
  update_accessible (self);
  _dossier_graph_view_update_unpin (self);
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

void
dossier_graph_view_hold_view (DossierGraphView *self)
{
  g_return_if_fail (DOSSIER_IS_GRAPH_VIEW (self));
  self->hold_view = TRUE;
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

  _dossier_graph_view_stop_animation (self);
  self->needs_fit = FALSE;
  self->transform = *transform;
  self->transform.scale = CLAMP (self->transform.scale, DOSSIER_VIEW_MIN_SCALE, DOSSIER_VIEW_MAX_SCALE);
  _dossier_graph_view_transform_changed (self);
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

/* The node that draws @entity, or -1 when the view does not show it. */
static int
shown_node (DossierGraphView *self,
            guint             entity)
{
  return self->layout != NULL ? dossier_layout_find_entity (self->layout, entity) : -1;
}

/* What Ctrl+click on an actor does: adds it to the selection, or takes it
 * out.  FALSE when the actor is not shown. */
gboolean
dossier_graph_view_toggle_entity (DossierGraphView *self,
                                  guint             entity)
{
  int node;

  g_return_val_if_fail (DOSSIER_IS_GRAPH_VIEW (self), FALSE);

  if ((node = shown_node (self, entity)) < 0)
    return FALSE;
  if (self->selected_edge >= 0)
    _dossier_graph_view_set_selection (self, node, -1);
  else
    _dossier_graph_view_toggle_in_selection (self, node);
  return TRUE;
}

gboolean
dossier_graph_view_select_entity (DossierGraphView *self,
                                  guint             entity)
{
  int node;

  g_return_val_if_fail (DOSSIER_IS_GRAPH_VIEW (self), FALSE);

  if ((node = shown_node (self, entity)) < 0)
    return FALSE;
  _dossier_graph_view_set_selection (self, node, -1);
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
        _dossier_graph_view_set_selection (self, -1, i);
        return TRUE;
      }
  return FALSE;
}

void
dossier_graph_view_clear_selection (DossierGraphView *self)
{
  g_return_if_fail (DOSSIER_IS_GRAPH_VIEW (self));

  _dossier_graph_view_set_selection (self, -1, -1);
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

  if ((node = shown_node (self, entity)) < 0)
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
  _dossier_graph_view_animate_to (self, &target, animate);
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

  if ((node = shown_node (self, entity)) < 0)
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
          /* The layout's midpoint of the curve, where its label goes. */
          dossier_view_transform_to_widget (&self->transform, e->label.x, e->label.y, x, y);
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
