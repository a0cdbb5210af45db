/* lic-user-query.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lic-user-query.h"

G_DEFINE_BOXED_TYPE (LicUserQuery, lic_user_query, lic_user_query_copy, lic_user_query_free)

/**
 * lic_user_query_new:
 * @text: (nullable): words to look for, or %NULL for everyone
 *
 * Returns: (transfer full): a query for the users matching @text in every school
 */
LicUserQuery *
lic_user_query_new (const char *text)
{
  LicUserQuery *self = g_new0 (LicUserQuery, 1);

  self->text = g_strdup (text);
  self->role = -1;
  return self;
}

LicUserQuery *
lic_user_query_copy (const LicUserQuery *self)
{
  LicUserQuery *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->text = g_strdup (self->text);
  return copy;
}

void
lic_user_query_free (LicUserQuery *self)
{
  if (self == NULL)
    return;
  g_free (self->text);
  g_free (self);
}
