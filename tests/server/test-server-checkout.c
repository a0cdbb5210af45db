/* test-server-checkout.c: checkout per delivery type, its refusals, retries, and orders.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lic-server-test.h"

static LicTestServer *server;
static char *sundby;                /* organization admin of Sundby kommun */
static char *ekbacke;               /* school admin of Ekbackeskolan */
static char *koivula;               /* organization admin of Koivulan kaupunki */

static gint64 ekbackeskolan;
static gint64 solbergagymnasiet;
static gint64 mattemolnet;          /* direct */
static gint64 codequest;            /* direct */
static gint64 kemilabbet;           /* delayed */

static LicReply *
checkout (const char *token,
          const char *key,
          const char *expected_total)
{
  g_autofree char *json = NULL;

  if (expected_total != NULL)
    json = g_strdup_printf ("{\"payment\": \"order\", \"idempotency_key\": \"%s\","
                            " \"expected_total\": %s}", key, expected_total);
  else
    json = g_strdup_printf ("{\"payment\": \"order\", \"idempotency_key\": \"%s\"}", key);
  return lic_post_json (server, "/api/v1/checkout", token, json);
}

static JsonNode *
get_json (const char *token,
          const char *path)
{
  g_autoptr(LicReply) reply = lic_get (server, token, "%s", path);

  lic_assert_reply (reply, 200, NULL);
  return json_node_ref (reply->root);
}

static gint64
cart_total (const char *token)
{
  g_autoptr(JsonNode) cart = get_json (token, "/api/v1/cart");

  return json_object_get_int_member (json_node_get_object (cart), "total");
}

static guint
count_orders (const char *token)
{
  g_autoptr(GPtrArray) orders = lic_list_all (server, token, "/api/v1/orders", 200, NULL);

  return orders->len;
}

/* The pool of @product_id at @school_id, or NULL if there is none. */
static JsonObject *
find_pool (gint64 school_id,
           gint64 product_id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/pools?school_id=%" G_GINT64_FORMAT
                                           "&product_id=%" G_GINT64_FORMAT,
                                           school_id, product_id);
  g_autoptr(GPtrArray) pools = lic_list_all (server, sundby, path, 200, NULL);

  g_assert_cmpuint (pools->len, <=, 1);
  return pools->len > 0 ? json_object_ref (g_ptr_array_index (pools, 0)) : NULL;
}

static GPtrArray *
pool_users (gint64 pool_id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/users?pool_id=%" G_GINT64_FORMAT, pool_id);

  return lic_list_all (server, sundby, path, 200, NULL);
}

static gboolean
has_user (GPtrArray *users,
          gint64     id)
{
  for (guint i = 0; i < users->len; i++)
    if (json_object_get_int_member (g_ptr_array_index (users, i), "id") == id)
      return TRUE;
  return FALSE;
}

static void
test_direct_new_pool (void)
{
  g_autofree char *groups_path = g_strdup_printf ("/api/v1/groups?school_id=%" G_GINT64_FORMAT,
                                                  solbergagymnasiet);
  g_autoptr(GPtrArray) groups = lic_list_all (server, sundby, groups_path, 200, NULL);
  JsonObject *group = g_ptr_array_index (groups, 0);
  gint64 group_id = json_object_get_int_member (group, "id");
  gint64 members = json_object_get_int_member (group, "member_count");
  g_autofree char *teachers_path = g_strdup_printf ("/api/v1/users?role=teacher&school_id=%"
                                                    G_GINT64_FORMAT, solbergagymnasiet);
  g_autoptr(GPtrArray) teachers = lic_list_all (server, sundby, teachers_path, 200, NULL);
  gint64 teacher = json_object_get_int_member (g_ptr_array_index (teachers, 0), "id");
  g_autofree char *picks = g_strdup_printf ("\"user_ids\": [%" G_GINT64_FORMAT "],"
                                            " \"group_ids\": [%" G_GINT64_FORMAT "]",
                                            teacher, group_id);
  g_autoptr(LicReply) line = NULL;
  g_autoptr(JsonObject) order = NULL;
  g_autoptr(JsonObject) pool = NULL;
  g_autoptr(GPtrArray) assigned = NULL;
  g_autoptr(JsonNode) cart = NULL;
  g_autofree char *status = NULL;
  JsonObject *ordered;

  g_assert_null (find_pool (solbergagymnasiet, codequest));
  line = lic_add_cart_line (server, sundby, codequest, solbergagymnasiet, 40, picks);
  lic_assert_reply (line, 201, NULL);
  order = lic_check_out (server, sundby);

  g_assert_cmpstr (json_object_get_string_member (order, "payment"), ==, "order");
  g_assert_cmpint (json_object_get_int_member (order, "total"), ==, 40 * 14900);
  g_assert_cmpstr (json_object_get_string_member (order, "currency"), ==, "SEK");
  ordered = lic_order_line (order, 0);
  g_assert_cmpstr (json_object_get_string_member (ordered, "state"), ==, "delivered");
  g_assert_cmpstr (json_object_get_string_member (ordered, "state_since"), ==,
                   json_object_get_string_member (order, "created_at"));
  g_assert_cmpint (json_object_get_int_member (ordered, "assigned"), ==, members + 1);
  g_assert_true (json_object_get_null_member (ordered, "activation_email"));
  status = g_strdup_printf ("Delivered · %" G_GINT64_FORMAT " of 40 assigned", members + 1);
  g_assert_cmpstr (json_object_get_string_member (ordered, "status_text"), ==, status);

  /* The pool is made, with the licenses available and the picks assigned. */
  pool = find_pool (solbergagymnasiet, codequest);
  g_assert_nonnull (pool);
  g_assert_cmpint (json_object_get_int_member (pool, "id"), ==,
                   json_object_get_int_member (ordered, "pool_id"));
  g_assert_cmpint (json_object_get_int_member (pool, "available"), ==, 40);
  g_assert_cmpint (json_object_get_int_member (pool, "assigned"), ==, members + 1);
  g_assert_cmpint (json_object_get_int_member (pool, "awaiting_delivery"), ==, 0);
  g_assert_true (json_object_get_null_member (pool, "awaiting_since"));
  g_assert_nonnull (json_object_get_string_member (pool, "term_end"));
  assigned = pool_users (json_object_get_int_member (pool, "id"));
  g_assert_cmpuint (assigned->len, ==, members + 1);
  g_assert_true (has_user (assigned, teacher));

  /* And the cart is empty. */
  cart = get_json (sundby, "/api/v1/cart");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (cart), "line_count"), ==, 0);
}

static void
test_direct_existing_pool (void)
{
  g_autoptr(JsonObject) before = find_pool (ekbackeskolan, mattemolnet);
  gint64 pool_id = json_object_get_int_member (before, "id");
  g_autoptr(GPtrArray) holders = pool_users (pool_id);
  g_autofree char *students_path = g_strdup_printf ("/api/v1/users?role=student&school_id=%"
                                                    G_GINT64_FORMAT, ekbackeskolan);
  g_autoptr(GPtrArray) students = lic_list_all (server, sundby, students_path, 200, NULL);
  g_autoptr(GArray) newcomers = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *picks = NULL;
  g_autoptr(LicReply) line = NULL;
  g_autoptr(JsonObject) order = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(GPtrArray) holders_after = NULL;
  JsonObject *ordered;

  for (guint i = 0; i < students->len && newcomers->len < 3; i++)
    {
      gint64 id = json_object_get_int_member (g_ptr_array_index (students, i), "id");

      if (!has_user (holders, id))
        g_array_append_val (newcomers, id);
    }
  g_assert_cmpuint (newcomers->len, ==, 3);

  /* Two who have a license already and three who have not: the two are passed over, and the
   * line counts the three it assigned. */
  picks = g_strdup_printf ("\"user_ids\": [%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %"
                           G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT "]",
                           json_object_get_int_member (g_ptr_array_index (holders, 0), "id"),
                           json_object_get_int_member (g_ptr_array_index (holders, 1), "id"),
                           g_array_index (newcomers, gint64, 0),
                           g_array_index (newcomers, gint64, 1),
                           g_array_index (newcomers, gint64, 2));
  line = lic_add_cart_line (server, sundby, mattemolnet, ekbackeskolan, 10, picks);
  lic_assert_reply (line, 201, NULL);
  order = lic_check_out (server, sundby);
  ordered = lic_order_line (order, 0);
  g_assert_cmpint (json_object_get_int_member (ordered, "pool_id"), ==, pool_id);
  g_assert_cmpint (json_object_get_int_member (ordered, "assigned"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (ordered, "status_text"), ==,
                   "Delivered · 3 of 10 assigned");

  after = find_pool (ekbackeskolan, mattemolnet);
  g_assert_cmpint (json_object_get_int_member (after, "available"), ==,
                   json_object_get_int_member (before, "available") + 10);
  g_assert_cmpint (json_object_get_int_member (after, "assigned"), ==,
                   json_object_get_int_member (before, "assigned") + 3);
  g_assert_cmpstr (json_object_get_string_member (after, "term_end"), ==,
                   json_object_get_string_member (before, "term_end"));
  holders_after = pool_users (pool_id);
  for (guint i = 0; i < newcomers->len; i++)
    g_assert_true (has_user (holders_after, g_array_index (newcomers, gint64, i)));
}

static void
test_delayed (void)
{
  g_autoptr(JsonObject) order = lic_buy (server, sundby, "Kemilabbet 3D", "Ekbackeskolan", 12);
  JsonObject *ordered = lic_order_line (order, 0);
  g_autoptr(JsonObject) pool = find_pool (ekbackeskolan, kemilabbet);
  g_autofree char *product_path = g_strdup_printf ("/api/v1/products/%" G_GINT64_FORMAT,
                                                   kemilabbet);
  g_autoptr(JsonNode) product = get_json (sundby, product_path);
  JsonArray *schools = json_object_get_array_member (json_node_get_object (product), "schools");
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) created = g_date_time_new_from_iso8601 (
    json_object_get_string_member (order, "created_at"), utc);
  g_autofree char *date = g_date_time_format (created, "%-d %B %Y");
  g_autofree char *status = g_strconcat ("Awaiting the supplier since ", date, NULL);
  gboolean found = FALSE;

  g_assert_cmpstr (json_object_get_string_member (ordered, "delivery"), ==, "delayed");
  g_assert_cmpstr (json_object_get_string_member (ordered, "state"), ==, "awaiting_delivery");
  g_assert_cmpint (json_object_get_int_member (ordered, "assigned"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (ordered, "status_text"), ==, status);

  /* The pool shows at once, without licenses until the supplier delivers. */
  g_assert_nonnull (pool);
  g_assert_cmpint (json_object_get_int_member (pool, "available"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (pool, "awaiting_delivery"), ==, 12);
  g_assert_cmpstr (json_object_get_string_member (pool, "awaiting_since"), ==,
                   json_object_get_string_member (order, "created_at"));

  /* The product page says where the licenses are. */
  for (guint i = 0; i < json_array_get_length (schools); i++)
    {
      JsonObject *school = json_array_get_object_element (schools, i);
      JsonArray *lines = json_object_get_array_member (school, "order_lines");

      if (json_object_get_int_member (school, "school_id") != ekbackeskolan)
        continue;
      found = TRUE;
      g_assert_cmpuint (json_array_get_length (lines), >=, 1);
      g_assert_true (json_object_equal (json_array_get_object_element (lines, 0), ordered));
    }
  g_assert_true (found);
}

static void
test_activation_line (void)
{
  g_autoptr(JsonObject) order = lic_buy (server, sundby, "Klassrumsplanen", "Solbergagymnasiet",
                                         1);
  JsonObject *ordered = lic_order_line (order, 0);

  g_assert_cmpstr (json_object_get_string_member (ordered, "state"), ==, "activation_mail_sent");
  g_assert_cmpstr (json_object_get_string_member (ordered, "activation_email"), ==,
                   "eva.lindqvist@sundby.example.se");
  g_assert_cmpstr (json_object_get_string_member (ordered, "status_text"), ==,
                   "Activation e-mail sent to eva.lindqvist@sundby.example.se");
}

static void
test_idempotent_retry (void)
{
  g_autoptr(LicReply) line = lic_add_cart_line (server, sundby, mattemolnet, solbergagymnasiet,
                                                3, NULL);
  g_autofree char *total = g_strdup_printf ("%" G_GINT64_FORMAT, cart_total (sundby));
  guint orders = count_orders (sundby);
  g_autoptr(LicReply) first = checkout (sundby, "retry-key-0001", total);
  g_autoptr(LicReply) other = lic_add_cart_line (server, sundby, kemilabbet, solbergagymnasiet,
                                                 2, NULL);
  g_autoptr(LicReply) second = checkout (sundby, "retry-key-0001", "1");
  g_autoptr(JsonNode) cart = NULL;
  g_autoptr(JsonObject) rest = NULL;

  lic_assert_reply (line, 201, NULL);
  lic_assert_reply (first, 201, NULL);
  lic_assert_reply (other, 201, NULL);

  /* The same key, with the cart changed and another total: the same order, and nothing more. */
  lic_assert_reply (second, 200, NULL);
  g_assert_true (json_node_equal (second->root, first->root));
  g_assert_cmpuint (count_orders (sundby), ==, orders + 1);
  cart = get_json (sundby, "/api/v1/cart");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (cart), "line_count"), ==, 1);

  /* Keys are each admin's own. */
  {
    g_autoptr(LicReply) empty = checkout (ekbacke, "retry-key-0001", NULL);

    lic_assert_reply (empty, 409, "conflict");
  }
  /* What is left in the cart goes, for the tests after. */
  rest = lic_check_out (server, sundby);
}

typedef struct
{
  GMutex lock;
  GCond cond;
  guint ready;
  gboolean go;
  char *body;
} Race;

typedef struct
{
  Race *race;
  guint status;
  gint64 order_id;
} Racer;

/* Sends the checkout on a session of its own the moment both racers are ready. */
static gpointer
race_checkout (gpointer data)
{
  Racer *racer = data;
  Race *race = racer->race;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) message = lic_message_new (server, "POST", "/api/v1/checkout", sundby);
  g_autoptr(GBytes) body = g_bytes_new (race->body, strlen (race->body));
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  soup_message_set_request_body_from_bytes (message, "application/json", body);
  g_mutex_lock (&race->lock);
  race->ready++;
  g_cond_broadcast (&race->cond);
  while (!race->go)
    g_cond_wait (&race->cond, &race->lock);
  g_mutex_unlock (&race->lock);

  answer = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  racer->status = soup_message_get_status (message);
  json_parser_load_from_data (parser, g_bytes_get_data (answer, NULL), g_bytes_get_size (answer),
                              &error);
  g_assert_no_error (error);
  racer->order_id = json_object_get_int_member (
    json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                   "order"), "id");
  return NULL;
}

static void
test_concurrent_same_key (void)
{
  g_autoptr(LicReply) line = lic_add_cart_line (server, sundby, codequest, ekbackeskolan, 4,
                                                NULL);
  guint orders = count_orders (sundby);
  Race race = { 0 };
  Racer racers[2] = { { &race, 0, 0 }, { &race, 0, 0 } };
  GThread *threads[2];
  g_autoptr(JsonNode) cart = NULL;

  lic_assert_reply (line, 201, NULL);
  race.body = g_strdup_printf ("{\"payment\": \"order\", \"idempotency_key\": \"race-key-0001\","
                               " \"expected_total\": %" G_GINT64_FORMAT "}", cart_total (sundby));
  g_mutex_init (&race.lock);
  g_cond_init (&race.cond);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("racer", race_checkout, &racers[i]);

  g_mutex_lock (&race.lock);
  while (race.ready < G_N_ELEMENTS (threads))
    g_cond_wait (&race.cond, &race.lock);
  race.go = TRUE;
  g_cond_broadcast (&race.cond);
  g_mutex_unlock (&race.lock);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);

  /* One made the order and the other was given it. */
  g_assert_cmpuint (racers[0].status + racers[1].status, ==, 201 + 200);
  g_assert_cmpint (racers[0].order_id, ==, racers[1].order_id);
  g_assert_cmpuint (count_orders (sundby), ==, orders + 1);
  cart = get_json (sundby, "/api/v1/cart");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (cart), "line_count"), ==, 0);

  g_free (race.body);
  g_mutex_clear (&race.lock);
  g_cond_clear (&race.cond);
}

/* Asserts that a refused checkout left orders, cart and pools as they were. */
static void
assert_refused (LicReply   *reply,
                guint       status,
                const char *code,
                const char *message,
                guint       orders,
                JsonNode   *cart,
                JsonNode   *pools)
{
  g_autoptr(JsonNode) cart_after = get_json (sundby, "/api/v1/cart");
  g_autoptr(JsonNode) pools_after = get_json (sundby, "/api/v1/pools?limit=200");

  lic_assert_reply (reply, status, code);
  if (message != NULL)
    g_assert_cmpstr (lic_reply_error_message (reply), ==, message);
  g_assert_cmpuint (count_orders (sundby), ==, orders);
  g_assert_true (json_node_equal (cart_after, cart));
  g_assert_true (json_node_equal (pools_after, pools));
}

static void
test_refusals (void)
{
  g_autofree char *hide = g_strdup_printf ("DELETE FROM product_prices WHERE product_id = %"
                                           G_GINT64_FORMAT " AND currency = 'SEK'", codequest);
  g_autofree char *restore = g_strdup_printf ("INSERT INTO product_prices (product_id, currency,"
                                              " price_minor) VALUES (%" G_GINT64_FORMAT ", 'SEK',"
                                              " 14900)", codequest);
  guint orders = count_orders (sundby);
  g_autoptr(JsonNode) empty_cart = get_json (sundby, "/api/v1/cart");
  g_autoptr(JsonNode) pools = get_json (sundby, "/api/v1/pools?limit=200");
  g_autoptr(LicReply) empty = checkout (sundby, "refusal-key-01", NULL);
  g_autoptr(LicReply) line = NULL;
  g_autoptr(LicReply) stale = NULL;
  g_autoptr(LicReply) wrong_payment = NULL;
  g_autoptr(LicReply) short_key = NULL;
  g_autoptr(LicReply) long_key = NULL;
  g_autoptr(LicReply) total_text = NULL;
  g_autoptr(LicReply) removed = NULL;
  g_autoptr(JsonNode) cart = NULL;
  g_autoptr(JsonNode) hidden_cart = NULL;
  g_autofree char *stale_total = NULL;
  g_autofree char *too_long = g_strnfill (201, 'k');
  g_autofree char *long_body = g_strdup_printf ("{\"payment\": \"order\", \"idempotency_key\":"
                                                " \"%s\"}", too_long);

  assert_refused (empty, 409, "conflict", "Your cart is empty.", orders, empty_cart, pools);

  line = lic_add_cart_line (server, sundby, codequest, solbergagymnasiet, 3, NULL);
  lic_assert_reply (line, 201, NULL);
  cart = get_json (sundby, "/api/v1/cart");

  stale_total = g_strdup_printf ("%" G_GINT64_FORMAT, cart_total (sundby) - 1);
  stale = checkout (sundby, "refusal-key-02", stale_total);
  assert_refused (stale, 409, "conflict",
                  "Prices have changed since you opened your cart. Check the new total and "
                  "check out again.", orders, cart, pools);

  wrong_payment = lic_post_json (server, "/api/v1/checkout", sundby,
                                 "{\"payment\": \"invoice\","
                                 " \"idempotency_key\": \"refusal-key-03\"}");
  assert_refused (wrong_payment, 400, "invalid",
                  "“payment” must be “order” or “purchase_request”.", orders, cart, pools);
  short_key = checkout (sundby, "short", NULL);
  assert_refused (short_key, 400, "invalid",
                  "“idempotency_key” must be text of 8 to 200 characters, made once for each "
                  "checkout attempt.", orders, cart, pools);
  long_key = lic_post_json (server, "/api/v1/checkout", sundby, long_body);
  assert_refused (long_key, 400, "invalid", NULL, orders, cart, pools);
  total_text = checkout (sundby, "refusal-key-04", "\"a lot\"");
  assert_refused (total_text, 400, "invalid", "“expected_total” must be an integer.", orders,
                  cart, pools);

  /* A product taken out of the library while it was in the cart. */
  lic_db_exec (lic_test_server_get_database (server), hide);
  hidden_cart = get_json (sundby, "/api/v1/cart");
  g_assert_false (json_object_get_boolean_member (
                    json_array_get_object_element (
                      json_object_get_array_member (json_node_get_object (hidden_cart), "lines"),
                      0), "offered"));
  removed = checkout (sundby, "refusal-key-05", NULL);
  assert_refused (removed, 409, "conflict",
                  "CodeQuest is no longer offered. Remove it from your cart and check out "
                  "again.", orders, hidden_cart, pools);
  lic_db_exec (lic_test_server_get_database (server), restore);

  /* None of the refused keys was spent. */
  {
    g_autoptr(LicReply) accepted = checkout (sundby, "refusal-key-02", NULL);

    lic_assert_reply (accepted, 201, NULL);
  }
}

static void
test_orders (void)
{
  g_autoptr(JsonObject) newest = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) paged = NULL;
  g_autoptr(LicReply) one = NULL;
  g_autoptr(LicReply) foreign = NULL;
  g_autoptr(LicReply) missing = NULL;
  g_autoptr(LicReply) school_view = NULL;
  g_autoptr(LicReply) line = NULL;
  g_autofree char *path = NULL;
  guint n_pages;
  JsonObject *seen;
  gint64 id;

  /* An order for two schools. */
  line = lic_add_cart_line (server, sundby, mattemolnet, solbergagymnasiet, 2, NULL);
  lic_assert_reply (line, 201, NULL);
  g_clear_pointer (&line, lic_reply_free);
  line = lic_add_cart_line (server, sundby, kemilabbet, ekbackeskolan, 3, NULL);
  lic_assert_reply (line, 201, NULL);
  newest = lic_check_out (server, sundby);
  id = json_object_get_int_member (newest, "id");

  all = lic_list_all (server, sundby, "/api/v1/orders", 200, NULL);
  paged = lic_list_all (server, sundby, "/api/v1/orders", 1, &n_pages);
  g_assert_cmpuint (all->len, >=, 2);
  g_assert_cmpuint (paged->len, ==, all->len);
  g_assert_cmpuint (n_pages, ==, all->len);
  for (guint i = 0; i < all->len; i++)
    {
      g_assert_true (json_object_equal (g_ptr_array_index (paged, i),
                                        g_ptr_array_index (all, i)));
      if (i > 0)
        g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (all, i - 1), "id"), >,
                         json_object_get_int_member (g_ptr_array_index (all, i), "id"));
    }
  g_assert_true (json_object_equal (g_ptr_array_index (all, 0), newest));

  path = g_strdup_printf ("/api/v1/orders/%" G_GINT64_FORMAT, id);
  one = lic_get (server, sundby, "%s", path);
  lic_assert_reply (one, 200, NULL);
  g_assert_true (json_object_equal (lic_reply_object (one), newest));

  /* Another organization does not see it, and a school admin sees their school's line. */
  foreign = lic_get (server, koivula, "%s", path);
  lic_assert_reply (foreign, 404, "not_found");
  missing = lic_get (server, sundby, "/api/v1/orders/999999");
  lic_assert_reply (missing, 404, "not_found");
  school_view = lic_get (server, ekbacke, "%s", path);
  lic_assert_reply (school_view, 200, NULL);
  seen = lic_reply_object (school_view);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (seen, "lines")), ==, 1);
  g_assert_cmpint (json_object_get_int_member (lic_order_line (seen, 0), "school_id"), ==,
                   ekbackeskolan);
  g_assert_cmpint (json_object_get_int_member (seen, "total"), ==, 3 * 15900);
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
  ekbackeskolan = lic_find_id (server, sundby, "/api/v1/schools", "Ekbackeskolan");
  solbergagymnasiet = lic_find_id (server, sundby, "/api/v1/schools", "Solbergagymnasiet");
  mattemolnet = lic_find_id (server, sundby, "/api/v1/products", "Mattemolnet");
  codequest = lic_find_id (server, sundby, "/api/v1/products", "CodeQuest");
  kemilabbet = lic_find_id (server, sundby, "/api/v1/products", "Kemilabbet 3D");

  g_test_add_func ("/server/checkout/direct-new-pool", test_direct_new_pool);
  g_test_add_func ("/server/checkout/direct-existing-pool", test_direct_existing_pool);
  g_test_add_func ("/server/checkout/delayed", test_delayed);
  g_test_add_func ("/server/checkout/activation-line", test_activation_line);
  g_test_add_func ("/server/checkout/idempotent-retry", test_idempotent_retry);
  g_test_add_func ("/server/checkout/concurrent-same-key", test_concurrent_same_key);
  g_test_add_func ("/server/checkout/refusals", test_refusals);
  g_test_add_func ("/server/checkout/orders", test_orders);
  result = g_test_run ();

  g_free (sundby);
  g_free (ekbacke);
  g_free (koivula);
  lic_test_server_stop (server);
  return result;
}
