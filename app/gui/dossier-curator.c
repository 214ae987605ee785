/* dossier-curator.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-curator"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dossier-curation.h"
#include "dossier-curator.h"
#include "dossier-date.h"
#include "dossier-gazetteer.h"
#include "dossier-labels.h"
#include "dossier-suggest.h"
#include "dossier-preferences.h"

struct _DossierCurator
{
  GObject             parent_instance;

  DossierSession     *session;     /* applies the edits */
  DossierCuration    *curation;
  DossierGraph       *graph;       /* curated, from the session */
  char               *path;
  GFileMonitor       *monitor;     /* on path: edits saved by another window or process */
  GSimpleActionGroup *actions;
  GMenu              *undo_menu;
  GtkWindow          *parent;      /* weak */

  GArray             *entities;    /* guint ids in graph */
  int                 relation;
  int                 article;
  gsize               passage_start;
  gsize               passage_end;
  char               *pending_target;  /* between the two questions of "add relation" */
  char               *pending_text;    /* the text "alias-text" asks about */
  GArray             *rejected;        /* DossierRejectedPassage on graph */
  char               *gazetteer;       /* the curation's gazetteer entries the extracted graph has */
};

G_DEFINE_FINAL_TYPE (DossierCurator, dossier_curator, G_TYPE_OBJECT)

enum {
  GRAPH_CHANGED,
  PROBLEM,
  GAZETTEER_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void G_GNUC_PRINTF (2, 3)
say (DossierCurator *self,
     const char     *format,
     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_signal_emit (self, signals[PROBLEM], 0, message);
}

static void
no_such_actor (DossierCurator *self,
               const char     *name)
{
  say (self, _("There is no actor named “%s”"), name);
}

static DossierEntity *
main_entity (DossierCurator *self)
{
  if (self->graph == NULL || self->entities->len == 0)
    return NULL;
  return dossier_graph_get_entity (self->graph, g_array_index (self->entities, guint, 0));
}

static DossierRelation *
selected_relation (DossierCurator *self)
{
  if (self->graph == NULL || self->relation < 0 || (guint) self->relation >= self->graph->relations->len)
    return NULL;
  return dossier_graph_get_relation (self->graph, self->relation);
}

static DossierArticle *
selected_article (DossierCurator *self)
{
  if (self->graph == NULL || self->article < 0 ||
      (guint) self->article >= self->graph->corpus->articles->len)
    return NULL;
  return dossier_corpus_get_article (self->graph->corpus, self->article);
}

static void
set_enabled (DossierCurator *self,
             const char     *name,
             gboolean        enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
update_undo_menu (DossierCurator *self)
{
  g_autofree char *undo = dossier_curation_undo_label (self->curation);
  g_autofree char *redo = dossier_curation_redo_label (self->curation);
  g_autofree char *undo_label = NULL;
  g_autofree char *redo_label = NULL;

  /* Translators: %s names the edit, e.g. "Undo Rename “Oracle” to “Oracle Corp.”". */
  undo_label = undo != NULL ? g_strdup_printf (_("_Undo %s"), undo) : g_strdup (_("_Undo"));
  /* Translators: %s names the edit. */
  redo_label = redo != NULL ? g_strdup_printf (_("Re_do %s"), redo) : g_strdup (_("Re_do"));

  g_menu_remove_all (self->undo_menu);
  g_menu_append (self->undo_menu, undo_label, "curate.undo");
  g_menu_append (self->undo_menu, redo_label, "curate.redo");
}

static guint
count_hidden (DossierCurator *self)
{
  guint n = 0;

  for (guint i = 0; self->graph != NULL && i < self->graph->entities->len; i++)
    if (dossier_graph_get_entity (self->graph, i)->hidden)
      n++;
  return n;
}

static void
update_actions (DossierCurator *self)
{
  DossierEntity *entity = main_entity (self);
  gboolean has_graph = self->graph != NULL;

  set_enabled (self, "rename", entity != NULL);
  set_enabled (self, "retype", entity != NULL);
  set_enabled (self, "add-alias", entity != NULL);
  set_enabled (self, "remove-alias", entity != NULL && entity->aliases->len > 0);
  set_enabled (self, "merge", entity != NULL);
  set_enabled (self, "split-alias", entity != NULL && entity->aliases->len > 1);
  set_enabled (self, "hide", entity != NULL);
  set_enabled (self, "show-hidden", count_hidden (self) > 0);
  set_enabled (self, "not-entity", entity != NULL);
  set_enabled (self, "retype-relation", selected_relation (self) != NULL);
  set_enabled (self, "reverse-relation", selected_relation (self) != NULL);
  set_enabled (self, "reject-relation", selected_relation (self) != NULL);
  set_enabled (self, "add-relation", entity != NULL && selected_article (self) != NULL &&
                                     self->passage_end > self->passage_start);
  set_enabled (self, "article-title", selected_article (self) != NULL);
  set_enabled (self, "article-date", selected_article (self) != NULL);
  set_enabled (self, "undo", has_graph && dossier_curation_can_undo (self->curation));
  set_enabled (self, "redo", has_graph && dossier_curation_can_redo (self->curation));

  update_undo_menu (self);
}

/* Actors created or aliases marked in the text need the extractor: say so
 * when the entries differ from those the extracted graph was made with. */
static void
check_gazetteer (DossierCurator *self)
{
  g_autofree char *entries = dossier_curation_to_gazetteer (self->curation);

  if (g_strcmp0 (entries, self->gazetteer) == 0)
    return;
  g_free (self->gazetteer);
  self->gazetteer = g_steal_pointer (&entries);
  g_signal_emit (self, signals[GAZETTEER_CHANGED], 0);
}

/* The session curated the graph again: take it, tell the window. */
static void
curated (DossierCurator *self,
         GPtrArray      *problems)
{
  g_clear_pointer (&self->graph, dossier_graph_unref);
  self->graph = dossier_graph_ref (dossier_session_get_graph (self->session));
  g_clear_pointer (&self->rejected, g_array_unref);
  if (dossier_session_get_rejected (self->session) != NULL)
    self->rejected = g_array_ref (dossier_session_get_rejected (self->session));

  /* Ids change with every application: the selection is the window's to set again. */
  g_array_set_size (self->entities, 0);
  self->relation = -1;

  for (guint i = 0; i < problems->len; i++)
    g_signal_emit (self, signals[PROBLEM], 0, g_ptr_array_index (problems, i));

  update_actions (self);
  g_signal_emit (self, signals[GRAPH_CHANGED], 0);
  check_gazetteer (self);
}

/* Rebuilds the curated graph from the extracted one, saves, tells the window. */
static void
reapply (DossierCurator *self,
         gboolean        save)
{
  g_autoptr(GPtrArray) problems = NULL;

  if (dossier_session_get_extracted (self->session) == NULL)
    return;

  /* Saving first: it takes in edits another window or process saved. */
  if (save && self->path != NULL)
    {
      g_autoptr(GError) error = NULL;

      /* The edits stay in memory; the next change saves them all again. */
      if (!dossier_curation_save (self->curation, self->path, &error))
        /* Translators: %s says which file could not be written and why. */
        say (self, _("The edits are not saved yet: %s"), error->message);
    }

  g_clear_pointer (&self->graph, dossier_graph_unref);
  dossier_session_set_curation (self->session, self->curation);
  dossier_session_curate (self->session, &problems);
  curated (self, problems);
}

static void
curated_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(DossierCurator) self = user_data;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  /* Cancelled: a newer curation replaced it, or other articles came. */
  if (!dossier_session_curate_finish (DOSSIER_SESSION (object), result, &problems, &error) ||
      DOSSIER_SESSION (object) != self->session)
    return;
  curated (self, problems);
}

/* Edits that arrive from elsewhere apply on a worker thread: the window
 * goes on meanwhile, and an edit made here first replaces them (its
 * curation has them too). */
static void
reapply_in_background (DossierCurator *self)
{
  dossier_session_set_curation (self->session, self->curation);
  dossier_session_curate_async (self->session, curated_cb, g_object_ref (self));
}

static void
push (DossierCurator *self,
      JsonObject     *edit)
{
  dossier_curation_push (self->curation, edit);
  reapply (self, TRUE);
}

/* Dialogs ---------------------------------------------------------------- */

typedef void (*AnswerFunc) (DossierCurator *self,
                            const char     *answer);

typedef struct
{
  DossierCurator *self;
  AnswerFunc      func;
  GtkWidget      *entry;     /* GtkEntry or GtkDropDown */
  char          **choices;   /* values behind the drop-down */
} Question;

static void
question_free (Question *q)
{
  g_object_unref (q->self);
  g_strfreev (q->choices);
  g_free (q);
}

static void
on_question_response (AdwMessageDialog *dialog,
                      const char       *response,
                      Question         *q)
{
  if (g_str_equal (response, "apply"))
    {
      g_autofree char *answer = NULL;

      if (GTK_IS_DROP_DOWN (q->entry))
        {
          guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (q->entry));

          if (q->choices != NULL && i < g_strv_length (q->choices))
            answer = g_strdup (q->choices[i]);
        }
      else if (q->entry != NULL)
        answer = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (q->entry))));
      else
        answer = g_strdup ("");

      if (answer != NULL)
        q->func (q->self, answer);
    }

  question_free (q);
}

/* A question with Cancel and @apply_label ("apply", the default). */
static GtkWidget *
new_dialog (DossierCurator *self,
            const char     *heading,
            const char     *body,
            const char     *apply_label)
{
  GtkWidget *dialog = adw_message_dialog_new (self->parent, heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "apply", apply_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return dialog;
}

/* Asks for a line of text (@initial != NULL), a choice among @labels (with
 * @values behind them), or just a confirmation (both NULL). */
static void
ask (DossierCurator      *self,
     const char          *heading,
     const char          *body,
     const char          *apply_label,
     const char          *initial,
     const char * const  *labels,
     const char * const  *values,
     guint                selected,
     AnswerFunc           func)
{
  GtkWidget *dialog;
  Question *q = g_new0 (Question, 1);

  q->self = g_object_ref (self);
  q->func = func;

  dialog = new_dialog (self, heading, body, apply_label);

  if (labels != NULL)
    {
      q->entry = gtk_drop_down_new_from_strings (labels);
      q->choices = g_strdupv ((char **) values);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (q->entry), selected);
    }
  else if (initial != NULL)
    {
      q->entry = gtk_entry_new ();
      gtk_editable_set_text (GTK_EDITABLE (q->entry), initial);
      gtk_entry_set_activates_default (GTK_ENTRY (q->entry), TRUE);
    }

  if (q->entry != NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (q->entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), q->entry);
    }

  g_signal_connect (dialog, "response", G_CALLBACK (on_question_response), q);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Actions ---------------------------------------------------------------- */

static const char *
arg (GVariant *parameter)
{
  return parameter != NULL ? g_variant_get_string (parameter, NULL) : "";
}

/* The entity types as the drop-downs show them, in enum order. */
static const char *entity_type_values[] = { "company", "media", "person", "government", NULL };

static void
entity_type_labels (const char *labels[DOSSIER_N_ENTITY_TYPES + 1])
{
  for (guint i = 0; i < DOSSIER_N_ENTITY_TYPES; i++)
    labels[i] = dossier_entity_type_label (i);
  labels[DOSSIER_N_ENTITY_TYPES] = NULL;
}

static void
do_rename (DossierCurator *self,
           const char     *answer)
{
  DossierEntity *entity = main_entity (self);
  DossierEntity *other;

  if (entity == NULL || *answer == '\0' || g_strcmp0 (answer, entity->name) == 0)
    return;

  /* Another actor's name would fold the two together unasked. */
  other = dossier_graph_lookup_entity (self->graph, answer);
  if (other != NULL && other != entity)
    {
      say (self, _("“%s” is already the name of another actor; use Merge With… to join them"), answer);
      return;
    }
  push (self, dossier_edit_rename (entity->name, answer));
}

static void
ask_rename (DossierCurator *self)
{
  DossierEntity *entity = main_entity (self);
  g_autofree char *body = g_strdup_printf (_("The name shown for “%s” everywhere."), entity->name);

  ask (self, _("Rename Actor"), body, _("_Rename"), entity->name, NULL, NULL, 0, do_rename);
}

static void
do_retype (DossierCurator *self,
           const char     *answer)
{
  DossierEntity *entity = main_entity (self);
  DossierEntityType type;

  if (entity != NULL && dossier_entity_type_from_string (answer, &type) && type != entity->type)
    push (self, dossier_edit_retype (entity->name, type));
}

static void
ask_retype (DossierCurator *self)
{
  DossierEntity *entity = main_entity (self);
  const char *labels[DOSSIER_N_ENTITY_TYPES + 1];

  entity_type_labels (labels);
  ask (self, _("Change Actor Type"), entity->name, _("_Change"), NULL,
       labels, entity_type_values, entity->type, do_retype);
}

/* The edits that take the main actor's name and one more string. */
typedef JsonObject *(*EntityEditFunc) (const char *entity,
                                       const char *value);

static void
push_entity_edit (DossierCurator *self,
                  EntityEditFunc  make,
                  const char     *answer)
{
  DossierEntity *entity = main_entity (self);

  if (entity != NULL && *answer != '\0')
    push (self, make (entity->name, answer));
}

static void
do_add_alias (DossierCurator *self,
              const char     *answer)
{
  push_entity_edit (self, dossier_edit_add_alias, answer);
}

static void
ask_add_alias (DossierCurator *self)
{
  g_autofree char *body = g_strdup_printf (_("Another name under which “%s” is known."), main_entity (self)->name);

  ask (self, _("Add Alias"), body, _("_Add"), "", NULL, NULL, 0, do_add_alias);
}

/* Asks for one of @names (NULL-terminated in a GPtrArray), or says nothing
 * when there is none. */
static void
choose (DossierCurator *self,
        const char     *heading,
        const char     *body,
        const char     *apply_label,
        GPtrArray      *names,
        AnswerFunc      func)
{
  if (names->len == 0)
    return;
  g_ptr_array_add (names, NULL);
  ask (self, heading, body, apply_label, NULL,
       (const char * const *) names->pdata, (const char * const *) names->pdata, 0, func);
}

static void
choose_alias (DossierCurator *self,
              const char     *heading,
              const char     *apply_label,
              AnswerFunc      func)
{
  DossierEntity *entity = main_entity (self);
  g_autoptr(GPtrArray) names = g_ptr_array_copy (entity->aliases, NULL, NULL);

  choose (self, heading, entity->name, apply_label, names, func);
}

static void
do_remove_alias (DossierCurator *self,
                 const char     *answer)
{
  push_entity_edit (self, dossier_edit_remove_alias, answer);
}

static void
ask_remove_alias (DossierCurator *self)
{
  choose_alias (self, _("Remove Alias"), _("_Remove"), do_remove_alias);
}

static void
do_split_alias (DossierCurator *self,
                const char     *answer)
{
  push_entity_edit (self, dossier_edit_split_alias, answer);
}

static void
ask_split_alias (DossierCurator *self)
{
  choose_alias (self, _("Split Alias Into a New Actor"), _("_Split"), do_split_alias);
}

static DossierEntity *
other_selected (DossierCurator *self,
                guint           i)
{
  return dossier_graph_get_entity (self->graph, g_array_index (self->entities, guint, i));
}

static void
do_merge (DossierCurator *self,
          const char     *answer)
{
  DossierEntity *entity = main_entity (self);
  g_autoptr(GPtrArray) others = g_ptr_array_new ();

  if (entity == NULL)
    return;

  /* Either the other selected actors, or the one named in the answer. */
  if (*answer == '\0')
    {
      for (guint i = 1; i < self->entities->len; i++)
        g_ptr_array_add (others, other_selected (self, i)->name);
    }
  else
    {
      DossierEntity *other = dossier_graph_lookup_entity (self->graph, answer);

      if (other == NULL)
        {
          no_such_actor (self, answer);
          return;
        }
      if (other != entity)
        g_ptr_array_add (others, other->name);
    }

  if (others->len == 0)
    return;
  g_ptr_array_add (others, NULL);
  push (self, dossier_edit_merge (entity->name, (const char * const *) others->pdata));
}

static void
ask_merge (DossierCurator *self)
{
  DossierEntity *entity = main_entity (self);
  g_autofree char *body = NULL;

  if (self->entities->len > 1)
    {
      body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Merge %u other actor into “%s”? Its names, mentions and relations move there.",
                                           "Merge %u other actors into “%s”? Their names, mentions and relations move there.",
                                           self->entities->len - 1),
                              self->entities->len - 1, entity->name);
      /* The empty answer of a confirmation merges the selected ones. */
      ask (self, _("Merge Actors"), body, _("_Merge"), NULL, NULL, NULL, 0, do_merge);
    }
  else
    {
      body = g_strdup_printf (_("The name or alias of the actor to merge into “%s”. To merge several at once, Ctrl+click them in the graph first."), entity->name);
      ask (self, _("Merge Actors"), body, _("_Merge"), "", NULL, NULL, 0, do_merge);
    }
}

static void
do_hide (DossierCurator *self,
         const char     *answer)
{
  DossierEntity *entity = main_entity (self);

  push (self, dossier_edit_hide (entity->name, !entity->hidden));
}

static void
do_show_hidden (DossierCurator *self,
                const char     *answer)
{
  DossierEntity *entity = self->graph != NULL ? dossier_graph_lookup_entity (self->graph, answer) : NULL;

  if (entity != NULL && entity->hidden)
    push (self, dossier_edit_hide (entity->name, FALSE));
}

/* A hidden actor is in no view to select: it is chosen from a list. */
static void
ask_show_hidden (DossierCurator *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < self->graph->entities->len; i++)
    {
      DossierEntity *entity = dossier_graph_get_entity (self->graph, i);

      if (entity->hidden)
        g_ptr_array_add (names, entity->name);
    }
  choose (self, _("Show a Hidden Actor"), _("It comes back in the graph with its relations."), _("_Show"),
          names, do_show_hidden);
}

static void
do_not_entity (DossierCurator *self,
               const char     *answer)
{
  DossierEntity *entity = main_entity (self);

  if (entity != NULL)
    push (self, dossier_edit_not_entity (entity->name));
}

static void
ask_not_entity (DossierCurator *self)
{
  g_autofree char *body = g_strdup_printf (_("“%s” and its relations leave the graph. Undo brings them back."),
                                           main_entity (self)->name);

  ask (self, _("Not an Actor?"), body, _("_Remove"), NULL, NULL, NULL, 0, do_not_entity);
}

/* The selected actor and the one named in @answer are two: the merge
 * suggestions stop pairing them. */
static void
do_not_same (DossierCurator *self,
             const char     *answer)
{
  DossierEntity *entity = main_entity (self);
  DossierEntity *other = dossier_graph_lookup_entity (self->graph, answer);

  if (other != NULL && other != entity)
    push (self, dossier_edit_not_same (entity->name, other->name));
}

static const char *relation_values[] = {
  "owns", "acquires", "partners", "supplies", "leads", "supports", "opposes",
  "regulates", "negotiates", "withdraws", "reports", "mentioned_with", NULL
};

/* The relation types as the drop-downs show them, in enum order. */
static GStrv
relation_labels (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < DOSSIER_N_RELATION_TYPES; i++)
    g_strv_builder_add (builder, dossier_relation_type_label (i));
  return g_strv_builder_end (builder);
}

/* The selected relation and the names of its ends, or NULL. */
static DossierRelation *
relation_ends (DossierCurator  *self,
               const char     **source,
               const char     **target)
{
  DossierRelation *r = selected_relation (self);

  if (r != NULL)
    {
      *source = dossier_graph_get_entity (self->graph, r->source)->name;
      *target = dossier_graph_get_entity (self->graph, r->target)->name;
    }
  return r;
}

static void
do_retype_relation (DossierCurator *self,
                    const char     *answer)
{
  const char *source, *target;
  DossierRelation *r = relation_ends (self, &source, &target);
  DossierRelationType type;

  if (r != NULL && dossier_relation_type_from_string (answer, &type) && type != r->type)
    push (self, dossier_edit_retype_relation (source, r->type, target, type));
}

static void
ask_retype_relation (DossierCurator *self)
{
  g_auto(GStrv) labels = relation_labels ();

  ask (self, _("Change Relation Type"), NULL, _("_Change"), NULL,
       (const char * const *) labels, relation_values, selected_relation (self)->type, do_retype_relation);
}

static void
do_reverse_relation (DossierCurator *self,
                     const char     *answer)
{
  const char *source, *target;
  DossierRelation *r = relation_ends (self, &source, &target);

  push (self, dossier_edit_reverse_relation (source, r->type, target));
}

static void
do_reject_relation (DossierCurator *self,
                    const char     *answer)
{
  const char *source, *target;
  DossierRelation *r = relation_ends (self, &source, &target);

  push (self, dossier_edit_reject_relation (source, r->type, target));
}

/* Adds "main actor -TYPE-> @target" backed by the passage open in the reader. */
static void
add_relation_to (DossierCurator *self,
                 const char     *target_name,
                 const char     *type_name)
{
  DossierArticle *article = selected_article (self);
  DossierEntity *source = main_entity (self);
  DossierEntity *target;
  DossierRelationType type;

  if (source == NULL || article == NULL || !dossier_relation_type_from_string (type_name, &type))
    return;

  if ((target = dossier_graph_lookup_entity (self->graph, target_name)) == NULL || target == source)
    {
      no_such_actor (self, target_name);
      return;
    }

  push (self, dossier_edit_passage ("add-relation", source->name, type, target->name,
                                    article->id, self->passage_start, self->passage_end));
}

static void
do_add_relation_type (DossierCurator *self,
                      const char     *answer)
{
  g_autofree char *target = g_steal_pointer (&self->pending_target);

  if (target != NULL)
    add_relation_to (self, target, answer);
}

static void
ask_relation_type (DossierCurator *self,
                   const char     *target)
{
  g_auto(GStrv) labels = relation_labels ();
  g_autofree char *body = NULL;

  g_free (self->pending_target);
  self->pending_target = g_strdup (target);
  body = g_strdup_printf (_("From “%s” to “%s”, backed by the passage open in the reader."),
                          main_entity (self)->name, target);
  ask (self, _("Add Relation"), body, _("_Add"), NULL,
       (const char * const *) labels, relation_values, 0, do_add_relation_type);
}

static void
do_add_relation_target (DossierCurator *self,
                        const char     *answer)
{
  if (*answer != '\0')
    ask_relation_type (self, answer);
}

/* "TYPE:TARGET" (or "TYPE" with two actors selected) applies at once. */
static void
do_add_relation (DossierCurator *self,
                 const char     *answer)
{
  g_auto(GStrv) parts = g_strsplit (answer, ":", 2);

  if (parts[1] != NULL)
    add_relation_to (self, parts[1], parts[0]);
  else if (self->entities->len >= 2)
    add_relation_to (self, other_selected (self, 1)->name, parts[0]);
}

static void
ask_add_relation (DossierCurator *self)
{
  g_autofree char *body = NULL;

  if (self->entities->len >= 2)
    {
      ask_relation_type (self, other_selected (self, 1)->name);
      return;
    }

  body = g_strdup_printf (_("The other actor of the relation from “%s”, by name or alias (or Ctrl+click it in the graph first)."),
                          main_entity (self)->name);
  ask (self, _("Add Relation"), body, _("_Next"), "", NULL, NULL, 0, do_add_relation_target);
}

static void
do_article_title (DossierCurator *self,
                  const char     *answer)
{
  DossierArticle *article = selected_article (self);

  if (article != NULL && *answer != '\0')
    push (self, dossier_edit_set_article_title (article->id, answer));
}

static void
ask_article_title (DossierCurator *self)
{
  DossierArticle *article = selected_article (self);

  ask (self, _("Correct Article Title"), article->id, _("_Change"),
       article->title != NULL ? article->title : "", NULL, NULL, 0, do_article_title);
}

static void
do_article_date (DossierCurator *self,
                 const char     *answer)
{
  DossierArticle *article = selected_article (self);
  DossierDate date;

  if (article == NULL)
    return;

  if (!dossier_date_parse_iso (answer, &date))
    {
      say (self, _("“%s” is not a date; use YYYY, YYYY-MM or YYYY-MM-DD"), answer);
      return;
    }

  push (self, dossier_edit_set_article_date (article->id, &date));
}

static void
ask_article_date (DossierCurator *self)
{
  g_autofree char *current = dossier_date_to_string (&selected_article (self)->date);

  ask (self, _("Correct Article Date"), _("YYYY, YYYY-MM or YYYY-MM-DD"), _("_Change"),
       current != NULL ? current : "", NULL, NULL, 0, do_article_date);
}

/* The edits of the selection, as a table: each needs something selected,
 * applies its parameter at once and, given none, asks for it (or applies
 * at once when it has nothing to ask). */
typedef enum
{
  NEEDS_GRAPH,
  NEEDS_ENTITY,
  NEEDS_RELATION,
  NEEDS_ARTICLE,
  NEEDS_ENTITY_AND_ARTICLE,
} Needs;

typedef struct
{
  const char *name;
  const char *parameter_type;
  Needs       needs;
  AnswerFunc  apply;
  void      (*ask) (DossierCurator *self);
} EditAction;

static const EditAction edit_actions[] = {
  { "rename",           "s",  NEEDS_ENTITY,             do_rename,            ask_rename },
  { "retype",           "s",  NEEDS_ENTITY,             do_retype,            ask_retype },
  { "add-alias",        "s",  NEEDS_ENTITY,             do_add_alias,         ask_add_alias },
  { "remove-alias",     "s",  NEEDS_ENTITY,             do_remove_alias,      ask_remove_alias },
  { "merge",            "s",  NEEDS_ENTITY,             do_merge,             ask_merge },
  { "split-alias",      "s",  NEEDS_ENTITY,             do_split_alias,       ask_split_alias },
  { "hide",             NULL, NEEDS_ENTITY,             do_hide,              NULL },
  { "show-hidden",      "s",  NEEDS_GRAPH,              do_show_hidden,       ask_show_hidden },
  { "not-entity",       NULL, NEEDS_ENTITY,             do_not_entity,        ask_not_entity },
  { "not-same",         "s",  NEEDS_ENTITY,             do_not_same,          NULL },
  { "retype-relation",  "s",  NEEDS_RELATION,           do_retype_relation,   ask_retype_relation },
  { "reverse-relation", NULL, NEEDS_RELATION,           do_reverse_relation,  NULL },
  { "reject-relation",  NULL, NEEDS_RELATION,           do_reject_relation,   NULL },
  { "add-relation",     "s",  NEEDS_ENTITY_AND_ARTICLE, do_add_relation,      ask_add_relation },
  { "article-title",    "s",  NEEDS_ARTICLE,            do_article_title,     ask_article_title },
  { "article-date",     "s",  NEEDS_ARTICLE,            do_article_date,      ask_article_date },
};

static gboolean
has_selected (DossierCurator *self,
              Needs           needs)
{
  switch (needs)
    {
    case NEEDS_GRAPH:
      return self->graph != NULL;
    case NEEDS_ENTITY:
      return main_entity (self) != NULL;
    case NEEDS_RELATION:
      return selected_relation (self) != NULL;
    case NEEDS_ARTICLE:
      return selected_article (self) != NULL;
    case NEEDS_ENTITY_AND_ARTICLE:
      return main_entity (self) != NULL && selected_article (self) != NULL;
    default:
      g_assert_not_reached ();
    }
}

static void
edit_action (GSimpleAction  *action,
             GVariant       *parameter,
             DossierCurator *self)
{
  const EditAction *edit = g_object_get_data (G_OBJECT (action), "dossier-edit");

  if (!has_selected (self, edit->needs))
    return;
  if (*arg (parameter) != '\0' || edit->ask == NULL)
    edit->apply (self, arg (parameter));
  else
    edit->ask (self);
}

static void
add_edit_actions (DossierCurator *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (edit_actions); i++)
    {
      const EditAction *edit = &edit_actions[i];
      const GVariantType *type = edit->parameter_type != NULL ? G_VARIANT_TYPE (edit->parameter_type) : NULL;
      g_autoptr(GSimpleAction) action = g_simple_action_new (edit->name, type);

      g_object_set_data (G_OBJECT (action), "dossier-edit", (gpointer) edit);
      g_signal_connect_object (action, "activate", G_CALLBACK (edit_action), self, 0);
      g_action_map_add_action (G_ACTION_MAP (self->actions), G_ACTION (action));
    }
}

/* From the text: the reader's selection ----------------------------------- */

/* "A, B ; C" -> { "A", "B", "C" }: aliases are typed as a list. */
static GStrv
split_aliases (const char *text)
{
  g_auto(GStrv) parts = g_regex_split_simple ("[,;]", text != NULL ? text : "", 0, 0);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (*g_strstrip (parts[i]) != '\0')
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}

static void
create_entity (DossierCurator     *self,
               const char         *name,
               const char         *type_name,
               const char * const *aliases)
{
  g_autofree char *clean = g_strstrip (g_strdup (name));
  DossierEntityType type;

  if (*clean == '\0' || !dossier_entity_type_from_string (type_name, &type))
    return;
  push (self, dossier_edit_create_entity (clean, type, aliases));
}

typedef struct
{
  DossierCurator *self;
  GtkWidget      *name;
  GtkWidget      *type;
  GtkWidget      *aliases;
} CreateDialog;

static void
on_create_response (AdwMessageDialog *dialog,
                    const char       *response,
                    CreateDialog     *d)
{
  if (g_str_equal (response, "apply"))
    {
      guint type = gtk_drop_down_get_selected (GTK_DROP_DOWN (d->type));
      g_auto(GStrv) aliases = split_aliases (gtk_editable_get_text (GTK_EDITABLE (d->aliases)));

      if (type < G_N_ELEMENTS (entity_type_values) - 1)
        create_entity (d->self, gtk_editable_get_text (GTK_EDITABLE (d->name)),
                       entity_type_values[type], (const char * const *) aliases);
    }
  g_object_unref (d->self);
  g_free (d);
}

static GtkWidget *
labelled_row (GtkWidget  *box,
              const char *label,
              GtkWidget  *widget)
{
  GtkWidget *title = gtk_label_new_with_mnemonic (label);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), widget);
  gtk_widget_add_css_class (title, "caption-heading");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), widget);
  return widget;
}

/* One dialog for the three answers: name, type and aliases. */
static void
ask_create_entity (DossierCurator *self,
                   const char     *text)
{
  const char *labels[DOSSIER_N_ENTITY_TYPES + 1];
  CreateDialog *d = g_new0 (CreateDialog, 1);
  GtkWidget *dialog, *box;

  entity_type_labels (labels);
  d->self = g_object_ref (self);
  dialog = new_dialog (self, _("Create Actor"),
                       _("Every occurrence of the name and its aliases in the articles becomes a mention."),
                       _("C_reate"));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  d->name = labelled_row (box, _("_Name"), gtk_entry_new ());
  gtk_editable_set_text (GTK_EDITABLE (d->name), text);
  gtk_entry_set_activates_default (GTK_ENTRY (d->name), TRUE);
  d->type = labelled_row (box, _("_Type"), gtk_drop_down_new_from_strings (labels));
  d->aliases = labelled_row (box, _("_Aliases (separated by commas)"), gtk_entry_new ());
  gtk_entry_set_activates_default (GTK_ENTRY (d->aliases), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_signal_connect (dialog, "response", G_CALLBACK (on_create_response), d);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ["text"] asks for the rest; ["name", "type", "alias", …] creates it. */
static void
create_entity_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  DossierCurator *self = user_data;
  g_autofree const char **args = g_variant_get_strv (parameter, NULL);

  if (args[0] == NULL)
    return;
  if (args[1] == NULL)
    ask_create_entity (self, args[0]);
  else
    create_entity (self, args[0], args[1], &args[2]);
}

static void
do_alias_text (DossierCurator *self,
               const char     *answer)
{
  g_autofree char *text = g_steal_pointer (&self->pending_text);
  DossierEntity *entity = dossier_graph_lookup_entity (self->graph, answer);

  if (text == NULL || *text == '\0')
    return;
  if (entity == NULL)
    {
      no_such_actor (self, answer);
      return;
    }
  push (self, dossier_edit_add_text_alias (entity->name, entity->type, text));
}

/* ["text"] asks which actor it names; ["text", "actor"] marks it. */
static void
alias_text_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  DossierCurator *self = user_data;
  g_autofree const char **args = g_variant_get_strv (parameter, NULL);
  g_autofree char *body = NULL;
  DossierEntity *entity = main_entity (self);

  if (args[0] == NULL || self->graph == NULL)
    return;
  g_free (self->pending_text);
  self->pending_text = g_strstrip (g_strdup (args[0]));
  if (args[1] != NULL)
    {
      do_alias_text (self, args[1]);
      return;
    }

  /* Translators: the selected text */
  body = g_strdup_printf (_("Which actor does “%s” name? Its every occurrence becomes a mention of it."),
                          self->pending_text);
  ask (self, _("Mark as an Alias of…"), body, _("_Mark"), entity != NULL ? entity->name : "",
       NULL, NULL, 0, do_alias_text);
}

/* The reader's "Not an Actor": the actor named (or aliased) as selected. */
static void
not_entity_named_action (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  DossierCurator *self = user_data;
  g_autofree char *name = g_strstrip (g_strdup (arg (parameter)));
  DossierEntity *entity = self->graph != NULL ? dossier_graph_lookup_entity (self->graph, name) : NULL;

  if (entity == NULL)
    {
      no_such_actor (self, name);
      return;
    }
  push (self, dossier_edit_not_entity (entity->name));
}

/* A passage: (source, type, target, article id, start, end). */
static JsonObject *
passage_edit_from (GVariant *parameter)
{
  const char *source, *type_name, *target, *article;
  guint64 start, end;
  DossierRelationType type;

  g_variant_get (parameter, "(&s&s&s&stt)", &source, &type_name, &target, &article, &start, &end);
  if (!dossier_relation_type_from_string (type_name, &type))
    return NULL;
  return dossier_edit_passage ("reject-passage", source, type, target, article, start, end);
}

static void
reject_passage_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  JsonObject *edit = passage_edit_from (parameter);

  if (edit != NULL)
    push (user_data, edit);
}

static void
restore_passage_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  g_autoptr(JsonObject) reject = passage_edit_from (parameter);

  if (reject != NULL)
    push (user_data, dossier_edit_invert (reject));
}

/* The gazetteer ------------------------------------------------------------ */

/* The user's files changed, or were edited on disk: extract again. */
static void
reload_gazetteer_action (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  g_signal_emit (user_data, signals[GAZETTEER_CHANGED], 0);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  DossierCurator *self = user_data;

  gtk_window_present (GTK_WINDOW (dossier_preferences_new (self->parent, self)));
}

static void
undo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  DossierCurator *self = user_data;

  if (dossier_curation_undo (self->curation))
    reapply (self, TRUE);
}

static void
redo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  DossierCurator *self = user_data;

  if (dossier_curation_redo (self->curation))
    reapply (self, TRUE);
}

static const GActionEntry action_entries[] = {
  { "create-entity", create_entity_action, "as" },
  { "alias-text", alias_text_action, "as" },
  { "not-entity-named", not_entity_named_action, "s" },
  { "reject-passage", reject_passage_action, "(sssstt)" },
  { "restore-passage", restore_passage_action, "(sssstt)" },
  { "reload-gazetteer", reload_gazetteer_action },
  { "preferences", preferences_action },
  { "undo", undo_action },
  { "redo", redo_action },
};

/* Object ----------------------------------------------------------------- */

static void
dossier_curator_dispose (GObject *object)
{
  DossierCurator *self = DOSSIER_CURATOR (object);

  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);
  g_clear_object (&self->actions);
  g_clear_object (&self->undo_menu);
  g_clear_weak_pointer (&self->parent);

  G_OBJECT_CLASS (dossier_curator_parent_class)->dispose (object);
}

static void
dossier_curator_finalize (GObject *object)
{
  DossierCurator *self = DOSSIER_CURATOR (object);

  if (self->session != NULL)
    dossier_session_set_curation (self->session, NULL);
  g_clear_object (&self->session);
  g_clear_pointer (&self->curation, dossier_curation_free);
  g_clear_pointer (&self->graph, dossier_graph_unref);
  g_clear_pointer (&self->entities, g_array_unref);
  g_clear_pointer (&self->rejected, g_array_unref);
  g_free (self->path);
  g_free (self->pending_target);
  g_free (self->pending_text);
  g_free (self->gazetteer);

  G_OBJECT_CLASS (dossier_curator_parent_class)->finalize (object);
}

static void
dossier_curator_class_init (DossierCuratorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dossier_curator_dispose;
  object_class->finalize = dossier_curator_finalize;

  signals[GRAPH_CHANGED] = g_signal_new ("graph-changed",
                                         G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);
  signals[PROBLEM] = g_signal_new ("problem",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_STRING);
  /* The actors created changed: extract again (dossier_curator_build_gazetteer). */
  signals[GAZETTEER_CHANGED] = g_signal_new ("gazetteer-changed",
                                             G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 0);
}

static void
dossier_curator_init (DossierCurator *self)
{
  self->session = dossier_session_new ();
  self->curation = dossier_curation_new ();
  self->entities = g_array_new (FALSE, FALSE, sizeof (guint));
  self->relation = -1;
  self->article = -1;
  self->actions = g_simple_action_group_new ();
  add_edit_actions (self);
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), action_entries,
                                   G_N_ELEMENTS (action_entries), self);
  self->undo_menu = g_menu_new ();
  update_actions (self);
}

DossierCurator *
dossier_curator_new (void)
{
  return g_object_new (DOSSIER_TYPE_CURATOR, NULL);
}

void
dossier_curator_set_session (DossierCurator *self,
                             DossierSession *session)
{
  g_return_if_fail (DOSSIER_IS_CURATOR (self));
  g_return_if_fail (DOSSIER_IS_SESSION (session));

  dossier_session_set_curation (self->session, NULL);
  g_set_object (&self->session, session);
}

/* Another window or process saved the edits file: take its edits in. Our
 * own saves come back here too, and change nothing. */
static void
on_project_changed (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other,
                    GFileMonitorEvent  event,
                    DossierCurator    *self)
{
  g_autoptr(GError) error = NULL;
  gboolean changed = FALSE;

  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT &&
      event != G_FILE_MONITOR_EVENT_CREATED &&
      event != G_FILE_MONITOR_EVENT_RENAMED &&
      event != G_FILE_MONITOR_EVENT_MOVED_IN &&
      event != G_FILE_MONITOR_EVENT_DELETED)
    return;
  if (self->path == NULL || dossier_session_get_extracted (self->session) == NULL)
    return;

  /* A file half written by an older Dossier reads as corrupt: wait for the next event. */
  if (!dossier_curation_reload (self->curation, self->path, &changed, &error))
    {
      g_debug ("Not reloading %s: %s", self->path, error->message);
      return;
    }
  if (changed)
    reapply_in_background (self);
}

static void
watch_path (DossierCurator *self)
{
  g_autoptr(GFile) file = NULL;

  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);
  if (self->path == NULL)
    return;

  /* Saves rename a new file over the old one: watch moves too. */
  file = g_file_new_for_path (self->path);
  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect (self->monitor, "changed", G_CALLBACK (on_project_changed), self);
}

void
dossier_curator_set_extracted (DossierCurator *self,
                               DossierGraph   *extracted)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (DOSSIER_IS_CURATOR (self));
  g_return_if_fail (extracted != NULL);

  /* The window's session loaded it; a test hands one in. */
  if (dossier_session_get_extracted (self->session) != extracted)
    dossier_session_set_extracted (self->session, extracted);

  g_clear_pointer (&self->path, g_free);
  if (extracted->corpus->roots != NULL)
    self->path = dossier_curation_path_for_corpus ((const char * const *) extracted->corpus->roots);

  dossier_session_set_curation (self->session, NULL);
  dossier_curation_free (self->curation);
  self->curation = dossier_curation_new ();
  if (self->path != NULL && !dossier_curation_load (self->curation, self->path, &error))
    g_signal_emit (self, signals[PROBLEM], 0, error->message);

  /* The extractor had these entries (the loading thread peeked at the file). */
  g_free (self->gazetteer);
  self->gazetteer = dossier_curation_to_gazetteer (self->curation);

  watch_path (self);
  reapply (self, FALSE);
}

GArray *
dossier_curator_get_rejected (DossierCurator *self)
{
  g_return_val_if_fail (DOSSIER_IS_CURATOR (self), NULL);
  return self->rejected;
}

char *
dossier_curator_dup_gazetteer (DossierCurator *self)
{
  g_return_val_if_fail (DOSSIER_IS_CURATOR (self), NULL);
  return dossier_curation_to_gazetteer (self->curation);
}

gboolean
dossier_curator_save_gazetteer (DossierCurator  *self,
                                const char      *path,
                                GError         **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (DOSSIER_IS_CURATOR (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  text = dossier_curation_to_gazetteer (self->curation);
  return g_file_set_contents (path, text, -1, error);
}

DossierGraph *
dossier_curator_get_graph (DossierCurator *self)
{
  g_return_val_if_fail (DOSSIER_IS_CURATOR (self), NULL);
  return self->graph;
}

GActionGroup *
dossier_curator_get_actions (DossierCurator *self)
{
  g_return_val_if_fail (DOSSIER_IS_CURATOR (self), NULL);
  return G_ACTION_GROUP (self->actions);
}

GMenuModel *
dossier_curator_get_undo_menu (DossierCurator *self)
{
  g_return_val_if_fail (DOSSIER_IS_CURATOR (self), NULL);
  return G_MENU_MODEL (self->undo_menu);
}

const char *
dossier_curator_get_path (DossierCurator *self)
{
  g_return_val_if_fail (DOSSIER_IS_CURATOR (self), NULL);
  return self->path;
}

GArray *
dossier_curator_suggest_duplicates (DossierCurator *self)
{
  g_auto(GStrv) distinct = NULL;

  g_return_val_if_fail (DOSSIER_IS_CURATOR (self), NULL);

  if (self->graph == NULL)
    return g_array_new (FALSE, FALSE, sizeof (DossierSuggestion));
  distinct = dossier_curation_dup_distinct (self->curation);
  return dossier_suggest_duplicates (self->graph, (const char * const *) distinct);
}

void
dossier_curator_set_parent (DossierCurator *self,
                            GtkWindow      *parent)
{
  g_return_if_fail (DOSSIER_IS_CURATOR (self));
  g_set_weak_pointer (&self->parent, parent);
}

void
dossier_curator_set_selection (DossierCurator *self,
                               const guint    *entities,
                               guint           n_entities,
                               int             relation,
                               int             article,
                               gsize           passage_start,
                               gsize           passage_end)
{
  g_return_if_fail (DOSSIER_IS_CURATOR (self));

  g_array_set_size (self->entities, 0);
  for (guint i = 0; i < n_entities; i++)
    {
      if (self->graph != NULL && entities[i] < self->graph->entities->len)
        g_array_append_val (self->entities, entities[i]);
    }
  self->relation = relation;
  self->article = article;
  self->passage_start = passage_start;
  self->passage_end = passage_end;

  update_actions (self);
}
