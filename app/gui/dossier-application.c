/* dossier-application.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-application"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-application.h"
#include "dossier-window.h"

struct _DossierApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (DossierApplication, dossier_application, ADW_TYPE_APPLICATION)

static void
dossier_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (dossier_window_new (ADW_APPLICATION (app)));
      dossier_window_load (DOSSIER_WINDOW (window), NULL);
    }
  gtk_window_present (window);
}

static void
dossier_application_open (GApplication  *app,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  DossierWindow *window;

  for (int i = 0; i < n_files; i++)
    {
      char *path = g_file_get_path (files[i]);

      /* Only local files can be read; others become a load problem. */
      g_ptr_array_add (paths, path != NULL ? path : g_file_get_uri (files[i]));
    }
  g_ptr_array_add (paths, NULL);

  window = dossier_window_new (ADW_APPLICATION (app));
  dossier_window_load (window, (const char * const *) paths->pdata);
  gtk_window_present (GTK_WINDOW (window));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       data)
{
  GtkApplication *app = data;
  const char *developers[] = { "The Dossier authors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Dossier"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "comments", _("Read the news as a graph of who does what to whom"),
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       data)
{
  g_application_quit (G_APPLICATION (data));
}

static void
dossier_application_startup (GApplication *app)
{
  static const GActionEntry entries[] = {
    { .name = "about", .activate = about_action },
    { .name = "quit", .activate = quit_action },
  };
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (dossier_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
dossier_application_class_init (DossierApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = dossier_application_activate;
  app_class->open = dossier_application_open;
  app_class->startup = dossier_application_startup;
}

static void
dossier_application_init (DossierApplication *self)
{
}

DossierApplication *
dossier_application_new (void)
{
  return g_object_new (DOSSIER_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/dossier/Dossier",
                       NULL);
}
