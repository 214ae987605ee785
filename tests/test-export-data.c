/* test-export-data.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The formats that carry the evidence out, each read back with a real
 * parser: the CSV files with an RFC 4180 reader below (the column counts
 * neo4j-admin expects), GEXF and GraphML with GMarkup, the HTML report
 * with libxml2's HTML parser.  Stable keys are checked to merge two
 * exports of different views. */

#include "config.h"

#include <glib/gstdio.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <string.h>

#include "dossier-date.h"
#include "dossier-export.h"
#include "dossier-export-private.h"
#include "dossier-keys.h"
#include "dossier-render.h"
#include "export-test-util.h"

/* ---- An RFC 4180 reader ------------------------------------------------- */

/* Rows of fields (GPtrArray of GPtrArray of char *).  Strict: a quote
 * inside an unquoted field or text after a closing quote fails. */
static GPtrArray *
csv_parse (const char *data,
           gsize       len)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = NULL;
  g_autoptr(GString) field = g_string_new (NULL);
  gsize i = 0;

  g_assert_true (g_utf8_validate (data, len, NULL));

  while (i < len)
    {
      if (row == NULL)
        row = g_ptr_array_new_with_free_func (g_free);

      g_string_truncate (field, 0);
      if (data[i] == '"')
        {
          i++;
          for (;;)
            {
              g_assert_cmpuint (i, <, len);  /* an unclosed quote */
              if (data[i] == '"' && i + 1 < len && data[i + 1] == '"')
                {
                  g_string_append_c (field, '"');
                  i += 2;
                }
              else if (data[i] == '"')
                {
                  i++;
                  break;
                }
              else
                g_string_append_c (field, data[i++]);
            }
        }
      else
        {
          while (i < len && data[i] != ',' && data[i] != '\r' && data[i] != '\n')
            {
              g_assert_cmpint (data[i], !=, '"');
              g_string_append_c (field, data[i++]);
            }
        }

      g_ptr_array_add (row, g_strdup (field->str));

      if (i < len && data[i] == ',')
        {
          i++;
          continue;
        }
      /* RFC 4180 ends records with CRLF. */
      g_assert_true (i + 1 < len && data[i] == '\r' && data[i + 1] == '\n');
      i += 2;
      g_ptr_array_add (rows, row);
      row = NULL;
    }
  g_assert_null (row);

  return rows;
}

static const char *
cell (GPtrArray *rows,
      guint      r,
      guint      c)
{
  return g_ptr_array_index ((GPtrArray *) g_ptr_array_index (rows, r), c);
}

static int
column (GPtrArray  *rows,
        const char *name)
{
  GPtrArray *header = g_ptr_array_index (rows, 0);

  for (guint c = 0; c < header->len; c++)
    {
      if (g_str_equal (g_ptr_array_index (header, c), name))
        return c;
    }
  g_error ("no column %s", name);
  return -1;
}

/* Every row as wide as the header. */
static void
assert_rectangular (GPtrArray *rows,
                    guint      columns)
{
  g_assert_cmpuint (rows->len, >=, 1);
  for (guint r = 0; r < rows->len; r++)
    g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (rows, r))->len, ==, columns);
}

/* ---- Fixtures (export-test-util.h) ---------------------------------------- */

/* @graph through @filter. */
static DossierSubgraph *
filtered (DossierGraph  *graph,
          DossierFilter *filter)
{
  g_autoptr(GError) error = NULL;
  DossierSubgraph *sub = dossier_filter_apply (filter, graph, &error);

  g_assert_no_error (error);
  return sub;
}

/* The passages of @relation that @sub shows, in order. */
static GPtrArray *
visible_evidence (DossierSubgraph       *sub,
                  const DossierRelation *relation)
{
  GPtrArray *shown = g_ptr_array_new ();

  for (guint e = 0; e < relation->evidence->len; e++)
    {
      const DossierEvidence *ev = &g_array_index (relation->evidence, DossierEvidence, e);

      if (dossier_subgraph_evidence_visible (sub, ev))
        g_ptr_array_add (shown, (gpointer) ev);
    }
  return shown;
}

static guint
visible_passages (DossierSubgraph *sub)
{
  guint n = 0;

  for (guint r = 0; r < sub->relations->len; r++)
    n += g_array_index (sub->relation_evidence, guint, r);
  return n;
}

static char *
passage_text (DossierGraph          *graph,
              const DossierEvidence *ev)
{
  const DossierArticle *article = dossier_corpus_get_article (graph->corpus, ev->article);

  return g_strndup (article->text + ev->start, ev->end - ev->start);
}

/* ---- Keys ----------------------------------------------------------------- */

static gboolean
key_chars_only (const char *key)
{
  for (const char *p = key; *p; p++)
    {
      if (!g_ascii_isalnum (*p) && strchr ("->@:", *p) == NULL)
        return FALSE;
      if (g_ascii_isupper (*p))
        return FALSE;
    }
  return TRUE;
}

static void
test_keys (void)
{
  g_autofree char *oracle = dossier_key_for_name ("Oracle");
  g_autofree char *oracle_caps = dossier_key_for_name ("ORACLE");
  g_autofree char *elysee = dossier_key_for_name ("Élysée");
  g_autofree char *elysee_plain = dossier_key_for_name ("Elysee");
  g_autofree char *tiktok = dossier_key_for_name ("TikTok");
  g_autofree char *hostile = dossier_key_for_name (HOSTILE_NAME);
  g_autofree char *symbols = dossier_key_for_name ("中国");
  g_autofree char *empty = dossier_key_for_name ("");

  /* Slug + '-' + 8 hex digits, the same every run and on every machine. */
  g_assert_cmpstr (oracle, ==, "oracle-9202af6c");
  g_assert_cmpstr (oracle, ==, oracle_caps);
  g_assert_cmpstr (elysee, ==, elysee_plain);
  g_assert_true (g_str_has_prefix (elysee, "elysee-"));
  g_assert_cmpstr (oracle, !=, tiktok);
  g_assert_true (g_str_has_prefix (hostile, "oracle-b-b-x-line-two-"));
  g_assert_true (key_chars_only (hostile));
  g_assert_true (g_str_has_prefix (symbols, "x-"));
  g_assert_true (key_chars_only (symbols));
  g_assert_true (key_chars_only (empty));

  {
    g_autoptr(DossierGraph) graph = test_hostile_graph ();
    const DossierRelation *r = dossier_graph_get_relation (graph, 0);
    const DossierEvidence *ev = &g_array_index (r->evidence, DossierEvidence, 0);
    g_autofree char *rkey = dossier_key_for_relation (graph, r);
    g_autofree char *ekey = dossier_key_for_evidence (graph, r, ev);
    g_autofree char *target = dossier_key_for_entity (dossier_graph_get_entity (graph, r->target));
    g_autofree char *expected = g_strconcat (hostile, ">acquires>", target, NULL);

    g_assert_cmpstr (rkey, ==, expected);
    g_assert_true (g_str_has_prefix (ekey, rkey));
    g_assert_true (key_chars_only (rkey));
    g_assert_true (key_chars_only (ekey));
  }
}

/* Two exports of different views of the seeds: the actors they share have
 * the same keys, so the smaller merges into the larger. */
static void
test_keys_merge (void)
{
  g_autoptr(DossierGraph) graph = test_load_seeds ();
  g_autoptr(DossierFilter) all = dossier_filter_new ();
  g_autoptr(DossierFilter) around = dossier_filter_new ();
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ExportFixture fb = { 0 }, fs = { 0 };
  g_autoptr(GBytes) big_csv = NULL;
  g_autoptr(GBytes) small_csv = NULL;
  g_autoptr(GPtrArray) big_rows = NULL;
  g_autoptr(GPtrArray) small_rows = NULL;
  const char *actors[] = { "Oracle", NULL };

  around->actors = g_strdupv ((char **) actors);
  around->depth = 1;
  export_fixture_lay_out (&fb, filtered (graph, all));
  export_fixture_lay_out (&fs, filtered (graph, around));
  g_assert_cmpuint (fs.sub->relations->len, <, fb.sub->relations->len);
  big_csv = export_format (&fb, DOSSIER_EXPORT_CSV);
  small_csv = export_format (&fs, DOSSIER_EXPORT_CSV);
  big_rows = csv_parse (g_bytes_get_data (big_csv, NULL), g_bytes_get_size (big_csv));
  small_rows = csv_parse (g_bytes_get_data (small_csv, NULL), g_bytes_get_size (small_csv));

  for (guint r = 1; r < big_rows->len; r++)
    g_hash_table_add (keys, g_strdup (cell (big_rows, r, column (big_rows, "relation_key"))));
  for (guint r = 1; r < small_rows->len; r++)
    g_assert_true (g_hash_table_contains (keys, cell (small_rows, r, column (small_rows, "relation_key"))));

  export_fixture_tear_down (&fb, NULL);
  export_fixture_tear_down (&fs, NULL);
}

/* ---- CSV report ----------------------------------------------------------- */

static const char * const report_columns[] = {
  "source", "relation", "target", "date", "article_title", "path", "start", "end",
  "quote", "negated", "hedged", "section",
};

static void
check_report (ExportFixture *f)
{
  g_autoptr(GBytes) bytes = export_format (f, DOSSIER_EXPORT_CSV);
  g_autoptr(GPtrArray) rows = csv_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  DossierGraph *graph = f->sub->graph;
  guint row = 1;

  for (guint c = 0; c < G_N_ELEMENTS (report_columns); c++)
    g_assert_cmpstr (cell (rows, 0, c), ==, report_columns[c]);
  assert_rectangular (rows, ((GPtrArray *) g_ptr_array_index (rows, 0))->len);
  g_assert_cmpuint (rows->len - 1, ==, visible_passages (f->sub));

  /* Rows follow relations and their visible passages, names exact. */
  for (guint r = 0; r < f->sub->relations->len; r++)
    {
      const DossierRelation *relation = dossier_graph_get_relation (graph, g_array_index (f->sub->relations, guint, r));
      g_autoptr(GPtrArray) shown = visible_evidence (f->sub, relation);

      for (guint e = 0; e < shown->len; e++)
        {
          const DossierEvidence *ev = g_ptr_array_index (shown, e);
          g_autofree char *quote = passage_text (graph, ev);
          g_autofree char *start = g_strdup_printf ("%" G_GSIZE_FORMAT, ev->start);

          g_assert_cmpstr (cell (rows, row, 0), ==, dossier_graph_get_entity (graph, relation->source)->name);
          g_assert_cmpstr (cell (rows, row, 1), ==, dossier_relation_type_to_string (relation->type));
          g_assert_cmpstr (cell (rows, row, 2), ==, dossier_graph_get_entity (graph, relation->target)->name);
          g_assert_cmpstr (cell (rows, row, 6), ==, start);
          g_assert_cmpstr (cell (rows, row, 8), ==, quote);
          g_assert_cmpstr (cell (rows, row, 9), ==, dossier_evidence_is_negated (ev) ? "true" : "false");
          g_assert_cmpstr (cell (rows, row, 10), ==, dossier_evidence_is_hedged (ev) ? "true" : "false");
          row++;
        }
    }
}

static void
test_csv (ExportFixture *f,
          gconstpointer  data)
{
  check_report (f);
}

/* A date range leaves out the passages outside it, as the window does. */
static void
test_csv_filtered (void)
{
  g_autoptr(DossierGraph) graph = test_load_seeds ();
  g_autoptr(DossierFilter) filter = dossier_filter_new ();
  ExportFixture f = { 0 };

  g_assert_true (dossier_date_parse_iso ("2020-09-15", &filter->from));
  g_assert_true (dossier_date_parse_iso ("2020-12", &filter->to));
  export_fixture_lay_out (&f, filtered (graph, filter));

  check_report (&f);

  {
    g_autoptr(GBytes) bytes = export_format (&f, DOSSIER_EXPORT_CSV);
    g_autoptr(GPtrArray) rows = csv_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    int date = column (rows, "date");
    guint all = 0;
    guint32 from, to;

    for (guint r = 0; r < f.sub->relations->len; r++)
      all += dossier_graph_get_relation (graph, g_array_index (f.sub->relations, guint, r))->evidence->len;
    /* Some passages of the relations shown fall outside the range. */
    g_assert_cmpuint (rows->len, >, 1);
    g_assert_cmpuint (rows->len - 1, <, all);

    dossier_date_get_span (&filter->from, &from, NULL);
    dossier_date_get_span (&filter->to, NULL, &to);
    /* A passage dated "2020" may be in the range, so it stays. */
    for (guint r = 1; r < rows->len; r++)
      {
        DossierDate d;
        guint32 first, last;

        g_assert_true (dossier_date_parse_iso (cell (rows, r, date), &d));
        g_assert_true (dossier_date_get_span (&d, &first, &last));
        g_assert_cmpuint (last, >=, from);
        g_assert_cmpuint (first, <=, to);
      }
  }

  export_fixture_tear_down (&f, NULL);
}

/* ---- GEXF ------------------------------------------------------------------ */

typedef struct
{
  GPtrArray  *stack;       /* element names */
  GHashTable *node_ids;    /* id -> label */
  GHashTable *edge_ids;
  guint       spells;
  guint       node_intervals;
  gboolean    version_13;
  gboolean    dynamic;
  gboolean    bad_reference;
} Gexf;

static const char *
attr (const char **names,
      const char **values,
      const char  *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_equal (names[i], name))
        return values[i];
    }
  return NULL;
}

static void
gexf_start (GMarkupParseContext  *context,
            const char           *element,
            const char          **names,
            const char          **values,
            gpointer              user_data,
            GError              **error)
{
  Gexf *g = user_data;
  const char *parent = g->stack->len > 0 ? g_ptr_array_index (g->stack, g->stack->len - 1) : "";

  if (g_str_equal (element, "gexf"))
    g->version_13 = g_strcmp0 (attr (names, values, "version"), "1.3") == 0 &&
                    g_strcmp0 (attr (names, values, "xmlns"), "http://gexf.net/1.3") == 0;
  else if (g_str_equal (element, "graph"))
    {
      g_assert_cmpstr (parent, ==, "gexf");
      g->dynamic = g_strcmp0 (attr (names, values, "mode"), "dynamic") == 0 &&
                   g_strcmp0 (attr (names, values, "timeformat"), "date") == 0;
    }
  else if (g_str_equal (element, "node"))
    {
      const char *id = attr (names, values, "id");
      const char *label = attr (names, values, "label");

      g_assert_cmpstr (parent, ==, "nodes");
      g_assert_nonnull (id);
      g_assert_nonnull (label);
      g_assert_false (g_hash_table_contains (g->node_ids, id));
      g_hash_table_insert (g->node_ids, g_strdup (id), g_strdup (label));
      if (attr (names, values, "start") != NULL)
        {
          g_assert_cmpstr (attr (names, values, "start"), <=, attr (names, values, "end"));
          g->node_intervals++;
        }
    }
  else if (g_str_equal (element, "edge"))
    {
      const char *id = attr (names, values, "id");

      g_assert_cmpstr (parent, ==, "edges");
      g_assert_nonnull (id);
      g_assert_false (g_hash_table_contains (g->edge_ids, id));
      g_hash_table_add (g->edge_ids, g_strdup (id));
      /* Required, and pointing at nodes written before. */
      if (!g_hash_table_contains (g->node_ids, attr (names, values, "source")) ||
          !g_hash_table_contains (g->node_ids, attr (names, values, "target")))
        g->bad_reference = TRUE;
    }
  else if (g_str_equal (element, "spell"))
    {
      g_assert_cmpstr (parent, ==, "spells");
      g_assert_nonnull (attr (names, values, "start"));
      g_assert_cmpstr (attr (names, values, "start"), <=, attr (names, values, "end"));
      g->spells++;
    }
  else if (g_str_equal (element, "attvalue"))
    {
      g_assert_cmpstr (parent, ==, "attvalues");
      g_assert_nonnull (attr (names, values, "for"));
      g_assert_nonnull (attr (names, values, "value"));
    }

  g_ptr_array_add (g->stack, g_strdup (element));
}

static void
gexf_end (GMarkupParseContext  *context,
          const char           *element,
          gpointer              user_data,
          GError              **error)
{
  Gexf *g = user_data;

  g_ptr_array_remove_index (g->stack, g->stack->len - 1);
}

static void
parse_gexf (GBytes *bytes,
            Gexf   *g)
{
  static const GMarkupParser parser = { gexf_start, gexf_end, NULL, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  memset (g, 0, sizeof *g);
  g->stack = g_ptr_array_new_with_free_func (g_free);
  g->node_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g->edge_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  context = g_markup_parse_context_new (&parser, 0, g, NULL);
  g_markup_parse_context_parse (context, data, len, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
}

static void
gexf_clear (Gexf *g)
{
  g_ptr_array_unref (g->stack);
  g_hash_table_unref (g->node_ids);
  g_hash_table_unref (g->edge_ids);
}

static void
test_gexf (ExportFixture *f,
           gconstpointer  data)
{
  g_autoptr(GBytes) bytes = export_format (f, DOSSIER_EXPORT_GEXF);
  gboolean seeds = GPOINTER_TO_INT (data);
  Gexf g;

  parse_gexf (bytes, &g);
  g_assert_true (g.version_13);
  g_assert_true (g.dynamic);
  g_assert_false (g.bad_reference);
  g_assert_cmpuint (g_hash_table_size (g.node_ids), ==, f->sub->entities->len);
  g_assert_cmpuint (g_hash_table_size (g.edge_ids), ==, f->sub->relations->len);

  /* Ids are the keys; labels the exact names (newlines and all). */
  for (guint i = 0; i < f->sub->entities->len; i++)
    {
      const DossierEntity *entity = dossier_graph_get_entity (f->sub->graph, g_array_index (f->sub->entities, guint, i));
      g_autofree char *key = dossier_key_for_entity (entity);

      g_assert_cmpstr (g_hash_table_lookup (g.node_ids, key), ==, entity->name);
    }

  /* The seeds are dated: Gephi's timeline has something to play. */
  if (seeds)
    {
      g_assert_cmpuint (g.spells, >=, f->sub->relations->len);
      g_assert_cmpuint (g.node_intervals, ==, f->sub->entities->len);
    }

  gexf_clear (&g);
}

/* ---- Neo4j ----------------------------------------------------------------- */

/* The file @name of @dir, read whole. */
static char *
read_file_in (const char *dir,
              const char *name,
              gsize      *len)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, len, &error);
  g_assert_no_error (error);
  return data;
}

static GPtrArray *
read_csv_file (const char *dir,
               const char *name)
{
  gsize len;
  g_autofree char *data = read_file_in (dir, name, &len);

  return csv_parse (data, len);
}

/* The ids of a node file, checked unique. */
static GHashTable *
node_ids (GPtrArray  *rows,
          const char *id_column)
{
  GHashTable *ids = g_hash_table_new (g_str_hash, g_str_equal);
  int c = column (rows, id_column);

  for (guint r = 1; r < rows->len; r++)
    g_assert_true (g_hash_table_add (ids, (char *) cell (rows, r, c)));
  return ids;
}

/* Every relationship joins nodes that are there: neo4j-admin would refuse
 * the import otherwise. */
static void
check_neo4j_joins (GPtrArray *actors,
                   GPtrArray *relations,
                   GPtrArray *articles,
                   GPtrArray *evidence,
                   GPtrArray *quoted)
{
  g_autoptr(GHashTable) actor_ids = node_ids (actors, "key:ID(Actor)");
  g_autoptr(GHashTable) article_ids = node_ids (articles, "key:ID(Article)");
  g_autoptr(GHashTable) passage_ids = node_ids (evidence, "key:ID(Passage)");

  for (guint r = 1; r < relations->len; r++)
    {
      g_assert_true (g_hash_table_contains (actor_ids, cell (relations, r, 0)));
      g_assert_true (g_hash_table_contains (actor_ids, cell (relations, r, 1)));
      g_assert_true (g_regex_match_simple ("^[A-Z_]+$", cell (relations, r, 2), 0, 0));
    }
  for (guint r = 1; r < quoted->len; r++)
    {
      g_assert_true (g_hash_table_contains (passage_ids, cell (quoted, r, 0)));
      g_assert_true (g_hash_table_contains (article_ids, cell (quoted, r, 1)));
    }
}

/* Names survive exactly. */
static void
check_neo4j_names (DossierSubgraph *sub,
                   GPtrArray       *actors)
{
  for (guint i = 0; i < sub->entities->len; i++)
    {
      const DossierEntity *entity = dossier_graph_get_entity (sub->graph, g_array_index (sub->entities, guint, i));
      g_autofree char *key = dossier_key_for_entity (entity);
      gboolean found = FALSE;

      for (guint r = 1; r < actors->len; r++)
        if (g_str_equal (cell (actors, r, 0), key))
          {
            g_assert_cmpstr (cell (actors, r, 1), ==, entity->name);
            found = TRUE;
          }
      g_assert_true (found);
    }
}

/* @f's subgraph exported as Neo4j files into @tmp/graph, a folder that
 * does not exist yet (the export makes it). */
static char *
export_neo4j (ExportFixture *f,
              const char    *tmp)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_build_filename (tmp, "graph", NULL);
  DossierExportOptions options;

  dossier_export_options_init (&options, DOSSIER_EXPORT_NEO4J);
  g_assert_true (dossier_export_to_file (f->sub, f->layout, &options, dir, NULL, &error));
  g_assert_no_error (error);
  return dir;
}

static void
test_neo4j (ExportFixture *f,
            gconstpointer  data)
{
  g_autofree char *tmp = test_make_temp_dir ("dossier-neo4j-XXXXXX");
  g_autofree char *dir = export_neo4j (f, tmp);
  g_autoptr(GPtrArray) actors = read_csv_file (dir, "actors.csv");
  g_autoptr(GPtrArray) relations = read_csv_file (dir, "relations.csv");
  g_autoptr(GPtrArray) articles = read_csv_file (dir, "articles.csv");
  g_autoptr(GPtrArray) evidence = read_csv_file (dir, "evidence.csv");
  g_autoptr(GPtrArray) quoted = read_csv_file (dir, "quoted_in.csv");
  g_autofree char *cypher = read_file_in (dir, "load.cypher", NULL);
  DossierExportOptions options;

  /* The neo4j-admin header layout, and rows as wide as the headers. */
  g_assert_cmpstr (cell (actors, 0, 0), ==, "key:ID(Actor)");
  column (actors, ":LABEL");
  assert_rectangular (actors, 11);
  g_assert_cmpuint (actors->len - 1, ==, f->sub->entities->len);

  g_assert_cmpstr (cell (relations, 0, 0), ==, ":START_ID(Actor)");
  g_assert_cmpstr (cell (relations, 0, 1), ==, ":END_ID(Actor)");
  g_assert_cmpstr (cell (relations, 0, 2), ==, ":TYPE");
  assert_rectangular (relations, 10);
  g_assert_cmpuint (relations->len - 1, ==, f->sub->relations->len);

  g_assert_cmpstr (cell (articles, 0, 0), ==, "key:ID(Article)");
  assert_rectangular (articles, 7);

  g_assert_cmpstr (cell (evidence, 0, 0), ==, "key:ID(Passage)");
  assert_rectangular (evidence, 13);
  g_assert_cmpuint (evidence->len - 1, <=, visible_passages (f->sub));
  g_assert_cmpuint (evidence->len - 1, >, 0);

  assert_rectangular (quoted, 3);
  g_assert_cmpuint (quoted->len, ==, evidence->len);

  check_neo4j_joins (actors, relations, articles, evidence, quoted);
  check_neo4j_names (f->sub, actors);

  g_assert_nonnull (strstr (cypher, "LOAD CSV WITH HEADERS FROM 'file:///actors.csv'"));
  g_assert_nonnull (strstr (cypher, "MERGE (a:Actor {key:"));

  /* Neo4j is a folder: into memory it is refused with a message. */
  dossier_export_options_init (&options, DOSSIER_EXPORT_NEO4J);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) bytes = dossier_export_to_bytes (f->sub, f->layout, &options, NULL, &error);

    g_assert_null (bytes);
    g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_FORMAT);
  }

  test_remove_tree (tmp);
}

/* ---- HTML ------------------------------------------------------------------ */

static gboolean
has_class (xmlNode    *node,
           const char *name)
{
  g_autofree char *classes = (char *) xmlGetProp (node, (const xmlChar *) "class");
  g_auto(GStrv) parts = NULL;

  if (classes == NULL)
    return FALSE;
  parts = g_strsplit (classes, " ", -1);
  return g_strv_contains ((const char * const *) parts, name);
}

static void
collect (xmlNode    *node,
         const char *element,
         const char *klass,
         GPtrArray  *out)
{
  for (xmlNode *n = node; n != NULL; n = n->next)
    {
      if (n->type == XML_ELEMENT_NODE &&
          g_ascii_strcasecmp ((const char *) n->name, element) == 0 &&
          (klass == NULL || has_class (n, klass)))
        g_ptr_array_add (out, n);
      collect (n->children, element, klass, out);
    }
}

static char *
text_of (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = g_strdup ((const char *) content);

  xmlFree (content);
  return text;
}

static void
test_html (ExportFixture *f,
           gconstpointer  data)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) sections = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) svgs = g_ptr_array_new ();
  g_autoptr(GPtrArray) scripts = g_ptr_array_new ();
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  DossierGraph *graph = f->sub->graph;
  DossierExportOptions options;
  htmlDocPtr doc;
  gsize len;
  const char *html;

  dossier_export_options_init (&options, DOSSIER_EXPORT_HTML);
  options.title = "Report on " HOSTILE_NAME_2;
  bytes = export_with (f, &options);
  html = g_bytes_get_data (bytes, &len);
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));

  /* libxml2 knows HTML 4 only (it warns about <figure> and <svg>), but
   * builds the tree all the same. */
  doc = htmlReadMemory (html, len, NULL, "UTF-8",
                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  g_assert_nonnull (doc);

  collect (xmlDocGetRootElement (doc), "section", "relation", sections);
  collect (xmlDocGetRootElement (doc), "td", "name", names);
  collect (xmlDocGetRootElement (doc), "svg", NULL, svgs);
  collect (xmlDocGetRootElement (doc), "script", NULL, scripts);
  collect (xmlDocGetRootElement (doc), "h1", NULL, titles);

  g_assert_cmpuint (svgs->len, ==, 1);
  g_assert_cmpuint (scripts->len, ==, 0);
  g_assert_cmpuint (titles->len, ==, 1);
  {
    g_autofree char *title = text_of (g_ptr_array_index (titles, 0));
    g_assert_cmpstr (title, ==, "Report on " HOSTILE_NAME_2);
  }

  /* The table of actors, names exact. */
  g_assert_cmpuint (names->len, ==, f->sub->entities->len);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *name = text_of (g_ptr_array_index (names, i));
      g_assert_cmpstr (name, ==, dossier_graph_get_entity (graph, g_array_index (f->sub->entities, guint, i))->name);
    }

  /* Every relation, with each of its passages quoted. */
  g_assert_cmpuint (sections->len, ==, f->sub->relations->len);
  for (guint r = 0; r < sections->len; r++)
    {
      const DossierRelation *relation = dossier_graph_get_relation (graph, g_array_index (f->sub->relations, guint, r));
      g_autoptr(GPtrArray) quotes = g_ptr_array_new ();
      g_autoptr(GPtrArray) sources = g_ptr_array_new ();
      g_autofree char *key = dossier_key_for_relation (graph, relation);
      g_autofree char *id = (char *) xmlGetProp (g_ptr_array_index (sections, r), (const xmlChar *) "id");
      g_autofree char *source = NULL;
      g_autoptr(GPtrArray) shown = visible_evidence (f->sub, relation);

      g_assert_cmpstr (id, ==, key);
      collect (((xmlNode *) g_ptr_array_index (sections, r))->children, "blockquote", NULL, quotes);
      collect (((xmlNode *) g_ptr_array_index (sections, r))->children, "span", "source", sources);
      g_assert_cmpuint (sources->len, ==, 1);
      source = text_of (g_ptr_array_index (sources, 0));
      g_assert_cmpstr (source, ==, dossier_graph_get_entity (graph, relation->source)->name);
      g_assert_cmpuint (quotes->len, ==, g_array_index (f->sub->relation_evidence, guint, r));

      for (guint e = 0; e < shown->len; e++)
        {
          g_autofree char *expected = passage_text (graph, g_ptr_array_index (shown, e));
          g_autofree char *got = text_of (g_ptr_array_index (quotes, e));

          g_assert_cmpstr (got, ==, expected);
        }
    }

  xmlFreeDoc (doc);
}

/* ---- Caption ----------------------------------------------------------------- */

static void
test_caption (void)
{
  g_autoptr(DossierGraph) graph = test_load_seeds ();
  g_autoptr(DossierFilter) filter = dossier_filter_new ();
  g_autoptr(DossierSubgraph) sub = filtered (graph, filter);
  g_autofree char *caption = NULL;
  g_autofree char *plain = dossier_export_default_caption (sub);
  const char *actors[] = { "Oracle", NULL };

  g_assert_true (g_str_has_prefix (plain, "seeds, 5 articles, "));
  g_assert_null (strstr (plain, "around"));

  filter->actors = g_strdupv ((char **) actors);
  filter->depth = 2;
  g_assert_true (dossier_date_parse_iso ("2020-08-01", &filter->from));
  g_assert_true (dossier_date_parse_iso ("2020-12-31", &filter->to));
  g_clear_pointer (&sub, dossier_subgraph_unref);
  sub = filtered (graph, filter);
  caption = dossier_export_default_caption (sub);
  g_test_message ("caption: %s", caption);
  g_assert_true (g_str_has_prefix (caption, "seeds, "));
  g_assert_true (g_str_has_suffix (caption, " articles, 2020-08-01 – 2020-12-31, around Oracle (depth 2)"));
}

/* ---- Pictures ---------------------------------------------------------------- */

static GBytes *
export_png (ExportFixture    *f,
            gboolean    edge_labels,
            const char *title,
            const char *caption)
{
  g_autoptr(GError) error = NULL;
  DossierExportOptions options;
  GBytes *bytes;

  dossier_export_options_init (&options, DOSSIER_EXPORT_PNG);
  options.scale = 1;
  options.edge_labels = edge_labels;
  options.title = title;
  options.caption = caption;
  bytes = dossier_export_to_bytes (f->sub, f->layout, &options, NULL, &error);
  g_assert_no_error (error);
  return bytes;
}

static gboolean
boxes_meet (double ax, double ay, double aw, double ah,
            double bx, double by, double bw, double bh)
{
  return ax - aw / 2 < bx + bw / 2 && bx - bw / 2 < ax + aw / 2 &&
         ay - ah / 2 < by + bh / 2 && by - bh / 2 < ay + ah / 2;
}

/* On the seeds, relation labels cover no node and no other label, most of
 * them find a place, and each placed one can be seen in the PNG: its box
 * differs from the same picture drawn without labels. */
static void
test_edge_labels_apart (ExportFixture *f,
                        gconstpointer  data)
{
  g_autoptr(GArray) places = dossier_render_place_edge_labels (f->sub, f->layout);
  g_autoptr(GBytes) with = export_png (f, TRUE, NULL, NULL);
  g_autoptr(GBytes) without = export_png (f, FALSE, NULL, NULL);
  cairo_surface_t *a = test_decode_png (with);
  cairo_surface_t *b = test_decode_png (without);
  int stride = cairo_image_surface_get_stride (a);
  guint shown = 0;

  g_assert_cmpuint (places->len, ==, f->layout->edges->len);
  g_assert_cmpint (cairo_image_surface_get_width (a), ==, cairo_image_surface_get_width (b));

  for (guint i = 0; i < places->len; i++)
    {
      const DossierEdgeLabelPlace *p = &g_array_index (places, DossierEdgeLabelPlace, i);
      guint differ = 0;

      if (!p->shown)
        continue;
      shown++;
      for (guint n = 0; n < f->layout->nodes->len; n++)
        {
          const DossierLayoutNode *node = &g_array_index (f->layout->nodes, DossierLayoutNode, n);

          g_assert_false (boxes_meet (p->x, p->y, p->width, p->height,
                                      node->x, node->y, node->width, node->height));
        }
      for (guint j = 0; j < i; j++)
        {
          const DossierEdgeLabelPlace *q = &g_array_index (places, DossierEdgeLabelPlace, j);

          if (q->shown)
            g_assert_false (boxes_meet (p->x, p->y, p->width, p->height, q->x, q->y, q->width, q->height));
        }

      for (int y = (int) (p->y - p->height / 2) + 1; y < (int) (p->y + p->height / 2); y++)
        for (int x = (int) (p->x - p->width / 2) + 1; x < (int) (p->x + p->width / 2); x++)
          {
            const guint32 *pa = (const guint32 *) (gpointer) (cairo_image_surface_get_data (a) + y * stride) + x;
            const guint32 *pb = (const guint32 *) (gpointer) (cairo_image_surface_get_data (b) + y * stride) + x;

            differ += *pa != *pb;
          }
      g_assert_cmpuint (differ, >, 10);
    }

  g_test_message ("%u of %u relation labels placed", shown, places->len);
  g_assert_cmpuint (shown * 2, >=, places->len);

  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

/* The legend draws an arrowhead for each directed type shown, none for a
 * symmetric one, and says what the window says. */
static void
test_legend (ExportFixture *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *svg = NULL;
  DossierExportOptions options;
  guint entity_types, relation_types;
  const char *legend;

  dossier_export_options_init (&options, DOSSIER_EXPORT_SVG);
  options.legend = TRUE;
  options.edge_labels = TRUE;
  bytes = dossier_export_to_bytes (f->sub, f->layout, &options, NULL, &error);
  g_assert_no_error (error);
  svg = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  legend = strstr (svg, "<g id=\"legend\"");
  g_assert_nonnull (legend);

  dossier_render_types_present (f->sub, f->layout, &entity_types, &relation_types);
  g_assert_true (relation_types & (1u << DOSSIER_RELATION_PARTNERS));
  g_assert_true (relation_types & (1u << DOSSIER_RELATION_SUPPORTS));
  for (guint t = 0; t < DOSSIER_N_RELATION_TYPES; t++)
    {
      g_autofree char *row = g_strdup_printf ("data-type=\"%s\"", dossier_relation_type_to_string (t));
      const char *at = strstr (legend, row);
      const char *line;
      const char *arrow;

      if (!(relation_types & (1u << t)))
        {
          g_assert_null (at);
          continue;
        }
      g_assert_nonnull (at);
      g_assert_true (g_str_has_prefix (strchr (at, '>') + 1, dossier_style_relation_label (t)));
      /* The sample drawn just before its words. */
      line = g_strrstr_len (legend, at - legend, "<line");
      arrow = g_strrstr_len (legend, at - legend, "<polygon class=\"arrow\"");
      g_assert_nonnull (line);
      if (dossier_relation_type_is_symmetric (t))
        g_assert_true (arrow == NULL || arrow < line);
      else
        g_assert_true (arrow != NULL && arrow > line);
    }
  /* Relation labels on the edges say it the same way. */
  g_assert_nonnull (strstr (svg, ">partners with</text>"));
  g_assert_null (strstr (svg, ">mentioned_with<"));
}

/* A title above, a caption below: the picture grows to hold them, and
 * hostile text is escaped in SVG. */
static void
test_title_caption (ExportFixture *f,
                    gconstpointer  data)
{
  g_autoptr(GBytes) plain = export_png (f, FALSE, NULL, NULL);
  g_autoptr(GBytes) titled = export_png (f, FALSE, HOSTILE_NAME_2, "47 articles, 2020-08-01 – 2020-12-31");
  cairo_surface_t *a = test_decode_png (plain);
  cairo_surface_t *b = test_decode_png (titled);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autofree char *text = NULL;
  DossierExportOptions options;

  g_assert_cmpint (cairo_image_surface_get_height (b), >, cairo_image_surface_get_height (a) + 20);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);

  dossier_export_options_init (&options, DOSSIER_EXPORT_SVG);
  options.title = HOSTILE_NAME_2;
  options.caption = "a < b & c";
  svg = dossier_export_to_bytes (f->sub, f->layout, &options, NULL, &error);
  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));
  g_assert_nonnull (strstr (text, "Zed &amp; Co &lt;i&gt;&apos;quoted&apos;&lt;/i&gt;</text>"));
  g_assert_nonnull (strstr (text, ">a &lt; b &amp; c</text>"));
}

/* Two triangles joined by one relation are two communities; an actor
 * alone is its own. */
static void
test_communities (void)
{
  g_autoptr(DossierGraph) graph = test_bare_graph ();
  g_autoptr(DossierSubgraph) sub = NULL;
  g_autofree guint *c = NULL;
  const guint pairs[][2] = { { 0, 1 }, { 1, 2 }, { 2, 0 }, { 3, 4 }, { 4, 5 }, { 5, 3 }, { 2, 3 } };

  for (guint i = 0; i < 7; i++)
    {
      g_autofree char *name = g_strdup_printf ("Actor %c", 'A' + i);
      dossier_graph_ensure_entity (graph, name, DOSSIER_ENTITY_COMPANY);
    }
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    dossier_graph_ensure_relation (graph, pairs[i][0], DOSSIER_RELATION_PARTNERS, pairs[i][1]);
  sub = test_subgraph_all (graph);
  for (guint r = 0; r < sub->relations->len; r++)
    g_array_index (sub->relation_evidence, guint, r) = r == 6 ? 1 : 3;

  c = dossier_export_communities (sub);
  g_assert_cmpuint (c[0], ==, 0);
  g_assert_cmpuint (c[1], ==, c[0]);
  g_assert_cmpuint (c[2], ==, c[0]);
  g_assert_cmpuint (c[3], !=, c[0]);
  g_assert_cmpuint (c[4], ==, c[3]);
  g_assert_cmpuint (c[5], ==, c[3]);
  g_assert_cmpuint (c[6], !=, c[0]);
  g_assert_cmpuint (c[6], !=, c[3]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/export-data/keys", test_keys);
  g_test_add_func ("/export-data/keys/merge", test_keys_merge);
  g_test_add_func ("/export-data/caption", test_caption);
  g_test_add_func ("/export-data/communities", test_communities);
  g_test_add ("/export-data/csv/seeds", ExportFixture, NULL, export_fixture_set_up_seeds, test_csv, export_fixture_tear_down);
  g_test_add ("/export-data/csv/hostile", ExportFixture, NULL, export_fixture_set_up_hostile, test_csv, export_fixture_tear_down);
  g_test_add_func ("/export-data/csv/filtered", test_csv_filtered);
  g_test_add ("/export-data/gexf/seeds", ExportFixture, GINT_TO_POINTER (TRUE), export_fixture_set_up_seeds, test_gexf, export_fixture_tear_down);
  g_test_add ("/export-data/gexf/hostile", ExportFixture, GINT_TO_POINTER (FALSE), export_fixture_set_up_hostile, test_gexf, export_fixture_tear_down);
  g_test_add ("/export-data/neo4j/seeds", ExportFixture, NULL, export_fixture_set_up_seeds, test_neo4j, export_fixture_tear_down);
  g_test_add ("/export-data/neo4j/hostile", ExportFixture, NULL, export_fixture_set_up_hostile, test_neo4j, export_fixture_tear_down);
  g_test_add ("/export-data/html/seeds", ExportFixture, NULL, export_fixture_set_up_seeds, test_html, export_fixture_tear_down);
  g_test_add ("/export-data/html/hostile", ExportFixture, NULL, export_fixture_set_up_hostile, test_html, export_fixture_tear_down);
  g_test_add ("/export-data/image/edge-labels-apart", ExportFixture, NULL, export_fixture_set_up_seeds, test_edge_labels_apart, export_fixture_tear_down);
  g_test_add ("/export-data/image/legend", ExportFixture, NULL, export_fixture_set_up_seeds, test_legend, export_fixture_tear_down);
  g_test_add ("/export-data/image/title-caption", ExportFixture, NULL, export_fixture_set_up_hostile, test_title_caption, export_fixture_tear_down);

  return g_test_run ();
}
