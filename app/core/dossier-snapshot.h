/* dossier-snapshot.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The last graph shown for a corpus, kept in the user's cache folder so
 * that the next launch draws it at once, before the articles are read
 * again: the actors and relations shown (names, types, counts, weights,
 * communities) and their layout, not the passages.  A snapshot is kept
 * under a stamp of everything its picture came from (the articles' sizes
 * and times, the edits, the gazetteers, the filter); a snapshot under
 * another stamp is not read.  The window shows it while the whole load
 * runs, then its own graph in its place. */

#pragma once

#include <gio/gio.h>

#include "dossier-filter.h"
#include "dossier-layout.h"

G_BEGIN_DECLS

/* Where the snapshot of the corpus read from @roots lives. */
char    *dossier_snapshot_path_for_corpus (const char * const  *roots);

/* The stamp of a view of a corpus: @corpus_stamp (dossier_corpus_stamp()),
 * the size and time of @edits_path and of each of @files (gazetteers,
 * those shipped included), and @view, any text that names the rest of
 * what was shown (the filter, the engine).  Stat only. */
char    *dossier_snapshot_stamp           (const char          *corpus_stamp,
                                           const char          *edits_path,
                                           const char * const  *files,
                                           const char          *view);

/* Writes @subgraph as @layout lays it out, under @stamp, atomically. */
gboolean dossier_snapshot_save            (const char          *path,
                                           const char          *stamp,
                                           DossierSubgraph     *subgraph,
                                           DossierLayout       *layout,
                                           GError             **error);

/* Reads the snapshot at @path when it was kept under @stamp: a subgraph
 * of a graph of its own (actors without mentions, relations without
 * passages; @filter copied as its filter) and its layout.  Fails with
 * G_IO_ERROR_NOT_FOUND when there is none, G_IO_ERROR_INVALID_DATA when
 * its stamp differs or it does not read. */
gboolean dossier_snapshot_load            (const char          *path,
                                           const char          *stamp,
                                           const DossierFilter *filter,
                                           DossierSubgraph    **subgraph,
                                           DossierLayout      **layout,
                                           GError             **error);

G_END_DECLS
