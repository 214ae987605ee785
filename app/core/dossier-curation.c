/* dossier-curation.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-curation"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dossier-corpus.h"
#include "dossier-curation.h"
#include "dossier-date.h"
#include "dossier-fold.h"
#include "dossier-gazetteer.h"
#include "dossier-index-private.h"
#include "dossier-io.h"

G_DEFINE_QUARK (dossier-curation-error-quark, dossier_curation_error)

#define FORMAT_NAME "dossier-project"
#define PROJECT_FILE_NAME ".dossier-project.json"

struct _DossierCuration
{
  GPtrArray  *edits;    /* JsonObject, applied in order */
  GPtrArray  *redo;     /* JsonObject, last undone last */
  GHashTable *known;    /* ids of the edits in the file when last read or saved */
};

DossierCuration *
dossier_curation_new (void)
{
  DossierCuration *curation = g_new0 (DossierCuration, 1);

  curation->edits = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  curation->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  curation->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  return curation;
}

void
dossier_curation_free (DossierCuration *curation)
{
  if (curation == NULL)
    return;

  g_ptr_array_unref (curation->edits);
  g_ptr_array_unref (curation->redo);
  g_hash_table_unref (curation->known);
  g_free (curation);
}

/* Through text: JSON-GLib's reference counts are not atomic, so a copy
 * that another thread frees must share no object. */
static JsonObject *
edit_copy (JsonObject *edit)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), edit);
  g_autofree char *json = json_to_string (node, FALSE);
  g_autoptr(JsonNode) copy = json_from_string (json, NULL);

  return json_node_dup_object (copy);
}

DossierCuration *
dossier_curation_copy (DossierCuration *curation)
{
  DossierCuration *copy;

  g_return_val_if_fail (curation != NULL, NULL);

  copy = dossier_curation_new ();
  for (guint i = 0; i < curation->edits->len; i++)
    g_ptr_array_add (copy->edits, edit_copy (g_ptr_array_index (curation->edits, i)));
  return copy;
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

/* json-glib recurses on nesting: a file nested tens of thousands of levels
 * deep would overflow the stack.  Real edits nest three levels. */
#define MAX_DEPTH 64
#define MAX_PROJECT_SIZE (64 * 1024 * 1024)

/* Every edit carries an id, so that two processes saving one file can tell
 * their own edits from the other's.  Files from before ids get ids from
 * their place and content: every process reading one file agrees on them. */
static const char *
edit_id (JsonObject *edit)
{
  return json_object_get_string_member_with_default (edit, "id", NULL);
}

static void
ensure_edit_id (JsonObject *edit,
                guint       index)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *id = NULL;

  if (edit_id (edit) != NULL)
    return;

  if (index == G_MAXUINT)
    {
      g_autofree char *uuid = g_uuid_string_random ();

      /* The pid too: forked processes share GLib's random state. */
      id = g_strdup_printf ("%s-%d", uuid, (int) getpid ());
      json_object_set_string_member (edit, "id", id);
      return;
    }

  node = json_node_init_object (json_node_alloc (), edit);
  json = json_to_string (node, FALSE);
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA1, json, -1);
  id = g_strdup_printf ("%u-%s", index, digest);
  json_object_set_string_member (edit, "id", id);
}

/* Parses a project file into @edits; on failure, says why in @reason. */
static gboolean
parse_project (GBytes     *bytes,
               GPtrArray  *edits,
               int        *code,
               char      **reason)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize len;
  JsonObject *root;
  JsonArray *array;
  gint64 version;

  data = g_bytes_get_data (bytes, &len);
  *code = DOSSIER_CURATION_ERROR_CORRUPT;

  if (!dossier_io_check_json_depth (data, len, MAX_DEPTH, NULL, &local_error) ||
      !json_parser_load_from_data (parser, data, len, &local_error))
    {
      *reason = g_strdup (local_error->message);
      return FALSE;
    }

  /* An empty file parses, with no root at all. */
  if (json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    goto not_project;

  root = json_node_get_object (json_parser_get_root (parser));
  if (g_strcmp0 (json_object_get_string_member_with_default (root, "format", NULL), FORMAT_NAME) != 0)
    goto not_project;

  version = json_object_get_int_member_with_default (root, "version", 0);
  if (version > DOSSIER_CURATION_VERSION)
    {
      *code = DOSSIER_CURATION_ERROR_NEWER;
      *reason = g_strdup (_("written by a newer version of Dossier"));
      return FALSE;
    }

  if (!json_object_has_member (root, "edits") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "edits")))
    {
      *reason = g_strdup (_("no list of edits"));
      return FALSE;
    }

  array = json_object_get_array_member (root, "edits");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *edit;

      if (!JSON_NODE_HOLDS_OBJECT (node) ||
          json_object_get_string_member_with_default (json_node_get_object (node), "op", NULL) == NULL)
        {
          g_ptr_array_set_size (edits, 0);
          *reason = g_strdup (_("an edit is malformed"));
          return FALSE;
        }

      edit = json_node_get_object (node);
      if (json_object_has_member (edit, "id") &&
          (!JSON_NODE_HOLDS_VALUE (json_object_get_member (edit, "id")) ||
           json_node_get_value_type (json_object_get_member (edit, "id")) != G_TYPE_STRING))
        json_object_remove_member (edit, "id");
      ensure_edit_id (edit, i);
      g_ptr_array_add (edits, json_object_ref (edit));
    }

  return TRUE;

not_project:
  *reason = g_strdup (_("not a project file"));
  return FALSE;
}

/* A file name beside @path that does not exist yet: "@path.STAMP.bak". */
static char *
aside_name (const char *path)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  for (guint n = 1; n < 1000; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup_printf ("%s.%s.bak", path, stamp)
                                     : g_strdup_printf ("%s.%s-%u.bak", path, stamp, n);
      GStatBuf st;

      if (g_lstat (name, &st) != 0 && errno == ENOENT)
        return g_steal_pointer (&name);
    }

  return NULL;
}

/* A file we cannot read is never overwritten silently.  A corrupt one is
 * set aside (renamed, with the time in its name) and the folder opens
 * without it; one from a newer Dossier is copied to "@path.bak" with its
 * permissions, since that Dossier still reads it where it is. */
static gboolean
fail_and_set_aside (const char  *path,
                    GBytes      *bytes,
                    guint        mode,
                    int          code,
                    const char  *reason,
                    GError     **error)
{
  g_autofree char *name = dossier_io_display_name (path);
  g_autoptr(GError) aside_error = NULL;
  g_autofree char *aside = NULL;
  gboolean ok;

  if (code == DOSSIER_CURATION_ERROR_NEWER)
    {
      aside = g_strconcat (path, ".bak", NULL);
      ok = dossier_io_replace_file (aside, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    mode & 07777, &aside_error);
    }
  else
    {
      aside = aside_name (path);
      ok = aside != NULL && g_rename (path, aside) == 0;
      if (!ok)
        g_set_error_literal (&aside_error, G_IO_ERROR, g_io_error_from_errno (errno), g_strerror (errno));
    }

  if (ok)
    {
      g_autofree char *aside_display = dossier_io_display_name (aside);

      g_set_error (error, DOSSIER_CURATION_ERROR, code,
                   code == DOSSIER_CURATION_ERROR_NEWER
                   ? _("The edits in “%s” could not be read (%s); the file was copied to “%s”")
                   : _("The edits in “%s” could not be read (%s); the file was set aside as “%s” and the articles open without them"),
                   name, reason, aside_display);
    }
  else
    g_set_error (error, DOSSIER_CURATION_ERROR, code,
                 _("The edits in “%s” could not be read (%s), nor copied aside: %s"),
                 name, reason, aside_error->message);

  return FALSE;
}

static void
remember_saved (DossierCuration *curation)
{
  g_hash_table_remove_all (curation->known);
  for (guint i = 0; i < curation->edits->len; i++)
    g_hash_table_add (curation->known, g_strdup (edit_id (g_ptr_array_index (curation->edits, i))));
}

gboolean
dossier_curation_load (DossierCuration  *curation,
                       const char       *path,
                       GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *reason = NULL;
  guint mode = 0;
  int code;

  g_return_val_if_fail (curation != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  g_ptr_array_set_size (curation->edits, 0);
  g_ptr_array_set_size (curation->redo, 0);
  g_hash_table_remove_all (curation->known);

  bytes = dossier_io_read_file (path, MAX_PROJECT_SIZE, DOSSIER_IO_NOFOLLOW, &mode, &local_error);
  if (bytes == NULL)
    {
      /* No file, or no folder for it: no edits yet. */
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
          g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY))
        return TRUE;
      /* A link, a pipe, a huge file: not ours to move or copy. */
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!parse_project (bytes, curation->edits, &code, &reason))
    return fail_and_set_aside (path, bytes, mode, code, reason, error);

  remember_saved (curation);
  return TRUE;
}

DossierCuration *
dossier_curation_peek (const char *path)
{
  DossierCuration *curation = dossier_curation_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *reason = NULL;
  int code;

  g_return_val_if_fail (path != NULL, curation);

  /* Whatever is wrong with the file, dossier_curation_load() says it. */
  bytes = dossier_io_read_file (path, MAX_PROJECT_SIZE, DOSSIER_IO_NOFOLLOW, NULL, NULL);
  if (bytes != NULL && !parse_project (bytes, curation->edits, &code, &reason))
    g_ptr_array_set_size (curation->edits, 0);
  return curation;
}

/* Takes in the edits another process saved since we last read or wrote
 * @path (@saved, what it holds now) and drops those it removed; our edits
 * not saved yet come after theirs.  What we removed stays removed.
 * Returns TRUE when our list changed. */
static gboolean
merge_saved (DossierCuration *curation,
             GPtrArray       *saved)
{
  g_autoptr(GHashTable) ours = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) on_disk = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) merged = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  gboolean changed;

  for (guint i = 0; i < curation->edits->len; i++)
    {
      JsonObject *edit = g_ptr_array_index (curation->edits, i);

      g_hash_table_insert (ours, (gpointer) edit_id (edit), edit);
    }

  for (guint i = 0; i < saved->len; i++)
    {
      JsonObject *edit = g_ptr_array_index (saved, i);
      const char *id = edit_id (edit);
      JsonObject *mine = g_hash_table_lookup (ours, id);

      g_hash_table_add (on_disk, (gpointer) id);
      if (mine != NULL)
        g_ptr_array_add (merged, json_object_ref (mine));
      else if (!g_hash_table_contains (curation->known, id))
        g_ptr_array_add (merged, json_object_ref (edit));
    }

  /* Ours, not in the file: new if the file never had them, else another
   * process undid them. */
  for (guint i = 0; i < curation->edits->len; i++)
    {
      JsonObject *edit = g_ptr_array_index (curation->edits, i);
      const char *id = edit_id (edit);

      if (!g_hash_table_contains (on_disk, id) && !g_hash_table_contains (curation->known, id))
        g_ptr_array_add (merged, json_object_ref (edit));
    }

  changed = merged->len != curation->edits->len;
  for (guint i = 0; !changed && i < merged->len; i++)
    changed = g_ptr_array_index (merged, i) != g_ptr_array_index (curation->edits, i);

  /* The hash tables point into the old list: swap last. */
  g_ptr_array_set_size (curation->edits, 0);
  for (guint i = 0; i < merged->len; i++)
    g_ptr_array_add (curation->edits, json_object_ref (g_ptr_array_index (merged, i)));

  g_hash_table_remove_all (curation->known);
  for (guint i = 0; i < saved->len; i++)
    g_hash_table_add (curation->known, g_strdup (edit_id (g_ptr_array_index (saved, i))));

  return changed;
}

gboolean
dossier_curation_reload (DossierCuration  *curation,
                         const char       *path,
                         gboolean         *changed,
                         GError          **error)
{
  g_autoptr(GPtrArray) saved = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean did_change;

  g_return_val_if_fail (curation != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = dossier_io_read_file (path, MAX_PROJECT_SIZE, DOSSIER_IO_NOFOLLOW, NULL, &local_error);
  if (bytes != NULL)
    {
      g_autofree char *reason = NULL;
      int code;

      if (!parse_project (bytes, saved, &code, &reason))
        {
          g_autofree char *name = dossier_io_display_name (path);

          /* Perhaps half written by a Dossier that does not save our way:
           * left alone; the next save sets it aside. */
          g_set_error (error, DOSSIER_CURATION_ERROR, code,
                       _("The edits in “%s” could not be read (%s)"), name, reason);
          return FALSE;
        }
    }
  else if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  did_change = merge_saved (curation, saved);
  if (changed != NULL)
    *changed = did_change;
  return TRUE;
}

static gboolean
is_project_header (const char *path)
{
  g_autoptr(GBytes) bytes = dossier_io_read_file (path, 1024 * 1024, DOSSIER_IO_NOFOLLOW, NULL, NULL);
  const char *data;
  gsize len;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &len);
  return g_strstr_len (data, MIN (len, 128), "\"" FORMAT_NAME "\"") != NULL;
}

/* A save killed half way leaves its temporary file: ".NAME.XXXXXX" from
 * ours, ".goutputstream-XXXXXX" from GIO's (which earlier versions used).
 * Under the lock no save of ours is running, so ours are stale; GIO's are
 * only removed when they hold a project file. */
static void
remove_stale_temporaries (const char *dir,
                          const char *base)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autofree char *prefix = g_strdup_printf (".%s.", base);
  const char *name;

  if (d == NULL)
    return;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = NULL;
      gboolean ours = g_str_has_prefix (name, prefix) && strlen (name) == strlen (prefix) + 6;
      gboolean gio = g_str_has_prefix (name, ".goutputstream-");
      GStatBuf st;

      if (!ours && !gio)
        continue;
      child = g_build_filename (dir, name, NULL);
      if (g_lstat (child, &st) != 0 || !S_ISREG (st.st_mode))
        continue;
      if (ours || is_project_header (child))
        g_unlink (child);
    }
}

/* The project file's text: its format, version and edits. */
static char *
project_to_data (DossierCuration *curation,
                 gsize           *len)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

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
  return json_generator_to_data (generator, len);
}

gboolean
dossier_curation_save (DossierCuration  *curation,
                       const char       *path,
                       GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *data = NULL;
  gboolean ok;
  guint mode = 0;
  gsize len;
  int lock_fd;

  g_return_val_if_fail (curation != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  if (!dossier_io_make_parent (path, error))
    return FALSE;

  /* One save at a time per folder, across processes: read, merge, write
   * under the lock.  The folder is locked, not the file, which the rename
   * replaces. */
  lock_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (lock_fd >= 0)
    while (flock (lock_fd, LOCK_EX) != 0 && errno == EINTR)
      ;

  remove_stale_temporaries (dir, base);

  bytes = dossier_io_read_file (path, MAX_PROJECT_SIZE, DOSSIER_IO_NOFOLLOW, &mode, &local_error);
  if (bytes != NULL)
    {
      g_autoptr(GPtrArray) saved = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
      g_autofree char *reason = NULL;
      int code;

      if (parse_project (bytes, saved, &code, &reason))
        (void) merge_saved (curation, saved);
      else
        {
          /* Broken, or from a newer Dossier, since we read it: kept aside
           * all the same before it is replaced. */
          g_autoptr(GError) ignored = NULL;
          fail_and_set_aside (path, bytes, mode, code, reason, &ignored);
        }
    }
  else if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      if (lock_fd >= 0)
        close (lock_fd);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  data = project_to_data (curation, &len);

  ok = dossier_io_replace_file (path, data, len, 0, error);
  if (ok)
    remember_saved (curation);

  if (lock_fd >= 0)
    close (lock_fd);
  return ok;
}

/* The edit list ---------------------------------------------------------- */

void
dossier_curation_push (DossierCuration *curation,
                       JsonObject      *edit)
{
  g_return_if_fail (curation != NULL);
  g_return_if_fail (edit != NULL);

  ensure_edit_id (edit, G_MAXUINT);
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

/* The strings of an array member; NULL elements are left out. */
static GPtrArray *
strings_member (JsonObject *edit,
                const char *name)
{
  GPtrArray *strings = g_ptr_array_new ();
  JsonNode *node = json_object_get_member (edit, name);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return strings;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        g_ptr_array_add (strings, (gpointer) json_node_get_string (element));
    }
  return strings;
}

/* The description of the last edit of @edits, or NULL. */
static char *
describe_last (GPtrArray *edits)
{
  if (edits->len == 0)
    return NULL;
  return dossier_edit_describe (g_ptr_array_index (edits, edits->len - 1));
}

char *
dossier_curation_undo_label (DossierCuration *curation)
{
  g_return_val_if_fail (curation != NULL, NULL);
  return describe_last (curation->edits);
}

char *
dossier_curation_redo_label (DossierCuration *curation)
{
  g_return_val_if_fail (curation != NULL, NULL);
  return describe_last (curation->redo);
}

/* Edit constructors ------------------------------------------------------ */

static JsonObject *
edit_new (const char *op)
{
  JsonObject *edit = json_object_new ();

  json_object_set_string_member (edit, "op", op);
  return edit;
}

/* An edit of @op with string members: name, value, …, NULL. */
static JsonObject * G_GNUC_NULL_TERMINATED
edit_with (const char *op,
           ...)
{
  JsonObject *edit = edit_new (op);
  const char *name;
  va_list args;

  va_start (args, op);
  while ((name = va_arg (args, const char *)) != NULL)
    json_object_set_string_member (edit, name, va_arg (args, const char *));
  va_end (args);
  return edit;
}

static JsonArray *
strings_array (const char * const *strings)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strings != NULL && strings[i] != NULL; i++)
    json_array_add_string_element (array, strings[i]);
  return array;
}

JsonObject *
dossier_edit_rename (const char *entity,
                     const char *new_name)
{
  return edit_with ("rename", "entity", entity, "name", new_name, NULL);
}

JsonObject *
dossier_edit_retype (const char        *entity,
                     DossierEntityType  type)
{
  return edit_with ("retype", "entity", entity, "type", dossier_entity_type_to_string (type), NULL);
}

static JsonObject *
alias_edit (const char *op,
            const char *entity,
            const char *alias)
{
  return edit_with (op, "entity", entity, "alias", alias, NULL);
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
  JsonObject *edit = edit_with ("merge", "into", into, NULL);

  json_object_set_array_member (edit, "entities", strings_array (others));
  return edit;
}

JsonObject *
dossier_edit_hide (const char *entity,
                   gboolean    hidden)
{
  JsonObject *edit = edit_with ("hide", "entity", entity, NULL);

  json_object_set_boolean_member (edit, "hidden", hidden);
  return edit;
}

JsonObject *
dossier_edit_not_entity (const char *entity)
{
  return edit_with ("not-entity", "entity", entity, NULL);
}

JsonObject *
dossier_edit_not_same (const char *a,
                       const char *b)
{
  return edit_with ("not-same", "entity", a, "other", b, NULL);
}

char **
dossier_curation_dup_distinct (DossierCuration *curation)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  g_return_val_if_fail (curation != NULL, NULL);

  for (guint i = 0; i < curation->edits->len; i++)
    {
      JsonObject *edit = g_ptr_array_index (curation->edits, i);

      if (!g_str_equal (str_member (edit, "op"), "not-same"))
        continue;
      g_strv_builder_add (names, str_member (edit, "entity"));
      g_strv_builder_add (names, str_member (edit, "other"));
    }
  return g_strv_builder_end (names);
}

static JsonObject *
relation_edit (const char          *op,
               const char          *source,
               DossierRelationType  type,
               const char          *target)
{
  return edit_with (op, "source", source, "type", dossier_relation_type_to_string (type),
                    "target", target, NULL);
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
dossier_edit_passage (const char          *op,
                      const char          *source,
                      DossierRelationType  type,
                      const char          *target,
                      const char          *article_id,
                      gsize                start,
                      gsize                end)
{
  JsonObject *edit;

  g_return_val_if_fail (g_strcmp0 (op, "add-relation") == 0 || g_strcmp0 (op, "reject-passage") == 0, NULL);

  edit = relation_edit (op, source, type, target);

  json_object_set_string_member (edit, "article", article_id);
  json_object_set_int_member (edit, "start", start);
  json_object_set_int_member (edit, "end", end);
  return edit;
}

JsonObject *
dossier_edit_set_article_title (const char *article_id,
                                const char *title)
{
  return edit_with ("article-title", "article", article_id, "title", title, NULL);
}

JsonObject *
dossier_edit_set_article_date (const char        *article_id,
                               const DossierDate *date)
{
  g_autofree char *str = dossier_date_to_string (date);

  return edit_with ("article-date", "article", article_id, "date", str, NULL);
}

JsonObject *
dossier_edit_create_entity (const char         *name,
                            DossierEntityType   type,
                            const char * const *aliases)
{
  JsonObject *edit = edit_with ("create-entity", "name", name,
                                "type", dossier_entity_type_to_string (type), NULL);

  json_object_set_array_member (edit, "aliases", strings_array (aliases));
  return edit;
}

JsonObject *
dossier_edit_add_text_alias (const char        *entity,
                             DossierEntityType  type,
                             const char        *alias)
{
  JsonObject *edit = alias_edit ("add-alias", entity, alias);

  /* The type, for the gazetteer entry that finds the text's occurrences. */
  json_object_set_string_member (edit, "text-type", dossier_entity_type_to_string (type));
  return edit;
}

/* Applying edits --------------------------------------------------------- */

/* A mutable copy of the graph: edits mark things removed and the result is
 * compacted into a fresh DossierGraph at the end.  Lookups go through
 * indexes, so that applying N edits is linear in N: the indexes only grow,
 * and a candidate found there is checked against the entity or relation
 * as it is now. */
typedef struct
{
  char              *name;
  char              *folded;
  DossierEntityType  type;
  GPtrArray         *aliases;     /* char * */
  GHashTable        *alias_keys;  /* folded alias -> number of aliases folding to it */
  GArray            *mentions;    /* DossierMention */
  GArray            *relations;   /* guint: relations that touch it, or once did */
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

/* A passage a "reject-passage" edit took out of a relation. */
typedef struct
{
  guint           relation;
  DossierEvidence evidence;
} RejectedPassage;

typedef struct
{
  DossierCorpus *extracted;  /* as loaded: never changed, others read it */
  DossierCorpus *corpus;     /* the same, or an overlay with corrected articles */
  GPtrArray     *entities;   /* WorkEntity */
  GPtrArray     *relations;  /* WorkRelation */
  GPtrArray     *problems;   /* char * */
  GHashTable    *by_name;    /* folded name -> GArray of entity indexes */
  GHashTable    *by_alias;   /* folded alias -> GArray of entity indexes */
  GHashTable    *by_triple;  /* "source type target" -> GArray of relation indexes */
  GHashTable    *articles;   /* article id -> index + 1 */
  GArray        *rejected;   /* RejectedPassage */
} Work;

static void
work_entity_free (WorkEntity *e)
{
  g_free (e->name);
  g_free (e->folded);
  g_ptr_array_unref (e->aliases);
  g_hash_table_unref (e->alias_keys);
  g_array_unref (e->mentions);
  g_array_unref (e->relations);
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
  e->alias_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  e->mentions = g_array_new (FALSE, FALSE, sizeof (DossierMention));
  e->relations = g_array_new (FALSE, FALSE, sizeof (guint));
  return e;
}

static guint
work_add_entity (Work       *work,
                 WorkEntity *e)
{
  guint index = work->entities->len;

  g_ptr_array_add (work->entities, e);
  dossier_index_add (work->by_name, e->folded, index);
  return index;
}

static gboolean
entity_has_alias (WorkEntity *e,
                  const char *alias)
{
  g_autofree char *key = dossier_fold_string (alias);

  return g_hash_table_contains (e->alias_keys, key);
}

static void
entity_add_alias (Work       *work,
                  guint       index,
                  const char *alias)
{
  WorkEntity *e = g_ptr_array_index (work->entities, index);
  g_autofree char *key = dossier_fold_string (alias);
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (e->alias_keys, key));

  g_ptr_array_add (e->aliases, g_strdup (alias));
  g_hash_table_insert (e->alias_keys, g_strdup (key), GUINT_TO_POINTER (count + 1));
  dossier_index_add (work->by_alias, key, index);
}

/* The first alias of @e written like @alias, or -1. */
static int
alias_index (WorkEntity *e,
             const char *alias)
{
  g_autofree char *key = dossier_fold_string (alias);

  if (!g_hash_table_contains (e->alias_keys, key))
    return -1;

  for (guint a = 0; a < e->aliases->len; a++)
    {
      g_autofree char *other = dossier_fold_string (g_ptr_array_index (e->aliases, a));

      if (g_str_equal (other, key))
        return a;
    }

  return -1;
}

static void
entity_remove_alias (WorkEntity *e,
                     guint       a)
{
  g_autofree char *key = dossier_fold_string (g_ptr_array_index (e->aliases, a));
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (e->alias_keys, key));

  if (count <= 1)
    g_hash_table_remove (e->alias_keys, key);
  else
    g_hash_table_insert (e->alias_keys, g_strdup (key), GUINT_TO_POINTER (count - 1));
  g_ptr_array_remove_index (e->aliases, a);
}

static void
entity_rename (Work       *work,
               guint       index,
               const char *name)
{
  WorkEntity *e = g_ptr_array_index (work->entities, index);

  g_free (e->name);
  g_free (e->folded);
  e->name = g_strdup (name);
  e->folded = dossier_fold_string (name);
  dossier_index_add (work->by_name, e->folded, index);
}

static char *
triple_key (guint               source,
            DossierRelationType type,
            guint               target)
{
  return g_strdup_printf ("%u %d %u", source, (int) type, target);
}

/* Files a relation under its current ends and type. */
static void
index_relation (Work  *work,
                guint  index)
{
  WorkRelation *r = g_ptr_array_index (work->relations, index);
  g_autofree char *key = triple_key (r->source, r->type, r->target);
  WorkEntity *source = g_ptr_array_index (work->entities, r->source);
  WorkEntity *target = g_ptr_array_index (work->entities, r->target);

  dossier_index_add (work->by_triple, key, index);
  g_array_append_val (source->relations, index);
  if (r->target != r->source)
    g_array_append_val (target->relations, index);
}

static guint
work_add_relation (Work         *work,
                   WorkRelation *r)
{
  guint index = work->relations->len;

  g_ptr_array_add (work->relations, r);
  index_relation (work, index);
  return index;
}

static void
work_init (Work         *work,
           DossierGraph *graph)
{
  work->extracted = graph->corpus;
  work->corpus = dossier_corpus_ref (graph->corpus);
  work->entities = g_ptr_array_new_with_free_func ((GDestroyNotify) work_entity_free);
  work->relations = g_ptr_array_new_with_free_func ((GDestroyNotify) work_relation_free);
  work->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  work->by_alias = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  work->by_triple = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  work->articles = g_hash_table_new (g_str_hash, g_str_equal);
  work->rejected = g_array_new (FALSE, FALSE, sizeof (RejectedPassage));

  for (guint i = 0; i < graph->corpus->articles->len; i++)
    {
      DossierArticle *article = dossier_corpus_get_article (graph->corpus, i);

      /* The first article of an id wins, as a scan in order found it. */
      if (!g_hash_table_contains (work->articles, article->id))
        g_hash_table_insert (work->articles, article->id, GUINT_TO_POINTER (i + 1));
    }

  for (guint i = 0; i < graph->entities->len; i++)
    {
      const DossierEntity *src = dossier_graph_get_entity (graph, i);
      WorkEntity *e = work_entity_new (src->name, src->type);
      guint index = work_add_entity (work, e);

      for (guint a = 0; a < src->aliases->len; a++)
        entity_add_alias (work, index, g_ptr_array_index (src->aliases, a));
      g_array_append_vals (e->mentions, src->mentions->data, src->mentions->len);
      e->discovered = src->discovered;
      e->hidden = src->hidden;
    }

  for (guint i = 0; i < graph->relations->len; i++)
    {
      const DossierRelation *src = dossier_graph_get_relation (graph, i);
      WorkRelation *r = g_new0 (WorkRelation, 1);

      r->source = src->source;
      r->target = src->target;
      r->type = src->type;
      r->evidence = array_copy (src->evidence);
      work_add_relation (work, r);
    }
}

static void
work_clear (Work *work)
{
  g_clear_pointer (&work->corpus, dossier_corpus_unref);
  g_clear_pointer (&work->entities, g_ptr_array_unref);
  g_clear_pointer (&work->relations, g_ptr_array_unref);
  g_clear_pointer (&work->by_name, g_hash_table_unref);
  g_clear_pointer (&work->by_alias, g_hash_table_unref);
  g_clear_pointer (&work->by_triple, g_hash_table_unref);
  g_clear_pointer (&work->articles, g_hash_table_unref);
  g_clear_pointer (&work->rejected, g_array_unref);
}

/* The first live entity of @index's candidates for @key whose name (or,
 * @by_alias, one of whose aliases) folds to @key, or -1. */
static int
work_find_in (Work       *work,
              GHashTable *index,
              const char *key,
              gboolean    by_alias)
{
  GArray *candidates = g_hash_table_lookup (index, key);
  int found = -1;

  for (guint c = 0; candidates != NULL && c < candidates->len; c++)
    {
      guint i = g_array_index (candidates, guint, c);
      WorkEntity *e = g_ptr_array_index (work->entities, i);
      gboolean match = by_alias ? g_hash_table_contains (e->alias_keys, key) : g_str_equal (e->folded, key);

      if (!e->removed && match && (found < 0 || (int) i < found))
        found = i;
    }
  return found;
}

/* An entity by canonical name, then by alias: the first one in the list,
 * as a scan in order would find it. */
static int
work_find (Work       *work,
           const char *name)
{
  g_autofree char *key = NULL;
  int found;

  if (name == NULL || *name == '\0')
    return -1;

  key = dossier_fold_string (name);
  if ((found = work_find_in (work, work->by_name, key, FALSE)) >= 0)
    return found;
  return work_find_in (work, work->by_alias, key, TRUE);
}

static void
find_relation_in (Work                *work,
                  guint                source,
                  DossierRelationType  type,
                  guint                target,
                  int                 *found)
{
  g_autofree char *key = triple_key (source, type, target);
  GArray *candidates = g_hash_table_lookup (work->by_triple, key);

  for (guint c = 0; candidates != NULL && c < candidates->len; c++)
    {
      guint i = g_array_index (candidates, guint, c);
      WorkRelation *r = g_ptr_array_index (work->relations, i);

      if (!r->removed && r->type == type && r->source == source && r->target == target &&
          (*found < 0 || (int) i < *found))
        *found = i;
    }
}

static int
work_find_relation (Work                *work,
                    guint                source,
                    DossierRelationType  type,
                    guint                target)
{
  int found = -1;

  find_relation_in (work, source, type, target, &found);
  if (dossier_relation_type_is_symmetric (type))
    find_relation_in (work, target, type, source, &found);
  return found;
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
  g_autoptr(GArray) touching = NULL;

  if (into == other || source->removed)
    return;

  if (!entity_has_alias (target, source->name))
    entity_add_alias (work, into, source->name);
  for (guint a = 0; a < source->aliases->len; a++)
    {
      const char *alias = g_ptr_array_index (source->aliases, a);

      if (!entity_has_alias (target, alias))
        entity_add_alias (work, into, alias);
    }
  g_array_append_vals (target->mentions, source->mentions->data, source->mentions->len);
  source->removed = TRUE;

  /* Relations follow; duplicates fold when the graph is rebuilt. */
  touching = g_steal_pointer (&source->relations);
  source->relations = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint k = 0; k < touching->len; k++)
    {
      guint i = g_array_index (touching, guint, k);
      WorkRelation *r = g_ptr_array_index (work->relations, i);

      if (r->source != other && r->target != other)
        continue;
      if (r->source == other)
        r->source = into;
      if (r->target == other)
        r->target = into;
      index_relation (work, i);
    }
}

static void
remove_entity (Work  *work,
               guint  index)
{
  WorkEntity *e = g_ptr_array_index (work->entities, index);

  e->removed = TRUE;
  for (guint k = 0; k < e->relations->len; k++)
    {
      WorkRelation *r = g_ptr_array_index (work->relations, g_array_index (e->relations, guint, k));

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
  g_autoptr(GArray) touching = NULL;
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
  fresh->discovered = TRUE;
  fresh_index = work_add_entity (work, fresh);
  entity_add_alias (work, fresh_index, g_ptr_array_index (old->aliases, a));
  entity_remove_alias (old, a);
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
  touching = array_copy (old->relations);
  for (guint k = 0; k < touching->len; k++)
    {
      WorkRelation *r = g_ptr_array_index (work->relations, g_array_index (touching, guint, k));
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
          work_add_relation (work, moved);
        }
    }
}

static int
find_article_index (Work       *work,
                    const char *id)
{
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (work->articles, id)) - 1;
}

static DossierArticle *
find_article (Work       *work,
              const char *id)
{
  int index = find_article_index (work, id);

  return index >= 0 ? dossier_corpus_get_article (work->corpus, index) : NULL;
}

/* The operations ---------------------------------------------------------- */

/* An entity's relation named by an edit's "source", "type" and "target". */
static gboolean
require_relation_ends (Work                *work,
                       JsonObject          *edit,
                       int                 *source,
                       DossierRelationType *type,
                       int                 *target)
{
  if ((*source = require_entity (work, edit, "source")) < 0 ||
      (*target = require_entity (work, edit, "target")) < 0)
    return FALSE;
  if (!dossier_relation_type_from_string (str_member (edit, "type"), type))
    {
      problem (work, edit, _("unknown relation type"));
      return FALSE;
    }
  return TRUE;
}

/* The index of the relation an edit names, or -1 (said as a problem). */
static int
require_relation (Work       *work,
                  JsonObject *edit)
{
  DossierRelationType type;
  int s, t, r;

  if (!require_relation_ends (work, edit, &s, &type, &t))
    return -1;
  if ((r = work_find_relation (work, s, type, t)) < 0)
    problem (work, edit, _("that relation is not found any more"));
  return r;
}

static WorkEntity *
require_work_entity (Work       *work,
                     JsonObject *edit,
                     const char *member,
                     int        *index)
{
  int e = require_entity (work, edit, member);

  if (index != NULL)
    *index = e;
  return e >= 0 ? g_ptr_array_index (work->entities, e) : NULL;
}

static void
apply_rename (Work       *work,
              JsonObject *edit)
{
  const char *name = str_member (edit, "name");
  WorkEntity *entity;
  int e;

  if ((entity = require_work_entity (work, edit, "entity", &e)) == NULL || *name == '\0')
    return;
  if (!entity_has_alias (entity, entity->name))
    entity_add_alias (work, e, entity->name);
  entity_rename (work, e, name);
}

static void
apply_retype (Work       *work,
              JsonObject *edit)
{
  WorkEntity *entity = require_work_entity (work, edit, "entity", NULL);
  DossierEntityType type;

  if (entity == NULL)
    return;
  if (!dossier_entity_type_from_string (str_member (edit, "type"), &type))
    problem (work, edit, _("unknown actor type"));
  else
    entity->type = type;
}

static void
apply_add_alias (Work       *work,
                 JsonObject *edit)
{
  const char *alias = str_member (edit, "alias");
  WorkEntity *entity;
  int e;

  if ((entity = require_work_entity (work, edit, "entity", &e)) == NULL || *alias == '\0')
    return;
  if (!entity_has_alias (entity, alias))
    entity_add_alias (work, e, alias);
}

static void
apply_remove_alias (Work       *work,
                    JsonObject *edit)
{
  WorkEntity *entity = require_work_entity (work, edit, "entity", NULL);
  int a;

  if (entity != NULL && (a = alias_index (entity, str_member (edit, "alias"))) >= 0)
    entity_remove_alias (entity, a);
}

static void
apply_merge (Work       *work,
             JsonObject *edit)
{
  JsonArray *others;
  int e;

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

static void
apply_split_alias (Work       *work,
                   JsonObject *edit)
{
  int e;

  if ((e = require_entity (work, edit, "entity")) >= 0)
    split_alias (work, edit, e);
}

static void
apply_hide (Work       *work,
            JsonObject *edit)
{
  WorkEntity *entity = require_work_entity (work, edit, "entity", NULL);

  if (entity != NULL)
    entity->hidden = json_object_get_boolean_member_with_default (edit, "hidden", TRUE);
}

static void
apply_not_entity (Work       *work,
                  JsonObject *edit)
{
  int e;

  if ((e = require_entity (work, edit, "entity")) >= 0)
    remove_entity (work, e);
}

/* The extractor found the actor through the curation's gazetteer entries
 * (see dossier_curation_extend_gazetteer); this fixes its type and names,
 * and makes it when the text does not name it (yet). */
static void
apply_create_entity (Work       *work,
                     JsonObject *edit)
{
  const char *name = str_member (edit, "name");
  g_autoptr(GPtrArray) aliases = strings_member (edit, "aliases");
  DossierEntityType type;
  WorkEntity *entity;
  int e;

  if (*name == '\0')
    return;
  if (!dossier_entity_type_from_string (str_member (edit, "type"), &type))
    {
      problem (work, edit, _("unknown actor type"));
      return;
    }
  if ((e = work_find (work, name)) < 0)
    e = work_add_entity (work, work_entity_new (name, type));
  entity = g_ptr_array_index (work->entities, e);
  entity->type = type;
  for (guint a = 0; a < aliases->len; a++)
    if (*(const char *) aliases->pdata[a] != '\0' && !entity_has_alias (entity, aliases->pdata[a]))
      entity_add_alias (work, e, aliases->pdata[a]);
}

static void
apply_retype_relation (Work       *work,
                       JsonObject *edit)
{
  int r = require_relation (work, edit);
  DossierRelationType new_type;

  if (r < 0)
    return;
  if (!dossier_relation_type_from_string (str_member (edit, "new-type"), &new_type))
    {
      problem (work, edit, _("unknown relation type"));
      return;
    }
  ((WorkRelation *) g_ptr_array_index (work->relations, r))->type = new_type;
  index_relation (work, r);
}

static void
apply_reverse_relation (Work       *work,
                        JsonObject *edit)
{
  int r = require_relation (work, edit);
  WorkRelation *relation;
  guint tmp;

  if (r < 0)
    return;
  relation = g_ptr_array_index (work->relations, r);
  tmp = relation->source;
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
  index_relation (work, r);
}

static void
apply_reject_relation (Work       *work,
                       JsonObject *edit)
{
  int r = require_relation (work, edit);

  if (r >= 0)
    ((WorkRelation *) g_ptr_array_index (work->relations, r))->removed = TRUE;
}

/* The passage [start, end) of an edit's "article", or FALSE (said as a problem). */
static gboolean
require_passage (Work       *work,
                 JsonObject *edit,
                 guint      *article,
                 gsize      *start,
                 gsize      *end)
{
  int index = find_article_index (work, str_member (edit, "article"));
  gint64 s = json_object_get_int_member_with_default (edit, "start", -1);
  gint64 e = json_object_get_int_member_with_default (edit, "end", -1);

  if (index < 0 || s < 0 || e < s ||
      (gsize) e > dossier_corpus_get_article (work->corpus, index)->len)
    {
      problem (work, edit, _("its passage is not in the articles any more"));
      return FALSE;
    }
  *article = index;
  *start = s;
  *end = e;
  return TRUE;
}

static void
apply_add_relation (Work       *work,
                    JsonObject *edit)
{
  DossierEvidence ev = { 0 };
  DossierRelationType type;
  WorkRelation *relation;
  int s, t, r;

  if (!require_relation_ends (work, edit, &s, &type, &t) ||
      !require_passage (work, edit, &ev.article, &ev.start, &ev.end))
    return;
  ev.source_start = ev.target_start = ev.start;
  ev.source_end = ev.target_end = ev.end;

  if ((r = work_find_relation (work, s, type, t)) >= 0)
    relation = g_ptr_array_index (work->relations, r);
  else
    {
      relation = g_new0 (WorkRelation, 1);
      relation->source = s;
      relation->target = t;
      relation->type = type;
      relation->evidence = g_array_new (FALSE, FALSE, sizeof (DossierEvidence));
      work_add_relation (work, relation);
    }
  g_array_append_val (relation->evidence, ev);
}

/* Rejecting one passage takes it out of its relation, which stays while
 * other passages back it; the passage is kept aside to be listed and
 * restored. */
static void
apply_reject_passage (Work       *work,
                      JsonObject *edit)
{
  int r = require_relation (work, edit);
  WorkRelation *relation;
  RejectedPassage rejected = { 0 };
  guint article;
  gsize start, end;

  if (r < 0 || !require_passage (work, edit, &article, &start, &end))
    return;
  relation = g_ptr_array_index (work->relations, r);
  for (guint i = 0; i < relation->evidence->len; i++)
    {
      DossierEvidence *ev = &g_array_index (relation->evidence, DossierEvidence, i);

      if (ev->article != article || ev->start != start || ev->end != end)
        continue;
      rejected.relation = r;
      rejected.evidence = *ev;
      g_array_append_val (work->rejected, rejected);
      g_array_remove_index (relation->evidence, i);
      if (relation->evidence->len == 0)
        relation->removed = TRUE;
      return;
    }
  problem (work, edit, _("that passage is not found any more"));
}

static void
apply_restore_passage (Work       *work,
                       JsonObject *edit)
{
  DossierRelationType type;
  guint article;
  gsize start, end;
  int s, t;

  if (!require_relation_ends (work, edit, &s, &type, &t) ||
      !require_passage (work, edit, &article, &start, &end))
    return;
  for (guint i = 0; i < work->rejected->len; i++)
    {
      RejectedPassage *rejected = &g_array_index (work->rejected, RejectedPassage, i);
      WorkRelation *relation = g_ptr_array_index (work->relations, rejected->relation);
      gboolean ends = (relation->source == (guint) s && relation->target == (guint) t) ||
                      (dossier_relation_type_is_symmetric (type) &&
                       relation->source == (guint) t && relation->target == (guint) s);

      if (!ends || relation->type != type || rejected->evidence.article != article ||
          rejected->evidence.start != start || rejected->evidence.end != end)
        continue;
      /* A relation emptied by rejected passages comes back with one. */
      if (relation->evidence->len == 0)
        relation->removed = FALSE;
      g_array_append_val (relation->evidence, rejected->evidence);
      g_array_remove_index (work->rejected, i);
      return;
    }
  problem (work, edit, _("that passage is not rejected any more"));
}

static DossierArticle *
require_article (Work       *work,
                 JsonObject *edit)
{
  DossierArticle *article = find_article (work, str_member (edit, "article"));

  if (article == NULL)
    {
      g_autofree char *what = g_strdup_printf (_("there is no article “%s” any more"),
                                               str_member (edit, "article"));
      problem (work, edit, what);
    }
  return article;
}

/* The article an edit corrects, as a copy of its own in the curated
 * graph's corpus: the loaded corpus stays as it was, for any thread that
 * reads it (an export, a layout). */
static DossierArticle *
require_writable_article (Work       *work,
                          JsonObject *edit)
{
  int index = find_article_index (work, str_member (edit, "article"));
  DossierArticle *article;

  if (index < 0)
    return require_article (work, edit);

  if (work->corpus == work->extracted)
    {
      dossier_corpus_unref (work->corpus);
      work->corpus = dossier_corpus_new_overlay (work->extracted);
    }
  article = dossier_corpus_get_article (work->corpus, index);
  if (article == dossier_corpus_get_article (work->extracted, index))
    {
      article = dossier_article_copy (article);
      dossier_corpus_replace_article (work->corpus, index, article);
    }
  return article;
}

static void
apply_article_title (Work       *work,
                     JsonObject *edit)
{
  DossierArticle *article = require_writable_article (work, edit);

  if (article == NULL)
    return;
  g_free (article->title);
  article->title = g_strdup (str_member (edit, "title"));
}

static void
apply_article_date (Work       *work,
                    JsonObject *edit)
{
  DossierArticle *article;
  DossierDate date;

  if (find_article (work, str_member (edit, "article")) == NULL)
    {
      require_article (work, edit);  /* says so */
      return;
    }
  if (!dossier_date_parse_iso (str_member (edit, "date"), &date))
    {
      problem (work, edit, _("the date is not valid"));
      return;
    }
  article = require_writable_article (work, edit);
  article->date = date;
  g_free (article->date_source);
  article->date_source = g_strdup ("user");
}

/* Descriptions, named after the members they quote. */
/* "not-same" changes no actor: dossier_curation_dup_distinct() reads it. */
static void
apply_nothing (Work       *work,
               JsonObject *edit)
{
}

#define DESCRIBE(func, format, ...) \
  static char * \
  func (JsonObject *edit) \
  { \
    return g_strdup_printf (format, __VA_ARGS__); \
  }
#define M(member) str_member (edit, member)

/* Translators: names of edits, shown in the Undo and Redo menu items. */
DESCRIBE (describe_rename, _("Rename “%s” to “%s”"), M ("entity"), M ("name"))
DESCRIBE (describe_retype, _("Change the type of “%s”"), M ("entity"))
DESCRIBE (describe_add_alias, _("Add the alias “%s”"), M ("alias"))
DESCRIBE (describe_remove_alias, _("Remove the alias “%s”"), M ("alias"))
DESCRIBE (describe_merge, _("Merge into “%s”"), M ("into"))
DESCRIBE (describe_split_alias, _("Split “%s” out of “%s”"), M ("alias"), M ("entity"))
DESCRIBE (describe_not_entity, _("Mark “%s” as not an actor"), M ("entity"))
DESCRIBE (describe_create_entity, _("Create the actor “%s”"), M ("name"))
DESCRIBE (describe_retype_relation, _("Change a relation of “%s”"), M ("source"))
DESCRIBE (describe_reverse_relation, _("Reverse a relation of “%s”"), M ("source"))
DESCRIBE (describe_reject_relation, _("Reject a relation of “%s”"), M ("source"))
DESCRIBE (describe_add_relation, _("Add a relation from “%s”"), M ("source"))
DESCRIBE (describe_reject_passage, _("Reject a passage about “%s”"), M ("source"))
DESCRIBE (describe_restore_passage, _("Restore a passage about “%s”"), M ("source"))
DESCRIBE (describe_article_title, _("Change the title of “%s”"), M ("article"))
DESCRIBE (describe_article_date, _("Change the date of “%s”"), M ("article"))
DESCRIBE (describe_not_same, _("Mark “%s” and “%s” as not the same"), M ("entity"), M ("other"))

#undef M
#undef DESCRIBE

static char *
describe_hide (JsonObject *edit)
{
  return json_object_get_boolean_member_with_default (edit, "hidden", TRUE)
       ? g_strdup_printf (_("Hide “%s”"), str_member (edit, "entity"))
       : g_strdup_printf (_("Show “%s”"), str_member (edit, "entity"));
}

/* Inverses: the edit that takes this one back, for operations whose
 * undoing is itself an edit the user makes (show again, restore). */
static JsonObject *
copy_with_op (JsonObject *edit,
              const char *op)
{
  JsonObject *inverse = json_object_new ();
  GList *members = json_object_get_members (edit);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_str_equal (l->data, "id"))
      json_object_set_member (inverse, l->data, json_node_copy (json_object_get_member (edit, l->data)));
  g_list_free (members);
  json_object_set_string_member (inverse, "op", op);
  return inverse;
}

static JsonObject *
invert_hide (JsonObject *edit)
{
  JsonObject *inverse = copy_with_op (edit, "hide");

  json_object_set_boolean_member (inverse, "hidden",
                                  !json_object_get_boolean_member_with_default (edit, "hidden", TRUE));
  return inverse;
}

/* The user's gazetteer ---------------------------------------------------- */

/* A name fit for a field of a gazetteer line: no field or line breaks, no
 * alias separator, no leading mark that changes its meaning. */
static gboolean
gazetteer_safe (const char *name)
{
  return name != NULL && *name != '\0' && strpbrk (name, "\t\n\r|") == NULL &&
         *name != '~' && *name != '@' && *name != '#';
}

static void
append_gazetteer_line (GString            *out,
                       const char         *type,
                       const char         *name,
                       const char * const *aliases,
                       guint               n_aliases)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));
  DossierEntityType known;
  gboolean first = TRUE;

  /* The loader refuses a whole file for one bad line: leave it out. */
  if (!gazetteer_safe (name) || *stripped == '\0' || !dossier_entity_type_from_string (type, &known))
    return;
  g_string_append_printf (out, "%s\t%s", type, name);
  for (guint i = 0; i < n_aliases; i++)
    {
      if (!gazetteer_safe (aliases[i]))
        continue;
      g_string_append (out, first ? "\t" : " | ");
      g_string_append (out, aliases[i]);
      first = FALSE;
    }
  g_string_append_c (out, '\n');
}

static void
gazetteer_create_entity (JsonObject *edit,
                         GString    *out)
{
  g_autoptr(GPtrArray) aliases = strings_member (edit, "aliases");

  append_gazetteer_line (out, str_member (edit, "type"), str_member (edit, "name"),
                         (const char * const *) aliases->pdata, aliases->len);
}

/* Only an alias marked in the text: its type says so. */
static void
gazetteer_add_alias (JsonObject *edit,
                     GString    *out)
{
  const char *alias = str_member (edit, "alias");

  if (json_object_has_member (edit, "text-type"))
    append_gazetteer_line (out, str_member (edit, "text-type"), str_member (edit, "entity"), &alias, 1);
}

typedef struct
{
  const char  *name;                          /* "op" in the project file */
  char       *(*describe) (JsonObject *edit);
  void        (*apply)    (Work *work, JsonObject *edit);
  const char  *inverse;                       /* the op that takes it back, same members */
  JsonObject *(*invert)   (JsonObject *edit);  /* else this; both NULL: only undo does */
  void        (*gazetteer) (JsonObject *edit, GString *out);  /* its gazetteer line, if any */
} EditOp;

static const EditOp edit_ops[] = {
  { "rename",           describe_rename,           apply_rename,           NULL,              NULL,        NULL },
  { "retype",           describe_retype,           apply_retype,           NULL,              NULL,        NULL },
  { "add-alias",        describe_add_alias,        apply_add_alias,        "remove-alias",    NULL,        gazetteer_add_alias },
  { "remove-alias",     describe_remove_alias,     apply_remove_alias,     "add-alias",       NULL,        NULL },
  { "merge",            describe_merge,            apply_merge,            NULL,              NULL,        NULL },
  { "split-alias",      describe_split_alias,      apply_split_alias,      NULL,              NULL,        NULL },
  { "hide",             describe_hide,             apply_hide,             NULL,              invert_hide, NULL },
  { "not-entity",       describe_not_entity,       apply_not_entity,       NULL,              NULL,        NULL },
  { "create-entity",    describe_create_entity,    apply_create_entity,    NULL,              NULL,        gazetteer_create_entity },
  { "retype-relation",  describe_retype_relation,  apply_retype_relation,  NULL,              NULL,        NULL },
  { "reverse-relation", describe_reverse_relation, apply_reverse_relation, NULL,              NULL,        NULL },
  { "reject-relation",  describe_reject_relation,  apply_reject_relation,  NULL,              NULL,        NULL },
  { "add-relation",     describe_add_relation,     apply_add_relation,     NULL,              NULL,        NULL },
  { "reject-passage",   describe_reject_passage,   apply_reject_passage,   "restore-passage", NULL,        NULL },
  { "restore-passage",  describe_restore_passage,  apply_restore_passage,  "reject-passage",  NULL,        NULL },
  { "article-title",    describe_article_title,    apply_article_title,    NULL,              NULL,        NULL },
  { "article-date",     describe_article_date,     apply_article_date,     NULL,              NULL,        NULL },
  { "not-same",         describe_not_same,         apply_nothing,          NULL,              NULL,        NULL },
};

static const EditOp *
lookup_op (JsonObject *edit)
{
  const char *op = str_member (edit, "op");

  for (guint i = 0; i < G_N_ELEMENTS (edit_ops); i++)
    if (g_str_equal (edit_ops[i].name, op))
      return &edit_ops[i];
  return NULL;
}

char *
dossier_edit_describe (JsonObject *edit)
{
  const EditOp *op;

  g_return_val_if_fail (edit != NULL, NULL);

  if ((op = lookup_op (edit)) != NULL)
    return op->describe (edit);
  return g_strdup_printf (_("Unknown edit “%s”"), str_member (edit, "op"));
}

JsonObject *
dossier_edit_invert (JsonObject *edit)
{
  const EditOp *op;

  g_return_val_if_fail (edit != NULL, NULL);

  if ((op = lookup_op (edit)) == NULL)
    return NULL;
  if (op->inverse != NULL)
    return copy_with_op (edit, op->inverse);
  return op->invert != NULL ? op->invert (edit) : NULL;
}

char *
dossier_curation_to_gazetteer (DossierCuration *curation)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (curation != NULL, NULL);

  for (guint i = 0; i < curation->edits->len; i++)
    {
      JsonObject *edit = g_ptr_array_index (curation->edits, i);
      const EditOp *op = lookup_op (edit);

      if (op != NULL && op->gazetteer != NULL)
        op->gazetteer (edit, out);
    }

  if (out->len > 0)
    g_string_prepend (out, "# Dossier gazetteer: the actors created in the window (format: data/gazetteer/README.md)\n");
  return g_string_free (out, FALSE);
}

gboolean
dossier_curation_extend_gazetteer (DossierCuration   *curation,
                                   DossierGazetteer  *gazetteer,
                                   GError           **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (curation != NULL, FALSE);
  g_return_val_if_fail (gazetteer != NULL, FALSE);

  text = dossier_curation_to_gazetteer (curation);
  return dossier_gazetteer_load_data (gazetteer, text, strlen (text), _("the actors created"), error);
}

static void
apply_edit (Work       *work,
            JsonObject *edit)
{
  const EditOp *op = lookup_op (edit);

  if (op != NULL)
    op->apply (work, edit);
  else
    problem (work, edit, _("this version of Dossier does not know it"));
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
  return dossier_curation_apply_full (curation, extracted, problems, NULL);
}

/* The passages rejected one by one, on the ids of the new graph. */
static GArray *
rejected_passages (Work      *work,
                   const int *map)
{
  GArray *list = g_array_new (FALSE, FALSE, sizeof (DossierRejectedPassage));

  for (guint i = 0; i < work->rejected->len; i++)
    {
      const RejectedPassage *p = &g_array_index (work->rejected, RejectedPassage, i);
      const WorkRelation *r = g_ptr_array_index (work->relations, p->relation);
      DossierRejectedPassage passage = { 0 };

      if (map[r->source] < 0 || map[r->target] < 0)
        continue;
      passage.source = map[r->source];
      passage.target = map[r->target];
      passage.type = r->type;
      passage.evidence = p->evidence;
      g_array_append_val (list, passage);
    }
  return list;
}

/* The by-name map a rebuild of @graph would make, or NULL when the rebuild
 * would merge an entity into an earlier one (its name is an earlier name or
 * alias) or drop an alias written like an earlier one of its entity. */
static GHashTable *
rebuilt_names (DossierGraph *graph)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < graph->entities->len; i++)
    {
      DossierEntity *entity = dossier_graph_get_entity (graph, i);
      g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
      char *key = dossier_fold_string (entity->name);

      if (!g_hash_table_insert (names, key, entity))
        return NULL;
      for (guint a = 0; a < entity->aliases->len; a++)
        {
          char *alias = dossier_fold_string (g_ptr_array_index (entity->aliases, a));

          if (g_ptr_array_find_with_equal_func (keys, alias, g_str_equal, NULL))
            {
              g_free (alias);
              return NULL;
            }
          g_ptr_array_add (keys, alias);
          if (!g_hash_table_contains (names, alias))
            g_hash_table_insert (names, g_strdup (alias), entity);
        }
    }
  return g_steal_pointer (&names);
}

static gboolean
same_date (DossierDate a,
           DossierDate b)
{
  return a.year == b.year && a.month == b.month && a.day == b.day && a.precision == b.precision;
}

/* Whether a rebuild would keep @relation's passages as they are: each once
 * (dossier_graph_add_evidence's rule) and dated from its article. */
static gboolean
evidence_is_rebuilt (DossierGraph          *graph,
                     const DossierRelation *relation)
{
  for (guint e = 0; e < relation->evidence->len; e++)
    {
      const DossierEvidence *ev = &g_array_index (relation->evidence, DossierEvidence, e);
      const DossierArticle *article = dossier_corpus_get_article (graph->corpus, ev->article);

      if (!same_date (ev->date, dossier_article_date_for_range (article, ev->start, ev->end)))
        return FALSE;
      for (guint k = e; k > 0; k--)
        {
          const DossierEvidence *prev = &g_array_index (relation->evidence, DossierEvidence, k - 1);

          if (prev->article != ev->article || prev->end <= ev->start)
            break;
          if (prev->start == ev->start && prev->end == ev->end)
            return FALSE;
        }
    }
  return TRUE;
}

/* Whether applying no edit to @graph would give back the same graph, as
 * it does for the extractor's graphs: then it is shared, not rebuilt (the
 * rebuild copies every mention and passage twice, some 8 % of a run). */
static gboolean
is_rebuilt_form (DossierGraph *graph)
{
  g_autoptr(GHashTable) names = rebuilt_names (graph);
  GHashTableIter iter;
  gpointer key, value;

  if (names == NULL || g_hash_table_size (names) != g_hash_table_size (graph->by_name))
    return FALSE;
  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_hash_table_lookup (graph->by_name, key) != value)
      return FALSE;

  for (guint i = 0; i < graph->entities->len; i++)
    {
      GArray *mentions = dossier_graph_get_entity (graph, i)->mentions;

      for (guint m = 1; m < mentions->len; m++)
        if (compare_mentions (&g_array_index (mentions, DossierMention, m - 1),
                              &g_array_index (mentions, DossierMention, m)) > 0)
          return FALSE;
    }

  if (g_hash_table_size (graph->by_triple) != graph->relations->len)
    return FALSE;
  for (guint i = 0; i < graph->relations->len; i++)
    {
      DossierRelation *relation = dossier_graph_get_relation (graph, i);

      if (relation->source == relation->target ||
          (dossier_relation_type_is_symmetric (relation->type) && relation->target < relation->source) ||
          dossier_graph_lookup_relation (graph, relation->source, relation->type, relation->target) != relation ||
          !evidence_is_rebuilt (graph, relation))
        return FALSE;
    }
  return TRUE;
}

DossierGraph *
dossier_curation_apply_full (DossierCuration  *curation,
                             DossierGraph     *extracted,
                             GPtrArray       **problems,
                             GArray          **rejected)
{
  DossierGraph *graph;
  g_autofree int *map = NULL;
  Work work = { 0 };

  g_return_val_if_fail (curation != NULL, NULL);
  g_return_val_if_fail (extracted != NULL, NULL);

  if (curation->edits->len == 0 && is_rebuilt_form (extracted))
    {
      if (problems != NULL)
        *problems = g_ptr_array_new_with_free_func (g_free);
      if (rejected != NULL)
        *rejected = g_array_new (FALSE, FALSE, sizeof (DossierRejectedPassage));
      return dossier_graph_ref (extracted);
    }

  work_init (&work, extracted);
  if (problems != NULL)
    work.problems = *problems = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < curation->edits->len; i++)
    apply_edit (&work, g_ptr_array_index (curation->edits, i));

  /* Corrected titles and dates live in the curated graph's own corpus. */
  graph = dossier_graph_new (work.corpus);
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

  if (rejected != NULL)
    *rejected = rejected_passages (&work, map);
  work_clear (&work);

  return graph;
}
