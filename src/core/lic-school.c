/* lic-school.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lic-json.h"
#include "lic-school.h"

struct _LicSchool
{
  GObject parent_instance;

  gint64 id;
  char *name;
  gint64 organization_id;
};

G_DEFINE_FINAL_TYPE (LicSchool, lic_school, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ORGANIZATION_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lic_school_finalize (GObject *object)
{
  LicSchool *self = LIC_SCHOOL (object);

  g_free (self->name);

  G_OBJECT_CLASS (lic_school_parent_class)->finalize (object);
}

static void
lic_school_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LicSchool *self = LIC_SCHOOL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ORGANIZATION_ID:
      g_value_set_int64 (value, self->organization_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_school_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  LicSchool *self = LIC_SCHOOL (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_ORGANIZATION_ID:
      self->organization_id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_school_class_init (LicSchoolClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lic_school_finalize;
  object_class->get_property = lic_school_get_property;
  object_class->set_property = lic_school_set_property;

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

  /* Organization id. */
  properties[PROP_ORGANIZATION_ID] =
    g_param_spec_int64 ("organization-id", NULL, NULL,
                         0, G_MAXINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lic_school_init (LicSchool *self)
{
}

/**
 * lic_school_new_from_json:
 *
 * Returns: (transfer full): the school @object describes, or %NULL with @error set to
 *   %LIC_ERROR_PARSE naming the member that is missing or malformed.
 */
LicSchool *
lic_school_new_from_json (JsonObject  *object,
                          GError     **error)
{
  gint64 id = 0;
  const char *name = NULL;
  gint64 organization_id = 0;

  g_return_val_if_fail (object != NULL, NULL);

  if (!lic_json_get_int (object, "id", TRUE, &id, error)
      || !lic_json_get_string (object, "name", TRUE, &name, error)
      || !lic_json_get_int (object, "organization_id", TRUE, &organization_id, error))
    return NULL;

  return g_object_new (LIC_TYPE_SCHOOL,
                       "id", id,
                       "name", name,
                       "organization-id", organization_id,
                       NULL);
}

/**
 * lic_school_to_json:
 *
 * Adds @self to @builder as one JSON object, in the form lic_school_new_from_json() reads.
 */
void
lic_school_to_json (LicSchool   *self,
                    JsonBuilder *builder)
{
  g_return_if_fail (LIC_IS_SCHOOL (self));
  g_return_if_fail (JSON_IS_BUILDER (builder));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, self->id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, self->name != NULL ? self->name : "");
  json_builder_set_member_name (builder, "organization_id");
  json_builder_add_int_value (builder, self->organization_id);
  json_builder_end_object (builder);
}

gint64
lic_school_get_id (LicSchool *self)
{
  g_return_val_if_fail (LIC_IS_SCHOOL (self), 0);

  return self->id;
}

const char *
lic_school_get_name (LicSchool *self)
{
  g_return_val_if_fail (LIC_IS_SCHOOL (self), NULL);

  return self->name;
}

gint64
lic_school_get_organization_id (LicSchool *self)
{
  g_return_val_if_fail (LIC_IS_SCHOOL (self), 0);

  return self->organization_id;
}
