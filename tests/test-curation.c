/* test-curation.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "dossier-curation.h"
#include "dossier-date.h"

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

static DossierRelation *
find_relation (DossierGraph        *graph,
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
    g_assert_nonnull (find_relation (g, "Oracle Corporation", DOSSIER_RELATION_PARTNERS, "TikTok"));
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
    g_assert_nonnull (find_relation (g, "Oracle", DOSSIER_RELATION_OWNS, "TikTok"));
    g_assert_nonnull (find_relation (g, "Oracle", DOSSIER_RELATION_PARTNERS, "TikTok"));
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
  dossier_curation_push (curation, dossier_edit_add_relation ("Donald Trump", DOSSIER_RELATION_OPPOSES, "TikTok",
                                                              "a.txt", 0, 23));
  {
    g_autoptr(DossierGraph) g = apply (curation, extracted, 0);
    DossierRelation *added = find_relation (g, "Donald Trump", DOSSIER_RELATION_OPPOSES, "TikTok");

    g_assert_null (find_relation (g, "Oracle", DOSSIER_RELATION_PARTNERS, "TikTok"));
    g_assert_nonnull (find_relation (g, "Oracle", DOSSIER_RELATION_SUPPLIES, "TikTok"));
    g_assert_null (find_relation (g, "ByteDance", DOSSIER_RELATION_OWNS, "TikTok"));
    g_assert_nonnull (find_relation (g, "TikTok", DOSSIER_RELATION_OWNS, "ByteDance"));
    g_assert_nonnull (added);
    g_assert_cmpuint (g_array_index (added->evidence, DossierEvidence, 0).end, ==, 23);
  }

  dossier_curation_push (curation, dossier_edit_reject_relation ("Oracle", DOSSIER_RELATION_SUPPLIES, "TikTok"));
  dossier_curation_push (curation, dossier_edit_not_entity ("ByteDance"));
  {
    g_autoptr(DossierGraph) g = apply (curation, extracted, 0);

    g_assert_null (find_relation (g, "Oracle", DOSSIER_RELATION_SUPPLIES, "TikTok"));
    g_assert_null (dossier_graph_lookup_entity (g, "ByteDance"));
    g_assert_cmpuint (g->relations->len, ==, 1);
  }
}

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
    DossierRelation *r = find_relation (g, "Oracle", DOSSIER_RELATION_PARTNERS, "TikTok");
    g_autofree char *evidence_date = dossier_date_to_string (&g_array_index (r->evidence, DossierEvidence, 0).date);

    g_assert_cmpstr (article->title, ==, "A better title");
    g_assert_cmpstr (article->date_source, ==, "user");
    g_assert_cmpstr (evidence_date, ==, "2021-01-02");
  }

  /* Undoing both puts the extracted values back. */
  dossier_curation_undo (curation);
  dossier_curation_undo (curation);
  {
    g_autoptr(DossierGraph) g = apply (curation, extracted, 0);
    g_autofree char *d = dossier_date_to_string (&article->date);

    g_assert_cmpstr (article->title, ==, extracted_title);
    g_assert_cmpstr (d, ==, "2020-09-14");
  }
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

  g_assert_true (dossier_curation_load (reloaded, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_curation_get_n_edits (reloaded), ==, 2);
  {
    g_autoptr(DossierGraph) g = apply (reloaded, extracted, 0);
    g_assert_nonnull (dossier_graph_lookup_entity (g, "\"Oracle\" <b>&</b> \\ x"));
    g_assert_cmpuint (g->entities->len, ==, 3);
  }

  /* A missing file is an empty curation. */
  {
    g_autofree char *none = g_build_filename (dir, "none.json", NULL);
    g_assert_true (dossier_curation_load (reloaded, none, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (dossier_curation_get_n_edits (reloaded), ==, 0);
  }
}

static void
test_corrupt_and_newer (void)
{
  g_autoptr(DossierCuration) curation = dossier_curation_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "corrupt.json", NULL);
  g_autofree char *backup = g_strconcat (path, ".bak", NULL);
  g_autofree char *contents = NULL;
  const char *cases[] = {
    "{ not json",
    "[1, 2]",
    "{\"format\": \"something-else\", \"version\": 1, \"edits\": []}",
    "{\"format\": \"dossier-project\", \"version\": 1, \"edits\": [42]}",
  };

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (g_file_set_contents (path, cases[i], -1, NULL));
      g_assert_false (dossier_curation_load (curation, path, &error));
      g_assert_error (error, DOSSIER_CURATION_ERROR, DOSSIER_CURATION_ERROR_CORRUPT);
      g_assert_nonnull (strstr (error->message, ".bak"));
      g_clear_error (&error);

      g_assert_true (g_file_get_contents (backup, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, cases[i]);
      g_clear_pointer (&contents, g_free);
    }

  g_assert_true (g_file_set_contents (path, "{\"format\": \"dossier-project\", \"version\": 99, \"edits\": []}", -1, NULL));
  g_assert_false (dossier_curation_load (curation, path, &error));
  g_assert_error (error, DOSSIER_CURATION_ERROR, DOSSIER_CURATION_ERROR_NEWER);
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/curation/entity-edits", test_entity_edits);
  g_test_add_func ("/curation/merge-and-split", test_merge_and_split);
  g_test_add_func ("/curation/relation-edits", test_relation_edits);
  g_test_add_func ("/curation/article-edits", test_article_edits);
  g_test_add_func ("/curation/missing-targets", test_missing_targets);
  g_test_add_func ("/curation/persistence", test_persistence);
  g_test_add_func ("/curation/corrupt-and-newer", test_corrupt_and_newer);
  g_test_add_func ("/curation/storage-place", test_storage_place);

  return g_test_run ();
}
