/* lic-server-test.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>

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
  return lic_send_json (server, "POST", path, token, json);
}

LicReply *
lic_send_json (LicTestServer *server,
               const char    *method,
               const char    *path,
               const char    *token,
               const char    *json)
{
  SoupMessage *message = lic_message_new (server, method, path, token);
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

/**
 * lic_find_id:
 * @path: a list, walked to its end
 *
 * Returns: the id of the item of @path called @name; the test fails if there is none
 */
gint64
lic_find_id (LicTestServer *server,
             const char    *token,
             const char    *path,
             const char    *name)
{
  g_autoptr(GPtrArray) items = lic_list_all (server, token, path, 200, NULL);

  for (guint i = 0; i < items->len; i++)
    {
      JsonObject *item = g_ptr_array_index (items, i);

      if (g_strcmp0 (json_object_get_string_member (item, "name"), name) == 0)
        return json_object_get_int_member (item, "id");
    }
  g_error ("%s has no “%s”", path, name);
}

/**
 * lic_add_cart_line:
 * @picks: (nullable): more members for the body, such as `"user_ids": [4, 5]`
 */
LicReply *
lic_add_cart_line (LicTestServer *server,
                   const char    *token,
                   gint64         product_id,
                   gint64         school_id,
                   gint64         quantity,
                   const char    *picks)
{
  g_autofree char *json = g_strdup_printf ("{\"product_id\": %" G_GINT64_FORMAT ","
                                           " \"school_id\": %" G_GINT64_FORMAT ","
                                           " \"quantity\": %" G_GINT64_FORMAT "%s%s}",
                                           product_id, school_id, quantity,
                                           picks != NULL ? ", " : "", picks != NULL ? picks : "");

  return lic_post_json (server, "/api/v1/cart/lines", token, json);
}

/**
 * lic_check_out:
 *
 * Checks out the whole cart at its current total with a new idempotency key; it must succeed.
 *
 * Returns: (transfer full): the order
 */
JsonObject *
lic_check_out (LicTestServer *server,
               const char    *token)
{
  g_autoptr(LicReply) cart = lic_get (server, token, "/api/v1/cart");
  g_autofree char *key = g_uuid_string_random ();
  g_autofree char *json = NULL;
  g_autoptr(LicReply) reply = NULL;

  lic_assert_reply (cart, 200, NULL);
  json = g_strdup_printf ("{\"payment\": \"order\", \"idempotency_key\": \"%s\","
                          " \"expected_total\": %" G_GINT64_FORMAT "}",
                          key, json_object_get_int_member (lic_reply_object (cart), "total"));
  reply = lic_post_json (server, "/api/v1/checkout", token, json);
  lic_assert_reply (reply, 201, NULL);
  return json_object_ref (json_object_get_object_member (lic_reply_object (reply), "order"));
}

/**
 * lic_buy:
 *
 * Buys @quantity licenses of the product called @product for the school called @school, alone
 * in the cart.
 *
 * Returns: (transfer full): the order
 */
JsonObject *
lic_buy (LicTestServer *server,
         const char    *token,
         const char    *product,
         const char    *school,
         gint64         quantity)
{
  gint64 product_id = lic_find_id (server, token, "/api/v1/products", product);
  gint64 school_id = lic_find_id (server, token, "/api/v1/schools", school);
  g_autoptr(LicReply) line = lic_add_cart_line (server, token, product_id, school_id, quantity,
                                                NULL);

  lic_assert_reply (line, 201, NULL);
  return lic_check_out (server, token);
}

/* Returns: (transfer none): line @index of @order */
JsonObject *
lic_order_line (JsonObject *order,
                guint       index)
{
  JsonArray *lines = json_object_get_array_member (order, "lines");

  g_assert_cmpuint (index, <, json_array_get_length (lines));
  return json_array_get_object_element (lines, index);
}

static sqlite3 *
open_database (const char *database)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (database, &db), ==, SQLITE_OK);
  /* The server may be writing at the same moment. */
  sqlite3_busy_timeout (db, 10000);
  return db;
}

/**
 * lic_db_query_int:
 *
 * Returns: the first column of the first row of @sql, run on the database file itself
 */
gint64
lic_db_query_int (const char *database,
                  const char *sql)
{
  sqlite3 *db = open_database (database);
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* Runs @sql on the database file itself, behind the server's back. */
void
lic_db_exec (const char *database,
             const char *sql)
{
  sqlite3 *db = open_database (database);

  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}
