/* lic-notice.h: A notice at the top of the overview and of a product page: a purchase request to pay,
 * one paid, or a term to renew.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "lic-enums.h"
#include "lic-enum-types.h"

G_BEGIN_DECLS

#define LIC_TYPE_NOTICE (lic_notice_get_type ())

G_DECLARE_FINAL_TYPE (LicNotice, lic_notice, LIC, NOTICE, GObject)

LicNotice *lic_notice_new_from_json (JsonObject  *object,
                                    GError     **error);
void lic_notice_to_json (LicNotice *self,
                        JsonBuilder *builder);

LicNoticeKind lic_notice_get_kind (LicNotice *self);
gint64 lic_notice_get_purchase_request_id (LicNotice *self);
gint64 lic_notice_get_quantity (LicNotice *self);
const char *lic_notice_get_created_at (LicNotice *self);
const char *lic_notice_get_late_on (LicNotice *self);
const char *lic_notice_get_due_at (LicNotice *self);
gint64 lic_notice_get_payable_users (LicNotice *self);
gint64 lic_notice_get_no_access (LicNotice *self);
const char *lic_notice_get_ordered_at (LicNotice *self);
gint64 lic_notice_get_order_id (LicNotice *self);
const char *lic_notice_get_term_end (LicNotice *self);
const char *lic_notice_get_renewal_starts (LicNotice *self);
gint64 lic_notice_get_to_renew (LicNotice *self);
gint64 lic_notice_get_pool_id (LicNotice *self);
gint64 lic_notice_get_product_id (LicNotice *self);
const char *lic_notice_get_product_name (LicNotice *self);
gint64 lic_notice_get_school_id (LicNotice *self);
const char *lic_notice_get_school_name (LicNotice *self);

G_END_DECLS
