/* bench-launch.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Launch to the first drawn graph: runs the application as `dossier PATH`
 * does and prints, in milliseconds from $DOSSIER_BENCH_T0 (microseconds,
 * wall clock, taken by the script before exec), when each stage is
 * reached: main, the window's first frame, the graph ready to draw, and
 * the first frame with the graph, with the CPU time and peak memory of
 * the process so far.  With $DOSSIER_BENCH_SETTLE set it waits for the
 * whole load as well (the first graph may be the one kept from the last
 * run).  build-aux/bench-launch.sh runs it beside a bare GTK window
 * (bench-bare-window).  Figures only. */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <sys/resource.h>

#include "dossier-application.h"
#include "dossier-corpus.h"
#include "dossier-extractor.h"
#include "dossier-gazetteer.h"
#include "dossier-layout.h"
#include "dossier-graph-view.h"
#include "dossier-window.h"
#include "bench-util.h"

static gint64 t0;

static gboolean window_painted;
static guint frames;  /* painted before the graph: each costs CPU */
static gboolean scene_seen;

static gboolean settle;  /* $DOSSIER_BENCH_SETTLE: wait for the whole load too */

static void
stage (const char *what)
{
  printf ("  %-42s %6.0f ms  (cpu %5.0f ms, peak %4.0f MB)\n", what,
          (g_get_real_time () - t0) / 1000.0, bench_cpu_seconds () * 1e3, bench_peak_mb ());
  fflush (stdout);
}

static void
after_paint (GdkFrameClock *clock,
             DossierWindow *win)
{
  DossierGraphView *view = dossier_window_get_graph_view (win);

  frames++;
  if (!window_painted)
    {
      window_painted = TRUE;
      stage ("window's first frame");
    }
  if (!scene_seen &&
      g_strcmp0 (dossier_window_get_main_page (win), "graph") == 0 &&
      dossier_graph_view_has_scene (view) &&
      gtk_widget_get_mapped (GTK_WIDGET (view)))
    {
      scene_seen = TRUE;
      stage ("first frame with the graph");
      if (!settle)
        g_application_quit (g_application_get_default ());
    }
  /* Everything read, extracted and laid out: the window's own graph, not
   * a picture kept from the last run. */
  if (scene_seen && settle && !dossier_window_is_busy (win) &&
      dossier_window_get_subgraph (win) != NULL)
    {
      stage ("everything loaded and drawn");
      printf ("  %u frames painted\n", frames);
      g_application_quit (g_application_get_default ());
    }
}

static void
mapped (GtkWidget *win)
{
  stage ("window mapped");
  g_signal_connect (gtk_widget_get_frame_clock (win), "after-paint", G_CALLBACK (after_paint), win);
}

static void
started (GApplication *app)
{
  stage ("application started (libadwaita, styles)");
}

/* The same work as the window's loading, alone, for comparison. */
static void
time_core (const char *path)
{
  const char *paths[] = { path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierGazetteer) gazetteer = NULL;
  g_autoptr(DossierCorpus) corpus = NULL;
  g_autoptr(DossierGraph) graph = NULL;
  g_autoptr(DossierFilter) filter = dossier_filter_new ();
  g_autoptr(DossierSubgraph) sub = NULL;
  g_autoptr(DossierLayout) layout = NULL;
  gint64 t = g_get_monotonic_time ();

  printf ("The core alone, in this process (warm):\n");
#define STEP(what, expr)                                                      \
  if (!(expr))                                                                \
    g_error ("%s: %s", what, error->message);                                 \
  printf ("  %-36s %6.0f ms\n", what, (g_get_monotonic_time () - t) / 1000.0); \
  t = g_get_monotonic_time ();
  STEP ("gazetteer", (gazetteer = dossier_gazetteer_new_default (&error)));
  STEP ("read the articles", (corpus = dossier_corpus_load (paths, NULL, NULL, NULL, &error)));
  STEP ("extract", (graph = dossier_extract (corpus, gazetteer, NULL, NULL, &error)));
  STEP ("filter", (sub = dossier_filter_apply (filter, graph, &error)));
  STEP ("layout", (layout = dossier_layout_compute (sub, DOSSIER_LAYOUT_AUTO, NULL, &error)));
  g_clear_pointer (&layout, dossier_layout_unref);
  STEP ("layout again", (layout = dossier_layout_compute (sub, DOSSIER_LAYOUT_AUTO, NULL, &error)));
#undef STEP
}

static void
window_added (GtkApplication *app,
              GtkWindow      *win)
{
  stage ("window created");
  g_signal_connect (win, "map", G_CALLBACK (mapped), NULL);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(DossierApplication) app = NULL;
  g_autofree char *seeds = g_build_filename (DOSSIER_SOURCE_DIR, "seeds", NULL);
  char *args[] = { argv[0], argc > 1 ? argv[1] : seeds, NULL };

  t0 = g_getenv ("DOSSIER_BENCH_T0") ? g_ascii_strtoll (g_getenv ("DOSSIER_BENCH_T0"), NULL, 10)
                                     : g_get_real_time ();
  settle = g_getenv ("DOSSIER_BENCH_SETTLE") != NULL;
  stage ("main");
  app = dossier_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (window_added), NULL);
  g_signal_connect_after (app, "startup", G_CALLBACK (started), NULL);
  g_application_run (G_APPLICATION (app), 2, args);
  if (g_getenv ("DOSSIER_BENCH_CORE") != NULL)
    time_core (args[1]);
  return 0;
}
