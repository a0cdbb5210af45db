/* lic-routes-notifications.c: notifications, as a list and as a live stream.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lic-i18n.h"
#include "lic-routes-private.h"

/* GET /notifications: newest first. */
gboolean
lic_routes_notifications_list (LicRequest  *request,
                               GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) notifications = NULL;
  g_autofree char *after_name = NULL;
  LicNotification *last;
  LicPage page;
  gboolean more;

  if (!lic_routes_get_page (request, "notifications", &page, &after_name, error))
    return FALSE;
  notifications = lic_store_list_notifications (lic_request_get_store (request),
                                                lic_request_get_caller (request), &page, &more,
                                                error);
  if (notifications == NULL)
    return FALSE;

  lic_routes_begin_list (builder);
  for (guint i = 0; i < notifications->len; i++)
    lic_notification_to_json (g_ptr_array_index (notifications, i), builder);
  last = notifications->len > 0 ? g_ptr_array_index (notifications, notifications->len - 1)
                                : NULL;
  lic_routes_end_list (builder, "notifications", more, "", last != NULL ? last->id : 0);
  lic_request_respond (request, 200, builder);
  return TRUE;
}

/* POST /notifications/read */
gboolean
lic_routes_notifications_read (LicRequest  *request,
                               GError     **error)
{
  g_autoptr(GArray) ids = NULL;

  if (!lic_routes_get_ids_member (request, "ids", TRUE, &ids, error)
      || !lic_store_mark_read (lic_request_get_store (request), lic_request_get_caller (request),
                               ids, error))
    return FALSE;
  lic_request_respond_empty (request, 204);
  return TRUE;
}

/* GET /events: the caller's new notifications as Server-Sent Events, after those up to
 * Last-Event-ID when the client reconnects. */
gboolean
lic_routes_events (LicRequest  *request,
                   GError     **error)
{
  const char *header = lic_request_get_header (request, "Last-Event-ID");
  gint64 last_id;

  if (header != NULL)
    {
      if (!g_ascii_string_to_signed (header, 10, 0, G_MAXINT64, &last_id, NULL))
        {
          g_set_error_literal (error, LIC_ERROR, LIC_ERROR_INVALID,
                               _("“Last-Event-ID” must be the id of an event this stream "
                                 "sent."));
          return FALSE;
        }
    }
  else if (!lic_store_last_notification (lic_request_get_store (request), &last_id, error))
    return FALSE;

  lic_request_respond_events (request, last_id);
  return TRUE;
}
