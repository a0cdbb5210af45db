/* lic-caller.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lic-caller.h"

/**
 * lic_id_compare:
 *
 * Orders two gint64 ids, for g_array_sort() and g_array_binary_search().
 */
int
lic_id_compare (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/**
 * lic_caller_new:
 * @school_ids: (transfer full): the ids (gint64) of the schools the caller may act on
 *
 * Returns: (transfer full): a caller holding references to @user and @organization
 */
LicCaller *
lic_caller_new (LicUser         *user,
                LicOrganization *organization,
                LicAdminScope    admin_scope,
                GArray          *school_ids)
{
  LicCaller *self;

  g_return_val_if_fail (LIC_IS_USER (user), NULL);
  g_return_val_if_fail (LIC_IS_ORGANIZATION (organization), NULL);
  g_return_val_if_fail (school_ids != NULL, NULL);

  self = g_new0 (LicCaller, 1);
  self->user = g_object_ref (user);
  self->organization = g_object_ref (organization);
  self->admin_scope = admin_scope;
  self->school_ids = school_ids;
  g_array_sort (self->school_ids, lic_id_compare);
  return self;
}

void
lic_caller_free (LicCaller *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->user);
  g_object_unref (self->organization);
  g_array_unref (self->school_ids);
  g_free (self);
}

gboolean
lic_caller_may_act_on_school (const LicCaller *self,
                              gint64           school_id)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return g_array_binary_search (self->school_ids, &school_id, lic_id_compare, NULL);
}
