/* dossier-export-dialog.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Export from the window: a small window of options (format, file name,
 * theme, resolution, legend, relation labels, title, caption, area) whose
 * rows follow the format, then GtkFileChooserNative (GTK 4.8 has no
 * GtkFileDialog) for the place; the file is written off the main thread
 * so a large PNG never freezes the window. */

#define G_LOG_DOMAIN "dossier-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>
#include <string.h>

#include "dossier-export-dialog.h"

typedef struct
{
  DossierSubgraph      *subgraph;
  DossierLayout        *layout;
  DossierExportOptions  options;
  char                 *path;
  gboolean              has_visible;
  graphene_rect_t       visible;
  GtkFileChooserNative *chooser;
  GtkWindow            *parent;
  GtkWindow            *window;     /* the options */
  AdwComboRow          *format;
  AdwEntryRow          *file_name;
  AdwComboRow          *theme;
  AdwComboRow          *scale;
  AdwActionRow         *transparent_row;
  GtkSwitch            *transparent;
  AdwActionRow         *legend_row;
  GtkSwitch            *legend;
  AdwActionRow         *labels_row;
  GtkSwitch            *labels;
  AdwEntryRow          *title;
  AdwEntryRow          *caption;
  AdwComboRow          *area;
  char                 *title_text;
  char                 *caption_text;
  gboolean              answered;   /* Export or Cancel: the window may go */
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_pointer (&data->subgraph, dossier_subgraph_unref);
  g_clear_pointer (&data->layout, dossier_layout_unref);
  /* The chooser may still be finishing its own response: let it. */
  if (data->chooser != NULL)
    g_idle_add_once ((GSourceOnceFunc) g_object_unref, g_steal_pointer (&data->chooser));
  g_clear_object (&data->window);
  g_free (data->title_text);
  g_free (data->caption_text);
  g_free (data->path);
  g_free (data);
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ExportData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!dossier_export_to_file_finish (result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_strdup (data->path), g_free);
}

/* Where and in which format the last export went, for the next one. */
static char *last_folder;
static DossierExportFormat last_format = DOSSIER_EXPORT_PNG;

/* The file name for @format.  The chooser tells nothing when its Format
 * changes, so at the end: a format picked in the list (not the one the
 * dialog opened with) wins over the name's extension, which is replaced;
 * a name typed with another known extension wins over an untouched list;
 * a name without one gets the format's. */
char *
dossier_export_dialog_file_name (const char          *path,
                                 DossierExportFormat  format,
                                 gboolean             format_picked,
                                 DossierExportFormat *out_format)
{
  DossierExportFormat from_name;
  const char *ext = dossier_export_format_to_string (format);

  *out_format = format;
  if (dossier_export_format_from_path (path, &from_name))
    {
      const char *dot = strrchr (path, '.');

      if (from_name == format || !format_picked)
        {
          *out_format = from_name;
          return g_strdup (path);
        }
      return g_strdup_printf ("%.*s.%s", (int) (dot - path), path, ext);
    }

  return g_strdup_printf ("%s.%s", path, ext);
}

/* The formats in the list, in order; reports last. */
static const DossierExportFormat formats[] = {
  DOSSIER_EXPORT_PNG, DOSSIER_EXPORT_SVG, DOSSIER_EXPORT_PDF,
  DOSSIER_EXPORT_HTML, DOSSIER_EXPORT_CSV,
  DOSSIER_EXPORT_GEXF, DOSSIER_EXPORT_GRAPHML, DOSSIER_EXPORT_NEO4J,
  DOSSIER_EXPORT_DOT, DOSSIER_EXPORT_JSON,
};

static const char *
format_label (DossierExportFormat format)
{
  switch (format)
    {
    case DOSSIER_EXPORT_PNG:     return _("PNG image");
    case DOSSIER_EXPORT_SVG:     return _("SVG image");
    case DOSSIER_EXPORT_PDF:     return _("PDF document");
    case DOSSIER_EXPORT_HTML:    return _("HTML report");
    case DOSSIER_EXPORT_CSV:     return _("CSV of passages (spreadsheet)");
    case DOSSIER_EXPORT_GEXF:    return _("GEXF (Gephi, with dates)");
    case DOSSIER_EXPORT_GRAPHML: return _("GraphML");
    case DOSSIER_EXPORT_NEO4J:   return _("Neo4j import folder");
    case DOSSIER_EXPORT_DOT:     return _("Graphviz DOT");
    case DOSSIER_EXPORT_JSON:
    default:                     return _("JSON");
    }
}

/* PNG scales, the default first; 72 dpi is the graph's own size. */
static const double scales[] = { 2, 1, 4 };

static DossierExportFormat
selected_format (ExportData *data)
{
  guint i = adw_combo_row_get_selected (data->format);

  return i < G_N_ELEMENTS (formats) ? formats[i] : DOSSIER_EXPORT_PNG;
}

/* The name with the format's extension in place of a known one. */
static char *
name_for_format (const char          *name,
                 DossierExportFormat  format)
{
  DossierExportFormat old;
  const char *dot = strrchr (name, '.');
  g_autofree char *stem = NULL;

  if (dot != NULL && dot != name && dossier_export_format_from_path (name, &old))
    stem = g_strndup (name, dot - name);
  else if (dot == NULL || dot == name)
    stem = g_strdup (name);
  else
    stem = g_strdup (name);
  /* Neo4j's export is a folder: no extension, and "graph-neo4j". */
  if (g_str_has_suffix (stem, "-neo4j"))
    stem[strlen (stem) - strlen ("-neo4j")] = '\0';
  if (*stem == '\0')
    {
      g_free (stem);
      /* Translators: the name offered for an export, before its extension. */
      stem = g_strdup (C_("export file name", "graph"));
    }

  if (dossier_export_format_is_folder (format))
    return g_strconcat (stem, "-neo4j", NULL);
  return g_strdup_printf ("%s.%s", stem, dossier_export_format_to_string (format));
}

/* Rows follow the format: the resolution for PNG only, the picture's
 * options for images, a title for the HTML report too. */
static void
update_rows (ExportData *data)
{
  DossierExportFormat format = selected_format (data);
  gboolean image = dossier_export_format_is_image (format);
  g_autofree char *name = name_for_format (gtk_editable_get_text (GTK_EDITABLE (data->file_name)), format);

  gtk_editable_set_text (GTK_EDITABLE (data->file_name), name);
  gtk_widget_set_visible (GTK_WIDGET (data->scale), format == DOSSIER_EXPORT_PNG);
  gtk_widget_set_visible (GTK_WIDGET (data->theme), image);
  gtk_widget_set_visible (GTK_WIDGET (data->transparent_row), format == DOSSIER_EXPORT_PNG || format == DOSSIER_EXPORT_SVG);
  gtk_widget_set_visible (GTK_WIDGET (data->legend_row), image || format == DOSSIER_EXPORT_HTML);
  gtk_widget_set_visible (GTK_WIDGET (data->labels_row), image || format == DOSSIER_EXPORT_HTML);
  gtk_widget_set_visible (GTK_WIDGET (data->title), image || format == DOSSIER_EXPORT_HTML);
  gtk_widget_set_visible (GTK_WIDGET (data->caption), image || format == DOSSIER_EXPORT_HTML);
}

static void
on_format_changed (ExportData *data)
{
  update_rows (data);
}

/* What the rows say, as export options (strings owned by @data). */
static void
read_options (ExportData           *data,
              DossierExportOptions *options)
{
  DossierExportFormat format = selected_format (data);
  guint scale = adw_combo_row_get_selected (data->scale);
  const char *title = gtk_editable_get_text (GTK_EDITABLE (data->title));
  const char *caption = gtk_editable_get_text (GTK_EDITABLE (data->caption));

  dossier_export_options_init (options, format);
  options->scale = scale < G_N_ELEMENTS (scales) ? scales[scale] : 2.0;
  /* The picture's own choice, light unless asked: not the window's theme. */
  options->dark = adw_combo_row_get_selected (data->theme) == 1;
  options->transparent = gtk_switch_get_active (data->transparent);
  options->legend = gtk_switch_get_active (data->legend);
  options->edge_labels = gtk_switch_get_active (data->labels);

  g_free (data->title_text);
  data->title_text = *title != '\0' ? g_strdup (title) : NULL;
  g_free (data->caption_text);
  data->caption_text = *caption != '\0' ? g_strdup (caption) : NULL;
  options->title = data->title_text;
  options->caption = data->caption_text;

  if (data->area != NULL && data->has_visible && adw_combo_row_get_selected (data->area) == 1)
    {
      options->has_area = TRUE;
      options->area_x = data->visible.origin.x;
      options->area_y = data->visible.origin.y;
      options->area_width = data->visible.size.width;
      options->area_height = data->visible.size.height;
    }
}

static void
on_chooser_response (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(GTask) task = user_data;
  ExportData *data = g_task_get_task_data (task);
  g_autoptr(GFile) file = NULL;
  g_autofree char *chosen_path = NULL;
  DossierExportFormat format = data->options.format;

  if (response != GTK_RESPONSE_ACCEPT ||
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) == NULL ||
      (chosen_path = g_file_get_path (file)) == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Export cancelled"));
      return;
    }

  /* The format was picked in the options: it decides the extension. */
  g_free (data->path);
  data->path = dossier_export_format_is_folder (format)
             ? g_steal_pointer (&chosen_path)
             : dossier_export_dialog_file_name (chosen_path, format, TRUE, &format);
  last_format = format;
  g_free (last_folder);
  last_folder = g_path_get_dirname (data->path);

  dossier_export_to_file_async (data->subgraph, data->layout, &data->options, data->path,
                                g_task_get_cancellable (task), on_written, g_object_ref (task));
}

static void
choose_file (GTask *task)
{
  ExportData *data = g_task_get_task_data (task);
  GtkFileChooserNative *chooser;

  read_options (data, &data->options);
  gtk_window_destroy (data->window);

  chooser = gtk_file_chooser_native_new (_("Export Graph"), data->parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  data->chooser = chooser;
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser),
                                     gtk_editable_get_text (GTK_EDITABLE (data->file_name)));
  if (last_folder != NULL)
    {
      g_autoptr(GFile) folder = g_file_new_for_path (last_folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }

  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Cancel, Escape or the window's close button. */
static gboolean
on_options_close_request (GtkWindow *window,
                          GTask     *task)
{
  ExportData *data = g_task_get_task_data (task);

  if (!data->answered)
    {
      data->answered = TRUE;
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Export cancelled"));
      g_object_unref (task);
    }
  return FALSE;
}

static void
on_options_cancel (GTask *task)
{
  ExportData *data = g_task_get_task_data (task);

  gtk_window_close (data->window);
}

static void
on_options_export (GTask *task)
{
  ExportData *data = g_task_get_task_data (task);

  data->answered = TRUE;
  choose_file (task);
}

/* Titles @row (its mnemonic underlined) and adds it to @group. */
static GtkWidget *
add_row (AdwPreferencesGroup *group,
         GtkWidget           *row,
         const char          *title)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_preferences_group_add (group, row);
  return row;
}

static GtkSwitch *
add_switch_row (AdwPreferencesGroup  *group,
                const char           *title,
                const char           *name,
                gboolean              active,
                AdwActionRow        **row_out)
{
  GtkWidget *row = add_row (group, adw_action_row_new (), title);
  GtkWidget *sw = gtk_switch_new ();

  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  gtk_widget_set_name (sw, name);
  gtk_switch_set_active (GTK_SWITCH (sw), active);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  *row_out = ADW_ACTION_ROW (row);
  return GTK_SWITCH (sw);
}

static AdwComboRow *
add_combo_row (AdwPreferencesGroup *group,
               const char          *title,
               const char          *name,
               const char * const  *labels)
{
  GtkWidget *row = add_row (group, adw_combo_row_new (), title);
  g_autoptr(GtkStringList) model = gtk_string_list_new (labels);

  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  gtk_widget_set_name (row, name);
  return ADW_COMBO_ROW (row);
}

static AdwEntryRow *
add_entry_row (AdwPreferencesGroup *group,
               const char          *title,
               const char          *name,
               const char          *text)
{
  GtkWidget *row = add_row (group, adw_entry_row_new (), title);

  gtk_widget_set_name (row, name);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  return ADW_ENTRY_ROW (row);
}

static void
build_options (ExportData          *data,
               GTask               *task,
               DossierExportFormat  initial)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *export = gtk_button_new_with_mnemonic (_("_Export…"));
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *file = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *picture = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  const char *format_labels[G_N_ELEMENTS (formats) + 1] = { NULL };
  const char *theme_labels[] = { C_("export theme", "Light"), C_("export theme", "Dark"), NULL };
  /* Translators: PNG resolutions; 72 dpi is the graph's own size. */
  const char *scale_labels[] = { _("144 dpi"), _("72 dpi"), _("288 dpi"), NULL };
  const char *area_labels[] = { _("Whole graph"), _("Visible area"), NULL };
  g_autofree char *caption = dossier_export_default_caption (data->subgraph);
  g_autofree char *name = NULL;
  guint selected = 0;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      format_labels[i] = format_label (formats[i]);
      if (formats[i] == initial)
        selected = i;
    }

  gtk_window_set_title (GTK_WINDOW (window), _("Export"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), data->parent);
  gtk_window_set_default_size (GTK_WINDOW (window), 520, 640);
  gtk_widget_set_name (window, "dossier-export-options");

  gtk_widget_set_name (export, "export");
  gtk_widget_add_css_class (export, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), export);
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (window), box);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), file);
  adw_preferences_group_set_title (picture, _("Picture"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), picture);

  data->format = add_combo_row (file, _("_Format"), "format", format_labels);
  name = name_for_format (C_("export file name", "graph"), initial);
  data->file_name = add_entry_row (file, _("File _name"), "file-name", name);
  if (data->has_visible)
    data->area = add_combo_row (file, _("_Area"), "area", area_labels);

  data->theme = add_combo_row (picture, _("_Colours"), "theme", theme_labels);
  data->scale = add_combo_row (picture, _("_Resolution"), "scale", scale_labels);
  data->transparent = add_switch_row (picture, _("_Transparent background"), "transparent", FALSE, &data->transparent_row);
  /* What the window shows beside the graph, for images that travel alone. */
  data->legend = add_switch_row (picture, _("_Legend"), "legend", TRUE, &data->legend_row);
  data->labels = add_switch_row (picture, _("Relation _labels"), "edge-labels", FALSE, &data->labels_row);
  data->title = add_entry_row (picture, _("T_itle"), "title", NULL);
  data->caption = add_entry_row (picture, _("Ca_ption"), "caption", caption);

  adw_combo_row_set_selected (data->format, selected);
  g_signal_connect_swapped (data->format, "notify::selected", G_CALLBACK (on_format_changed), data);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (on_options_cancel), task);
  g_signal_connect_swapped (export, "clicked", G_CALLBACK (on_options_export), task);
  g_signal_connect (window, "close-request", G_CALLBACK (on_options_close_request), task);
  gtk_window_set_default_widget (GTK_WINDOW (window), export);
  {
    GtkEventController *keys = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                            gtk_named_action_new ("window.close")));
    gtk_widget_add_controller (window, keys);
  }

  data->window = g_object_ref_sink (GTK_WINDOW (window));
  g_object_set_data (G_OBJECT (window), "dossier-export-data", data);
  update_rows (data);
}

void
dossier_export_dialog_run (GtkWindow             *parent,
                           DossierSubgraph       *subgraph,
                           DossierLayout         *layout,
                           const graphene_rect_t *visible,
                           gboolean               report,
                           GCancellable          *cancellable,
                           GAsyncReadyCallback    callback,
                           gpointer               user_data)
{
  GTask *task;
  ExportData *data;

  g_return_if_fail (subgraph != NULL);
  g_return_if_fail (layout != NULL);

  data = g_new0 (ExportData, 1);
  data->subgraph = dossier_subgraph_ref (subgraph);
  data->layout = dossier_layout_ref (layout);
  data->parent = parent;
  if (visible != NULL)
    {
      data->has_visible = TRUE;
      data->visible = *visible;
    }

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_export_dialog_run);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);

  /* The task's reference is the options window's until Export or Cancel. */
  build_options (data, task,
                 report ? DOSSIER_EXPORT_HTML
                        : dossier_export_format_is_image (last_format) ? last_format : DOSSIER_EXPORT_PNG);
  gtk_window_present (data->window);
}

void
dossier_export_dialog_read_options (GtkWindow            *window,
                                    DossierExportOptions *options)
{
  ExportData *data = g_object_get_data (G_OBJECT (window), "dossier-export-data");

  g_return_if_fail (data != NULL);
  read_options (data, options);
}

char *
dossier_export_dialog_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
