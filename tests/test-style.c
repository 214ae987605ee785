/* test-style.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The graph's colours are readable (WCAG 2.1 contrast, as its formula
 * defines it): a label on its node at least 4.5:1 (1.4.3, normal text), and
 * what carries meaning without text (node outlines, every relation's line,
 * blended with the canvas when translucent) at least 3:1 against the
 * canvas (1.4.11), in the light and the dark style.  The figures are
 * printed, so that the note can quote them. */

#include "config.h"

#include <math.h>

#include "dossier-style.h"

static double
channel (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (const DossierColor *c)
{
  return 0.2126 * channel (c->red) + 0.7152 * channel (c->green) + 0.0722 * channel (c->blue);
}

/* @fg as seen over the opaque @bg. */
static DossierColor
over (const DossierColor *fg,
      const DossierColor *bg)
{
  DossierColor out = {
    fg->red * fg->alpha + bg->red * (1 - fg->alpha),
    fg->green * fg->alpha + bg->green * (1 - fg->alpha),
    fg->blue * fg->alpha + bg->blue * (1 - fg->alpha),
    1.0,
  };

  return out;
}

static double
contrast (const DossierColor *fg,
          const DossierColor *bg)
{
  DossierColor seen = over (fg, bg);
  double a = luminance (&seen), b = luminance (bg);

  return (MAX (a, b) + 0.05) / (MIN (a, b) + 0.05);
}

static void
test_known_pairs (void)
{
  DossierColor black = { 0, 0, 0, 1 }, white = { 1, 1, 1, 1 }, clear = { 0, 0, 0, 0 };

  /* The formula's ends: 21:1, and a colour on itself or unseen, 1:1. */
  g_assert_cmpfloat_with_epsilon (contrast (&black, &white), 21.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (contrast (&white, &white), 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (contrast (&clear, &white), 1.0, 1e-9);
}

static void
test_contrast (gconstpointer data)
{
  gboolean dark = GPOINTER_TO_INT (data);
  DossierColor canvas = dossier_style_background (dark);
  double min_text = G_MAXDOUBLE, min_shape = G_MAXDOUBLE;

  g_assert_cmpfloat (canvas.alpha, ==, 1.0);

  for (DossierEntityType t = 0; t < DOSSIER_N_ENTITY_TYPES; t++)
    {
      const DossierNodeStyle *style = dossier_style_node (t, dark);
      DossierColor fill = over (&style->fill, &canvas);
      double text = contrast (&style->text, &fill);
      double outline = contrast (&style->stroke, &canvas);

      g_test_message ("%s %-10s label on fill %5.2f:1, outline on canvas %5.2f:1",
                      dark ? "dark " : "light", dossier_entity_type_to_string (t), text, outline);
      g_assert_cmpfloat (text, >=, 4.5);
      g_assert_cmpfloat (outline, >=, 3.0);
      min_text = MIN (min_text, text);
      min_shape = MIN (min_shape, outline);
    }

  for (DossierRelationType t = 0; t < DOSSIER_N_RELATION_TYPES; t++)
    {
      const DossierEdgeStyle *style = dossier_style_edge (t, dark);
      double line = contrast (&style->color, &canvas);

      g_test_message ("%s %-15s line on canvas %5.2f:1",
                      dark ? "dark " : "light", dossier_relation_type_to_string (t), line);
      g_assert_cmpfloat (line, >=, 3.0);
      min_shape = MIN (min_shape, line);
    }

  g_test_message ("%s: lowest label contrast %.2f:1, lowest outline or line %.2f:1",
                  dark ? "dark" : "light", min_text, min_shape);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/style/contrast-formula", test_known_pairs);
  g_test_add_data_func ("/style/contrast/light", GINT_TO_POINTER (FALSE), test_contrast);
  g_test_add_data_func ("/style/contrast/dark", GINT_TO_POINTER (TRUE), test_contrast);

  return g_test_run ();
}
