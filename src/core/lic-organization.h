/* lic-organization.h: A municipality or school group.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "lic-enums.h"
#include "lic-enum-types.h"

G_BEGIN_DECLS

#define LIC_TYPE_ORGANIZATION (lic_organization_get_type ())

G_DECLARE_FINAL_TYPE (LicOrganization, lic_organization, LIC, ORGANIZATION, GObject)

LicOrganization *lic_organization_new_from_json (JsonObject   *object,
                                           GError      **error);
void lic_organization_to_json (LicOrganization *self,
                             JsonBuilder *builder);

gint64 lic_organization_get_id (LicOrganization *self);
const char *lic_organization_get_name (LicOrganization *self);
const char *lic_organization_get_currency (LicOrganization *self);

G_END_DECLS
