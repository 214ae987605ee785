/* dossier-window-preview.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The graph kept at the last run on the same articles (dossier-snapshot.h),
 * drawn as soon as the window shows while the articles load again.  It is
 * only a picture: the graph view takes no clicks until the window's own
 * graph replaces it (layout_cb), or a page does.
 *
 * The snapshot is looked up before the load starts, and when there is one
 * the load waits for the frame that draws it: on two cores, reading ten
 * thousand articles on every core would otherwise hold back the window's
 * first frame by seconds. */

#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-window-private.h"

/* The load starts after the first frame, or after this long whatever
 * happens (a window never shown still loads). */
#define PREVIEW_LOAD_DELAY_MS 1000

/* No more waiting for the first frame, nor for the delay. */
static void
stop_waiting (DossierWindow *self)
{
  if (self->preview_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->graph_view), self->preview_tick_id);
      self->preview_tick_id = 0;
    }
  g_clear_handle_id (&self->preview_timeout_id, g_source_remove);
}

static gboolean
start_load_timeout (gpointer data)
{
  DossierWindow *self = data;

  self->preview_timeout_id = 0;
  stop_waiting (self);
  g_clear_object (&self->preview_cancellable);
  dossier_window_start_load (self);
  return G_SOURCE_REMOVE;
}

/* Runs before the frame that draws the preview is painted: the load
 * starts once that frame is done (the frame clock paints in the same
 * dispatch; an idle would wait behind the next frames, a timeout does
 * not). */
static gboolean
first_frame_tick (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       data)
{
  DossierWindow *self = data;

  self->preview_tick_id = 0;
  g_clear_handle_id (&self->preview_timeout_id, g_source_remove);
  self->preview_timeout_id = g_timeout_add (0, start_load_timeout, self);
  return G_SOURCE_REMOVE;
}

static void
show_preview (DossierWindow   *self,
              DossierSubgraph *subgraph,
              DossierLayout   *layout)
{
  self->previewing = TRUE;
  /* Its relations have no passages to count in a tooltip. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->graph_view), FALSE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->graph_view), FALSE);
  dossier_graph_view_set_graph (self->graph_view, subgraph, layout);
  dossier_legend_set_subgraph (self->legend, subgraph);
  /* The articles read, under the picture (dossier-window.c). */
  gtk_progress_bar_set_fraction (self->layout_progress, 0);
  adw_window_title_set_subtitle (self->window_title, _("Reading Articles…"));
  gtk_stack_set_visible_child_name (self->main_stack, "graph");
  dossier_window_update_busy (self);
}

typedef struct
{
  DossierWindow *self;         /* alive while cancellable is not cancelled */
  GCancellable  *cancellable;
} PeekRequest;

static void
peek_request_free (PeekRequest *request)
{
  g_object_unref (request->cancellable);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PeekRequest, peek_request_free)

static void
peek_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(PeekRequest) request = user_data;
  g_autoptr(DossierSubgraph) subgraph = NULL;
  g_autoptr(DossierLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  DossierWindow *self = request->self;

  /* The window went (its dispose cancels), or another load replaced this one. */
  if (g_cancellable_is_cancelled (request->cancellable))
    return;

  subgraph = dossier_session_peek_snapshot_finish (DOSSIER_SESSION (object), result, &layout, &error);
  if (subgraph == NULL)
    {
      g_debug ("No graph kept from the last run: %s", error->message);
      g_clear_object (&self->preview_cancellable);
      dossier_window_start_load (self);
      return;
    }

  show_preview (self, subgraph, layout);
  self->preview_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->graph_view),
                                                        first_frame_tick, self, NULL);
  self->preview_timeout_id = g_timeout_add (PREVIEW_LOAD_DELAY_MS, start_load_timeout, self);
}

void
dossier_window_preview_then_load (DossierWindow *self)
{
  PeekRequest *request = g_new0 (PeekRequest, 1);

  dossier_window_cancel_preview (self);
  self->preview_cancellable = g_cancellable_new ();
  request->self = self;
  request->cancellable = g_object_ref (self->preview_cancellable);
  dossier_session_peek_snapshot_async (self->session, (const char * const *) self->paths,
                                       self->preview_cancellable, peek_cb, request);
  dossier_window_update_busy (self);
}

void
dossier_window_end_preview (DossierWindow *self)
{
  if (!self->previewing)
    return;
  self->previewing = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->graph_view), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->graph_view), TRUE);
  adw_window_title_set_subtitle (self->window_title, NULL);
  dossier_window_update_busy (self);
}

/* Stops looking the snapshot up, and waiting to load after it. */
void
dossier_window_cancel_preview (DossierWindow *self)
{
  stop_waiting (self);
  if (self->preview_cancellable != NULL)
    g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
}
