/* test-server-library.c: the products of the library.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lic-server-test.h"

static LicTestServer *server;
static char *sundby;                /* organization admin, SEK */
static char *ekbacke;               /* school admin of Ekbackeskolan */
static char *koivula;               /* organization admin, EUR */

static GPtrArray *
all_products (const char *token,
              const char *query)
{
  g_autofree char *path = g_strconcat ("/api/v1/products", query, NULL);

  return lic_list_all (server, token, path, 200, NULL);
}

static JsonObject *
find_product (GPtrArray  *products,
              const char *name)
{
  for (guint i = 0; i < products->len; i++)
    {
      JsonObject *product = g_ptr_array_index (products, i);

      if (g_str_equal (json_object_get_string_member (product, "name"), name))
        return product;
    }
  return NULL;
}

static void
test_items (void)
{
  g_autoptr(GPtrArray) products = all_products (sundby, "");
  const char *deliveries[] = { "direct", "delayed", "activation_mail" };

  g_assert_cmpuint (products->len, >=, 12);
  for (guint i = 0; i < products->len; i++)
    {
      JsonObject *object = g_ptr_array_index (products, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(LicProduct) product = lic_product_new_from_json (object, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (lic_product_get_currency (product), ==, "SEK");
      g_assert_cmpint (lic_product_get_price (product), >, 0);
      g_assert_cmpint (lic_product_get_term_months (product), ==, 12);
      g_assert_nonnull (lic_product_get_description (product));
      g_assert_nonnull (lic_product_get_subjects (product)[0]);
      g_assert_nonnull (lic_product_get_grades (product)[0]);
      g_assert_cmpstr (lic_product_get_supplier (product), !=, "");
    }

  /* Every delivery type is on offer. */
  for (guint d = 0; d < G_N_ELEMENTS (deliveries); d++)
    {
      g_autofree char *query = g_strconcat ("?delivery=", deliveries[d], NULL);
      g_autoptr(GPtrArray) some = all_products (sundby, query);

      g_assert_cmpuint (some->len, >, 0);
      for (guint i = 0; i < some->len; i++)
        g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (some, i), "delivery"),
                         ==, deliveries[d]);
    }
}

static void
test_order_and_paging (void)
{
  g_autoptr(GPtrArray) whole = all_products (sundby, "");
  guint n_pages;
  g_autoptr(GPtrArray) paged = lic_list_all (server, sundby, "/api/v1/products", 5, &n_pages);

  g_assert_cmpuint (paged->len, ==, whole->len);
  g_assert_cmpuint (n_pages, ==, (whole->len + 4) / 5);
  for (guint i = 0; i < whole->len; i++)
    {
      JsonObject *a = g_ptr_array_index (whole, i);
      JsonObject *b = g_ptr_array_index (paged, i);

      g_assert_cmpint (json_object_get_int_member (a, "id"), ==,
                       json_object_get_int_member (b, "id"));
      if (i > 0)
        {
          g_autofree char *previous = g_utf8_casefold (
            json_object_get_string_member (g_ptr_array_index (whole, i - 1), "name"), -1);
          g_autofree char *name = g_utf8_casefold (json_object_get_string_member (a, "name"), -1);

          g_assert_cmpstr (previous, <=, name);
        }
    }
}

static void
test_currency (void)
{
  g_autoptr(GPtrArray) sek = all_products (sundby, "");
  g_autoptr(GPtrArray) eur = all_products (koivula, "");
  JsonObject *matte_sek = find_product (sek, "Mattemolnet");
  JsonObject *matte_eur = find_product (eur, "Mattemolnet");

  g_assert_nonnull (matte_sek);
  g_assert_nonnull (matte_eur);
  g_assert_cmpint (json_object_get_int_member (matte_sek, "id"), ==,
                   json_object_get_int_member (matte_eur, "id"));
  g_assert_cmpstr (json_object_get_string_member (matte_sek, "currency"), ==, "SEK");
  g_assert_cmpint (json_object_get_int_member (matte_sek, "price"), ==, 12900);
  g_assert_cmpstr (json_object_get_string_member (matte_eur, "currency"), ==, "EUR");
  g_assert_cmpint (json_object_get_int_member (matte_eur, "price"), ==, 1190);
  for (guint i = 0; i < eur->len; i++)
    g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (eur, i), "currency"),
                     ==, "EUR");

  /* A product priced in one currency only is offered only where that currency is used. */
  g_assert_null (find_product (eur, "Läslyftet Digital"));
  g_assert_nonnull (find_product (sek, "Läslyftet Digital"));
  g_assert_null (find_product (sek, "Sanasto Pro"));
  g_assert_nonnull (find_product (eur, "Sanasto Pro"));
}

static const char *
description_in (const char *language,
                gint64      id,
                char      **owned)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/products/%" G_GINT64_FORMAT, id);
  SoupMessage *message = lic_message_new (server, "GET", path, sundby);
  g_autoptr(LicReply) reply = NULL;

  if (language != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (message), "Accept-Language",
                                  language);
  reply = lic_send (message);
  lic_assert_reply (reply, 200, NULL);
  *owned = g_strdup (json_object_get_string_member (lic_reply_object (reply), "description"));
  return *owned;
}

static void
test_language (void)
{
  g_autoptr(GPtrArray) products = all_products (sundby, "?q=mattemolnet");
  g_autofree char *en = NULL;
  g_autofree char *sv = NULL;
  g_autofree char *sv_fi = NULL;
  g_autofree char *fi = NULL;
  g_autofree char *weighted = NULL;
  g_autofree char *german = NULL;
  gint64 id;

  g_assert_cmpuint (products->len, ==, 1);
  id = json_object_get_int_member (g_ptr_array_index (products, 0), "id");

  g_assert_true (g_str_has_prefix (description_in (NULL, id, &en), "Adaptive maths practice"));
  g_assert_true (g_str_has_prefix (description_in ("sv", id, &sv), "Anpassningsbar matteträning"));
  g_assert_cmpstr (description_in ("sv-FI, en;q=0.5", id, &sv_fi), ==, sv);
  g_assert_true (g_str_has_prefix (description_in ("fi", id, &fi), "Mukautuva matematiikan"));
  g_assert_cmpstr (description_in ("en;q=0.3, fi;q=0.9, sv;q=0.5", id, &weighted), ==, fi);
  g_assert_cmpstr (description_in ("de-DE", id, &german), ==, en);
}

static void
assert_all_have (GPtrArray  *products,
                 const char *member,
                 const char *value)
{
  g_assert_cmpuint (products->len, >, 0);
  for (guint i = 0; i < products->len; i++)
    g_assert_true (lic_strv_has (json_object_get_array_member (g_ptr_array_index (products, i),
                                                               member), value));
}

static void
test_filters (void)
{
  g_autoptr(GPtrArray) all = all_products (sundby, "");
  g_autoptr(GPtrArray) music = all_products (sundby, "?subject=music");
  g_autoptr(GPtrArray) preschool = all_products (sundby, "?grade=preschool");
  g_autoptr(GPtrArray) both = all_products (sundby, "?subject=science&grade=upper_secondary");
  g_autofree char *supplier_query = NULL;
  g_autoptr(GPtrArray) by_supplier = NULL;
  gint64 supplier_id;

  assert_all_have (music, "subjects", "music");
  assert_all_have (preschool, "grades", "preschool");
  assert_all_have (both, "subjects", "science");
  assert_all_have (both, "grades", "upper_secondary");
  g_assert_cmpuint (music->len, <, all->len);

  supplier_id = json_object_get_int_member (find_product (all, "CodeQuest"), "supplier_id");
  supplier_query = g_strdup_printf ("?supplier=%" G_GINT64_FORMAT, supplier_id);
  by_supplier = all_products (sundby, supplier_query);
  g_assert_cmpuint (by_supplier->len, >, 1);
  g_assert_cmpuint (by_supplier->len, <, all->len);
  for (guint i = 0; i < by_supplier->len; i++)
    g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (by_supplier, i),
                                                 "supplier_id"), ==, supplier_id);
}

static void
test_search (void)
{
  /* Name, supplier and description; any case; every word must match. */
  g_autoptr(GPtrArray) name = all_products (sundby, "?q=KEMI");
  g_autoptr(GPtrArray) supplier = all_products (sundby, "?q=scriptoria");
  g_autoptr(GPtrArray) description = all_products (sundby, "?q=chemistry");
  g_autoptr(GPtrArray) accented = all_products (sundby, "?q=L%C3%84SLYFTET");
  g_autoptr(GPtrArray) two_words = all_products (sundby, "?q=virtual+lab");
  g_autoptr(GPtrArray) none = all_products (sundby, "?q=virtual+zeppelin");

  g_assert_cmpuint (name->len, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (name, 0), "name"), ==,
                   "Kemilabbet 3D");
  g_assert_cmpuint (supplier->len, >=, 3);
  for (guint i = 0; i < supplier->len; i++)
    g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (supplier, i), "supplier"),
                     ==, "Scriptoria Education");
  g_assert_nonnull (find_product (description, "Kemilabbet 3D"));
  g_assert_cmpuint (accented->len, ==, 1);
  g_assert_nonnull (find_product (two_words, "Kemilabbet 3D"));
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_bad_filters (void)
{
  const char *queries[] = {
    "delivery=fast", "subject=astrology", "grade=university", "supplier=abc", "supplier=0",
    "limit=0", "limit=-1", "limit=abc", "cursor=abc", "cursor=%E2%9C%93",
    "q=a+b+c+d+e+f+g+h+i",
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(LicReply) reply = lic_get (server, sundby, "/api/v1/products?%s", queries[i]);

      g_test_message ("?%s", queries[i]);
      lic_assert_reply (reply, 400, "invalid");
    }
}

static void
test_product_page (void)
{
  g_autoptr(GPtrArray) all = all_products (sundby, "?q=mattemolnet");
  gint64 id = json_object_get_int_member (g_ptr_array_index (all, 0), "id");
  g_autoptr(LicReply) admin = lic_get (server, sundby, "/api/v1/products/%" G_GINT64_FORMAT, id);
  g_autoptr(LicReply) school = lic_get (server, ekbacke, "/api/v1/products/%" G_GINT64_FORMAT, id);
  g_autoptr(GError) error = NULL;
  g_autoptr(LicProduct) product = NULL;
  JsonArray *schools;
  JsonObject *ekbackeskolan;
  JsonObject *solberga;

  lic_assert_reply (admin, 200, NULL);
  product = lic_product_new_from_json (lic_reply_object (admin), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lic_product_get_name (product), ==, "Mattemolnet");

  /* One status per school of the caller: a pool at Ekbackeskolan, none at Solbergagymnasiet. */
  schools = json_object_get_array_member (lic_reply_object (admin), "schools");
  g_assert_cmpuint (json_array_get_length (schools), ==, 2);
  ekbackeskolan = json_array_get_object_element (schools, 0);
  solberga = json_array_get_object_element (schools, 1);
  g_assert_cmpstr (json_object_get_string_member (ekbackeskolan, "school_name"), ==,
                   "Ekbackeskolan");
  g_assert_false (json_object_get_null_member (ekbackeskolan, "pool_id"));
  g_assert_cmpint (json_object_get_int_member (ekbackeskolan, "assigned"), >, 0);
  g_assert_cmpint (json_object_get_int_member (ekbackeskolan, "available"), >=,
                   json_object_get_int_member (ekbackeskolan, "assigned"));
  g_assert_cmpint (json_object_get_int_member (ekbackeskolan, "payable"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (solberga, "school_name"), ==,
                   "Solbergagymnasiet");
  g_assert_true (json_object_get_null_member (solberga, "pool_id"));
  g_assert_cmpint (json_object_get_int_member (solberga, "assigned"), ==, 0);

  lic_assert_reply (school, 200, NULL);
  schools = json_object_get_array_member (lic_reply_object (school), "schools");
  g_assert_cmpuint (json_array_get_length (schools), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (schools, 0),
                                                  "school_name"), ==, "Ekbackeskolan");
}

static void
test_product_not_offered (void)
{
  g_autoptr(GPtrArray) eur = all_products (koivula, "?q=sanasto");
  gint64 id = json_object_get_int_member (g_ptr_array_index (eur, 0), "id");
  g_autoptr(LicReply) finnish = lic_get (server, koivula, "/api/v1/products/%" G_GINT64_FORMAT, id);
  g_autoptr(LicReply) swedish = lic_get (server, sundby, "/api/v1/products/%" G_GINT64_FORMAT, id);
  g_autoptr(LicReply) missing = lic_get (server, sundby, "/api/v1/products/999999");

  lic_assert_reply (finnish, 200, NULL);
  lic_assert_reply (swedish, 404, "not_found");
  lic_assert_reply (missing, 404, "not_found");
}

int
main (int    argc,
      char **argv)
{
  int result;

  g_test_init (&argc, &argv, NULL);

  server = lic_test_server_start_demo ();
  sundby = lic_sign_in (server, "demo-admin", "demo-admin");
  ekbacke = lic_sign_in (server, "demo-school", "demo-school");
  koivula = lic_sign_in (server, "demo-fi", "demo-fi");

  g_test_add_func ("/server/library/items", test_items);
  g_test_add_func ("/server/library/order-and-paging", test_order_and_paging);
  g_test_add_func ("/server/library/currency", test_currency);
  g_test_add_func ("/server/library/language", test_language);
  g_test_add_func ("/server/library/filters", test_filters);
  g_test_add_func ("/server/library/search", test_search);
  g_test_add_func ("/server/library/bad-filters", test_bad_filters);
  g_test_add_func ("/server/library/product-page", test_product_page);
  g_test_add_func ("/server/library/product-not-offered", test_product_not_offered);
  result = g_test_run ();

  g_free (sundby);
  g_free (ekbacke);
  g_free (koivula);
  lic_test_server_stop (server);
  return result;
}
