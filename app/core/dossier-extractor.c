/* dossier-extractor.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-extractor"

#include "config.h"

#include <string.h>

#include "dossier-article.h"
#include "dossier-extractor.h"
#include "dossier-fold.h"

void
dossier_extract_options_init (DossierExtractOptions *options)
{
  g_return_if_fail (options != NULL);

  options->discover = TRUE;
  options->co_occurrence = TRUE;
}

typedef struct
{
  guint entity;
  gsize start;
  gsize end;
} Found;

/* A first set of cues, looked for in the folded words between two
 * mentions.  The relation patterns proper come with the extraction issue. */
static const struct {
  const char          *cue;
  DossierRelationType  type;
} cues[] = {
  { "rachat", DOSSIER_RELATION_ACQUIRES },
  { "racheter", DOSSIER_RELATION_ACQUIRES },
  { "acquisition", DOSSIER_RELATION_ACQUIRES },
  { "partenaire", DOSSIER_RELATION_PARTNERS },
  { "partenariat", DOSSIER_RELATION_PARTNERS },
  { "maison mere", DOSSIER_RELATION_OWNS },
  { "societe mere", DOSSIER_RELATION_OWNS },
  { "pdg", DOSSIER_RELATION_LEADS },
  { "soutien", DOSSIER_RELATION_SUPPORTS },
  { "critiqu", DOSSIER_RELATION_OPPOSES },
  { "decret", DOSSIER_RELATION_REGULATES },
  { "negociations", DOSSIER_RELATION_NEGOTIATES },
  { "retire", DOSSIER_RELATION_WITHDRAWS },
};

static void
link_sentence (DossierGraph                *graph,
               guint                        article_index,
               const DossierArticle        *article,
               const DossierSentence       *sentence,
               const Found                 *found,
               guint                        n_found,
               const DossierExtractOptions *options)
{
  for (guint a = 0; a < n_found; a++)
    {
      for (guint b = a + 1; b < n_found; b++)
        {
          const Found *fa = &found[a];
          const Found *fb = &found[b];
          g_autofree char *between = NULL;
          DossierRelationType type = DOSSIER_RELATION_MENTIONED_WITH;
          DossierRelation *relation;
          DossierEvidence ev = { 0 };
          gboolean reverse = FALSE;

          if (fa->entity == fb->entity || fb->start < fa->end)
            continue;

          between = dossier_fold_string_len (article->text + fa->end, fb->start - fa->end);
          for (guint c = 0; c < G_N_ELEMENTS (cues); c++)
            {
              if (strstr (between, cues[c].cue) != NULL)
                {
                  type = cues[c].type;
                  break;
                }
            }

          if (type == DOSSIER_RELATION_MENTIONED_WITH && !options->co_occurrence)
            continue;

          /* "le PDG d'Oracle, Larry Ellison": the person leads. */
          if (type == DOSSIER_RELATION_LEADS &&
              dossier_graph_get_entity (graph, fa->entity)->type != DOSSIER_ENTITY_PERSON)
            reverse = TRUE;

          relation = dossier_graph_ensure_relation (graph,
                                                    reverse ? fb->entity : fa->entity,
                                                    type,
                                                    reverse ? fa->entity : fb->entity);
          ev.article = article_index;
          ev.start = sentence->start;
          ev.end = sentence->end;
          ev.source_start = reverse ? fb->start : fa->start;
          ev.source_end = reverse ? fb->end : fa->end;
          ev.target_start = reverse ? fa->start : fb->start;
          ev.target_end = reverse ? fa->end : fb->end;
          ev.date = dossier_article_date_for_range (article, sentence->start, sentence->end);
          if (sentence->section == DOSSIER_SECTION_COMMENTS)
            ev.flags |= DOSSIER_EVIDENCE_COMMENTS;
          dossier_graph_add_evidence (graph, relation, &ev);
        }
    }
}

static void
extract_article (DossierGraph                *graph,
                 DossierGazetteer            *gazetteer,
                 guint                        article_index,
                 const DossierExtractOptions *options)
{
  DossierArticle *article = dossier_corpus_get_article (graph->corpus, article_index);
  g_autoptr(GArray) matches = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Found));
  guint m = 0;

  matches = dossier_gazetteer_match (gazetteer, article->text, article->len);

  for (guint s = 0; s < article->sentences->len; s++)
    {
      const DossierSentence *sentence = &g_array_index (article->sentences, DossierSentence, s);

      g_array_set_size (found, 0);

      for (; m < matches->len; m++)
        {
          const DossierGazetteerMatch *match = &g_array_index (matches, DossierGazetteerMatch, m);
          DossierMention mention;
          DossierEntity *entity;
          Found f;

          if (match->start >= sentence->end)
            break;
          if (match->start < sentence->start)
            continue;

          entity = dossier_graph_ensure_entity (graph, match->entry->canonical, match->entry->type);
          if (!match->descriptive)
            {
              g_autofree char *surface = g_strndup (article->text + match->start,
                                                    match->end - match->start);
              dossier_graph_add_alias (graph, entity, surface);
            }

          mention.article = article_index;
          mention.start = match->start;
          mention.end = match->end;
          mention.section = sentence->section;
          dossier_graph_add_mention (graph, entity, &mention);

          f.entity = entity->id;
          f.start = match->start;
          f.end = match->end;
          g_array_append_val (found, f);
        }

      link_sentence (graph, article_index, article, sentence,
                     (const Found *) (gpointer) found->data, found->len, options);
    }
}

DossierGraph *
dossier_extract (DossierCorpus               *corpus,
                 DossierGazetteer            *gazetteer,
                 const DossierExtractOptions *options,
                 GCancellable                *cancellable,
                 GError                     **error)
{
  g_autoptr(DossierGraph) graph = NULL;
  DossierExtractOptions defaults;

  g_return_val_if_fail (corpus != NULL, NULL);
  g_return_val_if_fail (gazetteer != NULL, NULL);

  if (options == NULL)
    {
      dossier_extract_options_init (&defaults);
      options = &defaults;
    }

  graph = dossier_graph_new (corpus);

  for (guint i = 0; i < corpus->articles->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      extract_article (graph, gazetteer, i, options);
    }

  return g_steal_pointer (&graph);
}
