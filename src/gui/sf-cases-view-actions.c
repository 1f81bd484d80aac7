/* sf-cases-view-actions.c: what the list of cases does — its actions, the
 * edits they write and the undo they offer
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sf-error-dialog.h"
#include "sf-case-dialog.h"
#include "sf-case-item.h"
#include "sf-cases-view-private.h"
#include "sf-choice-dialog.h"
#include "sf-conflict-dialog.h"
#include "sf-counts-dialog.h"
#include "sf-reassign-dialog.h"
#include "sf-worker-choices.h"

/* ---- helpers for actions --------------------------------------------- */

static GtkWindow *
parent_window (SfCasesView *self)
{
  return sf_widget_get_window (GTK_WIDGET (self));
}

/* Shows @dialog, the view's dialog while it is open, with @callback
 * connected to its @signal for as long as the view lives */
static void
present_dialog (SfCasesView *self,
                gpointer     dialog,
                const char  *signal,
                GCallback    callback)
{
  g_signal_connect_object (dialog, signal, callback, self, 0);
  g_set_weak_pointer (&self->dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* An undo writes back what was there: a snapshot of the cases, or the
 * cases an entry of counts added and closed */
typedef struct
{
  GArray         *snapshot;       /* SfCase; restored */
  SfCountsResult  counts;         /* its arrays referenced (undoing counts) */
} Undo;

static void
undo_free (Undo *undo)
{
  g_clear_pointer (&undo->snapshot, g_array_unref);
  sf_counts_result_clear (&undo->counts);
  g_free (undo);
}

/* The undo of a change made on versions claims the versions it left the
 * cases at, which it keeps in the snapshot's (sf_cases_close_versioned()):
 * a later change by someone else refuses the undo */
static gboolean
restore (SfStore  *store,
         GArray   *snapshot,
         GError  **error)
{
  g_autoptr(GArray) versions = g_array_sized_new (FALSE, FALSE, sizeof (gint64), snapshot->len);

  for (guint i = 0; i < snapshot->len; i++)
    g_array_append_val (versions, g_array_index (snapshot, SfCase, i).version);
  return sf_cases_restore_versioned (store, snapshot, (const gint64 *) versions->data, error);
}

static gboolean
undo_cases (SfStore  *store,
            gpointer  data,
            GError  **error)
{
  Undo *undo = data;

  if (undo->snapshot != NULL)
    return restore (store, undo->snapshot, error);
  return sf_cases_undo_counts (store, &undo->counts, error);
}

static void
toast_undo (SfCasesView *self,
            const char  *title,
            Undo        *undo)
{
  if (self->context != NULL)
    sf_context_offer_undo (self->context, title, undo_cases, undo, (GDestroyNotify) undo_free);
  else
    undo_free (undo);
}

/* Offers to undo a change to the cases, from @snapshot (taken before it). */
static void
toast_undo_snapshot (SfCasesView *self,
                     const char  *title,
                     GArray      *snapshot)
{
  Undo *undo = g_new0 (Undo, 1);

  undo->snapshot = snapshot;
  toast_undo (self, title, undo);
}

static char *
describe_cases (SfCasesView *self,
                GArray      *snapshot)
{
  if (snapshot->len == 1)
    /* Translators: one case, by its number */
    return g_strdup_printf (_("case %s"), g_array_index (snapshot, SfCase, 0).reference);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case", "%u cases", snapshot->len), snapshot->len);
}

static const char *
initials_of (SfCasesView *self,
             gint64       id)
{
  const SfCaseworker *worker = self->dataset != NULL ? sf_dataset_find_caseworker (self->dataset, id) : NULL;

  return worker != NULL ? worker->initials : "?";
}

/* ---- actions --------------------------------------------------------- */

static gint64
default_caseworker (SfCasesView *self)
{
  g_autoptr(GArray) ids = sf_cases_view_get_selected_ids (self);

  if (self->filter_worker != 0)
    return self->filter_worker;
  if (ids->len > 0 && self->dataset != NULL)
    {
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->selection)); i++)
        if (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), i))
          {
            g_autoptr(SfCaseItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

            return sf_case_item_get_caseworker_id (item);
          }
    }
  return 0;
}

static void
on_case_saved_cb (SfCaseDialog *dialog,
                  gint64        id,
                  SfCasesView  *self)
{
  /* The store has changed, and the list with it: show the case chosen */
  sf_cases_view_select_ids (self, &id, 1);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", _("Case saved"));
}

static void
open_case_dialog (SfCasesView *self,
                  gint64       case_id)
{
  SfCaseDialog *dialog;

  if (self->store == NULL || self->dataset == NULL)
    return;
  dialog = sf_case_dialog_new (parent_window (self), self->store, self->dataset, &self->settings, case_id,
                               default_caseworker (self));
  present_dialog (self, dialog, "saved", G_CALLBACK (on_case_saved_cb));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_case_dialog (SF_CASES_VIEW (widget), 0);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SfCasesView *self = SF_CASES_VIEW (widget);
  g_autoptr(GArray) ids = sf_cases_view_get_selected_ids (self);

  if (ids->len == 1)
    open_case_dialog (self, g_array_index (ids, gint64, 0));
}

static void
on_case_view_activate_cb (SfCasesView   *self,
                          guint          position,
                          GtkColumnView *view)
{
  g_autoptr(SfCaseItem) item = sf_row_viewport_item_at (view, position);

  if (item != NULL)
    open_case_dialog (self, sf_case_item_get_id (item));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_menu_button_popup (SF_CASES_VIEW (widget)->close_button);
}

static void
on_close_popover_show_cb (SfCasesView *self,
                          GtkPopover  *popover)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_calendar_select_day (self->close_calendar, now);
}

typedef enum
{
  EDIT_CLOSE,
  EDIT_REOPEN,
  EDIT_DELETE,
  EDIT_COVER,
} Edit;

/* What an edit of the chosen cases writes: closing on @day, a cover by
 * @cover_id (0: ending it) */
typedef struct
{
  Edit   edit;
  SfDay  day;
  gint64 cover_id;
} EditWhat;

static void edit_cases (SfCasesView    *self,
                        const EditWhat *what,
                        GArray         *ids,
                        GArray         *versions);

/* The versions of the cases @ids as the list read them (0 where unknown) */
static GArray *
versions_of (SfCasesView *self,
             GArray      *ids)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  GArray *versions = g_array_sized_new (FALSE, TRUE, sizeof (gint64), ids->len);

  for (guint i = 0; self->dataset != NULL && i < self->dataset->cases->len; i++)
    {
      SfCase *kase = &g_array_index (self->dataset->cases, SfCase, i);

      g_hash_table_insert (by_id, &kase->id, kase);
    }
  for (guint i = 0; i < ids->len; i++)
    {
      const SfCase *kase = g_hash_table_lookup (by_id, &g_array_index (ids, gint64, i));
      gint64 version = kase != NULL ? kase->version : 0;

      g_array_append_val (versions, version);
    }
  return versions;
}

/* An edit of cases refused because someone else changed one since */
typedef struct
{
  EditWhat     what;
  GArray      *ids;
  GArray      *versions;
  gint64       id;            /* the case in conflict */
} Retry;

static void
retry_free (gpointer data)
{
  Retry *retry = data;

  g_array_unref (retry->ids);
  g_array_unref (retry->versions);
  g_free (retry);
}

static void
on_conflict_decided_cb (gpointer          owner,
                        SfConflictChoice  choice,
                        gint64            version,
                        gpointer          data)
{
  Retry *retry = data;

  if (choice != SF_CONFLICT_APPLY_MINE)
    return;
  for (guint i = 0; i < retry->ids->len; i++)
    if (g_array_index (retry->ids, gint64, i) == retry->id)
      g_array_index (retry->versions, gint64, i) = version;
  edit_cases (owner, &retry->what, retry->ids, retry->versions);
}

static char *
day_text (const char *iso)
{
  SfDay day = SF_DAY_NONE;

  return iso != NULL && sf_day_parse (iso, &day) ? sf_day_format (day) : NULL;
}

static char *
initials_text (SfCasesView *self,
               const char  *id)
{
  return id != NULL ? g_strdup (initials_of (self, g_ascii_strtoll (id, NULL, 10))) : NULL;
}

/* The case someone else changed, as it is now, beside what the edit
 * would have made of it */
static void
ask_about_conflict (SfCasesView    *self,
                    const GError   *error,
                    const EditWhat *what,
                    GArray         *ids,
                    GArray         *versions)
{
  const SfConflict *conflict = sf_conflict_get (error);
  g_autoptr(GPtrArray) fields = sf_conflict_fields_new ();
  const SfCase *seen = NULL;
  Retry *retry;

  for (guint i = 0; self->dataset != NULL && i < self->dataset->cases->len; i++)
    if (g_array_index (self->dataset->cases, SfCase, i).id == conflict->id)
      seen = &g_array_index (self->dataset->cases, SfCase, i);
  if (conflict->values != NULL)
    {
      const char *worker = sf_conflict_dialog_theirs (conflict, "caseworker_id");
      const char *cover = sf_conflict_dialog_theirs (conflict, "cover_id");
      char *worker_mine = NULL;
      char *closed_mine = NULL;
      char *cover_mine = NULL;

      /* Yours: the case as the edit would have left it */
      if (what->edit == EDIT_DELETE)
        /* Translators: in the conflict dialog: what the user did to a case */
        worker_mine = g_strdup (_("Deleted"));
      else if (seen != NULL)
        worker_mine = g_strdup (initials_of (self, seen->caseworker_id));
      if (what->edit == EDIT_CLOSE)
        closed_mine = sf_day_format (seen != NULL && seen->closed != SF_DAY_NONE ? seen->closed : what->day);
      else if (what->edit == EDIT_COVER && seen != NULL && seen->closed != SF_DAY_NONE)
        closed_mine = sf_day_format (seen->closed);
      if (what->edit == EDIT_COVER && what->cover_id != 0)
        cover_mine = g_strdup (initials_of (self, what->cover_id));
      else if (what->edit != EDIT_COVER && what->edit != EDIT_DELETE && seen != NULL && seen->cover_id != 0)
        cover_mine = g_strdup (initials_of (self, seen->cover_id));
      sf_conflict_fields_add (fields, _("Caseworker"), initials_text (self, worker), worker_mine);
      sf_conflict_fields_add (fields, _("Closed"), day_text (sf_conflict_dialog_theirs (conflict, "closed_date")),
                              closed_mine);
      sf_conflict_fields_add (fields, _("Cover"), initials_text (self, cover), cover_mine);
    }
  retry = g_new0 (Retry, 1);
  retry->what = *what;
  retry->ids = g_array_ref (ids);
  retry->versions = g_array_ref (versions);
  retry->id = conflict->id;
  sf_conflict_dialog_ask (GTK_WIDGET (self), error, fields, on_conflict_decided_cb, retry, retry_free);
}

/* Closes (on @day), reopens or deletes the cases chosen, then offers to
 * undo it from a snapshot taken before */
static void
edit_chosen (SfCasesView *self,
             Edit         edit,
             SfDay        day)
{
  g_autoptr(GArray) ids = sf_cases_view_get_selected_ids (self);
  g_autoptr(GArray) versions = versions_of (self, ids);
  EditWhat what = { .edit = edit, .day = day };

  edit_cases (self, &what, ids, versions);
}

static const char *
refused_heading (const EditWhat *what)
{
  switch (what->edit)
    {
    case EDIT_CLOSE:
      return _("Cases Not Closed");
    case EDIT_REOPEN:
      return _("Cases Not Reopened");
    case EDIT_COVER:
      return what->cover_id != 0 ? _("Cover Not Set") : _("Cover Not Ended");
    case EDIT_DELETE:
    default:
      return _("Cases Not Deleted");
    }
}

/* The undo toast's title; @cases is "case S-1" or "3 cases" */
static char *
done_title (SfCasesView    *self,
            const EditWhat *what,
            const char     *cases)
{
  switch (what->edit)
    {
    case EDIT_CLOSE:
      /* Translators: a toast; %s is "case S-1" or "3 cases" */
      return g_strdup_printf (_("Closed %s"), cases);
    case EDIT_REOPEN:
      /* Translators: a toast; %s is "case S-1" or "3 cases" */
      return g_strdup_printf (_("Reopened %s"), cases);
    case EDIT_COVER:
      if (what->cover_id != 0)
        /* Translators: a toast; %1$s initials, %2$s "case S-1" or "3 cases" */
        return g_strdup_printf (_("%1$s covers %2$s"), initials_of (self, what->cover_id), cases);
      /* Translators: a toast; %s is "case S-1" or "3 cases" */
      return g_strdup_printf (_("Cover ended for %s"), cases);
    case EDIT_DELETE:
    default:
      /* Translators: a toast; %s is "case S-1" or "3 cases" */
      return g_strdup_printf (_("Deleted %s"), cases);
    }
}

/* Each edit claims the cases at @versions (as the list read them), so one
 * someone else changed since refuses it (the conflict dialog asks what to
 * do); its undo claims the versions the edit left them at (a deleted
 * case: that its id is still free) */
static void
edit_cases (SfCasesView    *self,
            const EditWhat *what,
            GArray         *ids,
            GArray         *versions)
{
  const gint64 *id_data = (const gint64 *) ids->data;
  const gint64 *version_data = (const gint64 *) versions->data;
  g_autoptr(GArray) after = g_array_sized_new (FALSE, TRUE, sizeof (gint64), ids->len);
  g_autoptr(GArray) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cases = NULL;
  g_autofree char *title = NULL;
  gint64 *after_data;
  gboolean ok;

  if (ids->len == 0 || self->store == NULL)
    return;
  g_array_set_size (after, ids->len);
  after_data = (gint64 *) after->data;
  snapshot = sf_cases_snapshot (self->store, id_data, ids->len, &error);
  ok = snapshot != NULL;
  switch (what->edit)
    {
    case EDIT_CLOSE:
      ok = ok && sf_cases_close_versioned (self->store, id_data, version_data, ids->len, what->day, after_data,
                                           &error);
      break;
    case EDIT_REOPEN:
      ok = ok && sf_cases_reopen_versioned (self->store, id_data, version_data, ids->len, after_data, &error);
      break;
    case EDIT_COVER:
      ok = ok && sf_cases_set_cover_versioned (self->store, id_data, version_data, ids->len, what->cover_id,
                                               after_data, &error);
      break;
    case EDIT_DELETE:
    default:
      ok = ok && sf_cases_delete_versioned (self->store, id_data, version_data, ids->len, &error);
      for (guint i = 0; i < ids->len; i++)
        after_data[i] = SF_CASES_VERSION_REMOVED;
      break;
    }
  if (!ok && sf_conflict_get (error) != NULL)
    {
      ask_about_conflict (self, error, what, ids, versions);
      return;
    }
  if (!ok)
    {
      sf_error_dialog_show (parent_window (self), refused_heading (what), error->message);
      return;
    }
  /* What the undo claims */
  for (guint i = 0; i < snapshot->len; i++)
    g_array_index (snapshot, SfCase, i).version = after_data[i];
  cases = describe_cases (self, snapshot);
  title = done_title (self, what, cases);
  toast_undo_snapshot (self, title, g_steal_pointer (&snapshot));
}

static void
on_close_confirm_clicked_cb (SfCasesView *self,
                             GtkButton   *button)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->close_calendar);

  gtk_popover_popdown (self->close_popover);
  edit_chosen (self, EDIT_CLOSE, sf_day_new (g_date_time_get_year (date), g_date_time_get_month (date),
                                             g_date_time_get_day_of_month (date)));
}

static void
reopen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  edit_chosen (SF_CASES_VIEW (widget), EDIT_REOPEN, SF_DAY_NONE);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  edit_chosen (SF_CASES_VIEW (widget), EDIT_DELETE, SF_DAY_NONE);
}

static void
on_reassigned_cb (SfReassignDialog *dialog,
                  gint64            caseworker_id,
                  SfCasesView      *self)
{
  g_autoptr(GArray) snapshot = sf_reassign_dialog_steal_snapshot (dialog);
  g_autofree char *what = NULL;
  g_autofree char *title = NULL;

  if (snapshot == NULL)
    return;
  what = describe_cases (self, snapshot);
  /* Translators: a toast; %1$s is "case S-1" or "3 cases", %2$s initials */
  title = g_strdup_printf (_("Gave %1$s to %2$s"), what, initials_of (self, caseworker_id));
  toast_undo_snapshot (self, title, g_steal_pointer (&snapshot));
}

static void
reassign_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SfCasesView *self = SF_CASES_VIEW (widget);
  g_autoptr(GArray) ids = sf_cases_view_get_selected_ids (self);
  SfReassignDialog *dialog;

  if (ids->len == 0 || self->store == NULL || self->dataset == NULL)
    return;
  dialog = sf_reassign_dialog_new (parent_window (self), self->store, self->dataset, &self->settings, self->ref,
                                   (const gint64 *) ids->data, ids->len);
  present_dialog (self, dialog, "saved", G_CALLBACK (on_reassigned_cb));
}

static void
on_cover_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      SfCasesView      *self)
{
  GArray *ids = g_object_get_data (G_OBJECT (dialog), "sf-ids");
  GArray *choices = g_object_get_data (G_OBJECT (dialog), "sf-choices");
  guint chosen = sf_choice_dialog_get_chosen (dialog);
  GArray *versions = g_object_get_data (G_OBJECT (dialog), "sf-versions");
  EditWhat what = { .edit = EDIT_COVER, .day = SF_DAY_NONE };

  if (!g_str_equal (response, "set") || chosen >= choices->len || self->store == NULL)
    return;
  what.cover_id = g_array_index (choices, gint64, chosen);
  edit_cases (self, &what, ids, versions);
}

static void
cover_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SfCasesView *self = SF_CASES_VIEW (widget);
  g_autoptr(GArray) ids = sf_cases_view_get_selected_ids (self);
  g_autoptr(GtkStringList) names = NULL;
  GArray *choices = NULL;
  GtkDropDown *dropdown;
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;
  gint64 current = -1;

  if (ids->len == 0 || self->dataset == NULL)
    return;

  /* The colleague who covers them all now, if it is one */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->selection)); i++)
    if (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), i))
      {
        g_autoptr(SfCaseItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), i);
        gint64 cover = sf_case_item_get_cover_id (item);

        current = current == -1 || current == cover ? cover : 0;
      }

  names = sf_worker_choices_new (self->dataset, _("Nobody: the caseworker carries the case"), 0, TRUE, &choices);
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Who Covers the Case?", "Who Covers the %u Cases?",
                                          ids->len), ids->len);
  dialog = sf_choice_dialog_new (parent_window (self), heading,
                                 _("While a colleague covers a case, its weight counts on "
                                   "the colleague and not on the caseworker, who keeps "
                                   "the case. Choose nobody to end a cover."),
                                 names, _("Covering colleague"), "set", _("_Set Cover"), FALSE);
  dropdown = sf_choice_dialog_get_dropdown (dialog);
  gtk_drop_down_set_expression (dropdown, gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_drop_down_set_enable_search (dropdown, TRUE);
  if (current > 0)
    gtk_drop_down_set_selected (dropdown, _sf_cases_view_find_position (choices, current));
  /* The cases as the user saw them when choosing the cover */
  g_object_set_data_full (G_OBJECT (dialog), "sf-versions", versions_of (self, ids), (GDestroyNotify) g_array_unref);
  g_object_set_data_full (G_OBJECT (dialog), "sf-ids", g_steal_pointer (&ids), (GDestroyNotify) g_array_unref);
  g_object_set_data_full (G_OBJECT (dialog), "sf-choices", choices, (GDestroyNotify) g_array_unref);
  present_dialog (self, dialog, "response", G_CALLBACK (on_cover_response_cb));
}

static void
on_counts_saved_cb (SfCountsDialog *dialog,
                    gint64          worker,
                    SfCasesView    *self)
{
  const SfCountsResult *result = sf_counts_dialog_get_result (dialog);
  g_autofree char *title = NULL;
  Undo *undo;

  if (result == NULL)
    return;
  /* Translators: a toast after entering counts; %1$s initials, %2$u and %3$u numbers of cases */
  title = g_strdup_printf (_("Counts saved for %1$s: %2$u added, %3$u closed"), initials_of (self, worker),
                           result->added_ids->len, result->closed_ids->len);
  undo = g_new0 (Undo, 1);
  undo->counts.added_ids = g_array_ref (result->added_ids);
  undo->counts.closed_ids = g_array_ref (result->closed_ids);
  undo->counts.added_versions = g_array_ref (result->added_versions);
  undo->counts.closed_versions = g_array_ref (result->closed_versions);
  toast_undo (self, title, undo);
}

static void
counts_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SfCasesView *self = SF_CASES_VIEW (widget);
  SfCountsDialog *dialog;

  if (self->store == NULL || self->dataset == NULL)
    return;
  dialog = sf_counts_dialog_new (parent_window (self), self->store, self->dataset, &self->settings, self->ref,
                                 default_caseworker (self));
  present_dialog (self, dialog, "saved", G_CALLBACK (on_counts_saved_cb));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SfCasesView *self = SF_CASES_VIEW (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_clear_pointer (&self->search, g_free);
  sf_cases_view_set_filter (self, 0, 0, SF_CASES_SHOW_OPEN);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  sf_cases_view_start_search (SF_CASES_VIEW (widget));
}

/* Called from class_init: the view's actions, their keys and the template
 * callbacks that start them */
void
_sf_cases_view_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_case_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_close_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_close_confirm_clicked_cb);

  gtk_widget_class_install_action (widget_class, "cases.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "cases.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "cases.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "cases.reopen", NULL, reopen_action);
  gtk_widget_class_install_action (widget_class, "cases.reassign", NULL, reassign_action);
  gtk_widget_class_install_action (widget_class, "cases.cover", NULL, cover_action);
  gtk_widget_class_install_action (widget_class, "cases.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "cases.counts", NULL, counts_action);
  gtk_widget_class_install_action (widget_class, "cases.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "cases.search", NULL, search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_ALT_MASK, "cases.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "cases.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "cases.reopen", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "cases.reassign", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "cases.cover", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "cases.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_ALT_MASK, "cases.counts", NULL);
}
