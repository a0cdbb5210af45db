/* lic-purchase-request.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lic-json.h"
#include "lic-purchase-request.h"

struct _LicPurchaseRequest
{
  GObject parent_instance;

  gint64 id;
  gint64 product_id;
  char *product_name;
  gint64 school_id;
  char *school_name;
  gint64 pool_id;
  gint64 quantity;
  char *created_at;
  char *late_on;
  char *due_at;
  LicRequestState state;
  gint64 order_line_id;
  gint64 paid_order_id;
  char *paid_at;
  gint64 price;
  char *currency;
};

G_DEFINE_FINAL_TYPE (LicPurchaseRequest, lic_purchase_request, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PRODUCT_ID,
  PROP_PRODUCT_NAME,
  PROP_SCHOOL_ID,
  PROP_SCHOOL_NAME,
  PROP_POOL_ID,
  PROP_QUANTITY,
  PROP_CREATED_AT,
  PROP_LATE_ON,
  PROP_DUE_AT,
  PROP_STATE,
  PROP_ORDER_LINE_ID,
  PROP_PAID_ORDER_ID,
  PROP_PAID_AT,
  PROP_PRICE,
  PROP_CURRENCY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lic_purchase_request_finalize (GObject *object)
{
  LicPurchaseRequest *self = LIC_PURCHASE_REQUEST (object);

  g_free (self->product_name);
  g_free (self->school_name);
  g_free (self->created_at);
  g_free (self->late_on);
  g_free (self->due_at);
  g_free (self->paid_at);
  g_free (self->currency);

  G_OBJECT_CLASS (lic_purchase_request_parent_class)->finalize (object);
}

static void
lic_purchase_request_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LicPurchaseRequest *self = LIC_PURCHASE_REQUEST (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_PRODUCT_ID:
      g_value_set_int64 (value, self->product_id);
      break;

    case PROP_PRODUCT_NAME:
      g_value_set_string (value, self->product_name);
      break;

    case PROP_SCHOOL_ID:
      g_value_set_int64 (value, self->school_id);
      break;

    case PROP_SCHOOL_NAME:
      g_value_set_string (value, self->school_name);
      break;

    case PROP_POOL_ID:
      g_value_set_int64 (value, self->pool_id);
      break;

    case PROP_QUANTITY:
      g_value_set_int64 (value, self->quantity);
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;

    case PROP_LATE_ON:
      g_value_set_string (value, self->late_on);
      break;

    case PROP_DUE_AT:
      g_value_set_string (value, self->due_at);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_ORDER_LINE_ID:
      g_value_set_int64 (value, self->order_line_id);
      break;

    case PROP_PAID_ORDER_ID:
      g_value_set_int64 (value, self->paid_order_id);
      break;

    case PROP_PAID_AT:
      g_value_set_string (value, self->paid_at);
      break;

    case PROP_PRICE:
      g_value_set_int64 (value, self->price);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_purchase_request_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LicPurchaseRequest *self = LIC_PURCHASE_REQUEST (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_PRODUCT_ID:
      self->product_id = g_value_get_int64 (value);
      break;

    case PROP_PRODUCT_NAME:
      self->product_name = g_value_dup_string (value);
      break;

    case PROP_SCHOOL_ID:
      self->school_id = g_value_get_int64 (value);
      break;

    case PROP_SCHOOL_NAME:
      self->school_name = g_value_dup_string (value);
      break;

    case PROP_POOL_ID:
      self->pool_id = g_value_get_int64 (value);
      break;

    case PROP_QUANTITY:
      self->quantity = g_value_get_int64 (value);
      break;

    case PROP_CREATED_AT:
      self->created_at = g_value_dup_string (value);
      break;

    case PROP_LATE_ON:
      self->late_on = g_value_dup_string (value);
      break;

    case PROP_DUE_AT:
      self->due_at = g_value_dup_string (value);
      break;

    case PROP_STATE:
      self->state = g_value_get_enum (value);
      break;

    case PROP_ORDER_LINE_ID:
      self->order_line_id = g_value_get_int64 (value);
      break;

    case PROP_PAID_ORDER_ID:
      self->paid_order_id = g_value_get_int64 (value);
      break;

    case PROP_PAID_AT:
      self->paid_at = g_value_dup_string (value);
      break;

    case PROP_PRICE:
      self->price = g_value_get_int64 (value);
      break;

    case PROP_CURRENCY:
      self->currency = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_purchase_request_class_init (LicPurchaseRequestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lic_purchase_request_finalize;
  object_class->get_property = lic_purchase_request_get_property;
  object_class->set_property = lic_purchase_request_set_property;

  /* Server id. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Product id. */
  properties[PROP_PRODUCT_ID] =
    g_param_spec_int64 ("product-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Product name. */
  properties[PROP_PRODUCT_NAME] =
    g_param_spec_string ("product-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* School id. */
  properties[PROP_SCHOOL_ID] =
    g_param_spec_int64 ("school-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* School name. */
  properties[PROP_SCHOOL_NAME] =
    g_param_spec_string ("school-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The pool the licenses are in. */
  properties[PROP_POOL_ID] =
    g_param_spec_int64 ("pool-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Licenses requested. */
  properties[PROP_QUANTITY] =
    g_param_spec_int64 ("quantity", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* When it was made (day 0), ISO 8601. */
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Day 30: payment is late from then, ISO 8601. */
  properties[PROP_LATE_ON] =
    g_param_spec_string ("late-on", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Day 60: the unpaid licenses are suspended then, ISO 8601. */
  properties[PROP_DUE_AT] =
    g_param_spec_string ("due-at", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Due, late, suspended or ordered. */
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       LIC_TYPE_REQUEST_STATE, LIC_REQUEST_STATE_DUE,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The order line that made it. */
  properties[PROP_ORDER_LINE_ID] =
    g_param_spec_int64 ("order-line-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The order that paid it, or 0. */
  properties[PROP_PAID_ORDER_ID] =
    g_param_spec_int64 ("paid-order-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* When it was paid, ISO 8601, or NULL. */
  properties[PROP_PAID_AT] =
    g_param_spec_string ("paid-at", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* What paying costs now (what was paid, once ordered), in minor units. */
  properties[PROP_PRICE] =
    g_param_spec_int64 ("price", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* ISO 4217 code of price. */
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lic_purchase_request_init (LicPurchaseRequest *self)
{
}

/**
 * lic_purchase_request_new_from_json:
 *
 * Returns: (transfer full): the purchase request @object describes, or %NULL with @error set to
 *   %LIC_ERROR_PARSE naming the member that is missing or malformed.
 */
LicPurchaseRequest *
lic_purchase_request_new_from_json (JsonObject  *object,
                                   GError     **error)
{
  gint64 id = 0;
  gint64 product_id = 0;
  const char *product_name = NULL;
  gint64 school_id = 0;
  const char *school_name = NULL;
  gint64 pool_id = 0;
  gint64 quantity = 0;
  const char *created_at = NULL;
  const char *late_on = NULL;
  const char *due_at = NULL;
  int state = 0;
  gint64 order_line_id = 0;
  gint64 paid_order_id = 0;
  const char *paid_at = NULL;
  gint64 price = 0;
  const char *currency = NULL;

  g_return_val_if_fail (object != NULL, NULL);

  if (!lic_json_get_int (object, "id", TRUE, &id, error)
      || !lic_json_get_int (object, "product_id", TRUE, &product_id, error)
      || !lic_json_get_string (object, "product_name", FALSE, &product_name, error)
      || !lic_json_get_int (object, "school_id", TRUE, &school_id, error)
      || !lic_json_get_string (object, "school_name", FALSE, &school_name, error)
      || !lic_json_get_int (object, "pool_id", TRUE, &pool_id, error)
      || !lic_json_get_int (object, "quantity", TRUE, &quantity, error)
      || !lic_json_get_string (object, "created_at", TRUE, &created_at, error)
      || !lic_json_get_string (object, "late_on", FALSE, &late_on, error)
      || !lic_json_get_string (object, "due_at", FALSE, &due_at, error)
      || !lic_json_get_enum (object, "state", LIC_TYPE_REQUEST_STATE, &state, error)
      || !lic_json_get_int (object, "order_line_id", FALSE, &order_line_id, error)
      || !lic_json_get_int (object, "paid_order_id", FALSE, &paid_order_id, error)
      || !lic_json_get_string (object, "paid_at", FALSE, &paid_at, error)
      || !lic_json_get_int (object, "price", FALSE, &price, error)
      || !lic_json_get_string (object, "currency", FALSE, &currency, error))
    return NULL;

  return g_object_new (LIC_TYPE_PURCHASE_REQUEST,
                       "id", id,
                       "product-id", product_id,
                       "product-name", product_name,
                       "school-id", school_id,
                       "school-name", school_name,
                       "pool-id", pool_id,
                       "quantity", quantity,
                       "created-at", created_at,
                       "late-on", late_on,
                       "due-at", due_at,
                       "state", state,
                       "order-line-id", order_line_id,
                       "paid-order-id", paid_order_id,
                       "paid-at", paid_at,
                       "price", price,
                       "currency", currency,
                       NULL);
}

/**
 * lic_purchase_request_to_json:
 *
 * Adds @self to @builder as one JSON object, in the form lic_purchase_request_new_from_json() reads.
 */
void
lic_purchase_request_to_json (LicPurchaseRequest   *self,
                             JsonBuilder *builder)
{
  g_return_if_fail (LIC_IS_PURCHASE_REQUEST (self));
  g_return_if_fail (JSON_IS_BUILDER (builder));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, self->id);
  json_builder_set_member_name (builder, "product_id");
  json_builder_add_int_value (builder, self->product_id);
  json_builder_set_member_name (builder, "product_name");
  if (self->product_name != NULL)
    json_builder_add_string_value (builder, self->product_name);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "school_id");
  json_builder_add_int_value (builder, self->school_id);
  json_builder_set_member_name (builder, "school_name");
  if (self->school_name != NULL)
    json_builder_add_string_value (builder, self->school_name);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "pool_id");
  json_builder_add_int_value (builder, self->pool_id);
  json_builder_set_member_name (builder, "quantity");
  json_builder_add_int_value (builder, self->quantity);
  json_builder_set_member_name (builder, "created_at");
  if (self->created_at != NULL)
    json_builder_add_string_value (builder, self->created_at);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "late_on");
  if (self->late_on != NULL)
    json_builder_add_string_value (builder, self->late_on);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "due_at");
  if (self->due_at != NULL)
    json_builder_add_string_value (builder, self->due_at);
  else
    json_builder_add_null_value (builder);
  lic_json_add_enum (builder, "state", LIC_TYPE_REQUEST_STATE, self->state);
  json_builder_set_member_name (builder, "order_line_id");
  json_builder_add_int_value (builder, self->order_line_id);
  json_builder_set_member_name (builder, "paid_order_id");
  if (self->paid_order_id > 0)
    json_builder_add_int_value (builder, self->paid_order_id);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "paid_at");
  if (self->paid_at != NULL)
    json_builder_add_string_value (builder, self->paid_at);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "price");
  json_builder_add_int_value (builder, self->price);
  json_builder_set_member_name (builder, "currency");
  if (self->currency != NULL)
    json_builder_add_string_value (builder, self->currency);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

gint64
lic_purchase_request_get_id (LicPurchaseRequest *self)
{
  g_return_val_if_fail (LIC_IS_PURCHASE_REQUEST (self), 0);

  return self->id;
}

gint64
lic_purchase_request_get_product_id (LicPurchaseRequest *self)
{
  g_return_val_if_fail (LIC_IS_PURCHASE_REQUEST (self), 0);

  return self->product_id;
}

const char *
lic_purchase_request_get_product_name (LicPurchaseRequest *self)
{
  g_return_val_if_fail (LIC_IS_PURCHASE_REQUEST (self), NULL);

  return self->product_name;
}

gint64
lic_purchase_request_get_school_id (LicPurchaseRequest *self)
{
  g_return_val_if_fail (LIC_IS_PURCHASE_REQUEST (self), 0);

  return self->school_id;
}

const char *
lic_purchase_request_get_school_name (LicPurchaseRequest *self)
{
  g_return_val_if_fail (LIC_IS_PURCHASE_REQUEST (self), NULL);

  return self->school_name;
}

gint64
lic_purchase_request_get_pool_id (LicPurchaseRequest *self)
{
  g_return_val_if_fail (LIC_IS_PURCHASE_REQUEST (self), 0);

  return self->pool_id;
}

gint64
lic_purchase_request_get_quantity (LicPurchaseRequest *self)
{
  g_return_val_if_fail (LIC_IS_PURCHASE_REQUEST (self), 0);

  return self->quantity;
}

const char *
lic_purchase_request_get_created_at (LicPurchaseRequest *self)
{
  g_return_val_if_fail (LIC_IS_PURCHASE_REQUEST (self), NULL);

  return self->created_at;
}

const char *
lic_purchase_request_get_late_on (LicPurchaseRequest *self)
{
  g_return_val_if_fail (LIC_IS_PURCHASE_REQUEST (self), NULL);

  return self->late_on;
}

const char *
lic_purchase_request_get_due_at (LicPurchaseRequest *self)
{
  g_return_val_if_fail (LIC_IS_PURCHASE_REQUEST (self), NULL);

  return self->due_at;
}

LicRequestState
lic_purchase_request_get_state (LicPurchaseRequest *self)
{
  g_return_val_if_fail (LIC_IS_PURCHASE_REQUEST (self), LIC_REQUEST_STATE_DUE);

  return self->state;
}

gint64
lic_purchase_request_get_order_line_id (LicPurchaseRequest *self)
{
  g_return_val_if_fail (LIC_IS_PURCHASE_REQUEST (self), 0);

  return self->order_line_id;
}

gint64
lic_purchase_request_get_paid_order_id (LicPurchaseRequest *self)
{
  g_return_val_if_fail (LIC_IS_PURCHASE_REQUEST (self), 0);

  return self->paid_order_id;
}

const char *
lic_purchase_request_get_paid_at (LicPurchaseRequest *self)
{
  g_return_val_if_fail (LIC_IS_PURCHASE_REQUEST (self), NULL);

  return self->paid_at;
}

gint64
lic_purchase_request_get_price (LicPurchaseRequest *self)
{
  g_return_val_if_fail (LIC_IS_PURCHASE_REQUEST (self), 0);

  return self->price;
}

const char *
lic_purchase_request_get_currency (LicPurchaseRequest *self)
{
  g_return_val_if_fail (LIC_IS_PURCHASE_REQUEST (self), NULL);

  return self->currency;
}
