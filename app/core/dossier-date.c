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

#include "dossier-article.h"
#include "dossier-date.h"
#include "dossier-fold.h"

gboolean
dossier_date_is_known (const DossierDate *date)
{
  return date != NULL && date->precision != DOSSIER_DATE_PRECISION_NONE;
}

/* Writes @value in at least @width digits at @p, as "%0*u"; returns the end. */
static char *
put_digits (char *p,
            guint value,
            guint width)
{
  guint n = 1;

  for (guint v = value; v >= 10; v /= 10)
    n++;
  n = MAX (n, width);
  for (guint i = n; i-- > 0; value /= 10)
    p[i] = '0' + value % 10;
  return p + n;
}

gboolean
dossier_date_write_iso (const DossierDate *date,
                        char               buf[DOSSIER_DATE_ISO_SIZE])
{
  char *p = buf;

  g_return_val_if_fail (date != NULL, FALSE);

  if (date->precision <= DOSSIER_DATE_PRECISION_NONE || date->precision > DOSSIER_DATE_PRECISION_DAY)
    return FALSE;
  /* A year below 0 (never from a text) as printf writes it. */
  if (date->year < 0)
    {
      g_snprintf (buf, DOSSIER_DATE_ISO_SIZE, "%04d", date->year);
      p = buf + strlen (buf);
    }
  else
    p = put_digits (p, date->year, 4);

  /* Digits written by hand: JSON writes one per passage. */
  if (date->precision >= DOSSIER_DATE_PRECISION_MONTH)
    {
      *p++ = '-';
      p = put_digits (p, date->month, 2);
    }
  if (date->precision >= DOSSIER_DATE_PRECISION_DAY)
    {
      *p++ = '-';
      p = put_digits (p, date->day, 2);
    }
  *p = '\0';
  return TRUE;
}

char *
dossier_date_to_string (const DossierDate *date)
{
  char buf[DOSSIER_DATE_ISO_SIZE];

  g_return_val_if_fail (date != NULL, NULL);

  return dossier_date_write_iso (date, buf) ? g_strdup (buf) : NULL;
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

static inline gboolean
is_leap_year (int year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static guint
days_in_month (guint month,
               int   year)
{
  static const guint8 days[13] = { 0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  return days[month] + (month == 2 && is_leap_year (year));
}

/* GDate's Julian day (1 January of year 1 is day 1) of a valid date,
 * without a GDate: the filter asks for a span for every passage. */
static guint32
julian_day (int   year,
            guint month,
            guint day)
{
  static const guint16 before[13] = { 0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };
  guint32 y = (guint32) year - 1;

  return y * 365 + y / 4 - y / 100 + y / 400 + before[month] +
         (month > 2 && is_leap_year (year)) + day;
}

gboolean
dossier_date_get_span (const DossierDate *date,
                       guint32           *first_julian,
                       guint32           *last_julian)
{
  guint month_first, month_last, day_first, day_last;

  g_return_val_if_fail (date != NULL, FALSE);

  if (!dossier_date_is_known (date) || date->year < 1)
    return FALSE;

  month_first = date->precision >= DOSSIER_DATE_PRECISION_MONTH ? date->month : 1;
  month_last = date->precision >= DOSSIER_DATE_PRECISION_MONTH ? date->month : 12;
  if (month_first < 1 || month_last > 12)
    return FALSE;
  day_first = date->precision == DOSSIER_DATE_PRECISION_DAY ? date->day : 1;
  day_last = date->precision == DOSSIER_DATE_PRECISION_DAY
           ? date->day
           : days_in_month (month_last, date->year);

  if (day_first < 1 || day_last < 1 ||
      day_first > days_in_month (month_first, date->year) ||
      day_last > days_in_month (month_last, date->year))
    return FALSE;

  if (first_julian != NULL)
    *first_julian = julian_day (date->year, month_first, day_first);
  if (last_julian != NULL)
    *last_julian = julian_day (date->year, month_last, day_last);

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

DossierDate
dossier_date_add_days (const DossierDate *date,
                       int                days)
{
  DossierDate ret = *date;
  GDate d;

  if (date->precision != DOSSIER_DATE_PRECISION_DAY ||
      !g_date_valid_dmy (date->day, date->month, date->year))
    return ret;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, date->day, date->month, date->year);
  if (days >= 0)
    g_date_add_days (&d, days);
  else
    g_date_subtract_days (&d, -days);

  ret.year = g_date_get_year (&d);
  ret.month = g_date_get_month (&d);
  ret.day = g_date_get_day (&d);
  return ret;
}

/* ------------------------------------------------------------------ */
/* Scanning */

#define MAX_WORD 24

typedef struct
{
  gsize start;
  gsize end;
  char  folded[MAX_WORD + 1];  /* lower case, Latin-1 accents stripped */
  guint number;                /* value of a leading run of digits */
  guint n_digits;
  const char *suffix;          /* letters after the digits, in folded */
  gboolean capital;
  guint32  info;               /* what the word may be: see word_info() */
} Word;

/* A date expression before resolution: fields not said are 0. */
typedef struct
{
  gsize    start;
  gsize    end;
  int      year;
  int      month;
  int      day;
  int      weekday;   /* GDateWeekday: 1 Monday .. 7 Sunday */
  gboolean future;
  gboolean near;      /* "approche", "imminent" */
  /* Relative to the article's date ("hier", "il y a trois ans"): so many
   * units back, at that unit's precision; 0 for an absolute date. */
  int                  back;
  DossierDatePrecision back_unit;
  /* "03/04/2021": both orders valid, settled for the whole text by
   * settle_numeric_order(); NUMERIC_DAY_FIRST / NUMERIC_MONTH_FIRST when
   * only one order makes sense ("14/03/2019", "12/31/2020"). */
  guint8               numeric;
} RawDate;

enum { NUMERIC_NONE, NUMERIC_DAY_FIRST, NUMERIC_MONTH_FIRST, NUMERIC_EITHER };

static const char * const months_fr[] = {
  "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout",
  "septembre", "octobre", "novembre", "decembre",
};
static const char * const months_fr_abbr[] = {
  "janv", "fevr", "mars", "avr", "mai", "juin", "juil", "aout",
  "sept", "oct", "nov", "dec",
};
static const char * const months_en[] = {
  "january", "february", "march", "april", "may", "june", "july", "august",
  "september", "october", "november", "december",
};
static const char * const months_en_abbr[] = {
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
  "sep", "oct", "nov", "dec",
};
static const char * const weekdays_fr[] = {
  "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
};
static const char * const weekdays_en[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};

/* Words after which a bare month or year is a date: "en août", "mi-août",
 * "depuis 2022", "cette année 2020". */
static const char * const date_cues[] = {
  "en", "in", "depuis", "since", "annee", "year", "d", "debut", "fin", "mi",
  "avant", "apres", "before", "after", "printemps", "ete", "automne",
  "hiver", "spring", "summer", "autumn", "fall", "winter", "of", "an",
  "courant", "early", "late", "mid", "until", "jusqu", "from", "during",
  "durant",
};

/* Words of a clause that put its date in the future. */
static const char * const future_cues[] = {
  "jusqu'", "d'ici", "date butoir", "echeance", "deadline", "until", "sera",
  "seront", "devra", "devront", "doit", "doivent", "va", "vont", "will",
  "shall", "prevu", "prevue", "prevus", "prevues", "attendu", "attendue",
  "expected", "scheduled", "is due", "a venir", "aura", "auront", "pourra",
  "pourront", "fera", "feront", "prochain", "prochaine", "next", "upcoming",
};
static const char * const past_cues[] = {
  "depuis", "since", "il y a",
};
/* Words right after a date that say which side of now it is on. */
static const char * const after_future_cues[] = {
  "prochain", "prochaine", "next",
};
static const char * const after_past_cues[] = {
  "dernier", "derniere", "last", "ago", "passe", "passee",
};
static const char * const near_cues[] = {
  "approche", "approchent", "approaching", "approaches", "imminent",
  "imminente", "looms", "looming", "se rapproche",
};
/* Words before the publication date on its line, and before the date of
 * the last change. */
static const char * const dateline_cues[] = {
  "publie", "mis en ligne", "published", "posted", "date", "paru", "parution",
  "publication", "cree", "edite",
};
static const char * const update_cues[] = {
  "mis a jour", "mise a jour", "updated", "modifie", "modified", "actualise",
  "revised",
};
/* Words of a time beside a date ("à 14h30", "10:45 AM ET", "le", "on"). */
static const char * const time_words[] = {
  "a", "h", "le", "at", "am", "pm", "et", "gmt", "utc", "cet", "cest", "bst",
  "est", "edt", "pst", "pdt", "heure", "heures", "hrs", "on", "mon", "tue",
  "wed", "thu", "fri", "sat", "sun", "lun", "mar", "mer", "jeu", "ven", "sam",
  "dim", "m", "z",
};

/* Folds one character into @out (at most 4 bytes), for matching only:
 * ASCII lower case, Latin-1 letters without accents, ’ as '. */
static gsize
fold_char (const char *p,
           gsize       avail,
           char       *out,
           gsize      *consumed)
{
  guchar c = (guchar) p[0];

  if (c < 0x80)
    {
      *consumed = 1;
      out[0] = (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
      return 1;
    }

  if (c == 0xC3 && avail >= 2)
    {
      static const char latin1[] =
        /* 0x80 .. 0xBF after 0xC3: À..ÿ */
        "aaaaaaaceeeeiiii" "dnooooo*ouuuuyts"
        "aaaaaaaceeeeiiii" "dnooooo/ouuuuyty";
      guchar d = (guchar) p[1];

      if (d >= 0x80 && d <= 0xBF)
        {
          *consumed = 2;
          out[0] = latin1[d - 0x80];
          return 1;
        }
    }

  if (c == 0xE2 && avail >= 3 && (guchar) p[1] == 0x80 &&
      ((guchar) p[2] == 0x99 || (guchar) p[2] == 0x98))
    {
      *consumed = 3;
      out[0] = '\'';
      return 1;
    }

  /* Other characters: copied whole. */
  {
    gsize n = 1;

    while (n < avail && n < 4 && ((guchar) p[n] & 0xC0) == 0x80)
      n++;
    memcpy (out, p, n);
    *consumed = n;
    return n;
  }
}

static inline gboolean
is_word_byte (const char *text,
              gsize       pos,
              gsize       len)
{
  guchar c = (guchar) text[pos];

  if (g_ascii_isalnum (c))
    return TRUE;
  /* Latin-1 letters (all of U+00C0..U+00FF but × and ÷) and general
   * punctuation (U+2000..U+203F: ’ “ — …), the commonest outside ASCII,
   * without decoding them. */
  if (c == 0xC3 && pos + 1 < len && (guchar) text[pos + 1] >= 0x80 && (guchar) text[pos + 1] <= 0xBF)
    return (guchar) text[pos + 1] != 0x97 && (guchar) text[pos + 1] != 0xB7;
  if (c == 0xE2 && pos + 2 < len && (guchar) text[pos + 1] == 0x80 &&
      ((guchar) text[pos + 2] & 0xC0) == 0x80)
    return FALSE;
  if (c >= 0x80)
    {
      gunichar u = g_utf8_get_char_validated (text + pos, len - pos);

      return u != (gunichar) -1 && u != (gunichar) -2 && g_unichar_isalnum (u);
    }
  return FALSE;
}

static gsize
skip_char (const char *text,
           gsize       pos,
           gsize       len)
{
  pos++;
  while (pos < len && ((guchar) text[pos] & 0xC0) == 0x80)
    pos++;
  return pos;
}

/* One hash lookup per word says all it may be, packed: month in French,
 * French abbreviation, English, English abbreviation (4 bits each),
 * weekday (3 bits), date cue (1 bit), first word of a relative date
 * (1 bit). */
#define INFO_MONTH_FR(i)      ((i) & 0xF)
#define INFO_MONTH_FR_ABBR(i) (((i) >> 4) & 0xF)
#define INFO_MONTH_EN(i)      (((i) >> 8) & 0xF)
#define INFO_MONTH_EN_ABBR(i) (((i) >> 12) & 0xF)
#define INFO_WEEKDAY(i)       (((i) >> 16) & 0x7)
#define INFO_CUE              (1u << 19)
#define INFO_RELATIVE         (1u << 20)

/* The words a relative date starts with (see match_relative()): "hier",
 * "le mois dernier", "il y a trois ans", "three years ago". */
static const char * const relative_words[] = {
  "hier", "yesterday", "avant", "last", "il", "mois", "month", "months", "an",
  "annee", "year", "years", "one", "two", "three", "four", "five", "six",
  "seven", "eight", "nine", "ten",
};

/* Open addressing on dossier_fold_hash(): about 120 words in 512 slots,
 * looked up without a NUL-terminated key or a call to a hash function. */
#define WORD_SLOTS 512

typedef struct
{
  const char *word;  /* NULL: empty */
  guint       len;
  guint32     info;
} WordSlot;

typedef struct
{
  WordSlot    slots[WORD_SLOTS];
  /* Bit c of prefixes[a][b] is set when a word of the table starts with
   * letters a, b, c (0..25 for 'a'..'z'; 26 where the word ends). */
  guint32     prefixes[26][27];
  /* By byte: 1 for an ASCII letter or digit, 2 for other ASCII (white
   * space, punctuation), 0 beyond ASCII: the scan loop's tests. */
  guint8      ascii[256];
} WordTable;

#define ASCII_WORD 1
#define ASCII_GAP  2

static WordSlot *
word_slot (const WordTable *table,
           const char      *word,
           gsize            len)
{
  for (guint k = dossier_fold_hash (word, len) & (WORD_SLOTS - 1);; k = (k + 1) & (WORD_SLOTS - 1))
    {
      const WordSlot *slot = &table->slots[k];

      if (slot->word == NULL || (slot->len == len && memcmp (slot->word, word, len) == 0))
        return (WordSlot *) slot;
    }
}

/* Letter @i of @word (lower-case ASCII) as 0..25, or 26 past its end. */
static guint
letter_or_end (const char *word,
               guint       i)
{
  for (guint k = 0; k < i; k++)
    if (word[k] == '\0')
      return 26;
  return word[i] != '\0' ? (guint) (word[i] - 'a') : 26;
}

/* Adds @words with their index (modulo @modulo) + 1 at @shift, or with
 * @flag when @flag is not 0. */
static void
add_info (WordTable          *table,
          const char * const *words,
          guint               n,
          guint               shift,
          guint               modulo,
          guint32             flag)
{
  for (guint i = 0; i < n; i++)
    {
      WordSlot *slot = word_slot (table, words[i], strlen (words[i]));

      slot->word = words[i];
      slot->len = strlen (words[i]);
      slot->info |= flag != 0 ? flag : ((i % modulo) + 1) << shift;
      table->prefixes[words[i][0] - 'a'][letter_or_end (words[i], 1)] |= 1u << letter_or_end (words[i], 2);
    }
}

static const WordTable *
word_table (void)
{
  static WordTable *table;

  if (g_once_init_enter (&table))
    {
      WordTable *t = g_new0 (WordTable, 1);

      add_info (t, months_fr, G_N_ELEMENTS (months_fr), 0, 12, 0);
      add_info (t, months_fr_abbr, G_N_ELEMENTS (months_fr_abbr), 4, 12, 0);
      add_info (t, months_en, G_N_ELEMENTS (months_en), 8, 12, 0);
      add_info (t, months_en_abbr, G_N_ELEMENTS (months_en_abbr), 12, 12, 0);
      add_info (t, weekdays_fr, G_N_ELEMENTS (weekdays_fr), 16, 7, 0);
      add_info (t, weekdays_en, G_N_ELEMENTS (weekdays_en), 16, 7, 0);
      add_info (t, date_cues, G_N_ELEMENTS (date_cues), 0, 1, INFO_CUE);
      add_info (t, relative_words, G_N_ELEMENTS (relative_words), 0, 1, INFO_RELATIVE);
      for (guint c = 0; c < 0x80; c++)
        t->ascii[c] = g_ascii_isalnum (c) ? ASCII_WORD : ASCII_GAP;
      g_once_init_leave (&table, t);
    }

  return table;
}

/* The letter at @p folded to 0..25 ('a'..'z', Latin-1 accents stripped),
 * 26 at the end of the word, 27 for anything else; *next is the byte after. */
static inline guint
letter_at (const char *text,
           gsize       p,
           gsize       len,
           gsize      *next)
{
  guchar c = p < len ? (guchar) text[p] : 0;

  *next = p + 1;
  if (c >= 'a' && c <= 'z')
    return c - 'a';
  if (c >= 'A' && c <= 'Z')
    return c - 'A';
  if (c == 0xC3 && p + 1 < len && (guchar) text[p + 1] >= 0x80 && (guchar) text[p + 1] <= 0xBF)
    {
      char out[4];
      gsize consumed;

      fold_char (text + p, len - p, out, &consumed);
      *next = p + consumed;
      return out[0] >= 'a' && out[0] <= 'z' ? (guint) (out[0] - 'a') : 27;
    }
  if (g_ascii_isdigit (c) || (c >= 0x80 && is_word_byte (text, p, len)))
    return 27;
  return 26;
}

/* Whether the word at @p may be one of the word table's: checked on its
 * first three letters, without folding the word or hashing it ("the",
 * "and", "de", "la" stop there). */
static gboolean
may_be_table_word (const WordTable *table,
                   const char      *text,
                   gsize            p,
                   gsize            len)
{
  gsize next;
  guint a = letter_at (text, p, len, &next), b, c;

  if (a >= 26)
    return FALSE;
  b = letter_at (text, next, len, &next);
  if (b > 26)
    return FALSE;
  if (b == 26)
    return table->prefixes[a][26] != 0;
  c = letter_at (text, next, len, &next);
  /* 27 is a character next_word() may or may not end the word on ("×"):
   * left to it. */
  return c == 27 ? table->prefixes[a][b] != 0 : (table->prefixes[a][b] & (1u << c)) != 0;
}

/* The word starting at or after @from; FALSE at the end of the text. */
static gboolean
next_word (const char *text,
           gsize       len,
           gsize       from,
           Word       *w)
{
  gsize p = from;
  gsize n = 0;

  while (p < len && !is_word_byte (text, p, len))
    p = skip_char (text, p, len);
  if (p >= len)
    return FALSE;

  w->start = p;
  w->number = 0;
  w->n_digits = 0;
  w->capital = (guchar) text[p] < 0x80
               ? g_ascii_isupper (text[p])
               : g_unichar_isupper (g_utf8_get_char_validated (text + p, len - p));

  while (p < len && g_ascii_isdigit (text[p]))
    {
      if (w->n_digits < 6)
        w->number = w->number * 10 + (text[p] - '0');
      w->n_digits++;
      if (n < MAX_WORD)
        w->folded[n++] = text[p];
      p++;
    }

  while (p < len && is_word_byte (text, p, len))
    {
      char out[4];
      gsize consumed;
      gsize k;

      /* ASCII letters, the most of them, without a call. */
      if ((guchar) text[p] < 0x80 && n < MAX_WORD)
        {
          char c = text[p++];

          w->folded[n++] = c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
          continue;
        }
      k = fold_char (text + p, len - p, out, &consumed);
      if (n + k <= MAX_WORD)
        {
          memcpy (w->folded + n, out, k);
          n += k;
        }
      else
        n = MAX_WORD + 1;  /* too long to be a date word */
      p += consumed;
    }

  w->end = p;
  if (n > MAX_WORD)
    n = MAX_WORD;
  w->folded[n] = '\0';
  w->suffix = w->folded + MIN (w->n_digits, n);
  w->info = w->n_digits == 0 && n >= 1 && n <= 10
          ? word_slot (word_table (), w->folded, n)->info
          : 0;
  return TRUE;
}

/* The scan loop's next word: one that cannot start a date (no digit, and
 * its first letters begin no word of the tables) is stepped over without
 * being folded or looked up, and comes back empty (info 0, folded ""). */
static gboolean
next_scan_word (const WordTable *table,
                const char      *text,
                gsize            len,
                gsize            from,
                Word            *w)
{
  const guint8 *ascii = table->ascii;
  gsize p = from;

  /* ASCII between words and inside them, most of the text, on one table
   * look-up a byte; the rest through is_word_byte(). */
  for (;;)
    {
      while (p < len && ascii[(guchar) text[p]] == ASCII_GAP)
        p++;
      if (p >= len || is_word_byte (text, p, len))
        break;
      p = skip_char (text, p, len);
    }
  if (p >= len)
    return FALSE;
  if (g_ascii_isdigit (text[p]) || may_be_table_word (table, text, p, len))
    return next_word (text, len, p, w);

  w->start = p;
  for (;;)
    {
      while (p < len && ascii[(guchar) text[p]] == ASCII_WORD)
        p++;
      if (p >= len || !is_word_byte (text, p, len))
        break;
      p = skip_char (text, p, len);
    }
  w->end = p;
  w->folded[0] = '\0';
  w->suffix = w->folded;
  w->number = 0;
  w->n_digits = 0;
  w->capital = FALSE;
  w->info = 0;
  return TRUE;
}

#define LOOKUP(word, list) dossier_fold_find_word ((word), (list), G_N_ELEMENTS (list))


/* Only white space (and at most one comma when @comma) between @a and @b. */
static gboolean
gap_is_space (const char *text,
              gsize       a,
              gsize       b,
              gboolean    comma)
{
  guint commas = 0;

  if (b - a > 12 || a == b)
    return FALSE;

  for (gsize p = a; p < b; )
    {
      guchar c = (guchar) text[p];

      if (c == ' ' || c == '\t')
        p++;
      else if (c == ',' && comma && commas++ == 0)
        p++;
      else if (c == 0xC2 && p + 1 < b && (guchar) text[p + 1] == 0xA0)
        p += 2;
      else if (c == 0xE2 && p + 2 < b && (guchar) text[p + 1] == 0x80 &&
               ((guchar) text[p + 2] == 0xAF || (guchar) text[p + 2] == 0x89))
        p += 3;
      else
        return FALSE;
    }
  return TRUE;
}

/* The month a word names, 1..12, or 0.  Abbreviations need their period
 * in French ("sept." and not "sept ans"); English names need a capital
 * ("May 2020", not "may"). */
static int
month_of (const char *text,
          gsize       len,
          const Word *w,
          gsize      *end)
{
  int m;

  if (w->n_digits > 0 || w->info == 0)
    return 0;
  *end = w->end;
  if ((m = INFO_MONTH_FR (w->info)) != 0)
    return m;
  if ((m = INFO_MONTH_EN (w->info)) != 0 && w->capital)
    return m;
  if (w->end < len && text[w->end] == '.')
    {
      *end = w->end + 1;
      if ((m = INFO_MONTH_FR_ABBR (w->info)) != 0)
        return m;
      if ((m = INFO_MONTH_EN_ABBR (w->info)) != 0 && w->capital)
        return m;
    }
  return 0;
}

/* A capitalised abbreviation without its period ("Mar 3, 2021", "3 Dec
 * 2023", "Sept 3"): a month only next to a day or a year, which the
 * caller checks. */
static int
bare_month_of (const Word *w,
               gsize      *end)
{
  int m;

  if (w->n_digits > 0 || !w->capital)
    return 0;
  *end = w->end;
  if ((m = INFO_MONTH_EN_ABBR (w->info)) != 0)
    return m;
  return INFO_MONTH_FR_ABBR (w->info);
}

static int
weekday_of (const Word *w)
{
  if (w->n_digits > 0)
    return 0;
  return INFO_WEEKDAY (w->info);
}

static int
day_of (const Word *w)
{
  static const char * const suffixes[] = { "", "er", "re", "e", "st", "nd", "rd", "th" };

  if (w->n_digits == 0 || w->n_digits > 2 || w->number < 1 || w->number > 31)
    return 0;
  if (LOOKUP (w->suffix, suffixes) < 0)
    return 0;
  return w->number;
}

static int
year_of (const Word *w)
{
  if (w->n_digits != 4 || w->suffix[0] != '\0' ||
      w->number < 1900 || w->number > 2099)
    return 0;
  return w->number;
}

/* An end of clause: where the words about one date stop. */
static gboolean
is_clause_break (const char *text,
                 gsize       pos,
                 gsize       len)
{
  guchar c = (guchar) text[pos];

  switch (c)
    {
    case '.': case '!': case '?': case ';': case ':': case ',': case '\n':
    case '(': case ')': case '[': case ']': case '"':
      return TRUE;
    case 0xC2:  /* « » */
      return pos + 1 < len && ((guchar) text[pos + 1] == 0xAB || (guchar) text[pos + 1] == 0xBB);
    case 0xE2:  /* “ ” … */
      return pos + 2 < len && (guchar) text[pos + 1] == 0x80 &&
             ((guchar) text[pos + 2] == 0x9C || (guchar) text[pos + 2] == 0x9D ||
              (guchar) text[pos + 2] == 0xA6);
    default:
      return FALSE;
    }
}

/* Folds @text[@a, @b) into @buf (NUL-terminated, at most @size - 1 bytes). */
static void
fold_span (const char *text,
           gsize       a,
           gsize       b,
           char       *buf,
           gsize       size)
{
  gsize n = 0;

  while (a < b && n + 4 < size)
    {
      gsize consumed;

      n += fold_char (text + a, b - a, buf + n, &consumed);
      a += consumed;
    }
  buf[n] = '\0';
}

/* Whether a cue of @cues starts at a word start of @buf.  Checked at word
 * starts only, against the cues of the same first letter. */
static gboolean
has_cue (const char         *buf,
         const char * const *cues,
         guint               n_cues)
{
  for (const char *p = buf; *p != '\0'; p++)
    {
      if (p > buf && g_ascii_isalpha (p[-1]))
        continue;

      for (guint i = 0; i < n_cues; i++)
        {
          gsize clen;

          if (cues[i][0] != *p)
            continue;
          clen = strlen (cues[i]);
          if (strncmp (p, cues[i], clen) == 0 &&
              (cues[i][clen - 1] == '\'' || !g_ascii_isalpha (p[clen])))
            return TRUE;
        }
    }
  return FALSE;
}

#define HAS_CUE(buf, list) has_cue ((buf), (list), G_N_ELEMENTS (list))

/* Reads the tense of the clause around @raw. */
static void
read_tense (const char *text,
            gsize       len,
            RawDate    *raw)
{
  char before[200], after[120], next[40];
  gsize a = raw->start, b = raw->end;

  while (a > 0 && raw->start - a < 150 && !is_clause_break (text, a - 1, len))
    a--;
  while (b < len && b - raw->end < 80 && !is_clause_break (text, b, len))
    b++;

  fold_span (text, a, raw->start, before, sizeof before);
  fold_span (text, raw->end, b, after, sizeof after);
  fold_span (text, raw->end, MIN (b, raw->end + 16), next, sizeof next);

  raw->near = HAS_CUE (after, near_cues) || HAS_CUE (before, near_cues);
  raw->future = raw->near ||
                HAS_CUE (before, future_cues) ||
                HAS_CUE (next, after_future_cues);

  /* "lundi dernier", "depuis 2022": past whatever else the clause says. */
  if (HAS_CUE (before, past_cues) || HAS_CUE (next, after_past_cues))
    raw->future = raw->near = FALSE;
}

/* "2020-09-14" at @w (a four-digit word). */
static gboolean
match_iso (const char *text,
           gsize       len,
           const Word *w,
           RawDate    *raw)
{
  gsize p = w->end;
  int year = year_of (w);
  int month, day;

  if (year == 0 || p + 6 > len || text[p] != '-' ||
      !g_ascii_isdigit (text[p + 1]) || !g_ascii_isdigit (text[p + 2]) || text[p + 3] != '-' ||
      !g_ascii_isdigit (text[p + 4]) || !g_ascii_isdigit (text[p + 5]) ||
      (p + 6 < len && g_ascii_isalnum (text[p + 6]) &&
       !(text[p + 6] == 'T' && p + 7 < len && g_ascii_isdigit (text[p + 7]))))  /* "2021-03-03T10:45" */
    return FALSE;

  month = (text[p + 1] - '0') * 10 + (text[p + 2] - '0');
  day = (text[p + 4] - '0') * 10 + (text[p + 5] - '0');
  if (month < 1 || month > 12 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  raw->year = year;
  raw->month = month;
  raw->day = day;
  raw->end = p + 6;
  return TRUE;
}

/* "14/09/2020", "14.09.2020", "14-09-2020", "14/09/20" at @w (a one or two-digit word);
 * read day first unless only month first makes sense; when both do, the
 * order is settled later for the whole text (settle_numeric_order()). */
static gboolean
match_numeric (const char *text,
               gsize       len,
               const Word *w,
               RawDate    *raw)
{
  gsize p = w->end;
  int a = w->number, b = 0, year = 0;
  guint nb = 0, ny = 0;
  char sep;

  if (w->n_digits > 2 || w->suffix[0] != '\0' || p >= len)
    return FALSE;
  sep = text[p];
  if (sep != '/' && sep != '.' && sep != '-')
    return FALSE;
  p++;
  while (p < len && g_ascii_isdigit (text[p]) && nb < 3)
    b = b * 10 + (text[p++] - '0'), nb++;
  if (nb == 0 || nb > 2 || p >= len || text[p] != sep)
    return FALSE;
  p++;
  while (p < len && g_ascii_isdigit (text[p]) && ny < 5)
    year = year * 10 + (text[p++] - '0'), ny++;
  /* "14/03/19" as web pages print it; only with slashes and two digits
   * each, not "1.2.19" (a version). */
  if (ny == 2 && sep == '/' && w->n_digits == 2 && nb == 2)
    year += 2000;
  else if (ny != 4)
    return FALSE;
  if ((p < len && g_ascii_isalnum (text[p])) || year < 1900 || year > 2099)
    return FALSE;

  raw->numeric = a == b ? NUMERIC_DAY_FIRST : NUMERIC_EITHER;
  if (b > 12 && a <= 12)
    {
      int t = a;
      a = b;
      b = t;
      raw->numeric = NUMERIC_MONTH_FIRST;
    }
  else if (a > 12)
    raw->numeric = NUMERIC_DAY_FIRST;
  if (b < 1 || b > 12 || !g_date_valid_dmy (a, b, year))
    return FALSE;

  raw->year = year;
  raw->month = b;
  raw->day = a;
  raw->end = p;
  return TRUE;
}

/* Tries the expressions that start with @w; on success fills @raw and
 * returns TRUE. */
static gboolean
match_at (const char *text,
          gsize       len,
          const Word *prev,
          const Word *w,
          RawDate    *raw)
{
  Word n1, n2;
  gboolean h1, h2;
  int month, day, weekday, year;
  gsize mend, after;

  memset (raw, 0, sizeof *raw);
  raw->start = w->start;
  raw->end = w->end;

  /* Most words start no date: look ahead only for those that may. */
  if (w->info == 0 && w->n_digits == 0)
    return FALSE;

  h1 = next_word (text, len, w->end, &n1);
  h2 = h1 && next_word (text, len, n1.end, &n2);

  /* Weekday, alone or before a full date: "dimanche", "lundi 14 septembre". */
  if ((weekday = weekday_of (w)) != 0)
    {
      /* "lundi 14 septembre", "Monday, March 4, 2019". */
      if (h2 && gap_is_space (text, w->end, n1.start, TRUE) &&
          ((day_of (&n1) && gap_is_space (text, n1.end, n2.start, FALSE) &&
            month_of (text, len, &n2, &mend)) ||
           month_of (text, len, &n1, &mend)))
        {
          RawDate inner;

          if (match_at (text, len, NULL, &n1, &inner) && inner.day != 0)
            {
              inner.start = w->start;
              inner.weekday = weekday;
              *raw = inner;
              return TRUE;
            }
        }
      raw->weekday = weekday;
      return TRUE;
    }

  /* Day then month: "6 août", "1er août 2020", "19 February 2021", "3 Dec 2023". */
  if ((day = day_of (w)) != 0 && h1 &&
      gap_is_space (text, w->end, n1.start, FALSE) &&
      ((month = month_of (text, len, &n1, &mend)) != 0 ||
       (month = bare_month_of (&n1, &mend)) != 0))
    {
      raw->day = day;
      raw->month = month;
      raw->end = mend;
      if (h2 && gap_is_space (text, raw->end, n2.start, TRUE) &&
          (year = year_of (&n2)) != 0)
        {
          raw->year = year;
          raw->end = n2.end;
        }
      return day <= (month == 2 ? 29 : 31);
    }

  if ((month = month_of (text, len, w, &after)) != 0 ||
      (month = bare_month_of (w, &after)) != 0)
    {
      gboolean bare = month_of (text, len, w, &mend) == 0;

      raw->month = month;
      raw->end = after;

      /* Month then day: "February 19, 2021", "Septembre 15th". */
      if (h1 && gap_is_space (text, after, n1.start, FALSE) && (day = day_of (&n1)) != 0 &&
          !(h2 && gap_is_space (text, n1.end, n2.start, FALSE) && month_of (text, len, &n2, &mend)))
        {
          raw->day = day;
          raw->end = n1.end;
          if (h2 && gap_is_space (text, n1.end, n2.start, TRUE) && (year = year_of (&n2)) != 0)
            {
              raw->year = year;
              raw->end = n2.end;
            }
          return day <= (month == 2 ? 29 : 31);
        }

      /* Month then year: "avril 2025". */
      if (h1 && gap_is_space (text, after, n1.start, TRUE) && (year = year_of (&n1)) != 0)
        {
          raw->year = year;
          raw->end = n1.end;
          return TRUE;
        }

      /* A month alone only after a cue: "en août", "mi-août", "d'avril". */
      if (!bare && prev != NULL && (prev->info & INFO_CUE) && w->start - prev->end <= 4)
        {
          if (strcmp (prev->folded, "mi") == 0)
            raw->start = prev->start;
          return TRUE;
        }
      return FALSE;
    }

  if (w->n_digits == 4 && match_iso (text, len, w, raw))
    return TRUE;
  if (w->n_digits <= 2 && w->n_digits > 0 && match_numeric (text, len, w, raw))
    return TRUE;

  /* A year alone after a cue: "en 2017", "depuis 2022", "année 2020". */
  if ((year = year_of (w)) != 0 && prev != NULL &&
      (prev->info & INFO_CUE) && w->start - prev->end <= 4 &&
      !(w->end < len && (g_ascii_isdigit (text[w->end]) || text[w->end] == '%')))
    {
      raw->year = year;
      return TRUE;
    }

  return FALSE;
}

/* "deux", "three": small counts written out, else 0. */
static int
count_of (const Word *w)
{
  static const char * const fr[] = { "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix" };
  static const char * const en[] = { "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten" };

  if (w->n_digits > 0 && w->n_digits <= 3 && *w->suffix == '\0')
    return (int) w->number;
  if (strcmp (w->folded, "une") == 0 || strcmp (w->folded, "a") == 0)
    return 1;
  for (guint i = 0; i < G_N_ELEMENTS (fr); i++)
    if (strcmp (w->folded, fr[i]) == 0 || strcmp (w->folded, en[i]) == 0)
      return (int) i + 1;
  return 0;
}

/* "jours", "mois", "ans", "days", "years": the precision counted in. */
static DossierDatePrecision
unit_of (const Word *w)
{
  static const char * const days[] = { "jour", "jours", "day", "days" };
  static const char * const months[] = { "mois", "month", "months" };
  static const char * const years[] = { "an", "ans", "annee", "annees", "year", "years" };

  if (LOOKUP (w->folded, days) >= 0)
    return DOSSIER_DATE_PRECISION_DAY;
  if (LOOKUP (w->folded, months) >= 0)
    return DOSSIER_DATE_PRECISION_MONTH;
  if (LOOKUP (w->folded, years) >= 0)
    return DOSSIER_DATE_PRECISION_YEAR;
  return DOSSIER_DATE_PRECISION_NONE;
}

#define PACK4(a, b, c, d) ((guint32) (a) | (guint32) (b) << 8 | (guint32) (c) << 16 | (guint32) (d) << 24)

/* +1 for one of the commonest short words of English, -1 for one of
 * French, 0 for any other: @word is up to four lower-case letters packed
 * by PACK4(), so a switch settles it without comparing strings. */
static int
language_of_short_word (guint32 word)
{
  switch (word)
    {
    case PACK4 ('t', 'h', 'e', 0): case PACK4 ('o', 'f', 0, 0): case PACK4 ('a', 'n', 'd', 0):
    case PACK4 ('t', 'o', 0, 0): case PACK4 ('i', 's', 0, 0): case PACK4 ('w', 'a', 's', 0):
    case PACK4 ('f', 'o', 'r', 0): case PACK4 ('t', 'h', 'a', 't'): case PACK4 ('w', 'i', 't', 'h'):
    case PACK4 ('o', 'n', 0, 0): case PACK4 ('b', 'y', 0, 0): case PACK4 ('s', 'a', 'i', 'd'):
    case PACK4 ('h', 'a', 's', 0): case PACK4 ('i', 't', 0, 0):
      return 1;
    case PACK4 ('l', 'e', 0, 0): case PACK4 ('l', 'a', 0, 0): case PACK4 ('l', 'e', 's', 0):
    case PACK4 ('d', 'e', 's', 0): case PACK4 ('d', 'u', 0, 0): case PACK4 ('d', 'e', 0, 0):
    case PACK4 ('e', 't', 0, 0): case PACK4 ('e', 's', 't', 0): case PACK4 ('u', 'n', 'e', 0):
    case PACK4 ('d', 'a', 'n', 's'): case PACK4 ('p', 'o', 'u', 'r'): case PACK4 ('q', 'u', 'e', 0):
    case PACK4 ('q', 'u', 'i', 0): case PACK4 ('a', 'u', 0, 0): case PACK4 ('s', 'u', 'r', 0):
    case PACK4 ('i', 'l', 0, 0):
      return -1;
    default:
      return 0;
    }
}

/* Whether @text reads as English rather than French, from the commonest
 * short words of each language in its first 16 kB. */
static gboolean
reads_as_english (const char *text,
                  gsize       len)
{
  int score = 0;
  gsize p = 0;

  len = MIN (len, 16384);
  while (p < len)
    {
      guint32 word = 0;
      gsize n = 0;

      while (p < len && !g_ascii_isalpha (text[p]))
        p++;
      while (p < len && g_ascii_isalpha (text[p]))
        {
          if (n < 4)
            word |= (guint32) (text[p] >= 'A' && text[p] <= 'Z' ? text[p] + ('a' - 'A') : text[p]) << (8 * n);
          n++, p++;
        }
      /* The words of both lists have two to four letters. */
      if (n < 2 || n > 4 || (p < len && (guchar) text[p] >= 0x80))
        continue;
      score += language_of_short_word (word);
    }
  return score > 0;
}

/* "03/04/2021" is the 3rd of April in French and most of the world, the
 * 4th of March in American English.  A text uses one order: the one its
 * unambiguous numeric dates show ("14/03/2019"), else the one of its
 * language. */
static void
settle_numeric_order (const char *text,
                      gsize       len,
                      GArray     *raws)
{
  guint day_first = 0, month_first = 0;
  gboolean either = FALSE, month_first_wins;

  for (guint i = 0; i < raws->len; i++)
    {
      const RawDate *raw = &g_array_index (raws, RawDate, i);

      day_first += raw->numeric == NUMERIC_DAY_FIRST;
      month_first += raw->numeric == NUMERIC_MONTH_FIRST;
      either |= raw->numeric == NUMERIC_EITHER;
    }
  if (!either)
    return;

  month_first_wins = day_first != month_first ? month_first > day_first
                                              : reads_as_english (text, len);
  for (guint i = 0; month_first_wins && i < raws->len; i++)
    {
      RawDate *raw = &g_array_index (raws, RawDate, i);

      if (raw->numeric == NUMERIC_EITHER)
        {
          int t = raw->day;

          raw->day = raw->month;
          raw->month = t;
        }
    }
}

/* The words after a possible relative date, read only as far as needed,
 * each within three bytes of the one before. */
typedef struct
{
  const char *text;
  gsize       len;
  gsize       pos;
  guint       have;
  gboolean    done;
  Word        n[4];
} Lookahead;

/* Whether word @i (from 0) after the start is there. */
static gboolean
ahead (Lookahead *la,
       guint      i)
{
  while (la->have <= i && !la->done)
    {
      Word *w = &la->n[la->have];

      if (la->have < G_N_ELEMENTS (la->n) && next_word (la->text, la->len, la->pos, w) &&
          w->start - la->pos <= 3)
        la->pos = la->n[la->have++].end;
      else
        la->done = TRUE;
    }
  return i < la->have;
}

/* Dates said relative to the day of writing, which only the article's
 * date resolves: "hier", "avant-hier", "yesterday", "le mois dernier",
 * "l'an dernier", "last year", "il y a trois ans", "10 days ago".  Weeks
 * are left out: no precision says "that week". */
static gboolean
match_relative (const char *text,
                gsize       len,
                const Word *w,
                RawDate    *raw)
{
  Lookahead la;
  const Word *n = la.n;

  /* Most words start no relative date: read ahead only for those that may. */
  if (!(w->info & INFO_RELATIVE) && w->n_digits == 0)
    return FALSE;

  memset (raw, 0, sizeof *raw);
  raw->start = w->start;
  la.text = text, la.len = len, la.pos = w->end, la.have = 0, la.done = FALSE;

  if (strcmp (w->folded, "hier") == 0 || strcmp (w->folded, "yesterday") == 0)
    {
      raw->back = 1, raw->back_unit = DOSSIER_DATE_PRECISION_DAY, raw->end = w->end;
      return TRUE;
    }
  if (strcmp (w->folded, "avant") == 0 && ahead (&la, 0) && strcmp (n[0].folded, "hier") == 0 &&
      text[w->end] == '-')
    {
      raw->back = 2, raw->back_unit = DOSSIER_DATE_PRECISION_DAY, raw->end = n[0].end;
      return TRUE;
    }
  /* "le mois dernier", "l'an dernier", "l'année dernière". */
  if ((unit_of (w) == DOSSIER_DATE_PRECISION_MONTH || unit_of (w) == DOSSIER_DATE_PRECISION_YEAR) &&
      strcmp (w->folded, "annees") != 0 &&
      strcmp (w->folded, "ans") != 0 &&
      ahead (&la, 0) && (strcmp (n[0].folded, "dernier") == 0 || strcmp (n[0].folded, "derniere") == 0))
    {
      raw->back = 1, raw->back_unit = unit_of (w), raw->end = n[0].end;
      return TRUE;
    }
  /* "last month", "last year". */
  if (strcmp (w->folded, "last") == 0 && ahead (&la, 0) &&
      (strcmp (n[0].folded, "month") == 0 || strcmp (n[0].folded, "year") == 0))
    {
      raw->back = 1, raw->back_unit = unit_of (&n[0]), raw->end = n[0].end;
      return TRUE;
    }
  /* "il y a trois ans". */
  if (strcmp (w->folded, "il") == 0 && ahead (&la, 0) && strcmp (n[0].folded, "y") == 0 &&
      ahead (&la, 1) && strcmp (n[1].folded, "a") == 0 && ahead (&la, 3) &&
      count_of (&n[2]) > 0 && unit_of (&n[3]) != DOSSIER_DATE_PRECISION_NONE)
    {
      raw->back = count_of (&n[2]), raw->back_unit = unit_of (&n[3]), raw->end = n[3].end;
      return TRUE;
    }
  /* "three years ago". */
  if (count_of (w) > 0 && strcmp (w->folded, "a") != 0 && ahead (&la, 0) &&
      unit_of (&n[0]) != DOSSIER_DATE_PRECISION_NONE && ahead (&la, 1) && strcmp (n[1].folded, "ago") == 0)
    {
      raw->back = count_of (w), raw->back_unit = unit_of (&n[0]), raw->end = n[1].end;
      return TRUE;
    }
  return FALSE;
}

static GArray *
scan_raw (const char *text,
          gsize       len)
{
  GArray *raws = g_array_new (FALSE, FALSE, sizeof (RawDate));
  Word words[2];
  Word *prev = NULL, *cur = &words[0];
  gsize pos = 0;
  /* Fetched once a scan, not once a word: word_table() is a call and a
   * g_once test. */
  const WordTable *table = word_table ();

  while (next_scan_word (table, text, len, pos, cur))
    {
      RawDate raw;

      /* Most words start no date, absolute or relative: no matcher is asked. */
      if (cur->info == 0 && cur->n_digits == 0)
        {
          pos = cur->end;
          prev = cur;
          cur = cur == &words[0] ? &words[1] : &words[0];
          continue;
        }
      if (match_relative (text, len, cur, &raw))
        {
          g_array_append_val (raws, raw);
          pos = raw.end;
          prev = NULL;
          continue;
        }
      if (match_at (text, len, prev, cur, &raw))
        {
          read_tense (text, len, &raw);
          g_array_append_val (raws, raw);
          pos = MAX (raw.end, cur->end);
          prev = NULL;
          continue;
        }

      pos = cur->end;
      prev = cur;
      cur = cur == &words[0] ? &words[1] : &words[0];
    }

  settle_numeric_order (text, len, raws);
  return raws;
}

static int
compare_month_day (int m1, int d1, int m2, int d2)
{
  if (m1 != m2)
    return m1 < m2 ? -1 : 1;
  if (d1 == 0 || d2 == 0 || d1 == d2)
    return 0;
  return d1 < d2 ? -1 : 1;
}

/* "il y a trois ans", "hier", "le mois dernier": @raw->back units before
 * @anchor, which must be at least as precise as the unit. */
static gboolean
resolve_back (const RawDate     *raw,
              const DossierDate *anchor,
              DossierDate       *out)
{
  DossierDate d;

  if (!dossier_date_is_known (anchor) || anchor->precision < raw->back_unit)
    return FALSE;
  d = *anchor;
  switch (raw->back_unit)
    {
    case DOSSIER_DATE_PRECISION_DAY:
      if (!g_date_valid_dmy (anchor->day, anchor->month, anchor->year))
        return FALSE;
      d = dossier_date_add_days (anchor, -raw->back);
      break;
    case DOSSIER_DATE_PRECISION_MONTH:
      {
        int months = anchor->year * 12 + (anchor->month - 1) - raw->back;

        d.year = months / 12;
        d.month = months % 12 + 1;
        d.day = 0;
      }
      break;
    case DOSSIER_DATE_PRECISION_YEAR:
    default:
      d.year = anchor->year - raw->back;
      d.month = d.day = 0;
      break;
    }
  d.precision = raw->back_unit;
  if (d.year < 1)
    return FALSE;
  *out = d;
  return TRUE;
}

/* A weekday alone ("mardi", "next Friday"): days from @anchor (a valid day)
 * to the nearest one before it (or after it, for the future). */
static int
weekday_delta (const RawDate     *raw,
               const DossierDate *anchor,
               gboolean           strictly_before)
{
  GDate a;
  int aw, delta;

  g_date_clear (&a, 1);
  g_date_set_dmy (&a, anchor->day, anchor->month, anchor->year);
  aw = g_date_get_weekday (&a);

  if (raw->future)
    return (raw->weekday - aw + 7) % 7;

  delta = -((aw - raw->weekday + 7) % 7);
  if (delta == 0 && strictly_before)
    delta = -7;
  return delta;
}

/* "dimanche 13 septembre": the year near @year that makes it a Sunday, or
 * @year when none does. */
static int
year_for_weekday (const RawDate *raw,
                  int            year)
{
  static const int tries[] = { 0, -1, 1 };

  for (guint i = 0; i < G_N_ELEMENTS (tries); i++)
    {
      int y = year + tries[i];

      if (g_date_valid_dmy (raw->day, raw->month, y))
        {
          GDate g;

          g_date_clear (&g, 1);
          g_date_set_dmy (&g, raw->day, raw->month, y);
          if ((int) g_date_get_weekday (&g) == raw->weekday)
            return y;
        }
    }

  return year;
}

/* Resolves @raw against @anchor (may be unknown); see dossier_date_scan(). */
static gboolean
resolve (const RawDate     *raw,
         const DossierDate *anchor,
         gboolean           strictly_before,
         DossierDate       *out)
{
  DossierDate d = { 0 };
  gboolean known = dossier_date_is_known (anchor);

  if (raw->back > 0)
    return resolve_back (raw, anchor, out);

  if (raw->weekday != 0 && raw->day == 0)
    {
      if (!known || anchor->precision != DOSSIER_DATE_PRECISION_DAY ||
          !g_date_valid_dmy (anchor->day, anchor->month, anchor->year))
        return FALSE;
      *out = dossier_date_add_days (anchor, weekday_delta (raw, anchor, strictly_before));
      return TRUE;
    }

  if (raw->year != 0)
    d.year = raw->year;
  else if (raw->month != 0 && known)
    {
      d.year = anchor->year;
      if (anchor->precision >= DOSSIER_DATE_PRECISION_MONTH)
        {
          int c = compare_month_day (raw->month, raw->day, anchor->month,
                                     anchor->precision == DOSSIER_DATE_PRECISION_DAY ? anchor->day : 0);

          if (!raw->future && c > 0)
            d.year--;
          else if (raw->future && c < 0)
            d.year++;
        }
    }
  else
    return FALSE;

  if (raw->year == 0 && raw->weekday != 0 && raw->day != 0)
    d.year = year_for_weekday (raw, d.year);

  d.month = raw->month;
  d.day = raw->month != 0 ? raw->day : 0;
  d.precision = d.day != 0 ? DOSSIER_DATE_PRECISION_DAY
              : d.month != 0 ? DOSSIER_DATE_PRECISION_MONTH
              : DOSSIER_DATE_PRECISION_YEAR;

  if (d.precision == DOSSIER_DATE_PRECISION_DAY && !g_date_valid_dmy (d.day, d.month, d.year))
    return FALSE;

  *out = d;
  return TRUE;
}

/* The mentions of @raws that resolve against @anchor. */
static GArray *
mentions_of (const GArray      *raws,
             const DossierDate *anchor)
{
  GArray *mentions = g_array_new (FALSE, FALSE, sizeof (DossierDateMention));

  for (guint i = 0; i < raws->len; i++)
    {
      const RawDate *raw = &g_array_index (raws, RawDate, i);
      DossierDateMention m;

      if (!resolve (raw, anchor, TRUE, &m.date))
        continue;
      m.start = raw->start;
      m.end = raw->end;
      g_array_append_val (mentions, m);
    }

  return mentions;
}

GArray *
dossier_date_scan (const char        *text,
                   gsize              len,
                   const DossierDate *anchor)
{
  g_autoptr(GArray) raws = NULL;

  g_return_val_if_fail (text != NULL || len == 0, g_array_new (FALSE, FALSE, sizeof (DossierDateMention)));

  if (len == 0)
    return g_array_new (FALSE, FALSE, sizeof (DossierDateMention));

  raws = scan_raw (text, len);
  return mentions_of (raws, anchor);
}

/* ------------------------------------------------------------------ */
/* Inference */

/* The words of @text[@a, @b) other than numbers and the words of a time
 * ("à 14h30", "10:45 AM ET", "T10"), and of the cues of a second date when
 * @cues ("Publié le 1er mars 2019, mis à jour le 2 mars"), counted up to
 * @max + 1. */
static guint
count_other_words (const char *text,
                   gsize       a,
                   gsize       b,
                   gboolean    cues,
                   guint       max)
{
  static const char * const cue_words[] = {
    "mis", "mise", "jour", "updated", "modifie", "modified", "actualise", "revised", "last",
    "derniere",
  };
  guint n = 0;
  Word w;

  for (gsize p = a; n <= max && next_word (text, b, p, &w); p = w.end)
    {
      if (w.n_digits == 0 && strpbrk (w.folded, "0123456789") == NULL &&
          LOOKUP (w.folded, time_words) < 0 && !(cues && LOOKUP (w.folded, cue_words) >= 0))
        n++;
    }
  return n;
}

/* A dash: '-', '–' or '—'. */
static gboolean
is_dash (const char *text,
         gsize       p,
         gsize       len)
{
  return (p < len && text[p] == '-') ||
         (p + 2 < len && (guchar) text[p] == 0xE2 && (guchar) text[p + 1] == 0x80 &&
          ((guchar) text[p + 2] == 0x93 || (guchar) text[p + 2] == 0x94));
}

/* The agencies' dateline at the head of a dispatch: "PARIS, March 3
 * (Reuters) -", "30 septembre (AFP) —", "WASHINGTON, 3 mars -": the date
 * before an agency's name in parentheses and a dash, or between a city
 * in capitals at the start of a line and a dash. */
static gboolean
is_agency_dateline (const char    *text,
                    gsize          len,
                    const RawDate *raw)
{
  gsize p = raw->end, a = raw->start;
  guint caps = 0;

  while (p < len && text[p] == ' ')
    p++;
  if (p < len && text[p] == '(')
    {
      gsize q = p + 1;

      while (q < len && q - p < 40 && text[q] != ')' && text[q] != '\n')
        q++;
      if (q >= len || text[q] != ')' || !g_ascii_isupper (text[p + 1]))
        return FALSE;
      for (p = q + 1; p < len && text[p] == ' '; p++)
        ;
      return is_dash (text, p, len);
    }
  if (!is_dash (text, p, len))
    return FALSE;

  while (a > 0 && text[a - 1] == ' ')
    a--;
  if (a == 0 || text[a - 1] != ',')
    return FALSE;
  for (a--; a > 0 && raw->start - a < 60 &&
            (g_ascii_isupper (text[a - 1]) || text[a - 1] == ' ' ||
             text[a - 1] == '-' || text[a - 1] == '.'); a--)
    caps += g_ascii_isupper (text[a - 1]);
  return caps >= 2 && (a == 0 || text[a - 1] == '\n');
}

/* How surely @raw is the article's own date, 0 when it is not a dateline:
 * 3 for "Publié le 14/03/2019 à 14h30", "This content was published on
 * March 19, 2023", "Par Jean Dupont, le 3 mars 2021", an agency's
 * dateline, or a date nearly alone on a line of page furniture or of the
 * header (before @header_end, the first paragraph); 2 for "Mis à jour
 * le ...", "Updated ...". */
static guint
dateline_rank (const char    *text,
               gsize          len,
               const GArray  *sections,
               gsize          header_end,
               const RawDate *prev,
               const RawDate *raw,
               const RawDate *next)
{
  DossierSectionKind kind = dossier_sections_kind_at (sections, raw->start);
  gboolean furniture = sections == NULL || kind == DOSSIER_SECTION_FURNITURE;
  gsize a = raw->start, b = raw->end;
  char before[256];
  gboolean ends_line;

  if (kind == DOSSIER_SECTION_COMMENTS || raw->month == 0 || (raw->day == 0 && raw->year == 0))
    return 0;
  if (is_agency_dateline (text, len, raw))
    return 3;

  /* Lines of at most 200 bytes: looked at within that distance only, so
   * that a text of one long line stays linear. */
  while (a > 0 && text[a - 1] != '\n' && raw->start - a <= 200)
    a--;
  while (b < len && text[b] != '\n' && b - a <= 200)
    b++;
  if (b - a > 200)
    return 0;

  /* Only a time after the date (or another dated cue); and not a sentence
   * of the body. */
  ends_line = count_other_words (text, raw->end, next != NULL && next->start < b ? next->start : b,
                                 TRUE, 0) == 0 &&
              (furniture || text[b - 1] != '.');
  if (!ends_line)
    return 0;

  /* The cue is the one since the date before on the line, if any. */
  if (prev != NULL && prev->end > a && prev->end <= raw->start)
    a = prev->end;
  fold_span (text, a, raw->start, before, sizeof before);
  if (furniture || count_other_words (text, a, raw->start, FALSE, 5) <= 5)
    {
      if (HAS_CUE (before, dateline_cues))
        return 3;
      if (HAS_CUE (before, update_cues))
        return 2;
    }

  if (!furniture && raw->start >= header_end)
    return 0;
  /* "Par Jean Dupont, le 3 mars 2021", "By Jane Doe | March 3, 2021". */
  if (g_str_has_prefix (before, "par ") || g_str_has_prefix (before, "by "))
    return 3;
  return count_other_words (text, a, raw->start, FALSE, 1) <= 1 ? 3 : 0;
}

/* The end of the first line long enough to be a paragraph of the body:
 * datelines come before it. */
static gsize
find_header_end (const char *text,
                 gsize       len)
{
  gsize a = 0;

  while (a < len)
    {
      const char *nl = memchr (text + a, '\n', len - a);
      gsize b = nl != NULL ? (gsize) (nl - text) : len;

      if (b - a > 200)
        return b;
      a = b + 1;
    }
  return len;
}

/* The article's dateline, or NULL: the surest, then one with its year,
 * then the first. */
static const RawDate *
find_dateline (const char   *text,
               gsize         len,
               const GArray *sections,
               const GArray *raws)
{
  gsize header_end = find_header_end (text, len);
  const RawDate *best = NULL;
  guint best_score = 0;

  for (guint i = 0; i < raws->len; i++)
    {
      const RawDate *raw = &g_array_index (raws, RawDate, i);
      guint rank = dateline_rank (text, len, sections, header_end,
                                  i > 0 ? raw - 1 : NULL, raw,
                                  i + 1 < raws->len ? raw + 1 : NULL);
      guint score = rank * 2 + (raw->year != 0);

      if (rank > 0 && score > best_score)
        {
          best = raw;
          best_score = score;
        }
    }
  return best;
}

static gboolean
found_date (const DossierDate *d,
            const RawDate     *raw,
            DossierDate       *date,
            DossierRange      *evidence)
{
  *date = *d;
  if (evidence != NULL)
    *evidence = (DossierRange) { raw->start, raw->end };
  return TRUE;
}

static gboolean
in_body (const GArray  *sections,
         const RawDate *raw)
{
  DossierSectionKind kind = dossier_sections_kind_at (sections, raw->start);

  return kind != DOSSIER_SECTION_COMMENTS && kind != DOSSIER_SECTION_FURNITURE;
}

/* The anchor for dates without a year: the latest explicit date reported
 * as past, else the latest year of the body (the earliest future one, the
 * comments' latest).  FALSE without any year. */
static gboolean
find_anchor (const GArray *sections,
             const GArray *raws,
             DossierDate  *anchor)
{
  int anchor_year = 0, future_year = 0, comment_year = 0;

  *anchor = (DossierDate) { 0 };
  for (guint i = 0; i < raws->len; i++)
    {
      const RawDate *raw = &g_array_index (raws, RawDate, i);
      DossierSectionKind kind = dossier_sections_kind_at (sections, raw->start);
      DossierDate d;

      if (raw->year == 0)
        continue;
      if (kind == DOSSIER_SECTION_COMMENTS)
        {
          comment_year = MAX (comment_year, raw->year);
          continue;
        }
      if (kind == DOSSIER_SECTION_FURNITURE)
        continue;
      if (raw->future)
        {
          future_year = future_year == 0 ? raw->year : MIN (future_year, raw->year);
          continue;
        }
      anchor_year = MAX (anchor_year, raw->year);
      if (resolve (raw, NULL, TRUE, &d) && dossier_date_compare (&d, anchor) > 0)
        *anchor = d;
    }

  if (anchor_year == 0)
    anchor_year = future_year != 0 ? future_year : comment_year;
  if (anchor_year == 0)
    return FALSE;
  if (!dossier_date_is_known (anchor))
    *anchor = (DossierDate) { anchor_year, 0, 0, DOSSIER_DATE_PRECISION_YEAR };
  return TRUE;
}

/* What the body's dates say once resolved against the anchor. */
typedef struct
{
  DossierDate    past, future, near;
  const RawDate *past_raw, *near_raw;
  gboolean       past_is_weekday;
} BodyDates;

/* Dates without a year take the anchor's; the earliest future one is the
 * reference for weekdays. */
static void
collect_body_dates (const GArray      *sections,
                    const GArray      *raws,
                    const DossierDate *anchor,
                    BodyDates         *bd)
{
  for (guint i = 0; i < raws->len; i++)
    {
      const RawDate *raw = &g_array_index (raws, RawDate, i);
      DossierDate d;

      if (!in_body (sections, raw) ||
          (raw->weekday != 0 && raw->day == 0) || !resolve (raw, anchor, TRUE, &d))
        continue;

      if (raw->future)
        {
          if (d.precision == DOSSIER_DATE_PRECISION_DAY &&
              (!dossier_date_is_known (&bd->future) || dossier_date_compare (&d, &bd->future) < 0))
            bd->future = d;
          if (raw->near && (!dossier_date_is_known (&bd->near) || dossier_date_compare (&d, &bd->near) < 0))
            {
              bd->near = d;
              bd->near_raw = raw;
            }
        }
      else if (dossier_date_compare (&d, &bd->past) > 0)
        {
          bd->past = d;
          bd->past_raw = raw;
        }
    }
}

/* The body's weekdays said alone and reported as past ("s'est retiré
 * dimanche"), resolved against @anchor: the nearest before it, or with
 * @after the first on or after it.  One later than @bd's past date
 * becomes it; returns whether one did. */
static gboolean
take_later_weekday (const GArray      *sections,
                    const GArray      *raws,
                    const DossierDate *anchor,
                    gboolean           after,
                    BodyDates         *bd)
{
  gboolean taken = FALSE;

  for (guint i = 0; i < raws->len; i++)
    {
      const RawDate *raw = &g_array_index (raws, RawDate, i);
      RawDate r;
      DossierDate d;

      if (!in_body (sections, raw) || raw->weekday == 0 || raw->day != 0 || raw->future)
        continue;

      r = *raw;
      r.future = after;
      if (resolve (&r, anchor, !after, &d) && dossier_date_compare (&d, &bd->past) > 0)
        {
          bd->past = d;
          bd->past_raw = raw;
          taken = TRUE;
        }
    }
  return taken;
}

/* "s'est retiré dimanche" before "jusqu'à Septembre 15th". */
static void
collect_past_weekdays (const GArray *sections,
                       const GArray *raws,
                       BodyDates    *bd)
{
  if (dossier_date_is_known (&bd->future) && take_later_weekday (sections, raws, &bd->future, FALSE, bd))
    bd->past_is_weekday = TRUE;
}

/* "le 22 septembre 2024 ... s'est opposé lundi": a weekday the text
 * reports without a date is a day on or after its latest full date (the
 * article cannot be older than either), so the article is at least as
 * recent as the first such weekday.  Not when that date has a weekday of
 * its own ("ce dimanche 20 octobre"): then it is the text's today, and
 * "jeudi" the one before. */
static void
advance_past_to_weekdays (const GArray *sections,
                          const GArray *raws,
                          BodyDates    *bd)
{
  DossierDate latest;

  if (bd->past_raw == NULL || bd->past_is_weekday || bd->past_raw->weekday != 0 ||
      bd->past.precision != DOSSIER_DATE_PRECISION_DAY ||
      !g_date_valid_dmy (bd->past.day, bd->past.month, bd->past.year))
    return;

  latest = bd->past;
  take_later_weekday (sections, raws, &latest, TRUE, bd);
}

/* dossier_date_infer() on the dates scan_raw() found in @text, relative
 * ones left out: they need the very date being inferred. */
static gboolean
infer_from_raws (const char   *text,
                 gsize         len,
                 const GArray *sections,
                 GArray       *raws,
                 DossierDate  *date,
                 DossierRange *evidence)
{
  DossierDate anchor;
  BodyDates bd = { 0 };
  const RawDate *dateline;
  DossierDate dl;

  for (guint i = raws->len; i-- > 0;)
    if (g_array_index (raws, RawDate, i).back > 0)
      g_array_remove_index (raws, i);

  /* A dateline wins over every date of the body; furniture only counts
   * through them. */
  dateline = find_dateline (text, len, sections, raws);
  if (dateline != NULL && dateline->year != 0 && resolve (dateline, NULL, TRUE, &dl))
    return found_date (&dl, dateline, date, evidence);

  if (!find_anchor (sections, raws, &anchor))
    return FALSE;

  /* A year-less dateline ("PARIS, 30 septembre (Reuters) -") is on or
   * after the dates the text reports. */
  if (dateline != NULL)
    {
      RawDate r = *dateline;

      r.future = TRUE;
      if (resolve (&r, &anchor, TRUE, &dl))
        return found_date (&dl, dateline, date, evidence);
    }

  collect_body_dates (sections, raws, &anchor, &bd);
  collect_past_weekdays (sections, raws, &bd);
  advance_past_to_weekdays (sections, raws, &bd);

  if (bd.past_raw != NULL && bd.past_is_weekday)
    bd.past = dossier_date_add_days (&bd.past, 1);

  if (bd.near_raw != NULL && (bd.past_raw == NULL || bd.past.year < bd.near.year))
    {
      DossierDate year = { bd.near.year, 0, 0, DOSSIER_DATE_PRECISION_YEAR };

      return found_date (&year, bd.near_raw, date, evidence);
    }

  if (bd.past_raw == NULL)
    return FALSE;

  return found_date (&bd.past, bd.past_raw, date, evidence);
}

gboolean
dossier_date_infer (const char   *text,
                    gsize         len,
                    const GArray *sections,
                    DossierDate  *date,
                    DossierRange *evidence)
{
  g_autoptr(GArray) raws = NULL;

  g_return_val_if_fail (date != NULL, FALSE);

  if (text == NULL || len == 0)
    return FALSE;

  raws = scan_raw (text, len);
  return infer_from_raws (text, len, sections, raws, date, evidence);
}

GArray *
dossier_date_infer_and_scan (const char   *text,
                             gsize         len,
                             const GArray *sections,
                             DossierDate  *date,
                             DossierRange *evidence,
                             gboolean     *inferred)
{
  g_autoptr(GArray) raws = NULL;
  g_autoptr(GArray) absolute = NULL;

  g_return_val_if_fail (date != NULL && inferred != NULL, NULL);

  *inferred = FALSE;
  if (text == NULL || len == 0)
    return g_array_new (FALSE, FALSE, sizeof (DossierDateMention));

  raws = scan_raw (text, len);
  absolute = g_array_copy (raws);
  *inferred = infer_from_raws (text, len, sections, absolute, date, evidence);
  return mentions_of (raws, date);
}
