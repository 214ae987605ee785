/* gen-corpus.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A deterministic generator of synthetic news corpora for benchmarks and
 * stress tests: articles in French and English built from the seed
 * articles' vocabulary, the gazetteer's actors (with their aliases) and
 * synthetic actors, with dates, typed relation sentences, furniture lines
 * and reader comments.  The same seed and options give the same bytes on
 * every machine (GRand is a Mersenne Twister). */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint32     seed;
  guint       n_articles;
  const char *seeds_dir;      /* vocabulary: *.txt */
  const char *gazetteer_dir;  /* actors: *.gaz */
  guint       n_synthetic;    /* actors not in the gazetteer; 0: 40 + n_articles / 10 */
  double      english;        /* share of English articles, 0..1 */
} DossierGenOptions;

typedef struct _DossierGen DossierGen;

void        dossier_gen_options_init (DossierGenOptions        *options);

/* Reads the vocabulary and the gazetteer. */
DossierGen *dossier_gen_new          (const DossierGenOptions  *options,
                                      GError                  **error);
void        dossier_gen_free         (DossierGen               *gen);

/* The text of article @index (UTF-8); the same index gives the same text
 * whatever the order of calls. */
char       *dossier_gen_article      (DossierGen               *gen,
                                      guint                     index);

/* Writes n_articles files named 00000.txt ... into @dir (created). */
gboolean    dossier_gen_write_corpus (DossierGen               *gen,
                                      const char               *dir,
                                      guint64                  *total_bytes,
                                      GError                  **error);

/* The synthetic actors as a gazetteer file, so a benchmark can extract
 * them like known actors. */
gboolean    dossier_gen_write_gazetteer (DossierGen            *gen,
                                         const char            *path,
                                         GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierGen, dossier_gen_free)

G_END_DECLS
