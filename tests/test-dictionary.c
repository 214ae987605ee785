/* test-dictionary.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dossier-dictionary.h"
#include "dossier-dictionary-private.h"

#define HUNSPELL_DIR "/usr/share/hunspell"

static gboolean
have_dictionaries (void)
{
  g_autoptr(DossierDictTable) table = dossier_dict_table_read_dir (HUNSPELL_DIR);

  return table->size > 0;
}

/* The table built into the program is the one the run-time reader makes
 * from the same files, byte for byte. */
static void
test_builtin_matches_files (void)
{
  g_autoptr(DossierDictTable) builtin = dossier_dict_table_new_builtin ();
  g_autoptr(DossierDictTable) read = dossier_dict_table_read_dir (HUNSPELL_DIR);
  g_autoptr(GBytes) builtin_blob = NULL;
  g_autoptr(GBytes) read_blob = NULL;

  if (builtin == NULL || read->size == 0)
    {
      g_test_skip ("no hunspell dictionary at build or test time");
      return;
    }

  g_assert_cmpuint (builtin->size, ==, read->size);
  builtin_blob = dossier_dict_table_serialize (builtin);
  read_blob = dossier_dict_table_serialize (read);
  g_assert_true (g_bytes_equal (builtin_blob, read_blob));
}

/* A blob of another shape is refused rather than misread. */
static void
test_mapped_refuses_garbage (void)
{
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) junk = g_bytes_new_static ("not a table at all", 18);

  g_assert_null (dossier_dict_table_new_mapped (empty));
  g_assert_null (dossier_dict_table_new_mapped (junk));
}

static void
test_lookup (void)
{
  if (!have_dictionaries ())
    {
      g_test_skip ("no hunspell dictionary in " HUNSPELL_DIR);
      return;
    }

  g_assert_true (dossier_dictionary_lookup ("grand", 5) & DOSSIER_DICT_COMMON);
  /* A plural answers as its singular. */
  g_assert_true (dossier_dictionary_lookup ("discussions", 11) & DOSSIER_DICT_COMMON);
  g_assert_true (dossier_dictionary_lookup ("jean", 4) & DOSSIER_DICT_GIVEN_NAME);
  g_assert_cmpuint (dossier_dictionary_lookup ("xqzwv", 5), ==, 0);
  g_assert_cmpuint (dossier_dictionary_lookup ("", 0), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dictionary/builtin-matches-files", test_builtin_matches_files);
  g_test_add_func ("/dictionary/mapped-refuses-garbage", test_mapped_refuses_garbage);
  g_test_add_func ("/dictionary/lookup", test_lookup);

  return g_test_run ();
}
