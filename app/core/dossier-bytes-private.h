/* dossier-bytes-private.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

/* Eight bytes of text tested at a time, with the classic bit tricks: the
 * scanners of articles, sentences and JSON strings step over the plain
 * majority of their bytes so. */

/* @b in each byte of a 64-bit word. */
#define DOSSIER_BYTES_REPEAT(b) (G_GUINT64_CONSTANT (0x0101010101010101) * (b))
/* The high bit of each byte: set in a word for the bytes from 0x80. */
#define DOSSIER_BYTES_HIGH DOSSIER_BYTES_REPEAT (0x80)
/* Not zero when a byte of @x is below @n (1 to 0x80): (x - n…) & ~x & 0x80…
 * is exact for the existence of one. */
#define DOSSIER_BYTES_HAS_LESS(x, n) (((x) - DOSSIER_BYTES_REPEAT (n)) & ~(x) & DOSSIER_BYTES_HIGH)
/* Not zero when a byte of @x is @b, whatever the other bytes. */
#define DOSSIER_BYTES_HAS(x, b) DOSSIER_BYTES_HAS_LESS ((x) ^ DOSSIER_BYTES_REPEAT (b), 1)

/* The eight bytes at @p, at any alignment. */
static inline guint64
dossier_bytes_load (const void *p)
{
  guint64 x;

  memcpy (&x, p, sizeof x);
  return x;
}

G_END_DECLS
