/* suggest-test-util.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Finding a merge suggestion by the names of its pair. */

#pragma once

#include "dossier-suggest.h"

/* The suggestion that merges @other into @keep, or NULL. */
static inline const DossierSuggestion *
test_find_suggestion (DossierGraph *graph,
                      GArray       *suggestions,
                      const char   *keep,
                      const char   *other)
{
  for (guint i = 0; i < suggestions->len; i++)
    {
      const DossierSuggestion *s = &g_array_index (suggestions, DossierSuggestion, i);

      if (g_str_equal (dossier_graph_get_entity (graph, s->keep)->name, keep) &&
          g_str_equal (dossier_graph_get_entity (graph, s->other)->name, other))
        return s;
    }
  return NULL;
}
