/* test-frames.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One row per construction: a sentence, in French or English, and the
 * relation it must give (or must not give).  The actors are invented, so
 * that the names come from the text (legal forms, titles, repetition), not
 * from the gazetteer. */

#include "config.h"

#include <string.h>

#include "dossier-corpus.h"
#include "dossier-dictionary.h"
#include "dossier-extractor.h"
#include "test-util.h"

#define FR "Vandelle SA, Orbanis SA et Kestrel SA sont des sociétés. M. Paul Garnier est un dirigeant.\n\n"
#define EN "Vandelle Inc. and Orbanis Inc. are companies. Mr. Paul Garnier is an executive.\n\n"

/* The relation every sentence of @texts must give (or must not give). */
typedef struct
{
  const char *source;
  const char *type;
  const char *target;
  guint       flags;      /* DossierEvidenceFlags the evidence must carry */
  const char *texts[16];  /* NULL-terminated */
} FrameRow;

static const FrameRow frames[] = {
  /* acquires */
  { "Vandelle", "acquires", "Orbanis", 0, {
      FR "Vandelle rachète Orbanis.",
      FR "Orbanis est rachetée par Vandelle.",
      FR "Le rachat d'Orbanis par Vandelle est bouclé.",
      FR "La vente d'Orbanis à Vandelle a été annoncée.",
      FR "L'offre de Vandelle sur Orbanis a été rejetée.",
      EN "Vandelle agreed to buy Orbanis.",
      EN "Orbanis was acquired by Vandelle.",
      EN "Regulators approved the takeover by Vandelle of Orbanis.",
      EN "Vandelle's offer for Orbanis was rejected.",
      FR "La cession par Kestrel d'Orbanis à Vandelle est signée.",
      EN "Vandelle's takeover bid for Orbanis was approved.",
      FR "Vandelle va bien. Il a racheté Orbanis en mai.",
      FR "Après avoir mis la main sur Kestrel, Vandelle s'intéresse à Orbanis.",
      FR "Vandelle veut entrer au capital d'Orbanis.",
      /* the deal its opponent fights */
      FR "Paul Garnier s'est opposé lundi à une prise de contrôle d'une des grandes banques, Orbanis, par l'italienne Vandelle.",
      NULL } },
  /* negated and hedged evidence */
  { "Vandelle", "acquires", "Orbanis", DOSSIER_EVIDENCE_NEGATED, {
      FR "Vandelle n'a pas racheté Orbanis.",
      EN "Vandelle did not buy Orbanis.",
      NULL } },
  { "Vandelle", "acquires", "Orbanis", DOSSIER_EVIDENCE_HYPOTHETICAL, {
      FR "Vandelle pourrait racheter Orbanis.",
      NULL } },
  /* negotiates */
  { "Vandelle", "negotiates", "Orbanis", 0, {
      FR "Les discussions entre Vandelle et Orbanis ont repris.",
      EN "Talks between Vandelle and Orbanis resumed.",
      NULL } },
  /* owns */
  { "Vandelle", "owns", "Orbanis", 0, {
      FR "Orbanis, filiale de Vandelle, recrute.",
      EN "Orbanis, a subsidiary of Vandelle, is hiring.",
      FR "Orbanis reste au sein du groupe contrôlé par Vandelle.",
      FR "Vandelle a choisi de se séparer d'Orbanis, sa filiale.",
      FR "Vandelle est montée lundi à près de 21 % du capital d'Orbanis.",
      EN "Vandelle's stake in Orbanis was sold.",
      NULL } },
  /* leads */
  { "Paul Garnier", "leads", "Vandelle", 0, {
      FR "Paul Garnier, le PDG de Vandelle, a parlé.",
      FR "Vandelle va mal. Paul Garnier, le PDG du groupe, a parlé.",
      EN "Vandelle chief executive Paul Garnier spoke.",
      EN "Vandelle Chair and CEO Paul Garnier spoke.",
      NULL } },
  { "Agence des participations de l'État", "owns", "Orbanis", 0, {
      FR "L'Agence des participations de l'État (APE) est actionnaire à 23 % d'Orbanis. Selon l'APE, tout va bien.",
      NULL } },
  { "Hubert Quellec", "leads", "Canadian government", 0, {
      FR "Le Canada hésite. Hubert Quellec, ministre canadien des Finances, a parlé.",
      NULL } },
  { "Orbanis", "negotiates", "Vandelle", 0, {
      FR "Orbanis et Vandelle ne sont pas parvenus à trouver un accord.",
      FR "Orbanis et Vandelle ne sont pas parvenus à trouver un accord sur la vente de Kestrel.",
      NULL } },
  { "French government", "owns", "Orbanis", 0, {
      FR "Paul Garnier a critiqué l'intervention de l'État. L'État, actionnaire à 23 % d'Orbanis, se tait.",
      NULL } },
  { "Kestrel", "supports", "Orbanis", 0, {
      FR "Le gouvernement de Vandelle? Non. Kestrel « soutient la stratégie d'Orbanis », dit-on.",
      NULL } },
  { "European Commission", "regulates", "Vandelle", 0, {
      EN "Regulators were probing the deal, including the European Commission and the Competition and Markets Authority.",
      NULL } },
  { "Federal Trade Commission", "regulates", "Vandelle", 0, {
      EN "Regulators were probing the deal, including the European Commission, the Competition and Markets Authority in the United Kingdom, and the Federal Trade Commission.",
      NULL } },
  { "Orbanis", "withdraws", "Vandelle", 0, {
      EN "Vandelle and Orbanis jettison their deal.",
      NULL } },
  /* withdraws, opposes */
  { "Vandelle", "withdraws", "Orbanis", 0, {
      EN "Vandelle and Orbanis called off their deal.",
      FR "Vandelle a abandonné son projet de racheter Orbanis.",
      EN "Vandelle withdrew its bid for Orbanis.",
      NULL } },
  /* stakes: who holds one owns the company; who buys one buys into it */
  { "Orbanis", "owns", "Kestrel", 0, {
      FR "Vandelle a proposé de racheter la participation d'Orbanis dans Kestrel.",
      NULL } },
  { "Vandelle", "acquires", "Kestrel", 0, {
      FR "Vandelle a proposé de racheter la participation d'Orbanis dans Kestrel.",
      NULL } },
  /* fighting or backing a deal is fighting or backing its maker; an
   * adverb inside a cue of several words */
  { "Paul Garnier", "opposes", "Vandelle", 0, {
      FR "Paul Garnier s'est opposé lundi à une prise de contrôle d'une des grandes banques, Orbanis, par l'italienne Vandelle.",
      EN "Paul Garnier opposed the takeover of Orbanis by Vandelle.",
      FR "Paul Garnier a ouvertement critiqué Vandelle.",
      NULL } },
  /* "le gouvernement" after a bare "l'État"; preventing a sale regulates */
  { "French government", "regulates", "Orbanis", 0, {
      FR "Paul Garnier critique l'État. Le gouvernement veut empêcher la vente d'Orbanis à Vandelle.",
      NULL } },
  /* a person's company */
  { "Paul Garnier", "owns", "Vandelle", 0, {
      EN "Rivals fear Paul Garnier's Vandelle.",
      NULL } },
  /* an office as the very first word of the text (it used to be read before it) */
  { "Emmanuel Macron", "leads", "French government", 0, {
      "Président Macron en visite\n\nLe président Macron visite l'usine.",
      NULL } },
  { "Vandelle", "opposes", "Orbanis", 0, {
      EN "Vandelle sued Orbanis on Monday.",
      NULL } },
  { "Reuters", "reports", "Paul Garnier", 0, {
      EN "Paul Garnier told Reuters that Vandelle would wait.",
      NULL } },
  { "Paul Garnier", "leads", "Orbanis", 0, {
      FR "Kestrel va bien. Le président d'Orbanis, Jean Roux, et son directeur général Paul Garnier ont parlé.",
      NULL } },
};

/* What must not come out of a sentence. */
static const struct
{
  const char *text;
  const char *source;
  const char *type;
  const char *target;
} absent[] = {
  /* buying a stake from its holder is not buying the holder */
  { FR "Vandelle a proposé de racheter la participation d'Orbanis dans Kestrel.", "Vandelle", "acquires", "Orbanis" },
  /* "vend*" is no prefix of "vendredi", nor is a deal's object a party */
  { FR "Orbanis et Vandelle ne sont pas parvenus à trouver un accord sur la vente de Kestrel.", "Kestrel", "negotiates", "Vandelle" },
  { FR "Vandelle relève son offre auprès d'Orbanis.", "Orbanis", "acquires", "Vandelle" },
  { EN "Kestrel Inc. is a miner. Vandelle filed two lawsuits, one against Orbanis and the other against Kestrel.", "Kestrel", "opposes", "Orbanis" },
  { FR "Vandelle a rencontré vendredi les dirigeants d'Orbanis.", "Vandelle", "owns", "Orbanis" },
  { FR "Vandelle a rencontré vendredi les dirigeants d'Orbanis.", "Orbanis", "owns", "Vandelle" },
};

/* One sentence and the relation it must give, or must not give. */
typedef struct
{
  const char *text;
  const char *source;
  const char *type;
  const char *target;
  gboolean    present;
  guint       flags;
} FrameCase;

/* The shipped gazetteer, loaded once for every row. */
static DossierGazetteer *gazetteer;

static DossierGraph *
extract_string (const char *text)
{
  return test_extract_text (gazetteer, text, -1);
}

static void
test_frame (gconstpointer data)
{
  const FrameCase *row = data;
  g_autoptr(DossierGraph) graph = extract_string (row->text);
  DossierEntity *source = dossier_graph_lookup_entity (graph, row->source);
  DossierEntity *target = dossier_graph_lookup_entity (graph, row->target);
  DossierRelationType type;
  const DossierRelation *relation = NULL;

  g_assert_true (dossier_relation_type_from_string (row->type, &type));
  if (source != NULL && target != NULL)
    relation = dossier_graph_lookup_relation (graph, source->id, type, target->id);

  if (!row->present)
    {
      g_assert_null (relation);
      return;
    }
  if (relation == NULL)
    {
      g_test_message ("“%s”: no %s %s %s (source %s, target %s)", row->text, row->source, row->type,
                      row->target, source ? "found" : "missing", target ? "found" : "missing");
      g_test_fail ();
      return;
    }
  if (row->flags != 0)
    {
      gboolean flagged = FALSE;

      for (guint i = 0; i < relation->evidence->len; i++)
        if ((g_array_index (relation->evidence, DossierEvidence, i).flags & row->flags) == row->flags)
          flagged = TRUE;
      g_assert_true (flagged);
    }
}

/* Names from the text itself: what becomes an actor, and of what type. */
typedef struct
{
  const char        *text;
  const char        *name;
  DossierEntityType  type;   /* DOSSIER_N_ENTITY_TYPES: must not be an actor */
  const char        *same_as; /* the actor @name must be, or NULL */
} NameRow;

static const NameRow names[] = {
  /* a name used twice inside sentences, with no cue */
  { "Le distributeur discute avec Maritz-Lebon. Selon nos informations, Maritz-Lebon hésite.",
    "Maritz-Lebon", DOSSIER_ENTITY_COMPANY },
  /* a first name from the dictionaries, a verb of saying */
  { "La banque est en crise. « Nous verrons », a déclaré Andrea Rossellini jeudi.",
    "Andrea Rossellini", DOSSIER_ENTITY_PERSON },
  { "The lender is in talks. Wopkin Terhaar, the chief executive, said on Monday it would wait.",
    "Wopkin Terhaar", DOSSIER_ENTITY_PERSON },
  /* a full name then the surname alone: one person */
  { "Yannick Brossel dirige l'usine. Pour Brossel, le site est rentable.", "Brossel",
    DOSSIER_ENTITY_PERSON },
  /* a legal form is no part of the name */
  { "Kestrel Mining Plc is a miner. Kestrel Mining rejected the approach.", "Kestrel Mining",
    DOSSIER_ENTITY_COMPANY },
  /* a title before the name in an English title-case run */
  { "Industry Minister Hubert Quellec said the deal was reviewed.", "Hubert Quellec",
    DOSSIER_ENTITY_PERSON },
  /* an acronym in brackets after a name found in the text is that actor */
  { "Strike\n\nThe Federation of Quarry Workers (FQW) said no. Later, FQW agreed.", "FQW",
    DOSSIER_ENTITY_COMPANY, "Federation of Quarry Workers" },
  /* a ticker is no name */
  { "Vandelle VDL.PA rose. Vandelle VDL.PA fell.", "VDL.PA", DOSSIER_N_ENTITY_TYPES },
  /* a known surname before a family's vehicle names the vehicle */
  { "Trust\n\nThe Murdoch Family Trust controls the group.", "Murdoch Family Trust",
    DOSSIER_ENTITY_COMPANY, NULL },
  /* a name the gazetteer knows with a hyphen, written with a spaced dash */
  { "Air France \xe2\x80\x93 KLM\n\nLe capital d'Air France - KLM monte.", "Air France", DOSSIER_N_ENTITY_TYPES },
  { "Air France \xe2\x80\x93 KLM\n\nLe capital d'Air France - KLM monte.", "Air France-KLM", DOSSIER_ENTITY_COMPANY },
  /* common words at the start of a sentence, laws and places are no actors */
  { "Shares fell. Shares rose again on Monday.", "Shares", DOSSIER_N_ENTITY_TYPES },
  { "The Investment Review Act applies. Under the Investment Review Act, reviews are long.",
    "Investment Review Act", DOSSIER_N_ENTITY_TYPES },
};

static void
test_name (gconstpointer data)
{
  const NameRow *row = data;
  g_autoptr(DossierGraph) graph = extract_string (row->text);
  DossierEntity *entity = dossier_graph_lookup_entity (graph, row->name);

  if (row->type == DOSSIER_N_ENTITY_TYPES)
    {
      /* no actor of that name; an acronym may still be another's alias */
      g_assert_true (entity == NULL || entity->mentions->len == 0);
      return;
    }
  if (entity == NULL)
    {
      g_test_message ("“%s”: no actor “%s”", row->text, row->name);
      g_test_fail ();
      return;
    }
  g_assert_cmpint (entity->type, ==, row->type);
  if (row->same_as != NULL)
    g_assert_true (entity == dossier_graph_lookup_entity (graph, row->same_as));
}

/* Adds the test of @c at @path (taken). */
static void
add_frame_case (char      *path,
                FrameCase  c)
{
  g_autofree char *owned = path;

  g_test_add_data_func_full (owned, g_memdup2 (&c, sizeof c), test_frame, g_free);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  gazetteer = test_default_gazetteer ();

  if (dossier_dictionary_size () == 0)
    g_test_message ("no hunspell dictionary: the name rows that need one may fail");

  for (guint i = 0; i < G_N_ELEMENTS (frames); i++)
    for (guint j = 0; frames[i].texts[j] != NULL; j++)
      {
        const FrameRow *row = &frames[i];

        add_frame_case (g_strdup_printf ("/frames/%02u-%s-present/%u", i, row->type, j),
                        (FrameCase) { row->texts[j], row->source, row->type, row->target, TRUE, row->flags });
      }
  for (guint i = 0; i < G_N_ELEMENTS (absent); i++)
    add_frame_case (g_strdup_printf ("/frames/absent-%02u-%s", i, absent[i].type),
                    (FrameCase) { absent[i].text, absent[i].source, absent[i].type, absent[i].target, FALSE, 0 });
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_strdup_printf ("/names/%02u", i);

      g_test_add_data_func (path, &names[i], test_name);
    }

  status = g_test_run ();
  g_clear_pointer (&gazetteer, dossier_gazetteer_free);
  return status;
}
