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
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierArticle) article = NULL;

  fuzz_init_logging ();

  /* Copied so that a read past the end is a reported overflow. */
  bytes = g_bytes_new (data, size);
  article = dossier_article_new_from_bytes ("fuzz.txt", NULL, bytes, &error);

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
