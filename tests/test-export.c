/* test-export.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Every export format is parsed back: PNG header and size, SVG and
 * GraphML through GMarkup, PDF header and pages, DOT through cgraph, JSON
 * through json-glib.  Hostile names go through each.  Failed writes leave
 * nothing behind and never harm an existing file. */

#include "config.h"

#include <cairo.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <graphviz/cgraph.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "dossier-export.h"
#include "dossier-keys.h"
#include "dossier-render.h"
#include "dossier-style.h"
#include "export-test-util.h"
#include "xml-test-util.h"

static char *
entity_name (ExportFixture *f,
             guint    id)
{
  return g_strdup (dossier_graph_get_entity (f->sub->graph, id)->name);
}

/* ---- PNG ---------------------------------------------------------------- */

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Checks the signature, IHDR and pHYs chunks and decodes the pixels. */
static cairo_surface_t *
check_png (GBytes *bytes,
           int     width,
           int     height,
           double  dpi)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  cairo_surface_t *surface;
  gboolean found_phys = FALSE;

  g_assert_cmpuint (len, >, 33);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpmem (data + 12, 4, "IHDR", 4);
  g_assert_cmpuint (be32 (data + 16), ==, width);
  g_assert_cmpuint (be32 (data + 20), ==, height);

  for (gsize pos = 8; pos + 12 <= len;)
    {
      guint32 chunk = be32 (data + pos);

      if (memcmp (data + pos + 4, "pHYs", 4) == 0)
        {
          g_assert_cmpuint (chunk, ==, 9);
          g_assert_cmpfloat_with_epsilon (be32 (data + pos + 8) * 0.0254, dpi, 0.05);
          g_assert_cmpuint (data[pos + 16], ==, 1);
          found_phys = TRUE;
        }
      pos += 12 + chunk;
    }
  g_assert_true (found_phys);

  surface = test_decode_png (bytes);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, height);

  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  cairo_surface_flush (surface);
  return *(guint32 *) (gpointer) (cairo_image_surface_get_data (surface) +
                                  y * cairo_image_surface_get_stride (surface) + 4 * x);
}

static void
test_png (ExportFixture *f,
          gconstpointer  data)
{
  DossierExportOptions options;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) transparent = NULL;
  cairo_surface_t *surface;
  const DossierLayoutNode *n = &g_array_index (f->layout->nodes, DossierLayoutNode, 0);
  const DossierEntity *entity = dossier_graph_get_entity (f->sub->graph, n->entity);
  const DossierNodeStyle *style = dossier_style_node (entity->type, FALSE);
  guint32 pixel;

  dossier_export_options_init (&options, DOSSIER_EXPORT_PNG);
  options.scale = 1.5;
  bytes = export_with (f, &options);
  surface = check_png (bytes, (int) ceil (f->layout->width * 1.5), (int) ceil (f->layout->height * 1.5), 108);

  /* The corner is background, white and opaque... */
  g_assert_cmphex (pixel_at (surface, 0, 0), ==, 0xffffffff);
  /* ...and a node's fill is the style's colour, a bit right of the label. */
  pixel = pixel_at (surface, (int) ((n->x - n->width / 2 + 3) * 1.5), (int) (n->y * 1.5));
  g_assert_cmpint ((pixel >> 16) & 0xff, ==, (int) (style->fill.red * 255 + 0.5));
  g_assert_cmpint ((pixel >> 8) & 0xff, ==, (int) (style->fill.green * 255 + 0.5));
  g_assert_cmpint (pixel & 0xff, ==, (int) (style->fill.blue * 255 + 0.5));
  cairo_surface_destroy (surface);

  /* Transparent: the corner has alpha 0; 300 dpi is scale 300/72. */
  options.transparent = TRUE;
  options.scale = 300.0 / 72.0;
  transparent = export_with (f, &options);
  surface = check_png (transparent, (int) ceil (f->layout->width * options.scale),
                       (int) ceil (f->layout->height * options.scale), 300);
  g_assert_cmphex (pixel_at (surface, 0, 0) >> 24, ==, 0);
  cairo_surface_destroy (surface);
}

static void
test_png_errors (ExportFixture *f,
                 gconstpointer  data)
{
  DossierExportOptions options;
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  dossier_export_options_init (&options, DOSSIER_EXPORT_PNG);
  options.scale = 1000;
  bytes = dossier_export_to_bytes (f->sub, f->layout, &options, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_TOO_LARGE);
  g_clear_error (&error);

  options.scale = -1;
  bytes = dossier_export_to_bytes (f->sub, f->layout, &options, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_FORMAT);
  g_clear_error (&error);

  options.format = 42;
  bytes = dossier_export_to_bytes (f->sub, f->layout, &options, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_FORMAT);
}

/* ---- XML (SVG, GraphML) -------------------------------------------------- */

typedef struct
{
  GPtrArray  *stack;         /* element names */
  GHashTable *ids;           /* id -> element name */
  guint       nodes;         /* <g class="node ..."> or <node> */
  guint       edges;
  guint       texts;
  guint       shapes[4];     /* box, ellipse, other node shapes; edge paths */
  guint       halos;         /* community halos around nodes */
  char       *view_box;
  GPtrArray  *titles;        /* text of every <title> */
  GPtrArray  *labels;        /* <data key="label"> text */
  GHashTable *keys;          /* GraphML key attr.name -> attr.type */
  guint       node_data;
  char       *current_key;
} XmlStats;

static void
xml_start (const XmlTestElement *e,
           gpointer              data)
{
  XmlStats *s = data;
  const char *id = xml_test_attr (e, "id"), *klass = xml_test_attr (e, "class"), *key = xml_test_attr (e, "key");
  gboolean in_node = FALSE;

  for (guint i = 0; i < s->stack->len; i++)
    {
      const char *parent = g_ptr_array_index (s->stack, i);
      in_node |= g_str_has_prefix (parent, "node:");
    }

  if (xml_test_attr (e, "viewBox") != NULL)
    {
      g_free (s->view_box);
      s->view_box = g_strdup (xml_test_attr (e, "viewBox"));
    }

  if (id != NULL)
    {
      /* Ids are unique in the document. */
      g_assert_false (g_hash_table_contains (s->ids, id));
      g_hash_table_insert (s->ids, g_strdup (id), g_strdup (e->name));
    }

  if (g_str_equal (e->name, "g") && klass != NULL && g_str_has_prefix (klass, "node "))
    {
      s->nodes++;
      g_ptr_array_add (s->stack, g_strdup ("node:g"));
      return;
    }
  if (g_str_equal (e->name, "g") && klass != NULL && g_str_has_prefix (klass, "edge "))
    s->edges++;
  if (g_str_equal (e->name, "node"))
    s->nodes++;
  if (g_str_equal (e->name, "edge"))
    s->edges++;
  if (g_str_equal (e->name, "text"))
    s->texts++;
  /* Node shapes are the renderer's outlines as paths, named by class. */
  if (in_node && g_str_equal (e->name, "path") && g_strcmp0 (klass, "community-halo") == 0)
    s->halos++;
  else if (in_node && g_str_equal (e->name, "path") && klass != NULL)
    s->shapes[g_str_equal (klass, "shape box") ? 0 : g_str_equal (klass, "shape ellipse") ? 1 : 2]++;
  else if (g_str_equal (e->name, "path"))
    s->shapes[3]++;
  if (g_str_equal (e->name, "key"))
    {
      g_assert_nonnull (xml_test_attr (e, "attr.name"));
      g_assert_nonnull (xml_test_attr (e, "attr.type"));
      g_hash_table_insert (s->keys, g_strdup (id), g_strdup (xml_test_attr (e, "attr.name")));
    }
  if (g_str_equal (e->name, "data"))
    {
      g_assert_nonnull (key);
      g_free (s->current_key);
      s->current_key = g_strdup (key);
    }

  g_ptr_array_add (s->stack, g_strdup (e->name));
}

static void
xml_end (const char *name,
         const char *text,
         gpointer    data)
{
  XmlStats *s = data;

  if (g_str_equal (name, "title"))
    g_ptr_array_add (s->titles, g_strdup (text));
  if (g_str_equal (name, "data") && g_str_equal (s->current_key, "label"))
    g_ptr_array_add (s->labels, g_strdup (text));
  if (g_str_equal (name, "data"))
    s->node_data++;

  g_ptr_array_remove_index (s->stack, s->stack->len - 1);
}

static void
xml_stats_free (XmlStats *s)
{
  g_ptr_array_unref (s->stack);
  g_hash_table_unref (s->ids);
  g_ptr_array_unref (s->titles);
  g_ptr_array_unref (s->labels);
  g_hash_table_unref (s->keys);
  g_free (s->view_box);
  g_free (s->current_key);
  g_free (s);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XmlStats, xml_stats_free)

static XmlStats *
parse_xml (GBytes *bytes)
{
  static const XmlTestWalker walker = { xml_start, xml_end };
  g_autoptr(GError) error = NULL;
  XmlStats *s = g_new0 (XmlStats, 1);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  s->stack = g_ptr_array_new_with_free_func (g_free);
  s->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  s->titles = g_ptr_array_new_with_free_func (g_free);
  s->labels = g_ptr_array_new_with_free_func (g_free);
  s->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_assert_true (g_utf8_validate (data, len, NULL));
  xml_test_walk (data, len, &walker, s, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (s->stack->len, ==, 0);

  return s;
}

static gboolean
has_title_starting (XmlStats   *s,
                    const char *prefix)
{
  return g_ptr_array_find_with_equal_func (s->titles, prefix, (GEqualFunc) g_str_has_prefix, NULL);
}

static void
test_svg (ExportFixture *f,
          gconstpointer  data)
{
  g_autoptr(GBytes) bytes = export_format (f, DOSSIER_EXPORT_SVG);
  g_autoptr(XmlStats) s = parse_xml (bytes);
  guint shape_count[4] = { 0 };
  g_auto(GStrv) box = NULL;

  g_assert_cmpuint (s->nodes, ==, f->layout->nodes->len);
  g_assert_cmpuint (s->edges, ==, f->layout->edges->len);
  g_assert_cmpuint (s->shapes[3], ==, f->layout->edges->len);
  /* Text stays text: one <text> per node label. */
  g_assert_cmpuint (s->texts, >=, f->layout->nodes->len);

  /* Shapes follow the style: boxes, ellipses, and polygons for diamonds
   * and hexagons. */
  for (guint i = 0; i < f->layout->nodes->len; i++)
    {
      const DossierLayoutNode *n = &g_array_index (f->layout->nodes, DossierLayoutNode, i);
      DossierShape shape = dossier_style_node (dossier_graph_get_entity (f->sub->graph, n->entity)->type, FALSE)->shape;
      g_autofree char *id = g_strdup_printf ("e%u", n->entity);
      g_autofree char *name = entity_name (f, n->entity);

      shape_count[shape == DOSSIER_SHAPE_BOX ? 0 : shape == DOSSIER_SHAPE_ELLIPSE ? 1 : 2]++;
      g_assert_cmpstr (g_hash_table_lookup (s->ids, id), ==, "g");
      /* The title starts with the exact name, then the counts. */
      g_assert_true (has_title_starting (s, name));
    }
  g_assert_cmpuint (s->shapes[0], ==, shape_count[0]);
  g_assert_cmpuint (s->shapes[1], ==, shape_count[1]);
  g_assert_cmpuint (s->shapes[2], ==, shape_count[2]);

  for (guint i = 0; i < f->layout->edges->len; i++)
    {
      g_autofree char *id = g_strdup_printf ("r%u", g_array_index (f->layout->edges, DossierLayoutEdge, i).relation);
      g_assert_cmpstr (g_hash_table_lookup (s->ids, id), ==, "g");
    }

  /* It scales: a viewBox the size of the layout. */
  g_assert_nonnull (s->view_box);
  box = g_strsplit (s->view_box, " ", -1);
  g_assert_cmpuint (g_strv_length (box), ==, 4);
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (box[2], NULL), f->layout->width, 0.01);
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (box[3], NULL), f->layout->height, 0.01);
}

/* Relations the articles repeat are drawn thicker, the same in every
 * picture: the SVG writes the width the renderer strokes. */
static void
test_edge_width_by_passages (ExportFixture *f,
                             gconstpointer  data)
{
  const DossierEdgeStyle *owns = dossier_style_edge (DOSSIER_RELATION_OWNS, FALSE);
  g_autoptr(GBytes) bytes = export_format (f, DOSSIER_EXPORT_SVG);
  g_autofree char *svg = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  guint best = 0, most = 0;

  g_assert_cmpfloat (dossier_style_edge_width (owns, 0), ==, owns->width);
  g_assert_cmpfloat (dossier_style_edge_width (owns, 1), ==, owns->width);
  g_assert_cmpfloat (dossier_style_edge_width (owns, 2), >, owns->width);
  g_assert_cmpfloat (dossier_style_edge_width (owns, 8), >, dossier_style_edge_width (owns, 2));
  g_assert_cmpfloat (dossier_style_edge_width (owns, 100000), <=, 2.5 * owns->width);

  for (guint i = 0; i < f->sub->relations->len; i++)
    if (g_array_index (f->sub->relation_evidence, guint, i) > most)
      {
        most = g_array_index (f->sub->relation_evidence, guint, i);
        best = i;
      }
  g_assert_cmpuint (most, >, 1);
  {
    guint id = g_array_index (f->sub->relations, guint, best);
    const DossierRelation *relation = dossier_graph_get_relation (f->sub->graph, id);
    const DossierEdgeStyle *style = dossier_style_edge (relation->type, FALSE);
    g_autofree char *group = g_strdup_printf ("<g id=\"r%u\"", id);
    g_autofree char *width = g_strdup_printf ("stroke-width=\"%.2f\"", dossier_style_edge_width (style, most));
    const char *at = strstr (svg, group);
    const char *end = at != NULL ? strstr (at, "</g>") : NULL;

    g_assert_nonnull (end);
    g_assert_nonnull (g_strstr_len (at, end - at, width));
  }
}

static guint
community_size (DossierSubgraph *sub,
                guint            index)
{
  guint c = g_array_index (sub->entity_community, guint, index), n = 0;

  for (guint i = 0; i < sub->entities->len; i++)
    n += g_array_index (sub->entity_community, guint, i) == c;
  return n;
}

/* Every node carries the halo of its community (none alone in its own),
 * in the community's colour, in the SVG and in the PNG; the seeds have
 * several communities. */
static void
test_community_halos (ExportFixture *f,
                      gconstpointer  data)
{
  guint tinted = 0, seen = 0, clustered = 0;
  DossierExportOptions options;
  g_autoptr(GBytes) png = NULL;
  cairo_surface_t *surface;
  g_autoptr(GBytes) svg = export_format (f, DOSSIER_EXPORT_SVG);
  g_autofree char *text = g_strndup (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));
  g_autoptr(XmlStats) s = parse_xml (svg);

  g_assert_nonnull (f->sub->community_leaders);
  g_assert_cmpuint (f->sub->community_leaders->len, >=, 2);
  /* Every actor but those alone in their community. */
  for (guint i = 0; i < f->sub->entities->len; i++)
    clustered += community_size (f->sub, i) > 1;
  g_assert_cmpuint (clustered, <, f->sub->entities->len);
  g_assert_cmpuint (s->halos, ==, clustered);
  for (guint c = 0; c < 2; c++)
    {
      DossierColor color = dossier_style_community_color (c, FALSE);
      g_autofree char *hex = dossier_color_to_rgb_hex (&color);
      g_autofree char *halo = g_strdup_printf ("class=\"community-halo\" data-community=\"%u\"", c);
      g_autofree char *stroke = g_strdup_printf ("stroke=\"%s\"", hex);
      const char *at = strstr (text, halo);

      /* Two communities, each with its own tint. */
      g_assert_nonnull (at);
      g_assert_nonnull (strstr (at, stroke));
      g_assert_true (strstr (at, stroke) < strstr (at, "/>"));
    }

  /* In the PNG, just left of each node, the tint over the white page
   * (an edge may pass there: most nodes suffice). */
  dossier_export_options_init (&options, DOSSIER_EXPORT_PNG);
  options.scale = 2.0;
  png = export_with (f, &options);
  surface = check_png (png, (int) ceil (f->layout->width * 2), (int) ceil (f->layout->height * 2), 144);
  for (guint i = 0; i < f->layout->nodes->len; i++)
    {
      const DossierLayoutNode *n = &g_array_index (f->layout->nodes, DossierLayoutNode, i);
      int k = dossier_subgraph_find_entity (f->sub, n->entity);
      guint c = g_array_index (f->sub->entity_community, guint, k);
      DossierColor tint = dossier_style_community_color (c, FALSE);
      guint32 pixel = pixel_at (surface, (int) ((n->x - n->width / 2 - DOSSIER_STYLE_HALO_WIDTH / 2) * 2),
                                (int) (n->y * 2));
      double want[3] = { tint.red, tint.green, tint.blue };
      gboolean close = TRUE;

      if (community_size (f->sub, k) < 2)
        continue;

      for (guint ch = 0; ch < 3; ch++)
        {
          double expect = 255 * (want[ch] * tint.alpha + (1 - tint.alpha));
          int got = (pixel >> (16 - 8 * ch)) & 0xff;

          close &= fabs (got - expect) <= 12;
        }
      tinted += close;
      seen |= close ? 1u << MIN (c, 31) : 0;
    }
  cairo_surface_destroy (surface);
  g_assert_cmpuint (tinted, >=, clustered * 2 / 3);
  g_assert_cmpuint (g_bit_nth_lsf (seen, -1), !=, g_bit_nth_msf (seen, -1));
}

/* The legend names each cluster after its leader, with a dot of its
 * colour, in the SVG as in the PNG (which test-export-svg compares). */
static void
test_community_legend (ExportFixture *f,
                       gconstpointer  data)
{
  DossierExportOptions options;
  g_autoptr(GBytes) svg = NULL;
  g_autofree char *text = NULL;
  g_autofree char *row = NULL;
  guint communities[DOSSIER_STYLE_N_COMMUNITY_COLORS + 1];
  guint n = dossier_render_legend_communities (f->sub, communities);
  const DossierEntity *leader;
  guint samples = 0;

  g_assert_cmpuint (n, >=, 2);
  dossier_export_options_init (&options, DOSSIER_EXPORT_SVG);
  options.legend = TRUE;
  svg = export_with (f, &options);
  text = g_strndup (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));
  for (const char *p = text; (p = strstr (p, "class=\"community-sample\"")) != NULL; p++)
    samples++;
  g_assert_cmpuint (samples, ==, n);

  leader = dossier_graph_get_entity (f->sub->graph, g_array_index (f->sub->community_leaders, guint, 0));
  row = g_strdup_printf ("Cluster: %s</text>", leader->name);
  g_assert_nonnull (strstr (text, row));
}

/* Past eight clusters, one "Other clusters" row; lone actors get none. */
static void
test_community_legend_other (void)
{
  g_autoptr(DossierSubgraph) sub = test_synthetic_subgraph (21, 0, 1);
  guint communities[DOSSIER_STYLE_N_COMMUNITY_COLORS + 1];
  g_autofree char *first = NULL;
  g_autofree char *other = NULL;
  DossierColor color;
  guint n;

  /* Ten pairs, then one actor alone. */
  sub->entity_community = g_array_new (FALSE, FALSE, sizeof (guint));
  sub->community_leaders = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < 21; i++)
    {
      guint c = i / 2;

      g_array_append_val (sub->entity_community, c);
      if (i % 2 == 0)
        g_array_append_val (sub->community_leaders, i);
    }
  n = dossier_render_legend_communities (sub, communities);
  g_assert_cmpuint (n, ==, DOSSIER_STYLE_N_COMMUNITY_COLORS + 1);
  g_assert_cmpuint (communities[0], ==, 0);
  g_assert_cmpuint (communities[n - 1], ==, DOSSIER_STYLE_N_COMMUNITY_COLORS);
  first = dossier_render_community_label (sub, 0);
  g_assert_true (g_str_has_suffix (first, dossier_graph_get_entity (sub->graph, 0)->name));
  other = dossier_render_community_label (sub, communities[n - 1]);
  g_assert_cmpstr (other, ==, "Other clusters");

  /* Halos: the ninth and tenth pairs share the "other" colour; the lone
   * actor has none. */
  g_assert_true (dossier_render_node_halo (sub, 18, FALSE, &color, NULL));
  g_assert_false (dossier_render_node_halo (sub, 20, FALSE, &color, NULL));

  /* A community may be missing ("this cluster only"): the others stay. */
  g_array_index (sub->entity_community, guint, 0) = 3;
  g_array_index (sub->entity_community, guint, 1) = 3;
  n = dossier_render_legend_communities (sub, communities);
  g_assert_cmpuint (n, ==, DOSSIER_STYLE_N_COMMUNITY_COLORS);
  g_assert_cmpuint (communities[0], ==, 1);
}

static void
test_svg_options (ExportFixture *f,
                  gconstpointer  data)
{
  DossierExportOptions options;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(XmlStats) s = NULL;
  g_autofree char *svg = NULL;

  dossier_export_options_init (&options, DOSSIER_EXPORT_SVG);
  options.edge_labels = TRUE;
  options.legend = TRUE;
  options.transparent = TRUE;
  options.dark = TRUE;
  bytes = export_with (f, &options);
  s = parse_xml (bytes);
  svg = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_true (g_hash_table_contains (s->ids, "legend"));
  g_assert_true (g_hash_table_contains (s->ids, "edge-labels"));
  g_assert_null (strstr (svg, "class=\"background\""));
  /* Node labels + edge labels + legend rows. */
  g_assert_cmpuint (s->texts, >, f->layout->nodes->len + f->layout->edges->len);
  /* The dark palette's company fill. */
  {
    g_autofree char *fill = dossier_color_to_rgb_hex (&dossier_style_node (DOSSIER_ENTITY_COMPANY, TRUE)->fill);
    g_assert_nonnull (strstr (svg, fill));
  }
}

static void
test_graphml (ExportFixture *f,
              gconstpointer  data)
{
  g_autoptr(GBytes) bytes = export_format (f, DOSSIER_EXPORT_GRAPHML);
  g_autoptr(XmlStats) s = parse_xml (bytes);
  const char *wanted[] = { "label", "type", "aliases", "mentions", "relation", "evidence", "x", "y", "weight" };
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer value;

  g_assert_cmpuint (s->nodes, ==, f->sub->entities->len);
  g_assert_cmpuint (s->edges, ==, f->sub->relations->len);

  g_hash_table_iter_init (&iter, s->keys);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_hash_table_add (names, value);
  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    g_assert_true (g_hash_table_contains (names, wanted[i]));

  /* Node labels are the exact names, in order. */
  g_assert_cmpuint (s->labels->len, ==, f->sub->entities->len);
  for (guint i = 0; i < f->sub->entities->len; i++)
    {
      g_autofree char *name = entity_name (f, g_array_index (f->sub->entities, guint, i));
      g_assert_cmpstr (g_ptr_array_index (s->labels, i), ==, name);
    }
}

/* ---- PDF ---------------------------------------------------------------- */

/* PDFs hold binary streams: search bytes, not C strings. */
static const char *
find_bytes (const char *haystack,
            gsize       len,
            const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++)
    {
      if (memcmp (haystack + i, needle, n) == 0)
        return haystack + i;
    }
  return NULL;
}

static void
test_pdf (ExportFixture *f,
          gconstpointer  data)
{
  g_autoptr(GBytes) bytes = export_format (f, DOSSIER_EXPORT_PDF);
  gsize len;
  const char *pdf = g_bytes_get_data (bytes, &len);
  guint pages = 0;
  const char *count;

  g_assert_cmpmem (pdf, 5, "%PDF-", 5);
  g_assert_nonnull (find_bytes (pdf + len - 32, 32, "%%EOF"));

  /* cairo 1.16 writes the page tree as plain objects. */
  for (const char *p = pdf; (p = find_bytes (p, len - (p - pdf), "/Type /Page")) != NULL; p++)
    {
      if (p[11] != 's')
        pages++;
    }
  g_assert_cmpuint (pages, ==, 1);
  count = find_bytes (pdf, len, "/Count ");
  g_assert_nonnull (count);
  g_assert_cmpint (atoi (count + 7), ==, 1);

  /* The page is the layout's size, in points. */
  {
    const char *mb = find_bytes (pdf, len, "/MediaBox [ 0 0 ");

    g_assert_nonnull (mb);
    g_assert_cmpfloat_with_epsilon (g_ascii_strtod (mb + 16, NULL), f->layout->width, 0.01);
  }
}

/* ---- DOT ---------------------------------------------------------------- */

/* Each community of two actors or more is a Graphviz cluster, labelled
 * with its leader's name, holding its members and no one else; one
 * cluster per such community when there are two or more (one tells
 * nothing apart).  A subgraph built by hand has communities too. */
static void
check_dot_clusters (ExportFixture *f,
                    Agraph_t      *g)
{
  g_autofree guint *communities = dossier_subgraph_communities (f->sub);
  g_autofree guint *members = NULL;
  guint n_clusters = 0, n_in_clusters = 0, expected = 0, expected_in = 0, n_communities = 1;

  /* Numbered before lone actors were hidden: any may be missing. */
  for (guint i = 0; i < f->sub->entities->len; i++)
    n_communities = MAX (n_communities, communities[i] + 1);
  members = g_new0 (guint, n_communities);
  for (guint i = 0; i < f->sub->entities->len; i++)
    members[communities[i]]++;
  for (guint c = 0; c < n_communities; c++)
    if (members[c] >= 2)
      expected++, expected_in += members[c];
  if (expected < 2)
    expected = expected_in = 0;

  for (Agraph_t *sg = agfstsubg (g); sg != NULL; sg = agnxtsubg (sg))
    {
      const char *name = agnameof (sg);
      guint community;

      g_assert_true (g_str_has_prefix (name, "cluster_"));
      community = atoi (name + strlen ("cluster_"));
      g_assert_cmpuint (community, <, n_communities);
      g_assert_cmpuint (members[community], >=, 2);
      if (f->sub->community_leaders != NULL)
        {
          guint leader = g_array_index (f->sub->community_leaders, guint, community);
          g_autofree char *label = dossier_style_display_name (dossier_graph_get_entity (f->sub->graph, leader)->name);

          g_assert_cmpstr (agget (sg, (char *) "label"), ==, label);
        }
      g_assert_cmpint (agnnodes (sg), ==, members[community]);
      for (Agnode_t *n = agfstnode (sg); n != NULL; n = agnxtnode (sg, n))
        g_assert_cmpint (atoi (agget (n, (char *) "community")), ==, community);
      n_in_clusters += agnnodes (sg);
      n_clusters++;
    }
  g_assert_cmpuint (n_clusters, ==, expected);
  g_assert_cmpuint (n_in_clusters, ==, expected_in);
}

static void
test_dot (ExportFixture *f,
          gconstpointer  data)
{
  g_autoptr(GBytes) bytes = export_format (f, DOSSIER_EXPORT_DOT);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  Agraph_t *g;
  guint n_edges = 0;

  g = agmemread (text);
  g_assert_nonnull (g);
  g_assert_true (agisdirected (g));
  g_assert_cmpint (agnnodes (g), ==, f->sub->entities->len);
  g_assert_cmpint (agnedges (g), ==, f->sub->relations->len);

  for (guint i = 0; i < f->sub->entities->len; i++)
    {
      guint id = g_array_index (f->sub->entities, guint, i);
      g_autofree char *node_id = dossier_key_for_entity (dossier_graph_get_entity (f->sub->graph, id));
      g_autofree char *name = entity_name (f, id);
      Agnode_t *n = agnode (g, node_id, FALSE);
      const char *read_name;

      g_assert_nonnull (n);
      read_name = agget (n, (char *) "name");
      g_assert_nonnull (read_name);
      if (!g_str_has_suffix (name, "\\"))
        g_assert_cmpstr (read_name, ==, name);
      else
        {
          /* The one thing cgraph cannot read: an odd run of backslashes
           * before the closing quote, written with one more. */
          g_autofree char *evened = g_strconcat (name, "\\", NULL);
          g_assert_cmpstr (read_name, ==, evened);
        }
      g_assert_cmpstr (agget (n, (char *) "type"), ==,
                       dossier_entity_type_to_string (dossier_graph_get_entity (f->sub->graph, id)->type));
    }

  for (guint i = 0; i < f->sub->relations->len; i++)
    {
      const DossierRelation *r = dossier_graph_get_relation (f->sub->graph, g_array_index (f->sub->relations, guint, i));
      g_autofree char *tail_id = dossier_key_for_entity (dossier_graph_get_entity (f->sub->graph, r->source));
      g_autofree char *head_id = dossier_key_for_entity (dossier_graph_get_entity (f->sub->graph, r->target));
      Agnode_t *tail = agnode (g, tail_id, FALSE);
      Agnode_t *head = agnode (g, head_id, FALSE);
      gboolean found = FALSE;

      for (Agedge_t *e = agfstout (g, tail); e != NULL; e = agnxtout (g, e))
        {
          if (aghead (e) == head &&
              g_strcmp0 (agget (e, (char *) "type"), dossier_relation_type_to_string (r->type)) == 0)
            found = TRUE;
        }
      g_assert_true (found);
      n_edges++;
    }
  g_assert_cmpuint (n_edges, ==, f->sub->relations->len);

  check_dot_clusters (f, g);
  agclose (g);
}

/* ---- JSON --------------------------------------------------------------- */

static void
test_json (ExportFixture *f,
           gconstpointer  data)
{
  g_autoptr(GBytes) bytes = export_format (f, DOSSIER_EXPORT_JSON);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *layout;
  JsonArray *entities, *relations;

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  entities = json_object_get_array_member (root, "entities");
  relations = json_object_get_array_member (root, "relations");

  /* The same counts as extract, i.e. as the subgraph. */
  g_assert_cmpuint (json_array_get_length (entities), ==, f->sub->entities->len);
  g_assert_cmpuint (json_array_get_length (relations), ==, f->sub->relations->len);

  for (guint i = 0; i < json_array_get_length (entities); i++)
    {
      JsonObject *e = json_array_get_object_element (entities, i);
      g_autofree char *name = entity_name (f, g_array_index (f->sub->entities, guint, i));

      g_assert_cmpstr (json_object_get_string_member (e, "name"), ==, name);
      g_assert_true (json_object_has_member (e, "x"));
      g_assert_true (json_object_has_member (e, "y"));
      g_assert_cmpfloat (json_object_get_double_member (e, "width"), >, 0);
    }
  for (guint i = 0; i < json_array_get_length (relations); i++)
    {
      JsonObject *r = json_array_get_object_element (relations, i);

      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "points")), >=, 4);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "label")), ==, 2);
    }

  layout = json_object_get_object_member (root, "layout");
  g_assert_nonnull (layout);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (layout, "width"), f->layout->width, 1e-6);
}

/* ---- Hostile names in every format --------------------------------------- */

static void
test_hostile_all_formats (ExportFixture *f,
                          gconstpointer  data)
{
  g_autoptr(GBytes) svg = export_format (f, DOSSIER_EXPORT_SVG);
  g_autoptr(GBytes) graphml = export_format (f, DOSSIER_EXPORT_GRAPHML);
  g_autoptr(GBytes) png = export_format (f, DOSSIER_EXPORT_PNG);
  g_autoptr(GBytes) pdf = export_format (f, DOSSIER_EXPORT_PDF);
  g_autoptr(XmlStats) svg_stats = parse_xml (svg);
  g_autoptr(XmlStats) graphml_stats = parse_xml (graphml);
  g_autofree char *svg_text = g_strndup (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));

  /* The markup in the names never became markup. */
  g_assert_null (strstr (svg_text, "<b>"));
  g_assert_null (strstr (svg_text, "<i>"));
  g_assert_true (has_title_starting (svg_stats, HOSTILE_NAME "\n"));
  g_assert_true (has_title_starting (svg_stats, HOSTILE_NAME_2 "\n"));
  g_assert_cmpuint (svg_stats->nodes, ==, 3);
  g_assert_cmpuint (svg_stats->edges, ==, 2);

  g_assert_cmpuint (graphml_stats->nodes, ==, 3);
  g_assert_cmpuint (graphml_stats->edges, ==, 2);

  g_assert_cmpmem (g_bytes_get_data (png, NULL), 4, "\x89PNG", 4);
  g_assert_cmpmem (g_bytes_get_data (pdf, NULL), 5, "%PDF-", 5);

  /* DOT and JSON run their own checks on this fixture. */
  test_graphml (f, data);
  test_dot (f, data);
  test_json (f, data);
  test_svg (f, data);
}

/* ---- Visible area --------------------------------------------------------- */

static void
test_area (ExportFixture *f,
           gconstpointer  data)
{
  DossierExportOptions options;
  const DossierLayoutNode *first = &g_array_index (f->layout->nodes, DossierLayoutNode, 0);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GBytes) dot = NULL;
  g_autoptr(XmlStats) s = NULL;
  g_autofree char *dot_text = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  guint inside = 0;
  Agraph_t *g;

  /* 200 x 150 points around the first node. */
  dossier_export_options_init (&options, DOSSIER_EXPORT_PNG);
  options.has_area = TRUE;
  options.area_x = first->x - 100;
  options.area_y = first->y - 75;
  options.area_width = 200;
  options.area_height = 150;
  options.scale = 1;
  png = export_with (f, &options);
  surface = check_png (png, 200, 150, 72);
  cairo_surface_destroy (surface);

  for (guint i = 0; i < f->layout->nodes->len; i++)
    {
      const DossierLayoutNode *n = &g_array_index (f->layout->nodes, DossierLayoutNode, i);

      inside += n->x + n->width / 2 >= options.area_x && n->x - n->width / 2 <= options.area_x + 200 &&
                n->y + n->height / 2 >= options.area_y && n->y - n->height / 2 <= options.area_y + 150;
    }
  g_assert_cmpuint (inside, >=, 1);
  g_assert_cmpuint (inside, <, f->layout->nodes->len);

  options.format = DOSSIER_EXPORT_SVG;
  svg = export_with (f, &options);
  s = parse_xml (svg);
  g_assert_cmpuint (s->nodes, ==, inside);
  {
    g_autofree char *box = g_strdup_printf ("%.2f %.2f 200.00 150.00", options.area_x, options.area_y);
    g_assert_cmpstr (s->view_box, ==, box);
  }

  /* Data formats keep the nodes in view and the relations among them. */
  options.format = DOSSIER_EXPORT_DOT;
  dot = export_with (f, &options);
  dot_text = g_strndup (g_bytes_get_data (dot, NULL), g_bytes_get_size (dot));
  g = agmemread (dot_text);
  g_assert_nonnull (g);
  g_assert_cmpint (agnnodes (g), ==, inside);
  g_assert_cmpint (agnedges (g), <, f->sub->relations->len);
  agclose (g);

  /* An empty area is refused. */
  options.area_width = 0;
  g_assert_null (dossier_export_to_bytes (f->sub, f->layout, &options, NULL, &error));
  g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_FORMAT);
}

/* ---- DOT: backslash runs --------------------------------------------------- */

/* cgraph reads backslashes in pairs; the exact "name" must survive every run
 * length, and an odd run before a quote or the end gains one backslash. */
static void
test_dot_backslash_runs (void)
{
  static const struct { const char *name, *read; } cases[] = {
    { "a\\b", "a\\b" },
    { "one\\", "one\\\\" },
    { "two\\\\", "two\\\\" },
    { "three\\\\\\", "three\\\\\\\\" },
    { "q\\\"x", "q\\\\\"x" },
    { "qq\\\\\"x", "qq\\\\\"x" },
    { "\\\\\\\\", "\\\\\\\\" },
  };
  g_autoptr(DossierGraph) graph = test_bare_graph ();
  g_autofree char *text = NULL;
  guint ids[G_N_ELEMENTS (cases)];
  ExportFixture f = { 0 };
  Agraph_t *g;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    ids[i] = dossier_graph_ensure_entity (graph, cases[i].name, DOSSIER_ENTITY_COMPANY)->id;
  export_fixture_lay_out (&f, test_subgraph_all (graph));

  {
    g_autoptr(GBytes) bytes = export_format (&f, DOSSIER_EXPORT_DOT);

    text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  }
  g = agmemread (text);
  g_assert_nonnull (g);
  g_assert_cmpint (agnnodes (g), ==, G_N_ELEMENTS (cases));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *node_id = dossier_key_for_entity (dossier_graph_get_entity (f.sub->graph, ids[i]));
      Agnode_t *n = agnode (g, node_id, FALSE);
      g_assert_nonnull (n);
      g_assert_cmpstr (agget (n, (char *) "name"), ==, cases[i].read);
    }
  agclose (g);
  export_fixture_tear_down (&f, NULL);
}

/* ---- Noncharacters ------------------------------------------------------ */

/* U+FFFF and U+FDD0 are valid UTF-8 to GLib but not to cairo, which then
 * refused to draw a PDF at all (found by fuzz-export). */
static void
test_noncharacter_names (void)
{
  g_autoptr(DossierGraph) graph = test_bare_graph ();
  ExportFixture f = { 0 };

  dossier_graph_ensure_entity (graph, "Bad\xef\xbf\xbfName", DOSSIER_ENTITY_COMPANY);
  dossier_graph_ensure_entity (graph, "\xef\xb7\x90", DOSSIER_ENTITY_PERSON);
  dossier_graph_ensure_entity (graph, "Also\xef\xbf\xbe bad", DOSSIER_ENTITY_PERSON);
  export_fixture_lay_out (&f, test_subgraph_all (graph));

  for (DossierExportFormat format = DOSSIER_EXPORT_PNG; format <= DOSSIER_EXPORT_JSON; format++)
    {
      g_autoptr(GBytes) bytes = export_format (&f, format);
      gsize len;
      const char *data = g_bytes_get_data (bytes, &len);

      g_assert_cmpuint (g_bytes_get_size (bytes), >, 0);
      /* XML 1.0 forbids U+FFFE and U+FFFF: parsers rejected the file. */
      if (format == DOSSIER_EXPORT_SVG || format == DOSSIER_EXPORT_GRAPHML)
        {
          g_assert_null (g_strstr_len (data, len, "\xef\xbf\xbf"));
          g_assert_null (g_strstr_len (data, len, "\xef\xbf\xbe"));
          g_assert_nonnull (g_strstr_len (data, len, "Bad\xef\xbf\xbdName"));
        }
    }
  export_fixture_tear_down (&f, NULL);
}

/* ---- Empty graph ----------------------------------------------------------- */

static void
test_empty_graph (void)
{
  g_autoptr(DossierGraph) graph = test_bare_graph ();
  ExportFixture f = { 0 };

  export_fixture_lay_out (&f, test_subgraph_all (graph));

  for (DossierExportFormat format = DOSSIER_EXPORT_PNG; format <= DOSSIER_EXPORT_JSON; format++)
    {
      g_autoptr(GBytes) bytes = export_format (&f, format);

      if (format == DOSSIER_EXPORT_SVG || format == DOSSIER_EXPORT_GRAPHML)
        {
          g_autoptr(XmlStats) s = parse_xml (bytes);
          g_assert_cmpuint (s->nodes, ==, 0);
        }
    }

  export_fixture_tear_down (&f, NULL);
}

/* ---- Files: atomic writes and failures ------------------------------------ */

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_write_and_replace (ExportFixture *f,
                        gconstpointer  data)
{
  g_autofree char *dir = test_make_temp_dir ("dossier-export-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "graph.svg", NULL);
  g_autoptr(GError) error = NULL;
  DossierExportOptions options;
  g_autofree char *contents = NULL;
  GStatBuf st;

  dossier_export_options_init (&options, DOSSIER_EXPORT_SVG);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);

  g_assert_true (dossier_export_to_file (f->sub, f->layout, &options, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  /* Replaced in place: same permissions, no temporary file left. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  g_unlink (path);
  g_rmdir (dir);
}

/* A link is written through (the target replaced, the link kept); a
 * device is written to, never replaced by a file. */
static void
test_write_through_links_and_devices (ExportFixture *f,
                                      gconstpointer  data)
{
  g_autofree char *dir = test_make_temp_dir ("dossier-export-XXXXXX");
  g_autofree char *sub = g_build_filename (dir, "real", NULL);
  g_autofree char *target = g_build_filename (sub, "target.svg", NULL);
  g_autofree char *link = g_build_filename (dir, "link.svg", NULL);
  g_autoptr(GError) error = NULL;
  DossierExportOptions options;
  g_autofree char *contents = NULL;
  GStatBuf st;

  dossier_export_options_init (&options, DOSSIER_EXPORT_SVG);
  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  g_assert_cmpint (symlink ("real/target.svg", link), ==, 0);

  /* A dangling link: its target is created. */
  g_assert_true (dossier_export_to_file (f->sub, f->layout, &options, link, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  g_clear_pointer (&contents, g_free);

  /* Again, over an existing target. */
  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_true (dossier_export_to_file (f->sub, f->layout, &options, link, NULL, &error));
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  g_assert_cmpuint (count_entries (dir), ==, 2);
  g_assert_cmpuint (count_entries (sub), ==, 1);

  /* /dev/null stays a device. */
  g_assert_true (dossier_export_to_file (f->sub, f->layout, &options, "/dev/null", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat ("/dev/null", &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));

  /* /dev/full says it is full, and stays a device. */
  if (g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_assert_false (dossier_export_to_file (f->sub, f->layout, &options, "/dev/full", NULL, &error));
      g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_NO_SPACE);
      g_clear_error (&error);
      g_assert_cmpint (g_stat ("/dev/full", &st), ==, 0);
      g_assert_true (S_ISCHR (st.st_mode));
    }

  g_unlink (target);
  g_unlink (link);
  g_rmdir (sub);
  g_rmdir (dir);
}

static void
check_fails_cleanly (ExportFixture    *f,
                     const char *path,
                     const char *dir,
                     int         code)
{
  g_autoptr(GError) error = NULL;
  DossierExportOptions options;
  guint before = dir != NULL ? count_entries (dir) : 0;

  dossier_export_options_init (&options, DOSSIER_EXPORT_SVG);
  g_assert_false (dossier_export_to_file (f->sub, f->layout, &options, path, NULL, &error));
  g_assert_error (error, DOSSIER_EXPORT_ERROR, code);
  /* One line naming the file. */
  g_assert_nonnull (strstr (error->message, path));
  g_assert_null (strchr (error->message, '\n'));
  g_test_message ("%s", error->message);
  if (dir != NULL)
    g_assert_cmpuint (count_entries (dir), ==, before);
}

/* These tests run as root in CI, and root writes anywhere permissions
 * allow nothing: each case here fails for root too. */
static void
test_write_failures (ExportFixture *f,
                     gconstpointer  data)
{
  g_autofree char *dir = test_make_temp_dir ("dossier-export-XXXXXX");
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "graph.svg", NULL);
  g_autofree char *is_dir = g_build_filename (dir, "graph.svg", NULL);
  g_autofree char *under_file = g_build_filename (dir, "plain-file", "graph.svg", NULL);
  g_autofree char *plain = g_build_filename (dir, "plain-file", NULL);

  /* A folder that does not exist. */
  check_fails_cleanly (f, missing, dir, DOSSIER_EXPORT_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* A folder where the file should go: it stays a folder. */
  g_assert_cmpint (g_mkdir (is_dir, 0755), ==, 0);
  check_fails_cleanly (f, is_dir, dir, DOSSIER_EXPORT_ERROR_IS_DIRECTORY);
  g_assert_true (g_file_test (is_dir, G_FILE_TEST_IS_DIR));

  /* A "folder" that is a file (ENOTDIR). */
  g_assert_true (g_file_set_contents (plain, "keep", -1, NULL));
  check_fails_cleanly (f, under_file, dir, DOSSIER_EXPORT_ERROR_NOT_FOUND);

  /* /proc refuses new files, even to root. */
  if (g_file_test ("/proc/self", G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GError) error = NULL;
      DossierExportOptions options;

      dossier_export_options_init (&options, DOSSIER_EXPORT_PNG);
      g_assert_false (dossier_export_to_file (f->sub, f->layout, &options,
                                              "/proc/dossier-export-test.png", NULL, &error));
      g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_PERMISSION);
      g_assert_false (g_file_test ("/proc/dossier-export-test.png", G_FILE_TEST_EXISTS));
    }

  g_unlink (plain);
  g_rmdir (is_dir);
  g_rmdir (dir);
}

/* A write that fails half-way (the disk fills up): the file size limit
 * makes write() fail with EFBIG after 4 KiB, for root too. */
static void
test_disk_full (ExportFixture *f,
                gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = test_make_temp_dir ("dossier-export-XXXXXX");
      g_autofree char *path = g_build_filename (dir, "graph.png", NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      DossierExportOptions options;
      struct rlimit limit = { 4096, 4096 };

      g_assert_true (g_file_set_contents (path, "precious old export", -1, NULL));

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      dossier_export_options_init (&options, DOSSIER_EXPORT_PNG);
      g_assert_false (dossier_export_to_file (f->sub, f->layout, &options, path, NULL, &error));
      g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_NO_SPACE);
      g_test_message ("%s", error->message);

      /* The old file is intact and the partial one is gone. */
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "precious old export");
      g_assert_cmpuint (count_entries (dir), ==, 1);

      g_unlink (path);
      g_rmdir (dir);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

typedef struct
{
  GCancellable *cancellable;
  guint         calls;
  guint         last_done;
  guint         total;
  guint         cancel_at;
} ProgressLog;

static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  ProgressLog *log = user_data;

  g_assert_cmpuint (done, >, log->last_done);
  g_assert_cmpuint (done, <=, total);
  log->calls++;
  log->last_done = done;
  log->total = total;
  if (log->cancel_at > 0 && done >= log->cancel_at)
    g_cancellable_cancel (log->cancellable);
}

static void
test_progress_and_cancel (void)
{
  g_autoptr(DossierGraph) graph = test_synthetic_graph (600, 900, 7);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_make_temp_dir ("dossier-export-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "big.svg", NULL);
  g_autofree char *contents = NULL;
  ExportFixture f = { 0 };

  f.sub = test_subgraph_all (graph);
  f.layout = dossier_layout_compute (f.sub, DOSSIER_LAYOUT_SFDP, NULL, &error);
  g_assert_no_error (error);

  for (DossierExportFormat format = DOSSIER_EXPORT_PNG; format <= DOSSIER_EXPORT_GRAPHML; format++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      ProgressLog log = { cancellable, 0, 0, 0, 0 };
      DossierExportOptions options;

      dossier_export_options_init (&options, format);
      options.scale = 0.25;
      options.progress = on_progress;
      options.progress_data = &log;

      /* Runs to the end, reporting now and then. */
      g_assert_true (g_file_set_contents (path, "old", -1, NULL));
      g_assert_true (dossier_export_to_file (f.sub, f.layout, &options, path, cancellable, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (log.calls, >, 3);
      g_assert_cmpuint (log.last_done, ==, log.total);

      /* Cancelled half-way from the progress callback: the old file stays. */
      g_assert_true (g_file_set_contents (path, "old", -1, NULL));
      g_cancellable_reset (cancellable);
      log = (ProgressLog) { cancellable, 0, 0, 0, 200 };
      g_assert_false (dossier_export_to_file (f.sub, f.layout, &options, path, cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
      g_assert_cmpuint (log.last_done, <, log.total);
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "old");
      g_clear_pointer (&contents, g_free);
      g_assert_cmpuint (count_entries (dir), ==, 1);
    }

  g_unlink (path);
  g_rmdir (dir);
  export_fixture_tear_down (&f, NULL);
}

typedef struct
{
  GAsyncResult *result;
  guint         progress_calls;
  GThread      *main_thread;
} AsyncState;

static void
async_progress (guint    done,
                guint    total,
                gpointer user_data)
{
  AsyncState *state = user_data;

  /* Delivered in the caller's thread, safe for widgets. */
  g_assert_true (g_thread_self () == state->main_thread);
  state->progress_calls++;
}

static void
async_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  AsyncState *state = user_data;

  state->result = g_object_ref (result);
}

static void
test_async (ExportFixture *f,
            gconstpointer  data)
{
  g_autofree char *dir = test_make_temp_dir ("dossier-export-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "graph.pdf", NULL);
  g_autoptr(GError) error = NULL;
  AsyncState state = { NULL, 0, g_thread_self () };
  DossierExportOptions options;

  dossier_export_options_init (&options, DOSSIER_EXPORT_PDF);
  options.progress = async_progress;
  options.progress_data = &state;
  dossier_export_to_file_async (f->sub, f->layout, &options, path, NULL, async_done, &state);

  while (state.result == NULL)
    g_main_context_iteration (NULL, TRUE);
  /* Progress idles may still be queued; let them run. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_true (dossier_export_to_file_finish (state.result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (state.progress_calls, >, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_clear_object (&state.result);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_format_names (void)
{
  DossierExportFormat format;

  g_assert_true (dossier_export_format_from_path ("/tmp/a.b/graph.GraphML", &format));
  g_assert_cmpint (format, ==, DOSSIER_EXPORT_GRAPHML);
  g_assert_true (dossier_export_format_from_path ("x.gv", &format));
  g_assert_cmpint (format, ==, DOSSIER_EXPORT_DOT);
  g_assert_false (dossier_export_format_from_path ("/tmp/a.svg/graph", &format));
  g_assert_false (dossier_export_format_from_path ("graph.jpeg", &format));
  g_assert_false (dossier_export_format_from_string ("", &format));
  for (DossierExportFormat i = DOSSIER_EXPORT_PNG; i <= DOSSIER_EXPORT_JSON; i++)
    {
      g_assert_true (dossier_export_format_from_string (dossier_export_format_to_string (i), &format));
      g_assert_cmpint (format, ==, i);
      g_assert_nonnull (dossier_export_format_mime_type (i));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/export/format-names", test_format_names);
#define SEEDS(path, func) \
  g_test_add (path, ExportFixture, NULL, export_fixture_set_up_seeds, func, export_fixture_tear_down)
  SEEDS ("/export/seeds/png", test_png);
  SEEDS ("/export/seeds/png-errors", test_png_errors);
  SEEDS ("/export/seeds/svg", test_svg);
  SEEDS ("/export/seeds/community-halos", test_community_halos);
  SEEDS ("/export/seeds/community-legend", test_community_legend);
  SEEDS ("/export/seeds/edge-width-by-passages", test_edge_width_by_passages);
  SEEDS ("/export/seeds/svg-options", test_svg_options);
  SEEDS ("/export/seeds/graphml", test_graphml);
  SEEDS ("/export/seeds/pdf", test_pdf);
  SEEDS ("/export/seeds/dot", test_dot);
  SEEDS ("/export/seeds/json", test_json);
  SEEDS ("/export/seeds/area", test_area);
  SEEDS ("/export/file/write-and-replace", test_write_and_replace);
  SEEDS ("/export/file/through-links-and-devices", test_write_through_links_and_devices);
  SEEDS ("/export/file/failures", test_write_failures);
  SEEDS ("/export/file/disk-full", test_disk_full);
  SEEDS ("/export/file/async", test_async);
#undef SEEDS
  g_test_add ("/export/hostile/all-formats", ExportFixture, NULL,
              export_fixture_set_up_hostile, test_hostile_all_formats, export_fixture_tear_down);
  g_test_add_func ("/export/empty-graph", test_empty_graph);
  g_test_add_func ("/export/community-legend-other", test_community_legend_other);
  g_test_add_func ("/export/dot-backslash-runs", test_dot_backslash_runs);
  g_test_add_func ("/export/noncharacter-names", test_noncharacter_names);
  g_test_add_func ("/export/progress-and-cancel", test_progress_and_cancel);

  return g_test_run ();
}
