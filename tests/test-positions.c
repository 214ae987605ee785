/* test-positions.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The positions-and-pins store: editing, its JSON both ways, files, and
 * what it refuses. */

#include "config.h"

#include <glib/gstdio.h>

#include "dossier-positions.h"

static void
test_edit (void)
{
  g_autoptr(DossierPositions) places = dossier_positions_new ();
  g_autoptr(DossierPositions) copy = NULL;
  g_autoptr(GPtrArray) names = NULL;
  double x = 0, y = 0;
  gboolean pinned = TRUE;

  dossier_positions_set (places, "Oracle", 10, -20, FALSE);
  dossier_positions_set (places, "TikTok", 1.5, 2.5, TRUE);
  dossier_positions_set (places, "Larry Ellison", 0, 0, FALSE);
  g_assert_cmpuint (dossier_positions_get_size (places), ==, 3);

  g_assert_true (dossier_positions_lookup (places, "Oracle", &x, &y, &pinned));
  g_assert_cmpfloat (x, ==, 10);
  g_assert_cmpfloat (y, ==, -20);
  g_assert_false (pinned);
  g_assert_false (dossier_positions_lookup (places, "oracle", NULL, NULL, NULL));
  g_assert_true (dossier_positions_is_pinned (places, "TikTok"));

  g_assert_true (dossier_positions_set_pinned (places, "Oracle", TRUE));
  g_assert_false (dossier_positions_set_pinned (places, "Nobody", TRUE));
  g_assert_false (dossier_positions_is_pinned (places, "Nobody"));

  /* A rename keeps the place and the pin. */
  g_assert_true (dossier_positions_rename (places, "Oracle", "Oracle Corporation"));
  g_assert_false (dossier_positions_rename (places, "Oracle", "Oracle Corp"));
  g_assert_true (dossier_positions_lookup (places, "Oracle Corporation", &x, &y, &pinned));
  g_assert_cmpfloat (x, ==, 10);
  g_assert_true (pinned);

  names = dossier_positions_get_names (places);
  g_assert_cmpuint (names->len, ==, 3);
  g_assert_cmpstr (names->pdata[0], ==, "Larry Ellison");
  g_assert_cmpstr (names->pdata[2], ==, "TikTok");

  /* A copy is independent. */
  copy = dossier_positions_copy (places);
  dossier_positions_clear_unpinned (places);
  g_assert_cmpuint (dossier_positions_get_size (places), ==, 2);
  g_assert_cmpuint (dossier_positions_get_size (copy), ==, 3);
  dossier_positions_unpin_all (places);
  g_assert_false (dossier_positions_is_pinned (places, "TikTok"));
  g_assert_true (dossier_positions_is_pinned (copy, "TikTok"));
  g_assert_true (dossier_positions_remove (places, "TikTok"));
  g_assert_false (dossier_positions_remove (places, "TikTok"));
  g_assert_cmpuint (dossier_positions_get_size (places), ==, 1);
}

static char *
to_text (DossierPositions *places)
{
  g_autoptr(JsonNode) node = dossier_positions_to_json_node (places);

  return json_to_string (node, FALSE);
}

static void
test_json_round_trip (void)
{
  g_autoptr(DossierPositions) places = dossier_positions_new ();
  g_autoptr(DossierPositions) back = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL, *again = NULL;
  double x, y;

  dossier_positions_set (places, "Zeta «Ω»", 1.004, -2.5, FALSE);
  dossier_positions_set (places, "Alpha", 100.123, 7, TRUE);
  text = to_text (places);
  /* Sorted by name, to a sixteenth of a point, "pinned" only when true. */
  g_assert_cmpstr (text, ==, "{\"Alpha\":{\"x\":100.125,\"y\":7.0,\"pinned\":true},"
                             "\"Zeta «Ω»\":{\"x\":1.0,\"y\":-2.5}}");

  node = json_from_string (text, &error);
  g_assert_no_error (error);
  back = dossier_positions_from_json_node (node, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_positions_lookup (back, "Alpha", &x, &y, NULL));
  g_assert_cmpfloat (x, ==, 100.125);
  g_assert_true (dossier_positions_is_pinned (back, "Alpha"));
  g_assert_false (dossier_positions_is_pinned (back, "Zeta «Ω»"));
  again = to_text (back);
  g_assert_cmpstr (again, ==, text);
}

static void
test_json_refused (void)
{
  const char *bad[] = {
    "[]",
    "3",
    "{\"A\": 3}",
    "{\"A\": {\"x\": 1}}",
    "{\"A\": {\"x\": \"1\", \"y\": 2}}",
    "{\"A\": {\"x\": 1, \"y\": null}}",
    "{\"A\": {\"x\": 1, \"y\": 2, \"pinned\": 1}}",
    "{\"A\": {\"x\": 1, \"y\": 2, \"pinned\": \"yes\"}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(DossierPositions) places = NULL;
      g_autoptr(GError) error = NULL;

      node = json_from_string (bad[i], &error);
      g_assert_no_error (error);
      places = dossier_positions_from_json_node (node, &error);
      g_assert_error (error, DOSSIER_POSITIONS_ERROR, DOSSIER_POSITIONS_ERROR_INVALID);
      g_assert_null (places);
    }
}

static void
test_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("positions-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "positions.json", NULL);
  g_autofree char *edits = g_build_filename (dir, "edits.json", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.json", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
  g_autoptr(DossierPositions) places = dossier_positions_new ();
  g_autoptr(DossierPositions) loaded = NULL;
  g_autoptr(DossierPositions) from_edits = NULL;
  g_autoptr(GError) error = NULL;

  dossier_positions_set (places, "Oracle", 3, 4, TRUE);
  g_assert_true (dossier_positions_save_file (places, path, &error));
  g_assert_no_error (error);
  loaded = dossier_positions_load_file (path, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_positions_is_pinned (loaded, "Oracle"));

  /* As a member of the edits file. */
  g_assert_true (g_file_set_contents (edits, "{\"version\": 1, \"edits\": [],"
                                      " \"positions\": {\"TikTok\": {\"x\": 1, \"y\": 2}}}", -1, NULL));
  from_edits = dossier_positions_load_file (edits, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_positions_get_size (from_edits), ==, 1);
  g_assert_true (dossier_positions_lookup (from_edits, "TikTok", NULL, NULL, NULL));

  g_assert_true (g_file_set_contents (broken, "{\"A\": {\"x\": 1,", -1, NULL));
  g_assert_null (dossier_positions_load_file (broken, &error));
  g_assert_error (error, DOSSIER_POSITIONS_ERROR, DOSSIER_POSITIONS_ERROR_INVALID);
  /* The message names the file. */
  g_assert_nonnull (strstr (error->message, "broken.json"));
  g_clear_error (&error);

  g_assert_null (dossier_positions_load_file (missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  g_unlink (path);
  g_unlink (edits);
  g_unlink (broken);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/positions/edit", test_edit);
  g_test_add_func ("/positions/json-round-trip", test_json_round_trip);
  g_test_add_func ("/positions/json-refused", test_json_refused);
  g_test_add_func ("/positions/files", test_files);

  return g_test_run ();
}
