/* lic-licenses-view.h: the license pools of the caller's schools.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lic-page.h"

G_BEGIN_DECLS

#define LIC_TYPE_LICENSES_VIEW (lic_licenses_view_get_type ())

G_DECLARE_FINAL_TYPE (LicLicensesView, lic_licenses_view, LIC, LICENSES_VIEW, LicPage)

gboolean lic_licenses_view_get_pool_shown (LicLicensesView *self);
void     lic_licenses_view_show_pools     (LicLicensesView *self);

void     lic_licenses_view_show_pool_id   (LicLicensesView *self,
                                           gint64           pool_id,
                                           gboolean         renew);

G_END_DECLS
