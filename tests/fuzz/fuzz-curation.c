/* fuzz-curation.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The project-file parser: a file on disk either loads or is refused with
 * an error and set aside (however deep it nests).  What loads is applied to a small extracted
 * graph, undone and redone, saved, and must read back the same. */

#define G_LOG_DOMAIN "fuzz-curation"

#include "config.h"

#include <glib/gstdio.h>

#include "dossier-curation.h"
#include "dossier-extractor.h"
#include "fuzz-common.h"

static const char *const texts[] = {
  "Oracle choisi pour TikTok\n\n"
  "Le 14 septembre 2020, ByteDance, la maison mère de TikTok, a choisi Oracle. "
  "Donald Trump a soutenu l'accord. Microsoft s'est retiré des négociations.\n",
  "Walmart joins the deal\n\n"
  "On September 19, 2020, Walmart said it partners with Oracle on TikTok. "
  "The Wall Street Journal reported that Microsoft's CEO Satya Nadella was disappointed.\n",
};

static const char *
get_dir (void)
{
  static char *dir = NULL;

  if (dir == NULL)
    {
      g_autoptr(GError) error = NULL;

      dir = g_dir_make_tmp ("dossier-fuzz-curation-XXXXXX", &error);
      if (dir == NULL)
        g_error ("%s", error->message);
    }

  return dir;
}

/* A fresh corpus each time: applying edits sets titles and dates on it. */
static DossierGraph *
extract_small_graph (void)
{
  g_autoptr(DossierCorpus) corpus = dossier_corpus_new ();

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (texts[i], strlen (texts[i]));
      g_autofree char *id = g_strdup_printf ("%03u.txt", i);
      DossierArticle *article = dossier_article_new_from_bytes (id, NULL, bytes, NULL);

      g_assert_nonnull (article);
      dossier_corpus_add_article (corpus, article);
    }

  return dossier_extract (corpus, fuzz_get_gazetteer (), NULL, NULL, NULL);
}

/* "@path.STAMP.bak", where a corrupt file is set aside. */
static char *
find_aside (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strconcat (base, ".", NULL);
  g_autoptr(GDir) dir = g_dir_open (get_dir (), 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".bak") &&
        strlen (name) > strlen (prefix) + 4)
      return g_build_filename (get_dir (), name, NULL);
  return NULL;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *path = g_build_filename (get_dir (), "project.json", NULL);
  g_autofree char *bak = g_strconcat (path, ".bak", NULL);
  g_autofree char *saved = g_build_filename (get_dir (), "saved.json", NULL);
  g_autoptr(DossierCuration) curation = dossier_curation_new ();
  g_autoptr(DossierCuration) reread = dossier_curation_new ();
  g_autoptr(DossierGraph) extracted = NULL;
  g_autoptr(DossierGraph) applied = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  guint n_edits;

  fuzz_init_logging ();

  g_unlink (bak);
  if (!g_file_set_contents (path, (const char *) data, size, &error))
    g_error ("%s", error->message);

  if (!dossier_curation_load (curation, path, &error))
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == DOSSIER_CURATION_ERROR);
      /* The unreadable file is kept aside, byte for byte: copied when a
       * newer Dossier wrote it, else renamed with the time in its name. */
      {
        g_autofree char *aside = error->code == DOSSIER_CURATION_ERROR_NEWER
                               ? g_strdup (bak) : find_aside (path);
        g_autofree char *copy = NULL;
        gsize copy_len = 0;

        g_assert_nonnull (aside);
        g_assert_true (g_file_get_contents (aside, &copy, &copy_len, NULL));
        g_assert_cmpmem (copy, copy_len, data, size);
        g_unlink (aside);
      }
      g_assert_cmpuint (dossier_curation_get_n_edits (curation), ==, 0);
      return 0;
    }
  g_assert_no_error (error);

  n_edits = dossier_curation_get_n_edits (curation);

  extracted = extract_small_graph ();
  applied = dossier_curation_apply (curation, extracted, &problems);
  g_assert_nonnull (applied);
  fuzz_check_graph (applied);

  /* The actors created make gazetteer lines the loader always takes. */
  {
    g_autoptr(DossierGazetteer) created = dossier_gazetteer_new ();

    g_assert_true (dossier_curation_extend_gazetteer (curation, created, &error));
    g_assert_no_error (error);
  }

  /* Undo everything, then redo it. */
  for (guint i = 0; i < n_edits; i++)
    {
      g_autofree char *label = dossier_curation_undo_label (curation);

      g_assert_true (dossier_curation_can_undo (curation));
      g_assert_nonnull (label);
      g_assert_true (g_utf8_validate (label, -1, NULL));
      g_assert_true (dossier_curation_undo (curation));
    }
  g_assert_false (dossier_curation_can_undo (curation));
  for (guint i = 0; i < n_edits; i++)
    {
      g_autofree char *label = dossier_curation_redo_label (curation);

      g_assert_nonnull (label);
      g_assert_true (dossier_curation_redo (curation));
    }
  g_assert_false (dossier_curation_can_redo (curation));
  g_assert_cmpuint (dossier_curation_get_n_edits (curation), ==, n_edits);

  /* Saved, it reads back with as many edits (into a fresh file: saving
   * takes in the edits already in the file). */
  g_unlink (saved);
  if (!dossier_curation_save (curation, saved, &error))
    g_error ("could not save: %s", error->message);
  if (!dossier_curation_load (reread, saved, &error))
    g_error ("a saved project does not read back: %s", error->message);
  g_assert_cmpuint (dossier_curation_get_n_edits (reread), ==, n_edits);

  return 0;
}
