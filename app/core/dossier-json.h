/* dossier-json.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The JSON contract of `dossier-cli extract --json` (README): articles,
 * entities with mentions, relations with evidence.  Fields are added,
 * never renamed. */

#pragma once

#include <json-glib/json-glib.h>

#include "dossier-layout.h"

G_BEGIN_DECLS

/* The visible part of @subgraph's graph, with positions when @layout is
 * given: entities get x, y, width, height (centre and size, points, y
 * down), relations get points, arrow and label, and a top-level "layout"
 * object gives engine, width and height.  Entity ids are stable strings
 * ("e12"). */
JsonNode *dossier_json_build     (DossierSubgraph *subgraph,
                                  DossierLayout   *layout);
char     *dossier_json_to_string (DossierSubgraph *subgraph,
                                  DossierLayout   *layout,
                                  gboolean         pretty);

G_END_DECLS
