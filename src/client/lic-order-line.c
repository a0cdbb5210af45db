/* lic-order-line.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lic-json.h"
#include "lic-order-line.h"

struct _LicOrderLine
{
  GObject parent_instance;

  gint64 id;
  gint64 product_id;
  char *product_name;
  gint64 school_id;
  char *school_name;
  gint64 quantity;
  LicDelivery delivery;
  LicOrderLineState state;
  char *state_since;
  gint64 assigned;
  char *activation_email;
  char *status_text;
};

G_DEFINE_FINAL_TYPE (LicOrderLine, lic_order_line, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PRODUCT_ID,
  PROP_PRODUCT_NAME,
  PROP_SCHOOL_ID,
  PROP_SCHOOL_NAME,
  PROP_QUANTITY,
  PROP_DELIVERY,
  PROP_STATE,
  PROP_STATE_SINCE,
  PROP_ASSIGNED,
  PROP_ACTIVATION_EMAIL,
  PROP_STATUS_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lic_order_line_finalize (GObject *object)
{
  LicOrderLine *self = LIC_ORDER_LINE (object);

  g_free (self->product_name);
  g_free (self->school_name);
  g_free (self->state_since);
  g_free (self->activation_email);
  g_free (self->status_text);

  G_OBJECT_CLASS (lic_order_line_parent_class)->finalize (object);
}

static void
lic_order_line_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LicOrderLine *self = LIC_ORDER_LINE (object);

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

    case PROP_QUANTITY:
      g_value_set_int64 (value, self->quantity);
      break;

    case PROP_DELIVERY:
      g_value_set_enum (value, self->delivery);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_STATE_SINCE:
      g_value_set_string (value, self->state_since);
      break;

    case PROP_ASSIGNED:
      g_value_set_int64 (value, self->assigned);
      break;

    case PROP_ACTIVATION_EMAIL:
      g_value_set_string (value, self->activation_email);
      break;

    case PROP_STATUS_TEXT:
      g_value_set_string (value, self->status_text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_order_line_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LicOrderLine *self = LIC_ORDER_LINE (object);

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

    case PROP_QUANTITY:
      self->quantity = g_value_get_int64 (value);
      break;

    case PROP_DELIVERY:
      self->delivery = g_value_get_enum (value);
      break;

    case PROP_STATE:
      self->state = g_value_get_enum (value);
      break;

    case PROP_STATE_SINCE:
      self->state_since = g_value_dup_string (value);
      break;

    case PROP_ASSIGNED:
      self->assigned = g_value_get_int64 (value);
      break;

    case PROP_ACTIVATION_EMAIL:
      self->activation_email = g_value_dup_string (value);
      break;

    case PROP_STATUS_TEXT:
      self->status_text = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_order_line_class_init (LicOrderLineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lic_order_line_finalize;
  object_class->get_property = lic_order_line_get_property;
  object_class->set_property = lic_order_line_set_property;

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

  /* Where the licenses are. */
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       LIC_TYPE_ORDER_LINE_STATE, LIC_ORDER_LINE_STATE_DELIVERED,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* When the line got its state (ISO 8601). */
  properties[PROP_STATE_SINCE] =
    g_param_spec_string ("state-since", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Users assigned through this line (delivered lines). */
  properties[PROP_ASSIGNED] =
    g_param_spec_int64 ("assigned", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Where the activation e-mail went, or NULL. */
  properties[PROP_ACTIVATION_EMAIL] =
    g_param_spec_string ("activation-email", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The server's phrase for the state, in English. */
  properties[PROP_STATUS_TEXT] =
    g_param_spec_string ("status-text", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lic_order_line_init (LicOrderLine *self)
{
}

/**
 * lic_order_line_new_from_json:
 *
 * Returns: (transfer full): the object @object describes, or %NULL with @error set to
 *   %LIC_ERROR_PARSE naming the member that is missing or malformed.
 */
LicOrderLine *
lic_order_line_new_from_json (JsonObject  *object,
                              GError     **error)
{
  gint64 id = 0;
  gint64 product_id = 0;
  const char *product_name = NULL;
  gint64 school_id = 0;
  const char *school_name = NULL;
  gint64 quantity = 0;
  int delivery = 0;
  int state = 0;
  const char *state_since = NULL;
  gint64 assigned = 0;
  const char *activation_email = NULL;
  const char *status_text = NULL;

  g_return_val_if_fail (object != NULL, NULL);

  if (!lic_json_get_int (object, "id", TRUE, &id, error)
      || !lic_json_get_int (object, "product_id", TRUE, &product_id, error)
      || !lic_json_get_string (object, "product_name", TRUE, &product_name, error)
      || !lic_json_get_int (object, "school_id", TRUE, &school_id, error)
      || !lic_json_get_string (object, "school_name", TRUE, &school_name, error)
      || !lic_json_get_int (object, "quantity", TRUE, &quantity, error)
      || !lic_json_get_enum (object, "delivery", LIC_TYPE_DELIVERY, &delivery, error)
      || !lic_json_get_enum (object, "state", LIC_TYPE_ORDER_LINE_STATE, &state, error)
      || !lic_json_get_string (object, "state_since", FALSE, &state_since, error)
      || !lic_json_get_int (object, "assigned", FALSE, &assigned, error)
      || !lic_json_get_string (object, "activation_email", FALSE, &activation_email, error)
      || !lic_json_get_string (object, "status_text", FALSE, &status_text, error))
    return NULL;

  return g_object_new (LIC_TYPE_ORDER_LINE,
                       "id", id,
                       "product-id", product_id,
                       "product-name", product_name,
                       "school-id", school_id,
                       "school-name", school_name,
                       "quantity", quantity,
                       "delivery", delivery,
                       "state", state,
                       "state-since", state_since,
                       "assigned", assigned,
                       "activation-email", activation_email,
                       "status-text", status_text,
                       NULL);
}

gint64
lic_order_line_get_id (LicOrderLine *self)
{
  g_return_val_if_fail (LIC_IS_ORDER_LINE (self), 0);

  return self->id;
}

gint64
lic_order_line_get_product_id (LicOrderLine *self)
{
  g_return_val_if_fail (LIC_IS_ORDER_LINE (self), 0);

  return self->product_id;
}

const char *
lic_order_line_get_product_name (LicOrderLine *self)
{
  g_return_val_if_fail (LIC_IS_ORDER_LINE (self), NULL);

  return self->product_name;
}

gint64
lic_order_line_get_school_id (LicOrderLine *self)
{
  g_return_val_if_fail (LIC_IS_ORDER_LINE (self), 0);

  return self->school_id;
}

const char *
lic_order_line_get_school_name (LicOrderLine *self)
{
  g_return_val_if_fail (LIC_IS_ORDER_LINE (self), NULL);

  return self->school_name;
}

gint64
lic_order_line_get_quantity (LicOrderLine *self)
{
  g_return_val_if_fail (LIC_IS_ORDER_LINE (self), 0);

  return self->quantity;
}

LicDelivery
lic_order_line_get_delivery (LicOrderLine *self)
{
  g_return_val_if_fail (LIC_IS_ORDER_LINE (self), 0);

  return self->delivery;
}

LicOrderLineState
lic_order_line_get_state (LicOrderLine *self)
{
  g_return_val_if_fail (LIC_IS_ORDER_LINE (self), 0);

  return self->state;
}

const char *
lic_order_line_get_state_since (LicOrderLine *self)
{
  g_return_val_if_fail (LIC_IS_ORDER_LINE (self), NULL);

  return self->state_since;
}

gint64
lic_order_line_get_assigned (LicOrderLine *self)
{
  g_return_val_if_fail (LIC_IS_ORDER_LINE (self), 0);

  return self->assigned;
}

const char *
lic_order_line_get_activation_email (LicOrderLine *self)
{
  g_return_val_if_fail (LIC_IS_ORDER_LINE (self), NULL);

  return self->activation_email;
}

const char *
lic_order_line_get_status_text (LicOrderLine *self)
{
  g_return_val_if_fail (LIC_IS_ORDER_LINE (self), NULL);

  return self->status_text;
}
