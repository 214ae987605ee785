/* dossier-cli-shard.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The commands that let a corpus be split over machines: `names` (the
 * first pass, a gazetteer of the names found) and `merge` (joins the
 * JSON of each shard).  Each returns the process exit status. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int dossier_cli_names (int    argc,
                       char **argv);
int dossier_cli_merge (int    argc,
                       char **argv);

G_END_DECLS
