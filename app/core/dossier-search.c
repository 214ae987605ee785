/* dossier-search.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE  /* memmem */
#define G_LOG_DOMAIN "dossier-search"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dossier-fold.h"
#include "dossier-search.h"

G_DEFINE_QUARK (dossier-search-error-quark, dossier_search_error)

/* At most this many bytes of spaces and punctuation between two words of
 * a phrase ("Segal, Daniel" is not "Daniel Segal" but "U.S. - Steel" is). */
#define MAX_PHRASE_GAP 8

struct _DossierSearch
{
  GPtrArray *words;   /* char *, folded */
  gboolean   phrase;
};

/* A word of the folded text: a letter or a digit, or a byte that is not
 * UTF-8 (kept as it is by the folding, so it matches itself). */
static gboolean
char_is_word (const char *p,
              const char *end)
{
  gunichar c;

  if ((guchar) *p < 0x80)
    return g_ascii_isalnum (*p);
  c = g_utf8_get_char_validated (p, end - p);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    return TRUE;
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static const char *
next_char (const char *p,
           const char *end)
{
  gunichar c;

  if ((guchar) *p < 0x80)
    return p + 1;
  c = g_utf8_get_char_validated (p, end - p);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    return p + 1;
  return g_utf8_next_char (p);
}

/* Whether a word character ends just before @p (@start: the text's start). */
static gboolean
word_before (const char *start,
             const char *p,
             const char *end)
{
  const char *q;

  if (p == start)
    return FALSE;
  if ((guchar) p[-1] < 0x80)
    return g_ascii_isalnum (p[-1]);
  /* Back over continuation bytes, at most three, to a lead byte. */
  for (q = p - 1; q > start && q > p - 4 && ((guchar) *q & 0xC0) == 0x80; q--)
    ;
  if (next_char (q, end) != p)
    return TRUE;  /* a stray byte */
  return char_is_word (q, end);
}

/* The end of the word of the text that starts at or runs through @p. */
static const char *
word_end (const char *p,
          const char *end)
{
  while (p < end && char_is_word (p, end))
    p = next_char (p, end);
  return p;
}

static gboolean
is_open_quote (gunichar c)
{
  return c == '"' || c == 0x201C || c == 0x00AB || c == 0x201E;
}

static gboolean
is_close_quote (gunichar c)
{
  return c == '"' || c == 0x201D || c == 0x00BB || c == 0x201C;
}

/* Strips the quotes of a phrase query; TRUE when it was one. */
static gboolean
strip_phrase_quotes (char *str)
{
  gsize len = strlen (str);
  const char *last;

  if (len < 2 || !g_utf8_validate (str, len, NULL))
    return FALSE;
  last = g_utf8_prev_char (str + len);
  if (last == str || !is_open_quote (g_utf8_get_char (str)) ||
      !is_close_quote (g_utf8_get_char (last)))
    return FALSE;

  {
    const char *inner = g_utf8_next_char (str);
    gsize n = last - inner;

    memmove (str, inner, n);
    str[n] = '\0';
  }
  return TRUE;
}

DossierSearch *
dossier_search_new (const char  *query,
                    GError     **error)
{
  g_autoptr(DossierSearch) search = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *folded = NULL;
  const char *p, *end;

  g_return_val_if_fail (query != NULL, NULL);

  search = g_new0 (DossierSearch, 1);
  search->words = g_ptr_array_new_with_free_func (g_free);

  stripped = g_strstrip (g_strdup (query));
  search->phrase = strip_phrase_quotes (stripped);
  folded = dossier_fold_string (stripped);

  p = folded;
  end = folded + strlen (folded);
  while (p < end)
    {
      const char *start;

      while (p < end && !char_is_word (p, end))
        p = next_char (p, end);
      if (p == end)
        break;
      start = p;
      p = word_end (p, end);
      if (search->words->len == DOSSIER_SEARCH_MAX_WORDS)
        {
          g_set_error (error, DOSSIER_SEARCH_ERROR, DOSSIER_SEARCH_ERROR_TOO_LONG,
                       _("The search has more than %d words"), DOSSIER_SEARCH_MAX_WORDS);
          return NULL;
        }
      g_ptr_array_add (search->words, g_strndup (start, p - start));
    }

  if (search->words->len == 0)
    {
      g_set_error (error, DOSSIER_SEARCH_ERROR, DOSSIER_SEARCH_ERROR_EMPTY,
                   _("Type a word to search for"));
      return NULL;
    }

  return g_steal_pointer (&search);
}

void
dossier_search_free (DossierSearch *search)
{
  if (search == NULL)
    return;
  g_ptr_array_unref (search->words);
  g_free (search);
}

gboolean
dossier_search_is_phrase (const DossierSearch *search)
{
  g_return_val_if_fail (search != NULL, FALSE);
  return search->phrase;
}

guint
dossier_search_get_n_words (const DossierSearch *search)
{
  g_return_val_if_fail (search != NULL, 0);
  return search->words->len;
}

const char *
dossier_search_get_word (const DossierSearch *search,
                         guint                index)
{
  g_return_val_if_fail (search != NULL, NULL);
  g_return_val_if_fail (index < search->words->len, NULL);
  return g_ptr_array_index (search->words, index);
}

void
dossier_search_hit_free (DossierSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_clear_pointer (&hit->matches, g_array_unref);
  g_clear_pointer (&hit->actors, g_array_unref);
  g_free (hit);
}

/* Matching one article ---------------------------------------------------- */

/* A match in the folded text: one word, or a whole phrase (first .. last). */
typedef struct
{
  guint32 fstart;
  guint32 fend;
  guint32 word;     /* index of the query word; the first one for a phrase */
} Occurrence;

/* A mention of the graph, for the actors of a passage. */
typedef struct
{
  gsize start;
  gsize end;
  guint entity;
} MentionRef;

/* One worker's share of the articles, [first, last). */
typedef struct
{
  DossierSearch *search;
  DossierCorpus *corpus;
  GCancellable  *cancellable;
  guint          first;
  guint          last;
  DossierFolded *folded;
  GArray        *occurrences;  /* Occurrence */
  GPtrArray     *hits;
  guint          limit;
  guint          n_found;
  gboolean       cancelled;
} Run;

/* Where query word @w matches a word of the folded text at @p: the end of
 * that text word, or NULL.  @whole: the text word must end with it. */
static const char *
match_word_at (const char *start,
               const char *p,
               const char *end,
               const char *w,
               gsize       wlen,
               gboolean    whole)
{
  const char *e;

  if ((gsize) (end - p) < wlen || memcmp (p, w, wlen) != 0 || word_before (start, p, end))
    return NULL;
  e = word_end (p + wlen, end);
  if (whole && e != p + wlen)
    return NULL;
  return e;
}

/* The words after the first of a phrase, from @p; the end of the last one
 * or NULL, each word's span appended to @spans (folded offsets). */
static const char *
match_phrase_rest (const DossierSearch *search,
                   const char          *start,
                   const char          *p,
                   const char          *end,
                   GArray              *spans)
{
  for (guint i = 1; i < search->words->len; i++)
    {
      const char *w = g_ptr_array_index (search->words, i);
      const char *gap = p;
      const char *e;

      while (p < end && p - gap <= MAX_PHRASE_GAP && !char_is_word (p, end))
        p = next_char (p, end);
      if (p == gap || p - gap > MAX_PHRASE_GAP)
        return NULL;
      e = match_word_at (start, p, end, w, strlen (w), i + 1 < search->words->len);
      if (e == NULL)
        return NULL;
      if (spans != NULL)
        {
          Occurrence o = { (guint32) (p - start), (guint32) (e - start), i };
          g_array_append_val (spans, o);
        }
      p = e;
    }
  return p;
}

static int
compare_occurrences (gconstpointer a,
                     gconstpointer b)
{
  const Occurrence *oa = a, *ob = b;

  if (oa->fstart != ob->fstart)
    return oa->fstart < ob->fstart ? -1 : 1;
  return (oa->word > ob->word) - (oa->word < ob->word);
}

/* Every occurrence of the query words (or of the whole phrase) in the
 * folded article, sorted by position. */
static void
find_occurrences (Run *run)
{
  DossierSearch *search = run->search;
  const char *start = run->folded->folded;
  const char *end = start + run->folded->len;
  guint n_words = search->phrase ? 1 : search->words->len;

  g_array_set_size (run->occurrences, 0);
  for (guint i = 0; i < n_words; i++)
    {
      const char *w = g_ptr_array_index (search->words, i);
      gsize wlen = strlen (w);
      gboolean whole = search->phrase && search->words->len > 1;
      const char *p = start;

      while ((p = memmem (p, end - p, w, wlen)) != NULL)
        {
          const char *e = match_word_at (start, p, end, w, wlen, whole);

          if (e != NULL && search->phrase)
            e = match_phrase_rest (search, start, e, end, NULL);
          if (e != NULL)
            {
              Occurrence o = { (guint32) (p - start), (guint32) (e - start), i };
              g_array_append_val (run->occurrences, o);
              p = e;
            }
          else
            p++;
        }
    }
  if (n_words > 1)
    g_array_sort (run->occurrences, compare_occurrences);
}

static void
append_range (GArray *ranges,
              gsize   start,
              gsize   end)
{
  DossierRange r = { start, end };

  /* Two query words may match one word of the text ("seg segal"). */
  if (ranges->len > 0 && g_array_index (ranges, DossierRange, ranges->len - 1).start == start)
    return;
  g_array_append_val (ranges, r);
}

/* The spans of the words of the text in occurrences [first, last). */
static GArray *
hit_matches (Run   *run,
             guint  first,
             guint  last)
{
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (DossierRange));
  const guint32 *map = run->folded->map;
  const char *start = run->folded->folded;
  const char *end = start + run->folded->len;

  for (guint i = first; i < last; i++)
    {
      const Occurrence *o = &g_array_index (run->occurrences, Occurrence, i);

      if (!run->search->phrase)
        append_range (matches, map[o->fstart], map[o->fend]);
      else
        {
          g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Occurrence));
          const char *w = g_ptr_array_index (run->search->words, 0);
          const char *e = start + o->fstart + strlen (w);

          e = word_end (e, end);
          append_range (matches, map[o->fstart], map[e - start]);
          match_phrase_rest (run->search, start, e, end, spans);
          for (guint s = 0; s < spans->len; s++)
            {
              const Occurrence *span = &g_array_index (spans, Occurrence, s);
              append_range (matches, map[span->fstart], map[span->fend]);
            }
        }
    }
  return matches;
}

static void
add_hit (Run          *run,
         guint         article,
         const DossierSentence *sentence,
         guint         first,
         guint         last)
{
  DossierSearchHit *hit;

  run->n_found++;
  if (run->limit > 0 && run->hits->len >= run->limit)
    return;

  hit = g_new0 (DossierSearchHit, 1);
  hit->article = article;
  hit->start = sentence->start;
  hit->end = sentence->end;
  hit->matches = hit_matches (run, first, last);
  hit->actors = g_array_new (FALSE, FALSE, sizeof (guint));
  g_ptr_array_add (run->hits, hit);
}

/* Walks the sentences and the sorted occurrences together. */
static void
search_article (Run   *run,
                guint  index)
{
  const DossierArticle *article = dossier_corpus_get_article (run->corpus, index);
  guint32 all = (1u << run->search->words->len) - 1;
  const guint32 *map;
  guint o = 0;

  dossier_folded_set (run->folded, article->text, article->len, 0);
  find_occurrences (run);
  if (run->occurrences->len == 0)
    return;
  map = run->folded->map;

  for (guint s = 0; s < article->sentences->len && o < run->occurrences->len; s++)
    {
      const DossierSentence *sentence = &g_array_index (article->sentences, DossierSentence, s);
      guint32 mask = 0;
      guint first;

      while (o < run->occurrences->len &&
             map[g_array_index (run->occurrences, Occurrence, o).fstart] < sentence->start)
        o++;
      first = o;
      while (o < run->occurrences->len)
        {
          const Occurrence *occ = &g_array_index (run->occurrences, Occurrence, o);

          if (map[occ->fstart] >= sentence->end)
            break;
          if (map[occ->fend] <= sentence->end)
            mask |= 1u << occ->word;
          o++;
        }

      if (run->search->phrase ? mask != 0 : mask == all)
        add_hit (run, index, sentence, first, o);
    }
}

/* Actors ------------------------------------------------------------------ */

static int
compare_mention_refs (gconstpointer a,
                      gconstpointer b)
{
  const MentionRef *ma = a, *mb = b;

  return (ma->start > mb->start) - (ma->start < mb->start);
}

static void
mention_refs_free (GArray *mentions)
{
  if (mentions != NULL)
    g_array_unref (mentions);
}

/* The mentions of @graph in the articles that have hits, by article and
 * sorted: one walk over the mentions, nothing kept for the other articles. */
static GPtrArray *
index_mentions (DossierGraph *graph,
                GPtrArray    *hits)
{
  guint n_articles = graph->corpus->articles->len;
  GPtrArray *by_article = g_ptr_array_new_full (n_articles, (GDestroyNotify) mention_refs_free);

  g_ptr_array_set_size (by_article, n_articles);
  for (guint i = 0; i < hits->len; i++)
    {
      const DossierSearchHit *hit = g_ptr_array_index (hits, i);

      if (g_ptr_array_index (by_article, hit->article) == NULL)
        g_ptr_array_index (by_article, hit->article) = g_array_new (FALSE, FALSE, sizeof (MentionRef));
    }

  for (guint e = 0; e < graph->entities->len; e++)
    {
      const DossierEntity *entity = dossier_graph_get_entity (graph, e);

      for (guint m = 0; m < entity->mentions->len; m++)
        {
          const DossierMention *mention = &g_array_index (entity->mentions, DossierMention, m);
          MentionRef ref = { mention->start, mention->end, e };
          GArray *mentions;

          if (mention->article < n_articles &&
              (mentions = g_ptr_array_index (by_article, mention->article)) != NULL)
            g_array_append_val (mentions, ref);
        }
    }

  for (guint a = 0; a < n_articles; a++)
    {
      GArray *mentions = g_ptr_array_index (by_article, a);

      if (mentions != NULL)
        g_array_sort (mentions, compare_mention_refs);
    }
  return by_article;
}

/* The actors mentioned inside the hit's sentence, in order, once each. */
static void
set_hit_actors (DossierSearchHit *hit,
                GArray           *mentions)
{
  guint lo = 0, hi = mentions->len;

  /* The first mention starting at or after the sentence. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (mentions, MentionRef, mid).start < hit->start)
        lo = mid + 1;
      else
        hi = mid;
    }

  for (guint i = lo; i < mentions->len; i++)
    {
      const MentionRef *m = &g_array_index (mentions, MentionRef, i);
      gboolean seen = FALSE;

      if (m->start >= hit->end)
        break;
      if (m->end > hit->end)
        continue;
      for (guint a = 0; a < hit->actors->len && !seen; a++)
        seen = g_array_index (hit->actors, guint, a) == m->entity;
      if (!seen)
        g_array_append_val (hit->actors, m->entity);
    }
}

static void
add_actors (DossierGraph *graph,
            GPtrArray    *hits)
{
  g_autoptr(GPtrArray) by_article = index_mentions (graph, hits);

  for (guint i = 0; i < hits->len; i++)
    {
      DossierSearchHit *hit = g_ptr_array_index (hits, i);

      set_hit_actors (hit, g_ptr_array_index (by_article, hit->article));
    }
}

/* Running ------------------------------------------------------------------ */

static void
run_chunk (gpointer data,
           gpointer user_data)
{
  Run *run = data;
  g_autoptr(DossierFolded) folded = dossier_folded_new ("", 0);
  g_autoptr(GArray) occurrences = g_array_new (FALSE, FALSE, sizeof (Occurrence));

  run->folded = folded;
  run->occurrences = occurrences;
  for (guint a = run->first; a < run->last; a++)
    {
      if ((a - run->first) % 64 == 0 && g_cancellable_is_cancelled (run->cancellable))
        {
          run->cancelled = TRUE;
          break;
        }
      search_article (run, a);
    }
  run->folded = NULL;
  run->occurrences = NULL;
}

/* Articles go to one worker per core in contiguous chunks, so that the
 * hits come back in corpus order by concatenation. */
GPtrArray *
dossier_search_run (DossierSearch  *search,
                    DossierCorpus  *corpus,
                    DossierGraph   *graph,
                    guint           limit,
                    guint          *n_found,
                    GCancellable   *cancellable,
                    GError        **error)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree Run *runs = NULL;
  guint n_articles, n_runs, total = 0;
  gboolean cancelled = FALSE;

  g_return_val_if_fail (search != NULL, NULL);
  g_return_val_if_fail (corpus != NULL, NULL);
  g_return_val_if_fail (graph == NULL || graph->corpus == corpus, NULL);

  n_articles = corpus->articles->len;
  n_runs = CLAMP (MIN ((guint) g_get_num_processors (), n_articles / 64), 1, 16);
  runs = g_new0 (Run, n_runs);
  for (guint r = 0; r < n_runs; r++)
    {
      runs[r].search = search;
      runs[r].corpus = corpus;
      runs[r].cancellable = cancellable;
      runs[r].first = (guint) ((guint64) n_articles * r / n_runs);
      runs[r].last = (guint) ((guint64) n_articles * (r + 1) / n_runs);
      runs[r].hits = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_search_hit_free);
      runs[r].limit = limit;
    }

  if (n_runs == 1)
    run_chunk (&runs[0], NULL);
  else
    {
      GThreadPool *pool = g_thread_pool_new (run_chunk, NULL, n_runs, FALSE, NULL);

      for (guint r = 0; r < n_runs; r++)
        g_thread_pool_push (pool, &runs[r], NULL);
      g_thread_pool_free (pool, FALSE, TRUE);
    }

  hits = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_search_hit_free);
  for (guint r = 0; r < n_runs; r++)
    {
      for (guint i = 0; i < runs[r].hits->len; i++)
        {
          if (limit == 0 || hits->len < limit)
            g_ptr_array_add (hits, g_steal_pointer (&g_ptr_array_index (runs[r].hits, i)));
        }
      total += runs[r].n_found;
      cancelled = cancelled || runs[r].cancelled;
      g_ptr_array_unref (runs[r].hits);
    }

  if (cancelled || g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      if (cancelled)
        g_cancellable_set_error_if_cancelled (cancellable, error);
      return NULL;
    }

  if (graph != NULL)
    add_actors (graph, hits);
  if (n_found != NULL)
    *n_found = total;
  return g_steal_pointer (&hits);
}

/* Asynchronous ------------------------------------------------------------ */

typedef struct
{
  DossierSearch *search;
  DossierCorpus *corpus;
  DossierGraph  *graph;
  guint          limit;
  guint          n_found;
} SearchTask;

static void
search_task_free (SearchTask *data)
{
  dossier_search_free (data->search);
  dossier_corpus_unref (data->corpus);
  g_clear_pointer (&data->graph, dossier_graph_unref);
  g_free (data);
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SearchTask *data = task_data;
  GError *error = NULL;
  GPtrArray *hits;

  hits = dossier_search_run (data->search, data->corpus, data->graph, data->limit,
                             &data->n_found, cancellable, &error);
  if (hits == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, hits, (GDestroyNotify) g_ptr_array_unref);
}

void
dossier_search_run_async (DossierSearch       *search,
                          DossierCorpus       *corpus,
                          DossierGraph        *graph,
                          guint                limit,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SearchTask *data;

  g_return_if_fail (search != NULL);
  g_return_if_fail (corpus != NULL);

  data = g_new0 (SearchTask, 1);
  data->search = search;
  data->corpus = dossier_corpus_ref (corpus);
  data->graph = graph != NULL ? dossier_graph_ref (graph) : NULL;
  data->limit = limit;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_search_run_async);
  g_task_set_task_data (task, data, (GDestroyNotify) search_task_free);
  g_task_run_in_thread (task, search_thread);
}

GPtrArray *
dossier_search_run_finish (GAsyncResult  *result,
                           guint         *n_found,
                           GError       **error)
{
  GPtrArray *hits;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  hits = g_task_propagate_pointer (G_TASK (result), error);
  if (hits != NULL && n_found != NULL)
    *n_found = ((SearchTask *) g_task_get_task_data (G_TASK (result)))->n_found;
  return hits;
}
