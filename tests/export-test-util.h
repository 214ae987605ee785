/* export-test-util.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Graphs for the layout, export and JSON tests: the seeds, a graph built
 * by hand around hostile names, and synthetic graphs of any size. */

#pragma once

#include <cairo.h>
#include <string.h>

#include "dossier-corpus.h"
#include "dossier-export.h"
#include "dossier-extractor.h"
#include "dossier-filter.h"
#include "dossier-layout.h"
#include "test-util.h"

/* Quotes, angle brackets, an ampersand, a backslash and a newline. */
#define HOSTILE_NAME "\"Oracle\" <b>&</b> \\ \"x\"\nline two"
#define HOSTILE_NAME_2 "Zed & Co <i>'quoted'</i>"
/* cgraph cannot write a backslash right before the closing quote. */
#define HOSTILE_NAME_3 "Trailing backslash \\"

/* A graph over an empty corpus, for actors added by hand. */
static inline DossierGraph *
test_bare_graph (void)
{
  g_autoptr(DossierCorpus) corpus = dossier_corpus_new ();

  return dossier_graph_new (corpus);
}

/* The seeds through the default filter, as the CLI shows them. */
static inline DossierSubgraph *
test_seeds_subgraph (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierGraph) graph = test_load_seeds ();
  g_autoptr(DossierFilter) filter = dossier_filter_new ();
  DossierSubgraph *sub;

  sub = dossier_filter_apply (filter, graph, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sub->entities->len, >, 5);
  g_assert_cmpuint (sub->relations->len, >, 5);

  return sub;
}

/* Everything in @graph, without going through the filter. */
static inline DossierSubgraph *
test_subgraph_all (DossierGraph *graph)
{
  DossierSubgraph *sub = dossier_subgraph_new (graph, graph->entities->len, graph->relations->len);

  for (guint i = 0; i < graph->entities->len; i++)
    {
      DossierEntity *entity = g_ptr_array_index (graph->entities, i);
      guint mentions = MAX (entity->mentions->len, 1);

      g_array_append_val (sub->entities, entity->id);
      g_array_append_val (sub->entity_mentions, mentions);
    }
  for (guint i = 0; i < graph->relations->len; i++)
    {
      DossierRelation *relation = g_ptr_array_index (graph->relations, i);
      guint evidence = relation->evidence->len;

      g_array_append_val (sub->relations, relation->id);
      g_array_append_val (sub->relation_evidence, evidence);
    }

  return sub;
}

static inline void
test_add_mention (DossierGraph  *graph,
                  DossierEntity *entity,
                  const char    *text,
                  const char    *needle)
{
  const char *at = strstr (text, needle);
  DossierMention mention = { 0 };

  g_assert_nonnull (at);
  mention.article = 0;
  mention.start = at - text;
  mention.end = mention.start + strlen (needle);
  mention.section = DOSSIER_SECTION_BODY;
  dossier_graph_add_mention (graph, entity, &mention);
}

/* One article naming three actors with hostile names, linked by two
 * relations that each have one passage. */
static inline DossierGraph *
test_hostile_graph (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCorpus) corpus = dossier_corpus_new ();
  const char *text =
    "Hostile names\n"
    "\n"
    "\"Oracle\" <b>&</b> \\ \"x\"\nline two met Zed & Co <i>'quoted'</i> on 3 March 2021.\n"
    "Trailing backslash \\ watched.\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  DossierArticle *article;
  DossierGraph *graph;
  DossierEntity *a, *b, *c;
  DossierRelation *r;
  DossierEvidence evidence = { 0 };
  const char *body;

  article = dossier_article_new_from_bytes ("hostile <&>.txt", NULL, bytes, &error);
  g_assert_no_error (error);
  dossier_corpus_add_article (corpus, article);
  body = article->text;

  graph = dossier_graph_new (corpus);
  a = dossier_graph_ensure_entity (graph, HOSTILE_NAME, DOSSIER_ENTITY_COMPANY);
  dossier_graph_add_alias (graph, a, "O\"R <a>");
  test_add_mention (graph, a, body, HOSTILE_NAME);
  b = dossier_graph_ensure_entity (graph, HOSTILE_NAME_2, DOSSIER_ENTITY_PERSON);
  test_add_mention (graph, b, body, HOSTILE_NAME_2);
  c = dossier_graph_ensure_entity (graph, HOSTILE_NAME_3, DOSSIER_ENTITY_GOVERNMENT);
  test_add_mention (graph, c, body, HOSTILE_NAME_3);

  evidence.article = 0;
  evidence.start = strstr (body, HOSTILE_NAME) - body;
  evidence.end = strstr (body, "2021.") - body + 5;
  evidence.source_start = evidence.start;
  evidence.source_end = evidence.start + strlen (HOSTILE_NAME);
  evidence.target_start = strstr (body, HOSTILE_NAME_2) - body;
  evidence.target_end = evidence.target_start + strlen (HOSTILE_NAME_2);

  r = dossier_graph_ensure_relation (graph, a->id, DOSSIER_RELATION_ACQUIRES, b->id);
  dossier_graph_add_evidence (graph, r, &evidence);
  r = dossier_graph_ensure_relation (graph, b->id, DOSSIER_RELATION_PARTNERS, c->id);
  dossier_graph_add_evidence (graph, r, &evidence);

  return graph;
}

/* @n_nodes actors of every type and about @n_edges relations, half of
 * them on a ring (so the graph is connected) and half random. */
static inline DossierGraph *
test_synthetic_graph (guint n_nodes,
                      guint n_edges,
                      guint seed)
{
  g_autoptr(DossierCorpus) corpus = dossier_corpus_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  DossierGraph *graph = dossier_graph_new (corpus);
  g_autofree DossierEntity **entities = g_new (DossierEntity *, n_nodes);

  for (guint i = 0; i < n_nodes; i++)
    {
      g_autofree char *name = g_strdup_printf ("Actor %u %s", i, i % 7 == 0 ? "Holdings International" : "");

      entities[i] = dossier_graph_ensure_entity (graph, g_strstrip (name), i % DOSSIER_N_ENTITY_TYPES);
    }

  for (guint i = 0; n_nodes > 1 && i < n_edges; i++)
    {
      guint s, t;

      if (i < n_edges / 2)
        {
          s = i % n_nodes;
          t = (i + 1) % n_nodes;
        }
      else
        {
          s = g_rand_int_range (rand, 0, n_nodes);
          t = g_rand_int_range (rand, 0, n_nodes);
        }
      if (s == t)
        continue;
      dossier_graph_ensure_relation (graph, entities[s]->id, i % (DOSSIER_N_RELATION_TYPES - 1), entities[t]->id);
    }

  return graph;
}

/* All of a test_synthetic_graph(); the subgraph keeps the graph. */
static inline DossierSubgraph *
test_synthetic_subgraph (guint n_nodes,
                         guint n_edges,
                         guint seed)
{
  g_autoptr(DossierGraph) graph = test_synthetic_graph (n_nodes, n_edges, seed);

  return test_subgraph_all (graph);
}

/* A subgraph and its layout, for g_test_add (). */
typedef struct
{
  DossierSubgraph *sub;
  DossierLayout   *layout;
} ExportFixture;

/* @sub (taken), laid out by the engine chosen for its size. */
static inline void
export_fixture_lay_out (ExportFixture   *f,
                        DossierSubgraph *sub)
{
  g_autoptr(GError) error = NULL;

  f->sub = sub;
  f->layout = dossier_layout_compute (f->sub, DOSSIER_LAYOUT_AUTO, NULL, &error);
  g_assert_no_error (error);
}

/* The seeds through the default filter, laid out. */
static inline void
export_fixture_set_up_seeds (ExportFixture *f,
                             gconstpointer  data)
{
  export_fixture_lay_out (f, test_seeds_subgraph ());
}

/* The hostile graph (three actors, two relations), laid out. */
static inline void
export_fixture_set_up_hostile (ExportFixture *f,
                               gconstpointer  data)
{
  g_autoptr(DossierGraph) graph = test_hostile_graph ();

  export_fixture_lay_out (f, test_subgraph_all (graph));
  g_assert_cmpuint (f->layout->nodes->len, ==, 3);
  g_assert_cmpuint (f->layout->edges->len, ==, 2);
}

static inline void
export_fixture_tear_down (ExportFixture *f,
                          gconstpointer  data)
{
  g_clear_pointer (&f->layout, dossier_layout_unref);
  g_clear_pointer (&f->sub, dossier_subgraph_unref);
}

typedef struct
{
  const guint8 *data;
  gsize         len;
  gsize         pos;
} TestPngReader;

static inline cairo_status_t
test_png_read (void          *closure,
               unsigned char *out,
               unsigned int   length)
{
  TestPngReader *r = closure;

  if (r->pos + length > r->len)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (out, r->data + r->pos, length);
  r->pos += length;
  return CAIRO_STATUS_SUCCESS;
}

/* A PNG in memory decoded by cairo (libpng, which checks every CRC). */
static inline cairo_surface_t *
test_decode_png (GBytes *bytes)
{
  TestPngReader reader = { 0 };
  cairo_surface_t *surface;

  reader.data = g_bytes_get_data (bytes, &reader.len);
  surface = cairo_image_surface_create_from_png_stream (test_png_read, &reader);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);
  return surface;
}

/* @f exported in memory with @options: never an error, never empty. */
static inline GBytes *
export_with (ExportFixture              *f,
             const DossierExportOptions *options)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = dossier_export_to_bytes (f->sub, f->layout, options, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 0);
  return bytes;
}

static inline GBytes *
export_format (ExportFixture       *f,
               DossierExportFormat  format)
{
  DossierExportOptions options;

  dossier_export_options_init (&options, format);
  return export_with (f, &options);
}
