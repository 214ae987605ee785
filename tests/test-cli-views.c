/* test-cli-views.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* dossier-cli export --view NAME: a view saved in the window draws with
 * its filter and places; its unknown actors are dropped as the window drops
 * them; a view not saved is a bad command line. */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "dossier-views.h"

#define VIEW_NAME "Ellison's <\"circle\"> & co"

/* Runs $DOSSIER_CLI export --no-edits -f json -o - @args... on the seeds;
 * returns the exit status, with the JSON in @json_out and stderr in @err_out. */
static int
export (char  **json_out,
        char  **err_out,
        ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("DOSSIER_CLI"));
  g_ptr_array_add (argv, (char *) "export");
  g_ptr_array_add (argv, (char *) "--no-edits");
  g_ptr_array_add (argv, (char *) "--format=json");
  g_ptr_array_add (argv, (char *) "-o");
  g_ptr_array_add (argv, (char *) "-");
  va_start (args, err_out);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, (char *) g_getenv ("DOSSIER_SEEDS_DIR"));
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_newv ((const char * const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, json_out, err_out, &error);
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (proc);
}

typedef struct
{
  double x;
  double y;
} Point;

/* "name" → its Point, for every entity of the JSON export. */
static GHashTable *
entities_of (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GHashTable *entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonArray *array;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  array = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "entities");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *entity = json_array_get_object_element (array, i);
      Point *point = g_new (Point, 1);

      point->x = json_object_get_double_member (entity, "x");
      point->y = json_object_get_double_member (entity, "y");
      g_hash_table_insert (entities, g_strdup (json_object_get_string_member (entity, "name")), point);
    }
  return entities;
}

static double
distance (GHashTable *entities,
          const char *a,
          const char *b)
{
  const Point *p = g_hash_table_lookup (entities, a);
  const Point *q = g_hash_table_lookup (entities, b);

  g_assert_nonnull (p);
  g_assert_nonnull (q);
  return hypot (p->x - q->x, p->y - q->y);
}

static void
test_view (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cli-views-XXXXXX", NULL);
  g_autofree char *project = g_build_filename (dir, "project.json", NULL);
  g_autofree char *path = dossier_views_path_for_edits (project);
  g_autoptr(DossierViews) views = dossier_views_new ();
  g_autoptr(DossierFilter) filter = dossier_filter_new ();
  g_autoptr(DossierPositions) positions = dossier_positions_new ();
  g_autoptr(GHashTable) by_view = NULL;
  g_autoptr(GHashTable) by_options = NULL;
  g_autofree char *json = NULL;
  g_autofree char *err = NULL;
  GHashTableIter iter;
  gpointer name;

  filter->actors = g_strsplit ("Larry Ellison|Someone From Another Corpus", "|", -1);
  filter->depth = 1;
  /* Two actors pinned far apart: the drawing keeps them so. */
  dossier_positions_set (positions, "Larry Ellison", -800, -800, TRUE);
  dossier_positions_set (positions, "Oracle", 800, 800, TRUE);
  g_assert_true (dossier_views_add (views, dossier_view_new (VIEW_NAME, filter, NULL, 1, 0, 0, positions), NULL));
  g_assert_true (dossier_views_save_file (views, path, NULL));

  g_assert_cmpint (export (&json, &err, "--project", project, "--view", VIEW_NAME, NULL), ==, 0);
  /* The stranger is named on stderr and left out, as in the window. */
  g_assert_nonnull (strstr (err, "Someone From Another Corpus"));
  by_view = entities_of (json);
  g_clear_pointer (&json, g_free);
  g_clear_pointer (&err, g_free);

  /* The same actors as the options for that filter give… */
  g_assert_cmpint (export (&json, &err, "--actor", "Larry Ellison", "--depth", "1", NULL), ==, 0);
  by_options = entities_of (json);
  g_assert_cmpuint (g_hash_table_size (by_view), ==, g_hash_table_size (by_options));
  g_assert_cmpuint (g_hash_table_size (by_view), >, 1);
  g_hash_table_iter_init (&iter, by_options);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    g_assert_true (g_hash_table_contains (by_view, name));

  /* …at the view's places. */
  g_assert_cmpfloat (distance (by_view, "Larry Ellison", "Oracle"), >, 1600 * G_SQRT2 * 0.95);
  g_assert_cmpfloat (distance (by_view, "Larry Ellison", "Oracle"), <, 1600 * G_SQRT2 * 1.05);
  g_assert_cmpfloat (distance (by_options, "Larry Ellison", "Oracle"), <, 1000);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_unknown_view (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cli-views-XXXXXX", NULL);
  g_autofree char *project = g_build_filename (dir, "project.json", NULL);
  g_autofree char *path = dossier_views_path_for_edits (project);
  g_autofree char *json = NULL;
  g_autofree char *err = NULL;

  /* No views saved at all, then a file that does not read. */
  g_assert_cmpint (export (&json, &err, "--project", project, "--view", "Nothing", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "Nothing"));
  g_clear_pointer (&json, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_true (g_file_set_contents (path, "{\"views\": 3}", -1, NULL));
  g_assert_cmpint (export (&json, &err, "--project", project, "--view", "Nothing", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "project.views.json"));

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/views/export", test_view);
  g_test_add_func ("/cli/views/unknown", test_unknown_view);

  return g_test_run ();
}
