/* dossier-passage-list.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "dossier-filter.h"

G_BEGIN_DECLS

/* One entry of the list: a sentence of an article, with the spans to
 * highlight in it.  Offsets are bytes into the article's text. */
typedef struct
{
  guint                article;
  gsize                start;
  gsize                end;
  GArray              *highlights;  /* DossierRange, sorted */
  DossierDate          date;
  DossierSectionKind   section;
  DossierEvidenceFlags flags;
  int                  relation;    /* relation id for evidence, else -1 */
  int                  rejected;    /* a passage rejected on its own: its index in the
                                     * rejected passages, else -1 */
} DossierPassage;

#define DOSSIER_TYPE_PASSAGE_LIST (dossier_passage_list_get_type ())

G_DECLARE_FINAL_TYPE (DossierPassageList, dossier_passage_list, DOSSIER, PASSAGE_LIST, GtkWidget)

GtkWidget            *dossier_passage_list_new           (void);
void                  dossier_passage_list_show_entity   (DossierPassageList *self,
                                                          DossierSubgraph    *subgraph,
                                                          guint               entity);
void                  dossier_passage_list_show_relation (DossierPassageList *self,
                                                          DossierSubgraph    *subgraph,
                                                          guint               relation);
void                  dossier_passage_list_clear         (DossierPassageList *self);
guint                 dossier_passage_list_get_n_passages (DossierPassageList *self);
/* (transfer none) */
const DossierPassage *dossier_passage_list_get_passage   (DossierPassageList *self,
                                                          guint               index);
/* Activates the row of passage @index, as a click would. */
void                  dossier_passage_list_activate      (DossierPassageList *self,
                                                          guint               index);
/* The citation text of passage @index (quote, title, date, file). */
char                 *dossier_passage_list_dup_citation  (DossierPassageList *self,
                                                          guint               index);
void                  dossier_passage_list_focus_first   (DossierPassageList *self);
/* The passages rejected one by one (DossierRejectedPassage on @graph's
 * ids), listed under "Show Rejected" while the subgraph shown is on @graph. */
void                  dossier_passage_list_set_rejected  (DossierPassageList *self,
                                                          DossierGraph       *graph,
                                                          GArray             *rejected);

G_END_DECLS
