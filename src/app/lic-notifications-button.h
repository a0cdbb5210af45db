/* lic-notifications-button.h: the header bar's bell, with the count of unread notifications
 * and a popover list of them.
 *
 * The list is loaded when the client is set, and grows at once with each notification the
 * client's event stream brings. Opening the list marks what it shows as read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lic-client.h"

G_BEGIN_DECLS

#define LIC_TYPE_NOTIFICATIONS_BUTTON (lic_notifications_button_get_type ())

G_DECLARE_FINAL_TYPE (LicNotificationsButton, lic_notifications_button, LIC,
                      NOTIFICATIONS_BUTTON, AdwBin)

void        lic_notifications_button_set_client       (LicNotificationsButton *self,
                                                       LicClient              *client);
GListModel *lic_notifications_button_get_model        (LicNotificationsButton *self);
guint       lic_notifications_button_get_unread_count (LicNotificationsButton *self);
void        lic_notifications_button_popup            (LicNotificationsButton *self);

G_END_DECLS
