/* dossier-views.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-views"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "dossier-io.h"
#include "dossier-views.h"

G_DEFINE_QUARK (dossier-views-error-quark, dossier_views_error)

/* Each view holds the positions of up to every actor: as large as the
 * positions file, times the views a person keeps. */
#define VIEWS_FILE_LIMIT (256 * 1024 * 1024)
#define VIEWS_MAX_DEPTH  10

struct _DossierViews
{
  GPtrArray *views;  /* DossierView *, in the order first saved */
};

/* One view ----------------------------------------------------------------- */

DossierView *
dossier_view_new (const char          *name,
                  const DossierFilter *filter,
                  const char * const  *selection,
                  double               zoom,
                  double               center_x,
                  double               center_y,
                  DossierPositions    *positions)
{
  DossierView *view;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  view = g_new0 (DossierView, 1);
  view->name = g_strdup (name);
  view->filter = dossier_filter_copy (filter);
  view->selection = selection != NULL ? g_strdupv ((char **) selection) : g_new0 (char *, 1);
  view->zoom = isfinite (zoom) && zoom > 0 ? zoom : 0;
  view->center_x = isfinite (center_x) ? center_x : 0;
  view->center_y = isfinite (center_y) ? center_y : 0;
  view->positions = positions != NULL ? dossier_positions_copy (positions) : dossier_positions_new ();
  return view;
}

DossierView *
dossier_view_copy (const DossierView *view)
{
  g_return_val_if_fail (view != NULL, NULL);

  return dossier_view_new (view->name, view->filter, (const char * const *) view->selection,
                           view->zoom, view->center_x, view->center_y, view->positions);
}

void
dossier_view_free (DossierView *view)
{
  if (view == NULL)
    return;
  g_free (view->name);
  g_clear_pointer (&view->filter, dossier_filter_free);
  g_strfreev (view->selection);
  g_clear_pointer (&view->positions, dossier_positions_unref);
  g_free (view);
}

void
dossier_view_apply (const DossierView *view,
                    DossierSession    *session)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint));
  DossierSubgraph *shown;

  g_return_if_fail (view != NULL);
  g_return_if_fail (DOSSIER_IS_SESSION (session));

  dossier_session_set_filter (session, view->filter);
  dossier_session_set_positions (session, view->positions);

  /* The session keeps the selection by name but takes it as ids of the
   * graph shown: names that graph lacks are left out. */
  shown = dossier_session_get_subgraph (session);
  for (guint i = 0; shown != NULL && view->selection[i] != NULL; i++)
    {
      DossierEntity *entity = dossier_graph_lookup_entity (shown->graph, view->selection[i]);

      if (entity != NULL)
        g_array_append_val (ids, entity->id);
    }
  dossier_session_set_selection (session, (const guint *) (gpointer) ids->data, ids->len, -1);
}

/* The collection ------------------------------------------------------------ */

DossierViews *
dossier_views_new (void)
{
  DossierViews *self = g_new0 (DossierViews, 1);

  self->views = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_view_free);
  return self;
}

void
dossier_views_free (DossierViews *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->views);
  g_free (self);
}

guint
dossier_views_get_n_views (DossierViews *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->views->len;
}

const DossierView *
dossier_views_get_view (DossierViews *self,
                        guint         index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->views->len, NULL);
  return g_ptr_array_index (self->views, index);
}

static int
find_view (DossierViews *self,
           const char   *name)
{
  for (guint i = 0; i < self->views->len; i++)
    if (g_str_equal (((DossierView *) g_ptr_array_index (self->views, i))->name, name))
      return i;
  return -1;
}

const DossierView *
dossier_views_lookup (DossierViews *self,
                      const char   *name)
{
  int index;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  index = find_view (self, name);
  return index >= 0 ? g_ptr_array_index (self->views, index) : NULL;
}

static gboolean
check_name (const char  *name,
            GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name));

  if (*stripped != '\0' && g_utf8_validate (name, -1, NULL))
    return TRUE;
  g_set_error_literal (error, DOSSIER_VIEWS_ERROR, DOSSIER_VIEWS_ERROR_BAD_NAME,
                       _("A view needs a name"));
  return FALSE;
}

gboolean
dossier_views_add (DossierViews  *self,
                   DossierView   *view,
                   GError       **error)
{
  g_autoptr(DossierView) owned = view;
  int index;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (view != NULL, FALSE);

  if (!check_name (view->name, error))
    return FALSE;
  if ((index = find_view (self, view->name)) >= 0)
    {
      dossier_view_free (g_ptr_array_index (self->views, index));
      g_ptr_array_index (self->views, index) = g_steal_pointer (&owned);
    }
  else
    g_ptr_array_add (self->views, g_steal_pointer (&owned));
  return TRUE;
}

static gboolean
not_found (const char  *name,
           GError     **error)
{
  g_set_error (error, DOSSIER_VIEWS_ERROR, DOSSIER_VIEWS_ERROR_NOT_FOUND,
               _("There is no view named “%s”"), name);
  return FALSE;
}

gboolean
dossier_views_rename (DossierViews  *self,
                      const char    *old_name,
                      const char    *new_name,
                      GError       **error)
{
  DossierView *view;
  int index;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (old_name != NULL && new_name != NULL, FALSE);

  if ((index = find_view (self, old_name)) < 0)
    return not_found (old_name, error);
  if (!check_name (new_name, error))
    return FALSE;
  if (!g_str_equal (old_name, new_name) && find_view (self, new_name) >= 0)
    {
      g_set_error (error, DOSSIER_VIEWS_ERROR, DOSSIER_VIEWS_ERROR_EXISTS,
                   _("A view named “%s” already exists"), new_name);
      return FALSE;
    }
  view = g_ptr_array_index (self->views, index);
  g_free (view->name);
  view->name = g_strdup (new_name);
  return TRUE;
}

gboolean
dossier_views_remove (DossierViews  *self,
                      const char    *name,
                      GError       **error)
{
  int index;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if ((index = find_view (self, name)) < 0)
    return not_found (name, error);
  g_ptr_array_remove_index (self->views, index);
  return TRUE;
}

/* JSON ---------------------------------------------------------------------- */

char *
dossier_views_path_for_edits (const char *edits_path)
{
  g_autofree char *stem = NULL;

  g_return_val_if_fail (edits_path != NULL, NULL);

  stem = g_str_has_suffix (edits_path, ".json")
       ? g_strndup (edits_path, strlen (edits_path) - 5)
       : g_strdup (edits_path);
  return g_strconcat (stem, ".views.json", NULL);
}

static void
build_view (JsonBuilder       *builder,
            const DossierView *view)
{
  g_autoptr(GVariant) filter = g_variant_ref_sink (dossier_filter_to_variant (view->filter));
  g_autofree char *filter_text = g_variant_print (filter, TRUE);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, view->name);
  json_builder_set_member_name (builder, "filter");
  json_builder_add_string_value (builder, filter_text);
  json_builder_set_member_name (builder, "selection");
  json_builder_begin_array (builder);
  for (guint i = 0; view->selection[i] != NULL; i++)
    json_builder_add_string_value (builder, view->selection[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "zoom");
  json_builder_add_double_value (builder, view->zoom);
  json_builder_set_member_name (builder, "center");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "x");
  json_builder_add_double_value (builder, view->center_x);
  json_builder_set_member_name (builder, "y");
  json_builder_add_double_value (builder, view->center_y);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "positions");
  json_builder_add_value (builder, dossier_positions_to_json_node (view->positions));
  json_builder_end_object (builder);
}

JsonNode *
dossier_views_to_json_node (DossierViews *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "views");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->views->len; i++)
    build_view (builder, g_ptr_array_index (self->views, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean invalid (GError     **error,
                         const char  *format,
                         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (DOSSIER_VIEWS_ERROR, DOSSIER_VIEWS_ERROR_INVALID, format, args);
  va_end (args);
  return FALSE;
}

static gboolean
holds_type (JsonNode *node,
            GType     type)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         (json_node_get_value_type (node) == type ||
          (type == G_TYPE_DOUBLE && json_node_get_value_type (node) == G_TYPE_INT64));
}

/* An optional finite number; @value keeps its default when absent. */
static gboolean
read_number (JsonObject *object,
             const char *member,
             double     *value)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    return TRUE;
  return holds_type (node, G_TYPE_DOUBLE) && isfinite (*value = json_node_get_double (node));
}

static DossierFilter *
read_filter (JsonObject  *object,
             const char  *name,
             GError     **error)
{
  g_autoptr(DossierFilter) filter = dossier_filter_new ();
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *node = json_object_get_member (object, "filter");

  if (node == NULL)
    return g_steal_pointer (&filter);
  if (!holds_type (node, G_TYPE_STRING) ||
      !(variant = g_variant_parse (G_VARIANT_TYPE_VARDICT, json_node_get_string (node),
                                   NULL, NULL, &local_error)))
    {
      invalid (error, _("The filter of the view “%s” does not read"), name);
      return NULL;
    }
  dossier_filter_update_from_variant (filter, variant);
  return g_steal_pointer (&filter);
}

static char **
read_selection (JsonObject  *object,
                const char  *name,
                GError     **error)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  JsonNode *node = json_object_get_member (object, "selection");
  JsonArray *array;

  if (node != NULL && !JSON_NODE_HOLDS_ARRAY (node))
    {
      invalid (error, _("The selection of the view “%s” is not a list of names"), name);
      return NULL;
    }
  array = node != NULL ? json_node_get_array (node) : NULL;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!holds_type (element, G_TYPE_STRING))
        {
          invalid (error, _("The selection of the view “%s” is not a list of names"), name);
          return NULL;
        }
      g_strv_builder_add (names, json_node_get_string (element));
    }
  return g_strv_builder_end (names);
}

static gboolean
read_place (JsonObject  *object,
            DossierView *view,
            GError     **error)
{
  JsonNode *center = json_object_get_member (object, "center");

  if (!read_number (object, "zoom", &view->zoom) || view->zoom < 0)
    return invalid (error, _("The zoom of the view “%s” is not a positive number"), view->name);
  if (center != NULL &&
      (!JSON_NODE_HOLDS_OBJECT (center) ||
       !read_number (json_node_get_object (center), "x", &view->center_x) ||
       !read_number (json_node_get_object (center), "y", &view->center_y)))
    return invalid (error, _("The centre of the view “%s” is not two numbers"), view->name);
  return TRUE;
}

static DossierView *
read_view (JsonNode  *node,
           guint      index,
           GError   **error)
{
  g_autoptr(DossierView) view = g_new0 (DossierView, 1);
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (node) ||
      !holds_type (member = json_object_get_member (json_node_get_object (node), "name"), G_TYPE_STRING) ||
      !check_name (json_node_get_string (member), NULL))
    {
      g_set_error (error, DOSSIER_VIEWS_ERROR, DOSSIER_VIEWS_ERROR_INVALID,
                   _("View %u is not an object with a name"), index + 1);
      return NULL;
    }
  object = json_node_get_object (node);
  view->name = g_strdup (json_node_get_string (member));
  if (!(view->filter = read_filter (object, view->name, error)) ||
      !(view->selection = read_selection (object, view->name, error)) ||
      !read_place (object, view, error))
    return NULL;

  member = json_object_get_member (object, "positions");
  view->positions = member != NULL ? dossier_positions_from_json_node (member, &local_error)
                                   : dossier_positions_new ();
  if (view->positions == NULL)
    {
      g_set_error (error, DOSSIER_VIEWS_ERROR, DOSSIER_VIEWS_ERROR_INVALID,
                   "“%s”: %s", view->name, local_error->message);
      return NULL;
    }
  return g_steal_pointer (&view);
}

DossierViews *
dossier_views_from_json_node (JsonNode  *node,
                              GError   **error)
{
  g_autoptr(DossierViews) self = dossier_views_new ();
  JsonNode *views;
  JsonArray *array;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node) ||
      !(views = json_object_get_member (json_node_get_object (node), "views")) ||
      !JSON_NODE_HOLDS_ARRAY (views))
    {
      g_set_error_literal (error, DOSSIER_VIEWS_ERROR, DOSSIER_VIEWS_ERROR_INVALID,
                           _("Not a saved views file (no “views” list)"));
      return NULL;
    }

  array = json_node_get_array (views);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      DossierView *view = read_view (json_array_get_element (array, i), i, error);

      if (view == NULL)
        return NULL;
      if (find_view (self, view->name) >= 0)
        {
          g_set_error (error, DOSSIER_VIEWS_ERROR, DOSSIER_VIEWS_ERROR_INVALID,
                       _("Two views are named “%s”"), view->name);
          dossier_view_free (view);
          return NULL;
        }
      g_ptr_array_add (self->views, view);
    }
  return g_steal_pointer (&self);
}

DossierViews *
dossier_views_load_file (const char  *path,
                         GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;
  DossierViews *self;
  const char *data;
  gsize len;

  g_return_val_if_fail (path != NULL, NULL);

  display = dossier_io_display_name (path);
  if (!(bytes = dossier_io_read_file (path, VIEWS_FILE_LIMIT, DOSSIER_IO_NONE, NULL, error)))
    return NULL;
  data = g_bytes_get_data (bytes, &len);
  if (!dossier_io_check_json_depth (data, len, VIEWS_MAX_DEPTH, display, error))
    return NULL;
  if (!json_parser_load_from_data (parser, data, len, &local_error) ||
      json_parser_get_root (parser) == NULL ||
      !(self = dossier_views_from_json_node (json_parser_get_root (parser), &local_error)))
    {
      g_set_error (error, DOSSIER_VIEWS_ERROR, DOSSIER_VIEWS_ERROR_INVALID,
                   _("The saved views in “%s” could not be read: %s"), display,
                   local_error != NULL ? local_error->message : _("the file is empty"));
      return NULL;
    }
  return self;
}

gboolean
dossier_views_save_file (DossierViews  *self,
                         const char    *path,
                         GError       **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autofree char *dir = NULL;
  gsize len;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* The edits' folder is made by their first save, which may not have
   * come yet. */
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0777) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = dossier_io_display_name (dir);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not save “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  root = dossier_views_to_json_node (self);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &len);
  return dossier_io_replace_file (path, text, len, 0, error);
}
