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
 * ("e12").  A file name that is not UTF-8 is written with U+FFFD and
 * its bytes in base64 beside it ("path_bytes"). */
JsonNode *dossier_json_build     (DossierSubgraph *subgraph,
                                  DossierLayout   *layout);
char     *dossier_json_to_string (DossierSubgraph *subgraph,
                                  DossierLayout   *layout,
                                  gboolean         pretty);

typedef enum
{
  DOSSIER_JSON_COMPACT,
  DOSSIER_JSON_PRETTY,
  DOSSIER_JSON_LINES,   /* JSON Lines: one {"kind": "article"|"entity"|"relation", …}
                         * per line, articles first; no layout */
} DossierJsonStyle;

/* The same document written to @stream as it is produced (then a
 * newline), so memory does not grow with the graph. */
gboolean  dossier_json_write     (DossierSubgraph  *subgraph,
                                  DossierLayout    *layout,
                                  DossierJsonStyle  style,
                                  GOutputStream    *stream,
                                  GCancellable     *cancellable,
                                  GError          **error);

G_END_DECLS
