/* test-gazetteer.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "dossier-gazetteer.h"

static DossierGazetteer *
load (const char *data)
{
  g_autoptr(GError) error = NULL;
  DossierGazetteer *gazetteer = dossier_gazetteer_new ();

  dossier_gazetteer_load_data (gazetteer, data, strlen (data), "test.gaz", &error);
  g_assert_no_error (error);
  return gazetteer;
}

/* The matches of @text as "canonical=surface;..." for compact checks. */
static char *
matches (DossierGazetteer *gazetteer,
         const char       *text)
{
  g_autoptr(GArray) found = dossier_gazetteer_match (gazetteer, text, strlen (text));
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < found->len; i++)
    {
      const DossierGazetteerMatch *m = &g_array_index (found, DossierGazetteerMatch, i);

      g_string_append_printf (out, "%s%s=%.*s", i > 0 ? ";" : "", m->entry->canonical,
                              (int) (m->end - m->start), text + m->start);
      if (m->descriptive)
        g_string_append_c (out, '~');
    }
  return g_string_free (out, FALSE);
}

#define ASSERT_MATCHES(g, text, expected) \
  G_STMT_START { g_autofree char *got = matches (g, text); g_assert_cmpstr (got, ==, expected); } G_STMT_END

typedef struct
{
  const char *text;
  const char *expected;  /* as matches () writes them */
} MatchCase;

static void
assert_matches_all (DossierGazetteer *g,
                    const MatchCase  *cases,
                    gsize             n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    ASSERT_MATCHES (g, cases[i].text, cases[i].expected);
}

static const char *data =
  "# test\n"
  "company\tOracle\tORCL | ~groupe de Larry Ellison\n"
  "company\tTikTok\tTik Tok | tiktok_us\n"
  "company\tMicrosoft\t~groupe de Redmond\n"
  "person\tLarry Ellison\tEllison\ttitle=PDG; leads=Oracle\n"
  "government\tUnited States government\tMaison Blanche | US | États-Unis\n"
  "government\tChinese government\tgouvernement chinois | Chine\n"
  "media\tLe Monde\n"
  "media\tWall Street Journal\tWSJ\n";

static void
test_folding_and_elision (void)
{
  g_autoptr(DossierGazetteer) g = load (data);

  ASSERT_MATCHES (g, "d'Oracle et qu’Oracle, jusqu'Oracle, lorsqu’Oracle",
                  "Oracle=Oracle;Oracle=Oracle;Oracle=Oracle;Oracle=Oracle");
  ASSERT_MATCHES (g, "aux ETATS-UNIS et aux Etats Unis", "United States government=ETATS-UNIS;"
                  "United States government=Etats Unis");
  ASSERT_MATCHES (g, "Oracle's deal", "Oracle=Oracle");
  g_assert_cmpstr (dossier_gazetteer_lookup (g, "Ellison")->leads, ==, "Oracle");
  g_assert_cmpstr (dossier_gazetteer_lookup (g, "Ellison")->title, ==, "pdg");
  ASSERT_MATCHES (g, "les gouvernements chinois", "Chinese government=gouvernements chinois");
  ASSERT_MATCHES (g, "@tiktok_us", "TikTok=tiktok_us");
}

static void
test_longest_first (void)
{
  static const MatchCase cases[] = {
    /* "groupe de Larry Ellison" wins over "Larry Ellison" inside it. */
    { "Le groupe de Larry Ellison et Larry Ellison",
      "Oracle=groupe de Larry Ellison~;Larry Ellison=Larry Ellison" },
    { "Tik Tok et TikTok", "TikTok=Tik Tok;TikTok=TikTok" },
    { "la Maison Blanche", "United States government=Maison Blanche" },
    /* A name does not run across a sentence end or a comma. */
    { "la Maison. Blanche", "" },
  };
  g_autoptr(DossierGazetteer) g = load (data);

  assert_matches_all (g, cases, G_N_ELEMENTS (cases));
}

static void
test_case_rules (void)
{
  static const MatchCase cases[] = {
    /* Acronyms only in capitals, plain words only capitalised. */
    { "let us go to the US", "United States government=US" },
    { "un oracle a parlé", "" },
    { "le monde entier, le Monde", "Le Monde=le Monde" },
    { "Le monde change", "" },
    { "tiktok", "TikTok=tiktok" },
    { "le Groupe De Redmond", "Microsoft=Groupe De Redmond~" },
  };
  g_autoptr(DossierGazetteer) g = load (data);

  assert_matches_all (g, cases, G_N_ELEMENTS (cases));
}

/* A place form ("@Canada") names the state, but not where something happens. */
static void
test_place_forms (void)
{
  static const MatchCase cases[] = {
    { "Le Canada refuse", "Canadian government=Canada" },
    { "Ottawa a refusé", "Canadian government=Ottawa" },
    { "ventes au Canada et en Nouvelle-Écosse", "" },
    { "stores in Canada. Canada said no", "Canadian government=Canada" },
    { "le gouvernement canadien, au Canada", "Canadian government=gouvernement canadien" },
    /* Only the place form: a name written without "@" still matches there. */
    { "en gouvernement canadien", "Canadian government=gouvernement canadien" },
  };
  g_autoptr(DossierGazetteer) g = load ("government\tCanadian government\tgouvernement canadien | "
                                        "@Canada | @Ottawa | @Nouvelle-Écosse\n");

  assert_matches_all (g, cases, G_N_ELEMENTS (cases));
}

static void
test_load_errors (void)
{
  g_autoptr(DossierGazetteer) g = dossier_gazetteer_new ();
  g_autoptr(GError) error = NULL;
  const char *bad[] = {
    "planet\tMars\n",
    "company\n",
    "company\tX\t\tcolour=red\n",
    "company\t\xff\xfe\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (dossier_gazetteer_load_data (g, bad[i], strlen (bad[i]), "bad.gaz", &error));
      g_assert_error (error, DOSSIER_GAZETTEER_ERROR, DOSSIER_GAZETTEER_ERROR_PARSE);
      g_clear_error (&error);
    }
}

static void
test_user_file_extends (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierGazetteer) g = dossier_gazetteer_new_default (&error);
  g_autofree char *path = NULL;
  const char *before;
  int fd;

  g_assert_no_error (error);
  g_assert_cmpuint (dossier_gazetteer_get_n_forms (g), >, 600);
  g_assert_nonnull (dossier_gazetteer_lookup (g, "Maison Blanche"));
  g_assert_nonnull (dossier_gazetteer_lookup (g, "groupe de Redmond"));
  g_assert_cmpstr (dossier_gazetteer_lookup (g, "Pékin")->canonical, ==, "Chinese government");
  g_assert_cmpstr (dossier_gazetteer_lookup (g, "Xi Jinping")->leads, ==, "Chinese government");
  /* "title=" is kept folded, as the extractor compares it with words. */
  g_assert_cmpstr (dossier_gazetteer_lookup (g, "Xi Jinping")->title, ==, "president");
  g_assert_cmpstr (dossier_gazetteer_lookup (g, "Angela Merkel")->title, ==, "chanceliere");
  g_assert_null (dossier_gazetteer_lookup (g, "Oracle")->title);
  g_assert_null (dossier_gazetteer_lookup (g, "Zorglub Industries"));
  before = dossier_gazetteer_get_checksum (g);
  before = g_strdup (before);

  fd = g_file_open_tmp ("user-XXXXXX.gaz", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, "company\tZorglub Industries\tZorglub\n", -1, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_gazetteer_load_file (g, path, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (dossier_gazetteer_lookup (g, "zorglub")->canonical, ==, "Zorglub Industries");
  g_assert_cmpstr (dossier_gazetteer_get_checksum (g), !=, before);
  ASSERT_MATCHES (g, "Zorglub et Oracle", "Zorglub Industries=Zorglub;Oracle=Oracle");

  g_unlink (path);
  g_free ((char *) before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/gazetteer/folding-elision", test_folding_and_elision);
  g_test_add_func ("/gazetteer/longest-first", test_longest_first);
  g_test_add_func ("/gazetteer/case-rules", test_case_rules);
  g_test_add_func ("/gazetteer/place-forms", test_place_forms);
  g_test_add_func ("/gazetteer/load-errors", test_load_errors);
  g_test_add_func ("/gazetteer/user-file", test_user_file_extends);

  return g_test_run ();
}
