/* lic-store.h: the one storage interface of licentia-server.
 *
 * Routes and rules reach storage only through LicStore, in domain terms; each implementation
 * (SQLite now, PostgreSQL later) owns its SQL. Every query is scoped by the LicCaller it is
 * given: nothing outside the caller's organization, and for a school admin nothing outside
 * their schools, is ever returned. Every call that writes does so in one transaction, e-mails
 * it causes included (they go to an outbox in the same transaction). Implementations are called
 * from many threads at once.
 *
 * After a commit that added notifications or e-mails, a store emits ::notified or
 * ::mail-queued, on the thread that committed, so that waiting streams and the mail sender
 * wake at once rather than at their next poll.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lic-buying.h"
#include "lic-caller.h"
#include "lic-core.h"
#include "lic-demo.h"
#include "lic-mail.h"
#include "lic-rules.h"

G_BEGIN_DECLS

#define LIC_TYPE_STORE (lic_store_get_type ())

G_DECLARE_INTERFACE (LicStore, lic_store, LIC, STORE, GObject)

/* One page of a list ordered by name (case-insensitively), then id; or, for lists ordered
 * newest first, by id alone, going down. */
typedef struct
{
  guint limit;                      /* at least 1 */
  const char *after_name;           /* NULL for the first page */
  gint64 after_id;
  gint64 after_key;                 /* in a list ordered by a number before the name (price) */
} LicPage;

typedef enum {
  LIC_PRODUCT_SORT_NAME,
  LIC_PRODUCT_SORT_PRICE,           /* lowest first */
  LIC_PRODUCT_SORT_PRICE_DESCENDING,
} LicProductSort;

typedef struct
{
  const char *language;             /* of the descriptions: "en", "sv" or "fi" */
  const char *q;                    /* NULL, or words each found in name, supplier or description */
  const char *subject;              /* NULL or a subject code */
  const char *grade;                /* NULL or a grade code */
  gint64 supplier_id;               /* 0: any */
  int delivery;                     /* a LicDelivery, or -1: any */
  LicProductSort sort;              /* ties by name, then id */
} LicProductFilter;

typedef struct
{
  const char *q;                    /* NULL, or words each a prefix of a word of the name,
                                       of the username or of the e-mail address */
  int role;                         /* a LicRole, or -1: any */
  gint64 school_id;                 /* 0: any of the caller's schools */
  gint64 group_id;                  /* 0: any */
  gint64 pool_id;                   /* 0: any; else the users with access in that pool, or,
                                       with a list, the users on that list for that pool */
  int list;                         /* a LicUserList */
} LicUserFilter;

/* The lists of GET /users?list=. */
typedef enum {
  LIC_USER_LIST_ALL,
  LIC_USER_LIST_PAYABLE,            /* the (assigned - paid) latest assigned of each pool */
  LIC_USER_LIST_NO_ACCESS,          /* with an assignment in state no_access */
} LicUserList;

/* One pool in which a user is on the Payable list (with the date the user would lose access,
 * or NULL when no purchase request would take the license) or on the No access list (with
 * the time access ended). */
typedef struct
{
  gint64 user_id;
  gint64 pool_id;
  gint64 product_id;
  char *product_name;
  gint64 school_id;
  char *date;
} LicUserPool;

/* What a sweep did. */
typedef struct
{
  gint64 late;                      /* purchase requests found late: their admins e-mailed */
  gint64 suspended;                 /* purchase requests suspended */
  gint64 terms_ended;               /* terms of pools ended */
  gint64 lost_access;               /* users who lost access */
} LicSweepReport;

typedef struct
{
  gint64 school_id;                 /* 0: any of the caller's schools */
  gint64 product_id;                /* 0: any */
  int state;                        /* a LicRequestState, or -1: any */
} LicRequestFilter;

/* One assignment of a user, as GET /users/{id} lists it. */
typedef struct
{
  gint64 pool_id;
  gint64 product_id;
  char *product_name;
  gint64 school_id;
  char *assigned_at;
  char *state;                      /* "active" or "no_access" */
} LicUserLicense;

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

typedef struct
{
  gint64 id;
  char *name;
} LicSupplierInfo;

/* Whom POST /pools/{id}/assignments names: users, the members of groups and every user of a
 * role at the pool's school, each counted once however often it is named. */
typedef struct
{
  GArray *user_ids;                 /* gint64; NULL: none */
  GArray *group_ids;                /* gint64; NULL: none */
  int role;                         /* a LicRole, or -1: none */
} LicAssignment;

/* The most ids one request of assignments may name: user_ids and group_ids together. */
#define LIC_ASSIGNMENT_MAX_IDS 100000

/* A change to a cart line: what POST /cart/lines and PATCH /cart/lines/{id} were given. */
typedef struct
{
  gint64 product_id;                /* for a new line */
  gint64 school_id;                 /* for a new line */
  gint64 quantity;                  /* 0: unchanged */
  GArray *user_ids;                 /* gint64; NULL: unchanged */
  GArray *group_ids;                /* gint64; NULL: unchanged */
} LicCartChange;

/* One row of POST /users/import, checked for form by the route; the store checks the rest
 * (the school, and whose username it is). */
typedef struct
{
  guint line;                       /* where the row starts in the file; the header is line 1 */
  char *username;
  char *name;
  char *email;                      /* NULL: none */
  int role;                         /* a LicRole */
  gint64 school_id;
  GStrv groups;                     /* names, sorted (strcmp) and each once */
} LicImportRow;

/* Why a row of an import cannot be imported. */
typedef struct
{
  guint line;
  char *message;
} LicImportError;

/* What an import did: users added, users changed, and rows that matched a user as it was. */
typedef struct
{
  gint64 created;
  gint64 updated;
  gint64 unchanged;
} LicImportCounts;

/* The status of one product at one school of the caller, as the product page shows it. */
typedef struct
{
  gint64 school_id;
  char *school_name;
  gint64 pool_id;                   /* 0: the school has no pool of the product */
  LicPool *pool;                    /* NULL: the school has no pool of the product */
  GPtrArray *order_lines;           /* LicOrderLine of the product at the school, newest first */
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
                                  GPtrArray              **user_pools,
                                  GError                 **error);
  LicUser     *(*get_user)       (LicStore                *self,
                                  const LicCaller         *caller,
                                  gint64                   user_id,
                                  GPtrArray              **licenses,
                                  GError                 **error);
  gboolean     (*import_users)   (LicStore                *self,
                                  const LicCaller         *caller,
                                  GPtrArray               *rows,
                                  GPtrArray               *errors,
                                  LicImportCounts         *counts,
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
  GPtrArray   *(*list_suppliers) (LicStore                *self,
                                  const LicCaller         *caller,
                                  GError                 **error);
  LicPool     *(*assign)         (LicStore                *self,
                                  const LicCaller         *caller,
                                  gint64                   pool_id,
                                  const LicAssignment     *assignment,
                                  GDateTime               *now,
                                  gint64                  *assigned,
                                  gint64                  *already_assigned,
                                  GError                 **error);
  LicPool     *(*link_groups)    (LicStore                *self,
                                  const LicCaller         *caller,
                                  gint64                   pool_id,
                                  GArray                  *group_ids,
                                  gboolean                 link,
                                  GDateTime               *now,
                                  gint64                  *changed,
                                  gint64                  *assigned,
                                  GError                 **error);
  LicPool     *(*unassign)       (LicStore                *self,
                                  const LicCaller         *caller,
                                  gint64                   pool_id,
                                  GArray                  *user_ids,
                                  gint64                  *unassigned,
                                  GError                 **error);

  LicCart     *(*get_cart)       (LicStore                *self,
                                  const LicCaller         *caller,
                                  GError                 **error);
  LicCartLine *(*change_cart)    (LicStore                *self,
                                  const LicCaller         *caller,
                                  gint64                   line_id,
                                  const LicCartChange     *change,
                                  gboolean                *created,
                                  GError                 **error);
  gboolean     (*remove_cart_line) (LicStore              *self,
                                  const LicCaller         *caller,
                                  gint64                   line_id,
                                  GError                 **error);
  LicOrder    *(*checkout)       (LicStore                *self,
                                  const LicCaller         *caller,
                                  const LicCheckout       *checkout,
                                  GDateTime               *now,
                                  gboolean                *created,
                                  GError                 **error);
  GPtrArray   *(*list_orders)    (LicStore                *self,
                                  const LicCaller         *caller,
                                  const LicPage           *page,
                                  gboolean                *more,
                                  GError                 **error);
  LicOrder    *(*get_order)      (LicStore                *self,
                                  const LicCaller         *caller,
                                  gint64                   order_id,
                                  GError                 **error);

  gboolean     (*add_supplier_key) (LicStore              *self,
                                  const char              *supplier_name,
                                  const char              *key_hash,
                                  GDateTime               *now,
                                  GError                 **error);
  gint64       (*find_supplier)  (LicStore                *self,
                                  const char              *key_hash,
                                  GError                 **error);
  LicOrder    *(*deliver_order)  (LicStore                *self,
                                  gint64                   supplier_id,
                                  gint64                   order_id,
                                  GDateTime               *now,
                                  GError                 **error);
  char        *(*reissue_code)   (LicStore                *self,
                                  gint64                   supplier_id,
                                  gint64                   order_line_id,
                                  GDateTime               *now,
                                  GError                 **error);
  LicOrder    *(*activate)       (LicStore                *self,
                                  const LicCaller         *caller,
                                  const char              *code_hash,
                                  GDateTime               *now,
                                  gint64                  *pool_id,
                                  GError                 **error);

  GPtrArray   *(*list_notifications) (LicStore            *self,
                                  const LicCaller         *caller,
                                  const LicPage           *page,
                                  gboolean                *more,
                                  GError                 **error);
  gboolean     (*mark_read)      (LicStore                *self,
                                  const LicCaller         *caller,
                                  GArray                  *ids,
                                  GError                 **error);
  GPtrArray   *(*notifications_after) (LicStore           *self,
                                  gint64                   user_id,
                                  gint64                   after_id,
                                  GError                 **error);
  gboolean     (*last_notification) (LicStore             *self,
                                  gint64                  *id,
                                  GError                 **error);

  LicMail     *(*claim_mail)     (LicStore                *self,
                                  gint64                   now,
                                  gint64                   lease_until,
                                  gint64                  *next_due,
                                  GError                 **error);
  gboolean     (*finish_mail)    (LicStore                *self,
                                  gint64                   mail_id,
                                  const char              *failure,
                                  gint64                   now,
                                  gint64                   retry_at,
                                  GError                 **error);

  gboolean     (*sweep)          (LicStore                *self,
                                  GDateTime               *now,
                                  GCancellable            *cancellable,
                                  LicSweepReport          *report,
                                  GError                 **error);
  GPtrArray   *(*list_purchase_requests) (LicStore        *self,
                                  const LicCaller         *caller,
                                  const LicRequestFilter  *filter,
                                  const LicPage           *page,
                                  gboolean                *more,
                                  GError                 **error);
  LicPurchaseRequest *(*get_purchase_request) (LicStore   *self,
                                  const LicCaller         *caller,
                                  gint64                   request_id,
                                  GError                 **error);
  LicOrder    *(*pay_purchase_request) (LicStore          *self,
                                  const LicCaller         *caller,
                                  gint64                   request_id,
                                  const LicPayment        *payment,
                                  GDateTime               *now,
                                  gboolean                *created,
                                  LicPurchaseRequest     **request,
                                  GError                 **error);
  LicPool     *(*keep)           (LicStore                *self,
                                  const LicCaller         *caller,
                                  gint64                   pool_id,
                                  gint64                   user_id,
                                  gint64                   instead_of,
                                  GDateTime               *now,
                                  GError                 **error);
  LicOrder    *(*renew)          (LicStore                *self,
                                  const LicCaller         *caller,
                                  gint64                   pool_id,
                                  const LicPayment        *payment,
                                  GDateTime               *now,
                                  gboolean                *created,
                                  LicPool                **pool,
                                  GError                 **error);
  GPtrArray   *(*list_notices)   (LicStore                *self,
                                  const LicCaller         *caller,
                                  GError                 **error);

  gboolean     (*get_setting)    (LicStore                *self,
                                  const char              *key,
                                  char                   **value,
                                  GError                 **error);
  gboolean     (*set_setting)    (LicStore                *self,
                                  const char              *key,
                                  const char              *value,
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
                                       GPtrArray              **user_pools,
                                       GError                 **error);
LicUser     *lic_store_get_user       (LicStore                *self,
                                       const LicCaller         *caller,
                                       gint64                   user_id,
                                       GPtrArray              **licenses,
                                       GError                 **error);
gboolean     lic_store_import_users   (LicStore                *self,
                                       const LicCaller         *caller,
                                       GPtrArray               *rows,
                                       GPtrArray               *errors,
                                       LicImportCounts         *counts,
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
GPtrArray   *lic_store_list_suppliers (LicStore                *self,
                                       const LicCaller         *caller,
                                       GError                 **error);
LicPool     *lic_store_assign         (LicStore                *self,
                                       const LicCaller         *caller,
                                       gint64                   pool_id,
                                       const LicAssignment     *assignment,
                                       GDateTime               *now,
                                       gint64                  *assigned,
                                       gint64                  *already_assigned,
                                       GError                 **error);
LicPool     *lic_store_link_groups    (LicStore                *self,
                                       const LicCaller         *caller,
                                       gint64                   pool_id,
                                       GArray                  *group_ids,
                                       gboolean                 link,
                                       GDateTime               *now,
                                       gint64                  *changed,
                                       gint64                  *assigned,
                                       GError                 **error);
LicPool     *lic_store_unassign       (LicStore                *self,
                                       const LicCaller         *caller,
                                       gint64                   pool_id,
                                       GArray                  *user_ids,
                                       gint64                  *unassigned,
                                       GError                 **error);

LicCart     *lic_store_get_cart       (LicStore                *self,
                                       const LicCaller         *caller,
                                       GError                 **error);
LicCartLine *lic_store_change_cart    (LicStore                *self,
                                       const LicCaller         *caller,
                                       gint64                   line_id,
                                       const LicCartChange     *change,
                                       gboolean                *created,
                                       GError                 **error);
gboolean     lic_store_remove_cart_line (LicStore              *self,
                                       const LicCaller         *caller,
                                       gint64                   line_id,
                                       GError                 **error);
LicOrder    *lic_store_checkout       (LicStore                *self,
                                       const LicCaller         *caller,
                                       const LicCheckout       *checkout,
                                       GDateTime               *now,
                                       gboolean                *created,
                                       GError                 **error);
GPtrArray   *lic_store_list_orders    (LicStore                *self,
                                       const LicCaller         *caller,
                                       const LicPage           *page,
                                       gboolean                *more,
                                       GError                 **error);
LicOrder    *lic_store_get_order      (LicStore                *self,
                                       const LicCaller         *caller,
                                       gint64                   order_id,
                                       GError                 **error);

gboolean     lic_store_add_supplier_key (LicStore              *self,
                                       const char              *supplier_name,
                                       const char              *key_hash,
                                       GDateTime               *now,
                                       GError                 **error);
gint64       lic_store_find_supplier  (LicStore                *self,
                                       const char              *key_hash,
                                       GError                 **error);
LicOrder    *lic_store_deliver_order  (LicStore                *self,
                                       gint64                   supplier_id,
                                       gint64                   order_id,
                                       GDateTime               *now,
                                       GError                 **error);
char        *lic_store_reissue_code   (LicStore                *self,
                                       gint64                   supplier_id,
                                       gint64                   order_line_id,
                                       GDateTime               *now,
                                       GError                 **error);
LicOrder    *lic_store_activate       (LicStore                *self,
                                       const LicCaller         *caller,
                                       const char              *code_hash,
                                       GDateTime               *now,
                                       gint64                  *pool_id,
                                       GError                 **error);

GPtrArray   *lic_store_list_notifications (LicStore            *self,
                                       const LicCaller         *caller,
                                       const LicPage           *page,
                                       gboolean                *more,
                                       GError                 **error);
gboolean     lic_store_mark_read      (LicStore                *self,
                                       const LicCaller         *caller,
                                       GArray                  *ids,
                                       GError                 **error);
GPtrArray   *lic_store_notifications_after (LicStore           *self,
                                       gint64                   user_id,
                                       gint64                   after_id,
                                       GError                 **error);
gboolean     lic_store_last_notification (LicStore             *self,
                                       gint64                  *id,
                                       GError                 **error);

LicMail     *lic_store_claim_mail     (LicStore                *self,
                                       gint64                   now,
                                       gint64                   lease_until,
                                       gint64                  *next_due,
                                       GError                 **error);
gboolean     lic_store_finish_mail    (LicStore                *self,
                                       gint64                   mail_id,
                                       const char              *failure,
                                       gint64                   now,
                                       gint64                   retry_at,
                                       GError                 **error);

gboolean     lic_store_sweep          (LicStore                *self,
                                       GDateTime               *now,
                                       GCancellable            *cancellable,
                                       LicSweepReport          *report,
                                       GError                 **error);
GPtrArray   *lic_store_list_purchase_requests (LicStore        *self,
                                       const LicCaller         *caller,
                                       const LicRequestFilter  *filter,
                                       const LicPage           *page,
                                       gboolean                *more,
                                       GError                 **error);
LicPurchaseRequest *lic_store_get_purchase_request (LicStore   *self,
                                       const LicCaller         *caller,
                                       gint64                   request_id,
                                       GError                 **error);
LicOrder    *lic_store_pay_purchase_request (LicStore          *self,
                                       const LicCaller         *caller,
                                       gint64                   request_id,
                                       const LicPayment        *payment,
                                       GDateTime               *now,
                                       gboolean                *created,
                                       LicPurchaseRequest     **request,
                                       GError                 **error);
LicPool     *lic_store_keep           (LicStore                *self,
                                       const LicCaller         *caller,
                                       gint64                   pool_id,
                                       gint64                   user_id,
                                       gint64                   instead_of,
                                       GDateTime               *now,
                                       GError                 **error);
LicOrder    *lic_store_renew          (LicStore                *self,
                                       const LicCaller         *caller,
                                       gint64                   pool_id,
                                       const LicPayment        *payment,
                                       GDateTime               *now,
                                       gboolean                *created,
                                       LicPool                **pool,
                                       GError                 **error);
GPtrArray   *lic_store_list_notices   (LicStore                *self,
                                       const LicCaller         *caller,
                                       GError                 **error);

gboolean     lic_store_get_setting    (LicStore                *self,
                                       const char              *key,
                                       char                   **value,
                                       GError                 **error);
gboolean     lic_store_set_setting    (LicStore                *self,
                                       const char              *key,
                                       const char              *value,
                                       GError                 **error);

void         lic_store_emit_committed (LicStore                *self,
                                       gboolean                 notified,
                                       gboolean                 mailed);

void         lic_group_info_free      (LicGroupInfo            *info);
void         lic_import_row_free      (LicImportRow            *row);
void         lic_import_error_free    (LicImportError          *error);
void         lic_school_status_free   (LicSchoolStatus         *status);
void         lic_supplier_info_free   (LicSupplierInfo         *info);
void         lic_user_license_free    (LicUserLicense          *license);
void         lic_user_pool_free       (LicUserPool             *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LicImportRow, lic_import_row_free)

G_END_DECLS
