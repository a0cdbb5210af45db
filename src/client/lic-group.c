/* lic-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lic-json.h"
#include "lic-group.h"

struct _LicGroup
{
  GObject parent_instance;

  gint64 id;
  char *name;
  gint64 school_id;
  gint64 member_count;
};

G_DEFINE_FINAL_TYPE (LicGroup, lic_group, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_SCHOOL_ID,
  PROP_MEMBER_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lic_group_finalize (GObject *object)
{
  LicGroup *self = LIC_GROUP (object);

  g_free (self->name);

  G_OBJECT_CLASS (lic_group_parent_class)->finalize (object);
}

static void
lic_group_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  LicGroup *self = LIC_GROUP (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_SCHOOL_ID:
      g_value_set_int64 (value, self->school_id);
      break;

    case PROP_MEMBER_COUNT:
      g_value_set_int64 (value, self->member_count);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_group_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  LicGroup *self = LIC_GROUP (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_SCHOOL_ID:
      self->school_id = g_value_get_int64 (value);
      break;

    case PROP_MEMBER_COUNT:
      self->member_count = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_group_class_init (LicGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lic_group_finalize;
  object_class->get_property = lic_group_get_property;
  object_class->set_property = lic_group_set_property;

  /* Server id. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Display name, such as "7A". */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The school the group belongs to. */
  properties[PROP_SCHOOL_ID] =
    g_param_spec_int64 ("school-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* How many users are in the group. */
  properties[PROP_MEMBER_COUNT] =
    g_param_spec_int64 ("member-count", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lic_group_init (LicGroup *self)
{
}

/**
 * lic_group_new_from_json:
 *
 * Returns: (transfer full): the object @object describes, or %NULL with @error set to
 *   %LIC_ERROR_PARSE naming the member that is missing or malformed.
 */
LicGroup *
lic_group_new_from_json (JsonObject  *object,
                         GError     **error)
{
  gint64 id = 0;
  const char *name = NULL;
  gint64 school_id = 0;
  gint64 member_count = 0;

  g_return_val_if_fail (object != NULL, NULL);

  if (!lic_json_get_int (object, "id", TRUE, &id, error)
      || !lic_json_get_string (object, "name", TRUE, &name, error)
      || !lic_json_get_int (object, "school_id", TRUE, &school_id, error)
      || !lic_json_get_int (object, "member_count", TRUE, &member_count, error))
    return NULL;

  return g_object_new (LIC_TYPE_GROUP,
                       "id", id,
                       "name", name,
                       "school-id", school_id,
                       "member-count", member_count,
                       NULL);
}

gint64
lic_group_get_id (LicGroup *self)
{
  g_return_val_if_fail (LIC_IS_GROUP (self), 0);

  return self->id;
}

const char *
lic_group_get_name (LicGroup *self)
{
  g_return_val_if_fail (LIC_IS_GROUP (self), NULL);

  return self->name;
}

gint64
lic_group_get_school_id (LicGroup *self)
{
  g_return_val_if_fail (LIC_IS_GROUP (self), 0);

  return self->school_id;
}

gint64
lic_group_get_member_count (LicGroup *self)
{
  g_return_val_if_fail (LIC_IS_GROUP (self), 0);

  return self->member_count;
}
