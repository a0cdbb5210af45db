/* lic-product.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lic-json.h"
#include "lic-product.h"

struct _LicProduct
{
  GObject parent_instance;

  gint64 id;
  char *name;
  char *supplier;
  gint64 supplier_id;
  char *description;
  GStrv subjects;
  GStrv grades;
  LicLicenseModel license_model;
  gint64 price;
  char *currency;
  gint64 term_months;
  LicDelivery delivery;
};

G_DEFINE_FINAL_TYPE (LicProduct, lic_product, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_SUPPLIER,
  PROP_SUPPLIER_ID,
  PROP_DESCRIPTION,
  PROP_SUBJECTS,
  PROP_GRADES,
  PROP_LICENSE_MODEL,
  PROP_PRICE,
  PROP_CURRENCY,
  PROP_TERM_MONTHS,
  PROP_DELIVERY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lic_product_finalize (GObject *object)
{
  LicProduct *self = LIC_PRODUCT (object);

  g_free (self->name);
  g_free (self->supplier);
  g_free (self->description);
  g_strfreev (self->subjects);
  g_strfreev (self->grades);
  g_free (self->currency);

  G_OBJECT_CLASS (lic_product_parent_class)->finalize (object);
}

static void
lic_product_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LicProduct *self = LIC_PRODUCT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_SUPPLIER:
      g_value_set_string (value, self->supplier);
      break;

    case PROP_SUPPLIER_ID:
      g_value_set_int64 (value, self->supplier_id);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_SUBJECTS:
      g_value_set_boxed (value, self->subjects);
      break;

    case PROP_GRADES:
      g_value_set_boxed (value, self->grades);
      break;

    case PROP_LICENSE_MODEL:
      g_value_set_enum (value, self->license_model);
      break;

    case PROP_PRICE:
      g_value_set_int64 (value, self->price);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    case PROP_TERM_MONTHS:
      g_value_set_int64 (value, self->term_months);
      break;

    case PROP_DELIVERY:
      g_value_set_enum (value, self->delivery);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_product_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LicProduct *self = LIC_PRODUCT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_SUPPLIER:
      self->supplier = g_value_dup_string (value);
      break;

    case PROP_SUPPLIER_ID:
      self->supplier_id = g_value_get_int64 (value);
      break;

    case PROP_DESCRIPTION:
      self->description = g_value_dup_string (value);
      break;

    case PROP_SUBJECTS:
      self->subjects = g_value_dup_boxed (value);
      break;

    case PROP_GRADES:
      self->grades = g_value_dup_boxed (value);
      break;

    case PROP_LICENSE_MODEL:
      self->license_model = g_value_get_enum (value);
      break;

    case PROP_PRICE:
      self->price = g_value_get_int64 (value);
      break;

    case PROP_CURRENCY:
      self->currency = g_value_dup_string (value);
      break;

    case PROP_TERM_MONTHS:
      self->term_months = g_value_get_int64 (value);
      break;

    case PROP_DELIVERY:
      self->delivery = g_value_get_enum (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_product_class_init (LicProductClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lic_product_finalize;
  object_class->get_property = lic_product_get_property;
  object_class->set_property = lic_product_set_property;

  /* Server id. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                         0, G_MAXINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Display name. */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Supplier name. */
  properties[PROP_SUPPLIER] =
    g_param_spec_string ("supplier", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Supplier id. */
  properties[PROP_SUPPLIER_ID] =
    g_param_spec_int64 ("supplier-id", NULL, NULL,
                         0, G_MAXINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Description in the caller's language. */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Subject codes. */
  properties[PROP_SUBJECTS] =
    g_param_spec_boxed ("subjects", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Grade level codes. */
  properties[PROP_GRADES] =
    g_param_spec_boxed ("grades", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* What one license covers. */
  properties[PROP_LICENSE_MODEL] =
    g_param_spec_enum ("license-model", NULL, NULL,
                       LIC_TYPE_LICENSE_MODEL, LIC_LICENSE_MODEL_PER_STUDENT,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Price per license and term, in minor units (öre, cents). */
  properties[PROP_PRICE] =
    g_param_spec_int64 ("price", NULL, NULL,
                         0, G_MAXINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* ISO 4217 code of price. */
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Length of one term in months. */
  properties[PROP_TERM_MONTHS] =
    g_param_spec_int64 ("term-months", NULL, NULL,
                         0, G_MAXINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* How licenses reach the pool. */
  properties[PROP_DELIVERY] =
    g_param_spec_enum ("delivery", NULL, NULL,
                       LIC_TYPE_DELIVERY, LIC_DELIVERY_DIRECT,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lic_product_init (LicProduct *self)
{
}

/**
 * lic_product_new_from_json:
 *
 * Returns: (transfer full): the product @object describes, or %NULL with @error set to
 *   %LIC_ERROR_PARSE naming the member that is missing or malformed.
 */
LicProduct *
lic_product_new_from_json (JsonObject  *object,
                           GError     **error)
{
  gint64 id = 0;
  const char *name = NULL;
  const char *supplier = NULL;
  gint64 supplier_id = 0;
  const char *description = NULL;
  g_auto(GStrv) subjects = NULL;
  g_auto(GStrv) grades = NULL;
  int license_model = 0;
  gint64 price = 0;
  const char *currency = NULL;
  gint64 term_months = 0;
  int delivery = 0;

  g_return_val_if_fail (object != NULL, NULL);

  if (!lic_json_get_int (object, "id", TRUE, &id, error)
      || !lic_json_get_string (object, "name", TRUE, &name, error)
      || !lic_json_get_string (object, "supplier", TRUE, &supplier, error)
      || !lic_json_get_int (object, "supplier_id", TRUE, &supplier_id, error)
      || !lic_json_get_string (object, "description", FALSE, &description, error)
      || !lic_json_get_strv (object, "subjects", FALSE, &subjects, error)
      || !lic_json_get_strv (object, "grades", FALSE, &grades, error)
      || !lic_json_get_enum (object, "license_model", LIC_TYPE_LICENSE_MODEL, &license_model, error)
      || !lic_json_get_int (object, "price", TRUE, &price, error)
      || !lic_json_get_string (object, "currency", TRUE, &currency, error)
      || !lic_json_get_int (object, "term_months", TRUE, &term_months, error)
      || !lic_json_get_enum (object, "delivery", LIC_TYPE_DELIVERY, &delivery, error))
    return NULL;

  return g_object_new (LIC_TYPE_PRODUCT,
                       "id", id,
                       "name", name,
                       "supplier", supplier,
                       "supplier-id", supplier_id,
                       "description", description,
                       "subjects", subjects,
                       "grades", grades,
                       "license-model", license_model,
                       "price", price,
                       "currency", currency,
                       "term-months", term_months,
                       "delivery", delivery,
                       NULL);
}

/**
 * lic_product_to_json:
 *
 * Adds @self to @builder as one JSON object, in the form lic_product_new_from_json() reads.
 */
void
lic_product_to_json (LicProduct   *self,
                     JsonBuilder *builder)
{
  g_return_if_fail (LIC_IS_PRODUCT (self));
  g_return_if_fail (JSON_IS_BUILDER (builder));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, self->id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, self->name != NULL ? self->name : "");
  json_builder_set_member_name (builder, "supplier");
  json_builder_add_string_value (builder, self->supplier != NULL ? self->supplier : "");
  json_builder_set_member_name (builder, "supplier_id");
  json_builder_add_int_value (builder, self->supplier_id);
  json_builder_set_member_name (builder, "description");
  if (self->description != NULL)
    json_builder_add_string_value (builder, self->description);
  else
    json_builder_add_null_value (builder);
  lic_json_add_strv (builder, "subjects", (const char * const *) self->subjects);
  lic_json_add_strv (builder, "grades", (const char * const *) self->grades);
  lic_json_add_enum (builder, "license_model", LIC_TYPE_LICENSE_MODEL, self->license_model);
  json_builder_set_member_name (builder, "price");
  json_builder_add_int_value (builder, self->price);
  json_builder_set_member_name (builder, "currency");
  json_builder_add_string_value (builder, self->currency != NULL ? self->currency : "");
  json_builder_set_member_name (builder, "term_months");
  json_builder_add_int_value (builder, self->term_months);
  lic_json_add_enum (builder, "delivery", LIC_TYPE_DELIVERY, self->delivery);
  json_builder_end_object (builder);
}

gint64
lic_product_get_id (LicProduct *self)
{
  g_return_val_if_fail (LIC_IS_PRODUCT (self), 0);

  return self->id;
}

const char *
lic_product_get_name (LicProduct *self)
{
  g_return_val_if_fail (LIC_IS_PRODUCT (self), NULL);

  return self->name;
}

const char *
lic_product_get_supplier (LicProduct *self)
{
  g_return_val_if_fail (LIC_IS_PRODUCT (self), NULL);

  return self->supplier;
}

gint64
lic_product_get_supplier_id (LicProduct *self)
{
  g_return_val_if_fail (LIC_IS_PRODUCT (self), 0);

  return self->supplier_id;
}

const char *
lic_product_get_description (LicProduct *self)
{
  g_return_val_if_fail (LIC_IS_PRODUCT (self), NULL);

  return self->description;
}

const char * const *
lic_product_get_subjects (LicProduct *self)
{
  g_return_val_if_fail (LIC_IS_PRODUCT (self), NULL);

  return (const char * const *) self->subjects;
}

const char * const *
lic_product_get_grades (LicProduct *self)
{
  g_return_val_if_fail (LIC_IS_PRODUCT (self), NULL);

  return (const char * const *) self->grades;
}

LicLicenseModel
lic_product_get_license_model (LicProduct *self)
{
  g_return_val_if_fail (LIC_IS_PRODUCT (self), 0);

  return self->license_model;
}

gint64
lic_product_get_price (LicProduct *self)
{
  g_return_val_if_fail (LIC_IS_PRODUCT (self), 0);

  return self->price;
}

const char *
lic_product_get_currency (LicProduct *self)
{
  g_return_val_if_fail (LIC_IS_PRODUCT (self), NULL);

  return self->currency;
}

gint64
lic_product_get_term_months (LicProduct *self)
{
  g_return_val_if_fail (LIC_IS_PRODUCT (self), 0);

  return self->term_months;
}

LicDelivery
lic_product_get_delivery (LicProduct *self)
{
  g_return_val_if_fail (LIC_IS_PRODUCT (self), 0);

  return self->delivery;
}
