/* dossier-text-search.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The side panel that searches the text of the articles (Ctrl+Shift+F): a
 * search entry, the passages found (article title, date, the words
 * highlighted) and a button that selects the actors of the results.
 * Searches run on a worker thread (dossier-search.h); a newer query
 * cancels an older one.
 *
 * Signals: "passage-activated" (article, start, end) when a result is
 * clicked; "select-actors" when the button is (the action
 * "text-search.select-actors"). */

#pragma once

#include <gtk/gtk.h>

#include "dossier-search.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_TEXT_SEARCH (dossier_text_search_get_type ())

G_DECLARE_FINAL_TYPE (DossierTextSearch, dossier_text_search, DOSSIER, TEXT_SEARCH, GtkWidget)

GtkWidget              *dossier_text_search_new          (void);
/* The graph whose articles are searched and whose actors are listed; the
 * search runs again when it changes. */
void                    dossier_text_search_set_graph    (DossierTextSearch *self,
                                                          DossierGraph      *graph);
/* Puts @query in the entry and searches at once. */
void                    dossier_text_search_set_query    (DossierTextSearch *self,
                                                          const char        *query);
void                    dossier_text_search_focus        (DossierTextSearch *self);
/* TRUE while a search runs. */
gboolean                dossier_text_search_is_busy      (DossierTextSearch *self);
guint                   dossier_text_search_get_n_results (DossierTextSearch *self);
/* (transfer none) */
const DossierSearchHit *dossier_text_search_get_result   (DossierTextSearch *self,
                                                          guint              index);
/* Emits "passage-activated" for result @index, as a click would. */
void                    dossier_text_search_activate     (DossierTextSearch *self,
                                                          guint              index);
/* The actors mentioned in the results, each once: entity ids of the graph. */
GArray                 *dossier_text_search_dup_actors   (DossierTextSearch *self);

G_END_DECLS
