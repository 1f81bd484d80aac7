/* sf-conflict-dialog.c: someone else changed the row being saved
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sf-conflict-dialog.h"
#include "sf-error-dialog.h"

typedef struct
{
  char *label;
  char *theirs;
  char *mine;
} Field;

typedef struct
{
  GtkWindow         *editor;
  gint64            *version;
  gint64             current;
  SfConflictSave     save;
  /* or, without an editor: */
  GtkWidget         *owner;       /* weak */
  gboolean           owned;       /* whether there was an owner */
  SfConflictDecided  decided;
  gpointer           data;
  GDestroyNotify     destroy;
  gboolean           told;
} Pending;

static void
field_free (gpointer data)
{
  Field *field = data;

  g_free (field->label);
  g_free (field->theirs);
  g_free (field->mine);
  g_free (field);
}

const char *
sf_conflict_dialog_theirs (const SfConflict *conflict,
                           const char       *column)
{
  g_return_val_if_fail (conflict != NULL, NULL);

  return conflict->values != NULL ? g_hash_table_lookup (conflict->values, column) : NULL;
}

GPtrArray *
sf_conflict_fields_new (void)
{
  return g_ptr_array_new_with_free_func (field_free);
}

void
sf_conflict_fields_add (GPtrArray  *fields,
                        const char *label,
                        char       *theirs,
                        char       *mine)
{
  Field *field = g_new0 (Field, 1);

  g_return_if_fail (fields != NULL && label != NULL);

  field->label = g_strdup (label);
  field->theirs = theirs;
  field->mine = mine;
  g_ptr_array_add (fields, field);
}

void
sf_conflict_fields_add_text (GPtrArray        *fields,
                             const char       *label,
                             const SfConflict *conflict,
                             const char       *column,
                             const char       *mine)
{
  sf_conflict_fields_add (fields, label, g_strdup (sf_conflict_dialog_theirs (conflict, column)), g_strdup (mine));
}

static const char *
shown (const char *text)
{
  return text != NULL && *text != '\0' ? text : "—";
}

static GtkWidget *
cell (const char *text,
      gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Ellipsized, not wrapped: a wrapping label in the message dialog's
   * grid is measured for a height it does not fit on GTK 4.18 (a fatal
   * warning in the tests); the whole value is in the tooltip */
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  if (!heading && text != NULL && *text != '\0')
    gtk_widget_set_tooltip_text (label, text);
  gtk_label_set_selectable (GTK_LABEL (label), !heading);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

/* Field | Theirs | Yours, for the fields that differ */
static GtkWidget *
make_table (GPtrArray *fields)
{
  GtkWidget *grid = gtk_grid_new ();
  int row = 1;

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_widget_set_halign (grid, GTK_ALIGN_CENTER);
  gtk_grid_attach (GTK_GRID (grid), cell ("", TRUE), 0, 0, 1, 1);
  /* TRANSLATORS: a column heading in the conflict dialog: the other user's values */
  gtk_grid_attach (GTK_GRID (grid), cell (C_("conflict", "Theirs"), TRUE), 1, 0, 1, 1);
  /* TRANSLATORS: a column heading in the conflict dialog: the values in the form */
  gtk_grid_attach (GTK_GRID (grid), cell (C_("conflict", "Yours"), TRUE), 2, 0, 1, 1);
  for (guint i = 0; i < fields->len; i++)
    {
      const Field *field = g_ptr_array_index (fields, i);
      GtkWidget *name;

      if (g_strcmp0 (shown (field->theirs), shown (field->mine)) == 0)
        continue;
      name = cell (field->label, FALSE);
      gtk_widget_add_css_class (name, "dim-label");
      gtk_grid_attach (GTK_GRID (grid), name, 0, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), cell (shown (field->theirs), FALSE), 1, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), cell (shown (field->mine), FALSE), 2, row, 1, 1);
      row++;
    }
  return row > 1 ? grid : NULL;
}

static const char *
heading_for (const SfConflict *conflict)
{
  if (g_str_equal (conflict->table, "caseworker"))
    return _("Someone Else Changed This Caseworker");
  if (g_str_equal (conflict->table, "team"))
    return _("Someone Else Changed This Team");
  if (g_str_equal (conflict->table, "casefile"))
    return _("Someone Else Changed This Case");
  if (g_str_equal (conflict->table, "checklist_item") || g_str_equal (conflict->table, "checklist"))
    return _("Someone Else Changed This Item");
  if (g_str_equal (conflict->table, "planned_hire"))
    return _("Someone Else Changed This Planned Hire");
  if (g_str_equal (conflict->table, "alert_ack"))
    return _("Someone Else Acknowledged This Alert");
  if (g_str_equal (conflict->table, "area"))
    return _("Someone Else Changed This Case Area");
  if (g_str_equal (conflict->table, "setting"))
    return _("Someone Else Changed This Setting");
  return _("Someone Else Changed This");
}

static char *
body_for (const SfConflict *conflict,
          gboolean          differs)
{
  g_autofree char *when = sf_conflict_format_when (conflict);
  const char *rest = differs
    ? _("Their values are beside yours. Keep theirs, or apply yours on top of their change.")
    : _("Their values are the same as yours in this form. Keep theirs, or apply yours on top of their change.");

  if (conflict->version == 0)
    return g_strdup (_("It was removed after you opened it. Nothing was saved."));
  if (conflict->who != NULL && when != NULL)
    /* TRANSLATORS: who (a login), and when ("06.12.2026 kl. 17.02"); then
     * what can be done */
    return g_strdup_printf (_("%s changed it on %s, after you opened it. %s"), conflict->who, when, rest);
  if (when != NULL)
    /* TRANSLATORS: when ("06.12.2026 kl. 17.02"); then what can be done */
    return g_strdup_printf (_("Another window or program changed it on %s, after you opened it. %s"),
                            when, rest);
  /* TRANSLATORS: then what can be done */
  return g_strdup_printf (_("It was changed after you opened it. %s"), rest);
}

typedef struct
{
  GtkWindow      *editor;          /* a reference */
  SfConflictSave  save;            /* NULL: close the editor */
} Decided;

/* After the message dialog has closed: the editor (which the message
 * dialog goes with) is closed or saved outside the dialog's response */
static gboolean
act_cb (gpointer data)
{
  Decided *decided = data;

  if (decided->save != NULL)
    decided->save (decided->editor);
  else
    gtk_window_destroy (decided->editor);
  g_object_unref (decided->editor);
  g_free (decided);
  return G_SOURCE_REMOVE;
}

static void
pending_free (gpointer data)
{
  Pending *pending = data;

  /* (A dialog gone without an answer went with its window: nothing to do) */
  g_clear_weak_pointer (&pending->owner);
  if (pending->destroy != NULL)
    pending->destroy (pending->data);
  g_free (pending);
}

static void
on_response_cb (AdwMessageDialog *dialog,
                const char       *response,
                Pending          *pending)
{
  Decided *decided;

  if (pending->decided != NULL)
    {
      SfConflictChoice choice = g_str_equal (response, "theirs") ? SF_CONFLICT_KEEP_THEIRS
                                : g_str_equal (response, "mine") ? SF_CONFLICT_APPLY_MINE : SF_CONFLICT_BACK;

      /* (An owner gone meanwhile has nothing left to write or show) */
      if (pending->told || (pending->owned && pending->owner == NULL))
        return;
      pending->told = TRUE;
      pending->decided (pending->owner, choice, choice == SF_CONFLICT_APPLY_MINE ? pending->current : 0,
                        pending->data);
      return;
    }

  if (!g_str_equal (response, "theirs") && !g_str_equal (response, "mine"))
    return;
  decided = g_new0 (Decided, 1);
  decided->editor = g_object_ref (pending->editor);
  if (g_str_equal (response, "mine"))
    {
      *pending->version = pending->current;
      decided->save = pending->save;
    }
  g_idle_add (act_cb, decided);
}

static AdwMessageDialog *
present (GtkWindow        *editor,
         const GError     *error,
         GPtrArray        *fields,
         Pending          *pending)
{
  const SfConflict *conflict = sf_conflict_get (error);
  AdwMessageDialog *dialog;
  GtkWidget *table;
  g_autofree char *body = NULL;

  table = conflict->version != 0 ? make_table (fields) : NULL;
  body = body_for (conflict, table != NULL);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (editor, heading_for (conflict), body));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  if (table != NULL)
    adw_message_dialog_set_extra_child (dialog, table);

  adw_message_dialog_add_response (dialog, "theirs", _("_Keep Theirs"));
  if (conflict->version != 0)
    {
      adw_message_dialog_add_response (dialog, "mine", _("_Apply Mine"));
      adw_message_dialog_set_response_appearance (dialog, "mine", ADW_RESPONSE_SUGGESTED);
    }
  adw_message_dialog_set_default_response (dialog, "theirs");
  adw_message_dialog_set_close_response (dialog, "back");

  pending->current = conflict->version;
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response_cb), pending,
                         (GClosureNotify) (void (*) (void)) pending_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

AdwMessageDialog *
sf_conflict_dialog_present (GtkWindow      *editor,
                            const GError   *error,
                            GPtrArray      *fields,
                            gint64         *version,
                            SfConflictSave  save)
{
  Pending *pending;

  g_return_val_if_fail (GTK_IS_WINDOW (editor), NULL);
  g_return_val_if_fail (sf_conflict_get (error) != NULL, NULL);
  g_return_val_if_fail (fields != NULL && version != NULL && save != NULL, NULL);

  pending = g_new0 (Pending, 1);
  pending->editor = editor;
  pending->version = version;
  pending->save = save;
  return present (editor, error, fields, pending);
}

AdwMessageDialog *
sf_conflict_dialog_ask (GtkWidget         *owner,
                        const GError      *error,
                        GPtrArray         *fields,
                        SfConflictDecided  decided,
                        gpointer           data,
                        GDestroyNotify     destroy)
{
  Pending *pending;

  g_return_val_if_fail (owner == NULL || GTK_IS_WIDGET (owner), NULL);
  g_return_val_if_fail (sf_conflict_get (error) != NULL, NULL);
  g_return_val_if_fail (fields != NULL && decided != NULL, NULL);

  pending = g_new0 (Pending, 1);
  g_set_weak_pointer (&pending->owner, owner);
  pending->owned = owner != NULL;
  pending->decided = decided;
  pending->data = data;
  pending->destroy = destroy;
  return present (owner != NULL ? sf_widget_get_window (owner) : NULL, error, fields, pending);
}
