/* test-graph.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dossier-graph.h"

static DossierGraph *
empty_graph (void)
{
  g_autoptr(DossierCorpus) corpus = dossier_corpus_new ();
  return dossier_graph_new (corpus);
}

static void
test_entities (void)
{
  g_autoptr(DossierGraph) graph = empty_graph ();
  DossierEntity *trump = dossier_graph_ensure_entity (graph, "Donald Trump", DOSSIER_ENTITY_PERSON);

  /* Ensuring again, in another case or with accents folded, finds the same. */
  g_assert_true (dossier_graph_ensure_entity (graph, "DONALD TRUMP", DOSSIER_ENTITY_COMPANY) == trump);
  g_assert_cmpint (trump->type, ==, DOSSIER_ENTITY_PERSON);
  g_assert_null (dossier_graph_lookup_entity (graph, "Trump"));

  dossier_graph_add_alias (graph, trump, "Trump");
  dossier_graph_add_alias (graph, trump, "trump");
  g_assert_cmpuint (trump->aliases->len, ==, 1);
  g_assert_true (dossier_graph_lookup_entity (graph, "TRUMP") == trump);

  {
    DossierEntity *pekin = dossier_graph_ensure_entity (graph, "Pékin", DOSSIER_ENTITY_GOVERNMENT);
    g_assert_true (dossier_graph_lookup_entity (graph, "pekin") == pekin);
    g_assert_cmpuint (pekin->id, ==, 1);
  }

  g_assert_null (dossier_graph_lookup_entity (graph, NULL));
}

static void
test_relations (void)
{
  g_autoptr(DossierGraph) graph = empty_graph ();
  guint a = dossier_graph_ensure_entity (graph, "A", DOSSIER_ENTITY_COMPANY)->id;
  guint b = dossier_graph_ensure_entity (graph, "B", DOSSIER_ENTITY_COMPANY)->id;
  DossierRelation *owns, *partners;
  DossierEvidence ev = { 0 };

  owns = dossier_graph_ensure_relation (graph, a, DOSSIER_RELATION_OWNS, b);
  g_assert_true (dossier_graph_ensure_relation (graph, a, DOSSIER_RELATION_OWNS, b) == owns);
  /* Directed: the reverse is another relation. */
  g_assert_null (dossier_graph_lookup_relation (graph, b, DOSSIER_RELATION_OWNS, a));

  /* Symmetric: stored once, lower id first, found both ways. */
  partners = dossier_graph_ensure_relation (graph, b, DOSSIER_RELATION_PARTNERS, a);
  g_assert_cmpuint (partners->source, ==, a);
  g_assert_true (dossier_graph_lookup_relation (graph, a, DOSSIER_RELATION_PARTNERS, b) == partners);
  g_assert_cmpuint (graph->relations->len, ==, 2);

  /* The same passage twice is one piece of evidence. */
  ev.start = 10;
  ev.end = 20;
  dossier_graph_add_evidence (graph, owns, &ev);
  dossier_graph_add_evidence (graph, owns, &ev);
  ev.start = 30;
  ev.end = 40;
  dossier_graph_add_evidence (graph, owns, &ev);
  g_assert_cmpuint (owns->evidence->len, ==, 2);
}

static void
test_counts_and_order (void)
{
  g_autoptr(DossierGraph) graph = empty_graph ();
  DossierEntity *x = dossier_graph_ensure_entity (graph, "Xylo", DOSSIER_ENTITY_COMPANY);
  DossierEntity *y = dossier_graph_ensure_entity (graph, "Yak", DOSSIER_ENTITY_COMPANY);
  g_autoptr(GArray) order = NULL;
  DossierMention m = { 0 };

  m.article = 0;
  dossier_graph_add_mention (graph, y, &m);
  dossier_graph_add_mention (graph, y, &m);
  m.article = 3;
  dossier_graph_add_mention (graph, y, &m);
  dossier_graph_add_mention (graph, x, &m);

  g_assert_cmpuint (dossier_entity_count_articles (y), ==, 2);
  g_assert_cmpuint (dossier_entity_count_articles (x), ==, 1);

  order = dossier_graph_sorted_entities (graph);
  g_assert_cmpuint (g_array_index (order, guint, 0), ==, y->id);
  g_assert_cmpuint (g_array_index (order, guint, 1), ==, x->id);
}

static void
test_types (void)
{
  DossierEntityType et;
  DossierRelationType rt;

  for (guint i = 0; i < DOSSIER_N_ENTITY_TYPES; i++)
    {
      g_assert_true (dossier_entity_type_from_string (dossier_entity_type_to_string (i), &et));
      g_assert_cmpuint (et, ==, i);
    }
  for (guint i = 0; i < DOSSIER_N_RELATION_TYPES; i++)
    {
      g_assert_true (dossier_relation_type_from_string (dossier_relation_type_to_string (i), &rt));
      g_assert_cmpuint (rt, ==, i);
    }
  g_assert_false (dossier_entity_type_from_string ("planet", &et));
  g_assert_false (dossier_relation_type_from_string (NULL, &rt));
  g_assert_true (dossier_relation_type_is_symmetric (DOSSIER_RELATION_NEGOTIATES));
  g_assert_false (dossier_relation_type_is_symmetric (DOSSIER_RELATION_OWNS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/graph/entities", test_entities);
  g_test_add_func ("/graph/relations", test_relations);
  g_test_add_func ("/graph/counts-and-order", test_counts_and_order);
  g_test_add_func ("/graph/types", test_types);

  return g_test_run ();
}
