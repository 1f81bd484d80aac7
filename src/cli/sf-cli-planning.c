/* The workforce-planning commands of sagsfordeling-cli.  Every rule lives
 * in src/core (sf-planned-hires.c, sf-trend.c, sf-forecast.c). */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "sf-cli-planning.h"
#include "sf-cli-util.h"

/* sf_cli_load(), and with @team_name the id of that team (0 without
 * one); prints why not. */
static SfDataset *
load_for_team (SfStore    *store,
               SfSettings *settings,
               const char *team_name,
               gint64     *team_id)
{
  g_autoptr(SfDataset) dataset = sf_cli_load (store, settings);
  const SfTeam *team;

  *team_id = 0;
  if (dataset == NULL || team_name == NULL)
    return g_steal_pointer (&dataset);
  if ((team = sf_cli_find_team (dataset, team_name)) == NULL)
    return NULL;
  *team_id = team->id;
  return g_steal_pointer (&dataset);
}

int
sf_cli_plan_hire (SfStore  *store,
                  int       argc,
                  char    **argv)
{
  g_autofree char *team_name = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *start = NULL;
  g_autofree char *note = NULL;
  g_autoptr(SfDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "team", 0, 0, G_OPTION_ARG_STRING, &team_name, N_("The team the hire is for"), N_("NAME") },
    { "hours", 0, 0, G_OPTION_ARG_STRING, &hours, N_("Weekly hours"), N_("H") },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start, N_("Expected start date"), N_("YYYY-MM-DD") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note, e.g. the position"), N_("TEXT") },
    { NULL }
  };
  SfPlannedHire hire = { 0 };
  SfSettings settings;
  int status;

  if ((status = sf_cli_parse (entries, argc, argv)) != SF_CLI_OK)
    return status;
  if (team_name == NULL || hours == NULL || start == NULL)
    return sf_cli_usage ("plan-hire --team NAME --hours H --start YYYY-MM-DD [--note TEXT]");
  if (!sf_text_parse_decimal (hours, &hire.weekly_hours))
    {
      g_printerr (_("%s: “%s” is not a number of hours.\n"), g_get_prgname (), hours);
      return SF_CLI_USAGE;
    }
  if (!sf_cli_parse_day (start, &hire.start))
    return SF_CLI_USAGE;
  if ((dataset = load_for_team (store, &settings, team_name, &hire.team_id)) == NULL)
    return SF_CLI_REFUSED;
  hire.note = note;
  hire.id = sf_planned_hire_save (store, &hire, &error);
  if (hire.id == 0)
    return sf_cli_refuse (error);
  g_print ("%" G_GINT64_FORMAT "\n", hire.id);
  return SF_CLI_OK;
}

int
sf_cli_plan_hires (SfStore  *store,
                   int       argc,
                   char    **argv)
{
  g_autofree char *format = NULL;
  g_autoptr(SfDataset) dataset = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format: text or json"), N_("FORMAT") },
    { NULL }
  };
  SfReportFormat report_format;
  SfSettings settings;
  int status;

  if ((status = sf_cli_parse (entries, argc, argv)) != SF_CLI_OK)
    return status;
  if (!sf_cli_parse_format (format, TRUE, &report_format) || report_format == SF_REPORT_CSV)
    return sf_cli_usage ("plan-hires [--format text|json]");
  if ((dataset = sf_cli_load (store, &settings)) == NULL)
    return SF_CLI_REFUSED;

  if (report_format == SF_REPORT_JSON)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < dataset->planned_hires->len; i++)
        {
          const SfPlannedHire *hire = &g_array_index (dataset->planned_hires, SfPlannedHire, i);
          const SfTeam *team = sf_dataset_find_team (dataset, hire->team_id);
          g_autofree char *start = sf_day_to_iso (hire->start);

          json_builder_begin_object (builder);
          sf_cli_json_add_int (builder, "id", hire->id);
          sf_cli_json_add_string (builder, "team", team ? team->name : "");
          sf_cli_json_add_number (builder, "hours", hire->weekly_hours);
          sf_cli_json_add_string (builder, "start", start);
          sf_cli_json_add_string (builder, "note", hire->note);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      return sf_cli_print_text (sf_cli_json_to_text (builder));
    }

  if (dataset->planned_hires->len == 0)
    g_print ("%s\n", _("No planned hires. Add one with plan-hire."));
  for (guint i = 0; i < dataset->planned_hires->len; i++)
    {
      const SfPlannedHire *hire = &g_array_index (dataset->planned_hires, SfPlannedHire, i);
      const SfTeam *team = sf_dataset_find_team (dataset, hire->team_id);
      g_autofree char *start = sf_day_format (hire->start);
      g_autofree char *hours = sf_format_hours (hire->weekly_hours);

      g_print ("%" G_GINT64_FORMAT "  %s  ", hire->id, team ? team->name : "");
      /* Translators: a planned hire: "37 hours a week from 15.02.2027" */
      g_print (_("%s hours a week from %s"), hours, start);
      g_print ("%s%s\n", hire->note ? "  " : "", hire->note ? hire->note : "");
    }
  return SF_CLI_OK;
}

int
sf_cli_plan_hire_remove (SfStore  *store,
                         int       argc,
                         char    **argv)
{
  g_autoptr(GError) error = NULL;
  char *end = NULL;
  gint64 id;

  if (argc != 2)
    return sf_cli_usage ("plan-hire-remove ID");
  id = g_ascii_strtoll (argv[1], &end, 10);
  if (end == argv[1] || *end != '\0' || id <= 0)
    {
      g_printerr (_("%s: “%s” is not the number of a planned hire; plan-hires lists them.\n"),
                  g_get_prgname (), argv[1]);
      return SF_CLI_USAGE;
    }
  if (!sf_planned_hire_remove (store, id, &error))
    return sf_cli_refuse (error);
  return SF_CLI_OK;
}

int
sf_cli_trend (SfStore  *store,
              int       argc,
              char    **argv)
{
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *step_text = NULL;
  g_autofree char *team_name = NULL;
  g_autofree char *format = NULL;
  g_autoptr(SfDataset) dataset = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GPtrArray) recordings = NULL;
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("The first day"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("The last day"), N_("YYYY-MM-DD") },
    { "step", 0, 0, G_OPTION_ARG_STRING, &step_text, N_("week or month"), N_("STEP") },
    { "team", 0, 0, G_OPTION_ARG_STRING, &team_name, N_("One team alone"), N_("NAME") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format: text, csv or json"), N_("FORMAT") },
    { NULL }
  };
  const char *usage_text = "trend --from D --to D --step week|month [--team NAME] [--format text|csv|json]";
  SfReportFormat report_format;
  SfSettings settings;
  SfTrendStep step;
  SfDay from, to;
  gint64 team_id = 0;
  int status;

  if ((status = sf_cli_parse (entries, argc, argv)) != SF_CLI_OK)
    return status;
  if (from_text == NULL || to_text == NULL || step_text == NULL)
    return sf_cli_usage (usage_text);
  if (!sf_cli_parse_day (from_text, &from) || !sf_cli_parse_day (to_text, &to) || !sf_cli_parse_format (format, TRUE, &report_format))
    return SF_CLI_USAGE;
  if (!sf_trend_step_parse (step_text, &step))
    {
      g_printerr (_("%s: the step must be week or month, not “%s”.\n"), g_get_prgname (), step_text);
      return SF_CLI_USAGE;
    }
  if (from > to)
    {
      g_printerr (_("%s: the range ends before it starts.\n"), g_get_prgname ());
      return SF_CLI_USAGE;
    }
  if ((dataset = load_for_team (store, &settings, team_name, &team_id)) == NULL)
    return SF_CLI_REFUSED;

  days = sf_trend_days (from, to, step);
  recordings = sf_figure_history_load_recordings (store, days, &error);
  if (recordings == NULL)
    return sf_cli_refuse (error);
  points = sf_trend_compute (dataset, &settings, days, recordings);
  return sf_cli_print_text (sf_report_render_trend (dataset, from, to, step, points, team_id, report_format));
}

int
sf_cli_forecast (SfStore  *store,
                 int       argc,
                 char    **argv)
{
  g_autofree char *date = NULL;
  g_autofree char *team_name = NULL;
  g_autofree char *format = NULL;
  g_autoptr(SfDataset) dataset = NULL;
  g_autoptr(SfForecast) forecast = NULL;
  int months = 0;
  GOptionEntry entries[] = {
    sf_cli_date_option (&date),
    sf_cli_months_option (&months),
    { "team", 0, 0, G_OPTION_ARG_STRING, &team_name, N_("One team alone"), N_("NAME") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format: text, csv or json"), N_("FORMAT") },
    { NULL }
  };
  SfReportFormat report_format;
  SfSettings settings;
  SfDay ref = sf_day_today ();
  gint64 team_id = 0;
  int status;

  if ((status = sf_cli_parse (entries, argc, argv)) != SF_CLI_OK)
    return status;
  if ((date != NULL && !sf_cli_parse_day (date, &ref)) || !sf_cli_parse_format (format, TRUE, &report_format))
    return SF_CLI_USAGE;
  if (!sf_cli_check_months (months))
    return SF_CLI_USAGE;
  if ((dataset = load_for_team (store, &settings, team_name, &team_id)) == NULL)
    return SF_CLI_REFUSED;
  forecast = sf_forecast_compute (dataset, &settings, ref, months > 0 ? months : settings.forecast_horizon);
  return sf_cli_print_text (sf_report_render_forecast (forecast, team_id, report_format));
}
