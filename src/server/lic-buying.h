/* lic-buying.h: the records of buying, as the store gives them and the API writes them: cart
 * lines, orders with their lines, and the notifications that say licenses arrived.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lic-core.h"

G_BEGIN_DECLS

/* The most licenses one cart line may hold. */
#define LIC_CART_MAX_QUANTITY 100000

typedef enum {
  LIC_LINE_STATE_DELIVERED,
  LIC_LINE_STATE_AWAITING_DELIVERY,
  LIC_LINE_STATE_ACTIVATION_MAIL_SENT,
} LicLineState;

typedef struct
{
  gint64 id;
  gint64 product_id;
  char *product_name;
  char *supplier;
  gint64 school_id;
  char *school_name;
  gint64 quantity;
  LicDelivery delivery;
  gboolean offered;                 /* FALSE once the product has no price in the currency */
  gint64 unit_price;                /* the product's current price; 0 when not offered */
  gint64 term_months;
  GArray *user_ids;                 /* gint64, ascending */
  GArray *group_ids;                /* gint64, ascending */
  gint64 assigned_count;            /* distinct users: those picked and the groups' members */
} LicCartLine;

typedef struct
{
  char *currency;
  GPtrArray *lines;                 /* LicCartLine, in the order they were added */
  char *purchase_request_refusal;   /* why purchase requests are refused, or NULL */
} LicCart;

typedef struct
{
  gint64 id;
  gint64 order_id;
  gint64 product_id;
  char *product_name;
  gint64 school_id;
  char *school_name;
  gint64 pool_id;
  gint64 quantity;
  gint64 unit_price;
  LicDelivery delivery;
  LicLineState state;
  char *state_since;                /* ISO 8601, UTC */
  char *activation_email;           /* NULL unless an activation e-mail was sent */
  gint64 assigned;                  /* users assigned through this line, with access */
  gboolean renewal;                 /* orders licenses for the pool's next term */
  gint64 purchase_request_id;       /* the request the line made, or pays; 0: none */
  gboolean pays_request;            /* the line pays that request (rather than made it) */
  gboolean request_paid;            /* the request the line made has been paid */
} LicOrderLine;

typedef struct
{
  gint64 id;
  char *created_at;                 /* ISO 8601, UTC */
  char *payment;
  char *currency;
  GPtrArray *lines;                 /* LicOrderLine */
} LicOrder;

typedef struct
{
  gint64 id;
  char *kind;                       /* "delivered", "payment_late", "licenses_suspended" or
                                     * "access_ended" */
  char *created_at;
  gboolean read;
  gint64 order_id;                  /* 0: about no order line ("access_ended") */
  gint64 order_line_id;
  gint64 product_id;
  char *product_name;
  gint64 school_id;
  char *school_name;
  gint64 quantity;                  /* licenses; for "access_ended", users who lost access */
} LicNotification;

const char      *lic_line_state_to_nick      (LicLineState             state);
gboolean         lic_line_state_from_nick    (const char              *nick,
                                              LicLineState            *state);

LicCartLine     *lic_cart_line_new           (void);
void             lic_cart_line_free          (LicCartLine             *line);
void             lic_cart_line_to_json       (const LicCartLine       *line,
                                              const char              *currency,
                                              JsonBuilder             *builder);
gint64           lic_cart_line_get_total     (const LicCartLine       *line);

LicCart         *lic_cart_new                (const char              *currency);
void             lic_cart_free               (LicCart                 *cart);
gint64           lic_cart_get_total          (const LicCart           *cart);
void             lic_cart_to_json            (const LicCart           *cart,
                                              JsonBuilder             *builder);

void             lic_order_line_free         (LicOrderLine            *line);
void             lic_order_line_to_json      (const LicOrderLine      *line,
                                              JsonBuilder             *builder);

LicOrder        *lic_order_new               (void);
void             lic_order_free              (LicOrder                *order);
gint64           lic_order_get_total         (const LicOrder          *order);
void             lic_order_to_json           (const LicOrder          *order,
                                              JsonBuilder             *builder);

void             lic_notification_free       (LicNotification         *notification);
void             lic_notification_to_json    (const LicNotification   *notification,
                                              JsonBuilder             *builder);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LicCartLine, lic_cart_line_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LicCart, lic_cart_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LicOrderLine, lic_order_line_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LicOrder, lic_order_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LicNotification, lic_notification_free)

G_END_DECLS
