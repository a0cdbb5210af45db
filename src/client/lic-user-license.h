/* lic-user-license.h: One license a user holds, as GET /users/{id} lists it: the pool (a
 * product at a school) it is of, since when, and whether it gives access.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "lic-core.h"
#include "lic-client-enums.h"
#include "lic-client-enum-types.h"

G_BEGIN_DECLS

#define LIC_TYPE_USER_LICENSE (lic_user_license_get_type ())

G_DECLARE_FINAL_TYPE (LicUserLicense, lic_user_license, LIC, USER_LICENSE, GObject)

LicUserLicense  *lic_user_license_new_from_json    (JsonObject      *object,
                                                    GError         **error);
gint64           lic_user_license_get_pool_id      (LicUserLicense  *self);
gint64           lic_user_license_get_product_id   (LicUserLicense  *self);
const char      *lic_user_license_get_product_name (LicUserLicense  *self);
gint64           lic_user_license_get_school_id    (LicUserLicense  *self);
const char      *lic_user_license_get_assigned_at  (LicUserLicense  *self);
LicLicenseState  lic_user_license_get_state        (LicUserLicense  *self);

G_END_DECLS
