/* dossier-export-dialog.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Export from the window.  GtkFileChooserNative (GTK 4.8 has no
 * GtkFileDialog) with choices for the options; the file is written off the
 * main thread so a large PNG never freezes the window. */

#define G_LOG_DOMAIN "dossier-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-export-dialog.h"

typedef struct
{
  DossierSubgraph      *subgraph;
  DossierLayout        *layout;
  DossierExportOptions  options;
  char                 *path;
  gboolean              has_visible;
  graphene_rect_t       visible;
  gboolean              dark;
  GtkFileChooserNative *chooser;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_pointer (&data->subgraph, dossier_subgraph_unref);
  g_clear_pointer (&data->layout, dossier_layout_unref);
  /* The chooser may still be finishing its own response: let it. */
  if (data->chooser != NULL)
    g_idle_add_once ((GSourceOnceFunc) g_object_unref, g_steal_pointer (&data->chooser));
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

static void
on_chooser_response (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(GTask) task = user_data;
  ExportData *data = g_task_get_task_data (task);
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *chosen_path = NULL;
  const char *format_id, *scale_id, *area_id;
  DossierExportFormat format = DOSSIER_EXPORT_PNG;

  if (response != GTK_RESPONSE_ACCEPT ||
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) == NULL ||
      (chosen_path = g_file_get_path (file)) == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Export cancelled"));
      return;
    }

  /* The list opens on its first entry, PNG: anything else was picked. */
  format_id = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "format");
  if (format_id == NULL || !dossier_export_format_from_string (format_id, &format))
    format = DOSSIER_EXPORT_PNG;

  path = dossier_export_dialog_file_name (chosen_path, format, format != DOSSIER_EXPORT_PNG, &format);
  last_format = format;
  g_free (last_folder);
  last_folder = g_path_get_dirname (path);

  dossier_export_options_init (&data->options, format);
  data->options.dark = data->dark;

  scale_id = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "scale");
  if (scale_id != NULL)
    data->options.scale = g_ascii_strtod (scale_id, NULL);
  if (data->options.scale <= 0)
    data->options.scale = 2.0;

  data->options.transparent =
    g_strcmp0 (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "transparent"), "true") == 0;
  data->options.legend =
    g_strcmp0 (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "legend"), "true") == 0;

  area_id = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "area");
  if (data->has_visible && g_strcmp0 (area_id, "visible") == 0)
    {
      data->options.has_area = TRUE;
      data->options.area_x = data->visible.origin.x;
      data->options.area_y = data->visible.origin.y;
      data->options.area_width = data->visible.size.width;
      data->options.area_height = data->visible.size.height;
    }

  g_free (data->path);
  data->path = g_steal_pointer (&path);
  dossier_export_to_file_async (data->subgraph, data->layout, &data->options, data->path,
                                g_task_get_cancellable (task), on_written, g_object_ref (task));
}

void
dossier_export_dialog_run (GtkWindow             *parent,
                           DossierSubgraph       *subgraph,
                           DossierLayout         *layout,
                           const graphene_rect_t *visible,
                           gboolean               dark,
                           GCancellable          *cancellable,
                           GAsyncReadyCallback    callback,
                           gpointer               user_data)
{
  GTask *task;
  ExportData *data;
  GtkFileChooserNative *chooser;
  const char *format_ids[] = { "png", "svg", "pdf", "dot", "graphml", "json", NULL };
  const char *format_labels[] = {
    _("PNG image"), _("SVG image"), _("PDF document"),
    _("Graphviz DOT"), _("GraphML (Gephi)"), _("JSON"), NULL
  };
  /* The default first: GTK 4.8's own chooser shows a list's first entry
   * whatever gtk_file_chooser_set_choice() said. */
  const char *scale_ids[] = { "2", "1", "4", NULL };
  /* Translators: PNG resolutions; 72 dpi is the graph's own size. */
  const char *scale_labels[] = { _("144 dpi"), _("72 dpi"), _("288 dpi"), NULL };
  const char *area_ids[] = { "whole", "visible", NULL };
  const char *area_labels[] = { _("Whole graph"), _("Visible area"), NULL };

  g_return_if_fail (subgraph != NULL);
  g_return_if_fail (layout != NULL);

  data = g_new0 (ExportData, 1);
  data->subgraph = dossier_subgraph_ref (subgraph);
  data->layout = dossier_layout_ref (layout);
  data->dark = dark;
  if (visible != NULL)
    {
      data->has_visible = TRUE;
      data->visible = *visible;
    }

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_export_dialog_run);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);

  chooser = gtk_file_chooser_native_new (_("Export Graph"), parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  data->chooser = chooser;
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  {
    /* Translators: the name offered for an export, before its extension. */
    g_autofree char *name = g_strdup_printf ("%s.%s", C_("export file name", "graph"), dossier_export_format_to_string (last_format));

    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  }
  if (last_folder != NULL)
    {
      g_autoptr(GFile) folder = g_file_new_for_path (last_folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  /* The last format comes back in the name offered, not in the list. */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "format", _("Format"),
                               format_ids, format_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "format", "png");
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "scale", _("PNG resolution"),
                               scale_ids, scale_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "scale", "2");
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "transparent",
                               _("Transparent background"), NULL, NULL);
  /* What the window shows beside the graph, for images that travel alone. */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "legend",
                               _("Include the legend"), NULL, NULL);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "legend", "true");
  if (visible != NULL)
    {
      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "area", _("Area"),
                                   area_ids, area_labels);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "area", "whole");
    }

  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

char *
dossier_export_dialog_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
