/* test-views.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Saved views: adding, renaming and removing them, their file both ways
 * (odd names included), a corrupt file refused and left alone, and a view
 * applied to a session, its unknown actors dropped. */

#include "config.h"

#include "dossier-date.h"
#include "dossier-views.h"
#include "test-util.h"

/* Quotes, angle brackets, an ampersand, an underscore and accents: a name
 * that JSON, GVariant text, markup and menu labels each treat specially. */
#define ODD_NAME "Les \"rachats\" <d'Oracle> & _TikTok_ — été"

static DossierView *
sample_view (const char *name)
{
  g_autoptr(DossierFilter) filter = dossier_filter_new ();
  g_autoptr(DossierPositions) positions = dossier_positions_new ();
  const char *selection[] = { "Oracle", "TikTok", NULL };

  filter->actors = g_strsplit ("Larry Ellison|O'Brien \"<Co>\"", "|", -1);
  filter->depth = 2;
  filter->min_evidence = 3;
  filter->no_comments = TRUE;
  dossier_date_parse_iso ("2019-03", &filter->from);
  dossier_positions_set (positions, "Oracle", 12.5, -40, TRUE);
  dossier_positions_set (positions, "TikTok", 100, 3, FALSE);
  return dossier_view_new (name, filter, selection, 1.75, 120.25, -33.5, positions);
}

static void
assert_same_view (const DossierView *a,
                  const DossierView *b)
{
  g_autofree char *command_a = dossier_filter_to_command_line (a->filter);
  g_autofree char *command_b = dossier_filter_to_command_line (b->filter);
  double x = 0, y = 0;
  gboolean pinned = FALSE;

  g_assert_cmpstr (a->name, ==, b->name);
  g_assert_cmpstr (command_a, ==, command_b);
  g_assert_cmpstrv (a->selection, b->selection);
  g_assert_cmpfloat (a->zoom, ==, b->zoom);
  g_assert_cmpfloat (a->center_x, ==, b->center_x);
  g_assert_cmpfloat (a->center_y, ==, b->center_y);
  g_assert_cmpuint (dossier_positions_get_size (a->positions), ==, dossier_positions_get_size (b->positions));
  g_assert_true (dossier_positions_lookup (b->positions, "Oracle", &x, &y, &pinned));
  g_assert_cmpfloat (x, ==, 12.5);
  g_assert_cmpfloat (y, ==, -40);
  g_assert_true (pinned);
}

static void
test_edit (void)
{
  g_autoptr(DossierViews) views = dossier_views_new ();
  g_autoptr(GError) error = NULL;
  const DossierView *view;

  g_assert_true (dossier_views_add (views, sample_view ("First"), &error));
  g_assert_true (dossier_views_add (views, sample_view ("Second"), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_views_get_n_views (views), ==, 2);
  g_assert_cmpstr (dossier_views_get_view (views, 0)->name, ==, "First");

  /* Saving under a name taken replaces that view where it stood. */
  {
    g_autoptr(DossierView) again = sample_view ("First");

    again->zoom = 3;
    g_assert_true (dossier_views_add (views, g_steal_pointer (&again), &error));
  }
  g_assert_cmpuint (dossier_views_get_n_views (views), ==, 2);
  g_assert_cmpfloat (dossier_views_get_view (views, 0)->zoom, ==, 3);

  g_assert_false (dossier_views_add (views, sample_view ("  "), &error));
  g_assert_error (error, DOSSIER_VIEWS_ERROR, DOSSIER_VIEWS_ERROR_BAD_NAME);
  g_clear_error (&error);

  g_assert_false (dossier_views_rename (views, "First", "Second", &error));
  g_assert_error (error, DOSSIER_VIEWS_ERROR, DOSSIER_VIEWS_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (dossier_views_rename (views, "Nothing", "Third", &error));
  g_assert_error (error, DOSSIER_VIEWS_ERROR, DOSSIER_VIEWS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (dossier_views_rename (views, "First", "", &error));
  g_assert_error (error, DOSSIER_VIEWS_ERROR, DOSSIER_VIEWS_ERROR_BAD_NAME);
  g_clear_error (&error);
  g_assert_true (dossier_views_rename (views, "First", ODD_NAME, &error));
  g_assert_no_error (error);
  g_assert_null (dossier_views_lookup (views, "First"));
  view = dossier_views_lookup (views, ODD_NAME);
  g_assert_nonnull (view);
  g_assert_true (view == dossier_views_get_view (views, 0));

  g_assert_true (dossier_views_remove (views, "Second", &error));
  g_assert_false (dossier_views_remove (views, "Second", &error));
  g_assert_error (error, DOSSIER_VIEWS_ERROR, DOSSIER_VIEWS_ERROR_NOT_FOUND);
  g_assert_cmpuint (dossier_views_get_n_views (views), ==, 1);
}

static void
test_round_trip (void)
{
  g_autofree char *dir = test_make_temp_dir ("dossier-views-XXXXXX");
  g_autofree char *edits = g_build_filename (dir, "corpus.json", NULL);
  g_autofree char *path = dossier_views_path_for_edits (edits);
  g_autoptr(DossierViews) views = dossier_views_new ();
  g_autoptr(DossierViews) back = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_str_has_suffix (path, "corpus.views.json"));

  g_assert_true (dossier_views_add (views, sample_view (ODD_NAME), NULL));
  g_assert_true (dossier_views_add (views, sample_view ("Plain"), NULL));
  g_assert_true (dossier_views_save_file (views, path, &error));
  g_assert_no_error (error);

  back = dossier_views_load_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_views_get_n_views (back), ==, 2);
  for (guint i = 0; i < 2; i++)
    assert_same_view (dossier_views_get_view (views, i), dossier_views_get_view (back, i));
  /* The filter's actors with quotes and brackets too. */
  g_assert_cmpstr (dossier_views_get_view (back, 0)->filter->actors[1], ==, "O'Brien \"<Co>\"");

  test_remove_tree (dir);
}

static void
test_missing_and_corrupt (void)
{
  static const char * const corrupt[] = {
    "{\"views\": [{\"name\": \"A\"",                                   /* cut short */
    "[1, 2]",                                                          /* not an object */
    "{\"views\": [{\"filter\": \"{}\"}]}",                             /* no name */
    "{\"views\": [{\"name\": \"A\", \"filter\": \"{'depth': \"}]}",     /* filter text */
    "{\"views\": [{\"name\": \"A\", \"zoom\": \"big\"}]}",
    "{\"views\": [{\"name\": \"A\", \"selection\": [\"Oracle\", 3]}]}",
    "{\"views\": [{\"name\": \"A\", \"positions\": {\"Oracle\": {\"x\": 1}}}]}",
    "{\"views\": [{\"name\": \"A\"}, {\"name\": \"A\"}]}",             /* twice */
    "",
  };
  g_autofree char *dir = test_make_temp_dir ("dossier-views-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "x.views.json", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_null (dossier_views_load_file (path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (corrupt); i++)
    {
      g_autofree char *after = NULL;

      g_assert_true (g_file_set_contents (path, corrupt[i], -1, NULL));
      g_assert_null (dossier_views_load_file (path, &error));
      g_assert_error (error, DOSSIER_VIEWS_ERROR, DOSSIER_VIEWS_ERROR_INVALID);
      /* The message names the file; the file stays as it was. */
      g_assert_nonnull (strstr (error->message, "x.views.json"));
      g_clear_error (&error);
      g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
      g_assert_cmpstr (after, ==, corrupt[i]);
    }

  /* Members left out take their defaults: a bare view is the full graph. */
  g_assert_true (g_file_set_contents (path, "{\"views\": [{\"name\": \"Bare\"}]}", -1, NULL));
  {
    g_autoptr(DossierViews) views = dossier_views_load_file (path, &error);
    const DossierView *view;

    g_assert_no_error (error);
    view = dossier_views_get_view (views, 0);
    g_assert_cmpfloat (view->zoom, ==, 0);
    g_assert_null (view->selection[0]);
    g_assert_null (view->filter->actors);
    g_assert_cmpuint (dossier_positions_get_size (view->positions), ==, 0);
  }
  test_remove_tree (dir);
}

static void
collect_problem (DossierSession *session,
                 const char     *message,
                 GPtrArray      *problems)
{
  g_ptr_array_add (problems, g_strdup (message));
}

static void
test_apply (void)
{
  g_autoptr(DossierGraph) seeds = test_load_seeds ();
  g_autoptr(DossierSession) session = dossier_session_new ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(DossierFilter) filter = dossier_filter_new ();
  g_autoptr(DossierPositions) positions = dossier_positions_new ();
  g_autoptr(DossierView) view = NULL;
  g_autoptr(GArray) selected = NULL;
  g_autoptr(GError) error = NULL;
  const char *selection[] = { "Oracle", "Someone From Another Corpus", "TikTok", NULL };
  DossierLayout *layout;
  DossierEntity *oracle;
  double x = 0, y = 0;

  dossier_session_set_extracted (session, seeds);
  g_signal_connect (session, "problem", G_CALLBACK (collect_problem), problems);
  dossier_session_curate (session, NULL);
  g_assert_nonnull (dossier_session_filter (session, &error));
  g_assert_nonnull (dossier_session_layout (session, NULL, &error));
  g_assert_no_error (error);

  filter->actors = g_strsplit ("Oracle|Someone From Another Corpus", "|", -1);
  filter->depth = 1;
  dossier_positions_set (positions, "Oracle", 5000, 7000, TRUE);
  view = dossier_view_new ("Oracle", filter, selection, 2, 0, 0, positions);
  dossier_view_apply (view, session);

  g_assert_nonnull (dossier_session_filter (session, &error));
  g_assert_no_error (error);
  layout = dossier_session_layout (session, NULL, &error);
  g_assert_no_error (error);

  /* The stranger is dropped from the filter, as a remembered filter's is. */
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "Someone From Another Corpus"));
  g_assert_cmpstr (dossier_session_get_filter (session)->actors[0], ==, "Oracle");
  g_assert_null (dossier_session_get_filter (session)->actors[1]);

  /* And from the selection, the others kept in order. */
  selected = dossier_session_get_selected_entities (session);
  oracle = dossier_graph_lookup_entity (dossier_session_get_graph (session), "Oracle");
  g_assert_cmpuint (selected->len, ==, 2);
  g_assert_cmpuint (g_array_index (selected, guint, 0), ==, oracle->id);

  /* The pinned actor is drawn where the view kept it. */
  g_assert_true (dossier_positions_lookup (dossier_session_get_positions (session), "Oracle", &x, &y, NULL));
  g_assert_cmpfloat_with_epsilon (x, 5000, 1);
  g_assert_cmpfloat_with_epsilon (y, 7000, 1);
  g_assert_nonnull (layout);
  /* The view itself is untouched by what the session did with it. */
  g_assert_nonnull (view->filter->actors[1]);
  g_assert_true (dossier_positions_lookup (view->positions, "Oracle", &x, &y, NULL));
  g_assert_cmpfloat (x, ==, 5000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/views/edit", test_edit);
  g_test_add_func ("/views/round-trip", test_round_trip);
  g_test_add_func ("/views/missing-and-corrupt", test_missing_and_corrupt);
  g_test_add_func ("/views/apply", test_apply);

  return g_test_run ();
}
