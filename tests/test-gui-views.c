/* test-gui-views.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Saved views in the window: a view saved, the filter, selection and zoom
 * changed, the view chosen again brings them back; another window on the
 * same articles lists it, renames and deletes it; Save View… asks for a
 * name; a views file that does not read is left alone. */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <math.h>
#include <string.h>

#include "dossier-corpus.h"
#include "dossier-curation.h"
#include "dossier-filter-panel.h"
#include "dossier-views.h"
#include "gui-test-util.h"

/* Quotes, brackets, an ampersand and underscores (menu access keys). */
#define VIEW_NAME "Oracle's <\"deals\"> & _friends_"

static gboolean
is_views_button (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) &&
         g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)), "user-bookmarks-symbolic") == 0;
}

/* The views the header bar's menu lists, by the names they apply. */
static GPtrArray *
listed_views (DossierWindow *win)
{
  GtkWidget *button = gui_test_find (GTK_WIDGET (win), is_views_button, NULL);
  GMenuModel *menu, *section;
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (button);
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  for (int i = 0; i < g_menu_model_get_n_items (section); i++)
    {
      g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (section, i, G_MENU_ATTRIBUTE_TARGET,
                                                                          G_VARIANT_TYPE_STRING);
      g_autofree char *label = NULL;

      g_assert_true (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_LABEL, "s", &label));
      /* The label shows the name as it is: underscores doubled. */
      if (strchr (g_variant_get_string (target, NULL), '_') != NULL)
        g_assert_nonnull (strstr (label, "__"));
      g_ptr_array_add (names, g_variant_dup_string (target, NULL));
    }
  g_object_unref (section);
  return names;
}

static char *
views_path_for_seeds (void)
{
  g_autofree char *seeds = dossier_corpus_default_path ();
  const char *roots[] = { seeds, NULL };
  g_autofree char *edits = dossier_curation_path_for_corpus (roots);

  return dossier_views_path_for_edits (edits);
}

static guint
entity_id (DossierWindow *win,
           const char    *name)
{
  DossierEntity *entity = dossier_graph_lookup_entity (dossier_window_get_graph (win), name);

  g_assert_nonnull (entity);
  return entity->id;
}

static void
show_filter (DossierWindow *win,
             const char    *actor)
{
  g_autoptr(DossierFilter) filter = dossier_filter_new ();

  if (actor != NULL)
    filter->actors = g_strsplit (actor, "|", -1);
  dossier_window_set_filter (win, filter);
  gui_test_wait_until_drawn (win);
}

static AdwMessageDialog *
find_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static void
test_save_and_switch (void)
{
  g_autofree char *views_path = views_path_for_seeds ();
  DossierWindow *win = gui_test_open_window (NULL);
  DossierWindow *other;
  DossierGraphView *view = dossier_window_get_graph_view (win);
  GtkWidget *widget = GTK_WIDGET (view);
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GArray) selected = NULL;
  AdwMessageDialog *dialog;
  double saved_scale;

  g_unlink (views_path);

  /* Oracle's neighbourhood, Oracle and TikTok selected, zoomed in. */
  show_filter (win, "Oracle");
  g_assert_true (dossier_graph_view_select_entity (view, entity_id (win, "Oracle")));
  g_assert_true (dossier_graph_view_toggle_entity (view, entity_id (win, "TikTok")));
  dossier_graph_view_zoom_by (view, 2.5, gtk_widget_get_width (widget) / 3.0,
                              gtk_widget_get_height (widget) / 3.0, FALSE);
  saved_scale = dossier_graph_view_get_transform (view)->scale;

  gtk_widget_activate_action (GTK_WIDGET (win), "win.save-view", "s", VIEW_NAME);
  g_assert_true (g_file_test (views_path, G_FILE_TEST_IS_REGULAR));
  names = listed_views (win);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (names->pdata[0], ==, VIEW_NAME);

  /* Everything changed: all actors, nothing selected, fitted. */
  show_filter (win, NULL);
  dossier_graph_view_clear_selection (view);
  dossier_graph_view_zoom_fit (view, FALSE);
  g_assert_null (dossier_window_get_filter (win)->actors);
  g_assert_cmpfloat (fabs (dossier_graph_view_get_transform (view)->scale - saved_scale), >, 0.01);

  /* The view chosen again brings all of it back. */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.saved-view", "s", VIEW_NAME);
  gui_test_wait_until_drawn (win);
  g_assert_nonnull (dossier_window_get_filter (win)->actors);
  g_assert_cmpstr (dossier_window_get_filter (win)->actors[0], ==, "Oracle");
  g_assert_null (dossier_window_get_filter (win)->actors[1]);
  g_assert_cmpstr (dossier_filter_panel_get_filter (dossier_window_get_filter_panel (win))->actors[0], ==, "Oracle");
  selected = dossier_graph_view_get_selected_entities (view);
  g_assert_cmpuint (selected->len, ==, 2);
  g_assert_cmpuint (g_array_index (selected, guint, 0), ==, entity_id (win, "Oracle"));
  g_assert_cmpuint (g_array_index (selected, guint, 1), ==, entity_id (win, "TikTok"));
  g_assert_cmpfloat_with_epsilon (dossier_graph_view_get_transform (view)->scale, saved_scale, 1e-6);
  g_assert_cmpstr (dossier_window_get_side_page (win), ==, "passages");

  /* Another window on the same articles lists it. */
  other = gui_test_open_window (NULL);
  g_clear_pointer (&names, g_ptr_array_unref);
  names = listed_views (other);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (names->pdata[0], ==, VIEW_NAME);

  /* Renamed and deleted there: the file follows. */
  gtk_widget_activate_action (GTK_WIDGET (other), "win.saved-view", "s", VIEW_NAME);
  gui_test_wait_until_drawn (other);
  gtk_widget_activate_action (GTK_WIDGET (other), "win.rename-view", "s", "Renamed");
  g_clear_pointer (&names, g_ptr_array_unref);
  names = listed_views (other);
  g_assert_cmpstr (names->pdata[0], ==, "Renamed");
  gtk_widget_activate_action (GTK_WIDGET (other), "win.delete-view", NULL);
  g_clear_pointer (&names, g_ptr_array_unref);
  names = listed_views (other);
  g_assert_cmpuint (names->len, ==, 0);

  /* Save View… asks for the name (Ctrl+Alt+S is the same action). */
  gtk_widget_activate_action (GTK_WIDGET (other), "win.save-view", "s", "");
  gui_test_iterate ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "  From the dialog ");
  adw_message_dialog_response (dialog, "apply");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_iterate ();
  g_clear_pointer (&names, g_ptr_array_unref);
  names = listed_views (other);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (names->pdata[0], ==, "From the dialog");
  {
    g_autoptr(DossierViews) views = dossier_views_load_file (views_path, NULL);

    g_assert_nonnull (views);
    g_assert_cmpuint (dossier_views_get_n_views (views), ==, 1);
    g_assert_nonnull (dossier_views_lookup (views, "From the dialog"));
  }

  gui_test_close_window (other);
  gui_test_close_window (win);
  g_unlink (views_path);
}

static void
test_corrupt_file_kept (void)
{
  static const char corrupt[] = "{\"views\": [{\"name\": \"cut short";
  g_autofree char *views_path = views_path_for_seeds ();
  g_autofree char *dir = g_path_get_dirname (views_path);
  g_autofree char *after = NULL;
  DossierWindow *win;
  g_autoptr(GPtrArray) names = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (views_path, corrupt, -1, NULL));

  win = gui_test_open_window (NULL);
  names = listed_views (win);
  g_assert_cmpuint (names->len, ==, 0);
  /* Saving is refused rather than writing over the views it could not read. */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.save-view", "s", "New");
  g_assert_true (g_file_get_contents (views_path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, corrupt);

  gui_test_close_window (win);
  g_unlink (views_path);
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add_func ("/gui/views/save-and-switch", test_save_and_switch);
  g_test_add_func ("/gui/views/corrupt-file-kept", test_corrupt_file_kept);

  return g_test_run ();
}
