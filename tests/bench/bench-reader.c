/* bench-reader.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How long the article reader takes to open a passage in a generated
 * article of 500 KB and 2 MB (French, so many characters are two bytes),
 * with an actor mentioned every 120 bytes or so: issue 20 measured 8.5 s
 * and 109 s, the target is under 0.2 s for 2 MB.  Needs a display (Xvfb
 * is fine).  Prints figures; asserts nothing.
 *
 *   bench-reader [KB…]      (default 500 2000) */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier-article-reader.h"

static const char sentence[] = "Le régulateur a réexaminé l’offre d’Oracle pour TikTok, dit-on à Bruxelles. ";

static DossierGraph *
make_graph (gsize target)
{
  g_autoptr(DossierCorpus) corpus = dossier_corpus_new ();
  g_autoptr(GString) text = g_string_new ("Un long dossier\n\n");
  g_autoptr(GBytes) bytes = NULL;
  DossierGraph *graph;
  DossierEntity *oracle, *tiktok;
  DossierArticle *article;
  g_autoptr(GError) error = NULL;

  /* Paragraphs of five sentences, as articles have. */
  for (guint i = 1; text->len < target; i++)
    {
      g_string_append (text, sentence);
      if (i % 5 == 0)
        g_string_append (text, "\n\n");
    }
  g_string_append_c (text, '\n');

  bytes = g_bytes_new (text->str, text->len);
  article = dossier_article_new_from_bytes ("long.txt", NULL, bytes, &error);
  g_assert_no_error (error);
  dossier_corpus_add_article (corpus, article);

  graph = dossier_graph_new (corpus);
  oracle = dossier_graph_ensure_entity (graph, "Oracle", DOSSIER_ENTITY_COMPANY);
  tiktok = dossier_graph_ensure_entity (graph, "TikTok", DOSSIER_ENTITY_COMPANY);
  for (const char *p = article->text; (p = strstr (p, "Oracle")) != NULL; p += 6)
    dossier_graph_add_mention (graph, oracle, &(DossierMention) { 0, p - article->text, p - article->text + 6, DOSSIER_SECTION_BODY });
  for (const char *p = article->text; (p = strstr (p, "TikTok")) != NULL; p += 6)
    dossier_graph_add_mention (graph, tiktok, &(DossierMention) { 0, p - article->text, p - article->text + 6, DOSSIER_SECTION_BODY });

  return graph;
}

int
main (int   argc,
      char *argv[])
{
  guint defaults[] = { 500, 2000 };
  guint n_sizes = argc > 1 ? (guint) argc - 1 : G_N_ELEMENTS (defaults);

  adw_init ();

  for (guint s = 0; s < n_sizes; s++)
    {
      gsize kb = argc > 1 ? (gsize) atoi (argv[s + 1]) : defaults[s];
      g_autoptr(DossierGraph) graph = make_graph (kb * 1000);
      DossierArticle *article = dossier_corpus_get_article (graph->corpus, 0);
      GtkWidget *window = gtk_window_new ();
      GtkWidget *reader = dossier_article_reader_new ();
      DossierEntity *oracle = dossier_graph_get_entity (graph, 0);
      const DossierMention *last = &g_array_index (oracle->mentions, DossierMention, oracle->mentions->len - 1);
      gint64 start;
      double first, second;

      gtk_window_set_child (GTK_WINDOW (window), reader);
      gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
      gtk_window_present (GTK_WINDOW (window));

      /* A passage near the end, as a click in the passage list opens it. */
      start = g_get_monotonic_time ();
      dossier_article_reader_show (DOSSIER_ARTICLE_READER (reader), graph, 0, last->start, last->end);
      first = (g_get_monotonic_time () - start) / 1e6;

      /* Another passage of the same article, near its start. */
      start = g_get_monotonic_time ();
      dossier_article_reader_show (DOSSIER_ARTICLE_READER (reader), graph, 0,
                                   g_array_index (oracle->mentions, DossierMention, 1).start,
                                   g_array_index (oracle->mentions, DossierMention, 1).end);
      second = (g_get_monotonic_time () - start) / 1e6;

      printf ("%5zu KB article, %u mentions: passage opened in %.3f s, another in %.3f s\n",
              article->len / 1000, oracle->mentions->len * 2, first, second);
      fflush (stdout);
      gtk_window_destroy (GTK_WINDOW (window));
    }

  return 0;
}
