/* dossier-memory.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Lets the kernel back the next @size bytes of the heap with huge pages,
 * where the C library and the kernel allow it (else does nothing). */
void dossier_memory_use_huge_pages (gsize size);

G_END_DECLS
