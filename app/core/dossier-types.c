/* dossier-types.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-types"

#include "config.h"

#include <string.h>

#include "dossier-types.h"

/* These strings are the JSON contract and the CLI's vocabulary: never
 * translate or rename them. */
static const char * const entity_types[DOSSIER_N_ENTITY_TYPES] = {
  "company", "media", "person", "government",
};

static const char * const relation_types[DOSSIER_N_RELATION_TYPES] = {
  "owns", "acquires", "partners", "supplies", "leads", "supports",
  "opposes", "regulates", "negotiates", "withdraws", "reports",
  "mentioned_with",
};

const char *
dossier_entity_type_to_string (DossierEntityType type)
{
  g_return_val_if_fail (type < DOSSIER_N_ENTITY_TYPES, NULL);
  return entity_types[type];
}

gboolean
dossier_entity_type_from_string (const char        *str,
                                 DossierEntityType *type)
{
  for (guint i = 0; str != NULL && i < DOSSIER_N_ENTITY_TYPES; i++)
    {
      if (g_ascii_strcasecmp (str, entity_types[i]) == 0)
        {
          *type = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
dossier_relation_type_to_string (DossierRelationType type)
{
  g_return_val_if_fail (type < DOSSIER_N_RELATION_TYPES, NULL);
  return relation_types[type];
}

gboolean
dossier_relation_type_from_string (const char          *str,
                                   DossierRelationType *type)
{
  for (guint i = 0; str != NULL && i < DOSSIER_N_RELATION_TYPES; i++)
    {
      if (g_ascii_strcasecmp (str, relation_types[i]) == 0)
        {
          *type = i;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
dossier_relation_type_is_symmetric (DossierRelationType type)
{
  return type == DOSSIER_RELATION_PARTNERS ||
         type == DOSSIER_RELATION_NEGOTIATES ||
         type == DOSSIER_RELATION_MENTIONED_WITH;
}

const char *
dossier_section_kind_to_string (DossierSectionKind kind)
{
  switch (kind)
    {
    case DOSSIER_SECTION_FURNITURE:
      return "furniture";
    case DOSSIER_SECTION_TITLE:
      return "title";
    case DOSSIER_SECTION_BODY:
      return "body";
    case DOSSIER_SECTION_COMMENTS:
      return "comments";
    default:
      g_return_val_if_reached (NULL);
    }
}
