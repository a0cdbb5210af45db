/* test-server-people.c: schools, users and groups, each seen only within the caller's scope.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lic-server-test.h"

static LicTestServer *server;
static char *sundby;                /* organization admin of Sundby kommun */
static char *ekbacke;               /* school admin of Ekbackeskolan */
static char *koivula;               /* organization admin of Koivulan kaupunki */

/* The ids of the schools a token may act on, by name. */
static gint64
school_id (const char *token,
           const char *name)
{
  g_autoptr(LicReply) reply = lic_get (server, token, "/api/v1/schools");
  JsonArray *items;

  lic_assert_reply (reply, 200, NULL);
  items = lic_reply_items (reply);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *school = json_array_get_object_element (items, i);

      if (g_str_equal (json_object_get_string_member (school, "name"), name))
        return json_object_get_int_member (school, "id");
    }
  g_assert_not_reached ();
}

static GPtrArray *
all_users (const char *token,
           const char *query)
{
  g_autofree char *path = g_strconcat ("/api/v1/users", query, NULL);

  return lic_list_all (server, token, path, 200, NULL);
}

static void
test_schools (void)
{
  g_autoptr(LicReply) admin = lic_get (server, sundby, "/api/v1/schools");
  g_autoptr(LicReply) school = lic_get (server, ekbacke, "/api/v1/schools");
  g_autoptr(LicReply) finnish = lic_get (server, koivula, "/api/v1/schools");
  JsonArray *items;

  lic_assert_reply (admin, 200, NULL);
  items = lic_reply_items (admin);
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0),
                                                  "name"), ==, "Ekbackeskolan");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 1),
                                                  "name"), ==, "Solbergagymnasiet");
  g_assert_null (lic_reply_next_cursor (admin));

  lic_assert_reply (school, 200, NULL);
  items = lic_reply_items (school);
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0),
                                                  "name"), ==, "Ekbackeskolan");

  lic_assert_reply (finnish, 200, NULL);
  items = lic_reply_items (finnish);
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0),
                                                  "name"), ==, "Koivulan yhtenäiskoulu");
}

static void
test_walk_all_users (void)
{
  guint n_pages;
  g_autoptr(GPtrArray) pages = lic_list_all (server, sundby, "/api/v1/users", 50, &n_pages);
  g_autoptr(GPtrArray) whole = all_users (sundby, "");
  g_autoptr(GPtrArray) finnish = all_users (koivula, "");
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  /* The demo's people: about 600 across both organizations. */
  g_assert_cmpuint (whole->len + finnish->len, >=, 550);
  g_assert_cmpuint (whole->len + finnish->len, <=, 700);

  /* 50 at a time gives every user once, in the same order as 200 at a time. */
  g_assert_cmpuint (pages->len, ==, whole->len);
  g_assert_cmpuint (n_pages, ==, (whole->len + 49) / 50);
  for (guint i = 0; i < pages->len; i++)
    {
      JsonObject *user = g_ptr_array_index (pages, i);
      gint64 *id = g_new (gint64, 1);
      g_autoptr(GError) error = NULL;
      g_autoptr(LicUser) parsed = lic_user_new_from_json (user, &error);

      g_assert_no_error (error);
      *id = lic_user_get_id (parsed);
      g_assert_false (g_hash_table_contains (seen, id));
      g_hash_table_add (seen, id);
      g_assert_cmpint (*id, ==,
                       json_object_get_int_member (g_ptr_array_index (whole, i), "id"));
    }
}

static void
test_limits (void)
{
  g_autoptr(LicReply) first = lic_get (server, sundby, "/api/v1/users");
  g_autoptr(LicReply) clamped = lic_get (server, sundby, "/api/v1/users?limit=500");
  g_autoptr(LicReply) huge = lic_get (server, sundby,
                                      "/api/v1/users?limit=99999999999999999999999");
  g_autoptr(LicReply) one = lic_get (server, sundby, "/api/v1/users?limit=1");
  const char *bad[] = { "0", "abc", "-5", "1.5", "00" };

  lic_assert_reply (first, 200, NULL);
  g_assert_cmpuint (json_array_get_length (lic_reply_items (first)), ==, 50);
  g_assert_nonnull (lic_reply_next_cursor (first));
  lic_assert_reply (clamped, 200, NULL);
  g_assert_cmpuint (json_array_get_length (lic_reply_items (clamped)), ==, 200);
  lic_assert_reply (huge, 200, NULL);
  g_assert_cmpuint (json_array_get_length (lic_reply_items (huge)), ==, 200);
  lic_assert_reply (one, 200, NULL);
  g_assert_cmpuint (json_array_get_length (lic_reply_items (one)), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(LicReply) reply = lic_get (server, sundby, "/api/v1/users?limit=%s", bad[i]);

      g_test_message ("limit=%s", bad[i]);
      lic_assert_reply (reply, 400, "invalid");
      g_assert_nonnull (strstr (lic_reply_error_message (reply), "limit"));
    }
}

static void
test_forged_cursor (void)
{
  g_autoptr(LicReply) products = lic_get (server, sundby, "/api/v1/products?limit=1");
  g_autofree char *products_cursor = g_strdup (lic_reply_next_cursor (products));
  g_autofree char *made_up = g_base64_encode ((const guchar *) "users\x1f" "abc\x1f" "Eva", 13);
  const char *cursors[] = { "abc", "AAAA", "dXNlcnM", "!!!!", products_cursor, made_up };

  g_assert_nonnull (products_cursor);
  for (guint i = 0; i < G_N_ELEMENTS (cursors); i++)
    {
      g_autofree char *escaped = g_uri_escape_string (cursors[i], NULL, FALSE);
      g_autoptr(LicReply) reply = lic_get (server, sundby, "/api/v1/users?cursor=%s", escaped);

      g_test_message ("cursor=%s", cursors[i]);
      lic_assert_reply (reply, 400, "invalid");
      g_assert_nonnull (strstr (lic_reply_error_message (reply), "cursor"));
    }
}

/* Whether a word of @text starts with @prefix, ignoring case. */
static gboolean
has_word_prefix (const char *text,
                 const char *prefix)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_autofree char *folded_prefix = g_utf8_casefold (prefix, -1);
  g_auto(GStrv) words = g_strsplit_set (folded, " -", -1);

  if (g_str_has_prefix (folded, folded_prefix))
    return TRUE;
  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_has_prefix (words[i], folded_prefix))
      return TRUE;
  return FALSE;
}

static void
test_search (void)
{
  g_autoptr(GPtrArray) lower = all_users (sundby, "?q=lindq");
  g_autoptr(GPtrArray) upper = all_users (sundby, "?q=LINDQ");
  g_autoptr(GPtrArray) whole = all_users (sundby, "");
  g_autoptr(GPtrArray) full = all_users (sundby, "?q=eva+lindqvist");
  g_autoptr(GPtrArray) accented = all_users (sundby, "?q=%C3%96berg");
  g_autoptr(GPtrArray) middle = all_users (sundby, "?q=ndqvist");
  g_autoptr(GPtrArray) username = all_users (sundby, "?q=demo-sch");
  g_autoptr(GPtrArray) email = all_users (sundby, "?q=eva.lindqvist%40sundby");
  guint expected = 0;

  /* Exactly the users with a word of their name, or their username or e-mail address, that
   * starts with the search. */
  for (guint i = 0; i < whole->len; i++)
    {
      JsonObject *user = g_ptr_array_index (whole, i);

      if (has_word_prefix (json_object_get_string_member (user, "name"), "lindq")
          || has_word_prefix (json_object_get_string_member (user, "username"), "lindq")
          || has_word_prefix (json_object_get_string_member (user, "email"), "lindq"))
        expected++;
    }
  g_assert_cmpuint (lower->len, >, 1);
  g_assert_cmpuint (lower->len, ==, expected);
  g_assert_cmpuint (upper->len, ==, lower->len);

  g_assert_cmpuint (full->len, >=, 1);
  for (guint i = 0; i < full->len; i++)
    g_assert_true (has_word_prefix (json_object_get_string_member (g_ptr_array_index (full, i),
                                                                   "name"), "eva"));
  for (guint i = 0; i < accented->len; i++)
    g_assert_true (has_word_prefix (json_object_get_string_member (g_ptr_array_index (accented,
                                                                                      i),
                                                                   "name"), "öberg"));
  g_assert_cmpuint (middle->len, ==, 0);
  g_assert_cmpuint (username->len, ==, 1);
  g_assert_cmpuint (email->len, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (email, 0), "username"), ==,
                   "demo-admin");
}

static void
test_filters (void)
{
  gint64 solberga = school_id (sundby, "Solbergagymnasiet");
  g_autofree char *school_query = g_strdup_printf ("?school_id=%" G_GINT64_FORMAT, solberga);
  g_autoptr(GPtrArray) whole = all_users (sundby, "");
  g_autoptr(GPtrArray) teachers = all_users (sundby, "?role=teacher");
  g_autoptr(GPtrArray) at_solberga = all_users (sundby, school_query);
  g_autoptr(LicReply) groups = lic_get (server, sundby, "/api/v1/groups?school_id=%" G_GINT64_FORMAT
                                        "&limit=200", solberga);
  JsonObject *group;
  g_autofree char *group_query = NULL;
  g_autoptr(GPtrArray) members = NULL;

  g_assert_cmpuint (teachers->len, >, 0);
  g_assert_cmpuint (teachers->len, <, whole->len / 5);
  for (guint i = 0; i < teachers->len; i++)
    g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (teachers, i), "role"), ==,
                     "teacher");

  g_assert_cmpuint (at_solberga->len, >, 0);
  g_assert_cmpuint (at_solberga->len, <, whole->len);
  for (guint i = 0; i < at_solberga->len; i++)
    g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (at_solberga, i), "school_id"),
                     ==, solberga);

  /* The members of a group are as many as the group says, and all in it. */
  lic_assert_reply (groups, 200, NULL);
  group = json_array_get_object_element (lic_reply_items (groups), 0);
  group_query = g_strdup_printf ("?group_id=%" G_GINT64_FORMAT,
                                 json_object_get_int_member (group, "id"));
  members = all_users (sundby, group_query);
  g_assert_cmpuint (members->len, ==, json_object_get_int_member (group, "member_count"));
  for (guint i = 0; i < members->len; i++)
    g_assert_true (lic_strv_has (json_object_get_array_member (g_ptr_array_index (members, i),
                                                               "groups"),
                                 json_object_get_string_member (group, "name")));
}

static void
test_bad_filters (void)
{
  const char *queries[] = {
    "role=janitor", "role=STUDENT", "school_id=abc", "school_id=-1", "group_id=1x",
    "q=%FF%FE",
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(LicReply) reply = lic_get (server, sundby, "/api/v1/users?%s", queries[i]);

      g_test_message ("?%s", queries[i]);
      lic_assert_reply (reply, 400, "invalid");
    }
}

static void
test_school_admin_scope (void)
{
  gint64 ekbackeskolan = school_id (sundby, "Ekbackeskolan");
  gint64 solberga = school_id (sundby, "Solbergagymnasiet");
  g_autofree char *query = g_strdup_printf ("?school_id=%" G_GINT64_FORMAT, ekbackeskolan);
  g_autoptr(GPtrArray) own = all_users (ekbacke, "");
  g_autoptr(GPtrArray) expected = all_users (sundby, query);
  g_autoptr(LicReply) other = lic_get (server, ekbacke, "/api/v1/users?school_id=%" G_GINT64_FORMAT,
                                       solberga);
  g_autoptr(LicReply) other_groups = lic_get (server, ekbacke,
                                              "/api/v1/groups?school_id=%" G_GINT64_FORMAT,
                                              solberga);
  g_autoptr(GPtrArray) groups = lic_list_all (server, ekbacke, "/api/v1/groups", 200, NULL);

  g_assert_cmpuint (own->len, >, 0);
  g_assert_cmpuint (own->len, ==, expected->len);
  for (guint i = 0; i < own->len; i++)
    g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (own, i), "school_id"), ==,
                     ekbackeskolan);

  lic_assert_reply (other, 403, "forbidden");
  lic_assert_reply (other_groups, 403, "forbidden");
  g_assert_cmpuint (groups->len, >, 0);
  for (guint i = 0; i < groups->len; i++)
    g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (groups, i), "school_id"), ==,
                     ekbackeskolan);
}

static void
test_organizations_apart (void)
{
  gint64 solberga = school_id (sundby, "Solbergagymnasiet");
  gint64 finnish_school = school_id (koivula, "Koivulan yhtenäiskoulu");
  g_autoptr(GPtrArray) swedish = all_users (sundby, "");
  g_autoptr(GPtrArray) finnish = all_users (koivula, "");
  g_autoptr(GPtrArray) finnish_lindq = all_users (koivula, "?q=lindq");
  g_autoptr(GPtrArray) finnish_groups = lic_list_all (server, koivula, "/api/v1/groups", 200, NULL);
  g_autoptr(LicReply) forbidden = lic_get (server, koivula,
                                           "/api/v1/users?school_id=%" G_GINT64_FORMAT, solberga);

  for (guint i = 0; i < swedish->len; i++)
    g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (swedish, i), "school_id"), !=,
                     finnish_school);
  g_assert_cmpuint (finnish->len, >, 0);
  for (guint i = 0; i < finnish->len; i++)
    {
      JsonObject *user = g_ptr_array_index (finnish, i);

      g_assert_cmpint (json_object_get_int_member (user, "school_id"), ==, finnish_school);
      g_assert_true (g_str_has_suffix (json_object_get_string_member (user, "email"), ".fi"));
    }
  /* Swedish surnames exist only in the Swedish organization. */
  g_assert_cmpuint (finnish_lindq->len, ==, 0);
  g_assert_cmpuint (finnish_groups->len, >, 0);
  for (guint i = 0; i < finnish_groups->len; i++)
    g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (finnish_groups, i),
                                                 "school_id"), ==, finnish_school);
  lic_assert_reply (forbidden, 403, "forbidden");
}

static void
test_groups (void)
{
  guint n_pages;
  g_autoptr(GPtrArray) paged = lic_list_all (server, sundby, "/api/v1/groups", 7, &n_pages);
  g_autoptr(GPtrArray) whole = lic_list_all (server, sundby, "/api/v1/groups", 200, NULL);
  gint64 total_members = 0;

  g_assert_cmpuint (whole->len, >, 20);
  g_assert_cmpuint (paged->len, ==, whole->len);
  g_assert_cmpuint (n_pages, ==, (whole->len + 6) / 7);
  for (guint i = 0; i < whole->len; i++)
    {
      JsonObject *group = g_ptr_array_index (whole, i);

      g_assert_cmpint (json_object_get_int_member (group, "id"), ==,
                       json_object_get_int_member (g_ptr_array_index (paged, i), "id"));
      g_assert_cmpstr (json_object_get_string_member (group, "name"), !=, "");
      g_assert_cmpint (json_object_get_int_member (group, "member_count"), >, 0);
      total_members += json_object_get_int_member (group, "member_count");
    }
  g_assert_cmpint (total_members, >, 300);
}

static gint64
item_id (GPtrArray *items,
         guint      index)
{
  return json_object_get_int_member (g_ptr_array_index (items, index), "id");
}

/* The ids of a CSV export's data rows, in order. */
static GArray *
csv_ids (const char *token,
         const char *query)
{
  g_autofree char *url = g_strconcat (lic_test_server_get_url (server), "/api/v1/users.csv",
                                      query, NULL);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) message = soup_message_new ("GET", url);
  g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization",
                                authorization);
  body = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, 200);
  text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "id,"));
  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      gint64 id = g_ascii_strtoll (lines[i], NULL, 10);

      g_array_append_val (ids, id);
    }
  return ids;
}

/* A pool of Ekbackeskolan with at least three users assigned, and its users. */
static gint64
pool_with_users (GPtrArray **users)
{
  gint64 ekbackeskolan = school_id (sundby, "Ekbackeskolan");
  g_autofree char *path = g_strdup_printf ("/api/v1/pools?school_id=%" G_GINT64_FORMAT,
                                           ekbackeskolan);
  g_autoptr(GPtrArray) pools = lic_list_all (server, sundby, path, 200, NULL);

  for (guint i = 0; i < pools->len; i++)
    {
      JsonObject *pool = g_ptr_array_index (pools, i);

      if (json_object_get_int_member (pool, "assigned") >= 3)
        {
          gint64 id = json_object_get_int_member (pool, "id");
          g_autofree char *query = g_strdup_printf ("?pool_id=%" G_GINT64_FORMAT, id);

          *users = all_users (sundby, query);
          g_assert_cmpint ((*users)->len, ==, json_object_get_int_member (pool, "assigned"));
          return id;
        }
    }
  g_assert_not_reached ();
}

static void
test_lists (void)
{
  const char *database = lic_test_server_get_database (server);
  g_autoptr(GPtrArray) assigned = NULL;
  gint64 pool = pool_with_users (&assigned);
  gint64 first = item_id (assigned, 0), second = item_id (assigned, 1);
  gint64 third = item_id (assigned, 2);
  g_autofree char *pool_query = g_strdup_printf ("&pool_id=%" G_GINT64_FORMAT, pool);
  g_autofree char *sql = NULL;
  const char *bad[] = { "list=bogus", "list=PAYABLE", "list=payable,no_access" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(LicReply) reply = lic_get (server, sundby, "/api/v1/users?%s", bad[i]);
      g_autoptr(LicReply) csv = lic_get (server, sundby, "/api/v1/users.csv?%s", bad[i]);

      g_test_message ("?%s", bad[i]);
      lic_assert_reply (reply, 400, "invalid");
      g_assert_nonnull (strstr (lic_reply_error_message (reply), "list"));
      lic_assert_reply (csv, 400, "invalid");
    }

  /* Nothing is payable or without access while every pool holds what it assigned. */
  {
    g_autoptr(GPtrArray) payable = all_users (sundby, "?list=payable");
    g_autoptr(GPtrArray) no_access = all_users (sundby, "?list=no_access");
    g_autoptr(GPtrArray) empty = all_users (sundby, "?list=");
    g_autoptr(GPtrArray) whole = all_users (sundby, "");

    g_assert_cmpuint (payable->len, ==, 0);
    g_assert_cmpuint (no_access->len, ==, 0);
    g_assert_cmpuint (empty->len, ==, whole->len);
  }

  /* Two licenses too few: the two assigned last are payable. */
  sql = g_strdup_printf ("UPDATE assignments SET assigned_at = '2999-01-01T00:00:00Z'"
                         " WHERE pool_id = %1$" G_GINT64_FORMAT " AND user_id IN (%2$" G_GINT64_FORMAT
                         ", %3$" G_GINT64_FORMAT ");"
                         "UPDATE pools SET quantity_paid = %4$u - 2 WHERE id = %1$" G_GINT64_FORMAT ";"
                         "UPDATE assignments SET state = 'no_access'"
                         " WHERE pool_id = %1$" G_GINT64_FORMAT " AND user_id = %5$" G_GINT64_FORMAT,
                         pool, first, second, assigned->len, third);
  lic_db_exec (database, sql);
  /* The one without access no longer counts as assigned: assigned − paid is 1. */
  {
    g_autofree char *with_pool = g_strconcat ("?list=payable", pool_query, NULL);
    g_autofree char *other_pool = g_strdup_printf ("?list=payable&pool_id=%" G_GINT64_FORMAT,
                                                   pool + 1000);
    g_autoptr(GPtrArray) payable = all_users (sundby, "?list=payable");
    g_autoptr(GPtrArray) pooled = all_users (sundby, with_pool);
    g_autoptr(GPtrArray) none = all_users (sundby, other_pool);
    g_autoptr(GPtrArray) school = all_users (ekbacke, "?list=payable");
    g_autoptr(GPtrArray) finnish = all_users (koivula, "?list=payable");
    g_autoptr(GPtrArray) admins = all_users (sundby, "?list=payable&role=administrator");
    g_autoptr(GArray) csv = csv_ids (sundby, "?list=payable");

    g_assert_cmpuint (payable->len, ==, 1);
    g_assert_true (item_id (payable, 0) == first || item_id (payable, 0) == second);
    g_assert_cmpuint (pooled->len, ==, 1);
    g_assert_cmpint (item_id (pooled, 0), ==, item_id (payable, 0));
    g_assert_cmpuint (none->len, ==, 0);
    g_assert_cmpuint (school->len, ==, 1);
    g_assert_cmpuint (finnish->len, ==, 0);
    g_assert_cmpuint (admins->len, ==, 0);
    g_assert_cmpuint (csv->len, ==, 1);
    g_assert_cmpint (g_array_index (csv, gint64, 0), ==, item_id (payable, 0));
  }
  /* Three too few: both of the last assigned, paged one at a time. */
  g_free (sql);
  sql = g_strdup_printf ("UPDATE pools SET quantity_paid = %u - 3 WHERE id = %" G_GINT64_FORMAT,
                         assigned->len, pool);
  lic_db_exec (database, sql);
  {
    guint n_pages;
    g_autoptr(GPtrArray) payable = lic_list_all (server, sundby, "/api/v1/users?list=payable", 1,
                                                 &n_pages);
    g_autoptr(GHashTable) expected = g_hash_table_new (g_int64_hash, g_int64_equal);

    g_hash_table_add (expected, &first);
    g_hash_table_add (expected, &second);
    g_assert_cmpuint (payable->len, ==, 2);
    g_assert_cmpuint (n_pages, >=, 2);
    for (guint i = 0; i < payable->len; i++)
      {
        gint64 id = item_id (payable, i);

        g_assert_true (g_hash_table_remove (expected, &id));
      }
  }

  /* No access: the third user, in that pool and with the other filters. */
  {
    g_autofree char *with_pool = g_strconcat ("?list=no_access", pool_query, NULL);
    g_autofree char *active_query = g_strdup_printf ("?pool_id=%" G_GINT64_FORMAT, pool);
    g_autoptr(GPtrArray) no_access = all_users (sundby, "?list=no_access");
    g_autoptr(GPtrArray) pooled = all_users (sundby, with_pool);
    g_autoptr(GPtrArray) school = all_users (ekbacke, "?list=no_access");
    g_autoptr(GPtrArray) finnish = all_users (koivula, "?list=no_access");
    g_autoptr(GPtrArray) active = all_users (sundby, active_query);
    g_autoptr(GArray) csv = csv_ids (sundby, "?list=no_access");
    JsonObject *user;
    g_autofree char *search = NULL;
    g_autoptr(GPtrArray) found = NULL;
    g_autofree char *first_word = NULL;

    g_assert_cmpuint (no_access->len, ==, 1);
    g_assert_cmpint (item_id (no_access, 0), ==, third);
    g_assert_cmpuint (pooled->len, ==, 1);
    g_assert_cmpuint (school->len, ==, 1);
    g_assert_cmpuint (finnish->len, ==, 0);
    g_assert_cmpuint (active->len, ==, assigned->len - 1);
    g_assert_cmpuint (csv->len, ==, 1);
    g_assert_cmpint (g_array_index (csv, gint64, 0), ==, third);

    user = g_ptr_array_index (no_access, 0);
    first_word = g_strdup (json_object_get_string_member (user, "username"));
    search = g_strdup_printf ("?list=no_access&q=%s", first_word);
    found = all_users (sundby, search);
    g_assert_cmpuint (found->len, ==, 1);
  }

  /* The user page shows the state. */
  {
    g_autoptr(LicReply) reply = lic_get (server, sundby, "/api/v1/users/%" G_GINT64_FORMAT, third);
    JsonArray *licenses;
    gboolean seen = FALSE;

    lic_assert_reply (reply, 200, NULL);
    licenses = json_object_get_array_member (lic_reply_object (reply), "licenses");
    for (guint i = 0; i < json_array_get_length (licenses); i++)
      {
        JsonObject *license = json_array_get_object_element (licenses, i);

        if (json_object_get_int_member (license, "pool_id") == pool)
          {
            g_assert_cmpstr (json_object_get_string_member (license, "state"), ==, "no_access");
            seen = TRUE;
          }
      }
    g_assert_true (seen);
  }

  g_free (sql);
  sql = g_strdup_printf ("UPDATE assignments SET state = 'active' WHERE pool_id = %1$" G_GINT64_FORMAT ";"
                         "UPDATE pools SET quantity_paid = %2$u WHERE id = %1$" G_GINT64_FORMAT,
                         pool, assigned->len);
  lic_db_exec (database, sql);
}

static void
test_user_page (void)
{
  g_autoptr(GPtrArray) assigned = NULL;
  gint64 pool = pool_with_users (&assigned);
  gint64 user_id = item_id (assigned, 0);
  gint64 solberga = school_id (sundby, "Solbergagymnasiet");
  g_autofree char *query = g_strdup_printf ("?school_id=%" G_GINT64_FORMAT, solberga);
  g_autoptr(GPtrArray) at_solberga = all_users (sundby, query);
  gint64 outsider = item_id (at_solberga, 0);
  g_autoptr(LicReply) reply = lic_get (server, sundby, "/api/v1/users/%" G_GINT64_FORMAT, user_id);
  g_autoptr(LicReply) school = lic_get (server, ekbacke, "/api/v1/users/%" G_GINT64_FORMAT,
                                        user_id);
  g_autoptr(LicReply) outside = lic_get (server, ekbacke, "/api/v1/users/%" G_GINT64_FORMAT,
                                         outsider);
  g_autoptr(LicReply) finnish = lic_get (server, koivula, "/api/v1/users/%" G_GINT64_FORMAT,
                                         user_id);
  g_autoptr(LicReply) missing = lic_get (server, sundby, "/api/v1/users/999999999");
  g_autoptr(LicReply) anonymous = lic_get (server, NULL, "/api/v1/users/%" G_GINT64_FORMAT,
                                           user_id);
  JsonObject *user;
  JsonArray *licenses;
  gboolean seen = FALSE;

  lic_assert_reply (reply, 200, NULL);
  user = lic_reply_object (reply);
  g_assert_cmpint (json_object_get_int_member (user, "id"), ==, user_id);
  g_assert_cmpstr (json_object_get_string_member (user, "name"), ==,
                   json_object_get_string_member (g_ptr_array_index (assigned, 0), "name"));
  g_assert_cmpstr (json_object_get_string_member (user, "username"), ==,
                   json_object_get_string_member (g_ptr_array_index (assigned, 0), "username"));
  g_assert_true (json_object_has_member (user, "groups"));
  licenses = json_object_get_array_member (user, "licenses");
  g_assert_cmpuint (json_array_get_length (licenses), >=, 1);
  for (guint i = 0; i < json_array_get_length (licenses); i++)
    {
      JsonObject *license = json_array_get_object_element (licenses, i);

      g_assert_cmpint (json_object_get_int_member (license, "product_id"), >, 0);
      g_assert_cmpint (json_object_get_int_member (license, "school_id"), ==,
                       json_object_get_int_member (user, "school_id"));
      g_assert_cmpstr (json_object_get_string_member (license, "assigned_at"), !=, "");
      g_assert_cmpstr (json_object_get_string_member (license, "state"), ==, "active");
      if (i > 0)
        g_assert_cmpint (g_ascii_strcasecmp (
                           json_object_get_string_member (json_array_get_object_element (licenses,
                                                                                         i - 1),
                                                          "product_name"),
                           json_object_get_string_member (license, "product_name")), <=, 0);
      if (json_object_get_int_member (license, "pool_id") == pool)
        seen = TRUE;
    }
  g_assert_true (seen);

  /* A school admin sees users of their school only; another organization sees none. */
  lic_assert_reply (school, 200, NULL);
  lic_assert_reply (outside, 404, "not_found");
  lic_assert_reply (finnish, 404, "not_found");
  lic_assert_reply (missing, 404, "not_found");
  lic_assert_reply (anonymous, 401, NULL);

  /* A user without licenses has an empty list. */
  {
    g_autoptr(GPtrArray) whole = all_users (sundby, "");

    for (guint i = 0; i < whole->len; i++)
      {
        g_autoptr(LicReply) page = lic_get (server, sundby, "/api/v1/users/%" G_GINT64_FORMAT,
                                            item_id (whole, i));

        lic_assert_reply (page, 200, NULL);
        if (json_array_get_length (json_object_get_array_member (lic_reply_object (page),
                                                                 "licenses")) == 0)
          return;
      }
    g_assert_not_reached ();
  }
}

static void
import_csv (const char *csv)
{
  SoupMessage *message = lic_message_new (server, "POST", "/api/v1/users/import", sundby);
  g_autoptr(GBytes) body = g_bytes_new (csv, strlen (csv));
  g_autoptr(LicReply) reply = NULL;

  soup_message_set_request_body_from_bytes (message, "text/csv; charset=utf-8", body);
  reply = lic_send (message);
  lic_assert_reply (reply, 200, NULL);
}

/* Pages walked by key while users are added and renamed between them: every user that stayed
 * as it was comes exactly once, nothing comes twice unless it moved from before the cursor to
 * after it, and the walk is in (name, id) order throughout. */
static void
test_paging_while_changing (void)
{
  gint64 ekbackeskolan = school_id (sundby, "Ekbackeskolan");
  g_autoptr(GString) csv = g_string_new ("username,name,email,role,school_id,groups\r\n");
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GHashTable) stable = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        NULL);
  g_autoptr(GHashTable) forward = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                         NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *cursor = NULL;
  g_autofree char *last_name = NULL;
  gint64 last_id = 0;
  guint step = 0;
  const guint movers = 40;

  /* Movers: "zzzz" ones are renamed to the front, one per page (backwards over the cursor,
   * so never seen twice); "Aaab" ones to the end (forwards: seen up to twice). */
  for (guint i = 0; i < movers; i++)
    g_string_append_printf (csv, "pg.back.%02u,zzzz Back %02u,,student,%" G_GINT64_FORMAT ",\r\n"
                            "pg.forward.%02u,Aaab Forward %02u,,student,%" G_GINT64_FORMAT ",\r\n",
                            i, i, ekbackeskolan, i, i, ekbackeskolan);
  import_csv (csv->str);

  before = all_users (sundby, "");
  for (guint i = 0; i < before->len; i++)
    {
      const char *username = json_object_get_string_member (g_ptr_array_index (before, i),
                                                             "username");
      gint64 *id = g_new (gint64, 1);

      *id = item_id (before, i);
      if (g_str_has_prefix (username, "pg.forward."))
        g_hash_table_add (forward, id);
      else if (g_str_has_prefix (username, "pg."))
        g_free (id);
      else
        g_hash_table_add (stable, id);
    }
  g_assert_cmpuint (g_hash_table_size (stable), >, 200);

  do
    {
      g_autoptr(LicReply) reply = NULL;
      JsonArray *items;

      if (cursor == NULL)
        reply = lic_get (server, sundby, "/api/v1/users?limit=20");
      else
        {
          g_autofree char *escaped = g_uri_escape_string (cursor, NULL, FALSE);

          reply = lic_get (server, sundby, "/api/v1/users?limit=20&cursor=%s", escaped);
        }
      lic_assert_reply (reply, 200, NULL);
      items = lic_reply_items (reply);
      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonObject *user = json_array_get_object_element (items, i);
          const char *name = json_object_get_string_member (user, "name");
          gint64 id = json_object_get_int_member (user, "id");
          gint64 *key = g_new (gint64, 1);
          guint count;

          if (last_name != NULL)
            {
              int order = g_ascii_strcasecmp (last_name, name);

              g_assert_true (order < 0 || (order == 0 && last_id < id));
            }
          g_free (last_name);
          last_name = g_strdup (name);
          last_id = id;

          *key = id;
          count = GPOINTER_TO_UINT (g_hash_table_lookup (seen, key)) + 1;
          if (count > 1)
            g_assert_true (g_hash_table_contains (forward, key));
          g_hash_table_insert (seen, key, GUINT_TO_POINTER (count));
        }
      g_free (cursor);
      cursor = g_strdup (lic_reply_next_cursor (reply));

      /* Between pages: users added before, around and after the cursor, and movers. */
      if (cursor != NULL && last_name != NULL)
        {
          g_string_truncate (csv, 0);
          g_string_append (csv, "username,name,email,role,school_id,groups\r\n");
          /* .b has the cursor's own name (and a larger id: it sorts right after the cursor),
           * .c sorts between the cursor's name and the next. */
          g_string_append_printf (csv,
                                  "pg.new.%1$u.a,Aaaa New %1$u,,student,%2$" G_GINT64_FORMAT ",\r\n"
                                  "pg.new.%1$u.b,\"%3$s\",,student,%2$" G_GINT64_FORMAT ",\r\n"
                                  "pg.new.%1$u.c,\"%3$s 0\",,student,%2$" G_GINT64_FORMAT ",\r\n"
                                  "pg.new.%1$u.d,zzzz New %1$u,,student,%2$" G_GINT64_FORMAT ",\r\n",
                                  step, ekbackeskolan, last_name);
          if (step < movers)
            g_string_append_printf (csv,
                                    "pg.back.%1$02u,Aaaa Back %1$02u,,student,%2$" G_GINT64_FORMAT
                                    ",\r\n"
                                    "pg.forward.%1$02u,zzzz Forward %1$02u,,student,"
                                    "%2$" G_GINT64_FORMAT ",\r\n",
                                    step, ekbackeskolan);
          import_csv (csv->str);
          step++;
        }
    }
  while (cursor != NULL);

  g_assert_cmpuint (step, >, 10);
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, stable);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (seen, key)), ==, 1);
  }
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

  g_test_add_func ("/server/people/schools", test_schools);
  g_test_add_func ("/server/people/walk-all-users", test_walk_all_users);
  g_test_add_func ("/server/people/limits", test_limits);
  g_test_add_func ("/server/people/forged-cursor", test_forged_cursor);
  g_test_add_func ("/server/people/search", test_search);
  g_test_add_func ("/server/people/filters", test_filters);
  g_test_add_func ("/server/people/bad-filters", test_bad_filters);
  g_test_add_func ("/server/people/school-admin-scope", test_school_admin_scope);
  g_test_add_func ("/server/people/organizations-apart", test_organizations_apart);
  g_test_add_func ("/server/people/groups", test_groups);
  g_test_add_func ("/server/people/lists", test_lists);
  g_test_add_func ("/server/people/user-page", test_user_page);
  /* Last: it adds and renames users. */
  g_test_add_func ("/server/people/paging-while-changing", test_paging_while_changing);
  result = g_test_run ();

  g_free (sundby);
  g_free (ekbacke);
  g_free (koivula);
  lic_test_server_stop (server);
  return result;
}
