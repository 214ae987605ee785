/* dossier-passage-list.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-passage-list"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-date.h"
#include "dossier-labels.h"
#include "dossier-passage-list.h"
#include "dossier-curation.h"

/* Passages longer than this are cut around their first highlight. */
#define MAX_PASSAGE_BYTES 600
#define CONTEXT_BYTES     260

struct _DossierPassageList
{
  GtkWidget        parent_instance;

  /* Template widgets */
  GtkScrolledWindow *scroller;
  GtkLabel         *title_label;
  GtkLabel         *subtitle_label;
  GtkLabel         *aliases_label;
  GtkBox           *relations_box;
  GtkLabel         *passages_heading;
  GtkListBox       *list;

  /* Owned refs */
  DossierSubgraph  *subgraph;
  GArray           *passages;  /* DossierPassage, in display order */
  guint             n_shown;   /* rows made so far */
  GtkWidget        *more_row;  /* "Show more passages", or NULL */
  DossierGraph     *rejected_graph;  /* the graph @rejected is on */
  GArray           *rejected;        /* DossierRejectedPassage */
  gboolean          show_rejected;
  int               shown_entity;    /* what is shown, to show it again, or -1 */
  int               shown_relation;
};

/* Rows are made a page at a time: an actor of a big corpus has thousands
 * of passages, and making every row at once froze the window. */
#define PASSAGES_PER_PAGE 100

enum {
  PASSAGE_ACTIVATED,
  RELATION_ACTIVATED,
  ENTITY_ACTIVATED,
  CITATION_COPIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];
static const char * const signal_names[N_SIGNALS] = {
  [PASSAGE_ACTIVATED] = "passage-activated",
  [RELATION_ACTIVATED] = "relation-activated",
  [ENTITY_ACTIVATED] = "entity-activated",
  [CITATION_COPIED] = "citation-copied",
};

G_DEFINE_FINAL_TYPE (DossierPassageList, dossier_passage_list, GTK_TYPE_WIDGET)

static void
passage_clear (DossierPassage *passage)
{
  g_clear_pointer (&passage->highlights, g_array_unref);
}

static DossierArticle *
get_article (DossierPassageList *self,
             guint               index)
{
  return dossier_corpus_get_article (self->subgraph->graph->corpus, index);
}

/* Sentence around @start, or the line when the offset is outside every
 * sentence (titles, page furniture). */
static DossierRange
passage_range (const DossierArticle *article,
               gsize                 start,
               gsize                 end)
{
  DossierRange r;
  int s = dossier_article_sentence_at (article, start);

  if (s >= 0)
    {
      const DossierSentence *sentence = &g_array_index (article->sentences, DossierSentence, s);

      r.start = MIN (sentence->start, start);
      r.end = MAX (sentence->end, end);
      return r;
    }

  r.start = start;
  while (r.start > 0 && article->text[r.start - 1] != '\n')
    r.start--;
  r.end = end;
  while (r.end < article->len && article->text[r.end] != '\n')
    r.end++;
  return r;
}

static int
compare_passages (gconstpointer a,
                  gconstpointer b,
                  gpointer      data)
{
  DossierPassageList *self = data;
  const DossierPassage *pa = a, *pb = b;
  DossierArticle *aa, *ab;
  int cmp;

  if (pa->article != pb->article)
    {
      aa = get_article (self, pa->article);
      ab = get_article (self, pb->article);
      /* Newest article first; undated ones sort as oldest. */
      cmp = dossier_date_compare (&ab->date, &aa->date);
      if (cmp != 0)
        return cmp;
      return pa->article < pb->article ? -1 : 1;
    }
  if (pa->start != pb->start)
    return pa->start < pb->start ? -1 : 1;
  return 0;
}

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const DossierRange *ra = a, *rb = b;

  if (ra->start != rb->start)
    return ra->start < rb->start ? -1 : 1;
  return 0;
}

/* The passage as Pango markup: white space collapsed, highlights bold on
 * a tinted background, every piece of text escaped. */
static char *
passage_markup (DossierPassageList   *self,
                const DossierPassage *passage)
{
  DossierArticle *article = get_article (self, passage->article);
  g_autoptr(GString) out = g_string_new (NULL);
  gsize start = passage->start, end = MIN (passage->end, article->len);
  gsize pos;

  if (passage->highlights->len > 0 && end - start > MAX_PASSAGE_BYTES)
    {
      const DossierRange *first = &g_array_index (passage->highlights, DossierRange, 0);
      const char *s;

      if (first->start > start + CONTEXT_BYTES)
        {
          s = g_utf8_find_prev_char (article->text, article->text + first->start - CONTEXT_BYTES);
          start = s ? (gsize) (s - article->text) : start;
          g_string_append (out, "… ");
        }
      if (first->end + CONTEXT_BYTES < end)
        {
          s = g_utf8_find_next_char (article->text + first->end + CONTEXT_BYTES, NULL);
          end = s ? MIN ((gsize) (s - article->text), end) : end;
        }
    }

  pos = start;
  for (guint i = 0; i <= passage->highlights->len; i++)
    {
      gsize hs = end, he = end;
      g_autofree char *plain = NULL;

      if (i < passage->highlights->len)
        {
          const DossierRange *h = &g_array_index (passage->highlights, DossierRange, i);

          if (h->end <= pos || h->start >= end)
            continue;
          hs = MAX (h->start, pos);
          he = MIN (h->end, end);
        }

      if (hs > pos)
        {
          g_autofree char *valid = g_utf8_make_valid (article->text + pos, hs - pos);

          plain = g_markup_escape_text (valid, -1);
          g_string_append (out, plain);
        }
      if (he > hs)
        {
          g_autofree char *valid = g_utf8_make_valid (article->text + hs, he - hs);
          g_autofree char *mark = g_markup_escape_text (valid, -1);

          g_string_append_printf (out, "<span weight=\"bold\" bgcolor=\"#f6d32d\" bgalpha=\"45%%\">%s</span>", mark);
        }
      pos = MAX (pos, he);
    }
  if (end < passage->end)
    g_string_append (out, " …");

  /* Collapse line breaks and runs of spaces; markup has no newlines of its own. */
  for (gsize i = 0; i < out->len; i++)
    if (out->str[i] == '\n' || out->str[i] == '\t')
      out->str[i] = ' ';
  g_strstrip (out->str);
  out->len = strlen (out->str);

  /* Offsets that cut a character would have made bad markup: show the
   * plain sentence rather than let the label refuse it. */
  if (!pango_parse_markup (out->str, -1, 0, NULL, NULL, NULL, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (article->text + passage->start,
                                                  MIN (passage->end, article->len) - passage->start);

      return g_markup_escape_text (valid, -1);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
passage_meta (DossierPassageList   *self,
              const DossierPassage *passage)
{
  g_autoptr(GString) meta = g_string_new (NULL);
  g_autofree char *date = dossier_date_format (&passage->date);

  g_string_append (meta, date);
  if (passage->relation >= 0)
    {
      DossierRelation *relation = dossier_graph_get_relation (self->subgraph->graph, passage->relation);

      g_string_append_printf (meta, " · %s", dossier_relation_type_label (relation->type));
    }
  if (passage->section == DOSSIER_SECTION_COMMENTS || (passage->flags & DOSSIER_EVIDENCE_COMMENTS))
    g_string_append_printf (meta, " · %s", _("from reader comments"));
  if (passage->flags & DOSSIER_EVIDENCE_NEGATED)
    g_string_append_printf (meta, " · %s", _("negated"));
  if (passage->flags & DOSSIER_EVIDENCE_HYPOTHETICAL)
    g_string_append_printf (meta, " · %s", _("hypothetical"));

  return g_string_free (g_steal_pointer (&meta), FALSE);
}

static GtkWidget *
row_button (const char *icon,
            const char *label,
            const char *action,
            guint       index)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", index);
  return button;
}

static GtkWidget *
create_row (DossierPassageList *self,
            guint               index)
{
  const DossierPassage *passage = &g_array_index (self->passages, DossierPassage, index);
  g_autofree char *markup = passage_markup (self, passage);
  g_autofree char *meta = passage_meta (self, passage);
  GtkWidget *row, *box, *label, *bottom, *button;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_add_css_class (box, "passage");

  label = gtk_label_new (NULL);
  /* Evidence that says it did not happen, or only might, reads apart:
   * dimmed, and in italics when hedged. */
  if (passage->flags & DOSSIER_EVIDENCE_HYPOTHETICAL)
    {
      g_autofree char *italic = g_strconcat ("<i>", markup, "</i>", NULL);

      gtk_label_set_markup (GTK_LABEL (label), italic);
    }
  else if (passage->rejected >= 0)
    {
      g_autofree char *struck = g_strconcat ("<s>", markup, "</s>", NULL);

      gtk_label_set_markup (GTK_LABEL (label), struck);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (box, "rejected");
    }
  else
    gtk_label_set_markup (GTK_LABEL (label), markup);
  if (passage->flags & (DOSSIER_EVIDENCE_NEGATED | DOSSIER_EVIDENCE_HYPOTHETICAL))
    {
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (box, (passage->flags & DOSSIER_EVIDENCE_NEGATED) ? "negated" : "hedged");
    }
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_box_append (GTK_BOX (box), label);

  bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  label = gtk_label_new (meta);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (bottom), label);

  button = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Copy as Citation"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Copy as Citation"),
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "passages.copy-citation");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", index);
  gtk_box_append (GTK_BOX (bottom), button);
  if (passage->rejected >= 0)
    gtk_box_append (GTK_BOX (bottom), row_button ("edit-undo-symbolic", _("Restore Passage"),
                                                  "passages.restore", index));
  else if (passage->relation >= 0)
    gtk_box_append (GTK_BOX (bottom), row_button ("action-unavailable-symbolic", _("Reject Passage"),
                                                  "passages.reject", index));
  gtk_box_append (GTK_BOX (box), bottom);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "passage-index", GUINT_TO_POINTER (index));
  return row;
}

static guint
passages_in_article (DossierPassageList *self,
                     guint               article)
{
  guint n = 0;

  for (guint i = 0; i < self->passages->len; i++)
    if (g_array_index (self->passages, DossierPassage, i).article == article)
      n++;
  return n;
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       data)
{
  DossierPassageList *self = data;
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "passage-index"));
  const DossierPassage *passage;
  DossierArticle *article;
  g_autofree char *date = NULL;
  g_autofree char *count = NULL;
  g_autofree char *markup = NULL;
  GtkWidget *label;
  guint n;

  if ((GtkWidget *) row == self->more_row)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  passage = &g_array_index (self->passages, DossierPassage, index);

  if (before != NULL)
    {
      guint prev = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (before), "passage-index"));

      if (g_array_index (self->passages, DossierPassage, prev).article == passage->article)
        {
          gtk_list_box_row_set_header (row, NULL);
          return;
        }
    }

  article = get_article (self, passage->article);
  date = dossier_date_format (&article->date);
  n = passages_in_article (self, passage->article);
  count = g_strdup_printf (g_dngettext (NULL, "%u passage", "%u passages", n), n);
  /* An article without a title is named by its file, once. */
  if (article->title != NULL)
    markup = g_markup_printf_escaped ("<b>%s</b>\n<small>%s · %s · %s</small>",
                                      article->title, date, article->id, count);
  else
    markup = g_markup_printf_escaped ("<b>%s</b>\n<small>%s · %s</small>", article->id, date, count);

  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "article-header");
  gtk_list_box_row_set_header (row, label);
}

static void
append_page (DossierPassageList *self)
{
  guint end = MIN (self->n_shown + PASSAGES_PER_PAGE, self->passages->len);

  if (self->more_row != NULL)
    {
      gtk_list_box_remove (self->list, self->more_row);
      self->more_row = NULL;
    }

  for (guint i = self->n_shown; i < end; i++)
    {
      DossierPassage *p = &g_array_index (self->passages, DossierPassage, i);

      g_array_sort (p->highlights, compare_ranges);
      gtk_list_box_append (self->list, create_row (self, i));
    }
  self->n_shown = end;

  if (end < self->passages->len)
    {
      guint left = self->passages->len - end;
      g_autofree char *text = g_strdup_printf (g_dngettext (NULL, "Show %u More Passage", "Show %u More Passages",
                                                            MIN (left, PASSAGES_PER_PAGE)),
                                               MIN (left, PASSAGES_PER_PAGE));
      GtkWidget *label = gtk_label_new (text);

      gtk_widget_add_css_class (label, "accent");
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      self->more_row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self->more_row), label);
      gtk_list_box_append (self->list, self->more_row);
    }
}

static void
row_activated_cb (DossierPassageList *self,
                  GtkListBoxRow      *row,
                  GtkListBox         *list)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "passage-index"));

  if ((GtkWidget *) row == self->more_row)
    {
      append_page (self);
      return;
    }
  g_signal_emit (self, signals[PASSAGE_ACTIVATED], 0, index);
}

static void
reset (DossierPassageList *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->more_row = NULL;
  self->n_shown = 0;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->relations_box))) != NULL)
    gtk_box_remove (self->relations_box, child);
  g_array_set_size (self->passages, 0);
  gtk_label_set_text (self->title_label, "");
  gtk_label_set_text (self->subtitle_label, "");
  gtk_label_set_text (self->aliases_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->aliases_label), FALSE);
  gtk_label_set_text (self->passages_heading, "");
  self->shown_entity = self->shown_relation = -1;
}

static void
fill_list (DossierPassageList *self)
{
  g_autoptr(GHashTable) articles = g_hash_table_new (NULL, NULL);
  g_autofree char *heading = NULL;
  g_autofree char *n_passages = NULL;

  g_array_sort_with_data (self->passages, compare_passages, self);
  for (guint i = 0; i < self->passages->len; i++)
    g_hash_table_add (articles, GUINT_TO_POINTER (g_array_index (self->passages, DossierPassage, i).article));
  append_page (self);

  n_passages = g_strdup_printf (g_dngettext (NULL, "%u passage", "%u passages", self->passages->len),
                                self->passages->len);
  /* TRANSLATORS: "%s" is "N passages" */
  heading = g_strdup_printf (g_dngettext (NULL, "%s in %u article", "%s in %u articles",
                                          g_hash_table_size (articles)),
                             n_passages, g_hash_table_size (articles));
  gtk_label_set_text (self->passages_heading, heading);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static GtkWidget *
link_button (const char *label,
             const char *action,
             guint       target,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_with_label (label);
  GtkWidget *child = gtk_button_get_child (GTK_BUTTON (button));

  gtk_label_set_xalign (GTK_LABEL (child), 0);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "relation-link");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", target);
  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (button, tooltip);
  return button;
}

/* A passage backing a relation, or one rejected (@rejected its index). */
static void
append_evidence (DossierPassageList    *self,
                 const DossierEvidence *ev,
                 int                    relation_id,
                 int                    rejected)
{
  DossierGraph *graph = self->subgraph->graph;
  DossierArticle *article;
  DossierPassage *p;
  DossierRange h;

  if (ev->article >= graph->corpus->articles->len)
    return;
  article = get_article (self, ev->article);
  if (ev->end > article->len || ev->start > ev->end)
    return;

  g_array_set_size (self->passages, self->passages->len + 1);
  p = &g_array_index (self->passages, DossierPassage, self->passages->len - 1);
  p->article = ev->article;
  p->start = ev->start;
  p->end = ev->end;
  p->highlights = g_array_new (FALSE, FALSE, sizeof (DossierRange));
  h.start = ev->source_start;
  h.end = ev->source_end;
  if (h.end > h.start && h.end <= article->len)
    g_array_append_val (p->highlights, h);
  h.start = ev->target_start;
  h.end = ev->target_end;
  if (h.end > h.start && h.end <= article->len)
    g_array_append_val (p->highlights, h);
  p->date = ev->date;
  p->section = dossier_article_section_at (article, ev->start);
  p->flags = ev->flags;
  p->relation = relation_id;
  p->rejected = rejected;
}

static void
show_rejected_toggled_cb (GtkCheckButton     *button,
                          DossierPassageList *self)
{
  self->show_rejected = gtk_check_button_get_active (button);
  if (self->shown_relation >= 0)
    dossier_passage_list_show_relation (self, self->subgraph, self->shown_relation);
  else if (self->shown_entity >= 0)
    dossier_passage_list_show_entity (self, self->subgraph, self->shown_entity);
}

/* The passages rejected one by one between @source and @target (of
 * @type), or touching @source when @target is G_MAXUINT: counted in the
 * "Show Rejected" toggle, listed struck out when it is on. */
static void
add_rejected (DossierPassageList  *self,
              guint                source,
              guint                target,
              DossierRelationType  type)
{
  GArray *rejected = self->rejected_graph == self->subgraph->graph ? self->rejected : NULL;
  g_autofree char *label = NULL;
  GtkWidget *toggle;
  guint n = 0;

  for (guint i = 0; rejected != NULL && i < rejected->len; i++)
    {
      const DossierRejectedPassage *r = &g_array_index (rejected, DossierRejectedPassage, i);
      gboolean match = target == G_MAXUINT
                     ? r->source == source || r->target == source
                     : r->type == type && ((r->source == source && r->target == target) ||
                                           (dossier_relation_type_is_symmetric (type) &&
                                            r->source == target && r->target == source));

      if (!match)
        continue;
      n++;
      if (self->show_rejected)
        append_evidence (self, &r->evidence, -1, i);
    }
  if (n == 0)
    return;

  label = g_strdup_printf (g_dngettext (NULL, "Show %u Rejected Passage", "Show %u Rejected Passages", n), n);
  toggle = gtk_check_button_new_with_mnemonic (label);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (toggle), self->show_rejected);
  gtk_widget_add_css_class (toggle, "show-rejected");
  g_signal_connect (toggle, "toggled", G_CALLBACK (show_rejected_toggled_cb), self);
  gtk_box_append (self->relations_box, toggle);
}

void
dossier_passage_list_set_rejected (DossierPassageList *self,
                                   DossierGraph       *graph,
                                   GArray             *rejected)
{
  g_return_if_fail (DOSSIER_IS_PASSAGE_LIST (self));

  g_clear_pointer (&self->rejected_graph, dossier_graph_unref);
  g_clear_pointer (&self->rejected, g_array_unref);
  if (graph != NULL && rejected != NULL)
    {
      self->rejected_graph = dossier_graph_ref (graph);
      self->rejected = g_array_ref (rejected);
    }
}

static void
show_aliases (DossierPassageList *self,
              DossierEntity      *entity)
{
  g_autoptr(GString) aliases = g_string_new (NULL);
  g_autofree char *folded_name = g_utf8_casefold (entity->name, -1);

  for (guint i = 0; i < entity->aliases->len; i++)
    {
      const char *alias = g_ptr_array_index (entity->aliases, i);
      g_autofree char *folded = g_utf8_casefold (alias, -1);

      if (g_str_equal (folded, folded_name))
        continue;
      if (aliases->len > 0)
        g_string_append (aliases, ", ");
      g_string_append (aliases, alias);
    }
  if (aliases->len > 0)
    {
      /* TRANSLATORS: followed by a list of other names */
      g_autofree char *text = g_strdup_printf (_("Also known as: %s"), aliases->str);
      gtk_label_set_text (self->aliases_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->aliases_label), TRUE);
    }
}

static void
append_relation_links (DossierPassageList *self,
                       GPtrArray          *relations,
                       guint               entity_id)
{
  DossierGraph *graph = self->subgraph->graph;
  DossierRelation *first = g_ptr_array_index (relations, 0);
  GtkWidget *heading, *flow;

  heading = gtk_label_new (dossier_relation_type_label (first->type));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_add_css_class (heading, "relation-type");
  gtk_box_append (self->relations_box, heading);

  /* Links flow side by side: a hub's relations stay above the fold. */
  flow = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 4);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 0);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 0);
  gtk_box_append (self->relations_box, flow);

  for (guint i = 0; i < relations->len; i++)
    {
      DossierRelation *relation = g_ptr_array_index (relations, i);
      gboolean outgoing = relation->source == entity_id;
      DossierEntity *other = dossier_graph_get_entity (graph, outgoing ? relation->target : relation->source);
      const char *arrow = dossier_relation_type_is_symmetric (relation->type) ? "↔" : outgoing ? "→" : "←";
      g_autofree char *label = g_strdup_printf ("%s %s (%u)", arrow, other->name, relation->evidence->len);

      gtk_flow_box_append (GTK_FLOW_BOX (flow),
                           link_button (label, "passages.select-relation", relation->id,
                                        _("Show this relation’s passages")));
    }
}

/* Relations shown in the graph, grouped by type. */
static void
show_entity_relations (DossierPassageList *self,
                       guint               entity_id)
{
  DossierSubgraph *subgraph = self->subgraph;
  GPtrArray *by_type[DOSSIER_N_RELATION_TYPES] = { NULL, };

  for (guint i = 0; i < subgraph->relations->len; i++)
    {
      guint rid = g_array_index (subgraph->relations, guint, i);
      DossierRelation *relation = dossier_graph_get_relation (subgraph->graph, rid);

      if (relation->source != entity_id && relation->target != entity_id)
        continue;
      if (by_type[relation->type] == NULL)
        by_type[relation->type] = g_ptr_array_new ();
      g_ptr_array_add (by_type[relation->type], relation);
    }
  for (guint t = 0; t < DOSSIER_N_RELATION_TYPES; t++)
    {
      if (by_type[t] == NULL)
        continue;
      append_relation_links (self, by_type[t], entity_id);
      g_ptr_array_unref (by_type[t]);
    }
}

/* One entry per sentence, with every mention in it highlighted. */
static void
add_mention_passages (DossierPassageList *self,
                      DossierEntity      *entity)
{
  DossierGraph *graph = self->subgraph->graph;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < entity->mentions->len; i++)
    {
      const DossierMention *m = &g_array_index (entity->mentions, DossierMention, i);
      DossierArticle *article;
      DossierRange r, h = { 0, 0 };
      gint64 key;
      gpointer found;
      DossierPassage *p;

      if (m->article >= graph->corpus->articles->len)
        continue;
      article = get_article (self, m->article);
      if (m->end > article->len || m->start >= m->end)
        continue;

      r = passage_range (article, m->start, m->end);
      key = ((gint64) m->article << 40) | (gint64) r.start;
      h.start = m->start;
      h.end = m->end;

      if (g_hash_table_lookup_extended (seen, &key, NULL, &found))
        {
          p = &g_array_index (self->passages, DossierPassage, GPOINTER_TO_UINT (found));
          g_array_append_val (p->highlights, h);
          continue;
        }

      g_array_set_size (self->passages, self->passages->len + 1);
      p = &g_array_index (self->passages, DossierPassage, self->passages->len - 1);
      p->article = m->article;
      p->start = r.start;
      p->end = r.end;
      p->highlights = g_array_new (FALSE, FALSE, sizeof (DossierRange));
      g_array_append_val (p->highlights, h);
      p->date = dossier_article_date_for_range (article, r.start, r.end);
      p->section = m->section;
      p->flags = m->section == DOSSIER_SECTION_COMMENTS ? DOSSIER_EVIDENCE_COMMENTS : 0;
      p->relation = -1;
      p->rejected = -1;
      g_hash_table_insert (seen, g_memdup2 (&key, sizeof key), GUINT_TO_POINTER (self->passages->len - 1));
    }
}

static void
set_subgraph (DossierPassageList *self,
              DossierSubgraph    *subgraph)
{
  if (self->subgraph != subgraph)
    {
      g_clear_pointer (&self->subgraph, dossier_subgraph_unref);
      self->subgraph = dossier_subgraph_ref (subgraph);
    }
  reset (self);
}

/* The heading: @title, and @subtitle (taken) under it. */
static void
set_heading (DossierPassageList *self,
             const char         *title,
             char               *subtitle)
{
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->subtitle_label, subtitle);
  g_free (subtitle);
}

void
dossier_passage_list_show_entity (DossierPassageList *self,
                                  DossierSubgraph    *subgraph,
                                  guint               entity_id)
{
  DossierEntity *entity;
  g_autofree char *summary = NULL;

  g_return_if_fail (DOSSIER_IS_PASSAGE_LIST (self));
  g_return_if_fail (subgraph != NULL);
  g_return_if_fail (entity_id < subgraph->graph->entities->len);

  set_subgraph (self, subgraph);
  entity = dossier_graph_get_entity (subgraph->graph, entity_id);

  summary = dossier_entity_summary (entity);
  set_heading (self, entity->name, g_strdup_printf ("%s · %s", dossier_entity_type_label (entity->type), summary));

  show_aliases (self, entity);
  show_entity_relations (self, entity_id);
  add_mention_passages (self, entity);
  add_rejected (self, entity_id, G_MAXUINT, 0);
  self->shown_entity = entity_id;
  fill_list (self);
}

void
dossier_passage_list_show_relation (DossierPassageList *self,
                                    DossierSubgraph    *subgraph,
                                    guint               relation_id)
{
  DossierGraph *graph;
  DossierRelation *relation;
  DossierEntity *source, *target;
  g_autofree char *title = NULL;

  g_return_if_fail (DOSSIER_IS_PASSAGE_LIST (self));
  g_return_if_fail (subgraph != NULL);
  g_return_if_fail (relation_id < subgraph->graph->relations->len);

  set_subgraph (self, subgraph);
  self->shown_relation = relation_id;

  graph = subgraph->graph;
  relation = dossier_graph_get_relation (graph, relation_id);
  source = dossier_graph_get_entity (graph, relation->source);
  target = dossier_graph_get_entity (graph, relation->target);

  /* TRANSLATORS: "Oracle partners with TikTok" */
  title = g_strdup_printf (C_("relation title", "%s %s %s"),
                           source->name, dossier_relation_type_label (relation->type), target->name);
  set_heading (self, title, g_strdup_printf (_("Relation · %s"), dossier_relation_type_label (relation->type)));

  gtk_box_append (self->relations_box,
                  link_button (source->name, "passages.select-entity", source->id, _("Show this actor’s passages")));
  gtk_box_append (self->relations_box,
                  link_button (target->name, "passages.select-entity", target->id, _("Show this actor’s passages")));

  for (guint i = 0; i < relation->evidence->len; i++)
    append_evidence (self, &g_array_index (relation->evidence, DossierEvidence, i), relation_id, -1);
  add_rejected (self, relation->source, relation->target, relation->type);

  fill_list (self);
}

void
dossier_passage_list_clear (DossierPassageList *self)
{
  g_return_if_fail (DOSSIER_IS_PASSAGE_LIST (self));

  reset (self);
}

guint
dossier_passage_list_get_n_passages (DossierPassageList *self)
{
  g_return_val_if_fail (DOSSIER_IS_PASSAGE_LIST (self), 0);
  return self->passages->len;
}

const DossierPassage *
dossier_passage_list_get_passage (DossierPassageList *self,
                                  guint               index)
{
  g_return_val_if_fail (DOSSIER_IS_PASSAGE_LIST (self), NULL);
  g_return_val_if_fail (index < self->passages->len, NULL);
  return &g_array_index (self->passages, DossierPassage, index);
}

void
dossier_passage_list_activate (DossierPassageList *self,
                               guint               index)
{
  GtkListBoxRow *row;

  g_return_if_fail (DOSSIER_IS_PASSAGE_LIST (self));
  g_return_if_fail (index < self->passages->len);

  /* Rows are in passage order, one each, made a page at a time. */
  while (index >= self->n_shown)
    append_page (self);
  row = gtk_list_box_get_row_at_index (self->list, index);
  g_return_if_fail (row != NULL);
  gtk_widget_activate (GTK_WIDGET (row));
}

void
dossier_passage_list_focus_first (DossierPassageList *self)
{
  GtkListBoxRow *row;

  g_return_if_fail (DOSSIER_IS_PASSAGE_LIST (self));

  if ((row = gtk_list_box_get_row_at_index (self->list, 0)) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

char *
dossier_passage_list_dup_citation (DossierPassageList *self,
                                   guint               index)
{
  const DossierPassage *p;
  DossierArticle *article;
  g_autofree char *quote = NULL;
  g_autofree char *date = NULL;
  g_autoptr(GString) text = NULL;

  g_return_val_if_fail (DOSSIER_IS_PASSAGE_LIST (self), NULL);
  g_return_val_if_fail (index < self->passages->len, NULL);

  p = &g_array_index (self->passages, DossierPassage, index);
  article = get_article (self, p->article);
  quote = g_strndup (article->text + p->start, p->end - p->start);
  g_strdelimit (quote, "\n\t", ' ');
  g_strstrip (quote);
  date = dossier_date_format (&p->date);

  text = g_string_new (NULL);
  /* TRANSLATORS: a citation: quote, article title, date, file */
  g_string_append_printf (text, _("“%s” — %s, %s (%s)"),
                          quote,
                          article->title ? article->title : article->id,
                          date,
                          article->path ? article->path : article->id);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
copy_citation (DossierPassageList *self,
               guint               index)
{
  g_autofree char *citation = NULL;

  if (index >= self->passages->len)
    return;
  citation = dossier_passage_list_dup_citation (self, index);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), citation);
  g_signal_emit (self, signals[CITATION_COPIED], 0, index);
}

static void
action_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *param)
{
  DossierPassageList *self = DOSSIER_PASSAGE_LIST (widget);

  if (g_str_equal (action_name, "passages.copy-citation"))
    copy_citation (self, g_variant_get_uint32 (param));
  else if (g_str_equal (action_name, "passages.copy-selected"))
    {
      GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);
      GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

      /* The focused row wins: keyboard users move focus, not selection. */
      if (focus != NULL && GTK_IS_LIST_BOX_ROW (focus) &&
          gtk_widget_get_parent (focus) == GTK_WIDGET (self->list))
        row = GTK_LIST_BOX_ROW (focus);
      if (row != NULL && (GtkWidget *) row != self->more_row)
        copy_citation (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "passage-index")));
    }
  else if (g_str_equal (action_name, "passages.select-relation"))
    g_signal_emit (self, signals[RELATION_ACTIVATED], 0, g_variant_get_uint32 (param));
  else if (g_str_equal (action_name, "passages.select-entity"))
    g_signal_emit (self, signals[ENTITY_ACTIVATED], 0, g_variant_get_uint32 (param));
}

/* Rejecting and restoring are curation edits: the passage goes to the
 * window's "curate" actions as (source, type, target, article, start, end). */
static void
passage_edit_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  DossierPassageList *self = DOSSIER_PASSAGE_LIST (widget);
  guint index = g_variant_get_uint32 (param);
  const DossierPassage *p;
  DossierGraph *graph;
  guint source, target;
  DossierRelationType type;
  gboolean restore = g_str_equal (action_name, "passages.restore");

  if (self->subgraph == NULL || index >= self->passages->len)
    return;
  p = &g_array_index (self->passages, DossierPassage, index);
  graph = self->subgraph->graph;
  if (restore && p->rejected >= 0 && self->rejected != NULL && (guint) p->rejected < self->rejected->len)
    {
      const DossierRejectedPassage *r = &g_array_index (self->rejected, DossierRejectedPassage, p->rejected);

      source = r->source, target = r->target, type = r->type;
    }
  else if (!restore && p->relation >= 0)
    {
      const DossierRelation *r = dossier_graph_get_relation (graph, p->relation);

      source = r->source, target = r->target, type = r->type;
    }
  else
    return;

  gtk_widget_activate_action (widget, restore ? "curate.restore-passage" : "curate.reject-passage",
                              "(sssstt)",
                              dossier_graph_get_entity (graph, source)->name,
                              dossier_relation_type_to_string (type),
                              dossier_graph_get_entity (graph, target)->name,
                              get_article (self, p->article)->id,
                              (guint64) p->start, (guint64) p->end);
}

static void
dossier_passage_list_dispose (GObject *object)
{
  DossierPassageList *self = DOSSIER_PASSAGE_LIST (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_PASSAGE_LIST);
  /* Only bound children are cleared by the call above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->subgraph, dossier_subgraph_unref);
  g_clear_pointer (&self->rejected_graph, dossier_graph_unref);
  g_clear_pointer (&self->rejected, g_array_unref);

  G_OBJECT_CLASS (dossier_passage_list_parent_class)->dispose (object);
}

static void
dossier_passage_list_finalize (GObject *object)
{
  DossierPassageList *self = DOSSIER_PASSAGE_LIST (object);

  g_clear_pointer (&self->passages, g_array_unref);

  G_OBJECT_CLASS (dossier_passage_list_parent_class)->finalize (object);
}

static void
dossier_passage_list_class_init (DossierPassageListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_passage_list_dispose;
  object_class->finalize = dossier_passage_list_finalize;

  /* Each carries one id: a passage's index, a relation, an actor, a passage's index. */
  for (guint i = 0; i < N_SIGNALS; i++)
    signals[i] = g_signal_new (signal_names[i], G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                               0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/dossier-passage-list.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierPassageList, scroller);
  gtk_widget_class_bind_template_child (widget_class, DossierPassageList, title_label);
  gtk_widget_class_bind_template_child (widget_class, DossierPassageList, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, DossierPassageList, aliases_label);
  gtk_widget_class_bind_template_child (widget_class, DossierPassageList, relations_box);
  gtk_widget_class_bind_template_child (widget_class, DossierPassageList, passages_heading);
  gtk_widget_class_bind_template_child (widget_class, DossierPassageList, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "passages.copy-citation", "u", action_cb);
  gtk_widget_class_install_action (widget_class, "passages.copy-selected", NULL, action_cb);
  gtk_widget_class_install_action (widget_class, "passages.select-relation", "u", action_cb);
  gtk_widget_class_install_action (widget_class, "passages.select-entity", "u", action_cb);
  gtk_widget_class_install_action (widget_class, "passages.reject", "u", passage_edit_cb);
  gtk_widget_class_install_action (widget_class, "passages.restore", "u", passage_edit_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "passages.copy-selected", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "passagelist");
}

static void
dossier_passage_list_init (DossierPassageList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->passages = g_array_new (FALSE, TRUE, sizeof (DossierPassage));
  g_array_set_clear_func (self->passages, (GDestroyNotify) passage_clear);
  gtk_list_box_set_header_func (self->list, header_func, self, NULL);
  self->shown_entity = self->shown_relation = -1;
}

GtkWidget *
dossier_passage_list_new (void)
{
  return g_object_new (DOSSIER_TYPE_PASSAGE_LIST, NULL);
}
