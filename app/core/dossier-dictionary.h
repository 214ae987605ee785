/* dossier-dictionary.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What Debian's hunspell dictionaries (hunspell-fr, hunspell-en-us) say of
 * a word: whether it is a common word of French or English, a given name
 * or a surname.  The extractor uses it to tell a name from a capitalised
 * common word at the start of a sentence, and a person from a company.
 *
 * The build turns the .dic files of /usr/share/hunspell into a table that
 * the program maps on first use; with $DOSSIER_HUNSPELL_DIR set, or when
 * the build had none, the .dic files are read once, on first use, from
 * there or /usr/share/hunspell.  Without them every lookup answers 0 and
 * the extractor falls back on its own word lists. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  DOSSIER_DICT_COMMON     = 1 << 0,  /* listed in lower case: "grand", "safran", "apple" */
  DOSSIER_DICT_PROPER     = 1 << 1,  /* listed capitalised: a place, a people, a brand */
  DOSSIER_DICT_GIVEN_NAME = 1 << 2,  /* a first name (hunspell-fr's po:prn) */
  DOSSIER_DICT_SURNAME    = 1 << 3,  /* a family name (hunspell-fr's po:patr) */
} DossierDictFlags;

/* The flags of a folded word (dossier-fold.h), 0 when unknown.  Plurals
 * ("discussions") answer as their singular.  Thread-safe. */
guint dossier_dictionary_lookup (const char *folded,
                                 gsize       len);
/* The same given dossier_fold_hash() of @folded (a DossierToken's hash). */
guint dossier_dictionary_lookup_hashed (const char *folded,
                                        gsize       len,
                                        guint32     hash);

/* How many words were read; 0 when no dictionary was found. */
guint dossier_dictionary_size   (void);

G_END_DECLS
