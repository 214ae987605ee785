/* dossier-sentences.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-sentences"

#include "config.h"

#include <string.h>

#include "dossier-bytes-private.h"
#include "dossier-sentences.h"

/* Words that take a period without ending the sentence.  Compared
 * case-sensitively: "M." is Monsieur, "m." is not. */
static const char * const abbreviations[] = {
  "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Dr", "Drs", "Pr", "Me", "Mgr",
  "St", "Ste", "Sts", "Mr", "Mrs", "Ms", "Jr", "Sr", "Prof", "Gen", "Gén",
  "Cie", "Inc", "Corp", "Ltd", "Co", "Bros", "cf", "Cf", "p", "pp", "vol",
  "Vol", "No", "no", "n", "art", "Art", "av", "bd", "ex", "env", "approx",
  "vs", "éd", "Éd", "ed", "Ed", "coll", "chap", "fig", "Fig", "hab", "min",
  "janv", "févr", "fév", "avr", "juil", "sept", "oct", "nov", "déc",
  "Janv", "Févr", "Fév", "Avr", "Juil", "Sept", "Oct", "Nov", "Déc",
  "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
  "Mt", "Ft", "Gov", "Sen", "Rep", "Pres", "Lt", "Col", "Capt", "Sgt",
};

static gunichar
char_at (const char *text,
         gsize       pos,
         gsize       end)
{
  gunichar c;

  if (pos >= end)
    return 0;
  c = g_utf8_get_char_validated (text + pos, end - pos);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    return 0xFFFD;
  return c;
}

static gsize
next_pos (const char *text,
          gsize       pos,
          gsize       end)
{
  pos++;
  while (pos < end && ((guchar) text[pos] & 0xC0) == 0x80)
    pos++;
  return pos;
}

static gsize
prev_pos (const char *text,
          gsize       pos,
          gsize       start)
{
  if (pos <= start)
    return start;
  pos--;
  while (pos > start && ((guchar) text[pos] & 0xC0) == 0x80)
    pos--;
  return pos;
}

static inline gboolean
is_space (gunichar c)
{
  if (c < 0x80)
    return c == ' ' || (c >= '\t' && c <= '\r');
  return c == 0x202F || c == 0x00A0 || g_unichar_isspace (c);
}

/* Quotes and brackets that close what a sentence opened. */
static gboolean
is_closer (gunichar c)
{
  return c == 0x00BB || c == 0x201D || c == 0x2019 || c == '"' || c == '\'' ||
         c == ')' || c == ']' || c == 0x203A;
}

/* What may never start a sentence: lower case and closing punctuation. */
static gboolean
may_start_sentence (gunichar c)
{
  if (g_unichar_islower (c))
    return FALSE;
  return !(c == ',' || c == ';' || c == ':' || c == ')' || c == ']' ||
           c == 0x00BB || c == 0x201D || c == '%' || c == '.');
}

/* A run of terminal punctuation at @pos: its end, and whether it is an
 * ellipsis or a single period. */
static gsize
terminal_run (const char *text,
              gsize       pos,
              gsize       end,
              gboolean   *ellipsis,
              guint      *n_periods)
{
  gsize p = pos;

  *ellipsis = FALSE;
  *n_periods = 0;

  while (p < end)
    {
      char c = text[p];

      if (c == '.')
        {
          (*n_periods)++;
          p++;
        }
      else if (c == '!' || c == '?')
        p++;
      else if (end - p >= 3 && memcmp (text + p, "\xE2\x80\xA6", 3) == 0)
        {
          *ellipsis = TRUE;
          p += 3;
        }
      else
        break;
    }

  if (*n_periods >= 2)
    *ellipsis = TRUE;

  return p;
}

/* Whether the word that ends at @dot (a single period) is an abbreviation
 * or an initial rather than the last word of a sentence. */
static gboolean
is_abbreviation (const char *text,
                 gsize       start,
                 gsize       dot)
{
  gsize w = dot;
  gsize n_chars = 0;
  gboolean dotted = FALSE;
  gboolean short_segments = TRUE;
  gsize segment = 0;
  gunichar first;

  /* Back to the start of the word: letters, digits, dots and hyphens
   * (hyphens do not count: "J.-C.", "c.-à-d."). */
  while (w > start && dot - w < 64)
    {
      gsize p = prev_pos (text, w, start);
      gunichar c = char_at (text, p, dot);

      if (c == '.')
        {
          dotted = TRUE;
          if (segment > 2)
            short_segments = FALSE;
          segment = 0;
        }
      else if (g_unichar_isalnum (c))
        {
          segment++;
          n_chars++;
        }
      else if (c != '-')
        break;
      w = p;
    }

  if (segment > 2)
    short_segments = FALSE;

  if (n_chars == 0)
    return FALSE;

  first = char_at (text, w, dot);

  /* Initials: "J. R. Tolkien", "Donald J. Trump". */
  if (n_chars == 1 && !dotted && g_unichar_isupper (first))
    return TRUE;

  /* "U.S.", "J.-C.", but not "Musical.ly." */
  if (dotted && short_segments)
    return TRUE;

  if (dotted)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (abbreviations); i++)
    {
      gsize alen;

      /* The first byte rules out most without a strlen(). */
      if (text[w] != abbreviations[i][0])
        continue;
      alen = strlen (abbreviations[i]);
      if (alen == dot - w && memcmp (text + w, abbreviations[i], alen) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
has_content (const char *text,
             gsize       start,
             gsize       end)
{
  for (gsize p = start; p < end; p = next_pos (text, p, end))
    {
      gunichar c = char_at (text, p, end);

      if (g_unichar_isalnum (c))
        return TRUE;
      switch (g_unichar_type (c))
        {
        case G_UNICODE_OTHER_SYMBOL:
        case G_UNICODE_MATH_SYMBOL:
        case G_UNICODE_CURRENCY_SYMBOL:
          return TRUE;
        default:
          break;
        }
    }
  return FALSE;
}

static void
add (const char *text,
     gsize       start,
     gsize       end,
     GArray     *out)
{
  DossierRange range;

  while (start < end && is_space (char_at (text, start, end)))
    start = next_pos (text, start, end);
  while (end > start)
    {
      gsize p = prev_pos (text, end, start);

      if (!is_space (char_at (text, p, end)))
        break;
      end = p;
    }

  if (start >= end || !has_content (text, start, end))
    return;

  range.start = start;
  range.end = end;
  g_array_append_val (out, range);
}

/* The bytes a sentence may end on: . ! ? and the lead byte of "…". */
static const guint8 may_end[256] = { ['.'] = 1, ['!'] = 1, ['?'] = 1, [0xE2] = 1 };

/* The next byte from @i that may end a sentence, or @end: most of a
 * paragraph is skipped eight bytes at a time. */
static gsize
next_candidate (const char *text,
                gsize       i,
                gsize       end)
{
  while (end - i >= 8)
    {
      guint64 x = dossier_bytes_load (text + i);

      if (DOSSIER_BYTES_HAS (x, '.') | DOSSIER_BYTES_HAS (x, '!') | DOSSIER_BYTES_HAS (x, '?') |
          DOSSIER_BYTES_HAS (x, 0xE2))
        break;
      i += 8;
    }
  while (i < end && !may_end[(guchar) text[i]])
    i++;
  return i;
}

void
dossier_sentences_split (const char *text,
                         gsize       start,
                         gsize       end,
                         GArray     *out)
{
  gsize sentence_start = start;
  gsize i = start;

  g_return_if_fail (text != NULL || start == end);
  g_return_if_fail (out != NULL);

  while ((i = next_candidate (text, i, end)) < end)
    {
      gboolean ellipsis;
      guint n_periods;
      gsize run_end, close_end, next;

      if ((guchar) text[i] == 0xE2 && !(end - i >= 3 && memcmp (text + i, "\xE2\x80\xA6", 3) == 0))
        {
          i++;
          continue;
        }

      run_end = terminal_run (text, i, end, &ellipsis, &n_periods);

      /* Closing quotes and brackets stay with the sentence, even across the
       * (non-breaking) space French puts before "»". */
      close_end = run_end;
      for (;;)
        {
          gsize p = close_end;

          gunichar q;

          while (p < end && is_space (char_at (text, p, end)) && text[p] != '\n')
            p = next_pos (text, p, end);
          q = char_at (text, p, end);
          /* After a space only French closers: a straight quote there opens. */
          if (p < end && is_closer (q) &&
              (p == close_end || q == 0x00BB || q == 0x201D || q == 0x203A))
            close_end = next_pos (text, p, end);
          else
            break;
        }

      /* "Musical.ly", "1.0", "https://a.b/c", "?🤔": no space, no end. */
      if (close_end < end && !is_space (char_at (text, close_end, end)))
        {
          i = run_end;
          continue;
        }

      next = close_end;
      while (next < end && is_space (char_at (text, next, end)))
        next = next_pos (text, next, end);

      if (next < end)
        {
          gsize before = prev_pos (text, i, start);
          gunichar prev = i > start ? char_at (text, before, end) : 0;

          gunichar first = char_at (text, next, end);

          /* "à hauteur de... 51 milliards": after an ellipsis only a capital
           * or an opening quote starts a new sentence. */
          if (!may_start_sentence (first) ||
              (ellipsis && !g_unichar_isupper (first) && first != 0x00AB && first != 0x201C) ||
              (n_periods == 1 && run_end == i + 1 && is_abbreviation (text, start, i)) ||
              (ellipsis && (prev == '[' || prev == '(')))
            {
              i = run_end;
              continue;
            }
        }

      add (text, sentence_start, close_end, out);
      sentence_start = close_end;
      i = next > close_end ? next : close_end;
    }

  add (text, sentence_start, end, out);
}
