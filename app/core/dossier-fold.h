/* dossier-fold.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Case and accent folding into a separate buffer that maps back to the
 * original offsets, so matching never rewrites the text the reader shows. */

#pragma once

#include "dossier-types.h"

G_BEGIN_DECLS

typedef struct
{
  char  *folded;  /* lower case, accents stripped, ’ folded to ', NUL-terminated */
  gsize  len;
  gsize *map;     /* map[i]: offset in the original of folded byte i; map[len] = original length */
} DossierFolded;

DossierFolded *dossier_folded_new         (const char    *text,
                                           gsize          len);
void           dossier_folded_free        (DossierFolded *folded);

/* The folded form of a short string such as a name. */
char          *dossier_fold_string        (const char    *str);
char          *dossier_fold_string_len    (const char    *str,
                                           gsize          len);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierFolded, dossier_folded_free)

G_END_DECLS
