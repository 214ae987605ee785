/* fuzz-date.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The date scanner and the ISO date parser.  The scanner gets valid UTF-8
 * (the article reader's promise) in a buffer exactly @len long, so reading
 * past text[len) is caught; its anchor year comes from the input's length
 * so that the seed texts stay plain prose. */

#define G_LOG_DOMAIN "fuzz-date"

#include "config.h"

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_autofree char *exact = NULL;
  g_autofree char *str = NULL;
  g_autoptr(GArray) dates = NULL;
  DossierDate anchor = { 0 };
  DossierDate parsed = { 0 };
  gsize len;

  fuzz_init_logging ();

  text = fuzz_make_utf8 (data, size);
  len = strlen (text);
  exact = g_malloc (MAX (len, 1));
  memcpy (exact, text, len);

  switch (size % 3)
    {
    case 0:
      break;
    case 1:
      anchor.year = 2020;
      anchor.precision = DOSSIER_DATE_PRECISION_YEAR;
      break;
    default:
      anchor.year = 1999 + (gint16) (size % 31);
      anchor.month = 1 + size % 12;
      anchor.day = 1 + size % 28;
      anchor.precision = DOSSIER_DATE_PRECISION_DAY;
      break;
    }

  dates = dossier_date_scan (exact, len, &anchor);
  fuzz_check_date_mentions (text, len, dates);

  for (guint i = 0; i + 1 < dates->len; i++)
    {
      const DossierDate *a = &g_array_index (dates, DossierDateMention, i).date;
      const DossierDate *b = &g_array_index (dates, DossierDateMention, i + 1).date;

      g_assert_cmpint (dossier_date_compare (a, b), ==, -dossier_date_compare (b, a));
      g_assert_cmpint (dossier_date_compare (a, a), ==, 0);
    }

  /* The ISO parser: whatever it accepts is a valid date that prints back
   * the same way. */
  str = g_strndup ((const char *) data, size);
  if (dossier_date_parse_iso (str, &parsed))
    {
      g_autofree char *iso = dossier_date_to_string (&parsed);
      guint32 first = 0, last = 0;

      fuzz_check_date (&parsed);
      g_assert_cmpstr (iso, ==, str);
      g_assert_true (dossier_date_get_span (&parsed, &first, &last));
      g_assert_cmpuint (first, <=, last);
    }

  return 0;
}
