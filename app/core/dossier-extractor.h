/* dossier-extractor.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Text -> mentions -> entities (gazetteer, discovery, alias merging) and
 * typed relations with their evidence. */

#pragma once

#include <gio/gio.h>

#include "dossier-gazetteer.h"
#include "dossier-graph.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean discover;        /* find capitalised names the gazetteer lacks */
  gboolean co_occurrence;   /* keep untyped sentence co-occurrence as mentioned_with */
} DossierExtractOptions;

void          dossier_extract_options_init (DossierExtractOptions *options);

/* Builds the graph of @corpus.  Only fails when cancelled. */
DossierGraph *dossier_extract              (DossierCorpus               *corpus,
                                            DossierGazetteer            *gazetteer,
                                            const DossierExtractOptions *options,
                                            GCancellable                *cancellable,
                                            GError                     **error);

G_END_DECLS
