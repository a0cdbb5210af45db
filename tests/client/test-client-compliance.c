/* test-client-compliance.c: LicClient's calls for purchase requests, notices, keeping and
 * renewal, against the real licentia-server with demo data and a test clock.
 *
 * The world is set up over plain HTTP (the server suites' helpers); the client is driven to
 * completion by iterating the default main context, as the app does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "lic-cart.h"
#include "lic-client.h"
#include "lic-product-school.h"
#include "lic-server-test.h"

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (*out);
  *out = g_object_ref (result);
}

static GAsyncResult *
await_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static LicClient *
client_of (LicTestServer *server,
           const char    *username)
{
  g_autoptr(LicClient) client = lic_client_new (lic_test_server_get_url (server));
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  lic_client_sign_in_async (client, username, username, NULL, store_result, &result);
  lic_client_sign_in_finish (client, await_result (&result), &error);
  g_assert_no_error (error);
  return g_steal_pointer (&client);
}

static void
set_clock (LicTestServer *server,
           const char    *now)
{
  g_autofree char *body = g_strdup_printf ("{\"now\": \"%s\"}", now);
  g_autoptr(LicReply) reply = lic_post_json (server, "/api/v1/test/clock", NULL, body);

  lic_assert_reply (reply, 200, NULL);
}

static LicCart *
get_cart (LicClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  LicCart *cart;

  lic_client_get_cart_async (client, NULL, store_result, &result);
  cart = lic_client_get_cart_finish (client, await_result (&result), &error);
  g_assert_no_error (error);
  return cart;
}

static LicOrder *
request_purchase (LicClient   *client,
                  const char  *key,
                  GError     **error)
{
  g_autoptr(LicCart) cart = get_cart (client);
  g_autoptr(GAsyncResult) result = NULL;

  lic_client_request_purchase_async (client, key, lic_cart_get_total (cart), NULL, store_result,
                                     &result);
  return lic_client_request_purchase_finish (client, await_result (&result), error);
}

static GListModel *
list_requests (LicClient  *client,
               const char *state)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *next = NULL;
  GListModel *requests;

  lic_client_list_purchase_requests_async (client, state, NULL, 0, NULL, store_result, &result);
  requests = lic_client_list_purchase_requests_finish (client, await_result (&result), &next,
                                                       &error);
  g_assert_no_error (error);
  g_assert_null (next);
  return requests;
}

static GListModel *
list_notices (LicClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *notices;

  lic_client_list_notices_async (client, NULL, store_result, &result);
  notices = lic_client_list_notices_finish (client, await_result (&result), &error);
  g_assert_no_error (error);
  return notices;
}

/* The ids of the users on a pool's Payable list, over HTTP. */
static GArray *
payable_ids (LicTestServer *server,
             const char    *token,
             gint64         pool_id)
{
  g_autoptr(LicReply) reply = lic_get (server, token, "/api/v1/users?list=payable&pool_id=%"
                                       G_GINT64_FORMAT, pool_id);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  JsonArray *items;

  lic_assert_reply (reply, 200, NULL);
  items = lic_reply_items (reply);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      gint64 id = json_object_get_int_member (json_array_get_object_element (items, i), "id");

      g_array_append_val (ids, id);
    }
  return ids;
}

static void
test_purchase_requests (void)
{
  const char *args[] = { "--demo", "--test-clock", NULL };
  g_autoptr(LicTestServer) server = lic_test_server_start (args);
  g_autofree char *token = lic_sign_in (server, "demo-admin", "demo-admin");
  g_autoptr(LicClient) admin = client_of (server, "demo-admin");
  gint64 school = lic_find_id (server, token, "/api/v1/schools", "Solbergagymnasiet");
  gint64 product = lic_find_id (server, token, "/api/v1/products", "Fysikfabriken");
  g_autoptr(LicReply) students = lic_get (server, token, "/api/v1/users?school_id=%"
                                          G_GINT64_FORMAT "&role=student&limit=8", school);
  g_autoptr(LicCart) cart = NULL;
  g_autoptr(LicOrder) order = NULL;
  g_autoptr(LicOrder) refused = NULL;
  g_autoptr(GListModel) requests = NULL;
  g_autoptr(GListModel) notices = NULL;
  g_autoptr(LicPurchaseRequest) request = NULL;
  g_autoptr(LicPurchaseRequest) paid = NULL;
  g_autoptr(LicNotice) notice = NULL;
  g_autoptr(LicPool) kept = NULL;
  g_autoptr(LicPool) renewed = NULL;
  g_autoptr(GArray) payable = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *picks = NULL;
  g_autofree char *later_picks = NULL;
  JsonArray *items;
  gint64 pool_id;

  lic_assert_reply (students, 200, NULL);
  items = lic_reply_items (students);
  picks = g_strdup_printf ("\"user_ids\": [%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT "]",
                           json_object_get_int_member (json_array_get_object_element (items, 0),
                                                       "id"),
                           json_object_get_int_member (json_array_get_object_element (items, 1),
                                                       "id"));
  later_picks = g_strdup_printf ("\"user_ids\": [%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT "]",
                                 json_object_get_int_member (json_array_get_object_element (items,
                                                                                            2),
                                                             "id"),
                                 json_object_get_int_member (json_array_get_object_element (items,
                                                                                            3),
                                                             "id"));

  /* Two paid, then two more requested. */
  set_clock (server, "2026-11-25T09:00:00Z");
  {
    g_autoptr(LicReply) line = lic_add_cart_line (server, token, product, school, 2, picks);
    g_autoptr(JsonObject) bought = NULL;

    lic_assert_reply (line, 201, NULL);
    bought = lic_check_out (server, token);
  }
  set_clock (server, "2026-11-26T09:00:00Z");
  {
    g_autoptr(LicReply) line = lic_add_cart_line (server, token, product, school, 2,
                                                  later_picks);

    lic_assert_reply (line, 201, NULL);
  }
  cart = get_cart (admin);
  g_assert_true (lic_cart_get_purchase_request_allowed (cart));
  g_assert_null (lic_cart_get_purchase_request_reason (cart));
  order = request_purchase (admin, "client-request-0001", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (lic_order_get_lines (order)), ==, 1);

  requests = list_requests (admin, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (requests), ==, 1);
  request = g_list_model_get_item (requests, 0);
  g_assert_cmpint (lic_purchase_request_get_state (request), ==, LIC_REQUEST_STATE_DUE);
  g_assert_cmpint (lic_purchase_request_get_quantity (request), ==, 2);
  g_assert_cmpstr (lic_purchase_request_get_due_at (request), ==, "2027-01-25T09:00:00Z");
  g_assert_cmpstr (lic_purchase_request_get_product_name (request), ==, "Fysikfabriken");
  g_assert_cmpint (lic_purchase_request_get_paid_order_id (request), ==, 0);
  pool_id = lic_purchase_request_get_pool_id (request);
  g_clear_object (&requests);
  requests = list_requests (admin, "late");
  g_assert_cmpuint (g_list_model_get_n_items (requests), ==, 0);

  /* The product page's school: its phase and notice. */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GListModel) schools = NULL;
    g_autoptr(LicProduct) fysik = NULL;
    gboolean found = FALSE;

    lic_client_get_product_async (admin, product, NULL, store_result, &result);
    fysik = lic_client_get_product_finish (admin, await_result (&result), &schools, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
      {
        g_autoptr(LicProductSchool) entry = g_list_model_get_item (schools, i);
        g_autoptr(LicNotice) first = NULL;

        if (lic_product_school_get_school_id (entry) != school)
          continue;
        found = TRUE;
        g_assert_cmpstr (lic_product_school_get_phase (entry), ==, "due");
        g_assert_cmpint (lic_product_school_get_capacity (entry), ==, 4);
        g_assert_cmpint (lic_product_school_get_payable (entry), ==, 2);
        g_assert_nonnull (lic_product_school_get_term_end (entry));
        g_assert_cmpuint (g_list_model_get_n_items (lic_product_school_get_notices (entry)), ==,
                          1);
        first = g_list_model_get_item (lic_product_school_get_notices (entry), 0);
        g_assert_cmpint (lic_notice_get_kind (first), ==, LIC_NOTICE_KIND_PAYMENT_DUE);
      }
    g_assert_true (found);
  }

  /* Day 31: the overview says the payment is late. */
  set_clock (server, "2026-12-27T09:00:00Z");
  notices = list_notices (admin);
  g_assert_cmpuint (g_list_model_get_n_items (notices), ==, 1);
  notice = g_list_model_get_item (notices, 0);
  g_assert_cmpint (lic_notice_get_kind (notice), ==, LIC_NOTICE_KIND_PAYMENT_LATE);
  g_assert_cmpint (lic_notice_get_pool_id (notice), ==, pool_id);
  g_assert_cmpstr (lic_notice_get_school_name (notice), ==, "Solbergagymnasiet");
  g_assert_cmpint (lic_notice_get_payable_users (notice), ==, 2);

  /* Keep a payable user in place of a paid one. */
  payable = payable_ids (server, token, pool_id);
  g_assert_cmpuint (payable->len, ==, 2);
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GAsyncResult) again = NULL;
    g_autoptr(LicPool) not_kept = NULL;
    gint64 paid_user = json_object_get_int_member (json_array_get_object_element (items, 0),
                                                   "id");

    lic_client_keep_async (admin, pool_id, g_array_index (payable, gint64, 0), paid_user, NULL,
                           store_result, &result);
    kept = lic_client_keep_finish (admin, await_result (&result), &error);
    g_assert_no_error (error);
    g_assert_cmpint (lic_pool_get_assigned (kept), ==, 3);
    g_assert_cmpuint (g_list_model_get_n_items (lic_pool_get_notices (kept)), ==, 1);

    /* The same again: that user is not on the list any more. */
    lic_client_keep_async (admin, pool_id, g_array_index (payable, gint64, 0),
                           g_array_index (payable, gint64, 1), NULL, store_result, &again);
    not_kept = lic_client_keep_finish (admin, await_result (&again), &error);
    g_assert_error (error, LIC_ERROR, LIC_ERROR_CONFLICT);
    g_assert_null (not_kept);
    g_clear_error (&error);
  }

  /* Day 61: suspended; the cart says why purchase requests are closed, and they are. */
  set_clock (server, "2027-01-26T09:00:00Z");
  g_clear_object (&cart);
  {
    g_autoptr(LicReply) line = lic_add_cart_line (server, token, product, school, 1, NULL);

    lic_assert_reply (line, 201, NULL);
  }
  cart = get_cart (admin);
  g_assert_false (lic_cart_get_purchase_request_allowed (cart));
  g_assert_cmpstr (lic_cart_get_purchase_request_reason (cart), ==,
                   "Purchase requests are closed until Sundby kommun places an order for the 2 "
                   "unpaid licenses of Fysikfabriken at Solbergagymnasiet.");
  refused = request_purchase (admin, "client-request-0002", &error);
  g_assert_error (error, LIC_ERROR, LIC_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, lic_cart_get_purchase_request_reason (cart));
  g_assert_null (refused);
  g_clear_error (&error);

  /* Paying: the request is ordered. */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GAsyncResult) fetched = NULL;
    g_autoptr(LicPurchaseRequest) suspended = NULL;
    g_autoptr(LicPurchaseRequest) again = NULL;

    lic_client_get_purchase_request_async (admin, lic_purchase_request_get_id (request), NULL,
                                           store_result, &fetched);
    suspended = lic_client_get_purchase_request_finish (admin, await_result (&fetched), &error);
    g_assert_no_error (error);
    g_assert_cmpint (lic_purchase_request_get_state (suspended), ==,
                     LIC_REQUEST_STATE_SUSPENDED);

    lic_client_pay_purchase_request_async (admin, lic_purchase_request_get_id (request),
                                           "client-pay-0001",
                                           lic_purchase_request_get_price (suspended), NULL,
                                           store_result, &result);
    paid = lic_client_pay_purchase_request_finish (admin, await_result (&result), &error);
    g_assert_no_error (error);
    g_assert_cmpint (lic_purchase_request_get_state (paid), ==, LIC_REQUEST_STATE_ORDERED);
    g_assert_cmpint (lic_purchase_request_get_paid_order_id (paid), >, 0);
    g_assert_nonnull (lic_purchase_request_get_paid_at (paid));
  }

  /* Renewing outside the renewal period is refused. */
  {
    g_autoptr(GAsyncResult) result = NULL;

    lic_client_renew_async (admin, pool_id, 4, "client-renew-0001", 0, NULL, store_result,
                            &result);
    renewed = lic_client_renew_finish (admin, await_result (&result), &error);
    g_assert_error (error, LIC_ERROR, LIC_ERROR_CONFLICT);
    g_assert_null (renewed);
    g_clear_error (&error);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/client/compliance/purchase-requests", test_purchase_requests);
  return g_test_run ();
}
