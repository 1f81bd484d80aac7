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
#include "sf-alert-item.h"
#include "sf-alerts-page-private.h"
#include "sf-display.h"
#include "sf-error-dialog.h"
#include "sf-page-follower.h"
#include "sf-role-gate.h"
#include "sf-grouped-list.h"

/* The alerts on one day, grouped by team (teams with errors first), each
 * leading to the person or team it concerns; the acknowledged ones apart,
 * in a collapsed row at the end. */
struct _SfAlertsPage
{
  GtkWidget          parent_instance;

  GtkStack          *stack;
  AdwPreferencesPage *list_page;
  GtkWidget         *none_group;
  GtkWidget         *open_group;
  GtkListBox        *open_list;
  GtkWidget         *acknowledged_group;
  AdwExpanderRow    *acknowledged_row;

  SfPageFollower     follower;
  SfStore           *store;
  GPtrArray         *alerts;           /* SfAlert, shared with the context */
  SfDay              ref;

  /* The open alerts (SfAlertItem) by team, in the order shown, and the
   * first of them that have rows (see build_more()); the acknowledged */
  GListStore        *open_items;
  GtkSliceListModel *open_shown;
  GListStore        *acknowledged_items;
  GPtrArray         *acknowledged_rows; /* in acknowledged_row */
  gboolean           acknowledged_built;
  GHashTable        *items;            /* identity → SfAlertItem, of the rows */
  GHashTable        *rows;             /* identity → AdwActionRow (borrowed) */
  GHashTable        *buttons;          /* identity → its Acknowledge / Reopen button */

  GtkAdjustment     *vadjustment;
  guint              build_more_id;
};

/* Building a row for each of the ~2,400 alerts of a large municipality
 * took seconds (a row costs milliseconds): the page shows the rows the
 * tallest screen can show (a row with its group is at least MIN_ROW_HEIGHT
 * px), and more, a few at a time, as the list is scrolled towards its end. */
#define MIN_ROW_HEIGHT 60
#define MIN_FIRST_ROWS 12
#define MORE_ROWS      12

G_DEFINE_FINAL_TYPE (SfAlertsPage, sf_alerts_page, GTK_TYPE_WIDGET)

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
acknowledge_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SfAlertsPage *self = SF_ALERTS_PAGE (widget);
  SfAlertItem *item = g_hash_table_lookup (self->items, g_variant_get_string (parameter, NULL));
  SfAckDialog *dialog;

  if (item == NULL || self->store == NULL)
    return;
  dialog = sf_ack_dialog_new (sf_widget_get_window (widget), self->store,
                              sf_alert_item_get_alert (item), self->ref);
  g_signal_connect_object (dialog, "acknowledged", G_CALLBACK (on_ack_dialog_acknowledged_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reopen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SfAlertsPage *self = SF_ALERTS_PAGE (widget);
  SfAlertItem *item = g_hash_table_lookup (self->items, g_variant_get_string (parameter, NULL));
  g_autoptr(GError) error = NULL;
  const SfAlert *alert;

  if (item == NULL || self->store == NULL)
    return;
  /* The acknowledgement as read: someone else's change to it since (or
   * its removal) is not undone; the toast says who and when */
  alert = sf_alert_item_get_alert (item);
  if (!sf_alert_unacknowledge_versioned (self->store, alert, alert->ack_id, alert->ack_version, &error))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message);
      return;
    }
  /* The store's change notice has rebuilt the page */
}

static GtkWidget *
severity_icon (gboolean error)
{
  const char *label = error ? _("Error") : _("Warning");
  GtkWidget *icon = gtk_image_new_from_icon_name (error ? "dialog-error-symbolic" : "dialog-warning-symbolic");

  gtk_widget_add_css_class (icon, error ? "error" : "warning");
  gtk_widget_set_tooltip_text (icon, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return icon;
}

/* An alert's row: it leads to the person or team (win.show-subject), and
 * its button acknowledges or reopens it */
static GtkWidget *
create_alert_row (gpointer data,
                  gpointer user_data)
{
  SfAlertItem *item = data;
  SfAlertsPage *self = user_data;
  const SfAlert *alert = sf_alert_item_get_alert (item);
  const char *identity = sf_alert_item_get_identity (item);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;
  GtkWidget *arrow;
  g_autofree char *escaped_title = g_markup_escape_text (sf_alert_item_get_title (item), -1);
  g_autofree char *escaped_subtitle = g_markup_escape_text (sf_alert_item_get_subtitle (item), -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), severity_icon (alert->severity == SF_SEVERITY_ERROR));
  gtk_widget_set_name (row, identity);

  if (alert->acknowledged)
    {
      button = gtk_button_new_with_mnemonic (_("_Reopen"));
      gtk_widget_set_tooltip_text (button, _("Show the alert as open again"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "alerts.reopen");
    }
  else
    {
      button = gtk_button_new_with_mnemonic (_("_Acknowledge…"));
      gtk_widget_set_tooltip_text (button, _("Note why the alert can wait, and until when"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "alerts.acknowledge");
    }
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", identity);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  alert->caseworker_id != 0 ? _("Show the caseworker") : _("Show the team"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_widget_set_tooltip_text (row, alert->caseworker_id != 0 ? _("Show the caseworker in the list of caseworkers")
                                                              : _("Show the team in the list of caseworkers"));

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-subject");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(xs)", alert->caseworker_id, alert->team_name);

  /* What the row's button acts on */
  g_hash_table_insert (self->items, g_strdup (identity), g_object_ref (item));
  g_hash_table_insert (self->rows, g_strdup (identity), row);
  g_hash_table_insert (self->buttons, g_strdup (identity), button);
  return row;
}

/* The heading of a team's alerts: its name, how many errors and warnings,
 * and who could take its next case */
static GtkWidget *
create_team_header (gpointer data,
                    gpointer user_data)
{
  SfAlertItem *item = data;
  const SfAlert *alert = sf_alert_item_get_alert (item);
  GtkWidget *button = NULL;

  if (alert->team_id != 0)
    {
      button = gtk_button_new_with_mnemonic (_("Who _Takes the Next Case?"));
      gtk_widget_add_css_class (button, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.suggest-for-team");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", alert->team_id);
    }
  return sf_group_header_new (sf_alert_item_get_group_title (item), sf_alert_item_get_group_description (item),
                              button);
}

static char *
group_description (guint errors,
                   guint warnings)
{
  g_autofree char *e = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", errors), errors);
  g_autofree char *w = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", warnings), warnings);

  if (errors > 0 && warnings > 0)
    /* Translators: "2 errors, 1 warning" */
    return g_strdup_printf (C_("alert counts", "%s, %s"), e, w);
  return g_strdup (errors > 0 ? e : w);
}

static gboolean
is_complete (SfAlertsPage *self)
{
  return gtk_slice_list_model_get_size (self->open_shown) >= g_list_model_get_n_items (G_LIST_MODEL (self->open_items));
}

static gboolean
all_built (SfAlertsPage *self)
{
  return is_complete (self) && self->acknowledged_built;
}

static void
build_acknowledged (SfAlertsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->acknowledged_items));
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "%u acknowledged alert",
                                                         "%u acknowledged alerts", n),
                                            n);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->acknowledged_row), title);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SfAlertItem) item = g_list_model_get_item (G_LIST_MODEL (self->acknowledged_items), i);
      GtkWidget *row = create_alert_row (item, self);

      adw_expander_row_add_row (self->acknowledged_row, row);
      g_ptr_array_add (self->acknowledged_rows, row);
    }
  gtk_widget_set_visible (self->acknowledged_group, n > 0);
  self->acknowledged_built = TRUE;
}

static void
clear_acknowledged (SfAlertsPage *self)
{
  for (guint i = 0; i < self->acknowledged_rows->len; i++)
    adw_expander_row_remove (self->acknowledged_row, g_ptr_array_index (self->acknowledged_rows, i));
  g_ptr_array_set_size (self->acknowledged_rows, 0);
  gtk_widget_set_visible (self->acknowledged_group, FALSE);
  self->acknowledged_built = FALSE;
}

/* Shows @n_rows more alerts (a team's may go on in the next rows: a
 * team's own alert and its members' overloads, sustained and not, can be
 * more rows than a screen shows, and every row shown is laid out); after
 * the last, the acknowledged alerts. */
static void
build_more (SfAlertsPage *self,
            guint         n_rows)
{
  GListModel *items = G_LIST_MODEL (self->open_items);
  guint n_items = g_list_model_get_n_items (items);
  guint size = gtk_slice_list_model_get_size (self->open_shown);

  if (size < n_items)
    {
      guint end = n_rows >= n_items - size ? n_items : size + n_rows;

      gtk_slice_list_model_set_size (self->open_shown, end);
    }
  if (is_complete (self) && !self->acknowledged_built)
    build_acknowledged (self);
}

/* Near the end of what is shown (within two screens): more */
static gboolean
wants_more (SfAlertsPage *self)
{
  if (all_built (self) || self->vadjustment == NULL)
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

/* The alerts' items: the open ones by team, the teams in the order of
 * their first (most severe) alert, so that teams with errors come before
 * teams with only warnings; the acknowledged ones. */
static void
make_items (SfAlertsPage *self,
            GPtrArray    *open,
            GPtrArray    *acknowledged)
{
  g_autoptr(GHashTable) teams = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; self->alerts != NULL && i < self->alerts->len; i++)
    {
      SfAlert *alert = g_ptr_array_index (self->alerts, i);
      GPtrArray *team;

      if (alert->acknowledged)
        {
          g_ptr_array_add (acknowledged, sf_alert_item_new (alert, self->ref, NULL));
          continue;
        }
      team = g_hash_table_lookup (teams, &alert->team_id);
      if (team == NULL)
        {
          team = g_ptr_array_new ();
          g_ptr_array_add (order, team);
          g_hash_table_insert (teams, &alert->team_id, team);
        }
      g_ptr_array_add (team, alert);
    }

  for (guint t = 0; t < order->len; t++)
    {
      GPtrArray *team = g_ptr_array_index (order, t);
      guint errors = 0;
      g_autofree char *description = NULL;

      for (guint i = 0; i < team->len; i++)
        if (((SfAlert *) g_ptr_array_index (team, i))->severity == SF_SEVERITY_ERROR)
          errors++;
      description = group_description (errors, team->len - errors);
      for (guint i = 0; i < team->len; i++)
        g_ptr_array_add (open, sf_alert_item_new (g_ptr_array_index (team, i), self->ref, description));
    }
}

/* Acknowledging is the managers' and admin's (HR reads the alerts) */
static const char * const ack_writes[] = { "alerts.acknowledge", "alerts.reopen", NULL };

static void
rebuild (SfAlertsPage *self)
{
  g_autoptr(GPtrArray) open = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) acknowledged = g_ptr_array_new_with_free_func (g_object_unref);
  guint rows_before = g_hash_table_size (self->rows);

  /* The rows go first, with what points at them */
  g_hash_table_remove_all (self->rows);
  g_hash_table_remove_all (self->buttons);
  clear_acknowledged (self);
  gtk_slice_list_model_set_size (self->open_shown, 0);

  g_hash_table_remove_all (self->items);
  sf_role_gate (GTK_WIDGET (self), self->follower.context, SF_ACCESS_DO_ACKNOWLEDGE, ack_writes, TRUE);
  make_items (self, open, acknowledged);
  g_list_store_splice (self->open_items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->open_items)),
                       open->pdata, open->len);
  g_list_store_splice (self->acknowledged_items, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->acknowledged_items)),
                       acknowledged->pdata, acknowledged->len);

  if (open->len == 0 && acknowledged->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "alerts");
  gtk_widget_set_visible (self->none_group, open->len == 0);
  gtk_widget_set_visible (self->open_group, open->len > 0);

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
  g_clear_pointer (&self->acknowledged_rows, g_ptr_array_unref);
  g_clear_object (&self->open_shown);
  g_clear_object (&self->open_items);
  g_clear_object (&self->acknowledged_items);
  g_clear_pointer (&self->items, g_hash_table_unref);
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
  gtk_widget_class_bind_template_child (widget_class, SfAlertsPage, none_group);
  gtk_widget_class_bind_template_child (widget_class, SfAlertsPage, open_group);
  gtk_widget_class_bind_template_child (widget_class, SfAlertsPage, open_list);
  gtk_widget_class_bind_template_child (widget_class, SfAlertsPage, acknowledged_group);
  gtk_widget_class_bind_template_child (widget_class, SfAlertsPage, acknowledged_row);

  gtk_widget_class_install_action (widget_class, "alerts.acknowledge", "s", acknowledge_action);
  gtk_widget_class_install_action (widget_class, "alerts.reopen", "s", reopen_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sf-alerts-page");
}

static void
sf_alerts_page_init (SfAlertsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->open_items = g_list_store_new (SF_TYPE_ALERT_ITEM);
  self->open_shown = gtk_slice_list_model_new (G_LIST_MODEL (g_object_ref (self->open_items)), 0, 0);
  self->acknowledged_items = g_list_store_new (SF_TYPE_ALERT_ITEM);
  self->acknowledged_rows = g_ptr_array_new ();
  self->items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->buttons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  sf_grouped_list_bind (self->open_list, G_LIST_MODEL (self->open_shown), "team-id",
                        create_team_header, create_alert_row, self);

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
static void
set_alerts (SfAlertsPage *self,
            SfStore      *store,
            GPtrArray    *alerts,
            SfDay         ref)
{
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

  build_more (self, G_MAXUINT);
  return self->acknowledged_rows->len > 0 ? self->acknowledged_row : NULL;
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
  set_alerts (SF_ALERTS_PAGE (page), sf_context_get_store (context), sf_context_get_alerts (context),
              sf_context_get_figures (context)->ref);
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
