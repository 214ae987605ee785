/* dossier-timeline.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A strip above the graph: passages over time as a small histogram, on
 * which a date range is dragged.  Emits "range-changed" when the drag ends
 * (not on every motion, so a drag never queues up layouts). */

#define G_LOG_DOMAIN "dossier-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-timeline.h"

#define PADDING 6.0

struct _DossierTimeline
{
  GtkWidget  parent_instance;

  GArray    *counts;        /* guint per day */
  guint32    first_julian;

  /* Selection, in Julian days; 0 when there is none. */
  guint32    sel_first;
  guint32    sel_last;

  double     drag_start_x;
  gboolean   dragging;
};

G_DEFINE_FINAL_TYPE (DossierTimeline, dossier_timeline, GTK_TYPE_WIDGET)

enum {
  RANGE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
n_days (DossierTimeline *self)
{
  return self->counts != NULL ? self->counts->len : 0;
}

double
dossier_timeline_day_to_x (DossierTimeline *self,
                           guint32          julian)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self)) - 2 * PADDING;
  guint n = n_days (self);

  g_return_val_if_fail (DOSSIER_IS_TIMELINE (self), 0);

  if (n <= 1 || width <= 0)
    return PADDING;

  return PADDING + width * (double) ((gint64) julian - self->first_julian) / (n - 1);
}

static guint32
x_to_day (DossierTimeline *self,
          double           x)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self)) - 2 * PADDING;
  guint n = n_days (self);
  double t;

  if (n == 0)
    return 0;
  if (n == 1 || width <= 0)
    return self->first_julian;

  t = CLAMP ((x - PADDING) / width, 0.0, 1.0);
  return self->first_julian + (guint32) (t * (n - 1) + 0.5);
}

static char *
format_day (guint32 julian)
{
  GDate date;
  char buf[64];

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  /* Translators: a date in the timeline's tooltip and labels, strftime format. */
  if (g_date_strftime (buf, sizeof buf, _("%e %b %Y"), &date) == 0)
    return g_strdup ("");
  return g_strdup (g_strstrip (buf));
}

static void
update_accessible (DossierTimeline *self)
{
  g_autofree char *description = NULL;

  if (self->sel_first != 0)
    {
      g_autofree char *a = format_day (self->sel_first);
      g_autofree char *b = format_day (self->sel_last);

      /* Translators: the selected range of the timeline, e.g. "From 1 Aug 2020 to 30 Sep 2020". */
      description = g_strdup_printf (_("From %s to %s"), a, b);
    }
  else
    description = g_strdup (_("All dates"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
dossier_timeline_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  DossierTimeline *self = DOSSIER_TIMELINE (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double plot = width - 2 * PADDING;
  guint n = n_days (self);
  GdkRGBA fg, bar, sel;
  guint max = 0;
  guint n_bins;
  g_autofree guint *bins = NULL;

  /* gtk_widget_get_color is 4.10; the style context is 4.8's way. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  bar = fg;
  bar.alpha = 0.55;
  sel = (GdkRGBA) { 0.21, 0.52, 0.89, 0.25 };

  if (n == 0 || plot <= 0)
    return;

  /* One bin per few pixels, so years of articles stay readable. */
  n_bins = MAX (1, MIN (n, (guint) (plot / 4)));
  bins = g_new0 (guint, n_bins);
  for (guint d = 0; d < n; d++)
    {
      guint b = (guint) ((guint64) d * n_bins / n);
      bins[b] += g_array_index (self->counts, guint, d);
    }
  for (guint b = 0; b < n_bins; b++)
    max = MAX (max, bins[b]);

  if (self->sel_first != 0)
    {
      /* An open end ("from" alone) runs to the edge, not past it. */
      double x1 = CLAMP (dossier_timeline_day_to_x (self, self->sel_first), PADDING, width - PADDING);
      double x2 = CLAMP (dossier_timeline_day_to_x (self, self->sel_last), PADDING, width - PADDING);

      gtk_snapshot_append_color (snapshot, &sel,
                                 &GRAPHENE_RECT_INIT (MIN (x1, x2) - 2, 0, ABS (x2 - x1) + 4, height));
    }

  for (guint b = 0; b < n_bins && max > 0; b++)
    {
      /* Articles of a single day are a bar, not the whole strip. */
      double bw = n_bins > 1 ? plot / n_bins : 6;
      double bh = (height - 4) * bins[b] / max;

      if (bins[b] == 0)
        continue;
      gtk_snapshot_append_color (snapshot, &bar,
                                 &GRAPHENE_RECT_INIT (PADDING + b * bw, height - 2 - MAX (bh, 2),
                                                      MAX (bw - 1, 1), MAX (bh, 2)));
    }
}

static void
dossier_timeline_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 60;
      *natural = 400;
    }
  else
    {
      *minimum = 24;
      *natural = 36;
    }
}

static void
set_range_internal (DossierTimeline *self,
                    guint32          first,
                    guint32          last)
{
  if (first > last)
    {
      guint32 tmp = first;
      first = last;
      last = tmp;
    }

  self->sel_first = first;
  self->sel_last = last;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_begin (GtkGestureDrag  *gesture,
               double           x,
               double           y,
               DossierTimeline *self)
{
  if (n_days (self) == 0)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  self->drag_start_x = x;
  self->dragging = TRUE;
}

static void
on_drag_update (GtkGestureDrag  *gesture,
                double           dx,
                double           dy,
                DossierTimeline *self)
{
  if (!self->dragging || ABS (dx) < 3)
    return;

  set_range_internal (self, x_to_day (self, self->drag_start_x),
                      x_to_day (self, self->drag_start_x + dx));
}

static void
on_drag_end (GtkGestureDrag  *gesture,
             double           dx,
             double           dy,
             DossierTimeline *self)
{
  if (!self->dragging)
    return;

  self->dragging = FALSE;

  /* A click without a drag clears the range. */
  if (ABS (dx) < 3)
    set_range_internal (self, 0, 0);

  g_signal_emit (self, signals[RANGE_CHANGED], 0);
}

static gboolean
dossier_timeline_query_tooltip (GtkWidget  *widget,
                                int         x,
                                int         y,
                                gboolean    keyboard,
                                GtkTooltip *tooltip)
{
  DossierTimeline *self = DOSSIER_TIMELINE (widget);
  g_autofree char *day = NULL;
  g_autofree char *text = NULL;

  if (n_days (self) == 0)
    return FALSE;

  day = format_day (x_to_day (self, x));
  /* Translators: timeline tooltip; %s is a date. */
  text = g_strdup_printf (_("%s — drag to choose a date range, click to clear it"), day);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
dossier_timeline_finalize (GObject *object)
{
  DossierTimeline *self = DOSSIER_TIMELINE (object);

  g_clear_pointer (&self->counts, g_array_unref);

  G_OBJECT_CLASS (dossier_timeline_parent_class)->finalize (object);
}

static void
dossier_timeline_class_init (DossierTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = dossier_timeline_finalize;
  widget_class->snapshot = dossier_timeline_snapshot;
  widget_class->measure = dossier_timeline_measure;
  widget_class->query_tooltip = dossier_timeline_query_tooltip;

  signals[RANGE_CHANGED] = g_signal_new ("range-changed",
                                         G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
dossier_timeline_init (DossierTimeline *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline of passages"),
                                  -1);
  update_accessible (self);
}

GtkWidget *
dossier_timeline_new (void)
{
  return g_object_new (DOSSIER_TYPE_TIMELINE, NULL);
}

void
dossier_timeline_set_counts (DossierTimeline *self,
                             GArray          *counts,
                             guint32          first_julian)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE (self));

  g_clear_pointer (&self->counts, g_array_unref);
  if (counts != NULL)
    self->counts = g_array_ref (counts);
  self->first_julian = first_julian;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
dossier_timeline_get_range (DossierTimeline *self,
                            guint32         *first,
                            guint32         *last)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE (self), FALSE);

  if (self->sel_first == 0)
    return FALSE;

  if (first != NULL)
    *first = self->sel_first;
  if (last != NULL)
    *last = self->sel_last;
  return TRUE;
}

/* The days the timeline covers; FALSE when it has none. */
gboolean
dossier_timeline_get_days (DossierTimeline *self,
                           guint32         *first,
                           guint32         *last)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE (self), FALSE);

  if (n_days (self) == 0)
    return FALSE;
  *first = self->first_julian;
  *last = self->first_julian + n_days (self) - 1;
  return TRUE;
}

void
dossier_timeline_set_range (DossierTimeline *self,
                            guint32          first,
                            guint32          last)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE (self));

  set_range_internal (self, first, last);
}
