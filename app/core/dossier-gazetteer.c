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

#define MAX_WORDS 8

typedef struct
{
  DossierGazetteerEntry *entry;
  gboolean               descriptive;
} Form;

struct _DossierGazetteer
{
  GPtrArray  *entries;  /* DossierGazetteerEntry */
  GHashTable *forms;    /* folded form -> Form */
  GChecksum  *checksum;
  char       *digest;
};

static void
entry_free (DossierGazetteerEntry *entry)
{
  g_free ((char *) entry->canonical);
  g_free (entry);
}

DossierGazetteer *
dossier_gazetteer_new (void)
{
  DossierGazetteer *gazetteer = g_new0 (DossierGazetteer, 1);

  gazetteer->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  gazetteer->forms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gazetteer->checksum = g_checksum_new (G_CHECKSUM_SHA256);

  return gazetteer;
}

void
dossier_gazetteer_free (DossierGazetteer *gazetteer)
{
  if (gazetteer == NULL)
    return;

  g_ptr_array_unref (gazetteer->entries);
  g_hash_table_unref (gazetteer->forms);
  g_checksum_free (gazetteer->checksum);
  g_free (gazetteer->digest);
  g_free (gazetteer);
}

static void
add_form (DossierGazetteer      *gazetteer,
          DossierGazetteerEntry *entry,
          const char            *form,
          gboolean               descriptive)
{
  g_autofree char *key = dossier_fold_string (form);
  Form *f;

  if (*key == '\0')
    return;

  f = g_new0 (Form, 1);
  f->entry = entry;
  f->descriptive = descriptive;
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

  g_return_val_if_fail (gazetteer != NULL, FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  if (!g_utf8_validate_len (data, len, NULL) || memchr (data, '\0', len) != NULL)
    {
      g_set_error (error, DOSSIER_GAZETTEER_ERROR, DOSSIER_GAZETTEER_ERROR_PARSE,
                   _("%s: not UTF-8 text"), source_name);
      return FALSE;
    }

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

      fields = g_strsplit (line, "\t", 3);
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
      g_ptr_array_add (gazetteer->entries, entry);
      add_form (gazetteer, entry, fields[1], FALSE);

      if (fields[2] == NULL)
        continue;

      aliases = g_strsplit (fields[2], "|", -1);
      for (guint j = 0; aliases[j] != NULL; j++)
        {
          char *alias = g_strstrip (aliases[j]);
          gboolean descriptive = alias[0] == '~';

          add_form (gazetteer, entry, descriptive ? alias + 1 : alias, descriptive);
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
  g_ptr_array_sort (names, (GCompareFunc) (void (*)(void)) g_strcmp0);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);

      if (!dossier_gazetteer_load_file (gazetteer, path, error))
        return NULL;
    }

  return g_steal_pointer (&gazetteer);
}

static inline gboolean
is_word_byte (char c)
{
  return g_ascii_isalnum (c) || (guchar) c >= 0x80;
}

GArray *
dossier_gazetteer_match (DossierGazetteer *gazetteer,
                         const char       *text,
                         gsize             len)
{
  g_autoptr(DossierFolded) folded = NULL;
  GArray *matches;
  const char *f;
  gsize flen;

  g_return_val_if_fail (gazetteer != NULL, NULL);

  matches = g_array_new (FALSE, FALSE, sizeof (DossierGazetteerMatch));
  folded = dossier_folded_new (text, len);
  f = folded->folded;
  flen = folded->len;

  for (gsize i = 0; i < flen; i++)
    {
      gsize ends[MAX_WORDS];
      guint n_ends = 0;
      gsize j = i;

      if (!is_word_byte (f[i]) || (i > 0 && is_word_byte (f[i - 1])))
        continue;

      /* Candidate ends: after each of the next MAX_WORDS words. */
      while (j < flen && n_ends < MAX_WORDS)
        {
          while (j < flen && (is_word_byte (f[j]) || f[j] == '.' || f[j] == '-'))
            {
              /* A trailing dot ends a sentence, not a name like Musical.ly. */
              if (f[j] == '.' && (j + 1 >= flen || !is_word_byte (f[j + 1])))
                break;
              j++;
            }
          ends[n_ends++] = j;
          if (j >= flen || f[j] != ' ')
            break;
          j++;
          if (j >= flen || !is_word_byte (f[j]))
            break;
        }

      for (int k = n_ends - 1; k >= 0; k--)
        {
          g_autofree char *key = g_strndup (f + i, ends[k] - i);
          Form *form = g_hash_table_lookup (gazetteer->forms, key);

          /* English possessive: "Oracle's" matched as "Oracle". */
          if (form == NULL && ends[k] - i > 2 && g_str_has_suffix (key, "'s"))
            {
              key[ends[k] - i - 2] = '\0';
              if ((form = g_hash_table_lookup (gazetteer->forms, key)) != NULL)
                ends[k] -= 2;
            }

          if (form != NULL)
            {
              DossierGazetteerMatch m;

              m.start = folded->map[i];
              m.end = folded->map[ends[k]];
              m.entry = form->entry;
              m.descriptive = form->descriptive;
              g_array_append_val (matches, m);
              i = ends[k] - 1;
              break;
            }
        }
    }

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
      gazetteer->digest = g_strdup (g_checksum_get_string (copy));
    }

  return gazetteer->digest;
}
