/* test-search.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "dossier-graph.h"
#include "dossier-search.h"
#include "test-util.h"

static DossierArticle *
make_article (const char *id,
              const char *bytes,
              gsize       len)
{
  g_autoptr(GBytes) data = g_bytes_new (bytes, len);
  g_autoptr(GError) error = NULL;
  DossierArticle *article = dossier_article_new_from_bytes (id, NULL, data, &error);

  g_assert_no_error (error);
  return article;
}

static DossierCorpus *
make_corpus (const char * const *texts)
{
  DossierCorpus *corpus = dossier_corpus_new ();

  for (guint i = 0; texts[i] != NULL; i++)
    {
      g_autofree char *id = g_strdup_printf ("%u.txt", i);
      dossier_corpus_add_article (corpus, make_article (id, texts[i], strlen (texts[i])));
    }
  return corpus;
}

static GPtrArray *
run (DossierCorpus *corpus,
     DossierGraph  *graph,
     const char    *query,
     guint          limit,
     guint         *n_found)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierSearch) search = dossier_search_new (query, &error);
  GPtrArray *hits;

  g_assert_no_error (error);
  hits = dossier_search_run (search, corpus, graph, limit, n_found, NULL, &error);
  g_assert_no_error (error);
  return hits;
}

static char *
span_text (DossierCorpus      *corpus,
           const DossierSearchHit *hit,
           guint               match)
{
  const DossierArticle *article = dossier_corpus_get_article (corpus, hit->article);
  const DossierRange *r = &g_array_index (hit->matches, DossierRange, match);

  g_assert_cmpuint (r->start, >=, hit->start);
  g_assert_cmpuint (r->end, <=, hit->end);
  return g_strndup (article->text + r->start, r->end - r->start);
}

static char *
sentence_text (DossierCorpus          *corpus,
               const DossierSearchHit *hit)
{
  const DossierArticle *article = dossier_corpus_get_article (corpus, hit->article);

  return g_strndup (article->text + hit->start, hit->end - hit->start);
}

/* Case and accents do not matter either way round. */
static void
test_accents_and_case (void)
{
  const char *texts[] = {
    "La Société Générale a été citée.\n\nPuis la SOCIETE GENERALE a démenti.\n\nRien ici sur la banque.\n",
    NULL
  };
  g_autoptr(DossierCorpus) corpus = make_corpus (texts);
  const char *queries[] = { "societe generale", "SOCIÉTÉ générale", "Société Générale", "générale société" };

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      guint n_found = 0;
      g_autoptr(GPtrArray) hits = run (corpus, NULL, queries[q], 0, &n_found);

      g_assert_cmpuint (hits->len, ==, 2);
      g_assert_cmpuint (n_found, ==, 2);
      for (guint i = 0; i < hits->len; i++)
        {
          const DossierSearchHit *hit = g_ptr_array_index (hits, i);
          g_autofree char *first = span_text (corpus, hit, 0);
          g_autofree char *second = span_text (corpus, hit, 1);

          g_assert_cmpuint (hit->matches->len, ==, 2);
          g_assert_cmpstr (first, ==, i == 0 ? "Société" : "SOCIETE");
          g_assert_cmpstr (second, ==, i == 0 ? "Générale" : "GENERALE");
        }
    }
}

/* Words in any order in one sentence; a quoted query is a phrase. */
static void
test_order_and_phrase (void)
{
  const char *texts[] = {
    "Segal Daniel a signé.\n\nDaniel Segal a démenti.\n\nDaniel est venu. Segal aussi.\n",
    NULL
  };
  g_autoptr(DossierCorpus) corpus = make_corpus (texts);
  g_autoptr(GPtrArray) any = run (corpus, NULL, "daniel segal", 0, NULL);
  g_autoptr(GPtrArray) phrase = run (corpus, NULL, "\"Daniel Segal\"", 0, NULL);
  g_autoptr(GPtrArray) typographic = run (corpus, NULL, "« daniel segal »", 0, NULL);
  g_autofree char *sentence = NULL;

  /* Not the third paragraph: the two words are in two sentences. */
  g_assert_cmpuint (any->len, ==, 2);
  g_assert_cmpuint (phrase->len, ==, 1);
  g_assert_cmpuint (typographic->len, ==, 1);
  sentence = sentence_text (corpus, g_ptr_array_index (phrase, 0));
  g_assert_cmpstr (sentence, ==, "Daniel Segal a démenti.");
  g_assert_cmpuint (((DossierSearchHit *) g_ptr_array_index (phrase, 0))->matches->len, ==, 2);

  {
    g_autoptr(DossierSearch) search = dossier_search_new ("“Daniel Segal”", NULL);
    g_assert_true (dossier_search_is_phrase (search));
    g_assert_cmpuint (dossier_search_get_n_words (search), ==, 2);
    g_assert_cmpstr (dossier_search_get_word (search, 1), ==, "segal");
  }
}

/* A query word is the start of a word of the text, never its middle. */
static void
test_word_starts (void)
{
  const char *texts[] = {
    "Les rachats se multiplient.\n\nLe sous-rachat est rare.\n\nUn arachide.\n",
    NULL
  };
  g_autoptr(DossierCorpus) corpus = make_corpus (texts);
  g_autoptr(GPtrArray) hits = run (corpus, NULL, "rachat", 0, NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_cmpuint (hits->len, ==, 2);
  first = span_text (corpus, g_ptr_array_index (hits, 0), 0);
  second = span_text (corpus, g_ptr_array_index (hits, 1), 0);
  g_assert_cmpstr (first, ==, "rachats");
  g_assert_cmpstr (second, ==, "rachat");
}

/* Several matches in one article and in one sentence, the limit, several
 * articles in corpus order. */
static void
test_several_matches (void)
{
  const char *texts[] = {
    "Oracle et Oracle encore. Rien. Puis oracle.\n",
    "Pas ici.\n",
    "L'offre d'Oracle.\n",
    NULL
  };
  g_autoptr(DossierCorpus) corpus = make_corpus (texts);
  guint n_found = 0;
  g_autoptr(GPtrArray) hits = run (corpus, NULL, "oracle", 0, &n_found);
  g_autoptr(GPtrArray) capped = run (corpus, NULL, "oracle", 2, &n_found);
  const DossierSearchHit *hit;

  g_assert_cmpuint (hits->len, ==, 3);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpuint (hit->article, ==, 0);
  g_assert_cmpuint (hit->matches->len, ==, 2);
  g_assert_cmpuint (g_array_index (hit->matches, DossierRange, 0).start, ==, 0);
  g_assert_cmpuint (g_array_index (hit->matches, DossierRange, 1).start, ==, strlen ("Oracle et "));
  g_assert_cmpuint (((DossierSearchHit *) g_ptr_array_index (hits, 1))->article, ==, 0);
  hit = g_ptr_array_index (hits, 2);
  g_assert_cmpuint (hit->article, ==, 2);
  {
    g_autofree char *text = span_text (corpus, hit, 0);
    g_assert_cmpstr (text, ==, "Oracle");
  }

  g_assert_cmpuint (capped->len, ==, 2);
  g_assert_cmpuint (n_found, ==, 3);
}

/* The actors of a passage are those of the graph mentioned in it. */
static void
test_actors (void)
{
  const char *texts[] = { "Oracle rachète TikTok. ByteDance refuse.\n", NULL };
  g_autoptr(DossierCorpus) corpus = make_corpus (texts);
  g_autoptr(DossierGraph) graph = dossier_graph_new (corpus);
  DossierEntity *oracle = dossier_graph_ensure_entity (graph, "Oracle", DOSSIER_ENTITY_COMPANY);
  DossierEntity *tiktok = dossier_graph_ensure_entity (graph, "TikTok", DOSSIER_ENTITY_COMPANY);
  DossierEntity *bytedance = dossier_graph_ensure_entity (graph, "ByteDance", DOSSIER_ENTITY_COMPANY);
  g_autoptr(GPtrArray) hits = NULL;
  const DossierSearchHit *hit;

  dossier_graph_add_mention (graph, tiktok, &(DossierMention) { 0, 15, 21, DOSSIER_SECTION_BODY });
  dossier_graph_add_mention (graph, oracle, &(DossierMention) { 0, 0, 6, DOSSIER_SECTION_BODY });
  dossier_graph_add_mention (graph, bytedance, &(DossierMention) { 0, 23, 32, DOSSIER_SECTION_BODY });

  hits = run (corpus, graph, "rachète", 0, NULL);
  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpuint (hit->actors->len, ==, 2);
  g_assert_cmpuint (g_array_index (hit->actors, guint, 0), ==, oracle->id);
  g_assert_cmpuint (g_array_index (hit->actors, guint, 1), ==, tiktok->id);

  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = run (corpus, NULL, "rachète", 0, NULL);
  g_assert_cmpuint (((DossierSearchHit *) g_ptr_array_index (hits, 0))->actors->len, ==, 0);
}

/* Text that was not UTF-8 (decoded as Windows-1252) and queries that are
 * not UTF-8 are searched without harm. */
static void
test_not_utf8 (void)
{
  const char latin1[] = "Le minist\xe8re de l'\xc9\x63onomie a tranch\xe9.\n";
  g_autoptr(DossierCorpus) corpus = dossier_corpus_new ();
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  const char *bad_queries[] = { "\xff\xfe", "minist\xe8re", "\xc3", "\"\xff", "\xe2\x80" };

  dossier_corpus_add_article (corpus, make_article ("latin1.txt", latin1, sizeof latin1 - 1));
  hits = run (corpus, NULL, "economie ministere", 0, NULL);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpuint (((DossierSearchHit *) g_ptr_array_index (hits, 0))->matches->len, ==, 2);

  for (guint i = 0; i < G_N_ELEMENTS (bad_queries); i++)
    {
      g_autoptr(DossierSearch) search = dossier_search_new (bad_queries[i], NULL);
      g_autoptr(GPtrArray) none = NULL;

      if (search == NULL)
        continue;
      none = dossier_search_run (search, corpus, NULL, 0, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (none->len, ==, 0);
    }
}

static void
test_bad_queries (void)
{
  const char *empty[] = { "", "   ", "\"\"", "« »", "--- ...", "“”" };
  g_autoptr(GString) many = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (empty); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierSearch) search = dossier_search_new (empty[i], &error);

      g_assert_null (search);
      g_assert_error (error, DOSSIER_SEARCH_ERROR, DOSSIER_SEARCH_ERROR_EMPTY);
    }

  for (guint i = 0; i <= DOSSIER_SEARCH_MAX_WORDS; i++)
    g_string_append_printf (many, "w%u ", i);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DossierSearch) search = dossier_search_new (many->str, &error);

    g_assert_null (search);
    g_assert_error (error, DOSSIER_SEARCH_ERROR, DOSSIER_SEARCH_ERROR_TOO_LONG);
  }
}

static void
test_async_and_cancel (void)
{
  const char *texts[] = { "Oracle et TikTok.\n", NULL };
  g_autoptr(DossierCorpus) corpus = make_corpus (texts);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierSearch) search = dossier_search_new ("tiktok", NULL);
  guint n_found = 0;

  dossier_search_run_async (dossier_search_new ("tiktok", NULL), corpus, NULL, 0, NULL,
                            test_keep_result_cb, &result);
  hits = dossier_search_run_finish (test_wait_result (&result), &n_found, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_found, ==, 1);
  g_assert_cmpuint (hits->len, ==, 1);

  g_cancellable_cancel (cancellable);
  g_assert_null (dossier_search_run (search, corpus, NULL, 0, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/accents-and-case", test_accents_and_case);
  g_test_add_func ("/search/order-and-phrase", test_order_and_phrase);
  g_test_add_func ("/search/word-starts", test_word_starts);
  g_test_add_func ("/search/several-matches", test_several_matches);
  g_test_add_func ("/search/actors", test_actors);
  g_test_add_func ("/search/not-utf8", test_not_utf8);
  g_test_add_func ("/search/bad-queries", test_bad_queries);
  g_test_add_func ("/search/async-and-cancel", test_async_and_cancel);

  return g_test_run ();
}
