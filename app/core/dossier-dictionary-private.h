/* dossier-dictionary-private.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The word table of dossier-dictionary, shared by the run-time lookups and
 * the build-time generator (build-aux/gen-dictionary.c) that serialises it
 * into the program, so a run maps the table instead of parsing 3.4 MB of
 * .dic files. */

#pragma once

#include <glib.h>
#include <string.h>

#include "dossier-fold.h"

G_BEGIN_DECLS

#define DOSSIER_DICT_MAX_WORD 32

/* Open addressing over words kept in one arena: about 130,000 words, so a
 * table of 2^18 slots stays under half full. */
#define DOSSIER_DICT_TABLE_BITS 18
#define DOSSIER_DICT_TABLE_SIZE (1u << DOSSIER_DICT_TABLE_BITS)

typedef struct
{
  guint32 offset;  /* in the arena; 0: empty (the arena starts with a NUL) */
  guint16 len;
  guint16 flags;
  guint32 hash;
} DossierDictSlot;

/* A table, whether built from the .dic files or mapped from the program. */
typedef struct
{
  const DossierDictSlot *slots;  /* DOSSIER_DICT_TABLE_SIZE */
  const char            *arena;
  gsize                  arena_len;
  guint                  size;   /* words */

  /* What slots and arena point into: the buffers of a table read from
   * the .dic files, or the blob of a mapped one. */
  DossierDictSlot       *own_slots;
  GString               *own_arena;
  GBytes                *blob;
} DossierDictTable;

/* Reads the first French and the first English .dic file found in @dir;
 * an empty table (size 0) when there is none. */
DossierDictTable *dossier_dict_table_read_dir   (const char       *dir);

/* The table as one blob (a header, the slots, the arena), and back: the
 * blob must outlive the table; NULL when it is not a table. */
GBytes           *dossier_dict_table_serialize  (const DossierDictTable *table);
DossierDictTable *dossier_dict_table_new_mapped (GBytes           *blob);
void              dossier_dict_table_free       (DossierDictTable *table);

/* The table made at build time, NULL when the build had no dictionary. */
DossierDictTable *dossier_dict_table_new_builtin (void);

/* The slot of @word (folded, @hash its dossier_fold_hash()), or the empty
 * slot where it would go. */
static inline const DossierDictSlot *
dossier_dict_table_find (const DossierDictTable *table,
                         const char             *word,
                         gsize                   len,
                         guint32                 hash)
{
  for (guint k = hash & (DOSSIER_DICT_TABLE_SIZE - 1);; k = (k + 1) & (DOSSIER_DICT_TABLE_SIZE - 1))
    {
      const DossierDictSlot *slot = &table->slots[k];

      if (slot->offset == 0 ||
          (slot->hash == hash && slot->len == len && dossier_fold_word_equal (table->arena + slot->offset, word, len)))
        return slot;
    }
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierDictTable, dossier_dict_table_free)

G_END_DECLS
