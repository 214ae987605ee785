/* dossier-duplicates-dialog.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Possible Duplicates: the curator's merge suggestions (dossier-suggest.h),
 * best first, each with Merge and Not the Same.  Both are ordinary edits of
 * the curator ("curate.merge", "curate.not-same"): saved, undoable.  The
 * list follows the curated graph.  The buttons use the actions
 * "duplicates.merge" and "duplicates.not-same" (the row's index, "u"). */

#pragma once

#include <adwaita.h>

#include "dossier-curator.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_DUPLICATES_DIALOG (dossier_duplicates_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DossierDuplicatesDialog, dossier_duplicates_dialog, DOSSIER, DUPLICATES_DIALOG, AdwWindow)

GtkWidget *dossier_duplicates_dialog_new           (GtkWindow               *parent,
                                                    DossierCurator          *curator);
/* The suggestions listed (transfer none): DossierSuggestion. */
GArray    *dossier_duplicates_dialog_get_suggestions (DossierDuplicatesDialog *self);

G_END_DECLS
