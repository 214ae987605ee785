/* dossier-window-open.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-window-private.h"

/* Opening: files, folders, recent corpora, drag and drop */

#define MAX_RECENT 8

static gboolean
is_default_corpus (char **paths)
{
  g_autofree char *seeds = dossier_corpus_default_path ();

  return paths != NULL && paths[0] != NULL && paths[1] == NULL && g_str_equal (paths[0], seeds);
}

void
dossier_window_update_recent_menu (DossierWindow *self)
{
  g_auto(GStrv) recent = NULL;

  g_menu_remove_all (self->recent_menu);
  if (self->settings == NULL)
    return;

  recent = g_settings_get_strv (self->settings, "recent-corpora");
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_auto(GStrv) paths = g_strsplit (recent[i], "\n", -1);
      g_autofree char *base = g_path_get_basename (paths[0]);
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;
      guint n = g_strv_length (paths);

      /* Translators: a recent corpus: a file or folder name and how many more paths came with it. */
      label = n > 1 ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %u more", "%s and %u more", n - 1),
                                       base, n - 1)
                    : g_strdup (base);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_strv ((const char * const *) paths, -1));
      g_menu_append_item (self->recent_menu, item);
    }
}

void
dossier_window_remember_recent (DossierWindow *self)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) recent = NULL;
  g_auto(GStrv) updated = NULL;
  g_autofree char *key = NULL;
  guint n = 1;

  if (self->settings == NULL || self->paths == NULL || is_default_corpus (self->paths))
    return;

  key = g_strjoinv ("\n", self->paths);
  recent = g_settings_get_strv (self->settings, "recent-corpora");
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, key);
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT; i++)
    {
      if (g_str_equal (recent[i], key))
        continue;
      g_strv_builder_add (builder, recent[i]);
      n++;
    }
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-corpora", (const char * const *) updated);
  dossier_window_update_recent_menu (self);
}

static void
load_files (DossierWindow *self,
            GListModel    *files)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      char *path = g_file_get_path (file);

      if (path != NULL)
        g_ptr_array_add (paths, path);
    }

  if (paths->len == 0)
    {
      dossier_window_show_toast (self, _("Only local files and folders can be opened"));
      return;
    }

  g_ptr_array_add (paths, NULL);
  dossier_window_load (self, (const char * const *) paths->pdata);
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  DossierWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      load_files (self, files);
    }

  g_object_unref (dialog);
}

void
dossier_window_open_action_cb (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  gboolean folder = g_str_equal (action_name, "win.open-folder");
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (folder ? _("Open a Folder of Articles") : _("Open Articles"),
                                         GTK_WINDOW (self),
                                         folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                                : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  if (!folder)
    {
      g_autoptr(GtkFileFilter) text = gtk_file_filter_new ();

      gtk_file_filter_set_name (text, _("Text articles"));
      gtk_file_filter_add_mime_type (text, "text/plain");
      gtk_file_filter_add_suffix (text, "txt");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), text);
    }

  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
dossier_window_open_recent_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  g_autofree const char **paths = g_variant_get_strv (param, NULL);

  dossier_window_load (DOSSIER_WINDOW (widget), paths);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         DossierWindow *self)
{
  GSList *list = g_value_get_boxed (value);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);

  for (GSList *l = list; l != NULL; l = l->next)
    g_list_store_append (files, l->data);

  if (g_list_model_get_n_items (G_LIST_MODEL (files)) == 0)
    return FALSE;

  load_files (self, G_LIST_MODEL (files));
  return TRUE;
}

void
dossier_window_init_drop_target (DossierWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
