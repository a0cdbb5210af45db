/* lic-routes-compliance.c: purchase requests, paying them, keeping a payable user, renewal and
 * the overview of notices.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lic-clock.h"
#include "lic-i18n.h"
#include "lic-routes-private.h"

/* GET /purchase-requests: newest first. */
gboolean
lic_routes_purchase_requests_list (LicRequest  *request,
                                   GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) requests = NULL;
  g_autofree char *after_name = NULL;
  LicRequestFilter filter = { 0, 0, -1 };
  LicPage page;
  LicPurchaseRequest *last;
  gboolean more;

  if (!lic_routes_get_school_id (request, &filter.school_id, error)
      || !lic_routes_get_id (request, "product_id", &filter.product_id, error)
      || !lic_routes_get_enum (request, "state", LIC_TYPE_REQUEST_STATE, &filter.state, error)
      || !lic_routes_get_page (request, "purchase-requests", &page, &after_name, error))
    return FALSE;

  requests = lic_store_list_purchase_requests (lic_request_get_store (request),
                                               lic_request_get_caller (request), &filter,
                                               &page, &more, error);
  if (requests == NULL)
    return FALSE;

  lic_routes_begin_list (builder);
  for (guint i = 0; i < requests->len; i++)
    lic_purchase_request_to_json (g_ptr_array_index (requests, i), builder);
  last = requests->len > 0 ? g_ptr_array_index (requests, requests->len - 1) : NULL;
  lic_routes_end_list (builder, "purchase-requests", more, "",
                       last != NULL ? lic_purchase_request_get_id (last) : 0);
  lic_request_respond (request, 200, builder);
  return TRUE;
}

/* GET /purchase-requests/{id} */
gboolean
lic_routes_purchase_requests_get (LicRequest  *request,
                                  GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(LicPurchaseRequest) purchase_request = NULL;

  purchase_request = lic_store_get_purchase_request (lic_request_get_store (request),
                                                     lic_request_get_caller (request),
                                                     lic_request_get_id (request, 0), error);
  if (purchase_request == NULL)
    return FALSE;
  lic_purchase_request_to_json (purchase_request, builder);
  lic_request_respond (request, 200, builder);
  return TRUE;
}

/* POST /purchase-requests/{id}/order: pays the request. */
gboolean
lic_routes_purchase_requests_pay (LicRequest  *request,
                                  GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GDateTime) now = lic_clock_now ();
  g_autoptr(LicOrder) order = NULL;
  g_autoptr(LicPurchaseRequest) paid = NULL;
  LicPayment payment = { NULL, FALSE, 0, 0 };
  gboolean created;

  if (!lic_routes_get_payment (request, FALSE, &payment, error))
    return FALSE;
  order = lic_store_pay_purchase_request (lic_request_get_store (request),
                                          lic_request_get_caller (request),
                                          lic_request_get_id (request, 0), &payment, now,
                                          &created, &paid, error);
  if (order == NULL)
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "order");
  lic_order_to_json (order, builder);
  json_builder_set_member_name (builder, "purchase_request");
  lic_purchase_request_to_json (paid, builder);
  json_builder_end_object (builder);
  lic_request_respond (request, created ? 201 : 200, builder);
  return TRUE;
}

/* POST /pools/{id}/keep */
gboolean
lic_routes_pools_keep (LicRequest  *request,
                       GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GDateTime) now = lic_clock_now ();
  g_autoptr(LicPool) pool = NULL;
  gint64 user_id = 0, instead_of = 0;

  if (!lic_routes_get_int_member (request, "user_id", TRUE, &user_id, NULL, error)
      || !lic_routes_get_int_member (request, "instead_of", TRUE, &instead_of, NULL, error))
    return FALSE;
  if (user_id < 1 || instead_of < 1)
    {
      /* TRANSLATORS: %s is the name of a member of the JSON body, as the API writes it */
      g_set_error (error, LIC_ERROR, LIC_ERROR_INVALID, _("“%s” must be a user id (a whole "
                   "number from 1 up)."), user_id < 1 ? "user_id" : "instead_of");
      return FALSE;
    }

  pool = lic_store_keep (lic_request_get_store (request), lic_request_get_caller (request),
                         lic_request_get_id (request, 0), user_id, instead_of, now, error);
  if (pool == NULL)
    return FALSE;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "pool");
  lic_pool_to_json (pool, builder);
  json_builder_end_object (builder);
  lic_request_respond (request, 200, builder);
  return TRUE;
}

/* POST /pools/{id}/renewals */
gboolean
lic_routes_pools_renew (LicRequest  *request,
                        GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GDateTime) now = lic_clock_now ();
  g_autoptr(LicOrder) order = NULL;
  g_autoptr(LicPool) pool = NULL;
  LicPayment payment = { NULL, FALSE, 0, 0 };
  gboolean created;

  if (!lic_routes_get_payment (request, TRUE, &payment, error))
    return FALSE;
  order = lic_store_renew (lic_request_get_store (request), lic_request_get_caller (request),
                           lic_request_get_id (request, 0), &payment, now, &created, &pool,
                           error);
  if (order == NULL)
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "order");
  lic_order_to_json (order, builder);
  json_builder_set_member_name (builder, "pool");
  lic_pool_to_json (pool, builder);
  json_builder_end_object (builder);
  lic_request_respond (request, created ? 201 : 200, builder);
  return TRUE;
}

/* GET /notices: every notice in the caller's scope, in one page. */
gboolean
lic_routes_notices_list (LicRequest  *request,
                         GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) notices = NULL;

  notices = lic_store_list_notices (lic_request_get_store (request),
                                    lic_request_get_caller (request), error);
  if (notices == NULL)
    return FALSE;
  lic_routes_begin_list (builder);
  for (guint i = 0; i < notices->len; i++)
    lic_notice_to_json (g_ptr_array_index (notices, i), builder);
  lic_routes_end_list (builder, "notices", FALSE, NULL, 0);
  lic_request_respond (request, 200, builder);
  return TRUE;
}
