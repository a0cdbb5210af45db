/* lic-client.c: the app's asynchronous connection to licentia-server.
 *
 * Every call goes through send_request_async() (one request, one JSON object back, or the raw
 * body of a 2xx answer for the CSV export) and, for lists, list_async() (one page) or
 * list_all_async() (every page); read_response() is the one place where transport errors, HTTP
 * statuses and bodies become a JsonObject or a LicError.
 *
 * The event stream is the exception: GET /events stays open on a session of its own, read a
 * line at a time (GDataInputStream) as Server-Sent Events, and is opened again after a growing
 * delay whenever it ends, naming the last event it saw.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "lic-client.h"
#include "lic-json.h"

#define API_PREFIX "/api/v1"

/* Long enough for a slow page on a poor school network, short enough that a server that stopped
 * answering is reported rather than waited on. */
#define TIMEOUT_SECONDS 30

/* The largest page the server gives (docs/api.md); used when the client itself follows cursors. */
#define MAX_LIMIT 200

/* Live events: the server sends a comment every 20 s, so a stream silent for longer than this
 * is dead; and the delays before reconnecting, doubled after each failure. */
#define EVENTS_TIMEOUT_SECONDS 60
#define EVENTS_MIN_DELAY_MS 1000
#define EVENTS_MAX_DELAY_MS 60000

struct _LicClient
{
  GObject parent_instance;

  SoupSession *session;
  char *base_url;             /* normalised; as given when it is not a valid address */
  GError *address_error;      /* why base_url is not a valid address, or NULL */

  /* The session: all NULL (and scope NONE) when signed out. */
  char *token;
  LicUser *user;
  LicOrganization *organization;
  LicAdminScope admin_scope;
  GArray *school_ids;         /* of gint64 */

  /* The event stream, on a session of its own so it never takes a connection from calls. */
  SoupSession *events_session;
  GCancellable *events_cancellable;   /* of the connection under way, or NULL */
  GDataInputStream *events_input;
  gboolean events_wanted;
  gboolean events_connected;
  guint events_retry_id;
  guint events_delay_ms;
  char *last_event_id;
  /* The event being read: its fields until the empty line that ends it. */
  char *event_type;
  char *event_id;
  GString *event_data;
};

G_DEFINE_FINAL_TYPE (LicClient, lic_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_SIGNED_IN,
  PROP_USER,
  PROP_ORGANIZATION,
  PROP_ADMIN_SCOPE,
  PROP_EVENTS_CONNECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_CART_CHANGED,
  SIGNAL_NOTIFICATION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void stop_events (LicClient *self);

/* Session state */

/* Replaces the session, notifying only the properties that change. Takes @school_ids. */
static void
set_session (LicClient       *self,
             const char      *token,
             LicUser         *user,
             LicOrganization *organization,
             LicAdminScope    admin_scope,
             GArray          *school_ids)
{
  gboolean was_signed_in = self->token != NULL;

  g_object_freeze_notify (G_OBJECT (self));

  if (g_strcmp0 (self->token, token) != 0)
    {
      g_free (self->token);
      self->token = g_strdup (token);
    }
  if (g_set_object (&self->user, user))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
  if (g_set_object (&self->organization, organization))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANIZATION]);
  if (self->admin_scope != admin_scope)
    {
      self->admin_scope = admin_scope;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADMIN_SCOPE]);
    }
  g_clear_pointer (&self->school_ids, g_array_unref);
  self->school_ids = school_ids;
  /* The stream belongs to the session it was opened with. */
  if (self->token == NULL)
    stop_events (self);
  if (was_signed_in != (self->token != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNED_IN]);

  g_object_thaw_notify (G_OBJECT (self));
}

static void
clear_session (LicClient *self)
{
  set_session (self, NULL, NULL, NULL, LIC_ADMIN_SCOPE_NONE, NULL);
}

/* JSON helpers */

static JsonObject *
get_object_member (JsonObject  *object,
                   const char  *member,
                   GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, LIC_ERROR, LIC_ERROR_PARSE, "“%s” must be an object", member);
      return NULL;
    }
  return json_node_get_object (node);
}

static JsonObject *
parse_body (GBytes  *body,
            GError **error)
{
  gsize length = 0;
  const char *data = body != NULL ? g_bytes_get_data (body, &length) : NULL;

  if (length == 0)
    {
      g_set_error_literal (error, LIC_ERROR, LIC_ERROR_PARSE, "The answer is empty");
      return NULL;
    }
  return lic_json_parse_object (data, length, error);
}

/* Appends name=value to a query string; a NULL or empty value is left out. */
static void
query_add (GString    *query,
           const char *name,
           const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL || *value == '\0')
    return;
  escaped = g_uri_escape_string (value, NULL, FALSE);
  g_string_append_printf (query, "%s%s=%s", query->len > 0 ? "&" : "", name, escaped);
}

/* Requests */

/* The one mapping of what came back into the API's JSON object or a LIC_ERROR. */
/* @error_object, when not NULL, gets the server's {"code", "message", …} of an error answer,
 * for callers that read more of it (the rows of a refused import). */
static JsonObject *
read_response (LicClient    *self,
               SoupMessage  *message,
               GBytes       *body,
               GError       *transport_error,
               JsonObject  **error_object_out,
               GError      **error)
{
  g_autoptr(JsonObject) object = NULL;
  JsonObject *error_object;
  const char *text = NULL;
  const char *reason;
  guint status;

  if (transport_error != NULL)
    {
      /* Callers tell cancellation apart by its GIO code, so it passes unchanged. */
      if (g_error_matches (transport_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_error_copy (transport_error));
      else
        g_set_error (error, LIC_ERROR, LIC_ERROR_NETWORK, "Could not connect to %s: %s",
                     self->base_url, transport_error->message);
      return NULL;
    }

  status = soup_message_get_status (message);
  reason = soup_message_get_reason_phrase (message);
  if (reason == NULL)
    reason = "";
  if (status == SOUP_STATUS_NO_CONTENT)
    return json_object_new ();
  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    return parse_body (body, error);

  if (status < 400)
    {
      /* Not the API speaking: a redirect libsoup did not follow, e.g. from a captive portal. */
      g_set_error (error, LIC_ERROR, LIC_ERROR_NETWORK, "Could not connect to %s: answer %u %s",
                   self->base_url, status, reason);
      return NULL;
    }

  /* A proxy in front of the server answers errors without the API's JSON. */
  object = parse_body (body, NULL);
  error_object = object != NULL ? get_object_member (object, "error", NULL) : NULL;
  if (error_object != NULL)
    lic_json_get_string (error_object, "message", FALSE, &text, NULL);
  if (error_object != NULL && error_object_out != NULL)
    *error_object_out = json_object_ref (error_object);

  if (text != NULL && *text != '\0')
    g_set_error_literal (error, LIC_ERROR, lic_error_from_http_status (status), text);
  else
    g_set_error (error, LIC_ERROR, lic_error_from_http_status (status),
                 "The server at %s answered %u %s",
                 self->base_url, status, reason);
  return NULL;
}

typedef struct
{
  SoupMessage *message;
  char *token;                /* the token the request was sent with */
  gboolean raw;               /* a 2xx answer is returned as its bytes, not read as JSON */
  JsonObject *error_object;   /* the server's error object of a failure, or NULL */
} Request;

static void
request_free (Request *request)
{
  g_clear_object (&request->message);
  g_free (request->token);
  g_clear_pointer (&request->error_object, json_object_unref);
  g_free (request);
}

static void
send_json_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LicClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) transport_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  JsonObject *object;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &transport_error);
  if (request->raw && transport_error == NULL
      && SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (request->message)))
    {
      g_task_return_pointer (task, g_bytes_ref (body), (GDestroyNotify) g_bytes_unref);
      return;
    }
  object = read_response (self, request->message, body, transport_error,
                          &request->error_object, &error);

  /* Only the token this request carried is known to be dead: a sign-in may have replaced it
   * while the request was under way. */
  if (soup_message_get_status (request->message) == SOUP_STATUS_UNAUTHORIZED
      && request->token != NULL
      && g_strcmp0 (request->token, self->token) == 0)
    clear_session (self);

  if (object == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, object, (GDestroyNotify) json_object_unref);
}

/* Sends one request to the API: @path below /api/v1, @query already escaped (may be NULL),
 * @body of @content_type (both may be NULL), with @token as bearer (may be NULL). Finishes with
 * the answer's JSON object (an empty one for 204), with @raw the bytes of a 2xx answer
 * (send_raw_finish()), or a LIC_ERROR. */
static void
send_request_async (LicClient           *self,
                    const char          *method,
                    const char          *path,
                    const char          *query,
                    const char          *content_type,
                    GBytes              *body,
                    gboolean             raw,
                    const char          *token,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *uri = NULL;
  SoupMessageHeaders *headers;
  Request *request;

  g_assert (LIC_IS_CLIENT (self));
  g_assert (path != NULL && path[0] == '/');

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, send_request_async);

  if (self->address_error != NULL)
    {
      g_task_return_new_error (task, LIC_ERROR, LIC_ERROR_NETWORK, "Could not connect to %s: %s",
                               self->base_url, self->address_error->message);
      return;
    }

  uri = g_strconcat (self->base_url, API_PREFIX, path,
                     query != NULL && *query != '\0' ? "?" : "", query, NULL);
  request = g_new0 (Request, 1);
  request->message = soup_message_new (method, uri);
  request->token = g_strdup (token);
  request->raw = raw;
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  /* The base URL is checked and the rest is escaped here, so this is a bug in the client. */
  g_assert (request->message != NULL);

  headers = soup_message_get_request_headers (request->message);
  /* Errors are JSON whatever was asked for. */
  soup_message_headers_replace (headers, "Accept",
                                raw ? "text/csv, application/json" : "application/json");
  if (token != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (headers, "Authorization", authorization);
    }
  if (body != NULL)
    soup_message_set_request_body_from_bytes (request->message, content_type, body);

  soup_session_send_and_read_async (self->session, request->message, G_PRIORITY_DEFAULT,
                                    cancellable, send_json_cb, g_steal_pointer (&task));
}

/* send_request_async() with @body as JSON (may be NULL). */
static void
send_json_async (LicClient           *self,
                 const char          *method,
                 const char          *path,
                 const char          *query,
                 JsonBuilder         *body,
                 const char          *token,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  g_autoptr(GBytes) bytes = NULL;

  if (body != NULL)
    {
      char *text = lic_json_to_string (body);

      bytes = g_bytes_new_take (text, strlen (text));
    }
  send_request_async (self, method, path, query, "application/json", bytes, FALSE, token,
                      cancellable, callback, user_data);
}

static JsonObject *
send_json_finish (LicClient     *self,
                  GAsyncResult  *result,
                  GError       **error)
{
  g_assert (g_task_is_valid (result, self));
  g_assert (g_async_result_is_tagged (result, send_request_async));

  return g_task_propagate_pointer (G_TASK (result), error);
}

static GBytes *
send_raw_finish (LicClient     *self,
                 GAsyncResult  *result,
                 GError       **error)
{
  g_assert (g_task_is_valid (result, self));
  g_assert (g_async_result_is_tagged (result, send_request_async));
  g_assert (((Request *) g_task_get_task_data (G_TASK (result)))->raw);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The server's error object of a failed send_request_async(), or NULL. */
static JsonObject *
send_error_object (GAsyncResult *result)
{
  Request *request = g_task_get_task_data (G_TASK (result));

  return request->error_object;
}

/* Single objects and pages of lists */

typedef struct
{
  GType item_type;
  LicFromJsonFunc from_json;
  /* Whether success changes the cart, so "cart-changed" is emitted. */
  gboolean changes_cart;
} Reader;

static Reader *
reader_new (GType           item_type,
            LicFromJsonFunc from_json)
{
  Reader *reader = g_new0 (Reader, 1);

  reader->item_type = item_type;
  reader->from_json = from_json;
  return reader;
}

static void
request_item_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LicClient *self = LIC_CLIENT (source);
  Reader *reader = g_task_get_task_data (task);
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(GError) error = NULL;
  gpointer item = NULL;

  root = send_json_finish (self, result, &error);
  if (root != NULL && reader->from_json != NULL)
    item = reader->from_json (root, &error);
  if (root == NULL || (reader->from_json != NULL && item == NULL))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The change is made on the server even if the caller has gone meanwhile. */
  if (reader->changes_cart)
    g_signal_emit (self, signals[SIGNAL_CART_CHANGED], 0);
  if (reader->from_json != NULL)
    g_task_return_pointer (task, item, g_object_unref);
  else
    g_task_return_boolean (task, TRUE);
}

/* Sends @method @path with @body (may be NULL); the answer is read as one object by
 * @from_json, or, when @from_json is NULL, only checked (the task returns a boolean). */
static void
request_item_async (LicClient           *self,
                    gpointer             source_tag,
                    const char          *method,
                    const char          *path,
                    JsonBuilder         *body,
                    GType                item_type,
                    LicFromJsonFunc      from_json,
                    gboolean             changes_cart,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Reader *reader = reader_new (item_type, from_json);

  reader->changes_cart = changes_cart;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, reader, g_free);
  send_json_async (self, method, path, NULL, body, self->token, cancellable,
                   request_item_cb, g_steal_pointer (&task));
}

/* GET @path, read as one object by @from_json. */
static void
get_item_async (LicClient           *self,
                gpointer             source_tag,
                const char          *path,
                GType                item_type,
                LicFromJsonFunc      from_json,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  request_item_async (self, source_tag, "GET", path, NULL, item_type, from_json, FALSE,
                      cancellable, callback, user_data);
}

/* The finish of request_item_async() and get_item_async(). */
static gpointer
item_finish (LicClient     *self,
             GAsyncResult  *result,
             gpointer       source_tag,
             GError       **error)
{
  g_return_val_if_fail (LIC_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, source_tag), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
done_finish (LicClient     *self,
             GAsyncResult  *result,
             gpointer       source_tag,
             GError       **error)
{
  g_return_val_if_fail (LIC_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, source_tag), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  GListStore *items;
  char *next_cursor;
} Page;

static void
page_free (Page *page)
{
  g_clear_object (&page->items);
  g_free (page->next_cursor);
  g_free (page);
}

/* Reads {"items": [...], "next_cursor": "..." | null}. */
static Page *
read_page (JsonObject  *root,
           Reader      *reader,
           GError     **error)
{
  JsonNode *node = json_object_get_member (root, "items");
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  const char *next_cursor = NULL;
  JsonArray *array;
  Page *page;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error_literal (error, LIC_ERROR, LIC_ERROR_PARSE, "“items” must be an array");
      return NULL;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gpointer item;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error_literal (error, LIC_ERROR, LIC_ERROR_PARSE,
                               "“items” must be an array of objects");
          return NULL;
        }
      item = reader->from_json (json_node_get_object (element), error);
      if (item == NULL)
        return NULL;
      g_ptr_array_add (items, item);
    }

  if (!lic_json_get_string (root, "next_cursor", FALSE, &next_cursor, error))
    return NULL;

  page = g_new0 (Page, 1);
  page->items = g_list_store_new (reader->item_type);
  g_list_store_splice (page->items, 0, 0, items->pdata, items->len);
  page->next_cursor = next_cursor != NULL && *next_cursor != '\0' ? g_strdup (next_cursor) : NULL;
  return page;
}

static void
list_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Reader *reader = g_task_get_task_data (task);
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(GError) error = NULL;
  Page *page;

  root = send_json_finish (LIC_CLIENT (source), result, &error);
  if (root == NULL || (page = read_page (root, reader, &error)) == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, page, (GDestroyNotify) page_free);
}

/* GET one page of the list at @path: @filters is an escaped query string (may be empty) to
 * which @cursor and @limit are added; the items are read by @from_json. */
static void
list_async (LicClient           *self,
            gpointer             source_tag,
            const char          *path,
            const char          *filters,
            const char          *cursor,
            guint                limit,
            GType                item_type,
            LicFromJsonFunc      from_json,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GString) query = g_string_new (filters);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, reader_new (item_type, from_json), g_free);

  query_add (query, "cursor", cursor);
  if (limit > 0)
    {
      char text[G_ASCII_DTOSTR_BUF_SIZE];

      g_snprintf (text, sizeof text, "%u", limit);
      query_add (query, "limit", text);
    }
  send_json_async (self, "GET", path, query->str, NULL, self->token, cancellable,
                   list_cb, g_steal_pointer (&task));
}

static GListModel *
list_finish (GAsyncResult  *result,
             char         **next_cursor,
             GError       **error)
{
  Page *page = g_task_propagate_pointer (G_TASK (result), error);
  GListModel *items;

  if (next_cursor != NULL)
    *next_cursor = NULL;
  if (page == NULL)
    return NULL;

  items = G_LIST_MODEL (g_steal_pointer (&page->items));
  if (next_cursor != NULL)
    *next_cursor = g_steal_pointer (&page->next_cursor);
  page_free (page);
  return items;
}

/* Whole lists: every page, following the cursors. */

typedef struct
{
  gpointer source_tag;
  char *path;
  char *filters;
  GType item_type;
  LicFromJsonFunc from_json;
  GListStore *items;
  char *cursor;
} ListAllData;

static void
list_all_data_free (ListAllData *data)
{
  g_free (data->path);
  g_free (data->filters);
  g_clear_object (&data->items);
  g_free (data->cursor);
  g_free (data);
}

static void list_all_page_cb (GObject      *source,
                              GAsyncResult *result,
                              gpointer      user_data);

static void
list_all_next_page (GTask *task)
{
  ListAllData *data = g_task_get_task_data (task);

  list_async (g_task_get_source_object (task), list_all_next_page, data->path, data->filters,
              data->cursor, MAX_LIMIT, data->item_type, data->from_json,
              g_task_get_cancellable (task), list_all_page_cb, task);
}

static void
list_all_page_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ListAllData *data = g_task_get_task_data (task);
  g_autoptr(GListModel) page = NULL;
  g_autofree char *next_cursor = NULL;
  g_autoptr(GError) error = NULL;

  page = list_finish (result, &next_cursor, &error);
  if (page == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (page); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (page, i);

      g_list_store_append (data->items, item);
    }

  if (next_cursor == NULL)
    {
      g_task_return_pointer (task, g_object_ref (data->items), g_object_unref);
      return;
    }
  /* A server that hands back the cursor it was given would keep us here for ever. */
  if (g_strcmp0 (next_cursor, data->cursor) == 0)
    {
      g_task_return_new_error (task, LIC_ERROR, LIC_ERROR_PARSE,
                               "The server gave the same cursor twice");
      return;
    }

  g_free (data->cursor);
  data->cursor = g_steal_pointer (&next_cursor);
  list_all_next_page (g_steal_pointer (&task));
}

/* GET every page of the list at @path with @filters (an escaped query string, may be empty);
 * finishes with list_all_finish(). */
static void
list_all_async (LicClient           *self,
                gpointer             source_tag,
                const char          *path,
                const char          *filters,
                GType                item_type,
                LicFromJsonFunc      from_json,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  ListAllData *data = g_new0 (ListAllData, 1);

  g_task_set_source_tag (task, source_tag);
  data->path = g_strdup (path);
  data->filters = g_strdup (filters);
  data->item_type = item_type;
  data->from_json = from_json;
  data->items = g_list_store_new (item_type);
  g_task_set_task_data (task, data, (GDestroyNotify) list_all_data_free);

  list_all_next_page (g_steal_pointer (&task));
}

static GListModel *
list_all_finish (LicClient     *self,
                 GAsyncResult  *result,
                 gpointer       source_tag,
                 GError       **error)
{
  g_return_val_if_fail (LIC_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, source_tag), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Live events */

static void connect_events (LicClient *self);

static void
set_events_connected (LicClient *self,
                      gboolean   connected)
{
  if (self->events_connected == connected)
    return;
  self->events_connected = connected;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENTS_CONNECTED]);
}

static void
clear_event (LicClient *self)
{
  g_clear_pointer (&self->event_type, g_free);
  g_clear_pointer (&self->event_id, g_free);
  g_string_truncate (self->event_data, 0);
}

/* Ends the connection under way, if any, and forgets the event half read. */
static void
close_events (LicClient *self)
{
  g_cancellable_cancel (self->events_cancellable);
  g_clear_object (&self->events_cancellable);
  g_clear_object (&self->events_input);
  clear_event (self);
  set_events_connected (self, FALSE);
}

static void
stop_events (LicClient *self)
{
  self->events_wanted = FALSE;
  g_clear_handle_id (&self->events_retry_id, g_source_remove);
  close_events (self);
}

static gboolean
retry_events_cb (gpointer user_data)
{
  LicClient *self = LIC_CLIENT (user_data);

  self->events_retry_id = 0;
  connect_events (self);
  return G_SOURCE_REMOVE;
}

/* The stream failed or ended: connect again after a delay that doubles up to a minute. */
static void
retry_events (LicClient *self)
{
  close_events (self);
  if (!self->events_wanted || self->token == NULL || self->events_retry_id != 0)
    return;
  self->events_retry_id = g_timeout_add (self->events_delay_ms, retry_events_cb, self);
  self->events_delay_ms = MIN (self->events_delay_ms * 2, EVENTS_MAX_DELAY_MS);
}

/* An empty line ends an event (the Server-Sent Events format of the HTML standard). */
static void
dispatch_event (LicClient *self)
{
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(LicNotification) notification = NULL;
  g_autoptr(GError) error = NULL;

  /* The id counts even for an event without data: a reconnection resumes after it. */
  if (self->event_id != NULL)
    {
      g_free (self->last_event_id);
      self->last_event_id = g_steal_pointer (&self->event_id);
    }
  if (self->event_data->len == 0 || g_strcmp0 (self->event_type, "notification") != 0)
    {
      clear_event (self);
      return;
    }

  /* Each data line ends in '\n'; the last one does not belong to the data. */
  g_string_truncate (self->event_data, self->event_data->len - 1);
  object = lic_json_parse_object (self->event_data->str, self->event_data->len, &error);
  if (object != NULL)
    notification = lic_notification_new_from_json (object, &error);
  clear_event (self);
  /* A malformed event is the server's bug; the stream goes on. */
  if (notification == NULL)
    {
      g_debug ("Ignoring a malformed notification event: %s", error->message);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_NOTIFICATION], 0, notification);
}

static void
read_event_line (LicClient  *self,
                 const char *line)
{
  const char *colon;
  g_autofree char *field = NULL;
  const char *value;

  if (*line == '\0')
    {
      dispatch_event (self);
      return;
    }
  if (*line == ':')             /* a comment, such as ": keep-alive" */
    return;

  colon = strchr (line, ':');
  field = colon != NULL ? g_strndup (line, colon - line) : g_strdup (line);
  value = colon != NULL ? colon + 1 : "";
  if (*value == ' ')
    value++;

  if (g_str_equal (field, "data"))
    {
      g_string_append (self->event_data, value);
      g_string_append_c (self->event_data, '\n');
    }
  else if (g_str_equal (field, "event"))
    {
      g_free (self->event_type);
      self->event_type = g_strdup (value);
    }
  else if (g_str_equal (field, "id"))
    {
      g_free (self->event_id);
      self->event_id = g_strdup (value);
    }
  else if (g_str_equal (field, "retry"))
    {
      guint64 delay_ms;

      if (g_ascii_string_to_unsigned (value, 10, EVENTS_MIN_DELAY_MS, EVENTS_MAX_DELAY_MS,
                                      &delay_ms, NULL))
        self->events_delay_ms = (guint) delay_ms;
    }
}

static void read_line_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data);

static void
read_next_line (LicClient *self)
{
  g_data_input_stream_read_line_async (self->events_input, G_PRIORITY_DEFAULT,
                                       self->events_cancellable, read_line_cb, self);
}

static void
read_line_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GDataInputStream *input = G_DATA_INPUT_STREAM (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  LicClient *self;

  line = g_data_input_stream_read_line_finish_utf8 (input, result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LIC_CLIENT (user_data);
  if (line == NULL)
    {
      /* An error (a timeout: no keep-alive came), or the server ended the stream. */
      g_debug ("The event stream ended: %s", error != NULL ? error->message : "end of stream");
      retry_events (self);
      return;
    }

  read_event_line (self, line);
  /* A handler of "notification" may have stopped the stream. */
  if (self->events_input == input)
    read_next_line (self);
}

typedef struct
{
  LicClient *self;
  char *token;                  /* the token the stream was opened with */
} EventsRequest;

static void
events_request_free (EventsRequest *request)
{
  g_free (request->token);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EventsRequest, events_request_free)

static void
events_sent_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  SoupSession *session = SOUP_SESSION (source);
  g_autoptr(EventsRequest) request = user_data;
  g_autoptr(GInputStream) input = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessage *message;
  LicClient *self;
  guint status;

  input = soup_session_send_finish (session, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = request->self;
  if (input == NULL)
    {
      g_debug ("Could not open the event stream: %s", error->message);
      retry_events (self);
      return;
    }

  message = soup_session_get_async_result_message (session, result);
  status = soup_message_get_status (message);
  if (status == SOUP_STATUS_UNAUTHORIZED)
    {
      /* As for any call: the session this token opened has ended. */
      stop_events (self);
      if (g_strcmp0 (request->token, self->token) == 0)
        clear_session (self);
      return;
    }
  if (status != SOUP_STATUS_OK)
    {
      g_debug ("The event stream answered %u", status);
      retry_events (self);
      return;
    }

  self->events_delay_ms = EVENTS_MIN_DELAY_MS;
  self->events_input = g_data_input_stream_new (input);
  g_data_input_stream_set_newline_type (self->events_input, G_DATA_STREAM_NEWLINE_TYPE_ANY);
  set_events_connected (self, TRUE);
  read_next_line (self);
}

static void
connect_events (LicClient *self)
{
  g_autoptr(SoupMessage) message = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *authorization = NULL;
  SoupMessageHeaders *headers;
  EventsRequest *request;

  if (self->events_cancellable != NULL || self->token == NULL || self->address_error != NULL)
    return;

  uri = g_strconcat (self->base_url, API_PREFIX, "/events", NULL);
  message = soup_message_new ("GET", uri);
  g_assert (message != NULL);
  headers = soup_message_get_request_headers (message);
  authorization = g_strconcat ("Bearer ", self->token, NULL);
  soup_message_headers_replace (headers, "Authorization", authorization);
  soup_message_headers_replace (headers, "Accept", "text/event-stream");
  soup_message_headers_replace (headers, "Cache-Control", "no-cache");
  if (self->last_event_id != NULL)
    soup_message_headers_replace (headers, "Last-Event-ID", self->last_event_id);

  request = g_new0 (EventsRequest, 1);
  request->self = self;
  request->token = g_strdup (self->token);
  self->events_cancellable = g_cancellable_new ();
  soup_session_send_async (self->events_session, message, G_PRIORITY_DEFAULT,
                           self->events_cancellable, events_sent_cb, request);
}

/* GObject */

static void
lic_client_constructed (GObject *object)
{
  LicClient *self = LIC_CLIENT (object);
  char *url;

  G_OBJECT_CLASS (lic_client_parent_class)->constructed (object);

  if (self->base_url == NULL)
    self->base_url = g_strdup ("");
  /* An invalid address is kept as given: every call then fails with LIC_ERROR_NETWORK saying
   * why, the same way as an address that does not answer. */
  url = lic_client_normalize_url (self->base_url, &self->address_error);
  if (url != NULL)
    {
      g_free (self->base_url);
      self->base_url = url;
    }
}

static void
lic_client_dispose (GObject *object)
{
  LicClient *self = LIC_CLIENT (object);

  stop_events (self);
  g_clear_object (&self->events_session);
  g_clear_object (&self->session);
  g_clear_object (&self->user);
  g_clear_object (&self->organization);

  G_OBJECT_CLASS (lic_client_parent_class)->dispose (object);
}

static void
lic_client_finalize (GObject *object)
{
  LicClient *self = LIC_CLIENT (object);

  g_free (self->base_url);
  g_clear_error (&self->address_error);
  g_free (self->token);
  g_clear_pointer (&self->school_ids, g_array_unref);
  g_free (self->last_event_id);
  g_string_free (self->event_data, TRUE);

  G_OBJECT_CLASS (lic_client_parent_class)->finalize (object);
}

static void
lic_client_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LicClient *self = LIC_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;

    case PROP_SIGNED_IN:
      g_value_set_boolean (value, self->token != NULL);
      break;

    case PROP_USER:
      g_value_set_object (value, self->user);
      break;

    case PROP_ORGANIZATION:
      g_value_set_object (value, self->organization);
      break;

    case PROP_ADMIN_SCOPE:
      g_value_set_enum (value, self->admin_scope);
      break;

    case PROP_EVENTS_CONNECTED:
      g_value_set_boolean (value, self->events_connected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_client_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  LicClient *self = LIC_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_free (self->base_url);
      self->base_url = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_client_class_init (LicClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = lic_client_constructed;
  object_class->dispose = lic_client_dispose;
  object_class->finalize = lic_client_finalize;
  object_class->get_property = lic_client_get_property;
  object_class->set_property = lic_client_set_property;

  /**
   * LicClient:base-url:
   *
   * The server's address as lic_client_normalize_url() writes it, without "/api/v1".
   */
  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * LicClient:signed-in:
   *
   * Whether the client holds a session token. Turns FALSE on sign-out and when the server
   * answers 401 to the current token.
   */
  properties[PROP_SIGNED_IN] =
    g_param_spec_boolean ("signed-in", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * LicClient:user:
   *
   * The signed-in administrator, or %NULL.
   */
  properties[PROP_USER] =
    g_param_spec_object ("user", NULL, NULL,
                         LIC_TYPE_USER,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * LicClient:organization:
   *
   * The organization of the signed-in administrator (its currency prices every product), or
   * %NULL.
   */
  properties[PROP_ORGANIZATION] =
    g_param_spec_object ("organization", NULL, NULL,
                         LIC_TYPE_ORGANIZATION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * LicClient:admin-scope:
   *
   * Whether the signed-in administrator acts on the whole organization or on some schools;
   * %LIC_ADMIN_SCOPE_NONE when signed out.
   */
  properties[PROP_ADMIN_SCOPE] =
    g_param_spec_enum ("admin-scope", NULL, NULL,
                       LIC_TYPE_ADMIN_SCOPE, LIC_ADMIN_SCOPE_NONE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * LicClient:events-connected:
   *
   * Whether the event stream is open (after lic_client_start_events()); FALSE while it waits
   * to connect again.
   */
  properties[PROP_EVENTS_CONNECTED] =
    g_param_spec_boolean ("events-connected", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LicClient::cart-changed:
   *
   * A call of this client changed the cart on the server: a line was added, changed or
   * removed, or the cart was checked out.
   */
  signals[SIGNAL_CART_CHANGED] =
    g_signal_new ("cart-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * LicClient::notification:
   * @notification: the notification, as GET /notifications lists it
   *
   * A notification arrived on the event stream.
   */
  signals[SIGNAL_NOTIFICATION] =
    g_signal_new ("notification",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LIC_TYPE_NOTIFICATION);
}

static void
lic_client_init (LicClient *self)
{
  /* accept-language-auto builds Accept-Language from g_get_language_names(), so the server
   * writes descriptions in the user's language (sv, fi, else English). */
  self->session = soup_session_new_with_options ("user-agent", "Licentia/" PACKAGE_VERSION,
                                                 "timeout", TIMEOUT_SECONDS,
                                                 "accept-language-auto", TRUE,
                                                 NULL);
  /* The server sends a comment every 20 s, so a read that waits longer has lost the server. */
  self->events_session = soup_session_new_with_options ("user-agent",
                                                        "Licentia/" PACKAGE_VERSION,
                                                        "timeout", EVENTS_TIMEOUT_SECONDS,
                                                        "accept-language-auto", TRUE,
                                                        NULL);
  self->event_data = g_string_new (NULL);
  self->events_delay_ms = EVENTS_MIN_DELAY_MS;
  self->admin_scope = LIC_ADMIN_SCOPE_NONE;
}

/* Public API */

/* GUri takes any characters in a host; a name has letters, digits, '-', '.', '_' (and non-ASCII
 * ones for an internationalised name, which GIO converts when it resolves it). */
static gboolean
is_host (const char *host)
{
  if (*host == '\0')
    return FALSE;
  if (g_hostname_is_ip_address (host))
    return TRUE;
  for (const char *c = host; *c != '\0'; c++)
    if ((guchar) *c < 0x80 && !g_ascii_isalnum (*c) && *c != '-' && *c != '.' && *c != '_')
      return FALSE;
  return g_utf8_validate (host, -1, NULL);
}

/**
 * lic_client_normalize_url:
 * @address: what the user typed, e.g. "licentia.sundby.se" or "http://127.0.0.1:8080/"
 * @error: return location for a %LIC_ERROR_INVALID error
 *
 * Returns the form of @address LicClient uses: scheme, host, port and path, without a trailing
 * '/'. An address without a scheme gets "https://", except a loopback one (localhost,
 * 127.0.0.0/8, ::1), which gets "http://" as a server started on this machine serves plain HTTP.
 * Only http and https are accepted, and no user, query or fragment.
 *
 * Returns: (transfer full) (nullable): the normalised address, or %NULL with @error set
 */
char *
lic_client_normalize_url (const char  *address,
                          GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *full = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GInetAddress) inet_address = NULL;
  gboolean has_scheme;
  const char *scheme;
  const char *host;
  gsize length;

  g_return_val_if_fail (address != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  trimmed = g_strstrip (g_strdup (address));
  if (*trimmed == '\0')
    {
      g_set_error_literal (error, LIC_ERROR, LIC_ERROR_INVALID, "The server address is empty");
      return NULL;
    }

  /* "host:port" would parse as a URI with scheme "host", so look for "://" instead. */
  has_scheme = strstr (trimmed, "://") != NULL;
  full = has_scheme ? g_strdup (trimmed) : g_strconcat ("https://", trimmed, NULL);
  uri = g_uri_parse (full, G_URI_FLAGS_NONE, NULL);
  host = uri != NULL ? g_uri_get_host (uri) : NULL;
  if (host == NULL || !is_host (host)
      || g_uri_get_userinfo (uri) != NULL
      || g_uri_get_query (uri) != NULL
      || g_uri_get_fragment (uri) != NULL)
    {
      g_set_error (error, LIC_ERROR, LIC_ERROR_INVALID, "“%s” is not a valid server address",
                   trimmed);
      return NULL;
    }

  scheme = g_uri_get_scheme (uri);      /* always lower case */
  if (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0)
    {
      g_set_error (error, LIC_ERROR, LIC_ERROR_INVALID,
                   "“%s” is not an http or https address", trimmed);
      return NULL;
    }

  inet_address = g_inet_address_new_from_string (host);
  if (!has_scheme
      && (g_ascii_strcasecmp (host, "localhost") == 0
          || (inet_address != NULL && g_inet_address_get_is_loopback (inet_address))))
    scheme = "http";

  path = g_strdup (g_uri_get_path (uri));
  length = strlen (path);
  while (length > 0 && path[length - 1] == '/')
    path[--length] = '\0';

  return g_uri_join (G_URI_FLAGS_NONE, scheme, NULL, host, g_uri_get_port (uri), path,
                     NULL, NULL);
}

/**
 * lic_client_new:
 * @base_url: the server's address, normalised by lic_client_normalize_url()
 *
 * Returns: (transfer full): a signed-out client of the server at @base_url
 */
LicClient *
lic_client_new (const char *base_url)
{
  g_return_val_if_fail (base_url != NULL, NULL);

  return g_object_new (LIC_TYPE_CLIENT, "base-url", base_url, NULL);
}

const char *
lic_client_get_base_url (LicClient *self)
{
  g_return_val_if_fail (LIC_IS_CLIENT (self), NULL);

  return self->base_url;
}

gboolean
lic_client_get_signed_in (LicClient *self)
{
  g_return_val_if_fail (LIC_IS_CLIENT (self), FALSE);

  return self->token != NULL;
}

/**
 * lic_client_get_user:
 *
 * Returns: (transfer none) (nullable): the signed-in administrator
 */
LicUser *
lic_client_get_user (LicClient *self)
{
  g_return_val_if_fail (LIC_IS_CLIENT (self), NULL);

  return self->user;
}

/**
 * lic_client_get_organization:
 *
 * Returns: (transfer none) (nullable): the organization of the signed-in administrator
 */
LicOrganization *
lic_client_get_organization (LicClient *self)
{
  g_return_val_if_fail (LIC_IS_CLIENT (self), NULL);

  return self->organization;
}

LicAdminScope
lic_client_get_admin_scope (LicClient *self)
{
  g_return_val_if_fail (LIC_IS_CLIENT (self), LIC_ADMIN_SCOPE_NONE);

  return self->admin_scope;
}

/**
 * lic_client_get_school_ids:
 * @n_school_ids: (out): the number of ids
 *
 * Returns: (transfer none) (array length=n_school_ids) (nullable): the ids of the schools the
 *   signed-in administrator may act on, as the server gave them at sign-in
 */
const gint64 *
lic_client_get_school_ids (LicClient *self,
                           gsize     *n_school_ids)
{
  g_return_val_if_fail (LIC_IS_CLIENT (self), NULL);
  g_return_val_if_fail (n_school_ids != NULL, NULL);

  *n_school_ids = self->school_ids != NULL ? self->school_ids->len : 0;
  return self->school_ids != NULL ? (const gint64 *) self->school_ids->data : NULL;
}

/**
 * lic_client_get_token:
 *
 * Returns: (nullable): the bearer token of the session, to keep for
 *   lic_client_resume_session_async(); %NULL when signed out
 */
const char *
lic_client_get_token (LicClient *self)
{
  g_return_val_if_fail (LIC_IS_CLIENT (self), NULL);

  return self->token;
}

/* Reads the body of POST and GET /session and makes it the client's session. */
static gboolean
apply_session (LicClient   *self,
               JsonObject  *root,
               const char  *token,
               GError     **error)
{
  g_autoptr(LicUser) user = NULL;
  g_autoptr(LicOrganization) organization = NULL;
  g_autoptr(GArray) school_ids = NULL;
  JsonObject *user_object;
  JsonObject *organization_object;
  int admin_scope = LIC_ADMIN_SCOPE_NONE;

  if (token == NULL && !lic_json_get_string (root, "token", TRUE, &token, error))
    return FALSE;

  user_object = get_object_member (root, "user", error);
  if (user_object == NULL)
    return FALSE;
  organization_object = get_object_member (root, "organization", error);
  if (organization_object == NULL)
    return FALSE;

  user = lic_user_new_from_json (user_object, error);
  if (user == NULL)
    return FALSE;
  organization = lic_organization_new_from_json (organization_object, error);
  if (organization == NULL)
    return FALSE;
  if (!lic_json_get_enum (user_object, "admin_scope", LIC_TYPE_ADMIN_SCOPE, &admin_scope, error))
    return FALSE;
  if (!lic_json_get_ids (user_object, "school_ids", TRUE, &school_ids, error))
    return FALSE;

  set_session (self, token, user, organization, admin_scope, g_steal_pointer (&school_ids));
  return TRUE;
}

static void
session_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LicClient *self = LIC_CLIENT (source);
  const char *token = g_task_get_task_data (task);
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(GError) error = NULL;

  root = send_json_finish (self, result, &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* A caller that cancelled must not find the client signed in after all. */
  if (g_task_return_error_if_cancelled (task))
    return;
  if (!apply_session (self, root, token, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * lic_client_sign_in_async:
 *
 * Signs in as an administrator. On success the client keeps the token and sends it with every
 * call; "user", "organization", "admin-scope" and "signed-in" change at once. A wrong username
 * or password fails with %LIC_ERROR_UNAUTHORIZED and leaves the client as it was.
 */
void
lic_client_sign_in_async (LicClient           *self,
                          const char          *username,
                          const char          *password,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonBuilder) builder = NULL;

  g_return_if_fail (LIC_IS_CLIENT (self));
  g_return_if_fail (username != NULL);
  g_return_if_fail (password != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lic_client_sign_in_async);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, username);
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, password);
  json_builder_end_object (builder);

  send_json_async (self, "POST", "/session", NULL, builder, NULL, cancellable,
                   session_cb, g_steal_pointer (&task));
}

gboolean
lic_client_sign_in_finish (LicClient     *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (LIC_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, lic_client_sign_in_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * lic_client_resume_session_async:
 * @token: a token from lic_client_get_token() of an earlier session
 *
 * Signs in with @token, as lic_client_sign_in_async() does with a password.
 */
void
lic_client_resume_session_async (LicClient           *self,
                                 const char          *token,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (LIC_IS_CLIENT (self));
  g_return_if_fail (token != NULL && *token != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lic_client_resume_session_async);
  g_task_set_task_data (task, g_strdup (token), g_free);

  send_json_async (self, "GET", "/session", NULL, NULL, token, cancellable,
                   session_cb, g_steal_pointer (&task));
}

gboolean
lic_client_resume_session_finish (LicClient     *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (LIC_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, lic_client_resume_session_async),
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
sign_out_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(GError) error = NULL;

  root = send_json_finish (LIC_CLIENT (source), result, &error);
  /* 401: the session had already ended on the server, which is what was asked for. */
  if (root == NULL && !g_error_matches (error, LIC_ERROR, LIC_ERROR_UNAUTHORIZED))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * lic_client_sign_out_async:
 *
 * Signs out at once (the client forgets the session before it returns), then ends the session
 * on the server. An error only means the server did not hear of it: the client is signed out
 * anyway, and the token expires on the server by itself.
 */
void
lic_client_sign_out_async (LicClient           *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *token = NULL;

  g_return_if_fail (LIC_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lic_client_sign_out_async);

  if (self->token == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  token = g_strdup (self->token);
  clear_session (self);
  send_json_async (self, "DELETE", "/session", NULL, NULL, token, cancellable,
                   sign_out_cb, g_steal_pointer (&task));
}

gboolean
lic_client_sign_out_finish (LicClient     *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (LIC_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, lic_client_sign_out_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * lic_client_list_schools_async:
 *
 * Lists every school the signed-in administrator may act on, following the cursors itself.
 */
void
lic_client_list_schools_async (LicClient           *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (LIC_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  list_all_async (self, lic_client_list_schools_async, "/schools", NULL,
                  LIC_TYPE_SCHOOL, (LicFromJsonFunc) lic_school_new_from_json,
                  cancellable, callback, user_data);
}

/**
 * lic_client_list_schools_finish:
 *
 * Returns: (transfer full): a list model of #LicSchool, or %NULL with @error set
 */
GListModel *
lic_client_list_schools_finish (LicClient     *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return list_all_finish (self, result, lic_client_list_schools_async, error);
}

/* The query string of a product query; an empty one for NULL. */
static char *
product_filters (const LicProductQuery *query)
{
  g_autoptr(GString) filters = g_string_new (NULL);
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (query == NULL)
    return g_string_free (g_steal_pointer (&filters), FALSE);

  query_add (filters, "q", query->text);
  query_add (filters, "subject", query->subject);
  query_add (filters, "grade", query->grade);
  if (query->supplier_id > 0)
    {
      g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, query->supplier_id);
      query_add (filters, "supplier", number);
    }
  if (query->delivery >= 0)
    query_add (filters, "delivery", lic_enum_to_nick (LIC_TYPE_DELIVERY, query->delivery));
  /* The server's default order needs no parameter. */
  if (query->sort != LIC_PRODUCT_SORT_NAME)
    query_add (filters, "sort", lic_enum_to_nick (LIC_TYPE_PRODUCT_SORT, query->sort));
  return g_string_free (g_steal_pointer (&filters), FALSE);
}

/**
 * lic_client_list_products_async:
 * @query: (nullable): words, filters and order; %NULL for the whole library by name
 * @cursor: (nullable): the @next_cursor of the page before, or %NULL for the first page
 * @limit: the page size, or 0 for the server's default
 *
 * Lists one page of the library, priced in the organization's currency.
 */
void
lic_client_list_products_async (LicClient             *self,
                                const LicProductQuery *query,
                                const char            *cursor,
                                guint                  limit,
                                GCancellable          *cancellable,
                                GAsyncReadyCallback    callback,
                                gpointer               user_data)
{
  g_autofree char *filters = NULL;

  g_return_if_fail (LIC_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  filters = product_filters (query);
  list_async (self, lic_client_list_products_async, "/products", filters, cursor, limit,
              LIC_TYPE_PRODUCT, (LicFromJsonFunc) lic_product_new_from_json,
              cancellable, callback, user_data);
}

/**
 * lic_client_list_products_finish:
 * @next_cursor: (out) (optional) (transfer full) (nullable): the cursor of the next page, or
 *   %NULL on the last one
 *
 * Returns: (transfer full): a list model of #LicProduct, or %NULL with @error set
 */
GListModel *
lic_client_list_products_finish (LicClient     *self,
                                 GAsyncResult  *result,
                                 char         **next_cursor,
                                 GError       **error)
{
  g_return_val_if_fail (LIC_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, lic_client_list_products_async), NULL);

  return list_finish (result, next_cursor, error);
}

typedef struct
{
  LicProduct *product;
  GListModel *schools;
} ProductDetails;

static void
product_details_free (ProductDetails *details)
{
  g_clear_object (&details->product);
  g_clear_object (&details->schools);
  g_free (details);
}

static void
get_product_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LicProduct) product = NULL;
  g_autoptr(GListModel) schools = NULL;
  ProductDetails *details;

  root = send_json_finish (LIC_CLIENT (source), result, &error);
  if (root == NULL
      || (product = lic_product_new_from_json (root, &error)) == NULL
      || !lic_json_get_list (root, "schools", FALSE, LIC_TYPE_PRODUCT_SCHOOL,
                             (LicFromJsonFunc) lic_product_school_new_from_json,
                             &schools, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  details = g_new0 (ProductDetails, 1);
  details->product = g_steal_pointer (&product);
  details->schools = g_steal_pointer (&schools);
  g_task_return_pointer (task, details, (GDestroyNotify) product_details_free);
}

/**
 * lic_client_get_product_async:
 *
 * Gets one product, with its status at each of the caller's schools; an id unknown in the
 * caller's organization fails with %LIC_ERROR_NOT_FOUND.
 */
void
lic_client_get_product_async (LicClient           *self,
                              gint64               product_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (LIC_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lic_client_get_product_async);
  path = g_strdup_printf ("/products/%" G_GINT64_FORMAT, product_id);
  send_json_async (self, "GET", path, NULL, NULL, self->token, cancellable,
                   get_product_cb, g_steal_pointer (&task));
}

/**
 * lic_client_get_product_finish:
 * @schools: (out) (optional) (transfer full): a list model of #LicProductSchool, one per school
 *   of the caller, by name
 *
 * Returns: (transfer full): the product, or %NULL with @error set
 */
LicProduct *
lic_client_get_product_finish (LicClient     *self,
                               GAsyncResult  *result,
                               GListModel   **schools,
                               GError       **error)
{
  ProductDetails *details;
  LicProduct *product;

  g_return_val_if_fail (LIC_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, lic_client_get_product_async), NULL);

  if (schools != NULL)
    *schools = NULL;
  details = g_task_propagate_pointer (G_TASK (result), error);
  if (details == NULL)
    return NULL;

  product = g_steal_pointer (&details->product);
  if (schools != NULL)
    *schools = g_steal_pointer (&details->schools);
  product_details_free (details);
  return product;
}

static char *
user_filters (const LicUserQuery *query)
{
  g_autoptr(GString) filters = g_string_new (NULL);
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (query == NULL)
    return g_string_free (g_steal_pointer (&filters), FALSE);

  query_add (filters, "q", query->text);
  if (query->role >= 0)
    query_add (filters, "role", lic_enum_to_nick (LIC_TYPE_ROLE, query->role));
  if (query->school_id > 0)
    {
      g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, query->school_id);
      query_add (filters, "school_id", number);
    }
  if (query->group_id > 0)
    {
      g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, query->group_id);
      query_add (filters, "group_id", number);
    }
  if (query->pool_id > 0)
    {
      g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, query->pool_id);
      query_add (filters, "pool_id", number);
    }
  if (query->list != LIC_USER_LIST_ALL)
    query_add (filters, "list", lic_enum_to_nick (LIC_TYPE_USER_LIST, query->list));
  return g_string_free (g_steal_pointer (&filters), FALSE);
}

/* The Payable and No access lists */

G_DEFINE_BOXED_TYPE (LicUserListEntry, lic_user_list_entry, lic_user_list_entry_copy,
                     lic_user_list_entry_free)

LicUserListEntry *
lic_user_list_entry_copy (const LicUserListEntry *self)
{
  LicUserListEntry *copy = g_memdup2 (self, sizeof *self);

  copy->product_name = g_strdup (self->product_name);
  copy->date = g_strdup (self->date);
  return copy;
}

void
lic_user_list_entry_free (LicUserListEntry *self)
{
  g_free (self->product_name);
  g_free (self->date);
  g_free (self);
}

static GQuark
list_entries_quark (void)
{
  return g_quark_from_static_string ("lic-user-list-entries");
}

/* An item of GET /users?list=: the user, with the list's "payable" or "no_access" entries kept
 * on it (their dates are "loses_access_on" or "since"). */
static gpointer
listed_user_from_json (JsonObject  *object,
                       GError     **error)
{
  g_autoptr(LicUser) user = lic_user_new_from_json (object, error);
  g_autoptr(GPtrArray) entries = NULL;
  const char *member;
  JsonArray *array;

  if (user == NULL)
    return NULL;
  if (json_object_has_member (object, "payable"))
    member = "payable";
  else if (json_object_has_member (object, "no_access"))
    member = "no_access";
  else
    return g_steal_pointer (&user);

  array = json_object_get_array_member (object, member);
  if (array == NULL)
    {
      g_set_error (error, LIC_ERROR, LIC_ERROR_PARSE, "“%s” is not an array", member);
      return NULL;
    }
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) lic_user_list_entry_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      g_autoptr(LicUserListEntry) entry = g_new0 (LicUserListEntry, 1);
      const char *date_member = g_str_equal (member, "payable") ? "loses_access_on" : "since";
      const char *product_name = NULL;
      const char *date = NULL;

      if (item == NULL)
        {
          g_set_error (error, LIC_ERROR, LIC_ERROR_PARSE, "“%s” holds no object", member);
          return NULL;
        }
      if (!lic_json_get_int (item, "pool_id", TRUE, &entry->pool_id, error)
          || !lic_json_get_int (item, "product_id", TRUE, &entry->product_id, error)
          || !lic_json_get_string (item, "product_name", TRUE, &product_name, error)
          || !lic_json_get_int (item, "school_id", TRUE, &entry->school_id, error)
          || !lic_json_get_string (item, date_member, FALSE, &date, error))
        return NULL;
      entry->product_name = g_strdup (product_name);
      entry->date = g_strdup (date);
      g_ptr_array_add (entries, g_steal_pointer (&entry));
    }
  g_object_set_qdata_full (G_OBJECT (user), list_entries_quark (), g_steal_pointer (&entries),
                           (GDestroyNotify) g_ptr_array_unref);
  return g_steal_pointer (&user);
}

/**
 * lic_user_get_list_entries:
 * @user: a user listed by lic_client_list_users_async() with a list
 *
 * Why the user is on the Payable or No access list: one entry per pool, by product name, each
 * with its date (when access will be lost, or was), as the server gave them.
 *
 * Returns: (transfer none) (nullable) (element-type LicUserListEntry): the entries, or %NULL
 *   for a user not listed with a list
 */
GPtrArray *
lic_user_get_list_entries (LicUser *user)
{
  g_return_val_if_fail (LIC_IS_USER (user), NULL);

  return g_object_get_qdata (G_OBJECT (user), list_entries_quark ());
}

/**
 * lic_client_list_users_async:
 * @query: (nullable): words and filters; %NULL for everyone
 * @cursor: (nullable): the @next_cursor of the page before, or %NULL for the first page
 * @limit: the page size, or 0 for the server's default
 *
 * Lists one page of the users of the schools the administrator may act on. A school outside
 * them fails with %LIC_ERROR_FORBIDDEN.
 */
void
lic_client_list_users_async (LicClient           *self,
                             const LicUserQuery  *query,
                             const char          *cursor,
                             guint                limit,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autofree char *filters = NULL;

  g_return_if_fail (LIC_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  filters = user_filters (query);
  list_async (self, lic_client_list_users_async, "/users", filters, cursor, limit,
              LIC_TYPE_USER, listed_user_from_json, cancellable, callback, user_data);
}

/**
 * lic_client_list_users_finish:
 * @next_cursor: (out) (optional) (transfer full) (nullable): the cursor of the next page, or
 *   %NULL on the last one
 *
 * Returns: (transfer full): a list model of #LicUser, or %NULL with @error set
 */
GListModel *
lic_client_list_users_finish (LicClient     *self,
                              GAsyncResult  *result,
                              char         **next_cursor,
                              GError       **error)
{
  g_return_val_if_fail (LIC_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, lic_client_list_users_async), NULL);

  return list_finish (result, next_cursor, error);
}

typedef struct
{
  LicUser *user;
  GListModel *licenses;
} UserDetails;

static void
user_details_free (UserDetails *details)
{
  g_clear_object (&details->user);
  g_clear_object (&details->licenses);
  g_free (details);
}

static void
get_user_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LicUser) user = NULL;
  g_autoptr(GListModel) licenses = NULL;
  UserDetails *details;

  root = send_json_finish (LIC_CLIENT (source), result, &error);
  if (root == NULL
      || (user = lic_user_new_from_json (root, &error)) == NULL
      || !lic_json_get_list (root, "licenses", TRUE, LIC_TYPE_USER_LICENSE,
                             (LicFromJsonFunc) lic_user_license_new_from_json,
                             &licenses, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  details = g_new0 (UserDetails, 1);
  details->user = g_steal_pointer (&user);
  details->licenses = g_steal_pointer (&licenses);
  g_task_return_pointer (task, details, (GDestroyNotify) user_details_free);
}

/**
 * lic_client_get_user_async:
 *
 * Gets one user with their licenses (GET /users/{id}); a user outside the caller's schools,
 * like an id of no user, fails with %LIC_ERROR_NOT_FOUND.
 */
void
lic_client_get_user_async (LicClient           *self,
                           gint64               user_id,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (LIC_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lic_client_get_user_async);
  path = g_strdup_printf ("/users/%" G_GINT64_FORMAT, user_id);
  send_json_async (self, "GET", path, NULL, NULL, self->token, cancellable,
                   get_user_cb, g_steal_pointer (&task));
}

/**
 * lic_client_get_user_finish:
 * @licenses: (out) (optional) (transfer full): a list model of #LicUserLicense, the user's
 *   licenses by product name
 *
 * Returns: (transfer full): the user, or %NULL with @error set
 */
LicUser *
lic_client_get_user_finish (LicClient     *self,
                            GAsyncResult  *result,
                            GListModel   **licenses,
                            GError       **error)
{
  UserDetails *details;
  LicUser *user;

  g_return_val_if_fail (LIC_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, lic_client_get_user_async), NULL);

  if (licenses != NULL)
    *licenses = NULL;
  details = g_task_propagate_pointer (G_TASK (result), error);
  if (details == NULL)
    return NULL;

  user = g_steal_pointer (&details->user);
  if (licenses != NULL)
    *licenses = g_steal_pointer (&details->licenses);
  user_details_free (details);
  return user;
}

/* CSV */

G_DEFINE_BOXED_TYPE (LicImportRowError, lic_import_row_error,
                     lic_import_row_error_copy, lic_import_row_error_free)

LicImportRowError *
lic_import_row_error_new (gint64      line,
                          const char *message)
{
  LicImportRowError *self = g_new0 (LicImportRowError, 1);

  self->line = line;
  self->message = g_strdup (message);
  return self;
}

LicImportRowError *
lic_import_row_error_copy (const LicImportRowError *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return lic_import_row_error_new (self->line, self->message);
}

void
lic_import_row_error_free (LicImportRowError *self)
{
  if (self == NULL)
    return;
  g_free (self->message);
  g_free (self);
}

static void
export_users_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GBytes *csv;

  csv = send_raw_finish (LIC_CLIENT (source), result, &error);
  if (csv == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, csv, (GDestroyNotify) g_bytes_unref);
}

/**
 * lic_client_export_users_async:
 * @query: (nullable): words and filters; %NULL for everyone
 *
 * Downloads every user @query finds as CSV (GET /users.csv): UTF-8, a header row first.
 */
void
lic_client_export_users_async (LicClient           *self,
                               const LicUserQuery  *query,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *filters = NULL;

  g_return_if_fail (LIC_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lic_client_export_users_async);
  filters = user_filters (query);
  send_request_async (self, "GET", "/users.csv", filters, NULL, NULL, TRUE, self->token,
                      cancellable, export_users_cb, g_steal_pointer (&task));
}

/**
 * lic_client_export_users_finish:
 *
 * Returns: (transfer full): the CSV file, or %NULL with @error set
 */
GBytes *
lic_client_export_users_finish (LicClient     *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (LIC_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, lic_client_export_users_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  gint64 created;
  gint64 updated;
  gint64 unchanged;
  GPtrArray *row_errors;        /* of LicImportRowError, or NULL */
} Import;

static void
import_free (Import *import)
{
  g_clear_pointer (&import->row_errors, g_ptr_array_unref);
  g_free (import);
}

/* The "rows" of a refused import: [{"line", "message"}, …]; what is not of that shape is
 * left out, since the error's message already says what went wrong. */
static GPtrArray *
read_row_errors (JsonObject *error_object)
{
  GPtrArray *row_errors = g_ptr_array_new_with_free_func ((GDestroyNotify) lic_import_row_error_free);
  JsonNode *node = json_object_get_member (error_object, "rows");
  JsonArray *rows;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return row_errors;
  rows = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonNode *row_node = json_array_get_element (rows, i);
      const char *message = NULL;
      gint64 line = 0;

      if (!JSON_NODE_HOLDS_OBJECT (row_node)
          || !lic_json_get_int (json_node_get_object (row_node), "line", TRUE, &line, NULL)
          || !lic_json_get_string (json_node_get_object (row_node), "message", TRUE, &message,
                                   NULL))
        continue;
      g_ptr_array_add (row_errors, lic_import_row_error_new (line, message));
    }
  return row_errors;
}

static void
import_users_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Import *import = g_task_get_task_data (task);
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(GError) error = NULL;

  root = send_json_finish (LIC_CLIENT (source), result, &error);
  if (root == NULL)
    {
      JsonObject *error_object = send_error_object (result);

      if (g_error_matches (error, LIC_ERROR, LIC_ERROR_INVALID) && error_object != NULL)
        import->row_errors = read_row_errors (error_object);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!lic_json_get_int (root, "created", TRUE, &import->created, &error)
      || !lic_json_get_int (root, "updated", TRUE, &import->updated, &error)
      || !lic_json_get_int (root, "unchanged", TRUE, &import->unchanged, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * lic_client_import_users_async:
 * @csv: the CSV file, as GET /users.csv writes it
 *
 * Adds and updates users from CSV (POST /users/import). Every row is checked first: if any has
 * an error nothing is imported, and the finish fails with %LIC_ERROR_INVALID and the rows.
 */
void
lic_client_import_users_async (LicClient           *self,
                               GBytes              *csv,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (LIC_IS_CLIENT (self));
  g_return_if_fail (csv != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lic_client_import_users_async);
  g_task_set_task_data (task, g_new0 (Import, 1), (GDestroyNotify) import_free);
  send_request_async (self, "POST", "/users/import", NULL, "text/csv; charset=utf-8", csv,
                      FALSE, self->token, cancellable, import_users_cb, g_steal_pointer (&task));
}

/**
 * lic_client_import_users_finish:
 * @created: (out) (optional): users added
 * @updated: (out) (optional): users changed
 * @unchanged: (out) (optional): rows that matched a user as they are
 * @row_errors: (out) (optional) (transfer full) (element-type LicImportRowError) (nullable):
 *   on %LIC_ERROR_INVALID, the rows in error by line number (at most the server's first 1,000);
 *   else %NULL
 *
 * Returns: %TRUE once imported, or %FALSE with @error set (and nothing imported)
 */
gboolean
lic_client_import_users_finish (LicClient     *self,
                                GAsyncResult  *result,
                                gint64        *created,
                                gint64        *updated,
                                gint64        *unchanged,
                                GPtrArray    **row_errors,
                                GError       **error)
{
  Import *import;
  gboolean ok;

  g_return_val_if_fail (LIC_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, lic_client_import_users_async), FALSE);

  import = g_task_get_task_data (G_TASK (result));
  ok = g_task_propagate_boolean (G_TASK (result), error);
  if (created != NULL)
    *created = ok ? import->created : 0;
  if (updated != NULL)
    *updated = ok ? import->updated : 0;
  if (unchanged != NULL)
    *unchanged = ok ? import->unchanged : 0;
  if (row_errors != NULL)
    *row_errors = !ok && import->row_errors != NULL ? g_ptr_array_ref (import->row_errors) : NULL;
  return ok;
}

/**
 * lic_client_list_pools_async:
 * @cursor: (nullable): the @next_cursor of the page before, or %NULL for the first page
 * @limit: the page size, or 0 for the server's default
 *
 * Lists one page of the license pools of the schools the administrator may act on.
 */
void
lic_client_list_pools_async (LicClient           *self,
                             const char          *cursor,
                             guint                limit,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (LIC_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  list_async (self, lic_client_list_pools_async, "/pools", NULL, cursor, limit,
              LIC_TYPE_POOL, (LicFromJsonFunc) lic_pool_new_from_json,
              cancellable, callback, user_data);
}

/**
 * lic_client_list_pools_finish:
 * @next_cursor: (out) (optional) (transfer full) (nullable): the cursor of the next page, or
 *   %NULL on the last one
 *
 * Returns: (transfer full): a list model of #LicPool, or %NULL with @error set
 */
GListModel *
lic_client_list_pools_finish (LicClient     *self,
                              GAsyncResult  *result,
                              char         **next_cursor,
                              GError       **error)
{
  g_return_val_if_fail (LIC_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, lic_client_list_pools_async), NULL);

  return list_finish (result, next_cursor, error);
}

/**
 * lic_client_list_all_pools_async:
 * @school_id: a school of the caller, or 0 for every school of the caller
 *
 * Lists every license pool of the school, by product name, following the cursors itself.
 */
void
lic_client_list_all_pools_async (LicClient           *self,
                                 gint64               school_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GString) filters = g_string_new (NULL);

  g_return_if_fail (LIC_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (school_id > 0)
    g_string_append_printf (filters, "school_id=%" G_GINT64_FORMAT, school_id);
  list_all_async (self, lic_client_list_all_pools_async, "/pools", filters->str,
                  LIC_TYPE_POOL, (LicFromJsonFunc) lic_pool_new_from_json,
                  cancellable, callback, user_data);
}

/**
 * lic_client_list_all_pools_finish:
 *
 * Returns: (transfer full): a list model of #LicPool, or %NULL with @error set
 */
GListModel *
lic_client_list_all_pools_finish (LicClient     *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return list_all_finish (self, result, lic_client_list_all_pools_async, error);
}

/**
 * lic_client_list_all_users_async:
 * @query: (nullable): words and filters, such as a group's id
 *
 * Lists every user @query finds, following the cursors itself.
 */
void
lic_client_list_all_users_async (LicClient           *self,
                                 const LicUserQuery  *query,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autofree char *filters = NULL;

  g_return_if_fail (LIC_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  filters = user_filters (query);
  list_all_async (self, lic_client_list_all_users_async, "/users", filters,
                  LIC_TYPE_USER, (LicFromJsonFunc) lic_user_new_from_json,
                  cancellable, callback, user_data);
}

/**
 * lic_client_list_all_users_finish:
 *
 * Returns: (transfer full): a list model of #LicUser, or %NULL with @error set
 */
GListModel *
lic_client_list_all_users_finish (LicClient     *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return list_all_finish (self, result, lic_client_list_all_users_async, error);
}

/**
 * lic_client_list_suppliers_async:
 *
 * Lists the suppliers with a product offered to the caller's organization, by name.
 */
void
lic_client_list_suppliers_async (LicClient           *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (LIC_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  list_all_async (self, lic_client_list_suppliers_async, "/suppliers", NULL,
                  LIC_TYPE_SUPPLIER, (LicFromJsonFunc) lic_supplier_new_from_json,
                  cancellable, callback, user_data);
}

/**
 * lic_client_list_suppliers_finish:
 *
 * Returns: (transfer full): a list model of #LicSupplier, or %NULL with @error set
 */
GListModel *
lic_client_list_suppliers_finish (LicClient     *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return list_all_finish (self, result, lic_client_list_suppliers_async, error);
}

/**
 * lic_client_list_groups_async:
 * @school_id: a school of the caller, or 0 for all of them
 *
 * Lists every group (class) of the school, by name. A school outside the caller's fails with
 * %LIC_ERROR_FORBIDDEN.
 */
void
lic_client_list_groups_async (LicClient           *self,
                              gint64               school_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GString) filters = g_string_new (NULL);

  g_return_if_fail (LIC_IS_CLIENT (self));
  g_return_if_fail (school_id >= 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (school_id > 0)
    g_string_append_printf (filters, "school_id=%" G_GINT64_FORMAT, school_id);
  list_all_async (self, lic_client_list_groups_async, "/groups", filters->str,
                  LIC_TYPE_GROUP, (LicFromJsonFunc) lic_group_new_from_json,
                  cancellable, callback, user_data);
}

/**
 * lic_client_list_groups_finish:
 *
 * Returns: (transfer full): a list model of #LicGroup, or %NULL with @error set
 */
GListModel *
lic_client_list_groups_finish (LicClient     *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return list_all_finish (self, result, lic_client_list_groups_async, error);
}

/* The cart */

/**
 * lic_client_get_cart_async:
 *
 * Gets the signed-in administrator's cart, priced now.
 */
void
lic_client_get_cart_async (LicClient           *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (LIC_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  get_item_async (self, lic_client_get_cart_async, "/cart",
                  LIC_TYPE_CART, (LicFromJsonFunc) lic_cart_new_from_json,
                  cancellable, callback, user_data);
}

/**
 * lic_client_get_cart_finish:
 *
 * Returns: (transfer full): the cart, or %NULL with @error set
 */
LicCart *
lic_client_get_cart_finish (LicClient     *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return item_finish (self, result, lic_client_get_cart_async, error);
}

static void
add_ids (JsonBuilder *builder,
         const char  *member,
         GArray      *ids)
{
  if (ids != NULL)
    lic_json_add_ids (builder, member, (const gint64 *) ids->data, ids->len);
}

/**
 * lic_client_add_cart_line_async:
 * @quantity: how many licenses, from 1 to 100000
 * @user_ids: (nullable) (element-type gint64): users to assign, for a direct line
 * @group_ids: (nullable) (element-type gint64): groups whose members to assign
 *
 * Adds licenses of a product for a school to the cart. A line of the same product and school
 * that is in the cart already gets the licenses and picks added instead. The server's
 * refusals fail with %LIC_ERROR_INVALID or %LIC_ERROR_FORBIDDEN and its sentence.
 */
void
lic_client_add_cart_line_async (LicClient           *self,
                                gint64               product_id,
                                gint64               school_id,
                                gint64               quantity,
                                GArray              *user_ids,
                                GArray              *group_ids,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_if_fail (LIC_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "product_id");
  json_builder_add_int_value (builder, product_id);
  json_builder_set_member_name (builder, "school_id");
  json_builder_add_int_value (builder, school_id);
  json_builder_set_member_name (builder, "quantity");
  json_builder_add_int_value (builder, quantity);
  add_ids (builder, "user_ids", user_ids);
  add_ids (builder, "group_ids", group_ids);
  json_builder_end_object (builder);

  request_item_async (self, lic_client_add_cart_line_async, "POST", "/cart/lines", builder,
                      LIC_TYPE_CART_LINE, (LicFromJsonFunc) lic_cart_line_new_from_json, TRUE,
                      cancellable, callback, user_data);
}

/**
 * lic_client_add_cart_line_finish:
 *
 * Returns: (transfer full): the line as it is now in the cart, or %NULL with @error set
 */
LicCartLine *
lic_client_add_cart_line_finish (LicClient     *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return item_finish (self, result, lic_client_add_cart_line_async, error);
}

/**
 * lic_client_update_cart_line_async:
 * @quantity: the new number of licenses, or 0 to keep it
 * @user_ids: (nullable) (element-type gint64): the users picked now, replacing the earlier
 *   ones (an empty array picks nobody), or %NULL to keep them
 * @group_ids: (nullable) (element-type gint64): the same for groups
 *
 * Changes a line of the cart. "No more users than licenses" and the other rules fail with
 * %LIC_ERROR_INVALID and the server's sentence; a line of another cart with
 * %LIC_ERROR_NOT_FOUND.
 */
void
lic_client_update_cart_line_async (LicClient           *self,
                                   gint64               line_id,
                                   gint64               quantity,
                                   GArray              *user_ids,
                                   GArray              *group_ids,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *path = NULL;

  g_return_if_fail (LIC_IS_CLIENT (self));
  g_return_if_fail (quantity >= 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  json_builder_begin_object (builder);
  if (quantity > 0)
    {
      json_builder_set_member_name (builder, "quantity");
      json_builder_add_int_value (builder, quantity);
    }
  add_ids (builder, "user_ids", user_ids);
  add_ids (builder, "group_ids", group_ids);
  json_builder_end_object (builder);

  path = g_strdup_printf ("/cart/lines/%" G_GINT64_FORMAT, line_id);
  request_item_async (self, lic_client_update_cart_line_async, "PATCH", path, builder,
                      LIC_TYPE_CART_LINE, (LicFromJsonFunc) lic_cart_line_new_from_json, TRUE,
                      cancellable, callback, user_data);
}

/**
 * lic_client_update_cart_line_finish:
 *
 * Returns: (transfer full): the line as it is now, or %NULL with @error set
 */
LicCartLine *
lic_client_update_cart_line_finish (LicClient     *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return item_finish (self, result, lic_client_update_cart_line_async, error);
}

void
lic_client_remove_cart_line_async (LicClient           *self,
                                   gint64               line_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (LIC_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  path = g_strdup_printf ("/cart/lines/%" G_GINT64_FORMAT, line_id);
  request_item_async (self, lic_client_remove_cart_line_async, "DELETE", path, NULL,
                      G_TYPE_NONE, NULL, TRUE, cancellable, callback, user_data);
}

gboolean
lic_client_remove_cart_line_finish (LicClient     *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return done_finish (self, result, lic_client_remove_cart_line_async, error);
}

/* Reads {"order": {...}} and, when asked, its "pool_id". */
static LicOrder *
read_order (JsonObject  *root,
            gint64      *pool_id,
            GError     **error)
{
  JsonObject *order = get_object_member (root, "order", error);

  if (order == NULL)
    return NULL;
  if (pool_id != NULL && !lic_json_get_int (root, "pool_id", FALSE, pool_id, error))
    return NULL;
  return lic_order_new_from_json (order, error);
}

static gpointer
order_from_json (JsonObject  *root,
                 GError     **error)
{
  return read_order (root, NULL, error);
}

/* The body of a request that pays: checkout (with its @payment), paying a purchase request,
 * renewing (with a @quantity). */
static JsonBuilder *
payment_body (const char *payment,
              const char *idempotency_key,
              gint64      expected_total,
              gint64      quantity)
{
  JsonBuilder *builder = json_builder_new ();

  json_builder_begin_object (builder);
  if (payment != NULL)
    {
      json_builder_set_member_name (builder, "payment");
      json_builder_add_string_value (builder, payment);
    }
  if (quantity > 0)
    {
      json_builder_set_member_name (builder, "quantity");
      json_builder_add_int_value (builder, quantity);
    }
  json_builder_set_member_name (builder, "idempotency_key");
  json_builder_add_string_value (builder, idempotency_key);
  json_builder_set_member_name (builder, "expected_total");
  json_builder_add_int_value (builder, expected_total);
  json_builder_end_object (builder);
  return builder;
}

/* POST /checkout, paid now ("order") or later ("purchase_request"). */
static void
checkout_async (LicClient           *self,
                gpointer             source_tag,
                const char          *payment,
                const char          *idempotency_key,
                gint64               expected_total,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = payment_body (payment, idempotency_key, expected_total, 0);

  request_item_async (self, source_tag, "POST", "/checkout", builder, LIC_TYPE_ORDER,
                      order_from_json, TRUE, cancellable, callback, user_data);
}

/**
 * lic_client_checkout_async:
 * @idempotency_key: made once per checkout attempt (8 to 200 characters), and sent again
 *   unchanged when the attempt is repeated, so the server makes one order of it
 * @expected_total: the total the administrator confirmed, in minor units
 *
 * Orders what is in the cart. The server refuses, changing nothing, with %LIC_ERROR_CONFLICT
 * (an empty cart, a total that changed, a product no longer offered) and its sentence.
 */
void
lic_client_checkout_async (LicClient           *self,
                           const char          *idempotency_key,
                           gint64               expected_total,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (LIC_IS_CLIENT (self));
  g_return_if_fail (idempotency_key != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  checkout_async (self, lic_client_checkout_async, "order", idempotency_key, expected_total,
                  cancellable, callback, user_data);
}

/**
 * lic_client_checkout_finish:
 *
 * Returns: (transfer full): the order (the same one for a repeated key), or %NULL with @error
 *   set
 */
LicOrder *
lic_client_checkout_finish (LicClient     *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return item_finish (self, result, lic_client_checkout_async, error);
}

/* Orders */

/**
 * lic_client_list_orders_async:
 * @cursor: (nullable): the @next_cursor of the page before, or %NULL for the first page
 * @limit: the page size, or 0 for the server's default
 *
 * Lists one page of the organization's orders, newest first.
 */
void
lic_client_list_orders_async (LicClient           *self,
                              const char          *cursor,
                              guint                limit,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (LIC_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  list_async (self, lic_client_list_orders_async, "/orders", NULL, cursor, limit,
              LIC_TYPE_ORDER, (LicFromJsonFunc) lic_order_new_from_json,
              cancellable, callback, user_data);
}

/**
 * lic_client_list_orders_finish:
 * @next_cursor: (out) (optional) (transfer full) (nullable): the cursor of the next page, or
 *   %NULL on the last one
 *
 * Returns: (transfer full): a list model of #LicOrder, or %NULL with @error set
 */
GListModel *
lic_client_list_orders_finish (LicClient     *self,
                               GAsyncResult  *result,
                               char         **next_cursor,
                               GError       **error)
{
  g_return_val_if_fail (LIC_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, lic_client_list_orders_async), NULL);

  return list_finish (result, next_cursor, error);
}

void
lic_client_get_order_async (LicClient           *self,
                            gint64               order_id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (LIC_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  path = g_strdup_printf ("/orders/%" G_GINT64_FORMAT, order_id);
  get_item_async (self, lic_client_get_order_async, path,
                  LIC_TYPE_ORDER, (LicFromJsonFunc) lic_order_new_from_json,
                  cancellable, callback, user_data);
}

/**
 * lic_client_get_order_finish:
 *
 * Returns: (transfer full): the order, or %NULL with @error set
 */
LicOrder *
lic_client_get_order_finish (LicClient     *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return item_finish (self, result, lic_client_get_order_async, error);
}

/* Activation codes */

typedef struct
{
  LicOrder *order;
  gint64 pool_id;
} Activation;

static void
activation_free (Activation *activation)
{
  g_clear_object (&activation->order);
  g_free (activation);
}

static void
activate_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(GError) error = NULL;
  Activation *activation = g_new0 (Activation, 1);

  root = send_json_finish (LIC_CLIENT (source), result, &error);
  if (root == NULL || (activation->order = read_order (root, &activation->pool_id,
                                                       &error)) == NULL)
    {
      activation_free (activation);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, activation, (GDestroyNotify) activation_free);
}

/**
 * lic_client_activate_async:
 * @code: an activation code as the supplier's e-mail gives it (spaces, dashes and letter case
 *   do not matter)
 *
 * Moves the licenses of the code's order line into the pool. A code that is unknown fails with
 * %LIC_ERROR_NOT_FOUND, one used already or expired with %LIC_ERROR_CONFLICT, each with the
 * server's sentence.
 */
void
lic_client_activate_async (LicClient           *self,
                           const char          *code,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_if_fail (LIC_IS_CLIENT (self));
  g_return_if_fail (code != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lic_client_activate_async);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  json_builder_end_object (builder);
  send_json_async (self, "POST", "/activations", NULL, builder, self->token, cancellable,
                   activate_cb, g_steal_pointer (&task));
}

/**
 * lic_client_activate_finish:
 * @pool_id: (out) (optional): the pool the licenses went into
 *
 * Returns: (transfer full): the order of the activated line, or %NULL with @error set
 */
LicOrder *
lic_client_activate_finish (LicClient     *self,
                            GAsyncResult  *result,
                            gint64        *pool_id,
                            GError       **error)
{
  Activation *activation;
  LicOrder *order;

  g_return_val_if_fail (LIC_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, lic_client_activate_async), NULL);

  activation = g_task_propagate_pointer (G_TASK (result), error);
  if (activation == NULL)
    return NULL;
  order = g_steal_pointer (&activation->order);
  if (pool_id != NULL)
    *pool_id = activation->pool_id;
  activation_free (activation);
  return order;
}

/* Assignments */

typedef struct
{
  LicPool *pool;
  gint64 changed;               /* assigned, or unassigned */
  gint64 already_assigned;
} Assignment;

static void
assignment_free (Assignment *assignment)
{
  g_clear_object (&assignment->pool);
  g_free (assignment);
}

/* Reads {"assigned" | "unassigned": n, ["already_assigned": n,] "pool": {...}}, and for the
 * links of groups {"linked" | "unlinked": n, ["assigned": n,] "pool": {...}}. */
static void
assignment_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  gpointer tag = g_task_get_source_tag (task);
  gboolean assigning = tag == lic_client_assign_async;
  gboolean linking = tag == lic_client_link_groups_async;
  const char *changed_member;
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(GError) error = NULL;
  Assignment *assignment = g_new0 (Assignment, 1);
  JsonObject *pool_object;

  if (assigning)
    changed_member = "assigned";
  else if (linking)
    changed_member = "linked";
  else if (tag == lic_client_unlink_groups_async)
    changed_member = "unlinked";
  else
    changed_member = "unassigned";

  root = send_json_finish (LIC_CLIENT (source), result, &error);
  if (root == NULL
      || !lic_json_get_int (root, changed_member, TRUE, &assignment->changed, &error)
      || (assigning && !lic_json_get_int (root, "already_assigned", TRUE,
                                          &assignment->already_assigned, &error))
      /* The users the link gave a license, kept where assign keeps "already_assigned". */
      || (linking && !lic_json_get_int (root, "assigned", FALSE,
                                        &assignment->already_assigned, &error))
      || (pool_object = get_object_member (root, "pool", &error)) == NULL
      || (assignment->pool = lic_pool_new_from_json (pool_object, &error)) == NULL)
    {
      assignment_free (assignment);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, assignment, (GDestroyNotify) assignment_free);
}

static void
assignment_async (LicClient           *self,
                  gpointer             source_tag,
                  const char          *method,
                  gint64               pool_id,
                  JsonBuilder         *builder,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  gboolean groups = source_tag == lic_client_link_groups_async
                    || source_tag == lic_client_unlink_groups_async;
  g_autofree char *path = g_strdup_printf ("/pools/%" G_GINT64_FORMAT "/%s", pool_id,
                                           groups ? "groups" : "assignments");

  g_task_set_source_tag (task, source_tag);
  send_json_async (self, method, path, NULL, builder, self->token, cancellable,
                   assignment_cb, g_steal_pointer (&task));
}

static LicPool *
assignment_finish (LicClient     *self,
                   GAsyncResult  *result,
                   gpointer       source_tag,
                   gint64        *changed,
                   gint64        *already_assigned,
                   GError       **error)
{
  Assignment *assignment;
  LicPool *pool;

  g_return_val_if_fail (LIC_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, source_tag), NULL);

  assignment = g_task_propagate_pointer (G_TASK (result), error);
  if (assignment == NULL)
    return NULL;
  pool = g_steal_pointer (&assignment->pool);
  if (changed != NULL)
    *changed = assignment->changed;
  if (already_assigned != NULL)
    *already_assigned = assignment->already_assigned;
  assignment_free (assignment);
  return pool;
}

/**
 * lic_client_assign_async:
 * @pool_id: the pool whose licenses are assigned
 * @user_ids: (array length=n_user_ids) (nullable): users to assign
 * @group_ids: (array length=n_group_ids) (nullable): groups (classes) whose members to assign
 * @role: (nullable): "student", "teacher" or "administrator": every user of that role at
 *   the pool's school; or %NULL
 *
 * Assigns licenses of the pool in one request (POST /pools/{id}/assignments); at least one of
 * users, groups or role must be given. More users than the pool has free licenses fail with
 * %LIC_ERROR_CONFLICT and the server's sentence with the numbers; nothing is changed then.
 */
void
lic_client_assign_async (LicClient           *self,
                         gint64               pool_id,
                         const gint64        *user_ids,
                         gsize                n_user_ids,
                         const gint64        *group_ids,
                         gsize                n_group_ids,
                         const char          *role,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_if_fail (LIC_IS_CLIENT (self));
  g_return_if_fail (pool_id > 0);
  g_return_if_fail (user_ids != NULL || n_user_ids == 0);
  g_return_if_fail (group_ids != NULL || n_group_ids == 0);
  g_return_if_fail (n_user_ids > 0 || n_group_ids > 0 || role != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  json_builder_begin_object (builder);
  if (n_user_ids > 0)
    lic_json_add_ids (builder, "user_ids", user_ids, n_user_ids);
  if (n_group_ids > 0)
    lic_json_add_ids (builder, "group_ids", group_ids, n_group_ids);
  if (role != NULL)
    {
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, role);
    }
  json_builder_end_object (builder);
  assignment_async (self, lic_client_assign_async, "POST", pool_id, builder, cancellable,
                    callback, user_data);
}

/**
 * lic_client_assign_finish:
 * @assigned: (out) (optional): the users given a license now
 * @already_assigned: (out) (optional): the users named who had one already
 *
 * Returns: (transfer full): the pool as it is afterwards, or %NULL with @error set
 */
LicPool *
lic_client_assign_finish (LicClient     *self,
                          GAsyncResult  *result,
                          gint64        *assigned,
                          gint64        *already_assigned,
                          GError       **error)
{
  return assignment_finish (self, result, lic_client_assign_async, assigned, already_assigned,
                            error);
}

/**
 * lic_client_unassign_async:
 * @user_ids: (array length=n_user_ids): the users whose licenses of the pool are taken back
 *
 * Removes the users' assignments in one request (DELETE /pools/{id}/assignments); users the
 * pool has not assigned are passed over.
 */
void
lic_client_unassign_async (LicClient           *self,
                           gint64               pool_id,
                           const gint64        *user_ids,
                           gsize                n_user_ids,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_if_fail (LIC_IS_CLIENT (self));
  g_return_if_fail (pool_id > 0);
  g_return_if_fail (user_ids != NULL || n_user_ids == 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  json_builder_begin_object (builder);
  lic_json_add_ids (builder, "user_ids", user_ids, n_user_ids);
  json_builder_end_object (builder);
  assignment_async (self, lic_client_unassign_async, "DELETE", pool_id, builder, cancellable,
                    callback, user_data);
}

/**
 * lic_client_unassign_finish:
 * @unassigned: (out) (optional): the assignments removed
 *
 * Returns: (transfer full): the pool as it is afterwards, or %NULL with @error set
 */
LicPool *
lic_client_unassign_finish (LicClient     *self,
                            GAsyncResult  *result,
                            gint64        *unassigned,
                            GError       **error)
{
  return assignment_finish (self, result, lic_client_unassign_async, unassigned, NULL, error);
}

static void
groups_async (LicClient           *self,
              gpointer             source_tag,
              const char          *method,
              gint64               pool_id,
              const gint64        *group_ids,
              gsize                n_group_ids,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  lic_json_add_ids (builder, "group_ids", group_ids, n_group_ids);
  json_builder_end_object (builder);
  assignment_async (self, source_tag, method, pool_id, builder, cancellable, callback,
                    user_data);
}

/**
 * lic_client_link_groups_async:
 * @pool_id: the pool that is to auto-assign
 * @group_ids: (array length=n_group_ids): groups (classes) of the pool's school
 *
 * Links the groups to the pool for auto-assignment in one request (POST /pools/{id}/groups):
 * their members who have no license get the free ones at once, and members who join later get
 * one while any is free. Groups linked already are passed over. A group of another school fails
 * with %LIC_ERROR_INVALID and the server's sentence naming it; nothing is linked then.
 */
void
lic_client_link_groups_async (LicClient           *self,
                              gint64               pool_id,
                              const gint64        *group_ids,
                              gsize                n_group_ids,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (LIC_IS_CLIENT (self));
  g_return_if_fail (pool_id > 0);
  g_return_if_fail (group_ids != NULL || n_group_ids == 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  groups_async (self, lic_client_link_groups_async, "POST", pool_id, group_ids, n_group_ids,
                cancellable, callback, user_data);
}

/**
 * lic_client_link_groups_finish:
 * @linked: (out) (optional): the links added
 * @assigned: (out) (optional): the users the links gave a license now
 *
 * Returns: (transfer full): the pool as it is afterwards (its linked groups and waiting
 *   members), or %NULL with @error set
 */
LicPool *
lic_client_link_groups_finish (LicClient     *self,
                               GAsyncResult  *result,
                               gint64        *linked,
                               gint64        *assigned,
                               GError       **error)
{
  return assignment_finish (self, result, lic_client_link_groups_async, linked, assigned, error);
}

/**
 * lic_client_unlink_groups_async:
 * @group_ids: (array length=n_group_ids): the groups to unlink
 *
 * Unlinks the groups from the pool (DELETE /pools/{id}/groups). That changes no assignment:
 * members keep their licenses, and those waiting are no longer served. Groups not linked are
 * passed over.
 */
void
lic_client_unlink_groups_async (LicClient           *self,
                                gint64               pool_id,
                                const gint64        *group_ids,
                                gsize                n_group_ids,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (LIC_IS_CLIENT (self));
  g_return_if_fail (pool_id > 0);
  g_return_if_fail (group_ids != NULL || n_group_ids == 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  groups_async (self, lic_client_unlink_groups_async, "DELETE", pool_id, group_ids, n_group_ids,
                cancellable, callback, user_data);
}

/**
 * lic_client_unlink_groups_finish:
 * @unlinked: (out) (optional): the links removed
 *
 * Returns: (transfer full): the pool as it is afterwards, or %NULL with @error set
 */
LicPool *
lic_client_unlink_groups_finish (LicClient     *self,
                                 GAsyncResult  *result,
                                 gint64        *unlinked,
                                 GError       **error)
{
  return assignment_finish (self, result, lic_client_unlink_groups_async, unlinked, NULL, error);
}

/* Notifications */

/**
 * lic_client_list_notifications_async:
 * @cursor: (nullable): the @next_cursor of the page before, or %NULL for the first page
 * @limit: the page size, or 0 for the server's default
 *
 * Lists one page of the administrator's notifications, newest first.
 */
void
lic_client_list_notifications_async (LicClient           *self,
                                     const char          *cursor,
                                     guint                limit,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (LIC_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  list_async (self, lic_client_list_notifications_async, "/notifications", NULL, cursor, limit,
              LIC_TYPE_NOTIFICATION, (LicFromJsonFunc) lic_notification_new_from_json,
              cancellable, callback, user_data);
}

/**
 * lic_client_list_notifications_finish:
 * @next_cursor: (out) (optional) (transfer full) (nullable): the cursor of the next page, or
 *   %NULL on the last one
 *
 * Returns: (transfer full): a list model of #LicNotification, or %NULL with @error set
 */
GListModel *
lic_client_list_notifications_finish (LicClient     *self,
                                      GAsyncResult  *result,
                                      char         **next_cursor,
                                      GError       **error)
{
  g_return_val_if_fail (LIC_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, lic_client_list_notifications_async),
                        NULL);

  return list_finish (result, next_cursor, error);
}

/**
 * lic_client_mark_notifications_read_async:
 * @ids: (array length=n_ids): the notifications the administrator has seen
 */
void
lic_client_mark_notifications_read_async (LicClient           *self,
                                          const gint64        *ids,
                                          gsize                n_ids,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_if_fail (LIC_IS_CLIENT (self));
  g_return_if_fail (ids != NULL || n_ids == 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  json_builder_begin_object (builder);
  lic_json_add_ids (builder, "ids", ids, n_ids);
  json_builder_end_object (builder);
  request_item_async (self, lic_client_mark_notifications_read_async, "POST",
                      "/notifications/read", builder, G_TYPE_NONE, NULL, FALSE,
                      cancellable, callback, user_data);
}

gboolean
lic_client_mark_notifications_read_finish (LicClient     *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return done_finish (self, result, lic_client_mark_notifications_read_async, error);
}

/**
 * lic_client_start_events:
 *
 * Opens the event stream of the signed-in administrator, and keeps it open: "notification" is
 * emitted for each notification that arrives. Does nothing when signed out.
 */
void
lic_client_start_events (LicClient *self)
{
  g_return_if_fail (LIC_IS_CLIENT (self));

  if (self->token == NULL || self->events_wanted)
    return;
  self->events_wanted = TRUE;
  self->events_delay_ms = EVENTS_MIN_DELAY_MS;
  connect_events (self);
}

/**
 * lic_client_stop_events:
 *
 * Closes the event stream; signing out and the client's end close it too.
 */
void
lic_client_stop_events (LicClient *self)
{
  g_return_if_fail (LIC_IS_CLIENT (self));

  stop_events (self);
}

gboolean
lic_client_get_events_connected (LicClient *self)
{
  g_return_val_if_fail (LIC_IS_CLIENT (self), FALSE);

  return self->events_connected;
}

/* Purchase requests and compliance */

/**
 * lic_client_request_purchase_async:
 * @idempotency_key: made once per attempt, as for lic_client_checkout_async()
 * @expected_total: the total the administrator confirmed, in minor units
 *
 * Checks out the cart as a purchase request: the licenses now, paid later (POST /checkout with
 * "payment": "purchase_request"). While the organization has a suspended request unpaid, the
 * server refuses with %LIC_ERROR_CONFLICT and the sentence of the cart's
 * #LicCart:purchase-request-reason.
 */
void
lic_client_request_purchase_async (LicClient           *self,
                                   const char          *idempotency_key,
                                   gint64               expected_total,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (LIC_IS_CLIENT (self));
  g_return_if_fail (idempotency_key != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  checkout_async (self, lic_client_request_purchase_async, "purchase_request", idempotency_key,
                  expected_total, cancellable, callback, user_data);
}

/**
 * lic_client_request_purchase_finish:
 *
 * Returns: (transfer full): the order, whose lines name their purchase requests, or %NULL
 *   with @error set
 */
LicOrder *
lic_client_request_purchase_finish (LicClient     *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return item_finish (self, result, lic_client_request_purchase_async, error);
}

/**
 * lic_client_list_purchase_requests_async:
 * @state: (nullable): "due", "late", "suspended" or "ordered"; %NULL for all
 * @cursor: (nullable): the @next_cursor of the page before, or %NULL for the first page
 * @limit: the page size, or 0 for the server's default
 *
 * Lists one page of the purchase requests of the administrator's schools, newest first.
 */
void
lic_client_list_purchase_requests_async (LicClient           *self,
                                         const char          *state,
                                         const char          *cursor,
                                         guint                limit,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GString) filters = g_string_new (NULL);

  g_return_if_fail (LIC_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  query_add (filters, "state", state);
  list_async (self, lic_client_list_purchase_requests_async, "/purchase-requests", filters->str,
              cursor, limit, LIC_TYPE_PURCHASE_REQUEST,
              (LicFromJsonFunc) lic_purchase_request_new_from_json, cancellable, callback,
              user_data);
}

/**
 * lic_client_list_purchase_requests_finish:
 * @next_cursor: (out) (optional) (transfer full) (nullable): the cursor of the next page, or
 *   %NULL on the last one
 *
 * Returns: (transfer full): a list model of #LicPurchaseRequest, or %NULL with @error set
 */
GListModel *
lic_client_list_purchase_requests_finish (LicClient     *self,
                                          GAsyncResult  *result,
                                          char         **next_cursor,
                                          GError       **error)
{
  g_return_val_if_fail (LIC_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result,
                                                  lic_client_list_purchase_requests_async),
                        NULL);

  return list_finish (result, next_cursor, error);
}

void
lic_client_get_purchase_request_async (LicClient           *self,
                                       gint64               request_id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (LIC_IS_CLIENT (self));
  g_return_if_fail (request_id > 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  path = g_strdup_printf ("/purchase-requests/%" G_GINT64_FORMAT, request_id);
  get_item_async (self, lic_client_get_purchase_request_async, path, LIC_TYPE_PURCHASE_REQUEST,
                  (LicFromJsonFunc) lic_purchase_request_new_from_json, cancellable, callback,
                  user_data);
}

/**
 * lic_client_get_purchase_request_finish:
 *
 * Returns: (transfer full): the request, or %NULL with @error set (%LIC_ERROR_NOT_FOUND for
 *   one outside the administrator's schools)
 */
LicPurchaseRequest *
lic_client_get_purchase_request_finish (LicClient     *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return item_finish (self, result, lic_client_get_purchase_request_async, error);
}

/* The object member @member of an answer, read by @from_json. */
static gpointer
member_from_json (JsonObject       *root,
                  const char       *member,
                  LicFromJsonFunc   from_json,
                  GError          **error)
{
  JsonObject *object = get_object_member (root, member, error);

  return object != NULL ? from_json (object, error) : NULL;
}

static gpointer
paid_request_from_json (JsonObject  *root,
                        GError     **error)
{
  return member_from_json (root, "purchase_request",
                           (LicFromJsonFunc) lic_purchase_request_new_from_json, error);
}

static gpointer
pool_from_json (JsonObject  *root,
                GError     **error)
{
  return member_from_json (root, "pool", (LicFromJsonFunc) lic_pool_new_from_json, error);
}

/**
 * lic_client_pay_purchase_request_async:
 * @idempotency_key: made once per attempt (8 to 200 characters) and sent again unchanged when
 *   it is repeated, so that the server makes one order of it
 * @expected_total: what the administrator confirmed paying (the request's #LicPurchaseRequest:price)
 *
 * Places the order that pays a purchase request: the users who lost access get it back.
 */
void
lic_client_pay_purchase_request_async (LicClient           *self,
                                       gint64               request_id,
                                       const char          *idempotency_key,
                                       gint64               expected_total,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (LIC_IS_CLIENT (self));
  g_return_if_fail (request_id > 0 && idempotency_key != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  builder = payment_body (NULL, idempotency_key, expected_total, 0);
  path = g_strdup_printf ("/purchase-requests/%" G_GINT64_FORMAT "/order", request_id);
  request_item_async (self, lic_client_pay_purchase_request_async, "POST", path, builder,
                      LIC_TYPE_PURCHASE_REQUEST, paid_request_from_json, FALSE, cancellable,
                      callback, user_data);
}

/**
 * lic_client_pay_purchase_request_finish:
 *
 * Returns: (transfer full): the request, now `ordered` with the order that paid it, or %NULL
 *   with @error set (%LIC_ERROR_CONFLICT if it was paid already or the price changed)
 */
LicPurchaseRequest *
lic_client_pay_purchase_request_finish (LicClient     *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return item_finish (self, result, lic_client_pay_purchase_request_async, error);
}

/**
 * lic_client_keep_async:
 * @user_id: a user on the pool's Payable list, who keeps access
 * @instead_of: a user of the pool not on it, whose license they take
 */
void
lic_client_keep_async (LicClient           *self,
                       gint64               pool_id,
                       gint64               user_id,
                       gint64               instead_of,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *path = NULL;

  g_return_if_fail (LIC_IS_CLIENT (self));
  g_return_if_fail (pool_id > 0 && user_id > 0 && instead_of > 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "user_id");
  json_builder_add_int_value (builder, user_id);
  json_builder_set_member_name (builder, "instead_of");
  json_builder_add_int_value (builder, instead_of);
  json_builder_end_object (builder);
  path = g_strdup_printf ("/pools/%" G_GINT64_FORMAT "/keep", pool_id);
  request_item_async (self, lic_client_keep_async, "POST", path, builder, LIC_TYPE_POOL,
                      pool_from_json, FALSE, cancellable, callback, user_data);
}

/**
 * lic_client_keep_finish:
 *
 * Returns: (transfer full): the pool afterwards, or %NULL with @error set
 */
LicPool *
lic_client_keep_finish (LicClient     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  return item_finish (self, result, lic_client_keep_async, error);
}

/**
 * lic_client_renew_async:
 * @quantity: licenses for the pool's next term (1 to 100000)
 * @idempotency_key: made once per attempt, as for paying
 * @expected_total: what the administrator confirmed paying
 *
 * Renews a pool for its next term; only inside its renewal period.
 */
void
lic_client_renew_async (LicClient           *self,
                        gint64               pool_id,
                        gint64               quantity,
                        const char          *idempotency_key,
                        gint64               expected_total,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (LIC_IS_CLIENT (self));
  g_return_if_fail (pool_id > 0 && quantity > 0 && idempotency_key != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  builder = payment_body (NULL, idempotency_key, expected_total, quantity);
  path = g_strdup_printf ("/pools/%" G_GINT64_FORMAT "/renewals", pool_id);
  request_item_async (self, lic_client_renew_async, "POST", path, builder, LIC_TYPE_POOL,
                      pool_from_json, FALSE, cancellable, callback, user_data);
}

/**
 * lic_client_renew_finish:
 *
 * Returns: (transfer full): the pool afterwards (its #LicPool:renewed raised), or %NULL with
 *   @error set (%LIC_ERROR_CONFLICT outside the renewal period)
 */
LicPool *
lic_client_renew_finish (LicClient     *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  return item_finish (self, result, lic_client_renew_async, error);
}

/**
 * lic_client_list_notices_async:
 *
 * Lists the notices of every pool of the administrator's schools, most urgent first, for the
 * top of the window.
 */
void
lic_client_list_notices_async (LicClient           *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (LIC_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  list_all_async (self, lic_client_list_notices_async, "/notices", NULL, LIC_TYPE_NOTICE,
                  (LicFromJsonFunc) lic_notice_new_from_json, cancellable, callback, user_data);
}

/**
 * lic_client_list_notices_finish:
 *
 * Returns: (transfer full): a list model of #LicNotice, each naming its pool, or %NULL with
 *   @error set
 */
GListModel *
lic_client_list_notices_finish (LicClient     *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return list_all_finish (self, result, lic_client_list_notices_async, error);
}
