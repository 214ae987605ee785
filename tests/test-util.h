/* test-util.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What many tests start from: the seeds, read and extracted. */

#pragma once

#include "dossier-corpus.h"
#include "dossier-extractor.h"

static inline DossierGraph *
test_load_seeds (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCorpus) corpus = NULL;
  g_autoptr(DossierGazetteer) gazetteer = NULL;
  g_autofree char *seeds = dossier_corpus_default_path ();
  const char *paths[] = { seeds, NULL };
  DossierGraph *graph;

  corpus = dossier_corpus_load (paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  gazetteer = dossier_gazetteer_new_default (&error);
  g_assert_no_error (error);
  graph = dossier_extract (corpus, gazetteer, NULL, NULL, &error);
  g_assert_no_error (error);

  return graph;
}
