/* dossier-snapshot.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-snapshot"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "dossier-graph.h"
#include "dossier-layout-private.h"
#include "dossier-snapshot.h"

/* Bumped whenever the layout of the GVariant below changes. */
#define SNAPSHOT_MAGIC "dossier-snapshot 1"

/* (magic, stamp, totals (entities, relations, hidden isolated, undated),
 *  actors: name, type, mentions, articles, weight, community;
 *  relations: source, target (indices into actors), type, passages;
 *  community leaders: name, type;
 *  layout: engine, width, height, origin, steady;
 *  nodes: actor index, centre, size, shape;
 *  edges: relation index, tail, head, arrow?, arrow tip, label, points) */
#define ACTOR_TYPE    "(syuudu)"
#define RELATION_TYPE "(uuyu)"
#define NODE_TYPE     "(uddddy)"
#define EDGE_TYPE     "(uuubddddad)"
#define GEOMETRY_TYPE "(yddddb)"
#define SNAPSHOT_TYPE "(ss(uuuu)a" ACTOR_TYPE "a" RELATION_TYPE "a(sy)" GEOMETRY_TYPE "a" NODE_TYPE "a" EDGE_TYPE ")"

char *
dossier_snapshot_path_for_corpus (const char * const *roots)
{
  g_autoptr(GString) key = g_string_new (NULL);
  g_autofree char *digest = NULL;

  g_return_val_if_fail (roots != NULL, NULL);

  for (guint i = 0; roots[i] != NULL; i++)
    {
      g_autofree char *real = g_canonicalize_filename (roots[i], NULL);

      g_string_append (key, real);
      g_string_append_c (key, '\n');
    }
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key->str, key->len);
  return g_build_filename (g_get_user_cache_dir (), "dossier", "snapshots", digest, NULL);
}

static void
stamp_stat (GChecksum  *checksum,
            const char *path)
{
  g_autofree char *line = NULL;
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    line = g_strdup_printf ("%s none\n", path);
  else
    line = g_strdup_printf ("%s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT ".%09ld %" G_GUINT64_FORMAT "\n",
                            path, (gint64) st.st_size, (gint64) st.st_mtim.tv_sec,
                            (long) st.st_mtim.tv_nsec, (guint64) st.st_ino);
  g_checksum_update (checksum, (const guchar *) line, -1);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* A file, or each entry of a folder (the shipped gazetteers). */
static void
stamp_file_or_folder (GChecksum  *checksum,
                      const char *path)
{
  g_autoptr(GPtrArray) names = NULL;
  GDir *dir;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || !(dir = g_dir_open (path, 0, NULL)))
    {
      stamp_stat (checksum, path);
      return;
    }
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_dir_close (dir);
  g_ptr_array_sort (names, compare_paths);
  for (guint i = 0; i < names->len; i++)
    stamp_stat (checksum, g_ptr_array_index (names, i));
}

char *
dossier_snapshot_stamp (const char         *corpus_stamp,
                        const char         *edits_path,
                        const char * const *files,
                        const char         *view)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_return_val_if_fail (corpus_stamp != NULL, NULL);

  g_checksum_update (checksum, (const guchar *) SNAPSHOT_MAGIC "\n" PACKAGE_VERSION "\n", -1);
  /* The program itself: a new build may extract or lay out otherwise. */
  stamp_stat (checksum, "/proc/self/exe");
  g_checksum_update (checksum, (const guchar *) corpus_stamp, -1);
  if (edits_path != NULL)
    stamp_stat (checksum, edits_path);
  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    stamp_file_or_folder (checksum, files[i]);
  g_checksum_update (checksum, (const guchar *) "\nview\n", -1);
  if (view != NULL)
    g_checksum_update (checksum, (const guchar *) view, -1);
  return g_strdup (g_checksum_get_string (checksum));
}

/* Saving ------------------------------------------------------------------ */

static guint
column_uint (GArray *column,
             guint   index)
{
  return column != NULL && index < column->len ? g_array_index (column, guint, index) : 0;
}

static GVariant *
actors_to_variant (DossierSubgraph *subgraph)
{
  g_autofree guint *communities = dossier_subgraph_communities (subgraph);
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a" ACTOR_TYPE));
  for (guint i = 0; i < subgraph->entities->len; i++)
    {
      guint id = g_array_index (subgraph->entities, guint, i);
      DossierEntity *entity = dossier_graph_get_entity (subgraph->graph, id);

      g_variant_builder_add (&builder, ACTOR_TYPE, entity->name, (guchar) entity->type,
                             column_uint (subgraph->entity_mentions, i),
                             dossier_subgraph_entity_articles (subgraph, i),
                             dossier_subgraph_entity_weight (subgraph, i), communities[i]);
    }
  return g_variant_builder_end (&builder);
}

static GVariant *
relations_to_variant (DossierSubgraph *subgraph)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a" RELATION_TYPE));
  for (guint i = 0; i < subgraph->relations->len; i++)
    {
      guint id = g_array_index (subgraph->relations, guint, i);
      DossierRelation *relation = dossier_graph_get_relation (subgraph->graph, id);

      g_variant_builder_add (&builder, RELATION_TYPE,
                             (guint32) dossier_subgraph_find_entity (subgraph, relation->source),
                             (guint32) dossier_subgraph_find_entity (subgraph, relation->target),
                             (guchar) relation->type, column_uint (subgraph->relation_evidence, i));
    }
  return g_variant_builder_end (&builder);
}

/* By name: a community's leader may be an actor the view leaves out. */
static GVariant *
leaders_to_variant (DossierSubgraph *subgraph)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(sy)"));
  for (guint i = 0; subgraph->community_leaders != NULL && i < subgraph->community_leaders->len; i++)
    {
      guint id = g_array_index (subgraph->community_leaders, guint, i);
      DossierEntity *entity = dossier_graph_get_entity (subgraph->graph, id);

      g_variant_builder_add (&builder, "(sy)", entity->name, (guchar) entity->type);
    }
  return g_variant_builder_end (&builder);
}

static int
find_relation (DossierSubgraph *subgraph,
               guint            relation)
{
  for (guint i = 0; i < subgraph->relations->len; i++)
    if (g_array_index (subgraph->relations, guint, i) == relation)
      return i;
  return -1;
}

static GVariant *
layout_to_variant (DossierSubgraph *subgraph,
                   DossierLayout   *layout,
                   GVariant       **nodes,
                   GVariant       **edges)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a" NODE_TYPE));
  for (guint i = 0; i < layout->nodes->len; i++)
    {
      const DossierLayoutNode *node = &g_array_index (layout->nodes, DossierLayoutNode, i);

      g_variant_builder_add (&builder, NODE_TYPE,
                             (guint32) dossier_subgraph_find_entity (subgraph, node->entity),
                             node->x, node->y, node->width, node->height, (guchar) node->shape);
    }
  *nodes = g_variant_builder_end (&builder);

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a" EDGE_TYPE));
  for (guint i = 0; i < layout->edges->len; i++)
    {
      const DossierLayoutEdge *edge = &g_array_index (layout->edges, DossierLayoutEdge, i);
      GVariant *points = g_variant_new_fixed_array (G_VARIANT_TYPE_DOUBLE, edge->points->data,
                                                    edge->points->len * 2, sizeof (double));

      g_variant_builder_add (&builder, "(uuubdddd@ad)", (guint32) find_relation (subgraph, edge->relation),
                             edge->tail, edge->head, edge->has_arrow,
                             edge->arrow_tip.x, edge->arrow_tip.y, edge->label.x, edge->label.y,
                             points);
    }
  *edges = g_variant_builder_end (&builder);

  return g_variant_new (GEOMETRY_TYPE, (guchar) layout->engine, layout->width, layout->height,
                        layout->origin.x, layout->origin.y, layout->steady);
}

gboolean
dossier_snapshot_save (const char       *path,
                       const char       *stamp,
                       DossierSubgraph  *subgraph,
                       DossierLayout    *layout,
                       GError          **error)
{
  g_autoptr(GVariant) snapshot = NULL;
  g_autofree char *folder = NULL;
  GVariant *nodes, *edges, *geometry;

  g_return_val_if_fail (path != NULL && stamp != NULL, FALSE);
  g_return_val_if_fail (subgraph != NULL && layout != NULL, FALSE);

  geometry = layout_to_variant (subgraph, layout, &nodes, &edges);
  snapshot = g_variant_ref_sink (g_variant_new ("(ss(uuuu)@a" ACTOR_TYPE "@a" RELATION_TYPE "@a(sy)@" GEOMETRY_TYPE "@a" NODE_TYPE "@a" EDGE_TYPE ")",
                                                SNAPSHOT_MAGIC, stamp,
                                                subgraph->total_entities, subgraph->total_relations,
                                                subgraph->hidden_isolated, subgraph->undated_evidence,
                                                actors_to_variant (subgraph),
                                                relations_to_variant (subgraph),
                                                leaders_to_variant (subgraph),
                                                geometry, nodes, edges));

  folder = g_path_get_dirname (path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create “%s”: %s"), folder, g_strerror (saved));
      return FALSE;
    }
  return g_file_set_contents_full (path, g_variant_get_data (snapshot), g_variant_get_size (snapshot),
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

/* Loading ----------------------------------------------------------------- */

static gboolean
invalid (GError     **error,
         const char  *path)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("The snapshot “%s” does not read"), path);
  return FALSE;
}

static GArray *
uint_array (guint n)
{
  return g_array_sized_new (FALSE, TRUE, sizeof (guint), n);
}

/* Actors and relations: a graph of their own, ids in snapshot order. */
static DossierSubgraph *
subgraph_from_variant (GVariant            *actors,
                       GVariant            *relations,
                       GVariant            *leaders,
                       const char * const  *roots)
{
  g_autoptr(DossierCorpus) corpus = dossier_corpus_new ();
  g_autoptr(DossierSubgraph) subgraph = g_new0 (DossierSubgraph, 1);
  gsize n = g_variant_n_children (actors), m = g_variant_n_children (relations);

  g_atomic_ref_count_init (&subgraph->ref_count);
  corpus->roots = g_strdupv ((char **) roots);
  subgraph->graph = dossier_graph_new (corpus);
  subgraph->entities = uint_array (n);
  subgraph->entity_mentions = uint_array (n);
  subgraph->entity_articles = uint_array (n);
  subgraph->entity_community = uint_array (n);
  subgraph->entity_weight = g_array_sized_new (FALSE, TRUE, sizeof (double), n);
  subgraph->relations = uint_array (m);
  subgraph->relation_evidence = uint_array (m);
  subgraph->community_leaders = uint_array (g_variant_n_children (leaders));

  for (guint i = 0; i < n; i++)
    {
      const char *name;
      guchar type;
      guint mentions, articles, community;
      double weight;

      g_variant_get_child (actors, i, "(&syuudu)", &name, &type, &mentions, &articles, &weight, &community);
      /* Two actors of one name would be one: the file is not ours. */
      if (type >= DOSSIER_N_ENTITY_TYPES ||
          dossier_graph_ensure_entity (subgraph->graph, name, type)->id != i)
        return NULL;
      g_array_append_val (subgraph->entities, i);
      g_array_append_val (subgraph->entity_mentions, mentions);
      g_array_append_val (subgraph->entity_articles, articles);
      g_array_append_val (subgraph->entity_weight, weight);
      g_array_append_val (subgraph->entity_community, community);
    }

  for (guint i = 0; i < m; i++)
    {
      guint source, target, evidence;
      guchar type;
      DossierRelation *relation;

      g_variant_get_child (relations, i, RELATION_TYPE, &source, &target, &type, &evidence);
      if (source >= n || target >= n || type >= DOSSIER_N_RELATION_TYPES ||
          !(relation = dossier_graph_ensure_relation (subgraph->graph, source, type, target)) ||
          relation->id != i)
        return NULL;
      g_array_append_val (subgraph->relations, i);
      g_array_append_val (subgraph->relation_evidence, evidence);
    }

  for (guint i = 0; i < g_variant_n_children (leaders); i++)
    {
      const char *name;
      guchar type;
      DossierEntity *leader;

      g_variant_get_child (leaders, i, "(&sy)", &name, &type);
      if (type >= DOSSIER_N_ENTITY_TYPES)
        return NULL;
      if (!(leader = dossier_graph_lookup_entity (subgraph->graph, name)))
        leader = dossier_graph_ensure_entity (subgraph->graph, name, type);
      g_array_append_val (subgraph->community_leaders, leader->id);
    }
  return g_steal_pointer (&subgraph);
}

static int
compare_edges (gconstpointer a,
               gconstpointer b)
{
  guint ra = ((const DossierLayoutEdge *) a)->relation;
  guint rb = ((const DossierLayoutEdge *) b)->relation;

  return (ra > rb) - (ra < rb);
}

static gboolean
edge_from_variant (GVariant          *value,
                   guint              n_relations,
                   guint              n_nodes,
                   DossierLayoutEdge *edge)
{
  g_autoptr(GVariant) points = NULL;
  const double *coords;
  gsize n_coords;

  g_variant_get (value, "(uuubdddd@ad)", &edge->relation, &edge->tail, &edge->head, &edge->has_arrow,
                 &edge->arrow_tip.x, &edge->arrow_tip.y, &edge->label.x, &edge->label.y, &points);
  coords = g_variant_get_fixed_array (points, &n_coords, sizeof (double));
  /* A cubic Bézier: 3n + 1 points. */
  if (edge->relation >= n_relations || edge->tail >= n_nodes || edge->head >= n_nodes ||
      n_coords % 2 != 0 || n_coords < 8 || (n_coords / 2) % 3 != 1)
    return FALSE;
  edge->points = g_array_sized_new (FALSE, FALSE, sizeof (DossierPoint), n_coords / 2);
  g_array_append_vals (edge->points, coords, n_coords / 2);
  return TRUE;
}

static DossierLayout *
layout_from_variant (GVariant *geometry,
                     GVariant *nodes,
                     GVariant *edges,
                     guint     n_entities,
                     guint     n_relations)
{
  g_autoptr(DossierLayout) layout = NULL;
  guchar engine;

  g_variant_get_child (geometry, 0, "y", &engine);
  if (engine > DOSSIER_LAYOUT_CIRCO)
    return NULL;
  layout = dossier_layout_new_empty (engine);
  g_variant_get (geometry, GEOMETRY_TYPE, NULL, &layout->width, &layout->height,
                 &layout->origin.x, &layout->origin.y, &layout->steady);

  for (gsize i = 0; i < g_variant_n_children (nodes); i++)
    {
      DossierLayoutNode node;
      guchar shape;

      g_variant_get_child (nodes, i, NODE_TYPE, &node.entity, &node.x, &node.y,
                           &node.width, &node.height, &shape);
      if (node.entity >= n_entities || shape > DOSSIER_SHAPE_DIAMOND)
        return NULL;
      node.shape = shape;
      g_array_append_val (layout->nodes, node);
    }
  for (gsize i = 0; i < g_variant_n_children (edges); i++)
    {
      g_autoptr(GVariant) value = g_variant_get_child_value (edges, i);
      DossierLayoutEdge edge = { 0 };

      if (!edge_from_variant (value, n_relations, layout->nodes->len, &edge))
        return NULL;
      g_array_append_val (layout->edges, edge);
    }
  g_array_sort (layout->edges, compare_edges);
  dossier_layout_build_index (layout);
  return g_steal_pointer (&layout);
}

gboolean
dossier_snapshot_load (const char           *path,
                       const char           *stamp,
                       const DossierFilter  *filter,
                       DossierSubgraph     **subgraph,
                       DossierLayout       **layout,
                       GError              **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GVariant) snapshot = NULL;
  g_autoptr(GVariant) actors = NULL, relations = NULL, leaders = NULL;
  g_autoptr(GVariant) geometry = NULL, nodes = NULL, edges = NULL;
  g_autoptr(DossierSubgraph) sub = NULL;
  g_autoptr(DossierLayout) lay = NULL;
  const char *magic, *kept;
  const char *roots[] = { NULL };

  g_return_val_if_fail (path != NULL && stamp != NULL, FALSE);
  g_return_val_if_fail (subgraph != NULL && layout != NULL, FALSE);

  if (!(file = g_mapped_file_new (path, FALSE, error)))
    {
      /* GFileError: G_IO_ERROR_NOT_FOUND is what callers test. */
      if (error != NULL && g_error_matches (*error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_clear_error (error);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No snapshot at “%s”"), path);
        }
      return FALSE;
    }
  bytes = g_mapped_file_get_bytes (file);
  snapshot = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (SNAPSHOT_TYPE), bytes, FALSE));

  g_variant_get_child (snapshot, 0, "&s", &magic);
  g_variant_get_child (snapshot, 1, "&s", &kept);
  if (!g_str_equal (magic, SNAPSHOT_MAGIC))
    return invalid (error, path);
  if (!g_str_equal (kept, stamp))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The snapshot “%s” is of other articles"), path);
      return FALSE;
    }

  actors = g_variant_get_child_value (snapshot, 3);
  relations = g_variant_get_child_value (snapshot, 4);
  leaders = g_variant_get_child_value (snapshot, 5);
  geometry = g_variant_get_child_value (snapshot, 6);
  nodes = g_variant_get_child_value (snapshot, 7);
  edges = g_variant_get_child_value (snapshot, 8);

  if (!(sub = subgraph_from_variant (actors, relations, leaders, roots)) ||
      !(lay = layout_from_variant (geometry, nodes, edges, sub->entities->len, sub->relations->len)))
    return invalid (error, path);
  g_variant_get_child (snapshot, 2, "(uuuu)", &sub->total_entities, &sub->total_relations,
                       &sub->hidden_isolated, &sub->undated_evidence);
  sub->filter = filter != NULL ? dossier_filter_copy (filter) : NULL;

  *subgraph = g_steal_pointer (&sub);
  *layout = g_steal_pointer (&lay);
  return TRUE;
}
