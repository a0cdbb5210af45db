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
  result = g_test_run ();

  g_free (sundby);
  g_free (ekbacke);
  g_free (koivula);
  lic_test_server_stop (server);
  return result;
}
