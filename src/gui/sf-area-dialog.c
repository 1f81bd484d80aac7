/* sf-area-dialog.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sf-area-dialog.h"
#include "sf-conflict-dialog.h"
#include "sf-references-row.h"

/* An own case area: its name, key and, optionally, a range of the
 * organisation's own with its source, with the caseloads of other projects
 * beside the range.  Saved when the manager presses Add/Save; a refused
 * value keeps the dialog open with everything typed and the rule's message
 * above it. */
struct _SfAreaDialog
{
  SfEditDialog         parent_instance;

  SfStore             *store;
  gint64               area_id;
  gint64               version;       /* the area's as the dialog read it */

  AdwEntryRow         *name_row;
  AdwEntryRow         *key_row;
  AdwEntryRow         *low_row;
  AdwEntryRow         *high_row;
  AdwEntryRow         *source_row;
  AdwPreferencesGroup *references_group;
};

static gboolean save (SfEditDialog *dialog);

G_DEFINE_FINAL_TYPE (SfAreaDialog, sf_area_dialog, SF_TYPE_EDIT_DIALOG)

static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* An end of the range: NAN when empty; FALSE (and the row marked) when
 * it is no number. */
static gboolean
read_end (SfAreaDialog *self,
          AdwEntryRow  *row,
          double       *out)
{
  g_autofree char *text = row_text (row);

  *out = NAN;
  if (*text == '\0')
    return TRUE;
  if (!sf_text_parse_decimal (text, out))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a number. Write the range as cases, "
                                                    "e.g. 20 and 25, or leave both ends empty."),
                                                  text);

      sf_edit_dialog_show_error (SF_EDIT_DIALOG (self), GTK_WIDGET (row), message);
      return FALSE;
    }
  return TRUE;
}

static void
sf_area_dialog_finalize (GObject *object)
{
  SfAreaDialog *self = (SfAreaDialog *) object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (sf_area_dialog_parent_class)->finalize (object);
}

static void
sf_area_dialog_class_init (SfAreaDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sf_area_dialog_finalize;
  SF_EDIT_DIALOG_CLASS (klass)->save = save;

  sf_edit_dialog_class_set_template (widget_class, "/io/github/sagsfordeling/Sagsfordeling/sf-area-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SfAreaDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, SfAreaDialog, key_row);
  gtk_widget_class_bind_template_child (widget_class, SfAreaDialog, low_row);
  gtk_widget_class_bind_template_child (widget_class, SfAreaDialog, high_row);
  gtk_widget_class_bind_template_child (widget_class, SfAreaDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, SfAreaDialog, references_group);
}

static void
sf_area_dialog_init (SfAreaDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Beside the range: what other projects chose, to weigh */
  adw_preferences_group_add (self->references_group, sf_references_row_new (TRUE));
}

static void
set_number (AdwEntryRow *row,
            double       value)
{
  g_autofree char *text = NULL;

  if (isnan (value))
    return;
  text = sf_format_figure (value);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

SfAreaDialog *
sf_area_dialog_new (GtkWindow *parent,
                    SfContext *context,
                    gint64     area_id)
{
  SfAreaDialog *self;
  const SfDataset *dataset;
  const SfArea *area = NULL;

  g_return_val_if_fail (SF_IS_CONTEXT (context), NULL);

  self = g_object_new (SF_TYPE_AREA_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (sf_context_get_store (context));
  /* The area as the window shows it: the context has it loaded */
  dataset = sf_context_get_dataset (context);
  if (area_id != 0 && dataset != NULL)
    area = sf_dataset_find_area (dataset, area_id);

  if (area != NULL && area->custom)
    {
      self->area_id = area_id;
      self->version = area->version;
      sf_edit_dialog_set_title (SF_EDIT_DIALOG (self), _("Edit Own Case Area"), FALSE);
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), area->name);
      gtk_editable_set_text (GTK_EDITABLE (self->key_row), area->key);
      set_number (self->low_row, area->own_low);
      set_number (self->high_row, area->own_high);
      gtk_editable_set_text (GTK_EDITABLE (self->source_row), area->source != NULL ? area->source : "");
    }
  else
    {
      sf_edit_dialog_set_title (SF_EDIT_DIALOG (self), _("New Own Case Area"), TRUE);
    }
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_row));
  return self;
}

static char *
range_text (const char *low,
            const char *high)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (low == NULL || high == NULL)
    return NULL;
  from = sf_format_decimal (g_ascii_strtod (low, NULL), 1);
  to = sf_format_decimal (g_ascii_strtod (high, NULL), 1);
  /* Translators: an own area's range of cases, "20–30" */
  return g_strdup_printf (_("%s–%s"), from, to);
}

/* Someone else changed or removed the area since the dialog read it */
static void
ask_about_conflict (SfAreaDialog *self,
                    const GError *error,
                    const SfArea *mine)
{
  const SfConflict *conflict = sf_conflict_get (error);
  g_autoptr(GPtrArray) fields = sf_conflict_fields_new ();
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  sf_conflict_fields_add_text (fields, _("Name"), conflict, "name", mine->name);
  sf_conflict_fields_add_text (fields, _("Key"), conflict, "key", mine->key);
  if (!isnan (mine->own_low) && !isnan (mine->own_high))
    {
      low = g_strdup_printf ("%g", mine->own_low);
      high = g_strdup_printf ("%g", mine->own_high);
    }
  sf_conflict_fields_add (fields, _("Own Range"),
                          range_text (sf_conflict_dialog_theirs (conflict, "own_low"), sf_conflict_dialog_theirs (conflict, "own_high")),
                          range_text (low, high));
  sf_conflict_fields_add_text (fields, _("Source"), conflict, "source", mine->source);
  sf_edit_dialog_present_conflict (SF_EDIT_DIALOG (self), error, fields, &self->version);
}

/* Checks and stores the area.  Returns whether it was saved (and closes). */
static gboolean
save (SfEditDialog *dialog)
{
  SfAreaDialog *self = SF_AREA_DIALOG (dialog);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *key_text = NULL;
  g_autofree char *key = NULL;
  g_autofree char *source = NULL;
  SfArea area = { .custom = TRUE };
  GtkWidget *row = NULL;
  gint64 id;

  name = row_text (self->name_row);
  key_text = row_text (self->key_row);
  source = row_text (self->source_row);
  /* A key left empty is made from the name: "IPS-teamet" → "ips-teamet" */
  key = sf_areas_normalize_key (*key_text != '\0' ? key_text : name, &error);
  if (key == NULL)
    {
      sf_edit_dialog_show_error (SF_EDIT_DIALOG (self),
                                 GTK_WIDGET (*key_text != '\0' || *name == '\0' ? self->key_row : self->name_row),
                                 error->message);
      return FALSE;
    }
  if (!read_end (self, self->low_row, &area.own_low) ||
      !read_end (self, self->high_row, &area.own_high))
    return FALSE;

  area.id = self->area_id;
  area.version = self->version;
  area.key = key;
  area.name = name;
  area.source = *source != '\0' ? source : NULL;
  if (self->area_id != 0)
    id = sf_areas_update (self->store, &area, &error) ? self->area_id : 0;
  else
    id = sf_areas_add (self->store, &area, &error);
  if (id == 0 && sf_conflict_get (error) != NULL)
    {
      ask_about_conflict (self, error, &area);
      return FALSE;
    }
  if (id == 0)
    {
      /* Mark the field a rule is about where it is plain which one */
      if (g_error_matches (error, SF_ERROR, SF_ERROR_PRIVACY))
        row = GTK_WIDGET (area.source != NULL && sf_privacy_looks_like_cpr (area.source) ? self->source_row
                                                                                        : self->name_row);
      else if (*name == '\0')
        row = GTK_WIDGET (self->name_row);
      else if (isnan (area.own_low) != isnan (area.own_high))
        row = GTK_WIDGET (isnan (area.own_low) ? self->low_row : self->high_row);
      sf_edit_dialog_show_error (SF_EDIT_DIALOG (self), row, error->message);
      return FALSE;
    }

  return sf_edit_dialog_saved (SF_EDIT_DIALOG (self), id);
}
