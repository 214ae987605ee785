/* dossier-corpus.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-corpus"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dossier-corpus.h"

G_DEFINE_QUARK (dossier-corpus-error-quark, dossier_corpus_error)

static void
dossier_load_problem_free (DossierLoadProblem *problem)
{
  g_free (problem->path);
  g_clear_error (&problem->error);
  g_free (problem);
}

DossierCorpus *
dossier_corpus_new (void)
{
  DossierCorpus *corpus;

  corpus = g_rc_box_new0 (DossierCorpus);
  corpus->articles = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_article_free);
  corpus->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_load_problem_free);

  return corpus;
}

static void
dossier_corpus_clear (DossierCorpus *corpus)
{
  g_ptr_array_unref (corpus->articles);
  g_ptr_array_unref (corpus->problems);
  g_strfreev (corpus->roots);
}

DossierCorpus *
dossier_corpus_ref (DossierCorpus *corpus)
{
  return g_rc_box_acquire (corpus);
}

void
dossier_corpus_unref (DossierCorpus *corpus)
{
  g_rc_box_release_full (corpus, (GDestroyNotify) dossier_corpus_clear);
}

void
dossier_corpus_add_article (DossierCorpus  *corpus,
                            DossierArticle *article)
{
  g_return_if_fail (corpus != NULL);
  g_return_if_fail (article != NULL);

  g_ptr_array_add (corpus->articles, article);
}

static void
add_problem (DossierCorpus *corpus,
             const char    *path,
             GError        *error)
{
  DossierLoadProblem *problem = g_new0 (DossierLoadProblem, 1);

  problem->path = g_strdup (path);
  problem->error = error;
  g_ptr_array_add (corpus->problems, problem);
}

static void
collect_files (GFile        *file,
               GPtrArray    *files,
               GCancellable *cancellable,
               DossierCorpus *corpus,
               gboolean      top)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GError) error = NULL;
  GFileType type;

  type = g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable);

  if (type != G_FILE_TYPE_DIRECTORY)
    {
      g_autofree char *name = g_file_get_basename (file);

      /* Named files are read whatever their name; in folders only *.txt. */
      if (top || g_str_has_suffix (name, ".txt"))
        g_ptr_array_add (files, g_object_ref (file));
      return;
    }

  enumerator = g_file_enumerate_children (file,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE,
                                          cancellable, &error);
  if (enumerator == NULL)
    {
      g_autofree char *path = g_file_get_path (file);
      add_problem (corpus, path, g_steal_pointer (&error));
      return;
    }

  for (;;)
    {
      GFileInfo *info = NULL;
      GFile *child = NULL;

      if (!g_file_enumerator_iterate (enumerator, &info, &child, cancellable, NULL) ||
          info == NULL)
        break;

      collect_files (child, files, cancellable, corpus, FALSE);
    }
}

static int
compare_articles (gconstpointer a,
                  gconstpointer b)
{
  const DossierArticle *aa = *(const DossierArticle * const *) a;
  const DossierArticle *ab = *(const DossierArticle * const *) b;
  int ret = g_strcmp0 (aa->id, ab->id);

  return ret != 0 ? ret : g_strcmp0 (aa->path, ab->path);
}

DossierCorpus *
dossier_corpus_load (const char * const   *paths,
                     GCancellable         *cancellable,
                     DossierProgressFunc   progress,
                     gpointer              progress_data,
                     GError              **error)
{
  g_autoptr(DossierCorpus) corpus = dossier_corpus_new ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (paths != NULL, NULL);

  corpus->roots = g_strdupv ((char **) paths);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[i]);

      if (!g_file_query_exists (file, cancellable))
        {
          add_problem (corpus, paths[i],
                       g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                    _("“%s” does not exist"), paths[i]));
          continue;
        }

      collect_files (file, files, cancellable, corpus, TRUE);
    }

  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      g_autoptr(GError) local_error = NULL;
      DossierArticle *article;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      article = dossier_article_new_from_file (file, cancellable, &local_error);
      if (article != NULL)
        dossier_corpus_add_article (corpus, article);
      else
        {
          g_autofree char *path = g_file_get_path (file);
          add_problem (corpus, path, g_steal_pointer (&local_error));
        }

      if (progress != NULL)
        progress (i + 1, files->len, progress_data);
    }

  g_ptr_array_sort (corpus->articles, compare_articles);

  if (corpus->articles->len == 0)
    {
      g_autoptr(GString) message = g_string_new (_("No readable article was found"));

      for (guint i = 0; i < corpus->problems->len; i++)
        {
          const DossierLoadProblem *p = g_ptr_array_index (corpus->problems, i);
          g_string_append_printf (message, "\n%s", p->error->message);
        }

      g_set_error_literal (error, DOSSIER_CORPUS_ERROR, DOSSIER_CORPUS_ERROR_NO_ARTICLES,
                           message->str);
      return NULL;
    }

  return g_steal_pointer (&corpus);
}

typedef struct
{
  char               **paths;
  DossierProgressFunc  progress;
  gpointer             progress_data;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_strfreev (data->paths);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;
  DossierCorpus *corpus;

  corpus = dossier_corpus_load ((const char * const *) data->paths, cancellable,
                                data->progress, data->progress_data, &error);
  if (corpus == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, corpus, (GDestroyNotify) dossier_corpus_unref);
}

void
dossier_corpus_load_async (const char * const   *paths,
                           GCancellable         *cancellable,
                           DossierProgressFunc   progress,
                           gpointer              progress_data,
                           GAsyncReadyCallback   callback,
                           gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (paths != NULL);

  data = g_new0 (LoadData, 1);
  data->paths = g_strdupv ((char **) paths);
  data->progress = progress;
  data->progress_data = progress_data;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_corpus_load_async);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

DossierCorpus *
dossier_corpus_load_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

char *
dossier_corpus_default_path (void)
{
  const char *env = g_getenv ("DOSSIER_SEEDS_DIR");
  g_autofree char *installed = NULL;

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  installed = g_build_filename (DOSSIER_PKGDATADIR, "seeds", NULL);
  if (g_file_test (installed, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&installed);

  /* Running uninstalled from the build tree. */
  return g_build_filename (DOSSIER_SOURCE_DIR, "seeds", NULL);
}
