/* dossier-index-private.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A string index of the core: a GHashTable from a key (owned) to the
 * GArray of the guint ids that have it, in the order they were added. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Adds @value under @key, unless it is the last value there already (a
 * name renamed back and forth would pile up copies). */
static inline void
dossier_index_add (GHashTable *index,
                   const char *key,
                   guint       value)
{
  GArray *values = g_hash_table_lookup (index, key);

  if (values == NULL)
    {
      values = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (index, g_strdup (key), values);
    }
  if (values->len > 0 && g_array_index (values, guint, values->len - 1) == value)
    return;
  g_array_append_val (values, value);
}

G_END_DECLS
