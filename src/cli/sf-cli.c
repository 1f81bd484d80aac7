/* sagsfordeling-cli: the engine for automation and tests.  A thin shell:
 * every rule it applies lives in src/core. */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>

#include "sf-core.h"

enum {
  EXIT_OK = 0,
  EXIT_REFUSED = 1,
  EXIT_USAGE = 2,
};

typedef int (*CommandFunc) (SfStore *store, int argc, char **argv);

typedef struct
{
  const char  *name;
  const char  *args;
  const char  *summary;
  CommandFunc  func;
} Command;

static void
print_error (const GError *error)
{
  g_printerr ("%s: %s\n", g_get_prgname (), error->message);
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
      return EXIT_USAGE;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  if (!sf_import_file (store, file, cases, &result, &error))
    {
      print_error (error);
      return EXIT_REFUSED;
    }

  if (cases)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "Imported %u case: %u new, %u updated.\n",
                          "Imported %u cases: %u new, %u updated.\n",
                          result.rows),
             result.rows, result.created, result.updated);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "Imported %u caseworker: %u new, %u updated; %u new teams.\n",
                          "Imported %u caseworkers: %u new, %u updated; %u new teams.\n",
                          result.rows),
             result.rows, result.created, result.updated, result.teams_created);
  return EXIT_OK;
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

static int
cmd_report (SfStore  *store,
            int       argc,
            char    **argv)
{
  g_autofree char *date = NULL;
  g_autofree char *format = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDataset) dataset = NULL;
  g_autoptr(SfFigures) figures = NULL;
  g_autofree char *text = NULL;
  SfReportFormat report_format = SF_REPORT_TEXT;
  SfSettings settings;
  SfDay ref = sf_day_today ();
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("Reference date (default: today)"), N_("YYYY-MM-DD") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format: text, csv or json"), N_("FORMAT") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_help_enabled (context, TRUE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      print_error (error);
      return EXIT_USAGE;
    }
  if (argc != 1)
    {
      g_printerr (_("%s: report takes no arguments besides --date and --format.\n"), g_get_prgname ());
      return EXIT_USAGE;
    }
  if (date != NULL && !sf_day_parse (date, &ref))
    {
      g_printerr (_("%s: “%s” is not a date; write it as YYYY-MM-DD.\n"), g_get_prgname (), date);
      return EXIT_USAGE;
    }
  if (format != NULL && !sf_report_format_parse (format, &report_format))
    {
      g_printerr (_("%s: the format must be text, csv or json, not “%s”.\n"), g_get_prgname (), format);
      return EXIT_USAGE;
    }

  if (!sf_store_load_settings (store, &settings, &error) ||
      (dataset = sf_store_load_dataset (store, &error)) == NULL)
    {
      print_error (error);
      return EXIT_REFUSED;
    }

  figures = sf_figures_compute (dataset, &settings, ref);
  text = sf_report_render (figures, report_format);
  fputs (text, stdout);
  if (report_format == SF_REPORT_JSON)
    fputc ('\n', stdout);
  return fflush (stdout) == 0 ? EXIT_OK : EXIT_REFUSED;
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
      return EXIT_USAGE;
    }
  if (!sf_demo_populate (store, sf_day_today (), &error))
    {
      print_error (error);
      return EXIT_REFUSED;
    }
  g_print (_("Demonstration data added: %ld caseworkers in %ld teams, %ld cases.\n"),
           (long) sf_store_count (store, "caseworker"), (long) sf_store_count (store, "team"),
           (long) sf_store_count (store, "casefile"));
  return EXIT_OK;
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
        {
          print_error (error);
          return EXIT_REFUSED;
        }
      return EXIT_OK;
    }
  if (argc != 1)
    {
      g_printerr (_("Usage: %s settings [KEY VALUE]\n"), g_get_prgname ());
      return EXIT_USAGE;
    }
  if (!sf_store_load_settings (store, &settings, &error))
    {
      print_error (error);
      return EXIT_REFUSED;
    }
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *value = sf_settings_get (&settings, keys[i]);

      g_print ("%s = %s\n", keys[i], value);
    }
  return EXIT_OK;
}

static const Command commands[] = {
  { "import-roster", N_("FILE"), N_("Import or update teams and caseworkers from a CSV file"), cmd_import_roster },
  { "import-cases", N_("FILE"), N_("Import or update cases from a CSV file"), cmd_import_cases },
  { "report", N_("[--date YYYY-MM-DD] [--format text|csv|json]"), N_("Print caseloads, norms and team figures"), cmd_report },
  { "demo", "", N_("Fill an empty database with demonstration data"), cmd_demo },
  { "settings", N_("[KEY VALUE]"), N_("Show the settings, or change one"), cmd_settings },
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
      N_("The database file (default: ~/.local/share/sagsfordeling/sagsfordeling.db)"), N_("PATH") },
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
    {
      print_error (error);
      return EXIT_USAGE;
    }

  if (argc < 2)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("%s", help);
      return EXIT_USAGE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      command = &commands[i];
  if (command == NULL)
    {
      g_printerr (_("%s: “%s” is not a command. See %s --help.\n"), g_get_prgname (), argv[1], g_get_prgname ());
      return EXIT_USAGE;
    }

  if (database == NULL)
    database = sf_store_default_path ();
  store = sf_store_open (database, &error);
  if (store == NULL)
    {
      print_error (error);
      return EXIT_REFUSED;
    }

  return command->func (store, argc - 1, argv + 1);
}
