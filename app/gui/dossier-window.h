/* dossier-window.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dossier-filter-panel.h"

#include "dossier-article-reader.h"
#include "dossier-graph-view.h"
#include "dossier-passage-list.h"
#include "dossier-text-search.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_WINDOW (dossier_window_get_type ())

G_DECLARE_FINAL_TYPE (DossierWindow, dossier_window, DOSSIER, WINDOW, AdwApplicationWindow)

DossierWindow        *dossier_window_new              (AdwApplication *application);
/* Loads files and folders (NULL: the seed articles) off the main thread,
 * then extracts and lays out; a newer call cancels an older one. */
void                  dossier_window_load             (DossierWindow      *self,
                                                       const char * const *paths);
/* Shows what @filter lets through (copied), laid out again off the main
 * thread; the filter panel and the command-line equivalent use this. */
void                  dossier_window_set_filter       (DossierWindow       *self,
                                                       const DossierFilter *filter);
/* (transfer none) */
const DossierFilter  *dossier_window_get_filter       (DossierWindow      *self);
/* The subgraph shown, or NULL.  (transfer none) */
DossierSubgraph      *dossier_window_get_subgraph     (DossierWindow      *self);
/* TRUE while reading, extracting or laying out. */
gboolean              dossier_window_is_busy          (DossierWindow      *self);
/* (nullable) (transfer none) */
DossierGraph         *dossier_window_get_graph        (DossierWindow      *self);
DossierGraphView     *dossier_window_get_graph_view   (DossierWindow      *self);
DossierPassageList   *dossier_window_get_passage_list (DossierWindow      *self);
DossierArticleReader *dossier_window_get_reader       (DossierWindow      *self);
GtkEditable          *dossier_window_get_find_entry   (DossierWindow      *self);
/* "empty", "passages" or "reader" */
const char           *dossier_window_get_side_page    (DossierWindow      *self);
/* "loading", "error" or "graph" */
const char           *dossier_window_get_main_page    (DossierWindow      *self);

DossierFilterPanel   *dossier_window_get_filter_panel (DossierWindow      *self);
/* The side panel's text search (Ctrl+Shift+F, "win.text-search"). */
DossierTextSearch    *dossier_window_get_text_search  (DossierWindow      *self);

G_END_DECLS
