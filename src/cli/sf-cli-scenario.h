#pragma once

#include "sf-core.h"

G_BEGIN_DECLS

/* `scenario`: a what-if scenario from a JSON file of changes (or a saved
 * one, by name), computed
 * beside today's data without saving anything.  Returns the exit status
 * (0 done, 1 refused, 2 usage). */
int sf_cli_scenario (SfStore  *store,
                     int       argc,
                     char    **argv);

/* Saved scenarios: `scenarios` lists them, `scenario-save` saves a changes
 * file, `scenario-export` writes one back, `scenario-delete` removes one and
 * `scenario-apply` carries one out on the real data. */
int sf_cli_scenarios        (SfStore  *store,
                             int       argc,
                             char    **argv);
int sf_cli_scenario_save    (SfStore  *store,
                             int       argc,
                             char    **argv);
int sf_cli_scenario_export  (SfStore  *store,
                             int       argc,
                             char    **argv);
int sf_cli_scenario_delete  (SfStore  *store,
                             int       argc,
                             char    **argv);
int sf_cli_scenario_apply   (SfStore  *store,
                             int       argc,
                             char    **argv);
/* `scenario-rename OLD NEW` and `scenario-duplicate NAME NEW`. */
int sf_cli_scenario_rename  (SfStore  *store,
                             int       argc,
                             char    **argv);
int sf_cli_scenario_duplicate (SfStore  *store,
                               int       argc,
                               char    **argv);

/* The saved scenario called @name; prints why not. */
SfScenario *sf_cli_scenario_load_saved (SfStore    *store,
                                        const char *name);

G_END_DECLS
