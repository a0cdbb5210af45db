/* lic-activation-window.h: moves licenses into a pool with the code of an activation e-mail.
 *
 * The code is pasted, or comes from a licentia://activate?code=… link. A refused code leaves
 * the window open with the server's reason under the code, which stays as typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lic-client.h"

G_BEGIN_DECLS

#define LIC_TYPE_ACTIVATION_WINDOW (lic_activation_window_get_type ())

G_DECLARE_FINAL_TYPE (LicActivationWindow, lic_activation_window, LIC, ACTIVATION_WINDOW,
                      AdwWindow)

LicActivationWindow *lic_activation_window_new      (GtkWindow           *parent,
                                                     LicClient           *client);
void                 lic_activation_window_set_code (LicActivationWindow *self,
                                                     const char          *code);
void                 lic_activation_window_activate (LicActivationWindow *self);

G_END_DECLS
