/* lic-client.h: the app's connection to licentia-server.
 *
 * One LicClient per server address. Every call is asynchronous (libsoup 3 on the thread-default
 * main context), cancellable, and fails only with LIC_ERROR: the HTTP status and the server's
 * {"error": {"code", "message"}} are mapped in one place, so callers show error->message.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lic-core.h"

G_BEGIN_DECLS

#define LIC_TYPE_CLIENT (lic_client_get_type ())

G_DECLARE_FINAL_TYPE (LicClient, lic_client, LIC, CLIENT, GObject)

LicClient       *lic_client_new                  (const char           *base_url);
const char      *lic_client_get_base_url         (LicClient            *self);
gboolean         lic_client_get_signed_in        (LicClient            *self);
LicUser         *lic_client_get_user             (LicClient            *self);
LicOrganization *lic_client_get_organization     (LicClient            *self);
LicAdminScope    lic_client_get_admin_scope      (LicClient            *self);

void             lic_client_sign_in_async        (LicClient            *self,
                                                  const char           *username,
                                                  const char           *password,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean         lic_client_sign_in_finish       (LicClient            *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
void             lic_client_sign_out_async       (LicClient            *self,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean         lic_client_sign_out_finish      (LicClient            *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

void             lic_client_list_schools_async   (LicClient            *self,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GListModel      *lic_client_list_schools_finish  (LicClient            *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

void             lic_client_list_products_async  (LicClient            *self,
                                                  const char           *query,
                                                  const char           *cursor,
                                                  guint                 limit,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GListModel      *lic_client_list_products_finish (LicClient            *self,
                                                  GAsyncResult         *result,
                                                  char                **next_cursor,
                                                  GError              **error);
void             lic_client_get_product_async    (LicClient            *self,
                                                  gint64                product_id,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
LicProduct      *lic_client_get_product_finish   (LicClient            *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

void             lic_client_list_users_async     (LicClient            *self,
                                                  const char           *query,
                                                  const char           *cursor,
                                                  guint                 limit,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GListModel      *lic_client_list_users_finish    (LicClient            *self,
                                                  GAsyncResult         *result,
                                                  char                **next_cursor,
                                                  GError              **error);

void             lic_client_list_pools_async     (LicClient            *self,
                                                  const char           *cursor,
                                                  guint                 limit,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GListModel      *lic_client_list_pools_finish    (LicClient            *self,
                                                  GAsyncResult         *result,
                                                  char                **next_cursor,
                                                  GError              **error);

G_END_DECLS
