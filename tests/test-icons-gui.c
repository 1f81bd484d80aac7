/* test-icons-gui.c: every icon the app names is there, on any Adwaita.
 *
 * The app names icons in its templates (ui/) and its code (src/gui/).
 * Newer Adwaita themes drop or move icons (emblem-ok-symbolic is gone from
 * Adwaita 48), so beyond a few core ones the app ships the icons it names
 * in its GResource, where GtkApplication points the icon theme.  Run
 * on GTK 4.8 with Adwaita 43 and on GTK 4.18 with Adwaita 48 (CI's Debian
 * 13 stage).
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "sf-application.h"
#include "sf-test-gui.h"
#include "sf-test-util.h"

#define ICONS_PATH "/io/github/sagsfordeling/Sagsfordeling/icons/scalable/actions"

/* GTK's own user interface icons, in every Adwaita: not bundled */
static const char * const core_icons[] = {
  "edit-find-symbolic",
  "edit-undo-symbolic",
  "go-next-symbolic",
  "list-add-symbolic",
  "open-menu-symbolic",
  "user-trash-symbolic",
  "view-more-symbolic",
  NULL
};

static SfApplication *app;

/* Adds every icon name in @path to @names (name → the file naming it) */
static void
scan_file (GHashTable *names,
           const char *path)
{
  static GRegex *symbolic, *property;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GRegex *patterns[2];

  if (symbolic == NULL)
    {
      /* A symbolic icon's name, in a string or an element */
      symbolic = g_regex_new ("(?<![A-Za-z0-9_.-])[a-z][a-z0-9-]*-symbolic(?![A-Za-z0-9_-])", 0, 0, NULL);
      /* Any other icon named in a template */
      property = g_regex_new ("<property name=\"icon-name\">([^<]+)</property>", 0, 0, NULL);
    }
  patterns[0] = symbolic;
  patterns[1] = property;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  for (guint p = 0; p < G_N_ELEMENTS (patterns); p++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      for (g_regex_match (patterns[p], contents, 0, &match); g_match_info_matches (match);
           g_match_info_next (match, NULL))
        {
          char *name = g_match_info_fetch (match, p == 0 ? 0 : 1);

          if (!g_hash_table_contains (names, name))
            g_hash_table_insert (names, name, g_path_get_basename (path));
          else
            g_free (name);
        }
    }
}

static void
scan_dir (GHashTable *names,
          const char *dir,
          const char *suffix)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = g_dir_open (dir, 0, &error);
  const char *entry;

  g_assert_no_error (error);
  while ((entry = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, entry, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        scan_dir (names, path, suffix);
      else if (g_str_has_suffix (entry, suffix))
        scan_file (names, path);
    }
}

/* Every icon name in ui/ and src/gui/, with the file that names it */
static GHashTable *
icon_names (void)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *ui = g_test_build_filename (G_TEST_DIST, "..", "ui", NULL);
  g_autofree char *gui = g_test_build_filename (G_TEST_DIST, "..", "src", "gui", NULL);

  scan_dir (names, ui, ".ui");
  scan_dir (names, gui, ".c");
  return names;
}

/* Every name resolves in the display's icon theme, as the application
 * sets it up: the theme's own icons and those the app bundles */
static void
test_every_icon_found (void)
{
  g_autoptr(GHashTable) names = icon_names ();
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  GHashTableIter iter;
  const char *name, *file;
  guint missing = 0;

  /* The scan finds what the app names */
  g_assert_true (g_hash_table_contains (names, "emblem-ok-symbolic"));
  g_assert_true (g_hash_table_contains (names, "system-users-symbolic"));
  g_assert_true (g_hash_table_contains (names, "open-menu-symbolic"));
  g_assert_true (g_hash_table_contains (names, APPLICATION_ID));
  g_assert_cmpuint (g_hash_table_size (names), >, 20);

  g_test_message ("icon theme %s", gtk_icon_theme_get_theme_name (theme));
  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, (gpointer *) &file))
    if (!gtk_icon_theme_has_icon (theme, name))
      {
        g_test_message ("%s (named in %s) is not in the icon theme", name, file);
        missing++;
      }
  g_assert_cmpuint (missing, ==, 0);
}

/* Beyond the core icons, every symbolic icon the app names is bundled,
 * and nothing else is */
static void
test_icons_bundled (void)
{
  g_autoptr(GHashTable) names = icon_names ();
  g_auto(GStrv) bundled = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  const char *name, *file;
  guint missing = 0;

  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, (gpointer *) &file))
    {
      g_autofree char *path = g_strdup_printf (ICONS_PATH "/%s.svg", name);

      if (!g_str_has_suffix (name, "-symbolic") || g_strv_contains (core_icons, name))
        continue;
      if (!g_resources_get_info (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL))
        {
          g_test_message ("%s (named in %s) is not bundled: add it to data/icons/symbolic/ "
                          "and ui/sf.gresource.xml", name, file);
          missing++;
        }
    }
  g_assert_cmpuint (missing, ==, 0);

  bundled = g_resources_enumerate_children (ICONS_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  for (guint i = 0; bundled[i] != NULL; i++)
    {
      g_autofree char *icon = g_strndup (bundled[i], strlen (bundled[i]) - strlen (".svg"));

      g_assert_true (g_str_has_suffix (bundled[i], ".svg"));
      if (!g_hash_table_contains (names, icon))
        g_error ("%s is bundled but not named in ui/ or src/gui/", bundled[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  sf_test_gui_init (&argc, &argv);

  /* Its start-up points the icon theme at the bundled icons */
  app = sf_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/gui/icons/every-icon-found", test_every_icon_found);
  g_test_add_func ("/gui/icons/bundled", test_icons_bundled);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
