/* dossier-export.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Writes the laid-out subgraph as PNG, SVG, PDF, DOT, GraphML or JSON.
 * Writes are atomic: a temporary file replaces the target on success. */

#pragma once

#include <gio/gio.h>

#include "dossier-layout.h"

G_BEGIN_DECLS

#define DOSSIER_EXPORT_ERROR (dossier_export_error_quark ())

typedef enum
{
  DOSSIER_EXPORT_ERROR_FORMAT,
  DOSSIER_EXPORT_ERROR_FAILED,
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
  double              scale;        /* PNG: pixels per point (1.0 = 72 dpi) */
  gboolean            transparent;  /* PNG: no background */
  gboolean            dark;         /* dark palette */
  gboolean            has_area;     /* only the area below, in layout points */
  double              area_x;
  double              area_y;
  double              area_width;
  double              area_height;
} DossierExportOptions;

GQuark    dossier_export_error_quark       (void);

void      dossier_export_options_init      (DossierExportOptions *options,
                                            DossierExportFormat   format);
const char *dossier_export_format_to_string (DossierExportFormat  format);
gboolean  dossier_export_format_from_string (const char          *str,
                                             DossierExportFormat *format);
/* From the file name's extension. */
gboolean  dossier_export_format_from_path  (const char           *path,
                                            DossierExportFormat  *format);

/* Serialises into memory. */
GBytes   *dossier_export_to_bytes          (DossierSubgraph            *subgraph,
                                            DossierLayout              *layout,
                                            const DossierExportOptions *options,
                                            GCancellable               *cancellable,
                                            GError                    **error);
/* Serialises and replaces @path atomically. */
gboolean  dossier_export_to_file           (DossierSubgraph            *subgraph,
                                            DossierLayout              *layout,
                                            const DossierExportOptions *options,
                                            const char                 *path,
                                            GCancellable               *cancellable,
                                            GError                    **error);

G_END_DECLS
