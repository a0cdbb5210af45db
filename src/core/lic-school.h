/* lic-school.h: A school the caller may act on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "lic-enums.h"
#include "lic-enum-types.h"

G_BEGIN_DECLS

#define LIC_TYPE_SCHOOL (lic_school_get_type ())

G_DECLARE_FINAL_TYPE (LicSchool, lic_school, LIC, SCHOOL, GObject)

LicSchool *lic_school_new_from_json (JsonObject   *object,
                               GError      **error);
void lic_school_to_json (LicSchool *self,
                       JsonBuilder *builder);

gint64 lic_school_get_id (LicSchool *self);
const char *lic_school_get_name (LicSchool *self);
gint64 lic_school_get_organization_id (LicSchool *self);

G_END_DECLS
