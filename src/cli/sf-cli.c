/* sagsfordeling-cli: the engine for automation and tests.  A thin shell:
 * every rule it applies lives in src/core. */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "sf-cli-access.h"
#include "sf-cli-areas.h"
#include "sf-cli-checklists.h"
#include "sf-cli-planning.h"
#include "sf-cli-scenario.h"
#include "sf-cli-workbook.h"
#include "sf-cli-server.h"
#include "sf-cli-util.h"
#include "sf-core.h"
#include "sf-db.h"

typedef int (*CommandFunc) (SfStore *store, int argc, char **argv);

typedef struct
{
  const char  *name;
  const char  *args;
  const char  *summary;
  CommandFunc  func;
} Command;

static void print_restore_hint (const char *database);

/* sf_cli_refuse(), and how to restore a backup when @error says the
 * database @database is damaged. */
static int
refuse_damaged (const GError *error,
                const char   *database)
{
  sf_cli_refuse (error);
  if (g_error_matches (error, SF_ERROR, SF_ERROR_CORRUPT))
    print_restore_hint (database);
  return SF_CLI_REFUSED;
}

/* Loads everything and computes the figures on @ref. */
static SfFigures *
load_figures (SfStore    *store,
              SfDay       ref,
              SfDataset **out_dataset)
{
  SfSettings settings;
  SfDataset *dataset = sf_cli_load (store, &settings);

  if (dataset == NULL)
    return NULL;
  *out_dataset = dataset;
  return sf_figures_compute (dataset, &settings, ref);
}

/* Today's figures go into the history (a row a day at most, per person and
 * team, and only when they changed) wherever figures are looked at: here
 * before alerts are listed, and in the GUI when it reloads.  Keeping it off
 * the write path keeps a 100,000-case import fast. */
static void
record_history (SfStore *store)
{
  g_autoptr(SfDataset) dataset = NULL;
  g_autoptr(SfFigures) figures = load_figures (store, sf_day_today (), &dataset);
  g_autoptr(GError) error = NULL;

  if (figures != NULL && !sf_figure_history_record (store, figures, &error))
    g_printerr (_("%s: warning: the history was not updated: %s\n"), g_get_prgname (), error->message);
}

static int
import_command (SfStore  *store,
                int       argc,
                char    **argv,
                gboolean  cases)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(SfImportResult) result = { 0 };

  if (argc != 2)
    {
      g_printerr (_("Usage: %s %s FILE\n"), g_get_prgname (), argv[0]);
      return SF_CLI_USAGE;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  if (!sf_import_file (store, file, cases, &result, &error))
    return refuse_damaged (error, sf_store_get_path (store));

  if (cases)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "Imported %u case: %u new, %u updated, %u unchanged.\n",
                          "Imported %u cases: %u new, %u updated, %u unchanged.\n",
                          result.rows),
             result.rows, result.created, result.updated, result.unchanged);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "Imported %u caseworker: %u new, %u updated; %u new teams.\n",
                          "Imported %u caseworkers: %u new, %u updated; %u new teams.\n",
                          result.rows),
             result.rows, result.created, result.updated, result.teams_created);
  return SF_CLI_OK;
}

static int
cmd_import_roster (SfStore  *store,
                   int       argc,
                   char    **argv)
{
  return import_command (store, argc, argv, FALSE);
}

static int
cmd_import_cases (SfStore  *store,
                  int       argc,
                  char    **argv)
{
  return import_command (store, argc, argv, TRUE);
}

/* --date and --format, shared by the commands that print figures. */
typedef struct
{
  char           *date;
  char           *format;
  char           *team;
  char           *complexity;
  SfDay           ref;
  SfReportFormat  report_format;
} Options;

static void
options_clear (Options *options)
{
  g_free (options->date);
  g_free (options->format);
  g_free (options->team);
  g_free (options->complexity);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static int
parse_options (Options       *options,
               int            argc,
               char         **argv,
               gboolean       with_csv,
               gboolean       with_team)
{
  GOptionEntry entries[] = {
    sf_cli_date_option (&options->date),
    { "format", 0, 0, G_OPTION_ARG_STRING, &options->format,
      with_csv ? N_("Output format: text, csv or json") : N_("Output format: text or json"), N_("FORMAT") },
    /* With @with_team only */
    { "team", 0, 0, G_OPTION_ARG_STRING, &options->team, N_("The team that gets the case"), N_("NAME") },
    { "complexity", 0, 0, G_OPTION_ARG_STRING, &options->complexity,
      N_("enkel, kompleks or saerligt-kompliceret"), N_("KEY") },
    { NULL }
  };
  int status;

  options->ref = sf_day_today ();
  if (!with_team)
    entries[2] = (GOptionEntry) { NULL };
  if ((status = sf_cli_parse (entries, argc, argv)) != SF_CLI_OK)
    return status;
  if (options->date != NULL && !sf_cli_parse_day (options->date, &options->ref))
    return SF_CLI_USAGE;
  if (!sf_cli_parse_format (options->format, with_csv, &options->report_format))
    return SF_CLI_USAGE;
  return SF_CLI_OK;
}

static int
print_json (JsonBuilder *builder)
{
  sf_cli_json_print (builder);
  return SF_CLI_OK;
}

static int
cmd_report (SfStore  *store,
            int       argc,
            char    **argv)
{
  g_auto(Options) options = { 0 };
  g_autoptr(SfDataset) dataset = NULL;
  g_autoptr(SfFigures) figures = NULL;
  g_autoptr(GArray) open_cases = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SfSettings settings;
  int status;

  if ((status = parse_options (&options, argc, argv, TRUE, FALSE)) != SF_CLI_OK)
    return status;
  /* The report needs the cases open that day counted, not each case:
   * on a server that is a few thousand rows instead of every case */
  dataset = sf_store_load_counted (store, options.ref, &settings, &open_cases, &error);
  if (dataset == NULL)
    return sf_cli_refuse (error);
  figures = sf_figures_compute_counted (dataset, &settings, options.ref, open_cases);

  text = sf_report_render (figures, options.report_format);
  fputs (text, stdout);
  if (options.report_format == SF_REPORT_JSON)
    fputc ('\n', stdout);
  return sf_cli_flush ();
}

static int
cmd_alerts (SfStore  *store,
            int       argc,
            char    **argv)
{
  g_auto(Options) options = { 0 };
  g_autoptr(SfDataset) dataset = NULL;
  g_autoptr(SfFigures) figures = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if ((status = parse_options (&options, argc, argv, FALSE, FALSE)) != SF_CLI_OK)
    return status;
  if (options.ref == sf_day_today ())
    record_history (store);
  figures = load_figures (store, options.ref, &dataset);
  if (figures == NULL)
    return SF_CLI_REFUSED;
  alerts = sf_alerts_evaluate_stored (store, figures, &error);
  if (alerts == NULL)
    return sf_cli_refuse (error);

  if (options.report_format == SF_REPORT_JSON)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autofree char *date = sf_day_to_iso (options.ref);

      json_builder_begin_object (builder);
      sf_cli_json_add_string (builder, "date", date);
      json_builder_set_member_name (builder, "alerts");
      sf_cli_json_add_alerts (builder, alerts);
      json_builder_end_object (builder);
      return print_json (builder);
    }

  if (alerts->len == 0)
    g_print ("%s\n", _("No alerts: every caseworker is within their norm."));
  for (guint i = 0; i < alerts->len; i++)
    {
      const SfAlert *alert = g_ptr_array_index (alerts, i);

      if (alert->caseworker_id != 0)
        g_print ("%s  %s · %s\n", alert->severity == SF_SEVERITY_ERROR ? _("ERROR  ") : _("WARNING"),
                 alert->team_name, alert->subject);
      else
        g_print ("%s  %s\n", alert->severity == SF_SEVERITY_ERROR ? _("ERROR  ") : _("WARNING"),
                 alert->team_name);
      g_print ("   %s\n   %s\n", alert->message, alert->resolution);
      if (alert->since != SF_DAY_NONE && alert->since < options.ref)
        {
          g_autofree char *since = sf_day_format (alert->since);
          guint days = options.ref - alert->since;

          g_print ("   ");
          g_print (g_dngettext (GETTEXT_PACKAGE, "Since %s (%u day).", "Since %s (%u days).", days), since, days);
          g_print ("\n");
        }
      if (alert->acknowledged)
        g_print ("   %s %s\n", _("Acknowledged:"), alert->ack_note);
    }
  return SF_CLI_OK;
}

static int
cmd_suggest (SfStore  *store,
             int       argc,
             char    **argv)
{
  g_auto(Options) options = { 0 };
  g_autoptr(SfDataset) dataset = NULL;
  g_autoptr(SfFigures) figures = NULL;
  g_autoptr(SfSuggestion) suggestion = NULL;
  g_autoptr(GError) error = NULL;
  const SfTeam *team;
  SfComplexity complexity;
  int status;

  if ((status = parse_options (&options, argc, argv, FALSE, TRUE)) != SF_CLI_OK)
    return status;
  if (options.team == NULL || options.complexity == NULL)
    {
      g_printerr (_("Usage: %s suggest --team NAME --complexity KEY [--date D] [--format text|json]\n"),
                  g_get_prgname ());
      return SF_CLI_USAGE;
    }
  if (!sf_complexity_parse (options.complexity, &complexity))
    {
      g_printerr (_("%s: “%s” is not a complexity: use enkel, kompleks or saerligt-kompliceret.\n"),
                  g_get_prgname (), options.complexity);
      return SF_CLI_USAGE;
    }
  figures = load_figures (store, options.ref, &dataset);
  if (figures == NULL)
    return SF_CLI_REFUSED;

  if ((team = sf_cli_find_team (dataset, options.team)) == NULL)
    return SF_CLI_REFUSED;

  suggestion = sf_suggest_next_case (figures, team->id, complexity, &error);
  if (suggestion == NULL)
    return sf_cli_refuse (error);

  if (options.report_format == SF_REPORT_JSON)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      sf_cli_json_add_string (builder, "initials", suggestion->worker->worker->initials);
      sf_cli_json_add_string (builder, "name", suggestion->worker->worker->name);
      sf_cli_json_add_string (builder, "team", team->name);
      sf_cli_json_add_string (builder, "complexity", sf_complexity_to_key (complexity));
      sf_cli_json_add_string (builder, "reason", suggestion->reason);
      sf_cli_json_add_number (builder, "weight", figures->settings.weights[complexity]);
      sf_cli_json_add_number (builder, "headroom_before", suggestion->headroom_before);
      sf_cli_json_add_number (builder, "headroom_after", suggestion->headroom_after);
      sf_cli_json_add_number (builder, "utilisation_before", suggestion->worker->utilisation);
      sf_cli_json_add_number (builder, "utilisation_after", suggestion->utilisation_after);
      json_builder_end_object (builder);
      return print_json (builder);
    }

  g_print ("%s\n%s\n", suggestion->worker->worker->initials, suggestion->reason);
  return SF_CLI_OK;
}

static int
cmd_demo (SfStore  *store,
          int       argc,
          char    **argv)
{
  g_autoptr(GError) error = NULL;

  if (argc != 1)
    {
      g_printerr (_("%s: demo takes no arguments.\n"), g_get_prgname ());
      return SF_CLI_USAGE;
    }
  if (!sf_demo_populate (store, sf_day_today (), &error))
    return sf_cli_refuse (error);
  g_print (_("Demonstration data added: %ld caseworkers in %ld teams, %ld cases.\n"),
           (long) sf_store_count (store, "caseworker"), (long) sf_store_count (store, "team"),
           (long) sf_store_count (store, "casefile"));
  return SF_CLI_OK;
}

static int
cmd_settings (SfStore  *store,
              int       argc,
              char    **argv)
{
  g_autoptr(GError) error = NULL;
  SfSettings settings;
  const char * const *keys = sf_settings_keys ();

  if (argc == 3)
    {
      if (!sf_store_set_setting (store, argv[1], argv[2], &error))
        return sf_cli_refuse (error);
      return SF_CLI_OK;
    }
  if (argc != 1)
    {
      g_printerr (_("Usage: %s settings [KEY VALUE]\n"), g_get_prgname ());
      return SF_CLI_USAGE;
    }
  if (!sf_store_load_settings (store, &settings, &error))
    return sf_cli_refuse (error);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *value = sf_settings_get (&settings, keys[i]);

      g_print ("%s = %s\n", keys[i], value);
    }
  return SF_CLI_OK;
}

/* After an error that says the database is damaged: the newest backup that
 * is sound, and how to restore it. */
static void
print_restore_hint (const char *database)
{
  g_autoptr(SfBackup) newest = sf_backup_find_sound (database);

  if (newest != NULL)
    g_printerr (_("The newest sound backup is %s. To restore it:\n  %s --database %s restore %s\n"),
                newest->path, g_get_prgname (), database, newest->path);
  else
    g_printerr (_("There is no sound backup to restore.\n"));
}

/* Works on a database too damaged to open: nothing of it is written. */
static int
cmd_check (const char  *database,
           int          argc,
           char       **argv)
{
  g_autoptr(GError) error = NULL;

  if (argc != 1)
    {
      g_printerr (_("Usage: %s check\n"), g_get_prgname ());
      return SF_CLI_USAGE;
    }
  if (!sf_store_check_file (database, &error))
    return refuse_damaged (error, database);
  g_print (_("The database %s is sound: every page, row, index entry and reference was checked.\n"), database);
  return SF_CLI_OK;
}

/* The list works on a database too damaged to open: that is when it is
 * needed. */
static int
list_backups (const char *database)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;

  backups = sf_backup_list (database, &error);
  if (backups == NULL)
    return sf_cli_refuse (error);
  for (guint i = 0; i < backups->len; i++)
    {
      const SfBackup *backup = g_ptr_array_index (backups, i);
      g_autoptr(GDateTime) local = g_date_time_to_local (backup->taken);
      g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
      g_autofree char *size = g_format_size (backup->size);

      g_print ("%s  %-14s  %8s  %s\n", when, backup->reason, size, backup->path);
    }
  return SF_CLI_OK;
}

static int
cmd_backup (SfStore  *store,
            int       argc,
            char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (argc == 2 && g_str_equal (argv[1], "--list"))
    return list_backups (sf_store_get_path (store));
  if (argc != 1)
    {
      g_printerr (_("Usage: %s backup [--list]\n"), g_get_prgname ());
      return SF_CLI_USAGE;
    }
  path = sf_backup_create (store, "manual", &error);
  if (path == NULL)
    return refuse_damaged (error, sf_store_get_path (store));
  g_print ("%s\n", path);
  return SF_CLI_OK;
}

static int
cmd_restore (const char  *database,
             int          argc,
             char       **argv)
{
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    {
      g_printerr (_("Usage: %s restore BACKUP\n"), g_get_prgname ());
      return SF_CLI_USAGE;
    }
  if (!sf_backup_restore (database, argv[1], &error))
    return sf_cli_refuse (error);
  g_print (_("Restored %s from %s.\n"), database, argv[1]);
  return SF_CLI_OK;
}

static const Command commands[] = {
  { "import-roster", N_("FILE"), N_("Import or update teams and caseworkers from a CSV file"), cmd_import_roster },
  { "import-cases", N_("FILE"), N_("Import or update cases from a CSV file"), cmd_import_cases },
  { "report", N_("[--date YYYY-MM-DD] [--format text|csv|json]"), N_("Print caseloads, norms and team figures"), cmd_report },
  { "alerts", N_("[--date YYYY-MM-DD] [--format text|json]"), N_("List who is over or near their norm, uncovered cases and teams above their area’s range (DS’ or an own area’s)"), cmd_alerts },
  { "suggest", N_("--team NAME --complexity KEY [--date D] [--format text|json]"), N_("Suggest who in a team should take the next case"), cmd_suggest },
  { "demo", "", N_("Fill an empty database with demonstration data"), cmd_demo },
  { "backup", N_("[--list]"), N_("Make a backup of the database now, or list the backups"), cmd_backup },
  { "restore", N_("BACKUP"), N_("Replace the database with a backup (the current one is kept as a backup)"), NULL },
  { "check", "", N_("Check that the database is sound: every page, row, index entry and reference"), NULL },
  { "settings", N_("[KEY VALUE]"), N_("Show the settings, or change one"), cmd_settings },
  { "checklists", N_("[--team NAME] [--date D] [--format text|json]"), N_("List the checklist templates and each team’s checklists with their items and progress"), sf_cli_checklists },
  { "checklist-new", N_("--team NAME --template KEY"), N_("Start a checklist for a team from a template"), sf_cli_checklist_new },
  { "plan-hire", N_("--team NAME --hours H --start YYYY-MM-DD [--note TEXT]"), N_("Add a planned hire to a team; prints its number"), sf_cli_plan_hire },
  { "plan-hires", N_("[--format text|json]"), N_("List the planned hires"), sf_cli_plan_hires },
  { "plan-hire-remove", N_("ID"), N_("Remove a planned hire"), sf_cli_plan_hire_remove },
  { "trend", N_("--from D --to D --step week|month [--team NAME] [--format text|csv|json]"), N_("Figures at weekly or monthly points over a range, recorded or computed"), sf_cli_trend },
  { "forecast", N_("[--date D] [--months N] [--team NAME] [--format text|csv|json]"), N_("Forecast each team's demand and capacity month by month, with the date to hire by"), sf_cli_forecast },
  { "scenario", N_("(--changes FILE | NAME) [--date D] [--months N] --format json"), N_("Compute a what-if scenario from a JSON file of changes or a saved one, beside today's data, without saving anything"), sf_cli_scenario },
  { "scenarios", N_("[--format text|json]"), N_("List the saved scenarios"), sf_cli_scenarios },
  { "scenario-save", N_("--changes FILE [--name NAME] [--replace]"), N_("Save a scenario from a JSON file of changes (checked as scenario checks it)"), sf_cli_scenario_save },
  { "scenario-export", N_("NAME FILE"), N_("Write a saved scenario as a JSON file of changes (- for standard output)"), sf_cli_scenario_export },
  { "scenario-apply", N_("NAME [--date D]"), N_("Carry a saved scenario out on the real data, as recorded changes in one transaction"), sf_cli_scenario_apply },
  { "workbook", N_("[--date D] [--months N] [--scenario NAME] FILE.xlsx"), N_("Write the HR workbook (Excel): today's figures, the trend, the forecast and a saved scenario's comparison"), sf_cli_workbook },
  { "scenario-delete", N_("NAME"), N_("Delete a saved scenario"), sf_cli_scenario_delete },
  { "scenario-rename", N_("OLD NEW"), N_("Rename a saved scenario"), sf_cli_scenario_rename },
  { "scenario-duplicate", N_("NAME NEW"), N_("Save a copy of a saved scenario under a new name"), sf_cli_scenario_duplicate },
  { "checklist-check", N_("--team NAME --item ID [--note TEXT] [--by INITIALS] [--date D] [--review-months N] [--uncheck]"), N_("Check a checklist item (or take the check back)"), sf_cli_checklist_check },
  { "areas", N_("[--format text|json]"), N_("List DS’ case areas and the organisation’s own, with the caseloads of other projects"), sf_cli_areas },
  { "area-add", N_("--key KEY --name NAME [--low N --high N] [--source TEXT]"), N_("Add an own case area, with or without a range of the organisation’s own"), sf_cli_area_add },
  { "area-remove", N_("KEY"), N_("Remove an own case area that no team or case uses"), sf_cli_area_remove },
  { "server-setup", "", N_("Create or upgrade the schema of a database on a PostgreSQL server (run by its owner)"), NULL },
  { "copy", N_("--from SOURCE --to TARGET [--replace]"), N_("Copy everything between a database file and a PostgreSQL server (either way), into an empty target unless --replace"), NULL },
  { "access-grant", N_("--login NAME --role manager|hr|admin [--team NAME]…"), N_("Let a login on the shared database manage teams, work as HR or administer (run by an admin)"), sf_cli_access_grant },
  { "access-revoke", N_("--login NAME [--role ROLE] [--team NAME]"), N_("Take a login's access away, all of it or one role's or team's (run by an admin)"), sf_cli_access_revoke },
  { "access-list", N_("[--format text|json]"), N_("List who has access to the shared database, with their roles and teams"), sf_cli_access_list },
};

static char *
commands_description (void)
{
  GString *text = g_string_new (_("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "\n  %s %s\n      %s", commands[i].name,
                            *commands[i].args ? _(commands[i].args) : "", _(commands[i].summary));
  return g_string_free (text, FALSE);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) store = NULL;
  const Command *command = NULL;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      N_("The database file (default: ~/.local/share/sagsfordeling/sagsfordeling.db), or a PostgreSQL server's database as postgresql://HOST/DATABASE"), N_("PATH") },
    { NULL }
  };

  sf_i18n_init ();
  g_set_prgname ("sagsfordeling-cli");

  context = g_option_context_new (_("COMMAND [ARGUMENTS…]"));
  g_option_context_set_summary (context, _("Caseloads and adjusted norms for social and employment services."));
  description = commands_description ();
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* Options after the command belong to the command. */
  g_option_context_set_strict_posix (context, TRUE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return sf_cli_usage_error (error);

  if (argc < 2)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("%s", help);
      return SF_CLI_USAGE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      command = &commands[i];
  if (command == NULL)
    {
      g_printerr (_("%s: “%s” is not a command. See %s --help.\n"), g_get_prgname (), argv[1], g_get_prgname ());
      return SF_CLI_USAGE;
    }

  if (database == NULL)
    database = sf_store_default_path ();

  /* A database on a server: set up by its owner; backed up by its own tools */
  if (g_str_equal (command->name, "server-setup"))
    return sf_cli_server_setup (database, argc - 1, argv + 1);
  if (g_str_equal (command->name, "copy"))
    return sf_cli_copy (argc - 1, argv + 1);
  /* Access control is the server's */
  if (g_str_has_prefix (command->name, "access-") && !sf_db_location_is_uri (database))
    return sf_cli_access_on_file (command->name);
  if (sf_db_location_is_uri (database) &&
      (g_str_equal (command->name, "restore") || g_str_equal (command->name, "check") ||
       g_str_equal (command->name, "backup")))
    return sf_cli_server_backup_note (database, command->name);

  /* Restoring, checking and listing the backups must work on a database
   * too damaged to open. */
  if (g_str_equal (command->name, "restore"))
    return cmd_restore (database, argc - 1, argv + 1);
  if (g_str_equal (command->name, "check"))
    return cmd_check (database, argc - 1, argv + 1);
  if (g_str_equal (command->name, "backup") && argc == 3 && g_str_equal (argv[2], "--list"))
    return list_backups (database);

  /* The backup policy (a copy before a migration, a daily copy) is for
   * files; a server is backed up by its own tools. */
  if (sf_db_location_is_uri (database))
    store = sf_store_open (database, &error);
  else
    store = sf_backup_open_store (database, &error);
  if (store == NULL)
    return refuse_damaged (error, database);

  /* A database in daily use is copied before its first change of the day */
  if (!sf_db_location_is_uri (database))
    sf_backup_set_daily (store, TRUE);
  return command->func (store, argc - 1, argv + 1);
}
