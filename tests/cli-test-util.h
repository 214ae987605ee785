/* cli-test-util.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How the command-line tests run `dossier-cli`, as a script would. */

#pragma once

#include <gio/gio.h>

/* $DOSSIER_CLI started with @args (NULL-terminated), its stdout and
 * stderr piped. */
static inline GSubprocess *
cli_test_spawn (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("DOSSIER_CLI");
  GSubprocess *proc;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  proc = g_subprocess_newv ((const char * const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  return proc;
}

/* Runs $DOSSIER_CLI with @args (NULL-terminated), stdout and stderr as
 * text in @out and @err (each may be NULL); returns the exit status. */
static inline int
cli_test_run (const char * const  *args,
              char               **out,
              char               **err)
{
  g_autoptr(GSubprocess) proc = cli_test_spawn (args);
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8 (proc, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  return g_subprocess_get_exit_status (proc);
}

/* Runs $DOSSIER_CLI @command… @args… $DOSSIER_SEEDS_DIR (@command and
 * @args NULL-terminated, @args may be NULL), as cli_test_run() does. */
static inline int
cli_test_run_on_seeds (const char * const  *command,
                       const char * const  *args,
                       char               **out,
                       char               **err)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;

  g_assert_nonnull (g_getenv ("DOSSIER_SEEDS_DIR"));
  g_strv_builder_addv (builder, (const char **) command);
  if (args != NULL)
    g_strv_builder_addv (builder, (const char **) args);
  g_strv_builder_add (builder, g_getenv ("DOSSIER_SEEDS_DIR"));
  argv = g_strv_builder_end (builder);
  return cli_test_run ((const char * const *) argv, out, err);
}
