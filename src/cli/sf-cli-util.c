#include "config.h"

#include <glib/gi18n.h>

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

int
sf_cli_parse (GOptionEntry  *entries,
              int            argc,
              char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return sf_cli_usage_error (error);
  if (argc != 1)
    {
      g_printerr (_("%s: %s takes no arguments besides its options.\n"), g_get_prgname (), argv[0]);
      return SF_CLI_USAGE;
    }
  return SF_CLI_OK;
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
