/* test-gold.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The extraction scorer: runs the real pipeline on the seeds and compares
 * it with the hand-made gold file (tests/gold/SCHEMA.md says how).  It
 * prints precision, recall and F1 for entities and relations, each
 * article's misses and false positives, and fails below fixed floors so
 * that no change can make extraction silently worse. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "dossier-corpus.h"
#include "dossier-extractor.h"
#include "dossier-fold.h"
#include "test-util.h"

/* Raised as extraction improves; just under the figures reached. */
#define ENTITY_F1_FLOOR   0.98
#define RELATION_F1_FLOOR 0.88

typedef struct
{
  const char        *name;
  DossierEntityType  type;
  gboolean           optional;
  GPtrArray         *keys;   /* folded name and aliases */
} GoldEntity;

typedef struct
{
  guint tp;
  guint fp;
  guint fn;
} Counts;

static void
gold_entity_clear (GoldEntity *g)
{
  g_clear_pointer (&g->keys, g_ptr_array_unref);
}

/* Folding as the schema says: case, accents and a leading elided article
 * ("d'Oracle" is Oracle) do not count. */
static char *
score_fold (const char *str)
{
  g_autofree char *folded = dossier_fold_string (str);
  const char *p = folded;
  const char *apos = strchr (p, '\'');

  if (apos != NULL && apos - p <= 6 && apos[1] != '\0')
    {
      g_autofree char *head = g_strndup (p, apos - p);
      const char *elided[] = { "l", "d", "qu", "jusqu", "lorsqu", "puisqu", NULL };

      if (g_strv_contains (elided, head))
        return g_strdup (apos + 1);
    }

  return g_steal_pointer (&folded);
}

static gboolean
keys_intersect (GPtrArray *a,
                GPtrArray *b)
{
  for (guint i = 0; i < a->len; i++)
    for (guint j = 0; j < b->len; j++)
      if (g_str_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, j)))
        return TRUE;
  return FALSE;
}

static GPtrArray *
entity_keys (const DossierEntity *entity)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (keys, score_fold (entity->name));
  for (guint i = 0; i < entity->aliases->len; i++)
    g_ptr_array_add (keys, score_fold (g_ptr_array_index (entity->aliases, i)));

  return keys;
}

static double
f1 (double p,
    double r)
{
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

static void
report (const char   *what,
        const Counts *c,
        double       *out_f1)
{
  double p = c->tp + c->fp > 0 ? (double) c->tp / (c->tp + c->fp) : 0;
  double r = c->tp + c->fn > 0 ? (double) c->tp / (c->tp + c->fn) : 0;

  *out_f1 = f1 (p, r);
  g_test_message ("%s: tp %u fp %u fn %u  P %.3f R %.3f F1 %.3f",
                  what, c->tp, c->fp, c->fn, p, r, *out_f1);
}

static gboolean
entity_in_article (const DossierEntity *entity,
                   guint                article)
{
  for (guint i = 0; i < entity->mentions->len; i++)
    if (g_array_index (entity->mentions, DossierMention, i).article == article)
      return TRUE;
  return FALSE;
}

/* One article being scored: the gold entities and, for each predicted
 * entity, the index of the gold one it stands for (-1: none). */
typedef struct
{
  DossierGraph         *graph;
  guint                 article;
  const DossierArticle *a;
  GArray               *golds;     /* GoldEntity */
  int                  *to_gold;
} Scoring;

static GArray *
read_gold_entities (JsonArray *gold_entities)
{
  GArray *golds = g_array_new (FALSE, TRUE, sizeof (GoldEntity));

  g_array_set_clear_func (golds, (GDestroyNotify) gold_entity_clear);

  for (guint i = 0; i < json_array_get_length (gold_entities); i++)
    {
      JsonObject *o = json_array_get_object_element (gold_entities, i);
      JsonArray *aliases = json_object_get_array_member (o, "aliases");
      GoldEntity g = { 0 };

      g.name = json_object_get_string_member (o, "name");
      g_assert_true (dossier_entity_type_from_string (json_object_get_string_member (o, "type"),
                                                      &g.type));
      g.optional = json_object_has_member (o, "optional") &&
                   json_object_get_boolean_member (o, "optional");
      g.keys = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (g.keys, score_fold (g.name));
      for (guint j = 0; aliases != NULL && j < json_array_get_length (aliases); j++)
        g_ptr_array_add (g.keys, score_fold (json_array_get_string_element (aliases, j)));
      g_array_append_val (golds, g);
    }

  return golds;
}

static GoldEntity *
gold_at (const Scoring *sc,
         int            g)
{
  return &g_array_index (sc->golds, GoldEntity, g);
}

/* The predicted entity @e, present in the article, against the gold. */
static void
score_entity (Scoring   *sc,
              guint      e,
              GPtrArray *not_keys,
              gboolean  *found,
              Counts    *ents)
{
  const DossierEntity *entity = dossier_graph_get_entity (sc->graph, e);
  g_autoptr(GPtrArray) keys = entity_keys (entity);
  GoldEntity *g;
  int match = -1;

  for (guint i = 0; i < sc->golds->len && match < 0; i++)
    {
      if (keys_intersect (keys, gold_at (sc, i)->keys))
        match = i;
    }

  if (match < 0)
    {
      gboolean banned = keys_intersect (keys, not_keys);

      ents->fp++;
      g_test_message ("  %s: false entity %s “%s”%s", sc->a->id,
                      dossier_entity_type_to_string (entity->type), entity->name,
                      banned ? " (a not_entity)" : "");
      return;
    }

  g = gold_at (sc, match);
  sc->to_gold[e] = match;
  if (g->optional)
    return;
  if (g->type != entity->type || found[match])
    {
      ents->fp++;
      g_test_message ("  %s: entity “%s” %s (gold: %s%s)", sc->a->id, entity->name,
                      dossier_entity_type_to_string (entity->type),
                      dossier_entity_type_to_string (g->type),
                      found[match] ? ", already matched: not merged" : "");
      if (g->type != entity->type)
        sc->to_gold[e] = -1;
      return;
    }
  found[match] = TRUE;
  ents->tp++;
}

/* Entities: each predicted one present in the article against the gold,
 * then the gold ones no prediction found. */
static void
score_entities (Scoring   *sc,
                GPtrArray *not_keys,
                Counts    *ents)
{
  g_autofree gboolean *found = g_new0 (gboolean, sc->golds->len);

  for (guint e = 0; e < sc->graph->entities->len; e++)
    {
      sc->to_gold[e] = -1;
      if (entity_in_article (dossier_graph_get_entity (sc->graph, e), sc->article))
        score_entity (sc, e, not_keys, found, ents);
    }

  for (guint g = 0; g < sc->golds->len; g++)
    {
      const GoldEntity *ge = gold_at (sc, g);

      if (!ge->optional && !found[g])
        {
          ents->fn++;
          g_test_message ("  %s: missed entity %s “%s”", sc->a->id,
                          dossier_entity_type_to_string (ge->type), ge->name);
        }
    }
}

/* A triple's key; a symmetric relation is keyed in one direction. */
static char *
triple_key (int                 s,
            DossierRelationType type,
            int                 t)
{
  if (dossier_relation_type_is_symmetric (type) && t < s)
    return g_strdup_printf ("%d:%d:%d", t, type, s);
  return g_strdup_printf ("%d:%d:%d", s, type, t);
}

/* Relations on (source, type, target) in gold entity indices. */
static GHashTable *
read_gold_triples (const Scoring *sc,
                   JsonArray     *gold_relations)
{
  GHashTable *triples = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < json_array_get_length (gold_relations); i++)
    {
      JsonObject *o = json_array_get_object_element (gold_relations, i);
      const char *src = json_object_get_string_member (o, "source");
      const char *dst = json_object_get_string_member (o, "target");
      DossierRelationType type;
      int s = -1, t = -1;

      g_assert_true (dossier_relation_type_from_string (json_object_get_string_member (o, "type"),
                                                        &type));
      for (guint g = 0; g < sc->golds->len; g++)
        {
          const char *name = gold_at (sc, g)->name;

          if (g_str_equal (name, src))
            s = g;
          if (g_str_equal (name, dst))
            t = g;
        }
      g_assert_true (s >= 0 && t >= 0);
      g_hash_table_add (triples, triple_key (s, type, t));
    }

  return triples;
}

/* Whether the article's body (not its comments) says @rel; negated
 * passages assert the opposite ("n'a pas abandonné"). */
static gboolean
relation_in_body (const DossierRelation *rel,
                  guint                  article)
{
  for (guint i = 0; i < rel->evidence->len; i++)
    {
      const DossierEvidence *ev = &g_array_index (rel->evidence, DossierEvidence, i);

      if (ev->article == article &&
          !(ev->flags & (DOSSIER_EVIDENCE_COMMENTS | DOSSIER_EVIDENCE_NEGATED)))
        return TRUE;
    }
  return FALSE;
}

static void
report_false_relation (const Scoring         *sc,
                       const DossierRelation *rel)
{
  const DossierEntity *se = dossier_graph_get_entity (sc->graph, rel->source);
  const DossierEntity *te = dossier_graph_get_entity (sc->graph, rel->target);
  const DossierEvidence *ev = &g_array_index (rel->evidence, DossierEvidence, 0);
  const char *text = sc->a->text;
  g_autofree char *passage = NULL;

  for (guint i = 0; i < rel->evidence->len; i++)
    {
      ev = &g_array_index (rel->evidence, DossierEvidence, i);
      if (ev->article == sc->article)
        break;
    }
  passage = g_utf8_substring (text + ev->start, 0,
                              MIN (g_utf8_strlen (text + ev->start, ev->end - ev->start), 140));
  g_test_message ("  %s: false relation %s %s %s  [%s]", sc->a->id, se->name,
                  dossier_relation_type_to_string (rel->type), te->name, passage);
}

/* Each predicted relation the article's body says, against the gold
 * triples; one predicted triple counts once. */
static void
score_relations (const Scoring *sc,
                 GHashTable    *gold_triples,
                 Counts        *rels)
{
  g_autoptr(GHashTable) seen_triples = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint r = 0; r < sc->graph->relations->len; r++)
    {
      const DossierRelation *rel = dossier_graph_get_relation (sc->graph, r);
      int s, t;

      if (rel->type == DOSSIER_RELATION_MENTIONED_WITH || !relation_in_body (rel, sc->article))
        continue;

      s = sc->to_gold[rel->source];
      t = sc->to_gold[rel->target];

      /* Links to optional entities are neither required nor penalised. */
      if ((s >= 0 && gold_at (sc, s)->optional) || (t >= 0 && gold_at (sc, t)->optional))
        continue;

      if (s >= 0 && t >= 0)
        {
          g_autofree char *key = triple_key (s, rel->type, t);

          if (g_hash_table_contains (seen_triples, key))
            continue;
          g_hash_table_add (seen_triples, g_strdup (key));
          if (g_hash_table_contains (gold_triples, key))
            {
              rels->tp++;
              continue;
            }
        }

      rels->fp++;
      report_false_relation (sc, rel);
    }
}

/* A gold relation is found when one predicted triple maps onto it. */
static gboolean
gold_relation_found (const Scoring *sc,
                     const char    *src,
                     const char    *type_str,
                     const char    *dst)
{
  for (guint r = 0; r < sc->graph->relations->len; r++)
    {
      const DossierRelation *rel = dossier_graph_get_relation (sc->graph, r);
      int s = sc->to_gold[rel->source], t = sc->to_gold[rel->target];

      if (s < 0 || t < 0 || !g_str_equal (dossier_relation_type_to_string (rel->type), type_str))
        continue;
      if (!relation_in_body (rel, sc->article))
        continue;
      if (g_str_equal (gold_at (sc, s)->name, src) && g_str_equal (gold_at (sc, t)->name, dst))
        return TRUE;
      if (dossier_relation_type_is_symmetric (rel->type) &&
          g_str_equal (gold_at (sc, t)->name, src) && g_str_equal (gold_at (sc, s)->name, dst))
        return TRUE;
    }
  return FALSE;
}

static void
count_missed_relations (const Scoring *sc,
                        JsonArray     *gold_relations,
                        Counts        *rels)
{
  for (guint i = 0; i < json_array_get_length (gold_relations); i++)
    {
      JsonObject *o = json_array_get_object_element (gold_relations, i);
      const char *src = json_object_get_string_member (o, "source");
      const char *dst = json_object_get_string_member (o, "target");
      const char *type_str = json_object_get_string_member (o, "type");

      if (!gold_relation_found (sc, src, type_str, dst))
        {
          rels->fn++;
          g_test_message ("  %s: missed relation %s %s %s", sc->a->id, src, type_str, dst);
        }
    }
}

/* Scores one article; returns the counts through @ents and @rels. */
static void
score_article (DossierGraph *graph,
               guint         article,
               JsonObject   *gold,
               Counts       *ents,
               Counts       *rels)
{
  JsonArray *gold_relations = json_object_get_array_member (gold, "relations");
  JsonArray *not_entities = json_object_get_array_member (gold, "not_entities");
  g_autoptr(GArray) golds = read_gold_entities (json_object_get_array_member (gold, "entities"));
  g_autofree int *to_gold = g_new0 (int, graph->entities->len);
  g_autoptr(GPtrArray) not_keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) gold_triples = NULL;
  Scoring sc = {
    .graph = graph,
    .article = article,
    .a = dossier_corpus_get_article (graph->corpus, article),
    .golds = golds,
    .to_gold = to_gold,
  };

  for (guint i = 0; not_entities != NULL && i < json_array_get_length (not_entities); i++)
    g_ptr_array_add (not_keys, score_fold (json_array_get_string_element (not_entities, i)));

  score_entities (&sc, not_keys, ents);
  gold_triples = read_gold_triples (&sc, gold_relations);
  score_relations (&sc, gold_triples, rels);
  count_missed_relations (&sc, gold_relations, rels);
}

static const char *
gold_path (void)
{
  static char *path;
  const char *env = g_getenv ("DOSSIER_GOLD");

  if (env != NULL && *env != '\0')
    return env;
  if (path == NULL)
    path = g_test_build_filename (G_TEST_DIST, "gold", "seeds.json", NULL);
  return path;
}

static void
test_gold_seeds (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(DossierGraph) graph = NULL;
  g_autofree char *seeds = NULL;
  const char *seeds_env = g_getenv ("DOSSIER_SEEDS_DIR");
  DossierCorpus *corpus;
  JsonObject *articles;
  g_autoptr(GList) ids = NULL;
  Counts ents = { 0 }, rels = { 0 };
  double ent_f1, rel_f1;

  json_parser_load_from_file (parser, gold_path (), &error);
  g_assert_no_error (error);
  articles = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                            "articles");
  g_assert_nonnull (articles);

  seeds = seeds_env != NULL && *seeds_env != '\0' ? g_strdup (seeds_env)
                                                  : dossier_corpus_default_path ();
  graph = test_load_graph (seeds);
  corpus = graph->corpus;

  ids = json_object_get_members (articles);
  ids = g_list_sort (ids, (GCompareFunc) g_strcmp0);
  for (GList *l = ids; l != NULL; l = l->next)
    {
      const char *id = l->data;
      gboolean scored = FALSE;

      for (guint i = 0; i < corpus->articles->len; i++)
        {
          if (g_str_equal (dossier_corpus_get_article (corpus, i)->id, id))
            {
              score_article (graph, i, json_object_get_object_member (articles, id),
                             &ents, &rels);
              scored = TRUE;
            }
        }
      if (!scored)
        g_test_message ("gold article %s is not in the corpus", id);
    }

  report ("entities (typed)", &ents, &ent_f1);
  report ("relations", &rels, &rel_f1);

  g_assert_cmpfloat (ent_f1, >=, ENTITY_F1_FLOOR);
  g_assert_cmpfloat (rel_f1, >=, RELATION_F1_FLOOR);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/gold/seeds", test_gold_seeds);

  return g_test_run ();
}
