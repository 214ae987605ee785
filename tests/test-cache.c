/* test-cache.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <unistd.h>

#include <glib/gstdio.h>
#include <string.h>

#include "dossier-cache.h"
#include "dossier-date.h"

static DossierCorpus *
load (const char *dir)
{
  g_autoptr(GError) error = NULL;
  const char *paths[] = { dir, NULL };
  DossierCorpus *corpus = dossier_corpus_load (paths, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return corpus;
}

static void
assert_same_graph (DossierGraph *a,
                   DossierGraph *b)
{
  g_assert_cmpuint (a->entities->len, ==, b->entities->len);
  g_assert_cmpuint (a->relations->len, ==, b->relations->len);

  for (guint i = 0; i < a->entities->len; i++)
    {
      DossierEntity *ea = dossier_graph_get_entity (a, i);
      DossierEntity *eb = dossier_graph_get_entity (b, i);

      g_assert_cmpstr (ea->name, ==, eb->name);
      g_assert_cmpint (ea->type, ==, eb->type);
      g_assert_cmpuint (ea->aliases->len, ==, eb->aliases->len);
      g_assert_cmpuint (ea->mentions->len, ==, eb->mentions->len);
      for (guint m = 0; m < ea->mentions->len; m++)
        {
          DossierMention *ma = &g_array_index (ea->mentions, DossierMention, m);
          DossierMention *mb = &g_array_index (eb->mentions, DossierMention, m);

          g_assert_cmpuint (ma->article, ==, mb->article);
          g_assert_cmpuint (ma->start, ==, mb->start);
          g_assert_cmpuint (ma->end, ==, mb->end);
          g_assert_cmpint (ma->section, ==, mb->section);
        }
    }

  for (guint i = 0; i < a->relations->len; i++)
    {
      DossierRelation *ra = dossier_graph_get_relation (a, i);
      DossierRelation *rb = dossier_graph_get_relation (b, i);

      g_assert_cmpuint (ra->source, ==, rb->source);
      g_assert_cmpuint (ra->target, ==, rb->target);
      g_assert_cmpint (ra->type, ==, rb->type);
      g_assert_cmpuint (ra->evidence->len, ==, rb->evidence->len);
      for (guint e = 0; e < ra->evidence->len; e++)
        {
          DossierEvidence *va = &g_array_index (ra->evidence, DossierEvidence, e);
          DossierEvidence *vb = &g_array_index (rb->evidence, DossierEvidence, e);

          g_assert_cmpuint (va->article, ==, vb->article);
          g_assert_cmpuint (va->start, ==, vb->start);
          g_assert_cmpuint (va->end, ==, vb->end);
          g_assert_cmpuint (va->source_start, ==, vb->source_start);
          g_assert_cmpuint (va->target_end, ==, vb->target_end);
          g_assert_cmpint (dossier_date_compare (&va->date, &vb->date), ==, 0);
          g_assert_cmpint (va->date.precision, ==, vb->date.precision);
          g_assert_cmpuint (va->flags, ==, vb->flags);
        }
    }
}

static void
copy_seeds (const char *to)
{
  g_autofree char *seeds = dossier_corpus_default_path ();
  g_autoptr(GDir) dir = g_dir_open (seeds, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  g_assert_cmpint (g_mkdir_with_parents (to, 0700), ==, 0);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *src = g_build_filename (seeds, name, NULL);
      g_autofree char *dst = g_build_filename (to, name, NULL);
      g_autofree char *contents = NULL;
      gsize len;

      if (!g_str_has_suffix (name, ".txt"))
        continue;
      g_assert_true (g_file_get_contents (src, &contents, &len, NULL));
      g_assert_true (g_file_set_contents (dst, contents, len, NULL));
    }
}

static void
test_round_trip_and_invalidation (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "corpus", NULL);
  g_autoptr(DossierGazetteer) gazetteer = NULL;
  g_autoptr(DossierCorpus) corpus = NULL;
  g_autoptr(DossierGraph) fresh = NULL;
  g_autoptr(DossierGraph) cached = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  copy_seeds (dir);
  gazetteer = dossier_gazetteer_new_default (&error);
  g_assert_no_error (error);
  corpus = load (dir);
  path = dossier_cache_path_for_corpus (corpus);
  g_assert_true (g_str_has_prefix (path, g_get_user_cache_dir ()));

  /* Nothing cached yet. */
  g_assert_null (dossier_cache_load (path, corpus, gazetteer));

  fresh = dossier_extract_cached (corpus, gazetteer, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  cached = dossier_cache_load (path, corpus, gazetteer);
  g_assert_nonnull (cached);
  assert_same_graph (fresh, cached);

  /* Another gazetteer: a miss. */
  {
    g_autoptr(DossierGazetteer) more = dossier_gazetteer_new_default (&error);
    const char *line = "company\tAcme Widgets\n";

    g_assert_true (dossier_gazetteer_load_data (more, line, strlen (line), "test", &error));
    g_assert_null (dossier_cache_load (path, corpus, more));
  }

  /* An article changed on disk: a miss. */
  {
    g_autofree char *file = g_build_filename (dir, "004_cc430da7135b5cd5.txt", NULL);
    g_autoptr(DossierCorpus) changed = NULL;
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (file, &contents, NULL, NULL));
    contents[10] = contents[10] == 'x' ? 'y' : 'x';
    g_assert_true (g_file_set_contents (file, contents, -1, NULL));
    changed = load (dir);
    g_assert_null (dossier_cache_load (path, changed, gazetteer));
  }
}

static void
test_damaged_file (void)
{
  g_autoptr(DossierGazetteer) gazetteer = NULL;
  g_autoptr(DossierCorpus) corpus = NULL;
  g_autoptr(DossierGraph) graph = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *seeds = dossier_corpus_default_path ();
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "damaged", NULL);
  g_autofree char *contents = NULL;
  gsize len;

  gazetteer = dossier_gazetteer_new_default (&error);
  g_assert_no_error (error);
  corpus = load (seeds);
  graph = dossier_extract (corpus, gazetteer, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_cache_save (path, graph, gazetteer, &error));
  g_assert_no_error (error);

  /* Flip bytes all over the file: every load is a miss or a valid graph,
   * never a crash. */
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  for (gsize step = 1; step < len; step += len / 50 + 1)
    {
      g_autofree char *copy = g_memdup2 (contents, len);
      g_autoptr(DossierGraph) loaded = NULL;

      copy[step] ^= 0x5a;
      g_assert_true (g_file_set_contents (path, copy, len, NULL));
      loaded = dossier_cache_load (path, corpus, gazetteer);
      if (loaded != NULL)
        g_assert_cmpuint (loaded->entities->len, <=, len);
    }

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  g_assert_null (dossier_cache_load (path, corpus, gazetteer));
}

/* A link in the cache's place is never read through, and a save replaces
 * the link, not the file it points at. */
static void
test_symlink_not_followed (void)
{
  g_autoptr(DossierGazetteer) gazetteer = NULL;
  g_autoptr(DossierCorpus) corpus = NULL;
  g_autoptr(DossierGraph) graph = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *seeds = dossier_corpus_default_path ();
  g_autofree char *real = g_build_filename (g_get_user_cache_dir (), "real", NULL);
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "link", NULL);
  g_autofree char *contents = NULL;

  gazetteer = dossier_gazetteer_new_default (&error);
  g_assert_no_error (error);
  corpus = load (seeds);
  graph = dossier_extract (corpus, gazetteer, NULL, NULL, &error);
  g_assert_no_error (error);

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  g_assert_true (dossier_cache_save (real, graph, gazetteer, &error));
  g_assert_cmpint (symlink (real, path), ==, 0);
  g_assert_null (dossier_cache_load (path, corpus, gazetteer));

  g_assert_true (g_file_set_contents (real, "keep me", -1, NULL));
  g_assert_true (dossier_cache_save (path, graph, gazetteer, &error));
  g_assert_false (g_file_test (path, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_get_contents (real, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep me");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cache/round-trip-and-invalidation", test_round_trip_and_invalidation);
  g_test_add_func ("/cache/damaged-file", test_damaged_file);
  g_test_add_func ("/cache/symlink-not-followed", test_symlink_not_followed);

  return g_test_run ();
}
