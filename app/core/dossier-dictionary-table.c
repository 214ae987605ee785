/* dossier-dictionary-table.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-dictionary"

#include "config.h"

#include <string.h>

#include "dossier-dictionary.h"
#include "dossier-dictionary-private.h"
#include "dossier-fold.h"

/* The dictionaries read, in this order; the first of each language found. */
static const char * const dic_files[][2] = {
  { "fr_FR.dic", "fr.dic" },
  { "en_US.dic", "en_GB.dic" },
};

/* The blob's header; the slots follow, then the arena. */
#define BLOB_MAGIC 0x43494444u  /* "DDIC" */

typedef struct
{
  guint32 magic;
  guint32 size;
  guint32 table_size;
  guint32 arena_len;
} BlobHeader;

static void
add_word (DossierDictTable *table,
          const char       *word,
          gsize             len,
          guint             flags)
{
  guint32 h = dossier_fold_hash (word, len);
  DossierDictSlot *slot;
  GString *arena = table->own_arena;

  /* Never fill the table: past 3/4 further words are dropped. */
  if (table->size >= DOSSIER_DICT_TABLE_SIZE / 4 * 3)
    return;
  slot = (DossierDictSlot *) dossier_dict_table_find (table, word, len, h);
  if (slot->offset == 0)
    {
      slot->offset = arena->len;
      slot->len = len;
      slot->hash = h;
      /* g_string_append_len() is a call and a copy loop per word. */
      if (arena->len + len >= arena->allocated_len)
        {
          gsize old = arena->len;

          g_string_set_size (arena, old + len);
          arena->len = old;
          table->arena = arena->str;
        }
      memcpy (arena->str + arena->len, word, len);
      arena->len += len;
      table->arena_len = arena->len;
      table->size++;
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
read_line (DossierDictTable *table,
           DossierFolded    *folded,
           const char       *line,
           gsize             len)
{
  char buf[DOSSIER_DICT_MAX_WORD];
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
      if (n >= DOSSIER_DICT_MAX_WORD)
        plain = FALSE;
      else if (c < 0x80)
        buf[n++] = c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
      else if (c == 0xC3 && word_len + 1 < len && (guchar) line[word_len + 1] >= 0x80 &&
               (guchar) line[word_len + 1] <= 0xBF && latin1_base[(guchar) line[word_len + 1] - 0x80] != '?')
        buf[n++] = latin1_base[(guchar) line[++word_len] - 0x80];
      else
        plain = FALSE;
    }
  if (word_len == 0 || word_len > DOSSIER_DICT_MAX_WORD * 2)
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
      add_word (table, buf, n, flags);
      return;
    }

  if (!g_utf8_validate_len (line, word_len, NULL))
    return;
  dossier_folded_set (folded, line, word_len, 0);
  if (folded->len == 0 || folded->len > DOSSIER_DICT_MAX_WORD)
    return;
  add_word (table, folded->folded, folded->len, flags);
}

static void
read_file (DossierDictTable *table,
           DossierFolded    *folded,
           const char       *path)
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
        read_line (table, folded, p, stop - p);
      first = FALSE;
      p = stop + 1;
    }
}

DossierDictTable *
dossier_dict_table_read_dir (const char *dir)
{
  DossierDictTable *table = g_new0 (DossierDictTable, 1);
  g_autoptr(DossierFolded) folded = g_new0 (DossierFolded, 1);

  table->own_slots = g_new0 (DossierDictSlot, DOSSIER_DICT_TABLE_SIZE);
  table->own_arena = g_string_sized_new (2 * 1024 * 1024);
  g_string_append_c (table->own_arena, '\0');
  table->slots = table->own_slots;
  table->arena = table->own_arena->str;
  table->arena_len = table->own_arena->len;

  for (guint i = 0; i < G_N_ELEMENTS (dic_files); i++)
    for (guint j = 0; j < G_N_ELEMENTS (dic_files[i]); j++)
      {
        g_autofree char *path = g_build_filename (dir, dic_files[i][j], NULL);

        if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
          {
            read_file (table, folded, path);
            break;
          }
      }

  if (table->size == 0)
    g_debug ("no hunspell dictionary in %s", dir);
  return table;
}

GBytes *
dossier_dict_table_serialize (const DossierDictTable *table)
{
  BlobHeader header = { BLOB_MAGIC, table->size, DOSSIER_DICT_TABLE_SIZE, table->arena_len };
  GByteArray *blob = g_byte_array_sized_new (sizeof header +
                                             DOSSIER_DICT_TABLE_SIZE * sizeof (DossierDictSlot) +
                                             table->arena_len);

  g_byte_array_append (blob, (const guint8 *) &header, sizeof header);
  g_byte_array_append (blob, (const guint8 *) table->slots,
                       DOSSIER_DICT_TABLE_SIZE * sizeof (DossierDictSlot));
  g_byte_array_append (blob, (const guint8 *) table->arena, table->arena_len);
  return g_byte_array_free_to_bytes (blob);
}

DossierDictTable *
dossier_dict_table_new_mapped (GBytes *blob)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (blob, &len);
  const gsize slots_len = DOSSIER_DICT_TABLE_SIZE * sizeof (DossierDictSlot);
  BlobHeader header;
  DossierDictTable *table;

  /* A table of another size or another build is refused, not misread. */
  if (len < sizeof header)
    return NULL;
  memcpy (&header, data, sizeof header);
  if (header.magic != BLOB_MAGIC || header.table_size != DOSSIER_DICT_TABLE_SIZE ||
      header.arena_len == 0 || len != sizeof header + slots_len + header.arena_len ||
      ((guintptr) data % G_ALIGNOF (DossierDictSlot)) != 0)
    return NULL;

  table = g_new0 (DossierDictTable, 1);
  table->blob = g_bytes_ref (blob);
  table->slots = (const DossierDictSlot *) (data + sizeof header);
  table->arena = (const char *) data + sizeof header + slots_len;
  table->arena_len = header.arena_len;
  table->size = header.size;
  return table;
}

void
dossier_dict_table_free (DossierDictTable *table)
{
  if (table == NULL)
    return;
  g_free (table->own_slots);
  if (table->own_arena != NULL)
    g_string_free (table->own_arena, TRUE);
  g_clear_pointer (&table->blob, g_bytes_unref);
  g_free (table);
}
