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

const char *
dossier_entity_type_label (DossierEntityType type)
{
  switch (type)
    {
    case DOSSIER_ENTITY_COMPANY:    return _("Company");
    case DOSSIER_ENTITY_MEDIA:      return _("Media");
    case DOSSIER_ENTITY_PERSON:     return _("Person");
    case DOSSIER_ENTITY_GOVERNMENT: return _("Government");
    case DOSSIER_N_ENTITY_TYPES:
    default:                        return _("Unknown");
    }
}

const char *
dossier_relation_type_label (DossierRelationType type)
{
  switch (type)
    {
    case DOSSIER_RELATION_OWNS:           return _("owns");
    case DOSSIER_RELATION_ACQUIRES:       return _("acquires");
    case DOSSIER_RELATION_PARTNERS:       return _("partners with");
    case DOSSIER_RELATION_SUPPLIES:       return _("supplies");
    case DOSSIER_RELATION_LEADS:          return _("leads");
    case DOSSIER_RELATION_SUPPORTS:       return _("supports");
    case DOSSIER_RELATION_OPPOSES:        return _("opposes");
    case DOSSIER_RELATION_REGULATES:      return _("regulates");
    case DOSSIER_RELATION_NEGOTIATES:     return _("negotiates with");
    case DOSSIER_RELATION_WITHDRAWS:      return _("withdraws from");
    case DOSSIER_RELATION_REPORTS:        return _("reports on");
    case DOSSIER_RELATION_MENTIONED_WITH: return _("mentioned with");
    case DOSSIER_N_RELATION_TYPES:
    default:                              return _("related to");
    }
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
