/* dossier-export.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-export"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-export.h"
#include "dossier-json.h"
#include "dossier-render.h"
#include "dossier-style.h"

G_DEFINE_QUARK (dossier-export-error-quark, dossier_export_error)

static const char * const format_names[] = {
  [DOSSIER_EXPORT_PNG] = "png",
  [DOSSIER_EXPORT_SVG] = "svg",
  [DOSSIER_EXPORT_PDF] = "pdf",
  [DOSSIER_EXPORT_DOT] = "dot",
  [DOSSIER_EXPORT_GRAPHML] = "graphml",
  [DOSSIER_EXPORT_JSON] = "json",
};

void
dossier_export_options_init (DossierExportOptions *options,
                             DossierExportFormat   format)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->format = format;
  options->scale = 2.0;
}

const char *
dossier_export_format_to_string (DossierExportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (format_names), NULL);
  return format_names[format];
}

gboolean
dossier_export_format_from_string (const char          *str,
                                   DossierExportFormat *format)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (format_names); i++)
    {
      if (g_ascii_strcasecmp (str, format_names[i]) == 0)
        {
          *format = i;
          return TRUE;
        }
    }

  if (str != NULL && g_ascii_strcasecmp (str, "gv") == 0)
    {
      *format = DOSSIER_EXPORT_DOT;
      return TRUE;
    }

  return FALSE;
}

gboolean
dossier_export_format_from_path (const char          *path,
                                 DossierExportFormat *format)
{
  const char *dot;

  g_return_val_if_fail (path != NULL, FALSE);

  dot = strrchr (path, '.');
  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return FALSE;

  return dossier_export_format_from_string (dot + 1, format);
}

/* DOT strings are double-quoted; a backslash or quote is escaped. */
static void
append_dot_string (GString    *out,
                   const char *str)
{
  g_string_append_c (out, '"');
  for (const char *p = str; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      if (*p == '\n')
        g_string_append (out, "\\n");
      else if (*p != '\r')
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static GBytes *
write_dot (DossierSubgraph *subgraph,
           DossierLayout   *layout)
{
  DossierGraph *graph = subgraph->graph;
  GString *out = g_string_new ("digraph dossier {\n");

  g_string_append_printf (out, "  node [fontname=\"%s\"];\n", DOSSIER_STYLE_FONT_FAMILY);

  for (guint i = 0; i < subgraph->entities->len; i++)
    {
      guint id = g_array_index (subgraph->entities, guint, i);
      const DossierEntity *entity = dossier_graph_get_entity (graph, id);
      const DossierNodeStyle *style = dossier_style_node (entity->type, FALSE);
      g_autofree char *fill = dossier_color_to_hex (&style->fill);
      g_autofree char *stroke = dossier_color_to_hex (&style->stroke);

      g_string_append_printf (out, "  e%u [label=", id);
      append_dot_string (out, entity->name);
      g_string_append_printf (out, ", type=\"%s\", shape=%s, style=filled, fillcolor=\"%s\", color=\"%s\"",
                              dossier_entity_type_to_string (entity->type),
                              style->graphviz_shape, fill, stroke);
      if (layout != NULL)
        {
          int n = dossier_layout_find_entity (layout, id);

          if (n >= 0)
            {
              const DossierLayoutNode *node = &g_array_index (layout->nodes, DossierLayoutNode, n);
              /* Back to Graphviz's y-up points. */
              g_string_append_printf (out, ", pos=\"%.2f,%.2f\"", node->x, layout->height - node->y);
            }
        }
      g_string_append (out, "];\n");
    }

  for (guint i = 0; i < subgraph->relations->len; i++)
    {
      guint id = g_array_index (subgraph->relations, guint, i);
      const DossierRelation *relation = dossier_graph_get_relation (graph, id);
      const DossierEdgeStyle *style = dossier_style_edge (relation->type, FALSE);
      g_autofree char *color = dossier_color_to_hex (&style->color);

      g_string_append_printf (out, "  e%u -> e%u [label=\"%s\", type=\"%s\", evidence=%u, color=\"%s\"%s];\n",
                              relation->source, relation->target,
                              dossier_relation_type_to_string (relation->type),
                              dossier_relation_type_to_string (relation->type),
                              g_array_index (subgraph->relation_evidence, guint, i),
                              color,
                              dossier_relation_type_is_symmetric (relation->type) ? ", dir=none" : "");
    }

  g_string_append (out, "}\n");

  return g_string_free_to_bytes (out);
}

static void
append_xml_text (GString    *out,
                 const char *str)
{
  g_autofree char *escaped = g_markup_escape_text (str, -1);
  g_string_append (out, escaped);
}

static GBytes *
write_graphml (DossierSubgraph *subgraph)
{
  DossierGraph *graph = subgraph->graph;
  GString *out = g_string_new (NULL);

  g_string_append (out,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                   "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
                   "  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
                   "  <key id=\"aliases\" for=\"node\" attr.name=\"aliases\" attr.type=\"string\"/>\n"
                   "  <key id=\"mentions\" for=\"node\" attr.name=\"mentions\" attr.type=\"int\"/>\n"
                   "  <key id=\"relation\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n"
                   "  <key id=\"evidence\" for=\"edge\" attr.name=\"evidence\" attr.type=\"int\"/>\n"
                   "  <graph id=\"dossier\" edgedefault=\"directed\">\n");

  for (guint i = 0; i < subgraph->entities->len; i++)
    {
      guint id = g_array_index (subgraph->entities, guint, i);
      const DossierEntity *entity = dossier_graph_get_entity (graph, id);
      g_autoptr(GString) aliases = g_string_new (NULL);

      for (guint a = 0; a < entity->aliases->len; a++)
        {
          if (a > 0)
            g_string_append (aliases, "|");
          g_string_append (aliases, g_ptr_array_index (entity->aliases, a));
        }

      g_string_append_printf (out, "    <node id=\"e%u\">\n      <data key=\"label\">", id);
      append_xml_text (out, entity->name);
      g_string_append_printf (out, "</data>\n      <data key=\"type\">%s</data>\n      <data key=\"aliases\">",
                              dossier_entity_type_to_string (entity->type));
      append_xml_text (out, aliases->str);
      g_string_append_printf (out, "</data>\n      <data key=\"mentions\">%u</data>\n    </node>\n",
                              g_array_index (subgraph->entity_mentions, guint, i));
    }

  for (guint i = 0; i < subgraph->relations->len; i++)
    {
      guint id = g_array_index (subgraph->relations, guint, i);
      const DossierRelation *relation = dossier_graph_get_relation (graph, id);

      g_string_append_printf (out,
                              "    <edge id=\"r%u\" source=\"e%u\" target=\"e%u\">\n"
                              "      <data key=\"relation\">%s</data>\n"
                              "      <data key=\"evidence\">%u</data>\n"
                              "    </edge>\n",
                              id, relation->source, relation->target,
                              dossier_relation_type_to_string (relation->type),
                              g_array_index (subgraph->relation_evidence, guint, i));
    }

  g_string_append (out, "  </graph>\n</graphml>\n");

  return g_string_free_to_bytes (out);
}

static cairo_status_t
append_to_byte_array (void                *closure,
                      const unsigned char *data,
                      unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
write_cairo (DossierSubgraph            *subgraph,
             DossierLayout              *layout,
             const DossierExportOptions *options,
             GError                    **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  DossierRenderOptions render;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width = MAX (layout->width, 1);
  double height = MAX (layout->height, 1);
  cairo_status_t status;

  dossier_render_options_init (&render);
  render.dark = options->dark;
  render.background = !options->transparent;

  if (options->format == DOSSIER_EXPORT_PNG)
    {
      double scale = options->scale > 0 ? options->scale : 1.0;
      int pw = (int) (width * scale + 0.5), ph = (int) (height * scale + 0.5);

      if (pw > 32767 || ph > 32767)
        {
          g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_FAILED,
                       _("The image would be too large (%d × %d pixels); choose a smaller scale"),
                       pw, ph);
          return NULL;
        }

      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAX (pw, 1), MAX (ph, 1));
      cr = cairo_create (surface);
      cairo_scale (cr, scale, scale);
      dossier_render_graph (cr, subgraph, layout, &render);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      status = cairo_surface_write_to_png_stream (surface, append_to_byte_array, bytes);
      cairo_surface_destroy (surface);
    }
  else
    {
      surface = cairo_pdf_surface_create_for_stream (append_to_byte_array, bytes, width, height);
      cr = cairo_create (surface);
      dossier_render_graph (cr, subgraph, layout, &render);
      cairo_show_page (cr);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
      cairo_surface_destroy (surface);
    }

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_FAILED,
                   _("Could not draw the image: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

static GBytes *
write_svg (DossierSubgraph *subgraph,
           DossierLayout   *layout)
{
  DossierGraph *graph = subgraph->graph;
  GString *out = g_string_new (NULL);
  DossierColor bg = dossier_style_background (FALSE);
  g_autofree char *bg_hex = dossier_color_to_hex (&bg);

  g_string_append_printf (out,
                          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0fpt\" height=\"%.0fpt\" viewBox=\"0 0 %.2f %.2f\">\n"
                          "<rect width=\"100%%\" height=\"100%%\" fill=\"%s\"/>\n",
                          layout->width, layout->height, layout->width, layout->height, bg_hex);

  for (guint i = 0; i < layout->edges->len; i++)
    {
      const DossierLayoutEdge *e = &g_array_index (layout->edges, DossierLayoutEdge, i);
      const DossierRelation *relation = dossier_graph_get_relation (graph, e->relation);
      const DossierEdgeStyle *style = dossier_style_edge (relation->type, FALSE);
      const DossierPoint *pts = (const DossierPoint *) (gpointer) e->points->data;
      g_autofree char *color = dossier_color_to_hex (&style->color);
      const DossierEntity *s = dossier_graph_get_entity (graph, relation->source);
      const DossierEntity *t = dossier_graph_get_entity (graph, relation->target);

      g_string_append_printf (out, "<g id=\"r%u\" class=\"edge %s\"><title>", e->relation,
                              dossier_relation_type_to_string (relation->type));
      append_xml_text (out, s->name);
      g_string_append_printf (out, " %s ", dossier_relation_type_to_string (relation->type));
      append_xml_text (out, t->name);
      g_string_append_printf (out, " (%u)</title>", relation->evidence->len);

      if (e->points->len >= 4)
        {
          g_string_append_printf (out, "<path fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\"", color, style->width);
          if (style->dash > 0)
            g_string_append_printf (out, " stroke-dasharray=\"%.1f\"", style->dash);
          g_string_append_printf (out, " d=\"M%.2f,%.2f", pts[0].x, pts[0].y);
          for (guint p = 1; p + 2 < e->points->len; p += 3)
            g_string_append_printf (out, " C%.2f,%.2f %.2f,%.2f %.2f,%.2f",
                                    pts[p].x, pts[p].y, pts[p + 1].x, pts[p + 1].y, pts[p + 2].x, pts[p + 2].y);
          if (e->has_arrow)
            g_string_append_printf (out, " L%.2f,%.2f", e->arrow_tip.x, e->arrow_tip.y);
          g_string_append (out, "\"/>");
        }
      g_string_append (out, "</g>\n");
    }

  for (guint i = 0; i < layout->nodes->len; i++)
    {
      const DossierLayoutNode *n = &g_array_index (layout->nodes, DossierLayoutNode, i);
      const DossierEntity *entity = dossier_graph_get_entity (graph, n->entity);
      const DossierNodeStyle *style = dossier_style_node (entity->type, FALSE);
      g_autofree char *fill = dossier_color_to_hex (&style->fill);
      g_autofree char *stroke = dossier_color_to_hex (&style->stroke);
      g_autofree char *text = dossier_color_to_hex (&style->text);

      g_string_append_printf (out, "<g id=\"e%u\" class=\"node %s\"><title>", n->entity,
                              dossier_entity_type_to_string (entity->type));
      append_xml_text (out, entity->name);
      g_string_append_printf (out, " (%u)</title>", entity->mentions->len);
      g_string_append_printf (out,
                              "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" rx=\"6\" fill=\"%s\" stroke=\"%s\"/>",
                              n->x - n->width / 2, n->y - n->height / 2, n->width, n->height, fill, stroke);
      g_string_append_printf (out,
                              "<text x=\"%.2f\" y=\"%.2f\" text-anchor=\"middle\" dominant-baseline=\"central\" "
                              "font-family=\"%s\" font-size=\"%.0f\" fill=\"%s\">",
                              n->x, n->y, DOSSIER_STYLE_FONT_FAMILY, DOSSIER_STYLE_FONT_SIZE, text);
      append_xml_text (out, entity->name);
      g_string_append (out, "</text></g>\n");
    }

  g_string_append (out, "</svg>\n");

  return g_string_free_to_bytes (out);
}

GBytes *
dossier_export_to_bytes (DossierSubgraph            *subgraph,
                         DossierLayout              *layout,
                         const DossierExportOptions *options,
                         GCancellable               *cancellable,
                         GError                    **error)
{
  g_return_val_if_fail (subgraph != NULL, NULL);
  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  switch (options->format)
    {
    case DOSSIER_EXPORT_PNG:
    case DOSSIER_EXPORT_PDF:
      return write_cairo (subgraph, layout, options, error);
    case DOSSIER_EXPORT_SVG:
      return write_svg (subgraph, layout);
    case DOSSIER_EXPORT_DOT:
      return write_dot (subgraph, layout);
    case DOSSIER_EXPORT_GRAPHML:
      return write_graphml (subgraph);
    case DOSSIER_EXPORT_JSON:
      {
        char *json = dossier_json_to_string (subgraph, layout, TRUE);
        return g_bytes_new_take (json, strlen (json));
      }
    default:
      g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_FORMAT,
                   _("Unknown export format"));
      return NULL;
    }
}

gboolean
dossier_export_to_file (DossierSubgraph            *subgraph,
                        DossierLayout              *layout,
                        const DossierExportOptions *options,
                        const char                 *path,
                        GCancellable               *cancellable,
                        GError                    **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!(bytes = dossier_export_to_bytes (subgraph, layout, options, cancellable, error)))
    return FALSE;

  /* g_file_replace writes a temporary file and renames it over the target
   * only once everything is written: a failure leaves the old file. */
  file = g_file_new_for_path (path);
  if (!g_file_replace_contents (file,
                                g_bytes_get_data (bytes, NULL),
                                g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                cancellable, &local_error))
    {
      g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_FAILED,
                   _("Could not write “%s”: %s"), path, local_error->message);
      return FALSE;
    }

  return TRUE;
}
