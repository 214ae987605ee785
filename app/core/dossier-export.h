/* dossier-export.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Writes the laid-out subgraph as PNG, SVG, PDF, DOT, GraphML or JSON,
 * with the styles of dossier-style.h, so exports look like the view; and
 * the evidence behind it as a CSV report, GEXF (Gephi), Neo4j import files
 * or a self-contained HTML report.  Every format names actors, relations,
 * articles and passages by the stable keys of dossier-keys.h.
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
  DOSSIER_EXPORT_CSV,      /* one row per visible passage */
  DOSSIER_EXPORT_GEXF,     /* GEXF 1.3, with dates as spells */
  DOSSIER_EXPORT_NEO4J,    /* a folder of neo4j-admin CSV files + load.cypher */
  DOSSIER_EXPORT_HTML,     /* a self-contained report */
} DossierExportFormat;

typedef struct
{
  DossierExportFormat format;
  double              scale;        /* PNG: pixels per point (1.0 = 72 dpi); the
                                     * PNG records 72 * scale dpi */
  gboolean            transparent;  /* PNG, SVG: no background */
  gboolean            dark;         /* dark palette (light by default,
                                     * whatever the window's theme) */
  gboolean            edge_labels;  /* images: relation types on the edges */
  gboolean            legend;       /* images: a legend right of the graph */
  gboolean            has_area;     /* only the area below, in layout points;
                                     * data formats keep the nodes touching it
                                     * and the relations between those */
  double              area_x;
  double              area_y;
  double              area_width;
  double              area_height;
  const char         *title;        /* images, HTML: a heading; NULL: none */
  const char         *caption;      /* images, HTML: a line below; NULL: none
                                     * (see dossier_export_default_caption) */
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

/* Whether @format is a picture (PNG, SVG, PDF): legend, theme, title... */
gboolean    dossier_export_format_is_image    (DossierExportFormat   format);
/* Whether @format writes a folder (Neo4j) rather than one file. */
gboolean    dossier_export_format_is_folder   (DossierExportFormat   format);

/* "seeds, 47 articles, 2020-08-01 – 2020-12-31, around Oracle (depth 2)":
 * the corpus folder, the articles behind the visible passages, their date
 * range (the filter's when it has one) and the active filters. */
char       *dossier_export_default_caption    (DossierSubgraph      *subgraph);

/* Serialises into memory (not Neo4j, which is a folder).  @cancellable is checked between items. */
GBytes     *dossier_export_to_bytes           (DossierSubgraph            *subgraph,
                                               DossierLayout              *layout,
                                               const DossierExportOptions *options,
                                               GCancellable               *cancellable,
                                               GError                    **error);
/* Serialises and replaces @path atomically (a temporary file beside it,
 * synced, then renamed over it); for Neo4j @path is a folder, made when
 * missing, and each of its files is replaced so.  A symbolic link is written through (its
 * target is replaced, the link stays); a device or pipe ("/dev/stdout", a
 * FIFO) is written to as it is. */
gboolean    dossier_export_to_file            (DossierSubgraph            *subgraph,
                                               DossierLayout              *layout,
                                               const DossierExportOptions *options,
                                               const char                 *path,
                                               GCancellable               *cancellable,
                                               GError                    **error);
/* The same in a worker thread; @options and its strings are copied. */
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
