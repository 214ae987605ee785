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

/* dossier_date_to_string() into @buf, without allocating; FALSE for an
 * unknown date. */
#define DOSSIER_DATE_ISO_SIZE 16
gboolean     dossier_date_write_iso (const DossierDate *date,
                                     char               buf[DOSSIER_DATE_ISO_SIZE]);

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

/* Adds @days (may be negative) to a day-precision date. */
DossierDate  dossier_date_add_days  (const DossierDate *date,
                                     int                days);

/* Finds the date expressions of @text[0, @len): "6 août", "1er août 2020",
 * "15 septembre", "Septembre 15th", "avril 2025", "mi-août", "en juillet",
 * "February 19, 2021", "Mar 3, 2021", "2020-09-14", "14/09/2020",
 * "14/09/20", "en 2017", weekdays ("dimanche", "Monday").  A numeric date
 * valid in both orders ("03/04/2021") is read in the order the text's
 * unambiguous ones show, else day first in French, month first in
 * English.  Each expression is read as past or future from
 * the words of its clause ("jusqu'à", "d'ici", "sera", "date butoir",
 * "dernier", "prochain"...).  A year-less date takes the year of @anchor
 * (the article's date) that puts it before @anchor when past, after it
 * when future; a weekday needs a day-precision @anchor and is the latest
 * such day before it when past ("a confirmé lundi"), the next one from it
 * when future ("sera annoncée mardi").  Relative dates ("hier",
 * "avant-hier", "le mois dernier", "l'an dernier", "il y a trois ans",
 * "yesterday", "last year", "10 days ago") count back from @anchor at
 * their unit's precision, when @anchor is that precise.  Expressions that cannot be
 * resolved are left out.  Returns an array of DossierDateMention in text
 * order.  Linear in @len. */
GArray      *dossier_date_scan      (const char        *text,
                                     gsize              len,
                                     const DossierDate *anchor);

/* Infers the date an article was written from its text alone.  @sections
 * (DossierSection, in order, may be NULL) says where comments and page
 * furniture are: comments only help to find the year, furniture only
 * through datelines.
 *
 * A dateline wins over every date of the body: a date after a publication
 * cue on a short line ("Publié le 14/03/2019 à 14h30", "This content was
 * published on March 19, 2023"; an update cue, "Mis à jour le", "Updated",
 * only when there is no other), after a byline ("Par X, le 3 mars 2021"),
 * nearly alone on a line of furniture or of the header, or an agency's
 * ("PARIS, March 3 (Reuters) -"; without its year, the year that puts it
 * on or after the dates the text reports).
 *
 * Otherwise the date is the latest one the text reports as past, at its
 * precision; a past event named by its weekday alone ("s'est retiré
 * dimanche") puts the writing on the next day, the weekday being found
 * from the nearest future date of the text ("jusqu'à Septembre 15th").
 * A deadline said to be near ("la date butoir d'avril 2025 approche")
 * gives its year when no past date of that year is known.
 *
 * Returns FALSE when the text supports no date; @evidence receives the
 * expression that decided. */
gboolean     dossier_date_infer     (const char        *text,
                                     gsize              len,
                                     const GArray      *sections,
                                     DossierDate       *date,
                                     DossierRange      *evidence);

/* dossier_date_infer() then dossier_date_scan() anchored on the date
 * inferred (or on @date as it was, when none is: *@inferred is FALSE),
 * reading the text once. */
GArray      *dossier_date_infer_and_scan (const char   *text,
                                          gsize         len,
                                          const GArray *sections,
                                          DossierDate  *date,
                                          DossierRange *evidence,
                                          gboolean     *inferred);

G_END_DECLS
