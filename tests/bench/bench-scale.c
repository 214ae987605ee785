/* bench-scale.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How Dossier scales: for generated corpora of 1,000 and 10,000 articles
 * (tests/gen), prints load and extraction time (wall and CPU), peak memory,
 * entity and relation counts, and the layout time of each Graphviz engine:
 * sfdp on the whole default view, the others on the view capped to the
 * most connected --cap nodes.  Then says which of issue 10's targets are
 * met.  Prints figures, asserts nothing.
 *
 *   bench-scale [--articles 1000,10000] [--seed 42] [--cap 300]
 *               [--engines sfdp,dot,neato,fdp,circo] [--no-synthetic]
 *
 * Each size runs in a child process of its own, so that its peak memory
 * (getrusage's ru_maxrss) is its own. */

#define G_LOG_DOMAIN "bench-scale"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "dossier-corpus.h"
#include "dossier-extractor.h"
#include "dossier-filter.h"
#include "dossier-gazetteer.h"
#include "dossier-layout.h"
#include "bench-util.h"
#include "gen-corpus.h"
#include "../test-util.h"

#define TARGET_SECONDS 5.0
#define TARGET_MB 300.0

typedef struct
{
  gint64 wall;  /* µs */
  double cpu;   /* s, user + system, whole process */
} Stamp;

static double
current_mb (void)
{
  g_autofree char *statm = NULL;
  unsigned long size = 0, resident = 0;

  if (g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL))
    sscanf (statm, "%lu %lu", &size, &resident);
  return resident * (double) sysconf (_SC_PAGESIZE) / (1024.0 * 1024.0);
}

static Stamp
stamp (void)
{
  return (Stamp) { g_get_monotonic_time (), bench_cpu_seconds () };
}

static void
report (const char *what,
        Stamp       since,
        double     *wall_out)
{
  Stamp now = stamp ();
  double wall = (now.wall - since.wall) / 1e6;

  g_print ("  %-34s %8.3f s wall %8.3f s cpu\n", what, wall, now.cpu - since.cpu);
  if (wall_out != NULL)
    *wall_out = wall;
}

/* Graphviz cannot be interrupted: lay out in a child process and kill it
 * past @limit seconds, so that one slow engine does not stall the rest. */
static void
run_layout_limited (const char          *label,
                    DossierSubgraph     *subgraph,
                    DossierLayoutEngine  engine,
                    guint                limit)
{
  gint64 deadline = g_get_monotonic_time () + limit * G_USEC_PER_SEC;
  int status = 0;
  pid_t pid;

  fflush (stdout);
  pid = fork ();
  if (pid == 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierLayout) layout = NULL;
      Stamp t = stamp ();

      layout = dossier_layout_compute (subgraph, engine, NULL, &error);
      if (layout == NULL)
        g_print ("  %-34s failed: %s\n", label, error->message);
      else
        report (label, t, NULL);
      fflush (stdout);
      _exit (0);
    }

  while (waitpid (pid, &status, WNOHANG) == 0)
    {
      if (g_get_monotonic_time () > deadline)
        {
          kill (pid, SIGKILL);
          waitpid (pid, &status, 0);
          g_print ("  %-34s > %u s, stopped\n", label, limit);
          return;
        }
      g_usleep (50 * 1000);
    }
}

/* Writes the generated corpus to @corpus_dir and its names to @gaz_path. */
static void
generate (guint        n_articles,
          guint32      seed,
          const char  *corpus_dir,
          const char  *gaz_path)
{
  DossierGenOptions gen_options;
  g_autoptr(DossierGen) gen = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *seeds_dir = g_build_filename (DOSSIER_SOURCE_DIR, "seeds", NULL);
  g_autofree char *gaz_dir = g_build_filename (DOSSIER_SOURCE_DIR, "data", "gazetteer", NULL);
  guint64 bytes = 0;
  Stamp t;

  dossier_gen_options_init (&gen_options);
  gen_options.seed = seed;
  gen_options.n_articles = n_articles;
  gen_options.seeds_dir = seeds_dir;
  gen_options.gazetteer_dir = gaz_dir;

  t = stamp ();
  if (!(gen = dossier_gen_new (&gen_options, &error)) ||
      !dossier_gen_write_corpus (gen, corpus_dir, &bytes, &error) ||
      !dossier_gen_write_gazetteer (gen, gaz_path, &error))
    g_error ("generating: %s", error->message);
  report ("generate (not measured below)", t, NULL);
  g_print ("  %-34s %8.1f MB\n", "corpus size", bytes / (1024.0 * 1024.0));
}

static void
print_counts (DossierCorpus *corpus,
              DossierGraph  *graph)
{
  guint64 mentions = 0, evidence = 0;

  for (guint i = 0; i < graph->entities->len; i++)
    mentions += dossier_graph_get_entity (graph, i)->mentions->len;
  for (guint i = 0; i < graph->relations->len; i++)
    evidence += dossier_graph_get_relation (graph, i)->evidence->len;

  g_print ("  %-34s %8u (%u problems)\n", "articles loaded", corpus->articles->len, corpus->problems->len);
  g_print ("  %-34s %8u (%" G_GUINT64_FORMAT " mentions)\n", "entities", graph->entities->len, mentions);
  g_print ("  %-34s %8u (%" G_GUINT64_FORMAT " passages)\n", "relations", graph->relations->len, evidence);
}

/* Each engine on its view: sfdp is the engine for large views, it gets
 * everything the default filter shows; the others get the capped view. */
static void
bench_layouts (DossierGraph  *graph,
               char         **engines,
               guint          cap,
               guint          layout_limit)
{
  for (guint e = 0; engines != NULL && engines[e] != NULL; e++)
    {
      g_autoptr(DossierFilter) filter = dossier_filter_new ();
      g_autoptr(DossierSubgraph) subgraph = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *label = NULL;
      DossierLayoutEngine engine;
      Stamp t;

      if (!dossier_layout_engine_from_string (engines[e], &engine))
        {
          g_print ("  unknown engine %s\n", engines[e]);
          continue;
        }

      if (engine != DOSSIER_LAYOUT_SFDP)
        filter->max_nodes = cap;

      t = stamp ();
      if (!(subgraph = dossier_filter_apply (filter, graph, &error)))
        g_error ("filter: %s", error->message);
      label = g_strdup_printf ("filter (cap %u): %u nodes %u edges", filter->max_nodes,
                               subgraph->entities->len, subgraph->relations->len);
      report (label, t, NULL);

      g_clear_pointer (&label, g_free);
      label = g_strdup_printf ("layout %s", engines[e]);
      run_layout_limited (label, subgraph, engine, layout_limit);
    }
}

/* One size, in this process. */
static int
run_single (guint        n_articles,
            guint32      seed,
            guint        cap,
            char       **engines,
            gboolean     synthetic,
            guint        layout_limit,
            const char  *result_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierGazetteer) gazetteer = NULL;
  g_autoptr(DossierCorpus) corpus = NULL;
  g_autoptr(DossierGraph) graph = NULL;
  g_autofree char *dir = test_make_temp_dir ("dossier-bench-XXXXXX");
  g_autofree char *corpus_dir = g_build_filename (dir, "corpus", NULL);
  g_autofree char *gaz_path = g_build_filename (dir, "synthetic.gaz", NULL);
  const char *paths[] = { corpus_dir, NULL };
  double load_wall, extract_wall, rss_before;
  Stamp t, both;

  g_print ("== %u articles (seed %u)\n", n_articles, seed);
  generate (n_articles, seed, corpus_dir, gaz_path);

  rss_before = current_mb ();

  t = stamp ();
  if (!(gazetteer = dossier_gazetteer_new_default (&error)) ||
      (synthetic && !dossier_gazetteer_load_file (gazetteer, gaz_path, &error)))
    g_error ("gazetteer: %s", error->message);
  report (synthetic ? "gazetteer (shipped + synthetic)" : "gazetteer (shipped)", t, NULL);

  both = t = stamp ();
  if (!(corpus = dossier_corpus_load (paths, NULL, NULL, NULL, &error)))
    g_error ("load: %s", error->message);
  report ("load", t, &load_wall);

  t = stamp ();
  if (!(graph = dossier_extract (corpus, gazetteer, NULL, NULL, &error)))
    g_error ("extract: %s", error->message);
  report ("extract", t, &extract_wall);
  report ("load + extract", both, NULL);

  print_counts (corpus, graph);
  g_print ("  %-34s %8.1f MB (before loading %.1f MB, now %.1f MB)\n",
           "peak RSS so far", bench_peak_mb (), rss_before, current_mb ());

  bench_layouts (graph, engines, cap, layout_limit);

  g_print ("  %-34s %8.1f MB\n", "peak RSS", bench_peak_mb ());
  if (result_path != NULL)
    {
      g_autofree char *line = g_strdup_printf ("%u %.3f %.3f %.1f %u %u\n", n_articles, load_wall,
                                               extract_wall, bench_peak_mb (), graph->entities->len,
                                               graph->relations->len);

      g_file_set_contents (result_path, line, -1, NULL);
    }

  test_remove_tree (dir);

  return EXIT_SUCCESS;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sizes_arg = NULL;
  g_autofree char *engines_arg = NULL;
  g_auto(GStrv) sizes = NULL;
  g_auto(GStrv) engines = NULL;
  g_autoptr(GString) results = g_string_new (NULL);
  gint64 seed = 42, cap = 300, single = 0, limit = 120;
  g_autofree char *result_path = NULL;
  gboolean no_synthetic = FALSE;
  GOptionEntry entries[] = {
    { "articles", 'n', 0, G_OPTION_ARG_STRING, &sizes_arg, "Corpus sizes (default 1000,10000)", "N,N" },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, "Generator seed (default 42)", "N" },
    { "cap", 0, 0, G_OPTION_ARG_INT64, &cap, "max_nodes for the engines other than sfdp (default 300)", "N" },
    { "engines", 'e', 0, G_OPTION_ARG_STRING, &engines_arg, "Engines (default sfdp,dot,neato,fdp,circo)", "LIST" },
    { "no-synthetic", 0, 0, G_OPTION_ARG_NONE, &no_synthetic, "Shipped gazetteer only (fewer entities)", NULL },
    { "layout-limit", 0, 0, G_OPTION_ARG_INT64, &limit, "Stop a layout after this many seconds (default 120)", "S" },
    { "single", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT64, &single, NULL, NULL },
    { "result", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &result_path, NULL, NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-scale: %s\n", error->message);
      return EXIT_FAILURE;
    }

  engines = g_strsplit (engines_arg != NULL ? engines_arg : "sfdp,dot,neato,fdp,circo", ",", -1);

  if (single > 0)
    return run_single ((guint) single, (guint32) seed, (guint) cap, engines, !no_synthetic,
                       (guint) limit, result_path);

  sizes = g_strsplit (sizes_arg != NULL ? sizes_arg : "1000,10000", ",", -1);
  for (guint i = 0; sizes[i] != NULL; i++)
    {
      g_autofree char *n = g_strdup_printf ("--single=%s", sizes[i]);
      g_autofree char *s = g_strdup_printf ("--seed=%" G_GINT64_FORMAT, seed);
      g_autofree char *c = g_strdup_printf ("--cap=%" G_GINT64_FORMAT, cap);
      g_autofree char *l = g_strdup_printf ("--layout-limit=%" G_GINT64_FORMAT, limit);
      g_autofree char *e = g_strdup_printf ("--engines=%s", engines_arg != NULL ? engines_arg : "sfdp,dot,neato,fdp,circo");
      g_autofree char *tmp = NULL;
      g_autofree char *r = NULL;
      g_autofree char *line = NULL;
      int fd, status = 0;

      if ((fd = g_file_open_tmp ("dossier-bench-XXXXXX", &tmp, &error)) < 0)
        g_error ("%s", error->message);
      close (fd);
      r = g_strdup_printf ("--result=%s", tmp);

      {
        const char *child_argv[] = { "/proc/self/exe", n, s, c, l, e, r,
                                     no_synthetic ? "--no-synthetic" : NULL, NULL };

        fflush (stdout);
        if (!g_spawn_sync (NULL, (char **) child_argv, NULL,
                           G_SPAWN_CHILD_INHERITS_STDIN,
                           NULL, NULL, NULL, NULL, &status, &error))
          g_error ("%s", error->message);
      }
      if (!g_spawn_check_wait_status (status, NULL))
        g_print ("  (the run for %s articles failed)\n", sizes[i]);
      if (g_file_get_contents (tmp, &line, NULL, NULL))
        g_string_append (results, line);
      g_remove (tmp);
    }

  g_print ("\n== targets (issue 10): 10,000 articles loaded + extracted in < %.0f s on one core, "
           "peak < %.0f MB\n", TARGET_SECONDS, TARGET_MB);
  {
    g_auto(GStrv) lines = g_strsplit (results->str, "\n", -1);

    for (guint l = 0; lines[l] != NULL && lines[l][0] != '\0'; l++)
      {
        guint n = 0, entities = 0, relations = 0;
        double load = 0, extract = 0, peak = 0;

        if (sscanf (lines[l], "%u %lf %lf %lf %u %u", &n, &load, &extract, &peak, &entities, &relations) != 6)
          continue;
        g_print ("  %6u articles: load + extract %.2f s (%s), peak %.0f MB (%s), %u entities, %u relations\n",
                 n, load + extract,
                 n < 10000 ? "-" : load + extract < TARGET_SECONDS ? "met" : "NOT met",
                 peak,
                 peak < TARGET_MB ? "met" : "NOT met",
                 entities, relations);
      }
  }

  return EXIT_SUCCESS;
}
