/* sf-roster-item.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sf-item-properties.h"
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

#define FIELD(field, name, type) SF_ITEM_FIELD (SfRosterItem, field, name, type)
static const SfItemProperty item_properties[N_PROPS] = {
  [PROP_ID] = FIELD (id, "id", G_TYPE_INT64),
  [PROP_INITIALS] = FIELD (initials, "initials", G_TYPE_STRING),
  [PROP_NAME] = FIELD (name, "name", G_TYPE_STRING),
  [PROP_TEAM] = FIELD (team, "team", G_TYPE_STRING),
  [PROP_AREA] = FIELD (area, "area", G_TYPE_STRING),
  [PROP_WEEKLY_HOURS] = FIELD (weekly_hours, "weekly-hours", G_TYPE_DOUBLE),
  [PROP_AVAILABILITY] = FIELD (availability, "availability", G_TYPE_DOUBLE),
  [PROP_EXPERIENCE] = FIELD (experience, "experience", G_TYPE_DOUBLE),
  [PROP_INDIVIDUAL_FACTOR] = FIELD (individual_factor, "individual-factor", G_TYPE_DOUBLE),
  [PROP_BASE_NORM] = FIELD (base_norm, "base-norm", G_TYPE_DOUBLE),
  [PROP_ADJUSTED_NORM] = FIELD (adjusted_norm, "adjusted-norm", G_TYPE_DOUBLE),
  [PROP_OPEN_CASES] = FIELD (open_cases, "open-cases", G_TYPE_UINT),
  [PROP_WEIGHTED_LOAD] = FIELD (weighted_load, "weighted-load", G_TYPE_DOUBLE),
  /* NAN where there is no norm to compare with */
  [PROP_UTILISATION] = FIELD (utilisation, "utilisation", G_TYPE_DOUBLE),
  [PROP_STATUS_LABEL] = SF_ITEM_TEXT ("status-label", sf_roster_item_get_status_label),
  [PROP_STATUS_ICON_NAME] = SF_ITEM_TEXT ("status-icon-name", sf_roster_item_get_status_icon_name),
  [PROP_CAPACITY_LABEL] = SF_ITEM_TEXT ("capacity-label", sf_roster_item_get_capacity_label),
  [PROP_HOURS_TEXT] = FIELD (hours_text, "hours-text", G_TYPE_STRING),
  [PROP_NORM_TEXT] = FIELD (norm_text, "norm-text", G_TYPE_STRING),
  [PROP_NORM_EXPLANATION] = SF_ITEM_TEXT ("norm-explanation", sf_roster_item_get_norm_explanation),
  [PROP_CASES_TEXT] = FIELD (cases_text, "cases-text", G_TYPE_STRING),
  [PROP_LOAD_TEXT] = FIELD (load_text, "load-text", G_TYPE_STRING),
  [PROP_UTILISATION_TEXT] = FIELD (utilisation_text, "utilisation-text", G_TYPE_STRING),
  [PROP_SEARCH_KEY] = FIELD (search_key, "search-key", G_TYPE_STRING),
  [PROP_START_TEXT] = SF_ITEM_TEXT ("start-text", sf_roster_item_get_start_text),
  [PROP_ABSENCE_TEXT] = SF_ITEM_TEXT ("absence-text", sf_roster_item_get_absence_text),
  [PROP_FACTOR_TEXT] = SF_ITEM_TEXT ("factor-text", sf_roster_item_get_factor_text),
  [PROP_FACTOR_REASON] = FIELD (factor_reason, "factor-reason", G_TYPE_STRING),
  /* "—" until sf_roster_item_set_reductions() says how many are recorded */
  [PROP_REDUCTIONS_TEXT] = SF_ITEM_TEXT ("reductions-text", sf_roster_item_get_reductions_text),
};
#undef FIELD

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

  sf_item_properties_free (self, item_properties, N_PROPS);
  g_clear_pointer (&self->absence_kind, g_free);
  g_clear_pointer (&self->norm_explanation, g_free);
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

    default:
      if (!sf_item_properties_get (self, item_properties, N_PROPS, prop_id, value))
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sf_roster_item_class_init (SfRosterItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sf_roster_item_finalize;
  object_class->get_property = sf_roster_item_get_property;

  sf_item_properties_make (item_properties, N_PROPS, properties);
  properties[PROP_UTILISATION_RANK] = g_param_spec_double ("utilisation-rank", NULL, NULL,
                                                           -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
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

  self->utilisation_text = sf_format_percent (self->utilisation);

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
