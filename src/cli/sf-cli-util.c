#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sf-cli-util.h"

int
sf_cli_refuse (const GError *error)
{
  g_printerr ("%s: %s\n", g_get_prgname (), error->message);
  return SF_CLI_REFUSED;
}

int
sf_cli_usage_error (const GError *error)
{
  g_printerr ("%s: %s\n", g_get_prgname (), error->message);
  return SF_CLI_USAGE;
}

GOptionEntry
sf_cli_date_option (char **date)
{
  return (GOptionEntry) { "date", 0, 0, G_OPTION_ARG_STRING, date,
                          N_("Reference date (default: today)"), N_("YYYY-MM-DD") };
}

GOptionEntry
sf_cli_months_option (int *months)
{
  return (GOptionEntry) { "months", 0, 0, G_OPTION_ARG_INT, months,
                          N_("Months to forecast (default: the forecast-horizon setting)"), N_("N") };
}

int
sf_cli_parse_args (GOptionEntry   *entries,
                   int            *argc,
                   char         ***argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    return sf_cli_usage_error (error);
  return SF_CLI_OK;
}

int
sf_cli_parse (GOptionEntry  *entries,
              int            argc,
              char         **argv)
{
  int status;

  if ((status = sf_cli_parse_args (entries, &argc, &argv)) != SF_CLI_OK)
    return status;
  if (argc != 1)
    {
      g_printerr (_("%s: %s takes no arguments besides its options.\n"), g_get_prgname (), argv[0]);
      return SF_CLI_USAGE;
    }
  return SF_CLI_OK;
}

int
sf_cli_parse_text_or_json (int        argc,
                           char     **argv,
                           gboolean  *json)
{
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format: text or json"), N_("FORMAT") },
    { NULL }
  };
  int status;

  if ((status = sf_cli_parse (entries, argc, argv)) != SF_CLI_OK)
    return status;
  if (!sf_cli_text_or_json (format))
    return SF_CLI_USAGE;
  *json = format != NULL && g_str_equal (format, "json");
  return SF_CLI_OK;
}

int
sf_cli_usage (const char *text)
{
  g_printerr (_("Usage: %s %s\n"), g_get_prgname (), text);
  return SF_CLI_USAGE;
}

gboolean
sf_cli_parse_day (const char *text,
                  SfDay      *out)
{
  if (sf_day_parse (text, out))
    return TRUE;
  g_printerr (_("%s: “%s” is not a date; write it as YYYY-MM-DD.\n"), g_get_prgname (), text);
  return FALSE;
}

gboolean
sf_cli_check_months (int months)
{
  if (months >= 0 && months <= 120)
    return TRUE;
  g_printerr (_("%s: forecast between 1 and 120 months, not %d.\n"), g_get_prgname (), months);
  return FALSE;
}

gboolean
sf_cli_parse_format (const char     *format,
                     gboolean        with_csv,
                     SfReportFormat *out)
{
  *out = SF_REPORT_TEXT;
  if (format == NULL || (sf_report_format_parse (format, out) && (with_csv || *out != SF_REPORT_CSV)))
    return TRUE;
  g_printerr (with_csv ? _("%s: the format must be text, csv or json, not “%s”.\n")
                       : _("%s: the format must be text or json, not “%s”.\n"),
              g_get_prgname (), format);
  return FALSE;
}

gboolean
sf_cli_text_or_json (const char *format)
{
  SfReportFormat ignored;

  return sf_cli_parse_format (format, FALSE, &ignored);
}

const SfTeam *
sf_cli_find_team (const SfDataset *dataset,
                  const char      *name)
{
  g_autofree char *wanted = g_utf8_casefold (name, -1);

  for (guint i = 0; i < dataset->teams->len; i++)
    {
      const SfTeam *team = &g_array_index (dataset->teams, SfTeam, i);
      g_autofree char *folded = g_utf8_casefold (team->name, -1);

      if (g_str_equal (folded, wanted))
        return team;
    }
  g_printerr (_("%s: there is no team called “%s”.\n"), g_get_prgname (), name);
  return NULL;
}

SfDataset *
sf_cli_load (SfStore    *store,
             SfSettings *settings)
{
  g_autoptr(GError) error = NULL;
  SfDataset *dataset;

  if (!sf_store_load_settings (store, settings, &error) ||
      (dataset = sf_store_load_dataset (store, &error)) == NULL)
    {
      sf_cli_refuse (error);
      return NULL;
    }
  return dataset;
}

int
sf_cli_flush (void)
{
  return fflush (stdout) == 0 ? SF_CLI_OK : SF_CLI_REFUSED;
}

int
sf_cli_print_text (char *text)
{
  g_autofree char *owned = text;

  fputs (owned, stdout);
  if (owned[0] != '\0' && owned[strlen (owned) - 1] != '\n')
    fputc ('\n', stdout);
  return sf_cli_flush ();
}

char *
sf_cli_json_to_text (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

void
sf_cli_json_print (JsonBuilder *builder)
{
  g_autofree char *text = sf_cli_json_to_text (builder);

  g_print ("%s\n", text);
}

void
sf_cli_json_add_number (JsonBuilder *builder,
                        const char  *member,
                        double       value)
{
  json_builder_set_member_name (builder, member);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

void
sf_cli_json_add_string (JsonBuilder *builder,
                        const char  *member,
                        const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

void
sf_cli_json_add_int (JsonBuilder *builder,
                     const char  *member,
                     gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

void
sf_cli_json_add_alerts (JsonBuilder *builder,
                        GPtrArray   *alerts)
{
  json_builder_begin_array (builder);
  for (guint i = 0; i < alerts->len; i++)
    {
      const SfAlert *alert = g_ptr_array_index (alerts, i);
      g_autofree char *since = sf_day_to_iso (alert->since);
      g_autofree char *expires = sf_day_to_iso (alert->ack_expires);

      json_builder_begin_object (builder);
      sf_cli_json_add_string (builder, "kind", sf_alert_kind_to_key (alert->kind));
      sf_cli_json_add_string (builder, "severity", sf_severity_to_key (alert->severity));
      sf_cli_json_add_string (builder, "subject", alert->subject);
      sf_cli_json_add_string (builder, "team", alert->team_name);
      sf_cli_json_add_string (builder, "message", alert->message);
      sf_cli_json_add_string (builder, "resolution", alert->resolution);
      sf_cli_json_add_number (builder, "value", alert->value);
      sf_cli_json_add_number (builder, "limit", alert->limit);
      sf_cli_json_add_number (builder, "excess", alert->excess);
      sf_cli_json_add_string (builder, "since", since);
      json_builder_set_member_name (builder, "acknowledged");
      json_builder_add_boolean_value (builder, alert->acknowledged);
      sf_cli_json_add_string (builder, "acknowledgement_note", alert->ack_note);
      sf_cli_json_add_string (builder, "acknowledged_until", expires);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}
