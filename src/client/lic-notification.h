/* lic-notification.h: A notice to the administrator, such as licenses delivered.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "lic-core.h"
#include "lic-client-enums.h"
#include "lic-client-enum-types.h"

G_BEGIN_DECLS

#define LIC_TYPE_NOTIFICATION (lic_notification_get_type ())

G_DECLARE_FINAL_TYPE (LicNotification, lic_notification, LIC, NOTIFICATION, GObject)

LicNotification *lic_notification_new_from_json (JsonObject  *object,
                                                  GError     **error);
gint64      lic_notification_get_id (LicNotification *self);
const char *lic_notification_get_kind (LicNotification *self);
const char *lic_notification_get_created_at (LicNotification *self);
gboolean    lic_notification_get_read (LicNotification *self);
void        lic_notification_set_read (LicNotification *self,
                                       gboolean        read);
gint64      lic_notification_get_order_id (LicNotification *self);
gint64      lic_notification_get_order_line_id (LicNotification *self);
gint64      lic_notification_get_product_id (LicNotification *self);
const char *lic_notification_get_product_name (LicNotification *self);
gint64      lic_notification_get_school_id (LicNotification *self);
const char *lic_notification_get_school_name (LicNotification *self);
gint64      lic_notification_get_quantity (LicNotification *self);
const char *lic_notification_get_text (LicNotification *self);

G_END_DECLS
