/* dossier-memory.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-memory"

#include "config.h"

#include "dossier-memory.h"

#ifdef __GLIBC__
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

/* Blocks below malloc's mmap threshold, so that they come from the heap. */
#define BLOCK_SIZE (64 * 1024)
#define MAX_BLOCKS 64
/* glibc's defaults and its largest mmap threshold, from mallopt(3). */
#define DEFAULT_TOP_PAD (128 * 1024)
#define MAX_HEAP_BLOCK (32 * 1024 * 1024)

/* A run reads its whole corpus into small heap blocks, each 4 kB page of
 * which costs a page fault on first touch; on a virtual machine the faults
 * were a sixth of the run.  With huge pages a fault brings 2 MB.
 * Transparent huge pages are often granted only to memory that asks
 * (madvise mode), and glibc asks only when told by GLIBC_TUNABLES: so the
 * heap is grown by @size at once here and that range asks. */
void
dossier_memory_use_huge_pages (gsize size)
{
#if defined (__GLIBC__) && defined (MADV_HUGEPAGE) && defined (M_TOP_PAD)
  gpointer blocks[MAX_BLOCKS];
  guint n = 0;
  gsize page = sysconf (_SC_PAGESIZE);
  char *start, *end;

  /* The heap grows by @size at its next step and keeps as much when
   * memory is given back. */
  if (size > G_MAXINT || mallopt (M_TOP_PAD, (int) size) == 0)
    return;

  /* Takes that step now: blocks until the heap's free top runs out. */
  start = sbrk (0);
  while (n < MAX_BLOCKS && (char *) sbrk (0) == start)
    blocks[n++] = malloc (BLOCK_SIZE);
  end = sbrk (0);
  while (n > 0)
    free (blocks[--n]);

  /* Later steps are the usual size again: a large one could fail under a
   * memory limit where a small one would not. */
  mallopt (M_TOP_PAD, DEFAULT_TOP_PAD);

  start = (char *) (((guintptr) start + page - 1) & ~(guintptr) (page - 1));
  if (end <= start)
    return;
  madvise (start, end - start, MADV_HUGEPAGE);
  /* The range is never given back (it would come back without the
   * advice), and blocks of up to 32 MB are taken from it, not mapped on
   * their own with 4 kB pages. */
  mallopt (M_TRIM_THRESHOLD, G_MAXINT);
  mallopt (M_MMAP_THRESHOLD, MAX_HEAP_BLOCK);
#endif
}
