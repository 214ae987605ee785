/* dossier-gazetteer.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-gazetteer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-fold.h"
#include "dossier-gazetteer.h"

G_DEFINE_QUARK (dossier-gazetteer-error-quark, dossier_gazetteer_error)

/* The longest form, in words; longer aliases are refused at load time. */
#define MAX_FORM_TOKENS 12

typedef enum
{
  CASE_ANY,     /* descriptive forms, and names written in lower case */
  CASE_SOME,    /* names with capitals: one capitalised word in the text
                 * ("le Monde", "Tik tok"), so "le monde" is not Le Monde */
  CASE_CAPITAL, /* one plain word, a common word too: "Oracle", not "oracle" */
  CASE_EXACT,   /* acronyms: "US", not "us" */
} CaseRule;

typedef struct
{
  DossierGazetteerEntry *entry;
  gboolean               descriptive;
  gboolean               place;     /* "@Canada": a place after "en", "in" */
  CaseRule               case_rule;
  guint32                capitals;  /* CASE_SOME: words capitalised in the form,
                                     * a leading article excepted */
} Form;

/* Open addressing tables: words of the forms, and trie edges keyed by
 * (node, word).  Matching does one word lookup per token of the text and
 * stops at the first word no form has, so a pass is linear in the text. */
typedef struct
{
  guint32 hash;
  guint32 id;     /* 0: empty */
  guint32 offset; /* in the words arena */
  guint32 len;
} WordSlot;

typedef struct
{
  guint64 key;    /* node << 32 | word; 0: empty (node 0 word 0 never occurs) */
  guint32 child;
} EdgeSlot;

struct _DossierGazetteer
{
  GPtrArray  *entries;  /* DossierGazetteerEntry */
  GHashTable *forms;    /* folded form -> Form, for lookups by name */

  WordSlot   *words;
  guint       words_size;   /* power of two */
  guint       n_words;
  GString    *arena;        /* the words, one after the other: one block, not one each */

  EdgeSlot   *edges;
  guint       edges_size;   /* power of two */
  guint       n_edges;

  GArray     *root_children; /* guint32 by word id: the root's child by that word, or 0 */
  GArray     *nodes;        /* Form *, NULL when no form ends there; node 0 is the root */
  GPtrArray  *node_forms;   /* owns the Form of trie nodes */

  GChecksum  *checksum;
  char       *digest;
};

static void
entry_free (DossierGazetteerEntry *entry)
{
  g_free ((char *) entry->canonical);
  g_free ((char *) entry->leads);
  g_free ((char *) entry->title);
  g_free (entry);
}

/* A word slot's hash, from dossier_fold_hash() of its word: never 0. */
static inline guint32
slot_hash (guint32 fold_hash)
{
  return fold_hash | 1;
}

/* @hash: dossier_fold_hash() of @word, so a token's hash from
 * dossier_tokenize() serves.  Inlined: it runs for every token of the
 * text, and its call cost as much as its probe. */
G_ALWAYS_INLINE static inline guint32
word_lookup_hashed (DossierGazetteer *gazetteer,
                    const char       *word,
                    gsize             len,
                    guint32           hash)
{
  guint32 h = slot_hash (hash);
  guint mask = gazetteer->words_size - 1;

  for (guint i = h & mask;; i = (i + 1) & mask)
    {
      WordSlot *slot = &gazetteer->words[i];

      if (slot->id == 0)
        return 0;
      if (slot->hash == h && slot->len == len &&
          dossier_fold_word_equal (gazetteer->arena->str + slot->offset, word, len))
        return slot->id;
    }
}

static void words_grow (DossierGazetteer *gazetteer);

static guint32
word_intern (DossierGazetteer *gazetteer,
             const char       *word,
             gsize             len)
{
  guint32 hash = dossier_fold_hash (word, len);
  guint32 id = word_lookup_hashed (gazetteer, word, len, hash);
  guint32 h;
  guint mask;

  if (id != 0)
    return id;

  if ((gazetteer->n_words + 1) * 2 > gazetteer->words_size)
    words_grow (gazetteer);

  h = slot_hash (hash);
  mask = gazetteer->words_size - 1;
  for (guint i = h & mask;; i = (i + 1) & mask)
    {
      WordSlot *slot = &gazetteer->words[i];

      if (slot->id == 0)
        {
          slot->hash = h;
          slot->id = ++gazetteer->n_words;
          slot->offset = gazetteer->arena->len;
          g_string_append_len (gazetteer->arena, word, len);
          slot->len = (guint32) len;
          return slot->id;
        }
    }
}

/* Zeroed by hand rather than by g_new0(): calloc's fresh pages are first
 * read as the shared zero page, so every page of a table then faults twice
 * (a read, then a copy on write). */
static gpointer
new_table (gsize n,
           gsize size)
{
  gpointer table = g_malloc_n (n, size);

  memset (table, 0, n * size);
  return table;
}

static void
words_resize (DossierGazetteer *gazetteer,
              guint             size)
{
  WordSlot *old = gazetteer->words;
  guint old_size = gazetteer->words_size;
  guint mask;

  gazetteer->words_size = size;
  gazetteer->words = new_table (gazetteer->words_size, sizeof (WordSlot));
  mask = gazetteer->words_size - 1;

  for (guint j = 0; j < old_size; j++)
    {
      if (old[j].id == 0)
        continue;
      for (guint i = old[j].hash & mask;; i = (i + 1) & mask)
        {
          if (gazetteer->words[i].id == 0)
            {
              gazetteer->words[i] = old[j];
              break;
            }
        }
    }
  g_free (old);
}

static void
words_grow (DossierGazetteer *gazetteer)
{
  words_resize (gazetteer, MAX (64, gazetteer->words_size * 2));
}

static inline guint32
edge_lookup (DossierGazetteer *gazetteer,
             guint32           node,
             guint32           word)
{
  guint64 key = ((guint64) node << 32) | word;
  guint mask = gazetteer->edges_size - 1;
  guint32 h = (guint32) ((key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 32);

  for (guint i = h & mask;; i = (i + 1) & mask)
    {
      EdgeSlot *slot = &gazetteer->edges[i];

      if (slot->key == 0)
        return 0;
      if (slot->key == key)
        return slot->child;
    }
}

static void edge_insert (DossierGazetteer *gazetteer,
                         guint32           node,
                         guint32           word,
                         guint32           child);

static void
edges_resize (DossierGazetteer *gazetteer,
              guint             size)
{
  EdgeSlot *old = gazetteer->edges;
  guint old_size = gazetteer->edges_size;

  gazetteer->edges_size = size;
  gazetteer->edges = new_table (gazetteer->edges_size, sizeof (EdgeSlot));
  gazetteer->n_edges = 0;
  for (guint j = 0; j < old_size; j++)
    if (old[j].key != 0)
      edge_insert (gazetteer, (guint32) (old[j].key >> 32),
                   (guint32) (old[j].key & 0xffffffff), old[j].child);
  g_free (old);
}

/* Makes room for @n_words more words and @n_edges more edges at most half
 * full, so that loading a file does not rehash the tables as they grow. */
static void
reserve (DossierGazetteer *gazetteer,
         guint             n_words,
         guint             n_edges)
{
  guint size;

  for (size = gazetteer->words_size; size < (gazetteer->n_words + n_words) * 2; size *= 2)
    ;
  if (size != gazetteer->words_size)
    words_resize (gazetteer, size);
  for (size = gazetteer->edges_size; size < (gazetteer->n_edges + n_edges) * 2; size *= 2)
    ;
  if (size != gazetteer->edges_size)
    edges_resize (gazetteer, size);
}

static void
edge_insert (DossierGazetteer *gazetteer,
             guint32           node,
             guint32           word,
             guint32           child)
{
  guint64 key = ((guint64) node << 32) | word;
  guint mask;
  guint32 h;

  if ((gazetteer->n_edges + 1) * 2 > gazetteer->edges_size)
    edges_resize (gazetteer, MAX (64, gazetteer->edges_size * 2));

  mask = gazetteer->edges_size - 1;
  h = (guint32) ((key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 32);
  for (guint i = h & mask;; i = (i + 1) & mask)
    {
      if (gazetteer->edges[i].key == 0)
        {
          gazetteer->edges[i].key = key;
          gazetteer->edges[i].child = child;
          gazetteer->n_edges++;
          return;
        }
    }
}

DossierGazetteer *
dossier_gazetteer_new (void)
{
  DossierGazetteer *gazetteer = g_new0 (DossierGazetteer, 1);
  Form *root = NULL;

  gazetteer->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  gazetteer->forms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gazetteer->checksum = g_checksum_new (G_CHECKSUM_SHA256);
  gazetteer->nodes = g_array_new (FALSE, FALSE, sizeof (Form *));
  gazetteer->root_children = g_array_new (FALSE, TRUE, sizeof (guint32));
  gazetteer->node_forms = g_ptr_array_new_with_free_func (g_free);
  g_array_append_val (gazetteer->nodes, root);
  gazetteer->arena = g_string_sized_new (64 * 1024);
  words_grow (gazetteer);
  edges_resize (gazetteer, 64);

  return gazetteer;
}

void
dossier_gazetteer_free (DossierGazetteer *gazetteer)
{
  if (gazetteer == NULL)
    return;

  g_string_free (gazetteer->arena, TRUE);
  g_free (gazetteer->words);
  g_free (gazetteer->edges);
  g_array_unref (gazetteer->nodes);
  g_array_unref (gazetteer->root_children);
  g_ptr_array_unref (gazetteer->node_forms);
  g_ptr_array_unref (gazetteer->entries);
  g_hash_table_unref (gazetteer->forms);
  g_checksum_free (gazetteer->checksum);
  g_free (gazetteer->digest);
  g_free (gazetteer);
}

guint
dossier_gazetteer_get_n_forms (DossierGazetteer *gazetteer)
{
  g_return_val_if_fail (gazetteer != NULL, 0);

  return g_hash_table_size (gazetteer->forms);
}

/* Articles at the start of a form do not have to be in the text:
 * "la Maison Blanche" also matches "de Maison Blanche". */
static gboolean
is_leading_article (const char *word,
                    gsize       len)
{
  static const char *articles[] = { "le", "la", "les", "l", "the", NULL };

  for (guint i = 0; articles[i] != NULL; i++)
    if (strlen (articles[i]) == len && memcmp (articles[i], word, len) == 0)
      return TRUE;
  return FALSE;
}

/* Buffers reused from one form to the next while a file loads. */
typedef struct
{
  DossierFolded *folded;
  GArray        *tokens;  /* DossierToken */
} Scratch;

static void
add_form (DossierGazetteer      *gazetteer,
          Scratch               *scratch,
          DossierGazetteerEntry *entry,
          const char            *form,
          gboolean               descriptive,
          gboolean               place)
{
  DossierFolded *folded = scratch->folded;
  GArray *tokens = scratch->tokens;
  g_autofree char *key = NULL;
  guint32 node = 0;
  guint first = 0;
  Form *f;

  dossier_folded_set (folded, form, strlen (form), 0);
  key = dossier_folded_key (folded);
  g_array_set_size (tokens, 0);
  dossier_tokenize (folded, form, 0, tokens);

  while (first + 2 < tokens->len)
    {
      const DossierToken *t = &g_array_index (tokens, DossierToken, first);

      if (!is_leading_article (folded->folded + t->fstart, t->fend - t->fstart))
        break;
      first++;
    }

  if (tokens->len == 0 || tokens->len - first > MAX_FORM_TOKENS)
    return;

  f = g_new0 (Form, 1);
  f->entry = entry;
  f->descriptive = descriptive;
  f->place = place;
  f->case_rule = CASE_ANY;
  if (!descriptive)
    for (guint i = first; i < tokens->len; i++)
      {
        const DossierToken *t = &g_array_index (tokens, DossierToken, i);

        if (i == first && tokens->len - first > 1 &&
            is_leading_article (folded->folded + t->fstart, t->fend - t->fstart))
          continue;  /* "Le Monde": "Le" at a sentence start proves nothing */
        if (t->flags & (DOSSIER_TOKEN_CAPITAL | DOSSIER_TOKEN_ALL_CAPS | DOSSIER_TOKEN_MIXED))
          {
            f->case_rule = CASE_SOME;
            f->capitals |= 1u << (i - first);
          }
      }
  if (tokens->len - first == 1 && !descriptive)
    {
      const DossierToken *t = &g_array_index (tokens, DossierToken, first);

      if (t->flags & DOSSIER_TOKEN_ALL_CAPS)
        f->case_rule = CASE_EXACT;
      else if (t->flags & DOSSIER_TOKEN_MIXED)
        f->case_rule = CASE_ANY;  /* "tiktok" is still TikTok: no common word */
      else if ((t->flags & DOSSIER_TOKEN_CAPITAL) &&
               !(t->flags & (DOSSIER_TOKEN_MIXED | DOSSIER_TOKEN_DIGIT)))
        f->case_rule = CASE_CAPITAL;
    }

  for (guint i = first; i < tokens->len; i++)
    {
      const DossierToken *t = &g_array_index (tokens, DossierToken, i);
      guint32 word = word_intern (gazetteer, folded->folded + t->fstart, t->fend - t->fstart);
      guint32 child = edge_lookup (gazetteer, node, word);

      if (child == 0)
        {
          Form *none = NULL;

          child = gazetteer->nodes->len;
          g_array_append_val (gazetteer->nodes, none);
          edge_insert (gazetteer, node, word, child);
          if (node == 0)
            {
              if (word >= gazetteer->root_children->len)
                g_array_set_size (gazetteer->root_children, word + 1);
              g_array_index (gazetteer->root_children, guint32, word) = child;
            }
        }
      node = child;
    }

  /* "Nvidia" and "NVIDIA" fold alike: one entry's forms keep the most
   * lenient rule.  Another entry's form overrides (a later file wins). */
  {
    Form *old = g_array_index (gazetteer->nodes, Form *, node);

    if (old != NULL && old->entry == entry && old->descriptive == descriptive)
      {
        f->place = f->place && old->place;
        if (old->case_rule == CASE_ANY || f->case_rule == CASE_ANY)
          f->case_rule = CASE_ANY;
        else if (old->case_rule == CASE_SOME || f->case_rule == CASE_SOME)
          {
            f->case_rule = CASE_SOME;
            f->capitals = (old->case_rule == CASE_SOME ? old->capitals : 0) |
                          (f->case_rule == CASE_SOME ? f->capitals : 0);
            if (f->capitals == 0)
              f->case_rule = CASE_ANY;
          }
        else if (old->case_rule == CASE_CAPITAL || f->case_rule == CASE_CAPITAL)
          f->case_rule = CASE_CAPITAL;
      }
  }
  g_array_index (gazetteer->nodes, Form *, node) = f;
  g_ptr_array_add (gazetteer->node_forms, f);
  if (*key != '\0')
    g_hash_table_replace (gazetteer->forms, g_steal_pointer (&key), f);
}

gboolean
dossier_gazetteer_load_data (DossierGazetteer  *gazetteer,
                             const char        *data,
                             gsize              len,
                             const char        *source_name,
                             GError           **error)
{
  g_auto(GStrv) lines = NULL;
  g_autofree char *copy = NULL;
  g_autoptr(DossierFolded) folded = g_new0 (DossierFolded, 1);
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (DossierToken));
  Scratch scratch = { folded, tokens };

  g_return_val_if_fail (gazetteer != NULL, FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  /* An empty file adds nothing (and NULL data is allowed with len 0). */
  if (len == 0)
    return TRUE;

  if (!g_utf8_validate_len (data, len, NULL) || memchr (data, '\0', len) != NULL)
    {
      g_set_error (error, DOSSIER_GAZETTEER_ERROR, DOSSIER_GAZETTEER_ERROR_PARSE,
                   _("%s: not UTF-8 text"), source_name);
      return FALSE;
    }

  /* The gazetteers hold a new word per 36 bytes and an edge per 18: room
   * for twice that is seldom outgrown. */
  reserve (gazetteer, len / 32, len / 16);

  copy = g_strndup (data, len);
  lines = g_strsplit (copy, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_auto(GStrv) aliases = NULL;
      DossierGazetteerEntry *entry;
      DossierEntityType type;
      char *line = g_strstrip (lines[i]);

      if (*line == '\0' || *line == '#')
        continue;

      fields = g_strsplit (line, "\t", 4);
      if (g_strv_length (fields) < 2 ||
          !dossier_entity_type_from_string (g_strstrip (fields[0]), &type) ||
          *g_strstrip (fields[1]) == '\0')
        {
          g_set_error (error, DOSSIER_GAZETTEER_ERROR, DOSSIER_GAZETTEER_ERROR_PARSE,
                       _("%s:%u: expected “type<TAB>name<TAB>aliases”"),
                       source_name, i + 1);
          return FALSE;
        }

      entry = g_new0 (DossierGazetteerEntry, 1);
      entry->canonical = g_strdup (fields[1]);
      entry->type = type;
      if (fields[2] != NULL && fields[3] != NULL)
        {
          g_auto(GStrv) props = g_strsplit (fields[3], ";", -1);

          for (guint j = 0; props[j] != NULL; j++)
            {
              char *prop = g_strstrip (props[j]);

              if (g_str_has_prefix (prop, "leads=") && prop[6] != '\0')
                {
                  g_free ((char *) entry->leads);
                  entry->leads = g_strdup (g_strstrip (prop + 6));
                }
              else if (g_str_has_prefix (prop, "title=") && prop[6] != '\0')
                {
                  g_free ((char *) entry->title);
                  entry->title = dossier_fold_string (g_strstrip (prop + 6));
                }
              else if (*prop != '\0')
                {
                  g_set_error (error, DOSSIER_GAZETTEER_ERROR, DOSSIER_GAZETTEER_ERROR_PARSE,
                               _("%s:%u: unknown field “%s”"), source_name, i + 1, prop);
                  entry_free (entry);
                  return FALSE;
                }
            }
        }
      g_ptr_array_add (gazetteer->entries, entry);
      add_form (gazetteer, &scratch, entry, fields[1], FALSE, FALSE);

      if (fields[2] == NULL)
        continue;

      aliases = g_strsplit (fields[2], "|", -1);
      for (guint j = 0; aliases[j] != NULL; j++)
        {
          char *alias = g_strstrip (aliases[j]);
          gboolean descriptive = alias[0] == '~';
          gboolean place = alias[0] == '@';

          if (*alias == '\0' || ((descriptive || place) && alias[1] == '\0'))
            continue;

          add_form (gazetteer, &scratch, entry, descriptive || place ? alias + 1 : alias,
                    descriptive, place);
        }
    }

  g_checksum_update (gazetteer->checksum, (const guchar *) data, len);
  g_clear_pointer (&gazetteer->digest, g_free);

  return TRUE;
}

gboolean
dossier_gazetteer_load_file (DossierGazetteer  *gazetteer,
                             const char        *path,
                             GError           **error)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_return_val_if_fail (gazetteer != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_get_contents (path, &contents, &len, error))
    return FALSE;

  return dossier_gazetteer_load_data (gazetteer, contents, len, path, error);
}

static char *
find_data_dir (void)
{
  const char *env = g_getenv ("DOSSIER_DATA_DIR");
  g_autofree char *installed = NULL;

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  installed = g_build_filename (DOSSIER_PKGDATADIR, "gazetteer", NULL);
  if (g_file_test (installed, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&installed);

  return g_build_filename (DOSSIER_SOURCE_DIR, "data", "gazetteer", NULL);
}

/* g_ptr_array_sort passes pointers to the elements. */
static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

char *
dossier_gazetteer_default_dir (void)
{
  return find_data_dir ();
}

DossierGazetteer *
dossier_gazetteer_new_default (GError **error)
{
  g_autoptr(DossierGazetteer) gazetteer = dossier_gazetteer_new ();
  g_autofree char *dir = find_data_dir ();
  g_autoptr(GDir) gdir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (!(gdir = g_dir_open (dir, 0, error)))
    return NULL;

  while ((name = g_dir_read_name (gdir)) != NULL)
    {
      if (g_str_has_suffix (name, ".gaz"))
        g_ptr_array_add (names, g_strdup (name));
    }

  /* A stable order keeps the checksum stable. */
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);

      if (!dossier_gazetteer_load_file (gazetteer, path, error))
        return NULL;
    }

  return g_steal_pointer (&gazetteer);
}

static inline gboolean
case_ok (const Form         *form,
         const DossierToken *tokens,
         guint               first,
         guint               end)
{
  switch (form->case_rule)
    {
    case CASE_CAPITAL:
      return (tokens[first].flags & (DOSSIER_TOKEN_CAPITAL | DOSSIER_TOKEN_ALL_CAPS)) != 0;
    case CASE_SOME:
      for (guint i = first; i < end; i++)
        if ((form->capitals & (1u << (i - first))) &&
            (tokens[i].flags & (DOSSIER_TOKEN_CAPITAL | DOSSIER_TOKEN_ALL_CAPS | DOSSIER_TOKEN_MIXED)))
          return TRUE;
      return FALSE;
    case CASE_EXACT:
      for (guint i = first; i < end; i++)
        if (!(tokens[i].flags & DOSSIER_TOKEN_ALL_CAPS))
          return FALSE;
      return TRUE;
    case CASE_ANY:
    default:
      return TRUE;
    }
}

/* A place name right after a locative preposition ("au Canada", "in
 * Canada") is where something happens, not the state acting. */
static gboolean
after_locative (const DossierFolded *folded,
                const DossierToken  *tokens,
                guint                first,
                guint                i)
{
  static const char *locatives[] = { "en", "au", "aux", "a", "dans", "in", "across", NULL };
  const DossierToken *prev;
  gsize len;

  if (i == first || (tokens[i].flags & (DOSSIER_TOKEN_BREAK | DOSSIER_TOKEN_STOP |
                                        DOSSIER_TOKEN_COMMA | DOSSIER_TOKEN_ELIDED)))
    return FALSE;
  prev = &tokens[i - 1];
  len = prev->fend - prev->fstart;
  for (guint k = 0; locatives[k] != NULL; k++)
    if (strlen (locatives[k]) == len &&
        memcmp (locatives[k], folded->folded + prev->fstart, len) == 0)
      return TRUE;
  return FALSE;
}

/* The child of @node by @word, 0 when none.  Every word of a text is
 * tried at the root, and a third of them are words of some form ("de",
 * "la"): their root edges are read from a small array, not the edge table. */
static inline guint32
edge_by_word (DossierGazetteer *gazetteer,
              guint32           node,
              const char       *w,
              gsize             len,
              guint32           hash)
{
  guint32 word = word_lookup_hashed (gazetteer, w, len, hash);

  if (word == 0)
    return 0;
  if (node == 0)
    return word < gazetteer->root_children->len ? g_array_index (gazetteer->root_children, guint32, word) : 0;
  return edge_lookup (gazetteer, node, word);
}

/* The trie child for token @t, trying the singular of an English or
 * French plural ("gouvernements chinois") when the word itself is absent. */
static inline guint32
step (DossierGazetteer    *gazetteer,
      const DossierFolded *folded,
      const DossierToken  *t,
      guint32              node)
{
  const char *w = folded->folded + t->fstart;
  gsize len = t->fend - t->fstart;
  guint32 child = edge_by_word (gazetteer, node, w, len, t->hash);

  if (child == 0 && len > 3 && (w[len - 1] == 's' || w[len - 1] == 'x'))
    child = edge_by_word (gazetteer, node, w, len - 1, dossier_fold_hash (w, len - 1));

  return child;
}

void
dossier_gazetteer_match_tokens (DossierGazetteer    *gazetteer,
                                const DossierFolded *folded,
                                const DossierToken  *tokens,
                                guint                first,
                                guint                end,
                                GArray              *matches)
{
  Form **nodes;

  g_return_if_fail (gazetteer != NULL);
  g_return_if_fail (folded != NULL);
  g_return_if_fail (matches != NULL);

  nodes = (Form **) (gpointer) gazetteer->nodes->data;

  for (guint i = first; i < end;)
    {
      guint32 node = 0;
      guint best_end = 0;
      const Form *best = NULL;

      for (guint j = i; j < end && j - i < MAX_FORM_TOKENS; j++)
        {
          if (j > i && !(tokens[j].flags & DOSSIER_TOKEN_JOINED))
            break;
          node = step (gazetteer, folded, &tokens[j], node);
          if (node == 0)
            break;
          if (nodes[node] != NULL && case_ok (nodes[node], tokens, i, j + 1))
            {
              best = nodes[node];
              best_end = j + 1;
            }
        }

      if (best != NULL && best->place && after_locative (folded, tokens, first, i))
        i = best_end;
      else if (best != NULL)
        {
          DossierGazetteerMatch m;

          m.start = tokens[i].start;
          m.end = tokens[best_end - 1].end;
          m.entry = best->entry;
          m.descriptive = best->descriptive;
          m.first_token = i;
          m.end_token = best_end;
          g_array_append_val (matches, m);
          i = best_end;
        }
      else
        i++;
    }
}

GArray *
dossier_gazetteer_match (DossierGazetteer *gazetteer,
                         const char       *text,
                         gsize             len)
{
  g_autoptr(DossierFolded) folded = NULL;
  g_autoptr(GArray) tokens = NULL;
  GArray *matches;

  g_return_val_if_fail (gazetteer != NULL, NULL);
  g_return_val_if_fail (text != NULL || len == 0, NULL);

  matches = g_array_new (FALSE, FALSE, sizeof (DossierGazetteerMatch));
  folded = dossier_folded_new (text, len);
  tokens = g_array_new (FALSE, FALSE, sizeof (DossierToken));
  dossier_tokenize (folded, text != NULL ? text : "", 0, tokens);
  dossier_gazetteer_match_tokens (gazetteer, folded,
                                  (const DossierToken *) (gpointer) tokens->data,
                                  0, tokens->len, matches);

  return matches;
}

const DossierGazetteerEntry *
dossier_gazetteer_lookup (DossierGazetteer *gazetteer,
                          const char       *name)
{
  g_autofree char *key = NULL;
  Form *form;

  g_return_val_if_fail (gazetteer != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  key = dossier_fold_string (name);
  form = g_hash_table_lookup (gazetteer->forms, key);

  return form != NULL ? form->entry : NULL;
}

const char *
dossier_gazetteer_get_checksum (DossierGazetteer *gazetteer)
{
  g_return_val_if_fail (gazetteer != NULL, NULL);

  if (gazetteer->digest == NULL)
    {
      g_autoptr(GChecksum) copy = g_checksum_copy (gazetteer->checksum);

      /* The rules are part of the result: cached extractions made by an
       * older extractor must not be reused. */
      g_checksum_update (copy, (const guchar *) DOSSIER_EXTRACTION_RULES,
                         strlen (DOSSIER_EXTRACTION_RULES));
      gazetteer->digest = g_strdup (g_checksum_get_string (copy));
    }

  return gazetteer->digest;
}
