/* sf-connect-dialog.h: Connect to Shared Database…
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sf-server-choice.h"

G_BEGIN_DECLS

#define SF_TYPE_CONNECT_DIALOG (sf_connect_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SfConnectDialog, sf_connect_dialog, SF, CONNECT_DIALOG, AdwWindow)

/* Asks for a server's host, port, database, user, encryption and password
 * (@params filled in: the last server), connects in a worker thread and
 * emits SfConnectDialog::connected with the open store. */
SfConnectDialog *sf_connect_dialog_new          (GtkWindow            *parent,
                                                 const SfServerParams *params);
/* For tests: fill in and connect as a user would */
void             sf_connect_dialog_fill         (SfConnectDialog      *self,
                                                 const SfServerParams *params,
                                                 const char           *password);
void             sf_connect_dialog_connect      (SfConnectDialog      *self);
gboolean         sf_connect_dialog_is_busy      (SfConnectDialog      *self);
/* The heading of the problem shown, or NULL */
const char      *sf_connect_dialog_get_error    (SfConnectDialog      *self);

G_END_DECLS
