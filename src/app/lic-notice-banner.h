/* lic-notice-banner.h: the most urgent notice of purchase requests and renewals, at the top of
 * the window, of a product page and of a pool page, with what can be done about it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lic-client.h"

G_BEGIN_DECLS

#define LIC_TYPE_NOTICE_BANNER (lic_notice_banner_get_type ())

G_DECLARE_FINAL_TYPE (LicNoticeBanner, lic_notice_banner, LIC, NOTICE_BANNER, AdwBin)

void        lic_notice_banner_set_client   (LicNoticeBanner *self,
                                            LicClient       *client);
void        lic_notice_banner_clear        (LicNoticeBanner *self);
void        lic_notice_banner_add_notices  (LicNoticeBanner *self,
                                            GListModel      *notices,
                                            gint64           pool_id,
                                            const char      *product,
                                            const char      *school);
LicNotice  *lic_notice_banner_get_notice   (LicNoticeBanner *self);
const char *lic_notice_banner_get_text     (LicNoticeBanner *self);
void        lic_notice_banner_place_order  (LicNoticeBanner *self);

G_END_DECLS
