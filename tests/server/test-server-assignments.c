/* test-server-assignments.c: bulk assignment and unassignment, and the municipality of
 * --demo-users.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "lic-server-test.h"

static LicTestServer *server;
static char *sundby;                /* organization admin of Sundby kommun */
static char *ekbacke;               /* school admin of Ekbackeskolan */
static gint64 ekbacke_id;
static gint64 solberga_id;

/* The pool of @product at @school_id, bought with @quantity licenses if @quantity > 0. */
static gint64
pool_of (LicTestServer *target,
         const char    *token,
         const char    *product,
         const char    *school,
         gint64         quantity)
{
  gint64 product_id = lic_find_id (target, token, "/api/v1/products", product);
  gint64 school_id = lic_find_id (target, token, "/api/v1/schools", school);
  g_autoptr(LicReply) reply = NULL;
  JsonArray *items;

  if (quantity > 0)
    json_object_unref (lic_buy (target, token, product, school, quantity));
  reply = lic_get (target, token,
                   "/api/v1/pools?school_id=%" G_GINT64_FORMAT "&product_id=%" G_GINT64_FORMAT,
                   school_id, product_id);
  lic_assert_reply (reply, 200, NULL);
  items = lic_reply_items (reply);
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  return json_object_get_int_member (json_array_get_object_element (items, 0), "id");
}

static JsonObject *
get_pool (gint64 pool_id)
{
  g_autoptr(LicReply) reply = lic_get (server, sundby, "/api/v1/pools/%" G_GINT64_FORMAT,
                                       pool_id);

  lic_assert_reply (reply, 200, NULL);
  return json_object_ref (lic_reply_object (reply));
}

static gint64
pool_assigned (gint64 pool_id)
{
  g_autoptr(JsonObject) pool = get_pool (pool_id);

  return json_object_get_int_member (pool, "assigned");
}

static gint64
pool_free (gint64 pool_id)
{
  g_autoptr(JsonObject) pool = get_pool (pool_id);

  return json_object_get_int_member (pool, "available")
         - json_object_get_int_member (pool, "assigned");
}

/* The ids of the users @query lists, in list order. */
static GArray *
user_ids (LicTestServer *target,
          const char    *token,
          const char    *query)
{
  g_autofree char *path = g_strconcat ("/api/v1/users", query, NULL);
  g_autoptr(GPtrArray) users = lic_list_all (target, token, path, 200, NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < users->len; i++)
    {
      gint64 id = json_object_get_int_member (g_ptr_array_index (users, i), "id");

      g_array_append_val (ids, id);
    }
  return ids;
}

/* `"user_ids": [...]` of @n ids of @ids from @first. */
static char *
ids_json (const char *member,
          GArray     *ids,
          guint       first,
          guint       n)
{
  GString *json = g_string_new (NULL);

  g_string_append_printf (json, "\"%s\": [", member);
  for (guint i = first; i < first + n; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > first ? ", " : "",
                            g_array_index (ids, gint64, i));
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

static LicReply *
assign (LicTestServer *target,
        const char    *token,
        gint64         pool_id,
        const char    *members)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/pools/%" G_GINT64_FORMAT "/assignments",
                                           pool_id);
  g_autofree char *json = g_strdup_printf ("{%s}", members);

  return lic_send_json (target, "POST", path, token, json);
}

static LicReply *
unassign (LicTestServer *target,
          const char    *token,
          gint64         pool_id,
          const char    *members)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/pools/%" G_GINT64_FORMAT "/assignments",
                                           pool_id);
  g_autofree char *json = g_strdup_printf ("{%s}", members);

  return lic_send_json (target, "DELETE", path, token, json);
}

static void
assert_change (LicReply   *reply,
               gint64      pool_id,
               const char *member,
               gint64      value)
{
  JsonObject *object;
  JsonObject *pool;

  if (reply->status != 200)
    g_test_message ("%s", lic_reply_error_message (reply));
  lic_assert_reply (reply, 200, NULL);
  object = lic_reply_object (reply);
  g_assert_cmpint (json_object_get_int_member (object, member), ==, value);
  pool = json_object_get_object_member (object, "pool");
  g_assert_cmpint (json_object_get_int_member (pool, "id"), ==, pool_id);
  g_assert_cmpint (json_object_get_int_member (pool, "assigned"), ==, pool_assigned (pool_id));
}

static void
test_users_and_already (void)
{
  gint64 pool = pool_of (server, sundby, "Fysikfabriken", "Ekbackeskolan", 10);
  g_autofree char *query = g_strdup_printf ("?school_id=%" G_GINT64_FORMAT "&role=student",
                                            ekbacke_id);
  g_autoptr(GArray) students = user_ids (server, sundby, query);
  g_autofree char *first_two = ids_json ("user_ids", students, 0, 2);
  g_autofree char *first_three = ids_json ("user_ids", students, 0, 3);
  g_autoptr(LicReply) two = NULL;
  g_autoptr(LicReply) three = NULL;
  g_autofree char *listed = g_strdup_printf ("/api/v1/users?pool_id=%" G_GINT64_FORMAT, pool);
  g_autoptr(GPtrArray) users = NULL;

  g_assert_cmpint (pool_assigned (pool), ==, 0);
  two = assign (server, sundby, pool, first_two);
  assert_change (two, pool, "assigned", 2);
  g_assert_cmpint (json_object_get_int_member (lic_reply_object (two), "already_assigned"), ==, 0);

  /* Those the pool has already are counted, not assigned twice. */
  three = assign (server, sundby, pool, first_three);
  assert_change (three, pool, "assigned", 1);
  g_assert_cmpint (json_object_get_int_member (lic_reply_object (three), "already_assigned"),
                   ==, 2);
  g_assert_cmpint (pool_assigned (pool), ==, 3);
  users = lic_list_all (server, sundby, listed, 200, NULL);
  g_assert_cmpuint (users->len, ==, 3);
}

static void
test_groups_and_role (void)
{
  gint64 pool;
  g_autofree char *groups_path = g_strdup_printf ("/api/v1/groups?school_id=%" G_GINT64_FORMAT,
                                                  ekbacke_id);
  gint64 group = lic_find_id (server, sundby, groups_path, "7A");
  g_autofree char *other_path = g_strdup_printf ("/api/v1/groups?school_id=%" G_GINT64_FORMAT,
                                                 solberga_id);
  gint64 other_group = lic_find_id (server, sundby, other_path, "NA24");
  g_autofree char *members_query = g_strdup_printf ("?group_id=%" G_GINT64_FORMAT, group);
  g_autoptr(GArray) members = user_ids (server, sundby, members_query);
  g_autofree char *teachers_query = g_strdup_printf ("?school_id=%" G_GINT64_FORMAT
                                                     "&role=teacher", ekbacke_id);
  g_autoptr(GArray) teachers = user_ids (server, sundby, teachers_query);
  g_autofree char *group_json = g_strdup_printf ("\"group_ids\": [%" G_GINT64_FORMAT "]", group);
  g_autofree char *other_json = g_strdup_printf ("\"group_ids\": [%" G_GINT64_FORMAT "]",
                                                 other_group);
  g_autoptr(LicReply) by_group = NULL;
  g_autoptr(LicReply) by_role = NULL;
  g_autoptr(LicReply) foreign = NULL;
  g_autoptr(LicReply) bad_role = NULL;
  g_autoptr(LicReply) nobody = NULL;
  gint64 overlap = 0;

  /* Ekbackeskolan has no pool of Notverkstaden yet: buy one big enough. */
  pool = pool_of (server, sundby, "Notverkstaden", "Ekbackeskolan", 400);

  by_group = assign (server, sundby, pool, group_json);
  assert_change (by_group, pool, "assigned", members->len);
  g_assert_cmpuint (members->len, >, 0);

  /* The teachers of 7A (its mentor among them) were assigned with the group. */
  for (guint i = 0; i < teachers->len; i++)
    for (guint j = 0; j < members->len; j++)
      overlap += g_array_index (teachers, gint64, i) == g_array_index (members, gint64, j);
  by_role = assign (server, sundby, pool, "\"role\": \"teacher\"");
  assert_change (by_role, pool, "assigned", teachers->len - overlap);
  g_assert_cmpint (json_object_get_int_member (lic_reply_object (by_role), "already_assigned"),
                   ==, overlap);
  g_assert_cmpint (pool_assigned (pool), ==, members->len + teachers->len - overlap);

  foreign = assign (server, sundby, pool, other_json);
  lic_assert_reply (foreign, 400, "invalid");
  bad_role = assign (server, sundby, pool, "\"role\": \"janitor\"");
  lic_assert_reply (bad_role, 400, "invalid");
  nobody = assign (server, sundby, pool, "\"note\": 1");
  lic_assert_reply (nobody, 400, "invalid");
}

static void
test_over_capacity (void)
{
  gint64 pool = pool_of (server, sundby, "Fysikfabriken", "Ekbackeskolan", 0);
  g_autofree char *query = g_strdup_printf ("?school_id=%" G_GINT64_FORMAT "&role=student",
                                            ekbacke_id);
  g_autoptr(GArray) students = user_ids (server, sundby, query);
  g_autoptr(JsonObject) before = get_pool (pool);
  gint64 free_licenses = pool_free (pool);
  g_autofree char *too_many = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(LicReply) reply = NULL;
  g_autoptr(JsonObject) after = NULL;

  /* Students 3 on have no license of the pool: name five more than are free. */
  g_assert_cmpint (free_licenses, >, 0);
  too_many = ids_json ("user_ids", students, 3, free_licenses + 5);
  reply = assign (server, sundby, pool, too_many);
  lic_assert_reply (reply, 409, "conflict");
  expected = g_strdup_printf ("Assigning %" G_GINT64_FORMAT " users needs %" G_GINT64_FORMAT
                              " licenses; %" G_GINT64_FORMAT " %s free. Assign fewer users or "
                              "buy more licenses.", free_licenses + 5, free_licenses + 5,
                              free_licenses, free_licenses == 1 ? "is" : "are");
  g_assert_cmpstr (lic_reply_error_message (reply), ==, expected);

  after = get_pool (pool);
  g_assert_true (json_object_equal (before, after));
}

static void
test_other_school (void)
{
  gint64 pool = pool_of (server, sundby, "Fysikfabriken", "Ekbackeskolan", 0);
  g_autofree char *query = g_strdup_printf ("?school_id=%" G_GINT64_FORMAT, solberga_id);
  g_autoptr(GArray) solberga = user_ids (server, sundby, query);
  g_autoptr(GArray) mixed = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 assigned = pool_assigned (pool);
  g_autofree char *json = NULL;
  g_autoptr(LicReply) reply = NULL;
  gint64 unknown = 99999999;

  /* Two users of Solbergagymnasiet and an id of nobody: three not of Ekbackeskolan. */
  g_array_append_vals (mixed, solberga->data, 2);
  g_array_append_val (mixed, unknown);
  json = ids_json ("user_ids", mixed, 0, mixed->len);
  reply = assign (server, sundby, pool, json);
  lic_assert_reply (reply, 400, "invalid");
  g_assert_nonnull (strstr (lic_reply_error_message (reply),
                            "3 of the users named are not users of Ekbackeskolan"));
  g_assert_cmpint (pool_assigned (pool), ==, assigned);
}

static void
test_unassign (void)
{
  gint64 pool = pool_of (server, sundby, "Fysikfabriken", "Ekbackeskolan", 0);
  g_autofree char *listed = g_strdup_printf ("?pool_id=%" G_GINT64_FORMAT, pool);
  g_autoptr(GArray) assigned = user_ids (server, sundby, listed);
  gint64 before = pool_assigned (pool);
  g_autoptr(GArray) some = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 stranger = 99999999;
  g_autofree char *json = NULL;
  g_autoptr(LicReply) reply = NULL;
  g_autoptr(LicReply) missing = NULL;

  g_assert_cmpuint (assigned->len, >=, 2);
  g_array_append_vals (some, assigned->data, 2);
  g_array_append_val (some, stranger);
  json = ids_json ("user_ids", some, 0, some->len);
  reply = unassign (server, sundby, pool, json);
  assert_change (reply, pool, "unassigned", 2);
  g_assert_cmpint (pool_assigned (pool), ==, before - 2);

  missing = unassign (server, sundby, pool, "\"group_ids\": [1]");
  lic_assert_reply (missing, 400, "invalid");
}

static void
test_scope (void)
{
  gint64 solberga_pool = pool_of (server, sundby, "Kemilabbet 3D", "Solbergagymnasiet", 0);
  g_autofree char *query = g_strdup_printf ("?school_id=%" G_GINT64_FORMAT, solberga_id);
  g_autoptr(GArray) solberga = user_ids (server, sundby, query);
  g_autofree char *json = ids_json ("user_ids", solberga, 0, 1);
  gint64 before = pool_assigned (solberga_pool);
  g_autoptr(LicReply) add = assign (server, ekbacke, solberga_pool, json);
  g_autoptr(LicReply) remove = unassign (server, ekbacke, solberga_pool, json);
  g_autoptr(LicReply) nowhere = assign (server, sundby, 999999, json);

  lic_assert_reply (add, 404, "not_found");
  lic_assert_reply (remove, 404, "not_found");
  lic_assert_reply (nowhere, 404, "not_found");
  g_assert_cmpint (pool_assigned (solberga_pool), ==, before);
}

#define CITY_USERS 2000
#define CITY_ORG "(SELECT id FROM organizations WHERE name = 'Storå kommun')"

static void
assert_city_counts (const char *database)
{
  gint64 users = lic_db_query_int (database, "SELECT count (*) FROM users"
                                             " WHERE organization_id = " CITY_ORG);
  gint64 schools = lic_db_query_int (database, "SELECT count (*) FROM schools"
                                               " WHERE organization_id = " CITY_ORG);
  gint64 assignments = lic_db_query_int (database, "SELECT count (*) FROM assignments a"
                                                   " JOIN users u ON u.id = a.user_id"
                                                   " WHERE u.organization_id = " CITY_ORG);
  gint64 organizations = lic_db_query_int (database, "SELECT count (*) FROM organizations");

  /* The users asked for and demo-city; four schools of 500; about ten licenses each. */
  g_assert_cmpint (users, ==, CITY_USERS + 1);
  g_assert_cmpint (schools, ==, CITY_USERS / 500);
  g_assert_cmpint (assignments, >, CITY_USERS * 9);
  g_assert_cmpint (assignments, <, CITY_USERS * 11);
  g_assert_cmpint (organizations, ==, 3);
}

/* --demo-users: the municipality, its admin, and big requests against its schools. */
static void
test_demo_users (void)
{
  g_autofree char *n = g_strdup_printf ("%d", CITY_USERS);
  const char *args[] = { "--demo", "--demo-users", n, NULL };
  g_autoptr(LicTestServer) city = lic_test_server_start (args);
  const char *database = lic_test_server_get_database (city);
  g_autofree char *token = NULL;
  g_autofree char *later = NULL;
  g_autoptr(GPtrArray) schools = NULL;
  gint64 users_before, assignments_before;

  assert_city_counts (database);
  users_before = lic_db_query_int (database, "SELECT count (*) FROM users");
  assignments_before = lic_db_query_int (database, "SELECT count (*) FROM assignments");

  token = lic_sign_in (city, "demo-city", "demo-city");
  schools = lic_list_all (city, token, "/api/v1/schools", 200, NULL);
  g_assert_cmpuint (schools->len, ==, CITY_USERS / 500);

  /* Loaded once: a restart with the same options adds nothing. */
  lic_test_server_restart (city);
  assert_city_counts (database);
  g_assert_cmpint (lic_db_query_int (database, "SELECT count (*) FROM users"), ==, users_before);
  g_assert_cmpint (lic_db_query_int (database, "SELECT count (*) FROM assignments"), ==,
                   assignments_before);
  later = lic_sign_in (city, "demo-city", "demo-city");
  g_assert_nonnull (later);
}

/* One request of a few thousand users: every user of the municipality moved to one school,
 * and a pool there bought big enough. */
static void
test_bulk (void)
{
  g_autofree char *n = g_strdup_printf ("%d", CITY_USERS);
  const char *args[] = { "--demo", "--demo-users", n, NULL };
  g_autoptr(LicTestServer) city = lic_test_server_start (args);
  const char *database = lic_test_server_get_database (city);
  g_autofree char *token = lic_sign_in (city, "demo-city", "demo-city");
  gint64 school = lic_find_id (city, token, "/api/v1/schools", "Almskolan 1");
  g_autofree char *move = g_strdup_printf ("UPDATE users SET school_id = %" G_GINT64_FORMAT
                                           " WHERE organization_id = " CITY_ORG, school);
  g_autoptr(GArray) everyone = NULL;
  g_autofree char *json = NULL;
  g_autoptr(LicReply) reply = NULL;
  g_autoptr(LicReply) again = NULL;
  g_autoptr(LicReply) removed = NULL;
  gint64 pool;

  lic_db_exec (database, move);
  everyone = user_ids (city, token, "");
  g_assert_cmpuint (everyone->len, ==, CITY_USERS + 1);
  pool = pool_of (city, token, "Fysikfabriken", "Almskolan 1", CITY_USERS + 500);

  json = ids_json ("user_ids", everyone, 0, everyone->len);
  reply = assign (city, token, pool, json);
  lic_assert_reply (reply, 200, NULL);
  g_assert_cmpint (json_object_get_int_member (lic_reply_object (reply), "assigned")
                   + json_object_get_int_member (lic_reply_object (reply), "already_assigned"),
                   ==, CITY_USERS + 1);
  g_assert_cmpint (json_object_get_int_member (lic_reply_object (reply), "already_assigned"),
                   >, 0);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (
                     lic_reply_object (reply), "pool"), "assigned"), ==, CITY_USERS + 1);

  again = assign (city, token, pool, json);
  lic_assert_reply (again, 200, NULL);
  g_assert_cmpint (json_object_get_int_member (lic_reply_object (again), "assigned"), ==, 0);

  removed = unassign (city, token, pool, json);
  lic_assert_reply (removed, 200, NULL);
  g_assert_cmpint (json_object_get_int_member (lic_reply_object (removed), "unassigned"), ==,
                   CITY_USERS + 1);
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
  ekbacke_id = lic_find_id (server, sundby, "/api/v1/schools", "Ekbackeskolan");
  solberga_id = lic_find_id (server, sundby, "/api/v1/schools", "Solbergagymnasiet");

  g_test_add_func ("/server/assignments/users-and-already", test_users_and_already);
  g_test_add_func ("/server/assignments/groups-and-role", test_groups_and_role);
  g_test_add_func ("/server/assignments/over-capacity", test_over_capacity);
  g_test_add_func ("/server/assignments/other-school", test_other_school);
  g_test_add_func ("/server/assignments/unassign", test_unassign);
  g_test_add_func ("/server/assignments/scope", test_scope);
  g_test_add_func ("/server/assignments/demo-users", test_demo_users);
  g_test_add_func ("/server/assignments/bulk", test_bulk);
  result = g_test_run ();

  g_free (sundby);
  g_free (ekbacke);
  lic_test_server_stop (server);
  return result;
}
