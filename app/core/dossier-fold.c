/* dossier-fold.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-fold"

#include "config.h"

#include <string.h>

#include "dossier-fold.h"

/* Folds one non-ASCII character into @out: lower case, base letter without
 * its accents, typographic apostrophes and dashes to ASCII, no-break
 * spaces to a plain space.  Returns the number of bytes written (<= 6). */
static gsize
fold_char_slow (gunichar c,
                char     out[8])
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n;

  switch (c)
    {
    case 0x2019: case 0x2018: case 0x02BC: case 0x00B4:
      out[0] = '\'';
      return 1;
    case 0x00A0: case 0x202F: case 0x2009: case 0x2007: case 0x200B:
      out[0] = ' ';
      return 1;
    case 0x2010: case 0x2011:
      out[0] = '-';
      return 1;
    case 0x0153:  /* œ */
    case 0x0152:
      out[0] = 'o';
      out[1] = 'e';
      return 2;
    case 0x00E6:  /* æ */
    case 0x00C6:
      out[0] = 'a';
      out[1] = 'e';
      return 2;
    case 0x00DF:  /* ß */
      out[0] = 's';
      out[1] = 's';
      return 2;
    default:
      break;
    }

  c = g_unichar_tolower (c);
  n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));
  if (n > 0 && decomposed[0] < 0x80)
    c = decomposed[0];

  return g_unichar_to_utf8 (c, out);
}

/* Latin-1 and Latin Extended-A, where the accented letters of French and
 * the other European languages are: folded once per process, as
 * g_unichar_fully_decompose() costs a few hundred instructions a call. */
#define CACHED_FIRST 0x80
#define CACHED_END   0x180

typedef struct
{
  char  out[7];
  guint8 n;
} FoldedChar;

static const FoldedChar *
cached_folds (void)
{
  static FoldedChar *table;

  if (g_once_init_enter (&table))
    {
      FoldedChar *t = g_new0 (FoldedChar, CACHED_END - CACHED_FIRST);
      char out[8];

      for (gunichar c = CACHED_FIRST; c < CACHED_END; c++)
        {
          gsize n = fold_char_slow (c, out);

          memcpy (t[c - CACHED_FIRST].out, out, MIN (n, sizeof t->out));
          t[c - CACHED_FIRST].n = MIN (n, sizeof t->out);
        }
      g_once_init_leave (&table, t);
    }
  return table;
}

static inline gsize
fold_char (gunichar c,
           char     out[8])
{
  if (c >= CACHED_FIRST && c < CACHED_END)
    {
      const FoldedChar *f = &cached_folds ()[c - CACHED_FIRST];

      memcpy (out, f->out, sizeof f->out);
      return f->n;
    }
  return fold_char_slow (c, out);
}

/* ASCII folded: lower case, ` as '. */
static const guint8 *
ascii_folds (void)
{
  static guint8 *table;

  if (g_once_init_enter (&table))
    {
      guint8 *t = g_new (guint8, 0x80);

      for (guint c = 0; c < 0x80; c++)
        t[c] = (c >= 'A' && c <= 'Z') ? c + 32 : (c == '`' ? '\'' : c);
      g_once_init_leave (&table, t);
    }
  return table;
}

static void
ensure_alloc (DossierFolded *folded,
              gsize          need)
{
  if (need <= folded->alloc)
    return;

  folded->alloc = MAX (need, folded->alloc * 2);
  folded->folded = g_realloc (folded->folded, folded->alloc + 1);
  folded->map = g_realloc_n (folded->map, folded->alloc + 1, sizeof (guint32));
}

void
dossier_folded_set (DossierFolded *folded,
                    const char    *text,
                    gsize          len,
                    gsize          base)
{
  const guchar *p = (const guchar *) text;
  const guchar *end = p + len;
  const guint8 *ascii = ascii_folds ();
  gsize w = 0;

  g_return_if_fail (folded != NULL);
  g_return_if_fail (text != NULL || len == 0);
  /* Offsets are 32-bit: articles are far below 4 GiB. */
  g_return_if_fail (base + len < G_MAXUINT32);

  /* Folding never grows a character by more than 2x (ß, œ: 2 bytes -> 2). */
  ensure_alloc (folded, len + 8);

  while (p < end)
    {
      guint32 offset = (guint32) (base + (p - (const guchar *) text));

      /* The common case, a run of ASCII, without any decoding: folded on
       * a table, through local pointers the compiler can keep in registers
       * (the buffers' fields could alias the text). */
      if (*p < 0x80)
        {
          char *fo = folded->folded + w;
          guint32 *mo = folded->map + w;
          const guchar *start = p;

          do
            *fo++ = ascii[*p++];
          while (p < end && *p < 0x80);
          for (gsize k = 0; k < (gsize) (p - start); k++)
            mo[k] = offset + (guint32) k;
          w += p - start;
        }
      else
        {
          char out[8];
          gunichar c;
          gsize n;

          /* Two-byte sequences (Latin letters with accents) decoded here. */
          if (*p >= 0xC2 && *p <= 0xDF && p + 1 < end && (p[1] & 0xC0) == 0x80)
            {
              n = fold_char (((gunichar) (*p & 0x1F) << 6) | (p[1] & 0x3F), out);
              p += 2;
            }
          else if ((c = g_utf8_get_char_validated ((const char *) p, end - p)) == (gunichar) -1 ||
                   c == (gunichar) -2)
            {
              /* Invalid bytes (not after loading, but never trust) stay as they are. */
              out[0] = (char) *p++;
              n = 1;
            }
          else
            {
              n = fold_char (c, out);
              p = (const guchar *) g_utf8_next_char (p);
            }

          ensure_alloc (folded, w + n + (end - p) + 8);
          for (gsize i = 0; i < n; i++)
            {
              folded->folded[w] = out[i];
              folded->map[w++] = offset;
            }
        }
    }

  folded->folded[w] = '\0';
  folded->map[w] = (guint32) (base + len);
  folded->len = w;
}

DossierFolded *
dossier_folded_new (const char *text,
                    gsize       len)
{
  DossierFolded *folded;

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  folded = g_new0 (DossierFolded, 1);
  dossier_folded_set (folded, text != NULL ? text : "", len, 0);

  return folded;
}

void
dossier_folded_free (DossierFolded *folded)
{
  if (folded == NULL)
    return;

  g_free (folded->folded);
  g_free (folded->map);
  g_free (folded);
}

/* Bytes of a word in the folded text: a table, one load a byte where the
 * three range tests cost five instructions in the tokenizer's inner loop. */
static const guint8 word_bytes[256] = {
  ['0' ... '9'] = 1,
  ['a' ... 'z'] = 1,
  [0x80 ... 0xff] = 1,
};

static inline gboolean
is_word_byte (guchar c)
{
  return word_bytes[c];
}

/* Characters of the original that begin a token, classified without
 * decoding the ASCII majority. */
static void
classify_original (const char   *text,
                   gsize         base,
                   DossierToken *token)
{
  const char *p = text + (token->start - base);
  const char *end = text + (token->end - base);
  guint upper = 0, lower = 0;
  gboolean first = TRUE;

  for (; p < end; first = FALSE)
    {
      gunichar c;

      if ((guchar) *p < 0x80)
        {
          c = (guchar) *p++;
          /* Lower case, the most of a token, first. */
          if (c >= 'a' && c <= 'z')
            {
              lower++;
              continue;
            }
        }
      else
        {
          c = g_utf8_get_char_validated (p, end - p);
          if (c == (gunichar) -1 || c == (gunichar) -2)
            {
              p++;
              continue;
            }
          p = g_utf8_next_char (p);
        }

      if (c < 0x80 ? (c >= 'A' && c <= 'Z') : g_unichar_isupper (c))
        {
          upper++;
          if (first)
            token->flags |= DOSSIER_TOKEN_CAPITAL;
          else
            token->flags |= DOSSIER_TOKEN_MIXED;
        }
      else if (c < 0x80 ? (c >= 'a' && c <= 'z') : g_unichar_islower (c))
        lower++;
      else if (c >= '0' && c <= '9')
        token->flags |= DOSSIER_TOKEN_DIGIT;
    }

  if (upper >= 2 && lower == 0)
    token->flags = (token->flags & ~DOSSIER_TOKEN_MIXED) | DOSSIER_TOKEN_ALL_CAPS;
}

void
dossier_tokenize (const DossierFolded *folded,
                  const char          *text,
                  gsize                base,
                  GArray              *tokens)
{
  const guchar *f = (const guchar *) folded->folded;
  gsize len = folded->len;
  gsize i = 0;
  guint32 sep_flags = DOSSIER_TOKEN_BREAK;
  gsize sep_len = 0;
  /* Appended a batch at a time rather than with a call per token. */
  DossierToken batch[256];
  guint n_batch = 0;

  g_return_if_fail (folded != NULL && tokens != NULL);

  while (i < len)
    {
      guchar c = f[i];

      if (!is_word_byte (c))
        {
          switch (c)
            {
            case ' ': case '-': case '_': case '\t':
              break;
            case '\'':
              sep_flags |= DOSSIER_TOKEN_ELIDED;
              break;
            case '.':
              /* A dot inside a word (Musical.ly) joins; one before a space stops. */
              if (i + 1 >= len || !is_word_byte (f[i + 1]))
                sep_flags |= DOSSIER_TOKEN_STOP;
              break;
            case '!': case '?':
              sep_flags |= DOSSIER_TOKEN_STOP;
              break;
            case ',':
              sep_flags |= DOSSIER_TOKEN_COMMA;
              break;
            case '\n': case ';': case ':': case '(': case ')': case '[': case ']':
            case '"': case '|': case '/': case '*': case '{': case '}': case '<': case '>':
              sep_flags |= DOSSIER_TOKEN_BREAK;
              break;
            default:
              sep_flags |= DOSSIER_TOKEN_BREAK;
              break;
            }
          if (c == '-' && i > 0 && f[i - 1] == ' ')
            sep_flags |= DOSSIER_TOKEN_BREAK;  /* " - " is a dash, not a hyphen */
          sep_len++;
          i++;
          continue;
        }

      /* A web address is no prose: "…/gouvernement-chinois-tiktok" in a
       * link names nobody. */
      if ((c == 'h' || c == 'w') &&
          ((len - i >= 7 && memcmp (f + i, "http://", 7) == 0) ||
           (len - i >= 8 && memcmp (f + i, "https://", 8) == 0) ||
           (len - i >= 4 && memcmp (f + i, "www.", 4) == 0)))
        {
          while (i < len && f[i] != ' ' && f[i] != '\n' && f[i] != '\t' && f[i] != '\r')
            i++;
          sep_flags |= DOSSIER_TOKEN_BREAK;
          sep_len++;
          continue;
        }

      {
        DossierToken t;
        gsize start = i;
        guint32 h = DOSSIER_FOLD_HASH_INIT;

        while (i < len && is_word_byte (f[i]))
          h = dossier_fold_hash_step (h, f[i++]);
        t.hash = h;
        t.fstart = (guint32) start;
        t.fend = (guint32) i;
        t.start = folded->map[start];
        t.end = folded->map[i];
        t.flags = sep_flags;
        if (!(sep_flags & (DOSSIER_TOKEN_BREAK | DOSSIER_TOKEN_COMMA | DOSSIER_TOKEN_STOP)) &&
            sep_len >= 1 && sep_len <= 2)
          t.flags |= DOSSIER_TOKEN_JOINED;
        classify_original (text, base, &t);
        batch[n_batch++] = t;
        if (n_batch == G_N_ELEMENTS (batch))
          {
            g_array_append_vals (tokens, batch, n_batch);
            n_batch = 0;
          }
      }

      sep_flags = 0;
      sep_len = 0;
    }
  g_array_append_vals (tokens, batch, n_batch);
}

char *
dossier_fold_string (const char *str)
{
  g_return_val_if_fail (str != NULL, NULL);

  return dossier_fold_string_len (str, strlen (str));
}

/* Appends folded character @c to the key being built in @out (of *@n
 * bytes): names compare with white space collapsed to one space. */
static inline void
key_append (char  *out,
            gsize *n,
            char   c)
{
  if (g_ascii_isspace (c))
    {
      if (*n > 0 && out[*n - 1] != ' ')
        out[(*n)++] = ' ';
    }
  else
    out[(*n)++] = c;
}

/* The key built in @out, of @n bytes: trimmed and terminated. */
static char *
key_finish (char  *out,
            gsize  n)
{
  if (n > 0 && out[n - 1] == ' ')
    n--;
  out[n] = '\0';
  return out;
}

/* The key of an ASCII string, folded as dossier_folded_set() would, without
 * its buffers: names are looked up by key for every candidate. */
static char *
ascii_key (const char *str,
           gsize       len)
{
  char *out = g_malloc (len + 1);
  gsize n = 0;

  for (gsize i = 0; i < len; i++)
    {
      guchar c = str[i];

      key_append (out, &n, (c >= 'A' && c <= 'Z') ? c + 32 : (c == '`' ? '\'' : c));
    }
  return key_finish (out, n);
}

static gboolean
is_ascii (const char *str,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if ((guchar) str[i] >= 0x80)
      return FALSE;
  return TRUE;
}

char *
dossier_fold_string_len (const char *str,
                         gsize       len)
{
  g_autoptr(DossierFolded) folded = NULL;

  g_return_val_if_fail (str != NULL || len == 0, NULL);

  if (is_ascii (str, len))
    return ascii_key (str, len);
  folded = dossier_folded_new (str, len);
  return dossier_folded_key (folded);
}

char *
dossier_folded_key (const DossierFolded *folded)
{
  char *out;
  gsize n = 0;

  g_return_val_if_fail (folded != NULL, NULL);

  out = g_malloc (folded->len + 1);
  for (gsize i = 0; i < folded->len; i++)
    key_append (out, &n, folded->folded[i]);
  return key_finish (out, n);
}
