/* test-gui.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Drives the real window on the seed articles under Xvfb: input goes in
 * through the same controller signals and actions as a person's clicks
 * and keys, and the checks read what the widgets then show. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "dossier-article-reader.h"
#include "dossier-graph-view.h"
#include "dossier-passage-list.h"
#include "dossier-window.h"
#include "gui-test-util.h"
#include "test-util.h"

static DossierWindow *window;

static void
iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* Lets the window lay out and paint @n times, then runs what is ready. */
static void
wait_frames (GtkWidget *widget,
             guint      n)
{
  gui_test_wait_frames (widget, n);
  iterate ();
}

static void
wait_until_drawn (DossierWindow *win)
{
  gui_test_wait_until_drawn (win);
  if (g_strcmp0 (dossier_window_get_main_page (win), "graph") == 0)
    wait_frames (GTK_WIDGET (dossier_window_get_graph_view (win)), 2);
}

static DossierWindow *
open_window (const char * const *paths)
{
  DossierWindow *win = dossier_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (win), 1200, 800);
  gtk_window_present (GTK_WINDOW (win));
  dossier_window_load (win, paths);
  wait_until_drawn (win);
  return win;
}

static DossierEntity *
lookup (const char *name)
{
  DossierEntity *entity = dossier_graph_lookup_entity (dossier_window_get_graph (window), name);

  g_assert_nonnull (entity);
  return entity;
}

static void
click_at (GtkWidget *widget,
          double     x,
          double     y)
{
  GtkEventController *click = gui_test_find_controller (widget, GTK_TYPE_GESTURE_CLICK, GDK_BUTTON_PRIMARY);

  g_signal_emit_by_name (click, "pressed", 1, x, y);
  g_signal_emit_by_name (click, "released", 1, x, y);
  iterate ();
}

static void
fit (void)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-fit", NULL);
  iterate ();
}

/* Tests */

static void
test_drawn (void)
{
  DossierGraphView *view = dossier_window_get_graph_view (window);
  DossierLayout *layout = dossier_graph_view_get_layout (view);
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double x, y;
  int w, h, stride;
  guint32 background, at_node;
  guchar *data;

  g_assert_cmpstr (dossier_window_get_main_page (window), ==, "graph");
  g_assert_nonnull (layout);
  g_assert_cmpuint (layout->nodes->len, >=, 5);

  /* Every node of the fitted graph is inside the widget. */
  w = gtk_widget_get_width (GTK_WIDGET (view));
  h = gtk_widget_get_height (GTK_WIDGET (view));
  for (guint i = 0; i < layout->nodes->len; i++)
    {
      const DossierLayoutNode *n = &g_array_index (layout->nodes, DossierLayoutNode, i);

      g_assert_true (dossier_graph_view_get_entity_point (view, n->entity, &x, &y));
      g_assert_cmpfloat (x, >=, 0);
      g_assert_cmpfloat (x, <=, w);
      g_assert_cmpfloat (y, >=, 0);
      g_assert_cmpfloat (y, <=, h);
    }

  /* Pixels: the corner is background, Oracle's node is not. */
  node = gui_test_snapshot_complete (view, w, h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  g_assert_true (dossier_graph_view_get_entity_point (view, lookup ("Oracle")->id, &x, &y));
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  background = *(guint32 *) (data + 2 * stride + 2 * 4);
  /* Just below the label's middle line: the node's fill. */
  at_node = *(guint32 *) (data + ((int) y + 8) * stride + ((int) x - 15) * 4);
  g_assert_cmphex (background, !=, at_node);
  cairo_surface_destroy (surface);
}

static void
test_zoom_pan (void)
{
  DossierGraphView *view = dossier_window_get_graph_view (window);
  DossierViewTransform before, after;
  GtkEventController *controller;
  double gx0, gy0, gx1, gy1;

  fit ();
  before = *dossier_graph_view_get_transform (view);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
  iterate ();
  after = *dossier_graph_view_get_transform (view);
  g_assert_cmpfloat (after.scale, >, before.scale * 1.1);

  gtk_widget_activate_action (GTK_WIDGET (view), "view.zoom-out", NULL);
  iterate ();
  g_assert_cmpfloat_with_epsilon (dossier_graph_view_get_transform (view)->scale, before.scale, 1e-6);

  /* The scroll wheel zooms around the pointer: the graph point under it
   * stays put. */
  controller = gui_test_find_controller (GTK_WIDGET (view), GTK_TYPE_EVENT_CONTROLLER_MOTION, 0);
  g_signal_emit_by_name (controller, "motion", 300.0, 200.0);
  before = *dossier_graph_view_get_transform (view);
  dossier_view_transform_to_graph (&before, 300, 200, &gx0, &gy0);
  controller = gui_test_find_controller (GTK_WIDGET (view), GTK_TYPE_EVENT_CONTROLLER_SCROLL, 0);
  {
    gboolean handled = FALSE;

    g_signal_emit_by_name (controller, "scroll", 0.0, -2.0, &handled);
    g_assert_true (handled);
  }
  iterate ();
  after = *dossier_graph_view_get_transform (view);
  g_assert_cmpfloat (after.scale, >, before.scale);
  dossier_view_transform_to_graph (&after, 300, 200, &gx1, &gy1);
  g_assert_cmpfloat_with_epsilon (gx0, gx1, 1e-6);
  g_assert_cmpfloat_with_epsilon (gy0, gy1, 1e-6);

  /* Dragging pans by the pointer's movement, past a small threshold. */
  before = after;
  controller = gui_test_find_controller (GTK_WIDGET (view), GTK_TYPE_GESTURE_DRAG, 0);
  g_signal_emit_by_name (controller, "drag-begin", 100.0, 100.0);
  g_signal_emit_by_name (controller, "drag-update", 2.0, 1.0);
  after = *dossier_graph_view_get_transform (view);
  g_assert_true (dossier_view_transform_equal (&before, &after));
  g_signal_emit_by_name (controller, "drag-update", 60.0, -25.0);
  g_signal_emit_by_name (controller, "drag-end", 60.0, -25.0);
  after = *dossier_graph_view_get_transform (view);
  g_assert_cmpfloat_with_epsilon (after.offset_x, before.offset_x + 60, 1e-6);
  g_assert_cmpfloat_with_epsilon (after.offset_y, before.offset_y - 25, 1e-6);
  g_assert_cmpfloat_with_epsilon (after.scale, before.scale, 1e-9);

  /* Keyboard pan. */
  before = after;
  gtk_widget_activate_action (GTK_WIDGET (view), "view.pan", "(ii)", 1, 0);
  iterate ();
  after = *dossier_graph_view_get_transform (view);
  g_assert_cmpfloat (after.offset_x, <, before.offset_x);
  g_assert_cmpfloat_with_epsilon (after.offset_y, before.offset_y, 1e-6);

  /* 100% and fit. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL);
  iterate ();
  g_assert_cmpfloat_with_epsilon (dossier_graph_view_get_transform (view)->scale, 1.0, 1e-9);
  fit ();
  g_assert_cmpfloat (dossier_graph_view_get_transform (view)->scale, <=, 1.0);
  wait_frames (GTK_WIDGET (view), 1);
}

/* Passages of an entity: one per sentence holding a mention. */
static guint
count_expected_passages (DossierEntity *entity,
                         DossierCorpus *corpus,
                         guint         *body)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen_body = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < entity->mentions->len; i++)
    {
      const DossierMention *m = &g_array_index (entity->mentions, DossierMention, i);
      DossierArticle *article = dossier_corpus_get_article (corpus, m->article);
      int s = dossier_article_sentence_at (article, m->start);
      char *key = s >= 0 ? g_strdup_printf ("%u:s%d", m->article, s) : g_strdup_printf ("%u:m%zu", m->article, m->start);

      if (m->section == DOSSIER_SECTION_BODY)
        g_hash_table_add (seen_body, g_strdup (key));
      g_hash_table_add (seen, key);
    }
  *body = g_hash_table_size (seen_body);
  return g_hash_table_size (seen);
}

static void
test_click_node (void)
{
  DossierGraphView *view = dossier_window_get_graph_view (window);
  DossierPassageList *list = dossier_window_get_passage_list (window);
  DossierGraph *graph = dossier_window_get_graph (window);
  DossierEntity *oracle = lookup ("Oracle");
  guint expected, expected_body, n_body = 0, n_highlights = 0;
  double x, y;

  fit ();
  dossier_graph_view_clear_selection (view);
  g_assert_cmpstr (dossier_window_get_side_page (window), ==, "empty");

  g_assert_true (dossier_graph_view_get_entity_point (view, oracle->id, &x, &y));
  click_at (GTK_WIDGET (view), x, y);

  g_assert_cmpint (dossier_graph_view_get_selected_entity (view), ==, oracle->id);
  g_assert_cmpstr (dossier_window_get_side_page (window), ==, "passages");

  expected = count_expected_passages (oracle, graph->corpus, &expected_body);
  g_assert_cmpuint (expected_body, >, 0);
  g_assert_cmpuint (dossier_passage_list_get_n_passages (list), ==, expected);

  for (guint i = 0; i < dossier_passage_list_get_n_passages (list); i++)
    {
      const DossierPassage *p = dossier_passage_list_get_passage (list, i);
      DossierArticle *article = dossier_corpus_get_article (graph->corpus, p->article);

      if (p->section == DOSSIER_SECTION_BODY)
        n_body++;
      g_assert_cmpint (p->relation, ==, -1);
      /* Each highlight is a mention of Oracle inside its passage. */
      for (guint j = 0; j < p->highlights->len; j++)
        {
          const DossierRange *h = &g_array_index (p->highlights, DossierRange, j);
          gboolean is_mention = FALSE;

          g_assert_cmpuint (h->start, >=, p->start);
          g_assert_cmpuint (h->end, <=, p->end);
          g_assert_cmpuint (h->end, <=, article->len);
          for (guint k = 0; k < oracle->mentions->len; k++)
            {
              const DossierMention *m = &g_array_index (oracle->mentions, DossierMention, k);

              if (m->article == p->article && m->start == h->start && m->end == h->end)
                is_mention = TRUE;
            }
          g_assert_true (is_mention);
          n_highlights++;
        }
      /* Grouped by article: an article's passages are contiguous. */
      if (i > 0)
        {
          const DossierPassage *prev = dossier_passage_list_get_passage (list, i - 1);

          if (prev->article != p->article)
            for (guint k = 0; k < i; k++)
              g_assert_cmpuint (dossier_passage_list_get_passage (list, k)->article, !=, p->article);
        }
    }
  g_assert_cmpuint (n_body, ==, expected_body);
  /* Every mention is highlighted exactly once. */
  g_assert_cmpuint (n_highlights, ==, oracle->mentions->len);

  /* Clicking empty space clears the selection. */
  click_at (GTK_WIDGET (view), 2, 2);
  g_assert_cmpint (dossier_graph_view_get_selected_entity (view), ==, -1);
  g_assert_cmpstr (dossier_window_get_side_page (window), ==, "empty");

  /* A double click (its second press) on an actor selects it and shows its passages. */
  g_signal_emit_by_name (gui_test_find_controller (GTK_WIDGET (view), GTK_TYPE_GESTURE_CLICK, GDK_BUTTON_PRIMARY),
                         "pressed", 2, x, y);
  iterate ();
  g_assert_cmpint (dossier_graph_view_get_selected_entity (view), ==, oracle->id);
  g_assert_cmpstr (dossier_window_get_side_page (window), ==, "passages");
}

static void
test_open_passage (void)
{
  DossierGraphView *view = dossier_window_get_graph_view (window);
  DossierPassageList *list = dossier_window_get_passage_list (window);
  DossierArticleReader *reader = dossier_window_get_reader (window);
  DossierGraph *graph = dossier_window_get_graph (window);
  DossierEntity *oracle = lookup ("Oracle");
  const DossierPassage *passage;
  DossierArticle *article;
  GtkTextView *text_view;
  GtkTextBuffer *buffer;
  GtkTextIter iter, insert;
  GdkRectangle visible, location;
  GtkAdjustment *vadj;
  guint chosen = 0;
  int char_start, tikok_offset = -1;
  DossierEntity *tiktok = lookup ("TikTok");

  g_assert_true (dossier_graph_view_select_entity (view, oracle->id));
  g_assert_cmpuint (dossier_passage_list_get_n_passages (list), >, 0);

  /* The passage furthest into its article, so that the reader must scroll. */
  for (guint i = 0; i < dossier_passage_list_get_n_passages (list); i++)
    if (dossier_passage_list_get_passage (list, i)->start > dossier_passage_list_get_passage (list, chosen)->start)
      chosen = i;
  passage = dossier_passage_list_get_passage (list, chosen);
  article = dossier_corpus_get_article (graph->corpus, passage->article);

  dossier_passage_list_activate (list, chosen);
  g_assert_cmpstr (dossier_window_get_side_page (window), ==, "reader");
  g_assert_cmpint (dossier_article_reader_get_article (reader), ==, passage->article);

  text_view = dossier_article_reader_get_text_view (reader);
  buffer = gtk_text_view_get_buffer (text_view);
  while (!dossier_article_reader_is_settled (reader))
    g_main_context_iteration (NULL, TRUE);
  wait_frames (GTK_WIDGET (text_view), 1);

  /* The cursor sits at the start of the passage (byte offset converted). */
  char_start = g_utf8_pointer_to_offset (article->text, article->text + passage->start);
  gtk_text_buffer_get_iter_at_mark (buffer, &insert, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_offset (&insert), ==, char_start);
  g_assert_true (gtk_text_iter_has_tag (&insert, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "passage")));

  /* ...and is on screen. */
  gtk_text_view_get_visible_rect (text_view, &visible);
  gtk_text_view_get_iter_location (text_view, &insert, &location);
  g_assert_cmpint (location.y, >=, visible.y);
  g_assert_cmpint (location.y + location.height, <=, visible.y + visible.height);
  vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (text_view));
  if (gtk_adjustment_get_upper (vadj) > gtk_adjustment_get_page_size (vadj) * 2 && location.y > visible.height)
    g_assert_cmpfloat (gtk_adjustment_get_value (vadj), >, 0);

  /* Every mention of a known entity is underlined: clicking TikTok's
   * selects it in the graph, and the reader stays open. */
  for (guint i = 0; i < tiktok->mentions->len && tikok_offset < 0; i++)
    {
      const DossierMention *m = &g_array_index (tiktok->mentions, DossierMention, i);

      if (m->article == passage->article)
        tikok_offset = g_utf8_pointer_to_offset (article->text, article->text + m->start) + 1;
    }
  g_assert_cmpint (tikok_offset, >=, 0);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, tikok_offset);
  g_assert_true (gtk_text_iter_has_tag (&iter, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "entity")));
  g_assert_cmpint (dossier_article_reader_entity_at (reader, tikok_offset), ==, tiktok->id);
  g_assert_true (dossier_article_reader_activate_at (reader, tikok_offset));
  iterate ();
  g_assert_cmpint (dossier_graph_view_get_selected_entity (view), ==, tiktok->id);
  g_assert_cmpstr (dossier_window_get_side_page (window), ==, "reader");

  /* Back returns to the (now TikTok's) list. */
  gtk_widget_activate_action (GTK_WIDGET (reader), "reader.back", NULL);
  g_assert_cmpstr (dossier_window_get_side_page (window), ==, "passages");
}

static void
test_find (void)
{
  DossierGraphView *view = dossier_window_get_graph_view (window);
  GtkEditable *entry = dossier_window_get_find_entry (window);
  DossierEntity *ellison = lookup ("Larry Ellison");
  DossierEntity *oracle = lookup ("Oracle");
  const DossierViewTransform *t;
  double x, y;

  dossier_graph_view_clear_selection (view);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  iterate ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (entry)));

  gtk_editable_set_text (entry, "Larry Ellison");
  g_signal_emit_by_name (entry, "activate");
  iterate ();
  g_assert_cmpint (dossier_graph_view_get_selected_entity (view), ==, ellison->id);
  wait_frames (GTK_WIDGET (view), 2);

  /* Centred (the animation is off in tests) and readable. */
  t = dossier_graph_view_get_transform (view);
  g_assert_cmpfloat (t->scale, >=, 0.8);
  g_assert_true (dossier_graph_view_get_entity_point (view, ellison->id, &x, &y));
  g_assert_cmpfloat_with_epsilon (x, gtk_widget_get_width (GTK_WIDGET (view)) / 2.0, 1.0);
  g_assert_cmpfloat_with_epsilon (y, gtk_widget_get_height (GTK_WIDGET (view)) / 2.0, 1.0);

  /* Part of a name, in another case, and an alias. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  gtk_editable_set_text (entry, "ellison");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpint (dossier_graph_view_get_selected_entity (view), ==, ellison->id);

  for (guint i = 0; i < oracle->aliases->len; i++)
    {
      const char *alias = g_ptr_array_index (oracle->aliases, i);

      dossier_graph_view_clear_selection (view);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
      gtk_editable_set_text (entry, alias);
      g_signal_emit_by_name (entry, "activate");
      g_assert_cmpint (dossier_graph_view_get_selected_entity (view), ==, oracle->id);
    }

  /* Nothing found: the selection stays, nothing breaks. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  gtk_editable_set_text (entry, "<b>No such actor & co</b>");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpint (dossier_graph_view_get_selected_entity (view), ==, oracle->id);
  fit ();
}

static void
test_click_edge (void)
{
  DossierGraphView *view = dossier_window_get_graph_view (window);
  DossierPassageList *list = dossier_window_get_passage_list (window);
  DossierLayout *layout = dossier_graph_view_get_layout (view);
  DossierGraph *graph = dossier_window_get_graph (window);
  const DossierViewTransform *t;
  DossierRelation *relation = NULL;
  double x = 0, y = 0;

  fit ();
  t = dossier_graph_view_get_transform (view);

  /* An edge whose middle is clear of every node and of other edges,
   * even a few pixels aside. */
  for (guint i = 0; i < layout->edges->len && relation == NULL; i++)
    {
      const DossierLayoutEdge *e = &g_array_index (layout->edges, DossierLayoutEdge, i);
      double gx, gy, ax, ay;

      g_assert_true (dossier_graph_view_get_relation_point (view, e->relation, &x, &y));
      dossier_view_transform_to_graph (t, x, y, &gx, &gy);
      dossier_view_transform_to_graph (t, x + 3, y, &ax, &ay);
      if (dossier_layout_node_at (layout, gx, gy) < 0 &&
          dossier_layout_node_at (layout, ax, ay) < 0 &&
          dossier_layout_edge_at (layout, gx, gy, 1.0) == (int) i &&
          dossier_layout_edge_at (layout, ax, ay, 7.0 / t->scale) == (int) i)
        relation = dossier_graph_get_relation (graph, e->relation);
    }
  g_assert_nonnull (relation);

  /* A few pixels off the line still hits it. */
  click_at (GTK_WIDGET (view), x + 3, y);
  g_assert_cmpint (dossier_graph_view_get_selected_relation (view), ==, relation->id);
  g_assert_cmpint (dossier_graph_view_get_selected_entity (view), ==, -1);
  g_assert_cmpstr (dossier_window_get_side_page (window), ==, "passages");
  g_assert_cmpuint (dossier_passage_list_get_n_passages (list), ==, relation->evidence->len);

  for (guint i = 0; i < dossier_passage_list_get_n_passages (list); i++)
    {
      const DossierPassage *p = dossier_passage_list_get_passage (list, i);
      gboolean is_evidence = FALSE;

      g_assert_cmpint (p->relation, ==, relation->id);
      for (guint k = 0; k < relation->evidence->len; k++)
        {
          const DossierEvidence *ev = &g_array_index (relation->evidence, DossierEvidence, k);

          if (ev->article == p->article && ev->start == p->start && ev->end == p->end)
            is_evidence = TRUE;
        }
      g_assert_true (is_evidence);
    }

  /* Escape clears. */
  gtk_widget_activate_action (GTK_WIDGET (view), "view.clear-selection", NULL);
  g_assert_cmpint (dossier_graph_view_get_selected_relation (view), ==, -1);
}

static void
node_activated_cb (DossierGraphView *view,
                   guint             entity,
                   int              *out)
{
  *out = entity;
}

static void
test_keyboard (void)
{
  DossierGraphView *view = dossier_window_get_graph_view (window);
  DossierLayout *layout = dossier_graph_view_get_layout (view);
  g_autoptr(GHashTable) visited = g_hash_table_new (NULL, NULL);
  int activated = -1, first, moved;
  gulong id;

  dossier_graph_view_clear_selection (view);

  /* Tab goes round every node once. */
  for (guint i = 0; i < layout->nodes->len; i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (view), "view.select-next", NULL);
      g_assert_cmpint (dossier_graph_view_get_selected_entity (view), >=, 0);
      g_hash_table_add (visited, GINT_TO_POINTER (dossier_graph_view_get_selected_entity (view)));
    }
  g_assert_cmpuint (g_hash_table_size (visited), ==, layout->nodes->len);
  first = dossier_graph_view_get_selected_entity (view);
  gtk_widget_activate_action (GTK_WIDGET (view), "view.select-previous", NULL);
  g_assert_cmpint (dossier_graph_view_get_selected_entity (view), !=, first);

  /* Arrows move to some other node. */
  first = dossier_graph_view_get_selected_entity (view);
  gtk_widget_activate_action (GTK_WIDGET (view), "view.select-direction", "(ii)", 1, 0);
  gtk_widget_activate_action (GTK_WIDGET (view), "view.select-direction", "(ii)", 0, 1);
  gtk_widget_activate_action (GTK_WIDGET (view), "view.select-direction", "(ii)", -1, 0);
  moved = dossier_graph_view_get_selected_entity (view);
  g_assert_cmpint (moved, >=, 0);

  /* Right goes right: from a node, the next one chosen lies within 45° of
   * the arrow whenever such a node exists.  Josh Hawley first (→ used to
   * pick Donald Trump, above him), then a few others: each selection
   * rebuilds the passage list, slow under the sanitizers. */
  for (guint j = 0, checked = 0; j <= layout->nodes->len && checked < 6; j++)
    {
      guint i = j == 0 ? (guint) dossier_layout_find_entity (layout, lookup ("Josh Hawley")->id) : j - 1;
      const DossierLayoutNode *from = &g_array_index (layout->nodes, DossierLayoutNode, i);
      gboolean any = FALSE;
      int to;

      for (guint k = 0; k < layout->nodes->len; k++)
        {
          const DossierLayoutNode *n = &g_array_index (layout->nodes, DossierLayoutNode, k);

          if (k != i && n->x - from->x > 0 && fabs (n->y - from->y) <= n->x - from->x)
            any = TRUE;
        }
      if (!any)
        continue;
      dossier_graph_view_select_entity (view, from->entity);
      gtk_widget_activate_action (GTK_WIDGET (view), "view.select-direction", "(ii)", 1, 0);
      to = dossier_layout_find_entity (layout, dossier_graph_view_get_selected_entity (view));
      {
        const DossierLayoutNode *n = &g_array_index (layout->nodes, DossierLayoutNode, to);

        g_assert_cmpint (to, !=, (int) i);
        g_assert_cmpfloat (fabs (n->y - from->y), <=, n->x - from->x);
        checked++;
      }
    }
  dossier_graph_view_select_entity (view, moved);

  /* Enter opens the passages. */
  id = g_signal_connect (view, "node-activated", G_CALLBACK (node_activated_cb), &activated);
  gtk_widget_activate_action (GTK_WIDGET (view), "view.activate", NULL);
  g_signal_handler_disconnect (view, id);
  g_assert_cmpint (activated, ==, moved);
  g_assert_cmpstr (dossier_window_get_side_page (window), ==, "passages");

  /* Centring and the context menu of the selection. */
  {
    DossierEntity *oracle = lookup ("Oracle");
    GtkEventController *secondary = gui_test_find_controller (GTK_WIDGET (view), GTK_TYPE_GESTURE_CLICK,
                                                              GDK_BUTTON_SECONDARY);
    double x, y;

    fit ();
    g_assert_true (dossier_graph_view_select_entity (view, oracle->id));
    gtk_widget_activate_action (GTK_WIDGET (view), "view.center-selection", NULL);
    iterate ();
    g_assert_true (dossier_graph_view_get_entity_point (view, oracle->id, &x, &y));
    g_assert_cmpfloat_with_epsilon (x, gtk_widget_get_width (GTK_WIDGET (view)) / 2.0, 1.0);
    g_assert_cmpfloat_with_epsilon (y, gtk_widget_get_height (GTK_WIDGET (view)) / 2.0, 1.0);

    /* A right click on another node selects it and opens the menu. */
    dossier_graph_view_clear_selection (view);
    g_signal_emit_by_name (secondary, "pressed", 1, x, y);
    iterate ();
    g_assert_cmpint (dossier_graph_view_get_selected_entity (view), ==, oracle->id);
    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child; child = gtk_widget_get_next_sibling (child))
      if (GTK_IS_POPOVER (child))
        {
          g_assert_true (gtk_widget_get_visible (child));
          gtk_popover_popdown (GTK_POPOVER (child));
        }
  }

  gtk_widget_activate_action (GTK_WIDGET (view), "view.clear-selection", NULL);
  g_assert_cmpint (dossier_graph_view_get_selected_entity (view), ==, -1);
}

static void
test_copy_citation (void)
{
  DossierGraphView *view = dossier_window_get_graph_view (window);
  DossierPassageList *list = dossier_window_get_passage_list (window);
  DossierGraph *graph = dossier_window_get_graph (window);
  const DossierPassage *p;
  DossierArticle *article;
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (list));
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *mention = NULL;
  const DossierRange *h;

  g_assert_true (dossier_graph_view_select_entity (view, lookup ("ByteDance")->id));
  p = dossier_passage_list_get_passage (list, 0);
  article = dossier_corpus_get_article (graph->corpus, p->article);
  h = &g_array_index (p->highlights, DossierRange, 0);
  mention = g_strndup (article->text + h->start, h->end - h->start);

  gtk_widget_activate_action (GTK_WIDGET (list), "passages.copy-citation", "u", 0);
  gdk_clipboard_read_text_async (clipboard, NULL, test_keep_result_cb, &result);
  text = gdk_clipboard_read_text_finish (clipboard, test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (text);

  g_assert_nonnull (strstr (text, mention));
  g_assert_nonnull (strstr (text, article->title ? article->title : article->id));
  g_assert_nonnull (strstr (text, article->id));
  g_assert_nonnull (g_utf8_strchr (text, -1, 0x201C));  /* the opening quote mark */
}

static void
test_relayout_keeps_drawing (void)
{
  DossierGraphView *view = dossier_window_get_graph_view (window);
  DossierLayout *old = dossier_graph_view_get_layout (view);
  DossierEntity *oracle = lookup ("Oracle");

  g_assert_true (dossier_graph_view_select_entity (view, oracle->id));

  g_action_group_activate_action (G_ACTION_GROUP (window), "layout-engine", g_variant_new_string ("circo"));
  /* Straight away: busy, and the old drawing is still there. */
  g_assert_true (dossier_window_is_busy (window));
  g_assert_true (dossier_graph_view_get_layout (view) == old);
  g_assert_cmpstr (dossier_window_get_main_page (window), ==, "graph");

  /* A second request supersedes the first. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "layout-engine", g_variant_new_string ("dot"));
  wait_until_drawn (window);
  g_assert_true (dossier_graph_view_get_layout (view) != old);
  g_assert_cmpint (dossier_graph_view_get_layout (view)->engine, ==, DOSSIER_LAYOUT_DOT);
  /* The selection survives the new layout. */
  g_assert_cmpint (dossier_graph_view_get_selected_entity (view), ==, oracle->id);

  g_action_group_activate_action (G_ACTION_GROUP (window), "layout-engine", g_variant_new_string ("auto"));
  wait_until_drawn (window);
}

static void
test_bad_input (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dossier-gui-XXXXXX", NULL);
  g_autofree char *good = g_build_filename (dir, "good.txt", NULL);
  g_autofree char *binary = g_build_filename (dir, "binary.txt", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", NULL);
  const char *missing_paths[] = { missing, NULL };
  const char *dir_paths[] = { dir, NULL };
  const char bytes[] = "\x00\x01\x02\xff\xfe\x00PNG\x00";
  DossierWindow *win;

  /* Nothing readable: an error page, no crash. */
  win = open_window (missing_paths);
  g_assert_cmpstr (dossier_window_get_main_page (win), ==, "error");
  gtk_window_destroy (GTK_WINDOW (win));

  /* One good article and one binary file: the graph shows, the binary
   * file is reported. */
  g_assert_true (g_file_set_contents (good,
                                      "Oracle and \"TikTok\" <b>&amp;</b>\n\n"
                                      "Oracle signed a deal with TikTok on Monday, said Microsoft.\n",
                                      -1, NULL));
  g_assert_true (g_file_set_contents (binary, bytes, sizeof bytes, NULL));
  win = open_window (dir_paths);
  g_assert_cmpstr (dossier_window_get_main_page (win), !=, "loading");
  g_assert_false (dossier_window_is_busy (win));
  if (g_strcmp0 (dossier_window_get_main_page (win), "graph") == 0)
    {
      DossierGraphView *view = dossier_window_get_graph_view (win);
      DossierLayout *layout = dossier_graph_view_get_layout (view);
      const DossierLayoutNode *n = &g_array_index (layout->nodes, DossierLayoutNode, 0);

      g_assert_true (dossier_graph_view_select_entity (view, n->entity));
      g_assert_cmpuint (dossier_passage_list_get_n_passages (dossier_window_get_passage_list (win)), >, 0);
      dossier_passage_list_activate (dossier_window_get_passage_list (win), 0);
      g_assert_cmpstr (dossier_window_get_side_page (win), ==, "reader");
    }
  gtk_window_destroy (GTK_WINDOW (win));
  iterate ();

  /* Readable text without a single actor: said so, not an empty graph. */
  g_unlink (binary);
  g_assert_true (g_file_set_contents (good, "nothing to see here\n\nno names at all, only words.\n", -1, NULL));
  win = open_window (dir_paths);
  g_assert_cmpstr (dossier_window_get_main_page (win), ==, "error");
  /* The view's actions do nothing harmful without a graph. */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.zoom-in", NULL);
  gtk_widget_activate_action (GTK_WIDGET (dossier_window_get_graph_view (win)), "view.select-next", NULL);
  gtk_widget_activate_action (GTK_WIDGET (dossier_window_get_graph_view (win)), "view.activate", NULL);
  gtk_window_destroy (GTK_WINDOW (win));
  iterate ();

  g_unlink (good);
  g_rmdir (dir);
}

/* Names full of markup and quotes go through every widget intact. */
static void
test_hostile_names (void)
{
  g_autofree char *data_dir = g_dir_make_tmp ("dossier-gaz-XXXXXX", NULL);
  g_autofree char *gaz_src = g_test_build_filename (G_TEST_DIST, "fixtures", "export", "hostile.gaz", NULL);
  g_autofree char *gaz_dst = g_build_filename (data_dir, "hostile.gaz", NULL);
  g_autofree char *corpus = g_test_build_filename (G_TEST_DIST, "fixtures", "export", "hostile", NULL);
  g_autofree char *old_data = g_strdup (g_getenv ("DOSSIER_DATA_DIR"));
  g_autofree char *contents = NULL;
  const char *paths[] = { corpus, NULL };
  DossierWindow *win;
  DossierGraphView *view;
  DossierPassageList *list;
  DossierEntity *hostile;
  gsize len;

  g_assert_true (g_file_get_contents (gaz_src, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (gaz_dst, contents, len, NULL));
  g_setenv ("DOSSIER_DATA_DIR", data_dir, TRUE);
  win = open_window (paths);
  if (old_data != NULL)
    g_setenv ("DOSSIER_DATA_DIR", old_data, TRUE);
  else
    g_unsetenv ("DOSSIER_DATA_DIR");

  g_assert_cmpstr (dossier_window_get_main_page (win), ==, "graph");
  hostile = dossier_graph_lookup_entity (dossier_window_get_graph (win), "Hostile Corp");
  g_assert_nonnull (hostile);
  g_assert_cmpstr (hostile->name, ==, "\"Oracle\" <b>&</b> \\ \"x\"");

  view = dossier_window_get_graph_view (win);
  list = dossier_window_get_passage_list (win);
  g_assert_true (dossier_graph_view_select_entity (view, hostile->id));
  g_assert_cmpuint (dossier_passage_list_get_n_passages (list), >, 0);
  dossier_passage_list_activate (list, 0);
  g_assert_cmpstr (dossier_window_get_side_page (win), ==, "reader");

  /* Found by its exact, hostile name. */
  dossier_graph_view_clear_selection (view);
  gtk_widget_activate_action (GTK_WIDGET (win), "win.find", NULL);
  gtk_editable_set_text (dossier_window_get_find_entry (win), hostile->name);
  g_signal_emit_by_name (dossier_window_get_find_entry (win), "activate");
  g_assert_cmpint (dossier_graph_view_get_selected_entity (view), ==, hostile->id);
  wait_frames (GTK_WIDGET (view), 2);

  /* Hovering it draws its highlight and relation labels. */
  {
    double x, y;

    g_assert_true (dossier_graph_view_get_entity_point (view, hostile->id, &x, &y));
    g_signal_emit_by_name (gui_test_find_controller (GTK_WIDGET (view), GTK_TYPE_EVENT_CONTROLLER_MOTION, 0),
                           "motion", x, y);
    wait_frames (GTK_WIDGET (view), 2);
  }

  gtk_window_destroy (GTK_WINDOW (win));
  iterate ();
  g_unlink (gaz_dst);
  g_rmdir (data_dir);
}

static void
test_help_overlay (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/dossier/Dossier/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

static void
test_filter_relayout (void)
{
  DossierGraphView *view = dossier_window_get_graph_view (window);
  g_autoptr(DossierFilter) filter = dossier_filter_copy (dossier_window_get_filter (window));
  g_autoptr(DossierFilter) original = dossier_filter_copy (filter);
  DossierEntity *ellison = lookup ("Larry Ellison");
  DossierLayout *layout;

  /* Only people: the layout that comes back has no company in it. */
  filter->entity_types = 1u << DOSSIER_ENTITY_PERSON;
  dossier_window_set_filter (window, filter);
  wait_until_drawn (window);
  layout = dossier_graph_view_get_layout (view);
  g_assert_nonnull (layout);
  for (guint i = 0; i < layout->nodes->len; i++)
    {
      const DossierLayoutNode *n = &g_array_index (layout->nodes, DossierLayoutNode, i);

      g_assert_cmpint (dossier_graph_get_entity (dossier_window_get_graph (window), n->entity)->type, ==, DOSSIER_ENTITY_PERSON);
    }
  g_assert_true (dossier_graph_view_select_entity (view, ellison->id));

  dossier_window_set_filter (window, original);
  wait_until_drawn (window);
  g_assert_true (dossier_graph_view_get_entity_point (view, lookup ("Oracle")->id, NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  const char *seeds[] = { g_getenv ("DOSSIER_SEEDS_DIR"), NULL };
  int ret;

  gui_test_init (&argc, &argv);

  window = open_window (seeds[0] != NULL ? seeds : NULL);

  g_test_add_func ("/gui/drawn", test_drawn);
  g_test_add_func ("/gui/zoom-pan", test_zoom_pan);
  g_test_add_func ("/gui/click-node", test_click_node);
  g_test_add_func ("/gui/open-passage", test_open_passage);
  g_test_add_func ("/gui/find", test_find);
  g_test_add_func ("/gui/click-edge", test_click_edge);
  g_test_add_func ("/gui/keyboard", test_keyboard);
  g_test_add_func ("/gui/copy-citation", test_copy_citation);
  g_test_add_func ("/gui/relayout-keeps-drawing", test_relayout_keeps_drawing);
  g_test_add_func ("/gui/filter-relayout", test_filter_relayout);
  g_test_add_func ("/gui/help-overlay", test_help_overlay);
  g_test_add_func ("/gui/hostile-names", test_hostile_names);
  g_test_add_func ("/gui/bad-input", test_bad_input);

  ret = g_test_run ();
  gtk_window_destroy (GTK_WINDOW (window));
  return ret;
}
