/* dossier-style.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-style"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "dossier-style.h"

#define RGB(r, g, b) { (r) / 255.0, (g) / 255.0, (b) / 255.0, 1.0 }
#define RGBA(r, g, b, a) { (r) / 255.0, (g) / 255.0, (b) / 255.0, (a) }

/* Okabe-Ito hues, told apart by people with any common colour vision
 * deficiency; the shape repeats the type for those who see no colour. */
static const DossierNodeStyle node_light[DOSSIER_N_ENTITY_TYPES] = {
  [DOSSIER_ENTITY_COMPANY]    = { RGB (0xd6, 0xe9, 0xf8), RGB (0x00, 0x72, 0xb2), RGB (0x1a, 0x1a, 0x1a), DOSSIER_SHAPE_BOX, "box" },
  [DOSSIER_ENTITY_MEDIA]      = { RGB (0xfb, 0xe3, 0xc6), RGB (0xa6, 0x5b, 0x00), RGB (0x1a, 0x1a, 0x1a), DOSSIER_SHAPE_HEXAGON, "hexagon" },
  [DOSSIER_ENTITY_PERSON]     = { RGB (0xd5, 0xf0, 0xe6), RGB (0x00, 0x7a, 0x5a), RGB (0x1a, 0x1a, 0x1a), DOSSIER_SHAPE_ELLIPSE, "ellipse" },
  [DOSSIER_ENTITY_GOVERNMENT] = { RGB (0xf6, 0xdc, 0xe9), RGB (0xa0, 0x3c, 0x78), RGB (0x1a, 0x1a, 0x1a), DOSSIER_SHAPE_DIAMOND, "diamond" },
};

static const DossierNodeStyle node_dark[DOSSIER_N_ENTITY_TYPES] = {
  [DOSSIER_ENTITY_COMPANY]    = { RGB (0x12, 0x33, 0x4d), RGB (0x56, 0xb4, 0xe9), RGB (0xf2, 0xf2, 0xf2), DOSSIER_SHAPE_BOX, "box" },
  [DOSSIER_ENTITY_MEDIA]      = { RGB (0x4a, 0x33, 0x10), RGB (0xe6, 0x9f, 0x00), RGB (0xf2, 0xf2, 0xf2), DOSSIER_SHAPE_HEXAGON, "hexagon" },
  [DOSSIER_ENTITY_PERSON]     = { RGB (0x0d, 0x3d, 0x30), RGB (0x3d, 0xc4, 0x9a), RGB (0xf2, 0xf2, 0xf2), DOSSIER_SHAPE_ELLIPSE, "ellipse" },
  [DOSSIER_ENTITY_GOVERNMENT] = { RGB (0x45, 0x1d, 0x36), RGB (0xe0, 0x8f, 0xbf), RGB (0xf2, 0xf2, 0xf2), DOSSIER_SHAPE_DIAMOND, "diamond" },
};

static const DossierEdgeStyle edge_light[DOSSIER_N_RELATION_TYPES] = {
  [DOSSIER_RELATION_OWNS]           = { RGB (0x00, 0x5a, 0x8c), 0, 2.0 },
  [DOSSIER_RELATION_ACQUIRES]       = { RGB (0x00, 0x72, 0xb2), 6, 1.6 },
  [DOSSIER_RELATION_PARTNERS]       = { RGB (0x00, 0x7a, 0x5a), 0, 1.6 },
  [DOSSIER_RELATION_SUPPLIES]       = { RGB (0x3d, 0x8c, 0x6e), 3, 1.4 },
  [DOSSIER_RELATION_LEADS]          = { RGB (0x50, 0x50, 0x50), 0, 1.4 },
  [DOSSIER_RELATION_SUPPORTS]       = { RGB (0x00, 0x8a, 0x3c), 0, 1.4 },
  [DOSSIER_RELATION_OPPOSES]        = { RGB (0xc0, 0x3a, 0x00), 0, 1.6 },
  [DOSSIER_RELATION_REGULATES]      = { RGB (0xa0, 0x3c, 0x78), 0, 1.6 },
  [DOSSIER_RELATION_NEGOTIATES]     = { RGB (0x8a, 0x6d, 0x00), 4, 1.4 },
  [DOSSIER_RELATION_WITHDRAWS]      = { RGB (0x7f, 0x7f, 0x7f), 2, 1.4 },
  [DOSSIER_RELATION_REPORTS]        = { RGB (0xa6, 0x5b, 0x00), 1.5, 1.2 },
  [DOSSIER_RELATION_MENTIONED_WITH] = { RGBA (0x8a, 0x8a, 0x8a, 1.0), 2, 0.8 },
};

static const DossierEdgeStyle edge_dark[DOSSIER_N_RELATION_TYPES] = {
  [DOSSIER_RELATION_OWNS]           = { RGB (0x56, 0xb4, 0xe9), 0, 2.0 },
  [DOSSIER_RELATION_ACQUIRES]       = { RGB (0x7c, 0xc6, 0xf0), 6, 1.6 },
  [DOSSIER_RELATION_PARTNERS]       = { RGB (0x3d, 0xc4, 0x9a), 0, 1.6 },
  [DOSSIER_RELATION_SUPPLIES]       = { RGB (0x7f, 0xd6, 0xb5), 3, 1.4 },
  [DOSSIER_RELATION_LEADS]          = { RGB (0xc8, 0xc8, 0xc8), 0, 1.4 },
  [DOSSIER_RELATION_SUPPORTS]       = { RGB (0x5f, 0xd0, 0x7f), 0, 1.4 },
  [DOSSIER_RELATION_OPPOSES]        = { RGB (0xff, 0x8a, 0x50), 0, 1.6 },
  [DOSSIER_RELATION_REGULATES]      = { RGB (0xe0, 0x8f, 0xbf), 0, 1.6 },
  [DOSSIER_RELATION_NEGOTIATES]     = { RGB (0xf0, 0xe4, 0x42), 4, 1.4 },
  [DOSSIER_RELATION_WITHDRAWS]      = { RGB (0xa0, 0xa0, 0xa0), 2, 1.4 },
  [DOSSIER_RELATION_REPORTS]        = { RGB (0xe6, 0x9f, 0x00), 1.5, 1.2 },
  [DOSSIER_RELATION_MENTIONED_WITH] = { RGBA (0x90, 0x90, 0x90, 1.0), 2, 0.8 },
};

const DossierNodeStyle *
dossier_style_node (DossierEntityType type,
                    gboolean          dark)
{
  g_return_val_if_fail (type < DOSSIER_N_ENTITY_TYPES, NULL);
  return dark ? &node_dark[type] : &node_light[type];
}

const DossierEdgeStyle *
dossier_style_edge (DossierRelationType type,
                    gboolean            dark)
{
  g_return_val_if_fail (type < DOSSIER_N_RELATION_TYPES, NULL);
  return dark ? &edge_dark[type] : &edge_light[type];
}

DossierColor
dossier_style_background (gboolean dark)
{
  return dark ? (DossierColor) RGB (0x24, 0x24, 0x24) : (DossierColor) RGB (0xff, 0xff, 0xff);
}

char *
dossier_color_to_hex (const DossierColor *color)
{
  int r = (int) (color->red * 255 + 0.5);
  int g = (int) (color->green * 255 + 0.5);
  int b = (int) (color->blue * 255 + 0.5);
  int a = (int) (color->alpha * 255 + 0.5);

  if (a >= 255)
    return g_strdup_printf ("#%02x%02x%02x", r, g, b);
  return g_strdup_printf ("#%02x%02x%02x%02x", r, g, b, a);
}

char *
dossier_color_to_rgb_hex (const DossierColor *color)
{
  DossierColor opaque = *color;

  opaque.alpha = 1.0;
  return dossier_color_to_hex (&opaque);
}

void
dossier_style_node_size (DossierShape  shape,
                         double        text_width,
                         double        text_height,
                         double        scale,
                         double       *width,
                         double       *height)
{
  /* The label's box plus a small margin must fit inside the shape; its
   * corners are the tightest spot in every shape but the box. */
  double tw = MAX (text_width, 1.0) + 8.0;
  double th = MAX (text_height, 1.0) + 4.0;
  double w, h;

  switch (shape)
    {
    case DOSSIER_SHAPE_ELLIPSE:
      /* An ellipse through the corners, with the box's aspect. */
      w = tw * G_SQRT2;
      h = MAX (th * G_SQRT2, text_height + 2 * DOSSIER_STYLE_NODE_PAD_Y);
      break;

    case DOSSIER_SHAPE_DIAMOND:
      /* |x|/(W/2) + |y|/(H/2) <= 1 at the corner (tw/2, th/2). */
      h = (text_height + 2 * DOSSIER_STYLE_NODE_PAD_Y) * 1.5;
      w = tw / (1.0 - th / h);
      break;

    case DOSSIER_SHAPE_HEXAGON:
      /* Flanks run from (W/2, 0) to (W/4, H/2). */
      h = text_height + 2 * DOSSIER_STYLE_NODE_PAD_Y;
      w = tw / (1.0 - th / (2 * h));
      break;

    case DOSSIER_SHAPE_BOX:
    default:
      w = MAX (text_width, 1.0) + 2 * DOSSIER_STYLE_NODE_PAD_X;
      h = MAX (text_height, 1.0) + 2 * DOSSIER_STYLE_NODE_PAD_Y;
      break;
    }

  /* The label keeps its size; the shape around it grows as much in width
   * as in height, so long names do not make huge nodes. */
  scale = CLAMP (scale, 1.0, DOSSIER_STYLE_NODE_MAX_SCALE);
  *width = w + (scale - 1.0) * h * 1.5;
  *height = h * scale;
}

double
dossier_style_node_scale (double weight,
                          double min,
                          double max)
{
  double t;

  if (!(max > min) || !isfinite (weight))
    return 1.0;

  /* Area (the square of the scale) linear in the weight. */
  t = CLAMP ((weight - min) / (max - min), 0.0, 1.0);
  return sqrt (1.0 + t * (DOSSIER_STYLE_NODE_MAX_SCALE * DOSSIER_STYLE_NODE_MAX_SCALE - 1.0));
}

/* Okabe-Ito hues again, as halos, those the types' colours do not use
 * first (vermillion, purple, yellow), so a halo does not read as a thick
 * border; translucent, so edges running under them still show. */
static const DossierColor community_colors[2][DOSSIER_STYLE_N_COMMUNITY_COLORS + 1] = {
  /* Light: on white */
  { RGBA (0xd5, 0x5e, 0x00, 0.40), RGBA (0x8c, 0x6d, 0xc8, 0.45), RGBA (0xf0, 0xe4, 0x42, 0.75),
    RGBA (0x56, 0xb4, 0xe9, 0.50), RGBA (0xe6, 0x9f, 0x00, 0.50), RGBA (0x00, 0x9e, 0x73, 0.45),
    RGBA (0xcc, 0x79, 0xa7, 0.55), RGBA (0x80, 0x6a, 0x50, 0.40),
    /* every other community */
    RGBA (0x9a, 0x9a, 0x9a, 0.30) },
  /* Dark: brighter, on the dark grey */
  { RGBA (0xf0, 0x70, 0x20, 0.55), RGBA (0xa8, 0x8c, 0xe8, 0.55), RGBA (0xf0, 0xe4, 0x42, 0.50),
    RGBA (0x56, 0xb4, 0xe9, 0.50), RGBA (0xe6, 0x9f, 0x00, 0.50), RGBA (0x00, 0xb0, 0x80, 0.55),
    RGBA (0xe0, 0x8f, 0xbf, 0.55), RGBA (0xb0, 0x98, 0x78, 0.50),
    RGBA (0x80, 0x80, 0x80, 0.40) },
};

DossierColor
dossier_style_community_color (guint    community,
                               gboolean dark)
{
  return community_colors[dark ? 1 : 0][MIN (community, DOSSIER_STYLE_N_COMMUNITY_COLORS)];
}

double
dossier_style_edge_width (const DossierEdgeStyle *style,
                          guint                   passages)
{
  g_return_val_if_fail (style != NULL, 1.0);

  return style->width * MIN (1.0 + 0.3 * log2 (MAX (passages, 1)), 2.5);
}

char *
dossier_style_display_name (const char *name)
{
  g_autofree char *valid = g_utf8_make_valid (name != NULL ? name : "", -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f)
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      /* Noncharacters are valid UTF-8 to GLib but not to cairo, whose PDF
       * text would then fail to draw at all. */
      else if ((c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe)
        g_string_append_unichar (out, 0xfffd);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  /* Never draw an empty label. */
  if (out->len == 0)
    g_string_append (out, "?");

  /* A pasted paragraph as a name must not make a node pages wide. */
  if (g_utf8_strlen (out->str, -1) > DOSSIER_STYLE_MAX_LABEL_CHARS)
    {
      const char *cut = g_utf8_offset_to_pointer (out->str, DOSSIER_STYLE_MAX_LABEL_CHARS - 1);

      g_string_truncate (out, cut - out->str);
      g_string_append (out, "…");
    }

  return g_string_free (out, FALSE);
}

/* The window's words, shared by its panels, the legends and the reports. */
const char *
dossier_style_entity_label (DossierEntityType type)
{
  switch (type)
    {
    case DOSSIER_ENTITY_COMPANY:    return _("Company");
    case DOSSIER_ENTITY_MEDIA:      return _("Media");
    case DOSSIER_ENTITY_PERSON:     return _("Person");
    case DOSSIER_ENTITY_GOVERNMENT: return _("Government");
    case DOSSIER_N_ENTITY_TYPES:
    default:                        return _("Unknown");
    }
}

const char *
dossier_style_relation_label (DossierRelationType type)
{
  switch (type)
    {
    case DOSSIER_RELATION_OWNS:           return _("owns");
    case DOSSIER_RELATION_ACQUIRES:       return _("acquires");
    case DOSSIER_RELATION_PARTNERS:       return _("partners with");
    case DOSSIER_RELATION_SUPPLIES:       return _("supplies");
    case DOSSIER_RELATION_LEADS:          return _("leads");
    case DOSSIER_RELATION_SUPPORTS:       return _("supports");
    case DOSSIER_RELATION_OPPOSES:        return _("opposes");
    case DOSSIER_RELATION_REGULATES:      return _("regulates");
    case DOSSIER_RELATION_NEGOTIATES:     return _("negotiates with");
    case DOSSIER_RELATION_WITHDRAWS:      return _("withdraws from");
    case DOSSIER_RELATION_REPORTS:        return _("reports on");
    case DOSSIER_RELATION_MENTIONED_WITH: return _("mentioned with");
    case DOSSIER_N_RELATION_TYPES:
    default:                              return _("related to");
    }
}
