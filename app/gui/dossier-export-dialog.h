/* dossier-export-dialog.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "dossier-export.h"

G_BEGIN_DECLS

/* Asks how to export (format, file name, theme, PNG resolution and
 * transparency, legend, relation labels, title, caption, whole graph or
 * visible area), then where, then writes on a worker thread.  @visible is
 * the visible area in layout points, or NULL; @report opens on the HTML
 * report rather than the last picture format. */
void      dossier_export_dialog_run     (GtkWindow             *parent,
                                         DossierSubgraph       *subgraph,
                                         DossierLayout         *layout,
                                         const graphene_rect_t *visible,
                                         gboolean               report,
                                         GCancellable          *cancellable,
                                         GAsyncReadyCallback    callback,
                                         gpointer               user_data);
/* The path written, or NULL with @error set (G_IO_ERROR_CANCELLED when the
 * person closed the dialog). */
char     *dossier_export_dialog_finish  (GAsyncResult          *result,
                                         GError               **error);

/* The file an export goes to, and its format: a format picked in the list
 * (@format_picked) replaces a known extension of @path; else a known
 * extension wins; a name without one gets @format's. */
char     *dossier_export_dialog_file_name (const char          *path,
                                           DossierExportFormat  format,
                                           gboolean             format_picked,
                                           DossierExportFormat *out_format);

/* What the options window (named "dossier-export-options") would export
 * with, for tests; strings stay owned by the window. */
void      dossier_export_dialog_read_options (GtkWindow            *window,
                                              DossierExportOptions *options);

G_END_DECLS
