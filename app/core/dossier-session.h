/* dossier-session.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The one pipeline: articles → extracted graph → curated graph → subgraph
 * → layout.  The window runs it asynchronously and binds to its properties;
 * the command line runs the same stages synchronously, so both draw the
 * same graph for the same filters and edits.
 *
 * The policies a person would otherwise meet only in the window live here
 * too: the cap on the actors shown, filters naming actors these articles
 * lack, and the engine too slow for a graph's size.  Each is a property the
 * caller may turn off; each announces itself once through ::problem. */

#pragma once

#include <gio/gio.h>

#include "dossier-curation.h"
#include "dossier-filter.h"
#include "dossier-layout.h"
#include "dossier-positions.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_SESSION (dossier_session_get_type ())

G_DECLARE_FINAL_TYPE (DossierSession, dossier_session, DOSSIER, SESSION, GObject)

/* The cap the window has always used. */
#define DOSSIER_SESSION_MAX_SHOWN 300

DossierSession      *dossier_session_new                 (void);

/* Policies and inputs */
void                 dossier_session_set_jobs            (DossierSession       *self,
                                                          int                   n_jobs);
void                 dossier_session_set_gazetteer_files (DossierSession       *self,
                                                          const char * const   *files);
/* TRUE (the default): the actors created in the edits file (@project, or
 * NULL for the corpus's own) are gazetteer entries of every extraction. */
void                 dossier_session_set_created_actors  (DossierSession       *self,
                                                          gboolean              learn,
                                                          const char           *project);
void                 dossier_session_set_max_shown       (DossierSession       *self,
                                                          guint                 max_shown);
void                 dossier_session_set_drop_unknown_actors (DossierSession   *self,
                                                          gboolean              drop);
void                 dossier_session_set_without_comments (DossierSession      *self,
                                                          gboolean              without);
void                 dossier_session_set_engine          (DossierSession       *self,
                                                          DossierLayoutEngine   engine);
DossierLayoutEngine  dossier_session_get_engine          (DossierSession       *self);
/* TRUE (the default): an engine too slow for the graph gives way to sfdp. */
void                 dossier_session_set_engine_fallback (DossierSession       *self,
                                                          gboolean              fallback);

/* Each stage has a cancellable of its own: a new request for a stage
 * cancels the one running and those of the stages after it.  The _async
 * forms' callbacks get G_IO_ERROR_CANCELLED for requests so replaced. */
typedef enum
{
  DOSSIER_SESSION_LOAD,
  DOSSIER_SESSION_CURATE,
  DOSSIER_SESSION_FILTER,
  DOSSIER_SESSION_LAYOUT,
  DOSSIER_SESSION_N_STAGES /*< skip >*/
} DossierSessionStage;

/* Cancels @stage and the stages after it (DOSSIER_SESSION_LOAD: all). */
void                 dossier_session_cancel              (DossierSession       *self,
                                                          DossierSessionStage   stage);

/* 1. Articles → extracted graph.  @paths NULL or empty: the seeds. */
gboolean             dossier_session_load                (DossierSession       *self,
                                                          const char * const   *paths,
                                                          GCancellable         *cancellable,
                                                          GError              **error);
/* @progress runs on the loading thread; @progress_free when it is done. */
void                 dossier_session_load_async          (DossierSession       *self,
                                                          const char * const   *paths,
                                                          DossierProgressFunc   progress,
                                                          gpointer              progress_data,
                                                          GDestroyNotify        progress_free,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
gboolean             dossier_session_load_finish         (DossierSession       *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);
const char * const  *dossier_session_get_paths           (DossierSession       *self);
DossierCorpus       *dossier_session_get_corpus          (DossierSession       *self);
DossierGraph        *dossier_session_get_extracted       (DossierSession       *self);
/* Starts from a graph extracted elsewhere (tests, a merged shard). */
void                 dossier_session_set_extracted       (DossierSession       *self,
                                                          DossierGraph         *extracted);

/* 2. Extracted → curated graph.  The curation is borrowed: its owner sets
 * NULL before freeing it. */
void                 dossier_session_set_curation        (DossierSession       *self,
                                                          DossierCuration      *curation);
/* @problems, when given, receives a translated line per edit that no
 * longer applies. */
void                 dossier_session_curate              (DossierSession       *self,
                                                          GPtrArray           **problems);
/* The same on a worker thread, from a copy of the edits taken now: later
 * edits wait for the next call.  dossier_session_curate() cancels it, as
 * newer. */
void                 dossier_session_curate_async        (DossierSession       *self,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
gboolean             dossier_session_curate_finish       (DossierSession       *self,
                                                          GAsyncResult         *result,
                                                          GPtrArray           **problems,
                                                          GError              **error);
/* The passages rejected one by one (DossierRejectedPassage on the curated
 * graph's ids), or NULL before curation. */
GArray              *dossier_session_get_rejected        (DossierSession       *self);
DossierGraph        *dossier_session_get_graph           (DossierSession       *self);

/* 3. Curated graph → subgraph, with the policies above. */
void                 dossier_session_set_filter          (DossierSession       *self,
                                                          const DossierFilter  *filter);
const DossierFilter *dossier_session_get_filter          (DossierSession       *self);
DossierSubgraph     *dossier_session_filter              (DossierSession       *self,
                                                          GError              **error);
void                 dossier_session_filter_async        (DossierSession       *self,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
DossierSubgraph     *dossier_session_filter_finish       (DossierSession       *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);
/* The latest result of dossier_session_filter(), shown or not yet. */
DossierSubgraph     *dossier_session_get_filtered        (DossierSession       *self);

/* 4. Subgraph → layout.  The shown pair (:subgraph, :layout) changes only
 * when a layout is done, so the two always belong together. */
DossierLayout       *dossier_session_layout              (DossierSession       *self,
                                                          GCancellable         *cancellable,
                                                          GError              **error);
void                 dossier_session_layout_async        (DossierSession       *self,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
DossierLayout       *dossier_session_layout_finish       (DossierSession       *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);
DossierSubgraph     *dossier_session_get_subgraph        (DossierSession       *self);

/* Where actors were drawn, and the pins.  Each layout starts from them, so
 * a change of filter or an edit keeps the actors that stay where they were
 * and places the new ones near their neighbours. */
DossierPositions    *dossier_session_get_positions       (DossierSession       *self);
/* Reads the positions saved beside the edits file @edits_path (none saved
 * is fine); with @save, writes them there after each layout. */
void                 dossier_session_use_positions_file  (DossierSession       *self,
                                                          const char           *edits_path,
                                                          gboolean              save);
/* Replaces them with a copy of @positions (a saved view's): the next
 * layout starts from those. */
void                 dossier_session_set_positions       (DossierSession       *self,
                                                          DossierPositions     *positions);
/* The next layout is a fresh one (Re-Lay Out); pinned actors stay. */
void                 dossier_session_forget_positions    (DossierSession       *self);
DossierLayout       *dossier_session_get_layout          (DossierSession       *self);

/* Snapshots (dossier-snapshot.h).  With @keep, each graph shown is kept
 * in the user's cache for the next launch of the same articles. */
void                 dossier_session_set_snapshots       (DossierSession       *self,
                                                          gboolean              keep);
/* The graph kept at the last run on @paths (NULL: the seeds), if nothing
 * it came from changed since: the articles (by stat() alone), the edits,
 * the gazetteers, the filter and the policies set now.  Only a picture to
 * show while dossier_session_load_async() runs: its graph has no passages
 * and is not the session's. */
void                 dossier_session_peek_snapshot_async (DossierSession       *self,
                                                          const char * const   *paths,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
DossierSubgraph     *dossier_session_peek_snapshot_finish (DossierSession      *self,
                                                          GAsyncResult         *result,
                                                          DossierLayout       **layout,
                                                          GError              **error);

/* Where launch time goes: with $DOSSIER_TIMING set, prints @what, the
 * milliseconds since *@since and since the first mark on stderr; sets
 * *@since to now.  @since may be NULL. */
void                 dossier_session_mark_time           (const char           *what,
                                                          gint64               *since);

gboolean             dossier_session_get_busy            (DossierSession       *self);

/* The selection, kept by stable keys (dossier-keys.h) so it outlives the
 * ids that every edit renumbers. */
void                 dossier_session_set_selection       (DossierSession       *self,
                                                          const guint          *entities,
                                                          guint                 n_entities,
                                                          int                   relation);
GArray              *dossier_session_get_selected_entities (DossierSession     *self);
int                  dossier_session_get_selected_relation (DossierSession     *self);

G_END_DECLS
