/* lic-format.h: how the app puts domain values into words.
 *
 * Every view formats money, dates, counts and the API's codes through these functions, so a
 * value reads the same everywhere and translators find each phrase once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lic-core.h"
#include "lic-cart-line.h"
#include "lic-client-enums.h"
#include "lic-notification.h"
#include "lic-order-line.h"

G_BEGIN_DECLS

char       *lic_format_money              (gint64           minor_units,
                                           const char      *currency);
char       *lic_format_price_per_term     (gint64           minor_units,
                                           const char      *currency,
                                           gint64           term_months);
char       *lic_format_date               (const char      *iso_date);
char       *lic_format_date_time          (const char      *iso_date_time);
char       *lic_format_assigned           (gint64           assigned,
                                           gint64           available);
char       *lic_format_used               (gint64           assigned,
                                           gint64           available);
char       *lic_format_free               (gint64           n_free,
                                           gint64           available);
char       *lic_format_assign_question    (guint            n_users);
char       *lic_format_assign_effect      (guint            n_users,
                                           gint64           n_free,
                                           gint64           available);
char       *lic_format_unassign_question  (guint            n_users);
char       *lic_format_assigned_toast     (gint64           assigned,
                                           gint64           already,
                                           const char      *product);
char       *lic_format_unassigned_toast   (gint64           unassigned,
                                           const char      *product);
const char *lic_format_license_state      (LicLicenseState  state);
const char *lic_format_delivery           (LicDelivery      delivery);
const char *lic_format_delivery_note      (LicDelivery      delivery);
const char *lic_format_delivery_icon_name (LicDelivery      delivery);
const char *lic_format_delivery_type      (LicDelivery      delivery);
const char *lic_format_no_advance_assignment (void);
char       *lic_format_licenses_assigned  (gint64           assigned,
                                           gint64           quantity);
char       *lic_format_order_line         (LicOrderLine    *line);
char       *lic_format_checkout_line      (LicCartLine     *line);
char       *lic_format_notification       (LicNotification *notification);
char       *lic_format_licenses_arrived   (gint64           quantity,
                                           const char      *product,
                                           const char      *school);
char       *lic_format_awaiting_delivery  (gint64           quantity,
                                           const char      *iso_since);
const char *lic_format_license_model      (LicLicenseModel  model);
const char *lic_format_role               (LicRole          role);
const char *lic_format_subject            (const char      *code);
const char *lic_format_grade              (const char      *code);
const char *lic_format_subject_code       (guint            index);
const char *lic_format_grade_code         (guint            index);
char       *lic_format_list               (const char * const *items,
                                           const char *   (*item_to_text) (const char *item));

char       *lic_format_status_details     (gint64           payable,
                                           gint64           to_renew,
                                           gint64           no_access);
char       *lic_format_status_summary     (gint64           assigned,
                                           gint64           available,
                                           gint64           payable,
                                           gint64           to_renew,
                                           gint64           no_access);
char       *lic_format_purchase_request_meaning (void);
char       *lic_format_notice             (LicNotice       *notice,
                                           const char      *product,
                                           const char      *school);
char       *lic_format_more_notices       (guint            n_more);

G_END_DECLS
