/* test-cli.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* dossier-cli as a script sees it: the extract contract on the seeds,
 * every export format parsed back, hostile names from a user gazetteer,
 * and errors that are one line on stderr with a non-zero status. */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <graphviz/cgraph.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cli-test-util.h"
#include "test-util.h"
#include "xml-test-util.h"

typedef struct
{
  int    status;
  char  *out;
  char  *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs $DOSSIER_CLI with the arguments up to NULL. */
static void
run_cli (Run        *run,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  run->status = cli_test_run ((const char * const *) args->pdata, &run->out, &run->err);
}

static void
assert_success (Run *run)
{
  if (run->status != 0)
    g_error ("dossier-cli failed (%d): %s", run->status, run->err);
}

/* One line, prefixed, naming @what; and a failure status. */
static void
assert_one_line_error (Run        *run,
                       const char *what)
{
  g_test_message ("stderr: %s", run->err);
  g_assert_cmpint (run->status, !=, 0);
  g_assert_true (g_str_has_prefix (run->err, "dossier-cli: "));
  g_assert_true (g_str_has_suffix (run->err, "\n"));
  g_assert_null (strchr (run->err, '\n') + 1 == run->err + strlen (run->err) ? NULL : "more than one line");
  if (what != NULL)
    g_assert_nonnull (strstr (run->err, what));
}

static char *
seeds_dir (void)
{
  const char *dir = g_getenv ("DOSSIER_SEEDS_DIR");

  g_assert_nonnull (dir);
  return g_strdup (dir);
}

static JsonObject *
parse_json (JsonParser *parser,
            const char *text,
            gssize      len)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, len, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

static JsonObject *
find_entity (JsonArray  *entities,
             const char *name)
{
  for (guint i = 0; i < json_array_get_length (entities); i++)
    {
      JsonObject *e = json_array_get_object_element (entities, i);

      if (g_str_equal (json_object_get_string_member (e, "name"), name))
        return e;
    }
  return NULL;
}

static void
test_extract_json (void)
{
  g_autofree char *seeds = seeds_dir ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  const struct { const char *name, *type; } expected[] = {
    { "Oracle", "company" }, { "TikTok", "company" }, { "ByteDance", "company" },
    { "Microsoft", "company" }, { "Donald Trump", "person" },
  };
  JsonObject *root;
  JsonArray *articles, *entities;
  guint checked = 0;

  run_cli (&run, "extract", "--json", seeds, NULL);
  assert_success (&run);
  root = parse_json (parser, run.out, -1);
  articles = json_object_get_array_member (root, "articles");
  entities = json_object_get_array_member (root, "entities");
  g_assert_cmpuint (json_array_get_length (articles), ==, 5);

  /* The seeds are UTF-8 with \n line ends: the text as loaded is the file. */
  for (guint i = 0; i < json_array_get_length (articles); i++)
    {
      JsonObject *a = json_array_get_object_element (articles, i);
      char *contents = NULL;

      g_assert_true (g_file_get_contents (json_object_get_string_member (a, "path"), &contents, NULL, NULL));
      g_hash_table_insert (texts, (gpointer) json_object_get_string_member (a, "id"), contents);
    }

  for (guint k = 0; k < G_N_ELEMENTS (expected); k++)
    {
      JsonObject *e = find_entity (entities, expected[k].name);
      JsonArray *mentions;

      g_assert_nonnull (e);
      g_assert_cmpstr (json_object_get_string_member (e, "type"), ==, expected[k].type);
      mentions = json_object_get_array_member (e, "mentions");
      g_assert_cmpuint (json_array_get_length (mentions), >, 0);

      for (guint m = 0; m < json_array_get_length (mentions); m++)
        {
          JsonObject *mention = json_array_get_object_element (mentions, m);
          const char *text = g_hash_table_lookup (texts, json_object_get_string_member (mention, "article"));
          gint64 start = json_object_get_int_member (mention, "start");
          gint64 end = json_object_get_int_member (mention, "end");
          const char *span = json_object_get_string_member (mention, "text");

          g_assert_nonnull (text);
          g_assert_cmpint (end, <=, strlen (text));
          g_assert_cmpint (strlen (span), ==, end - start);
          g_assert_cmpmem (span, end - start, text + start, end - start);
          checked++;
        }
    }
  g_test_message ("%u mention offsets checked against the files", checked);
}

typedef struct
{
  guint nodes;
  guint edges;
  guint texts;
  gboolean svg_root;
} XmlCount;

static void
xml_count (const XmlTestElement *e,
           gpointer              data)
{
  XmlCount *c = data;
  const char *klass = xml_test_attr (e, "class");

  if (e->depth == 0 && g_str_equal (e->name, "svg"))
    c->svg_root = TRUE;
  if (klass != NULL && g_str_has_prefix (klass, "node "))
    c->nodes++;
  if (klass != NULL && g_str_has_prefix (klass, "edge "))
    c->edges++;
  if (g_str_equal (e->name, "node"))
    c->nodes++;
  if (g_str_equal (e->name, "edge"))
    c->edges++;
  if (g_str_equal (e->name, "text"))
    c->texts++;
}

static XmlCount
parse_xml_file (const char *path)
{
  static const XmlTestWalker walker = { xml_count, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;
  XmlCount count = { 0 };

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  xml_test_walk (contents, len, &walker, &count, &error);
  g_assert_no_error (error);

  return count;
}

/* Counts of the graph the CLI shows, from its own JSON. */
static void
extract_counts (const char *const *extra,
                guint             *entities,
                guint             *relations)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  JsonObject *root;

  g_ptr_array_add (argv, (char *) g_getenv ("DOSSIER_CLI"));
  g_ptr_array_add (argv, (char *) "extract");
  g_ptr_array_add (argv, (char *) "--json");
  for (guint i = 0; extra[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) extra[i]);
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  root = parse_json (parser, out, -1);
  *entities = json_array_get_length (json_object_get_array_member (root, "entities"));
  *relations = json_array_get_length (json_object_get_array_member (root, "relations"));
}

static void
check_all_formats (const char *const *inputs,
                   const char        *expect_name)
{
  g_autofree char *dir = test_make_temp_dir ("dossier-cli-XXXXXX");
  const char *formats[] = { "png", "svg", "pdf", "dot", "graphml", "json" };
  guint n_entities, n_relations;

  extract_counts (inputs, &n_entities, &n_relations);
  g_assert_cmpuint (n_entities, >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strdup_printf ("graph.%s", formats[i]);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autoptr(GSubprocess) proc = NULL;
      g_autoptr(GError) error = NULL;
      gsize len;

      g_ptr_array_add (argv, (char *) g_getenv ("DOSSIER_CLI"));
      g_ptr_array_add (argv, (char *) "export");
      g_ptr_array_add (argv, (char *) "-o");
      g_ptr_array_add (argv, path);
      for (guint k = 0; inputs[k] != NULL; k++)
        g_ptr_array_add (argv, (char *) inputs[k]);
      g_ptr_array_add (argv, NULL);

      proc = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_NONE, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_wait_check (proc, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));

      switch (i)
        {
        case 0:
          g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
          break;
        case 1:
          {
            XmlCount c = parse_xml_file (path);

            g_assert_true (c.svg_root);
            g_assert_cmpuint (c.nodes, ==, n_entities);
            g_assert_cmpuint (c.edges, ==, n_relations);
            g_assert_cmpuint (c.texts, >=, n_entities);
          }
          break;
        case 2:
          g_assert_cmpmem (contents, 5, "%PDF-", 5);
          break;
        case 3:
          {
            Agraph_t *g = agmemread (contents);

            g_assert_nonnull (g);
            g_assert_cmpint (agnnodes (g), ==, n_entities);
            g_assert_cmpint (agnedges (g), ==, n_relations);
            if (expect_name != NULL)
              g_assert_cmpstr (agget (agfstnode (g), (char *) "name"), ==, expect_name);
            agclose (g);
          }
          break;
        case 4:
          {
            XmlCount c = parse_xml_file (path);

            g_assert_cmpuint (c.nodes, ==, n_entities);
            g_assert_cmpuint (c.edges, ==, n_relations);
          }
          break;
        case 5:
        default:
          {
            g_autoptr(JsonParser) parser = json_parser_new ();
            JsonObject *root = parse_json (parser, contents, len);
            JsonArray *entities = json_object_get_array_member (root, "entities");

            g_assert_cmpuint (json_array_get_length (entities), ==, n_entities);
            g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "relations")), ==, n_relations);
            g_assert_true (json_object_has_member (json_array_get_object_element (entities, 0), "x"));
            if (expect_name != NULL)
              g_assert_nonnull (find_entity (entities, expect_name));
          }
          break;
        }
    }

  test_remove_tree (dir);
}

static void
test_export_seeds_all_formats (void)
{
  g_autofree char *seeds = seeds_dir ();
  const char *inputs[] = { seeds, NULL };

  check_all_formats (inputs, NULL);
}

static void
test_export_hostile (void)
{
  g_autofree char *gaz = g_test_build_filename (G_TEST_DIST, "fixtures", "export", "hostile.gaz", NULL);
  g_autofree char *articles = g_test_build_filename (G_TEST_DIST, "fixtures", "export", "hostile", NULL);
  const char *inputs[] = { "--gazetteer", gaz, "--mentioned-with", articles, NULL };

  check_all_formats (inputs, "\"Oracle\" <b>&</b> \\ \"x\"");
}

/* The seeds, and a temporary folder to write in, removed after the test. */
typedef struct
{
  char *seeds;
  char *dir;
} Workspace;

static void
workspace_set_up (Workspace     *w,
                  gconstpointer  data)
{
  w->seeds = seeds_dir ();
  w->dir = test_make_temp_dir ("dossier-cli-XXXXXX");
}

static void
workspace_tear_down (Workspace     *w,
                     gconstpointer  data)
{
  test_remove_tree (w->dir);
  g_clear_pointer (&w->dir, g_free);
  g_clear_pointer (&w->seeds, g_free);
}

static void
test_export_options (Workspace     *w,
                     gconstpointer  data)
{
  g_autofree char *png = g_build_filename (w->dir, "graph.png", NULL);
  g_autofree char *other = g_build_filename (w->dir, "graph.txt", NULL);
  g_autofree char *contents = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) run2 = { 0 };
  gsize len;

  /* An area of 100 x 50 points at 144 dpi is 200 x 100 pixels. */
  run_cli (&run, "export", "-o", png, "--dpi", "144", "--area", "10,20,100,50",
           "--edge-labels", "--transparent", "--engine", "dot", w->seeds, NULL);
  assert_success (&run);
  g_assert_true (g_file_get_contents (png, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 24);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (gpointer) (contents + 16)), ==, 200);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (gpointer) (contents + 20)), ==, 100);

  /* The legend widens the picture. */
  {
    g_auto(Run) run3 = { 0 };

    run_cli (&run3, "export", "-o", png, "--scale", "1", "--area", "10,20,100,50", "--legend", w->seeds, NULL);
    assert_success (&run3);
    g_clear_pointer (&contents, g_free);
    g_assert_true (g_file_get_contents (png, &contents, &len, NULL));
    g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (gpointer) (contents + 16)), >, 150);
  }

  /* --format wins over the extension. */
  run_cli (&run2, "export", "-o", other, "--format", "dot", w->seeds, NULL);
  assert_success (&run2);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (other, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "digraph"));

  /* "-o -" is the standard output, with --format. */
  {
    g_auto(Run) run4 = { 0 };
    g_auto(Run) run5 = { 0 };

    run_cli (&run4, "export", "-o", "-", "--format", "dot", w->seeds, NULL);
    assert_success (&run4);
    g_assert_true (g_str_has_prefix (run4.out, "digraph"));
    g_assert_false (g_file_test ("-", G_FILE_TEST_EXISTS));
    run_cli (&run5, "export", "-o", "-", w->seeds, NULL);
    g_assert_cmpint (run5.status, !=, 0);
    g_assert_nonnull (strstr (run5.err, "--format"));
  }
}

/* The evidence formats and the picture options of issue 19. */
static void
test_export_evidence (Workspace     *w,
                      gconstpointer  data)
{
  g_autofree char *neo = g_build_filename (w->dir, "neo", NULL);
  g_autofree char *svg = g_build_filename (w->dir, "graph.svg", NULL);
  g_autofree char *contents = NULL;
  const char *files[] = { "actors.csv", "relations.csv", "articles.csv", "evidence.csv", "quoted_in.csv", "load.cypher" };
  g_auto(Run) csv = { 0 };
  g_auto(Run) neo4j = { 0 };
  g_auto(Run) picture = { 0 };
  g_auto(Run) theme = { 0 };
  g_auto(Run) html = { 0 };

  /* The CSV report on the standard output, header first. */
  run_cli (&csv, "export", "-o", "-", "--format", "csv", "--actor", "Oracle", w->seeds, NULL);
  assert_success (&csv);
  g_assert_true (g_str_has_prefix (csv.out, "source,relation,target,date,article_title,path,start,end,quote,negated,hedged,section,"));

  /* Neo4j is a folder, made when missing. */
  run_cli (&neo4j, "export", "--format", "neo4j", "-o", neo, w->seeds, NULL);
  assert_success (&neo4j);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (neo, files[i], NULL);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }
  test_remove_tree (neo);

  /* A title and the default caption, escaped. */
  run_cli (&picture, "export", "-o", svg, "--title", "Oracle & <TikTok>", "--caption", "auto",
           "--actor", "Oracle", "--depth", "2", w->seeds, NULL);
  assert_success (&picture);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, ">Oracle &amp; &lt;TikTok&gt;</text>"));
  g_assert_nonnull (strstr (contents, " articles, "));
  g_assert_nonnull (strstr (contents, "around Oracle (depth 2)</text>"));

  run_cli (&theme, "export", "-o", svg, "--theme", "sepia", w->seeds, NULL);
  g_assert_cmpint (theme.status, !=, 0);
  g_assert_nonnull (strstr (theme.err, "--theme"));

  run_cli (&html, "export", "-o", "-", "--format", "html", w->seeds, NULL);
  assert_success (&html);
  g_assert_true (g_str_has_prefix (html.out, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (html.out, "<section class=\"relation\""));
}

static void
test_errors (Workspace     *w,
             gconstpointer  data)
{
  g_autofree char *keep = g_build_filename (w->dir, "keep.svg", NULL);
  g_autofree char *unwritable = g_build_filename (w->dir, "missing", "graph.svg", NULL);
  g_autofree char *missing_input = g_build_filename (w->dir, "no-such-article.txt", NULL);
  g_autofree char *contents = NULL;

  /* Help asked for goes to stdout and succeeds; none asked for is an error. */
  {
    g_auto(Run) run = { 0 };
    g_auto(Run) bare = { 0 };

    run_cli (&run, "--help", NULL);
    assert_success (&run);
    g_assert_nonnull (strstr (run.out, "dossier-cli export"));
    g_assert_cmpstr (run.err, ==, "");
    run_cli (&bare, NULL, NULL);
    g_assert_cmpint (bare.status, ==, 2);
    g_assert_nonnull (strstr (bare.err, "dossier-cli export"));
  }

  /* Filters that keep nobody: an empty result, and a word on stderr. */
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "extract", "--min-evidence", "999", w->seeds, NULL);
    assert_success (&run);
    g_assert_nonnull (strstr (run.err, "no actor matches the filters"));
  }

  /* Unknown format. */
  {
    g_auto(Run) run = { 0 };
    g_autofree char *jpeg = g_build_filename (w->dir, "graph.jpeg", NULL);

    run_cli (&run, "export", "-o", jpeg, w->seeds, NULL);
    assert_one_line_error (&run, "graph.jpeg");
    g_assert_false (g_file_test (jpeg, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "export", "-o", keep, "--format", "bmp", w->seeds, NULL);
    assert_one_line_error (&run, "bmp");
  }

  /* Unwritable: a folder that does not exist (fails for root too). */
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "export", "-o", unwritable, w->seeds, NULL);
    assert_one_line_error (&run, unwritable);
  }

  /* A folder in the file's place: refused, and the folder is untouched. */
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "export", "-o", w->dir, "--format", "svg", w->seeds, NULL);
    assert_one_line_error (&run, w->dir);
    g_assert_true (g_file_test (w->dir, G_FILE_TEST_IS_DIR));
  }

  /* A bad option value never clobbers an existing file. */
  {
    g_auto(Run) run = { 0 };

    g_assert_true (g_file_set_contents (keep, "keep me", -1, NULL));
    run_cli (&run, "export", "-o", keep, "--area", "1,2,3", w->seeds, NULL);
    assert_one_line_error (&run, "--area");
    g_assert_true (g_file_get_contents (keep, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "keep me");
  }

  /* Missing output option. */
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "export", w->seeds, NULL);
    assert_one_line_error (&run, "-o");
  }

  /* A missing input file: named on stderr, failure status.  (The corpus
   * error may add the list of unreadable files on further lines.) */
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "extract", "--json", missing_input, NULL);
    g_assert_cmpint (run.status, !=, 0);
    g_assert_true (g_str_has_prefix (run.err, "dossier-cli: "));
    g_assert_nonnull (strstr (run.err, "no-such-article.txt"));
    g_assert_cmpstr (run.out, ==, "");
  }
}

/* A bad command line is status 2 (README), whatever is wrong with it. */
static void
test_bad_command_lines (Workspace     *w,
                        gconstpointer  data)
{
  g_autofree char *png = g_build_filename (w->dir, "graph.png", NULL);
  const char *cases[][4] = {
    { "extract", "--bogus", NULL },
    { "extract", "--depth", "4" },
    { "extract", "--from", "2020-13-45" },
    { "extract", "--min-evidence", "x" },
    { "extract", "--actor", "Nobody Here" },
    { "export", "--scale", "0" },
    { "export", "--scale", "nan" },
    { "export", "--dpi", "0" },
    { "export", "--dpi", "-72" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      if (g_str_equal (cases[i][0], "export"))
        run_cli (&run, "export", "-o", png, cases[i][1], cases[i][2], w->seeds, NULL);
      else if (cases[i][2] != NULL)
        run_cli (&run, "extract", cases[i][1], cases[i][2], w->seeds, NULL);
      else
        run_cli (&run, "extract", cases[i][1], w->seeds, NULL);
      g_test_message ("%s %s: %d %s", cases[i][1], cases[i][2], run.status, run.err);
      g_assert_cmpint (run.status, ==, 2);
      assert_one_line_error (&run, NULL);
      g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
    }

  /* A name far from every actor gets no guess; a typo does. */
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "extract", "--actor", "Nobody Here", w->seeds, NULL);
    g_assert_null (strstr (run.err, "did you mean"));
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "extract", "--actor", "Josh Hawly", w->seeds, NULL);
    g_assert_nonnull (strstr (run.err, "did you mean “Josh Hawley”"));
  }
}

/* A project file that is missing or corrupt: named on stderr, status 3
 * (done, but something could not be read). */
static void
test_project_problems (Workspace     *w,
                       gconstpointer  data)
{
  g_autofree char *corrupt = g_build_filename (w->dir, "corrupt.json", NULL);

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "extract", "--project", "/nonexistent", w->seeds, NULL);
    g_assert_cmpint (run.status, ==, 3);
    g_assert_nonnull (strstr (run.err, "/nonexistent"));
  }
  {
    g_auto(Run) run = { 0 };

    g_assert_true (g_file_set_contents (corrupt, "{ not json", -1, NULL));
    run_cli (&run, "extract", "--project", corrupt, w->seeds, NULL);
    g_assert_cmpint (run.status, ==, 3);
    g_assert_nonnull (strstr (run.err, "corrupt.json"));
  }
}

/* ESC and a newline in a file name reach the terminal escaped. */
static void
test_control_characters_escaped (void)
{
  g_autofree char *dir = test_make_temp_dir ("dossier-cli-XXXXXX");
  g_autofree char *bad = g_build_filename (dir, "evil\033[31m\nname.txt", NULL);
  g_autofree char *good = g_build_filename (dir, "good.txt", NULL);
  g_auto(Run) run = { 0 };

  g_assert_true (g_file_set_contents (bad, "", 0, NULL));
  g_assert_true (g_file_set_contents (good, "A story\n\nOracle bought TikTok in 2020.\n", -1, NULL));
  run_cli (&run, "extract", dir, NULL);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 3);
  g_assert_null (strchr (run.err, '\033'));
  g_assert_nonnull (strstr (run.err, "evil\\x1B[31m\\x0Aname.txt"));
  /* One line for the one bad file. */
  g_assert_true (strchr (run.err, '\n') + 1 == run.err + strlen (run.err));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/extract-json", test_extract_json);
  g_test_add_func ("/cli/export/seeds-all-formats", test_export_seeds_all_formats);
  g_test_add_func ("/cli/export/hostile", test_export_hostile);
  g_test_add ("/cli/export/options", Workspace, NULL, workspace_set_up, test_export_options, workspace_tear_down);
  g_test_add ("/cli/export/evidence", Workspace, NULL, workspace_set_up, test_export_evidence, workspace_tear_down);
  g_test_add ("/cli/errors", Workspace, NULL, workspace_set_up, test_errors, workspace_tear_down);
  g_test_add ("/cli/bad-command-lines", Workspace, NULL, workspace_set_up, test_bad_command_lines, workspace_tear_down);
  g_test_add ("/cli/project-problems", Workspace, NULL, workspace_set_up, test_project_problems, workspace_tear_down);
  g_test_add_func ("/cli/control-characters-escaped", test_control_characters_escaped);

  return g_test_run ();
}
