/* dossier-corpus.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-corpus"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "dossier-corpus.h"
#include "dossier-date.h"
#include "dossier-manifest.h"

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

DossierCorpus *
dossier_corpus_new_overlay (DossierCorpus *base)
{
  DossierCorpus *corpus;

  g_return_val_if_fail (base != NULL, NULL);

  corpus = g_rc_box_new0 (DossierCorpus);
  corpus->articles = g_ptr_array_new_full (base->articles->len, (GDestroyNotify) dossier_article_free);
  for (guint i = 0; i < base->articles->len; i++)
    g_ptr_array_add (corpus->articles, dossier_article_ref (g_ptr_array_index (base->articles, i)));
  corpus->problems = g_ptr_array_ref (base->problems);
  corpus->roots = g_strdupv (base->roots);
  return corpus;
}

void
dossier_corpus_replace_article (DossierCorpus  *corpus,
                                guint           index,
                                DossierArticle *article)
{
  g_return_if_fail (corpus != NULL);
  g_return_if_fail (index < corpus->articles->len);

  dossier_article_free (g_ptr_array_index (corpus->articles, index));
  g_ptr_array_index (corpus->articles, index) = article;
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

/* The manifests that apply to a folder, innermost first. */
typedef struct _ManifestLink ManifestLink;
struct _ManifestLink
{
  DossierManifest *manifest;
  ManifestLink    *parent;
};

typedef struct
{
  GFile        *file;
  char         *display;    /* the path as the user gave it, then below */
  ManifestLink *manifests;
} FileItem;

typedef struct
{
  DossierCorpus *corpus;
  GCancellable  *cancellable;
  GArray        *files;      /* FileItem */
  GHashTable    *seen;       /* file paths and folder ids already taken */
  GPtrArray     *links;      /* ManifestLink, owned */
} Walk;

static void
file_item_clear (FileItem *item)
{
  g_clear_object (&item->file);
  g_clear_pointer (&item->display, g_free);
}

static void
manifest_link_free (ManifestLink *link)
{
  g_clear_pointer (&link->manifest, dossier_manifest_free);
  g_free (link);
}

/* The manifest of @folder, if it has one, linked to @parent's. */
static ManifestLink *
folder_manifests (Walk         *walk,
                  GFile        *folder,
                  const char   *folder_display,
                  ManifestLink *parent)
{
  g_autoptr(GFile) file = g_file_get_child (folder, DOSSIER_MANIFEST_NAME);
  g_autofree char *name = g_build_filename (folder_display, DOSSIER_MANIFEST_NAME, NULL);
  g_autoptr(GError) error = NULL;
  ManifestLink *link;
  DossierManifest *manifest;

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, walk->cancellable) != G_FILE_TYPE_REGULAR)
    return parent;

  if (!(manifest = dossier_manifest_new_from_file (file, name, walk->cancellable, &error)))
    {
      g_debug ("Ignoring manifest %s: %s", name, error->message);
      add_problem (walk->corpus, name, g_steal_pointer (&error));
      return parent;
    }

  for (guint i = 0; i < dossier_manifest_get_warnings (manifest)->len; i++)
    add_problem (walk->corpus, name, g_error_copy (g_ptr_array_index (dossier_manifest_get_warnings (manifest), i)));

  link = g_new0 (ManifestLink, 1);
  link->manifest = manifest;
  link->parent = parent;
  g_ptr_array_add (walk->links, link);
  return link;
}

static gboolean
is_article_name (const char *name)
{
  gsize len = strlen (name);

  return name[0] != '.' && len > 4 && g_ascii_strcasecmp (name + len - 4, ".txt") == 0;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* A file to read, once however many times it was reached. */
static void
add_file (Walk         *walk,
          GFile        *file,
          const char   *display,
          ManifestLink *manifests,
          gboolean      top)
{
  g_autofree char *key = g_file_get_uri (file);
  FileItem item;

  if (g_hash_table_contains (walk->seen, key))
    return;
  g_hash_table_add (walk->seen, g_steal_pointer (&key));

  /* A file given by name is read whatever its name; its folder's
   * manifest still applies. */
  if (top)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *parent_display = g_path_get_dirname (display);

      if (parent != NULL)
        manifests = folder_manifests (walk, parent, parent_display, manifests);
    }

  item.file = g_object_ref (file);
  item.display = g_strdup (display);
  item.manifests = manifests;
  g_array_append_val (walk->files, item);
}

/* A folder's entry, with the type its listing gave. */
typedef struct
{
  char      *name;
  GFileType  type;
} Child;

static void
child_clear (Child *child)
{
  g_free (child->name);
}

static int
compare_children (gconstpointer a,
                  gconstpointer b)
{
  return strcmp (((const Child *) a)->name, ((const Child *) b)->name);
}

static void
collect_files (Walk         *walk,
               GFile        *file,
               const char   *display,
               ManifestLink *manifests,
               gboolean      top)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) children = NULL;
  const char *id;

  if (g_cancellable_is_cancelled (walk->cancellable))
    return;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_ID_FILE,
                            G_FILE_QUERY_INFO_NONE, walk->cancellable, &error);
  if (info == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      add_problem (walk->corpus, name, g_steal_pointer (&error));
      return;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_DIRECTORY)
    {
      add_file (walk, file, display, manifests, top);
      return;
    }

  /* Symbolic links may loop: each folder is walked once. */
  id = g_file_info_get_attribute_string (info, G_FILE_ATTRIBUTE_ID_FILE);
  if (id != NULL)
    {
      g_autofree char *key = g_strconcat ("folder:", id, NULL);

      if (g_hash_table_contains (walk->seen, key))
        return;
      g_hash_table_add (walk->seen, g_steal_pointer (&key));
    }

  manifests = folder_manifests (walk, file, display, manifests);

  enumerator = g_file_enumerate_children (file,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE,
                                          walk->cancellable, &error);
  if (enumerator == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      add_problem (walk->corpus, name, g_steal_pointer (&error));
      return;
    }

  /* In name order, so that files and problems come out the same each time. */
  children = g_array_new (FALSE, FALSE, sizeof (Child));
  g_array_set_clear_func (children, (GDestroyNotify) child_clear);
  for (;;)
    {
      GFileInfo *child_info = NULL;
      Child child;

      if (!g_file_enumerator_iterate (enumerator, &child_info, NULL, walk->cancellable, NULL) ||
          child_info == NULL)
        break;

      child.type = g_file_info_get_file_type (child_info);
      if (child.type == G_FILE_TYPE_DIRECTORY
          ? g_file_info_get_name (child_info)[0] != '.'
          : is_article_name (g_file_info_get_name (child_info)))
        {
          child.name = g_strdup (g_file_info_get_name (child_info));
          g_array_append_val (children, child);
        }
    }
  g_array_sort (children, compare_children);

  for (guint i = 0; i < children->len && !g_cancellable_is_cancelled (walk->cancellable); i++)
    {
      const Child *entry = &g_array_index (children, Child, i);
      g_autoptr(GFile) child = g_file_get_child (file, entry->name);
      g_autofree char *child_display = g_build_filename (display, entry->name, NULL);

      /* The listing has followed links already: a plain file needs no
       * second look (a stat per article). */
      if (entry->type == G_FILE_TYPE_REGULAR)
        add_file (walk, child, child_display, manifests, FALSE);
      else
        collect_files (walk, child, child_display, manifests, FALSE);
    }
}

/* Applies the innermost manifest entry that names @file. */
static void
apply_manifests (DossierArticle *article,
                 GFile          *file,
                 ManifestLink   *manifests)
{
  for (ManifestLink *link = manifests; link != NULL; link = link->parent)
    {
      const DossierManifestEntry *entry = dossier_manifest_lookup (link->manifest, file);

      if (entry == NULL)
        continue;
      if (dossier_date_is_known (&entry->date))
        dossier_article_set_date (article, &entry->date, "manifest");
      if (entry->has_title)
        dossier_article_set_title (article, entry->title);
      return;
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

/* Articles keep the path as the user gave it, so that messages and the
 * JSON name files the way the user knows them. */
static DossierArticle *
load_article (FileItem      *item,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *id = g_file_get_basename (item->file);

  g_autofree char *path = g_file_get_path (item->file);

  if (path != NULL)
    return dossier_article_new_from_filename (id, item->display, path, error);
  bytes = g_file_load_bytes (item->file, cancellable, NULL, error);
  if (bytes == NULL)
    return NULL;

  return dossier_article_new_from_bytes (id, item->display, bytes, error);
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const DossierLoadProblem *pa = *(const DossierLoadProblem * const *) a;
  const DossierLoadProblem *pb = *(const DossierLoadProblem * const *) b;

  return g_strcmp0 (pa->path, pb->path);
}

/* One file's outcome, written by the worker that read it. */
typedef struct
{
  DossierArticle *article;
  GError         *error;
} LoadSlot;

typedef struct
{
  GArray       *files;        /* FileItem, read-only while workers run */
  LoadSlot     *slots;        /* one per file */
  GCancellable *cancellable;
  GAsyncQueue  *done;         /* file index + 1, as each is finished */
} LoadJob;

static void
load_one (LoadJob *job,
          guint    index)
{
  FileItem *item = &g_array_index (job->files, FileItem, index);
  LoadSlot *slot = &job->slots[index];

  if (g_cancellable_set_error_if_cancelled (job->cancellable, &slot->error))
    return;

  slot->article = load_article (item, job->cancellable, &slot->error);
  if (slot->article != NULL)
    apply_manifests (slot->article, item->file, item->manifests);
}

static void
load_worker (gpointer data,
             gpointer user_data)
{
  LoadJob *job = user_data;
  guint index = GPOINTER_TO_UINT (data) - 1;

  load_one (job, index);
  g_async_queue_push (job->done, data);
}

/* Reads every file, on @n_jobs threads when more than one; each result
 * lands in its own slot, so the order never depends on the threads.
 * FALSE when cancelled: progress stops there and unread files stay so. */
static gboolean
load_files (LoadJob             *job,
            guint                n_jobs,
            DossierProgressFunc  progress,
            gpointer             progress_data)
{
  guint n = job->files->len;
  GThreadPool *pool = NULL;
  gboolean cancelled = FALSE;

  if (n_jobs > 1 && n > 1)
    pool = g_thread_pool_new (load_worker, job, MIN (n_jobs, n), TRUE, NULL);

  if (pool == NULL)
    {
      for (guint i = 0; i < n && !cancelled; i++)
        {
          load_one (job, i);
          cancelled = g_cancellable_is_cancelled (job->cancellable);
          if (progress != NULL && !cancelled)
            progress (i + 1, n, progress_data);
        }
      return !cancelled;
    }

  for (guint i = 0; i < n; i++)
    g_thread_pool_push (pool, GUINT_TO_POINTER (i + 1), NULL);

  /* Progress is reported here, on the caller's thread, as the contract says. */
  for (guint done = 1; done <= n && !cancelled; done++)
    {
      g_async_queue_pop (job->done);
      cancelled = g_cancellable_is_cancelled (job->cancellable);
      if (progress != NULL && !cancelled)
        progress (done, n, progress_data);
    }

  /* Files not started are dropped; running ones are waited for. */
  g_thread_pool_free (pool, cancelled, TRUE);
  return !cancelled;
}

static void
load_slot_clear (LoadSlot *slot)
{
  g_clear_pointer (&slot->article, dossier_article_free);
  g_clear_error (&slot->error);
}

DossierCorpus *
dossier_corpus_load (const char * const   *paths,
                     GCancellable         *cancellable,
                     DossierProgressFunc   progress,
                     gpointer              progress_data,
                     GError              **error)
{
  return dossier_corpus_load_full (paths, 0, cancellable, progress, progress_data, error);
}

DossierCorpus *
dossier_corpus_load_full (const char * const   *paths,
                          guint                 n_jobs,
                          GCancellable         *cancellable,
                          DossierProgressFunc   progress,
                          gpointer              progress_data,
                          GError              **error)
{
  g_autoptr(DossierCorpus) corpus = dossier_corpus_new ();
  g_autoptr(GArray) files = g_array_new (FALSE, FALSE, sizeof (FileItem));
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) manifest_link_free);
  g_autoptr(GAsyncQueue) done = g_async_queue_new ();
  g_autofree LoadSlot *slots = NULL;
  Walk walk = { corpus, cancellable, files, seen, links };
  LoadJob job;

  g_return_val_if_fail (paths != NULL, NULL);

  g_array_set_clear_func (files, (GDestroyNotify) file_item_clear);
  corpus->roots = g_strdupv ((char **) paths);

  if (n_jobs == 0)
    n_jobs = g_get_num_processors ();

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

      collect_files (&walk, file, paths[i], NULL, TRUE);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (progress != NULL)
    progress (0, files->len, progress_data);

  slots = g_new0 (LoadSlot, files->len);
  job = (LoadJob) { files, slots, cancellable, done };
  if (!load_files (&job, n_jobs, progress, progress_data) ||
      g_cancellable_is_cancelled (cancellable))
    {
      for (guint i = 0; i < files->len; i++)
        load_slot_clear (&slots[i]);
      g_cancellable_set_error_if_cancelled (cancellable, error);
      return NULL;
    }

  /* In the order the files were found, as a single thread would. */
  for (guint i = 0; i < files->len; i++)
    {
      FileItem *item = &g_array_index (files, FileItem, i);
      LoadSlot *slot = &slots[i];

      if (slot->article != NULL)
        dossier_corpus_add_article (corpus, g_steal_pointer (&slot->article));
      else
        add_problem (corpus, item->display, g_steal_pointer (&slot->error));
    }

  g_ptr_array_sort (corpus->articles, compare_articles);
  g_ptr_array_sort (corpus->problems, compare_problems);

  if (corpus->articles->len == 0)
    {
      g_autoptr(GString) message = NULL;

      /* One unreadable file: its own message says it all, on one line. */
      if (corpus->problems->len == 1)
        {
          const DossierLoadProblem *p = g_ptr_array_index (corpus->problems, 0);

          g_set_error_literal (error, DOSSIER_CORPUS_ERROR, DOSSIER_CORPUS_ERROR_NO_ARTICLES,
                               p->error->message);
          return NULL;
        }

      message = g_string_new (_("No readable article was found"));
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

/* Stamps ------------------------------------------------------------------ */

typedef struct
{
  GChecksum    *checksum;
  GHashTable   *folders;      /* "device:inode" of the folders walked */
  GCancellable *cancellable;
} Stamp;

static void
stamp_line (Stamp      *stamp,
            const char *path,
            const char *what)
{
  g_checksum_update (stamp->checksum, (const guchar *) path, -1);
  g_checksum_update (stamp->checksum, (const guchar *) "\t", 1);
  g_checksum_update (stamp->checksum, (const guchar *) what, -1);
  g_checksum_update (stamp->checksum, (const guchar *) "\n", 1);
}

/* Size, times and inode: an edit in place moves the times, an editor's
 * save-and-rename the inode. */
static void
stamp_file (Stamp         *stamp,
            const char    *path,
            const GStatBuf *st)
{
  char what[128];

  g_snprintf (what, sizeof what, "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT ".%09ld %"
              G_GINT64_FORMAT ".%09ld %" G_GUINT64_FORMAT,
              (gint64) st->st_size, (gint64) st->st_mtim.tv_sec, (long) st->st_mtim.tv_nsec,
              (gint64) st->st_ctim.tv_sec, (long) st->st_ctim.tv_nsec, (guint64) st->st_ino);
  stamp_line (stamp, path, what);
}

static void
stamp_manifest (Stamp      *stamp,
                const char *folder)
{
  g_autofree char *path = g_build_filename (folder, DOSSIER_MANIFEST_NAME, NULL);
  GStatBuf st;

  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode))
    stamp_file (stamp, path, &st);
}

/* Walks as collect_files() does, with stat() only. */
static void
stamp_path (Stamp      *stamp,
            const char *path,
            gboolean    top)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *key = NULL;
  GStatBuf st;
  GDir *dir;
  const char *name;

  if (g_cancellable_is_cancelled (stamp->cancellable))
    return;
  if (g_stat (path, &st) != 0)
    {
      stamp_line (stamp, path, top ? "missing" : "unreadable");
      return;
    }
  if (!S_ISDIR (st.st_mode))
    {
      if (top)
        {
          g_autofree char *folder = g_path_get_dirname (path);

          stamp_manifest (stamp, folder);
        }
      /* A file given by name is read whatever its name. */
      if (top || is_article_name (strrchr (path, G_DIR_SEPARATOR) + 1))
        stamp_file (stamp, path, &st);
      return;
    }

  key = g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT, (guint64) st.st_dev, (guint64) st.st_ino);
  if (!g_hash_table_add (stamp->folders, g_steal_pointer (&key)))
    return;
  stamp_manifest (stamp, path);
  stamp_line (stamp, path, "folder");

  if (!(dir = g_dir_open (path, 0, NULL)))
    {
      stamp_line (stamp, path, "unreadable");
      return;
    }
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_dir_close (dir);
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child = g_build_filename (path, g_ptr_array_index (names, i), NULL);

      stamp_path (stamp, child, FALSE);
    }
}

char *
dossier_corpus_stamp (const char * const *paths,
                      GCancellable       *cancellable)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GHashTable) folders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Stamp stamp = { checksum, folders, cancellable };

  g_return_val_if_fail (paths != NULL, NULL);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *path = g_canonicalize_filename (paths[i], NULL);

      stamp_line (&stamp, path, "root");
      stamp_path (&stamp, path, TRUE);
    }
  if (g_cancellable_is_cancelled (cancellable))
    return NULL;
  return g_strdup (g_checksum_get_string (checksum));
}
