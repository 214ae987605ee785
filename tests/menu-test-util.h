/* menu-test-util.h
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Access keys of the window's menus: within one menu (its sections
 * included), no two items share the letter after "_". */

#pragma once

#include <gtk/gtk.h>
#include <string.h>

static inline void
collect_mnemonics (GMenuModel *model,
                   GHashTable *seen,
                   GPtrArray  *submenus)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (model, i, G_MENU_LINK_SUBMENU);
      g_autofree char *label = NULL;

      if (section != NULL)
        collect_mnemonics (section, seen, submenus);
      if (submenu != NULL)
        g_ptr_array_add (submenus, g_object_ref (submenu));
      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        {
          const char *mark = strchr (label, '_');
          gunichar key;
          const char *other;

          if (mark == NULL || mark[1] == '\0')
            continue;
          key = g_unichar_tolower (g_utf8_get_char (mark + 1));
          other = g_hash_table_lookup (seen, GUINT_TO_POINTER (key));
          if (other != NULL)
            g_error ("“%s” and “%s” share an access key", other, label);
          g_hash_table_insert (seen, GUINT_TO_POINTER (key), g_strdup (label));
        }
    }
}

static inline void
assert_unique_mnemonics (GMenuModel *menu)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GPtrArray) submenus = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_nonnull (menu);
  collect_mnemonics (menu, seen, submenus);
  g_assert_cmpuint (g_hash_table_size (seen), >, 0);
  for (guint i = 0; i < submenus->len; i++)
    {
      g_autoptr(GHashTable) inner = g_hash_table_new_full (NULL, NULL, NULL, g_free);
      g_autoptr(GPtrArray) deeper = g_ptr_array_new_with_free_func (g_object_unref);

      /* One level deeper is enough for our menus; empty ones (no recent
       * corpora yet) have nothing to compare. */
      collect_mnemonics (g_ptr_array_index (submenus, i), inner, deeper);
    }
}

/* The menu of the first GtkMenuButton under @widget whose menu holds
 * @action. */
static inline GMenuModel *
find_menu_with_action (GtkWidget  *widget,
                       const char *action)
{
  if (GTK_IS_MENU_BUTTON (widget))
    {
      GMenuModel *model = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget));

      if (model != NULL)
        {
          for (int i = 0; i < g_menu_model_get_n_items (model); i++)
            {
              g_autoptr(GMenuModel) s = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

              for (int k = 0; s != NULL && k < g_menu_model_get_n_items (s); k++)
                {
                  g_autofree char *name = NULL;

                  if (g_menu_model_get_item_attribute (s, k, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
                      g_strcmp0 (name, action) == 0)
                    return model;
                }
            }
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GMenuModel *found = find_menu_with_action (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}
