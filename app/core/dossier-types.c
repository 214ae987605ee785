/* dossier-types.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-types"

#include "config.h"

#include <string.h>

#include "dossier-enums.h"
#include "dossier-types.h"

/* The enums' nicks (dossier-enums.c, made by glib-mkenums from
 * dossier-types.h) are the JSON contract and the CLI's vocabulary: never
 * rename one, add new ones. */
const char *
dossier_enum_to_nick (GType type,
                      int   value)
{
  /* The classes of static types live as long as the process. */
  GEnumClass *klass = g_type_class_peek (type);
  GEnumValue *ev;

  if (klass == NULL)
    klass = g_type_class_ref (type);
  ev = g_enum_get_value (klass, value);
  return ev != NULL ? ev->value_nick : NULL;
}

/* Case does not matter: "Company" is "company". */
gboolean
dossier_enum_from_nick (GType       type,
                        const char *nick,
                        int        *value)
{
  GEnumClass *klass;
  GEnumValue *ev;
  char lower[32];
  gsize len;

  if (nick == NULL || (len = strlen (nick)) >= sizeof lower)
    return FALSE;
  for (gsize i = 0; i <= len; i++)
    lower[i] = g_ascii_tolower (nick[i]);

  if ((klass = g_type_class_peek (type)) == NULL)
    klass = g_type_class_ref (type);
  if ((ev = g_enum_get_value_by_nick (klass, lower)) == NULL)
    return FALSE;
  *value = ev->value;
  return TRUE;
}

/* The converters of one enum, through its nicks. */
#define ENUM_STRINGS(name, Type, gtype, n_values)                        \
  const char *                                                           \
  dossier_##name##_to_string (Type value)                                \
  {                                                                      \
    g_return_val_if_fail (value < n_values, NULL);                       \
    return dossier_enum_to_nick (gtype, value);                          \
  }                                                                      \
                                                                         \
  gboolean                                                               \
  dossier_##name##_from_string (const char *str,                         \
                                Type       *value)                       \
  {                                                                      \
    int v;                                                               \
                                                                         \
    if (!dossier_enum_from_nick (gtype, str, &v))                        \
      return FALSE;                                                      \
    *value = v;                                                          \
    return TRUE;                                                         \
  }

ENUM_STRINGS (entity_type, DossierEntityType, DOSSIER_TYPE_ENTITY_TYPE, DOSSIER_N_ENTITY_TYPES)
ENUM_STRINGS (relation_type, DossierRelationType, DOSSIER_TYPE_RELATION_TYPE, DOSSIER_N_RELATION_TYPES)

#undef ENUM_STRINGS

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
  return dossier_enum_to_nick (DOSSIER_TYPE_SECTION_KIND, kind);
}
