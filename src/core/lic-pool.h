/* lic-pool.h: One school's licenses of one product, with its status summary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "lic-enums.h"
#include "lic-enum-types.h"

G_BEGIN_DECLS

#define LIC_TYPE_POOL (lic_pool_get_type ())

G_DECLARE_FINAL_TYPE (LicPool, lic_pool, LIC, POOL, GObject)

LicPool *lic_pool_new_from_json (JsonObject   *object,
                           GError      **error);
void lic_pool_to_json (LicPool *self,
                     JsonBuilder *builder);

gint64 lic_pool_get_id (LicPool *self);
gint64 lic_pool_get_product_id (LicPool *self);
const char *lic_pool_get_product_name (LicPool *self);
gint64 lic_pool_get_school_id (LicPool *self);
const char *lic_pool_get_school_name (LicPool *self);
gint64 lic_pool_get_assigned (LicPool *self);
gint64 lic_pool_get_available (LicPool *self);
gint64 lic_pool_get_payable (LicPool *self);
gint64 lic_pool_get_to_renew (LicPool *self);
gint64 lic_pool_get_no_access (LicPool *self);
const char *lic_pool_get_phase (LicPool *self);
const char *lic_pool_get_term_end (LicPool *self);
gint64 lic_pool_get_awaiting_delivery (LicPool *self);
const char *lic_pool_get_awaiting_since (LicPool *self);
const gint64 *lic_pool_get_linked_group_ids (LicPool *self,
                                             gsize   *n_group_ids);
gint64 lic_pool_get_waiting (LicPool *self);
gint64 lic_pool_get_capacity (LicPool *self);
gint64 lic_pool_get_renewed (LicPool *self);
const char *lic_pool_get_renewal_starts (LicPool *self);
GListModel *lic_pool_get_notices (LicPool *self);

G_END_DECLS
