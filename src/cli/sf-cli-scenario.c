/* The what-if scenario command of sagsfordeling-cli.  Every rule lives in
 * src/core (sf-scenario.c); this reads the file and writes the JSON. */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "sf-cli-scenario.h"
#include "sf-cli-util.h"

#define USAGE "scenario (--changes FILE | NAME) [--date D] [--months N] --format json"

static char *
alerts_to_text (GPtrArray *alerts)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  sf_cli_json_add_alerts (builder, alerts);
  return sf_cli_json_to_text (builder);
}

/* Appends an already rendered JSON value, without its trailing white space. */
static void
append_value (GString    *out,
              const char *member,
              const char *json,
              gboolean    last)
{
  gsize length = strlen (json);

  while (length > 0 && g_ascii_isspace (json[length - 1]))
    length--;
  g_string_append_printf (out, "\"%s\" : ", member);
  g_string_append_len (out, json, length);
  g_string_append (out, last ? "\n" : ",\n");
}

/* "report", "alerts" and "forecast" of one side, as the commands of those
 * names write them. */
static void
append_figures (GString                 *out,
                const SfScenarioFigures *figures)
{
  g_autofree char *report = sf_report_render (figures->figures, SF_REPORT_JSON);
  g_autofree char *alerts = alerts_to_text (figures->alerts);
  g_autofree char *forecast = sf_report_render_forecast (figures->forecast, 0, SF_REPORT_JSON);

  append_value (out, "report", report, FALSE);
  append_value (out, "alerts", alerts, FALSE);
  append_value (out, "forecast", forecast, TRUE);
}

/* ---- saved scenarios --------------------------------------------------- */

/* sf_cli_parse_args(); fails unless there are at most @n_args arguments
 * besides the options. */
static int
parse_some_args (GOptionEntry  *entries,
                 int           *argc,
                 char        ***argv,
                 int            n_args,
                 const char    *usage_text)
{
  int status;

  if ((status = sf_cli_parse_args (entries, argc, argv)) != SF_CLI_OK)
    return status;
  for (int i = 1; i < *argc; i++)
    if ((*argv)[i][0] == '-' && (*argv)[i][1] != '\0')
      {
        g_printerr (_("%s: unknown option %s.\n"), g_get_prgname (), (*argv)[i]);
        return SF_CLI_USAGE;
      }
  if (*argc > n_args + 1)
    return sf_cli_usage (usage_text);
  return SF_CLI_OK;
}

/* As parse_some_args(), but exactly @n_args. */
static int
parse_with_args (GOptionEntry  *entries,
                 int           *argc,
                 char        ***argv,
                 int            n_args,
                 const char    *usage_text)
{
  int status = parse_some_args (entries, argc, argv, n_args, usage_text);

  if (status == SF_CLI_OK && *argc != n_args + 1)
    return sf_cli_usage (usage_text);
  return status;
}

/* The id of the saved scenario called @name; prints why not (0). */
static gint64
find_saved (SfStore    *store,
            const char *name)
{
  gint64 id = sf_scenario_store_find (store, name);

  if (id == 0)
    g_printerr (_("%s: there is no saved scenario called “%s”; `scenarios` lists them.\n"),
                g_get_prgname (), name);
  return id;
}

SfScenario *
sf_cli_scenario_load_saved (SfStore    *store,
                            const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = find_saved (store, name);
  SfScenario *scenario;

  if (id == 0)
    return NULL;
  scenario = sf_scenario_store_load (store, id, &error);
  if (scenario == NULL)
    sf_cli_refuse (error);
  return scenario;
}

/* The scenario in the changes file @path, checked against the data set
 * and settings it loads into @dataset and @settings; prints why not. */
static SfScenario *
read_changes (SfStore     *store,
              const char  *path,
              SfDataset  **dataset,
              SfSettings  *settings)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  SfScenario *scenario;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      sf_cli_refuse (error);
      return NULL;
    }
  if ((*dataset = sf_cli_load (store, settings)) == NULL)
    return NULL;
  scenario = sf_scenario_parse (contents, length, *dataset, settings, &error);
  if (scenario == NULL)
    sf_cli_refuse (error);
  return scenario;
}

int
sf_cli_scenario (SfStore  *store,
                 int       argc,
                 char    **argv)
{
  g_autofree char *changes = NULL;
  g_autofree char *date = NULL;
  g_autofree char *format = NULL;
  g_autoptr(SfDataset) dataset = NULL;
  g_autoptr(SfScenario) scenario = NULL;
  g_autoptr(SfScenarioResult) result = NULL;
  g_autoptr(SfScenarioFigures) baseline = NULL;
  g_autoptr(SfScenarioFigures) computed = NULL;
  g_autoptr(JsonBuilder) head = json_builder_new ();
  g_autoptr(GString) out = NULL;
  g_autofree char *head_text = NULL;
  int months = 0;
  GOptionEntry entries[] = {
    { "changes", 0, 0, G_OPTION_ARG_FILENAME, &changes, N_("The scenario: a JSON file of changes"), N_("FILE") },
    sf_cli_date_option (&date),
    sf_cli_months_option (&months),
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format: json"), N_("FORMAT") },
    { NULL }
  };
  SfSettings settings;
  SfDay ref = sf_day_today ();
  int status;

  if ((status = parse_some_args (entries, &argc, &argv, 1, USAGE)) != SF_CLI_OK)
    return status;
  /* Either a changes file or the name of a saved scenario */
  if ((changes == NULL) == (argc == 1) || format == NULL)
    return sf_cli_usage (USAGE);
  if (!g_str_equal (format, "json"))
    {
      g_printerr (_("%s: a scenario is written as json, not “%s”.\n"), g_get_prgname (), format);
      return SF_CLI_USAGE;
    }
  if (date != NULL && !sf_cli_parse_day (date, &ref))
    return SF_CLI_USAGE;
  if (!sf_cli_check_months (months))
    return SF_CLI_USAGE;
  if (changes != NULL)
    scenario = read_changes (store, changes, &dataset, &settings);
  /* A saved one is read as it was saved: what no longer applies is skipped */
  else if ((dataset = sf_cli_load (store, &settings)) != NULL)
    scenario = sf_cli_scenario_load_saved (store, argv[1]);
  if (scenario == NULL)
    return SF_CLI_REFUSED;
  if (months == 0)
    months = settings.forecast_horizon;
  result = sf_scenario_apply (scenario, dataset, &settings, ref);
  computed = sf_scenario_figures_compute (result->dataset, &result->settings, ref, months);
  baseline = sf_scenario_figures_compute (dataset, &settings, ref, months);

  /* The name and what did not apply, then the figures as the report,
   * alerts and forecast commands write them, spliced in as they are. */
  json_builder_begin_object (head);
  sf_cli_json_add_string (head, "name", scenario->name);
  json_builder_set_member_name (head, "skipped");
  json_builder_begin_array (head);
  for (guint i = 0; i < result->skipped->len; i++)
    {
      const SfScenarioSkip *skip = g_ptr_array_index (result->skipped, i);

      json_builder_begin_object (head);
      sf_cli_json_add_int (head, "change", skip->index + 1);
      sf_cli_json_add_string (head, "op", sf_scenario_op_to_key (skip->op));
      sf_cli_json_add_string (head, "message", skip->message);
      json_builder_end_object (head);
    }
  json_builder_end_array (head);
  json_builder_end_object (head);
  head_text = sf_cli_json_to_text (head);

  out = g_string_new (NULL);
  /* Everything of the head but its closing brace */
  g_string_append_len (out, head_text, strrchr (head_text, '}') - head_text);
  while (out->len > 0 && g_ascii_isspace (out->str[out->len - 1]))
    g_string_truncate (out, out->len - 1);
  g_string_append (out, ",\n");
  append_figures (out, computed);
  g_string_truncate (out, out->len - 1);
  g_string_append (out, ",\n\"baseline\" : {\n");
  append_figures (out, baseline);
  g_string_append (out, "}\n}\n");
  fputs (out->str, stdout);
  return sf_cli_flush ();
}

int
sf_cli_scenarios (SfStore  *store,
                  int       argc,
                  char    **argv)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json;
  int status;

  if ((status = sf_cli_parse_text_or_json (argc, argv, &json)) != SF_CLI_OK)
    return status;
  list = sf_scenario_store_list (store, &error);
  if (list == NULL)
    return sf_cli_refuse (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "scenarios");
      json_builder_begin_array (builder);
      for (guint i = 0; i < list->len; i++)
        {
          const SfSavedScenario *saved = g_ptr_array_index (list, i);

          json_builder_begin_object (builder);
          sf_cli_json_add_int (builder, "id", saved->id);
          sf_cli_json_add_string (builder, "name", saved->name);
          sf_cli_json_add_int (builder, "changes", saved->n_changes);
          sf_cli_json_add_string (builder, "created", saved->created);
          sf_cli_json_add_string (builder, "updated", saved->updated);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      return sf_cli_print_text (sf_cli_json_to_text (builder));
    }

  if (list->len == 0)
    g_print ("%s\n", _("No saved scenarios. Save one with scenario-save --changes FILE."));
  else
    for (guint i = 0; i < list->len; i++)
      {
        const SfSavedScenario *saved = g_ptr_array_index (list, i);

        g_print ("%s\t", saved->name);
        g_print (g_dngettext (GETTEXT_PACKAGE, "%u change", "%u changes", saved->n_changes), saved->n_changes);
        /* Translators: when a saved scenario was last saved (UTC) */
        g_print ("\t%s %s\n", _("saved"), saved->updated);
      }
  return sf_cli_flush ();
}

int
sf_cli_scenario_save (SfStore  *store,
                      int       argc,
                      char    **argv)
{
  g_autofree char *changes = NULL;
  g_autofree char *name = NULL;
  g_autoptr(SfDataset) dataset = NULL;
  g_autoptr(SfScenario) scenario = NULL;
  g_autoptr(GError) error = NULL;
  gboolean replace = FALSE;
  GOptionEntry entries[] = {
    { "changes", 0, 0, G_OPTION_ARG_FILENAME, &changes, N_("The scenario: a JSON file of changes"), N_("FILE") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Save it under this name instead of the file’s"), N_("NAME") },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace, N_("Replace a saved scenario of the same name"), NULL },
    { NULL }
  };
  SfSettings settings;
  gint64 id;
  int status;

  if ((status = sf_cli_parse (entries, argc, argv)) != SF_CLI_OK)
    return status;
  if (changes == NULL)
    return sf_cli_usage ("scenario-save --changes FILE [--name NAME] [--replace]");
  /* Checked against today's data, as `scenario` checks it */
  if ((scenario = read_changes (store, changes, &dataset, &settings)) == NULL)
    return SF_CLI_REFUSED;
  if (name != NULL)
    {
      g_free (scenario->name);
      scenario->name = g_strstrip (g_strdup (name));
    }
  id = replace ? sf_scenario_store_find (store, scenario->name) : 0;
  if (sf_scenario_store_save (store, id, scenario, &error) == 0)
    return sf_cli_refuse (error);
  return SF_CLI_OK;
}

int
sf_cli_scenario_export (SfStore  *store,
                        int       argc,
                        char    **argv)
{
  g_autoptr(SfScenario) scenario = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  GOptionEntry entries[] = { { NULL } };
  int status;

  if ((status = parse_with_args (entries, &argc, &argv, 2, "scenario-export NAME FILE")) != SF_CLI_OK)
    return status;
  scenario = sf_cli_scenario_load_saved (store, argv[1]);
  if (scenario == NULL)
    return SF_CLI_REFUSED;
  json = sf_scenario_to_json (scenario);
  if (g_str_equal (argv[2], "-"))
    {
      fputs (json, stdout);
      return sf_cli_flush ();
    }
  if (!g_file_set_contents (argv[2], json, -1, &error))
    return sf_cli_refuse (error);
  return SF_CLI_OK;
}

/* What scenario-delete, -rename and -duplicate do to the saved scenario
 * @id; @name is the new name (NULL for delete). */
typedef gboolean (*SavedAction) (SfStore     *store,
                                 gint64       id,
                                 const char  *name,
                                 GError     **error);

static gboolean
delete_saved (SfStore     *store,
              gint64       id,
              const char  *name,
              GError     **error)
{
  return sf_scenario_store_delete (store, id, error);
}

static gboolean
duplicate_saved (SfStore     *store,
                 gint64       id,
                 const char  *name,
                 GError     **error)
{
  return sf_scenario_store_duplicate (store, id, name, error) != 0;
}

/* A command on the saved scenario named by its first argument, with
 * @n_args arguments in all (the second one the new name). */
static int
on_saved (SfStore      *store,
          int           argc,
          char        **argv,
          int           n_args,
          const char   *usage_text,
          SavedAction   action)
{
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = { { NULL } };
  gint64 id;
  int status;

  if ((status = parse_with_args (entries, &argc, &argv, n_args, usage_text)) != SF_CLI_OK)
    return status;
  if ((id = find_saved (store, argv[1])) == 0)
    return SF_CLI_REFUSED;
  if (!action (store, id, n_args > 1 ? argv[2] : NULL, &error))
    return sf_cli_refuse (error);
  return SF_CLI_OK;
}

int
sf_cli_scenario_delete (SfStore  *store,
                        int       argc,
                        char    **argv)
{
  return on_saved (store, argc, argv, 1, "scenario-delete NAME", delete_saved);
}

int
sf_cli_scenario_apply (SfStore  *store,
                       int       argc,
                       char    **argv)
{
  g_autofree char *date = NULL;
  g_autoptr(SfScenario) scenario = NULL;
  g_autoptr(SfScenarioUndo) undo = NULL;
  g_autoptr(GPtrArray) skipped = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day whose open cases a reassignment moves (default: today)"), N_("YYYY-MM-DD") },
    { NULL }
  };
  SfDay ref = sf_day_today ();
  int status;

  if ((status = parse_with_args (entries, &argc, &argv, 1, "scenario-apply NAME [--date D]")) != SF_CLI_OK)
    return status;
  if (date != NULL && !sf_cli_parse_day (date, &ref))
    return SF_CLI_USAGE;
  scenario = sf_cli_scenario_load_saved (store, argv[1]);
  if (scenario == NULL)
    return SF_CLI_REFUSED;
  undo = sf_scenario_store_apply (store, scenario, ref, &skipped, &error);
  if (undo == NULL)
    return sf_cli_refuse (error);

  g_print ("%s\n", sf_scenario_undo_get_summary (undo));
  for (guint i = 0; i < scenario->changes->len; i++)
    {
      g_autofree char *text = sf_scenario_change_describe (g_ptr_array_index (scenario->changes, i));
      const char *why = NULL;

      for (guint k = 0; k < skipped->len; k++)
        if (((SfScenarioSkip *) g_ptr_array_index (skipped, k))->index == i)
          why = ((SfScenarioSkip *) g_ptr_array_index (skipped, k))->message;
      g_print ("  %u. %s\n", i + 1, text);
      if (why != NULL)
        g_print ("     %s\n", why);
    }
  return sf_cli_flush ();
}

int
sf_cli_scenario_rename (SfStore  *store,
                        int       argc,
                        char    **argv)
{
  return on_saved (store, argc, argv, 2, "scenario-rename OLD NEW", sf_scenario_store_rename);
}

int
sf_cli_scenario_duplicate (SfStore  *store,
                           int       argc,
                           char    **argv)
{
  return on_saved (store, argc, argv, 2, "scenario-duplicate NAME NEW", duplicate_saved);
}
