/* dossier-date.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Calendar dates at a precision, their ISO form, and the date expressions
 * of French and English prose. */

#pragma once

#include "dossier-types.h"

G_BEGIN_DECLS

/* Writes "2020", "2020-09" or "2020-09-14"; NULL for an unknown date. */
char        *dossier_date_to_string (const DossierDate *date);

/* Parses the forms above; FALSE (and *date untouched) on anything else. */
gboolean     dossier_date_parse_iso (const char        *str,
                                     DossierDate       *date);

/* Orders by the earliest day each date may stand for; unknown dates first. */
int          dossier_date_compare   (const DossierDate *a,
                                     const DossierDate *b);

gboolean     dossier_date_is_known  (const DossierDate *date);

/* The first and last day a date may stand for, as Julian day numbers,
 * for range filters.  FALSE for an unknown date. */
gboolean     dossier_date_get_span  (const DossierDate *date,
                                     guint32           *first_julian,
                                     guint32           *last_julian);

/* Finds the date expressions of @text[0, @len): "6 août", "15 septembre",
 * "avril 2025", "February 19, 2021", "2017", weekdays.  A year-less date
 * takes @anchor's year when @anchor is known.  Returns an array of
 * DossierDateMention in text order. */
GArray      *dossier_date_scan      (const char        *text,
                                     gsize              len,
                                     const DossierDate *anchor);

G_END_DECLS
