/* dossier-curation.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* An analyst's corrections to the extracted graph: a list of edits keyed
 * by stable identities (canonical names, article ids and offsets), so they
 * apply again after the articles are re-read and the extractor changes.
 * Undo and redo move edits between the list and a redo stack.
 *
 * The project file is JSON:
 *   {"format": "dossier-project", "version": 1, "edits": [{"op": "rename", ...}, ...]}
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "dossier-gazetteer.h"
#include "dossier-graph.h"

G_BEGIN_DECLS

#define DOSSIER_CURATION_ERROR (dossier_curation_error_quark ())

typedef enum
{
  DOSSIER_CURATION_ERROR_CORRUPT,  /* not a project file we can read */
  DOSSIER_CURATION_ERROR_NEWER,    /* written by a newer Dossier */
} DossierCurationError;

#define DOSSIER_CURATION_VERSION 1

typedef struct _DossierCuration DossierCuration;

GQuark            dossier_curation_error_quark   (void);

DossierCuration  *dossier_curation_new           (void);
void              dossier_curation_free          (DossierCuration  *curation);
/* A copy of the edits that shares nothing with @curation (neither the redo
 * stack nor what the file held): another thread may apply it. */
DossierCuration  *dossier_curation_copy          (DossierCuration  *curation);

/* Where a corpus keeps its edits: beside the articles when the folder is
 * writable and not the default corpus, else in the user's data folder,
 * keyed by the folder. */
char             *dossier_curation_path_for_corpus (const char * const *roots);

/* Reads a project file.  A missing file is an empty curation.  A corrupt
 * or newer file is copied aside (its name + ".bak") and reported; the
 * curation is then empty and saving will not lose the original. */
gboolean          dossier_curation_load          (DossierCuration  *curation,
                                                  const char       *path,
                                                  GError          **error);
/* The edits of @path read without a word: an unreadable or corrupt file
 * gives an empty curation and is left alone (dossier_curation_load()
 * reports and sets it aside).  For the extraction that precedes loading. */
DossierCuration  *dossier_curation_peek          (const char       *path);
/* Takes in the edits another process saved in @path since this curation
 * last read or saved it, and drops those it undid; edits not saved yet
 * stay.  @changed says whether the list of edits changed (apply again). */
gboolean          dossier_curation_reload        (DossierCuration  *curation,
                                                  const char       *path,
                                                  gboolean         *changed,
                                                  GError          **error);
/* Replaces @path atomically (never through a symbolic link), after taking
 * in what other processes saved there (see dossier_curation_reload), under
 * a lock of its folder.  On failure the file is as it was and the edits
 * stay in memory. */
gboolean          dossier_curation_save          (DossierCuration  *curation,
                                                  const char       *path,
                                                  GError          **error);

/* Appends an edit (takes ownership of @edit, a JSON object) and clears
 * the redo stack. */
void              dossier_curation_push          (DossierCuration  *curation,
                                                  JsonObject       *edit);
gboolean          dossier_curation_can_undo      (DossierCuration  *curation);
gboolean          dossier_curation_can_redo      (DossierCuration  *curation);
gboolean          dossier_curation_undo          (DossierCuration  *curation);
gboolean          dossier_curation_redo          (DossierCuration  *curation);
/* A translated name of the edit that undo (redo) would act on, or NULL. */
char             *dossier_curation_undo_label    (DossierCuration  *curation);
char             *dossier_curation_redo_label    (DossierCuration  *curation);
guint             dossier_curation_get_n_edits   (DossierCuration  *curation);
/* A translated one-line description of an edit. */
char             *dossier_edit_describe          (JsonObject       *edit);

/* Builds a new graph: @extracted with every edit applied in order.  Article
 * titles and dates corrected are in the new graph's corpus, made of copies
 * of those articles: @extracted's corpus is never changed, so other threads
 * may read it meanwhile.  @problems, when given, receives one
 * translated line per edit whose target no longer exists. */
DossierGraph     *dossier_curation_apply         (DossierCuration  *curation,
                                                  DossierGraph     *extracted,
                                                  GPtrArray       **problems);

/* One passage taken out of its relation by a "reject-passage" edit, on the
 * entity ids of the graph dossier_curation_apply_full() returned. */
typedef struct
{
  guint               source;
  guint               target;
  DossierRelationType type;
  DossierEvidence     evidence;
} DossierRejectedPassage;

/* The same, and @rejected (when given) receives the DossierRejectedPassage
 * of every passage rejected on its own. */
DossierGraph     *dossier_curation_apply_full    (DossierCuration  *curation,
                                                  DossierGraph     *extracted,
                                                  GPtrArray       **problems,
                                                  GArray          **rejected);

/* The actors the user created and the aliases marked in the text, as the
 * lines of a gazetteer file (empty when there are none): what the extractor
 * needs to find their every occurrence.  Also what "export as .gaz" writes. */
char             *dossier_curation_to_gazetteer  (DossierCuration  *curation);
/* Adds those entries to @gazetteer; call it before dossier_extract(). */
gboolean          dossier_curation_extend_gazetteer (DossierCuration   *curation,
                                                     DossierGazetteer  *gazetteer,
                                                     GError           **error);

/* The edit that takes @edit back as a new edit (hide and show, add and
 * remove an alias, reject and restore a passage), or NULL. */
JsonObject       *dossier_edit_invert            (JsonObject       *edit);

/* Edit constructors.  Entities are named by their canonical name. */
JsonObject *dossier_edit_rename          (const char          *entity,
                                          const char          *new_name);
JsonObject *dossier_edit_retype          (const char          *entity,
                                          DossierEntityType    type);
JsonObject *dossier_edit_add_alias       (const char          *entity,
                                          const char          *alias);
JsonObject *dossier_edit_remove_alias    (const char          *entity,
                                          const char          *alias);
/* Merges every entity of @others into @into. */
JsonObject *dossier_edit_merge           (const char          *into,
                                          const char * const  *others);
/* Moves the mentions written @alias out of @entity into a new entity. */
JsonObject *dossier_edit_split_alias     (const char          *entity,
                                          const char          *alias);
JsonObject *dossier_edit_hide            (const char          *entity,
                                          gboolean             hidden);
JsonObject *dossier_edit_not_entity      (const char          *entity);
JsonObject *dossier_edit_retype_relation (const char          *source,
                                          DossierRelationType  type,
                                          const char          *target,
                                          DossierRelationType  new_type);
JsonObject *dossier_edit_reverse_relation (const char         *source,
                                           DossierRelationType type,
                                           const char         *target);
JsonObject *dossier_edit_reject_relation (const char          *source,
                                          DossierRelationType  type,
                                          const char          *target);
/* An edit of a relation through one passage [start, end) of @article_id:
 * @op "add-relation", a relation the text implies, backed by the passage;
 * "reject-passage", the passage out of the relation's evidence
 * (dossier_edit_invert() gives the edit that restores it). */
JsonObject *dossier_edit_passage         (const char          *op,
                                          const char          *source,
                                          DossierRelationType  type,
                                          const char          *target,
                                          const char          *article_id,
                                          gsize                start,
                                          gsize                end);
/* An actor the extractor missed: its every occurrence, and its aliases',
 * become mentions once extracted again (dossier_curation_extend_gazetteer). */
JsonObject *dossier_edit_create_entity   (const char          *name,
                                          DossierEntityType    type,
                                          const char * const  *aliases);
/* An alias marked in the text: like dossier_edit_add_alias(), and its
 * occurrences become mentions of @entity (of @type) when extracted again. */
JsonObject *dossier_edit_add_text_alias  (const char          *entity,
                                          DossierEntityType    type,
                                          const char          *alias);
JsonObject *dossier_edit_set_article_title (const char        *article_id,
                                            const char        *title);
JsonObject *dossier_edit_set_article_date  (const char        *article_id,
                                            const DossierDate *date);
/* Says that @a and @b are two actors: no merge suggestion pairs them
 * (the graph is unchanged). */
JsonObject *dossier_edit_not_same          (const char        *a,
                                            const char        *b);
/* The names of every not-same edit in force, two by two, NULL-terminated. */
char      **dossier_curation_dup_distinct  (DossierCuration   *curation);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierCuration, dossier_curation_free)

G_END_DECLS
