/* dossier-sentences.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Sentence splitting for French and English prose.
 *
 * A sentence ends at . ! ? … or ... followed by white space and a word
 * that does not start in lower case, with closing quotes and brackets
 * kept with it ("… de confiance. »").  Abbreviations ("M.", "St.",
 * "janv."), initials ("J. R."), dotted acronyms ("U.S."), decimals
 * ("1.0"), names such as "Musical.ly", URLs, "[...]" and "[…]" never end
 * a sentence.  Line breaks inside a paragraph are plain spaces.
 */

#pragma once

#include "dossier-types.h"

G_BEGIN_DECLS

/* Appends the sentences of @text[@start, @end) to @out, an array of
 * DossierRange, trimmed of surrounding white space.  Runs in linear time;
 * pieces with no letter, digit or symbol are dropped. */
void     dossier_sentences_split (const char *text,
                                  gsize       start,
                                  gsize       end,
                                  GArray     *out);

G_END_DECLS
