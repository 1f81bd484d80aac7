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

static const char *
worker_team (gconstpointer figures)
{
  const SfWorkerFigures *wf = figures;

  return wf->team != NULL ? wf->team->name : NULL;
}

static const char *
worker_initials (gconstpointer figures)
{
  return ((const SfWorkerFigures *) figures)->worker->initials;
}

static const char *
team_name (gconstpointer figures)
{
  return ((const SfTeamFigures *) figures)->team->name;
}

/* Caseworkers by team and initials, teams by name, in the locale's
 * collation: the order of every report. */
static GPtrArray *
sort_figures (const SfFigures *figures,
              gboolean         workers)
{
  GArray *rows = workers ? figures->workers : figures->teams;
  gsize size = workers ? sizeof (SfWorkerFigures) : sizeof (SfTeamFigures);
  GPtrArray *sorted = g_ptr_array_sized_new (rows->len);

  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (sorted, rows->data + i * size);
  if (workers)
    sf_text_sort_collated (sorted, worker_team, worker_initials);
  else
    sf_text_sort_collated (sorted, team_name, NULL);
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
  char buf[96];
  gsize n = 0, indent_len = strlen (indent), name_len = strlen (name);

  /* One append, not five: the trend writes a million members */
  if (indent_len + name_len + 6 > sizeof buf)
    {
      g_string_append_printf (out, "%s%s\"%s\": ", first ? "\n" : ",\n", indent, name);
      return;
    }
  if (!first)
    buf[n++] = ',';
  buf[n++] = '\n';
  memcpy (buf + n, indent, indent_len);
  n += indent_len;
  buf[n++] = '"';
  memcpy (buf + n, name, name_len);
  n += name_len;
  buf[n++] = '"';
  buf[n++] = ':';
  buf[n++] = ' ';
  g_string_append_len (out, buf, (gssize) n);
}

/* A double's bits spread over the hash: g_int64_hash() folds the halves,
 * which leaves many doubles in the same buckets. */
static guint
hash_bits (gconstpointer key)
{
  guint64 x = *(const guint64 *) key;

  x ^= x >> 33;
  x *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  x ^= x >> 33;
  return (guint) x;
}

/* Appends the shortest text of @value; with @memo (double bits → text),
 * each value is formatted once: the trend repeats most of its numbers from
 * point to point, and formatting them was most of its time. */
static void
append_exact (GString    *out,
              double      value,
              GHashTable *memo)
{
  gint64 bits;
  char *text;

  if (memo == NULL)
    {
      g_autofree char *owned = sf_format_exact (value, '.');

      g_string_append (out, owned);
      return;
    }
  memcpy (&bits, &value, sizeof bits);
  text = g_hash_table_lookup (memo, &bits);
  if (text == NULL)
    {
      text = sf_format_exact (value, '.');
      g_hash_table_insert (memo, g_memdup2 (&bits, sizeof bits), text);
    }
  g_string_append (out, text);
}

static void
json_number_memo (GString    *out,
                  const char *indent,
                  const char *name,
                  double      value,
                  gboolean    first,
                  GHashTable *memo)
{
  json_member (out, indent, name, first);
  if (isnan (value) || isinf (value))
    g_string_append (out, "null");
  else
    append_exact (out, value, memo);
}

static void
json_number_at (GString    *out,
                const char *indent,
                const char *name,
                double      value,
                gboolean    first)
{
  json_number_memo (out, indent, name, value, first, NULL);
}

static void
json_number_member (GString    *out,
                    const char *indent,
                    const char *name,
                    double      value)
{
  json_number_at (out, indent, name, value, FALSE);
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

/* A team's members, as the report writes them; with @utilisation, its
 * load / capacity too (the trend's points). */
static void
json_team (GString             *out,
           const char          *in,
           const SfTeamFigures *tf,
           gboolean             utilisation,
           GHashTable          *memo)
{
  json_string_member (out, in, "name", tf->team->name, TRUE);
  json_string_member (out, in, "area", tf->area ? tf->area->key : NULL, FALSE);
  json_number_memo (out, in, "base_norm", tf->base_norm, FALSE, memo);
  json_int_member (out, in, "members", tf->members);
  json_number_memo (out, in, "fte_available", tf->fte_available, FALSE, memo);
  json_number_memo (out, in, "fte_needed", tf->fte_needed, FALSE, memo);
  json_number_memo (out, in, "capacity", tf->capacity, FALSE, memo);
  json_number_memo (out, in, "load", tf->load, FALSE, memo);
  json_int_member (out, in, "open_cases", tf->open_cases);
  json_int_member (out, in, "uncovered_cases", tf->uncovered_cases);
  json_number_memo (out, in, "uncovered_load", tf->uncovered_load, FALSE, memo);
  json_number_memo (out, in, "compliance", tf->compliance, FALSE, memo);
  json_number_memo (out, in, "cases_per_fte", tf->cases_per_fte, FALSE, memo);
  json_range_member (out, in, tf->area);
  if (utilisation)
    json_number_memo (out, in, "utilisation", sf_capacity_utilisation (tf->load, tf->capacity), FALSE, memo);
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
      g_string_append (out, i == 0 ? "\n    {" : ",\n    {");
      json_team (out, in, g_ptr_array_index (teams, i), FALSE, NULL);
      g_string_append (out, "\n    }");
    }
  g_string_append (out, teams->len ? "\n  ]\n}" : "]\n}");
  return g_string_free (out, FALSE);
}

/* ---- CSV ------------------------------------------------------------- */

static void
csv_count (GString *out,
           guint    value,
           gboolean last)
{
  g_string_append_printf (out, last ? "%u\r\n" : "%u;", value);
}

/* The columns a team's line of the report and of the trend begin with:
 * team;area;base_norm;members;fte_available;fte_needed;capacity;load */
static void
csv_team_figures (GString             *out,
                  const SfTeamFigures *tf)
{
  sf_csv_append_field (out, tf->team->name, FALSE);
  sf_csv_append_field (out, tf->area ? tf->area->key : "", FALSE);
  sf_csv_append_number (out, tf->base_norm, FALSE);
  csv_count (out, tf->members, FALSE);
  sf_csv_append_number (out, tf->fte_available, FALSE);
  sf_csv_append_number (out, tf->fte_needed, FALSE);
  sf_csv_append_number (out, tf->capacity, FALSE);
  sf_csv_append_number (out, tf->load, FALSE);
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

      sf_csv_append_field (out, wf->worker->initials, FALSE);
      sf_csv_append_field (out, wf->worker->name, FALSE);
      sf_csv_append_field (out, wf->team ? wf->team->name : "", FALSE);
      csv_count (out, wf->open_cases, FALSE);
      sf_csv_append_number (out, wf->weighted_load, FALSE);
      sf_csv_append_number (out, wf->availability, FALSE);
      sf_csv_append_number (out, wf->experience, FALSE);
      sf_csv_append_number (out, wf->individual_factor, FALSE);
      sf_csv_append_number (out, wf->adjusted_norm, FALSE);
      sf_csv_append_number (out, wf->utilisation, FALSE);
      sf_csv_append_field (out, sf_status_to_key (wf->status), TRUE);
    }

  g_string_append (out, "\r\nteam;area;base_norm;members;fte_available;fte_needed;capacity;load;"
                        "uncovered_cases;compliance;cases_per_fte;range_low;range_high;range_owner\r\n");
  for (guint i = 0; i < teams->len; i++)
    {
      const SfTeamFigures *tf = g_ptr_array_index (teams, i);
      double low, high;

      csv_team_figures (out, tf);
      csv_count (out, tf->uncovered_cases, FALSE);
      sf_csv_append_number (out, tf->compliance, FALSE);
      sf_csv_append_number (out, tf->cases_per_fte, FALSE);
      if (tf->area != NULL && sf_area_get_range (tf->area, &low, &high))
        {
          sf_csv_append_number (out, low, FALSE);
          sf_csv_append_number (out, high, FALSE);
          sf_csv_append_field (out, tf->area->custom ? "own" : "ds", TRUE);
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

/* A column of a text table: how wide, and whether right-aligned */
typedef struct
{
  int      width;
  gboolean right;
} Column;

/* One line of a text table, without its indent or end: each of @cells in
 * its column, then @last (the status or source) as it is. */
static void
append_line (GString            *out,
             const Column       *columns,
             guint               n_columns,
             const char * const *cells,
             const char         *last)
{
  for (guint i = 0; i < n_columns; i++)
    append_cell (out, cells[i], columns[i].width, columns[i].right);
  g_string_append (out, "  ");
  g_string_append (out, last);
}

static char *
render_text (const SfFigures *figures)
{
  static const Column worker_columns[] = { { 9, FALSE }, { 24, FALSE }, { 6, TRUE }, { 8, TRUE }, { 8, TRUE },
                                           { 7, TRUE } };
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
      g_autofree char *compliance = sf_format_percent (tf->compliance);
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

      append_line (out, worker_columns, G_N_ELEMENTS (worker_columns),
                   (const char *[]) { _("Initials"), _("Name"), _("Cases"), _("Load"), _("Norm"), _("Used") },
                   _("Status"));
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
          used = sf_format_percent (wf->utilisation);
          g_string_append (out, "  ");
          append_line (out, worker_columns, G_N_ELEMENTS (worker_columns),
                       (const char *[]) { wf->worker->initials, wf->worker->name, cases, wload, norm, used },
                       sf_status_to_label (wf->status));
          if (wf->absent)
            g_string_append_printf (out, " (%s)", _("absent"));
          else if (wf->ended)
            g_string_append_printf (out, " (%s)", _("left"));
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

/* ---- trend and forecast ---------------------------------------------- */

typedef struct
{
  char  *key;
  guint  index;
} TeamKey;

static int
compare_team_keys (gconstpointer a,
                   gconstpointer b)
{
  return strcmp (((const TeamKey *) a)->key, ((const TeamKey *) b)->key);
}

/* The indexes of @dataset's teams by name in the locale's collation: of
 * @team_id alone when it is not 0. */
static GArray *
team_order (const SfDataset *dataset,
            gint64           team_id)
{
  GArray *order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree TeamKey *keys = g_new0 (TeamKey, MAX (dataset->teams->len, 1));
  guint n = 0;

  for (guint i = 0; i < dataset->teams->len; i++)
    {
      const SfTeam *team = &g_array_index (dataset->teams, SfTeam, i);

      if (team_id != 0 && team->id != team_id)
        continue;
      keys[n].key = g_utf8_collate_key (team->name, -1);
      keys[n++].index = i;
    }
  if (n > 0)
    qsort (keys, n, sizeof (TeamKey), compare_team_keys);
  for (guint i = 0; i < n; i++)
    {
      g_array_append_val (order, keys[i].index);
      g_free (keys[i].key);
    }
  return order;
}

static void
json_totals (GString             *out,
             const char          *in,
             const SfTrendTotals *totals)
{
  json_number_at (out, in, "capacity", totals->capacity, TRUE);
  json_number_member (out, in, "load", totals->load);
  json_number_member (out, in, "fte_available", totals->fte_available);
  json_number_member (out, in, "fte_needed", totals->fte_needed);
  json_number_member (out, in, "utilisation", totals->utilisation);
  json_int_member (out, in, "open_cases", totals->open_cases);
}

static const char *
trend_source (const SfTrendPoint *point)
{
  return point->recorded ? "recorded" : "computed";
}

static char *
render_trend_json (SfDay        from,
                   SfDay        to,
                   SfTrendStep  step,
                   GPtrArray   *points,
                   GArray      *order)
{
  GString *out = g_string_sized_new (4096 + (gsize) points->len * (order->len * 480 + 300));
  g_autoptr(GHashTable) memo = g_hash_table_new_full (hash_bits, g_int64_equal, g_free, g_free);
  g_autofree char *from_iso = sf_day_to_iso (from);
  g_autofree char *to_iso = sf_day_to_iso (to);

  g_string_append_c (out, '{');
  json_string_member (out, "  ", "from", from_iso, TRUE);
  json_string_member (out, "  ", "to", to_iso, FALSE);
  json_string_member (out, "  ", "step", sf_trend_step_to_key (step), FALSE);
  json_member (out, "  ", "points", FALSE);
  g_string_append_c (out, '[');
  for (guint p = 0; p < points->len; p++)
    {
      const SfTrendPoint *point = g_ptr_array_index (points, p);
      g_autofree char *date = sf_day_to_iso (point->day);

      g_string_append (out, p == 0 ? "\n    {" : ",\n    {");
      json_string_member (out, "      ", "date", date, TRUE);
      json_string_member (out, "      ", "source", trend_source (point), FALSE);
      json_member (out, "      ", "teams", FALSE);
      g_string_append_c (out, '[');
      for (guint i = 0; i < order->len; i++)
        {
          g_string_append (out, i == 0 ? "\n        {" : ",\n        {");
          json_team (out, "          ",
                     &g_array_index (point->teams, SfTeamFigures, g_array_index (order, guint, i)), TRUE, memo);
          g_string_append (out, "\n        }");
        }
      g_string_append (out, order->len ? "\n      ]" : "]");
      json_member (out, "      ", "municipality", FALSE);
      g_string_append_c (out, '{');
      json_totals (out, "        ", &point->municipality);
      g_string_append (out, "\n      }\n    }");
    }
  g_string_append (out, points->len ? "\n  ]\n}" : "]\n}");
  return g_string_free (out, FALSE);
}

static char *
render_trend_csv (GPtrArray *points,
                  GArray    *order)
{
  GString *out = g_string_new (NULL);

  g_string_append (out, "date;source;team;area;base_norm;members;fte_available;fte_needed;capacity;load;"
                        "open_cases;uncovered_cases;compliance;cases_per_fte;utilisation\r\n");
  for (guint p = 0; p < points->len; p++)
    {
      const SfTrendPoint *point = g_ptr_array_index (points, p);
      g_autofree char *date = sf_day_to_iso (point->day);

      for (guint i = 0; i < order->len; i++)
        {
          const SfTeamFigures *tf = &g_array_index (point->teams, SfTeamFigures, g_array_index (order, guint, i));

          sf_csv_append_field (out, date, FALSE);
          sf_csv_append_field (out, trend_source (point), FALSE);
          csv_team_figures (out, tf);
          csv_count (out, tf->open_cases, FALSE);
          csv_count (out, tf->uncovered_cases, FALSE);
          sf_csv_append_number (out, tf->compliance, FALSE);
          sf_csv_append_number (out, tf->cases_per_fte, FALSE);
          sf_csv_append_number (out, sf_capacity_utilisation (tf->load, tf->capacity), TRUE);
        }
    }
  g_string_append (out, "\r\ndate;source;capacity;load;fte_available;fte_needed;utilisation;open_cases\r\n");
  for (guint p = 0; p < points->len; p++)
    {
      const SfTrendPoint *point = g_ptr_array_index (points, p);
      g_autofree char *date = sf_day_to_iso (point->day);

      sf_csv_append_field (out, date, FALSE);
      sf_csv_append_field (out, trend_source (point), FALSE);
      sf_csv_append_number (out, point->municipality.capacity, FALSE);
      sf_csv_append_number (out, point->municipality.load, FALSE);
      sf_csv_append_number (out, point->municipality.fte_available, FALSE);
      sf_csv_append_number (out, point->municipality.fte_needed, FALSE);
      sf_csv_append_number (out, point->municipality.utilisation, FALSE);
      csv_count (out, point->municipality.open_cases, TRUE);
    }
  return g_string_free (out, FALSE);
}

/* One line a point: what a point holds for the municipality or a team. */
static void
text_trend_table (GString             *out,
                  GPtrArray           *points,
                  const char          *title,
                  int                  team_index)
{
  static const Column columns[] = { { 12, FALSE }, { 9, TRUE }, { 10, TRUE }, { 7, TRUE }, { 8, TRUE },
                                     { 8, TRUE }, { 8, TRUE } };

  g_string_append_printf (out, "\n%s\n  ", title);
  append_line (out, columns, G_N_ELEMENTS (columns),
               (const char *[]) { _("Date"), _("Load"), _("Capacity"), _("Used"), _("FTE"), _("Needed"),
                                  _("Cases") },
               _("Source"));
  g_string_append (out, "\n");
  for (guint p = 0; p < points->len; p++)
    {
      const SfTrendPoint *point = g_ptr_array_index (points, p);
      SfTrendTotals totals = point->municipality;
      g_autofree char *date = sf_day_format (point->day);
      g_autofree char *load = NULL;
      g_autofree char *capacity = NULL;
      g_autofree char *used = NULL;
      g_autofree char *fte = NULL;
      g_autofree char *needed = NULL;
      g_autofree char *cases = NULL;

      if (team_index >= 0)
        {
          const SfTeamFigures *tf = &g_array_index (point->teams, SfTeamFigures, team_index);

          totals = (SfTrendTotals) { tf->capacity, tf->load, tf->fte_available, tf->fte_needed,
                                     sf_capacity_utilisation (tf->load, tf->capacity), tf->open_cases };
        }
      load = sf_format_decimal (totals.load, 1);
      capacity = sf_format_decimal (totals.capacity, 1);
      used = sf_format_percent (totals.utilisation);
      fte = sf_format_decimal (totals.fte_available, 2);
      needed = sf_format_decimal (totals.fte_needed, 2);
      cases = g_strdup_printf ("%u", totals.open_cases);
      g_string_append (out, "  ");
      append_line (out, columns, G_N_ELEMENTS (columns),
                   (const char *[]) { date, load, capacity, used, fte, needed, cases },
                   point->recorded ? _("recorded") : _("computed"));
      g_string_append (out, "\n");
    }
}

static char *
render_trend_text (SfDay      from,
                   SfDay      to,
                   GPtrArray *points,
                   GArray    *order,
                   gint64     team_id)
{
  GString *out = g_string_new (NULL);
  g_autofree char *from_text = sf_day_format (from);
  g_autofree char *to_text = sf_day_format (to);

  /* Translators: the heading of the trend report; two dates */
  g_string_append_printf (out, _("Trend from %s to %s"), from_text, to_text);
  g_string_append (out, "\n");
  text_trend_table (out, points, _("The municipality"), -1);
  for (guint i = 0; team_id != 0 && i < order->len && points->len > 0; i++)
    {
      const SfTrendPoint *first = g_ptr_array_index (points, 0);
      guint t = g_array_index (order, guint, i);

      text_trend_table (out, points, g_array_index (first->teams, SfTeamFigures, t).team->name, (int) t);
    }
  return g_string_free (out, FALSE);
}

char *
sf_report_render_trend (const SfDataset *dataset,
                        SfDay            from,
                        SfDay            to,
                        SfTrendStep      step,
                        GPtrArray       *points,
                        gint64           team_id,
                        SfReportFormat   format)
{
  g_autoptr(GArray) order = team_order (dataset, team_id);

  switch (format)
    {
    case SF_REPORT_JSON:
      return render_trend_json (from, to, step, points, order);
    case SF_REPORT_CSV:
      return render_trend_csv (points, order);
    case SF_REPORT_TEXT:
    default:
      return render_trend_text (from, to, points, order, team_id);
    }
}

static void
json_forecast_points (GString    *out,
                      const char *in,
                      GArray     *points,
                      GHashTable *memo)
{
  g_autofree char *inner = g_strconcat (in, "  ", NULL);

  g_string_append_c (out, '[');
  for (guint k = 0; k < points->len; k++)
    {
      const SfForecastPoint *point = &g_array_index (points, SfForecastPoint, k);
      g_autofree char *date = sf_day_to_iso (point->day);

      g_string_append_printf (out, "%s\n%s{", k == 0 ? "" : ",", in);
      json_string_member (out, inner, "date", date, TRUE);
      json_number_memo (out, inner, "demand", point->demand, FALSE, memo);
      json_number_memo (out, inner, "capacity", point->capacity, FALSE, memo);
      json_number_memo (out, inner, "utilisation", point->utilisation, FALSE, memo);
      json_number_memo (out, inner, "fte_available", point->fte_available, FALSE, memo);
      json_number_memo (out, inner, "fte_needed", point->fte_needed, FALSE, memo);
      json_number_memo (out, inner, "gap", point->gap, FALSE, memo);
      json_string_member (out, inner, "status", sf_status_to_key (point->status), FALSE);
      g_string_append_printf (out, "\n%s}", in);
    }
  if (points->len > 0)
    g_string_append_printf (out, "\n%.*s", (int) strlen (in) - 2, in);
  g_string_append_c (out, ']');
}

static char *
render_forecast_json (const SfForecast *forecast,
                      GArray           *order)
{
  GString *out = g_string_new ("{");
  g_autoptr(GHashTable) memo = g_hash_table_new_full (hash_bits, g_int64_equal, g_free, g_free);
  g_autofree char *date = sf_day_to_iso (forecast->ref);

  json_string_member (out, "  ", "date", date, TRUE);
  json_int_member (out, "  ", "months", (guint) forecast->months);
  json_member (out, "  ", "teams", FALSE);
  g_string_append_c (out, '[');
  for (guint i = 0; i < order->len; i++)
    {
      const SfTeamForecast *tf = &g_array_index (forecast->teams, SfTeamForecast, g_array_index (order, guint, i));
      g_autofree char *hire_by = tf->hire_by != SF_DAY_NONE ? sf_day_to_iso (tf->hire_by) : NULL;

      g_string_append (out, i == 0 ? "\n    {" : ",\n    {");
      json_string_member (out, "      ", "team", tf->team->name, TRUE);
      json_string_member (out, "      ", "area", tf->area ? tf->area->key : NULL, FALSE);
      json_number_memo (out, "      ", "net_inflow", tf->net_inflow, FALSE, memo);
      json_string_member (out, "      ", "hire_by", hire_by, FALSE);
      json_member (out, "      ", "points", FALSE);
      json_forecast_points (out, "        ", tf->points, memo);
      json_member (out, "      ", "events", FALSE);
      g_string_append_c (out, '[');
      for (guint e = 0; e < tf->events->len; e++)
        {
          const SfForecastEvent *event = &g_array_index (tf->events, SfForecastEvent, e);
          g_autofree char *day = sf_day_to_iso (event->day);
          g_autofree char *text = sf_forecast_event_describe (event);

          g_string_append (out, e == 0 ? "\n        {" : ",\n        {");
          json_string_member (out, "          ", "date", day, TRUE);
          json_string_member (out, "          ", "kind", sf_forecast_event_kind_to_key (event->kind), FALSE);
          json_string_member (out, "          ", "initials", event->worker ? event->worker->initials : NULL, FALSE);
          json_string_member (out, "          ", "description", text, FALSE);
          g_string_append (out, "\n        }");
        }
      g_string_append (out, tf->events->len ? "\n      ]" : "]");
      g_string_append (out, "\n    }");
    }
  g_string_append (out, order->len ? "\n  ]" : "]");
  json_member (out, "  ", "areas", FALSE);
  g_string_append_c (out, '[');
  for (guint a = 0; a < forecast->areas->len; a++)
    {
      const SfAreaForecast *af = &g_array_index (forecast->areas, SfAreaForecast, a);

      g_string_append (out, a == 0 ? "\n    {" : ",\n    {");
      json_string_member (out, "      ", "area", af->area->key, TRUE);
      json_member (out, "      ", "points", FALSE);
      json_forecast_points (out, "        ", af->points, memo);
      g_string_append (out, "\n    }");
    }
  g_string_append (out, forecast->areas->len ? "\n  ]" : "]");
  json_member (out, "  ", "municipality", FALSE);
  g_string_append_c (out, '{');
  json_member (out, "    ", "points", TRUE);
  json_forecast_points (out, "      ", forecast->municipality, memo);
  g_string_append (out, "\n  }\n}");
  return g_string_free (out, FALSE);
}

static void
csv_forecast_point (GString               *out,
                    const SfForecastPoint *point)
{
  g_autofree char *date = sf_day_to_iso (point->day);

  sf_csv_append_field (out, date, FALSE);
  sf_csv_append_number (out, point->demand, FALSE);
  sf_csv_append_number (out, point->capacity, FALSE);
  sf_csv_append_number (out, point->utilisation, FALSE);
  sf_csv_append_number (out, point->fte_available, FALSE);
  sf_csv_append_number (out, point->fte_needed, FALSE);
  sf_csv_append_number (out, point->gap, FALSE);
  sf_csv_append_field (out, sf_status_to_key (point->status), TRUE);
}

#define FORECAST_CSV_POINT "date;demand;capacity;utilisation;fte_available;fte_needed;gap;status\r\n"

static char *
render_forecast_csv (const SfForecast *forecast,
                     GArray           *order)
{
  GString *out = g_string_new ("team;area;net_inflow;hire_by;" FORECAST_CSV_POINT);

  for (guint i = 0; i < order->len; i++)
    {
      const SfTeamForecast *tf = &g_array_index (forecast->teams, SfTeamForecast, g_array_index (order, guint, i));
      g_autofree char *hire_by = tf->hire_by != SF_DAY_NONE ? sf_day_to_iso (tf->hire_by) : NULL;

      for (guint k = 0; k < tf->points->len; k++)
        {
          sf_csv_append_field (out, tf->team->name, FALSE);
          sf_csv_append_field (out, tf->area ? tf->area->key : "", FALSE);
          sf_csv_append_number (out, tf->net_inflow, FALSE);
          sf_csv_append_field (out, hire_by, FALSE);
          csv_forecast_point (out, &g_array_index (tf->points, SfForecastPoint, k));
        }
    }
  g_string_append (out, "\r\narea;" FORECAST_CSV_POINT);
  for (guint a = 0; a < forecast->areas->len; a++)
    {
      const SfAreaForecast *af = &g_array_index (forecast->areas, SfAreaForecast, a);

      for (guint k = 0; k < af->points->len; k++)
        {
          sf_csv_append_field (out, af->area->key, FALSE);
          csv_forecast_point (out, &g_array_index (af->points, SfForecastPoint, k));
        }
    }
  g_string_append (out, "\r\n" FORECAST_CSV_POINT);
  for (guint k = 0; k < forecast->municipality->len; k++)
    csv_forecast_point (out, &g_array_index (forecast->municipality, SfForecastPoint, k));
  return g_string_free (out, FALSE);
}

static void
text_forecast_points (GString *out,
                      GArray  *points)
{
  static const Column columns[] = { { 12, FALSE }, { 9, TRUE }, { 10, TRUE }, { 7, TRUE }, { 8, TRUE },
                                     { 8, TRUE }, { 8, TRUE } };

  g_string_append (out, "  ");
  append_line (out, columns, G_N_ELEMENTS (columns),
               (const char *[]) { _("Month"), _("Demand"), _("Capacity"), _("Used"), _("FTE"), _("Needed"),
                                  _("Gap") },
               _("Status"));
  g_string_append (out, "\n");
  for (guint k = 0; k < points->len; k++)
    {
      const SfForecastPoint *point = &g_array_index (points, SfForecastPoint, k);
      g_autofree char *date = sf_day_format (point->day);
      g_autofree char *demand = sf_format_decimal (point->demand, 1);
      g_autofree char *capacity = sf_format_decimal (point->capacity, 1);
      g_autofree char *used = sf_format_percent (point->utilisation);
      g_autofree char *fte = sf_format_decimal (point->fte_available, 2);
      g_autofree char *needed = sf_format_decimal (point->fte_needed, 2);
      g_autofree char *gap = sf_format_decimal (point->gap, 2);

      g_string_append (out, "  ");
      append_line (out, columns, G_N_ELEMENTS (columns),
                   (const char *[]) { date, demand, capacity, used, fte, needed, gap },
                   sf_status_to_label (point->status));
      g_string_append (out, "\n");
    }
}

static char *
render_forecast_text (const SfForecast *forecast,
                      GArray           *order)
{
  GString *out = g_string_new (NULL);
  g_autofree char *date = sf_day_format (forecast->ref);

  /* Translators: the heading of the forecast; a number of months and a date */
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "Forecast for %d month from %s",
                                            "Forecast for %d months from %s", forecast->months),
                          forecast->months, date);
  g_string_append (out, "\n");
  for (guint i = 0; i < order->len; i++)
    {
      const SfTeamForecast *tf = &g_array_index (forecast->teams, SfTeamForecast, g_array_index (order, guint, i));
      g_autofree char *inflow = sf_format_decimal (tf->net_inflow, 2);

      g_string_append_printf (out, "\n%s — %s\n", tf->team->name, tf->area ? tf->area->name : "");
      g_string_append_printf (out, _("  Net inflow %s weighted cases a month"), inflow);
      if (tf->hire_by != SF_DAY_NONE)
        {
          g_autofree char *hire_by = sf_day_format (tf->hire_by);

          g_string_append_printf (out, _(" · hire by %s"), hire_by);
        }
      g_string_append (out, "\n");
      text_forecast_points (out, tf->points);
      for (guint e = 0; e < tf->events->len; e++)
        {
          const SfForecastEvent *event = &g_array_index (tf->events, SfForecastEvent, e);
          g_autofree char *day = sf_day_format (event->day);
          g_autofree char *text = sf_forecast_event_describe (event);

          g_string_append_printf (out, "  %s  %s\n", day, text);
        }
    }
  g_string_append_printf (out, "\n%s\n", _("The municipality"));
  text_forecast_points (out, forecast->municipality);
  return g_string_free (out, FALSE);
}

char *
sf_report_render_forecast (const SfForecast *forecast,
                           gint64            team_id,
                           SfReportFormat    format)
{
  g_autoptr(GArray) order = team_order (forecast->dataset, team_id);

  switch (format)
    {
    case SF_REPORT_JSON:
      return render_forecast_json (forecast, order);
    case SF_REPORT_CSV:
      return render_forecast_csv (forecast, order);
    case SF_REPORT_TEXT:
    default:
      return render_forecast_text (forecast, order);
    }
}
