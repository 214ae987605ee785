/* dossier-curation.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-curation"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "dossier-corpus.h"
#include "dossier-curation.h"
#include "dossier-date.h"
#include "dossier-fold.h"

G_DEFINE_QUARK (dossier-curation-error-quark, dossier_curation_error)

#define FORMAT_NAME "dossier-project"
#define PROJECT_FILE_NAME ".dossier-project.json"

typedef struct
{
  char        *title;
  DossierDate  date;
  char        *date_source;
} ArticleState;

struct _DossierCuration
{
  GPtrArray  *edits;    /* JsonObject, applied in order */
  GPtrArray  *redo;     /* JsonObject, last undone last */
  GHashTable *pristine; /* article id -> ArticleState: values before any edit */
};

static void
article_state_free (ArticleState *state)
{
  g_free (state->title);
  g_free (state->date_source);
  g_free (state);
}

DossierCuration *
dossier_curation_new (void)
{
  DossierCuration *curation = g_new0 (DossierCuration, 1);

  curation->edits = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  curation->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  curation->pristine = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) article_state_free);

  return curation;
}

void
dossier_curation_free (DossierCuration *curation)
{
  if (curation == NULL)
    return;

  g_ptr_array_unref (curation->edits);
  g_ptr_array_unref (curation->redo);
  g_hash_table_unref (curation->pristine);
  g_free (curation);
}

/* Storage ---------------------------------------------------------------- */

static gboolean
folder_is_writable (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE ","
                            G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info != NULL &&
         g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY &&
         g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE);
}

char *
dossier_curation_path_for_corpus (const char * const *roots)
{
  g_autofree char *seeds = dossier_corpus_default_path ();
  g_autofree char *seeds_real = NULL;
  g_autoptr(GString) key = g_string_new (NULL);
  g_autofree char *digest = NULL;
  g_autofree char *first = NULL;
  gboolean is_default;

  g_return_val_if_fail (roots != NULL, NULL);

  seeds_real = g_canonicalize_filename (seeds, NULL);

  for (guint i = 0; roots[i] != NULL; i++)
    {
      g_autofree char *real = g_canonicalize_filename (roots[i], NULL);

      if (first == NULL)
        first = g_strdup (real);
      g_string_append (key, real);
      g_string_append_c (key, '\n');
    }

  is_default = first != NULL && roots[1] == NULL && g_str_equal (first, seeds_real);

  /* One folder of our own: keep the edits with the articles. */
  if (!is_default && first != NULL && roots[1] == NULL && folder_is_writable (first))
    return g_build_filename (first, PROJECT_FILE_NAME, NULL);

  /* Read-only folders, loose files, several roots and the installed seeds. */
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key->str, key->len);
  return g_build_filename (g_get_user_data_dir (), "dossier", "projects", digest, "project.json", NULL);
}

static gboolean
back_up (const char  *path,
         GError     **error)
{
  g_autofree char *backup = g_strconcat (path, ".bak", NULL);
  g_autofree char *contents = NULL;
  gsize len;

  if (!g_file_get_contents (path, &contents, &len, error))
    return FALSE;

  return g_file_set_contents (backup, contents, len, error);
}

static gboolean
fail_and_back_up (const char  *path,
                  int          code,
                  const char  *reason,
                  GError     **error)
{
  g_autoptr(GError) backup_error = NULL;

  if (back_up (path, &backup_error))
    g_set_error (error, DOSSIER_CURATION_ERROR, code,
                 _("The edits in “%s” could not be read (%s); the file was copied to “%s.bak”"),
                 path, reason, path);
  else
    g_set_error (error, DOSSIER_CURATION_ERROR, code,
                 _("The edits in “%s” could not be read (%s), nor copied aside: %s"),
                 path, reason, backup_error->message);

  return FALSE;
}

gboolean
dossier_curation_load (DossierCuration  *curation,
                       const char       *path,
                       GError          **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  JsonObject *root;
  JsonArray *edits;
  gint64 version;

  g_return_val_if_fail (curation != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  g_ptr_array_set_size (curation->edits, 0);
  g_ptr_array_set_size (curation->redo, 0);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  if (!json_parser_load_from_file (parser, path, &local_error))
    return fail_and_back_up (path, DOSSIER_CURATION_ERROR_CORRUPT, local_error->message, error);

  /* An empty file parses, with no root at all. */
  if (json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return fail_and_back_up (path, DOSSIER_CURATION_ERROR_CORRUPT, _("not a project file"), error);

  root = json_node_get_object (json_parser_get_root (parser));
  if (g_strcmp0 (json_object_get_string_member_with_default (root, "format", NULL), FORMAT_NAME) != 0)
    return fail_and_back_up (path, DOSSIER_CURATION_ERROR_CORRUPT, _("not a project file"), error);

  version = json_object_get_int_member_with_default (root, "version", 0);
  if (version > DOSSIER_CURATION_VERSION)
    return fail_and_back_up (path, DOSSIER_CURATION_ERROR_NEWER,
                             _("written by a newer version of Dossier"), error);

  if (!json_object_has_member (root, "edits") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "edits")))
    return fail_and_back_up (path, DOSSIER_CURATION_ERROR_CORRUPT, _("no list of edits"), error);

  edits = json_object_get_array_member (root, "edits");
  for (guint i = 0; i < json_array_get_length (edits); i++)
    {
      JsonNode *node = json_array_get_element (edits, i);

      if (!JSON_NODE_HOLDS_OBJECT (node) ||
          json_object_get_string_member_with_default (json_node_get_object (node), "op", NULL) == NULL)
        {
          g_ptr_array_set_size (curation->edits, 0);
          return fail_and_back_up (path, DOSSIER_CURATION_ERROR_CORRUPT, _("an edit is malformed"), error);
        }

      g_ptr_array_add (curation->edits, json_object_ref (json_node_get_object (node)));
    }

  return TRUE;
}

gboolean
dossier_curation_save (DossierCuration  *curation,
                       const char       *path,
                       GError          **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize len;

  g_return_val_if_fail (curation != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, FORMAT_NAME);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, DOSSIER_CURATION_VERSION);
  json_builder_set_member_name (builder, "edits");
  json_builder_begin_array (builder);
  for (guint i = 0; i < curation->edits->len; i++)
    {
      JsonNode *node = json_node_alloc ();

      json_node_init_object (node, g_ptr_array_index (curation->edits, i));
      json_builder_add_value (builder, node);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  data = json_generator_to_data (generator, &len);

  file = g_file_new_for_path (path);
  parent = g_file_get_parent (file);
  if (parent != NULL &&
      !g_file_make_directory_with_parents (parent, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return g_file_replace_contents (file, data, len, NULL, FALSE, G_FILE_CREATE_NONE,
                                  NULL, NULL, error);
}

/* The edit list ---------------------------------------------------------- */

void
dossier_curation_push (DossierCuration *curation,
                       JsonObject      *edit)
{
  g_return_if_fail (curation != NULL);
  g_return_if_fail (edit != NULL);

  g_ptr_array_add (curation->edits, edit);
  g_ptr_array_set_size (curation->redo, 0);
}

gboolean
dossier_curation_can_undo (DossierCuration *curation)
{
  g_return_val_if_fail (curation != NULL, FALSE);
  return curation->edits->len > 0;
}

gboolean
dossier_curation_can_redo (DossierCuration *curation)
{
  g_return_val_if_fail (curation != NULL, FALSE);
  return curation->redo->len > 0;
}

static gboolean
move_last (GPtrArray *from,
           GPtrArray *to)
{
  if (from->len == 0)
    return FALSE;

  g_ptr_array_add (to, json_object_ref (g_ptr_array_index (from, from->len - 1)));
  g_ptr_array_remove_index (from, from->len - 1);
  return TRUE;
}

gboolean
dossier_curation_undo (DossierCuration *curation)
{
  g_return_val_if_fail (curation != NULL, FALSE);
  return move_last (curation->edits, curation->redo);
}

gboolean
dossier_curation_redo (DossierCuration *curation)
{
  g_return_val_if_fail (curation != NULL, FALSE);
  return move_last (curation->redo, curation->edits);
}

guint
dossier_curation_get_n_edits (DossierCuration *curation)
{
  g_return_val_if_fail (curation != NULL, 0);
  return curation->edits->len;
}

static const char *
str_member (JsonObject *edit,
            const char *name)
{
  return json_object_get_string_member_with_default (edit, name, "");
}

char *
dossier_edit_describe (JsonObject *edit)
{
  const char *op;

  g_return_val_if_fail (edit != NULL, NULL);

  op = str_member (edit, "op");

  /* Translators: names of edits, shown in the Undo and Redo menu items. */
  if (g_str_equal (op, "rename"))
    return g_strdup_printf (_("Rename “%s” to “%s”"), str_member (edit, "entity"), str_member (edit, "name"));
  if (g_str_equal (op, "retype"))
    return g_strdup_printf (_("Change the type of “%s”"), str_member (edit, "entity"));
  if (g_str_equal (op, "add-alias"))
    return g_strdup_printf (_("Add the alias “%s”"), str_member (edit, "alias"));
  if (g_str_equal (op, "remove-alias"))
    return g_strdup_printf (_("Remove the alias “%s”"), str_member (edit, "alias"));
  if (g_str_equal (op, "merge"))
    return g_strdup_printf (_("Merge into “%s”"), str_member (edit, "into"));
  if (g_str_equal (op, "split-alias"))
    return g_strdup_printf (_("Split “%s” out of “%s”"), str_member (edit, "alias"), str_member (edit, "entity"));
  if (g_str_equal (op, "hide"))
    return json_object_get_boolean_member_with_default (edit, "hidden", TRUE)
         ? g_strdup_printf (_("Hide “%s”"), str_member (edit, "entity"))
         : g_strdup_printf (_("Show “%s”"), str_member (edit, "entity"));
  if (g_str_equal (op, "not-entity"))
    return g_strdup_printf (_("Mark “%s” as not an actor"), str_member (edit, "entity"));
  if (g_str_equal (op, "retype-relation"))
    return g_strdup_printf (_("Change a relation of “%s”"), str_member (edit, "source"));
  if (g_str_equal (op, "reverse-relation"))
    return g_strdup_printf (_("Reverse a relation of “%s”"), str_member (edit, "source"));
  if (g_str_equal (op, "reject-relation"))
    return g_strdup_printf (_("Reject a relation of “%s”"), str_member (edit, "source"));
  if (g_str_equal (op, "add-relation"))
    return g_strdup_printf (_("Add a relation from “%s”"), str_member (edit, "source"));
  if (g_str_equal (op, "article-title"))
    return g_strdup_printf (_("Change the title of “%s”"), str_member (edit, "article"));
  if (g_str_equal (op, "article-date"))
    return g_strdup_printf (_("Change the date of “%s”"), str_member (edit, "article"));

  return g_strdup_printf (_("Unknown edit “%s”"), op);
}

char *
dossier_curation_undo_label (DossierCuration *curation)
{
  g_return_val_if_fail (curation != NULL, NULL);

  if (curation->edits->len == 0)
    return NULL;
  return dossier_edit_describe (g_ptr_array_index (curation->edits, curation->edits->len - 1));
}

char *
dossier_curation_redo_label (DossierCuration *curation)
{
  g_return_val_if_fail (curation != NULL, NULL);

  if (curation->redo->len == 0)
    return NULL;
  return dossier_edit_describe (g_ptr_array_index (curation->redo, curation->redo->len - 1));
}

/* Edit constructors ------------------------------------------------------ */

static JsonObject *
edit_new (const char *op)
{
  JsonObject *edit = json_object_new ();

  json_object_set_string_member (edit, "op", op);
  return edit;
}

JsonObject *
dossier_edit_rename (const char *entity,
                     const char *new_name)
{
  JsonObject *edit = edit_new ("rename");

  json_object_set_string_member (edit, "entity", entity);
  json_object_set_string_member (edit, "name", new_name);
  return edit;
}

JsonObject *
dossier_edit_retype (const char        *entity,
                     DossierEntityType  type)
{
  JsonObject *edit = edit_new ("retype");

  json_object_set_string_member (edit, "entity", entity);
  json_object_set_string_member (edit, "type", dossier_entity_type_to_string (type));
  return edit;
}

static JsonObject *
alias_edit (const char *op,
            const char *entity,
            const char *alias)
{
  JsonObject *edit = edit_new (op);

  json_object_set_string_member (edit, "entity", entity);
  json_object_set_string_member (edit, "alias", alias);
  return edit;
}

JsonObject *
dossier_edit_add_alias (const char *entity,
                        const char *alias)
{
  return alias_edit ("add-alias", entity, alias);
}

JsonObject *
dossier_edit_remove_alias (const char *entity,
                           const char *alias)
{
  return alias_edit ("remove-alias", entity, alias);
}

JsonObject *
dossier_edit_split_alias (const char *entity,
                          const char *alias)
{
  return alias_edit ("split-alias", entity, alias);
}

JsonObject *
dossier_edit_merge (const char         *into,
                    const char * const *others)
{
  JsonObject *edit = edit_new ("merge");
  JsonArray *array = json_array_new ();

  for (guint i = 0; others != NULL && others[i] != NULL; i++)
    json_array_add_string_element (array, others[i]);

  json_object_set_string_member (edit, "into", into);
  json_object_set_array_member (edit, "entities", array);
  return edit;
}

JsonObject *
dossier_edit_hide (const char *entity,
                   gboolean    hidden)
{
  JsonObject *edit = edit_new ("hide");

  json_object_set_string_member (edit, "entity", entity);
  json_object_set_boolean_member (edit, "hidden", hidden);
  return edit;
}

JsonObject *
dossier_edit_not_entity (const char *entity)
{
  JsonObject *edit = edit_new ("not-entity");

  json_object_set_string_member (edit, "entity", entity);
  return edit;
}

static JsonObject *
relation_edit (const char          *op,
               const char          *source,
               DossierRelationType  type,
               const char          *target)
{
  JsonObject *edit = edit_new (op);

  json_object_set_string_member (edit, "source", source);
  json_object_set_string_member (edit, "type", dossier_relation_type_to_string (type));
  json_object_set_string_member (edit, "target", target);
  return edit;
}

JsonObject *
dossier_edit_retype_relation (const char          *source,
                              DossierRelationType  type,
                              const char          *target,
                              DossierRelationType  new_type)
{
  JsonObject *edit = relation_edit ("retype-relation", source, type, target);

  json_object_set_string_member (edit, "new-type", dossier_relation_type_to_string (new_type));
  return edit;
}

JsonObject *
dossier_edit_reverse_relation (const char          *source,
                               DossierRelationType  type,
                               const char          *target)
{
  return relation_edit ("reverse-relation", source, type, target);
}

JsonObject *
dossier_edit_reject_relation (const char          *source,
                              DossierRelationType  type,
                              const char          *target)
{
  return relation_edit ("reject-relation", source, type, target);
}

JsonObject *
dossier_edit_add_relation (const char          *source,
                           DossierRelationType  type,
                           const char          *target,
                           const char          *article_id,
                           gsize                start,
                           gsize                end)
{
  JsonObject *edit = relation_edit ("add-relation", source, type, target);

  json_object_set_string_member (edit, "article", article_id);
  json_object_set_int_member (edit, "start", start);
  json_object_set_int_member (edit, "end", end);
  return edit;
}

JsonObject *
dossier_edit_set_article_title (const char *article_id,
                                const char *title)
{
  JsonObject *edit = edit_new ("article-title");

  json_object_set_string_member (edit, "article", article_id);
  json_object_set_string_member (edit, "title", title);
  return edit;
}

JsonObject *
dossier_edit_set_article_date (const char        *article_id,
                               const DossierDate *date)
{
  JsonObject *edit = edit_new ("article-date");
  g_autofree char *str = dossier_date_to_string (date);

  json_object_set_string_member (edit, "article", article_id);
  json_object_set_string_member (edit, "date", str);
  return edit;
}

/* Applying edits --------------------------------------------------------- */

/* A mutable copy of the graph: edits mark things removed and the result is
 * compacted into a fresh DossierGraph at the end. */
typedef struct
{
  char              *name;
  char              *folded;
  DossierEntityType  type;
  GPtrArray         *aliases;   /* char * */
  GArray            *mentions;  /* DossierMention */
  gboolean           discovered;
  gboolean           hidden;
  gboolean           removed;
} WorkEntity;

typedef struct
{
  guint               source;
  guint               target;
  DossierRelationType type;
  GArray             *evidence;  /* DossierEvidence */
  gboolean            removed;
} WorkRelation;

typedef struct
{
  DossierCorpus *corpus;
  GPtrArray     *entities;   /* WorkEntity */
  GPtrArray     *relations;  /* WorkRelation */
  GPtrArray     *problems;   /* char * */
} Work;

static void
work_entity_free (WorkEntity *e)
{
  g_free (e->name);
  g_free (e->folded);
  g_ptr_array_unref (e->aliases);
  g_array_unref (e->mentions);
  g_free (e);
}

static void
work_relation_free (WorkRelation *r)
{
  g_array_unref (r->evidence);
  g_free (r);
}

static GArray *
array_copy (GArray *array)
{
  GArray *copy = g_array_sized_new (FALSE, FALSE, g_array_get_element_size (array), array->len);

  g_array_append_vals (copy, array->data, array->len);
  return copy;
}

static WorkEntity *
work_entity_new (const char        *name,
                 DossierEntityType  type)
{
  WorkEntity *e = g_new0 (WorkEntity, 1);

  e->name = g_strdup (name);
  e->folded = dossier_fold_string (name);
  e->type = type;
  e->aliases = g_ptr_array_new_with_free_func (g_free);
  e->mentions = g_array_new (FALSE, FALSE, sizeof (DossierMention));
  return e;
}

static void
work_init (Work         *work,
           DossierGraph *graph)
{
  work->corpus = graph->corpus;
  work->entities = g_ptr_array_new_with_free_func ((GDestroyNotify) work_entity_free);
  work->relations = g_ptr_array_new_with_free_func ((GDestroyNotify) work_relation_free);

  for (guint i = 0; i < graph->entities->len; i++)
    {
      const DossierEntity *src = dossier_graph_get_entity (graph, i);
      WorkEntity *e = work_entity_new (src->name, src->type);

      for (guint a = 0; a < src->aliases->len; a++)
        g_ptr_array_add (e->aliases, g_strdup (g_ptr_array_index (src->aliases, a)));
      g_array_append_vals (e->mentions, src->mentions->data, src->mentions->len);
      e->discovered = src->discovered;
      e->hidden = src->hidden;
      g_ptr_array_add (work->entities, e);
    }

  for (guint i = 0; i < graph->relations->len; i++)
    {
      const DossierRelation *src = dossier_graph_get_relation (graph, i);
      WorkRelation *r = g_new0 (WorkRelation, 1);

      r->source = src->source;
      r->target = src->target;
      r->type = src->type;
      r->evidence = array_copy (src->evidence);
      g_ptr_array_add (work->relations, r);
    }
}

static void
work_clear (Work *work)
{
  g_clear_pointer (&work->entities, g_ptr_array_unref);
  g_clear_pointer (&work->relations, g_ptr_array_unref);
}

/* An entity by canonical name, then by alias. */
static int
work_find (Work       *work,
           const char *name)
{
  g_autofree char *key = NULL;

  if (name == NULL || *name == '\0')
    return -1;

  key = dossier_fold_string (name);

  for (guint i = 0; i < work->entities->len; i++)
    {
      WorkEntity *e = g_ptr_array_index (work->entities, i);

      if (!e->removed && g_str_equal (e->folded, key))
        return i;
    }

  for (guint i = 0; i < work->entities->len; i++)
    {
      WorkEntity *e = g_ptr_array_index (work->entities, i);

      for (guint a = 0; !e->removed && a < e->aliases->len; a++)
        {
          g_autofree char *alias = dossier_fold_string (g_ptr_array_index (e->aliases, a));

          if (g_str_equal (alias, key))
            return i;
        }
    }

  return -1;
}

static int
work_find_relation (Work                *work,
                    guint                source,
                    DossierRelationType  type,
                    guint                target)
{
  for (guint i = 0; i < work->relations->len; i++)
    {
      WorkRelation *r = g_ptr_array_index (work->relations, i);

      if (r->removed || r->type != type)
        continue;
      if ((r->source == source && r->target == target) ||
          (dossier_relation_type_is_symmetric (type) && r->source == target && r->target == source))
        return i;
    }

  return -1;
}

static int
alias_index (WorkEntity *e,
             const char *alias)
{
  g_autofree char *key = dossier_fold_string (alias);

  for (guint a = 0; a < e->aliases->len; a++)
    {
      g_autofree char *other = dossier_fold_string (g_ptr_array_index (e->aliases, a));

      if (g_str_equal (other, key))
        return a;
    }

  return -1;
}

static void
problem (Work       *work,
         JsonObject *edit,
         const char *what)
{
  g_autofree char *description = dossier_edit_describe (edit);

  if (work->problems != NULL)
    /* Translators: an edit that could not be applied, then why. */
    g_ptr_array_add (work->problems, g_strdup_printf (_("%s: %s"), description, what));
}

static void
missing_entity (Work       *work,
                JsonObject *edit,
                const char *name)
{
  g_autofree char *what = g_strdup_printf (_("there is no actor “%s” any more"), name);
  problem (work, edit, what);
}

static int
require_entity (Work       *work,
                JsonObject *edit,
                const char *member)
{
  const char *name = str_member (edit, member);
  int e = work_find (work, name);

  if (e < 0)
    missing_entity (work, edit, name);
  return e;
}

static void
merge_into (Work  *work,
            guint  into,
            guint  other)
{
  WorkEntity *target = g_ptr_array_index (work->entities, into);
  WorkEntity *source = g_ptr_array_index (work->entities, other);

  if (into == other || source->removed)
    return;

  if (alias_index (target, source->name) < 0)
    g_ptr_array_add (target->aliases, g_strdup (source->name));
  for (guint a = 0; a < source->aliases->len; a++)
    {
      const char *alias = g_ptr_array_index (source->aliases, a);

      if (alias_index (target, alias) < 0)
        g_ptr_array_add (target->aliases, g_strdup (alias));
    }
  g_array_append_vals (target->mentions, source->mentions->data, source->mentions->len);
  source->removed = TRUE;

  /* Relations follow; duplicates fold when the graph is rebuilt. */
  for (guint i = 0; i < work->relations->len; i++)
    {
      WorkRelation *r = g_ptr_array_index (work->relations, i);

      if (r->source == other)
        r->source = into;
      if (r->target == other)
        r->target = into;
    }
}

static void
remove_entity (Work  *work,
               guint  index)
{
  WorkEntity *e = g_ptr_array_index (work->entities, index);

  e->removed = TRUE;
  for (guint i = 0; i < work->relations->len; i++)
    {
      WorkRelation *r = g_ptr_array_index (work->relations, i);

      if (r->source == index || r->target == index)
        r->removed = TRUE;
    }
}

static gboolean
span_folds_to (DossierCorpus *corpus,
               guint          article,
               gsize          start,
               gsize          end,
               const char    *key)
{
  const DossierArticle *a = dossier_corpus_get_article (corpus, article);
  g_autofree char *folded = NULL;

  if (end > a->len || start > end)
    return FALSE;
  folded = dossier_fold_string_len (a->text + start, end - start);
  return g_str_equal (folded, key);
}

static void
split_alias (Work       *work,
             JsonObject *edit,
             guint       index)
{
  WorkEntity *old = g_ptr_array_index (work->entities, index);
  const char *alias = str_member (edit, "alias");
  g_autofree char *key = dossier_fold_string (alias);
  WorkEntity *fresh;
  guint fresh_index;
  int a = alias_index (old, alias);

  if (a < 0)
    {
      g_autofree char *what = g_strdup_printf (_("“%s” is not one of its names any more"), alias);
      problem (work, edit, what);
      return;
    }

  fresh = work_entity_new (alias, old->type);
  g_ptr_array_add (fresh->aliases, g_strdup (g_ptr_array_index (old->aliases, a)));
  g_ptr_array_remove_index (old->aliases, a);
  fresh->discovered = TRUE;
  g_ptr_array_add (work->entities, fresh);
  fresh_index = work->entities->len - 1;
  old = g_ptr_array_index (work->entities, index);

  for (guint m = 0; m < old->mentions->len;)
    {
      DossierMention *mention = &g_array_index (old->mentions, DossierMention, m);

      if (span_folds_to (work->corpus, mention->article, mention->start, mention->end, key))
        {
          g_array_append_val (fresh->mentions, *mention);
          g_array_remove_index (old->mentions, m);
        }
      else
        m++;
    }

  /* Evidence whose end is written that way moves to a relation of the new entity. */
  for (guint i = 0, n = work->relations->len; i < n; i++)
    {
      WorkRelation *r = g_ptr_array_index (work->relations, i);
      WorkRelation *moved = NULL;

      if (r->removed || (r->source != index && r->target != index))
        continue;

      for (guint e = 0; e < r->evidence->len;)
        {
          DossierEvidence *ev = &g_array_index (r->evidence, DossierEvidence, e);
          gboolean at_source = r->source == index &&
                               span_folds_to (work->corpus, ev->article, ev->source_start, ev->source_end, key);
          gboolean at_target = r->target == index &&
                               span_folds_to (work->corpus, ev->article, ev->target_start, ev->target_end, key);

          if (!at_source && !at_target)
            {
              e++;
              continue;
            }

          if (moved == NULL)
            {
              moved = g_new0 (WorkRelation, 1);
              moved->source = at_source ? fresh_index : r->source;
              moved->target = at_target ? fresh_index : r->target;
              moved->type = r->type;
              moved->evidence = g_array_new (FALSE, FALSE, sizeof (DossierEvidence));
            }
          g_array_append_val (moved->evidence, *ev);
          g_array_remove_index (r->evidence, e);
        }

      if (moved != NULL)
        {
          if (r->evidence->len == 0)
            r->removed = TRUE;
          g_ptr_array_add (work->relations, moved);
        }
    }
}

static DossierArticle *
find_article (DossierCorpus *corpus,
              const char    *id)
{
  for (guint i = 0; i < corpus->articles->len; i++)
    {
      DossierArticle *article = dossier_corpus_get_article (corpus, i);

      if (g_str_equal (article->id, id))
        return article;
    }

  return NULL;
}

static int
find_article_index (DossierCorpus *corpus,
                    const char    *id)
{
  for (guint i = 0; i < corpus->articles->len; i++)
    if (g_str_equal (dossier_corpus_get_article (corpus, i)->id, id))
      return i;

  return -1;
}

static void
apply_edit (Work       *work,
            JsonObject *edit)
{
  const char *op = str_member (edit, "op");
  int e;

  if (g_str_equal (op, "rename"))
    {
      const char *name = str_member (edit, "name");
      WorkEntity *entity;

      if ((e = require_entity (work, edit, "entity")) < 0 || *name == '\0')
        return;
      entity = g_ptr_array_index (work->entities, e);
      if (alias_index (entity, entity->name) < 0)
        g_ptr_array_add (entity->aliases, g_strdup (entity->name));
      g_free (entity->name);
      g_free (entity->folded);
      entity->name = g_strdup (name);
      entity->folded = dossier_fold_string (name);
    }
  else if (g_str_equal (op, "retype"))
    {
      DossierEntityType type;

      if ((e = require_entity (work, edit, "entity")) < 0)
        return;
      if (!dossier_entity_type_from_string (str_member (edit, "type"), &type))
        {
          problem (work, edit, _("unknown actor type"));
          return;
        }
      ((WorkEntity *) g_ptr_array_index (work->entities, e))->type = type;
    }
  else if (g_str_equal (op, "add-alias"))
    {
      WorkEntity *entity;
      const char *alias = str_member (edit, "alias");

      if ((e = require_entity (work, edit, "entity")) < 0 || *alias == '\0')
        return;
      entity = g_ptr_array_index (work->entities, e);
      if (alias_index (entity, alias) < 0)
        g_ptr_array_add (entity->aliases, g_strdup (alias));
    }
  else if (g_str_equal (op, "remove-alias"))
    {
      WorkEntity *entity;
      int a;

      if ((e = require_entity (work, edit, "entity")) < 0)
        return;
      entity = g_ptr_array_index (work->entities, e);
      if ((a = alias_index (entity, str_member (edit, "alias"))) >= 0)
        g_ptr_array_remove_index (entity->aliases, a);
    }
  else if (g_str_equal (op, "merge"))
    {
      JsonArray *others;

      if ((e = require_entity (work, edit, "into")) < 0)
        return;
      if (!json_object_has_member (edit, "entities") ||
          !JSON_NODE_HOLDS_ARRAY (json_object_get_member (edit, "entities")))
        return;
      others = json_object_get_array_member (edit, "entities");
      for (guint i = 0; i < json_array_get_length (others); i++)
        {
          JsonNode *node = json_array_get_element (others, i);
          const char *name = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
          int o = work_find (work, name);

          if (o < 0)
            missing_entity (work, edit, name != NULL ? name : "");
          else
            merge_into (work, e, o);
        }
    }
  else if (g_str_equal (op, "split-alias"))
    {
      if ((e = require_entity (work, edit, "entity")) >= 0)
        split_alias (work, edit, e);
    }
  else if (g_str_equal (op, "hide"))
    {
      if ((e = require_entity (work, edit, "entity")) >= 0)
        ((WorkEntity *) g_ptr_array_index (work->entities, e))->hidden =
          json_object_get_boolean_member_with_default (edit, "hidden", TRUE);
    }
  else if (g_str_equal (op, "not-entity"))
    {
      if ((e = require_entity (work, edit, "entity")) >= 0)
        remove_entity (work, e);
    }
  else if (g_str_equal (op, "retype-relation") ||
           g_str_equal (op, "reverse-relation") ||
           g_str_equal (op, "reject-relation") ||
           g_str_equal (op, "add-relation"))
    {
      DossierRelationType type;
      int s = require_entity (work, edit, "source");
      int t = s >= 0 ? require_entity (work, edit, "target") : -1;
      int r;

      if (s < 0 || t < 0)
        return;
      if (!dossier_relation_type_from_string (str_member (edit, "type"), &type))
        {
          problem (work, edit, _("unknown relation type"));
          return;
        }

      if (g_str_equal (op, "add-relation"))
        {
          int article = find_article_index (work->corpus, str_member (edit, "article"));
          gint64 start = json_object_get_int_member_with_default (edit, "start", -1);
          gint64 end = json_object_get_int_member_with_default (edit, "end", -1);
          DossierEvidence ev = { 0 };
          WorkRelation *relation;

          if (article < 0 || start < 0 || end < start ||
              (gsize) end > dossier_corpus_get_article (work->corpus, article)->len)
            {
              problem (work, edit, _("its passage is not in the articles any more"));
              return;
            }

          ev.article = article;
          ev.start = ev.source_start = ev.target_start = start;
          ev.end = ev.source_end = ev.target_end = end;

          if ((r = work_find_relation (work, s, type, t)) >= 0)
            relation = g_ptr_array_index (work->relations, r);
          else
            {
              relation = g_new0 (WorkRelation, 1);
              relation->source = s;
              relation->target = t;
              relation->type = type;
              relation->evidence = g_array_new (FALSE, FALSE, sizeof (DossierEvidence));
              g_ptr_array_add (work->relations, relation);
            }
          g_array_append_val (relation->evidence, ev);
          return;
        }

      if ((r = work_find_relation (work, s, type, t)) < 0)
        {
          problem (work, edit, _("that relation is not found any more"));
          return;
        }

      if (g_str_equal (op, "reject-relation"))
        ((WorkRelation *) g_ptr_array_index (work->relations, r))->removed = TRUE;
      else if (g_str_equal (op, "reverse-relation"))
        {
          WorkRelation *relation = g_ptr_array_index (work->relations, r);
          guint tmp = relation->source;

          relation->source = relation->target;
          relation->target = tmp;
          for (guint i = 0; i < relation->evidence->len; i++)
            {
              DossierEvidence *ev = &g_array_index (relation->evidence, DossierEvidence, i);
              gsize ss = ev->source_start, se = ev->source_end;

              ev->source_start = ev->target_start;
              ev->source_end = ev->target_end;
              ev->target_start = ss;
              ev->target_end = se;
            }
        }
      else
        {
          DossierRelationType new_type;

          if (!dossier_relation_type_from_string (str_member (edit, "new-type"), &new_type))
            {
              problem (work, edit, _("unknown relation type"));
              return;
            }
          ((WorkRelation *) g_ptr_array_index (work->relations, r))->type = new_type;
        }
    }
  else if (g_str_equal (op, "article-title") || g_str_equal (op, "article-date"))
    {
      DossierArticle *article = find_article (work->corpus, str_member (edit, "article"));

      if (article == NULL)
        {
          g_autofree char *what = g_strdup_printf (_("there is no article “%s” any more"),
                                                   str_member (edit, "article"));
          problem (work, edit, what);
          return;
        }

      if (g_str_equal (op, "article-title"))
        {
          g_free (article->title);
          article->title = g_strdup (str_member (edit, "title"));
        }
      else
        {
          DossierDate date;

          if (!dossier_date_parse_iso (str_member (edit, "date"), &date))
            {
              problem (work, edit, _("the date is not valid"));
              return;
            }
          article->date = date;
          g_free (article->date_source);
          article->date_source = g_strdup ("user");
        }
    }
  else
    problem (work, edit, _("this version of Dossier does not know it"));
}

/* Titles and dates are edited on the shared corpus: remember the extracted
 * values the first time, and put them back before every application so an
 * undone edit leaves no trace. */
static void
restore_articles (DossierCuration *curation,
                  DossierCorpus   *corpus)
{
  for (guint i = 0; i < corpus->articles->len; i++)
    {
      DossierArticle *article = dossier_corpus_get_article (corpus, i);
      ArticleState *state = g_hash_table_lookup (curation->pristine, article->id);

      if (state == NULL)
        {
          state = g_new0 (ArticleState, 1);
          state->title = g_strdup (article->title);
          state->date = article->date;
          state->date_source = g_strdup (article->date_source);
          g_hash_table_insert (curation->pristine, g_strdup (article->id), state);
          continue;
        }

      g_free (article->title);
      article->title = g_strdup (state->title);
      article->date = state->date;
      g_free (article->date_source);
      article->date_source = g_strdup (state->date_source);
    }
}

static int
compare_mentions (gconstpointer a,
                  gconstpointer b)
{
  const DossierMention *ma = a, *mb = b;

  if (ma->article != mb->article)
    return ma->article < mb->article ? -1 : 1;
  return (ma->start > mb->start) - (ma->start < mb->start);
}

DossierGraph *
dossier_curation_apply (DossierCuration  *curation,
                        DossierGraph     *extracted,
                        GPtrArray       **problems)
{
  DossierGraph *graph;
  g_autofree int *map = NULL;
  Work work = { 0 };

  g_return_val_if_fail (curation != NULL, NULL);
  g_return_val_if_fail (extracted != NULL, NULL);

  restore_articles (curation, extracted->corpus);

  work_init (&work, extracted);
  if (problems != NULL)
    work.problems = *problems = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < curation->edits->len; i++)
    apply_edit (&work, g_ptr_array_index (curation->edits, i));

  graph = dossier_graph_new (extracted->corpus);
  map = g_new (int, work.entities->len);

  for (guint i = 0; i < work.entities->len; i++)
    {
      WorkEntity *e = g_ptr_array_index (work.entities, i);
      DossierEntity *entity;

      map[i] = -1;
      if (e->removed)
        continue;

      /* Two entities renamed to one name become one. */
      entity = dossier_graph_ensure_entity (graph, e->name, e->type);
      map[i] = entity->id;
      entity->discovered = entity->discovered || e->discovered;
      entity->hidden = e->hidden;
      for (guint a = 0; a < e->aliases->len; a++)
        dossier_graph_add_alias (graph, entity, g_ptr_array_index (e->aliases, a));
      g_array_append_vals (entity->mentions, e->mentions->data, e->mentions->len);
    }

  for (guint i = 0; i < graph->entities->len; i++)
    g_array_sort (dossier_graph_get_entity (graph, i)->mentions, compare_mentions);

  for (guint i = 0; i < work.relations->len; i++)
    {
      WorkRelation *r = g_ptr_array_index (work.relations, i);
      DossierRelation *relation;

      if (r->removed || map[r->source] < 0 || map[r->target] < 0 ||
          map[r->source] == map[r->target])
        continue;

      relation = dossier_graph_ensure_relation (graph, map[r->source], r->type, map[r->target]);
      for (guint e = 0; e < r->evidence->len; e++)
        {
          DossierEvidence ev = g_array_index (r->evidence, DossierEvidence, e);
          const DossierArticle *article = dossier_corpus_get_article (graph->corpus, ev.article);

          /* A corrected article date flows into its undated passages. */
          ev.date = dossier_article_date_for_range (article, ev.start, ev.end);
          dossier_graph_add_evidence (graph, relation, &ev);
        }
    }

  work_clear (&work);

  return graph;
}
