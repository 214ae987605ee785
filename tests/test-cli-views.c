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

#include "cli-test-util.h"
#include "dossier-views.h"

#define VIEW_NAME "Ellison's <\"circle\"> & co"

/* $DOSSIER_CLI export --no-edits -f json -o - on the seeds, with @options
 * (NULL-terminated) first; the exit status, the JSON and stderr. */
static int
export (const char * const  *options,
        char               **json_out,
        char               **err_out)
{
  const char *command[] = { "export", "--no-edits", "--format=json", "-o", "-", NULL };

  return cli_test_run_on_seeds (command, options, json_out, err_out);
}

/* A folder for the edits file named by --project, and its views file. */
typedef struct
{
  char *dir;
  char *project;
  char *views;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("cli-views-XXXXXX", NULL);
  f->project = g_build_filename (f->dir, "project.json", NULL);
  f->views = dossier_views_path_for_edits (f->project);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_unlink (f->views);
  g_rmdir (f->dir);
  g_free (f->views);
  g_free (f->project);
  g_free (f->dir);
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

/* Larry Ellison's neighbourhood and a stranger, Ellison and Oracle pinned
 * far apart: a drawing that keeps them so came from the view. */
static void
save_view (const char *path)
{
  g_autoptr(DossierViews) views = dossier_views_new ();
  g_autoptr(DossierFilter) filter = dossier_filter_new ();
  g_autoptr(DossierPositions) positions = dossier_positions_new ();

  filter->actors = g_strsplit ("Larry Ellison|Someone From Another Corpus", "|", -1);
  filter->depth = 1;
  dossier_positions_set (positions, "Larry Ellison", -800, -800, TRUE);
  dossier_positions_set (positions, "Oracle", 800, 800, TRUE);
  g_assert_true (dossier_views_add (views, dossier_view_new (VIEW_NAME, filter, NULL, 1, 0, 0, positions), NULL));
  g_assert_true (dossier_views_save_file (views, path, NULL));
}

static void
test_view (Fixture       *f,
           gconstpointer  data)
{
  const char *by_name[] = { "--project", f->project, "--view", VIEW_NAME, NULL };
  const char *by_filter[] = { "--actor", "Larry Ellison", "--depth", "1", NULL };
  g_autoptr(GHashTable) by_view = NULL;
  g_autoptr(GHashTable) by_options = NULL;
  g_autofree char *json = NULL;
  g_autofree char *err = NULL;
  GHashTableIter iter;
  gpointer name;

  save_view (f->views);
  g_assert_cmpint (export (by_name, &json, &err), ==, 0);
  /* The stranger is named on stderr and left out, as in the window. */
  g_assert_nonnull (strstr (err, "Someone From Another Corpus"));
  by_view = entities_of (json);
  g_clear_pointer (&json, g_free);
  g_clear_pointer (&err, g_free);

  /* The same actors as the options for that filter give… */
  g_assert_cmpint (export (by_filter, &json, &err), ==, 0);
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
}

static void
test_unknown_view (Fixture       *f,
                   gconstpointer  data)
{
  const char *options[] = { "--project", f->project, "--view", "Nothing", NULL };
  g_autofree char *json = NULL;
  g_autofree char *err = NULL;

  /* No views saved at all, then a file that does not read. */
  g_assert_cmpint (export (options, &json, &err), ==, 2);
  g_assert_nonnull (strstr (err, "Nothing"));
  g_clear_pointer (&json, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_true (g_file_set_contents (f->views, "{\"views\": 3}", -1, NULL));
  g_assert_cmpint (export (options, &json, &err), ==, 1);
  g_assert_nonnull (strstr (err, "project.views.json"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/views/export", Fixture, NULL, fixture_set_up, test_view, fixture_tear_down);
  g_test_add ("/cli/views/unknown", Fixture, NULL, fixture_set_up, test_unknown_view, fixture_tear_down);

  return g_test_run ();
}
