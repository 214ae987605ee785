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

/* Whether @widget's class installs @name ("win.open") or @widget has it
 * in its own action group (a GtkApplicationWindow's "win."). */
static inline gboolean
widget_has_action (GtkWidget  *widget,
                   const char *name)
{
  const char *action_name, *property;
  const GVariantType *parameter;
  GType owner;
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (widget);

  /* GTK 4.8 writes every out argument: none may be NULL. */
  for (guint i = 0; gtk_widget_class_query_action (klass, i, &owner, &action_name, &parameter, &property); i++)
    if (g_str_equal (action_name, name))
      return TRUE;
  return G_IS_ACTION_GROUP (widget) && g_action_group_has_action (G_ACTION_GROUP (widget), name + 4);
}

/* Every "win." item of @menu (its sections and submenus included) names
 * an action that @widget has: a menu item whose action is misspelt is
 * silently greyed out.  Other groups ("app.", "curate.") belong to the
 * application or are inserted, which GTK 4.8 cannot list. */
static inline void
assert_menu_actions_exist (GMenuModel *menu,
                           GtkWidget  *widget)
{
  g_assert_nonnull (menu);
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SUBMENU);
      g_autofree char *action = NULL;

      if (section != NULL)
        assert_menu_actions_exist (section, widget);
      if (submenu != NULL)
        assert_menu_actions_exist (submenu, widget);
      /* GtkApplication adds show-help-overlay from its resources, which
       * the tests' application does not have. */
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action) &&
          g_str_has_prefix (action, "win.") && !g_str_equal (action, "win.show-help-overlay") &&
          !widget_has_action (widget, action))
        g_error ("the menu item for “%s” has no such action", action);
    }
}
