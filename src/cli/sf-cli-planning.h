#pragma once

#include "sf-core.h"

G_BEGIN_DECLS

/* The workforce-planning commands of sagsfordeling-cli: planned hires, the
 * trend and the forecast.  Each returns the exit status (0 done, 1
 * refused, 2 usage). */
int sf_cli_plan_hire        (SfStore  *store,
                             int       argc,
                             char    **argv);
int sf_cli_plan_hires       (SfStore  *store,
                             int       argc,
                             char    **argv);
int sf_cli_plan_hire_remove (SfStore  *store,
                             int       argc,
                             char    **argv);
int sf_cli_trend            (SfStore  *store,
                             int       argc,
                             char    **argv);
int sf_cli_forecast         (SfStore  *store,
                             int       argc,
                             char    **argv);

G_END_DECLS
