/* dossier-corpus.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dossier-article.h"

G_BEGIN_DECLS

#define DOSSIER_CORPUS_ERROR (dossier_corpus_error_quark ())

typedef enum
{
  DOSSIER_CORPUS_ERROR_NO_ARTICLES,  /* nothing readable was found */
  DOSSIER_CORPUS_ERROR_MANIFEST,     /* the manifest could not be parsed */
} DossierCorpusError;

/* A file that could not be read; the others still load. */
typedef struct
{
  char   *path;
  GError *error;
} DossierLoadProblem;

/* Reports files done out of total; called on the loading thread. */
typedef void (*DossierProgressFunc) (guint    done,
                                     guint    total,
                                     gpointer user_data);

struct _DossierCorpus
{
  GPtrArray *articles;  /* DossierArticle, sorted by id */
  GPtrArray *problems;  /* DossierLoadProblem */
  char     **roots;     /* the paths it was loaded from */
};

GQuark         dossier_corpus_error_quark (void);

DossierCorpus *dossier_corpus_new          (void);
DossierCorpus *dossier_corpus_ref          (DossierCorpus        *corpus);
void           dossier_corpus_unref        (DossierCorpus        *corpus);

/* Loads files and folders (recursively, *.txt).  A folder's manifest
 * (see README) sets dates and titles.  Unreadable files become problems;
 * fails only when cancelled or when no article at all could be read.
 * Files are read on one thread per core. */
DossierCorpus *dossier_corpus_load         (const char * const   *paths,
                                            GCancellable         *cancellable,
                                            DossierProgressFunc   progress,
                                            gpointer              progress_data,
                                            GError              **error);

/* The same with the files read and prepared on @n_jobs threads (0: one
 * per core).  The result does not depend on @n_jobs. */
DossierCorpus *dossier_corpus_load_full    (const char * const   *paths,
                                            guint                 n_jobs,
                                            GCancellable         *cancellable,
                                            DossierProgressFunc   progress,
                                            gpointer              progress_data,
                                            GError              **error);

/* A digest of what dossier_corpus_load() would read from @paths, from
 * stat() alone: every article's and manifest's path, size, modification
 * time and inode.  It changes when an article is added, removed, edited or
 * replaced, so a result made from the articles can be kept under it.
 * Missing paths count as missing; never fails but when cancelled (NULL). */
char          *dossier_corpus_stamp        (const char * const   *paths,
                                            GCancellable         *cancellable);

/* The same on a worker thread. */
void           dossier_corpus_load_async   (const char * const   *paths,
                                            GCancellable         *cancellable,
                                            DossierProgressFunc   progress,
                                            gpointer              progress_data,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
DossierCorpus *dossier_corpus_load_finish  (GAsyncResult         *result,
                                            GError              **error);

/* A corpus that shares @base's articles, for corrections that must not
 * change @base while others read it. */
DossierCorpus *dossier_corpus_new_overlay  (DossierCorpus        *base);
/* Takes ownership of @article, in place of the one at @index. */
void           dossier_corpus_replace_article (DossierCorpus     *corpus,
                                            guint                 index,
                                            DossierArticle       *article);

/* Takes ownership of @article. */
void           dossier_corpus_add_article  (DossierCorpus        *corpus,
                                            DossierArticle       *article);

static inline DossierArticle *
dossier_corpus_get_article (DossierCorpus *corpus,
                            guint          index)
{
  return g_ptr_array_index (corpus->articles, index);
}

/* The folder of the installed (or source-tree) seed articles. */
char          *dossier_corpus_default_path (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierCorpus, dossier_corpus_unref)

G_END_DECLS
