/* dossier-session.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-session"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dossier-extractor.h"
#include "dossier-gazetteer.h"
#include "dossier-session.h"
#include "dossier-snapshot.h"

struct _DossierSession
{
  GObject              parent_instance;

  /* Inputs and policies */
  int                  n_jobs;
  char               **gazetteer_files;
  gboolean             created_actors;  /* learn the actors created in the edits file */
  char                *project;         /* that file; NULL: the corpus's own */
  GArray              *rejected;        /* DossierRejectedPassage on graph */
  guint                max_shown;
  gboolean             drop_unknown_actors;
  gboolean             without_comments;
  DossierLayoutEngine  engine;
  gboolean             engine_fallback;
  DossierCuration     *curation;       /* borrowed */
  DossierFilter       *filter;

  /* Stages, each made from the one before */
  char               **paths;
  DossierCorpus       *corpus;
  DossierGraph        *extracted;
  DossierGraph        *graph;          /* curated */
  DossierSubgraph     *filtered;       /* the latest filtering */
  DossierSubgraph     *subgraph;       /* shown: the one :layout lays out */
  DossierLayout       *layout;
  DossierPositions    *positions;
  char                *positions_path;   /* NULL: not saved */
  gboolean             fresh;            /* the next layout forgets positions */
  gboolean             snapshots;        /* keep the graph shown for the next launch */
  char                *corpus_stamp;     /* of the articles loaded, or NULL */

  /* Selection by name: names survive the renumbering of every edit, and a
   * renamed actor keeps its old name as an alias. */
  GPtrArray           *selected_names;
  char                *selected_relation[3];  /* source, type, target */

  GCancellable        *cancellables[DOSSIER_SESSION_N_STAGES];
  guint                loading;
  guint                curating;
  guint                filtering;
  guint                laying_out;
  gboolean             told_capped;
  gboolean             told_slow_engine;
};

G_DEFINE_FINAL_TYPE (DossierSession, dossier_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_GRAPH,
  PROP_FILTER,
  PROP_SUBGRAPH,
  PROP_LAYOUT,
  PROP_BUSY,
  N_PROPS
};

enum {
  PROBLEM,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
problem (DossierSession *self,
         const char     *message)
{
  g_signal_emit (self, signals[PROBLEM], 0, message);
}

static void
set_busy (DossierSession *self,
          guint          *counter,
          gboolean        busy)
{
  gboolean was = dossier_session_get_busy (self);

  if (busy)
    (*counter)++;
  else if (*counter > 0)
    (*counter)--;
  if (was != dossier_session_get_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
dossier_session_cancel (DossierSession      *self,
                        DossierSessionStage  stage)
{
  g_return_if_fail (DOSSIER_IS_SESSION (self));
  g_return_if_fail (stage < DOSSIER_SESSION_N_STAGES);

  for (guint i = stage; i < DOSSIER_SESSION_N_STAGES; i++)
    {
      g_cancellable_cancel (self->cancellables[i]);
      g_clear_object (&self->cancellables[i]);
    }
}

/* A new request for @stage replaces the running ones from @stage on. */
static GCancellable *
start_stage (DossierSession      *self,
             DossierSessionStage  stage)
{
  dossier_session_cancel (self, stage);
  self->cancellables[stage] = g_cancellable_new ();
  return self->cancellables[stage];
}

static void
clear_selected_relation (DossierSession *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->selected_relation); i++)
    g_clear_pointer (&self->selected_relation[i], g_free);
}

static void
dossier_session_finalize (GObject *object)
{
  DossierSession *self = DOSSIER_SESSION (object);

  g_strfreev (self->gazetteer_files);
  g_free (self->project);
  g_clear_pointer (&self->rejected, g_array_unref);
  g_clear_pointer (&self->filter, dossier_filter_free);
  g_strfreev (self->paths);
  g_clear_pointer (&self->corpus, dossier_corpus_unref);
  g_clear_pointer (&self->extracted, dossier_graph_unref);
  g_clear_pointer (&self->graph, dossier_graph_unref);
  g_clear_pointer (&self->filtered, dossier_subgraph_unref);
  g_clear_pointer (&self->subgraph, dossier_subgraph_unref);
  g_clear_pointer (&self->layout, dossier_layout_unref);
  g_clear_pointer (&self->positions, dossier_positions_unref);
  g_free (self->positions_path);
  g_free (self->corpus_stamp);
  g_clear_pointer (&self->selected_names, g_ptr_array_unref);
  clear_selected_relation (self);
  for (guint i = 0; i < DOSSIER_SESSION_N_STAGES; i++)
    g_clear_object (&self->cancellables[i]);

  G_OBJECT_CLASS (dossier_session_parent_class)->finalize (object);
}

static void
dossier_session_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DossierSession *self = DOSSIER_SESSION (object);

  switch (prop_id)
    {
    case PROP_GRAPH:
      g_value_set_pointer (value, self->graph);
      break;
    case PROP_FILTER:
      g_value_set_pointer (value, self->filter);
      break;
    case PROP_SUBGRAPH:
      g_value_set_pointer (value, self->subgraph);
      break;
    case PROP_LAYOUT:
      g_value_set_pointer (value, self->layout);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, dossier_session_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_session_class_init (DossierSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_session_finalize;
  object_class->get_property = dossier_session_get_property;

  /* Pointers, not boxed copies: the graphs are large and refcounted. */
  properties[PROP_GRAPH] =
    g_param_spec_pointer ("graph", NULL, NULL,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Notified when a policy changes it, not when it is set. */
  properties[PROP_FILTER] =
    g_param_spec_pointer ("filter", NULL, NULL,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBGRAPH] =
    g_param_spec_pointer ("subgraph", NULL, NULL,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAYOUT] =
    g_param_spec_pointer ("layout", NULL, NULL,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DossierSession::problem:
   * @message: a translated sentence for a person
   *
   * Something the person should know but that stops nothing: an edit that
   * no longer applies, a cap, a substituted engine.
   */
  signals[PROBLEM] =
    g_signal_new ("problem", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
dossier_session_init (DossierSession *self)
{
  self->max_shown = DOSSIER_SESSION_MAX_SHOWN;
  self->drop_unknown_actors = TRUE;
  self->engine = DOSSIER_LAYOUT_AUTO;
  self->engine_fallback = TRUE;
  self->created_actors = TRUE;
  self->filter = dossier_filter_new ();
  self->selected_names = g_ptr_array_new_with_free_func (g_free);
  self->positions = dossier_positions_new ();
}

DossierSession *
dossier_session_new (void)
{
  return g_object_new (DOSSIER_TYPE_SESSION, NULL);
}

/* Policies -------------------------------------------------------------- */

void
dossier_session_set_jobs (DossierSession *self,
                          int             n_jobs)
{
  g_return_if_fail (DOSSIER_IS_SESSION (self));
  self->n_jobs = MAX (n_jobs, 0);
}

void
dossier_session_set_gazetteer_files (DossierSession     *self,
                                     const char * const *files)
{
  g_return_if_fail (DOSSIER_IS_SESSION (self));
  g_strfreev (self->gazetteer_files);
  self->gazetteer_files = g_strdupv ((char **) files);
}

void
dossier_session_set_created_actors (DossierSession *self,
                                    gboolean        learn,
                                    const char     *project)
{
  g_return_if_fail (DOSSIER_IS_SESSION (self));

  self->created_actors = !!learn;
  g_free (self->project);
  self->project = g_strdup (project);
}

void
dossier_session_set_max_shown (DossierSession *self,
                               guint           max_shown)
{
  g_return_if_fail (DOSSIER_IS_SESSION (self));
  self->max_shown = max_shown;
}

void
dossier_session_set_drop_unknown_actors (DossierSession *self,
                                         gboolean        drop)
{
  g_return_if_fail (DOSSIER_IS_SESSION (self));
  self->drop_unknown_actors = !!drop;
}

void
dossier_session_set_without_comments (DossierSession *self,
                                      gboolean        without)
{
  g_return_if_fail (DOSSIER_IS_SESSION (self));
  self->without_comments = !!without;
}

void
dossier_session_set_engine (DossierSession      *self,
                            DossierLayoutEngine  engine)
{
  g_return_if_fail (DOSSIER_IS_SESSION (self));
  if (self->engine != engine)
    self->told_slow_engine = FALSE;
  self->engine = engine;
}

DossierLayoutEngine
dossier_session_get_engine (DossierSession *self)
{
  g_return_val_if_fail (DOSSIER_IS_SESSION (self), DOSSIER_LAYOUT_AUTO);
  return self->engine;
}

void
dossier_session_set_engine_fallback (DossierSession *self,
                                     gboolean        fallback)
{
  g_return_if_fail (DOSSIER_IS_SESSION (self));
  self->engine_fallback = !!fallback;
}

gboolean
dossier_session_get_busy (DossierSession *self)
{
  g_return_val_if_fail (DOSSIER_IS_SESSION (self), FALSE);
  return self->loading > 0 || self->curating > 0 || self->filtering > 0 || self->laying_out > 0;
}

/* 1. Articles → extracted graph ------------------------------------------ */

typedef struct
{
  char                **paths;
  int                   n_jobs;
  char                **gazetteer_files;
  char                 *project;     /* whose created actors to learn, or NULL */
  DossierProgressFunc   progress;
  gpointer              progress_data;
  GDestroyNotify        progress_free;
  DossierGraph         *extracted;   /* the result */
  gboolean              stamp;         /* snapshots are kept: stamp the articles */
  char                 *corpus_stamp;  /* of the articles as they were read */
} LoadData;

static void
load_data_free (LoadData *data)
{
  if (data->progress_free != NULL)
    data->progress_free (data->progress_data);
  g_strfreev (data->paths);
  g_strfreev (data->gazetteer_files);
  g_free (data->project);
  g_clear_pointer (&data->extracted, dossier_graph_unref);
  g_free (data->corpus_stamp);
  g_free (data);
}

static LoadData *
load_data_new (DossierSession     *self,
               const char * const *paths)
{
  LoadData *data = g_new0 (LoadData, 1);

  if (paths != NULL && paths[0] != NULL)
    data->paths = g_strdupv ((char **) paths);
  else
    {
      data->paths = g_new0 (char *, 2);
      data->paths[0] = dossier_corpus_default_path ();
    }
  data->n_jobs = self->n_jobs;
  data->stamp = self->snapshots;
  data->gazetteer_files = g_strdupv (self->gazetteer_files);
  if (self->created_actors)
    data->project = self->project != NULL
                  ? g_strdup (self->project)
                  : dossier_curation_path_for_corpus ((const char * const *) data->paths);
  return data;
}

/* Safe on any thread: touches nothing but @data. */
static gboolean
load_run (LoadData      *data,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(DossierCorpus) corpus = NULL;
  g_autoptr(DossierGazetteer) gazetteer = NULL;
  gint64 start = g_get_monotonic_time ();

  /* Before reading: an article changed meanwhile changes the stamp.  Only
   * a snapshot needs it, and it is a stat() a file (the command line
   * keeps none). */
  if (data->stamp)
    {
      data->corpus_stamp = dossier_corpus_stamp ((const char * const *) data->paths, cancellable);
      dossier_session_mark_time ("corpus stamped (stat)", &start);
    }
  if (!(gazetteer = dossier_gazetteer_new_default (error)))
    return FALSE;
  for (guint i = 0; data->gazetteer_files != NULL && data->gazetteer_files[i] != NULL; i++)
    if (!dossier_gazetteer_load_file (gazetteer, data->gazetteer_files[i], error))
      return FALSE;
  if (data->project != NULL)
    {
      /* Read without a word: loading the edits later reports what is wrong. */
      g_autoptr(DossierCuration) created = dossier_curation_peek (data->project);

      if (!dossier_curation_extend_gazetteer (created, gazetteer, error))
        return FALSE;
    }

  dossier_session_mark_time ("gazetteers loaded", &start);

  /* When nothing at all is readable the error lists the problems. */
  if (!(corpus = dossier_corpus_load_full ((const char * const *) data->paths, data->n_jobs,
                                           cancellable, data->progress, data->progress_data,
                                           error)))
    return FALSE;
  dossier_session_mark_time ("articles read and prepared", &start);

  data->extracted = dossier_extract (corpus, gazetteer, NULL, cancellable, error);
  dossier_session_mark_time ("extracted", &start);
  return data->extracted != NULL;
}

static void
take_extracted (DossierSession *self,
                DossierGraph   *extracted)
{
  g_clear_pointer (&self->extracted, dossier_graph_unref);
  self->extracted = extracted;
  g_clear_pointer (&self->corpus, dossier_corpus_unref);
  self->corpus = dossier_corpus_ref (extracted->corpus);
  self->told_capped = FALSE;
  /* Other articles: the positions of the last ones mean nothing here. */
  g_clear_pointer (&self->positions, dossier_positions_unref);
  self->positions = dossier_positions_new ();
}

static void
load_done (DossierSession *self,
           LoadData       *data)
{
  g_strfreev (self->paths);
  self->paths = g_steal_pointer (&data->paths);
  g_free (self->corpus_stamp);
  self->corpus_stamp = g_steal_pointer (&data->corpus_stamp);
  take_extracted (self, g_steal_pointer (&data->extracted));
}

gboolean
dossier_session_load (DossierSession      *self,
                      const char * const  *paths,
                      GCancellable        *cancellable,
                      GError             **error)
{
  LoadData *data;
  gboolean ok;

  g_return_val_if_fail (DOSSIER_IS_SESSION (self), FALSE);

  data = load_data_new (self, paths);
  if ((ok = load_run (data, cancellable, error)))
    load_done (self, data);
  load_data_free (data);
  return ok;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (load_run (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
dossier_session_load_async (DossierSession      *self,
                            const char * const  *paths,
                            DossierProgressFunc  progress,
                            gpointer             progress_data,
                            GDestroyNotify       progress_free,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (DOSSIER_IS_SESSION (self));

  data = load_data_new (self, paths);
  data->progress = progress;
  data->progress_data = progress_data;
  data->progress_free = progress_free;

  task = g_task_new (self, start_stage (self, DOSSIER_SESSION_LOAD), callback, user_data);
  g_task_set_source_tag (task, dossier_session_load_async);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  set_busy (self, &self->loading, TRUE);
  g_task_run_in_thread (task, load_thread);
}

gboolean
dossier_session_load_finish (DossierSession  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  set_busy (self, &self->loading, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  load_done (self, g_task_get_task_data (G_TASK (result)));
  return TRUE;
}

const char * const *
dossier_session_get_paths (DossierSession *self)
{
  g_return_val_if_fail (DOSSIER_IS_SESSION (self), NULL);
  return (const char * const *) self->paths;
}

DossierCorpus *
dossier_session_get_corpus (DossierSession *self)
{
  g_return_val_if_fail (DOSSIER_IS_SESSION (self), NULL);
  return self->corpus;
}

DossierGraph *
dossier_session_get_extracted (DossierSession *self)
{
  g_return_val_if_fail (DOSSIER_IS_SESSION (self), NULL);
  return self->extracted;
}

void
dossier_session_set_extracted (DossierSession *self,
                               DossierGraph   *extracted)
{
  g_return_if_fail (DOSSIER_IS_SESSION (self));
  g_return_if_fail (extracted != NULL);

  g_strfreev (self->paths);
  self->paths = g_strdupv (extracted->corpus->roots);
  g_clear_pointer (&self->corpus_stamp, g_free);
  take_extracted (self, dossier_graph_ref (extracted));
}

/* 2. Extracted → curated graph -------------------------------------------- */

void
dossier_session_set_curation (DossierSession  *self,
                              DossierCuration *curation)
{
  g_return_if_fail (DOSSIER_IS_SESSION (self));
  self->curation = curation;
}

/* What one curation needs, so that it may run on any thread. */
typedef struct
{
  DossierCuration *curation;          /* borrowed, or owned */
  DossierCuration *copy;              /* the owned one, or NULL */
  DossierGraph    *extracted;
  gboolean         without_comments;
  DossierGraph    *graph;             /* out */
  GArray          *rejected;          /* out, or NULL */
  GPtrArray       *problems;          /* out */
} CurateData;

static void
curate_data_free (CurateData *data)
{
  g_clear_pointer (&data->copy, dossier_curation_free);
  g_clear_pointer (&data->extracted, dossier_graph_unref);
  g_clear_pointer (&data->graph, dossier_graph_unref);
  g_clear_pointer (&data->rejected, g_array_unref);
  g_clear_pointer (&data->problems, g_ptr_array_unref);
  g_free (data);
}

static CurateData *
curate_data_new (DossierSession *self,
                 gboolean        copy)
{
  CurateData *data = g_new0 (CurateData, 1);

  data->extracted = dossier_graph_ref (self->extracted);
  data->without_comments = self->without_comments;
  if (copy && self->curation != NULL)
    data->curation = data->copy = dossier_curation_copy (self->curation);
  else
    data->curation = self->curation;
  return data;
}

/* Safe on any thread with a copy of the curation: touches nothing but @data. */
static void
curate_run (CurateData *data)
{
  DossierGraph *graph;

  if (data->curation != NULL)
    graph = dossier_curation_apply_full (data->curation, data->extracted, &data->problems, &data->rejected);
  else
    {
      graph = dossier_graph_ref (data->extracted);
      data->problems = g_ptr_array_new_with_free_func (g_free);
    }

  /* Not only actors seen in comments alone: every comment passage goes. */
  if (data->without_comments)
    {
      DossierGraph *stripped = dossier_graph_without_comments (graph);

      dossier_graph_unref (graph);
      graph = stripped;
    }
  data->graph = graph;
}

static void
curate_done (DossierSession  *self,
             CurateData      *data,
             GPtrArray      **problems)
{
  g_clear_pointer (&self->rejected, g_array_unref);
  self->rejected = g_steal_pointer (&data->rejected);
  g_clear_pointer (&self->graph, dossier_graph_unref);
  self->graph = g_steal_pointer (&data->graph);
  if (problems != NULL)
    *problems = g_steal_pointer (&data->problems);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GRAPH]);
}

void
dossier_session_curate (DossierSession  *self,
                        GPtrArray      **problems)
{
  CurateData *data;

  g_return_if_fail (DOSSIER_IS_SESSION (self));

  if (self->extracted == NULL)
    return;

  /* Newer than a curation running in the background: that one would
   * bring older edits back when done.  The later stages follow the
   * graph's notification anyway. */
  g_cancellable_cancel (self->cancellables[DOSSIER_SESSION_CURATE]);
  g_clear_object (&self->cancellables[DOSSIER_SESSION_CURATE]);

  data = curate_data_new (self, FALSE);
  curate_run (data);
  curate_done (self, data, problems);
  curate_data_free (data);
}

static void
curate_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  curate_run (task_data);
  g_task_return_boolean (task, TRUE);
}

void
dossier_session_curate_async (DossierSession      *self,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DOSSIER_IS_SESSION (self));
  g_return_if_fail (self->extracted != NULL);

  task = g_task_new (self, start_stage (self, DOSSIER_SESSION_CURATE), callback, user_data);
  g_task_set_source_tag (task, dossier_session_curate_async);
  g_task_set_task_data (task, curate_data_new (self, TRUE), (GDestroyNotify) curate_data_free);
  /* A replaced request returns cancelled rather than an older graph. */
  g_task_set_return_on_cancel (task, TRUE);
  set_busy (self, &self->curating, TRUE);
  g_task_run_in_thread (task, curate_thread);
}

gboolean
dossier_session_curate_finish (DossierSession  *self,
                               GAsyncResult    *result,
                               GPtrArray      **problems,
                               GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  set_busy (self, &self->curating, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  curate_done (self, g_task_get_task_data (G_TASK (result)), problems);
  return TRUE;
}

GArray *
dossier_session_get_rejected (DossierSession *self)
{
  g_return_val_if_fail (DOSSIER_IS_SESSION (self), NULL);
  return self->rejected;
}

DossierGraph *
dossier_session_get_graph (DossierSession *self)
{
  g_return_val_if_fail (DOSSIER_IS_SESSION (self), NULL);
  return self->graph;
}

/* 3. Curated graph → subgraph ---------------------------------------------- */

void
dossier_session_set_filter (DossierSession      *self,
                            const DossierFilter *filter)
{
  g_return_if_fail (DOSSIER_IS_SESSION (self));
  g_return_if_fail (filter != NULL);

  if (filter == self->filter)
    return;
  g_clear_pointer (&self->filter, dossier_filter_free);
  self->filter = dossier_filter_copy (filter);
}

const DossierFilter *
dossier_session_get_filter (DossierSession *self)
{
  g_return_val_if_fail (DOSSIER_IS_SESSION (self), NULL);
  return self->filter;
}

/* What one filtering needs, copied so that it may run on any thread. */
typedef struct
{
  DossierGraph    *graph;
  DossierFilter   *filter;       /* unknown actors are taken out of it */
  guint            max_shown;
  gboolean         drop_unknown_actors;
  gboolean         capped;       /* out: the cap applied */
  char            *dropped;      /* out: the actors taken out, or NULL */
  DossierSubgraph *result;
} FilterData;

static void
filter_data_free (FilterData *data)
{
  g_clear_pointer (&data->graph, dossier_graph_unref);
  g_clear_pointer (&data->filter, dossier_filter_free);
  g_free (data->dropped);
  g_clear_pointer (&data->result, dossier_subgraph_unref);
  g_free (data);
}

static FilterData *
filter_data_new (DossierSession *self)
{
  FilterData *data = g_new0 (FilterData, 1);

  data->graph = dossier_graph_ref (self->graph);
  data->filter = dossier_filter_copy (self->filter);
  data->max_shown = self->max_shown;
  data->drop_unknown_actors = self->drop_unknown_actors;
  return data;
}

static void
append_dropped (GString    *dropped,
                const char *name)
{
  g_string_append_printf (dropped, "%s“%s”", dropped->len > 0 ? ", " : "", name);
}

/* Takes out of the filter the actors the graph does not know; TRUE if it
 * took any. */
static gboolean
drop_unknown_actors (FilterData *data)
{
  DossierFilter *filter = data->filter;
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_autoptr(GString) dropped = g_string_new (NULL);

  for (guint i = 0; filter->actors != NULL && filter->actors[i] != NULL; i++)
    {
      if (dossier_graph_lookup_entity (data->graph, filter->actors[i]) != NULL)
        g_strv_builder_add (kept, filter->actors[i]);
      else
        append_dropped (dropped, filter->actors[i]);
    }
  g_clear_pointer (&filter->actors, g_strfreev);
  filter->actors = g_strv_builder_end (kept);
  if (filter->actors[0] == NULL)
    g_clear_pointer (&filter->actors, g_strfreev);

  for (guint i = 0; filter->path != NULL && filter->path[i] != NULL; i++)
    if (dossier_graph_lookup_entity (data->graph, filter->path[i]) == NULL)
      {
        append_dropped (dropped, filter->path[i]);
        g_clear_pointer (&filter->path, g_strfreev);
        break;
      }

  if (filter->cluster != NULL && dossier_graph_lookup_entity (data->graph, filter->cluster) == NULL)
    {
      append_dropped (dropped, filter->cluster);
      g_clear_pointer (&filter->cluster, g_free);
    }

  if (dropped->len == 0)
    return FALSE;
  data->dropped = g_string_free (g_steal_pointer (&dropped), FALSE);
  return TRUE;
}

/* A hairball helps no one: past the cap, and unless the person chose
 * actors to focus on, start from the most connected ones (those with the
 * most passages on their visible relations). */
static DossierSubgraph *
cap (FilterData       *data,
     DossierSubgraph  *subgraph,
     GError          **error)
{
  g_autoptr(DossierFilter) capped = NULL;

  if (data->max_shown == 0 || subgraph->entities->len <= data->max_shown ||
      data->filter->max_nodes != 0 ||
      (data->filter->actors != NULL && data->filter->actors[0] != NULL))
    return subgraph;

  capped = dossier_filter_copy (data->filter);
  capped->max_nodes = data->max_shown;
  dossier_subgraph_unref (subgraph);
  data->capped = TRUE;
  return dossier_filter_apply (capped, data->graph, error);
}

/* Safe on any thread: touches nothing but @data. */
static gboolean
filter_run (FilterData  *data,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  DossierSubgraph *subgraph;
  gint64 start = g_get_monotonic_time ();

  /* Filters remembered from other articles name actors these lack: show
   * these articles without them rather than nothing. */
  if (!(subgraph = dossier_filter_apply (data->filter, data->graph, &local_error)) &&
      data->drop_unknown_actors &&
      g_error_matches (local_error, DOSSIER_FILTER_ERROR, DOSSIER_FILTER_ERROR_UNKNOWN_ACTOR) &&
      drop_unknown_actors (data))
    {
      g_clear_error (&local_error);
      subgraph = dossier_filter_apply (data->filter, data->graph, &local_error);
    }
  if (subgraph == NULL || !(subgraph = cap (data, subgraph, &local_error)))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  data->result = subgraph;
  dossier_session_mark_time ("filtered", &start);
  return TRUE;
}

/* On the main thread: keeps the result and says what the policies did. */
static DossierSubgraph *
filter_done (DossierSession *self,
             FilterData     *data)
{
  if (data->dropped != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Not in these articles, so no longer filtered on: %s"),
                                                  data->dropped);

      g_clear_pointer (&self->filter, dossier_filter_free);
      self->filter = dossier_filter_copy (data->filter);
      problem (self, message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
    }
  if (data->capped && !self->told_capped)
    {
      g_autofree char *message = g_strdup_printf (_("Showing the %u most connected actors; use the filters to see the others"),
                                                  self->max_shown);

      self->told_capped = TRUE;
      problem (self, message);
    }

  g_clear_pointer (&self->filtered, dossier_subgraph_unref);
  self->filtered = g_steal_pointer (&data->result);
  return self->filtered;
}

DossierSubgraph *
dossier_session_filter (DossierSession  *self,
                        GError         **error)
{
  FilterData *data;
  DossierSubgraph *result = NULL;

  g_return_val_if_fail (DOSSIER_IS_SESSION (self), NULL);
  g_return_val_if_fail (self->graph != NULL, NULL);

  data = filter_data_new (self);
  if (filter_run (data, error))
    result = filter_done (self, data);
  filter_data_free (data);
  return result;
}

static void
filter_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;

  if (filter_run (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
dossier_session_filter_async (DossierSession      *self,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DOSSIER_IS_SESSION (self));
  g_return_if_fail (self->graph != NULL);

  task = g_task_new (self, start_stage (self, DOSSIER_SESSION_FILTER), callback, user_data);
  g_task_set_source_tag (task, dossier_session_filter_async);
  g_task_set_task_data (task, filter_data_new (self), (GDestroyNotify) filter_data_free);
  /* A replaced request returns cancelled rather than an older subgraph. */
  g_task_set_return_on_cancel (task, TRUE);
  set_busy (self, &self->filtering, TRUE);
  g_task_run_in_thread (task, filter_thread);
}

DossierSubgraph *
dossier_session_filter_finish (DossierSession  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  set_busy (self, &self->filtering, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  return filter_done (self, g_task_get_task_data (G_TASK (result)));
}

DossierSubgraph *
dossier_session_get_filtered (DossierSession *self)
{
  g_return_val_if_fail (DOSSIER_IS_SESSION (self), NULL);
  return self->filtered;
}

/* 4. Subgraph → layout ------------------------------------------------------ */

/* Graphviz cannot be interrupted: a layout that takes minutes would hold
 * every later one back, so the chosen engine gives way to sfdp. */
static DossierLayoutEngine
practical_engine (DossierSession  *self,
                  DossierSubgraph *subgraph)
{
  g_autofree char *message = NULL;

  if (!self->engine_fallback ||
      dossier_layout_engine_is_practical (self->engine, subgraph->entities->len,
                                          subgraph->relations->len))
    return self->engine;

  if (!self->told_slow_engine)
    {
      message = g_strdup_printf (_("The “%s” layout would take minutes on a graph this large; it was laid out with “sfdp” instead"),
                                 dossier_layout_engine_to_string (self->engine));
      problem (self, message);
      self->told_slow_engine = TRUE;
    }
  return DOSSIER_LAYOUT_SFDP;
}

/* Beside the edits file: "x.json" keeps its positions in "x.positions.json". */
static char *
positions_path_for (const char *edits_path)
{
  g_autofree char *stem = g_str_has_suffix (edits_path, ".json")
                        ? g_strndup (edits_path, strlen (edits_path) - 5)
                        : g_strdup (edits_path);

  return g_strconcat (stem, ".positions.json", NULL);
}

void
dossier_session_use_positions_file (DossierSession *self,
                                    const char     *edits_path,
                                    gboolean        save)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  DossierPositions *positions;

  g_return_if_fail (DOSSIER_IS_SESSION (self));
  g_return_if_fail (edits_path != NULL);

  path = positions_path_for (edits_path);
  g_clear_pointer (&self->positions, dossier_positions_unref);
  if ((positions = dossier_positions_load_file (path, &error)) != NULL)
    self->positions = positions;
  else
    {
      self->positions = dossier_positions_new ();
      /* None saved yet, or nowhere to save them: start afresh quietly. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY))
        problem (self, error->message);
    }
  g_free (self->positions_path);
  self->positions_path = save ? g_steal_pointer (&path) : NULL;
}

DossierPositions *
dossier_session_get_positions (DossierSession *self)
{
  g_return_val_if_fail (DOSSIER_IS_SESSION (self), NULL);
  return self->positions;
}

void
dossier_session_set_positions (DossierSession   *self,
                               DossierPositions *positions)
{
  g_return_if_fail (DOSSIER_IS_SESSION (self));
  g_return_if_fail (positions != NULL);

  /* Copied: a running layout works on its own copy of the old ones. */
  g_clear_pointer (&self->positions, dossier_positions_unref);
  self->positions = dossier_positions_copy (positions);
  self->fresh = FALSE;
}

void
dossier_session_forget_positions (DossierSession *self)
{
  g_return_if_fail (DOSSIER_IS_SESSION (self));
  self->fresh = TRUE;
}

/* A fresh layout the first time and after Re-Lay Out; a steady one after. */
static DossierLayoutFlags
layout_flags (DossierSession *self)
{
  if (self->fresh)
    {
      dossier_positions_clear_unpinned (self->positions);
      self->fresh = FALSE;
    }
  return dossier_positions_get_size (self->positions) > 0 ? DOSSIER_LAYOUT_FLAGS_KEEP
                                                          : DOSSIER_LAYOUT_FLAGS_NONE;
}

/* The layout shown becomes the positions the next one starts from. */
static void
remember_positions (DossierSession  *self,
                    DossierSubgraph *subgraph,
                    DossierLayout   *layout)
{
  g_autoptr(GError) error = NULL;

  dossier_positions_update_from_layout (self->positions, subgraph, layout);
  if (self->positions_path != NULL &&
      !dossier_positions_save_file (self->positions, self->positions_path, &error))
    problem (self, error->message);
}

/* Snapshots: the graph shown, for the next launch ---------------------------- */

void
dossier_session_set_snapshots (DossierSession *self,
                               gboolean        keep)
{
  g_return_if_fail (DOSSIER_IS_SESSION (self));
  self->snapshots = !!keep;
}

/* What a snapshot's picture came from besides the articles, known on the
 * main thread: the edits, the gazetteers, the filter and the policies. */
typedef struct
{
  char  **roots;
  char   *edits_path;
  char  **files;
  char   *view;
} SnapshotKey;

static void
snapshot_key_free (SnapshotKey *key)
{
  g_strfreev (key->roots);
  g_free (key->edits_path);
  g_strfreev (key->files);
  g_free (key->view);
  g_free (key);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SnapshotKey, snapshot_key_free)

static SnapshotKey *
snapshot_key_new (DossierSession     *self,
                  const char * const *roots)
{
  SnapshotKey *key = g_new0 (SnapshotKey, 1);
  g_autoptr(GStrvBuilder) files = g_strv_builder_new ();
  g_autofree char *filter = dossier_filter_to_command_line (self->filter);
  g_autofree char *shipped = dossier_gazetteer_default_dir ();

  key->roots = g_strdupv ((char **) roots);
  key->edits_path = self->project != NULL ? g_strdup (self->project)
                                          : dossier_curation_path_for_corpus (roots);
  g_strv_builder_add (files, shipped);
  if (self->gazetteer_files != NULL)
    g_strv_builder_addv (files, (const char **) self->gazetteer_files);
  key->files = g_strv_builder_end (files);
  key->view = g_strdup_printf ("%s\nmax %u engine %d fallback %d comments %d unknown %d created %d",
                               filter, self->max_shown, self->engine, self->engine_fallback,
                               !self->without_comments, self->drop_unknown_actors,
                               self->created_actors);
  return key;
}

static char *
snapshot_key_stamp (SnapshotKey *key,
                    const char  *corpus_stamp)
{
  return dossier_snapshot_stamp (corpus_stamp, key->edits_path,
                                 (const char * const *) key->files, key->view);
}

/* Written on the main thread, as the positions are: a few hundred actors. */
static void
keep_snapshot (DossierSession  *self,
               DossierSubgraph *subgraph,
               DossierLayout   *layout)
{
  g_autoptr(SnapshotKey) key = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (!self->snapshots || self->corpus_stamp == NULL || self->paths == NULL ||
      subgraph->entities->len == 0)
    return;
  key = snapshot_key_new (self, (const char * const *) self->paths);
  stamp = snapshot_key_stamp (key, self->corpus_stamp);
  path = dossier_snapshot_path_for_corpus ((const char * const *) self->paths);
  /* A cache: failing to keep one costs the next launch time, nothing else. */
  if (!dossier_snapshot_save (path, stamp, subgraph, layout, &error))
    g_debug ("Snapshot not kept: %s", error->message);
}

typedef struct
{
  SnapshotKey     *key;
  DossierFilter   *filter;
  DossierSubgraph *subgraph;  /* the results */
  DossierLayout   *layout;
} PeekData;

static void
peek_data_free (PeekData *data)
{
  snapshot_key_free (data->key);
  dossier_filter_free (data->filter);
  g_clear_pointer (&data->subgraph, dossier_subgraph_unref);
  g_clear_pointer (&data->layout, dossier_layout_unref);
  g_free (data);
}

static void
peek_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  PeekData *data = task_data;
  gint64 start = g_get_monotonic_time ();
  g_autofree char *corpus_stamp = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *path = dossier_snapshot_path_for_corpus ((const char * const *) data->key->roots);
  GError *error = NULL;

  /* None kept: no need to stat every article (a first launch). */
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No snapshot at %s", path);
      return;
    }
  if (!(corpus_stamp = dossier_corpus_stamp ((const char * const *) data->key->roots, cancellable)))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
      return;
    }
  stamp = snapshot_key_stamp (data->key, corpus_stamp);
  if (!dossier_snapshot_load (path, stamp, data->filter, &data->subgraph, &data->layout, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
  dossier_session_mark_time ("snapshot looked up", &start);
}

void
dossier_session_peek_snapshot_async (DossierSession      *self,
                                     const char * const  *paths,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *seeds = NULL;
  const char *default_paths[] = { NULL, NULL };
  PeekData *data;

  g_return_if_fail (DOSSIER_IS_SESSION (self));

  if (paths == NULL || paths[0] == NULL)
    {
      default_paths[0] = seeds = dossier_corpus_default_path ();
      paths = default_paths;
    }
  data = g_new0 (PeekData, 1);
  data->key = snapshot_key_new (self, paths);
  data->filter = dossier_filter_copy (self->filter);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_session_peek_snapshot_async);
  g_task_set_task_data (task, data, (GDestroyNotify) peek_data_free);
  g_task_run_in_thread (task, peek_thread);
}

DossierSubgraph *
dossier_session_peek_snapshot_finish (DossierSession  *self,
                                      GAsyncResult    *result,
                                      DossierLayout  **layout,
                                      GError         **error)
{
  PeekData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (layout != NULL, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  data = g_task_get_task_data (G_TASK (result));
  *layout = g_steal_pointer (&data->layout);
  return g_steal_pointer (&data->subgraph);
}

void
dossier_session_mark_time (const char *what,
                           gint64     *since)
{
  static gsize enabled;
  static gint64 first;
  gint64 now = g_get_monotonic_time ();

  if (g_once_init_enter (&enabled))
    {
      first = now;
      g_once_init_leave (&enabled, g_getenv ("DOSSIER_TIMING") != NULL ? 2 : 1);
    }
  if (enabled == 2)
    g_printerr ("dossier: %-32s %8.1f ms, at %7.1f ms\n", what,
                since != NULL ? (now - *since) / 1000.0 : 0.0, (now - first) / 1000.0);
  if (since != NULL)
    *since = now;
}

static void
show (DossierSession  *self,
      DossierSubgraph *subgraph,
      DossierLayout   *layout)
{
  remember_positions (self, subgraph, layout);
  keep_snapshot (self, subgraph, layout);
  g_clear_pointer (&self->subgraph, dossier_subgraph_unref);
  self->subgraph = dossier_subgraph_ref (subgraph);
  g_clear_pointer (&self->layout, dossier_layout_unref);
  self->layout = dossier_layout_ref (layout);

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBGRAPH]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT]);
  g_object_thaw_notify (G_OBJECT (self));
}

DossierLayout *
dossier_session_layout (DossierSession  *self,
                        GCancellable    *cancellable,
                        GError         **error)
{
  g_autoptr(DossierLayout) layout = NULL;

  g_return_val_if_fail (DOSSIER_IS_SESSION (self), NULL);
  g_return_val_if_fail (self->filtered != NULL, NULL);

  if (!(layout = dossier_layout_compute_full (self->filtered, practical_engine (self, self->filtered),
                                              self->positions, layout_flags (self),
                                              cancellable, error)))
    return NULL;
  show (self, self->filtered, layout);
  return self->layout;
}

static void
layout_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DossierSession *self = g_task_get_source_object (task);
  DossierSubgraph *subgraph = g_task_get_task_data (task);
  g_autoptr(DossierLayout) layout = NULL;
  GError *error = NULL;

  set_busy (self, &self->laying_out, FALSE);
  if (!(layout = dossier_layout_compute_finish (result, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  /* A newer request may be running: it will replace this one when done. */
  show (self, subgraph, layout);
  g_task_return_pointer (task, dossier_layout_ref (layout), (GDestroyNotify) dossier_layout_unref);
}

void
dossier_session_layout_async (DossierSession      *self,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GCancellable *cancellable;
  GTask *task;

  g_return_if_fail (DOSSIER_IS_SESSION (self));
  g_return_if_fail (self->filtered != NULL);

  cancellable = start_stage (self, DOSSIER_SESSION_LAYOUT);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_session_layout_async);
  g_task_set_task_data (task, dossier_subgraph_ref (self->filtered),
                        (GDestroyNotify) dossier_subgraph_unref);
  set_busy (self, &self->laying_out, TRUE);
  dossier_layout_compute_full_async (self->filtered, practical_engine (self, self->filtered),
                                     self->positions, layout_flags (self),
                                     cancellable, layout_cb, task);
}

DossierLayout *
dossier_session_layout_finish (DossierSession  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

DossierSubgraph *
dossier_session_get_subgraph (DossierSession *self)
{
  g_return_val_if_fail (DOSSIER_IS_SESSION (self), NULL);
  return self->subgraph;
}

DossierLayout *
dossier_session_get_layout (DossierSession *self)
{
  g_return_val_if_fail (DOSSIER_IS_SESSION (self), NULL);
  return self->layout;
}

/* Selection ------------------------------------------------------------------ */

void
dossier_session_set_selection (DossierSession *self,
                               const guint    *entities,
                               guint           n_entities,
                               int             relation)
{
  DossierGraph *graph;

  g_return_if_fail (DOSSIER_IS_SESSION (self));

  g_ptr_array_set_size (self->selected_names, 0);
  clear_selected_relation (self);
  if (self->subgraph == NULL)
    return;

  graph = self->subgraph->graph;
  for (guint i = 0; i < n_entities; i++)
    if (entities[i] < graph->entities->len)
      g_ptr_array_add (self->selected_names,
                       g_strdup (dossier_graph_get_entity (graph, entities[i])->name));

  if (relation >= 0 && (guint) relation < graph->relations->len)
    {
      DossierRelation *r = dossier_graph_get_relation (graph, relation);

      self->selected_relation[0] = g_strdup (dossier_graph_get_entity (graph, r->source)->name);
      self->selected_relation[1] = g_strdup (dossier_relation_type_to_string (r->type));
      self->selected_relation[2] = g_strdup (dossier_graph_get_entity (graph, r->target)->name);
    }
}

/* The ids, in the shown graph, of the actors selected by name. */
GArray *
dossier_session_get_selected_entities (DossierSession *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (DOSSIER_IS_SESSION (self), ids);

  for (guint i = 0; self->subgraph != NULL && i < self->selected_names->len; i++)
    {
      DossierEntity *entity = dossier_graph_lookup_entity (self->subgraph->graph,
                                                           g_ptr_array_index (self->selected_names, i));

      if (entity != NULL && dossier_subgraph_find_entity (self->subgraph, entity->id) >= 0)
        g_array_append_val (ids, entity->id);
    }
  return ids;
}

int
dossier_session_get_selected_relation (DossierSession *self)
{
  DossierGraph *graph;
  DossierEntity *source, *target;
  DossierRelationType type;
  DossierRelation *relation;

  g_return_val_if_fail (DOSSIER_IS_SESSION (self), -1);

  if (self->subgraph == NULL || self->selected_relation[0] == NULL)
    return -1;
  graph = self->subgraph->graph;
  if (!(source = dossier_graph_lookup_entity (graph, self->selected_relation[0])) ||
      !(target = dossier_graph_lookup_entity (graph, self->selected_relation[2])) ||
      !dossier_relation_type_from_string (self->selected_relation[1], &type))
    return -1;
  relation = dossier_graph_lookup_relation (graph, source->id, type, target->id);
  return relation != NULL ? (int) relation->id : -1;
}
