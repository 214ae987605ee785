/* dossier-types.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Shared enums and plain records of the display-free core.  Every stage
 * passes these along; nothing here knows about GTK.
 *
 * Offsets are byte offsets into an article's text as loaded: converted to
 * UTF-8, line ends normalised to '\n', a BOM removed.  That text is what
 * the reader shows, so an offset means the same thing everywhere.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _DossierArticle  DossierArticle;
typedef struct _DossierCorpus   DossierCorpus;
typedef struct _DossierGazetteer DossierGazetteer;
typedef struct _DossierGraph    DossierGraph;
typedef struct _DossierEntity   DossierEntity;
typedef struct _DossierRelation DossierRelation;
typedef struct _DossierFilter   DossierFilter;
typedef struct _DossierSubgraph DossierSubgraph;
typedef struct _DossierLayout   DossierLayout;

typedef enum
{
  DOSSIER_SECTION_FURNITURE,  /* page chrome: menus, tags, bylines, footers */
  DOSSIER_SECTION_TITLE,
  DOSSIER_SECTION_BODY,
  DOSSIER_SECTION_COMMENTS,   /* reader comments */
} DossierSectionKind;

typedef enum
{
  DOSSIER_DATE_PRECISION_NONE,
  DOSSIER_DATE_PRECISION_YEAR,
  DOSSIER_DATE_PRECISION_MONTH,
  DOSSIER_DATE_PRECISION_DAY,
} DossierDatePrecision;

/* A calendar date known to some precision; fields below the precision are 0. */
typedef struct
{
  gint16               year;
  guint8               month;  /* 1..12, or 0 */
  guint8               day;    /* 1..31, or 0 */
  DossierDatePrecision precision;
} DossierDate;

typedef struct
{
  gsize start;
  gsize end;
} DossierRange;

typedef struct
{
  gsize              start;
  gsize              end;
  DossierSectionKind kind;
} DossierSection;

typedef struct
{
  gsize              start;
  gsize              end;
  DossierSectionKind section;
} DossierSentence;

/* A date expression found inside the text ("6 août", "February 19, 2021"). */
typedef struct
{
  gsize       start;
  gsize       end;
  DossierDate date;
} DossierDateMention;

typedef enum
{
  DOSSIER_ENTITY_COMPANY,
  DOSSIER_ENTITY_MEDIA,
  DOSSIER_ENTITY_PERSON,
  DOSSIER_ENTITY_GOVERNMENT,
  DOSSIER_N_ENTITY_TYPES /*< skip >*/
} DossierEntityType;

typedef enum
{
  DOSSIER_RELATION_OWNS,
  DOSSIER_RELATION_ACQUIRES,
  DOSSIER_RELATION_PARTNERS,
  DOSSIER_RELATION_SUPPLIES,
  DOSSIER_RELATION_LEADS,
  DOSSIER_RELATION_SUPPORTS,
  DOSSIER_RELATION_OPPOSES,
  DOSSIER_RELATION_REGULATES,
  DOSSIER_RELATION_NEGOTIATES,
  DOSSIER_RELATION_WITHDRAWS,
  DOSSIER_RELATION_REPORTS,
  DOSSIER_RELATION_MENTIONED_WITH, /*< nick=mentioned_with >*/ /* co-occurrence without a typed pattern */
  DOSSIER_N_RELATION_TYPES /*< skip >*/
} DossierRelationType;

/* One occurrence of an entity in an article. */
typedef struct
{
  guint              article;  /* index into the corpus */
  gsize              start;
  gsize              end;
  DossierSectionKind section;
} DossierMention;

typedef enum
{
  DOSSIER_EVIDENCE_NEGATED      = 1 << 0,  /* "ne vendront pas" */
  DOSSIER_EVIDENCE_HYPOTHETICAL = 1 << 1,  /* "pourrait", "si" */
  DOSSIER_EVIDENCE_COMMENTS     = 1 << 2,  /* found in reader comments */
} DossierEvidenceFlags;

/* One passage backing a relation: the sentence [start, end) of an article,
 * widened to the next ones when a mention lies there, so that the two
 * mentions it links are always inside it. */
typedef struct
{
  guint                article;
  gsize                start;
  gsize                end;
  gsize                source_start;
  gsize                source_end;
  gsize                target_start;
  gsize                target_end;
  DossierDate          date;   /* event date in the sentence, else the article's */
  DossierEvidenceFlags flags;
} DossierEvidence;

const char         *dossier_entity_type_to_string      (DossierEntityType    type);
gboolean            dossier_entity_type_from_string    (const char          *str,
                                                        DossierEntityType   *type);
const char         *dossier_relation_type_to_string    (DossierRelationType  type);
gboolean            dossier_relation_type_from_string  (const char          *str,
                                                        DossierRelationType *type);
gboolean            dossier_relation_type_is_symmetric (DossierRelationType  type);
const char         *dossier_section_kind_to_string     (DossierSectionKind   kind);

/* An enum value by its glib-mkenums nick and back; the nick is matched
 * whatever its case.  For the converters of each enum. */
const char *dossier_enum_to_nick   (GType       type,
                                    int         value);
gboolean    dossier_enum_from_nick (GType       type,
                                    const char *nick,
                                    int        *value);

G_END_DECLS
