/* fuzz-common.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Shared by the fuzz targets: set-up, and the invariants every stage
 * promises its readers (offsets in bounds and on character boundaries,
 * arrays in order, outputs that parse back).  A broken invariant aborts,
 * which libFuzzer reports as a crash and the replay test as a failure.
 *
 * Each target defines LLVMFuzzerTestOneInput.  The replay test builds the
 * same file with -DLLVMFuzzerTestOneInput=dossier_fuzz_<name>, so one
 * program can feed the regression inputs through every target without
 * libFuzzer. */

#pragma once

#include <glib.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dossier-article.h"
#include "dossier-date.h"
#include "dossier-gazetteer.h"
#include "dossier-graph.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
fuzz_trap_to_abort (int signum)
{
  abort ();
}

/* Bugs show as criticals or warnings (a g_return_if_fail we tripped,
 * say): make them fatal like a failed assertion.  GLib stops on a fatal
 * message with a breakpoint trap, which libFuzzer does not catch: turn it
 * into an abort, so that the input is saved. */
static inline void
fuzz_init_logging (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      signal (SIGTRAP, fuzz_trap_to_abort);
      g_once_init_leave (&done, 1);
    }
}

/* The input read as the article "fuzz.txt", logging set up first.  The
 * bytes are copied, so that a read past their end is a reported overflow. */
static inline DossierArticle *
fuzz_read_article (const uint8_t  *data,
                   size_t          size,
                   GError        **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);

  fuzz_init_logging ();
  return dossier_article_new_from_bytes ("fuzz.txt", NULL, bytes, error);
}

/* The shipped gazetteer, loaded once per target: every input reads the
 * same dictionaries. */
static inline DossierGazetteer *
fuzz_get_gazetteer (void)
{
  static DossierGazetteer *gazetteer = NULL;

  if (gazetteer == NULL)
    {
      g_autoptr(GError) error = NULL;

      gazetteer = dossier_gazetteer_new_default (&error);
      if (gazetteer == NULL)
        g_error ("Could not load the gazetteer (set DOSSIER_DATA_DIR): %s", error->message);
    }

  return gazetteer;
}

/* A bug listed in DOSSIER_FUZZ_KNOWN_BUGS (build-aux/fuzz.sh fills it from
 * tests/fuzz/known-bugs) is not reported again, so a long run can look
 * past it.  The replay test never sets it: the ".open" regression input
 * tracks the bug there. */
static inline gboolean
fuzz_known_bug (const char *name)
{
  const char *list = g_getenv ("DOSSIER_FUZZ_KNOWN_BUGS");
  g_auto(GStrv) names = NULL;

  if (list == NULL)
    return FALSE;
  names = g_strsplit_set (list, " ,\n", -1);
  return g_strv_contains ((const char * const *) names, name);
}

/* Valid UTF-8 made from arbitrary bytes: what the stages after the
 * article reader are promised. */
static inline char *
fuzz_make_utf8 (const uint8_t *data,
                size_t         size)
{
  g_autofree char *nul_free = g_malloc (size + 1);
  gsize n = 0;

  /* Text as loaded never holds NUL bytes. */
  for (size_t i = 0; i < size; i++)
    nul_free[n++] = data[i] != '\0' ? (char) data[i] : ' ';
  nul_free[n] = '\0';

  return g_utf8_make_valid (nul_free, n);
}

static inline gboolean
fuzz_is_char_boundary (const char *text,
                       gsize       len,
                       gsize       offset)
{
  if (offset == 0 || offset == len)
    return TRUE;
  /* Not a UTF-8 continuation byte. */
  return ((guchar) text[offset] & 0xC0) != 0x80;
}

static inline void
fuzz_check_range (const char *text,
                  gsize       len,
                  gsize       start,
                  gsize       end)
{
  g_assert_cmpuint (start, <=, end);
  g_assert_cmpuint (end, <=, len);
  g_assert_true (fuzz_is_char_boundary (text, len, start));
  g_assert_true (fuzz_is_char_boundary (text, len, end));
}

static inline void
fuzz_check_date (const DossierDate *date)
{
  g_autofree char *iso = NULL;

  g_assert_cmpint (date->precision, >=, DOSSIER_DATE_PRECISION_NONE);
  g_assert_cmpint (date->precision, <=, DOSSIER_DATE_PRECISION_DAY);

  iso = dossier_date_to_string (date);
  if (date->precision == DOSSIER_DATE_PRECISION_NONE)
    {
      g_assert_null (iso);
      return;
    }

  /* Years outside ISO 8601's four digits do not survive the round trip. */
  g_assert_cmpint (date->year, >=, 1);
  g_assert_cmpint (date->year, <=, 9999);
  g_assert_cmpuint (date->month, <=, 12);
  g_assert_cmpuint (date->day, <=, 31);
  if (date->precision >= DOSSIER_DATE_PRECISION_MONTH)
    g_assert_cmpuint (date->month, >=, 1);
  else
    g_assert_cmpuint (date->month, ==, 0);
  if (date->precision == DOSSIER_DATE_PRECISION_DAY)
    g_assert_true (g_date_valid_dmy (date->day, date->month, date->year));
  else
    g_assert_cmpuint (date->day, ==, 0);

  /* The ISO form is what JSON and the project file carry: it must read
   * back as the same date. */
  g_assert_nonnull (iso);
  {
    DossierDate back = { 0 };

    g_assert_true (dossier_date_parse_iso (iso, &back));
    g_assert_cmpint (back.year, ==, date->year);
    g_assert_cmpuint (back.month, ==, date->month);
    g_assert_cmpuint (back.day, ==, date->day);
    g_assert_cmpint (back.precision, ==, date->precision);
  }
}

static inline void
fuzz_check_date_mentions (const char *text,
                          gsize       len,
                          GArray     *dates)
{
  gsize last_start = 0;

  g_assert_nonnull (dates);
  for (guint i = 0; i < dates->len; i++)
    {
      const DossierDateMention *m = &g_array_index (dates, DossierDateMention, i);

      fuzz_check_range (text, len, m->start, m->end);
      g_assert_cmpuint (m->start, <, m->end);
      g_assert_cmpuint (m->start, >=, last_start);
      last_start = m->start;
      fuzz_check_date (&m->date);
      g_assert_cmpint (m->date.precision, !=, DOSSIER_DATE_PRECISION_NONE);
    }
}

/* What the reader, the extractor and the exports rely on. */
static inline void
fuzz_check_article (const DossierArticle *article)
{
  const char *text = article->text;
  gsize len = article->len;
  gsize pos = 0;
  gsize last_end = 0;

  g_assert_nonnull (article->id);
  g_assert_nonnull (text);
  g_assert_nonnull (article->encoding);
  g_assert_cmpuint (strlen (text), ==, len);
  g_assert_true (g_utf8_validate_len (text, len, NULL));
  g_assert_null (memchr (text, '\r', len));

  if (article->title != NULL)
    {
      g_assert_true (g_utf8_validate (article->title, -1, NULL));
      fuzz_check_range (text, len, article->title_range.start, article->title_range.end);
    }

  g_assert_nonnull (article->date_source);
  g_assert_true (g_str_equal (article->date_source, "manifest") ||
                 g_str_equal (article->date_source, "text") ||
                 g_str_equal (article->date_source, "none"));
  fuzz_check_date (&article->date);
  if (g_str_equal (article->date_source, "text"))
    fuzz_check_range (text, len, article->date_evidence.start, article->date_evidence.end);

  /* Sections: in order, covering the text. */
  g_assert_nonnull (article->sections);
  for (guint i = 0; i < article->sections->len; i++)
    {
      const DossierSection *s = &g_array_index (article->sections, DossierSection, i);

      fuzz_check_range (text, len, s->start, s->end);
      g_assert_cmpuint (s->start, ==, pos);
      g_assert_cmpint (s->kind, >=, DOSSIER_SECTION_FURNITURE);
      g_assert_cmpint (s->kind, <=, DOSSIER_SECTION_COMMENTS);
      pos = s->end;
    }
  if (article->sections->len > 0)
    g_assert_cmpuint (pos, ==, len);

  g_assert_nonnull (article->paragraphs);
  last_end = 0;
  for (guint i = 0; i < article->paragraphs->len; i++)
    {
      const DossierRange *r = &g_array_index (article->paragraphs, DossierRange, i);

      fuzz_check_range (text, len, r->start, r->end);
      g_assert_cmpuint (r->start, >=, last_end);
      last_end = r->end;
    }

  /* Sentences: in order, disjoint, furniture excluded, found again by
   * offset (the passage panel and the extractor look them up so). */
  g_assert_nonnull (article->sentences);
  last_end = 0;
  for (guint i = 0; i < article->sentences->len; i++)
    {
      const DossierSentence *s = &g_array_index (article->sentences, DossierSentence, i);
      DossierDate date;

      fuzz_check_range (text, len, s->start, s->end);
      g_assert_cmpuint (s->start, <, s->end);
      g_assert_cmpuint (s->start, >=, last_end);
      g_assert_cmpint (s->section, !=, DOSSIER_SECTION_FURNITURE);
      g_assert_cmpint (dossier_article_sentence_at (article, s->start), ==, (int) i);
      g_assert_cmpint (dossier_article_sentence_at (article, s->end - 1), ==, (int) i);
      date = dossier_article_date_for_range (article, s->start, s->end);
      fuzz_check_date (&date);
      last_end = s->end;
    }

  fuzz_check_date_mentions (text, len, article->dates);
}

/* Entities, mentions, relations and evidence point where they should. */
static inline void
fuzz_check_graph (DossierGraph *graph)
{
  DossierCorpus *corpus = graph->corpus;

  for (guint i = 0; i < graph->entities->len; i++)
    {
      DossierEntity *entity = dossier_graph_get_entity (graph, i);

      g_assert_cmpuint (entity->id, ==, i);
      g_assert_nonnull (entity->name);
      g_assert_true (g_utf8_validate (entity->name, -1, NULL));
      g_assert_cmpint (entity->type, >=, 0);
      g_assert_cmpint (entity->type, <, DOSSIER_N_ENTITY_TYPES);

      for (guint a = 0; a < entity->aliases->len; a++)
        g_assert_true (g_utf8_validate (g_ptr_array_index (entity->aliases, a), -1, NULL));

      for (guint m = 0; m < entity->mentions->len; m++)
        {
          const DossierMention *mention = &g_array_index (entity->mentions, DossierMention, m);
          DossierArticle *article;

          g_assert_cmpuint (mention->article, <, corpus->articles->len);
          article = dossier_corpus_get_article (corpus, mention->article);
          fuzz_check_range (article->text, article->len, mention->start, mention->end);
          g_assert_cmpuint (mention->start, <, mention->end);
        }
    }

  for (guint i = 0; i < graph->relations->len; i++)
    {
      DossierRelation *relation = dossier_graph_get_relation (graph, i);

      g_assert_cmpuint (relation->id, ==, i);
      g_assert_cmpuint (relation->source, <, graph->entities->len);
      g_assert_cmpuint (relation->target, <, graph->entities->len);
      g_assert_cmpint (relation->type, >=, 0);
      g_assert_cmpint (relation->type, <, DOSSIER_N_RELATION_TYPES);
      if (dossier_relation_type_is_symmetric (relation->type))
        g_assert_cmpuint (relation->source, <=, relation->target);
      g_assert_true (dossier_graph_lookup_relation (graph, relation->source,
                                                    relation->type, relation->target) == relation);

      for (guint e = 0; e < relation->evidence->len; e++)
        {
          const DossierEvidence *ev = &g_array_index (relation->evidence, DossierEvidence, e);
          DossierArticle *article;

          g_assert_cmpuint (ev->article, <, corpus->articles->len);
          article = dossier_corpus_get_article (corpus, ev->article);
          fuzz_check_range (article->text, article->len, ev->start, ev->end);
          fuzz_check_range (article->text, article->len, ev->source_start, ev->source_end);
          fuzz_check_range (article->text, article->len, ev->target_start, ev->target_end);
          /* The passage holds both mentions it links (dossier-types.h). */
          g_assert_cmpuint (ev->source_start, >=, ev->start);
          g_assert_cmpuint (ev->source_end, <=, ev->end);
          g_assert_cmpuint (ev->target_start, >=, ev->start);
          g_assert_cmpuint (ev->target_end, <=, ev->end);
          fuzz_check_date (&ev->date);
        }
    }
}
