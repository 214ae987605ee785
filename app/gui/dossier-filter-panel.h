/* dossier-filter-panel.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "dossier-filter.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_FILTER_PANEL (dossier_filter_panel_get_type ())

G_DECLARE_FINAL_TYPE (DossierFilterPanel, dossier_filter_panel, DOSSIER, FILTER_PANEL, GtkWidget)

GtkWidget           *dossier_filter_panel_new        (void);
/* The graph whose actors complete the actor entry and whose passages
 * fill the timeline. */
void                 dossier_filter_panel_set_graph  (DossierFilterPanel  *self,
                                                      DossierGraph        *graph);
/* The current filter (owned by the panel). */
const DossierFilter *dossier_filter_panel_get_filter (DossierFilterPanel  *self);
/* Shows @filter in the controls; does not emit "changed". */
void                 dossier_filter_panel_set_filter (DossierFilterPanel  *self,
                                                      const DossierFilter *filter);
/* "42 of 57 actors shown". */
void                 dossier_filter_panel_set_result (DossierFilterPanel  *self,
                                                      DossierSubgraph     *subgraph);
void                 dossier_filter_panel_add_actor  (DossierFilterPanel  *self,
                                                      const char          *name);

G_END_DECLS
