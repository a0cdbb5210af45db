/* lic-user-license.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lic-json.h"
#include "lic-user-license.h"

struct _LicUserLicense
{
  GObject parent_instance;

  gint64 pool_id;
  gint64 product_id;
  char *product_name;
  gint64 school_id;
  char *assigned_at;
  LicLicenseState state;
};

G_DEFINE_FINAL_TYPE (LicUserLicense, lic_user_license, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_POOL_ID,
  PROP_PRODUCT_ID,
  PROP_PRODUCT_NAME,
  PROP_SCHOOL_ID,
  PROP_ASSIGNED_AT,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lic_user_license_finalize (GObject *object)
{
  LicUserLicense *self = LIC_USER_LICENSE (object);

  g_free (self->product_name);
  g_free (self->assigned_at);

  G_OBJECT_CLASS (lic_user_license_parent_class)->finalize (object);
}

static void
lic_user_license_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LicUserLicense *self = LIC_USER_LICENSE (object);

  switch (prop_id)
    {
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

    case PROP_ASSIGNED_AT:
      g_value_set_string (value, self->assigned_at);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_user_license_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LicUserLicense *self = LIC_USER_LICENSE (object);

  switch (prop_id)
    {
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

    case PROP_ASSIGNED_AT:
      self->assigned_at = g_value_dup_string (value);
      break;

    case PROP_STATE:
      self->state = g_value_get_enum (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_user_license_class_init (LicUserLicenseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lic_user_license_finalize;
  object_class->get_property = lic_user_license_get_property;
  object_class->set_property = lic_user_license_set_property;

  /* The pool the license is of: unassigning goes through it. */
  properties[PROP_POOL_ID] =
    g_param_spec_int64 ("pool-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PRODUCT_ID] =
    g_param_spec_int64 ("product-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PRODUCT_NAME] =
    g_param_spec_string ("product-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SCHOOL_ID] =
    g_param_spec_int64 ("school-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* When it was assigned (ISO 8601). */
  properties[PROP_ASSIGNED_AT] =
    g_param_spec_string ("assigned-at", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       LIC_TYPE_LICENSE_STATE, LIC_LICENSE_STATE_ACTIVE,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lic_user_license_init (LicUserLicense *self)
{
}

/**
 * lic_user_license_new_from_json:
 *
 * Returns: (transfer full): the object @object describes, or %NULL with @error set to
 *   %LIC_ERROR_PARSE naming the member that is missing or malformed.
 */
LicUserLicense *
lic_user_license_new_from_json (JsonObject  *object,
                                GError     **error)
{
  gint64 pool_id = 0;
  gint64 product_id = 0;
  const char *product_name = NULL;
  gint64 school_id = 0;
  const char *assigned_at = NULL;
  int state = 0;

  g_return_val_if_fail (object != NULL, NULL);

  if (!lic_json_get_int (object, "pool_id", TRUE, &pool_id, error)
      || !lic_json_get_int (object, "product_id", TRUE, &product_id, error)
      || !lic_json_get_string (object, "product_name", TRUE, &product_name, error)
      || !lic_json_get_int (object, "school_id", TRUE, &school_id, error)
      || !lic_json_get_string (object, "assigned_at", TRUE, &assigned_at, error)
      || !lic_json_get_enum (object, "state", LIC_TYPE_LICENSE_STATE, &state, error))
    return NULL;

  return g_object_new (LIC_TYPE_USER_LICENSE,
                       "pool-id", pool_id,
                       "product-id", product_id,
                       "product-name", product_name,
                       "school-id", school_id,
                       "assigned-at", assigned_at,
                       "state", state,
                       NULL);
}

gint64
lic_user_license_get_pool_id (LicUserLicense *self)
{
  g_return_val_if_fail (LIC_IS_USER_LICENSE (self), 0);

  return self->pool_id;
}

gint64
lic_user_license_get_product_id (LicUserLicense *self)
{
  g_return_val_if_fail (LIC_IS_USER_LICENSE (self), 0);

  return self->product_id;
}

const char *
lic_user_license_get_product_name (LicUserLicense *self)
{
  g_return_val_if_fail (LIC_IS_USER_LICENSE (self), NULL);

  return self->product_name;
}

gint64
lic_user_license_get_school_id (LicUserLicense *self)
{
  g_return_val_if_fail (LIC_IS_USER_LICENSE (self), 0);

  return self->school_id;
}

const char *
lic_user_license_get_assigned_at (LicUserLicense *self)
{
  g_return_val_if_fail (LIC_IS_USER_LICENSE (self), NULL);

  return self->assigned_at;
}

LicLicenseState
lic_user_license_get_state (LicUserLicense *self)
{
  g_return_val_if_fail (LIC_IS_USER_LICENSE (self), LIC_LICENSE_STATE_ACTIVE);

  return self->state;
}
