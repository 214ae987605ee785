/* dossier-export-data.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The formats that carry the evidence out: a CSV report with one row per
 * passage, GEXF 1.3 for Gephi (dates as spells, so its timeline plays the
 * graph), the CSV files of `neo4j-admin database import` with a
 * load.cypher, and a self-contained HTML report.  Only the passages the
 * subgraph's filter lets through are written, and everything is named by
 * the keys of dossier-keys.h. */

#define G_LOG_DOMAIN "dossier-export"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "dossier-date.h"
#include "dossier-export-private.h"
#include "dossier-keys.h"
#include "dossier-style.h"

/* ---- Shared pieces ------------------------------------------------------ */

/* The passage's bytes as valid UTF-8 (offsets are checked, as a curated
 * graph may outlive an edited article). */
static char *
range_text (const DossierArticle *article,
            gsize                 start,
            gsize                 end)
{
  start = MIN (start, article->len);
  end = CLAMP (end, start, article->len);
  return g_utf8_make_valid (article->text + start, end - start);
}

/* The columns of a passage that both the CSV and Neo4j write, as text. */
typedef struct
{
  char *date;    /* "" when unknown */
  char *start;
  char *end;
  char *quote;
} PassageText;

static void
passage_text_init (PassageText           *text,
                   const DossierArticle  *article,
                   const DossierEvidence *ev)
{
  text->date = dossier_date_to_string (&ev->date);
  if (text->date == NULL)
    text->date = g_strdup ("");
  text->start = g_strdup_printf ("%" G_GSIZE_FORMAT, ev->start);
  text->end = g_strdup_printf ("%" G_GSIZE_FORMAT, ev->end);
  text->quote = range_text (article, ev->start, ev->end);
}

static void
passage_text_clear (PassageText *text)
{
  g_free (text->date);
  g_free (text->start);
  g_free (text->end);
  g_free (text->quote);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PassageText, passage_text_clear)

static const DossierArticle *
evidence_article (DossierGraph          *graph,
                  const DossierEvidence *evidence)
{
  return dossier_corpus_get_article (graph->corpus, evidence->article);
}

static const char *
evidence_section (DossierGraph          *graph,
                  const DossierEvidence *evidence)
{
  if (dossier_evidence_in_comments (evidence))
    return dossier_section_kind_to_string (DOSSIER_SECTION_COMMENTS);
  return dossier_section_kind_to_string (dossier_article_section_at (evidence_article (graph, evidence),
                                                                     evidence->start));
}

char *
dossier_export_julian_to_iso (guint32 julian)
{
  GDate date;

  if (julian == 0 || !g_date_valid_julian (julian))
    return NULL;
  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date));
}

/* The attributes of a span of dates in each format that has them. */
static const char *span_parts[][3] = {
  [DOSSIER_SPAN_GEXF] = { " start=\"", "\" end=\"", "\"" },
  [DOSSIER_SPAN_GRAPHML] = { "      <data key=\"first\">", "</data>\n      <data key=\"last\">", "</data>\n" },
};

void
dossier_export_append_span (GString         *out,
                            DossierSpanStyle style,
                            guint32          first,
                            guint32          last)
{
  g_autofree char *from = dossier_export_julian_to_iso (first);
  g_autofree char *to = dossier_export_julian_to_iso (last);

  if (from != NULL && to != NULL)
    g_string_append_printf (out, "%s%s%s%s%s", span_parts[style][0], from,
                            span_parts[style][1], to, span_parts[style][2]);
}

static void
widen_span (const DossierDate *date,
            guint32           *first,
            guint32           *last)
{
  guint32 f, l;

  if (!dossier_date_get_span (date, &f, &l))
    return;
  *first = *first == 0 ? f : MIN (*first, f);
  *last = MAX (*last, l);
}

gboolean
dossier_export_relation_span (DossierSubgraph *subgraph,
                              guint            index,
                              guint32         *first,
                              guint32         *last)
{
  const DossierRelation *relation =
    dossier_graph_get_relation (subgraph->graph, g_array_index (subgraph->relations, guint, index));

  *first = *last = 0;
  for (guint e = 0; e < relation->evidence->len; e++)
    {
      const DossierEvidence *ev = &g_array_index (relation->evidence, DossierEvidence, e);

      if (dossier_subgraph_evidence_visible (subgraph, ev))
        widen_span (&ev->date, first, last);
    }
  return *first != 0;
}

/* An actor is there from its first mention to its last, and at least as
 * long as its visible relations (a passage may be dated by its sentence).
 * One pass over mentions and one over relations: an export of a large
 * graph must not look at every relation once per actor. */
guint32 *
dossier_export_entity_spans (DossierSubgraph *subgraph)
{
  DossierGraph *graph = subgraph->graph;
  const DossierFilter *filter = subgraph->filter;
  guint n = subgraph->entities->len;
  guint32 *spans = g_new0 (guint32, 2 * MAX (n, 1));
  guint32 from = 0, to = G_MAXUINT32;

  if (filter != NULL && dossier_date_is_known (&filter->from))
    dossier_date_get_span (&filter->from, &from, NULL);
  if (filter != NULL && dossier_date_is_known (&filter->to))
    dossier_date_get_span (&filter->to, NULL, &to);

  for (guint i = 0; i < n; i++)
    {
      const DossierEntity *entity = dossier_graph_get_entity (graph, g_array_index (subgraph->entities, guint, i));

      for (guint m = 0; m < entity->mentions->len; m++)
        {
          const DossierMention *mention = &g_array_index (entity->mentions, DossierMention, m);
          const DossierArticle *article = dossier_corpus_get_article (graph->corpus, mention->article);
          DossierDate date;
          guint32 f, l;

          if (filter != NULL && filter->no_comments && mention->section == DOSSIER_SECTION_COMMENTS)
            continue;
          date = dossier_article_date_for_range (article, mention->start, mention->end);
          if (!dossier_date_get_span (&date, &f, &l) || l < from || f > to)
            continue;
          widen_span (&date, &spans[i], &spans[n + i]);
        }
    }

  for (guint r = 0; r < subgraph->relations->len; r++)
    {
      const DossierRelation *relation =
        dossier_graph_get_relation (graph, g_array_index (subgraph->relations, guint, r));
      int ends[2] = { dossier_subgraph_find_entity (subgraph, relation->source),
                      dossier_subgraph_find_entity (subgraph, relation->target) };
      guint32 f, l;

      if (!dossier_export_relation_span (subgraph, r, &f, &l))
        continue;
      for (guint k = 0; k < 2; k++)
        {
          if (ends[k] < 0)
            continue;
          spans[ends[k]] = spans[ends[k]] == 0 ? f : MIN (spans[ends[k]], f);
          spans[n + ends[k]] = MAX (spans[n + ends[k]], l);
        }
    }

  return spans;
}

guint *
dossier_export_communities (DossierSubgraph *subgraph)
{
  /* The filter's communities (dossier-measures.c), so that every format
   * and the window number the clusters alike. */
  return dossier_subgraph_communities (subgraph);
}

char *
dossier_export_join_aliases (const DossierEntity *entity)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint a = 0; a < entity->aliases->len; a++)
    {
      if (a > 0)
        g_string_append (out, "; ");
      g_string_append (out, g_ptr_array_index (entity->aliases, a));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Entity and relation keys, computed once per export. */
typedef struct
{
  GHashTable *entities;  /* entity id -> key */
} Keys;

static const char *
entity_key (Keys         *keys,
            DossierGraph *graph,
            guint         id)
{
  char *key = g_hash_table_lookup (keys->entities, GUINT_TO_POINTER (id));

  if (key == NULL)
    {
      key = dossier_key_for_entity (dossier_graph_get_entity (graph, id));
      g_hash_table_insert (keys->entities, GUINT_TO_POINTER (id), key);
    }
  return key;
}

static char *
relation_key (Keys                  *keys,
              DossierGraph          *graph,
              const DossierRelation *relation)
{
  return dossier_key_join_relation (entity_key (keys, graph, relation->source), relation->type,
                                    entity_key (keys, graph, relation->target));
}

static void
keys_init (Keys *keys)
{
  keys->entities = g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

static void
keys_clear (Keys *keys)
{
  g_clear_pointer (&keys->entities, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Keys, keys_clear)

/* ---- CSV (RFC 4180) ----------------------------------------------------- */

static void
append_csv_field (GString    *out,
                  const char *str)
{
  g_autofree char *valid = g_utf8_make_valid (str != NULL ? str : "", -1);

  if (strpbrk (valid, ",\"\r\n") == NULL)
    {
      g_string_append (out, valid);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = valid; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Fields of one row, NULL-terminated, then CRLF as RFC 4180 asks. */
static void
append_csv_row (GString            *out,
                const char * const *fields)
{
  for (guint i = 0; fields[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_csv_field (out, fields[i]);
    }
  g_string_append (out, "\r\n");
}

static const char * const csv_columns[] = {
  "source", "relation", "target", "date", "article_title", "path", "start", "end",
  "quote", "negated", "hedged", "section", "article", "relation_key", "source_key",
  "target_key", NULL
};

GBytes *
dossier_export_write_csv (DossierSubgraph  *subgraph,
                          GCancellable     *cancellable,
                          GError          **error)
{
  DossierGraph *graph = subgraph->graph;
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(Keys) keys;

  keys_init (&keys);
  append_csv_row (out, csv_columns);

  for (guint r = 0; r < subgraph->relations->len; r++)
    {
      const DossierRelation *relation =
        dossier_graph_get_relation (graph, g_array_index (subgraph->relations, guint, r));
      g_autofree char *rkey = relation_key (&keys, graph, relation);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      for (guint e = 0; e < relation->evidence->len; e++)
        {
          const DossierEvidence *ev = &g_array_index (relation->evidence, DossierEvidence, e);
          const DossierArticle *article = evidence_article (graph, ev);
          g_auto(PassageText) text = { 0 };

          if (!dossier_subgraph_evidence_visible (subgraph, ev))
            continue;
          passage_text_init (&text, article, ev);

          {
            const char *row[] = {
              dossier_graph_get_entity (graph, relation->source)->name,
              dossier_relation_type_to_string (relation->type),
              dossier_graph_get_entity (graph, relation->target)->name,
              text.date,
              article->title != NULL ? article->title : "",
              article->path != NULL ? article->path : "",
              text.start, text.end, text.quote,
              dossier_evidence_is_negated (ev) ? "true" : "false",
              dossier_evidence_is_hedged (ev) ? "true" : "false",
              evidence_section (graph, ev),
              article->id,
              rkey,
              entity_key (&keys, graph, relation->source),
              entity_key (&keys, graph, relation->target),
              NULL
            };

            append_csv_row (out, row);
          }
        }
    }

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

/* ---- GEXF 1.3 ------------------------------------------------------------
 * Node and edge ids are the stable keys.  Dates use timeformat="date":
 * an actor lives from its first to its last dated mention, a relation has
 * one spell per dated passage.  Gephi reads viz:position with y up. */

static void
append_attvalue (GString    *out,
                 const char *key,
                 const char *value)
{
  g_string_append_printf (out, "          <attvalue for=\"%s\" value=\"", key);
  dossier_export_append_xml (out, value);
  g_string_append (out, "\"/>\n");
}

static void
append_attvalue_uint (GString    *out,
                      const char *key,
                      guint       value)
{
  g_string_append_printf (out, "          <attvalue for=\"%s\" value=\"%u\"/>\n", key, value);
}

void
dossier_export_visit_passages (DossierSubgraph       *subgraph,
                               const DossierRelation *relation,
                               void                 (*func) (const DossierEvidence *ev,
                                                             gpointer               user_data),
                               gpointer               user_data,
                               guint                 *negated,
                               guint                 *hedged)
{
  *negated = *hedged = 0;
  for (guint e = 0; e < relation->evidence->len; e++)
    {
      const DossierEvidence *ev = &g_array_index (relation->evidence, DossierEvidence, e);

      if (!dossier_subgraph_evidence_visible (subgraph, ev))
        continue;
      *negated += dossier_evidence_is_negated (ev);
      *hedged += dossier_evidence_is_hedged (ev);
      func (ev, user_data);
    }
}

void
dossier_export_node_rgb (DossierEntityType type,
                         int               rgb[3])
{
  const DossierNodeStyle *style = dossier_style_node (type, FALSE);

  rgb[0] = (int) (style->stroke.red * 255 + 0.5);
  rgb[1] = (int) (style->stroke.green * 255 + 0.5);
  rgb[2] = (int) (style->stroke.blue * 255 + 0.5);
}

static void
append_gexf_head (GString         *out,
                  DossierSubgraph *subgraph)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *caption = dossier_export_default_caption (subgraph);

  g_string_append_printf (out,
                          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\"\n"
                          "      xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                          "      xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\"\n"
                          "      version=\"1.3\">\n"
                          "  <meta lastmodifieddate=\"%s\">\n"
                          "    <creator>Dossier</creator>\n"
                          "    <description>", today);
  dossier_export_append_xml (out, caption);
  g_string_append (out,
                   "</description>\n"
                   "  </meta>\n"
                   "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\" timerepresentation=\"interval\">\n"
                   "    <attributes class=\"node\">\n"
                   "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
                   "      <attribute id=\"name\" title=\"name\" type=\"string\"/>\n"
                   "      <attribute id=\"aliases\" title=\"aliases\" type=\"string\"/>\n"
                   "      <attribute id=\"mentions\" title=\"mentions\" type=\"integer\"/>\n"
                   "      <attribute id=\"articles\" title=\"articles\" type=\"integer\"/>\n"
                   "      <attribute id=\"discovered\" title=\"discovered\" type=\"boolean\"/>\n"
                   "      <attribute id=\"community\" title=\"community\" type=\"integer\"/>\n"
                   "    </attributes>\n"
                   "    <attributes class=\"edge\">\n"
                   "      <attribute id=\"relation\" title=\"relation\" type=\"string\"/>\n"
                   "      <attribute id=\"evidence\" title=\"evidence\" type=\"integer\"/>\n"
                   "      <attribute id=\"negated\" title=\"negated passages\" type=\"integer\"/>\n"
                   "      <attribute id=\"hedged\" title=\"hedged passages\" type=\"integer\"/>\n"
                   "      <attribute id=\"articles\" title=\"articles\" type=\"integer\"/>\n"
                   "    </attributes>\n"
                   "    <nodes>\n");
}

static void
append_gexf_node (GString         *out,
                  Keys            *keys,
                  DossierSubgraph *subgraph,
                  DossierLayout   *layout,
                  guint            i,
                  const guint32   *spans,
                  const guint     *communities)
{
  DossierGraph *graph = subgraph->graph;
  guint id = g_array_index (subgraph->entities, guint, i);
  const DossierEntity *entity = dossier_graph_get_entity (graph, id);
  g_autofree char *aliases = dossier_export_join_aliases (entity);
  int n = layout != NULL ? dossier_layout_find_entity (layout, id) : -1;
  int rgb[3];

  g_string_append_printf (out, "      <node id=\"%s\" label=\"", entity_key (keys, graph, id));
  dossier_export_append_xml (out, entity->name);
  g_string_append_c (out, '"');
  if (spans[i] != 0)
    dossier_export_append_span (out, DOSSIER_SPAN_GEXF, spans[i], spans[subgraph->entities->len + i]);
  g_string_append (out, ">\n        <attvalues>\n");
  append_attvalue (out, "type", dossier_entity_type_to_string (entity->type));
  append_attvalue (out, "name", entity->name);
  append_attvalue (out, "aliases", aliases);
  append_attvalue_uint (out, "mentions", g_array_index (subgraph->entity_mentions, guint, i));
  append_attvalue_uint (out, "articles", dossier_subgraph_entity_articles (subgraph, i));
  append_attvalue (out, "discovered", entity->discovered ? "true" : "false");
  append_attvalue_uint (out, "community", communities[i]);
  dossier_export_node_rgb (entity->type, rgb);
  g_string_append_printf (out,
                          "        </attvalues>\n"
                          "        <viz:color r=\"%d\" g=\"%d\" b=\"%d\"/>\n",
                          rgb[0], rgb[1], rgb[2]);
  if (n >= 0)
    {
      const DossierLayoutNode *node = &g_array_index (layout->nodes, DossierLayoutNode, n);

      g_string_append_printf (out,
                              "        <viz:position x=\"%.2f\" y=\"%.2f\" z=\"0.0\"/>\n"
                              "        <viz:size value=\"%.2f\"/>\n",
                              node->x, layout->height - node->y, node->height / 2);
    }
  g_string_append (out, "      </node>\n");
}

typedef struct
{
  GString    *spells;
  GHashTable *articles;
} GexfPassages;

/* One spell per dated passage; the articles they come from. */
static void
add_gexf_passage (const DossierEvidence *ev,
                  gpointer               user_data)
{
  GexfPassages *p = user_data;
  guint32 first, last;

  g_hash_table_add (p->articles, GUINT_TO_POINTER (ev->article));
  if (dossier_date_get_span (&ev->date, &first, &last))
    {
      g_string_append (p->spells, "          <spell");
      dossier_export_append_span (p->spells, DOSSIER_SPAN_GEXF, first, last);
      g_string_append (p->spells, "/>\n");
    }
}

static void
append_gexf_edge (GString         *out,
                  Keys            *keys,
                  DossierSubgraph *subgraph,
                  guint            r)
{
  DossierGraph *graph = subgraph->graph;
  const DossierRelation *relation =
    dossier_graph_get_relation (graph, g_array_index (subgraph->relations, guint, r));
  g_autofree char *rkey = relation_key (keys, graph, relation);
  g_autoptr(GString) spells = g_string_new (NULL);
  g_autoptr(GHashTable) articles = g_hash_table_new (NULL, NULL);
  GexfPassages passages = { spells, articles };
  guint evidence = g_array_index (subgraph->relation_evidence, guint, r);
  guint negated, hedged;
  guint32 first, last;

  dossier_export_visit_passages (subgraph, relation, add_gexf_passage, &passages, &negated, &hedged);
  g_string_append_printf (out, "      <edge id=\"%s\" source=\"%s\" target=\"%s\" label=\"",
                          rkey, entity_key (keys, graph, relation->source),
                          entity_key (keys, graph, relation->target));
  dossier_export_append_xml (out, dossier_style_relation_label (relation->type));
  g_string_append_printf (out, "\" weight=\"%u\"%s", MAX (evidence, 1),
                          dossier_relation_type_is_symmetric (relation->type) ? " type=\"undirected\"" : "");
  if (dossier_export_relation_span (subgraph, r, &first, &last))
    dossier_export_append_span (out, DOSSIER_SPAN_GEXF, first, last);
  g_string_append (out, ">\n        <attvalues>\n");
  append_attvalue (out, "relation", dossier_relation_type_to_string (relation->type));
  append_attvalue_uint (out, "evidence", evidence);
  append_attvalue_uint (out, "negated", negated);
  append_attvalue_uint (out, "hedged", hedged);
  append_attvalue_uint (out, "articles", g_hash_table_size (articles));
  g_string_append (out, "        </attvalues>\n");
  if (spells->len > 0)
    g_string_append_printf (out, "        <spells>\n%s        </spells>\n", spells->str);
  g_string_append (out, "      </edge>\n");
}

GBytes *
dossier_export_write_gexf (DossierSubgraph  *subgraph,
                           DossierLayout    *layout,
                           GCancellable     *cancellable,
                           GError          **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree guint32 *spans = dossier_export_entity_spans (subgraph);
  g_autofree guint *communities = dossier_export_communities (subgraph);
  g_auto(Keys) keys;

  keys_init (&keys);
  append_gexf_head (out, subgraph);
  for (guint i = 0; i < subgraph->entities->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      append_gexf_node (out, &keys, subgraph, layout, i, spans, communities);
    }
  g_string_append (out, "    </nodes>\n    <edges>\n");
  for (guint r = 0; r < subgraph->relations->len; r++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      append_gexf_edge (out, &keys, subgraph, r);
    }
  g_string_append (out, "    </edges>\n  </graph>\n</gexf>\n");

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

/* ---- Neo4j ---------------------------------------------------------------
 * The header layout of `neo4j-admin database import`: nodes carry
 * key:ID(<space>) and :LABEL, relationships :START_ID, :END_ID and :TYPE.
 * Passages are nodes (a relationship cannot point at a relationship)
 * linked to their article by quoted_in.csv and to their relation by its
 * key.  Quotes hold newlines: import with --multiline-fields=true. */

typedef struct
{
  const char *name;
  GString    *data;
} Neo4jFile;

static char *
neo4j_type (DossierRelationType type)
{
  return g_ascii_strup (dossier_relation_type_to_string (type), -1);
}

static const char *
neo4j_label (DossierEntityType type)
{
  switch (type)
    {
    case DOSSIER_ENTITY_COMPANY:    return "Actor;Company";
    case DOSSIER_ENTITY_MEDIA:      return "Actor;Media";
    case DOSSIER_ENTITY_PERSON:     return "Actor;Person";
    case DOSSIER_ENTITY_GOVERNMENT: return "Actor;Government";
    case DOSSIER_N_ENTITY_TYPES:
    default:                        return "Actor";
    }
}

static void
neo4j_actors (DossierSubgraph *subgraph,
              Keys            *keys,
              GString         *out)
{
  static const char * const header[] = {
    "key:ID(Actor)", "name", "type", "aliases", "mentions:int", "articles:int",
    "discovered:boolean", "first_mention", "last_mention", "community:int", ":LABEL", NULL
  };
  DossierGraph *graph = subgraph->graph;
  g_autofree guint32 *spans = dossier_export_entity_spans (subgraph);
  g_autofree guint *communities = dossier_export_communities (subgraph);
  guint n = subgraph->entities->len;

  append_csv_row (out, header);
  for (guint i = 0; i < n; i++)
    {
      guint id = g_array_index (subgraph->entities, guint, i);
      const DossierEntity *entity = dossier_graph_get_entity (graph, id);
      g_autofree char *aliases = dossier_export_join_aliases (entity);
      g_autofree char *mentions = g_strdup_printf ("%u", g_array_index (subgraph->entity_mentions, guint, i));
      g_autofree char *articles = g_strdup_printf ("%u", dossier_subgraph_entity_articles (subgraph, i));
      g_autofree char *first_iso = dossier_export_julian_to_iso (spans[i]);
      g_autofree char *last_iso = dossier_export_julian_to_iso (spans[n + i]);
      g_autofree char *community = g_strdup_printf ("%u", communities[i]);

      {
        const char *row[] = {
          entity_key (keys, graph, id), entity->name,
          dossier_entity_type_to_string (entity->type), aliases, mentions, articles,
          entity->discovered ? "true" : "false",
          first_iso != NULL ? first_iso : "", last_iso != NULL ? last_iso : "",
          community, neo4j_label (entity->type), NULL
        };
        append_csv_row (out, row);
      }
    }
}

static void
neo4j_relations (DossierSubgraph *subgraph,
                 Keys            *keys,
                 GString         *out)
{
  static const char * const header[] = {
    ":START_ID(Actor)", ":END_ID(Actor)", ":TYPE", "key", "relation", "label",
    "evidence:int", "symmetric:boolean", "first_date", "last_date", NULL
  };
  DossierGraph *graph = subgraph->graph;

  append_csv_row (out, header);
  for (guint r = 0; r < subgraph->relations->len; r++)
    {
      const DossierRelation *relation =
        dossier_graph_get_relation (graph, g_array_index (subgraph->relations, guint, r));
      g_autofree char *rkey = relation_key (keys, graph, relation);
      g_autofree char *type = neo4j_type (relation->type);
      g_autofree char *evidence = g_strdup_printf ("%u", g_array_index (subgraph->relation_evidence, guint, r));
      g_autofree char *first_iso = NULL;
      g_autofree char *last_iso = NULL;
      guint32 first, last;

      if (dossier_export_relation_span (subgraph, r, &first, &last))
        {
          first_iso = dossier_export_julian_to_iso (first);
          last_iso = dossier_export_julian_to_iso (last);
        }

      {
        const char *row[] = {
          entity_key (keys, graph, relation->source), entity_key (keys, graph, relation->target),
          type, rkey, dossier_relation_type_to_string (relation->type),
          dossier_style_relation_label (relation->type), evidence,
          dossier_relation_type_is_symmetric (relation->type) ? "true" : "false",
          first_iso != NULL ? first_iso : "", last_iso != NULL ? last_iso : "", NULL
        };
        append_csv_row (out, row);
      }
    }
}

/* Passages, the links to their articles, and those articles. */
static void
neo4j_evidence (DossierSubgraph *subgraph,
                Keys            *keys,
                GString         *passages,
                GString         *links,
                GString         *articles)
{
  static const char * const passage_header[] = {
    "key:ID(Passage)", "relation_key", "source_key", "target_key", "article_key",
    "quote", "date", "start:long", "end:long", "negated:boolean", "hedged:boolean",
    "section", ":LABEL", NULL
  };
  static const char * const link_header[] = {
    ":START_ID(Passage)", ":END_ID(Article)", ":TYPE", NULL
  };
  static const char * const article_header[] = {
    "key:ID(Article)", "id", "title", "path", "date", "date_source", ":LABEL", NULL
  };
  DossierGraph *graph = subgraph->graph;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) passages_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  append_csv_row (passages, passage_header);
  append_csv_row (links, link_header);
  append_csv_row (articles, article_header);

  for (guint r = 0; r < subgraph->relations->len; r++)
    {
      const DossierRelation *relation =
        dossier_graph_get_relation (graph, g_array_index (subgraph->relations, guint, r));
      g_autofree char *rkey = relation_key (keys, graph, relation);

      for (guint e = 0; e < relation->evidence->len; e++)
        {
          const DossierEvidence *ev = &g_array_index (relation->evidence, DossierEvidence, e);
          const DossierArticle *article = evidence_article (graph, ev);
          g_autofree char *akey = NULL;
          g_autofree char *pkey = NULL;
          g_auto(PassageText) text = { 0 };

          if (!dossier_subgraph_evidence_visible (subgraph, ev))
            continue;

          akey = dossier_key_for_article (article);
          pkey = dossier_key_join_evidence (rkey, akey, ev->start, ev->end);
          /* Two identical passages would be one node twice: neo4j-admin
           * refuses duplicate ids. */
          if (!g_hash_table_add (passages_seen, g_strdup (pkey)))
            continue;
          passage_text_init (&text, article, ev);

          {
            const char *row[] = {
              pkey, rkey, entity_key (keys, graph, relation->source),
              entity_key (keys, graph, relation->target), akey, text.quote,
              text.date, text.start, text.end,
              dossier_evidence_is_negated (ev) ? "true" : "false",
              dossier_evidence_is_hedged (ev) ? "true" : "false",
              evidence_section (graph, ev), "Passage", NULL
            };
            const char *link[] = { pkey, akey, "QUOTED_IN", NULL };

            append_csv_row (passages, row);
            append_csv_row (links, link);
          }

          if (!g_hash_table_contains (seen, GUINT_TO_POINTER (ev->article)))
            {
              g_autofree char *adate = dossier_date_to_string (&article->date);
              const char *row[] = {
                akey, article->id, article->title != NULL ? article->title : "",
                article->path != NULL ? article->path : "", adate != NULL ? adate : "",
                article->date_source != NULL ? article->date_source : "", "Article", NULL
              };

              g_hash_table_add (seen, GUINT_TO_POINTER (ev->article));
              append_csv_row (articles, row);
            }
        }
    }
}

/* For LOAD CSV users (Neo4j Browser, cypher-shell): the same graph, merged
 * on the keys so that a later export of a larger corpus adds to it. */
static void
neo4j_cypher (GString *out)
{
  g_string_append (out,
                   "// Written by Dossier.  Copy the CSV files into Neo4j's import folder, then run\n"
                   "// this file with cypher-shell (or paste it into Neo4j Browser).  Everything is\n"
                   "// MERGEd on the stable keys, so loading a later export adds to the graph.\n"
                   "// neo4j-admin users: neo4j-admin database import full --multiline-fields=true\n"
                   "//   --nodes=actors.csv --nodes=articles.csv --nodes=evidence.csv\n"
                   "//   --relationships=relations.csv --relationships=quoted_in.csv\n\n"
                   "CREATE CONSTRAINT actor_key IF NOT EXISTS FOR (a:Actor) REQUIRE a.key IS UNIQUE;\n"
                   "CREATE CONSTRAINT article_key IF NOT EXISTS FOR (a:Article) REQUIRE a.key IS UNIQUE;\n"
                   "CREATE CONSTRAINT passage_key IF NOT EXISTS FOR (p:Passage) REQUIRE p.key IS UNIQUE;\n\n"
                   "LOAD CSV WITH HEADERS FROM 'file:///actors.csv' AS row\n"
                   "MERGE (a:Actor {key: row.`key:ID(Actor)`})\n"
                   "SET a.name = row.name, a.type = row.type, a.aliases = row.aliases,\n"
                   "    a.mentions = toInteger(row.`mentions:int`), a.articles = toInteger(row.`articles:int`),\n"
                   "    a.discovered = row.`discovered:boolean` = 'true',\n"
                   "    a.first_mention = row.first_mention, a.last_mention = row.last_mention,\n"
                   "    a.community = toInteger(row.`community:int`)\n");
  for (guint t = 0; t < DOSSIER_N_ENTITY_TYPES; t++)
    g_string_append_printf (out, "FOREACH (_ IN CASE WHEN row.type = '%s' THEN [1] ELSE [] END | SET a:%s)\n",
                            dossier_entity_type_to_string (t), neo4j_label (t) + strlen ("Actor;"));
  g_string_append (out,
                   ";\n\n"
                   "LOAD CSV WITH HEADERS FROM 'file:///articles.csv' AS row\n"
                   "MERGE (a:Article {key: row.`key:ID(Article)`})\n"
                   "SET a.id = row.id, a.title = row.title, a.path = row.path, a.date = row.date,\n"
                   "    a.date_source = row.date_source;\n\n"
                   "LOAD CSV WITH HEADERS FROM 'file:///evidence.csv' AS row\n"
                   "MERGE (p:Passage {key: row.`key:ID(Passage)`})\n"
                   "SET p.relation_key = row.relation_key, p.source_key = row.source_key,\n"
                   "    p.target_key = row.target_key, p.article_key = row.article_key,\n"
                   "    p.quote = row.quote, p.date = row.date,\n"
                   "    p.start = toInteger(row.`start:long`), p.end = toInteger(row.`end:long`),\n"
                   "    p.negated = row.`negated:boolean` = 'true', p.hedged = row.`hedged:boolean` = 'true',\n"
                   "    p.section = row.section;\n\n"
                   "LOAD CSV WITH HEADERS FROM 'file:///quoted_in.csv' AS row\n"
                   "MATCH (p:Passage {key: row.`:START_ID(Passage)`}), (a:Article {key: row.`:END_ID(Article)`})\n"
                   "MERGE (p)-[:QUOTED_IN]->(a);\n\n"
                   "LOAD CSV WITH HEADERS FROM 'file:///relations.csv' AS row\n"
                   "MATCH (s:Actor {key: row.`:START_ID(Actor)`}), (t:Actor {key: row.`:END_ID(Actor)`})\n");
  /* Cypher has no relationship type from a value: one branch per type. */
  for (guint t = 0; t < DOSSIER_N_RELATION_TYPES; t++)
    {
      g_autofree char *type = neo4j_type (t);

      g_string_append_printf (out,
                              "FOREACH (_ IN CASE WHEN row.`:TYPE` = '%s' THEN [1] ELSE [] END |\n"
                              "  MERGE (s)-[r:%s {key: row.key}]->(t)\n"
                              "  SET r.relation = row.relation, r.label = row.label,\n"
                              "      r.evidence = toInteger(row.`evidence:int`),\n"
                              "      r.symmetric = row.`symmetric:boolean` = 'true',\n"
                              "      r.first_date = row.first_date, r.last_date = row.last_date)\n",
                              type, type);
    }
  g_string_append (out, ";\n");
}

gboolean
dossier_export_write_neo4j (DossierSubgraph  *subgraph,
                            const char       *dir,
                            GCancellable     *cancellable,
                            GError          **error)
{
  Neo4jFile files[] = {
    { "actors.csv", NULL },
    { "relations.csv", NULL },
    { "articles.csv", NULL },
    { "evidence.csv", NULL },
    { "quoted_in.csv", NULL },
    { "load.cypher", NULL },
  };
  g_auto(Keys) keys;
  gboolean ok = TRUE;

  keys_init (&keys);

  if (g_file_test (dir, G_FILE_TEST_EXISTS) && !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *display = g_filename_display_name (dir);

      g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_FORMAT,
                   _("Could not write “%s”: the Neo4j export needs a folder"), display);
      return FALSE;
    }
  if (g_mkdir_with_parents (dir, 0777) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (dir);

      g_set_error (error, DOSSIER_EXPORT_ERROR,
                   saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS
                   ? DOSSIER_EXPORT_ERROR_PERMISSION : DOSSIER_EXPORT_ERROR_FAILED,
                   _("Could not make the folder “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    files[i].data = g_string_new (NULL);

  neo4j_actors (subgraph, &keys, files[0].data);
  neo4j_relations (subgraph, &keys, files[1].data);
  neo4j_evidence (subgraph, &keys, files[3].data, files[4].data, files[2].data);
  neo4j_cypher (files[5].data);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i].name, NULL);
      g_autoptr(GBytes) bytes = g_string_free_to_bytes (g_steal_pointer (&files[i].data));

      if (ok && !dossier_export_write_atomically (path, bytes, cancellable, error))
        ok = FALSE;
    }

  return ok;
}

/* ---- The default caption ------------------------------------------------ */

static char *
corpus_name (DossierCorpus *corpus)
{
  g_autofree char *trimmed = NULL;

  if (corpus == NULL || corpus->roots == NULL || corpus->roots[0] == NULL || corpus->roots[1] != NULL)
    return NULL;

  trimmed = g_strdup (corpus->roots[0]);
  while (strlen (trimmed) > 1 && trimmed[strlen (trimmed) - 1] == G_DIR_SEPARATOR)
    trimmed[strlen (trimmed) - 1] = '\0';
  return g_path_get_basename (trimmed);
}

static char *
join_names (char * const *names)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = g_strv_length ((char **) names);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        /* TRANSLATORS: between actor names in a caption: "Oracle, TikTok" */
        g_string_append (out, i + 1 == n ? _(" and ") : _(", "));
      g_string_append (out, names[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
dossier_export_default_caption (DossierSubgraph *subgraph)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) articles = g_hash_table_new (NULL, NULL);
  const DossierFilter *filter;
  DossierDate first = { 0 }, last = { 0 };
  guint32 first_day = 0, last_day = 0;
  char *name;

  g_return_val_if_fail (subgraph != NULL, NULL);
  filter = subgraph->filter;

  if ((name = corpus_name (subgraph->graph->corpus)) != NULL)
    g_ptr_array_add (parts, name);

  for (guint r = 0; r < subgraph->relations->len; r++)
    {
      const DossierRelation *relation =
        dossier_graph_get_relation (subgraph->graph, g_array_index (subgraph->relations, guint, r));

      for (guint e = 0; e < relation->evidence->len; e++)
        {
          const DossierEvidence *ev = &g_array_index (relation->evidence, DossierEvidence, e);
          guint32 f, l;

          if (!dossier_subgraph_evidence_visible (subgraph, ev))
            continue;
          g_hash_table_add (articles, GUINT_TO_POINTER (ev->article));
          if (!dossier_date_get_span (&ev->date, &f, &l))
            continue;
          if (first_day == 0 || f < first_day)
            first_day = f, first = ev->date;
          if (l > last_day)
            last_day = l, last = ev->date;
        }
    }

  {
    guint n = g_hash_table_size (articles);

    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", n), n));
  }

  /* The filter's range says what was asked for; else the passages'. */
  if (filter != NULL && (dossier_date_is_known (&filter->from) || dossier_date_is_known (&filter->to)))
    {
      if (dossier_date_is_known (&filter->from))
        first = filter->from;
      if (dossier_date_is_known (&filter->to))
        last = filter->to;
    }
  if (dossier_date_is_known (&first) && dossier_date_is_known (&last))
    {
      g_autofree char *from = dossier_date_to_string (&first);
      g_autofree char *to = dossier_date_to_string (&last);

      g_ptr_array_add (parts, g_str_equal (from, to) ? g_strdup (from)
                                                     /* TRANSLATORS: a date range */
                                                     : g_strdup_printf (_("%s – %s"), from, to));
    }
  else if (dossier_date_is_known (&first))
    {
      g_autofree char *from = dossier_date_to_string (&first);
      /* TRANSLATORS: a date range open at its end */
      g_ptr_array_add (parts, g_strdup_printf (_("from %s"), from));
    }
  else if (dossier_date_is_known (&last))
    {
      g_autofree char *to = dossier_date_to_string (&last);
      /* TRANSLATORS: a date range open at its start */
      g_ptr_array_add (parts, g_strdup_printf (_("until %s"), to));
    }

  if (filter != NULL && filter->path != NULL && g_strv_length (filter->path) == 2)
    /* TRANSLATORS: a filter in a caption */
    g_ptr_array_add (parts, g_strdup_printf (_("paths between %s and %s"), filter->path[0], filter->path[1]));
  else if (filter != NULL && filter->actors != NULL && filter->actors[0] != NULL)
    {
      g_autofree char *names = join_names (filter->actors);
      /* TRANSLATORS: a filter in a caption: "around Oracle (depth 2)" */
      g_ptr_array_add (parts, g_strdup_printf (_("around %s (depth %u)"), names, filter->depth));
    }
  if (filter != NULL && filter->min_evidence > 1)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "at least %u passage per link",
                                                          "at least %u passages per link",
                                                          filter->min_evidence),
                                             filter->min_evidence));
  if (filter != NULL && filter->no_comments)
    g_ptr_array_add (parts, g_strdup (_("without reader comments")));

  g_ptr_array_add (parts, NULL);
  /* TRANSLATORS: between the parts of a caption */
  return g_strjoinv (_(", "), (char **) parts->pdata);
}

/* ---- HTML report ---------------------------------------------------------
 * One file, no scripts, no external resources: the picture as inline SVG,
 * a table of actors, then every relation with its quoted passages, dates
 * and article titles.  Every piece of text goes through the XML escape. */

static const char html_style[] =
  "body{font-family:'DejaVu Sans',Verdana,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;"
  "color:#1a1a1a;background:#fff;line-height:1.45}"
  "figure{margin:1rem 0}figure svg{max-width:100%;height:auto}"
  "figcaption,.meta{color:#555;font-size:.9rem}"
  "table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #ddd}"
  "td.n{text-align:right}"
  "blockquote{margin:.25rem 0 .1rem 0;padding-left:.75rem;border-left:3px solid #0072b2;white-space:pre-wrap}"
  ".flag{font-size:.8rem;padding:0 .3rem;border:1px solid #a65b00;color:#a65b00;border-radius:3px}"
  "code{font-size:.8rem;color:#555}"
  "@media (prefers-color-scheme:dark){body{color:#f2f2f2;background:#1e1e1e}"
  "figcaption,.meta,code{color:#aaa}th,td{border-color:#444}}";

static void
append_html (GString    *out,
             const char *str)
{
  dossier_export_append_xml (out, str);
}

static void
html_actors (GString         *out,
             DossierSubgraph *subgraph,
             Keys            *keys)
{
  static const char * const columns[] = {
    N_("Name"), N_("Type"), N_("Mentions"), N_("Articles"), N_("Key")
  };
  DossierGraph *graph = subgraph->graph;

  g_string_append (out, "<h2>");
  append_html (out, _("Actors"));
  g_string_append (out, "</h2>\n<table class=\"actors\">\n<thead><tr>");
  for (guint k = 0; k < G_N_ELEMENTS (columns); k++)
    {
      g_string_append (out, "<th>");
      append_html (out, _(columns[k]));
      g_string_append (out, "</th>");
    }
  g_string_append (out, "</tr></thead>\n<tbody>\n");

  for (guint i = 0; i < subgraph->entities->len; i++)
    {
      guint id = g_array_index (subgraph->entities, guint, i);
      const DossierEntity *entity = dossier_graph_get_entity (graph, id);

      g_string_append_printf (out, "<tr id=\"%s\"><td class=\"name\">", entity_key (keys, graph, id));
      append_html (out, entity->name);
      g_string_append (out, "</td><td>");
      append_html (out, dossier_style_entity_label (entity->type));
      g_string_append_printf (out, "</td><td class=\"n\">%u</td><td class=\"n\">%u</td><td><code>%s</code></td></tr>\n",
                              g_array_index (subgraph->entity_mentions, guint, i),
                              dossier_subgraph_entity_articles (subgraph, i),
                              entity_key (keys, graph, id));
    }
  g_string_append (out, "</tbody>\n</table>\n");
}

static void
html_passage (GString               *out,
              DossierGraph          *graph,
              const DossierEvidence *ev)
{
  const DossierArticle *article = evidence_article (graph, ev);
  g_autofree char *quote = range_text (article, ev->start, ev->end);
  g_autofree char *date = dossier_date_to_string (&ev->date);

  g_string_append (out, "<li class=\"passage\"><blockquote>");
  append_html (out, quote);
  g_string_append (out, "</blockquote>\n<p class=\"meta\">");
  if (date != NULL)
    g_string_append_printf (out, "<time datetime=\"%s\">%s</time> — ", date, date);
  g_string_append (out, "<cite>");
  append_html (out, article->title != NULL ? article->title : article->id);
  g_string_append (out, "</cite> (");
  append_html (out, article->path != NULL ? article->path : article->id);
  g_string_append_printf (out, ", %s %" G_GSIZE_FORMAT "–%" G_GSIZE_FORMAT ")",
                          /* TRANSLATORS: a byte range in an article, "bytes 120–240" */
                          _("bytes"), ev->start, ev->end);
  if (dossier_evidence_is_negated (ev))
    {
      g_string_append (out, " <span class=\"flag negated\">");
      append_html (out, _("negated"));
      g_string_append (out, "</span>");
    }
  if (dossier_evidence_is_hedged (ev))
    {
      g_string_append (out, " <span class=\"flag hedged\">");
      append_html (out, _("hedged"));
      g_string_append (out, "</span>");
    }
  if (dossier_evidence_in_comments (ev))
    {
      g_string_append (out, " <span class=\"flag comments\">");
      append_html (out, _("reader comment"));
      g_string_append (out, "</span>");
    }
  g_string_append (out, "</p></li>\n");
}

static gboolean
html_relations (GString          *out,
                DossierSubgraph  *subgraph,
                Keys             *keys,
                GCancellable     *cancellable,
                GError          **error)
{
  DossierGraph *graph = subgraph->graph;

  g_string_append (out, "<h2>");
  append_html (out, _("Relations"));
  g_string_append (out, "</h2>\n");

  for (guint r = 0; r < subgraph->relations->len; r++)
    {
      const DossierRelation *relation =
        dossier_graph_get_relation (graph, g_array_index (subgraph->relations, guint, r));
      g_autofree char *rkey = relation_key (keys, graph, relation);
      guint n = g_array_index (subgraph->relation_evidence, guint, r);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      g_string_append_printf (out, "<section class=\"relation\" id=\"%s\" data-type=\"%s\">\n<h3><span class=\"source\">",
                              rkey, dossier_relation_type_to_string (relation->type));
      append_html (out, dossier_graph_get_entity (graph, relation->source)->name);
      g_string_append (out, "</span> <span class=\"type\">");
      append_html (out, dossier_style_relation_label (relation->type));
      g_string_append (out, "</span> <span class=\"target\">");
      append_html (out, dossier_graph_get_entity (graph, relation->target)->name);
      g_string_append (out, "</span></h3>\n<p class=\"meta\">");
      {
        g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u passage", "%u passages", n), n);
        append_html (out, count);
      }
      g_string_append (out, "</p>\n<ol>\n");

      for (guint e = 0; e < relation->evidence->len; e++)
        {
          const DossierEvidence *ev = &g_array_index (relation->evidence, DossierEvidence, e);

          if (dossier_subgraph_evidence_visible (subgraph, ev))
            html_passage (out, graph, ev);
        }
      g_string_append (out, "</ol>\n</section>\n");
    }

  return TRUE;
}

GBytes *
dossier_export_write_html (DossierSubgraph            *subgraph,
                           DossierLayout              *layout,
                           const DossierExportOptions *options,
                           GCancellable               *cancellable,
                           GError                    **error)
{
  g_autoptr(DossierSubgraph) visible = dossier_export_visible_subgraph (subgraph, layout, options);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GBytes) svg = NULL;
  g_autofree char *caption = NULL;
  DossierExportOptions picture = *options;
  const char *title = options->title != NULL ? options->title : _("Dossier report");
  const char *svg_data;
  gsize svg_len;
  g_auto(Keys) keys;

  keys_init (&keys);

  /* The picture carries no heading of its own: the page has it. */
  picture.format = DOSSIER_EXPORT_SVG;
  picture.title = NULL;
  picture.caption = NULL;
  picture.progress = NULL;
  if (!(svg = dossier_export_to_bytes (subgraph, layout, &picture, cancellable, error)))
    return NULL;
  svg_data = g_bytes_get_data (svg, &svg_len);
  /* An XML declaration is not allowed inside HTML. */
  if (g_str_has_prefix (svg_data, "<?xml"))
    {
      const char *end = memchr (svg_data, '\n', svg_len);

      if (end != NULL)
        {
          svg_len -= end + 1 - svg_data;
          svg_data = end + 1;
        }
    }

  caption = options->caption != NULL ? g_strdup (options->caption) : dossier_export_default_caption (visible);

  g_string_append (out, "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
                        "<meta name=\"generator\" content=\"Dossier\">\n<title>");
  append_html (out, title);
  g_string_append_printf (out, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>", html_style);
  append_html (out, title);
  g_string_append (out, "</h1>\n<figure>\n");
  g_string_append_len (out, svg_data, svg_len);
  g_string_append (out, "<figcaption>");
  append_html (out, caption);
  g_string_append (out, "</figcaption>\n</figure>\n");

  html_actors (out, visible, &keys);
  if (!html_relations (out, visible, &keys, cancellable, error))
    return NULL;

  g_string_append (out, "</body>\n</html>\n");

  return g_string_free_to_bytes (g_steal_pointer (&out));
}
