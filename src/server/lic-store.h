/* lic-store.h: the one storage interface of licentia-server.
 *
 * Routes and rules reach storage only through LicStore, in domain terms; each implementation
 * (SQLite now, PostgreSQL later) owns its SQL. Every query is scoped by the LicCaller it is
 * given: nothing outside the caller's organization, and for a school admin nothing outside
 * their schools, is ever returned. Every call that writes does so in one transaction.
 * Implementations are called from many threads at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lic-caller.h"
#include "lic-core.h"
#include "lic-demo.h"

G_BEGIN_DECLS

#define LIC_TYPE_STORE (lic_store_get_type ())

G_DECLARE_INTERFACE (LicStore, lic_store, LIC, STORE, GObject)

/* One page of a list ordered by name (case-insensitively), then id. */
typedef struct
{
  guint limit;                      /* at least 1 */
  const char *after_name;           /* NULL for the first page */
  gint64 after_id;
} LicPage;

typedef struct
{
  const char *language;             /* of the descriptions: "en", "sv" or "fi" */
  const char *q;                    /* NULL, or words each found in name, supplier or description */
  const char *subject;              /* NULL or a subject code */
  const char *grade;                /* NULL or a grade code */
  gint64 supplier_id;               /* 0: any */
  int delivery;                     /* a LicDelivery, or -1: any */
} LicProductFilter;

typedef struct
{
  const char *q;                    /* NULL, or words each a prefix of a word of the name,
                                       of the username or of the e-mail address */
  int role;                         /* a LicRole, or -1: any */
  gint64 school_id;                 /* 0: any of the caller's schools */
  gint64 group_id;                  /* 0: any */
} LicUserFilter;

typedef struct
{
  gint64 school_id;                 /* 0: any of the caller's schools */
  gint64 product_id;                /* 0: any */
} LicPoolFilter;

/* A group (class) of users. */
typedef struct
{
  gint64 id;
  char *name;
  gint64 school_id;
  gint64 member_count;
} LicGroupInfo;

/* The status of one product at one school of the caller, as the product page shows it. */
typedef struct
{
  gint64 school_id;
  char *school_name;
  gint64 pool_id;                   /* 0: the school has no pool of the product */
  gint64 assigned;
  gint64 available;
  gint64 payable;
  gint64 to_renew;
  gint64 no_access;
} LicSchoolStatus;

struct _LicStoreInterface
{
  GTypeInterface parent_iface;

  gboolean     (*load_demo)      (LicStore                *self,
                                  const LicDemo           *demo,
                                  gboolean                *loaded,
                                  GError                 **error);
  gboolean     (*find_login)     (LicStore                *self,
                                  const char              *username,
                                  gint64                  *user_id,
                                  char                   **password_hash,
                                  GError                 **error);
  gboolean     (*create_session) (LicStore                *self,
                                  gint64                   user_id,
                                  const char              *token_hash,
                                  gint64                   now,
                                  gint64                   expires_at,
                                  GError                 **error);
  LicCaller   *(*lookup_session) (LicStore                *self,
                                  const char              *token_hash,
                                  gint64                   now,
                                  GError                 **error);
  gboolean     (*delete_session) (LicStore                *self,
                                  const char              *token_hash,
                                  GError                 **error);
  GPtrArray   *(*list_schools)   (LicStore                *self,
                                  const LicCaller         *caller,
                                  GError                 **error);
  GPtrArray   *(*list_products)  (LicStore                *self,
                                  const LicCaller         *caller,
                                  const LicProductFilter  *filter,
                                  const LicPage           *page,
                                  gboolean                *more,
                                  GError                 **error);
  LicProduct  *(*get_product)    (LicStore                *self,
                                  const LicCaller         *caller,
                                  gint64                   product_id,
                                  const char              *language,
                                  GPtrArray              **schools,
                                  GError                 **error);
  GPtrArray   *(*list_users)     (LicStore                *self,
                                  const LicCaller         *caller,
                                  const LicUserFilter     *filter,
                                  const LicPage           *page,
                                  gboolean                *more,
                                  GError                 **error);
  GPtrArray   *(*list_groups)    (LicStore                *self,
                                  const LicCaller         *caller,
                                  gint64                   school_id,
                                  const LicPage           *page,
                                  gboolean                *more,
                                  GError                 **error);
  GPtrArray   *(*list_pools)     (LicStore                *self,
                                  const LicCaller         *caller,
                                  const LicPoolFilter     *filter,
                                  const LicPage           *page,
                                  gboolean                *more,
                                  GError                 **error);
  LicPool     *(*get_pool)       (LicStore                *self,
                                  const LicCaller         *caller,
                                  gint64                   pool_id,
                                  GError                 **error);
};

gboolean     lic_store_load_demo      (LicStore                *self,
                                       const LicDemo           *demo,
                                       gboolean                *loaded,
                                       GError                 **error);
gboolean     lic_store_find_login     (LicStore                *self,
                                       const char              *username,
                                       gint64                  *user_id,
                                       char                   **password_hash,
                                       GError                 **error);
gboolean     lic_store_create_session (LicStore                *self,
                                       gint64                   user_id,
                                       const char              *token_hash,
                                       gint64                   now,
                                       gint64                   expires_at,
                                       GError                 **error);
LicCaller   *lic_store_lookup_session (LicStore                *self,
                                       const char              *token_hash,
                                       gint64                   now,
                                       GError                 **error);
gboolean     lic_store_delete_session (LicStore                *self,
                                       const char              *token_hash,
                                       GError                 **error);
GPtrArray   *lic_store_list_schools   (LicStore                *self,
                                       const LicCaller         *caller,
                                       GError                 **error);
GPtrArray   *lic_store_list_products  (LicStore                *self,
                                       const LicCaller         *caller,
                                       const LicProductFilter  *filter,
                                       const LicPage           *page,
                                       gboolean                *more,
                                       GError                 **error);
LicProduct  *lic_store_get_product    (LicStore                *self,
                                       const LicCaller         *caller,
                                       gint64                   product_id,
                                       const char              *language,
                                       GPtrArray              **schools,
                                       GError                 **error);
GPtrArray   *lic_store_list_users     (LicStore                *self,
                                       const LicCaller         *caller,
                                       const LicUserFilter     *filter,
                                       const LicPage           *page,
                                       gboolean                *more,
                                       GError                 **error);
GPtrArray   *lic_store_list_groups    (LicStore                *self,
                                       const LicCaller         *caller,
                                       gint64                   school_id,
                                       const LicPage           *page,
                                       gboolean                *more,
                                       GError                 **error);
GPtrArray   *lic_store_list_pools     (LicStore                *self,
                                       const LicCaller         *caller,
                                       const LicPoolFilter     *filter,
                                       const LicPage           *page,
                                       gboolean                *more,
                                       GError                 **error);
LicPool     *lic_store_get_pool       (LicStore                *self,
                                       const LicCaller         *caller,
                                       gint64                   pool_id,
                                       GError                 **error);

void         lic_group_info_free      (LicGroupInfo            *info);
void         lic_school_status_free   (LicSchoolStatus         *status);

G_END_DECLS
