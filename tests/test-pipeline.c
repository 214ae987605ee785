/* test-pipeline.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One thin path through every stage on the seeds: load, extract, filter,
 * lay out, export.  Each module has its own deeper tests. */

#include "config.h"

#include "test-util.h"

#include <string.h>

#include "dossier-corpus.h"
#include "dossier-export.h"
#include "dossier-extractor.h"
#include "dossier-filter.h"
#include "dossier-layout.h"

static void
test_seeds_entities (void)
{
  g_autoptr(DossierGraph) graph = test_load_seeds ();

  g_assert_cmpuint (graph->corpus->articles->len, ==, 5);
  const struct { const char *name; DossierEntityType type; } expected[] = {
    { "Oracle", DOSSIER_ENTITY_COMPANY },
    { "TikTok", DOSSIER_ENTITY_COMPANY },
    { "ByteDance", DOSSIER_ENTITY_COMPANY },
    { "Microsoft", DOSSIER_ENTITY_COMPANY },
    { "Donald Trump", DOSSIER_ENTITY_PERSON },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      DossierEntity *entity = dossier_graph_lookup_entity (graph, expected[i].name);

      g_assert_nonnull (entity);
      g_assert_cmpstr (entity->name, ==, expected[i].name);
      g_assert_cmpint (entity->type, ==, expected[i].type);
      g_assert_cmpuint (entity->mentions->len, >, 0);
    }

  /* Elision: "d'Oracle" is a mention of Oracle, and its span is "Oracle". */
  {
    DossierEntity *oracle = dossier_graph_lookup_entity (graph, "Oracle");
    gboolean found_elided = FALSE;

    for (guint i = 0; i < oracle->mentions->len; i++)
      {
        const DossierMention *m = &g_array_index (oracle->mentions, DossierMention, i);
        const DossierArticle *a = dossier_corpus_get_article (graph->corpus, m->article);

        g_assert_cmpuint (m->end, <=, a->len);
        if (m->start >= 2 && strncmp (a->text + m->start - 2, "d'", 2) == 0)
          {
            g_assert_cmpuint (m->end - m->start, ==, 6);
            g_assert_cmpint (strncmp (a->text + m->start, "Oracle", 6), ==, 0);
            found_elided = TRUE;
          }
      }
    g_assert_true (found_elided);
  }
}

static void
test_seeds_export (void)
{
  g_autoptr(DossierGraph) graph = test_load_seeds ();
  g_autoptr(DossierFilter) filter = dossier_filter_new ();
  g_autoptr(DossierSubgraph) sub = NULL;
  g_autoptr(DossierLayout) layout = NULL;
  g_autoptr(GError) error = NULL;

  sub = dossier_filter_apply (filter, graph, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sub->entities->len, >=, 5);
  g_assert_cmpuint (sub->relations->len, >, 0);

  layout = dossier_layout_compute (sub, DOSSIER_LAYOUT_AUTO, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (layout->nodes->len, ==, sub->entities->len);
  g_assert_cmpfloat (layout->width, >, 0);

  for (DossierExportFormat f = DOSSIER_EXPORT_PNG; f <= DOSSIER_EXPORT_JSON; f++)
    {
      g_autoptr(GBytes) bytes = NULL;
      DossierExportOptions options;

      dossier_export_options_init (&options, f);
      bytes = dossier_export_to_bytes (sub, layout, &options, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_bytes_get_size (bytes), >, 100);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/pipeline/seeds/entities", test_seeds_entities);
  g_test_add_func ("/pipeline/seeds/export", test_seeds_export);

  return g_test_run ();
}
