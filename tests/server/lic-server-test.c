/* lic-server-test.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lic-server-test.h"

static SoupSession *
get_session (void)
{
  static SoupSession *session;

  if (session == NULL)
    session = soup_session_new_with_options ("timeout", 20, NULL);
  return session;
}

/**
 * lic_message_new:
 * @token: (nullable): the bearer token to send
 */
SoupMessage *
lic_message_new (LicTestServer *server,
                 const char    *method,
                 const char    *path,
                 const char    *token)
{
  g_autofree char *uri = g_strconcat (lic_test_server_get_url (server), path, NULL);
  SoupMessage *message = soup_message_new (method, uri);

  g_assert_nonnull (message);
  if (token != NULL)
    {
      g_autofree char *value = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (message),
                                    "Authorization", value);
    }
  return message;
}

/**
 * lic_send:
 * @message: (transfer full)
 *
 * Sends @message and checks what every answer of the server has: a JSON content type, and a
 * body that is JSON unless it is empty.
 */
LicReply *
lic_send (SoupMessage *message)
{
  g_autoptr(SoupMessage) owned = message;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read (get_session (), message, NULL, &error);
  LicReply *reply = g_new0 (LicReply, 1);
  gsize length;
  const char *data;

  g_assert_no_error (error);
  reply->status = soup_message_get_status (message);
  reply->headers = soup_message_headers_ref (soup_message_get_response_headers (message));
  reply->connection_id = soup_message_get_connection_id (message);
  g_assert_cmpstr (soup_message_headers_get_one (reply->headers, "Content-Type"), ==,
                   "application/json; charset=utf-8");

  data = g_bytes_get_data (body, &length);
  if (length > 0)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      json_parser_load_from_data (parser, data, length, &error);
      g_assert_no_error (error);
      reply->root = json_node_ref (json_parser_get_root (parser));
    }
  return reply;
}

LicReply *
lic_get (LicTestServer *server,
         const char    *token,
         const char    *format,
         ...)
{
  g_autofree char *path = NULL;
  va_list args;

  va_start (args, format);
  path = g_strdup_vprintf (format, args);
  va_end (args);
  return lic_send (lic_message_new (server, "GET", path, token));
}

LicReply *
lic_post_json (LicTestServer *server,
               const char    *path,
               const char    *token,
               const char    *json)
{
  SoupMessage *message = lic_message_new (server, "POST", path, token);
  g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));

  soup_message_set_request_body_from_bytes (message, "application/json", body);
  return lic_send (message);
}

/**
 * lic_sign_in:
 *
 * Returns: (transfer full): the token of a new session; the sign-in must succeed
 */
char *
lic_sign_in (LicTestServer *server,
             const char    *username,
             const char    *password)
{
  g_autofree char *json = g_strdup_printf ("{\"username\": \"%s\", \"password\": \"%s\"}",
                                           username, password);
  g_autoptr(LicReply) reply = lic_post_json (server, "/api/v1/session", NULL, json);

  lic_assert_reply (reply, 200, NULL);
  return g_strdup (json_object_get_string_member (lic_reply_object (reply), "token"));
}

JsonObject *
lic_reply_object (LicReply *reply)
{
  g_assert_nonnull (reply->root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (reply->root));
  return json_node_get_object (reply->root);
}

JsonArray *
lic_reply_items (LicReply *reply)
{
  JsonObject *object = lic_reply_object (reply);

  g_assert_true (json_object_has_member (object, "next_cursor"));
  return json_object_get_array_member (object, "items");
}

/* Returns: (nullable): the next_cursor of a list, %NULL on its last page */
const char *
lic_reply_next_cursor (LicReply *reply)
{
  JsonNode *node = json_object_get_member (lic_reply_object (reply), "next_cursor");

  g_assert_nonnull (node);
  return JSON_NODE_HOLDS_NULL (node) ? NULL : json_node_get_string (node);
}

static JsonObject *
get_error (LicReply *reply)
{
  JsonObject *error = json_object_get_object_member (lic_reply_object (reply), "error");

  g_assert_nonnull (error);
  return error;
}

const char *
lic_reply_error_code (LicReply *reply)
{
  return json_object_get_string_member (get_error (reply), "code");
}

const char *
lic_reply_error_message (LicReply *reply)
{
  return json_object_get_string_member (get_error (reply), "message");
}

void
lic_reply_free (LicReply *reply)
{
  if (reply == NULL)
    return;
  g_clear_pointer (&reply->headers, soup_message_headers_unref);
  g_clear_pointer (&reply->root, json_node_unref);
  g_free (reply);
}

/**
 * lic_list_all:
 * @path: a list's path, with a query or without; `limit` and `cursor` are added
 * @n_pages: (out) (optional): how many pages it took
 *
 * Walks a list page by page, following next_cursor to its end.
 *
 * Returns: (transfer full) (element-type JsonObject): every item
 */
GPtrArray *
lic_list_all (LicTestServer *server,
              const char    *token,
              const char    *path,
              guint          limit,
              guint         *n_pages)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autofree char *cursor = NULL;
  const char *separator = strchr (path, '?') != NULL ? "&" : "?";
  guint pages = 0;

  do
    {
      g_autofree char *escaped = cursor != NULL ? g_uri_escape_string (cursor, NULL, FALSE)
                                                : NULL;
      g_autoptr(LicReply) reply = NULL;
      JsonArray *page;

      if (escaped != NULL)
        reply = lic_get (server, token, "%s%slimit=%u&cursor=%s", path, separator, limit, escaped);
      else
        reply = lic_get (server, token, "%s%slimit=%u", path, separator, limit);
      lic_assert_reply (reply, 200, NULL);

      page = lic_reply_items (reply);
      g_assert_cmpuint (json_array_get_length (page), <=, limit);
      for (guint i = 0; i < json_array_get_length (page); i++)
        g_ptr_array_add (items, json_object_ref (json_array_get_object_element (page, i)));
      g_free (cursor);
      cursor = g_strdup (lic_reply_next_cursor (reply));
      /* A page that says more follows is full. */
      if (cursor != NULL)
        g_assert_cmpuint (json_array_get_length (page), ==, limit);
      pages++;
    }
  while (cursor != NULL);

  if (n_pages != NULL)
    *n_pages = pages;
  return items;
}

gboolean
lic_strv_has (JsonArray  *array,
              const char *value)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_array_get_string_element (array, i), value) == 0)
      return TRUE;
  return FALSE;
}
