/* lic-window.h: the main window: Library, Cart, Licenses and Users of one signed-in client.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lic-client.h"
#include "lic-notice-banner.h"

G_BEGIN_DECLS

#define LIC_TYPE_WINDOW (lic_window_get_type ())

G_DECLARE_FINAL_TYPE (LicWindow, lic_window, LIC, WINDOW, AdwApplicationWindow)

LicWindow  *lic_window_new              (GtkApplication *application,
                                         LicClient      *client);
LicClient  *lic_window_get_client       (LicWindow      *self);
void        lic_window_set_client       (LicWindow      *self,
                                         LicClient      *client);
const char *lic_window_get_visible_view (LicWindow      *self);
void        lic_window_set_visible_view (LicWindow      *self,
                                         const char     *name);
void        lic_window_show_product     (LicWindow      *self,
                                         gint64          product_id);
void        lic_window_add_toast        (LicWindow      *self,
                                         AdwToast       *toast);
GtkWindow  *lic_window_show_activation  (LicWindow      *self,
                                         const char     *code);

LicNoticeBanner *lic_window_get_notice_banner (LicWindow *self);
void        lic_window_refresh_notices  (LicWindow      *self);

G_END_DECLS
