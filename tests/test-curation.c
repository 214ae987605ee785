/* test-curation.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "dossier-curation.h"
#include "dossier-date.h"
#include "test-util.h"

#define TEXT "Donald Trump met Trump. Oracle partners TikTok. ByteDance owns TikTok.\n"

/* Offsets of the words in TEXT. */
#define SPAN(word) (gsize) (strstr (TEXT, word) - TEXT), (gsize) (strstr (TEXT, word) - TEXT + strlen (word))

static DossierGraph *
make_graph (void)
{
  g_autoptr(DossierCorpus) corpus = dossier_corpus_new ();
  g_autoptr(GBytes) bytes = g_bytes_new_static (TEXT, strlen (TEXT));
  g_autoptr(GError) error = NULL;
  DossierArticle *article;
  DossierGraph *graph;
  DossierEntity *trump, *oracle, *tiktok, *bytedance;
  DossierRelation *r;
  DossierEvidence ev = { 0 };

  article = dossier_article_new_from_bytes ("a.txt", NULL, bytes, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_date_parse_iso ("2020-09-14", &article->date));
  dossier_corpus_add_article (corpus, article);

  graph = dossier_graph_new (corpus);
  trump = dossier_graph_ensure_entity (graph, "Donald Trump", DOSSIER_ENTITY_PERSON);
  dossier_graph_add_alias (graph, trump, "Donald Trump");
  dossier_graph_add_alias (graph, trump, "Trump");
  dossier_graph_add_mention (graph, trump, &(DossierMention) { 0, SPAN ("Donald Trump"), DOSSIER_SECTION_BODY });
  dossier_graph_add_mention (graph, trump, &(DossierMention) { 0, 17, 22, DOSSIER_SECTION_BODY });
  oracle = dossier_graph_ensure_entity (graph, "Oracle", DOSSIER_ENTITY_COMPANY);
  dossier_graph_add_mention (graph, oracle, &(DossierMention) { 0, SPAN ("Oracle"), DOSSIER_SECTION_BODY });
  tiktok = dossier_graph_ensure_entity (graph, "TikTok", DOSSIER_ENTITY_COMPANY);
  dossier_graph_add_mention (graph, tiktok, &(DossierMention) { 0, SPAN ("TikTok"), DOSSIER_SECTION_BODY });
  bytedance = dossier_graph_ensure_entity (graph, "ByteDance", DOSSIER_ENTITY_PERSON);
  dossier_graph_add_mention (graph, bytedance, &(DossierMention) { 0, SPAN ("ByteDance"), DOSSIER_SECTION_BODY });

  r = dossier_graph_ensure_relation (graph, oracle->id, DOSSIER_RELATION_PARTNERS, tiktok->id);
  ev.start = 24;
  ev.end = 47;
  dossier_graph_add_evidence (graph, r, &ev);
  r = dossier_graph_ensure_relation (graph, bytedance->id, DOSSIER_RELATION_OWNS, tiktok->id);
  ev.start = 48;
  ev.end = 71;
  dossier_graph_add_evidence (graph, r, &ev);

  return graph;
}

/* A curation and a folder for its edits file, named by the test's data,
 * in the (isolated) user data folder. */
typedef struct
{
  DossierCuration *curation;
  char            *dir;
  char            *path;  /* the edits file in @dir */
} Project;

static void
project_set_up (Project       *project,
                gconstpointer  name)
{
  project->curation = dossier_curation_new ();
  project->dir = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_assert_cmpint (g_mkdir_with_parents (project->dir, 0700), ==, 0);
  project->path = g_build_filename (project->dir, ".dossier-project.json", NULL);
}

static void
project_tear_down (Project       *project,
                   gconstpointer  name)
{
  g_clear_pointer (&project->curation, dossier_curation_free);
  g_clear_pointer (&project->dir, g_free);
  g_clear_pointer (&project->path, g_free);
}

/* @curation loads @path without error and holds @n_edits edits. */
static void
assert_loads (DossierCuration *curation,
              const char      *path,
              guint            n_edits)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_curation_load (curation, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_curation_get_n_edits (curation), ==, n_edits);
}

static DossierGraph *
apply (DossierCuration *curation,
       DossierGraph    *extracted,
       guint            expected_problems)
{
  g_autoptr(GPtrArray) problems = NULL;
  DossierGraph *graph = dossier_curation_apply (curation, extracted, &problems);

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, expected_problems);
  return graph;
}

static void
test_entity_edits (void)
{
  g_autoptr(DossierGraph) extracted = make_graph ();
  g_autoptr(DossierCuration) curation = dossier_curation_new ();

  dossier_curation_push (curation, dossier_edit_rename ("Oracle", "Oracle Corporation"));
  dossier_curation_push (curation, dossier_edit_retype ("ByteDance", DOSSIER_ENTITY_COMPANY));
  dossier_curation_push (curation, dossier_edit_add_alias ("TikTok", "Tik Tok"));
  dossier_curation_push (curation, dossier_edit_hide ("Donald Trump", TRUE));

  {
    g_autoptr(DossierGraph) g = apply (curation, extracted, 0);
    DossierEntity *oracle = dossier_graph_lookup_entity (g, "Oracle Corporation");

    g_assert_nonnull (oracle);
    g_assert_cmpstr (oracle->name, ==, "Oracle Corporation");
    /* The old name still finds it. */
    g_assert_true (dossier_graph_lookup_entity (g, "Oracle") == oracle);
    g_assert_nonnull (test_find_relation (g, "Oracle Corporation", DOSSIER_RELATION_PARTNERS, "TikTok"));
    g_assert_cmpint (dossier_graph_lookup_entity (g, "ByteDance")->type, ==, DOSSIER_ENTITY_COMPANY);
    g_assert_true (dossier_graph_lookup_entity (g, "Tik Tok") == dossier_graph_lookup_entity (g, "TikTok"));
    g_assert_true (dossier_graph_lookup_entity (g, "Trump")->hidden);
  }

  /* Undo the last two, check, then redo one. */
  g_assert_true (dossier_curation_undo (curation));
  g_assert_true (dossier_curation_undo (curation));
  {
    g_autofree char *label = dossier_curation_redo_label (curation);
    g_autoptr(DossierGraph) g = apply (curation, extracted, 0);

    g_assert_nonnull (strstr (label, "Tik Tok"));
    g_assert_false (dossier_graph_lookup_entity (g, "Trump")->hidden);
    g_assert_null (dossier_graph_lookup_entity (g, "Tik Tok"));
  }
  g_assert_true (dossier_curation_redo (curation));
  {
    g_autoptr(DossierGraph) g = apply (curation, extracted, 0);
    g_assert_nonnull (dossier_graph_lookup_entity (g, "Tik Tok"));
  }
  g_assert_true (dossier_curation_can_redo (curation));
  dossier_curation_push (curation, dossier_edit_remove_alias ("TikTok", "Tik Tok"));
  g_assert_false (dossier_curation_can_redo (curation));
}

static void
test_merge_and_split (void)
{
  g_autoptr(DossierGraph) extracted = make_graph ();
  g_autoptr(DossierCuration) curation = dossier_curation_new ();
  const char *others[] = { "ByteDance", NULL };

  /* Merging folds ByteDance owns TikTok into Oracle's relations. */
  dossier_curation_push (curation, dossier_edit_merge ("Oracle", others));
  {
    g_autoptr(DossierGraph) g = apply (curation, extracted, 0);
    DossierEntity *oracle = dossier_graph_lookup_entity (g, "Oracle");

    g_assert_cmpuint (g->entities->len, ==, 3);
    g_assert_true (dossier_graph_lookup_entity (g, "ByteDance") == oracle);
    g_assert_cmpuint (oracle->mentions->len, ==, 2);
    g_assert_nonnull (test_find_relation (g, "Oracle", DOSSIER_RELATION_OWNS, "TikTok"));
    g_assert_nonnull (test_find_relation (g, "Oracle", DOSSIER_RELATION_PARTNERS, "TikTok"));
  }

  /* Splitting "Trump" out of Donald Trump moves the mention written so. */
  dossier_curation_push (curation, dossier_edit_split_alias ("Donald Trump", "Trump"));
  {
    g_autoptr(DossierGraph) g = apply (curation, extracted, 0);
    DossierEntity *donald = dossier_graph_lookup_entity (g, "Donald Trump");
    DossierEntity *trump = dossier_graph_lookup_entity (g, "Trump");

    g_assert_nonnull (trump);
    g_assert_true (donald != trump);
    g_assert_cmpuint (donald->mentions->len, ==, 1);
    g_assert_cmpuint (trump->mentions->len, ==, 1);
  }
}

static void
test_relation_edits (void)
{
  g_autoptr(DossierGraph) extracted = make_graph ();
  g_autoptr(DossierCuration) curation = dossier_curation_new ();

  dossier_curation_push (curation, dossier_edit_retype_relation ("Oracle", DOSSIER_RELATION_PARTNERS, "TikTok",
                                                                 DOSSIER_RELATION_SUPPLIES));
  dossier_curation_push (curation, dossier_edit_reverse_relation ("ByteDance", DOSSIER_RELATION_OWNS, "TikTok"));
  dossier_curation_push (curation, dossier_edit_passage ("add-relation", "Donald Trump", DOSSIER_RELATION_OPPOSES,
                                                         "TikTok", "a.txt", 0, 23));
  {
    g_autoptr(DossierGraph) g = apply (curation, extracted, 0);
    DossierRelation *added = test_find_relation (g, "Donald Trump", DOSSIER_RELATION_OPPOSES, "TikTok");

    g_assert_null (test_find_relation (g, "Oracle", DOSSIER_RELATION_PARTNERS, "TikTok"));
    g_assert_nonnull (test_find_relation (g, "Oracle", DOSSIER_RELATION_SUPPLIES, "TikTok"));
    g_assert_null (test_find_relation (g, "ByteDance", DOSSIER_RELATION_OWNS, "TikTok"));
    g_assert_nonnull (test_find_relation (g, "TikTok", DOSSIER_RELATION_OWNS, "ByteDance"));
    g_assert_nonnull (added);
    g_assert_cmpuint (g_array_index (added->evidence, DossierEvidence, 0).end, ==, 23);
  }

  dossier_curation_push (curation, dossier_edit_reject_relation ("Oracle", DOSSIER_RELATION_SUPPLIES, "TikTok"));
  dossier_curation_push (curation, dossier_edit_not_entity ("ByteDance"));
  {
    g_autoptr(DossierGraph) g = apply (curation, extracted, 0);

    g_assert_null (test_find_relation (g, "Oracle", DOSSIER_RELATION_SUPPLIES, "TikTok"));
    g_assert_null (dossier_graph_lookup_entity (g, "ByteDance"));
    g_assert_cmpuint (g->relations->len, ==, 1);
  }
}

/* Corrections live in the curated graph's corpus; the loaded one, which
 * other threads may be reading, is never changed. */
static void
test_article_edits (void)
{
  g_autoptr(DossierGraph) extracted = make_graph ();
  g_autoptr(DossierCuration) curation = dossier_curation_new ();
  DossierArticle *article = dossier_corpus_get_article (extracted->corpus, 0);
  g_autofree char *extracted_title = g_strdup (article->title);
  DossierDate date;

  g_assert_true (dossier_date_parse_iso ("2021-01-02", &date));
  dossier_curation_push (curation, dossier_edit_set_article_title ("a.txt", "A better title"));
  dossier_curation_push (curation, dossier_edit_set_article_date ("a.txt", &date));
  {
    g_autoptr(DossierGraph) g = apply (curation, extracted, 0);
    DossierRelation *r = test_find_relation (g, "Oracle", DOSSIER_RELATION_PARTNERS, "TikTok");
    g_autofree char *evidence_date = dossier_date_to_string (&g_array_index (r->evidence, DossierEvidence, 0).date);
    DossierArticle *corrected = dossier_corpus_get_article (g->corpus, 0);
    g_autofree char *d = dossier_date_to_string (&article->date);

    g_assert_true (g->corpus != extracted->corpus);
    g_assert_cmpstr (corrected->title, ==, "A better title");
    g_assert_cmpstr (corrected->date_source, ==, "user");
    g_assert_cmpstr (evidence_date, ==, "2021-01-02");
    /* The loaded article is as it was. */
    g_assert_cmpstr (article->title, ==, extracted_title);
    g_assert_cmpstr (d, ==, "2020-09-14");
  }

  /* Undone, the curated graph shares the loaded corpus again. */
  dossier_curation_undo (curation);
  dossier_curation_undo (curation);
  {
    g_autoptr(DossierGraph) g = apply (curation, extracted, 0);

    g_assert_true (g->corpus == extracted->corpus);
  }
}

typedef struct
{
  DossierGraph *graph;
  gboolean      stop;
} Reader;

static gpointer
read_titles (gpointer data)
{
  Reader *reader = data;
  gsize total = 0;

  while (!g_atomic_int_get (&reader->stop))
    for (guint i = 0; i < reader->graph->corpus->articles->len; i++)
      {
        const DossierArticle *a = dossier_corpus_get_article (reader->graph->corpus, i);

        total += a->title != NULL ? strlen (a->title) : 0;
      }
  return GSIZE_TO_POINTER (total);
}

/* An export reads the shown graph's titles on its thread while the person
 * corrects a title again and again: under ASan a freed title would be
 * caught here. */
static void
test_correction_while_reading (void)
{
  g_autoptr(DossierGraph) extracted = make_graph ();
  g_autoptr(DossierCuration) curation = dossier_curation_new ();
  g_autoptr(DossierGraph) shown = apply (curation, extracted, 0);
  Reader reader = { shown, FALSE };
  GThread *thread = g_thread_new ("reader", read_titles, &reader);

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *title = g_strdup_printf ("Title %u", i);
      g_autoptr(DossierGraph) g = NULL;

      dossier_curation_push (curation, dossier_edit_set_article_title ("a.txt", title));
      g = apply (curation, extracted, 0);
      g_assert_cmpstr (dossier_corpus_get_article (g->corpus, 0)->title, ==, title);
    }
  g_atomic_int_set (&reader.stop, TRUE);
  g_thread_join (thread);
}

static void
test_missing_targets (void)
{
  g_autoptr(DossierGraph) extracted = make_graph ();
  g_autoptr(DossierCuration) curation = dossier_curation_new ();
  g_autoptr(DossierGraph) g = NULL;

  dossier_curation_push (curation, dossier_edit_rename ("Walmart", "Wal-Mart"));
  dossier_curation_push (curation, dossier_edit_reject_relation ("Oracle", DOSSIER_RELATION_OWNS, "TikTok"));
  dossier_curation_push (curation, dossier_edit_set_article_title ("gone.txt", "x"));
  dossier_curation_push (curation, dossier_edit_rename ("Oracle", "Oracle Corp"));

  /* Three reported, the fourth still applies. */
  g = apply (curation, extracted, 3);
  g_assert_nonnull (dossier_graph_lookup_entity (g, "Oracle Corp"));
}

static void
test_persistence (void)
{
  g_autoptr(DossierGraph) extracted = make_graph ();
  g_autoptr(DossierCuration) curation = dossier_curation_new ();
  g_autoptr(DossierCuration) reloaded = dossier_curation_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "project", NULL);
  g_autofree char *path = g_build_filename (dir, "sub", "project.json", NULL);
  const char *others[] = { "ByteDance", NULL };

  dossier_curation_push (curation, dossier_edit_merge ("Oracle", others));
  dossier_curation_push (curation, dossier_edit_rename ("Oracle", "\"Oracle\" <b>&</b> \\ x"));
  g_assert_true (dossier_curation_save (curation, path, &error));
  g_assert_no_error (error);

  assert_loads (reloaded, path, 2);
  {
    g_autoptr(DossierGraph) g = apply (reloaded, extracted, 0);
    g_assert_nonnull (dossier_graph_lookup_entity (g, "\"Oracle\" <b>&</b> \\ x"));
    g_assert_cmpuint (g->entities->len, ==, 3);
  }

  /* A missing file is an empty curation. */
  {
    g_autofree char *none = g_build_filename (dir, "none.json", NULL);
    assert_loads (reloaded, none, 0);
  }
}

/* Edits find their targets through indexes (so that 20,000 edits apply in
 * well under a second; bench-curation prints the figures): the indexes
 * must follow every rename, alias, merge and reversal. */
static void
test_indexes_follow_edits (void)
{
  g_autoptr(DossierGraph) extracted = make_graph ();
  g_autoptr(DossierCuration) curation = dossier_curation_new ();
  const char *others[] = { "ByteDance", NULL };

  /* A name given back: found by it again, first among equals. */
  dossier_curation_push (curation, dossier_edit_rename ("Oracle", "Larry's"));
  dossier_curation_push (curation, dossier_edit_rename ("Larry's", "Oracle"));
  dossier_curation_push (curation, dossier_edit_hide ("oracle", TRUE));
  /* An alias removed is no way to it any more (one problem). */
  dossier_curation_push (curation, dossier_edit_remove_alias ("Donald Trump", "Trump"));
  dossier_curation_push (curation, dossier_edit_hide ("Trump", TRUE));
  /* A merged actor's relations are found from the one it went into. */
  dossier_curation_push (curation, dossier_edit_merge ("Oracle", others));
  dossier_curation_push (curation, dossier_edit_reverse_relation ("Oracle", DOSSIER_RELATION_OWNS, "TikTok"));
  dossier_curation_push (curation, dossier_edit_retype_relation ("TikTok", DOSSIER_RELATION_OWNS, "Oracle",
                                                                  DOSSIER_RELATION_SUPPORTS));
  /* By the merged actor's name, now an alias. */
  dossier_curation_push (curation, dossier_edit_reject_relation ("ByteDance", DOSSIER_RELATION_PARTNERS, "TikTok"));

  {
    g_autoptr(DossierGraph) g = apply (curation, extracted, 1);
    DossierEntity *oracle = dossier_graph_lookup_entity (g, "Oracle");

    g_assert_nonnull (oracle);
    g_assert_true (oracle->hidden);
    g_assert_false (dossier_graph_lookup_entity (g, "Donald Trump")->hidden);
    g_assert_nonnull (test_find_relation (g, "TikTok", DOSSIER_RELATION_SUPPORTS, "Oracle"));
    g_assert_null (test_find_relation (g, "Oracle", DOSSIER_RELATION_OWNS, "TikTok"));
    g_assert_null (test_find_relation (g, "Oracle", DOSSIER_RELATION_PARTNERS, "TikTok"));
    g_assert_cmpuint (g->relations->len, ==, 1);
  }
}

/* The one file set aside for @path ("@path.STAMP.bak"), removed. */
static char *
take_aside (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strconcat (base, ".", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autofree char *found = NULL;
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".bak") &&
        strlen (name) > strlen (prefix) + 4)
      {
        g_assert_null (found);
        found = g_build_filename (dir, name, NULL);
      }
  g_assert_nonnull (found);
  return g_steal_pointer (&found);
}

static void
test_corrupt_and_newer (void)
{
  g_autoptr(DossierCuration) curation = dossier_curation_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "corrupt", NULL);
  g_autofree char *path = g_build_filename (dir, "corrupt.json", NULL);
  g_autofree char *backup = g_strconcat (path, ".bak", NULL);
  g_autofree char *contents = NULL;
  const char *cases[] = {
    "{ not json",
    "[1, 2]",
    "{\"format\": \"something-else\", \"version\": 1, \"edits\": []}",
    "{\"format\": \"dossier-project\", \"version\": 1, \"edits\": [42]}",
  };
  GStatBuf st;

  g_mkdir_with_parents (dir, 0700);

  /* A corrupt file is set aside under a new name; the folder opens without it. */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *aside = NULL;

      g_assert_true (g_file_set_contents (path, cases[i], -1, NULL));
      g_assert_false (dossier_curation_load (curation, path, &error));
      g_assert_error (error, DOSSIER_CURATION_ERROR, DOSSIER_CURATION_ERROR_CORRUPT);
      g_assert_nonnull (strstr (error->message, ".bak"));
      g_assert_nonnull (strstr (error->message, "set aside"));
      g_clear_error (&error);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

      aside = take_aside (path);
      g_assert_true (g_file_get_contents (aside, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, cases[i]);
      g_clear_pointer (&contents, g_free);
      g_unlink (aside);
    }

  /* A newer one is copied, with its permissions: it may hold secrets. */
  g_assert_true (g_file_set_contents (path, "{\"format\": \"dossier-project\", \"version\": 99, \"edits\": []}", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_assert_false (dossier_curation_load (curation, path, &error));
  g_assert_error (error, DOSSIER_CURATION_ERROR, DOSSIER_CURATION_ERROR_NEWER);
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

static char *
nested (guint       depth,
        const char *open,
        const char *close)
{
  GString *s = g_string_new ("{\"format\": \"dossier-project\", \"version\": 1, \"edits\": [{\"op\": \"hide\", \"x\": ");

  for (guint i = 0; i < depth; i++)
    g_string_append (s, open);
  for (guint i = 0; i < depth; i++)
    g_string_append (s, close);
  g_string_append (s, "}]}");
  return g_string_free (s, FALSE);
}

/* 75,000 levels crashed json-glib (a stack overflow) on every open. */
static void
test_deep_nesting (Project       *project,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *deep = nested (75000, "[", "]");
  g_autofree char *shallow = nested (20, "{\"a\": [", "]}");
  g_autofree char *aside = NULL;

  g_assert_true (g_file_set_contents (project->path, deep, -1, NULL));
  g_assert_false (dossier_curation_load (project->curation, project->path, &error));
  g_assert_error (error, DOSSIER_CURATION_ERROR, DOSSIER_CURATION_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "levels deep"));
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_cmpuint (dossier_curation_get_n_edits (project->curation), ==, 0);
  aside = take_aside (project->path);
  g_unlink (aside);

  /* Nesting within the limit still loads. */
  g_assert_true (g_file_set_contents (project->path, shallow, -1, NULL));
  assert_loads (project->curation, project->path, 1);
}

/* A link in place of the edits file: nothing is read through it, copied
 * from it or written through it. */
static void
test_symlink_refused (Project       *project,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = g_build_filename (project->dir, "secret.txt", NULL);
  g_autofree char *backup = g_strconcat (project->path, ".bak", NULL);
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (secret, "not for you", -1, NULL));
  g_assert_cmpint (symlink (secret, project->path), ==, 0);

  g_assert_false (dossier_curation_load (project->curation, project->path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS);
  g_assert_null (strstr (error->message, "not for you"));
  g_clear_error (&error);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

  dossier_curation_push (project->curation, dossier_edit_hide ("Oracle", TRUE));
  g_assert_false (dossier_curation_save (project->curation, project->path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS);
  g_assert_nonnull (strstr (error->message, project->path));
  g_clear_error (&error);

  g_assert_true (g_file_test (project->path, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_get_contents (secret, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "not for you");
}

/* A write that fails half way (here the file size limit; a full disk
 * alike) leaves the saved edits as they were and names the file. */
static void
test_save_failure_keeps_file (void)
{
  /* The child's isolated data folder is not the parent's: name one both find. */
  g_autofree char *leaf = g_strdup_printf ("dossier-test-full-%d", (int) (g_test_subprocess () ? getppid () : getpid ()));
  g_autofree char *dir = g_build_filename (g_get_tmp_dir (), leaf, NULL);
  g_autofree char *path = g_build_filename (dir, "project.json", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GDir) d = NULL;
  const char *name;

  g_mkdir_with_parents (dir, 0700);

  if (g_test_subprocess ())
    {
      g_autoptr(DossierCuration) curation = dossier_curation_new ();
      g_autoptr(GError) error = NULL;
      struct rlimit limit = { 4096, 4096 };

      g_assert_true (dossier_curation_load (curation, path, &error));
      for (guint i = 0; i < 500; i++)
        {
          g_autofree char *actor = g_strdup_printf ("Actor number %u", i);
          dossier_curation_push (curation, dossier_edit_rename (actor, "Another rather long name"));
        }

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      g_assert_false (dossier_curation_save (curation, path, &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, path));
      g_printerr ("%s\n", error->message);
      /* Still in memory, for the next try. */
      g_assert_cmpuint (dossier_curation_get_n_edits (curation), ==, 501);
      return;
    }

  {
    g_autoptr(DossierCuration) curation = dossier_curation_new ();
    g_autoptr(GError) error = NULL;

    dossier_curation_push (curation, dossier_edit_hide ("Oracle", TRUE));
    g_assert_true (dossier_curation_save (curation, path, &error));
    g_assert_no_error (error);
  }
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*Could not save*project.json*");

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);

  /* No temporary file is left behind. */
  d = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    g_assert_cmpstr (name, ==, "project.json");

  g_unlink (path);
  g_rmdir (dir);
}

/* Temporary files a killed save left beside the edits go at the next save;
 * other files that look alike stay. */
static void
test_stale_temporaries (Project       *project,
                        gconstpointer  data)
{
  const struct
  {
    const char *name;
    const char *contents;
    gboolean    kept;
  } files[] = {
    /* A temporary of ours, and one of GIO's that begins an edits file. */
    { "..dossier-project.json.Ab12Cd", "{\n  \"format\" : \"dossier-pro", FALSE },
    { ".goutputstream-XY12Z3", "{\n  \"format\" : \"dossier-project\",\n  \"ver", FALSE },
    { ".goutputstream-QQ12Z3", "someone else's", TRUE },
    { ".notes.txt.Ab12Cd", "a note", TRUE },
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (project->dir, files[i].name, NULL);

      g_assert_true (g_file_set_contents (path, files[i].contents, -1, NULL));
    }

  dossier_curation_push (project->curation, dossier_edit_hide ("Oracle", TRUE));
  g_assert_true (dossier_curation_save (project->curation, project->path, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (project->dir, files[i].name, NULL);

      g_assert_cmpint (g_file_test (path, G_FILE_TEST_EXISTS), ==, files[i].kept);
    }
}

static gboolean
has_hidden (DossierGraph *graph,
            const char   *name)
{
  DossierEntity *entity = dossier_graph_lookup_entity (graph, name);

  return entity != NULL && entity->hidden;
}

/* Two windows on one folder save in turn: neither loses the other's
 * edits, and an undo in one removes only its own edit. */
static void
test_two_writers_merge (void)
{
  g_autoptr(DossierGraph) extracted = make_graph ();
  g_autoptr(DossierCuration) a = dossier_curation_new ();
  g_autoptr(DossierCuration) b = dossier_curation_new ();
  g_autoptr(DossierCuration) check = dossier_curation_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "two", NULL);
  g_autofree char *path = g_build_filename (dir, ".dossier-project.json", NULL);

  g_assert_true (dossier_curation_load (a, path, &error));
  g_assert_true (dossier_curation_load (b, path, &error));

  dossier_curation_push (a, dossier_edit_hide ("Oracle", TRUE));
  g_assert_true (dossier_curation_save (a, path, &error));
  dossier_curation_push (b, dossier_edit_hide ("TikTok", TRUE));
  g_assert_true (dossier_curation_save (b, path, &error));
  dossier_curation_push (a, dossier_edit_hide ("ByteDance", TRUE));
  g_assert_true (dossier_curation_save (a, path, &error));
  g_assert_no_error (error);

  g_assert_true (dossier_curation_load (check, path, &error));
  g_assert_cmpuint (dossier_curation_get_n_edits (check), ==, 3);
  {
    g_autoptr(DossierGraph) g = apply (check, extracted, 0);
    g_assert_true (has_hidden (g, "Oracle"));
    g_assert_true (has_hidden (g, "TikTok"));
    g_assert_true (has_hidden (g, "ByteDance"));
  }
  /* a took b's edit in while saving. */
  g_assert_cmpuint (dossier_curation_get_n_edits (a), ==, 3);

  /* b undoes its own edit: a's two stay. */
  g_assert_true (dossier_curation_undo (b));
  g_assert_true (dossier_curation_save (b, path, &error));
  g_assert_true (dossier_curation_load (check, path, &error));
  g_assert_no_error (error);
  {
    g_autoptr(DossierGraph) g = apply (check, extracted, 0);
    g_assert_true (has_hidden (g, "Oracle"));
    g_assert_false (has_hidden (g, "TikTok"));
    g_assert_true (has_hidden (g, "ByteDance"));
  }
}

/* A window notices what another saved (reload), including an undo there,
 * and keeps its own edits not saved yet. */
static void
test_reload (void)
{
  g_autoptr(DossierCuration) a = dossier_curation_new ();
  g_autoptr(DossierCuration) b = dossier_curation_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "reload", NULL);
  g_autofree char *path = g_build_filename (dir, ".dossier-project.json", NULL);
  gboolean changed = TRUE;

  g_assert_true (dossier_curation_reload (a, path, &changed, &error));
  g_assert_false (changed);

  dossier_curation_push (a, dossier_edit_hide ("Oracle", TRUE));
  g_assert_true (dossier_curation_save (a, path, &error));
  g_assert_true (dossier_curation_reload (a, path, &changed, &error));
  g_assert_false (changed);

  /* b saves an edit; a takes it in. */
  g_assert_true (dossier_curation_load (b, path, &error));
  dossier_curation_push (b, dossier_edit_hide ("TikTok", TRUE));
  g_assert_true (dossier_curation_save (b, path, &error));
  dossier_curation_push (a, dossier_edit_hide ("ByteDance", TRUE));  /* not saved yet */
  g_assert_true (dossier_curation_reload (a, path, &changed, &error));
  g_assert_no_error (error);
  g_assert_true (changed);
  g_assert_cmpuint (dossier_curation_get_n_edits (a), ==, 3);

  /* b undoes a's saved edit: a drops it too, and keeps its unsaved one. */
  g_assert_true (dossier_curation_reload (b, path, &changed, &error));
  g_assert_true (dossier_curation_undo (b));
  g_assert_true (dossier_curation_undo (b));
  g_assert_cmpuint (dossier_curation_get_n_edits (b), ==, 0);
  g_assert_true (dossier_curation_save (b, path, &error));
  g_assert_true (dossier_curation_reload (a, path, &changed, &error));
  g_assert_true (changed);
  g_assert_cmpuint (dossier_curation_get_n_edits (a), ==, 1);
  {
    g_autofree char *label = dossier_curation_undo_label (a);
    g_assert_nonnull (strstr (label, "ByteDance"));
  }
}

/* Two processes saving as fast as they can, under the lock: every edit of
 * both is in the file at the end. */
static void
test_two_processes (Project       *project,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const guint n = 25;
  pid_t pids[2];


  for (guint p = 0; p < 2; p++)
    {
      pids[p] = fork ();
      g_assert_cmpint (pids[p], >=, 0);
      if (pids[p] == 0)
        {
          DossierCuration *curation = dossier_curation_new ();
          gboolean ok = TRUE;

          for (guint i = 0; i < n; i++)
            {
              g_autofree char *name = g_strdup_printf ("Actor %u of %u", i, p);

              dossier_curation_push (curation, dossier_edit_hide (name, TRUE));
              ok = ok && dossier_curation_save (curation, project->path, NULL);
            }
          _exit (ok ? 0 : 1);
        }
    }

  for (guint p = 0; p < 2; p++)
    {
      int status;

      g_assert_cmpint (waitpid (pids[p], &status, 0), ==, pids[p]);
      g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
    }

  assert_loads (project->curation, project->path, 2 * n);
}

static void
test_storage_place (void)
{
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "articles", NULL);
  g_autofree char *seeds = dossier_corpus_default_path ();
  const char *own[] = { folder, NULL };
  const char *defaults[] = { seeds, NULL };
  g_autofree char *own_path = NULL;
  g_autofree char *seeds_path = NULL;

  g_mkdir_with_parents (folder, 0700);
  own_path = dossier_curation_path_for_corpus (own);
  g_assert_true (g_str_has_prefix (own_path, folder));

  /* The seeds never get a file written beside them. */
  seeds_path = dossier_curation_path_for_corpus (defaults);
  g_assert_true (g_str_has_prefix (seeds_path, g_get_user_data_dir ()));
  g_assert_false (g_str_has_prefix (seeds_path, seeds));
}

/* Actors created in the window ------------------------------------------- */

#define MISSED "Publié le 14/03/2021\n\nLe groupe zorblax rachète TikTok pour 2 milliards de dollars. " \
               "Selon Oracle, zorblax a aussi signé un partenariat avec Microsoft.\n"

static DossierGraph *
extract_missed (DossierCuration *created)
{
  g_autoptr(DossierCorpus) corpus = dossier_corpus_new ();
  g_autoptr(GBytes) bytes = g_bytes_new_static (MISSED, strlen (MISSED));
  g_autoptr(DossierGazetteer) gazetteer = NULL;
  g_autoptr(GError) error = NULL;
  DossierGraph *graph;

  dossier_corpus_add_article (corpus, dossier_article_new_from_bytes ("z.txt", NULL, bytes, &error));
  g_assert_no_error (error);
  gazetteer = dossier_gazetteer_new_default (&error);
  g_assert_no_error (error);
  if (created != NULL)
    {
      g_assert_true (dossier_curation_extend_gazetteer (created, gazetteer, &error));
      g_assert_no_error (error);
    }
  graph = dossier_extract (corpus, gazetteer, NULL, NULL, &error);
  g_assert_no_error (error);
  return graph;
}

static void
test_created_actor (void)
{
  g_autoptr(DossierCuration) curation = dossier_curation_new ();
  g_autoptr(DossierGraph) plain = extract_missed (NULL);
  g_autoptr(DossierGraph) again = NULL;
  g_autoptr(DossierGraph) curated = NULL;
  g_autoptr(DossierGazetteer) exported = dossier_gazetteer_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *aliases[] = { "Zorblax Group", NULL };
  DossierEntity *zorblax, *tiktok;

  /* The extractor cannot see a name in lower case. */
  g_assert_null (dossier_graph_lookup_entity (plain, "zorblax"));

  dossier_curation_push (curation, dossier_edit_create_entity ("zorblax", DOSSIER_ENTITY_COMPANY, aliases));
  /* A name that would break a gazetteer line is left out of it. */
  dossier_curation_push (curation, dossier_edit_create_entity ("bad\tname", DOSSIER_ENTITY_PERSON, NULL));
  text = dossier_curation_to_gazetteer (curation);
  g_assert_nonnull (strstr (text, "company\tzorblax\tZorblax Group\n"));
  g_assert_null (strstr (text, "bad"));

  /* The text is a .gaz file dossier-cli --gazetteer reads. */
  g_assert_true (dossier_gazetteer_load_data (exported, text, strlen (text), "my.gaz", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_gazetteer_lookup (exported, "Zorblax Group")->canonical, ==, "zorblax");

  /* Not extracted again yet: the actor is there, without mentions. */
  curated = dossier_curation_apply (curation, plain, NULL);
  zorblax = dossier_graph_lookup_entity (curated, "Zorblax Group");
  g_assert_nonnull (zorblax);
  g_assert_cmpuint (zorblax->mentions->len, ==, 0);
  g_clear_pointer (&curated, dossier_graph_unref);

  /* Extracted with the curation's entries: every occurrence is a mention,
   * and relations come by the usual rules. */
  again = extract_missed (curation);
  curated = dossier_curation_apply (curation, again, NULL);
  zorblax = dossier_graph_lookup_entity (curated, "zorblax");
  tiktok = dossier_graph_lookup_entity (curated, "TikTok");
  g_assert_nonnull (zorblax);
  g_assert_cmpint (zorblax->type, ==, DOSSIER_ENTITY_COMPANY);
  g_assert_cmpuint (zorblax->mentions->len, ==, 2);
  g_assert_nonnull (dossier_graph_lookup_relation (curated, zorblax->id, DOSSIER_RELATION_ACQUIRES, tiktok->id));

  /* Undone, the entries go. */
  g_assert_true (dossier_curation_undo (curation));
  g_assert_true (dossier_curation_undo (curation));
  g_clear_pointer (&text, g_free);
  text = dossier_curation_to_gazetteer (curation);
  g_assert_cmpstr (text, ==, "");

  /* An alias marked in the text is an entry of its actor. */
  dossier_curation_push (curation, dossier_edit_add_text_alias ("Oracle", DOSSIER_ENTITY_COMPANY, "big red"));
  g_clear_pointer (&text, g_free);
  text = dossier_curation_to_gazetteer (curation);
  g_assert_nonnull (strstr (text, "company\tOracle\tbig red\n"));
}

/* A relation of the seeds backed by at least two passages. */
static DossierRelation *
relation_with_passages (DossierGraph *graph)
{
  for (guint i = 0; i < graph->relations->len; i++)
    {
      DossierRelation *r = dossier_graph_get_relation (graph, i);

      if (r->evidence->len >= 2)
        return r;
    }
  g_assert_not_reached ();
}

static JsonObject *
reject_passage (DossierGraph    *graph,
                DossierRelation *r,
                guint            i)
{
  const DossierEvidence *ev = &g_array_index (r->evidence, DossierEvidence, i);

  return dossier_edit_passage ("reject-passage", dossier_graph_get_entity (graph, r->source)->name, r->type,
                               dossier_graph_get_entity (graph, r->target)->name,
                               dossier_corpus_get_article (graph->corpus, ev->article)->id,
                               ev->start, ev->end);
}

static DossierRelation *
same_relation (DossierGraph    *curated,
               DossierGraph    *extracted,
               DossierRelation *r)
{
  DossierEntity *s = dossier_graph_lookup_entity (curated, dossier_graph_get_entity (extracted, r->source)->name);
  DossierEntity *t = dossier_graph_lookup_entity (curated, dossier_graph_get_entity (extracted, r->target)->name);

  return dossier_graph_lookup_relation (curated, s->id, r->type, t->id);
}

static void
test_reject_passage (Project       *project,
                     gconstpointer  data)
{
  g_autoptr(DossierGraph) extracted = test_load_seeds ();
  g_autoptr(DossierCuration) loaded = dossier_curation_new ();
  g_autoptr(GError) error = NULL;
  DossierCuration *curation = project->curation;
  DossierRelation *r = relation_with_passages (extracted);
  guint n = r->evidence->len;
  JsonObject *reject = reject_passage (extracted, r, 0);
  DossierEvidence first = g_array_index (r->evidence, DossierEvidence, 0);

  /* One passage out: the relation stays on the others. */
  dossier_curation_push (curation, json_object_ref (reject));
  {
    g_autoptr(GArray) rejected = NULL;
    g_autoptr(DossierGraph) curated = dossier_curation_apply_full (curation, extracted, NULL, &rejected);
    DossierRelation *kept = same_relation (curated, extracted, r);
    const DossierRejectedPassage *p;

    g_assert_nonnull (kept);
    g_assert_cmpuint (kept->evidence->len, ==, n - 1);
    g_assert_cmpuint (rejected->len, ==, 1);
    p = &g_array_index (rejected, DossierRejectedPassage, 0);
    g_assert_cmpuint (p->source, ==, kept->source);
    g_assert_cmpuint (p->target, ==, kept->target);
    g_assert_cmpint (p->type, ==, kept->type);
    g_assert_cmpuint (p->evidence.start, ==, first.start);
    g_assert_cmpuint (p->evidence.end, ==, first.end);
  }

  /* It lasts. */
  g_assert_true (dossier_curation_save (curation, project->path, &error));
  g_assert_no_error (error);
  assert_loads (loaded, project->path, 1);
  {
    g_autoptr(DossierGraph) curated = dossier_curation_apply (loaded, extracted, NULL);

    g_assert_cmpuint (same_relation (curated, extracted, r)->evidence->len, ==, n - 1);
  }

  /* Restored: the edit that inverts the rejection. */
  dossier_curation_push (curation, dossier_edit_invert (reject));
  {
    g_autoptr(GArray) rejected = NULL;
    g_autoptr(GPtrArray) problems = NULL;
    g_autoptr(DossierGraph) curated = dossier_curation_apply_full (curation, extracted, &problems, &rejected);

    g_assert_cmpuint (same_relation (curated, extracted, r)->evidence->len, ==, n);
    g_assert_cmpuint (rejected->len, ==, 0);
    g_assert_cmpuint (problems->len, ==, 0);
  }

  /* Every passage out: the relation goes, and one restored brings it back. */
  for (guint i = 0; i < n; i++)
    dossier_curation_push (curation, reject_passage (extracted, r, i));
  {
    g_autoptr(GArray) rejected = NULL;
    g_autoptr(DossierGraph) curated = dossier_curation_apply_full (curation, extracted, NULL, &rejected);

    g_assert_null (same_relation (curated, extracted, r));
    g_assert_cmpuint (rejected->len, ==, n);
  }
  dossier_curation_push (curation, dossier_edit_invert (reject));
  {
    g_autoptr(DossierGraph) curated = dossier_curation_apply (curation, extracted, NULL);

    g_assert_cmpuint (same_relation (curated, extracted, r)->evidence->len, ==, 1);
  }

  /* Hide and show are each other's inverse; most edits have none. */
  {
    g_autoptr(JsonObject) hide = dossier_edit_hide ("Oracle", TRUE);
    g_autoptr(JsonObject) show = dossier_edit_invert (hide);
    g_autoptr(JsonObject) rename = dossier_edit_rename ("Oracle", "Oracle Corp");

    g_assert_false (json_object_get_boolean_member (show, "hidden"));
    g_assert_null (dossier_edit_invert (rename));
  }

  json_object_unref (reject);
}

/* With no edit, a graph already as a rebuild makes it is shared, not
 * copied; any other is rebuilt (passages dated, mentions in order). */
static void
test_no_edits (void)
{
  g_autoptr(DossierGraph) extracted = make_graph ();
  g_autoptr(DossierCuration) curation = dossier_curation_new ();
  g_autoptr(DossierGraph) rebuilt = apply (curation, extracted, 0);
  g_autoptr(DossierGraph) shared = apply (curation, rebuilt, 0);
  g_autoptr(DossierGraph) unordered = make_graph ();
  g_autoptr(DossierGraph) reordered = NULL;
  const DossierEvidence *ev;
  DossierEntity *trump;

  /* make_graph()'s passages are undated: the rebuild dates them. */
  g_assert_true (rebuilt != extracted);
  ev = &g_array_index (dossier_graph_get_relation (rebuilt, 0)->evidence, DossierEvidence, 0);
  g_assert_cmpint (ev->date.year, ==, 2020);
  g_assert_true (shared == rebuilt);

  trump = dossier_graph_lookup_entity (unordered, "Trump");
  {
    DossierMention first = g_array_index (trump->mentions, DossierMention, 0);

    g_array_remove_index (trump->mentions, 0);
    g_array_append_val (trump->mentions, first);
  }
  reordered = apply (curation, unordered, 0);
  g_assert_true (reordered != unordered);
  trump = dossier_graph_lookup_entity (reordered, "Trump");
  g_assert_cmpuint (g_array_index (trump->mentions, DossierMention, 0).start, <,
                    g_array_index (trump->mentions, DossierMention, 1).start);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/curation/entity-edits", test_entity_edits);
  g_test_add_func ("/curation/merge-and-split", test_merge_and_split);
  g_test_add_func ("/curation/relation-edits", test_relation_edits);
  g_test_add_func ("/curation/article-edits", test_article_edits);
  g_test_add_func ("/curation/correction-while-reading", test_correction_while_reading);
  g_test_add_func ("/curation/missing-targets", test_missing_targets);
  g_test_add_func ("/curation/persistence", test_persistence);
  g_test_add_func ("/curation/indexes-follow-edits", test_indexes_follow_edits);
  g_test_add_func ("/curation/corrupt-and-newer", test_corrupt_and_newer);
  g_test_add ("/curation/deep-nesting", Project, "deep", project_set_up, test_deep_nesting, project_tear_down);
  g_test_add ("/curation/symlink-refused", Project, "links", project_set_up, test_symlink_refused, project_tear_down);
  g_test_add_func ("/curation/save-failure-keeps-file", test_save_failure_keeps_file);
  g_test_add ("/curation/stale-temporaries", Project, "stale", project_set_up, test_stale_temporaries, project_tear_down);
  g_test_add_func ("/curation/two-writers-merge", test_two_writers_merge);
  g_test_add ("/curation/two-processes", Project, "procs", project_set_up, test_two_processes, project_tear_down);
  g_test_add_func ("/curation/reload", test_reload);
  g_test_add_func ("/curation/storage-place", test_storage_place);
  g_test_add_func ("/curation/created-actor", test_created_actor);
  g_test_add ("/curation/reject-passage", Project, "reject", project_set_up, test_reject_passage, project_tear_down);
  g_test_add_func ("/curation/no-edits", test_no_edits);

  return g_test_run ();
}
