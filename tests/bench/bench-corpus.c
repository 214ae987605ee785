/* bench-corpus.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How long reading a big article takes: prints figures, asserts nothing.
 *   bench-corpus [MEGABYTES]   (default 100) */

#include <stdlib.h>

#include "dossier-article.h"
#include "dossier-date.h"

int
main (int   argc,
      char *argv[])
{
  gsize megabytes = argc > 1 ? strtoul (argv[1], NULL, 10) : 100;
  g_autoptr(GString) s = g_string_new ("Un gros fichier\n\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierArticle) article = NULL;
  gint64 t0;

  while (s->len < megabytes * 1024 * 1024)
    {
      g_string_append (s, "Microsoft s'est retiré dimanche, selon M. Dupont, et l'accord du 6 août 2020 "
                          "tient toujours. Oracle a confirmé lundi... Et ensuite ? « Rien. »\n\n");
      g_string_append (s, "avatar lecteur |\n\nUn commentaire bref.\n\n");
    }

  bytes = g_bytes_new_take (s->str, s->len);
  g_string_free (g_steal_pointer (&s), FALSE);

  t0 = g_get_monotonic_time ();
  article = dossier_article_new_from_bytes ("big.txt", NULL, bytes, &error);
  if (article == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print ("%.1f MB: %.2f s, %u sections, %u paragraphs, %u sentences, %u dates\n",
           g_bytes_get_size (bytes) / 1048576.0,
           (g_get_monotonic_time () - t0) / (double) G_USEC_PER_SEC,
           article->sections->len, article->paragraphs->len,
           article->sentences->len, article->dates->len);
  return 0;
}
