/* dossier-preferences.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-gazetteer.h"
#include "dossier-preferences.h"

#define GAZETTEERS_KEY "gazetteers"

struct _DossierPreferences
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;   /* NULL when the schema is not installed */
  DossierCurator       *curator;
  AdwPreferencesGroup  *files_group;
  GPtrArray            *rows;       /* the file rows shown, to remove them */
  GtkWidget            *export_row;
};

G_DEFINE_FINAL_TYPE (DossierPreferences, dossier_preferences, ADW_TYPE_PREFERENCES_WINDOW)

static GSettings *
lookup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Uninstalled runs may lack the schema: no files then, no abort. */
  if (source == NULL || !(schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)) ||
      !g_settings_schema_has_key (schema, GAZETTEERS_KEY))
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

GStrv
dossier_preferences_dup_gazetteers (void)
{
  g_autoptr(GSettings) settings = lookup_settings ();

  return settings != NULL ? g_settings_get_strv (settings, GAZETTEERS_KEY) : g_new0 (char *, 1);
}

static void
reload_gazetteer (DossierPreferences *self)
{
  g_action_group_activate_action (dossier_curator_get_actions (self->curator), "reload-gazetteer", NULL);
}

static void
remove_clicked_cb (GtkButton          *button,
                   DossierPreferences *self)
{
  dossier_preferences_remove_file (self, g_object_get_data (G_OBJECT (button), "path"));
}

/* The file's name, and its folder or why it no longer reads. */
static GtkWidget *
file_row (DossierPreferences *self,
          const char         *path)
{
  g_autoptr(DossierGazetteer) check = dossier_gazetteer_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *display = g_filename_display_name (folder);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (!dossier_gazetteer_load_file (check, path, &error))
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
      gtk_widget_add_css_class (row, "error");
    }
  else
    {
      /* Translators: a gazetteer file's folder and its number of names */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %u names"), display,
                                                   dossier_gazetteer_get_n_forms (check));

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove"));
  g_object_set_data_full (G_OBJECT (button), "path", g_strdup (path), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
update_files (DossierPreferences *self)
{
  g_auto(GStrv) files = self->settings != NULL ? g_settings_get_strv (self->settings, GAZETTEERS_KEY) : NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->files_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    {
      GtkWidget *row = file_row (self, files[i]);

      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (self->files_group, row);
    }
}

/* Saves the gazetteer files in @builder, then lists and loads them again. */
static void
store_files (DossierPreferences *self,
             GStrvBuilder       *builder)
{
  g_auto(GStrv) files = g_strv_builder_end (builder);

  g_settings_set_strv (self->settings, GAZETTEERS_KEY, (const char * const *) files);
  update_files (self);
  reload_gazetteer (self);
}

gboolean
dossier_preferences_add_file (DossierPreferences  *self,
                              const char          *path,
                              GError             **error)
{
  g_autoptr(DossierGazetteer) check = dossier_gazetteer_new ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) files = NULL;
  g_autofree char *absolute = NULL;

  g_return_val_if_fail (DOSSIER_IS_PREFERENCES (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!dossier_gazetteer_load_file (check, path, error))
    return FALSE;
  if (self->settings == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("The settings of Dossier are not installed"));
      return FALSE;
    }

  absolute = g_canonicalize_filename (path, NULL);
  files = g_settings_get_strv (self->settings, GAZETTEERS_KEY);
  if (g_strv_contains ((const char * const *) files, absolute))
    return TRUE;
  g_strv_builder_addv (builder, (const char **) files);
  g_strv_builder_add (builder, absolute);
  store_files (self, builder);
  return TRUE;
}

void
dossier_preferences_remove_file (DossierPreferences *self,
                                 const char         *path)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) files = NULL;

  g_return_if_fail (DOSSIER_IS_PREFERENCES (self));

  if (self->settings == NULL || path == NULL)
    return;
  files = g_settings_get_strv (self->settings, GAZETTEERS_KEY);
  for (guint i = 0; files[i] != NULL; i++)
    if (!g_str_equal (files[i], path))
      g_strv_builder_add (builder, files[i]);
  store_files (self, builder);
}

/* The file the chooser's @response accepted, or NULL; the chooser goes. */
static char *
chosen_path (GtkNativeDialog *dialog,
             int              response)
{
  g_autoptr(GFile) file = NULL;
  char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL)
    path = g_file_get_path (file);
  g_object_unref (dialog);
  return path;
}

/* What a file chooser does with the file chosen: the toast to show, or NULL. */
typedef char *(*ChosenFunc) (DossierPreferences *self,
                             const char         *path);

typedef struct
{
  DossierPreferences *self;
  ChosenFunc          chosen;
} Choice;

static void
choice_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    Choice          *choice)
{
  g_autofree char *path = chosen_path (dialog, response);
  g_autofree char *message = path != NULL ? choice->chosen (choice->self, path) : NULL;

  if (message != NULL)
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (choice->self), adw_toast_new (message));
  g_object_unref (choice->self);
  g_free (choice);
}

/* Shows @chooser; @chosen acts on the file the person chooses. */
static void
run_chooser (DossierPreferences   *self,
             GtkFileChooserNative *chooser,
             ChosenFunc            chosen)
{
  Choice *choice = g_new (Choice, 1);

  choice->self = g_object_ref (self);
  choice->chosen = chosen;
  g_signal_connect (chooser, "response", G_CALLBACK (choice_response_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static char *
add_chosen (DossierPreferences *self,
            const char         *path)
{
  g_autoptr(GError) error = NULL;

  return dossier_preferences_add_file (self, path, &error) ? NULL : g_strdup (error->message);
}

static void
add_clicked_cb (DossierPreferences *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Add a Gazetteer File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Gazetteer files (.gaz)"));
  gtk_file_filter_add_pattern (filter, "*.gaz");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  run_chooser (self, chooser, add_chosen);
}

static char *
export_chosen (DossierPreferences *self,
               const char         *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_filename_display_basename (path);

  if (!dossier_curator_save_gazetteer (self->curator, path, &error))
    return g_strdup (error->message);
  return g_strdup_printf (_("Saved as “%s”"), name);
}

static void
export_clicked_cb (DossierPreferences *self)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export the Actors You Created"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "my-actors.gaz");
  run_chooser (self, chooser, export_chosen);
}

static GtkWidget *
header_button (const char *label,
               const char *icon)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
build_page (DossierPreferences *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *add = header_button (_("_Add…"), "list-add-symbolic");
  GtkWidget *reload = header_button (_("_Reload"), "view-refresh-symbolic");
  GtkWidget *created = adw_preferences_group_new ();
  GtkWidget *export_button = gtk_button_new_with_mnemonic (_("_Export…"));

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Gazetteer"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "accessories-dictionary-symbolic");

  self->files_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->files_group, _("Your Gazetteer Files"));
  adw_preferences_group_set_description (self->files_group,
                                         _("Actors known by name, read with the shipped ones by every extraction (format: data/gazetteer/README.md)."));
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_clicked_cb), self);
  g_signal_connect_swapped (reload, "clicked", G_CALLBACK (reload_gazetteer), self);
  gtk_box_append (GTK_BOX (suffix), add);
  gtk_box_append (GTK_BOX (suffix), reload);
  adw_preferences_group_set_header_suffix (self->files_group, suffix);
  gtk_widget_set_sensitive (suffix, self->settings != NULL);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->files_group);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (created), _("Actors You Created"));
  self->export_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->export_row), _("Export as a Gazetteer File"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->export_row),
                               _("For other corpora, and for dossier-cli --gazetteer"));
  gtk_widget_set_valign (export_button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (export_button, "clicked", G_CALLBACK (export_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->export_row), export_button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self->export_row), export_button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (created), self->export_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (created));

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
}

static void
dossier_preferences_dispose (GObject *object)
{
  DossierPreferences *self = DOSSIER_PREFERENCES (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->curator);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (dossier_preferences_parent_class)->dispose (object);
}

static void
dossier_preferences_class_init (DossierPreferencesClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = dossier_preferences_dispose;
}

static void
dossier_preferences_init (DossierPreferences *self)
{
  self->settings = lookup_settings ();
  self->rows = g_ptr_array_new ();
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 520);
  build_page (self);
  update_files (self);
}

DossierPreferences *
dossier_preferences_new (GtkWindow      *parent,
                         DossierCurator *curator)
{
  DossierPreferences *self = g_object_new (DOSSIER_TYPE_PREFERENCES,
                                           "transient-for", parent,
                                           "modal", FALSE,
                                           NULL);

  self->curator = g_object_ref (curator);
  return self;
}
