/* dossier-json.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-json"

#include "config.h"

#include "dossier-date.h"
#include "dossier-json.h"
#include "dossier-keys.h"

static void
add_range_text (JsonBuilder          *builder,
                const DossierArticle *article,
                gsize                 start,
                gsize                 end)
{
  g_autofree char *text = g_strndup (article->text + start, end - start);

  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, start);
  json_builder_set_member_name (builder, "end");
  json_builder_add_int_value (builder, end);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, text);
}

static void
add_date (JsonBuilder       *builder,
          const char        *member,
          const DossierDate *date)
{
  g_autofree char *str = dossier_date_to_string (date);

  json_builder_set_member_name (builder, member);
  if (str != NULL)
    json_builder_add_string_value (builder, str);
  else
    json_builder_add_null_value (builder);
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

static void
build_articles (JsonBuilder  *builder,
                DossierGraph *graph)
{
  json_builder_set_member_name (builder, "articles");
  json_builder_begin_array (builder);

  for (guint i = 0; i < graph->corpus->articles->len; i++)
    {
      const DossierArticle *article = dossier_corpus_get_article (graph->corpus, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, article->id);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, article->path);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, article->title);
      add_date (builder, "date", &article->date);
      json_builder_set_member_name (builder, "date_precision");
      json_builder_add_string_value (builder, precision_to_string (article->date.precision));
      json_builder_set_member_name (builder, "date_source");
      json_builder_add_string_value (builder, article->date_source);
      json_builder_set_member_name (builder, "encoding");
      json_builder_add_string_value (builder, article->encoding);

      json_builder_set_member_name (builder, "sections");
      json_builder_begin_array (builder);
      for (guint s = 0; s < article->sections->len; s++)
        {
          const DossierSection *section = &g_array_index (article->sections, DossierSection, s);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "kind");
          json_builder_add_string_value (builder, dossier_section_kind_to_string (section->kind));
          json_builder_set_member_name (builder, "start");
          json_builder_add_int_value (builder, section->start);
          json_builder_set_member_name (builder, "end");
          json_builder_add_int_value (builder, section->end);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
}

/* "points": the cubic Bézier [[x, y], ...] (3n + 1 points), "arrow": its
 * tip or null, "label": where the type is written. */
static void
add_edge_geometry (JsonBuilder   *builder,
                   DossierLayout *layout,
                   guint          relation)
{
  int e = dossier_layout_find_relation (layout, relation);
  const DossierLayoutEdge *edge;

  if (e < 0)
    return;
  edge = &g_array_index (layout->edges, DossierLayoutEdge, e);

  json_builder_set_member_name (builder, "points");
  json_builder_begin_array (builder);
  for (guint p = 0; p < edge->points->len; p++)
    {
      DossierPoint pt = g_array_index (edge->points, DossierPoint, p);

      json_builder_begin_array (builder);
      json_builder_add_double_value (builder, pt.x);
      json_builder_add_double_value (builder, pt.y);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "arrow");
  if (edge->has_arrow)
    {
      json_builder_begin_array (builder);
      json_builder_add_double_value (builder, edge->arrow_tip.x);
      json_builder_add_double_value (builder, edge->arrow_tip.y);
      json_builder_end_array (builder);
    }
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "label");
  json_builder_begin_array (builder);
  json_builder_add_double_value (builder, edge->label.x);
  json_builder_add_double_value (builder, edge->label.y);
  json_builder_end_array (builder);
}

static char *
entity_id (guint id)
{
  return g_strdup_printf ("e%u", id);
}

JsonNode *
dossier_json_build (DossierSubgraph *subgraph,
                    DossierLayout   *layout)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  DossierGraph *graph;

  g_return_val_if_fail (subgraph != NULL, NULL);

  graph = subgraph->graph;

  json_builder_begin_object (builder);
  build_articles (builder, graph);

  json_builder_set_member_name (builder, "entities");
  json_builder_begin_array (builder);
  for (guint i = 0; i < subgraph->entities->len; i++)
    {
      guint id = g_array_index (subgraph->entities, guint, i);
      const DossierEntity *entity = dossier_graph_get_entity (graph, id);
      g_autofree char *sid = entity_id (id);
      g_autofree char *key = dossier_key_for_entity (entity);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, sid);
      json_builder_set_member_name (builder, "key");
      json_builder_add_string_value (builder, key);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, entity->name);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, dossier_entity_type_to_string (entity->type));
      json_builder_set_member_name (builder, "discovered");
      json_builder_add_boolean_value (builder, entity->discovered);

      json_builder_set_member_name (builder, "aliases");
      json_builder_begin_array (builder);
      for (guint a = 0; a < entity->aliases->len; a++)
        json_builder_add_string_value (builder, g_ptr_array_index (entity->aliases, a));
      json_builder_end_array (builder);

      json_builder_set_member_name (builder, "mentions");
      json_builder_begin_array (builder);
      for (guint m = 0; m < entity->mentions->len; m++)
        {
          const DossierMention *mention = &g_array_index (entity->mentions, DossierMention, m);
          const DossierArticle *article = dossier_corpus_get_article (graph->corpus, mention->article);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "article");
          json_builder_add_string_value (builder, article->id);
          add_range_text (builder, article, mention->start, mention->end);
          json_builder_set_member_name (builder, "section");
          json_builder_add_string_value (builder, dossier_section_kind_to_string (mention->section));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      if (layout != NULL)
        {
          int n = dossier_layout_find_entity (layout, id);

          if (n >= 0)
            {
              const DossierLayoutNode *node = &g_array_index (layout->nodes, DossierLayoutNode, n);

              json_builder_set_member_name (builder, "x");
              json_builder_add_double_value (builder, node->x);
              json_builder_set_member_name (builder, "y");
              json_builder_add_double_value (builder, node->y);
              json_builder_set_member_name (builder, "width");
              json_builder_add_double_value (builder, node->width);
              json_builder_set_member_name (builder, "height");
              json_builder_add_double_value (builder, node->height);
            }
        }

      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "relations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < subgraph->relations->len; i++)
    {
      guint id = g_array_index (subgraph->relations, guint, i);
      const DossierRelation *relation = dossier_graph_get_relation (graph, id);
      g_autofree char *source = entity_id (relation->source);
      g_autofree char *target = entity_id (relation->target);
      g_autofree char *key = dossier_key_for_relation (graph, relation);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "source");
      json_builder_add_string_value (builder, source);
      json_builder_set_member_name (builder, "target");
      json_builder_add_string_value (builder, target);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, dossier_relation_type_to_string (relation->type));
      json_builder_set_member_name (builder, "key");
      json_builder_add_string_value (builder, key);

      json_builder_set_member_name (builder, "evidence");
      json_builder_begin_array (builder);
      for (guint e = 0; e < relation->evidence->len; e++)
        {
          const DossierEvidence *ev = &g_array_index (relation->evidence, DossierEvidence, e);
          const DossierArticle *article = dossier_corpus_get_article (graph->corpus, ev->article);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "article");
          json_builder_add_string_value (builder, article->id);
          add_range_text (builder, article, ev->start, ev->end);
          add_date (builder, "date", &ev->date);
          json_builder_set_member_name (builder, "negated");
          json_builder_add_boolean_value (builder, (ev->flags & DOSSIER_EVIDENCE_NEGATED) != 0);
          json_builder_set_member_name (builder, "hypothetical");
          json_builder_add_boolean_value (builder, (ev->flags & DOSSIER_EVIDENCE_HYPOTHETICAL) != 0);
          json_builder_set_member_name (builder, "section");
          json_builder_add_string_value (builder,
                                         (ev->flags & DOSSIER_EVIDENCE_COMMENTS) != 0 ? "comments" : "body");
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      if (layout != NULL)
        add_edge_geometry (builder, layout, id);

      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (layout != NULL)
    {
      json_builder_set_member_name (builder, "layout");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "engine");
      json_builder_add_string_value (builder, dossier_layout_engine_to_string (layout->engine));
      json_builder_set_member_name (builder, "units");
      json_builder_add_string_value (builder, "pt");
      json_builder_set_member_name (builder, "y_axis");
      json_builder_add_string_value (builder, "down");
      json_builder_set_member_name (builder, "width");
      json_builder_add_double_value (builder, layout->width);
      json_builder_set_member_name (builder, "height");
      json_builder_add_double_value (builder, layout->height);
      json_builder_end_object (builder);
    }

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

char *
dossier_json_to_string (DossierSubgraph *subgraph,
                        DossierLayout   *layout,
                        gboolean         pretty)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = dossier_json_build (subgraph, layout);

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, pretty);

  return json_generator_to_data (generator, NULL);
}
