/* test-util.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What many tests start from: the seeds (or a folder), read and
 * extracted; and a temporary folder to write in. */

#pragma once

#include <glib/gstdio.h>
#include <string.h>

#include "dossier-corpus.h"
#include "dossier-extractor.h"

/* The shipped gazetteer. */
static inline DossierGazetteer *
test_default_gazetteer (void)
{
  g_autoptr(GError) error = NULL;
  DossierGazetteer *gazetteer = dossier_gazetteer_new_default (&error);

  g_assert_no_error (error);
  return gazetteer;
}

/* @path (a file or a folder) read with the default gazetteer and extracted;
 * the graph holds its corpus. */
static inline DossierGraph *
test_load_graph (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierGazetteer) gazetteer = test_default_gazetteer ();
  const char *paths[] = { path, NULL };
  g_autoptr(DossierCorpus) corpus = dossier_corpus_load (paths, NULL, NULL, NULL, &error);
  DossierGraph *graph;

  g_assert_no_error (error);
  graph = dossier_extract (corpus, gazetteer, NULL, NULL, &error);
  g_assert_no_error (error);

  return graph;
}

/* @len bytes of @text (-1: up to its NUL) as the one article "test.txt",
 * extracted with @gazetteer (NULL: the shipped one). */
static inline DossierGraph *
test_extract_text (DossierGazetteer *gazetteer,
                   const char       *text,
                   gssize            len)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCorpus) corpus = dossier_corpus_new ();
  g_autoptr(DossierGazetteer) shipped = gazetteer == NULL ? test_default_gazetteer () : NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (text, len < 0 ? strlen (text) : (gsize) len);
  DossierArticle *article = dossier_article_new_from_bytes ("test.txt", NULL, bytes, &error);
  DossierGraph *graph;

  g_assert_no_error (error);
  dossier_corpus_add_article (corpus, article);
  graph = dossier_extract (corpus, gazetteer != NULL ? gazetteer : shipped, NULL, NULL, &error);
  g_assert_no_error (error);
  return graph;
}

/* The relation @source @type @target by the actors' names, or NULL. */
static inline DossierRelation *
test_find_relation (DossierGraph        *graph,
                    const char          *source,
                    DossierRelationType  type,
                    const char          *target)
{
  DossierEntity *s = dossier_graph_lookup_entity (graph, source);
  DossierEntity *t = dossier_graph_lookup_entity (graph, target);

  if (s == NULL || t == NULL)
    return NULL;
  return dossier_graph_lookup_relation (graph, s->id, type, t->id);
}

static inline DossierGraph *
test_load_seeds (void)
{
  g_autofree char *seeds = dossier_corpus_default_path ();

  return test_load_graph (seeds);
}

/* A new folder in the temporary directory; @tmpl as for g_dir_make_tmp(). */
static inline char *
test_make_temp_dir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  return dir;
}

/* Removes @path and all below it; links are removed, not followed. */
static inline void
test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Whether some occurrence of @needle in @article lies in a sentence. */
static inline gboolean
test_in_a_sentence (const DossierArticle *article,
                    const char           *needle)
{
  for (const char *p = strstr (article->text, needle); p != NULL; p = strstr (p + 1, needle))
    {
      if (dossier_article_sentence_at (article, p - article->text) >= 0)
        return TRUE;
    }
  return FALSE;
}

/* The kind of section the first @needle in @article stands in. */
static inline DossierSectionKind
test_section_of (const DossierArticle *article,
                 const char           *needle)
{
  const char *p = strstr (article->text, needle);

  g_assert_nonnull (p);
  return dossier_article_section_at (article, p - article->text);
}

/* A GAsyncReadyCallback that keeps @result in the GAsyncResult * that
 * @user_data points to, for the test to finish when it likes. */
static inline void
test_keep_result_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (*out);
  *out = g_object_ref (result);
}

/* Runs the main loop until test_keep_result_cb() has filled @result. */
static inline GAsyncResult *
test_wait_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}
