/* test-fuzz-regressions.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Replays, without libFuzzer, every input that once broke a fuzz target
 * (tests/fuzz/regressions/<target>/) and the seed corpora through the
 * very same entry points, so the core suite keeps them fixed.
 *
 * Each input runs in a subprocess, so one crash names its input and the
 * others still run.  An input whose name ends in ".open" is a known bug
 * not fixed yet: its failure is reported as TODO (incomplete) rather than
 * breaking the suite, and once it passes the log says to drop ".open".
 * The other inputs look past the bugs listed in tests/fuzz/known-bugs,
 * so that a seed hitting one does not break the suite either. */

#define G_LOG_DOMAIN "test-fuzz-regressions"

#include "config.h"

#include <glib.h>
#include <stdint.h>
#include <string.h>

typedef int (*FuzzFunc) (const uint8_t *data, size_t size);

int dossier_fuzz_article   (const uint8_t *data, size_t size);
int dossier_fuzz_date      (const uint8_t *data, size_t size);
int dossier_fuzz_extract   (const uint8_t *data, size_t size);
int dossier_fuzz_gazetteer (const uint8_t *data, size_t size);
int dossier_fuzz_curation  (const uint8_t *data, size_t size);
int dossier_fuzz_export    (const uint8_t *data, size_t size);
int dossier_fuzz_manifest  (const uint8_t *data, size_t size);

typedef enum
{
  SEEDS_NONE     = 0,
  SEEDS_ARTICLES = 1 << 0,  /* seeds/ and tests/fixtures/ */
  SEEDS_GAZ      = 1 << 1,  /* data/gazetteer/ */
} SeedKind;

static const struct {
  const char *name;
  FuzzFunc    func;
  SeedKind    seeds;
} targets[] = {
  { "article", dossier_fuzz_article, SEEDS_ARTICLES },
  { "date", dossier_fuzz_date, SEEDS_ARTICLES },
  { "extract", dossier_fuzz_extract, SEEDS_ARTICLES },
  { "gazetteer", dossier_fuzz_gazetteer, SEEDS_GAZ },
  { "curation", dossier_fuzz_curation, SEEDS_NONE },
  { "export", dossier_fuzz_export, SEEDS_NONE },
  { "manifest", dossier_fuzz_manifest, SEEDS_NONE },
};

typedef struct
{
  FuzzFunc  func;
  char     *path;   /* NULL: the bytes below */
  GBytes   *bytes;
} Case;

static void
case_free (Case *c)
{
  g_free (c->path);
  g_clear_pointer (&c->bytes, g_bytes_unref);
  g_free (c);
}

static void
replay (const Case *c)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (c->path != NULL)
    {
      if (!g_file_get_contents (c->path, &contents, &len, &error))
        g_error ("%s", error->message);
      bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
    }
  else
    bytes = g_bytes_ref (c->bytes);

  /* An exact-size copy, so that a read past the end is caught under ASan. */
  {
    gsize size = g_bytes_get_size (bytes);
    /* Never NULL, as from libFuzzer, even when empty. */
    g_autofree uint8_t *exact = g_malloc (MAX (size, 1));

    if (size > 0)
      memcpy (exact, g_bytes_get_data (bytes, NULL), size);

    g_assert_cmpint (c->func (exact, size), ==, 0);
  }
}

static void
set_known_bugs (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fuzz", "known-bugs", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) names = g_string_new (NULL);

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line != '\0' && *line != '#')
        g_string_append_printf (names, "%s ", line);
    }
  g_setenv ("DOSSIER_FUZZ_KNOWN_BUGS", names->str, TRUE);
}

static void
run_case (gconstpointer data)
{
  const Case *c = data;
  gboolean open = c->path != NULL && g_str_has_suffix (c->path, ".open");

  if (g_test_subprocess ())
    {
      /* Known open bugs (tests/fuzz/known-bugs) would fail every seed that
       * happens to hit them: look past them, except in the ".open" input
       * kept to show each one. */
      if (!open)
        set_known_bugs ();
      replay (c);
      return;
    }

  g_test_trap_subprocess (NULL, 0, open ? G_TEST_SUBPROCESS_DEFAULT
                                        : G_TEST_SUBPROCESS_INHERIT_STDERR);
  if (g_test_trap_has_passed ())
    {
      if (open)
        g_test_message ("%s passes in this build: once it passes under build-aux/sanitize.sh too, "
                        "drop “.open” from its name", c->path);
      return;
    }

  if (open)
    g_test_incomplete ("known bug, not fixed yet");
  else
    {
      g_test_message ("input: %s", c->path != NULL ? c->path : "(inline)");
      g_test_fail ();
    }
}

static GPtrArray *cases;

static void
add_case (const char *target,
          const char *kind,
          const char *label,
          FuzzFunc    func,
          const char *path,
          GBytes     *bytes)
{
  Case *c = g_new0 (Case, 1);
  g_autofree char *test_path = NULL;
  g_autofree char *safe = g_strdup (label);

  /* Test paths are '/'-separated words. */
  g_strdelimit (safe, "/ ", '_');
  test_path = g_strdup_printf ("/fuzz/%s/%s/%s", target, kind, safe);

  c->func = func;
  c->path = g_strdup (path);
  c->bytes = bytes != NULL ? g_bytes_ref (bytes) : NULL;
  g_ptr_array_add (cases, c);
  g_test_add_data_func (test_path, c, run_case);
}

/* Every regular file under @dir (recursively, sorted), or nothing. */
static void
add_dir (const char *target,
         const char *kind,
         FuzzFunc    func,
         const char *dir,
         const char *suffix)
{
  g_autoptr(GDir) gdir = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (gdir == NULL)
    return;

  while ((name = g_dir_read_name (gdir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) (void (*) (void)) g_strcmp0);

  for (guint i = 0; i < names->len; i++)
    {
      const char *base = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (dir, base, NULL);

      if (base[0] == '.' || g_str_equal (base, "README.md"))
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_autofree char *sub_kind = g_strdup_printf ("%s/%s", kind, base);

          add_dir (target, sub_kind, func, path, suffix);
        }
      else if (suffix == NULL || g_str_has_suffix (base, suffix))
        add_case (target, kind, base, func, path, NULL);
    }
}

int
main (int   argc,
      char *argv[])
{
  static const char *const inline_inputs[] = {
    "", " ", "\n", "\r\n\r\n", "\xEF\xBB\xBF", "\xff\xfe", "\x80", "A", "\n\n\nA\n",
  };
  const char *seeds_dir = g_getenv ("DOSSIER_SEEDS_DIR");
  const char *data_dir = g_getenv ("DOSSIER_DATA_DIR");
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  cases = g_ptr_array_new_with_free_func ((GDestroyNotify) case_free);

  for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
    {
      g_autofree char *regressions = g_test_build_filename (G_TEST_DIST, "fuzz", "regressions",
                                                            targets[t].name, NULL);
      g_autofree char *seeds = g_test_build_filename (G_TEST_DIST, "fuzz", "seeds",
                                                      targets[t].name, NULL);

      for (guint i = 0; i < G_N_ELEMENTS (inline_inputs); i++)
        {
          /* The export target reads its first byte as flags: none here. */
          gboolean flags = g_str_equal (targets[t].name, "export");
          g_autofree char *input = g_strconcat (flags ? "\n" : "", inline_inputs[i], NULL);
          g_autoptr(GBytes) bytes = g_bytes_new (input, strlen (input));
          g_autofree char *label = g_strdup_printf ("%u", i);

          add_case (targets[t].name, "inline", label, targets[t].func, NULL, bytes);
        }

      add_dir (targets[t].name, "regressions", targets[t].func, regressions, NULL);
      add_dir (targets[t].name, "seeds", targets[t].func, seeds, NULL);

      if (targets[t].seeds & SEEDS_ARTICLES)
        {
          g_autofree char *fixtures = g_test_build_filename (G_TEST_DIST, "fixtures", NULL);

          if (seeds_dir != NULL)
            add_dir (targets[t].name, "articles", targets[t].func, seeds_dir, ".txt");
          add_dir (targets[t].name, "fixtures", targets[t].func, fixtures, ".txt");
        }
      if ((targets[t].seeds & SEEDS_GAZ) && data_dir != NULL)
        add_dir (targets[t].name, "data", targets[t].func, data_dir, ".gaz");
    }

  ret = g_test_run ();
  g_ptr_array_unref (cases);

  return ret;
}
