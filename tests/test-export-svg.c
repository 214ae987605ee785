/* test-export-svg.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The SVG writer keeps its own markup (real text, ids, titles) but must
 * draw what the renderer draws: librsvg renders the SVG export and it is
 * compared with the PNG export pixel by pixel. */

#include "config.h"

#include <cairo.h>
#include <librsvg/rsvg.h>
#include <math.h>

#include "dossier-export.h"
#include "export-test-util.h"

/* A pixel differs when a channel is off by more than this (text is laid
 * out by Pango in one and by librsvg in the other: glyph edges move). */
#define CHANNEL_TOLERANCE 96

typedef struct
{
  double mean;      /* mean absolute difference per channel, 0..255 */
  double differ;    /* fraction of pixels that differ */
  guint  width;
  guint  height;
} Comparison;

static cairo_surface_t *
export_png (ExportFixture              *f,
            const DossierExportOptions *base)
{
  DossierExportOptions options = *base;
  g_autoptr(GBytes) bytes = NULL;

  options.format = DOSSIER_EXPORT_PNG;
  bytes = export_with (f, &options);
  return test_decode_png (bytes);
}

/* The SVG export drawn by librsvg on a white page the PNG's size. */
static cairo_surface_t *
render_svg (ExportFixture              *f,
            const DossierExportOptions *base,
            int                         width,
            int                         height)
{
  g_autoptr(GError) error = NULL;
  DossierExportOptions options = *base;
  g_autoptr(GBytes) bytes = NULL;
  RsvgHandle *handle;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  RsvgRectangle viewport = { 0, 0, width, height };

  options.format = DOSSIER_EXPORT_SVG;
  bytes = export_with (f, &options);
  handle = rsvg_handle_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  g_assert_true (rsvg_handle_render_document (handle, cr, &viewport, &error));
  g_assert_no_error (error);
  g_object_unref (handle);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static Comparison
compare (cairo_surface_t *a,
         cairo_surface_t *b)
{
  Comparison c = { 0, 0, cairo_image_surface_get_width (a), cairo_image_surface_get_height (a) };
  const guint8 *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);
  int sa = cairo_image_surface_get_stride (a), sb = cairo_image_surface_get_stride (b);
  guint64 sum = 0, differ = 0;

  g_assert_cmpint (cairo_image_surface_get_width (b), ==, c.width);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, c.height);

  for (guint y = 0; y < c.height; y++)
    for (guint x = 0; x < c.width; x++)
      {
        int worst = 0;

        /* Both are opaque (a background is painted), so premultiplied
         * values compare as they are. */
        for (guint k = 0; k < 3; k++)
          {
            int d = abs ((int) pa[y * sa + 4 * x + k] - (int) pb[y * sb + 4 * x + k]);

            sum += d;
            worst = MAX (worst, d);
          }
        differ += worst > CHANNEL_TOLERANCE;
      }

  c.mean = (double) sum / (3.0 * c.width * c.height);
  c.differ = (double) differ / ((double) c.width * c.height);
  return c;
}

static Comparison
compare_exports (ExportFixture              *f,
                 const DossierExportOptions *options)
{
  cairo_surface_t *png = export_png (f, options);
  cairo_surface_t *svg = render_svg (f, options, cairo_image_surface_get_width (png),
                                     cairo_image_surface_get_height (png));
  Comparison c = compare (png, svg);

  if (g_getenv ("DOSSIER_TEST_SVG_DUMP") != NULL)
    {
      cairo_surface_write_to_png (png, "svg-compare-png.png");
      cairo_surface_write_to_png (svg, "svg-compare-svg.png");
    }
  cairo_surface_destroy (png);
  cairo_surface_destroy (svg);
  g_test_message ("%u x %u: mean difference %.2f / 255, %.2f %% of pixels differ",
                  c.width, c.height, c.mean, 100 * c.differ);
  return c;
}

/* The seeds, laid out by dot. */
static void
set_up_seeds_dot (ExportFixture *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->sub = test_seeds_subgraph ();
  f->layout = dossier_layout_compute (f->sub, DOSSIER_LAYOUT_DOT, NULL, &error);
  g_assert_no_error (error);
}

static void
test_svg_matches_png (ExportFixture *f,
                      gconstpointer  data)
{
  gboolean full = GPOINTER_TO_INT (data);
  DossierExportOptions options;
  Comparison c;

  dossier_export_options_init (&options, DOSSIER_EXPORT_PNG);
  options.scale = 2.0;
  /* The full picture: labels on their halos, the legend, title, caption. */
  options.edge_labels = full;
  options.legend = full;
  if (full)
    {
      options.title = "Dossier";
      options.caption = "Five articles";
    }

  c = compare_exports (f, &options);
  /* Shapes, lines and fills agree; only glyph edges may move. */
  g_assert_cmpfloat (c.mean, <, 2.0);
  g_assert_cmpfloat (c.differ, <, 0.01);
}

/* The comparison notices a drawing that differs: the dark palette against
 * the light one fails it. */
static void
test_comparison_sees_differences (ExportFixture *f,
                                  gconstpointer  data)
{
  DossierExportOptions options, dark;
  cairo_surface_t *png, *svg;
  Comparison c;

  dossier_export_options_init (&options, DOSSIER_EXPORT_PNG);
  dark = options;
  dark.dark = TRUE;
  png = export_png (f, &options);
  svg = render_svg (f, &dark, cairo_image_surface_get_width (png), cairo_image_surface_get_height (png));
  c = compare (png, svg);
  cairo_surface_destroy (png);
  cairo_surface_destroy (svg);
  g_assert_cmpfloat (c.mean, >, 50.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/export-svg/matches-png/plain", ExportFixture, GINT_TO_POINTER (FALSE),
              set_up_seeds_dot, test_svg_matches_png, export_fixture_tear_down);
  g_test_add ("/export-svg/matches-png/labels-legend-title", ExportFixture, GINT_TO_POINTER (TRUE),
              set_up_seeds_dot, test_svg_matches_png, export_fixture_tear_down);
  g_test_add ("/export-svg/comparison-sees-differences", ExportFixture, NULL,
              set_up_seeds_dot, test_comparison_sees_differences, export_fixture_tear_down);

  return g_test_run ();
}
