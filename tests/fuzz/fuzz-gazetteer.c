/* fuzz-gazetteer.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The gazetteer parser: a user's own .gaz file either loads or is refused
 * with an error; what loaded then matches text sanely, including the file
 * itself read as prose (so its own names are found). */

#define G_LOG_DOMAIN "fuzz-gazetteer"

#include "config.h"

#include "dossier-gazetteer.h"
#include "fuzz-common.h"

static const char sample[] =
  "Oracle a été choisi par ByteDance, la maison mère de TikTok, selon le Wall Street Journal. "
  "Donald Trump's administration said Microsoft’s bid failed. L'État, d'Oracle, qu'IBM.";

static void
check_matches (DossierGazetteer *gazetteer,
               const char       *text,
               gsize             len)
{
  g_autofree char *exact = g_malloc (MAX (len, 1));
  g_autoptr(GArray) matches = NULL;
  gsize last_end = 0;

  /* Exactly @len bytes, so a read past the end is caught. */
  memcpy (exact, text, len);
  matches = dossier_gazetteer_match (gazetteer, exact, len);

  g_assert_nonnull (matches);
  for (guint i = 0; i < matches->len; i++)
    {
      const DossierGazetteerMatch *m = &g_array_index (matches, DossierGazetteerMatch, i);

      fuzz_check_range (text, len, m->start, m->end);
      g_assert_cmpuint (m->start, <, m->end);
      /* In text order, no overlaps. */
      g_assert_cmpuint (m->start, >=, last_end);
      last_end = m->end;
      g_assert_nonnull (m->entry);
      g_assert_nonnull (m->entry->canonical);
      g_assert_cmpint (m->entry->type, >=, 0);
      g_assert_cmpint (m->entry->type, <, DOSSIER_N_ENTITY_TYPES);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(DossierGazetteer) gazetteer = dossier_gazetteer_new ();
  g_autoptr(GError) error = NULL;
  /* Exactly @size bytes, never NULL (libFuzzer passes a pointer even
   * for an empty input). */
  g_autofree char *exact = g_malloc (MAX (size, 1));
  g_autofree char *text = NULL;
  const char *checksum;

  fuzz_init_logging ();

  memcpy (exact, data, size);
  if (!dossier_gazetteer_load_data (gazetteer, exact, size, "fuzz.gaz", &error))
    {
      g_assert_nonnull (error);
      g_assert_true (g_error_matches (error, DOSSIER_GAZETTEER_ERROR,
                                      DOSSIER_GAZETTEER_ERROR_PARSE));
      return 0;
    }
  g_assert_null (error);

  checksum = dossier_gazetteer_get_checksum (gazetteer);
  g_assert_nonnull (checksum);
  g_assert_cmpuint (strlen (checksum), >, 0);

  check_matches (gazetteer, sample, strlen (sample));

  text = fuzz_make_utf8 (data, size);
  check_matches (gazetteer, text, strlen (text));

  /* Lookups by whatever line the file held never crash. */
  {
    g_auto(GStrv) lines = g_strsplit (text, "\n", 64);

    for (guint i = 0; lines[i] != NULL; i++)
      (void) dossier_gazetteer_lookup (gazetteer, lines[i]);
  }

  return 0;
}
