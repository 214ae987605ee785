/* dossier-fold.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Case and accent folding into a separate buffer that maps back to the
 * original offsets, so matching never rewrites the text the reader shows;
 * and the word tokens every matcher of the extractor walks. */

#pragma once

#include <string.h>

#include "dossier-types.h"

G_BEGIN_DECLS

typedef struct
{
  char    *folded;  /* lower case, accents stripped, ’ folded to ', NUL-terminated */
  gsize    len;
  guint32 *map;     /* map[i]: offset in the original of folded byte i; map[len] = original end */
  gsize    alloc;   /* capacity of folded and map, for reuse */
} DossierFolded;

/* Token flags, from the original text and the separator before the token. */
typedef enum
{
  DOSSIER_TOKEN_CAPITAL   = 1 << 0,  /* starts with an upper-case letter */
  DOSSIER_TOKEN_ALL_CAPS  = 1 << 1,  /* every letter upper case, at least two */
  DOSSIER_TOKEN_MIXED     = 1 << 2,  /* an upper-case letter after the first (TikTok) */
  DOSSIER_TOKEN_DIGIT     = 1 << 3,  /* holds a digit */
  DOSSIER_TOKEN_JOINED    = 1 << 4,  /* separated from the previous token by one space,
                                      * a hyphen, an apostrophe, a dot or an underscore */
  DOSSIER_TOKEN_ELIDED    = 1 << 5,  /* the previous token ends with an apostrophe: d'Oracle */
  DOSSIER_TOKEN_COMMA     = 1 << 6,  /* a comma in the separator before */
  DOSSIER_TOKEN_BREAK     = 1 << 7,  /* a line end, ; : ( ) [ ] « » " or a dash before */
  DOSSIER_TOKEN_STOP      = 1 << 8,  /* a full stop, ! or ? before */
} DossierTokenFlags;

/* A word of the folded text: letters and digits; anything else separates. */
typedef struct
{
  guint32 fstart;  /* in the folded buffer */
  guint32 fend;
  guint32 start;   /* in the original text */
  guint32 end;
  guint32 flags;   /* DossierTokenFlags */
  guint32 hash;    /* dossier_fold_hash() of the folded word: computed once,
                    * read by every word table the token is looked up in */
} DossierToken;

/* A word written with a capital, a number aside ("3M" is no name's word):
 * what the dictionary is asked about. */
static inline gboolean
dossier_token_is_capitalised (const DossierToken *t)
{
  return (t->flags & (DOSSIER_TOKEN_CAPITAL | DOSSIER_TOKEN_ALL_CAPS)) != 0 &&
         !(t->flags & DOSSIER_TOKEN_DIGIT);
}

DossierFolded *dossier_folded_new         (const char    *text,
                                           gsize          len);
/* Refolds @text into @folded, reusing its buffers; offsets in the map are
 * @base plus the offset in @text. */
void           dossier_folded_set         (DossierFolded *folded,
                                           const char    *text,
                                           gsize          len,
                                           gsize          base);
void           dossier_folded_free        (DossierFolded *folded);

/* Splits @folded into tokens appended to @tokens (DossierToken); @text is
 * the original the folded buffer was made from, with @base its offset. */
void           dossier_tokenize           (const DossierFolded *folded,
                                           const char          *text,
                                           gsize                base,
                                           GArray              *tokens);

/* The folded form of a short string such as a name. */
char          *dossier_fold_string        (const char    *str);
char          *dossier_fold_string_len    (const char    *str,
                                           gsize          len);
/* dossier_fold_string() of the text @folded was made from. */
char          *dossier_folded_key         (const DossierFolded *folded);

/* FNV-1a over a folded word's bytes, for the word tables (no copy, no
 * NUL-terminated key per lookup). */
#define DOSSIER_FOLD_HASH_INIT 2166136261u

/* One byte more of a dossier_fold_hash(): dossier_tokenize() hashes a word
 * as it scans it. */
static inline guint32
dossier_fold_hash_step (guint32 h,
                        guchar  c)
{
  return (h ^ c) * 16777619u;
}

static inline guint32
dossier_fold_hash (const char *word,
                   gsize       len)
{
  guint32 h = DOSSIER_FOLD_HASH_INIT;

  for (gsize i = 0; i < len; i++)
    h = dossier_fold_hash_step (h, (guchar) word[i]);
  return h;
}

/* Whether the @len bytes at @a and @b are equal: the word tables' check
 * once hash and length agree.  Their words are short, and a byte loop costs
 * less than the call to memcmp(). */
static inline gboolean
dossier_fold_word_equal (const char *a,
                         const char *b,
                         gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (a[i] != b[i])
      return FALSE;
  return TRUE;
}

/* The index of @word in @list (@n folded words or phrases), or -1: for
 * the short word lists of the modules. */
static inline int
dossier_fold_find_word (const char         *word,
                        const char * const *list,
                        guint               n)
{
  for (guint i = 0; i < n; i++)
    {
      /* The first byte settles most comparisons without a call. */
      if (word[0] == list[i][0] && strcmp (word, list[i]) == 0)
        return i;
    }
  return -1;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierFolded, dossier_folded_free)

G_END_DECLS
