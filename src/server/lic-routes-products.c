/* lic-routes-products.c: the library.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lic-i18n.h"
#include "lic-routes-private.h"

static const char * const subjects[] = {
  "mathematics", "swedish", "finnish", "english", "languages", "science", "social_studies",
  "arts", "music", "programming", "special_needs", "general", NULL,
};

static const char * const grades[] = {
  "preschool", "primary", "lower_secondary", "upper_secondary", NULL,
};

/* The orders of `sort`; each has cursors of its own, which the others refuse. */
static const struct {
  const char *value;
  LicProductSort sort;
  const char *list;
} sorts[] = {
  { "name", LIC_PRODUCT_SORT_NAME, "products" },
  { "price", LIC_PRODUCT_SORT_PRICE, "products by price" },
  { "-price", LIC_PRODUCT_SORT_PRICE_DESCENDING, "products by price, highest first" },
};

static gboolean
get_sort (LicRequest  *request,
          guint       *out,
          GError     **error)
{
  const char *value = lic_request_get_query (request, "sort");

  *out = 0;
  if (value == NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    if (g_str_equal (value, sorts[i].value))
      {
        *out = i;
        return TRUE;
      }
  g_set_error_literal (error, LIC_ERROR, LIC_ERROR_INVALID,
                       _("“sort” must be one of: name, price, -price."));
  return FALSE;
}

/* @out: the query parameter @name, which must be one of @codes, or %NULL if there is none. */
static gboolean
get_code (LicRequest          *request,
          const char          *name,
          const char * const  *codes,
          const char         **out,
          GError             **error)
{
  const char *value = lic_request_get_query (request, name);
  g_autofree char *list = NULL;

  *out = value;
  if (value == NULL || g_strv_contains (codes, value))
    return TRUE;

  list = g_strjoinv (", ", (char **) codes);
  /* TRANSLATORS: the name of a parameter, then the values it takes, as the API writes them,
   * with commas between them */
  g_set_error (error, LIC_ERROR, LIC_ERROR_INVALID, _("“%s” must be one of: %s."), name, list);
  return FALSE;
}

/* GET /products */
gboolean
lic_routes_products_list (LicRequest  *request,
                          GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) products = NULL;
  g_autofree char *after_name = NULL;
  LicProductFilter filter = { lic_request_get_language (request), NULL, NULL, NULL, 0, -1, 0 };
  LicPage page;
  LicProduct *last;
  gboolean more;
  guint sort;

  if (!lic_routes_get_search (request, &filter.q, error)
      || !get_code (request, "subject", subjects, &filter.subject, error)
      || !get_code (request, "grade", grades, &filter.grade, error)
      || !lic_routes_get_id (request, "supplier", &filter.supplier_id, error)
      || !lic_routes_get_enum (request, "delivery", LIC_TYPE_DELIVERY, &filter.delivery, error)
      || !get_sort (request, &sort, error)
      || !lic_routes_get_keyed_page (request, sorts[sort].list, &page, &after_name, error))
    return FALSE;
  filter.sort = sorts[sort].sort;

  products = lic_store_list_products (lic_request_get_store (request),
                                      lic_request_get_caller (request),
                                      &filter, &page, &more, error);
  if (products == NULL)
    return FALSE;

  lic_routes_begin_list (builder);
  for (guint i = 0; i < products->len; i++)
    lic_product_to_json (g_ptr_array_index (products, i), builder);
  last = products->len > 0 ? g_ptr_array_index (products, products->len - 1) : NULL;
  lic_routes_end_keyed_list (builder, sorts[sort].list, more,
                             last != NULL ? lic_product_get_price (last) : 0,
                             last != NULL ? lic_product_get_name (last) : NULL,
                             last != NULL ? lic_product_get_id (last) : 0);
  lic_request_respond (request, 200, builder);
  return TRUE;
}

/* GET /suppliers: few enough to come in one page. */
gboolean
lic_routes_suppliers_list (LicRequest  *request,
                           GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) suppliers = NULL;

  suppliers = lic_store_list_suppliers (lic_request_get_store (request),
                                        lic_request_get_caller (request), error);
  if (suppliers == NULL)
    return FALSE;

  lic_routes_begin_list (builder);
  for (guint i = 0; i < suppliers->len; i++)
    {
      LicSupplierInfo *supplier = g_ptr_array_index (suppliers, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, supplier->id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, supplier->name);
      json_builder_end_object (builder);
    }
  lic_routes_end_list (builder, "suppliers", FALSE, NULL, 0);
  lic_request_respond (request, 200, builder);
  return TRUE;
}

/* One school's entry of a product: the pool's numbers and notices, or zeros for a school
 * without a pool of the product. */
static JsonNode *
school_status_to_node (const LicSchoolStatus *status)
{
  static const char * const counts[] = {
    "assigned", "available", "payable", "capacity", "to_renew", "no_access", "renewed",
  };
  static const char * const members[] = { "phase", "notices", "term_end", "renewal_starts" };
  g_autoptr(JsonNode) pool = NULL;
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_init_object (json_node_alloc (), object);
  g_autoptr(JsonBuilder) lines = json_builder_new ();
  g_autoptr(JsonNode) lines_node = NULL;

  json_builder_begin_array (lines);
  for (guint i = 0; i < status->order_lines->len; i++)
    lic_order_line_to_json (g_ptr_array_index (status->order_lines, i), lines);
  json_builder_end_array (lines);
  lines_node = json_builder_get_root (lines);

  json_object_set_int_member (object, "school_id", status->school_id);
  json_object_set_string_member (object, "school_name", status->school_name);
  if (status->pool != NULL)
    {
      JsonObject *fields;

      pool = lic_routes_to_node (status->pool, (LicToJsonFunc) lic_pool_to_json);
      fields = json_node_get_object (pool);
      json_object_set_int_member (object, "pool_id", status->pool_id);
      for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
        json_object_set_int_member (object, counts[i],
                                    json_object_get_int_member (fields, counts[i]));
      for (guint i = 0; i < G_N_ELEMENTS (members); i++)
        json_object_set_member (object, members[i],
                                json_node_copy (json_object_get_member (fields, members[i])));
    }
  else
    {
      json_object_set_null_member (object, "pool_id");
      for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
        json_object_set_int_member (object, counts[i], 0);
      json_object_set_string_member (object, "phase", "none");
      json_object_set_array_member (object, "notices", json_array_new ());
      json_object_set_null_member (object, "term_end");
      json_object_set_null_member (object, "renewal_starts");
    }
  json_object_set_array_member (object, "order_lines",
                                json_array_ref (json_node_get_array (lines_node)));
  json_object_unref (object);
  return node;
}

/* GET /products/{id} */
gboolean
lic_routes_products_get (LicRequest  *request,
                         GError     **error)
{
  g_autoptr(LicProduct) product = NULL;
  g_autoptr(GPtrArray) schools = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonArray *array;

  product = lic_store_get_product (lic_request_get_store (request),
                                   lic_request_get_caller (request),
                                   lic_request_get_id (request, 0),
                                   lic_request_get_language (request),
                                   &schools, error);
  if (product == NULL)
    return FALSE;

  node = lic_routes_to_node (product, (LicToJsonFunc) lic_product_to_json);
  array = json_array_sized_new (schools->len);
  for (guint i = 0; i < schools->len; i++)
    json_array_add_element (array, school_status_to_node (g_ptr_array_index (schools, i)));
  json_object_set_array_member (json_node_get_object (node), "schools", array);

  lic_request_respond_node (request, 200, node);
  return TRUE;
}
