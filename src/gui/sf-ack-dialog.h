/* sf-ack-dialog.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sf-core.h"

G_BEGIN_DECLS

#define SF_TYPE_ACK_DIALOG (sf_ack_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SfAckDialog, sf_ack_dialog, SF, ACK_DIALOG, AdwMessageDialog)

SfAckDialog   *sf_ack_dialog_new               (GtkWindow     *parent,
                                                SfStore       *store,
                                                const SfAlert *alert,
                                                SfDay          today);
const SfAlert *sf_ack_dialog_get_alert         (SfAckDialog   *self);
GtkEditable   *sf_ack_dialog_get_note          (SfAckDialog   *self);
GtkEditable   *sf_ack_dialog_get_expires       (SfAckDialog   *self);
GtkCalendar   *sf_ack_dialog_get_calendar      (SfAckDialog   *self);
const char    *sf_ack_dialog_get_problem       (SfAckDialog   *self);

G_END_DECLS
