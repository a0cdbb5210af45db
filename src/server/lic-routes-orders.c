/* lic-routes-orders.c: checkout, orders, and activation codes entered by admins.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lic-clock.h"
#include "lic-password.h"
#include "lic-i18n.h"
#include "lic-routes-private.h"

#define MIN_KEY_CHARS 8
#define MAX_KEY_CHARS 200

/* An idempotency key is made once for each attempt: 8 to 200 characters. */
static gboolean
check_key (const char  *key,
           GError     **error)
{
  glong key_chars = g_utf8_strlen (key, -1);

  if (key_chars >= MIN_KEY_CHARS && key_chars <= MAX_KEY_CHARS)
    return TRUE;
  g_set_error (error, LIC_ERROR, LIC_ERROR_INVALID,
               _("“idempotency_key” must be text of %d to %d characters, made once for each "
                 "checkout attempt."), MIN_KEY_CHARS, MAX_KEY_CHARS);
  return FALSE;
}

/**
 * lic_routes_get_payment:
 * @need_quantity: whether the body must name a `quantity` (renewals)
 *
 * Reads `idempotency_key`, `expected_total` and, for renewals, `quantity` (1 to 100000).
 */
gboolean
lic_routes_get_payment (LicRequest  *request,
                        gboolean     need_quantity,
                        LicPayment  *payment,
                        GError     **error)
{
  if (!lic_routes_get_member (request, "idempotency_key", &payment->idempotency_key, error)
      || !check_key (payment->idempotency_key, error)
      || !lic_routes_get_int_member (request, "expected_total", FALSE, &payment->expected_total,
                                     &payment->has_expected_total, error))
    return FALSE;
  if (!need_quantity)
    return TRUE;
  if (!lic_routes_get_int_member (request, "quantity", TRUE, &payment->quantity, NULL, error))
    return FALSE;
  if (payment->quantity < 1 || payment->quantity > LIC_CART_MAX_QUANTITY)
    {
      g_set_error (error, LIC_ERROR, LIC_ERROR_INVALID,
                   _("“quantity” must be a whole number from 1 to %d."), LIC_CART_MAX_QUANTITY);
      return FALSE;
    }
  return TRUE;
}

/* POST /checkout */
gboolean
lic_routes_checkout (LicRequest  *request,
                     GError     **error)
{
  g_autoptr(GDateTime) now = lic_clock_now ();
  g_autoptr(LicOrder) order = NULL;
  LicCheckout checkout = { NULL, NULL, FALSE, 0 };
  gboolean created;

  if (!lic_routes_get_member (request, "payment", &checkout.payment, error)
      || !lic_routes_get_member (request, "idempotency_key", &checkout.idempotency_key, error)
      || !lic_routes_get_int_member (request, "expected_total", FALSE, &checkout.expected_total,
                                     &checkout.has_expected_total, error))
    return FALSE;
  if (!g_str_equal (checkout.payment, "order")
      && !g_str_equal (checkout.payment, "purchase_request"))
    {
      g_set_error_literal (error, LIC_ERROR, LIC_ERROR_INVALID,
                           _("“payment” must be “order” or “purchase_request”."));
      return FALSE;
    }
  if (!check_key (checkout.idempotency_key, error))
    return FALSE;

  order = lic_store_checkout (lic_request_get_store (request), lic_request_get_caller (request),
                              &checkout, now, &created, error);
  if (order == NULL)
    return FALSE;
  lic_routes_respond_order (request, created ? 201 : 200, order, 0);
  return TRUE;
}

/* GET /orders: newest first. */
gboolean
lic_routes_orders_list (LicRequest  *request,
                        GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) orders = NULL;
  g_autofree char *after_name = NULL;
  LicPage page;
  LicOrder *last;
  gboolean more;

  if (!lic_routes_get_page (request, "orders", &page, &after_name, error))
    return FALSE;
  orders = lic_store_list_orders (lic_request_get_store (request),
                                  lic_request_get_caller (request), &page, &more, error);
  if (orders == NULL)
    return FALSE;

  lic_routes_begin_list (builder);
  for (guint i = 0; i < orders->len; i++)
    lic_order_to_json (g_ptr_array_index (orders, i), builder);
  last = orders->len > 0 ? g_ptr_array_index (orders, orders->len - 1) : NULL;
  lic_routes_end_list (builder, "orders", more, "", last != NULL ? last->id : 0);
  lic_request_respond (request, 200, builder);
  return TRUE;
}

/* GET /orders/{id}: the order itself. */
gboolean
lic_routes_orders_get (LicRequest  *request,
                       GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(LicOrder) order = NULL;

  order = lic_store_get_order (lic_request_get_store (request), lic_request_get_caller (request),
                               lic_request_get_id (request, 0), error);
  if (order == NULL)
    return FALSE;
  lic_order_to_json (order, builder);
  lic_request_respond (request, 200, builder);
  return TRUE;
}

/* POST /activations */
gboolean
lic_routes_activate (LicRequest  *request,
                     GError     **error)
{
  g_autoptr(GDateTime) now = lic_clock_now ();
  g_autoptr(LicOrder) order = NULL;
  g_autofree char *code_hash = NULL;
  const char *code;
  gint64 pool_id = 0;

  if (!lic_routes_get_member (request, "code", &code, error))
    return FALSE;
  code_hash = lic_activation_code_hash (code);
  order = lic_store_activate (lic_request_get_store (request), lic_request_get_caller (request),
                              code_hash, now, &pool_id, error);
  if (order == NULL)
    return FALSE;
  lic_routes_respond_order (request, 200, order, pool_id);
  return TRUE;
}
