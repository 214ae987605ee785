/* dossier-extractor.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-extractor"

#include "config.h"

#include <string.h>

#include "dossier-article.h"
#include "dossier-extractor.h"
#include "dossier-fold.h"
#include "dossier-lexicon.h"

/* Text is read in windows of whole sentences so that memory follows the
 * window, not the article or the corpus; a "sentence" longer than
 * MAX_SENTENCE (a line without full stops) is cut into pieces. */
#define WINDOW_BYTES   (1024 * 1024)
#define MAX_SENTENCE   4096
#define MAX_RUN        5    /* words in a discovered name */
#define LEFT_WINDOW    15   /* tokens a cue looks back for its subject */
#define SUBJECT_WINDOW 35   /* ... and further back when what is near is a complement */
#define RIGHT_WINDOW   12   /* tokens a cue looks ahead for its object */
#define PAIR_DISTANCE  4    /* mentions apart still linked as mentioned_with */

/* g_debug() formats its message even when debug output is off; these
 * run for every candidate and relation, so they ask first. */
#define TRACE(...) \
  G_STMT_START { \
    if (!g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN)) \
      g_debug (__VA_ARGS__); \
  } G_STMT_END

void
dossier_extract_options_init (DossierExtractOptions *options)
{
  g_return_if_fail (options != NULL);

  options->discover = TRUE;
  options->co_occurrence = TRUE;
}

typedef struct
{
  guint                        entity;
  guint                        first;    /* token range in the window */
  guint                        end;
  const DossierGazetteerEntry *entry;    /* NULL when discovered */
  guint                        sentence;
  gboolean                     descriptive;
  gboolean                     nested;   /* a person inside "l'administration Trump" */
  int                          container;/* for nested: index of the containing mention */
} Mention;

typedef struct
{
  gsize              start;
  gsize              end;
  DossierSectionKind section;
  guint              first;   /* tokens */
  guint              end_token;
  guint              m_first; /* mentions */
  guint              m_end;
} Sent;

typedef struct
{
  guint    sentence;
  guint    first;
  guint    end;
} Pending;

typedef struct
{
  DossierGraph                *graph;
  DossierGazetteer            *gazetteer;
  const DossierExtractOptions *options;

  DossierFolded               *folded;
  GArray                      *tokens;    /* DossierToken */
  GArray                      *sents;     /* Sent */
  GArray                      *mentions;  /* Mention */
  GArray                      *matches;   /* DossierGazetteerMatch, scratch */
  GArray                      *nested;    /* DossierGazetteerMatch, scratch */
  GArray                      *pending;   /* Pending */
  GArray                      *owner;     /* int per token: mention index or -1 */
  GArray                      *classes;   /* guint per token: DossierWordClass */
  GArray                      *group_a;   /* int, scratch for coordinated () */
  GArray                      *group_b;
  GArray                      *group_c;
  GArray                      *typed;     /* guint64 entity pairs typed in a sentence */
  GHashTable                  *surnames;  /* folded surname -> entity id + 1, G_MAXUINT: ambiguous */
  GHashTable                  *aliases;   /* "id\x1fsurface" seen */
  GHashTable                  *by_entry;  /* DossierGazetteerEntry -> entity id */
  GHashTable                  *heads;     /* folded first word of a company's name -> id + 1, G_MAXUINT: ambiguous */
  GString                     *scratch;

  guint                        article_index;
  const DossierArticle        *article;
  guint                        topic;     /* most salient company of the window, or G_MAXUINT */
  GHashTable                  *salience;  /* entity id -> score, for the window */
  gboolean                     skip_locative;
} Ctx;

static inline const DossierToken *
tok (Ctx  *ctx,
     guint i)
{
  return &g_array_index (ctx->tokens, DossierToken, i);
}

static inline const char *
tok_word (Ctx   *ctx,
          guint  i,
          gsize *len)
{
  const DossierToken *t = tok (ctx, i);

  *len = t->fend - t->fstart;
  return ctx->folded->folded + t->fstart;
}

/* Word classes are looked up once per token of a window. */
static inline guint
tok_class (Ctx  *ctx,
           guint i)
{
  return g_array_index (ctx->classes, guint, i);
}

static inline gboolean
tok_is (Ctx        *ctx,
        guint       i,
        const char *word)
{
  gsize len;
  const char *w = tok_word (ctx, i, &len);

  /* the first byte settles most comparisons without a strlen () */
  return len > 0 && w[0] == word[0] && strlen (word) == len && memcmp (w, word, len) == 0;
}

static inline gboolean
tok_in (Ctx                *ctx,
        guint               i,
        const char * const *words,
        guint               n_words)
{
  if (i >= ctx->tokens->len)
    return FALSE;
  for (guint w = 0; w < n_words; w++)
    if (tok_is (ctx, i, words[w]))
      return TRUE;
  return FALSE;
}

/* Whether token @i is one of the words of the table @words. */
#define TOK_IN(ctx, i, words) tok_in ((ctx), (i), (words), G_N_ELEMENTS (words))

static inline Mention *
mention (Ctx *ctx,
         int  i)
{
  return &g_array_index (ctx->mentions, Mention, i);
}

static inline DossierEntity *
entity_of (Ctx *ctx,
           int  m)
{
  return dossier_graph_get_entity (ctx->graph, mention (ctx, m)->entity);
}

/* Names -------------------------------------------------------------- */

/* The token before the determiners that open a noun phrase at @first
 * ("de" in "de la banque"), or less than @s->first when there is none. */
static int
word_before (Ctx        *ctx,
             const Sent *s,
             guint       first)
{
  int k = (int) first - 1;

  while (k >= (int) s->first && (tok_class (ctx, k) & DOSSIER_WORD_DETERMINER) &&
         !(tok_class (ctx, k) & DOSSIER_WORD_PREPOSITION))
    k--;
  return k;
}

static void
register_surname (Ctx           *ctx,
                  DossierEntity *entity)
{
  const char *last;
  g_autofree char *key = NULL;
  gpointer old;

  if (entity->type != DOSSIER_ENTITY_PERSON || (last = strrchr (entity->name, ' ')) == NULL)
    return;

  key = dossier_fold_string (last + 1);
  if (strlen (key) < 3)
    return;
  old = g_hash_table_lookup (ctx->surnames, key);
  if (old == NULL)
    g_hash_table_insert (ctx->surnames, g_steal_pointer (&key), GUINT_TO_POINTER (entity->id + 1));
  else if (GPOINTER_TO_UINT (old) != entity->id + 1)
    g_hash_table_insert (ctx->surnames, g_steal_pointer (&key), GUINT_TO_POINTER (G_MAXUINT));
}

static void
add_alias (Ctx           *ctx,
           DossierEntity *entity,
           gsize          start,
           gsize          end)
{
  const char *text = ctx->article->text;

  /* A key without printf: this runs for every mention. */
  g_string_truncate (ctx->scratch, 0);
  for (guint id = entity->id;; id /= 10)
    {
      g_string_append_c (ctx->scratch, '0' + id % 10);
      if (id < 10)
        break;
    }
  g_string_append_c (ctx->scratch, '\x1f');
  g_string_append_len (ctx->scratch, text + start, end - start);
  if (g_hash_table_contains (ctx->aliases, ctx->scratch->str))
    return;
  g_hash_table_add (ctx->aliases, g_strdup (ctx->scratch->str));

  {
    g_autofree char *surface = g_strndup (text + start, end - start);

    /* Aliases are names: white space inside is collapsed. */
    g_strdelimit (surface, "\n\t", ' ');
    dossier_graph_add_alias (ctx->graph, entity, surface);
  }
}

static int
push_mention (Ctx                         *ctx,
              guint                        sentence,
              DossierEntity               *entity,
              guint                        first,
              guint                        end,
              const DossierGazetteerEntry *entry,
              gboolean                     descriptive,
              int                          container)
{
  Mention m = { 0 };

  m.entity = entity->id;
  m.first = first;
  m.end = end;
  m.entry = entry;
  m.sentence = sentence;
  m.descriptive = descriptive;
  m.nested = container >= 0;
  m.container = container;
  g_array_append_val (ctx->mentions, m);

  if (!descriptive)
    add_alias (ctx, entity, tok (ctx, first)->start, tok (ctx, end - 1)->end);
  register_surname (ctx, entity);

  return ctx->mentions->len - 1;
}

static DossierEntity *
entity_for_entry (Ctx                         *ctx,
                  const DossierGazetteerEntry *entry)
{
  gpointer id;
  DossierEntity *entity;

  /* Every match comes here: by entry, not by folding the name again. */
  if (g_hash_table_lookup_extended (ctx->by_entry, entry, NULL, &id))
    return dossier_graph_get_entity (ctx->graph, GPOINTER_TO_UINT (id));

  entity = dossier_graph_ensure_entity (ctx->graph, entry->canonical, entry->type);
  g_hash_table_insert (ctx->by_entry, (gpointer) entry, GUINT_TO_POINTER (entity->id));
  return entity;
}

/* Discovery ---------------------------------------------------------- */

static inline gboolean
is_capitalised (const DossierToken *t)
{
  return dossier_token_is_capitalised (t);
}

static const char * const office_words[] = {
  "ministere", "ministry", "departement", "department", "agence", "agency", "autorite",
  "authority", "commission", "secretariat", "tresor", "treasury", "office", "bureau",
};

static gboolean
is_office_word (Ctx   *ctx,
                guint  k)
{
  for (guint w = 0; w < G_N_ELEMENTS (office_words); w++)
    if (tok_is (ctx, k, office_words[w]))
      return TRUE;
  return FALSE;
}

/* Looks at the words before a capitalised run for what it names.  Returns
 * TRUE with *type set when a cue says it. */
static gboolean
type_from_context (Ctx               *ctx,
                   const Sent        *s,
                   guint              first,
                   guint              end,
                   DossierEntityType *type,
                   guint             *name_end)
{
  int k = (int) first - 1;
  guint cls;
  gboolean skipped_adjective = FALSE;

  *name_end = end;

  /* After the name: "Acme Inc.", "Acme SA"; ", PDG de", ", CEO of". */
  if (end < s->end_token && (tok (ctx, end)->flags & DOSSIER_TOKEN_JOINED) &&
      (tok_class (ctx, end) & DOSSIER_WORD_COMPANY_END) && is_capitalised (tok (ctx, end)))
    {
      *type = DOSSIER_ENTITY_COMPANY;
      *name_end = end + 1;
      return TRUE;
    }
  if (end + 1 < s->end_token && (tok (ctx, end)->flags & DOSSIER_TOKEN_COMMA) &&
      (tok_class (ctx, end) & DOSSIER_WORD_ROLE) && end - first >= 2)
    {
      *type = DOSSIER_ENTITY_PERSON;
      return TRUE;
    }
  {
    guint last_cls = tok_class (ctx, end - 1);

    if (end - first >= 2 && (last_cls & DOSSIER_WORD_COMPANY_END) && !(last_cls & DOSSIER_WORD_STOP))
      {
        *type = DOSSIER_ENTITY_COMPANY;
        return TRUE;
      }
    if (end - first >= 2 && (last_cls & DOSSIER_WORD_MEDIA_END))
      {
        *type = DOSSIER_ENTITY_MEDIA;
        return TRUE;
      }
  }

  /* Before: "le sénateur X", "M. X", "la société américaine X", "PDG de X". */
  while (k >= (int) s->first)
    {
      cls = tok_class (ctx, k);
      if ((cls & DOSSIER_WORD_NATIONALITY) && !skipped_adjective && !(cls & (DOSSIER_WORD_COMPANY_CUE | DOSSIER_WORD_TITLE)))
        {
          skipped_adjective = TRUE;
          k--;
          continue;
        }
      break;
    }
  if (k < (int) s->first)
    goto first_name;

  cls = tok_class (ctx, k);
  if (cls & DOSSIER_WORD_TITLE && !(cls & DOSSIER_WORD_PREPOSITION))
    {
      *type = DOSSIER_ENTITY_PERSON;
      return TRUE;
    }
  if ((cls & DOSSIER_WORD_ROLE) && !skipped_adjective)
    {
      *type = DOSSIER_ENTITY_PERSON;
      return TRUE;
    }
  if (cls & DOSSIER_WORD_COMPANY_CUE)
    {
      *type = DOSSIER_ENTITY_COMPANY;
      return TRUE;
    }
  if (cls & DOSSIER_WORD_MEDIA_CUE)
    {
      *type = DOSSIER_ENTITY_MEDIA;
      return TRUE;
    }
  if ((cls & DOSSIER_WORD_PREPOSITION) && k - 1 >= (int) s->first &&
      (tok_is (ctx, k, "de") || tok_is (ctx, k, "d") || tok_is (ctx, k, "of") || tok_is (ctx, k, "du")))
    {
      guint before = tok_class (ctx, k - 1);

      if ((before & DOSSIER_WORD_ROLE) && !is_office_word (ctx, first))
        {
          *type = DOSSIER_ENTITY_COMPANY;
          return TRUE;
        }
    }

first_name:
  if (end - first >= 2 && (tok_class (ctx, first) & DOSSIER_WORD_FIRST_NAME))
    {
      *type = DOSSIER_ENTITY_PERSON;
      return TRUE;
    }

  return FALSE;
}

/* "Teck Resources" … "Teck": a company is also named by its first word,
 * when that is no common word and no other company's. */
static void
note_head (Ctx           *ctx,
           guint          first,
           DossierEntity *entity)
{
  gsize len;
  const char *word = tok_word (ctx, first, &len);
  g_autofree char *head = NULL;
  gpointer old;

  if (entity->type != DOSSIER_ENTITY_COMPANY || len < 3 ||
      (tok_class (ctx, first) & (DOSSIER_WORD_COMMON | DOSSIER_WORD_FIRST_NAME | DOSSIER_WORD_STOP)))
    return;
  head = g_strndup (word, len);
  old = g_hash_table_lookup (ctx->heads, head);
  g_hash_table_insert (ctx->heads, g_steal_pointer (&head),
                       GUINT_TO_POINTER (old == NULL || GPOINTER_TO_UINT (old) == entity->id + 1
                                         ? entity->id + 1 : G_MAXUINT));
}

/* "Bank of America", "Federation of Quarry Workers": English names that
 * go on after "of"; not "the takeover by Vandelle of Orbanis". */
static gboolean
is_org_head (Ctx   *ctx,
             guint  k)
{
  static const char * const heads[] = {
    "bank", "federation", "ministry", "department", "committee", "commission", "university",
    "association", "union", "council", "court", "office", "bureau", "institute", "society",
    "republic", "states", "kingdom", "board", "chamber", "house", "secretary", "authority",
    "agency", "organization", "organisation", "league", "party", "church", "school", "fund",
  };

  for (guint i = 0; i < G_N_ELEMENTS (heads); i++)
    if (tok_is (ctx, k, heads[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_legal_form (Ctx   *ctx,
               guint  k)
{
  static const char * const forms[] = {
    "inc", "corp", "corporation", "ltd", "llc", "plc", "sa", "sas", "sarl", "ag", "gmbh", "nv",
    "bv", "spa", "se", "co", "limited", "ab", "asa", "oyj", "kk",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    if (tok_is (ctx, k, forms[i]))
      return TRUE;
  return FALSE;
}

/* "U.S. Steel", "China Mobile", "Air France": a country's name followed by
 * a capitalised word it does not own is the start of a company's name, not
 * the state.  The state's mention becomes the company's. */
/* The token of "ministère" in "ministère des Finances", "Ministry of
 * Finance", "Agence des participations de l'État" when the capitalised run
 * at @first completes such a phrase; G_MAXUINT otherwise. */

static guint
office_phrase_start (Ctx        *ctx,
                     const Sent *s,
                     guint       first)
{
  const int *owner = (const int *) (gpointer) ctx->owner->data;
  int k = word_before (ctx, s, first);

  if (k < (int) s->first + 1 || owner[k] >= 0 ||
      !(tok_is (ctx, k, "de") || tok_is (ctx, k, "des") || tok_is (ctx, k, "du") ||
        tok_is (ctx, k, "d") || tok_is (ctx, k, "of")))
    return G_MAXUINT;
  /* "Agence des participations de l'État": one lower-case word may sit between. */
  for (int c = k - 1; c >= (int) s->first && k - c <= 3; c--)
    {
      if (owner[c] >= 0 || (tok (ctx, c + 1)->flags & (DOSSIER_TOKEN_COMMA | DOSSIER_TOKEN_BREAK | DOSSIER_TOKEN_STOP)))
        return G_MAXUINT;
      if (is_office_word (ctx, c))
        return (guint) c;
    }
  return G_MAXUINT;
}

static gboolean
is_family_vehicle (Ctx   *ctx,
                   guint  k)
{
  static const char * const words[] = {
    "trust", "foundation", "fondation", "family", "holding", "holdings", "group", "groupe",
    "organization", "organisation", "enterprises", "industries", "capital", "partners",
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (tok_is (ctx, k, words[i]))
      return TRUE;
  return FALSE;
}

/* "U.S. Steel": the full stop of an initial does not end the name. */
static gboolean
after_initials (Ctx   *ctx,
                guint  k)
{
  const DossierToken *prev;
  const char *text = ctx->article->text;

  if (k == 0)
    return FALSE;
  prev = tok (ctx, k - 1);
  return prev->end - prev->start == 1 && tok (ctx, k)->start == prev->end + 2 &&
         text[prev->end] == '.' && text[prev->end + 1] == ' ';
}

static void
extend_country_names (Ctx *ctx)
{
  int *owner = (int *) (gpointer) ctx->owner->data;
  const guint not_names = DOSSIER_WORD_TITLE | DOSSIER_WORD_ROLE | DOSSIER_WORD_HEAD |
                          DOSSIER_WORD_STOP | DOSSIER_WORD_PLACE | DOSSIER_WORD_NATIONALITY |
                          DOSSIER_WORD_GOV_CUE | DOSSIER_WORD_THING | DOSSIER_WORD_CONNECTOR |
                          DOSSIER_WORD_MEDIA_CUE;

  for (guint i = 0; i < ctx->mentions->len; i++)
    {
      Mention *m = mention (ctx, i);
      const Sent *s = &g_array_index (ctx->sents, Sent, m->sentence);
      guint end = m->end;
      gsize start, stop;
      g_autofree char *name = NULL;
      DossierEntity *entity;

      guint first = m->first;

      gboolean family;

      if (s->section == DOSSIER_SECTION_COMMENTS || m->nested || m->entry == NULL || m->descriptive ||
          m->end - m->first > 2)
        continue;
      /* "Murdoch Family Trust", "Bettencourt Foundation": a family's vehicle. */
      family = m->entry->type == DOSSIER_ENTITY_PERSON && m->end - m->first == 1;
      if (m->entry->type != DOSSIER_ENTITY_GOVERNMENT && !family)
        continue;
      /* "l'Agence des participations de l'État": an office of the state. */
      if ((first = office_phrase_start (ctx, s, m->first)) != G_MAXUINT)
        {
          start = tok (ctx, first)->start;
          stop = tok (ctx, end - 1)->end;
          name = g_strndup (ctx->article->text + start, stop - start);
          g_strdelimit (name, "\n\t", ' ');
          entity = dossier_graph_ensure_entity (ctx->graph, name, DOSSIER_ENTITY_GOVERNMENT);
          if (entity->type != DOSSIER_ENTITY_GOVERNMENT)
            continue;
          entity->discovered = entity->discovered || entity->mentions->len == 0;
          m->entity = entity->id;
          m->entry = NULL;
          for (guint k = first; k < end; k++)
            owner[k] = i;
          m->first = first;
          add_alias (ctx, entity, start, stop);
          continue;
        }
      while (end < s->end_token && end - m->end < 3 && owner[end] < 0 &&
             (tok (ctx, end)->flags & DOSSIER_TOKEN_JOINED || after_initials (ctx, end)) &&
             is_capitalised (tok (ctx, end)) &&
             !(tok (ctx, end)->flags & DOSSIER_TOKEN_ELIDED) && !(tok_class (ctx, end) & not_names))
        end++;
      if (end == m->end || (owner[m->first] >= 0 && owner[m->first] != (int) i) ||
          (family && !is_family_vehicle (ctx, end - 1)))
        continue;

      start = tok (ctx, m->first)->start;
      stop = tok (ctx, end - 1)->end;
      name = g_strndup (ctx->article->text + start, stop - start);
      g_strdelimit (name, "\n\t", ' ');
      entity = dossier_graph_lookup_entity (ctx->graph, name);
      if (entity == NULL)
        {
          entity = dossier_graph_ensure_entity (ctx->graph, name, DOSSIER_ENTITY_COMPANY);
          entity->discovered = TRUE;
        }
      m->entity = entity->id;
      m->entry = NULL;
      for (guint k = m->first; k < end; k++)
        owner[k] = i;
      m->end = end;
      add_alias (ctx, entity, start, stop);
      note_head (ctx, m->first, entity);
    }
}

/* "Martin Bouygues", "Vincent Bolloré": a first name before a company's
 * name is a person of the family, not the company. */
static void
extend_family_names (Ctx *ctx)
{
  int *owner = (int *) (gpointer) ctx->owner->data;

  for (guint i = 0; i < ctx->mentions->len; i++)
    {
      Mention *m = mention (ctx, i);
      const Sent *s = &g_array_index (ctx->sents, Sent, m->sentence);
      guint k = m->first - 1;
      gsize start, stop;
      g_autofree char *name = NULL;
      DossierEntity *entity;

      if (s->section == DOSSIER_SECTION_COMMENTS || m->nested || m->entry == NULL || m->descriptive ||
          m->entry->type != DOSSIER_ENTITY_COMPANY || m->end - m->first > 2 || m->first <= s->first ||
          owner[k] >= 0 || !(tok (ctx, m->first)->flags & DOSSIER_TOKEN_JOINED) ||
          !is_capitalised (tok (ctx, k)) ||
          (tok_class (ctx, k) & (DOSSIER_WORD_FIRST_NAME | DOSSIER_WORD_TITLE)) != DOSSIER_WORD_FIRST_NAME ||
          (k > s->first && is_capitalised (tok (ctx, k - 1)) && (tok (ctx, k)->flags & DOSSIER_TOKEN_JOINED)))
        continue;

      start = tok (ctx, k)->start;
      stop = tok (ctx, m->end - 1)->end;
      name = g_strndup (ctx->article->text + start, stop - start);
      g_strdelimit (name, "\n\t", ' ');
      entity = dossier_graph_lookup_entity (ctx->graph, name);
      if (entity == NULL)
        {
          entity = dossier_graph_ensure_entity (ctx->graph, name, DOSSIER_ENTITY_PERSON);
          entity->discovered = TRUE;
        }
      if (entity->type != DOSSIER_ENTITY_PERSON)
        continue;
      m->entity = entity->id;
      m->entry = NULL;
      m->first = k;
      for (guint t = k; t < m->end; t++)
        owner[t] = i;
      add_alias (ctx, entity, start, stop);
      register_surname (ctx, entity);
    }
}

static gboolean
is_portfolio (Ctx        *ctx,
              const Sent *s,
              guint       first)
{
  int k = word_before (ctx, s, first);

  if (k <= (int) s->first ||
      !(tok_is (ctx, k, "de") || tok_is (ctx, k, "des") || tok_is (ctx, k, "du") ||
        tok_is (ctx, k, "d") || tok_is (ctx, k, "of")))
    return FALSE;
  /* "le ministre de l'Économie et des Finances" */
  for (int c = k - 1; c >= (int) s->first && k - c <= 6; c--)
    {
      if (g_array_index (ctx->owner, int, c) >= 0 ||
          (tok (ctx, c + 1)->flags & (DOSSIER_TOKEN_COMMA | DOSSIER_TOKEN_BREAK | DOSSIER_TOKEN_STOP)))
        return FALSE;
      if (tok_is (ctx, c, "ministre") || tok_is (ctx, c, "minister") ||
          tok_is (ctx, c, "secretaire") || tok_is (ctx, c, "secretary"))
        return TRUE;
    }
  return FALSE;
}

/* The end of the run of capitalised words from @first, with "de", "von"
 * between capitals. */
static guint
capitalised_run (Ctx        *ctx,
                 const Sent *s,
                 guint       first)
{
  const int *owner = (const int *) (gpointer) ctx->owner->data;
  guint end = first;

  while (end < s->end_token && end - first < MAX_RUN && owner[end] < 0)
    {
      const DossierToken *t = tok (ctx, end);

      if (end > first && !(t->flags & DOSSIER_TOKEN_JOINED))
        break;
      /* "d'Oracle" ends a run, but "O'Brien" is one name. */
      if (end > first && (t->flags & DOSSIER_TOKEN_ELIDED) &&
          !(tok (ctx, end - 1)->end - tok (ctx, end - 1)->start == 1 &&
            ctx->article->text[tok (ctx, end - 1)->start] == 'O'))
        break;
      if (is_capitalised (t))
        end++;
      else if (end > first && end + 1 < s->end_token &&
               (tok_class (ctx, end) & DOSSIER_WORD_CONNECTOR) &&
               (!tok_is (ctx, end, "of") || is_org_head (ctx, end - 1)) &&
               is_capitalised (tok (ctx, end + 1)) && owner[end + 1] < 0 &&
               (tok (ctx, end + 1)->flags & DOSSIER_TOKEN_JOINED))
        end += 2;
      else
        break;
    }
  return end;
}

/* The name inside a run: without the function words, titles, tickers and
 * datelines around it. */
static void
trim_run (Ctx        *ctx,
          const Sent *s,
          guint      *first_out,
          guint      *end_out)
{
  guint first = *first_out, end = *end_out;

  /* Leading function words ("Selon", "Le") and trailing ones go, but a
   * first name that is also a word ("Ben Smith") stays. */
  while (first < end && (tok_class (ctx, first) & (DOSSIER_WORD_STOP | DOSSIER_WORD_PLACE |
                                                    DOSSIER_WORD_TITLE | DOSSIER_WORD_ROLE |
                                                    DOSSIER_WORD_CONNECTOR)) &&
         !(end - first >= 2 && (tok_class (ctx, first) & DOSSIER_WORD_FIRST_NAME) &&
           !(tok_class (ctx, first) & (DOSSIER_WORD_TITLE | DOSSIER_WORD_ROLE)) &&
           (first == s->first || !is_capitalised (tok (ctx, first - 1)))))
    first++;
  /* "Industry Minister François-Philippe Champagne", "USW President David
   * McCall": the name is what follows the last title. */
  for (guint k = end - 1; end - first >= 3 && k > first; k--)
    if ((tok_class (ctx, k) & (DOSSIER_WORD_TITLE | DOSSIER_WORD_ROLE | DOSSIER_WORD_HEAD)) &&
        !(tok_class (ctx, k) & (DOSSIER_WORD_FIRST_NAME | DOSSIER_WORD_COMPANY_END)) && end - k >= 3)
      {
        first = k + 1;
        break;
      }
  /* "Veolia VIE.PA", "Blandine Henault PARIS": a word in capitals after a
   * name that is not is a ticker or a dateline. */
  while (end - first >= 2 && (tok (ctx, end - 1)->flags & DOSSIER_TOKEN_ALL_CAPS) &&
         !(tok (ctx, first)->flags & DOSSIER_TOKEN_ALL_CAPS))
    end--;
  /* "Gilles Schnepp, Vice-président": a title ends the name. */
  while (end > first + 1 && (tok_class (ctx, end - 1) & (DOSSIER_WORD_TITLE | DOSSIER_WORD_ROLE)) &&
         !(tok_class (ctx, end - 1) & (DOSSIER_WORD_COMPANY_END | DOSSIER_WORD_MEDIA_END)))
    end--;
  while (end > first && (tok_class (ctx, end - 1) & (DOSSIER_WORD_STOP | DOSSIER_WORD_CONNECTOR)))
    end--;
  *first_out = first;
  *end_out = end;
}

static gboolean
all_places (Ctx   *ctx,
            guint  first,
            guint  end)
{
  for (guint k = first; k < end; k++)
    if (!(tok_class (ctx, k) & DOSSIER_WORD_PLACE))
      return FALSE;
  return TRUE;
}

/* A name the context types: an actor at once ("Glencore Plc" is Glencore:
 * the legal form is no part of the actor's name). */
static void
add_discovered (Ctx               *ctx,
                guint              si,
                guint              first,
                guint              name_end,
                DossierEntityType  type)
{
  int *owner = (int *) (gpointer) ctx->owner->data;
  gsize start = tok (ctx, first)->start;
  gsize stop = tok (ctx, name_end - 1)->end;
  g_autofree char *name = g_strndup (ctx->article->text + start, stop - start);
  DossierEntity *entity;
  int m;

  g_strdelimit (name, "\n\t", ' ');
  if (name_end - first >= 2 && is_legal_form (ctx, name_end - 1))
    name[tok (ctx, name_end - 2)->end - start] = '\0';
  entity = dossier_graph_lookup_entity (ctx->graph, name);
  if (entity == NULL)
    {
      entity = dossier_graph_ensure_entity (ctx->graph, name, type);
      entity->discovered = TRUE;
    }
  note_head (ctx, first, entity);
  m = push_mention (ctx, si, entity, first, name_end, NULL, FALSE, -1);
  for (guint k = first; k < name_end; k++)
    owner[k] = m;
}

static void
discover_sentence (Ctx   *ctx,
                   guint  si)
{
  const Sent *s = &g_array_index (ctx->sents, Sent, si);
  int *owner = (int *) (gpointer) ctx->owner->data;
  gboolean allow_new = ctx->options->discover && s->section != DOSSIER_SECTION_COMMENTS;

  for (guint i = s->first; i < s->end_token;)
    {
      guint first = i, end, cue = G_MAXUINT;
      DossierEntityType type;
      guint name_end;

      if (owner[i] >= 0 || !is_capitalised (tok (ctx, i)))
        {
          i++;
          continue;
        }

      end = i = capitalised_run (ctx, s, first);
      trim_run (ctx, s, &first, &end);
      /* A run made only of places needs a cue; "le ministre des Finances",
       * "Minister of Finance" is a portfolio, no actor. */
      if (first >= end || all_places (ctx, first, end) || is_portfolio (ctx, s, first))
        continue;

      /* "le ministère des Finances néerlandais", "the Ministry of Finance":
       * the organ is the whole phrase, from its noun. */
      if (allow_new && (cue = office_phrase_start (ctx, s, first)) != G_MAXUINT)
        {
          type = DOSSIER_ENTITY_GOVERNMENT;
          name_end = end;
          if (name_end < s->end_token && !is_capitalised (tok (ctx, name_end)) &&
              (tok_class (ctx, name_end) & DOSSIER_WORD_NATIONALITY) &&
              (tok (ctx, name_end)->flags & DOSSIER_TOKEN_JOINED))
            name_end++;
          first = cue;
        }
      if (allow_new && (cue != G_MAXUINT || type_from_context (ctx, s, first, end, &type, &name_end)) &&
          !(end - first == 1 && (tok (ctx, first)->flags & DOSSIER_TOKEN_ALL_CAPS) &&
            type == DOSSIER_ENTITY_PERSON))
        {
          add_discovered (ctx, si, first, name_end, type);
          i = MAX (i, name_end);
        }
      else
        {
          Pending p = { si, first, end };

          g_array_append_val (ctx->pending, p);
        }
    }
}

/* "Federal Trade Commission (FTC)", "l'Agence des participations de l'État
 * (APE)": an acronym in brackets after a name is that actor's, here and
 * wherever the article uses it alone. */
static void
note_acronyms (Ctx *ctx)
{
  int *owner = (int *) (gpointer) ctx->owner->data;
  guint n = ctx->mentions->len;

  for (guint i = 0; i < n; i++)
    {
      const Mention *m = mention (ctx, i);
      const Sent *s = &g_array_index (ctx->sents, Sent, m->sentence);
      guint k = m->end;
      DossierEntity *entity;
      gsize len;
      const char *word;
      int a;

      if (m->nested || m->descriptive || k >= s->end_token || owner[k] >= 0 ||
          !(tok (ctx, k)->flags & DOSSIER_TOKEN_BREAK) || !(tok (ctx, k)->flags & DOSSIER_TOKEN_ALL_CAPS) ||
          ctx->article->text[tok (ctx, k)->start - 1] != '(' ||
          (k + 1 < s->end_token && !(tok (ctx, k + 1)->flags & DOSSIER_TOKEN_BREAK)))
        continue;
      entity = dossier_graph_get_entity (ctx->graph, m->entity);
      if (entity->type == DOSSIER_ENTITY_PERSON)
        continue;
      a = push_mention (ctx, m->sentence, entity, k, k + 1, NULL, FALSE, -1);
      owner[k] = a;
      word = tok_word (ctx, k, &len);
      g_hash_table_insert (ctx->heads, g_strndup (word, len), GUINT_TO_POINTER (entity->id + 1));
    }
}

/* Names without a cue ------------------------------------------------- */


/* What an article says of a capitalised run the gazetteer lacks and no cue
 * typed: how often it stands where only a name would be capitalised, and
 * what the words around it say of its type. */
typedef struct
{
  guint    words;
  guint    evidence;      /* occurrences inside a sentence, or not a common word */
  guint    person;        /* votes */
  guint    government;
  guint    media;
  gboolean places;        /* a single word the dictionaries list as a place or people */
  gboolean thing;         /* "Investment Canada Act", "Tour Eiffel" */
  int      listed_with;   /* DossierEntityType of an actor it is listed with, or -1 */
  gboolean accepted;
  DossierEntityType type;
} Candidate;

/* "BFM TV et RMC", "Laura Noonan, Arash Massoudi and Owen Walker": a name
 * listed with a known company, medium or person is one of the same kind.
 * Returns its type, or -1. */
static int
listed_type (Ctx        *ctx,
             const Sent *s,
             const Pending *p)
{
  const int *owner = (const int *) (gpointer) ctx->owner->data;
  int other = -1;

  if (p->first >= s->first + 2 && (tok_class (ctx, p->first - 1) & DOSSIER_WORD_COORD) &&
      owner[p->first - 2] >= 0)
    other = owner[p->first - 2];
  else if (p->end + 1 < s->end_token && (tok_class (ctx, p->end) & DOSSIER_WORD_COORD) &&
           owner[p->end + 1] >= 0)
    other = owner[p->end + 1];
  /* Companies and media are listed with their kind; a state is listed
   * with anyone ("l'État et Engie"). */
  if (other < 0 || mention (ctx, other)->descriptive ||
      entity_of (ctx, other)->type == DOSSIER_ENTITY_GOVERNMENT)
    return -1;
  return (int) entity_of (ctx, other)->type;
}

static gboolean
in_headline (Ctx        *ctx,
             const Sent *s,
             guint       first)
{
  return s->section == DOSSIER_SECTION_TITLE ||
         (ctx->article->title != NULL && tok (ctx, first)->start >= ctx->article->title_range.start &&
          tok (ctx, first)->end <= ctx->article->title_range.end);
}

/* "Shares", "Grand": a common word capitalised at the start of a sentence
 * or a quote says nothing; the same word inside a sentence, or followed by
 * another capitalised word ("Nippon Steel"), names something. */
static gboolean
is_plain_start (Ctx        *ctx,
                const Sent *s,
                const Pending *p)
{
  if (p->end - p->first > 1)
    return FALSE;
  if (p->first != s->first && !(tok (ctx, p->first)->flags & (DOSSIER_TOKEN_BREAK | DOSSIER_TOKEN_STOP)))
    return FALSE;
  for (guint k = p->first; k < p->end; k++)
    if (!(tok_class (ctx, k) & (DOSSIER_WORD_COMMON | DOSSIER_WORD_STOP)) ||
        (tok (ctx, k)->flags & (DOSSIER_TOKEN_MIXED | DOSSIER_TOKEN_ALL_CAPS)))
      return FALSE;
  return TRUE;
}

static gboolean
after_locative (Ctx        *ctx,
                const Sent *s,
                guint       first)
{
  static const char * const at[] = { "a", "en", "au", "aux", "in", "at", "from", "near", "vers", "depuis" };

  if (first <= s->first)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (at); i++)
    if (tok_is (ctx, first - 1, at[i]))
      return TRUE;
  return FALSE;
}

/* The words after a run that say a person: "X a déclaré", "X said",
 * "X, le PDG du groupe", "X, chief executive of". */
static gboolean
person_follows (Ctx        *ctx,
                const Sent *s,
                guint       end)
{
  guint k = end;

  if (k >= s->end_token)
    return FALSE;
  if (tok (ctx, k)->flags & DOSSIER_TOKEN_COMMA)
    {
      while (k < s->end_token && k < end + 2 && (tok_class (ctx, k) & DOSSIER_WORD_DETERMINER))
        k++;
      return k < s->end_token && (tok_class (ctx, k) & (DOSSIER_WORD_ROLE | DOSSIER_WORD_TITLE)) &&
             !(tok_class (ctx, k) & DOSSIER_WORD_COMPANY_CUE);
    }
  /* "a déclaré", "has said" */
  if ((tok_is (ctx, k, "a") || tok_is (ctx, k, "has") || tok_is (ctx, k, "had")) && k + 1 < s->end_token)
    k++;
  return (tok_class (ctx, k) & DOSSIER_WORD_SAYING) != 0;
}

static void
vote (Ctx        *ctx,
      const Sent *s,
      const Pending *p,
      Candidate  *c)
{
  guint first_cls = tok_class (ctx, p->first);
  guint last_cls = tok_class (ctx, p->end - 1);

  c->words = p->end - p->first;
  if (c->listed_with < 0)
    c->listed_with = listed_type (ctx, s, p);
  if (c->words >= 2 && (first_cls & DOSSIER_WORD_FIRST_NAME))
    c->person += 2;
  if (c->words >= 2 && (last_cls & DOSSIER_WORD_SURNAME))
    c->person++;
  if (person_follows (ctx, s, p->end))
    c->person += 2;
  if ((first_cls | last_cls) & DOSSIER_WORD_THING)
    c->thing = TRUE;
  if (first_cls & DOSSIER_WORD_GOV_CUE)
    c->government++;
  if (c->words >= 2 && (last_cls & DOSSIER_WORD_MEDIA_END))
    c->media++;
  /* "VIE.PA", "BP.L": a ticker with its exchange */
  if (c->words == 2 && (tok (ctx, p->first)->flags & DOSSIER_TOKEN_ALL_CAPS) &&
      tok (ctx, p->first + 1)->end - tok (ctx, p->first + 1)->start <= 2 &&
      tok (ctx, p->first + 1)->start == tok (ctx, p->first)->end + 1 &&
      ctx->article->text[tok (ctx, p->first)->end] == '.')
    c->thing = TRUE;
  if (c->words == 1 && (first_cls & DOSSIER_WORD_NATIONALITY))
    c->thing = TRUE;  /* "Swiss rules", "les Français" */
  if (c->words == 1 && (first_cls & DOSSIER_WORD_PROPER) &&
      !(first_cls & (DOSSIER_WORD_FIRST_NAME | DOSSIER_WORD_SURNAME | DOSSIER_WORD_COMMON)))
    c->places = TRUE;
}

/* Which runs become actors, and of what type.  A name needs two uses that
 * only a name explains (one, when it has several words), and a single
 * word the dictionaries list as a place needs more than being named. */
static GHashTable *
collect_candidates (Ctx *ctx)
{
  GHashTable *candidates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTable *surnames = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < ctx->pending->len; i++)
    {
      const Pending *p = &g_array_index (ctx->pending, Pending, i);
      const Sent *s = &g_array_index (ctx->sents, Sent, p->sentence);
      gsize start = tok (ctx, p->first)->start;
      g_autofree char *folded = dossier_fold_string_len (ctx->article->text + start,
                                                         tok (ctx, p->end - 1)->end - start);
      Candidate *c = g_hash_table_lookup (candidates, folded);

      if (s->section == DOSSIER_SECTION_COMMENTS)
        continue;
      if (c == NULL)
        {
          c = g_new0 (Candidate, 1);
          c->listed_with = -1;
          g_hash_table_insert (candidates, g_strdup (folded), c);
        }
      vote (ctx, s, p, c);
      if (!in_headline (ctx, s, p->first) && !is_plain_start (ctx, s, p) &&
          !(c->places && after_locative (ctx, s, p->first)))
        c->evidence++;
      if (c->words >= 2)
        {
          const char *last = strrchr (folded, ' ');

          if (last != NULL && strlen (last + 1) >= 3)
            g_hash_table_add (surnames, g_strdup (last + 1));
        }
    }

  g_hash_table_iter_init (&iter, candidates);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Candidate *c = value;

      /* "Andrea Orcel" … "Orcel": a name whose last word stands alone is a person's. */
      if (c->words >= 2 && c->words <= 3)
        {
          const char *last = strrchr (key, ' ');

          if (last != NULL && g_hash_table_contains (candidates, last + 1))
            c->person++;
        }
      c->accepted = (c->evidence >= 2 || (c->evidence >= 1 && (c->words >= 2 || c->listed_with >= 0))) &&
                    !c->thing &&
                    !(c->places && c->evidence < 3) &&
                    !(c->words == 1 && g_hash_table_contains (surnames, key));
      TRACE ("candidate “%s”: %u words, evidence %u, person %u%s%s", (const char *) key, c->words,
             c->evidence, c->person, c->places ? ", a place" : "", c->thing ? ", a thing" : "");
      if (c->listed_with >= 0 && (c->person < 2 || c->listed_with == DOSSIER_ENTITY_PERSON))
        c->type = c->listed_with;
      else if (c->government > 0)
        c->type = DOSSIER_ENTITY_GOVERNMENT;
      else if (c->person >= 2 && c->words >= 2)
        c->type = DOSSIER_ENTITY_PERSON;
      else if (c->media > 0)
        c->type = DOSSIER_ENTITY_MEDIA;
      else
        c->type = DOSSIER_ENTITY_COMPANY;
    }

  g_hash_table_unref (surnames);
  return candidates;
}

static void
resolve_runs (Ctx        *ctx,
              GHashTable *candidates,
              gboolean    full_names)
{
  int *owner = (int *) (gpointer) ctx->owner->data;

  for (guint i = 0; i < ctx->pending->len; i++)
    {
      const Pending *p = &g_array_index (ctx->pending, Pending, i);
      const Sent *s = &g_array_index (ctx->sents, Sent, p->sentence);
      gsize start = tok (ctx, p->first)->start;
      gsize stop = tok (ctx, p->end - 1)->end;
      g_autofree char *name = NULL;
      g_autofree char *key = NULL;
      DossierEntity *entity;

      if (full_names != (p->end - p->first >= 2) || owner[p->first] >= 0)
        continue;

      name = g_strndup (ctx->article->text + start, stop - start);
      g_strdelimit (name, "\n\t", ' ');
      entity = dossier_graph_lookup_entity (ctx->graph, name);
      /* Gazetteer names match through the gazetteer's case rules: "GLENCORE"
       * in a headline is no second Glencore either. */
      if (entity != NULL && !entity->discovered && entity->type != DOSSIER_ENTITY_PERSON)
        continue;

      /* The folded name keys the surnames, the companies' heads and the
       * candidates alike. */
      if (entity == NULL)
        key = dossier_fold_string (name);

      if (entity == NULL && p->end - p->first == 1)
        {
          guint id = GPOINTER_TO_UINT (g_hash_table_lookup (ctx->surnames, key));

          if (id != 0 && id != G_MAXUINT)
            entity = dossier_graph_get_entity (ctx->graph, id - 1);
          else if ((id = GPOINTER_TO_UINT (g_hash_table_lookup (ctx->heads, key))) != 0 && id != G_MAXUINT)
            entity = dossier_graph_get_entity (ctx->graph, id - 1);
        }

      if (entity == NULL && candidates != NULL && s->section != DOSSIER_SECTION_COMMENTS)
        {
          const Candidate *c = g_hash_table_lookup (candidates, key);

          if (c != NULL && c->accepted && !is_plain_start (ctx, s, p))
            {
              entity = dossier_graph_ensure_entity (ctx->graph, name, c->type);
              entity->discovered = TRUE;
            }
        }

      if (entity == NULL)
        continue;
      if (full_names)
        note_head (ctx, p->first, entity);
      {
        int m = push_mention (ctx, p->sentence, entity, p->first, p->end, NULL, FALSE, -1);

        for (guint k = p->first; k < p->end; k++)
          owner[k] = m;
      }
    }
}

/* A capitalised run without a cue is a mention of a name already known (a
 * name found elsewhere, the surname of a person), or of a name the article
 * itself shows to be one (collect_candidates).  Full names first, then the
 * acronyms given in brackets after them ("United Steelworkers (USW)"), so
 * that a surname or an acronym alone finds its actor. */
static void
resolve_pending (Ctx *ctx)
{
  g_autoptr(GHashTable) candidates = ctx->options->discover ? collect_candidates (ctx) : NULL;

  resolve_runs (ctx, candidates, TRUE);
  note_acronyms (ctx);
  resolve_runs (ctx, candidates, FALSE);
}

/* "le président", bare, stands for a person the gazetteer gives that title
 * ("title="): the one the article has named most so far, the latest on a
 * tie, since an article's "le président" is its main one, not whoever he
 * met: "… Trump … le président donnant à ByteDance …".  Not "le président
 * de Microsoft", "le président chinois" (maybe another), "son président"
 * or a name that follows.  One sweep in text order keeps it linear. */

typedef struct
{
  guint                        entity;
  guint                        count;
  const DossierGazetteerEntry *entry;  /* for what the person leads */
} TitleHolder;

static int
compare_mention_starts (gconstpointer a,
                        gconstpointer b,
                        gpointer      user_data)
{
  Ctx *ctx = user_data;
  guint fa = mention (ctx, *(const int *) a)->first;
  guint fb = mention (ctx, *(const int *) b)->first;

  return fa < fb ? -1 : fa > fb;
}

static gboolean
is_bare_title (Ctx        *ctx,
               const Sent *s,
               guint       k)
{
  const int *owner = (const int *) (gpointer) ctx->owner->data;
  const guint32 separated = DOSSIER_TOKEN_BREAK | DOSSIER_TOKEN_STOP | DOSSIER_TOKEN_COMMA;
  const DossierToken *next;
  gboolean verb_a;

  if (k <= s->first || owner[k] >= 0 || owner[k - 1] >= 0 || (tok (ctx, k)->flags & separated) ||
      !(tok_is (ctx, k - 1, "le") || tok_is (ctx, k - 1, "la") || tok_is (ctx, k - 1, "the")))
    return FALSE;
  if (k + 1 >= s->end_token || (tok (ctx, k + 1)->flags & separated))
    return TRUE;

  next = tok (ctx, k + 1);
  /* Folding makes "a" (has) of "à": the verb is no preposition. */
  verb_a = next->end - next->start == 1 && ctx->article->text[next->start] == 'a';
  return !(owner[k + 1] >= 0 || is_capitalised (next) ||
           (!verb_a && (tok_class (ctx, k + 1) & (DOSSIER_WORD_PREPOSITION | DOSSIER_WORD_NATIONALITY |
                                                  DOSSIER_WORD_CONNECTOR))) ||
           tok_is (ctx, k + 1, "du") || tok_is (ctx, k + 1, "des") || tok_is (ctx, k + 1, "d"));
}

static void
resolve_bare_titles (Ctx *ctx)
{
  int *owner = (int *) (gpointer) ctx->owner->data;
  g_autoptr(GArray) titled = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GHashTable) counts = NULL;   /* entity -> mentions so far */
  g_autoptr(GHashTable) holders = NULL;  /* folded title -> TitleHolder */
  guint next = 0;

  for (guint i = 0; i < ctx->mentions->len; i++)
    {
      const Mention *m = mention (ctx, i);

      if (!m->nested && m->entry != NULL && m->entry->title != NULL)
        {
          int index = (int) i;
          g_array_append_val (titled, index);
        }
    }
  if (titled->len == 0)
    return;
  g_array_sort_with_data (titled, compare_mention_starts, ctx);
  counts = g_hash_table_new (NULL, NULL);
  holders = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint si = 0; si < ctx->sents->len; si++)
    {
      const Sent *s = &g_array_index (ctx->sents, Sent, si);

      for (guint k = s->first; k < s->end_token; k++)
        {
          TitleHolder *holder;
          g_autofree char *word = NULL;
          const char *folded;
          gsize len;

          /* Everyone named before this word. */
          for (; next < titled->len && mention (ctx, g_array_index (titled, int, next))->first < k; next++)
            {
              const Mention *m = mention (ctx, g_array_index (titled, int, next));
              guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (m->entity))) + 1;

              g_hash_table_insert (counts, GUINT_TO_POINTER (m->entity), GUINT_TO_POINTER (count));
              holder = g_hash_table_lookup (holders, m->entry->title);
              if (holder == NULL)
                {
                  holder = g_new0 (TitleHolder, 1);
                  g_hash_table_insert (holders, (gpointer) m->entry->title, holder);
                }
              if (count >= holder->count)
                {
                  holder->entity = m->entity;
                  holder->count = count;
                  holder->entry = m->entry;
                }
            }

          if (s->section == DOSSIER_SECTION_COMMENTS || !is_bare_title (ctx, s, k))
            continue;
          folded = tok_word (ctx, k, &len);
          word = g_strndup (folded, len);
          holder = g_hash_table_lookup (holders, word);
          if (holder != NULL)
            owner[k] = push_mention (ctx, si, dossier_graph_get_entity (ctx->graph, holder->entity),
                                     k, k + 1, holder->entry, TRUE, -1);
        }
    }
}

/* "le groupe", "the lender", "le distributeur français", "the Japanese
 * steelmaker": a definite description of a company stands for the company
 * named last before it, not one this sentence has already named ("X a
 * renoncé à reprendre le distributeur" is not X taking over X). */

static const char * const company_nouns[] = {
  "groupe", "group", "societe", "company", "entreprise", "firme", "firm", "banque", "bank",
  "lender", "distributeur", "retailer", "operateur", "operator", "constructeur", "carmaker",
  "automaker", "steelmaker", "miner", "assureur", "insurer", "laboratoire", "drugmaker",
  "compagnie", "airline", "transporteur", "carrier", "geant", "giant", "industriel",
  "chimiste", "fabricant", "maker", "chipmaker", "conglomerat", "conglomerate", "enseigne",
  "editeur", "publisher", "siderurgiste", "minier", "petrolier", "energeticien",
  "equipementier", "leader", "numero",
};

/* With @plural, "banques", "lenders" too (in "une des banques, X"). */
static gboolean
is_company_noun_in (Ctx      *ctx,
                    guint     k,
                    gboolean  plural)
{
  gsize len;
  const char *w = tok_word (ctx, k, &len);

  if (plural && len > 1 && w[len - 1] == 's')
    len--;
  /* The first byte settles most entries without measuring them. */
  for (guint i = 0; i < G_N_ELEMENTS (company_nouns); i++)
    if (len > 0 && company_nouns[i][0] == w[0] &&
        strlen (company_nouns[i]) == len && memcmp (w, company_nouns[i], len) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_company_noun (Ctx   *ctx,
                 guint  k)
{
  return is_company_noun_in (ctx, k, FALSE);
}

/* "le gouvernement", "the government", "l'exécutif": the state named last
 * before, however far. */
static gboolean
is_government_noun (Ctx   *ctx,
                    guint  k)
{
  return tok_is (ctx, k, "gouvernement") || tok_is (ctx, k, "government") ||
         tok_is (ctx, k, "executif") || tok_is (ctx, k, "regulateur") || tok_is (ctx, k, "regulator");
}

/* "l'État", bare, in a French text is the French state: not "l'État
 * néerlandais" (the gazetteer's), "l'État membre", "coup d'État", "États". */
static gboolean
is_own_state (Ctx        *ctx,
              const Sent *s,
              guint       k)
{
  const int *owner = (const int *) (gpointer) ctx->owner->data;
  const DossierToken *t = tok (ctx, k);

  if (!tok_is (ctx, k, "etat") || !(t->flags & DOSSIER_TOKEN_CAPITAL) || !tok_is (ctx, k - 1, "l") ||
      (k >= s->first + 2 && tok_is (ctx, k - 2, "coup")))
    return FALSE;
  if (k + 1 < s->end_token && !(tok (ctx, k + 1)->flags & (DOSSIER_TOKEN_COMMA | DOSSIER_TOKEN_STOP | DOSSIER_TOKEN_BREAK)) &&
      (owner[k + 1] >= 0 || is_capitalised (tok (ctx, k + 1)) ||
       (tok_class (ctx, k + 1) & DOSSIER_WORD_NATIONALITY) || tok_is (ctx, k + 1, "membre") ||
       tok_is (ctx, k + 1, "providence") || tok_is (ctx, k + 1, "nation") || tok_is (ctx, k + 1, "major")))
    return FALSE;
  return TRUE;
}

static const char * const description_determiners[] = { "le", "la", "l", "the", "du", "au" };
static const char * const complement_words[] = { "de", "d", "of", "du" };
static const char * const described_words[] = { "de", "d", "of", "des" };

static inline gboolean
ends_phrase (Ctx   *ctx,
             guint  k)
{
  return (tok (ctx, k)->flags & (DOSSIER_TOKEN_COMMA | DOSSIER_TOKEN_STOP | DOSSIER_TOKEN_BREAK)) != 0;
}

/* "le gouvernement", "the government": the state named last before,
 * however far.  Not "le gouvernement français" (the gazetteer's) nor "le
 * gouvernement de X" (a head of government). */
static void
resolve_state_noun (Ctx         *ctx,
                    guint        si,
                    guint        k,
                    GArray      *states,
                    guint       *next_state,
                    int          own_state)
{
  const Sent *s = &g_array_index (ctx->sents, Sent, si);
  int *owner = (int *) (gpointer) ctx->owner->data;
  int last = -1;

  if (k + 1 < s->end_token && !ends_phrase (ctx, k + 1) &&
      (owner[k + 1] >= 0 || is_capitalised (tok (ctx, k + 1)) || TOK_IN (ctx, k + 1, complement_words) ||
       (tok_class (ctx, k + 1) & DOSSIER_WORD_NATIONALITY)))
    return;
  for (; *next_state < states->len && mention (ctx, g_array_index (states, int, *next_state))->first < k; (*next_state)++)
    ;
  if (*next_state > 0)
    last = g_array_index (states, int, *next_state - 1);
  /* "l'État" found on this walk counts too, when it is the later. */
  if (own_state >= 0 && (last < 0 || mention (ctx, own_state)->first > mention (ctx, last)->first))
    last = own_state;
  if (last >= 0)
    owner[k] = push_mention (ctx, si, dossier_graph_get_entity (ctx->graph, mention (ctx, last)->entity),
                             k, k + 1, NULL, TRUE, -1);
}

/* The end of a company described at @k ("the Japanese steelmaker", "le
 * distributeur français"), or 0 when the words there are no description
 * or a name says who ("le groupe Bolloré", "le groupe contrôlé par X"). */
static guint
company_description_end (Ctx        *ctx,
                         const Sent *s,
                         guint       k)
{
  const int *owner = (const int *) (gpointer) ctx->owner->data;
  guint end = k + 1;

  if ((tok_class (ctx, k) & DOSSIER_WORD_NATIONALITY) && k + 1 < s->end_token &&
      is_company_noun (ctx, k + 1) && owner[k + 1] < 0)
    end = k + 2;
  else if (!is_company_noun (ctx, k))
    return 0;
  if (end < s->end_token && owner[end] < 0 && !is_capitalised (tok (ctx, end)) &&
      (tok_class (ctx, end) & DOSSIER_WORD_NATIONALITY) && !(tok (ctx, end)->flags & DOSSIER_TOKEN_COMMA))
    end++;
  /* "le groupe Bolloré", "le groupe de travail": named or described. */
  if (end < s->end_token && !ends_phrase (ctx, end) &&
      (is_capitalised (tok (ctx, end)) || owner[end] >= 0 || TOK_IN (ctx, end, described_words)))
    return 0;
  /* "le groupe contrôlé par Vandelle": a name close after it says who. */
  for (guint t = end; t < s->end_token && t < end + 4; t++)
    {
      if (ends_phrase (ctx, t))
        break;
      if (owner[t] >= 0)
        return 0;
    }
  return end;
}

/* The company a description in sentence @si stands for: the last one
 * named before it (in @companies up to *@next), not one this sentence
 * named before the description, within three sentences. */
static int
description_antecedent (Ctx    *ctx,
                        guint   si,
                        guint   k,
                        GArray *companies,
                        guint  *next)
{
  for (; *next < companies->len && mention (ctx, g_array_index (companies, int, *next))->first < k; (*next)++)
    ;
  /* Both walks are bounded, so that a sentence listing thousands of
   * companies stays linear. */
  for (int c = (int) *next - 1; c >= 0 && *next - c <= 32; c--)
    {
      const Mention *m = mention (ctx, g_array_index (companies, int, c));
      gboolean in_clause = FALSE;

      if (m->sentence + 3 < si)
        break;
      for (int d = (int) *next - 1; d >= 0 && *next - d <= 32; d--)
        {
          const Mention *o = mention (ctx, g_array_index (companies, int, d));

          if (o->sentence != si)
            break;
          if (o->entity == m->entity)
            in_clause = TRUE;
        }
      if (!in_clause)
        return g_array_index (companies, int, c);
    }
  return -1;
}

/* The actors' mentions of one type, not nested, in text order. */
static GArray *
mentions_of_type (Ctx               *ctx,
                  DossierEntityType  type,
                  gboolean           descriptive_too)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < ctx->mentions->len; i++)
    {
      const Mention *m = mention (ctx, i);
      int index = (int) i;

      if (!m->nested && (descriptive_too || !m->descriptive) &&
          dossier_graph_get_entity (ctx->graph, m->entity)->type == type)
        g_array_append_val (out, index);
    }
  g_array_sort_with_data (out, compare_mention_starts, ctx);
  return out;
}

/* "l'État", "le gouvernement", "le distributeur français", "the Japanese
 * steelmaker": descriptions that stand for an actor named before. */
static void
resolve_descriptions (Ctx *ctx)
{
  int *owner = (int *) (gpointer) ctx->owner->data;
  g_autoptr(GArray) companies = mentions_of_type (ctx, DOSSIER_ENTITY_COMPANY, FALSE);
  g_autoptr(GArray) states = mentions_of_type (ctx, DOSSIER_ENTITY_GOVERNMENT, TRUE);
  guint next = 0, next_state = 0;
  int own_state = -1;

  for (guint si = 0; si < ctx->sents->len; si++)
    {
      const Sent *s = &g_array_index (ctx->sents, Sent, si);

      if (s->section == DOSSIER_SECTION_COMMENTS)
        continue;
      for (guint k = s->first + 1; k < s->end_token; k++)
        {
          guint end;
          int antecedent, d;

          if (owner[k] < 0 && is_own_state (ctx, s, k))
            {
              const DossierGazetteerEntry *entry = dossier_gazetteer_lookup (ctx->gazetteer, "French government");

              if (entry != NULL)
                owner[k] = own_state = push_mention (ctx, si, entity_for_entry (ctx, entry), k, k + 1, entry, FALSE, -1);
              continue;
            }
          if (owner[k] >= 0 || owner[k - 1] >= 0 || is_capitalised (tok (ctx, k)) ||
              !TOK_IN (ctx, k - 1, description_determiners))
            continue;
          if (is_government_noun (ctx, k))
            {
              resolve_state_noun (ctx, si, k, states, &next_state, own_state);
              continue;
            }
          if (companies->len == 0 || (end = company_description_end (ctx, s, k)) == 0 ||
              (antecedent = description_antecedent (ctx, si, k, companies, &next)) < 0)
            continue;
          d = push_mention (ctx, si, dossier_graph_get_entity (ctx->graph, mention (ctx, antecedent)->entity),
                            k, end, NULL, TRUE, -1);
          for (guint t = k; t < end; t++)
            owner[t] = d;
          k = end - 1;
        }
    }
}

/* Gazetteer ---------------------------------------------------------- */

/* Whether the text between @from and @to is a dash with spaces around:
 * "Air France – KLM", "Air France - KLM". */
static gboolean
is_spaced_dash (const char *text,
                gsize       from,
                gsize       to)
{
  gsize k = from;
  gboolean dash = FALSE;

  while (k < to && text[k] == ' ')
    k++;
  if (k < to && text[k] == '-')
    k++, dash = TRUE;
  else if (k + 3 <= to && (memcmp (text + k, "\xe2\x80\x93", 3) == 0 || memcmp (text + k, "\xe2\x80\x94", 3) == 0))
    k += 3, dash = TRUE;
  while (k < to && text[k] == ' ')
    k++;
  return dash && k == to && to - from > 1;
}

/* Two names either side of a spaced dash are one when the gazetteer knows
 * the compound: "Air France – KLM" is Air France-KLM, not two airlines. */
static void
join_dashed_matches (Ctx    *ctx,
                     GArray *matches)
{
  const char *text = ctx->article->text;

  for (guint i = 0; i + 1 < matches->len; i++)
    {
      DossierGazetteerMatch *a = &g_array_index (matches, DossierGazetteerMatch, i);
      const DossierGazetteerMatch *b = &g_array_index (matches, DossierGazetteerMatch, i + 1);
      const DossierGazetteerEntry *entry;
      g_autofree char *name = NULL;

      gsize a_start, a_end, b_start, b_end;

      /* (an en dash may be read as a token of its own) */
      if (a->descriptive || b->descriptive || b->first_token - a->end_token > 1)
        continue;
      a_start = tok (ctx, a->first_token)->start;
      a_end = tok (ctx, a->end_token - 1)->end;
      b_start = tok (ctx, b->first_token)->start;
      b_end = tok (ctx, b->end_token - 1)->end;
      if (!is_spaced_dash (text, a_end, b_start))
        continue;
      name = g_strdup_printf ("%.*s-%.*s", (int) (a_end - a_start), text + a_start,
                              (int) (b_end - b_start), text + b_start);
      if ((entry = dossier_gazetteer_lookup (ctx->gazetteer, name)) == NULL)
        continue;
      a->entry = entry;
      a->end = b->end;
      a->end_token = b->end_token;
      g_array_remove_index (matches, i + 1);
    }
}

static void
match_sentence (Ctx   *ctx,
                guint  si)
{
  const Sent *s = &g_array_index (ctx->sents, Sent, si);
  const DossierToken *tokens = (const DossierToken *) (gpointer) ctx->tokens->data;
  int *owner = (int *) (gpointer) ctx->owner->data;

  g_array_set_size (ctx->matches, 0);
  dossier_gazetteer_match_tokens (ctx->gazetteer, ctx->folded, tokens, s->first, s->end_token,
                                  ctx->matches);
  join_dashed_matches (ctx, ctx->matches);

  for (guint i = 0; i < ctx->matches->len; i++)
    {
      const DossierGazetteerMatch *match = &g_array_index (ctx->matches, DossierGazetteerMatch, i);
      DossierEntity *entity = entity_for_entry (ctx, match->entry);
      int m = push_mention (ctx, si, entity, match->first_token, match->end_token,
                            match->entry, match->descriptive, -1);

      for (guint k = match->first_token; k < match->end_token; k++)
        owner[k] = m;

      /* A person inside an organisation's form heads it:
       * "l'administration Trump", "le groupe de Larry Ellison". */
      if (match->entry->type != DOSSIER_ENTITY_PERSON && match->end_token - match->first_token >= 2)
        {
          g_array_set_size (ctx->nested, 0);
          dossier_gazetteer_match_tokens (ctx->gazetteer, ctx->folded, tokens,
                                          match->first_token + 1, match->end_token, ctx->nested);
          for (guint n = 0; n < ctx->nested->len; n++)
            {
              const DossierGazetteerMatch *inner = &g_array_index (ctx->nested, DossierGazetteerMatch, n);

              if (inner->entry->type == DOSSIER_ENTITY_PERSON && !inner->descriptive)
                push_mention (ctx, si, entity_for_entry (ctx, inner->entry), inner->first_token,
                              inner->end_token, inner->entry, FALSE, m);
            }
        }
    }
}

/* Relations ---------------------------------------------------------- */

static gboolean
types_fit (DossierRelationType  type,
           DossierEntityType    src,
           DossierEntityType    dst)
{
  switch (type)
    {
    case DOSSIER_RELATION_OWNS:
      return src != DOSSIER_ENTITY_MEDIA && (dst == DOSSIER_ENTITY_COMPANY || dst == DOSSIER_ENTITY_MEDIA);
    case DOSSIER_RELATION_ACQUIRES:
      return (src == DOSSIER_ENTITY_COMPANY || src == DOSSIER_ENTITY_PERSON) &&
             (dst == DOSSIER_ENTITY_COMPANY || dst == DOSSIER_ENTITY_MEDIA);
    case DOSSIER_RELATION_PARTNERS:
    case DOSSIER_RELATION_NEGOTIATES:
      return src != DOSSIER_ENTITY_MEDIA && dst != DOSSIER_ENTITY_MEDIA &&
             src != DOSSIER_ENTITY_PERSON && dst != DOSSIER_ENTITY_PERSON;
    case DOSSIER_RELATION_SUPPLIES:
      return src == DOSSIER_ENTITY_COMPANY && dst != DOSSIER_ENTITY_MEDIA && dst != DOSSIER_ENTITY_PERSON;
    case DOSSIER_RELATION_LEADS:
      return src == DOSSIER_ENTITY_PERSON && dst != DOSSIER_ENTITY_PERSON;
    case DOSSIER_RELATION_SUPPORTS:
    case DOSSIER_RELATION_OPPOSES:
      return src != DOSSIER_ENTITY_MEDIA && dst != DOSSIER_ENTITY_MEDIA;
    case DOSSIER_RELATION_REGULATES:
      return src == DOSSIER_ENTITY_GOVERNMENT && dst != DOSSIER_ENTITY_GOVERNMENT &&
             dst != DOSSIER_ENTITY_MEDIA;
    case DOSSIER_RELATION_WITHDRAWS:
      return src != DOSSIER_ENTITY_MEDIA && src != DOSSIER_ENTITY_GOVERNMENT &&
             dst == DOSSIER_ENTITY_COMPANY;
    case DOSSIER_RELATION_REPORTS:
      return src == DOSSIER_ENTITY_MEDIA && dst != DOSSIER_ENTITY_MEDIA;
    case DOSSIER_RELATION_MENTIONED_WITH:
    case DOSSIER_N_RELATION_TYPES:
    default:
      return TRUE;
    }
}

/* Which relations a subject may have with the article's topic when the
 * object is not named in the sentence ("Microsoft s'est retiré"). */
static gboolean
topic_fallback (DossierRelationType type)
{
  return type == DOSSIER_RELATION_ACQUIRES || type == DOSSIER_RELATION_WITHDRAWS ||
         type == DOSSIER_RELATION_PARTNERS || type == DOSSIER_RELATION_OWNS ||
         type == DOSSIER_RELATION_SUPPLIES || type == DOSSIER_RELATION_REGULATES;
}

/* "supplies chips to Chinese firms", "s'associe avec des start-up": the
 * other party is said, only not as a known actor, so it is not the topic. */
static gboolean
names_other_party (Ctx                 *ctx,
                   const Sent          *s,
                   DossierRelationType  type,
                   guint                cue_end)
{
  static const char * const to[] = { "to", "with", "a", "aux", "au", "avec" };

  if (type != DOSSIER_RELATION_SUPPLIES && type != DOSSIER_RELATION_PARTNERS)
    return FALSE;
  for (guint k = cue_end; k < s->end_token && k < cue_end + 3; k++)
    {
      if (k > cue_end && (tok (ctx, k)->flags & (DOSSIER_TOKEN_COMMA | DOSSIER_TOKEN_BREAK | DOSSIER_TOKEN_STOP)))
        break;
      for (guint i = 0; i < G_N_ELEMENTS (to); i++)
        if (tok_is (ctx, k, to[i]) && k + 1 < s->end_token)
          return TRUE;
    }
  return FALSE;
}

static void
note_typed (Ctx   *ctx,
            guint  a,
            guint  b)
{
  guint64 key = a < b ? ((guint64) a << 32 | b) : ((guint64) b << 32 | a);

  g_array_append_val (ctx->typed, key);
}

static gboolean
was_typed (Ctx   *ctx,
           guint  a,
           guint  b)
{
  guint64 key = a < b ? ((guint64) a << 32 | b) : ((guint64) b << 32 | a);

  for (guint i = 0; i < ctx->typed->len; i++)
    if (g_array_index (ctx->typed, guint64, i) == key)
      return TRUE;
  return FALSE;
}

/* Records one relation with its passage.  @src_m/@dst_m are mention
 * indices, or -1 with @dst_entity given (the topic) and the cue as span. */
static void
emit (Ctx                 *ctx,
      const Sent          *s,
      DossierRelationType  type,
      int                  src_m,
      int                  dst_m,
      guint                dst_entity,
      guint                cue_first,
      guint                cue_end,
      DossierEvidenceFlags flags)
{
  DossierGraph *graph = ctx->graph;
  guint src, dst;
  gsize ss, se, ts, te;
  DossierEntity *se_ent, *te_ent;
  DossierRelation *relation;
  DossierEvidence ev = { 0 };

  if (src_m < 0)
    return;

  src = mention (ctx, src_m)->entity;
  ss = tok (ctx, mention (ctx, src_m)->first)->start;
  se = tok (ctx, mention (ctx, src_m)->end - 1)->end;
  if (dst_m >= 0)
    {
      dst = mention (ctx, dst_m)->entity;
      ts = tok (ctx, mention (ctx, dst_m)->first)->start;
      te = tok (ctx, mention (ctx, dst_m)->end - 1)->end;
    }
  else
    {
      if (dst_entity == G_MAXUINT)
        return;
      dst = dst_entity;
      ts = tok (ctx, cue_first)->start;
      te = tok (ctx, cue_end - 1)->end;
    }

  se_ent = dossier_graph_get_entity (graph, src);
  te_ent = dossier_graph_get_entity (graph, dst);

  /* A head of state acts through the state: "Trump a signé un décret". */
  if (type == DOSSIER_RELATION_REGULATES && se_ent->type == DOSSIER_ENTITY_PERSON &&
      src_m >= 0 && mention (ctx, src_m)->entry != NULL && mention (ctx, src_m)->entry->leads != NULL)
    {
      const DossierGazetteerEntry *led = dossier_gazetteer_lookup (ctx->gazetteer,
                                                                   mention (ctx, src_m)->entry->leads);

      if (led != NULL && led->type == DOSSIER_ENTITY_GOVERNMENT)
        {
          se_ent = entity_for_entry (ctx, led);
          src = se_ent->id;
        }
    }

  if (src == dst)
    return;

  if (!types_fit (type, se_ent->type, te_ent->type))
    {
      gsize tmp;

      /* Types settle the direction of these: the person leads, the state
       * regulates, the newspaper reports. */
      if ((type == DOSSIER_RELATION_LEADS || type == DOSSIER_RELATION_REGULATES ||
           type == DOSSIER_RELATION_REPORTS) && dst_m >= 0 &&
          types_fit (type, te_ent->type, se_ent->type))
        {
          guint t = src;
          src = dst;
          dst = t;
          tmp = ss; ss = ts; ts = tmp;
          tmp = se; se = te; te = tmp;
        }
      else
        return;
    }

  TRACE ("%s %s %s [cue %.*s]", se_ent->name, dossier_relation_type_to_string (type), te_ent->name,
         (int) (tok (ctx, cue_end - 1)->end - tok (ctx, cue_first)->start),
         ctx->article->text + tok (ctx, cue_first)->start);
  relation = dossier_graph_ensure_relation (graph, src, type, dst);
  if (dossier_relation_type_is_symmetric (type) && relation->source != src)
    {
      gsize tmp;
      tmp = ss; ss = ts; ts = tmp;
      tmp = se; se = te; te = tmp;
    }
  ev.article = ctx->article_index;
  ev.start = s->start;
  ev.end = s->end;
  /* A passage holds both mentions it links, whole sentences around them:
   * "Tel que rapporté par CNBC :" names the quote in the next paragraph. */
  for (guint k = 0; k < 2; k++)
    {
      int m = k == 0 ? src_m : dst_m;

      if (m >= 0)
        {
          const Sent *o = &g_array_index (ctx->sents, Sent, mention (ctx, m)->sentence);

          ev.start = MIN (ev.start, o->start);
          ev.end = MAX (ev.end, o->end);
        }
    }
  ev.start = MIN (ev.start, MIN (ss, ts));
  ev.end = MAX (ev.end, MAX (se, te));
  ev.source_start = ss;
  ev.source_end = se;
  ev.target_start = ts;
  ev.target_end = te;
  ev.date = dossier_article_date_for_range (ctx->article, ev.start, ev.end);
  ev.flags = flags;
  if (s->section == DOSSIER_SECTION_COMMENTS)
    ev.flags |= DOSSIER_EVIDENCE_COMMENTS;
  dossier_graph_add_evidence (graph, relation, &ev);
  note_typed (ctx, src, dst);
}

static gboolean
is_prepositional (Ctx     *ctx,
                  const Sent *s,
                  int      m)
{
  int k = word_before (ctx, s, mention (ctx, m)->first);

  return k >= (int) s->first && (tok_class (ctx, k) & DOSSIER_WORD_PREPOSITION);
}

/* "aux États-Unis", "in China": a state named as a place is no party to
 * a deal (it still is to a ban: "banni aux États-Unis"). */
static gboolean
is_locative (Ctx        *ctx,
             const Sent *s,
             int         m)
{
  int k = (int) mention (ctx, m)->first - 1;

  if (entity_of (ctx, m)->type != DOSSIER_ENTITY_GOVERNMENT)
    return FALSE;
  /* "les utilisateurs US": an acronym after a noun is an adjective. */
  if ((tok (ctx, mention (ctx, m)->first)->flags & DOSSIER_TOKEN_ALL_CAPS) &&
      mention (ctx, m)->end - mention (ctx, m)->first == 1 && k >= (int) s->first &&
      !(tok (ctx, k)->flags & (DOSSIER_TOKEN_CAPITAL | DOSSIER_TOKEN_ALL_CAPS)) &&
      !(tok_class (ctx, k) & (DOSSIER_WORD_PREPOSITION | DOSSIER_WORD_DETERMINER)))
    return TRUE;
  k = word_before (ctx, s, mention (ctx, m)->first);
  return k >= (int) s->first &&
         (tok_is (ctx, k, "aux") || tok_is (ctx, k, "au") || tok_is (ctx, k, "en") ||
          tok_is (ctx, k, "in") || tok_is (ctx, k, "dans") || tok_is (ctx, k, "across") ||
          tok_is (ctx, k, "sol") || tok_is (ctx, k, "outside") || tok_is (ctx, k, "hors"));
}

/* The nearest mention before token @t: a subject rather than the object
 * of a preposition when there is one in reach. */
static int
left_mention (Ctx        *ctx,
              const Sent *s,
              guint       t,
              int         self,
              guint       reach,
              gboolean    prefer_subject)
{
  int *owner = (int *) (gpointer) ctx->owner->data;
  int fallback = -1;
  guint far = prefer_subject ? MAX (reach, SUBJECT_WINDOW) : reach;

  /* "Microsoft, a major Nvidia customer, partners with": the subject is
   * the name before an apposition (between commas, opening on an article),
   * not a name inside it. */
  if (t < s->end_token && (tok (ctx, t)->flags & DOSSIER_TOKEN_COMMA))
    {
      for (guint c = t - 1; c > s->first && t - c <= 8; c--)
        {
          if (tok_class (ctx, c) & DOSSIER_WORD_CLAUSE)
            break;
          if (tok (ctx, c)->flags & DOSSIER_TOKEN_COMMA)
            {
              int before = owner[c - 1];

              if (before >= 0 && before != self && (tok_class (ctx, c) & DOSSIER_WORD_DETERMINER) &&
                  owner[c] < 0 && (self < 0 || mention (ctx, before)->entity != mention (ctx, self)->entity))
                return before;
              break;
            }
        }
    }

  for (int k = (int) t - 1; k >= (int) s->first && t - k <= far; k--)
    {
      int m = owner[k];

      if (m < 0 || m == self)
        {
          if (tok_class (ctx, k) & DOSSIER_WORD_CLAUSE)
            break;
          continue;
        }
      if ((self >= 0 && mention (ctx, m)->entity == mention (ctx, self)->entity) ||
          (ctx->skip_locative && is_locative (ctx, s, m)))
        {
          k = mention (ctx, m)->first;
          continue;
        }
      if (!prefer_subject || !is_prepositional (ctx, s, m))
        return m;
      if (fallback < 0 && t - k <= reach)
        fallback = m;
      k = mention (ctx, m)->first;
    }

  return fallback;
}

static int
right_mention (Ctx        *ctx,
               const Sent *s,
               guint       t,
               int         self,
               guint       reach,
               gboolean    stop_at_relative)
{
  int *owner = (int *) (gpointer) ctx->owner->data;

  for (guint k = t; k < s->end_token && k - t < reach; k++)
    {
      int m = owner[k];

      /* "did not buy the startup, the Financial Times reported": after
       * words of its own, the object ends at a comma. */
      if (stop_at_relative && k > t + 1 && (tok (ctx, k)->flags & DOSSIER_TOKEN_COMMA))
        return -1;
      if (m >= 0 && m != self && ctx->skip_locative && is_locative (ctx, s, m))
        {
          k = mention (ctx, m)->end - 1;
          continue;
        }
      if (m >= 0 && m != self)
        return m;
      if (m < 0)
        {
          guint cls = tok_class (ctx, k);

          if ((cls & DOSSIER_WORD_CLAUSE) || (stop_at_relative && (cls & DOSSIER_WORD_RELATIVE)))
            return -1;
        }
    }

  return -1;
}

/* The mentions listed with @m: "Microsoft, Oracle, Walmart et Triller".
 * Commas alone do not make a list ("TikTok US, Microsoft abandonne"). */
static void
coordinated (Ctx        *ctx,
             const Sent *s,
             int         m,
             GArray     *out)
{
  int *owner = (int *) (gpointer) ctx->owner->data;
  int cur;
  gboolean conjunction = FALSE;

  g_array_set_size (out, 0);
  g_array_append_val (out, m);

  /* Backwards. */
  cur = m;
  for (;;)
    {
      int k = (int) mention (ctx, cur)->first - 1;

      if (k >= (int) s->first && (tok_class (ctx, k) & DOSSIER_WORD_COORD) && owner[k] < 0)
        {
          k--;
          conjunction = TRUE;
        }
      else if (!(tok (ctx, mention (ctx, cur)->first)->flags & DOSSIER_TOKEN_COMMA))
        break;
      if (k < (int) s->first || owner[k] < 0)
        break;
      cur = owner[k];
      g_array_append_val (out, cur);
    }

  /* Forwards. */
  cur = m;
  for (;;)
    {
      guint k = mention (ctx, cur)->end;

      if (k >= s->end_token)
        break;
      if ((tok_class (ctx, k) & DOSSIER_WORD_COORD) && owner[k] < 0)
        {
          k++;
          conjunction = TRUE;
        }
      else if (!(tok (ctx, k)->flags & DOSSIER_TOKEN_COMMA))
        break;
      if (k >= s->end_token || owner[k] < 0)
        break;
      cur = owner[k];
      g_array_append_val (out, cur);
    }

  if (!conjunction)
    g_array_set_size (out, 1);
}

static void
emit_all (Ctx                 *ctx,
          const Sent          *s,
          DossierRelationType  type,
          int                  src_m,
          int                  dst_m,
          guint                dst_entity,
          guint                cue_first,
          guint                cue_end,
          DossierEvidenceFlags flags)
{
  GArray *srcs = ctx->group_a;
  GArray *dsts = ctx->group_b;

  if (src_m < 0)
    return;
  coordinated (ctx, s, src_m, srcs);
  if (dst_m >= 0)
    coordinated (ctx, s, dst_m, dsts);
  else
    {
      int none = -1;

      g_array_set_size (dsts, 0);
      g_array_append_val (dsts, none);
    }

  for (guint i = 0; i < srcs->len; i++)
    for (guint j = 0; j < dsts->len; j++)
      emit (ctx, s, type, g_array_index (srcs, int, i), g_array_index (dsts, int, j),
            dst_entity, cue_first, cue_end, flags);
}

static DossierEvidenceFlags
cue_flags (Ctx              *ctx,
           const Sent       *s,
           const DossierCue *cue,
           guint             first,
           guint             end,
           gboolean          hypothetical)
{
  DossierEvidenceFlags flags = hypothetical ? DOSSIER_EVIDENCE_HYPOTHETICAL : 0;

  if (cue->keeps_fact)
    return flags;

  /* "ne vendront pas", "n'a pas racheté", "did not buy"; further back,
   * "n'a aucune intention de renoncer", "without buying". */
  for (int k = (int) first - 1; k >= (int) s->first && first - k <= 4; k--)
    {
      if (ctx->owner->len > (guint) k && g_array_index (ctx->owner, int, k) >= 0)
        break;
      if ((tok_class (ctx, k) & DOSSIER_WORD_NEGATION) &&
          (first - k <= 2 || tok_is (ctx, k, "aucune") || tok_is (ctx, k, "aucun") ||
           tok_is (ctx, k, "no") || tok_is (ctx, k, "sans") || tok_is (ctx, k, "without") ||
           tok_is (ctx, k, "refuse") || tok_is (ctx, k, "refused") || tok_is (ctx, k, "refuses")))
        return flags | DOSSIER_EVIDENCE_NEGATED;
    }
  if (end < s->end_token && (tok_is (ctx, end, "pas") || tok_is (ctx, end, "jamais") ||
                             tok_is (ctx, end, "not") || tok_is (ctx, end, "never")))
    return flags | DOSSIER_EVIDENCE_NEGATED;

  return flags;
}

/* The first mention after @m in the sentence that is not media. */
static int
next_subject (Ctx        *ctx,
              const Sent *s,
              guint       from)
{
  int *owner = (int *) (gpointer) ctx->owner->data;

  for (guint k = from; k < s->end_token; k++)
    {
      int m = owner[k];

      if (m < 0)
        continue;
      if (entity_of (ctx, m)->type != DOSSIER_ENTITY_MEDIA)
        return m;
      k = mention (ctx, m)->end - 1;
    }

  return -1;
}

static int
mention_after_of (Ctx        *ctx,
                  const Sent *s,
                  guint       t,
                  guint       reach)
{
  int *owner = (int *) (gpointer) ctx->owner->data;

  /* "de X", "d'X", "du X", "of X", within @reach words. */
  for (guint k = t; k < s->end_token && k - t < reach; k++)
    {
      if (owner[k] >= 0)
        {
          int j = (int) k - 1;

          while (j >= (int) t && (tok_class (ctx, j) & DOSSIER_WORD_DETERMINER) &&
                 !(tok_class (ctx, j) & DOSSIER_WORD_PREPOSITION))
            j--;
          if (j >= (int) t && (tok_is (ctx, j, "de") || tok_is (ctx, j, "d") ||
                               tok_is (ctx, j, "du") || tok_is (ctx, j, "of") ||
                               tok_is (ctx, j, "des") || tok_is (ctx, j, "by") ||
                               tok_is (ctx, j, "par") || tok_is (ctx, j, "a")))
            return owner[k];
          return -1;
        }
      if (tok_class (ctx, k) & (DOSSIER_WORD_CLAUSE | DOSSIER_WORD_RELATIVE))
        return -1;
    }

  return -1;
}

/* What "la proposition de Microsoft", "Microsoft s'est retiré" are about
 * when the sentence does not say: the most salient company named in this
 * sentence or the two before, other than the actor; else the topic. */
static guint salient_company (Ctx   *ctx,
                              guint  si,
                              guint  exclude);

static guint
implicit_object (Ctx   *ctx,
                 guint  si,
                 int    actor)
{
  guint exclude = mention (ctx, actor)->entity;

  /* "Huang called the acquisition a fit": a person comments on deals
   * more often than makes them; only a named object will do. */
  if (dossier_graph_get_entity (ctx->graph, exclude)->type == DOSSIER_ENTITY_PERSON)
    return G_MAXUINT;

  return salient_company (ctx, si, exclude);
}

/* The most salient company named in sentence @si or the two before, other
 * than @exclude; else the window's topic. */
static guint
salient_company (Ctx   *ctx,
                 guint  si,
                 guint  exclude)
{
  guint best = G_MAXUINT, best_score = 0;

  for (guint k = si >= 2 ? si - 2 : 0; k <= si; k++)
    {
      const Sent *s = &g_array_index (ctx->sents, Sent, k);

      for (guint i = s->m_first; i < s->m_end; i++)
        {
          const Mention *m = mention (ctx, i);
          guint score;

          if (m->nested || m->entity == exclude ||
              dossier_graph_get_entity (ctx->graph, m->entity)->type != DOSSIER_ENTITY_COMPANY)
            continue;
          score = GPOINTER_TO_UINT (g_hash_table_lookup (ctx->salience, GUINT_TO_POINTER (m->entity)));
          if (score > best_score)
            {
              best = m->entity;
              best_score = score;
            }
        }
    }

  if (best == G_MAXUINT && ctx->topic != exclude)
    best = ctx->topic;
  return best;
}

/* What "sa" refers to in "ByteDance, sa maison mère": the last company
 * named before @actor, in this sentence or the two before. */
static guint
antecedent (Ctx   *ctx,
            guint  si,
            int    actor)
{
  guint exclude = mention (ctx, actor)->entity;
  guint first = g_array_index (ctx->sents, Sent, si >= 2 ? si - 2 : 0).m_first;

  for (int i = actor - 1; i >= (int) first; i--)
    {
      const Mention *m = mention (ctx, i);

      if (!m->nested && m->entity != exclude &&
          dossier_graph_get_entity (ctx->graph, m->entity)->type == DOSSIER_ENTITY_COMPANY)
        return m->entity;
    }

  return G_MAXUINT;
}

/* Whether @m (or what it is listed with) is the first actor of the
 * sentence, its likely subject. */
static gboolean
is_subject (Ctx        *ctx,
            const Sent *s,
            int         m)
{
  GArray *group = ctx->group_c;

  coordinated (ctx, s, m, group);
  for (guint i = s->m_first; i < s->m_end; i++)
    {
      if (mention (ctx, i)->nested || entity_of (ctx, i)->type == DOSSIER_ENTITY_MEDIA ||
          is_locative (ctx, s, i))
        continue;
      for (guint g = 0; g < group->len; g++)
        if (g_array_index (group, int, g) == (int) i)
          return TRUE;
      return FALSE;
    }

  return FALSE;
}


/* The subject a pronoun before @cf stands for: the first actor of the
 * sentence before, when this one opens on "il", "elle", "it", "they". */
static int
carried_subject (Ctx   *ctx,
                 guint  si,
                 guint  cf)
{
  static const char * const pronouns[] = { "il", "elle", "it", "he", "she", "they", "ils", "elles" };
  const Sent *s = &g_array_index (ctx->sents, Sent, si);
  const Sent *prev;
  const int *owner = (const int *) (gpointer) ctx->owner->data;
  gboolean pronoun = FALSE;

  if (si == 0)
    return -1;
  for (guint k = s->first; k < cf && k < s->first + 3; k++)
    for (guint i = 0; i < G_N_ELEMENTS (pronouns); i++)
      if (tok_is (ctx, k, pronouns[i]))
        pronoun = TRUE;
  for (guint k = s->first; k < cf; k++)
    if (owner[k] >= 0)
      return -1;
  if (!pronoun)
    return -1;
  prev = &g_array_index (ctx->sents, Sent, si - 1);
  for (guint i = prev->m_first; i < prev->m_end; i++)
    if (!mention (ctx, i)->nested && entity_of (ctx, i)->type != DOSSIER_ENTITY_MEDIA &&
        !is_prepositional (ctx, prev, i))
      return (int) i;
  return -1;
}

/* "le rachat de TikTok", "partenariat avec Zoom", "the TikTok deal": the
 * mention @m is the object of the noun before it. */
static gboolean
complement_is_object (Ctx        *ctx,
                      const Sent *s,
                      int         m)
{
  static const char * const objects[] = { "de", "d", "du", "des", "of", "avec", "with", "sur" };
  int k = word_before (ctx, s, mention (ctx, m)->first);

  if (k < (int) s->first || !(tok_class (ctx, k) & DOSSIER_WORD_PREPOSITION))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    if (tok_is (ctx, k, objects[i]))
      return TRUE;
  return FALSE;
}

/* The first actor after "including", "notamment", "such as" past @t: the
 * examples of a subject the sentence described without naming it. */
static int
first_example (Ctx        *ctx,
               const Sent *s,
               guint       t)
{
  const int *owner = (const int *) (gpointer) ctx->owner->data;

  for (guint k = t; k < s->end_token && k < t + 8; k++)
    {
      guint j = k + 1;

      if (owner[k] >= 0)
        return -1;
      if (!(tok_is (ctx, k, "including") || tok_is (ctx, k, "notamment") ||
            (k > t && tok_is (ctx, k, "as") && tok_is (ctx, k - 1, "such"))))
        continue;
      while (j < s->end_token && (tok_class (ctx, j) & DOSSIER_WORD_DETERMINER))
        j++;
      return j < s->end_token ? owner[j] : -1;
    }
  return -1;
}

/* The actors listed from the example @first on: "including the European
 * Commission, the CMA in the United Kingdom, and the DOJ".  Only
 * determiners, conjunctions and places may sit between them. */
static void
list_examples (Ctx        *ctx,
               const Sent *s,
               int         first,
               GArray     *out)
{
  const int *owner = (const int *) (gpointer) ctx->owner->data;

  g_array_set_size (out, 0);
  g_array_append_val (out, first);
  for (guint k = mention (ctx, first)->end; k < s->end_token; k++)
    {
      int m = owner[k];

      if (m >= 0)
        {
          if (!is_locative (ctx, s, m))
            g_array_append_val (out, m);
          k = mention (ctx, m)->end - 1;
        }
      else if (!(tok_class (ctx, k) & (DOSSIER_WORD_DETERMINER | DOSSIER_WORD_COORD)) &&
               !tok_is (ctx, k, "in") && !tok_is (ctx, k, "en") && !tok_is (ctx, k, "au") &&
               !tok_is (ctx, k, "aux"))
        break;
    }
}

/* Roles only a company has: not "président", "chairman" of a state or a club. */
static gboolean
is_company_role (Ctx   *ctx,
                 guint  cf)
{
  if (cf + 1 >= ctx->tokens->len)
    return tok_is (ctx, cf, "pdg") || tok_is (ctx, cf, "ceo");
  return tok_is (ctx, cf, "pdg") || tok_is (ctx, cf, "ceo") || tok_is (ctx, cf, "patron") ||
         tok_is (ctx, cf, "patronne") || (tok_is (ctx, cf, "directeur") && tok_is (ctx, cf + 1, "general")) ||
         (tok_is (ctx, cf, "directrice") && tok_is (ctx, cf + 1, "generale")) ||
         (tok_is (ctx, cf, "chief") && tok_is (ctx, cf + 1, "executive"));
}

static gboolean
comma_between (Ctx   *ctx,
               guint  from,
               guint  to)
{
  for (guint k = from; k <= to && k < ctx->tokens->len; k++)
    if (tok (ctx, k)->flags & (DOSSIER_TOKEN_COMMA | DOSSIER_TOKEN_BREAK | DOSSIER_TOKEN_STOP))
      return TRUE;
  return FALSE;
}

/* "Glencore's", "Glencore’s", "Cleveland-Cliffs'" */
static gboolean
is_possessive (Ctx *ctx,
               int  m)
{
  const char *text = ctx->article->text;
  gsize end = tok (ctx, mention (ctx, m)->end - 1)->end;
  gsize len = ctx->article->len;

  if (end < len && text[end] == '\'')
    return end + 1 >= len || text[end + 1] == 's' || text[end + 1] == ' ';
  return end + 3 < len && memcmp (text + end, "\xe2\x80\x99", 3) == 0 &&
         (text[end + 3] == 's' || text[end + 3] == ' ');
}

/* The organisation before a list of titles: "Adobe Chair and CEO". */
static int
org_before_titles (Ctx        *ctx,
                   const Sent *s,
                   guint       cf)
{
  const int *owner = (const int *) (gpointer) ctx->owner->data;

  for (int k = (int) cf - 1; k >= (int) s->first && cf - k <= 8; k--)
    {
      if (owner[k] >= 0)
        return entity_of (ctx, owner[k])->type != DOSSIER_ENTITY_PERSON ? owner[k] : -1;
      if (!(tok_class (ctx, k) & (DOSSIER_WORD_ROLE | DOSSIER_WORD_TITLE | DOSSIER_WORD_HEAD |
                                  DOSSIER_WORD_COORD)) &&
          !tok_is (ctx, k, "founder") && !tok_is (ctx, k, "international") &&
          !tok_is (ctx, k, "executive") && !tok_is (ctx, k, "officer"))
        return -1;
    }
  return -1;
}

static const char * const on_words[] = { "sur", "pour", "for", "on" };
static const char * const to_words[] = { "a", "au", "to" };

/* The mention right after one of @words, itself within three tokens of @t:
 * "sur Carrefour", "to Comcast". */
static int
after_word (Ctx                *ctx,
            const Sent         *s,
            guint               t,
            const char * const *words,
            guint               n_words)
{
  int *owner = (int *) (gpointer) ctx->owner->data;

  for (guint k = t; k < s->end_token && k < t + 3; k++)
    {
      if (owner[k] >= 0)
        return -1;
      for (guint i = 0; i < n_words; i++)
        if (tok_is (ctx, k, words[i]))
          {
            guint j = k + 1;

            while (j < s->end_token && j < k + 3 && owner[j] < 0 &&
                   (tok_class (ctx, j) & DOSSIER_WORD_DETERMINER))
              j++;
            return j < s->end_token ? owner[j] : -1;
          }
    }
  return -1;
}

/* "du groupe", "de la banque", "of the company": a role whose
 * organisation is the one the article is about. */
static gboolean
names_own_company (Ctx        *ctx,
                   const Sent *s,
                   guint       t)
{
  static const char * const of_words[] = { "du", "de", "d", "of" };
  guint k = t;

  if (k < s->end_token && TOK_IN (ctx, k, of_words))
    k++;
  else
    return FALSE;
  while (k < s->end_token && (tok_class (ctx, k) & DOSSIER_WORD_DETERMINER))
    k++;
  return k < s->end_token && (tok_class (ctx, k) & DOSSIER_WORD_COMPANY_CUE) &&
         g_array_index (ctx->owner, int, k) < 0;
}

static const char * const stake_words[] = { "participation", "participations", "stake", "stakes", "parts" };
static const char * const in_words[] = { "dans", "in" };

/* The company a stake at or after @t (within @reach words, before any
 * actor) is held in: "l'essentiel de la participation d'Engie dans Suez",
 * "its stake in Y".  *@holder receives the actor after "de", "par" or
 * "by" between the two ("détenue par X"), or -1. */
static int
stake_held (Ctx        *ctx,
            const Sent *s,
            guint       t,
            guint       reach,
            int        *holder)
{
  const int *owner = (const int *) (gpointer) ctx->owner->data;

  *holder = -1;
  for (guint k = t; k < s->end_token && k < t + reach; k++)
    {
      gboolean stake = FALSE;

      if (owner[k] >= 0 || (tok_class (ctx, k) & (DOSSIER_WORD_CLAUSE | DOSSIER_WORD_RELATIVE)))
        return -1;
      for (guint i = 0; i < G_N_ELEMENTS (stake_words); i++)
        stake = stake || tok_is (ctx, k, stake_words[i]);
      if (!stake)
        continue;
      for (guint j = k + 1; j < s->end_token && j < k + 8; j++)
        {
          if (owner[j] >= 0)
            {
              /* "Engie ENGIE.PA": a ticker after the name is the same actor */
              if (*holder >= 0 && mention (ctx, owner[j])->entity == mention (ctx, *holder)->entity)
                {
                  j = mention (ctx, owner[j])->end - 1;
                  continue;
                }
              if (*holder >= 0)
                return -1;
              *holder = mention_after_of (ctx, s, j - 1 > k ? j - 2 : j, 3);
              if (*holder < 0)
                return -1;
              j = mention (ctx, *holder)->end - 1;
              continue;
            }
          if (tok_class (ctx, j) & (DOSSIER_WORD_CLAUSE | DOSSIER_WORD_RELATIVE))
            return -1;
          for (guint i = 0; i < G_N_ELEMENTS (in_words); i++)
            if (tok_is (ctx, j, in_words[i]))
              {
                guint h = j + 1;

                while (h < s->end_token && (tok_class (ctx, h) & DOSSIER_WORD_DETERMINER) && owner[h] < 0)
                  h++;
                return h < s->end_token ? owner[h] : -1;
              }
        }
      return -1;
    }
  return -1;
}

/* "la participation d'Engie dans Suez", "sa participation dans Y",
 * "Vandelle's stake in Y": the holder owns Y.  FALSE when the stake has
 * no holder of its own, for the noun frame to find one. */
static gboolean
stake_frame (Ctx                 *ctx,
             guint                si,
             guint                cf,
             DossierRelationType  type,
             guint                ce,
             DossierEvidenceFlags flags)
{
  const Sent *s = &g_array_index (ctx->sents, Sent, si);
  int holder;
  int held = stake_held (ctx, s, cf, 1, &holder);

  if (held < 0)
    return FALSE;
  if (holder < 0)
    {
      int near = left_mention (ctx, s, cf, -1, 3, FALSE);

      if (near >= 0 && is_possessive (ctx, near) && !comma_between (ctx, mention (ctx, near)->end, cf))
        holder = near;
    }
  if (holder < 0 || holder == held)
    return FALSE;
  emit_all (ctx, s, type, holder, held, G_MAXUINT, cf, ce, flags);
  return TRUE;
}

/* "le rachat d'une des principales banques, Vandelle, par Orbanis": the
 * name given after a description of the company, in apposition. */
static int
apposed_object (Ctx        *ctx,
                const Sent *s,
                guint       t)
{
  const int *owner = (const int *) (gpointer) ctx->owner->data;
  gboolean described = FALSE;

  for (guint k = t; k < s->end_token && k < t + 8; k++)
    {
      if (owner[k] >= 0)
        return described && (tok (ctx, k)->flags & DOSSIER_TOKEN_COMMA) ? owner[k] : -1;
      if (tok_class (ctx, k) & (DOSSIER_WORD_CLAUSE | DOSSIER_WORD_RELATIVE))
        return -1;
      described = described || is_company_noun_in (ctx, k, TRUE);
    }
  return -1;
}

/* The agent after the object of a deal: "par Orbanis", ", par l'italienne
 * Orbanis", "by Orbanis". */
static int
agent_after (Ctx        *ctx,
             const Sent *s,
             int         object)
{
  const int *owner = (const int *) (gpointer) ctx->owner->data;
  guint k = mention (ctx, object)->end;

  if (k + 1 >= s->end_token || !(tok_class (ctx, k) & DOSSIER_WORD_AGENT))
    return -1;
  for (k++; k < s->end_token && owner[k] < 0 &&
            (tok_class (ctx, k) & (DOSSIER_WORD_DETERMINER | DOSSIER_WORD_NATIONALITY)); k++)
    ;
  return k < s->end_token ? owner[k] : -1;
}

/* "s'oppose à la prise de contrôle de Y par X", "soutient l'offre de X":
 * who backs or fights a deal named after the verb backs or fights its
 * maker.  -1 when no deal with a maker follows within @reach words. */
static int
deal_maker (Ctx        *ctx,
            const Sent *s,
            guint       t,
            guint       reach)
{
  const int *owner = (const int *) (gpointer) ctx->owner->data;

  for (guint k = t; k < s->end_token && k < t + reach; k++)
    {
      const DossierCue *deal;
      guint de;
      int object;

      if (owner[k] >= 0 || (tok_class (ctx, k) & (DOSSIER_WORD_CLAUSE | DOSSIER_WORD_RELATIVE)))
        return -1;
      deal = dossier_lexicon_match_cue (ctx->folded, (const DossierToken *) (gpointer) ctx->tokens->data,
                                        k, s->end_token, &de);
      if (deal == NULL || deal->type != DOSSIER_RELATION_ACQUIRES)
        continue;
      if (deal->kind == DOSSIER_CUE_AGENT_NOUN)
        return mention_after_of (ctx, s, de, 4);
      if (deal->kind != DOSSIER_CUE_NOUN)
        return -1;
      object = mention_after_of (ctx, s, de, 4);
      if (object < 0)
        object = apposed_object (ctx, s, de);
      return object >= 0 ? agent_after (ctx, s, object) : -1;
    }
  return -1;
}

/* Cue frames ---------------------------------------------------------- */

/* Words the frames below look for around a cue. */
static const char * const possessive_determiners[] = { "son", "sa", "its", "their", "leur" };
static const char * const reflexive_words[] = { "s", "se" };
static const char * const infinitive_words[] = { "pour", "de", "d", "to", "a" };
static const char * const between_words[] = { "entre", "between" };
static const char * const with_words[] = { "avec", "with" };
static const char * const party_words[] = { "avec", "with", "entre", "between" };

/* Where a cue sits and the actors found around it so far. */
typedef struct
{
  Ctx                 *ctx;
  guint                si;
  const Sent          *s;
  const DossierCue    *cue;
  DossierRelationType  type;
  guint                cf;     /* the cue's tokens */
  guint                ce;
  DossierEvidenceFlags flags;
  int                  self;   /* the description the cue stands in ("le repreneur"), or -1 */
  int                  L;      /* subject and object, or -1 */
  int                  R;
} CueSite;

static inline gboolean
is_noun_cue (const CueSite *c)
{
  return c->cue->kind == DOSSIER_CUE_NOUN;
}

static inline gboolean
after_possessive_determiner (const CueSite *c,
                             guint          k)
{
  return k > c->s->first && TOK_IN (c->ctx, k - 1, possessive_determiners);
}

static inline void
site_emit (const CueSite *c,
           int            src,
           int            dst,
           guint          dst_entity)
{
  emit (c->ctx, c->s, c->type, src, dst, dst_entity, c->cf, c->ce, c->flags);
}

static inline void
site_emit_all (const CueSite *c,
               int            src,
               int            dst,
               guint          dst_entity)
{
  emit_all (c->ctx, c->s, c->type, src, dst, dst_entity, c->cf, c->ce, c->flags);
}

/* Every pair of @group, in both directions when @both_ways. */
static void
site_emit_pairs (const CueSite *c,
                 GArray        *group,
                 gboolean       both_ways)
{
  for (guint a = 0; a < group->len; a++)
    for (guint b = both_ways ? 0 : a + 1; b < group->len; b++)
      if (a != b)
        site_emit (c, g_array_index (group, int, a), g_array_index (group, int, b), G_MAXUINT);
}

/* The object of a verb or a noun: the actor after it, the company a stake
 * after it is held in, the maker of a deal it fights or backs. */
static int
action_object (const CueSite *c)
{
  Ctx *ctx = c->ctx;
  int R = right_mention (ctx, c->s, c->ce, c->self, RIGHT_WINDOW, TRUE);

  /* "acquérir la participation d'Engie dans Suez": buying a stake is
   * buying into the company it is held in. */
  if (c->type == DOSSIER_RELATION_ACQUIRES)
    {
      int holder, held = stake_held (ctx, c->s, c->ce, 6, &holder);

      if (held >= 0)
        R = held;
    }
  /* "s'oppose à la prise de contrôle de Y par X": against X. */
  if (c->type == DOSSIER_RELATION_OPPOSES || c->type == DOSSIER_RELATION_SUPPORTS)
    {
      int maker = deal_maker (ctx, c->s, c->ce, 6);

      if (maker >= 0)
        R = maker;
    }
  /* "la prise de contrôle d'une des principales banques, Y, par X" */
  if (R < 0 && is_noun_cue (c) && c->type == DOSSIER_RELATION_ACQUIRES)
    {
      int object = apposed_object (ctx, c->s, c->ce);

      if (object >= 0 && agent_after (ctx, c->s, object) >= 0)
        R = object;
    }
  return R;
}

/* The subject of a verb or a noun. */
static int
action_subject (const CueSite *c)
{
  Ctx *ctx = c->ctx;
  guint k = c->cf;
  gboolean infinitive;
  int L;

  if (c->self >= 0)
    return c->self;
  /* "l'accord d'Oracle pour s'associer à ...": the subject of an
   * infinitive is the nearest actor, complement or not. */
  if (k > c->s->first && TOK_IN (ctx, k - 1, reflexive_words))
    k--;
  infinitive = k > c->s->first && TOK_IN (ctx, k - 1, infinitive_words);
  L = left_mention (ctx, c->s, c->cf, -1, LEFT_WINDOW, !infinitive || is_noun_cue (c));
  /* "Il a racheté Orbanis", "It agreed to buy": the subject of the
   * sentence before carries over. */
  if (L < 0 && c->cue->kind == DOSSIER_CUE_VERB)
    L = carried_subject (ctx, c->si, c->cf);
  return L;
}

/* "le partenariat entre Microsoft et Mistral AI": the pair is listed. */
static gboolean
frame_between (CueSite *c)
{
  GArray *group = c->ctx->group_c;

  if (!is_noun_cue (c) || c->R < 0 || c->ce >= c->s->end_token ||
      !TOK_IN (c->ctx, c->ce, between_words) || mention (c->ctx, c->R)->first != c->ce + 1)
    return FALSE;
  coordinated (c->ctx, c->s, c->R, group);
  site_emit_pairs (c, group, FALSE);
  return TRUE;
}

/* "Fox's takeover bid for Sky", "Glencore's bid to buy Teck": the
 * possessor is the actor, however far the subject. */
static gboolean
frame_possessor (CueSite *c)
{
  Ctx *ctx = c->ctx;

  if (!is_noun_cue (c))
    return FALSE;
  if (c->self < 0)
    {
      /* "Fox's £11.7bn takeover offer": a few words may sit between. */
      int near = left_mention (ctx, c->s, c->cf, -1, 4, FALSE);

      if (near >= 0 && is_possessive (ctx, near) && !comma_between (ctx, mention (ctx, near)->end, c->cf))
        c->L = near;
    }
  if (c->L < 0 || c->L == c->self || c->cf - mention (ctx, c->L)->end > 4 ||
      !is_possessive (ctx, c->L) || comma_between (ctx, mention (ctx, c->L)->end, c->cf))
    return FALSE;
  if (c->R >= 0)
    site_emit_all (c, c->L, c->R, G_MAXUINT);
  else if (topic_fallback (c->type))
    site_emit_all (c, c->L, -1, implicit_object (ctx, c->si, c->L));
  return TRUE;
}

/* "the TikTok partnership": a name just before the noun is its object. */
static gboolean
frame_name_before_noun (CueSite *c)
{
  if (is_noun_cue (c) && c->L >= 0 && c->L != c->self && mention (c->ctx, c->L)->end == c->cf)
    {
      c->R = c->L;
      c->L = left_mention (c->ctx, c->s, mention (c->ctx, c->R)->first, c->R, LEFT_WINDOW, TRUE);
    }
  return FALSE;
}

/* "l'acquisition de Musical.ly par ByteDance" */
static gboolean
frame_agent (CueSite *c)
{
  int agent = c->R >= 0 ? agent_after (c->ctx, c->s, c->R) : -1;

  if (agent < 0)
    return FALSE;
  site_emit_all (c, agent, c->R, G_MAXUINT);
  if (c->type == DOSSIER_RELATION_ACQUIRES && tok_is (c->ctx, c->cf, "acquisition"))
    emit_all (c->ctx, c->s, DOSSIER_RELATION_OWNS, agent, c->R, G_MAXUINT, c->cf, c->ce, c->flags);
  return TRUE;
}

/* "approuvé par la Maison Blanche": the agent after "par" acts. */
static gboolean
frame_passive (CueSite *c)
{
  Ctx *ctx = c->ctx;
  gboolean passive = FALSE;
  int of;

  if (c->R < 0 || mention (ctx, c->R)->first <= c->ce || mention (ctx, c->R)->first - c->ce > 4)
    return FALSE;
  for (guint k = c->ce; k < mention (ctx, c->R)->first; k++)
    if (tok_class (ctx, k) & DOSSIER_WORD_AGENT)
      passive = TRUE;
  if (!passive)
    return FALSE;
  /* "the takeover by UBS of Credit Suisse" */
  of = mention_after_of (ctx, c->s, mention (ctx, c->R)->end, 3);
  if (of >= 0 && is_noun_cue (c))
    site_emit_all (c, c->R, of, G_MAXUINT);
  else if (c->L >= 0)
    site_emit_all (c, c->R, c->L, G_MAXUINT);
  else if (topic_fallback (c->type))
    site_emit_all (c, c->R, -1, implicit_object (ctx, c->si, c->R));
  return TRUE;
}

/* "Orange et Bouygues ne sont pas parvenus à un accord sur la vente de
 * Bouygues Telecom", "Vandelle and Orbanis are in talks": a symmetric cue
 * between the listed subjects, not with what it is about. */
static gboolean
frame_listed_symmetric (CueSite *c)
{
  GArray *group = c->ctx->group_c;

  if (c->L < 0 || !dossier_relation_type_is_symmetric (c->type) ||
      (c->R >= 0 && TOK_IN (c->ctx, mention (c->ctx, c->R)->first - 1, party_words)))
    return FALSE;
  coordinated (c->ctx, c->s, c->L, group);
  if (group->len < 2)
    return FALSE;
  site_emit_pairs (c, group, FALSE);
  return TRUE;
}

/* "regulators were probing the deal, including the European Commission,
 * the CMA and the DOJ": the listed actors are the subject, the deal the
 * article is about the object. */
static gboolean
frame_examples (CueSite *c)
{
  GArray *examples = c->ctx->group_c;
  int example;

  if (c->L >= 0 || c->cue->kind != DOSSIER_CUE_VERB || !topic_fallback (c->type) ||
      (example = first_example (c->ctx, c->s, c->ce)) < 0)
    return FALSE;
  list_examples (c->ctx, c->s, example, examples);
  for (guint e = 0; e < examples->len; e++)
    {
      int x = g_array_index (examples, int, e);

      site_emit (c, x, -1, implicit_object (c->ctx, c->si, x));
    }
  return TRUE;
}

/* "Vandelle and Orbanis jettison their deal": each walks away from the
 * other. */
static gboolean
frame_mutual_withdrawal (CueSite *c)
{
  GArray *group = c->ctx->group_c;

  if (c->L < 0 || c->R >= 0 || c->type != DOSSIER_RELATION_WITHDRAWS)
    return FALSE;
  coordinated (c->ctx, c->s, c->L, group);
  if (group->len < 2)
    return FALSE;
  site_emit_pairs (c, group, TRUE);
  return TRUE;
}

/* The subject acts on the object, on a name just before a noun ("avec
 * Oracle comme partenaire"), or on what the article is about. */
static gboolean
frame_subject (CueSite *c)
{
  Ctx *ctx = c->ctx;
  int near;

  if (c->L < 0)
    return FALSE;
  near = is_noun_cue (c) ? left_mention (ctx, c->s, c->cf, -1, 4, FALSE) : -1;
  if (c->R >= 0)
    site_emit_all (c, c->L, c->R, G_MAXUINT);
  else if (near >= 0 && mention (ctx, near)->entity != mention (ctx, c->L)->entity)
    /* "avec Oracle comme partenaire", "with Oracle as its partner" */
    site_emit_all (c, c->L, near, G_MAXUINT);
  else if (topic_fallback (c->type) && is_subject (ctx, c->s, c->L) &&
           !names_other_party (ctx, c->s, c->type, c->ce))
    site_emit_all (c, c->L, -1, implicit_object (ctx, c->si, c->L));
  return TRUE;
}

/* "Rachat de TikTok : Microsoft ...", "partenariat avec Zoom, ... Oracle":
 * without a subject, the actor comes after the noun's complement, in its
 * own clause rather than as a further complement. */
static gboolean
frame_actor_after (CueSite *c)
{
  Ctx *ctx = c->ctx;
  int R = c->R, R2;
  gboolean new_clause = FALSE;

  if (!is_noun_cue (c) || R < 0)
    return TRUE;
  R2 = right_mention (ctx, c->s, mention (ctx, R)->end, R, RIGHT_WINDOW + 8, FALSE);
  while (R2 >= 0 && mention (ctx, R2)->entity == mention (ctx, R)->entity)
    R2 = right_mention (ctx, c->s, mention (ctx, R2)->end, R2, RIGHT_WINDOW, FALSE);
  for (guint k = mention (ctx, R)->end; R2 >= 0 && k <= mention (ctx, R2)->first; k++)
    if (tok (ctx, k)->flags & (DOSSIER_TOKEN_COMMA | DOSSIER_TOKEN_BREAK))
      new_clause = TRUE;
  /* Only when the noun's complement is its object: "one lawsuit against
   * X, the other against Y" makes Y no actor against X. */
  if (R2 >= 0 && !complement_is_object (ctx, c->s, R))
    R2 = -1;
  if (R2 >= 0 && (new_clause || !is_prepositional (ctx, c->s, R2) ||
                  TOK_IN (ctx, mention (ctx, R2)->first - 1, with_words)))
    site_emit_all (c, R2, R, G_MAXUINT);
  return TRUE;
}

/* A verb or a noun: the first frame that fits speaks (some only refine
 * the subject and the object for the next). */
static gboolean (* const action_frames[]) (CueSite *c) = {
  frame_between,
  frame_possessor,
  frame_name_before_noun,
  frame_agent,
  frame_passive,
  frame_listed_symmetric,
  frame_examples,
  frame_mutual_withdrawal,
  frame_subject,
  frame_actor_after,
};

static void
cue_action (CueSite *c)
{
  c->R = action_object (c);
  c->L = action_subject (c);
  for (guint i = 0; i < G_N_ELEMENTS (action_frames); i++)
    if (action_frames[i] (c))
      return;
}

/* "l'offre de Couche-Tard sur Carrefour", "Veolia relève son offre",
 * "UniCredit's offer for Commerzbank": the noun's maker acts. */
static void
cue_agent_noun (CueSite *c)
{
  Ctx *ctx = c->ctx;
  int R, L, target, holder, held;

  /* "Veolia relève son offre auprès d'Engie": the subject's offer. */
  if (after_possessive_determiner (c, c->cf))
    R = left_mention (ctx, c->s, c->cf, -1, LEFT_WINDOW, TRUE);
  else
    R = mention_after_of (ctx, c->s, c->ce, 6);
  /* "UniCredit's offer for Commerzbank": the actor before the noun. */
  if (R < 0 && (L = left_mention (ctx, c->s, c->cf, -1, 2, FALSE)) >= 0 && is_possessive (ctx, L))
    R = L;
  if (R < 0)
    return;
  /* "l'offre de Couche-Tard sur Carrefour", "bid for Commerzbank" */
  target = after_word (ctx, c->s, mention (ctx, R)->first > c->ce ? mention (ctx, R)->end : c->ce,
                       on_words, G_N_ELEMENTS (on_words));
  /* "son offre sur la participation détenue par Engie dans Suez" */
  held = stake_held (ctx, c->s, c->ce, 8, &holder);
  if (held >= 0)
    target = held;
  if (target >= 0 && target != R)
    site_emit_all (c, R, target, G_MAXUINT);
  else
    site_emit_all (c, R, -1, implicit_object (ctx, c->si, R));
}

/* "la vente de Carrefour à Couche-Tard", "the sale of Sky to Comcast" */
static void
cue_sale (CueSite *c)
{
  Ctx *ctx = c->ctx;
  int sold = mention_after_of (ctx, c->s, c->ce, 4);
  int buyer;

  /* "la cession par Sanofi d'Opella à CD&R": the seller first. */
  if (sold >= 0 && mention (ctx, sold)->first > 0 &&
      (tok_class (ctx, mention (ctx, sold)->first - 1) & DOSSIER_WORD_AGENT))
    sold = mention_after_of (ctx, c->s, mention (ctx, sold)->end, 3);
  buyer = sold >= 0 ? after_word (ctx, c->s, mention (ctx, sold)->end, to_words, G_N_ELEMENTS (to_words)) : -1;
  if (sold >= 0 && buyer >= 0 && buyer != sold)
    site_emit_all (c, buyer, sold, G_MAXUINT);
}

/* "se séparer d'Opella, sa filiale": the subject owns what stands before
 * the apposition. */
static gboolean
frame_own_child (CueSite *c)
{
  Ctx *ctx = c->ctx;
  int child, parent;

  if (c->cue->kind != DOSSIER_CUE_CHILD || c->cf <= c->s->first + 1 ||
      !after_possessive_determiner (c, c->cf) || !(tok (ctx, c->cf - 1)->flags & DOSSIER_TOKEN_COMMA))
    return FALSE;
  child = left_mention (ctx, c->s, c->cf, -1, 2, FALSE);
  parent = child >= 0 ? left_mention (ctx, c->s, mention (ctx, child)->first, child, LEFT_WINDOW, TRUE) : -1;
  if (parent >= 0)
    site_emit (c, parent, child, G_MAXUINT);
  return TRUE;
}

/* "ByteDance, sa maison mère", "Y, filiale de X", "contrôlé par X". */
static void
cue_kinship (CueSite *c)
{
  Ctx *ctx = c->ctx;
  int holder = c->self;
  /* "contrôlé par X": the cue holds the preposition. */
  int held = (tok_class (ctx, c->ce - 1) & DOSSIER_WORD_AGENT) ? right_mention (ctx, c->s, c->ce, -1, 3, FALSE)
                                                                 : mention_after_of (ctx, c->s, c->ce, 3);
  guint p = c->cf;

  if (holder < 0 && held < 0 && frame_own_child (c))
    return;
  if (holder < 0)
    {
      int R = right_mention (ctx, c->s, c->ce, -1, 2, TRUE);

      holder = R >= 0 && R != held ? R : left_mention (ctx, c->s, c->cf, -1, 4, FALSE);
      /* "Orbanis reste au sein du groupe contrôlé par Vandelle" */
      if (holder < 0 && held >= 0 && (tok_class (ctx, c->ce - 1) & DOSSIER_WORD_AGENT))
        holder = left_mention (ctx, c->s, c->cf, -1, LEFT_WINDOW, TRUE);
    }
  if (holder < 0)
    return;
  /* "sa maison mère", "its Chinese parent company" */
  if (p > c->s->first && (tok_class (ctx, p - 1) & DOSSIER_WORD_NATIONALITY))
    p--;
  if (held < 0 && c->cue->kind == DOSSIER_CUE_PARENT && after_possessive_determiner (c, p))
    {
      site_emit (c, holder, -1, antecedent (ctx, c->si, holder));
      return;
    }
  if (held < 0)
    return;
  if (c->cue->kind == DOSSIER_CUE_PARENT)
    site_emit (c, holder, held, G_MAXUINT);
  else
    site_emit (c, held, holder, G_MAXUINT);
}

/* "le PDG d'A, P", "P, CEO of A", "A CEO P", "actionnaire à 23 % d'A" */
static void
cue_role (CueSite *c)
{
  Ctx *ctx = c->ctx;
  const int *owner = (const int *) (gpointer) ctx->owner->data;
  int org = mention_after_of (ctx, c->s, c->ce, 5);
  int person = -1;

  if (org >= 0)
    {
      guint after = mention (ctx, org)->end;

      if (after < c->s->end_token && (tok (ctx, after)->flags & DOSSIER_TOKEN_COMMA) && owner[after] >= 0)
        person = owner[after];
      else
        person = left_mention (ctx, c->s, c->cf, -1, 3, FALSE);
    }
  else
    {
      org = left_mention (ctx, c->s, c->cf, -1, 2, FALSE);
      person = right_mention (ctx, c->s, c->ce, -1, 1, FALSE);
      /* "Adobe Chair and CEO Shantanu Narayen", "Cleveland-Cliffs'
       * Chairman, President, and CEO Lourenco Goncalves". */
      if (org < 0 && person >= 0)
        org = org_before_titles (ctx, c->s, c->cf);
    }
  if (org >= 0 && person >= 0)
    site_emit (c, person, org, G_MAXUINT);
  else if (org < 0 && person >= 0 && is_company_role (ctx, c->cf) &&
           entity_of (ctx, person)->type == DOSSIER_ENTITY_PERSON)
    /* "l'ancien PDG Emmanuel Faber": of the company the article is about;
     * "son directeur général X": of the company just named. */
    site_emit (c, person, -1,
               after_possessive_determiner (c, c->cf) ? antecedent (ctx, c->si, person)
                                                      : salient_company (ctx, c->si, mention (ctx, person)->entity));
  else if (person < 0 && names_own_company (ctx, c->s, c->ce))
    {
      /* "Alexandre Bompard, le PDG du groupe": the company the article is
       * about. */
      person = left_mention (ctx, c->s, c->cf, -1, 3, FALSE);
      if (person >= 0 && entity_of (ctx, person)->type == DOSSIER_ENTITY_PERSON)
        site_emit (c, person, -1, salient_company (ctx, c->si, mention (ctx, person)->entity));
    }
}

/* "sur des serveurs A": A supplies the other. */
static void
cue_provider (CueSite *c)
{
  Ctx *ctx = c->ctx;
  int R = right_mention (ctx, c->s, c->ce, c->self, 4, TRUE);
  int L = left_mention (ctx, c->s, c->cf, R, LEFT_WINDOW, TRUE);

  if (R >= 0)
    {
      if (L >= 0)
        site_emit (c, R, L, G_MAXUINT);
      else
        site_emit (c, R, -1, implicit_object (ctx, c->si, R));
    }
  else if (L >= 0)
    {
      R = right_mention (ctx, c->s, c->ce, c->self, RIGHT_WINDOW, TRUE);
      if (R >= 0)
        site_emit (c, L, R, G_MAXUINT);
    }
}

/* "selon A", "according to A", "told A": A reports what follows. */
static void
cue_source (CueSite *c)
{
  Ctx *ctx = c->ctx;
  const Sent *s = c->s;
  int media = right_mention (ctx, s, c->ce, -1, 4, FALSE);
  int subject;

  if (media < 0 || entity_of (ctx, media)->type != DOSSIER_ENTITY_MEDIA)
    return;
  /* "David Eby told the Financial Post that …": the medium reports the
   * speaker. */
  if (tok_is (ctx, c->cf, "told") && (subject = left_mention (ctx, s, c->cf, -1, 3, FALSE)) >= 0)
    {
      site_emit (c, media, subject, G_MAXUINT);
      return;
    }
  subject = next_subject (ctx, s, mention (ctx, media)->end);
  /* "..., according to Reuters.": the sentence's own subject. */
  if (subject < 0 && mention (ctx, media)->end >= s->end_token - 1)
    subject = next_subject (ctx, s, s->first);
  if (subject >= 0 && subject != media)
    {
      site_emit (c, media, subject, G_MAXUINT);
      return;
    }

  /* "Tel que rapporté par CNBC :" introduces the next sentence. */
  if (ctx->article->text[s->end - 1] == ':' && c->si + 1 < ctx->sents->len)
    {
      const Sent *next = &g_array_index (ctx->sents, Sent, c->si + 1);

      subject = next_subject (ctx, next, next->first);
      if (subject >= 0)
        site_emit (c, media, subject, G_MAXUINT);
    }
}

/* "A rapporte que", "A reported", "…, rapporte Le Figaro". */
static void
cue_says (CueSite *c)
{
  Ctx *ctx = c->ctx;
  const Sent *s = c->s;
  int media = left_mention (ctx, s, c->cf, -1, 8, FALSE);
  int subject;

  /* "…, rapporte Le Figaro", "…, reports Reuters": the subject after. */
  if (media < 0 || entity_of (ctx, media)->type != DOSSIER_ENTITY_MEDIA)
    {
      media = right_mention (ctx, s, c->ce, -1, 2, FALSE);
      if (media < 0 || entity_of (ctx, media)->type != DOSSIER_ENTITY_MEDIA ||
          !(tok (ctx, c->cf)->flags & DOSSIER_TOKEN_COMMA))
        return;
      subject = next_subject (ctx, s, s->first);
      if (subject >= 0 && subject != media)
        site_emit (c, media, subject, G_MAXUINT);
      return;
    }
  subject = next_subject (ctx, s, c->ce);
  /* "..., the Financial Times reported." */
  if (subject < 0 && c->ce >= s->end_token)
    subject = next_subject (ctx, s, s->first);
  if (subject >= 0)
    site_emit (c, media, subject, G_MAXUINT);
}

/* "la participation de A dans B", "A's stake in B"; without a holder of
 * its own, "participation dans", "stake in" read as nouns ("Vandelle a une
 * participation dans Y"). */
static void
cue_stake (CueSite *c)
{
  static const DossierCue stake_noun = { "", DOSSIER_RELATION_OWNS, DOSSIER_CUE_NOUN, TRUE };

  if (stake_frame (c->ctx, c->si, c->cf, c->type, c->ce, c->flags) || c->ce - c->cf < 2)
    return;
  c->cue = &stake_noun;
  cue_action (c);
}

static void (* const cue_handlers[]) (CueSite *c) = {
  [DOSSIER_CUE_VERB] = cue_action,
  [DOSSIER_CUE_NOUN] = cue_action,
  [DOSSIER_CUE_AGENT_NOUN] = cue_agent_noun,
  [DOSSIER_CUE_PARENT] = cue_kinship,
  [DOSSIER_CUE_CHILD] = cue_kinship,
  [DOSSIER_CUE_ROLE] = cue_role,
  [DOSSIER_CUE_PROVIDER] = cue_provider,
  [DOSSIER_CUE_SOURCE] = cue_source,
  [DOSSIER_CUE_SAYS] = cue_says,
  [DOSSIER_CUE_SALE] = cue_sale,
  [DOSSIER_CUE_STAKE] = cue_stake,
};

static void
handle_cue (Ctx              *ctx,
            guint             si,
            const DossierCue *cue,
            guint             cf,
            guint             ce,
            gboolean          hypothetical)
{
  const Sent *s = &g_array_index (ctx->sents, Sent, si);
  const int *owner = (const int *) (gpointer) ctx->owner->data;
  CueSite c = {
    .ctx = ctx, .si = si, .s = s, .cue = cue, .type = cue->type, .cf = cf, .ce = ce,
    .flags = cue_flags (ctx, s, cue, cf, ce, hypothetical),
    .self = owner[cf] >= 0 && mention (ctx, owner[cf])->descriptive ? owner[cf] : -1,
    .L = -1, .R = -1,
  };

  ctx->skip_locative = cue->type != DOSSIER_RELATION_REGULATES;
  if ((guint) cue->kind < G_N_ELEMENTS (cue_handlers) && cue_handlers[cue->kind] != NULL)
    cue_handlers[cue->kind] (&c);
}

/* The state a nationality adjective names, through the gazetteer's forms:
 * "néerlandais" is the state "gouvernement néerlandais" names, "Dutch" the
 * one "Dutch government" names. */
static const DossierGazetteerEntry *
state_of_adjective (Ctx   *ctx,
                    guint  k)
{
  gsize len;
  const char *word = tok_word (ctx, k, &len);

  for (guint p = 0; p < 2; p++)
    {
      g_autofree char *phrase = p == 0 ? g_strdup_printf ("gouvernement %.*s", (int) len, word)
                                       : g_strdup_printf ("%.*s government", (int) len, word);
      g_autoptr(DossierFolded) folded = dossier_folded_new (phrase, strlen (phrase));
      g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (DossierToken));
      g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (DossierGazetteerMatch));

      dossier_tokenize (folded, phrase, 0, tokens);
      dossier_gazetteer_match_tokens (ctx->gazetteer, folded, (const DossierToken *) (gpointer) tokens->data,
                                      0, tokens->len, matches);
      for (guint i = 0; i < matches->len; i++)
        {
          const DossierGazetteerMatch *match = &g_array_index (matches, DossierGazetteerMatch, i);

          if (match->first_token == 0 && match->end_token == tokens->len &&
              match->entry->type == DOSSIER_ENTITY_GOVERNMENT)
            return match->entry;
        }
    }
  return NULL;
}

/* A minister's office with a nationality next to a person, in the same
 * clause: the state whose minister the person is, or NULL. */
static const DossierGazetteerEntry *
national_office (Ctx           *ctx,
                 const Sent    *s,
                 const Mention *m,
                 guint         *office)
{
  static const char * const offices[] = {
    "ministre", "minister", "secretaire", "secretary", "chancelier", "chanceliere", "chancellor",
  };
  const int *owner = (const int *) (gpointer) ctx->owner->data;
  guint from = m->first > s->first + 6 ? m->first - 6 : s->first;
  guint to = MIN (m->end + 6, s->end_token);

  for (guint k = from; k < to; k++)
    {
      gboolean is_office = FALSE;

      if (k >= m->first && k < m->end)
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (offices); i++)
        if (tok_is (ctx, k, offices[i]))
          is_office = TRUE;
      if (!is_office)
        continue;
      /* nothing but words between the office and the person */
      for (guint t = MIN (k, m->end) + 1; t < MAX (k, m->first); t++)
        if (owner[t] >= 0 || (tok (ctx, t)->flags & (DOSSIER_TOKEN_STOP | DOSSIER_TOKEN_BREAK)) ||
            (tok_class (ctx, t) & DOSSIER_WORD_CLAUSE))
          goto next;
      for (int d = -2; d <= 1; d++)
        {
          guint a = k + d;

          if (d == 0 || (int) k + d < (int) s->first || a >= s->end_token || owner[a] >= 0 ||
              !(tok_class (ctx, a) & DOSSIER_WORD_NATIONALITY))
            continue;
          {
            const DossierGazetteerEntry *state = state_of_adjective (ctx, a);

            if (state != NULL)
              {
                *office = k;
                return state;
              }
          }
        }
    next:
      ;
    }
  return NULL;
}

/* "le président Trump", "le ministre de l'Économie, Bruno Le Maire",
 * "Finance Minister Wopke Hoekstra": an office named just before a person,
 * in the same clause and with no other actor between. */
static gboolean
has_office (Ctx           *ctx,
            const Sent    *s,
            const Mention *m,
            guint         *office)
{
  const int *owner = (const int *) (gpointer) ctx->owner->data;

  if (tok_class (ctx, m->first) & DOSSIER_WORD_HEAD)
    {
      *office = m->first;
      return TRUE;
    }
  /* "Bruno Le Maire, le ministre de l'Économie" */
  if (m->end + 1 < s->end_token && (tok (ctx, m->end)->flags & DOSSIER_TOKEN_COMMA))
    {
      guint k = m->end;

      if (tok_class (ctx, k) & DOSSIER_WORD_DETERMINER)
        k++;
      if (k < s->end_token && owner[k] < 0 && (tok_class (ctx, k) & DOSSIER_WORD_HEAD))
        {
          *office = k;
          return TRUE;
        }
    }
  for (int k = (int) m->first - 1; k >= (int) s->first && m->first - k <= 6; k--)
    {
      if (owner[k] >= 0 || (tok_class (ctx, k) & DOSSIER_WORD_CLAUSE) ||
          (tok (ctx, k + 1)->flags & (DOSSIER_TOKEN_STOP | DOSSIER_TOKEN_BREAK)))
        return FALSE;
      if (tok_class (ctx, k) & DOSSIER_WORD_HEAD)
        {
          *office = (guint) k;
          return TRUE;
        }
    }
  return FALSE;
}

static void
link_sentence (Ctx   *ctx,
               guint  si)
{
  const Sent *s = &g_array_index (ctx->sents, Sent, si);
  int *owner = (int *) (gpointer) ctx->owner->data;
  gboolean hypothetical = FALSE;

  if (s->m_end == s->m_first)
    return;

  g_array_set_size (ctx->typed, 0);

  for (guint k = s->first; k < s->end_token; k++)
    if (tok_class (ctx, k) & DOSSIER_WORD_HYPOTHESIS)
      hypothetical = TRUE;

  /* Heads: the person inside "l'administration Trump"; "le président
   * Trump" for a person the gazetteer knows the office of. */
  for (guint i = s->m_first; i < s->m_end; i++)
    {
      const Mention *m = mention (ctx, i);
      guint office;

      if (m->nested)
        emit (ctx, s, DOSSIER_RELATION_LEADS, i, m->container, G_MAXUINT, m->first, m->end, 0);
      else if (m->entry != NULL && m->entry->leads != NULL && has_office (ctx, s, m, &office))
        {
          const DossierGazetteerEntry *led = dossier_gazetteer_lookup (ctx->gazetteer, m->entry->leads);

          if (led != NULL)
            emit (ctx, s, DOSSIER_RELATION_LEADS, i, -1, entity_for_entry (ctx, led)->id,
                  office, office + 1, 0);
        }
      else if (entity_of (ctx, i)->type == DOSSIER_ENTITY_PERSON)
        {
          /* "Wopke Hoekstra, ministre néerlandais des Finances", "le
           * ministre français de l'Économie X", "Dutch Finance Minister X". */
          const DossierGazetteerEntry *state = national_office (ctx, s, m, &office);

          if (state != NULL)
            emit (ctx, s, DOSSIER_RELATION_LEADS, i, -1, entity_for_entry (ctx, state)->id,
                  office, office + 1, 0);
        }
    }

  /* "Rupert Murdoch's 21st Century Fox": a person's company is theirs. */
  for (guint i = s->m_first; i < s->m_end; i++)
    {
      const Mention *m = mention (ctx, i);
      guint k = m->end < s->end_token && tok_is (ctx, m->end, "s") ? m->end + 1 : m->end;
      int next = k < s->end_token ? owner[k] : -1;

      if (!m->nested && next >= 0 && next != (int) i && entity_of (ctx, i)->type == DOSSIER_ENTITY_PERSON &&
          entity_of (ctx, next)->type == DOSSIER_ENTITY_COMPANY && is_possessive (ctx, i))
        emit (ctx, s, DOSSIER_RELATION_OWNS, i, next, G_MAXUINT, m->first, mention (ctx, next)->end, 0);
    }

  for (guint k = s->first; k < s->end_token;)
    {
      const DossierCue *cue;
      guint cue_end;

      if (owner[k] >= 0 && !mention (ctx, owner[k])->descriptive)
        {
          k = mention (ctx, owner[k])->end;
          continue;
        }

      cue = dossier_lexicon_match_cue (ctx->folded, (const DossierToken *) (gpointer) ctx->tokens->data,
                                       k, s->end_token, &cue_end);
      if (cue == NULL)
        {
          k++;
          continue;
        }
      handle_cue (ctx, si, cue, k, cue_end, hypothetical);
      k = cue_end;
    }

  if (!ctx->options->co_occurrence)
    return;

  for (guint a = s->m_first; a < s->m_end; a++)
    {
      if (mention (ctx, a)->nested)
        continue;
      for (guint b = a + 1; b < s->m_end && b - a <= PAIR_DISTANCE; b++)
        {
          guint ea = mention (ctx, a)->entity, eb = mention (ctx, b)->entity;
          DossierRelation *relation;
          DossierEvidence ev = { 0 };

          if (mention (ctx, b)->nested || ea == eb || was_typed (ctx, ea, eb))
            continue;

          relation = dossier_graph_ensure_relation (ctx->graph, ea, DOSSIER_RELATION_MENTIONED_WITH, eb);
          ev.article = ctx->article_index;
          ev.start = s->start;
          ev.end = s->end;
          ev.source_start = tok (ctx, mention (ctx, relation->source == ea ? a : b)->first)->start;
          ev.source_end = tok (ctx, mention (ctx, relation->source == ea ? a : b)->end - 1)->end;
          ev.target_start = tok (ctx, mention (ctx, relation->source == ea ? b : a)->first)->start;
          ev.target_end = tok (ctx, mention (ctx, relation->source == ea ? b : a)->end - 1)->end;
          ev.date = dossier_article_date_for_range (ctx->article, s->start, s->end);
          if (s->section == DOSSIER_SECTION_COMMENTS)
            ev.flags |= DOSSIER_EVIDENCE_COMMENTS;
          dossier_graph_add_evidence (ctx->graph, relation, &ev);
        }
    }
}

/* Windows ------------------------------------------------------------- */

static int
compare_mentions (gconstpointer a,
                  gconstpointer b)
{
  const Mention *ma = a, *mb = b;

  if (ma->first != mb->first)
    return ma->first < mb->first ? -1 : 1;
  /* The container before what it contains. */
  if (ma->nested != mb->nested)
    return ma->nested ? 1 : -1;
  return 0;
}

/* The window's tokens, their word classes and its sentences as token
 * ranges; tokens between sentences (furniture) belong to none. */
static void
tokenize_window (Ctx    *ctx,
                 GArray *ranges,
                 guint   first,
                 guint   end)
{
  const DossierArticle *article = ctx->article;
  gsize wstart = g_array_index (ranges, Sent, first).start;
  gsize wend = g_array_index (ranges, Sent, end - 1).end;
  guint t = 0;

  dossier_folded_set (ctx->folded, article->text + wstart, wend - wstart, wstart);
  g_array_set_size (ctx->tokens, 0);
  dossier_tokenize (ctx->folded, article->text + wstart, wstart, ctx->tokens);

  g_array_set_size (ctx->classes, ctx->tokens->len);
  dossier_lexicon_classify_tokens (ctx->folded, (const DossierToken *) (gpointer) ctx->tokens->data,
                                   ctx->tokens->len, (guint *) (gpointer) ctx->classes->data);

  g_array_set_size (ctx->sents, 0);
  for (guint i = first; i < end; i++)
    {
      Sent s = g_array_index (ranges, Sent, i);

      while (t < ctx->tokens->len && tok (ctx, t)->start < s.start)
        t++;
      s.first = t;
      while (t < ctx->tokens->len && tok (ctx, t)->end <= s.end)
        t++;
      s.end_token = t;
      g_array_append_val (ctx->sents, s);
    }
}

static void
clear_owners (Ctx *ctx)
{
  g_array_set_size (ctx->owner, ctx->tokens->len);
  /* A window of punctuation alone has no tokens, and an array that never
   * grew has no data to clear. */
  if (ctx->tokens->len > 0)
    memset (ctx->owner->data, 0xff, ctx->tokens->len * sizeof (int));
}

/* Mentions in text order, each nested one remembering where its container
 * starts (indices change with the sort). */
static void
sort_mentions (Ctx *ctx)
{
  g_autoptr(GArray) order = g_array_sized_new (FALSE, FALSE, sizeof (Mention), ctx->mentions->len);

  for (guint i = 0; i < ctx->mentions->len; i++)
    {
      Mention m = *mention (ctx, i);

      g_array_append_val (order, m);
    }
  for (guint i = 0; i < order->len; i++)
    g_array_index (order, Mention, i).container =
      g_array_index (order, Mention, i).nested ? (int) mention (ctx, g_array_index (order, Mention, i).container)->first : -1;
  g_array_sort (order, compare_mentions);
  g_array_set_size (ctx->mentions, 0);
  g_array_append_vals (ctx->mentions, order->data, order->len);
}

/* Salience: how much a company is talked about, in the headline most, and
 * as the complement ("le rachat de TikTok") more than as the actor.  The
 * most salient is the window's topic. */
static void
note_salience (Ctx           *ctx,
               const Mention *m,
               const Sent    *s,
               guint         *best)
{
  static const char * const of_words[] = { "de", "d", "of", "du" };
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (ctx->salience, GUINT_TO_POINTER (m->entity))) + 1;

  if (m->first > s->first && TOK_IN (ctx, m->first - 1, of_words))
    n += 2;
  if (s->section == DOSSIER_SECTION_TITLE ||
      (ctx->article->title != NULL &&
       tok (ctx, m->first)->start >= ctx->article->title_range.start &&
       tok (ctx, m->first)->end <= ctx->article->title_range.end))
    n += 4;

  g_hash_table_insert (ctx->salience, GUINT_TO_POINTER (m->entity), GUINT_TO_POINTER (n));
  if (n > *best)
    {
      *best = n;
      ctx->topic = m->entity;
    }
}

/* The sorted mentions into the graph, their tokens' owners again, and the
 * companies' salience. */
static void
publish_mentions (Ctx *ctx)
{
  int *owner;
  guint best = 0;

  clear_owners (ctx);
  owner = (int *) (gpointer) ctx->owner->data;
  g_hash_table_remove_all (ctx->salience);
  ctx->topic = G_MAXUINT;
  for (guint i = 0; i < ctx->mentions->len; i++)
    {
      Mention *m = mention (ctx, i);
      const Sent *s = &g_array_index (ctx->sents, Sent, m->sentence);
      DossierMention dm;
      DossierEntity *entity = dossier_graph_get_entity (ctx->graph, m->entity);

      if (m->nested)
        {
          /* The container is the non-nested mention starting where recorded. */
          int c = owner[m->container];
          m->container = c;
          if (c < 0)
            {
              m->nested = FALSE;
              continue;
            }
        }
      else
        for (guint k = m->first; k < m->end; k++)
          owner[k] = i;

      dm.article = ctx->article_index;
      dm.start = tok (ctx, m->first)->start;
      dm.end = tok (ctx, m->end - 1)->end;
      /* The JSON contract knows body and comments: a headline is body. */
      dm.section = s->section == DOSSIER_SECTION_COMMENTS ? DOSSIER_SECTION_COMMENTS
                                                         : DOSSIER_SECTION_BODY;
      dossier_graph_add_mention (ctx->graph, entity, &dm);

      if (entity->type == DOSSIER_ENTITY_COMPANY && s->section != DOSSIER_SECTION_COMMENTS &&
          !m->nested)
        note_salience (ctx, m, s, &best);
    }

  TRACE ("topic of %s: %s", ctx->article->id,
         ctx->topic != G_MAXUINT ? dossier_graph_get_entity (ctx->graph, ctx->topic)->name : "none");
}

/* Each sentence's range of (sorted) mentions. */
static void
note_sentence_mentions (Ctx *ctx)
{
  guint m = 0;

  for (guint si = 0; si < ctx->sents->len; si++)
    {
      Sent *s = &g_array_index (ctx->sents, Sent, si);

      while (m < ctx->mentions->len && mention (ctx, m)->sentence < si)
        m++;
      s->m_first = m;
      while (m < ctx->mentions->len && mention (ctx, m)->sentence == si)
        m++;
      s->m_end = m;
    }
}

static void
process_window (Ctx    *ctx,
                GArray *ranges,   /* Sent with start/end/section only */
                guint   first,
                guint   end)
{
  tokenize_window (ctx, ranges, first, end);
  clear_owners (ctx);
  g_array_set_size (ctx->mentions, 0);
  g_array_set_size (ctx->pending, 0);
  g_hash_table_remove_all (ctx->heads);

  for (guint si = 0; si < ctx->sents->len; si++)
    match_sentence (ctx, si);
  if (ctx->options->discover)
    {
      extend_country_names (ctx);
      extend_family_names (ctx);
    }
  for (guint si = 0; si < ctx->sents->len; si++)
    discover_sentence (ctx, si);
  resolve_pending (ctx);
  resolve_bare_titles (ctx);
  if (ctx->options->discover)
    resolve_descriptions (ctx);

  sort_mentions (ctx);
  publish_mentions (ctx);
  note_sentence_mentions (ctx);
  for (guint si = 0; si < ctx->sents->len; si++)
    link_sentence (ctx, si);
}

static void
add_range (GArray             *ranges,
           const char         *text,
           gsize               start,
           gsize               end,
           DossierSectionKind  section)
{
  /* A line without full stops is cut at spaces into bounded pieces. */
  while (start < end)
    {
      Sent s = { 0 };
      gsize stop = end;

      if (end - start > MAX_SENTENCE)
        {
          stop = start + MAX_SENTENCE;
          while (stop > start + MAX_SENTENCE / 2 && text[stop] != ' ' && text[stop] != '\n')
            stop--;
          /* Never split inside a UTF-8 sequence. */
          while (stop > start && ((guchar) text[stop] & 0xC0) == 0x80)
            stop--;
          if (stop == start)
            stop = end;
        }
      s.start = start;
      s.end = stop;
      s.section = section;
      g_array_append_val (ranges, s);
      start = stop;
    }
}

static void
extract_article (Ctx   *ctx,
                 guint  article_index)
{
  const DossierArticle *article = dossier_corpus_get_article (ctx->graph->corpus, article_index);
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (Sent));
  gboolean title_done = article->title == NULL;
  guint first = 0;
  gsize bytes = 0;

  ctx->article_index = article_index;
  ctx->article = article;

  for (guint i = 0; i < article->sentences->len; i++)
    {
      const DossierSentence *s = &g_array_index (article->sentences, DossierSentence, i);

      if (s->section == DOSSIER_SECTION_FURNITURE || s->end <= s->start || s->end > article->len)
        continue;
      /* The headline is read like a sentence when no sentence holds it. */
      if (!title_done && s->start >= article->title_range.end)
        {
          add_range (ranges, article->text, article->title_range.start, article->title_range.end,
                     DOSSIER_SECTION_TITLE);
          title_done = TRUE;
        }
      if (!title_done && s->start <= article->title_range.start && s->end > article->title_range.start)
        title_done = TRUE;
      add_range (ranges, article->text, s->start, s->end, s->section);
    }
  if (!title_done && article->title_range.end <= article->len)
    add_range (ranges, article->text, article->title_range.start, article->title_range.end,
               DOSSIER_SECTION_TITLE);

  for (guint i = 0; i < ranges->len; i++)
    {
      const Sent *s = &g_array_index (ranges, Sent, i);

      bytes += s->end - s->start;
      if (bytes > WINDOW_BYTES && i > first)
        {
          process_window (ctx, ranges, first, i);
          first = i;
          bytes = s->end - s->start;
        }
    }
  if (first < ranges->len)
    process_window (ctx, ranges, first, ranges->len);
}

DossierGraph *
dossier_extract (DossierCorpus               *corpus,
                 DossierGazetteer            *gazetteer,
                 const DossierExtractOptions *options,
                 GCancellable                *cancellable,
                 GError                     **error)
{
  g_autoptr(DossierGraph) graph = NULL;
  DossierExtractOptions defaults;
  Ctx ctx = { 0 };
  gboolean cancelled = FALSE;

  g_return_val_if_fail (corpus != NULL, NULL);
  g_return_val_if_fail (gazetteer != NULL, NULL);

  if (options == NULL)
    {
      dossier_extract_options_init (&defaults);
      options = &defaults;
    }

  graph = dossier_graph_new (corpus);

  ctx.graph = graph;
  ctx.gazetteer = gazetteer;
  ctx.options = options;
  ctx.folded = g_new0 (DossierFolded, 1);
  ctx.tokens = g_array_new (FALSE, FALSE, sizeof (DossierToken));
  ctx.sents = g_array_new (FALSE, FALSE, sizeof (Sent));
  ctx.mentions = g_array_new (FALSE, FALSE, sizeof (Mention));
  ctx.matches = g_array_new (FALSE, FALSE, sizeof (DossierGazetteerMatch));
  ctx.nested = g_array_new (FALSE, FALSE, sizeof (DossierGazetteerMatch));
  ctx.pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  ctx.owner = g_array_new (FALSE, FALSE, sizeof (int));
  ctx.classes = g_array_new (FALSE, FALSE, sizeof (guint));
  ctx.group_a = g_array_new (FALSE, FALSE, sizeof (int));
  ctx.group_b = g_array_new (FALSE, FALSE, sizeof (int));
  ctx.group_c = g_array_new (FALSE, FALSE, sizeof (int));
  ctx.typed = g_array_new (FALSE, FALSE, sizeof (guint64));
  ctx.surnames = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx.aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx.salience = g_hash_table_new (NULL, NULL);
  ctx.by_entry = g_hash_table_new (NULL, NULL);
  ctx.heads = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx.scratch = g_string_new (NULL);

  for (guint i = 0; i < corpus->articles->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          cancelled = TRUE;
          break;
        }
      extract_article (&ctx, i);
    }

  dossier_folded_free (ctx.folded);
  g_array_unref (ctx.tokens);
  g_array_unref (ctx.sents);
  g_array_unref (ctx.mentions);
  g_array_unref (ctx.matches);
  g_array_unref (ctx.nested);
  g_array_unref (ctx.pending);
  g_array_unref (ctx.owner);
  g_array_unref (ctx.classes);
  g_array_unref (ctx.group_a);
  g_array_unref (ctx.group_b);
  g_array_unref (ctx.group_c);
  g_array_unref (ctx.typed);
  g_hash_table_unref (ctx.surnames);
  g_hash_table_unref (ctx.aliases);
  g_hash_table_unref (ctx.salience);
  g_hash_table_unref (ctx.by_entry);
  g_hash_table_unref (ctx.heads);
  g_string_free (ctx.scratch, TRUE);

  if (cancelled)
    return NULL;

  return g_steal_pointer (&graph);
}
