/* dossier-duplicates-dialog.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-duplicates"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-duplicates-dialog.h"
#include "dossier-labels.h"
#include "dossier-suggest.h"

/* A long list is worked through from the top; the rest comes as it empties. */
#define MAX_ROWS 200

struct _DossierDuplicatesDialog
{
  AdwWindow       parent_instance;

  GtkStack       *stack;
  GtkListBox     *list;
  DossierCurator *curator;
  GArray         *suggestions;  /* DossierSuggestion */
};

G_DEFINE_FINAL_TYPE (DossierDuplicatesDialog, dossier_duplicates_dialog, ADW_TYPE_WINDOW)

static GtkWidget *
make_button (const char *label,
             const char *action,
             guint       index,
             gboolean    suggested)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_uint32 (index));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  return button;
}

static GtkWidget *
make_row (DossierDuplicatesDialog *self,
          DossierGraph            *graph,
          guint                    index)
{
  const DossierSuggestion *s = &g_array_index (self->suggestions, DossierSuggestion, index);
  const DossierEntity *keep = dossier_graph_get_entity (graph, s->keep);
  const DossierEntity *other = dossier_graph_get_entity (graph, s->other);
  /* Translators: a possible duplicate: "Segal" into "Daniel Segal". */
  g_autofree char *title = g_strdup_printf (_("“%s” into “%s”"), other->name, keep->name);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", dossier_suggest_reason_label (s->reason),
                                               dossier_entity_type_label (keep->type));
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), make_button (_("_Not the Same"), "duplicates.not-same", index, FALSE));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), make_button (_("_Merge"), "duplicates.merge", index, TRUE));
  return row;
}

static void
refresh (DossierDuplicatesDialog *self)
{
  DossierGraph *graph = dossier_curator_get_graph (self->curator);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->suggestions, g_array_unref);
  self->suggestions = dossier_curator_suggest_duplicates (self->curator);

  for (guint i = 0; graph != NULL && i < MIN (self->suggestions->len, MAX_ROWS); i++)
    gtk_list_box_append (self->list, make_row (self, graph, i));
  gtk_stack_set_visible_child_name (self->stack, self->suggestions->len > 0 ? "list" : "empty");
}

/* The curator acts on its selection: the actor kept, then the edit names the other. */
static void
act_on (DossierDuplicatesDialog *self,
        GVariant                *parameter,
        const char              *curate_action)
{
  guint index = g_variant_get_uint32 (parameter);
  DossierGraph *graph = dossier_curator_get_graph (self->curator);
  const DossierSuggestion *s;

  if (self->suggestions == NULL || index >= self->suggestions->len || graph == NULL)
    return;
  s = &g_array_index (self->suggestions, DossierSuggestion, index);
  dossier_curator_set_selection (self->curator, &s->keep, 1, -1, -1, 0, 0);
  g_action_group_activate_action (dossier_curator_get_actions (self->curator), curate_action,
                                  g_variant_new_string (dossier_graph_get_entity (graph, s->other)->name));
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  act_on (DOSSIER_DUPLICATES_DIALOG (widget), parameter, "merge");
}

static void
not_same_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  act_on (DOSSIER_DUPLICATES_DIALOG (widget), parameter, "not-same");
}

static void
dossier_duplicates_dialog_dispose (GObject *object)
{
  DossierDuplicatesDialog *self = DOSSIER_DUPLICATES_DIALOG (object);

  g_clear_object (&self->curator);

  G_OBJECT_CLASS (dossier_duplicates_dialog_parent_class)->dispose (object);
}

static void
dossier_duplicates_dialog_finalize (GObject *object)
{
  DossierDuplicatesDialog *self = DOSSIER_DUPLICATES_DIALOG (object);

  g_clear_pointer (&self->suggestions, g_array_unref);

  G_OBJECT_CLASS (dossier_duplicates_dialog_parent_class)->finalize (object);
}

static void
dossier_duplicates_dialog_class_init (DossierDuplicatesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_duplicates_dialog_dispose;
  object_class->finalize = dossier_duplicates_dialog_finalize;

  gtk_widget_class_install_action (widget_class, "duplicates.merge", "u", merge_action);
  gtk_widget_class_install_action (widget_class, "duplicates.not-same", "u", not_same_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dossier_duplicates_dialog_init (DossierDuplicatesDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *empty = adw_status_page_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Possible Duplicates"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 520);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_margin_top (GTK_WIDGET (self->list), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->list), 12);
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "emblem-ok-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Possible Duplicates"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty), _("No two actors have names that look like one actor."));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, scrolled, "list");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_window_set_content (ADW_WINDOW (self), box);
}

GtkWidget *
dossier_duplicates_dialog_new (GtkWindow      *parent,
                               DossierCurator *curator)
{
  DossierDuplicatesDialog *self;

  g_return_val_if_fail (DOSSIER_IS_CURATOR (curator), NULL);

  self = g_object_new (DOSSIER_TYPE_DUPLICATES_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->curator = g_object_ref (curator);
  g_signal_connect_object (curator, "graph-changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  refresh (self);
  return GTK_WIDGET (self);
}

GArray *
dossier_duplicates_dialog_get_suggestions (DossierDuplicatesDialog *self)
{
  g_return_val_if_fail (DOSSIER_IS_DUPLICATES_DIALOG (self), NULL);
  return self->suggestions;
}
