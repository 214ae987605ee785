/* dossier-export-private.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Shared between dossier-export.c (images, DOT, GraphML, JSON, writing)
 * and dossier-export-data.c (the evidence formats). */

#pragma once

#include "dossier-export.h"

G_BEGIN_DECLS

/* The one XML escape of every XML and HTML writer (text and attributes). */
void      dossier_export_append_xml   (GString                    *out,
                                       const char                 *str);

/* The subgraph limited to the export area, when there is one. */
DossierSubgraph *dossier_export_visible_subgraph (DossierSubgraph            *subgraph,
                                                  DossierLayout              *layout,
                                                  const DossierExportOptions *options);

/* "YYYY-MM-DD" of a Julian day; NULL for 0. */
char     *dossier_export_julian_to_iso (guint32                    julian);
typedef enum
{
  DOSSIER_SPAN_GEXF,     /* start="…" end="…" attributes */
  DOSSIER_SPAN_GRAPHML,  /* first and last <data> elements */
} DossierSpanStyle;

/* The first and last days of something (Julian days) as ISO dates in
 * @style; nothing unless both are known. */
void      dossier_export_append_span   (GString                   *out,
                                        DossierSpanStyle           style,
                                        guint32                    first,
                                        guint32                    last);

/* First and last day of each entity's visible mentions and passages
 * (Julian days, 0: undated), indexed like subgraph->entities: two arrays
 * of guint32 in one, first days then last days. */
guint32  *dossier_export_entity_spans  (DossierSubgraph            *subgraph);
gboolean  dossier_export_relation_span (DossierSubgraph            *subgraph,
                                        guint                       index,
                                        guint32                    *first,
                                        guint32                    *last);

/* The aliases joined by "; ". */
char     *dossier_export_join_aliases   (const DossierEntity      *entity);

/* Calls @func for each visible passage of @relation and counts the
 * negated and hedged ones (GraphML and GEXF write both). */
void      dossier_export_visit_passages (DossierSubgraph          *subgraph,
                                         const DossierRelation    *relation,
                                         void                    (*func) (const DossierEvidence *ev,
                                                                          gpointer               user_data),
                                         gpointer                  user_data,
                                         guint                    *negated,
                                         guint                    *hedged);
/* A node's colour for Gephi (its light stroke), 0 to 255 per channel. */
void      dossier_export_node_rgb       (DossierEntityType         type,
                                         int                       rgb[3]);

/* A community number per entity (indexed like subgraph->entities, the
 * largest community 0): dossier_subgraph_communities, deterministic, so
 * two exports of the same view agree. */
guint    *dossier_export_communities   (DossierSubgraph            *subgraph);

GBytes   *dossier_export_write_csv    (DossierSubgraph            *subgraph,
                                       GCancellable               *cancellable,
                                       GError                    **error);
GBytes   *dossier_export_write_gexf   (DossierSubgraph            *subgraph,
                                       DossierLayout              *layout,
                                       GCancellable               *cancellable,
                                       GError                    **error);
GBytes   *dossier_export_write_html   (DossierSubgraph            *subgraph,
                                       DossierLayout              *layout,
                                       const DossierExportOptions *options,
                                       GCancellable               *cancellable,
                                       GError                    **error);
gboolean  dossier_export_write_neo4j  (DossierSubgraph            *subgraph,
                                       const char                 *dir,
                                       GCancellable               *cancellable,
                                       GError                    **error);

G_END_DECLS
