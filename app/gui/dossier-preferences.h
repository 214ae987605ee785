/* dossier-preferences.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The preferences: the user's own gazetteer files (kept in GSettings,
 * read by every extraction the window runs) and the export of the actors
 * created in the window as a .gaz file for other corpora and dossier-cli. */

#pragma once

#include <adwaita.h>

#include "dossier-curator.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_PREFERENCES (dossier_preferences_get_type ())

G_DECLARE_FINAL_TYPE (DossierPreferences, dossier_preferences, DOSSIER, PREFERENCES, AdwPreferencesWindow)

/* Changes to the files go through @curator's "reload-gazetteer" action. */
DossierPreferences *dossier_preferences_new          (GtkWindow          *parent,
                                                      DossierCurator     *curator);
/* Adds a gazetteer file (refused with the loader's message when it does
 * not read), removes one, and says the extraction should run again. */
gboolean            dossier_preferences_add_file     (DossierPreferences *self,
                                                      const char         *path,
                                                      GError            **error);
void                dossier_preferences_remove_file  (DossierPreferences *self,
                                                      const char         *path);

/* The user's gazetteer files (NULL-terminated, maybe empty); any thread. */
GStrv               dossier_preferences_dup_gazetteers (void);

G_END_DECLS
