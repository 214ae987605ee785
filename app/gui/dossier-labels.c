/* dossier-labels.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-labels"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-labels.h"
#include "dossier-style.h"

/* The words live in the core, so exported legends say what the window says. */
const char *
dossier_entity_type_label (DossierEntityType type)
{
  return dossier_style_entity_label (type);
}

const char *
dossier_relation_type_label (DossierRelationType type)
{
  return dossier_style_relation_label (type);
}

char *
dossier_date_format (const DossierDate *date)
{
  g_autoptr(GDateTime) dt = NULL;

  if (date == NULL || date->precision == DOSSIER_DATE_PRECISION_NONE || date->year <= 0)
    return g_strdup (_("undated"));

  dt = g_date_time_new_utc (date->year,
                            date->month ? date->month : 1,
                            date->day ? date->day : 1,
                            0, 0, 0);
  if (dt == NULL)
    return g_strdup (_("undated"));

  switch (date->precision)
    {
    case DOSSIER_DATE_PRECISION_YEAR:
      return g_date_time_format (dt, "%Y");
    case DOSSIER_DATE_PRECISION_MONTH:
      /* TRANSLATORS: a month and year, see strftime(3) */
      return g_date_time_format (dt, C_("month date format", "%B %Y"));
    case DOSSIER_DATE_PRECISION_DAY:
    case DOSSIER_DATE_PRECISION_NONE:
    default:
      /* TRANSLATORS: a full date, see strftime(3) */
      return g_date_time_format (dt, C_("day date format", "%-d %B %Y"));
    }
}

char *
dossier_entity_summary (const DossierEntity *entity)
{
  guint n_mentions = entity->mentions->len;
  guint n_articles = dossier_entity_count_articles (entity);
  g_autofree char *mentions = NULL;

  mentions = g_strdup_printf (g_dngettext (NULL, "%u mention", "%u mentions", n_mentions), n_mentions);
  /* TRANSLATORS: "%s" is "N mentions" */
  return g_strdup_printf (g_dngettext (NULL, "%s in %u article", "%s in %u articles", n_articles),
                          mentions, n_articles);
}
