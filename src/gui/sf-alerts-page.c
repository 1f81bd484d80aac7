/* sf-alerts-page.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sf-ack-dialog.h"
#include "sf-alerts-page.h"
#include "sf-display.h"
#include "sf-page-follower.h"

/* The alerts on one day, grouped by team (teams with errors first), each
 * leading to the person or team it concerns; the acknowledged ones apart,
 * in a collapsed row at the end. */
struct _SfAlertsPage
{
  GtkWidget          parent_instance;

  GtkStack          *stack;
  AdwPreferencesPage *list_page;

  SfPageFollower     follower;
  SfStore           *store;
  GPtrArray         *alerts;           /* SfAlert, shared with the context */
  SfDay              ref;
  GPtrArray         *groups;           /* AdwPreferencesGroup on list_page */
  GHashTable        *rows;             /* identity → AdwActionRow (borrowed) */
  GHashTable        *buttons;          /* identity → its Acknowledge / Reopen button */
  AdwExpanderRow    *acknowledged_row;
  gboolean           acknowledged_expanded;

  /* The open alerts by team, in the order shown (TeamPlan); the rows are
   * built a screenful at a time (see build_more()) */
  GPtrArray         *plan;
  guint              n_planned_built;
  guint              n_rows_built;
  guint              n_acknowledged;
  GtkAdjustment     *vadjustment;
  guint              build_more_id;
};

/* One team's open alerts, most severe first */
typedef struct
{
  const SfAlert *first;
  GPtrArray     *alerts;   /* SfAlert, borrowed from the page's array */
  guint          errors;
  guint          warnings;
} TeamPlan;

/* Building a row for each of the ~2,400 alerts of a large municipality
 * took seconds (a row costs milliseconds): the page builds the rows the
 * tallest screen can show (a row with its group is at least MIN_ROW_HEIGHT
 * px), and more, a few at a time, as the list is scrolled towards its end. */
#define MIN_ROW_HEIGHT 60
#define MIN_FIRST_ROWS 12
#define MORE_ROWS      12

G_DEFINE_FINAL_TYPE (SfAlertsPage, sf_alerts_page, GTK_TYPE_WIDGET)

static void
team_plan_free (TeamPlan *plan)
{
  g_ptr_array_unref (plan->alerts);
  g_free (plan);
}

static const char *
kind_label (SfAlertKind kind)
{
  switch (kind)
    {
    case SF_ALERT_OVER_NORM:
      return C_("alert", "Over norm");
    case SF_ALERT_NEAR_NORM:
      return C_("alert", "Near norm");
    case SF_ALERT_NO_CAPACITY:
      return C_("alert", "Cases without capacity");
    case SF_ALERT_UNCOVERED_CASES:
      return C_("alert", "Uncovered cases");
    case SF_ALERT_TEAM_OVER_DS_RANGE:
      return C_("alert", "Above DS’ range");
    case SF_ALERT_TEAM_OVER_OWN_RANGE:
      return C_("alert", "Above the organisation’s own range");
    case SF_ALERT_CHECKLIST_DUE:
      return C_("alert", "Follow-up due");
    case SF_ALERT_SUSTAINED_OVERLOAD:
    case SF_ALERT_TEAM_SUSTAINED_OVERLOAD:
      return C_("alert", "Sustained overload");
    case SF_N_ALERT_KINDS:
    default:
      g_return_val_if_reached ("");
    }
}

static SfAlert *
alert_for_widget (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "sf-alert");
}

static gboolean
undo_acknowledgement (SfStore  *store,
                      gpointer  data,
                      GError  **error)
{
  return sf_alert_unacknowledge (store, data, error);
}

static void
on_ack_dialog_acknowledged_cb (SfAlertsPage *self,
                               SfAckDialog  *dialog)
{
  const SfAlert *alert = sf_ack_dialog_get_alert (dialog);
  g_autofree char *title = NULL;

  if (self->follower.context == NULL)
    return;
  /* Translators: %s is a caseworker's initials or a team's name */
  title = g_strdup_printf (_("Alert on %s acknowledged"), alert->subject);
  sf_context_offer_undo (self->follower.context, title, undo_acknowledgement,
                         sf_alert_copy (alert), (GDestroyNotify) sf_alert_free);
}

static void
on_acknowledge_clicked_cb (GtkButton    *button,
                           SfAlertsPage *self)
{
  SfAlert *alert = alert_for_widget (GTK_WIDGET (button));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SfAckDialog *dialog;

  dialog = sf_ack_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, alert, self->ref);
  g_signal_connect_object (dialog, "acknowledged", G_CALLBACK (on_ack_dialog_acknowledged_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_reopen_clicked_cb (GtkButton    *button,
                      SfAlertsPage *self)
{
  SfAlert *alert = alert_for_widget (GTK_WIDGET (button));
  g_autoptr(GError) error = NULL;

  if (!sf_alert_unacknowledge (self->store, alert, &error))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message);
      return;
    }
  /* The store's change notice has rebuilt the page: @alert is gone */
}

static void
on_row_activated_cb (AdwActionRow *row,
                     SfAlertsPage *self)
{
  SfAlert *alert = alert_for_widget (GTK_WIDGET (row));

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-subject", "(xs)",
                              alert->caseworker_id, alert->team_name);
}

static GtkWidget *
severity_icon (const SfAlert *alert)
{
  gboolean error = alert->severity == SF_SEVERITY_ERROR;
  const char *label = error ? _("Error") : _("Warning");
  GtkWidget *icon = gtk_image_new_from_icon_name (error ? "dialog-error-symbolic" : "dialog-warning-symbolic");

  gtk_widget_add_css_class (icon, error ? "error" : "warning");
  gtk_widget_set_tooltip_text (icon, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return icon;
}

static GtkWidget *
alert_row (SfAlertsPage *self,
           SfAlert      *alert)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;
  GtkWidget *arrow;
  g_autofree char *identity = sf_alert_identity (alert);
  g_autofree char *title = NULL;
  g_autofree char *since = sf_alert_describe_since (alert, self->ref);
  g_autoptr(GString) subtitle = g_string_new (alert->message);
  g_autofree char *escaped_title = NULL;
  g_autofree char *escaped_subtitle = NULL;

  /* A team's own alerts sit under its name already */
  if (alert->caseworker_id == 0 && !alert->acknowledged)
    title = g_strdup (kind_label (alert->kind));
  else
    /* Translators: an alert's kind and whom it concerns: "Over norm — AB" */
    title = g_strdup_printf (C_("alert title", "%s — %s"), kind_label (alert->kind), alert->subject);
  if (alert->acknowledged)
    {
      g_autofree char *until = sf_day_format (alert->ack_expires);

      /* Translators: %s is the note the manager wrote */
      g_string_append_printf (subtitle, "\n%s", _("Note:"));
      g_string_append_printf (subtitle, " %s", alert->ack_note ? alert->ack_note : "");
      if (alert->ack_expires != SF_DAY_NONE)
        {
          g_string_append_c (subtitle, '\n');
          /* Translators: %s is a date */
          g_string_append_printf (subtitle, _("Returns on %s, or sooner if it gets worse."), until);
        }
    }
  else
    {
      g_string_append_printf (subtitle, "\n%s", alert->resolution);
      if (since != NULL)
        g_string_append_printf (subtitle, "\n%s", since);
    }

  escaped_title = g_markup_escape_text (title, -1);
  escaped_subtitle = g_markup_escape_text (subtitle->str, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), severity_icon (alert));
  gtk_widget_set_name (row, identity);
  g_object_set_data (G_OBJECT (row), "sf-alert", alert);

  if (alert->acknowledged)
    {
      button = gtk_button_new_with_mnemonic (_("_Reopen"));
      gtk_widget_set_tooltip_text (button, _("Show the alert as open again"));
      g_signal_connect (button, "clicked", G_CALLBACK (on_reopen_clicked_cb), self);
    }
  else
    {
      button = gtk_button_new_with_mnemonic (_("_Acknowledge…"));
      gtk_widget_set_tooltip_text (button, _("Note why the alert can wait, and until when"));
      g_signal_connect (button, "clicked", G_CALLBACK (on_acknowledge_clicked_cb), self);
    }
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "sf-alert", alert);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  alert->caseworker_id != 0 ? _("Show the caseworker") : _("Show the team"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_widget_set_tooltip_text (row, alert->caseworker_id != 0 ? _("Show the caseworker in the list of caseworkers")
                                                              : _("Show the team in the list of caseworkers"));

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect (row, "activated", G_CALLBACK (on_row_activated_cb), self);

  g_hash_table_insert (self->rows, g_strdup (identity), row);
  g_hash_table_insert (self->buttons, g_steal_pointer (&identity), button);
  return row;
}

static void
on_suggest_clicked_cb (GtkButton    *button,
                       SfAlertsPage *self)
{
  gint64 team_id = *(gint64 *) g_object_get_data (G_OBJECT (button), "sf-team-id");

  gtk_widget_activate_action (GTK_WIDGET (self), "win.suggest-for-team", "x", team_id);
}

static void
add_group (SfAlertsPage *self,
           GtkWidget    *group)
{
  adw_preferences_page_add (self->list_page, ADW_PREFERENCES_GROUP (group));
  g_ptr_array_add (self->groups, group);
}

static AdwPreferencesGroup *
team_group (SfAlertsPage  *self,
            const SfAlert *first)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *escaped = g_markup_escape_text (*first->team_name ? first->team_name : _("No Team"), -1);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), escaped);
  if (first->team_id != 0)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("Who _Takes the Next Case?"));
      gint64 *team_id = g_new (gint64, 1);

      *team_id = first->team_id;
      g_object_set_data_full (G_OBJECT (button), "sf-team-id", team_id, g_free);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_signal_connect (button, "clicked", G_CALLBACK (on_suggest_clicked_cb), self);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
    }
  add_group (self, group);
  return ADW_PREFERENCES_GROUP (group);
}

static void
set_group_description (AdwPreferencesGroup *group,
                       guint                errors,
                       guint                warnings)
{
  g_autofree char *e = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", errors), errors);
  g_autofree char *w = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", warnings), warnings);
  g_autofree char *text = NULL;

  if (errors > 0 && warnings > 0)
    /* Translators: "2 errors, 1 warning" */
    text = g_strdup_printf (C_("alert counts", "%s, %s"), e, w);
  else
    text = g_strdup (errors > 0 ? e : w);
  adw_preferences_group_set_description (group, text);
}

static void
on_acknowledged_expanded_cb (SfAlertsPage   *self,
                             GParamSpec     *pspec,
                             AdwExpanderRow *row)
{
  self->acknowledged_expanded = adw_expander_row_get_expanded (row);
}

static void
add_acknowledged_group (SfAlertsPage *self)
{
  GtkWidget *ack_group = adw_preferences_group_new ();
  GtkWidget *expander = adw_expander_row_new ();
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "%u acknowledged alert",
                                                         "%u acknowledged alerts", self->n_acknowledged),
                                            self->n_acknowledged);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (ack_group), _("Acknowledged"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander),
                                 _("Each returns when its date comes, or sooner if the situation gets worse"));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), self->acknowledged_expanded);
  g_signal_connect_object (expander, "notify::expanded", G_CALLBACK (on_acknowledged_expanded_cb), self,
                           G_CONNECT_SWAPPED);
  for (guint i = 0; i < self->alerts->len; i++)
    {
      SfAlert *alert = g_ptr_array_index (self->alerts, i);

      if (alert->acknowledged)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), alert_row (self, alert));
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (ack_group), expander);
  add_group (self, ack_group);
  self->acknowledged_row = ADW_EXPANDER_ROW (expander);
}

static gboolean
is_complete (SfAlertsPage *self)
{
  return self->plan == NULL || self->n_planned_built > self->plan->len;
}

/* Builds the next teams' groups, whole groups, until at least @n_rows more
 * rows are built; after the last team, the acknowledged alerts. */
static void
build_more (SfAlertsPage *self,
            guint         n_rows)
{
  guint built = 0;

  while (!is_complete (self) && built < n_rows)
    {
      TeamPlan *team;
      AdwPreferencesGroup *group;

      if (self->n_planned_built == self->plan->len)
        {
          self->n_planned_built++;
          if (self->n_acknowledged > 0)
            add_acknowledged_group (self);
          break;
        }

      team = g_ptr_array_index (self->plan, self->n_planned_built++);
      group = team_group (self, team->first);
      for (guint i = 0; i < team->alerts->len; i++)
        adw_preferences_group_add (group, alert_row (self, g_ptr_array_index (team->alerts, i)));
      set_group_description (group, team->errors, team->warnings);
      built += team->alerts->len;
    }
  self->n_rows_built += built;
}

/* Near the end of what is built (within two screens): more */
static gboolean
wants_more (SfAlertsPage *self)
{
  if (is_complete (self) || self->vadjustment == NULL)
    return FALSE;

  return gtk_adjustment_get_value (self->vadjustment) + 3 * gtk_adjustment_get_page_size (self->vadjustment)
         >= gtk_adjustment_get_upper (self->vadjustment);
}

static gboolean
build_more_cb (gpointer user_data)
{
  SfAlertsPage *self = user_data;

  self->build_more_id = 0;
  if (wants_more (self))
    build_more (self, MORE_ROWS);
  return G_SOURCE_REMOVE;
}

/* Not while the scrolled window is being laid out: in an idle */
static void
on_vadjustment_changed_cb (SfAlertsPage  *self,
                           GtkAdjustment *adjustment)
{
  if (self->build_more_id == 0 && wants_more (self))
    self->build_more_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, build_more_cb, self, NULL);
}

static void
rebuild (SfAlertsPage *self)
{
  g_autoptr(GHashTable) teams = NULL;
  guint open = 0;
  guint rows_before = self->n_rows_built;

  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->list_page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  g_hash_table_remove_all (self->rows);
  g_hash_table_remove_all (self->buttons);
  self->acknowledged_row = NULL;
  g_clear_pointer (&self->plan, g_ptr_array_unref);
  self->n_planned_built = 0;
  self->n_rows_built = 0;
  self->n_acknowledged = 0;

  if (self->alerts == NULL || self->alerts->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "alerts");

  /* The alerts come most severe first, then by team: a team's group goes
   * where its first (most severe) alert comes, so teams with errors come
   * before teams with only warnings. */
  self->plan = g_ptr_array_new_with_free_func ((GDestroyNotify) team_plan_free);
  teams = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < self->alerts->len; i++)
    {
      SfAlert *alert = g_ptr_array_index (self->alerts, i);
      TeamPlan *team;

      if (alert->acknowledged)
        {
          self->n_acknowledged++;
          continue;
        }
      open++;
      team = g_hash_table_lookup (teams, &alert->team_id);
      if (team == NULL)
        {
          team = g_new0 (TeamPlan, 1);
          team->first = alert;
          team->alerts = g_ptr_array_new ();
          g_ptr_array_add (self->plan, team);
          g_hash_table_insert (teams, &alert->team_id, team);
        }
      g_ptr_array_add (team->alerts, alert);
      if (alert->severity == SF_SEVERITY_ERROR)
        team->errors++;
      else
        team->warnings++;
    }

  if (open == 0)
    {
      GtkWidget *none = adw_preferences_group_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (none), _("No Open Alerts"));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (none),
                                             _("Every alert is acknowledged. Each returns when its date comes, or sooner if the situation gets worse."));
      add_group (self, none);
    }

  /* As many rows as before, so that a reload keeps the place scrolled to */
  build_more (self, MAX (sf_display_rows_to_fill (MIN_ROW_HEIGHT, MIN_FIRST_ROWS), rows_before));
}

static void
sf_alerts_page_dispose (GObject *object)
{
  SfAlertsPage *self = (SfAlertsPage *)object;

  sf_page_follower_clear (&self->follower);
  gtk_widget_dispose_template (GTK_WIDGET (self), SF_TYPE_ALERTS_PAGE);

  g_clear_handle_id (&self->build_more_id, g_source_remove);
  g_clear_pointer (&self->plan, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->buttons, g_hash_table_unref);
  g_clear_pointer (&self->alerts, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sf_alerts_page_parent_class)->dispose (object);
}

static void
sf_alerts_page_class_init (SfAlertsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sf_alerts_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sagsfordeling/Sagsfordeling/sf-alerts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SfAlertsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SfAlertsPage, list_page);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sf-alerts-page");
}

static void
sf_alerts_page_init (SfAlertsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->groups = g_ptr_array_new ();
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->buttons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_stack_set_visible_child_name (self->stack, "empty");

  /* The preferences page scrolls its groups itself */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_page));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_SCROLLED_WINDOW (child))
      self->vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (child));
  g_warn_if_fail (self->vadjustment != NULL);
  if (self->vadjustment != NULL)
    {
      g_signal_connect_object (self->vadjustment, "value-changed",
                               G_CALLBACK (on_vadjustment_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->vadjustment, "changed",
                               G_CALLBACK (on_vadjustment_changed_cb), self, G_CONNECT_SWAPPED);
    }
}

GtkWidget *
sf_alerts_page_new (void)
{
  return g_object_new (SF_TYPE_ALERTS_PAGE, NULL);
}

/* Shows @alerts (from sf_alerts_evaluate_stored() on @ref); the page keeps
 * a reference to the array and acknowledges through @store. */
void
sf_alerts_page_set_alerts (SfAlertsPage *self,
                           SfStore      *store,
                           GPtrArray    *alerts,
                           SfDay         ref)
{
  g_return_if_fail (SF_IS_ALERTS_PAGE (self));
  g_return_if_fail (SF_IS_STORE (store));

  g_set_object (&self->store, store);
  /* The rows point into the old array: drop them before it goes */
  if (alerts != NULL)
    g_ptr_array_ref (alerts);
  self->ref = ref;
  {
    GPtrArray *old = self->alerts;

    self->alerts = alerts;
    rebuild (self);
    if (old != NULL)
      g_ptr_array_unref (old);
  }
}

GPtrArray *
sf_alerts_page_get_alerts (SfAlertsPage *self)
{
  g_return_val_if_fail (SF_IS_ALERTS_PAGE (self), NULL);

  return self->alerts;
}

/* The row of the alert with @identity (sf_alert_identity()), open or
 * acknowledged, or NULL. */
GtkWidget *
sf_alerts_page_get_row (SfAlertsPage *self,
                        const char   *identity)
{
  g_return_val_if_fail (SF_IS_ALERTS_PAGE (self), NULL);

  if (!g_hash_table_contains (self->rows, identity))
    build_more (self, G_MAXUINT);
  return g_hash_table_lookup (self->rows, identity);
}

/* Its Acknowledge… button, or Reopen once it is acknowledged. */
GtkWidget *
sf_alerts_page_get_row_button (SfAlertsPage *self,
                               const char   *identity)
{
  g_return_val_if_fail (SF_IS_ALERTS_PAGE (self), NULL);

  if (!g_hash_table_contains (self->buttons, identity))
    build_more (self, G_MAXUINT);
  return g_hash_table_lookup (self->buttons, identity);
}

/* The collapsed row that holds the acknowledged alerts, or NULL. */
AdwExpanderRow *
sf_alerts_page_get_acknowledged_row (SfAlertsPage *self)
{
  g_return_val_if_fail (SF_IS_ALERTS_PAGE (self), NULL);

  if (self->n_acknowledged > 0)
    build_more (self, G_MAXUINT);
  return self->acknowledged_row;
}

/* How many alerts have a row yet: the rows are built as the list is
 * scrolled (and all of them when a row is asked for by identity). */
guint
sf_alerts_page_get_n_built_rows (SfAlertsPage *self)
{
  g_return_val_if_fail (SF_IS_ALERTS_PAGE (self), 0);

  return g_hash_table_size (self->rows);
}

static void
fill_from_context (GtkWidget *page,
                   SfContext *context)
{
  sf_alerts_page_set_alerts (SF_ALERTS_PAGE (page), sf_context_get_store (context),
                             sf_context_get_alerts (context), sf_context_get_figures (context)->ref);
}

static void
update_from_context (GtkWidget              *page,
                     SfContext              *context,
                     const SfContextChanges *changes)
{
  if (changes->what & SF_CONTEXT_ALERTS)
    fill_from_context (page, context);
}

/* The page shows the alerts of @context (when first shown) and follows its
 * changes. */
void
sf_alerts_page_set_context (SfAlertsPage *self,
                            SfContext    *context)
{
  g_return_if_fail (SF_IS_ALERTS_PAGE (self));

  sf_page_follower_set_context (&self->follower, GTK_WIDGET (self), context,
                                fill_from_context, update_from_context);
}

/* Fills the page now if it was not shown since the alerts changed. */
void
sf_alerts_page_catch_up (SfAlertsPage *self)
{
  g_return_if_fail (SF_IS_ALERTS_PAGE (self));

  sf_page_follower_catch_up (&self->follower);
}
