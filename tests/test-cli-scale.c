/* test-cli-scale.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* dossier-cli at scale, as a script sees it: output that does not depend
 * on --jobs, JSON Lines that say the same as --json, file names that are
 * not UTF-8 or hold control characters still giving valid JSON, and a
 * corpus split in four shards (names pass, extraction with the names,
 * merge) giving the actors and relation keys of one unsharded run. */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cli-test-util.h"
#include "dossier-types.h"
#include "gen-corpus.h"
#include "test-util.h"

#define N_ARTICLES 1200
#define N_SHARDS   4

typedef struct
{
  int     status;
  GBytes *out;
  char   *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_bytes_unref);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs $DOSSIER_CLI with @args; stdout is kept as bytes (it must be
 * checked, not trusted, to be UTF-8). */
static void
run_cliv (Run                *run,
          const char * const *args)
{
  g_autoptr(GSubprocess) proc = cli_test_spawn (args);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) err = NULL;

  g_subprocess_communicate (proc, NULL, NULL, &run->out, &err, &error);
  g_assert_no_error (error);
  run->err = g_strndup (g_bytes_get_data (err, NULL), g_bytes_get_size (err));
  if (!g_subprocess_get_if_exited (proc))
    g_error ("dossier-cli %s did not exit (signal %d): %s", args[0],
             g_subprocess_get_term_sig (proc), run->err);
  run->status = g_subprocess_get_exit_status (proc);
}

#define run_cli(run, ...) run_cliv ((run), (const char * const[]) { __VA_ARGS__, NULL })

static void
assert_success (Run *run)
{
  if (run->status != 0)
    g_error ("dossier-cli failed (%d): %s", run->status, run->err);
}

static void
write_file (const char *path,
            GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

static JsonNode *
parse_bytes (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  JsonNode *root;

  g_assert_true (g_utf8_validate (data, len, NULL));
  root = json_from_string (g_bytes_get_data (bytes, NULL), &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return root;
}

/* A generated corpus: all/ holds every article, shard-K/ every fourth. */
typedef struct
{
  char *root;
  char *all;
  char *shards[N_SHARDS];
} Corpus;

static Corpus corpus;

static void
make_corpus (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierGen) gen = NULL;
  DossierGenOptions options;

  dossier_gen_options_init (&options);
  options.seed = 7;
  options.n_articles = N_ARTICLES;
  options.seeds_dir = g_getenv ("DOSSIER_SEEDS_DIR");
  options.gazetteer_dir = g_getenv ("DOSSIER_DATA_DIR");
  gen = dossier_gen_new (&options, &error);
  g_assert_no_error (error);

  corpus.root = g_dir_make_tmp ("dossier-scale-XXXXXX", &error);
  g_assert_no_error (error);
  corpus.all = g_build_filename (corpus.root, "all", NULL);
  g_assert_cmpint (g_mkdir (corpus.all, 0700), ==, 0);
  for (guint k = 0; k < N_SHARDS; k++)
    {
      g_autofree char *name = g_strdup_printf ("shard-%u", k);

      corpus.shards[k] = g_build_filename (corpus.root, name, NULL);
      g_assert_cmpint (g_mkdir (corpus.shards[k], 0700), ==, 0);
    }

  for (guint i = 0; i < N_ARTICLES; i++)
    {
      g_autofree char *text = dossier_gen_article (gen, i);
      g_autofree char *name = g_strdup_printf ("%05u.txt", i);
      g_autofree char *path = g_build_filename (corpus.all, name, NULL);
      g_autofree char *shard_path = g_build_filename (corpus.shards[i % N_SHARDS], name, NULL);

      g_file_set_contents (path, text, -1, &error);
      g_assert_no_error (error);
      g_file_set_contents (shard_path, text, -1, &error);
      g_assert_no_error (error);
    }
}

/* --jobs changes the speed, never a byte of the output. */
static void
test_jobs_identical (void)
{
  g_auto(Run) one = { 0 };
  g_auto(Run) two = { 0 };
  g_auto(Run) lines = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_auto(GStrv) split = NULL;
  JsonObject *top;
  guint counts[3] = { 0, 0, 0 };
  guint last = 0;
  const char *kinds[3] = { "article", "entity", "relation" };

  run_cli (&one, "extract", "--json", "--no-cache", "--jobs", "1", corpus.shards[0]);
  assert_success (&one);
  run_cli (&two, "extract", "--json", "--no-cache", "--jobs", "2", corpus.shards[0]);
  assert_success (&two);
  g_assert_true (g_bytes_equal (one.out, two.out));

  /* JSON Lines: one object a line, the same records as --json. */
  run_cli (&lines, "extract", "--jsonl", "--no-cache", "--jobs", "2", corpus.shards[0]);
  assert_success (&lines);
  root = parse_bytes (one.out);
  top = json_node_get_object (root);
  split = g_strsplit (g_bytes_get_data (lines.out, NULL), "\n", -1);
  for (guint i = 0; split[i] != NULL; i++)
    {
      g_autoptr(JsonNode) line = NULL;
      g_autoptr(GError) error = NULL;
      const char *kind;
      guint k;

      if (split[i][0] == '\0')
        {
          g_assert_null (split[i + 1]);
          break;
        }
      line = json_from_string (split[i], &error);
      g_assert_no_error (error);
      kind = json_object_get_string_member (json_node_get_object (line), "kind");
      for (k = 0; k < 3 && g_strcmp0 (kind, kinds[k]) != 0; k++)
        ;
      g_assert_cmpuint (k, <, 3);
      /* In order: articles, then entities, then relations. */
      g_assert_cmpuint (k, >=, last);
      last = k;
      counts[k % 3]++;
    }
  g_assert_cmpuint (counts[0], ==, json_array_get_length (json_object_get_array_member (top, "articles")));
  g_assert_cmpuint (counts[1], ==, json_array_get_length (json_object_get_array_member (top, "entities")));
  g_assert_cmpuint (counts[2], ==, json_array_get_length (json_object_get_array_member (top, "relations")));
  g_assert_cmpuint (counts[0], ==, N_ARTICLES / N_SHARDS);
  g_assert_cmpuint (counts[2], >, 0);
}

/* Names with bytes that are not UTF-8, ESC or a newline: valid JSON, the
 * readable name escaped, the raw bytes in base64 when they are lost. */
static void
test_file_names (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-names-XXXXXX", &error);
  static const char article[] = "Oracle rachète TikTok.\n\nOracle a annoncé lundi le rachat de TikTok.\n";
  g_autoptr(GBytes) text = g_bytes_new_static (article, sizeof article - 1);
  const char *names[] = { "latin1-\xe9t\xe9.txt", "esc-\x1b[31m.txt", "new\nline.txt" };
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *articles;
  guint found = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      write_file (path, text);
    }

  run_cli (&run, "extract", "--json", "--no-cache", "--quiet", dir);
  assert_success (&run);
  root = parse_bytes (run.out);
  articles = json_object_get_array_member (json_node_get_object (root), "articles");
  g_assert_cmpuint (json_array_get_length (articles), ==, G_N_ELEMENTS (names));

  for (guint i = 0; i < json_array_get_length (articles); i++)
    {
      JsonObject *a = json_array_get_object_element (articles, i);
      const char *path = json_object_get_string_member (a, "path");

      for (guint n = 0; n < G_N_ELEMENTS (names); n++)
        {
          g_autofree char *expected = g_build_filename (dir, names[n], NULL);

          if (g_utf8_validate (expected, -1, NULL))
            {
              if (g_strcmp0 (path, expected) != 0)
                continue;
              /* Nothing was lost: no bytes field. */
              g_assert_false (json_object_has_member (a, "path_bytes"));
              found++;
            }
          else if (json_object_has_member (a, "path_bytes"))
            {
              gsize len;
              g_autofree guchar *raw = g_base64_decode (json_object_get_string_member (a, "path_bytes"), &len);

              g_assert_cmpmem (raw, len, expected, strlen (expected));
              g_assert_nonnull (strstr (path, "\xef\xbf\xbd"));
              found++;
            }
        }
    }
  g_assert_cmpuint (found, ==, G_N_ELEMENTS (names));

  test_remove_tree (dir);
}

typedef struct
{
  GHashTable *actors;     /* "name\ttype" */
  GHashTable *relations;  /* "source\ttype\ttarget", symmetric types by name order */
  guint       passages;
} Keys;

static void
keys_clear (Keys *keys)
{
  g_clear_pointer (&keys->actors, g_hash_table_unref);
  g_clear_pointer (&keys->relations, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Keys, keys_clear)

static void
read_keys (GBytes *json,
           Keys   *keys)
{
  g_autoptr(JsonNode) root = parse_bytes (json);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *top = json_node_get_object (root);
  JsonArray *entities = json_object_get_array_member (top, "entities");
  JsonArray *relations = json_object_get_array_member (top, "relations");

  keys->actors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  keys->relations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < json_array_get_length (entities); i++)
    {
      JsonObject *e = json_array_get_object_element (entities, i);
      const char *name = json_object_get_string_member (e, "name");

      g_hash_table_insert (names, (char *) json_object_get_string_member (e, "id"), (char *) name);
      g_hash_table_add (keys->actors, g_strdup_printf ("%s\t%s", name, json_object_get_string_member (e, "type")));
    }

  for (guint i = 0; i < json_array_get_length (relations); i++)
    {
      JsonObject *r = json_array_get_object_element (relations, i);
      const char *source = g_hash_table_lookup (names, json_object_get_string_member (r, "source"));
      const char *target = g_hash_table_lookup (names, json_object_get_string_member (r, "target"));
      const char *type = json_object_get_string_member (r, "type");
      DossierRelationType t;

      g_assert_nonnull (source);
      g_assert_nonnull (target);
      g_assert_true (dossier_relation_type_from_string (type, &t));
      if (dossier_relation_type_is_symmetric (t) && strcmp (source, target) > 0)
        {
          const char *swap = source;

          source = target;
          target = swap;
        }
      g_hash_table_add (keys->relations, g_strdup_printf ("%s\t%s\t%s", source, type, target));
      keys->passages += json_array_get_length (json_object_get_array_member (r, "evidence"));
    }
}

static void
assert_same_keys (GHashTable *expected,
                  GHashTable *actual,
                  const char *what)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (actual, key))
      g_error ("%s missing from the merged shards: %s", what, (char *) key);
  g_hash_table_iter_init (&iter, actual);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (expected, key))
      g_error ("%s only in the merged shards: %s", what, (char *) key);
}

/* The README's recipe, run on one machine. */
static void
test_shards (void)
{
  g_autofree char *names = g_build_filename (corpus.root, "names.gaz", NULL);
  g_autoptr(GPtrArray) names_args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) merge_args = g_ptr_array_new_with_free_func (g_free);
  g_auto(Run) merged = { 0 };
  g_auto(Run) single = { 0 };
  g_auto(Keys) expected = { 0 };
  g_auto(Keys) actual = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *relations;

  /* First pass: each shard's names, then one file of them all. */
  g_ptr_array_add (names_args, g_strdup ("names"));
  g_ptr_array_add (names_args, g_strdup ("--output"));
  g_ptr_array_add (names_args, g_strdup (names));
  for (guint k = 0; k < N_SHARDS; k++)
    {
      g_autofree char *shard_names = g_strdup_printf ("%s/names-%u.gaz", corpus.root, k);
      g_auto(Run) run = { 0 };

      run_cli (&run, "names", "--output", shard_names, corpus.shards[k]);
      assert_success (&run);
      g_assert_true (g_file_test (shard_names, G_FILE_TEST_IS_REGULAR));
      g_ptr_array_add (names_args, g_steal_pointer (&shard_names));
    }
  g_ptr_array_add (names_args, NULL);
  {
    g_auto(Run) run = { 0 };
    g_autofree char *contents = NULL;

    run_cliv (&run, (const char * const *) names_args->pdata);
    assert_success (&run);
    g_assert_true (g_file_get_contents (names, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "\n#= "));
  }

  /* Second pass: each shard with the names, then the merge. */
  g_ptr_array_add (merge_args, g_strdup ("merge"));
  for (guint k = 0; k < N_SHARDS; k++)
    {
      g_autofree char *out = g_strdup_printf ("%s/shard-%u.json", corpus.root, k);
      g_auto(Run) run = { 0 };

      run_cli (&run, "extract", "--json", "--no-cache", "--gazetteer", names, corpus.shards[k]);
      assert_success (&run);
      write_file (out, run.out);
      g_ptr_array_add (merge_args, g_steal_pointer (&out));
    }
  g_ptr_array_add (merge_args, NULL);
  run_cliv (&merged, (const char * const *) merge_args->pdata);
  assert_success (&merged);

  run_cli (&single, "extract", "--json", "--no-cache", "--gazetteer", names, corpus.all);
  assert_success (&single);

  read_keys (single.out, &expected);
  read_keys (merged.out, &actual);
  g_test_message ("%u actors, %u relations, %u passages unsharded; %u passages merged",
                  g_hash_table_size (expected.actors), g_hash_table_size (expected.relations),
                  expected.passages, actual.passages);
  g_assert_cmpuint (g_hash_table_size (expected.relations), >, 100);
  assert_same_keys (expected.actors, actual.actors, "actor");
  assert_same_keys (expected.relations, actual.relations, "relation");

  /* Every passage keeps its article's path. */
  root = parse_bytes (merged.out);
  relations = json_object_get_array_member (json_node_get_object (root), "relations");
  for (guint i = 0; i < json_array_get_length (relations); i++)
    {
      JsonArray *evidence = json_object_get_array_member (json_array_get_object_element (relations, i), "evidence");

      for (guint e = 0; e < json_array_get_length (evidence); e++)
        {
          const char *path = json_object_get_string_member (json_array_get_object_element (evidence, e), "path");

          g_assert_nonnull (path);
          g_assert_true (g_str_has_prefix (path, corpus.root));
        }
    }
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (root), "articles")),
                    ==, N_ARTICLES);
}

/* Refusals are one line on stderr: 2 for the command line, 1 for a file. */
static void
test_merge_errors (void)
{
  g_autofree char *bad = g_build_filename (corpus.root, "not-extract.json", NULL);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("{\"a\": 1}", 8);
  g_auto(Run) none = { 0 };
  g_auto(Run) wrong = { 0 };
  g_auto(Run) names = { 0 };

  run_cli (&none, "merge");
  g_assert_cmpint (none.status, ==, 2);
  g_assert_true (g_str_has_prefix (none.err, "dossier-cli: "));
  g_assert_null (strchr (none.err, '\n') == NULL ? "no newline" : strchr (none.err, '\n')[1] == '\0' ? NULL : "several lines");

  write_file (bad, bytes);
  run_cli (&wrong, "merge", bad);
  g_assert_cmpint (wrong.status, ==, 1);
  g_assert_nonnull (strstr (wrong.err, "not-extract.json"));
  g_assert_cmpuint (g_bytes_get_size (wrong.out), ==, 0);

  run_cli (&names, "names", corpus.shards[0]);
  g_assert_cmpint (names.status, ==, 2);
  g_assert_nonnull (strstr (names.err, "-o FILE"));
}

int
main (int    argc,
      char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  make_corpus ();

  g_test_add_func ("/cli-scale/jobs-identical", test_jobs_identical);
  g_test_add_func ("/cli-scale/file-names", test_file_names);
  g_test_add_func ("/cli-scale/shards", test_shards);
  g_test_add_func ("/cli-scale/merge-errors", test_merge_errors);

  ret = g_test_run ();

  test_remove_tree (corpus.root);
  g_free (corpus.root);
  g_free (corpus.all);
  for (guint k = 0; k < N_SHARDS; k++)
    g_free (corpus.shards[k]);
  return ret;
}
