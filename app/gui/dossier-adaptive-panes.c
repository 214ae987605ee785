/* dossier-adaptive-panes.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-adaptive-panes"

#include "config.h"

#include <adwaita.h>

#include "dossier-adaptive-panes.h"

struct _DossierAdaptivePanes
{
  GtkWidget  parent_instance;

  /* owned: children of this widget */
  AdwFlap   *outer;   /* start pane | inner */
  AdwFlap   *inner;   /* content | end pane */

  /* borrowed */
  GtkStack  *end_stack;

  char      *end_idle_page;
  int        threshold;
  gboolean   narrow;
};

G_DEFINE_FINAL_TYPE (DossierAdaptivePanes, dossier_adaptive_panes, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_START,
  PROP_CONTENT,
  PROP_END,
  PROP_END_STACK,
  PROP_END_IDLE_PAGE,
  PROP_THRESHOLD,
  PROP_NARROW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
end_is_idle (DossierAdaptivePanes *self)
{
  const char *page;

  if (self->end_stack == NULL || self->end_idle_page == NULL)
    return FALSE;
  page = gtk_stack_get_visible_child_name (self->end_stack);
  return g_strcmp0 (page, self->end_idle_page) == 0;
}

static void
update_end_reveal (DossierAdaptivePanes *self)
{
  adw_flap_set_reveal_flap (self->inner, !self->narrow || !end_is_idle (self));
}

static void
set_narrow (DossierAdaptivePanes *self,
            gboolean              narrow)
{
  AdwFlapFoldPolicy policy = narrow ? ADW_FLAP_FOLD_POLICY_ALWAYS : ADW_FLAP_FOLD_POLICY_NEVER;

  if (self->narrow == narrow)
    return;
  self->narrow = narrow;
  adw_flap_set_fold_policy (self->outer, policy);
  adw_flap_set_fold_policy (self->inner, policy);
  update_end_reveal (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NARROW]);
}

static void
dossier_adaptive_panes_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  DossierAdaptivePanes *self = DOSSIER_ADAPTIVE_PANES (widget);

  gtk_widget_measure (GTK_WIDGET (self->outer), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
dossier_adaptive_panes_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  DossierAdaptivePanes *self = DOSSIER_ADAPTIVE_PANES (widget);

  /* Decided here, from the width actually given (a maximised window's
   * default-width is not its width), before the flaps are allocated. */
  set_narrow (self, width < self->threshold);
  gtk_widget_allocate (GTK_WIDGET (self->outer), width, height, baseline, NULL);
}

static void
set_end_stack (DossierAdaptivePanes *self,
               GtkStack             *stack)
{
  if (self->end_stack == stack)
    return;
  if (self->end_stack != NULL)
    g_signal_handlers_disconnect_by_func (self->end_stack, update_end_reveal, self);
  g_set_weak_pointer (&self->end_stack, stack);
  if (stack != NULL)
    g_signal_connect_object (stack, "notify::visible-child-name",
                             G_CALLBACK (update_end_reveal), self, G_CONNECT_SWAPPED);
  update_end_reveal (self);
}

static void
dossier_adaptive_panes_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  DossierAdaptivePanes *self = DOSSIER_ADAPTIVE_PANES (object);

  switch (prop_id)
    {
    case PROP_START:
      g_value_set_object (value, adw_flap_get_flap (self->outer));
      break;
    case PROP_CONTENT:
      g_value_set_object (value, adw_flap_get_content (self->inner));
      break;
    case PROP_END:
      g_value_set_object (value, adw_flap_get_flap (self->inner));
      break;
    case PROP_END_STACK:
      g_value_set_object (value, self->end_stack);
      break;
    case PROP_END_IDLE_PAGE:
      g_value_set_string (value, self->end_idle_page);
      break;
    case PROP_THRESHOLD:
      g_value_set_int (value, self->threshold);
      break;
    case PROP_NARROW:
      g_value_set_boolean (value, self->narrow);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_adaptive_panes_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  DossierAdaptivePanes *self = DOSSIER_ADAPTIVE_PANES (object);

  switch (prop_id)
    {
    case PROP_START:
      adw_flap_set_flap (self->outer, g_value_get_object (value));
      break;
    case PROP_CONTENT:
      adw_flap_set_content (self->inner, g_value_get_object (value));
      break;
    case PROP_END:
      adw_flap_set_flap (self->inner, g_value_get_object (value));
      break;
    case PROP_END_STACK:
      set_end_stack (self, g_value_get_object (value));
      break;
    case PROP_END_IDLE_PAGE:
      g_free (self->end_idle_page);
      self->end_idle_page = g_value_dup_string (value);
      update_end_reveal (self);
      break;
    case PROP_THRESHOLD:
      self->threshold = g_value_get_int (value);
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_adaptive_panes_dispose (GObject *object)
{
  DossierAdaptivePanes *self = DOSSIER_ADAPTIVE_PANES (object);

  set_end_stack (self, NULL);
  if (self->outer != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->outer));
  self->outer = NULL;
  self->inner = NULL;

  G_OBJECT_CLASS (dossier_adaptive_panes_parent_class)->dispose (object);
}

static void
dossier_adaptive_panes_finalize (GObject *object)
{
  DossierAdaptivePanes *self = DOSSIER_ADAPTIVE_PANES (object);

  g_free (self->end_idle_page);

  G_OBJECT_CLASS (dossier_adaptive_panes_parent_class)->finalize (object);
}

static void
dossier_adaptive_panes_class_init (DossierAdaptivePanesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = dossier_adaptive_panes_get_property;
  object_class->set_property = dossier_adaptive_panes_set_property;
  object_class->dispose = dossier_adaptive_panes_dispose;
  object_class->finalize = dossier_adaptive_panes_finalize;
  widget_class->measure = dossier_adaptive_panes_measure;
  widget_class->size_allocate = dossier_adaptive_panes_size_allocate;

  properties[PROP_START] = g_param_spec_object ("start", NULL, NULL, GTK_TYPE_WIDGET, flags);
  properties[PROP_CONTENT] = g_param_spec_object ("content", NULL, NULL, GTK_TYPE_WIDGET, flags);
  properties[PROP_END] = g_param_spec_object ("end", NULL, NULL, GTK_TYPE_WIDGET, flags);
  properties[PROP_END_STACK] = g_param_spec_object ("end-stack", NULL, NULL, GTK_TYPE_STACK, flags);
  properties[PROP_END_IDLE_PAGE] = g_param_spec_string ("end-idle-page", NULL, NULL, NULL, flags);
  properties[PROP_THRESHOLD] = g_param_spec_int ("threshold", NULL, NULL, 0, G_MAXINT,
                                                 DOSSIER_ADAPTIVE_PANES_THRESHOLD, flags);
  properties[PROP_NARROW] = g_param_spec_boolean ("narrow", NULL, NULL, FALSE,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "adaptivepanes");
}

static AdwFlap *
new_flap (GtkPackType position)
{
  AdwFlap *flap = ADW_FLAP (adw_flap_new ());

  adw_flap_set_flap_position (flap, position);
  adw_flap_set_fold_policy (flap, ADW_FLAP_FOLD_POLICY_NEVER);
  /* The panes open and close from the window's own controls (the
   * filters button, a selection), never on their own. */
  adw_flap_set_locked (flap, TRUE);
  adw_flap_set_modal (flap, FALSE);
  adw_flap_set_swipe_to_open (flap, FALSE);
  adw_flap_set_swipe_to_close (flap, FALSE);
  adw_flap_set_reveal_flap (flap, TRUE);
  return flap;
}

static void
dossier_adaptive_panes_init (DossierAdaptivePanes *self)
{
  self->threshold = DOSSIER_ADAPTIVE_PANES_THRESHOLD;
  self->outer = new_flap (GTK_PACK_START);
  self->inner = new_flap (GTK_PACK_END);
  adw_flap_set_content (self->outer, GTK_WIDGET (self->inner));
  gtk_widget_set_parent (GTK_WIDGET (self->outer), GTK_WIDGET (self));
}

gboolean
dossier_adaptive_panes_get_narrow (DossierAdaptivePanes *self)
{
  g_return_val_if_fail (DOSSIER_IS_ADAPTIVE_PANES (self), FALSE);
  return self->narrow;
}

gboolean
dossier_adaptive_panes_get_end_revealed (DossierAdaptivePanes *self)
{
  g_return_val_if_fail (DOSSIER_IS_ADAPTIVE_PANES (self), FALSE);
  return adw_flap_get_reveal_flap (self->inner);
}
