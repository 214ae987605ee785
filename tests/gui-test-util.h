/* gui-test-util.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What every GUI test shares: which of GTK's warnings are about the
 * machine rather than about Dossier, and how a test starts GTK. */

#pragma once

#include <adwaita.h>
#include <glib.h>

#include "dossier-graph-view.h"
#include "dossier-window.h"

/* A machine without an icon theme or an SVG loader, or without a session
 * bus (GtkApplication then runs without D-Bus, and says so), is no
 * reason to fail.  Everything else stays fatal. */
static inline gboolean
gui_test_is_machine_warning (const char     *log_domain,
                             GLogLevelFlags  log_level,
                             const char     *message)
{
  return g_strcmp0 (log_domain, "Gtk") == 0 && (log_level & G_LOG_LEVEL_WARNING) && message != NULL &&
         (g_str_has_prefix (message, "Failed to load icon") ||
          g_str_has_prefix (message, "Unable to acquire session bus"));
}

/* For g_log () (g_test_log_set_fatal_handler). */
static inline gboolean
gui_test_fatal_log_cb (const char     *log_domain,
                       GLogLevelFlags  log_level,
                       const char     *message,
                       gpointer        data)
{
  return !gui_test_is_machine_warning (log_domain, log_level, message);
}

/* For structured logging, which GTK uses: the default writer aborts on
 * a warning in a test without asking the fatal handler. */
static inline GLogWriterOutput
gui_test_log_writer (GLogLevelFlags   log_level,
                     const GLogField *fields,
                     gsize            n_fields,
                     gpointer         data)
{
  const char *domain = NULL, *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
        domain = fields[i].value;
      else if (g_str_equal (fields[i].key, "MESSAGE"))
        message = fields[i].value;
    }

  if (gui_test_is_machine_warning (domain, log_level, message))
    return g_log_writer_standard_streams (log_level, fields, n_fields, data);
  return g_log_writer_default (log_level, fields, n_fields, data);
}

/* After g_test_init (), before gtk_init (). */
static inline void
gui_test_tolerate_machine_warnings (void)
{
  g_test_log_set_fatal_handler (gui_test_fatal_log_cb, NULL);
  g_log_set_writer_func (gui_test_log_writer, NULL, NULL);
}

/* g_test_init () with isolated folders, then GTK and libadwaita.  The
 * isolated folders hide the system icon theme: the system data comes back
 * (read only) so the window looks as it does for people.  Transforms jump
 * to their target, so checks need not wait for easing. */
static inline void
gui_test_init (int    *argc,
               char ***argv)
{
  g_autofree char *data_dirs = g_strdup (g_getenv ("XDG_DATA_DIRS"));

  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_setenv ("XDG_DATA_DIRS", data_dirs != NULL ? data_dirs : "/usr/local/share:/usr/share", TRUE);
  gui_test_tolerate_machine_warnings ();
  gtk_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

/* Runs what is ready, without waiting. */
static inline void
gui_test_iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* Lets queued work start, then waits until nothing is loading or laid out. */
static inline void
gui_test_wait_until_loaded (DossierWindow *win)
{
  for (int i = 0; i < 5; i++)
    g_main_context_iteration (NULL, FALSE);
  while (dossier_window_is_busy (win) ||
         g_strcmp0 (dossier_window_get_main_page (win), "loading") == 0)
    g_main_context_iteration (NULL, TRUE);
  gui_test_iterate ();
}

/* As above, and when the graph page shows, until the view has a scene
 * and a size. */
static inline void
gui_test_wait_until_drawn (DossierWindow *win)
{
  DossierGraphView *view = dossier_window_get_graph_view (win);

  gui_test_wait_until_loaded (win);
  if (g_strcmp0 (dossier_window_get_main_page (win), "graph") != 0)
    return;
  while (!dossier_graph_view_has_scene (view) || gtk_widget_get_width (GTK_WIDGET (view)) <= 1)
    g_main_context_iteration (NULL, TRUE);
  gui_test_iterate ();
}

static inline void
gui_test_close_window (DossierWindow *win)
{
  gtk_window_destroy (GTK_WINDOW (win));
  gui_test_iterate ();
}

/* A window on screen with @dir (NULL: the seeds) loaded and drawn. */
static inline DossierWindow *
gui_test_open_window (const char *dir)
{
  DossierWindow *win = dossier_window_new (NULL);
  const char *paths[] = { dir, NULL };

  gtk_window_set_default_size (GTK_WINDOW (win), 1200, 800);
  gtk_window_present (GTK_WINDOW (win));
  dossier_window_load (win, dir != NULL ? paths : NULL);
  gui_test_wait_until_drawn (win);
  g_assert_cmpstr (dossier_window_get_main_page (win), ==, "graph");
  return win;
}

/* @view's snapshot through a new paintable: one kept across frames may
 * hand back the picture it made before the last frame. */
static inline GskRenderNode *
gui_test_snapshot_view (DossierGraphView *view,
                        int               width,
                        int               height)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (view));
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  return gtk_snapshot_free_to_node (snapshot);
}

/* @view's picture at @width × @height once every tile is drawn.  Tiles
 * are drawn within a time budget per frame, so this waits until all are
 * there, for as long as a loaded machine may take, then takes a picture
 * of the complete scene. */
static inline GskRenderNode *
gui_test_snapshot_complete (DossierGraphView *view,
                            int               width,
                            int               height)
{
  for (gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
       g_get_monotonic_time () < end && !dossier_graph_view_is_scene_complete (view);)
    {
      GskRenderNode *node = gui_test_snapshot_view (view, width, height);

      g_clear_pointer (&node, gsk_render_node_unref);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  g_assert_true (dossier_graph_view_is_scene_complete (view));
  return gui_test_snapshot_view (view, width, height);
}

static inline gboolean
gui_test_count_frame_cb (GtkWidget     *widget,
                         GdkFrameClock *clock,
                         gpointer       data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

/* Lets @widget's window lay out and paint @n times. */
static inline void
gui_test_wait_frames (GtkWidget *widget,
                      guint      n)
{
  guint frames = 0;
  guint id = gtk_widget_add_tick_callback (widget, gui_test_count_frame_cb, &frames, NULL);

  while (frames < n)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_remove_tick_callback (widget, id);
}

typedef gboolean (*GuiTestMatch) (GtkWidget     *widget,
                                  gconstpointer  data);

/* The first widget at or below @widget (depth first) that @match accepts,
 * or NULL. */
static inline GtkWidget *
gui_test_find (GtkWidget     *widget,
               GuiTestMatch   match,
               gconstpointer  data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = gui_test_find (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static inline gboolean
gui_test_is_of_type (GtkWidget     *widget,
                     gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* The first widget of @type at or below @widget, or NULL. */
static inline GtkWidget *
gui_test_find_of_type (GtkWidget *widget,
                       GType      type)
{
  return gui_test_find (widget, gui_test_is_of_type, GSIZE_TO_POINTER (type));
}

/* The first controller of @widget of @type; for a gesture that listens to
 * one button, @button (0: any).  The widget keeps it. */
static inline GtkEventController *
gui_test_find_controller (GtkWidget *widget,
                          GType      type,
                          guint      button)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        continue;
      if (button == 0 || gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == button)
        return controller;
    }
  g_assert_not_reached ();
  return NULL;
}

/* Selects the actor named @name in @win's graph, which must show it. */
static inline void
gui_test_select_by_name (DossierWindow *win,
                         const char    *name)
{
  DossierEntity *entity = dossier_graph_lookup_entity (dossier_window_get_graph (win), name);

  g_assert_nonnull (entity);
  g_assert_true (dossier_graph_view_select_entity (dossier_window_get_graph_view (win), entity->id));
}
