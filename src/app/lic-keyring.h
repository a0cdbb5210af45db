/* lic-keyring.h: the session token of each server, kept in the user's keyring (libsecret).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void   lic_keyring_store_token        (const char          *server_url,
                                       const char          *username,
                                       const char          *token);
void   lic_keyring_lookup_token_async (const char          *server_url,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
char  *lic_keyring_lookup_token_finish (GAsyncResult       *result,
                                       GError            **error);
void   lic_keyring_clear_token        (const char          *server_url);

G_END_DECLS
