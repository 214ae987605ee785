/* test-gui-filter.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The filter panel drives a DossierFilter: typed dates, a range dragged on
 * the timeline, actors by alias, types, lone actors, undated evidence, a
 * cluster, and the GSettings round trip; the timeline's axis and
 * playback. */

#include "config.h"

#include "test-util.h"

#include <gtk/gtk.h>
#include <string.h>

#include "dossier-corpus.h"
#include "dossier-date.h"
#include "dossier-extractor.h"
#include "dossier-filter-panel.h"
#include "dossier-timeline.h"
#include "gui-test-util.h"

static void
count_changed (guint *count)
{
  (*count)++;
}

static void
wait_for_allocation (GtkWidget *widget)
{
  while (gtk_widget_get_width (widget) <= 0)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_panel (void)
{
  g_autoptr(DossierGraph) graph = test_load_seeds ();
  GtkWidget *window = gtk_window_new ();
  DossierFilterPanel *panel = DOSSIER_FILTER_PANEL (dossier_filter_panel_new ());
  DossierTimeline *timeline;
  GtkEventController *drag;
  const DossierFilter *filter;
  guint changed = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 400, 900);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (panel));
  dossier_filter_panel_set_graph (panel, graph);
  g_signal_connect_swapped (panel, "changed", G_CALLBACK (count_changed), &changed);
  gtk_window_present (GTK_WINDOW (window));

  timeline = DOSSIER_TIMELINE (gui_test_find_of_type (GTK_WIDGET (panel), DOSSIER_TYPE_TIMELINE));
  g_assert_nonnull (timeline);
  wait_for_allocation (GTK_WIDGET (timeline));

  /* An alias finds the actor; the filter holds the canonical name. */
  dossier_filter_panel_add_actor (panel, "Hawley");
  filter = dossier_filter_panel_get_filter (panel);
  g_assert_nonnull (filter->actors);
  g_assert_cmpstr (filter->actors[0], ==, "Josh Hawley");
  g_assert_cmpuint (changed, ==, 1);

  /* An unknown actor changes nothing. */
  dossier_filter_panel_add_actor (panel, "Nobody Atall");
  g_assert_cmpuint (g_strv_length (filter->actors), ==, 1);
  g_assert_cmpuint (changed, ==, 1);

  /* Part of one actor's name is enough ("ellison"); part of several's
   * ("o", in many) is not. */
  dossier_filter_panel_add_actor (panel, "ellison");
  filter = dossier_filter_panel_get_filter (panel);
  g_assert_cmpuint (g_strv_length (filter->actors), ==, 2);
  g_assert_cmpstr (filter->actors[1], ==, "Larry Ellison");
  g_assert_cmpuint (changed, ==, 2);
  dossier_filter_panel_add_actor (panel, "or");
  g_assert_cmpuint (g_strv_length (dossier_filter_panel_get_filter (panel)->actors), ==, 2);
  g_assert_cmpuint (changed, ==, 2);
  {
    g_autoptr(DossierFilter) one = dossier_filter_copy (dossier_filter_panel_get_filter (panel));

    g_clear_pointer (&one->actors[1], g_free);
    dossier_filter_panel_set_filter (panel, one);
  }
  filter = dossier_filter_panel_get_filter (panel);
  changed = 1;  /* as before these two */

  /* Drag across the timeline: one "changed" at the end, a day-precise range. */
  drag = gui_test_find_controller (GTK_WIDGET (timeline), GTK_TYPE_GESTURE_DRAG, 0);
  {
    double width = gtk_widget_get_width (GTK_WIDGET (timeline));

    g_signal_emit_by_name (drag, "drag-begin", 10.0, 5.0);
    g_signal_emit_by_name (drag, "drag-update", width / 3, 0.0);
    g_assert_cmpuint (changed, ==, 1);
    g_signal_emit_by_name (drag, "drag-end", width / 3, 0.0);
  }
  g_assert_cmpuint (changed, ==, 2);
  filter = dossier_filter_panel_get_filter (panel);
  g_assert_cmpint (filter->from.precision, ==, DOSSIER_DATE_PRECISION_DAY);
  g_assert_cmpint (filter->to.precision, ==, DOSSIER_DATE_PRECISION_DAY);
  g_assert_cmpint (dossier_date_compare (&filter->from, &filter->to), <=, 0);

  /* A click clears it. */
  g_signal_emit_by_name (drag, "drag-begin", 10.0, 5.0);
  g_signal_emit_by_name (drag, "drag-end", 0.0, 0.0);
  filter = dossier_filter_panel_get_filter (panel);
  g_assert_false (dossier_date_is_known (&filter->from));
  g_assert_cmpuint (changed, ==, 3);

  /* Clear all resets everything. */
  gtk_widget_activate_action (GTK_WIDGET (panel), "filter.clear", NULL);
  filter = dossier_filter_panel_get_filter (panel);
  g_assert_null (filter->actors);
  g_assert_cmpuint (changed, ==, 4);

  /* A "from" typed alone draws a band from it to the timeline's end. */
  {
    g_autoptr(DossierFilter) from_only = dossier_filter_new ();
    guint32 first, last, day0, day1, want;

    g_assert_true (dossier_date_parse_iso ("2020-10-01", &from_only->from));
    dossier_filter_panel_set_filter (panel, from_only);
    g_assert_true (dossier_timeline_get_days (timeline, &day0, &day1));
    g_assert_true (dossier_timeline_get_range (timeline, &first, &last));
    g_assert_true (dossier_date_get_span (&from_only->from, &want, NULL));
    g_assert_cmpuint (first, ==, want);
    g_assert_cmpuint (last, ==, day1);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The check button whose label is @label (with its mnemonic). */
static gboolean
is_check_labelled (GtkWidget     *widget,
                   gconstpointer  label)
{
  return GTK_IS_CHECK_BUTTON (widget) &&
         g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), label) == 0;
}

static GtkCheckButton *
find_check (GtkWidget  *widget,
            const char *label)
{
  return (GtkCheckButton *) gui_test_find (widget, is_check_labelled, label);
}

static GtkWidget *
new_panel_window (DossierGraph        *graph,
                  DossierFilterPanel **panel)
{
  GtkWidget *window = gtk_window_new ();

  *panel = DOSSIER_FILTER_PANEL (dossier_filter_panel_new ());
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 900);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (*panel));
  dossier_filter_panel_set_graph (*panel, graph);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* Hide Isolated Actors: the check follows the automatic choice until the
 * person makes one, the result says how many went, and the filter the
 * panel hands out hides them. */
static void
test_hide_isolated (void)
{
  g_autoptr(DossierGraph) graph = test_load_seeds ();
  DossierFilterPanel *panel;
  GtkWidget *window = new_panel_window (graph, &panel);
  GtkCheckButton *check = find_check (GTK_WIDGET (panel), "Hide _Isolated Actors");
  GtkCheckButton *dated = find_check (GTK_WIDGET (panel), "Only _Dated Evidence");
  g_autoptr(DossierSubgraph) shown = NULL;
  g_autoptr(DossierSubgraph) hidden = NULL;
  GtkLabel *result;
  guint changed = 0;

  g_assert_nonnull (check);
  g_assert_nonnull (dated);
  g_signal_connect_swapped (panel, "changed", G_CALLBACK (count_changed), &changed);

  /* The seeds have 28 actors: automatic means shown. */
  shown = dossier_filter_apply (dossier_filter_panel_get_filter (panel), graph, NULL);
  g_assert_cmpuint (shown->hidden_isolated, ==, 0);
  dossier_filter_panel_set_result (panel, shown);
  g_assert_false (gtk_check_button_get_active (check));
  g_assert_cmpuint (changed, ==, 0);

  /* A result that hid some (past 50 actors) ticks it, still automatic. */
  {
    g_autoptr(DossierFilter) hide = dossier_filter_new ();
    g_autoptr(DossierSubgraph) automatic = NULL;

    hide->isolated = DOSSIER_ISOLATED_HIDE;
    automatic = dossier_filter_apply (hide, graph, NULL);
    dossier_filter_panel_set_result (panel, automatic);
    g_assert_true (gtk_check_button_get_active (check));
    g_assert_cmpuint (dossier_filter_panel_get_filter (panel)->isolated, ==, DOSSIER_ISOLATED_AUTO);
    g_assert_cmpuint (changed, ==, 0);
    dossier_filter_panel_set_result (panel, shown);
    g_assert_false (gtk_check_button_get_active (check));
  }

  gtk_check_button_set_active (check, TRUE);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (dossier_filter_panel_get_filter (panel)->isolated, ==, DOSSIER_ISOLATED_HIDE);
  hidden = dossier_filter_apply (dossier_filter_panel_get_filter (panel), graph, NULL);
  g_assert_cmpuint (hidden->hidden_isolated, >, 0);
  g_assert_cmpuint (hidden->entities->len + hidden->hidden_isolated, ==, shown->entities->len);
  for (guint i = 0; i < hidden->entities->len; i++)
    {
      guint id = g_array_index (hidden->entities, guint, i);
      gboolean linked = FALSE;

      for (guint r = 0; r < hidden->relations->len && !linked; r++)
        {
          const DossierRelation *relation = dossier_graph_get_relation (graph, g_array_index (hidden->relations, guint, r));
          linked = relation->source == id || relation->target == id;
        }
      g_assert_true (linked);
    }
  dossier_filter_panel_set_result (panel, hidden);
  result = GTK_LABEL (gtk_widget_get_first_child (gtk_widget_get_first_child (
    gtk_widget_get_first_child (gtk_widget_get_first_child (gtk_widget_get_first_child (GTK_WIDGET (panel)))))));
  g_assert_true (GTK_IS_LABEL (result));
  g_test_message ("%s", gtk_label_get_text (result));
  g_assert_nonnull (strstr (gtk_label_get_text (result), "without relations hidden"));
  /* A result never flips the person's own choice. */
  g_assert_true (gtk_check_button_get_active (check));
  g_assert_cmpuint (changed, ==, 1);

  gtk_check_button_set_active (check, FALSE);
  g_assert_cmpuint (dossier_filter_panel_get_filter (panel)->isolated, ==, DOSSIER_ISOLATED_SHOW);
  gtk_check_button_set_active (dated, TRUE);
  g_assert_true (dossier_filter_panel_get_filter (panel)->dated_only);
  g_assert_cmpuint (changed, ==, 3);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A cluster picked from the list becomes the filter's, by its leader. */
static void
test_cluster_choice (void)
{
  g_autoptr(DossierGraph) graph = test_load_seeds ();
  DossierFilterPanel *panel;
  GtkWidget *window = new_panel_window (graph, &panel);
  GtkDropDown *dropdown = NULL;
  g_autoptr(DossierSubgraph) sub = dossier_filter_apply (dossier_filter_panel_get_filter (panel), graph, NULL);
  const char *leader = dossier_graph_get_entity (graph, g_array_index (sub->community_leaders, guint, 0))->name;
  GListModel *model;

  dossier_filter_panel_set_result (panel, sub);
  dropdown = GTK_DROP_DOWN (gui_test_find_of_type (GTK_WIDGET (panel), GTK_TYPE_DROP_DOWN));
  model = gtk_drop_down_get_model (dropdown);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, MIN (sub->community_leaders->len, 24) + 1);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 1), ==, leader);

  gtk_drop_down_set_selected (dropdown, 1);
  g_assert_cmpstr (dossier_filter_panel_get_filter (panel)->cluster, ==, leader);
  gtk_drop_down_set_selected (dropdown, 0);
  g_assert_null (dossier_filter_panel_get_filter (panel)->cluster);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Passages on @n_days days of 2019–2025 and one in 1983. */
static GArray *
counts_with_outlier (guint32 *first)
{
  GArray *counts = g_array_new (FALSE, TRUE, sizeof (guint));
  GDate d;
  guint32 start;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 2, G_DATE_MAY, 1983);
  *first = g_date_get_julian (&d);
  g_date_set_dmy (&d, 1, G_DATE_JANUARY, 2019);
  start = g_date_get_julian (&d);
  g_date_set_dmy (&d, 31, G_DATE_DECEMBER, 2025);
  g_array_set_size (counts, g_date_get_julian (&d) - *first + 1);
  g_array_index (counts, guint, 0) = 1;
  for (guint32 day = start; day - *first < counts->len; day += 9)
    g_array_index (counts, guint, day - *first) = 1 + day % 3;
  g_array_index (counts, guint, counts->len - 1) = 2;
  return counts;
}

static void
test_timeline_axis (void)
{
  GtkWidget *window = gtk_window_new ();
  DossierTimeline *timeline = DOSSIER_TIMELINE (dossier_timeline_new ());
  g_autoptr(GArray) counts = NULL;
  g_auto(GStrv) years = NULL;
  g_auto(GStrv) months = NULL;
  guint32 first, axis_first, axis_last, day0, day1;
  guint before, after;
  GDate d;

  gtk_window_set_default_size (GTK_WINDOW (window), 420, 60);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (timeline));
  gtk_window_present (GTK_WINDOW (window));
  wait_for_allocation (GTK_WIDGET (timeline));

  counts = counts_with_outlier (&first);
  dossier_timeline_set_counts (timeline, counts, first);
  dossier_timeline_set_undated (timeline, 12);

  /* 1983 is off the axis, counted at its edge; the days still cover it. */
  g_assert_true (dossier_timeline_get_axis (timeline, &axis_first, &axis_last, &before, &after));
  g_date_clear (&d, 1);
  g_date_set_julian (&d, axis_first);
  g_assert_cmpint (g_date_get_year (&d), ==, 2019);
  g_date_set_julian (&d, axis_last);
  g_assert_cmpint (g_date_get_year (&d), ==, 2025);
  g_assert_cmpuint (before, ==, 1);
  g_assert_cmpuint (after, ==, 0);
  g_assert_true (dossier_timeline_get_days (timeline, &day0, &day1));
  g_assert_cmpuint (day0, ==, first);
  /* 2019–2025 fill the strip: 2022 lies near its middle. */
  g_date_set_dmy (&d, 1, G_DATE_JULY, 2022);
  {
    double x = dossier_timeline_day_to_x (timeline, g_date_get_julian (&d));
    double width = gtk_widget_get_width (GTK_WIDGET (timeline));

    g_assert_cmpfloat (x, >, width * 0.3);
    g_assert_cmpfloat (x, <, width * 0.7);
  }

  /* Years at this width. */
  years = dossier_timeline_get_tick_labels (timeline);
  g_assert_cmpuint (g_strv_length (years), >=, 3);
  g_assert_true (g_strv_contains ((const char * const *) years, "2022"));
  for (guint i = 0; years[i] != NULL; i++)
    g_assert_cmpuint (strlen (years[i]), ==, 4);

  /* Zoomed in around mid-2022: months, and what lies either side is
   * counted at the edges; zoomed out, back to 2019–2025. */
  dossier_timeline_zoom (timeline, 0.05, g_date_get_julian (&d));
  {
    g_auto(GStrv) zoomed = dossier_timeline_get_tick_labels (timeline);

    g_assert_true (dossier_timeline_get_axis (timeline, &axis_first, &axis_last, &before, &after));
    g_assert_cmpuint (axis_first, <=, g_date_get_julian (&d));
    g_assert_cmpuint (axis_last, >=, g_date_get_julian (&d));
    g_assert_cmpuint (axis_last - axis_first, <, 200);
    g_assert_cmpuint (before, >, 1);
    g_assert_cmpuint (after, >, 0);
    g_assert_cmpuint (g_strv_length (zoomed), >=, 2);
    g_assert_cmpuint (strlen (zoomed[0]), >, 4);
  }
  dossier_timeline_zoom (timeline, 1000, g_date_get_julian (&d));
  g_assert_true (dossier_timeline_get_axis (timeline, &axis_first, &axis_last, &before, &after));
  g_assert_cmpuint (before, ==, 1);
  g_assert_cmpuint (after, ==, 0);

  /* Three months of days: month names, the first with its year. */
  {
    g_autoptr(GArray) few = g_array_new (FALSE, TRUE, sizeof (guint));

    g_date_set_dmy (&d, 15, G_DATE_AUGUST, 2020);
    g_array_set_size (few, 92);
    g_array_index (few, guint, 0) = 3;
    g_array_index (few, guint, 45) = 2;
    g_array_index (few, guint, 91) = 1;
    dossier_timeline_set_counts (timeline, few, g_date_get_julian (&d));
  }
  months = dossier_timeline_get_tick_labels (timeline);
  g_assert_cmpuint (g_strv_length (months), ==, 3);
  g_assert_cmpstr (months[0], ==, "Sep 2020");
  g_assert_cmpstr (months[1], ==, "Oct");
  g_assert_cmpstr (months[2], ==, "Nov");
  g_assert_true (dossier_timeline_get_axis (timeline, &axis_first, &axis_last, &before, &after));
  g_assert_cmpuint (before + after, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
quit_loop (GMainLoop *loop)
{
  g_main_loop_quit (loop);
}

/* Step through the axis by the window's width; play steps by itself and
 * stops at the end.  Each step changes the panel's filter dates. */
static void
test_timeline_playback (void)
{
  g_autoptr(DossierGraph) graph = test_load_seeds ();
  DossierFilterPanel *panel;
  GtkWidget *window = new_panel_window (graph, &panel);
  DossierTimeline *timeline = DOSSIER_TIMELINE (gui_test_find_of_type (GTK_WIDGET (panel), DOSSIER_TYPE_TIMELINE));
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  guint32 axis_first, axis_last, first, last, prev_last = 0;
  guint changed = 0, steps = 0;
  const DossierFilter *filter;
  guint32 from;

  g_signal_connect_swapped (panel, "changed", G_CALLBACK (count_changed), &changed);
  g_assert_true (dossier_timeline_get_axis (timeline, &axis_first, &axis_last, NULL, NULL));

  gtk_widget_activate_action (GTK_WIDGET (panel), "filter.step-forward", NULL);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_true (dossier_timeline_get_range (timeline, &first, &last));
  g_assert_cmpuint (first, ==, axis_first);
  g_assert_cmpuint (last - first, ==, (axis_last - axis_first) / 4);
  filter = dossier_filter_panel_get_filter (panel);
  g_assert_true (dossier_date_get_span (&filter->from, &from, NULL));
  g_assert_cmpuint (from, ==, first);

  while (dossier_timeline_step (timeline, +1))
    {
      g_assert_true (dossier_timeline_get_range (timeline, &first, &last));
      g_assert_cmpuint (first, >, prev_last);
      prev_last = last;
      steps++;
      g_assert_cmpuint (steps, <, 10);
    }
  g_assert_cmpuint (last, ==, axis_last);
  g_assert_cmpuint (changed, ==, 1 + steps);

  gtk_widget_activate_action (GTK_WIDGET (panel), "filter.step-back", NULL);
  g_assert_true (dossier_timeline_get_range (timeline, &first, &last));
  g_assert_cmpuint (last, <, axis_last);

  /* Play starts again from the beginning at the end and stops there. */
  while (dossier_timeline_step (timeline, +1))
    ;
  changed = 0;
  dossier_timeline_set_playing (timeline, TRUE);
  g_assert_true (dossier_timeline_get_playing (timeline));
  g_assert_true (dossier_timeline_get_range (timeline, &first, &last));
  g_assert_cmpuint (first, ==, axis_first);
  g_signal_connect_swapped (timeline, "notify::playing", G_CALLBACK (quit_loop), loop);
  g_main_loop_run (loop);
  g_assert_false (dossier_timeline_get_playing (timeline));
  g_assert_true (dossier_timeline_get_range (timeline, &first, &last));
  g_assert_cmpuint (last, ==, axis_last);
  g_assert_cmpuint (changed, >=, 4);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_variant_round_trip (void)
{
  g_autoptr(DossierFilter) filter = dossier_filter_new ();
  g_autoptr(DossierFilter) back = dossier_filter_new ();
  g_autoptr(GVariant) variant = NULL;
  char *actors[] = { (char *) "Oracle", (char *) "TikTok", NULL };
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_assert_true (dossier_date_parse_iso ("2020-08", &filter->from));
  g_assert_true (dossier_date_parse_iso ("2020-10-31", &filter->to));
  filter->actors = g_strdupv (actors);
  filter->path = g_strdupv (actors);
  filter->depth = 2;
  filter->entity_types = 1u << DOSSIER_ENTITY_GOVERNMENT;
  filter->min_evidence = 2;
  filter->no_comments = TRUE;
  filter->dated_only = TRUE;
  filter->isolated = DOSSIER_ISOLATED_SHOW;
  filter->cluster = g_strdup ("Oracle");
  filter->size_by = DOSSIER_MEASURE_DEGREE;

  variant = g_variant_ref_sink (dossier_filter_to_variant (filter));
  dossier_filter_update_from_variant (back, variant);

  a = dossier_filter_to_command_line (filter);
  b = dossier_filter_to_command_line (back);
  g_assert_cmpstr (a, ==, b);
  g_assert_nonnull (back->path);
  g_assert_cmpstr (back->cluster, ==, "Oracle");
}

/* A filter saved before dated-only, isolated, cluster and size-by existed
 * reads back with their defaults. */
static void
test_variant_old (void)
{
  g_autoptr(DossierFilter) back = dossier_filter_new ();
  g_autoptr(GVariant) old = g_variant_ref_sink (g_variant_new_parsed (
    "{'from': <'2020-08'>, 'to': <''>, 'actors': <@as ['Oracle']>, 'depth': <uint32 2>,"
    " 'path': <false>, 'entity-types': <uint32 15>, 'relation-types': <uint32 2047>,"
    " 'min-evidence': <uint32 2>, 'no-comments': <true>}"));
  g_autoptr(GVariant) odd = g_variant_ref_sink (g_variant_new_parsed (
    "{'isolated': <uint32 9>, 'size-by': <'fame'>, 'cluster': <''>}"));

  dossier_filter_update_from_variant (back, old);
  g_assert_cmpuint (back->min_evidence, ==, 2);
  g_assert_cmpuint (back->depth, ==, 2);
  g_assert_false (back->dated_only);
  g_assert_cmpuint (back->isolated, ==, DOSSIER_ISOLATED_AUTO);
  g_assert_null (back->cluster);
  g_assert_cmpuint (back->size_by, ==, DOSSIER_MEASURE_MENTIONS);

  dossier_filter_update_from_variant (back, odd);
  g_assert_cmpuint (back->isolated, ==, DOSSIER_ISOLATED_AUTO);
  g_assert_cmpuint (back->size_by, ==, DOSSIER_MEASURE_MENTIONS);
  g_assert_null (back->cluster);
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add_func ("/gui/filter-panel/controls", test_panel);
  g_test_add_func ("/gui/filter-panel/variant", test_variant_round_trip);
  g_test_add_func ("/gui/filter-panel/variant-old", test_variant_old);
  g_test_add_func ("/gui/filter-panel/hide-isolated", test_hide_isolated);
  g_test_add_func ("/gui/filter-panel/cluster", test_cluster_choice);
  g_test_add_func ("/gui/timeline/axis", test_timeline_axis);
  g_test_add_func ("/gui/timeline/playback", test_timeline_playback);

  return g_test_run ();
}
