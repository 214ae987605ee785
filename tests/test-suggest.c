/* test-suggest.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "dossier-curation.h"
#include "dossier-suggest.h"
#include "suggest-test-util.h"

typedef struct
{
  const char        *name;
  DossierEntityType  type;
  guint              mentions;
} Actor;

static DossierGraph *
make_graph (const Actor *actors,
            gsize        n)
{
  g_autoptr(DossierCorpus) corpus = dossier_corpus_new ();
  DossierGraph *graph = dossier_graph_new (corpus);

  for (gsize i = 0; i < n; i++)
    {
      DossierEntity *e = dossier_graph_ensure_entity (graph, actors[i].name, actors[i].type);

      for (guint m = 0; m < actors[i].mentions; m++)
        dossier_graph_add_mention (graph, e, &(DossierMention) { 0, m * 10, m * 10 + 5, DOSSIER_SECTION_BODY });
    }
  return graph;
}

static void
test_keys (void)
{
  const struct { const char *name; const char *key; } cases[] = {
    { "U.S. Steel", "us steel" },
    { "US Steel", "us steel" },
    { "Société Générale SA", "societe generale" },
    { "L’Oréal", "loreal" },
    { "Oracle Corp.", "oracle" },
    { "The Washington Post", "washington post" },
    { "Coca-Cola Company", "coca cola company" },
    { "Groupe", "groupe" },
    { "...", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = dossier_suggest_name_key (cases[i].name);
      g_assert_cmpstr (key, ==, cases[i].key);
    }
}

static void
test_pairs (void)
{
  const Actor actors[] = {
    { "Daniel Segal", DOSSIER_ENTITY_PERSON, 5 },
    { "Segal", DOSSIER_ENTITY_PERSON, 2 },
    { "BNP Paribas", DOSSIER_ENTITY_COMPANY, 4 },
    { "BNP", DOSSIER_ENTITY_COMPANY, 3 },
    { "US Steel", DOSSIER_ENTITY_COMPANY, 1 },
    { "U.S. Steel", DOSSIER_ENTITY_COMPANY, 6 },
    { "International Business Machines", DOSSIER_ENTITY_COMPANY, 1 },
    { "IBM", DOSSIER_ENTITY_COMPANY, 9 },
    { "Bibliothèque nationale de France", DOSSIER_ENTITY_GOVERNMENT, 1 },
    { "BNF", DOSSIER_ENTITY_GOVERNMENT, 1 },
    { "Le Monde", DOSSIER_ENTITY_MEDIA, 3 },
    { "Monde SA", DOSSIER_ENTITY_COMPANY, 1 },
    /* Never: a person and a company, nor unrelated names. */
    { "Oracle", DOSSIER_ENTITY_COMPANY, 3 },
    { "Oracle", DOSSIER_ENTITY_PERSON, 0 },
    { "Larry Ellison", DOSSIER_ENTITY_PERSON, 3 },
    { "Ellison Capital", DOSSIER_ENTITY_COMPANY, 1 },
    { "United States Steel", DOSSIER_ENTITY_COMPANY, 1 },
  };
  g_autoptr(DossierGraph) graph = make_graph (actors, G_N_ELEMENTS (actors));
  g_autoptr(GArray) suggestions = dossier_suggest_duplicates (graph, NULL);
  const DossierSuggestion *s;

  for (guint i = 0; i < suggestions->len; i++)
    {
      const DossierSuggestion *x = &g_array_index (suggestions, DossierSuggestion, i);
      g_test_message ("%s <- %s (%.2f)", dossier_graph_get_entity (graph, x->keep)->name,
                      dossier_graph_get_entity (graph, x->other)->name, x->score);
    }

  s = test_find_suggestion (graph, suggestions, "Daniel Segal", "Segal");
  g_assert_nonnull (s);
  g_assert_cmpint (s->reason, ==, DOSSIER_SUGGEST_SURNAME);
  s = test_find_suggestion (graph, suggestions, "BNP Paribas", "BNP");
  g_assert_nonnull (s);
  g_assert_cmpint (s->reason, ==, DOSSIER_SUGGEST_SHORT_NAME);
  /* The same name: the most mentioned is kept. */
  s = test_find_suggestion (graph, suggestions, "U.S. Steel", "US Steel");
  g_assert_nonnull (s);
  g_assert_cmpint (s->reason, ==, DOSSIER_SUGGEST_SAME_NAME);
  g_assert_cmpfloat (s->score, ==, 1.0);
  s = test_find_suggestion (graph, suggestions, "International Business Machines", "IBM");
  g_assert_nonnull (s);
  g_assert_cmpint (s->reason, ==, DOSSIER_SUGGEST_ACRONYM);
  g_assert_nonnull (test_find_suggestion (graph, suggestions, "Bibliothèque nationale de France", "BNF"));
  /* A newspaper and its company are compatible. */
  g_assert_nonnull (test_find_suggestion (graph, suggestions, "Le Monde", "Monde SA"));
  /* Some words as initials: both spellings pair with the full name. */
  s = test_find_suggestion (graph, suggestions, "United States Steel", "U.S. Steel");
  g_assert_nonnull (s);
  g_assert_cmpint (s->reason, ==, DOSSIER_SUGGEST_ACRONYM);
  g_assert_nonnull (test_find_suggestion (graph, suggestions, "United States Steel", "US Steel"));
  g_assert_cmpuint (suggestions->len, ==, 8);

  /* Best first: the same name before the others. */
  g_assert_cmpint (g_array_index (suggestions, DossierSuggestion, 0).reason, ==, DOSSIER_SUGGEST_SAME_NAME);
  for (guint i = 1; i < suggestions->len; i++)
    g_assert_cmpfloat (g_array_index (suggestions, DossierSuggestion, i - 1).score, >=,
                       g_array_index (suggestions, DossierSuggestion, i).score);
}

/* A surname that fits two persons ranks lower than one that fits one. */
static void
test_ambiguous (void)
{
  const Actor actors[] = {
    { "Daniel Segal", DOSSIER_ENTITY_PERSON, 1 },
    { "Marc Segal", DOSSIER_ENTITY_PERSON, 1 },
    { "Segal", DOSSIER_ENTITY_PERSON, 1 },
    { "Larry Ellison", DOSSIER_ENTITY_PERSON, 1 },
    { "Ellison", DOSSIER_ENTITY_PERSON, 1 },
  };
  g_autoptr(DossierGraph) graph = make_graph (actors, G_N_ELEMENTS (actors));
  g_autoptr(GArray) suggestions = dossier_suggest_duplicates (graph, NULL);

  g_assert_cmpuint (suggestions->len, ==, 3);
  g_assert_cmpfloat (test_find_suggestion (graph, suggestions, "Larry Ellison", "Ellison")->score, >,
                     test_find_suggestion (graph, suggestions, "Daniel Segal", "Segal")->score);
  g_assert_cmpfloat (test_find_suggestion (graph, suggestions, "Marc Segal", "Segal")->score, ==,
                     test_find_suggestion (graph, suggestions, "Daniel Segal", "Segal")->score);
}

/* Hidden actors and pairs said not to be the same are left out; a
 * not-same edit is kept in the project file and undone like any edit. */
static void
test_not_same (void)
{
  const Actor actors[] = {
    { "Daniel Segal", DOSSIER_ENTITY_PERSON, 1 },
    { "Segal", DOSSIER_ENTITY_PERSON, 1 },
    { "BNP Paribas", DOSSIER_ENTITY_COMPANY, 1 },
    { "BNP", DOSSIER_ENTITY_COMPANY, 1 },
  };
  g_autoptr(DossierGraph) extracted = make_graph (actors, G_N_ELEMENTS (actors));
  g_autoptr(DossierCuration) curation = dossier_curation_new ();
  g_autoptr(DossierCuration) reloaded = dossier_curation_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-suggest-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "project.json", NULL);
  g_autofree char *label = NULL;

  dossier_curation_push (curation, dossier_edit_not_same ("Segal", "Daniel Segal"));
  label = dossier_curation_undo_label (curation);
  g_assert_nonnull (strstr (label, "Segal"));

  {
    g_autoptr(GPtrArray) problems = NULL;
    g_autoptr(DossierGraph) graph = dossier_curation_apply (curation, extracted, &problems);
    g_auto(GStrv) distinct = dossier_curation_dup_distinct (curation);
    g_autoptr(GArray) suggestions = dossier_suggest_duplicates (graph, (const char * const *) distinct);

    g_assert_cmpuint (problems->len, ==, 0);
    g_assert_cmpuint (graph->entities->len, ==, 4);
    g_assert_cmpuint (suggestions->len, ==, 1);
    g_assert_nonnull (test_find_suggestion (graph, suggestions, "BNP Paribas", "BNP"));
  }

  g_assert_true (dossier_curation_save (curation, path, &error));
  g_assert_no_error (error);
  g_assert_true (dossier_curation_load (reloaded, path, &error));
  g_assert_no_error (error);
  {
    g_auto(GStrv) distinct = dossier_curation_dup_distinct (reloaded);
    g_assert_cmpuint (g_strv_length (distinct), ==, 2);
    g_assert_cmpstr (distinct[0], ==, "Segal");
  }

  g_assert_true (dossier_curation_undo (reloaded));
  {
    g_auto(GStrv) distinct = dossier_curation_dup_distinct (reloaded);
    g_autoptr(GArray) suggestions = dossier_suggest_duplicates (extracted, (const char * const *) distinct);
    g_assert_cmpuint (suggestions->len, ==, 2);
  }

  /* Hidden: no suggestion. */
  dossier_graph_lookup_entity (extracted, "BNP")->hidden = TRUE;
  {
    g_autoptr(GArray) suggestions = dossier_suggest_duplicates (extracted, NULL);
    g_assert_cmpuint (suggestions->len, ==, 1);
  }

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/suggest/keys", test_keys);
  g_test_add_func ("/suggest/pairs", test_pairs);
  g_test_add_func ("/suggest/ambiguous", test_ambiguous);
  g_test_add_func ("/suggest/not-same", test_not_same);

  return g_test_run ();
}
