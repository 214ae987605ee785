/* fuzz-export.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The writers with fuzzed names.  The input's lines become entity names
 * (and each other's aliases); a graph is built by hand, filtered, laid out
 * (a fake grid most of the time, Graphviz when the first byte asks) and
 * written as DOT, GraphML, SVG and JSON, sometimes PDF and PNG.  Each text
 * output must parse back with the names intact: DOT through cgraph, the
 * XML through GMarkup (and only characters XML 1.0 allows), JSON through
 * json-glib. */

#define G_LOG_DOMAIN "fuzz-export"

#include "config.h"

#include <graphviz/cgraph.h>
#include <math.h>
#include <json-glib/json-glib.h>

#include "dossier-export.h"
#include "dossier-keys.h"
#include "dossier-filter.h"
#include "dossier-layout.h"
#include "fuzz-common.h"
#include "../xml-test-util.h"

#define MAX_NAMES 24

enum {
  FLAG_GRAPHVIZ = 1 << 0 | 1 << 6,  /* both bits: one input in four */
  FLAG_DARK     = 1 << 1,
  FLAG_PDF      = 1 << 2,
  FLAG_PNG      = 1 << 3,
  FLAG_HIDE     = 1 << 4,
};

/* A grid, as a stand-in for Graphviz: what the writers read of a layout. */
static DossierLayout *
fake_layout (DossierSubgraph *subgraph)
{
  DossierLayout *layout = g_new0 (DossierLayout, 1);
  guint n = subgraph->entities->len;
  guint columns = MAX (1, (guint) ceil (sqrt (n)));

  g_atomic_ref_count_init (&layout->ref_count);
  layout->engine = DOSSIER_LAYOUT_NEATO;
  layout->nodes = g_array_new (FALSE, TRUE, sizeof (DossierLayoutNode));
  layout->edges = g_array_new (FALSE, TRUE, sizeof (DossierLayoutEdge));

  for (guint i = 0; i < n; i++)
    {
      DossierLayoutNode node = { 0 };
      guint id = g_array_index (subgraph->entities, guint, i);

      node.entity = id;
      node.width = 20.0 + 6.0 * MIN (40, g_utf8_strlen (dossier_graph_get_entity (subgraph->graph, id)->name, -1));
      node.height = 24.0;
      node.x = 150.0 * (i % columns) + 100.0;
      node.y = 60.0 * (i / columns) + 30.0;
      g_array_append_val (layout->nodes, node);
    }
  layout->width = 150.0 * columns + 100.0;
  layout->height = 60.0 * ((n + columns - 1) / columns) + 30.0;

  for (guint i = 0; i < subgraph->relations->len; i++)
    {
      guint id = g_array_index (subgraph->relations, guint, i);
      const DossierRelation *relation = dossier_graph_get_relation (subgraph->graph, id);
      int tail = dossier_layout_find_entity (layout, relation->source);
      int head = dossier_layout_find_entity (layout, relation->target);
      DossierLayoutEdge edge = { 0 };
      const DossierLayoutNode *a, *b;

      if (tail < 0 || head < 0)
        continue;
      a = &g_array_index (layout->nodes, DossierLayoutNode, tail);
      b = &g_array_index (layout->nodes, DossierLayoutNode, head);

      edge.relation = id;
      edge.tail = tail;
      edge.head = head;
      edge.points = g_array_new (FALSE, FALSE, sizeof (DossierPoint));
      for (guint p = 0; p < 4; p++)
        {
          DossierPoint pt = { a->x + (b->x - a->x) * p / 3.0, a->y + (b->y - a->y) * p / 3.0 };
          g_array_append_val (edge.points, pt);
        }
      edge.has_arrow = !dossier_relation_type_is_symmetric (relation->type);
      edge.arrow_tip = (DossierPoint) { b->x, b->y };
      edge.label = g_array_index (edge.points, DossierPoint, 1);
      g_array_append_val (layout->edges, edge);
    }

  return layout;
}

static void
fake_layout_free (DossierLayout *layout)
{
  for (guint i = 0; i < layout->edges->len; i++)
    g_array_unref (g_array_index (layout->edges, DossierLayoutEdge, i).points);
  g_array_unref (layout->nodes);
  g_array_unref (layout->edges);
  g_free (layout);
}

/* XML 1.0 allows tab, newline, carriage return and U+0020 up, not the
 * other C0 controls, raw or as character references. */
static void
check_xml_chars (const char *xml,
                 gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      guchar c = xml[i];

      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
        g_error ("control character 0x%02x at byte %" G_GSIZE_FORMAT " of XML output", c, i);
      /* U+FFFE, U+FFFF: not XML characters either. */
      if (c == 0xEF && i + 2 < len && (guchar) xml[i + 1] == 0xBF && (guchar) xml[i + 2] >= 0xBE)
        g_error ("non-character U+FFF%c at byte %" G_GSIZE_FORMAT " of XML output",
                 (guchar) xml[i + 2] == 0xBE ? 'E' : 'F', i);
      if (c == '&' && i + 2 < len && xml[i + 1] == '#')
        {
          gboolean hex = xml[i + 2] == 'x' || xml[i + 2] == 'X';
          guint64 value = g_ascii_strtoull (xml + i + (hex ? 3 : 2), NULL, hex ? 16 : 10);

          if (value < 0x20 && value != '\t' && value != '\n' && value != '\r')
            g_error ("character reference to 0x%02x at byte %" G_GSIZE_FORMAT " of XML output",
                     (guint) value, i);
        }
    }
}

typedef struct
{
  GHashTable *labels;   /* node id -> label text, GraphML only */
  char       *node_id;  /* of the <node> being read */
  gboolean    in_label;
} XmlState;

static void
xml_start (const XmlTestElement *e,
           gpointer              data)
{
  XmlState *state = data;

  if (g_str_equal (e->name, "node"))
    {
      g_free (state->node_id);
      state->node_id = g_strdup (xml_test_attr (e, "id"));
    }
  else if (g_str_equal (e->name, "data") && state->node_id != NULL)
    state->in_label = g_strcmp0 (xml_test_attr (e, "key"), "label") == 0;
}

static void
xml_end (const char *name,
         const char *text,
         gpointer    data)
{
  XmlState *state = data;

  if (state->in_label && g_str_equal (name, "data"))
    {
      g_hash_table_insert (state->labels, g_strdup (state->node_id), g_strdup (text));
      state->in_label = FALSE;
    }
  else if (g_str_equal (name, "node"))
    g_clear_pointer (&state->node_id, g_free);
}

static const XmlTestWalker xml_walker = { xml_start, xml_end };

/* XML 1.0 cannot hold most C0 controls, U+FFFE or U+FFFF: a writer may
 * drop them or put U+FFFD in their place.  Everything else must come back
 * exactly. */
static char *
xml_comparable (const char *str)
{
  GString *out = g_string_new (NULL);

  for (const char *p = str != NULL ? str : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFD || c == 0xFFFE || c == 0xFFFF)
        continue;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static void
check_xml (const char      *what,
           GBytes          *bytes,
           DossierSubgraph *subgraph)
{
  gsize len;
  const char *xml = g_bytes_get_data (bytes, &len);
  g_autoptr(GError) error = NULL;
  XmlState state = { 0 };

  check_xml_chars (xml, len);

  state.labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!xml_test_walk (xml, len, &xml_walker, &state, &error))
    g_error ("%s output does not parse: %s", what, error->message);

  /* GraphML keeps every name exactly. */
  if (g_str_equal (what, "GraphML"))
    {
      g_assert_cmpuint (g_hash_table_size (state.labels), ==, subgraph->entities->len);
      for (guint i = 0; i < subgraph->entities->len; i++)
        {
          guint id = g_array_index (subgraph->entities, guint, i);
          g_autofree char *key = dossier_key_for_entity (dossier_graph_get_entity (subgraph->graph, id));

          g_autofree char *expected = xml_comparable (dossier_graph_get_entity (subgraph->graph, id)->name);
          g_autofree char *got = xml_comparable (g_hash_table_lookup (state.labels, key));

          g_assert_cmpstr (got, ==, expected);
        }
    }

  g_hash_table_unref (state.labels);
  g_free (state.node_id);
}

static void
check_dot (GBytes          *bytes,
           DossierSubgraph *subgraph)
{
  g_autofree char *dot = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  Agraph_t *g = agmemread (dot);

  if (g == NULL)
    g_error ("DOT output does not parse:\n%s", dot);

  g_assert_cmpint (agnnodes (g), ==, subgraph->entities->len);
  g_assert_cmpint (agnedges (g), ==, subgraph->relations->len);

  for (guint i = 0; i < subgraph->entities->len; i++)
    {
      guint id = g_array_index (subgraph->entities, guint, i);
      g_autofree char *node_name = dossier_key_for_entity (dossier_graph_get_entity (subgraph->graph, id));
      Agnode_t *n = agnode (g, node_name, FALSE);
      const DossierEntity *entity = dossier_graph_get_entity (subgraph->graph, id);
      g_autofree char *label = NULL;
      g_autoptr(GString) expected = g_string_new (NULL);

      g_assert_nonnull (n);
      /* "name" carries the name exactly, but for an odd run of backslashes
       * right before a quote, a line end or the end, which the writer
       * evens (dossier-export.c); "label" is the display form, not compared. */
      label = g_strdup (agget (n, (char *) "name"));
      g_assert_nonnull (label);
      for (const char *p = entity->name; *p; p++)
        {
          gsize run = strspn (p, "\\");

          if (run == 0)
            {
              g_string_append_c (expected, *p);
              continue;
            }
          g_string_append_len (expected, p, run);
          if ((run & 1) && (p[run] == '"' || p[run] == '\n' || p[run] == '\r' || p[run] == '\0'))
            g_string_append_c (expected, '\\');
          p += run - 1;
        }
      g_assert_cmpstr (label, ==, expected->str);
    }

  agclose (g);
}

static void
check_json (GBytes          *bytes,
            DossierSubgraph *subgraph)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *root;
  JsonArray *entities;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   g_bytes_get_size (bytes), &error))
    g_error ("JSON output does not parse: %s", error->message);

  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_nonnull (root);
  entities = json_object_get_array_member (root, "entities");
  g_assert_nonnull (entities);
  for (guint i = 0; i < json_array_get_length (entities); i++)
    {
      JsonObject *e = json_array_get_object_element (entities, i);

      g_hash_table_add (names, (gpointer) json_object_get_string_member (e, "name"));
    }

  for (guint i = 0; i < subgraph->entities->len; i++)
    {
      guint id = g_array_index (subgraph->entities, guint, i);
      const char *name = dossier_graph_get_entity (subgraph->graph, id)->name;

      if (!g_hash_table_contains (names, name))
        g_error ("entity “%s” is missing from the JSON output", name);
    }
}

static GBytes *
export (DossierSubgraph     *subgraph,
        DossierLayout       *layout,
        DossierExportFormat  format,
        gboolean             dark)
{
  DossierExportOptions options;
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  dossier_export_options_init (&options, format);
  options.dark = dark;
  options.scale = 0.25;
  bytes = dossier_export_to_bytes (subgraph, layout, &options, NULL, &error);
  if (bytes == NULL)
    g_error ("%s export failed: %s", dossier_export_format_to_string (format), error->message);

  return bytes;
}

/* One article holding every name, so that mentions and evidence carry the
 * fuzzed text too.  The reader may refuse control characters: the names
 * still go into the graph, their mentions then point at the headline. */
static DossierArticle *
names_article (GPtrArray *names)
{
  static const char fallback[] = "Fuzzed names\n\nbody\n";
  g_autoptr(GString) text = g_string_new ("Fuzzed names\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  DossierArticle *article;

  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (text, "%s\n", (char *) g_ptr_array_index (names, i));
  bytes = g_bytes_new (text->str, text->len);
  article = dossier_article_new_from_bytes ("names.txt", NULL, bytes, &error);
  if (article != NULL)
    return article;

  g_clear_error (&error);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = g_bytes_new_static (fallback, strlen (fallback));
  article = dossier_article_new_from_bytes ("names.txt", NULL, bytes, &error);
  g_assert_no_error (error);
  return article;
}

/* Each name an entity, the next name its alias, mentioned where the
 * article has it (after the previous one), else in the headline. */
static void
add_entities (DossierGraph         *graph,
              const DossierArticle *article,
              GPtrArray            *names,
              guint                 flags)
{
  gsize pos = 0;

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      DossierEntity *entity = dossier_graph_ensure_entity (graph, name,
                                                           (i + strlen (name)) % DOSSIER_N_ENTITY_TYPES);
      const char *found = strstr (article->text + pos, name);
      DossierMention mention = { 0 };

      if (i + 1 < names->len)
        dossier_graph_add_alias (graph, entity, g_ptr_array_index (names, i + 1));

      if (found != NULL && *name != '\0')
        {
          mention.start = found - article->text;
          mention.end = mention.start + strlen (name);
          pos = mention.end;
        }
      else
        {
          mention.start = 0;
          mention.end = 6;
        }
      mention.section = DOSSIER_SECTION_BODY;
      dossier_graph_add_mention (graph, entity, &mention);

      if ((flags & FLAG_HIDE) && i == 1)
        entity->hidden = TRUE;
    }
}

/* A passage spanning both first mentions, oriented as the relation is. */
static void
add_evidence_between (DossierGraph    *graph,
                      DossierRelation *relation,
                      guint            i,
                      DossierEntity   *a,
                      DossierEntity   *b)
{
  const DossierMention *ma = &g_array_index (a->mentions, DossierMention, 0);
  const DossierMention *mb = &g_array_index (b->mentions, DossierMention, 0);
  gboolean forward = relation->source == i;
  const DossierMention *ms = forward ? ma : mb;
  const DossierMention *mt = forward ? mb : ma;
  DossierEvidence ev = { 0 };

  ev.start = MIN (ma->start, mb->start);
  ev.end = MAX (ma->end, mb->end);
  ev.source_start = ms->start;
  ev.source_end = ms->end;
  ev.target_start = mt->start;
  ev.target_end = mt->end;
  ev.date = (DossierDate) { 2020, 9, 14, DOSSIER_DATE_PRECISION_DAY };
  dossier_graph_add_evidence (graph, relation, &ev);
}

/* One relation from each entity, to one and of a type its name picks. */
static void
add_relations (DossierGraph *graph)
{
  guint n = graph->entities->len;

  for (guint i = 0; i < n && n > 1; i++)
    {
      DossierEntity *a = dossier_graph_get_entity (graph, i);
      guint j = (i * 7 + strlen (a->name)) % n;
      DossierRelationType type = (i + strlen (a->name)) % DOSSIER_N_RELATION_TYPES;
      DossierEntity *b;

      if (j == i)
        j = (i + 1) % n;
      b = dossier_graph_get_entity (graph, j);
      if (a->mentions->len == 0 || b->mentions->len == 0)
        continue;

      add_evidence_between (graph, dossier_graph_ensure_relation (graph, i, type, j), i, a, b);
    }
}

/* Graphviz twice, as the window does on every change: state kept between
 * layouts must stay valid. */
static DossierLayout *
graphviz_layout (DossierSubgraph *subgraph,
                 guint            flags)
{
  DossierLayoutEngine engine = flags & (1 << 5) ? DOSSIER_LAYOUT_DOT : DOSSIER_LAYOUT_NEATO;
  DossierLayout *layout = NULL;

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(GError) error = NULL;

      g_clear_pointer (&layout, dossier_layout_unref);
      layout = dossier_layout_compute (subgraph, engine, NULL, &error);
      if (layout == NULL)
        g_error ("Graphviz failed: %s", error->message);
    }
  return layout;
}

static void
export_and_check (DossierSubgraph *subgraph,
                  DossierLayout   *layout,
                  guint            flags)
{
  g_autoptr(GBytes) dot = export (subgraph, layout, DOSSIER_EXPORT_DOT, FALSE);
  g_autoptr(GBytes) graphml = export (subgraph, layout, DOSSIER_EXPORT_GRAPHML, FALSE);
  g_autoptr(GBytes) svg = export (subgraph, layout, DOSSIER_EXPORT_SVG, flags & FLAG_DARK);
  g_autoptr(GBytes) json = export (subgraph, layout, DOSSIER_EXPORT_JSON, FALSE);

  check_dot (dot, subgraph);
  check_xml ("GraphML", graphml, subgraph);
  check_xml ("SVG", svg, subgraph);
  check_json (json, subgraph);

  if (flags & FLAG_PDF)
    g_bytes_unref (export (subgraph, layout, DOSSIER_EXPORT_PDF, flags & FLAG_DARK));
  if (flags & FLAG_PNG)
    g_bytes_unref (export (subgraph, layout, DOSSIER_EXPORT_PNG, flags & FLAG_DARK));
}

/* The input's non-empty lines, at most MAX_NAMES of them. */
static GPtrArray *
read_names (const uint8_t *data,
            size_t         size)
{
  g_autofree char *input = fuzz_make_utf8 (data, size);
  g_auto(GStrv) lines = g_strsplit (input, "\n", MAX_NAMES + 1);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL && names->len < MAX_NAMES; i++)
    if (lines[i][0] != '\0')
      g_ptr_array_add (names, g_strdup (lines[i]));
  return names;
}

/* What the default filter shows, every relation type on. */
static DossierSubgraph *
filter_all (DossierGraph *graph)
{
  g_autoptr(DossierFilter) filter = dossier_filter_new ();
  g_autoptr(GError) error = NULL;
  DossierSubgraph *subgraph;

  filter->relation_types = (1u << DOSSIER_N_RELATION_TYPES) - 1;
  subgraph = dossier_filter_apply (filter, graph, &error);
  g_assert_no_error (error);
  return subgraph;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(DossierCorpus) corpus = dossier_corpus_new ();
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(DossierGraph) graph = NULL;
  g_autoptr(DossierSubgraph) subgraph = NULL;
  DossierLayout *layout;
  gboolean use_graphviz;
  guint flags;

  fuzz_init_logging ();

  if (size == 0)
    return 0;
  flags = data[0];
  names = read_names (data + 1, size - 1);
  if (names->len == 0)
    return 0;

  dossier_corpus_add_article (corpus, names_article (names));

  graph = dossier_graph_new (corpus);
  add_entities (graph, dossier_corpus_get_article (corpus, 0), names, flags);
  add_relations (graph);
  fuzz_check_graph (graph);

  subgraph = filter_all (graph);
  use_graphviz = (flags & FLAG_GRAPHVIZ) == FLAG_GRAPHVIZ &&
                 !fuzz_known_bug ("graphviz-context-per-layout");
  layout = use_graphviz ? graphviz_layout (subgraph, flags) : fake_layout (subgraph);

  export_and_check (subgraph, layout, flags);

  if (use_graphviz)
    dossier_layout_unref (layout);
  else
    fake_layout_free (layout);

  return 0;
}
