/* test-server-session.c: signing in and out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lic-server-test.h"

static LicTestServer *server;

static LicReply *
sign_in (const char *username,
         const char *password)
{
  g_autofree char *json = g_strdup_printf ("{\"username\": \"%s\", \"password\": \"%s\"}",
                                           username, password);

  return lic_post_json (server, "/api/v1/session", NULL, json);
}

static void
assert_school_ids (JsonObject    *user,
                   const gint64  *expected,
                   guint          n_expected)
{
  JsonArray *ids = json_object_get_array_member (user, "school_ids");

  g_assert_cmpuint (json_array_get_length (ids), ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpint (json_array_get_int_element (ids, i), ==, expected[i]);
}

static void
test_sign_in (void)
{
  g_autoptr(LicReply) reply = sign_in ("demo-admin", "demo-admin");
  g_autoptr(GError) error = NULL;
  g_autoptr(LicUser) user = NULL;
  g_autoptr(LicOrganization) organization = NULL;
  JsonObject *object;
  JsonObject *user_object;
  const gint64 schools[] = { 1, 2 };

  lic_assert_reply (reply, 200, NULL);
  object = lic_reply_object (reply);
  g_assert_cmpuint (strlen (json_object_get_string_member (object, "token")), >=, 32);

  /* The members the app reads, in the form the core types read them. */
  user_object = json_object_get_object_member (object, "user");
  user = lic_user_new_from_json (user_object, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lic_user_get_username (user), ==, "demo-admin");
  g_assert_cmpstr (lic_user_get_name (user), ==, "Eva Lindqvist");
  g_assert_cmpint (lic_user_get_role (user), ==, LIC_ROLE_ADMINISTRATOR);
  g_assert_cmpint (lic_user_get_school_id (user), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (user_object, "admin_scope"), ==,
                   "organization");
  assert_school_ids (user_object, schools, G_N_ELEMENTS (schools));

  organization = lic_organization_new_from_json (json_object_get_object_member (object,
                                                                                "organization"),
                                                 &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lic_organization_get_name (organization), ==, "Sundby kommun");
  g_assert_cmpstr (lic_organization_get_currency (organization), ==, "SEK");
}

static void
test_get_session (void)
{
  g_autofree char *token = lic_sign_in (server, "demo-school", "demo-school");
  g_autoptr(LicReply) reply = lic_get (server, token, "/api/v1/session");
  JsonObject *object;
  JsonObject *user;
  const gint64 schools[] = { 1 };

  lic_assert_reply (reply, 200, NULL);
  object = lic_reply_object (reply);
  g_assert_false (json_object_has_member (object, "token"));
  user = json_object_get_object_member (object, "user");
  g_assert_cmpstr (json_object_get_string_member (user, "username"), ==, "demo-school");
  g_assert_cmpstr (json_object_get_string_member (user, "admin_scope"), ==, "school");
  assert_school_ids (user, schools, G_N_ELEMENTS (schools));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object,
                                                                                 "organization"),
                                                  "name"), ==, "Sundby kommun");
}

static void
test_finnish_organization (void)
{
  g_autofree char *token = lic_sign_in (server, "demo-fi", "demo-fi");
  g_autoptr(LicReply) reply = lic_get (server, token, "/api/v1/session");
  JsonObject *organization;

  lic_assert_reply (reply, 200, NULL);
  organization = json_object_get_object_member (lic_reply_object (reply), "organization");
  g_assert_cmpstr (json_object_get_string_member (organization, "name"), ==,
                   "Koivulan kaupunki");
  g_assert_cmpstr (json_object_get_string_member (organization, "currency"), ==, "EUR");
}

static char *
find_username (const char *token,
               const char *role)
{
  g_autoptr(LicReply) reply = lic_get (server, token, "/api/v1/users?role=%s&limit=1", role);
  JsonArray *items;

  lic_assert_reply (reply, 200, NULL);
  items = lic_reply_items (reply);
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  return g_strdup (json_object_get_string_member (json_array_get_object_element (items, 0),
                                                  "username"));
}

static void
test_refused (void)
{
  g_autofree char *token = lic_sign_in (server, "demo-admin", "demo-admin");
  g_autofree char *student = find_username (token, "student");
  g_autofree char *teacher = find_username (token, "teacher");
  const char *attempts[][2] = {
    { "demo-admin", "wrong" },
    { "demo-admin", "" },
    { "demo-admin", "DEMO-ADMIN" },
    { "Demo-Admin", "demo-admin" },
    { "nobody", "demo-admin" },
    { "", "" },
    { student, student },
    { teacher, teacher },
  };
  g_autofree char *message = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (attempts); i++)
    {
      g_autoptr(LicReply) reply = sign_in (attempts[i][0], attempts[i][1]);

      g_test_message ("%s / %s", attempts[i][0], attempts[i][1]);
      lic_assert_reply (reply, 401, "unauthorized");
      g_assert_false (json_object_has_member (lic_reply_object (reply), "token"));
      /* Whatever the reason, the same words: they must not tell which accounts exist. */
      if (message == NULL)
        message = g_strdup (lic_reply_error_message (reply));
      g_assert_cmpstr (lic_reply_error_message (reply), ==, message);
    }
}

static void
test_sign_out (void)
{
  g_autofree char *token = lic_sign_in (server, "demo-admin", "demo-admin");
  g_autofree char *other = lic_sign_in (server, "demo-admin", "demo-admin");
  g_autoptr(LicReply) before = lic_get (server, token, "/api/v1/schools");
  g_autoptr(LicReply) out = lic_send (lic_message_new (server, "DELETE", "/api/v1/session", token));
  g_autoptr(LicReply) after = lic_get (server, token, "/api/v1/schools");
  g_autoptr(LicReply) again = lic_send (lic_message_new (server, "DELETE", "/api/v1/session",
                                                         token));
  g_autoptr(LicReply) still = lic_get (server, other, "/api/v1/schools");

  g_assert_cmpstr (token, !=, other);
  lic_assert_reply (before, 200, NULL);
  lic_assert_reply (out, 204, NULL);
  g_assert_null (out->root);
  lic_assert_reply (after, 401, "unauthorized");
  lic_assert_reply (again, 401, "unauthorized");
  /* Only the session signed out ended. */
  lic_assert_reply (still, 200, NULL);
}

int
main (int    argc,
      char **argv)
{
  int result;

  g_test_init (&argc, &argv, NULL);

  server = lic_test_server_start_demo ();

  g_test_add_func ("/server/session/sign-in", test_sign_in);
  g_test_add_func ("/server/session/get", test_get_session);
  g_test_add_func ("/server/session/finnish-organization", test_finnish_organization);
  g_test_add_func ("/server/session/refused", test_refused);
  g_test_add_func ("/server/session/sign-out", test_sign_out);
  result = g_test_run ();

  lic_test_server_stop (server);
  return result;
}
