/* lic-user.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lic-json.h"
#include "lic-user.h"

struct _LicUser
{
  GObject parent_instance;

  gint64 id;
  char *username;
  char *name;
  char *email;
  LicRole role;
  gint64 school_id;
  GStrv groups;
};

G_DEFINE_FINAL_TYPE (LicUser, lic_user, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_USERNAME,
  PROP_NAME,
  PROP_EMAIL,
  PROP_ROLE,
  PROP_SCHOOL_ID,
  PROP_GROUPS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lic_user_finalize (GObject *object)
{
  LicUser *self = LIC_USER (object);

  g_free (self->username);
  g_free (self->name);
  g_free (self->email);
  g_strfreev (self->groups);

  G_OBJECT_CLASS (lic_user_parent_class)->finalize (object);
}

static void
lic_user_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  LicUser *self = LIC_USER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_USERNAME:
      g_value_set_string (value, self->username);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;

    case PROP_SCHOOL_ID:
      g_value_set_int64 (value, self->school_id);
      break;

    case PROP_GROUPS:
      g_value_set_boxed (value, self->groups);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_user_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  LicUser *self = LIC_USER (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_USERNAME:
      self->username = g_value_dup_string (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_EMAIL:
      self->email = g_value_dup_string (value);
      break;

    case PROP_ROLE:
      self->role = g_value_get_enum (value);
      break;

    case PROP_SCHOOL_ID:
      self->school_id = g_value_get_int64 (value);
      break;

    case PROP_GROUPS:
      self->groups = g_value_dup_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_user_class_init (LicUserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lic_user_finalize;
  object_class->get_property = lic_user_get_property;
  object_class->set_property = lic_user_set_property;

  /* Server id. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                         0, G_MAXINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Username. */
  properties[PROP_USERNAME] =
    g_param_spec_string ("username", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Full name. */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* E-mail address. */
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Role. */
  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL,
                       LIC_TYPE_ROLE, LIC_ROLE_STUDENT,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* School id. */
  properties[PROP_SCHOOL_ID] =
    g_param_spec_int64 ("school-id", NULL, NULL,
                         0, G_MAXINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Names of the user's groups (classes). */
  properties[PROP_GROUPS] =
    g_param_spec_boxed ("groups", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lic_user_init (LicUser *self)
{
}

/**
 * lic_user_new_from_json:
 *
 * Returns: (transfer full): the user @object describes, or %NULL with @error set to
 *   %LIC_ERROR_PARSE naming the member that is missing or malformed.
 */
LicUser *
lic_user_new_from_json (JsonObject  *object,
                        GError     **error)
{
  gint64 id = 0;
  const char *username = NULL;
  const char *name = NULL;
  const char *email = NULL;
  int role = 0;
  gint64 school_id = 0;
  g_auto(GStrv) groups = NULL;

  g_return_val_if_fail (object != NULL, NULL);

  if (!lic_json_get_int (object, "id", TRUE, &id, error)
      || !lic_json_get_string (object, "username", TRUE, &username, error)
      || !lic_json_get_string (object, "name", TRUE, &name, error)
      || !lic_json_get_string (object, "email", FALSE, &email, error)
      || !lic_json_get_enum (object, "role", LIC_TYPE_ROLE, &role, error)
      || !lic_json_get_int (object, "school_id", TRUE, &school_id, error)
      || !lic_json_get_strv (object, "groups", FALSE, &groups, error))
    return NULL;

  return g_object_new (LIC_TYPE_USER,
                       "id", id,
                       "username", username,
                       "name", name,
                       "email", email,
                       "role", role,
                       "school-id", school_id,
                       "groups", groups,
                       NULL);
}

/**
 * lic_user_to_json:
 *
 * Adds @self to @builder as one JSON object, in the form lic_user_new_from_json() reads.
 */
void
lic_user_to_json (LicUser   *self,
                  JsonBuilder *builder)
{
  g_return_if_fail (LIC_IS_USER (self));
  g_return_if_fail (JSON_IS_BUILDER (builder));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, self->id);
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, self->username != NULL ? self->username : "");
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, self->name != NULL ? self->name : "");
  json_builder_set_member_name (builder, "email");
  if (self->email != NULL)
    json_builder_add_string_value (builder, self->email);
  else
    json_builder_add_null_value (builder);
  lic_json_add_enum (builder, "role", LIC_TYPE_ROLE, self->role);
  json_builder_set_member_name (builder, "school_id");
  json_builder_add_int_value (builder, self->school_id);
  lic_json_add_strv (builder, "groups", (const char * const *) self->groups);
  json_builder_end_object (builder);
}

gint64
lic_user_get_id (LicUser *self)
{
  g_return_val_if_fail (LIC_IS_USER (self), 0);

  return self->id;
}

const char *
lic_user_get_username (LicUser *self)
{
  g_return_val_if_fail (LIC_IS_USER (self), NULL);

  return self->username;
}

const char *
lic_user_get_name (LicUser *self)
{
  g_return_val_if_fail (LIC_IS_USER (self), NULL);

  return self->name;
}

const char *
lic_user_get_email (LicUser *self)
{
  g_return_val_if_fail (LIC_IS_USER (self), NULL);

  return self->email;
}

LicRole
lic_user_get_role (LicUser *self)
{
  g_return_val_if_fail (LIC_IS_USER (self), 0);

  return self->role;
}

gint64
lic_user_get_school_id (LicUser *self)
{
  g_return_val_if_fail (LIC_IS_USER (self), 0);

  return self->school_id;
}

const char * const *
lic_user_get_groups (LicUser *self)
{
  g_return_val_if_fail (LIC_IS_USER (self), NULL);

  return (const char * const *) self->groups;
}
