/* dossier-article-reader.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-article-reader"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-article-reader.h"
#include "dossier-labels.h"

typedef struct
{
  int   start;   /* characters, as GtkTextBuffer counts */
  int   end;
  guint entity;
} EntitySpan;

struct _DossierArticleReader
{
  GtkWidget      parent_instance;

  /* Template widgets */
  GtkLabel      *title_label;
  GtkLabel      *meta_label;
  GtkTextView   *text_view;

  /* Owned refs */
  DossierGraph  *graph;
  GArray        *spans;      /* EntitySpan, sorted by start */

  /* State */
  int            article;
  GtkTextTag    *passage_tag;
  GtkTextTag    *entity_tag;
  GtkTextMark   *passage_mark;
  gboolean       scroll_pending;
  guint          scroll_tick_id;
  guint          scroll_ticks;
};

enum {
  ENTITY_ACTIVATED,
  BACK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DossierArticleReader, dossier_article_reader, GTK_TYPE_WIDGET)

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const EntitySpan *sa = a, *sb = b;

  return sa->start - sb->start;
}

/* Byte offsets become character offsets by counting from the offset
 * asked for before, not from the start of the text: asked in increasing
 * order, all of them cost one walk of the text.  (Counting from the start
 * each time took 109 s for the mentions of a 2 MB article.) */
typedef struct
{
  const char *text;
  gsize       len;
  gsize       byte;
  glong       chars;
} OffsetCursor;

static int
byte_to_char (OffsetCursor *cursor,
              gsize         offset)
{
  offset = MIN (offset, cursor->len);
  /* Backwards too: g_utf8_pointer_to_offset counts negative then. */
  cursor->chars += g_utf8_pointer_to_offset (cursor->text + cursor->byte, cursor->text + offset);
  cursor->byte = offset;
  return cursor->chars;
}

int
dossier_article_reader_entity_at (DossierArticleReader *self,
                                  int                   offset)
{
  int best = -1, best_len = G_MAXINT;

  g_return_val_if_fail (DOSSIER_IS_ARTICLE_READER (self), -1);

  /* Mentions nest ("le groupe de Larry Ellison" is Oracle, and holds
   * Larry Ellison): the innermost one is the name under the pointer. */
  for (guint i = 0; i < self->spans->len; i++)
    {
      const EntitySpan *s = &g_array_index (self->spans, EntitySpan, i);

      if (s->start > offset)
        break;
      if (offset < s->end && s->end - s->start < best_len)
        {
          best = s->entity;
          best_len = s->end - s->start;
        }
    }
  return best;
}

gboolean
dossier_article_reader_activate_at (DossierArticleReader *self,
                                    int                   offset)
{
  int entity;

  g_return_val_if_fail (DOSSIER_IS_ARTICLE_READER (self), FALSE);

  if ((entity = dossier_article_reader_entity_at (self, offset)) < 0)
    return FALSE;
  g_signal_emit (self, signals[ENTITY_ACTIVATED], 0, (guint) entity);
  return TRUE;
}

static int
offset_at_point (DossierArticleReader *self,
                 double                x,
                 double                y)
{
  GtkTextIter iter;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    return -1;
  return gtk_text_iter_get_offset (&iter);
}

static void
click_released_cb (DossierArticleReader *self,
                   int                   n_press,
                   double                x,
                   double                y,
                   GtkGestureClick      *gesture)
{
  int offset;

  /* A drag that selected text is not a click on a name. */
  if (n_press != 1 || gtk_text_buffer_get_has_selection (gtk_text_view_get_buffer (self->text_view)))
    return;
  if ((offset = offset_at_point (self, x, y)) >= 0)
    dossier_article_reader_activate_at (self, offset);
}

static void
motion_cb (DossierArticleReader     *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *motion)
{
  int offset = offset_at_point (self, x, y);
  gboolean over = offset >= 0 && dossier_article_reader_entity_at (self, offset) >= 0;

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->text_view), over ? "pointer" : "text");
}

static void
back_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  g_signal_emit (widget, signals[BACK], 0);
}

static void
open_entity_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  DossierArticleReader *self = DOSSIER_ARTICLE_READER (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  dossier_article_reader_activate_at (self, gtk_text_iter_get_offset (&iter));
}

/* The selected text, on one line and trimmed, or NULL. */
static char *
dup_selection (DossierArticleReader *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return NULL;
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_strdelimit (text, "\n\t\r", ' ');
  g_strstrip (text);
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

/* The selection is handed to the window's curation actions, which ask for
 * the rest: "create-entity" and "alias-text" take ["text"], "not-entity-named"
 * the name. */
static void
selection_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  DossierArticleReader *self = DOSSIER_ARTICLE_READER (widget);
  g_autofree char *text = dup_selection (self);
  const char *strv[] = { text, NULL };

  if (text == NULL)
    return;
  if (g_str_equal (action_name, "reader.create-actor"))
    gtk_widget_activate_action_variant (widget, "curate.create-entity", g_variant_new_strv (strv, 1));
  else if (g_str_equal (action_name, "reader.mark-alias"))
    gtk_widget_activate_action_variant (widget, "curate.alias-text", g_variant_new_strv (strv, 1));
  else
    gtk_widget_activate_action (widget, "curate.not-entity-named", "s", text);
}

static void
update_selection_actions (DossierArticleReader *self)
{
  gboolean has = gtk_text_buffer_get_has_selection (gtk_text_view_get_buffer (self->text_view));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.create-actor", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.mark-alias", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.not-actor", has);
}

static GMenuModel *
selection_menu (void)
{
  GMenu *menu = g_menu_new ();

  g_menu_append (menu, _("Create Acto_r From Selection…"), "reader.create-actor");
  g_menu_append (menu, _("Mark as an Alia_s of…"), "reader.mark-alias");
  g_menu_append (menu, _("_Not an Actor"), "reader.not-actor");
  return G_MENU_MODEL (menu);
}

static gboolean
passage_visible (DossierArticleReader *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GdkRectangle visible, location;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, self->passage_mark);
  gtk_text_view_get_visible_rect (self->text_view, &visible);
  gtk_text_view_get_iter_location (self->text_view, &iter, &location);
  return visible.height > 0 &&
         location.y >= visible.y &&
         location.y + location.height <= visible.y + visible.height;
}

/* GtkTextView lays new text out over several frames, and a scroll asked
 * for before it knows the line heights lands short; so the request is
 * repeated each frame until the passage is on screen (or a second has
 * gone by, for a view too small to show it). */
static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  DossierArticleReader *self = data;

  if (passage_visible (self) || ++self->scroll_ticks > 60)
    {
      self->scroll_tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  gtk_text_view_scroll_to_mark (self->text_view, self->passage_mark, 0.0, TRUE, 0.0, 0.3);
  return G_SOURCE_CONTINUE;
}

static void
scroll_to_passage (DossierArticleReader *self)
{
  self->scroll_pending = FALSE;
  gtk_text_view_scroll_to_mark (self->text_view, self->passage_mark, 0.0, TRUE, 0.0, 0.3);
  self->scroll_ticks = 0;
  if (self->scroll_tick_id == 0)
    self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->text_view), scroll_tick_cb, self, NULL);
}

static void
text_view_map_cb (DossierArticleReader *self)
{
  if (self->scroll_pending)
    scroll_to_passage (self);
}

void
dossier_article_reader_show (DossierArticleReader *self,
                             DossierGraph         *graph,
                             guint                 article_index,
                             gsize                 start,
                             gsize                 end)
{
  GtkTextBuffer *buffer;
  DossierArticle *article;
  GtkTextIter s, e;
  g_autofree char *date = NULL;
  g_autofree char *meta = NULL;
  OffsetCursor cursor;
  int cs, ce;

  g_return_if_fail (DOSSIER_IS_ARTICLE_READER (self));
  g_return_if_fail (graph != NULL);
  g_return_if_fail (article_index < graph->corpus->articles->len);

  if (self->graph != graph)
    {
      g_clear_pointer (&self->graph, dossier_graph_unref);
      self->graph = dossier_graph_ref (graph);
    }

  article = dossier_corpus_get_article (graph->corpus, article_index);
  buffer = gtk_text_view_get_buffer (self->text_view);
  self->article = article_index;
  cursor = (OffsetCursor) { article->text, article->len, 0, 0 };

  gtk_label_set_text (self->title_label, article->title ? article->title : article->id);
  date = dossier_date_format (&article->date);
  meta = g_strdup_printf ("%s · %s", date, article->path ? article->path : article->id);
  gtk_label_set_text (self->meta_label, meta);

  /* The text is UTF-8 by construction (the corpus converts it); should a
   * bad byte slip through, show nothing rather than trip GtkTextBuffer. */
  if (g_utf8_validate_len (article->text, article->len, NULL))
    gtk_text_buffer_set_text (buffer, article->text, article->len);
  else
    gtk_text_buffer_set_text (buffer, "", 0);

  g_array_set_size (self->spans, 0);
  for (guint i = 0; i < graph->entities->len; i++)
    {
      DossierEntity *entity = dossier_graph_get_entity (graph, i);

      for (guint j = 0; j < entity->mentions->len; j++)
        {
          const DossierMention *m = &g_array_index (entity->mentions, DossierMention, j);
          EntitySpan span;

          if (m->article != article_index || m->end > article->len || m->start >= m->end)
            continue;
          /* Bytes for now: converted below, in text order. */
          span.start = m->start;
          span.end = m->end;
          span.entity = entity->id;
          g_array_append_val (self->spans, span);
        }
    }
  g_array_sort (self->spans, compare_spans);
  for (guint i = 0; i < self->spans->len; i++)
    {
      EntitySpan *span = &g_array_index (self->spans, EntitySpan, i);

      span->start = byte_to_char (&cursor, span->start);
      span->end = byte_to_char (&cursor, span->end);
      gtk_text_buffer_get_iter_at_offset (buffer, &s, span->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &e, span->end);
      gtk_text_buffer_apply_tag (buffer, self->entity_tag, &s, &e);
    }

  cs = byte_to_char (&cursor, start);
  ce = byte_to_char (&cursor, MAX (start, end));
  gtk_text_buffer_get_iter_at_offset (buffer, &s, cs);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, ce);
  gtk_text_buffer_apply_tag (buffer, self->passage_tag, &s, &e);
  gtk_text_buffer_place_cursor (buffer, &s);
  gtk_text_buffer_move_mark (buffer, self->passage_mark, &s);

  /* A text view that is not on screen drops the scroll: then it waits
   * for the map. */
  self->scroll_pending = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self->text_view)))
    scroll_to_passage (self);
}

gboolean
dossier_article_reader_is_settled (DossierArticleReader *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE_READER (self), TRUE);
  return !self->scroll_pending && self->scroll_tick_id == 0;
}

GtkTextView *
dossier_article_reader_get_text_view (DossierArticleReader *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE_READER (self), NULL);
  return self->text_view;
}

int
dossier_article_reader_get_article (DossierArticleReader *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE_READER (self), -1);
  return self->article;
}

static void
dossier_article_reader_dispose (GObject *object)
{
  DossierArticleReader *self = DOSSIER_ARTICLE_READER (object);
  GtkWidget *child;

  if (self->scroll_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->text_view), self->scroll_tick_id);
      self->scroll_tick_id = 0;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_ARTICLE_READER);
  /* Only bound children are cleared by the call above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->graph, dossier_graph_unref);

  G_OBJECT_CLASS (dossier_article_reader_parent_class)->dispose (object);
}

static void
dossier_article_reader_finalize (GObject *object)
{
  DossierArticleReader *self = DOSSIER_ARTICLE_READER (object);

  g_clear_pointer (&self->spans, g_array_unref);

  G_OBJECT_CLASS (dossier_article_reader_parent_class)->finalize (object);
}

static void
dossier_article_reader_class_init (DossierArticleReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_article_reader_dispose;
  object_class->finalize = dossier_article_reader_finalize;

  signals[ENTITY_ACTIVATED] =
    g_signal_new ("entity-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[BACK] =
    g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/dossier-article-reader.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierArticleReader, title_label);
  gtk_widget_class_bind_template_child (widget_class, DossierArticleReader, meta_label);
  gtk_widget_class_bind_template_child (widget_class, DossierArticleReader, text_view);

  gtk_widget_class_install_action (widget_class, "reader.back", NULL, back_action_cb);
  gtk_widget_class_install_action (widget_class, "reader.open-entity", NULL, open_entity_action_cb);
  gtk_widget_class_install_action (widget_class, "reader.create-actor", NULL, selection_action_cb);
  gtk_widget_class_install_action (widget_class, "reader.mark-alias", NULL, selection_action_cb);
  gtk_widget_class_install_action (widget_class, "reader.not-actor", NULL, selection_action_cb);
  /* Not Shift+Ctrl+A: the text view unselects with it. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "reader.create-actor", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "reader.create-actor", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "reader.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "reader.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "reader.open-entity", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "articlereader");
}

static void
dossier_article_reader_init (DossierArticleReader *self)
{
  GtkTextBuffer *buffer;
  GtkEventController *controller;
  GtkTextIter start;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->article = -1;
  self->spans = g_array_new (FALSE, FALSE, sizeof (EntitySpan));

  buffer = gtk_text_view_get_buffer (self->text_view);
  self->passage_tag = gtk_text_buffer_create_tag (buffer, "passage",
                                                  "background-rgba", &(GdkRGBA) { 0.96, 0.83, 0.18, 0.38 },
                                                  NULL);
  self->entity_tag = gtk_text_buffer_create_tag (buffer, "entity",
                                                 "underline", PANGO_UNDERLINE_SINGLE,
                                                 "weight", PANGO_WEIGHT_SEMIBOLD,
                                                 NULL);
  gtk_text_buffer_get_start_iter (buffer, &start);
  self->passage_mark = gtk_text_buffer_create_mark (buffer, "passage", &start, TRUE);

  g_signal_connect_swapped (self->text_view, "map", G_CALLBACK (text_view_map_cb), self);
  g_signal_connect_swapped (buffer, "notify::has-selection", G_CALLBACK (update_selection_actions), self);
  {
    g_autoptr(GMenuModel) menu = selection_menu ();

    gtk_text_view_set_extra_menu (self->text_view, menu);
  }
  update_selection_actions (self);

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  g_signal_connect_swapped (controller, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), controller);
}

GtkWidget *
dossier_article_reader_new (void)
{
  return g_object_new (DOSSIER_TYPE_ARTICLE_READER, NULL);
}
