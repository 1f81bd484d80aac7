/* sf-scenario-change-dialog.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sf-core.h"
#include "sf-planning-data.h"

G_BEGIN_DECLS

/* Called with the change the dialog made (the callee owns it). */
typedef void (*SfScenarioChangeFunc) (SfScenarioChange *change,
                                      gpointer          user_data);

/* A dialog that adds or edits one change of a what-if scenario, of the
 * kind @op, with pickers for the caseworkers, teams and complexities of
 * @data's data set (it keeps a reference to @data), spin buttons and date
 * buttons.  Every
 * value is checked as a changes file is checked (sf_scenario_parse()), and
 * what is wrong is said under the fields; Save stays off until it is right.
 * @existing (or NULL) fills the fields.  Presented on @parent's window. */
AdwMessageDialog *sf_scenario_change_dialog_new (GtkWidget              *parent,
                                                 SfPlanningData         *data,
                                                 SfScenarioOp            op,
                                                 const SfScenarioChange *existing,
                                                 SfScenarioChangeFunc    func,
                                                 gpointer                user_data,
                                                 GDestroyNotify          destroy);

/* For tests: the change the fields make now (NULL while they make none),
 * what the dialog says is wrong ("" when nothing), and the main number
 * field (hours, factor, norm, weight or count). */
SfScenarioChange *sf_scenario_change_dialog_get_change  (AdwMessageDialog *dialog);
const char       *sf_scenario_change_dialog_get_problem (AdwMessageDialog *dialog);
void              sf_scenario_change_dialog_set_value   (AdwMessageDialog *dialog,
                                                         double            value);
/* The label of a kind of change, for the Add Change menu: "Move to Another Team". */
const char       *sf_scenario_op_to_label               (SfScenarioOp      op);

G_END_DECLS
