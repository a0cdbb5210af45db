/* test-server-auto-assign.c: pools linked to classes assign their members, on linking, on
 * joining and when licenses arrive.
 *
 * The tests run in order against one demo server: they share a class ("Auto A" of
 * Ekbackeskolan) and a pool of Fysikfabriken, a direct product the demo has no pool of.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "lic-server-test.h"

#define IMPORT_HEADER "username,name,email,role,school_id,groups\r\n"

static LicTestServer *server;
static char *sundby;                /* organization admin of Sundby kommun */
static gint64 ekbacke_id;
static gint64 solberga_id;
static gint64 pool_id;              /* Fysikfabriken at Ekbackeskolan */
static gint64 group_id;             /* "Auto A" of Ekbackeskolan */

static JsonObject *
get_pool (gint64 id)
{
  g_autoptr(LicReply) reply = lic_get (server, sundby, "/api/v1/pools/%" G_GINT64_FORMAT, id);

  lic_assert_reply (reply, 200, NULL);
  return json_object_ref (lic_reply_object (reply));
}

static void
assert_pool (gint64 id,
             gint64 assigned,
             gint64 available,
             gint64 waiting)
{
  g_autoptr(JsonObject) pool = get_pool (id);

  g_assert_cmpint (json_object_get_int_member (pool, "assigned"), ==, assigned);
  g_assert_cmpint (json_object_get_int_member (pool, "available"), ==, available);
  g_assert_cmpint (json_object_get_int_member (pool, "waiting"), ==, waiting);
}

static gint64
pool_of (const char *product)
{
  gint64 product_id = lic_find_id (server, sundby, "/api/v1/products", product);
  g_autoptr(LicReply) reply = NULL;
  JsonArray *items;

  reply = lic_get (server, sundby,
                   "/api/v1/pools?school_id=%" G_GINT64_FORMAT "&product_id=%" G_GINT64_FORMAT,
                   ekbacke_id, product_id);
  lic_assert_reply (reply, 200, NULL);
  items = lic_reply_items (reply);
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  return json_object_get_int_member (json_array_get_object_element (items, 0), "id");
}

/* Imports pupils auto.N (named "Auto Pupil N") into "Auto A" of Ekbackeskolan. */
static void
import_pupils (guint first,
               guint last)
{
  g_autoptr(GString) csv = g_string_new (IMPORT_HEADER);
  SoupMessage *message = lic_message_new (server, "POST", "/api/v1/users/import", sundby);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(LicReply) reply = NULL;

  for (guint i = first; i <= last; i++)
    g_string_append_printf (csv, "auto.%u,Auto Pupil %u,,student,%" G_GINT64_FORMAT ",Auto A\r\n",
                            i, i, ekbacke_id);
  body = g_bytes_new (csv->str, csv->len);
  soup_message_set_request_body_from_bytes (message, "text/csv; charset=utf-8", body);
  reply = lic_send (message);
  lic_assert_reply (reply, 200, NULL);
}

static gint64
user_id (const char *username)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/users?q=%s", username);
  g_autoptr(GPtrArray) users = lic_list_all (server, sundby, path, 50, NULL);

  for (guint i = 0; i < users->len; i++)
    {
      JsonObject *user = g_ptr_array_index (users, i);

      if (g_strcmp0 (json_object_get_string_member (user, "username"), username) == 0)
        return json_object_get_int_member (user, "id");
    }
  g_error ("no user %s", username);
}

/* Whether user @username has a license of pool @id. */
static gboolean
has_license (gint64      id,
             const char *username)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/users?pool_id=%" G_GINT64_FORMAT, id);
  g_autoptr(GPtrArray) users = lic_list_all (server, sundby, path, 200, NULL);

  for (guint i = 0; i < users->len; i++)
    if (g_strcmp0 (json_object_get_string_member (g_ptr_array_index (users, i), "username"),
                   username) == 0)
      return TRUE;
  return FALSE;
}

static LicReply *
link_groups (const char *method,
             gint64      id,
             gint64      group)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/pools/%" G_GINT64_FORMAT "/groups", id);
  g_autofree char *json = g_strdup_printf ("{\"group_ids\": [%" G_GINT64_FORMAT "]}", group);

  return lic_send_json (server, method, path, sundby, json);
}

static void
test_link (void)
{
  g_autofree char *groups = g_strdup_printf ("/api/v1/groups?school_id=%" G_GINT64_FORMAT,
                                             ekbacke_id);
  g_autofree char *other_groups = g_strdup_printf ("/api/v1/groups?school_id=%" G_GINT64_FORMAT,
                                                   solberga_id);
  gint64 other_group = lic_find_id (server, sundby, other_groups, "NA24");
  g_autoptr(LicReply) linked = NULL;
  g_autoptr(LicReply) again = NULL;
  g_autoptr(LicReply) other = NULL;
  JsonObject *pool;
  JsonArray *ids;

  import_pupils (1, 3);
  group_id = lic_find_id (server, sundby, groups, "Auto A");
  json_object_unref (lic_buy (server, sundby, "Fysikfabriken", "Ekbackeskolan", 4));
  pool_id = pool_of ("Fysikfabriken");
  assert_pool (pool_id, 0, 4, 0);

  /* Linking assigns the class's members at once. */
  linked = link_groups ("POST", pool_id, group_id);
  lic_assert_reply (linked, 200, NULL);
  g_assert_cmpint (json_object_get_int_member (lic_reply_object (linked), "linked"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (lic_reply_object (linked), "assigned"), ==, 3);
  pool = json_object_get_object_member (lic_reply_object (linked), "pool");
  g_assert_cmpint (json_object_get_int_member (pool, "assigned"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (pool, "waiting"), ==, 0);
  ids = json_object_get_array_member (pool, "linked_group_ids");
  g_assert_cmpuint (json_array_get_length (ids), ==, 1);
  g_assert_cmpint (json_array_get_int_element (ids, 0), ==, group_id);
  g_assert_true (has_license (pool_id, "auto.1"));
  g_assert_true (has_license (pool_id, "auto.3"));

  /* Linking again changes nothing; a class of another school is refused. */
  again = link_groups ("POST", pool_id, group_id);
  lic_assert_reply (again, 200, NULL);
  g_assert_cmpint (json_object_get_int_member (lic_reply_object (again), "linked"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (lic_reply_object (again), "assigned"), ==, 0);
  other = link_groups ("POST", pool_id, other_group);
  lic_assert_reply (other, 400, "invalid");
  assert_pool (pool_id, 3, 4, 0);
}

static void
test_join (void)
{
  /* A free license: the joiner gets it at once. */
  import_pupils (4, 4);
  g_assert_true (has_license (pool_id, "auto.4"));
  assert_pool (pool_id, 4, 4, 0);

  /* The pool is full: the next joiner waits. */
  import_pupils (5, 5);
  g_assert_false (has_license (pool_id, "auto.5"));
  assert_pool (pool_id, 4, 4, 1);

  /* Re-importing the class as it is changes nothing. */
  import_pupils (1, 5);
  assert_pool (pool_id, 4, 4, 1);
}

static void
test_arrival (void)
{
  /* Licenses bought (a direct line, no users picked) go to the waiting pupil. */
  json_object_unref (lic_buy (server, sundby, "Fysikfabriken", "Ekbackeskolan", 2));
  g_assert_true (has_license (pool_id, "auto.5"));
  assert_pool (pool_id, 5, 6, 0);

  /* The last free license to the next joiner, then one waits. */
  import_pupils (6, 7);
  g_assert_true (has_license (pool_id, "auto.6"));
  g_assert_false (has_license (pool_id, "auto.7"));
  assert_pool (pool_id, 6, 6, 1);
}

static void
test_unassign (void)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/pools/%" G_GINT64_FORMAT "/assignments",
                                           pool_id);
  g_autofree char *json = g_strdup_printf ("{\"user_ids\": [%" G_GINT64_FORMAT "]}",
                                           user_id ("auto.1"));
  g_autoptr(LicReply) reply = lic_send_json (server, "DELETE", path, sundby, json);

  /* The license freed goes to the waiting pupil, not back to the user who lost it, who now
   * waits in turn. */
  lic_assert_reply (reply, 200, NULL);
  g_assert_cmpint (json_object_get_int_member (lic_reply_object (reply), "unassigned"), ==, 1);
  g_assert_true (has_license (pool_id, "auto.7"));
  g_assert_false (has_license (pool_id, "auto.1"));
  assert_pool (pool_id, 6, 6, 1);
}

static void
test_unlink (void)
{
  g_autoptr(LicReply) reply = link_groups ("DELETE", pool_id, group_id);
  JsonObject *pool;

  lic_assert_reply (reply, 200, NULL);
  g_assert_cmpint (json_object_get_int_member (lic_reply_object (reply), "unlinked"), ==, 1);
  pool = json_object_get_object_member (lic_reply_object (reply), "pool");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (pool,
                                                                         "linked_group_ids")),
                    ==, 0);
  assert_pool (pool_id, 6, 6, 0);
  g_assert_true (has_license (pool_id, "auto.2"));

  /* Unlinked, the class no longer assigns: more licenses stay free. */
  json_object_unref (lic_buy (server, sundby, "Fysikfabriken", "Ekbackeskolan", 1));
  g_assert_false (has_license (pool_id, "auto.1"));
  assert_pool (pool_id, 6, 7, 0);
}

static void
test_delivery (void)
{
  g_autoptr(JsonObject) order = lic_buy (server, sundby, "Kemilabbet 3D", "Ekbackeskolan", 2);
  gint64 order_id = json_object_get_int_member (order, "id");
  gint64 kemi = pool_of ("Kemilabbet 3D");
  g_autofree char *path = g_strdup_printf ("/api/v1/supplier/orders/%" G_GINT64_FORMAT
                                           "/deliver", order_id);
  g_autoptr(LicReply) linked = link_groups ("POST", kemi, group_id);
  g_autoptr(LicReply) delivered = NULL;

  /* Nothing delivered yet: the whole class waits. */
  lic_assert_reply (linked, 200, NULL);
  g_assert_cmpint (json_object_get_int_member (lic_reply_object (linked), "assigned"), ==, 0);
  assert_pool (kemi, 0, 0, 7);

  /* The supplier delivers: the first two by when they joined, then by name. */
  delivered = lic_send (lic_message_new (server, "POST", path, "demo-key-nordlar"));
  lic_assert_reply (delivered, 200, NULL);
  assert_pool (kemi, 2, 2, 5);
  g_assert_true (has_license (kemi, "auto.1"));
  g_assert_true (has_license (kemi, "auto.2"));
  g_assert_false (has_license (kemi, "auto.3"));
}

int
main (int    argc,
      char **argv)
{
  int result;

  g_test_init (&argc, &argv, NULL);
  server = lic_test_server_start_demo ();
  sundby = lic_sign_in (server, "demo-admin", "demo-admin");
  ekbacke_id = lic_find_id (server, sundby, "/api/v1/schools", "Ekbackeskolan");
  solberga_id = lic_find_id (server, sundby, "/api/v1/schools", "Solbergagymnasiet");

  g_test_add_func ("/server/auto-assign/link", test_link);
  g_test_add_func ("/server/auto-assign/join", test_join);
  g_test_add_func ("/server/auto-assign/arrival", test_arrival);
  g_test_add_func ("/server/auto-assign/unassign", test_unassign);
  g_test_add_func ("/server/auto-assign/unlink", test_unlink);
  g_test_add_func ("/server/auto-assign/delivery", test_delivery);
  result = g_test_run ();

  g_free (sundby);
  lic_test_server_stop (server);
  return result;
}
