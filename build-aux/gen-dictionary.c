/* gen-dictionary.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Build-time generator: reads the hunspell .dic files of DIR as
 * dossier-dictionary would at run time and writes the word table to
 * OUTPUT, which the build embeds as a resource.  With no dictionary in
 * DIR, OUTPUT is empty and the program reads the .dic files when run. */

#include "config.h"

#include <stdio.h>

#include "dossier-dictionary-private.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DossierDictTable) table = NULL;
  g_autoptr(GBytes) blob = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 3)
    {
      g_printerr ("usage: %s DIR OUTPUT\n", argv[0]);
      return 2;
    }

  table = dossier_dict_table_read_dir (argv[1]);
  blob = table->size > 0 ? dossier_dict_table_serialize (table) : g_bytes_new_static ("", 0);
  if (!g_file_set_contents (argv[2], g_bytes_get_data (blob, NULL), g_bytes_get_size (blob), &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}
