/* test-server-events.c: GET /events, read as a client reads it, while deliveries happen.
 *
 * The server sends its keep-alive comments every second here (a hidden option), so that a
 * test can see one without waiting the 20 seconds of a normal start.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lic-server-test.h"

static LicTestServer *server;
static char *sundby;                /* organization admin of Sundby kommun */
static char *koivula;               /* organization admin of Koivulan kaupunki */

typedef struct
{
  SoupSession *session;
  SoupMessage *message;
  GInputStream *body;
  GDataInputStream *lines;
} EventStream;

/* One block of the stream, up to its blank line. */
typedef struct
{
  char *id;
  char *event;
  char *data;
  char *comment;
  char *retry;
} Event;

static void
event_stream_close (EventStream *stream)
{
  g_clear_object (&stream->lines);
  g_clear_object (&stream->body);
  g_clear_object (&stream->message);
  g_clear_object (&stream->session);
  g_free (stream);
}

static void
event_free (Event *event)
{
  g_free (event->id);
  g_free (event->event);
  g_free (event->data);
  g_free (event->comment);
  g_free (event->retry);
  g_free (event);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EventStream, event_stream_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Event, event_free)

/* Opens the caller's stream on a session of its own, which gives up on a read after half a
 * minute: a stream that never sends fails the test rather than hanging it. */
static EventStream *
event_stream_open (const char *token,
                   const char *last_event_id)
{
  EventStream *stream = g_new0 (EventStream, 1);
  g_autoptr(GError) error = NULL;

  stream->session = soup_session_new_with_options ("timeout", 30, NULL);
  stream->message = lic_message_new (server, "GET", "/api/v1/events", token);
  if (last_event_id != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (stream->message),
                                  "Last-Event-ID", last_event_id);
  stream->body = soup_session_send (stream->session, stream->message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (stream->message), ==, 200);
  g_assert_cmpstr (soup_message_headers_get_one (soup_message_get_response_headers (
                                                   stream->message), "Content-Type"), ==,
                   "text/event-stream");
  stream->lines = g_data_input_stream_new (stream->body);
  return stream;
}

/* Returns: (nullable): the next block, or %NULL when the stream has ended */
static Event *
event_stream_read (EventStream *stream)
{
  g_autoptr(Event) event = g_new0 (Event, 1);
  gboolean empty = TRUE;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *line = g_data_input_stream_read_line_utf8 (stream->lines, NULL, NULL,
                                                                  &error);
      char **field = NULL;
      const char *value;

      if (error != NULL)
        g_error ("Reading the event stream failed: %s", error->message);
      if (line == NULL)
        {
          g_assert_true (empty);
          return NULL;
        }
      if (line[0] == '\0')
        {
          if (empty)
            continue;
          return g_steal_pointer (&event);
        }

      empty = FALSE;
      if (line[0] == ':')
        {
          field = &event->comment;
          value = line + 1;
        }
      else
        {
          char *colon = strchr (line, ':');

          g_assert_nonnull (colon);
          *colon = '\0';
          value = colon + 1;
          if (g_str_equal (line, "id"))
            field = &event->id;
          else if (g_str_equal (line, "event"))
            field = &event->event;
          else if (g_str_equal (line, "data"))
            field = &event->data;
          else if (g_str_equal (line, "retry"))
            field = &event->retry;
          else
            g_error ("The event stream sent an unknown field “%s”", line);
        }
      g_assert_null (*field);
      *field = g_strdup (value[0] == ' ' ? value + 1 : value);
    }
}

/* The next notification of the stream, past comments and the rest. */
static Event *
next_notification (EventStream *stream)
{
  for (;;)
    {
      g_autoptr(Event) event = event_stream_read (stream);

      g_assert_nonnull (event);
      if (g_strcmp0 (event->event, "notification") == 0)
        {
          g_assert_nonnull (event->id);
          g_assert_nonnull (event->data);
          return g_steal_pointer (&event);
        }
    }
}

static JsonObject *
event_data (Event *event)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, event->data, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static JsonObject *
newest_notification (const char *token)
{
  g_autoptr(LicReply) reply = lic_get (server, token, "/api/v1/notifications?limit=1");
  JsonArray *items;

  lic_assert_reply (reply, 200, NULL);
  items = lic_reply_items (reply);
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  return json_object_ref (json_array_get_object_element (items, 0));
}

/* Buys @product for @school and has @key's supplier deliver it. */
static gint64
buy_and_deliver (const char *token,
                 const char *product,
                 const char *school,
                 const char *key)
{
  g_autoptr(JsonObject) order = lic_buy (server, token, product, school, 3);
  g_autofree char *path = g_strdup_printf ("/api/v1/supplier/orders/%" G_GINT64_FORMAT
                                           "/deliver", json_object_get_int_member (order, "id"));
  g_autoptr(LicReply) delivered = lic_send (lic_message_new (server, "POST", path, key));

  lic_assert_reply (delivered, 200, NULL);
  return json_object_get_int_member (lic_order_line (order, 0), "id");
}

static void
test_delivery_event (void)
{
  g_autoptr(EventStream) stream = event_stream_open (sundby, NULL);
  g_autoptr(Event) first = event_stream_read (stream);
  g_autoptr(Event) event = NULL;
  g_autoptr(JsonObject) data = NULL;
  g_autoptr(JsonObject) listed = NULL;
  gint64 line_id;

  /* A stream opens with its reconnection delay. */
  g_assert_nonnull (first->retry);

  line_id = buy_and_deliver (sundby, "Kemilabbet 3D", "Ekbackeskolan", "demo-key-nordlar");
  event = next_notification (stream);
  data = event_data (event);
  listed = newest_notification (sundby);
  g_assert_cmpint (json_object_get_int_member (data, "order_line_id"), ==, line_id);
  g_assert_true (json_object_equal (data, listed));
  g_assert_cmpint (g_ascii_strtoll (event->id, NULL, 10), ==,
                   json_object_get_int_member (listed, "id"));
}

static void
test_replay (void)
{
  g_autoptr(JsonObject) missed = newest_notification (sundby);
  gint64 id = json_object_get_int_member (missed, "id");
  g_autofree char *last_seen = g_strdup_printf ("%" G_GINT64_FORMAT, id - 1);
  g_autoptr(EventStream) stream = event_stream_open (sundby, last_seen);
  g_autoptr(Event) event = next_notification (stream);
  g_autoptr(JsonObject) data = event_data (event);
  g_autoptr(LicReply) bad = NULL;

  /* A client that comes back gets what it missed first. */
  g_assert_true (json_object_equal (data, missed));

  {
    g_autoptr(SoupMessage) message = lic_message_new (server, "GET", "/api/v1/events", sundby);

    soup_message_headers_replace (soup_message_get_request_headers (message), "Last-Event-ID",
                                  "yesterday");
    bad = lic_send (g_steal_pointer (&message));
  }
  lic_assert_reply (bad, 400, "invalid");
}

static void
test_keep_alive (void)
{
  g_autoptr(EventStream) stream = event_stream_open (sundby, NULL);

  for (;;)
    {
      g_autoptr(Event) event = event_stream_read (stream);

      g_assert_nonnull (event);
      if (g_strcmp0 (event->comment, "keep-alive") == 0)
        break;
    }
}

static void
test_own_notifications_only (void)
{
  g_autoptr(EventStream) stream = event_stream_open (koivula, NULL);
  g_autoptr(Event) event = NULL;
  g_autoptr(JsonObject) data = NULL;
  gint64 line_id;

  /* Ekbackeskolan's delivery first: Koivula's admin's first event is Koivula's own. */
  buy_and_deliver (sundby, "Kemilabbet 3D", "Solbergagymnasiet", "demo-key-nordlar");
  line_id = buy_and_deliver (koivula, "Ruotsia rennosti", "Koivulan yhtenäiskoulu",
                             "demo-key-kieliverkko");
  event = next_notification (stream);
  data = event_data (event);
  g_assert_cmpint (json_object_get_int_member (data, "order_line_id"), ==, line_id);
  g_assert_cmpstr (json_object_get_string_member (data, "school_name"), ==,
                   "Koivulan yhtenäiskoulu");
}

static void
test_other_process (void)
{
  g_autoptr(EventStream) stream = event_stream_open (sundby, NULL);
  g_autoptr(JsonObject) order = lic_buy (server, sundby, "History Atlas", "Ekbackeskolan", 2);
  g_autofree char *order_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                               json_object_get_int_member (order, "id"));
  const char *argv[] = {
    g_getenv ("LICENTIA_SERVER"), "--database", lic_test_server_get_database (server),
    "deliver", order_id, NULL,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE,
                                                      &error);
  g_autoptr(Event) event = NULL;
  g_autoptr(JsonObject) data = NULL;

  /* Delivered by the command line: the server learns of it from the database. */
  g_assert_no_error (error);
  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);
  event = next_notification (stream);
  data = event_data (event);
  g_assert_cmpint (json_object_get_int_member (data, "order_line_id"), ==,
                   json_object_get_int_member (lic_order_line (order, 0), "id"));
}

static void
test_client_goes_away (void)
{
  g_autoptr(EventStream) stream = NULL;
  g_autoptr(Event) event = NULL;

  /* Streams whose clients left are let go; the others go on. */
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(EventStream) gone = event_stream_open (sundby, NULL);
      g_autoptr(Event) first = event_stream_read (gone);
    }
  stream = event_stream_open (sundby, NULL);
  buy_and_deliver (sundby, "Bildrummet", "Ekbackeskolan", "demo-key-lumo");
  event = next_notification (stream);
  g_assert_nonnull (event);
}

static void
test_server_stops (void)
{
  g_autoptr(EventStream) stream = event_stream_open (sundby, NULL);
  g_autoptr(EventStream) other = event_stream_open (koivula, NULL);
  g_autoptr(Event) first = event_stream_read (stream);
  g_autoptr(LicReply) health = NULL;

  /* SIGTERM with streams open: the server ends them and exits, and they end cleanly. */
  lic_test_server_restart (server);
  for (;;)
    {
      g_autoptr(Event) event = event_stream_read (stream);

      if (event == NULL)
        break;
    }
  for (;;)
    {
      g_autoptr(Event) event = event_stream_read (other);

      if (event == NULL)
        break;
    }
  health = lic_get (server, NULL, "/api/v1/health");
  lic_assert_reply (health, 200, NULL);
}

int
main (int    argc,
      char **argv)
{
  const char *args[] = { "--demo", "--event-keep-alive", "1", NULL };
  int result;

  g_test_init (&argc, &argv, NULL);

  server = lic_test_server_start (args);
  sundby = lic_sign_in (server, "demo-admin", "demo-admin");
  koivula = lic_sign_in (server, "demo-fi", "demo-fi");

  g_test_add_func ("/server/events/delivery", test_delivery_event);
  g_test_add_func ("/server/events/replay", test_replay);
  g_test_add_func ("/server/events/keep-alive", test_keep_alive);
  g_test_add_func ("/server/events/own-notifications-only", test_own_notifications_only);
  g_test_add_func ("/server/events/other-process", test_other_process);
  g_test_add_func ("/server/events/client-goes-away", test_client_goes_away);
  g_test_add_func ("/server/events/server-stops", test_server_stops);
  result = g_test_run ();

  g_free (sundby);
  g_free (koivula);
  lic_test_server_stop (server);
  return result;
}
