/* dossier-json-writer.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-json-writer"

#include "config.h"

#include <math.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "dossier-bytes-private.h"
#include "dossier-json-writer.h"

/* Written out when the buffer passes this size. */
#define FLUSH_BYTES (64 * 1024)

typedef struct
{
  gboolean object;
  guint    count;     /* values written so far */
} Frame;

/* The frame stack is a plain array rather than a GArray: pushing and
 * popping happen once a record, and the calls showed in profiles. */
struct _DossierJsonWriter
{
  GOutputStream *stream;   /* NULL: everything stays in buffer */
  GString       *buffer;
  Frame         *frames;   /* innermost last */
  guint          depth;
  guint          frames_allocated;
  GError        *error;    /* the first write error */
  gboolean       pretty;
  gboolean       named;    /* a member name was written, its value is next */
};

DossierJsonWriter *
dossier_json_writer_new (GOutputStream *stream,
                         gboolean       pretty)
{
  DossierJsonWriter *writer = g_new0 (DossierJsonWriter, 1);

  g_return_val_if_fail (stream == NULL || G_IS_OUTPUT_STREAM (stream), NULL);

  writer->stream = stream != NULL ? g_object_ref (stream) : NULL;
  writer->buffer = g_string_sized_new (stream != NULL ? FLUSH_BYTES + 4096 : 4096);
  writer->frames_allocated = 16;
  writer->frames = g_new (Frame, writer->frames_allocated);
  writer->pretty = pretty;

  return writer;
}

void
dossier_json_writer_free (DossierJsonWriter *writer)
{
  if (writer == NULL)
    return;

  g_clear_object (&writer->stream);
  g_string_free (writer->buffer, TRUE);
  g_free (writer->frames);
  g_clear_error (&writer->error);
  g_free (writer);
}

static void
write_out (DossierJsonWriter *writer,
           GCancellable      *cancellable)
{
  gsize written;

  if (writer->stream == NULL || writer->buffer->len == 0)
    return;

  if (writer->error == NULL)
    g_output_stream_write_all (writer->stream, writer->buffer->str, writer->buffer->len,
                               &written, cancellable, &writer->error);
  g_string_truncate (writer->buffer, 0);
}

static inline void
maybe_flush (DossierJsonWriter *writer)
{
  if (writer->stream != NULL && writer->buffer->len >= FLUSH_BYTES)
    write_out (writer, NULL);
}

/* Makes room for @len more bytes (and the final nul). */
static inline void
reserve (GString *out,
         gsize    len)
{
  if (G_UNLIKELY (out->len + len >= out->allocated_len))
    {
      gsize old = out->len;

      g_string_set_size (out, old + len);
      out->len = old;
    }
}

/* Appends @len bytes: the common case is one memcpy, without the
 * function call and the strlen() of g_string_append().  The buffer is
 * not nul-terminated as it goes; steal_data() ends it. */
static inline void
put (GString    *out,
     const char *data,
     gsize       len)
{
  reserve (out, len);
  memcpy (out->str + out->len, data, len);
  out->len += len;
}

/* For bytes already reserved. */
static inline void
put_reserved (GString    *out,
              const char *data,
              gsize       len)
{
  memcpy (out->str + out->len, data, len);
  out->len += len;
}

static inline void
put_c (GString *out,
       char     c)
{
  reserve (out, 1);
  out->str[out->len++] = c;
}

#define PUT_LITERAL(out, literal) put ((out), literal, sizeof literal - 1)

/* The new line and indent before a value: one copy of a fixed size (so
 * inlined, no call to memcpy) of which the buffer keeps what it needs. */
static inline void
newline_indent (DossierJsonWriter *writer,
                guint              depth)
{
  static const char spaces[48] = "\n                                               ";
  GString *out = writer->buffer;
  gsize n = 1 + 2 * (gsize) depth;

  if (G_LIKELY (n <= sizeof spaces))
    {
      reserve (out, sizeof spaces);
      memcpy (out->str + out->len, spaces, sizeof spaces);
      out->len += n;
      return;
    }
  put_c (out, '\n');
  for (guint i = 0; i < depth; i++)
    PUT_LITERAL (out, "  ");
}

static inline Frame *
top_frame (DossierJsonWriter *writer)
{
  return writer->depth > 0 ? &writer->frames[writer->depth - 1] : NULL;
}

/* Separators before a value: a comma after the previous one and, in an
 * array, the new line (an object member had its own with its name). */
static inline void
begin_value (DossierJsonWriter *writer)
{
  Frame *frame = top_frame (writer);

  if (frame == NULL)
    return;

  if (frame->object)
    {
      g_return_if_fail (writer->named);
      writer->named = FALSE;
      return;
    }

  if (frame->count > 0)
    put_c (writer->buffer, ',');
  if (writer->pretty)
    newline_indent (writer, writer->depth);
  frame->count++;
}

/* Whether the eight bytes at @p are all printable ASCII but '"' and '\\'. */
static inline gboolean
plain_word (const guchar *p)
{
  guint64 x = dossier_bytes_load (p);

  return (DOSSIER_BYTES_HAS_LESS (x, 0x20) | DOSSIER_BYTES_HAS (x, '"') | DOSSIER_BYTES_HAS (x, '\\') |
          DOSSIER_BYTES_HAS (x, 0x7f) | (x & DOSSIER_BYTES_HIGH)) == 0;
}

/* Whether byte @c goes out as it is: one table load instead of five
 * comparisons, for the tails shorter than a word (most strings are). */
static const guint8 plain_bytes[256] = {
  [0x20 ... 0x21] = 1,  /* not '"' (0x22) */
  [0x23 ... 0x5b] = 1,  /* not '\\' (0x5c) */
  [0x5d ... 0x7e] = 1,
};

static inline gboolean
plain_byte (guchar c)
{
  return plain_bytes[c];
}

#ifdef __SSE2__
/* A bit for each of the sixteen bytes at @p that is not plain: a signed
 * "< 0x20" catches the controls and the bytes from 0x80 at once.  Every
 * x86-64 has SSE2; passages (hundreds of bytes) go twice as fast. */
static inline guint
special_mask16 (const guchar *p)
{
  __m128i x = _mm_loadu_si128 ((const __m128i *) p);
  __m128i bad = _mm_or_si128 (_mm_or_si128 (_mm_cmplt_epi8 (x, _mm_set1_epi8 (0x20)),
                                            _mm_cmpeq_epi8 (x, _mm_set1_epi8 (0x7f))),
                              _mm_or_si128 (_mm_cmpeq_epi8 (x, _mm_set1_epi8 ('"')),
                                            _mm_cmpeq_epi8 (x, _mm_set1_epi8 ('\\'))));

  return (guint) _mm_movemask_epi8 (bad);
}
#endif

/* The length of the run of plain bytes at @p. */
static inline gsize
plain_prefix (const guchar *p,
              const guchar *end)
{
  const guchar *start = p;

#ifdef __SSE2__
  for (; end - p >= 16; p += 16)
    {
      guint mask = special_mask16 (p);

      if (mask != 0)
        return p - start + __builtin_ctz (mask);
    }
#endif
  while (end - p >= 8 && plain_word (p))
    p += 8;
  while (p < end && plain_byte (*p))
    p++;
  return p - start;
}

/* The byte at @p that is not plain: its escape or, when not ASCII, the
 * character or U+FFFD.  Returns the byte after it. */
static const guchar *
append_special (GString      *out,
                const guchar *p,
                const guchar *end)
{
  gunichar c;

  switch (*p)
    {
    case '"':  PUT_LITERAL (out, "\\\""); return p + 1;
    case '\\': PUT_LITERAL (out, "\\\\"); return p + 1;
    case '\b': PUT_LITERAL (out, "\\b"); return p + 1;
    case '\f': PUT_LITERAL (out, "\\f"); return p + 1;
    case '\n': PUT_LITERAL (out, "\\n"); return p + 1;
    case '\r': PUT_LITERAL (out, "\\r"); return p + 1;
    case '\t': PUT_LITERAL (out, "\\t"); return p + 1;
    default:
      break;
    }

  if (*p < 0x80)
    {
      g_string_append_printf (out, "\\u%04x", *p);
      return p + 1;
    }

  /* Two-byte characters (accented Latin) are the usual ones and need no
   * check beyond this: C2–DF then a continuation byte is always valid. */
  if (*p >= 0xc2 && *p <= 0xdf && end - p >= 2 && (p[1] & 0xc0) == 0x80)
    {
      put (out, (const char *) p, 2);
      return p + 2;
    }

  c = g_utf8_get_char_validated ((const char *) p, end - p);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    {
      PUT_LITERAL (out, "\xef\xbf\xbd");
      return p + 1;
    }
  else
    {
      const guchar *next = (const guchar *) g_utf8_next_char (p);

      put (out, (const char *) p, next - p);
      return next;
    }
}

static void
append_escaped (GString    *out,
                const char *value,
                gsize       len)
{
  const guchar *p = (const guchar *) value;
  const guchar *end = p + len;
  gsize run = plain_prefix (p, end);

  /* Most strings need no escape: the quotes and the text in one
   * reservation. */
  reserve (out, len + 2);
  out->str[out->len++] = '"';
  put_reserved (out, value, run);
  p += run;

  while (p < end)
    {
      p = append_special (out, p, end);
      run = plain_prefix (p, end);
      put (out, (const char *) p, run);
      p += run;
    }
  put_c (out, '"');
}

static void
begin_container (DossierJsonWriter *writer,
                 gboolean           object)
{
  begin_value (writer);
  put_c (writer->buffer, object ? '{' : '[');
  if (writer->depth == writer->frames_allocated)
    {
      writer->frames_allocated *= 2;
      writer->frames = g_renew (Frame, writer->frames, writer->frames_allocated);
    }
  writer->frames[writer->depth++] = (Frame) { object, 0 };
}

static void
end_container (DossierJsonWriter *writer,
               gboolean           object)
{
  Frame *frame = top_frame (writer);

  g_return_if_fail (frame != NULL);
  g_return_if_fail (frame->object == object);
  writer->depth--;

  if (writer->pretty && frame->count > 0)
    newline_indent (writer, writer->depth);
  put_c (writer->buffer, object ? '}' : ']');
  maybe_flush (writer);
}

void
dossier_json_writer_begin_object (DossierJsonWriter *writer)
{
  begin_container (writer, TRUE);
}

void
dossier_json_writer_end_object (DossierJsonWriter *writer)
{
  end_container (writer, TRUE);
}

void
dossier_json_writer_begin_array (DossierJsonWriter *writer)
{
  begin_container (writer, FALSE);
}

void
dossier_json_writer_end_array (DossierJsonWriter *writer)
{
  end_container (writer, FALSE);
}

/* The comma, new line and indent before a member's name. */
static inline gboolean
begin_member (DossierJsonWriter *writer)
{
  Frame *frame = top_frame (writer);

  g_return_val_if_fail (frame != NULL, FALSE);
  g_return_val_if_fail (frame->object && !writer->named, FALSE);

  if (frame->count > 0)
    put_c (writer->buffer, ',');
  if (writer->pretty)
    newline_indent (writer, writer->depth);
  frame->count++;
  writer->named = TRUE;
  return TRUE;
}

static inline void
end_member (DossierJsonWriter *writer)
{
  GString *out = writer->buffer;

  if (writer->pretty)
    {
      /* Four bytes, the nul too, is one store. */
      reserve (out, 4);
      memcpy (out->str + out->len, " : ", 4);
      out->len += 3;
    }
  else
    put_c (out, ':');
}

void
dossier_json_writer_member (DossierJsonWriter *writer,
                            const char        *name)
{
  if (!begin_member (writer))
    return;
  append_escaped (writer->buffer, name, strlen (name));
  end_member (writer);
}

void
dossier_json_writer_member_quoted (DossierJsonWriter *writer,
                                   const char        *quoted,
                                   gsize              len)
{
  GString *out = writer->buffer;

  g_return_if_fail (len < DOSSIER_JSON_MEMBER_SIZE);
  if (!begin_member (writer))
    return;
  /* All of the padded name, a copy of constant size; the padding is
   * overwritten by what follows. */
  reserve (out, DOSSIER_JSON_MEMBER_SIZE);
  memcpy (out->str + out->len, quoted, DOSSIER_JSON_MEMBER_SIZE);
  out->len += len;
  end_member (writer);
}

void
dossier_json_writer_string_len (DossierJsonWriter *writer,
                                const char        *value,
                                gsize              len)
{
  begin_value (writer);
  append_escaped (writer->buffer, value, len);
  maybe_flush (writer);
}

void
dossier_json_writer_string (DossierJsonWriter *writer,
                            const char        *value)
{
  if (value == NULL)
    dossier_json_writer_null (writer);
  else
    dossier_json_writer_string_len (writer, value, strlen (value));
}

void
dossier_json_writer_int (DossierJsonWriter *writer,
                         gint64             value)
{
  char buf[24];
  char *p = buf + sizeof buf;
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;

  /* Digits from the last, two at a time (half the divisions), without
   * printf's parsing of a format. */
  static const char pairs[] =
    "0001020304050607080910111213141516171819"
    "2021222324252627282930313233343536373839"
    "4041424344454647484950515253545556575859"
    "6061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

  while (magnitude >= 100)
    {
      guint i = (magnitude % 100) * 2;

      magnitude /= 100;
      *--p = pairs[i + 1];
      *--p = pairs[i];
    }
  if (magnitude >= 10)
    {
      *--p = pairs[magnitude * 2 + 1];
      *--p = pairs[magnitude * 2];
    }
  else
    *--p = '0' + magnitude;
  if (value < 0)
    *--p = '-';

  begin_value (writer);
  put (writer->buffer, p, buf + sizeof buf - p);
}

/* As json-glib writes them: 17 significant digits, ".0" on whole numbers. */
void
dossier_json_writer_double (DossierJsonWriter *writer,
                            double             value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  begin_value (writer);
  if (!isfinite (value))
    {
      /* JSON has no infinity or NaN. */
      PUT_LITERAL (writer->buffer, "null");
      return;
    }
  g_ascii_formatd (buf, sizeof buf, "%.17g", value);
  g_string_append (writer->buffer, buf);
  if (strpbrk (buf, ".eE") == NULL)
    g_string_append (writer->buffer, ".0");
}

void
dossier_json_writer_boolean (DossierJsonWriter *writer,
                             gboolean           value)
{
  begin_value (writer);
  if (value)
    PUT_LITERAL (writer->buffer, "true");
  else
    PUT_LITERAL (writer->buffer, "false");
}

void
dossier_json_writer_null (DossierJsonWriter *writer)
{
  begin_value (writer);
  PUT_LITERAL (writer->buffer, "null");
}

void
dossier_json_writer_raw (DossierJsonWriter *writer,
                         const char        *text)
{
  g_return_if_fail (writer->depth == 0);

  g_string_append (writer->buffer, text);
  maybe_flush (writer);
}

gboolean
dossier_json_writer_flush (DossierJsonWriter  *writer,
                           GCancellable       *cancellable,
                           GError            **error)
{
  g_return_val_if_fail (writer != NULL, FALSE);

  write_out (writer, cancellable);
  if (writer->error == NULL && writer->stream != NULL &&
      !g_output_stream_flush (writer->stream, cancellable, &writer->error))
    g_assert (writer->error != NULL);

  if (writer->error != NULL)
    {
      g_propagate_error (error, g_error_copy (writer->error));
      return FALSE;
    }

  return TRUE;
}

char *
dossier_json_writer_steal_data (DossierJsonWriter *writer)
{
  g_return_val_if_fail (writer != NULL, NULL);
  g_return_val_if_fail (writer->stream == NULL, NULL);

  char *data;

  writer->buffer->str[writer->buffer->len] = '\0';
  data = g_string_free (writer->buffer, FALSE);

  writer->buffer = g_string_new (NULL);
  return data;
}
