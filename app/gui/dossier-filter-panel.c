/* dossier-filter-panel.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The controls of DossierFilter: dates (typed, dragged or played on the
 * timeline) and undated evidence, actors with their neighbourhood, lone
 * actors, a cluster, the measure that sizes actors, types, evidence and
 * comments.  Emits "changed" after each edit; the window re-filters and
 * re-lays out. */

#define G_LOG_DOMAIN "dossier-filter-panel"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dossier-date.h"
#include "dossier-filter-panel.h"
#include "dossier-fold.h"
#include "dossier-labels.h"
#include "dossier-timeline.h"

struct _DossierFilterPanel
{
  GtkWidget        parent_instance;

  /* Template widgets */
  GtkLabel        *result_label;
  DossierTimeline *timeline;
  GtkEntry        *from_entry;
  GtkEntry        *to_entry;
  GtkEntry        *actor_entry;
  GtkFlowBox      *actor_box;
  GtkSpinButton   *depth_spin;
  GtkCheckButton  *path_check;
  GtkFlowBox      *entity_types_box;
  GtkFlowBox      *relation_types_box;
  GtkSpinButton   *evidence_spin;
  GtkCheckButton  *comments_check;
  GtkToggleButton *play_button;
  GtkCheckButton  *dated_check;
  GtkCheckButton  *isolated_check;
  GtkDropDown     *cluster_dropdown;
  GtkDropDown     *size_dropdown;

  /* Owned */
  GtkStringList   *clusters;      /* "All Clusters", then leaders' names */
  DossierGraph    *graph;
  DossierFilter   *filter;
  GtkListStore    *completion_model;
  GtkCheckButton  *entity_checks[DOSSIER_N_ENTITY_TYPES];
  GtkCheckButton  *relation_checks[DOSSIER_N_RELATION_TYPES];

  /* Set while controls are written from the filter: no "changed" then. */
  guint            updating;
};

G_DEFINE_FINAL_TYPE (DossierFilterPanel, dossier_filter_panel, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
emit_changed (DossierFilterPanel *self)
{
  if (self->updating == 0)
    g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
parse_entry_date (GtkEntry    *entry,
                  DossierDate *date)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (text == NULL || *text == '\0')
    {
      *date = (DossierDate) { 0 };
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      return TRUE;
    }

  if (dossier_date_parse_iso (text, date))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      return TRUE;
    }

  /* Keep the last good value; show the entry is wrong. */
  gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  return FALSE;
}

static void
on_date_activate (DossierFilterPanel *self)
{
  DossierDate from, to;

  if (!parse_entry_date (self->from_entry, &from) ||
      !parse_entry_date (self->to_entry, &to))
    return;

  self->filter->from = from;
  self->filter->to = to;

  if (!dossier_filter_validate (self->filter, NULL, NULL))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->to_entry), "error");
      self->filter->to = (DossierDate) { 0 };
    }

  emit_changed (self);
}

static void
set_entry_date (GtkEntry          *entry,
                const DossierDate *date)
{
  g_autofree char *text = dossier_date_to_string (date);

  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
}

static DossierDate
julian_to_date (guint32 julian)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, julian);
  return (DossierDate) { g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d),
                         DOSSIER_DATE_PRECISION_DAY };
}

static void
on_range_changed (DossierFilterPanel *self)
{
  guint32 first, last;

  if (dossier_timeline_get_range (self->timeline, &first, &last))
    {
      self->filter->from = julian_to_date (first);
      self->filter->to = julian_to_date (last);
    }
  else
    {
      self->filter->from = (DossierDate) { 0 };
      self->filter->to = (DossierDate) { 0 };
    }

  self->updating++;
  set_entry_date (self->from_entry, &self->filter->from);
  set_entry_date (self->to_entry, &self->filter->to);
  self->updating--;

  emit_changed (self);
}

static void
sync_timeline (DossierFilterPanel *self)
{
  guint32 first = 0, last = 0;
  gboolean has_from = dossier_date_get_span (&self->filter->from, &first, NULL);
  gboolean has_to = dossier_date_get_span (&self->filter->to, NULL, &last);
  guint32 day0 = 0, day1 = 0;

  /* A typed date alone opens the band to that side of the timeline. */
  if ((has_from || has_to) && dossier_timeline_get_days (self->timeline, &day0, &day1))
    dossier_timeline_set_range (self->timeline, has_from ? first : day0, has_to ? last : day1);
  else
    dossier_timeline_set_range (self->timeline, 0, 0);
}

static void rebuild_actor_chips (DossierFilterPanel *self);

static void
on_remove_actor (GtkButton          *button,
                 DossierFilterPanel *self)
{
  const char *name = g_object_get_data (G_OBJECT (button), "actor");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; self->filter->actors != NULL && self->filter->actors[i] != NULL; i++)
    if (g_strcmp0 (self->filter->actors[i], name) != 0)
      g_strv_builder_add (builder, self->filter->actors[i]);

  g_strfreev (self->filter->actors);
  self->filter->actors = g_strv_builder_end (builder);
  if (self->filter->actors[0] == NULL)
    g_clear_pointer (&self->filter->actors, g_strfreev);

  rebuild_actor_chips (self);
  emit_changed (self);
}

static void
update_path (DossierFilterPanel *self)
{
  guint n = self->filter->actors != NULL ? g_strv_length (self->filter->actors) : 0;
  gboolean want = gtk_check_button_get_active (self->path_check);

  gtk_widget_set_sensitive (GTK_WIDGET (self->path_check), n == 2);
  g_clear_pointer (&self->filter->path, g_strfreev);
  if (n == 2 && want)
    self->filter->path = g_strdupv (self->filter->actors);
}

static void
rebuild_actor_chips (DossierFilterPanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->actor_box))) != NULL)
    gtk_flow_box_remove (self->actor_box, child);

  for (guint i = 0; self->filter->actors != NULL && self->filter->actors[i] != NULL; i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
      GtkWidget *button = gtk_button_new_from_icon_name ("window-close-symbolic");
      g_autofree char *tooltip = g_strdup_printf (_("Stop focusing on %s"), self->filter->actors[i]);

      gtk_box_append (GTK_BOX (box), gtk_label_new (self->filter->actors[i]));
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "circular");
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      g_object_set_data_full (G_OBJECT (button), "actor", g_strdup (self->filter->actors[i]), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_remove_actor), self);
      gtk_box_append (GTK_BOX (box), button);
      gtk_widget_add_css_class (box, "card");
      gtk_flow_box_append (self->actor_box, box);
    }

  update_path (self);
}

/* "Larry", "ellison": the one actor whose name or an alias holds the
 * text (folded), or NULL when none or several do. */
static DossierEntity *
unique_partial_match (DossierGraph *graph,
                      const char   *text)
{
  g_autofree char *needle = dossier_fold_string (text);
  DossierEntity *found = NULL;

  if (needle == NULL || strlen (needle) < 2)
    return NULL;

  for (guint i = 0; i < graph->entities->len; i++)
    {
      DossierEntity *entity = dossier_graph_get_entity (graph, i);
      gboolean match = FALSE;
      g_autofree char *name = dossier_fold_string (entity->name);

      if (entity->hidden)
        continue;
      match = strstr (name, needle) != NULL;
      for (guint a = 0; !match && a < entity->aliases->len; a++)
        {
          g_autofree char *alias = dossier_fold_string (g_ptr_array_index (entity->aliases, a));

          match = strstr (alias, needle) != NULL;
        }
      if (match)
        {
          if (found != NULL && found != entity)
            return NULL;
          found = entity;
        }
    }
  return found;
}

void
dossier_filter_panel_add_actor (DossierFilterPanel *self,
                                const char         *name)
{
  DossierEntity *entity;
  g_autoptr(GStrvBuilder) builder = NULL;
  const char *canonical;

  g_return_if_fail (DOSSIER_IS_FILTER_PANEL (self));

  if (name == NULL || *name == '\0')
    return;

  entity = self->graph != NULL ? dossier_graph_lookup_entity (self->graph, name) : NULL;
  if (self->graph != NULL && entity == NULL)
    entity = unique_partial_match (self->graph, name);
  if (self->graph != NULL && entity == NULL)
    {
      g_autoptr(DossierFilter) probe = dossier_filter_new ();
      g_autoptr(GError) error = NULL;
      const char *names[] = { name, NULL };

      /* The filter's own message names the nearest actor. */
      probe->actors = g_strdupv ((char **) names);
      dossier_filter_validate (probe, self->graph, &error);
      gtk_widget_add_css_class (GTK_WIDGET (self->actor_entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->actor_entry), error != NULL ? error->message : NULL);
      /* Seen, not only hovered: an icon in the entry carries the message. */
      gtk_entry_set_icon_from_icon_name (self->actor_entry, GTK_ENTRY_ICON_SECONDARY, "dialog-warning-symbolic");
      gtk_entry_set_icon_tooltip_text (self->actor_entry, GTK_ENTRY_ICON_SECONDARY,
                                       error != NULL ? error->message : NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->actor_entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      error != NULL ? error->message : "", -1);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->actor_entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->actor_entry), NULL);
  gtk_entry_set_icon_from_icon_name (self->actor_entry, GTK_ENTRY_ICON_SECONDARY, NULL);
  canonical = entity != NULL ? entity->name : name;

  if (self->filter->actors != NULL && g_strv_contains ((const char * const *) self->filter->actors, canonical))
    return;

  builder = g_strv_builder_new ();
  if (self->filter->actors != NULL)
    g_strv_builder_addv (builder, (const char **) self->filter->actors);
  g_strv_builder_add (builder, canonical);
  g_strfreev (self->filter->actors);
  self->filter->actors = g_strv_builder_end (builder);

  rebuild_actor_chips (self);
  emit_changed (self);
}

static void
on_actor_activate (DossierFilterPanel *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->actor_entry)));

  dossier_filter_panel_add_actor (self, g_strstrip (text));
  if (!gtk_widget_has_css_class (GTK_WIDGET (self->actor_entry), "error"))
    gtk_editable_set_text (GTK_EDITABLE (self->actor_entry), "");
}

static void
on_depth_changed (DossierFilterPanel *self)
{
  self->filter->depth = gtk_spin_button_get_value_as_int (self->depth_spin);
  emit_changed (self);
}

static void
on_path_toggled (DossierFilterPanel *self)
{
  update_path (self);
  emit_changed (self);
}

static void
on_type_toggled (DossierFilterPanel *self)
{
  self->filter->entity_types = 0;
  for (guint i = 0; i < DOSSIER_N_ENTITY_TYPES; i++)
    if (gtk_check_button_get_active (self->entity_checks[i]))
      self->filter->entity_types |= 1u << i;

  self->filter->relation_types = 0;
  for (guint i = 0; i < DOSSIER_N_RELATION_TYPES; i++)
    if (gtk_check_button_get_active (self->relation_checks[i]))
      self->filter->relation_types |= 1u << i;

  emit_changed (self);
}

static void
on_evidence_changed (DossierFilterPanel *self)
{
  self->filter->min_evidence = gtk_spin_button_get_value_as_int (self->evidence_spin);
  emit_changed (self);
}

static void
on_comments_toggled (DossierFilterPanel *self)
{
  self->filter->no_comments = !gtk_check_button_get_active (self->comments_check);
  emit_changed (self);
}

static void
on_dated_toggled (DossierFilterPanel *self)
{
  self->filter->dated_only = gtk_check_button_get_active (self->dated_check);
  emit_changed (self);
}

static void
on_isolated_toggled (DossierFilterPanel *self)
{
  /* The automatic choice shown by a result is not the person's. */
  if (self->updating > 0)
    return;
  /* A choice of the person's: no longer automatic. */
  self->filter->isolated = gtk_check_button_get_active (self->isolated_check)
                         ? DOSSIER_ISOLATED_HIDE : DOSSIER_ISOLATED_SHOW;
  emit_changed (self);
}

static void
on_cluster_selected (DossierFilterPanel *self)
{
  guint selected = gtk_drop_down_get_selected (self->cluster_dropdown);

  if (self->updating > 0)
    return;
  g_clear_pointer (&self->filter->cluster, g_free);
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    self->filter->cluster = g_strdup (gtk_string_list_get_string (self->clusters, selected));
  emit_changed (self);
}

static void
on_size_selected (DossierFilterPanel *self)
{
  guint selected = gtk_drop_down_get_selected (self->size_dropdown);

  if (self->updating > 0 || selected >= DOSSIER_N_MEASURES)
    return;
  self->filter->size_by = selected;
  emit_changed (self);
}

static void
on_playing_changed (DossierFilterPanel *self)
{
  gboolean playing = dossier_timeline_get_playing (self->timeline);

  gtk_button_set_icon_name (GTK_BUTTON (self->play_button),
                            playing ? "media-playback-pause-symbolic" : "media-playback-start-symbolic");
}

/* Selects the filter's cluster in the list, adding its name when it is
 * not a leader's (given on the command line by a member's name). */
static void
select_cluster (DossierFilterPanel *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->clusters));
  guint selected = 0;

  for (guint i = 1; self->filter->cluster != NULL && i < n && selected == 0; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->clusters, i), self->filter->cluster) == 0)
      selected = i;
  if (self->filter->cluster != NULL && selected == 0)
    {
      gtk_string_list_append (self->clusters, self->filter->cluster);
      selected = n;
    }
  gtk_drop_down_set_selected (self->cluster_dropdown, selected);
}

static void
write_controls (DossierFilterPanel *self)
{
  self->updating++;

  set_entry_date (self->from_entry, &self->filter->from);
  set_entry_date (self->to_entry, &self->filter->to);
  sync_timeline (self);
  gtk_spin_button_set_value (self->depth_spin, self->filter->depth);
  gtk_check_button_set_active (self->path_check, self->filter->path != NULL);
  for (guint i = 0; i < DOSSIER_N_ENTITY_TYPES; i++)
    gtk_check_button_set_active (self->entity_checks[i], (self->filter->entity_types & (1u << i)) != 0);
  for (guint i = 0; i < DOSSIER_N_RELATION_TYPES; i++)
    gtk_check_button_set_active (self->relation_checks[i], (self->filter->relation_types & (1u << i)) != 0);
  gtk_spin_button_set_value (self->evidence_spin, MAX (1, self->filter->min_evidence));
  gtk_check_button_set_active (self->comments_check, !self->filter->no_comments);
  gtk_check_button_set_active (self->dated_check, self->filter->dated_only);
  if (self->filter->isolated != DOSSIER_ISOLATED_AUTO)
    gtk_check_button_set_active (self->isolated_check, self->filter->isolated == DOSSIER_ISOLATED_HIDE);
  select_cluster (self);
  gtk_drop_down_set_selected (self->size_dropdown, self->filter->size_by);
  rebuild_actor_chips (self);

  self->updating--;
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  DossierFilterPanel *self = DOSSIER_FILTER_PANEL (widget);

  dossier_filter_reset (self->filter);
  write_controls (self);
  emit_changed (self);
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierFilterPanel *self = DOSSIER_FILTER_PANEL (widget);

  dossier_timeline_set_playing (self->timeline, FALSE);
  dossier_timeline_step (self->timeline, g_str_equal (action_name, "filter.step-back") ? -1 : +1);
}

static void
copy_command_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DossierFilterPanel *self = DOSSIER_FILTER_PANEL (widget);
  g_autofree char *command = dossier_filter_to_command_line (self->filter);
  g_autofree char *full = NULL;

  /* The corpus paths follow the options, as the CLI expects. */
  if (self->graph != NULL && self->graph->corpus->roots != NULL)
    {
      g_autoptr(GString) str = g_string_new (command);

      g_string_append (str, " -o graph.svg");
      for (guint i = 0; self->graph->corpus->roots[i] != NULL; i++)
        {
          g_autofree char *quoted = g_shell_quote (self->graph->corpus->roots[i]);
          g_string_append_printf (str, " %s", quoted);
        }
      full = g_string_free (g_steal_pointer (&str), FALSE);
    }
  else
    full = g_strconcat (command, " -o graph.svg", NULL);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), full);
}

static void
dossier_filter_panel_dispose (GObject *object)
{
  DossierFilterPanel *self = DOSSIER_FILTER_PANEL (object);

  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_FILTER_PANEL);
  /* The scrolled window at the top of the template is not a bound child. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->completion_model);
  g_clear_object (&self->clusters);

  G_OBJECT_CLASS (dossier_filter_panel_parent_class)->dispose (object);
}

static void
dossier_filter_panel_finalize (GObject *object)
{
  DossierFilterPanel *self = DOSSIER_FILTER_PANEL (object);

  g_clear_pointer (&self->graph, dossier_graph_unref);
  g_clear_pointer (&self->filter, dossier_filter_free);

  G_OBJECT_CLASS (dossier_filter_panel_parent_class)->finalize (object);
}

static void
dossier_filter_panel_class_init (DossierFilterPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_filter_panel_dispose;
  object_class->finalize = dossier_filter_panel_finalize;

  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  g_type_ensure (DOSSIER_TYPE_TIMELINE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/dossier-filter-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierFilterPanel, result_label);
  gtk_widget_class_bind_template_child (widget_class, DossierFilterPanel, timeline);
  gtk_widget_class_bind_template_child (widget_class, DossierFilterPanel, from_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierFilterPanel, to_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierFilterPanel, actor_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierFilterPanel, actor_box);
  gtk_widget_class_bind_template_child (widget_class, DossierFilterPanel, depth_spin);
  gtk_widget_class_bind_template_child (widget_class, DossierFilterPanel, path_check);
  gtk_widget_class_bind_template_child (widget_class, DossierFilterPanel, entity_types_box);
  gtk_widget_class_bind_template_child (widget_class, DossierFilterPanel, relation_types_box);
  gtk_widget_class_bind_template_child (widget_class, DossierFilterPanel, evidence_spin);
  gtk_widget_class_bind_template_child (widget_class, DossierFilterPanel, comments_check);
  gtk_widget_class_bind_template_child (widget_class, DossierFilterPanel, play_button);
  gtk_widget_class_bind_template_child (widget_class, DossierFilterPanel, dated_check);
  gtk_widget_class_bind_template_child (widget_class, DossierFilterPanel, isolated_check);
  gtk_widget_class_bind_template_child (widget_class, DossierFilterPanel, cluster_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DossierFilterPanel, size_dropdown);

  gtk_widget_class_install_action (widget_class, "filter.clear", NULL, clear_action);
  gtk_widget_class_install_action (widget_class, "filter.copy-command", NULL, copy_command_action);
  gtk_widget_class_install_action (widget_class, "filter.step-back", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "filter.step-forward", NULL, step_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "filterpanel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
dossier_filter_panel_init (DossierFilterPanel *self)
{
  GtkEntryCompletion *completion;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = dossier_filter_new ();

  self->clusters = gtk_string_list_new ((const char * const []) { _("All Clusters"), NULL });
  gtk_drop_down_set_model (self->cluster_dropdown, G_LIST_MODEL (self->clusters));
  {
    g_autoptr(GtkStringList) measures = gtk_string_list_new (NULL);

    for (guint i = 0; i < DOSSIER_N_MEASURES; i++)
      gtk_string_list_append (measures, dossier_measure_label (i));
    gtk_drop_down_set_model (self->size_dropdown, G_LIST_MODEL (measures));
  }

  for (guint i = 0; i < DOSSIER_N_ENTITY_TYPES; i++)
    {
      self->entity_checks[i] = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (dossier_entity_type_label (i)));
      gtk_check_button_set_active (self->entity_checks[i], TRUE);
      g_signal_connect_swapped (self->entity_checks[i], "toggled", G_CALLBACK (on_type_toggled), self);
      gtk_flow_box_append (self->entity_types_box, GTK_WIDGET (self->entity_checks[i]));
    }

  for (guint i = 0; i < DOSSIER_N_RELATION_TYPES; i++)
    {
      self->relation_checks[i] = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (dossier_relation_type_label (i)));
      gtk_check_button_set_active (self->relation_checks[i], (self->filter->relation_types & (1u << i)) != 0);
      g_signal_connect_swapped (self->relation_checks[i], "toggled", G_CALLBACK (on_type_toggled), self);
      gtk_flow_box_append (self->relation_types_box, GTK_WIDGET (self->relation_checks[i]));
    }

  /* GtkEntryCompletion is deprecated from 4.10 on, but 4.8 has nothing else. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  self->completion_model = gtk_list_store_new (1, G_TYPE_STRING);
  completion = gtk_entry_completion_new ();
  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (self->completion_model));
  gtk_entry_completion_set_text_column (completion, 0);
  gtk_entry_completion_set_inline_completion (completion, FALSE);
  gtk_entry_completion_set_popup_single_match (completion, FALSE);
  gtk_entry_set_completion (self->actor_entry, completion);
  g_object_unref (completion);
  G_GNUC_END_IGNORE_DEPRECATIONS

  g_signal_connect_swapped (self->from_entry, "activate", G_CALLBACK (on_date_activate), self);
  g_signal_connect_swapped (self->to_entry, "activate", G_CALLBACK (on_date_activate), self);
  g_signal_connect_swapped (self->timeline, "range-changed", G_CALLBACK (on_range_changed), self);
  g_signal_connect_swapped (self->actor_entry, "activate", G_CALLBACK (on_actor_activate), self);
  g_signal_connect_swapped (self->depth_spin, "value-changed", G_CALLBACK (on_depth_changed), self);
  g_signal_connect_swapped (self->path_check, "toggled", G_CALLBACK (on_path_toggled), self);
  g_signal_connect_swapped (self->evidence_spin, "value-changed", G_CALLBACK (on_evidence_changed), self);
  g_signal_connect_swapped (self->comments_check, "toggled", G_CALLBACK (on_comments_toggled), self);
  g_signal_connect_swapped (self->dated_check, "toggled", G_CALLBACK (on_dated_toggled), self);
  g_signal_connect_swapped (self->isolated_check, "toggled", G_CALLBACK (on_isolated_toggled), self);
  g_signal_connect_swapped (self->cluster_dropdown, "notify::selected", G_CALLBACK (on_cluster_selected), self);
  g_signal_connect_swapped (self->size_dropdown, "notify::selected", G_CALLBACK (on_size_selected), self);
  g_signal_connect_swapped (self->timeline, "notify::playing", G_CALLBACK (on_playing_changed), self);
  g_object_bind_property (self->timeline, "playing", self->play_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  gtk_label_set_text (self->result_label, _("All actors shown"));
}

GtkWidget *
dossier_filter_panel_new (void)
{
  return g_object_new (DOSSIER_TYPE_FILTER_PANEL, NULL);
}

void
dossier_filter_panel_set_graph (DossierFilterPanel *self,
                                DossierGraph       *graph)
{
  g_autoptr(GArray) counts = NULL;
  guint32 first = 0;

  g_return_if_fail (DOSSIER_IS_FILTER_PANEL (self));

  if (graph != NULL)
    dossier_graph_ref (graph);
  g_clear_pointer (&self->graph, dossier_graph_unref);
  self->graph = graph;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_list_store_clear (self->completion_model);
  for (guint i = 0; graph != NULL && i < graph->entities->len; i++)
    {
      const DossierEntity *entity = dossier_graph_get_entity (graph, i);
      GtkTreeIter iter;

      gtk_list_store_insert_with_values (self->completion_model, &iter, -1, 0, entity->name, -1);
      for (guint a = 0; a < entity->aliases->len; a++)
        if (g_strcmp0 (g_ptr_array_index (entity->aliases, a), entity->name) != 0)
          gtk_list_store_insert_with_values (self->completion_model, &iter, -1,
                                             0, g_ptr_array_index (entity->aliases, a), -1);
    }
  G_GNUC_END_IGNORE_DEPRECATIONS

  if (graph != NULL)
    counts = dossier_graph_date_histogram (graph, &first);
  dossier_timeline_set_counts (self->timeline, counts, first);
  dossier_timeline_set_undated (self->timeline, graph != NULL ? dossier_graph_count_undated (graph) : 0);
  sync_timeline (self);
}

const DossierFilter *
dossier_filter_panel_get_filter (DossierFilterPanel *self)
{
  g_return_val_if_fail (DOSSIER_IS_FILTER_PANEL (self), NULL);

  return self->filter;
}

void
dossier_filter_panel_set_filter (DossierFilterPanel  *self,
                                 const DossierFilter *filter)
{
  g_return_if_fail (DOSSIER_IS_FILTER_PANEL (self));
  g_return_if_fail (filter != NULL);

  dossier_filter_free (self->filter);
  self->filter = dossier_filter_copy (filter);
  write_controls (self);
}

/* The communities of the last result, the largest first; lone actors'
 * communities are not worth a line. */
#define MAX_CLUSTERS 24

static void
update_clusters (DossierFilterPanel *self,
                 DossierSubgraph    *subgraph)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint n = subgraph->community_leaders != NULL ? MIN (subgraph->community_leaders->len, MAX_CLUSTERS) : 0;

  g_ptr_array_add (names, (gpointer) _("All Clusters"));
  for (guint c = 0; c < n; c++)
    {
      guint id = g_array_index (subgraph->community_leaders, guint, c);

      g_ptr_array_add (names, dossier_graph_get_entity (subgraph->graph, id)->name);
    }
  g_ptr_array_add (names, NULL);

  self->updating++;
  gtk_string_list_splice (self->clusters, 0, g_list_model_get_n_items (G_LIST_MODEL (self->clusters)),
                          (const char * const *) names->pdata);
  select_cluster (self);
  if (self->filter->isolated == DOSSIER_ISOLATED_AUTO)
    gtk_check_button_set_active (self->isolated_check, subgraph->hidden_isolated > 0);
  self->updating--;
}

void
dossier_filter_panel_set_result (DossierFilterPanel *self,
                                 DossierSubgraph    *subgraph)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_if_fail (DOSSIER_IS_FILTER_PANEL (self));

  if (subgraph == NULL)
    {
      gtk_label_set_text (self->result_label, "");
      return;
    }

  /* Translators: the first %u is the number of actors shown, the second the total. */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                             "%u of %u actor shown",
                                             "%u of %u actors shown",
                                             subgraph->total_entities),
                          subgraph->entities->len, subgraph->total_entities);
  if (subgraph->hidden_isolated > 0)
    {
      g_string_append (text, "\n");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u without relations hidden",
                                                 "%u without relations hidden",
                                                 subgraph->hidden_isolated),
                              subgraph->hidden_isolated);
    }
  /* Only a date range makes undated passages worth a word. */
  if (subgraph->undated_evidence > 0 &&
      (dossier_date_is_known (&self->filter->from) || dossier_date_is_known (&self->filter->to)))
    {
      g_string_append (text, "\n");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u undated passage shown",
                                                 "%u undated passages shown",
                                                 subgraph->undated_evidence),
                              subgraph->undated_evidence);
    }
  gtk_label_set_text (self->result_label, text->str);
  update_clusters (self, subgraph);
}

