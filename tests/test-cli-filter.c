/* test-cli-filter.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The filters of dossier-cli on the seeds, each checked against what the
 * unfiltered extraction says: dates, an actor's neighbourhood, reader
 * comments, and the messages for bad values. */

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cli-test-util.h"

/* Runs $DOSSIER_CLI extract --json --no-edits on the seeds with @args;
 * returns the parsed root, or NULL with *stderr_out set on failure. */
static JsonObject *
extract (const char * const *args,
         char              **stderr_out)
{
  const char *command[] = { "extract", "--json", "--no-edits", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (cli_test_run_on_seeds (command, args, &out, &err) != 0)
    {
      if (stderr_out != NULL)
        *stderr_out = g_steal_pointer (&err);
      return NULL;
    }

  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* Entity id -> name. */
static GHashTable *
names_by_id (JsonObject *root)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonArray *entities = json_object_get_array_member (root, "entities");

  for (guint i = 0; i < json_array_get_length (entities); i++)
    {
      JsonObject *e = json_array_get_object_element (entities, i);
      g_hash_table_insert (names,
                           g_strdup (json_object_get_string_member (e, "id")),
                           g_strdup (json_object_get_string_member (e, "name")));
    }

  return names;
}

static GHashTable *
entity_set (JsonObject *root)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *entities = json_object_get_array_member (root, "entities");

  for (guint i = 0; i < json_array_get_length (entities); i++)
    g_hash_table_add (set, g_strdup (json_object_get_string_member (json_array_get_object_element (entities, i), "name")));

  return set;
}

/* "source|type|target" by name. */
static char *
relation_key (GHashTable *names,
              JsonObject *relation)
{
  return g_strdup_printf ("%s|%s|%s",
                          (char *) g_hash_table_lookup (names, json_object_get_string_member (relation, "source")),
                          json_object_get_string_member (relation, "type"),
                          (char *) g_hash_table_lookup (names, json_object_get_string_member (relation, "target")));
}

static GHashTable *
relation_set (JsonObject *root)
{
  g_autoptr(GHashTable) names = names_by_id (root);
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *relations = json_object_get_array_member (root, "relations");

  for (guint i = 0; i < json_array_get_length (relations); i++)
    g_hash_table_add (set, relation_key (names, json_array_get_object_element (relations, i)));

  return set;
}

static void
test_date_range (void)
{
  const char *args[] = { "--to", "2020-12-31", NULL };
  g_autoptr(JsonObject) all = extract (NULL, NULL);
  g_autoptr(JsonObject) to_2020 = extract (args, NULL);
  g_autoptr(GHashTable) names = names_by_id (all);
  g_autoptr(GHashTable) kept = relation_set (to_2020);
  JsonArray *relations = json_object_get_array_member (all, "relations");
  guint later_only = 0, early = 0;

  g_assert_nonnull (all);
  g_assert_nonnull (to_2020);

  /* A relation stays exactly when one of its passages is dated 2020 or
   * before; relations told only by the 2021 and 2025 articles go. */
  for (guint i = 0; i < json_array_get_length (relations); i++)
    {
      JsonObject *r = json_array_get_object_element (relations, i);
      JsonArray *evidence = json_object_get_array_member (r, "evidence");
      g_autofree char *key = relation_key (names, r);
      gboolean any_early = FALSE;
      gboolean only_late_articles = TRUE;

      for (guint e = 0; e < json_array_get_length (evidence); e++)
        {
          JsonObject *ev = json_array_get_object_element (evidence, e);
          const char *date = json_object_get_string_member_with_default (ev, "date", NULL);
          const char *article = json_object_get_string_member (ev, "article");

          if (date != NULL && strncmp (date, "2021", 4) < 0)
            any_early = TRUE;
          if (!g_str_has_prefix (article, "003_") && !g_str_has_prefix (article, "004_"))
            only_late_articles = FALSE;
        }

      g_test_message ("%s: %s", key, any_early ? "kept" : "dropped");
      g_assert_cmpint (g_hash_table_contains (kept, key), ==, any_early);
      if (any_early)
        early++;
      if (only_late_articles && !any_early)
        later_only++;
    }

  g_assert_cmpuint (early, >, 0);
  g_assert_cmpuint (later_only, >, 0);
}

static void
test_actor_neighbourhood (void)
{
  const char *args[] = { "--actor", "Josh Hawley", "--depth", "1", NULL };
  g_autoptr(JsonObject) all = extract (NULL, NULL);
  g_autoptr(JsonObject) focus = extract (args, NULL);
  g_autoptr(GHashTable) names = names_by_id (all);
  g_autoptr(GHashTable) expected = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) shown = entity_set (focus);
  JsonArray *relations = json_object_get_array_member (all, "relations");
  GHashTableIter iter;
  gpointer key;

  g_hash_table_add (expected, (char *) "Josh Hawley");
  for (guint i = 0; i < json_array_get_length (relations); i++)
    {
      JsonObject *r = json_array_get_object_element (relations, i);
      const char *s = g_hash_table_lookup (names, json_object_get_string_member (r, "source"));
      const char *t = g_hash_table_lookup (names, json_object_get_string_member (r, "target"));

      if (g_str_equal (s, "Josh Hawley"))
        g_hash_table_add (expected, (char *) t);
      if (g_str_equal (t, "Josh Hawley"))
        g_hash_table_add (expected, (char *) s);
    }

  /* Hawley has neighbours in the gold file (Oracle, TikTok, ByteDance, the PCC). */
  g_assert_cmpuint (g_hash_table_size (expected), >=, 2);
  g_assert_cmpuint (g_hash_table_size (shown), ==, g_hash_table_size (expected));
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_assert_true (g_hash_table_contains (shown, key));
}

static gboolean
in_comments (JsonObject *root,
             const char *article_id,
             gint64      start)
{
  JsonArray *articles = json_object_get_array_member (root, "articles");

  for (guint i = 0; i < json_array_get_length (articles); i++)
    {
      JsonObject *a = json_array_get_object_element (articles, i);
      JsonArray *sections = json_object_get_array_member (a, "sections");

      if (!g_str_equal (json_object_get_string_member (a, "id"), article_id))
        continue;
      for (guint s = 0; s < json_array_get_length (sections); s++)
        {
          JsonObject *section = json_array_get_object_element (sections, s);

          if (g_str_equal (json_object_get_string_member (section, "kind"), "comments") &&
              start >= json_object_get_int_member (section, "start") &&
              start < json_object_get_int_member (section, "end"))
            return TRUE;
        }
    }
  return FALSE;
}

/* Mentions in a comment section plus passages that start in one. */
static guint
count_comment_passages (JsonObject *root)
{
  JsonArray *entities = json_object_get_array_member (root, "entities");
  JsonArray *relations = json_object_get_array_member (root, "relations");
  guint count = 0;

  for (guint i = 0; i < json_array_get_length (entities); i++)
    {
      JsonArray *mentions = json_object_get_array_member (json_array_get_object_element (entities, i), "mentions");

      for (guint m = 0; m < json_array_get_length (mentions); m++)
        if (g_str_equal (json_object_get_string_member (json_array_get_object_element (mentions, m), "section"), "comments"))
          count++;
    }
  for (guint i = 0; i < json_array_get_length (relations); i++)
    {
      JsonArray *evidence = json_object_get_array_member (json_array_get_object_element (relations, i), "evidence");

      for (guint e = 0; e < json_array_get_length (evidence); e++)
        {
          JsonObject *ev = json_array_get_object_element (evidence, e);

          if (in_comments (root, json_object_get_string_member (ev, "article"),
                           json_object_get_int_member (ev, "start")))
            count++;
        }
    }
  return count;
}

static void
test_no_comments (void)
{
  const char *args[] = { "--no-comments", NULL };
  g_autoptr(JsonObject) all = extract (NULL, NULL);
  g_autoptr(JsonObject) body = extract (args, NULL);
  g_autoptr(GHashTable) shown = entity_set (body);
  JsonArray *entities = json_object_get_array_member (all, "entities");
  guint comment_only = 0;

  for (guint i = 0; i < json_array_get_length (entities); i++)
    {
      JsonObject *e = json_array_get_object_element (entities, i);
      JsonArray *mentions = json_object_get_array_member (e, "mentions");
      const char *name = json_object_get_string_member (e, "name");
      gboolean in_body = FALSE;

      for (guint m = 0; m < json_array_get_length (mentions); m++)
        if (!g_str_equal (json_object_get_string_member (json_array_get_object_element (mentions, m), "section"), "comments"))
          in_body = TRUE;

      g_assert_cmpint (g_hash_table_contains (shown, name), ==, in_body);
      if (!in_body)
        comment_only++;
    }

  /* Reader comments of the seeds name actors the articles do not (IBM…). */
  g_assert_cmpuint (comment_only, >, 0);

  /* Nor does any mention or passage from a comment stay in the result
   * (only the actors seen in comments alone used to go). */
  g_assert_cmpuint (count_comment_passages (all), >, 0);
  g_assert_cmpuint (count_comment_passages (body), ==, 0);
}

static void
test_bad_values (void)
{
  const struct { const char *args[4]; const char *expected; } cases[] = {
    { { "--actor", "Josh Hawly", NULL }, "Josh Hawley" },
    { { "--from", "2021", "--to", "2020" }, "2021" },
    { { "--from", "31/12/2020", NULL }, "31/12/2020" },
    { { "--depth", "7", NULL }, "--depth" },
    { { "--entity-types", "planet", NULL }, "planet" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *err = NULL;
      const char *args[5] = { cases[i].args[0], cases[i].args[1], cases[i].args[2], cases[i].args[3], NULL };
      g_autoptr(JsonObject) root = extract (args, &err);

      g_assert_null (root);
      g_assert_nonnull (err);
      g_test_message ("%s", err);
      g_assert_true (g_str_has_prefix (err, "dossier-cli: "));
      g_assert_nonnull (strstr (err, cases[i].expected));
    }
}

/* A folder with a binary and a Latin-1 file: the Latin-1 text is read
 * right, the binary file gets one line, and the status says "partial". */
static void
test_mixed_folder (void)
{
  g_autofree char *dir = g_build_filename (g_get_tmp_dir (), "mixed", NULL);
  g_autofree char *binary = g_build_filename (dir, "binary.txt", NULL);
  g_autofree char *latin1 = g_build_filename (dir, "latin1.txt", NULL);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (binary, "PK\003\004\0\0\024\0binary", sizeof "PK\003\004\0\0\024\0binary" - 1, NULL));
  g_assert_true (g_file_set_contents (latin1, "R\351seau s\373r : Oracle et TikTok n\351gocient\n\nLe r\351seau \351tait s\373r.\n", -1, NULL));

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                           g_getenv ("DOSSIER_CLI"), "extract", "--json", dir, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);

  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 3);
  g_assert_nonnull (strstr (out, "\"Réseau sûr : Oracle et TikTok négocient\""));
  lines = g_strsplit (g_strchomp (err), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  g_assert_true (g_str_has_prefix (lines[0], "dossier-cli: "));
  g_assert_nonnull (strstr (lines[0], "binary.txt"));
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* An undated article and a dated one (issue #15). */
static char *
make_undated_corpus (void)
{
  char *dir = g_build_filename (g_get_tmp_dir (), "undated", NULL);
  g_autofree char *a = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *b = g_build_filename (dir, "b.txt", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (a, "Microsoft rachète TikTok\n\nMicrosoft a racheté TikTok.\n", -1, NULL));
  g_assert_true (g_file_set_contents (b, "Publié le 14/03/2019\n\nOracle rachète Cerner\n\n"
                                         "Oracle a racheté Cerner, selon Reuters.\n", -1, NULL));
  return dir;
}

/* A date range keeps undated evidence and says so; --dated-only drops it,
 * in extract and export alike. */
static void
test_dated_only (void)
{
  g_autofree char *dir = make_undated_corpus ();
  const char *commands[][4] = {
    { "extract", "--json", NULL },
    { "export", "--format=json", "--output=-", NULL },
  };

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    for (guint dated = 0; dated < 2; dated++)
      {
        g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
        g_auto(GStrv) args = NULL;
        g_autofree char *out = NULL;
        g_autofree char *err = NULL;
        g_autoptr(JsonObject) root = NULL;
        g_autoptr(GHashTable) relations = NULL;

        g_strv_builder_addv (builder, (const char **) commands[c]);
        g_strv_builder_add_many (builder, "--no-edits", "--from", "2019", "--to", "2019", NULL);
        if (dated)
          g_strv_builder_add (builder, "--dated-only");
        g_strv_builder_add (builder, dir);
        args = g_strv_builder_end (builder);

        g_assert_cmpint (cli_test_run ((const char * const *) args, &out, &err), ==, 0);
        g_test_message ("%s%s: %s", commands[c][0], dated ? " --dated-only" : "", err);
        root = parse_object (out);
        relations = relation_set (root);
        g_assert_cmpint (g_hash_table_contains (relations, "Microsoft|acquires|TikTok"), ==, !dated);
        g_assert_cmpint (strstr (err, "undated passages kept") != NULL, ==, !dated);
      }
}

static gboolean
json_member_is_int (JsonObject *object,
                    const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && json_node_get_value_type (node) == G_TYPE_INT64;
}

static void
count_ends (JsonArray *array,
            guint      index,
            JsonNode  *node,
            gpointer   user_data)
{
  GHashTable *degree = user_data;
  JsonObject *r = json_node_get_object (node);
  const char *source = json_object_get_string_member (r, "source");
  const char *target = json_object_get_string_member (r, "target");

  g_hash_table_insert (degree, g_strdup (source), GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (degree, source)) + 1));
  if (!g_str_equal (source, target))
    g_hash_table_insert (degree, g_strdup (target), GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (degree, target)) + 1));
}

/* Relations at each entity id, from the JSON itself. */
static GHashTable *
degrees (JsonObject *root)
{
  GHashTable *degree = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  json_array_foreach_element (json_object_get_array_member (root, "relations"), count_ends, degree);
  return degree;
}

/* Issue #16: weight, community and pinned on every entity; the weight
 * follows --size-by; --cluster keeps one community. */
static void
test_export_measures (void)
{
  const char *args[] = { "export", "--format=json", "-o", "-", "--no-edits", "--size-by", "degree",
                         g_getenv ("DOSSIER_SEEDS_DIR"), NULL };
  const char *bad[] = { "export", "--format=json", "-o", "-", "--size-by", "fame", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(GHashTable) degree = NULL;
  JsonArray *entities;
  gint64 leader_community = -1;
  const char *leader = NULL;
  guint n_leader = 0;

  g_assert_cmpint (cli_test_run (args, &out, &err), ==, 0);
  root = parse_object (out);
  degree = degrees (root);
  entities = json_object_get_array_member (root, "entities");
  g_assert_cmpuint (json_array_get_length (entities), >, 10);
  for (guint i = 0; i < json_array_get_length (entities); i++)
    {
      JsonObject *e = json_array_get_object_element (entities, i);
      guint expected = GPOINTER_TO_UINT (g_hash_table_lookup (degree, json_object_get_string_member (e, "id")));

      g_assert_cmpfloat (json_object_get_double_member (e, "weight"), ==, expected);
      g_assert_true (json_member_is_int (e, "community"));
      g_assert_false (json_object_get_boolean_member (e, "pinned"));
      if (json_object_get_int_member (e, "community") == 0 && leader == NULL)
        leader = json_object_get_string_member (e, "name");
    }

  /* Only the community of one of its members. */
  {
    const char *cluster[] = { "export", "--format=json", "-o", "-", "--no-edits", "--cluster", leader,
                              g_getenv ("DOSSIER_SEEDS_DIR"), NULL };
    g_autofree char *cluster_out = NULL;
    g_autoptr(JsonObject) cluster_root = NULL;
    JsonArray *members;

    g_clear_pointer (&err, g_free);
    g_assert_cmpint (cli_test_run (cluster, &cluster_out, &err), ==, 0);
    cluster_root = parse_object (cluster_out);
    members = json_object_get_array_member (cluster_root, "entities");
    for (guint i = 0; i < json_array_get_length (members); i++)
      {
        JsonObject *e = json_array_get_object_element (members, i);

        if (leader_community < 0)
          leader_community = json_object_get_int_member (e, "community");
        g_assert_cmpint (json_object_get_int_member (e, "community"), ==, leader_community);
        n_leader++;
      }
    g_assert_cmpint (leader_community, ==, 0);
    g_assert_cmpuint (n_leader, >, 1);
    g_assert_cmpuint (n_leader, <, json_array_get_length (entities));
  }

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_test_run (bad, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "fame"));
}

/* GraphML and DOT carry the same three attributes. */
static void
test_export_measures_formats (void)
{
  const char *formats[][2] = {
    { "graphml", "<data key=\"node_weight\">" },
    { "dot", ", weight=" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *format = g_strdup_printf ("--format=%s", formats[i][0]);
      const char *args[] = { "export", format, "-o", "-", "--no-edits", "--show-isolated",
                             g_getenv ("DOSSIER_SEEDS_DIR"), NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (cli_test_run (args, &out, &err), ==, 0);
      g_assert_nonnull (strstr (out, formats[i][1]));
      g_assert_true (strstr (out, "<data key=\"pinned\">false</data>") != NULL ||
                     strstr (out, "pinned=false") != NULL);
      g_assert_true (strstr (out, "<data key=\"community\">0</data>") != NULL ||
                     strstr (out, "community=0") != NULL);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/filter/date-range", test_date_range);
  g_test_add_func ("/cli/filter/actor-neighbourhood", test_actor_neighbourhood);
  g_test_add_func ("/cli/filter/no-comments", test_no_comments);
  g_test_add_func ("/cli/filter/bad-values", test_bad_values);
  g_test_add_func ("/cli/mixed-folder", test_mixed_folder);
  g_test_add_func ("/cli/filter/dated-only", test_dated_only);
  g_test_add_func ("/cli/export/measures", test_export_measures);
  g_test_add_func ("/cli/export/measures-formats", test_export_measures_formats);

  return g_test_run ();
}
