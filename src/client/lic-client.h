/* lic-client.h: the app's connection to licentia-server.
 *
 * One LicClient per server address. Every call is asynchronous (libsoup 3 on the thread-default
 * main context), cancellable, and fails only with LIC_ERROR: the HTTP status and the server's
 * {"error": {"code", "message"}} are mapped in one place, so callers show error->message.
 * The one exception is cancellation, which fails with G_IO_ERROR_CANCELLED unchanged.
 *
 * Error codes: LIC_ERROR_NETWORK when the server cannot be reached (the message names the
 * address), LIC_ERROR_PARSE when a 2xx answer is not the JSON the API promises, else the code
 * of the HTTP status (lic_error_from_http_status()) with the server's message.
 *
 * A 401 answer to a call made with the current token signs the client out: the token, user and
 * organization are dropped and "signed-in" turns FALSE, so the app can ask for sign-in again.
 *
 * Lists: @limit 0 asks for the server's default page size; the _finish functions return a
 * GListModel of the core type and set @next_cursor to the cursor of the next page, or NULL on
 * the last one. A NULL @query, and its NULL or empty members, are left out.
 *
 * The cart: every call that changes it (a line added, changed or removed, a checkout) emits
 * "cart-changed" once it has succeeded, so every view showing the cart or its count reloads.
 *
 * Live events: lic_client_start_events() opens GET /events (Server-Sent Events) and emits
 * "notification" for each notification as it arrives. The stream reconnects by itself, with a
 * growing delay and Last-Event-ID (so nothing is missed), until lic_client_stop_events(), a
 * sign-out or the client's end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lic-core.h"
#include "lic-cart.h"
#include "lic-cart-line.h"
#include "lic-client-enums.h"
#include "lic-client-enum-types.h"
#include "lic-group.h"
#include "lic-notification.h"
#include "lic-order.h"
#include "lic-order-line.h"
#include "lic-product-query.h"
#include "lic-product-school.h"
#include "lic-supplier.h"
#include "lic-user-license.h"
#include "lic-user-query.h"

G_BEGIN_DECLS

#define LIC_TYPE_CLIENT (lic_client_get_type ())

G_DECLARE_FINAL_TYPE (LicClient, lic_client, LIC, CLIENT, GObject)

LicClient       *lic_client_new                  (const char           *base_url);
const char      *lic_client_get_base_url         (LicClient            *self);
gboolean         lic_client_get_signed_in        (LicClient            *self);
LicUser         *lic_client_get_user             (LicClient            *self);
LicOrganization *lic_client_get_organization     (LicClient            *self);
LicAdminScope    lic_client_get_admin_scope      (LicClient            *self);

/* Added: the schools a school admin may act on (every school of the organization for an
 * organization admin), as in the sign-in answer; NULL with *n_school_ids 0 when signed out. */
const gint64    *lic_client_get_school_ids       (LicClient            *self,
                                                  gsize                *n_school_ids);
/* Added: the bearer token of the session (for the keyring), NULL when signed out. */
const char      *lic_client_get_token            (LicClient            *self);
/* Added: the form of a server address LicClient uses, or NULL with LIC_ERROR_INVALID. Lets a
 * sign-in form check what was typed; lic_client_new() applies it to its @base_url. */
char            *lic_client_normalize_url        (const char           *address,
                                                  GError              **error);

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
/* Added: signs in with a token kept from an earlier session (GET /session); fails with
 * LIC_ERROR_UNAUTHORIZED once it has expired or was signed out. */
void             lic_client_resume_session_async (LicClient            *self,
                                                  const char           *token,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean         lic_client_resume_session_finish (LicClient           *self,
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
                                                  const LicProductQuery *query,
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
                                                  GListModel          **schools,
                                                  GError              **error);

/* Added: the items of GET /users with a list carry, for each pool the user is on the list of,
 * the date the user loses access (Payable; NULL when no request would take it) or lost it
 * (No access): see lic_user_get_list_entries(). */
typedef struct
{
  gint64 pool_id;
  gint64 product_id;
  char *product_name;
  gint64 school_id;
  char *date;                   /* "loses_access_on" or "since", as the server sends it */
} LicUserListEntry;

#define LIC_TYPE_USER_LIST_ENTRY (lic_user_list_entry_get_type ())

GType             lic_user_list_entry_get_type (void) G_GNUC_CONST;
LicUserListEntry *lic_user_list_entry_copy     (const LicUserListEntry *self);
void              lic_user_list_entry_free     (LicUserListEntry       *self);
GPtrArray        *lic_user_get_list_entries    (LicUser                *user);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LicUserListEntry, lic_user_list_entry_free)

void             lic_client_list_users_async     (LicClient            *self,
                                                  const LicUserQuery   *query,
                                                  const char           *cursor,
                                                  guint                 limit,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GListModel      *lic_client_list_users_finish    (LicClient            *self,
                                                  GAsyncResult         *result,
                                                  char                **next_cursor,
                                                  GError              **error);
/* Added: one user with their licenses (GET /users/{id}), a list model of LicUserLicense. */
void             lic_client_get_user_async       (LicClient            *self,
                                                  gint64                user_id,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
LicUser         *lic_client_get_user_finish      (LicClient            *self,
                                                  GAsyncResult         *result,
                                                  GListModel          **licenses,
                                                  GError              **error);

/* Added: CSV. The export is every user @query finds (GET /users.csv), UTF-8 with a header row.
 * The import (POST /users/import) is all rows or none: when any row has an error it fails with
 * LIC_ERROR_INVALID and @row_errors holds them, each a line number of the file and the reason. */
typedef struct
{
  gint64 line;                  /* in the file; the header is line 1 */
  char *message;                /* the server's reason, in English */
} LicImportRowError;

#define LIC_TYPE_IMPORT_ROW_ERROR (lic_import_row_error_get_type ())

GType              lic_import_row_error_get_type (void) G_GNUC_CONST;
LicImportRowError *lic_import_row_error_new      (gint64                   line,
                                                  const char              *message);
LicImportRowError *lic_import_row_error_copy     (const LicImportRowError *self);
void               lic_import_row_error_free     (LicImportRowError       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LicImportRowError, lic_import_row_error_free)

void             lic_client_export_users_async   (LicClient            *self,
                                                  const LicUserQuery   *query,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GBytes          *lic_client_export_users_finish  (LicClient            *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
void             lic_client_import_users_async   (LicClient            *self,
                                                  GBytes               *csv,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean         lic_client_import_users_finish  (LicClient            *self,
                                                  GAsyncResult         *result,
                                                  gint64               *created,
                                                  gint64               *updated,
                                                  gint64               *unchanged,
                                                  GPtrArray           **row_errors,
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

/* Added: every pool of a school (of every school of the caller when @school_id is 0),
 * following the cursors: what a school's users can be given licenses of. */
void             lic_client_list_all_pools_async (LicClient            *self,
                                                  gint64                school_id,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GListModel      *lic_client_list_all_pools_finish (LicClient           *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

/* Every user the query finds, following the cursors (for the members of a group). */
void             lic_client_list_all_users_async (LicClient            *self,
                                                  const LicUserQuery   *query,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GListModel      *lic_client_list_all_users_finish (LicClient           *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

void             lic_client_list_suppliers_async (LicClient            *self,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GListModel      *lic_client_list_suppliers_finish (LicClient           *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

/* Every group of the school (every school of the caller when @school_id is 0). */
void             lic_client_list_groups_async    (LicClient            *self,
                                                  gint64                school_id,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GListModel      *lic_client_list_groups_finish   (LicClient            *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

void             lic_client_get_cart_async       (LicClient            *self,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
LicCart         *lic_client_get_cart_finish      (LicClient            *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
void             lic_client_add_cart_line_async  (LicClient            *self,
                                                  gint64                product_id,
                                                  gint64                school_id,
                                                  gint64                quantity,
                                                  GArray               *user_ids,
                                                  GArray               *group_ids,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
LicCartLine     *lic_client_add_cart_line_finish (LicClient            *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
void             lic_client_update_cart_line_async (LicClient          *self,
                                                  gint64                line_id,
                                                  gint64                quantity,
                                                  GArray               *user_ids,
                                                  GArray               *group_ids,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
LicCartLine     *lic_client_update_cart_line_finish (LicClient         *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
void             lic_client_remove_cart_line_async (LicClient          *self,
                                                  gint64                line_id,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean         lic_client_remove_cart_line_finish (LicClient         *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

void             lic_client_checkout_async       (LicClient            *self,
                                                  const char           *idempotency_key,
                                                  gint64                expected_total,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
LicOrder        *lic_client_checkout_finish      (LicClient            *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

void             lic_client_list_orders_async    (LicClient            *self,
                                                  const char           *cursor,
                                                  guint                 limit,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GListModel      *lic_client_list_orders_finish   (LicClient            *self,
                                                  GAsyncResult         *result,
                                                  char                **next_cursor,
                                                  GError              **error);
void             lic_client_get_order_async      (LicClient            *self,
                                                  gint64                order_id,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
LicOrder        *lic_client_get_order_finish     (LicClient            *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

void             lic_client_activate_async       (LicClient            *self,
                                                  const char           *code,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
LicOrder        *lic_client_activate_finish      (LicClient            *self,
                                                  GAsyncResult         *result,
                                                  gint64               *pool_id,
                                                  GError              **error);

/* Added: assigns licenses of a pool to users, the members of groups and, with a non-NULL
 * @role, every user of that role at the pool's school; unassigns users. Both return the pool as
 * it is afterwards. Over capacity fails with LIC_ERROR_CONFLICT (the server's numbers). */
void             lic_client_assign_async         (LicClient            *self,
                                                  gint64                pool_id,
                                                  const gint64         *user_ids,
                                                  gsize                 n_user_ids,
                                                  const gint64         *group_ids,
                                                  gsize                 n_group_ids,
                                                  const char           *role,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
LicPool         *lic_client_assign_finish        (LicClient            *self,
                                                  GAsyncResult         *result,
                                                  gint64               *assigned,
                                                  gint64               *already_assigned,
                                                  GError              **error);
void             lic_client_unassign_async       (LicClient            *self,
                                                  gint64                pool_id,
                                                  const gint64         *user_ids,
                                                  gsize                 n_user_ids,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
LicPool         *lic_client_unassign_finish      (LicClient            *self,
                                                  GAsyncResult         *result,
                                                  gint64               *unassigned,
                                                  GError              **error);

/* Added: links groups (classes) to a pool for auto-assignment and unlinks them; both return the
 * pool as it is afterwards. Linking gives the members without a license the free ones at once
 * (@assigned); unlinking changes no assignment. */
void             lic_client_link_groups_async    (LicClient            *self,
                                                  gint64                pool_id,
                                                  const gint64         *group_ids,
                                                  gsize                 n_group_ids,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
LicPool         *lic_client_link_groups_finish   (LicClient            *self,
                                                  GAsyncResult         *result,
                                                  gint64               *linked,
                                                  gint64               *assigned,
                                                  GError              **error);
void             lic_client_unlink_groups_async  (LicClient            *self,
                                                  gint64                pool_id,
                                                  const gint64         *group_ids,
                                                  gsize                 n_group_ids,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
LicPool         *lic_client_unlink_groups_finish (LicClient            *self,
                                                  GAsyncResult         *result,
                                                  gint64               *unlinked,
                                                  GError              **error);

void             lic_client_list_notifications_async (LicClient        *self,
                                                  const char           *cursor,
                                                  guint                 limit,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GListModel      *lic_client_list_notifications_finish (LicClient       *self,
                                                  GAsyncResult         *result,
                                                  char                **next_cursor,
                                                  GError              **error);
void             lic_client_mark_notifications_read_async (LicClient   *self,
                                                  const gint64         *ids,
                                                  gsize                 n_ids,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean         lic_client_mark_notifications_read_finish (LicClient  *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

/* Purchase requests and compliance */

void             lic_client_request_purchase_async (LicClient          *self,
                                                  const char           *idempotency_key,
                                                  gint64                expected_total,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
LicOrder        *lic_client_request_purchase_finish (LicClient         *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
void             lic_client_list_purchase_requests_async (LicClient    *self,
                                                  const char           *state,
                                                  const char           *cursor,
                                                  guint                 limit,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GListModel      *lic_client_list_purchase_requests_finish (LicClient   *self,
                                                  GAsyncResult         *result,
                                                  char                **next_cursor,
                                                  GError              **error);
void             lic_client_get_purchase_request_async (LicClient      *self,
                                                  gint64                request_id,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
LicPurchaseRequest *lic_client_get_purchase_request_finish (LicClient  *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
void             lic_client_pay_purchase_request_async (LicClient      *self,
                                                  gint64                request_id,
                                                  const char           *idempotency_key,
                                                  gint64                expected_total,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
LicPurchaseRequest *lic_client_pay_purchase_request_finish (LicClient  *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
void             lic_client_keep_async           (LicClient            *self,
                                                  gint64                pool_id,
                                                  gint64                user_id,
                                                  gint64                instead_of,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
LicPool         *lic_client_keep_finish          (LicClient            *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
void             lic_client_renew_async          (LicClient            *self,
                                                  gint64                pool_id,
                                                  gint64                quantity,
                                                  const char           *idempotency_key,
                                                  gint64                expected_total,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
LicPool         *lic_client_renew_finish         (LicClient            *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
void             lic_client_list_notices_async   (LicClient            *self,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GListModel      *lic_client_list_notices_finish  (LicClient            *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

void             lic_client_start_events         (LicClient            *self);
void             lic_client_stop_events          (LicClient            *self);
gboolean         lic_client_get_events_connected (LicClient            *self);

G_END_DECLS
