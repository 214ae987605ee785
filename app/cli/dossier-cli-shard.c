/* dossier-cli-shard.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A corpus too large for one machine is cut into shards.  Discovered names
 * are typed from their context, so one shard alone could type a name
 * otherwise than the whole corpus would: a first pass, `names`, writes the
 * names each shard discovers as a gazetteer, with their mention counts by
 * type so that the files of all shards merge into one (majority type).
 * Each shard is then extracted with that gazetteer, and `merge` joins the
 * shards' JSON: actors by canonical name and aliases, relations by source,
 * type and target, every mention and passage kept with its article's path. */

#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "dossier-cli-shard.h"
#include "dossier-corpus.h"
#include "dossier-extractor.h"
#include "dossier-json-writer.h"

#define EXIT_BAD_USAGE 2
#define EXIT_PARTIAL   3

/* The line before an entry in a names file: its mentions by type. */
#define COUNTS_PREFIX "#= "

/* ---- names ------------------------------------------------------------ */

typedef struct
{
  char      *name;
  GPtrArray *aliases;                        /* char *, in order met */
  guint64    counts[DOSSIER_N_ENTITY_TYPES]; /* mentions by type */
  char      *props;                          /* "leads=…; title=…", or NULL */
} NameEntry;

static void
name_entry_free (NameEntry *entry)
{
  g_free (entry->name);
  g_ptr_array_unref (entry->aliases);
  g_free (entry->props);
  g_free (entry);
}

/* A form that a .gaz line can hold as it is. */
static gboolean
is_gazetteer_safe (const char *form)
{
  gsize len = form != NULL ? strlen (form) : 0;

  return len > 0 && *form != '#' && *form != '~' &&
         !g_ascii_isspace (form[0]) && !g_ascii_isspace (form[len - 1]) &&
         strpbrk (form, "\t\n\r|") == NULL && g_utf8_validate (form, len, NULL);
}

static NameEntry *
names_ensure (GHashTable *names,
              const char *name)
{
  NameEntry *entry = g_hash_table_lookup (names, name);

  if (entry == NULL)
    {
      entry = g_new0 (NameEntry, 1);
      entry->name = g_strdup (name);
      entry->aliases = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (names, entry->name, entry);
    }

  return entry;
}

static void
names_add_alias (NameEntry  *entry,
                 const char *alias)
{
  if (!is_gazetteer_safe (alias) || g_str_equal (alias, entry->name))
    return;

  for (guint i = 0; i < entry->aliases->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (entry->aliases, i), alias))
        return;
    }
  g_ptr_array_add (entry->aliases, g_strdup (alias));
}

/* A known actor's entry again, with the leads and title it had. */
static char *
entry_props (const DossierGazetteerEntry *entry)
{
  if (entry->leads == NULL && entry->title == NULL)
    return NULL;

  return g_strdup_printf ("%s%s%s%s%s",
                          entry->leads != NULL ? "leads=" : "", entry->leads != NULL ? entry->leads : "",
                          entry->leads != NULL && entry->title != NULL ? "; " : "",
                          entry->title != NULL ? "title=" : "", entry->title != NULL ? entry->title : "");
}

/* Discovered actors, and the names a known actor was given from the text
 * alone (a surname joined to the full name met in an earlier article):
 * without them a shard would not join "Vance" to "JD Vance" when the
 * article that names him in full is in another shard. */
static void
names_add_graph (GHashTable       *names,
                 DossierGraph     *graph,
                 DossierGazetteer *gazetteer)
{
  for (guint i = 0; i < graph->entities->len; i++)
    {
      const DossierEntity *e = dossier_graph_get_entity (graph, i);
      const DossierGazetteerEntry *known = NULL;
      NameEntry *entry;

      if (!is_gazetteer_safe (e->name))
        continue;

      if (!e->discovered)
        {
          guint learned = 0;

          known = dossier_gazetteer_lookup (gazetteer, e->name);
          for (guint a = 0; a < e->aliases->len; a++)
            if (dossier_gazetteer_lookup (gazetteer, g_ptr_array_index (e->aliases, a)) == NULL)
              learned++;
          if (known == NULL || learned == 0)
            continue;
        }

      entry = names_ensure (names, e->name);
      entry->counts[e->type] += MAX (e->mentions->len, 1);
      if (known != NULL && entry->props == NULL)
        entry->props = entry_props (known);
      for (guint a = 0; a < e->aliases->len; a++)
        {
          const char *alias = g_ptr_array_index (e->aliases, a);

          if (known == NULL || dossier_gazetteer_lookup (gazetteer, alias) == NULL)
            names_add_alias (entry, alias);
        }
    }
}

/* "#= person 12 company 1" */
static gboolean
parse_counts (const char *line,
              guint64    *counts)
{
  g_auto(GStrv) words = g_strsplit (line + strlen (COUNTS_PREFIX), " ", -1);
  guint n = g_strv_length (words);

  memset (counts, 0, sizeof (guint64) * DOSSIER_N_ENTITY_TYPES);
  if (n == 0 || n % 2 != 0)
    return FALSE;

  for (guint i = 0; i + 1 < n; i += 2)
    {
      DossierEntityType type;
      guint64 count;

      if (!dossier_entity_type_from_string (words[i], &type) ||
          !g_ascii_string_to_unsigned (words[i + 1], 10, 0, G_MAXUINT32, &count, NULL))
        return FALSE;
      counts[type] += count;
    }

  return TRUE;
}

/* Reads a names file written by `names` (or any .gaz: an entry without
 * counts counts once for its type). */
static gboolean
names_add_file (GHashTable  *names,
                const char  *path,
                GError     **error)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint64 counts[DOSSIER_N_ENTITY_TYPES];
  gboolean have_counts = FALSE;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return FALSE;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      DossierEntityType type;
      NameEntry *entry;

      if (g_str_has_prefix (lines[i], COUNTS_PREFIX))
        {
          have_counts = parse_counts (lines[i], counts);
          continue;
        }
      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;

      fields = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (fields) < 2 || !dossier_entity_type_from_string (fields[0], &type) ||
          !is_gazetteer_safe (fields[1]))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s:%u: not a gazetteer line"), path, i + 1);
          return FALSE;
        }

      entry = names_ensure (names, fields[1]);
      if (have_counts)
        for (guint t = 0; t < DOSSIER_N_ENTITY_TYPES; t++)
          entry->counts[t] += counts[t];
      else
        entry->counts[type]++;
      have_counts = FALSE;

      if (fields[2] != NULL)
        {
          g_auto(GStrv) aliases = g_strsplit (fields[2], "|", -1);

          for (guint a = 0; aliases[a] != NULL; a++)
            names_add_alias (entry, g_strstrip (aliases[a]));
          if (fields[3] != NULL && *fields[3] != '\0' && entry->props == NULL)
            entry->props = g_strdup (fields[3]);
        }
    }

  return TRUE;
}

/* The type with the most mentions; a tie goes to the first type. */
static DossierEntityType
majority_type (const guint64 *counts)
{
  DossierEntityType best = 0;

  for (guint t = 1; t < DOSSIER_N_ENTITY_TYPES; t++)
    if (counts[t] > counts[best])
      best = t;

  return best;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const NameEntry *ea = *(const NameEntry * const *) a;
  const NameEntry *eb = *(const NameEntry * const *) b;

  return strcmp (ea->name, eb->name);
}

static char *
names_to_string (GHashTable *names)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;
  GString *out = g_string_new ("# Names discovered by dossier-cli names (format: data/gazetteer/README.md).\n"
                               "# A \"" COUNTS_PREFIX "\" line gives the next entry's mentions by type, so that\n"
                               "# the files of several shards merge: dossier-cli names --output all.gaz *.gaz\n");

  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (entries, value);

  /* By name, so that the same names give the same bytes. */
  g_ptr_array_sort (entries, compare_entries);
  for (guint i = 0; i < entries->len; i++)
    {
      const NameEntry *entry = g_ptr_array_index (entries, i);

      g_string_append (out, COUNTS_PREFIX);
      for (guint t = 0, n = 0; t < DOSSIER_N_ENTITY_TYPES; t++)
        {
          if (entry->counts[t] == 0)
            continue;
          g_string_append_printf (out, "%s%s %" G_GUINT64_FORMAT, n++ > 0 ? " " : "",
                                  dossier_entity_type_to_string (t), entry->counts[t]);
        }
      g_string_append_printf (out, "\n%s\t%s", dossier_entity_type_to_string (majority_type (entry->counts)),
                              entry->name);
      for (guint a = 0; a < entry->aliases->len; a++)
        g_string_append_printf (out, "%s%s", a == 0 ? "\t" : " | ",
                                (const char *) g_ptr_array_index (entry->aliases, a));
      if (entry->props != NULL)
        g_string_append_printf (out, "%s\t%s", entry->aliases->len == 0 ? "\t" : "", entry->props);
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

static gboolean
is_names_file (const char *path)
{
  return g_str_has_suffix (path, ".gaz") && g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

int
dossier_cli_names (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       (GDestroyNotify) name_entry_free);
  g_autoptr(GPtrArray) articles = g_ptr_array_new ();
  g_autofree char *output = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) paths = NULL;
  g_auto(GStrv) gazetteers = NULL;
  gboolean quiet = FALSE;
  guint n_problems = 0;
  int jobs = 0;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the names to FILE (a .gaz)"), N_("FILE") },
    { "gazetteer", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &gazetteers, N_("Add actors from a gazetteer file (repeatable)"), N_("FILE") },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs, N_("Read the articles on N threads (default: one per core)"), N_("N") },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Do not report unreadable files"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, NULL },
    { NULL }
  };

  g_set_prgname ("dossier-cli names");
  context = g_option_context_new (_("-o FILE PATH… — the names the articles reveal, as a gazetteer"));
  g_option_context_set_description (context, _("A PATH ending in .gaz is a names file of another shard: "
                                                "its names are merged in, the type of each being the one "
                                                "of most mentions."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    goto usage;
  if (output == NULL || paths == NULL)
    {
      g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("names needs an output file and paths: -o FILE PATH…"));
      goto usage;
    }
  if (jobs < 0)
    {
      g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--jobs must be a positive number"));
      goto usage;
    }

  for (guint i = 0; paths[i] != NULL; i++)
    {
      if (!is_names_file (paths[i]))
        g_ptr_array_add (articles, paths[i]);
      else if (!names_add_file (names, paths[i], &error))
        goto fail;
    }

  if (articles->len > 0)
    {
      g_autoptr(DossierGazetteer) gazetteer = NULL;
      g_autoptr(DossierCorpus) corpus = NULL;
      g_autoptr(DossierGraph) graph = NULL;
      DossierExtractOptions options;

      if (!(gazetteer = dossier_gazetteer_new_default (&error)))
        goto fail;
      for (guint i = 0; gazetteers != NULL && gazetteers[i] != NULL; i++)
        if (!dossier_gazetteer_load_file (gazetteer, gazetteers[i], &error))
          goto fail;

      g_ptr_array_add (articles, NULL);
      if (!(corpus = dossier_corpus_load_full ((const char * const *) articles->pdata, jobs,
                                               NULL, NULL, NULL, &error)))
        goto fail;

      n_problems = corpus->problems->len;
      for (guint i = 0; !quiet && i < corpus->problems->len; i++)
        {
          const DossierLoadProblem *p = g_ptr_array_index (corpus->problems, i);
          g_printerr ("dossier-cli: %s\n", p->error->message);
        }

      /* Names only: untyped co-occurrence is not needed. */
      dossier_extract_options_init (&options);
      options.co_occurrence = FALSE;
      if (!(graph = dossier_extract (corpus, gazetteer, &options, NULL, &error)))
        goto fail;
      names_add_graph (names, graph, gazetteer);
    }

  text = names_to_string (names);
  if (!g_file_set_contents (output, text, -1, &error))
    goto fail;

  return n_problems > 0 ? EXIT_PARTIAL : 0;

usage:
  g_printerr ("dossier-cli: %s\n", error->message);
  return EXIT_BAD_USAGE;

fail:
  g_printerr ("dossier-cli: %s\n", error->message);
  return 1;
}

/* ---- merge ------------------------------------------------------------ */

/* A mention or a passage: its object as read, and where it sits. */
typedef struct
{
  JsonObject *object;
  guint       article;   /* merged article index */
  gint64      start;
  gint64      end;
} Ref;

typedef struct
{
  JsonObject *object;
  const char *id;
  const char *path;
} Article;

typedef struct
{
  char      *name;
  guint64    counts[DOSSIER_N_ENTITY_TYPES];
  gboolean   discovered;
  GPtrArray *aliases;    /* char * */
  GArray    *mentions;   /* Ref */
  guint      out_id;
} Entity;

typedef struct
{
  guint               source;   /* Entity index */
  guint               target;
  DossierRelationType type;
  GArray             *evidence; /* Ref */
} Relation;

typedef struct
{
  GPtrArray  *parsers;      /* JsonParser: the objects below point into them */
  GArray     *articles;     /* Article */
  GHashTable *article_keys; /* path (or id) -> index + 1 */
  GPtrArray  *entities;     /* Entity */
  GHashTable *names;        /* folded canonical name -> index + 1 */
  GHashTable *aliases;      /* folded alias -> index + 1 */
  GPtrArray  *relations;    /* Relation */
  GHashTable *triples;      /* "source:type:target" -> index + 1 */
} Merge;

static void
ref_clear (Ref *ref)
{
  g_clear_pointer (&ref->object, json_object_unref);
}

static void
article_clear (Article *article)
{
  g_clear_pointer (&article->object, json_object_unref);
}

static void
entity_free (Entity *e)
{
  g_free (e->name);
  g_ptr_array_unref (e->aliases);
  g_array_unref (e->mentions);
  g_free (e);
}

static void
relation_free (Relation *r)
{
  g_array_unref (r->evidence);
  g_free (r);
}

static GArray *
ref_array_new (void)
{
  GArray *refs = g_array_new (FALSE, FALSE, sizeof (Ref));

  g_array_set_clear_func (refs, (GDestroyNotify) ref_clear);
  return refs;
}

static void
merge_init (Merge *m)
{
  m->parsers = g_ptr_array_new_with_free_func (g_object_unref);
  m->articles = g_array_new (FALSE, FALSE, sizeof (Article));
  g_array_set_clear_func (m->articles, (GDestroyNotify) article_clear);
  m->article_keys = g_hash_table_new (g_str_hash, g_str_equal);
  m->entities = g_ptr_array_new_with_free_func ((GDestroyNotify) entity_free);
  m->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  m->aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  m->relations = g_ptr_array_new_with_free_func ((GDestroyNotify) relation_free);
  m->triples = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Safe on a Merge never initialised (a command line refused early). */
static void
merge_clear (Merge *m)
{
  g_clear_pointer (&m->triples, g_hash_table_unref);
  g_clear_pointer (&m->relations, g_ptr_array_unref);
  g_clear_pointer (&m->aliases, g_hash_table_unref);
  g_clear_pointer (&m->names, g_hash_table_unref);
  g_clear_pointer (&m->entities, g_ptr_array_unref);
  g_clear_pointer (&m->article_keys, g_hash_table_unref);
  g_clear_pointer (&m->articles, g_array_unref);
  g_clear_pointer (&m->parsers, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Merge, merge_clear)

static char *
fold_name (const char *name)
{
  g_autofree char *normal = g_utf8_normalize (name, -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normal != NULL ? normal : name, -1);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : NULL;
}

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static gboolean
bad_file (const char  *path,
          const char  *what,
          GError     **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("%s: not the JSON of dossier-cli extract (%s)"), path, what);
  return FALSE;
}

/* Articles are the same article when they have the same path. */
static GArray *
merge_articles (Merge      *m,
                JsonArray  *articles,
                const char *file,
                GError    **error)
{
  GArray *local = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < json_array_get_length (articles); i++)
    {
      JsonObject *object = json_array_get_object_element (articles, i);
      const char *id = member_string (object, "id");
      const char *path = member_string (object, "path");
      const char *key = path != NULL ? path : id;
      guint index;

      if (id == NULL)
        {
          g_array_unref (local);
          bad_file (file, "an article without id", error);
          return NULL;
        }

      index = GPOINTER_TO_UINT (g_hash_table_lookup (m->article_keys, key));
      if (index == 0)
        {
          Article article = { json_object_ref (object), id, path };

          g_array_append_val (m->articles, article);
          index = m->articles->len;
          g_hash_table_insert (m->article_keys, (char *) key, GUINT_TO_POINTER (index));
        }
      index--;
      g_array_append_val (local, index);
    }

  return local;
}

/* The merged article a mention or passage of this file points at: by
 * path when it has one (a merged file), else by id. */
static gboolean
resolve_article (Merge       *m,
                 JsonArray   *file_articles,
                 GArray      *local,
                 JsonObject  *object,
                 guint       *index)
{
  const char *path = member_string (object, "path");
  const char *id = member_string (object, "article");

  if (path != NULL)
    {
      guint found = GPOINTER_TO_UINT (g_hash_table_lookup (m->article_keys, path));

      *index = found - 1;
      return found > 0;
    }

  for (guint i = 0; id != NULL && i < json_array_get_length (file_articles); i++)
    {
      if (g_strcmp0 (member_string (json_array_get_object_element (file_articles, i), "id"), id) == 0)
        {
          *index = g_array_index (local, guint, i);
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
collect_refs (Merge       *m,
              JsonArray   *file_articles,
              GArray      *local,
              JsonArray   *objects,
              GArray      *refs,
              const char  *file,
              GError     **error)
{
  for (guint i = 0; objects != NULL && i < json_array_get_length (objects); i++)
    {
      JsonObject *object = json_array_get_object_element (objects, i);
      Ref ref = { 0 };

      if (object == NULL || !resolve_article (m, file_articles, local, object, &ref.article))
        return bad_file (file, "a passage in no article", error);

      ref.object = json_object_ref (object);
      ref.start = json_object_get_int_member_with_default (object, "start", 0);
      ref.end = json_object_get_int_member_with_default (object, "end", 0);
      g_array_append_val (refs, ref);
    }

  return TRUE;
}

/* The same actor: same canonical name, or one's name is the other's alias. */
static guint
find_entity (Merge      *m,
             const char *name,
             JsonArray  *aliases)
{
  g_autofree char *key = fold_name (name);
  guint found;

  if ((found = GPOINTER_TO_UINT (g_hash_table_lookup (m->names, key))) ||
      (found = GPOINTER_TO_UINT (g_hash_table_lookup (m->aliases, key))))
    return found;

  for (guint a = 0; aliases != NULL && a < json_array_get_length (aliases); a++)
    {
      const char *alias = json_array_get_string_element (aliases, a);
      g_autofree char *alias_key = alias != NULL ? fold_name (alias) : NULL;

      if (alias_key != NULL && (found = GPOINTER_TO_UINT (g_hash_table_lookup (m->names, alias_key))))
        return found;
    }

  return 0;
}

static void
entity_add_alias (Merge      *m,
                  Entity     *e,
                  guint       index,
                  const char *alias)
{
  g_autofree char *key = fold_name (alias);

  for (guint a = 0; a < e->aliases->len; a++)
    {
      g_autofree char *other = fold_name (g_ptr_array_index (e->aliases, a));

      if (g_str_equal (key, other))
        return;
    }
  g_ptr_array_add (e->aliases, g_strdup (alias));
  if (!g_hash_table_contains (m->aliases, key))
    g_hash_table_insert (m->aliases, g_steal_pointer (&key), GUINT_TO_POINTER (index + 1));
}

/* One shard's file being merged: its articles, and its entity ids mapped to
 * merged entity indices (plus one). */
typedef struct
{
  const char *file;
  JsonArray  *articles;
  GArray     *local_articles;
  GHashTable *local_entities;
} ShardFile;

/* The merged entity named @name, or a new one; its index. */
static guint
ensure_entity (Merge      *m,
               const char *name,
               JsonArray  *aliases)
{
  guint index = find_entity (m, name, aliases);
  Entity *e;

  if (index != 0)
    return index - 1;

  e = g_new0 (Entity, 1);
  e->name = g_strdup (name);
  e->discovered = TRUE;
  e->aliases = g_ptr_array_new_with_free_func (g_free);
  e->mentions = ref_array_new ();
  g_ptr_array_add (m->entities, e);
  g_hash_table_insert (m->names, fold_name (name), GUINT_TO_POINTER (m->entities->len));
  return m->entities->len - 1;
}

static gboolean
merge_entity (Merge       *m,
              ShardFile   *sf,
              JsonObject  *object,
              GError     **error)
{
  const char *id = member_string (object, "id");
  const char *name = member_string (object, "name");
  const char *type_name = member_string (object, "type");
  JsonArray *aliases = object != NULL ? member_array (object, "aliases") : NULL;
  JsonArray *mentions = object != NULL ? member_array (object, "mentions") : NULL;
  DossierEntityType type;
  guint index;
  Entity *e;

  if (id == NULL || name == NULL || type_name == NULL ||
      !dossier_entity_type_from_string (type_name, &type))
    return bad_file (sf->file, "an entity without id, name or type", error);

  index = ensure_entity (m, name, aliases);
  e = g_ptr_array_index (m->entities, index);

  /* Known to any shard's gazetteer is known. */
  e->discovered &= json_object_get_boolean_member_with_default (object, "discovered", FALSE);
  e->counts[type] += MAX (mentions != NULL ? json_array_get_length (mentions) : 0, 1);
  for (guint a = 0; aliases != NULL && a < json_array_get_length (aliases); a++)
    {
      const char *alias = json_array_get_string_element (aliases, a);

      if (alias != NULL)
        entity_add_alias (m, e, index, alias);
    }
  if (!collect_refs (m, sf->articles, sf->local_articles, mentions, e->mentions, sf->file, error))
    return FALSE;

  g_hash_table_insert (sf->local_entities, g_strdup (id), GUINT_TO_POINTER (index + 1));
  return TRUE;
}

/* The merged relation (@source, @type, @target), or a new one.  Symmetric
 * relations keep one direction, as in a single run. */
static Relation *
ensure_relation (Merge               *m,
                 guint                source,
                 DossierRelationType  type,
                 guint                target)
{
  g_autofree char *key = NULL;
  guint index;
  Relation *r;

  if (dossier_relation_type_is_symmetric (type) && source > target)
    {
      guint swap = source;

      source = target;
      target = swap;
    }

  key = g_strdup_printf ("%u:%u:%u", source, type, target);
  index = GPOINTER_TO_UINT (g_hash_table_lookup (m->triples, key));
  if (index != 0)
    return g_ptr_array_index (m->relations, index - 1);

  r = g_new0 (Relation, 1);
  r->source = source;
  r->target = target;
  r->type = type;
  r->evidence = ref_array_new ();
  g_ptr_array_add (m->relations, r);
  g_hash_table_insert (m->triples, g_steal_pointer (&key), GUINT_TO_POINTER (m->relations->len));
  return r;
}

static gboolean
merge_relation (Merge       *m,
                ShardFile   *sf,
                JsonObject  *object,
                GError     **error)
{
  guint source = GPOINTER_TO_UINT (g_hash_table_lookup (sf->local_entities, member_string (object, "source")));
  guint target = GPOINTER_TO_UINT (g_hash_table_lookup (sf->local_entities, member_string (object, "target")));
  const char *type_name = member_string (object, "type");
  DossierRelationType type;
  Relation *r;

  if (source-- == 0 || target-- == 0 || type_name == NULL ||
      !dossier_relation_type_from_string (type_name, &type))
    return bad_file (sf->file, "a relation without known source, target or type", error);

  r = ensure_relation (m, source, type, target);
  return collect_refs (m, sf->articles, sf->local_articles, member_array (object, "evidence"),
                       r->evidence, sf->file, error);
}

static gboolean
merge_file (Merge       *m,
            const char  *file,
            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GArray) local_articles = NULL;
  g_autoptr(GHashTable) local_entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ShardFile sf = { file, NULL, NULL, local_entities };
  JsonNode *root;
  JsonObject *top;
  JsonArray *articles, *entities, *relations;

  if (!json_parser_load_from_mapped_file (parser, file, error))
    return FALSE;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return bad_file (file, "no object", error);
  top = json_node_get_object (root);
  if (!(articles = member_array (top, "articles")) ||
      !(entities = member_array (top, "entities")) ||
      !(relations = member_array (top, "relations")))
    return bad_file (file, "articles, entities or relations missing", error);

  if (!(local_articles = merge_articles (m, articles, file, error)))
    return FALSE;
  sf.articles = articles;
  sf.local_articles = local_articles;

  for (guint i = 0; i < json_array_get_length (entities); i++)
    if (!merge_entity (m, &sf, json_array_get_object_element (entities, i), error))
      return FALSE;

  for (guint i = 0; i < json_array_get_length (relations); i++)
    if (!merge_relation (m, &sf, json_array_get_object_element (relations, i), error))
      return FALSE;

  g_ptr_array_add (m->parsers, g_steal_pointer (&parser));
  return TRUE;
}

/* Any JSON value as it was read. */
static void
write_node (DossierJsonWriter *w,
            JsonNode          *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        dossier_json_writer_begin_object (w);
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            dossier_json_writer_member (w, name);
            write_node (w, member);
          }
        dossier_json_writer_end_object (w);
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        dossier_json_writer_begin_array (w);
        for (guint i = 0; i < json_array_get_length (array); i++)
          write_node (w, json_array_get_element (array, i));
        dossier_json_writer_end_array (w);
      }
      break;

    case JSON_NODE_NULL:
      dossier_json_writer_null (w);
      break;

    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          dossier_json_writer_int (w, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          dossier_json_writer_double (w, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          dossier_json_writer_boolean (w, json_node_get_boolean (node));
          break;
        case G_TYPE_STRING:
        default:
          dossier_json_writer_string (w, json_node_get_string (node));
          break;
        }
      break;
    }
}

/* A mention or passage as read, pointing at its article by id and path. */
static void
write_ref (DossierJsonWriter *w,
           Merge             *m,
           const Ref         *ref)
{
  const Article *article = &g_array_index (m->articles, Article, ref->article);
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  dossier_json_writer_begin_object (w);
  json_object_iter_init_ordered (&iter, ref->object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      if (g_str_equal (name, "path"))
        continue;
      dossier_json_writer_member (w, name);
      if (!g_str_equal (name, "article"))
        {
          write_node (w, member);
          continue;
        }
      dossier_json_writer_string (w, article->id);
      dossier_json_writer_member (w, "path");
      dossier_json_writer_string (w, article->path);
    }
  dossier_json_writer_end_object (w);
}

static void
write_refs (DossierJsonWriter *w,
            Merge             *m,
            const char        *member,
            GArray            *refs)
{
  dossier_json_writer_member (w, member);
  dossier_json_writer_begin_array (w);
  for (guint i = 0; i < refs->len; i++)
    write_ref (w, m, &g_array_index (refs, Ref, i));
  dossier_json_writer_end_array (w);
}

static int
compare_articles (gconstpointer a,
                  gconstpointer b)
{
  const Article *aa = a;
  const Article *ab = b;
  int ret = g_strcmp0 (aa->id, ab->id);

  return ret != 0 ? ret : g_strcmp0 (aa->path, ab->path);
}

static int
compare_refs (gconstpointer a,
              gconstpointer b)
{
  const Ref *ra = a;
  const Ref *rb = b;

  if (ra->article != rb->article)
    return ra->article < rb->article ? -1 : 1;
  if (ra->start != rb->start)
    return ra->start < rb->start ? -1 : 1;
  return ra->end < rb->end ? -1 : ra->end > rb->end;
}

static int
compare_entities (gconstpointer a,
                  gconstpointer b)
{
  const Entity *ea = *(const Entity * const *) a;
  const Entity *eb = *(const Entity * const *) b;

  if (ea->mentions->len != eb->mentions->len)
    return ea->mentions->len > eb->mentions->len ? -1 : 1;
  return g_utf8_collate (ea->name, eb->name);
}

static int
compare_relations (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  Merge *m = user_data;
  const Relation *ra = *(const Relation * const *) a;
  const Relation *rb = *(const Relation * const *) b;
  guint sa = ((Entity *) g_ptr_array_index (m->entities, ra->source))->out_id;
  guint sb = ((Entity *) g_ptr_array_index (m->entities, rb->source))->out_id;
  guint ta = ((Entity *) g_ptr_array_index (m->entities, ra->target))->out_id;
  guint tb = ((Entity *) g_ptr_array_index (m->entities, rb->target))->out_id;

  if (sa != sb)
    return sa < sb ? -1 : 1;
  if (ra->type != rb->type)
    return ra->type < rb->type ? -1 : 1;
  return ta < tb ? -1 : ta > tb;
}

/* Articles in the order of a single run (by name, then path), and every
 * reference renumbered to match. */
static void
sort_articles (Merge *m)
{
  g_autofree guint *order = NULL;
  g_autoptr(GArray) sorted = g_array_copy (m->articles);
  guint n = m->articles->len;

  /* The copy shares the objects: sort it, then map old to new. */
  g_array_set_clear_func (sorted, NULL);
  g_array_sort (sorted, compare_articles);
  order = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    {
      const Article *a = &g_array_index (sorted, Article, i);
      guint old = GPOINTER_TO_UINT (g_hash_table_lookup (m->article_keys, a->path != NULL ? a->path : a->id)) - 1;

      order[old] = i;
    }
  memcpy (m->articles->data, sorted->data, n * sizeof (Article));
  g_hash_table_remove_all (m->article_keys);
  for (guint i = 0; i < n; i++)
    {
      const Article *a = &g_array_index (m->articles, Article, i);

      g_hash_table_insert (m->article_keys, (char *) (a->path != NULL ? a->path : a->id), GUINT_TO_POINTER (i + 1));
    }

  for (guint i = 0; i < m->entities->len; i++)
    {
      Entity *e = g_ptr_array_index (m->entities, i);

      for (guint k = 0; k < e->mentions->len; k++)
        g_array_index (e->mentions, Ref, k).article = order[g_array_index (e->mentions, Ref, k).article];
      g_array_sort (e->mentions, compare_refs);
    }
  for (guint i = 0; i < m->relations->len; i++)
    {
      Relation *r = g_ptr_array_index (m->relations, i);

      for (guint k = 0; k < r->evidence->len; k++)
        g_array_index (r->evidence, Ref, k).article = order[g_array_index (r->evidence, Ref, k).article];
      g_array_sort (r->evidence, compare_refs);
    }
}

static void
write_string_member (DossierJsonWriter *w,
                     const char        *name,
                     const char        *value)
{
  dossier_json_writer_member (w, name);
  dossier_json_writer_string (w, value);
}

static void
write_strings (DossierJsonWriter *w,
               const char        *member,
               GPtrArray         *strings)
{
  dossier_json_writer_member (w, member);
  dossier_json_writer_begin_array (w);
  for (guint i = 0; i < strings->len; i++)
    dossier_json_writer_string (w, g_ptr_array_index (strings, i));
  dossier_json_writer_end_array (w);
}

/* An entity's id in the output: "e" and its place there. */
static void
write_id_member (DossierJsonWriter *w,
                 const char        *name,
                 const Entity      *e)
{
  char id[16];

  g_snprintf (id, sizeof id, "e%u", e->out_id);
  write_string_member (w, name, id);
}

static void
write_entity (DossierJsonWriter *w,
              Merge             *m,
              const Entity      *e)
{
  dossier_json_writer_begin_object (w);
  write_id_member (w, "id", e);
  write_string_member (w, "name", e->name);
  write_string_member (w, "type", dossier_entity_type_to_string (majority_type (e->counts)));
  dossier_json_writer_member (w, "discovered");
  dossier_json_writer_boolean (w, e->discovered);
  write_strings (w, "aliases", e->aliases);
  write_refs (w, m, "mentions", e->mentions);
  dossier_json_writer_end_object (w);
}

static void
write_relation (DossierJsonWriter *w,
                Merge             *m,
                const Relation    *r)
{
  dossier_json_writer_begin_object (w);
  write_id_member (w, "source", g_ptr_array_index (m->entities, r->source));
  write_id_member (w, "target", g_ptr_array_index (m->entities, r->target));
  write_string_member (w, "type", dossier_relation_type_to_string (r->type));
  write_refs (w, m, "evidence", r->evidence);
  dossier_json_writer_end_object (w);
}

static gboolean
write_merged (Merge          *m,
              GOutputStream  *stream,
              GError        **error)
{
  g_autoptr(DossierJsonWriter) w = dossier_json_writer_new (stream, TRUE);
  g_autoptr(GPtrArray) entities = g_ptr_array_new ();
  g_autoptr(GPtrArray) relations = g_ptr_array_new ();

  /* Views in output order; m keeps ownership. */
  g_ptr_array_extend (entities, m->entities, NULL, NULL);
  g_ptr_array_extend (relations, m->relations, NULL, NULL);
  sort_articles (m);
  g_ptr_array_sort (entities, compare_entities);
  for (guint i = 0; i < entities->len; i++)
    ((Entity *) g_ptr_array_index (entities, i))->out_id = i;
  g_ptr_array_sort_with_data (relations, compare_relations, m);

  dossier_json_writer_begin_object (w);

  dossier_json_writer_member (w, "articles");
  dossier_json_writer_begin_array (w);
  for (guint i = 0; i < m->articles->len; i++)
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (),
                                                        g_array_index (m->articles, Article, i).object);
      write_node (w, node);
    }
  dossier_json_writer_end_array (w);

  dossier_json_writer_member (w, "entities");
  dossier_json_writer_begin_array (w);
  for (guint i = 0; i < entities->len; i++)
    write_entity (w, m, g_ptr_array_index (entities, i));
  dossier_json_writer_end_array (w);

  dossier_json_writer_member (w, "relations");
  dossier_json_writer_begin_array (w);
  for (guint i = 0; i < relations->len; i++)
    write_relation (w, m, g_ptr_array_index (relations, i));
  dossier_json_writer_end_array (w);

  dossier_json_writer_end_object (w);
  dossier_json_writer_raw (w, "\n");

  return dossier_json_writer_flush (w, NULL, error);
}

int
dossier_cli_merge (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_auto(GStrv) files = NULL;
  g_auto(Merge) m = { 0 };
  const GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };

  g_set_prgname ("dossier-cli merge");
  context = g_option_context_new (_("FILE.json… — join the JSON of several “extract --json” runs"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error) || files == NULL)
    {
      g_printerr ("dossier-cli: %s\n", error != NULL ? error->message : _("merge needs the JSON files to join"));
      return EXIT_BAD_USAGE;
    }

  merge_init (&m);
  for (guint i = 0; files[i] != NULL; i++)
    {
      if (!merge_file (&m, files[i], &error))
        goto fail;
    }

  out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
  if (!write_merged (&m, out, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not write to the standard output: %s"), error->message);

      g_printerr ("dossier-cli: %s\n", message);
      return 1;
    }

  return 0;

fail:
  g_printerr ("dossier-cli: %s\n", error->message);
  return 1;
}
