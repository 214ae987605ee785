/* bench-bare-window.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The yardstick for Dossier's launch time (issue #16): a bare GTK 4
 * window with a drawing area.  Prints the milliseconds from
 * $DOSSIER_BENCH_T0 (microseconds, wall clock, taken by the script just
 * before exec) to the end of the first painted frame.  build-aux/bench-launch.sh
 * runs it beside bench-launch. */

#include "config.h"

#include <gtk/gtk.h>
#include <stdio.h>
#include <sys/resource.h>

#include "bench-util.h"

static gint64 t0;

static void
draw (GtkDrawingArea *area,
      cairo_t        *cr,
      int             width,
      int             height,
      gpointer        user_data)
{
  cairo_set_source_rgb (cr, 0.2, 0.4, 0.7);
  cairo_move_to (cr, 10, 10);
  cairo_line_to (cr, width - 10, height - 10);
  cairo_stroke (cr);
}

static void
after_paint (GdkFrameClock *clock,
             GMainLoop     *loop)
{
  printf ("bare GTK window: first frame %.0f ms after launch  (cpu %.0f ms, peak %.0f MB)\n",
          (g_get_real_time () - t0) / 1000.0, bench_cpu_seconds () * 1e3, bench_peak_mb ());
  fflush (stdout);
  g_main_loop_quit (loop);
}

static void
mapped (GtkWidget *window,
        GMainLoop *loop)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint), loop);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  GtkWidget *window, *area;

  t0 = g_getenv ("DOSSIER_BENCH_T0") ? g_ascii_strtoll (g_getenv ("DOSSIER_BENCH_T0"), NULL, 10)
                                     : g_get_real_time ();
  gtk_init ();
  window = gtk_window_new ();
  area = gtk_drawing_area_new ();
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw, NULL, NULL);
  gtk_window_set_child (GTK_WINDOW (window), area);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_signal_connect (window, "map", G_CALLBACK (mapped), loop);
  gtk_window_present (GTK_WINDOW (window));
  g_main_loop_run (loop);
  return 0;
}
