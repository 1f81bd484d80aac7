#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sf-report.h"

gboolean
sf_report_format_parse (const char     *text,
                        SfReportFormat *out)
{
  if (g_strcmp0 (text, "text") == 0)
    *out = SF_REPORT_TEXT;
  else if (g_strcmp0 (text, "csv") == 0)
    *out = SF_REPORT_CSV;
  else if (g_strcmp0 (text, "json") == 0)
    *out = SF_REPORT_JSON;
  else
    return FALSE;
  return TRUE;
}

/* The value with @digits decimals and the locale's decimal separator: 1,5
 * under a Danish locale.  NAN is shown as a dash. */
char *
sf_format_decimal (double value,
                   int    digits)
{
  if (isnan (value))
    return g_strdup ("—");
  return g_strdup_printf ("%.*f", digits, value);
}

/* The shortest text that reads back as exactly @value, with @decimal as
 * the decimal separator: 0.8, not 0.80000000000000004. */
static char *
format_exact (double value,
              char   decimal)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *dot;

  for (int precision = 15; precision <= 17; precision++)
    {
      g_ascii_formatd (buf, sizeof buf, precision == 15 ? "%.15g" : precision == 16 ? "%.16g" : "%.17g", value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  if (decimal != '.' && (dot = strchr (buf, '.')) != NULL)
    *dot = decimal;
  return g_strdup (buf);
}

/* A field for a spreadsheet: quoted where needed, and text that a
 * spreadsheet would run as a formula (=, +, -, @) made inert. */
char *
sf_csv_escape_field (const char *value,
                     char        delimiter)
{
  GString *out;
  gboolean formula, quote;

  if (value == NULL)
    return g_strdup ("");

  formula = strchr ("=+-@\t\r", value[0]) != NULL && value[0] != '\0';
  quote = formula || strchr (value, delimiter) || strchr (value, '"') ||
          strchr (value, '\n') || strchr (value, '\r');
  if (!quote)
    return g_strdup (value);

  out = g_string_new ("\"");
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

static int
compare_workers (gconstpointer a,
                 gconstpointer b)
{
  const SfWorkerFigures *wa = *(const SfWorkerFigures * const *) a;
  const SfWorkerFigures *wb = *(const SfWorkerFigures * const *) b;
  int cmp = g_utf8_collate (wa->team ? wa->team->name : "", wb->team ? wb->team->name : "");

  if (cmp != 0)
    return cmp;
  return g_utf8_collate (wa->worker->initials, wb->worker->initials);
}

static int
compare_teams (gconstpointer a,
               gconstpointer b)
{
  const SfTeamFigures *ta = *(const SfTeamFigures * const *) a;
  const SfTeamFigures *tb = *(const SfTeamFigures * const *) b;

  return g_utf8_collate (ta->team->name, tb->team->name);
}

/* Caseworkers by team and initials, teams by name: the order of every report. */
static GPtrArray *
sorted_workers (const SfFigures *figures)
{
  GPtrArray *workers = g_ptr_array_sized_new (figures->workers->len);

  for (guint i = 0; i < figures->workers->len; i++)
    g_ptr_array_add (workers, &g_array_index (figures->workers, SfWorkerFigures, i));
  g_ptr_array_sort (workers, compare_workers);
  return workers;
}

static GPtrArray *
sorted_teams (const SfFigures *figures)
{
  GPtrArray *teams = g_ptr_array_sized_new (figures->teams->len);

  for (guint i = 0; i < figures->teams->len; i++)
    g_ptr_array_add (teams, &g_array_index (figures->teams, SfTeamFigures, i));
  g_ptr_array_sort (teams, compare_teams);
  return teams;
}

/* ---- JSON ------------------------------------------------------------ */

static void
add_number_or_null (JsonBuilder *builder,
                    const char  *member,
                    double       value)
{
  json_builder_set_member_name (builder, member);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

static void
add_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

static char *
render_json (const SfFigures *figures)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) workers = sorted_workers (figures);
  g_autoptr(GPtrArray) teams = sorted_teams (figures);
  g_autofree char *date = sf_day_to_iso (figures->ref);
  char *text;

  json_builder_begin_object (builder);
  add_string (builder, "date", date);

  json_builder_set_member_name (builder, "caseworkers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < workers->len; i++)
    {
      const SfWorkerFigures *wf = g_ptr_array_index (workers, i);

      json_builder_begin_object (builder);
      add_string (builder, "initials", wf->worker->initials);
      add_string (builder, "name", wf->worker->name);
      add_string (builder, "team", wf->team ? wf->team->name : NULL);
      add_int (builder, "open_cases", wf->open_cases);
      add_number_or_null (builder, "weighted_load", wf->weighted_load);
      add_number_or_null (builder, "availability", wf->availability);
      add_number_or_null (builder, "experience", wf->experience);
      add_number_or_null (builder, "individual_factor", wf->individual_factor);
      add_number_or_null (builder, "base_norm", wf->base_norm);
      add_number_or_null (builder, "adjusted_norm", wf->adjusted_norm);
      add_number_or_null (builder, "utilisation", wf->utilisation);
      add_string (builder, "status", sf_status_to_key (wf->status));
      add_number_or_null (builder, "reduction_hours", wf->reduction_hours);
      json_builder_set_member_name (builder, "absent");
      json_builder_add_boolean_value (builder, wf->absent);
      json_builder_set_member_name (builder, "new_hire");
      json_builder_add_boolean_value (builder, wf->new_hire);
      json_builder_set_member_name (builder, "cases_by_complexity");
      json_builder_begin_object (builder);
      for (guint c = 0; c < SF_N_COMPLEXITIES; c++)
        add_int (builder, sf_complexity_to_key (c), wf->cases_by_complexity[c]);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "teams");
  json_builder_begin_array (builder);
  for (guint i = 0; i < teams->len; i++)
    {
      const SfTeamFigures *tf = g_ptr_array_index (teams, i);

      json_builder_begin_object (builder);
      add_string (builder, "name", tf->team->name);
      add_string (builder, "area", tf->area ? tf->area->key : NULL);
      add_number_or_null (builder, "base_norm", tf->base_norm);
      add_int (builder, "members", tf->members);
      add_number_or_null (builder, "fte_available", tf->fte_available);
      add_number_or_null (builder, "fte_needed", tf->fte_needed);
      add_number_or_null (builder, "capacity", tf->capacity);
      add_number_or_null (builder, "load", tf->load);
      add_int (builder, "open_cases", tf->open_cases);
      add_int (builder, "uncovered_cases", tf->uncovered_cases);
      add_number_or_null (builder, "uncovered_load", tf->uncovered_load);
      add_number_or_null (builder, "compliance", tf->compliance);
      add_number_or_null (builder, "cases_per_fte", tf->cases_per_fte);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  return text;
}

/* ---- CSV ------------------------------------------------------------- */

static void
csv_text (GString    *out,
          const char *value,
          gboolean    last)
{
  g_autofree char *field = sf_csv_escape_field (value, ';');

  g_string_append (out, field);
  g_string_append (out, last ? "\r\n" : ";");
}

static void
csv_number (GString *out,
            double   value,
            gboolean last)
{
  if (!isnan (value))
    {
      g_autofree char *text = format_exact (value, ',');

      g_string_append (out, text);
    }
  g_string_append (out, last ? "\r\n" : ";");
}

/* For Danish spreadsheets: ';' between fields, decimal comma, CRLF.
 * Caseworkers first, then, after an empty line, the teams.  (A file
 * written for Excel adds a BOM; this text goes to standard output.) */
static char *
render_csv (const SfFigures *figures)
{
  g_autoptr(GPtrArray) workers = sorted_workers (figures);
  g_autoptr(GPtrArray) teams = sorted_teams (figures);
  GString *out = g_string_new (NULL);

  g_string_append (out, "initials;name;team;open_cases;weighted_load;availability;experience;"
                        "individual_factor;adjusted_norm;utilisation;status\r\n");
  for (guint i = 0; i < workers->len; i++)
    {
      const SfWorkerFigures *wf = g_ptr_array_index (workers, i);
      char count[32];

      csv_text (out, wf->worker->initials, FALSE);
      csv_text (out, wf->worker->name, FALSE);
      csv_text (out, wf->team ? wf->team->name : "", FALSE);
      g_snprintf (count, sizeof count, "%u;", wf->open_cases);
      g_string_append (out, count);
      csv_number (out, wf->weighted_load, FALSE);
      csv_number (out, wf->availability, FALSE);
      csv_number (out, wf->experience, FALSE);
      csv_number (out, wf->individual_factor, FALSE);
      csv_number (out, wf->adjusted_norm, FALSE);
      csv_number (out, wf->utilisation, FALSE);
      csv_text (out, sf_status_to_key (wf->status), TRUE);
    }

  g_string_append (out, "\r\nteam;area;base_norm;members;fte_available;fte_needed;capacity;load;"
                        "uncovered_cases;compliance;cases_per_fte\r\n");
  for (guint i = 0; i < teams->len; i++)
    {
      const SfTeamFigures *tf = g_ptr_array_index (teams, i);
      char count[32];

      csv_text (out, tf->team->name, FALSE);
      csv_text (out, tf->area ? tf->area->key : "", FALSE);
      csv_number (out, tf->base_norm, FALSE);
      g_snprintf (count, sizeof count, "%u;", tf->members);
      g_string_append (out, count);
      csv_number (out, tf->fte_available, FALSE);
      csv_number (out, tf->fte_needed, FALSE);
      csv_number (out, tf->capacity, FALSE);
      csv_number (out, tf->load, FALSE);
      g_snprintf (count, sizeof count, "%u;", tf->uncovered_cases);
      g_string_append (out, count);
      csv_number (out, tf->compliance, FALSE);
      csv_number (out, tf->cases_per_fte, TRUE);
    }
  return g_string_free (out, FALSE);
}

/* ---- text ------------------------------------------------------------ */

/* Pads to @width characters (not bytes), cutting with an ellipsis. */
static void
append_cell (GString    *out,
             const char *text,
             int         width,
             gboolean    right)
{
  glong len = g_utf8_strlen (text, -1);

  if (len > width)
    {
      const char *end = g_utf8_offset_to_pointer (text, width - 1);

      g_string_append_len (out, text, end - text);
      g_string_append (out, "…");
      return;
    }
  if (right)
    for (glong i = len; i < width; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (!right)
    for (glong i = len; i < width; i++)
      g_string_append_c (out, ' ');
}

static char *
format_percent (double value)
{
  if (isnan (value))
    return g_strdup ("—");
  return g_strdup_printf ("%.0f %%", value * 100);
}

static char *
render_text (const SfFigures *figures)
{
  g_autoptr(GPtrArray) workers = sorted_workers (figures);
  g_autoptr(GPtrArray) teams = sorted_teams (figures);
  g_autofree char *date = sf_day_format (figures->ref);
  GString *out = g_string_new (NULL);
  guint w = 0;

  /* Translators: the heading of the text report; %s is a date. */
  g_string_append_printf (out, _("Caseloads on %s"), date);
  g_string_append (out, "\n");

  for (guint t = 0; t < teams->len; t++)
    {
      const SfTeamFigures *tf = g_ptr_array_index (teams, t);
      g_autofree char *base = sf_format_decimal (tf->base_norm, 1);
      g_autofree char *capacity = sf_format_decimal (tf->capacity, 1);
      g_autofree char *load = sf_format_decimal (tf->load, 1);
      g_autofree char *fte = sf_format_decimal (tf->fte_available, 2);
      g_autofree char *needed = sf_format_decimal (tf->fte_needed, 2);
      g_autofree char *compliance = format_percent (tf->compliance);
      g_autofree char *per_fte = sf_format_decimal (tf->cases_per_fte, 1);

      g_string_append_printf (out, "\n%s — %s\n", tf->team->name, tf->area ? tf->area->name : "");
      g_string_append_printf (out, _("  Base norm %s · capacity %s · weighted load %s · FTE %s available, %s needed\n"),
                              base, capacity, load, fte, needed);
      g_string_append_printf (out, _("  Within norm: %s of members · %s cases per FTE"), compliance, per_fte);
      if (tf->uncovered_cases > 0)
        g_string_append_printf (out,
                                g_dngettext (GETTEXT_PACKAGE, " · %u uncovered case", " · %u uncovered cases",
                                             tf->uncovered_cases),
                                tf->uncovered_cases);
      g_string_append (out, "\n\n  ");

      append_cell (out, _("Initials"), 9, FALSE);
      append_cell (out, _("Name"), 24, FALSE);
      append_cell (out, _("Cases"), 6, TRUE);
      append_cell (out, _("Load"), 8, TRUE);
      append_cell (out, _("Norm"), 8, TRUE);
      append_cell (out, _("Used"), 7, TRUE);
      g_string_append (out, "  ");
      g_string_append (out, _("Status"));
      g_string_append (out, "\n");

      for (; w < workers->len; w++)
        {
          const SfWorkerFigures *wf = g_ptr_array_index (workers, w);
          g_autofree char *cases = NULL;
          g_autofree char *wload = NULL;
          g_autofree char *norm = NULL;
          g_autofree char *used = NULL;

          if (wf->team != tf->team)
            break;
          cases = g_strdup_printf ("%u", wf->open_cases);
          wload = sf_format_decimal (wf->weighted_load, 1);
          norm = sf_format_decimal (wf->adjusted_norm, 1);
          used = format_percent (wf->utilisation);
          g_string_append (out, "  ");
          append_cell (out, wf->worker->initials, 9, FALSE);
          append_cell (out, wf->worker->name, 24, FALSE);
          append_cell (out, cases, 6, TRUE);
          append_cell (out, wload, 8, TRUE);
          append_cell (out, norm, 8, TRUE);
          append_cell (out, used, 7, TRUE);
          g_string_append (out, "  ");
          g_string_append (out, sf_status_to_label (wf->status));
          if (wf->absent)
            g_string_append_printf (out, " (%s)", _("absent"));
          else if (!wf->started)
            g_string_append_printf (out, " (%s)", _("not started"));
          else if (wf->new_hire)
            g_string_append_printf (out, " (%s)", _("new"));
          g_string_append (out, "\n");
        }
    }

  if (teams->len == 0)
    g_string_append_printf (out, "\n%s\n", _("No teams yet. Import a roster first."));
  return g_string_free (out, FALSE);
}

char *
sf_report_render (const SfFigures *figures,
                  SfReportFormat   format)
{
  switch (format)
    {
    case SF_REPORT_JSON:
      return render_json (figures);
    case SF_REPORT_CSV:
      return render_csv (figures);
    case SF_REPORT_TEXT:
    default:
      return render_text (figures);
    }
}
