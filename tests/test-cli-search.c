/* test-cli-search.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `dossier-cli search` as a script sees it: one line per passage with the
 * words marked, JSON whose offsets hold the words, and the exit statuses
 * of the other commands (2 bad command line, 3 some file unreadable). */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cli-test-util.h"

/* Runs `$DOSSIER_CLI search ARGS…`; returns the exit status. */
static int
search (const char * const  *args,
        char               **out,
        char               **err)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;

  g_strv_builder_add (builder, "search");
  g_strv_builder_addv (builder, (const char **) args);
  argv = g_strv_builder_end (builder);
  return cli_test_run ((const char * const *) argv, out, err);
}

/* A folder with a French article, an English one and an empty file. */
static char *
make_corpus (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("dossier-search-XXXXXX", &error);
  g_autofree char *fr = g_build_filename (dir, "fr.txt", NULL);
  g_autofree char *en = g_build_filename (dir, "en.txt", NULL);

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (fr, "Le rachat de la Société Générale\n\n"
                                      "La SOCIETE GENERALE a confirmé le rachat.\n\n"
                                      "Rien d'autre.\n", -1, NULL));
  g_assert_true (g_file_set_contents (en, "Nothing about banks here.\n\nSociété? No.\n", -1, NULL));
  return dir;
}

static void
remove_corpus (const char *dir)
{
  const char *names[] = { "fr.txt", "en.txt", "empty.txt" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* A corpus for a test, and what `dossier-cli search` printed. */
typedef struct
{
  char *dir;
  char *out;
  char *err;
} Corpus;

static void
corpus_set_up (Corpus        *corpus,
               gconstpointer  data)
{
  corpus->dir = make_corpus ();
}

static void
corpus_tear_down (Corpus        *corpus,
                  gconstpointer  data)
{
  remove_corpus (corpus->dir);
  g_clear_pointer (&corpus->dir, g_free);
  g_clear_pointer (&corpus->out, g_free);
  g_clear_pointer (&corpus->err, g_free);
}

static void
test_lines (Corpus        *corpus,
            gconstpointer  data)
{
  g_auto(GStrv) lines = NULL;
  const char *args[] = { "--color=never", "societe generale", corpus->dir, NULL };

  g_assert_cmpint (search (args, &corpus->out, &corpus->err), ==, 0);
  lines = g_strsplit (corpus->out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);  /* two lines and the last newline */
  g_assert_true (g_str_has_suffix (lines[0], "fr.txt:1: Le rachat de la [Société] [Générale]"));
  g_assert_true (g_str_has_suffix (lines[1], "fr.txt:3: La [SOCIETE] [GENERALE] a confirmé le rachat."));
  g_assert_cmpstr (corpus->err, ==, "");

  /* Marked in bold on demand; --limit. */
  {
    const char *bold[] = { "--color=always", "-n", "1", "rachat", corpus->dir, NULL };
    g_autofree char *out2 = NULL;
    g_autofree char *err2 = NULL;

    g_assert_cmpint (search (bold, &out2, &err2), ==, 0);
    g_assert_nonnull (strstr (out2, "\033[1;31mrachat\033[0m"));
    g_assert_cmpuint (strlen (out2) - strlen (strchr (out2, '\n') + 1), >, 0);
    g_assert_cmpstr (strchr (out2, '\n') + 1, ==, "");
  }
}

static void
test_json (Corpus        *corpus,
           gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *args[] = { "--json", "\"société générale\"", corpus->dir, NULL };
  g_autofree char *fr = g_build_filename (corpus->dir, "fr.txt", NULL);
  JsonObject *root, *passage, *match;
  JsonArray *passages;

  g_assert_cmpint (search (args, &corpus->out, &corpus->err), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, corpus->out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_get_boolean_member (root, "phrase"));
  g_assert_cmpint (json_object_get_int_member (root, "found"), ==, 2);
  passages = json_object_get_array_member (root, "passages");
  g_assert_cmpuint (json_array_get_length (passages), ==, 2);

  /* The offsets are bytes of the file as read. */
  g_assert_true (g_file_get_contents (fr, &text, NULL, NULL));
  passage = json_array_get_object_element (passages, 1);
  g_assert_cmpstr (json_object_get_string_member (passage, "article"), ==, "fr.txt");
  g_assert_cmpint (json_object_get_int_member (passage, "line"), ==, 3);
  match = json_array_get_object_element (json_object_get_array_member (passage, "matches"), 1);
  g_assert_cmpstr (json_object_get_string_member (match, "text"), ==, "GENERALE");
  g_assert_cmpint (strncmp (text + json_object_get_int_member (match, "start"), "GENERALE", 8), ==, 0);
  g_assert_false (json_object_has_member (passage, "actors"));
}

/* Bad command lines are status 2 with one line on stderr; an unreadable
 * file is status 3 and the others are searched. */
static void
test_statuses (Corpus        *corpus,
               gconstpointer  data)
{
  g_autofree char *empty = g_build_filename (corpus->dir, "empty.txt", NULL);
  const char *bad[][4] = {
    { NULL },
    { "", corpus->dir, NULL },
    { "« »", corpus->dir, NULL },
    { "--color=sometimes", "x", corpus->dir, NULL },
    { "--limit=-1", "x", corpus->dir, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (search (bad[i], &out, &err), ==, 2);
      g_assert_true (g_str_has_prefix (err, "dossier-cli: "));
      g_assert_cmpuint (strchr (err, '\n') - err + 1, ==, strlen (err));
      g_assert_cmpstr (out, ==, "");
    }

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  {
    const char *args[] = { "rachat", corpus->dir, NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (search (args, &out, &err), ==, 3);
    g_assert_nonnull (strstr (err, "empty.txt"));
    g_assert_nonnull (strstr (out, "fr.txt:1:"));
  }

  /* Nothing found is a success that says so. */
  {
    const char *args[] = { "--quiet", "zzyzx", corpus->dir, NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (search (args, &out, &err), ==, 3);
    g_assert_cmpstr (out, ==, "");
    g_assert_cmpstr (err, ==, "");
  }
  g_unlink (empty);
  {
    const char *args[] = { "zzyzx", corpus->dir, NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (search (args, &out, &err), ==, 0);
    g_assert_nonnull (strstr (err, "no passage"));
  }
}

/* A file name that is not UTF-8 or holds ESC reaches neither the terminal
 * nor the JSON raw; a tab in the sentence is a space on its line. */
static void
test_hostile_names (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dossier-search-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "caf\xe9\x1b.txt", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *lines[] = { "--color=never", "rachat", dir, NULL };
  const char *as_json[] = { "--json", "rachat", dir, NULL };
  JsonObject *passage;

  g_assert_true (g_file_set_contents (path, "Le rachat\test fait.\n", -1, NULL));
  g_assert_cmpint (search (lines, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "caf\\xE9\\x1B.txt:1: Le [rachat] est fait."));
  g_assert_null (strchr (out, '\x1b'));

  g_assert_cmpint (search (as_json, &json, NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  passage = json_array_get_object_element (json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                                                          "passages"), 0);
  g_assert_true (json_object_has_member (passage, "path_bytes"));
  g_assert_true (g_utf8_validate (json_object_get_string_member (passage, "path"), -1, NULL));

  g_unlink (path);
  g_rmdir (dir);
}

/* With --actors, the passages of the seeds name the actors in them. */
static void
test_actors (void)
{
  const char *args[] = { "--json", "--actors", "\"Larry Ellison\"", g_getenv ("DOSSIER_SEEDS_DIR"), NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *passages;
  gboolean named = FALSE;

  g_assert_nonnull (args[3]);
  g_assert_cmpint (search (args, &out, &err), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  passages = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "passages");
  g_assert_cmpuint (json_array_get_length (passages), >, 0);
  for (guint i = 0; i < json_array_get_length (passages); i++)
    {
      JsonArray *actors = json_object_get_array_member (json_array_get_object_element (passages, i), "actors");

      for (guint a = 0; a < json_array_get_length (actors); a++)
        named = named || g_str_equal (json_array_get_string_element (actors, a), "Larry Ellison");
    }
  g_assert_true (named);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-search/lines", Corpus, NULL, corpus_set_up, test_lines, corpus_tear_down);
  g_test_add ("/cli-search/json", Corpus, NULL, corpus_set_up, test_json, corpus_tear_down);
  g_test_add ("/cli-search/statuses", Corpus, NULL, corpus_set_up, test_statuses, corpus_tear_down);
  g_test_add_func ("/cli-search/hostile-names", test_hostile_names);
  g_test_add_func ("/cli-search/actors", test_actors);

  return g_test_run ();
}
