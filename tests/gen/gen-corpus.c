/* gen-corpus.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-gen"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <string.h>

#include "gen-corpus.h"

typedef enum
{
  ACTOR_COMPANY,
  ACTOR_MEDIA,
  ACTOR_PERSON,
  ACTOR_GOVERNMENT,
} ActorType;

static const char *const type_names[] = { "company", "media", "person", "government" };

typedef struct
{
  ActorType  type;
  char      *name;
  GPtrArray *aliases;      /* char *, names only */
  GPtrArray *descriptive;  /* char *, "groupe de Redmond" */
  gboolean   synthetic;
} Actor;

struct _DossierGen
{
  DossierGenOptions options;
  GPtrArray        *actors;  /* Actor, gazetteer first, then synthetic */
  guint             n_known;
  GPtrArray        *words;   /* char *, lower-case seed words, with repeats */
};

static void
actor_free (Actor *actor)
{
  g_free (actor->name);
  g_ptr_array_unref (actor->aliases);
  g_ptr_array_unref (actor->descriptive);
  g_free (actor);
}

static Actor *
actor_new (ActorType   type,
           const char *name,
           gboolean    synthetic)
{
  Actor *actor = g_new0 (Actor, 1);

  actor->type = type;
  actor->name = g_strdup (name);
  actor->aliases = g_ptr_array_new_with_free_func (g_free);
  actor->descriptive = g_ptr_array_new_with_free_func (g_free);
  actor->synthetic = synthetic;

  return actor;
}

void
dossier_gen_options_init (DossierGenOptions *options)
{
  memset (options, 0, sizeof *options);
  options->seed = 42;
  options->n_articles = 100;
  options->english = 0.35;
}

void
dossier_gen_free (DossierGen *gen)
{
  if (gen == NULL)
    return;

  g_ptr_array_unref (gen->actors);
  g_ptr_array_unref (gen->words);
  g_free (gen);
}

/* File names of @dir ending in @suffix, sorted: the same order everywhere. */
static GPtrArray *
list_dir (const char  *dir,
          const char  *suffix,
          GError     **error)
{
  g_autoptr(GDir) gdir = g_dir_open (dir, 0, error);
  GPtrArray *paths;
  const char *name;

  if (gdir == NULL)
    return NULL;

  paths = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (gdir)) != NULL)
    {
      if (g_str_has_suffix (name, suffix))
        g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
    }
  g_ptr_array_sort (paths, (GCompareFunc) (void (*) (void)) g_strcmp0);

  return paths;
}

static gboolean
load_gazetteer (DossierGen  *gen,
                GError     **error)
{
  g_autoptr(GPtrArray) files = list_dir (gen->options.gazetteer_dir, ".gaz", error);

  if (files == NULL)
    return FALSE;

  for (guint f = 0; f < files->len; f++)
    {
      g_autofree char *contents = NULL;
      g_auto(GStrv) lines = NULL;

      if (!g_file_get_contents (g_ptr_array_index (files, f), &contents, NULL, error))
        return FALSE;

      lines = g_strsplit (contents, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 3);
          Actor *actor;
          guint type;

          if (g_strv_length (fields) < 2 || fields[0][0] == '#')
            continue;
          for (type = 0; type < G_N_ELEMENTS (type_names); type++)
            if (g_str_equal (g_strstrip (fields[0]), type_names[type]))
              break;
          if (type == G_N_ELEMENTS (type_names))
            continue;

          actor = actor_new (type, g_strstrip (fields[1]), FALSE);
          if (fields[2] != NULL)
            {
              g_auto(GStrv) aliases = g_strsplit (fields[2], "|", -1);

              for (guint a = 0; aliases[a] != NULL; a++)
                {
                  char *alias = g_strstrip (aliases[a]);

                  /* Handles such as "tiktok_us" read oddly in prose. */
                  if (*alias == '\0' || strchr (alias, '_') != NULL)
                    continue;
                  if (alias[0] == '~')
                    g_ptr_array_add (actor->descriptive, g_strdup (alias + 1));
                  else
                    g_ptr_array_add (actor->aliases, g_strdup (alias));
                }
            }
          g_ptr_array_add (gen->actors, actor);
        }
    }

  gen->n_known = gen->actors->len;
  return TRUE;
}

static gboolean
load_vocabulary (DossierGen  *gen,
                 GError     **error)
{
  g_autoptr(GPtrArray) files = list_dir (gen->options.seeds_dir, ".txt", error);

  if (files == NULL)
    return FALSE;

  for (guint f = 0; f < files->len; f++)
    {
      g_autofree char *contents = NULL;
      const char *p;

      if (!g_file_get_contents (g_ptr_array_index (files, f), &contents, NULL, error))
        return FALSE;
      if (!g_utf8_validate (contents, -1, NULL))
        continue;

      /* Lower-case words of three letters or more: the prose around the
       * names.  Capitalised words would make names of their own. */
      p = contents;
      while (*p)
        {
          const char *start = p;
          gboolean lower = TRUE;
          guint n = 0;

          while (*p && (g_unichar_isalpha (g_utf8_get_char (p)) || *p == '\'' || *p == '-'))
            {
              if (!g_unichar_islower (g_utf8_get_char (p)) && *p != '\'' && *p != '-')
                lower = FALSE;
              p = g_utf8_next_char (p);
              n++;
            }
          if (n >= 3 && lower && start[0] != '\'' && start[0] != '-')
            g_ptr_array_add (gen->words, g_strndup (start, p - start));
          if (p == start)
            p = g_utf8_next_char (p);
        }
    }

  if (gen->words->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "No words in the seed articles of %s", gen->options.seeds_dir);
      return FALSE;
    }

  return TRUE;
}

static const char *const first_names[] = {
  "Marie", "Jean", "Camille", "Lucas", "Chloé", "Hugo", "Léa", "Thomas", "Inès", "Antoine",
  "Sarah", "Nicolas", "Emma", "Julien", "Manon", "Olivier", "Claire", "Mehdi", "Anna", "Paul",
  "James", "Emily", "Michael", "Olivia", "David", "Grace", "Daniel", "Ruth", "Samuel", "Helen",
};
static const char *const syllables[] = {
  "ka", "lo", "ve", "mar", "ten", "dru", "sil", "ber", "ro", "na", "vi", "quen", "tal", "mo",
  "ri", "zan", "pel", "gor", "fa", "lin", "dor", "es", "ca", "nu", "bra", "tho", "mi", "sel",
};
static const char *const company_suffixes[] = {
  "Systems", "Group", "Technologies", "Industries", "Holdings", "Networks", "Labs", "Capital",
  "Software", "Energy", "Partners", "Logistics",
};
/* Media and government names around a made-up root word. */
static char *
make_media_name (GRand      *rand,
                 const char *root)
{
  switch (g_rand_int_range (rand, 0, 6))
    {
    case 0: return g_strdup_printf ("Le Courrier de %s", root);
    case 1: return g_strdup_printf ("The %s Tribune", root);
    case 2: return g_strdup_printf ("La Gazette de %s", root);
    case 3: return g_strdup_printf ("%s Daily", root);
    case 4: return g_strdup_printf ("Radio %s", root);
    default: return g_strdup_printf ("%s Post", root);
    }
}

static char *
make_government_name (GRand      *rand,
                      const char *root)
{
  switch (g_rand_int_range (rand, 0, 4))
    {
    case 0: return g_strdup_printf ("République de %s", root);
    case 1: return g_strdup_printf ("Kingdom of %s", root);
    case 2: return g_strdup_printf ("Ministère de l'Économie de %s", root);
    default: return g_strdup_printf ("%s Federal Government", root);
    }
}

static char *
make_word (GRand *rand,
           guint  min_syllables,
           guint  max_syllables)
{
  GString *word = g_string_new (NULL);
  guint n = g_rand_int_range (rand, min_syllables, max_syllables + 1);
  char *result;

  for (guint i = 0; i < n; i++)
    g_string_append (word, syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))]);
  word->str[0] = g_ascii_toupper (word->str[0]);
  result = g_string_free (word, FALSE);

  return result;
}

static void
make_synthetic_actors (DossierGen *gen)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (gen->options.seed ^ 0x5eed);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = gen->options.n_synthetic;

  if (n == 0)
    n = 40 + gen->options.n_articles / 10;

  /* Bounded, in case the syllables run out of distinct names. */
  for (guint i = 0; gen->actors->len < gen->n_known + n && i < 100 * n; i++)
    {
      ActorType type = (ActorType) (i % 10 < 5 ? ACTOR_COMPANY
                                    : i % 10 < 8 ? ACTOR_PERSON
                                    : i % 10 < 9 ? ACTOR_MEDIA
                                    : ACTOR_GOVERNMENT);
      g_autofree char *root = make_word (rand, 2, 3);
      g_autofree char *name = NULL;
      g_autofree char *alias = NULL;
      Actor *actor;

      switch (type)
        {
        case ACTOR_COMPANY:
          name = g_strdup_printf ("%s %s", root,
                                  company_suffixes[g_rand_int_range (rand, 0, G_N_ELEMENTS (company_suffixes))]);
          alias = g_strdup (root);
          break;
        case ACTOR_PERSON:
          name = g_strdup_printf ("%s %s", first_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_names))], root);
          alias = g_strdup (root);
          break;
        case ACTOR_MEDIA:
          name = make_media_name (rand, root);
          break;
        case ACTOR_GOVERNMENT:
        default:
          name = make_government_name (rand, root);
          alias = g_strdup (root);
          break;
        }

      /* Distinct names and short forms, so that counts mean something. */
      if (g_hash_table_contains (taken, name) || (alias != NULL && g_hash_table_contains (taken, alias)))
        continue;
      g_hash_table_add (taken, g_strdup (name));
      if (alias != NULL)
        g_hash_table_add (taken, g_strdup (alias));

      actor = actor_new (type, name, TRUE);
      if (alias != NULL)
        g_ptr_array_add (actor->aliases, g_steal_pointer (&alias));
      g_ptr_array_add (gen->actors, actor);
    }
}

DossierGen *
dossier_gen_new (const DossierGenOptions  *options,
                 GError                  **error)
{
  g_autoptr(DossierGen) gen = g_new0 (DossierGen, 1);

  gen->options = *options;
  gen->actors = g_ptr_array_new_with_free_func ((GDestroyNotify) actor_free);
  gen->words = g_ptr_array_new_with_free_func (g_free);

  if (!load_gazetteer (gen, error) || !load_vocabulary (gen, error))
    return NULL;
  make_synthetic_actors (gen);

  return g_steal_pointer (&gen);
}

/* Popular actors come up far more often, as in the news: a power law over
 * the actor list, known actors first. */
static const Actor *
pick_actor (DossierGen *gen,
            GRand      *rand)
{
  double u = g_rand_double (rand);
  guint i = (guint) (gen->actors->len * u * u * u);

  return g_ptr_array_index (gen->actors, MIN (i, gen->actors->len - 1));
}

static const char *
actor_surface (const Actor *actor,
               GRand       *rand,
               gboolean     first)
{
  double u = g_rand_double (rand);

  if (first || u < 0.55 || (actor->aliases->len == 0 && actor->descriptive->len == 0))
    return actor->name;
  if (actor->descriptive->len > 0 && (u > 0.9 || actor->aliases->len == 0))
    return g_ptr_array_index (actor->descriptive, g_rand_int_range (rand, 0, actor->descriptive->len));
  if (actor->aliases->len > 0)
    return g_ptr_array_index (actor->aliases, g_rand_int_range (rand, 0, actor->aliases->len));
  return actor->name;
}

static const char *const months_fr[] = {
  "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
  "octobre", "novembre", "décembre",
};
static const char *const months_en[] = {
  "January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December",
};

typedef struct
{
  int year;
  int month;  /* 1..12 */
  int day;
} Date;

static Date
random_date (GRand *rand)
{
  Date d;

  d.year = g_rand_int_range (rand, 2015, 2027);
  d.month = g_rand_int_range (rand, 1, 13);
  d.day = g_rand_int_range (rand, 1, g_date_get_days_in_month (d.month, d.year) + 1);
  return d;
}

static char *
format_date (const Date *d,
             gboolean    english,
             GRand      *rand)
{
  guint form = g_rand_int_range (rand, 0, 3);

  if (english)
    {
      if (form == 0)
        return g_strdup_printf ("%s %d, %d", months_en[d->month - 1], d->day, d->year);
      if (form == 1)
        return g_strdup_printf ("%d %s %d", d->day, months_en[d->month - 1], d->year);
      return g_strdup_printf ("%s %d", months_en[d->month - 1], d->year);
    }

  if (form == 0 && d->day == 1)
    return g_strdup_printf ("1er %s %d", months_fr[d->month - 1], d->year);
  if (form == 0)
    return g_strdup_printf ("%d %s %d", d->day, months_fr[d->month - 1], d->year);
  if (form == 1)
    return g_strdup_printf ("%d %s", d->day, months_fr[d->month - 1]);
  return g_strdup_printf ("%s %d", months_fr[d->month - 1], d->year);
}

/* {A} and {B} are actors, {D} a date. */
static const char *const relations_fr[] = {
  "{A} a annoncé le rachat de {B} le {D}",
  "{A} va racheter {B}, selon des sources proches du dossier",
  "{A} a finalisé l'acquisition de {B} en {D}",
  "{A}, la maison mère de {B}, a confirmé l'information",
  "{A} devient le partenaire technique de {B}",
  "{A} et {B} ont signé un partenariat le {D}",
  "{A} est le PDG de {B} depuis {D}",
  "{A} a apporté son soutien à {B}",
  "{A} a vivement critiqué {B} dans un communiqué",
  "un décret de {A} vise directement {B}",
  "les négociations entre {A} et {B} ont repris le {D}",
  "{A} s'est retiré des discussions avec {B}",
  "selon {A}, {B} aurait envisagé une autre option",
  "{A} fournit des serveurs à {B} depuis {D}",
  "{A} ne rachètera pas {B}, a démenti un porte-parole",
  "{A} pourrait racheter {B} si le gouvernement donne son accord",
};
static const char *const relations_en[] = {
  "{A} announced the acquisition of {B} on {D}",
  "{A} agreed to buy {B}, people familiar with the matter said",
  "{A} completed its takeover of {B} in {D}",
  "{A}, the parent company of {B}, confirmed the report",
  "{A} became the trusted technology partner of {B}",
  "{A} and {B} signed a partnership on {D}",
  "{A} has been the chief executive of {B} since {D}",
  "{A} publicly backed {B}",
  "{A} sharply criticised {B} in a statement",
  "an executive order from {A} targets {B}",
  "talks between {A} and {B} resumed on {D}",
  "{A} withdrew from the talks with {B}",
  "according to {A}, {B} had considered another option",
  "{A} supplies cloud services to {B} since {D}",
  "{A} will not acquire {B}, a spokesperson said",
  "{A} could buy {B} if regulators approve",
};

static const char *const furniture_fr[] = {
  "Partager sur Facebook", "Lire aussi", "Publicité", "Abonnez-vous à notre newsletter",
  "Suivez-nous", "À lire également",
};
static const char *const furniture_en[] = {
  "Share on Twitter", "Read more", "Advertisement", "Sign up for our newsletter",
  "Follow us", "Related coverage",
};

static void
append_filler (GString    *out,
               DossierGen *gen,
               GRand      *rand,
               guint       min_words,
               guint       max_words)
{
  guint n = g_rand_int_range (rand, min_words, max_words + 1);

  for (guint i = 0; i < n; i++)
    {
      const char *word = g_ptr_array_index (gen->words, g_rand_int_range (rand, 0, gen->words->len));

      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, word);
    }
}

static void
capitalise_from (GString *out,
                 gsize    start)
{
  if (start < out->len && g_ascii_islower (out->str[start]))
    out->str[start] = g_ascii_toupper (out->str[start]);
}

static void
append_relation (GString    *out,
                 DossierGen *gen,
                 GRand      *rand,
                 gboolean    english,
                 const Actor *a,
                 const Actor *b)
{
  const char *const *templates = english ? relations_en : relations_fr;
  const char *t = templates[g_rand_int_range (rand, 0, G_N_ELEMENTS (relations_fr))];
  gsize start = out->len;

  for (const char *p = t; *p; p++)
    {
      if (p[0] == '{' && p[1] != '\0' && p[2] == '}')
        {
          if (p[1] == 'A')
            g_string_append (out, actor_surface (a, rand, FALSE));
          else if (p[1] == 'B')
            g_string_append (out, actor_surface (b, rand, FALSE));
          else
            {
              Date d = random_date (rand);
              g_autofree char *date = format_date (&d, english, rand);

              g_string_append (out, date);
            }
          p += 2;
        }
      else
        g_string_append_c (out, *p);
    }

  capitalise_from (out, start);
}

char *
dossier_gen_article (DossierGen *gen,
                     guint       index)
{
  guint32 seed[2] = { gen->options.seed, index };
  g_autoptr(GRand) rand = g_rand_new_with_seed_array (seed, 2);
  gboolean english = g_rand_double (rand) < gen->options.english;
  GString *out = g_string_new (NULL);
  const Actor *cast[8];
  guint n_cast = g_rand_int_range (rand, 2, G_N_ELEMENTS (cast) + 1);
  guint n_paragraphs = g_rand_int_range (rand, 5, 13);
  Date published = random_date (rand);

  for (guint i = 0; i < n_cast; i++)
    cast[i] = pick_actor (gen, rand);

  /* Headline, byline, date line. */
  g_string_append (out, cast[0]->name);
  g_string_append (out, english ? ": " : " : ");
  append_filler (out, gen, rand, 4, 10);
  g_string_append (out, "\n\n");
  {
    g_autofree char *date = format_date (&published, english, rand);

    g_string_append_printf (out, english ? "By %s %s | Published %s\n\n" : "Par %s %s | Publié le %s\n\n",
                            first_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_names))],
                            syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))],
                            date);
  }

  for (guint p = 0; p < n_paragraphs; p++)
    {
      guint n_sentences = g_rand_int_range (rand, 2, 8);

      for (guint s = 0; s < n_sentences; s++)
        {
          double kind = g_rand_double (rand);
          gsize start = out->len;

          if (s > 0)
            g_string_append_c (out, ' ');
          start = out->len;

          if (kind < 0.35)
            {
              const Actor *a = cast[g_rand_int_range (rand, 0, n_cast)];
              const Actor *b = cast[g_rand_int_range (rand, 0, n_cast)];

              if (a == b)
                b = pick_actor (gen, rand);
              append_relation (out, gen, rand, english, a, b);
            }
          else if (kind < 0.6)
            {
              const Actor *a = cast[g_rand_int_range (rand, 0, n_cast)];

              append_filler (out, gen, rand, 3, 9);
              g_string_append_c (out, ' ');
              g_string_append (out, actor_surface (a, rand, FALSE));
              g_string_append_c (out, ' ');
              append_filler (out, gen, rand, 3, 12);
            }
          else
            append_filler (out, gen, rand, 8, 24);

          capitalise_from (out, start);
          g_string_append_c (out, g_rand_double (rand) < 0.05 ? '?' : '.');
        }
      g_string_append (out, "\n\n");

      if (g_rand_double (rand) < 0.15)
        {
          const char *const *furniture = english ? furniture_en : furniture_fr;

          g_string_append_printf (out, "%s\n\n", furniture[g_rand_int_range (rand, 0, G_N_ELEMENTS (furniture_fr))]);
        }
    }

  /* Reader comments on a third of the articles. */
  if (g_rand_double (rand) < 0.33)
    {
      guint n_comments = g_rand_int_range (rand, 1, 6);

      g_string_append (out, english ? "Comments\n\n" : "Commentaires\n\n");
      for (guint c = 0; c < n_comments; c++)
        {
          gsize start;

          g_string_append_printf (out, "%s%u\n", syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))],
                                  g_rand_int_range (rand, 1, 999));
          start = out->len;
          if (g_rand_double (rand) < 0.5)
            {
              append_relation (out, gen, rand, english, cast[0], pick_actor (gen, rand));
              g_string_append_c (out, ',');
              g_string_append_c (out, ' ');
            }
          append_filler (out, gen, rand, 5, 20);
          capitalise_from (out, start);
          g_string_append (out, ".\n\n");
        }
    }

  return g_string_free (out, FALSE);
}

gboolean
dossier_gen_write_corpus (DossierGen  *gen,
                          const char  *dir,
                          guint64     *total_bytes,
                          GError     **error)
{
  guint64 total = 0;

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   "Could not create %s: %s", dir, g_strerror (errno));
      return FALSE;
    }

  for (guint i = 0; i < gen->options.n_articles; i++)
    {
      g_autofree char *text = dossier_gen_article (gen, i);
      g_autofree char *name = g_strdup_printf ("%05u.txt", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      gsize len = strlen (text);

      if (!g_file_set_contents (path, text, len, error))
        return FALSE;
      total += len;
    }

  if (total_bytes != NULL)
    *total_bytes = total;
  return TRUE;
}

gboolean
dossier_gen_write_gazetteer (DossierGen  *gen,
                             const char  *path,
                             GError     **error)
{
  g_autoptr(GString) out = g_string_new ("# Synthetic actors of dossier-gen-corpus\n");

  for (guint i = gen->n_known; i < gen->actors->len; i++)
    {
      const Actor *actor = g_ptr_array_index (gen->actors, i);

      g_string_append_printf (out, "%s\t%s", type_names[actor->type], actor->name);
      for (guint a = 0; a < actor->aliases->len; a++)
        g_string_append_printf (out, "%s%s", a == 0 ? "\t" : " | ", (char *) g_ptr_array_index (actor->aliases, a));
      g_string_append_c (out, '\n');
    }

  return g_file_set_contents (path, out->str, out->len, error);
}
