/* lic-client-enums.h: the enumerations only the app's side of the API needs.
 *
 * As in src/core, the nicks are the strings of the JSON API (docs/api.md), and glib-mkenums
 * reads them from the annotations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Where the licenses of an order line are. */
typedef enum {
  LIC_ORDER_LINE_STATE_DELIVERED,                   /*< nick=delivered >*/
  LIC_ORDER_LINE_STATE_AWAITING_DELIVERY,           /*< nick=awaiting_delivery >*/
  LIC_ORDER_LINE_STATE_ACTIVATION_MAIL_SENT,        /*< nick=activation_mail_sent >*/
} LicOrderLineState;

/* The order of GET /products. */
typedef enum {
  LIC_PRODUCT_SORT_NAME,                            /*< nick=name >*/
  LIC_PRODUCT_SORT_PRICE,                           /*< nick=price >*/
  LIC_PRODUCT_SORT_PRICE_DESCENDING,                /*< nick=-price >*/
} LicProductSort;

/* The lists of GET /users: everyone, or the users assigned beyond what is paid, or those
 * whose licenses were suspended. ALL is sent as no list at all. */
typedef enum {
  LIC_USER_LIST_ALL,                                /*< nick=all >*/
  LIC_USER_LIST_PAYABLE,                            /*< nick=payable >*/
  LIC_USER_LIST_NO_ACCESS,                          /*< nick=no_access >*/
} LicUserList;

/* Whether a user's license gives access (GET /users/{id}). */
typedef enum {
  LIC_LICENSE_STATE_ACTIVE,                         /*< nick=active >*/
  LIC_LICENSE_STATE_NO_ACCESS,                      /*< nick=no_access >*/
} LicLicenseState;

G_END_DECLS
