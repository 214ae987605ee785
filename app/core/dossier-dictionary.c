/* dossier-dictionary.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-dictionary"

#include "config.h"

#include <string.h>

#include "dossier-dictionary.h"
#include "dossier-fold.h"

#define MAX_WORD 32

/* The dictionaries read, in this order; the first of each language found. */
static const char * const dic_files[][2] = {
  { "fr_FR.dic", "fr.dic" },
  { "en_US.dic", "en_GB.dic" },
};

/* Open addressing over words kept in one arena: about 130,000 words, so a
 * table of 2^18 slots stays under half full. */
#define TABLE_BITS 18
#define TABLE_SIZE (1u << TABLE_BITS)

typedef struct
{
  guint32 offset;  /* in the arena; 0: empty (the arena starts with a NUL) */
  guint16 len;
  guint16 flags;
  guint32 hash;
} Slot;

typedef struct
{
  Slot    *slots;
  GString *arena;
  guint    size;
} Dictionary;

static Slot *
find_slot (const Dictionary *dict,
           const char       *word,
           gsize             len,
           guint32           h)
{
  for (guint k = h & (TABLE_SIZE - 1);; k = (k + 1) & (TABLE_SIZE - 1))
    {
      Slot *slot = &dict->slots[k];

      if (slot->offset == 0 ||
          (slot->hash == h && slot->len == len && memcmp (dict->arena->str + slot->offset, word, len) == 0))
        return slot;
    }
}

static void
add_word (Dictionary *dict,
          const char *word,
          gsize       len,
          guint       flags)
{
  guint32 h = dossier_fold_hash (word, len);
  Slot *slot;

  /* Never fill the table: past 3/4 further words are dropped. */
  if (dict->size >= TABLE_SIZE / 4 * 3)
    return;
  slot = find_slot (dict, word, len, h);
  if (slot->offset == 0)
    {
      slot->offset = dict->arena->len;
      slot->len = len;
      slot->hash = h;
      /* g_string_append_len() is a call and a copy loop per word. */
      if (dict->arena->len + len >= dict->arena->allocated_len)
        {
          gsize old = dict->arena->len;

          g_string_set_size (dict->arena, old + len);
          dict->arena->len = old;
        }
      memcpy (dict->arena->str + dict->arena->len, word, len);
      dict->arena->len += len;
      dict->size++;
    }
  slot->flags |= flags;
}

/* The base letter of U+00C0..U+00FF (the second byte of C3 xx), lower
 * case; '?' where dossier-fold is asked (Æ, Ð, ×, Ø, Þ, ß, æ, ð, ÷, ø, þ). */
static const char latin1_base[65] =
  "aaaaaa?ceeeeiiii?nooooo??uuuuy??"
  "aaaaaa?ceeeeiiii?nooooo??uuuuy?y";

/* One line of a .dic file: "word/FLAGS po:prn is:mas" or "word". */
static void
read_line (Dictionary    *dict,
           DossierFolded *folded,
           const char    *line,
           gsize          len)
{
  char buf[MAX_WORD];
  gsize word_len, n = 0;
  guint flags;
  gboolean capital, plain = TRUE;

  /* One pass over the word: where it ends, whether it may be a token
   * (never a hyphen, apostrophe, dot or digit) and, for the most, ASCII
   * or Latin-1 letters with accents, its folding; the rest goes through
   * dossier-fold. */
  for (word_len = 0; word_len < len; word_len++)
    {
      guchar c = line[word_len];

      if (c == '/' || c == '\t' || c == ' ')
        break;
      if (c == '-' || c == '\'' || c == '.' || g_ascii_isdigit (c))
        return;
      if (!plain)
        continue;
      if (n >= MAX_WORD)
        plain = FALSE;
      else if (c < 0x80)
        buf[n++] = c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
      else if (c == 0xC3 && word_len + 1 < len && (guchar) line[word_len + 1] >= 0x80 &&
               (guchar) line[word_len + 1] <= 0xBF && latin1_base[(guchar) line[word_len + 1] - 0x80] != '?')
        buf[n++] = latin1_base[(guchar) line[++word_len] - 0x80];
      else
        plain = FALSE;
    }
  if (word_len == 0 || word_len > MAX_WORD * 2)
    return;

  capital = (guchar) line[0] < 0x80 ? g_ascii_isupper (line[0])
                                     : g_unichar_isupper (g_utf8_get_char_validated (line, word_len));
  if (!capital)
    flags = DOSSIER_DICT_COMMON;
  else if (g_strstr_len (line + word_len, len - word_len, "po:prn") != NULL)
    flags = DOSSIER_DICT_GIVEN_NAME;
  else if (g_strstr_len (line + word_len, len - word_len, "po:patr") != NULL)
    flags = DOSSIER_DICT_SURNAME;
  else
    flags = DOSSIER_DICT_PROPER;

  if (plain)
    {
      add_word (dict, buf, n, flags);
      return;
    }

  if (!g_utf8_validate_len (line, word_len, NULL))
    return;
  dossier_folded_set (folded, line, word_len, 0);
  if (folded->len == 0 || folded->len > MAX_WORD)
    return;
  add_word (dict, folded->folded, folded->len, flags);
}

static void
read_file (Dictionary    *dict,
           DossierFolded *folded,
           const char    *path)
{
  g_autofree char *contents = NULL;
  gsize length;
  const char *p, *end;
  gboolean first = TRUE;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return;

  g_debug ("reading %s", path);
  for (p = contents, end = contents + length; p < end;)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *stop = nl != NULL ? nl : end;

      /* The first line is the number of entries. */
      if (!first)
        read_line (dict, folded, p, stop - p);
      first = FALSE;
      p = stop + 1;
    }
}

static gpointer
load (gpointer data)
{
  Dictionary *dict = g_new0 (Dictionary, 1);
  g_autoptr(DossierFolded) folded = g_new0 (DossierFolded, 1);
  const char *dir = g_getenv ("DOSSIER_HUNSPELL_DIR");

  if (dir == NULL)
    dir = "/usr/share/hunspell";

  dict->slots = g_new0 (Slot, TABLE_SIZE);
  dict->arena = g_string_sized_new (2 * 1024 * 1024);
  g_string_append_c (dict->arena, '\0');

  for (guint i = 0; i < G_N_ELEMENTS (dic_files); i++)
    for (guint j = 0; j < G_N_ELEMENTS (dic_files[i]); j++)
      {
        g_autofree char *path = g_build_filename (dir, dic_files[i][j], NULL);

        if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
          {
            read_file (dict, folded, path);
            break;
          }
      }

  if (dict->size == 0)
    g_debug ("no hunspell dictionary in %s", dir);
  return dict;
}

static const Dictionary *
get_dictionary (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, load, NULL);
}

static guint
lookup_exact (const Dictionary *dict,
              const char       *word,
              gsize             len)
{
  const Slot *slot = find_slot (dict, word, len, dossier_fold_hash (word, len));

  return slot->offset != 0 ? slot->flags : 0;
}

guint
dossier_dictionary_lookup (const char *folded,
                           gsize       len)
{
  const Dictionary *dict = get_dictionary ();
  guint flags;

  if (dict->size == 0 || len == 0 || len > MAX_WORD)
    return 0;

  flags = lookup_exact (dict, folded, len);
  /* Plurals are not listed, their singular is: "discussions", "offres". */
  if (!(flags & DOSSIER_DICT_COMMON) && len > 3 && (folded[len - 1] == 's' || folded[len - 1] == 'x'))
    flags |= lookup_exact (dict, folded, len - 1) & DOSSIER_DICT_COMMON;
  return flags;
}

guint
dossier_dictionary_size (void)
{
  return get_dictionary ()->size;
}
