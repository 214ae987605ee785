/* dossier-io.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Reading and writing the files Dossier keeps or is given, carefully:
 * regular files only, bounded reads that never block on a pipe or run
 * on through a device, no symbolic links followed where a link would
 * let one file stand in for another, and saves that leave the old file
 * whole when they fail.  Errors are G_IO_ERROR and name the file. */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  DOSSIER_IO_NONE      = 0,
  /* A symbolic link is refused (G_IO_ERROR_TOO_MANY_LINKS), not followed. */
  DOSSIER_IO_NOFOLLOW  = 1 << 0,
} DossierIoFlags;

/* Reads @path when it is a regular file of at most @limit bytes; the size
 * is checked before reading and no more than @limit + 1 bytes are read
 * (the file may grow meanwhile).  A pipe, device or folder is refused
 * with G_IO_ERROR_NOT_REGULAR_FILE, a larger file with
 * G_IO_ERROR_MESSAGE_TOO_LARGE.  @mode, when given, receives st_mode. */
GBytes   *dossier_io_read_file      (const char      *path,
                                     gsize            limit,
                                     DossierIoFlags   flags,
                                     guint           *mode,
                                     GError         **error);

/* The same as a NUL-terminated string of *@length bytes, for callers that
 * keep the buffer (an article's text is its file's buffer when it is
 * UTF-8 already). */
char     *dossier_io_read_file_data (const char      *path,
                                     gsize            limit,
                                     DossierIoFlags   flags,
                                     guint           *mode,
                                     gsize           *length,
                                     GError         **error);

/* Writes the new contents of a file into @fd; FALSE with errno set, or
 * with @error set. */
typedef gboolean (*DossierIoWriteFunc) (int        fd,
                                        gpointer   data,
                                        GError   **error);

/* The atomic replacement under both dossier_io_replace_file() and the
 * exports: @write fills a temporary file ".NAME.XXXXXX" beside @path, which
 * is fsync'ed, then (unless @cancellable was cancelled) renamed over @path,
 * which is taken as it is (links are the caller's business).  On failure
 * the temporary file is gone and either @error is set (by @write, or on
 * cancellation) or *@failed_errno says what failed, for the caller's own
 * message. */
gboolean  dossier_io_replace_with   (const char          *path,
                                     DossierIoWriteFunc   write,
                                     gpointer             data,
                                     GCancellable        *cancellable,
                                     int                 *failed_errno,
                                     GError             **error);

/* Replaces @path with @data: a temporary file ".NAME.XXXXXX" beside it,
 * every write checked, fsync'ed, then renamed over it, so that a failure
 * (a full disk) leaves the old file as it was.  A symbolic link at @path
 * is refused (never written through nor replaced); the new file gets
 * @mode (0: the old file's mode, else 0666 less the umask). */
gboolean  dossier_io_replace_file   (const char      *path,
                                     const char      *data,
                                     gsize            len,
                                     guint            mode,
                                     GError         **error);

/* Makes the folder @path goes in, and those above it, when missing: the
 * error says "Could not save" it. */
gboolean  dossier_io_make_parent    (const char      *path,
                                     GError         **error);

/* TRUE when @data (JSON text) nests arrays and objects no deeper than
 * @max_depth; else an error saying so, naming @display_name when given (json-glib recurses, and a file
 * nested tens of thousands of levels deep would overflow the stack). */
gboolean  dossier_io_check_json_depth (const char    *data,
                                       gsize          len,
                                       guint          max_depth,
                                       const char    *display_name,
                                       GError       **error);

/* The file name for messages on a terminal: not UTF-8 bytes and control
 * characters (ESC, newline…) are escaped as \xNN. */
char     *dossier_io_display_name   (const char      *path);

G_END_DECLS
