/* test-sentences.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "dossier-sentences.h"

/* Tricky sentences, most of them from the seed articles.  Each case is a
 * paragraph and the sentences it must split into, "|" between them. */
typedef struct
{
  const char *paragraph;
  const char *sentences;
} Case;

static const Case cases[] = {
  /* A company name with a dot. */
  { "Trump n'a pas caché son mépris pour TikTok depuis l'acquisition de Musical.ly par ByteDance en 2017, mais un accord aurait été conclu.",
    "Trump n'a pas caché son mépris pour TikTok depuis l'acquisition de Musical.ly par ByteDance en 2017, mais un accord aurait été conclu." },
  /* Guillemets with non-breaking spaces inside a sentence. */
  { "Selon Le Wall Street Journal, Oracle a été identifié comme un « partenaire technologique de confiance » dans les négociations. Cela signifie que bien qu'il n'y ait pas de vente, Oracle aidera.",
    "Selon Le Wall Street Journal, Oracle a été identifié comme un « partenaire technologique de confiance » dans les négociations.|Cela signifie que bien qu'il n'y ait pas de vente, Oracle aidera." },
  /* A quotation closed before the period, with a bracketed gloss. */
  { "Au bout du suspense, Microsoft a confirmé. « ByteDance nous a fait savoir aujourd'hui [dimanche, donc] qu'ils ne vendront pas les opérations américaines de TikTok ». Le propriétaire chinois a rejeté la proposition.",
    "Au bout du suspense, Microsoft a confirmé.|« ByteDance nous a fait savoir aujourd'hui [dimanche, donc] qu'ils ne vendront pas les opérations américaines de TikTok ».|Le propriétaire chinois a rejeté la proposition." },
  /* Two sentences inside one quotation: the closing guillemet stays. */
  { "« L’approbation sera annoncée mardi après-midi. Oracle a confirmé lundi avoir conclu un accord. »",
    "« L’approbation sera annoncée mardi après-midi.|Oracle a confirmé lundi avoir conclu un accord. »" },
  { "« Par for the course. »", "« Par for the course. »" },
  /* A version number and a licence in a caption. */
  { "Image : Open Grid Scheduler (CC0 1.0).", "Image : Open Grid Scheduler (CC0 1.0)." },
  /* Ellipses: before a capital they end a sentence, before a number not. */
  { "Heureusement qu'Oracle (ou MS plus tôt) étaient là pour... Euh... Difficile à dire.",
    "Heureusement qu'Oracle (ou MS plus tôt) étaient là pour...|Euh...|Difficile à dire." },
  { "Le groupe de Redmond a approché Pinterest pour un rachat à hauteur de... 51 milliards de dollars.",
    "Le groupe de Redmond a approché Pinterest pour un rachat à hauteur de... 51 milliards de dollars." },
  { "TikTok dans le cloud Oracle. Personne ne l’avait imaginé et pourtant... décidément cette année 2020 nous réserve encore bien des rebondissements.",
    "TikTok dans le cloud Oracle.|Personne ne l’avait imaginé et pourtant... décidément cette année 2020 nous réserve encore bien des rebondissements." },
  { "Il a dit que l’offre était « sérieuse […] Et définitive ». Puis il est parti.",
    "Il a dit que l’offre était « sérieuse […] Et définitive ».|Puis il est parti." },
  { "[...] la suite du texte. Et ensuite.", "[...] la suite du texte.|Et ensuite." },
  /* URLs and handles. */
  { "Tiens 5 mn de recherche : https://www.zdnet.fr/actualites/face-au-gouvernement-chinois-39845350.htm",
    "Tiens 5 mn de recherche : https://www.zdnet.fr/actualites/face-au-gouvernement-chinois-39845350.htm" },
  { "Voir https://exemple.fr/page.html. Ensuite, rien.", "Voir https://exemple.fr/page.html.|Ensuite, rien." },
  { "BREAKING: Banking sources tell @FoxBusiness they believe @Microsoft could make another run at @tiktok_us if the @Oracle deal falls through. $ORCL is still pursuing the TikTok partnership.",
    "BREAKING: Banking sources tell @FoxBusiness they believe @Microsoft could make another run at @tiktok_us if the @Oracle deal falls through.|$ORCL is still pursuing the TikTok partnership." },
  /* Titles, initials, abbreviations and decimals. */
  { "M. Dupont a rencontré Mme Durand. J. R. R. Tolkien n’était pas là.",
    "M. Dupont a rencontré Mme Durand.|J. R. R. Tolkien n’était pas là." },
  { "Il est arrivé à St. Louis hier. Puis il est reparti le 15 sept. 2020 vers les U.S.A. avec Donald J. Trump.",
    "Il est arrivé à St. Louis hier.|Puis il est reparti le 15 sept. 2020 vers les U.S.A. avec Donald J. Trump." },
  { "Le taux est de 3,5 % et la version 1.0 sort en 2021. Elle est prête.",
    "Le taux est de 3,5 % et la version 1.0 sort en 2021.|Elle est prête." },
  /* French question and exclamation marks after a space; emoji. */
  { "Et si l’avenir de TikTok passait par un géant du cloud ? À l’heure où les réseaux sociaux changent, une rumeur agite le monde.",
    "Et si l’avenir de TikTok passait par un géant du cloud ?|À l’heure où les réseaux sociaux changent, une rumeur agite le monde." },
  { "Quel intérêt pour une boîte comme Oracle de se lancer dans une telle galère ?🤔",
    "Quel intérêt pour une boîte comme Oracle de se lancer dans une telle galère ?🤔" },
  { "Je comprend rien à cet intérêt mondial pour \"Tik-tok\" ?!?? Vraiment rien.",
    "Je comprend rien à cet intérêt mondial pour \"Tik-tok\" ?!??|Vraiment rien." },
  /* A straight quote after a space opens the next sentence. */
  { "Analysts said the price was fair. \"It is a good deal,\" said one.",
    "Analysts said the price was fair.|\"It is a good deal,\" said one." },
  /* A lower-case word after a period: no new sentence. */
  { "afin de maintenir TikTok en marche. les Etats Unis.", "afin de maintenir TikTok en marche. les Etats Unis." },
  /* Hard-wrapped lines inside a paragraph are spaces. */
  { "This paragraph was wrapped\nat seventy columns. It is\nstill one paragraph.",
    "This paragraph was wrapped\nat seventy columns.|It is\nstill one paragraph." },
};

static void
test_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *text = cases[i].paragraph;
      g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (DossierRange));
      g_auto(GStrv) expected = g_strsplit (cases[i].sentences, "|", -1);
      g_autoptr(GString) got = g_string_new (NULL);

      dossier_sentences_split (text, 0, strlen (text), out);

      for (guint s = 0; s < out->len; s++)
        {
          const DossierRange *r = &g_array_index (out, DossierRange, s);

          g_assert_cmpuint (r->start, <, r->end);
          g_assert_cmpuint (r->end, <=, strlen (text));
          g_assert_true (g_utf8_validate (text + r->start, r->end - r->start, NULL));
          if (s > 0)
            g_string_append_c (got, '|');
          g_string_append_len (got, text + r->start, r->end - r->start);
        }

      g_test_message ("case %u: %s", i, got->str);
      g_assert_cmpstr (got->str, ==, cases[i].sentences);
      g_assert_cmpuint (out->len, ==, g_strv_length (expected));
    }
}

/* Sentences are found inside [start, end) only, trimmed. */
static void
test_range (void)
{
  const char *text = "xx  Une phrase. Une autre.  yy";
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (DossierRange));

  dossier_sentences_split (text, 2, strlen (text) - 2, out);
  g_assert_cmpuint (out->len, ==, 2);
  g_assert_cmpuint (g_array_index (out, DossierRange, 0).start, ==, 4);
  g_assert_cmpuint (g_array_index (out, DossierRange, 0).end, ==, 15);
  g_assert_cmpuint (g_array_index (out, DossierRange, 1).start, ==, 16);
  g_assert_cmpuint (g_array_index (out, DossierRange, 1).end, ==, 26);
}

/* Odd input never reads outside the range nor loops. */
static void
test_odd_input (void)
{
  static const char * const odd[] = {
    "", ".", "...", "…", "?!", " . . . ", "a.", "A. B. C.", "«", "» .", "[...]", "(…)",
    "\xc2\xa0\xc2\xa0", "M.", "x\n\n\ny", "\"", ". \"", "1.0.", "😂. 😂",
  };
  g_autoptr(GString) long_word = g_string_new (NULL);
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (DossierRange));

  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      g_array_set_size (out, 0);
      dossier_sentences_split (odd[i], 0, strlen (odd[i]), out);
      for (guint s = 0; s < out->len; s++)
        g_assert_cmpuint (g_array_index (out, DossierRange, s).end, <=, strlen (odd[i]));
    }

  /* A dot after a very long word, and many dots. */
  for (guint i = 0; i < 10000; i++)
    g_string_append (long_word, "a.");
  g_string_append (long_word, " B.");
  g_array_set_size (out, 0);
  dossier_sentences_split (long_word->str, 0, long_word->len, out);
  g_assert_cmpuint (out->len, >=, 1);

  /* Truncated UTF-8 at the end of the range. */
  g_array_set_size (out, 0);
  dossier_sentences_split ("Fin. \xc3", 0, 6, out);
  g_assert_cmpuint (out->len, >=, 1);
  g_assert_cmpuint (g_array_index (out, DossierRange, 0).end, ==, 4);
  g_assert_cmpuint (g_array_index (out, DossierRange, out->len - 1).end, <=, 6);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sentences/cases", test_cases);
  g_test_add_func ("/sentences/range", test_range);
  g_test_add_func ("/sentences/odd-input", test_odd_input);

  return g_test_run ();
}
