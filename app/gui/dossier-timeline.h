/* dossier-timeline.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_TIMELINE (dossier_timeline_get_type ())

G_DECLARE_FINAL_TYPE (DossierTimeline, dossier_timeline, DOSSIER, TIMELINE, GtkWidget)

GtkWidget *dossier_timeline_new        (void);
/* Passages per day starting at @first_julian (see dossier_graph_date_histogram). */
void       dossier_timeline_set_counts (DossierTimeline *self,
                                        GArray          *counts,
                                        guint32          first_julian);
/* The selected range as Julian days; FALSE when nothing is selected. */
gboolean   dossier_timeline_get_range  (DossierTimeline *self,
                                        guint32         *first,
                                        guint32         *last);
/* 0, 0 clears the selection. */
void       dossier_timeline_set_range  (DossierTimeline *self,
                                        guint32          first,
                                        guint32          last);
/* The x coordinate of a day, for tests and drags. */
double     dossier_timeline_day_to_x   (DossierTimeline *self,
                                        guint32          julian);

/* The days the timeline covers; FALSE when it has none. */
gboolean   dossier_timeline_get_days   (DossierTimeline *self,
                                        guint32         *first,
                                        guint32         *last);

/* The days the axis shows: all of them but isolated outliers (and what a
 * zoom leaves out), which are marked at the edges.  FALSE when it has
 * none. */
gboolean   dossier_timeline_get_axis   (DossierTimeline *self,
                                        guint32         *first,
                                        guint32         *last,
                                        guint           *n_before,
                                        guint           *n_after);
/* Shows @factor times as many days on the axis (below 1: zooms in),
 * keeping @center where it is; never past the dates without outliers. */
void       dossier_timeline_zoom       (DossierTimeline *self,
                                        double           factor,
                                        guint32          center);
/* Passages without a known date, drawn as a bar of their own. */
void       dossier_timeline_set_undated (DossierTimeline *self,
                                         guint            n_undated);

/* The tick labels of the axis as drawn at the current width ("2020",
 * "2021"… or "Sep 2020", "Oct"…), for tests and accessibility. */
GStrv      dossier_timeline_get_tick_labels (DossierTimeline *self);

/* Playback moves the selected window of dates through time by its own
 * width (a quarter of the dates without outliers when nothing is
 * selected), whatever the zoom, emitting
 * "range-changed" at each step, so the graph follows.  Returns FALSE when
 * the window is already at that end. */
gboolean   dossier_timeline_step       (DossierTimeline *self,
                                        int              direction);
/* Steps forward every second until the end; the "playing" property. */
void       dossier_timeline_set_playing (DossierTimeline *self,
                                         gboolean         playing);
gboolean   dossier_timeline_get_playing (DossierTimeline *self);

G_END_DECLS
