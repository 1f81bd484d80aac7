/* sf-checklist-entry.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sf-checklist-entry.h"

struct _SfChecklistEntry
{
  GObject   parent_instance;

  gint64    id;
  char     *title;
  char     *subtitle;
  char     *due_subtitle;
  char     *section;          /* the group it is shown in */
  char     *section_title;
  char     *section_detail;
  gboolean  checked;
  gboolean  due;
};

G_DEFINE_FINAL_TYPE (SfChecklistEntry, sf_checklist_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_DUE_SUBTITLE,
  PROP_CHECKED,
  PROP_DUE,
  PROP_SECTION,
  PROP_SECTION_TITLE,
  PROP_SECTION_DETAIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* When and by whom @item was checked, or NULL */
char *
sf_checklist_entry_describe_check (const SfChecklistItem *item)
{
  g_autofree char *day = NULL;

  if (item->checked_on == SF_DAY_NONE)
    return NULL;
  day = sf_day_format (item->checked_on);
  if (item->note != NULL)
    return g_strdup_printf (_("Checked %s by %s: %s"), day, item->checked_by, item->note);
  return g_strdup_printf (_("Checked %s by %s"), day, item->checked_by);
}

/* How often @item is followed up, and when next, or NULL */
char *
sf_checklist_entry_describe_follow_up (const SfChecklistItem *item)
{
  GString *text;

  if (item->review_months == 0)
    return NULL;
  text = g_string_new (NULL);
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "Follow up every %u month",
                                             "Follow up every %u months", item->review_months),
                          item->review_months);
  if (item->next_review != SF_DAY_NONE)
    {
      g_autofree char *next = sf_day_format (item->next_review);

      g_string_append_printf (text, item->due ? _("; due since %s") : _("; next on %s"), next);
    }
  return g_string_free (text, FALSE);
}

/* The guidance's detail, when and by whom it was checked, and when it is
 * to be followed up, a line each */
static char *
make_subtitle (const SfChecklistItem *item)
{
  const char *lines[] = { sf_checklist_text (item->detail, item->shipped), NULL, NULL, NULL };
  g_autofree char *check = sf_checklist_entry_describe_check (item);
  g_autofree char *follow_up = sf_checklist_entry_describe_follow_up (item);
  guint n = lines[0] != NULL ? 1 : 0;

  if (check != NULL)
    lines[n++] = check;
  if (follow_up != NULL)
    lines[n++] = follow_up;
  return g_strjoinv ("\n", (char **) lines);
}

static void
sf_checklist_entry_finalize (GObject *object)
{
  SfChecklistEntry *self = (SfChecklistEntry *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->due_subtitle, g_free);
  g_clear_pointer (&self->section, g_free);
  g_clear_pointer (&self->section_title, g_free);
  g_clear_pointer (&self->section_detail, g_free);

  G_OBJECT_CLASS (sf_checklist_entry_parent_class)->finalize (object);
}

static void
sf_checklist_entry_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SfChecklistEntry *self = SF_CHECKLIST_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;

    case PROP_DUE_SUBTITLE:
      g_value_set_string (value, self->due_subtitle);
      break;

    case PROP_CHECKED:
      g_value_set_boolean (value, self->checked);
      break;

    case PROP_DUE:
      g_value_set_boolean (value, self->due);
      break;

    case PROP_SECTION:
      g_value_set_string (value, self->section);
      break;

    case PROP_SECTION_TITLE:
      g_value_set_string (value, self->section_title);
      break;

    case PROP_SECTION_DETAIL:
      g_value_set_string (value, self->section_detail);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
sf_checklist_entry_class_init (SfChecklistEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sf_checklist_entry_finalize;
  object_class->get_property = sf_checklist_entry_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TITLE] = string_property ("title");
  properties[PROP_SUBTITLE] = string_property ("subtitle");
  /* For the list of items due: the checklist's title and since when */
  properties[PROP_DUE_SUBTITLE] = string_property ("due-subtitle");
  properties[PROP_CHECKED] = g_param_spec_boolean ("checked", NULL, NULL, FALSE, flags);
  properties[PROP_DUE] = g_param_spec_boolean ("due", NULL, NULL, FALSE, flags);
  /* Which group of the checklist it is in: a section of the guidance, the
   * manager's own items, or none */
  properties[PROP_SECTION] = string_property ("section");
  properties[PROP_SECTION_TITLE] = string_property ("section-title");
  properties[PROP_SECTION_DETAIL] = string_property ("section-detail");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sf_checklist_entry_init (SfChecklistEntry *self)
{
}

SfChecklistEntry *
sf_checklist_entry_new (const SfChecklist     *checklist,
                        const SfChecklistItem *item)
{
  SfChecklistEntry *self;
  gboolean own;

  g_return_val_if_fail (checklist != NULL && item != NULL, NULL);

  self = g_object_new (SF_TYPE_CHECKLIST_ENTRY, NULL);
  self->id = item->id;
  self->title = g_strdup (sf_checklist_text (item->text, item->shipped));
  self->subtitle = make_subtitle (item);
  self->checked = item->checked_on != SF_DAY_NONE;
  self->due = item->due;
  if (item->due)
    {
      g_autofree char *next = sf_day_format (item->next_review);

      /* Translators: a checklist's title and a date */
      self->due_subtitle = g_strdup_printf (_("%s · due since %s"),
                                            sf_checklist_text (checklist->title, checklist->shipped), next);
    }

  /* A group per section of the guidance; the manager's own items last */
  own = item->key == NULL && item->section == NULL;
  if (own)
    {
      self->section = g_strdup ("\n");
      self->section_title = g_strdup (_("Added Items"));
    }
  else if (item->section != NULL)
    {
      self->section = g_strdup (item->section);
      self->section_title = g_strdup (sf_checklist_text (item->section, item->shipped));
      self->section_detail = g_strdup (sf_checklist_text (item->section_detail, item->shipped));
    }
  return self;
}

gint64
sf_checklist_entry_get_id (SfChecklistEntry *self)
{
  g_return_val_if_fail (SF_IS_CHECKLIST_ENTRY (self), 0);

  return self->id;
}

const char *
sf_checklist_entry_get_title (SfChecklistEntry *self)
{
  g_return_val_if_fail (SF_IS_CHECKLIST_ENTRY (self), NULL);

  return self->title;
}

const char *
sf_checklist_entry_get_subtitle (SfChecklistEntry *self)
{
  g_return_val_if_fail (SF_IS_CHECKLIST_ENTRY (self), NULL);

  return self->subtitle;
}

const char *
sf_checklist_entry_get_due_subtitle (SfChecklistEntry *self)
{
  g_return_val_if_fail (SF_IS_CHECKLIST_ENTRY (self), NULL);

  return self->due_subtitle;
}

gboolean
sf_checklist_entry_get_checked (SfChecklistEntry *self)
{
  g_return_val_if_fail (SF_IS_CHECKLIST_ENTRY (self), FALSE);

  return self->checked;
}

gboolean
sf_checklist_entry_get_due (SfChecklistEntry *self)
{
  g_return_val_if_fail (SF_IS_CHECKLIST_ENTRY (self), FALSE);

  return self->due;
}

/* The group's heading, or NULL for items outside any section */
const char *
sf_checklist_entry_get_section_title (SfChecklistEntry *self)
{
  g_return_val_if_fail (SF_IS_CHECKLIST_ENTRY (self), NULL);

  return self->section_title;
}

const char *
sf_checklist_entry_get_section_detail (SfChecklistEntry *self)
{
  g_return_val_if_fail (SF_IS_CHECKLIST_ENTRY (self), NULL);

  return self->section_detail;
}
