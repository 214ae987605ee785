/* dossier-manifest.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-manifest"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "dossier-corpus.h"
#include "dossier-date.h"
#include "dossier-io.h"
#include "dossier-manifest.h"

/* json-glib recurses on nesting; a manifest nests three levels. */
#define MAX_DEPTH 64
#define MAX_MANIFEST_SIZE (64 * 1024 * 1024)

struct _DossierManifest
{
  GFile      *folder;
  GHashTable *entries;   /* relative path -> DossierManifestEntry */
  GPtrArray  *warnings;  /* GError: entries left out */
};

static void
entry_free (DossierManifestEntry *entry)
{
  g_free (entry->title);
  g_free (entry);
}

void
dossier_manifest_free (DossierManifest *manifest)
{
  if (manifest == NULL)
    return;

  g_clear_object (&manifest->folder);
  g_clear_pointer (&manifest->entries, g_hash_table_unref);
  g_clear_pointer (&manifest->warnings, g_ptr_array_unref);
  g_free (manifest);
}

static gboolean
fail (GError     **error,
      const char  *name,
      const char  *detail)
{
  g_set_error (error, DOSSIER_CORPUS_ERROR, DOSSIER_CORPUS_ERROR_MANIFEST,
               /* Translators: the first %s is a file, the second what is wrong with it */
               _("The manifest “%s” could not be read: %s"), name, detail);
  return FALSE;
}

static gboolean
read_entry (const char            *name,
            const char            *key,
            JsonNode              *node,
            DossierManifestEntry  *entry,
            GError               **error)
{
  JsonObject *object;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *detail = g_strdup_printf (_("the entry for “%s” is not an object"), key);
      return fail (error, name, detail);
    }
  object = json_node_get_object (node);

  if ((member = json_object_get_member (object, "date")) != NULL &&
      !JSON_NODE_HOLDS_NULL (member))
    {
      const char *str = JSON_NODE_HOLDS_VALUE (member) &&
                        json_node_get_value_type (member) == G_TYPE_STRING
                      ? json_node_get_string (member) : NULL;

      if (str == NULL || !dossier_date_parse_iso (str, &entry->date))
        {
          g_autofree char *detail =
            g_strdup_printf (_("the date of “%s” is not of the form YYYY, YYYY-MM or YYYY-MM-DD"), key);
          return fail (error, name, detail);
        }
    }

  if ((member = json_object_get_member (object, "title")) != NULL)
    {
      if (JSON_NODE_HOLDS_NULL (member))
        entry->has_title = TRUE;
      else if (JSON_NODE_HOLDS_VALUE (member) &&
               json_node_get_value_type (member) == G_TYPE_STRING)
        {
          entry->has_title = TRUE;
          entry->title = g_strdup (json_node_get_string (member));
        }
      else
        {
          g_autofree char *detail = g_strdup_printf (_("the title of “%s” is not a string"), key);
          return fail (error, name, detail);
        }
    }

  return TRUE;
}

DossierManifest *
dossier_manifest_new_from_file (GFile         *file,
                                const char    *display_name,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autoptr(DossierManifest) manifest = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = display_name != NULL ? g_strdup (display_name) : g_file_get_parse_name (file);
  g_autofree char *path = NULL;
  JsonNode *root;
  JsonObject *articles;
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;
  gconstpointer data;
  gsize len;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  bytes = path != NULL
        ? dossier_io_read_file (path, MAX_MANIFEST_SIZE, DOSSIER_IO_NONE, NULL, &local_error)
        : g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (bytes == NULL)
    {
      fail (error, name, local_error->message);
      return NULL;
    }

  data = g_bytes_get_data (bytes, &len);
  if (!dossier_io_check_json_depth (data, len, MAX_DEPTH, NULL, &local_error) ||
      !json_parser_load_from_data (parser, data != NULL ? data : "", len, &local_error))
    {
      fail (error, name, local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), "articles") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (json_node_get_object (root), "articles")))
    {
      fail (error, name, _("it has no “articles” object"));
      return NULL;
    }

  manifest = g_new0 (DossierManifest, 1);
  manifest->folder = g_file_get_parent (file);
  manifest->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) entry_free);
  manifest->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);

  articles = json_object_get_object_member (json_node_get_object (root), "articles");
  json_object_iter_init (&iter, articles);
  while (json_object_iter_next (&iter, &key, &node))
    {
      DossierManifestEntry *entry = g_new0 (DossierManifestEntry, 1);
      GError *entry_error = NULL;

      /* One bad entry leaves out that entry only, with a warning. */
      if (!read_entry (name, key, node, entry, &entry_error))
        {
          entry_free (entry);
          g_ptr_array_add (manifest->warnings, entry_error);
          continue;
        }
      g_hash_table_replace (manifest->entries, g_strdup (key), entry);
    }

  return g_steal_pointer (&manifest);
}

GPtrArray *
dossier_manifest_get_warnings (DossierManifest *manifest)
{
  g_return_val_if_fail (manifest != NULL, NULL);
  return manifest->warnings;
}

GFile *
dossier_manifest_get_folder (DossierManifest *manifest)
{
  g_return_val_if_fail (manifest != NULL, NULL);

  return manifest->folder;
}

const DossierManifestEntry *
dossier_manifest_lookup (DossierManifest *manifest,
                         GFile           *file)
{
  g_autofree char *relative = NULL;

  g_return_val_if_fail (manifest != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!(relative = g_file_get_relative_path (manifest->folder, file)))
    return NULL;

#ifdef G_OS_WIN32
  g_strdelimit (relative, "\\", '/');
#endif

  return g_hash_table_lookup (manifest->entries, relative);
}
