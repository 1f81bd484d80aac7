#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sf-caseloads.h"
#include "sf-norms.h"
#include "sf-text.h"

SfTeamPosition
sf_caseloads_team_position (const SfTeamFigures *team)
{
  double low, high;

  g_return_val_if_fail (team != NULL, SF_TEAM_POSITION_UNKNOWN);

  if (team->area == NULL)
    return SF_TEAM_POSITION_UNKNOWN;
  if (!sf_area_get_range (team->area, &low, &high))
    return SF_TEAM_POSITION_NO_RANGE;
  if (isnan (team->cases_per_fte))
    return SF_TEAM_POSITION_UNKNOWN;
  if (team->cases_per_fte > high)
    return SF_TEAM_POSITION_ABOVE;
  if (team->cases_per_fte < low)
    return SF_TEAM_POSITION_BELOW;
  return SF_TEAM_POSITION_WITHIN;
}

const char *
sf_caseloads_position_label (SfTeamPosition  position,
                             const SfArea   *area)
{
  gboolean own = area != NULL && area->custom;

  switch (position)
    {
    case SF_TEAM_POSITION_BELOW:
      return own ? _("Below the own range") : _("Below the DS range");
    case SF_TEAM_POSITION_WITHIN:
      return own ? _("Within the own range") : _("Within the DS range");
    case SF_TEAM_POSITION_ABOVE:
      return own ? _("Above the own range") : _("Above the DS range");
    case SF_TEAM_POSITION_NO_RANGE:
      /* Translators: an own case area without a range: the team is compared with nothing */
      return _("Own area without a range");
    case SF_TEAM_POSITION_UNKNOWN:
    default:
      return _("No capacity to compare");
    }
}

/* A number for Danish spreadsheets whatever the locale: 1234,5 (no
 * thousands separator, which a spreadsheet would read as text).  NAN is
 * an empty field. */
char *
sf_caseloads_format_comma (double value,
                           int    digits)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char format[16];
  char *dot;

  if (isnan (value))
    return g_strdup ("");
  /* No "-0,0" for a value that rounds to zero */
  if (fabs (value) < 0.5 * pow (10, -digits))
    value = 0;
  g_snprintf (format, sizeof format, "%%.%df", digits);
  g_ascii_formatd (buf, sizeof buf, format, value);
  dot = strchr (buf, '.');
  if (dot != NULL)
    *dot = ',';
  return g_strdup (buf);
}

static void
number (GString  *out,
        double    value,
        int       digits,
        gboolean  last)
{
  g_autofree char *text = sf_caseloads_format_comma (value, digits);

  g_string_append (out, text);
  g_string_append (out, last ? "\r\n" : ";");
}

static void
header (GString            *out,
        const char * const *names,
        guint               n)
{
  for (guint i = 0; i < n; i++)
    sf_csv_append_field (out, _(names[i]), i + 1 == n);
}

static int
compare_workers (gconstpointer a,
                 gconstpointer b)
{
  const SfWorkerFigures *wa = *(const SfWorkerFigures **) a;
  const SfWorkerFigures *wb = *(const SfWorkerFigures **) b;
  int result = g_utf8_collate (wa->team ? wa->team->name : "", wb->team ? wb->team->name : "");

  return result != 0 ? result : g_utf8_collate (wa->worker->initials, wb->worker->initials);
}

static int
compare_teams (gconstpointer a,
               gconstpointer b)
{
  const SfTeamFigures *ta = *(const SfTeamFigures **) a;
  const SfTeamFigures *tb = *(const SfTeamFigures **) b;

  return g_utf8_collate (ta->team->name, tb->team->name);
}

GBytes *
sf_caseloads_render_csv (const SfFigures *figures)
{
  static const char * const worker_columns[] = {
    N_("Team"), N_("Area"), N_("Initials"), N_("Name"), N_("Simple"), N_("Complex"),
    N_("Especially complicated"), N_("Open cases"), N_("Weighted caseload"), N_("Adjusted norm"),
    N_("Utilisation (%)"), N_("Status"),
  };
  static const char * const team_columns[] = {
    N_("Team"), N_("Area"), N_("Caseworkers"), N_("Open cases"), N_("Uncovered cases"),
    N_("Weighted caseload"), N_("Capacity"), N_("FTE available"), N_("FTE needed"),
    N_("Within norm (%)"), N_("Cases per FTE"), N_("Range from"), N_("Range to"),
    N_("Whose range"), N_("National average"), N_("Found appropriate"), N_("Against the range"),
  };
  g_autoptr(GPtrArray) workers = g_ptr_array_new ();
  g_autoptr(GPtrArray) teams = g_ptr_array_new ();
  GString *out = g_string_new ("\xEF\xBB\xBF");
  gsize len;

  g_return_val_if_fail (figures != NULL, NULL);

  for (guint i = 0; i < figures->workers->len; i++)
    g_ptr_array_add (workers, &g_array_index (figures->workers, SfWorkerFigures, i));
  for (guint i = 0; i < figures->teams->len; i++)
    g_ptr_array_add (teams, &g_array_index (figures->teams, SfTeamFigures, i));
  g_ptr_array_sort (workers, compare_workers);
  g_ptr_array_sort (teams, compare_teams);

  header (out, worker_columns, G_N_ELEMENTS (worker_columns));
  for (guint i = 0; i < workers->len; i++)
    {
      const SfWorkerFigures *wf = g_ptr_array_index (workers, i);
      const SfArea *area = wf->team != NULL ? sf_dataset_find_area (figures->dataset, wf->team->area_id) : NULL;

      sf_csv_append_field (out, wf->team != NULL ? wf->team->name : "", FALSE);
      sf_csv_append_field (out, area != NULL ? area->name : "", FALSE);
      sf_csv_append_field (out, wf->worker->initials, FALSE);
      sf_csv_append_field (out, wf->worker->name, FALSE);
      for (guint c = 0; c < SF_N_COMPLEXITIES; c++)
        number (out, wf->cases_by_complexity[c], 0, FALSE);
      number (out, wf->open_cases, 0, FALSE);
      number (out, wf->weighted_load, 2, FALSE);
      number (out, wf->adjusted_norm, 2, FALSE);
      number (out, wf->adjusted_norm > 0 ? wf->utilisation * 100 : NAN, 1, FALSE);
      sf_csv_append_field (out, sf_status_to_label (wf->status), TRUE);
    }

  g_string_append (out, "\r\n");
  header (out, team_columns, G_N_ELEMENTS (team_columns));
  for (guint i = 0; i < teams->len; i++)
    {
      const SfTeamFigures *tf = g_ptr_array_index (teams, i);
      g_autofree char *owner = NULL;
      double low, high;

      sf_csv_append_field (out, tf->team->name, FALSE);
      sf_csv_append_field (out, tf->area != NULL ? tf->area->name : "", FALSE);
      number (out, tf->members, 0, FALSE);
      number (out, tf->open_cases, 0, FALSE);
      number (out, tf->uncovered_cases, 0, FALSE);
      number (out, tf->load, 2, FALSE);
      number (out, tf->capacity, 2, FALSE);
      number (out, tf->fte_available, 2, FALSE);
      number (out, tf->fte_needed, 2, FALSE);
      number (out, tf->compliance * 100, 1, FALSE);
      number (out, tf->cases_per_fte, 1, FALSE);
      if (tf->area == NULL || !sf_area_get_range (tf->area, &low, &high))
        low = high = NAN;
      number (out, low, 0, FALSE);
      number (out, high, 0, FALSE);
      owner = tf->area != NULL ? sf_area_range_owner (tf->area) : NULL;
      sf_csv_append_field (out, owner, FALSE);
      number (out, tf->area != NULL ? tf->area->survey_avg : NAN, 0, FALSE);
      number (out, tf->area != NULL ? tf->area->appropriate : NAN, 0, FALSE);
      sf_csv_append_field (out, sf_caseloads_position_label (sf_caseloads_team_position (tf), tf->area), TRUE);
    }

  len = out->len;
  return g_bytes_new_take (g_string_free (out, FALSE), len);
}
