/* dossier-keys.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Stable keys for actors, relations, articles and passages, used by every
 * export so that two exports of a growing corpus can be merged (Neo4j
 * MERGE, a spreadsheet join, Gephi's "append").  Positions in the graph
 * change when an article is added; these keys do not:
 *
 *   actor     "oracle-1f3a9c0e"            slug of the name + 8 hex digits of
 *                                          the SHA-256 of its folded form
 *   relation  "oracle-1f3a9c0e>acquires>tiktok-77b0d2aa"
 *   article   "a-txt-5e0c2b19"             slug + hash of the article id
 *   passage   relation key + "@" + article key + ":" + start-end
 *
 * Keys are ASCII letters, digits, '-', '>', '@' and ':' only, so they need
 * no quoting in any format.  Names differing only in case or accents give
 * the same key, as they name the same actor in the graph. */

#pragma once

#include "dossier-graph.h"

G_BEGIN_DECLS

char *dossier_key_for_name     (const char            *name);
char *dossier_key_for_entity   (const DossierEntity   *entity);
char *dossier_key_for_relation (DossierGraph          *graph,
                                const DossierRelation *relation);
char *dossier_key_for_article  (const DossierArticle  *article);
char *dossier_key_for_evidence (DossierGraph          *graph,
                                const DossierRelation *relation,
                                const DossierEvidence *evidence);

/* The same from keys already made, for writers that cache them. */
char *dossier_key_join_relation (const char          *source_key,
                                 DossierRelationType  type,
                                 const char          *target_key);
char *dossier_key_join_evidence (const char          *relation_key,
                                 const char          *article_key,
                                 gsize                start,
                                 gsize                end);

G_END_DECLS
