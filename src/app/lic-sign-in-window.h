/* lic-sign-in-window.h: asks for the server address, username and password.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LIC_TYPE_SIGN_IN_WINDOW (lic_sign_in_window_get_type ())

G_DECLARE_FINAL_TYPE (LicSignInWindow, lic_sign_in_window, LIC, SIGN_IN_WINDOW,
                      AdwApplicationWindow)

LicSignInWindow *lic_sign_in_window_new                (GtkApplication  *application);
void             lic_sign_in_window_set_server_address (LicSignInWindow *self,
                                                        const char      *server_address);
void             lic_sign_in_window_set_username       (LicSignInWindow *self,
                                                        const char      *username);
void             lic_sign_in_window_resume_session     (LicSignInWindow *self);
void             lic_sign_in_window_show_message       (LicSignInWindow *self,
                                                        const char      *message);
void             lic_sign_in_window_show_error         (LicSignInWindow *self,
                                                        const GError    *error);

G_END_DECLS
