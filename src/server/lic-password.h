/* lic-password.h: password hashes, session tokens and activation codes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *lic_password_hash   (const char  *password,
                               GError     **error);
gboolean  lic_password_verify (const char  *encoded,
                               const char  *password);

char     *lic_token_new       (GError     **error);
char     *lic_token_hash      (const char  *token);

char     *lic_activation_code_new  (GError     **error);
char     *lic_activation_code_hash (const char  *code);

G_END_DECLS
