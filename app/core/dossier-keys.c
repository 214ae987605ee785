/* dossier-keys.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-keys"

#include "config.h"

#include <string.h>

#include "dossier-fold.h"
#include "dossier-keys.h"

/* A slug long enough to read, short enough for a column. */
#define SLUG_MAX 40

static void
append_slug (GString    *out,
             const char *folded)
{
  g_autofree char *valid = g_utf8_make_valid (folded, -1);
  g_autofree char *ascii = g_str_to_ascii (valid, "C");
  gsize start = out->len;
  gboolean dash = FALSE;

  for (const char *p = ascii; *p && out->len - start < SLUG_MAX; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash && out->len > start)
            g_string_append_c (out, '-');
          g_string_append_c (out, g_ascii_tolower (*p));
          dash = FALSE;
        }
      else
        dash = TRUE;
    }

  /* A name of symbols only ("???", "中国") still gets a readable head. */
  if (out->len == start)
    g_string_append (out, "x");
}

static char *
key_for_text (const char *text)
{
  g_autofree char *folded = dossier_fold_string (text != NULL ? text : "");
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, folded, -1);
  GString *key = g_string_new (NULL);

  append_slug (key, folded);
  g_string_append_c (key, '-');
  g_string_append_len (key, hash, 8);
  return g_string_free (key, FALSE);
}

char *
dossier_key_for_name (const char *name)
{
  return key_for_text (name);
}

char *
dossier_key_for_entity (const DossierEntity *entity)
{
  g_return_val_if_fail (entity != NULL, NULL);
  return key_for_text (entity->name);
}

char *
dossier_key_for_relation (DossierGraph          *graph,
                          const DossierRelation *relation)
{
  g_autofree char *source = NULL;
  g_autofree char *target = NULL;

  g_return_val_if_fail (graph != NULL, NULL);
  g_return_val_if_fail (relation != NULL, NULL);

  source = dossier_key_for_entity (dossier_graph_get_entity (graph, relation->source));
  target = dossier_key_for_entity (dossier_graph_get_entity (graph, relation->target));
  return dossier_key_join_relation (source, relation->type, target);
}

char *
dossier_key_for_article (const DossierArticle *article)
{
  g_return_val_if_fail (article != NULL, NULL);
  return key_for_text (article->id);
}

char *
dossier_key_for_evidence (DossierGraph          *graph,
                          const DossierRelation *relation,
                          const DossierEvidence *evidence)
{
  g_autofree char *rel = NULL;
  g_autofree char *art = NULL;

  g_return_val_if_fail (graph != NULL, NULL);
  g_return_val_if_fail (evidence != NULL, NULL);

  rel = dossier_key_for_relation (graph, relation);
  art = dossier_key_for_article (dossier_corpus_get_article (graph->corpus, evidence->article));
  return dossier_key_join_evidence (rel, art, evidence->start, evidence->end);
}

char *
dossier_key_join_relation (const char          *source_key,
                           DossierRelationType  type,
                           const char          *target_key)
{
  return g_strdup_printf ("%s>%s>%s", source_key, dossier_relation_type_to_string (type), target_key);
}

char *
dossier_key_join_evidence (const char *relation_key,
                           const char *article_key,
                           gsize       start,
                           gsize       end)
{
  return g_strdup_printf ("%s@%s:%" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT,
                          relation_key, article_key, start, end);
}
