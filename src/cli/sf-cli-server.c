/* sagsfordeling-cli's commands for a database on a PostgreSQL server. */

#include "config.h"

#include <glib/gi18n.h>

#include "sf-cli-server.h"
#include "sf-cli-util.h"
#include "sf-db.h"
#include "sf-server.h"
#include "sf-store.h"
#include "sf-store-copy.h"

int
sf_cli_server_setup (const char  *database,
                     int          argc,
                     char       **argv)
{
  g_autoptr(GError) error = NULL;
  int from = 0;
  int to = 0;

  if (argc != 1)
    {
      g_printerr (_("Usage: %s --database postgresql://… server-setup\n"), g_get_prgname ());
      return SF_CLI_USAGE;
    }
  if (!sf_db_location_is_uri (database))
    {
      g_printerr (_("%s: server-setup sets up a database on a PostgreSQL server: give its "
                    "address with --database postgresql://HOST/DATABASE. A database file "
                    "needs no set-up.\n"),
                  g_get_prgname ());
      return SF_CLI_USAGE;
    }
  if (!sf_server_setup (database, &from, &to, &error))
    return sf_cli_refuse (error);
  /* The owner fills the case-area catalogue now: on a database with access
   * control nobody but an admin may, and the first to open it may be a
   * manager */
  {
    g_autoptr(SfStore) store = sf_store_open (database, &error);

    if (store == NULL)
      return sf_cli_refuse (error);
  }

  if (from == to)
    g_print (_("The database is set up already (schema %d); nothing was changed.\n"), to);
  else if (from == 0)
    g_print (_("The database is set up (schema %d).\n"), to);
  else
    g_print (_("The database is upgraded from schema %d to %d.\n"), from, to);
  return SF_CLI_OK;
}

int
sf_cli_server_backup_note (const char *database,
                           const char *command)
{
  g_printerr (_("%s: %s works on a database file. The database is on a PostgreSQL server, whose "
                "own backups apply (pg_dump, base backups: ask its administrator). To keep a copy "
                "in a local file, run: %s copy --from DATABASE --to FILE\n"),
              g_get_prgname (), command, g_get_prgname ());
  return SF_CLI_REFUSED;
}

int
sf_cli_copy (int    argc,
             char **argv)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gboolean replace = FALSE;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from, N_("The database to copy: a file, or postgresql://HOST/DATABASE"), N_("SOURCE") },
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &to, N_("The database to copy into: a file (made if it is not there), or postgresql://HOST/DATABASE"), N_("TARGET") },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace, N_("Replace the data a target holds already"), NULL },
    { NULL }
  };
  gint64 rows = 0;
  int status;

  if ((status = sf_cli_parse (entries, argc, argv)) != SF_CLI_OK)
    return status;
  if (from == NULL || to == NULL)
    {
      g_printerr (_("Usage: %s copy --from SOURCE --to TARGET [--replace]\n"), g_get_prgname ());
      return SF_CLI_USAGE;
    }
  if (g_str_equal (from, to))
    {
      g_printerr (_("%s: the source and the target are the same database.\n"), g_get_prgname ());
      return SF_CLI_USAGE;
    }
  if (!sf_store_copy_between (from, to, replace, &rows, &error))
    return sf_cli_refuse (error);

  g_print (g_dngettext (GETTEXT_PACKAGE, "Copied %lld row from %s to %s.\n",
                        "Copied %lld rows from %s to %s.\n", (gulong) rows),
           (long long) rows, from, to);
  return SF_CLI_OK;
}
