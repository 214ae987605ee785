/* dossier-legend.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-legend"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "dossier-labels.h"
#include "dossier-legend.h"
#include "dossier-render.h"
#include "dossier-style.h"

struct _DossierLegend
{
  GtkWidget  parent_instance;

  GtkWidget *grid;
};

G_DEFINE_FINAL_TYPE (DossierLegend, dossier_legend, GTK_TYPE_WIDGET)

#define SWATCH_WIDTH  28
#define SWATCH_HEIGHT 16

typedef enum
{
  SWATCH_NODE,
  SWATCH_EDGE,
  SWATCH_COMMUNITY,
} SwatchKind;

typedef struct
{
  SwatchKind kind;
  guint      value;   /* entity type, relation type or community */
} Swatch;

/* Swatches are the renderer's legend samples, as on exported pictures. */
static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  const Swatch *swatch = data;
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  if (swatch->kind == SWATCH_COMMUNITY)
    dossier_render_community_sample (cr, swatch->value, width / 2.0, height / 2.0, height - 4, dark);
  else
    dossier_render_legend_sample (cr, swatch->kind == SWATCH_NODE, swatch->value, width / 2.0, height / 2.0,
                                  width - 4, height - 4, dark);
}

static void
add_item (DossierLegend *self,
          SwatchKind     kind,
          guint          value,
          const char    *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *area = gtk_drawing_area_new ();
  GtkWidget *label = gtk_label_new (text);
  Swatch *swatch = g_new (Swatch, 1);

  swatch->kind = kind;
  swatch->value = value;
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), SWATCH_WIDTH);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), SWATCH_HEIGHT);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_swatch, swatch, g_free);
  gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), area);
  gtk_box_append (GTK_BOX (box), label);
  gtk_flow_box_append (GTK_FLOW_BOX (self->grid), box);
}

/* One item per cluster the view tints, named after its leader. */
static void
add_communities (DossierLegend   *self,
                 DossierSubgraph *subgraph)
{
  guint communities[DOSSIER_STYLE_N_COMMUNITY_COLORS + 1];
  guint n = dossier_render_legend_communities (subgraph, communities);

  for (guint k = 0; k < n; k++)
    {
      g_autofree char *label = dossier_render_community_label (subgraph, communities[k]);

      add_item (self, SWATCH_COMMUNITY, communities[k], label);
    }
}

void
dossier_legend_set_subgraph (DossierLegend   *self,
                             DossierSubgraph *subgraph)
{
  gboolean present[DOSSIER_N_RELATION_TYPES] = { FALSE, };
  GtkWidget *child;

  g_return_if_fail (DOSSIER_IS_LEGEND (self));

  while ((child = gtk_widget_get_first_child (self->grid)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->grid), child);

  if (subgraph != NULL)
    for (guint i = 0; i < subgraph->relations->len; i++)
      present[dossier_graph_get_relation (subgraph->graph,
                                          g_array_index (subgraph->relations, guint, i))->type] = TRUE;
  else
    for (guint t = 0; t < DOSSIER_N_RELATION_TYPES; t++)
      present[t] = TRUE;

  for (guint t = 0; t < DOSSIER_N_ENTITY_TYPES; t++)
    add_item (self, SWATCH_NODE, t, dossier_entity_type_label (t));
  for (guint t = 0; t < DOSSIER_N_RELATION_TYPES; t++)
    if (present[t])
      add_item (self, SWATCH_EDGE, t, dossier_relation_type_label (t));
  if (subgraph != NULL)
    add_communities (self, subgraph);
}

static void
dark_changed_cb (DossierLegend *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (self->grid);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_queue_draw (child);
}

static void
dossier_legend_dispose (GObject *object)
{
  DossierLegend *self = DOSSIER_LEGEND (object);

  g_clear_pointer (&self->grid, gtk_widget_unparent);

  G_OBJECT_CLASS (dossier_legend_parent_class)->dispose (object);
}

static void
dossier_legend_class_init (DossierLegendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_legend_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "legend");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
dossier_legend_init (DossierLegend *self)
{
  /* A strip under the graph rather than a card over it: it never hides
   * a node, and flows onto a second line when the window is narrow. */
  self->grid = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->grid), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->grid), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->grid), 2);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->grid), 16);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->grid), FALSE);
  gtk_widget_set_can_target (self->grid, FALSE);
  gtk_widget_set_focusable (self->grid, FALSE);
  gtk_widget_set_parent (self->grid, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Legend"),
                                  -1);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
  dossier_legend_set_subgraph (self, NULL);
}

GtkWidget *
dossier_legend_new (void)
{
  return g_object_new (DOSSIER_TYPE_LEGEND, NULL);
}
