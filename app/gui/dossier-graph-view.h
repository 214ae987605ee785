/* dossier-graph-view.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "dossier-layout.h"
#include "dossier-view-transform.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_GRAPH_VIEW (dossier_graph_view_get_type ())

G_DECLARE_FINAL_TYPE (DossierGraphView, dossier_graph_view, DOSSIER, GRAPH_VIEW, GtkWidget)

GtkWidget                  *dossier_graph_view_new                 (void);

/* Shows @layout of @subgraph.  The previous drawing stays until this is
 * called, so a slow layout never blanks the view.  The selection is kept
 * when its entity or relation is still visible. */
void                        dossier_graph_view_set_graph           (DossierGraphView     *self,
                                                                    DossierSubgraph      *subgraph,
                                                                    DossierLayout        *layout);
DossierSubgraph            *dossier_graph_view_get_subgraph        (DossierGraphView     *self);
/* The next dossier_graph_view_set_graph keeps every actor with the same
 * stable place (DossierLayout origin) where it is on screen instead of
 * fitting the drawing: for the layout that follows a drag or an unpin. */
void                        dossier_graph_view_hold_view           (DossierGraphView     *self);
DossierLayout              *dossier_graph_view_get_layout          (DossierGraphView     *self);

const DossierViewTransform *dossier_graph_view_get_transform       (DossierGraphView     *self);
void                        dossier_graph_view_set_transform       (DossierGraphView     *self,
                                                                    const DossierViewTransform *transform);
void                        dossier_graph_view_zoom_fit            (DossierGraphView     *self,
                                                                    gboolean              animate);
/* Zooms by @factor around the widget point (@x, @y). */
void                        dossier_graph_view_zoom_by             (DossierGraphView     *self,
                                                                    double                factor,
                                                                    double                x,
                                                                    double                y,
                                                                    gboolean              animate);

/* Entity and relation ids of the graph, or -1. */
int                         dossier_graph_view_get_selected_entity   (DossierGraphView   *self);
int                         dossier_graph_view_get_selected_relation (DossierGraphView   *self);
/* Every actor selected (Ctrl+click adds), the first chosen first. */
GArray                     *dossier_graph_view_get_selected_entities (DossierGraphView   *self);
gboolean                    dossier_graph_view_select_entity       (DossierGraphView     *self,
                                                                    guint                 entity);
gboolean                    dossier_graph_view_select_relation     (DossierGraphView     *self,
                                                                    guint                 relation);
gboolean                    dossier_graph_view_toggle_entity       (DossierGraphView     *self,
                                                                    guint                 entity);
void                        dossier_graph_view_clear_selection     (DossierGraphView     *self);
/* Scrolls (smoothly) so the entity's node is in the middle. */
gboolean                    dossier_graph_view_center_on_entity    (DossierGraphView     *self,
                                                                    guint                 entity,
                                                                    gboolean              animate);

/* Where things are drawn, in widget coordinates; FALSE when not shown. */
gboolean                    dossier_graph_view_get_entity_point    (DossierGraphView     *self,
                                                                    guint                 entity,
                                                                    double               *x,
                                                                    double               *y);
gboolean                    dossier_graph_view_get_relation_point  (DossierGraphView     *self,
                                                                    guint                 relation,
                                                                    double               *x,
                                                                    double               *y);
/* Keeps "fit" clear of @left pixels on the left (an overlaid legend). */
void                        dossier_graph_view_set_fit_inset       (DossierGraphView     *self,
                                                                    int                   left);
/* TRUE once the cached scene is complete for what is shown (tests and
 * the benchmark). */
/* Whether the last frame drew every visible tile (after a zoom or a new
 * graph, tiles come over a few frames within a time budget). */
gboolean                    dossier_graph_view_is_scene_complete (DossierGraphView *self);
gboolean                    dossier_graph_view_has_scene           (DossierGraphView     *self);

/* Items added under the context menu's own (e.g. the window's edits). */
void                        dossier_graph_view_set_extra_menu      (DossierGraphView     *self,
                                                                    GMenuModel           *menu);

G_END_DECLS
