/* test-gui-filter.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The filter panel drives a DossierFilter: typed dates, a range dragged on
 * the timeline, actors by alias, types, and the GSettings round trip. */

#include "config.h"

#include "test-util.h"

#include <gtk/gtk.h>

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

static GtkWidget *
find_child_of_type (GtkWidget *widget,
                    GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child_of_type (child, type);
      if (found != NULL)
        return found;
    }

  return NULL;
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
  GtkEventController *drag = NULL;
  g_autoptr(GListModel) controllers = NULL;
  const DossierFilter *filter;
  guint changed = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 400, 900);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (panel));
  dossier_filter_panel_set_graph (panel, graph);
  g_signal_connect_swapped (panel, "changed", G_CALLBACK (count_changed), &changed);
  gtk_window_present (GTK_WINDOW (window));

  timeline = DOSSIER_TIMELINE (find_child_of_type (GTK_WIDGET (panel), DOSSIER_TYPE_TIMELINE));
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
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (timeline));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);
      if (GTK_IS_GESTURE_DRAG (c))
        drag = c;
    }
  g_assert_nonnull (drag);
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

  variant = g_variant_ref_sink (dossier_filter_to_variant (filter));
  dossier_filter_update_from_variant (back, variant);

  a = dossier_filter_to_command_line (filter);
  b = dossier_filter_to_command_line (back);
  g_assert_cmpstr (a, ==, b);
  g_assert_nonnull (back->path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gui_test_tolerate_machine_warnings ();
  gtk_init ();

  g_test_add_func ("/gui/filter-panel/controls", test_panel);
  g_test_add_func ("/gui/filter-panel/variant", test_variant_round_trip);

  return g_test_run ();
}
