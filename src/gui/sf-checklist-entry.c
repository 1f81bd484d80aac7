/* sf-checklist-entry.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sf-checklist-entry.h"
#include "sf-item-properties.h"

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

#define FIELD(field, name, type) SF_ITEM_FIELD (SfChecklistEntry, field, name, type)
static const SfItemProperty item_properties[N_PROPS] = {
  [PROP_ID] = FIELD (id, "id", G_TYPE_INT64),
  [PROP_TITLE] = FIELD (title, "title", G_TYPE_STRING),
  [PROP_SUBTITLE] = FIELD (subtitle, "subtitle", G_TYPE_STRING),
  /* For the list of items due: the checklist's title and since when */
  [PROP_DUE_SUBTITLE] = FIELD (due_subtitle, "due-subtitle", G_TYPE_STRING),
  [PROP_CHECKED] = FIELD (checked, "checked", G_TYPE_BOOLEAN),
  [PROP_DUE] = FIELD (due, "due", G_TYPE_BOOLEAN),
  /* Which group of the checklist it is in: a section of the guidance, the
   * manager's own items, or none */
  [PROP_SECTION] = FIELD (section, "section", G_TYPE_STRING),
  [PROP_SECTION_TITLE] = FIELD (section_title, "section-title", G_TYPE_STRING),
  [PROP_SECTION_DETAIL] = FIELD (section_detail, "section-detail", G_TYPE_STRING),
};
#undef FIELD

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
  sf_item_properties_free (object, item_properties, N_PROPS);

  G_OBJECT_CLASS (sf_checklist_entry_parent_class)->finalize (object);
}

static void
sf_checklist_entry_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  if (!sf_item_properties_get (object, item_properties, N_PROPS, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sf_checklist_entry_class_init (SfChecklistEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sf_checklist_entry_finalize;
  object_class->get_property = sf_checklist_entry_get_property;

  sf_item_properties_make (item_properties, N_PROPS, properties);
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
