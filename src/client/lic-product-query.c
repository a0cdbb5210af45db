/* lic-product-query.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lic-product-query.h"

G_DEFINE_BOXED_TYPE (LicProductQuery, lic_product_query,
                     lic_product_query_copy, lic_product_query_free)

/**
 * lic_product_query_new:
 *
 * Returns: (transfer full): a query for the whole library, by name
 */
LicProductQuery *
lic_product_query_new (void)
{
  LicProductQuery *self = g_new0 (LicProductQuery, 1);

  self->delivery = -1;
  self->sort = LIC_PRODUCT_SORT_NAME;
  return self;
}

LicProductQuery *
lic_product_query_copy (const LicProductQuery *self)
{
  LicProductQuery *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->text = g_strdup (self->text);
  copy->subject = g_strdup (self->subject);
  copy->grade = g_strdup (self->grade);
  return copy;
}

void
lic_product_query_free (LicProductQuery *self)
{
  if (self == NULL)
    return;
  g_free (self->text);
  g_free (self->subject);
  g_free (self->grade);
  g_free (self);
}

/* Whether the query leaves out some products (the order does not count). */
gboolean
lic_product_query_is_filtered (const LicProductQuery *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return (self->text != NULL && *self->text != '\0')
         || self->subject != NULL || self->grade != NULL
         || self->supplier_id > 0 || self->delivery >= 0;
}
