/* lic-supplier.h: A supplier of products in the library (for its filter).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "lic-core.h"
#include "lic-client-enums.h"
#include "lic-client-enum-types.h"

G_BEGIN_DECLS

#define LIC_TYPE_SUPPLIER (lic_supplier_get_type ())

G_DECLARE_FINAL_TYPE (LicSupplier, lic_supplier, LIC, SUPPLIER, GObject)

LicSupplier *lic_supplier_new_from_json (JsonObject  *object,
                                          GError     **error);
gint64      lic_supplier_get_id (LicSupplier *self);
const char *lic_supplier_get_name (LicSupplier *self);

G_END_DECLS
