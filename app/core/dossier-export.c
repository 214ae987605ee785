/* dossier-export.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-export"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dossier-date.h"
#include "dossier-enums.h"
#include "dossier-export.h"
#include "dossier-export-private.h"
#include "dossier-io.h"
#include "dossier-json.h"
#include "dossier-keys.h"
#include "dossier-render.h"
#include "dossier-style.h"

G_DEFINE_QUARK (dossier-export-error-quark, dossier_export_error)

static const char * const mime_types[] = {
  [DOSSIER_EXPORT_PNG] = "image/png",
  [DOSSIER_EXPORT_SVG] = "image/svg+xml",
  [DOSSIER_EXPORT_PDF] = "application/pdf",
  [DOSSIER_EXPORT_DOT] = "text/vnd.graphviz",
  [DOSSIER_EXPORT_GRAPHML] = "application/graphml+xml",
  [DOSSIER_EXPORT_JSON] = "application/json",
  [DOSSIER_EXPORT_CSV] = "text/csv",
  [DOSSIER_EXPORT_GEXF] = "application/gexf+xml",
  [DOSSIER_EXPORT_NEO4J] = "inode/directory",
  [DOSSIER_EXPORT_HTML] = "text/html",
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

/* The nicks are the CLI's --format, the file extensions and the saved
 * setting: keep them. */
const char *
dossier_export_format_to_string (DossierExportFormat format)
{
  const char *nick = dossier_enum_to_nick (DOSSIER_TYPE_EXPORT_FORMAT, format);

  g_return_val_if_fail (nick != NULL, NULL);
  return nick;
}

const char *
dossier_export_format_mime_type (DossierExportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (mime_types), NULL);
  return mime_types[format];
}

gboolean
dossier_export_format_from_string (const char          *str,
                                   DossierExportFormat *format)
{
  int value;

  if (dossier_enum_from_nick (DOSSIER_TYPE_EXPORT_FORMAT, str, &value))
    {
      *format = value;
      return TRUE;
    }

  if (str != NULL && g_ascii_strcasecmp (str, "gv") == 0)
    {
      *format = DOSSIER_EXPORT_DOT;
      return TRUE;
    }
  if (str != NULL && g_ascii_strcasecmp (str, "htm") == 0)
    {
      *format = DOSSIER_EXPORT_HTML;
      return TRUE;
    }

  return FALSE;
}

gboolean
dossier_export_format_is_image (DossierExportFormat format)
{
  return format == DOSSIER_EXPORT_PNG || format == DOSSIER_EXPORT_SVG || format == DOSSIER_EXPORT_PDF;
}

gboolean
dossier_export_format_is_folder (DossierExportFormat format)
{
  return format == DOSSIER_EXPORT_NEO4J;
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

/* Progress and cancellation, checked between items. */
typedef struct
{
  const DossierExportOptions *options;
  GCancellable               *cancellable;
  guint                       done;
  guint                       total;
} Progress;

static gboolean
progress_step (Progress  *p,
               GError   **error)
{
  p->done++;

  if (p->options->progress != NULL && (p->done % 64 == 0 || p->done == p->total))
    p->options->progress (p->done, p->total, p->options->progress_data);

  return !g_cancellable_set_error_if_cancelled (p->cancellable, error);
}

/* What is drawn, in layout points. */
typedef struct
{
  double x;
  double y;
  double width;
  double height;
} View;

static gboolean
get_view (DossierLayout              *layout,
          const DossierExportOptions *options,
          View                       *view,
          GError                    **error)
{
  if (options->has_area)
    {
      if (!(options->area_width > 0 && options->area_height > 0) ||
          !isfinite (options->area_x) || !isfinite (options->area_y) ||
          !isfinite (options->area_width) || !isfinite (options->area_height))
        {
          g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_FORMAT,
                       _("The area to export is empty"));
          return FALSE;
        }
      *view = (View) { options->area_x, options->area_y, options->area_width, options->area_height };
    }
  else
    {
      /* An empty graph still gives a small blank picture. */
      *view = (View) { 0, 0,
                       MAX (layout->width, 2 * DOSSIER_LAYOUT_MARGIN),
                       MAX (layout->height, 2 * DOSSIER_LAYOUT_MARGIN) };
    }

  return TRUE;
}

static gboolean
node_in_view (const DossierLayoutNode *n,
              const View              *view)
{
  return n->x + n->width / 2 >= view->x && n->x - n->width / 2 <= view->x + view->width &&
         n->y + n->height / 2 >= view->y && n->y - n->height / 2 <= view->y + view->height;
}

/* Bézier curves stay inside their control points' box. */
static gboolean
edge_in_view (const DossierLayoutEdge *e,
              const View              *view)
{
  double x1, y1, x2, y2;

  dossier_layout_edge_box (e, 10, &x1, &y1, &x2, &y2);
  return x2 >= view->x && x1 <= view->x + view->width &&
         y2 >= view->y && y1 <= view->y + view->height;
}

/* The data formats keep the nodes touching the area and the relations
 * between them, as a subgraph of their own. */
static DossierSubgraph *
restrict_subgraph (DossierSubgraph            *subgraph,
                   DossierLayout              *layout,
                   const DossierExportOptions *options)
{
  g_autofree gboolean *keep = NULL;
  View view;

  if (!options->has_area)
    return dossier_subgraph_ref (subgraph);

  view = (View) { options->area_x, options->area_y, options->area_width, options->area_height };
  keep = g_new0 (gboolean, MAX (subgraph->entities->len, 1));
  for (guint i = 0; i < subgraph->entities->len; i++)
    {
      int n = dossier_layout_find_entity (layout, g_array_index (subgraph->entities, guint, i));

      keep[i] = n >= 0 && node_in_view (&g_array_index (layout->nodes, DossierLayoutNode, n), &view);
    }
  /* The area keeps the whole view's weights and community numbers. */
  return dossier_subgraph_restrict (subgraph, keep, TRUE);
}

/* XML text and attribute values.  Besides the five markup characters,
 * line breaks become character references so attributes keep them, and
 * the characters XML 1.0 forbids (controls, U+FFFE, U+FFFF) become U+FFFD. */
static void
append_xml (GString    *out,
            const char *str)
{
  g_autofree char *valid = g_utf8_make_valid (str != NULL ? str : "", -1);

  for (const char *p = valid; *p; p++)
    {
      switch (*p)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&apos;"); break;
        case '\n': g_string_append (out, "&#10;"); break;
        case '\r': g_string_append (out, "&#13;"); break;
        case '\t': g_string_append (out, "&#9;"); break;
        default:
          if ((guchar) *p < 0x20)
            g_string_append (out, "\xef\xbf\xbd");
          /* U+FFFE, U+FFFF: EF BF BE, EF BF BF (valid UTF-8, so p[2] exists). */
          else if ((guchar) p[0] == 0xEF && (guchar) p[1] == 0xBF && (guchar) p[2] >= 0xBE)
            {
              g_string_append (out, "\xef\xbf\xbd");
              p += 2;
            }
          else
            g_string_append_c (out, *p);
          break;
        }
    }
}

/* "Oracle\ncompany, 61 mentions in 5 articles" */
static char *
node_title (const DossierEntity *entity,
            guint                mentions,
            guint                articles)
{
  g_autofree char *m = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u mention", "%u mentions", mentions), mentions);
  g_autofree char *a = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", articles), articles);

  /* TRANSLATORS: name, then type, mentions, articles */
  return g_strdup_printf (_("%s\n%s, %s in %s"), entity->name,
                          dossier_entity_type_to_string (entity->type), m, a);
}

/* "Oracle → TikTok\nacquires, 3 passages" */
static char *
edge_title (DossierGraph          *graph,
            const DossierRelation *relation,
            guint                  evidence)
{
  const DossierEntity *s = dossier_graph_get_entity (graph, relation->source);
  const DossierEntity *t = dossier_graph_get_entity (graph, relation->target);
  g_autofree char *e = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u passage", "%u passages", evidence), evidence);

  return g_strdup_printf ("%s %s %s\n%s, %s", s->name,
                          dossier_relation_type_is_symmetric (relation->type) ? "—" : "→",
                          t->name, dossier_relation_type_to_string (relation->type), e);
}

/* ---- DOT ---------------------------------------------------------------
 * cgraph reads a quoted string verbatim except that \" is a quote, a
 * backslash before a newline joins lines and \\ stays two characters.  So
 * "name" escapes only quotes and keeps the name exact (an odd run of
 * backslashes before a quote, a newline or the end cannot be written, and
 * gains one backslash);
 * "label" is the display name with Graphviz's label escapes. */

static void
append_dot_raw (GString    *out,
                const char *str)
{
  g_autofree char *valid = g_utf8_make_valid (str, -1);

  g_string_append_c (out, '"');
  for (const char *p = valid; *p; p++)
    {
      if (*p == '\\')
        {
          /* Graphviz reads backslashes in pairs, and an odd one escapes
           * what follows: a run before a quote, a line end or the closing
           * quote stays exact when even, and gains one backslash when odd. */
          gsize run = strspn (p, "\\");
          char next = p[run];

          g_string_append_len (out, p, run);
          if ((run & 1) && (next == '"' || next == '\n' || next == '\r' || next == '\0'))
            g_string_append_c (out, '\\');
          p += run - 1;
        }
      else if (*p == '"')
        g_string_append (out, "\\\"");
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_dot_label (GString    *out,
                  const char *str)
{
  g_autofree char *valid = g_utf8_make_valid (str, -1);
  g_autofree char *line = dossier_style_display_name (valid);

  g_string_append_c (out, '"');
  for (const char *p = line; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* One node statement, @indent deep, for the actor @i of @community. */
static void
append_dot_node (GString         *out,
                 DossierSubgraph *subgraph,
                 DossierLayout   *layout,
                 guint            i,
                 guint            community,
                 const char      *indent)
{
  guint id = g_array_index (subgraph->entities, guint, i);
  const DossierEntity *entity = dossier_graph_get_entity (subgraph->graph, id);
  const DossierNodeStyle *style = dossier_style_node (entity->type, FALSE);
  g_autofree char *fill = dossier_color_to_hex (&style->fill);
  g_autofree char *stroke = dossier_color_to_hex (&style->stroke);
  g_autofree char *aliases = dossier_export_join_aliases (entity);
  g_autofree char *key = dossier_key_for_entity (entity);
  int n = dossier_layout_find_entity (layout, id);
  gboolean pinned = dossier_layout_entity_is_pinned (layout, id);

  /* Keys need no escaping (dossier-keys.h) and stay the same from one
   * export to the next. */
  g_string_append_printf (out, "%s\"%s\" [label=", indent, key);
  append_dot_label (out, entity->name);
  g_string_append (out, ", name=");
  append_dot_raw (out, entity->name);
  g_string_append (out, ", aliases=");
  append_dot_raw (out, aliases);
  g_string_append_printf (out, ", type=\"%s\", mentions=%u, articles=%u, shape=%s, fillcolor=\"%s\", color=\"%s\"",
                          dossier_entity_type_to_string (entity->type),
                          g_array_index (subgraph->entity_mentions, guint, i),
                          dossier_subgraph_entity_articles (subgraph, i),
                          style->graphviz_shape, fill, stroke);
  g_string_append_printf (out, ", weight=%g, community=%u, pinned=%s",
                          dossier_subgraph_entity_weight (subgraph, i), community,
                          pinned ? "true" : "false");
  if (n >= 0)
    {
      const DossierLayoutNode *node = &g_array_index (layout->nodes, DossierLayoutNode, n);

      /* Back to Graphviz's y-up points and inches: `neato -n` redraws it,
       * and a pinned actor keeps its place in any neato layout ("!"). */
      g_string_append_printf (out, ", pos=\"%.2f,%.2f%s\", width=%.3f, height=%.3f",
                              node->x, layout->height - node->y, pinned ? "!" : "",
                              node->width / 72.0, node->height / 72.0);
    }
  g_string_append (out, "];\n");
}

/* The actor naming @community: the filter's leader, or else its member
 * with the most mentions (a subgraph built by hand). */
static guint
dot_cluster_leader (DossierSubgraph *subgraph,
                    const guint     *communities,
                    guint            community)
{
  guint best = G_MAXUINT, best_mentions = 0;

  if (subgraph->community_leaders != NULL && community < subgraph->community_leaders->len)
    return g_array_index (subgraph->community_leaders, guint, community);
  for (guint i = 0; i < subgraph->entities->len; i++)
    if (communities[i] == community &&
        (best == G_MAXUINT || g_array_index (subgraph->entity_mentions, guint, i) > best_mentions))
      {
        best = g_array_index (subgraph->entities, guint, i);
        best_mentions = g_array_index (subgraph->entity_mentions, guint, i);
      }
  return best;
}

/* Members per community, indexed by number: the clusters are those of two
 * actors or more, when there are two communities or more (one tells
 * nothing apart, as for the halos). */
static guint *
dot_cluster_sizes (DossierSubgraph *subgraph,
                   const guint     *communities,
                   guint           *n_communities)
{
  guint n = 0, n_clusters = 0;
  guint *sizes;

  for (guint i = 0; i < subgraph->entities->len; i++)
    n = MAX (n, communities[i] + 1);
  sizes = g_new0 (guint, MAX (n, 1));
  for (guint i = 0; i < subgraph->entities->len; i++)
    sizes[communities[i]]++;
  for (guint c = 0; c < n; c++)
    n_clusters += sizes[c] >= 2;
  if (n_clusters < 2 && n > 0)
    for (guint c = 0; c < n; c++)
      if (sizes[c] >= 2)
        sizes[c] = 0;
  *n_communities = n;
  return sizes;
}

/* The actors, each community of two or more as a Graphviz cluster named
 * after its leader, so that dot draws a box around it. */
static gboolean
append_dot_nodes (GString         *out,
                  DossierSubgraph *subgraph,
                  DossierLayout   *layout,
                  Progress        *progress,
                  GError         **error)
{
  g_autofree guint *communities = dossier_export_communities (subgraph);
  g_autofree guint *sizes = NULL;
  guint n_communities;

  sizes = dot_cluster_sizes (subgraph, communities, &n_communities);
  for (guint i = 0; i < subgraph->entities->len; i++)
    if (sizes[communities[i]] < 2)
      {
        append_dot_node (out, subgraph, layout, i, communities[i], "  ");
        if (!progress_step (progress, error))
          return FALSE;
      }

  for (guint c = 0; c < n_communities; c++)
    {
      guint leader;

      if (sizes[c] < 2)
        continue;
      leader = dot_cluster_leader (subgraph, communities, c);
      g_string_append_printf (out, "  subgraph cluster_%u {\n    label=", c);
      append_dot_label (out, leader != G_MAXUINT ? dossier_graph_get_entity (subgraph->graph, leader)->name : "");
      g_string_append (out, ";\n");
      for (guint i = 0; i < subgraph->entities->len; i++)
        if (communities[i] == c)
          {
            append_dot_node (out, subgraph, layout, i, c, "    ");
            if (!progress_step (progress, error))
              return FALSE;
          }
      g_string_append (out, "  }\n");
    }
  return TRUE;
}

static GBytes *
write_dot (DossierSubgraph *subgraph,
           DossierLayout   *layout,
           Progress        *progress,
           GError         **error)
{
  DossierGraph *graph = subgraph->graph;
  g_autoptr(GString) out = g_string_new (NULL);

  progress->total = subgraph->entities->len + subgraph->relations->len;

  g_string_append (out, "digraph \"dossier\" {\n");
  g_string_append_printf (out, "  graph [fontname=\"%s\", outputorder=edgesfirst];\n", DOSSIER_STYLE_FONT_FAMILY);
  g_string_append_printf (out, "  node [fontname=\"%s\", fontsize=%g, style=filled, fixedsize=true];\n",
                          DOSSIER_STYLE_FONT_FAMILY, DOSSIER_STYLE_FONT_SIZE);
  g_string_append_printf (out, "  edge [fontname=\"%s\", fontsize=%g];\n",
                          DOSSIER_STYLE_FONT_FAMILY, DOSSIER_RENDER_EDGE_FONT_SIZE);

  if (!append_dot_nodes (out, subgraph, layout, progress, error))
    return NULL;

  for (guint i = 0; i < subgraph->relations->len; i++)
    {
      guint id = g_array_index (subgraph->relations, guint, i);
      const DossierRelation *relation = dossier_graph_get_relation (graph, id);
      const DossierEdgeStyle *style = dossier_style_edge (relation->type, FALSE);
      g_autofree char *color = dossier_color_to_hex (&style->color);
      const char *type = dossier_relation_type_to_string (relation->type);

      g_autofree char *key = dossier_key_for_relation (graph, relation);
      g_autofree char *source = dossier_key_for_entity (dossier_graph_get_entity (graph, relation->source));
      g_autofree char *target = dossier_key_for_entity (dossier_graph_get_entity (graph, relation->target));

      /* The key keeps parallel relations apart when read back. */
      g_string_append_printf (out, "  \"%s\" -> \"%s\" [key=\"%s\", id=\"%s\", label=\"%s\", type=\"%s\", evidence=%u, color=\"%s\", penwidth=%.1f%s%s];\n",
                              source, target, key, key, type, type,
                              g_array_index (subgraph->relation_evidence, guint, i),
                              color,
                              dossier_style_edge_width (style, g_array_index (subgraph->relation_evidence, guint, i)),
                              style->dash > 0 ? ", style=dashed" : "",
                              dossier_relation_type_is_symmetric (relation->type) ? ", dir=none" : "");

      if (!progress_step (progress, error))
        return NULL;
    }

  g_string_append (out, "}\n");

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

/* ---- GraphML -------------------------------------------------------------
 * Gephi maps the attribute names label, x, y, size, r, g, b (nodes) and
 * label, weight (edges) onto its own columns; the rest become data
 * columns.  Gephi's y axis points up, so y is flipped back. */

/* Gephi's columns and ours, in the order they are declared. */
static const struct
{
  const char *id;
  const char *domain;
  const char *name;
  const char *type;
} graphml_keys[] = {
  { "label",      "node", "label",      "string" },
  { "type",       "node", "type",       "string" },
  { "aliases",    "node", "aliases",    "string" },
  { "mentions",   "node", "mentions",   "int" },
  { "articles",   "node", "articles",   "int" },
  { "discovered", "node", "discovered", "boolean" },
  { "x",          "node", "x",          "float" },
  { "y",          "node", "y",          "float" },
  { "size",       "node", "size",       "float" },
  { "r",          "node", "r",          "int" },
  { "g",          "node", "g",          "int" },
  { "b",          "node", "b",          "int" },
  { "elabel",     "edge", "label",      "string" },
  { "relation",   "edge", "relation",   "string" },
  { "evidence",   "edge", "evidence",   "int" },
  { "weight",     "edge", "weight",     "double" },
  { "key",        "all",  "key",        "string" },
  { "first",      "all",  "first_date", "string" },
  { "last",       "all",  "last_date",  "string" },
  { "type_label", "edge", "type_label", "string" },
  { "dates",      "edge", "dates",      "string" },
  { "sources",    "edge", "articles",   "string" },
  { "negated",    "edge", "negated",    "int" },
  { "hedged",     "edge", "hedged",     "int" },
  { "community",  "node", "community",  "int" },
  { "node_weight", "node", "weight",    "double" },
  { "pinned",     "node", "pinned",     "boolean" },
};

static void
append_graphml_node (GString         *out,
                     DossierSubgraph *subgraph,
                     DossierLayout   *layout,
                     guint            i,
                     guint            community,
                     const guint32   *spans)
{
  guint id = g_array_index (subgraph->entities, guint, i);
  const DossierEntity *entity = dossier_graph_get_entity (subgraph->graph, id);
  g_autofree char *aliases = dossier_export_join_aliases (entity);
  g_autofree char *key = dossier_key_for_entity (entity);
  int n = dossier_layout_find_entity (layout, id);
  int rgb[3];

  dossier_export_node_rgb (entity->type, rgb);
  g_string_append_printf (out, "    <node id=\"%s\">\n      <data key=\"key\">%s</data>\n      <data key=\"label\">",
                          key, key);
  append_xml (out, entity->name);
  g_string_append_printf (out, "</data>\n      <data key=\"type\">%s</data>\n      <data key=\"aliases\">",
                          dossier_entity_type_to_string (entity->type));
  append_xml (out, aliases);
  g_string_append_printf (out,
                          "</data>\n"
                          "      <data key=\"mentions\">%u</data>\n"
                          "      <data key=\"articles\">%u</data>\n"
                          "      <data key=\"discovered\">%s</data>\n"
                          "      <data key=\"r\">%d</data>\n"
                          "      <data key=\"g\">%d</data>\n"
                          "      <data key=\"b\">%d</data>\n",
                          g_array_index (subgraph->entity_mentions, guint, i),
                          dossier_subgraph_entity_articles (subgraph, i),
                          entity->discovered ? "true" : "false", rgb[0], rgb[1], rgb[2]);
  if (n >= 0)
    {
      const DossierLayoutNode *node = &g_array_index (layout->nodes, DossierLayoutNode, n);

      g_string_append_printf (out,
                              "      <data key=\"x\">%.2f</data>\n"
                              "      <data key=\"y\">%.2f</data>\n"
                              "      <data key=\"size\">%.2f</data>\n",
                              node->x, layout->height - node->y, node->height / 2);
    }
  g_string_append_printf (out, "      <data key=\"community\">%u</data>\n"
                          "      <data key=\"node_weight\">%g</data>\n"
                          "      <data key=\"pinned\">%s</data>\n",
                          community, dossier_subgraph_entity_weight (subgraph, i),
                          dossier_layout_entity_is_pinned (layout, id) ? "true" : "false");
  if (spans[i] != 0)
    dossier_export_append_span (out, DOSSIER_SPAN_GRAPHML, spans[i], spans[subgraph->entities->len + i]);
  g_string_append (out, "    </node>\n");
}

typedef struct
{
  DossierCorpus *corpus;
  GString       *dates;
  GString       *articles;
  GHashTable    *seen;
} GraphmlPassages;

/* Each visible passage's date, and the articles they come from. */
static void
add_graphml_passage (const DossierEvidence *ev,
                     gpointer               user_data)
{
  GraphmlPassages *p = user_data;
  g_autofree char *date = dossier_date_to_string (&ev->date);

  if (date != NULL)
    g_string_append_printf (p->dates, "%s%s", p->dates->len > 0 ? ";" : "", date);
  if (g_hash_table_add (p->seen, GUINT_TO_POINTER (ev->article)))
    g_string_append_printf (p->articles, "%s%s", p->articles->len > 0 ? ";" : "",
                            dossier_corpus_get_article (p->corpus, ev->article)->id);
}

static void
append_graphml_edge (GString         *out,
                     DossierSubgraph *subgraph,
                     guint            i)
{
  DossierGraph *graph = subgraph->graph;
  const DossierRelation *relation = dossier_graph_get_relation (graph, g_array_index (subgraph->relations, guint, i));
  const char *type = dossier_relation_type_to_string (relation->type);
  guint evidence = g_array_index (subgraph->relation_evidence, guint, i);
  g_autofree char *key = dossier_key_for_relation (graph, relation);
  g_autofree char *source = dossier_key_for_entity (dossier_graph_get_entity (graph, relation->source));
  g_autofree char *target = dossier_key_for_entity (dossier_graph_get_entity (graph, relation->target));
  g_autoptr(GString) dates = g_string_new (NULL);
  g_autoptr(GString) articles = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GraphmlPassages passages = { graph->corpus, dates, articles, seen };
  guint negated, hedged;
  guint32 first, last;

  dossier_export_visit_passages (subgraph, relation, add_graphml_passage, &passages, &negated, &hedged);
  g_string_append_printf (out,
                          "    <edge id=\"%s\" source=\"%s\" target=\"%s\"%s>\n"
                          "      <data key=\"key\">%s</data>\n"
                          "      <data key=\"elabel\">%s</data>\n"
                          "      <data key=\"relation\">%s</data>\n"
                          "      <data key=\"evidence\">%u</data>\n"
                          "      <data key=\"weight\">%u</data>\n"
                          "      <data key=\"negated\">%u</data>\n"
                          "      <data key=\"hedged\">%u</data>\n"
                          "      <data key=\"type_label\">",
                          key, source, target,
                          dossier_relation_type_is_symmetric (relation->type) ? " directed=\"false\"" : "",
                          key, type, type, evidence, evidence, negated, hedged);
  append_xml (out, dossier_style_relation_label (relation->type));
  g_string_append (out, "</data>\n      <data key=\"dates\">");
  append_xml (out, dates->str);
  g_string_append (out, "</data>\n      <data key=\"sources\">");
  append_xml (out, articles->str);
  g_string_append (out, "</data>\n");
  if (dossier_export_relation_span (subgraph, i, &first, &last))
    dossier_export_append_span (out, DOSSIER_SPAN_GRAPHML, first, last);
  g_string_append (out, "    </edge>\n");
}

/* The actors, with their community and the span of their passages. */
static gboolean
append_graphml_nodes (GString         *out,
                      DossierSubgraph *subgraph,
                      DossierLayout   *layout,
                      Progress        *progress,
                      GError         **error)
{
  g_autofree guint32 *spans = dossier_export_entity_spans (subgraph);
  g_autofree guint *communities = dossier_export_communities (subgraph);

  for (guint i = 0; i < subgraph->entities->len; i++)
    {
      append_graphml_node (out, subgraph, layout, i, communities[i], spans);
      if (!progress_step (progress, error))
        return FALSE;
    }
  return TRUE;
}

static GBytes *
write_graphml (DossierSubgraph *subgraph,
               DossierLayout   *layout,
               Progress        *progress,
               GError         **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  progress->total = subgraph->entities->len + subgraph->relations->len;

  g_string_append (out,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
                   "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                   "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
  for (guint k = 0; k < G_N_ELEMENTS (graphml_keys); k++)
    g_string_append_printf (out, "  <key id=\"%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
                            graphml_keys[k].id, graphml_keys[k].domain,
                            graphml_keys[k].name, graphml_keys[k].type);
  g_string_append (out, "  <graph id=\"dossier\" edgedefault=\"directed\">\n");

  if (!append_graphml_nodes (out, subgraph, layout, progress, error))
    return NULL;
  for (guint i = 0; i < subgraph->relations->len; i++)
    {
      append_graphml_edge (out, subgraph, i);
      if (!progress_step (progress, error))
        return NULL;
    }

  g_string_append (out, "  </graph>\n</graphml>\n");

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

/* ---- SVG ---------------------------------------------------------------- */


static void
append_color_attr (GString            *out,
                   const char         *attr,
                   const DossierColor *color)
{
  g_autofree char *hex = dossier_color_to_rgb_hex (color);

  g_string_append_printf (out, " %s=\"%s\"", attr, hex);
  if (color->alpha < 1.0)
    g_string_append_printf (out, " %s-opacity=\"%.2f\"", attr, color->alpha);
}

/* The renderer's own outline of the shape, as a path. */
static void
append_svg_shape (GString                *out,
                  const DossierNodeStyle *style,
                  double                  cx,
                  double                  cy,
                  double                  w,
                  double                  h)
{
  g_autofree char *d = dossier_render_shape_svg_path (cx, cy, w, h, style->shape);

  g_string_append_printf (out, "<path class=\"shape %s\" d=\"%s\"", style->graphviz_shape, d);
  append_color_attr (out, "fill", &style->fill);
  append_color_attr (out, "stroke", &style->stroke);
  g_string_append (out, " stroke-width=\"1.5\"/>");
}

static void
append_svg_stroke (GString                *out,
                   const DossierEdgeStyle *style,
                   double                  width)
{
  append_color_attr (out, "stroke", &style->color);
  g_string_append_printf (out, " stroke-width=\"%.2f\"", width);
  if (style->dash > 0)
    g_string_append_printf (out, " stroke-dasharray=\"%.1f\"", style->dash);
}

static void
append_svg_arrow (GString            *out,
                  const char         *klass,
                  const DossierPoint  arrow[3],
                  const DossierColor *color)
{
  g_string_append_printf (out, "<polygon%s%s%s points=\"%.2f,%.2f %.2f,%.2f %.2f,%.2f\"",
                          klass != NULL ? " class=\"" : "", klass != NULL ? klass : "", klass != NULL ? "\"" : "",
                          arrow[0].x, arrow[0].y, arrow[1].x, arrow[1].y, arrow[2].x, arrow[2].y);
  append_color_attr (out, "fill", color);
  g_string_append (out, "/>");
}

/* The legend's rows for the clusters: a dot of the halo's colour and the
 * cluster's name, as dossier_renderer_draw_legend draws them. */
static void
append_svg_legend_communities (GString                    *out,
                               DossierSubgraph            *subgraph,
                               const DossierRenderOptions *render,
                               double                      x,
                               double                      row_y,
                               const DossierColor         *fg)
{
  guint communities[DOSSIER_STYLE_N_COMMUNITY_COLORS + 1];
  guint n = dossier_render_legend_communities (subgraph, communities);

  for (guint k = 0; k < n; k++, row_y += DOSSIER_RENDER_LEGEND_ROW)
    {
      DossierColor color = dossier_style_community_color (communities[k], render->dark);
      g_autofree char *d = dossier_render_shape_svg_path (x + DOSSIER_RENDER_LEGEND_PAD + DOSSIER_RENDER_LEGEND_SAMPLE_W / 2, row_y,
                                                          DOSSIER_RENDER_LEGEND_SAMPLE_H, DOSSIER_RENDER_LEGEND_SAMPLE_H,
                                                          DOSSIER_SHAPE_ELLIPSE);
      g_autofree char *label = dossier_render_community_label (subgraph, communities[k]);

      g_string_append_printf (out, "<path class=\"community-sample\" d=\"%s\"", d);
      append_color_attr (out, "fill", &color);
      g_string_append_printf (out, "/><text class=\"community\" data-community=\"%u\" x=\"%.2f\" y=\"%.2f\" dy=\"0.35em\"",
                              communities[k], x + 2 * DOSSIER_RENDER_LEGEND_PAD + DOSSIER_RENDER_LEGEND_SAMPLE_W, row_y);
      append_color_attr (out, "fill", fg);
      g_string_append (out, ">");
      append_xml (out, label);
      g_string_append (out, "</text>\n");
    }
}

static void
append_svg_legend (GString                    *out,
                   DossierSubgraph            *subgraph,
                   DossierLayout              *layout,
                   const DossierRenderOptions *render,
                   double                      x,
                   double                      y)
{
  DossierColor bg = dossier_style_background (render->dark);
  DossierColor fg = dossier_style_node (DOSSIER_ENTITY_COMPANY, render->dark)->text;
  guint entity_types, relation_types;
  double width, height, row_y;

  dossier_render_legend_size (subgraph, layout, render, &width, &height);
  if (width <= 0)
    return;
  dossier_render_types_present (subgraph, layout, &entity_types, &relation_types);

  g_string_append (out, "<g id=\"legend\" font-size=\"11\">\n");
  g_string_append_printf (out, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\"",
                          x, y, width, height);
  append_color_attr (out, "fill", &bg);
  fg.alpha = 0.4;
  append_color_attr (out, "stroke", &fg);
  fg.alpha = 1.0;
  g_string_append (out, " stroke-width=\"0.8\"/>\n");

  row_y = y + DOSSIER_RENDER_LEGEND_PAD + DOSSIER_RENDER_LEGEND_ROW / 2;
  for (guint t = 0; t < DOSSIER_N_ENTITY_TYPES + DOSSIER_N_RELATION_TYPES; t++)
    {
      gboolean entity = t < DOSSIER_N_ENTITY_TYPES;
      guint type = entity ? t : t - DOSSIER_N_ENTITY_TYPES;
      double sx = x + DOSSIER_RENDER_LEGEND_PAD + DOSSIER_RENDER_LEGEND_SAMPLE_W / 2;

      if (!((entity ? entity_types : relation_types) & (1u << type)))
        continue;

      if (entity)
        append_svg_shape (out, dossier_style_node (type, render->dark), sx, row_y,
                          DOSSIER_RENDER_LEGEND_SAMPLE_W, DOSSIER_RENDER_LEGEND_SAMPLE_H);
      else
        {
          const DossierEdgeStyle *style = dossier_style_edge (type, render->dark);
          DossierPoint arrow[3];

          g_string_append_printf (out, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\"",
                                  sx - DOSSIER_RENDER_LEGEND_SAMPLE_W / 2, row_y,
                                  sx + DOSSIER_RENDER_LEGEND_SAMPLE_W / 2, row_y);
          append_svg_stroke (out, style, style->width);
          g_string_append (out, "/>");
          if (dossier_render_legend_arrow (type, sx, row_y, arrow))
            append_svg_arrow (out, "arrow", arrow, &style->color);
        }

      g_string_append_printf (out, "<text class=\"%s\" data-type=\"%s\" x=\"%.2f\" y=\"%.2f\" dy=\"0.35em\"",
                              entity ? "entity-type" : "relation-type",
                              entity ? dossier_entity_type_to_string (type) : dossier_relation_type_to_string (type),
                              x + 2 * DOSSIER_RENDER_LEGEND_PAD + DOSSIER_RENDER_LEGEND_SAMPLE_W, row_y);
      append_color_attr (out, "fill", &fg);
      g_string_append (out, ">");
      append_xml (out, entity ? dossier_style_entity_label (type) : dossier_style_relation_label (type));
      g_string_append (out, "</text>\n");
      row_y += DOSSIER_RENDER_LEGEND_ROW;
    }
  append_svg_legend_communities (out, subgraph, render, x, row_y, &fg);

  g_string_append (out, "</g>\n");
}

/* The picture around the view: a title above it, the legend right of it,
 * a caption below, all in points from the picture's top left. */
typedef struct
{
  double width;
  double height;
  double top;        /* where the graph starts: below the title */
  double legend_x;
  double title_y;
  double caption_y;
} Canvas;

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

static void
canvas_init (Canvas                     *c,
             DossierSubgraph            *subgraph,
             DossierLayout              *layout,
             const DossierExportOptions *options,
             const DossierRenderOptions *render,
             const View                 *view)
{
  double lw = 0, lh = 0, tw = 0, th = 0, cw = 0, ch = 0;

  if (has_text (options->title))
    dossier_render_text_size (options->title, DOSSIER_RENDER_TITLE_FONT_SIZE, TRUE, &tw, &th);
  if (has_text (options->caption))
    dossier_render_text_size (options->caption, DOSSIER_RENDER_CAPTION_FONT_SIZE, FALSE, &cw, &ch);
  if (render->legend)
    dossier_render_legend_size (subgraph, layout, render, &lw, &lh);

  c->title_y = DOSSIER_LAYOUT_MARGIN;
  c->top = th > 0 ? DOSSIER_LAYOUT_MARGIN + th : 0;
  c->width = view->width;
  c->height = view->height;
  c->legend_x = view->width + DOSSIER_LAYOUT_MARGIN;
  if (lw > 0)
    {
      c->width += lw + 2 * DOSSIER_LAYOUT_MARGIN;
      c->height = MAX (c->height, lh + 2 * DOSSIER_LAYOUT_MARGIN);
    }
  c->height += c->top;
  c->caption_y = c->height;
  if (ch > 0)
    c->height += ch + DOSSIER_LAYOUT_MARGIN;
  /* A long caption widens the picture rather than being cut. */
  c->width = MAX (c->width, MAX (tw, cw) + 2 * DOSSIER_LAYOUT_MARGIN);
}

static void
append_svg_text_line (GString            *out,
                      const char         *id,
                      const char         *text,
                      double              x,
                      double              y,
                      double              size,
                      gboolean            bold,
                      const DossierColor *color)
{
  /* dy: the first baseline, about 0.9 em below the top of the line. */
  g_string_append_printf (out, "<text id=\"%s\" x=\"%.2f\" y=\"%.2f\" dy=\"0.9em\" font-size=\"%g\"%s",
                          id, x, y, size, bold ? " font-weight=\"bold\"" : "");
  append_color_attr (out, "fill", color);
  g_string_append (out, ">");
  append_xml (out, text);
  g_string_append (out, "</text>\n");
}

/* The document up to the graph: size, title for assistive technologies,
 * background, the picture's title and caption. */
static void
append_svg_head (GString                    *out,
                 DossierLayout              *layout,
                 const DossierExportOptions *options,
                 const Canvas               *c,
                 double                      x0,
                 double                      y0)
{
  DossierColor bg = dossier_style_background (options->dark);
  DossierColor fg = dossier_style_node (DOSSIER_ENTITY_COMPANY, options->dark)->text;
  g_autofree char *desc = g_strdup_printf (_("%u actors, %u relations"),
                                           layout->nodes->len, layout->edges->len);

  /* The viewBox starts at the view (above it, by the title's height), so
   * an area export needs no shift. */
  g_string_append_printf (out,
                          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
                          "width=\"%.2fpt\" height=\"%.2fpt\" viewBox=\"%.2f %.2f %.2f %.2f\" "
                          "font-family=\"%s, Verdana, sans-serif\" role=\"img\" aria-labelledby=\"dossier-title dossier-desc\">\n",
                          c->width, c->height, x0, y0, c->width, c->height,
                          DOSSIER_STYLE_FONT_FAMILY);
  g_string_append (out, "<title id=\"dossier-title\">");
  append_xml (out, _("Dossier graph"));
  g_string_append (out, "</title>\n<desc id=\"dossier-desc\">");
  append_xml (out, desc);
  g_string_append (out, "</desc>\n");

  if (!options->transparent)
    {
      g_string_append_printf (out, "<rect class=\"background\" x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\"",
                              x0, y0, c->width, c->height);
      append_color_attr (out, "fill", &bg);
      g_string_append (out, "/>\n");
    }
  if (has_text (options->title))
    append_svg_text_line (out, "title", options->title, x0 + DOSSIER_LAYOUT_MARGIN, y0 + c->title_y,
                          DOSSIER_RENDER_TITLE_FONT_SIZE, TRUE, &fg);
  if (has_text (options->caption))
    append_svg_text_line (out, "caption", options->caption, x0 + DOSSIER_LAYOUT_MARGIN, y0 + c->caption_y,
                          DOSSIER_RENDER_CAPTION_FONT_SIZE, FALSE, &fg);
}

static void
append_svg_edge (GString                 *out,
                 DossierSubgraph         *subgraph,
                 const DossierLayoutEdge *e,
                 gboolean                 dark)
{
  DossierGraph *graph = subgraph->graph;
  const DossierRelation *relation = dossier_graph_get_relation (graph, e->relation);
  const DossierEdgeStyle *style = dossier_style_edge (relation->type, dark);
  guint evidence = dossier_render_relation_passages (subgraph, e->relation);
  g_autofree char *title = edge_title (graph, relation, evidence);
  g_autofree char *key = dossier_key_for_relation (graph, relation);
  g_autofree char *d = dossier_render_edge_svg_path (e);
  DossierPoint arrow[3];

  g_string_append_printf (out, "<g id=\"r%u\" class=\"edge %s\" data-key=\"%s\" data-source=\"e%u\" data-target=\"e%u\" data-evidence=\"%u\"><title>",
                          e->relation, dossier_relation_type_to_string (relation->type), key,
                          relation->source, relation->target, evidence);
  append_xml (out, title);
  g_string_append (out, "</title><path");
  append_svg_stroke (out, style, dossier_style_edge_width (style, evidence));
  g_string_append_printf (out, " d=\"%s\"/>", d);
  if (dossier_render_arrow_points (e, arrow))
    append_svg_arrow (out, NULL, arrow, &style->color);
  g_string_append (out, "</g>\n");
}

/* A relation label where the renderer places it, on the same halo. */
static void
append_svg_edge_label (GString                     *out,
                       DossierSubgraph             *subgraph,
                       const DossierLayoutEdge     *e,
                       const DossierEdgeLabelPlace *place,
                       gboolean                     dark)
{
  const DossierRelation *relation = dossier_graph_get_relation (subgraph->graph, e->relation);
  DossierColor color = dossier_style_edge (relation->type, dark)->color;
  DossierColor halo = dossier_style_background (dark);

  halo.alpha = 0.8;
  g_string_append_printf (out, "<rect class=\"halo\" x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\"",
                          place->x - place->width / 2, place->y - place->height / 2,
                          place->width, place->height);
  append_color_attr (out, "fill", &halo);
  color.alpha = 1.0;
  g_string_append_printf (out, "/><text class=\"edge-label\" data-edge=\"r%u\" x=\"%.2f\" y=\"%.2f\" dy=\"0.35em\"",
                          e->relation, place->x, place->y);
  append_color_attr (out, "fill", &color);
  g_string_append (out, ">");
  append_xml (out, dossier_style_relation_label (relation->type));
  g_string_append (out, "</text>\n");
}

/* A node's name where the renderer places it: in its shape, or beside it
 * on a halo of background when it must be larger than the node font. */
static void
append_svg_name (GString                 *out,
                 const DossierLayoutNode *n,
                 const DossierEntity     *entity,
                 const DossierLabelPlace *place,
                 gboolean                 dark)
{
  gboolean inside = place->spot == DOSSIER_LABEL_INSIDE;
  g_autofree char *name = dossier_style_display_name (entity->name);

  if (place->spot == DOSSIER_LABEL_HIDDEN)
    return;
  g_string_append_printf (out, "<text x=\"%.2f\" y=\"%.2f\" dy=\"0.35em\"",
                          inside ? n->x : place->x + place->width / 2,
                          inside ? n->y : place->y + place->height / 2);
  if (place->font_scale != 1.0)
    g_string_append_printf (out, " font-size=\"%.2f\"", DOSSIER_STYLE_FONT_SIZE * place->font_scale);
  append_color_attr (out, "fill", &dossier_style_node (inside ? entity->type : DOSSIER_ENTITY_COMPANY, dark)->text);
  if (!inside)
    {
      DossierColor bg = dossier_style_background (dark);

      bg.alpha = 0.85;
      append_color_attr (out, "stroke", &bg);
      g_string_append_printf (out, " stroke-width=\"%.2f\" stroke-linejoin=\"round\" paint-order=\"stroke\"",
                              DOSSIER_NODE_LABEL_HALO * DOSSIER_STYLE_FONT_SIZE * place->font_scale);
    }
  g_string_append (out, ">");
  append_xml (out, name);
  g_string_append (out, "</text>");
}

static void
append_svg_node (GString                 *out,
                 DossierSubgraph         *subgraph,
                 const DossierLayoutNode *n,
                 const DossierLabelPlace *place,
                 gboolean                 dark)
{
  const DossierEntity *entity = dossier_graph_get_entity (subgraph->graph, n->entity);
  const DossierNodeStyle *style = dossier_style_node (entity->type, dark);
  int k = dossier_subgraph_find_entity (subgraph, n->entity);
  guint mentions = k >= 0 ? g_array_index (subgraph->entity_mentions, guint, k) : entity->mentions->len;
  guint articles = k >= 0 ? dossier_subgraph_entity_articles (subgraph, k) : dossier_entity_count_articles (entity);
  g_autofree char *title = node_title (entity, mentions, articles);
  g_autofree char *key = dossier_key_for_entity (entity);
  DossierColor halo;
  guint community;

  g_string_append_printf (out, "<g id=\"e%u\" class=\"node %s\" data-key=\"%s\" data-mentions=\"%u\"><title>",
                          n->entity, dossier_entity_type_to_string (entity->type), key, mentions);
  append_xml (out, title);
  g_string_append (out, "</title>");
  if (dossier_render_node_halo (subgraph, n->entity, dark, &halo, &community))
    {
      g_autofree char *d = dossier_render_shape_svg_path (n->x, n->y, n->width, n->height, n->shape);

      g_string_append_printf (out, "<path class=\"community-halo\" data-community=\"%u\" d=\"%s\" fill=\"none\"",
                              community, d);
      append_color_attr (out, "stroke", &halo);
      g_string_append_printf (out, " stroke-width=\"%g\" stroke-linejoin=\"round\"/>", 2 * DOSSIER_STYLE_HALO_WIDTH);
    }
  append_svg_shape (out, style, n->x, n->y, n->width, n->height);
  append_svg_name (out, n, entity, place, dark);
  g_string_append (out, "</g>\n");
}

/* The edges, their labels and the nodes, in drawing order; FALSE when
 * cancelled. */
static gboolean
append_svg_graph (GString                    *out,
                  DossierSubgraph            *subgraph,
                  DossierLayout              *layout,
                  const DossierExportOptions *options,
                  const View                 *view,
                  Progress                   *progress,
                  GError                    **error)
{
  g_autoptr(DossierRenderer) renderer = NULL;

  g_string_append (out, "<g id=\"edges\" fill=\"none\">\n");
  for (guint i = 0; i < layout->edges->len; i++)
    {
      const DossierLayoutEdge *e = &g_array_index (layout->edges, DossierLayoutEdge, i);

      if (!progress_step (progress, error))
        return FALSE;
      if (e->points->len >= 4 && (!options->has_area || edge_in_view (e, view)))
        append_svg_edge (out, subgraph, e, options->dark);
    }
  g_string_append (out, "</g>\n");

  /* Relation labels and names go where the renderer puts them at 1:1. */
  renderer = dossier_renderer_new (subgraph, layout, NULL);
  if (options->edge_labels)
    {
      g_string_append_printf (out, "<g id=\"edge-labels\" font-size=\"%.1f\" text-anchor=\"middle\">\n",
                              DOSSIER_RENDER_EDGE_FONT_SIZE);
    }
  for (guint i = 0; i < layout->edges->len; i++)
    {
      const DossierLayoutEdge *e = &g_array_index (layout->edges, DossierLayoutEdge, i);
      const DossierEdgeLabelPlace *place;

      if (!progress_step (progress, error))
        return FALSE;
      if (options->edge_labels && e->points->len >= 4 && (!options->has_area || edge_in_view (e, view)) &&
          (place = dossier_renderer_get_label_place (renderer, i))->shown)
        append_svg_edge_label (out, subgraph, e, place, options->dark);
    }
  if (options->edge_labels)
    g_string_append (out, "</g>\n");

  g_string_append_printf (out, "<g id=\"nodes\" font-size=\"%g\" text-anchor=\"middle\">\n", DOSSIER_STYLE_FONT_SIZE);
  for (guint i = 0; i < layout->nodes->len; i++)
    {
      const DossierLayoutNode *n = &g_array_index (layout->nodes, DossierLayoutNode, i);

      if (!progress_step (progress, error))
        return FALSE;
      if (!options->has_area || node_in_view (n, view))
        append_svg_node (out, subgraph, n, dossier_renderer_get_node_label (renderer, 1.0, i), options->dark);
    }
  g_string_append (out, "</g>\n");
  return TRUE;
}

static GBytes *
write_svg (DossierSubgraph            *subgraph,
           DossierLayout              *layout,
           const DossierExportOptions *options,
           const DossierRenderOptions *render,
           const View                 *view,
           Progress                   *progress,
           GError                    **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  Canvas c;

  progress->total = 2 * layout->edges->len + layout->nodes->len;
  canvas_init (&c, subgraph, layout, options, render, view);
  append_svg_head (out, layout, options, &c, view->x, view->y - c.top);
  if (!append_svg_graph (out, subgraph, layout, options, view, progress, error))
    return NULL;
  if (render->legend)
    append_svg_legend (out, subgraph, layout, render,
                       view->x + c.legend_x, view->y + DOSSIER_LAYOUT_MARGIN);
  g_string_append (out, "</svg>\n");

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

/* ---- PNG and PDF through cairo ------------------------------------------ */

static cairo_status_t
append_to_byte_array (void                *closure,
                      const unsigned char *data,
                      unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static guint32
crc32_png (const guint8 *data,
           gsize         len)
{
  static guint32 table[256];
  static gsize table_ready;
  guint32 crc = 0xffffffff;

  if (g_once_init_enter (&table_ready))
    {
      for (guint32 n = 0; n < 256; n++)
        {
          guint32 c = n;

          for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
          table[n] = c;
        }
      g_once_init_leave (&table_ready, 1);
    }

  for (gsize i = 0; i < len; i++)
    crc = table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);

  return crc ^ 0xffffffff;
}

/* cairo writes no resolution; a pHYs chunk right after IHDR tells image
 * viewers and word processors the intended size (72 * scale dpi). */
static void
png_set_dpi (GByteArray *png,
             double      dpi)
{
  guint8 chunk[4 + 4 + 9 + 4];
  guint32 ppm = (guint32) (dpi / 0.0254 + 0.5);
  guint32 crc;
  const gsize after_ihdr = 8 + 4 + 4 + 13 + 4;

  if (png->len < after_ihdr || memcmp (png->data + 12, "IHDR", 4) != 0)
    return;

  chunk[0] = 0; chunk[1] = 0; chunk[2] = 0; chunk[3] = 9;
  memcpy (chunk + 4, "pHYs", 4);
  for (int i = 0; i < 2; i++)
    {
      chunk[8 + 4 * i] = ppm >> 24;
      chunk[9 + 4 * i] = ppm >> 16;
      chunk[10 + 4 * i] = ppm >> 8;
      chunk[11 + 4 * i] = ppm;
    }
  chunk[16] = 1;  /* unit: metre */
  crc = crc32_png (chunk + 4, 4 + 9);
  chunk[17] = crc >> 24;
  chunk[18] = crc >> 16;
  chunk[19] = crc >> 8;
  chunk[20] = crc;

  /* A GByteArray is a GArray of guint8. */
  g_array_insert_vals ((GArray *) png, after_ihdr, chunk, sizeof chunk);
}

/* One pass over the edges, the labels or the nodes of the view, counted
 * in @progress; FALSE when cancelled. */
typedef enum
{
  PASS_EDGES,
  PASS_LABELS,
  PASS_NODES,
  PASS_NAMES,
} Pass;

static gboolean
draw_pass (cairo_t                    *cr,
           DossierRenderer            *renderer,
           DossierLayout              *layout,
           const DossierExportOptions *options,
           const View                 *view,
           Pass                        pass,
           Progress                   *progress,
           GError                    **error)
{
  gboolean nodes = pass == PASS_NODES || pass == PASS_NAMES;
  guint n = nodes ? layout->nodes->len : layout->edges->len;
  /* Names are chosen for the zoom of the surface, as the view chooses
   * them for its own, over the whole graph. */
  double zoom = dossier_render_device_zoom (cr);

  for (guint i = 0; i < n; i++)
    {
      const DossierEdgeLabelPlace *place;

      if (!progress_step (progress, error))
        return FALSE;
      if (nodes)
        {
          if (options->has_area && !node_in_view (&g_array_index (layout->nodes, DossierLayoutNode, i), view))
            continue;
          if (pass == PASS_NODES)
            dossier_renderer_draw_node (renderer, cr, i, FALSE);
          else
            dossier_renderer_draw_node_label (renderer, cr, i, dossier_renderer_get_node_label (renderer, zoom, i));
          continue;
        }
      if (options->has_area && !edge_in_view (&g_array_index (layout->edges, DossierLayoutEdge, i), view))
        continue;
      if (pass == PASS_EDGES)
        dossier_renderer_draw_edge (renderer, cr, i);
      else if (options->edge_labels && (place = dossier_renderer_get_label_place (renderer, i))->shown)
        dossier_renderer_draw_edge_label (renderer, cr, i, place->x, place->y);
    }
  return TRUE;
}

static gboolean
draw_graph (cairo_t                    *cr,
            DossierSubgraph            *subgraph,
            DossierLayout              *layout,
            const DossierExportOptions *options,
            const DossierRenderOptions *render,
            const View                 *view,
            Progress                   *progress,
            GError                    **error)
{
  g_autoptr(DossierRenderer) renderer = dossier_renderer_new (subgraph, layout, render);
  DossierColor fg = dossier_style_node (DOSSIER_ENTITY_COMPANY, render->dark)->text;
  gboolean ok = TRUE;
  Canvas c;

  progress->total = 2 * layout->edges->len + 2 * layout->nodes->len;
  canvas_init (&c, subgraph, layout, options, render, view);

  if (render->background)
    {
      DossierColor bg = dossier_style_background (render->dark);

      cairo_set_source_rgba (cr, bg.red, bg.green, bg.blue, bg.alpha);
      cairo_paint (cr);
    }

  cairo_save (cr);
  cairo_translate (cr, 0, c.top);
  cairo_rectangle (cr, 0, 0, view->width, view->height);
  cairo_clip (cr);
  cairo_translate (cr, -view->x, -view->y);
  /* Relation labels go on top of every line, under the nodes; names on top. */
  for (Pass pass = PASS_EDGES; pass <= PASS_NAMES && ok; pass++)
    ok = draw_pass (cr, renderer, layout, options, view, pass, progress, error);
  cairo_restore (cr);
  if (!ok)
    return FALSE;

  if (render->legend)
    dossier_renderer_draw_legend (renderer, cr, c.legend_x, c.top + DOSSIER_LAYOUT_MARGIN);
  if (has_text (options->title))
    dossier_renderer_draw_text (renderer, cr, options->title, DOSSIER_RENDER_TITLE_FONT_SIZE, TRUE,
                                DOSSIER_LAYOUT_MARGIN, c.title_y, &fg);
  if (has_text (options->caption))
    dossier_renderer_draw_text (renderer, cr, options->caption, DOSSIER_RENDER_CAPTION_FONT_SIZE, FALSE,
                                DOSSIER_LAYOUT_MARGIN, c.caption_y, &fg);
  return TRUE;
}

static GBytes *
write_cairo (DossierSubgraph            *subgraph,
             DossierLayout              *layout,
             const DossierExportOptions *options,
             const DossierRenderOptions *render,
             const View                 *view,
             Progress                   *progress,
             GError                    **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  cairo_status_t status;
  gboolean ok;
  Canvas c;

  canvas_init (&c, subgraph, layout, options, render, view);
  width = c.width;
  height = c.height;

  if (options->format == DOSSIER_EXPORT_PNG)
    {
      double scale = options->scale;
      double pw, ph;

      if (!(scale > 0) || !isfinite (scale))
        {
          g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_FORMAT,
                       _("The scale must be a positive number"));
          return NULL;
        }

      pw = ceil (width * scale);
      ph = ceil (height * scale);
      if (pw > 32767 || ph > 32767 || pw * ph > DOSSIER_EXPORT_MAX_PIXELS)
        {
          g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_TOO_LARGE,
                       _("The image would be too large (%.0f × %.0f pixels); choose a smaller scale or SVG"),
                       pw, ph);
          return NULL;
        }

      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAX ((int) pw, 1), MAX ((int) ph, 1));
      cr = cairo_create (surface);
      cairo_scale (cr, scale, scale);
      ok = draw_graph (cr, subgraph, layout, options, render, view, progress, error);
      status = cairo_status (cr);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      if (ok && status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_write_to_png_stream (surface, append_to_byte_array, bytes);
      cairo_surface_destroy (surface);
      if (ok && status == CAIRO_STATUS_SUCCESS)
        png_set_dpi (bytes, 72.0 * scale);
    }
  else
    {
      g_autofree char *pdf_title = dossier_style_display_name (has_text (options->title) ? options->title
                                                                                         : _("Dossier graph"));

      surface = cairo_pdf_surface_create_for_stream (append_to_byte_array, bytes, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, pdf_title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Dossier");
      cr = cairo_create (surface);
      ok = draw_graph (cr, subgraph, layout, options, render, view, progress, error);
      if (ok)
        cairo_show_page (cr);
      status = cairo_status (cr);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_status (surface);
      cairo_surface_destroy (surface);
    }

  if (!ok)
    return NULL;

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, DOSSIER_EXPORT_ERROR,
                   status == CAIRO_STATUS_NO_MEMORY ? DOSSIER_EXPORT_ERROR_TOO_LARGE : DOSSIER_EXPORT_ERROR_FAILED,
                   _("Could not draw the image: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

GBytes *
dossier_export_to_bytes (DossierSubgraph            *subgraph,
                         DossierLayout              *layout,
                         const DossierExportOptions *options,
                         GCancellable               *cancellable,
                         GError                    **error)
{
  g_autoptr(DossierSubgraph) visible = NULL;
  DossierRenderOptions render;
  Progress progress = { options, cancellable, 0, 0 };
  GBytes *bytes = NULL;
  locale_t c_locale, old_locale;
  View view;

  g_return_val_if_fail (subgraph != NULL, NULL);
  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (options->format >= G_N_ELEMENTS (mime_types))
    {
      g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_FORMAT,
                   _("Unknown export format"));
      return NULL;
    }

  if (!get_view (layout, options, &view, error))
    return NULL;

  dossier_render_options_init (&render);
  render.dark = options->dark;
  render.background = !options->transparent;
  render.edge_labels = options->edge_labels;
  render.legend = options->legend;

  /* Numbers in every format use a dot, whatever the user's locale. */
  c_locale = newlocale (LC_NUMERIC_MASK, "C", (locale_t) 0);
  old_locale = uselocale (c_locale);

  switch (options->format)
    {
    case DOSSIER_EXPORT_PNG:
    case DOSSIER_EXPORT_PDF:
      bytes = write_cairo (subgraph, layout, options, &render, &view, &progress, error);
      break;

    case DOSSIER_EXPORT_SVG:
      bytes = write_svg (subgraph, layout, options, &render, &view, &progress, error);
      break;

    case DOSSIER_EXPORT_DOT:
      visible = restrict_subgraph (subgraph, layout, options);
      bytes = write_dot (visible, layout, &progress, error);
      break;

    case DOSSIER_EXPORT_GRAPHML:
      visible = restrict_subgraph (subgraph, layout, options);
      bytes = write_graphml (visible, layout, &progress, error);
      break;

    case DOSSIER_EXPORT_CSV:
      visible = restrict_subgraph (subgraph, layout, options);
      bytes = dossier_export_write_csv (visible, cancellable, error);
      break;

    case DOSSIER_EXPORT_GEXF:
      visible = restrict_subgraph (subgraph, layout, options);
      bytes = dossier_export_write_gexf (visible, layout, cancellable, error);
      break;

    case DOSSIER_EXPORT_HTML:
      bytes = dossier_export_write_html (subgraph, layout, options, cancellable, error);
      break;

    case DOSSIER_EXPORT_NEO4J:
      g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_FORMAT,
                   _("The Neo4j export is a folder of files; give a folder to write it to"));
      break;

    case DOSSIER_EXPORT_JSON:
    default:
      {
        char *json;

        visible = restrict_subgraph (subgraph, layout, options);
        json = dossier_json_to_string (visible, layout, TRUE);
        bytes = g_bytes_new_take (json, strlen (json));
        if (options->progress != NULL)
          options->progress (1, 1, options->progress_data);
      }
      break;
    }

  uselocale (old_locale);
  freelocale (c_locale);

  /* The evidence formats are written in one go. */
  if (bytes != NULL && options->progress != NULL &&
      (options->format == DOSSIER_EXPORT_CSV || options->format == DOSSIER_EXPORT_GEXF ||
       options->format == DOSSIER_EXPORT_HTML))
    options->progress (1, 1, options->progress_data);

  return bytes;
}

/* For the evidence formats in dossier-export-data.c: the same escape and
 * the same area, so every format agrees. */
void
dossier_export_append_xml (GString    *out,
                           const char *str)
{
  append_xml (out, str);
}

DossierSubgraph *
dossier_export_visible_subgraph (DossierSubgraph            *subgraph,
                                 DossierLayout              *layout,
                                 const DossierExportOptions *options)
{
  return restrict_subgraph (subgraph, layout, options);
}

/* ---- Atomic writes ------------------------------------------------------ */

static gboolean
set_write_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *display_dir = g_filename_display_name (dir);
  int code;

  switch (saved_errno)
    {
    case EACCES:
    case EPERM:
    case EROFS:
      code = DOSSIER_EXPORT_ERROR_PERMISSION;
      break;
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
      code = DOSSIER_EXPORT_ERROR_NO_SPACE;
      break;
    case ENOENT:
      /* Some file systems (/proc, /sys) answer ENOENT to new files. */
      if (g_file_test (dir, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_PERMISSION,
                       _("Could not write “%s”: the folder “%s” does not accept new files"),
                       display, display_dir);
          return FALSE;
        }
      g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_NOT_FOUND,
                   _("Could not write “%s”: the folder “%s” does not exist"),
                   display, display_dir);
      return FALSE;
    case ENOTDIR:
      g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_NOT_FOUND,
                   _("Could not write “%s”: “%s” is not a folder"),
                   display, display_dir);
      return FALSE;
    case EISDIR:
      g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_IS_DIRECTORY,
                   _("Could not write “%s”: it is a folder"), display);
      return FALSE;
    default:
      code = DOSSIER_EXPORT_ERROR_FAILED;
      break;
    }

  g_set_error (error, DOSSIER_EXPORT_ERROR, code,
               _("Could not write “%s”: %s"), display, g_strerror (saved_errno));
  return FALSE;
}

/* Writes all of @bytes to @fd, a megabyte at a time so that a cancel is
 * seen; FALSE with @error set when cancelled or when writing fails. */
static gboolean
write_all (int            fd,
           GBytes        *bytes,
           const char    *display,
           GCancellable  *cancellable,
           GError       **error)
{
  gsize len, written = 0;
  const guint8 *data = g_bytes_get_data (bytes, &len);

  while (written < len)
    {
      gssize n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      n = write (fd, data + written, MIN (len - written, 1 << 20));
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return set_write_error (error, n < 0 ? errno : EIO, display);
      written += n;
    }
  return TRUE;
}

/* A device or a pipe ("/dev/stdout", a FIFO) is written to as it is:
 * replacing it with a file would break it. */
static gboolean
write_in_place (const char    *path,
                const char    *display,
                GBytes        *bytes,
                GCancellable  *cancellable,
                GError       **error)
{
  int fd = open (path, O_WRONLY | O_CLOEXEC);

  if (fd < 0)
    return set_write_error (error, errno, display);
  if (!write_all (fd, bytes, display, cancellable, error))
    {
      close (fd);
      return FALSE;
    }
  if (close (fd) != 0)
    return set_write_error (error, errno, display);
  return TRUE;
}

/* The file a chain of symbolic links ends at (it may not exist yet), so
 * that a link is written through, not replaced by a file. */
static char *
resolve_links (const char *path)
{
  char *current = g_strdup (path);

  for (guint i = 0; i < 16 && g_file_test (current, G_FILE_TEST_IS_SYMLINK); i++)
    {
      g_autofree char *target = g_file_read_link (current, NULL);
      g_autofree char *dir = NULL;

      if (target == NULL)
        break;
      dir = g_path_get_dirname (current);
      g_free (current);
      current = g_path_is_absolute (target) ? g_strdup (target) : g_build_filename (dir, target, NULL);
    }
  return current;
}

typedef struct
{
  GBytes       *bytes;
  const char   *display_path;
  GCancellable *cancellable;
  gboolean      replacing;
  guint         mode;          /* the replaced file's */
} AtomicWrite;

static gboolean
write_bytes (int       fd,
             gpointer  user_data,
             GError  **error)
{
  AtomicWrite *w = user_data;

  /* Replacing a file keeps its permissions. */
  if (w->replacing)
    (void) fchmod (fd, w->mode);
  return write_all (fd, w->bytes, w->display_path, w->cancellable, error);
}

gboolean
dossier_export_write_atomically (const char    *display_path,
                                 GBytes        *bytes,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  AtomicWrite w = { bytes, display_path, cancellable, FALSE, 0 };
  g_autofree char *path = NULL;
  GStatBuf st;
  int failed_errno;

  g_return_val_if_fail (display_path != NULL, FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  if (*display_path == '\0')
    return set_write_error (error, ENOENT, display_path);

  path = resolve_links (display_path);

  /* rename() would fail later anyway; say it before making anything. */
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return set_write_error (error, EISDIR, display_path);
  if (g_stat (path, &st) == 0)
    {
      if (!S_ISREG (st.st_mode))
        return write_in_place (path, display_path, bytes, cancellable, error);
      w.replacing = TRUE;
      w.mode = st.st_mode & 07777;
    }

  if (dossier_io_replace_with (path, write_bytes, &w, cancellable, &failed_errno, error))
    return TRUE;
  return failed_errno != 0 ? set_write_error (error, failed_errno, display_path) : FALSE;
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

  g_return_val_if_fail (subgraph != NULL, FALSE);
  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (options->format == DOSSIER_EXPORT_NEO4J)
    {
      g_autoptr(DossierSubgraph) visible = restrict_subgraph (subgraph, layout, options);

      return dossier_export_write_neo4j (visible, path, cancellable, error);
    }

  if (!(bytes = dossier_export_to_bytes (subgraph, layout, options, cancellable, error)))
    return FALSE;

  return dossier_export_write_atomically (path, bytes, cancellable, error);
}

/* ---- Async -------------------------------------------------------------- */

typedef struct
{
  DossierSubgraph      *subgraph;
  DossierLayout        *layout;
  DossierExportOptions  options;
  char                 *path;
  GMainContext         *context;
  DossierProgressFunc   progress;
  gpointer              progress_data;
} ExportData;

static void
export_data_free (ExportData *data)
{
  dossier_subgraph_unref (data->subgraph);
  dossier_layout_unref (data->layout);
  g_main_context_unref (data->context);
  g_free ((char *) data->options.title);
  g_free ((char *) data->options.caption);
  g_free (data->path);
  g_free (data);
}

typedef struct
{
  DossierProgressFunc func;
  gpointer            data;
  guint               done;
  guint               total;
} ProgressCall;

static gboolean
progress_call_run (gpointer user_data)
{
  ProgressCall *call = user_data;

  call->func (call->done, call->total, call->data);
  return G_SOURCE_REMOVE;
}

/* From the worker thread to the caller's main context. */
static void
progress_marshal (guint    done,
                  guint    total,
                  gpointer user_data)
{
  ExportData *data = user_data;
  ProgressCall *call = g_new (ProgressCall, 1);
  GSource *source = g_idle_source_new ();

  call->func = data->progress;
  call->data = data->progress_data;
  call->done = done;
  call->total = total;

  /* Not g_main_context_invoke: when the caller's thread is not iterating
   * its context, the worker may acquire it and call back from here. */
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, progress_call_run, call, g_free);
  g_source_attach (source, data->context);
  g_source_unref (source);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  GError *error = NULL;

  if (dossier_export_to_file (data->subgraph, data->layout, &data->options,
                              data->path, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
dossier_export_to_file_async (DossierSubgraph            *subgraph,
                              DossierLayout              *layout,
                              const DossierExportOptions *options,
                              const char                 *path,
                              GCancellable               *cancellable,
                              GAsyncReadyCallback         callback,
                              gpointer                    user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (subgraph != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (options != NULL);
  g_return_if_fail (path != NULL);

  data = g_new0 (ExportData, 1);
  data->subgraph = dossier_subgraph_ref (subgraph);
  data->layout = dossier_layout_ref (layout);
  data->options = *options;
  data->options.title = g_strdup (options->title);
  data->options.caption = g_strdup (options->caption);
  data->path = g_strdup (path);
  data->context = g_main_context_ref_thread_default ();
  data->progress = options->progress;
  data->progress_data = options->progress_data;
  if (options->progress != NULL)
    {
      data->options.progress = progress_marshal;
      data->options.progress_data = data;
    }

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_export_to_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
dossier_export_to_file_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
