/* dossier-layout.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <math.h>

#include "dossier-layout.h"
#include "dossier-style.h"

G_DEFINE_QUARK (dossier-layout-error-quark, dossier_layout_error)

/* Graphviz 2.42 keeps global state: one layout at a time, process-wide. */
static GMutex graphviz_lock;

static const char * const engine_names[] = {
  [DOSSIER_LAYOUT_AUTO] = "auto",
  [DOSSIER_LAYOUT_DOT] = "dot",
  [DOSSIER_LAYOUT_NEATO] = "neato",
  [DOSSIER_LAYOUT_FDP] = "fdp",
  [DOSSIER_LAYOUT_SFDP] = "sfdp",
  [DOSSIER_LAYOUT_CIRCO] = "circo",
};

const char *
dossier_layout_engine_to_string (DossierLayoutEngine engine)
{
  g_return_val_if_fail (engine < G_N_ELEMENTS (engine_names), NULL);
  return engine_names[engine];
}

gboolean
dossier_layout_engine_from_string (const char          *str,
                                   DossierLayoutEngine *engine)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (engine_names); i++)
    {
      if (g_ascii_strcasecmp (str, engine_names[i]) == 0)
        {
          *engine = i;
          return TRUE;
        }
    }
  return FALSE;
}

DossierLayoutEngine
dossier_layout_engine_for_size (guint n_nodes,
                                guint n_edges)
{
  /* Measured on the target machine: dot and neato take seconds from a few
   * hundred nodes and minutes past a thousand; only sfdp scales. */
  if (n_nodes <= 150 && n_edges <= 400)
    return DOSSIER_LAYOUT_NEATO;
  return DOSSIER_LAYOUT_SFDP;
}

static void
layout_edge_clear (DossierLayoutEdge *edge)
{
  g_clear_pointer (&edge->points, g_array_unref);
}

static DossierLayout *
dossier_layout_new (void)
{
  DossierLayout *layout = g_new0 (DossierLayout, 1);

  g_atomic_ref_count_init (&layout->ref_count);
  layout->nodes = g_array_new (FALSE, TRUE, sizeof (DossierLayoutNode));
  layout->edges = g_array_new (FALSE, TRUE, sizeof (DossierLayoutEdge));
  g_array_set_clear_func (layout->edges, (GDestroyNotify) layout_edge_clear);

  return layout;
}

DossierLayout *
dossier_layout_ref (DossierLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);
  g_atomic_ref_count_inc (&layout->ref_count);
  return layout;
}

void
dossier_layout_unref (DossierLayout *layout)
{
  g_return_if_fail (layout != NULL);

  if (!g_atomic_ref_count_dec (&layout->ref_count))
    return;

  g_array_unref (layout->nodes);
  g_array_unref (layout->edges);
  g_free (layout);
}

/* cgraph 2.42 takes char * for strings it only reads. */
#define S(str) ((char *) (str))

static void
set_attr (void       *object,
          const char *name,
          const char *value)
{
  agsafeset (object, S (name), S (value), S (""));
}

/* Graphviz y points up; ours points down.  The one place that flips. */
static inline DossierPoint
to_view (pointf p,
         double height)
{
  return (DossierPoint) { p.x, height - p.y };
}

static gboolean
run_layout (DossierLayout       *layout,
            DossierSubgraph     *subgraph,
            DossierLayoutEngine  engine,
            GError             **error)
{
  DossierGraph *graph = subgraph->graph;
  GVC_t *gvc;
  Agraph_t *g;
  g_autofree Agnode_t **nodes = NULL;
  g_autofree char *font_size = g_strdup_printf ("%g", DOSSIER_STYLE_FONT_SIZE);
  boxf bb;
  double height;
  int ret;

  gvc = gvContext ();
  g = agopen (S ("dossier"), Agdirected, NULL);

  agattr (g, AGRAPH, S ("overlap"), S ("prism"));
  agattr (g, AGRAPH, S ("splines"), S ("true"));
  agattr (g, AGRAPH, S ("outputorder"), S ("edgesfirst"));
  agattr (g, AGRAPH, S ("sep"), S ("+6"));
  agattr (g, AGRAPH, S ("esep"), S ("+3"));
  agattr (g, AGRAPH, S ("pad"), S ("0.2"));
  agattr (g, AGRAPH, S ("nodesep"), S ("0.4"));
  agattr (g, AGRAPH, S ("ranksep"), S ("0.6"));
  agattr (g, AGNODE, S ("fontname"), S (DOSSIER_STYLE_FONT_FAMILY));
  agattr (g, AGNODE, S ("fontsize"), font_size);
  agattr (g, AGNODE, S ("shape"), S ("box"));
  agattr (g, AGNODE, S ("margin"), S ("0.12,0.06"));
  agattr (g, AGNODE, S ("label"), S ("\\N"));
  agattr (g, AGEDGE, S ("len"), S ("1.6"));

  nodes = g_new0 (Agnode_t *, subgraph->entities->len);

  for (guint i = 0; i < subgraph->entities->len; i++)
    {
      guint id = g_array_index (subgraph->entities, guint, i);
      const DossierEntity *entity = dossier_graph_get_entity (graph, id);
      const DossierNodeStyle *style = dossier_style_node (entity->type, FALSE);
      g_autofree char *node_name = g_strdup_printf ("n%u", id);

      nodes[i] = agnode (g, node_name, TRUE);
      /* Labels go in as plain text: escape Graphviz's own backslash escapes. */
      {
        g_autoptr(GString) label = g_string_new (NULL);

        for (const char *p = entity->name; *p; p++)
          {
            if (*p == '\\')
              g_string_append (label, "\\\\");
            else if (*p == '\n' || *p == '\r')
              g_string_append_c (label, ' ');
            else
              g_string_append_c (label, *p);
          }
        set_attr (nodes[i], "label", label->str);
      }
      set_attr (nodes[i], "shape", style->graphviz_shape);
    }

  for (guint i = 0; i < subgraph->relations->len; i++)
    {
      guint id = g_array_index (subgraph->relations, guint, i);
      const DossierRelation *relation = dossier_graph_get_relation (graph, id);
      int s = dossier_subgraph_find_entity (subgraph, relation->source);
      int t = dossier_subgraph_find_entity (subgraph, relation->target);
      g_autofree char *edge_name = g_strdup_printf ("r%u", id);
      Agedge_t *e;

      if (s < 0 || t < 0 || s == t)
        continue;

      /* Not a strict graph: parallel relations each get their own curve. */
      e = agedge (g, nodes[s], nodes[t], edge_name, TRUE);
      (void) e;
    }

  ret = gvLayout (gvc, g, dossier_layout_engine_to_string (engine));
  if (ret != 0)
    {
      g_set_error (error, DOSSIER_LAYOUT_ERROR, DOSSIER_LAYOUT_ERROR_FAILED,
                   _("Graphviz could not lay out the graph with %s"),
                   dossier_layout_engine_to_string (engine));
      agclose (g);
      gvFreeContext (gvc);
      return FALSE;
    }

  bb = GD_bb (g);
  height = bb.UR.y;
  layout->width = bb.UR.x;
  layout->height = bb.UR.y;

  for (guint i = 0; i < subgraph->entities->len; i++)
    {
      DossierLayoutNode node;
      DossierPoint centre = to_view (ND_coord (nodes[i]), height);

      node.entity = g_array_index (subgraph->entities, guint, i);
      node.x = centre.x;
      node.y = centre.y;
      node.width = ND_width (nodes[i]) * 72.0;
      node.height = ND_height (nodes[i]) * 72.0;
      g_array_append_val (layout->nodes, node);
    }

  for (guint i = 0; i < subgraph->entities->len; i++)
    {
      for (Agedge_t *e = agfstout (g, nodes[i]); e != NULL; e = agnxtout (g, e))
        {
          DossierLayoutEdge edge = { 0 };
          const char *name = agnameof (e);
          int head = dossier_subgraph_find_entity (subgraph, (guint) g_ascii_strtoull (agnameof (aghead (e)) + 1, NULL, 10));
          splines *spl = ED_spl (e);

          if (name == NULL || name[0] != 'r' || head < 0)
            continue;

          edge.relation = (guint) g_ascii_strtoull (name + 1, NULL, 10);
          edge.tail = i;
          edge.head = head;
          edge.points = g_array_new (FALSE, FALSE, sizeof (DossierPoint));

          if (spl != NULL && spl->size > 0)
            {
              bezier *bz = &spl->list[0];

              for (int p = 0; p < bz->size; p++)
                {
                  DossierPoint pt = to_view (bz->list[p], height);
                  g_array_append_val (edge.points, pt);
                }
              if (bz->eflag)
                {
                  edge.has_arrow = TRUE;
                  edge.arrow_tip = to_view (bz->ep, height);
                }
            }
          else
            {
              const DossierLayoutNode *a = &g_array_index (layout->nodes, DossierLayoutNode, i);
              const DossierLayoutNode *b = &g_array_index (layout->nodes, DossierLayoutNode, head);
              DossierPoint pts[4] = {
                { a->x, a->y }, { a->x, a->y }, { b->x, b->y }, { b->x, b->y },
              };
              g_array_append_vals (edge.points, pts, 4);
            }

          if (edge.points->len > 0)
            {
              /* The label sits on the curve's middle control point. */
              edge.label = g_array_index (edge.points, DossierPoint, edge.points->len / 2);
            }

          g_array_append_val (layout->edges, edge);
        }
    }

  gvFreeLayout (gvc, g);
  agclose (g);
  gvFreeContext (gvc);

  return TRUE;
}

static int
compare_edges (gconstpointer a,
               gconstpointer b)
{
  const DossierLayoutEdge *ea = a;
  const DossierLayoutEdge *eb = b;

  return (ea->relation > eb->relation) - (ea->relation < eb->relation);
}

DossierLayout *
dossier_layout_compute (DossierSubgraph      *subgraph,
                        DossierLayoutEngine   engine,
                        GCancellable         *cancellable,
                        GError              **error)
{
  g_autoptr(DossierLayout) layout = NULL;
  gboolean ok;

  g_return_val_if_fail (subgraph != NULL, NULL);

  if (engine == DOSSIER_LAYOUT_AUTO)
    engine = dossier_layout_engine_for_size (subgraph->entities->len,
                                             subgraph->relations->len);

  layout = dossier_layout_new ();
  layout->engine = engine;

  if (subgraph->entities->len == 0)
    return g_steal_pointer (&layout);

  g_mutex_lock (&graphviz_lock);
  /* A newer request may have cancelled this one while it waited. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    ok = FALSE;
  else
    ok = run_layout (layout, subgraph, engine, error);
  g_mutex_unlock (&graphviz_lock);

  if (!ok)
    return NULL;

  g_array_sort (layout->edges, compare_edges);

  return g_steal_pointer (&layout);
}

typedef struct
{
  DossierSubgraph     *subgraph;
  DossierLayoutEngine  engine;
} LayoutData;

static void
layout_data_free (LayoutData *data)
{
  dossier_subgraph_unref (data->subgraph);
  g_free (data);
}

static void
layout_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  LayoutData *data = task_data;
  GError *error = NULL;
  DossierLayout *layout;

  layout = dossier_layout_compute (data->subgraph, data->engine, cancellable, &error);
  if (layout == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, layout, (GDestroyNotify) dossier_layout_unref);
}

void
dossier_layout_compute_async (DossierSubgraph     *subgraph,
                              DossierLayoutEngine  engine,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LayoutData *data;

  g_return_if_fail (subgraph != NULL);

  data = g_new0 (LayoutData, 1);
  data->subgraph = dossier_subgraph_ref (subgraph);
  data->engine = engine;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_layout_compute_async);
  g_task_set_task_data (task, data, (GDestroyNotify) layout_data_free);
  g_task_run_in_thread (task, layout_thread);
}

DossierLayout *
dossier_layout_compute_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

int
dossier_layout_node_at (DossierLayout *layout,
                        double         x,
                        double         y)
{
  g_return_val_if_fail (layout != NULL, -1);

  /* Last drawn is on top. */
  for (int i = (int) layout->nodes->len - 1; i >= 0; i--)
    {
      const DossierLayoutNode *n = &g_array_index (layout->nodes, DossierLayoutNode, i);

      if (fabs (x - n->x) <= n->width / 2 && fabs (y - n->y) <= n->height / 2)
        return i;
    }

  return -1;
}

static double
segment_distance (DossierPoint p,
                  DossierPoint a,
                  DossierPoint b)
{
  double dx = b.x - a.x, dy = b.y - a.y;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;

  t = CLAMP (t, 0.0, 1.0);
  return hypot (p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

static DossierPoint
bezier_point (const DossierPoint *c,
              double              t)
{
  double u = 1 - t;
  double a = u * u * u, b = 3 * u * u * t, d = 3 * u * t * t, e = t * t * t;

  return (DossierPoint) {
    a * c[0].x + b * c[1].x + d * c[2].x + e * c[3].x,
    a * c[0].y + b * c[1].y + d * c[2].y + e * c[3].y,
  };
}

int
dossier_layout_edge_at (DossierLayout *layout,
                        double         x,
                        double         y,
                        double         tolerance)
{
  DossierPoint p = { x, y };
  double best = tolerance;
  int found = -1;

  g_return_val_if_fail (layout != NULL, -1);

  for (guint i = 0; i < layout->edges->len; i++)
    {
      const DossierLayoutEdge *e = &g_array_index (layout->edges, DossierLayoutEdge, i);
      const DossierPoint *pts = (const DossierPoint *) (gpointer) e->points->data;

      /* Flatten each cubic into short segments. */
      for (guint s = 0; s + 3 < e->points->len; s += 3)
        {
          DossierPoint prev = pts[s];

          for (int k = 1; k <= 12; k++)
            {
              DossierPoint next = bezier_point (pts + s, k / 12.0);
              double d = segment_distance (p, prev, next);

              if (d <= best)
                {
                  best = d;
                  found = i;
                }
              prev = next;
            }
        }

      if (e->has_arrow && e->points->len > 0)
        {
          double d = segment_distance (p, pts[e->points->len - 1], e->arrow_tip);

          if (d <= best)
            {
              best = d;
              found = i;
            }
        }
    }

  return found;
}

int
dossier_layout_find_entity (DossierLayout *layout,
                            guint          entity)
{
  g_return_val_if_fail (layout != NULL, -1);

  /* Nodes are in subgraph order, which is sorted by entity id. */
  for (guint i = 0; i < layout->nodes->len; i++)
    {
      if (g_array_index (layout->nodes, DossierLayoutNode, i).entity == entity)
        return i;
    }

  return -1;
}
