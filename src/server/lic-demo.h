/* lic-demo.h: the demo data of --demo, independent of any store.
 *
 * lic_demo_new() decides what the demo holds (deterministically: the same data on every run,
 * but for the year its terms end in, which follows the day it is loaded);
 * each LicStore implementation writes it in its own way. Rows refer to each other by their
 * index in these arrays, since ids are the store's to choose.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lic-core.h"

G_BEGIN_DECLS

typedef struct
{
  const char *name;
  const char *currency;             /* ISO 4217 */
  const char *country;              /* ISO 3166-1 alpha-2 */
  const char *language;             /* for the e-mails of its users */
} LicDemoOrganization;

typedef struct
{
  guint organization;
  const char *name;
} LicDemoSchool;

typedef struct
{
  guint school;
  char *name;
} LicDemoGroup;

typedef struct
{
  guint school;
  char *username;
  char *name;
  char *email;
  LicRole role;
  char *password_hash;              /* NULL: the user cannot sign in */
  gboolean organization_admin;
  int admin_school;                 /* the school it is a school admin of, or -1 */
  int group;                        /* its class, or -1 */
} LicDemoUser;

typedef struct
{
  const char *currency;             /* NULL ends the list */
  gint64 amount;                    /* in minor units */
} LicDemoPrice;

typedef struct
{
  guint supplier;
  const char *name;
  LicLicenseModel license_model;
  LicDelivery delivery;
  guint term_months;
  const char *description_en;
  const char *description_sv;
  const char *description_fi;
  const char *subjects[4];          /* NULL-terminated */
  const char *grades[5];            /* NULL-terminated */
  LicDemoPrice prices[3];           /* ended by a NULL currency */
} LicDemoProduct;

typedef struct
{
  guint school;
  guint product;
  gint64 quantity_paid;
  const char *term_end;             /* YYYY-MM-DD */
  const char *assigned_at;          /* ISO 8601, UTC */
  GArray *users;                    /* guint: indexes into LicDemo.users */
} LicDemoPool;

typedef struct
{
  const char *marker;               /* the key in the store that says it is loaded */
  gboolean shares_library;          /* its products are those of the demo, loaded already, and
                                       found by name; it has no suppliers of its own */
  const LicDemoOrganization *organizations;
  guint n_organizations;
  const LicDemoSchool *schools;
  guint n_schools;
  const char * const *suppliers;
  const char * const *supplier_keys;  /* one per supplier, in the clear */
  guint n_suppliers;
  const LicDemoProduct *products;
  guint n_products;
  GArray *groups;                   /* LicDemoGroup */
  GArray *users;                    /* LicDemoUser */
  GArray *pools;                    /* LicDemoPool */
  GPtrArray *strings;               /* what owns the names and dates made at run time */
} LicDemo;

LicDemo *lic_demo_new      (GDateTime  *today,
                            GError    **error);
LicDemo *lic_demo_new_city (guint       n_users,
                            GDateTime  *today,
                            GError    **error);
void     lic_demo_free (LicDemo  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LicDemo, lic_demo_free)

G_END_DECLS
