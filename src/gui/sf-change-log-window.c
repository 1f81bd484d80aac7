/* sf-change-log-window.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sf-change-log-window.h"
#include "sf-error-dialog.h"
#include "sf-export-chooser.h"

/* Who changed what, when: the audit log, newest first.  The list reads the
 * database a page at a time as it scrolls; the filter runs in the
 * database too, so 100,000 rows stay quick. */
struct _SfChangeLogWindow
{
  AdwWindow             parent_instance;

  SfStore              *store;
  SfChangeLogModel         *model;
  GtkFileChooserNative *export_chooser;

  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkSearchEntry       *search_entry;
  GtkStack             *stack;
  GtkColumnView        *column_view;
  AdwStatusPage        *empty_page;
};

G_DEFINE_FINAL_TYPE (SfChangeLogWindow, sf_change_log_window, ADW_TYPE_WINDOW)

typedef enum
{
  COLUMN_TIME,
  COLUMN_WHO,
  COLUMN_CHANGE,
  COLUMN_SUBJECT,
  COLUMN_DETAIL,
} Column;

static void
update_state (SfChangeLogWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  const char *filter = sf_change_log_model_get_filter (self->model);
  gboolean filtered = filter != NULL && *filter != '\0';
  g_autofree char *subtitle = NULL;

  subtitle = g_strdup_printf (filtered ? g_dngettext (GETTEXT_PACKAGE, "%u matching change", "%u matching changes", n)
                                       : g_dngettext (GETTEXT_PACKAGE, "%u change", "%u changes", n),
                              n);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  if (filtered)
    {
      adw_status_page_set_title (self->empty_page, _("No Matching Changes"));
      adw_status_page_set_description (self->empty_page, _("Try another word, initials, team or date."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Changes Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Every import and every change to teams, caseworkers, cases, settings "
                                         "and checklists will be listed here, with who made it and when."));
    }
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "log.export", n > 0);
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (GPOINTER_TO_INT (user_data) == COLUMN_TIME)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  SfChangeLogItem *audit = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  const SfChangeLogEntry *entry;
  const char *text = NULL;

  if (audit == NULL)
    {
      gtk_label_set_text (label, "");
      return;
    }
  entry = sf_change_log_item_get_entry (audit);
  switch ((Column) GPOINTER_TO_INT (user_data))
    {
    case COLUMN_TIME:
      text = sf_change_log_item_get_time (audit);
      break;
    case COLUMN_WHO:
      text = entry->who;
      break;
    case COLUMN_CHANGE:
      text = sf_change_log_action_label (entry->action);
      break;
    case COLUMN_SUBJECT:
      text = entry->subject;
      break;
    case COLUMN_DETAIL:
      text = entry->detail;
      break;
    default:
      g_assert_not_reached ();
    }
  gtk_label_set_text (label, text != NULL ? text : "");
  /* Long details are cut off in the list; the tooltip shows them whole */
  gtk_widget_set_tooltip_text (GTK_WIDGET (label),
                               GPOINTER_TO_INT (user_data) == COLUMN_DETAIL && text != NULL && *text ? text : NULL);
}

static void
add_column (SfChangeLogWindow *self,
            const char        *title,
            Column             column,
            int                width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (view_column, width);
  else
    gtk_column_view_column_set_expand (view_column, TRUE);
  gtk_column_view_append_column (self->column_view, view_column);
}

static void
on_search_changed_cb (SfChangeLogWindow *self,
                      GtkSearchEntry    *entry)
{
  sf_change_log_model_set_filter (self->model, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_store_changed_cb (SfChangeLogWindow *self,
                     const SfChange    *change,
                     SfStore           *store)
{
  if (change->everything || (change->deleted & SF_CHANGE_LOG))
    sf_change_log_model_reload (self->model);
  else if (change->tables & SF_CHANGE_LOG)
    sf_change_log_model_refresh (self->model);
}

static void
on_items_changed_cb (SfChangeLogWindow *self,
                     guint              position,
                     guint              removed,
                     guint              added,
                     GListModel        *model)
{
  update_state (self);
}

static void
on_export_response_cb (SfChangeLogWindow    *self,
                       int                   response,
                       GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (file != NULL && sf_change_log_window_export_csv (self, file, &error))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Change log exported")));
      else if (file != NULL)
        sf_error_dialog_show (GTK_WINDOW (self), _("Could Not Export"), error->message);
    }
  if (self->export_chooser == chooser)
    g_clear_object (&self->export_chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SfChangeLogWindow *self = SF_CHANGE_LOG_WINDOW (widget);
  g_autofree char *iso = sf_day_to_iso (sf_day_today ());
  /* Translators: the file name of an exported change log; %s is the date */
  g_autofree char *name = g_strdup_printf (_("change-log-%s.csv"), iso);

  sf_export_chooser_open (&self->export_chooser, widget, _("Export Change Log"), SF_EXPORT_CSV, name,
                          G_CALLBACK (on_export_response_cb), self);
}

static void
sf_change_log_window_dispose (GObject *object)
{
  SfChangeLogWindow *self = SF_CHANGE_LOG_WINDOW (object);

  sf_chooser_close (&self->export_chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SF_TYPE_CHANGE_LOG_WINDOW);

  G_OBJECT_CLASS (sf_change_log_window_parent_class)->dispose (object);
}

static void
sf_change_log_window_finalize (GObject *object)
{
  SfChangeLogWindow *self = SF_CHANGE_LOG_WINDOW (object);

  g_clear_object (&self->model);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sf_change_log_window_parent_class)->finalize (object);
}

static void
sf_change_log_window_class_init (SfChangeLogWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sf_change_log_window_dispose;
  object_class->finalize = sf_change_log_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sagsfordeling/Sagsfordeling/sf-change-log-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SfChangeLogWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SfChangeLogWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SfChangeLogWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SfChangeLogWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SfChangeLogWindow, column_view);
  gtk_widget_class_bind_template_child (widget_class, SfChangeLogWindow, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);

  gtk_widget_class_install_action (widget_class, "log.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "log.export", NULL);
}

static void
sf_change_log_window_init (SfChangeLogWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  add_column (self, _("Time"), COLUMN_TIME, 170);
  add_column (self, _("User"), COLUMN_WHO, 110);
  add_column (self, _("Change"), COLUMN_CHANGE, 210);
  add_column (self, _("Subject"), COLUMN_SUBJECT, 170);
  add_column (self, _("Details"), COLUMN_DETAIL, -1);
}

SfChangeLogWindow *
sf_change_log_window_new (GtkWindow *parent,
                          SfStore   *store)
{
  SfChangeLogWindow *self;
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SF_IS_STORE (store), NULL);

  self = g_object_new (SF_TYPE_CHANGE_LOG_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->model = sf_change_log_model_new (store);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (on_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  update_state (self);
  return self;
}

SfChangeLogModel *
sf_change_log_window_get_model (SfChangeLogWindow *self)
{
  g_return_val_if_fail (SF_IS_CHANGE_LOG_WINDOW (self), NULL);

  return self->model;
}

/* As typing in the search entry does, without its delay. */
void
sf_change_log_window_set_filter (SfChangeLogWindow *self,
                                 const char        *filter)
{
  g_return_if_fail (SF_IS_CHANGE_LOG_WINDOW (self));

  g_signal_handlers_block_by_func (self->search_entry, on_search_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), filter != NULL ? filter : "");
  g_signal_handlers_unblock_by_func (self->search_entry, on_search_changed_cb, self);
  sf_change_log_model_set_filter (self->model, filter);
}

/* Writes the changes shown (those matching the filter) to @file. */
gboolean
sf_change_log_window_export_csv (SfChangeLogWindow  *self,
                                 GFile              *file,
                                 GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SF_IS_CHANGE_LOG_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = sf_change_log_render_csv (self->store, sf_change_log_model_get_filter (self->model), error);
  if (bytes == NULL)
    return FALSE;
  if (!g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION | G_FILE_CREATE_PRIVATE, NULL, NULL,
                                &local_error))
    {
      g_set_error (error, SF_ERROR, SF_ERROR_IO, _("The file could not be written: %s"), local_error->message);
      return FALSE;
    }
  return TRUE;
}
