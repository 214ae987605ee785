/* test-extractor.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The extractor on text it was not tuned on: an English article written
 * for this test, small French passages for each rule, and hostile input
 * (a million capitalised words, one 50 MB line) that must finish. */

#include "config.h"

#include <string.h>

#include "dossier-corpus.h"
#include "dossier-extractor.h"
#include "test-util.h"

static DossierGraph *
extract_string (const char *text)
{
  return test_extract_text (NULL, text, -1);
}

/* @ev's passage lies in @article and holds both mentions it links. */
static void
assert_passage_holds_mentions (const DossierEvidence *ev,
                               const DossierArticle  *article)
{
  g_assert_cmpuint (ev->end, <=, article->len);
  g_assert_cmpuint (ev->source_start, >=, ev->start);
  g_assert_cmpuint (ev->source_end, <=, ev->end);
  g_assert_cmpuint (ev->target_start, >=, ev->start);
  g_assert_cmpuint (ev->target_end, <=, ev->end);
}

static DossierEntity *
assert_entity (DossierGraph      *graph,
               const char        *name,
               DossierEntityType  type)
{
  DossierEntity *entity = dossier_graph_lookup_entity (graph, name);

  if (entity == NULL)
    g_error ("no entity “%s”", name);
  g_assert_cmpint (entity->type, ==, type);
  g_assert_cmpuint (entity->mentions->len, >, 0);
  return entity;
}

static void
assert_relation (DossierGraph        *graph,
                 const char          *source,
                 DossierRelationType  type,
                 const char          *target)
{
  const DossierRelation *relation = test_find_relation (graph, source, type, target);
  const DossierArticle *article = dossier_corpus_get_article (graph->corpus, 0);

  if (relation == NULL)
    g_error ("no relation %s %s %s", source, dossier_relation_type_to_string (type), target);

  /* Every passage is a real range of the text holding both mentions. */
  for (guint i = 0; i < relation->evidence->len; i++)
    {
      const DossierEvidence *ev = &g_array_index (relation->evidence, DossierEvidence, i);

      g_assert_cmpuint (ev->start, <, ev->end);
      assert_passage_holds_mentions (ev, article);
    }
}

static void
log_graph (DossierGraph *graph)
{
  for (guint i = 0; i < graph->entities->len; i++)
    {
      const DossierEntity *e = dossier_graph_get_entity (graph, i);
      g_test_message ("entity %s “%s”%s", dossier_entity_type_to_string (e->type), e->name,
                      e->discovered ? " (discovered)" : "");
    }
  for (guint i = 0; i < graph->relations->len; i++)
    {
      const DossierRelation *r = dossier_graph_get_relation (graph, i);
      if (r->type != DOSSIER_RELATION_MENTIONED_WITH)
        g_test_message ("relation %s %s %s", dossier_graph_get_entity (graph, r->source)->name,
                        dossier_relation_type_to_string (r->type),
                        dossier_graph_get_entity (graph, r->target)->name);
    }
}

/* Known actors, and names no gazetteer has, typed by their cues. */
static const struct
{
  const char        *name;
  DossierEntityType  type;
} english_actors[] = {
  { "Nvidia", DOSSIER_ENTITY_COMPANY },
  { "Microsoft", DOSSIER_ENTITY_COMPANY },
  { "Oracle", DOSSIER_ENTITY_COMPANY },
  { "Amazon Web Services", DOSSIER_ENTITY_COMPANY },
  { "Reuters", DOSSIER_ENTITY_MEDIA },
  { "Bloomberg", DOSSIER_ENTITY_MEDIA },
  { "Financial Times", DOSSIER_ENTITY_MEDIA },
  { "Jensen Huang", DOSSIER_ENTITY_PERSON },
  { "European Commission", DOSSIER_ENTITY_GOVERNMENT },
  { "Chinese government", DOSSIER_ENTITY_GOVERNMENT },
  { "Kestrel Labs", DOSSIER_ENTITY_COMPANY },
  { "Dana Friedman", DOSSIER_ENTITY_PERSON },
  { "Ron Whitfield", DOSSIER_ENTITY_PERSON },
};

/* The main relations, with their direction. */
static const struct
{
  const char          *source;
  DossierRelationType  type;
  const char          *target;
} english_relations[] = {
  { "Nvidia", DOSSIER_RELATION_ACQUIRES, "Kestrel Labs" },
  { "Reuters", DOSSIER_RELATION_REPORTS, "Nvidia" },
  { "Jensen Huang", DOSSIER_RELATION_LEADS, "Nvidia" },
  { "Dana Friedman", DOSSIER_RELATION_LEADS, "Kestrel Labs" },
  { "European Commission", DOSSIER_RELATION_REGULATES, "Nvidia" },
  { "Ron Whitfield", DOSSIER_RELATION_OPPOSES, "Nvidia" },
  { "Microsoft", DOSSIER_RELATION_NEGOTIATES, "Kestrel Labs" },
  { "Microsoft", DOSSIER_RELATION_WITHDRAWS, "Kestrel Labs" },
  { "Kestrel Labs", DOSSIER_RELATION_SUPPLIES, "Amazon Web Services" },
  { "Kestrel Labs", DOSSIER_RELATION_PARTNERS, "Oracle" },
  { "Oracle", DOSSIER_RELATION_SUPPLIES, "Kestrel Labs" },
  { "Chinese government", DOSSIER_RELATION_REGULATES, "Kestrel Labs" },
};

static void
test_english_article (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "extract",
                                                 "english-chip-deal.txt", NULL);
  const char *paths[] = { path, NULL };
  g_autoptr(DossierCorpus) corpus = NULL;
  g_autoptr(DossierGazetteer) gazetteer = test_default_gazetteer ();
  g_autoptr(DossierGraph) graph = NULL;
  const DossierRelation *negated;

  corpus = dossier_corpus_load (paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  graph = dossier_extract (corpus, gazetteer, NULL, NULL, &error);
  g_assert_no_error (error);
  log_graph (graph);

  for (guint i = 0; i < G_N_ELEMENTS (english_actors); i++)
    assert_entity (graph, english_actors[i].name, english_actors[i].type);
  g_assert_true (dossier_graph_lookup_entity (graph, "Kestrel Labs")->discovered);
  g_assert_true (dossier_graph_lookup_entity (graph, "Ron Whitfield")->discovered);

  /* Not actors: places, months, the byline. */
  g_assert_null (dossier_graph_lookup_entity (graph, "Haifa"));
  g_assert_null (dossier_graph_lookup_entity (graph, "March"));
  g_assert_null (dossier_graph_lookup_entity (graph, "Tuesday"));
  g_assert_null (dossier_graph_lookup_entity (graph, "Israeli"));

  for (guint i = 0; i < G_N_ELEMENTS (english_relations); i++)
    assert_relation (graph, english_relations[i].source, english_relations[i].type,
                     english_relations[i].target);
  g_assert_null (test_find_relation (graph, "Nvidia", DOSSIER_RELATION_ACQUIRES, "Reuters"));

  /* "Microsoft did not buy the startup": recorded, but as negated. */
  negated = test_find_relation (graph, "Microsoft", DOSSIER_RELATION_ACQUIRES, "Kestrel Labs");
  g_assert_nonnull (negated);
  for (guint i = 0; i < negated->evidence->len; i++)
    g_assert_true (g_array_index (negated->evidence, DossierEvidence, i).flags &
                   DOSSIER_EVIDENCE_NEGATED);
}

static void
test_french_patterns (void)
{
  g_autoptr(DossierGraph) graph = extract_string (
    "Titre\n\n"
    "Le rachat de Musical.ly par ByteDance a été annoncé. "
    "Le PDG d’Oracle, Larry Ellison, a parlé. "
    "Selon le Wall Street Journal, Oracle devient partenaire de TikTok. "
    "ByteDance, sa maison mère, ne vendra pas TikTok. "
    "L'accord pourrait être approuvé par la Maison Blanche. "
    "La société américaine Quintessa a conclu un partenariat avec Walmart. "
    "Le sénateur Paul Dubreuil critiquait Walmart. "
    "Dubreuil a ensuite quitté la séance.\n");
  DossierEntity *trump;
  const DossierRelation *r;

  log_graph (graph);

  /* Passive noun phrase: the agent after "par" acquires. */
  assert_relation (graph, "ByteDance", DOSSIER_RELATION_ACQUIRES, "Musical.ly");
  g_assert_null (test_find_relation (graph, "Musical.ly", DOSSIER_RELATION_ACQUIRES, "ByteDance"));
  assert_relation (graph, "Larry Ellison", DOSSIER_RELATION_LEADS, "Oracle");
  assert_relation (graph, "Wall Street Journal", DOSSIER_RELATION_REPORTS, "Oracle");
  assert_relation (graph, "Oracle", DOSSIER_RELATION_PARTNERS, "TikTok");
  assert_relation (graph, "ByteDance", DOSSIER_RELATION_OWNS, "TikTok");

  /* "pourrait être approuvé par la Maison Blanche": hypothetical. */
  r = test_find_relation (graph, "United States government", DOSSIER_RELATION_REGULATES, "TikTok");
  if (r != NULL)
    g_assert_true (g_array_index (r->evidence, DossierEvidence, 0).flags & DOSSIER_EVIDENCE_HYPOTHETICAL);

  /* Discovery with cues; the surname alone joins the full name. */
  assert_entity (graph, "Quintessa", DOSSIER_ENTITY_COMPANY);
  assert_relation (graph, "Quintessa", DOSSIER_RELATION_PARTNERS, "Walmart");
  assert_entity (graph, "Paul Dubreuil", DOSSIER_ENTITY_PERSON);
  g_assert_cmpuint (dossier_graph_lookup_entity (graph, "Paul Dubreuil")->mentions->len, ==, 2);
  g_assert_null (dossier_graph_lookup_entity (graph, "Titre"));

  trump = dossier_graph_lookup_entity (graph, "Donald Trump");
  g_assert_null (trump);
}

/* A bare title stands for the last person named who holds it; other uses
 * of the word do not. */
static void
test_bare_title (void)
{
  const char *text =
    "Titre\n\n"
    "Donald Trump a reçu Xi Jinping. Trump est resté ferme. "
    "Le président a signé un décret interdisant TikTok. "
    "Le président de Microsoft, Brad Smith, a répondu. "
    "Son président refuse. Un président peut tout. "
    "Le président chinois a protesté.\n";
  g_autoptr(DossierGraph) graph = extract_string (text);
  DossierEntity *trump, *xi;
  guint bare = 0;

  log_graph (graph);
  trump = dossier_graph_lookup_entity (graph, "Donald Trump");
  xi = dossier_graph_lookup_entity (graph, "Xi Jinping");
  g_assert_nonnull (trump);
  g_assert_nonnull (xi);

  /* "Le président a signé" is Trump, the last president named, and the
   * state he heads regulates: no alias "président" is added. */
  for (guint i = 0; i < trump->mentions->len; i++)
    {
      const DossierMention *m = &g_array_index (trump->mentions, DossierMention, i);
      const char *at = strstr (text, "Le président a signé");

      g_assert_nonnull (at);
      if (m->start == (gsize) (at - text) + 3)
        bare++;
    }
  g_assert_cmpuint (bare, ==, 1);
  g_assert_cmpuint (trump->mentions->len, ==, 3);
  g_assert_cmpuint (xi->mentions->len, ==, 1);
  for (guint i = 0; i < trump->aliases->len; i++)
    g_assert_null (strstr (g_ptr_array_index (trump->aliases, i), "résident"));
  assert_relation (graph, "United States government", DOSSIER_RELATION_REGULATES, "TikTok");

  /* English, and the president named most wins over the one named last. */
  {
    g_autoptr(DossierGraph) english = extract_string (
      "Title\n\nJoe Biden spoke. Biden then met Xi Jinping. The president later banned TikTok.\n");

    g_assert_cmpuint (dossier_graph_lookup_entity (english, "Joe Biden")->mentions->len, ==, 3);
    g_assert_cmpuint (dossier_graph_lookup_entity (english, "Xi Jinping")->mentions->len, ==, 1);
    assert_relation (english, "United States government", DOSSIER_RELATION_REGULATES, "TikTok");
  }
}

/* "O'Brien" is one name, not an elision; a web address names nobody. */
static void
test_names_and_links (void)
{
  g_autoptr(DossierGraph) graph = extract_string (
    "Title\n\n"
    "The firm O'Brien Holdings signed with Oracle. Later, O'Brien Holdings bought Zoom. "
    "Lire https://www.zdnet.fr/actualites/gouvernement-chinois-tiktok-microsoft-39909.htm et www.oracle.com/fr.\n");
  DossierEntity *obrien;

  log_graph (graph);
  obrien = dossier_graph_lookup_entity (graph, "O'Brien Holdings");
  g_assert_nonnull (obrien);
  g_assert_cmpuint (obrien->mentions->len, ==, 2);
  g_assert_null (dossier_graph_lookup_entity (graph, "Brien Holdings"));
  g_assert_null (dossier_graph_lookup_entity (graph, "Chinese government"));
  g_assert_null (dossier_graph_lookup_entity (graph, "Microsoft"));
  g_assert_cmpuint (dossier_graph_lookup_entity (graph, "Oracle")->mentions->len, ==, 1);

  /* The subject is the name before an apposition, not one inside it. */
  {
    g_autoptr(DossierGraph) appositive = extract_string (
      "Title\n\nMicrosoft, a major Nvidia customer, partners with OpenAI on chips.\n");

    log_graph (appositive);
    assert_relation (appositive, "Microsoft", DOSSIER_RELATION_PARTNERS, "OpenAI");
    g_assert_null (test_find_relation (appositive, "Nvidia", DOSSIER_RELATION_PARTNERS, "OpenAI"));
    g_assert_null (test_find_relation (appositive, "OpenAI", DOSSIER_RELATION_PARTNERS, "Nvidia"));
  }

  /* An object said but not an actor ("to Chinese firms") is no reason to
   * fall back on the article's topic. */
  {
    g_autoptr(DossierGraph) topic = extract_string (
      "Nvidia and its chips\n\nNvidia sells chips. Nvidia grows. AMD also supplies chips to Chinese firms.\n");

    log_graph (topic);
    g_assert_null (test_find_relation (topic, "AMD", DOSSIER_RELATION_SUPPLIES, "Nvidia"));
  }
}

static void
test_aliases_merged (void)
{
  g_autoptr(DossierGraph) graph = extract_string (
    "Titre\n\n"
    "Donald Trump a signé un décret. Trump l'a dit. Le président Trump insiste. "
    "Selon l'administration Trump, d'Oracle et qu’Oracle sont Oracle. "
    "Oracle's board met. The TikTok deal, Tik-Tok.\n");
  DossierEntity *trump = assert_entity (graph, "Donald Trump", DOSSIER_ENTITY_PERSON);
  DossierEntity *oracle = assert_entity (graph, "Oracle", DOSSIER_ENTITY_COMPANY);
  const DossierArticle *article = dossier_corpus_get_article (graph->corpus, 0);
  guint n_persons = 0;

  /* One node for every form of the name. */
  for (guint i = 0; i < graph->entities->len; i++)
    if (dossier_graph_get_entity (graph, i)->type == DOSSIER_ENTITY_PERSON)
      n_persons++;
  g_assert_cmpuint (n_persons, ==, 1);
  g_assert_cmpuint (trump->mentions->len, >=, 4);

  /* Elided and possessive forms: the span is the name itself. */
  g_assert_cmpuint (oracle->mentions->len, ==, 4);
  for (guint i = 0; i < oracle->mentions->len; i++)
    {
      const DossierMention *m = &g_array_index (oracle->mentions, DossierMention, i);
      g_assert_cmpint (strncmp (article->text + m->start, "Oracle", 6), ==, 0);
      g_assert_cmpuint (m->end - m->start, ==, 6);
    }

  assert_relation (graph, "Donald Trump", DOSSIER_RELATION_LEADS, "United States government");
  g_assert_cmpuint (assert_entity (graph, "TikTok", DOSSIER_ENTITY_COMPANY)->mentions->len, ==, 2);
}

static void
test_not_entities (void)
{
  g_autoptr(DossierGraph) graph = extract_string (
    "Menu Menu\n\n"
    "Septembre a été chaud dans la Silicon Valley. En Australie, au Canada et en Nouvelle-Zélande, "
    "le COVID-19 et l'IA occupent les esprits. Le PDG est parti. L'EO a été signé. "
    "Un Américain moyen se moque de tout. the oracle spoke. le monde entier.\n");

  for (guint i = 0; i < graph->entities->len; i++)
    g_test_message ("unexpected entity “%s”", dossier_graph_get_entity (graph, i)->name);
  g_assert_cmpuint (graph->entities->len, ==, 0);
}

/* On the seeds: readers' comments give no new names (pseudonyms), their
 * passages are marked and hold both mentions, and every mention's text is
 * its byte range. */
static void
test_seeds_sections (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *seeds = dossier_corpus_default_path ();
  const char *env = g_getenv ("DOSSIER_SEEDS_DIR");
  const char *paths[] = { env != NULL && *env != '\0' ? env : seeds, NULL };
  g_autoptr(DossierCorpus) corpus = dossier_corpus_load (paths, NULL, NULL, NULL, &error);
  g_autoptr(DossierGazetteer) gazetteer = test_default_gazetteer ();
  g_autoptr(DossierGraph) graph = NULL;
  guint comment_mentions = 0;

  g_assert_no_error (error);
  graph = dossier_extract (corpus, gazetteer, NULL, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < graph->entities->len; i++)
    {
      const DossierEntity *e = dossier_graph_get_entity (graph, i);
      gboolean in_body = FALSE;

      for (guint k = 0; k < e->mentions->len; k++)
        {
          const DossierMention *m = &g_array_index (e->mentions, DossierMention, k);
          const DossierArticle *a = dossier_corpus_get_article (corpus, m->article);

          g_assert_cmpuint (m->start, <, m->end);
          g_assert_cmpuint (m->end, <=, a->len);
          g_assert_true (g_utf8_validate_len (a->text + m->start, m->end - m->start, NULL));
          g_assert_cmpint (dossier_article_section_at (a, m->start), !=, DOSSIER_SECTION_FURNITURE);
          if (m->section == DOSSIER_SECTION_COMMENTS)
            comment_mentions++;
          else
            in_body = TRUE;
        }
      if (e->discovered)
        g_assert_true (in_body);
    }
  g_assert_cmpuint (comment_mentions, >, 0);

  for (guint i = 0; i < graph->relations->len; i++)
    {
      const DossierRelation *r = dossier_graph_get_relation (graph, i);

      for (guint k = 0; k < r->evidence->len; k++)
        {
          const DossierEvidence *ev = &g_array_index (r->evidence, DossierEvidence, k);
          const DossierArticle *a = dossier_corpus_get_article (corpus, ev->article);
          gboolean in_comments = dossier_article_section_at (a, ev->start) == DOSSIER_SECTION_COMMENTS;

          g_assert_cmpint (in_comments, ==, (ev->flags & DOSSIER_EVIDENCE_COMMENTS) != 0);
          g_assert_cmpuint (ev->date.precision, !=, DOSSIER_DATE_PRECISION_NONE);
          /* The passage shows both mentions it links, even when a quote
           * follows its attribution line (seeds/002, "rapporté par CNBC"). */
          assert_passage_holds_mentions (ev, a);
        }
    }
}

/* Bad input finishes in bounded time and never crashes. */
static void
test_hostile_input (void)
{
  GString *big = g_string_new ("Titre\n\n");
  g_autoptr(DossierGraph) graph = NULL;
  g_autoptr(DossierGraph) line = NULL;
  g_autoptr(DossierGraph) names = NULL;

  /* A million capitalised words without a full stop. */
  for (guint i = 0; i < 1000000; i++)
    g_string_append (big, (i % 7 == 0) ? "Oracle " : (i % 3 == 0) ? "Société Zorglub " : "Word ");
  g_string_append_c (big, '\n');
  graph = test_extract_text (NULL, big->str, big->len);
  g_assert_nonnull (dossier_graph_lookup_entity (graph, "Oracle"));

  /* One 50 MB line of names, cues and punctuation. */
  g_string_assign (big, "Titre\n\n");
  while (big->len < 50 * 1024 * 1024)
    g_string_append (big, "selon Reuters, Microsoft rachète TikTok d’Oracle par ByteDance «M. X» ");
  g_string_append_c (big, '\n');
  line = test_extract_text (NULL, big->str, big->len);
  g_assert_nonnull (test_find_relation (line, "Microsoft", DOSSIER_RELATION_ACQUIRES, "TikTok"));

  /* Odd characters: combining marks, emoji, quotes, lone elisions. */
  g_string_assign (big, "T\n\n\t Ḯ́ 😂 «\"'’ d’ l' qu' <a> & É. É É.\n");
  names = test_extract_text (NULL, big->str, big->len);
  g_assert_nonnull (names);

  g_string_free (big, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/extractor/english-article", test_english_article);
  g_test_add_func ("/extractor/french-patterns", test_french_patterns);
  g_test_add_func ("/extractor/aliases-merged", test_aliases_merged);
  g_test_add_func ("/extractor/bare-title", test_bare_title);
  g_test_add_func ("/extractor/names-and-links", test_names_and_links);
  g_test_add_func ("/extractor/not-entities", test_not_entities);
  g_test_add_func ("/extractor/seeds-sections", test_seeds_sections);
  g_test_add_func ("/extractor/hostile-input", test_hostile_input);

  return g_test_run ();
}
