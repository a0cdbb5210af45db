/* lic-product-query.h: what the library asks GET /products for: words, filters and an order.
 *
 * A small value type: the fields are public, NULL/0/-1 mean "any", and the list loader keeps a
 * copy per request.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "lic-client-enums.h"

G_BEGIN_DECLS

#define LIC_TYPE_PRODUCT_QUERY (lic_product_query_get_type ())

typedef struct
{
  char *text;                   /* q: words to look for, or NULL */
  char *subject;                /* a subject code, or NULL */
  char *grade;                  /* a grade code, or NULL */
  gint64 supplier_id;           /* a supplier's id, or 0 */
  int delivery;                 /* a LicDelivery, or -1 */
  LicProductSort sort;
} LicProductQuery;

GType            lic_product_query_get_type   (void) G_GNUC_CONST;
LicProductQuery *lic_product_query_new        (void);
LicProductQuery *lic_product_query_copy       (const LicProductQuery *self);
void             lic_product_query_free       (LicProductQuery       *self);
gboolean         lic_product_query_is_filtered (const LicProductQuery *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LicProductQuery, lic_product_query_free)

G_END_DECLS
