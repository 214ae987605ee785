/* dossier-article-reader.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "dossier-graph.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_ARTICLE_READER (dossier_article_reader_get_type ())

G_DECLARE_FINAL_TYPE (DossierArticleReader, dossier_article_reader, DOSSIER, ARTICLE_READER, GtkWidget)

GtkWidget   *dossier_article_reader_new           (void);
/* Shows the whole article, the passage [@start, @end) (bytes) highlighted
 * and scrolled to, every mention of a known entity underlined. */
void         dossier_article_reader_show          (DossierArticleReader *self,
                                                   DossierGraph         *graph,
                                                   guint                 article,
                                                   gsize                 start,
                                                   gsize                 end);
GtkTextView *dossier_article_reader_get_text_view (DossierArticleReader *self);
/* The article shown, or -1. */
int          dossier_article_reader_get_article   (DossierArticleReader *self);
/* The entity whose underlined mention covers character @offset, or -1. */
int          dossier_article_reader_entity_at     (DossierArticleReader *self,
                                                   int                   offset);
/* Emits "entity-activated" as a click on the mention at @offset would. */
gboolean     dossier_article_reader_activate_at   (DossierArticleReader *self,
                                                   int                   offset);

/* FALSE while the reader is still scrolling to the passage. */
gboolean     dossier_article_reader_is_settled    (DossierArticleReader *self);

G_END_DECLS
