/* graph-test-util.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Small graphs built by hand for the filter and measures tests, so each
 * answer is known. */

#pragma once

#include <string.h>

#include "dossier-date.h"
#include "dossier-graph.h"

static inline DossierArticle *
make_article (const char *id,
              const char *text,
              const char *date)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  DossierArticle *article;

  article = dossier_article_new_from_bytes (id, NULL, bytes, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_date_parse_iso (date, &article->date));

  return article;
}

static inline guint
add_entity (DossierGraph       *graph,
            const char         *name,
            DossierEntityType   type,
            guint               article,
            DossierSectionKind  section)
{
  DossierEntity *entity = dossier_graph_ensure_entity (graph, name, type);
  DossierMention mention = { article, 0, 1, section };

  dossier_graph_add_mention (graph, entity, &mention);
  return entity->id;
}

static inline void
add_relation (DossierGraph        *graph,
              guint                source,
              DossierRelationType  type,
              guint                target,
              guint                article,
              const char          *date,
              DossierEvidenceFlags flags)
{
  DossierRelation *relation = dossier_graph_ensure_relation (graph, source, type, target);
  DossierEvidence evidence = { 0 };
  static gsize next_start = 0;

  evidence.article = article;
  /* Distinct passages, so they are not folded into one. */
  evidence.start = next_start++;
  evidence.end = evidence.start + 1;
  evidence.flags = flags;
  g_assert_true (dossier_date_parse_iso (date, &evidence.date));
  dossier_graph_add_evidence (graph, relation, &evidence);
}

