/* test-article.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "dossier-article.h"
#include "dossier-date.h"
#include "test-util.h"

/* What must hold for any article: sections in order covering the text,
 * sentences in order inside body or comments, offsets inside the text. */
static void
check_invariants (const DossierArticle *article)
{
  gsize pos = 0;

  g_assert_true (g_utf8_validate (article->text, article->len, NULL));
  g_assert_cmpuint (strlen (article->text), ==, article->len);
  g_assert_null (strchr (article->text, '\r'));
  g_assert_false (g_str_has_prefix (article->text, "\xef\xbb\xbf"));

  g_assert_cmpuint (article->sections->len, >, 0);
  for (guint i = 0; i < article->sections->len; i++)
    {
      const DossierSection *s = &g_array_index (article->sections, DossierSection, i);

      g_assert_cmpuint (s->start, ==, pos);
      g_assert_cmpuint (s->end, >, s->start);
      if (i > 0)
        g_assert_cmpint (s->kind, !=, g_array_index (article->sections, DossierSection, i - 1).kind);
      pos = s->end;
    }
  g_assert_cmpuint (pos, ==, article->len);

  pos = 0;
  for (guint i = 0; i < article->sentences->len; i++)
    {
      const DossierSentence *s = &g_array_index (article->sentences, DossierSentence, i);
      DossierSectionKind kind = dossier_article_section_at (article, s->start);

      g_assert_cmpuint (s->start, >=, pos);
      g_assert_cmpuint (s->end, >, s->start);
      g_assert_cmpuint (s->end, <=, article->len);
      g_assert_true (s->section == DOSSIER_SECTION_BODY || s->section == DOSSIER_SECTION_COMMENTS);
      g_assert_cmpint (kind, !=, DOSSIER_SECTION_FURNITURE);
      g_assert_cmpint (kind == DOSSIER_SECTION_COMMENTS, ==, s->section == DOSSIER_SECTION_COMMENTS);
      g_assert_cmpint (dossier_article_section_at (article, s->end - 1), ==, kind);
      g_assert_cmpint (dossier_article_sentence_at (article, s->start), ==, (int) i);
      pos = s->end;
    }

  for (guint i = 0; i < article->paragraphs->len; i++)
    {
      const DossierRange *r = &g_array_index (article->paragraphs, DossierRange, i);

      g_assert_cmpuint (r->start, <, r->end);
      g_assert_cmpuint (r->end, <=, article->len);
    }

  for (guint i = 0; article->dates != NULL && i < article->dates->len; i++)
    {
      const DossierDateMention *m = &g_array_index (article->dates, DossierDateMention, i);

      g_assert_cmpuint (m->end, <=, article->len);
      g_assert_true (dossier_date_is_known (&m->date));
    }

  if (article->title != NULL)
    {
      g_assert_cmpuint (article->title_range.end, <=, article->len);
      g_assert_cmpint (strncmp (article->text + article->title_range.start, article->title,
                                article->title_range.end - article->title_range.start), ==, 0);
    }

  g_assert_cmpuint (article->comments.start, <=, article->comments.end);
  g_assert_cmpuint (article->comments.end, ==, article->len);
  g_assert_nonnull (article->date_source);
}

static DossierArticle *
load_fixture (const char  *name,
              GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "corpus", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  DossierArticle *article = dossier_article_new_from_file (file, NULL, error);

  if (article != NULL)
    check_invariants (article);
  return article;
}

static DossierArticle *
load_ok (const char *name)
{
  g_autoptr(GError) error = NULL;
  DossierArticle *article = load_fixture (name, &error);

  g_assert_no_error (error);
  return article;
}

static DossierArticle *
from_string (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  DossierArticle *article = dossier_article_new_from_bytes ("mem.txt", NULL, bytes, &error);

  g_assert_no_error (error);
  check_invariants (article);
  return article;
}

static char *
date_string (const DossierArticle *article)
{
  return dossier_date_to_string (&article->date);
}

/* The kind of the section holding the first occurrence of @needle. */
static void
test_latin1 (void)
{
  g_autoptr(DossierArticle) a = load_ok ("encodings/latin1.txt");
  g_autofree char *date = date_string (a);

  g_assert_cmpstr (a->encoding, ==, "ISO-8859-1");
  g_assert_cmpstr (a->title, ==, "Élections à Noël");
  g_assert_nonnull (strstr (a->text, "Le député a annoncé le 6 août 2019 que l'été serait très chaud."));
  g_assert_cmpstr (date, ==, "2019-08-06");
  g_assert_cmpstr (a->date_source, ==, "text");
  g_assert_cmpuint (a->sentences->len, ==, 3);
}

static void
test_cp1252 (void)
{
  g_autoptr(DossierArticle) a = load_ok ("encodings/cp1252.txt");
  g_autofree char *date = date_string (a);

  g_assert_cmpstr (a->encoding, ==, "WINDOWS-1252");
  g_assert_cmpstr (a->title, ==, "Le prix de l’action");
  g_assert_cmpstr (a->text, ==,
                   "Le prix de l’action\n\n“Cela coûte 5 €”, a déclaré M. Dupont… "
                   "Il a ajouté — en 2021 — que la hausse continuerait.\n");
  g_assert_cmpstr (date, ==, "2021");
  g_assert_cmpint (a->date.precision, ==, DOSSIER_DATE_PRECISION_YEAR);
}

static void
test_bom (void)
{
  g_autoptr(DossierArticle) a = load_ok ("encodings/bom.txt");
  g_autofree char *date = date_string (a);

  g_assert_cmpstr (a->encoding, ==, "UTF-8");
  g_assert_true (g_str_has_prefix (a->text, "Un titre précédé"));
  g_assert_cmpstr (a->title, ==, "Un titre précédé d’une marque");
  g_assert_cmpuint (a->title_range.start, ==, 0);
  g_assert_cmpstr (date, ==, "2018-03");
}

static void
test_line_ends (void)
{
  g_autoptr(DossierArticle) crlf = load_ok ("encodings/crlf.txt");
  g_autoptr(DossierArticle) cr = load_ok ("encodings/cr.txt");
  g_autoptr(DossierArticle) utf16 = load_ok ("encodings/utf16.txt");

  g_assert_cmpstr (crlf->text, ==,
                   "Windows line ends\n\nFirst paragraph of the story, in 2016.\n"
                   "Second paragraph, with more words to read.\n");
  g_assert_cmpstr (crlf->title, ==, "Windows line ends");
  g_assert_cmpuint (crlf->paragraphs->len, ==, 2);

  g_assert_cmpstr (cr->text, ==,
                   "Old Mac line ends\n\nOne paragraph here, written in 2001.\nAnother paragraph there.\n");
  g_assert_cmpstr (cr->title, ==, "Old Mac line ends");

  g_assert_cmpstr (utf16->encoding, ==, "UTF-16LE");
  g_assert_cmpstr (utf16->title, ==, "Texte en UTF-16");
}

/* U+0000 in UTF-16 used to cut the text short silently. */
static void
test_utf16_nul (void)
{
  static const char le[] = "\xFF\xFE" "A\0b\0\0\0c\0\n\0";
  static const char be[] = "\xFE\xFF" "\0A\0b\0\0\0c\0\n";
  const char *cases[] = { le, be };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i], sizeof le - 1);
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierArticle) a = dossier_article_new_from_bytes ("nul.txt", NULL, bytes, &error);

      g_assert_null (a);
      g_assert_error (error, DOSSIER_ARTICLE_ERROR, DOSSIER_ARTICLE_ERROR_ENCODING);
      g_assert_nonnull (strstr (error->message, "nul.txt"));
    }
}

static void
test_bad_files (void)
{
  static const struct
  {
    const char *name;
    int         code;
    const char *message_end;
  } bad[] = {
    { "bad/empty.txt", DOSSIER_ARTICLE_ERROR_EMPTY, "empty.txt” is empty" },
    { "bad/name with spaces.txt", DOSSIER_ARTICLE_ERROR_EMPTY, "name with spaces.txt” is empty" },
    { "bad/whitespace.txt", DOSSIER_ARTICLE_ERROR_EMPTY, "whitespace.txt” contains only white space" },
    { "bad/binary.txt", DOSSIER_ARTICLE_ERROR_BINARY, "binary.txt” is not a text file: it contains binary data" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierArticle) a = load_fixture (bad[i].name, &error);

      g_assert_null (a);
      g_assert_error (error, DOSSIER_ARTICLE_ERROR, bad[i].code);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, "“"));
      g_assert_true (g_str_has_suffix (error->message, bad[i].message_end));
    }
}

static void
test_damaged_utf8 (void)
{
  /* Stray Windows-1252 bytes in UTF-8 text (pasted from elsewhere): the
   * text stays UTF-8 and the stray bytes read as Windows-1252. */
  g_autoptr(DossierArticle) a = from_string ("Un été\n\nÉcrit en UTF-8, sauf \x93" "ce\x94 \xe9 égaré. Déjà vu.\n");

  g_assert_cmpstr (a->encoding, ==, "UTF-8");
  g_assert_nonnull (strstr (a->text, "sauf “ce” é égaré"));
}

static void
test_comments (void)
{
  g_autoptr(DossierArticle) a = load_ok ("structure/comments.txt");
  g_autofree char *date = date_string (a);
  static const char * const chrome[] = {
    "Menu", "By Jane Doe", "Share this article", "3 Comments", "avatar bob_the_reader", "@bob_the_reader",
    "avatar alice", "Reply", "Log in",
  };

  g_assert_cmpstr (a->title, ==, "Acme buys Widgets Inc. for $2 billion");
  g_assert_cmpstr (date, ==, "2019-03-04");
  g_assert_cmpstr (a->date_source, ==, "text");

  for (guint i = 0; i < G_N_ELEMENTS (chrome); i++)
    {
      g_test_message ("furniture: %s", chrome[i]);
      g_assert_cmpint (test_section_of (a, chrome[i]), ==, DOSSIER_SECTION_FURNITURE);
      g_assert_false (test_in_a_sentence (a, chrome[i]));
    }

  g_assert_cmpint (test_section_of (a, "Acme buys"), ==, DOSSIER_SECTION_TITLE);
  g_assert_cmpint (test_section_of (a, "Acme Corp. said"), ==, DOSSIER_SECTION_BODY);
  g_assert_cmpint (test_section_of (a, "Great news"), ==, DOSSIER_SECTION_COMMENTS);
  g_assert_cmpint (test_section_of (a, "I disagree"), ==, DOSSIER_SECTION_COMMENTS);
  g_assert_cmpuint (a->comments.start, ==, strstr (a->text, "3 Comments") - a->text);

  /* The title's sentence counts as body; the rest split on the right dots. */
  g_assert_cmpuint (a->sentences->len, ==, 7);
  g_assert_cmpint (g_array_index (a->sentences, DossierSentence, 0).section, ==, DOSSIER_SECTION_BODY);
  g_assert_cmpint (g_array_index (a->sentences, DossierSentence, 5).section, ==, DOSSIER_SECTION_COMMENTS);
}

static void
test_dated_comments (void)
{
  g_autoptr(DossierArticle) a = load_ok ("structure/dated-comments.txt");
  g_autofree char *date = date_string (a);
  static const char * const chrome[] = {
    "Publié le", "Jean-Paul 15/12/2020", "Répondre", "Marie D. 15/12/2020", "Signaler",
  };

  g_assert_cmpstr (date, ==, "2020-12-15");
  g_assert_cmpuint (a->comments.start, ==, strstr (a->text, "Jean-Paul") - a->text);
  for (guint i = 0; i < G_N_ELEMENTS (chrome); i++)
    {
      g_assert_cmpint (test_section_of (a, chrome[i]), ==, DOSSIER_SECTION_FURNITURE);
      g_assert_false (test_in_a_sentence (a, chrome[i]));
    }
  g_assert_cmpint (test_section_of (a, "Enfin une décision"), ==, DOSSIER_SECTION_COMMENTS);
  g_assert_cmpint (test_section_of (a, "Je ne suis pas"), ==, DOSSIER_SECTION_COMMENTS);
  g_assert_cmpint (test_section_of (a, "L’opposition"), ==, DOSSIER_SECTION_BODY);
}

static void
test_furniture (void)
{
  g_autoptr(DossierArticle) a = load_ok ("structure/furniture.txt");
  const char *repeat = strstr (a->text + a->title_range.end, "Le rachat de la chaîne par le groupe");
  static const char * const chrome[] = {
    "Vous lisez", "Médias Économie", "Image : Agence", "Tags", "médias\n", "rachat\n", "Marie Martin\n",
    "Rédigé par", "Marie Martin, journaliste", "Accessibilité",
  };

  g_assert_cmpstr (a->title, ==, "Le rachat de la chaîne par le groupe");
  g_assert_nonnull (repeat);
  g_assert_cmpint (dossier_article_section_at (a, repeat - a->text), ==, DOSSIER_SECTION_FURNITURE);

  for (guint i = 0; i < G_N_ELEMENTS (chrome); i++)
    {
      g_test_message ("furniture: %s", chrome[i]);
      g_assert_cmpint (test_section_of (a, chrome[i]), ==, DOSSIER_SECTION_FURNITURE);
    }
  g_assert_cmpint (test_section_of (a, "Le groupe a confirmé"), ==, DOSSIER_SECTION_BODY);
  g_assert_cmpint (test_section_of (a, "Selon le quotidien"), ==, DOSSIER_SECTION_BODY);
  g_assert_cmpuint (a->sentences->len, ==, 4);
  g_assert_cmpuint (a->comments.start, ==, a->len);
}

static void
test_dateline (void)
{
  g_autoptr(DossierArticle) a = load_ok ("structure/dateline.txt");
  g_autofree char *date = date_string (a);
  g_autofree char *evidence = g_strndup (a->text + a->date_evidence.start,
                                         a->date_evidence.end - a->date_evidence.start);
  const char *lundi = strstr (a->text, "lundi");
  const char *production = strstr (a->text, "production.");
  DossierDate event = dossier_article_date_for_range (a, lundi - 20 - a->text, production - a->text);
  g_autofree char *event_str = dossier_date_to_string (&event);

  g_assert_cmpstr (date, ==, "2022-03-03");
  g_assert_cmpint (a->date.precision, ==, DOSSIER_DATE_PRECISION_DAY);
  g_assert_cmpstr (evidence, ==, "3 mars 2022");
  g_assert_cmpint (test_section_of (a, "Publié le"), ==, DOSSIER_SECTION_FURNITURE);
  /* The event date of the sentence: the Monday before. */
  g_assert_cmpstr (event_str, ==, "2022-02-28");
}

/* Bodies that talk of several years, none of them the article's date. */
#define BODY_FR "Le groupe, fondé en 2015, avait déjà tenté un rapprochement le 3 janvier 2018, " \
                "puis en 2021, sans succès. Les deux sociétés, qui discutent depuis 2017, ont confirmé " \
                "que les négociations se poursuivraient dans les prochaines semaines malgré l'opposition " \
                "des syndicats.\n"
#define BODY_EN "The company, founded in 2015, had already tried a merger on January 3, 2018 and " \
                "again in 2021, without success. The two groups, in talks since 2017, said the " \
                "negotiations would go on in the coming weeks despite opposition from the unions " \
                "and the government.\n"

typedef struct
{
  const char *text;
  const char *date;  /* NULL: none */
} DatelineCase;

/* One row per form of dateline; each wins over the body's dates. */
static const DatelineCase dateline_cases[] = {
  { "Le rachat échoue\nLe 14/03/2019 à 14h30\n\n" BODY_FR, "2019-03-14" },
  { "Le rachat échoue\n14 mars 2019\n\n" BODY_FR, "2019-03-14" },
  { "Le rachat échoue\n1er mars 2019\n\n" BODY_FR, "2019-03-01" },
  { "Le rachat échoue\n03.03.2019\n\n" BODY_FR, "2019-03-03" },
  { "Le rachat échoue\n2019-03-03\n\n" BODY_FR, "2019-03-03" },
  { "Le rachat échoue\nPublié le 14 mars 2019 à 10h32\n\n" BODY_FR, "2019-03-14" },
  { "Le rachat échoue\nPublié le 1er mars 2019 à 07h00, mis à jour le 2 mars 2019 à 08h00\n\n" BODY_FR,
    "2019-03-01" },
  { "Le rachat échoue\nMis à jour le 2 mars 2019 à 08:00\n\n" BODY_FR, "2019-03-02" },
  { "Le rachat échoue\nLe Monde avec AFP Publié le 14/03/19 à 10h32 - Mis à jour le 15/03/19 à 12h00\n\n" BODY_FR,
    "2019-03-14" },
  { "Le rachat échoue\nlundi 4 mars 2019\n\n" BODY_FR, "2019-03-04" },
  { "Le rachat échoue\nDate de publication : 14/03/2019 - Dernière mise à jour : 16/03/2019\n\n" BODY_FR,
    "2019-03-14" },
  { "Le rachat échoue\nDernière mise à jour : 16/03/2019\n\n" BODY_FR, "2019-03-16" },
  { "Le rachat échoue\nPar Jean Dupont, le 14/03/2019 à 14h30\n\n" BODY_FR, "2019-03-14" },
  { "Le rachat échoue\n\n" BODY_FR "Publié le 14 mars 2019\n", "2019-03-14" },
  { "Le rachat échoue\n\nPARIS, 3 mars 2019 (AFP) - " BODY_FR, "2019-03-03" },
  /* A year-less agency dateline: on or after the dates of the text. */
  { "Le rachat échoue\n\nPARIS, 30 septembre (Reuters) - Le groupe a relevé mercredi son offre, "
    "après celle de juillet 2020 que le conseil avait jugée insuffisante au regard de la valeur "
    "des actifs, des synergies attendues et des engagements sociaux pris lors de la fusion.\n", "2020-09-30" },
  { "Deal collapses\nMar 3, 2021\n\n" BODY_EN, "2021-03-03" },
  { "Deal collapses\nMarch 3, 2021 10:45 AM ET\n\n" BODY_EN, "2021-03-03" },
  { "Deal collapses\n3 March 2021\n\n" BODY_EN, "2021-03-03" },
  { "Deal collapses\nPublished 3 March 2021\n\n" BODY_EN, "2021-03-03" },
  { "Deal collapses\nUpdated March 3, 2021 at 10:45 a.m. ET\n\n" BODY_EN, "2021-03-03" },
  { "Deal collapses\nBy Jane Doe | Mar 3, 2021\n\n" BODY_EN, "2021-03-03" },
  { "Deal collapses\n2021-03-03T10:45:00Z\n\n" BODY_EN, "2021-03-03" },
  { "Deal collapses\nWed 3 Mar 2021 10.45 GMT\n\n" BODY_EN, "2021-03-03" },
  { "Deal collapses\nPublished 10:45 AM EST, March 3rd, 2021\n\n" BODY_EN, "2021-03-03" },
  { "Deal collapses\nThursday 4 March 2021 10:45\nLast modified on Fri 5 Mar 2021 12.00 GMT\n\n" BODY_EN,
    "2021-03-04" },
  { "Deal collapses\n\n" BODY_EN "This content was published on March 3, 2021\n", "2021-03-03" },
  { "Deal collapses\n\nLONDON, March 3 (Reuters) - " BODY_EN, "2021-03-03" },
  /* "03/04/2021": the 4th of March in English, the 3rd of April in French,
   * unless an unambiguous date of the text says otherwise. */
  { "Deal collapses\n03/04/2021\n\n" BODY_EN, "2021-03-04" },
  { "Le rachat échoue\n03/04/2021\n\n" BODY_FR, "2021-04-03" },
  { "Deal collapses\n03/04/2021\n\n" BODY_EN "The offer of 25/03/2021 stands.\n", "2021-04-03" },
  /* Not datelines: a date inside a sentence of the body; the latest one
   * reported as past decides, as without any dateline. */
  { "Le rachat échoue\n\nLe rapport, qui a fait grand bruit dans le secteur et au-delà, avait été "
    "rendu public et commenté par les syndicats, les élus et les concurrents du groupe, qui en "
    "contestaient les chiffres. Il a été publié le 6 août 2020.\n"
    "Le 3 septembre 2020, le groupe a répondu.\n", "2020-09-03" },
  { "Le rachat échoue\n\n" BODY_FR, "2021" },
};

static void
test_dateline_forms (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (dateline_cases); i++)
    {
      g_autoptr(DossierArticle) a = from_string (dateline_cases[i].text);
      g_autofree char *date = date_string (a);

      g_test_message ("dateline %u: %s", i, date);
      g_assert_cmpstr (date, ==, dateline_cases[i].date);
    }
}

static void
test_rubric (void)
{
  g_autoptr(DossierArticle) a = load_ok ("structure/rubric.txt");
  g_autofree char *date = date_string (a);

  /* A one-word rubric is not the headline; an English dateline dates it. */
  g_assert_cmpstr (a->title, ==, "Le rachat de la chaîne par le groupe voisin");
  g_assert_cmpint (test_section_of (a, "Économie"), ==, DOSSIER_SECTION_FURNITURE);
  g_assert_cmpint (test_section_of (a, "Published:"), ==, DOSSIER_SECTION_FURNITURE);
  g_assert_cmpstr (date, ==, "2021-03-03");
  g_assert_cmpstr (a->date_source, ==, "text");
}

static void
test_wrapped (void)
{
  g_autoptr(DossierArticle) a = load_ok ("structure/wrapped.txt");
  const DossierRange *p;

  g_assert_cmpstr (a->title, ==, "A hard-wrapped story");
  g_assert_cmpuint (a->paragraphs->len, ==, 2);
  p = &g_array_index (a->paragraphs, DossierRange, 0);
  g_assert_true (g_str_has_prefix (a->text + p->start, "This paragraph was wrapped"));
  g_assert_true (g_str_has_prefix (a->text + p->end - strlen ("one paragraph."), "one paragraph."));
  /* Title, then 2 + 2 sentences. */
  g_assert_cmpuint (a->sentences->len, ==, 5);
}

static void
test_no_title (void)
{
  /* A lede paragraph first: no headline (seed 003). */
  g_autoptr(DossierArticle) a = from_string (
    "Et si l’avenir de TikTok passait par un géant du cloud ? Une rumeur agite le monde des affaires.\n"
    "TikTok sous pression : un ultimatum\n"
    "TikTok se trouve aujourd’hui à un tournant critique.\n");

  g_assert_null (a->title);
  g_assert_cmpint (test_section_of (a, "TikTok sous pression"), ==, DOSSIER_SECTION_BODY);
  g_assert_cmpuint (a->sentences->len, ==, 4);
}

static void
test_set_date_and_title (void)
{
  g_autoptr(DossierArticle) a = from_string (
    "Un titre\n\nOracle a confirmé lundi avoir conclu un accord, publié le 6 août.\n");
  DossierDate date;
  DossierDate event;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize start = strstr (a->text, "Oracle") - a->text;

  g_assert_cmpstr (a->date_source, ==, "none");
  g_assert_cmpuint (a->dates->len, ==, 0);
  event = dossier_article_date_for_range (a, start, a->len);
  g_assert_false (dossier_date_is_known (&event));

  g_assert_true (dossier_date_parse_iso ("2020-09-15", &date));
  dossier_article_set_date (a, &date, "manifest");
  g_assert_cmpstr (a->date_source, ==, "manifest");
  g_assert_cmpuint (a->dates->len, ==, 2);
  event = dossier_article_date_for_range (a, start, a->len);
  after = dossier_date_to_string (&event);
  g_assert_cmpstr (after, ==, "2020-09-14");

  dossier_article_set_title (a, NULL);
  g_assert_null (a->title);
  g_assert_cmpint (test_section_of (a, "Un titre"), ==, DOSSIER_SECTION_BODY);
  check_invariants (a);
}

/* Random and hostile bytes: an error or a well-formed article, never a
 * crash or a read out of bounds (run under ASan to see). */
static void
test_fuzz (void)
{
  static const char * const pieces[] = {
    "\n", "\r", "\r\n", " ", "\xc2\xa0", ".", "...", "…", "«", "»", "|", "@x", "avatar a |",
    "Vos commentaires", "Tags", "Menu", "Rédigé par", "lundi", "6 août", "2020", "en 2019",
    "February 19, 2021", "M.", "é", "\xe9", "\xff", "\x01", "Titre", "Une phrase complète ici.",
    "mi-", "jusqu'à", "Septembre 15th", "14/09/2020", "\xef\xbb\xbf", "😂",
  };
  GRand *rand = g_rand_new_with_seed (42);

  for (guint round = 0; round < 400; round++)
    {
      g_autoptr(GString) s = g_string_new (NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierArticle) a = NULL;
      guint n = g_rand_int_range (rand, 0, 60);

      for (guint i = 0; i < n; i++)
        g_string_append (s, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);

      bytes = g_bytes_new (s->str, s->len);
      a = dossier_article_new_from_bytes ("fuzz.txt", NULL, bytes, &error);
      if (a == NULL)
        g_assert_nonnull (error);
      else
        check_invariants (a);
    }

  g_rand_free (rand);
}

/* A big file loads in linear time; no timing asserted, only that it ends. */
static void
test_large (void)
{
  g_autoptr(GString) s = g_string_new ("Un gros fichier\n\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierArticle) a = NULL;
  gint64 t0;

  while (s->len < 4 * 1024 * 1024)
    g_string_append (s, "Microsoft s'est retiré dimanche, M. Dupont l'a dit le 6 août 2020. "
                        "Oracle a confirmé lundi... Et ensuite ? « Rien. »\n");
  /* And one endless line without any punctuation. */
  for (guint i = 0; i < 200000; i++)
    g_string_append (s, "mot ");

  bytes = g_bytes_new (s->str, s->len);
  t0 = g_get_monotonic_time ();
  a = dossier_article_new_from_bytes ("big.txt", NULL, bytes, &error);
  g_assert_no_error (error);
  g_test_message ("%.1f MB read in %.2f s", s->len / 1048576.0,
                  (g_get_monotonic_time () - t0) / (double) G_USEC_PER_SEC);
  g_assert_cmpuint (a->sentences->len, >, 50000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/article/latin1", test_latin1);
  g_test_add_func ("/article/cp1252", test_cp1252);
  g_test_add_func ("/article/bom", test_bom);
  g_test_add_func ("/article/line-ends", test_line_ends);
  g_test_add_func ("/article/bad-files", test_bad_files);
  g_test_add_func ("/article/damaged-utf8", test_damaged_utf8);
  g_test_add_func ("/article/comments", test_comments);
  g_test_add_func ("/article/dated-comments", test_dated_comments);
  g_test_add_func ("/article/furniture", test_furniture);
  g_test_add_func ("/article/dateline", test_dateline);
  g_test_add_func ("/article/dateline-forms", test_dateline_forms);
  g_test_add_func ("/article/rubric", test_rubric);
  g_test_add_func ("/article/wrapped", test_wrapped);
  g_test_add_func ("/article/no-title", test_no_title);
  g_test_add_func ("/article/set-date-and-title", test_set_date_and_title);
  g_test_add_func ("/article/fuzz", test_fuzz);
  g_test_add_func ("/article/large", test_large);
  g_test_add_func ("/article/utf16-nul", test_utf16_nul);

  return g_test_run ();
}
