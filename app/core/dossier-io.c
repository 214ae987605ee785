/* dossier-io.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-io"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dossier-io.h"

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path,
                 gboolean     saving)
{
  g_autofree char *name = dossier_io_display_name (path);

  if (saving)
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 _("Could not save “%s”: %s"), name, g_strerror (saved_errno));
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 _("Could not read “%s”: %s"), name, g_strerror (saved_errno));
  return FALSE;
}

/* The error for a file over @limit bytes, which is not read. */
static void
set_too_large_error (GError     **error,
                     const char  *path,
                     gsize        limit)
{
  g_autofree char *name = dossier_io_display_name (path);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
               _("“%s” is too large (more than %u MB)"),
               name, (guint) (limit / (1024 * 1024)));
}

GBytes *
dossier_io_read_file (const char      *path,
                      gsize            limit,
                      DossierIoFlags   flags,
                      guint           *mode,
                      GError         **error)
{
  gsize len;
  char *data = dossier_io_read_file_data (path, limit, flags, mode, &len, error);

  return data != NULL ? g_bytes_new_take (data, len) : NULL;
}

char *
dossier_io_read_file_data (const char      *path,
                           gsize            limit,
                           DossierIoFlags   flags,
                           guint           *mode,
                           gsize           *length,
                           GError         **error)
{
  g_autofree char *name = NULL;
  g_autofree char *buf = NULL;
  struct stat st;
  gsize len = 0;
  gsize cap;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (length != NULL, NULL);

  /* O_NONBLOCK: opening a FIFO must not wait for a writer. */
  fd = open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK |
                   ((flags & DOSSIER_IO_NOFOLLOW) ? O_NOFOLLOW : 0));
  if (fd < 0 && errno == ELOOP && (flags & DOSSIER_IO_NOFOLLOW))
    {
      name = dossier_io_display_name (path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS,
                   _("“%s” is a symbolic link; Dossier does not follow it"), name);
      return NULL;
    }
  if (fd < 0)
    {
      set_errno_error (error, errno, path, FALSE);
      return NULL;
    }

  if (fstat (fd, &st) != 0)
    {
      set_errno_error (error, errno, path, FALSE);
      close (fd);
      return NULL;
    }

  if (!S_ISREG (st.st_mode))
    {
      name = dossier_io_display_name (path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is not a regular file"), name);
      close (fd);
      return NULL;
    }
  if ((guint64) st.st_size > limit)
    {
      set_too_large_error (error, path, limit);
      close (fd);
      return NULL;
    }

  /* O_NONBLOCK stays: it changes nothing to the reads of a regular file,
   * and the two fcntl() calls were two of seven system calls per article. */
  cap = MIN ((gsize) st.st_size, limit) + 1;
  buf = g_malloc (cap + 1);
  while (len < cap)
    {
      gssize n = read (fd, buf + len, cap - len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_errno_error (error, errno, path, FALSE);
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;
      len += n;
      /* Grown since fstat: read on, but never past limit + 1. */
      if (len == cap && cap <= limit)
        {
          cap = MIN (cap * 2, limit + 1);
          buf = g_realloc (buf, cap + 1);
        }
    }
  close (fd);

  if (len > limit)
    {
      set_too_large_error (error, path, limit);
      return NULL;
    }

  if (mode != NULL)
    *mode = st.st_mode;
  buf[len] = '\0';
  *length = len;
  return g_steal_pointer (&buf);
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        len)
{
  gsize written = 0;

  while (written < len)
    {
      gssize n = write (fd, data + written, MIN (len - written, 1 << 20));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (n == 0)
            errno = ENOSPC;
          return FALSE;
        }
      written += n;
    }
  return TRUE;
}

gboolean
dossier_io_replace_with (const char          *path,
                         DossierIoWriteFunc   write,
                         gpointer             data,
                         GCancellable        *cancellable,
                         int                 *failed_errno,
                         GError             **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  g_autoptr(GError) local_error = NULL;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (failed_errno != NULL, FALSE);

  *failed_errno = 0;
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);

  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      *failed_errno = errno;
      return FALSE;
    }

  if (!write (fd, data, &local_error))
    goto fail;
  /* The data must be on disk before the name points at it. */
  if (fsync (fd) != 0 && errno != EINVAL)
    goto fail;
  if (close (fd) != 0)
    {
      fd = -1;
      goto fail;
    }
  fd = -1;

  if (g_cancellable_set_error_if_cancelled (cancellable, &local_error))
    goto fail;
  if (g_rename (tmp, path) != 0)
    goto fail;

  return TRUE;

fail:
  if (local_error == NULL)
    *failed_errno = errno != 0 ? errno : EIO;
  if (fd >= 0)
    close (fd);
  g_unlink (tmp);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

typedef struct
{
  const char *data;
  gsize       len;
  guint       mode;
} Contents;

static gboolean
write_contents (int       fd,
                gpointer  user_data,
                GError  **error)
{
  Contents *contents = user_data;

  if (contents->mode != 0 && fchmod (fd, contents->mode & 07777) != 0)
    return FALSE;
  return write_all (fd, contents->data, contents->len);
}

gboolean
dossier_io_replace_file (const char  *path,
                         const char  *data,
                         gsize        len,
                         guint        mode,
                         GError     **error)
{
  Contents contents = { data, len, mode };
  struct stat st;
  int failed_errno;

  g_return_val_if_fail (path != NULL, FALSE);

  if (lstat (path, &st) == 0)
    {
      g_autofree char *name = dossier_io_display_name (path);

      if (S_ISLNK (st.st_mode))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS,
                       _("Could not save “%s”: it is a symbolic link, which Dossier does not follow"),
                       name);
          return FALSE;
        }
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                       _("Could not save “%s”: it is not a regular file"), name);
          return FALSE;
        }
      if (contents.mode == 0)
        contents.mode = st.st_mode & 07777;
    }

  if (dossier_io_replace_with (path, write_contents, &contents, NULL, &failed_errno, error))
    return TRUE;
  return failed_errno != 0 ? set_errno_error (error, failed_errno, path, TRUE) : FALSE;
}

gboolean
dossier_io_check_json_depth (const char  *data,
                             gsize        len,
                             guint        max_depth,
                             const char  *display_name,
                             GError     **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;
        case '[':
        case '{':
          if (++depth > max_depth)
            {
              if (display_name != NULL)
                g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                             _("“%s” nests lists or objects more than %u levels deep"),
                             display_name, max_depth);
              else
                g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                             _("lists or objects nested more than %u levels deep"), max_depth);
              return FALSE;
            }
          break;
        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;
        default:
          break;
        }
    }

  return TRUE;
}

gboolean
dossier_io_make_parent (const char  *path,
                        GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int saved_errno;
  g_autofree char *name = NULL;

  if (g_mkdir_with_parents (dir, 0777) == 0)
    return TRUE;

  saved_errno = errno;
  name = dossier_io_display_name (dir);
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not save “%s”: %s"), name, g_strerror (saved_errno));
  return FALSE;
}

char *
dossier_io_display_name (const char *path)
{
  GString *out = g_string_new (NULL);
  const char *p = path;
  const char *end = path + strlen (path);

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02X", (guchar) *p);
          p++;
          continue;
        }
      if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0))
        g_string_append_printf (out, "\\x%02X", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }

  return g_string_free (out, FALSE);
}
