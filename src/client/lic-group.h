/* lic-group.h: A group (class) of one school, as the user picker lists it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "lic-core.h"
#include "lic-client-enums.h"
#include "lic-client-enum-types.h"

G_BEGIN_DECLS

#define LIC_TYPE_GROUP (lic_group_get_type ())

G_DECLARE_FINAL_TYPE (LicGroup, lic_group, LIC, GROUP, GObject)

LicGroup *lic_group_new_from_json (JsonObject  *object,
                                    GError     **error);
gint64      lic_group_get_id (LicGroup *self);
const char *lic_group_get_name (LicGroup *self);
gint64      lic_group_get_school_id (LicGroup *self);
gint64      lic_group_get_member_count (LicGroup *self);

G_END_DECLS
