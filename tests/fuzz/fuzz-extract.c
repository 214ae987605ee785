/* fuzz-extract.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The extractor: text -> article -> mentions, entities and relations with
 * the shipped gazetteer (loaded once).  The graph must point inside the
 * text, and its JSON must parse back.  The options come from the input's
 * length so that the seed articles stay as they are. */

#define G_LOG_DOMAIN "fuzz-extract"

#include "config.h"

#include <json-glib/json-glib.h>

#include "dossier-extractor.h"
#include "dossier-filter.h"
#include "dossier-json.h"
#include "fuzz-common.h"

/* Everything visible, mentioned_with included, written as JSON that
 * parses back. */
static void
check_json (DossierGraph *graph)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierFilter) filter = dossier_filter_new ();
  g_autoptr(DossierSubgraph) subgraph = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json = NULL;

  filter->relation_types = (1u << DOSSIER_N_RELATION_TYPES) - 1;
  subgraph = dossier_filter_apply (filter, graph, &error);
  g_assert_no_error (error);
  g_assert_nonnull (subgraph);

  json = dossier_json_to_string (subgraph, NULL, FALSE);
  if (!json_parser_load_from_data (parser, json, -1, &error))
    g_error ("extract JSON does not parse: %s", error->message);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCorpus) corpus = NULL;
  g_autoptr(DossierGraph) graph = NULL;
  DossierArticle *article = fuzz_read_article (data, size, NULL);
  DossierExtractOptions options;

  if (article == NULL)
    return 0;

  corpus = dossier_corpus_new ();
  dossier_corpus_add_article (corpus, article);

  dossier_extract_options_init (&options);
  options.discover = (size & 1) == 0;
  options.co_occurrence = (size & 2) == 0;

  graph = dossier_extract (corpus, fuzz_get_gazetteer (), &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (graph);
  fuzz_check_graph (graph);
  check_json (graph);

  return 0;
}
