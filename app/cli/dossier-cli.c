/* dossier-cli.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* dossier-cli: the same pipeline as the window, for scripts and tests. */

#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <errno.h>

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "dossier-cli-search.h"
#include "dossier-cli-shard.h"
#include "dossier-corpus.h"
#include "dossier-curation.h"
#include "dossier-date.h"
#include "dossier-export.h"
#include "dossier-extractor.h"
#include "dossier-filter.h"
#include "dossier-io.h"
#include "dossier-json.h"
#include "dossier-layout.h"
#include "dossier-memory.h"
#include "dossier-positions.h"
#include "dossier-views.h"
#include "dossier-session.h"

/* Exit statuses: 0 done, 1 failed, 2 bad command line, 3 done with some
 * files that could not be read (each named on stderr). */
#define EXIT_PARTIAL 3
#define EXIT_USAGE 2

/* --scale and --dpi when not given (0 and nan are refused, not "unset"). */
#define UNSET_NUMBER (-G_MAXDOUBLE)

/* One line on stderr; file names in it may hold ESC, newlines or bytes
 * that are not UTF-8, which reach the terminal escaped. */
static void
print_message (const char *message)
{
  g_autofree char *escaped = dossier_io_display_name (message);

  g_printerr ("dossier-cli: %s\n", escaped);
}

/* A value the command line got wrong is status 2, as --help says. */
static int
failure_status (const GError *error)
{
  return error->domain == G_OPTION_ERROR || error->domain == DOSSIER_FILTER_ERROR ? EXIT_USAGE : 1;
}

typedef struct
{
  /* Shared options */
  char    **gazetteers;
  char     *from;
  char     *to;
  char    **actors;
  int       depth;
  char    **path;
  char     *entity_types;
  char     *relation_types;
  int       min_evidence;
  gboolean  no_comments;
  gboolean  mentioned_with;
  gboolean  dated_only;
  gboolean  hide_isolated;
  gboolean  show_isolated;
  gboolean  keep_isolated;   /* extract: data keeps lone actors unless asked */
  char     *cluster;
  char     *size_by;
  gboolean  quiet;
  char     *project;
  gboolean  no_edits;
  gboolean  no_cache;
  int       jobs;

  /* extract */
  gboolean  json;
  gboolean  jsonl;

  /* export */
  char     *output;
  char     *format;
  char     *engine;
  double    scale;
  double    dpi;
  gboolean  transparent;
  gboolean  dark;
  char     *theme;
  char     *title;
  char     *caption;
  gboolean  edge_labels;
  gboolean  legend;
  char     *area;
  char     *positions;
  char     *save_positions;
  char     *view;

  char    **paths;
} Options;

static void
options_clear (Options *o)
{
  g_strfreev (o->gazetteers);
  g_free (o->from);
  g_free (o->to);
  g_strfreev (o->actors);
  g_strfreev (o->path);
  g_free (o->entity_types);
  g_free (o->relation_types);
  g_free (o->cluster);
  g_free (o->size_by);
  g_free (o->project);
  g_free (o->output);
  g_free (o->format);
  g_free (o->engine);
  g_free (o->area);
  g_free (o->positions);
  g_free (o->save_positions);
  g_free (o->view);
  g_free (o->theme);
  g_free (o->title);
  g_free (o->caption);
  g_strfreev (o->paths);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static void
add_filter_entries (GOptionContext *context,
                    Options        *o)
{
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &o->from, N_("Only evidence on or after DATE (YYYY[-MM[-DD]])"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &o->to, N_("Only evidence on or before DATE"), N_("DATE") },
    { "actor", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->actors, N_("Show this actor and its neighbourhood (repeatable)"), N_("NAME") },
    { "depth", 0, 0, G_OPTION_ARG_INT, &o->depth, N_("Neighbourhood depth around the actors, 0 to 3 (default 1)"), N_("N") },
    { "path", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->path, N_("Only the paths between two actors (give it twice)"), N_("NAME") },
    { "entity-types", 0, 0, G_OPTION_ARG_STRING, &o->entity_types, N_("Comma-separated entity types to show"), N_("TYPES") },
    { "relation-types", 0, 0, G_OPTION_ARG_STRING, &o->relation_types, N_("Comma-separated relation types to show"), N_("TYPES") },
    { "min-evidence", 0, 0, G_OPTION_ARG_INT, &o->min_evidence, N_("Passages a relation or an actor needs (default 1)"), N_("N") },
    { "no-comments", 0, 0, G_OPTION_ARG_NONE, &o->no_comments, N_("Ignore reader comments"), NULL },
    { "mentioned-with", 0, 0, G_OPTION_ARG_NONE, &o->mentioned_with, N_("Also show untyped co-occurrence links"), NULL },
    { "dated-only", 0, 0, G_OPTION_ARG_NONE, &o->dated_only, N_("Leave out evidence whose date is unknown"), NULL },
    { "hide-isolated", 0, 0, G_OPTION_ARG_NONE, &o->hide_isolated, N_("Leave out actors without a relation (export: the default past 50 actors)"), NULL },
    { "show-isolated", 0, 0, G_OPTION_ARG_NONE, &o->show_isolated, N_("Keep actors without a relation"), NULL },
    { "cluster", 0, 0, G_OPTION_ARG_STRING, &o->cluster, N_("Only the community of this actor"), N_("NAME") },
    { "size-by", 0, 0, G_OPTION_ARG_STRING, &o->size_by, N_("What an actor’s weight measures: mentions, articles, degree or pagerank"), N_("MEASURE") },
    { "gazetteer", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o->gazetteers, N_("Add actors from a gazetteer file (repeatable)"), N_("FILE") },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &o->quiet, N_("Do not report unreadable files"), NULL },
    { "project", 0, 0, G_OPTION_ARG_FILENAME, &o->project, N_("Apply the edits saved in FILE (default: the corpus’s own)"), N_("FILE") },
    { "no-edits", 0, 0, G_OPTION_ARG_NONE, &o->no_edits, N_("Ignore the edits made in the window"), NULL },
    { "no-cache", 0, 0, G_OPTION_ARG_NONE, &o->no_cache, N_("Accepted for old scripts: results are not cached"), NULL },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &o->jobs, N_("Read the articles on N threads (default: one per core)"), N_("N") },
    { NULL }
  };
  GOptionGroup *group;

  group = g_option_group_new ("filter", _("Filters:"), _("Show filter options"), NULL, NULL);
  g_option_group_add_entries (group, entries);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  g_option_context_add_group (context, group);
}

static gboolean
parse_types (const char *list,
             gboolean    entities,
             guint      *mask,
             GError    **error)
{
  g_auto(GStrv) names = g_strsplit (list, ",", -1);

  *mask = 0;
  for (guint i = 0; names[i] != NULL; i++)
    {
      char *name = g_strstrip (names[i]);
      guint type;

      if (*name == '\0')
        continue;

      if (entities ? dossier_entity_type_from_string (name, (DossierEntityType *) &type)
                   : dossier_relation_type_from_string (name, (DossierRelationType *) &type))
        *mask |= 1u << type;
      else
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       entities ? _("Unknown entity type “%s” (company, media, person, government)")
                                : _("Unknown relation type “%s”"),
                       name);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
parse_date_option (const char  *name,
                   const char  *value,
                   DossierDate *date,
                   GError     **error)
{
  if (value == NULL)
    return TRUE;

  if (!dossier_date_parse_iso (value, date))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s: “%s” is not a date; use YYYY, YYYY-MM or YYYY-MM-DD"),
                   name, value);
      return FALSE;
    }

  return TRUE;
}

/* The options of dossier-measures.h and the filter's newer switches. */
static gboolean
filter_add_measures (Options       *o,
                     DossierFilter *filter,
                     GError       **error)
{
  if (o->hide_isolated && o->show_isolated)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--hide-isolated and --show-isolated contradict each other"));
      return FALSE;
    }
  filter->isolated = o->hide_isolated ? DOSSIER_ISOLATED_HIDE
                   : o->show_isolated || o->keep_isolated ? DOSSIER_ISOLATED_SHOW
                   : DOSSIER_ISOLATED_AUTO;
  filter->dated_only = o->dated_only;
  filter->cluster = g_strdup (o->cluster);
  if (o->size_by != NULL && !dossier_measure_from_string (o->size_by, &filter->size_by))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unknown measure “%s” (mentions, articles, degree, pagerank)"), o->size_by);
      return FALSE;
    }
  return TRUE;
}

/* What the filters kept or left out that a reader would not guess. */
static void
report_filter_counts (Options         *o,
                      DossierSubgraph *sub)
{
  g_autofree char *isolated = NULL;
  g_autofree char *undated = NULL;

  if (o->quiet || sub == NULL)
    return;
  if (sub->hidden_isolated > 0)
    isolated = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u actor without relations left out (--show-isolated keeps it)",
                                             "%u actors without relations left out (--show-isolated keeps them)",
                                             sub->hidden_isolated),
                                sub->hidden_isolated);
  if (sub->undated_evidence > 0 && (o->from != NULL || o->to != NULL))
    undated = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u undated passage kept (--dated-only leaves it out)",
                                            "%u undated passages kept (--dated-only leaves them out)",
                                            sub->undated_evidence),
                               sub->undated_evidence);
  if (isolated != NULL)
    print_message (isolated);
  if (undated != NULL)
    print_message (undated);
}

static DossierFilter *
build_filter (Options  *o,
              GError  **error)
{
  g_autoptr(DossierFilter) filter = dossier_filter_new ();

  if (!parse_date_option ("--from", o->from, &filter->from, error) ||
      !parse_date_option ("--to", o->to, &filter->to, error))
    return NULL;

  filter->actors = g_strdupv (o->actors);
  filter->path = g_strdupv (o->path);

  if (o->depth < 0 || o->depth > 3)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--depth must be between 0 and 3"));
      return NULL;
    }
  filter->depth = o->depth;

  if (o->min_evidence < 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--min-evidence must not be negative"));
      return NULL;
    }
  filter->min_evidence = o->min_evidence;
  filter->no_comments = o->no_comments;

  if (o->entity_types != NULL &&
      !parse_types (o->entity_types, TRUE, &filter->entity_types, error))
    return NULL;
  if (o->relation_types != NULL &&
      !parse_types (o->relation_types, FALSE, &filter->relation_types, error))
    return NULL;
  if (o->mentioned_with)
    filter->relation_types |= 1u << DOSSIER_RELATION_MENTIONED_WITH;
  if (!filter_add_measures (o, filter, error))
    return NULL;

  if (!dossier_filter_validate (filter, NULL, error))
    return NULL;

  return g_steal_pointer (&filter);
}

static void
print_problem_cb (DossierSession *session,
                  const char     *message,
                  gpointer        user_data)
{
  print_message (message);
}

/* Loads the edits the window saved for these articles, so that exports
 * match what it shows; FALSE (after saying why) when they cannot be read. */
static gboolean
load_edits (Options         *o,
            DossierCuration *curation,
            const char      *project)
{
  g_autoptr(GError) error = NULL;

  /* One asked for by name must be there; either must be readable. */
  if (o->project != NULL && !g_file_test (project, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_filename_display_name (project);

      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The project file “%s” does not exist; no edits applied"), name);
    }
  else
    dossier_curation_load (curation, project, &error);
  if (error == NULL)
    return TRUE;
  print_message (error->message);
  return FALSE;
}

/* --view NAME: the filter and places of a view saved in the window, kept
 * beside the edits file @project.  Its filter replaces the options'; like
 * the window, it drops (and names) the actors these articles lack. */
static gboolean
apply_saved_view (Options         *o,
                  DossierSession  *session,
                  const char      *project,
                  GError         **error)
{
  g_autofree char *path = dossier_views_path_for_edits (project);
  g_autoptr(DossierViews) views = NULL;
  g_autoptr(GError) local_error = NULL;
  const DossierView *view;

  if (!(views = dossier_views_load_file (path, &local_error)) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (views == NULL || !(view = dossier_views_lookup (views, o->view)))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--view: no view named “%s” is saved for these articles"), o->view);
      return FALSE;
    }
  dossier_view_apply (view, session);
  dossier_session_set_drop_unknown_actors (session, TRUE);
  return TRUE;
}

/* The window's pipeline, run synchronously: loads, extracts, applies the
 * edits and filters.  Problems with single files go to stderr. */
static DossierSession *
run_pipeline (Options   *o,
              gboolean   drawing,
              guint     *n_problems,
              GError   **error)
{
  g_autoptr(DossierSession) session = dossier_session_new ();
  g_autoptr(DossierCuration) curation = dossier_curation_new ();
  g_autoptr(DossierFilter) filter = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *project = NULL;
  DossierCorpus *corpus;
  DossierSubgraph *sub;

  if (!(filter = build_filter (o, error)))
    return NULL;
  if (o->jobs < 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--jobs must be a positive number"));
      return NULL;
    }

  /* A script names its actors: an unknown one is an error, not a toast.
   * Only a drawing is capped, as the window caps what it draws. */
  dossier_session_set_drop_unknown_actors (session, FALSE);
  dossier_session_set_max_shown (session, drawing ? DOSSIER_SESSION_MAX_SHOWN : 0);
  dossier_session_set_jobs (session, o->jobs);
  dossier_session_set_gazetteer_files (session, (const char * const *) o->gazetteers);
  dossier_session_set_without_comments (session, o->no_comments);
  /* Actors created in the window are found like the gazetteer's. */
  dossier_session_set_created_actors (session, !o->no_edits, o->project);
  if (!o->quiet)
    g_signal_connect (session, "problem", G_CALLBACK (print_problem_cb), NULL);

  if (!dossier_session_load (session, (const char * const *) o->paths, NULL, error))
    return NULL;

  corpus = dossier_session_get_corpus (session);
  *n_problems = corpus->problems->len;
  for (guint i = 0; !o->quiet && i < corpus->problems->len; i++)
    {
      const DossierLoadProblem *p = g_ptr_array_index (corpus->problems, i);
      print_message (p->error->message);
    }

  project = o->project != NULL ? g_strdup (o->project)
                                : dossier_curation_path_for_corpus (dossier_session_get_paths (session));
  if (!o->no_edits)
    {
      if (!load_edits (o, curation, project))
        (*n_problems)++;
      dossier_session_set_curation (session, curation);
      /* A drawing puts the actors where the window last drew them. */
      if (drawing && o->positions == NULL)
        dossier_session_use_positions_file (session, project, FALSE);
    }
  dossier_session_curate (session, &problems);
  dossier_session_set_curation (session, NULL);
  for (guint i = 0; !o->quiet && i < problems->len; i++)
    print_message (g_ptr_array_index (problems, i));

  dossier_session_set_filter (session, filter);
  if (o->view != NULL && !apply_saved_view (o, session, project, error))
    return NULL;
  if (!(sub = dossier_session_filter (session, error)))
    return NULL;
  /* Still a success (an empty graph is a result), but a script's reader
   * should know it was the filters, not the articles. */
  if (sub->entities->len == 0 && sub->total_entities > 0 && !o->quiet)
    g_printerr ("dossier-cli: %s\n", _("no actor matches the filters"));
  report_filter_counts (o, sub);
  return g_steal_pointer (&session);
}

/* Streamed: the JSON goes out as it is written, never whole in memory. */
static gboolean
write_json (DossierSubgraph   *sub,
            DossierJsonStyle   style,
            GError           **error)
{
  g_autoptr(GOutputStream) out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
  g_autoptr(GError) local_error = NULL;

  fflush (stdout);
  if (!dossier_json_write (sub, NULL, style, out, NULL, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not write to the standard output: %s"), local_error->message);
      return FALSE;
    }

  return TRUE;
}

static int
cmd_extract (int    argc,
             char **argv)
{
  g_auto(Options) o = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierSession) session = NULL;
  DossierSubgraph *sub;
  guint n_problems = 0;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &o.json, N_("Print JSON"), NULL },
    { "jsonl", 0, 0, G_OPTION_ARG_NONE, &o.jsonl, N_("Print JSON Lines: one article, entity or relation per line"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.paths, NULL, NULL },
    { NULL }
  };

  o.depth = 1;
  o.min_evidence = 1;
  o.keep_isolated = TRUE;

  /* The usage line starts with the program name: make it the whole command. */
  g_set_prgname ("dossier-cli extract");
  context = g_option_context_new (_("[PATH…] — print the actors and relations found"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  add_filter_entries (context, &o);

  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      !(session = run_pipeline (&o, FALSE, &n_problems, &error)))
    {
      print_message (error->message);
      return failure_status (error);
    }
  sub = dossier_session_get_filtered (session);

  if (o.json || o.jsonl)
    {
      if (!write_json (sub, o.jsonl ? DOSSIER_JSON_LINES : DOSSIER_JSON_PRETTY, &error))
        {
          g_printerr ("dossier-cli: %s\n", error->message);
          return 1;
        }
    }
  else
    {
      DossierGraph *graph = sub->graph;

      for (guint i = 0; i < sub->entities->len; i++)
        {
          const DossierEntity *e = dossier_graph_get_entity (graph, g_array_index (sub->entities, guint, i));
          g_print ("%s\t%s\t%u\n", dossier_entity_type_to_string (e->type), e->name,
                   g_array_index (sub->entity_mentions, guint, i));
        }
      g_print ("\n");
      for (guint i = 0; i < sub->relations->len; i++)
        {
          const DossierRelation *r = dossier_graph_get_relation (graph, g_array_index (sub->relations, guint, i));
          g_print ("%s\t%s\t%s\t%u\n",
                   dossier_graph_get_entity (graph, r->source)->name,
                   dossier_relation_type_to_string (r->type),
                   dossier_graph_get_entity (graph, r->target)->name,
                   g_array_index (sub->relation_evidence, guint, i));
        }
    }

  /* Done, but some files were skipped: scripts can tell. */
  return n_problems > 0 ? EXIT_PARTIAL : 0;
}

/* --positions and --save-positions around the layout; a file that does
 * not exist yet is fine when it is also the one to save to. */
static DossierLayout *
layout_with_positions (Options              *o,
                       DossierSubgraph      *sub,
                       DossierLayoutEngine   engine,
                       GError              **error)
{
  g_autoptr(DossierPositions) positions = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(DossierLayout) layout = NULL;

  if (o->positions != NULL &&
      !(positions = dossier_positions_load_file (o->positions, &local_error)))
    {
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
          g_strcmp0 (o->positions, o->save_positions) != 0)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  if (!(layout = dossier_layout_compute_full (sub, engine, positions, DOSSIER_LAYOUT_FLAGS_KEEP, NULL, error)))
    return NULL;
  if (o->save_positions != NULL)
    {
      if (positions == NULL)
        positions = dossier_positions_new ();
      dossier_positions_update_from_layout (positions, sub, layout);
      if (!dossier_positions_save_file (positions, o->save_positions, error))
        return NULL;
    }
  return g_steal_pointer (&layout);
}

/* --area X,Y,W,H in points, into the export options. */
static gboolean
parse_area (const char            *area,
            DossierExportOptions  *export_options,
            GError               **error)
{
  g_auto(GStrv) parts = g_strsplit (area, ",", -1);
  double v[4];
  guint i;

  for (i = 0; g_strv_length (parts) == 4 && i < 4; i++)
    {
      char *end = NULL;

      v[i] = g_ascii_strtod (parts[i], &end);
      if (end == parts[i] || *end != '\0')
        break;
    }
  if (i != 4 || !(v[2] > 0) || !(v[3] > 0))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--area wants X,Y,WIDTH,HEIGHT in points, e.g. 0,0,400,300"));
      return FALSE;
    }
  export_options->has_area = TRUE;
  export_options->area_x = v[0];
  export_options->area_y = v[1];
  export_options->area_width = v[2];
  export_options->area_height = v[3];
  return TRUE;
}

/* The output file and the format it implies or is given. */
static gboolean
check_output (Options              *o,
              DossierExportFormat  *format,
              GError              **error)
{
  if (o->output == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("export needs an output file: -o FILE"));
      return FALSE;
    }

  if (o->format == NULL && g_str_equal (o->output, "-"))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("writing to the standard output (-o -) needs --format"));
      return FALSE;
    }

  if (o->format != NULL ? !dossier_export_format_from_string (o->format, format)
                        : !dossier_export_format_from_path (o->output, format))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s: unknown format; use png, svg, pdf, dot, graphml, json, csv, gexf, html or neo4j"),
                   o->format != NULL ? o->format : o->output);
      return FALSE;
    }

  return TRUE;
}

/* The options of the image and of the file, checked in the order the
 * command always reported them. */
static gboolean
export_options_from (Options               *o,
                     DossierExportOptions  *export_options,
                     GError               **error)
{
  DossierExportFormat format;

  if (!check_output (o, &format, error))
    return FALSE;

  if ((o->scale != UNSET_NUMBER && !(isfinite (o->scale) && o->scale > 0)) ||
      (o->dpi != UNSET_NUMBER && !(isfinite (o->dpi) && o->dpi > 0)) ||
      (o->scale != UNSET_NUMBER && o->dpi != UNSET_NUMBER))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Give either --scale or --dpi, as a positive number"));
      return FALSE;
    }

  dossier_export_options_init (export_options, format);
  if (o->scale != UNSET_NUMBER)
    export_options->scale = o->scale;
  if (o->dpi != UNSET_NUMBER)
    export_options->scale = o->dpi / 72.0;
  export_options->transparent = o->transparent;
  export_options->dark = o->dark;
  if (o->theme != NULL && !g_str_equal (o->theme, "light") && !g_str_equal (o->theme, "dark"))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--theme must be light or dark"));
      return FALSE;
    }
  if (o->theme != NULL)
    export_options->dark = g_str_equal (o->theme, "dark");
  if (format == DOSSIER_EXPORT_NEO4J && g_str_equal (o->output, "-"))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("the Neo4j export writes a folder: -o FOLDER"));
      return FALSE;
    }
  export_options->title = o->title;
  export_options->edge_labels = o->edge_labels;
  export_options->legend = o->legend;

  return o->area == NULL || parse_area (o->area, export_options, error);
}

/* The session's layout, or one around saved positions. */
static DossierLayout *
export_layout (Options              *o,
               DossierSession       *session,
               DossierLayoutEngine   engine,
               GError              **error)
{
  DossierSubgraph *sub = dossier_session_get_filtered (session);
  DossierLayout *layout;

  /* Asked for by name, so honoured; but a script should know why it waits. */
  if (!dossier_layout_engine_is_practical (engine, sub->entities->len, sub->relations->len))
    {
      g_autofree char *warning = g_strdup_printf (_("the “%s” layout may take minutes on a graph this large (“--engine auto” is quick)"),
                                                  dossier_layout_engine_to_string (engine));
      print_message (warning);
    }
  dossier_session_set_engine (session, engine);
  dossier_session_set_engine_fallback (session, FALSE);
  /* Saved positions go round the session until it keeps them itself. */
  if (o->positions != NULL || o->save_positions != NULL)
    return layout_with_positions (o, sub, engine, error);
  if ((layout = dossier_session_layout (session, NULL, error)) == NULL)
    return NULL;
  return dossier_layout_ref (layout);
}

/* The export to -o FILE, or to the standard output for “-”. */
static gboolean
write_export (const char                  *output,
              DossierSubgraph             *sub,
              DossierLayout               *layout,
              const DossierExportOptions  *export_options,
              GError                     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize len;
  const char *data;

  if (!g_str_equal (output, "-"))
    return dossier_export_to_file (sub, layout, export_options, output, NULL, error);

  if (!(bytes = dossier_export_to_bytes (sub, layout, export_options, NULL, error)))
    return FALSE;
  data = g_bytes_get_data (bytes, &len);
  if (fwrite (data, 1, len, stdout) != len || fflush (stdout) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   _("Could not write to the standard output: %s"), g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

static int
cmd_export (int    argc,
            char **argv)
{
  g_auto(Options) o = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierSession) session = NULL;
  g_autoptr(DossierLayout) layout = NULL;
  DossierSubgraph *sub;
  DossierExportOptions export_options;
  DossierLayoutEngine engine = DOSSIER_LAYOUT_AUTO;
  g_autofree char *caption = NULL;
  guint n_problems = 0;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output, N_("Write to FILE (“-” for the standard output)"), N_("FILE") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &o.format, N_("png, svg, pdf, dot, graphml, json, csv, gexf, html or neo4j (a folder) (default: from FILE)"), N_("FORMAT") },
    { "engine", 'e', 0, G_OPTION_ARG_STRING, &o.engine, N_("Layout engine: auto, dot, neato, fdp, sfdp or circo"), N_("ENGINE") },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &o.scale, N_("PNG pixels per point (default 2)"), N_("SCALE") },
    { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &o.dpi, N_("PNG resolution in dots per inch (72 dpi is scale 1)"), N_("DPI") },
    { "transparent", 0, 0, G_OPTION_ARG_NONE, &o.transparent, N_("PNG and SVG without background"), NULL },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &o.dark, N_("Use the dark palette (same as --theme dark)"), NULL },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &o.theme, N_("Colours of images: light (default) or dark"), N_("THEME") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &o.title, N_("A title above the image or report"), N_("TEXT") },
    { "caption", 0, 0, G_OPTION_ARG_STRING, &o.caption, N_("A caption below the image (“auto”: corpus, articles, dates and filters)"), N_("TEXT") },
    { "edge-labels", 0, 0, G_OPTION_ARG_NONE, &o.edge_labels, N_("Write relation types on the edges"), NULL },
    { "legend", 0, 0, G_OPTION_ARG_NONE, &o.legend, N_("Add a legend of the shapes and lines"), NULL },
    { "area", 0, 0, G_OPTION_ARG_STRING, &o.area, N_("Only this area of the layout, in points"), N_("X,Y,W,H") },
    { "positions", 0, 0, G_OPTION_ARG_FILENAME, &o.positions, N_("Keep the actors at the positions and pins saved in FILE (positions JSON or an edits file)"), N_("FILE") },
    { "save-positions", 0, 0, G_OPTION_ARG_FILENAME, &o.save_positions, N_("Write where each actor was drawn, and the pins, to FILE"), N_("FILE") },
    { "view", 0, 0, G_OPTION_ARG_STRING, &o.view, N_("Draw the view saved in the window under NAME: its filters and places"), N_("NAME") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.paths, NULL, NULL },
    { NULL }
  };

  o.depth = 1;
  o.min_evidence = 1;
  o.scale = o.dpi = UNSET_NUMBER;

  g_set_prgname ("dossier-cli export");
  context = g_option_context_new (_("-o FILE [PATH…] — write the laid-out graph"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  add_filter_entries (context, &o);

  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      !export_options_from (&o, &export_options, &error))
    goto fail;

  if (o.engine != NULL && !dossier_layout_engine_from_string (o.engine, &engine))
    {
      g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unknown layout engine “%s”"), o.engine);
      goto fail;
    }

  if (!(session = run_pipeline (&o, TRUE, &n_problems, &error)) ||
      !(layout = export_layout (&o, session, engine, &error)))
    goto fail;
  sub = dossier_session_get_filtered (session);
  if (o.caption != NULL)
    {
      caption = g_str_equal (o.caption, "auto") ? dossier_export_default_caption (sub)
                                                : g_strdup (o.caption);
      export_options.caption = caption;
    }

  if (!write_export (o.output, sub, layout, &export_options, &error))
    goto fail;

  /* Done, but some files were skipped: scripts can tell. */
  return n_problems > 0 ? EXIT_PARTIAL : 0;

fail:
  print_message (error->message);
  return failure_status (error);
}

/* On stdout when asked for (--help), on stderr after a mistake. */
static void
usage (gboolean asked)
{
  (asked ? g_print : g_printerr) ("%s\n", _("Usage: dossier-cli extract [--json|--jsonl] [OPTION…] [PATH…]\n"
                        "       dossier-cli export -o FILE [OPTION…] [PATH…]\n"
                        "       dossier-cli names -o NAMES.gaz [OPTION…] PATH…\n"
                        "       dossier-cli merge FILE.json…\n"
                        "       dossier-cli search [--json] [OPTION…] QUERY [PATH…]\n"
                        "Run “dossier-cli COMMAND --help” for the options."));
}

#define DOSSIER_CLI_HEAP_RESERVE (256 * 1024 * 1024)

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  /* DOSSIER_LOCALEDIR points uninstalled runs at the build's catalogues. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("DOSSIER_LOCALEDIR") != NULL ? g_getenv ("DOSSIER_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* A run holds its corpus and graph in the heap: tens of MB. */
  dossier_memory_use_huge_pages (DOSSIER_CLI_HEAP_RESERVE);

  if (argc < 2)
    {
      usage (FALSE);
      return 2;
    }

  if (g_str_equal (argv[1], "extract"))
    return cmd_extract (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "export"))
    return cmd_export (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "names"))
    return dossier_cli_names (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "merge"))
    return dossier_cli_merge (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "search"))
    return dossier_cli_search (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      usage (TRUE);
      return 0;
    }

  g_printerr (_("dossier-cli: unknown command “%s”\n"), argv[1]);
  usage (FALSE);
  return 2;
}
