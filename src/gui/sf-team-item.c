/* sf-team-item.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sf-item-properties.h"
#include "sf-status-style.h"
#include "sf-team-item.h"

struct _SfTeamItem
{
  GObject  parent_instance;

  gint64   id;
  char    *name;
  char    *area;
  guint    members;
  double   base_norm;
  gboolean own_cap;
  double   fte;
  double   utilisation;          /* load / capacity; NAN without capacity */
  SfStatus status;

  char    *norm_text;
  char    *summary;
  char    *utilisation_text;
  char    *status_label;
  char    *status_icon_name;
  char    *search_key;
};

G_DEFINE_FINAL_TYPE (SfTeamItem, sf_team_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_AREA,
  PROP_MEMBERS,
  PROP_SUMMARY,
  PROP_UTILISATION_RANK,
  PROP_UTILISATION_TEXT,
  PROP_STATUS_LABEL,
  PROP_STATUS_ICON_NAME,
  PROP_SEARCH_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define FIELD(field, name, type) SF_ITEM_FIELD (SfTeamItem, field, name, type)
static const SfItemProperty item_properties[N_PROPS] = {
  [PROP_ID] = FIELD (id, "id", G_TYPE_INT64),
  [PROP_NAME] = FIELD (name, "name", G_TYPE_STRING),
  [PROP_AREA] = FIELD (area, "area", G_TYPE_STRING),
  [PROP_MEMBERS] = FIELD (members, "members", G_TYPE_UINT),
  [PROP_SUMMARY] = FIELD (summary, "summary", G_TYPE_STRING),
  [PROP_UTILISATION_TEXT] = FIELD (utilisation_text, "utilisation-text", G_TYPE_STRING),
  [PROP_STATUS_LABEL] = FIELD (status_label, "status-label", G_TYPE_STRING),
  [PROP_STATUS_ICON_NAME] = FIELD (status_icon_name, "status-icon-name", G_TYPE_STRING),
  [PROP_SEARCH_KEY] = FIELD (search_key, "search-key", G_TYPE_STRING),
};
#undef FIELD

static void
sf_team_item_finalize (GObject *object)
{
  SfTeamItem *self = (SfTeamItem *)object;

  sf_item_properties_free (self, item_properties, N_PROPS);
  g_free (self->norm_text);

  G_OBJECT_CLASS (sf_team_item_parent_class)->finalize (object);
}

static void
sf_team_item_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SfTeamItem *self = SF_TEAM_ITEM (object);

  if (prop_id == PROP_UTILISATION_RANK)
    /* Sorts the teams without a utilisation first, and never compares NAN */
    g_value_set_double (value, isnan (self->utilisation) ? -1.0 : self->utilisation);
  else if (!sf_item_properties_get (self, item_properties, N_PROPS, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sf_team_item_class_init (SfTeamItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sf_team_item_finalize;
  object_class->get_property = sf_team_item_get_property;

  sf_item_properties_make (item_properties, N_PROPS, properties);
  properties[PROP_UTILISATION_RANK] = g_param_spec_double ("utilisation-rank", NULL, NULL,
                                                           -1, G_MAXDOUBLE, -1,
                                                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sf_team_item_init (SfTeamItem *self)
{
}

SfTeamItem *
sf_team_item_new (const SfTeamFigures *figures,
                  const SfSettings    *settings)
{
  SfTeamItem *self;
  g_autofree char *members = NULL;
  g_autofree char *fte = NULL;
  g_autofree char *norm = NULL;

  g_return_val_if_fail (figures != NULL && figures->team != NULL, NULL);

  self = g_object_new (SF_TYPE_TEAM_ITEM, NULL);
  self->id = figures->team->id;
  self->name = g_strdup (figures->team->name);
  self->area = g_strdup (figures->area != NULL ? figures->area->name : "");
  self->members = figures->members;
  self->base_norm = figures->base_norm;
  self->own_cap = figures->team->cap > 0;
  self->fte = figures->fte_available;
  self->utilisation = figures->capacity > 0 ? figures->load / figures->capacity : NAN;

  norm = sf_format_decimal (self->base_norm, fabs (self->base_norm - round (self->base_norm)) < 0.05 ? 0 : 1);
  fte = sf_format_decimal (self->fte, 1);
  members = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u member", "%u members", self->members),
                             self->members);
  if (self->own_cap)
    /* Translators: team norm with the municipality's own cap, e.g. "cap 24" */
    self->norm_text = g_strdup_printf (_("own cap %s"), norm);
  else
    /* Translators: team norm from DS' range, e.g. "norm 30" */
    self->norm_text = g_strdup_printf (_("norm %s"), norm);
  /* Translators: area · norm · members · available full-time equivalents */
  self->summary = g_strdup_printf (_("%s · %s · %s · %s FTE"), self->area, self->norm_text, members, fte);

  if (isnan (self->utilisation))
    {
      self->utilisation_text = g_strdup ("—");
      self->status_label = g_strdup (self->members > 0 ? _("No capacity") : _("No members"));
      self->status_icon_name = g_strdup ("action-unavailable-symbolic");
    }
  else
    {
      self->status = sf_capacity_status (settings, figures->load, figures->capacity);
      self->utilisation_text = sf_format_percent (self->utilisation);
      self->status_label = g_strdup (sf_status_to_label (self->status));
      self->status_icon_name = g_strdup (sf_status_icon_name (self->status));
    }
  self->search_key = g_strjoin (" ", self->name, self->area, NULL);
  return self;
}

gint64
sf_team_item_get_id (SfTeamItem *self)
{
  g_return_val_if_fail (SF_IS_TEAM_ITEM (self), 0);
  return self->id;
}

const char *
sf_team_item_get_name (SfTeamItem *self)
{
  g_return_val_if_fail (SF_IS_TEAM_ITEM (self), NULL);
  return self->name;
}

guint
sf_team_item_get_members (SfTeamItem *self)
{
  g_return_val_if_fail (SF_IS_TEAM_ITEM (self), 0);
  return self->members;
}

const char *
sf_team_item_get_summary (SfTeamItem *self)
{
  g_return_val_if_fail (SF_IS_TEAM_ITEM (self), NULL);
  return self->summary;
}
