/* lic-product-school.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lic-json.h"
#include "lic-product-school.h"
#include "lic-order-line.h"

struct _LicProductSchool
{
  GObject parent_instance;

  gint64 school_id;
  char *school_name;
  gint64 pool_id;
  gint64 assigned;
  gint64 available;
  gint64 payable;
  gint64 to_renew;
  gint64 no_access;
  GListModel *order_lines;
  gint64 capacity;
  gint64 renewed;
  char *phase;
  char *term_end;
  char *renewal_starts;
  GListModel *notices;
};

G_DEFINE_FINAL_TYPE (LicProductSchool, lic_product_school, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SCHOOL_ID,
  PROP_SCHOOL_NAME,
  PROP_POOL_ID,
  PROP_ASSIGNED,
  PROP_AVAILABLE,
  PROP_PAYABLE,
  PROP_TO_RENEW,
  PROP_NO_ACCESS,
  PROP_ORDER_LINES,
  PROP_CAPACITY,
  PROP_RENEWED,
  PROP_PHASE,
  PROP_TERM_END,
  PROP_RENEWAL_STARTS,
  PROP_NOTICES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lic_product_school_finalize (GObject *object)
{
  LicProductSchool *self = LIC_PRODUCT_SCHOOL (object);

  g_free (self->school_name);
  g_clear_object (&self->order_lines);
  g_free (self->phase);
  g_free (self->term_end);
  g_free (self->renewal_starts);
  g_clear_object (&self->notices);

  G_OBJECT_CLASS (lic_product_school_parent_class)->finalize (object);
}

static void
lic_product_school_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LicProductSchool *self = LIC_PRODUCT_SCHOOL (object);

  switch (prop_id)
    {
    case PROP_SCHOOL_ID:
      g_value_set_int64 (value, self->school_id);
      break;

    case PROP_SCHOOL_NAME:
      g_value_set_string (value, self->school_name);
      break;

    case PROP_POOL_ID:
      g_value_set_int64 (value, self->pool_id);
      break;

    case PROP_ASSIGNED:
      g_value_set_int64 (value, self->assigned);
      break;

    case PROP_AVAILABLE:
      g_value_set_int64 (value, self->available);
      break;

    case PROP_PAYABLE:
      g_value_set_int64 (value, self->payable);
      break;

    case PROP_TO_RENEW:
      g_value_set_int64 (value, self->to_renew);
      break;

    case PROP_NO_ACCESS:
      g_value_set_int64 (value, self->no_access);
      break;

    case PROP_ORDER_LINES:
      g_value_set_object (value, self->order_lines);
      break;

    case PROP_CAPACITY:
      g_value_set_int64 (value, self->capacity);
      break;

    case PROP_RENEWED:
      g_value_set_int64 (value, self->renewed);
      break;

    case PROP_PHASE:
      g_value_set_string (value, self->phase);
      break;

    case PROP_TERM_END:
      g_value_set_string (value, self->term_end);
      break;

    case PROP_RENEWAL_STARTS:
      g_value_set_string (value, self->renewal_starts);
      break;

    case PROP_NOTICES:
      g_value_set_object (value, self->notices);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_product_school_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LicProductSchool *self = LIC_PRODUCT_SCHOOL (object);

  switch (prop_id)
    {
    case PROP_SCHOOL_ID:
      self->school_id = g_value_get_int64 (value);
      break;

    case PROP_SCHOOL_NAME:
      self->school_name = g_value_dup_string (value);
      break;

    case PROP_POOL_ID:
      self->pool_id = g_value_get_int64 (value);
      break;

    case PROP_ASSIGNED:
      self->assigned = g_value_get_int64 (value);
      break;

    case PROP_AVAILABLE:
      self->available = g_value_get_int64 (value);
      break;

    case PROP_PAYABLE:
      self->payable = g_value_get_int64 (value);
      break;

    case PROP_TO_RENEW:
      self->to_renew = g_value_get_int64 (value);
      break;

    case PROP_NO_ACCESS:
      self->no_access = g_value_get_int64 (value);
      break;

    case PROP_ORDER_LINES:
      self->order_lines = g_value_dup_object (value);
      break;

    case PROP_CAPACITY:
      self->capacity = g_value_get_int64 (value);
      break;

    case PROP_RENEWED:
      self->renewed = g_value_get_int64 (value);
      break;

    case PROP_PHASE:
      self->phase = g_value_dup_string (value);
      break;

    case PROP_TERM_END:
      self->term_end = g_value_dup_string (value);
      break;

    case PROP_RENEWAL_STARTS:
      self->renewal_starts = g_value_dup_string (value);
      break;

    case PROP_NOTICES:
      self->notices = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_product_school_class_init (LicProductSchoolClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lic_product_school_finalize;
  object_class->get_property = lic_product_school_get_property;
  object_class->set_property = lic_product_school_set_property;

  /* The school. */
  properties[PROP_SCHOOL_ID] =
    g_param_spec_int64 ("school-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Its name. */
  properties[PROP_SCHOOL_NAME] =
    g_param_spec_string ("school-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Its pool of the product, or 0 when it has none. */
  properties[PROP_POOL_ID] =
    g_param_spec_int64 ("pool-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Users with access. */
  properties[PROP_ASSIGNED] =
    g_param_spec_int64 ("assigned", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Licenses paid for the term. */
  properties[PROP_AVAILABLE] =
    g_param_spec_int64 ("available", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Licenses requested and not paid. */
  properties[PROP_PAYABLE] =
    g_param_spec_int64 ("payable", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Assigned licenses not yet renewed. */
  properties[PROP_TO_RENEW] =
    g_param_spec_int64 ("to-renew", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Users who lost access. */
  properties[PROP_NO_ACCESS] =
    g_param_spec_int64 ("no-access", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The school's order lines of the product, newest first (LicOrderLine). */
  properties[PROP_ORDER_LINES] =
    g_param_spec_object ("order-lines", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Licenses users may hold now: those paid, and those of unpaid purchase requests that have arrived. */
  properties[PROP_CAPACITY] =
    g_param_spec_int64 ("capacity", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Licenses ordered for the next term. */
  properties[PROP_RENEWED] =
    g_param_spec_int64 ("renewed", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The compliance phase of the pool: none, due, late, suspended or order_placed. */
  properties[PROP_PHASE] =
    g_param_spec_string ("phase", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The end of the term, ISO 8601 date, or NULL. */
  properties[PROP_TERM_END] =
    g_param_spec_string ("term-end", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The first day of the renewal period, ISO 8601 date, or NULL. */
  properties[PROP_RENEWAL_STARTS] =
    g_param_spec_string ("renewal-starts", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The pool's notices (LicNotice), most urgent first. */
  properties[PROP_NOTICES] =
    g_param_spec_object ("notices", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lic_product_school_init (LicProductSchool *self)
{
}

/**
 * lic_product_school_new_from_json:
 *
 * Returns: (transfer full): the object @object describes, or %NULL with @error set to
 *   %LIC_ERROR_PARSE naming the member that is missing or malformed.
 */
LicProductSchool *
lic_product_school_new_from_json (JsonObject  *object,
                                  GError     **error)
{
  gint64 school_id = 0;
  const char *school_name = NULL;
  gint64 pool_id = 0;
  gint64 assigned = 0;
  gint64 available = 0;
  gint64 payable = 0;
  gint64 to_renew = 0;
  gint64 no_access = 0;
  g_autoptr(GListModel) order_lines = NULL;
  gint64 capacity = 0;
  gint64 renewed = 0;
  const char *phase = NULL;
  const char *term_end = NULL;
  const char *renewal_starts = NULL;
  g_autoptr(GListModel) notices = NULL;

  g_return_val_if_fail (object != NULL, NULL);

  if (!lic_json_get_int (object, "school_id", TRUE, &school_id, error)
      || !lic_json_get_string (object, "school_name", TRUE, &school_name, error)
      || !lic_json_get_int (object, "pool_id", FALSE, &pool_id, error)
      || !lic_json_get_int (object, "assigned", FALSE, &assigned, error)
      || !lic_json_get_int (object, "available", FALSE, &available, error)
      || !lic_json_get_int (object, "payable", FALSE, &payable, error)
      || !lic_json_get_int (object, "to_renew", FALSE, &to_renew, error)
      || !lic_json_get_int (object, "no_access", FALSE, &no_access, error)
      || !lic_json_get_list (object, "order_lines", FALSE, LIC_TYPE_ORDER_LINE,
                             (LicFromJsonFunc) lic_order_line_new_from_json,
                             &order_lines, error)
      || !lic_json_get_int (object, "capacity", FALSE, &capacity, error)
      || !lic_json_get_int (object, "renewed", FALSE, &renewed, error)
      || !lic_json_get_string (object, "phase", FALSE, &phase, error)
      || !lic_json_get_string (object, "term_end", FALSE, &term_end, error)
      || !lic_json_get_string (object, "renewal_starts", FALSE, &renewal_starts, error)
      || !lic_json_get_list (object, "notices", FALSE, LIC_TYPE_NOTICE,
                             (LicFromJsonFunc) lic_notice_new_from_json, &notices, error))
    return NULL;

  return g_object_new (LIC_TYPE_PRODUCT_SCHOOL,
                       "school-id", school_id,
                       "school-name", school_name,
                       "pool-id", pool_id,
                       "assigned", assigned,
                       "available", available,
                       "payable", payable,
                       "to-renew", to_renew,
                       "no-access", no_access,
                       "order-lines", order_lines,
                       "capacity", capacity,
                       "renewed", renewed,
                       "phase", phase,
                       "term-end", term_end,
                       "renewal-starts", renewal_starts,
                       "notices", notices,
                       NULL);
}

gint64
lic_product_school_get_school_id (LicProductSchool *self)
{
  g_return_val_if_fail (LIC_IS_PRODUCT_SCHOOL (self), 0);

  return self->school_id;
}

const char *
lic_product_school_get_school_name (LicProductSchool *self)
{
  g_return_val_if_fail (LIC_IS_PRODUCT_SCHOOL (self), NULL);

  return self->school_name;
}

gint64
lic_product_school_get_pool_id (LicProductSchool *self)
{
  g_return_val_if_fail (LIC_IS_PRODUCT_SCHOOL (self), 0);

  return self->pool_id;
}

gint64
lic_product_school_get_assigned (LicProductSchool *self)
{
  g_return_val_if_fail (LIC_IS_PRODUCT_SCHOOL (self), 0);

  return self->assigned;
}

gint64
lic_product_school_get_available (LicProductSchool *self)
{
  g_return_val_if_fail (LIC_IS_PRODUCT_SCHOOL (self), 0);

  return self->available;
}

gint64
lic_product_school_get_payable (LicProductSchool *self)
{
  g_return_val_if_fail (LIC_IS_PRODUCT_SCHOOL (self), 0);

  return self->payable;
}

gint64
lic_product_school_get_to_renew (LicProductSchool *self)
{
  g_return_val_if_fail (LIC_IS_PRODUCT_SCHOOL (self), 0);

  return self->to_renew;
}

gint64
lic_product_school_get_no_access (LicProductSchool *self)
{
  g_return_val_if_fail (LIC_IS_PRODUCT_SCHOOL (self), 0);

  return self->no_access;
}

/**
 * lic_product_school_get_order_lines:
 *
 * Returns: (transfer none): a list model of the items
 */
GListModel *
lic_product_school_get_order_lines (LicProductSchool *self)
{
  g_return_val_if_fail (LIC_IS_PRODUCT_SCHOOL (self), NULL);

  return self->order_lines;
}

gint64
lic_product_school_get_capacity (LicProductSchool *self)
{
  g_return_val_if_fail (LIC_IS_PRODUCT_SCHOOL (self), 0);

  return self->capacity;
}

gint64
lic_product_school_get_renewed (LicProductSchool *self)
{
  g_return_val_if_fail (LIC_IS_PRODUCT_SCHOOL (self), 0);

  return self->renewed;
}

const char *
lic_product_school_get_phase (LicProductSchool *self)
{
  g_return_val_if_fail (LIC_IS_PRODUCT_SCHOOL (self), NULL);

  return self->phase;
}

const char *
lic_product_school_get_term_end (LicProductSchool *self)
{
  g_return_val_if_fail (LIC_IS_PRODUCT_SCHOOL (self), NULL);

  return self->term_end;
}

const char *
lic_product_school_get_renewal_starts (LicProductSchool *self)
{
  g_return_val_if_fail (LIC_IS_PRODUCT_SCHOOL (self), NULL);

  return self->renewal_starts;
}

GListModel *
lic_product_school_get_notices (LicProductSchool *self)
{
  g_return_val_if_fail (LIC_IS_PRODUCT_SCHOOL (self), NULL);

  return self->notices;
}
