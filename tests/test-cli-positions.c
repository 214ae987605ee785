/* test-cli-positions.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* dossier-cli export --positions / --save-positions: the command line
 * draws with saved positions, so that a narrower filter keeps the actors
 * where the wider one put them, and pins hold. */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "cli-test-util.h"
#include "dossier-curation.h"
#include "dossier-positions.h"

/* Runs $DOSSIER_CLI export --no-edits -f json -o OUT @args... on the seeds;
 * returns the exit status, stderr in @err_out when given. */
static int
export (const char  *out,
        char       **err_out,
        ...)
{
  const char *command[] = { "export", "--no-edits", "--format=json", "-o", out, NULL };
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) extra = NULL;
  const char *arg;
  va_list args;

  va_start (args, err_out);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_strv_builder_add (builder, arg);
  va_end (args);
  extra = g_strv_builder_end (builder);
  return cli_test_run_on_seeds (command, (const char * const *) extra, NULL, err_out);
}

static DossierPositions *
load (const char *path)
{
  g_autoptr(GError) error = NULL;
  DossierPositions *places = dossier_positions_load_file (path, &error);

  g_assert_no_error (error);
  return places;
}

static void
test_narrower_filter_keeps_places (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cli-positions-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "out.json", NULL);
  g_autofree char *wide = g_build_filename (dir, "wide.json", NULL);
  g_autofree char *narrow = g_build_filename (dir, "narrow.json", NULL);
  g_autoptr(DossierPositions) wide_places = NULL;
  g_autoptr(DossierPositions) narrow_places = NULL;
  g_autoptr(GPtrArray) names = NULL;
  guint kept = 0;

  /* The file does not exist yet: it is written, not read. */
  g_assert_cmpint (export (out, NULL, "--positions", wide, "--save-positions", wide, NULL), ==, 0);
  wide_places = load (wide);
  g_assert_cmpuint (dossier_positions_get_size (wide_places), >, 10);

  /* Pin one actor somewhere else: the next drawing puts it there. */
  names = dossier_positions_get_names (wide_places);
  dossier_positions_set (wide_places, names->pdata[0], -500, -500, TRUE);
  g_assert_true (dossier_positions_save_file (wide_places, wide, NULL));

  g_assert_cmpint (export (out, NULL, "--min-evidence", "2", "--positions", wide,
                           "--save-positions", narrow, NULL), ==, 0);
  narrow_places = load (narrow);
  g_assert_true (dossier_positions_is_pinned (narrow_places, names->pdata[0]));

  for (guint i = 0; i < names->len; i++)
    {
      double x1, y1, x2, y2;
      gboolean pinned;

      g_assert_true (dossier_positions_lookup (narrow_places, names->pdata[i], &x2, &y2, &pinned));
      g_assert_true (dossier_positions_lookup (wide_places, names->pdata[i], &x1, &y1, NULL));
      g_assert_true (pinned == (i == 0));
      /* Saved to a sixteenth of a point. */
      g_assert_cmpfloat_with_epsilon (x1, x2, 0.07);
      g_assert_cmpfloat_with_epsilon (y1, y2, 0.07);
      kept++;
    }
  g_assert_cmpuint (kept, ==, names->len);

  g_unlink (out);
  g_unlink (wide);
  g_unlink (narrow);
  g_rmdir (dir);
}

static void
test_bad_positions_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cli-positions-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "out.json", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.json", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
  g_autofree char *err = NULL;

  g_assert_true (g_file_set_contents (bad, "{\"Oracle\": {\"x\": \"left\"}}", -1, NULL));
  g_assert_cmpint (export (out, &err, "--positions", bad, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "bad.json"));
  g_assert_nonnull (strstr (err, "Oracle"));
  g_clear_pointer (&err, g_free);

  /* Missing and not the file to save to: a mistake worth saying. */
  g_assert_cmpint (export (out, &err, "--positions", missing, NULL), ==, 1);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  g_unlink (bad);
  g_rmdir (dir);
}

/* Runs $DOSSIER_CLI export -o - --format=@format @extra on the seeds and
 * returns what it wrote. */
static char *
export_text (const char *format,
             const char *option,
             const char *value)
{
  g_autofree char *format_arg = g_strdup_printf ("--format=%s", format);
  const char *argv[] = { g_getenv ("DOSSIER_CLI"), "export", format_arg, "-o", "-", "--show-isolated",
                         option, value, g_getenv ("DOSSIER_SEEDS_DIR"), NULL };
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
  return out;
}

static guint
count (const char *text,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* The one pinned actor's "pinned" in the JSON; the others are false. */
static void
assert_json_pins (const char *text,
                  const char *pinned_name)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *entities;
  guint n_pinned = 0;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  entities = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "entities");
  for (guint i = 0; i < json_array_get_length (entities); i++)
    {
      JsonObject *e = json_array_get_object_element (entities, i);
      gboolean pinned = json_object_get_boolean_member (e, "pinned");

      g_assert_true (pinned == g_str_equal (json_object_get_string_member (e, "name"), pinned_name));
      n_pinned += pinned;
    }
  g_assert_cmpuint (n_pinned, ==, 1);
}

/* Issue #16: a pin made in the window (saved beside the edits) or given
 * with --positions comes out of every data export; DOT also writes each
 * community as a Graphviz cluster named after its leader. */
static void
test_exports_carry_pins (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cli-pins-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "out.json", NULL);
  g_autofree char *places_path = g_build_filename (dir, "places.json", NULL);
  g_autofree char *edits = g_build_filename (dir, "edits.json", NULL);
  g_autofree char *beside = g_build_filename (dir, "edits.positions.json", NULL);
  g_autoptr(DossierPositions) places = NULL;
  g_autoptr(DossierCuration) curation = dossier_curation_new ();
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *json = NULL, *graphml = NULL, *dot = NULL, *from_edits = NULL;
  const char *name;

  g_assert_cmpint (export (out, NULL, "--save-positions", places_path, NULL), ==, 0);
  places = load (places_path);
  names = dossier_positions_get_names (places);
  name = names->pdata[0];
  g_assert_true (dossier_positions_set_pinned (places, name, TRUE));
  g_assert_true (dossier_positions_save_file (places, places_path, NULL));

  json = export_text ("json", "--positions", places_path);
  assert_json_pins (json, name);
  graphml = export_text ("graphml", "--positions", places_path);
  g_assert_cmpuint (count (graphml, "<data key=\"pinned\">true</data>"), ==, 1);
  g_assert_cmpuint (count (graphml, "<data key=\"pinned\">false</data>"), ==, names->len - 1);
  dot = export_text ("dot", "--positions", places_path);
  g_assert_cmpuint (count (dot, "pinned=true"), ==, 1);
  /* Graphviz's own pin: neato keeps it there. */
  g_assert_cmpuint (count (dot, "!\", width="), ==, 1);
  g_assert_cmpuint (count (dot, "subgraph cluster_"), >=, 2);
  g_assert_cmpuint (count (dot, "    label=\""), ==, count (dot, "subgraph cluster_"));
  g_assert_nonnull (strstr (dot, "subgraph cluster_0 {\n    label=\""));

  /* Where the window keeps them: beside its edits file. */
  g_assert_true (dossier_curation_save (curation, edits, NULL));
  g_assert_true (dossier_positions_save_file (places, beside, NULL));
  from_edits = export_text ("json", "--project", edits);
  assert_json_pins (from_edits, name);

  g_unlink (out);
  g_unlink (places_path);
  g_unlink (edits);
  g_unlink (beside);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli-positions/narrower-filter-keeps-places", test_narrower_filter_keeps_places);
  g_test_add_func ("/cli-positions/bad-file", test_bad_positions_file);
  g_test_add_func ("/cli-positions/exports-carry-pins", test_exports_carry_pins);

  return g_test_run ();
}
