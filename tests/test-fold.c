/* test-fold.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "dossier-fold.h"

static void
test_fold_string (void)
{
  const struct { const char *in; const char *out; } cases[] = {
    { "Pékin", "pekin" },
    { "ÉTATS-UNIS", "etats-unis" },
    { "d’Oracle", "d'oracle" },
    { "  Maison\u00a0 Blanche ", "maison blanche" },
    { "Œuvre Straße", "oeuvre strasse" },
    { "Mickaël", "mickael" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = dossier_fold_string (cases[i].in);
      g_assert_cmpstr (folded, ==, cases[i].out);
    }
}

/* Every folded byte maps back into the original, in order. */
static void
test_fold_map (void)
{
  const char *text = "L’État a dit «non» à Pékin.";
  g_autoptr(DossierFolded) folded = dossier_folded_new (text, strlen (text));

  g_assert_cmpstr (folded->folded, ==, "l'etat a dit «non» a pekin.");
  g_assert_cmpuint (folded->map[folded->len], ==, strlen (text));
  for (gsize i = 1; i <= folded->len; i++)
    g_assert_cmpuint (folded->map[i - 1], <=, folded->map[i]);

  /* "Pékin" in the folded text maps to "Pékin" in the original. */
  {
    const char *p = strstr (folded->folded, "pekin");
    gsize f = p - folded->folded;

    g_assert_cmpint (strncmp (text + folded->map[f], "Pékin", strlen ("Pékin")), ==, 0);
    g_assert_cmpuint (folded->map[f + 5], ==, strlen (text) - 1);
  }
}

static void
test_tokenize (void)
{
  const char *text = "Selon le WSJ, d’Oracle rachète TikTok-US; Musical.ly.\nM. X";
  g_autoptr(DossierFolded) folded = dossier_folded_new (text, strlen (text));
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (DossierToken));
  const char *words[] = { "selon", "le", "wsj", "d", "oracle", "rachete", "tiktok", "us",
                          "musical", "ly", "m", "x" };
  const DossierToken *t;

  dossier_tokenize (folded, text, 0, tokens);
  g_assert_cmpuint (tokens->len, ==, G_N_ELEMENTS (words));
  for (guint i = 0; i < tokens->len; i++)
    {
      t = &g_array_index (tokens, DossierToken, i);
      g_assert_cmpuint (t->fend - t->fstart, ==, strlen (words[i]));
      g_assert_cmpint (memcmp (folded->folded + t->fstart, words[i], strlen (words[i])), ==, 0);
      g_assert_cmpuint (t->end, <=, strlen (text));
      /* The word tables take the token's hash for the word's. */
      g_assert_cmphex (t->hash, ==, dossier_fold_hash (words[i], strlen (words[i])));
    }

  t = (const DossierToken *) (gpointer) tokens->data;
  g_assert_true (t[0].flags & DOSSIER_TOKEN_CAPITAL);
  g_assert_true (t[2].flags & DOSSIER_TOKEN_ALL_CAPS);
  g_assert_true (t[3].flags & DOSSIER_TOKEN_COMMA);
  g_assert_true (t[4].flags & DOSSIER_TOKEN_ELIDED);
  g_assert_true (t[4].flags & DOSSIER_TOKEN_JOINED);
  g_assert_cmpint (strncmp (text + t[4].start, "Oracle", 6), ==, 0);
  g_assert_true (t[6].flags & DOSSIER_TOKEN_MIXED);
  g_assert_true (t[7].flags & DOSSIER_TOKEN_JOINED);      /* TikTok-US */
  g_assert_true (t[8].flags & DOSSIER_TOKEN_BREAK);       /* after ';' */
  g_assert_true (t[9].flags & DOSSIER_TOKEN_JOINED);      /* Musical.ly */
  g_assert_true (t[10].flags & (DOSSIER_TOKEN_STOP | DOSSIER_TOKEN_BREAK));
}

/* Invalid UTF-8 and control bytes never crash and stay mapped. */
static void
test_fold_invalid (void)
{
  const char text[] = "a\xff\xfe\x01 \xc3 b\xe2\x80";
  g_autoptr(DossierFolded) folded = dossier_folded_new (text, sizeof text - 1);
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (DossierToken));

  g_assert_cmpuint (folded->map[folded->len], ==, sizeof text - 1);
  dossier_tokenize (folded, text, 0, tokens);
  for (guint i = 0; i < tokens->len; i++)
    g_assert_cmpuint (g_array_index (tokens, DossierToken, i).end, <=, sizeof text - 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/fold/string", test_fold_string);
  g_test_add_func ("/fold/map", test_fold_map);
  g_test_add_func ("/fold/tokenize", test_tokenize);
  g_test_add_func ("/fold/invalid", test_fold_invalid);

  return g_test_run ();
}
