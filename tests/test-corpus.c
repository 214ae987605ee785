/* test-corpus.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <fcntl.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dossier-corpus.h"
#include "dossier-date.h"
#include "test-util.h"

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "corpus", name, NULL);
}

static DossierCorpus *
load (const char *first,
      ...)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  DossierCorpus *corpus;
  va_list args;

  va_start (args, first);
  for (const char *name = first; name != NULL; name = va_arg (args, const char *))
    g_ptr_array_add (paths, fixture (name));
  va_end (args);
  g_ptr_array_add (paths, NULL);

  corpus = dossier_corpus_load ((const char * const *) paths->pdata, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return corpus;
}

static DossierArticle *
find (DossierCorpus *corpus,
      const char    *id)
{
  for (guint i = 0; i < corpus->articles->len; i++)
    {
      DossierArticle *a = dossier_corpus_get_article (corpus, i);

      if (g_strcmp0 (a->id, id) == 0)
        return a;
    }
  g_error ("no article %s", id);
  return NULL;
}

static char *
date_of (DossierArticle *a)
{
  return dossier_date_to_string (&a->date);
}

/* One unreadable file never stops the rest; each gets one clear message. */
static void
test_bad_folder (void)
{
  g_autoptr(DossierCorpus) corpus = load ("bad", NULL);
  static const char * const expected[] = {
    "binary.txt” is not a text file: it contains binary data",
    "empty.txt” is empty",
    "name with spaces.txt” is empty",
    "whitespace.txt” contains only white space",
  };

  g_assert_cmpuint (corpus->articles->len, ==, 1);
  g_assert_cmpstr (dossier_corpus_get_article (corpus, 0)->title, ==, "The one good file");

  g_assert_cmpuint (corpus->problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < corpus->problems->len; i++)
    {
      const DossierLoadProblem *p = g_ptr_array_index (corpus->problems, i);

      g_test_message ("%s: %s", p->path, p->error->message);
      g_assert_true (g_str_has_suffix (p->error->message, expected[i]));
      /* The message names the file by the path the user gave. */
      g_assert_true (g_str_has_prefix (p->error->message + strlen ("“"), p->path));
      int code = i == 0 ? DOSSIER_ARTICLE_ERROR_BINARY : DOSSIER_ARTICLE_ERROR_EMPTY;

      g_assert_error (p->error, DOSSIER_ARTICLE_ERROR, code);
    }
}

/* A binary file and a Latin-1 file side by side, as in the issue. */
static void
test_binary_and_latin1 (void)
{
  g_autoptr(DossierCorpus) corpus = load ("bad/binary.txt", "encodings/latin1.txt", NULL);
  DossierArticle *a;

  g_assert_cmpuint (corpus->articles->len, ==, 1);
  a = dossier_corpus_get_article (corpus, 0);
  g_assert_cmpstr (a->title, ==, "Élections à Noël");
  g_assert_nonnull (strstr (a->text, "l'été serait très chaud"));
  g_assert_cmpuint (corpus->problems->len, ==, 1);
}

static void
test_nested (void)
{
  g_autoptr(DossierCorpus) corpus = load ("nested", NULL);
  static const char * const ids[] = { "UPPER.TXT", "deep.txt", "middle.txt", "top.txt" };

  g_assert_cmpuint (corpus->problems->len, ==, 0);
  g_assert_cmpuint (corpus->articles->len, ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpstr (dossier_corpus_get_article (corpus, i)->id, ==, ids[i]);

  /* Paths as found under the folder given. */
  g_assert_true (g_str_has_suffix (find (corpus, "deep.txt")->path, "nested/a/b/deep.txt"));
}

static void
test_manifest (void)
{
  g_autoptr(DossierCorpus) corpus = load ("manifest", NULL);
  g_autofree char *dated = date_of (find (corpus, "dated.txt"));
  g_autofree char *inner = date_of (find (corpus, "inner.txt"));
  g_autofree char *plain = date_of (find (corpus, "plain.txt"));

  g_assert_cmpuint (corpus->problems->len, ==, 0);
  g_assert_cmpuint (corpus->articles->len, ==, 5);

  g_assert_cmpstr (dated, ==, "2019-05-20");
  g_assert_cmpstr (find (corpus, "dated.txt")->date_source, ==, "manifest");
  g_assert_cmpstr (inner, ==, "2018-11");
  g_assert_cmpstr (find (corpus, "inner.txt")->date_source, ==, "manifest");
  g_assert_cmpstr (plain, ==, "2016");
  g_assert_cmpstr (find (corpus, "plain.txt")->date_source, ==, "text");

  g_assert_cmpstr (find (corpus, "retitled.txt")->title, ==, "The headline the manifest gives");
  g_assert_null (find (corpus, "untitled.txt")->title);
  g_assert_cmpstr (find (corpus, "dated.txt")->title, ==, "A dated story");

  /* A file named alone still gets its folder's manifest. */
  {
    g_autoptr(DossierCorpus) single = load ("manifest/dated.txt", NULL);
    g_autofree char *d = date_of (dossier_corpus_get_article (single, 0));

    g_assert_cmpstr (d, ==, "2019-05-20");
  }
}

static void
test_bad_manifest (void)
{
  g_autoptr(DossierCorpus) corpus = load ("bad-manifest", NULL);
  const DossierLoadProblem *p;
  g_autofree char *d = NULL;

  g_assert_cmpuint (corpus->articles->len, ==, 1);
  d = date_of (dossier_corpus_get_article (corpus, 0));
  g_assert_cmpstr (d, ==, "2014");
  g_assert_cmpuint (corpus->problems->len, ==, 1);
  p = g_ptr_array_index (corpus->problems, 0);
  g_test_message ("%s", p->error->message);
  g_assert_error (p->error, DOSSIER_CORPUS_ERROR, DOSSIER_CORPUS_ERROR_MANIFEST);
  g_assert_nonnull (strstr (p->error->message, "dossier-manifest.json"));
  g_assert_nonnull (strstr (p->error->message, "story.txt"));
}

static gboolean
has_problem (DossierCorpus *corpus,
             const char    *name,
             GQuark         domain,
             int            code)
{
  for (guint i = 0; i < corpus->problems->len; i++)
    {
      const DossierLoadProblem *p = g_ptr_array_index (corpus->problems, i);

      if (g_str_has_suffix (p->path, name) && g_error_matches (p->error, domain, code))
        {
          g_test_message ("%s", p->error->message);
          return TRUE;
        }
    }
  return FALSE;
}

/* A folder @name in the (isolated) user data folder, made. */
static char *
make_user_dir (const char *name)
{
  char *dir = g_build_filename (g_get_user_data_dir (), name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return dir;
}

/* Writes @contents into the file @name of @dir. */
static void
write_in (const char *dir,
          const char *name,
          const char *contents,
          gssize      length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
}

/* The articles in @dir; what it could not read is in the corpus's problems. */
static DossierCorpus *
load_dir (const char *dir)
{
  g_autoptr(GError) error = NULL;
  const char *paths[] = { dir, NULL };
  DossierCorpus *corpus = dossier_corpus_load (paths, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return corpus;
}

/* A 1 GB file (sparse), a link to /dev/zero and a named pipe called x.txt:
 * each is refused from what stat says, without reading it (the pipe used
 * to hang for ever, /dev/zero to read 4 GB); the good file still loads. */
static void
test_special_files (void)
{
  g_autofree char *dir = make_user_dir ("special");
  g_autofree char *big = g_build_filename (dir, "big.txt", NULL);
  g_autofree char *zero = g_build_filename (dir, "zero.txt", NULL);
  g_autofree char *fifo = g_build_filename (dir, "x.txt", NULL);
  g_autoptr(DossierCorpus) corpus = NULL;
  struct rusage before, after;
  int fd;

  write_in (dir, "good.txt", "A story\n\nOracle bought a company in 2020.\n", -1);
  fd = open (big, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 1 << 30), ==, 0);
  close (fd);
  g_assert_cmpint (symlink ("/dev/zero", zero), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  getrusage (RUSAGE_SELF, &before);
  corpus = load_dir (dir);
  getrusage (RUSAGE_SELF, &after);

  g_assert_cmpuint (corpus->articles->len, ==, 1);
  g_assert_true (has_problem (corpus, "big.txt", DOSSIER_ARTICLE_ERROR, DOSSIER_ARTICLE_ERROR_TOO_LARGE));
  g_assert_true (has_problem (corpus, "zero.txt", G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE));
  g_assert_true (has_problem (corpus, "x.txt", G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE));
  /* Nothing near 256 MB was ever held (ru_maxrss is in kB). */
  g_assert_cmpint (after.ru_maxrss - before.ru_maxrss, <, 64 * 1024);
}

/* One bad entry in a manifest leaves out that entry only, named in a warning. */
static void
test_manifest_bad_entry (void)
{
  g_autofree char *dir = make_user_dir ("half-manifest");
  g_autoptr(DossierCorpus) corpus = NULL;
  const DossierLoadProblem *p;
  g_autofree char *date = NULL;

  write_in (dir, "a.txt", "A story\n\nOracle bought a company.\n", -1);
  write_in (dir, "b.txt", "B story\n\nOracle sold a company.\n", -1);
  write_in (dir, "dossier-manifest.json",
            "{\"articles\": {\"a.txt\": {\"date\": \"2020-09-14\"},"
            " \"b.txt\": {\"date\": \"last week\"}}}", -1);

  corpus = load_dir (dir);
  g_assert_cmpuint (corpus->articles->len, ==, 2);
  date = date_of (find (corpus, "a.txt"));
  g_assert_cmpstr (date, ==, "2020-09-14");
  g_assert_cmpstr (find (corpus, "b.txt")->date_source, !=, "manifest");

  g_assert_cmpuint (corpus->problems->len, ==, 1);
  p = g_ptr_array_index (corpus->problems, 0);
  g_assert_error (p->error, DOSSIER_CORPUS_ERROR, DOSSIER_CORPUS_ERROR_MANIFEST);
  g_assert_nonnull (strstr (p->error->message, "b.txt"));
  g_assert_null (strstr (p->error->message, "a.txt"));
}

/* A manifest nested 75,000 levels deep crashed json-glib. */
static void
test_manifest_deep (void)
{
  g_autofree char *dir = make_user_dir ("deep-manifest");
  g_autoptr(GString) deep = g_string_new ("{\"articles\": {\"a.txt\": {\"note\": ");
  g_autoptr(DossierCorpus) corpus = NULL;
  const DossierLoadProblem *p;

  for (guint i = 0; i < 75000; i++)
    g_string_append_c (deep, '[');
  write_in (dir, "a.txt", "A story\n\nOracle bought a company.\n", -1);
  write_in (dir, "dossier-manifest.json", deep->str, deep->len);

  corpus = load_dir (dir);
  g_assert_cmpuint (corpus->articles->len, ==, 1);
  g_assert_cmpuint (corpus->problems->len, ==, 1);
  p = g_ptr_array_index (corpus->problems, 0);
  g_test_message ("%s", p->error->message);
  g_assert_error (p->error, DOSSIER_CORPUS_ERROR, DOSSIER_CORPUS_ERROR_MANIFEST);
  g_assert_nonnull (strstr (p->error->message, "levels deep"));
}

static void
test_nothing_readable (void)
{
  g_autofree char *empty = fixture ("bad/empty.txt");
  const char *paths[] = { empty, "/nonexistent/dossier/folder", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCorpus) corpus = dossier_corpus_load (paths, NULL, NULL, NULL, &error);

  g_assert_null (corpus);
  g_assert_error (error, DOSSIER_CORPUS_ERROR, DOSSIER_CORPUS_ERROR_NO_ARTICLES);
  g_assert_nonnull (strstr (error->message, "empty.txt” is empty"));
  g_assert_nonnull (strstr (error->message, "/nonexistent/dossier/folder"));
}

typedef struct
{
  guint         calls;
  guint         last_done;
  guint         total;
  guint         cancel_after;
  GCancellable *cancellable;
} Progress;

static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  Progress *p = user_data;

  g_assert_cmpuint (done, >=, p->last_done);
  g_assert_cmpuint (done, <=, total);
  p->calls++;
  p->last_done = done;
  p->total = total;
  if (p->cancellable != NULL && done == p->cancel_after)
    g_cancellable_cancel (p->cancellable);
}

static void
test_progress_and_cancel (void)
{
  g_autofree char *root = fixture (".");
  const char *paths[] = { root, NULL };
  Progress progress = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCorpus) corpus = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  corpus = dossier_corpus_load (paths, NULL, on_progress, &progress, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (progress.total, >, 10);
  g_assert_cmpuint (progress.last_done, ==, progress.total);
  g_assert_cmpuint (progress.calls, ==, progress.total + 1);
  g_assert_cmpuint (corpus->articles->len + 4, ==, progress.total);

  /* Cancelled half way: no corpus, a cancellation error. */
  progress = (Progress) { 0, 0, 0, 3, cancellable };
  g_clear_pointer (&corpus, dossier_corpus_unref);
  corpus = dossier_corpus_load (paths, cancellable, on_progress, &progress, &error);
  g_assert_null (corpus);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (progress.last_done, ==, 3);
}

/* Thousands of files in nested folders: all read, progress to the end,
 * and a cancellation half way stops it. */
static void
test_many_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("dossier-many-XXXXXX", &error);
  const char *paths[] = { root, NULL };
  g_autoptr(DossierCorpus) corpus = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Progress progress = { 0 };
  const guint n_files = 2000;

  g_assert_no_error (error);
  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *dir = g_strdup_printf ("%s/%02u", root, i % 40);
      g_autofree char *name = g_strdup_printf ("%s/article-%04u.txt", dir, i);
      g_autofree char *text = i % 500 == 7
                            ? g_strdup ("")
                            : g_strdup_printf ("Article %u\n\nLe texte numéro %u, écrit en %u.\n", i, i, 2000 + i % 20);

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      g_file_set_contents (name, text, -1, &error);
      g_assert_no_error (error);
    }

  corpus = dossier_corpus_load (paths, NULL, on_progress, &progress, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (progress.total, ==, n_files);
  g_assert_cmpuint (progress.last_done, ==, n_files);
  g_assert_cmpuint (corpus->articles->len, ==, n_files - 4);
  g_assert_cmpuint (corpus->problems->len, ==, 4);
  g_assert_cmpstr (dossier_corpus_get_article (corpus, 0)->id, ==, "article-0000.txt");

  progress = (Progress) { 0, 0, 0, n_files / 2, cancellable };
  g_clear_pointer (&corpus, dossier_corpus_unref);
  corpus = dossier_corpus_load (paths, cancellable, on_progress, &progress, &error);
  g_assert_null (corpus);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (progress.last_done, ==, n_files / 2);

  /* Leave no files behind. */
  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/%02u/article-%04u.txt", root, i % 40, i);
      g_remove (name);
    }
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *dir = g_strdup_printf ("%s/%02u", root, i);
      g_rmdir (dir);
    }
  g_rmdir (root);
}

/* Threads change the speed, never the corpus: every fixture (bad files,
 * manifests, nested folders) read with one job and with several gives
 * the same articles, in the same order, and the same problems. */
static void
test_jobs (void)
{
  g_autofree char *root = fixture (".");
  const char *paths[] = { root, "/nonexistent/dossier", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCorpus) one = dossier_corpus_load_full (paths, 1, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (one->articles->len, >, 10);
  g_assert_cmpuint (one->problems->len, >, 1);

  for (guint jobs = 2; jobs <= 8; jobs *= 2)
    {
      g_autoptr(DossierCorpus) many = dossier_corpus_load_full (paths, jobs, NULL, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (many->articles->len, ==, one->articles->len);
      for (guint i = 0; i < one->articles->len; i++)
        {
          const DossierArticle *a = dossier_corpus_get_article (one, i);
          const DossierArticle *b = dossier_corpus_get_article (many, i);
          g_autofree char *da = dossier_date_to_string (&a->date);
          g_autofree char *db = dossier_date_to_string (&b->date);

          g_assert_cmpstr (a->id, ==, b->id);
          g_assert_cmpstr (a->path, ==, b->path);
          g_assert_cmpmem (a->text, a->len, b->text, b->len);
          g_assert_cmpstr (a->title, ==, b->title);
          g_assert_cmpstr (da, ==, db);
          g_assert_cmpstr (a->date_source, ==, b->date_source);
          g_assert_cmpuint (a->sentences->len, ==, b->sentences->len);
        }

      g_assert_cmpuint (many->problems->len, ==, one->problems->len);
      for (guint i = 0; i < one->problems->len; i++)
        {
          const DossierLoadProblem *a = g_ptr_array_index (one->problems, i);
          const DossierLoadProblem *b = g_ptr_array_index (many->problems, i);

          g_assert_cmpstr (a->path, ==, b->path);
          g_assert_cmpstr (a->error->message, ==, b->error->message);
        }
    }
}

typedef struct
{
  GMainLoop     *loop;
  DossierCorpus *corpus;
  GError        *error;
} AsyncData;

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  AsyncData *data = user_data;

  data->corpus = dossier_corpus_load_finish (result, &data->error);
  g_main_loop_quit (data->loop);
}

static void
test_async (void)
{
  g_autofree char *root = fixture ("nested");
  const char *paths[] = { root, NULL };
  AsyncData data = { g_main_loop_new (NULL, FALSE), NULL, NULL };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  dossier_corpus_load_async (paths, NULL, NULL, NULL, on_loaded, &data);
  g_main_loop_run (data.loop);
  g_assert_no_error (data.error);
  g_assert_cmpuint (data.corpus->articles->len, ==, 4);
  g_clear_pointer (&data.corpus, dossier_corpus_unref);

  /* Cancelled before it starts. */
  g_cancellable_cancel (cancellable);
  dossier_corpus_load_async (paths, cancellable, NULL, NULL, on_loaded, &data);
  g_main_loop_run (data.loop);
  g_assert_null (data.corpus);
  g_assert_error (data.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&data.error);
  g_main_loop_unref (data.loop);
}

/* ------------------------------------------------------------------ */
/* The seeds against the gold annotations */

static JsonObject *
load_gold (JsonParser *parser)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (g_getenv ("DOSSIER_GOLD") != NULL)
    path = g_strdup (g_getenv ("DOSSIER_GOLD"));
  else
    path = g_test_build_filename (G_TEST_DIST, "gold", "seeds.json", NULL);

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "articles");
}

static DossierCorpus *
load_seeds (void)
{
  g_autofree char *seeds = dossier_corpus_default_path ();
  const char *paths[] = { seeds, NULL };
  g_autoptr(GError) error = NULL;
  DossierCorpus *corpus = dossier_corpus_load (paths, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (corpus->problems->len, ==, 0);
  return corpus;
}

static void
test_seeds_gold (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *gold = load_gold (parser);
  g_autoptr(DossierCorpus) corpus = load_seeds ();
  guint from_text = 0;

  g_assert_cmpuint (corpus->articles->len, ==, json_object_get_size (gold));

  for (guint i = 0; i < corpus->articles->len; i++)
    {
      DossierArticle *a = dossier_corpus_get_article (corpus, i);
      JsonObject *g = json_object_get_object_member (gold, a->id);
      const char *title = json_object_get_string_member (g, "title");
      g_autofree char *date = date_of (a);

      g_test_message ("%s: %s (%s) %s", a->id, date, a->date_source, a->title);
      /* The gold writes "None" for an article without a headline. */
      g_assert_cmpstr (a->title, ==, g_strcmp0 (title, "None") == 0 ? NULL : title);
      g_assert_cmpstr (date, ==, json_object_get_string_member (g, "date"));
      from_text += g_strcmp0 (a->date_source, "text") == 0;
    }

  /* Three of five from the text alone; the manifest gives the other two. */
  g_assert_cmpuint (from_text, ==, 3);
}

/* What the text alone says, without the manifest. */
static void
test_seeds_text_dates (void)
{
  static const struct
  {
    const char *id;
    const char *date;
  } expected[] = {
    { "000_5d4858840563dc3f.txt", "2020-09-14" },
    { "001_0d6e3bb92c795a16.txt", "2020-08" },
    { "002_3e26ec0c1e74f1b6.txt", NULL },
    { "003_1b92b34be6a5543a.txt", "2025" },
    { "004_cc430da7135b5cd5.txt", "2021-02-19" },
  };
  g_autofree char *seeds = dossier_corpus_default_path ();

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *path = g_build_filename (seeds, expected[i].id, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierArticle) a = dossier_article_new_from_file (file, NULL, &error);
      g_autofree char *date = NULL;

      g_assert_no_error (error);
      date = date_of (a);
      g_assert_cmpstr (date, ==, expected[i].date);
      g_assert_cmpstr (a->date_source, ==, expected[i].date != NULL ? "text" : "none");
    }
}

/* Page furniture and reader comments in each seed. */
static void
test_seeds_structure (void)
{
  g_autoptr(DossierCorpus) corpus = load_seeds ();
  static const struct
  {
    const char *id;
    const char *furniture[8];
    const char *comments_start;   /* NULL: no comments */
    const char *comment;          /* a line of the comments */
  } seeds[] = {
    { "000_5d4858840563dc3f.txt", { "Menu Menu", "Accessibilité" }, NULL, NULL },
    { "001_0d6e3bb92c795a16.txt",
      { "Mickaël Bazoge", "Open Grid Scheduler (CC0 1.0)", "Tags", "avatar Amaczing", "@Amaczing", "avatar r e m y",
        "@Crunch Crunch", "CONNEXION UTILISATEUR" },
      "avatar Amaczing", "Sortez les Trump-ettes !" },
    { "002_3e26ec0c1e74f1b6.txt",
      { "Vous lisez", "Réseaux sociaux Stratégie digitale", "Erwan\n\nRédigé par", "Rédigé par",
        "Erwan, expert digital" },
      NULL, NULL },
    { "003_1b92b34be6a5543a.txt", { NULL }, NULL, NULL },
    { "004_cc430da7135b5cd5.txt", { "Vos commentaires Page 1 / 2", "Premium" },
      "Vos commentaires", "Quelles sont les sources" },
  };
  /* Commenters' pseudonyms must never reach a sentence (gold not_entities). */
  static const char * const pseudonyms[] = {
    "Amaczing", "touraco", "julien74", "minarey", "jopaone", "noooty", "stillontherun", "raoolito",
    "pocketjpaul", "iftwst", "r e m y", "Crunch Crunch", "armandgz123", "Slaine", "pechtoc", "cyrcle",
    "fousfous", "MGA", "Insomnia", "YetOneOtherGit", "occam", "hawker",
  };

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      DossierArticle *a = find (corpus, seeds[i].id);

      for (guint f = 0; f < G_N_ELEMENTS (seeds[i].furniture) && seeds[i].furniture[f] != NULL; f++)
        {
          g_test_message ("%s: furniture %s", a->id, seeds[i].furniture[f]);
          g_assert_cmpint (test_section_of (a, seeds[i].furniture[f]), ==, DOSSIER_SECTION_FURNITURE);
          g_assert_false (test_in_a_sentence (a, seeds[i].furniture[f]));
        }

      if (seeds[i].comments_start == NULL)
        g_assert_cmpuint (a->comments.start, ==, a->len);
      else
        {
          const char *start = strstr (a->text, seeds[i].comments_start);

          g_assert_cmpuint (a->comments.start, ==, start - a->text);
          g_assert_cmpint (test_section_of (a, seeds[i].comment), ==, DOSSIER_SECTION_COMMENTS);
          g_assert_cmpint (g_array_index (a->sentences, DossierSentence,
                                          dossier_article_sentence_at (a, strstr (a->text, seeds[i].comment) - a->text)).section,
                           ==, DOSSIER_SECTION_COMMENTS);
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (pseudonyms); i++)
    g_assert_false (test_in_a_sentence (find (corpus, "001_0d6e3bb92c795a16.txt"), pseudonyms[i]));

  /* The body proper is body, the headline of 002 is not repeated as one. */
  g_assert_cmpint (test_section_of (find (corpus, "003_1b92b34be6a5543a.txt"), "TikTok sous pression"), ==, DOSSIER_SECTION_BODY);
  g_assert_cmpint (test_section_of (find (corpus, "004_cc430da7135b5cd5.txt"), "February 19, 2021"), ==, DOSSIER_SECTION_BODY);
  g_assert_cmpint (test_section_of (find (corpus, "001_0d6e3bb92c795a16.txt"), "[Màj 17"), ==, DOSSIER_SECTION_BODY);
}

/* Evidence carries the date of the event its sentence names. */
static void
test_seeds_event_dates (void)
{
  g_autoptr(DossierCorpus) corpus = load_seeds ();
  static const struct
  {
    const char *id;
    const char *sentence;
    const char *date;
  } events[] = {
    { "000_5d4858840563dc3f.txt", "Microsoft s'est retiré dimanche", "2020-09-13" },
    { "000_5d4858840563dc3f.txt", "acquisition de Musical.ly par ByteDance en 2017", "2017" },
    { "001_0d6e3bb92c795a16.txt", "depuis la mi-août", "2020-08" },
    { "002_3e26ec0c1e74f1b6.txt", "Oracle a confirmé lundi", "2020-09-14" },
    { "002_3e26ec0c1e74f1b6.txt", "Dans l’EO, publié le 6 août", "2020-08-06" },
    { "002_3e26ec0c1e74f1b6.txt", "Comme Trump l’a noté en juillet", "2020-07" },
    { "004_cc430da7135b5cd5.txt", "En août, Donald Trump avait signé", "2020-08" },
    { "003_1b92b34be6a5543a.txt", "Depuis 2022", "2022" },
    /* No date in the sentence: the article's. */
    { "002_3e26ec0c1e74f1b6.txt", "Nous devrons attendre", "2020-09-15" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      DossierArticle *a = find (corpus, events[i].id);
      const char *p = strstr (a->text, events[i].sentence);
      int s;
      const DossierSentence *sentence;
      DossierDate d;
      g_autofree char *str = NULL;

      g_assert_nonnull (p);
      s = dossier_article_sentence_at (a, p - a->text);
      g_assert_cmpint (s, >=, 0);
      sentence = &g_array_index (a->sentences, DossierSentence, s);
      d = dossier_article_date_for_range (a, sentence->start, sentence->end);
      str = dossier_date_to_string (&d);
      g_test_message ("%s", events[i].sentence);
      g_assert_cmpstr (str, ==, events[i].date);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/corpus/bad-folder", test_bad_folder);
  g_test_add_func ("/corpus/binary-and-latin1", test_binary_and_latin1);
  g_test_add_func ("/corpus/nested", test_nested);
  g_test_add_func ("/corpus/manifest", test_manifest);
  g_test_add_func ("/corpus/bad-manifest", test_bad_manifest);
  g_test_add_func ("/corpus/manifest-bad-entry", test_manifest_bad_entry);
  g_test_add_func ("/corpus/manifest-deep", test_manifest_deep);
  g_test_add_func ("/corpus/special-files", test_special_files);
  g_test_add_func ("/corpus/nothing-readable", test_nothing_readable);
  g_test_add_func ("/corpus/progress-and-cancel", test_progress_and_cancel);
  g_test_add_func ("/corpus/many-files", test_many_files);
  g_test_add_func ("/corpus/async", test_async);
  g_test_add_func ("/corpus/jobs", test_jobs);
  g_test_add_func ("/corpus/seeds-gold", test_seeds_gold);
  g_test_add_func ("/corpus/seeds-text-dates", test_seeds_text_dates);
  g_test_add_func ("/corpus/seeds-structure", test_seeds_structure);
  g_test_add_func ("/corpus/seeds-event-dates", test_seeds_event_dates);

  return g_test_run ();
}
