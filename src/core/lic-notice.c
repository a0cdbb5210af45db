/* lic-notice.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lic-json.h"
#include "lic-notice.h"

struct _LicNotice
{
  GObject parent_instance;

  LicNoticeKind kind;
  gint64 purchase_request_id;
  gint64 quantity;
  char *created_at;
  char *late_on;
  char *due_at;
  gint64 payable_users;
  gint64 no_access;
  char *ordered_at;
  gint64 order_id;
  char *term_end;
  char *renewal_starts;
  gint64 to_renew;
  gint64 pool_id;
  gint64 product_id;
  char *product_name;
  gint64 school_id;
  char *school_name;
};

G_DEFINE_FINAL_TYPE (LicNotice, lic_notice, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_PURCHASE_REQUEST_ID,
  PROP_QUANTITY,
  PROP_CREATED_AT,
  PROP_LATE_ON,
  PROP_DUE_AT,
  PROP_PAYABLE_USERS,
  PROP_NO_ACCESS,
  PROP_ORDERED_AT,
  PROP_ORDER_ID,
  PROP_TERM_END,
  PROP_RENEWAL_STARTS,
  PROP_TO_RENEW,
  PROP_POOL_ID,
  PROP_PRODUCT_ID,
  PROP_PRODUCT_NAME,
  PROP_SCHOOL_ID,
  PROP_SCHOOL_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lic_notice_finalize (GObject *object)
{
  LicNotice *self = LIC_NOTICE (object);

  g_free (self->created_at);
  g_free (self->late_on);
  g_free (self->due_at);
  g_free (self->ordered_at);
  g_free (self->term_end);
  g_free (self->renewal_starts);
  g_free (self->product_name);
  g_free (self->school_name);

  G_OBJECT_CLASS (lic_notice_parent_class)->finalize (object);
}

static void
lic_notice_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  LicNotice *self = LIC_NOTICE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_PURCHASE_REQUEST_ID:
      g_value_set_int64 (value, self->purchase_request_id);
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

    case PROP_PAYABLE_USERS:
      g_value_set_int64 (value, self->payable_users);
      break;

    case PROP_NO_ACCESS:
      g_value_set_int64 (value, self->no_access);
      break;

    case PROP_ORDERED_AT:
      g_value_set_string (value, self->ordered_at);
      break;

    case PROP_ORDER_ID:
      g_value_set_int64 (value, self->order_id);
      break;

    case PROP_TERM_END:
      g_value_set_string (value, self->term_end);
      break;

    case PROP_RENEWAL_STARTS:
      g_value_set_string (value, self->renewal_starts);
      break;

    case PROP_TO_RENEW:
      g_value_set_int64 (value, self->to_renew);
      break;

    case PROP_POOL_ID:
      g_value_set_int64 (value, self->pool_id);
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

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_notice_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  LicNotice *self = LIC_NOTICE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    case PROP_PURCHASE_REQUEST_ID:
      self->purchase_request_id = g_value_get_int64 (value);
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

    case PROP_PAYABLE_USERS:
      self->payable_users = g_value_get_int64 (value);
      break;

    case PROP_NO_ACCESS:
      self->no_access = g_value_get_int64 (value);
      break;

    case PROP_ORDERED_AT:
      self->ordered_at = g_value_dup_string (value);
      break;

    case PROP_ORDER_ID:
      self->order_id = g_value_get_int64 (value);
      break;

    case PROP_TERM_END:
      self->term_end = g_value_dup_string (value);
      break;

    case PROP_RENEWAL_STARTS:
      self->renewal_starts = g_value_dup_string (value);
      break;

    case PROP_TO_RENEW:
      self->to_renew = g_value_get_int64 (value);
      break;

    case PROP_POOL_ID:
      self->pool_id = g_value_get_int64 (value);
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

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_notice_class_init (LicNoticeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lic_notice_finalize;
  object_class->get_property = lic_notice_get_property;
  object_class->set_property = lic_notice_set_property;

  /* What the notice is about. */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       LIC_TYPE_NOTICE_KIND, LIC_NOTICE_KIND_PAYMENT_DUE,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The purchase request, for every kind but renewal. */
  properties[PROP_PURCHASE_REQUEST_ID] =
    g_param_spec_int64 ("purchase-request-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The licenses the request got (unpaid, or suspended). */
  properties[PROP_QUANTITY] =
    g_param_spec_int64 ("quantity", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* When the request was made, ISO 8601. */
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* When payment becomes late (day 30), ISO 8601. */
  properties[PROP_LATE_ON] =
    g_param_spec_string ("late-on", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* When the unpaid licenses are suspended (day 60), ISO 8601. */
  properties[PROP_DUE_AT] =
    g_param_spec_string ("due-at", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The pool's users on the Payable list now. */
  properties[PROP_PAYABLE_USERS] =
    g_param_spec_int64 ("payable-users", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The pool's users without access (suspended notices). */
  properties[PROP_NO_ACCESS] =
    g_param_spec_int64 ("no-access", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* When the request was paid (order_placed notices), ISO 8601. */
  properties[PROP_ORDERED_AT] =
    g_param_spec_string ("ordered-at", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The order that paid it (order_placed notices). */
  properties[PROP_ORDER_ID] =
    g_param_spec_int64 ("order-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The end of the term, ISO 8601 date (renewal notices). */
  properties[PROP_TERM_END] =
    g_param_spec_string ("term-end", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The start of the renewal period, ISO 8601 date (renewal notices). */
  properties[PROP_RENEWAL_STARTS] =
    g_param_spec_string ("renewal-starts", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Licenses assigned and not renewed (renewal notices). */
  properties[PROP_TO_RENEW] =
    g_param_spec_int64 ("to-renew", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The pool; given in the overview (GET /notices), 0 in a pool. */
  properties[PROP_POOL_ID] =
    g_param_spec_int64 ("pool-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The pool's product (overview only). */
  properties[PROP_PRODUCT_ID] =
    g_param_spec_int64 ("product-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The product's name (overview only). */
  properties[PROP_PRODUCT_NAME] =
    g_param_spec_string ("product-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The pool's school (overview only). */
  properties[PROP_SCHOOL_ID] =
    g_param_spec_int64 ("school-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The school's name (overview only). */
  properties[PROP_SCHOOL_NAME] =
    g_param_spec_string ("school-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lic_notice_init (LicNotice *self)
{
}

/**
 * lic_notice_new_from_json:
 *
 * Returns: (transfer full): the notice @object describes, or %NULL with @error set to
 *   %LIC_ERROR_PARSE naming the member that is missing or malformed.
 */
LicNotice *
lic_notice_new_from_json (JsonObject  *object,
                         GError     **error)
{
  int kind = 0;
  gint64 purchase_request_id = 0;
  gint64 quantity = 0;
  const char *created_at = NULL;
  const char *late_on = NULL;
  const char *due_at = NULL;
  gint64 payable_users = 0;
  gint64 no_access = 0;
  const char *ordered_at = NULL;
  gint64 order_id = 0;
  const char *term_end = NULL;
  const char *renewal_starts = NULL;
  gint64 to_renew = 0;
  gint64 pool_id = 0;
  gint64 product_id = 0;
  const char *product_name = NULL;
  gint64 school_id = 0;
  const char *school_name = NULL;

  g_return_val_if_fail (object != NULL, NULL);

  if (!lic_json_get_enum (object, "kind", LIC_TYPE_NOTICE_KIND, &kind, error)
      || !lic_json_get_int (object, "purchase_request_id", FALSE, &purchase_request_id, error)
      || !lic_json_get_int (object, "quantity", FALSE, &quantity, error)
      || !lic_json_get_string (object, "created_at", FALSE, &created_at, error)
      || !lic_json_get_string (object, "late_on", FALSE, &late_on, error)
      || !lic_json_get_string (object, "due_at", FALSE, &due_at, error)
      || !lic_json_get_int (object, "payable_users", FALSE, &payable_users, error)
      || !lic_json_get_int (object, "no_access", FALSE, &no_access, error)
      || !lic_json_get_string (object, "ordered_at", FALSE, &ordered_at, error)
      || !lic_json_get_int (object, "order_id", FALSE, &order_id, error)
      || !lic_json_get_string (object, "term_end", FALSE, &term_end, error)
      || !lic_json_get_string (object, "renewal_starts", FALSE, &renewal_starts, error)
      || !lic_json_get_int (object, "to_renew", FALSE, &to_renew, error)
      || !lic_json_get_int (object, "pool_id", FALSE, &pool_id, error)
      || !lic_json_get_int (object, "product_id", FALSE, &product_id, error)
      || !lic_json_get_string (object, "product_name", FALSE, &product_name, error)
      || !lic_json_get_int (object, "school_id", FALSE, &school_id, error)
      || !lic_json_get_string (object, "school_name", FALSE, &school_name, error))
    return NULL;

  return g_object_new (LIC_TYPE_NOTICE,
                       "kind", kind,
                       "purchase-request-id", purchase_request_id,
                       "quantity", quantity,
                       "created-at", created_at,
                       "late-on", late_on,
                       "due-at", due_at,
                       "payable-users", payable_users,
                       "no-access", no_access,
                       "ordered-at", ordered_at,
                       "order-id", order_id,
                       "term-end", term_end,
                       "renewal-starts", renewal_starts,
                       "to-renew", to_renew,
                       "pool-id", pool_id,
                       "product-id", product_id,
                       "product-name", product_name,
                       "school-id", school_id,
                       "school-name", school_name,
                       NULL);
}

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
add_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

/**
 * lic_notice_to_json:
 *
 * Adds @self to @builder as one JSON object, in the form lic_notice_new_from_json() reads: the
 * members of its kind, and those of its pool when it has one (the overview's notices).
 */
void
lic_notice_to_json (LicNotice   *self,
                    JsonBuilder *builder)
{
  g_return_if_fail (LIC_IS_NOTICE (self));
  g_return_if_fail (JSON_IS_BUILDER (builder));

  json_builder_begin_object (builder);
  lic_json_add_enum (builder, "kind", LIC_TYPE_NOTICE_KIND, self->kind);
  if (self->kind == LIC_NOTICE_KIND_RENEWAL)
    {
      add_string (builder, "term_end", self->term_end);
      add_string (builder, "renewal_starts", self->renewal_starts);
      add_int (builder, "to_renew", self->to_renew);
    }
  else
    {
      add_int (builder, "purchase_request_id", self->purchase_request_id);
      add_int (builder, "quantity", self->quantity);
      add_string (builder, "created_at", self->created_at);
      add_string (builder, "late_on", self->late_on);
      add_string (builder, "due_at", self->due_at);
      add_int (builder, "payable_users", self->payable_users);
    }
  if (self->kind == LIC_NOTICE_KIND_SUSPENDED)
    add_int (builder, "no_access", self->no_access);
  if (self->kind == LIC_NOTICE_KIND_ORDER_PLACED)
    {
      add_string (builder, "ordered_at", self->ordered_at);
      add_int (builder, "order_id", self->order_id);
    }
  if (self->pool_id > 0)
    {
      add_int (builder, "pool_id", self->pool_id);
      add_int (builder, "product_id", self->product_id);
      add_string (builder, "product_name", self->product_name);
      add_int (builder, "school_id", self->school_id);
      add_string (builder, "school_name", self->school_name);
    }
  json_builder_end_object (builder);
}

LicNoticeKind
lic_notice_get_kind (LicNotice *self)
{
  g_return_val_if_fail (LIC_IS_NOTICE (self), LIC_NOTICE_KIND_PAYMENT_DUE);

  return self->kind;
}

gint64
lic_notice_get_purchase_request_id (LicNotice *self)
{
  g_return_val_if_fail (LIC_IS_NOTICE (self), 0);

  return self->purchase_request_id;
}

gint64
lic_notice_get_quantity (LicNotice *self)
{
  g_return_val_if_fail (LIC_IS_NOTICE (self), 0);

  return self->quantity;
}

const char *
lic_notice_get_created_at (LicNotice *self)
{
  g_return_val_if_fail (LIC_IS_NOTICE (self), NULL);

  return self->created_at;
}

const char *
lic_notice_get_late_on (LicNotice *self)
{
  g_return_val_if_fail (LIC_IS_NOTICE (self), NULL);

  return self->late_on;
}

const char *
lic_notice_get_due_at (LicNotice *self)
{
  g_return_val_if_fail (LIC_IS_NOTICE (self), NULL);

  return self->due_at;
}

gint64
lic_notice_get_payable_users (LicNotice *self)
{
  g_return_val_if_fail (LIC_IS_NOTICE (self), 0);

  return self->payable_users;
}

gint64
lic_notice_get_no_access (LicNotice *self)
{
  g_return_val_if_fail (LIC_IS_NOTICE (self), 0);

  return self->no_access;
}

const char *
lic_notice_get_ordered_at (LicNotice *self)
{
  g_return_val_if_fail (LIC_IS_NOTICE (self), NULL);

  return self->ordered_at;
}

gint64
lic_notice_get_order_id (LicNotice *self)
{
  g_return_val_if_fail (LIC_IS_NOTICE (self), 0);

  return self->order_id;
}

const char *
lic_notice_get_term_end (LicNotice *self)
{
  g_return_val_if_fail (LIC_IS_NOTICE (self), NULL);

  return self->term_end;
}

const char *
lic_notice_get_renewal_starts (LicNotice *self)
{
  g_return_val_if_fail (LIC_IS_NOTICE (self), NULL);

  return self->renewal_starts;
}

gint64
lic_notice_get_to_renew (LicNotice *self)
{
  g_return_val_if_fail (LIC_IS_NOTICE (self), 0);

  return self->to_renew;
}

gint64
lic_notice_get_pool_id (LicNotice *self)
{
  g_return_val_if_fail (LIC_IS_NOTICE (self), 0);

  return self->pool_id;
}

gint64
lic_notice_get_product_id (LicNotice *self)
{
  g_return_val_if_fail (LIC_IS_NOTICE (self), 0);

  return self->product_id;
}

const char *
lic_notice_get_product_name (LicNotice *self)
{
  g_return_val_if_fail (LIC_IS_NOTICE (self), NULL);

  return self->product_name;
}

gint64
lic_notice_get_school_id (LicNotice *self)
{
  g_return_val_if_fail (LIC_IS_NOTICE (self), 0);

  return self->school_id;
}

const char *
lic_notice_get_school_name (LicNotice *self)
{
  g_return_val_if_fail (LIC_IS_NOTICE (self), NULL);

  return self->school_name;
}
