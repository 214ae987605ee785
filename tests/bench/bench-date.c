/* bench-date.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How fast the date scanner reads article text: prints figures, asserts
 * nothing.
 *   bench-date DIR [ROUNDS]   (the .txt files of DIR, read ROUNDS times; default 5)
 * A corpus: _build/tests/gen/dossier-gen-corpus --count 2000 --seed 7 DIR */

#include <stdlib.h>

#include "dossier-date.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  guint rounds = argc > 2 ? strtoul (argv[2], NULL, 10) : 5;
  gsize total = 0, mentions = 0, inferred = 0;
  const char *name;
  gint64 t0;
  double scan_s, infer_s;

  if (argc < 2)
    {
      g_printerr ("usage: bench-date DIR [ROUNDS]\n");
      return 2;
    }

  dir = g_dir_open (argv[1], 0, &error);
  if (dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (argv[1], name, NULL);
      char *contents;
      gsize len;

      if (!g_str_has_suffix (name, ".txt") || !g_file_get_contents (path, &contents, &len, NULL))
        continue;
      g_ptr_array_add (texts, g_bytes_new_take (contents, len));
      total += len;
    }

  t0 = g_get_monotonic_time ();
  for (guint r = 0; r < rounds; r++)
    for (guint i = 0; i < texts->len; i++)
      {
        gsize len;
        const char *text = g_bytes_get_data (texts->pdata[i], &len);
        DossierDate anchor = { 2020, 9, 14, DOSSIER_DATE_PRECISION_DAY };
        g_autoptr(GArray) a = dossier_date_scan (text, len, &anchor);

        mentions += a->len;
      }
  scan_s = (g_get_monotonic_time () - t0) / (double) G_USEC_PER_SEC;

  t0 = g_get_monotonic_time ();
  for (guint r = 0; r < rounds; r++)
    for (guint i = 0; i < texts->len; i++)
      {
        gsize len;
        const char *text = g_bytes_get_data (texts->pdata[i], &len);
        DossierDate d;

        inferred += dossier_date_infer (text, len, NULL, &d, NULL);
      }
  infer_s = (g_get_monotonic_time () - t0) / (double) G_USEC_PER_SEC;

  g_print ("%u files, %.1f MB x %u rounds\n", texts->len, total / 1048576.0, rounds);
  g_print ("dossier_date_scan:  %.3f s, %.1f MB/s, %" G_GSIZE_FORMAT " mentions per round\n",
           scan_s, total * rounds / 1048576.0 / scan_s, mentions / MAX (rounds, 1));
  g_print ("dossier_date_infer: %.3f s, %.1f MB/s, %" G_GSIZE_FORMAT " articles dated per round\n",
           infer_s, total * rounds / 1048576.0 / infer_s, inferred / MAX (rounds, 1));
  return 0;
}
