/* test-gui-french.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The window follows the locale: under LANGUAGE=fr it speaks French. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "dossier-filter-panel.h"
#include "dossier-graph-view.h"
#include "dossier-window.h"
#include "menu-test-util.h"
#include "gui-test-util.h"

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), text) == 0)
    return TRUE;
  if (ADW_IS_STATUS_PAGE (widget) && g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

static AdwWindowTitle *
find_title (GtkWidget *widget)
{
  return (AdwWindowTitle *) gui_test_find_of_type (widget, ADW_TYPE_WINDOW_TITLE);
}

static void
test_french_window (void)
{
  DossierWindow *win = dossier_window_new (NULL);
  const char *english[] = { "Pick an Actor", "_Clear All", "Actor types", NULL };
  const char *subtitle;

  gtk_window_set_default_size (GTK_WINDOW (win), 1200, 800);
  gtk_window_present (GTK_WINDOW (win));
  dossier_window_load (win, NULL);
  for (int i = 0; i < 3; i++)
    g_main_context_iteration (NULL, FALSE);
  while (dossier_window_is_busy (win))
    g_main_context_iteration (NULL, TRUE);

  /* Each string is translated, and the window shows the translation. */
  for (guint i = 0; english[i] != NULL; i++)
    {
      const char *french = g_dgettext (GETTEXT_PACKAGE, english[i]);

      g_test_message ("%s -> %s", english[i], french);
      g_assert_cmpstr (french, !=, english[i]);
      g_assert_true (has_label (GTK_WIDGET (win), french));
      g_assert_false (has_label (GTK_WIDGET (win), english[i]));
    }

  /* Counts with their plural form: "5 articles · 30 acteurs · …". */
  subtitle = adw_window_title_get_subtitle (find_title (GTK_WIDGET (win)));
  g_test_message ("subtitle: %s", subtitle);
  g_assert_nonnull (strstr (subtitle, g_dngettext (GETTEXT_PACKAGE, "%u actor", "%u actors", 2) + 3));
  g_assert_null (strstr (subtitle, "actors"));

  /* The French menus have their own access keys, none shared. */
  assert_unique_mnemonics (find_menu_with_action (GTK_WIDGET (win), "win.open"));
  assert_unique_mnemonics (find_menu_with_action (GTK_WIDGET (win), "win.layout-engine"));
  assert_unique_mnemonics (find_menu_with_action (GTK_WIDGET (win), "win.save-view"));

  gtk_window_destroy (GTK_WINDOW (win));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_dirs = g_strdup (g_getenv ("XDG_DATA_DIRS"));

  /* Before anything reads the locale. */
  g_setenv ("LANGUAGE", "fr", TRUE);
  g_setenv ("LC_ALL", "fr_FR.UTF-8", TRUE);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_setenv ("XDG_DATA_DIRS", data_dirs != NULL ? data_dirs : "/usr/local/share:/usr/share", TRUE);

  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("no fr_FR.UTF-8 locale on this machine (build-aux/dossier.sh test makes one)");
      return g_test_run ();
    }

  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("DOSSIER_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gui_test_tolerate_machine_warnings ();
  gtk_init ();
  adw_init ();

  g_test_add_func ("/gui/french/window", test_french_window);

  return g_test_run ();
}
