/* lic-organization.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lic-json.h"
#include "lic-organization.h"

struct _LicOrganization
{
  GObject parent_instance;

  gint64 id;
  char *name;
  char *currency;
};

G_DEFINE_FINAL_TYPE (LicOrganization, lic_organization, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_CURRENCY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lic_organization_finalize (GObject *object)
{
  LicOrganization *self = LIC_ORGANIZATION (object);

  g_free (self->name);
  g_free (self->currency);

  G_OBJECT_CLASS (lic_organization_parent_class)->finalize (object);
}

static void
lic_organization_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LicOrganization *self = LIC_ORGANIZATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_organization_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LicOrganization *self = LIC_ORGANIZATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_CURRENCY:
      self->currency = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_organization_class_init (LicOrganizationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lic_organization_finalize;
  object_class->get_property = lic_organization_get_property;
  object_class->set_property = lic_organization_set_property;

  /* Server id. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                         0, G_MAXINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Name. */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* ISO 4217 code. */
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lic_organization_init (LicOrganization *self)
{
}

/**
 * lic_organization_new_from_json:
 *
 * Returns: (transfer full): the organization @object describes, or %NULL with @error set to
 *   %LIC_ERROR_PARSE naming the member that is missing or malformed.
 */
LicOrganization *
lic_organization_new_from_json (JsonObject  *object,
                                GError     **error)
{
  gint64 id = 0;
  const char *name = NULL;
  const char *currency = NULL;

  g_return_val_if_fail (object != NULL, NULL);

  if (!lic_json_get_int (object, "id", TRUE, &id, error)
      || !lic_json_get_string (object, "name", TRUE, &name, error)
      || !lic_json_get_string (object, "currency", TRUE, &currency, error))
    return NULL;

  return g_object_new (LIC_TYPE_ORGANIZATION,
                       "id", id,
                       "name", name,
                       "currency", currency,
                       NULL);
}

/**
 * lic_organization_to_json:
 *
 * Adds @self to @builder as one JSON object, in the form lic_organization_new_from_json() reads.
 */
void
lic_organization_to_json (LicOrganization   *self,
                          JsonBuilder *builder)
{
  g_return_if_fail (LIC_IS_ORGANIZATION (self));
  g_return_if_fail (JSON_IS_BUILDER (builder));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, self->id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, self->name != NULL ? self->name : "");
  json_builder_set_member_name (builder, "currency");
  json_builder_add_string_value (builder, self->currency != NULL ? self->currency : "");
  json_builder_end_object (builder);
}

gint64
lic_organization_get_id (LicOrganization *self)
{
  g_return_val_if_fail (LIC_IS_ORGANIZATION (self), 0);

  return self->id;
}

const char *
lic_organization_get_name (LicOrganization *self)
{
  g_return_val_if_fail (LIC_IS_ORGANIZATION (self), NULL);

  return self->name;
}

const char *
lic_organization_get_currency (LicOrganization *self)
{
  g_return_val_if_fail (LIC_IS_ORGANIZATION (self), NULL);

  return self->currency;
}
