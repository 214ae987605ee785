/* test-pathological.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Articles built to hurt: one 50 MB line, a million capitalised words, a
 * name repeated 100,000 times in one sentence, one 10 MB word, a million
 * lines.  Each must go through
 * loading and extraction (or be refused with a message) within the
 * suite's timeout and a bounded amount of memory.  Nothing here times
 * anything: a quadratic stage shows as the suite's timeout.
 *
 * Each case runs in a subprocess, so that its peak memory is its own.  A
 * case listed in known_slow[] is a known quadratic not fixed yet: it is
 * reported as TODO without running, unless DOSSIER_PATHOLOGICAL_ALL=1. */

#define G_LOG_DOMAIN "test-pathological"

#include "config.h"

#include <string.h>
#include <sys/resource.h>

#include "dossier-extractor.h"

#define MB (1024 * 1024)

/* Peak memory a case may reach beyond its input text: generous, but it
 * catches a per-byte table of pointers (8 bytes a byte of text). */
#define MAX_PEAK_MB 1536

typedef struct
{
  const char *name;
  const char *known_slow;  /* why it is skipped today, or NULL */
  GString  *(*build) (void);
} Case;

static GString *
build_long_line (void)
{
  static const char *const pieces[] = {
    "Oracle a été choisi par ByteDance pour TikTok. ",
    "Selon le Wall Street Journal, Microsoft s'est retiré des négociations. ",
    "Donald Trump a soutenu l'accord le 14 septembre 2020. ",
    "Les analystes restent prudents sur la suite des opérations. ",
  };
  GString *text = g_string_sized_new (50 * MB + 256);
  guint i = 0;

  /* A headline, then one line: no '\n' for 50 MB, sentences all along. */
  g_string_append (text, "Une seule ligne\n\n");
  while (text->len < 50 * MB)
    g_string_append (text, pieces[i++ % G_N_ELEMENTS (pieces)]);

  return text;
}

static GString *
build_capitalised (void)
{
  static const char *const syllables[] = {
    "Ka", "Lo", "Ve", "Mar", "Ten", "Dru", "Sil", "Ber", "Ro", "Na", "Vi", "Quen",
  };
  static const char *const lower[] = {
    "ka", "lo", "ve", "mar", "ten", "dru", "sil", "ber", "ro", "na", "vi", "quen",
  };
  GString *text = g_string_sized_new (10 * MB);
  guint32 state = 12345;

  g_string_append (text, "Un million de Mots Capitalisés\n\n");
  for (guint i = 0; i < 1000000; i++)
    {
      /* A tiny LCG: deterministic, many distinct words. */
      state = state * 1103515245u + 12345u;
      g_string_append (text, syllables[(state >> 16) % G_N_ELEMENTS (syllables)]);
      g_string_append (text, lower[(state >> 8) % G_N_ELEMENTS (lower)]);
      g_string_append (text, lower[(state >> 24) % G_N_ELEMENTS (lower)]);
      if (i % 15 == 14)
        g_string_append (text, i % 150 == 149 ? ".\n" : ". ");
      else
        g_string_append_c (text, ' ');
    }

  return text;
}

static GString *
build_repeated_name (void)
{
  GString *text = g_string_new ("Oracle, Oracle, Oracle\n\n");

  /* One sentence, one name. */
  for (guint i = 0; i < 100000; i++)
    g_string_append (text, "Oracle ");
  g_string_append (text, "a tout racheté.\n");

  return text;
}

static GString *
build_repeated_pair (void)
{
  GString *text = g_string_new ("Oracle et TikTok\n\n");

  /* One sentence, two names taking turns: 100,000 mentions. */
  for (guint i = 0; i < 50000; i++)
    g_string_append (text, "Oracle TikTok ");
  g_string_append (text, "ont signé.\n");

  return text;
}

static GString *
build_one_word (void)
{
  GString *text = g_string_new ("Un mot\n\n");

  /* 10 MB without a space: a single word. */
  while (text->len < 10 * MB)
    g_string_append (text, "OracleTikTokByteDance");
  g_string_append_c (text, '\n');

  return text;
}

static GString *
build_many_lines (void)
{
  GString *text = g_string_new ("Beaucoup de lignes\n");

  /* A million short paragraphs. */
  for (guint i = 0; i < 1000000; i++)
    g_string_append (text, i % 2 ? "Oracle.\n" : "x\n");

  return text;
}

static GString *
build_presidents (void)
{
  GString *text = g_string_new ("Les présidents\n\n");

  /* 50,000 presidents named, each followed by "le président" to resolve
   * against all of them (extractor: resolve_bare_titles). */
  for (guint i = 0; i < 50000; i++)
    g_string_append (text, i % 2 ? "Trump rit et le président se tait, " : "Biden rit et le président se tait, ");
  g_string_append (text, "voilà.\n");

  return text;
}

/* A case known to be too slow today names why in its second field; none
 * is, since the extractor bounds its pairs (PAIR_DISTANCE) and
 * dossier_graph_add_evidence() stopped scanning every passage. */
static const Case cases[] = {
  { "long-line-50mb", NULL, build_long_line },
  { "million-capitalised-words", NULL, build_capitalised },
  { "name-repeated-100000", NULL, build_repeated_name },
  { "pair-repeated-100000", NULL, build_repeated_pair },
  { "one-10mb-word", NULL, build_one_word },
  { "million-lines", NULL, build_many_lines },
  { "bare-title-100000", NULL, build_presidents },
};

static double
peak_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

static void
run_case (const Case *c)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierGazetteer) gazetteer = NULL;
  g_autoptr(DossierCorpus) corpus = NULL;
  g_autoptr(DossierGraph) graph = NULL;
  g_autoptr(GBytes) bytes = NULL;
  DossierArticle *article;
  GString *text;
  gsize len;
  gint64 start;
  double before;

  gazetteer = dossier_gazetteer_new_default (&error);
  g_assert_no_error (error);

  text = c->build ();
  len = text->len;
  bytes = g_string_free_to_bytes (text);
  before = peak_mb ();
  start = g_get_monotonic_time ();

  article = dossier_article_new_from_bytes ("pathological.txt", NULL, bytes, &error);
  g_clear_pointer (&bytes, g_bytes_unref);
  if (article == NULL)
    {
      /* Refusing is fine, with a message. */
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, !=, "");
      g_printerr ("# %s: refused: %s\n", c->name, error->message);
      return;
    }
  g_printerr ("# %s: %.1f MB, %u sentences, loaded in %.2f s\n", c->name, len / (double) MB,
                  article->sentences->len, (g_get_monotonic_time () - start) / 1e6);

  corpus = dossier_corpus_new ();
  dossier_corpus_add_article (corpus, article);
  graph = dossier_extract (corpus, gazetteer, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (graph);

  g_printerr ("# %s: %u entities, %u relations after %.2f s; peak %.0f MB (%.0f MB before loading)\n",
                  c->name, graph->entities->len, graph->relations->len,
                  (g_get_monotonic_time () - start) / 1e6, peak_mb (), before);

#if !defined(__SANITIZE_ADDRESS__)
  /* ASan's shadow memory and quarantine would blur this. */
  g_assert_cmpfloat (peak_mb () - before, <, MAX_PEAK_MB);
#endif
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;

  if (g_test_subprocess ())
    {
      run_case (c);
      return;
    }

  if (c->known_slow != NULL && g_strcmp0 (g_getenv ("DOSSIER_PATHOLOGICAL_ALL"), "1") != 0)
    {
      g_test_incomplete (c->known_slow);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/pathological/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_case);
    }

  return g_test_run ();
}
