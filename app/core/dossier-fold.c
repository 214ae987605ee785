/* dossier-fold.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-fold"

#include "config.h"

#include <string.h>

#include "dossier-fold.h"

/* Folds one character into @out: lower case, base letter without its
 * accents, typographic apostrophes and dashes to ASCII, no-break spaces to
 * a plain space.  Returns the number of bytes written (at most 6). */
static gsize
fold_char (gunichar c,
           char     out[8])
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n;

  switch (c)
    {
    case 0x2019: case 0x2018: case 0x02BC: case 0x00B4: case 0x0060:
      out[0] = '\'';
      return 1;
    case 0x00A0: case 0x202F: case 0x2009: case 0x2007:
      out[0] = ' ';
      return 1;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013:
      out[0] = '-';
      return 1;
    case 0x0153:  /* œ */
    case 0x0152:
      out[0] = 'o';
      out[1] = 'e';
      return 2;
    case 0x00E6:  /* æ */
    case 0x00C6:
      out[0] = 'a';
      out[1] = 'e';
      return 2;
    case 0x00DF:  /* ß */
      out[0] = 's';
      out[1] = 's';
      return 2;
    default:
      break;
    }

  if (c < 0x80)
    {
      out[0] = g_ascii_tolower ((char) c);
      return 1;
    }

  c = g_unichar_tolower (c);
  n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));
  if (n > 0)
    c = decomposed[0];

  return g_unichar_to_utf8 (c, out);
}

DossierFolded *
dossier_folded_new (const char *text,
                    gsize       len)
{
  DossierFolded *folded;
  GString *buf;
  GArray *map;
  const char *p = text;
  const char *end = text + len;

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  buf = g_string_sized_new (len + 1);
  map = g_array_sized_new (FALSE, FALSE, sizeof (gsize), len + 1);

  while (p < end)
    {
      char out[8];
      gsize offset = p - text;
      gunichar c = g_utf8_get_char_validated (p, end - p);
      gsize n;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Invalid bytes (should not happen after loading) stay as they are. */
          out[0] = *p;
          n = 1;
          p++;
        }
      else
        {
          n = fold_char (c, out);
          p = g_utf8_next_char (p);
        }

      g_string_append_len (buf, out, n);
      for (gsize i = 0; i < n; i++)
        g_array_append_val (map, offset);
    }

  g_array_append_val (map, len);

  folded = g_new0 (DossierFolded, 1);
  folded->len = buf->len;
  folded->folded = g_string_free (buf, FALSE);
  folded->map = (gsize *) (gpointer) g_array_free (map, FALSE);

  return folded;
}

void
dossier_folded_free (DossierFolded *folded)
{
  if (folded == NULL)
    return;

  g_free (folded->folded);
  g_free (folded->map);
  g_free (folded);
}

char *
dossier_fold_string (const char *str)
{
  g_return_val_if_fail (str != NULL, NULL);

  return dossier_fold_string_len (str, strlen (str));
}

char *
dossier_fold_string_len (const char *str,
                         gsize       len)
{
  g_autoptr(DossierFolded) folded = NULL;
  GString *out;

  g_return_val_if_fail (str != NULL || len == 0, NULL);

  folded = dossier_folded_new (str, len);

  /* Names compare with white space collapsed and trimmed. */
  out = g_string_sized_new (folded->len);
  for (gsize i = 0; i < folded->len; i++)
    {
      char c = folded->folded[i];

      if (g_ascii_isspace (c))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_c (out, c);
    }
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}
