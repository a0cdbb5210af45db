/* lic-user.h: A person licenses can be assigned to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "lic-enums.h"
#include "lic-enum-types.h"

G_BEGIN_DECLS

#define LIC_TYPE_USER (lic_user_get_type ())

G_DECLARE_FINAL_TYPE (LicUser, lic_user, LIC, USER, GObject)

LicUser *lic_user_new_from_json (JsonObject   *object,
                           GError      **error);
void lic_user_to_json (LicUser *self,
                     JsonBuilder *builder);

gint64 lic_user_get_id (LicUser *self);
const char *lic_user_get_username (LicUser *self);
const char *lic_user_get_name (LicUser *self);
const char *lic_user_get_email (LicUser *self);
LicRole lic_user_get_role (LicUser *self);
gint64 lic_user_get_school_id (LicUser *self);
const char * const *lic_user_get_groups (LicUser *self);

G_END_DECLS
