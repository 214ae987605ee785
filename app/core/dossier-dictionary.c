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
#include "dossier-dictionary-private.h"
#include "dossier-dictionary-resources.h"
#include "dossier-fold.h"

/* The table made at build time from the build machine's dictionaries
 * (build-aux/gen-dictionary.c); empty when it had none. */
#define TABLE_RESOURCE "/io/github/dossier/Dossier/dictionary.table"

DossierDictTable *
dossier_dict_table_new_builtin (void)
{
  g_autoptr(GBytes) blob = g_resource_lookup_data (dossier_dictionary_get_resource (), TABLE_RESOURCE,
                                                   G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  return blob != NULL ? dossier_dict_table_new_mapped (blob) : NULL;
}

/* Mapping the built-in table parses nothing; reading the .dic files costs
 * some 40 ms, paid only when asked for another directory or when the
 * build had no dictionary. */
static gpointer
load (gpointer data)
{
  const char *dir = g_getenv ("DOSSIER_HUNSPELL_DIR");
  DossierDictTable *table;

  if (dir == NULL && (table = dossier_dict_table_new_builtin ()) != NULL)
    return table;
  return dossier_dict_table_read_dir (dir != NULL ? dir : "/usr/share/hunspell");
}

static const DossierDictTable *
get_dictionary (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, load, NULL);
}

static guint
lookup_exact (const DossierDictTable *dict,
              const char             *word,
              gsize                   len,
              guint32                 hash)
{
  const DossierDictSlot *slot = dossier_dict_table_find (dict, word, len, hash);

  return slot->offset != 0 ? slot->flags : 0;
}

guint
dossier_dictionary_lookup (const char *folded,
                           gsize       len)
{
  return dossier_dictionary_lookup_hashed (folded, len, dossier_fold_hash (folded, len));
}

guint
dossier_dictionary_lookup_hashed (const char *folded,
                                  gsize       len,
                                  guint32     hash)
{
  const DossierDictTable *dict = get_dictionary ();
  guint flags;

  if (dict->size == 0 || len == 0 || len > DOSSIER_DICT_MAX_WORD)
    return 0;

  flags = lookup_exact (dict, folded, len, hash);
  /* Plurals are not listed, their singular is: "discussions", "offres". */
  if (!(flags & DOSSIER_DICT_COMMON) && len > 3 && (folded[len - 1] == 's' || folded[len - 1] == 'x'))
    flags |= lookup_exact (dict, folded, len - 1, dossier_fold_hash (folded, len - 1)) & DOSSIER_DICT_COMMON;
  return flags;
}

guint
dossier_dictionary_size (void)
{
  return get_dictionary ()->size;
}
