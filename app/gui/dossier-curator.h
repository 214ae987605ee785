/* dossier-curator.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The window's side of curation: owns the edit list of the open corpus,
 * offers the edits as actions (group "curate"), asks for what they need in
 * dialogs, saves after each edit, and hands out the curated graph. */

#pragma once

#include <gtk/gtk.h>

#include "dossier-graph.h"
#include "dossier-session.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_CURATOR (dossier_curator_get_type ())

G_DECLARE_FINAL_TYPE (DossierCurator, dossier_curator, DOSSIER, CURATOR, GObject)

DossierCurator *dossier_curator_new            (void);
/* The session whose curated graph the edits make; by default one of its own. */
void            dossier_curator_set_session    (DossierCurator *self,
                                                DossierSession *session);
/* The extracted graph of a newly opened corpus; loads its edits.  Problems
 * (a corrupt project file, edits whose target is gone) are emitted as
 * "problem" signals. */
void            dossier_curator_set_extracted  (DossierCurator *self,
                                                DossierGraph   *extracted);
/* The extracted graph with the edits applied (transfer none). */
DossierGraph   *dossier_curator_get_graph      (DossierCurator *self);
GActionGroup   *dossier_curator_get_actions    (DossierCurator *self);
/* A menu section with Undo and Redo, named after the edits. */
GMenuModel     *dossier_curator_get_undo_menu  (DossierCurator *self);
/* Where edits are saved (transfer none). */
const char     *dossier_curator_get_path       (DossierCurator *self);
/* The window that parents the dialogs. */
void            dossier_curator_set_parent     (DossierCurator *self,
                                                GtkWindow      *parent);

/* What the edits act on: entity ids of the curated graph (the first is the
 * main one), a relation id (or -1), an article index (or -1) and a passage
 * in it (for "add relation"). */
void            dossier_curator_set_selection  (DossierCurator *self,
                                                const guint    *entities,
                                                guint           n_entities,
                                                int             relation,
                                                int             article,
                                                gsize           passage_start,
                                                gsize           passage_end);

G_END_DECLS
