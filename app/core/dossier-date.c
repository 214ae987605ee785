/* dossier-date.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-date"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier-date.h"

gboolean
dossier_date_is_known (const DossierDate *date)
{
  return date != NULL && date->precision != DOSSIER_DATE_PRECISION_NONE;
}

char *
dossier_date_to_string (const DossierDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  switch (date->precision)
    {
    case DOSSIER_DATE_PRECISION_YEAR:
      return g_strdup_printf ("%04d", date->year);
    case DOSSIER_DATE_PRECISION_MONTH:
      return g_strdup_printf ("%04d-%02d", date->year, date->month);
    case DOSSIER_DATE_PRECISION_DAY:
      return g_strdup_printf ("%04d-%02d-%02d", date->year, date->month, date->day);
    case DOSSIER_DATE_PRECISION_NONE:
    default:
      return NULL;
    }
}

static gboolean
parse_digits (const char **p,
              guint        n,
              int         *value)
{
  int v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      v = v * 10 + ((*p)[i] - '0');
    }

  *p += n;
  *value = v;
  return TRUE;
}

gboolean
dossier_date_parse_iso (const char  *str,
                        DossierDate *date)
{
  DossierDate d = { 0 };
  const char *p = str;
  int year, month, day;

  g_return_val_if_fail (date != NULL, FALSE);

  if (str == NULL || !parse_digits (&p, 4, &year) || year < 1)
    return FALSE;

  d.year = year;
  d.precision = DOSSIER_DATE_PRECISION_YEAR;

  if (*p == '-')
    {
      p++;
      if (!parse_digits (&p, 2, &month) || month < 1 || month > 12)
        return FALSE;
      d.month = month;
      d.precision = DOSSIER_DATE_PRECISION_MONTH;

      if (*p == '-')
        {
          p++;
          if (!parse_digits (&p, 2, &day) ||
              !g_date_valid_dmy (day, month, year))
            return FALSE;
          d.day = day;
          d.precision = DOSSIER_DATE_PRECISION_DAY;
        }
    }

  if (*p != '\0')
    return FALSE;

  *date = d;
  return TRUE;
}

gboolean
dossier_date_get_span (const DossierDate *date,
                       guint32           *first_julian,
                       guint32           *last_julian)
{
  GDate first, last;
  guint8 month_first, month_last, day_first, day_last;

  g_return_val_if_fail (date != NULL, FALSE);

  if (!dossier_date_is_known (date) || date->year < 1)
    return FALSE;

  month_first = date->precision >= DOSSIER_DATE_PRECISION_MONTH ? date->month : 1;
  month_last = date->precision >= DOSSIER_DATE_PRECISION_MONTH ? date->month : 12;
  day_first = date->precision == DOSSIER_DATE_PRECISION_DAY ? date->day : 1;
  day_last = date->precision == DOSSIER_DATE_PRECISION_DAY
           ? date->day
           : g_date_get_days_in_month (month_last, date->year);

  if (!g_date_valid_dmy (day_first, month_first, date->year) ||
      !g_date_valid_dmy (day_last, month_last, date->year))
    return FALSE;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, day_first, month_first, date->year);
  g_date_set_dmy (&last, day_last, month_last, date->year);

  if (first_julian != NULL)
    *first_julian = g_date_get_julian (&first);
  if (last_julian != NULL)
    *last_julian = g_date_get_julian (&last);

  return TRUE;
}

int
dossier_date_compare (const DossierDate *a,
                      const DossierDate *b)
{
  guint32 fa = 0, fb = 0, la = 0, lb = 0;
  gboolean ka = dossier_date_get_span (a, &fa, &la);
  gboolean kb = dossier_date_get_span (b, &fb, &lb);

  if (!ka || !kb)
    return (int) ka - (int) kb;
  if (fa != fb)
    return fa < fb ? -1 : 1;
  if (la != lb)
    return la < lb ? -1 : 1;
  return 0;
}

GArray *
dossier_date_scan (const char        *text,
                   gsize              len,
                   const DossierDate *anchor)
{
  /* TODO(corpus): French and English date expressions. */
  return g_array_new (FALSE, FALSE, sizeof (DossierDateMention));
}
