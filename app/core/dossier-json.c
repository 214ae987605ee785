/* dossier-json.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-json"

#include "config.h"

#include <string.h>

#include "dossier-date.h"
#include "dossier-json.h"
#include "dossier-json-writer.h"
#include "dossier-keys.h"

static void
write_range_text (DossierJsonWriter    *w,
                  const DossierArticle *article,
                  gsize                 start,
                  gsize                 end)
{
  DOSSIER_JSON_MEMBER (w, "start");
  dossier_json_writer_int (w, start);
  DOSSIER_JSON_MEMBER (w, "end");
  dossier_json_writer_int (w, end);
  DOSSIER_JSON_MEMBER (w, "text");
  dossier_json_writer_string_len (w, article->text + start, end - start);
}

/* The value of a member the caller named (a literal, DOSSIER_JSON_MEMBER). */
static void
write_date (DossierJsonWriter *w,
            const DossierDate *date)
{
  char str[DOSSIER_DATE_ISO_SIZE];

  dossier_json_writer_string (w, dossier_date_write_iso (date, str) ? str : NULL);
}

static const char *
precision_to_string (DossierDatePrecision precision)
{
  switch (precision)
    {
    case DOSSIER_DATE_PRECISION_YEAR:
      return "year";
    case DOSSIER_DATE_PRECISION_MONTH:
      return "month";
    case DOSSIER_DATE_PRECISION_DAY:
      return "day";
    case DOSSIER_DATE_PRECISION_NONE:
    default:
      return NULL;
    }
}

/* A file name is bytes: JSON gets it as UTF-8 (U+FFFD for what is not)
 * and, when that lost something, the bytes themselves in base64. */
static void
write_file_name (DossierJsonWriter *w,
                 const char        *member,
                 const char        *bytes_member,
                 const char        *name)
{
  g_autofree char *encoded = NULL;

  dossier_json_writer_member (w, member);
  dossier_json_writer_string (w, name);
  if (name == NULL || g_utf8_validate (name, -1, NULL))
    return;

  encoded = g_base64_encode ((const guchar *) name, strlen (name));
  dossier_json_writer_member (w, bytes_member);
  dossier_json_writer_string (w, encoded);
}

static void
write_article_members (DossierJsonWriter    *w,
                       const DossierArticle *article)
{
  DOSSIER_JSON_MEMBER (w, "id");
  dossier_json_writer_string (w, article->id);
  write_file_name (w, "path", "path_bytes", article->path);
  DOSSIER_JSON_MEMBER (w, "title");
  dossier_json_writer_string (w, article->title);
  DOSSIER_JSON_MEMBER (w, "date");
  write_date (w, &article->date);
  DOSSIER_JSON_MEMBER (w, "date_precision");
  dossier_json_writer_string (w, precision_to_string (article->date.precision));
  DOSSIER_JSON_MEMBER (w, "date_source");
  dossier_json_writer_string (w, article->date_source);
  DOSSIER_JSON_MEMBER (w, "encoding");
  dossier_json_writer_string (w, article->encoding);

  DOSSIER_JSON_MEMBER (w, "sections");
  dossier_json_writer_begin_array (w);
  for (guint s = 0; s < article->sections->len; s++)
    {
      const DossierSection *section = &g_array_index (article->sections, DossierSection, s);

      dossier_json_writer_begin_object (w);
      DOSSIER_JSON_MEMBER (w, "kind");
      dossier_json_writer_string (w, dossier_section_kind_to_string (section->kind));
      DOSSIER_JSON_MEMBER (w, "start");
      dossier_json_writer_int (w, section->start);
      DOSSIER_JSON_MEMBER (w, "end");
      dossier_json_writer_int (w, section->end);
      dossier_json_writer_end_object (w);
    }
  dossier_json_writer_end_array (w);
}

/* "points": the cubic Bézier [[x, y], ...] (3n + 1 points), "arrow": its
 * tip or null, "label": where the type is written. */
static void
write_point (DossierJsonWriter *w,
             double             x,
             double             y)
{
  dossier_json_writer_begin_array (w);
  dossier_json_writer_double (w, x);
  dossier_json_writer_double (w, y);
  dossier_json_writer_end_array (w);
}

static void
write_edge_geometry (DossierJsonWriter *w,
                     DossierLayout     *layout,
                     guint              relation)
{
  int e = dossier_layout_find_relation (layout, relation);
  const DossierLayoutEdge *edge;

  if (e < 0)
    return;
  edge = &g_array_index (layout->edges, DossierLayoutEdge, e);

  DOSSIER_JSON_MEMBER (w, "points");
  dossier_json_writer_begin_array (w);
  for (guint p = 0; p < edge->points->len; p++)
    {
      DossierPoint pt = g_array_index (edge->points, DossierPoint, p);

      write_point (w, pt.x, pt.y);
    }
  dossier_json_writer_end_array (w);

  DOSSIER_JSON_MEMBER (w, "arrow");
  if (edge->has_arrow)
    write_point (w, edge->arrow_tip.x, edge->arrow_tip.y);
  else
    dossier_json_writer_null (w);

  DOSSIER_JSON_MEMBER (w, "label");
  write_point (w, edge->label.x, edge->label.y);
}

/* "e" and the id, as the value of a member the caller named; digits by
 * hand as printf's format parsing showed in profiles. */
static void
write_entity_id (DossierJsonWriter *w,
                 guint              id)
{
  char sid[16];
  char *p = sid + sizeof sid;

  do
    *--p = '0' + id % 10;
  while ((id /= 10) != 0);
  *--p = 'e';
  dossier_json_writer_string_len (w, p, sid + sizeof sid - p);
}

/* What the filter measured (dossier-measures.h): the weight that sizes
 * the actor, its community and whether the person pinned it. */
static void
write_entity_measures (DossierJsonWriter *w,
                       DossierSubgraph   *subgraph,
                       DossierLayout     *layout,
                       guint              index,
                       const guint       *communities)
{
  guint id = g_array_index (subgraph->entities, guint, index);

  DOSSIER_JSON_MEMBER (w, "weight");
  dossier_json_writer_double (w, dossier_subgraph_entity_weight (subgraph, index));
  DOSSIER_JSON_MEMBER (w, "community");
  dossier_json_writer_int (w, communities[index]);
  DOSSIER_JSON_MEMBER (w, "pinned");
  dossier_json_writer_boolean (w, dossier_layout_entity_is_pinned (layout, id));
}

static void
write_entity_members (DossierJsonWriter *w,
                      DossierGraph      *graph,
                      guint              id,
                      DossierLayout     *layout)
{
  const DossierEntity *entity = dossier_graph_get_entity (graph, id);
  g_autofree char *key = dossier_key_for_entity (entity);

  DOSSIER_JSON_MEMBER (w, "id");
  write_entity_id (w, id);
  DOSSIER_JSON_MEMBER (w, "key");
  dossier_json_writer_string (w, key);
  DOSSIER_JSON_MEMBER (w, "name");
  dossier_json_writer_string (w, entity->name);
  DOSSIER_JSON_MEMBER (w, "type");
  dossier_json_writer_string (w, dossier_entity_type_to_string (entity->type));
  DOSSIER_JSON_MEMBER (w, "discovered");
  dossier_json_writer_boolean (w, entity->discovered);

  DOSSIER_JSON_MEMBER (w, "aliases");
  dossier_json_writer_begin_array (w);
  for (guint a = 0; a < entity->aliases->len; a++)
    dossier_json_writer_string (w, g_ptr_array_index (entity->aliases, a));
  dossier_json_writer_end_array (w);

  DOSSIER_JSON_MEMBER (w, "mentions");
  dossier_json_writer_begin_array (w);
  for (guint m = 0; m < entity->mentions->len; m++)
    {
      const DossierMention *mention = &g_array_index (entity->mentions, DossierMention, m);
      const DossierArticle *article = dossier_corpus_get_article (graph->corpus, mention->article);

      dossier_json_writer_begin_object (w);
      DOSSIER_JSON_MEMBER (w, "article");
      dossier_json_writer_string (w, article->id);
      write_range_text (w, article, mention->start, mention->end);
      DOSSIER_JSON_MEMBER (w, "section");
      dossier_json_writer_string (w, dossier_section_kind_to_string (mention->section));
      dossier_json_writer_end_object (w);
    }
  dossier_json_writer_end_array (w);

  if (layout != NULL)
    {
      int n = dossier_layout_find_entity (layout, id);

      if (n >= 0)
        {
          const DossierLayoutNode *node = &g_array_index (layout->nodes, DossierLayoutNode, n);

          DOSSIER_JSON_MEMBER (w, "x");
          dossier_json_writer_double (w, node->x);
          DOSSIER_JSON_MEMBER (w, "y");
          dossier_json_writer_double (w, node->y);
          DOSSIER_JSON_MEMBER (w, "width");
          dossier_json_writer_double (w, node->width);
          DOSSIER_JSON_MEMBER (w, "height");
          dossier_json_writer_double (w, node->height);
        }
    }
}

/* Every passage goes out through here: a new field is one line. */
static void
write_evidence (DossierJsonWriter     *w,
                DossierGraph          *graph,
                const DossierEvidence *ev)
{
  const DossierArticle *article = dossier_corpus_get_article (graph->corpus, ev->article);

  dossier_json_writer_begin_object (w);
  DOSSIER_JSON_MEMBER (w, "article");
  dossier_json_writer_string (w, article->id);
  write_range_text (w, article, ev->start, ev->end);
  DOSSIER_JSON_MEMBER (w, "date");
  write_date (w, &ev->date);
  DOSSIER_JSON_MEMBER (w, "negated");
  dossier_json_writer_boolean (w, (ev->flags & DOSSIER_EVIDENCE_NEGATED) != 0);
  DOSSIER_JSON_MEMBER (w, "hypothetical");
  dossier_json_writer_boolean (w, (ev->flags & DOSSIER_EVIDENCE_HYPOTHETICAL) != 0);
  /* the word for it; "hypothetical" stays, fields are never renamed */
  DOSSIER_JSON_MEMBER (w, "hedged");
  dossier_json_writer_boolean (w, dossier_evidence_is_hedged (ev));
  DOSSIER_JSON_MEMBER (w, "section");
  dossier_json_writer_string (w, (ev->flags & DOSSIER_EVIDENCE_COMMENTS) != 0 ? "comments" : "body");
  dossier_json_writer_end_object (w);
}

static void
write_relation_members (DossierJsonWriter *w,
                        DossierGraph      *graph,
                        guint              id,
                        DossierLayout     *layout)
{
  const DossierRelation *relation = dossier_graph_get_relation (graph, id);
  g_autofree char *key = dossier_key_for_relation (graph, relation);

  DOSSIER_JSON_MEMBER (w, "source");
  write_entity_id (w, relation->source);
  DOSSIER_JSON_MEMBER (w, "target");
  write_entity_id (w, relation->target);
  DOSSIER_JSON_MEMBER (w, "type");
  dossier_json_writer_string (w, dossier_relation_type_to_string (relation->type));
  DOSSIER_JSON_MEMBER (w, "key");
  dossier_json_writer_string (w, key);

  DOSSIER_JSON_MEMBER (w, "evidence");
  dossier_json_writer_begin_array (w);
  for (guint e = 0; e < relation->evidence->len; e++)
    write_evidence (w, graph, &g_array_index (relation->evidence, DossierEvidence, e));
  dossier_json_writer_end_array (w);

  if (layout != NULL)
    write_edge_geometry (w, layout, id);
}

static void
write_layout (DossierJsonWriter *w,
              DossierLayout     *layout)
{
  DOSSIER_JSON_MEMBER (w, "layout");
  dossier_json_writer_begin_object (w);
  DOSSIER_JSON_MEMBER (w, "engine");
  dossier_json_writer_string (w, dossier_layout_engine_to_string (layout->engine));
  DOSSIER_JSON_MEMBER (w, "units");
  dossier_json_writer_string (w, "pt");
  DOSSIER_JSON_MEMBER (w, "y_axis");
  dossier_json_writer_string (w, "down");
  DOSSIER_JSON_MEMBER (w, "width");
  dossier_json_writer_double (w, layout->width);
  DOSSIER_JSON_MEMBER (w, "height");
  dossier_json_writer_double (w, layout->height);
  dossier_json_writer_end_object (w);
}

/* What the records of one document are written from. */
typedef struct
{
  DossierGraph    *graph;
  DossierLayout   *layout;       /* NULL: no positions */
  DossierSubgraph *subgraph;
  const guint     *communities;  /* indexed like subgraph->entities */
} Doc;

/* Writes the members of record @index, whose id is @id. */
typedef void (*WriteMembers) (DossierJsonWriter *w,
                              const Doc         *doc,
                              guint              index,
                              guint              id);

static void
write_article_at (DossierJsonWriter *w,
                  const Doc         *doc,
                  guint              index,
                  guint              id)
{
  write_article_members (w, dossier_corpus_get_article (doc->graph->corpus, id));
}

static void
write_entity_at (DossierJsonWriter *w,
                 const Doc         *doc,
                 guint              index,
                 guint              id)
{
  write_entity_members (w, doc->graph, id, doc->layout);
  write_entity_measures (w, doc->subgraph, doc->layout, index, doc->communities);
}

static void
write_relation_at (DossierJsonWriter *w,
                   const Doc         *doc,
                   guint              index,
                   guint              id)
{
  write_relation_members (w, doc->graph, id, doc->layout);
}

/* One object per record: @ids[0..n) (NULL: 0..n).  With a @kind, as JSON
 * Lines: the kind first, a line each. */
static void
write_records (const Doc         *doc,
               DossierJsonWriter *w,
               guint              n,
               const guint       *ids,
               WriteMembers       write_members,
               const char        *kind)
{
  for (guint i = 0; i < n; i++)
    {
      dossier_json_writer_begin_object (w);
      if (kind != NULL)
        {
          DOSSIER_JSON_MEMBER (w, "kind");
          dossier_json_writer_string (w, kind);
        }
      write_members (w, doc, i, ids != NULL ? ids[i] : i);
      dossier_json_writer_end_object (w);
      if (kind != NULL)
        dossier_json_writer_raw (w, "\n");
    }
}

static void
write_array (DossierJsonWriter *w,
             const char        *name,
             const Doc         *doc,
             guint              n,
             const guint       *ids,
             WriteMembers       write_members)
{
  dossier_json_writer_member (w, name);
  dossier_json_writer_begin_array (w);
  write_records (doc, w, n, ids, write_members, NULL);
  dossier_json_writer_end_array (w);
}

static void
write_document (DossierJsonWriter *w,
                DossierSubgraph   *subgraph,
                DossierLayout     *layout)
{
  DossierGraph *graph = subgraph->graph;
  g_autofree guint *communities = dossier_subgraph_communities (subgraph);
  Doc doc = { subgraph->graph, layout, subgraph, communities };
  GArray *entities = subgraph->entities, *relations = subgraph->relations;

  dossier_json_writer_begin_object (w);

  write_array (w, "articles", &doc, graph->corpus->articles->len, NULL, write_article_at);
  write_array (w, "entities", &doc, entities->len, (guint *) entities->data, write_entity_at);
  write_array (w, "relations", &doc, relations->len, (guint *) relations->data, write_relation_at);

  if (layout != NULL)
    write_layout (w, layout);

  dossier_json_writer_end_object (w);
}

/* One line per record, each opening with its kind. */
static void
write_lines (DossierJsonWriter *w,
             DossierSubgraph   *subgraph)
{
  DossierGraph *graph = subgraph->graph;
  g_autofree guint *communities = dossier_subgraph_communities (subgraph);
  Doc doc = { subgraph->graph, NULL, subgraph, communities };
  GArray *entities = subgraph->entities, *relations = subgraph->relations;

  write_records (&doc, w, graph->corpus->articles->len, NULL, write_article_at, "article");
  write_records (&doc, w, entities->len, (guint *) entities->data, write_entity_at, "entity");
  write_records (&doc, w, relations->len, (guint *) relations->data, write_relation_at, "relation");
}

gboolean
dossier_json_write (DossierSubgraph  *subgraph,
                    DossierLayout    *layout,
                    DossierJsonStyle  style,
                    GOutputStream    *stream,
                    GCancellable     *cancellable,
                    GError          **error)
{
  g_autoptr(DossierJsonWriter) w = NULL;

  g_return_val_if_fail (subgraph != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  w = dossier_json_writer_new (stream, style == DOSSIER_JSON_PRETTY);
  if (style == DOSSIER_JSON_LINES)
    write_lines (w, subgraph);
  else
    {
      write_document (w, subgraph, layout);
      dossier_json_writer_raw (w, "\n");
    }

  return dossier_json_writer_flush (w, cancellable, error);
}

JsonNode *
dossier_json_build (DossierSubgraph *subgraph,
                    DossierLayout   *layout)
{
  g_autofree char *text = dossier_json_to_string (subgraph, layout, FALSE);

  return json_from_string (text, NULL);
}

char *
dossier_json_to_string (DossierSubgraph *subgraph,
                        DossierLayout   *layout,
                        gboolean         pretty)
{
  g_autoptr(DossierJsonWriter) w = NULL;

  g_return_val_if_fail (subgraph != NULL, NULL);

  w = dossier_json_writer_new (NULL, pretty);
  write_document (w, subgraph, layout);
  return dossier_json_writer_steal_data (w);
}
