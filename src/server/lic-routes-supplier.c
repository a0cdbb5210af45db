/* lic-routes-supplier.c: what suppliers do, with a supplier key for a token.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lic-clock.h"
#include "lic-routes-private.h"

/* POST /supplier/orders/{id}/deliver */
gboolean
lic_routes_supplier_deliver (LicRequest  *request,
                             GError     **error)
{
  g_autoptr(GDateTime) now = lic_clock_now ();
  g_autoptr(LicOrder) order = NULL;

  order = lic_store_deliver_order (lic_request_get_store (request),
                                   lic_request_get_supplier (request),
                                   lic_request_get_id (request, 0), now, error);
  if (order == NULL)
    return FALSE;
  lic_routes_respond_order (request, 200, order, 0);
  return TRUE;
}

/* POST /supplier/activations: a new activation code for a line, e-mailed. */
gboolean
lic_routes_supplier_reissue (LicRequest  *request,
                             GError     **error)
{
  g_autoptr(GDateTime) now = lic_clock_now ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *expires_at = NULL;
  gint64 line_id;

  if (!lic_routes_get_int_member (request, "order_line_id", TRUE, &line_id, NULL, error))
    return FALSE;
  expires_at = lic_store_reissue_code (lic_request_get_store (request),
                                       lic_request_get_supplier (request), line_id, now, error);
  if (expires_at == NULL)
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "order_line_id");
  json_builder_add_int_value (builder, line_id);
  json_builder_set_member_name (builder, "expires_at");
  json_builder_add_string_value (builder, expires_at);
  json_builder_end_object (builder);
  lic_request_respond (request, 201, builder);
  return TRUE;
}
