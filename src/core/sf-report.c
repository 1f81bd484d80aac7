#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sf-norms.h"
#include "sf-report.h"
#include "sf-text.h"

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

typedef struct
{
  const char *team_key;        /* collation keys: sorting 3,000 people compares */
  char       *initials_key;    /* them 35,000 times */
  gconstpointer figures;
} SortEntry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const SortEntry *x = a;
  const SortEntry *y = b;
  int cmp = strcmp (x->team_key, y->team_key);

  return cmp != 0 ? cmp : strcmp (x->initials_key, y->initials_key);
}

/* Caseworkers by team and initials, teams by name, in the locale's
 * collation: the order of every report. */
static GPtrArray *
sort_figures (const SfFigures *figures,
              gboolean         workers)
{
  g_autoptr(GHashTable) team_keys = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  guint n = workers ? figures->workers->len : figures->teams->len;
  g_autofree SortEntry *entries = g_new0 (SortEntry, n);
  GPtrArray *sorted = g_ptr_array_sized_new (n);

  for (guint i = 0; i < figures->teams->len; i++)
    {
      const SfTeamFigures *tf = &g_array_index (figures->teams, SfTeamFigures, i);

      g_hash_table_insert (team_keys, (gpointer) tf->team, g_utf8_collate_key (tf->team->name, -1));
    }

  for (guint i = 0; i < n; i++)
    {
      if (workers)
        {
          const SfWorkerFigures *wf = &g_array_index (figures->workers, SfWorkerFigures, i);
          const char *key = wf->team ? g_hash_table_lookup (team_keys, wf->team) : NULL;

          entries[i].team_key = key ? key : "";
          entries[i].initials_key = g_utf8_collate_key (wf->worker->initials, -1);
          entries[i].figures = wf;
        }
      else
        {
          const SfTeamFigures *tf = &g_array_index (figures->teams, SfTeamFigures, i);

          entries[i].team_key = g_hash_table_lookup (team_keys, tf->team);
          entries[i].initials_key = g_strdup ("");
          entries[i].figures = tf;
        }
    }

  if (n > 0)
    qsort (entries, n, sizeof (SortEntry), compare_entries);
  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (sorted, (gpointer) entries[i].figures);
      g_free (entries[i].initials_key);
    }
  return sorted;
}

static GPtrArray *
sorted_workers (const SfFigures *figures)
{
  return sort_figures (figures, TRUE);
}

static GPtrArray *
sorted_teams (const SfFigures *figures)
{
  return sort_figures (figures, FALSE);
}

/* ---- JSON ------------------------------------------------------------ */

/* The report is written directly rather than through a JsonBuilder: for
 * 3,000 caseworkers the builder and generator took half of the report's
 * time (issue 8).  Strings are escaped per RFC 8259; numbers are the
 * shortest text that reads back exactly; NAN is null. */

static void
json_string (GString    *out,
             const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) text; *p; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, (char) *p);
        }
    }
  g_string_append_c (out, '"');
}

static void
json_member (GString    *out,
             const char *indent,
             const char *name,
             gboolean    first)
{
  g_string_append (out, first ? "\n" : ",\n");
  g_string_append (out, indent);
  g_string_append_c (out, '"');
  g_string_append (out, name);
  g_string_append (out, "\": ");
}

static void
json_number_member (GString    *out,
                    const char *indent,
                    const char *name,
                    double      value)
{
  json_member (out, indent, name, FALSE);
  if (isnan (value) || isinf (value))
    g_string_append (out, "null");
  else
    {
      g_autofree char *text = sf_format_exact (value, '.');

      g_string_append (out, text);
    }
}

static void
json_int_member (GString    *out,
                 const char *indent,
                 const char *name,
                 guint       value)
{
  json_member (out, indent, name, FALSE);
  g_string_append_printf (out, "%u", value);
}

static void
json_string_member (GString    *out,
                    const char *indent,
                    const char *name,
                    const char *value,
                    gboolean    first)
{
  json_member (out, indent, name, first);
  json_string (out, value);
}

static void
json_bool_member (GString    *out,
                  const char *indent,
                  const char *name,
                  gboolean    value)
{
  json_member (out, indent, name, FALSE);
  g_string_append (out, value ? "true" : "false");
}

/* "range": the range the team is compared with and whose it is, null for
 * an own area without one. */
static void
json_range_member (GString      *out,
                   const char   *indent,
                   const SfArea *area)
{
  double low, high;

  json_member (out, indent, "range", FALSE);
  if (area == NULL || !sf_area_get_range (area, &low, &high))
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '{');
  json_string_member (out, "        ", "owner", area->custom ? "own" : "ds", TRUE);
  json_number_member (out, "        ", "low", low);
  json_number_member (out, "        ", "high", high);
  json_string_member (out, "        ", "source", area->source, FALSE);
  g_string_append (out, "\n      }");
}

static char *
render_json (const SfFigures *figures)
{
  g_autoptr(GPtrArray) workers = sorted_workers (figures);
  g_autoptr(GPtrArray) teams = sorted_teams (figures);
  g_autofree char *date = sf_day_to_iso (figures->ref);
  GString *out = g_string_sized_new (600 * (workers->len + teams->len) + 64);
  const char *in = "      ";

  g_string_append_c (out, '{');
  json_string_member (out, "  ", "date", date, TRUE);
  g_string_append (out, ",\n  \"caseworkers\": [");
  for (guint i = 0; i < workers->len; i++)
    {
      const SfWorkerFigures *wf = g_ptr_array_index (workers, i);

      g_string_append (out, i == 0 ? "\n    {" : ",\n    {");
      json_string_member (out, in, "initials", wf->worker->initials, TRUE);
      json_string_member (out, in, "name", wf->worker->name, FALSE);
      json_string_member (out, in, "team", wf->team ? wf->team->name : NULL, FALSE);
      json_int_member (out, in, "open_cases", wf->open_cases);
      json_number_member (out, in, "weighted_load", wf->weighted_load);
      json_number_member (out, in, "availability", wf->availability);
      json_number_member (out, in, "experience", wf->experience);
      json_number_member (out, in, "individual_factor", wf->individual_factor);
      json_number_member (out, in, "base_norm", wf->base_norm);
      json_number_member (out, in, "adjusted_norm", wf->adjusted_norm);
      json_number_member (out, in, "utilisation", wf->utilisation);
      json_string_member (out, in, "status", sf_status_to_key (wf->status), FALSE);
      json_number_member (out, in, "reduction_hours", wf->reduction_hours);
      json_bool_member (out, in, "absent", wf->absent);
      json_bool_member (out, in, "new_hire", wf->new_hire);
      json_member (out, in, "cases_by_complexity", FALSE);
      g_string_append_c (out, '{');
      for (guint c = 0; c < SF_N_COMPLEXITIES; c++)
        {
          json_member (out, "        ", sf_complexity_to_key (c), c == 0);
          g_string_append_printf (out, "%u", wf->cases_by_complexity[c]);
        }
      g_string_append (out, "\n      }\n    }");
    }
  g_string_append (out, workers->len ? "\n  ],\n  \"teams\": [" : "],\n  \"teams\": [");

  for (guint i = 0; i < teams->len; i++)
    {
      const SfTeamFigures *tf = g_ptr_array_index (teams, i);

      g_string_append (out, i == 0 ? "\n    {" : ",\n    {");
      json_string_member (out, in, "name", tf->team->name, TRUE);
      json_string_member (out, in, "area", tf->area ? tf->area->key : NULL, FALSE);
      json_number_member (out, in, "base_norm", tf->base_norm);
      json_int_member (out, in, "members", tf->members);
      json_number_member (out, in, "fte_available", tf->fte_available);
      json_number_member (out, in, "fte_needed", tf->fte_needed);
      json_number_member (out, in, "capacity", tf->capacity);
      json_number_member (out, in, "load", tf->load);
      json_int_member (out, in, "open_cases", tf->open_cases);
      json_int_member (out, in, "uncovered_cases", tf->uncovered_cases);
      json_number_member (out, in, "uncovered_load", tf->uncovered_load);
      json_number_member (out, in, "compliance", tf->compliance);
      json_number_member (out, in, "cases_per_fte", tf->cases_per_fte);
      json_range_member (out, in, tf->area);
      g_string_append (out, "\n    }");
    }
  g_string_append (out, teams->len ? "\n  ]\n}" : "]\n}");
  return g_string_free (out, FALSE);
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
      g_autofree char *text = sf_format_exact (value, ',');

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
                        "uncovered_cases;compliance;cases_per_fte;range_low;range_high;range_owner\r\n");
  for (guint i = 0; i < teams->len; i++)
    {
      const SfTeamFigures *tf = g_ptr_array_index (teams, i);
      char count[32];
      double low, high;

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
      csv_number (out, tf->cases_per_fte, FALSE);
      if (tf->area != NULL && sf_area_get_range (tf->area, &low, &high))
        {
          csv_number (out, low, FALSE);
          csv_number (out, high, FALSE);
          csv_text (out, tf->area->custom ? "own" : "ds", TRUE);
        }
      else
        g_string_append (out, ";;\r\n");
    }
  return g_string_free (out, FALSE);
}

/* ---- text ------------------------------------------------------------ */

/* @text with control characters (a terminal's escape sequences among them)
 * shown as U+FFFD: the text report goes to terminals. */
static char *
printable (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        g_string_append (out, "\xEF\xBF\xBD");
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

/* Pads to @width characters (not bytes), cutting with an ellipsis. */
static void
append_cell (GString    *out,
             const char *raw,
             int         width,
             gboolean    right)
{
  g_autofree char *text = printable (raw);
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

      g_autofree char *team = printable (tf->team->name);
      g_autofree char *area = printable (tf->area ? tf->area->name : "");

      g_string_append_printf (out, "\n%s — %s\n", team, area);
      g_string_append_printf (out, _("  Base norm %s · capacity %s · weighted load %s · FTE %s available, %s needed\n"),
                              base, capacity, load, fte, needed);
      g_string_append_printf (out, _("  Within norm: %s of members · %s cases per FTE"), compliance, per_fte);
      if (tf->area != NULL)
        {
          g_autofree char *range = sf_area_describe_range (tf->area);

          g_string_append_printf (out, " · %s", range);
          if (tf->area->custom && tf->area->source != NULL && sf_area_get_range (tf->area, NULL, NULL))
            /* Translators: where an own area's range comes from, after the range in the text report */
            g_string_append_printf (out, _(", source: %s"), tf->area->source);
        }
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
