/* lic-cart-line.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lic-json.h"
#include "lic-cart-line.h"

struct _LicCartLine
{
  GObject parent_instance;

  gint64 id;
  gint64 product_id;
  char *product_name;
  char *supplier;
  gint64 school_id;
  char *school_name;
  gint64 quantity;
  LicDelivery delivery;
  gint64 unit_price;
  gint64 line_total;
  char *currency;
  gint64 term_months;
  GArray *user_ids;
  GArray *group_ids;
  gint64 assigned_count;
  gboolean can_assign_in_advance;
};

G_DEFINE_FINAL_TYPE (LicCartLine, lic_cart_line, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PRODUCT_ID,
  PROP_PRODUCT_NAME,
  PROP_SUPPLIER,
  PROP_SCHOOL_ID,
  PROP_SCHOOL_NAME,
  PROP_QUANTITY,
  PROP_DELIVERY,
  PROP_UNIT_PRICE,
  PROP_LINE_TOTAL,
  PROP_CURRENCY,
  PROP_TERM_MONTHS,
  PROP_USER_IDS,
  PROP_GROUP_IDS,
  PROP_ASSIGNED_COUNT,
  PROP_CAN_ASSIGN_IN_ADVANCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lic_cart_line_finalize (GObject *object)
{
  LicCartLine *self = LIC_CART_LINE (object);

  g_free (self->product_name);
  g_free (self->supplier);
  g_free (self->school_name);
  g_free (self->currency);
  g_clear_pointer (&self->user_ids, g_array_unref);
  g_clear_pointer (&self->group_ids, g_array_unref);

  G_OBJECT_CLASS (lic_cart_line_parent_class)->finalize (object);
}

static void
lic_cart_line_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LicCartLine *self = LIC_CART_LINE (object);

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

    case PROP_SUPPLIER:
      g_value_set_string (value, self->supplier);
      break;

    case PROP_SCHOOL_ID:
      g_value_set_int64 (value, self->school_id);
      break;

    case PROP_SCHOOL_NAME:
      g_value_set_string (value, self->school_name);
      break;

    case PROP_QUANTITY:
      g_value_set_int64 (value, self->quantity);
      break;

    case PROP_DELIVERY:
      g_value_set_enum (value, self->delivery);
      break;

    case PROP_UNIT_PRICE:
      g_value_set_int64 (value, self->unit_price);
      break;

    case PROP_LINE_TOTAL:
      g_value_set_int64 (value, self->line_total);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    case PROP_TERM_MONTHS:
      g_value_set_int64 (value, self->term_months);
      break;

    case PROP_USER_IDS:
      g_value_set_boxed (value, self->user_ids);
      break;

    case PROP_GROUP_IDS:
      g_value_set_boxed (value, self->group_ids);
      break;

    case PROP_ASSIGNED_COUNT:
      g_value_set_int64 (value, self->assigned_count);
      break;

    case PROP_CAN_ASSIGN_IN_ADVANCE:
      g_value_set_boolean (value, self->can_assign_in_advance);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_cart_line_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LicCartLine *self = LIC_CART_LINE (object);

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

    case PROP_SUPPLIER:
      self->supplier = g_value_dup_string (value);
      break;

    case PROP_SCHOOL_ID:
      self->school_id = g_value_get_int64 (value);
      break;

    case PROP_SCHOOL_NAME:
      self->school_name = g_value_dup_string (value);
      break;

    case PROP_QUANTITY:
      self->quantity = g_value_get_int64 (value);
      break;

    case PROP_DELIVERY:
      self->delivery = g_value_get_enum (value);
      break;

    case PROP_UNIT_PRICE:
      self->unit_price = g_value_get_int64 (value);
      break;

    case PROP_LINE_TOTAL:
      self->line_total = g_value_get_int64 (value);
      break;

    case PROP_CURRENCY:
      self->currency = g_value_dup_string (value);
      break;

    case PROP_TERM_MONTHS:
      self->term_months = g_value_get_int64 (value);
      break;

    case PROP_USER_IDS:
      self->user_ids = g_value_dup_boxed (value);
      break;

    case PROP_GROUP_IDS:
      self->group_ids = g_value_dup_boxed (value);
      break;

    case PROP_ASSIGNED_COUNT:
      self->assigned_count = g_value_get_int64 (value);
      break;

    case PROP_CAN_ASSIGN_IN_ADVANCE:
      self->can_assign_in_advance = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_cart_line_class_init (LicCartLineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lic_cart_line_finalize;
  object_class->get_property = lic_cart_line_get_property;
  object_class->set_property = lic_cart_line_set_property;

  /* Server id. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The product bought. */
  properties[PROP_PRODUCT_ID] =
    g_param_spec_int64 ("product-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Its name. */
  properties[PROP_PRODUCT_NAME] =
    g_param_spec_string ("product-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Its supplier's name. */
  properties[PROP_SUPPLIER] =
    g_param_spec_string ("supplier", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The school the licenses are for. */
  properties[PROP_SCHOOL_ID] =
    g_param_spec_int64 ("school-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Its name. */
  properties[PROP_SCHOOL_NAME] =
    g_param_spec_string ("school-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* How many licenses. */
  properties[PROP_QUANTITY] =
    g_param_spec_int64 ("quantity", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* How the licenses reach the pool. */
  properties[PROP_DELIVERY] =
    g_param_spec_enum ("delivery", NULL, NULL,
                       LIC_TYPE_DELIVERY, LIC_DELIVERY_DIRECT,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Price of one license for one term, in minor units. */
  properties[PROP_UNIT_PRICE] =
    g_param_spec_int64 ("unit-price", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Price of the line, in minor units. */
  properties[PROP_LINE_TOTAL] =
    g_param_spec_int64 ("line-total", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* ISO 4217 code of the prices. */
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Length of one term in months. */
  properties[PROP_TERM_MONTHS] =
    g_param_spec_int64 ("term-months", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The users picked (a GArray of gint64). */
  properties[PROP_USER_IDS] =
    g_param_spec_boxed ("user-ids", NULL, NULL,
                        G_TYPE_ARRAY,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The groups picked (a GArray of gint64). */
  properties[PROP_GROUP_IDS] =
    g_param_spec_boxed ("group-ids", NULL, NULL,
                        G_TYPE_ARRAY,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Distinct users the line will assign: picked users and members of picked groups. */
  properties[PROP_ASSIGNED_COUNT] =
    g_param_spec_int64 ("assigned-count", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Whether users may be picked (direct lines only). */
  properties[PROP_CAN_ASSIGN_IN_ADVANCE] =
    g_param_spec_boolean ("can-assign-in-advance", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lic_cart_line_init (LicCartLine *self)
{
}

/**
 * lic_cart_line_new_from_json:
 *
 * Returns: (transfer full): the object @object describes, or %NULL with @error set to
 *   %LIC_ERROR_PARSE naming the member that is missing or malformed.
 */
LicCartLine *
lic_cart_line_new_from_json (JsonObject  *object,
                             GError     **error)
{
  gint64 id = 0;
  gint64 product_id = 0;
  const char *product_name = NULL;
  const char *supplier = NULL;
  gint64 school_id = 0;
  const char *school_name = NULL;
  gint64 quantity = 0;
  int delivery = 0;
  gint64 unit_price = 0;
  gint64 line_total = 0;
  const char *currency = NULL;
  gint64 term_months = 0;
  g_autoptr(GArray) user_ids = NULL;
  g_autoptr(GArray) group_ids = NULL;
  gint64 assigned_count = 0;
  gboolean can_assign_in_advance = FALSE;

  g_return_val_if_fail (object != NULL, NULL);

  if (!lic_json_get_int (object, "id", TRUE, &id, error)
      || !lic_json_get_int (object, "product_id", TRUE, &product_id, error)
      || !lic_json_get_string (object, "product_name", TRUE, &product_name, error)
      || !lic_json_get_string (object, "supplier", FALSE, &supplier, error)
      || !lic_json_get_int (object, "school_id", TRUE, &school_id, error)
      || !lic_json_get_string (object, "school_name", TRUE, &school_name, error)
      || !lic_json_get_int (object, "quantity", TRUE, &quantity, error)
      || !lic_json_get_enum (object, "delivery", LIC_TYPE_DELIVERY, &delivery, error)
      || !lic_json_get_int (object, "unit_price", TRUE, &unit_price, error)
      || !lic_json_get_int (object, "line_total", TRUE, &line_total, error)
      || !lic_json_get_string (object, "currency", TRUE, &currency, error)
      || !lic_json_get_int (object, "term_months", FALSE, &term_months, error)
      || !lic_json_get_ids (object, "user_ids", FALSE, &user_ids, error)
      || !lic_json_get_ids (object, "group_ids", FALSE, &group_ids, error)
      || !lic_json_get_int (object, "assigned_count", FALSE, &assigned_count, error)
      || !lic_json_get_bool (object, "can_assign_in_advance", FALSE,
                             &can_assign_in_advance, error))
    return NULL;

  return g_object_new (LIC_TYPE_CART_LINE,
                       "id", id,
                       "product-id", product_id,
                       "product-name", product_name,
                       "supplier", supplier,
                       "school-id", school_id,
                       "school-name", school_name,
                       "quantity", quantity,
                       "delivery", delivery,
                       "unit-price", unit_price,
                       "line-total", line_total,
                       "currency", currency,
                       "term-months", term_months,
                       "user-ids", user_ids,
                       "group-ids", group_ids,
                       "assigned-count", assigned_count,
                       "can-assign-in-advance", can_assign_in_advance,
                       NULL);
}

gint64
lic_cart_line_get_id (LicCartLine *self)
{
  g_return_val_if_fail (LIC_IS_CART_LINE (self), 0);

  return self->id;
}

gint64
lic_cart_line_get_product_id (LicCartLine *self)
{
  g_return_val_if_fail (LIC_IS_CART_LINE (self), 0);

  return self->product_id;
}

const char *
lic_cart_line_get_product_name (LicCartLine *self)
{
  g_return_val_if_fail (LIC_IS_CART_LINE (self), NULL);

  return self->product_name;
}

const char *
lic_cart_line_get_supplier (LicCartLine *self)
{
  g_return_val_if_fail (LIC_IS_CART_LINE (self), NULL);

  return self->supplier;
}

gint64
lic_cart_line_get_school_id (LicCartLine *self)
{
  g_return_val_if_fail (LIC_IS_CART_LINE (self), 0);

  return self->school_id;
}

const char *
lic_cart_line_get_school_name (LicCartLine *self)
{
  g_return_val_if_fail (LIC_IS_CART_LINE (self), NULL);

  return self->school_name;
}

gint64
lic_cart_line_get_quantity (LicCartLine *self)
{
  g_return_val_if_fail (LIC_IS_CART_LINE (self), 0);

  return self->quantity;
}

LicDelivery
lic_cart_line_get_delivery (LicCartLine *self)
{
  g_return_val_if_fail (LIC_IS_CART_LINE (self), 0);

  return self->delivery;
}

gint64
lic_cart_line_get_unit_price (LicCartLine *self)
{
  g_return_val_if_fail (LIC_IS_CART_LINE (self), 0);

  return self->unit_price;
}

gint64
lic_cart_line_get_line_total (LicCartLine *self)
{
  g_return_val_if_fail (LIC_IS_CART_LINE (self), 0);

  return self->line_total;
}

const char *
lic_cart_line_get_currency (LicCartLine *self)
{
  g_return_val_if_fail (LIC_IS_CART_LINE (self), NULL);

  return self->currency;
}

gint64
lic_cart_line_get_term_months (LicCartLine *self)
{
  g_return_val_if_fail (LIC_IS_CART_LINE (self), 0);

  return self->term_months;
}

/**
 * lic_cart_line_get_user_ids:
 * @n_user_ids: (out): the number of ids
 *
 * Returns: (transfer none) (array length=n_user_ids) (nullable): the ids
 */
const gint64 *
lic_cart_line_get_user_ids (LicCartLine *self,
                            gsize       *n_user_ids)
{
  g_return_val_if_fail (LIC_IS_CART_LINE (self), NULL);
  g_return_val_if_fail (n_user_ids != NULL, NULL);

  *n_user_ids = self->user_ids != NULL ? self->user_ids->len : 0;
  return *n_user_ids > 0 ? (const gint64 *) self->user_ids->data : NULL;
}

/**
 * lic_cart_line_get_group_ids:
 * @n_group_ids: (out): the number of ids
 *
 * Returns: (transfer none) (array length=n_group_ids) (nullable): the ids
 */
const gint64 *
lic_cart_line_get_group_ids (LicCartLine *self,
                             gsize       *n_group_ids)
{
  g_return_val_if_fail (LIC_IS_CART_LINE (self), NULL);
  g_return_val_if_fail (n_group_ids != NULL, NULL);

  *n_group_ids = self->group_ids != NULL ? self->group_ids->len : 0;
  return *n_group_ids > 0 ? (const gint64 *) self->group_ids->data : NULL;
}

gint64
lic_cart_line_get_assigned_count (LicCartLine *self)
{
  g_return_val_if_fail (LIC_IS_CART_LINE (self), 0);

  return self->assigned_count;
}

gboolean
lic_cart_line_get_can_assign_in_advance (LicCartLine *self)
{
  g_return_val_if_fail (LIC_IS_CART_LINE (self), FALSE);

  return self->can_assign_in_advance;
}
