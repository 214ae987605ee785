/* dossier-positions.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-positions"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "dossier-io.h"
#include "dossier-positions.h"

G_DEFINE_QUARK (dossier-positions-error-quark, dossier_positions_error)

/* Bigger than any edits file a person makes by hand; a layout of 100,000
 * actors takes about 6 MB. */
#define POSITIONS_FILE_LIMIT (64 * 1024 * 1024)
#define POSITIONS_MAX_DEPTH  8

typedef struct
{
  double   x;
  double   y;
  gboolean pinned;
} Place;

struct _DossierPositions
{
  gatomicrefcount  ref_count;
  GHashTable      *places;  /* char *name -> Place */
};

DossierPositions *
dossier_positions_new (void)
{
  DossierPositions *self = g_new0 (DossierPositions, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

DossierPositions *
dossier_positions_copy (DossierPositions *self)
{
  DossierPositions *copy = dossier_positions_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (self != NULL, NULL);

  g_hash_table_iter_init (&iter, self->places);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->places, g_strdup (key), g_memdup2 (value, sizeof (Place)));
  return copy;
}

DossierPositions *
dossier_positions_ref (DossierPositions *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
dossier_positions_unref (DossierPositions *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_hash_table_unref (self->places);
  g_free (self);
}

guint
dossier_positions_get_size (DossierPositions *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return g_hash_table_size (self->places);
}

void
dossier_positions_set (DossierPositions *self,
                       const char       *name,
                       double            x,
                       double            y,
                       gboolean          pinned)
{
  Place *place;

  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);
  g_return_if_fail (isfinite (x) && isfinite (y));

  place = g_new (Place, 1);
  *place = (Place) { x, y, !!pinned };
  g_hash_table_replace (self->places, g_strdup (name), place);
}

gboolean
dossier_positions_lookup (DossierPositions *self,
                          const char       *name,
                          double           *x,
                          double           *y,
                          gboolean         *pinned)
{
  const Place *place;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!(place = g_hash_table_lookup (self->places, name)))
    return FALSE;
  if (x != NULL)
    *x = place->x;
  if (y != NULL)
    *y = place->y;
  if (pinned != NULL)
    *pinned = place->pinned;
  return TRUE;
}

gboolean
dossier_positions_is_pinned (DossierPositions *self,
                             const char       *name)
{
  gboolean pinned = FALSE;

  return dossier_positions_lookup (self, name, NULL, NULL, &pinned) && pinned;
}

gboolean
dossier_positions_set_pinned (DossierPositions *self,
                              const char       *name,
                              gboolean          pinned)
{
  Place *place;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!(place = g_hash_table_lookup (self->places, name)))
    return FALSE;
  place->pinned = !!pinned;
  return TRUE;
}

void
dossier_positions_unpin_all (DossierPositions *self)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (self != NULL);

  g_hash_table_iter_init (&iter, self->places);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    ((Place *) value)->pinned = FALSE;
}

gboolean
dossier_positions_has_pins (DossierPositions *self)
{
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (self != NULL, FALSE);

  g_hash_table_iter_init (&iter, self->places);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((Place *) value)->pinned)
      return TRUE;
  return FALSE;
}

gboolean
dossier_positions_remove (DossierPositions *self,
                          const char       *name)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  return g_hash_table_remove (self->places, name);
}

gboolean
dossier_positions_rename (DossierPositions *self,
                          const char       *old_name,
                          const char       *new_name)
{
  gpointer key, value;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (old_name != NULL && new_name != NULL, FALSE);

  if (!g_hash_table_steal_extended (self->places, old_name, &key, &value))
    return FALSE;
  g_free (key);
  g_hash_table_replace (self->places, g_strdup (new_name), value);
  return TRUE;
}

void
dossier_positions_clear_unpinned (DossierPositions *self)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (self != NULL);

  g_hash_table_iter_init (&iter, self->places);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (!((Place *) value)->pinned)
      g_hash_table_iter_remove (&iter);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

GPtrArray *
dossier_positions_get_names (DossierPositions *self)
{
  GPtrArray *names;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (self != NULL, NULL);

  names = g_ptr_array_new_full (g_hash_table_size (self->places), g_free);
  g_hash_table_iter_init (&iter, self->places);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (names, g_strdup (key));
  g_ptr_array_sort (names, compare_names);
  return names;
}

void
dossier_positions_update_from_layout (DossierPositions *self,
                                      DossierSubgraph  *subgraph,
                                      DossierLayout    *layout)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (subgraph != NULL);
  g_return_if_fail (layout != NULL);

  for (guint i = 0; i < layout->nodes->len; i++)
    {
      const DossierLayoutNode *node = &g_array_index (layout->nodes, DossierLayoutNode, i);
      const DossierEntity *entity = dossier_graph_get_entity (subgraph->graph, node->entity);

      dossier_positions_set (self, entity->name,
                             node->x + layout->origin.x, node->y + layout->origin.y,
                             dossier_positions_is_pinned (self, entity->name));
    }
}

void
dossier_positions_pin_node (DossierPositions *self,
                            DossierSubgraph  *subgraph,
                            DossierLayout    *layout,
                            guint             index,
                            double            x,
                            double            y)
{
  const DossierLayoutNode *node;

  g_return_if_fail (self != NULL);
  g_return_if_fail (subgraph != NULL && layout != NULL);
  g_return_if_fail (index < layout->nodes->len);

  node = &g_array_index (layout->nodes, DossierLayoutNode, index);
  dossier_positions_set (self, dossier_graph_get_entity (subgraph->graph, node->entity)->name,
                         x + layout->origin.x, y + layout->origin.y, TRUE);
}

JsonNode *
dossier_positions_to_json_node (DossierPositions *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) names = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  /* Sorted, so that the edits file does not churn from one save to the next. */
  names = dossier_positions_get_names (self);
  json_builder_begin_object (builder);
  for (guint i = 0; i < names->len; i++)
    {
      const Place *place = g_hash_table_lookup (self->places, names->pdata[i]);

      json_builder_set_member_name (builder, names->pdata[i]);
      json_builder_begin_object (builder);
      /* Sixteenths of a point: below a pixel at any usual zoom, and
       * exact in binary, so json-glib writes 996.9375, not 996.97000000000003. */
      json_builder_set_member_name (builder, "x");
      json_builder_add_double_value (builder, round (place->x * 16) / 16);
      json_builder_set_member_name (builder, "y");
      json_builder_add_double_value (builder, round (place->y * 16) / 16);
      if (place->pinned)
        {
          json_builder_set_member_name (builder, "pinned");
          json_builder_add_boolean_value (builder, TRUE);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
read_number (JsonObject  *object,
             const char  *member,
             const char  *name,
             double      *value,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_DOUBLE &&
       json_node_get_value_type (node) != G_TYPE_INT64) ||
      !isfinite (*value = json_node_get_double (node)))
    {
      g_set_error (error, DOSSIER_POSITIONS_ERROR, DOSSIER_POSITIONS_ERROR_INVALID,
                   _("The position of “%s” has no number “%s”"), name, member);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_place (const char  *name,
            JsonNode    *node,
            Place       *place,
            GError     **error)
{
  JsonObject *object;
  JsonNode *pinned;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, DOSSIER_POSITIONS_ERROR, DOSSIER_POSITIONS_ERROR_INVALID,
                   _("The position of “%s” is not an object"), name);
      return FALSE;
    }
  object = json_node_get_object (node);
  if (!read_number (object, "x", name, &place->x, error) ||
      !read_number (object, "y", name, &place->y, error))
    return FALSE;

  pinned = json_object_get_member (object, "pinned");
  if (pinned != NULL && (!JSON_NODE_HOLDS_VALUE (pinned) ||
                         json_node_get_value_type (pinned) != G_TYPE_BOOLEAN))
    {
      g_set_error (error, DOSSIER_POSITIONS_ERROR, DOSSIER_POSITIONS_ERROR_INVALID,
                   _("“pinned” of “%s” is not true or false"), name);
      return FALSE;
    }
  place->pinned = pinned != NULL && json_node_get_boolean (pinned);
  return TRUE;
}

DossierPositions *
dossier_positions_from_json_node (JsonNode  *node,
                                  GError   **error)
{
  g_autoptr(DossierPositions) self = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, DOSSIER_POSITIONS_ERROR, DOSSIER_POSITIONS_ERROR_INVALID,
                           _("Positions are not a JSON object"));
      return NULL;
    }

  self = dossier_positions_new ();
  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &name, &member))
    {
      Place place;

      if (!read_place (name, member, &place, error))
        return NULL;
      dossier_positions_set (self, name, place.x, place.y, place.pinned);
    }

  return g_steal_pointer (&self);
}

DossierPositions *
dossier_positions_load_file (const char  *path,
                             GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *display = NULL;
  const char *data;
  gsize len;
  JsonNode *root, *member;
  DossierPositions *self;
  GError *local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  display = dossier_io_display_name (path);
  if (!(bytes = dossier_io_read_file (path, POSITIONS_FILE_LIMIT, DOSSIER_IO_NONE, NULL, error)))
    return NULL;
  data = g_bytes_get_data (bytes, &len);
  if (!dossier_io_check_json_depth (data, len, POSITIONS_MAX_DEPTH, display, error))
    return NULL;
  if (!json_parser_load_from_data (parser, data, len, &local_error))
    {
      g_set_error (error, DOSSIER_POSITIONS_ERROR, DOSSIER_POSITIONS_ERROR_INVALID,
                   "%s: %s", display, local_error->message);
      g_error_free (local_error);
      return NULL;
    }

  root = json_parser_get_root (parser);
  member = root != NULL && JSON_NODE_HOLDS_OBJECT (root)
           ? json_object_get_member (json_node_get_object (root), "positions")
           : NULL;
  if (member != NULL && JSON_NODE_HOLDS_OBJECT (member))
    root = member;

  if (root == NULL || !(self = dossier_positions_from_json_node (root, &local_error)))
    {
      g_set_error (error, DOSSIER_POSITIONS_ERROR, DOSSIER_POSITIONS_ERROR_INVALID, "%s: %s", display,
                   local_error != NULL ? local_error->message : _("Positions are not a JSON object"));
      g_clear_error (&local_error);
      return NULL;
    }
  return self;
}

gboolean
dossier_positions_save_file (DossierPositions  *self,
                             const char        *path,
                             GError           **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  gsize len;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* The corpus's folder of edits is made by its first edit; an actor
   * may be pinned before any. */
  if (!dossier_io_make_parent (path, error))
    return FALSE;

  root = dossier_positions_to_json_node (self);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &len);
  return dossier_io_replace_file (path, text, len, 0, error);
}
