/* dossier-window-find.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-window-private.h"

/* The actor search bar (Ctrl+F): completion over names and aliases. */

void
dossier_window_update_completion (DossierWindow *self)
{
  gtk_list_store_clear (self->completion_store);
  if (self->subgraph == NULL)
    return;

  for (guint i = 0; i < self->subgraph->entities->len; i++)
    {
      guint id = g_array_index (self->subgraph->entities, guint, i);
      DossierEntity *entity = dossier_graph_get_entity (self->subgraph->graph, id);
      g_autofree char *key = g_utf8_casefold (entity->name, -1);

      gtk_list_store_insert_with_values (self->completion_store, NULL, -1,
                                         COLUMN_DISPLAY, entity->name,
                                         COLUMN_ENTITY, id,
                                         COLUMN_KEY, key,
                                         -1);
      for (guint j = 0; j < entity->aliases->len; j++)
        {
          const char *alias = g_ptr_array_index (entity->aliases, j);
          g_autofree char *akey = g_utf8_casefold (alias, -1);
          g_autofree char *display = NULL;

          if (g_str_equal (akey, key))
            continue;
          /* TRANSLATORS: an alias followed by the canonical name */
          display = g_strdup_printf (_("%s (%s)"), alias, entity->name);
          gtk_list_store_insert_with_values (self->completion_store, NULL, -1,
                                             COLUMN_DISPLAY, display,
                                             COLUMN_ENTITY, id,
                                             COLUMN_KEY, akey,
                                             -1);
        }
    }
}

/* Find */

static gboolean
completion_match_cb (GtkEntryCompletion *completion,
                     const char         *key,
                     GtkTreeIter        *iter,
                     gpointer            data)
{
  DossierWindow *self = data;
  g_autofree char *row_key = NULL;
  g_autofree char *folded = NULL;

  if (key == NULL || *key == '\0')
    return FALSE;
  gtk_tree_model_get (GTK_TREE_MODEL (self->completion_store), iter, COLUMN_KEY, &row_key, -1);
  folded = g_utf8_casefold (key, -1);
  return row_key != NULL && strstr (row_key, folded) != NULL;
}

/* @add: Ctrl+Enter adds to the actors selected, as Ctrl+click does. */
static void
found (DossierWindow *self,
       guint          entity,
       gboolean       add)
{
  gboolean adding = add && dossier_graph_view_get_selected_entity (self->graph_view) >= 0 &&
                    dossier_graph_view_get_selected_entity (self->graph_view) != (int) entity;

  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  if (adding && dossier_graph_view_toggle_entity (self->graph_view, entity))
    dossier_graph_view_center_on_entity (self->graph_view, entity, TRUE);
  else
    dossier_window_select_and_center (self, entity);
  gtk_widget_grab_focus (GTK_WIDGET (self->graph_view));
}

static void find_text (DossierWindow *self,
                       gboolean       add);

static gboolean
find_add_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  find_text (user_data, TRUE);
  return TRUE;
}

static gboolean
completion_selected_cb (GtkEntryCompletion *completion,
                        GtkTreeModel       *model,
                        GtkTreeIter        *iter,
                        gpointer            data)
{
  DossierWindow *self = data;
  guint entity;

  gtk_tree_model_get (model, iter, COLUMN_ENTITY, &entity, -1);
  found (self, entity, FALSE);
  return FALSE;
}

static void
find_text (DossierWindow *self,
           gboolean       add)
{
  GtkEntry *entry = self->find_entry;
  DossierGraph *graph = dossier_session_get_graph (self->session);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *folded = NULL;
  DossierEntity *entity;
  GtkTreeIter iter;
  gboolean valid;

  if (graph == NULL || self->subgraph == NULL || text == NULL || *text == '\0')
    return;

  /* An exact name or alias first, through the core's own folding. */
  if ((entity = dossier_graph_lookup_entity (graph, text)) != NULL &&
      self->subgraph->graph == graph &&
      dossier_subgraph_find_entity (self->subgraph, entity->id) >= 0)
    {
      found (self, entity->id, add);
      return;
    }

  folded = g_utf8_casefold (text, -1);
  for (valid = gtk_tree_model_get_iter_first (GTK_TREE_MODEL (self->completion_store), &iter);
       valid;
       valid = gtk_tree_model_iter_next (GTK_TREE_MODEL (self->completion_store), &iter))
    {
      g_autofree char *key = NULL;
      guint id;

      gtk_tree_model_get (GTK_TREE_MODEL (self->completion_store), &iter,
                          COLUMN_KEY, &key, COLUMN_ENTITY, &id, -1);
      if (strstr (key, folded) != NULL)
        {
          found (self, id, add);
          return;
        }
    }

  {
    g_autofree char *message = g_strdup_printf (_("No actor named “%s”"), text);

    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
    dossier_window_show_toast (self, message);
  }
}

void
dossier_window_find_entry_activate_cb (DossierWindow *self,
                        GtkEntry      *entry)
{
  find_text (self, FALSE);
}

static void
find_entry_changed_cb (DossierWindow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->find_entry), "error");
}

void
dossier_window_init_find (DossierWindow *self)
{
  GtkEntryCompletion *completion;

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->find_entry));
  /* No type-to-search: the graph's one-key shortcuts (+, -, 0, 1) would
   * start a search instead.  Ctrl+F opens it. */
  g_signal_connect_swapped (self->find_entry, "changed", G_CALLBACK (find_entry_changed_cb), self);
  {
    GtkEventController *keys = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                                            gtk_callback_action_new (find_add_cb, self, NULL)));
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK),
                                                            gtk_callback_action_new (find_add_cb, self, NULL)));
    gtk_widget_add_controller (GTK_WIDGET (self->find_entry), keys);
  }

  self->completion_store = gtk_list_store_new (N_COLUMNS, G_TYPE_STRING, G_TYPE_UINT, G_TYPE_STRING);
  completion = gtk_entry_completion_new ();
  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (self->completion_store));
  gtk_entry_completion_set_text_column (completion, COLUMN_DISPLAY);
  gtk_entry_completion_set_match_func (completion, completion_match_cb, self, NULL);
  gtk_entry_completion_set_minimum_key_length (completion, 1);
  g_signal_connect (completion, "match-selected", G_CALLBACK (completion_selected_cb), self);
  gtk_entry_set_completion (self->find_entry, completion);
  g_object_unref (completion);
}
