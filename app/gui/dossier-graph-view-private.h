/* dossier-graph-view-private.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Shared by the files of the graph view, split by concern as GNOME Text
 * Editor splits its window: dossier-graph-view.c (the object, selection,
 * zoom and its animation), -tiles.c (the cached scene), -chrome.c
 * (highlight and selection over it), -input.c (pointer and touch) and
 * -actions.c (actions and keys).  Drawing itself is the core renderer's. */

#pragma once

#include <adwaita.h>

#include "dossier-graph-view.h"
#include "dossier-labels.h"
#include "dossier-render.h"
#include "dossier-style.h"

G_BEGIN_DECLS

/* Relation labels are drawn once zoomed in this far. */
#define EDGE_LABEL_MIN_SCALE 1.2
#define EDGE_HIT_PIXELS      7.0
#define ZOOM_STEP            1.25
#define ZOOM_DURATION_US     (180 * G_TIME_SPAN_MILLISECOND)
#define SETTLE_MS            180
#define FIT_MARGIN           24.0
#define PAN_STEP             64

struct _DossierGraphView
{
  GtkWidget             parent_instance;

  /* Owned refs */
  DossierSubgraph      *subgraph;
  DossierLayout        *layout;
  /* The cached scene: a picture of the whole graph at one scale while it
   * fits in a texture, else vector tiles of which only the visible ones
   * are drawn. */
  GHashTable           *scene_tiles;     /* row << 32 | col -> Tile */
  double                scene_scale;
  /* The scene before the last zoom, drawn under the new one while its
   * tiles are still being drawn (a few per frame). */
  GHashTable           *prev_tiles;
  double                prev_scale;
  double                prev_name_reach;
  gboolean              settled;         /* no zoom in progress */
  guint                 more_tiles_id;

  /* Grid index of edges and nodes, for drawing tiles */
  GArray              **cell_edges;
  GArray              **cell_nodes;
  guint                 cell_cols;
  guint                 cell_rows;
  guint                *edge_stamp;
  guint                *node_stamp;
  guint                 stamp;

  /* Draws the scene's tiles and the highlights, keeping its Pango
   * layouts and the relation labels' places; made again for new data or
   * colours. */
  DossierRenderer      *renderer;
  /* Relation labels of the highlighted actor's edges, placed among
   * themselves for the actor they were placed for. */
  GArray               *focus_places;
  int                   focus_places_node;
  GArray               *tab_order;       /* guint node indices, reading order */

  /* Children */
  GtkWidget            *context_menu;
  GMenuModel           *extra_menu;      /* appended to the context menu */

  /* Input controllers */
  GtkGesture           *drag;
  GtkGesture           *click;
  GtkGesture           *zoom;

  /* State */
  DossierViewTransform  transform;
  gboolean              scene_dark;
  double                scene_name_reach; /* how far a name reaches past its node's box */
  gboolean              scene_edge_labels;
  gboolean              needs_fit;
  int                   fit_inset_left;  /* pixels covered by the legend */
  int                   last_width;
  int                   last_height;
  int                   hover_node;      /* layout indices, or -1 */
  int                   hover_edge;
  int                   selected_node;
  int                   selected_edge;
  GArray               *also_selected;   /* more layout node indices (Ctrl+click) */
  gboolean              scene_complete;  /* the last frame drew every visible tile */
  double                pointer_x;
  double                pointer_y;
  gboolean              pointer_inside;

  /* Animation: either towards a transform, or a zoom around an anchor. */
  guint                 tick_id;
  gint64                anim_start;
  DossierViewTransform  anim_from;
  DossierViewTransform  anim_to;
  gboolean              anim_anchored;
  double                anim_anchor_x;
  double                anim_anchor_y;

  DossierViewTransform  drag_origin;
  gboolean              dragging;
  /* A drag that began on a node moves it (layout index, or -1: a pan),
   * from where it was in the stable frame (DossierLayout origin). */
  int                   drag_node;
  DossierPoint          drag_node_start;
  /* The next set_graph keeps the drawing where it is on screen. */
  gboolean              hold_view;
  double                zoom_base;
  guint                 settle_id;
};

static inline gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static inline const DossierLayoutNode *
get_node (DossierGraphView *self,
          guint             index)
{
  return &g_array_index (self->layout->nodes, DossierLayoutNode, index);
}

static inline const DossierLayoutEdge *
get_edge (DossierGraphView *self,
          guint             index)
{
  return &g_array_index (self->layout->edges, DossierLayoutEdge, index);
}

static inline DossierEntity *
node_entity (DossierGraphView *self,
             guint             index)
{
  return dossier_graph_get_entity (self->subgraph->graph, get_node (self, index)->entity);
}

static inline DossierRelation *
edge_relation (DossierGraphView *self,
               guint             index)
{
  return dossier_graph_get_relation (self->subgraph->graph, get_edge (self, index)->relation);
}

static inline graphene_rect_t
layout_bounds (DossierGraphView *self)
{
  /* Graphviz's bounding box plus room for strokes and arrowheads. */
  return GRAPHENE_RECT_INIT (-16, -16, self->layout->width + 32, self->layout->height + 32);
}

static inline gboolean
edge_touches (DossierGraphView *self,
              guint             edge,
              int               node)
{
  const DossierLayoutEdge *e = get_edge (self, edge);

  return node >= 0 && (e->tail == (guint) node || e->head == (guint) node);
}

/* dossier-graph-view.c */
void     _dossier_graph_view_set_selection       (DossierGraphView           *self,
                                                  int                         node,
                                                  int                         edge);
gboolean _dossier_graph_view_node_is_selected    (DossierGraphView           *self,
                                                  int                         node);
void     _dossier_graph_view_toggle_in_selection (DossierGraphView           *self,
                                                  int                         node);
/* Emits node-activated or relation-activated for the selection. */
void     _dossier_graph_view_activate            (DossierGraphView           *self);
void     _dossier_graph_view_stop_animation      (DossierGraphView           *self);
void     _dossier_graph_view_animate_to          (DossierGraphView           *self,
                                                  const DossierViewTransform *target,
                                                  gboolean                    animate);
void     _dossier_graph_view_transform_changed   (DossierGraphView           *self);
void     _dossier_graph_view_unpin_selection     (DossierGraphView           *self);
void     _dossier_graph_view_update_unpin        (DossierGraphView           *self);
/* Emits node-moved for a node dropped where it is now. */
void     _dossier_graph_view_node_moved          (DossierGraphView           *self,
                                                  guint                       node);

/* dossier-graph-view-tiles.c */
void     _dossier_graph_view_clear_scene         (DossierGraphView           *self);
void     _dossier_graph_view_clear_index         (DossierGraphView           *self);
void     _dossier_graph_view_ensure_renderer     (DossierGraphView           *self);
void     _dossier_graph_view_ensure_scene        (DossierGraphView           *self);
void     _dossier_graph_view_append_scene        (DossierGraphView           *self,
                                                  GtkSnapshot                *snapshot,
                                                  int                         width,
                                                  int                         height);
/* Node @node dragged to (@x, @y), layout points: a copy of the layout
 * with it there, and only the tiles it and its edges cross drawn again. */
void     _dossier_graph_view_move_node           (DossierGraphView           *self,
                                                  guint                       node,
                                                  double                      x,
                                                  double                      y);

/* dossier-graph-view-chrome.c */
void     _dossier_graph_view_snapshot            (GtkWidget                  *widget,
                                                  GtkSnapshot                *snapshot);

/* dossier-graph-view-input.c */
void     _dossier_graph_view_init_input          (DossierGraphView           *self);
void     _dossier_graph_view_open_context_menu   (DossierGraphView           *self,
                                                  double                      x,
                                                  double                      y);
void     _dossier_graph_view_ensure_node_visible (DossierGraphView           *self,
                                                  guint                       index);
gboolean _dossier_graph_view_query_tooltip       (GtkWidget                  *widget,
                                                  int                         x,
                                                  int                         y,
                                                  gboolean                    keyboard,
                                                  GtkTooltip                 *tooltip);

/* dossier-graph-view-actions.c */
void     _dossier_graph_view_class_init_actions  (GtkWidgetClass             *widget_class);

G_END_DECLS
