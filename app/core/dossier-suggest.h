/* dossier-suggest.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Merge suggestions: pairs of actors whose names look like one actor.
 *
 * Names are compared as keys: folded (case and accents), dots and
 * apostrophes dropped ("U.S." is "us"), other punctuation a space, and
 * legal forms and leading articles left out ("SA", "Inc.", "Group",
 * "The").  A pair is suggested when
 *   - both keys are the same ("US Steel", "U.S. Steel");
 *   - one name is the initials of the other ("IBM", "International
 *     Business Machines"; "de", "of"… may be skipped), or writes some of
 *     its words as initials ("U.S. Steel", "United States Steel");
 *   - two persons, one named by the other's surname alone ("Segal",
 *     "Daniel Segal");
 *   - two organisations, one named by the other's first words ("BNP",
 *     "BNP Paribas").
 * Persons pair with persons, governments with governments, companies and
 * media with each other.  A short name that fits several longer ones is
 * ambiguous: its pairs rank lower.  Hidden actors are left out.
 */

#pragma once

#include "dossier-graph.h"

G_BEGIN_DECLS

typedef enum
{
  DOSSIER_SUGGEST_SAME_NAME,
  DOSSIER_SUGGEST_ACRONYM,
  DOSSIER_SUGGEST_SURNAME,
  DOSSIER_SUGGEST_SHORT_NAME,
} DossierSuggestReason;

typedef struct
{
  guint                keep;    /* entity id: the fuller name, else the most mentioned */
  guint                other;   /* entity id: the one to merge into @keep */
  double               score;   /* 0..1, higher is likelier */
  DossierSuggestReason reason;
} DossierSuggestion;

/* The suggestions for @graph, best first.  @distinct lists pairs of names
 * said not to be the same actor (names or aliases, two by two, NULL-
 * terminated; may be NULL): those pairs are never suggested.  Returns an
 * array of DossierSuggestion. */
GArray     *dossier_suggest_duplicates   (DossierGraph        *graph,
                                          const char * const  *distinct);

/* The key names are compared by (see above); "" when nothing is left. */
char       *dossier_suggest_name_key     (const char          *name);

/* A translated sentence saying why a pair is suggested. */
const char *dossier_suggest_reason_label (DossierSuggestReason reason);

G_END_DECLS
