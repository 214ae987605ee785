/* dossier-json-writer.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A streaming JSON writer: values go out as they are written, through a
 * small buffer, so memory does not grow with the document.  Always valid
 * JSON: control characters are escaped and bytes that are not UTF-8
 * become U+FFFD.  The pretty layout is json-glib's (two-space indents,
 * "name" : value), so that output does not change for readers who diff. */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _DossierJsonWriter DossierJsonWriter;

/* Writes to @stream (flushed every few kilobytes), or into memory when
 * @stream is NULL (see dossier_json_writer_steal_data). */
DossierJsonWriter *dossier_json_writer_new          (GOutputStream      *stream,
                                                     gboolean            pretty);
void               dossier_json_writer_free         (DossierJsonWriter  *writer);

void               dossier_json_writer_begin_object (DossierJsonWriter  *writer);
void               dossier_json_writer_end_object   (DossierJsonWriter  *writer);
void               dossier_json_writer_begin_array  (DossierJsonWriter  *writer);
void               dossier_json_writer_end_array    (DossierJsonWriter  *writer);
/* The name of the next value inside an object. */
void               dossier_json_writer_member       (DossierJsonWriter  *writer,
                                                     const char         *name);
/* The same with @quoted, the name already in quotes and needing no escape,
 * @len bytes of it in an array of DOSSIER_JSON_MEMBER_SIZE bytes (copied
 * whole, so that the copy has a constant size): see DOSSIER_JSON_MEMBER. */
void               dossier_json_writer_member_quoted (DossierJsonWriter *writer,
                                                      const char        *quoted,
                                                      gsize              len);

#define DOSSIER_JSON_MEMBER_SIZE 32

/* A member named by a string literal: quoted, padded and measured when
 * compiled, so writing it is a copy of constant size (JSON output is
 * millions of them). */
#define DOSSIER_JSON_MEMBER(writer, literal) \
  G_STMT_START { \
    static const char _dossier_quoted[DOSSIER_JSON_MEMBER_SIZE] = "\"" literal "\""; \
    G_STATIC_ASSERT (sizeof ("\"" literal "\"") <= DOSSIER_JSON_MEMBER_SIZE); \
    dossier_json_writer_member_quoted ((writer), _dossier_quoted, \
                                       sizeof ("\"" literal "\"") - 1); \
  } G_STMT_END

/* A NULL string is written as null. */
void               dossier_json_writer_string       (DossierJsonWriter  *writer,
                                                     const char         *value);
void               dossier_json_writer_string_len   (DossierJsonWriter  *writer,
                                                     const char         *value,
                                                     gsize               len);
void               dossier_json_writer_int          (DossierJsonWriter  *writer,
                                                     gint64              value);
void               dossier_json_writer_double       (DossierJsonWriter  *writer,
                                                     double              value);
void               dossier_json_writer_boolean      (DossierJsonWriter  *writer,
                                                     gboolean            value);
void               dossier_json_writer_null         (DossierJsonWriter  *writer);

/* Raw text between top-level values (a newline in JSON Lines). */
void               dossier_json_writer_raw          (DossierJsonWriter  *writer,
                                                     const char         *text);

/* Writes what is buffered; FALSE with the first write error, if any
 * (later writes after an error are dropped). */
gboolean           dossier_json_writer_flush        (DossierJsonWriter  *writer,
                                                     GCancellable       *cancellable,
                                                     GError            **error);
/* For a writer without a stream: the text written so far. */
char              *dossier_json_writer_steal_data   (DossierJsonWriter  *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierJsonWriter, dossier_json_writer_free)

G_END_DECLS
