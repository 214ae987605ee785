/* test-filter.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "dossier-date.h"
#include "dossier-filter.h"
#include "graph-test-util.h"
#include "test-util.h"

static gboolean
has_entity (DossierSubgraph *sub,
            guint            id)
{
  return dossier_subgraph_find_entity (sub, id) >= 0;
}

static gboolean
has_relation (DossierSubgraph     *sub,
              guint                source,
              DossierRelationType  type,
              guint                target)
{
  DossierRelation *r = dossier_graph_lookup_relation (sub->graph, source, type, target);

  g_assert_nonnull (r);
  for (guint i = 0; i < sub->relations->len; i++)
    if (g_array_index (sub->relations, guint, i) == r->id)
      return TRUE;
  return FALSE;
}

/* A small graph built by hand, so each filter is checked against a known
 * answer: A -owns-> B -partners- C -opposes-> D, E only in comments, F
 * alone in 2025. */
typedef struct
{
  DossierGraph  *graph;
  guint          a, b, c, d, e, f;
  DossierFilter *filter;  /* everything shown, for the test to change */
} Fixture;

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(DossierCorpus) corpus = dossier_corpus_new ();

  dossier_corpus_add_article (corpus, make_article ("a.txt", "Article one.\n", "2020-09-14"));
  dossier_corpus_add_article (corpus, make_article ("b.txt", "Article two.\n", "2021-02-19"));
  dossier_corpus_add_article (corpus, make_article ("c.txt", "Article three.\n", "2025"));

  fx->graph = dossier_graph_new (corpus);
  fx->filter = dossier_filter_new ();
  fx->a = add_entity (fx->graph, "Alpha Corp", DOSSIER_ENTITY_COMPANY, 0, DOSSIER_SECTION_BODY);
  fx->b = add_entity (fx->graph, "Beta", DOSSIER_ENTITY_COMPANY, 0, DOSSIER_SECTION_BODY);
  fx->c = add_entity (fx->graph, "Carol Smith", DOSSIER_ENTITY_PERSON, 1, DOSSIER_SECTION_BODY);
  fx->d = add_entity (fx->graph, "Delta government", DOSSIER_ENTITY_GOVERNMENT, 1, DOSSIER_SECTION_BODY);
  fx->e = add_entity (fx->graph, "Echo", DOSSIER_ENTITY_COMPANY, 1, DOSSIER_SECTION_COMMENTS);
  fx->f = add_entity (fx->graph, "Foxtrot", DOSSIER_ENTITY_MEDIA, 2, DOSSIER_SECTION_BODY);
  dossier_graph_add_alias (fx->graph, dossier_graph_get_entity (fx->graph, fx->c), "Smith");

  add_relation (fx->graph, fx->a, DOSSIER_RELATION_OWNS, fx->b, 0, "2020-09-14", 0);
  add_relation (fx->graph, fx->a, DOSSIER_RELATION_OWNS, fx->b, 1, "2021-02-19", 0);
  add_relation (fx->graph, fx->c, DOSSIER_RELATION_PARTNERS, fx->b, 1, "2021-02-19", 0);
  add_relation (fx->graph, fx->c, DOSSIER_RELATION_OPPOSES, fx->d, 1, "2021-02", 0);
  add_relation (fx->graph, fx->e, DOSSIER_RELATION_SUPPORTS, fx->d, 1, "2021-02-19", DOSSIER_EVIDENCE_COMMENTS);
  add_relation (fx->graph, fx->a, DOSSIER_RELATION_MENTIONED_WITH, fx->f, 2, "2025", 0);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  g_clear_pointer (&fx->graph, dossier_graph_unref);
  g_clear_pointer (&fx->filter, dossier_filter_free);
}

static DossierSubgraph *
apply (Fixture       *fx,
       DossierFilter *filter)
{
  g_autoptr(GError) error = NULL;
  DossierSubgraph *sub = dossier_filter_apply (filter, fx->graph, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sub);
  return sub;
}

static void
test_default (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(DossierSubgraph) sub = apply (fx, fx->filter);

  g_assert_cmpuint (sub->entities->len, ==, 6);
  g_assert_cmpuint (sub->total_entities, ==, 6);
  /* mentioned_with is hidden by default. */
  g_assert_cmpuint (sub->relations->len, ==, 4);
  g_assert_false (has_relation (sub, fx->a, DOSSIER_RELATION_MENTIONED_WITH, fx->f));
  g_assert_cmpuint (g_array_index (sub->relation_evidence, guint, 0), ==, 2);

  fx->filter->relation_types |= 1u << DOSSIER_RELATION_MENTIONED_WITH;
  {
    g_autoptr(DossierSubgraph) all = apply (fx, fx->filter);
    g_assert_true (has_relation (all, fx->a, DOSSIER_RELATION_MENTIONED_WITH, fx->f));
  }
}

static void
test_date_range (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(DossierSubgraph) to_2020 = NULL;
  g_autoptr(DossierSubgraph) from_2021 = NULL;

  g_assert_true (dossier_date_parse_iso ("2020-12-31", &fx->filter->to));
  to_2020 = apply (fx, fx->filter);
  g_assert_true (has_entity (to_2020, fx->a));
  g_assert_true (has_entity (to_2020, fx->b));
  g_assert_false (has_entity (to_2020, fx->c));
  g_assert_false (has_entity (to_2020, fx->f));
  g_assert_cmpuint (to_2020->relations->len, ==, 1);
  /* Only the 2020 passage of A owns B counts. */
  g_assert_cmpuint (g_array_index (to_2020->relation_evidence, guint, 0), ==, 1);

  fx->filter->to = (DossierDate) { 0 };
  g_assert_true (dossier_date_parse_iso ("2021-02-19", &fx->filter->from));
  from_2021 = apply (fx, fx->filter);
  g_assert_true (has_relation (from_2021, fx->c, DOSSIER_RELATION_PARTNERS, fx->b));
  /* A month-precise date overlaps a day inside that month. */
  g_assert_true (has_relation (from_2021, fx->c, DOSSIER_RELATION_OPPOSES, fx->d));
  g_assert_true (has_entity (from_2021, fx->f));
}

static void
test_actor_depth (Fixture       *fx,
                  gconstpointer  data)
{
  char *actors[] = { (char *) "smith", NULL };

  fx->filter->actors = g_strdupv (actors);

  for (guint depth = 0; depth <= 3; depth++)
    {
      g_autoptr(DossierSubgraph) sub = NULL;

      fx->filter->depth = depth;
      sub = apply (fx, fx->filter);
      g_assert_true (has_entity (sub, fx->c));
      g_assert_cmpint (has_entity (sub, fx->b), ==, depth >= 1);
      g_assert_cmpint (has_entity (sub, fx->d), ==, depth >= 1);
      g_assert_cmpint (has_entity (sub, fx->e), ==, depth >= 2);
      g_assert_cmpint (has_entity (sub, fx->a), ==, depth >= 2);
      g_assert_false (has_entity (sub, fx->f));
    }
}

static void
test_path (Fixture       *fx,
           gconstpointer  data)
{
  g_autoptr(DossierSubgraph) sub = NULL;
  char *path[] = { (char *) "Alpha Corp", (char *) "Delta government", NULL };

  fx->filter->path = g_strdupv (path);
  sub = apply (fx, fx->filter);

  g_assert_true (has_entity (sub, fx->a));
  g_assert_true (has_entity (sub, fx->b));
  g_assert_true (has_entity (sub, fx->c));
  g_assert_true (has_entity (sub, fx->d));
  g_assert_false (has_entity (sub, fx->e));
  g_assert_cmpuint (sub->relations->len, ==, 3);
}

static void
test_types_evidence_comments (Fixture       *fx,
                              gconstpointer  data)
{

  fx->filter->entity_types = 1u << DOSSIER_ENTITY_COMPANY;
  {
    g_autoptr(DossierSubgraph) sub = apply (fx, fx->filter);
    g_assert_true (has_entity (sub, fx->a));
    g_assert_false (has_entity (sub, fx->c));
    g_assert_false (has_entity (sub, fx->f));
    g_assert_cmpuint (sub->relations->len, ==, 1);
  }

  dossier_filter_reset (fx->filter);
  fx->filter->relation_types = 1u << DOSSIER_RELATION_OPPOSES;
  {
    g_autoptr(DossierSubgraph) sub = apply (fx, fx->filter);
    g_assert_cmpuint (sub->relations->len, ==, 1);
    g_assert_true (has_relation (sub, fx->c, DOSSIER_RELATION_OPPOSES, fx->d));
  }

  dossier_filter_reset (fx->filter);
  fx->filter->min_evidence = 2;
  {
    g_autoptr(DossierSubgraph) sub = apply (fx, fx->filter);
    /* Only A owns B has two passages; its ends show though each has one mention. */
    g_assert_cmpuint (sub->relations->len, ==, 1);
    g_assert_true (has_relation (sub, fx->a, DOSSIER_RELATION_OWNS, fx->b));
    g_assert_cmpuint (sub->entities->len, ==, 2);
  }

  dossier_filter_reset (fx->filter);
  fx->filter->no_comments = TRUE;
  {
    g_autoptr(DossierSubgraph) sub = apply (fx, fx->filter);
    g_assert_false (has_entity (sub, fx->e));
    g_assert_true (has_entity (sub, fx->d));
  }
}

static void
test_cap (Fixture       *fx,
          gconstpointer  data)
{
  g_autoptr(DossierSubgraph) sub = NULL;

  fx->filter->max_nodes = 2;
  sub = apply (fx, fx->filter);
  g_assert_cmpuint (sub->entities->len, ==, 2);
  /* B has the most evidence (3 passages), then A (2) and C (2): A wins on id. */
  g_assert_true (has_entity (sub, fx->b));
  g_assert_true (has_entity (sub, fx->a));
}

static void
test_errors (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  char *actors[] = { (char *) "Alpa Corp", NULL };

  fx->filter->actors = g_strdupv (actors);
  g_assert_null (dossier_filter_apply (fx->filter, fx->graph, &error));
  g_assert_error (error, DOSSIER_FILTER_ERROR, DOSSIER_FILTER_ERROR_UNKNOWN_ACTOR);
  g_assert_nonnull (strstr (error->message, "Alpha Corp"));
  g_clear_error (&error);

  dossier_filter_reset (fx->filter);
  g_assert_true (dossier_date_parse_iso ("2021", &fx->filter->from));
  g_assert_true (dossier_date_parse_iso ("2020-06", &fx->filter->to));
  g_assert_false (dossier_filter_validate (fx->filter, fx->graph, &error));
  g_assert_error (error, DOSSIER_FILTER_ERROR, DOSSIER_FILTER_ERROR_BAD_RANGE);
  g_clear_error (&error);

  dossier_filter_reset (fx->filter);
  fx->filter->depth = 4;
  g_assert_false (dossier_filter_validate (fx->filter, fx->graph, &error));
  g_assert_error (error, DOSSIER_FILTER_ERROR, DOSSIER_FILTER_ERROR_BAD_VALUE);
}

static void
test_histogram (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GArray) counts = NULL;
  guint32 first = 0, expected_first, last;
  DossierDate d;
  guint total = 0;

  counts = dossier_graph_date_histogram (fx->graph, &first);
  g_assert_true (dossier_date_parse_iso ("2020-09-14", &d));
  dossier_date_get_span (&d, &expected_first, NULL);
  g_assert_cmpuint (first, ==, expected_first);

  /* mentioned_with (2025) is left out: the last day is 2021-02-19. */
  g_assert_true (dossier_date_parse_iso ("2021-02-19", &d));
  dossier_date_get_span (&d, &last, NULL);
  g_assert_cmpuint (counts->len, ==, last - first + 1);

  for (guint i = 0; i < counts->len; i++)
    total += g_array_index (counts, guint, i);
  g_assert_cmpuint (total, ==, 5);
  g_assert_cmpuint (g_array_index (counts, guint, 0), ==, 1);
  g_assert_cmpuint (g_array_index (counts, guint, counts->len - 1), ==, 3);
}

static void
test_command_line (void)
{
  g_autoptr(DossierFilter) filter = dossier_filter_new ();
  g_autofree char *plain = dossier_filter_to_command_line (filter);
  g_autofree char *full = NULL;
  char *actors[] = { (char *) "Larry O'Ellison", NULL };

  g_assert_cmpstr (plain, ==, "dossier-cli export");

  g_assert_true (dossier_date_parse_iso ("2020-08", &filter->from));
  filter->actors = g_strdupv (actors);
  filter->depth = 2;
  filter->entity_types = (1u << DOSSIER_ENTITY_PERSON) | (1u << DOSSIER_ENTITY_COMPANY);
  filter->min_evidence = 3;
  filter->no_comments = TRUE;
  full = dossier_filter_to_command_line (filter);
  g_assert_cmpstr (full, ==,
                   "dossier-cli export --from 2020-08 --actor 'Larry O'\\''Ellison' --depth 2"
                   " --entity-types company,person --min-evidence 3 --no-comments");

  dossier_filter_reset (filter);
  filter->dated_only = TRUE;
  filter->isolated = DOSSIER_ISOLATED_HIDE;
  filter->cluster = g_strdup ("Oracle");
  filter->size_by = DOSSIER_MEASURE_PAGERANK;
  g_clear_pointer (&full, g_free);
  full = dossier_filter_to_command_line (filter);
  g_assert_cmpstr (full, ==,
                   "dossier-cli export --dated-only --hide-isolated --cluster Oracle --size-by pagerank");
  filter->isolated = DOSSIER_ISOLATED_SHOW;
  g_clear_pointer (&full, g_free);
  full = dossier_filter_to_command_line (filter);
  g_assert_nonnull (strstr (full, " --show-isolated"));
}

/* A passage of unknown date: A owns B says so in an undated text. */
static void
add_undated_passage (Fixture *fx)
{
  DossierRelation *relation = dossier_graph_ensure_relation (fx->graph, fx->d, DOSSIER_RELATION_REGULATES, fx->a);
  DossierEvidence evidence = { 0 };

  evidence.article = 0;
  evidence.start = 100;
  evidence.end = 101;
  dossier_graph_add_evidence (fx->graph, relation, &evidence);
}

/* A date range keeps what it cannot place, and says how much; dated_only
 * leaves it out, with or without a range. */
static void
test_undated (Fixture       *fx,
              gconstpointer  data)
{
  /* Passages kept (the undated one among them) as the filter changes. */
  const struct { const char *from, *to; gboolean dated_only; guint relations, undated; } steps[] = {
    { NULL, NULL, FALSE, 5, 1 },
    { "1900", "1901", FALSE, 1, 1 },
    { "1900", "1901", TRUE, 0, 0 },
    { NULL, NULL, TRUE, 4, 0 },
  };

  add_undated_passage (fx);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(DossierSubgraph) sub = NULL;

      fx->filter->from = fx->filter->to = (DossierDate) { 0 };
      g_assert_true (steps[i].from == NULL || dossier_date_parse_iso (steps[i].from, &fx->filter->from));
      g_assert_true (steps[i].to == NULL || dossier_date_parse_iso (steps[i].to, &fx->filter->to));
      fx->filter->dated_only = steps[i].dated_only;
      sub = apply (fx, fx->filter);
      g_assert_cmpuint (sub->relations->len, ==, steps[i].relations);
      g_assert_cmpuint (sub->undated_evidence, ==, steps[i].undated);
      g_assert_cmpint (has_relation (sub, fx->d, DOSSIER_RELATION_REGULATES, fx->a), ==, !steps[i].dated_only);
    }
}

/* Foxtrot has only an untyped link: alone in the default view. */
static void
test_isolated (Fixture       *fx,
               gconstpointer  data)
{
  char *actors[] = { (char *) "Foxtrot", NULL };
  g_autoptr(DossierSubgraph) automatic = NULL;
  g_autoptr(DossierSubgraph) hidden = NULL;
  g_autoptr(DossierSubgraph) named = NULL;
  g_autoptr(DossierSubgraph) crowd = NULL;

  /* Six actors: far from the automatic limit. */
  automatic = apply (fx, fx->filter);
  g_assert_true (has_entity (automatic, fx->f));
  g_assert_cmpuint (automatic->hidden_isolated, ==, 0);

  fx->filter->isolated = DOSSIER_ISOLATED_HIDE;
  hidden = apply (fx, fx->filter);
  g_assert_false (has_entity (hidden, fx->f));
  g_assert_cmpuint (hidden->hidden_isolated, ==, 1);
  g_assert_cmpuint (hidden->entities->len, ==, 5);

  /* An actor asked for by name stays, alone or not. */
  fx->filter->actors = g_strdupv (actors);
  fx->filter->depth = 0;
  named = apply (fx, fx->filter);
  g_assert_true (has_entity (named, fx->f));
  g_assert_cmpuint (named->hidden_isolated, ==, 0);

  /* Past the limit the automatic mode hides them. */
  for (guint i = 0; i < DOSSIER_FILTER_ISOLATED_LIMIT; i++)
    {
      g_autofree char *name = g_strdup_printf ("Loner %u", i);
      add_entity (fx->graph, name, DOSSIER_ENTITY_PERSON, 0, DOSSIER_SECTION_BODY);
    }
  dossier_filter_reset (fx->filter);
  crowd = apply (fx, fx->filter);
  g_assert_cmpuint (crowd->hidden_isolated, ==, DOSSIER_FILTER_ISOLATED_LIMIT + 1);
  g_assert_cmpuint (crowd->entities->len, ==, 5);
  g_assert_true (has_entity (crowd, fx->a));
}

static guint
community (DossierSubgraph *sub,
           guint            id)
{
  int i = dossier_subgraph_find_entity (sub, id);

  g_assert_cmpint (i, >=, 0);
  return g_array_index (sub->entity_community, guint, i);
}

/* "This cluster only" keeps one community, under its number. */
static void
test_cluster (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(DossierSubgraph) all = apply (fx, fx->filter);
  g_autoptr(DossierSubgraph) alpha = NULL;
  g_autoptr(DossierSubgraph) fox = NULL;
  g_autoptr(GError) error = NULL;
  guint c = community (all, fx->a);

  fx->filter->cluster = g_strdup ("alpha corp");
  alpha = apply (fx, fx->filter);
  g_assert_true (has_entity (alpha, fx->a));
  g_assert_true (has_entity (alpha, fx->b));
  g_assert_false (has_entity (alpha, fx->f));
  for (guint i = 0; i < alpha->entities->len; i++)
    {
      guint id = g_array_index (alpha->entities, guint, i);

      g_assert_cmpuint (g_array_index (alpha->entity_community, guint, i), ==, c);
      g_assert_cmpuint (community (all, id), ==, c);
    }
  for (guint i = 0; i < all->entities->len; i++)
    if (g_array_index (all->entity_community, guint, i) == c)
      g_assert_true (has_entity (alpha, g_array_index (all->entities, guint, i)));
  g_assert_cmpuint (g_array_index (all->community_leaders, guint, c), ==,
                    g_array_index (alpha->community_leaders, guint, c));

  /* A lone actor's cluster is itself, even when lone actors are hidden. */
  g_free (fx->filter->cluster);
  fx->filter->cluster = g_strdup ("Foxtrot");
  fx->filter->isolated = DOSSIER_ISOLATED_HIDE;
  fox = apply (fx, fx->filter);
  g_assert_cmpuint (fox->entities->len, ==, 1);
  g_assert_true (has_entity (fox, fx->f));

  g_free (fx->filter->cluster);
  fx->filter->cluster = g_strdup ("Foxtrott");
  g_assert_null (dossier_filter_apply (fx->filter, fx->graph, &error));
  g_assert_error (error, DOSSIER_FILTER_ERROR, DOSSIER_FILTER_ERROR_UNKNOWN_ACTOR);
  g_assert_nonnull (strstr (error->message, "Foxtrot"));
}

/* The weight follows size_by; a copy keeps every new field. */
static void
test_weights (Fixture       *fx,
              gconstpointer  data)
{
  const double expected[][2] = { { 0 /* b */, 2 }, { 1 /* e */, 1 } };
  g_autoptr(DossierFilter) copy = NULL;
  g_autoptr(DossierSubgraph) by_degree = NULL;

  fx->filter->size_by = DOSSIER_MEASURE_DEGREE;
  fx->filter->cluster = g_strdup ("Beta");
  fx->filter->dated_only = TRUE;
  fx->filter->isolated = DOSSIER_ISOLATED_HIDE;
  copy = dossier_filter_copy (fx->filter);
  g_assert_cmpstr (copy->cluster, ==, "Beta");
  g_assert_true (copy->dated_only);
  g_assert_cmpuint (copy->isolated, ==, DOSSIER_ISOLATED_HIDE);

  g_clear_pointer (&fx->filter->cluster, g_free);
  by_degree = apply (fx, fx->filter);
  /* B: owned by A, partners with C; E supports D. */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      guint id = expected[i][0] == 0 ? fx->b : fx->e;

      g_assert_cmpfloat (dossier_subgraph_entity_weight (by_degree, dossier_subgraph_find_entity (by_degree, id)), ==,
                         expected[i][1]);
    }

  fx->filter->size_by = DOSSIER_N_MEASURES;
  g_assert_false (dossier_filter_validate (fx->filter, NULL, NULL));
}

/* Article counts follow the filter like mention counts (exports print
 * them): all of an actor's articles unfiltered, fewer in a narrow range. */
static void
test_article_counts (void)
{
  g_autoptr(DossierGraph) graph = test_load_seeds ();
  g_autoptr(DossierFilter) filter = dossier_filter_new ();
  g_autoptr(DossierSubgraph) all = NULL;
  g_autoptr(DossierSubgraph) narrow = NULL;
  g_autoptr(GError) error = NULL;
  gboolean fewer = FALSE;

  all = dossier_filter_apply (filter, graph, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->entities->len; i++)
    {
      const DossierEntity *entity = dossier_graph_get_entity (graph, g_array_index (all->entities, guint, i));

      g_assert_cmpuint (dossier_subgraph_entity_articles (all, i), ==, dossier_entity_count_articles (entity));
    }

  g_assert_true (dossier_date_parse_iso ("2020-09", &filter->from));
  g_assert_true (dossier_date_parse_iso ("2020-12", &filter->to));
  narrow = dossier_filter_apply (filter, graph, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < narrow->entities->len; i++)
    {
      guint id = g_array_index (narrow->entities, guint, i);
      guint articles = dossier_subgraph_entity_articles (narrow, i);

      g_assert_cmpuint (articles, >=, 1);
      g_assert_cmpuint (articles, <=, g_array_index (narrow->entity_mentions, guint, i));
      g_assert_cmpuint (articles, <=, dossier_entity_count_articles (dossier_graph_get_entity (graph, id)));
      if (articles < dossier_entity_count_articles (dossier_graph_get_entity (graph, id)))
        fewer = TRUE;
    }
  g_assert_true (fewer);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/filter/default", test_default);
  ADD ("/filter/date-range", test_date_range);
  ADD ("/filter/actor-depth", test_actor_depth);
  ADD ("/filter/path", test_path);
  ADD ("/filter/types-evidence-comments", test_types_evidence_comments);
  ADD ("/filter/cap", test_cap);
  ADD ("/filter/errors", test_errors);
  ADD ("/filter/histogram", test_histogram);
  ADD ("/filter/undated", test_undated);
  ADD ("/filter/isolated", test_isolated);
  ADD ("/filter/cluster", test_cluster);
  ADD ("/filter/weights", test_weights);
#undef ADD
  g_test_add_func ("/filter/command-line", test_command_line);
  g_test_add_func ("/filter/article-counts", test_article_counts);

  return g_test_run ();
}
