/* lic-request.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "lic-i18n.h"
#include "lic-request.h"

#define CONTENT_TYPE "application/json; charset=utf-8"

struct _LicRequest
{
  struct MHD_Connection *connection;
  char *method;
  char *path;
  LicStore *store;
  LicEventHub *event_hub;

  GByteArray *body;
  gsize max_body;
  gboolean too_large;
  LicRouteMatch route;
  LicCaller *caller;
  gint64 supplier_id;
  JsonObject *json;
  const char *language;

  guint status;
  char *response;
  gsize response_length;            /* of a text answer; else the JSON's strlen */
  char *content_type;               /* of a text answer; NULL: JSON */
  char *disposition;
  char *allow;
  struct MHD_Response *stream;      /* instead of @response: a body made as it is sent */
};

/**
 * lic_request_new:
 * @max_body: the largest body the route of @method and @path takes
 * @store: (transfer none): the store, which outlives every request
 * @event_hub: (transfer none): the event hub, which outlives every request
 *
 * Starts a request on the first call of libmicrohttpd's access handler, when the headers are
 * in but none of the body.
 */
LicRequest *
lic_request_new (struct MHD_Connection *connection,
                 const char            *method,
                 const char            *path,
                 gsize                  max_body,
                 LicStore              *store,
                 LicEventHub           *event_hub)
{
  LicRequest *self = g_new0 (LicRequest, 1);
  const char *length = MHD_lookup_connection_value (connection, MHD_HEADER_KIND,
                                                    MHD_HTTP_HEADER_CONTENT_LENGTH);
  guint64 declared;

  self->connection = connection;
  self->method = g_strdup (method);
  self->path = g_strdup (path);
  self->store = store;
  self->event_hub = event_hub;
  self->body = g_byte_array_new ();
  self->max_body = max_body;

  /* Refuse at once what is announced too large; what is sent without a length is counted as
   * it arrives. */
  self->too_large = length != NULL
                    && g_ascii_string_to_unsigned (length, 10, 0, G_MAXUINT64, &declared, NULL)
                    && declared > max_body;
  return self;
}

void
lic_request_free (LicRequest *self)
{
  if (self == NULL)
    return;
  g_free (self->method);
  g_free (self->path);
  g_byte_array_unref (self->body);
  g_clear_pointer (&self->caller, lic_caller_free);
  g_clear_pointer (&self->json, json_object_unref);
  g_free (self->response);
  g_free (self->content_type);
  g_free (self->disposition);
  g_free (self->allow);
  g_clear_pointer (&self->stream, MHD_destroy_response);
  g_free (self);
}

const char *
lic_request_get_method (LicRequest *self)
{
  return self->method;
}

const char *
lic_request_get_path (LicRequest *self)
{
  return self->path;
}

/**
 * lic_request_append_body:
 *
 * Keeps the next piece of the body, unless the body has grown too large; then the rest is
 * read and dropped, so that the client reads the 413 rather than a reset connection.
 */
void
lic_request_append_body (LicRequest *self,
                         const char *data,
                         gsize       length)
{
  if (self->too_large)
    return;
  if (self->body->len + length > self->max_body)
    {
      self->too_large = TRUE;
      g_byte_array_set_size (self->body, 0);
      return;
    }
  g_byte_array_append (self->body, (const guint8 *) data, length);
}

void
lic_request_set_route (LicRequest          *self,
                       const LicRouteMatch *match)
{
  self->route = *match;
}

/**
 * lic_request_set_caller:
 * @caller: (transfer full): who sent the request
 */
void
lic_request_set_caller (LicRequest *self,
                        LicCaller  *caller)
{
  g_clear_pointer (&self->caller, lic_caller_free);
  self->caller = caller;
}

/* The supplier whose key a route with %LIC_ROUTE_SUPPLIER was called with. */
void
lic_request_set_supplier (LicRequest *self,
                          gint64      supplier_id)
{
  self->supplier_id = supplier_id;
}

static gboolean
is_json_media_type (const char *content_type)
{
  g_autofree char *media_type = g_strndup (content_type, strcspn (content_type, ";"));

  return g_ascii_strcasecmp (g_strstrip (media_type), "application/json") == 0;
}

/* text/csv, with no charset or UTF-8 (any other would need converting, which we do not). */
static gboolean
is_csv_media_type (const char *content_type)
{
  g_auto(GStrv) parts = g_strsplit (content_type, ";", -1);

  if (g_ascii_strcasecmp (g_strstrip (parts[0]), "text/csv") != 0)
    return FALSE;
  for (guint i = 1; parts[i] != NULL; i++)
    {
      char *parameter = g_strstrip (parts[i]);

      if (g_ascii_strncasecmp (parameter, "charset=", 8) == 0)
        {
          const char *charset = parameter + 8;

          if (g_ascii_strcasecmp (charset, "utf-8") != 0
              && g_ascii_strcasecmp (charset, "\"utf-8\"") != 0)
            return FALSE;
        }
    }
  return TRUE;
}

/**
 * lic_request_read_body:
 *
 * Checks the size of the body and, for a route that takes JSON, its type and that it is one
 * JSON object, which lic_request_get_body() then gives.
 */
gboolean
lic_request_read_body (LicRequest  *self,
                       GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *content_type;
  JsonNode *root;

  if (self->too_large)
    {
      g_set_error (error, LIC_ERROR, LIC_ERROR_TOO_LARGE,
                   /* TRANSLATORS: the most bytes a body may have, then the same in MiB */
                   _("The body is larger than the %" PRIu64 " bytes (%" PRIu64 " MiB) a "
                     "request to this path may send."),
                   (guint64) self->max_body, (guint64) self->max_body / (1024 * 1024));
      return FALSE;
    }

  content_type = MHD_lookup_connection_value (self->connection, MHD_HEADER_KIND,
                                              MHD_HTTP_HEADER_CONTENT_TYPE);
  if (self->route.flags & LIC_ROUTE_CSV_BODY)
    {
      if (content_type == NULL || !is_csv_media_type (content_type))
        {
          if (content_type != NULL)
            /* TRANSLATORS: %s is the Content-Type the request has, such as text/plain */
            g_set_error (error, LIC_ERROR, LIC_ERROR_UNSUPPORTED_MEDIA_TYPE,
                         _("The body must be CSV in UTF-8, sent as “Content-Type: text/csv”, "
                           "not %s."), content_type);
          else
            g_set_error_literal (error, LIC_ERROR, LIC_ERROR_UNSUPPORTED_MEDIA_TYPE,
                                 _("The body must be CSV in UTF-8, sent as “Content-Type: "
                                   "text/csv”; it has no type."));
          return FALSE;
        }
      return TRUE;
    }
  if (!(self->route.flags & LIC_ROUTE_JSON_BODY))
    return TRUE;

  if ((content_type != NULL || self->body->len > 0)
      && (content_type == NULL || !is_json_media_type (content_type)))
    {
      if (content_type != NULL)
        /* TRANSLATORS: %s is the Content-Type the request has, such as text/plain */
        g_set_error (error, LIC_ERROR, LIC_ERROR_UNSUPPORTED_MEDIA_TYPE,
                     _("The body must be JSON, sent as “Content-Type: application/json”, not "
                       "%s."), content_type);
      else
        g_set_error_literal (error, LIC_ERROR, LIC_ERROR_UNSUPPORTED_MEDIA_TYPE,
                             _("The body must be JSON, sent as “Content-Type: "
                               "application/json”; it has no type."));
      return FALSE;
    }

  /* Not lic_json_parse_object(): its errors are the app's, in English, and these are the
   * reader's. An empty GByteArray has no data at all; the parser wants a string, if an empty
   * one. */
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser,
                                   self->body->len > 0 ? (const char *) self->body->data : "",
                                   self->body->len, &local_error))
    {
      /* TRANSLATORS: %s is what the JSON parser found wrong, such as "<data>:1:5: Parse error:
       * unexpected character" */
      g_set_error (error, LIC_ERROR, LIC_ERROR_PARSE, _("Malformed JSON: %s"),
                   local_error->message);
      return FALSE;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, LIC_ERROR, LIC_ERROR_PARSE, _("Expected a JSON object"));
      return FALSE;
    }
  self->json = json_object_ref (json_node_get_object (root));
  return TRUE;
}

LicStore *
lic_request_get_store (LicRequest *self)
{
  return self->store;
}

/**
 * lic_request_get_supplier:
 *
 * Returns: the supplier whose key a route with %LIC_ROUTE_SUPPLIER was called with
 */
gint64
lic_request_get_supplier (LicRequest *self)
{
  return self->supplier_id;
}

/**
 * lic_request_get_header:
 *
 * Returns: (nullable): the value of the request header @name
 */
const char *
lic_request_get_header (LicRequest *self,
                        const char *name)
{
  return MHD_lookup_connection_value (self->connection, MHD_HEADER_KIND, name);
}

/**
 * lic_request_get_caller:
 *
 * Returns: (transfer none): who sent the request; never %NULL in a route that needs a token
 */
const LicCaller *
lic_request_get_caller (LicRequest *self)
{
  return self->caller;
}

/**
 * lic_request_get_id:
 * @index: which `{id}` of the route's pattern, counted from 0
 */
gint64
lic_request_get_id (LicRequest *self,
                    guint       index)
{
  g_return_val_if_fail (index < LIC_ROUTE_MAX_IDS, 0);

  return self->route.ids[index];
}

/**
 * lic_request_get_query:
 *
 * Returns: (nullable): the value of the query parameter @name, decoded; %NULL when it is
 *   missing or empty, which means the same thing
 */
const char *
lic_request_get_query (LicRequest *self,
                       const char *name)
{
  const char *value = MHD_lookup_connection_value (self->connection, MHD_GET_ARGUMENT_KIND, name);

  return value != NULL && value[0] != '\0' ? value : NULL;
}

/**
 * lic_request_get_body:
 *
 * Returns: (transfer none): the JSON object of a route with %LIC_ROUTE_JSON_BODY
 */
JsonObject *
lic_request_get_body (LicRequest *self)
{
  return self->json;
}

/**
 * lic_request_get_raw_body:
 * @length: (out): its length in bytes
 *
 * Returns: (transfer none): the body as sent, not NUL-terminated; "" when there is none
 */
const char *
lic_request_get_raw_body (LicRequest *self,
                          gsize      *length)
{
  *length = self->body->len;
  return self->body->len > 0 ? (const char *) self->body->data : "";
}

/* The language of the highest weight in @header that the server writes, else English. */
static const char *
pick_language (const char *header)
{
  static const char * const supported[] = { "en", "sv", "fi" };
  g_auto(GStrv) ranges = g_strsplit (header, ",", -1);
  const char *best = "en";
  double best_weight = 0.0;

  for (guint i = 0; ranges[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (ranges[i], ";", -1);
      char *tag = g_strstrip (parts[0]);
      double weight = 1.0;

      for (guint p = 1; parts[p] != NULL; p++)
        {
          char *parameter = g_strstrip (parts[p]);

          if (g_ascii_strncasecmp (parameter, "q=", 2) == 0)
            weight = g_ascii_strtod (parameter + 2, NULL);
        }
      for (guint s = 0; s < G_N_ELEMENTS (supported); s++)
        {
          gsize length = strlen (supported[s]);

          /* "sv" and "sv-FI" are both Swedish. */
          if (g_ascii_strncasecmp (tag, supported[s], length) == 0
              && (tag[length] == '\0' || tag[length] == '-')
              && weight > best_weight)
            {
              best = supported[s];
              best_weight = weight;
            }
        }
    }
  return best;
}

/**
 * lic_request_get_language:
 *
 * Returns: "sv", "fi" or "en": the language of Accept-Language to write texts in
 */
const char *
lic_request_get_language (LicRequest *self)
{
  if (self->language == NULL)
    {
      const char *header = MHD_lookup_connection_value (self->connection, MHD_HEADER_KIND,
                                                        MHD_HTTP_HEADER_ACCEPT_LANGUAGE);

      self->language = header != NULL ? pick_language (header) : "en";
    }
  return self->language;
}

/**
 * lic_request_get_token:
 *
 * Returns: (nullable): the bearer token of the Authorization header
 */
const char *
lic_request_get_token (LicRequest *self)
{
  const char *value = MHD_lookup_connection_value (self->connection, MHD_HEADER_KIND,
                                                   MHD_HTTP_HEADER_AUTHORIZATION);

  if (value == NULL || g_ascii_strncasecmp (value, "Bearer ", 7) != 0)
    return NULL;
  value += 7;
  while (*value == ' ')
    value++;
  return value[0] != '\0' ? value : NULL;
}

/**
 * lic_request_respond:
 * @builder: the complete JSON body
 */
void
lic_request_respond (LicRequest  *self,
                     guint        status,
                     JsonBuilder *builder)
{
  self->status = status;
  g_free (self->response);
  self->response = lic_json_to_string (builder);
  g_clear_pointer (&self->content_type, g_free);
}

/**
 * lic_request_respond_node:
 * @root: (transfer none): the complete JSON body
 */
void
lic_request_respond_node (LicRequest *self,
                          guint       status,
                          JsonNode   *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, root);
  self->status = status;
  g_free (self->response);
  self->response = json_generator_to_data (generator, NULL);
  g_clear_pointer (&self->content_type, g_free);
}

void
lic_request_respond_empty (LicRequest *self,
                           guint       status)
{
  self->status = status;
  g_free (self->response);
  self->response = g_strdup ("");
  g_clear_pointer (&self->content_type, g_free);
}

/**
 * lic_request_respond_text:
 * @content_type: the media type of @body
 * @disposition: (nullable): a Content-Disposition header
 * @body: (transfer full): the complete body
 */
void
lic_request_respond_text (LicRequest *self,
                          guint       status,
                          const char *content_type,
                          const char *disposition,
                          GString    *body)
{
  self->status = status;
  g_free (self->response);
  self->response_length = body->len;
  self->response = g_string_free (body, FALSE);
  g_free (self->content_type);
  self->content_type = g_strdup (content_type);
  g_free (self->disposition);
  self->disposition = g_strdup (disposition);
}

/**
 * lic_request_respond_events:
 * @last_event_id: the last event the caller has seen, or -1 for none
 *
 * Answers with the caller's stream of Server-Sent Events, which stays open.
 */
void
lic_request_respond_events (LicRequest *self,
                            gint64      last_event_id)
{
  g_return_if_fail (self->caller != NULL && self->stream == NULL);

  self->stream = lic_event_hub_open_stream (self->event_hub, self->connection,
                                            lic_user_get_id (self->caller->user),
                                            lic_request_get_language (self), last_event_id);
  self->status = MHD_HTTP_OK;
}

/**
 * lic_request_respond_error:
 * @allow: (nullable): the methods the path takes, for a 405
 *
 * Answers with the LicError of @error as `{"error": {"code", "message"}}`. Server errors are
 * logged; the client gets a sentence without our internals.
 */
void
lic_request_respond_error (LicRequest   *self,
                           const GError *error,
                           const char   *allow)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  LicError code = LIC_ERROR_SERVER;
  const char *message = _("The server failed to answer; its log says why.");

  if (error->domain == LIC_ERROR && error->code != LIC_ERROR_SERVER
      && error->code != LIC_ERROR_NETWORK)
    {
      code = error->code;
      message = error->message;
    }
  else
    g_warning ("%s %s failed: %s", self->method, self->path, error->message);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  lic_json_add_enum (builder, "code", LIC_TYPE_ERROR, code);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  lic_request_respond (self, lic_error_to_http_status (code), builder);
  g_free (self->allow);
  self->allow = g_strdup (allow);
}

/**
 * lic_request_queue_response:
 *
 * Hands the answer to libmicrohttpd. Called once the whole body has been read: queued any
 * earlier, libmicrohttpd 0.9.75 closes the connection instead of keeping it alive.
 */
enum MHD_Result
lic_request_queue_response (LicRequest *self)
{
  struct MHD_Response *response;
  gsize length;
  enum MHD_Result result;

  if (self->stream != NULL)
    return MHD_queue_response (self->connection, self->status, self->stream);
  g_return_val_if_fail (self->response != NULL, MHD_NO);

  length = self->content_type != NULL ? self->response_length : strlen (self->response);
  response = MHD_create_response_from_buffer_with_free_callback (length,
                                                                 g_steal_pointer (&self->response),
                                                                 g_free);
  MHD_add_response_header (response, MHD_HTTP_HEADER_CONTENT_TYPE,
                           self->content_type != NULL ? self->content_type : CONTENT_TYPE);
  if (self->disposition != NULL)
    MHD_add_response_header (response, MHD_HTTP_HEADER_CONTENT_DISPOSITION, self->disposition);
  /* Answers hold tokens and personal data: no cache along the way may keep them. */
  MHD_add_response_header (response, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
  if (self->allow != NULL)
    MHD_add_response_header (response, MHD_HTTP_HEADER_ALLOW, self->allow);

  result = MHD_queue_response (self->connection, self->status, response);
  MHD_destroy_response (response);
  return result;
}
