/* test-server-compliance.c: purchase requests, the 60-day compliance window and renewal (seed
 * 004, docs/api.md "Purchase requests and compliance"), through the HTTP API of a server whose
 * clock the tests move.
 *
 * Every test runs a demo server of its own with --test-clock. Its dates lie between the day the
 * demo is loaded and the demo's first term end (at least 60 days later), unless a test is about
 * terms ending: the demo's own pools then stay out of the way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <libsoup/soup.h>
#include <signal.h>
#include <string.h>

#include "lic-server-test.h"
#include "lic-test-mail.h"

/* Day 0 of the purchase requests of most tests. */
#define DAY_0 "2026-11-26T09:00:00Z"

#define FYSIK "Fysikfabriken"
#define SOLBERGA "Solbergagymnasiet"
#define EKBACKE "Ekbackeskolan"

/* Time */

/* Returns: (transfer full): @day_0 plus @days days and @seconds seconds, as the server writes
 * times */
static char *
at (const char *day_0,
    int         days,
    int         seconds)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 (day_0, utc);
  g_autoptr(GDateTime) later = g_date_time_add_seconds (start, days * 86400.0 + seconds);

  return g_date_time_format (later, "%Y-%m-%dT%H:%M:%SZ");
}

static void
set_clock (LicTestServer *server,
           const char    *now)
{
  g_autofree char *body = g_strdup_printf ("{\"now\": \"%s\"}", now);
  g_autoptr(LicReply) reply = lic_post_json (server, "/api/v1/test/clock", NULL, body);

  lic_assert_reply (reply, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (lic_reply_object (reply), "now"), ==, now);
}

static void
set_day (LicTestServer *server,
         int            days,
         int            seconds)
{
  g_autofree char *now = at (DAY_0, days, seconds);

  set_clock (server, now);
}

/* The world */

static LicTestServer *
start_server (const char *smtp_url)
{
  const char *plain[] = { "--demo", "--test-clock", NULL };
  const char *smtp[] = { "--demo", "--test-clock", "--smtp", smtp_url, NULL };

  LicTestServer *server = lic_test_server_start (smtp_url != NULL ? smtp : plain);

  /* The demo's users read Swedish and Finnish; these tests read the e-mails in English (and
   * test-server-i18n in the users' languages). */
  lic_db_exec (lic_test_server_get_database (server), "UPDATE users SET language = 'en'");
  return server;
}

static gint64
school_id (LicTestServer *server,
           const char    *token,
           const char    *name)
{
  return lic_find_id (server, token, "/api/v1/schools", name);
}

static gint64
product_id (LicTestServer *server,
            const char    *token,
            const char    *name)
{
  return lic_find_id (server, token, "/api/v1/products", name);
}

/* The first @count students of a school, by name. */
static GArray *
students (LicTestServer *server,
          const char    *token,
          gint64         school,
          guint          count)
{
  g_autoptr(LicReply) reply = lic_get (server, token, "/api/v1/users?school_id=%" G_GINT64_FORMAT
                                       "&role=student&limit=200", school);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  JsonArray *items;

  lic_assert_reply (reply, 200, NULL);
  items = lic_reply_items (reply);
  g_assert_cmpuint (json_array_get_length (items), >=, count);
  for (guint i = 0; i < count; i++)
    {
      gint64 id = json_object_get_int_member (json_array_get_object_element (items, i), "id");

      g_array_append_val (ids, id);
    }
  return ids;
}

/* `[a, b, …]` of @count ids of @ids from @first. */
static char *
id_list (GArray *ids,
         guint   first,
         guint   count)
{
  GString *out = g_string_new ("[");

  for (guint i = first; i < first + count; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i > first ? ", " : "",
                            g_array_index (ids, gint64, i));
  g_string_append_c (out, ']');
  return g_string_free (out, FALSE);
}

static LicReply *
check_out (LicTestServer *server,
           const char    *token,
           const char    *payment,
           const char    *key)
{
  g_autoptr(LicReply) cart = lic_get (server, token, "/api/v1/cart");
  g_autofree char *json = NULL;

  lic_assert_reply (cart, 200, NULL);
  json = g_strdup_printf ("{\"payment\": \"%s\", \"idempotency_key\": \"%s\","
                          " \"expected_total\": %" G_GINT64_FORMAT "}", payment, key,
                          json_object_get_int_member (lic_reply_object (cart), "total"));
  return lic_post_json (server, "/api/v1/checkout", token, json);
}

/* Buys @quantity licenses for @count users of @users from @first, alone in the cart.
 *
 * Returns: (transfer full): the order */
static JsonObject *
buy (LicTestServer *server,
     const char    *token,
     gint64         product,
     gint64         school,
     gint64         quantity,
     GArray        *users,
     guint          first,
     guint          count,
     const char    *payment)
{
  g_autofree char *ids = id_list (users, first, count);
  g_autofree char *picks = g_strdup_printf ("\"user_ids\": %s", ids);
  g_autofree char *key = g_uuid_string_random ();
  g_autoptr(LicReply) line = lic_add_cart_line (server, token, product, school, quantity,
                                                count > 0 ? picks : NULL);
  g_autoptr(LicReply) reply = NULL;
  JsonObject *order;

  lic_assert_reply (line, 201, NULL);
  reply = check_out (server, token, payment, key);
  lic_assert_reply (reply, 201, NULL);
  order = json_object_get_object_member (lic_reply_object (reply), "order");
  g_assert_cmpstr (json_object_get_string_member (order, "payment"), ==, payment);
  return json_object_ref (order);
}

static gint64
line_member (JsonObject *order,
             const char *member)
{
  return json_object_get_int_member (lic_order_line (order, 0), member);
}

static JsonObject *
get_object (LicTestServer *server,
            const char    *token,
            const char    *path)
{
  g_autoptr(LicReply) reply = lic_get (server, token, "%s", path);

  lic_assert_reply (reply, 200, NULL);
  return json_object_ref (lic_reply_object (reply));
}

static JsonObject *
get_pool (LicTestServer *server,
          const char    *token,
          gint64         pool)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/pools/%" G_GINT64_FORMAT, pool);

  return get_object (server, token, path);
}

static void
assert_pool (JsonObject *pool,
             gint64      assigned,
             gint64      available,
             gint64      payable,
             gint64      capacity,
             gint64      no_access,
             const char *phase)
{
  g_assert_cmpint (json_object_get_int_member (pool, "assigned"), ==, assigned);
  g_assert_cmpint (json_object_get_int_member (pool, "available"), ==, available);
  g_assert_cmpint (json_object_get_int_member (pool, "payable"), ==, payable);
  g_assert_cmpint (json_object_get_int_member (pool, "capacity"), ==, capacity);
  g_assert_cmpint (json_object_get_int_member (pool, "no_access"), ==, no_access);
  g_assert_cmpstr (json_object_get_string_member (pool, "phase"), ==, phase);
}

/* Returns: (transfer none): notice @index of @pool, which must be of @kind */
static JsonObject *
notice (JsonObject *pool,
        guint       index,
        const char *kind)
{
  JsonArray *notices = json_object_get_array_member (pool, "notices");
  JsonObject *found;

  g_assert_cmpuint (index, <, json_array_get_length (notices));
  found = json_array_get_object_element (notices, index);
  g_assert_cmpstr (json_object_get_string_member (found, "kind"), ==, kind);
  return found;
}

static guint
n_notices (JsonObject *pool)
{
  return json_array_get_length (json_object_get_array_member (pool, "notices"));
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* The users of GET /users?list=@list&pool_id=@pool, by id; @items: (out) (optional) their
 * items, by name. */
static GArray *
list_ids (LicTestServer  *server,
          const char     *token,
          const char     *list,
          gint64          pool,
          GPtrArray     **items)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/users?list=%s&pool_id=%" G_GINT64_FORMAT,
                                           list, pool);
  g_autoptr(GPtrArray) all = lic_list_all (server, token, path, 2, NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < all->len; i++)
    {
      gint64 id = json_object_get_int_member (g_ptr_array_index (all, i), "id");

      g_array_append_val (ids, id);
    }
  g_array_sort (ids, compare_ids);
  if (items != NULL)
    *items = g_steal_pointer (&all);
  return ids;
}

/* @count ids of @users from @first, by id. */
static GArray *
sorted_slice (GArray *users,
              guint   first,
              guint   count)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_array_append_vals (ids, &g_array_index (users, gint64, first), count);
  g_array_sort (ids, compare_ids);
  return ids;
}

static void
assert_ids (GArray *actual,
            GArray *expected)
{
  g_assert_cmpuint (actual->len, ==, expected->len);
  for (guint i = 0; i < actual->len; i++)
    g_assert_cmpint (g_array_index (actual, gint64, i), ==, g_array_index (expected, gint64, i));
}

static gint64
license_state_count (LicTestServer *server,
                     const char    *token,
                     gint64         user,
                     gint64         pool,
                     const char    *state)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/users/%" G_GINT64_FORMAT, user);
  g_autoptr(JsonObject) item = get_object (server, token, path);
  JsonArray *licenses = json_object_get_array_member (item, "licenses");
  gint64 count = 0;

  for (guint i = 0; i < json_array_get_length (licenses); i++)
    {
      JsonObject *license = json_array_get_object_element (licenses, i);

      if (json_object_get_int_member (license, "pool_id") == pool
          && (state == NULL || g_str_equal (json_object_get_string_member (license, "state"),
                                            state)))
        count++;
    }
  return count;
}

/* E-mail */

/* E-mails in the outbox, sent or not, with @subject. */
static gint64
outbox_count (LicTestServer *server,
              const char    *subject)
{
  g_autofree char *quoted = NULL;
  g_autofree char *sql = NULL;
  char *p;

  quoted = g_strdup (subject);
  for (p = quoted; *p != '\0'; p++)
    g_assert_true (*p != '\'');
  sql = g_strdup_printf ("SELECT count (*) FROM outbox WHERE subject = '%s'", quoted);
  return lic_db_query_int (lic_test_server_get_database (server), sql);
}

static gint64
outbox_total (LicTestServer *server)
{
  return lic_db_query_int (lic_test_server_get_database (server), "SELECT count (*) FROM outbox");
}

/* The admins of a school with an address: its organization's and its own. */
static gint64
admins_with_email (LicTestServer *server,
                   gint64         school)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM users WHERE role = 'administrator'"
                                          " AND email IS NOT NULL AND ((organization_admin = 1"
                                          " AND organization_id = (SELECT organization_id FROM"
                                          " schools WHERE id = %1$" G_GINT64_FORMAT "))"
                                          " OR id IN (SELECT user_id FROM school_admins"
                                          " WHERE school_id = %1$" G_GINT64_FORMAT "))", school);

  return lic_db_query_int (lic_test_server_get_database (server), sql);
}

static gint64
with_email (LicTestServer *server,
            GArray        *ids)
{
  g_autofree char *list = id_list (ids, 0, ids->len);
  g_autofree char *sql = NULL;

  list[0] = '(';
  list[strlen (list) - 1] = ')';
  sql = g_strdup_printf ("SELECT count (*) FROM users WHERE email IS NOT NULL AND id IN %s",
                         list);
  return lic_db_query_int (lic_test_server_get_database (server), sql);
}

static gboolean
outbox_sent (gpointer data)
{
  return lic_db_query_int (lic_test_server_get_database (data),
                           "SELECT count (*) FROM outbox WHERE sent_at IS NULL") == 0;
}

static guint
count_subject (GPtrArray  *mails,
               const char *subject)
{
  guint count = 0;

  for (guint i = 0; i < mails->len; i++)
    count += g_strcmp0 (lic_test_mail_get_header (g_ptr_array_index (mails, i), "Subject"),
                        subject) == 0;
  return count;
}

static GPtrArray *
maildir_mails (LicTestServer *server)
{
  g_autofree char *maildir = g_strconcat (lic_test_server_get_database (server), ".maildir",
                                          NULL);

  lic_test_wait_until (outbox_sent, server, "every e-mail of the outbox sent");
  return lic_test_maildir_get_mails (maildir);
}

/* The database's state that a refusal must not change. */
static char *
snapshot (LicTestServer *server)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
                          " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
                          " %" G_GINT64_FORMAT,
                          lic_db_query_int (lic_test_server_get_database (server),
                                            "SELECT count (*) FROM orders"),
                          lic_db_query_int (lic_test_server_get_database (server),
                                            "SELECT count (*) FROM purchase_requests"
                                            " WHERE paid_order_id IS NULL"),
                          lic_db_query_int (lic_test_server_get_database (server),
                                            "SELECT total (quantity_paid + renewed * 1000)"
                                            " FROM pools"),
                          lic_db_query_int (lic_test_server_get_database (server),
                                            "SELECT count (*) FROM assignments"
                                            " WHERE state = 'active'"),
                          lic_db_query_int (lic_test_server_get_database (server),
                                            "SELECT count (*) FROM assignments"
                                            " WHERE kept_at IS NOT NULL"),
                          lic_db_query_int (lic_test_server_get_database (server),
                                            "SELECT count (*) FROM notifications"),
                          outbox_total (server));
}

/* The seed's example, step by step: 45 paid, 5 requested, 50 assigned; the notice and the
 * Payable list at day 10; the late e-mail at day 31, once; one user unassigned; suspension at
 * day 61 with its e-mails and purchase requests refused; paying gives access back. */
static void
test_seed_example (void)
{
  g_autoptr(LicTestSmtp) smtp = lic_test_smtp_start ();
  g_autoptr(LicTestServer) server = start_server (lic_test_smtp_get_url (smtp));
  g_autofree char *admin = lic_sign_in (server, "demo-admin", "demo-admin");
  gint64 solberga = school_id (server, admin, SOLBERGA);
  gint64 fysik = product_id (server, admin, FYSIK);
  g_autoptr(GArray) users = students (server, admin, solberga, 50);
  g_autoptr(JsonObject) paid = NULL;
  g_autoptr(JsonObject) requested = NULL;
  g_autoptr(JsonObject) pool = NULL;
  g_autoptr(GArray) latest = sorted_slice (users, 45, 5);
  g_autoptr(GArray) payable = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) mails = NULL;
  g_autofree char *due_at = at (DAY_0, 60, 0);
  g_autofree char *day_31 = NULL;
  g_autofree char *pool_path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *late = "Payment for 5 licenses of Fysikfabriken at Solbergagymnasiet is late";
  const char *suspended = "5 licenses of Fysikfabriken at Solbergagymnasiet have been suspended";
  gint64 admins = admins_with_email (server, solberga);
  gint64 pool_id, request_id;
  guint expected_mails;

  /* Day −1: 45 licenses paid, one for each of 45 users. */
  set_day (server, -1, 0);
  paid = buy (server, admin, fysik, solberga, 45, users, 0, 45, "order");
  pool_id = line_member (paid, "pool_id");
  pool = get_pool (server, admin, pool_id);
  assert_pool (pool, 45, 45, 0, 45, 0, "none");
  g_assert_cmpuint (n_notices (pool), ==, 0);

  /* Day 0: a purchase request for 5 more, for 5 more users, who can use them at once. */
  set_day (server, 0, 0);
  requested = buy (server, admin, fysik, solberga, 5, users, 45, 5, "purchase_request");
  request_id = line_member (requested, "purchase_request_id");
  g_assert_cmpint (request_id, >, 0);
  g_assert_cmpint (line_member (requested, "pool_id"), ==, pool_id);
  g_assert_cmpstr (json_object_get_string_member (lic_order_line (requested, 0), "status_text"),
                   ==, "Delivered · 5 of 5 assigned · Not paid yet");
  g_clear_pointer (&pool, json_object_unref);
  pool = get_pool (server, admin, pool_id);
  assert_pool (pool, 50, 45, 5, 50, 0, "due");
  /* The users given access by the request are told so. */
  g_assert_cmpint (outbox_count (server, "You have access to Fysikfabriken"), ==,
                   with_email (server, latest));

  /* Day 10: "Some licenses must be paid", and the 5 assigned last are payable. */
  set_day (server, 10, 0);
  g_clear_pointer (&pool, json_object_unref);
  pool = get_pool (server, admin, pool_id);
  assert_pool (pool, 50, 45, 5, 50, 0, "due");
  g_assert_cmpuint (n_notices (pool), ==, 1);
  g_assert_cmpint (json_object_get_int_member (notice (pool, 0, "payment_due"), "quantity"), ==,
                   5);
  g_assert_cmpint (json_object_get_int_member (notice (pool, 0, "payment_due"), "payable_users"),
                   ==, 5);
  g_assert_cmpint (json_object_get_int_member (notice (pool, 0, "payment_due"),
                                               "purchase_request_id"), ==, request_id);
  g_assert_cmpstr (json_object_get_string_member (notice (pool, 0, "payment_due"), "due_at"), ==,
                   due_at);
  payable = list_ids (server, admin, "payable", pool_id, &items);
  assert_ids (payable, latest);
  for (guint i = 0; i < items->len; i++)
    {
      JsonArray *pools = json_object_get_array_member (g_ptr_array_index (items, i), "payable");
      JsonObject *entry = json_array_get_object_element (pools, 0);

      g_assert_cmpuint (json_array_get_length (pools), ==, 1);
      g_assert_cmpint (json_object_get_int_member (entry, "pool_id"), ==, pool_id);
      g_assert_cmpstr (json_object_get_string_member (entry, "product_name"), ==, FYSIK);
      g_assert_cmpstr (json_object_get_string_member (entry, "loses_access_on"), ==, due_at);
    }
  g_assert_cmpint (outbox_count (server, late), ==, 0);
  /* The product page says the same for the school. */
  {
    g_autofree char *product_path = g_strdup_printf ("/api/v1/products/%" G_GINT64_FORMAT, fysik);
    g_autoptr(JsonObject) product = get_object (server, admin, product_path);
    JsonArray *schools = json_object_get_array_member (product, "schools");
    gboolean found = FALSE;

    for (guint i = 0; i < json_array_get_length (schools); i++)
      {
        JsonObject *school = json_array_get_object_element (schools, i);

        if (json_object_get_int_member (school, "school_id") != solberga)
          {
            g_assert_cmpstr (json_object_get_string_member (school, "phase"), ==, "none");
            continue;
          }
        found = TRUE;
        assert_pool (school, 50, 45, 5, 50, 0, "due");
        notice (school, 0, "payment_due");
      }
    g_assert_true (found);
  }

  /* Day 31: the late e-mail, to every admin of the school, once. */
  set_day (server, 31, 0);
  g_clear_pointer (&pool, json_object_unref);
  pool = get_pool (server, admin, pool_id);
  assert_pool (pool, 50, 45, 5, 50, 0, "late");
  notice (pool, 0, "payment_late");
  g_assert_cmpint (admins, >=, 2);
  g_assert_cmpint (outbox_count (server, late), ==, admins);
  day_31 = at (DAY_0, 31, 3600);
  set_clock (server, day_31);
  g_assert_cmpint (outbox_count (server, late), ==, admins);

  expected_mails = with_email (server, latest) + admins;
  mails = lic_test_smtp_wait (smtp, expected_mails);
  g_assert_cmpuint (mails->len, ==, expected_mails);
  g_assert_cmpuint (count_subject (mails, late), ==, admins);
  for (guint i = 0; i < mails->len; i++)
    {
      LicTestMail *mail = g_ptr_array_index (mails, i);

      if (g_strcmp0 (lic_test_mail_get_header (mail, "Subject"), late) != 0)
        continue;
      g_assert_true (g_str_has_suffix (mail->envelope_to, ".example.se"));
      g_assert_nonnull (strstr (mail->body, "before 25 January 2027"));
      g_assert_nonnull (strstr (mail->body, "Sundby kommun will not be able to make new "
                                            "purchase requests"));
    }
  g_clear_pointer (&mails, g_ptr_array_unref);

  /* One user who is not payable is unassigned: one fewer on the list, the notice unchanged. */
  {
    g_autofree char *body = g_strdup_printf ("{\"user_ids\": [%" G_GINT64_FORMAT "]}",
                                             g_array_index (users, gint64, 0));
    g_autofree char *path = g_strdup_printf ("/api/v1/pools/%" G_GINT64_FORMAT "/assignments",
                                             pool_id);
    g_autoptr(LicReply) reply = lic_send_json (server, "DELETE", path, admin, body);
    JsonObject *changed;

    lic_assert_reply (reply, 200, NULL);
    g_assert_cmpint (json_object_get_int_member (lic_reply_object (reply), "unassigned"), ==, 1);
    changed = json_object_get_object_member (lic_reply_object (reply), "pool");
    assert_pool (changed, 49, 45, 5, 50, 0, "late");
    g_assert_cmpint (json_object_get_int_member (notice (changed, 0, "payment_late"), "quantity"),
                     ==, 5);
    g_assert_cmpint (json_object_get_int_member (notice (changed, 0, "payment_late"),
                                                 "payable_users"), ==, 4);
  }
  g_clear_pointer (&payable, g_array_unref);
  payable = list_ids (server, admin, "payable", pool_id, NULL);
  /* The first on the list (the earliest rank: all five were assigned at once, so the lowest
   * id) moved onto the freed license. */
  g_array_remove_index (latest, 0);
  assert_ids (payable, latest);

  /* Day 61: the 4 on the list lose access; the admins and each of them hear of it. */
  set_day (server, 61, 0);
  g_clear_pointer (&pool, json_object_unref);
  pool = get_pool (server, admin, pool_id);
  assert_pool (pool, 45, 45, 5, 45, 4, "suspended");
  g_assert_cmpint (json_object_get_int_member (notice (pool, 0, "suspended"), "quantity"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (notice (pool, 0, "suspended"), "no_access"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (notice (pool, 0, "suspended"), "payable_users"),
                   ==, 0);
  g_clear_pointer (&payable, g_array_unref);
  payable = list_ids (server, admin, "payable", pool_id, NULL);
  g_assert_cmpuint (payable->len, ==, 0);
  {
    g_autoptr(GPtrArray) without_items = NULL;
    g_autoptr(GArray) without = list_ids (server, admin, "no_access", pool_id, &without_items);
    g_autofree char *since = at (DAY_0, 61, 0);

    assert_ids (without, latest);
    for (guint i = 0; i < without_items->len; i++)
      {
        JsonArray *pools = json_object_get_array_member (g_ptr_array_index (without_items, i),
                                                         "no_access");

        g_assert_cmpuint (json_array_get_length (pools), ==, 1);
        g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (pools, 0),
                                                        "since"), ==, since);
      }
    for (guint i = 0; i < latest->len; i++)
      g_assert_cmpint (license_state_count (server, admin, g_array_index (latest, gint64, i),
                                            pool_id, "no_access"), ==, 1);
  }
  g_assert_cmpint (outbox_count (server, suspended), ==, admins);
  g_assert_cmpint (outbox_count (server, "Your access to Fysikfabriken has ended"), ==,
                   with_email (server, latest));
  expected_mails += admins + with_email (server, latest);
  mails = lic_test_smtp_wait (smtp, expected_mails);
  g_assert_cmpuint (count_subject (mails, suspended), ==, admins);
  g_assert_cmpuint (count_subject (mails, "Your access to Fysikfabriken has ended"), ==,
                    with_email (server, latest));
  g_clear_pointer (&mails, g_ptr_array_unref);

  /* No new purchase requests: the cart says why, and checkout refuses with it, changing
   * nothing. */
  {
    g_autoptr(LicReply) line = lic_add_cart_line (server, admin, fysik, solberga, 2, NULL);
    g_autoptr(JsonObject) cart = get_object (server, admin, "/api/v1/cart");
    JsonObject *allowed = json_object_get_object_member (cart, "purchase_request");
    g_autoptr(LicReply) refused = NULL;
    g_autoptr(JsonObject) cart_after = NULL;
    const char *reason = "Purchase requests are closed until Sundby kommun places an order for "
                         "the 5 unpaid licenses of Fysikfabriken at Solbergagymnasiet.";

    lic_assert_reply (line, 201, NULL);
    g_assert_false (json_object_get_boolean_member (allowed, "allowed"));
    g_assert_cmpstr (json_object_get_string_member (allowed, "reason"), ==, reason);
    before = snapshot (server);
    refused = check_out (server, admin, "purchase_request", "refused-key-0001");
    lic_assert_reply (refused, 409, "conflict");
    g_assert_cmpstr (lic_reply_error_message (refused), ==, reason);
    after = snapshot (server);
    g_assert_cmpstr (after, ==, before);
    cart_after = get_object (server, admin, "/api/v1/cart");
    g_assert_cmpint (json_object_get_int_member (cart_after, "line_count"), ==, 1);
    pool_path = g_strdup_printf ("/api/v1/cart/lines/%" G_GINT64_FORMAT,
                                 json_object_get_int_member (lic_reply_object (line), "id"));
    g_clear_pointer (&refused, lic_reply_free);
    refused = lic_send (lic_message_new (server, "DELETE", pool_path, admin));
    lic_assert_reply (refused, 204, NULL);
  }

  /* Paying: an order for the 5, the users without access get them back, "order placed". */
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/purchase-requests/%" G_GINT64_FORMAT,
                                             request_id);
    g_autoptr(JsonObject) request = get_object (server, admin, path);
    g_autofree char *order_path = g_strconcat (path, "/order", NULL);
    g_autofree char *body = g_strdup_printf ("{\"idempotency_key\": \"pay-the-request-01\","
                                             " \"expected_total\": %" G_GINT64_FORMAT "}",
                                             json_object_get_int_member (request, "price"));
    g_autoptr(LicReply) reply = NULL;
    g_autoptr(LicReply) again = NULL;
    g_autoptr(JsonObject) cart = NULL;
    JsonObject *order, *paid_request;
    g_autofree char *status = g_strdup_printf ("Pays purchase request %" G_GINT64_FORMAT,
                                               request_id);

    g_assert_cmpstr (json_object_get_string_member (request, "state"), ==, "suspended");
    g_assert_cmpint (json_object_get_int_member (request, "price"), ==,
                     5 * json_object_get_int_member (lic_order_line (requested, 0),
                                                     "unit_price"));
    reply = lic_post_json (server, order_path, admin, body);
    lic_assert_reply (reply, 201, NULL);
    order = json_object_get_object_member (lic_reply_object (reply), "order");
    paid_request = json_object_get_object_member (lic_reply_object (reply), "purchase_request");
    g_assert_cmpstr (json_object_get_string_member (order, "payment"), ==, "order");
    g_assert_cmpint (line_member (order, "purchase_request_id"), ==, request_id);
    g_assert_cmpint (line_member (order, "quantity"), ==, 5);
    g_assert_cmpstr (json_object_get_string_member (lic_order_line (order, 0), "status_text"), ==,
                     status);
    g_assert_cmpstr (json_object_get_string_member (paid_request, "state"), ==, "ordered");
    g_assert_cmpint (json_object_get_int_member (paid_request, "paid_order_id"), ==,
                     json_object_get_int_member (order, "id"));

    /* The same key again: the same order, nothing more. */
    again = lic_post_json (server, order_path, admin, body);
    lic_assert_reply (again, 200, NULL);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (
                       lic_reply_object (again), "order"), "id"), ==,
                     json_object_get_int_member (order, "id"));

    g_clear_pointer (&pool, json_object_unref);
    pool = get_pool (server, admin, pool_id);
    assert_pool (pool, 49, 50, 0, 50, 0, "order_placed");
    g_assert_cmpuint (n_notices (pool), ==, 1);
    g_assert_cmpint (json_object_get_int_member (notice (pool, 0, "order_placed"), "order_id"),
                     ==, json_object_get_int_member (order, "id"));
    for (guint i = 0; i < latest->len; i++)
      g_assert_cmpint (license_state_count (server, admin, g_array_index (latest, gint64, i),
                                            pool_id, "active"), ==, 1);
    g_assert_cmpint (outbox_count (server, "Your access to Fysikfabriken is back"), ==,
                     with_email (server, latest));
    cart = get_object (server, admin, "/api/v1/cart");
    g_assert_true (json_object_get_boolean_member (
                     json_object_get_object_member (cart, "purchase_request"), "allowed"));
  }

  /* Fifteen days on, the notice is gone. */
  set_day (server, 61 + 15, 0);
  g_clear_pointer (&pool, json_object_unref);
  pool = get_pool (server, admin, pool_id);
  assert_pool (pool, 49, 50, 0, 50, 0, "none");
  g_assert_cmpuint (n_notices (pool), ==, 0);
}


/* A pool at Solbergagymnasiet with @paid licenses paid on day −1 for the first @paid of @users
 * (the first @paid + @requested of the school's students), and a purchase request on day 0 for
 * @requested more, for the next @requested users. */
typedef struct
{
  LicTestServer *server;
  char *admin;
  gint64 school;
  gint64 product;
  GArray *users;
  gint64 pool_id;
  gint64 request_id;
} Setup;

static void
setup_clear (Setup *setup)
{
  g_clear_pointer (&setup->users, g_array_unref);
  g_clear_pointer (&setup->admin, g_free);
  g_clear_pointer (&setup->server, lic_test_server_stop);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Setup, setup_clear)

static void
set_up (Setup *setup,
        guint  paid,
        guint  requested)
{
  g_autoptr(JsonObject) first = NULL;
  g_autoptr(JsonObject) second = NULL;

  setup->server = start_server (NULL);
  setup->admin = lic_sign_in (setup->server, "demo-admin", "demo-admin");
  setup->school = school_id (setup->server, setup->admin, SOLBERGA);
  setup->product = product_id (setup->server, setup->admin, FYSIK);
  setup->users = students (setup->server, setup->admin, setup->school, paid + requested);
  set_day (setup->server, -1, 0);
  first = buy (setup->server, setup->admin, setup->product, setup->school, paid, setup->users, 0,
               paid, "order");
  setup->pool_id = line_member (first, "pool_id");
  set_day (setup->server, 0, 0);
  second = buy (setup->server, setup->admin, setup->product, setup->school, requested,
                setup->users, paid, requested, "purchase_request");
  setup->request_id = line_member (second, "purchase_request_id");
}

static char *
request_state (Setup *setup)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/purchase-requests/%" G_GINT64_FORMAT,
                                           setup->request_id);
  g_autoptr(JsonObject) request = get_object (setup->server, setup->admin, path);

  return g_strdup (json_object_get_string_member (request, "state"));
}

#define LATE "Payment for 3 licenses of Fysikfabriken at Solbergagymnasiet is late"
#define SUSPENDED "3 licenses of Fysikfabriken at Solbergagymnasiet have been suspended"
#define ENDED "Your access to Fysikfabriken has ended"

/* A second sweep, a restart (whose sweep runs at start) and the clock set again to the same
 * time change nothing and send nothing. */
static void
test_sweep_twice (void)
{
  g_auto(Setup) setup = { 0 };
  g_autoptr(GPtrArray) mails = NULL;
  g_autofree char *late = NULL;
  g_autofree char *suspended = NULL;
  g_autofree char *again = NULL;
  g_autofree char *state = NULL;
  gint64 admins;

  set_up (&setup, 10, 3);
  admins = admins_with_email (setup.server, setup.school);

  set_day (setup.server, 31, 0);
  late = snapshot (setup.server);
  g_assert_cmpint (outbox_count (setup.server, LATE), ==, admins);
  set_day (setup.server, 31, 0);
  set_day (setup.server, 45, 0);
  lic_test_server_restart (setup.server);
  again = snapshot (setup.server);
  g_assert_cmpstr (again, ==, late);
  state = request_state (&setup);
  g_assert_cmpstr (state, ==, "late");

  set_day (setup.server, 61, 0);
  suspended = snapshot (setup.server);
  g_assert_cmpint (outbox_count (setup.server, SUSPENDED), ==, admins);
  g_assert_cmpint (outbox_count (setup.server, ENDED), ==, 3);
  set_day (setup.server, 61, 0);
  set_day (setup.server, 62, 0);
  lic_test_server_restart (setup.server);
  set_day (setup.server, 62, 0);
  g_free (again);
  again = snapshot (setup.server);
  g_assert_cmpstr (again, ==, suspended);

  /* What was sent, was sent once. */
  mails = maildir_mails (setup.server);
  g_assert_cmpuint (count_subject (mails, LATE), ==, admins);
  g_assert_cmpuint (count_subject (mails, SUSPENDED), ==, admins);
  g_assert_cmpuint (count_subject (mails, ENDED), ==, 3);
  g_assert_cmpuint (mails->len, ==, outbox_total (setup.server));
}

/* Notifications */

/* How many admins of @school (its organization's and its own) have exactly one notification of
 * @kind, and how many of that kind there are in all, as "ADMINS/ALL". */
static char *
notified (LicTestServer *server,
          gint64         school,
          const char    *kind)
{
  g_autofree char *admins = NULL;
  g_autofree char *all = NULL;

  admins = g_strdup_printf ("SELECT count (*) FROM users u WHERE role = 'administrator'"
                            " AND ((organization_admin = 1 AND organization_id = (SELECT"
                            " organization_id FROM schools WHERE id = %1$" G_GINT64_FORMAT "))"
                            " OR id IN (SELECT user_id FROM school_admins"
                            " WHERE school_id = %1$" G_GINT64_FORMAT "))"
                            " AND (SELECT count (*) FROM notifications n"
                            " WHERE n.user_id = u.id AND n.kind = '%2$s') = 1", school, kind);
  all = g_strdup_printf ("SELECT count (*) FROM notifications WHERE kind = '%s'", kind);
  return g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                          lic_db_query_int (lic_test_server_get_database (server), admins),
                          lic_db_query_int (lic_test_server_get_database (server), all));
}

static gint64
school_admins (LicTestServer *server,
               gint64         school)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM users WHERE role = 'administrator'"
                                          " AND ((organization_admin = 1"
                                          " AND organization_id = (SELECT organization_id FROM"
                                          " schools WHERE id = %1$" G_GINT64_FORMAT "))"
                                          " OR id IN (SELECT user_id FROM school_admins"
                                          " WHERE school_id = %1$" G_GINT64_FORMAT "))", school);

  return lic_db_query_int (lic_test_server_get_database (server), sql);
}

typedef struct
{
  SoupSession *session;
  GInputStream *body;
  GDataInputStream *lines;
} Stream;

static void
stream_close (Stream *stream)
{
  g_clear_object (&stream->lines);
  g_clear_object (&stream->body);
  g_clear_object (&stream->session);
  g_free (stream);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Stream, stream_close)

/* GET /events of @token (after @last_event_id, if given), on a session that gives up on a read
 * after half a minute. */
static Stream *
stream_open (LicTestServer *server,
             const char    *token,
             const char    *last_event_id)
{
  Stream *stream = g_new0 (Stream, 1);
  g_autoptr(SoupMessage) message = lic_message_new (server, "GET", "/api/v1/events", token);
  g_autoptr(GError) error = NULL;

  stream->session = soup_session_new_with_options ("timeout", 30, NULL);
  if (last_event_id != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (message), "Last-Event-ID",
                                  last_event_id);
  stream->body = soup_session_send (stream->session, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, 200);
  stream->lines = g_data_input_stream_new (stream->body);
  return stream;
}

/* The data of the stream's next notification event. */
static JsonObject *
stream_next (Stream *stream)
{
  gboolean notification = FALSE;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *line = g_data_input_stream_read_line_utf8 (stream->lines, NULL, NULL,
                                                                  &error);
      g_autoptr(JsonParser) parser = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (line);
      if (g_str_equal (line, "event: notification"))
        notification = TRUE;
      if (!notification || !g_str_has_prefix (line, "data: "))
        continue;
      parser = json_parser_new ();
      json_parser_load_from_data (parser, line + strlen ("data: "), -1, &error);
      g_assert_no_error (error);
      return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
    }
}

static void
assert_notification (JsonObject *notification,
                     Setup      *setup,
                     const char *kind,
                     const char *text)
{
  g_assert_cmpstr (json_object_get_string_member (notification, "kind"), ==, kind);
  g_assert_cmpint (json_object_get_int_member (notification, "product_id"), ==, setup->product);
  g_assert_cmpstr (json_object_get_string_member (notification, "product_name"), ==, FYSIK);
  g_assert_cmpint (json_object_get_int_member (notification, "school_id"), ==, setup->school);
  g_assert_cmpstr (json_object_get_string_member (notification, "school_name"), ==, SOLBERGA);
  g_assert_cmpint (json_object_get_int_member (notification, "quantity"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (notification, "text"), ==, text);
  g_assert_false (json_object_get_boolean_member (notification, "read"));
}

/* Day 30 and day 60 notify every admin of the school once, on the stream and in the list, and
 * no sweep after notifies again. */
static void
test_notifications (void)
{
  g_auto(Setup) setup = { 0 };
  g_autoptr(Stream) stream = NULL;
  g_autoptr(JsonObject) late = NULL;
  g_autoptr(JsonObject) suspended = NULL;
  g_autoptr(LicReply) list = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *count = NULL;
  g_autofree char *last_id = NULL;
  gint64 admins;

  set_up (&setup, 10, 3);
  admins = school_admins (setup.server, setup.school);
  g_assert_cmpint (admins, >, 1);
  expected = g_strdup_printf ("%1$" G_GINT64_FORMAT "/%1$" G_GINT64_FORMAT, admins);
  stream = stream_open (setup.server, setup.admin, NULL);

  set_day (setup.server, 29, 0);
  count = notified (setup.server, setup.school, "payment_late");
  g_assert_cmpstr (count, ==, "0/0");

  set_day (setup.server, 31, 0);
  g_free (count);
  count = notified (setup.server, setup.school, "payment_late");
  g_assert_cmpstr (count, ==, expected);
  late = stream_next (stream);
  assert_notification (late, &setup, "payment_late", LATE ".");

  list = lic_get (setup.server, setup.admin, "/api/v1/notifications");
  lic_assert_reply (list, 200, NULL);
  assert_notification (json_array_get_object_element (lic_reply_items (list), 0), &setup,
                       "payment_late", LATE ".");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (
                     lic_reply_items (list), 0), "id"), ==,
                   json_object_get_int_member (late, "id"));

  set_day (setup.server, 31, 0);
  set_day (setup.server, 45, 0);
  lic_test_server_restart (setup.server);
  g_free (count);
  count = notified (setup.server, setup.school, "payment_late");
  g_assert_cmpstr (count, ==, expected);

  set_day (setup.server, 61, 0);
  g_free (count);
  count = notified (setup.server, setup.school, "licenses_suspended");
  g_assert_cmpstr (count, ==, expected);
  set_day (setup.server, 62, 0);
  g_free (count);
  count = notified (setup.server, setup.school, "licenses_suspended");
  g_assert_cmpstr (count, ==, expected);
  g_free (count);
  count = notified (setup.server, setup.school, "payment_late");
  g_assert_cmpstr (count, ==, expected);

  /* The restart ended the first stream; a new one catches up after the last id it had. */
  g_clear_pointer (&stream, stream_close);
  last_id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (late, "id"));
  stream = stream_open (setup.server, setup.admin, last_id);
  suspended = stream_next (stream);
  assert_notification (suspended, &setup, "licenses_suspended", SUSPENDED ".");
}

/* A server that was down from day 20 to day 61 sends the late e-mail and then suspends when it
 * starts, before it answers anyone. */
static void
test_catch_up (void)
{
  g_auto(Setup) setup = { 0 };
  g_autofree char *day_61 = at (DAY_0, 61, 0);
  g_autofree char *sql = g_strdup_printf ("UPDATE meta SET value = '%s' WHERE key = 'test_clock'",
                                          day_61);
  g_autoptr(JsonObject) pool = NULL;
  g_autofree char *state = NULL;
  gint64 admins;

  set_up (&setup, 10, 3);
  admins = admins_with_email (setup.server, setup.school);
  set_day (setup.server, 20, 0);
  lic_test_server_kill (setup.server);
  lic_db_exec (lic_test_server_get_database (setup.server), sql);
  lic_test_server_restart (setup.server);

  state = request_state (&setup);
  g_assert_cmpstr (state, ==, "suspended");
  pool = get_pool (setup.server, setup.admin, setup.pool_id);
  assert_pool (pool, 10, 10, 3, 10, 3, "suspended");
  g_assert_cmpint (outbox_count (setup.server, LATE), ==, admins);
  g_assert_cmpint (outbox_count (setup.server, SUSPENDED), ==, admins);
  /* In the order they fell due. */
  g_assert_cmpint (lic_db_query_int (lic_test_server_get_database (setup.server),
                                     "SELECT max (id) FROM outbox WHERE subject = '" LATE "'"),
                   <, lic_db_query_int (lic_test_server_get_database (setup.server),
                                        "SELECT min (id) FROM outbox"
                                        " WHERE subject = '" SUSPENDED "'"));
}

/* Day 30 and day 60 begin exactly 30 and 60 times 24 hours after the request. */
static void
test_day_boundaries (void)
{
  g_auto(Setup) setup = { 0 };
  struct {
    int days;
    int seconds;
    const char *state;
    const char *kind;
    gint64 late_mails;
    gint64 no_access;
  } steps[] = {
    { 29, 0, "due", "payment_due", 0, 0 },
    { 30, -1, "due", "payment_due", 0, 0 },
    { 30, 0, "late", "payment_late", 1, 0 },
    { 31, 0, "late", "payment_late", 1, 0 },
    { 59, 0, "late", "payment_late", 1, 0 },
    { 60, -1, "late", "payment_late", 1, 0 },
    { 60, 0, "suspended", "suspended", 1, 3 },
    { 61, 0, "suspended", "suspended", 1, 3 },
  };
  gint64 admins;

  set_up (&setup, 10, 3);
  admins = admins_with_email (setup.server, setup.school);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *state = NULL;
      g_autoptr(JsonObject) pool = NULL;
      g_autofree char *filtered = g_strdup_printf ("/api/v1/purchase-requests?state=%s",
                                                   steps[i].state);
      g_autoptr(JsonObject) list = NULL;

      g_test_message ("day %d %+d s", steps[i].days, steps[i].seconds);
      set_day (setup.server, steps[i].days, steps[i].seconds);
      state = request_state (&setup);
      g_assert_cmpstr (state, ==, steps[i].state);
      pool = get_pool (setup.server, setup.admin, setup.pool_id);
      notice (pool, 0, steps[i].kind);
      g_assert_cmpint (json_object_get_int_member (pool, "no_access"), ==, steps[i].no_access);
      g_assert_cmpint (outbox_count (setup.server, LATE), ==, steps[i].late_mails * admins);
      list = get_object (setup.server, setup.admin, filtered);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (list, "items")), ==,
                        1);
    }
}

/* POST /pools/{id}/keep: X stays, Y goes, and nobody else joins the Payable list; then X keeps
 * access on day 60. */
static void
test_keep (void)
{
  g_auto(Setup) setup = { 0 };
  g_autoptr(GArray) listed = NULL;
  g_autoptr(GArray) after = NULL;
  g_autofree char *path = NULL;
  g_autofree char *body = NULL;
  g_autoptr(LicReply) kept = NULL;
  g_autoptr(JsonObject) pool = NULL;
  gint64 x, y, other;

  set_up (&setup, 10, 5);
  listed = list_ids (setup.server, setup.admin, "payable", setup.pool_id, NULL);
  g_assert_cmpuint (listed->len, ==, 5);
  x = g_array_index (listed, gint64, 2);
  y = g_array_index (setup.users, gint64, 3);
  other = g_array_index (listed, gint64, 0);
  path = g_strdup_printf ("/api/v1/pools/%" G_GINT64_FORMAT "/keep", setup.pool_id);

  set_day (setup.server, 12, 0);
  body = g_strdup_printf ("{\"user_id\": %" G_GINT64_FORMAT ", \"instead_of\": %" G_GINT64_FORMAT
                          "}", x, y);
  kept = lic_post_json (setup.server, path, setup.admin, body);
  lic_assert_reply (kept, 200, NULL);
  assert_pool (json_object_get_object_member (lic_reply_object (kept), "pool"), 14, 10, 5, 15, 0,
               "due");

  after = list_ids (setup.server, setup.admin, "payable", setup.pool_id, NULL);
  g_array_remove_index (listed, 2);
  assert_ids (after, listed);
  g_assert_cmpint (license_state_count (setup.server, setup.admin, y, setup.pool_id, NULL), ==, 0);
  g_assert_cmpint (license_state_count (setup.server, setup.admin, x, setup.pool_id, "active"),
                   ==, 1);

  /* X is off the list now; a user on it cannot be given up; one without a license neither. */
  {
    struct {
      gint64 user;
      gint64 instead_of;
      const char *message;
    } refused[] = {
      { x, g_array_index (setup.users, gint64, 4), "is not on the Payable list" },
      { other, g_array_index (listed, gint64, 1), "is on the Payable list of Fysikfabriken at "
                                                  "Solbergagymnasiet too" },
      { other, y, "has no license of Fysikfabriken at Solbergagymnasiet to give up" },
      { other, other, "is on the Payable list" },
    };
    g_autofree char *before = snapshot (setup.server);

    for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
      {
        g_autofree char *json = g_strdup_printf ("{\"user_id\": %" G_GINT64_FORMAT ","
                                                 " \"instead_of\": %" G_GINT64_FORMAT "}",
                                                 refused[i].user, refused[i].instead_of);
        g_autoptr(LicReply) reply = lic_post_json (setup.server, path, setup.admin, json);
        g_autofree char *state = NULL;

        lic_assert_reply (reply, 409, "conflict");
        g_assert_nonnull (strstr (lic_reply_error_message (reply), refused[i].message));
        state = snapshot (setup.server);
        g_assert_cmpstr (state, ==, before);
      }
  }

  /* On day 60, the four on the list lose access; X, kept, does not. */
  set_day (setup.server, 60, 0);
  pool = get_pool (setup.server, setup.admin, setup.pool_id);
  assert_pool (pool, 10, 10, 5, 10, 4, "suspended");
  g_assert_cmpint (license_state_count (setup.server, setup.admin, x, setup.pool_id, "active"),
                   ==, 1);
  g_clear_pointer (&after, g_array_unref);
  after = list_ids (setup.server, setup.admin, "no_access", setup.pool_id, NULL);
  assert_ids (after, listed);
}

/* Two requests of different dates: the later's users rank last, so the earlier request's
 * suspension takes them first; each request takes as many as it would put over capacity. */
static void
test_loses_access_on (void)
{
  g_auto(Setup) setup = { 0 };
  g_autoptr(JsonObject) second = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GArray) listed = NULL;
  g_autoptr(GArray) first_due = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) second_due = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) without = NULL;
  g_autoptr(JsonObject) pool = NULL;
  g_autoptr(GArray) more_users = NULL;
  g_autofree char *due_1 = at (DAY_0, 60, 0);
  g_autofree char *due_2 = at (DAY_0, 65, 0);
  g_autofree char *csv_path = NULL;
  g_autoptr(GArray) r1 = NULL;

  set_up (&setup, 10, 3);
  more_users = students (setup.server, setup.admin, setup.school, 15);
  set_day (setup.server, 5, 0);
  second = buy (setup.server, setup.admin, setup.product, setup.school, 2, more_users, 13, 2,
                "purchase_request");
  g_assert_cmpint (line_member (second, "purchase_request_id"), >, setup.request_id);

  pool = get_pool (setup.server, setup.admin, setup.pool_id);
  assert_pool (pool, 15, 10, 5, 15, 0, "due");
  g_assert_cmpuint (n_notices (pool), ==, 2);
  g_assert_cmpint (json_object_get_int_member (notice (pool, 0, "payment_due"),
                                               "purchase_request_id"), ==, setup.request_id);

  /* Ranked last: the two of the second request, then the one of the first with the highest id.
   * Those three go on the first request's due date, the two before them on the second's. */
  listed = list_ids (setup.server, setup.admin, "payable", setup.pool_id, &items);
  g_assert_cmpuint (listed->len, ==, 5);
  r1 = sorted_slice (setup.users, 10, 3);
  g_array_append_val (first_due, g_array_index (more_users, gint64, 13));
  g_array_append_val (first_due, g_array_index (more_users, gint64, 14));
  g_array_append_val (first_due, g_array_index (r1, gint64, 2));
  g_array_append_val (second_due, g_array_index (r1, gint64, 0));
  g_array_append_val (second_due, g_array_index (r1, gint64, 1));
  g_array_sort (first_due, compare_ids);
  for (guint i = 0; i < items->len; i++)
    {
      JsonObject *item = g_ptr_array_index (items, i);
      gint64 id = json_object_get_int_member (item, "id");
      JsonObject *entry = json_array_get_object_element (json_object_get_array_member (item,
                                                                                       "payable"),
                                                         0);
      gboolean first = FALSE;

      for (guint f = 0; f < first_due->len; f++)
        first |= g_array_index (first_due, gint64, f) == id;
      g_assert_cmpstr (json_object_get_string_member (entry, "loses_access_on"), ==,
                       first ? due_1 : due_2);
    }

  /* The CSV says the same, as dates. */
  csv_path = g_strdup_printf ("/api/v1/users.csv?list=payable&pool_id=%" G_GINT64_FORMAT,
                              setup.pool_id);
  {
    g_autoptr(SoupMessage) message = lic_message_new (setup.server, "GET", csv_path,
                                                      setup.admin);
    g_autoptr(GError) error = NULL;
    g_autoptr(SoupSession) session = soup_session_new ();
    g_autoptr(GBytes) body = soup_session_send_and_read (session, message, NULL, &error);
    g_autofree char *text = NULL;
    g_auto(GStrv) lines = NULL;
    guint on_first = 0, on_second = 0;

    g_assert_no_error (error);
    text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
    lines = g_strsplit (text, "\r\n", -1);
    g_assert_cmpstr (lines[0], ==,
                     "id,username,name,email,role,school_id,groups,products,loses_access_on");
    for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
      {
        g_assert_true (g_str_has_suffix (lines[i], ",Fysikfabriken,2027-01-25")
                       || g_str_has_suffix (lines[i], ",Fysikfabriken,2027-01-30"));
        on_first += g_str_has_suffix (lines[i], "2027-01-25");
        on_second += g_str_has_suffix (lines[i], "2027-01-30");
      }
    g_assert_cmpuint (on_first, ==, 3);
    g_assert_cmpuint (on_second, ==, 2);
  }

  /* And so it goes. */
  set_day (setup.server, 60, 0);
  without = list_ids (setup.server, setup.admin, "no_access", setup.pool_id, NULL);
  assert_ids (without, first_due);
  g_clear_pointer (&without, g_array_unref);
  set_day (setup.server, 65, 0);
  without = list_ids (setup.server, setup.admin, "no_access", setup.pool_id, NULL);
  g_assert_cmpuint (without->len, ==, 5);

  /* The No access CSV: products and since. */
  g_free (csv_path);
  csv_path = g_strdup_printf ("/api/v1/users.csv?list=no_access&pool_id=%" G_GINT64_FORMAT,
                              setup.pool_id);
  {
    g_autoptr(SoupMessage) message = lic_message_new (setup.server, "GET", csv_path,
                                                      setup.admin);
    g_autoptr(GError) error = NULL;
    g_autoptr(SoupSession) session = soup_session_new ();
    g_autoptr(GBytes) body = soup_session_send_and_read (session, message, NULL, &error);
    g_autofree char *text = NULL;
    g_auto(GStrv) lines = NULL;

    g_assert_no_error (error);
    text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
    lines = g_strsplit (text, "\r\n", -1);
    g_assert_cmpstr (lines[0], ==,
                     "id,username,name,email,role,school_id,groups,products,no_access_since");
    g_assert_cmpuint (g_strv_length (lines), ==, 1 + 5 + 1);
    for (guint i = 1; i <= 5; i++)
      g_assert_true (g_str_has_suffix (lines[i], ",Fysikfabriken,2027-01-25")
                     || g_str_has_suffix (lines[i], ",Fysikfabriken,2027-01-30"));
  }
}


/* A school admin sees the requests and notices of their schools only; compliance is the
 * organization's, so a suspension at another school refuses them too; another organization
 * sees nothing of it. */
static void
test_scope (void)
{
  g_auto(Setup) setup = { 0 };
  g_autofree char *school_admin = NULL;
  g_autofree char *finnish = NULL;
  g_autoptr(GArray) ekbacke_users = NULL;
  g_autoptr(JsonObject) ekbacke_order = NULL;
  g_autoptr(JsonObject) requests = NULL;
  g_autoptr(JsonObject) notices = NULL;
  g_autoptr(JsonObject) finnish_notices = NULL;
  g_autoptr(JsonObject) cart = NULL;
  gint64 ekbacke, ekbacke_request, ekbacke_pool;
  JsonArray *items;

  set_up (&setup, 10, 3);
  school_admin = lic_sign_in (setup.server, "demo-school", "demo-school");
  finnish = lic_sign_in (setup.server, "demo-fi", "demo-fi");
  ekbacke = school_id (setup.server, setup.admin, EKBACKE);
  ekbacke_users = students (setup.server, setup.admin, ekbacke, 2);
  set_day (setup.server, 2, 0);
  ekbacke_order = buy (setup.server, setup.admin, setup.product, ekbacke, 2, ekbacke_users, 0, 2,
                       "purchase_request");
  ekbacke_request = line_member (ekbacke_order, "purchase_request_id");
  ekbacke_pool = line_member (ekbacke_order, "pool_id");

  requests = get_object (setup.server, school_admin, "/api/v1/purchase-requests");
  items = json_object_get_array_member (requests, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, 0), "id"),
                   ==, ekbacke_request);
  notices = get_object (setup.server, school_admin, "/api/v1/notices");
  items = json_object_get_array_member (notices, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, 0),
                                               "pool_id"), ==, ekbacke_pool);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0),
                                                  "school_name"), ==, EKBACKE);
  g_clear_pointer (&notices, json_object_unref);
  notices = get_object (setup.server, setup.admin, "/api/v1/notices");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (notices, "items")), ==,
                    2);
  finnish_notices = get_object (setup.server, finnish, "/api/v1/notices");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (finnish_notices,
                                                                         "items")), ==, 0);

  /* Solbergagymnasiet's request, pool and lists are not the school admin's. */
  {
    g_autofree char *request_path = g_strdup_printf ("/api/v1/purchase-requests/%" G_GINT64_FORMAT,
                                                     setup.request_id);
    g_autofree char *pay_path = g_strconcat (request_path, "/order", NULL);
    g_autofree char *keep_path = g_strdup_printf ("/api/v1/pools/%" G_GINT64_FORMAT "/keep",
                                                  setup.pool_id);
    g_autofree char *renew_path = g_strdup_printf ("/api/v1/pools/%" G_GINT64_FORMAT "/renewals",
                                                   setup.pool_id);
    g_autofree char *other_school = g_strdup_printf ("/api/v1/purchase-requests?school_id=%"
                                                     G_GINT64_FORMAT, setup.school);
    g_autofree char *before = snapshot (setup.server);
    g_autofree char *after = NULL;
    g_autoptr(LicReply) get = lic_get (setup.server, school_admin, "%s", request_path);
    g_autoptr(LicReply) pay = lic_post_json (setup.server, pay_path, school_admin,
                                             "{\"idempotency_key\": \"scope-key-0001\"}");
    g_autoptr(LicReply) keep = lic_post_json (setup.server, keep_path, school_admin,
                                              "{\"user_id\": 1, \"instead_of\": 2}");
    g_autoptr(LicReply) renew = lic_post_json (setup.server, renew_path, school_admin,
                                               "{\"quantity\": 1, \"idempotency_key\":"
                                               " \"scope-key-0002\"}");
    g_autoptr(LicReply) filtered = lic_get (setup.server, school_admin, "%s", other_school);
    g_autoptr(LicReply) finnish_get = lic_get (setup.server, finnish, "%s", request_path);

    lic_assert_reply (get, 404, "not_found");
    lic_assert_reply (pay, 404, "not_found");
    lic_assert_reply (keep, 404, "not_found");
    lic_assert_reply (renew, 404, "not_found");
    lic_assert_reply (filtered, 403, "forbidden");
    lic_assert_reply (finnish_get, 404, "not_found");
    after = snapshot (setup.server);
    g_assert_cmpstr (after, ==, before);
  }

  /* Day 60 of the first request: the organization is non-compliant, for the school admin too;
   * not the Finnish organization. */
  set_day (setup.server, 60, 0);
  cart = get_object (setup.server, school_admin, "/api/v1/cart");
  g_assert_false (json_object_get_boolean_member (json_object_get_object_member (cart,
                                                                                 "purchase_request"),
                                                  "allowed"));
  g_clear_pointer (&cart, json_object_unref);
  cart = get_object (setup.server, finnish, "/api/v1/cart");
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (cart,
                                                                                "purchase_request"),
                                                 "allowed"));
  {
    g_autoptr(LicReply) line = lic_add_cart_line (setup.server, school_admin, setup.product,
                                                  ekbacke, 1, NULL);
    g_autoptr(LicReply) refused = NULL;

    lic_assert_reply (line, 201, NULL);
    refused = check_out (setup.server, school_admin, "purchase_request", "scope-key-0003");
    lic_assert_reply (refused, 409, "conflict");
    g_assert_nonnull (strstr (lic_reply_error_message (refused), "at Solbergagymnasiet."));
  }
  /* Both suspended: the reason names the oldest and counts the others. */
  set_day (setup.server, 62, 0);
  g_clear_pointer (&cart, json_object_unref);
  cart = get_object (setup.server, setup.admin, "/api/v1/cart");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (cart,
                                                                                 "purchase_request"),
                                                  "reason"), ==,
                   "Purchase requests are closed until Sundby kommun places an order for the 3 "
                   "unpaid licenses of Fysikfabriken at Solbergagymnasiet, and for those of 1 "
                   "more suspended purchase request.");
}

/* Each route refuses what it cannot take with a JSON error, and a refusal changes nothing. */
static void
test_bad_input (void)
{
  g_auto(Setup) setup = { 0 };
  g_autofree char *pay_path = NULL;
  g_autofree char *keep_path = NULL;
  g_autofree char *renew_path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *good_pay = NULL;
  g_autoptr(JsonObject) request = NULL;
  gint64 price;
  struct {
    const char *method;
    const char *path;
    const char *body;
    guint status;
    const char *code;
    const char *message;
  } cases[] = {
    { "GET", "/api/v1/purchase-requests?state=overdue", NULL, 400, "invalid",
      "“state” must be one of: due, late, suspended, ordered." },
    { "GET", "/api/v1/purchase-requests?school_id=abc", NULL, 400, "invalid", NULL },
    { "GET", "/api/v1/purchase-requests?product_id=-1", NULL, 400, "invalid", NULL },
    { "GET", "/api/v1/purchase-requests?limit=0", NULL, 400, "invalid", NULL },
    { "GET", "/api/v1/purchase-requests?cursor=bm90LWEtY3Vyc29y", NULL, 400, "invalid", NULL },
    { "GET", "/api/v1/purchase-requests?school_id=3", NULL, 403, "forbidden", NULL },
    { "GET", "/api/v1/purchase-requests/999999", NULL, 404, "not_found",
      "There is no purchase request 999999 in your schools." },
    { "GET", "/api/v1/purchase-requests/abc", NULL, 404, "not_found", NULL },
    { "POST", "/api/v1/purchase-requests/999999/order",
      "{\"idempotency_key\": \"bad-input-key-01\"}", 404, "not_found", NULL },
    { "POST", "PAY", "{}", 400, "invalid", "“idempotency_key” is missing." },
    { "POST", "PAY", "{\"idempotency_key\": \"short\"}", 400, "invalid", NULL },
    { "POST", "PAY", "{\"idempotency_key\": 12345678}", 400, "invalid", NULL },
    { "POST", "PAY", "{\"idempotency_key\": \"bad-input-key-02\", \"expected_total\": \"a lot\"}",
      400, "invalid", "“expected_total” must be an integer." },
    { "POST", "PAY", "{\"idempotency_key\": \"bad-input-key-03\", \"expected_total\": 1}", 409,
      "conflict", "The price has changed since you opened this page. Check the new total and "
                  "try again." },
    { "POST", "PAY", "[1, 2]", 400, "parse", NULL },
    { "POST", "PAY", "not json", 400, "parse", NULL },
    { "POST", "KEEP", "{}", 400, "invalid", "“user_id” is missing." },
    { "POST", "KEEP", "{\"user_id\": 5}", 400, "invalid", "“instead_of” is missing." },
    { "POST", "KEEP", "{\"user_id\": \"5\", \"instead_of\": 6}", 400, "invalid", NULL },
    { "POST", "KEEP", "{\"user_id\": 0, \"instead_of\": 6}", 400, "invalid",
      "“user_id” must be a user id (a whole number from 1 up)." },
    { "POST", "/api/v1/pools/999999/keep", "{\"user_id\": 5, \"instead_of\": 6}", 404,
      "not_found", NULL },
    { "POST", "RENEW", "{}", 400, "invalid", "“idempotency_key” is missing." },
    { "POST", "RENEW", "{\"idempotency_key\": \"bad-input-key-04\"}", 400, "invalid",
      "“quantity” is missing." },
    { "POST", "RENEW", "{\"idempotency_key\": \"bad-input-key-05\", \"quantity\": 0}", 400,
      "invalid", "“quantity” must be a whole number from 1 to 100000." },
    { "POST", "RENEW", "{\"idempotency_key\": \"bad-input-key-06\", \"quantity\": 100001}", 400,
      "invalid", NULL },
    { "POST", "RENEW", "{\"idempotency_key\": \"bad-input-key-07\", \"quantity\": 2.5}", 400,
      "invalid", NULL },
    { "POST", "RENEW", "{\"idempotency_key\": \"bad-input-key-08\", \"quantity\": 2}", 409,
      "conflict", "Fysikfabriken at Solbergagymnasiet can be renewed only in the 30 days before "
                  "its term ends: from 26 October 2027 until 25 November 2027." },
    { "POST", "/api/v1/pools/999999/renewals",
      "{\"idempotency_key\": \"bad-input-key-09\", \"quantity\": 2}", 404, "not_found", NULL },
    { "DELETE", "/api/v1/notices", NULL, 405, "method_not_allowed", NULL },
    { "GET", "/api/v1/purchase-requests/1/order", NULL, 405, "method_not_allowed", NULL },
  };

  set_up (&setup, 10, 3);
  pay_path = g_strdup_printf ("/api/v1/purchase-requests/%" G_GINT64_FORMAT "/order",
                              setup.request_id);
  keep_path = g_strdup_printf ("/api/v1/pools/%" G_GINT64_FORMAT "/keep", setup.pool_id);
  renew_path = g_strdup_printf ("/api/v1/pools/%" G_GINT64_FORMAT "/renewals", setup.pool_id);
  before = snapshot (setup.server);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *path = g_str_equal (cases[i].path, "PAY") ? pay_path
                       : g_str_equal (cases[i].path, "KEEP") ? keep_path
                       : g_str_equal (cases[i].path, "RENEW") ? renew_path : cases[i].path;
      g_autoptr(LicReply) reply = NULL;
      g_autofree char *after = NULL;

      g_test_message ("%s %s %s", cases[i].method, path, cases[i].body ? cases[i].body : "");
      if (cases[i].body != NULL)
        reply = lic_send_json (setup.server, cases[i].method, path, setup.admin, cases[i].body);
      else
        reply = lic_send (lic_message_new (setup.server, cases[i].method, path, setup.admin));
      lic_assert_reply (reply, cases[i].status, cases[i].code);
      if (cases[i].message != NULL)
        g_assert_cmpstr (lic_reply_error_message (reply), ==, cases[i].message);
      after = snapshot (setup.server);
      g_assert_cmpstr (after, ==, before);
    }

  /* A body that is not JSON at all is refused by its type. */
  {
    SoupMessage *message = lic_message_new (setup.server, "POST", pay_path, setup.admin);
    g_autoptr(GBytes) body = g_bytes_new_static ("key=1", 5);
    g_autoptr(LicReply) reply = NULL;

    soup_message_set_request_body_from_bytes (message, "application/x-www-form-urlencoded",
                                              body);
    reply = lic_send (message);
    lic_assert_reply (reply, 415, "unsupported_media_type");
  }

  /* Paid once; again with another key is a conflict, and a key used for another order too. */
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/purchase-requests/%" G_GINT64_FORMAT,
                                             setup.request_id);
    g_autoptr(LicReply) paid = NULL;
    g_autoptr(LicReply) twice = NULL;
    g_autoptr(LicReply) reused = NULL;
    g_autofree char *after = NULL;
    g_autofree char *twice_message = NULL;

    request = get_object (setup.server, setup.admin, path);
    price = json_object_get_int_member (request, "price");
    good_pay = g_strdup_printf ("{\"idempotency_key\": \"bad-input-key-10\","
                                " \"expected_total\": %" G_GINT64_FORMAT "}", price);
    paid = lic_post_json (setup.server, pay_path, setup.admin, good_pay);
    lic_assert_reply (paid, 201, NULL);
    g_free (before);
    before = snapshot (setup.server);
    twice = lic_post_json (setup.server, pay_path, setup.admin,
                           "{\"idempotency_key\": \"bad-input-key-11\"}");
    lic_assert_reply (twice, 409, "conflict");
    twice_message = g_strdup_printf ("Purchase request %" G_GINT64_FORMAT " has been paid "
                                     "already, by order %" G_GINT64_FORMAT ".", setup.request_id,
                                     json_object_get_int_member (json_object_get_object_member (
                                       lic_reply_object (paid), "order"), "id"));
    g_assert_cmpstr (lic_reply_error_message (twice), ==, twice_message);
    reused = lic_post_json (setup.server, renew_path, setup.admin,
                            "{\"idempotency_key\": \"bad-input-key-10\", \"quantity\": 2}");
    lic_assert_reply (reused, 409, "conflict");
    g_assert_cmpstr (lic_reply_error_message (reused), ==,
                     "This idempotency key was used for another order. Make a new key for each "
                     "order.");
    after = snapshot (setup.server);
    g_assert_cmpstr (after, ==, before);
  }
}

/* The renewal period is the 30 days before the term ends: to_renew and the renewal notice show
 * only inside it, renewals are taken only then, and at the term's end what was renewed is the
 * new term's, the latest assigned beyond it losing access. */
static void
test_renewal (void)
{
  g_autoptr(LicTestServer) server = start_server (NULL);
  g_autofree char *admin = lic_sign_in (server, "demo-admin", "demo-admin");
  gint64 solberga = school_id (server, admin, SOLBERGA);
  gint64 fysik = product_id (server, admin, FYSIK);
  g_autoptr(GArray) users = students (server, admin, solberga, 10);
  g_autoptr(JsonObject) order = NULL;
  g_autoptr(JsonObject) pool = NULL;
  g_autofree char *path = NULL;
  g_autofree char *body = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GArray) latest = sorted_slice (users, 0, 10);
  g_autoptr(GArray) without = NULL;
  gint64 pool_id, unit_price, renewal_order;
  gint64 admins = admins_with_email (server, solberga);

  set_clock (server, "2026-11-25T09:00:00Z");
  order = buy (server, admin, fysik, solberga, 10, users, 0, 10, "order");
  pool_id = line_member (order, "pool_id");
  unit_price = line_member (order, "unit_price");
  path = g_strdup_printf ("/api/v1/pools/%" G_GINT64_FORMAT "/renewals", pool_id);
  pool = get_pool (server, admin, pool_id);
  g_assert_cmpstr (json_object_get_string_member (pool, "term_end"), ==, "2027-11-25");
  g_assert_cmpstr (json_object_get_string_member (pool, "renewal_starts"), ==, "2027-10-26");
  g_assert_cmpint (json_object_get_int_member (pool, "to_renew"), ==, 0);

  /* The second before the renewal period: nothing to renew, and no renewing. */
  set_clock (server, "2027-10-25T23:59:59Z");
  g_clear_pointer (&pool, json_object_unref);
  pool = get_pool (server, admin, pool_id);
  g_assert_cmpint (json_object_get_int_member (pool, "to_renew"), ==, 0);
  g_assert_cmpuint (n_notices (pool), ==, 0);
  body = g_strdup_printf ("{\"quantity\": 6, \"idempotency_key\": \"renew-fysik-01\","
                          " \"expected_total\": %" G_GINT64_FORMAT "}", 6 * unit_price);
  before = snapshot (server);
  {
    g_autoptr(LicReply) early = lic_post_json (server, path, admin, body);

    lic_assert_reply (early, 409, "conflict");
    after = snapshot (server);
    g_assert_cmpstr (after, ==, before);
  }

  /* Its first second: all ten to renew, and a notice that says so. */
  set_clock (server, "2027-10-26T00:00:00Z");
  g_clear_pointer (&pool, json_object_unref);
  pool = get_pool (server, admin, pool_id);
  g_assert_cmpint (json_object_get_int_member (pool, "to_renew"), ==, 10);
  g_assert_cmpuint (n_notices (pool), ==, 1);
  g_assert_cmpint (json_object_get_int_member (notice (pool, 0, "renewal"), "to_renew"), ==, 10);
  g_assert_cmpstr (json_object_get_string_member (notice (pool, 0, "renewal"), "term_end"), ==,
                   "2027-11-25");
  g_assert_false (json_object_has_member (notice (pool, 0, "renewal"), "purchase_request_id"));
  {
    g_autoptr(JsonObject) notices = get_object (server, admin, "/api/v1/notices");
    JsonArray *items = json_object_get_array_member (notices, "items");
    gboolean found = FALSE;

    for (guint i = 0; i < json_array_get_length (items); i++)
      {
        JsonObject *item = json_array_get_object_element (items, i);

        if (json_object_get_int_member (item, "pool_id") == pool_id)
          {
            found = TRUE;
            g_assert_cmpstr (json_object_get_string_member (item, "kind"), ==, "renewal");
            g_assert_cmpstr (json_object_get_string_member (item, "product_name"), ==, FYSIK);
          }
      }
    g_assert_true (found);
  }

  /* Six renewed: four left to renew; the same key again is the same order. */
  {
    g_autoptr(LicReply) renewed = lic_post_json (server, path, admin, body);
    g_autoptr(LicReply) again = NULL;
    JsonObject *renewal, *changed;

    lic_assert_reply (renewed, 201, NULL);
    renewal = json_object_get_object_member (lic_reply_object (renewed), "order");
    changed = json_object_get_object_member (lic_reply_object (renewed), "pool");
    renewal_order = json_object_get_int_member (renewal, "id");
    g_assert_true (json_object_get_boolean_member (lic_order_line (renewal, 0), "renewal"));
    g_assert_cmpstr (json_object_get_string_member (lic_order_line (renewal, 0), "status_text"),
                     ==, "Renewed for the next term · 6 licenses");
    g_assert_cmpint (json_object_get_int_member (renewal, "total"), ==, 6 * unit_price);
    g_assert_cmpint (json_object_get_int_member (changed, "renewed"), ==, 6);
    g_assert_cmpint (json_object_get_int_member (changed, "to_renew"), ==, 4);
    g_assert_cmpint (json_object_get_int_member (changed, "available"), ==, 10);
    again = lic_post_json (server, path, admin, body);
    lic_assert_reply (again, 200, NULL);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (
                       lic_reply_object (again), "order"), "id"), ==, renewal_order);
  }

  /* The last second of the term: nothing has changed yet. */
  set_clock (server, "2027-11-24T23:59:59Z");
  g_clear_pointer (&pool, json_object_unref);
  pool = get_pool (server, admin, pool_id);
  assert_pool (pool, 10, 10, 0, 10, 0, "none");
  g_assert_cmpint (outbox_count (server, "The term of Fysikfabriken at Solbergagymnasiet has "
                                         "ended"), ==, 0);

  /* The term ends: six licenses for the new term, the four assigned last without access. */
  set_clock (server, "2027-11-25T00:00:00Z");
  g_clear_pointer (&pool, json_object_unref);
  pool = get_pool (server, admin, pool_id);
  assert_pool (pool, 6, 6, 0, 6, 4, "none");
  g_assert_cmpint (json_object_get_int_member (pool, "renewed"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (pool, "to_renew"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (pool, "term_end"), ==, "2028-11-25");
  g_assert_cmpuint (n_notices (pool), ==, 0);
  without = list_ids (server, admin, "no_access", pool_id, NULL);
  g_array_remove_range (latest, 0, 6);
  assert_ids (without, latest);
  g_assert_cmpint (outbox_count (server, "The term of Fysikfabriken at Solbergagymnasiet has "
                                         "ended"), ==, admins);
  g_assert_cmpint (outbox_count (server, ENDED), ==, with_email (server, latest));

  /* Renewing now is for the term after: not yet. */
  {
    g_autoptr(LicReply) late = lic_post_json (server, path, admin,
                                              "{\"quantity\": 4, \"idempotency_key\":"
                                              " \"renew-fysik-02\"}");

    lic_assert_reply (late, 409, "conflict");
  }

  /* Two licenses bought for the new term: the two of the four ranked first get them back. */
  {
    g_autoptr(JsonObject) more = buy (server, admin, fysik, solberga, 2, users, 0, 0, "order");
    g_autoptr(GArray) still = list_ids (server, admin, "no_access", pool_id, NULL);

    g_clear_pointer (&pool, json_object_unref);
    pool = get_pool (server, admin, pool_id);
    assert_pool (pool, 8, 8, 0, 8, 2, "none");
    g_array_remove_range (latest, 0, 2);
    assert_ids (still, latest);
    g_assert_cmpint (outbox_count (server, "Your access to Fysikfabriken is back"), ==, 2);
  }
}

typedef struct
{
  GMutex lock;
  GCond cond;
  guint ready;
  gboolean go;
} Start;

typedef struct
{
  Start *start;
  char *url;
  char *now;
  guint status;
} Racer;

/* Sets the clock of the server at @url, on a session of its own, the moment both racers are
 * ready. */
static gpointer
race_clock (gpointer data)
{
  Racer *racer = data;
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 30, NULL);
  g_autofree char *uri = g_strconcat (racer->url, "/api/v1/test/clock", NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("POST", uri);
  g_autofree char *json = g_strdup_printf ("{\"now\": \"%s\"}", racer->now);
  g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;

  soup_message_set_request_body_from_bytes (message, "application/json", body);
  g_mutex_lock (&racer->start->lock);
  racer->start->ready++;
  g_cond_broadcast (&racer->start->cond);
  while (!racer->start->go)
    g_cond_wait (&racer->start->cond, &racer->start->lock);
  g_mutex_unlock (&racer->start->lock);

  answer = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  racer->status = soup_message_get_status (message);
  return NULL;
}

/* Both servers sweep to @now at the same moment. */
static void
race (const char *url_a,
      const char *url_b,
      const char *now)
{
  Start start = { 0 };
  Racer racers[2] = {
    { &start, g_strdup (url_a), g_strdup (now), 0 },
    { &start, g_strdup (url_b), g_strdup (now), 0 },
  };
  GThread *threads[2];

  g_mutex_init (&start.lock);
  g_cond_init (&start.cond);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("racer", race_clock, &racers[i]);
  g_mutex_lock (&start.lock);
  while (start.ready < G_N_ELEMENTS (threads))
    g_cond_wait (&start.cond, &start.lock);
  start.go = TRUE;
  g_cond_broadcast (&start.cond);
  g_mutex_unlock (&start.lock);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_thread_join (threads[i]);
      g_assert_cmpuint (racers[i].status, ==, 200);
      g_free (racers[i].url);
      g_free (racers[i].now);
    }
  g_mutex_clear (&start.lock);
  g_cond_clear (&start.cond);
}

#define EXTRA_REQUESTS 60

/* Two servers on one database sweep at once: each step is taken once. */
static void
test_two_servers (void)
{
  g_auto(Setup) setup = { 0 };
  g_autofree char *second_maildir = NULL;
  g_autoptr(GSubprocess) second = NULL;
  g_autofree char *second_url = NULL;
  g_autofree char *day_31 = at (DAY_0, 31, 0);
  g_autofree char *day_61 = at (DAY_0, 61, 0);
  g_autoptr(JsonObject) pool = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) more_users = NULL;
  guint16 port;
  gint64 admins;

  set_up (&setup, 10, 3);
  admins = admins_with_email (setup.server, setup.school);
  /* Many more steps to take, for the two sweeps to overlap. */
  more_users = students (setup.server, setup.admin, setup.school, 13 + EXTRA_REQUESTS);
  for (guint i = 0; i < EXTRA_REQUESTS; i++)
    {
      g_autoptr(JsonObject) order = buy (setup.server, setup.admin, setup.product, setup.school,
                                         1, more_users, 13 + i, 1, "purchase_request");
    }
  second_maildir = g_build_filename (lic_test_server_get_dir (setup.server), "second.maildir",
                                     NULL);
  {
    const char *argv[] = {
      g_getenv ("LICENTIA_SERVER"), "--address", "127.0.0.1", "--port", "0", "--database",
      lic_test_server_get_database (setup.server), "--test-clock", "--maildir", second_maildir,
      NULL,
    };

    second = lic_test_spawn_listener (argv, &port);
  }
  second_url = g_strdup_printf ("http://127.0.0.1:%u", port);

  race (lic_test_server_get_url (setup.server), second_url, day_31);
  g_assert_cmpint (outbox_count (setup.server, LATE), ==, admins);
  g_assert_cmpint (outbox_count (setup.server, "Payment for 1 license of Fysikfabriken at "
                                               "Solbergagymnasiet is late"), ==,
                   EXTRA_REQUESTS * admins);
  race (lic_test_server_get_url (setup.server), second_url, day_61);
  g_assert_cmpint (outbox_count (setup.server, SUSPENDED), ==, admins);
  g_assert_cmpint (outbox_count (setup.server, "1 license of Fysikfabriken at Solbergagymnasiet "
                                               "has been suspended"), ==,
                   EXTRA_REQUESTS * admins);
  g_assert_cmpint (outbox_count (setup.server, ENDED), ==, 3 + EXTRA_REQUESTS);
  pool = get_pool (setup.server, setup.admin, setup.pool_id);
  assert_pool (pool, 10, 10, 3 + EXTRA_REQUESTS, 10, 3 + EXTRA_REQUESTS, "suspended");

  g_subprocess_send_signal (second, SIGTERM);
  g_subprocess_wait (second, NULL, &error);
  g_assert_no_error (error);
}

/* A purchase request of licenses delivered later: they count once they arrive; paid before
 * they arrive, they become paid when they do; and a suspension that takes no one still
 * closes purchase requests. */
static void
test_delayed (void)
{
  g_autoptr(LicTestServer) server = start_server (NULL);
  g_autofree char *admin = lic_sign_in (server, "demo-admin", "demo-admin");
  gint64 ekbacke = school_id (server, admin, EKBACKE);
  gint64 kemi = product_id (server, admin, "Kemilabbet 3D");
  g_autoptr(GArray) none = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(JsonObject) first = NULL;
  g_autoptr(JsonObject) second = NULL;
  g_autoptr(JsonObject) pool = NULL;
  g_autoptr(JsonObject) cart = NULL;
  g_autofree char *pay_path = NULL;
  g_autoptr(LicReply) paid = NULL;
  gint64 pool_id;

  set_day (server, 0, 0);
  first = buy (server, admin, kemi, ekbacke, 4, none, 0, 0, "purchase_request");
  second = buy (server, admin, kemi, ekbacke, 3, none, 0, 0, "purchase_request");
  pool_id = line_member (first, "pool_id");
  pool = get_pool (server, admin, pool_id);
  assert_pool (pool, 0, 0, 7, 0, 0, "due");
  g_assert_cmpint (json_object_get_int_member (pool, "awaiting_delivery"), ==, 7);

  /* The first is paid before its licenses arrive: none are usable yet. */
  set_day (server, 5, 0);
  pay_path = g_strdup_printf ("/api/v1/purchase-requests/%" G_GINT64_FORMAT "/order",
                              line_member (first, "purchase_request_id"));
  paid = lic_post_json (server, pay_path, admin, "{\"idempotency_key\": \"pay-delayed-01\"}");
  lic_assert_reply (paid, 201, NULL);
  g_clear_pointer (&pool, json_object_unref);
  pool = get_pool (server, admin, pool_id);
  assert_pool (pool, 0, 0, 3, 0, 0, "due");

  /* Both arrive: four paid, three usable and unpaid. */
  {
    g_autofree char *first_path = g_strdup_printf ("/api/v1/supplier/orders/%" G_GINT64_FORMAT
                                                   "/deliver",
                                                   json_object_get_int_member (first, "id"));
    g_autofree char *second_path = g_strdup_printf ("/api/v1/supplier/orders/%" G_GINT64_FORMAT
                                                    "/deliver",
                                                    json_object_get_int_member (second, "id"));
    g_autoptr(LicReply) one = lic_send (lic_message_new (server, "POST", first_path,
                                                         "demo-key-nordlar"));
    g_autoptr(LicReply) two = lic_send (lic_message_new (server, "POST", second_path,
                                                         "demo-key-nordlar"));

    lic_assert_reply (one, 200, NULL);
    lic_assert_reply (two, 200, NULL);
  }
  g_clear_pointer (&pool, json_object_unref);
  pool = get_pool (server, admin, pool_id);
  assert_pool (pool, 0, 4, 3, 7, 0, "due");

  /* Day 60 of the second: suspended, though no one loses access; purchase requests close. */
  set_day (server, 60, 0);
  g_clear_pointer (&pool, json_object_unref);
  pool = get_pool (server, admin, pool_id);
  assert_pool (pool, 0, 4, 3, 4, 0, "suspended");
  g_assert_cmpint (outbox_count (server, "3 licenses of Kemilabbet 3D at Ekbackeskolan have been "
                                         "suspended"), ==, admins_with_email (server, ekbacke));
  cart = get_object (server, admin, "/api/v1/cart");
  g_assert_false (json_object_get_boolean_member (json_object_get_object_member (cart,
                                                                                 "purchase_request"),
                                                  "allowed"));
}

/* While licenses are unpaid, a class linked to the pool does not refill a license freed by
 * unassigning: the Payable list shrinks instead. After the suspension, a paid license freed
 * goes back to a user without access before any waiting pupil. */
static void
test_linked_class (void)
{
  g_auto(Setup) setup = { 0 };
  g_autoptr(JsonObject) groups = NULL;
  g_autoptr(JsonObject) pool = NULL;
  g_autofree char *link_path = NULL;
  g_autofree char *link_body = NULL;
  g_autofree char *unassign_path = NULL;
  g_autoptr(LicReply) linked = NULL;
  g_autoptr(GArray) payable = NULL;
  g_autoptr(GArray) without = NULL;
  g_autofree char *groups_path = NULL;
  gint64 waiting;

  set_up (&setup, 10, 3);
  groups_path = g_strdup_printf ("/api/v1/groups?school_id=%" G_GINT64_FORMAT, setup.school);
  groups = get_object (setup.server, setup.admin, groups_path);
  link_path = g_strdup_printf ("/api/v1/pools/%" G_GINT64_FORMAT "/groups", setup.pool_id);
  link_body = g_strdup_printf ("{\"group_ids\": [%" G_GINT64_FORMAT "]}",
                               json_object_get_int_member (json_array_get_object_element (
                                 json_object_get_array_member (groups, "items"), 0), "id"));
  linked = lic_post_json (setup.server, link_path, setup.admin, link_body);
  lic_assert_reply (linked, 200, NULL);
  g_assert_cmpint (json_object_get_int_member (lic_reply_object (linked), "assigned"), ==, 0);
  waiting = json_object_get_int_member (json_object_get_object_member (lic_reply_object (linked),
                                                                       "pool"), "waiting");
  g_assert_cmpint (waiting, >, 2);

  unassign_path = g_strdup_printf ("/api/v1/pools/%" G_GINT64_FORMAT "/assignments",
                                   setup.pool_id);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"user_ids\": [%" G_GINT64_FORMAT "]}",
                                               g_array_index (setup.users, gint64, i));
      g_autoptr(LicReply) reply = lic_send_json (setup.server, "DELETE", unassign_path,
                                                 setup.admin, body);
      JsonObject *changed;

      lic_assert_reply (reply, 200, NULL);
      changed = json_object_get_object_member (lic_reply_object (reply), "pool");
      g_assert_cmpint (json_object_get_int_member (changed, "assigned"), ==, 12 - i);
      g_assert_cmpint (json_object_get_int_member (changed, "waiting"), >=, waiting);
    }
  payable = list_ids (setup.server, setup.admin, "payable", setup.pool_id, NULL);
  g_assert_cmpuint (payable->len, ==, 1);

  /* Day 60: the one still payable loses access; the free unpaid license is suspended. */
  set_day (setup.server, 60, 0);
  pool = get_pool (setup.server, setup.admin, setup.pool_id);
  assert_pool (pool, 10, 10, 3, 10, 1, "suspended");

  /* A paid license freed: back to the user without access, not to the class. */
  {
    g_autofree char *body = g_strdup_printf ("{\"user_ids\": [%" G_GINT64_FORMAT "]}",
                                             g_array_index (setup.users, gint64, 2));
    g_autoptr(LicReply) reply = lic_send_json (setup.server, "DELETE", unassign_path,
                                               setup.admin, body);

    lic_assert_reply (reply, 200, NULL);
    assert_pool (json_object_get_object_member (lic_reply_object (reply), "pool"), 10, 10, 3, 10,
                 0, "suspended");
  }
  without = list_ids (setup.server, setup.admin, "no_access", setup.pool_id, NULL);
  g_assert_cmpuint (without->len, ==, 0);
  g_assert_cmpint (outbox_count (setup.server, "Your access to Fysikfabriken is back"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/compliance/seed-example", test_seed_example);
  g_test_add_func ("/server/compliance/sweep-twice", test_sweep_twice);
  g_test_add_func ("/server/compliance/notifications", test_notifications);
  g_test_add_func ("/server/compliance/catch-up", test_catch_up);
  g_test_add_func ("/server/compliance/day-boundaries", test_day_boundaries);
  g_test_add_func ("/server/compliance/keep", test_keep);
  g_test_add_func ("/server/compliance/loses-access-on", test_loses_access_on);
  g_test_add_func ("/server/compliance/scope", test_scope);
  g_test_add_func ("/server/compliance/bad-input", test_bad_input);
  g_test_add_func ("/server/compliance/renewal", test_renewal);
  g_test_add_func ("/server/compliance/two-servers", test_two_servers);
  g_test_add_func ("/server/compliance/delayed", test_delayed);
  g_test_add_func ("/server/compliance/linked-class", test_linked_class);
  return g_test_run ();
}
