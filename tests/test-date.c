/* test-date.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "dossier-date.h"

static DossierDate
iso (const char *str)
{
  DossierDate d = { 0 };

  g_assert_true (dossier_date_parse_iso (str, &d));
  return d;
}

static void
test_iso (void)
{
  static const char * const good[] = { "2020", "2020-09", "2020-09-14", "2020-02-29" };
  static const char * const bad[] = { "", "20", "2020-13", "2021-02-29", "2020-9-14", "2020-09-14x", "abcd", "2020-00" };
  DossierDate d = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *str = NULL;

      d = iso (good[i]);
      str = dossier_date_to_string (&d);
      g_assert_cmpstr (str, ==, good[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (dossier_date_parse_iso (bad[i], &d));

  d = iso ("2020-09");
  g_assert_cmpint (d.precision, ==, DOSSIER_DATE_PRECISION_MONTH);
  g_assert_cmpint (d.day, ==, 0);
}

/* The digits written by hand are those printf writes, out of range too. */
static void
test_write_iso (void)
{
  static const DossierDate dates[] = {
    { 2020, 9, 14, DOSSIER_DATE_PRECISION_DAY }, { 7, 1, 2, DOSSIER_DATE_PRECISION_DAY },
    { 1999, 12, 0, DOSSIER_DATE_PRECISION_MONTH }, { 0, 0, 0, DOSSIER_DATE_PRECISION_YEAR },
    { 12345, 255, 100, DOSSIER_DATE_PRECISION_DAY }, { -42, 3, 4, DOSSIER_DATE_PRECISION_DAY },
    { -32768, 255, 255, DOSSIER_DATE_PRECISION_DAY },
  };
  DossierDate none = { 0 };
  char buf[DOSSIER_DATE_ISO_SIZE];

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      const DossierDate *d = &dates[i];
      g_autofree char *expected =
        d->precision == DOSSIER_DATE_PRECISION_YEAR ? g_strdup_printf ("%04d", d->year)
        : d->precision == DOSSIER_DATE_PRECISION_MONTH ? g_strdup_printf ("%04d-%02d", d->year, d->month)
        : g_strdup_printf ("%04d-%02d-%02d", d->year, d->month, d->day);

      g_assert_true (dossier_date_write_iso (d, buf));
      g_assert_cmpstr (buf, ==, expected);
    }
  g_assert_false (dossier_date_write_iso (&none, buf));
  g_assert_null (dossier_date_to_string (&none));
}

static void
test_compare_and_days (void)
{
  DossierDate a = iso ("2020"), b = iso ("2020-09"), c = iso ("2020-09-14"), none = { 0 };
  DossierDate next;
  g_autofree char *str = NULL;

  g_assert_cmpint (dossier_date_compare (&a, &b), <, 0);
  g_assert_cmpint (dossier_date_compare (&b, &c), <, 0);
  g_assert_cmpint (dossier_date_compare (&none, &a), <, 0);
  g_assert_cmpint (dossier_date_compare (&c, &c), ==, 0);

  next = dossier_date_add_days (&c, 18);
  str = dossier_date_to_string (&next);
  g_assert_cmpstr (str, ==, "2020-10-02");
  next = dossier_date_add_days (&c, -14);
  g_clear_pointer (&str, g_free);
  str = dossier_date_to_string (&next);
  g_assert_cmpstr (str, ==, "2020-08-31");
}

/* Scans @text and returns "expression=date" pairs joined by "|". */
static char *
scan (const char *text,
      const char *anchor)
{
  DossierDate a = { 0 };
  g_autoptr(GArray) mentions = NULL;
  GString *out = g_string_new (NULL);

  if (anchor != NULL)
    a = iso (anchor);
  mentions = dossier_date_scan (text, strlen (text), &a);

  for (guint i = 0; i < mentions->len; i++)
    {
      const DossierDateMention *m = &g_array_index (mentions, DossierDateMention, i);
      g_autofree char *d = dossier_date_to_string (&m->date);

      g_assert_cmpuint (m->start, <, m->end);
      g_assert_cmpuint (m->end, <=, strlen (text));
      if (i > 0)
        {
          g_assert_cmpuint (m->start, >=, g_array_index (mentions, DossierDateMention, i - 1).end);
          g_string_append_c (out, '|');
        }
      g_string_append_printf (out, "%.*s=%s", (int) (m->end - m->start), text + m->start, d);
    }

  return g_string_free (out, FALSE);
}

typedef struct
{
  const char *text;
  const char *anchor;
  const char *expected;
} ScanCase;

static const ScanCase scan_cases[] = {
  /* Full dates need no anchor. */
  { "Dans l’EO, publié le 6 août 2020, la Maison Blanche a agi.", NULL, "6 août 2020=2020-08-06" },
  { "— Charles Gasparino (@CGasparino) February 19, 2021", NULL, "February 19, 2021=2021-02-19" },
  { "Le 1er août 2020 et le 2020-09-14, puis le 14/09/2020.", NULL,
    "1er août 2020=2020-08-01|2020-09-14=2020-09-14|14/09/2020=2020-09-14" },
  { "D’ici avril 2025, ByteDance doit céder. Depuis 2022, TikTok stocke ses données.", NULL,
    "avril 2025=2025-04|2022=2022" },
  { "l'acquisition de Musical.ly par ByteDance en 2017, et en 1983-4 chez IBM", NULL, "2017=2017|1983=1983" },
  { "On Monday, March 4, 2019, Acme said so.", NULL, "Monday, March 4, 2019=2019-03-04" },
  /* Not dates. */
  { "La planète Mars est rouge. Il y a sept ans, plus de 2000 personnes et 100 millions d'euros. COVID-19. Version 1.0. It may rain.",
    NULL, "" },
  { "Le 15 sept. 2020 à 17 h.", NULL, "15 sept. 2020=2020-09-15" },
  /* Capitalised abbreviations without their period, next to a day or a year. */
  { "Posted Mar 3, 2021; on 3 Dec 2023 and Sept 3, 2019.", NULL,
    "Mar 3, 2021=2021-03-03|3 Dec 2023=2023-12-03|Sept 3, 2019=2019-09-03" },
  { "Jan Koum left. Mar a Lago. Il a sept ans. Dec 2020 was cold.", NULL, "Dec 2020=2020-12" },
  { "Filed 2021-03-03T10:45:00Z.", NULL, "2021-03-03=2021-03-03" },
  /* Two-digit years only as dd/mm/yy with slashes. */
  { "Publié le 14/03/19 à 10h. Version 1.2.19, score 3/4/19.", NULL, "14/03/19=2019-03-14" },
  /* Numeric dates valid both ways: the order of the text's language... */
  { "The board met on 03/04/2021 and said that it was over.", NULL, "03/04/2021=2021-03-04" },
  { "Le conseil s'est réuni le 03/04/2021 et il a dit que c'était fini.", NULL, "03/04/2021=2021-04-03" },
  /* ...unless an unambiguous one shows the other. */
  { "The board met on 03/04/2021, then on 25/04/2021.", NULL, "03/04/2021=2021-04-03|25/04/2021=2021-04-25" },
  /* Without an anchor, year-less dates and weekdays are left out. */
  { "Oracle a confirmé lundi, le 6 août.", NULL, "" },
  /* Year-less dates before the anchor when past, after it when future. */
  { "L’EO, publié le 6 août. Comme Trump l’a noté en juillet. Il a signé en décembre.", "2020-09-15",
    "6 août=2020-08-06|juillet=2020-07|décembre=2019-12" },
  { "Le président donnant à ByteDance jusqu'à Septembre 15th Pour trouver un acheteur.", "2020-09-14",
    "Septembre 15th=2020-09-15" },
  { "La décision est attendue jusqu’au 10 janvier.", "2020-09-14", "10 janvier=2021-01-10" },
  { "Depuis la mi-août, Oracle était dans la course.", "2020-09-14", "mi-août=2020-08" },
  /* Weekdays against a day: past before it, future from it. */
  { "L’approbation sera annoncée mardi après-midi. Oracle a confirmé lundi avoir conclu un accord.", "2020-09-15",
    "mardi=2020-09-15|lundi=2020-09-14" },
  { "Microsoft s'est retiré dimanche de tout intérêt.", "2020-09-14", "dimanche=2020-09-13" },
  { "Il viendra lundi prochain, pas lundi dernier.", "2020-09-16", "lundi=2020-09-21|lundi=2020-09-14" },
  { "Il viendra dimanche 13 septembre.", "2020-09-10", "dimanche 13 septembre=2020-09-13" },
  /* A day-less weekday needs a day anchor. */
  { "Oracle a confirmé lundi.", "2020-09", "" },
  /* Relative to the article's date, at the unit's precision. */
  { "Hier, Oracle a signé ; avant-hier, rien. Le mois dernier, TikTok. L’an dernier et l’année dernière aussi.",
    "2020-09-14",
    "Hier=2020-09-13|avant-hier=2020-09-12|mois dernier=2020-08|an dernier=2019|année dernière=2019" },
  { "Il y a trois ans, ByteDance rachetait Musical.ly ; il y a 10 jours, rien ; il y a deux mois, tout.", "2020-01-05",
    "Il y a trois ans=2017|il y a 10 jours=2019-12-26|il y a deux mois=2019-11" },
  { "Yesterday Oracle said so; three years ago, last month and last year too.", "2021-03-01",
    "Yesterday=2021-02-28|three years ago=2018|last month=2021-02|last year=2020" },
  /* Not without a precise enough anchor, and not "il y a" without a count. */
  { "Hier, le mois dernier.", "2020", "" },
  { "Il y a des raisons. Il y a quelques jours. Les années dernières. Last week.", "2020-09-14", "" },
};

static void
test_scan (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (scan_cases); i++)
    {
      g_autofree char *got = scan (scan_cases[i].text, scan_cases[i].anchor);

      g_test_message ("scan %u: %s", i, got);
      g_assert_cmpstr (got, ==, scan_cases[i].expected);
    }
}

typedef struct
{
  const char *text;
  const char *date;       /* NULL: no date */
  const char *evidence;
} InferCase;

static const InferCase infer_cases[] = {
  /* Seed 000: the Sunday before the coming deadline, written the day after. */
  { "Trump n'a pas caché son mépris pour TikTok depuis l'acquisition de Musical.ly par ByteDance en 2017. "
    "Le président donnant à ByteDance jusqu'à Septembre 15th Pour trouver un acheteur. "
    "Microsoft s'est retiré dimanche de tout intérêt. Oracle veut devenir un client majeur en 2020. "
    "Une collecte de fonds pour la campagne de réélection de Trump en février.",
    "2020-09-14", "dimanche" },
  /* Seed 003: only a deadline said to be near gives the year. */
  { "D’ici avril 2025, ByteDance doit céder ses parts. Depuis 2022, TikTok stocke ses données chez Oracle. "
    "Alors que la date butoir d’avril 2025 approche, plusieurs scénarios se dessinent.",
    "2025", "avril 2025" },
  /* Seed 004: the one full date; "En août" is the August before it. */
  { "BREAKING: sources tell @FoxBusiness.\n— Charles Gasparino (@CGasparino) February 19, 2021\n"
    "En août, Donald Trump avait signé un décret.",
    "2021-02-19", "February 19, 2021" },
  /* The latest past date wins, at its precision. */
  { "En 2019, la société a été fondée. En mars 2021, elle a levé des fonds.", "2021-03", "mars 2021" },
  { "Rien de daté ici, sinon lundi.", NULL, NULL },
  /* A dateline wins over every year of the body, before or after it. */
  { "Le rachat échoue\nPublié le 14/03/2019 à 14h30\nFondé en 2015, le groupe a échoué en 2021 et en 2018.",
    "2019-03-14", "14/03/2019" },
  { "Deal collapses\nMarch 3, 2021 10:45 AM ET\nIn 2015 and in 2022 the group tried.", "2021-03-03", "March 3, 2021" },
  { "Deal collapses\nWASHINGTON, March 3 (Reuters) - In 2015 and in 2019 the group tried.", "2019-03-03", "March 3" },
  { "Deal collapses\nUpdated March 4, 2021\nPublished March 3, 2021\nIn 2015 it tried.", "2021-03-03", "March 3, 2021" },
  { "Une échéance d’ici 2030, sans plus.", NULL, NULL },
  /* A weekday the text reports comes on or after its latest full date. */
  { "Le ministre parle à la presse, le 22 septembre 2024\n\nLe chancelier s'est opposé lundi au rachat.",
    "2024-09-23", "lundi" },
  /* ... unless that date has a weekday of its own: "jeudi" is the one before. */
  { "Opella a annoncé ce dimanche 20 octobre 2024 son choix. Ce jeudi, le rival a soumis une offre.",
    "2024-10-20", "dimanche 20 octobre 2024" },
};

static void
test_infer (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (infer_cases); i++)
    {
      const InferCase *c = &infer_cases[i];
      DossierDate d = { 0 };
      DossierRange ev = { 0, 0 };
      gboolean found = dossier_date_infer (c->text, strlen (c->text), NULL, &d, &ev);

      g_test_message ("infer %u", i);
      if (c->date == NULL)
        {
          g_assert_false (found);
          continue;
        }

      g_assert_true (found);
      {
        g_autofree char *str = dossier_date_to_string (&d);
        g_autofree char *evidence = g_strndup (c->text + ev.start, ev.end - ev.start);

        g_assert_cmpstr (str, ==, c->date);
        g_assert_cmpstr (evidence, ==, c->evidence);
      }
    }
}

/* Comments only lend the year; furniture only counts as a dateline. */
static void
test_infer_sections (void)
{
  const char *text = "Oracle était dans la course depuis la mi-août.\n"
                     "Publié le 3 mars 2022\n"
                     "cette année 2020 nous réserve des surprises, et en 2024 aussi.\n";
  gsize furniture_start = strstr (text, "Publié") - text;
  gsize comments_start = strstr (text, "cette") - text;
  g_autoptr(GArray) sections = g_array_new (FALSE, FALSE, sizeof (DossierSection));
  DossierDate d = { 0 };
  DossierRange ev;
  g_autofree char *str = NULL;

  g_array_append_val (sections, ((DossierSection) { 0, furniture_start, DOSSIER_SECTION_BODY }));
  g_array_append_val (sections, ((DossierSection) { furniture_start, comments_start, DOSSIER_SECTION_FURNITURE }));
  g_array_append_val (sections, ((DossierSection) { comments_start, strlen (text), DOSSIER_SECTION_COMMENTS }));

  /* The dateline decides. */
  g_assert_true (dossier_date_infer (text, strlen (text), sections, &d, &ev));
  str = dossier_date_to_string (&d);
  g_assert_cmpstr (str, ==, "2022-03-03");

  /* Without it, the body's "mi-août" takes the comments' latest year. */
  g_array_index (sections, DossierSection, 1).kind = DOSSIER_SECTION_BODY;
  g_array_index (sections, DossierSection, 0).end = strstr (text, "Publié") - text;
  {
    const char *text2 = "Oracle était dans la course depuis la mi-août.\n"
                        "cette année 2020 nous réserve des surprises, et en 2019 aussi.\n";
    gsize cstart = strstr (text2, "cette") - text2;
    g_autoptr(GArray) sections2 = g_array_new (FALSE, FALSE, sizeof (DossierSection));
    g_autofree char *str2 = NULL;

    g_array_append_val (sections2, ((DossierSection) { 0, cstart, DOSSIER_SECTION_BODY }));
    g_array_append_val (sections2, ((DossierSection) { cstart, strlen (text2), DOSSIER_SECTION_COMMENTS }));
    g_assert_true (dossier_date_infer (text2, strlen (text2), sections2, &d, &ev));
    str2 = dossier_date_to_string (&d);
    g_assert_cmpstr (str2, ==, "2020-08");
  }
}

static void
test_odd_input (void)
{
  static const char * const odd[] = {
    "", "1", "2020", "août", "le 31 février", "February 30, 2021", "99/99/2020", "12/31/2020",
    "lundi", "2020-", "2020-09-", "\xc3", "mi-", "le 1er", "Sept.", "depuis",
  };
  DossierDate anchor = iso ("2020-09-14");

  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      g_autoptr(GArray) a = dossier_date_scan (odd[i], strlen (odd[i]), &anchor);
      DossierDate d;
      DossierRange ev;

      for (guint m = 0; m < a->len; m++)
        g_assert_cmpuint (g_array_index (a, DossierDateMention, m).end, <=, strlen (odd[i]));
      dossier_date_infer (odd[i], strlen (odd[i]), NULL, &d, &ev);
    }

  /* Month first when only that makes sense. */
  {
    g_autofree char *got = scan ("le 12/31/2020", NULL);
    g_assert_cmpstr (got, ==, "12/31/2020=2020-12-31");
  }
  {
    g_autofree char *got = scan ("le 31 février et February 30, 2021", NULL);
    g_assert_cmpstr (got, ==, "");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/date/iso", test_iso);
  g_test_add_func ("/date/write-iso", test_write_iso);
  g_test_add_func ("/date/compare-and-days", test_compare_and_days);
  g_test_add_func ("/date/scan", test_scan);
  g_test_add_func ("/date/infer", test_infer);
  g_test_add_func ("/date/infer-sections", test_infer_sections);
  g_test_add_func ("/date/odd-input", test_odd_input);

  return g_test_run ();
}
