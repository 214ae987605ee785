/* dossier-article.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* An article as saved from the web, read faithfully.
 *
 * Bytes are decoded (UTF-8 with or without BOM, UTF-16 with a BOM, else
 * Windows-1252 / Latin-1; mostly-UTF-8 text with a few broken bytes stays
 * UTF-8 with U+FFFD), line ends become '\n'.  Binary files (NUL bytes or
 * control characters) and empty or blank files are refused with a message
 * naming the file.
 *
 * Each line is then classified: page furniture (menus, "Vous lisez",
 * "Tags" and the tags after it, share bars, bylines such as "NAME |" or
 * "Par NAME", captions and credits "Image : ...", datelines "Publié le
 * ...", categories and rubrics in the header, the author block after
 * "Rédigé par", separators), the title (the headline of the header, the
 * repeated one when a page shows it twice; none when the text opens with
 * a paragraph), the body, and the reader comments (from "Vos
 * commentaires", "12 comments" or the first of several "avatar NAME |" /
 * "NAME a écrit :" headers to the end), where headers, "@NAME" lines and
 * badges are furniture too.  The words used are generic web vocabulary in
 * French and English.  Paragraphs are lines, joined when hard-wrapped;
 * sentences follow dossier-sentences.h; dates dossier-date.h.
 */

#pragma once

#include <gio/gio.h>

#include "dossier-types.h"

G_BEGIN_DECLS

#define DOSSIER_ARTICLE_ERROR (dossier_article_error_quark ())

typedef enum
{
  DOSSIER_ARTICLE_ERROR_BINARY,     /* NUL bytes or not text at all */
  DOSSIER_ARTICLE_ERROR_EMPTY,      /* nothing but white space */
  DOSSIER_ARTICLE_ERROR_TOO_LARGE,
  DOSSIER_ARTICLE_ERROR_ENCODING,   /* could not be decoded */
} DossierArticleError;

/* One article as the reader shows it.  Plain data, owned by its corpus. */
struct _DossierArticle
{
  char        *id;            /* the file name */
  char        *path;          /* as given or found; NULL for in-memory text */
  char        *text;          /* UTF-8, '\n' line ends, no BOM; NUL-terminated */
  gsize        len;
  const char  *encoding;      /* static: "UTF-8", "WINDOWS-1252", ... */

  char        *title;         /* NULL when the text has no headline */
  DossierRange title_range;   /* the headline in the text; empty when the
                               * title came from elsewhere (a manifest) */

  DossierDate  date;
  char        *date_source;   /* "manifest", "text" or "none" */
  DossierRange date_evidence; /* the words that gave the date, when from text */

  GArray      *sections;      /* DossierSection, in order, covering the text */
  GArray      *paragraphs;    /* DossierRange, body and comments only */
  GArray      *sentences;     /* DossierSentence, in order: the title's and the
                               * body's (section BODY) and the comments'
                               * (section COMMENTS); furniture has none */
  GArray      *dates;         /* DossierDateMention, in order */

  /* The reader-comment part, from its first line to the end of the text;
   * empty (start == end == len) when the article has none. */
  DossierRange comments;

  gatomicrefcount ref_count;  /* a corrected corpus shares the others */
};

GQuark              dossier_article_error_quark   (void);

/* Decodes @bytes (UTF-8 with or without BOM, Windows-1252/Latin-1), then
 * finds title, sections, paragraphs, sentences and dates.  @id names the
 * article in messages. */
DossierArticle     *dossier_article_new_from_bytes (const char    *id,
                                                    const char    *path,
                                                    GBytes        *bytes,
                                                    GError       **error);
/* Reads an article's bytes: a regular file only (a pipe, a device or a
 * folder is refused without waiting or reading), refused as too large
 * from its size before reading, and never more than the limit + 1 bytes. */
GBytes             *dossier_article_read_file     (const char    *path,
                                                   GError       **error);
/* Reads @filename (as dossier_article_read_file() does) into an article
 * whose path is @path; the file's buffer becomes the text when it is
 * UTF-8, without a copy. */
DossierArticle     *dossier_article_new_from_filename (const char *id,
                                                       const char *path,
                                                       const char *filename,
                                                       GError    **error);
DossierArticle     *dossier_article_new_from_file  (GFile         *file,
                                                    GCancellable  *cancellable,
                                                    GError       **error);
DossierArticle     *dossier_article_ref            (DossierArticle *article);
/* Drops a reference: the article is freed with the last. */
void                dossier_article_free           (DossierArticle *article);
/* A copy of its own, to be corrected while the original is read. */
DossierArticle     *dossier_article_copy           (const DossierArticle *article);

/* Sets the article's date and where it came from ("manifest", "text"),
 * then resolves the date expressions of the text against it again. */
void                dossier_article_set_date       (DossierArticle    *article,
                                                    const DossierDate *date,
                                                    const char        *source);
/* Replaces the title (NULL: the article has no headline). */
void                dossier_article_set_title      (DossierArticle    *article,
                                                    const char        *title);

/* The section kind at @offset. */
DossierSectionKind  dossier_article_section_at     (const DossierArticle *article,
                                                    gsize                 offset);
/* The same in @sections (DossierSection, in order; NULL: all body). */
DossierSectionKind  dossier_sections_kind_at       (const GArray         *sections,
                                                    gsize                 offset);
/* The index of the sentence holding @offset, or -1. */
int                 dossier_article_sentence_at    (const DossierArticle *article,
                                                    gsize                 offset);
/* The event date of a passage: the first date mention inside [start, end),
 * else the article's date. */
DossierDate         dossier_article_date_for_range (const DossierArticle *article,
                                                    gsize                 start,
                                                    gsize                 end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierArticle, dossier_article_free)

G_END_DECLS
