/* dossier-manifest.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The optional manifest of a folder of articles: a file named
 * "dossier-manifest.json" beside them that gives what the texts cannot.
 *
 *   {
 *     "articles": {
 *       "001_0d6e3bb92c795a16.txt": { "date": "2020-09-14" },
 *       "sub/other.txt": { "date": "2021-02", "title": "The headline" },
 *       "untitled.txt": { "title": null }
 *     }
 *   }
 *
 * Keys are paths relative to the manifest's folder, with '/' between
 * folders.  "date" is "YYYY", "YYYY-MM" or "YYYY-MM-DD" and wins over the
 * date read from the text (date_source becomes "manifest"); "title"
 * replaces the headline found in the text, null meaning "no headline".
 * Other members (such as "note") are ignored.
 */

#pragma once

#include <gio/gio.h>

#include "dossier-types.h"

G_BEGIN_DECLS

#define DOSSIER_MANIFEST_NAME "dossier-manifest.json"

typedef struct
{
  DossierDate date;       /* precision NONE when not given */
  gboolean    has_title;
  char       *title;      /* NULL with has_title: no headline */
} DossierManifestEntry;

typedef struct _DossierManifest DossierManifest;

/* Errors are DOSSIER_CORPUS_ERROR_MANIFEST and name the file by
 * @display_name (its full path when NULL). */
DossierManifest            *dossier_manifest_new_from_file (GFile           *file,
                                                            const char      *display_name,
                                                            GCancellable    *cancellable,
                                                            GError         **error);
void                        dossier_manifest_free          (DossierManifest *manifest);

/* The entries left out because they were malformed: one GError each
 * (DOSSIER_CORPUS_ERROR_MANIFEST), naming the manifest and the entry. */
GPtrArray                  *dossier_manifest_get_warnings  (DossierManifest *manifest);

/* The folder the manifest describes. */
GFile                      *dossier_manifest_get_folder    (DossierManifest *manifest);

/* The entry for @file (inside the manifest's folder), or NULL. */
const DossierManifestEntry *dossier_manifest_lookup        (DossierManifest *manifest,
                                                            GFile           *file);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierManifest, dossier_manifest_free)

G_END_DECLS
