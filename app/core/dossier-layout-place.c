/* dossier-layout-place.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The steady layout: actors that were drawn before stay where they were
 * and the new ones are put next to their neighbours, in free space.  No
 * force layout runs here on purpose: any energy minimisation moves the
 * kept nodes, and the person's mental map is worth more than a slightly
 * better drawing (Re-Lay Out gives a fresh one). */

#define G_LOG_DOMAIN "dossier-layout"

#include "config.h"

#include <math.h>

#include "dossier-layout-private.h"
#include "dossier-style.h"

/* Space kept between a new node and its neighbours' boxes, and the
 * length of a new edge, close to what neato's sep and len give. */
#define GAP       16.0
#define EDGE_LEN  86.0

/* Placed boxes on a uniform grid of buckets, for "is this spot free". */
typedef struct
{
  const DossierLayoutInput *input;
  double                    cell;
  GHashTable               *buckets;  /* packed (col, row) -> GArray of guint */
  gboolean                 *placed;
  guint                     n_placed;
  double                    x1, y1, x2, y2;  /* bounds of the placed boxes */
} Occupancy;

static gpointer
bucket_key (int col,
            int row)
{
  /* ±32k cells of at least 32 points: wider than any drawing. */
  col = CLAMP (col, -32767, 32767);
  row = CLAMP (row, -32767, 32767);
  return GUINT_TO_POINTER (((guint) (col & 0xffff) << 16) | (guint) (row & 0xffff));
}

#define FOR_EACH_BUCKET(occ, cx, cy, hw, hh, col, row)                         \
  for (int row = (int) floor (((cy) - (hh)) / (occ)->cell);                    \
       row <= (int) floor (((cy) + (hh)) / (occ)->cell); row++)                \
    for (int col = (int) floor (((cx) - (hw)) / (occ)->cell);                  \
         col <= (int) floor (((cx) + (hw)) / (occ)->cell); col++)

static void
occupancy_init (Occupancy                *occ,
                const DossierLayoutInput *input)
{
  guint n = input->subgraph->entities->len;
  double total = 0;

  for (guint i = 0; i < n; i++)
    total += MAX (input->sizes[2 * i], input->sizes[2 * i + 1]);

  occ->input = input;
  occ->cell = MAX (2 * total / MAX (n, 1), 32.0);
  occ->buckets = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  occ->placed = g_new0 (gboolean, n);
  occ->n_placed = 0;
}

static void
occupancy_clear (Occupancy *occ)
{
  g_clear_pointer (&occ->buckets, g_hash_table_unref);
  g_clear_pointer (&occ->placed, g_free);
}

static void
occupancy_add (Occupancy    *occ,
               guint         i,
               DossierPoint  p)
{
  double hw = occ->input->sizes[2 * i] / 2, hh = occ->input->sizes[2 * i + 1] / 2;

  occ->input->place[i] = p;
  occ->input->known[i] = TRUE;
  occ->placed[i] = TRUE;

  FOR_EACH_BUCKET (occ, p.x, p.y, hw, hh, col, row)
    {
      gpointer key = bucket_key (col, row);
      GArray *bucket = g_hash_table_lookup (occ->buckets, key);

      if (bucket == NULL)
        {
          bucket = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (occ->buckets, key, bucket);
        }
      g_array_append_val (bucket, i);
    }

  if (occ->n_placed++ == 0)
    {
      occ->x1 = p.x - hw, occ->x2 = p.x + hw;
      occ->y1 = p.y - hh, occ->y2 = p.y + hh;
    }
  occ->x1 = MIN (occ->x1, p.x - hw), occ->x2 = MAX (occ->x2, p.x + hw);
  occ->y1 = MIN (occ->y1, p.y - hh), occ->y2 = MAX (occ->y2, p.y + hh);
}

/* Whether node @i's box centred on @p stays @gap clear of every placed box. */
static gboolean
occupancy_is_free (Occupancy    *occ,
                   guint         i,
                   DossierPoint  p,
                   double        gap)
{
  const double *sizes = occ->input->sizes;
  double hw = sizes[2 * i] / 2 + gap, hh = sizes[2 * i + 1] / 2 + gap;

  FOR_EACH_BUCKET (occ, p.x, p.y, hw, hh, col, row)
    {
      GArray *bucket = g_hash_table_lookup (occ->buckets, bucket_key (col, row));

      for (guint k = 0; bucket != NULL && k < bucket->len; k++)
        {
          guint j = g_array_index (bucket, guint, k);
          DossierPoint q = occ->input->place[j];

          if (j != i &&
              fabs (p.x - q.x) < hw + sizes[2 * j] / 2 &&
              fabs (p.y - q.y) < hh + sizes[2 * j + 1] / 2)
            return FALSE;
        }
    }
  return TRUE;
}

/* The free spot nearest @target, searched on widening rings. */
static DossierPoint
find_free_spot (Occupancy    *occ,
                guint         i,
                DossierPoint  target)
{
  double step = MAX (MIN (occ->input->sizes[2 * i], occ->input->sizes[2 * i + 1]) / 2, 4.0);

  if (occupancy_is_free (occ, i, target, GAP))
    return target;

  for (int ring = 1; ; ring++)
    {
      double r = ring * step;
      int n = MAX (8, (int) ceil (2 * G_PI * r / step));

      for (int k = 0; k < n; k++)
        {
          double a = 2 * G_PI * k / n;
          DossierPoint p = { target.x + r * cos (a), target.y + r * sin (a) };

          if (occupancy_is_free (occ, i, p, GAP))
            return p;
        }
    }
}

/* Neighbours as compressed rows: those of i are adj[start[i] .. start[i + 1]). */
typedef struct
{
  guint *start;
  guint *adj;
} Adjacency;

static void
adjacency_init (Adjacency       *a,
                DossierSubgraph *subgraph)
{
  guint n = subgraph->entities->len, m = subgraph->relations->len;
  g_autofree int *ends = g_new (int, 2 * m);
  g_autofree guint *fill = NULL;

  a->start = g_new0 (guint, n + 1);
  for (guint r = 0; r < m; r++)
    {
      const DossierRelation *rel =
        dossier_graph_get_relation (subgraph->graph, g_array_index (subgraph->relations, guint, r));

      ends[2 * r] = dossier_subgraph_find_entity (subgraph, rel->source);
      ends[2 * r + 1] = dossier_subgraph_find_entity (subgraph, rel->target);
      if (ends[2 * r] < 0 || ends[2 * r + 1] < 0 || ends[2 * r] == ends[2 * r + 1])
        continue;
      a->start[ends[2 * r] + 1]++;
      a->start[ends[2 * r + 1] + 1]++;
    }
  for (guint i = 0; i < n; i++)
    a->start[i + 1] += a->start[i];

  a->adj = g_new (guint, MAX (a->start[n], 1));
  fill = g_memdup2 (a->start, (n + 1) * sizeof (guint));
  for (guint r = 0; r < m; r++)
    {
      int s = ends[2 * r], t = ends[2 * r + 1];

      if (s < 0 || t < 0 || s == t)
        continue;
      a->adj[fill[s]++] = t;
      a->adj[fill[t]++] = s;
    }
}

static void
adjacency_clear (Adjacency *a)
{
  g_clear_pointer (&a->start, g_free);
  g_clear_pointer (&a->adj, g_free);
}

/* Centroid of @v's placed neighbours other than @except; FALSE if none. */
static gboolean
placed_centroid (const Occupancy *occ,
                 const Adjacency *a,
                 guint            v,
                 int              except,
                 DossierPoint    *centroid)
{
  double x = 0, y = 0;
  guint n = 0;

  for (guint k = a->start[v]; k < a->start[v + 1]; k++)
    {
      guint u = a->adj[k];

      if (!occ->placed[u] || (int) u == except)
        continue;
      x += occ->input->place[u].x;
      y += occ->input->place[u].y;
      n++;
    }
  if (n > 0)
    *centroid = (DossierPoint) { x / n, y / n };
  return n > 0;
}

/* Where a new node @v would like to be: amid its placed neighbours, or a
 * link's length out from its only one, away from that one's other
 * neighbours; a node with none goes to the right of the drawing. */
static DossierPoint
target_for (const Occupancy *occ,
            const Adjacency *a,
            guint            v,
            guint            n_placed_neighbours)
{
  const double *sizes = occ->input->sizes;
  DossierPoint p, away;
  double dx, dy, len, dist;
  int only = -1;

  if (n_placed_neighbours == 0)
    {
      if (occ->n_placed == 0)
        return (DossierPoint) { 0, 0 };
      return (DossierPoint) { occ->x2 + GAP + sizes[2 * v] / 2, occ->y1 + sizes[2 * v + 1] / 2 };
    }

  placed_centroid (occ, a, v, -1, &p);
  if (n_placed_neighbours > 1)
    return p;

  for (guint k = a->start[v]; k < a->start[v + 1] && only < 0; k++)
    if (occ->placed[a->adj[k]])
      only = a->adj[k];

  if (!placed_centroid (occ, a, only, v, &away))
    away = (DossierPoint) { (occ->x1 + occ->x2) / 2, (occ->y1 + occ->y2) / 2 };
  dx = p.x - away.x, dy = p.y - away.y;
  len = hypot (dx, dy);
  if (len < 1e-6)
    {
      /* Spread the leaves of one hub around it by the golden angle. */
      double angle = v * 2.39996322972865332;

      dx = cos (angle), dy = sin (angle), len = 1;
    }
  dist = EDGE_LEN + (sizes[2 * only] + sizes[2 * v]) / 4;
  return (DossierPoint) { p.x + dx / len * dist, p.y + dy / len * dist };
}

void
dossier_layout_place_nodes (DossierLayoutInput *input)
{
  guint n = input->subgraph->entities->len;
  g_autofree guint *count = g_new0 (guint, n);
  Occupancy occ;
  Adjacency adjacency;
  guint left = 0;

  occupancy_init (&occ, input);
  adjacency_init (&adjacency, input->subgraph);

  /* Pinned first, whatever they overlap: the person put them there. */
  for (guint i = 0; i < n; i++)
    if (input->known[i] && input->hard[i])
      occupancy_add (&occ, i, input->place[i]);
  for (guint i = 0; i < n; i++)
    {
      if (input->hard[i])
        continue;
      if (input->known[i] && occupancy_is_free (&occ, i, input->place[i], 0))
        occupancy_add (&occ, i, input->place[i]);
      else
        input->known[i] = FALSE, left++;
    }

  for (guint i = 0; i < n; i++)
    for (guint k = adjacency.start[i]; k < adjacency.start[i + 1]; k++)
      count[i] += occ.placed[adjacency.adj[k]];

  /* The node with most placed neighbours next, so that chains grow out
   * from the drawing rather than from their far end. */
  for (; left > 0; left--)
    {
      int best = -1;

      for (guint i = 0; i < n; i++)
        if (!occ.placed[i] && (best < 0 || count[i] > count[best]))
          best = i;

      occupancy_add (&occ, best, find_free_spot (&occ, best, target_for (&occ, &adjacency, best, count[best])));
      for (guint k = adjacency.start[best]; k < adjacency.start[best + 1]; k++)
        count[adjacency.adj[k]]++;
    }

  adjacency_clear (&adjacency);
  occupancy_clear (&occ);
}

/* How far from its centre, along (dx, dy) (not both 0), the outline of
 * node @n lies, in units of (dx, dy). */
static double
outline_distance (const DossierLayoutNode *n,
                  double                   dx,
                  double                   dy)
{
  double hw = n->width / 2, hh = n->height / 2;
  double ax = fabs (dx) / hw, ay = fabs (dy) / hh;

  switch (n->shape)
    {
    case DOSSIER_SHAPE_ELLIPSE:
      return 1 / hypot (ax, ay);
    case DOSSIER_SHAPE_DIAMOND:
      return 1 / (ax + ay);
    case DOSSIER_SHAPE_HEXAGON:
      return MIN (1 / (ax + ay / 2), ay > 0 ? 1 / ay : G_MAXDOUBLE);
    case DOSSIER_SHAPE_BOX:
    default:
      return 1 / MAX (ax, ay);
    }
}

void
dossier_layout_route_edge (DossierLayout         *layout,
                           DossierLayoutEdge     *edge,
                           const DossierRelation *relation)
{
  const DossierLayoutNode *a = &g_array_index (layout->nodes, DossierLayoutNode, edge->tail);
  const DossierLayoutNode *b = &g_array_index (layout->nodes, DossierLayoutNode, edge->head);
  double dx = b->x - a->x, dy = b->y - a->y, len = hypot (dx, dy);
  gboolean arrow = !dossier_relation_type_is_symmetric (relation->type);
  double ta, tb, tail_room;
  DossierPoint p0, p1;

  edge->points = g_array_new (FALSE, FALSE, sizeof (DossierPoint));

  ta = len > 0 ? outline_distance (a, dx, dy) : 0;
  tb = len > 0 ? outline_distance (b, -dx, -dy) : 0;
  tail_room = arrow ? DOSSIER_LAYOUT_ARROW_LENGTH / MAX (len, 1e-9) : 0;

  if (len == 0 || ta + tb + tail_room >= 1)
    {
      /* The nodes overlap: centre to centre, as when Graphviz gives up. */
      p0 = (DossierPoint) { a->x, a->y };
      p1 = (DossierPoint) { b->x, b->y };
    }
  else
    {
      p0 = (DossierPoint) { a->x + dx * ta, a->y + dy * ta };
      edge->has_arrow = arrow;
      edge->arrow_tip = (DossierPoint) { b->x - dx * tb, b->y - dy * tb };
      p1 = (DossierPoint) { b->x - dx * (tb + tail_room), b->y - dy * (tb + tail_room) };
    }

  for (int k = 0; k <= 3; k++)
    {
      DossierPoint p = { p0.x + (p1.x - p0.x) * k / 3, p0.y + (p1.y - p0.y) * k / 3 };
      g_array_append_val (edge->points, p);
    }
}

void
dossier_layout_route_straight (DossierLayout            *layout,
                               const DossierLayoutInput *input)
{
  DossierSubgraph *subgraph = input->subgraph;
  guint n = subgraph->entities->len;
  double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;

  for (guint i = 0; i < n; i++)
    {
      double hw = input->sizes[2 * i] / 2, hh = input->sizes[2 * i + 1] / 2;

      x1 = MIN (x1, input->place[i].x - hw), x2 = MAX (x2, input->place[i].x + hw);
      y1 = MIN (y1, input->place[i].y - hh), y2 = MAX (y2, input->place[i].y + hh);
    }

  layout->origin = (DossierPoint) { x1 - DOSSIER_LAYOUT_MARGIN, y1 - DOSSIER_LAYOUT_MARGIN };
  layout->width = x2 - x1 + 2 * DOSSIER_LAYOUT_MARGIN;
  layout->height = y2 - y1 + 2 * DOSSIER_LAYOUT_MARGIN;

  for (guint i = 0; i < n; i++)
    dossier_layout_add_node (layout, input, i,
                             (DossierPoint) { input->place[i].x - layout->origin.x,
                                              input->place[i].y - layout->origin.y });

  for (guint r = 0; r < subgraph->relations->len; r++)
    {
      guint id = g_array_index (subgraph->relations, guint, r);
      const DossierRelation *relation = dossier_graph_get_relation (subgraph->graph, id);
      DossierLayoutEdge edge = { 0 };
      int s = dossier_subgraph_find_entity (subgraph, relation->source);
      int t = dossier_subgraph_find_entity (subgraph, relation->target);

      /* Graphviz draws no loop either. */
      if (s < 0 || t < 0 || s == t)
        continue;
      edge.relation = id;
      edge.tail = s;
      edge.head = t;
      dossier_layout_route_edge (layout, &edge, relation);
      g_array_append_val (layout->edges, edge);
    }
}
