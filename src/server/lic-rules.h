/* lic-rules.h: the rules of buying, apart from any storage.
 *
 * A store gathers the facts inside its transaction and asks these functions; each refusal is a
 * LicError whose message tells the admin what to change. Every implementation of LicStore gives
 * the same answers because they all ask here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lic-buying.h"

G_BEGIN_DECLS

/* What POST /checkout asks for. */
typedef struct
{
  const char *payment;
  const char *idempotency_key;
  gboolean has_expected_total;
  gint64 expected_total;
} LicCheckout;

/* What paying a purchase request or renewing a pool asks for. */
typedef struct
{
  const char *idempotency_key;
  gboolean has_expected_total;
  gint64 expected_total;
  gint64 quantity;                  /* renewals: the licenses for the next term */
} LicPayment;

gboolean lic_rules_check_cart_line      (const LicCartLine  *line,
                                         GError            **error);
void     lic_rules_refuse_product       (gint64              product_id,
                                         GError            **error);
void     lic_rules_refuse_pick          (const char         *kind,
                                         gint64              id,
                                         const char         *school_name,
                                         GError            **error);
gboolean lic_rules_check_checkout       (const LicCart      *cart,
                                         const LicCheckout  *checkout,
                                         const char         *buyer_email,
                                         GError            **error);
gboolean lic_rules_check_total          (gint64              total,
                                         const LicPayment   *payment,
                                         GError            **error);
gboolean lic_rules_check_assignment     (gint64              new_users,
                                         gint64              free_licenses,
                                         GError            **error);
void     lic_rules_refuse_outsiders     (gint64              outsiders,
                                         const char         *school_name,
                                         GError            **error);
void     lic_rules_refuse_code          (GError            **error);
gboolean lic_rules_check_code           (const char         *used_at,
                                         const char         *expires_at,
                                         const char         *now,
                                         GError            **error);

G_END_DECLS
