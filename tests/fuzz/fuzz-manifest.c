/* fuzz-manifest.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The manifest reader, through the corpus: a folder with two articles and
 * a dossier-manifest.json made of the input.  Whatever the manifest holds
 * (however deep it nests), both articles load; each problem is a manifest
 * problem naming the manifest; dates and titles come out valid. */

#define G_LOG_DOMAIN "fuzz-manifest"

#include "config.h"

#include <glib/gstdio.h>

#include "dossier-corpus.h"
#include "fuzz-common.h"

static const char *
get_dir (void)
{
  static char *dir = NULL;

  if (dir == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *sub = NULL;
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      dir = g_dir_make_tmp ("dossier-fuzz-manifest-XXXXXX", &error);
      if (dir == NULL)
        g_error ("%s", error->message);
      sub = g_build_filename (dir, "sub", NULL);
      a = g_build_filename (dir, "a.txt", NULL);
      b = g_build_filename (sub, "b.txt", NULL);
      g_mkdir (sub, 0700);
      if (!g_file_set_contents (a, "Oracle et TikTok\n\nLe 14 septembre 2020, Oracle a choisi TikTok.\n", -1, &error) ||
          !g_file_set_contents (b, "Walmart joins\n\nWalmart partners with Oracle.\n", -1, &error))
        g_error ("%s", error->message);
    }

  return dir;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *manifest = g_build_filename (get_dir (), "dossier-manifest.json", NULL);
  const char *paths[] = { get_dir (), NULL };
  g_autoptr(DossierCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;

  fuzz_init_logging ();

  if (!g_file_set_contents (manifest, (const char *) data, size, &error))
    g_error ("%s", error->message);

  corpus = dossier_corpus_load (paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (corpus->articles->len, ==, 2);

  for (guint i = 0; i < corpus->problems->len; i++)
    {
      const DossierLoadProblem *p = g_ptr_array_index (corpus->problems, i);

      g_assert_true (g_error_matches (p->error, DOSSIER_CORPUS_ERROR, DOSSIER_CORPUS_ERROR_MANIFEST));
      g_assert_nonnull (strstr (p->error->message, "dossier-manifest.json"));
      g_assert_true (g_utf8_validate (p->error->message, -1, NULL));
    }

  for (guint i = 0; i < corpus->articles->len; i++)
    {
      const DossierArticle *article = dossier_corpus_get_article (corpus, i);

      g_assert_true (article->title == NULL || g_utf8_validate (article->title, -1, NULL));
      if (dossier_date_is_known (&article->date))
        {
          g_autofree char *iso = dossier_date_to_string (&article->date);
          DossierDate back;

          g_assert_true (dossier_date_parse_iso (iso, &back));
        }
    }

  return 0;
}
