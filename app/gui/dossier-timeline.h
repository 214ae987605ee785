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

G_END_DECLS
