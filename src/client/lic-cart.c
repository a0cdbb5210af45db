/* lic-cart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lic-json.h"
#include "lic-cart.h"
#include "lic-cart-line.h"

struct _LicCart
{
  GObject parent_instance;

  GListModel *lines;
  gint64 line_count;
  gint64 total;
  char *currency;
  gboolean purchase_request_allowed;
  char *purchase_request_reason;
};

G_DEFINE_FINAL_TYPE (LicCart, lic_cart, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LINES,
  PROP_LINE_COUNT,
  PROP_TOTAL,
  PROP_CURRENCY,
  PROP_PURCHASE_REQUEST_ALLOWED,
  PROP_PURCHASE_REQUEST_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lic_cart_finalize (GObject *object)
{
  LicCart *self = LIC_CART (object);

  g_clear_object (&self->lines);
  g_free (self->currency);
  g_free (self->purchase_request_reason);

  G_OBJECT_CLASS (lic_cart_parent_class)->finalize (object);
}

static void
lic_cart_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  LicCart *self = LIC_CART (object);

  switch (prop_id)
    {
    case PROP_LINES:
      g_value_set_object (value, self->lines);
      break;

    case PROP_LINE_COUNT:
      g_value_set_int64 (value, self->line_count);
      break;

    case PROP_TOTAL:
      g_value_set_int64 (value, self->total);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    case PROP_PURCHASE_REQUEST_ALLOWED:
      g_value_set_boolean (value, self->purchase_request_allowed);
      break;

    case PROP_PURCHASE_REQUEST_REASON:
      g_value_set_string (value, self->purchase_request_reason);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_cart_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  LicCart *self = LIC_CART (object);

  switch (prop_id)
    {
    case PROP_LINES:
      self->lines = g_value_dup_object (value);
      break;

    case PROP_LINE_COUNT:
      self->line_count = g_value_get_int64 (value);
      break;

    case PROP_TOTAL:
      self->total = g_value_get_int64 (value);
      break;

    case PROP_CURRENCY:
      self->currency = g_value_dup_string (value);
      break;

    case PROP_PURCHASE_REQUEST_ALLOWED:
      self->purchase_request_allowed = g_value_get_boolean (value);
      break;

    case PROP_PURCHASE_REQUEST_REASON:
      self->purchase_request_reason = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_cart_class_init (LicCartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lic_cart_finalize;
  object_class->get_property = lic_cart_get_property;
  object_class->set_property = lic_cart_set_property;

  /* Its lines (LicCartLine). */
  properties[PROP_LINES] =
    g_param_spec_object ("lines", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The number of lines. */
  properties[PROP_LINE_COUNT] =
    g_param_spec_int64 ("line-count", NULL, NULL,
                        0, G_MAXINT64, 0,
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

  /* Whether purchase requests may be made now (FALSE while the organization is non-compliant). */
  properties[PROP_PURCHASE_REQUEST_ALLOWED] =
    g_param_spec_boolean ("purchase-request-allowed", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Why they may not, in the server's sentence, or NULL. */
  properties[PROP_PURCHASE_REQUEST_REASON] =
    g_param_spec_string ("purchase-request-reason", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lic_cart_init (LicCart *self)
{
}

/**
 * lic_cart_new_from_json:
 *
 * Returns: (transfer full): the object @object describes, or %NULL with @error set to
 *   %LIC_ERROR_PARSE naming the member that is missing or malformed.
 */
LicCart *
lic_cart_new_from_json (JsonObject  *object,
                        GError     **error)
{
  g_autoptr(GListModel) lines = NULL;
  gint64 line_count = 0;
  gint64 total = 0;
  const char *currency = NULL;
  gboolean purchase_request_allowed = FALSE;
  const char *purchase_request_reason = NULL;
  JsonNode *purchase_request;

  g_return_val_if_fail (object != NULL, NULL);

  if (!lic_json_get_list (object, "lines", TRUE, LIC_TYPE_CART_LINE,
                          (LicFromJsonFunc) lic_cart_line_new_from_json,
                          &lines, error)
      || !lic_json_get_int (object, "line_count", FALSE, &line_count, error)
      || !lic_json_get_int (object, "total", TRUE, &total, error)
      || !lic_json_get_string (object, "currency", TRUE, &currency, error))
    return NULL;
  /* {"allowed", "reason"}; a server that does not send it takes no purchase requests. */
  purchase_request = json_object_get_member (object, "purchase_request");
  if (purchase_request != NULL && !JSON_NODE_HOLDS_NULL (purchase_request))
    {
      if (!JSON_NODE_HOLDS_OBJECT (purchase_request))
        {
          g_set_error_literal (error, LIC_ERROR, LIC_ERROR_PARSE,
                               "“purchase_request” must be an object");
          return NULL;
        }
      if (!lic_json_get_bool (json_node_get_object (purchase_request), "allowed", TRUE,
                              &purchase_request_allowed, error)
          || !lic_json_get_string (json_node_get_object (purchase_request), "reason", FALSE,
                                   &purchase_request_reason, error))
        return NULL;
    }

  return g_object_new (LIC_TYPE_CART,
                       "lines", lines,
                       "line-count", line_count,
                       "total", total,
                       "currency", currency,
                       "purchase-request-allowed", purchase_request_allowed,
                       "purchase-request-reason", purchase_request_reason,
                       NULL);
}

/**
 * lic_cart_get_lines:
 *
 * Returns: (transfer none): a list model of the items
 */
GListModel *
lic_cart_get_lines (LicCart *self)
{
  g_return_val_if_fail (LIC_IS_CART (self), NULL);

  return self->lines;
}

gint64
lic_cart_get_line_count (LicCart *self)
{
  g_return_val_if_fail (LIC_IS_CART (self), 0);

  return self->line_count;
}

gint64
lic_cart_get_total (LicCart *self)
{
  g_return_val_if_fail (LIC_IS_CART (self), 0);

  return self->total;
}

const char *
lic_cart_get_currency (LicCart *self)
{
  g_return_val_if_fail (LIC_IS_CART (self), NULL);

  return self->currency;
}

gboolean
lic_cart_get_purchase_request_allowed (LicCart *self)
{
  g_return_val_if_fail (LIC_IS_CART (self), FALSE);

  return self->purchase_request_allowed;
}

const char *
lic_cart_get_purchase_request_reason (LicCart *self)
{
  g_return_val_if_fail (LIC_IS_CART (self), NULL);

  return self->purchase_request_reason;
}
