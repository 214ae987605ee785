/* dossier-timeline.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A strip above the graph: passages over time as a small histogram on a
 * labelled axis, on which a date range is dragged.  Emits "range-changed"
 * when the drag ends (not on every motion, so a drag never queues up
 * layouts) and at each step of playback.
 *
 * The axis leaves out isolated outliers (a reader comment about 1983 in a
 * corpus of 2019–2025), marked with their count at its edge; passages of
 * unknown date get a bar of their own at the right.  Ctrl+scroll zooms
 * the axis around the pointer (months appear when there is room). */

#define G_LOG_DOMAIN "dossier-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-timeline.h"

#define PADDING 10.0
#define AXIS_HEIGHT 14.0
#define UNDATED_WIDTH 48.0
#define UNDATED_GAP 8.0
/* An end group of dates is an outlier when it holds at most this share of
 * the passages (at least two) and the gap to the rest is more than this
 * many times the rest's span. */
#define OUTLIER_SHARE 0.05
#define OUTLIER_GAP_FACTOR 3
#define MIN_CORE_SPAN 30
#define PLAY_INTERVAL_MS 1000
/* The narrowest zoom, in days. */
#define MIN_ZOOM_SPAN 45

struct _DossierTimeline
{
  GtkWidget  parent_instance;

  GArray    *counts;        /* guint per day */
  guint32    first_julian;
  guint      n_undated;

  /* The dates without outliers (home), and the part of them the axis
   * shows (all of them until Ctrl+scroll zooms in), in Julian days. */
  guint32    home_first;
  guint32    home_last;
  guint32    axis_first;
  guint32    axis_last;
  guint      n_before;   /* passages left of the axis */
  guint      n_after;

  /* Selection, in Julian days; 0 when there is none. */
  guint32    sel_first;
  guint32    sel_last;

  double     drag_start_x;
  gboolean   dragging;

  guint      play_source;
};

G_DEFINE_FINAL_TYPE (DossierTimeline, dossier_timeline, GTK_TYPE_WIDGET)

enum {
  RANGE_CHANGED,
  N_SIGNALS
};

enum {
  PROP_0,
  PROP_PLAYING,
  N_PROPS
};

static guint signals[N_SIGNALS];
static GParamSpec *properties[N_PROPS];

static guint
n_days (DossierTimeline *self)
{
  return self->counts != NULL ? self->counts->len : 0;
}

static guint
count_at (DossierTimeline *self,
          guint32          julian)
{
  return g_array_index (self->counts, guint, julian - self->first_julian);
}

/* Left edge and width of the dated part of the strip. */
static double
plot_width (DossierTimeline *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self)) - 2 * PADDING;

  if (self->n_undated > 0)
    width -= UNDATED_WIDTH + UNDATED_GAP;
  return width;
}

/* Outliers --------------------------------------------------------------- */

/* The days with passages, in order. */
static GArray *
dated_days (DossierTimeline *self,
            guint           *total)
{
  GArray *days = g_array_new (FALSE, FALSE, sizeof (guint32));

  *total = 0;
  for (guint d = 0; d < n_days (self); d++)
    {
      guint n = g_array_index (self->counts, guint, d);
      guint32 day = self->first_julian + d;

      if (n == 0)
        continue;
      *total += n;
      g_array_append_val (days, day);
    }
  return days;
}

/* How many of the days at one end of @days[lo..hi] are outliers: the
 * group before the widest gap that holds few passages and lies far from
 * the rest.  @step is +1 from the start, -1 from the end. */
static guint
trim_end (DossierTimeline *self,
          GArray          *days,
          guint            lo,
          guint            hi,
          int              step,
          guint            limit)
{
  guint taken = 0, best = 0;
  guint n = hi - lo + 1;

  for (guint k = 0; k + 1 < n; k++)
    {
      guint32 here = g_array_index (days, guint32, step > 0 ? lo + k : hi - k);
      guint32 next = g_array_index (days, guint32, step > 0 ? lo + k + 1 : hi - k - 1);
      guint32 far = g_array_index (days, guint32, step > 0 ? hi : lo);
      guint32 gap = step > 0 ? next - here : here - next;
      guint32 rest = MAX (step > 0 ? far - next : next - far, MIN_CORE_SPAN);

      taken += count_at (self, here);
      if (taken > limit)
        break;
      if (gap > OUTLIER_GAP_FACTOR * rest)
        best = k + 1;
    }
  return best;
}

/* Shows @first..@last on the axis and counts the passages either side. */
static void
set_view (DossierTimeline *self,
          guint32          first,
          guint32          last)
{
  self->axis_first = first;
  self->axis_last = last;
  self->n_before = self->n_after = 0;
  for (guint d = 0; d < n_days (self); d++)
    {
      guint32 day = self->first_julian + d;

      if (day < first)
        self->n_before += g_array_index (self->counts, guint, d);
      else if (day > last)
        self->n_after += g_array_index (self->counts, guint, d);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
compute_axis (DossierTimeline *self)
{
  guint total, lo, hi, limit;
  g_autoptr(GArray) days = dated_days (self, &total);

  self->home_first = self->first_julian;
  self->home_last = self->first_julian + MAX (n_days (self), 1) - 1;
  if (days->len >= 3)
    {
      limit = MAX (2, (guint) (total * OUTLIER_SHARE));
      lo = trim_end (self, days, 0, days->len - 1, +1, limit);
      hi = days->len - 1 - trim_end (self, days, lo, days->len - 1, -1, limit);
      self->home_first = g_array_index (days, guint32, lo);
      self->home_last = g_array_index (days, guint32, hi);
    }
  set_view (self, self->home_first, self->home_last);
}

/* Coordinates ------------------------------------------------------------ */

double
dossier_timeline_day_to_x (DossierTimeline *self,
                           guint32          julian)
{
  double width;
  guint32 span;

  g_return_val_if_fail (DOSSIER_IS_TIMELINE (self), 0);

  width = plot_width (self);
  span = self->axis_last - self->axis_first;
  if (n_days (self) == 0 || width <= 0)
    return PADDING;
  if (span == 0)
    return PADDING + width / 2;

  return PADDING + width * (double) ((gint64) julian - self->axis_first) / span;
}

static guint32
x_to_day (DossierTimeline *self,
          double           x)
{
  double width = plot_width (self);
  guint32 span = self->axis_last - self->axis_first;
  double t;

  if (n_days (self) == 0)
    return 0;
  if (span == 0 || width <= 0)
    return self->axis_first;

  /* Past the edge reaches the outliers too. */
  if (x < PADDING)
    return self->first_julian;
  if (x > PADDING + width)
    return self->first_julian + n_days (self) - 1;

  t = CLAMP ((x - PADDING) / width, 0.0, 1.0);
  return self->axis_first + (guint32) (t * span + 0.5);
}

static GDate *
julian_to_gdate (guint32 julian)
{
  GDate *date = g_date_new ();

  g_date_set_julian (date, julian);
  return date;
}

static char *
format_date (guint32     julian,
             const char *format)
{
  g_autoptr(GDate) date = julian_to_gdate (julian);
  char buf[64];

  if (g_date_strftime (buf, sizeof buf, format, date) == 0)
    return g_strdup ("");
  return g_strdup (g_strstrip (buf));
}

static char *
format_day (guint32 julian)
{
  /* Translators: a date in the timeline's tooltip and labels, strftime format. */
  return format_date (julian, _("%e %b %Y"));
}

/* Axis ticks ------------------------------------------------------------- */

/* Minimum room for one label, in pixels. */
#define TICK_ROOM 44.0

static const guint year_steps[] = { 1, 2, 5, 10, 20, 50, 100 };

/* Ticks on the first of each month when months have room, else on the
 * first of January every 1, 2, 5… years. */
static void
compute_ticks (DossierTimeline *self,
               GArray          *days,
               GPtrArray       *labels)
{
  double width = plot_width (self);
  guint32 span = self->axis_last - self->axis_first;
  double per_day = span > 0 ? width / span : width;
  g_autoptr(GDate) date = NULL;
  gboolean months = per_day * 30.4 >= TICK_ROOM;
  guint step = 1;

  if (n_days (self) == 0 || width <= 0)
    return;

  for (guint i = 0; !months && i < G_N_ELEMENTS (year_steps); i++)
    {
      step = year_steps[i];
      if (per_day * 365.25 * step >= TICK_ROOM)
        break;
    }

  date = julian_to_gdate (self->axis_first);
  g_date_set_day (date, 1);
  if (!months)
    {
      g_date_set_month (date, G_DATE_JANUARY);
      g_date_set_year (date, g_date_get_year (date) / step * step);
    }

  for (; g_date_get_julian (date) <= self->axis_last; months ? g_date_add_months (date, 1) : g_date_add_years (date, step))
    {
      guint32 day = g_date_get_julian (date);
      gboolean january = g_date_get_month (date) == G_DATE_JANUARY;

      if (day < self->axis_first && span > 0)
        continue;
      g_array_append_val (days, day);
      /* Translators: timeline axis labels, strftime formats: a month with
       * its year (January, or the first tick), a month alone, a year. */
      g_ptr_array_add (labels, format_date (day, !months ? _("%Y")
                                                 : january || labels->len == 0 ? _("%b %Y") : _("%b")));
    }
}

GStrv
dossier_timeline_get_tick_labels (DossierTimeline *self)
{
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  g_return_val_if_fail (DOSSIER_IS_TIMELINE (self), NULL);

  compute_ticks (self, days, labels);
  g_ptr_array_add (labels, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&labels), FALSE);
}

/* Drawing ---------------------------------------------------------------- */

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
append_text (DossierTimeline *self,
             GtkSnapshot     *snapshot,
             const char      *text,
             double           x,
             double           y,
             double           align,
             const GdkRGBA   *color)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();
  int w, h;

  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_get_pixel_size (layout, &w, &h);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x - align * w, y + (AXIS_HEIGHT - h) / 2));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* Tick marks and their labels under the bars; a label that would run
 * into the next one or out of the strip is left out. */
static void
draw_axis (DossierTimeline *self,
           GtkSnapshot     *snapshot,
           double           top,
           const GdkRGBA   *fg)
{
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  GdkRGBA line = *fg, text = *fg;
  double right = PADDING + plot_width (self);

  line.alpha = 0.3;
  text.alpha = 0.75;
  gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (PADDING, top, right - PADDING, 1));

  compute_ticks (self, days, labels);
  for (guint i = 0; i < days->len; i++)
    {
      double x = dossier_timeline_day_to_x (self, g_array_index (days, guint32, i));
      double next = i + 1 < days->len ? dossier_timeline_day_to_x (self, g_array_index (days, guint32, i + 1)) : right;

      gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (x, top, 1, 4));
      if (next - x >= TICK_ROOM * 0.6 || i + 1 == days->len)
        if (x + TICK_ROOM * 0.6 <= right + PADDING)
          append_text (self, snapshot, g_ptr_array_index (labels, i), x + 2, top, 0, &text);
    }
}

/* A pointer at each edge beyond which passages lie off the axis (their
 * count and dates are in the tooltip). */
static void
draw_outliers (DossierTimeline *self,
               GtkSnapshot     *snapshot,
               double           bars_height,
               const GdkRGBA   *accent)
{
  guint counts[2] = { self->n_before, self->n_after };

  for (guint side = 0; side < 2; side++)
    {
      double x = side == 0 ? PADDING / 2 : PADDING * 1.5 + plot_width (self);

      if (counts[side] > 0)
        append_text (self, snapshot, side == 0 ? "◀" : "▶", x, bars_height / 2 - AXIS_HEIGHT / 2, 0.5, accent);
    }
}

static void
draw_undated (DossierTimeline *self,
              GtkSnapshot     *snapshot,
              double           bars_height,
              guint            total_dated,
              const GdkRGBA   *fg)
{
  double x = gtk_widget_get_width (GTK_WIDGET (self)) - PADDING - UNDATED_WIDTH;
  double share = (double) self->n_undated / (self->n_undated + total_dated);
  double h = MAX ((bars_height - 2) * share, 2);
  GdkRGBA bar = *fg, text = *fg;

  bar.alpha = 0.3;
  text.alpha = 0.75;
  gtk_snapshot_append_color (snapshot, &bar,
                             &GRAPHENE_RECT_INIT (x + UNDATED_WIDTH / 4, bars_height - h, UNDATED_WIDTH / 2, h));
  /* Translators: the timeline's bar of passages without a date. */
  append_text (self, snapshot, C_("timeline", "Undated"), x + UNDATED_WIDTH / 2, bars_height, 0.5, &text);
}

static void
dossier_timeline_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  DossierTimeline *self = DOSSIER_TIMELINE (widget);
  double height = gtk_widget_get_height (widget);
  double bars_height = height - AXIS_HEIGHT;
  double plot = plot_width (self);
  guint32 span = self->axis_last - self->axis_first;
  GdkRGBA fg, bar, sel, accent;
  guint max = 0, total = 0;
  guint n_bins;
  g_autofree guint *bins = NULL;

  /* gtk_widget_get_color is 4.10; the style context is 4.8's way. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  bar = fg;
  bar.alpha = 0.55;
  sel = (GdkRGBA) { 0.21, 0.52, 0.89, 0.25 };
  accent = (GdkRGBA) { 0.90, 0.38, 0.0, 1.0 };

  if ((n_days (self) == 0 && self->n_undated == 0) || plot <= 0 || bars_height <= 4)
    return;

  /* One bin per few pixels, so years of articles stay readable. */
  n_bins = MAX (1, MIN (span + 1, (guint) (plot / 4)));
  bins = g_new0 (guint, n_bins);
  for (guint d = 0; d < n_days (self); d++)
    {
      guint32 day = self->first_julian + d;
      guint n = g_array_index (self->counts, guint, d);

      total += n;
      if (day < self->axis_first || day > self->axis_last)
        continue;
      bins[MIN ((guint) ((guint64) (day - self->axis_first) * n_bins / (span + 1)), n_bins - 1)] += n;
    }
  for (guint b = 0; b < n_bins; b++)
    max = MAX (max, bins[b]);

  if (self->sel_first != 0)
    {
      /* An open end ("from" alone) runs to the edge, not past it. */
      double x1 = CLAMP (dossier_timeline_day_to_x (self, self->sel_first), PADDING, PADDING + plot);
      double x2 = CLAMP (dossier_timeline_day_to_x (self, self->sel_last), PADDING, PADDING + plot);

      gtk_snapshot_append_color (snapshot, &sel,
                                 &GRAPHENE_RECT_INIT (MIN (x1, x2) - 2, 0, ABS (x2 - x1) + 4, bars_height));
    }

  for (guint b = 0; b < n_bins && max > 0; b++)
    {
      /* Articles of a single day are a bar, not the whole strip. */
      double bw = n_bins > 1 ? plot / n_bins : 6;
      double bx = n_bins > 1 ? PADDING + b * bw : PADDING + plot / 2 - 3;
      double bh = (bars_height - 2) * bins[b] / max;

      if (bins[b] == 0)
        continue;
      gtk_snapshot_append_color (snapshot, &bar,
                                 &GRAPHENE_RECT_INIT (bx, bars_height - MAX (bh, 2),
                                                      MAX (bw - 1, 1), MAX (bh, 2)));
    }

  draw_outliers (self, snapshot, bars_height, &accent);
  if (self->n_undated > 0)
    draw_undated (self, snapshot, bars_height, total, &fg);
  if (n_days (self) > 0)
    draw_axis (self, snapshot, bars_height, &fg);
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
      *minimum = 60 + UNDATED_WIDTH;
      *natural = 400;
    }
  else
    {
      *minimum = 24 + AXIS_HEIGHT;
      *natural = 36 + AXIS_HEIGHT;
    }
}

/* Selection and input ---------------------------------------------------- */

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

  dossier_timeline_set_playing (self, FALSE);
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

/* What the tooltip says at @x; NULL on a timeline without passages. */
static char *
tooltip_text (DossierTimeline *self,
              double           x)
{
  double right = PADDING + plot_width (self);
  g_autofree char *day = NULL;

  if (n_days (self) == 0 && self->n_undated == 0)
    return NULL;
  if (self->n_undated > 0 && x > right + UNDATED_GAP / 2)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u passage without a known date (kept unless Only Dated Evidence is on)",
                                         "%u passages without a known date (kept unless Only Dated Evidence is on)",
                                         self->n_undated),
                            self->n_undated);
  if (x < PADDING && self->n_before > 0)
    {
      day = format_day (self->first_julian);
      /* Translators: the timeline's marker of early outliers; %s is the earliest date. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u earlier passage, from %s", "%u earlier passages, from %s",
                                           self->n_before), self->n_before, day);
    }
  if (x > right && self->n_after > 0)
    {
      day = format_day (self->first_julian + n_days (self) - 1);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u later passage, until %s", "%u later passages, until %s",
                                           self->n_after), self->n_after, day);
    }

  day = format_day (x_to_day (self, x));
  /* Translators: timeline tooltip; %s is a date. */
  return g_strdup_printf (_("%s — drag to choose a date range, click to clear it, Ctrl+scroll to zoom"), day);
}

static gboolean
dossier_timeline_query_tooltip (GtkWidget  *widget,
                                int         x,
                                int         y,
                                gboolean    keyboard,
                                GtkTooltip *tooltip)
{
  g_autofree char *text = tooltip_text (DOSSIER_TIMELINE (widget), x);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* Zoom ------------------------------------------------------------------- */

void
dossier_timeline_zoom (DossierTimeline *self,
                       double           factor,
                       guint32          center)
{
  guint32 span, home_span, new_span, first;

  g_return_if_fail (DOSSIER_IS_TIMELINE (self));

  if (n_days (self) == 0 || factor <= 0)
    return;

  span = self->axis_last - self->axis_first;
  home_span = self->home_last - self->home_first;
  new_span = CLAMP ((guint32) (span * factor + 0.5), MIN (MIN_ZOOM_SPAN, home_span), home_span);
  center = CLAMP (center, self->axis_first, self->axis_last);

  /* The day under the pointer stays under it. */
  first = span > 0 ? center - (guint32) ((double) (center - self->axis_first) * new_span / span) : self->home_first;
  first = CLAMP (first, self->home_first, self->home_last - new_span);
  set_view (self, first, first + new_span);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           DossierTimeline          *self)
{
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  double x = 0, y = 0;

  /* A plain scroll belongs to the panel around the timeline. */
  if ((state & GDK_CONTROL_MASK) == 0 || dy == 0)
    return FALSE;

  if (event != NULL)
    gdk_event_get_position (event, &x, &y);
  dossier_timeline_zoom (self, dy < 0 ? 0.8 : 1.25, x_to_day (self, x));
  return TRUE;
}

/* Playback --------------------------------------------------------------- */

gboolean
dossier_timeline_step (DossierTimeline *self,
                       int              direction)
{
  guint32 first, last, width;

  g_return_val_if_fail (DOSSIER_IS_TIMELINE (self), FALSE);

  if (n_days (self) == 0 || direction == 0)
    return FALSE;

  if (self->sel_first == 0)
    {
      /* The first quarter of the axis, or its last going back. */
      width = (self->home_last - self->home_first) / 4;
      first = direction > 0 ? self->home_first : self->home_last - width;
      last = first + width;
    }
  else
    {
      width = self->sel_last - self->sel_first;
      if (direction > 0 ? self->sel_last >= self->home_last : self->sel_first <= self->home_first)
        return FALSE;
      first = direction > 0 ? self->sel_last + 1 : MAX (self->sel_first, self->home_first + width + 1) - width - 1;
      first = MAX (first, self->home_first);
      last = MIN (first + width, self->home_last);
    }

  set_range_internal (self, first, last);
  g_signal_emit (self, signals[RANGE_CHANGED], 0);
  return TRUE;
}

static gboolean
play_tick (gpointer data)
{
  DossierTimeline *self = data;

  if (dossier_timeline_step (self, +1))
    return G_SOURCE_CONTINUE;

  self->play_source = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
  return G_SOURCE_REMOVE;
}

void
dossier_timeline_set_playing (DossierTimeline *self,
                              gboolean         playing)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE (self));

  if (playing == (self->play_source != 0))
    return;

  if (playing)
    {
      if (n_days (self) == 0)
        return;
      /* From the start again once the window has reached the end. */
      if (self->sel_first != 0 && self->sel_last >= self->home_last)
        set_range_internal (self, 0, 0);
      if (!dossier_timeline_step (self, +1))
        return;
      self->play_source = g_timeout_add (PLAY_INTERVAL_MS, play_tick, self);
    }
  else
    g_clear_handle_id (&self->play_source, g_source_remove);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
}

gboolean
dossier_timeline_get_playing (DossierTimeline *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE (self), FALSE);
  return self->play_source != 0;
}

/* GObject ---------------------------------------------------------------- */

static void
dossier_timeline_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DossierTimeline *self = DOSSIER_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_PLAYING:
      g_value_set_boolean (value, dossier_timeline_get_playing (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_timeline_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DossierTimeline *self = DOSSIER_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_PLAYING:
      dossier_timeline_set_playing (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_timeline_dispose (GObject *object)
{
  DossierTimeline *self = DOSSIER_TIMELINE (object);

  g_clear_handle_id (&self->play_source, g_source_remove);

  G_OBJECT_CLASS (dossier_timeline_parent_class)->dispose (object);
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

  object_class->get_property = dossier_timeline_get_property;
  object_class->set_property = dossier_timeline_set_property;
  object_class->dispose = dossier_timeline_dispose;
  object_class->finalize = dossier_timeline_finalize;
  widget_class->snapshot = dossier_timeline_snapshot;
  widget_class->measure = dossier_timeline_measure;
  widget_class->query_tooltip = dossier_timeline_query_tooltip;

  properties[PROP_PLAYING] =
    g_param_spec_boolean ("playing", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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
  GtkEventController *scroll;

  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

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

  dossier_timeline_set_playing (self, FALSE);
  g_clear_pointer (&self->counts, g_array_unref);
  if (counts != NULL && counts->len > 0)
    self->counts = g_array_ref (counts);
  self->first_julian = first_julian;
  compute_axis (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
dossier_timeline_set_undated (DossierTimeline *self,
                              guint            n_undated)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE (self));

  self->n_undated = n_undated;
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

gboolean
dossier_timeline_get_axis (DossierTimeline *self,
                           guint32         *first,
                           guint32         *last,
                           guint           *n_before,
                           guint           *n_after)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE (self), FALSE);

  if (n_days (self) == 0)
    return FALSE;
  *first = self->axis_first;
  *last = self->axis_last;
  if (n_before != NULL)
    *n_before = self->n_before;
  if (n_after != NULL)
    *n_after = self->n_after;
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
