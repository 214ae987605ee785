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
#include "dossier-date.h"

G_DEFINE_QUARK (dossier-article-error-quark, dossier_article_error)

#define MAX_ARTICLE_SIZE (256 * 1024 * 1024)

/* Decodes to UTF-8: a BOM is dropped, valid UTF-8 is kept, anything else
 * is read as Windows-1252 (a superset of Latin-1's printable range). */
static char *
decode_text (const char  *id,
             const char  *data,
             gsize        len,
             const char **encoding,
             GError     **error)
{
  if (memchr (data, '\0', len) != NULL)
    {
      g_set_error (error, DOSSIER_ARTICLE_ERROR, DOSSIER_ARTICLE_ERROR_BINARY,
                   _("“%s” is a binary file, not text"), id);
      return NULL;
    }

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      len -= 3;
    }

  if (g_utf8_validate_len (data, len, NULL))
    {
      *encoding = "UTF-8";
      return g_strndup (data, len);
    }

  *encoding = "WINDOWS-1252";
  return g_convert (data, len, "UTF-8", "WINDOWS-1252", NULL, NULL, error);
}

/* CRLF and lone CR become '\n', in place. */
static gsize
normalise_line_ends (char  *text,
                     gsize  len)
{
  gsize w = 0;

  for (gsize r = 0; r < len; r++)
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

static gboolean
is_blank (const char *p,
          const char *end)
{
  for (; p < end; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }
  return TRUE;
}

static void
add_sentence (DossierArticle *article,
              gsize           start,
              gsize           end)
{
  DossierSentence s;

  while (start < end && g_ascii_isspace (article->text[start]))
    start++;
  while (end > start && g_ascii_isspace (article->text[end - 1]))
    end--;
  if (start == end)
    return;

  s.start = start;
  s.end = end;
  s.section = dossier_article_section_at (article, start);
  g_array_append_val (article->sentences, s);
}

/* A first structure: the title line, one body section, paragraphs at line
 * breaks, sentences at . ! ? followed by a space. */
static void
analyse (DossierArticle *article)
{
  const char *text = article->text;
  gsize len = article->len;
  gsize line_start = 0;
  DossierSection body;

  for (gsize i = 0; i <= len; i++)
    {
      if (i == len || text[i] == '\n')
        {
          if (!is_blank (text + line_start, text + i))
            {
              DossierRange para = { line_start, i };

              if (article->title == NULL)
                {
                  article->title = g_strstrip (g_strndup (text + line_start, i - line_start));
                  article->title_range = para;
                }
              else
                g_array_append_val (article->paragraphs, para);
            }
          line_start = i + 1;
        }
    }

  body.start = 0;
  body.end = len;
  body.kind = DOSSIER_SECTION_BODY;
  g_array_append_val (article->sections, body);

  for (guint p = 0; p < article->paragraphs->len; p++)
    {
      const DossierRange *para = &g_array_index (article->paragraphs, DossierRange, p);
      gsize start = para->start;

      for (gsize i = para->start; i < para->end; i++)
        {
          if ((text[i] == '.' || text[i] == '!' || text[i] == '?') &&
              (i + 1 == para->end || text[i + 1] == ' '))
            {
              add_sentence (article, start, i + 1);
              start = i + 1;
            }
        }
      add_sentence (article, start, para->end);
    }

  article->dates = dossier_date_scan (text, len, NULL);
  article->date_source = g_strdup ("none");
}

DossierArticle *
dossier_article_new_from_bytes (const char  *id,
                                const char  *path,
                                GBytes      *bytes,
                                GError     **error)
{
  g_autoptr(DossierArticle) article = NULL;
  const char *data;
  gsize len;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &len);

  if (len > MAX_ARTICLE_SIZE)
    {
      g_set_error (error, DOSSIER_ARTICLE_ERROR, DOSSIER_ARTICLE_ERROR_TOO_LARGE,
                   _("“%s” is too large to be an article"), id);
      return NULL;
    }

  article = g_new0 (DossierArticle, 1);
  article->id = g_strdup (id);
  article->path = g_strdup (path);
  article->sections = g_array_new (FALSE, FALSE, sizeof (DossierSection));
  article->paragraphs = g_array_new (FALSE, FALSE, sizeof (DossierRange));
  article->sentences = g_array_new (FALSE, FALSE, sizeof (DossierSentence));

  article->text = decode_text (id, data != NULL ? data : "", len, &article->encoding, error);
  if (article->text == NULL)
    return NULL;
  article->len = normalise_line_ends (article->text, strlen (article->text));

  if (is_blank (article->text, article->text + article->len))
    {
      g_set_error (error, DOSSIER_ARTICLE_ERROR, DOSSIER_ARTICLE_ERROR_EMPTY,
                   _("“%s” is empty"), id);
      return NULL;
    }

  analyse (article);

  return g_steal_pointer (&article);
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

  if (!(bytes = g_file_load_bytes (file, cancellable, NULL, error)))
    return NULL;

  return dossier_article_new_from_bytes (id, path, bytes, error);
}

void
dossier_article_free (DossierArticle *article)
{
  if (article == NULL)
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

DossierSectionKind
dossier_article_section_at (const DossierArticle *article,
                            gsize                 offset)
{
  g_return_val_if_fail (article != NULL, DOSSIER_SECTION_BODY);

  for (guint i = 0; i < article->sections->len; i++)
    {
      const DossierSection *s = &g_array_index (article->sections, DossierSection, i);

      if (offset >= s->start && offset < s->end)
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
  g_return_val_if_fail (article != NULL, (DossierDate) { 0 });

  for (guint i = 0; article->dates != NULL && i < article->dates->len; i++)
    {
      const DossierDateMention *m = &g_array_index (article->dates, DossierDateMention, i);

      if (m->start >= start && m->end <= end)
        return m->date;
      if (m->start >= end)
        break;
    }

  return article->date;
}
