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
#include <string.h>

#include <pango/pangocairo.h>

#include "dossier-enums.h"
#include "dossier-layout-private.h"
#include "dossier-positions.h"
#include "dossier-render.h"
#include "dossier-style.h"

G_DEFINE_QUARK (dossier-layout-error-quark, dossier_layout_error)

/* Graphviz 2.42 keeps global state: one layout at a time, process-wide. */
static GMutex graphviz_lock;

/* The nicks are the names Graphviz knows ("auto" aside), the CLI's
 * --engine and the saved setting: keep them. */
const char *
dossier_layout_engine_to_string (DossierLayoutEngine engine)
{
  const char *nick = dossier_enum_to_nick (DOSSIER_TYPE_LAYOUT_ENGINE, engine);

  g_return_val_if_fail (nick != NULL, NULL);
  return nick;
}

gboolean
dossier_layout_engine_from_string (const char          *str,
                                   DossierLayoutEngine *engine)
{
  int value;

  if (!dossier_enum_from_nick (DOSSIER_TYPE_LAYOUT_ENGINE, str, &value))
    return FALSE;
  *engine = value;
  return TRUE;
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

gboolean
dossier_layout_engine_is_practical (DossierLayoutEngine engine,
                                    guint               n_nodes,
                                    guint               n_edges)
{
  /* `ENGINE -Tplain` on random digraphs, this machine (2 cores, under
   * load): dot 200 nodes/400 edges 1.2 s, 300/600 18 s, 200/1000 > 90 s;
   * circo 100/200 2.2 s, 200/400 29 s, 200/1000 > 90 s; fdp 200/1000 5 s,
   * 1000/2000 92 s; neato (with overlap removal, in process) 1000 nodes
   * 3.9 s, 5000 102 s.  The bounds keep each near 15 s at most. */
  switch (engine)
    {
    case DOSSIER_LAYOUT_DOT:
      return n_nodes <= 300 && n_edges <= 500;
    case DOSSIER_LAYOUT_CIRCO:
      return n_nodes <= 150 && n_edges <= 300;
    case DOSSIER_LAYOUT_FDP:
      return n_nodes <= 400 && n_edges <= 1500;
    case DOSSIER_LAYOUT_NEATO:
      return n_nodes <= 1500 && n_edges <= 4000;
    case DOSSIER_LAYOUT_AUTO:
    case DOSSIER_LAYOUT_SFDP:
    default:
      return TRUE;
    }
}

static void
layout_edge_clear (DossierLayoutEdge *edge)
{
  g_clear_pointer (&edge->points, g_array_unref);
}

static void layout_index_free (gpointer index);

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

  g_clear_pointer (&layout->index, layout_index_free);
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

/* Graphviz y points up; ours points down, with the drawing moved into a
 * margin.  The one place that converts. */
static inline DossierPoint
to_view (pointf p,
         boxf   bb)
{
  return (DossierPoint) {
    p.x - bb.LL.x + DOSSIER_LAYOUT_MARGIN,
    bb.UR.y - p.y + DOSSIER_LAYOUT_MARGIN,
  };
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

#define FLATTEN_STEPS 12

/* The point halfway along the curve, measured on a flattened copy. */
static DossierPoint
curve_midpoint (GArray *points)
{
  const DossierPoint *pts = (const DossierPoint *) (gpointer) points->data;
  g_autoptr(GArray) flat = g_array_new (FALSE, FALSE, sizeof (DossierPoint));
  double total = 0, half, walked = 0;

  if (points->len == 0)
    return (DossierPoint) { 0, 0 };

  g_array_append_val (flat, pts[0]);
  for (guint s = 0; s + 3 < points->len; s += 3)
    {
      for (int k = 1; k <= FLATTEN_STEPS; k++)
        {
          DossierPoint p = bezier_point (pts + s, (double) k / FLATTEN_STEPS);
          g_array_append_val (flat, p);
        }
    }

  for (guint i = 1; i < flat->len; i++)
    {
      DossierPoint a = g_array_index (flat, DossierPoint, i - 1);
      DossierPoint b = g_array_index (flat, DossierPoint, i);
      total += hypot (b.x - a.x, b.y - a.y);
    }

  half = total / 2;
  for (guint i = 1; i < flat->len; i++)
    {
      DossierPoint a = g_array_index (flat, DossierPoint, i - 1);
      DossierPoint b = g_array_index (flat, DossierPoint, i);
      double len = hypot (b.x - a.x, b.y - a.y);

      if (walked + len >= half && len > 0)
        {
          double t = (half - walked) / len;
          return (DossierPoint) { a.x + t * (b.x - a.x), a.y + t * (b.y - a.y) };
        }
      walked += len;
    }

  return g_array_index (flat, DossierPoint, 0);
}

/* Curved edges that avoid the nodes only up to these sizes.  Routing
 * them costs neato, fdp, sfdp and circo more than the layout itself and
 * grows fast (measured: 30 nodes 0.14 s, 50 nodes 0.5 s, 100 nodes 3.6 s);
 * dot routes its own splines cheaply. */
#define CURVED_SPLINES_MAX_NODES     60
#define CURVED_SPLINES_MAX_EDGES     120
#define DOT_CURVED_SPLINES_MAX_NODES 400

static gboolean
wants_curves (DossierLayoutEngine engine,
              guint               n_nodes,
              guint               n_edges)
{
  if (engine == DOSSIER_LAYOUT_DOT)
    return n_nodes <= DOT_CURVED_SPLINES_MAX_NODES;
  return n_nodes <= CURVED_SPLINES_MAX_NODES && n_edges <= CURVED_SPLINES_MAX_EDGES;
}

static void
set_graph_attributes (Agraph_t            *g,
                      DossierLayoutEngine  engine,
                      guint                n_nodes,
                      guint                n_edges)
{
  g_autofree char *font_size = g_strdup_printf ("%g", DOSSIER_STYLE_FONT_SIZE);
  gboolean curved = wants_curves (engine, n_nodes, n_edges);

  agattr (g, AGRAPH, S ("splines"), S (curved ? "true" : "line"));
  agattr (g, AGRAPH, S ("outputorder"), S ("edgesfirst"));
  agattr (g, AGRAPH, S ("pad"), S ("0"));

  switch (engine)
    {
    case DOSSIER_LAYOUT_DOT:
      agattr (g, AGRAPH, S ("nodesep"), S ("0.4"));
      agattr (g, AGRAPH, S ("ranksep"), S ("0.7"));
      break;

    case DOSSIER_LAYOUT_CIRCO:
      agattr (g, AGRAPH, S ("mindist"), S ("0.6"));
      agattr (g, AGRAPH, S ("overlap"), S ("prism"));
      break;

    case DOSSIER_LAYOUT_NEATO:
    case DOSSIER_LAYOUT_FDP:
    case DOSSIER_LAYOUT_SFDP:
    case DOSSIER_LAYOUT_AUTO:
    default:
      /* Overlap removal keeps every label readable. */
      agattr (g, AGRAPH, S ("overlap"), S ("prism"));
      agattr (g, AGRAPH, S ("sep"), S ("+8"));
      agattr (g, AGRAPH, S ("esep"), S ("+4"));
      /* prism first scales the layout by 4 label sizes by default, which
       * made the seeds' graph twice as tall as needed and its labels
       * unreadable at "fit"; 1.5 keeps it compact and still overlap-free. */
      if (engine != DOSSIER_LAYOUT_SFDP)
        {
          agattr (g, AGRAPH, S ("overlap_scaling"), S ("-1.5"));
          /* Actors without a visible relation would otherwise drift far
           * out and shrink everything at "fit": pack the pieces side by
           * side.  Not for sfdp: packing 5,000 nodes took 50 s instead of
           * 12 s, and big graphs are explored by zooming anyway. */
          agattr (g, AGRAPH, S ("pack"), S ("8"));
          agattr (g, AGRAPH, S ("packmode"), S ("graph"));
        }
      break;
    }

  /* Node sizes are measured with the renderer's own Pango font and fixed
   * (see run_layout), so Graphviz never measures text: labels are empty.
   * That also keeps Graphviz 2.42's pango plugin out of the way, which
   * reads a font name freed with the previous graph (AddressSanitizer:
   * heap-use-after-free in textspan_size on every later layout). */
  agattr (g, AGNODE, S ("fontname"), S (DOSSIER_STYLE_FONT_FAMILY));
  agattr (g, AGNODE, S ("fontsize"), font_size);
  agattr (g, AGNODE, S ("shape"), S ("box"));
  agattr (g, AGNODE, S ("fixedsize"), S ("true"));
  agattr (g, AGNODE, S ("width"), S ("0.75"));
  agattr (g, AGNODE, S ("height"), S ("0.5"));
  agattr (g, AGNODE, S ("label"), S (""));
  agattr (g, AGEDGE, S ("len"), S ("1.2"));
  agattr (g, AGEDGE, S ("dir"), S ("forward"));
}

/* Graphviz prints warnings ("falling back to straight line edges") on
 * stderr, which would end up in dossier-cli's output: log them instead. */
static int
graphviz_message (char *message)
{
  /* The buffer is Graphviz's and may be read-only: copy, never edit. */
  g_autofree char *copy = g_strchomp (g_strdup (message));

  g_debug ("Graphviz: %s", copy);
  return 0;
}

/* Only used under graphviz_lock, like Graphviz itself. */
static PangoFontMap *measure_font_map;
static GVC_t *graphviz_context;

/* The range of the weights (dossier_subgraph_entity_weight) nodes are
 * sized by. */
static void
weight_range (DossierSubgraph *subgraph,
              double          *min,
              double          *max)
{
  *min = G_MAXDOUBLE;
  *max = -G_MAXDOUBLE;
  for (guint i = 0; i < subgraph->entities->len; i++)
    {
      double w = dossier_subgraph_entity_weight (subgraph, i);

      *min = MIN (*min, w);
      *max = MAX (*max, w);
    }
}

/* Width and height per node, in points, from the renderer's own text
 * metrics, grown by the actor's weight within the subgraph's range. */
static double *
measure_nodes (DossierSubgraph *subgraph)
{
  DossierGraph *graph = subgraph->graph;
  PangoContext *context;
  double *sizes;
  double min, max;

  if (measure_font_map == NULL)
    measure_font_map = pango_cairo_font_map_new ();
  context = dossier_render_create_context (measure_font_map);

  weight_range (subgraph, &min, &max);
  sizes = g_new (double, 2 * subgraph->entities->len);
  for (guint i = 0; i < subgraph->entities->len; i++)
    {
      guint id = g_array_index (subgraph->entities, guint, i);
      const DossierEntity *entity = dossier_graph_get_entity (graph, id);
      const DossierNodeStyle *style = dossier_style_node (entity->type, FALSE);
      double tw, th;

      dossier_render_measure_label (context, entity->name, &tw, &th);
      dossier_style_node_size (style->shape, tw, th,
                               dossier_style_node_scale (dossier_subgraph_entity_weight (subgraph, i), min, max),
                               &sizes[2 * i], &sizes[2 * i + 1]);
    }
  g_object_unref (context);

  return sizes;
}

void
dossier_layout_add_node (DossierLayout            *layout,
                         const DossierLayoutInput *input,
                         guint                     i,
                         DossierPoint              centre)
{
  DossierLayoutNode node;
  const DossierEntity *entity;

  node.entity = g_array_index (input->subgraph->entities, guint, i);
  entity = dossier_graph_get_entity (input->subgraph->graph, node.entity);
  node.x = centre.x;
  node.y = centre.y;
  node.width = input->sizes[2 * i];
  node.height = input->sizes[2 * i + 1];
  node.shape = dossier_style_node (entity->type, FALSE)->shape;
  node.pinned = input->pinned != NULL && input->pinned[i];
  g_array_append_val (layout->nodes, node);
}

/* The cgraph graph for @input.  With places, Graphviz starts from them
 * (points, y up, hence inputscale and the sign) and keeps the hard ones;
 * @route_only keeps every node where it is and only draws the edges. */
static Agraph_t *
build_graph (const DossierLayoutInput *input,
             DossierLayoutEngine       engine,
             gboolean                  route_only,
             Agnode_t                **nodes,
             Agedge_t                **edges)
{
  DossierSubgraph *subgraph = input->subgraph;
  DossierGraph *graph = subgraph->graph;
  Agraph_t *g = agopen (S ("dossier"), Agdirected, NULL);

  set_graph_attributes (g, engine, subgraph->entities->len, subgraph->relations->len);
  if (input->place != NULL)
    {
      agattr (g, AGRAPH, S ("inputscale"), S ("72"));
      agattr (g, AGRAPH, S ("notranslate"), S ("true"));
    }
  if (route_only)
    {
      /* Overlap removal and packing would move pinned nodes too. */
      agattr (g, AGRAPH, S ("overlap"), S ("true"));
      agattr (g, AGRAPH, S ("pack"), S ("false"));
    }

  for (guint i = 0; i < subgraph->entities->len; i++)
    {
      guint id = g_array_index (subgraph->entities, guint, i);
      const DossierEntity *entity = dossier_graph_get_entity (graph, id);
      const DossierNodeStyle *style = dossier_style_node (entity->type, FALSE);
      g_autofree char *node_name = g_strdup_printf ("n%u", id);
      char width[G_ASCII_DTOSTR_BUF_SIZE], height[G_ASCII_DTOSTR_BUF_SIZE];

      nodes[i] = agnode (g, node_name, TRUE);
      set_attr (nodes[i], "shape", style->graphviz_shape);
      /* Graphviz wants inches; the locale must not turn the dot into a comma. */
      set_attr (nodes[i], "width", g_ascii_dtostr (width, sizeof width, input->sizes[2 * i] / 72.0));
      set_attr (nodes[i], "height", g_ascii_dtostr (height, sizeof height, input->sizes[2 * i + 1] / 72.0));
      if (input->place != NULL && input->known[i])
        {
          char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];
          g_autofree char *pos = g_strconcat (g_ascii_dtostr (x, sizeof x, input->place[i].x), ",",
                                              g_ascii_dtostr (y, sizeof y, -input->place[i].y),
                                              input->hard[i] ? "!" : "", NULL);

          set_attr (nodes[i], "pos", pos);
        }
    }

  for (guint i = 0; i < subgraph->relations->len; i++)
    {
      guint id = g_array_index (subgraph->relations, guint, i);
      const DossierRelation *relation = dossier_graph_get_relation (graph, id);
      int s = dossier_subgraph_find_entity (subgraph, relation->source);
      int t = dossier_subgraph_find_entity (subgraph, relation->target);
      g_autofree char *edge_name = g_strdup_printf ("r%u", id);

      if (s < 0 || t < 0 || s == t)
        continue;

      /* Not a strict graph: parallel relations each get their own curve. */
      edges[i] = agedge (g, nodes[s], nodes[t], edge_name, TRUE);
      if (dossier_relation_type_is_symmetric (relation->type))
        set_attr (edges[i], "dir", "none");
    }

  return g;
}

/* The stable frame: y down, and where hard nodes were given a place, the
 * translation that puts them back there (Graphviz may move the drawing). */
static DossierPoint
find_origin (DossierLayout            *layout,
             const DossierLayoutInput *input,
             boxf                      bb)
{
  double x = 0, y = 0;
  guint n = 0;

  for (guint i = 0; input->place != NULL && i < layout->nodes->len; i++)
    {
      const DossierLayoutNode *node = &g_array_index (layout->nodes, DossierLayoutNode, i);

      if (!input->hard[i])
        continue;
      x += input->place[i].x - node->x;
      y += input->place[i].y - node->y;
      n++;
    }
  if (n > 0)
    return (DossierPoint) { x / n, y / n };
  return (DossierPoint) { bb.LL.x - DOSSIER_LAYOUT_MARGIN, -bb.UR.y - DOSSIER_LAYOUT_MARGIN };
}

static void
read_edges (DossierLayout            *layout,
            const DossierLayoutInput *input,
            Agedge_t                **edges,
            boxf                      bb)
{
  DossierSubgraph *subgraph = input->subgraph;

  for (guint i = 0; i < subgraph->relations->len; i++)
    {
      guint id = g_array_index (subgraph->relations, guint, i);
      const DossierRelation *relation = dossier_graph_get_relation (subgraph->graph, id);
      DossierLayoutEdge edge = { 0 };
      splines *spl;

      if (edges[i] == NULL)
        continue;

      spl = ED_spl (edges[i]);
      edge.relation = id;
      edge.tail = dossier_subgraph_find_entity (subgraph, relation->source);
      edge.head = dossier_subgraph_find_entity (subgraph, relation->target);
      edge.points = g_array_new (FALSE, FALSE, sizeof (DossierPoint));

      if (spl != NULL && spl->size > 0 && spl->list[0].size >= 4)
        {
          bezier *bz = &spl->list[0];

          for (int p = 0; p < bz->size; p++)
            {
              DossierPoint pt = to_view (bz->list[p], bb);
              g_array_append_val (edge.points, pt);
            }
          if (bz->eflag)
            {
              edge.has_arrow = TRUE;
              edge.arrow_tip = to_view (bz->ep, bb);
            }
        }
      else
        {
          /* No spline (e.g. the nodes overlap): a straight segment. */
          const DossierLayoutNode *a = &g_array_index (layout->nodes, DossierLayoutNode, edge.tail);
          const DossierLayoutNode *b = &g_array_index (layout->nodes, DossierLayoutNode, edge.head);
          DossierPoint pts[4] = {
            { a->x, a->y },
            { a->x + (b->x - a->x) / 3, a->y + (b->y - a->y) / 3 },
            { a->x + 2 * (b->x - a->x) / 3, a->y + 2 * (b->y - a->y) / 3 },
            { b->x, b->y },
          };
          g_array_append_vals (edge.points, pts, 4);
        }

      g_array_append_val (layout->edges, edge);
    }
}

static gboolean
run_graphviz (DossierLayout             *layout,
              const DossierLayoutInput  *input,
              DossierLayoutEngine        engine,
              gboolean                   route_only,
              GCancellable              *cancellable,
              GError                   **error)
{
  DossierSubgraph *subgraph = input->subgraph;
  g_autofree Agnode_t **nodes = g_new0 (Agnode_t *, subgraph->entities->len);
  g_autofree Agedge_t **edges = g_new0 (Agedge_t *, subgraph->relations->len);
  Agraph_t *g;
  boxf bb;

  /* One context for the process: each new one re-reads the plugin
   * configuration and Graphviz 2.42 leaks a few KiB doing so. */
  agseterrf (graphviz_message);
  if (graphviz_context == NULL)
    graphviz_context = gvContext ();
  g = build_graph (input, engine, route_only, nodes, edges);

  /* A newer request may have cancelled this one while it was built. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      agclose (g);
      return FALSE;
    }

  if (gvLayout (graphviz_context, g, dossier_layout_engine_to_string (engine)) != 0)
    {
      g_set_error (error, DOSSIER_LAYOUT_ERROR, DOSSIER_LAYOUT_ERROR_FAILED,
                   _("Graphviz could not lay out the graph with %s"),
                   dossier_layout_engine_to_string (engine));
      agclose (g);
      return FALSE;
    }

  bb = GD_bb (g);
  layout->width = bb.UR.x - bb.LL.x + 2 * DOSSIER_LAYOUT_MARGIN;
  layout->height = bb.UR.y - bb.LL.y + 2 * DOSSIER_LAYOUT_MARGIN;
  for (guint i = 0; i < subgraph->entities->len; i++)
    dossier_layout_add_node (layout, input, i, to_view (ND_coord (nodes[i]), bb));
  layout->origin = find_origin (layout, input, bb);
  read_edges (layout, input, edges, bb);

  gvFreeLayout (graphviz_context, g);
  agclose (g);

  return TRUE;
}

/* Fills input->place, known and hard from @positions; returns how many
 * nodes have a place, and in @n_hard how many must keep it. */
static guint
look_up_places (DossierLayoutInput *input,
                DossierPositions   *positions,
                DossierLayoutFlags  flags,
                guint              *n_hard)
{
  DossierSubgraph *subgraph = input->subgraph;
  guint n = subgraph->entities->len, n_known = 0;

  *n_hard = 0;
  input->place = g_new0 (DossierPoint, n);
  input->known = g_new0 (gboolean, n);
  input->hard = g_new0 (gboolean, n);
  input->pinned = g_new0 (gboolean, n);

  for (guint i = 0; positions != NULL && i < n; i++)
    {
      const DossierEntity *entity =
        dossier_graph_get_entity (subgraph->graph, g_array_index (subgraph->entities, guint, i));
      gboolean pinned = FALSE;

      if (!dossier_positions_lookup (positions, entity->name,
                                     &input->place[i].x, &input->place[i].y, &pinned))
        continue;
      /* A fresh layout forgets where unpinned actors were. */
      if (!pinned && !(flags & DOSSIER_LAYOUT_FLAGS_KEEP))
        continue;
      input->known[i] = TRUE;
      input->pinned[i] = pinned;
      input->hard[i] = pinned || (flags & DOSSIER_LAYOUT_FLAGS_KEEP);
      n_known++;
      *n_hard += input->hard[i];
    }

  return n_known;
}

/* A first layout by @engine that holds the hard nodes where the engine
 * can (neato and fdp; overlap removal may still nudge them): it gives the
 * other nodes their places. */
static gboolean
place_by_engine (DossierLayoutInput   *input,
                 DossierLayoutEngine   engine,
                 GCancellable         *cancellable,
                 GError              **error)
{
  g_autoptr(DossierLayout) first = dossier_layout_new ();

  if (!run_graphviz (first, input, engine, FALSE, cancellable, error))
    return FALSE;

  for (guint i = 0; i < first->nodes->len; i++)
    {
      const DossierLayoutNode *node = &g_array_index (first->nodes, DossierLayoutNode, i);

      if (input->hard[i])
        continue;
      input->place[i] = (DossierPoint) { node->x + first->origin.x, node->y + first->origin.y };
      input->known[i] = TRUE;
    }
  return TRUE;
}

static gboolean
run_layout (DossierLayout       *layout,
            DossierSubgraph     *subgraph,
            DossierLayoutEngine  engine,
            DossierPositions    *positions,
            DossierLayoutFlags   flags,
            GCancellable        *cancellable,
            GError             **error)
{
  DossierLayoutInput input = { subgraph };
  g_autofree double *sizes = NULL;
  g_autofree DossierPoint *place = NULL;
  g_autofree gboolean *known = NULL, *hard = NULL, *pinned = NULL;
  guint n = subgraph->entities->len, n_known, n_hard;

  input.sizes = sizes = measure_nodes (subgraph);
  n_known = look_up_places (&input, positions, flags, &n_hard);
  place = input.place, known = input.known, hard = input.hard, pinned = input.pinned;

  if (n_known == 0)
    {
      input.place = NULL;
      return run_graphviz (layout, &input, engine, FALSE, cancellable, error);
    }

  /* Mostly new nodes deserve the engine's layout around the kept ones;
   * a few are better put by their neighbours, leaving the rest still. */
  if ((n_known < n && n_known * 2 < n) || !(flags & DOSSIER_LAYOUT_FLAGS_KEEP))
    {
      if (!place_by_engine (&input, engine, cancellable, error))
        return FALSE;
    }
  dossier_layout_place_nodes (&input);
  layout->steady = TRUE;

  if (!wants_curves (DOSSIER_LAYOUT_NEATO, n, subgraph->relations->len))
    {
      dossier_layout_route_straight (layout, &input);
      return TRUE;
    }

  /* Curves that avoid the nodes come from Graphviz, every node pinned. */
  for (guint i = 0; i < n; i++)
    hard[i] = TRUE;
  return run_graphviz (layout, &input, DOSSIER_LAYOUT_NEATO, TRUE, cancellable, error);
}

/* The hit-testing grid.  Each cell lists the nodes whose box and the
 * edges whose flattened polyline (arrow included) cross it, in
 * compressed rows: items of cell c are items[start[c] .. start[c + 1]). */
typedef struct
{
  double        x0;
  double        y0;
  double        cell;
  int           cols;
  int           rows;
  guint        *node_start;
  guint        *node_items;
  guint        *edge_start;
  guint        *edge_items;
  guint        *poly_start;  /* per edge, into poly; n_edges + 1 entries */
  DossierPoint *poly;
} LayoutIndex;

static void
layout_index_free (gpointer data)
{
  LayoutIndex *index = data;

  g_free (index->node_start);
  g_free (index->node_items);
  g_free (index->edge_start);
  g_free (index->edge_items);
  g_free (index->poly_start);
  g_free (index->poly);
  g_free (index);
}

static inline int
cell_col (const LayoutIndex *index,
          double             x)
{
  int c = (int) floor ((x - index->x0) / index->cell);
  return CLAMP (c, 0, index->cols - 1);
}

static inline int
cell_row (const LayoutIndex *index,
          double             y)
{
  int r = (int) floor ((y - index->y0) / index->cell);
  return CLAMP (r, 0, index->rows - 1);
}

/* Loops over the index of every cell that the box touches. */
#define FOR_EACH_CELL(index, x1, y1, x2, y2, cellvar)                       \
  for (int _r = cell_row ((index), (y1)); _r <= cell_row ((index), (y2)); _r++) \
    for (int _c = cell_col ((index), (x1)), cellvar = _r * (index)->cols + _c; \
         _c <= cell_col ((index), (x2));                                    \
         _c++, cellvar = _r * (index)->cols + _c)

static void
flatten_edges (LayoutIndex   *index,
               DossierLayout *layout)
{
  GArray *poly = g_array_new (FALSE, FALSE, sizeof (DossierPoint));

  index->poly_start = g_new (guint, layout->edges->len + 1);

  for (guint i = 0; i < layout->edges->len; i++)
    {
      const DossierLayoutEdge *e = &g_array_index (layout->edges, DossierLayoutEdge, i);
      const DossierPoint *pts = (const DossierPoint *) (gpointer) e->points->data;

      index->poly_start[i] = poly->len;
      if (e->points->len == 0)
        continue;

      g_array_append_val (poly, pts[0]);
      for (guint s = 0; s + 3 < e->points->len; s += 3)
        {
          /* Chords about 6 points long stray well under a point from
           * the curve; straight segments need just one. */
          double hull = hypot (pts[s + 1].x - pts[s].x, pts[s + 1].y - pts[s].y) +
                        hypot (pts[s + 2].x - pts[s + 1].x, pts[s + 2].y - pts[s + 1].y) +
                        hypot (pts[s + 3].x - pts[s + 2].x, pts[s + 3].y - pts[s + 2].y);
          double chord = hypot (pts[s + 3].x - pts[s].x, pts[s + 3].y - pts[s].y);
          int steps = hull - chord < 0.01 ? 1 : CLAMP ((int) ceil (hull / 6.0), 4, 64);

          for (int k = 1; k <= steps; k++)
            {
              DossierPoint p = bezier_point (pts + s, (double) k / steps);
              g_array_append_val (poly, p);
            }
        }
      if (e->has_arrow)
        g_array_append_val (poly, e->arrow_tip);
    }
  index->poly_start[layout->edges->len] = poly->len;
  index->poly = (DossierPoint *) (gpointer) g_array_free (poly, FALSE);
}

/* Two passes over the same cells: count, then fill.  An edge crossing a
 * cell with several segments is listed there once. */
static void
fill_edges (LayoutIndex   *index,
            guint          n_edges,
            guint         *counts,
            guint         *items,
            int           *last)
{
  for (guint i = 0; i < n_edges; i++)
    {
      for (guint p = index->poly_start[i] + 1; p < index->poly_start[i + 1]; p++)
        {
          DossierPoint a = index->poly[p - 1], b = index->poly[p];

          FOR_EACH_CELL (index, MIN (a.x, b.x), MIN (a.y, b.y), MAX (a.x, b.x), MAX (a.y, b.y), cell)
            {
              if (last[cell] == (int) i)
                continue;
              last[cell] = i;
              if (items != NULL)
                items[counts[cell]++] = i;
              else
                counts[cell]++;
            }
        }
    }
}

static LayoutIndex *
layout_index_new (DossierLayout *layout)
{
  LayoutIndex *index = g_new0 (LayoutIndex, 1);
  guint n_nodes = layout->nodes->len, n_edges = layout->edges->len;
  guint n_cells;
  g_autofree guint *fill = NULL;
  g_autofree int *last = NULL;

  /* About one item per cell, but never cells smaller than a few points
   * nor more than a million of them. */
  index->x0 = 0;
  index->y0 = 0;
  index->cell = sqrt (MAX (layout->width, 1) * MAX (layout->height, 1) / MAX (n_nodes + n_edges, 1));
  index->cell = MAX (index->cell, 8.0);
  while ((MAX (layout->width, 1) / index->cell) * (MAX (layout->height, 1) / index->cell) > 1e6)
    index->cell *= 2;
  index->cols = MAX (1, (int) ceil (layout->width / index->cell));
  index->rows = MAX (1, (int) ceil (layout->height / index->cell));
  n_cells = index->cols * index->rows;

  fill = g_new0 (guint, n_cells + 1);

  /* Nodes. */
  index->node_start = g_new0 (guint, n_cells + 1);
  for (guint i = 0; i < n_nodes; i++)
    {
      const DossierLayoutNode *n = &g_array_index (layout->nodes, DossierLayoutNode, i);

      FOR_EACH_CELL (index, n->x - n->width / 2, n->y - n->height / 2,
                     n->x + n->width / 2, n->y + n->height / 2, cell)
        index->node_start[cell + 1]++;
    }
  for (guint c = 0; c < n_cells; c++)
    index->node_start[c + 1] += index->node_start[c];
  index->node_items = g_new (guint, MAX (index->node_start[n_cells], 1));
  memcpy (fill, index->node_start, (n_cells + 1) * sizeof (guint));
  for (guint i = 0; i < n_nodes; i++)
    {
      const DossierLayoutNode *n = &g_array_index (layout->nodes, DossierLayoutNode, i);

      FOR_EACH_CELL (index, n->x - n->width / 2, n->y - n->height / 2,
                     n->x + n->width / 2, n->y + n->height / 2, cell)
        index->node_items[fill[cell]++] = i;
    }

  /* Edges. */
  flatten_edges (index, layout);
  last = g_new (int, n_cells);
  memset (last, 0xff, n_cells * sizeof (int));
  index->edge_start = g_new0 (guint, n_cells + 1);
  fill_edges (index, n_edges, index->edge_start + 1, NULL, last);
  for (guint c = 0; c < n_cells; c++)
    index->edge_start[c + 1] += index->edge_start[c];
  index->edge_items = g_new (guint, MAX (index->edge_start[n_cells], 1));
  memcpy (fill, index->edge_start, (n_cells + 1) * sizeof (guint));
  memset (last, 0xff, n_cells * sizeof (int));
  fill_edges (index, n_edges, fill, index->edge_items, last);

  return index;
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
  return dossier_layout_compute_full (subgraph, engine, NULL, DOSSIER_LAYOUT_FLAGS_NONE,
                                      cancellable, error);
}

DossierLayout *
dossier_layout_compute_full (DossierSubgraph      *subgraph,
                             DossierLayoutEngine   engine,
                             DossierPositions     *positions,
                             DossierLayoutFlags    flags,
                             GCancellable         *cancellable,
                             GError              **error)
{
  g_autoptr(DossierLayout) layout = NULL;
  gboolean ok;

  g_return_val_if_fail (subgraph != NULL, NULL);

  if (engine == DOSSIER_LAYOUT_AUTO)
    engine = dossier_layout_engine_for_size (subgraph->entities->len,
                                             subgraph->relations->len);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  layout = dossier_layout_new ();
  layout->engine = engine;

  if (subgraph->entities->len == 0)
    return g_steal_pointer (&layout);

  g_mutex_lock (&graphviz_lock);
  /* A newer request may have cancelled this one while it waited. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    ok = FALSE;
  else
    ok = run_layout (layout, subgraph, engine, positions, flags, cancellable, error);
  g_mutex_unlock (&graphviz_lock);

  if (!ok || g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  for (guint i = 0; i < layout->edges->len; i++)
    {
      DossierLayoutEdge *edge = &g_array_index (layout->edges, DossierLayoutEdge, i);

      edge->label = curve_midpoint (edge->points);
    }
  g_array_sort (layout->edges, compare_edges);
  layout->index = layout_index_new (layout);

  return g_steal_pointer (&layout);
}

/* Moves every node and edge of @layout by (@dx, @dy), the origin the
 * other way, so that stable positions stay the same. */
static void
translate_layout (DossierLayout *layout,
                  double         dx,
                  double         dy)
{
  for (guint i = 0; i < layout->nodes->len; i++)
    {
      DossierLayoutNode *node = &g_array_index (layout->nodes, DossierLayoutNode, i);

      node->x += dx;
      node->y += dy;
    }
  for (guint i = 0; i < layout->edges->len; i++)
    {
      DossierLayoutEdge *edge = &g_array_index (layout->edges, DossierLayoutEdge, i);

      for (guint p = 0; p < edge->points->len; p++)
        {
          g_array_index (edge->points, DossierPoint, p).x += dx;
          g_array_index (edge->points, DossierPoint, p).y += dy;
        }
      edge->arrow_tip.x += dx, edge->arrow_tip.y += dy;
      edge->label.x += dx, edge->label.y += dy;
    }
  layout->origin.x -= dx;
  layout->origin.y -= dy;
}

static DossierLayout *
layout_copy (DossierLayout *layout)
{
  DossierLayout *copy = dossier_layout_new ();

  copy->engine = layout->engine;
  copy->width = layout->width;
  copy->height = layout->height;
  copy->origin = layout->origin;
  copy->steady = layout->steady;
  g_array_append_vals (copy->nodes, layout->nodes->data, layout->nodes->len);
  for (guint i = 0; i < layout->edges->len; i++)
    {
      DossierLayoutEdge edge = g_array_index (layout->edges, DossierLayoutEdge, i);

      edge.points = g_array_copy (edge.points);
      g_array_append_val (copy->edges, edge);
    }
  return copy;
}

DossierLayout *
dossier_layout_move_node (DossierLayout   *layout,
                          DossierSubgraph *subgraph,
                          guint            index,
                          double           x,
                          double           y)
{
  g_autoptr(DossierLayout) copy = NULL;
  DossierLayoutNode *node;
  double left, top;

  g_return_val_if_fail (layout != NULL && subgraph != NULL, NULL);
  g_return_val_if_fail (index < layout->nodes->len, NULL);
  g_return_val_if_fail (isfinite (x) && isfinite (y), NULL);

  copy = layout_copy (layout);
  node = &g_array_index (copy->nodes, DossierLayoutNode, index);
  node->x = x;
  node->y = y;
  node->pinned = TRUE;

  /* Past the top or left edge: everything shifts to make room. */
  left = MAX (0, DOSSIER_LAYOUT_MARGIN - (x - node->width / 2));
  top = MAX (0, DOSSIER_LAYOUT_MARGIN - (y - node->height / 2));
  if (left > 0 || top > 0)
    {
      translate_layout (copy, left, top);
      copy->width += left;
      copy->height += top;
    }
  copy->width = MAX (copy->width, node->x + node->width / 2 + DOSSIER_LAYOUT_MARGIN);
  copy->height = MAX (copy->height, node->y + node->height / 2 + DOSSIER_LAYOUT_MARGIN);

  for (guint i = 0; i < copy->edges->len; i++)
    {
      DossierLayoutEdge *edge = &g_array_index (copy->edges, DossierLayoutEdge, i);

      if (edge->tail != index && edge->head != index)
        continue;
      g_clear_pointer (&edge->points, g_array_unref);
      edge->has_arrow = FALSE;
      dossier_layout_route_edge (copy, edge, dossier_graph_get_relation (subgraph->graph, edge->relation));
      edge->label = curve_midpoint (edge->points);
    }
  /* The hit-test grid waits for a question (get_index): a drag makes a
   * copy at every motion and asks where things are once it ends. */
  return g_steal_pointer (&copy);
}

typedef struct
{
  DossierSubgraph     *subgraph;
  DossierLayoutEngine  engine;
  DossierPositions    *positions;
  DossierLayoutFlags   flags;
} LayoutData;

static void
layout_data_free (LayoutData *data)
{
  dossier_subgraph_unref (data->subgraph);
  g_clear_pointer (&data->positions, dossier_positions_unref);
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

  layout = dossier_layout_compute_full (data->subgraph, data->engine, data->positions,
                                        data->flags, cancellable, &error);
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
  dossier_layout_compute_full_async (subgraph, engine, NULL, DOSSIER_LAYOUT_FLAGS_NONE,
                                     cancellable, callback, user_data);
}

void
dossier_layout_compute_full_async (DossierSubgraph     *subgraph,
                                   DossierLayoutEngine  engine,
                                   DossierPositions    *positions,
                                   DossierLayoutFlags   flags,
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
  /* A copy: the window goes on pinning and dragging meanwhile. */
  data->positions = positions != NULL ? dossier_positions_copy (positions) : NULL;
  data->flags = flags;

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

static gboolean
outside_grid (const LayoutIndex *index,
              double             x,
              double             y,
              double             slack)
{
  return x < index->x0 - slack || y < index->y0 - slack ||
         x > index->x0 + index->cols * index->cell + slack ||
         y > index->y0 + index->rows * index->cell + slack;
}

static gboolean
point_in_node (const DossierLayoutNode *n,
               double                   x,
               double                   y)
{
  /* The stroke is 1.5 points wide: count its outer half in. */
  double dx = fabs (x - n->x), dy = fabs (y - n->y);
  double hw = n->width / 2 + 0.75, hh = n->height / 2 + 0.75;

  if (dx > hw || dy > hh)
    return FALSE;

  switch (n->shape)
    {
    case DOSSIER_SHAPE_ELLIPSE:
      return (dx * dx) / (hw * hw) + (dy * dy) / (hh * hh) <= 1.0;
    case DOSSIER_SHAPE_DIAMOND:
      return dx / hw + dy / hh <= 1.0;
    case DOSSIER_SHAPE_HEXAGON:
      return dx <= hw - (hw / 2) * (dy / hh);
    case DOSSIER_SHAPE_BOX:
    default:
      return TRUE;
    }
}

/* The hit-test grid: built with a computed layout, on first use for a
 * moved copy (once, whichever thread asks). */
static const LayoutIndex *
get_index (DossierLayout *layout)
{
  if (g_once_init_enter (&layout->index))
    g_once_init_leave (&layout->index, layout_index_new (layout));
  return layout->index;
}

int
dossier_layout_node_at (DossierLayout *layout,
                        double         x,
                        double         y)
{
  const LayoutIndex *index;
  int cell, found = -1;

  g_return_val_if_fail (layout != NULL, -1);

  index = get_index (layout);
  if (outside_grid (index, x, y, 0))
    return -1;

  cell = cell_row (index, y) * index->cols + cell_col (index, x);
  for (guint k = index->node_start[cell]; k < index->node_start[cell + 1]; k++)
    {
      guint i = index->node_items[k];
      const DossierLayoutNode *n = &g_array_index (layout->nodes, DossierLayoutNode, i);

      /* Items are in drawing order: the last hit is the one on top. */
      if (point_in_node (n, x, y))
        found = i;
    }

  return found;
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

int
dossier_layout_edge_at (DossierLayout *layout,
                        double         x,
                        double         y,
                        double         tolerance)
{
  const LayoutIndex *index;
  DossierPoint p = { x, y };
  double best;
  int found = -1;

  g_return_val_if_fail (layout != NULL, -1);

  index = get_index (layout);
  tolerance = MAX (tolerance, 0);
  if (outside_grid (index, x, y, tolerance))
    return -1;

  best = tolerance;
  FOR_EACH_CELL (index, x - tolerance, y - tolerance, x + tolerance, y + tolerance, cell)
    {
      for (guint k = index->edge_start[cell]; k < index->edge_start[cell + 1]; k++)
        {
          guint i = index->edge_items[k];

          for (guint s = index->poly_start[i] + 1; s < index->poly_start[i + 1]; s++)
            {
              double d = segment_distance (p, index->poly[s - 1], index->poly[s]);

              /* Ties go to the edge drawn later (on top). */
              if (d < best || (d == best && (int) i > found))
                {
                  best = d;
                  found = i;
                }
            }
        }
    }

  return found;
}

/* The index of the element of @array (sorted by a guint id at @offset in
 * each element) whose id is @id, or -1. */
static int
find_sorted (GArray *array,
             gsize   offset,
             guint   id)
{
  gsize size = g_array_get_element_size (array);
  guint lo = 0, hi = array->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      guint mid_id;

      memcpy (&mid_id, array->data + mid * size + offset, sizeof mid_id);
      if (mid_id == id)
        return mid;
      if (mid_id < id)
        lo = mid + 1;
      else
        hi = mid;
    }
  return -1;
}

guint
dossier_layout_node_degree (DossierLayout *layout,
                            guint          index)
{
  guint n = 0;

  g_return_val_if_fail (layout != NULL, 0);

  for (guint e = 0; e < layout->edges->len; e++)
    {
      const DossierLayoutEdge *edge = &g_array_index (layout->edges, DossierLayoutEdge, e);

      n += edge->tail == index || edge->head == index;
    }
  return n;
}

gboolean
dossier_layout_entity_is_pinned (DossierLayout *layout,
                                 guint          entity)
{
  int n;

  if (layout == NULL || (n = dossier_layout_find_entity (layout, entity)) < 0)
    return FALSE;
  return g_array_index (layout->nodes, DossierLayoutNode, n).pinned;
}

int
dossier_layout_find_entity (DossierLayout *layout,
                            guint          entity)
{
  g_return_val_if_fail (layout != NULL, -1);

  /* Nodes are in subgraph order, which is sorted by entity id. */
  return find_sorted (layout->nodes, G_STRUCT_OFFSET (DossierLayoutNode, entity), entity);
}

void
dossier_layout_edge_box (const DossierLayoutEdge *edge,
                         double                   arrow_margin,
                         double                  *x1,
                         double                  *y1,
                         double                  *x2,
                         double                  *y2)
{
  g_return_if_fail (edge != NULL);

  *x1 = *y1 = G_MAXDOUBLE;
  *x2 = *y2 = -G_MAXDOUBLE;
  for (guint i = 0; i < edge->points->len; i++)
    {
      DossierPoint p = g_array_index (edge->points, DossierPoint, i);

      *x1 = MIN (*x1, p.x);
      *y1 = MIN (*y1, p.y);
      *x2 = MAX (*x2, p.x);
      *y2 = MAX (*y2, p.y);
    }
  if (edge->has_arrow)
    {
      *x1 = MIN (*x1, edge->arrow_tip.x - arrow_margin);
      *y1 = MIN (*y1, edge->arrow_tip.y - arrow_margin);
      *x2 = MAX (*x2, edge->arrow_tip.x + arrow_margin);
      *y2 = MAX (*y2, edge->arrow_tip.y + arrow_margin);
    }
}

int
dossier_layout_find_relation (DossierLayout *layout,
                              guint          relation)
{
  g_return_val_if_fail (layout != NULL, -1);

  /* Edges are sorted by relation id. */
  return find_sorted (layout->edges, G_STRUCT_OFFSET (DossierLayoutEdge, relation), relation);
}

DossierLayout *
dossier_layout_new_empty (DossierLayoutEngine engine)
{
  DossierLayout *layout = dossier_layout_new ();

  layout->engine = engine;
  return layout;
}

void
dossier_layout_build_index (DossierLayout *layout)
{
  g_return_if_fail (layout != NULL);

  g_clear_pointer (&layout->index, layout_index_free);
  layout->index = layout_index_new (layout);
}
