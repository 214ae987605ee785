/* dossier-window-pins.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Pins: an actor dragged in the view stays where it was dropped, in the
 * session's positions (saved beside the edits, read by dossier-cli), until
 * the person unpins it.  Each change is a steady layout that keeps the
 * view still: only what the person moved moves. */

#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include "dossier-window-private.h"

/* The pins changed: lay out again from the positions, which routes the
 * edges and saves them, without fitting the view. */
static void
lay_out_held (DossierWindow *self)
{
  dossier_graph_view_hold_view (self->graph_view);
  dossier_window_lay_out (self);
}

static void
node_moved_cb (DossierWindow    *self,
               guint             entity,
               double            x,
               double            y,
               DossierGraphView *view)
{
  DossierLayout *layout = dossier_graph_view_get_layout (view);
  int index = layout != NULL ? dossier_layout_find_entity (layout, entity) : -1;

  if (index < 0)
    return;
  dossier_positions_pin_node (dossier_session_get_positions (self->session),
                              dossier_graph_view_get_subgraph (view), layout, index, x, y);
  lay_out_held (self);
}

static void
unpin_node_cb (DossierWindow    *self,
               guint             entity,
               DossierGraphView *view)
{
  DossierSubgraph *subgraph = dossier_graph_view_get_subgraph (view);

  if (subgraph == NULL || entity >= subgraph->graph->entities->len)
    return;
  dossier_positions_set_pinned (dossier_session_get_positions (self->session),
                                dossier_graph_get_entity (subgraph->graph, entity)->name, FALSE);
  lay_out_held (self);
}

void
dossier_window_unpin_all_action_cb (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  dossier_positions_unpin_all (dossier_session_get_positions (self->session));
  lay_out_held (self);
}

void
dossier_window_update_pins (DossierWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.unpin-all",
                                 dossier_positions_has_pins (dossier_session_get_positions (self->session)));
}

void
dossier_window_init_pins (DossierWindow *self)
{
  g_signal_connect_object (self->graph_view, "node-moved", G_CALLBACK (node_moved_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->graph_view, "unpin-node", G_CALLBACK (unpin_node_cb),
                           self, G_CONNECT_SWAPPED);
  dossier_window_update_pins (self);
}
