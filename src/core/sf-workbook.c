/* The HR workbook (.xlsx) with libxlsxwriter.
 *
 * Text goes in through worksheet_write_string() only, which stores it as a
 * shared string (a cell of type "s"): libxlsxwriter never reads a string
 * as a formula, so a name such as "=HYPERLINK(…)" or "+45 …" stays text
 * whatever it begins with (tests/check-workbook.py opens the file and
 * checks).  Numbers go in as numbers with a number format written the
 * invariant way ("#,##0.0"); Excel shows them with the reader's own
 * separators, decimal comma in Danish. */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <xlsxwriter.h>

#include "sf-alerts.h"
#include "sf-error.h"
#include "sf-forecast.h"
#include "sf-norms.h"
#include "sf-trend.h"
#include "sf-workbook.h"

#define MAX_COLUMNS 24
#define MIN_WIDTH   6.0
#define MAX_WIDTH   60.0

typedef struct
{
  lxw_format *header;
  lxw_format *integer;         /* #,##0 */
  lxw_format *decimal1;        /* #,##0.0 */
  lxw_format *decimal2;        /* #,##0.00 */
  lxw_format *percent;         /* 0.0% */
  lxw_format *date;            /* dd-mm-yyyy */
  lxw_format *general;         /* hours and factors as they are */
} Formats;

/* A sheet being written: the next row, and each column's widest text. */
typedef struct
{
  lxw_worksheet *ws;
  const Formats *f;
  lxw_row_t      row;
  guint          n_columns;
  double         widths[MAX_COLUMNS];
  lxw_error      error;
} Sheet;

static void
fit (Sheet *s,
     guint  col,
     double chars)
{
  if (col < MAX_COLUMNS)
    s->widths[col] = MAX (s->widths[col], chars);
  s->n_columns = MAX (s->n_columns, col + 1);
}

static void
note (Sheet     *s,
      lxw_error  error)
{
  if (s->error == LXW_NO_ERROR)
    s->error = error;
}

/* Text, always as text. */
static void
text (Sheet      *s,
      guint       col,
      const char *value)
{
  if (value == NULL || *value == '\0' || s->ws == NULL)
    return;
  note (s, worksheet_write_string (s->ws, s->row, (lxw_col_t) col, value, NULL));
  fit (s, col, g_utf8_strlen (value, -1));
}

/* A number; nothing for NAN (no norm, no capacity). */
static void
number (Sheet      *s,
        guint       col,
        double      value,
        lxw_format *format)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value) || isinf (value) || s->ws == NULL)
    return;
  note (s, worksheet_write_number (s->ws, s->row, (lxw_col_t) col, value, format));
  /* As wide as it shows: digits, separators, a decimal or two */
  g_ascii_formatd (buf, sizeof buf, "%.0f", fabs (value));
  fit (s, col, strlen (buf) * 4.0 / 3.0 + (value < 0) + 3);
}

static void
day (Sheet *s,
     guint  col,
     SfDay  value)
{
  lxw_datetime dt = { 0 };

  if (value == SF_DAY_NONE || s->ws == NULL)
    return;
  sf_day_get_ymd (value, &dt.year, &dt.month, &dt.day);
  note (s, worksheet_write_datetime (s->ws, s->row, (lxw_col_t) col, &dt, s->f->date));
  fit (s, col, 10);
}

static void
status (Sheet    *s,
        guint     col,
        SfStatus  value)
{
  text (s, col, sf_status_to_label (value));
}

static Sheet
sheet_new (lxw_workbook      *wb,
           const Formats     *f,
           const char        *name,
           const char * const *headers)
{
  Sheet s = { 0 };

  s.ws = workbook_add_worksheet (wb, name);
  s.f = f;
  /* A translation that is no sheet name ([]:*?/\ or over 31 characters) */
  if (s.ws == NULL)
    {
      s.error = LXW_ERROR_INVALID_SHEETNAME_CHARACTER;
      return s;
    }
  for (guint i = 0; headers[i] != NULL; i++)
    {
      note (&s, worksheet_write_string (s.ws, 0, (lxw_col_t) i, headers[i], f->header));
      fit (&s, i, g_utf8_strlen (headers[i], -1) + 1);
    }
  /* The header row stays in view */
  worksheet_freeze_panes (s.ws, 1, 0);
  s.row = 1;
  return s;
}

static lxw_error
sheet_finish (Sheet *s)
{
  if (s->ws == NULL)
    return s->error;
  for (guint i = 0; i < s->n_columns && i < MAX_COLUMNS; i++)
    worksheet_set_column (s->ws, (lxw_col_t) i, (lxw_col_t) i,
                          CLAMP (s->widths[i] + 1, MIN_WIDTH, MAX_WIDTH), NULL);
  if (s->row > 1 && s->n_columns > 0)
    note (s, worksheet_autofilter (s->ws, 0, 0, s->row - 1, (lxw_col_t) (s->n_columns - 1)));
  return s->error;
}

static const char *
team_name (const SfDataset *ds,
           gint64           team_id)
{
  const SfTeam *team = sf_dataset_find_team (ds, team_id);

  return team != NULL ? team->name : NULL;
}

static double
ratio (double a,
       double b)
{
  return b > 0 ? a / b : NAN;
}

/* ---- today's figures --------------------------------------------------- */

static lxw_error
write_caseworkers (lxw_workbook    *wb,
                   const Formats   *f,
                   const SfFigures *fig)
{
  const char * const headers[] = {
    _("Team"), _("Initials"), _("Name"), _("Weekly hours"), _("Reduction hours"), _("Start date"),
    _("Last working day"), _("Absence"), _("Individual factor"), _("Factor reason"), _("Adjusted norm"),
    _("Open cases"), _("Weighted load"), _("Utilisation"), _("Status"), NULL
  };
  /* Translators: the name of a sheet in the Excel workbook (at most 31 characters) */
  Sheet s = sheet_new (wb, f, _("Caseworkers"), headers);

  for (guint i = 0; i < fig->workers->len; i++, s.row++)
    {
      const SfWorkerFigures *w = &g_array_index (fig->workers, SfWorkerFigures, i);

      text (&s, 0, w->team != NULL ? w->team->name : NULL);
      text (&s, 1, w->worker->initials);
      text (&s, 2, w->worker->name);
      number (&s, 3, w->worker->weekly_hours, f->general);
      number (&s, 4, w->reduction_hours, f->general);
      day (&s, 5, w->worker->start);
      day (&s, 6, w->worker->end);
      if (w->absent)
        text (&s, 7, w->worker->absence_kind);
      number (&s, 8, w->individual_factor, f->general);
      text (&s, 9, w->worker->factor_reason);
      number (&s, 10, w->adjusted_norm, f->decimal1);
      number (&s, 11, w->open_cases, f->integer);
      number (&s, 12, w->weighted_load, f->decimal1);
      number (&s, 13, w->utilisation, f->percent);
      status (&s, 14, w->status);
    }
  return sheet_finish (&s);
}

static SfStatus
load_status (const SfSettings *settings,
             double            load,
             double            capacity)
{
  return sf_capacity_status (settings, load, capacity);
}

static lxw_error
write_teams (lxw_workbook    *wb,
             const Formats   *f,
             const SfFigures *fig)
{
  const char * const headers[] = {
    _("Team"), _("Case area"), _("Base norm"), _("Members"), _("FTE available"), _("FTE needed"),
    _("Capacity"), _("Weighted load"), _("Utilisation"), _("Status"), _("Open cases"), _("Uncovered cases"),
    _("Within norm"), _("Cases per FTE"), _("Range low"), _("Range high"), NULL
  };
  /* Translators: the name of a sheet in the Excel workbook (at most 31 characters) */
  Sheet s = sheet_new (wb, f, _("Teams"), headers);

  for (guint i = 0; i < fig->teams->len; i++, s.row++)
    {
      const SfTeamFigures *t = &g_array_index (fig->teams, SfTeamFigures, i);
      const SfArea *a = t->area;

      text (&s, 0, t->team->name);
      text (&s, 1, a != NULL ? a->name : NULL);
      number (&s, 2, t->base_norm, f->decimal1);
      number (&s, 3, t->members, f->integer);
      number (&s, 4, t->fte_available, f->decimal2);
      number (&s, 5, t->fte_needed, f->decimal2);
      number (&s, 6, t->capacity, f->decimal1);
      number (&s, 7, t->load, f->decimal1);
      number (&s, 8, ratio (t->load, t->capacity), f->percent);
      if (t->capacity > 0 || t->load > 0)
        status (&s, 9, load_status (&fig->settings, t->load, t->capacity));
      number (&s, 10, t->open_cases, f->integer);
      number (&s, 11, t->uncovered_cases, f->integer);
      number (&s, 12, t->compliance, f->percent);
      number (&s, 13, t->cases_per_fte, f->decimal1);
      if (a != NULL)
        {
          number (&s, 14, a->custom ? a->own_low : a->ds_low, f->decimal1);
          number (&s, 15, a->custom ? a->own_high : a->ds_high, f->decimal1);
        }
    }
  return sheet_finish (&s);
}

typedef struct
{
  guint  teams;
  guint  members;
  double fte_available;
  double fte_needed;
  double capacity;
  double load;
  guint  open_cases;
  guint  uncovered_cases;
} Totals;

static void
totals_add (Totals              *t,
            const SfTeamFigures *tf)
{
  t->teams++;
  t->members += tf->members;
  t->fte_available += tf->fte_available;
  t->fte_needed += tf->fte_needed;
  t->capacity += tf->capacity;
  t->load += tf->load;
  t->open_cases += tf->open_cases;
  t->uncovered_cases += tf->uncovered_cases;
}

static void
totals_write (Sheet            *s,
              guint             col,
              const SfSettings *settings,
              const Totals     *t)
{
  number (s, col, t->teams, s->f->integer);
  number (s, col + 1, t->members, s->f->integer);
  number (s, col + 2, t->fte_available, s->f->decimal2);
  number (s, col + 3, t->fte_needed, s->f->decimal2);
  number (s, col + 4, t->capacity, s->f->decimal1);
  number (s, col + 5, t->load, s->f->decimal1);
  number (s, col + 6, ratio (t->load, t->capacity), s->f->percent);
  if (t->capacity > 0 || t->load > 0)
    status (s, col + 7, load_status (settings, t->load, t->capacity));
  number (s, col + 8, t->open_cases, s->f->integer);
  number (s, col + 9, t->uncovered_cases, s->f->integer);
}

#define TOTALS_HEADERS \
  _("Teams"), _("Members"), _("FTE available"), _("FTE needed"), _("Capacity"), _("Weighted load"), \
  _("Utilisation"), _("Status"), _("Open cases"), _("Uncovered cases")

static lxw_error
write_areas (lxw_workbook    *wb,
             const Formats   *f,
             const SfFigures *fig)
{
  const char * const headers[] = { _("Case area"), TOTALS_HEADERS, NULL };
  /* Translators: the name of a sheet in the Excel workbook (at most 31 characters) */
  Sheet s = sheet_new (wb, f, _("Case areas"), headers);

  for (guint a = 0; a < fig->dataset->areas->len; a++)
    {
      const SfArea *area = &g_array_index (fig->dataset->areas, SfArea, a);
      Totals t = { 0 };

      for (guint i = 0; i < fig->teams->len; i++)
        {
          const SfTeamFigures *tf = &g_array_index (fig->teams, SfTeamFigures, i);

          if (tf->area == area)
            totals_add (&t, tf);
        }
      if (t.teams == 0)
        continue;
      text (&s, 0, area->name);
      totals_write (&s, 1, &fig->settings, &t);
      s.row++;
    }
  return sheet_finish (&s);
}

static lxw_error
write_municipality (lxw_workbook    *wb,
                    const Formats   *f,
                    const SfFigures *fig)
{
  const char * const headers[] = { _("Date"), TOTALS_HEADERS, NULL };
  /* Translators: the name of a sheet in the Excel workbook (at most 31 characters) */
  Sheet s = sheet_new (wb, f, _("Municipality"), headers);
  Totals t = { 0 };

  for (guint i = 0; i < fig->teams->len; i++)
    totals_add (&t, &g_array_index (fig->teams, SfTeamFigures, i));
  day (&s, 0, fig->ref);
  totals_write (&s, 1, &fig->settings, &t);
  s.row++;
  return sheet_finish (&s);
}

/* ---- over time --------------------------------------------------------- */

GArray *
sf_workbook_trend_days (SfDay ref)
{
  return sf_trend_days (sf_day_month_start (ref, -11), ref, SF_TREND_MONTH);
}

static lxw_error
write_trend (lxw_workbook          *wb,
             const Formats         *f,
             const SfWorkbookInput *in)
{
  const char * const headers[] = {
    _("Date"), _("Team"), _("Source"), _("Open cases"), _("Weighted load"), _("Capacity"),
    _("FTE available"), _("FTE needed"), _("Utilisation"), _("Status"), NULL
  };
  /* Translators: the name of a sheet in the Excel workbook (at most 31 characters) */
  Sheet s = sheet_new (wb, f, _("Trend"), headers);
  g_autoptr(GArray) days = sf_workbook_trend_days (in->ref);
  g_autoptr(GPtrArray) points = sf_trend_compute (in->dataset, in->settings, days, in->recordings);

  for (guint p = 0; p < points->len; p++)
    {
      const SfTrendPoint *point = g_ptr_array_index (points, p);
      const char *source = point->recorded ? _("recorded") : _("computed");

      for (guint i = 0; i <= point->teams->len; i++, s.row++)
        {
          double open, load, capacity, fte_available, fte_needed;

          if (i < point->teams->len)
            {
              const SfTeamFigures *tf = &g_array_index (point->teams, SfTeamFigures, i);

              text (&s, 1, team_name (in->dataset, tf->team->id));
              open = tf->open_cases;
              load = tf->load;
              capacity = tf->capacity;
              fte_available = tf->fte_available;
              fte_needed = tf->fte_needed;
            }
          else
            {
              text (&s, 1, _("The whole municipality"));
              open = point->municipality.open_cases;
              load = point->municipality.load;
              capacity = point->municipality.capacity;
              fte_available = point->municipality.fte_available;
              fte_needed = point->municipality.fte_needed;
            }
          day (&s, 0, point->day);
          text (&s, 2, source);
          number (&s, 3, open, f->integer);
          number (&s, 4, load, f->decimal1);
          number (&s, 5, capacity, f->decimal1);
          number (&s, 6, fte_available, f->decimal2);
          number (&s, 7, fte_needed, f->decimal2);
          number (&s, 8, ratio (load, capacity), f->percent);
          if (capacity > 0 || load > 0)
            status (&s, 9, load_status (in->settings, load, capacity));
        }
    }
  return sheet_finish (&s);
}

static void
forecast_row (Sheet                 *s,
              const char            *who,
              SfDay                  hire_by,
              const SfForecastPoint *point)
{
  day (s, 0, point->day);
  text (s, 1, who);
  number (s, 2, point->demand, s->f->decimal1);
  number (s, 3, point->capacity, s->f->decimal1);
  number (s, 4, point->utilisation, s->f->percent);
  if (point->capacity > 0 || point->demand > 0)
    status (s, 5, point->status);
  number (s, 6, point->fte_available, s->f->decimal2);
  number (s, 7, point->fte_needed, s->f->decimal2);
  number (s, 8, point->gap, s->f->decimal2);
  day (s, 9, hire_by);
}

static lxw_error
write_forecast (lxw_workbook     *wb,
                const Formats    *f,
                const SfForecast *forecast)
{
  const char * const headers[] = {
    _("Date"), _("Team"), _("Demand"), _("Capacity"), _("Utilisation"), _("Status"), _("FTE available"),
    _("FTE needed"), _("Gap (FTE)"), _("Hire by"), NULL
  };
  /* Translators: the name of a sheet in the Excel workbook (at most 31 characters) */
  Sheet s = sheet_new (wb, f, _("Forecast"), headers);

  for (guint t = 0; t < forecast->teams->len; t++)
    {
      const SfTeamForecast *tf = &g_array_index (forecast->teams, SfTeamForecast, t);

      for (guint p = 0; p < tf->points->len; p++, s.row++)
        forecast_row (&s, tf->team->name, tf->hire_by, &g_array_index (tf->points, SfForecastPoint, p));
    }
  for (guint p = 0; p < forecast->municipality->len; p++, s.row++)
    forecast_row (&s, _("The whole municipality"), SF_DAY_NONE,
                  &g_array_index (forecast->municipality, SfForecastPoint, p));
  return sheet_finish (&s);
}

/* ---- the scenario beside today ----------------------------------------- */

static double
last_gap (const SfTeamForecast *tf)
{
  return tf != NULL && tf->points->len > 0
         ? g_array_index (tf->points, SfForecastPoint, tf->points->len - 1).gap : NAN;
}

static lxw_error
write_comparison (lxw_workbook            *wb,
                  const Formats           *f,
                  const char              *name,
                  const SfScenarioFigures *before,
                  const SfScenarioFigures *after)
{
  const char * const headers[] = {
    _("Kind"), _("Name"), _("Team before"), _("Team after"), _("Utilisation before"), _("Utilisation after"),
    _("Change"), _("Status before"), _("Status after"), _("Hire by before"), _("Hire by after"),
    _("Gap at the horizon before"), _("Gap at the horizon after"), NULL
  };
  /* Translators: the name of a sheet in the Excel workbook (at most 31 characters) */
  Sheet s = sheet_new (wb, f, _("Scenario"), headers);
  const SfDataset *ds_before = before->figures->dataset;
  const SfDataset *ds_after = after->figures->dataset;
  g_autoptr(GHashTable) ids_before = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) ids_after = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  (void) name;
  /* People: the scenario keeps everyone, in the same order */
  for (guint i = 0; i < before->figures->workers->len && i < after->figures->workers->len; i++, s.row++)
    {
      const SfWorkerFigures *b = &g_array_index (before->figures->workers, SfWorkerFigures, i);
      const SfWorkerFigures *a = &g_array_index (after->figures->workers, SfWorkerFigures, i);

      text (&s, 0, _("Caseworker"));
      text (&s, 1, b->worker->initials);
      text (&s, 2, team_name (ds_before, b->worker->team_id));
      text (&s, 3, team_name (ds_after, a->worker->team_id));
      number (&s, 4, b->utilisation, f->percent);
      number (&s, 5, a->utilisation, f->percent);
      number (&s, 6, a->utilisation - b->utilisation, f->percent);
      status (&s, 7, b->status);
      status (&s, 8, a->status);
    }
  for (guint i = 0; i < before->figures->teams->len && i < after->figures->teams->len; i++, s.row++)
    {
      const SfTeamFigures *b = &g_array_index (before->figures->teams, SfTeamFigures, i);
      const SfTeamFigures *a = &g_array_index (after->figures->teams, SfTeamFigures, i);
      const SfTeamForecast *fb = sf_forecast_find_team (before->forecast, b->team->id);
      const SfTeamForecast *fa = sf_forecast_find_team (after->forecast, a->team->id);
      double ub = ratio (b->load, b->capacity), ua = ratio (a->load, a->capacity);

      text (&s, 0, _("Team"));
      text (&s, 1, b->team->name);
      number (&s, 4, ub, f->percent);
      number (&s, 5, ua, f->percent);
      number (&s, 6, ua - ub, f->percent);
      if (b->capacity > 0 || b->load > 0)
        status (&s, 7, load_status (&before->figures->settings, b->load, b->capacity));
      if (a->capacity > 0 || a->load > 0)
        status (&s, 8, load_status (&after->figures->settings, a->load, a->capacity));
      day (&s, 9, fb != NULL ? fb->hire_by : SF_DAY_NONE);
      day (&s, 10, fa != NULL ? fa->hire_by : SF_DAY_NONE);
      number (&s, 11, last_gap (fb), f->decimal2);
      number (&s, 12, last_gap (fa), f->decimal2);
    }

  /* Alerts that appear and disappear */
  for (guint i = 0; i < before->alerts->len; i++)
    g_hash_table_add (ids_before, sf_alert_identity (g_ptr_array_index (before->alerts, i)));
  for (guint i = 0; i < after->alerts->len; i++)
    g_hash_table_add (ids_after, sf_alert_identity (g_ptr_array_index (after->alerts, i)));
  for (guint side = 0; side < 2; side++)
    {
      GPtrArray *alerts = side == 0 ? after->alerts : before->alerts;
      GHashTable *other = side == 0 ? ids_before : ids_after;

      for (guint i = 0; i < alerts->len; i++)
        {
          const SfAlert *alert = g_ptr_array_index (alerts, i);
          g_autofree char *id = sf_alert_identity (alert);

          if (g_hash_table_contains (other, id))
            continue;
          text (&s, 0, side == 0 ? _("Alert appears") : _("Alert disappears"));
          text (&s, 1, alert->message);
          text (&s, 2, alert->team_name);
          s.row++;
        }
    }
  return sheet_finish (&s);
}

/* ---- the workbook ------------------------------------------------------ */

static lxw_error
write_all (lxw_workbook          *wb,
           const SfWorkbookInput *in)
{
  g_autoptr(SfFigures) figures = sf_figures_compute (in->dataset, in->settings, in->ref);
  g_autoptr(SfForecast) forecast = NULL;
  int months = in->months > 0 ? in->months : in->settings->forecast_horizon;
  Formats f = { 0 };
  lxw_error error;

  f.header = workbook_add_format (wb);
  format_set_bold (f.header);
  format_set_bottom (f.header, LXW_BORDER_THIN);
  f.integer = workbook_add_format (wb);
  format_set_num_format (f.integer, "#,##0");
  f.decimal1 = workbook_add_format (wb);
  format_set_num_format (f.decimal1, "#,##0.0");
  f.decimal2 = workbook_add_format (wb);
  format_set_num_format (f.decimal2, "#,##0.00");
  f.percent = workbook_add_format (wb);
  format_set_num_format (f.percent, "0.0%");
  f.date = workbook_add_format (wb);
  format_set_num_format (f.date, "dd-mm-yyyy");
  f.general = NULL;

  forecast = sf_forecast_compute (in->dataset, in->settings, in->ref, months);
  if ((error = write_caseworkers (wb, &f, figures)) != LXW_NO_ERROR ||
      (error = write_teams (wb, &f, figures)) != LXW_NO_ERROR ||
      (error = write_areas (wb, &f, figures)) != LXW_NO_ERROR ||
      (error = write_municipality (wb, &f, figures)) != LXW_NO_ERROR ||
      (error = write_trend (wb, &f, in)) != LXW_NO_ERROR ||
      (error = write_forecast (wb, &f, forecast)) != LXW_NO_ERROR)
    return error;
  if (in->scenario != NULL)
    {
      g_autoptr(SfScenarioResult) result = sf_scenario_apply (in->scenario, in->dataset, in->settings, in->ref);
      g_autoptr(SfScenarioFigures) before = sf_scenario_figures_compute (in->dataset, in->settings, in->ref, months);
      g_autoptr(SfScenarioFigures) after = sf_scenario_figures_compute (result->dataset, &result->settings,
                                                                        in->ref, months);

      error = write_comparison (wb, &f, in->scenario->name, before, after);
    }
  return error;
}

gboolean
sf_workbook_write (const char             *path,
                   const SfWorkbookInput  *input,
                   GError                **error)
{
  g_autofree char *partial = NULL;
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = NULL };
  lxw_workbook *wb;
  lxw_error status;
  locale_t c_locale;
  locale_t previous;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (input != NULL && input->dataset != NULL && input->settings != NULL, FALSE);

  /* libxlsxwriter writes numbers with printf: under a Danish locale that
   * would be a decimal comma, which Excel reads as a broken file.  This
   * thread writes in the C locale; the texts are translated before. */
  c_locale = newlocale (LC_NUMERIC_MASK, "C", (locale_t) 0);
  if (c_locale == (locale_t) 0)
    {
      g_set_error (error, SF_ERROR, SF_ERROR_IO, "%s", g_strerror (errno));
      return FALSE;
    }

  /* Written beside the file and renamed: never half a workbook */
  partial = g_strconcat (path, ".partial", NULL);
  wb = workbook_new_opt (partial, &options);
  if (wb == NULL)
    {
      freelocale (c_locale);
      g_set_error (error, SF_ERROR, SF_ERROR_IO, _("Could not write “%s”."), path);
      return FALSE;
    }
  /* The texts in the user's language; the file (written on closing) in C */
  status = write_all (wb, input);
  previous = uselocale (c_locale);
  if (status == LXW_NO_ERROR)
    status = workbook_close (wb);
  else
    workbook_close (wb);
  uselocale (previous);
  freelocale (c_locale);

  /* Personnel data: readable by its owner only, like the database and its
   * backups, and so before it has the name anyone would look for */
  if (status != LXW_NO_ERROR || g_chmod (partial, 0600) != 0 || g_rename (partial, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (partial);
      g_set_error (error, SF_ERROR, SF_ERROR_IO, _("Could not write “%s”: %s"), path,
                   status != LXW_NO_ERROR ? lxw_strerror (status) : g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}
