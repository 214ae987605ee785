/* dossier-search.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Full-text search over the articles of a corpus.
 *
 * The query and the text are compared folded (dossier-fold.h): case,
 * accents, œ/æ/ß and typographic apostrophes do not matter.  The query is
 * cut into words (letters and digits).  A passage is a sentence of the
 * title, the body or the reader comments (dossier-sentences.h; page
 * furniture is not searched) that holds every word of the query, in any
 * order.  A query in double quotes ("Daniel Segal") is a phrase: its words
 * must follow each other, separated by nothing but spaces and punctuation.
 * A query word matches a word of the text that starts with it ("rachat"
 * finds "rachats"), so the span of a match is the whole word of the text.
 */

#pragma once

#include <gio/gio.h>

#include "dossier-graph.h"

G_BEGIN_DECLS

#define DOSSIER_SEARCH_ERROR (dossier_search_error_quark ())

typedef enum
{
  DOSSIER_SEARCH_ERROR_EMPTY,      /* no letter or digit in the query */
  DOSSIER_SEARCH_ERROR_TOO_LONG,   /* more words than DOSSIER_SEARCH_MAX_WORDS */
} DossierSearchError;

#define DOSSIER_SEARCH_MAX_WORDS 16

typedef struct _DossierSearch DossierSearch;

/* One passage found: a sentence of an article and the words in it. */
typedef struct
{
  guint   article;   /* index into the corpus */
  gsize   start;     /* the sentence, byte offsets in the article's text */
  gsize   end;
  GArray *matches;   /* DossierRange, each matched word of the text, in order */
  GArray *actors;    /* guint entity ids of the graph given, mentioned in
                      * [start, end), in order of first mention; empty
                      * without a graph */
} DossierSearchHit;

GQuark            dossier_search_error_quark (void);

/* Parses @query (any bytes; text that is not UTF-8 matches itself). */
DossierSearch    *dossier_search_new         (const char       *query,
                                              GError          **error);
void              dossier_search_free        (DossierSearch    *search);
gboolean          dossier_search_is_phrase   (const DossierSearch *search);
/* The folded words of the query. */
guint             dossier_search_get_n_words (const DossierSearch *search);
const char       *dossier_search_get_word    (const DossierSearch *search,
                                              guint             index);

/* Every passage of @corpus that matches, by article then offset; at most
 * @limit (0: no limit), @n_found (nullable) receiving how many there are in
 * all.  With @graph (whose corpus must be @corpus) each hit lists the
 * actors mentioned in it.  Returns NULL only when cancelled. */
GPtrArray        *dossier_search_run         (DossierSearch    *search,
                                              DossierCorpus    *corpus,
                                              DossierGraph     *graph,
                                              guint             limit,
                                              guint            *n_found,
                                              GCancellable     *cancellable,
                                              GError          **error);

/* The same on a worker thread; @search is owned by the task from then on. */
void              dossier_search_run_async   (DossierSearch      *search,
                                              DossierCorpus      *corpus,
                                              DossierGraph       *graph,
                                              guint               limit,
                                              GCancellable       *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer            user_data);
GPtrArray        *dossier_search_run_finish  (GAsyncResult       *result,
                                              guint              *n_found,
                                              GError            **error);

void              dossier_search_hit_free    (DossierSearchHit *hit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierSearch, dossier_search_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierSearchHit, dossier_search_hit_free)

G_END_DECLS
