/* dossier-article.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-article"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-article.h"
#include "dossier-bytes-private.h"
#include "dossier-date.h"
#include "dossier-fold.h"
#include "dossier-io.h"
#include "dossier-sentences.h"

G_DEFINE_QUARK (dossier-article-error-quark, dossier_article_error)

#define MAX_ARTICLE_SIZE (256 * 1024 * 1024)

/* ------------------------------------------------------------------ */
/* Decoding */

/* Windows-1252 0x80..0x9F; the five holes become U+FFFD. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
  0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

static void
append_cp1252 (GString *out,
               guchar   c)
{
  if (c < 0x80)
    g_string_append_c (out, c);
  else if (c < 0xA0)
    g_string_append_unichar (out, cp1252_high[c - 0x80]);
  else
    g_string_append_unichar (out, c);
}

static char *
decode_cp1252 (const char  *data,
               gsize        len,
               const char **encoding)
{
  GString *out = g_string_sized_new (len + len / 8 + 1);
  gboolean c1 = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar) data[i];

      c1 |= c >= 0x80 && c < 0xA0;
      append_cp1252 (out, c);
    }

  /* Without 0x80..0x9F bytes the two are the same: say the common one. */
  *encoding = c1 ? "WINDOWS-1252" : "ISO-8859-1";
  return g_string_free (out, FALSE);
}

/* UTF-8 with stray bytes: each stray byte is read as Windows-1252. */
static char *
decode_mixed (const char *data,
              gsize       len)
{
  GString *out = g_string_sized_new (len + 16);

  for (gsize i = 0; i < len; )
    {
      guchar c = (guchar) data[i];
      gunichar u;

      if (c < 0x80)
        {
          g_string_append_c (out, c);
          i++;
          continue;
        }

      u = g_utf8_get_char_validated (data + i, MIN (len - i, 6));
      if (u == (gunichar) -1 || u == (gunichar) -2)
        {
          append_cp1252 (out, c);
          i++;
        }
      else
        {
          gsize n = g_utf8_skip[c];

          g_string_append_len (out, data + i, n);
          i += n;
        }
    }

  return g_string_free (out, FALSE);
}

static gboolean
looks_binary (const char *data,
              gsize       len)
{
  gsize controls = 0;

  if (memchr (data, '\0', len) != NULL)
    return TRUE;

  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar) data[i];

      /* Eight bytes without one below 0x20 at a time, the printable
       * majority (the test is exact for any byte below 0x80). */
      if (i % 8 == 0 && len - i >= 8 &&
          DOSSIER_BYTES_HAS_LESS (dossier_bytes_load (data + i), 0x20) == 0)
        {
          i += 7;
          continue;
        }
      if (G_UNLIKELY (c < 0x20) && c != '\n' && c != '\r' && c != '\t' && c != '\f' &&
          c != '\v' && c != 0x1A && c != 0x1B)
        controls++;
    }

  /* Text has next to no control characters; binary data has many. */
  return controls > 0 && controls * 100 >= len;
}

/* Counts well-formed multi-byte UTF-8 sequences and stray bytes, to tell
 * damaged UTF-8 from a legacy 8-bit encoding. */
static void
count_utf8 (const char *data,
            gsize       len,
            gsize      *valid,
            gsize      *invalid)
{
  *valid = *invalid = 0;

  for (gsize i = 0; i < len; )
    {
      gunichar c;

      if ((guchar) data[i] < 0x80)
        {
          i++;
          continue;
        }

      c = g_utf8_get_char_validated (data + i, MIN (len - i, 6));
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          (*invalid)++;
          i++;
        }
      else
        {
          (*valid)++;
          i += g_utf8_skip[(guchar) data[i]];
        }
    }
}

/* g_utf8_validate_len()'s verdict, with ASCII checked eight bytes at a
 * time and only the multi-byte sequences handed to GLib (which validates
 * one sequence after another, so the pieces agree with the whole).  There
 * is no NUL byte: looks_binary() refused it. */
static gboolean
is_valid_utf8 (const char *data,
               gsize       len)
{
  gsize i = 0;

  while (i < len)
    {
      gsize n;

      if (len - i >= 8 && (dossier_bytes_load (data + i) & DOSSIER_BYTES_HIGH) == 0)
        {
          i += 8;
          continue;
        }
      if ((guchar) data[i] < 0x80)
        {
          i++;
          continue;
        }
      n = g_utf8_skip[(guchar) data[i]];
      if (n > len - i || !g_utf8_validate_len (data + i, n, NULL))
        return FALSE;
      i += n;
    }
  return TRUE;
}

/* The text when @data is UTF-8 already: the file's own buffer @owned
 * when there is one (no second copy of the text to fault in), past its
 * BOM; a copy otherwise. */
static char *
take_utf8 (const char  *data,
           gsize        len,
           char       **owned)
{
  char *text;

  if (*owned == NULL)
    return g_strndup (data, len);
  text = g_steal_pointer (owned);
  if (data != text)
    memmove (text, data, len);
  text[len] = '\0';
  return text;
}

/* *@owned, when not NULL, is the buffer @data points into, NUL-terminated
 * at @data + @len: it is taken to be the text when it can. */
static char *
decode_text (const char  *name,
             const char  *data,
             gsize        len,
             char       **owned,
             const char **encoding,
             GError     **error)
{
  gsize valid, invalid;

  /* UTF-16 is only recognised by its BOM (it is full of NUL bytes). */
  if (len >= 2 && (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE) ||
                   ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)))
    {
      gboolean le = (guchar) data[0] == 0xFF;
      gsize written = 0;
      char *text;

      *encoding = le ? "UTF-16LE" : "UTF-16BE";
      text = g_convert (data + 2, len - 2, "UTF-8", *encoding, NULL, &written, NULL);
      /* A U+0000 would cut the text short where C strings end: refused
       * like a NUL byte in UTF-8. */
      if (text == NULL || memchr (text, '\0', written) != NULL)
        {
          g_free (text);
          g_set_error (error, DOSSIER_ARTICLE_ERROR, DOSSIER_ARTICLE_ERROR_ENCODING,
                       _("“%s” could not be read as text: its UTF-16 is damaged"), name);
          return NULL;
        }
      return text;
    }

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      len -= 3;
    }

  if (looks_binary (data, len))
    {
      g_set_error (error, DOSSIER_ARTICLE_ERROR, DOSSIER_ARTICLE_ERROR_BINARY,
                   _("“%s” is not a text file: it contains binary data"), name);
      return NULL;
    }

  if (is_valid_utf8 (data, len))
    {
      *encoding = "UTF-8";
      return take_utf8 (data, len, owned);
    }

  /* Mostly good UTF-8 with a few stray bytes stays UTF-8, the stray bytes
   * read as Windows-1252 (text pasted together from two sources); otherwise
   * it is a legacy 8-bit file. */
  count_utf8 (data, len, &valid, &invalid);
  if (valid > invalid)
    {
      *encoding = "UTF-8";
      return decode_mixed (data, len);
    }

  return decode_cp1252 (data, len, encoding);
}

/* CRLF and lone CR become '\n', in place. */
static gsize
normalise_line_ends (char  *text,
                     gsize  len)
{
  const char *cr = memchr (text, '\r', len);
  gsize w;

  /* Most files have no carriage return: nothing to copy. */
  if (cr == NULL)
    {
      text[len] = '\0';
      return len;
    }
  w = cr - text;
  for (gsize r = w; r < len; r++)
    {
      if (text[r] == '\r')
        {
          text[w++] = '\n';
          if (r + 1 < len && text[r + 1] == '\n')
            r++;
        }
      else
        text[w++] = text[r];
    }

  text[w] = '\0';
  return w;
}

static inline gboolean
is_space (gunichar c)
{
  if (c < 0x80)
    return c == ' ' || (c >= '\t' && c <= '\r');
  return c == 0x202F || c == 0x00A0 || c == 0xFEFF || g_unichar_isspace (c);
}

static gboolean
is_blank (const char *p,
          const char *end)
{
  for (; p < end; p = g_utf8_next_char (p))
    {
      if (!is_space (g_utf8_get_char (p)))
        return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Structure: each line is classified, then runs of lines become sections */

#define KIND_BLANK 0xFF
#define SHORT_LINE_BYTES 240

typedef struct
{
  gsize    raw_start;   /* where the line begins */
  gsize    start;       /* trimmed */
  gsize    end;
  guint    n_words;     /* up to WORDS_ENOUGH, enough for every test */
  guint8   kind;        /* DossierSectionKind, or KIND_BLANK */
  guint    terminal : 1;        /* ends with . ! ? … (closers aside) */
  guint    period : 1;          /* ends with . … or : */
  guint    prose : 1;           /* a paragraph of running text */
  guint    furniture : 1;       /* page chrome wherever it stands */
  guint    comment_head : 1;    /* "avatar NAME |", "NAME a écrit :" */
  guint    comment_marker : 1;  /* "Vos commentaires", "12 comments" */
  guint    author_marker : 1;   /* "Rédigé par", "About the author" */
  guint    list_marker : 1;     /* "Tags", "Lire aussi": short lines follow */
  guint    handle : 1;          /* "@NAME" alone */
  guint    byline : 1;
  guint    continued : 1;   /* a hard-wrapped line: the paragraph goes on */
} Line;

/* Whole lines of page chrome, folded (lower case, no accents). */
static const char * const furniture_lines[] = {
  "menu", "vous lisez", "vous etes ici", "accessibilite", "connexion utilisateur",
  "connexion", "se connecter", "s'identifier", "inscription", "s'inscrire",
  "mon compte", "partager", "partager cet article", "partager l'article",
  "imprimer", "lire la suite", "publicite", "newsletter", "abonnez-vous",
  "s'abonner", "recherche", "rechercher", "accueil", "fermer", "sommaire",
  "retour en haut", "haut de page", "mentions legales", "plan du site",
  "nous contacter", "contact", "cookies", "premium", "abonne", "abonnes",
  "reserve aux abonnes", "voir plus", "en savoir plus", "suivez-nous",
  "commenter", "repondre", "signaler", "signaler un abus", "j'aime", "citer",
  "copier le lien", "aller au contenu", "navigation", "a la une",
  "tous droits reserves", "moderateur", "membre", "suivre", "home",
  "you are here", "you are reading", "now reading", "accessibility", "log in",
  "login", "sign in", "sign up", "register", "my account", "user login",
  "share", "share this", "share this article", "tweet", "print", "email",
  "e-mail", "advertisement", "sponsored", "subscribe", "search", "close",
  "back to top", "skip to content", "skip to main content", "privacy policy",
  "terms of use", "cookie settings", "reply", "report", "like", "quote",
  "load more", "show more", "all rights reserved", "moderator", "member",
  "follow", "continuer la lecture", "continue reading", "pour aller plus loin",
};

/* Words of menus and share bars: a short line made only of these is chrome
 * ("Menu Menu", "CONNEXION UTILISATEUR", "Facebook Twitter LinkedIn"). */
static const char * const furniture_words[] = {
  "menu", "tags", "accessibilite", "accessibility", "connexion", "utilisateur",
  "login", "partager", "share", "tweet", "facebook", "twitter", "linkedin",
  "whatsapp", "pinterest", "email", "e-mail", "mail", "imprimer", "print",
  "rechercher", "search", "accueil", "home", "newsletter", "premium", "fermer",
  "close", "repondre", "reply", "signaler", "report", "instagram", "youtube",
  "telegram", "reddit", "flipboard", "copier", "lien", "messenger",
};

/* Beginnings of captions, credits and datelines. */
static const char * const furniture_prefixes[] = {
  "image :", "image:", "images :", "photo :", "photo:", "photos :",
  "credit :", "credit:", "credits :", "credits:", "credit photo",
  "illustration :", "illustration:", "source :", "source:", "sources :",
  "\xc2\xa9", "copyright", "photo by", "image by", "image credit",
  "publie le", "publie par", "mis a jour le", "mis en ligne le", "tags :", "tags:", "mots-cles :", "mots-cles:",
  "lire aussi :", "lire aussi:", "a lire aussi :", "a lire aussi:",
  "read more:", "read more :", "see also:", "voir aussi :", "voir aussi:",
  "redige par ", "ecrit par ", "written by ", "posted by ",
};

/* Beginnings of datelines: only on short lines ("Published research
 * shows..." is prose). */
static const char * const dateline_prefixes[] = {
  "publie", "mis a jour", "mis en ligne", "modifie le", "published", "updated",
  "posted", "last updated", "date :", "date:",
};

/* Lines that open the reader comments; they may carry a count or a page
 * number ("Vos commentaires Page 1 / 2", "12 commentaires"). */
static const char * const comment_markers[] = {
  "vos commentaires", "les commentaires", "commentaires", "commentaire",
  "vos reactions", "reactions", "reagissez", "reagir", "comments", "comment",
  "responses", "replies", "laisser un commentaire", "laissez un commentaire",
  "ajouter un commentaire", "leave a comment", "leave a reply",
  "add a comment", "join the discussion", "discussion", "donnez votre avis",
  "il y a",
};

static const char * const author_markers[] = {
  "redige par", "ecrit par", "publie par", "written by", "posted by",
  "a propos de l'auteur", "about the author", "l'auteur", "auteur", "author",
  "biographie", "bio", "par", "by",
};

static const char * const list_markers[] = {
  "tags", "tag", "mots-cles", "mots cles", "etiquettes", "themes", "sujets",
  "topics", "lire aussi", "a lire aussi", "sur le meme sujet",
  "articles similaires", "related", "related articles", "related posts",
  "read more", "voir aussi", "see also", "dans la meme rubrique",
  "articles lies", "les plus lus", "most read",
};

#define IN_LIST(str, list) (dossier_fold_find_word ((str), (list), G_N_ELEMENTS (list)) >= 0)

/* Whether @str starts with one of @list; the first byte settles most
 * entries without a call. */
static gboolean
has_prefix_in (const char         *str,
               const char * const *list,
               guint               n)
{
  for (guint i = 0; i < n; i++)
    if (str[0] == list[i][0] && g_str_has_prefix (str, list[i]))
      return TRUE;
  return FALSE;
}

#define HAS_PREFIX_IN(str, list) has_prefix_in ((str), (list), G_N_ELEMENTS (list))

#define FOLD_MAX 96

/* Bytes a folded line needs: FOLD_MAX, the last character (4) and a NUL. */
#define FOLD_BUF (FOLD_MAX + 8)

/* The start of a line folded for matching against page vocabulary, into
 * @out (FOLD_BUF bytes, on the stack: every short line is folded): lower
 * case, no accents, one space for any run of (non-breaking) spaces, a
 * final ':' dropped.  *@whole is FALSE when the line was longer than that. */
static void
fold_line (const char *text,
           gsize       start,
           gsize       end,
           char       *out,
           gboolean   *whole)
{
  const char *p = text + start;
  const char *stop = text + end;
  gsize len = 0;

  *whole = TRUE;
  while (p < stop)
    {
      gunichar c = g_utf8_get_char (p);
      gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];

      if (len >= FOLD_MAX)
        {
          *whole = FALSE;
          break;
        }
      p = g_utf8_next_char (p);

      if (is_space (c))
        {
          if (len > 0 && out[len - 1] != ' ')
            out[len++] = ' ';
          continue;
        }
      if (c < 0x80)
        {
          out[len++] = (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
          continue;
        }
      if (c == 0x2019 || c == 0x2018)
        {
          out[len++] = '\'';
          continue;
        }
      c = g_unichar_tolower (c);
      if (g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed)) > 0)
        c = decomposed[0];
      len += g_unichar_to_utf8 (c, out + len);
    }

  while (len > 0 && (out[len - 1] == ' ' || out[len - 1] == ':'))
    len--;
  out[len] = '\0';
}

/* Whether every word of @folded (a folded line) is in @list, and there is
 * one; the words are looked at in place, without splitting the line. */
static gboolean
all_words_in (const char         *folded,
              const char * const *list,
              guint               n)
{
  char word[FOLD_BUF];
  guint count = 0;

  for (const char *p = folded; *p != '\0';)
    {
      const char *e = strchr (p, ' ');
      gsize len = e != NULL ? (gsize) (e - p) : strlen (p);

      if (len > 0)
        {
          if (len >= sizeof word)
            return FALSE;
          memcpy (word, p, len);
          word[len] = '\0';
          if (dossier_fold_find_word (word, list, n) < 0)
            return FALSE;
          count++;
        }
      p += len + (e != NULL);
    }
  return count > 0;
}

/* After a marker, nothing but numbers, "page" and punctuation. */
static gboolean
rest_is_trivial (const char *rest)
{
  for (const char *p = rest; *p != '\0'; p++)
    {
      if (g_str_has_prefix (p, "page"))
        {
          p += 3;
          continue;
        }
      if (g_ascii_isalpha (*p) || ((guchar) *p >= 0x80))
        return FALSE;
    }
  return TRUE;
}

static gboolean
starts_with_marker (const char         *folded,
                    const char * const *list,
                    guint               n)
{
  const char *p = folded;

  /* "12 commentaires" */
  while (g_ascii_isdigit (*p) || *p == ' ')
    p++;

  for (guint i = 0; i < n; i++)
    {
      gsize mlen = strlen (list[i]);

      if (strncmp (p, list[i], mlen) == 0 &&
          (p[mlen] == '\0' || p[mlen] == ' ' || p[mlen] == '(' || p[mlen] == ':') &&
          rest_is_trivial (p + mlen))
        return TRUE;
    }
  return FALSE;
}

/* Only dashes, stars, bullets and such: a separator. */
static gboolean
is_separator (const char *text,
              gsize       start,
              gsize       end)
{
  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_space (c))
        continue;
      if (c < 0x80 ? g_ascii_ispunct (c)
                   : (c == 0x00B7 || (c >= 0x2010 && c <= 0x2027) ||
                      (c >= 0x25A0 && c <= 0x25FF) || c == 0x2E3A || c == 0x2E3B))
        continue;
      return FALSE;
    }
  return TRUE;
}

static gunichar
last_char (const char *text,
           gsize       start,
           gsize       end,
           gboolean    skip_closers)
{
  while (end > start)
    {
      const char *p = g_utf8_find_prev_char (text + start, text + end);
      gunichar c;

      if (p == NULL)
        break;
      c = g_utf8_get_char (p);
      end = p - text;
      if (is_space (c))
        continue;
      if (skip_closers && (c == 0x00BB || c == 0x201D || c == '"' || c == ')' ||
                           c == ']' || c == 0x2019 || c == '\'' || c == '*'))
        continue;
      return c;
    }
  return 0;
}

/* Lines are only ever compared with word counts up to 30 (alone or
 * summed against 25), so counting stops there: a paragraph's hundreds of
 * words are not walked. */
#define WORDS_ENOUGH 31

static guint
count_words (const char *text,
             gsize       start,
             gsize       end)
{
  /* 1: ASCII white space; 2: the lead byte of a character that may be
   * white space (U+00A0, U+1680, U+2000..U+205F, U+3000, U+FEFF); 0: a
   * byte inside a word, continuation bytes included. */
  static const guint8 space_class[256] = {
    ['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1, [' '] = 1,
    [0xC2] = 2, [0xE1] = 2, [0xE2] = 2, [0xE3] = 2, [0xEF] = 2,
  };
  const char *p = text + start;
  const char *stop = text + end;
  guint n = 0;

  while (p < stop)
    {
      guint8 k = space_class[(guchar) *p];

      if (k == 1 || (k == 2 && is_space (g_utf8_get_char (p))))
        {
          p = k == 1 ? p + 1 : g_utf8_next_char (p);
          continue;
        }
      if (++n >= WORDS_ENOUGH)
        break;
      /* The rest of the word, most of it bytes of class 0. */
      p = k == 2 ? g_utf8_next_char (p) : p + 1;
      while (p < stop && (k = space_class[(guchar) *p]) != 1)
        {
          if (k == 2 && is_space (g_utf8_get_char (p)))
            break;
          p = k == 2 ? g_utf8_next_char (p) : p + 1;
        }
    }
  return n;
}

/* ". X" inside the line: more than one sentence. */
static gboolean
has_sentence_break (const char *text,
                    gsize       start,
                    gsize       end)
{
  for (gsize i = start; i + 2 < end; i++)
    {
      if ((text[i] == '.' || text[i] == '?' || text[i] == '!') && text[i + 1] == ' ' &&
          g_unichar_isupper (g_utf8_get_char_validated (text + i + 2, end - i - 2)))
        return TRUE;
    }
  return FALSE;
}

/* Most words after the first start with a capital: "Par Jean Dupont". */
static gboolean
looks_like_name (const char *text,
                 gsize       start,
                 gsize       end)
{
  g_autofree char *copy = g_strndup (text + start, end - start);
  g_auto(GStrv) words = g_strsplit (copy, " ", -1);
  guint caps = 0, n = 0;

  for (guint i = 1; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      n++;
      if (g_unichar_isupper (g_utf8_get_char_validated (words[i], -1)))
        caps++;
    }
  return n > 0 && caps * 2 >= n;
}

/* "17:32", "17 h 32", "5:04 pm": a time of day. */
static gboolean
has_time (const char *text,
          gsize       start,
          gsize       end)
{
  for (gsize i = start; i < end; i++)
    {
      gsize j = i;

      if (!g_ascii_isdigit (text[i]) || (i > start && g_ascii_isdigit (text[i - 1])))
        continue;
      while (j < end && g_ascii_isdigit (text[j]) && j - i < 2)
        j++;
      while (j < end && text[j] == ' ')
        j++;
      if (j >= end || (text[j] != ':' && text[j] != 'h'))
        continue;
      j++;
      while (j < end && text[j] == ' ')
        j++;
      if (j + 1 < end && g_ascii_isdigit (text[j]) && g_ascii_isdigit (text[j + 1]) &&
          (j + 2 >= end || !g_ascii_isdigit (text[j + 2])))
        return TRUE;
    }
  return FALSE;
}

/* "Jean Dupont 14/09/2020 à 17:32", "Alice, le 3 mars 2021 à 9 h 05":
 * a name, a date and a time, as comment systems head each comment. */
static gboolean
is_dated_head (const char *text,
               const Line *line)
{
  g_autoptr(GArray) dates = NULL;

  if (line->n_words > 12 || line->terminal ||
      !has_time (text, line->start, line->end))
    return FALSE;

  dates = dossier_date_scan (text + line->start, line->end - line->start, NULL);
  return dates->len > 0;
}

static void
classify_line (const char *text,
               Line       *line)
{
  gsize bytes = line->end - line->start;
  gunichar last = last_char (text, line->start, line->end, TRUE);
  gunichar last_raw = last_char (text, line->start, line->end, FALSE);
  gunichar first = g_utf8_get_char (text + line->start);

  line->n_words = count_words (text, line->start, line->end);
  line->terminal = last == '.' || last == '!' || last == '?' || last == 0x2026;
  line->period = last == '.' || last == 0x2026 || last == ':';
  line->prose = line->n_words >= 25 ||
                (line->n_words >= 8 &&
                 (line->period || has_sentence_break (text, line->start, line->end)));

  if (is_separator (text, line->start, line->end))
    {
      line->furniture = TRUE;
      return;
    }

  line->handle = first == '@' && line->n_words <= 4 && !line->terminal;

  /* Bylines and comment headers: "Mickaël Bazoge |", "avatar NAME |". */
  if (last_raw == '|' && first != '|' && line->n_words <= 8)
    {
      line->byline = TRUE;
      line->comment_head = TRUE;
    }

  if (bytes <= SHORT_LINE_BYTES)
    {
      gboolean whole;
      char folded[FOLD_BUF];

      fold_line (text, line->start, line->end, folded, &whole);

      if (whole &&
          (IN_LIST (folded, furniture_lines) ||
           (line->n_words <= 6 && all_words_in (folded, furniture_words, G_N_ELEMENTS (furniture_words)))))
        line->furniture = TRUE;

      if (HAS_PREFIX_IN (folded, furniture_prefixes) ||
          (line->n_words <= 12 && HAS_PREFIX_IN (folded, dateline_prefixes)))
        line->furniture = TRUE;

      if ((g_str_has_prefix (folded, "avatar ") && line->n_words <= 8) ||
          (!line->furniture && is_dated_head (text, line)))
        line->comment_head = TRUE;
      if (whole && line->n_words <= 10 &&
          (g_str_has_suffix (folded, " a ecrit") || g_str_has_suffix (folded, " wrote") ||
           g_str_has_suffix (folded, " says") || g_str_has_suffix (folded, " dit")))
        line->comment_head = TRUE;

      if (whole && line->n_words <= 8 && !line->terminal)
        line->comment_marker = starts_with_marker (folded, comment_markers,
                                                   G_N_ELEMENTS (comment_markers));
      if (whole && line->n_words <= 4 && IN_LIST (folded, author_markers))
        line->author_marker = TRUE;
      if (whole && line->n_words <= 4 && IN_LIST (folded, list_markers))
        line->list_marker = TRUE;

      /* "Par Jean Dupont", "By Jane Doe". */
      if ((g_str_has_prefix (folded, "par ") || g_str_has_prefix (folded, "by ")) &&
          line->n_words <= 6 && !line->terminal &&
          looks_like_name (text, line->start, line->end))
        line->byline = TRUE;

      if (g_str_has_prefix (folded, "page ") && line->n_words <= 5 &&
          strpbrk (folded, "0123456789") != NULL)
        line->furniture = TRUE;
    }

  if (line->byline && !line->comment_head)
    line->furniture = TRUE;
  if (line->comment_marker || line->author_marker || line->list_marker)
    line->furniture = TRUE;
}

/* A short line without sentence punctuation: a category, a name, a tag. */
static gboolean
is_short_label (const Line *line,
                guint       max_words)
{
  return line->n_words <= max_words && !line->terminal && !line->prose && !line->continued;
}

static gboolean
lines_equal (const char *text,
             const Line *a,
             const Line *b)
{
  return a->end - a->start == b->end - b->start &&
         memcmp (text + a->start, text + b->start, a->end - a->start) == 0;
}

static GArray *
split_lines (const char *text,
             gsize       len)
{
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (Line));
  gsize line_start = 0;

  for (gsize i = 0; i <= len; i++)
    {
      const char *nl = memchr (text + i, '\n', len - i);
      Line line = { 0 };
      gsize s, e;

      /* From one line end to the next without looking at each byte. */
      i = nl != NULL ? (gsize) (nl - text) : len;
      s = line_start;
      e = i;

      while (s < e && is_space (g_utf8_get_char (text + s)))
        s = g_utf8_next_char (text + s) - text;
      while (e > s)
        {
          const char *p = g_utf8_find_prev_char (text + s, text + e);

          if (p == NULL || !is_space (g_utf8_get_char (p)))
            break;
          e = p - text;
        }

      line.raw_start = line_start;
      line.start = s;
      line.end = e;
      if (s == e)
        line.kind = KIND_BLANK;
      else
        {
          line.kind = DOSSIER_SECTION_BODY;
          classify_line (text, &line);
        }
      g_array_append_val (lines, line);
      line_start = i + 1;
    }

  return lines;
}

#define LINE(i) (&g_array_index (lines, Line, (i)))

static guint
next_nonblank (GArray *lines,
               guint   i,
               guint   limit)
{
  while (i < limit && LINE (i)->kind == KIND_BLANK)
    i++;
  return i;
}

/* Where the reader comments start: a marker line, or the first of two or
 * more comment headers, after the first paragraph of prose.  Returns
 * lines->len when there are none. */
static guint
find_comments (GArray *lines,
               guint   first_prose)
{
  guint heads_after = 0;
  guint first_head = lines->len;

  if (first_prose >= lines->len)
    return lines->len;

  for (guint i = first_prose + 1; i < lines->len; i++)
    {
      if (LINE (i)->kind != KIND_BLANK && LINE (i)->comment_marker)
        return MIN (i, first_head);
      if (LINE (i)->kind != KIND_BLANK && LINE (i)->comment_head)
        {
          if (first_head == lines->len)
            first_head = i;
          heads_after++;
        }
    }

  return heads_after >= 2 ? first_head : lines->len;
}

static gboolean
starts_lower (const char *text,
              const Line *line)
{
  return g_unichar_islower (g_utf8_get_char (text + line->start));
}

/* A line without final punctuation followed by one starting in lower case:
 * one paragraph hard-wrapped. */
static gboolean
wraps_into (const char *text,
            const Line *line,
            const Line *next)
{
  return line->kind != KIND_BLANK && next->kind != KIND_BLANK &&
         !line->terminal && !line->period && !line->furniture && !next->furniture &&
         starts_lower (text, next);
}

/* Reads as a headline: not too long, no final period. */
static gboolean
is_headline (const char *text,
             const Line *line)
{
  return line->n_words <= 30 && line->end - line->start <= 300 &&
         last_char (text, line->start, line->end, TRUE) != '.';
}

/* Hard-wrapped paragraphs are read whole: "at\nseventy columns". */
static void
join_wrapped_lines (const char *text,
                    GArray     *lines)
{
  guint n = lines->len;

  for (guint i = 0; i < n; i++)
    {
      guint j = i, words;
      gboolean prose;

      if (LINE (i)->kind == KIND_BLANK || LINE (i)->furniture)
        continue;
      while (j + 1 < n && wraps_into (text, LINE (j), LINE (j + 1)))
        j++;
      if (j == i)
        continue;

      words = 0;
      prose = FALSE;
      for (guint k = i; k <= j; k++)
        {
          words += LINE (k)->n_words;
          prose |= LINE (k)->prose;
          LINE (k)->continued = k < j;
        }
      prose |= words >= 25 || (words >= 8 && LINE (j)->terminal);
      for (guint k = i; k <= j; k++)
        LINE (k)->prose = prose;
      i = j;
    }
}

static gboolean
is_prose_line (const Line *line)
{
  return line->kind != KIND_BLANK && line->prose && !line->furniture;
}

/* The header: what comes before the first paragraph of prose, at most a
 * dozen lines.  Without prose, only up to the first real line. */
static guint
find_header_end (GArray *lines,
                 guint   first_prose,
                 guint   cstart)
{
  guint n = lines->len;
  guint header_end = MIN (first_prose, cstart);
  guint seen = 0;

  for (guint i = 0; i < header_end; i++)
    {
      if (LINE (i)->kind == KIND_BLANK)
        continue;
      if (++seen > 12 || (first_prose == n && !LINE (i)->furniture))
        return first_prose == n ? i + 1 : i;
    }

  return header_end;
}

/* A headline repeated in the header is the title ("Vous lisez" pages);
 * otherwise the first line that is not chrome, if it reads as one.  A
 * rubric before the headline gives way to it: "Économie" then "Le rachat
 * de ...".  Returns -1 without a title. */
static int
find_title (const char *text,
            GArray     *lines,
            guint       header_end)
{
  int title = -1;

  for (guint i = 0; i < header_end && title < 0; i++)
    {
      if (LINE (i)->kind == KIND_BLANK || LINE (i)->furniture)
        continue;
      for (guint j = i + 1; j < header_end; j++)
        {
          if (LINE (j)->kind != KIND_BLANK && lines_equal (text, LINE (i), LINE (j)))
            {
              title = i;
              break;
            }
        }
    }
  if (title < 0)
    {
      for (guint i = 0; i < header_end; i++)
        {
          Line *line = LINE (i);

          if (line->kind == KIND_BLANK || line->furniture)
            continue;
          if (is_headline (text, line))
            title = i;
          break;
        }
    }

  if (title >= 0 && LINE (title)->n_words <= 2 && is_short_label (LINE (title), 2))
    {
      for (guint i = title + 1; i < header_end; i++)
        {
          Line *line = LINE (i);

          if (line->kind == KIND_BLANK || line->furniture || line->byline)
            continue;
          if (line->n_words >= 4 && is_headline (text, line))
            title = i;
          break;
        }
    }

  return title;
}

static void
classify_header (const char *text,
                 GArray     *lines,
                 guint       header_end,
                 int         title)
{
  for (guint i = 0; i < header_end; i++)
    {
      Line *line = LINE (i);

      if (line->kind == KIND_BLANK)
        continue;
      if ((int) i == title)
        line->kind = DOSSIER_SECTION_TITLE;
      else if (line->furniture || line->byline ||
               (title >= 0 && lines_equal (text, line, LINE (title))) ||
               is_short_label (line, 10))
        line->kind = DOSSIER_SECTION_FURNITURE;
      else
        line->kind = DOSSIER_SECTION_BODY;
    }
}

/* "Tags" or "Lire aussi" at line i, then short labels. */
static void
mark_list_after (GArray *lines,
                 guint   i,
                 guint   cstart)
{
  for (guint j = next_nonblank (lines, i + 1, cstart);
       j < cstart && LINE (j)->n_words <= 8 && !LINE (j)->terminal;
       j = next_nonblank (lines, j + 1, cstart))
    LINE (j)->kind = DOSSIER_SECTION_FURNITURE;
}

/* "Erwan / Rédigé par / Erwan / bio...": the author's block around the
 * marker at line i.  Returns TRUE when it ends the body. */
static gboolean
mark_author_block (GArray *lines,
                   guint   i,
                   guint   header_end,
                   guint   cstart)
{
  guint prev = i, next = next_nonblank (lines, i + 1, cstart);
  guint remaining = 0;

  while (prev > header_end && LINE (prev - 1)->kind == KIND_BLANK)
    prev--;
  if (prev > header_end && is_short_label (LINE (prev - 1), 3))
    LINE (prev - 1)->kind = DOSSIER_SECTION_FURNITURE;
  if (next < cstart && is_short_label (LINE (next), 4))
    LINE (next)->kind = DOSSIER_SECTION_FURNITURE;

  for (guint j = next + 1; j < cstart; j++)
    remaining += LINE (j)->kind != KIND_BLANK;
  if (next >= cstart || remaining > 2)
    return FALSE;

  for (guint j = next; j < cstart; j++)
    {
      if (LINE (j)->kind != KIND_BLANK)
        LINE (j)->kind = DOSSIER_SECTION_FURNITURE;
    }
  return TRUE;
}

static void
classify_body (GArray *lines,
               guint   header_end,
               guint   cstart)
{
  guint last_prose = lines->len;

  for (guint i = header_end; i < cstart; i++)
    {
      if (is_prose_line (LINE (i)))
        last_prose = i;
    }

  for (guint i = header_end; i < cstart; i++)
    {
      Line *line = LINE (i);

      if (line->kind == KIND_BLANK)
        continue;

      if (line->furniture)
        line->kind = DOSSIER_SECTION_FURNITURE;
      if (line->list_marker)
        mark_list_after (lines, i, cstart);
      if (line->author_marker && mark_author_block (lines, i, header_end, cstart))
        break;

      /* After the last paragraph, short labels are the page's. */
      if (last_prose < cstart && i > last_prose && is_short_label (line, 6))
        line->kind = DOSSIER_SECTION_FURNITURE;
    }
}

/* The comments: headers, "@NAME", badges and markers are chrome. */
static void
classify_comments (GArray *lines,
                   guint   cstart)
{
  for (guint i = cstart; i < lines->len; i++)
    {
      Line *line = LINE (i);

      if (line->kind == KIND_BLANK)
        continue;
      if (line->furniture || line->comment_head || line->handle || line->byline)
        line->kind = DOSSIER_SECTION_FURNITURE;
      else
        line->kind = DOSSIER_SECTION_COMMENTS;
    }
}

/* Classifies every line; returns the index of the title line or -1. */
static int
structure_lines (const char *text,
                 GArray     *lines,
                 guint      *comments_line)
{
  guint first_prose = lines->len, cstart, header_end;
  int title;

  join_wrapped_lines (text, lines);

  for (guint i = 0; i < lines->len; i++)
    {
      if (is_prose_line (LINE (i)))
        {
          first_prose = i;
          break;
        }
    }

  cstart = find_comments (lines, first_prose);
  *comments_line = cstart;

  header_end = find_header_end (lines, first_prose, cstart);
  title = find_title (text, lines, header_end);
  classify_header (text, lines, header_end, title);
  classify_body (lines, header_end, cstart);
  classify_comments (lines, cstart);

  return title;
}

static void
add_section (GArray             *sections,
             gsize               start,
             gsize               end,
             DossierSectionKind  kind)
{
  if (sections->len > 0)
    {
      DossierSection *last = &g_array_index (sections, DossierSection, sections->len - 1);

      if (last->kind == kind)
        {
          last->end = end;
          return;
        }
    }

  g_array_append_val (sections, ((DossierSection) { start, end, kind }));
}

/* Paragraphs are lines, except that a line without final punctuation
 * followed by one starting in lower case is a hard-wrapped paragraph. */
static guint
paragraph_end (const char *text,
               GArray     *lines,
               guint       i)
{
  while (i + 1 < lines->len &&
         LINE (i + 1)->kind == LINE (i)->kind &&
         wraps_into (text, LINE (i), LINE (i + 1)))
    i++;
  return i;
}

/* Appends @ranges as sentences of @section, the array grown once. */
static void
add_sentences (GArray             *sentences,
               GArray             *ranges,
               DossierSectionKind  section)
{
  guint first = sentences->len;

  g_array_set_size (sentences, first + ranges->len);
  for (guint r = 0; r < ranges->len; r++)
    {
      const DossierRange *range = &g_array_index (ranges, DossierRange, r);

      g_array_index (sentences, DossierSentence, first + r) =
        (DossierSentence) { range->start, range->end, section };
    }
}

static void
analyse (DossierArticle *article)
{
  const char *text = article->text;
  g_autoptr(GArray) lines = split_lines (text, article->len);
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (DossierRange));
  guint comments_line;
  gboolean first = TRUE;
  gboolean inferred;
  int title;

  title = structure_lines (text, lines, &comments_line);

  if (title >= 0)
    {
      const Line *line = LINE (title);

      article->title = g_strndup (text + line->start, line->end - line->start);
      article->title_range = (DossierRange) { line->start, line->end };
    }

  if (comments_line < lines->len)
    article->comments = (DossierRange) { LINE (comments_line)->raw_start, article->len };
  else
    article->comments = (DossierRange) { article->len, article->len };

  /* Sections: each line with the blank lines after it (leading blank lines
   * go with the first), merged when of one kind, covering the text. */
  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = LINE (i);
      guint next;

      if (line->kind == KIND_BLANK)
        continue;
      next = next_nonblank (lines, i + 1, lines->len);
      add_section (article->sections, first ? 0 : line->raw_start,
                   next < lines->len ? LINE (next)->raw_start : article->len,
                   line->kind);
      first = FALSE;
    }
  if (article->sections->len == 0)
    add_section (article->sections, 0, article->len, DOSSIER_SECTION_BODY);

  /* Paragraphs and their sentences; the title's sentences count as body. */
  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = LINE (i);
      DossierSectionKind kind = line->kind;
      DossierRange para;
      guint last;

      if (kind != DOSSIER_SECTION_BODY && kind != DOSSIER_SECTION_COMMENTS &&
          kind != DOSSIER_SECTION_TITLE)
        continue;

      last = kind == DOSSIER_SECTION_TITLE ? i : paragraph_end (text, lines, i);
      para = (DossierRange) { line->start, LINE (last)->end };
      if (kind != DOSSIER_SECTION_TITLE)
        g_array_append_val (article->paragraphs, para);

      g_array_set_size (ranges, 0);
      dossier_sentences_split (text, para.start, para.end, ranges);
      add_sentences (article->sentences, ranges,
                     kind == DOSSIER_SECTION_COMMENTS ? DOSSIER_SECTION_COMMENTS : DOSSIER_SECTION_BODY);
      i = last;
    }

  /* The date: from the text until a manifest says otherwise. */
  article->dates = dossier_date_infer_and_scan (text, article->len, article->sections,
                                                &article->date, &article->date_evidence,
                                                &inferred);
  article->date_source = g_strdup (inferred ? "text" : "none");
}

/* @buffer, when not NULL, holds @data (transfer full, NUL-terminated at
 * @len): a UTF-8 file's buffer becomes its text. */
static DossierArticle *
article_new (const char  *id,
             const char  *path,
             const char  *data,
             gsize        len,
             char        *buffer,
             GError     **error)
{
  g_autofree char *owned = buffer;
  g_autoptr(DossierArticle) article = NULL;
  g_autofree char *name = NULL;

  /* Messages name the file as the user gave or found it. */
  name = path != NULL ? g_filename_display_name (path) : g_strdup (id);

  if (len > MAX_ARTICLE_SIZE)
    {
      g_set_error (error, DOSSIER_ARTICLE_ERROR, DOSSIER_ARTICLE_ERROR_TOO_LARGE,
                   _("“%s” is too large to be an article (more than %d MB)"),
                   name, MAX_ARTICLE_SIZE / (1024 * 1024));
      return NULL;
    }

  if (len == 0)
    {
      g_set_error (error, DOSSIER_ARTICLE_ERROR, DOSSIER_ARTICLE_ERROR_EMPTY,
                   _("“%s” is empty"), name);
      return NULL;
    }

  article = g_new0 (DossierArticle, 1);
  g_atomic_ref_count_init (&article->ref_count);
  article->id = g_strdup (id);
  article->path = g_strdup (path);
  article->sections = g_array_new (FALSE, FALSE, sizeof (DossierSection));
  article->paragraphs = g_array_new (FALSE, FALSE, sizeof (DossierRange));
  article->sentences = g_array_new (FALSE, FALSE, sizeof (DossierSentence));

  article->text = decode_text (name, data, len, &owned, &article->encoding, error);
  /* A file that was decoded is dropped before the analysis allocates, so
   * that malloc hands its pages out again. */
  g_clear_pointer (&owned, g_free);
  if (article->text == NULL)
    return NULL;
  article->len = normalise_line_ends (article->text, strlen (article->text));

  if (is_blank (article->text, article->text + article->len))
    {
      g_set_error (error, DOSSIER_ARTICLE_ERROR, DOSSIER_ARTICLE_ERROR_EMPTY,
                   _("“%s” contains only white space"), name);
      return NULL;
    }

  analyse (article);

  return g_steal_pointer (&article);
}

DossierArticle *
dossier_article_new_from_bytes (const char  *id,
                                const char  *path,
                                GBytes      *bytes,
                                GError     **error)
{
  const char *data;
  gsize len;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  return article_new (id, path, data, len, NULL, error);
}

DossierArticle *
dossier_article_new_from_file (GFile         *file,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  id = g_file_get_basename (file);
  path = g_file_get_path (file);

  if (path != NULL)
    return dossier_article_new_from_filename (id, path, path, error);

  bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (bytes == NULL)
    return NULL;

  return dossier_article_new_from_bytes (id, path, bytes, error);
}

static char *
read_file_data (const char  *path,
                gsize       *len,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *data;

  data = dossier_io_read_file_data (path, MAX_ARTICLE_SIZE, DOSSIER_IO_NONE, NULL, len, &local_error);
  if (data == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
    {
      g_autofree char *name = dossier_io_display_name (path);

      g_set_error (error, DOSSIER_ARTICLE_ERROR, DOSSIER_ARTICLE_ERROR_TOO_LARGE,
                   _("“%s” is too large to be an article (more than %d MB)"),
                   name, MAX_ARTICLE_SIZE / (1024 * 1024));
      return NULL;
    }
  if (data == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return data;
}

GBytes *
dossier_article_read_file (const char  *path,
                           GError     **error)
{
  char *data;
  gsize len;

  g_return_val_if_fail (path != NULL, NULL);

  data = read_file_data (path, &len, error);
  return data != NULL ? g_bytes_new_take (data, len) : NULL;
}

DossierArticle *
dossier_article_new_from_filename (const char  *id,
                                   const char  *path,
                                   const char  *filename,
                                   GError     **error)
{
  char *data;
  gsize len;

  g_return_val_if_fail (id != NULL && filename != NULL, NULL);

  data = read_file_data (filename, &len, error);
  /* The buffer is handed over: a UTF-8 text is not copied. */
  return data != NULL ? article_new (id, path, data, len, data, error) : NULL;
}

DossierArticle *
dossier_article_ref (DossierArticle *article)
{
  g_return_val_if_fail (article != NULL, NULL);
  g_atomic_ref_count_inc (&article->ref_count);
  return article;
}

static GArray *
copy_array (GArray *array)
{
  GArray *copy;

  if (array == NULL)
    return NULL;
  copy = g_array_sized_new (FALSE, FALSE, g_array_get_element_size (array), array->len);
  g_array_append_vals (copy, array->data, array->len);
  return copy;
}

DossierArticle *
dossier_article_copy (const DossierArticle *article)
{
  DossierArticle *copy;

  g_return_val_if_fail (article != NULL, NULL);

  copy = g_memdup2 (article, sizeof *article);
  g_atomic_ref_count_init (&copy->ref_count);
  copy->id = g_strdup (article->id);
  copy->path = g_strdup (article->path);
  copy->text = g_memdup2 (article->text, article->len + 1);
  copy->title = g_strdup (article->title);
  copy->date_source = g_strdup (article->date_source);
  copy->sections = copy_array (article->sections);
  copy->paragraphs = copy_array (article->paragraphs);
  copy->sentences = copy_array (article->sentences);
  copy->dates = copy_array (article->dates);
  return copy;
}

void
dossier_article_free (DossierArticle *article)
{
  if (article == NULL || !g_atomic_ref_count_dec (&article->ref_count))
    return;

  g_free (article->id);
  g_free (article->path);
  g_free (article->text);
  g_free (article->title);
  g_free (article->date_source);
  g_clear_pointer (&article->sections, g_array_unref);
  g_clear_pointer (&article->paragraphs, g_array_unref);
  g_clear_pointer (&article->sentences, g_array_unref);
  g_clear_pointer (&article->dates, g_array_unref);
  g_free (article);
}

void
dossier_article_set_date (DossierArticle    *article,
                          const DossierDate *date,
                          const char        *source)
{
  g_return_if_fail (article != NULL);
  g_return_if_fail (date != NULL);

  article->date = *date;
  g_free (article->date_source);
  article->date_source = g_strdup (dossier_date_is_known (date) && source != NULL ? source : "none");
  if (g_strcmp0 (source, "text") != 0)
    article->date_evidence = (DossierRange) { 0, 0 };

  g_clear_pointer (&article->dates, g_array_unref);
  article->dates = dossier_date_scan (article->text, article->len, &article->date);
}

void
dossier_article_set_title (DossierArticle *article,
                           const char     *title)
{
  g_return_if_fail (article != NULL);

  g_free (article->title);
  article->title = g_strdup (title);

  if (title == NULL)
    {
      g_autoptr(GArray) sections = g_steal_pointer (&article->sections);

      /* What the text took for a headline is body then. */
      article->sections = g_array_new (FALSE, FALSE, sizeof (DossierSection));
      for (guint i = 0; i < sections->len; i++)
        {
          const DossierSection *s = &g_array_index (sections, DossierSection, i);

          add_section (article->sections, s->start, s->end,
                       s->kind == DOSSIER_SECTION_TITLE ? DOSSIER_SECTION_BODY : s->kind);
        }
      article->title_range = (DossierRange) { 0, 0 };
    }
  else
    {
      /* Point at the headline when the text has it near the top. */
      const char *found = g_strstr_len (article->text, MIN (article->len, 4096), title);

      if (found != NULL)
        article->title_range = (DossierRange) { found - article->text,
                                                found - article->text + strlen (title) };
      else
        article->title_range = (DossierRange) { 0, 0 };
    }
}

DossierSectionKind
dossier_article_section_at (const DossierArticle *article,
                            gsize                 offset)
{
  g_return_val_if_fail (article != NULL, DOSSIER_SECTION_BODY);

  return dossier_sections_kind_at (article->sections, offset);
}

DossierSectionKind
dossier_sections_kind_at (const GArray *sections,
                          gsize         offset)
{
  guint lo = 0, hi;

  if (sections == NULL)
    return DOSSIER_SECTION_BODY;

  /* Sections are in order and cover the text. */
  hi = sections->len;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const DossierSection *s = &g_array_index (sections, DossierSection, mid);

      if (offset < s->start)
        hi = mid;
      else if (offset >= s->end)
        lo = mid + 1;
      else
        return s->kind;
    }

  return DOSSIER_SECTION_BODY;
}

int
dossier_article_sentence_at (const DossierArticle *article,
                             gsize                 offset)
{
  guint lo = 0, hi;

  g_return_val_if_fail (article != NULL, -1);

  hi = article->sentences->len;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const DossierSentence *s = &g_array_index (article->sentences, DossierSentence, mid);

      if (offset < s->start)
        hi = mid;
      else if (offset >= s->end)
        lo = mid + 1;
      else
        return mid;
    }

  return -1;
}

DossierDate
dossier_article_date_for_range (const DossierArticle *article,
                                gsize                 start,
                                gsize                 end)
{
  guint lo = 0, hi;

  g_return_val_if_fail (article != NULL, (DossierDate) { 0 });

  if (article->dates == NULL)
    return article->date;

  /* The first mention starting at or after @start. */
  hi = article->dates->len;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (article->dates, DossierDateMention, mid).start < start)
        lo = mid + 1;
      else
        hi = mid;
    }

  for (guint i = lo; i < article->dates->len; i++)
    {
      const DossierDateMention *m = &g_array_index (article->dates, DossierDateMention, i);

      if (m->start >= end)
        break;
      if (m->end <= end)
        return m->date;
    }

  return article->date;
}
