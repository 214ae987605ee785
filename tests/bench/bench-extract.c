/* bench-extract.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Extraction throughput on a large synthetic corpus made from the seeds:
 * each seed is repeated with its names varied (so the graph grows like a
 * real corpus's would) up to about 50 MB, held in memory; the program
 * prints MB/s of extraction on one core and the peak resident memory.
 *
 *   _build/tests/bench/bench-extract [SEEDS_DIR] [MEGABYTES]
 */

#include "config.h"

#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "bench-util.h"
#include "dossier-corpus.h"
#include "dossier-extractor.h"

/* CPU time of this thread: the machine may be shared, wall time is not
 * what one core does. */
static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *default_seeds = dossier_corpus_default_path ();
  const char *seeds_dir = argc > 1 ? argv[1] : g_getenv ("DOSSIER_SEEDS_DIR");
  double megabytes = argc > 2 ? g_ascii_strtod (argv[2], NULL) : 50;
  const char *paths[2] = { NULL, NULL };
  g_autoptr(DossierCorpus) seeds = NULL;
  g_autoptr(DossierCorpus) corpus = dossier_corpus_new ();
  g_autoptr(DossierGazetteer) gazetteer = NULL;
  g_autoptr(DossierGraph) graph = NULL;
  gsize total = 0;
  guint copy = 0;
  gint64 start, end;
  double seconds, rss_before, cpu_start, cpu;
  guint n_evidence = 0;

  paths[0] = seeds_dir != NULL && *seeds_dir != '\0' ? seeds_dir : default_seeds;
  if (!(seeds = dossier_corpus_load (paths, NULL, NULL, NULL, &error)) ||
      !(gazetteer = dossier_gazetteer_new_default (&error)))
    {
      g_printerr ("bench-extract: %s\n", error->message);
      return 1;
    }

  /* Copies vary a made-up company name so entities keep growing a little,
   * as in a real corpus; the text stays the seeds' language. */
  while (total < megabytes * 1024 * 1024)
    {
      for (guint i = 0; i < seeds->articles->len; i++)
        {
          const DossierArticle *seed = dossier_corpus_get_article (seeds, i);
          g_autofree char *id = g_strdup_printf ("%05u-%s", copy, seed->id);
          g_autofree char *extra = g_strdup_printf ("\n\nLa société Zen%c%c%c a signé un partenariat avec Oracle.\n",
                                                    'a' + copy % 26, 'a' + copy / 26 % 26, 'a' + i);
          g_autoptr(GString) text = g_string_new_len (seed->text, seed->len);
          g_autoptr(GBytes) bytes = NULL;
          DossierArticle *article;

          g_string_append (text, extra);
          total += text->len;
          bytes = g_string_free_to_bytes (g_steal_pointer (&text));
          if (!(article = dossier_article_new_from_bytes (id, NULL, bytes, &error)))
            {
              g_printerr ("bench-extract: %s\n", error->message);
              return 1;
            }
          dossier_corpus_add_article (corpus, article);
        }
      copy++;
    }

  rss_before = bench_peak_mb ();
  start = g_get_monotonic_time ();
  cpu_start = cpu_seconds ();
  graph = dossier_extract (corpus, gazetteer, NULL, NULL, &error);
  cpu = cpu_seconds () - cpu_start;
  end = g_get_monotonic_time ();
  if (graph == NULL)
    {
      g_printerr ("bench-extract: %s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < graph->relations->len; i++)
    n_evidence += dossier_graph_get_relation (graph, i)->evidence->len;

  seconds = (end - start) / 1e6;
  g_print ("corpus: %u articles, %.1f MB\n", corpus->articles->len, total / 1048576.0);
  g_print ("extraction: %.2f s CPU, %.1f MB/s on one core (wall %.2f s, %.1f MB/s)\n",
           cpu, total / 1048576.0 / cpu, seconds, total / 1048576.0 / seconds);
  g_print ("results: %u entities, %u relations, %u passages\n",
           graph->entities->len, graph->relations->len, n_evidence);
  g_print ("peak RSS: %.0f MB with the corpus loaded, %.0f MB after extraction\n",
           rss_before, bench_peak_mb ());

  return 0;
}
