/* dossier-window-views.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Saved views in the window: the header bar's menu lists them, and its
 * actions save, choose, rename and delete them.  The views themselves are
 * DossierViews (app/core), kept in a file beside the corpus's edits.
 *
 *   win.save-view ("s")    saves what is shown under that name ("" asks)
 *   win.saved-view ("s")   stateful: applies a view, remembers it chosen
 *   win.rename-view ("s")  renames the chosen view ("" asks)
 *   win.delete-view        deletes the chosen view */

#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-views.h"
#include "dossier-window-private.h"

/* The view last chosen or saved, or NULL. */
static const char *
chosen_view (DossierWindow *self)
{
  g_autoptr(GVariant) state = g_action_get_state (self->views_action);
  const DossierView *view = self->views != NULL
                          ? dossier_views_lookup (self->views, g_variant_get_string (state, NULL))
                          : NULL;

  return view != NULL ? view->name : NULL;
}

static void
set_chosen_view (DossierWindow *self,
                 const char    *name)
{
  g_simple_action_set_state (G_SIMPLE_ACTION (self->views_action),
                             g_variant_new_string (name != NULL ? name : ""));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-view", name != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-view", name != NULL);
}

/* One item a view; a menu label takes "_" as an access key, so names
 * have theirs doubled. */
static void
update_menu (DossierWindow *self)
{
  g_menu_remove_all (self->views_section);
  for (guint i = 0; self->views != NULL && i < dossier_views_get_n_views (self->views); i++)
    {
      const char *name = dossier_views_get_view (self->views, i)->name;
      g_auto(GStrv) parts = g_strsplit (name, "_", -1);
      g_autofree char *label = g_strjoinv ("__", parts);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "win.saved-view", g_variant_new_string (name));
      g_menu_append_item (self->views_section, item);
    }
}

/* Writes the views; FALSE (after saying why) when they cannot be. */
static gboolean
save_views (DossierWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (dossier_views_save_file (self->views, self->views_path, &error))
    return TRUE;
  dossier_window_show_toast (self, error->message);
  return FALSE;
}

/* Views can be changed only when they were read: a file that did not read
 * is never written over. */
static gboolean
can_change_views (DossierWindow *self)
{
  g_autofree char *message = NULL;

  if (self->views != NULL && self->views_path != NULL)
    return TRUE;
  if (self->views_error != NULL)
    message = g_strdup_printf (_("%s; correct or remove that file to save views"), self->views_error);
  dossier_window_show_toast (self, message != NULL ? message : _("There is no graph to save a view of yet"));
  return FALSE;
}

/* Reads the views kept beside @edits_path, the corpus's edits file. */
void
dossier_window_load_views (DossierWindow *self,
                           const char    *edits_path)
{
  g_autoptr(GError) error = NULL;

  dossier_window_clear_views (self);
  if (edits_path != NULL)
    {
      self->views_path = dossier_views_path_for_edits (edits_path);
      self->views = dossier_views_load_file (self->views_path, &error);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        self->views = dossier_views_new ();
      else if (self->views == NULL)
        {
          self->views_error = g_strdup (error->message);
          dossier_window_show_toast (self, error->message);
        }
    }
  set_chosen_view (self, NULL);
  update_menu (self);
}

/* The layout a chosen view asked for is shown: back to its zoom and centre
 * (kept in the positions' frame, which does not move between layouts). */
void
dossier_window_views_layout_done (DossierWindow *self,
                                  DossierLayout *layout)
{
  g_autoptr(DossierView) view = g_steal_pointer (&self->pending_view);
  DossierViewTransform t;
  GtkWidget *widget = GTK_WIDGET (self->graph_view);

  if (view == NULL || view->zoom <= 0)
    return;
  t.scale = view->zoom;
  t.offset_x = gtk_widget_get_width (widget) / 2.0 - (view->center_x - layout->origin.x) * t.scale;
  t.offset_y = gtk_widget_get_height (widget) / 2.0 - (view->center_y - layout->origin.y) * t.scale;
  dossier_graph_view_set_transform (self->graph_view, &t);
}

/* What the window shows now, as a view named @name. */
static DossierView *
capture_view (DossierWindow *self,
              const char    *name)
{
  g_autoptr(GArray) ids = dossier_graph_view_get_selected_entities (self->graph_view);
  g_autoptr(GStrvBuilder) selection = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  const DossierViewTransform *t = dossier_graph_view_get_transform (self->graph_view);
  DossierLayout *layout = dossier_graph_view_get_layout (self->graph_view);
  GtkWidget *widget = GTK_WIDGET (self->graph_view);
  double x, y;

  for (guint i = 0; i < ids->len; i++)
    g_strv_builder_add (selection, dossier_graph_get_entity (self->subgraph->graph,
                                                             g_array_index (ids, guint, i))->name);
  names = g_strv_builder_end (selection);
  dossier_view_transform_to_graph (t, gtk_widget_get_width (widget) / 2.0,
                                   gtk_widget_get_height (widget) / 2.0, &x, &y);
  return dossier_view_new (name, dossier_session_get_filter (self->session),
                           (const char * const *) names, t->scale,
                           x + layout->origin.x, y + layout->origin.y,
                           dossier_session_get_positions (self->session));
}

/* Asks for a name, then runs @action_name with it. */
static void
name_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  DossierWindow    *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  const char *action_name = g_object_get_data (G_OBJECT (dialog), "action-name");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_str_equal (response, "apply") && *name != '\0')
    gtk_widget_activate_action (GTK_WIDGET (self), action_name, "s", name);
}

static void
ask_name (DossierWindow *self,
          const char    *heading,
          const char    *apply_label,
          const char    *initial,
          const char    *action_name)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);
  GtkWidget *entry = gtk_entry_new ();

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "apply", apply_label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_editable_set_text (GTK_EDITABLE (entry), initial != NULL ? initial : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_object_set_data_full (G_OBJECT (dialog), "action-name", g_strdup (action_name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (name_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_view_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  const char *name = g_variant_get_string (param, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!can_change_views (self))
    return;
  if (self->subgraph == NULL || dossier_graph_view_get_layout (self->graph_view) == NULL)
    {
      dossier_window_show_toast (self, _("There is no graph to save a view of yet"));
      return;
    }
  if (*name == '\0')
    {
      ask_name (self, _("Save View"), _("_Save"), chosen_view (self), action_name);
      return;
    }

  if (!dossier_views_add (self->views, capture_view (self, name), &error))
    {
      dossier_window_show_toast (self, error->message);
      return;
    }
  if (!save_views (self))
    return;
  set_chosen_view (self, name);
  update_menu (self);
  /* Translators: %s is the view's name. */
  message = g_strdup_printf (_("View “%s” saved"), name);
  dossier_window_show_toast (self, message);
}

static void
rename_view_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  const char *name = g_variant_get_string (param, NULL);
  g_autofree char *old_name = g_strdup (chosen_view (self));
  g_autoptr(GError) error = NULL;

  if (old_name == NULL || !can_change_views (self))
    return;
  if (*name == '\0')
    {
      ask_name (self, _("Rename View"), _("_Rename"), old_name, action_name);
      return;
    }
  if (!dossier_views_rename (self->views, old_name, name, &error))
    {
      dossier_window_show_toast (self, error->message);
      return;
    }
  if (save_views (self))
    set_chosen_view (self, name);
  update_menu (self);
}

static void
delete_view_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  g_autofree char *name = g_strdup (chosen_view (self));
  g_autofree char *message = NULL;

  if (name == NULL || !can_change_views (self) ||
      !dossier_views_remove (self->views, name, NULL) || !save_views (self))
    return;
  set_chosen_view (self, NULL);
  update_menu (self);
  /* Translators: %s is the view's name. */
  message = g_strdup_printf (_("View “%s” deleted"), name);
  dossier_window_show_toast (self, message);
}

/* Choosing a view: its filter, positions and selection go to the session,
 * the layout follows, then its zoom and centre. */
static void
saved_view_change_state_cb (GSimpleAction *action,
                            GVariant      *state,
                            gpointer       data)
{
  DossierWindow *self = data;
  const char *name = g_variant_get_string (state, NULL);
  const DossierView *view = self->views != NULL ? dossier_views_lookup (self->views, name) : NULL;
  const DossierFilter *filter;

  if (view == NULL || dossier_session_get_graph (self->session) == NULL)
    return;

  set_chosen_view (self, name);
  /* The view's selection replaces this one, not added to it (the view's
   * clearing empties the session's selection, so it goes first). */
  dossier_graph_view_clear_selection (self->graph_view);
  dossier_view_apply (view, self->session);
  filter = dossier_session_get_filter (self->session);
  dossier_filter_panel_set_filter (self->filter_panel, filter);
  if (self->settings != NULL)
    g_settings_set_value (self->settings, "filter", dossier_filter_to_variant (filter));

  g_clear_pointer (&self->pending_view, dossier_view_free);
  self->pending_view = dossier_view_copy (view);
  dossier_window_relayout (self);
}

/* A filter the person changes after choosing a view (its own filter
 * having shown nothing) is not to be zoomed as the view was. */
static void
forget_pending_view (DossierWindow *self)
{
  g_clear_pointer (&self->pending_view, dossier_view_free);
}

void
dossier_window_init_views (DossierWindow *self)
{
  GSimpleAction *action = g_simple_action_new_stateful ("saved-view", G_VARIANT_TYPE_STRING,
                                                        g_variant_new_string (""));

  g_signal_connect (action, "change-state", G_CALLBACK (saved_view_change_state_cb), self);
  self->views_action = G_ACTION (action);
  g_action_map_add_action (G_ACTION_MAP (self), self->views_action);
  g_signal_connect_object (self->filter_panel, "changed",
                           G_CALLBACK (forget_pending_view), self, G_CONNECT_SWAPPED);
  set_chosen_view (self, NULL);
}

void
dossier_window_clear_views (DossierWindow *self)
{
  g_clear_pointer (&self->views, dossier_views_free);
  g_clear_pointer (&self->views_path, g_free);
  g_clear_pointer (&self->views_error, g_free);
  g_clear_pointer (&self->pending_view, dossier_view_free);
}

void
dossier_window_class_init_views (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.save-view", "s", save_view_action_cb);
  gtk_widget_class_install_action (widget_class, "win.rename-view", "s", rename_view_action_cb);
  gtk_widget_class_install_action (widget_class, "win.delete-view", NULL, delete_view_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "win.save-view", "s", "");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "win.save-view", "s", "");
}
