/* dossier-export.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Writes the laid-out subgraph as PNG, SVG, PDF, DOT, GraphML or JSON,
 * with the styles of dossier-style.h, so exports look like the view.
 *
 * Writes are atomic: the bytes go to a hidden temporary file next to the
 * target, which is synced and renamed over it only when complete.  A
 * failure (permission, full disk, missing folder, cancellation) removes
 * the temporary file and leaves any existing file untouched. */

#pragma once

#include <gio/gio.h>

#include "dossier-layout.h"

G_BEGIN_DECLS

#define DOSSIER_EXPORT_ERROR (dossier_export_error_quark ())

typedef enum
{
  DOSSIER_EXPORT_ERROR_FORMAT,        /* unknown format or bad options */
  DOSSIER_EXPORT_ERROR_FAILED,        /* anything else */
  DOSSIER_EXPORT_ERROR_PERMISSION,    /* not allowed to write there */
  DOSSIER_EXPORT_ERROR_NO_SPACE,      /* disk full, quota, file too large */
  DOSSIER_EXPORT_ERROR_NOT_FOUND,     /* the folder does not exist */
  DOSSIER_EXPORT_ERROR_IS_DIRECTORY,  /* the target is a folder */
  DOSSIER_EXPORT_ERROR_TOO_LARGE,     /* the image would not fit in memory */
} DossierExportError;

typedef enum
{
  DOSSIER_EXPORT_PNG,
  DOSSIER_EXPORT_SVG,
  DOSSIER_EXPORT_PDF,
  DOSSIER_EXPORT_DOT,
  DOSSIER_EXPORT_GRAPHML,
  DOSSIER_EXPORT_JSON,
} DossierExportFormat;

typedef struct
{
  DossierExportFormat format;
  double              scale;        /* PNG: pixels per point (1.0 = 72 dpi); the
                                     * PNG records 72 * scale dpi */
  gboolean            transparent;  /* PNG, SVG: no background */
  gboolean            dark;         /* dark palette */
  gboolean            edge_labels;  /* images: relation types on the edges */
  gboolean            legend;       /* images: a legend right of the graph */
  gboolean            has_area;     /* only the area below, in layout points;
                                     * data formats keep the nodes touching it
                                     * and the relations between those */
  double              area_x;
  double              area_y;
  double              area_width;
  double              area_height;
  /* Called now and then with items written so far; from the thread that
   * exports (the async variant calls it in the caller's main context). */
  DossierProgressFunc progress;
  gpointer            progress_data;
} DossierExportOptions;

/* Largest PNG, in pixels (about 256 MB of memory while drawing). */
#define DOSSIER_EXPORT_MAX_PIXELS (64 * 1024 * 1024)

GQuark      dossier_export_error_quark        (void);

void        dossier_export_options_init       (DossierExportOptions *options,
                                               DossierExportFormat   format);
const char *dossier_export_format_to_string   (DossierExportFormat   format);
gboolean    dossier_export_format_from_string (const char           *str,
                                               DossierExportFormat  *format);
/* From the file name's extension. */
gboolean    dossier_export_format_from_path   (const char           *path,
                                               DossierExportFormat  *format);
/* "image/png", ... */
const char *dossier_export_format_mime_type   (DossierExportFormat   format);

/* Serialises into memory.  @cancellable is checked between items. */
GBytes     *dossier_export_to_bytes           (DossierSubgraph            *subgraph,
                                               DossierLayout              *layout,
                                               const DossierExportOptions *options,
                                               GCancellable               *cancellable,
                                               GError                    **error);
/* Serialises and replaces @path atomically (a temporary file beside it,
 * synced, then renamed over it).  A symbolic link is written through (its
 * target is replaced, the link stays); a device or pipe ("/dev/stdout", a
 * FIFO) is written to as it is. */
gboolean    dossier_export_to_file            (DossierSubgraph            *subgraph,
                                               DossierLayout              *layout,
                                               const DossierExportOptions *options,
                                               const char                 *path,
                                               GCancellable               *cancellable,
                                               GError                    **error);
/* The same in a worker thread; @options is copied. */
void        dossier_export_to_file_async      (DossierSubgraph            *subgraph,
                                               DossierLayout              *layout,
                                               const DossierExportOptions *options,
                                               const char                 *path,
                                               GCancellable               *cancellable,
                                               GAsyncReadyCallback         callback,
                                               gpointer                    user_data);
gboolean    dossier_export_to_file_finish     (GAsyncResult               *result,
                                               GError                    **error);

/* Writes @bytes to @path atomically (see above). */
gboolean    dossier_export_write_atomically   (const char                 *path,
                                               GBytes                     *bytes,
                                               GCancellable               *cancellable,
                                               GError                    **error);

G_END_DECLS
