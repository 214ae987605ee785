/* dossier-views.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Saved views: a name for what the person was looking at (the filter, the
 * actors selected, the zoom and centre of the view, where each actor was
 * drawn), to come back to it later.  Actors are kept by name, as the
 * session keeps its selection and the positions their places, so a view
 * outlives edits and a new extraction.
 *
 * All the views of a corpus live in one JSON file beside its edits file
 * ("x.json" keeps them in "x.views.json"), in the order they were saved:
 *
 *   {"views": [{"name": "Ellison", "filter": "{'depth': <uint32 2>, …}",
 *               "selection": ["Larry Ellison"], "zoom": 1.5,
 *               "center": {"x": 120, "y": -40}, "positions": {…}}]}
 *
 * "filter" is the filter's a{sv} state (dossier_filter_to_variant) in
 * GVariant text, the form GSettings keeps it in too. */

#pragma once

#include <json-glib/json-glib.h>

#include "dossier-filter.h"
#include "dossier-positions.h"
#include "dossier-session.h"

G_BEGIN_DECLS

#define DOSSIER_VIEWS_ERROR (dossier_views_error_quark ())

typedef enum
{
  DOSSIER_VIEWS_ERROR_INVALID,    /* the file is not a views file */
  DOSSIER_VIEWS_ERROR_BAD_NAME,   /* an empty name */
  DOSSIER_VIEWS_ERROR_EXISTS,     /* another view has that name */
  DOSSIER_VIEWS_ERROR_NOT_FOUND,  /* no view has that name */
} DossierViewsError;

typedef struct
{
  char              *name;
  DossierFilter     *filter;
  char             **selection;  /* actor names, the first chosen first; never NULL */
  double             zoom;       /* the view's scale; 0: fit the graph */
  double             center_x;   /* the graph point in the middle of the view */
  double             center_y;
  DossierPositions  *positions;  /* never NULL */
} DossierView;

typedef struct _DossierViews DossierViews;

GQuark             dossier_views_error_quark (void);

/* Copies every argument; @selection and @positions may be NULL (none). */
DossierView       *dossier_view_new          (const char          *name,
                                              const DossierFilter *filter,
                                              const char * const  *selection,
                                              double               zoom,
                                              double               center_x,
                                              double               center_y,
                                              DossierPositions    *positions);
DossierView       *dossier_view_copy         (const DossierView   *view);
void               dossier_view_free         (DossierView         *view);

/* Gives @session the view's filter, positions and selection.  Actors the
 * session's graph lacks are dropped from the selection here, and from the
 * filter when it is applied (dossier_session_set_drop_unknown_actors), as
 * a remembered filter's are.  The zoom and centre are the caller's. */
void               dossier_view_apply        (const DossierView   *view,
                                              DossierSession      *session);

DossierViews      *dossier_views_new         (void);
void               dossier_views_free        (DossierViews        *self);

guint              dossier_views_get_n_views (DossierViews        *self);
/* In the order they were first saved.  (transfer none) */
const DossierView *dossier_views_get_view    (DossierViews        *self,
                                              guint                index);
/* (nullable) (transfer none) */
const DossierView *dossier_views_lookup      (DossierViews        *self,
                                              const char          *name);
/* Takes @view; one of the same name is replaced where it stood.
 * DOSSIER_VIEWS_ERROR_BAD_NAME for a name that is empty or blank. */
gboolean           dossier_views_add         (DossierViews        *self,
                                              DossierView         *view,
                                              GError             **error);
gboolean           dossier_views_rename      (DossierViews        *self,
                                              const char          *old_name,
                                              const char          *new_name,
                                              GError             **error);
gboolean           dossier_views_remove      (DossierViews        *self,
                                              const char          *name,
                                              GError             **error);

/* "x.json" → "x.views.json", beside the edits file @edits_path. */
char              *dossier_views_path_for_edits (const char       *edits_path);

JsonNode          *dossier_views_to_json_node   (DossierViews     *self);
/* DOSSIER_VIEWS_ERROR_INVALID, saying what is wrong and in which view. */
DossierViews      *dossier_views_from_json_node (JsonNode         *node,
                                                 GError          **error);
/* A missing file is G_IO_ERROR_NOT_FOUND (no views yet); a corrupt one
 * DOSSIER_VIEWS_ERROR_INVALID naming the file.  The file is only read. */
DossierViews      *dossier_views_load_file      (const char       *path,
                                                 GError          **error);
/* Atomically (dossier_io_replace_file): a failure leaves the old file. */
gboolean           dossier_views_save_file      (DossierViews     *self,
                                                 const char       *path,
                                                 GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierView, dossier_view_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierViews, dossier_views_free)

G_END_DECLS
