/* test-view-transform.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "dossier-view-transform.h"

#define assert_near(a, b) g_assert_cmpfloat_with_epsilon ((a), (b), 1e-9)

static void
test_round_trip (void)
{
  DossierViewTransform t = { 2.5, -40.0, 13.0 };
  double wx, wy, gx, gy;

  dossier_view_transform_to_widget (&t, 10, 20, &wx, &wy);
  assert_near (wx, 10 * 2.5 - 40);
  assert_near (wy, 20 * 2.5 + 13);
  dossier_view_transform_to_graph (&t, wx, wy, &gx, &gy);
  assert_near (gx, 10);
  assert_near (gy, 20);
}

static void
test_zoom_keeps_anchor (void)
{
  DossierViewTransform t;
  double before_x, before_y, after_x, after_y;

  dossier_view_transform_init (&t);
  dossier_view_transform_pan (&t, 30, -12);
  dossier_view_transform_to_graph (&t, 200, 150, &before_x, &before_y);
  dossier_view_transform_zoom_at (&t, 3.0, 200, 150);
  assert_near (t.scale, 3.0);
  dossier_view_transform_to_graph (&t, 200, 150, &after_x, &after_y);
  assert_near (before_x, after_x);
  assert_near (before_y, after_y);
}

static void
test_zoom_clamped (void)
{
  DossierViewTransform t;

  dossier_view_transform_init (&t);
  dossier_view_transform_zoom_at (&t, 1000, 0, 0);
  assert_near (t.scale, DOSSIER_VIEW_MAX_SCALE);
  dossier_view_transform_zoom_at (&t, 0, 0, 0);
  assert_near (t.scale, DOSSIER_VIEW_MIN_SCALE);
  dossier_view_transform_zoom_at (&t, NAN, 0, 0);
  assert_near (t.scale, DOSSIER_VIEW_MIN_SCALE);
}

static void
test_pan (void)
{
  DossierViewTransform t;
  double gx, gy;

  dossier_view_transform_init (&t);
  dossier_view_transform_zoom_at (&t, 2, 0, 0);
  dossier_view_transform_pan (&t, 50, 20);
  assert_near (t.offset_x, 50);
  assert_near (t.offset_y, 20);
  /* Panning moves the picture, not the scale. */
  dossier_view_transform_to_graph (&t, 50, 20, &gx, &gy);
  assert_near (gx, 0);
  assert_near (gy, 0);
}

static void
test_fit (void)
{
  DossierViewTransform t;
  double x0, y0, x1, y1;

  dossier_view_transform_init (&t);
  dossier_view_transform_fit (&t, 1000, 500, 800, 600, 20, 10);
  /* Width limits: (800 - 40) / 1000. */
  assert_near (t.scale, 0.76);
  dossier_view_transform_to_widget (&t, 0, 0, &x0, &y0);
  dossier_view_transform_to_widget (&t, 1000, 500, &x1, &y1);
  assert_near (x0, 20);
  assert_near (x1, 780);
  /* Centred vertically. */
  assert_near (y0, 600 - y1);

  /* A small graph is not blown up past the cap. */
  dossier_view_transform_fit (&t, 100, 50, 800, 600, 20, 1.0);
  assert_near (t.scale, 1.0);
  dossier_view_transform_to_widget (&t, 50, 25, &x0, &y0);
  assert_near (x0, 400);
  assert_near (y0, 300);

  /* Degenerate sizes stay finite. */
  dossier_view_transform_fit (&t, 0, 0, 0, 0, 20, 1.0);
  g_assert_true (isfinite (t.scale) && t.scale > 0);
  g_assert_true (isfinite (t.offset_x) && isfinite (t.offset_y));
}

static void
test_center_on (void)
{
  DossierViewTransform t = { 1.5, 0, 0 };
  double wx, wy;

  dossier_view_transform_center_on (&t, 300, 200, 400, 300);
  dossier_view_transform_to_widget (&t, 300, 200, &wx, &wy);
  assert_near (wx, 400);
  assert_near (wy, 300);
  assert_near (t.scale, 1.5);
}

static void
test_interpolate (void)
{
  DossierViewTransform a = { 0.5, 10, 20 };
  DossierViewTransform b = { 2.0, -100, 40 };
  DossierViewTransform out;

  dossier_view_transform_interpolate (&a, &b, 0.0, &out);
  g_assert_true (dossier_view_transform_equal (&out, &a));
  dossier_view_transform_interpolate (&a, &b, 1.0, &out);
  g_assert_true (dossier_view_transform_equal (&out, &b));
  /* Halfway in log scale: the geometric mean. */
  dossier_view_transform_interpolate (&a, &b, 0.5, &out);
  assert_near (out.scale, 1.0);
  g_assert_false (dossier_view_transform_equal (&out, &a));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/view-transform/round-trip", test_round_trip);
  g_test_add_func ("/view-transform/zoom-keeps-anchor", test_zoom_keeps_anchor);
  g_test_add_func ("/view-transform/zoom-clamped", test_zoom_clamped);
  g_test_add_func ("/view-transform/pan", test_pan);
  g_test_add_func ("/view-transform/fit", test_fit);
  g_test_add_func ("/view-transform/center-on", test_center_on);
  g_test_add_func ("/view-transform/interpolate", test_interpolate);

  return g_test_run ();
}
