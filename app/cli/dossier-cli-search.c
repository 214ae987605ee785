/* dossier-cli-search.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `dossier-cli search QUERY [PATH…]`: the passages of the articles that
 * hold the words of QUERY (see dossier-search.h), one line each as
 * path:line: sentence, the words marked; or JSON with byte offsets. */

#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "dossier-cli-search.h"
#include "dossier-corpus.h"
#include "dossier-date.h"
#include "dossier-extractor.h"
#include "dossier-io.h"
#include "dossier-json-writer.h"
#include "dossier-search.h"

#define EXIT_BAD_USAGE 2
#define EXIT_PARTIAL   3

typedef struct
{
  gboolean   json;
  gboolean   actors;
  gboolean   quiet;
  int        limit;
  int        jobs;
  char      *color;
  char     **gazetteers;
  char     **args;
} SearchOptions;

static void
search_options_clear (SearchOptions *o)
{
  g_free (o->color);
  g_strfreev (o->gazetteers);
  g_strfreev (o->args);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SearchOptions, search_options_clear)

static void
print_message (const char *message)
{
  g_autofree char *escaped = dossier_io_display_name (message);

  g_printerr ("dossier-cli: %s\n", escaped);
}

/* The line of @offset in @text, counted from 1. */
static guint
line_of (const char *text,
         gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    line += text[i] == '\n';
  return line;
}

/* Appends text[start, end) on one line: line ends and tabs become spaces,
 * other control characters are left out. */
static void
append_flat (GString    *out,
             const char *text,
             gsize       start,
             gsize       end)
{
  for (gsize i = start; i < end; i++)
    {
      guchar c = text[i];

      if (c == '\n' || c == '\t' || c == '\r')
        g_string_append_c (out, ' ');
      else if (c >= 0x20 && c != 0x7f)
        g_string_append_c (out, c);
    }
}

/* path:line: sentence, each match between @open and @close. */
static void
print_hit (const DossierArticle   *article,
           const DossierSearchHit *hit,
           const char             *open,
           const char             *close)
{
  g_autofree char *path = dossier_io_display_name (article->path != NULL ? article->path : article->id);
  g_autoptr(GString) line = g_string_new (NULL);
  gsize at = hit->start;

  for (guint m = 0; m < hit->matches->len; m++)
    {
      const DossierRange *r = &g_array_index (hit->matches, DossierRange, m);

      append_flat (line, article->text, at, r->start);
      g_string_append (line, open);
      append_flat (line, article->text, r->start, r->end);
      g_string_append (line, close);
      at = r->end;
    }
  append_flat (line, article->text, at, hit->end);

  g_print ("%s:%u: %s\n", path, line_of (article->text, hit->start), line->str);
}

static void
write_hit_json (DossierJsonWriter      *w,
                DossierCorpus          *corpus,
                DossierGraph           *graph,
                const DossierSearchHit *hit)
{
  const DossierArticle *article = dossier_corpus_get_article (corpus, hit->article);
  g_autofree char *date = dossier_date_to_string (&article->date);
  const char *path = article->path != NULL ? article->path : article->id;

  dossier_json_writer_begin_object (w);
  dossier_json_writer_member (w, "article");
  dossier_json_writer_string (w, article->id);
  dossier_json_writer_member (w, "path");
  dossier_json_writer_string (w, path);
  if (!g_utf8_validate (path, -1, NULL))
    {
      g_autofree char *encoded = g_base64_encode ((const guchar *) path, strlen (path));

      dossier_json_writer_member (w, "path_bytes");
      dossier_json_writer_string (w, encoded);
    }
  dossier_json_writer_member (w, "title");
  dossier_json_writer_string (w, article->title);
  dossier_json_writer_member (w, "date");
  if (dossier_date_is_known (&article->date))
    dossier_json_writer_string (w, date);
  else
    dossier_json_writer_null (w);
  dossier_json_writer_member (w, "line");
  dossier_json_writer_int (w, line_of (article->text, hit->start));
  dossier_json_writer_member (w, "start");
  dossier_json_writer_int (w, hit->start);
  dossier_json_writer_member (w, "end");
  dossier_json_writer_int (w, hit->end);
  dossier_json_writer_member (w, "text");
  dossier_json_writer_string_len (w, article->text + hit->start, hit->end - hit->start);

  dossier_json_writer_member (w, "matches");
  dossier_json_writer_begin_array (w);
  for (guint m = 0; m < hit->matches->len; m++)
    {
      const DossierRange *r = &g_array_index (hit->matches, DossierRange, m);

      dossier_json_writer_begin_object (w);
      dossier_json_writer_member (w, "start");
      dossier_json_writer_int (w, r->start);
      dossier_json_writer_member (w, "end");
      dossier_json_writer_int (w, r->end);
      dossier_json_writer_member (w, "text");
      dossier_json_writer_string_len (w, article->text + r->start, r->end - r->start);
      dossier_json_writer_end_object (w);
    }
  dossier_json_writer_end_array (w);

  if (graph != NULL)
    {
      dossier_json_writer_member (w, "actors");
      dossier_json_writer_begin_array (w);
      for (guint a = 0; a < hit->actors->len; a++)
        dossier_json_writer_string (w, dossier_graph_get_entity (graph, g_array_index (hit->actors, guint, a))->name);
      dossier_json_writer_end_array (w);
    }
  dossier_json_writer_end_object (w);
}

static gboolean
write_json (DossierSearch  *search,
            DossierCorpus  *corpus,
            DossierGraph   *graph,
            GPtrArray      *hits,
            guint           n_found,
            GError        **error)
{
  g_autoptr(GOutputStream) out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
  g_autoptr(DossierJsonWriter) w = dossier_json_writer_new (out, TRUE);
  g_autoptr(GError) local_error = NULL;

  dossier_json_writer_begin_object (w);
  dossier_json_writer_member (w, "words");
  dossier_json_writer_begin_array (w);
  for (guint i = 0; i < dossier_search_get_n_words (search); i++)
    dossier_json_writer_string (w, dossier_search_get_word (search, i));
  dossier_json_writer_end_array (w);
  dossier_json_writer_member (w, "phrase");
  dossier_json_writer_boolean (w, dossier_search_is_phrase (search));
  dossier_json_writer_member (w, "found");
  dossier_json_writer_int (w, n_found);
  dossier_json_writer_member (w, "passages");
  dossier_json_writer_begin_array (w);
  for (guint i = 0; i < hits->len; i++)
    write_hit_json (w, corpus, graph, g_ptr_array_index (hits, i));
  dossier_json_writer_end_array (w);
  dossier_json_writer_end_object (w);
  dossier_json_writer_raw (w, "\n");

  fflush (stdout);
  if (!dossier_json_writer_flush (w, NULL, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not write to the standard output: %s"), local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* The actors come from the extractor, as `extract --no-edits` finds them. */
static DossierGraph *
extract (SearchOptions  *o,
         DossierCorpus  *corpus,
         GError        **error)
{
  g_autoptr(DossierGazetteer) gazetteer = dossier_gazetteer_new_default (error);

  if (gazetteer == NULL)
    return NULL;
  for (guint i = 0; o->gazetteers != NULL && o->gazetteers[i] != NULL; i++)
    {
      if (!dossier_gazetteer_load_file (gazetteer, o->gazetteers[i], error))
        return NULL;
    }
  return dossier_extract (corpus, gazetteer, NULL, NULL, error);
}

static gboolean
check_options (SearchOptions  *o,
               gboolean       *marks,
               GError        **error)
{
  if (o->args == NULL || o->args[0] == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("search needs the words to look for: dossier-cli search QUERY [PATH…]"));
      return FALSE;
    }
  if (o->limit < 0 || o->jobs < 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--limit and --jobs must not be negative"));
      return FALSE;
    }
  if (o->color == NULL || g_str_equal (o->color, "auto"))
    *marks = isatty (STDOUT_FILENO);
  else if (g_str_equal (o->color, "always") || g_str_equal (o->color, "never"))
    *marks = g_str_equal (o->color, "always");
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--color must be auto, always or never"));
      return FALSE;
    }
  return TRUE;
}

static int
failure (const GError *error)
{
  print_message (error->message);
  return error->domain == G_OPTION_ERROR || error->domain == DOSSIER_SEARCH_ERROR ? EXIT_BAD_USAGE : 1;
}

int
dossier_cli_search (int    argc,
                    char **argv)
{
  g_auto(SearchOptions) o = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierSearch) search = NULL;
  g_autoptr(DossierCorpus) corpus = NULL;
  g_autoptr(DossierGraph) graph = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *seeds = NULL;
  const char *default_paths[2] = { NULL, NULL };
  const char * const *paths;
  gboolean marks = FALSE;
  guint n_found = 0;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &o.json, N_("Print JSON"), NULL },
    { "actors", 0, 0, G_OPTION_ARG_NONE, &o.actors, N_("Name the actors of each passage (extracts the articles)"), NULL },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &o.limit, N_("Print at most N passages (default: all)"), N_("N") },
    { "color", 0, 0, G_OPTION_ARG_STRING, &o.color, N_("Mark the words in bold: auto, always or never"), N_("WHEN") },
    { "gazetteer", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.gazetteers, N_("Add actors from a gazetteer file (repeatable)"), N_("FILE") },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &o.jobs, N_("Read the articles on N threads (default: one per core)"), N_("N") },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &o.quiet, N_("Do not report unreadable files"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.args, NULL, NULL },
    { NULL }
  };

  g_set_prgname ("dossier-cli search");
  context = g_option_context_new (_("QUERY [PATH…] — print the passages that hold the words of QUERY"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      !check_options (&o, &marks, &error) ||
      !(search = dossier_search_new (o.args[0], &error)))
    return failure (error);

  paths = (const char * const *) o.args + 1;
  if (paths[0] == NULL)
    {
      seeds = dossier_corpus_default_path ();
      default_paths[0] = seeds;
      paths = default_paths;
    }

  if (!(corpus = dossier_corpus_load_full (paths, o.jobs, NULL, NULL, NULL, &error)))
    return failure (error);
  for (guint i = 0; !o.quiet && i < corpus->problems->len; i++)
    print_message (((DossierLoadProblem *) g_ptr_array_index (corpus->problems, i))->error->message);

  if (o.actors && !(graph = extract (&o, corpus, &error)))
    return failure (error);

  hits = dossier_search_run (search, corpus, graph, o.limit, &n_found, NULL, &error);
  if (hits == NULL)
    return failure (error);

  if (o.json)
    {
      if (!write_json (search, corpus, graph, hits, n_found, &error))
        return failure (error);
    }
  else
    {
      for (guint i = 0; i < hits->len; i++)
        {
          const DossierSearchHit *hit = g_ptr_array_index (hits, i);
          const DossierArticle *article = dossier_corpus_get_article (corpus, hit->article);

          print_hit (article, hit, marks ? "\033[1;31m" : "[", marks ? "\033[0m" : "]");
          if (graph != NULL && hit->actors->len > 0)
            {
              g_autoptr(GString) names = g_string_new (NULL);

              for (guint a = 0; a < hit->actors->len; a++)
                g_string_append_printf (names, "%s%s", a > 0 ? ", " : "",
                                        dossier_graph_get_entity (graph, g_array_index (hit->actors, guint, a))->name);
              g_print ("\t%s\n", names->str);
            }
        }
    }

  if (n_found == 0 && !o.quiet)
    print_message (_("no passage holds these words"));

  return corpus->problems->len > 0 ? EXIT_PARTIAL : 0;
}
