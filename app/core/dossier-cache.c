/* dossier-cache.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-cache"

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include <string.h>

#include "dossier-cache.h"
#include "dossier-date.h"

/* (format, gazetteer checksum, options, articles, entities, relations) */
#define CACHE_TYPE "(ussa(stss)a(subbasa(uttu))a(uuua(uttttttnyyuu)))"

static char *
article_hash (const DossierArticle *article)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA1, (const guchar *) article->text, article->len);
}

/* Evidence dates follow the article's date, which a manifest can change
 * without touching the text. */
static char *
article_date_key (const DossierArticle *article)
{
  g_autofree char *date = dossier_date_to_string (&article->date);

  return g_strdup_printf ("%s/%s", date != NULL ? date : "", article->date_source != NULL ? article->date_source : "");
}

char *
dossier_cache_path_for_corpus (DossierCorpus *corpus)
{
  g_autoptr(GString) key = g_string_new (NULL);
  g_autofree char *digest = NULL;

  g_return_val_if_fail (corpus != NULL, NULL);

  for (guint i = 0; corpus->roots != NULL && corpus->roots[i] != NULL; i++)
    {
      g_autofree char *real = g_canonicalize_filename (corpus->roots[i], NULL);

      g_string_append (key, real);
      g_string_append_c (key, '\n');
    }

  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key->str, key->len);
  return g_build_filename (g_get_user_cache_dir (), "dossier", "extract", digest, NULL);
}

static char *
options_key (const DossierExtractOptions *options)
{
  return g_strdup_printf ("discover=%d,co=%d", options->discover, options->co_occurrence);
}

static GVariant *
build (DossierGraph     *graph,
       DossierGazetteer *gazetteer,
       const char       *options)
{
  GVariantBuilder b;
  DossierCorpus *corpus = graph->corpus;

  g_variant_builder_init (&b, G_VARIANT_TYPE (CACHE_TYPE));
  g_variant_builder_add (&b, "u", DOSSIER_CACHE_FORMAT);
  g_variant_builder_add (&b, "s", dossier_gazetteer_get_checksum (gazetteer));
  g_variant_builder_add (&b, "s", options);

  g_variant_builder_open (&b, G_VARIANT_TYPE ("a(stss)"));
  for (guint i = 0; i < corpus->articles->len; i++)
    {
      const DossierArticle *article = dossier_corpus_get_article (corpus, i);
      g_autofree char *hash = article_hash (article);
      g_autofree char *date = article_date_key (article);

      g_variant_builder_add (&b, "(stss)", article->id, (guint64) article->len, hash, date);
    }
  g_variant_builder_close (&b);

  g_variant_builder_open (&b, G_VARIANT_TYPE ("a(subbasa(uttu))"));
  for (guint i = 0; i < graph->entities->len; i++)
    {
      const DossierEntity *e = dossier_graph_get_entity (graph, i);

      g_variant_builder_open (&b, G_VARIANT_TYPE ("(subbasa(uttu))"));
      g_variant_builder_add (&b, "s", e->name);
      g_variant_builder_add (&b, "u", e->type);
      g_variant_builder_add (&b, "b", e->discovered);
      g_variant_builder_add (&b, "b", e->hidden);
      g_variant_builder_open (&b, G_VARIANT_TYPE ("as"));
      for (guint a = 0; a < e->aliases->len; a++)
        g_variant_builder_add (&b, "s", g_ptr_array_index (e->aliases, a));
      g_variant_builder_close (&b);
      g_variant_builder_open (&b, G_VARIANT_TYPE ("a(uttu)"));
      for (guint m = 0; m < e->mentions->len; m++)
        {
          const DossierMention *mention = &g_array_index (e->mentions, DossierMention, m);

          g_variant_builder_add (&b, "(uttu)", mention->article, (guint64) mention->start,
                                 (guint64) mention->end, mention->section);
        }
      g_variant_builder_close (&b);
      g_variant_builder_close (&b);
    }
  g_variant_builder_close (&b);

  g_variant_builder_open (&b, G_VARIANT_TYPE ("a(uuua(uttttttnyyuu))"));
  for (guint i = 0; i < graph->relations->len; i++)
    {
      const DossierRelation *r = dossier_graph_get_relation (graph, i);

      g_variant_builder_open (&b, G_VARIANT_TYPE ("(uuua(uttttttnyyuu))"));
      g_variant_builder_add (&b, "u", r->source);
      g_variant_builder_add (&b, "u", r->target);
      g_variant_builder_add (&b, "u", r->type);
      g_variant_builder_open (&b, G_VARIANT_TYPE ("a(uttttttnyyuu)"));
      for (guint e = 0; e < r->evidence->len; e++)
        {
          const DossierEvidence *ev = &g_array_index (r->evidence, DossierEvidence, e);

          g_variant_builder_add (&b, "(uttttttnyyuu)", ev->article,
                                 (guint64) ev->start, (guint64) ev->end,
                                 (guint64) ev->source_start, (guint64) ev->source_end,
                                 (guint64) ev->target_start, (guint64) ev->target_end,
                                 ev->date.year, ev->date.month, ev->date.day,
                                 (guint32) ev->date.precision, (guint32) ev->flags);
        }
      g_variant_builder_close (&b);
      g_variant_builder_close (&b);
    }
  g_variant_builder_close (&b);

  return g_variant_builder_end (&b);
}

gboolean
dossier_cache_save (const char        *path,
                    DossierGraph      *graph,
                    DossierGazetteer  *gazetteer,
                    GError           **error)
{
  DossierExtractOptions defaults;
  g_autoptr(GVariant) variant = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *options = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (graph != NULL, FALSE);
  g_return_val_if_fail (gazetteer != NULL, FALSE);

  dossier_extract_options_init (&defaults);
  options = options_key (&defaults);
  variant = g_variant_ref_sink (build (graph, gazetteer, options));

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "%s: %s", dir, g_strerror (saved));
      return FALSE;
    }

  return g_file_set_contents (path, g_variant_get_data (variant), g_variant_get_size (variant), error);
}

static DossierGraph *
load_with_options (const char       *path,
                   DossierCorpus    *corpus,
                   DossierGazetteer *gazetteer,
                   const char       *options)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GVariant) articles = NULL;
  g_autoptr(GVariant) entities = NULL;
  g_autoptr(GVariant) relations = NULL;
  g_autoptr(DossierGraph) graph = NULL;
  const char *checksum, *stored_options;
  GStatBuf st;
  guint32 format;
  gsize n_entities;

  /* A link or a pipe in the cache is nothing we wrote: a miss, never followed
   * (saving replaces the link itself, by rename). */
  if (path == NULL || g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode) ||
      !(mapped = g_mapped_file_new (path, FALSE, NULL)))
    return NULL;

  bytes = g_mapped_file_get_bytes (mapped);
  variant = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (CACHE_TYPE), bytes, FALSE));

  /* A damaged file must not be trusted: normal form bounds every offset. */
  if (!g_variant_is_normal_form (variant))
    return NULL;

  g_variant_get_child (variant, 0, "u", &format);
  g_variant_get_child (variant, 1, "&s", &checksum);
  g_variant_get_child (variant, 2, "&s", &stored_options);
  if (format != DOSSIER_CACHE_FORMAT ||
      g_strcmp0 (checksum, dossier_gazetteer_get_checksum (gazetteer)) != 0 ||
      g_strcmp0 (stored_options, options) != 0)
    return NULL;

  articles = g_variant_get_child_value (variant, 3);
  if (g_variant_n_children (articles) != corpus->articles->len)
    return NULL;

  for (guint i = 0; i < corpus->articles->len; i++)
    {
      const DossierArticle *article = dossier_corpus_get_article (corpus, i);
      const char *id, *hash, *date;
      guint64 len;
      g_autofree char *actual = NULL;
      g_autofree char *actual_date = article_date_key (article);

      g_variant_get_child (articles, i, "(&st&s&s)", &id, &len, &hash, &date);
      if (g_strcmp0 (id, article->id) != 0 || len != article->len ||
          g_strcmp0 (date, actual_date) != 0)
        return NULL;
      actual = article_hash (article);
      if (g_strcmp0 (hash, actual) != 0)
        return NULL;
    }

  graph = dossier_graph_new (corpus);

  entities = g_variant_get_child_value (variant, 4);
  n_entities = g_variant_n_children (entities);
  for (gsize i = 0; i < n_entities; i++)
    {
      g_autoptr(GVariant) child = g_variant_get_child_value (entities, i);
      g_autoptr(GVariantIter) aliases = NULL;
      g_autoptr(GVariantIter) mentions = NULL;
      const char *name, *alias;
      guint32 type, article, section;
      guint64 start, end;
      gboolean discovered, hidden;
      DossierEntity *entity;

      g_variant_get (child, "(&subbasa(uttu))", &name, &type, &discovered, &hidden, &aliases, &mentions);
      if (type >= DOSSIER_N_ENTITY_TYPES)
        return NULL;

      entity = dossier_graph_ensure_entity (graph, name, type);
      /* Names are unique in a graph; a clash means the file is not ours. */
      if (entity->id != i)
        return NULL;
      entity->discovered = discovered;
      entity->hidden = hidden;

      while (g_variant_iter_next (aliases, "&s", &alias))
        dossier_graph_add_alias (graph, entity, alias);

      while (g_variant_iter_next (mentions, "(uttu)", &article, &start, &end, &section))
        {
          DossierMention m;

          if (article >= corpus->articles->len || start > end ||
              end > dossier_corpus_get_article (corpus, article)->len ||
              section > DOSSIER_SECTION_COMMENTS)
            return NULL;

          m.article = article;
          m.start = start;
          m.end = end;
          m.section = section;
          dossier_graph_add_mention (graph, entity, &m);
        }
    }

  relations = g_variant_get_child_value (variant, 5);
  for (gsize i = 0; i < g_variant_n_children (relations); i++)
    {
      g_autoptr(GVariant) child = g_variant_get_child_value (relations, i);
      g_autoptr(GVariantIter) evidence = NULL;
      guint32 source, target, type, article, precision, flags;
      guint64 start, end, ss, se, ts, te;
      gint16 year;
      guint8 month, day;
      DossierRelation *relation;

      g_variant_get (child, "(uuua(uttttttnyyuu))", &source, &target, &type, &evidence);
      if (source >= n_entities || target >= n_entities || type >= DOSSIER_N_RELATION_TYPES)
        return NULL;

      relation = dossier_graph_ensure_relation (graph, source, type, target);

      while (g_variant_iter_next (evidence, "(uttttttnyyuu)", &article, &start, &end, &ss, &se,
                                  &ts, &te, &year, &month, &day, &precision, &flags))
        {
          DossierEvidence ev;
          gsize len;

          if (article >= corpus->articles->len || precision > DOSSIER_DATE_PRECISION_DAY)
            return NULL;
          len = dossier_corpus_get_article (corpus, article)->len;
          if (start > end || end > len || ss > se || se > len || ts > te || te > len)
            return NULL;

          ev.article = article;
          ev.start = start;
          ev.end = end;
          ev.source_start = ss;
          ev.source_end = se;
          ev.target_start = ts;
          ev.target_end = te;
          ev.date = (DossierDate) { year, month, day, precision };
          ev.flags = flags;
          dossier_graph_add_evidence (graph, relation, &ev);
        }
    }

  return g_steal_pointer (&graph);
}

DossierGraph *
dossier_cache_load (const char       *path,
                    DossierCorpus    *corpus,
                    DossierGazetteer *gazetteer)
{
  DossierExtractOptions defaults;
  g_autofree char *options = NULL;

  g_return_val_if_fail (corpus != NULL, NULL);
  g_return_val_if_fail (gazetteer != NULL, NULL);

  dossier_extract_options_init (&defaults);
  options = options_key (&defaults);

  return load_with_options (path, corpus, gazetteer, options);
}

DossierGraph *
dossier_extract_cached (DossierCorpus               *corpus,
                        DossierGazetteer            *gazetteer,
                        const DossierExtractOptions *options,
                        GCancellable                *cancellable,
                        GError                     **error)
{
  DossierExtractOptions defaults;
  g_autofree char *path = NULL;
  g_autofree char *key = NULL;
  g_autoptr(GError) save_error = NULL;
  DossierGraph *graph;

  g_return_val_if_fail (corpus != NULL, NULL);
  g_return_val_if_fail (gazetteer != NULL, NULL);

  dossier_extract_options_init (&defaults);
  /* Only the default options are cached; anything else is extracted. */
  if (g_getenv ("DOSSIER_NO_CACHE") != NULL ||
      (options != NULL && memcmp (options, &defaults, sizeof defaults) != 0))
    return dossier_extract (corpus, gazetteer, options, cancellable, error);

  path = dossier_cache_path_for_corpus (corpus);
  key = options_key (&defaults);
  if ((graph = load_with_options (path, corpus, gazetteer, key)) != NULL)
    return graph;

  if (!(graph = dossier_extract (corpus, gazetteer, &defaults, cancellable, error)))
    return NULL;

  /* A cache that cannot be written only costs time next run. */
  if (!dossier_cache_save (path, graph, gazetteer, &save_error))
    g_debug ("Not caching extraction: %s", save_error->message);

  return graph;
}
