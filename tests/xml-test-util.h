/* xml-test-util.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One walk over an XML document (an SVG or GraphML export) for the tests
 * and the fuzzers that read one: each element's start with its attributes
 * and depth, and its end with the text directly in it. */

#pragma once

#include <glib.h>

typedef struct
{
  const char  *name;
  const char **names;   /* attribute names, NULL-terminated */
  const char **values;  /* their values */
  guint        depth;   /* 0: the root */
} XmlTestElement;

typedef struct
{
  void (*start) (const XmlTestElement *element, gpointer data);
  void (*end)   (const char *name, const char *text, gpointer data);  /* may be NULL */
} XmlTestWalker;

/* The value of the attribute @name of @element, or NULL. */
static inline const char *
xml_test_attr (const XmlTestElement *element,
               const char           *name)
{
  for (guint i = 0; element->names[i] != NULL; i++)
    if (g_str_equal (element->names[i], name))
      return element->values[i];
  return NULL;
}

typedef struct
{
  const XmlTestWalker *walker;
  gpointer             data;
  GPtrArray           *texts;  /* GString per open element */
} XmlTestWalk;

static inline void
xml_test_start_cb (GMarkupParseContext  *context,
                   const char           *name,
                   const char          **names,
                   const char          **values,
                   gpointer              user_data,
                   GError              **error)
{
  XmlTestWalk *walk = user_data;
  XmlTestElement element = { name, names, values, walk->texts->len };

  g_ptr_array_add (walk->texts, g_string_new (NULL));
  walk->walker->start (&element, walk->data);
}

static inline void
xml_test_end_cb (GMarkupParseContext  *context,
                 const char           *name,
                 gpointer              user_data,
                 GError              **error)
{
  XmlTestWalk *walk = user_data;
  GString *text = g_ptr_array_index (walk->texts, walk->texts->len - 1);

  if (walk->walker->end != NULL)
    walk->walker->end (name, text->str, walk->data);
  g_ptr_array_remove_index (walk->texts, walk->texts->len - 1);
}

static inline void
xml_test_text_cb (GMarkupParseContext  *context,
                  const char           *text,
                  gsize                 len,
                  gpointer              user_data,
                  GError              **error)
{
  XmlTestWalk *walk = user_data;

  if (walk->texts->len > 0)
    g_string_append_len (g_ptr_array_index (walk->texts, walk->texts->len - 1), text, len);
}

static inline void
xml_test_free_text (gpointer text)
{
  g_string_free (text, TRUE);
}

/* Walks the @len bytes of @xml with @walker; FALSE with @error set where
 * it is not well-formed. */
static inline gboolean
xml_test_walk (const char          *xml,
               gsize                len,
               const XmlTestWalker *walker,
               gpointer             data,
               GError             **error)
{
  static const GMarkupParser parser = { xml_test_start_cb, xml_test_end_cb, xml_test_text_cb, NULL, NULL };
  XmlTestWalk walk = { walker, data, g_ptr_array_new_with_free_func (xml_test_free_text) };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, G_MARKUP_PREFIX_ERROR_POSITION,
                                                                       &walk, NULL);
  gboolean ok = g_markup_parse_context_parse (context, xml, len, error) &&
                g_markup_parse_context_end_parse (context, error);

  g_ptr_array_unref (walk.texts);
  return ok;
}
