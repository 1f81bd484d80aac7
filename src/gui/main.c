/* main.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sf-application.h"
#include "sf-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SfApplication) app = NULL;

  sf_i18n_init ();
  app = sf_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
