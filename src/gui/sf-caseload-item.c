/* sf-caseload-item.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sf-caseload-item.h"
#include "sf-item-properties.h"

struct _SfCaseloadItem
{
  GObject       parent_instance;

  SfRosterItem *roster_item;
  gint64        team_id;
  gint64        area_id;
  guint         cases[SF_N_COMPLEXITIES];
};

G_DEFINE_FINAL_TYPE (SfCaseloadItem, sf_caseload_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ROSTER_ITEM,
  PROP_SIMPLE_CASES,
  PROP_COMPLEX_CASES,
  PROP_SPECIAL_CASES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Open cases of each complexity; the roster item is the class's own */
#define CASES(complexity, name) SF_ITEM_FIELD (SfCaseloadItem, cases[complexity], name, G_TYPE_UINT)
static const SfItemProperty item_properties[N_PROPS] = {
  [PROP_SIMPLE_CASES] = CASES (SF_COMPLEXITY_ENKEL, "simple-cases"),
  [PROP_COMPLEX_CASES] = CASES (SF_COMPLEXITY_KOMPLEKS, "complex-cases"),
  [PROP_SPECIAL_CASES] = CASES (SF_COMPLEXITY_SAERLIGT_KOMPLICERET, "special-cases"),
};
#undef CASES

static void
sf_caseload_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SfCaseloadItem *self = SF_CASELOAD_ITEM (object);

  if (prop_id == PROP_ROSTER_ITEM)
    g_value_set_object (value, self->roster_item);
  else if (!sf_item_properties_get (self, item_properties, N_PROPS, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sf_caseload_item_finalize (GObject *object)
{
  SfCaseloadItem *self = SF_CASELOAD_ITEM (object);

  g_clear_object (&self->roster_item);

  G_OBJECT_CLASS (sf_caseload_item_parent_class)->finalize (object);
}

static void
sf_caseload_item_class_init (SfCaseloadItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sf_caseload_item_finalize;
  object_class->get_property = sf_caseload_item_get_property;

  sf_item_properties_make (item_properties, N_PROPS, properties);
  /* The caseworker and their figures */
  properties[PROP_ROSTER_ITEM] = g_param_spec_object ("roster-item", NULL, NULL, SF_TYPE_ROSTER_ITEM,
                                                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                      G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sf_caseload_item_init (SfCaseloadItem *self)
{
}

SfCaseloadItem *
sf_caseload_item_new (const SfWorkerFigures *figures,
                      const SfArea          *area)
{
  SfCaseloadItem *self;

  g_return_val_if_fail (figures != NULL, NULL);

  self = g_object_new (SF_TYPE_CASELOAD_ITEM, NULL);
  self->roster_item = sf_roster_item_new (figures, area);
  self->team_id = figures->team != NULL ? figures->team->id : 0;
  self->area_id = area != NULL ? area->id : 0;
  for (guint c = 0; c < SF_N_COMPLEXITIES; c++)
    self->cases[c] = figures->cases_by_complexity[c];
  return self;
}

SfRosterItem *
sf_caseload_item_get_roster_item (SfCaseloadItem *self)
{
  g_return_val_if_fail (SF_IS_CASELOAD_ITEM (self), NULL);
  return self->roster_item;
}

gint64
sf_caseload_item_get_team_id (SfCaseloadItem *self)
{
  g_return_val_if_fail (SF_IS_CASELOAD_ITEM (self), 0);
  return self->team_id;
}

gint64
sf_caseload_item_get_area_id (SfCaseloadItem *self)
{
  g_return_val_if_fail (SF_IS_CASELOAD_ITEM (self), 0);
  return self->area_id;
}

guint
sf_caseload_item_get_cases (SfCaseloadItem *self,
                            SfComplexity    complexity)
{
  g_return_val_if_fail (SF_IS_CASELOAD_ITEM (self), 0);
  g_return_val_if_fail ((guint) complexity < SF_N_COMPLEXITIES, 0);
  return self->cases[complexity];
}

/* ---- teams ----------------------------------------------------------- */

struct _SfCaseloadTeamItem
{
  GObject         parent_instance;

  gint64          id;
  gint64          area_id;
  char           *name;
  char           *area;
  SfTeamPosition  position;
  GHashTable     *values;     /* column → double * */
  GHashTable     *texts;      /* column → char * */
};

G_DEFINE_FINAL_TYPE (SfCaseloadTeamItem, sf_caseload_team_item, G_TYPE_OBJECT)

/* The columns whose text is a property "COLUMN-text" */
static const char * const text_columns[] = {
  "open", "load", "fte", "compliance", "per-fte", "ds", "survey", "appropriate", "position"
};

enum {
  TEAM_PROP_0,
  TEAM_PROP_NAME_MARKUP,
  TEAM_PROP_OPEN_MARKUP,
  TEAM_PROP_POSITION_STYLE,
  TEAM_PROP_FIRST_TEXT,
  N_TEAM_PROPS = TEAM_PROP_FIRST_TEXT + G_N_ELEMENTS (text_columns)
};

static GParamSpec *team_properties[N_TEAM_PROPS];

/* The team, its area and how many work in it */
static char *
name_markup (SfCaseloadTeamItem *self)
{
  guint members = (guint) sf_caseload_team_item_get_value (self, "members");
  g_autofree char *staff = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u caseworker", "%u caseworkers",
                                                         members), members);

  return g_markup_printf_escaped ("%s\n<small>%s · %s</small>", self->name, self->area, staff);
}

/* The open cases, and below them those nobody covers */
static char *
open_markup (SfCaseloadTeamItem *self)
{
  if (sf_caseload_team_item_get_value (self, "uncovered") > 0)
    return g_markup_printf_escaped ("%s\n<small>%s</small>",
                                    sf_caseload_team_item_get_text (self, "open"),
                                    sf_caseload_team_item_get_text (self, "uncovered"));
  return g_markup_escape_text (sf_caseload_team_item_get_text (self, "open"), -1);
}

static void
sf_caseload_team_item_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SfCaseloadTeamItem *self = SF_CASELOAD_TEAM_ITEM (object);

  switch (prop_id)
    {
    case TEAM_PROP_NAME_MARKUP:
      g_value_take_string (value, name_markup (self));
      break;

    case TEAM_PROP_OPEN_MARKUP:
      g_value_take_string (value, open_markup (self));
      break;

    case TEAM_PROP_POSITION_STYLE:
      /* Above the range is an error */
      g_value_set_static_string (value, self->position == SF_TEAM_POSITION_ABOVE ? "error" : NULL);
      break;

    default:
      if (prop_id >= TEAM_PROP_FIRST_TEXT && prop_id < N_TEAM_PROPS)
        g_value_set_string (value, sf_caseload_team_item_get_text (self, text_columns[prop_id - TEAM_PROP_FIRST_TEXT]));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sf_caseload_team_item_finalize (GObject *object)
{
  SfCaseloadTeamItem *self = SF_CASELOAD_TEAM_ITEM (object);

  g_free (self->name);
  g_free (self->area);
  g_hash_table_unref (self->values);
  g_hash_table_unref (self->texts);

  G_OBJECT_CLASS (sf_caseload_team_item_parent_class)->finalize (object);
}

static void
sf_caseload_team_item_class_init (SfCaseloadTeamItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sf_caseload_team_item_finalize;
  object_class->get_property = sf_caseload_team_item_get_property;

  team_properties[TEAM_PROP_NAME_MARKUP] = g_param_spec_string ("name-markup", NULL, NULL, NULL, flags);
  team_properties[TEAM_PROP_OPEN_MARKUP] = g_param_spec_string ("open-markup", NULL, NULL, NULL, flags);
  /* A CSS class for the position against the range, or NULL */
  team_properties[TEAM_PROP_POSITION_STYLE] = g_param_spec_string ("position-style", NULL, NULL, NULL, flags);
  for (guint i = 0; i < G_N_ELEMENTS (text_columns); i++)
    {
      g_autofree char *name = g_strconcat (text_columns[i], "-text", NULL);

      team_properties[TEAM_PROP_FIRST_TEXT + i] =
        g_param_spec_string (g_intern_string (name), NULL, NULL, NULL, flags);
    }
  g_object_class_install_properties (object_class, N_TEAM_PROPS, team_properties);
}

static void
sf_caseload_team_item_init (SfCaseloadTeamItem *self)
{
  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->texts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
}

static void
set_value (SfCaseloadTeamItem *self,
           const char         *column,
           double              value,
           char               *text)
{
  g_hash_table_insert (self->values, (gpointer) column, g_memdup2 (&value, sizeof value));
  g_hash_table_insert (self->texts, (gpointer) column, text);
}

/* Column names are static strings: "members", "open", … */
SfCaseloadTeamItem *
sf_caseload_team_item_new (const SfTeamFigures *tf)
{
  SfCaseloadTeamItem *self;
  const SfArea *area;

  g_return_val_if_fail (tf != NULL && tf->team != NULL, NULL);

  area = tf->area;
  self = g_object_new (SF_TYPE_CASELOAD_TEAM_ITEM, NULL);
  self->id = tf->team->id;
  self->area_id = area != NULL ? area->id : 0;
  self->name = g_strdup (tf->team->name);
  self->area = g_strdup (area != NULL ? area->name : "");
  self->position = sf_caseloads_team_position (tf);

  set_value (self, "members", tf->members, g_strdup_printf ("%u", tf->members));
  set_value (self, "open", tf->open_cases, g_strdup_printf ("%u", tf->open_cases));
  if (tf->uncovered_cases > 0)
    /* Translators: cases whose caseworker is absent and that nobody covers */
    set_value (self, "uncovered", tf->uncovered_cases,
               g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u uncovered", "+%u uncovered",
                                             tf->uncovered_cases),
                                tf->uncovered_cases));
  else
    set_value (self, "uncovered", 0, g_strdup (""));
  {
    g_autofree char *load = sf_format_decimal (tf->load, 1);
    g_autofree char *capacity = sf_format_decimal (tf->capacity, 1);

    set_value (self, "load", tf->capacity > 0 ? tf->load / tf->capacity : INFINITY,
               /* Translators: weighted caseload / capacity */
               g_strdup_printf (_("%s / %s"), load, capacity));
  }
  {
    g_autofree char *available = sf_format_decimal (tf->fte_available, 2);
    g_autofree char *needed = sf_format_decimal (tf->fte_needed, 2);

    set_value (self, "fte", tf->fte_available - tf->fte_needed,
               /* Translators: FTE available / FTE needed */
               g_strdup_printf (_("%s / %s"), available, needed));
  }
  set_value (self, "compliance", isnan (tf->compliance) ? -1 : tf->compliance, sf_format_percent (tf->compliance));
  set_value (self, "per-fte", isnan (tf->cases_per_fte) ? -1 : tf->cases_per_fte,
             sf_format_decimal (tf->cases_per_fte, 1));
  if (area != NULL)
    {
      g_autofree char *footnote = sf_area_footnote (area);
      g_autofree char *low = NULL;
      g_autofree char *high = NULL;
      double range_low, range_high;

      /* The range the team is compared with: DS', or an own area's own,
       * marked so that the footnote says whose it is. */
      if (sf_area_get_range (area, &range_low, &range_high))
        {
          low = sf_format_figure (range_low);
          high = sf_format_figure (range_high);
          set_value (self, "ds", range_high, g_strdup_printf ("%s–%s%s", low, high, footnote != NULL ? " *" : ""));
        }
      else
        set_value (self, "ds", -1, g_strdup (footnote != NULL ? "— *" : "—"));
      set_value (self, "survey", isnan (area->survey_avg) ? -1 : area->survey_avg,
                 sf_format_decimal (area->survey_avg, 0));
      set_value (self, "appropriate", isnan (area->appropriate) ? -1 : area->appropriate,
                 sf_format_decimal (area->appropriate, 0));
    }
  else
    {
      set_value (self, "ds", -1, g_strdup ("—"));
      set_value (self, "survey", -1, g_strdup ("—"));
      set_value (self, "appropriate", -1, g_strdup ("—"));
    }
  set_value (self, "position", self->position, g_strdup (sf_caseloads_position_label (self->position, area)));
  return self;
}

gint64
sf_caseload_team_item_get_id (SfCaseloadTeamItem *self)
{
  g_return_val_if_fail (SF_IS_CASELOAD_TEAM_ITEM (self), 0);
  return self->id;
}

gint64
sf_caseload_team_item_get_area_id (SfCaseloadTeamItem *self)
{
  g_return_val_if_fail (SF_IS_CASELOAD_TEAM_ITEM (self), 0);
  return self->area_id;
}

double
sf_caseload_team_item_get_value (SfCaseloadTeamItem *self,
                                 const char         *column)
{
  double *value;

  g_return_val_if_fail (SF_IS_CASELOAD_TEAM_ITEM (self), 0);
  value = g_hash_table_lookup (self->values, column);
  return value != NULL ? *value : 0;
}

const char *
sf_caseload_team_item_get_name (SfCaseloadTeamItem *self)
{
  g_return_val_if_fail (SF_IS_CASELOAD_TEAM_ITEM (self), NULL);
  return self->name;
}

const char *
sf_caseload_team_item_get_area (SfCaseloadTeamItem *self)
{
  g_return_val_if_fail (SF_IS_CASELOAD_TEAM_ITEM (self), NULL);
  return self->area;
}

SfTeamPosition
sf_caseload_team_item_get_position (SfCaseloadTeamItem *self)
{
  g_return_val_if_fail (SF_IS_CASELOAD_TEAM_ITEM (self), SF_TEAM_POSITION_UNKNOWN);
  return self->position;
}

const char *
sf_caseload_team_item_get_text (SfCaseloadTeamItem *self,
                                const char         *column)
{
  g_return_val_if_fail (SF_IS_CASELOAD_TEAM_ITEM (self), NULL);
  if (g_strcmp0 (column, "name") == 0)
    return self->name;
  if (g_strcmp0 (column, "area") == 0)
    return self->area;
  return g_hash_table_lookup (self->texts, column);
}
