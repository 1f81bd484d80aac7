/* sagsfordeling-cli's access commands (see sf-cli-access.h). */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "sf-cli-access.h"
#include "sf-cli-util.h"

int
sf_cli_access_on_file (const char *command)
{
  g_printerr (_("%s: %s: access control belongs to a shared database on a PostgreSQL server "
                "(--database postgresql://HOST/DATABASE). A database file has no sign-ins: "
                "whoever may open the file sees and changes all of it.\n"),
              g_get_prgname (), command);
  return SF_CLI_REFUSED;
}

int
sf_cli_access_grant (SfStore  *store,
                     int       argc,
                     char    **argv)
{
  g_autofree char *login = NULL;
  g_autofree char *role = NULL;
  g_auto(GStrv) teams = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "login", 0, 0, G_OPTION_ARG_STRING, &login, N_("The person's login on the database server"), N_("NAME") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, N_("manager, hr or admin"), N_("ROLE") },
    { "team", 0, 0, G_OPTION_ARG_STRING_ARRAY, &teams, N_("A team the manager manages (again for more)"), N_("NAME") },
    { NULL }
  };
  int status;

  if ((status = sf_cli_parse (entries, argc, argv)) != SF_CLI_OK)
    return status;
  if (login == NULL || role == NULL)
    {
      g_printerr (_("Usage: %s access-grant --login NAME --role manager|hr|admin [--team NAME]…\n"),
                  g_get_prgname ());
      return SF_CLI_USAGE;
    }
  if (!sf_access_grant (store, login, role, (const char * const *) teams, &error))
    return g_error_matches (error, SF_ERROR, SF_ERROR_INVALID_INPUT) ? sf_cli_usage_error (error)
                                                                     : sf_cli_refuse (error);
  if (teams != NULL)
    {
      g_autofree char *names = g_strjoinv (", ", teams);

      g_print (_("%s is now manager of %s.\n"), login, names);
    }
  else
    g_print (_("%s now has the role %s.\n"), login, role);
  return SF_CLI_OK;
}

int
sf_cli_access_revoke (SfStore  *store,
                      int       argc,
                      char    **argv)
{
  g_autofree char *login = NULL;
  g_autofree char *role = NULL;
  g_autofree char *team = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "login", 0, 0, G_OPTION_ARG_STRING, &login, N_("The person's login on the database server"), N_("NAME") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, N_("Only this role: manager, hr or admin"), N_("ROLE") },
    { "team", 0, 0, G_OPTION_ARG_STRING, &team, N_("Only this team (a manager's)"), N_("NAME") },
    { NULL }
  };
  gint64 removed;
  int status;

  if ((status = sf_cli_parse (entries, argc, argv)) != SF_CLI_OK)
    return status;
  if (login == NULL)
    {
      g_printerr (_("Usage: %s access-revoke --login NAME [--role ROLE] [--team NAME]\n"), g_get_prgname ());
      return SF_CLI_USAGE;
    }
  removed = sf_access_revoke (store, login, role, team, &error);
  if (removed < 0)
    return g_error_matches (error, SF_ERROR, SF_ERROR_INVALID_INPUT) ? sf_cli_usage_error (error)
                                                                     : sf_cli_refuse (error);
  if (removed == 0)
    {
      g_printerr (_("%s: %s had no such access; nothing was changed.\n"), g_get_prgname (), login);
      return SF_CLI_REFUSED;
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "Took %lld grant from %s.\n", "Took %lld grants from %s.\n",
                        (gulong) removed),
           (long long) removed, login);
  return SF_CLI_OK;
}

int
sf_cli_access_list (SfStore  *store,
                    int       argc,
                    char    **argv)
{
  g_autofree char *owner = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  gboolean json;
  int status;

  if ((status = sf_cli_parse_text_or_json (argc, argv, &json)) != SF_CLI_OK)
    return status;
  entries = sf_access_list (store, &owner, &error);
  if (entries == NULL)
    return sf_cli_refuse (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      sf_cli_json_add_string (builder, "owner", owner);
      json_builder_set_member_name (builder, "access");
      json_builder_begin_array (builder);
      for (guint i = 0; i < entries->len; i++)
        {
          const SfAccessEntry *entry = g_ptr_array_index (entries, i);

          json_builder_begin_object (builder);
          sf_cli_json_add_string (builder, "login", entry->login);
          sf_cli_json_add_string (builder, "role", entry->role);
          sf_cli_json_add_string (builder, "team", entry->team);
          sf_cli_json_add_string (builder, "granted_at", entry->granted_at);
          sf_cli_json_add_string (builder, "granted_by", entry->granted_by);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      sf_cli_json_print (builder);
      return SF_CLI_OK;
    }

  if (entries->len == 0)
    g_print (_("Nobody has been granted access.\n"));
  else
    g_print ("%-20s %-8s %s\n", _("Login"), _("Role"), _("Team"));
  for (guint i = 0; i < entries->len; i++)
    {
      const SfAccessEntry *entry = g_ptr_array_index (entries, i);

      g_print ("%-20s %-8s %s\n", entry->login, entry->role, entry->team != NULL ? entry->team : "");
    }
  if (owner != NULL)
    g_print (_("The database's owner, %s, may do everything.\n"), owner);
  return SF_CLI_OK;
}
