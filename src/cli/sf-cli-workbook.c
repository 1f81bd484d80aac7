/* The workbook command of sagsfordeling-cli.  The workbook is written by
 * src/core/sf-workbook.c, which the app's Export menu calls too. */

#include "config.h"

#include <glib/gi18n.h>

#include "sf-cli-scenario.h"
#include "sf-cli-util.h"
#include "sf-cli-workbook.h"

#define USAGE "workbook [--date D] [--months N] [--scenario NAME] FILE.xlsx"

int
sf_cli_workbook (SfStore  *store,
                 int       argc,
                 char    **argv)
{
  g_autofree char *date = NULL;
  g_autofree char *scenario_name = NULL;
  g_autoptr(SfDataset) dataset = NULL;
  g_autoptr(SfScenario) scenario = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GPtrArray) recordings = NULL;
  g_autoptr(GError) error = NULL;
  int months = 0;
  GOptionEntry entries[] = {
    sf_cli_date_option (&date),
    sf_cli_months_option (&months),
    { "scenario", 0, 0, G_OPTION_ARG_STRING, &scenario_name, N_("Add the comparison with this saved scenario"), N_("NAME") },
    { NULL }
  };
  SfWorkbookInput input = { 0 };
  SfSettings settings;
  SfDay ref = sf_day_today ();
  int status;

  if ((status = sf_cli_parse_args (entries, &argc, &argv)) != SF_CLI_OK)
    return status;
  if (argc != 2 || (argv[1][0] == '-' && argv[1][1] != '\0'))
    return sf_cli_usage (USAGE);
  if (!g_str_has_suffix (argv[1], ".xlsx"))
    {
      g_printerr (_("%s: the workbook is an Excel file: name it something.xlsx, not “%s”.\n"),
                  g_get_prgname (), argv[1]);
      return SF_CLI_USAGE;
    }
  if (date != NULL && !sf_cli_parse_day (date, &ref))
    return SF_CLI_USAGE;
  if (!sf_cli_check_months (months))
    return SF_CLI_USAGE;
  if ((dataset = sf_cli_load (store, &settings)) == NULL)
    return SF_CLI_REFUSED;
  if (scenario_name != NULL && (scenario = sf_cli_scenario_load_saved (store, scenario_name)) == NULL)
    return SF_CLI_REFUSED;
  days = sf_workbook_trend_days (ref);
  recordings = sf_figure_history_load_recordings (store, days, &error);
  if (recordings == NULL)
    return sf_cli_refuse (error);

  input.dataset = dataset;
  input.settings = &settings;
  input.ref = ref;
  input.months = months;
  input.recordings = recordings;
  input.scenario = scenario;
  if (!sf_workbook_write (argv[1], &input, &error))
    return sf_cli_refuse (error);
  return SF_CLI_OK;
}
