/* bench-curation.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How long applying N edits takes (issue 20: 5k / 10k / 20k edits took
 * 2.4 / 10 / 39 s, quadratic).  A graph of as many actors as edits, each
 * linked to the next, and a mix of every kind of edit, each on actors of
 * its own.  Prints figures, asserts nothing.
 *
 *   bench-curation [N…]      (default 5000 10000 20000) */

#define G_LOG_DOMAIN "bench-curation"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier-curation.h"

#define TEXT "Some actors did some things to other actors.\n"

static DossierGraph *
make_graph (guint n)
{
  g_autoptr(DossierCorpus) corpus = dossier_corpus_new ();
  g_autoptr(GBytes) bytes = g_bytes_new_static (TEXT, strlen (TEXT));
  DossierGraph *graph;

  dossier_corpus_add_article (corpus, dossier_article_new_from_bytes ("a.txt", NULL, bytes, NULL));
  graph = dossier_graph_new (corpus);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Actor %u", i);
      g_autofree char *alias = g_strdup_printf ("A%u", i);
      DossierEntity *entity = dossier_graph_ensure_entity (graph, name, DOSSIER_ENTITY_COMPANY);

      dossier_graph_add_alias (graph, entity, alias);
      dossier_graph_add_mention (graph, entity, &(DossierMention) { 0, 0, 4, DOSSIER_SECTION_BODY });
    }
  for (guint i = 0; i + 1 < n; i++)
    {
      DossierRelation *r = dossier_graph_ensure_relation (graph, i, DOSSIER_RELATION_PARTNERS, i + 1);
      DossierEvidence ev = { 0 };

      ev.end = 10;
      dossier_graph_add_evidence (graph, r, &ev);
    }

  return graph;
}

static JsonObject *
make_edit (guint i)
{
  g_autofree char *name = g_strdup_printf ("Actor %u", i);
  g_autofree char *next = g_strdup_printf ("Actor %u", i + 1);
  g_autofree char *other = g_strdup_printf ("A%u", i + 1);
  g_autofree char *renamed = g_strdup_printf ("Renamed %u", i);

  switch (i % 8)
    {
    case 0: return dossier_edit_rename (name, renamed);
    case 1: return dossier_edit_add_alias (name, "Another name");
    case 2: return dossier_edit_hide (name, TRUE);
    case 3: return dossier_edit_retype (name, DOSSIER_ENTITY_PERSON);
    case 4: return dossier_edit_retype_relation (name, DOSSIER_RELATION_PARTNERS, next, DOSSIER_RELATION_SUPPORTS);
    case 5: return dossier_edit_merge (name, (const char *[]) { other, NULL });
    case 6: return dossier_edit_reject_relation (name, DOSSIER_RELATION_PARTNERS, next);
    default: return dossier_edit_not_entity (name);
    }
}

int
main (int   argc,
      char *argv[])
{
  guint defaults[] = { 5000, 10000, 20000 };
  guint n_sizes = argc > 1 ? (guint) argc - 1 : G_N_ELEMENTS (defaults);

  for (guint s = 0; s < n_sizes; s++)
    {
      guint n = argc > 1 ? (guint) atoi (argv[s + 1]) : defaults[s];
      g_autoptr(DossierGraph) extracted = make_graph (n + 2);
      g_autoptr(DossierCuration) curation = dossier_curation_new ();
      g_autoptr(DossierGraph) applied = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      gint64 start;

      for (guint i = 0; i < n; i++)
        dossier_curation_push (curation, make_edit (i));

      start = g_get_monotonic_time ();
      applied = dossier_curation_apply (curation, extracted, &problems);
      printf ("%6u edits on %6u actors: applied in %.3f s (%u actors, %u relations, %u problems)\n",
              n, n + 2, (g_get_monotonic_time () - start) / 1e6,
              applied->entities->len, applied->relations->len, problems->len);
      fflush (stdout);
    }

  return 0;
}
