/* dossier-gen-corpus.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Writes a synthetic corpus for benchmarks and stress tests:
 *
 *   dossier-gen-corpus [--seed N] [--count N] [--english F]
 *                      [--synthetic N] [--gazetteer-out FILE] OUTDIR
 *
 * The same options give the same files everywhere. */

#define G_LOG_DOMAIN "dossier-gen"

#include "config.h"

#include <gio/gio.h>
#include <locale.h>
#include <stdlib.h>

#include "gen-corpus.h"

int
main (int   argc,
      char *argv[])
{
  DossierGenOptions options;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierGen) gen = NULL;
  g_autofree char *seeds_dir = NULL;
  g_autofree char *gazetteer_dir = NULL;
  g_autofree char *gazetteer_out = NULL;
  g_auto(GStrv) rest = NULL;
  gint64 seed = 42, count = 100, synthetic = 0;
  double english;
  guint64 total = 0;

  setlocale (LC_ALL, "");
  dossier_gen_options_init (&options);
  english = options.english;

  {
    GOptionEntry entries[] = {
      { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, "Random seed (default 42)", "N" },
      { "count", 'n', 0, G_OPTION_ARG_INT64, &count, "Number of articles (default 100)", "N" },
      { "english", 0, 0, G_OPTION_ARG_DOUBLE, &english, "Share of English articles (default 0.35)", "F" },
      { "synthetic", 0, 0, G_OPTION_ARG_INT64, &synthetic, "Actors not in the gazetteer (default 40 + count/10)", "N" },
      { "seeds", 0, 0, G_OPTION_ARG_FILENAME, &seeds_dir, "Folder of articles for the vocabulary", "DIR" },
      { "gazetteer", 0, 0, G_OPTION_ARG_FILENAME, &gazetteer_dir, "Gazetteer folder (*.gaz)", "DIR" },
      { "gazetteer-out", 0, 0, G_OPTION_ARG_FILENAME, &gazetteer_out, "Also write the synthetic actors as a .gaz file", "FILE" },
      { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, "OUTDIR" },
      { NULL }
    };

    context = g_option_context_new ("OUTDIR");
    g_option_context_set_summary (context, "Writes a deterministic synthetic corpus of news articles.");
    g_option_context_add_main_entries (context, entries, NULL);
    if (!g_option_context_parse (context, &argc, &argv, &error))
      {
        g_printerr ("dossier-gen-corpus: %s\n", error->message);
        return EXIT_FAILURE;
      }
  }

  if (rest == NULL || rest[0] == NULL || rest[1] != NULL || count < 0 || count > G_MAXUINT ||
      seed < 0 || seed > G_MAXUINT32 || synthetic < 0 || synthetic > 1000000 ||
      english < 0 || english > 1)
    {
      g_printerr ("dossier-gen-corpus: give one output folder and sensible values (see --help)\n");
      return EXIT_FAILURE;
    }

  if (seeds_dir == NULL)
    seeds_dir = g_build_filename (DOSSIER_SOURCE_DIR, "seeds", NULL);
  if (gazetteer_dir == NULL)
    gazetteer_dir = g_build_filename (DOSSIER_SOURCE_DIR, "data", "gazetteer", NULL);

  options.seed = (guint32) seed;
  options.n_articles = (guint) count;
  options.n_synthetic = (guint) synthetic;
  options.english = english;
  options.seeds_dir = seeds_dir;
  options.gazetteer_dir = gazetteer_dir;

  if (!(gen = dossier_gen_new (&options, &error)) ||
      !dossier_gen_write_corpus (gen, rest[0], &total, &error) ||
      (gazetteer_out != NULL && !dossier_gen_write_gazetteer (gen, gazetteer_out, &error)))
    {
      g_printerr ("dossier-gen-corpus: %s\n", error->message);
      return EXIT_FAILURE;
    }

  g_print ("%u articles, %" G_GUINT64_FORMAT " bytes in %s\n", options.n_articles, total, rest[0]);
  return EXIT_SUCCESS;
}
