/* dossier-cache.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Extraction results kept between runs, so reopening a large corpus skips
 * extraction.  A cache entry is used only when every article has the same
 * id, length and content hash, and the gazetteer and extractor are the
 * same; anything else is a miss, never an error. */

#pragma once

#include "dossier-extractor.h"

G_BEGIN_DECLS

/* Bump when the reader's or the extractor's output changes for the same
 * input (sections, dates, matching or relation rules). */
#define DOSSIER_CACHE_FORMAT 2

/* The cache file for a corpus (under the user's cache folder). */
char         *dossier_cache_path_for_corpus (DossierCorpus     *corpus);

/* The graph stored at @path for this corpus and gazetteer, or NULL. */
DossierGraph *dossier_cache_load            (const char        *path,
                                             DossierCorpus     *corpus,
                                             DossierGazetteer  *gazetteer);
gboolean      dossier_cache_save            (const char        *path,
                                             DossierGraph      *graph,
                                             DossierGazetteer  *gazetteer,
                                             GError           **error);

/* dossier_extract through the cache (unless DOSSIER_NO_CACHE is set). */
DossierGraph *dossier_extract_cached        (DossierCorpus               *corpus,
                                             DossierGazetteer            *gazetteer,
                                             const DossierExtractOptions *options,
                                             GCancellable                *cancellable,
                                             GError                     **error);

G_END_DECLS
