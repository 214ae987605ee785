/* dossier-labels.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Translated, human words for the core's enums and dates, shared by the
 * widgets of the window. */

#pragma once

#include "dossier-graph.h"

G_BEGIN_DECLS

const char *dossier_entity_type_label   (DossierEntityType    type);
const char *dossier_relation_type_label (DossierRelationType  type);
/* The date in the locale's format, to its precision; "undated" when unknown. */
char       *dossier_date_format         (const DossierDate   *date);
/* "61 mentions in 5 articles" and the like. */
char       *dossier_entity_summary      (const DossierEntity *entity);

G_END_DECLS
