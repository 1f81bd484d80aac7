/* sf-alert-item.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sf-alert-item.h"
#include "sf-item-properties.h"

struct _SfAlertItem
{
  GObject   parent_instance;

  SfAlert  *alert;
  SfDay     ref;
  /* Made when first asked for: a large municipality has thousands of
   * alerts, and rows for only the first few of them at first */
  char     *identity;
  char     *title;
  char     *subtitle;
  char     *group_description;
};

G_DEFINE_FINAL_TYPE (SfAlertItem, sf_alert_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_IDENTITY,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_IS_ERROR,
  PROP_ACKNOWLEDGED,
  PROP_CASEWORKER_ID,
  PROP_TEAM_ID,
  PROP_GROUP_TITLE,
  PROP_GROUP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The alert's own fields are the class's (is-error, acknowledged, the ids) */
static const SfItemProperty item_properties[N_PROPS] = {
  /* sf_alert_identity() */
  [PROP_IDENTITY] = SF_ITEM_TEXT ("identity", sf_alert_item_get_identity),
  [PROP_TITLE] = SF_ITEM_TEXT ("title", sf_alert_item_get_title),
  [PROP_SUBTITLE] = SF_ITEM_TEXT ("subtitle", sf_alert_item_get_subtitle),
  /* The heading of the team's group: its name */
  [PROP_GROUP_TITLE] = SF_ITEM_TEXT ("group-title", sf_alert_item_get_group_title),
  [PROP_GROUP_DESCRIPTION] = SF_ITEM_FIELD (SfAlertItem, group_description, "group-description", G_TYPE_STRING),
};

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

static char *
make_title (const SfAlert *alert)
{
  /* A team's own alerts sit under its name already */
  if (alert->caseworker_id == 0 && !alert->acknowledged)
    return g_strdup (kind_label (alert->kind));
  /* Translators: an alert's kind and whom it concerns: "Over norm — AB" */
  return g_strdup_printf (C_("alert title", "%s — %s"), kind_label (alert->kind), alert->subject);
}

/* The message, and what to do (open) or the note and until when
 * (acknowledged) */
static char *
make_subtitle (const SfAlert *alert,
               SfDay          ref)
{
  GString *subtitle = g_string_new (alert->message);

  if (alert->acknowledged)
    {
      /* Translators: %s is the note the manager wrote */
      g_string_append_printf (subtitle, "\n%s", _("Note:"));
      g_string_append_printf (subtitle, " %s", alert->ack_note ? alert->ack_note : "");
      if (alert->ack_expires != SF_DAY_NONE)
        {
          g_autofree char *until = sf_day_format (alert->ack_expires);

          g_string_append_c (subtitle, '\n');
          /* Translators: %s is a date */
          g_string_append_printf (subtitle, _("Returns on %s, or sooner if it gets worse."), until);
        }
    }
  else
    {
      g_autofree char *since = sf_alert_describe_since (alert, ref);

      g_string_append_printf (subtitle, "\n%s", alert->resolution);
      if (since != NULL)
        g_string_append_printf (subtitle, "\n%s", since);
    }
  return g_string_free (subtitle, FALSE);
}

static void
sf_alert_item_finalize (GObject *object)
{
  SfAlertItem *self = (SfAlertItem *)object;

  sf_item_properties_free (self, item_properties, N_PROPS);
  g_clear_pointer (&self->alert, sf_alert_free);
  g_clear_pointer (&self->identity, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);

  G_OBJECT_CLASS (sf_alert_item_parent_class)->finalize (object);
}

static void
sf_alert_item_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SfAlertItem *self = SF_ALERT_ITEM (object);

  if (sf_item_properties_get (self, item_properties, N_PROPS, prop_id, value))
    return;
  switch (prop_id)
    {
    case PROP_IS_ERROR:
      g_value_set_boolean (value, self->alert->severity == SF_SEVERITY_ERROR);
      break;

    case PROP_ACKNOWLEDGED:
      g_value_set_boolean (value, self->alert->acknowledged);
      break;

    case PROP_CASEWORKER_ID:
      g_value_set_int64 (value, self->alert->caseworker_id);
      break;

    case PROP_TEAM_ID:
      g_value_set_int64 (value, self->alert->team_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sf_alert_item_class_init (SfAlertItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sf_alert_item_finalize;
  object_class->get_property = sf_alert_item_get_property;

  sf_item_properties_make (item_properties, N_PROPS, properties);
  properties[PROP_IS_ERROR] = g_param_spec_boolean ("is-error", NULL, NULL, FALSE, flags);
  properties[PROP_ACKNOWLEDGED] = g_param_spec_boolean ("acknowledged", NULL, NULL, FALSE, flags);
  /* 0 for a team's alert */
  properties[PROP_CASEWORKER_ID] = g_param_spec_int64 ("caseworker-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TEAM_ID] = g_param_spec_int64 ("team-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sf_alert_item_init (SfAlertItem *self)
{
}

SfAlertItem *
sf_alert_item_new (const SfAlert *alert,
                   SfDay          ref,
                   const char    *group_description)
{
  SfAlertItem *self;

  g_return_val_if_fail (alert != NULL, NULL);

  self = g_object_new (SF_TYPE_ALERT_ITEM, NULL);
  self->alert = sf_alert_copy (alert);
  self->ref = ref;
  self->group_description = g_strdup (group_description);
  return self;
}

const SfAlert *
sf_alert_item_get_alert (SfAlertItem *self)
{
  g_return_val_if_fail (SF_IS_ALERT_ITEM (self), NULL);

  return self->alert;
}

const char *
sf_alert_item_get_identity (SfAlertItem *self)
{
  g_return_val_if_fail (SF_IS_ALERT_ITEM (self), NULL);

  if (self->identity == NULL)
    self->identity = sf_alert_identity (self->alert);
  return self->identity;
}

const char *
sf_alert_item_get_title (SfAlertItem *self)
{
  g_return_val_if_fail (SF_IS_ALERT_ITEM (self), NULL);

  if (self->title == NULL)
    self->title = make_title (self->alert);
  return self->title;
}

const char *
sf_alert_item_get_subtitle (SfAlertItem *self)
{
  g_return_val_if_fail (SF_IS_ALERT_ITEM (self), NULL);

  if (self->subtitle == NULL)
    self->subtitle = make_subtitle (self->alert, self->ref);
  return self->subtitle;
}

const char *
sf_alert_item_get_group_title (SfAlertItem *self)
{
  g_return_val_if_fail (SF_IS_ALERT_ITEM (self), NULL);

  return *self->alert->team_name ? self->alert->team_name : _("No Team");
}

const char *
sf_alert_item_get_group_description (SfAlertItem *self)
{
  g_return_val_if_fail (SF_IS_ALERT_ITEM (self), NULL);

  return self->group_description;
}
