/* sf-access-dialog.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sf-access-dialog-private.h"

/* An admin's access to a shared database: who has which role (and a
 * manager which teams), access granted to a login of the server and taken
 * away with an undo toast.  Every write is sf-access.c's, checked again
 * by the server; what it refuses is said under the form. */

G_DEFINE_FINAL_TYPE (SfAccessDialog, sf_access_dialog, ADW_TYPE_PREFERENCES_WINDOW)

/* The roles in the order of the role row's list */
static const char * const role_keys[] = { "manager", "hr", "admin" };

static void reload (SfAccessDialog *self);

/* Says under the form what was refused, or nothing with NULL */
static void
show_problem (SfAccessDialog *self,
              const char     *text)
{
  gtk_label_set_text (self->problem_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), text != NULL);
}

/* Grants @entry's login its role (and team), and what follows: a change
 * of the signed-in login's own access is read again by the window */
static gboolean
grant (SfAccessDialog      *self,
       const char          *login,
       const char          *role,
       const char * const  *teams)
{
  g_autoptr(GError) error = NULL;

  if (!sf_access_grant (sf_context_get_store (self->context), login, role, teams, &error))
    {
      show_problem (self, error->message);
      return FALSE;
    }
  show_problem (self, NULL);
  return TRUE;
}

/* After a grant or a revoke: the list, and the window if the change was
 * the signed-in login's own */
static void
changed (SfAccessDialog *self,
         const char     *login)
{
  const SfAccessSelf *access = sf_context_get_access (self->context);
  g_autoptr(GError) error = NULL;

  reload (self);
  if (access != NULL && g_strcmp0 (access->login, login) == 0 &&
      !sf_context_reload (self->context, &error))
    show_problem (self, error->message);
}

static void
on_undo_cb (AdwToast       *toast,
            SfAccessDialog *self)
{
  SfAccessEntry *entry = g_object_get_data (G_OBJECT (toast), "sf-entry");
  const char *teams[] = { entry->team, NULL };

  if (grant (self, entry->login, entry->role, entry->team != NULL ? teams : NULL))
    changed (self, entry->login);
}

static void
on_revoke_clicked_cb (GtkButton      *button,
                      SfAccessDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "sf-index"));
  const SfAccessEntry *entry = g_ptr_array_index (self->entries, index);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  SfAccessEntry *kept;
  AdwToast *toast;

  if (sf_access_revoke (sf_context_get_store (self->context), entry->login, entry->role, entry->team, &error) < 0)
    {
      show_problem (self, error->message);
      reload (self);
      return;
    }
  show_problem (self, NULL);
  kept = g_new0 (SfAccessEntry, 1);
  kept->login = g_strdup (entry->login);
  kept->role = g_strdup (entry->role);
  kept->team = g_strdup (entry->team);
  /* Translators: a toast; %s is a login */
  title = g_strdup_printf (_("Access of %s taken away"), entry->login);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "sf-entry", kept, (GDestroyNotify) sf_access_entry_free);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (on_undo_cb), self);
  g_set_weak_pointer (&self->undo_toast, toast);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
  changed (self, kept->login);
}

/* "Manager · Syg", "HR" */
static char *
describe_entry (const SfAccessEntry *entry)
{
  const char *role = sf_access_role_name (entry->role);

  if (entry->team == NULL)
    return g_strdup (role);
  /* Translators: a manager's access: the role, then the team */
  return g_strdup_printf (_("%s · %s"), role, entry->team);
}

static GtkWidget *
make_row (SfAccessDialog *self,
          guint           index)
{
  const SfAccessEntry *entry = g_ptr_array_index (self->entries, index);
  g_autofree char *login = g_markup_escape_text (entry->login, -1);
  g_autofree char *what = describe_entry (entry);
  g_autofree char *subtitle = g_markup_escape_text (what, -1);
  g_autofree char *label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *revoke = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), login);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* Translators: what the bin beside a login says to a screen reader:
   * "Take away the access of bo as Manager · Syg" */
  label = g_strdup_printf (_("Take away the access of %s as %s"), entry->login, what);
  gtk_accessible_update_property (GTK_ACCESSIBLE (revoke), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_tooltip_text (revoke, _("Take Away Access"));
  gtk_widget_add_css_class (revoke, "flat");
  gtk_widget_set_valign (revoke, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (revoke), "sf-index", GUINT_TO_POINTER (index));
  g_signal_connect (revoke, "clicked", G_CALLBACK (on_revoke_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), revoke);
  return row;
}

/* The access table as the server gives it to an admin */
static void
reload (SfAccessDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *owner = NULL;
  GPtrArray *entries = sf_access_list (sf_context_get_store (self->context), &owner, &error);
  GtkWidget *child;

  if (entries == NULL)
    {
      show_problem (self, error->message);
      return;
    }
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->entries = entries;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->access_list))) != NULL)
    gtk_list_box_remove (self->access_list, child);
  for (guint i = 0; i < entries->len; i++)
    gtk_list_box_append (self->access_list, make_row (self, i));
}

/* Teams are given to a manager only */
static void
on_role_selected_cb (SfAccessDialog *self)
{
  gboolean manager = adw_combo_row_get_selected (self->role_row) == 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->teams_row), manager);
  adw_expander_row_set_expanded (self->teams_row, manager);
}

static void
on_grant_cb (SfAccessDialog *self)
{
  const SfDataset *dataset = sf_context_get_dataset (self->context);
  guint selected = adw_combo_row_get_selected (self->role_row);
  g_autofree char *login = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->login_row))));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) teams = NULL;
  g_autofree char *toast = NULL;

  if (selected >= G_N_ELEMENTS (role_keys))
    return;
  for (guint i = 0; selected == 0 && dataset != NULL && i < self->team_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->team_checks, i)))
      g_strv_builder_add (builder, g_array_index (dataset->teams, SfTeam, i).name);
  teams = g_strv_builder_end (builder);
  if (!grant (self, login, role_keys[selected], teams[0] != NULL ? (const char * const *) teams : NULL))
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->login_row), "");
  for (guint i = 0; i < self->team_checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (self->team_checks, i), FALSE);
  /* Translators: a toast; %s is a login */
  toast = g_strdup_printf (_("Access granted to %s"), login);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (toast));
  changed (self, login);
}

/* One check a team of the dataset, for a manager's teams */
static void
fill_teams (SfAccessDialog *self)
{
  const SfDataset *dataset = sf_context_get_dataset (self->context);

  for (guint i = 0; dataset != NULL && i < dataset->teams->len; i++)
    {
      const SfTeam *team = &g_array_index (dataset->teams, SfTeam, i);
      g_autofree char *name = g_markup_escape_text (team->name, -1);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, team->name, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_expander_row_add_row (self->teams_row, row);
      g_ptr_array_add (self->team_checks, check);
    }
}

static void
sf_access_dialog_dispose (GObject *object)
{
  SfAccessDialog *self = SF_ACCESS_DIALOG (object);

  g_clear_weak_pointer (&self->undo_toast);
  g_clear_object (&self->context);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->team_checks, g_ptr_array_unref);
  G_OBJECT_CLASS (sf_access_dialog_parent_class)->dispose (object);
}

static void
sf_access_dialog_class_init (SfAccessDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sf_access_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sagsfordeling/Sagsfordeling/sf-access-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SfAccessDialog, access_list);
  gtk_widget_class_bind_template_child (widget_class, SfAccessDialog, login_row);
  gtk_widget_class_bind_template_child (widget_class, SfAccessDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, SfAccessDialog, teams_row);
  gtk_widget_class_bind_template_child (widget_class, SfAccessDialog, grant_button);
  gtk_widget_class_bind_template_child (widget_class, SfAccessDialog, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, on_grant_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_role_selected_cb);
}

static void
sf_access_dialog_init (SfAccessDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->team_checks = g_ptr_array_new ();
}

SfAccessDialog *
sf_access_dialog_new (GtkWindow *parent,
                      SfContext *context)
{
  SfAccessDialog *self;

  g_return_val_if_fail (SF_IS_CONTEXT (context), NULL);

  self = g_object_new (SF_TYPE_ACCESS_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  fill_teams (self);
  on_role_selected_cb (self);
  reload (self);
  return self;
}
