/* lic-order.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lic-json.h"
#include "lic-order.h"
#include "lic-order-line.h"

struct _LicOrder
{
  GObject parent_instance;

  gint64 id;
  char *created_at;
  char *payment;
  gint64 total;
  char *currency;
  GListModel *lines;
};

G_DEFINE_FINAL_TYPE (LicOrder, lic_order, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CREATED_AT,
  PROP_PAYMENT,
  PROP_TOTAL,
  PROP_CURRENCY,
  PROP_LINES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lic_order_finalize (GObject *object)
{
  LicOrder *self = LIC_ORDER (object);

  g_free (self->created_at);
  g_free (self->payment);
  g_free (self->currency);
  g_clear_object (&self->lines);

  G_OBJECT_CLASS (lic_order_parent_class)->finalize (object);
}

static void
lic_order_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  LicOrder *self = LIC_ORDER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;

    case PROP_PAYMENT:
      g_value_set_string (value, self->payment);
      break;

    case PROP_TOTAL:
      g_value_set_int64 (value, self->total);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    case PROP_LINES:
      g_value_set_object (value, self->lines);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_order_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  LicOrder *self = LIC_ORDER (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_CREATED_AT:
      self->created_at = g_value_dup_string (value);
      break;

    case PROP_PAYMENT:
      self->payment = g_value_dup_string (value);
      break;

    case PROP_TOTAL:
      self->total = g_value_get_int64 (value);
      break;

    case PROP_CURRENCY:
      self->currency = g_value_dup_string (value);
      break;

    case PROP_LINES:
      self->lines = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_order_class_init (LicOrderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lic_order_finalize;
  object_class->get_property = lic_order_get_property;
  object_class->set_property = lic_order_set_property;

  /* Server id. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* When it was made (ISO 8601). */
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* How it is paid: "order". */
  properties[PROP_PAYMENT] =
    g_param_spec_string ("payment", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Its total, in minor units. */
  properties[PROP_TOTAL] =
    g_param_spec_int64 ("total", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* ISO 4217 code of the total. */
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Its lines (LicOrderLine). */
  properties[PROP_LINES] =
    g_param_spec_object ("lines", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lic_order_init (LicOrder *self)
{
}

/**
 * lic_order_new_from_json:
 *
 * Returns: (transfer full): the object @object describes, or %NULL with @error set to
 *   %LIC_ERROR_PARSE naming the member that is missing or malformed.
 */
LicOrder *
lic_order_new_from_json (JsonObject  *object,
                         GError     **error)
{
  gint64 id = 0;
  const char *created_at = NULL;
  const char *payment = NULL;
  gint64 total = 0;
  const char *currency = NULL;
  g_autoptr(GListModel) lines = NULL;

  g_return_val_if_fail (object != NULL, NULL);

  if (!lic_json_get_int (object, "id", TRUE, &id, error)
      || !lic_json_get_string (object, "created_at", TRUE, &created_at, error)
      || !lic_json_get_string (object, "payment", FALSE, &payment, error)
      || !lic_json_get_int (object, "total", FALSE, &total, error)
      || !lic_json_get_string (object, "currency", FALSE, &currency, error)
      || !lic_json_get_list (object, "lines", TRUE, LIC_TYPE_ORDER_LINE,
                             (LicFromJsonFunc) lic_order_line_new_from_json,
                             &lines, error))
    return NULL;

  return g_object_new (LIC_TYPE_ORDER,
                       "id", id,
                       "created-at", created_at,
                       "payment", payment,
                       "total", total,
                       "currency", currency,
                       "lines", lines,
                       NULL);
}

gint64
lic_order_get_id (LicOrder *self)
{
  g_return_val_if_fail (LIC_IS_ORDER (self), 0);

  return self->id;
}

const char *
lic_order_get_created_at (LicOrder *self)
{
  g_return_val_if_fail (LIC_IS_ORDER (self), NULL);

  return self->created_at;
}

const char *
lic_order_get_payment (LicOrder *self)
{
  g_return_val_if_fail (LIC_IS_ORDER (self), NULL);

  return self->payment;
}

gint64
lic_order_get_total (LicOrder *self)
{
  g_return_val_if_fail (LIC_IS_ORDER (self), 0);

  return self->total;
}

const char *
lic_order_get_currency (LicOrder *self)
{
  g_return_val_if_fail (LIC_IS_ORDER (self), NULL);

  return self->currency;
}

/**
 * lic_order_get_lines:
 *
 * Returns: (transfer none): a list model of the items
 */
GListModel *
lic_order_get_lines (LicOrder *self)
{
  g_return_val_if_fail (LIC_IS_ORDER (self), NULL);

  return self->lines;
}
