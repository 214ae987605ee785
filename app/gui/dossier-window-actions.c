/* dossier-window-actions.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-window-private.h"

/* Export */

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = dossier_export_dialog_finish (result, &error);

  if (path != NULL)
    {
      g_autofree char *base = g_path_get_basename (path);
      /* Translators: %s is the file name written. */
      g_autofree char *message = g_strdup_printf (_("Exported “%s”"), base);

      dossier_window_show_toast (self, message);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Export Failed"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  gboolean report = g_str_equal (action_name, "win.export-report");
  DossierWindow *self = DOSSIER_WINDOW (widget);
  DossierLayout *layout = dossier_graph_view_get_layout (self->graph_view);
  const DossierViewTransform *t = dossier_graph_view_get_transform (self->graph_view);
  graphene_rect_t visible;
  double x0, y0, x1, y1;

  if (self->subgraph == NULL || layout == NULL)
    {
      dossier_window_show_toast (self, _("There is no graph to export yet"));
      return;
    }

  /* What the view shows, in layout points. */
  dossier_view_transform_to_graph (t, 0, 0, &x0, &y0);
  dossier_view_transform_to_graph (t, gtk_widget_get_width (GTK_WIDGET (self->graph_view)),
                                   gtk_widget_get_height (GTK_WIDGET (self->graph_view)), &x1, &y1);
  graphene_rect_init (&visible, MIN (x0, x1), MIN (y0, y1), ABS (x1 - x0), ABS (y1 - y0));

  g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  self->export_cancellable = g_cancellable_new ();

  /* Light unless the options say otherwise, whatever the window's theme:
   * a picture is printed and published on white. */
  dossier_export_dialog_run (GTK_WINDOW (self), self->subgraph, layout, &visible, report,
                             self->export_cancellable, export_done_cb, g_object_ref (self));
}

/* Actions */

static void
forward_view_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  g_autofree char *name = g_strconcat ("view.", action_name + strlen ("win."), NULL);

  gtk_widget_activate_action_variant (GTK_WIDGET (self->graph_view), name, param);
}

static void
clear_filters_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->filter_panel), "filter.clear", NULL);
}

static void
find_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
}

static void
reload_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  dossier_window_load (self, (const char * const *) self->paths);
}

/* Every change keeps the actors where they were; this forgets that, but
 * for the pinned ones. */
static void
relayout_afresh_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  dossier_session_forget_positions (self->session);
  dossier_window_relayout (self);
}

static void
show_passages_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  if (dossier_passage_list_get_n_passages (self->passage_list) == 0)
    return;
  gtk_stack_set_visible_child_name (self->side_stack, "passages");
  dossier_passage_list_focus_first (self->passage_list);
}

static void
show_problems_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  for (guint i = 0; i < self->problems->len; i++)
    {
      if (i > 0)
        g_string_append_c (body, '\n');
      g_string_append (body, g_ptr_array_index (self->problems, i));
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Some Files Could Not Be Read"), body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
dossier_window_show_legend_change_state_cb (GSimpleAction *action,
                             GVariant      *state,
                             gpointer       data)
{
  DossierWindow *self = data;

  g_simple_action_set_state (action, state);
  gtk_widget_set_visible (GTK_WIDGET (self->legend), g_variant_get_boolean (state));
}

void
dossier_window_engine_change_state_cb (GSimpleAction *action,
                        GVariant      *state,
                        gpointer       data)
{
  DossierLayoutEngine engine;

  if (dossier_layout_engine_from_string (g_variant_get_string (state, NULL), &engine))
    g_simple_action_set_state (action, state);
}

/* Text search and duplicates */

static void
text_search_passage_cb (DossierWindow     *self,
                        guint              article,
                        guint64            start,
                        guint64            end,
                        DossierTextSearch *search)
{
  dossier_window_open_in_reader (self, article, start, end);
}

/* The results' actors, found by name in the graph shown, selected together. */
static void
text_search_select_actors_cb (DossierWindow     *self,
                              DossierTextSearch *search)
{
  g_autoptr(GArray) actors = dossier_text_search_dup_actors (search);
  DossierGraph *graph = dossier_session_get_graph (self->session);
  guint n_selected = 0;

  if (self->subgraph == NULL || graph == NULL)
    return;
  dossier_graph_view_clear_selection (self->graph_view);
  for (guint i = 0; i < actors->len; i++)
    {
      guint id = g_array_index (actors, guint, i);
      DossierEntity *entity = id < graph->entities->len
                            ? dossier_graph_lookup_entity (self->subgraph->graph, dossier_graph_get_entity (graph, id)->name)
                            : NULL;

      if (entity != NULL && (n_selected == 0 ? dossier_graph_view_select_entity (self->graph_view, entity->id)
                                             : dossier_graph_view_toggle_entity (self->graph_view, entity->id)))
        n_selected++;
    }

  if (n_selected == 0)
    dossier_window_show_toast (self, _("None of these actors is shown in the graph"));
  /* The results stay in view: the selection is what the graph shows. */
  gtk_stack_set_visible_child_name (self->side_stack, "search");
}

static void
text_search_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  dossier_text_search_set_graph (self->text_search, dossier_session_get_graph (self->session));
  gtk_stack_set_visible_child_name (self->side_stack, "search");
  dossier_text_search_focus (self->text_search);
}

static void
duplicates_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (dossier_duplicates_dialog_new (GTK_WINDOW (self), self->curator)));
}

void
dossier_window_init_text_search (DossierWindow *self)
{
  self->text_search = DOSSIER_TEXT_SEARCH (dossier_text_search_new ());
  gtk_stack_add_named (self->side_stack, GTK_WIDGET (self->text_search), "search");
  g_signal_connect_swapped (self->text_search, "passage-activated", G_CALLBACK (text_search_passage_cb), self);
  g_signal_connect_swapped (self->text_search, "select-actors", G_CALLBACK (text_search_select_actors_cb), self);
}

/* The window's actions, and the keys that run them (or the curator's and
 * the view's): tables, installed once per class. */
static const struct
{
  const char                  *name;
  const char                  *parameter_type;
  GtkWidgetActionActivateFunc  activate;
} window_actions[] = {
  { "win.zoom-in", NULL, forward_view_action_cb },
  { "win.zoom-out", NULL, forward_view_action_cb },
  { "win.zoom-fit", NULL, forward_view_action_cb },
  { "win.zoom-reset", NULL, forward_view_action_cb },
  { "win.find", NULL, find_action_cb },
  { "win.clear-filters", NULL, clear_filters_cb },
  { "win.reload", NULL, reload_action_cb },
  { "win.relayout-afresh", NULL, relayout_afresh_action_cb },
  { "win.unpin-all", NULL, dossier_window_unpin_all_action_cb },
  { "win.show-passages", NULL, show_passages_action_cb },
  { "win.show-problems", NULL, show_problems_action_cb },
  { "win.open", NULL, dossier_window_open_action_cb },
  { "win.open-folder", NULL, dossier_window_open_action_cb },
  { "win.open-recent", "as", dossier_window_open_recent_action_cb },
  { "win.export", NULL, export_action_cb },
  { "win.export-report", NULL, export_action_cb },
  { "win.text-search", NULL, text_search_action_cb },
  { "win.duplicates", NULL, duplicates_action_cb },
};

static const struct
{
  guint            keyval;
  GdkModifierType  modifiers;
  const char      *action;
  gboolean         string_target;  /* the curator's actions take "s", "" */
} window_keys[] = {
  { GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", FALSE },
  { GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", FALSE },
  { GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", FALSE },
  { GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", FALSE },
  { GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", FALSE },
  { GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-fit", FALSE },
  { GDK_KEY_KP_0, GDK_CONTROL_MASK, "win.zoom-fit", FALSE },
  { GDK_KEY_1, GDK_CONTROL_MASK, "win.zoom-reset", FALSE },
  { GDK_KEY_f, GDK_CONTROL_MASK, "win.find", FALSE },
  { GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.text-search", FALSE },
  { GDK_KEY_F, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.text-search", FALSE },
  { GDK_KEY_F5, 0, "win.reload", FALSE },
  { GDK_KEY_l, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.relayout-afresh", FALSE },
  { GDK_KEY_L, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.relayout-afresh", FALSE },
  { GDK_KEY_r, GDK_CONTROL_MASK, "win.reload", FALSE },
  { GDK_KEY_p, GDK_CONTROL_MASK, "win.show-passages", FALSE },
  { GDK_KEY_l, GDK_CONTROL_MASK, "win.show-legend", FALSE },
  { GDK_KEY_o, GDK_CONTROL_MASK, "win.open", FALSE },
  { GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.open-folder", FALSE },
  { GDK_KEY_e, GDK_CONTROL_MASK, "win.export", FALSE },
  { GDK_KEY_F9, 0, "win.show-filters", FALSE },
  { GDK_KEY_z, GDK_CONTROL_MASK, "curate.undo", FALSE },
  { GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "curate.redo", FALSE },
  { GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "curate.redo", FALSE },
  { GDK_KEY_F2, 0, "curate.rename", TRUE },
  { GDK_KEY_m, GDK_CONTROL_MASK, "curate.merge", TRUE },
  { GDK_KEY_h, GDK_CONTROL_MASK, "curate.hide", FALSE },
  { GDK_KEY_comma, GDK_CONTROL_MASK, "curate.preferences", FALSE },
};

void
dossier_window_class_init_actions (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (window_actions); i++)
    gtk_widget_class_install_action (widget_class, window_actions[i].name,
                                     window_actions[i].parameter_type, window_actions[i].activate);
  for (guint i = 0; i < G_N_ELEMENTS (window_keys); i++)
    {
      if (window_keys[i].string_target)
        gtk_widget_class_add_binding_action (widget_class, window_keys[i].keyval, window_keys[i].modifiers,
                                             window_keys[i].action, "s", "");
      else
        gtk_widget_class_add_binding_action (widget_class, window_keys[i].keyval, window_keys[i].modifiers,
                                             window_keys[i].action, NULL);
    }
}
