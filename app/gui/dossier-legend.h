/* dossier-legend.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "dossier-filter.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_LEGEND (dossier_legend_get_type ())

G_DECLARE_FINAL_TYPE (DossierLegend, dossier_legend, DOSSIER, LEGEND, GtkWidget)

GtkWidget *dossier_legend_new          (void);
/* Lists the relation types present in @subgraph (all when NULL). */
void       dossier_legend_set_subgraph (DossierLegend   *self,
                                        DossierSubgraph *subgraph);

G_END_DECLS
