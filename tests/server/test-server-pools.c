/* test-server-pools.c: license pools, within the caller's scope.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lic-server-test.h"

static LicTestServer *server;
static char *sundby;                /* organization admin of Sundby kommun */
static char *ekbacke;               /* school admin of Ekbackeskolan */
static char *koivula;               /* organization admin of Koivulan kaupunki */

static GPtrArray *
all_pools (const char *token,
           const char *query)
{
  g_autofree char *path = g_strconcat ("/api/v1/pools", query, NULL);

  return lic_list_all (server, token, path, 200, NULL);
}

static JsonObject *
find_pool (GPtrArray  *pools,
           const char *school_name)
{
  for (guint i = 0; i < pools->len; i++)
    if (g_str_equal (json_object_get_string_member (g_ptr_array_index (pools, i), "school_name"),
                     school_name))
      return g_ptr_array_index (pools, i);
  return NULL;
}

static void
test_items (void)
{
  g_autoptr(GPtrArray) pools = all_pools (sundby, "");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) earliest = g_date_time_add_days (now, 59);
  g_autofree char *earliest_end = g_date_time_format (earliest, "%Y-%m-%d");

  /* Ekbackeskolan has four pools and Solbergagymnasiet two. */
  g_assert_cmpuint (pools->len, ==, 6);
  for (guint i = 0; i < pools->len; i++)
    {
      JsonObject *object = g_ptr_array_index (pools, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(LicPool) pool = lic_pool_new_from_json (object, &error);

      g_assert_no_error (error);
      g_assert_cmpint (lic_pool_get_assigned (pool), >, 0);
      g_assert_cmpint (lic_pool_get_available (pool), >=, lic_pool_get_assigned (pool));
      g_assert_cmpint (lic_pool_get_payable (pool), ==, 0);
      g_assert_cmpstr (lic_pool_get_phase (pool), ==, "none");
      /* The demo's terms end at least 60 days after it is loaded, on a fixed day of the year. */
      g_assert_cmpstr (lic_pool_get_term_end (pool), >, earliest_end);
      g_assert_nonnull (strstr ("01-31 05-31 06-30 07-31 08-15",
                                lic_pool_get_term_end (pool) + 5));
      g_assert_cmpint (lic_pool_get_capacity (pool), ==, lic_pool_get_available (pool));
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "notices")),
                        ==, 0);
      g_assert_nonnull (strstr ("Ekbackeskolan Solbergagymnasiet",
                                lic_pool_get_school_name (pool)));
    }
}

static void
test_get (void)
{
  g_autoptr(GPtrArray) pools = all_pools (sundby, "");
  JsonObject *listed = g_ptr_array_index (pools, 0);
  gint64 id = json_object_get_int_member (listed, "id");
  g_autoptr(LicReply) reply = lic_get (server, sundby, "/api/v1/pools/%" G_GINT64_FORMAT, id);
  g_autoptr(LicReply) missing = lic_get (server, sundby, "/api/v1/pools/999999");
  JsonObject *object;

  lic_assert_reply (reply, 200, NULL);
  object = lic_reply_object (reply);
  g_assert_true (json_object_equal (object, listed));
  lic_assert_reply (missing, 404, "not_found");
}

static void
test_filters (void)
{
  g_autoptr(GPtrArray) pools = all_pools (sundby, "");
  JsonObject *first = g_ptr_array_index (pools, 0);
  gint64 school = json_object_get_int_member (first, "school_id");
  gint64 product = json_object_get_int_member (first, "product_id");
  g_autofree char *school_query = g_strdup_printf ("?school_id=%" G_GINT64_FORMAT, school);
  g_autofree char *product_query = g_strdup_printf ("?product_id=%" G_GINT64_FORMAT, product);
  g_autoptr(GPtrArray) at_school = all_pools (sundby, school_query);
  g_autoptr(GPtrArray) of_product = all_pools (sundby, product_query);
  g_autoptr(GPtrArray) no_product = all_pools (sundby, "?product_id=999999");
  g_autoptr(LicReply) bad = lic_get (server, sundby, "/api/v1/pools?product_id=x");
  guint n_pages;
  g_autoptr(GPtrArray) paged = lic_list_all (server, sundby, "/api/v1/pools", 4, &n_pages);

  g_assert_cmpuint (at_school->len, >, 0);
  g_assert_cmpuint (at_school->len, <, pools->len);
  for (guint i = 0; i < at_school->len; i++)
    g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (at_school, i), "school_id"),
                     ==, school);
  g_assert_cmpuint (of_product->len, ==, 1);
  g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (of_product, 0), "product_id"),
                   ==, product);
  g_assert_cmpuint (no_product->len, ==, 0);
  lic_assert_reply (bad, 400, "invalid");

  g_assert_cmpuint (paged->len, ==, pools->len);
  g_assert_cmpuint (n_pages, ==, 2);
}

static void
test_scope (void)
{
  g_autoptr(GPtrArray) everything = all_pools (sundby, "");
  g_autoptr(GPtrArray) own = all_pools (ekbacke, "");
  g_autoptr(GPtrArray) finnish = all_pools (koivula, "");
  JsonObject *solberga = find_pool (everything, "Solbergagymnasiet");
  JsonObject *koivula_pool = find_pool (finnish, "Koivulan yhtenäiskoulu");
  gint64 solberga_pool = json_object_get_int_member (solberga, "id");
  gint64 finnish_pool = json_object_get_int_member (koivula_pool, "id");
  g_autoptr(LicReply) school_admin = lic_get (server, ekbacke,
                                              "/api/v1/pools/%" G_GINT64_FORMAT, solberga_pool);
  g_autoptr(LicReply) other_organization = lic_get (server, sundby,
                                                    "/api/v1/pools/%" G_GINT64_FORMAT,
                                                    finnish_pool);
  g_autoptr(LicReply) other_school = lic_get (server, ekbacke,
                                              "/api/v1/pools?school_id=%" G_GINT64_FORMAT,
                                              json_object_get_int_member (solberga, "school_id"));

  /* A school admin sees the pools of their school only: Solbergagymnasiet's are left out of
   * the list and not found by id. */
  g_assert_cmpuint (own->len, ==, 4);
  for (guint i = 0; i < own->len; i++)
    g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (own, i), "school_name"),
                     ==, "Ekbackeskolan");
  lic_assert_reply (school_admin, 404, "not_found");
  lic_assert_reply (other_school, 403, "forbidden");

  g_assert_cmpuint (finnish->len, ==, 2);
  for (guint i = 0; i < finnish->len; i++)
    g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (finnish, i),
                                                    "school_name"), ==, "Koivulan yhtenäiskoulu");
  lic_assert_reply (other_organization, 404, "not_found");
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

  g_test_add_func ("/server/pools/items", test_items);
  g_test_add_func ("/server/pools/get", test_get);
  g_test_add_func ("/server/pools/filters", test_filters);
  g_test_add_func ("/server/pools/scope", test_scope);
  result = g_test_run ();

  g_free (sundby);
  g_free (ekbacke);
  g_free (koivula);
  lic_test_server_stop (server);
  return result;
}
