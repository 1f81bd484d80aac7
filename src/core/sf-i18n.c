#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "sf-i18n.h"

void
sf_i18n_init (void)
{
  const char *localedir = g_getenv ("SF_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
