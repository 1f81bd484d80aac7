/* sf-roster-item.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sf-roster-item.h"
#include "sf-status-style.h"

struct _SfRosterItem
{
  GObject           parent_instance;

  gint64            id;
  char             *initials;
  char             *name;
  char             *team;
  char             *area;
  double            weekly_hours;
  double            reduction_hours;
  double            availability;
  double            experience;
  double            individual_factor;
  double            base_norm;
  double            adjusted_norm;
  guint             open_cases;
  double            weighted_load;
  double            utilisation;
  SfStatus          status;
  SfRosterCapacity  capacity;
  SfDay             start;
  char             *absence_kind;
  char             *factor_reason;
  guint             n_reductions;       /* recorded, in force or not */

  /* What the table shows, formatted once */
  char             *hours_text;
  char             *norm_text;
  char             *norm_explanation;
  char             *cases_text;
  char             *load_text;
  char             *utilisation_text;
  char             *search_key;

  /* What the Teams page shows besides, made when first asked for */
  char             *start_text;
  char             *absence_text;
  char             *factor_text;
  char             *reductions_text;
};

G_DEFINE_FINAL_TYPE (SfRosterItem, sf_roster_item, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (SfRosterCapacity, sf_roster_capacity,
  G_DEFINE_ENUM_VALUE (SF_ROSTER_CAPACITY_AVAILABLE, "available"),
  G_DEFINE_ENUM_VALUE (SF_ROSTER_CAPACITY_ABSENT, "absent"),
  G_DEFINE_ENUM_VALUE (SF_ROSTER_CAPACITY_NOT_STARTED, "not-started"),
  G_DEFINE_ENUM_VALUE (SF_ROSTER_CAPACITY_NONE, "none"))

enum {
  PROP_0,
  PROP_ID,
  PROP_INITIALS,
  PROP_NAME,
  PROP_TEAM,
  PROP_AREA,
  PROP_WEEKLY_HOURS,
  PROP_AVAILABILITY,
  PROP_EXPERIENCE,
  PROP_INDIVIDUAL_FACTOR,
  PROP_BASE_NORM,
  PROP_ADJUSTED_NORM,
  PROP_OPEN_CASES,
  PROP_WEIGHTED_LOAD,
  PROP_UTILISATION,
  PROP_UTILISATION_RANK,
  PROP_STATUS,
  PROP_STATUS_RANK,
  PROP_CAPACITY,
  PROP_IS_COUNTED,
  PROP_STATUS_LABEL,
  PROP_STATUS_ICON_NAME,
  PROP_CAPACITY_LABEL,
  PROP_HOURS_TEXT,
  PROP_NORM_TEXT,
  PROP_NORM_EXPLANATION,
  PROP_CASES_TEXT,
  PROP_LOAD_TEXT,
  PROP_UTILISATION_TEXT,
  PROP_SEARCH_KEY,
  PROP_START_TEXT,
  PROP_ABSENCE_TEXT,
  PROP_FACTOR_TEXT,
  PROP_FACTOR_REASON,
  PROP_REDUCTIONS_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static SfRosterCapacity
capacity_from_figures (const SfWorkerFigures *figures)
{
  if (figures->absent)
    return SF_ROSTER_CAPACITY_ABSENT;
  if (!figures->started)
    return SF_ROSTER_CAPACITY_NOT_STARTED;
  if (!(figures->adjusted_norm > 0))
    return SF_ROSTER_CAPACITY_NONE;
  return SF_ROSTER_CAPACITY_AVAILABLE;
}

static void
sf_roster_item_finalize (GObject *object)
{
  SfRosterItem *self = (SfRosterItem *)object;

  g_clear_pointer (&self->initials, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->team, g_free);
  g_clear_pointer (&self->area, g_free);
  g_clear_pointer (&self->hours_text, g_free);
  g_clear_pointer (&self->norm_text, g_free);
  g_clear_pointer (&self->norm_explanation, g_free);
  g_clear_pointer (&self->cases_text, g_free);
  g_clear_pointer (&self->load_text, g_free);
  g_clear_pointer (&self->utilisation_text, g_free);
  g_clear_pointer (&self->search_key, g_free);
  g_clear_pointer (&self->absence_kind, g_free);
  g_clear_pointer (&self->factor_reason, g_free);
  g_clear_pointer (&self->start_text, g_free);
  g_clear_pointer (&self->absence_text, g_free);
  g_clear_pointer (&self->factor_text, g_free);
  g_clear_pointer (&self->reductions_text, g_free);

  G_OBJECT_CLASS (sf_roster_item_parent_class)->finalize (object);
}

static void
sf_roster_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SfRosterItem *self = SF_ROSTER_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_INITIALS:
      g_value_set_string (value, self->initials);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_TEAM:
      g_value_set_string (value, self->team);
      break;

    case PROP_AREA:
      g_value_set_string (value, self->area);
      break;

    case PROP_WEEKLY_HOURS:
      g_value_set_double (value, self->weekly_hours);
      break;

    case PROP_AVAILABILITY:
      g_value_set_double (value, self->availability);
      break;

    case PROP_EXPERIENCE:
      g_value_set_double (value, self->experience);
      break;

    case PROP_INDIVIDUAL_FACTOR:
      g_value_set_double (value, self->individual_factor);
      break;

    case PROP_BASE_NORM:
      g_value_set_double (value, self->base_norm);
      break;

    case PROP_ADJUSTED_NORM:
      g_value_set_double (value, self->adjusted_norm);
      break;

    case PROP_OPEN_CASES:
      g_value_set_uint (value, self->open_cases);
      break;

    case PROP_WEIGHTED_LOAD:
      g_value_set_double (value, self->weighted_load);
      break;

    case PROP_UTILISATION:
      g_value_set_double (value, self->utilisation);
      break;

    case PROP_UTILISATION_RANK:
      /* Sorts the rows without a utilisation first, and never compares NAN */
      g_value_set_double (value, isnan (self->utilisation) ? -1.0 : self->utilisation);
      break;

    case PROP_STATUS:
      g_value_set_uint (value, self->status);
      break;

    case PROP_STATUS_RANK:
      g_value_set_int (value, sf_roster_item_get_is_counted (self) ? (int) self->status + 1 : 0);
      break;

    case PROP_CAPACITY:
      g_value_set_enum (value, self->capacity);
      break;

    case PROP_IS_COUNTED:
      g_value_set_boolean (value, sf_roster_item_get_is_counted (self));
      break;

    case PROP_STATUS_LABEL:
      g_value_set_string (value, sf_roster_item_get_status_label (self));
      break;

    case PROP_STATUS_ICON_NAME:
      g_value_set_string (value, sf_roster_item_get_status_icon_name (self));
      break;

    case PROP_CAPACITY_LABEL:
      g_value_set_string (value, sf_roster_item_get_capacity_label (self));
      break;

    case PROP_HOURS_TEXT:
      g_value_set_string (value, self->hours_text);
      break;

    case PROP_NORM_TEXT:
      g_value_set_string (value, self->norm_text);
      break;

    case PROP_NORM_EXPLANATION:
      g_value_set_string (value, sf_roster_item_get_norm_explanation (self));
      break;

    case PROP_CASES_TEXT:
      g_value_set_string (value, self->cases_text);
      break;

    case PROP_LOAD_TEXT:
      g_value_set_string (value, self->load_text);
      break;

    case PROP_UTILISATION_TEXT:
      g_value_set_string (value, self->utilisation_text);
      break;

    case PROP_SEARCH_KEY:
      g_value_set_string (value, self->search_key);
      break;

    case PROP_START_TEXT:
      g_value_set_string (value, sf_roster_item_get_start_text (self));
      break;

    case PROP_ABSENCE_TEXT:
      g_value_set_string (value, sf_roster_item_get_absence_text (self));
      break;

    case PROP_FACTOR_TEXT:
      g_value_set_string (value, sf_roster_item_get_factor_text (self));
      break;

    case PROP_FACTOR_REASON:
      g_value_set_string (value, self->factor_reason);
      break;

    case PROP_REDUCTIONS_TEXT:
      g_value_set_string (value, sf_roster_item_get_reductions_text (self));
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

static GParamSpec *
double_property (const char *name)
{
  return g_param_spec_double (name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
sf_roster_item_class_init (SfRosterItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sf_roster_item_finalize;
  object_class->get_property = sf_roster_item_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_INITIALS] = string_property ("initials");
  properties[PROP_NAME] = string_property ("name");
  properties[PROP_TEAM] = string_property ("team");
  properties[PROP_AREA] = string_property ("area");
  properties[PROP_WEEKLY_HOURS] = double_property ("weekly-hours");
  properties[PROP_AVAILABILITY] = double_property ("availability");
  properties[PROP_EXPERIENCE] = double_property ("experience");
  properties[PROP_INDIVIDUAL_FACTOR] = double_property ("individual-factor");
  properties[PROP_BASE_NORM] = double_property ("base-norm");
  properties[PROP_ADJUSTED_NORM] = double_property ("adjusted-norm");
  properties[PROP_OPEN_CASES] = g_param_spec_uint ("open-cases", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_WEIGHTED_LOAD] = double_property ("weighted-load");
  /* NAN where there is no norm to compare with */
  properties[PROP_UTILISATION] = double_property ("utilisation");
  properties[PROP_UTILISATION_RANK] = double_property ("utilisation-rank");
  /* An SfStatus */
  properties[PROP_STATUS] = g_param_spec_uint ("status", NULL, NULL,
                                               SF_STATUS_WITHIN, SF_STATUS_OVER, SF_STATUS_WITHIN,
                                               flags);
  properties[PROP_STATUS_RANK] = g_param_spec_int ("status-rank", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_CAPACITY] = g_param_spec_enum ("capacity", NULL, NULL,
                                                 SF_TYPE_ROSTER_CAPACITY,
                                                 SF_ROSTER_CAPACITY_AVAILABLE,
                                                 flags);
  properties[PROP_IS_COUNTED] = g_param_spec_boolean ("is-counted", NULL, NULL, FALSE, flags);
  properties[PROP_STATUS_LABEL] = string_property ("status-label");
  properties[PROP_STATUS_ICON_NAME] = string_property ("status-icon-name");
  properties[PROP_CAPACITY_LABEL] = string_property ("capacity-label");
  properties[PROP_HOURS_TEXT] = string_property ("hours-text");
  properties[PROP_NORM_TEXT] = string_property ("norm-text");
  properties[PROP_NORM_EXPLANATION] = string_property ("norm-explanation");
  properties[PROP_CASES_TEXT] = string_property ("cases-text");
  properties[PROP_LOAD_TEXT] = string_property ("load-text");
  properties[PROP_UTILISATION_TEXT] = string_property ("utilisation-text");
  properties[PROP_SEARCH_KEY] = string_property ("search-key");
  properties[PROP_START_TEXT] = string_property ("start-text");
  properties[PROP_ABSENCE_TEXT] = string_property ("absence-text");
  properties[PROP_FACTOR_TEXT] = string_property ("factor-text");
  properties[PROP_FACTOR_REASON] = string_property ("factor-reason");
  /* "—" until sf_roster_item_set_reductions() says how many are recorded */
  properties[PROP_REDUCTIONS_TEXT] = string_property ("reductions-text");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sf_roster_item_init (SfRosterItem *self)
{
  self->utilisation = NAN;
  self->individual_factor = 1.0;
  self->experience = 1.0;
}

/* The factors of the norm, so that the number is never unexplained.
 * Made when first asked for (a tooltip, the Teams page): not for each of
 * 3,000 rows at start-up. */
static char *
explain_norm (SfRosterItem *self)
{
  g_autofree char *base = NULL;
  g_autofree char *availability = NULL;
  g_autofree char *experience = NULL;
  g_autofree char *factor = NULL;
  g_autofree char *reduced = NULL;
  g_autofree char *explanation = NULL;

  base = sf_format_decimal (self->base_norm, 1);
  availability = sf_format_decimal (self->availability, 2);
  experience = sf_format_decimal (self->experience, 2);
  factor = sf_format_decimal (self->individual_factor, 2);
  explanation = g_strdup_printf (_("Team norm %s × availability %s × experience %s × individual factor %s"),
                                 base, availability, experience, factor);
  if (self->reduction_hours > 0)
    {
      g_autofree char *hours = sf_format_hours (self->reduction_hours);

      /* Translators: %s is a number of hours per week */
      reduced = g_strdup_printf (_("Reduced by %s hours a week"), hours);
    }

  switch (self->capacity)
    {
    case SF_ROSTER_CAPACITY_ABSENT:
      return g_strdup_printf ("%s\n%s", explanation, _("Absent: no capacity on this date"));

    case SF_ROSTER_CAPACITY_NOT_STARTED:
      return g_strdup_printf ("%s\n%s", explanation, _("Not started yet: no capacity on this date"));

    case SF_ROSTER_CAPACITY_NONE:
    case SF_ROSTER_CAPACITY_AVAILABLE:
    default:
      if (reduced != NULL)
        return g_strdup_printf ("%s\n%s", explanation, reduced);
      return g_steal_pointer (&explanation);
    }
}

SfRosterItem *
sf_roster_item_new (const SfWorkerFigures *figures,
                    const SfArea          *area)
{
  SfRosterItem *self;

  g_return_val_if_fail (figures != NULL, NULL);
  g_return_val_if_fail (figures->worker != NULL, NULL);

  self = g_object_new (SF_TYPE_ROSTER_ITEM, NULL);

  self->id = figures->worker->id;
  self->initials = g_strdup (figures->worker->initials);
  self->name = g_strdup (figures->worker->name);
  self->team = g_strdup (figures->team != NULL ? figures->team->name : NULL);
  self->area = g_strdup (area != NULL ? area->name : NULL);
  self->weekly_hours = figures->worker->weekly_hours;
  self->reduction_hours = figures->reduction_hours;
  self->availability = figures->availability;
  self->experience = figures->experience;
  self->individual_factor = figures->individual_factor;
  self->base_norm = figures->base_norm;
  self->adjusted_norm = figures->adjusted_norm;
  self->open_cases = figures->open_cases;
  self->weighted_load = figures->weighted_load;
  self->utilisation = figures->adjusted_norm > 0 ? figures->utilisation : NAN;
  self->status = figures->status;
  self->capacity = capacity_from_figures (figures);
  self->start = figures->worker->start;
  if (figures->worker->absence_kind != NULL && *figures->worker->absence_kind != '\0')
    self->absence_kind = g_strdup (figures->worker->absence_kind);
  self->factor_reason = g_strdup (figures->worker->factor_reason);

  self->hours_text = sf_format_hours (self->weekly_hours);
  self->norm_text = sf_format_decimal (self->adjusted_norm, 1);
  self->cases_text = g_strdup_printf ("%u", self->open_cases);
  self->load_text = sf_format_decimal (self->weighted_load, 1);

  if (isnan (self->utilisation))
    self->utilisation_text = g_strdup ("—");
  else
    /* Translators: a utilisation in per cent, e.g. "104 %" */
    self->utilisation_text = g_strdup_printf (_("%.0f %%"), self->utilisation * 100.0);

  {
    g_autofree char *key = g_strjoin (" ",
                                      self->initials ? self->initials : "",
                                      self->name ? self->name : "",
                                      self->team ? self->team : "",
                                      NULL);

    self->search_key = sf_text_fold_for_search (key);
  }

  return self;
}

gint64
sf_roster_item_get_id (SfRosterItem *self)
{
  g_return_val_if_fail (SF_IS_ROSTER_ITEM (self), 0);

  return self->id;
}

const char *
sf_roster_item_get_initials (SfRosterItem *self)
{
  g_return_val_if_fail (SF_IS_ROSTER_ITEM (self), NULL);

  return self->initials;
}

const char *
sf_roster_item_get_name (SfRosterItem *self)
{
  g_return_val_if_fail (SF_IS_ROSTER_ITEM (self), NULL);

  return self->name;
}

const char *
sf_roster_item_get_team (SfRosterItem *self)
{
  g_return_val_if_fail (SF_IS_ROSTER_ITEM (self), NULL);

  return self->team;
}

const char *
sf_roster_item_get_area (SfRosterItem *self)
{
  g_return_val_if_fail (SF_IS_ROSTER_ITEM (self), NULL);

  return self->area;
}

double
sf_roster_item_get_weekly_hours (SfRosterItem *self)
{
  g_return_val_if_fail (SF_IS_ROSTER_ITEM (self), 0);

  return self->weekly_hours;
}

double
sf_roster_item_get_availability (SfRosterItem *self)
{
  g_return_val_if_fail (SF_IS_ROSTER_ITEM (self), 0);

  return self->availability;
}

double
sf_roster_item_get_experience (SfRosterItem *self)
{
  g_return_val_if_fail (SF_IS_ROSTER_ITEM (self), 0);

  return self->experience;
}

double
sf_roster_item_get_individual_factor (SfRosterItem *self)
{
  g_return_val_if_fail (SF_IS_ROSTER_ITEM (self), 0);

  return self->individual_factor;
}

double
sf_roster_item_get_adjusted_norm (SfRosterItem *self)
{
  g_return_val_if_fail (SF_IS_ROSTER_ITEM (self), 0);

  return self->adjusted_norm;
}

guint
sf_roster_item_get_open_cases (SfRosterItem *self)
{
  g_return_val_if_fail (SF_IS_ROSTER_ITEM (self), 0);

  return self->open_cases;
}

double
sf_roster_item_get_weighted_load (SfRosterItem *self)
{
  g_return_val_if_fail (SF_IS_ROSTER_ITEM (self), 0);

  return self->weighted_load;
}

/* NAN when the caseworker has no norm to compare with. */
double
sf_roster_item_get_utilisation (SfRosterItem *self)
{
  g_return_val_if_fail (SF_IS_ROSTER_ITEM (self), NAN);

  return self->utilisation;
}

SfStatus
sf_roster_item_get_status (SfRosterItem *self)
{
  g_return_val_if_fail (SF_IS_ROSTER_ITEM (self), SF_STATUS_WITHIN);

  return self->status;
}

SfRosterCapacity
sf_roster_item_get_capacity (SfRosterItem *self)
{
  g_return_val_if_fail (SF_IS_ROSTER_ITEM (self), SF_ROSTER_CAPACITY_AVAILABLE);

  return self->capacity;
}

/* Whether the status says something about the caseload: FALSE for someone
 * without capacity who carries no cases, whose status is the reason why. */
gboolean
sf_roster_item_get_is_counted (SfRosterItem *self)
{
  g_return_val_if_fail (SF_IS_ROSTER_ITEM (self), FALSE);

  return self->capacity == SF_ROSTER_CAPACITY_AVAILABLE || self->weighted_load > 0;
}

const char *
sf_roster_item_get_capacity_label (SfRosterItem *self)
{
  g_return_val_if_fail (SF_IS_ROSTER_ITEM (self), NULL);

  switch (self->capacity)
    {
    case SF_ROSTER_CAPACITY_ABSENT:
      return _("Absent");

    case SF_ROSTER_CAPACITY_NOT_STARTED:
      return _("Not started");

    case SF_ROSTER_CAPACITY_NONE:
      return _("No capacity");

    case SF_ROSTER_CAPACITY_AVAILABLE:
    default:
      return NULL;
    }
}

const char *
sf_roster_item_get_status_label (SfRosterItem *self)
{
  g_return_val_if_fail (SF_IS_ROSTER_ITEM (self), NULL);

  if (!sf_roster_item_get_is_counted (self))
    return sf_roster_item_get_capacity_label (self);

  return sf_status_to_label (self->status);
}

const char *
sf_roster_item_get_status_icon_name (SfRosterItem *self)
{
  g_return_val_if_fail (SF_IS_ROSTER_ITEM (self), NULL);

  if (!sf_roster_item_get_is_counted (self))
    {
      switch (self->capacity)
        {
        case SF_ROSTER_CAPACITY_ABSENT:
          return "user-away-symbolic";

        case SF_ROSTER_CAPACITY_NOT_STARTED:
          return "appointment-soon-symbolic";

        case SF_ROSTER_CAPACITY_NONE:
        case SF_ROSTER_CAPACITY_AVAILABLE:
        default:
          return "action-unavailable-symbolic";
        }
    }

  return sf_status_icon_name (self->status);
}

const char *
sf_roster_item_get_utilisation_text (SfRosterItem *self)
{
  g_return_val_if_fail (SF_IS_ROSTER_ITEM (self), NULL);

  return self->utilisation_text;
}

const char *
sf_roster_item_get_hours_text (SfRosterItem *self)
{
  g_return_val_if_fail (SF_IS_ROSTER_ITEM (self), NULL);

  return self->hours_text;
}

const char *
sf_roster_item_get_norm_text (SfRosterItem *self)
{
  g_return_val_if_fail (SF_IS_ROSTER_ITEM (self), NULL);

  return self->norm_text;
}

const char *
sf_roster_item_get_norm_explanation (SfRosterItem *self)
{
  g_return_val_if_fail (SF_IS_ROSTER_ITEM (self), NULL);

  if (self->norm_explanation == NULL)
    self->norm_explanation = explain_norm (self);
  return self->norm_explanation;
}

const char *
sf_roster_item_get_cases_text (SfRosterItem *self)
{
  g_return_val_if_fail (SF_IS_ROSTER_ITEM (self), NULL);

  return self->cases_text;
}

const char *
sf_roster_item_get_load_text (SfRosterItem *self)
{
  g_return_val_if_fail (SF_IS_ROSTER_ITEM (self), NULL);

  return self->load_text;
}

/* Initials, name and team, folded for searching (sf_text_fold_for_search()) */
const char *
sf_roster_item_get_search_key (SfRosterItem *self)
{
  g_return_val_if_fail (SF_IS_ROSTER_ITEM (self), NULL);

  return self->search_key;
}

/* The first working day, "—" where none is recorded */
const char *
sf_roster_item_get_start_text (SfRosterItem *self)
{
  g_return_val_if_fail (SF_IS_ROSTER_ITEM (self), NULL);

  if (self->start_text == NULL)
    self->start_text = self->start != SF_DAY_NONE ? sf_day_format (self->start) : g_strdup ("—");
  return self->start_text;
}

/* The kind of absence, "—" where there is none */
const char *
sf_roster_item_get_absence_text (SfRosterItem *self)
{
  g_return_val_if_fail (SF_IS_ROSTER_ITEM (self), NULL);

  if (self->absence_text == NULL)
    self->absence_text = g_strdup (self->absence_kind != NULL
                                   ? sf_roster_absence_kind_label (self->absence_kind) : "—");
  return self->absence_text;
}

const char *
sf_roster_item_get_factor_text (SfRosterItem *self)
{
  g_return_val_if_fail (SF_IS_ROSTER_ITEM (self), NULL);

  if (self->factor_text == NULL)
    self->factor_text = sf_format_decimal (self->individual_factor, 2);
  return self->factor_text;
}

/* The hours of reduction in force and how many reductions are recorded */
const char *
sf_roster_item_get_reductions_text (SfRosterItem *self)
{
  g_return_val_if_fail (SF_IS_ROSTER_ITEM (self), NULL);

  if (self->reductions_text != NULL)
    return self->reductions_text;
  if (self->n_reductions == 0)
    self->reductions_text = g_strdup ("—");
  else
    {
      g_autofree char *hours = sf_format_hours (self->reduction_hours);

      /* Translators: hours of reduction in force today, and how many reductions are recorded,
       * e.g. "5 h (2)" */
      self->reductions_text = g_strdup_printf (_("%s h (%u)"), hours, self->n_reductions);
    }
  return self->reductions_text;
}

/* How many reductions the caseworker has recorded, in force or not: the
 * figures know only the hours in force on the day. */
void
sf_roster_item_set_reductions (SfRosterItem *self,
                               guint         n_recorded)
{
  g_return_if_fail (SF_IS_ROSTER_ITEM (self));

  if (self->n_reductions == n_recorded)
    return;
  self->n_reductions = n_recorded;
  g_clear_pointer (&self->reductions_text, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDUCTIONS_TEXT]);
}
