/* test-server-http.c: the protocol every route shares: routing, tokens, bodies, errors.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lic-server-test.h"

static LicTestServer *server;
static char *token;

static void
test_health (void)
{
  g_autoptr(LicReply) reply = lic_get (server, NULL, "/api/v1/health");

  lic_assert_reply (reply, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (lic_reply_object (reply), "status"), ==, "ok");
}

/* The session still works and sees the same data: the failed request changed nothing. */
static void
assert_unchanged (void)
{
  g_autoptr(LicReply) session = lic_get (server, token, "/api/v1/session");
  g_autoptr(LicReply) schools = lic_get (server, token, "/api/v1/schools");

  lic_assert_reply (session, 200, NULL);
  lic_assert_reply (schools, 200, NULL);
  g_assert_cmpuint (json_array_get_length (lic_reply_items (schools)), ==, 2);
}

static void
test_unknown_route (void)
{
  const char *paths[] = {
    "/api/v1/nothing", "/api/v2/products", "/", "/api/v1/products/", "/api/v1/products/abc",
    "/api/v1/products/0", "/api/v1/products/-3", "/api/v1/products/1/extra",
    "/api/v1/pools/99999999999999999999",
  };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(LicReply) reply = lic_get (server, token, "%s", paths[i]);

      g_test_message ("GET %s", paths[i]);
      lic_assert_reply (reply, 404, "not_found");
      g_assert_cmpstr (lic_reply_error_message (reply), !=, "");
    }
  assert_unchanged ();
}

static void
test_wrong_method (void)
{
  g_autoptr(LicReply) put = lic_send (lic_message_new (server, "PUT", "/api/v1/session", token));
  g_autoptr(LicReply) post = lic_post_json (server, "/api/v1/products", token, "{}");
  g_autoptr(LicReply) del = lic_send (lic_message_new (server, "DELETE", "/api/v1/pools/1", token));

  lic_assert_reply (put, 405, "method_not_allowed");
  g_assert_cmpstr (soup_message_headers_get_one (put->headers, "Allow"), ==, "POST, GET, DELETE");
  lic_assert_reply (post, 405, "method_not_allowed");
  g_assert_cmpstr (soup_message_headers_get_one (post->headers, "Allow"), ==, "GET");
  lic_assert_reply (del, 405, "method_not_allowed");
  g_assert_cmpstr (soup_message_headers_get_one (del->headers, "Allow"), ==, "GET");
  assert_unchanged ();
}

static void
test_missing_token (void)
{
  const char *paths[] = {
    "/api/v1/session", "/api/v1/schools", "/api/v1/products", "/api/v1/products/1",
    "/api/v1/users", "/api/v1/groups", "/api/v1/pools", "/api/v1/pools/1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(LicReply) none = lic_get (server, NULL, "%s", paths[i]);
      g_autoptr(LicReply) garbage = lic_get (server, "not-a-token", "%s", paths[i]);
      SoupMessage *basic = lic_message_new (server, "GET", paths[i], NULL);
      g_autoptr(LicReply) wrong_scheme = NULL;

      soup_message_headers_replace (soup_message_get_request_headers (basic), "Authorization",
                                    "Basic ZGVtby1hZG1pbjpkZW1vLWFkbWlu");
      wrong_scheme = lic_send (basic);

      g_test_message ("GET %s", paths[i]);
      lic_assert_reply (none, 401, "unauthorized");
      lic_assert_reply (garbage, 401, "unauthorized");
      lic_assert_reply (wrong_scheme, 401, "unauthorized");
    }
  assert_unchanged ();
}

static void
test_body_too_large (void)
{
  gsize size = 1024 * 1024 + 1;
  g_autofree char *big = g_malloc (size);
  SoupMessage *announced = lic_message_new (server, "POST", "/api/v1/session", NULL);
  SoupMessage *chunked = lic_message_new (server, "POST", "/api/v1/session", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(LicReply) first = NULL;
  g_autoptr(LicReply) second = NULL;

  /* One byte too many, as a JSON string that would be valid otherwise. */
  memset (big, 'a', size);
  big[0] = '"';
  big[size - 1] = '"';
  bytes = g_bytes_new_static (big, size);

  soup_message_set_request_body_from_bytes (announced, "application/json", bytes);
  first = lic_send (announced);
  lic_assert_reply (first, 413, "too_large");

  /* Without a Content-Length the server counts as the body arrives. */
  stream = g_memory_input_stream_new_from_bytes (bytes);
  soup_message_set_request_body (chunked, "application/json", stream, -1);
  second = lic_send (chunked);
  lic_assert_reply (second, 413, "too_large");

  assert_unchanged ();
}

static void
test_body_just_fits (void)
{
  gsize size = 1024 * 1024;
  g_autofree char *body = g_malloc (size + 1);
  SoupMessage *message = lic_message_new (server, "POST", "/api/v1/session", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LicReply) reply = NULL;
  const char *head = "{\"username\": \"demo-admin\", \"password\": \"wrong\", \"padding\": \"";
  gsize head_length = strlen (head);

  memcpy (body, head, head_length);
  memset (body + head_length, 'x', size - head_length - 2);
  memcpy (body + size - 2, "\"}", 2);
  bytes = g_bytes_new_static (body, size);
  soup_message_set_request_body_from_bytes (message, "application/json", bytes);
  reply = lic_send (message);

  /* Read and parsed: 1 MiB is allowed, so the answer is about the password. */
  lic_assert_reply (reply, 401, "unauthorized");
}

static void
test_wrong_content_type (void)
{
  SoupMessage *message = lic_message_new (server, "POST", "/api/v1/session", NULL);
  g_autoptr(GBytes) body = g_bytes_new_static ("username=demo-admin&password=demo-admin", 39);
  g_autoptr(LicReply) reply = NULL;

  soup_message_set_request_body_from_bytes (message, "application/x-www-form-urlencoded", body);
  reply = lic_send (message);
  lic_assert_reply (reply, 415, "unsupported_media_type");
  assert_unchanged ();
}

static void
test_charset_parameter (void)
{
  SoupMessage *message = lic_message_new (server, "POST", "/api/v1/session", NULL);
  const char *json = "{\"username\": \"demo-admin\", \"password\": \"demo-admin\"}";
  g_autoptr(GBytes) body = g_bytes_new_static (json, strlen (json));
  g_autoptr(LicReply) reply = NULL;

  soup_message_set_request_body_from_bytes (message, "Application/JSON; charset=utf-8", body);
  reply = lic_send (message);
  lic_assert_reply (reply, 200, NULL);
}

static void
test_malformed_body (void)
{
  const char *bodies[] = {
    "{\"username\": \"demo-admin\"", "not json", "", "[\"demo-admin\", \"demo-admin\"]", "42",
    "null",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(LicReply) reply = lic_post_json (server, "/api/v1/session", NULL, bodies[i]);

      g_test_message ("body: %s", bodies[i]);
      lic_assert_reply (reply, 400, "parse");
    }
  assert_unchanged ();
}

static void
test_invalid_members (void)
{
  const char *bodies[] = {
    "{}", "{\"username\": \"demo-admin\"}", "{\"username\": 1, \"password\": \"demo-admin\"}",
    "{\"username\": \"demo-admin\", \"password\": null}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(LicReply) reply = lic_post_json (server, "/api/v1/session", NULL, bodies[i]);

      g_test_message ("body: %s", bodies[i]);
      lic_assert_reply (reply, 400, "invalid");
    }
}

static void
test_no_test_clock (void)
{
  g_autoptr(LicReply) reply = lic_post_json (server, "/api/v1/test/clock", token,
                                             "{\"now\": \"2027-01-10T00:00:00Z\"}");

  lic_assert_reply (reply, 404, "not_found");
}

static void
test_test_clock (void)
{
  const char *args[] = { "--test-clock", NULL };
  g_autoptr(LicTestServer) clock_server = lic_test_server_start (args);
  g_autoptr(LicReply) set = lic_post_json (clock_server, "/api/v1/test/clock", NULL,
                                           "{\"now\": \"2027-01-10T00:00:00Z\"}");
  g_autoptr(LicReply) local = lic_post_json (clock_server, "/api/v1/test/clock", NULL,
                                             "{\"now\": \"2027-03-01T12:00:00+02:00\"}");
  g_autoptr(LicReply) bad = lic_post_json (clock_server, "/api/v1/test/clock", NULL,
                                           "{\"now\": \"next tuesday\"}");

  lic_assert_reply (set, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (lic_reply_object (set), "now"), ==,
                   "2027-01-10T00:00:00Z");
  lic_assert_reply (local, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (lic_reply_object (local), "now"), ==,
                   "2027-03-01T10:00:00Z");
  lic_assert_reply (bad, 400, "invalid");
}

static void
test_keeps_connection (void)
{
  guint64 connection_id = 0;

  /* Answers, errors among them, come back on the connection the requests went out on rather
   * than each on a new one. */
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(LicReply) ok = lic_get (server, token, "/api/v1/schools");
      g_autoptr(LicReply) missing = lic_get (server, token, "/api/v1/nothing");
      g_autoptr(LicReply) signed_out = lic_get (server, NULL, "/api/v1/schools");

      lic_assert_reply (ok, 200, NULL);
      lic_assert_reply (missing, 404, "not_found");
      lic_assert_reply (signed_out, 401, "unauthorized");
      if (connection_id == 0)
        connection_id = ok->connection_id;
      g_assert_cmpuint (ok->connection_id, ==, connection_id);
      g_assert_cmpuint (missing->connection_id, ==, connection_id);
      g_assert_cmpuint (signed_out->connection_id, ==, connection_id);
    }
}

int
main (int    argc,
      char **argv)
{
  int result;

  g_test_init (&argc, &argv, NULL);

  server = lic_test_server_start_demo ();
  token = lic_sign_in (server, "demo-admin", "demo-admin");

  g_test_add_func ("/server/http/health", test_health);
  g_test_add_func ("/server/http/unknown-route", test_unknown_route);
  g_test_add_func ("/server/http/wrong-method", test_wrong_method);
  g_test_add_func ("/server/http/missing-token", test_missing_token);
  g_test_add_func ("/server/http/body-too-large", test_body_too_large);
  g_test_add_func ("/server/http/body-just-fits", test_body_just_fits);
  g_test_add_func ("/server/http/wrong-content-type", test_wrong_content_type);
  g_test_add_func ("/server/http/charset-parameter", test_charset_parameter);
  g_test_add_func ("/server/http/malformed-body", test_malformed_body);
  g_test_add_func ("/server/http/invalid-members", test_invalid_members);
  g_test_add_func ("/server/http/no-test-clock", test_no_test_clock);
  g_test_add_func ("/server/http/test-clock", test_test_clock);
  g_test_add_func ("/server/http/keeps-connection", test_keeps_connection);
  result = g_test_run ();

  g_free (token);
  lic_test_server_stop (server);
  return result;
}
