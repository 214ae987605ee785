/* dossier-node-labels.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-node-labels"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "dossier-node-labels.h"

/* Air kept around a name, in units of its font size: its halo and a gap. */
#define LABEL_PAD 0.2

/* How much of a name's box may lie over other nodes (or past the edge of
 * the drawing): zoomed out, nodes packed tight leave no spot quite clear
 * beside them, and a name that grazes a neighbour reads better than
 * none; a name over a crowd is left out, but for the few most important
 * (the square root of their number, at least 3), named wherever no name
 * is in the way. */
#define MAX_NODE_COVER 0.15
/* Room for names past the nodes' bounds, in units of their font size. */
#define EDGE_ROOM 2.4

typedef struct
{
  double   x1, y1, x2, y2;
  guint    owner;   /* the node it belongs to */
  gboolean name;    /* a name's box, else a node's */
} Box;

/* Boxes in buckets of a uniform grid over the drawing, so that a test
 * looks at its neighbourhood only: placing n names costs about n tests,
 * not n².  Boxes past the border land in the border cells. */
typedef struct
{
  double   x0, y0, cell;
  double   x1, y1;    /* the far corner of the room for names */
  int      cols, rows;
  GArray  *boxes;   /* Box */
  GArray  *seen;    /* guint per box: the last query that counted it */
  guint    query;
  GArray **cells;   /* indices into boxes, or NULL */
} Grid;

static void
cell_span (const Grid *grid,
           const Box  *box,
           int        *c0,
           int        *c1,
           int        *r0,
           int        *r1)
{
  *c0 = CLAMP ((int) floor ((box->x1 - grid->x0) / grid->cell), 0, grid->cols - 1);
  *c1 = CLAMP ((int) floor ((box->x2 - grid->x0) / grid->cell), 0, grid->cols - 1);
  *r0 = CLAMP ((int) floor ((box->y1 - grid->y0) / grid->cell), 0, grid->rows - 1);
  *r1 = CLAMP ((int) floor ((box->y2 - grid->y0) / grid->cell), 0, grid->rows - 1);
}

static void
grid_insert (Grid      *grid,
             const Box *box)
{
  guint index = grid->boxes->len, never = 0;
  int c0, c1, r0, r1;

  g_array_append_val (grid->boxes, *box);
  g_array_append_val (grid->seen, never);
  cell_span (grid, box, &c0, &c1, &r0, &r1);
  for (int r = r0; r <= r1; r++)
    for (int c = c0; c <= c1; c++)
      {
        GArray **cell = &grid->cells[r * grid->cols + c];

        if (*cell == NULL)
          *cell = g_array_new (FALSE, FALSE, sizeof (guint));
        g_array_append_val (*cell, index);
      }
}

/* The area of other nodes' boxes under @box, each counted once, and of
 * @box past the nodes' bounds (a fitted view would cut it there); -1
 * when it meets a name. */
static double
grid_cover (Grid      *grid,
            const Box *box)
{
  double in_w = MIN (box->x2, grid->x1) - MAX (box->x1, grid->x0);
  double in_h = MIN (box->y2, grid->y1) - MAX (box->y1, grid->y0);
  double cover = (box->x2 - box->x1) * (box->y2 - box->y1) - MAX (in_w, 0) * MAX (in_h, 0);
  int c0, c1, r0, r1;

  grid->query++;
  cell_span (grid, box, &c0, &c1, &r0, &r1);
  for (int r = r0; r <= r1; r++)
    for (int c = c0; c <= c1; c++)
      {
        GArray *cell = grid->cells[r * grid->cols + c];

        for (guint k = 0; cell != NULL && k < cell->len; k++)
          {
            guint index = g_array_index (cell, guint, k);
            const Box *b = &g_array_index (grid->boxes, Box, index);
            double w = MIN (box->x2, b->x2) - MAX (box->x1, b->x1);
            double h = MIN (box->y2, b->y2) - MAX (box->y1, b->y1);

            if (b->owner == box->owner || w <= 0 || h <= 0 ||
                g_array_index (grid->seen, guint, index) == grid->query)
              continue;
            if (b->name)
              return -1;
            g_array_index (grid->seen, guint, index) = grid->query;
            cover += w * h;
          }
      }
  return cover;
}

/* A grid over the nodes with cells about as wide as a name at this zoom;
 * the nodes' boxes go in first, as obstacles. */
static void
grid_init (Grid                   *grid,
           const DossierLabelNode *nodes,
           guint                   n_nodes,
           double                  font_scale)
{
  double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;

  for (guint i = 0; i < n_nodes; i++)
    {
      x1 = MIN (x1, nodes[i].x - nodes[i].width / 2);
      y1 = MIN (y1, nodes[i].y - nodes[i].height / 2);
      x2 = MAX (x2, nodes[i].x + nodes[i].width / 2);
      y2 = MAX (y2, nodes[i].y + nodes[i].height / 2);
    }
  if (n_nodes == 0 || !isfinite (x2 - x1) || !isfinite (y2 - y1))
    x1 = y1 = 0, x2 = y2 = 1;

  /* A fitted view leaves about two lines of air around the nodes. */
  grid->x0 = x1 - EDGE_ROOM * DOSSIER_STYLE_FONT_SIZE * font_scale;
  grid->y0 = y1 - EDGE_ROOM * DOSSIER_STYLE_FONT_SIZE * font_scale;
  grid->x1 = x2 + EDGE_ROOM * DOSSIER_STYLE_FONT_SIZE * font_scale;
  grid->y1 = y2 + EDGE_ROOM * DOSSIER_STYLE_FONT_SIZE * font_scale;
  grid->cell = 8 * DOSSIER_STYLE_FONT_SIZE * font_scale;
  /* Never more cells than a few per node. */
  while (((grid->x1 - grid->x0) / grid->cell + 1) * ((grid->y1 - grid->y0) / grid->cell + 1) > 4.0 * n_nodes + 16)
    grid->cell *= 2;
  grid->cols = (int) ((grid->x1 - grid->x0) / grid->cell) + 1;
  grid->rows = (int) ((grid->y1 - grid->y0) / grid->cell) + 1;
  grid->boxes = g_array_sized_new (FALSE, FALSE, sizeof (Box), 2 * n_nodes);
  grid->seen = g_array_sized_new (FALSE, FALSE, sizeof (guint), 2 * n_nodes);
  grid->query = 0;
  grid->cells = g_new0 (GArray *, (gsize) grid->cols * grid->rows);

  for (guint i = 0; i < n_nodes; i++)
    {
      Box box = { nodes[i].x - nodes[i].width / 2, nodes[i].y - nodes[i].height / 2,
                  nodes[i].x + nodes[i].width / 2, nodes[i].y + nodes[i].height / 2, i, FALSE };

      grid_insert (grid, &box);
    }
}

static void
grid_clear (Grid *grid)
{
  for (int i = 0; i < grid->cols * grid->rows; i++)
    g_clear_pointer (&grid->cells[i], g_array_unref);
  g_clear_pointer (&grid->cells, g_free);
  g_clear_pointer (&grid->boxes, g_array_unref);
  g_clear_pointer (&grid->seen, g_array_unref);
}

static double
scale_for_px (double px,
              double zoom)
{
  if (!(zoom > 0) || !isfinite (zoom))
    return 1.0;
  return MAX (1.0, px / (DOSSIER_STYLE_FONT_SIZE * zoom));
}

double
dossier_node_label_font_scale (double zoom)
{
  return scale_for_px (DOSSIER_NODE_LABEL_MIN_PX, zoom);
}

void
dossier_label_place_extents (const DossierLabelPlace *place,
                             double                  *x1,
                             double                  *y1,
                             double                  *x2,
                             double                  *y2)
{
  double pad = LABEL_PAD * DOSSIER_STYLE_FONT_SIZE * place->font_scale;

  *x1 = place->x - pad;
  *y1 = place->y - pad;
  *x2 = place->x + place->width + pad;
  *y2 = place->y + place->height + pad;
}

/* Whether @node's name at @k times the node font fits inside it with the
 * margins the layout gives a name. */
static gboolean
fits_inside (const DossierLabelNode *node,
             double                  k)
{
  double need_w, need_h;

  dossier_style_node_size (node->shape, node->text_width * k, node->text_height * k, 1.0, &need_w, &need_h);
  return need_w <= node->width + 1e-6 && need_h <= node->height + 1e-6;
}

/* The largest scale from @lo to @hi at which @node's name fits inside it,
 * or 0 when it does not fit even at @lo.  At the node font it always
 * does: the layout sized the node for it. */
static double
inside_scale (const DossierLabelNode *node,
              double                  lo,
              double                  hi)
{
  if (!fits_inside (node, lo))
    return lo == 1.0 ? 1.0 : 0;
  if (fits_inside (node, hi))
    return hi;
  /* Sizes grow with the scale: halve the interval a few times. */
  for (guint i = 0; i < 12; i++)
    {
      double mid = (lo + hi) / 2;

      if (fits_inside (node, mid))
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

/* The text's top left at @spot, its halo just clear of the node's box. */
static void
spot_origin (const DossierLabelNode *node,
             DossierLabelSpot        spot,
             double                  w,
             double                  h,
             double                  pad,
             double                 *x,
             double                 *y)
{
  *x = node->x - w / 2;
  *y = node->y - h / 2;
  switch (spot)
    {
    case DOSSIER_LABEL_BELOW:
      *y = node->y + node->height / 2 + pad;
      break;
    case DOSSIER_LABEL_ABOVE:
      *y = node->y - node->height / 2 - pad - h;
      break;
    case DOSSIER_LABEL_RIGHT:
      *x = node->x + node->width / 2 + pad;
      break;
    case DOSSIER_LABEL_LEFT:
      *x = node->x - node->width / 2 - pad - w;
      break;
    case DOSSIER_LABEL_INSIDE:
    case DOSSIER_LABEL_HIDDEN:
    default:
      break;
    }
}

static const DossierLabelSpot outside_spots[] = {
  DOSSIER_LABEL_BELOW, DOSSIER_LABEL_ABOVE, DOSSIER_LABEL_RIGHT, DOSSIER_LABEL_LEFT,
};

/* The place of a name @w x @h at @spot around @node, and the box it
 * takes, owned by node @i. */
static void
candidate_at (const DossierLabelNode *node,
              guint                   i,
              DossierLabelSpot        spot,
              double                  w,
              double                  h,
              double                  k,
              DossierLabelPlace      *place,
              Box                    *box)
{
  *place = (DossierLabelPlace) { spot, 0, 0, w, h, k };
  spot_origin (node, spot, w, h, LABEL_PAD * DOSSIER_STYLE_FONT_SIZE * k, &place->x, &place->y);
  dossier_label_place_extents (place, &box->x1, &box->y1, &box->x2, &box->y2);
  box->owner = i;
  box->name = TRUE;
}

/* Places node @i's name at the first spot clear of names and nodes, else
 * at the one clear of names that covers least of other nodes if that is
 * little (whatever it covers when @keep); a forced name takes its first
 * spot when nothing better. */
static void
place_one (Grid                   *grid,
           const DossierLabelNode *node,
           guint                   i,
           double                  k_inside,
           double                  k,
           gboolean                keep,
           DossierLabelPlace      *place)
{
  static const DossierLabelSpot inside[] = { DOSSIER_LABEL_INSIDE };
  double k_in = inside_scale (node, k_inside, k);
  gboolean in = k_in > 0;
  const DossierLabelSpot *spots = in ? inside : outside_spots;
  guint n_spots = in ? G_N_ELEMENTS (inside) : G_N_ELEMENTS (outside_spots);
  double w, h, best_cover = G_MAXDOUBLE;
  int best = -1;
  DossierLabelPlace candidate;
  Box box;

  if (in)
    k = k_in;
  w = node->text_width * k;
  h = node->text_height * k;
  for (guint s = 0; s < n_spots && best_cover > 0; s++)
    {
      double cover;

      candidate_at (node, i, spots[s], w, h, k, &candidate, &box);
      cover = grid_cover (grid, &box);
      if (cover >= 0 && cover < best_cover &&
          (keep || node->role == DOSSIER_LABEL_FORCED ||
           cover <= MAX_NODE_COVER * (box.x2 - box.x1) * (box.y2 - box.y1)))
        {
          best = s;
          best_cover = cover;
        }
    }
  if (best < 0 && node->role != DOSSIER_LABEL_FORCED)
    return;

  candidate_at (node, i, spots[MAX (best, 0)], w, h, k, place, &box);
  grid_insert (grid, &box);
}

typedef struct
{
  guint  index;
  int    forced;
  double weight;
} Order;

static int
compare_order (gconstpointer a,
               gconstpointer b)
{
  const Order *oa = a, *ob = b;

  if (oa->forced != ob->forced)
    return ob->forced - oa->forced;
  if (oa->weight != ob->weight)
    return oa->weight > ob->weight ? -1 : 1;
  return oa->index < ob->index ? -1 : oa->index > ob->index;
}

void
dossier_node_labels_place (const DossierLabelNode *nodes,
                           guint                   n_nodes,
                           double                  zoom,
                           DossierLabelPlace      *places)
{
  double k = dossier_node_label_font_scale (zoom);
  double k_inside = scale_for_px (DOSSIER_NODE_LABEL_INSIDE_MIN_PX, zoom);
  g_autofree Order *order = g_new (Order, MAX (n_nodes, 1));
  guint n_order = 0, n_keep;
  Grid grid;

  g_return_if_fail (nodes != NULL || n_nodes == 0);
  g_return_if_fail (places != NULL || n_nodes == 0);

  for (guint i = 0; i < n_nodes; i++)
    {
      places[i] = (DossierLabelPlace) { DOSSIER_LABEL_HIDDEN, nodes[i].x, nodes[i].y, 0, 0, k };
      if (nodes[i].role != DOSSIER_LABEL_OBSTACLE)
        order[n_order++] = (Order) { i, nodes[i].role == DOSSIER_LABEL_FORCED,
                                     isfinite (nodes[i].weight) ? nodes[i].weight : 0.0 };
    }
  qsort (order, n_order, sizeof (Order), compare_order);
  /* The most important keep their names over their neighbours' nodes. */
  n_keep = MAX (3, (guint) round (sqrt (n_order)));

  grid_init (&grid, nodes, n_nodes, k);
  for (guint r = 0; r < n_order; r++)
    place_one (&grid, &nodes[order[r].index], order[r].index, k_inside, k, r < n_keep,
               &places[order[r].index]);
  grid_clear (&grid);
}
