/* lic-server.c
 *
 * libmicrohttpd runs the requests on a pool of worker threads, each with its own epoll set.
 * A request is read whole, then answered in one go on the worker that read it: route, session
 * or supplier key, body, handler. Handlers are short and synchronous; the store gives each
 * worker its own SQLite connection. The one answer that is not made in one go, the stream of
 * GET /events, is the event hub's: it suspends its connection while it has nothing to send.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <microhttpd.h>

#include "lic-i18n.h"
#include "lic-password.h"
#include "lic-request.h"
#include "lic-routes.h"
#include "lic-server.h"

/* Idle keep-alive connections are closed after this long. */
#define CONNECTION_TIMEOUT_S 60

struct _LicServer
{
  GObject parent_instance;

  LicStore *store;
  LicRouter *router;
  LicEventHub *event_hub;
  struct MHD_Daemon *daemon;
  char *tls_certificate;
  char *tls_key;
  guint16 port;
  gsize csv_body_limit;
};

G_DEFINE_FINAL_TYPE (LicServer, lic_server, G_TYPE_OBJECT)

static gboolean
authenticate (LicServer   *self,
              LicRequest  *request,
              GError     **error)
{
  const char *token = lic_request_get_token (request);
  g_autofree char *token_hash = NULL;
  g_autoptr(GError) local_error = NULL;
  LicCaller *caller;

  if (token == NULL)
    {
      g_set_error_literal (error, LIC_ERROR, LIC_ERROR_UNAUTHORIZED,
                           _("Sign in first: the request has no session token."));
      return FALSE;
    }

  token_hash = lic_token_hash (token);
  caller = lic_store_lookup_session (self->store, token_hash, g_get_real_time () / G_USEC_PER_SEC,
                                     &local_error);
  if (caller == NULL)
    {
      if (g_error_matches (local_error, LIC_ERROR, LIC_ERROR_UNAUTHORIZED))
        g_set_error_literal (error, LIC_ERROR, LIC_ERROR_UNAUTHORIZED,
                             _("The session has ended or the token is not valid; sign in "
                               "again."));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  lic_request_set_caller (request, caller);
  return TRUE;
}

/* Routes of suppliers take a supplier key where others take a session token. */
static gboolean
authenticate_supplier (LicServer   *self,
                       LicRequest  *request,
                       GError     **error)
{
  const char *key = lic_request_get_token (request);
  g_autofree char *key_hash = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 supplier_id;

  if (key == NULL)
    {
      g_set_error_literal (error, LIC_ERROR, LIC_ERROR_UNAUTHORIZED,
                           _("Send your supplier key: the request has none."));
      return FALSE;
    }

  key_hash = lic_token_hash (key);
  supplier_id = lic_store_find_supplier (self->store, key_hash, &local_error);
  if (supplier_id == 0)
    {
      if (g_error_matches (local_error, LIC_ERROR, LIC_ERROR_UNAUTHORIZED))
        g_set_error_literal (error, LIC_ERROR, LIC_ERROR_UNAUTHORIZED,
                             _("This is not a supplier key; check the key you were given."));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  lic_request_set_supplier (request, supplier_id);
  return TRUE;
}

static void
dispatch (LicServer  *self,
          LicRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *allow = NULL;
  LicRouteMatch match;

  if (!lic_router_match (self->router, lic_request_get_method (request),
                         lic_request_get_path (request), &match, &allow, &error))
    {
      lic_request_respond_error (request, error, allow);
      return;
    }
  lic_request_set_route (request, &match);

  if ((match.flags & LIC_ROUTE_SUPPLIER ? !authenticate_supplier (self, request, &error)
       : !(match.flags & LIC_ROUTE_PUBLIC) && !authenticate (self, request, &error))
      || !lic_request_read_body (request, &error)
      || !match.handler (request, &error))
    lic_request_respond_error (request, error, NULL);
}

/* The largest body the route of @method and @path takes: a CSV route more than JSON. */
static gsize
body_limit (LicServer  *self,
            const char *method,
            const char *path)
{
  g_autofree char *allow = NULL;
  LicRouteMatch match;

  if (lic_router_match (self->router, method, path, &match, &allow, NULL)
      && (match.flags & LIC_ROUTE_CSV_BODY))
    return self->csv_body_limit;
  return LIC_REQUEST_MAX_BODY;
}

static enum MHD_Result
on_access (void                  *cls,
           struct MHD_Connection *connection,
           const char            *url,
           const char            *method,
           const char            *version,
           const char            *upload_data,
           size_t                *upload_data_size,
           void                 **request_data)
{
  LicServer *self = cls;
  LicRequest *request = *request_data;
  locale_t previous;

  if (request == NULL)
    {
      *request_data = lic_request_new (connection, method, url, body_limit (self, method, url),
                                       self->store, self->event_hub);
      return MHD_YES;
    }
  if (*upload_data_size > 0)
    {
      lic_request_append_body (request, upload_data, *upload_data_size);
      *upload_data_size = 0;
      return MHD_YES;
    }

  /* Error messages, and the texts of the answer, in the language of Accept-Language: on this
   * thread alone, which answers other requests in other languages afterwards. */
  previous = lic_i18n_push (lic_request_get_language (request));
  dispatch (self, request);
  lic_i18n_pop (previous);
  return lic_request_queue_response (request);
}

static void
on_completed (void                            *cls,
              struct MHD_Connection           *connection,
              void                           **request_data,
              enum MHD_RequestTerminationCode  code)
{
  g_clear_pointer ((LicRequest **) request_data, lic_request_free);
}

/* libmicrohttpd's own messages (a client that went away, a full backlog) are news, not
 * failures of ours. */
G_GNUC_PRINTF (2, 0)
static void
on_log (void       *cls,
        const char *format,
        va_list     args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  g_message ("libmicrohttpd: %s", g_strchomp (message));
}

static void
lic_server_finalize (GObject *object)
{
  LicServer *self = LIC_SERVER (object);

  lic_server_stop (self);
  g_clear_pointer (&self->router, lic_router_free);
  g_free (self->tls_certificate);
  g_free (self->tls_key);
  g_clear_object (&self->event_hub);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (lic_server_parent_class)->finalize (object);
}

static void
lic_server_class_init (LicServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lic_server_finalize;
}

static void
lic_server_init (LicServer *self)
{
  self->router = lic_router_new ();
  self->csv_body_limit = LIC_REQUEST_MAX_CSV_BODY;
}

/**
 * lic_server_new:
 * @test_clock: whether to offer POST /test/clock, which moves the server's time
 * @keep_alive_seconds: how often an idle event stream sends a comment
 *
 * Returns: (transfer full): a server answering the routes of docs/api.md from @store
 */
LicServer *
lic_server_new (LicStore *store,
                gboolean  test_clock,
                guint     keep_alive_seconds)
{
  LicServer *self;

  g_return_val_if_fail (LIC_IS_STORE (store), NULL);

  self = g_object_new (LIC_TYPE_SERVER, NULL);
  self->store = g_object_ref (store);
  self->event_hub = lic_event_hub_new (store, keep_alive_seconds);
  lic_routes_install (self->router, test_clock);
  return self;
}

/**
 * lic_server_set_tls:
 * @certificate: (nullable): the certificate (chain) in PEM
 * @key: (nullable): its private key in PEM, unencrypted
 *
 * Makes lic_server_start() serve HTTPS alone, with @certificate; both %NULL, plain HTTP.
 */
void
lic_server_set_tls (LicServer  *self,
                    const char *certificate,
                    const char *key)
{
  g_return_if_fail (LIC_IS_SERVER (self));
  g_return_if_fail (self->daemon == NULL);
  g_return_if_fail ((certificate == NULL) == (key == NULL));

  g_free (self->tls_certificate);
  self->tls_certificate = g_strdup (certificate);
  g_free (self->tls_key);
  self->tls_key = g_strdup (key);
}

/**
 * lic_server_start:
 * @address: a numeric IPv4 or IPv6 address
 * @port: the port, or 0 for any free one (lic_server_get_port() then tells which)
 * @threads: how many requests may run at once
 *
 * Starts listening; requests are answered on libmicrohttpd's threads until lic_server_stop().
 */
gboolean
lic_server_start (LicServer   *self,
                  const char  *address,
                  guint16      port,
                  guint        threads,
                  GError     **error)
{
  g_autoptr(GInetAddress) inet_address = NULL;
  g_autoptr(GSocketAddress) socket_address = NULL;
  struct sockaddr_storage native;
  /* Suspending lets an idle event stream wait without holding a worker. */
  unsigned int flags = MHD_USE_EPOLL | MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG
                       | MHD_ALLOW_SUSPEND_RESUME;
  /* The TLS options are there or not, so they go in an array, empty for plain HTTP. */
  struct MHD_OptionItem tls_options[3] = { { MHD_OPTION_END, 0, NULL } };
  const union MHD_DaemonInfo *info;

  g_return_val_if_fail (LIC_IS_SERVER (self), FALSE);
  g_return_val_if_fail (self->daemon == NULL, FALSE);
  g_return_val_if_fail (address != NULL && threads > 0, FALSE);

  inet_address = g_inet_address_new_from_string (address);
  if (inet_address == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“%s” is not an IP address", address);
      return FALSE;
    }
  socket_address = g_inet_socket_address_new (inet_address, port);
  if (!g_socket_address_to_native (socket_address, &native, sizeof native, error))
    return FALSE;
  if (g_inet_address_get_family (inet_address) == G_SOCKET_FAMILY_IPV6)
    flags |= MHD_USE_IPv6;
  if (self->tls_certificate != NULL)
    {
      if (MHD_is_feature_supported (MHD_FEATURE_TLS) != MHD_YES)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               "This libmicrohttpd was built without TLS: serve plain HTTP "
                               "behind a TLS proxy, or install one built with GnuTLS");
          return FALSE;
        }
      flags |= MHD_USE_TLS;
      tls_options[0] = (struct MHD_OptionItem) { MHD_OPTION_HTTPS_MEM_CERT, 0,
                                                 self->tls_certificate };
      tls_options[1] = (struct MHD_OptionItem) { MHD_OPTION_HTTPS_MEM_KEY, 0, self->tls_key };
    }

  self->daemon = MHD_start_daemon (flags, port, NULL, NULL, on_access, self,
                                   MHD_OPTION_EXTERNAL_LOGGER, on_log, self,
                                   MHD_OPTION_SOCK_ADDR, (struct sockaddr *) &native,
                                   MHD_OPTION_THREAD_POOL_SIZE, (unsigned int) threads,
                                   MHD_OPTION_CONNECTION_TIMEOUT,
                                   (unsigned int) CONNECTION_TIMEOUT_S,
                                   MHD_OPTION_NOTIFY_COMPLETED, on_completed, self,
                                   MHD_OPTION_ARRAY, tls_options,
                                   MHD_OPTION_END);
  if (self->daemon == NULL)
    {
      /* libmicrohttpd has logged why; TLS adds a likelier cause than a taken port. */
      if (self->tls_certificate != NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     "Could not serve HTTPS on %s port %u (is the port taken, or are the "
                     "certificate and key no matching pair?)", address, port);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     "Could not listen on %s port %u (is the port taken?)", address, port);
      return FALSE;
    }

  info = MHD_get_daemon_info (self->daemon, MHD_DAEMON_INFO_BIND_PORT);
  self->port = info != NULL ? info->port : port;
  return TRUE;
}

guint16
lic_server_get_port (LicServer *self)
{
  g_return_val_if_fail (LIC_IS_SERVER (self), 0);

  return self->port;
}

/**
 * lic_server_stop:
 *
 * Ends the event streams, stops listening and waits for the requests under way to finish.
 */
void
lic_server_stop (LicServer *self)
{
  g_return_if_fail (LIC_IS_SERVER (self));

  if (self->daemon == NULL)
    return;
  /* libmicrohttpd must not be stopped with connections suspended. */
  lic_event_hub_close (self->event_hub);
  g_clear_pointer (&self->daemon, MHD_stop_daemon);
}
