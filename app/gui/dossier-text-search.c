/* dossier-text-search.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-text-search"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-labels.h"
#include "dossier-text-search.h"

/* Rows beyond this are counted, not shown: a list of thousands helps nobody. */
#define MAX_ROWS 500

struct _DossierTextSearch
{
  GtkWidget       parent_instance;

  /* Children */
  GtkWidget      *box;
  GtkSearchEntry *entry;
  GtkLabel       *status;
  GtkWidget      *select_button;
  GtkListBox     *list;

  /* Owned refs */
  DossierGraph   *graph;
  GPtrArray      *hits;          /* DossierSearchHit, the results shown */
  GCancellable   *cancellable;   /* of the search running, or NULL */
};

G_DEFINE_FINAL_TYPE (DossierTextSearch, dossier_text_search, GTK_TYPE_WIDGET)

enum {
  PASSAGE_ACTIVATED,
  SELECT_ACTORS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void run_search (DossierTextSearch *self);

/* gtk_list_box_remove_all () is GTK 4.12. */
static void
remove_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* The sentence as Pango markup on one line, the matched words bold on the
 * highlight colour of the passage list. */
static char *
hit_markup (const DossierArticle   *article,
            const DossierSearchHit *hit)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gsize pos = hit->start;

  for (guint m = 0; m <= hit->matches->len; m++)
    {
      const DossierRange *r = m < hit->matches->len ? &g_array_index (hit->matches, DossierRange, m) : NULL;
      gsize until = r != NULL ? r->start : hit->end;
      g_autofree char *plain = g_utf8_make_valid (article->text + pos, until - pos);
      g_autofree char *escaped = g_markup_escape_text (plain, -1);

      g_string_append (out, escaped);
      if (r != NULL)
        {
          g_autofree char *word = g_utf8_make_valid (article->text + r->start, r->end - r->start);
          g_autofree char *mark = g_markup_escape_text (word, -1);

          g_string_append_printf (out, "<span weight=\"bold\" bgcolor=\"#f6d32d\" bgalpha=\"45%%\">%s</span>", mark);
          pos = r->end;
        }
    }
  g_strdelimit (out->str, "\n\t", ' ');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static GtkWidget *
make_row (DossierTextSearch      *self,
          const DossierSearchHit *hit,
          guint                   index)
{
  const DossierArticle *article = dossier_corpus_get_article (self->graph->corpus, hit->article);
  g_autofree char *date = dossier_date_format (&article->date);
  /* The date first: a long title is cut, the date should not be. */
  g_autofree char *header = g_markup_printf_escaped ("<small>%s · <b>%s</b></small>", date,
                                                     article->title != NULL ? article->title : article->id);
  g_autofree char *markup = hit_markup (article, hit);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *passage = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (title), header);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "dim-label");
  gtk_label_set_markup (GTK_LABEL (passage), markup);
  gtk_label_set_xalign (GTK_LABEL (passage), 0);
  gtk_label_set_wrap (GTK_LABEL (passage), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (passage), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (passage), 6);
  gtk_label_set_ellipsize (GTK_LABEL (passage), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), passage);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "hit-index", GUINT_TO_POINTER (index));
  return row;
}

static gboolean
has_actors (DossierTextSearch *self)
{
  for (guint i = 0; self->hits != NULL && i < self->hits->len; i++)
    {
      if (((DossierSearchHit *) g_ptr_array_index (self->hits, i))->actors->len > 0)
        return TRUE;
    }
  return FALSE;
}

static void
show_results (DossierTextSearch *self,
              guint              n_found)
{
  g_autoptr(GHashTable) articles = g_hash_table_new (NULL, NULL);
  g_autofree char *found = NULL;
  g_autofree char *in = NULL;
  g_autofree char *status = NULL;

  remove_rows (self->list);
  for (guint i = 0; i < self->hits->len; i++)
    {
      const DossierSearchHit *hit = g_ptr_array_index (self->hits, i);

      g_hash_table_add (articles, GUINT_TO_POINTER (hit->article + 1));
      gtk_list_box_append (self->list, make_row (self, hit, i));
    }

  if (n_found == 0)
    status = g_strdup (_("No passage holds these words"));
  else
    {
      found = g_strdup_printf (g_dngettext (NULL, "%u passage", "%u passages", n_found), n_found);
      in = g_strdup_printf (g_dngettext (NULL, "in %u article", "in %u articles", g_hash_table_size (articles)),
                            g_hash_table_size (articles));
      /* Translators: "12 passages in 3 articles", then "(the first 500 shown)" when there are more. */
      status = n_found > self->hits->len
             ? g_strdup_printf (_("%s (the first %u shown)"), found, self->hits->len)
             : g_strdup_printf ("%s %s", found, in);
    }
  gtk_label_set_text (self->status, status);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "text-search.select-actors", has_actors (self));
}

static void
search_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(DossierTextSearch) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  guint n_found = 0;

  hits = dossier_search_run_finish (result, &n_found, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  if (hits == NULL)
    {
      gtk_label_set_text (self->status, error->message);
      return;
    }

  g_clear_pointer (&self->hits, g_ptr_array_unref);
  self->hits = g_steal_pointer (&hits);
  show_results (self, n_found);
}

static void
clear_results (DossierTextSearch *self,
               const char        *status)
{
  g_clear_pointer (&self->hits, g_ptr_array_unref);
  remove_rows (self->list);
  gtk_label_set_text (self->status, status);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "text-search.select-actors", FALSE);
}

static void
run_search (DossierTextSearch *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr(GError) error = NULL;
  DossierSearch *search;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->graph == NULL || *query == '\0')
    {
      clear_results (self, "");
      return;
    }
  if (!(search = dossier_search_new (query, &error)))
    {
      clear_results (self, error->message);
      return;
    }

  self->cancellable = g_cancellable_new ();
  gtk_label_set_text (self->status, _("Searching…"));
  dossier_search_run_async (search, self->graph->corpus, self->graph, MAX_ROWS,
                            self->cancellable, search_done_cb, g_object_ref (self));
}

static void
row_activated_cb (DossierTextSearch *self,
                  GtkListBoxRow     *row,
                  GtkListBox        *list)
{
  dossier_text_search_activate (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "hit-index")));
}

/* Enter opens the first result. */
static void
entry_activate_cb (DossierTextSearch *self,
                   GtkSearchEntry    *entry)
{
  if (self->hits != NULL && self->hits->len > 0)
    dossier_text_search_activate (self, 0);
}

static void
select_actors_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  g_signal_emit (widget, signals[SELECT_ACTORS], 0);
}

static void
dossier_text_search_dispose (GObject *object)
{
  DossierTextSearch *self = DOSSIER_TEXT_SEARCH (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (dossier_text_search_parent_class)->dispose (object);
}

static void
dossier_text_search_finalize (GObject *object)
{
  DossierTextSearch *self = DOSSIER_TEXT_SEARCH (object);

  g_clear_pointer (&self->hits, g_ptr_array_unref);
  g_clear_pointer (&self->graph, dossier_graph_unref);

  G_OBJECT_CLASS (dossier_text_search_parent_class)->finalize (object);
}

static void
dossier_text_search_class_init (DossierTextSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_text_search_dispose;
  object_class->finalize = dossier_text_search_finalize;

  signals[PASSAGE_ACTIVATED] = g_signal_new ("passage-activated",
                                             G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT64, G_TYPE_UINT64);
  signals[SELECT_ACTORS] = g_signal_new ("select-actors",
                                         G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "text-search.select-actors", NULL, select_actors_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "textsearch");
}

static void
dossier_text_search_init (DossierTextSearch *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->entry, "placeholder-text", _("Search the text of the articles"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search the text"),
                                  -1);
  gtk_widget_set_margin_top (GTK_WIDGET (self->entry), 6);
  gtk_widget_set_margin_start (GTK_WIDGET (self->entry), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (self->entry), 6);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->entry));

  self->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->status, 0);
  gtk_label_set_wrap (self->status, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->status), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->status), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->status), "caption");
  self->select_button = gtk_button_new_with_mnemonic (_("Select _Actors"));
  gtk_widget_set_tooltip_text (self->select_button, _("Select together in the graph the actors these passages mention"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->select_button), "text-search.select-actors");
  gtk_widget_add_css_class (self->select_button, "flat");
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->status));
  gtk_box_append (GTK_BOX (bar), self->select_button);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 6);
  gtk_box_append (GTK_BOX (self->box), bar);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (self->box), scrolled);

  g_signal_connect_swapped (self->entry, "search-changed", G_CALLBACK (run_search), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (entry_activate_cb), self);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "text-search.select-actors", FALSE);
}

GtkWidget *
dossier_text_search_new (void)
{
  return g_object_new (DOSSIER_TYPE_TEXT_SEARCH, NULL);
}

void
dossier_text_search_set_graph (DossierTextSearch *self,
                               DossierGraph      *graph)
{
  g_return_if_fail (DOSSIER_IS_TEXT_SEARCH (self));

  if (graph == self->graph)
    return;
  g_clear_pointer (&self->graph, dossier_graph_unref);
  self->graph = graph != NULL ? dossier_graph_ref (graph) : NULL;
  /* Actor ids change with the graph: the results are found again. */
  run_search (self);
}

void
dossier_text_search_set_query (DossierTextSearch *self,
                               const char        *query)
{
  g_return_if_fail (DOSSIER_IS_TEXT_SEARCH (self));
  g_return_if_fail (query != NULL);

  g_signal_handlers_block_by_func (self->entry, run_search, self);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), query);
  g_signal_handlers_unblock_by_func (self->entry, run_search, self);
  run_search (self);
}

void
dossier_text_search_focus (DossierTextSearch *self)
{
  g_return_if_fail (DOSSIER_IS_TEXT_SEARCH (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

gboolean
dossier_text_search_is_busy (DossierTextSearch *self)
{
  g_return_val_if_fail (DOSSIER_IS_TEXT_SEARCH (self), FALSE);
  return self->cancellable != NULL;
}

guint
dossier_text_search_get_n_results (DossierTextSearch *self)
{
  g_return_val_if_fail (DOSSIER_IS_TEXT_SEARCH (self), 0);
  return self->hits != NULL ? self->hits->len : 0;
}

const DossierSearchHit *
dossier_text_search_get_result (DossierTextSearch *self,
                                guint              index)
{
  g_return_val_if_fail (DOSSIER_IS_TEXT_SEARCH (self), NULL);
  g_return_val_if_fail (index < dossier_text_search_get_n_results (self), NULL);
  return g_ptr_array_index (self->hits, index);
}

void
dossier_text_search_activate (DossierTextSearch *self,
                              guint              index)
{
  const DossierSearchHit *hit;

  g_return_if_fail (DOSSIER_IS_TEXT_SEARCH (self));

  if (index >= dossier_text_search_get_n_results (self))
    return;
  hit = g_ptr_array_index (self->hits, index);
  g_signal_emit (self, signals[PASSAGE_ACTIVATED], 0, hit->article, (guint64) hit->start, (guint64) hit->end);
}

GArray *
dossier_text_search_dup_actors (DossierTextSearch *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GArray *actors = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (DOSSIER_IS_TEXT_SEARCH (self), actors);

  for (guint i = 0; self->hits != NULL && i < self->hits->len; i++)
    {
      const DossierSearchHit *hit = g_ptr_array_index (self->hits, i);

      for (guint a = 0; a < hit->actors->len; a++)
        {
          guint id = g_array_index (hit->actors, guint, a);

          if (g_hash_table_add (seen, GUINT_TO_POINTER (id + 1)))
            g_array_append_val (actors, id);
        }
    }
  return actors;
}
