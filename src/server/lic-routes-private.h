/* lic-routes-private.h: the handlers, and what they share for reading queries and writing
 * lists.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lic-request.h"

G_BEGIN_DECLS

/* The lic_*_to_json() of a core type. */
typedef void (*LicToJsonFunc) (gpointer     item,
                               JsonBuilder *builder);

gboolean  lic_routes_get_search     (LicRequest     *request,
                                     const char    **out,
                                     GError        **error);
gboolean  lic_routes_get_id         (LicRequest     *request,
                                     const char     *name,
                                     gint64         *out,
                                     GError        **error);
gboolean  lic_routes_get_school_id  (LicRequest     *request,
                                     gint64         *out,
                                     GError        **error);
gboolean  lic_routes_get_enum       (LicRequest     *request,
                                     const char     *name,
                                     GType           enum_type,
                                     int            *out,
                                     GError        **error);
gboolean  lic_routes_get_page       (LicRequest     *request,
                                     const char     *kind,
                                     LicPage        *page,
                                     char          **after_name,
                                     GError        **error);
gboolean  lic_routes_get_keyed_page (LicRequest     *request,
                                     const char     *kind,
                                     LicPage        *page,
                                     char          **after_name,
                                     GError        **error);
gboolean  lic_routes_get_member     (LicRequest     *request,
                                     const char     *member,
                                     const char    **out,
                                     GError        **error);
gboolean  lic_routes_get_int_member (LicRequest     *request,
                                     const char     *member,
                                     gboolean        required,
                                     gint64         *out,
                                     gboolean       *given,
                                     GError        **error);
gboolean  lic_routes_get_ids_member (LicRequest     *request,
                                     const char     *member,
                                     gboolean        required,
                                     GArray        **out,
                                     GError        **error);

JsonNode *lic_routes_to_node        (gpointer        item,
                                     LicToJsonFunc   to_json);
void      lic_routes_begin_list     (JsonBuilder    *builder);
void      lic_routes_end_list       (JsonBuilder    *builder,
                                     const char     *kind,
                                     gboolean        more,
                                     const char     *last_name,
                                     gint64          last_id);
void      lic_routes_end_keyed_list (JsonBuilder    *builder,
                                     const char     *kind,
                                     gboolean        more,
                                     gint64          last_key,
                                     const char     *last_name,
                                     gint64          last_id);
void      lic_routes_respond_order  (LicRequest     *request,
                                     guint           status,
                                     const LicOrder *order,
                                     gint64          pool_id);

gboolean  lic_routes_session_create (LicRequest *request, GError **error);
gboolean  lic_routes_session_get    (LicRequest *request, GError **error);
gboolean  lic_routes_session_delete (LicRequest *request, GError **error);
gboolean  lic_routes_schools_list   (LicRequest *request, GError **error);
gboolean  lic_routes_products_list  (LicRequest *request, GError **error);
gboolean  lic_routes_products_get   (LicRequest *request, GError **error);
gboolean  lic_routes_users_list     (LicRequest *request, GError **error);
gboolean  lic_routes_users_get      (LicRequest *request, GError **error);
gboolean  lic_routes_users_csv      (LicRequest *request, GError **error);
gboolean  lic_routes_users_import   (LicRequest *request, GError **error);
gboolean  lic_routes_groups_list    (LicRequest *request, GError **error);
gboolean  lic_routes_pools_list     (LicRequest *request, GError **error);
gboolean  lic_routes_pools_get      (LicRequest *request, GError **error);
gboolean  lic_routes_pools_assign   (LicRequest *request, GError **error);
gboolean  lic_routes_pools_unassign (LicRequest *request, GError **error);
gboolean  lic_routes_pools_link (LicRequest *request, GError **error);
gboolean  lic_routes_pools_unlink (LicRequest *request, GError **error);
gboolean  lic_routes_suppliers_list (LicRequest *request, GError **error);
gboolean  lic_routes_cart_get       (LicRequest *request, GError **error);
gboolean  lic_routes_cart_add_line  (LicRequest *request, GError **error);
gboolean  lic_routes_cart_change_line (LicRequest *request, GError **error);
gboolean  lic_routes_cart_remove_line (LicRequest *request, GError **error);
gboolean  lic_routes_checkout       (LicRequest *request, GError **error);
gboolean  lic_routes_orders_list    (LicRequest *request, GError **error);
gboolean  lic_routes_orders_get     (LicRequest *request, GError **error);
gboolean  lic_routes_activate       (LicRequest *request, GError **error);
gboolean  lic_routes_supplier_deliver (LicRequest *request, GError **error);
gboolean  lic_routes_supplier_reissue (LicRequest *request, GError **error);
gboolean  lic_routes_notifications_list (LicRequest *request, GError **error);
gboolean  lic_routes_notifications_read (LicRequest *request, GError **error);
gboolean  lic_routes_events         (LicRequest *request, GError **error);

/* The `list` parameter of GET /users and GET /users.csv: a LicUserList. */
gboolean  lic_routes_get_user_list  (LicRequest  *request,
                                     int         *out,
                                     GError     **error);
JsonArray *lic_routes_user_pools_array (GPtrArray *user_pools,
                                     int         list,
                                     gint64      user_id);
gboolean  lic_routes_get_payment    (LicRequest  *request,
                                     gboolean     need_quantity,
                                     LicPayment  *payment,
                                     GError     **error);

gboolean  lic_routes_purchase_requests_list (LicRequest *request, GError **error);
gboolean  lic_routes_purchase_requests_get (LicRequest *request, GError **error);
gboolean  lic_routes_purchase_requests_pay (LicRequest *request, GError **error);
gboolean  lic_routes_pools_keep     (LicRequest *request, GError **error);
gboolean  lic_routes_pools_renew    (LicRequest *request, GError **error);
gboolean  lic_routes_notices_list   (LicRequest *request, GError **error);

G_END_DECLS
