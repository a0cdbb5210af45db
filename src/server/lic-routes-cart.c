/* lic-routes-cart.c: each admin's cart.
 *
 * The routes read what they are given; the store checks it against the cart and the rules
 * (lic-rules.c) in one transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lic-i18n.h"
#include "lic-routes-private.h"

static void
lic_cart_change_clear (LicCartChange *change)
{
  g_clear_pointer (&change->user_ids, g_array_unref);
  g_clear_pointer (&change->group_ids, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LicCartChange, lic_cart_change_clear)

/* Reads `quantity`, `user_ids` and `group_ids`, each optional unless @need_quantity. */
static gboolean
get_change (LicRequest     *request,
            gboolean        need_quantity,
            LicCartChange  *change,
            GError        **error)
{
  gboolean given = FALSE;

  if (!lic_routes_get_int_member (request, "quantity", need_quantity, &change->quantity, &given,
                                  error))
    return FALSE;
  if (given && (change->quantity < 1 || change->quantity > LIC_CART_MAX_QUANTITY))
    {
      g_set_error (error, LIC_ERROR, LIC_ERROR_INVALID,
                   _("“quantity” must be a whole number from 1 to %d."), LIC_CART_MAX_QUANTITY);
      return FALSE;
    }
  return lic_routes_get_ids_member (request, "user_ids", FALSE, &change->user_ids, error)
         && lic_routes_get_ids_member (request, "group_ids", FALSE, &change->group_ids, error);
}

static void
respond_line (LicRequest        *request,
              guint              status,
              const LicCartLine *line)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const LicCaller *caller = lic_request_get_caller (request);

  lic_cart_line_to_json (line, lic_organization_get_currency (caller->organization), builder);
  lic_request_respond (request, status, builder);
}

/* GET /cart */
gboolean
lic_routes_cart_get (LicRequest  *request,
                     GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(LicCart) cart = NULL;

  cart = lic_store_get_cart (lic_request_get_store (request), lic_request_get_caller (request),
                             error);
  if (cart == NULL)
    return FALSE;
  lic_cart_to_json (cart, builder);
  lic_request_respond (request, 200, builder);
  return TRUE;
}

/* POST /cart/lines: a new line, or more of a line already there. */
gboolean
lic_routes_cart_add_line (LicRequest  *request,
                          GError     **error)
{
  g_auto(LicCartChange) change = { 0 };
  g_autoptr(LicCartLine) line = NULL;
  gboolean created;

  if (!lic_routes_get_int_member (request, "product_id", TRUE, &change.product_id, NULL, error)
      || !lic_routes_get_int_member (request, "school_id", TRUE, &change.school_id, NULL, error)
      || !get_change (request, TRUE, &change, error))
    return FALSE;

  line = lic_store_change_cart (lic_request_get_store (request),
                                lic_request_get_caller (request), 0, &change, &created, error);
  if (line == NULL)
    return FALSE;
  respond_line (request, created ? 201 : 200, line);
  return TRUE;
}

/* PATCH /cart/lines/{id}: replaces what it is given. */
gboolean
lic_routes_cart_change_line (LicRequest  *request,
                             GError     **error)
{
  g_auto(LicCartChange) change = { 0 };
  g_autoptr(LicCartLine) line = NULL;

  if (!get_change (request, FALSE, &change, error))
    return FALSE;

  line = lic_store_change_cart (lic_request_get_store (request),
                                lic_request_get_caller (request),
                                lic_request_get_id (request, 0), &change, NULL, error);
  if (line == NULL)
    return FALSE;
  respond_line (request, 200, line);
  return TRUE;
}

/* DELETE /cart/lines/{id} */
gboolean
lic_routes_cart_remove_line (LicRequest  *request,
                             GError     **error)
{
  if (!lic_store_remove_cart_line (lic_request_get_store (request),
                                   lic_request_get_caller (request),
                                   lic_request_get_id (request, 0), error))
    return FALSE;
  lic_request_respond_empty (request, 204);
  return TRUE;
}
