/* dossier-cli-search.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `dossier-cli search`: the passages that hold some words.  Returns the
 * process exit status. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int dossier_cli_search (int    argc,
                        char **argv);

G_END_DECLS
