/* lic-supplier.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lic-json.h"
#include "lic-supplier.h"

struct _LicSupplier
{
  GObject parent_instance;

  gint64 id;
  char *name;
};

G_DEFINE_FINAL_TYPE (LicSupplier, lic_supplier, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lic_supplier_finalize (GObject *object)
{
  LicSupplier *self = LIC_SUPPLIER (object);

  g_free (self->name);

  G_OBJECT_CLASS (lic_supplier_parent_class)->finalize (object);
}

static void
lic_supplier_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LicSupplier *self = LIC_SUPPLIER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_supplier_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LicSupplier *self = LIC_SUPPLIER (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_supplier_class_init (LicSupplierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lic_supplier_finalize;
  object_class->get_property = lic_supplier_get_property;
  object_class->set_property = lic_supplier_set_property;

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

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lic_supplier_init (LicSupplier *self)
{
}

/**
 * lic_supplier_new_from_json:
 *
 * Returns: (transfer full): the object @object describes, or %NULL with @error set to
 *   %LIC_ERROR_PARSE naming the member that is missing or malformed.
 */
LicSupplier *
lic_supplier_new_from_json (JsonObject  *object,
                            GError     **error)
{
  gint64 id = 0;
  const char *name = NULL;

  g_return_val_if_fail (object != NULL, NULL);

  if (!lic_json_get_int (object, "id", TRUE, &id, error)
      || !lic_json_get_string (object, "name", TRUE, &name, error))
    return NULL;

  return g_object_new (LIC_TYPE_SUPPLIER,
                       "id", id,
                       "name", name,
                       NULL);
}

gint64
lic_supplier_get_id (LicSupplier *self)
{
  g_return_val_if_fail (LIC_IS_SUPPLIER (self), 0);

  return self->id;
}

const char *
lic_supplier_get_name (LicSupplier *self)
{
  g_return_val_if_fail (LIC_IS_SUPPLIER (self), NULL);

  return self->name;
}
