/* lic-buying.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lic-buying.h"
#include "lic-texts.h"

static const char * const line_states[] = {
  [LIC_LINE_STATE_DELIVERED] = "delivered",
  [LIC_LINE_STATE_AWAITING_DELIVERY] = "awaiting_delivery",
  [LIC_LINE_STATE_ACTIVATION_MAIL_SENT] = "activation_mail_sent",
};

const char *
lic_line_state_to_nick (LicLineState state)
{
  g_return_val_if_fail (state < G_N_ELEMENTS (line_states), NULL);

  return line_states[state];
}

gboolean
lic_line_state_from_nick (const char   *nick,
                          LicLineState *state)
{
  for (guint i = 0; i < G_N_ELEMENTS (line_states); i++)
    if (g_strcmp0 (nick, line_states[i]) == 0)
      {
        *state = i;
        return TRUE;
      }
  return FALSE;
}

static void
add_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

/* Adds @value, or null for %NULL. */
static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_ids (JsonBuilder *builder,
         const char  *member,
         GArray      *ids)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < ids->len; i++)
    json_builder_add_int_value (builder, g_array_index (ids, gint64, i));
  json_builder_end_array (builder);
}

LicCartLine *
lic_cart_line_new (void)
{
  LicCartLine *line = g_new0 (LicCartLine, 1);

  line->user_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  line->group_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  return line;
}

void
lic_cart_line_free (LicCartLine *line)
{
  if (line == NULL)
    return;
  g_free (line->product_name);
  g_free (line->supplier);
  g_free (line->school_name);
  g_array_unref (line->user_ids);
  g_array_unref (line->group_ids);
  g_free (line);
}

gint64
lic_cart_line_get_total (const LicCartLine *line)
{
  return line->offered ? line->unit_price * line->quantity : 0;
}

/**
 * lic_cart_line_to_json:
 * @currency: the currency of the cart's prices
 */
void
lic_cart_line_to_json (const LicCartLine *line,
                       const char        *currency,
                       JsonBuilder       *builder)
{
  g_return_if_fail (line != NULL && currency != NULL && JSON_IS_BUILDER (builder));

  json_builder_begin_object (builder);
  add_int (builder, "id", line->id);
  add_int (builder, "product_id", line->product_id);
  add_string (builder, "product_name", line->product_name);
  add_string (builder, "supplier", line->supplier);
  add_int (builder, "school_id", line->school_id);
  add_string (builder, "school_name", line->school_name);
  add_int (builder, "quantity", line->quantity);
  lic_json_add_enum (builder, "delivery", LIC_TYPE_DELIVERY, line->delivery);
  json_builder_set_member_name (builder, "offered");
  json_builder_add_boolean_value (builder, line->offered);
  add_int (builder, "unit_price", line->unit_price);
  add_int (builder, "line_total", lic_cart_line_get_total (line));
  add_string (builder, "currency", currency);
  add_int (builder, "term_months", line->term_months);
  add_ids (builder, "user_ids", line->user_ids);
  add_ids (builder, "group_ids", line->group_ids);
  add_int (builder, "assigned_count", line->assigned_count);
  json_builder_set_member_name (builder, "can_assign_in_advance");
  json_builder_add_boolean_value (builder, line->delivery == LIC_DELIVERY_DIRECT);
  json_builder_end_object (builder);
}

LicCart *
lic_cart_new (const char *currency)
{
  LicCart *cart = g_new0 (LicCart, 1);

  cart->currency = g_strdup (currency);
  cart->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) lic_cart_line_free);
  return cart;
}

void
lic_cart_free (LicCart *cart)
{
  if (cart == NULL)
    return;
  g_free (cart->currency);
  g_ptr_array_unref (cart->lines);
  g_free (cart->purchase_request_refusal);
  g_free (cart);
}

gint64
lic_cart_get_total (const LicCart *cart)
{
  gint64 total = 0;

  for (guint i = 0; i < cart->lines->len; i++)
    total += lic_cart_line_get_total (g_ptr_array_index (cart->lines, i));
  return total;
}

void
lic_cart_to_json (const LicCart *cart,
                  JsonBuilder   *builder)
{
  g_return_if_fail (cart != NULL && JSON_IS_BUILDER (builder));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "lines");
  json_builder_begin_array (builder);
  for (guint i = 0; i < cart->lines->len; i++)
    lic_cart_line_to_json (g_ptr_array_index (cart->lines, i), cart->currency, builder);
  json_builder_end_array (builder);
  add_int (builder, "line_count", cart->lines->len);
  add_int (builder, "total", lic_cart_get_total (cart));
  add_string (builder, "currency", cart->currency);
  json_builder_set_member_name (builder, "purchase_request");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "allowed");
  json_builder_add_boolean_value (builder, cart->purchase_request_refusal == NULL);
  add_string (builder, "reason", cart->purchase_request_refusal);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

void
lic_order_line_free (LicOrderLine *line)
{
  if (line == NULL)
    return;
  g_free (line->product_name);
  g_free (line->school_name);
  g_free (line->state_since);
  g_free (line->activation_email);
  g_free (line);
}

void
lic_order_line_to_json (const LicOrderLine *line,
                        JsonBuilder        *builder)
{
  g_autofree char *status_text = lic_text_line_status (line);

  json_builder_begin_object (builder);
  add_int (builder, "id", line->id);
  add_int (builder, "order_id", line->order_id);
  add_int (builder, "product_id", line->product_id);
  add_string (builder, "product_name", line->product_name);
  add_int (builder, "school_id", line->school_id);
  add_string (builder, "school_name", line->school_name);
  add_int (builder, "pool_id", line->pool_id);
  add_int (builder, "quantity", line->quantity);
  add_int (builder, "unit_price", line->unit_price);
  add_int (builder, "line_total", line->unit_price * line->quantity);
  lic_json_add_enum (builder, "delivery", LIC_TYPE_DELIVERY, line->delivery);
  add_string (builder, "state", lic_line_state_to_nick (line->state));
  add_string (builder, "state_since", line->state_since);
  add_int (builder, "assigned", line->assigned);
  add_string (builder, "activation_email", line->activation_email);
  json_builder_set_member_name (builder, "renewal");
  json_builder_add_boolean_value (builder, line->renewal);
  json_builder_set_member_name (builder, "purchase_request_id");
  if (line->purchase_request_id > 0)
    json_builder_add_int_value (builder, line->purchase_request_id);
  else
    json_builder_add_null_value (builder);
  add_string (builder, "status_text", status_text);
  json_builder_end_object (builder);
}

LicOrder *
lic_order_new (void)
{
  LicOrder *order = g_new0 (LicOrder, 1);

  order->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) lic_order_line_free);
  return order;
}

void
lic_order_free (LicOrder *order)
{
  if (order == NULL)
    return;
  g_free (order->created_at);
  g_free (order->payment);
  g_free (order->currency);
  g_ptr_array_unref (order->lines);
  g_free (order);
}

/* The total of the lines the reader may see. */
gint64
lic_order_get_total (const LicOrder *order)
{
  gint64 total = 0;

  for (guint i = 0; i < order->lines->len; i++)
    {
      const LicOrderLine *line = g_ptr_array_index (order->lines, i);

      total += line->unit_price * line->quantity;
    }
  return total;
}

void
lic_order_to_json (const LicOrder *order,
                   JsonBuilder    *builder)
{
  g_return_if_fail (order != NULL && JSON_IS_BUILDER (builder));

  json_builder_begin_object (builder);
  add_int (builder, "id", order->id);
  add_string (builder, "created_at", order->created_at);
  add_string (builder, "payment", order->payment);
  add_int (builder, "total", lic_order_get_total (order));
  add_string (builder, "currency", order->currency);
  json_builder_set_member_name (builder, "lines");
  json_builder_begin_array (builder);
  for (guint i = 0; i < order->lines->len; i++)
    lic_order_line_to_json (g_ptr_array_index (order->lines, i), builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

void
lic_notification_free (LicNotification *notification)
{
  if (notification == NULL)
    return;
  g_free (notification->kind);
  g_free (notification->created_at);
  g_free (notification->product_name);
  g_free (notification->school_name);
  g_free (notification);
}

void
lic_notification_to_json (const LicNotification *notification,
                          JsonBuilder           *builder)
{
  g_autofree char *text = NULL;

  g_return_if_fail (notification != NULL && JSON_IS_BUILDER (builder));

  text = lic_text_notification (notification->kind, notification->quantity,
                                notification->product_name, notification->school_name);
  json_builder_begin_object (builder);
  add_int (builder, "id", notification->id);
  add_string (builder, "kind", notification->kind);
  add_string (builder, "created_at", notification->created_at);
  json_builder_set_member_name (builder, "read");
  json_builder_add_boolean_value (builder, notification->read);
  json_builder_set_member_name (builder, "order_id");
  if (notification->order_id > 0)
    json_builder_add_int_value (builder, notification->order_id);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "order_line_id");
  if (notification->order_line_id > 0)
    json_builder_add_int_value (builder, notification->order_line_id);
  else
    json_builder_add_null_value (builder);
  add_int (builder, "product_id", notification->product_id);
  add_string (builder, "product_name", notification->product_name);
  add_int (builder, "school_id", notification->school_id);
  add_string (builder, "school_name", notification->school_name);
  add_int (builder, "quantity", notification->quantity);
  add_string (builder, "text", text);
  json_builder_end_object (builder);
}
