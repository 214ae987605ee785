/* test-json.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The extract contract (README): field names, ids that resolve, offsets
 * whose text is the article's bytes; layout fields only with a layout;
 * hostile strings round-trip exactly. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "dossier-json.h"
#include "dossier-json-writer.h"
#include "export-test-util.h"

static JsonObject *
parse (DossierSubgraph *sub,
       DossierLayout   *layout,
       JsonParser      *parser)
{
  g_autofree char *text = dossier_json_to_string (sub, layout, FALSE);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_utf8_validate (text, -1, NULL));
  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_node_get_object (json_parser_get_root (parser));
}

static void
assert_members (JsonObject  *object,
                const char **names)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (!json_object_has_member (object, names[i]))
        g_error ("missing member “%s”", names[i]);
    }
}

static const DossierArticle *
article_by_id (DossierGraph *graph,
               const char   *id)
{
  for (guint i = 0; i < graph->corpus->articles->len; i++)
    {
      const DossierArticle *a = dossier_corpus_get_article (graph->corpus, i);

      if (g_str_equal (a->id, id))
        return a;
    }
  g_assert_not_reached ();
  return NULL;
}

/* start/end are byte offsets into the article as loaded, and text is
 * exactly those bytes. */
static void
assert_range (DossierGraph *graph,
              JsonObject   *object)
{
  const DossierArticle *a = article_by_id (graph, json_object_get_string_member (object, "article"));
  gint64 start = json_object_get_int_member (object, "start");
  gint64 end = json_object_get_int_member (object, "end");
  const char *text = json_object_get_string_member (object, "text");

  g_assert_cmpint (start, >=, 0);
  g_assert_cmpint (start, <, end);
  g_assert_cmpint (end, <=, a->len);
  g_assert_cmpint (strlen (text), ==, end - start);
  g_assert_cmpmem (text, end - start, a->text + start, end - start);
}

static void
check_contract (DossierSubgraph *sub,
                JsonObject      *root,
                gboolean         with_layout)
{
  static const char *root_members[] = { "articles", "entities", "relations", NULL };
  static const char *article_members[] = { "id", "path", "title", "date", "date_source", NULL };
  static const char *entity_members[] = { "id", "name", "type", "aliases", "mentions", NULL };
  static const char *mention_members[] = { "article", "start", "end", "text", "section", NULL };
  static const char *relation_members[] = { "source", "target", "type", "evidence", NULL };
  static const char *evidence_members[] = { "article", "start", "end", "text", "date", NULL };
  static const char *layout_members[] = { "x", "y", "width", "height", NULL };
  static const char *edge_members[] = { "points", "arrow", "label", NULL };
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *articles, *entities, *relations;

  assert_members (root, root_members);
  g_assert_true (json_object_has_member (root, "layout") == with_layout);

  articles = json_object_get_array_member (root, "articles");
  g_assert_cmpuint (json_array_get_length (articles), ==, sub->graph->corpus->articles->len);
  for (guint i = 0; i < json_array_get_length (articles); i++)
    assert_members (json_array_get_object_element (articles, i), article_members);

  entities = json_object_get_array_member (root, "entities");
  g_assert_cmpuint (json_array_get_length (entities), ==, sub->entities->len);
  for (guint i = 0; i < json_array_get_length (entities); i++)
    {
      JsonObject *e = json_array_get_object_element (entities, i);
      const DossierEntity *entity = dossier_graph_get_entity (sub->graph, g_array_index (sub->entities, guint, i));
      JsonArray *mentions;
      DossierEntityType type;

      assert_members (e, entity_members);
      g_assert_true (dossier_entity_type_from_string (json_object_get_string_member (e, "type"), &type));
      g_assert_cmpint (type, ==, entity->type);
      g_assert_cmpstr (json_object_get_string_member (e, "name"), ==, entity->name);
      g_hash_table_add (ids, (gpointer) json_object_get_string_member (e, "id"));

      mentions = json_object_get_array_member (e, "mentions");
      for (guint m = 0; m < json_array_get_length (mentions); m++)
        {
          JsonObject *mention = json_array_get_object_element (mentions, m);
          const char *section;

          assert_members (mention, mention_members);
          assert_range (sub->graph, mention);
          section = json_object_get_string_member (mention, "section");
          g_assert_true (g_str_equal (section, "body") || g_str_equal (section, "comments") ||
                         g_str_equal (section, "title") || g_str_equal (section, "furniture"));
        }

      for (guint k = 0; layout_members[k] != NULL; k++)
        g_assert_true (json_object_has_member (e, layout_members[k]) == with_layout);
    }
  /* Ids are unique. */
  g_assert_cmpuint (g_hash_table_size (ids), ==, sub->entities->len);

  relations = json_object_get_array_member (root, "relations");
  g_assert_cmpuint (json_array_get_length (relations), ==, sub->relations->len);
  for (guint i = 0; i < json_array_get_length (relations); i++)
    {
      JsonObject *r = json_array_get_object_element (relations, i);
      JsonArray *evidence;
      DossierRelationType type;

      assert_members (r, relation_members);
      g_assert_true (g_hash_table_contains (ids, json_object_get_string_member (r, "source")));
      g_assert_true (g_hash_table_contains (ids, json_object_get_string_member (r, "target")));
      g_assert_true (dossier_relation_type_from_string (json_object_get_string_member (r, "type"), &type));

      evidence = json_object_get_array_member (r, "evidence");
      for (guint k = 0; k < json_array_get_length (evidence); k++)
        {
          JsonObject *ev = json_array_get_object_element (evidence, k);

          assert_members (ev, evidence_members);
          assert_range (sub->graph, ev);
        }

      for (guint k = 0; edge_members[k] != NULL; k++)
        g_assert_true (json_object_has_member (r, edge_members[k]) == with_layout);
    }
}

static void
test_seeds_contract (void)
{
  g_autoptr(DossierSubgraph) sub = test_seeds_subgraph ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierLayout) layout = dossier_layout_compute (sub, DOSSIER_LAYOUT_NEATO, NULL, &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) parser2 = json_parser_new ();
  JsonObject *root;
  JsonObject *layout_object;

  g_assert_no_error (error);
  check_contract (sub, parse (sub, NULL, parser), FALSE);

  root = parse (sub, layout, parser2);
  check_contract (sub, root, TRUE);

  layout_object = json_object_get_object_member (root, "layout");
  g_assert_cmpstr (json_object_get_string_member (layout_object, "engine"), ==, "neato");
  g_assert_cmpfloat (json_object_get_double_member (layout_object, "height"), ==, layout->height);

  /* Positions are the layout's. */
  {
    JsonArray *entities = json_object_get_array_member (root, "entities");
    const DossierLayoutNode *n = &g_array_index (layout->nodes, DossierLayoutNode, 3);
    JsonObject *e = json_array_get_object_element (entities, 3);

    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (e, "x"), n->x, 1e-6);
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (e, "y"), n->y, 1e-6);
  }
}

static void
test_seeds_names (void)
{
  g_autoptr(DossierSubgraph) sub = test_seeds_subgraph ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = parse (sub, NULL, parser);
  JsonArray *entities = json_object_get_array_member (root, "entities");
  const struct { const char *name, *type; } expected[] = {
    { "Oracle", "company" }, { "TikTok", "company" }, { "ByteDance", "company" },
    { "Microsoft", "company" }, { "Donald Trump", "person" },
  };

  for (guint k = 0; k < G_N_ELEMENTS (expected); k++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < json_array_get_length (entities); i++)
        {
          JsonObject *e = json_array_get_object_element (entities, i);

          if (g_str_equal (json_object_get_string_member (e, "name"), expected[k].name))
            {
              g_assert_cmpstr (json_object_get_string_member (e, "type"), ==, expected[k].type);
              g_assert_cmpuint (json_array_get_length (json_object_get_array_member (e, "mentions")), >, 0);
              found = TRUE;
            }
        }
      g_assert_true (found);
    }
}

static void
test_hostile (void)
{
  g_autoptr(DossierGraph) graph = test_hostile_graph ();
  g_autoptr(DossierSubgraph) sub = test_subgraph_all (graph);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = parse (sub, NULL, parser);
  JsonArray *entities = json_object_get_array_member (root, "entities");
  JsonArray *articles = json_object_get_array_member (root, "articles");
  JsonObject *first = json_array_get_object_element (entities, 0);

  check_contract (sub, root, FALSE);
  g_assert_cmpstr (json_object_get_string_member (first, "name"), ==, HOSTILE_NAME);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (first, "aliases"), 0), ==, "O\"R <a>");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (articles, 0), "id"), ==, "hostile <&>.txt");
  /* The mention's text is the name, newline included. */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (first, "mentions"), 0), "text"),
                   ==, HOSTILE_NAME);
}

static void
test_empty (void)
{
  g_autoptr(DossierCorpus) corpus = dossier_corpus_new ();
  g_autoptr(DossierGraph) graph = dossier_graph_new (corpus);
  g_autoptr(DossierSubgraph) sub = test_subgraph_all (graph);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = parse (sub, NULL, parser);

  check_contract (sub, root, FALSE);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "entities")), ==, 0);
}

/* The streaming writer: every string valid JSON (control characters
 * escaped, bytes that are not UTF-8 replaced), laid out as json-glib does. */
static void
test_writer (void)
{
  g_autoptr(DossierJsonWriter) compact = dossier_json_writer_new (NULL, FALSE);
  g_autoptr(DossierJsonWriter) pretty = dossier_json_writer_new (NULL, TRUE);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *reformatted = NULL;
  g_autoptr(GError) error = NULL;

  dossier_json_writer_begin_object (compact);
  dossier_json_writer_member (compact, "s");
  dossier_json_writer_string (compact, "a\x1f\x1b\x7f\n\"\\\xff\xc3(é");
  dossier_json_writer_member (compact, "empty");
  dossier_json_writer_begin_array (compact);
  dossier_json_writer_end_array (compact);
  dossier_json_writer_member (compact, "n");
  dossier_json_writer_null (compact);
  dossier_json_writer_end_object (compact);
  text = dossier_json_writer_steal_data (compact);
  g_assert_cmpstr (text, ==, "{\"s\":\"a\\u001f\\u001b\\u007f\\n\\\"\\\\\xef\xbf\xbd\xef\xbf\xbd(é\",\"empty\":[],\"n\":null}");

  /* The pretty layout is json-glib's own. */
  dossier_json_writer_begin_object (pretty);
  dossier_json_writer_member (pretty, "list");
  dossier_json_writer_begin_array (pretty);
  dossier_json_writer_int (pretty, -3);
  dossier_json_writer_double (pretty, 0.1);
  dossier_json_writer_double (pretty, 2);
  dossier_json_writer_begin_object (pretty);
  dossier_json_writer_member (pretty, "b");
  dossier_json_writer_boolean (pretty, TRUE);
  dossier_json_writer_end_object (pretty);
  dossier_json_writer_end_array (pretty);
  dossier_json_writer_member (pretty, "none");
  dossier_json_writer_begin_array (pretty);
  dossier_json_writer_end_array (pretty);
  dossier_json_writer_end_object (pretty);
  g_clear_pointer (&text, g_free);
  text = dossier_json_writer_steal_data (pretty);

  root = json_from_string (text, &error);
  g_assert_no_error (error);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  reformatted = json_generator_to_data (generator, NULL);
  g_assert_cmpstr (text, ==, reformatted);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/json/seeds/contract", test_seeds_contract);
  g_test_add_func ("/json/seeds/names", test_seeds_names);
  g_test_add_func ("/json/hostile", test_hostile);
  g_test_add_func ("/json/empty", test_empty);
  g_test_add_func ("/json/writer", test_writer);

  return g_test_run ();
}
