/* lic-notification.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lic-json.h"
#include "lic-notification.h"

struct _LicNotification
{
  GObject parent_instance;

  gint64 id;
  char *kind;
  char *created_at;
  gboolean read;
  gint64 order_id;
  gint64 order_line_id;
  gint64 product_id;
  char *product_name;
  gint64 school_id;
  char *school_name;
  gint64 quantity;
  char *text;
};

G_DEFINE_FINAL_TYPE (LicNotification, lic_notification, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_CREATED_AT,
  PROP_READ,
  PROP_ORDER_ID,
  PROP_ORDER_LINE_ID,
  PROP_PRODUCT_ID,
  PROP_PRODUCT_NAME,
  PROP_SCHOOL_ID,
  PROP_SCHOOL_NAME,
  PROP_QUANTITY,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lic_notification_finalize (GObject *object)
{
  LicNotification *self = LIC_NOTIFICATION (object);

  g_free (self->kind);
  g_free (self->created_at);
  g_free (self->product_name);
  g_free (self->school_name);
  g_free (self->text);

  G_OBJECT_CLASS (lic_notification_parent_class)->finalize (object);
}

static void
lic_notification_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LicNotification *self = LIC_NOTIFICATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;

    case PROP_READ:
      g_value_set_boolean (value, self->read);
      break;

    case PROP_ORDER_ID:
      g_value_set_int64 (value, self->order_id);
      break;

    case PROP_ORDER_LINE_ID:
      g_value_set_int64 (value, self->order_line_id);
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

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_notification_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LicNotification *self = LIC_NOTIFICATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_KIND:
      self->kind = g_value_dup_string (value);
      break;

    case PROP_CREATED_AT:
      self->created_at = g_value_dup_string (value);
      break;

    case PROP_READ:
      lic_notification_set_read (self, g_value_get_boolean (value));
      break;

    case PROP_ORDER_ID:
      self->order_id = g_value_get_int64 (value);
      break;

    case PROP_ORDER_LINE_ID:
      self->order_line_id = g_value_get_int64 (value);
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

    case PROP_TEXT:
      self->text = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_notification_class_init (LicNotificationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lic_notification_finalize;
  object_class->get_property = lic_notification_get_property;
  object_class->set_property = lic_notification_set_property;

  /* Server id. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* What happened: "delivered". */
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* When (ISO 8601). */
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Whether the administrator has seen it. */
  properties[PROP_READ] =
    g_param_spec_boolean ("read", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /* The order it is about. */
  properties[PROP_ORDER_ID] =
    g_param_spec_int64 ("order-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The order line it is about. */
  properties[PROP_ORDER_LINE_ID] =
    g_param_spec_int64 ("order-line-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The product delivered. */
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

  /* The server's sentence, in English. */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lic_notification_init (LicNotification *self)
{
}

/**
 * lic_notification_new_from_json:
 *
 * Returns: (transfer full): the object @object describes, or %NULL with @error set to
 *   %LIC_ERROR_PARSE naming the member that is missing or malformed.
 */
LicNotification *
lic_notification_new_from_json (JsonObject  *object,
                                GError     **error)
{
  gint64 id = 0;
  const char *kind = NULL;
  const char *created_at = NULL;
  gboolean read = FALSE;
  gint64 order_id = 0;
  gint64 order_line_id = 0;
  gint64 product_id = 0;
  const char *product_name = NULL;
  gint64 school_id = 0;
  const char *school_name = NULL;
  gint64 quantity = 0;
  const char *text = NULL;

  g_return_val_if_fail (object != NULL, NULL);

  if (!lic_json_get_int (object, "id", TRUE, &id, error)
      || !lic_json_get_string (object, "kind", TRUE, &kind, error)
      || !lic_json_get_string (object, "created_at", TRUE, &created_at, error)
      || !lic_json_get_bool (object, "read", FALSE, &read, error)
      || !lic_json_get_int (object, "order_id", FALSE, &order_id, error)
      || !lic_json_get_int (object, "order_line_id", FALSE, &order_line_id, error)
      || !lic_json_get_int (object, "product_id", FALSE, &product_id, error)
      || !lic_json_get_string (object, "product_name", FALSE, &product_name, error)
      || !lic_json_get_int (object, "school_id", FALSE, &school_id, error)
      || !lic_json_get_string (object, "school_name", FALSE, &school_name, error)
      || !lic_json_get_int (object, "quantity", FALSE, &quantity, error)
      || !lic_json_get_string (object, "text", FALSE, &text, error))
    return NULL;

  return g_object_new (LIC_TYPE_NOTIFICATION,
                       "id", id,
                       "kind", kind,
                       "created-at", created_at,
                       "read", read,
                       "order-id", order_id,
                       "order-line-id", order_line_id,
                       "product-id", product_id,
                       "product-name", product_name,
                       "school-id", school_id,
                       "school-name", school_name,
                       "quantity", quantity,
                       "text", text,
                       NULL);
}

gint64
lic_notification_get_id (LicNotification *self)
{
  g_return_val_if_fail (LIC_IS_NOTIFICATION (self), 0);

  return self->id;
}

const char *
lic_notification_get_kind (LicNotification *self)
{
  g_return_val_if_fail (LIC_IS_NOTIFICATION (self), NULL);

  return self->kind;
}

const char *
lic_notification_get_created_at (LicNotification *self)
{
  g_return_val_if_fail (LIC_IS_NOTIFICATION (self), NULL);

  return self->created_at;
}

gboolean
lic_notification_get_read (LicNotification *self)
{
  g_return_val_if_fail (LIC_IS_NOTIFICATION (self), FALSE);

  return self->read;
}

void
lic_notification_set_read (LicNotification *self,
                           gboolean        read)
{
  g_return_if_fail (LIC_IS_NOTIFICATION (self));

  read = !!read;
  if (self->read == read)
    return;
  self->read = read;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ]);
}

gint64
lic_notification_get_order_id (LicNotification *self)
{
  g_return_val_if_fail (LIC_IS_NOTIFICATION (self), 0);

  return self->order_id;
}

gint64
lic_notification_get_order_line_id (LicNotification *self)
{
  g_return_val_if_fail (LIC_IS_NOTIFICATION (self), 0);

  return self->order_line_id;
}

gint64
lic_notification_get_product_id (LicNotification *self)
{
  g_return_val_if_fail (LIC_IS_NOTIFICATION (self), 0);

  return self->product_id;
}

const char *
lic_notification_get_product_name (LicNotification *self)
{
  g_return_val_if_fail (LIC_IS_NOTIFICATION (self), NULL);

  return self->product_name;
}

gint64
lic_notification_get_school_id (LicNotification *self)
{
  g_return_val_if_fail (LIC_IS_NOTIFICATION (self), 0);

  return self->school_id;
}

const char *
lic_notification_get_school_name (LicNotification *self)
{
  g_return_val_if_fail (LIC_IS_NOTIFICATION (self), NULL);

  return self->school_name;
}

gint64
lic_notification_get_quantity (LicNotification *self)
{
  g_return_val_if_fail (LIC_IS_NOTIFICATION (self), 0);

  return self->quantity;
}

const char *
lic_notification_get_text (LicNotification *self)
{
  g_return_val_if_fail (LIC_IS_NOTIFICATION (self), NULL);

  return self->text;
}
