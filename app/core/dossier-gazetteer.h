/* dossier-gazetteer.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The curated list of known actors: canonical name, type, aliases and
 * descriptive forms, matched longest-first over folded text in one pass. */

#pragma once

#include <gio/gio.h>

#include "dossier-fold.h"

G_BEGIN_DECLS

#define DOSSIER_GAZETTEER_ERROR (dossier_gazetteer_error_quark ())

/* Bumped whenever matching, discovery or relation rules change, so that
 * caches keyed by dossier_gazetteer_get_checksum() are invalidated. */
#define DOSSIER_EXTRACTION_RULES "dossier-rules-24"

typedef enum
{
  DOSSIER_GAZETTEER_ERROR_PARSE,
} DossierGazetteerError;

typedef struct
{
  const char        *canonical;  /* owned by the gazetteer */
  DossierEntityType  type;
  const char        *leads;      /* canonical name of the organisation or state a
                                  * person heads ("leads=" field), or NULL */
  const char        *title;      /* folded role noun that stands for the person
                                  * when last named ("title=président"), or NULL */
} DossierGazetteerEntry;

/* One match in a text: [start, end) in the original text's bytes. */
typedef struct
{
  gsize                        start;
  gsize                        end;
  const DossierGazetteerEntry *entry;
  gboolean                     descriptive;  /* "le groupe de Redmond", not a name */
  guint                        first_token;  /* token range, for _match_tokens */
  guint                        end_token;
} DossierGazetteerMatch;

GQuark             dossier_gazetteer_error_quark (void);

DossierGazetteer  *dossier_gazetteer_new          (void);
void               dossier_gazetteer_free         (DossierGazetteer  *gazetteer);

/* The gazetteer shipped in data/ (installed, or the source tree when run
 * uninstalled; DOSSIER_DATA_DIR overrides). */
DossierGazetteer  *dossier_gazetteer_new_default  (GError           **error);

/* Adds entries from a gazetteer file; later files extend earlier ones. */
gboolean           dossier_gazetteer_load_file    (DossierGazetteer  *gazetteer,
                                                   const char        *path,
                                                   GError           **error);
gboolean           dossier_gazetteer_load_data    (DossierGazetteer  *gazetteer,
                                                   const char        *data,
                                                   gsize              len,
                                                   const char        *source_name,
                                                   GError           **error);

/* Finds every entry in text[0, len), longest first, no overlaps.
 * Returns an array of DossierGazetteerMatch in text order. */
GArray            *dossier_gazetteer_match        (DossierGazetteer  *gazetteer,
                                                   const char        *text,
                                                   gsize              len);

/* The same over tokens already made (dossier_tokenize) from @folded,
 * between token @first and @end; appends to @matches. */
void               dossier_gazetteer_match_tokens (DossierGazetteer    *gazetteer,
                                                   const DossierFolded *folded,
                                                   const DossierToken  *tokens,
                                                   guint                first,
                                                   guint                end,
                                                   GArray              *matches);

/* The number of forms (names, aliases, descriptive forms) known. */
guint              dossier_gazetteer_get_n_forms  (DossierGazetteer  *gazetteer);

/* An entry by canonical name or alias (folded comparison), or NULL. */
const DossierGazetteerEntry *
                   dossier_gazetteer_lookup       (DossierGazetteer  *gazetteer,
                                                   const char        *name);

/* The folder of the shipped .gaz files ($DOSSIER_DATA_DIR, installed or
 * in the source tree). */
char              *dossier_gazetteer_default_dir  (void);

/* Changes whenever the shipped data or the matching rules change;
 * extraction caches are keyed by it. */
const char        *dossier_gazetteer_get_checksum (DossierGazetteer  *gazetteer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierGazetteer, dossier_gazetteer_free)

G_END_DECLS
