/* lic-event-hub.c
 *
 * Each GET /events is a response whose body libmicrohttpd asks of read_stream() as it can send
 * it. When a stream has nothing to send, read_stream() suspends its connection and returns
 * nothing: no worker thread waits on an idle stream, and none spins. A stream is woken
 * (its connection resumed) when there may be something for it:
 *
 * - a notification was committed in this process (lic_event_hub_publish(), which the store's
 *   ::notified signal calls at once);
 * - the hub's thread saw the highest notification id grow, which catches what other
 *   processes committed (the command line's `deliver`, or other servers on one database);
 * - a keep-alive comment is due;
 * - the hub closes, when the server stops: every stream then ends.
 *
 * One lock guards the list of streams and each stream's flags, and a connection is suspended
 * and resumed only under it, so a wake-up can never slip in between a stream's last look and
 * its suspension; libmicrohttpd allows resuming only what was suspended, which the
 * `suspended` flag ensures. A woken stream reads the notifications after the last id it sent,
 * on the worker thread that sends them. libmicrohttpd does not watch suspended connections, so
 * a client that leaves an idle stream is noticed at the next keep-alive, whose write fails.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "lic-event-hub.h"
#include "lic-i18n.h"

/* How often the hub looks for notifications committed by other processes. */
#define POLL_INTERVAL_S 2

/* How long closing waits for the streams to send their last bytes. */
#define DRAIN_TIMEOUT_S 2

/* Bytes libmicrohttpd asks for at a time. */
#define BLOCK_SIZE 4096

/* The first bytes of every stream: they tell an EventSource how long to wait before it
 * reconnects, and send the headers at once. */
#define STREAM_START "retry: 3000\n\n"

typedef struct
{
  LicEventHub *hub;
  struct MHD_Connection *connection;
  gint64 user_id;
  const char *language;             /* of the notifications' texts: "en", "sv" or "fi" */

  /* Only the worker sending the stream touches these. */
  gint64 last_id;                   /* the last notification sent */
  GString *pending;                 /* what is to be sent */
  gsize sent;                       /* of @pending */

  /* Under the hub's lock. */
  gboolean check;                   /* there may be notifications after @last_id */
  gboolean keep_alive_due;
  gboolean suspended;
} Stream;

struct _LicEventHub
{
  GObject parent_instance;

  LicStore *store;
  guint keep_alive_s;
  GThread *thread;

  GMutex lock;
  GCond wake_thread;
  GCond stream_ended;
  GPtrArray *streams;               /* Stream */
  gboolean closed;
};

G_DEFINE_FINAL_TYPE (LicEventHub, lic_event_hub, G_TYPE_OBJECT)

/* Resumes @stream if it is suspended; the caller holds the lock. */
static void
wake (Stream *stream)
{
  if (stream->suspended)
    {
      stream->suspended = FALSE;
      MHD_resume_connection (stream->connection);
    }
}

/* Appends the caller's notifications after the last one sent to what is to be sent. */
static gboolean
add_notifications (Stream *stream)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notifications = NULL;

  notifications = lic_store_notifications_after (stream->hub->store, stream->user_id,
                                                 stream->last_id, &error);
  if (notifications == NULL)
    {
      g_warning ("An event stream could not read notifications: %s", error->message);
      return FALSE;
    }
  for (guint i = 0; i < notifications->len; i++)
    {
      LicNotification *notification = g_ptr_array_index (notifications, i);
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autofree char *data = NULL;
      locale_t previous = lic_i18n_push (stream->language);

      lic_notification_to_json (notification, builder);
      lic_i18n_pop (previous);
      data = lic_json_to_string (builder);
      g_string_append_printf (stream->pending,
                              "id: %" G_GINT64_FORMAT "\nevent: notification\ndata: %s\n\n",
                              notification->id, data);
      stream->last_id = notification->id;
    }
  return TRUE;
}

/* libmicrohttpd's content reader: called on a worker thread whenever the connection can take
 * more of the body. */
static ssize_t
read_stream (void     *cls,
             uint64_t  pos,
             char     *buffer,
             size_t    max)
{
  Stream *stream = cls;
  LicEventHub *hub = stream->hub;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&hub->lock);

  for (;;)
    {
      if (stream->sent < stream->pending->len)
        {
          gsize n = MIN (max, stream->pending->len - stream->sent);

          memcpy (buffer, stream->pending->str + stream->sent, n);
          stream->sent += n;
          if (stream->sent == stream->pending->len)
            {
              g_string_truncate (stream->pending, 0);
              stream->sent = 0;
            }
          return (ssize_t) n;
        }
      if (hub->closed)
        return MHD_CONTENT_READER_END_OF_STREAM;
      if (stream->check)
        {
          gboolean ok;

          /* Not under the lock: the store may take a while, and wake-ups that come meanwhile
           * set @check again. */
          stream->check = FALSE;
          g_mutex_unlock (&hub->lock);
          ok = add_notifications (stream);
          g_mutex_lock (&hub->lock);
          if (!ok)
            return MHD_CONTENT_READER_END_WITH_ERROR;
          continue;
        }
      if (stream->keep_alive_due)
        {
          stream->keep_alive_due = FALSE;
          g_string_append (stream->pending, ": keep-alive\n\n");
          continue;
        }

      stream->suspended = TRUE;
      MHD_suspend_connection (stream->connection);
      return 0;
    }
}

/* Called when libmicrohttpd drops the response: the client went away, or the server stops. */
static void
free_stream (void *cls)
{
  Stream *stream = cls;
  LicEventHub *hub = stream->hub;

  g_mutex_lock (&hub->lock);
  g_ptr_array_remove_fast (hub->streams, stream);
  g_cond_signal (&hub->stream_ended);
  g_mutex_unlock (&hub->lock);

  g_string_free (stream->pending, TRUE);
  g_free (stream);
}

/* Sets a flag of every stream and wakes it; the caller holds the lock. */
static void
wake_all (LicEventHub *self,
          gboolean     check,
          gboolean     keep_alive)
{
  for (guint i = 0; i < self->streams->len; i++)
    {
      Stream *stream = g_ptr_array_index (self->streams, i);

      stream->check |= check;
      stream->keep_alive_due |= keep_alive;
      wake (stream);
    }
}

static gpointer
run (gpointer data)
{
  LicEventHub *self = data;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  gint64 now = g_get_monotonic_time ();
  gint64 next_poll = now + POLL_INTERVAL_S * G_USEC_PER_SEC;
  gint64 next_keep_alive = now + self->keep_alive_s * G_USEC_PER_SEC;
  gint64 last_seen = -1;

  while (!self->closed)
    {
      g_cond_wait_until (&self->wake_thread, &self->lock, MIN (next_poll, next_keep_alive));
      now = g_get_monotonic_time ();
      if (self->closed)
        break;

      if (now >= next_poll)
        {
          next_poll = now + POLL_INTERVAL_S * G_USEC_PER_SEC;
          if (self->streams->len > 0)
            {
              g_autoptr(GError) error = NULL;
              gint64 last_id = 0;
              gboolean ok;

              g_mutex_unlock (&self->lock);
              ok = lic_store_last_notification (self->store, &last_id, &error);
              g_mutex_lock (&self->lock);
              if (!ok)
                g_warning ("The event hub could not look for notifications: %s",
                           error->message);
              else if (last_id != last_seen)
                {
                  last_seen = last_id;
                  wake_all (self, TRUE, FALSE);
                }
            }
        }
      if (now >= next_keep_alive)
        {
          next_keep_alive = now + self->keep_alive_s * G_USEC_PER_SEC;
          wake_all (self, FALSE, TRUE);
        }
    }
  return NULL;
}

static void
on_notified (LicStore    *store,
             LicEventHub *self)
{
  lic_event_hub_publish (self);
}

static void
lic_event_hub_finalize (GObject *object)
{
  LicEventHub *self = LIC_EVENT_HUB (object);

  lic_event_hub_close (self);
  /* libmicrohttpd has dropped every stream by now: the server stops it before. */
  g_assert (self->streams->len == 0);
  g_ptr_array_unref (self->streams);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->wake_thread);
  g_cond_clear (&self->stream_ended);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (lic_event_hub_parent_class)->finalize (object);
}

static void
lic_event_hub_class_init (LicEventHubClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lic_event_hub_finalize;
}

static void
lic_event_hub_init (LicEventHub *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->wake_thread);
  g_cond_init (&self->stream_ended);
  self->streams = g_ptr_array_new ();
}

/**
 * lic_event_hub_new:
 * @keep_alive_seconds: how often an idle stream sends a comment, so that proxies and clients
 *   know it is alive
 *
 * Returns: (transfer full): a hub whose streams wake when @store commits notifications
 */
LicEventHub *
lic_event_hub_new (LicStore *store,
                   guint     keep_alive_seconds)
{
  LicEventHub *self;

  g_return_val_if_fail (LIC_IS_STORE (store), NULL);
  g_return_val_if_fail (keep_alive_seconds > 0, NULL);

  self = g_object_new (LIC_TYPE_EVENT_HUB, NULL);
  self->store = g_object_ref (store);
  self->keep_alive_s = keep_alive_seconds;
  g_signal_connect_object (store, "notified", G_CALLBACK (on_notified), self, 0);
  self->thread = g_thread_new ("event-hub", run, self);
  return self;
}

/**
 * lic_event_hub_open_stream:
 * @connection: the connection of the request, which the stream suspends and resumes
 * @user_id: whose notifications to send
 * @language: the language of Accept-Language, lic_request_get_language()'s
 * @last_event_id: the stream sends the notifications after this one
 *
 * Returns: (transfer full): the response of GET /events; queue it for @connection with status
 *   200. A hub that is closed gives a stream that ends at once.
 */
struct MHD_Response *
lic_event_hub_open_stream (LicEventHub           *self,
                           struct MHD_Connection *connection,
                           gint64                 user_id,
                           const char            *language,
                           gint64                 last_event_id)
{
  Stream *stream;
  struct MHD_Response *response;

  g_return_val_if_fail (LIC_IS_EVENT_HUB (self), NULL);
  g_return_val_if_fail (connection != NULL, NULL);

  stream = g_new0 (Stream, 1);
  stream->hub = self;
  stream->connection = connection;
  stream->user_id = user_id;
  stream->language = lic_i18n_language (language);
  stream->last_id = last_event_id;
  stream->pending = g_string_new (STREAM_START);
  stream->check = TRUE;

  g_mutex_lock (&self->lock);
  g_ptr_array_add (self->streams, stream);
  g_mutex_unlock (&self->lock);

  response = MHD_create_response_from_callback (MHD_SIZE_UNKNOWN, BLOCK_SIZE, read_stream,
                                                stream, free_stream);
  MHD_add_response_header (response, MHD_HTTP_HEADER_CONTENT_TYPE, "text/event-stream");
  MHD_add_response_header (response, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
  /* Proxies such as nginx would otherwise hold events back to fill a buffer. */
  MHD_add_response_header (response, "X-Accel-Buffering", "no");
  return response;
}

/**
 * lic_event_hub_publish:
 *
 * Wakes every stream to look for new notifications of its caller. Any thread may call it.
 */
void
lic_event_hub_publish (LicEventHub *self)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_if_fail (LIC_IS_EVENT_HUB (self));

  locker = g_mutex_locker_new (&self->lock);
  wake_all (self, TRUE, FALSE);
}

/**
 * lic_event_hub_close:
 *
 * Ends every stream, now and to come, and stops the hub's thread. The streams end as their
 * workers send their last bytes, which libmicrohttpd must still be running to do: close the
 * hub before stopping it. Waits a little for that, so that clients see their streams end
 * rather than break off; libmicrohttpd ends the rest when it stops, as none is suspended.
 */
void
lic_event_hub_close (LicEventHub *self)
{
  gint64 deadline = g_get_monotonic_time () + DRAIN_TIMEOUT_S * G_USEC_PER_SEC;

  g_return_if_fail (LIC_IS_EVENT_HUB (self));

  g_mutex_lock (&self->lock);
  self->closed = TRUE;
  wake_all (self, FALSE, FALSE);
  g_cond_signal (&self->wake_thread);
  while (self->streams->len > 0
         && g_cond_wait_until (&self->stream_ended, &self->lock, deadline))
    ;
  g_mutex_unlock (&self->lock);

  g_clear_pointer (&self->thread, g_thread_join);
}
