/* lic-routes-pools.c: license pools.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lic-routes-private.h"

/* A pool with what awaits delivery, and its notices, of which there are none until the
 * compliance rules arrive. */
static JsonNode *
pool_to_node (LicPoolItem *item)
{
  JsonNode *node = lic_routes_to_node (item->pool, (LicToJsonFunc) lic_pool_to_json);
  JsonObject *object = json_node_get_object (node);

  json_object_set_array_member (object, "notices", json_array_new ());
  json_object_set_int_member (object, "awaiting_delivery", item->awaiting_delivery);
  if (item->awaiting_since != NULL)
    json_object_set_string_member (object, "awaiting_since", item->awaiting_since);
  else
    json_object_set_null_member (object, "awaiting_since");
  return node;
}

/* GET /pools */
gboolean
lic_routes_pools_list (LicRequest  *request,
                       GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) pools = NULL;
  g_autofree char *after_name = NULL;
  LicPoolFilter filter = { 0, 0 };
  LicPage page;
  LicPoolItem *last;
  gboolean more;

  if (!lic_routes_get_school_id (request, &filter.school_id, error)
      || !lic_routes_get_id (request, "product_id", &filter.product_id, error)
      || !lic_routes_get_page (request, "pools", &page, &after_name, error))
    return FALSE;

  pools = lic_store_list_pools (lic_request_get_store (request),
                                lic_request_get_caller (request),
                                &filter, &page, &more, error);
  if (pools == NULL)
    return FALSE;

  lic_routes_begin_list (builder);
  for (guint i = 0; i < pools->len; i++)
    json_builder_add_value (builder, pool_to_node (g_ptr_array_index (pools, i)));
  last = pools->len > 0 ? g_ptr_array_index (pools, pools->len - 1) : NULL;
  lic_routes_end_list (builder, "pools", more,
                       last != NULL ? lic_pool_get_product_name (last->pool) : NULL,
                       last != NULL ? lic_pool_get_id (last->pool) : 0);
  lic_request_respond (request, 200, builder);
  return TRUE;
}

/* GET /pools/{id} */
gboolean
lic_routes_pools_get (LicRequest  *request,
                      GError     **error)
{
  g_autoptr(LicPoolItem) pool = NULL;
  g_autoptr(JsonNode) node = NULL;

  pool = lic_store_get_pool (lic_request_get_store (request),
                             lic_request_get_caller (request),
                             lic_request_get_id (request, 0), error);
  if (pool == NULL)
    return FALSE;

  node = pool_to_node (pool);
  lic_request_respond_node (request, 200, node);
  return TRUE;
}
