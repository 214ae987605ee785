/* test-session.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DossierSession: the stages, the policies the window and the command line
 * share, the selection kept across edits, and replaced async requests. */

#include "config.h"

#include "dossier-curation.h"
#include "dossier-session.h"
#include "dossier-snapshot.h"
#include "test-util.h"

static DossierGraph *seeds;  /* extracted once */

static void
collect_problem (DossierSession *session,
                 const char     *message,
                 GPtrArray      *problems)
{
  g_ptr_array_add (problems, g_strdup (message));
}

static DossierSession *
new_session (GPtrArray *problems)
{
  DossierSession *session = dossier_session_new ();

  dossier_session_set_extracted (session, seeds);
  if (problems != NULL)
    g_signal_connect (session, "problem", G_CALLBACK (collect_problem), problems);
  return session;
}

/* A session on the seeds, curated, that collects its problems; and a
 * filter to give it. */
typedef struct
{
  GPtrArray      *problems;
  DossierSession *session;
  DossierFilter  *filter;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->problems = g_ptr_array_new_with_free_func (g_free);
  f->session = new_session (f->problems);
  f->filter = dossier_filter_new ();
  dossier_session_curate (f->session, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->session);
  g_clear_pointer (&f->filter, dossier_filter_free);
  g_clear_pointer (&f->problems, g_ptr_array_unref);
}

static void
test_stages (void)
{
  g_autoptr(DossierSession) session = dossier_session_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = dossier_corpus_default_path ();
  const char *paths[] = { path, NULL };
  DossierSubgraph *sub;
  DossierLayout *layout;

  g_assert_true (dossier_session_load (session, paths, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_session_get_corpus (session)->articles->len, ==, seeds->corpus->articles->len);
  g_assert_null (dossier_session_get_graph (session));

  dossier_session_curate (session, NULL);
  g_assert_cmpuint (dossier_session_get_graph (session)->entities->len, ==, seeds->entities->len);

  sub = dossier_session_filter (session, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sub->entities->len, >, 10);
  /* Nothing is shown before it is laid out. */
  g_assert_null (dossier_session_get_subgraph (session));

  layout = dossier_session_layout (session, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_session_get_subgraph (session) == sub);
  g_assert_true (dossier_session_get_layout (session) == layout);
  g_assert_cmpuint (layout->nodes->len, ==, sub->entities->len);
}

static void
test_edits_apply (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(DossierSession) session = new_session (NULL);
  g_autoptr(DossierCuration) curation = dossier_curation_new ();

  dossier_curation_push (curation, dossier_edit_rename ("Oracle", "Oracle Corporation"));
  dossier_curation_push (curation, dossier_edit_rename ("Nobody Here", "Still Nobody"));
  dossier_session_set_curation (session, curation);
  dossier_session_curate (session, &problems);
  dossier_session_set_curation (session, NULL);

  g_assert_cmpstr (dossier_graph_lookup_entity (dossier_session_get_graph (session), "Oracle")->name,
                   ==, "Oracle Corporation");
  /* The edit that no longer applies is said, not dropped silently. */
  g_assert_cmpuint (problems->len, ==, 1);
}

static void
test_unknown_actors (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  DossierSubgraph *sub;

  f->filter->actors = g_strsplit ("Oracle|Someone From Another Corpus", "|", -1);
  dossier_session_set_filter (f->session, f->filter);

  /* The window's policy: show the articles without the stranger. */
  sub = dossier_session_filter (f->session, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sub);
  g_assert_cmpuint (f->problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (f->problems, 0), "Someone From Another Corpus"));
  g_assert_cmpstr (dossier_session_get_filter (f->session)->actors[0], ==, "Oracle");
  g_assert_null (dossier_session_get_filter (f->session)->actors[1]);

  /* The command line's: a named actor must exist. */
  dossier_session_set_drop_unknown_actors (f->session, FALSE);
  dossier_session_set_filter (f->session, f->filter);
  g_assert_null (dossier_session_filter (f->session, &error));
  g_assert_error (error, DOSSIER_FILTER_ERROR, DOSSIER_FILTER_ERROR_UNKNOWN_ACTOR);
}

static void
test_cap (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  DossierSubgraph *sub;

  dossier_session_set_max_shown (f->session, 5);
  sub = dossier_session_filter (f->session, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sub->entities->len, ==, 5);
  g_assert_cmpuint (f->problems->len, ==, 1);

  /* Said once only. */
  sub = dossier_session_filter (f->session, &error);
  g_assert_cmpuint (f->problems->len, ==, 1);

  /* Actors chosen by the person are never capped away. */
  f->filter->actors = g_strsplit ("TikTok", "|", -1);
  dossier_session_set_filter (f->session, f->filter);
  sub = dossier_session_filter (f->session, &error);
  g_assert_cmpuint (sub->entities->len, >, 5);

  dossier_session_set_max_shown (f->session, 0);
  dossier_filter_reset (f->filter);
  dossier_session_set_filter (f->session, f->filter);
  sub = dossier_session_filter (f->session, &error);
  g_assert_cmpuint (sub->entities->len, >, 5);
}

static void
test_engine_fallback (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  DossierLayout *layout;

  g_assert_nonnull (dossier_session_filter (f->session, &error));

  /* The seeds are small: the engine asked for runs. */
  dossier_session_set_engine (f->session, DOSSIER_LAYOUT_CIRCO);
  layout = dossier_session_layout (f->session, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (layout->engine, ==, DOSSIER_LAYOUT_CIRCO);
  g_assert_cmpuint (f->problems->len, ==, 0);
}

static void
test_selection_survives_edit (void)
{
  g_autoptr(DossierSession) session = new_session (NULL);
  g_autoptr(DossierCuration) curation = dossier_curation_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  DossierGraph *graph;
  DossierEntity *oracle, *tiktok;
  DossierRelation *relation;
  guint selected[2];

  dossier_session_set_curation (session, curation);
  dossier_session_curate (session, NULL);
  dossier_session_filter (session, &error);
  dossier_session_layout (session, NULL, &error);
  g_assert_no_error (error);

  graph = dossier_session_get_graph (session);
  oracle = dossier_graph_lookup_entity (graph, "Oracle");
  tiktok = dossier_graph_lookup_entity (graph, "TikTok");
  relation = dossier_graph_lookup_relation (graph, oracle->id, DOSSIER_RELATION_ACQUIRES, tiktok->id);
  g_assert_nonnull (relation);
  selected[0] = oracle->id;
  selected[1] = tiktok->id;
  dossier_session_set_selection (session, selected, 2, relation->id);

  /* An edit renumbers the actors: the selection follows them by name. */
  dossier_curation_push (curation, dossier_edit_rename ("Oracle", "Oracle Corporation"));
  dossier_curation_push (curation, dossier_edit_not_entity ("Walmart"));
  dossier_session_curate (session, NULL);
  dossier_session_filter (session, &error);
  dossier_session_layout (session, NULL, &error);
  dossier_session_set_curation (session, NULL);

  graph = dossier_session_get_graph (session);
  ids = dossier_session_get_selected_entities (session);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpstr (dossier_graph_get_entity (graph, g_array_index (ids, guint, 0))->name, ==, "Oracle Corporation");
  g_assert_cmpstr (dossier_graph_get_entity (graph, g_array_index (ids, guint, 1))->name, ==, "TikTok");
  relation = dossier_graph_get_relation (graph, dossier_session_get_selected_relation (session));
  g_assert_cmpstr (dossier_graph_get_entity (graph, relation->source)->name, ==, "Oracle Corporation");
  g_assert_cmpint (relation->type, ==, DOSSIER_RELATION_ACQUIRES);
}

static void
node_place (DossierSession *session,
            const char     *name,
            double         *x,
            double         *y)
{
  DossierLayout *layout = dossier_session_get_layout (session);
  DossierEntity *entity = dossier_graph_lookup_entity (dossier_session_get_graph (session), name);
  int at = dossier_layout_find_entity (layout, entity->id);
  const DossierLayoutNode *node;

  g_assert_cmpint (at, >=, 0);
  node = &g_array_index (layout->nodes, DossierLayoutNode, at);
  /* In the stable frame: the drawing's bounds change with its actors. */
  *x = node->x + layout->origin.x;
  *y = node->y + layout->origin.y;
}

/* A change of filter keeps the actors that stay where they were; Lay Out
 * Afresh forgets that. */
static void
test_steady_layout (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  double x0, y0, x1, y1;

  dossier_session_filter (f->session, &error);
  dossier_session_layout (f->session, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (dossier_session_get_layout (f->session)->steady);
  node_place (f->session, "Oracle", &x0, &y0);

  f->filter->min_evidence = 2;
  dossier_session_set_filter (f->session, f->filter);
  dossier_session_filter (f->session, &error);
  dossier_session_layout (f->session, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_session_get_layout (f->session)->steady);
  node_place (f->session, "Oracle", &x1, &y1);
  g_assert_cmpfloat_with_epsilon (x0, x1, 0.01);
  g_assert_cmpfloat_with_epsilon (y0, y1, 0.01);

  dossier_session_forget_positions (f->session);
  dossier_session_layout (f->session, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (dossier_session_get_layout (f->session)->steady);
}

/* A newer request replaces the one running: its caller hears "cancelled",
 * and only the newest result is kept. */
static void
test_async_replaced (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GAsyncResult) stale = NULL;
  g_autoptr(GAsyncResult) fresh = NULL;
  g_autoptr(GError) error = NULL;
  DossierSubgraph *last;

  dossier_session_filter_async (f->session, test_keep_result_cb, &stale);
  f->filter->actors = g_strsplit ("TikTok", "|", -1);
  dossier_session_set_filter (f->session, f->filter);
  dossier_session_filter_async (f->session, test_keep_result_cb, &fresh);
  g_assert_true (dossier_session_get_busy (f->session));
  g_assert_null (dossier_session_filter_finish (f->session, test_wait_result (&stale), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  last = dossier_session_filter_finish (f->session, test_wait_result (&fresh), &error);
  g_assert_no_error (error);
  g_assert_true (last == dossier_session_get_filtered (f->session));
  g_assert_cmpuint (last->filter->actors != NULL, ==, TRUE);

  g_clear_object (&stale);
  g_clear_object (&fresh);
  dossier_session_layout_async (f->session, test_keep_result_cb, &stale);
  dossier_session_layout_async (f->session, test_keep_result_cb, &fresh);
  g_assert_null (dossier_session_layout_finish (f->session, test_wait_result (&stale), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  {
    g_autoptr(DossierLayout) layout = dossier_session_layout_finish (f->session, test_wait_result (&fresh), &error);

    g_assert_no_error (error);
    g_assert_nonnull (layout);
  }
  g_assert_false (dossier_session_get_busy (f->session));
  g_assert_true (dossier_session_get_subgraph (f->session) == last);
}

/* How many curations finished, and how many of them were cancelled. */
typedef struct
{
  guint done;
  guint cancelled;
} Results;

static void
curated_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Results *results = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  if (dossier_session_curate_finish (DOSSIER_SESSION (object), result, &problems, &error))
    g_assert_cmpuint (problems->len, ==, 1);
  else
    {
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      results->cancelled++;
    }
  results->done++;
}

static void
assert_same_graph (DossierGraph *a,
                   DossierGraph *b)
{
  g_assert_cmpuint (a->entities->len, ==, b->entities->len);
  g_assert_cmpuint (a->relations->len, ==, b->relations->len);
  for (guint i = 0; i < a->entities->len; i++)
    {
      DossierEntity *ea = dossier_graph_get_entity (a, i);
      DossierEntity *eb = dossier_graph_get_entity (b, i);

      g_assert_cmpstr (ea->name, ==, eb->name);
      g_assert_cmpint (ea->type, ==, eb->type);
      g_assert_cmpint (ea->hidden, ==, eb->hidden);
      g_assert_cmpuint (ea->aliases->len, ==, eb->aliases->len);
      g_assert_cmpuint (ea->mentions->len, ==, eb->mentions->len);
    }
  for (guint i = 0; i < a->relations->len; i++)
    {
      DossierRelation *ra = dossier_graph_get_relation (a, i);
      DossierRelation *rb = dossier_graph_get_relation (b, i);

      g_assert_cmpuint (ra->source, ==, rb->source);
      g_assert_cmpuint (ra->target, ==, rb->target);
      g_assert_cmpint (ra->type, ==, rb->type);
      g_assert_cmpuint (ra->evidence->len, ==, rb->evidence->len);
    }
}

/* Curation on a worker thread gives the graph the synchronous form gives,
 * from the edits as they were when asked; cancelling keeps the last graph. */
static void
test_curate_async (void)
{
  g_autoptr(DossierSession) session = new_session (NULL);
  g_autoptr(DossierCuration) curation = dossier_curation_new ();
  g_autoptr(DossierGraph) sync_graph = NULL;
  Results curating = { 0 };

  dossier_curation_push (curation, dossier_edit_rename ("Oracle", "Oracle Corporation"));
  dossier_curation_push (curation, dossier_edit_hide ("TikTok", TRUE));
  dossier_curation_push (curation, dossier_edit_rename ("Nobody Here", "Still Nobody"));
  dossier_session_set_curation (session, curation);
  dossier_session_curate (session, NULL);
  sync_graph = dossier_graph_ref (dossier_session_get_graph (session));

  dossier_session_curate_async (session, curated_cb, &curating);
  /* Not in the copy the worker applies. */
  dossier_curation_push (curation, dossier_edit_rename ("TikTok", "TikTok Ltd"));
  g_assert_true (dossier_session_get_busy (session));
  while (curating.done < 1)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (curating.cancelled, ==, 0);
  g_assert_false (dossier_session_get_busy (session));
  g_assert_true (dossier_session_get_graph (session) != sync_graph);
  assert_same_graph (sync_graph, dossier_session_get_graph (session));
  g_assert_nonnull (dossier_graph_lookup_entity (dossier_session_get_graph (session), "Oracle Corporation"));

  /* Cancelled, and replaced: the graph stays the last one finished. */
  dossier_curation_undo (curation);
  dossier_session_curate_async (session, curated_cb, &curating);
  dossier_session_cancel (session, DOSSIER_SESSION_CURATE);
  dossier_session_curate_async (session, curated_cb, &curating);
  dossier_session_curate_async (session, curated_cb, &curating);
  dossier_session_cancel (session, DOSSIER_SESSION_LOAD);
  while (curating.done < 4)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (curating.cancelled, ==, 3);
  g_assert_false (dossier_session_get_busy (session));
  assert_same_graph (sync_graph, dossier_session_get_graph (session));

  /* The synchronous form is newer than the one in the background. */
  dossier_session_curate_async (session, curated_cb, &curating);
  dossier_curation_push (curation, dossier_edit_rename ("TikTok", "TikTok Ltd"));
  dossier_session_curate (session, NULL);
  while (curating.done < 5)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (curating.cancelled, ==, 4);
  g_assert_nonnull (dossier_graph_lookup_entity (dossier_session_get_graph (session), "TikTok Ltd"));
  dossier_session_set_curation (session, NULL);
}

/* Snapshots -------------------------------------------------------------- */

static void
peeked_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* What a new session would draw at launch, or NULL with @error. */
static DossierSubgraph *
peek (const char     *folder,
      DossierLayout **layout,
      GError        **error)
{
  g_autoptr(DossierSession) session = dossier_session_new ();
  g_autoptr(GAsyncResult) result = NULL;
  const char *paths[] = { folder, NULL };

  dossier_session_peek_snapshot_async (session, paths, NULL, peeked_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return dossier_session_peek_snapshot_finish (session, result, layout, error);
}

/* Loads @folder, shows its graph, and so keeps a snapshot of it. */
static DossierSession *
show_folder (const char *folder)
{
  DossierSession *session = dossier_session_new ();
  g_autoptr(GError) error = NULL;
  const char *paths[] = { folder, NULL };

  dossier_session_set_snapshots (session, TRUE);
  g_assert_true (dossier_session_load (session, paths, NULL, &error));
  dossier_session_curate (session, NULL);
  dossier_session_filter (session, &error);
  g_assert_no_error (error);
  dossier_session_layout (session, NULL, &error);
  g_assert_no_error (error);
  return session;
}

static char *
copy_seeds (void)
{
  g_autofree char *seeds_dir = dossier_corpus_default_path ();
  g_autoptr(GDir) dir = g_dir_open (seeds_dir, 0, NULL);
  char *folder = test_make_temp_dir ("dossier-snapshot-XXXXXX");
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *from = g_build_filename (seeds_dir, name, NULL);
      g_autofree char *to = g_build_filename (folder, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_test (from, G_FILE_TEST_IS_REGULAR))
        continue;
      g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (to, contents, length, NULL));
    }
  return folder;
}

/* The graph shown comes back as it was drawn, names, counts and places. */
static void
test_snapshot_kept (void)
{
  g_autofree char *folder = copy_seeds ();
  g_autoptr(DossierSession) session = show_folder (folder);
  DossierSubgraph *shown = dossier_session_get_subgraph (session);
  DossierLayout *drawn = dossier_session_get_layout (session);
  g_autoptr(DossierSubgraph) sub = NULL;
  g_autoptr(DossierLayout) layout = NULL;
  g_autoptr(GError) error = NULL;

  sub = peek (folder, &layout, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sub->entities->len, ==, shown->entities->len);
  g_assert_cmpuint (sub->relations->len, ==, shown->relations->len);
  g_assert_cmpuint (sub->total_entities, ==, shown->total_entities);
  for (guint i = 0; i < sub->entities->len; i++)
    {
      guint id = g_array_index (shown->entities, guint, i);

      g_assert_cmpstr (dossier_graph_get_entity (sub->graph, i)->name, ==,
                       dossier_graph_get_entity (shown->graph, id)->name);
      g_assert_cmpfloat (dossier_subgraph_entity_weight (sub, i), ==,
                         dossier_subgraph_entity_weight (shown, i));
    }
  g_assert_cmpuint (layout->nodes->len, ==, drawn->nodes->len);
  g_assert_cmpuint (layout->edges->len, ==, drawn->edges->len);
  g_assert_cmpfloat (g_array_index (layout->nodes, DossierLayoutNode, 0).x, ==,
                     g_array_index (drawn->nodes, DossierLayoutNode, 0).x);
  /* Hit-testing works on it as on the layout it was kept from. */
  g_assert_cmpint (dossier_layout_node_at (layout, g_array_index (layout->nodes, DossierLayoutNode, 0).x,
                                           g_array_index (layout->nodes, DossierLayoutNode, 0).y), >=, 0);
  test_remove_tree (folder);
}

/* An article edited, added or removed, or another filter: the snapshot is
 * not drawn. */
static void
test_snapshot_stale (void)
{
  g_autofree char *folder = copy_seeds ();
  g_autoptr(DossierSession) session = show_folder (folder);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autofree char *article = NULL;
  g_autofree char *added = g_build_filename (folder, "new.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(DossierLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) edited = NULL;
  DossierSubgraph *sub;
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL && article == NULL)
    if (g_str_has_suffix (name, ".txt"))
      article = g_build_filename (folder, name, NULL);
  g_assert_nonnull (article);

  /* The same length, one letter changed: the time says it. */
  g_assert_true (g_file_get_contents (article, &contents, NULL, NULL));
  edited = g_string_new (contents);
  edited->str[edited->len / 2] = edited->str[edited->len / 2] == 'x' ? 'y' : 'x';
  g_usleep (20000);
  g_assert_true (g_file_set_contents (article, edited->str, edited->len, NULL));
  g_assert_null ((sub = peek (folder, &layout, &error)));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);

  /* Shown again: kept again. */
  g_clear_object (&session);
  session = show_folder (folder);
  g_assert_nonnull ((sub = peek (folder, &layout, &error)));
  dossier_subgraph_unref (sub);
  g_clear_pointer (&layout, dossier_layout_unref);

  g_assert_true (g_file_set_contents (added, "Oracle buys TikTok.\n", -1, NULL));
  g_assert_null (peek (folder, &layout, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_unlink (added);
  g_assert_nonnull ((sub = peek (folder, &layout, &error)));
  dossier_subgraph_unref (sub);
  g_clear_pointer (&layout, dossier_layout_unref);

  {
    g_autoptr(DossierSession) other = dossier_session_new ();
    g_autoptr(DossierFilter) filter = dossier_filter_new ();
    g_autoptr(GAsyncResult) result = NULL;
    const char *paths[] = { folder, NULL };

    filter->min_evidence = 2;
    dossier_session_set_filter (other, filter);
    dossier_session_peek_snapshot_async (other, paths, NULL, peeked_cb, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_null (dossier_session_peek_snapshot_finish (other, result, &layout, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    g_clear_error (&error);
  }
  test_remove_tree (folder);
}

/* A snapshot that does not read is refused, not drawn. */
static void
test_snapshot_corrupt (void)
{
  g_autofree char *folder = copy_seeds ();
  g_autoptr(DossierSession) session = show_folder (folder);
  const char *paths[] = { folder, NULL };
  g_autofree char *path = dossier_snapshot_path_for_corpus (paths);
  g_autofree char *contents = NULL;
  g_autoptr(DossierLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  /* Past the stamp: actors, relations and places scrambled. */
  for (gsize i = length / 2; i < length; i += 7)
    contents[i] ^= 0x5a;
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  g_assert_null (peek (folder, &layout, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  g_assert_null (peek (folder, &layout, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  test_remove_tree (folder);
}

/* The tests that start from the fixture. */
static const struct
{
  const char *path;
  void (*func) (Fixture *f, gconstpointer data);
} fixture_tests[] = {
  { "/session/unknown-actors", test_unknown_actors },
  { "/session/cap", test_cap },
  { "/session/engine-fallback", test_engine_fallback },
  { "/session/async-replaced", test_async_replaced },
  { "/session/steady-layout", test_steady_layout },
};

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* Snapshots go to a cache folder of the test's own. */
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  seeds = test_load_seeds ();

  g_test_add_func ("/session/stages", test_stages);
  g_test_add_func ("/session/edits-apply", test_edits_apply);
  g_test_add_func ("/session/selection-survives-edit", test_selection_survives_edit);
  g_test_add_func ("/session/curate-async", test_curate_async);
  for (guint i = 0; i < G_N_ELEMENTS (fixture_tests); i++)
    g_test_add (fixture_tests[i].path, Fixture, NULL, fixture_set_up, fixture_tests[i].func, fixture_tear_down);
  g_test_add_func ("/session/snapshot-kept", test_snapshot_kept);
  g_test_add_func ("/session/snapshot-stale", test_snapshot_stale);
  g_test_add_func ("/session/snapshot-corrupt", test_snapshot_corrupt);

  ret = g_test_run ();
  dossier_graph_unref (seeds);
  return ret;
}
