/* dossier-positions.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Where each actor was drawn and whether the person pinned it there,
 * keyed by the actor's canonical name so that it survives edits, filters
 * and a new extraction (entity ids do not).  Coordinates are in points,
 * y pointing down, in the layout's stable frame (see DossierLayout's
 * origin), not in one drawing's margins: an actor that stays put keeps
 * the same figures from one layout to the next.
 *
 * Serialised as one JSON object, sorted by name, meant to be a member of
 * the corpus's edits file:
 *
 *   {"Oracle": {"x": 120.5, "y": -40, "pinned": true}, "TikTok": {...}}
 */

#pragma once

#include <json-glib/json-glib.h>

#include "dossier-layout.h"

G_BEGIN_DECLS

#define DOSSIER_POSITIONS_ERROR (dossier_positions_error_quark ())

typedef enum
{
  DOSSIER_POSITIONS_ERROR_INVALID,
} DossierPositionsError;

GQuark            dossier_positions_error_quark (void);

DossierPositions *dossier_positions_new        (void);
DossierPositions *dossier_positions_copy       (DossierPositions  *self);
DossierPositions *dossier_positions_ref        (DossierPositions  *self);
void              dossier_positions_unref      (DossierPositions  *self);

guint             dossier_positions_get_size   (DossierPositions  *self);
/* Sets @name's position; @pinned says whether it stays there on a
 * fresh layout too. */
void              dossier_positions_set        (DossierPositions  *self,
                                                const char        *name,
                                                double             x,
                                                double             y,
                                                gboolean           pinned);
/* FALSE when @name has no position; the out arguments may be NULL. */
gboolean          dossier_positions_lookup     (DossierPositions  *self,
                                                const char        *name,
                                                double            *x,
                                                double            *y,
                                                gboolean          *pinned);
gboolean          dossier_positions_is_pinned  (DossierPositions  *self,
                                                const char        *name);
/* FALSE when @name has no position to pin or unpin. */
gboolean          dossier_positions_set_pinned (DossierPositions  *self,
                                                const char        *name,
                                                gboolean           pinned);
void              dossier_positions_unpin_all  (DossierPositions  *self);
/* Whether any actor, shown or not, is pinned (Unpin All has work). */
gboolean          dossier_positions_has_pins   (DossierPositions  *self);
gboolean          dossier_positions_remove     (DossierPositions  *self,
                                                const char        *name);
/* A rename or a merge keeps the place the actor had. */
gboolean          dossier_positions_rename     (DossierPositions  *self,
                                                const char        *old_name,
                                                const char        *new_name);
/* Forgets every position but the pinned ones (before a fresh layout,
 * so that actors hidden now come back at a place of the new drawing). */
void              dossier_positions_clear_unpinned (DossierPositions *self);
/* The names, sorted, copied: (transfer full). */
GPtrArray        *dossier_positions_get_names  (DossierPositions  *self);

/* Records where @layout drew each of @subgraph's actors, keeping their
 * pins; actors not drawn keep their last position. */
void              dossier_positions_update_from_layout (DossierPositions *self,
                                                        DossierSubgraph  *subgraph,
                                                        DossierLayout    *layout);

/* The drag-to-pin hook: node @index of @layout was dropped at (@x, @y)
 * in the layout's frame (as DossierLayoutNode x and y); it is pinned
 * there.  A layout with DOSSIER_LAYOUT_FLAGS_KEEP then redraws the edges
 * (milliseconds: nothing else moves). */
void              dossier_positions_pin_node   (DossierPositions *self,
                                                DossierSubgraph  *subgraph,
                                                DossierLayout    *layout,
                                                guint             index,
                                                double            x,
                                                double            y);

JsonNode         *dossier_positions_to_json_node   (DossierPositions  *self);
/* DOSSIER_POSITIONS_ERROR_INVALID for anything but an object of
 * {"x": number, "y": number, "pinned": boolean (optional)} objects. */
DossierPositions *dossier_positions_from_json_node (JsonNode          *node,
                                                    GError           **error);
/* A file holding that object, or an object with it as its "positions"
 * member (such as the edits file). */
DossierPositions *dossier_positions_load_file      (const char        *path,
                                                    GError           **error);
gboolean          dossier_positions_save_file      (DossierPositions  *self,
                                                    const char        *path,
                                                    GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierPositions, dossier_positions_unref)

G_END_DECLS
