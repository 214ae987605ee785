/* bench-search.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How fast the text search is: generates a corpus (tests/gen, 10,000
 * articles by default), extracts it once for the actors, then times a few
 * queries (common and rare words, several words, a phrase), with and
 * without the actors of each passage: wall time and CPU time (all threads).
 * Prints figures, asserts nothing.
 *
 *   bench-search [--articles 10000] [--seed 42] [--no-graph]
 */

#define G_LOG_DOMAIN "bench-search"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/resource.h>

#include "dossier-corpus.h"
#include "dossier-extractor.h"
#include "dossier-gazetteer.h"
#include "dossier-search.h"
#include "bench-util.h"
#include "gen-corpus.h"

static DossierCorpus *
generate (guint    n_articles,
          guint32  seed,
          guint64 *bytes)
{
  g_autofree char *seeds_dir = g_build_filename (DOSSIER_SOURCE_DIR, "seeds", NULL);
  g_autofree char *gaz_dir = g_build_filename (DOSSIER_SOURCE_DIR, "data", "gazetteer", NULL);
  DossierGenOptions options;
  g_autoptr(DossierGen) gen = NULL;
  g_autoptr(GError) error = NULL;
  DossierCorpus *corpus = dossier_corpus_new ();

  dossier_gen_options_init (&options);
  options.seed = seed;
  options.n_articles = n_articles;
  options.seeds_dir = seeds_dir;
  options.gazetteer_dir = gaz_dir;
  if (!(gen = dossier_gen_new (&options, &error)))
    g_error ("%s", error->message);

  for (guint i = 0; i < n_articles; i++)
    {
      g_autofree char *id = g_strdup_printf ("%05u.txt", i);
      char *text = dossier_gen_article (gen, i);
      gsize len = strlen (text);
      g_autoptr(GBytes) data = g_bytes_new_take (text, len);
      DossierArticle *article = dossier_article_new_from_bytes (id, NULL, data, &error);

      if (article == NULL)
        g_error ("%s", error->message);
      *bytes += len;
      dossier_corpus_add_article (corpus, article);
    }
  return corpus;
}

static void
time_query (DossierCorpus *corpus,
            DossierGraph  *graph,
            const char    *query)
{
  g_autoptr(DossierSearch) search = dossier_search_new (query, NULL);
  g_autoptr(GPtrArray) hits = NULL;
  guint n_found = 0, n_actors = 0;
  double cpu = bench_cpu_seconds ();
  gint64 t;

  t = g_get_monotonic_time ();
  hits = dossier_search_run (search, corpus, graph, 0, &n_found, NULL, NULL);
  t = g_get_monotonic_time () - t;
  cpu = bench_cpu_seconds () - cpu;
  for (guint i = 0; i < hits->len; i++)
    n_actors += ((DossierSearchHit *) g_ptr_array_index (hits, i))->actors->len;

  g_print ("  %-20s %-10s %7.1f ms wall %7.1f ms CPU  %7u passages  %7u actor mentions\n",
           query, graph != NULL ? "+actors" : "text only", t / 1000.0, cpu * 1000.0, n_found, n_actors);
}

int
main (int   argc,
      char *argv[])
{
  int n_articles = 10000;
  int seed = 42;
  gboolean no_graph = FALSE;
  const GOptionEntry entries[] = {
    { "articles", 0, 0, G_OPTION_ARG_INT, &n_articles, "Articles to generate", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Generator seed", "N" },
    { "no-graph", 0, 0, G_OPTION_ARG_NONE, &no_graph, "Skip the extraction (no actors)", NULL },
    { NULL }
  };
  const char *queries[] = { "le", "gouvernement", "rachat accord", "\"the company\"", "zzyzx" };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCorpus) corpus = NULL;
  g_autoptr(DossierGraph) graph = NULL;
  guint64 bytes = 0;
  gint64 t;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);

  t = g_get_monotonic_time ();
  corpus = generate (MAX (n_articles, 1), seed, &bytes);
  g_print ("== %u articles, %.1f MB (generated and read in %.1f s, not measured below)\n",
           corpus->articles->len, bytes / (1024.0 * 1024.0), (g_get_monotonic_time () - t) / 1e6);

  if (!no_graph)
    {
      g_autoptr(DossierGazetteer) gazetteer = dossier_gazetteer_new_default (&error);

      if (gazetteer == NULL)
        g_error ("%s", error->message);
      t = g_get_monotonic_time ();
      if (!(graph = dossier_extract (corpus, gazetteer, NULL, NULL, &error)))
        g_error ("%s", error->message);
      g_print ("== extracted %u actors in %.1f s (not measured below)\n",
               graph->entities->len, (g_get_monotonic_time () - t) / 1e6);
    }

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      time_query (corpus, NULL, queries[q]);
      if (graph != NULL)
        time_query (corpus, graph, queries[q]);
    }

  return 0;
}
