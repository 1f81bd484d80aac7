/* sf-checklists-page.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sf-checklist-entry.h"
#include "sf-checklist-pdf.h"
#include "sf-checklists-page-private.h"
#include "sf-conflict-dialog.h"
#include "sf-error-dialog.h"
#include "sf-export-chooser.h"
#include "sf-grouped-list.h"
#include "sf-role-gate.h"

/* Pejlemærker: a team's checklists of goal markers and work procedures.
 * Items are checked with a date, initials and a note; an item with a
 * review interval comes back as due for follow-up, and the page says so.
 * Every change goes through core (sf-checklist.c). */
struct _SfChecklistsPage
{
  GtkWidget             parent_instance;

  SfContext            *context;
  SfStore              *store;            /* the context's */
  GArray               *team_ids;         /* gint64, in the dropdown's order */
  GPtrArray            *checklists;       /* SfChecklist of the selected team */
  gint64                team_id;
  gboolean              updating;
  GHashTable           *check_buttons;    /* item id → GtkCheckButton (borrowed) */
  AdwMessageDialog     *dialog;           /* weak */
  GtkFileChooserNative *pdf_chooser;
  char                 *progress_text;

  GtkDropDown          *team_dropdown;
  GtkStringList        *team_names;
  GtkLevelBar          *team_level;
  GtkLabel             *team_progress_label;
  GtkStack             *content_stack;
  GtkBox               *checklists_box;
};

G_DEFINE_FINAL_TYPE (SfChecklistsPage, sf_checklists_page, GTK_TYPE_WIDGET)


static void rebuild (SfChecklistsPage *self);

static const SfChecklist *
find_checklist (SfChecklistsPage *self,
                gint64            checklist_id)
{
  for (guint i = 0; self->checklists != NULL && i < self->checklists->len; i++)
    {
      const SfChecklist *checklist = g_ptr_array_index (self->checklists, i);

      if (checklist->id == checklist_id)
        return checklist;
    }
  return NULL;
}

static const SfChecklistItem *
find_item (SfChecklistsPage   *self,
           gint64              item_id,
           const SfChecklist **out_checklist)
{
  for (guint i = 0; self->checklists != NULL && i < self->checklists->len; i++)
    {
      const SfChecklist *checklist = g_ptr_array_index (self->checklists, i);
      const SfChecklistItem *item = sf_checklist_find_item (checklist, item_id);

      if (item != NULL)
        {
          if (out_checklist != NULL)
            *out_checklist = checklist;
          return item;
        }
    }
  return NULL;
}

static const char *
team_name (SfChecklistsPage *self)
{
  guint position = gtk_drop_down_get_selected (self->team_dropdown);

  if (position == GTK_INVALID_LIST_POSITION)
    return "";
  return gtk_string_list_get_string (self->team_names, position);
}

static void
show_toast (SfChecklistsPage *self,
            const char       *title)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", title);
}

static AdwMessageDialog *
new_dialog (SfChecklistsPage *self,
            const char       *heading,
            const char       *body)
{
  AdwMessageDialog *dialog = sf_message_dialog_new_for (GTK_WIDGET (self), heading, body);

  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_set_weak_pointer (&self->dialog, dialog);
  return dialog;
}

static void
show_error (SfChecklistsPage *self,
            const char       *heading,
            const char       *message)
{
  AdwMessageDialog *dialog = new_dialog (self, heading, message);

  adw_message_dialog_set_response_label (dialog, "cancel", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* An id kept on a dialog or a file chooser under @key, for its answer */
static void
set_id (gpointer    object,
        const char *key,
        gint64      id)
{
  g_object_set_data_full (G_OBJECT (object), key, g_memdup2 (&id, sizeof id), g_free);
}

static gint64
get_id (gpointer    object,
        const char *key)
{
  return *(gint64 *) g_object_get_data (G_OBJECT (object), key);
}

static GtkWidget *
form_grid (void)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  return grid;
}

static void
on_required_changed_cb (GtkEditable      *editable,
                        AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  const char *response = g_object_get_data (G_OBJECT (dialog), "sf-required-response");

  adw_message_dialog_set_response_enabled (dialog, response, *text != '\0');
}

static void
require_text (AdwMessageDialog *dialog,
              GtkWidget        *entry,
              const char       *response)
{
  g_object_set_data (G_OBJECT (dialog), "sf-required-response", (gpointer) response);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_required_changed_cb), dialog, 0);
  on_required_changed_cb (GTK_EDITABLE (entry), dialog);
}

/* Shows @dialog with @child under its text and @response, labelled
 * @label, as its suggested and default answer, enabled only while
 * @required (if not NULL) has text; @callback is told the answer. */
static void
present_form (SfChecklistsPage *self,
              AdwMessageDialog *dialog,
              GtkWidget        *child,
              const char       *response,
              const char       *label,
              GtkWidget        *required,
              GCallback         callback)
{
  adw_message_dialog_set_extra_child (dialog, child);
  adw_message_dialog_add_response (dialog, response, label);
  adw_message_dialog_set_response_appearance (dialog, response, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, response);
  if (required != NULL)
    require_text (dialog, required, response);
  g_signal_connect_object (dialog, "response", callback, self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A labelled field for a dialog's form. */
static GtkWidget *
form_row (GtkGrid    *grid,
          int         row,
          const char *label,
          GtkWidget  *field)
{
  GtkWidget *title = gtk_label_new_with_mnemonic (label);

  gtk_label_set_xalign (GTK_LABEL (title), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), field);
  gtk_widget_add_css_class (title, "dim-label");
  gtk_widget_set_hexpand (field, TRUE);
  gtk_grid_attach (grid, title, 0, row, 1, 1);
  gtk_grid_attach (grid, field, 1, row, 1, 1);
  return field;
}

static GtkWidget *
new_entry (const char *name,
           const char *text,
           const char *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_widget_set_name (entry, name);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), text);
  if (placeholder != NULL)
    gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  return entry;
}

static GtkWidget *
months_spin (guint months)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, SF_CHECKLIST_MAX_REVIEW_MONTHS, 1);

  gtk_widget_set_name (spin, "review-spin");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), months);
  gtk_widget_set_hexpand (spin, FALSE);
  gtk_widget_set_halign (spin, GTK_ALIGN_START);
  return spin;
}

/* A label of @text at the end of @box, wrapped and aligned to the start,
 * with the CSS classes that follow (NULL-terminated) */
static GtkWidget * G_GNUC_NULL_TERMINATED
append_label (GtkWidget  *box,
              const char *text,
              ...)
{
  GtkWidget *label = gtk_label_new (text);
  const char *css_class;
  va_list classes;

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  va_start (classes, text);
  while ((css_class = va_arg (classes, const char *)) != NULL)
    gtk_widget_add_css_class (label, css_class);
  va_end (classes);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

/* Where a form says why it was refused: @message, if not NULL */
static void
append_error_label (GtkWidget  *box,
                    const char *message)
{
  GtkWidget *label = append_label (box, message, "error", NULL);

  gtk_widget_set_name (label, "error-label");
  gtk_widget_set_visible (label, message != NULL);
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
field_text (AdwMessageDialog *dialog,
            const char       *name)
{
  GtkWidget *entry = find_named (adw_message_dialog_get_extra_child (dialog), name);

  return entry != NULL ? gtk_editable_get_text (GTK_EDITABLE (entry)) : NULL;
}

static guint
field_months (AdwMessageDialog *dialog)
{
  GtkWidget *spin = find_named (adw_message_dialog_get_extra_child (dialog), "review-spin");

  return (guint) gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin));
}

/* Undo ---------------------------------------------------------------- */

/* What an undo writes back: an item checked again, or an item or a
 * checklist back from the removed */
typedef struct
{
  gint64   id;
  SfDay    day;
  char    *initials;
  char    *note;
} Undo;

static void
undo_free (Undo *undo)
{
  g_free (undo->initials);
  g_free (undo->note);
  g_free (undo);
}

static gboolean
undo_uncheck (SfStore  *store,
              gpointer  data,
              GError  **error)
{
  Undo *undo = data;

  return sf_checklist_check (store, undo->id, undo->day, undo->initials, undo->note, error);
}

static gboolean
undo_remove_item (SfStore  *store,
                  gpointer  data,
                  GError  **error)
{
  return sf_checklist_set_item_removed (store, ((Undo *) data)->id, FALSE, error);
}

static gboolean
undo_remove_checklist (SfStore  *store,
                       gpointer  data,
                       GError  **error)
{
  return sf_checklist_set_removed (store, ((Undo *) data)->id, FALSE, error);
}

static Undo *
undo_new (SfChecklistsPage *self,
          gint64            id)
{
  Undo *undo = g_new0 (Undo, 1);

  undo->id = id;
  return undo;
}

/* Offers @undo (taken) through the context: the window shows the toast */
static void
offer_undo (SfChecklistsPage *self,
            const char       *title,
            Undo             *undo,
            SfUndoFunc        func)
{
  if (self->context == NULL)
    {
      undo_free (undo);
      return;
    }
  sf_context_offer_undo (self->context, title, func, undo, (GDestroyNotify) undo_free);
}

/* Checking an item ---------------------------------------------------- */

static void open_item_dialog (SfChecklistsPage *self,
                              gint64            item_id,
                              const char       *date,
                              const char       *initials,
                              const char       *note,
                              int               months,
                              const char       *error);

/* A check or uncheck someone else's change refused: what was asked */
typedef struct
{
  gint64            item_id;
  gboolean          check;    /* FALSE: uncheck */
  SfDay             day;
  char             *date;
  char             *initials;
  char             *note;
  guint             months;
} Retry;

static void
retry_free (gpointer data)
{
  Retry *retry = data;

  g_free (retry->date);
  g_free (retry->initials);
  g_free (retry->note);
  g_free (retry);
}

static gboolean write_check   (SfChecklistsPage *self,
                               Retry            *retry,
                               gint64            version);

static void
on_conflict_decided_cb (gpointer          owner,
                        SfConflictChoice  choice,
                        gint64            version,
                        gpointer          data)
{
  SfChecklistsPage *self = owner;
  Retry *retry = data;

  if (choice == SF_CONFLICT_APPLY_MINE)
    write_check (self, retry, version);
  else if (choice == SF_CONFLICT_BACK && retry->check)
    open_item_dialog (self, retry->item_id, retry->date, retry->initials, retry->note, (int) retry->months, NULL);
  else
    rebuild (self);
}

/* The item as someone else left it beside what the form asked */
static void
ask_about_conflict (SfChecklistsPage *self,
                    const GError     *error,
                    Retry            *retry)
{
  const SfConflict *conflict = sf_conflict_get (error);
  g_autoptr(GPtrArray) fields = sf_conflict_fields_new ();
  Retry *copy = g_memdup2 (retry, sizeof *retry);
  const char *their_day = sf_conflict_dialog_theirs (conflict, "checked_on");
  SfDay day = SF_DAY_NONE;

  if (their_day != NULL)
    sf_day_parse (their_day, &day);
  sf_conflict_fields_add (fields, _("Checked on"), day != SF_DAY_NONE ? sf_day_format (day) : NULL,
                          retry->check ? sf_day_format (retry->day) : NULL);
  sf_conflict_fields_add_text (fields, _("Initials"), conflict, "checked_by", retry->check ? retry->initials : NULL);
  sf_conflict_fields_add_text (fields, _("Note"), conflict, "note", retry->check ? retry->note : NULL);
  if (retry->check)
    {
      g_autofree char *months = g_strdup_printf ("%u", retry->months);

      sf_conflict_fields_add_text (fields, _("Follow up every (months)"), conflict, "review_months", months);
    }

  copy->date = g_strdup (retry->date);
  copy->initials = g_strdup (retry->initials);
  copy->note = g_strdup (retry->note);
  g_set_weak_pointer (&self->dialog,
                      sf_conflict_dialog_ask (GTK_WIDGET (self), error, fields, on_conflict_decided_cb, copy,
                                              retry_free));
}

/* Checks or unchecks the item as @retry asks, claiming it at @version;
 * a conflict asks what to do */
static gboolean
write_check (SfChecklistsPage *self,
             Retry            *retry,
             gint64            version)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (retry->check)
    ok = sf_checklist_follow_up_versioned (self->store, retry->item_id, version, retry->day, retry->initials,
                                           retry->note, (int) retry->months, &error);
  else
    ok = sf_checklist_uncheck_versioned (self->store, retry->item_id, version, &error);
  if (ok)
    return TRUE;
  if (sf_conflict_get (error) != NULL)
    ask_about_conflict (self, error, retry);
  else if (retry->check)
    open_item_dialog (self, retry->item_id, retry->date, retry->initials, retry->note, (int) retry->months,
                      error->message);
  else
    {
      show_error (self, _("Item Not Unchecked"), error->message);
      rebuild (self);
    }
  return FALSE;
}

static void
on_item_dialog_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            SfChecklistsPage *self)
{
  gint64 item_id = get_id (dialog, "sf-item-id");
  const SfChecklistItem *item = find_item (self, item_id, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *initials = NULL;
  g_autofree char *note = NULL;
  guint months;
  SfDay day = SF_DAY_NONE;

  if (item == NULL || g_str_equal (response, "cancel"))
    return;

  if (g_str_equal (response, "remove"))
    {
      g_autofree char *title = NULL;

      if (!sf_checklist_set_item_removed (self->store, item_id, TRUE, &error))
        {
          show_error (self, _("Item Not Removed"), error->message);
          return;
        }
      title = g_strdup (_("Item removed"));
      offer_undo (self, title, undo_new (self, item_id), undo_remove_item);
      return;
    }

  /* Keep what was typed: a refused check opens the form again with it. */
  date = g_strdup (field_text (dialog, "date-entry"));
  initials = g_strdup (field_text (dialog, "initials-entry"));
  note = g_strdup (field_text (dialog, "note-entry"));
  months = field_months (dialog);

  if (!sf_day_parse (date, &day))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a date. Write it as dd.mm.yyyy."), date);

      open_item_dialog (self, item_id, date, initials, note, (int) months, message);
      return;
    }
  {
    /* The check and the interval in one write, claiming the item as the
     * form read it */
    Retry retry = { .item_id = item_id, .check = TRUE, .day = day, .date = date, .initials = initials,
                    .note = note, .months = months };

    if (!write_check (self, &retry, item->version))
      return;
  }
  show_toast (self, _("Item checked"));
}

static char *
history_text (SfChecklistsPage *self,
              gint64            item_id)
{
  g_autoptr(GPtrArray) events = sf_checklist_item_history (self->store, item_id, NULL);
  GString *text = g_string_new (NULL);

  if (events == NULL || events->len == 0)
    return g_string_free (text, TRUE);
  g_string_append (text, _("History:"));
  for (guint i = 0; i < events->len; i++)
    {
      const SfChecklistEvent *event = g_ptr_array_index (events, i);
      g_autofree char *day = sf_day_format (event->day);

      g_string_append (text, "\n");
      if (g_str_equal (event->action, "uncheck"))
        /* Translators: a line of an item's history; %s is a date */
        g_string_append_printf (text, _("%s: unchecked"), day);
      else if (event->note != NULL)
        g_string_append_printf (text, _("Checked %s by %s: %s"), day, event->initials, event->note);
      else
        g_string_append_printf (text, _("Checked %s by %s"), day, event->initials);
    }
  return g_string_free (text, FALSE);
}

static void
open_item_dialog (SfChecklistsPage *self,
                  gint64            item_id,
                  const char       *date,
                  const char       *initials,
                  const char       *note,
                  int               months,
                  const char       *error)
{
  const SfChecklistItem *item = find_item (self, item_id, NULL);
  g_autofree char *today = sf_day_format (sf_day_today ());
  g_autofree char *last = NULL;
  g_autofree char *history = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *box, *grid, *label;
  gboolean follow_up;

  if (item == NULL)
    return;
  follow_up = item->checked_on != SF_DAY_NONE;
  dialog = new_dialog (self, follow_up ? _("Follow Up on Item") : _("Check Item"),
                       sf_checklist_text (item->text, item->shipped));
  set_id (dialog, "sf-item-id", item_id);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  if (item->detail != NULL)
    append_label (box, sf_checklist_text (item->detail, item->shipped), "dim-label", NULL);
  history = history_text (self, item_id);
  if (history != NULL)
    {
      label = append_label (box, history, "caption", NULL);
      gtk_widget_set_name (label, "history-label");
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
    }

  if (initials == NULL)
    initials = last = sf_checklist_last_initials (self->store);
  grid = form_grid ();
  form_row (GTK_GRID (grid), 0, _("_Date"), new_entry ("date-entry", date ? date : today, _("dd.mm.yyyy")));
  form_row (GTK_GRID (grid), 1, _("_Initials"), new_entry ("initials-entry", initials, _("Who checked it")));
  form_row (GTK_GRID (grid), 2, _("_Note"), new_entry ("note-entry", note, _("What was found or agreed (optional)")));
  form_row (GTK_GRID (grid), 3, _("Follow up every (_months)"),
            months_spin (months >= 0 ? (guint) months : item->review_months));
  gtk_box_append (GTK_BOX (box), grid);
  append_label (box, _("0 months: no recurring follow-up. Follow-up is a continuous process: "
                       "an item with an interval comes back as due that long after each check."),
                "caption", "dim-label", NULL);
  append_error_label (box, error);

  adw_message_dialog_add_response (dialog, "remove", _("_Remove Item"));
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  present_form (self, dialog, box, "check", follow_up ? _("_Follow Up") : _("_Check"), NULL,
                G_CALLBACK (on_item_dialog_response_cb));
}

static void
on_check_button_toggled_cb (GtkCheckButton   *button,
                            SfChecklistEntry *entry)
{
  SfChecklistsPage *self = SF_CHECKLISTS_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (button),
                                                                        SF_TYPE_CHECKLISTS_PAGE));
  gint64 item_id = sf_checklist_entry_get_id (entry);
  const SfChecklistItem *item = find_item (self, item_id, NULL);
  Undo *undo;

  if (self->updating || item == NULL)
    return;

  if (gtk_check_button_get_active (button))
    {
      /* Checked only once a date and initials are given */
      self->updating = TRUE;
      gtk_check_button_set_active (button, FALSE);
      self->updating = FALSE;
      open_item_dialog (self, item_id, NULL, NULL, NULL, -1, NULL);
      return;
    }

  undo = undo_new (self, item_id);
  undo->day = item->checked_on;
  undo->initials = g_strdup (item->checked_by);
  undo->note = g_strdup (item->note);
  {
    Retry retry = { .item_id = item_id, .check = FALSE };

    if (!write_check (self, &retry, item->version))
      {
        undo_free (undo);
        return;
      }
  }
  offer_undo (self, _("Item unchecked"), undo, undo_uncheck);
}

/* An item's row and its Follow Up… button open it */
static void
open_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  open_item_dialog (SF_CHECKLISTS_PAGE (widget), g_variant_get_int64 (parameter), NULL, NULL, NULL, -1, NULL);
}

/* Building the page --------------------------------------------------- */

static GtkWidget *
create_item_row (gpointer data,
                 gpointer user_data)
{
  SfChecklistEntry *entry = data;
  SfChecklistsPage *self = user_data;
  gint64 id = sf_checklist_entry_get_id (entry);
  g_autofree char *title = g_markup_escape_text (sf_checklist_entry_get_title (entry), -1);
  g_autofree char *subtitle = g_markup_escape_text (sf_checklist_entry_get_subtitle (entry), -1);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "checklists.open-item");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", id);

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), sf_checklist_entry_get_checked (entry));
  /* Check marks are the managers' and admin's */
  gtk_widget_set_sensitive (check, self->context == NULL ||
                                   sf_access_may (sf_context_get_access (self->context), SF_ACCESS_DO_CHECKLISTS));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, sf_checklist_entry_get_title (entry), -1);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_button_toggled_cb), entry, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  g_hash_table_insert (self->check_buttons, g_memdup2 (&id, sizeof id), check);

  if (sf_checklist_entry_get_due (entry))
    {
      GtkWidget *due = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *icon = gtk_image_new_from_icon_name ("task-past-due-symbolic");
      GtkWidget *label = gtk_label_new (_("Follow-up due"));

      gtk_widget_set_valign (due, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      gtk_box_append (GTK_BOX (due), icon);
      gtk_box_append (GTK_BOX (due), label);
      gtk_widget_add_css_class (due, "warning");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), due);
      gtk_widget_add_css_class (row, "due");
    }
  return row;
}

/* A section's heading, none for the items outside any */
static GtkWidget *
create_section_header (gpointer data,
                       gpointer user_data)
{
  SfChecklistEntry *entry = data;

  if (sf_checklist_entry_get_section_title (entry) == NULL)
    return NULL;
  return sf_group_header_new (sf_checklist_entry_get_section_title (entry),
                              sf_checklist_entry_get_section_detail (entry), NULL);
}

/* A list of @model's items, in boxed rows */
static GtkWidget *
new_list_box (const char *accessible_label)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  return list;
}

/* An item of a checklist's menu: @action on @checklist_id */
static void
append_menu_item (GMenu      *section,
                  const char *label,
                  const char *action,
                  gint64      checklist_id)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, g_variant_new_int64 (checklist_id));
  g_menu_append_item (section, item);
}

static GMenuModel *
checklist_menu (const SfChecklist *checklist)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) edits = g_menu_new ();
  g_autoptr(GMenu) removal = g_menu_new ();

  append_menu_item (edits, _("_Add Item…"), "checklists.add-item", checklist->id);
  append_menu_item (edits, _("_Save as Template…"), "checklists.save-template", checklist->id);
  append_menu_item (edits, _("_Export as PDF…"), "checklists.export-pdf", checklist->id);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edits));
  append_menu_item (removal, _("_Remove Checklist"), "checklists.remove", checklist->id);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (removal));
  return G_MENU_MODEL (menu);
}

static GtkWidget *
checklist_header (const SfChecklist *checklist)
{
  const char *title = sf_checklist_text (checklist->title, checklist->shipped);
  g_autofree char *progress = sf_checklist_progress_text (checklist->n_checked, checklist->items->len,
                                                          checklist->n_due);
  g_autofree char *menu_label = NULL;
  g_autoptr(GMenuModel) menu = checklist_menu (checklist);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label, *level, *button;

  gtk_widget_set_hexpand (text, TRUE);
  label = append_label (text, title, "title-2", NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);

  level = gtk_level_bar_new_for_interval (0, 1);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (level),
                           checklist->items->len ? (double) checklist->n_checked / checklist->items->len : 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (level), GTK_ACCESSIBLE_PROPERTY_LABEL, progress, -1);
  gtk_box_append (GTK_BOX (text), level);

  label = append_label (text, progress, checklist->n_due > 0 ? "warning" : "dim-label", NULL);
  gtk_widget_set_name (label, "progress-label");

  if (checklist->description != NULL)
    append_label (text, sf_checklist_text (checklist->description, checklist->shipped), NULL);
  if (checklist->source != NULL)
    {
      g_autofree char *source = g_strdup_printf (_("Source: %s"), checklist->source);

      append_label (text, source, "caption", "dim-label", NULL);
    }
  gtk_box_append (GTK_BOX (header), text);

  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (button, _("Checklist Menu"));
  /* Translators: the accessible name of a checklist's menu button; %s is its title */
  menu_label = g_strdup_printf (_("Menu of “%s”"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_box_append (GTK_BOX (header), button);
  return header;
}

static GtkWidget *
checklist_widget (SfChecklistsPage  *self,
                  const SfChecklist *checklist)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  g_autoptr(GListStore) entries = g_list_store_new (SF_TYPE_CHECKLIST_ENTRY);
  GtkWidget *list = new_list_box (sf_checklist_text (checklist->title, checklist->shipped));

  gtk_box_append (GTK_BOX (box), checklist_header (checklist));
  for (guint i = 0; i < checklist->items->len; i++)
    {
      g_autoptr(SfChecklistEntry) entry = sf_checklist_entry_new (checklist, g_ptr_array_index (checklist->items, i));

      g_list_store_append (entries, entry);
    }
  gtk_widget_remove_css_class (list, "boxed-list");
  gtk_widget_add_css_class (list, "grouped-list");
  sf_grouped_list_bind (GTK_LIST_BOX (list), G_LIST_MODEL (entries), "section",
                        create_section_header, create_item_row, self);
  gtk_box_append (GTK_BOX (box), list);
  return box;
}

static GtkWidget *
create_due_row (gpointer data,
                gpointer user_data)
{
  SfChecklistEntry *entry = data;
  g_autofree char *title = g_markup_escape_text (sf_checklist_entry_get_title (entry), -1);
  g_autofree char *subtitle = g_markup_escape_text (sf_checklist_entry_get_due_subtitle (entry), -1);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Follow Up…"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("task-past-due-symbolic"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "checklists.open-item");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", sf_checklist_entry_get_id (entry));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  return row;
}

/* The items due for follow-up, first, so that nobody has to look for them. */
static GtkWidget *
due_group (SfChecklistsPage *self)
{
  g_autoptr(GListStore) due = g_list_store_new (SF_TYPE_CHECKLIST_ENTRY);
  GtkWidget *group;
  GtkWidget *list;

  for (guint c = 0; self->checklists != NULL && c < self->checklists->len; c++)
    {
      const SfChecklist *checklist = g_ptr_array_index (self->checklists, c);

      for (guint i = 0; i < checklist->items->len; i++)
        {
          const SfChecklistItem *item = g_ptr_array_index (checklist->items, i);
          g_autoptr(SfChecklistEntry) entry = NULL;

          if (!item->due)
            continue;
          entry = sf_checklist_entry_new (checklist, item);
          g_list_store_append (due, entry);
        }
    }
  if (g_list_model_get_n_items (G_LIST_MODEL (due)) == 0)
    return NULL;

  group = adw_preferences_group_new ();
  gtk_widget_set_name (group, "due-group");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Due for Follow-up"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Follow-up is a continuous process, not a one-off: "
                                           "these items were checked long enough ago to be looked at again."));
  list = new_list_box (_("Due for Follow-up"));
  gtk_list_box_bind_model (GTK_LIST_BOX (list), G_LIST_MODEL (due), create_due_row, self, NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  return group;
}

/* What changes checklists: a new one for the team chosen, and any; what
 * changes the templates */
static const char * const checklist_writes[] = { "checklists.start", NULL };
/* (An item's form is where it is checked: HR reads the list) */
static const char * const checklist_edits[] = {
  "checklists.add-item", "checklists.remove", "checklists.open-item", NULL
};
static const char * const template_writes[] = { "checklists.save-template", NULL };

static void
rebuild (SfChecklistsPage *self)
{
  GtkWidget *child;
  guint total = 0, checked = 0, due = 0;

  g_hash_table_remove_all (self->check_buttons);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->checklists_box))) != NULL)
    gtk_box_remove (self->checklists_box, child);

  if ((child = due_group (self)) != NULL)
    gtk_box_append (self->checklists_box, child);

  for (guint i = 0; self->checklists != NULL && i < self->checklists->len; i++)
    {
      const SfChecklist *checklist = g_ptr_array_index (self->checklists, i);

      gtk_box_append (self->checklists_box, checklist_widget (self, checklist));
      total += checklist->items->len;
      checked += checklist->n_checked;
      due += checklist->n_due;
    }

  g_free (self->progress_text);
  self->progress_text = total ? sf_checklist_progress_text (checked, total, due) : g_strdup ("");
  gtk_label_set_label (self->team_progress_label, self->progress_text);
  gtk_level_bar_set_value (self->team_level, total ? (double) checked / total : 0);
  gtk_widget_set_visible (GTK_WIDGET (self->team_level), total > 0);
  gtk_stack_set_visible_child_name (self->content_stack, total > 0 ? "list" : "none");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checklists.start", self->team_id != 0);
  /* Checklists are the managers' and admin's; templates admin's */
  sf_role_gate (GTK_WIDGET (self), self->context, SF_ACCESS_DO_CHECKLISTS, checklist_writes, FALSE);
  sf_role_gate (GTK_WIDGET (self), self->context, SF_ACCESS_DO_CHECKLISTS, checklist_edits, TRUE);
  sf_role_gate (GTK_WIDGET (self), self->context, SF_ACCESS_DO_SETTINGS, template_writes, TRUE);
}

static void
load_team (SfChecklistsPage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->checklists, g_ptr_array_unref);
  if (self->store != NULL && self->team_id != 0)
    {
      self->checklists = sf_checklists_load (self->store, self->team_id, sf_day_today (), &error);
      if (self->checklists == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("Could not read the checklists: %s"), error->message);

          show_toast (self, message);
        }
    }
  rebuild (self);
}

static void
on_team_selected_cb (SfChecklistsPage *self,
                     GParamSpec       *pspec,
                     GtkDropDown      *dropdown)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  if (self->updating)
    return;
  self->team_id = position < self->team_ids->len ? g_array_index (self->team_ids, gint64, position) : 0;
  load_team (self);
}

/* Actions ------------------------------------------------------------- */

static void
on_start_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      SfChecklistsPage *self)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  GStrv keys = g_object_get_data (G_OBJECT (dialog), "sf-keys");
  guint position = gtk_drop_down_get_selected (dropdown);
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "start") || position >= g_strv_length (keys))
    return;
  if (sf_checklist_create (self->store, self->team_id, keys[position], &error) == 0)
    show_error (self, _("Checklist Not Started"), error->message);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SfChecklistsPage *self = SF_CHECKLISTS_PAGE (widget);
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *dropdown;

  if (self->store == NULL || self->team_id == 0)
    return;
  templates = sf_checklist_templates_load_all (self->store, &error);
  if (templates == NULL)
    {
      show_error (self, _("Checklist Not Started"), error->message);
      return;
    }
  for (guint i = 0; i < templates->len; i++)
    {
      const SfChecklistTemplate *template_ = g_ptr_array_index (templates, i);
      gboolean used = FALSE;

      for (guint c = 0; self->checklists != NULL && c < self->checklists->len; c++)
        used |= g_strcmp0 (((SfChecklist *) g_ptr_array_index (self->checklists, c))->template_key,
                           template_->key) == 0;
      if (used)
        continue;
      g_strv_builder_add (keys, template_->key);
      gtk_string_list_append (titles, sf_checklist_text (template_->title, !template_->custom));
    }

  /* Translators: %s is a team's name */
  heading = g_strdup_printf (_("Start a Checklist for %s"), team_name (self));
  dialog = new_dialog (self, heading,
                       g_list_model_get_n_items (G_LIST_MODEL (titles)) > 0
                         ? _("Choose the guidance the team will follow up on. You can add your own items afterwards.")
                         : _("The team already has a checklist of every template. Save a checklist as a template "
                             "to start another kind."));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (titles)), NULL);
  gtk_widget_set_name (dropdown, "template-dropdown");
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Template"), -1);
  gtk_widget_set_visible (dropdown, g_list_model_get_n_items (G_LIST_MODEL (titles)) > 0);
  g_object_set_data_full (G_OBJECT (dialog), "sf-keys", g_strv_builder_end (keys), (GDestroyNotify) g_strfreev);
  present_form (self, dialog, dropdown, "start", _("_Start"), NULL, G_CALLBACK (on_start_response_cb));
  adw_message_dialog_set_response_enabled (dialog, "start", g_list_model_get_n_items (G_LIST_MODEL (titles)) > 0);
}

static void open_add_item_dialog (SfChecklistsPage *self,
                                  gint64            checklist_id,
                                  const char       *text,
                                  const char       *detail,
                                  guint             months,
                                  const char       *error);

static void
on_add_item_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         SfChecklistsPage *self)
{
  gint64 checklist_id = get_id (dialog, "sf-checklist-id");
  g_autofree char *text = NULL;
  g_autofree char *detail = NULL;
  g_autoptr(GError) error = NULL;
  guint months;

  if (!g_str_equal (response, "add"))
    return;
  text = g_strdup (field_text (dialog, "text-entry"));
  detail = g_strdup (field_text (dialog, "detail-entry"));
  months = field_months (dialog);
  if (sf_checklist_add_item (self->store, checklist_id, text, detail, months, &error) == 0)
    open_add_item_dialog (self, checklist_id, text, detail, months, error->message);
}

static void
open_add_item_dialog (SfChecklistsPage *self,
                      gint64            checklist_id,
                      const char       *text,
                      const char       *detail,
                      guint             months,
                      const char       *error)
{
  AdwMessageDialog *dialog = new_dialog (self, _("Add an Item"),
                                         _("Add a goal marker or a point of your own to follow up on."));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *grid = form_grid ();
  GtkWidget *entry;

  set_id (dialog, "sf-checklist-id", checklist_id);
  entry = form_row (GTK_GRID (grid), 0, _("_Item"), new_entry ("text-entry", text, _("What to follow up on")));
  form_row (GTK_GRID (grid), 1, _("_Detail"), new_entry ("detail-entry", detail, _("More about it (optional)")));
  form_row (GTK_GRID (grid), 2, _("Follow up every (_months)"), months_spin (months));
  gtk_box_append (GTK_BOX (box), grid);
  append_error_label (box, error);
  present_form (self, dialog, box, "add", _("_Add"), entry, G_CALLBACK (on_add_item_response_cb));
}

static void
add_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  open_add_item_dialog (SF_CHECKLISTS_PAGE (widget), g_variant_get_int64 (parameter), NULL, NULL, 0, NULL);
}

static void open_save_template_dialog (SfChecklistsPage *self,
                                       gint64            checklist_id,
                                       const char       *title,
                                       const char       *error);

static void
on_save_template_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              SfChecklistsPage *self)
{
  gint64 checklist_id = get_id (dialog, "sf-checklist-id");
  g_autofree char *title = NULL;
  g_autofree char *key = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "save"))
    return;
  title = g_strdup (field_text (dialog, "title-entry"));
  key = sf_checklist_save_as_template (self->store, checklist_id, title, &error);
  if (key == NULL)
    {
      open_save_template_dialog (self, checklist_id, title, error->message);
      return;
    }
  show_toast (self, _("Template saved"));
}

static void
open_save_template_dialog (SfChecklistsPage *self,
                           gint64            checklist_id,
                           const char       *title,
                           const char       *error)
{
  AdwMessageDialog *dialog = new_dialog (self, _("Save as Template"),
                                         _("Every team can then start a checklist with the same items, "
                                           "including the ones you added, and the same follow-up intervals."));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *entry = new_entry ("title-entry", title, _("Title of the template"));

  set_id (dialog, "sf-checklist-id", checklist_id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Title"), -1);
  gtk_box_append (GTK_BOX (box), entry);
  append_error_label (box, error);
  present_form (self, dialog, box, "save", _("_Save"), entry, G_CALLBACK (on_save_template_response_cb));
}

static void
save_template_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  open_save_template_dialog (SF_CHECKLISTS_PAGE (widget), g_variant_get_int64 (parameter), NULL, NULL);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SfChecklistsPage *self = SF_CHECKLISTS_PAGE (widget);
  gint64 checklist_id = g_variant_get_int64 (parameter);
  const SfChecklist *checklist = find_checklist (self, checklist_id);
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  if (checklist == NULL)
    return;
  /* Translators: %s is a checklist's title */
  title = g_strdup_printf (_("“%s” removed"), sf_checklist_text (checklist->title, checklist->shipped));
  if (!sf_checklist_set_removed (self->store, checklist_id, TRUE, &error))
    {
      show_error (self, _("Checklist Not Removed"), error->message);
      return;
    }
  offer_undo (self, title, undo_new (self, checklist_id), undo_remove_checklist);
}

static void
on_pdf_chooser_response_cb (SfChecklistsPage     *self,
                            int                   response,
                            GtkFileChooserNative *chooser)
{
  gint64 checklist_id = get_id (chooser, "sf-checklist-id");
  const SfChecklist *checklist = find_checklist (self, checklist_id);

  if (response == GTK_RESPONSE_ACCEPT && checklist != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (file != NULL && !sf_checklist_pdf_export (checklist, file, &error))
        show_error (self, _("PDF Not Saved"), error->message);
      else if (file != NULL)
        show_toast (self, _("PDF saved"));
    }
  if (self->pdf_chooser == chooser)
    g_clear_object (&self->pdf_chooser);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SfChecklistsPage *self = SF_CHECKLISTS_PAGE (widget);
  gint64 checklist_id = g_variant_get_int64 (parameter);
  const SfChecklist *checklist = find_checklist (self, checklist_id);
  g_autofree char *name = NULL;
  g_autofree char *key = NULL;

  if (checklist == NULL)
    return;
  key = sf_text_normalize_key (checklist->team_name);
  name = g_strdup_printf ("%s-%s.pdf", checklist->template_key, key);
  sf_export_chooser_open (&self->pdf_chooser, widget, _("Export Checklist as PDF"), SF_EXPORT_PDF, name,
                          G_CALLBACK (on_pdf_chooser_response_cb), self);
  set_id (self->pdf_chooser, "sf-checklist-id", checklist_id);
}

/* GObject ------------------------------------------------------------- */

static void
sf_checklists_page_dispose (GObject *object)
{
  SfChecklistsPage *self = (SfChecklistsPage *)object;
  GtkWidget *child;

  sf_chooser_close (&self->pdf_chooser);
  g_clear_weak_pointer (&self->dialog);
  gtk_widget_dispose_template (GTK_WIDGET (self), SF_TYPE_CHECKLISTS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sf_checklists_page_parent_class)->dispose (object);
}

static void
sf_checklists_page_finalize (GObject *object)
{
  SfChecklistsPage *self = (SfChecklistsPage *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_pointer (&self->team_ids, g_array_unref);
  g_clear_pointer (&self->checklists, g_ptr_array_unref);
  g_clear_pointer (&self->check_buttons, g_hash_table_unref);
  g_clear_pointer (&self->progress_text, g_free);

  G_OBJECT_CLASS (sf_checklists_page_parent_class)->finalize (object);
}

static void
sf_checklists_page_class_init (SfChecklistsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sf_checklists_page_dispose;
  object_class->finalize = sf_checklists_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sagsfordeling/Sagsfordeling/sf-checklists-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SfChecklistsPage, team_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SfChecklistsPage, team_names);
  gtk_widget_class_bind_template_child (widget_class, SfChecklistsPage, team_level);
  gtk_widget_class_bind_template_child (widget_class, SfChecklistsPage, team_progress_label);
  gtk_widget_class_bind_template_child (widget_class, SfChecklistsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SfChecklistsPage, checklists_box);

  gtk_widget_class_install_action (widget_class, "checklists.open-item", "x", open_item_action);

  gtk_widget_class_install_action (widget_class, "checklists.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "checklists.add-item", "x", add_item_action);
  gtk_widget_class_install_action (widget_class, "checklists.save-template", "x", save_template_action);
  gtk_widget_class_install_action (widget_class, "checklists.export-pdf", "x", export_pdf_action);
  gtk_widget_class_install_action (widget_class, "checklists.remove", "x", remove_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sf-checklists-page");
}

static void
sf_checklists_page_init (SfChecklistsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->team_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->check_buttons = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_signal_connect_object (self->team_dropdown, "notify::selected",
                           G_CALLBACK (on_team_selected_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checklists.start", FALSE);
}

static const char *
team_name_of (gconstpointer team)
{
  return ((const SfTeam *) team)->name;
}

/* Shows the teams of @dataset and the selected team's checklists from
 * @store, read again. */
static void
sf_checklists_page_reload (SfChecklistsPage *self,
                           SfStore          *store,
                           const SfDataset  *dataset)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) teams = g_ptr_array_new ();
  guint selected = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (SF_IS_CHECKLISTS_PAGE (self));
  g_return_if_fail (SF_IS_STORE (store));

  g_set_object (&self->store, store);

  /* Teams by name, as people look for them */
  g_ptr_array_set_size (teams, 0);
  for (guint i = 0; i < dataset->teams->len; i++)
    g_ptr_array_add (teams, &g_array_index (dataset->teams, SfTeam, i));
  sf_text_sort_collated (teams, team_name_of, NULL);

  g_array_set_size (self->team_ids, 0);
  for (guint i = 0; i < teams->len; i++)
    {
      const SfTeam *team = g_ptr_array_index (teams, i);

      g_array_append_val (self->team_ids, team->id);
      g_ptr_array_add (names, team->name);
      if (team->id == self->team_id)
        selected = i;
    }
  g_ptr_array_add (names, NULL);
  if (selected == GTK_INVALID_LIST_POSITION)
    {
      self->team_id = self->team_ids->len > 0 ? g_array_index (self->team_ids, gint64, 0) : 0;
      selected = self->team_ids->len > 0 ? 0 : GTK_INVALID_LIST_POSITION;
    }

  self->updating = TRUE;
  gtk_string_list_splice (self->team_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->team_names)),
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->team_dropdown, selected);
  self->updating = FALSE;

  load_team (self);
}

void
sf_checklists_page_select_team (SfChecklistsPage *self,
                                gint64            team_id)
{
  g_return_if_fail (SF_IS_CHECKLISTS_PAGE (self));

  for (guint i = 0; i < self->team_ids->len; i++)
    if (g_array_index (self->team_ids, gint64, i) == team_id)
      gtk_drop_down_set_selected (self->team_dropdown, i);
}

gint64
sf_checklists_page_get_team (SfChecklistsPage *self)
{
  g_return_val_if_fail (SF_IS_CHECKLISTS_PAGE (self), 0);

  return self->team_id;
}

GtkCheckButton *
sf_checklists_page_get_check_button (SfChecklistsPage *self,
                                     gint64            item_id)
{
  g_return_val_if_fail (SF_IS_CHECKLISTS_PAGE (self), NULL);

  return g_hash_table_lookup (self->check_buttons, &item_id);
}

/* The dialog the page opened last, while it is open. */
AdwMessageDialog *
sf_checklists_page_get_dialog (SfChecklistsPage *self)
{
  g_return_val_if_fail (SF_IS_CHECKLISTS_PAGE (self), NULL);

  return self->dialog;
}

const char *
sf_checklists_page_get_progress_text (SfChecklistsPage *self)
{
  g_return_val_if_fail (SF_IS_CHECKLISTS_PAGE (self), NULL);

  return self->progress_text;
}

static void
on_context_changed_cb (SfChecklistsPage       *self,
                       const SfContextChanges *changes,
                       SfContext              *context)
{
  if (changes->what & (SF_CONTEXT_EVERYTHING | SF_CONTEXT_CHECKLISTS))
    sf_checklists_page_reload (self, sf_context_get_store (context), sf_context_get_dataset (context));
}

/* The page shows the checklists of @context's teams and follows its
 * changes. */
void
sf_checklists_page_set_context (SfChecklistsPage *self,
                                SfContext        *context)
{
  g_return_if_fail (SF_IS_CHECKLISTS_PAGE (self));
  g_return_if_fail (SF_IS_CONTEXT (context));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  g_signal_connect_object (context, "changed", G_CALLBACK (on_context_changed_cb), self,
                           G_CONNECT_SWAPPED);
  if (sf_context_get_dataset (context) != NULL)
    sf_checklists_page_reload (self, sf_context_get_store (context), sf_context_get_dataset (context));
}
