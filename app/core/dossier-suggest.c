/* dossier-suggest.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-suggest"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dossier-fold.h"
#include "dossier-index-private.h"
#include "dossier-suggest.h"

/* Left out of keys: legal forms and articles say nothing of who it is. */
static const char * const ignored_words[] = {
  "the", "le", "la", "les",
  "sa", "sas", "sasu", "sarl", "se", "inc", "incorporated", "corp", "corporation",
  "co", "cie", "ltd", "limited", "plc", "llc", "lp", "gmbh", "ag", "nv", "bv",
  "spa", "ab", "group", "groupe", "holding", "holdings",
};

/* Words an acronym may skip ("BNF": Bibliothèque nationale de France). */
static const char * const connecting_words[] = {
  "de", "des", "du", "d", "of", "and", "et", "for", "pour", "la", "le", "les", "the",
};

/* Scores by reason, before sharing among ambiguous candidates. */
#define SCORE_SAME_NAME  1.0
#define SCORE_SURNAME    0.9
#define SCORE_ACRONYM    0.8
#define SCORE_SHORT_NAME 0.7

typedef struct
{
  guint   id;
  int     family;     /* persons, governments, organisations */
  char  **tokens;
  guint   n_tokens;
  char   *key;
  guint   mentions;
  gsize   name_len;
} Name;

static gboolean
in_list (const char         *word,
         const char * const *list,
         gsize               n)
{
  for (gsize i = 0; i < n; i++)
    {
      if (g_str_equal (word, list[i]))
        return TRUE;
    }
  return FALSE;
}

/* The words of a folded name: dots and apostrophes dropped, any other
 * character that is not a letter or a digit separates. */
static char **
name_words (const char *name)
{
  g_autofree char *folded = dossier_fold_string (name);
  g_autoptr(GString) flat = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p != '\0'; p++)
    {
      guchar c = *p;

      if (c == '.' || c == '\'')
        continue;
      g_string_append_c (flat, g_ascii_isalnum (c) || c >= 0x80 ? c : ' ');
    }
  return g_strsplit_set (g_strstrip (flat->str), " ", -1);
}

static char **
key_tokens (const char *name)
{
  g_auto(GStrv) words = name_words (name);
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
  guint n_meaningful = 0;

  for (guint i = 0; words[i] != NULL; i++)
    n_meaningful += *words[i] != '\0' && !in_list (words[i], ignored_words, G_N_ELEMENTS (ignored_words));

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      /* A name made of ignored words only ("The Group") keeps them. */
      if (n_meaningful > 0 && in_list (words[i], ignored_words, G_N_ELEMENTS (ignored_words)))
        continue;
      g_ptr_array_add (kept, g_strdup (words[i]));
    }
  g_ptr_array_add (kept, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&kept), FALSE);
}

char *
dossier_suggest_name_key (const char *name)
{
  g_auto(GStrv) tokens = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  tokens = key_tokens (name);
  return g_strjoinv (" ", tokens);
}

const char *
dossier_suggest_reason_label (DossierSuggestReason reason)
{
  switch (reason)
    {
    case DOSSIER_SUGGEST_SAME_NAME:
      return _("The same name written differently");
    case DOSSIER_SUGGEST_ACRONYM:
      return _("The same name with initials");
    case DOSSIER_SUGGEST_SURNAME:
      return _("A person named by the surname alone");
    case DOSSIER_SUGGEST_SHORT_NAME:
      return _("A short form of the name");
    default:
      g_return_val_if_reached (NULL);
    }
}

static int
type_family (DossierEntityType type)
{
  return type == DOSSIER_ENTITY_PERSON ? 0 : type == DOSSIER_ENTITY_GOVERNMENT ? 1 : 2;
}

static void
name_clear (Name *name)
{
  g_strfreev (name->tokens);
  g_free (name->key);
}

/* The initials of a name of several words; with @skip, without the
 * connecting words.  NULL for a name of one word. */
static char *
initials (const Name *name,
          gboolean    skip)
{
  GString *out;

  if (name->n_tokens < 2)
    return NULL;
  out = g_string_new (NULL);
  for (guint i = 0; i < name->n_tokens; i++)
    {
      if (!skip || !in_list (name->tokens[i], connecting_words, G_N_ELEMENTS (connecting_words)))
        g_string_append_c (out, name->tokens[i][0]);
    }
  return g_string_free (out, FALSE);
}

/* Indexes: key, initials, a person's surname, an organisation's first word. */
typedef struct
{
  GArray     *names;     /* Name */
  GHashTable *by_key;    /* char * -> GArray of guint (index in names) */
  GHashTable *by_initials;
  GHashTable *by_surname;
  GHashTable *by_first;
  GHashTable *by_last;   /* an organisation's last word */
  GHashTable *distinct;  /* guint64 pair -> itself */
  GHashTable *seen;      /* guint64 pair -> itself */
  GArray     *out;       /* DossierSuggestion */
} Suggest;

static guint64 *
pair_key (guint a,
          guint b)
{
  guint64 *key = g_new (guint64, 1);

  *key = ((guint64) MIN (a, b) << 32) | MAX (a, b);
  return key;
}

/* The fuller name is kept: more words, then longer, then more mentioned. */
static gboolean
keeps_first (const Name *a,
             const Name *b)
{
  if (a->n_tokens != b->n_tokens)
    return a->n_tokens > b->n_tokens;
  if (a->mentions != b->mentions)
    return a->mentions > b->mentions;
  if (a->name_len != b->name_len)
    return a->name_len > b->name_len;
  return a->id < b->id;
}

static void
propose (Suggest              *s,
         guint                 i,
         guint                 j,
         DossierSuggestReason  reason,
         double                score)
{
  const Name *a = &g_array_index (s->names, Name, i);
  const Name *b = &g_array_index (s->names, Name, j);
  g_autofree guint64 *key = pair_key (a->id, b->id);
  DossierSuggestion suggestion;

  if (i == j || a->family != b->family ||
      g_hash_table_contains (s->distinct, key) || g_hash_table_contains (s->seen, key))
    return;
  g_hash_table_add (s->seen, g_steal_pointer (&key));

  suggestion.keep = keeps_first (a, b) ? a->id : b->id;
  suggestion.other = keeps_first (a, b) ? b->id : a->id;
  suggestion.reason = reason;
  suggestion.score = score;
  g_array_append_val (s->out, suggestion);
}

/* Whether the words of @a begin those of @b, which has more. */
static gboolean
is_prefix (const Name *a,
           const Name *b)
{
  if (a->n_tokens >= b->n_tokens)
    return FALSE;
  for (guint t = 0; t < a->n_tokens; t++)
    {
      if (!g_str_equal (a->tokens[t], b->tokens[t]))
        return FALSE;
    }
  return TRUE;
}

/* Whether the words of @a are those of @b with runs of words written as
 * their initials: "us steel" and "united states steel". */
static gboolean
abbreviates (const Name *a,
             const Name *b)
{
  gboolean shortened = FALSE;
  guint j = 0;

  for (guint i = 0; i < a->n_tokens; i++)
    {
      const char *t = a->tokens[i];
      gsize len = strlen (t);

      if (j < b->n_tokens && g_str_equal (t, b->tokens[j]))
        {
          j++;
          continue;
        }
      if (len < 2 || j + len > b->n_tokens)
        return FALSE;
      for (gsize k = 0; k < len; k++)
        {
          if (b->tokens[j + k][0] != t[k])
            return FALSE;
        }
      j += len;
      shortened = TRUE;
    }
  return shortened && j == b->n_tokens;
}

typedef gboolean (*FitsFunc) (const Name *a,
                              const Name *b);

/* Proposes @i with every name of @index under @key that @fits (NULL: all);
 * the score is shared among them unless the names are the same. */
static void
propose_all (Suggest              *s,
             guint                 i,
             GHashTable           *index,
             const char           *key,
             FitsFunc              fits,
             DossierSuggestReason  reason,
             double                score)
{
  GArray *list = key != NULL ? g_hash_table_lookup (index, key) : NULL;
  const Name *a = &g_array_index (s->names, Name, i);
  guint n = 0;

  if (list == NULL)
    return;

  for (guint k = 0; k < list->len; k++)
    {
      const Name *b = &g_array_index (s->names, Name, g_array_index (list, guint, k));

      n += g_array_index (list, guint, k) != i && b->family == a->family && (fits == NULL || fits (a, b));
    }
  for (guint k = 0; k < list->len; k++)
    {
      guint j = g_array_index (list, guint, k);

      if (fits == NULL || fits (a, &g_array_index (s->names, Name, j)))
        propose (s, i, j, reason, reason == DOSSIER_SUGGEST_SAME_NAME ? score : score / MAX (n, 1));
    }
}

static void
index_names (Suggest      *s,
             DossierGraph *graph)
{
  for (guint e = 0; e < graph->entities->len; e++)
    {
      const DossierEntity *entity = dossier_graph_get_entity (graph, e);
      Name name = { 0 };
      g_autofree char *full = NULL;
      g_autofree char *skipped = NULL;
      guint i = s->names->len;

      if (entity->hidden)
        continue;
      name.id = e;
      name.family = type_family (entity->type);
      name.tokens = key_tokens (entity->name);
      name.n_tokens = g_strv_length (name.tokens);
      name.key = g_strjoinv (" ", name.tokens);
      name.mentions = entity->mentions->len;
      name.name_len = strlen (entity->name);
      if (name.n_tokens == 0)
        {
          name_clear (&name);
          continue;
        }
      g_array_append_val (s->names, name);

      dossier_index_add (s->by_key, name.key, i);
      if ((full = initials (&name, FALSE)) != NULL)
        dossier_index_add (s->by_initials, full, i);
      if ((skipped = initials (&name, TRUE)) != NULL && strlen (skipped) >= 2 &&
          !g_str_equal (skipped, full))
        dossier_index_add (s->by_initials, skipped, i);
      if (name.n_tokens >= 2 && name.family == 0)
        dossier_index_add (s->by_surname, name.tokens[name.n_tokens - 1], i);
      if (name.n_tokens >= 2 && name.family != 0)
        {
          dossier_index_add (s->by_first, name.tokens[0], i);
          dossier_index_add (s->by_last, name.tokens[name.n_tokens - 1], i);
        }
    }
}

static void
add_distinct (Suggest            *s,
              DossierGraph       *graph,
              const char * const *distinct)
{
  for (guint i = 0; distinct != NULL && distinct[i] != NULL && distinct[i + 1] != NULL; i += 2)
    {
      DossierEntity *a = dossier_graph_lookup_entity (graph, distinct[i]);
      DossierEntity *b = dossier_graph_lookup_entity (graph, distinct[i + 1]);

      if (a != NULL && b != NULL && a != b)
        g_hash_table_add (s->distinct, pair_key (a->id, b->id));
    }
}

static int
compare_suggestions (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  const DossierSuggestion *sa = a, *sb = b;
  DossierGraph *graph = user_data;
  guint ma, mb;

  if (sa->score != sb->score)
    return sa->score > sb->score ? -1 : 1;
  ma = dossier_graph_get_entity (graph, sa->keep)->mentions->len + dossier_graph_get_entity (graph, sa->other)->mentions->len;
  mb = dossier_graph_get_entity (graph, sb->keep)->mentions->len + dossier_graph_get_entity (graph, sb->other)->mentions->len;
  if (ma != mb)
    return ma > mb ? -1 : 1;
  return g_utf8_collate (dossier_graph_get_entity (graph, sa->keep)->name,
                         dossier_graph_get_entity (graph, sb->keep)->name);
}

GArray *
dossier_suggest_duplicates (DossierGraph       *graph,
                            const char * const *distinct)
{
  Suggest s = { 0 };

  g_return_val_if_fail (graph != NULL, NULL);

  s.names = g_array_new (FALSE, FALSE, sizeof (Name));
  g_array_set_clear_func (s.names, (GDestroyNotify) name_clear);
  s.by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  s.by_initials = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  s.by_surname = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  s.by_first = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  s.by_last = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  s.distinct = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  s.seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  s.out = g_array_new (FALSE, FALSE, sizeof (DossierSuggestion));

  index_names (&s, graph);
  add_distinct (&s, graph, distinct);

  for (guint i = 0; i < s.names->len; i++)
    {
      const Name *a = &g_array_index (s.names, Name, i);
      gboolean one_word = a->n_tokens == 1;

      propose_all (&s, i, s.by_key, a->key, NULL, DOSSIER_SUGGEST_SAME_NAME, SCORE_SAME_NAME);
      if (one_word && strlen (a->key) >= 2 && strlen (a->key) <= 8)
        propose_all (&s, i, s.by_initials, a->key, NULL, DOSSIER_SUGGEST_ACRONYM, SCORE_ACRONYM);
      if (one_word && a->family == 0)
        propose_all (&s, i, s.by_surname, a->key, NULL, DOSSIER_SUGGEST_SURNAME, SCORE_SURNAME);
      if (a->family != 0 && strlen (a->tokens[0]) >= 2)
        propose_all (&s, i, s.by_first, a->tokens[0], is_prefix, DOSSIER_SUGGEST_SHORT_NAME, SCORE_SHORT_NAME);
      if (a->family != 0 && !one_word)
        propose_all (&s, i, s.by_last, a->tokens[a->n_tokens - 1], abbreviates, DOSSIER_SUGGEST_ACRONYM, SCORE_ACRONYM);
    }

  g_array_sort_with_data (s.out, compare_suggestions, graph);

  g_array_unref (s.names);
  g_hash_table_unref (s.by_key);
  g_hash_table_unref (s.by_initials);
  g_hash_table_unref (s.by_surname);
  g_hash_table_unref (s.by_first);
  g_hash_table_unref (s.by_last);
  g_hash_table_unref (s.distinct);
  g_hash_table_unref (s.seen);
  return s.out;
}
