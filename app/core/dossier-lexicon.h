/* dossier-lexicon.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The words the extractor knows about the languages it reads (French and
 * English): cue words that type an unknown name, capitalised words that are
 * never names, first names, and the cues of relations.  Every lookup takes
 * a folded word (dossier-fold.h), not a name: nothing here knows an actor. */

#pragma once

#include "dossier-fold.h"

G_BEGIN_DECLS

typedef enum
{
  DOSSIER_WORD_STOP        = 1 << 0,  /* capitalised but never a name: Le, Selon, Septembre */
  DOSSIER_WORD_PLACE       = 1 << 1,  /* a place that is not acting: Australie, Silicon Valley */
  DOSSIER_WORD_FIRST_NAME  = 1 << 2,  /* Larry, Marie */
  DOSSIER_WORD_TITLE       = 1 << 3,  /* M., Mme, sénateur, senator: a person follows */
  DOSSIER_WORD_ROLE        = 1 << 4,  /* PDG, CEO, fondateur: person, "de" + organisation */
  DOSSIER_WORD_HEAD        = 1 << 5,  /* président, premier ministre: heads a state */
  DOSSIER_WORD_COMPANY_CUE = 1 << 6,  /* société, groupe, firm: a company follows */
  DOSSIER_WORD_MEDIA_CUE   = 1 << 7,  /* journal, quotidien, newspaper */
  DOSSIER_WORD_GOV_CUE     = 1 << 8,  /* ministère, ministry, agence */
  DOSSIER_WORD_COMPANY_END = 1 << 9,  /* Inc., Corp., SA, GmbH: ends a company name */
  DOSSIER_WORD_MEDIA_END   = 1 << 10, /* Times, Post, News: ends a media name */
  DOSSIER_WORD_NATIONALITY = 1 << 11, /* américain, chinese: may sit between cue and name */
  DOSSIER_WORD_DETERMINER  = 1 << 12, /* le, la, the, sa, son, ses, its */
  DOSSIER_WORD_PREPOSITION = 1 << 13, /* de, avec, pour, of, with: its noun is no subject */
  DOSSIER_WORD_CONNECTOR   = 1 << 14, /* de, von, van: inside a name between capitals */
  DOSSIER_WORD_COORD       = 1 << 15, /* et, and, ou, or */
  DOSSIER_WORD_CLAUSE      = 1 << 16, /* mais, but, tandis: a new clause begins */
  DOSSIER_WORD_RELATIVE    = 1 << 17, /* que, qui, which, that: a subordinate clause */
  DOSSIER_WORD_NEGATION    = 1 << 18, /* ne, pas, not, never, jamais */
  DOSSIER_WORD_HYPOTHESIS  = 1 << 19, /* pourrait, si, could, if */
  DOSSIER_WORD_AGENT       = 1 << 20, /* par, by: the agent of a passive */
  /* From the hunspell dictionaries (dossier-dictionary.h), for capitalised words only. */
  DOSSIER_WORD_COMMON      = 1 << 21, /* a common word: "Grand", "Après", "Shares" */
  DOSSIER_WORD_PROPER      = 1 << 22, /* listed capitalised: a place, a people, a brand */
  DOSSIER_WORD_SURNAME     = 1 << 23, /* a family name */
  DOSSIER_WORD_SAYING      = 1 << 24, /* said, a declare, estime: a person spoke */
  DOSSIER_WORD_THING       = 1 << 25, /* Act, Valley, Tour: names a thing, not an actor */
} DossierWordClass;

/* The classes of @n tokens of @folded into @classes: each token's folded
 * word's (any combination, 0 when unknown), plus, for a capitalised one
 * (dossier_token_is_capitalised()), what the hunspell dictionaries say
 * (common word, given name, surname, proper noun).  The tokens' hashes
 * serve every look-up. */
void  dossier_lexicon_classify_tokens (const DossierFolded *folded,
                                       const DossierToken  *tokens,
                                       guint                n,
                                       guint               *classes);

typedef enum
{
  DOSSIER_CUE_VERB,        /* A <verb> B; "B <verb> par A" is passive */
  DOSSIER_CUE_NOUN,        /* A ... <noun> de B; "<noun> de B par A"; "<noun> avec B, A" */
  DOSSIER_CUE_AGENT_NOUN,  /* "l'offre de A": A is the actor, the object is the topic */
  DOSSIER_CUE_PARENT,      /* "A, sa maison mère", "la société mère de B" */
  DOSSIER_CUE_CHILD,       /* "A, filiale de B": B owns A */
  DOSSIER_CUE_ROLE,        /* "le PDG d'A, P", "P, CEO of A", "A CEO P" */
  DOSSIER_CUE_PROVIDER,    /* "sur des serveurs A": A supplies the other */
  DOSSIER_CUE_SOURCE,      /* "selon A", "according to A": A reports what follows */
  DOSSIER_CUE_SAYS,        /* "A rapporte que", "A reported": A reports what follows */
  DOSSIER_CUE_SALE,        /* "la vente de B à A", "the sale of B to A": A takes B */
  DOSSIER_CUE_STAKE,       /* "la participation de A dans B", "A's stake in B": A owns B */
} DossierCueKind;

typedef struct
{
  const char          *pattern;  /* folded words; a word ending in '*' is a stem */
  DossierRelationType  type;
  DossierCueKind       kind;
  gboolean             keeps_fact; /* negation does not undo it: "ne vendront pas" still owns */
} DossierCue;

/* The longest relation cue starting at token @i of @tokens (before @end),
 * or NULL; *@cue_end receives the token after it. */
const DossierCue *dossier_lexicon_match_cue (const DossierFolded *folded,
                                             const DossierToken  *tokens,
                                             guint                i,
                                             guint                end,
                                             guint               *cue_end);

G_END_DECLS
