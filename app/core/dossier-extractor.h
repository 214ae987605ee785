/* dossier-extractor.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Text -> mentions -> entities (gazetteer, discovery, alias merging) and
 * typed relations with their evidence.
 *
 * Articles are read sentence by sentence (furniture skipped, the headline
 * included) in windows of about 1 MiB: folded and tokenized once, matched
 * against the gazetteer's word trie, then capitalised runs the gazetteer
 * lacks are typed by the cue words around them (dossier-lexicon.h) or
 * joined to a name already known (a surname to its full name).  Relations
 * come from cue words: each cue kind says where its two actors sit (subject
 * and object, passive agent after "par"/"by", "selon X", "le PDG de X, Y",
 * "X, sa maison mère", "serveurs X"), entity types settle or check the
 * direction, and a cue whose object the sentence does not name points at
 * the most salient company nearby (the passage's target span is then the
 * cue).  Negation and hypotheticals flag the passage; reader comments give
 * no new names and their passages are flagged.  Pairs left untyped become
 * mentioned_with when options->co_occurrence is set. */

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
