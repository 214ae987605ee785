/* bench-util.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the benchmarks measure besides wall time. */

#pragma once

#include <glib.h>
#include <sys/resource.h>

/* CPU time of the whole process (every thread), user + system, in
 * seconds: unlike wall time, it hardly changes with the load of a shared
 * machine. */
static inline double
bench_cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

/* The most memory the process has held, in MiB. */
static inline double
bench_peak_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;  /* KiB on Linux */
}
