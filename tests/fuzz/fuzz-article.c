/* fuzz-article.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The article reader: arbitrary bytes (any encoding, binary, line ends)
 * either load into an article whose structure holds together, or fail
 * with an error. */

#define G_LOG_DOMAIN "fuzz-article"

#include "config.h"

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierArticle) article = fuzz_read_article (data, size, &error);

  if (article == NULL)
    {
      g_assert_nonnull (error);
      g_assert_nonnull (error->message);
      return 0;
    }

  g_assert_null (error);
  fuzz_check_article (article);

  return 0;
}
