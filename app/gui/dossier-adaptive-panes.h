/* dossier-adaptive-panes.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The window's middle: a pane at the start (the filters), the content
 * (the graph) and a pane at the end (passages and reader).  Wider than
 * the threshold, the panes sit beside the content; narrower, they float
 * over it (two AdwFlaps, libadwaita 1.2 having no breakpoints), so the
 * graph keeps the whole width, and the end pane shows only when its stack
 * has something to say (not on its idle page). */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_ADAPTIVE_PANES (dossier_adaptive_panes_get_type ())

G_DECLARE_FINAL_TYPE (DossierAdaptivePanes, dossier_adaptive_panes, DOSSIER, ADAPTIVE_PANES, GtkWidget)

/* Below this width, in pixels, the panes float. */
#define DOSSIER_ADAPTIVE_PANES_THRESHOLD 1000

gboolean   dossier_adaptive_panes_get_narrow       (DossierAdaptivePanes *self);
/* Whether the end pane is shown (always when wide). */
gboolean   dossier_adaptive_panes_get_end_revealed (DossierAdaptivePanes *self);

G_END_DECLS
