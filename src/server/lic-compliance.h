/* lic-compliance.h: the rules of purchase requests, the compliance window and renewal (seed
 * 004, docs/api.md "Purchase requests and compliance"), apart from any storage.
 *
 * A store reads the facts of a pool and its purchase requests inside its transaction and asks
 * these functions what they mean at a given time: the phase of each request, the pool's phase
 * and notices, which requests would take whose licenses, the renewal period. Times are ISO 8601
 * text in UTC in the one form lic_clock_format() writes (dates alone for term ends), so that
 * text order is time order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lic-core.h"

G_BEGIN_DECLS

/* Day 30: payment is late; day 60: the unpaid licenses are suspended. A day is 24 hours from
 * the request's created_at. */
#define LIC_COMPLIANCE_LATE_DAYS 30
#define LIC_COMPLIANCE_DUE_DAYS 60
/* How long "order placed" is shown after a request is paid. */
#define LIC_COMPLIANCE_ORDER_PLACED_DAYS 14
/* The renewal period: the days before the end of a term. */
#define LIC_COMPLIANCE_RENEWAL_DAYS 30

/* One purchase request of a pool, as stored. */
typedef struct
{
  gint64 id;
  gint64 quantity;
  gboolean arrived;                 /* its order line has been delivered */
  char *created_at;
  char *suspended_at;               /* NULL until the sweep suspended it */
  gint64 paid_order_id;             /* 0 while unpaid */
  char *paid_at;
} LicRequestFacts;

/* One pool, as stored: what its notices and numbers are made of. */
typedef struct
{
  gint64 assigned;                  /* users with access */
  gint64 available;                 /* licenses paid for the term */
  gint64 no_access;
  gint64 renewed;
  const char *term_end;             /* ISO 8601 date, or NULL */
  GPtrArray *requests;              /* LicRequestFacts: the unpaid ones and those paid lately,
                                       by created_at, then id */
} LicPoolFacts;

/* What the facts mean at one time. */
typedef struct
{
  LicPoolPhase phase;
  gint64 payable;                   /* licenses requested and unpaid, suspended ones too */
  gint64 capacity;                  /* licenses users may hold now */
  gint64 to_renew;
  char *renewal_starts;             /* ISO 8601 date, or NULL */
  GListStore *notices;              /* LicNotice, most urgent first */
} LicPoolStatus;

/* How many of a pool's Payable users the suspension of one request would take, if nothing
 * changes before its due date. */
typedef struct
{
  gint64 request_id;
  char *due_at;
  gint64 users;
} LicRequestTake;

void             lic_request_facts_free        (LicRequestFacts     *facts);
void             lic_pool_status_clear         (LicPoolStatus       *status);
void             lic_request_take_clear        (LicRequestTake      *take);

char            *lic_compliance_add_days       (const char          *iso8601,
                                                int                  days);
char            *lic_compliance_late_on        (const char          *created_at);
char            *lic_compliance_due_at         (const char          *created_at);
LicRequestState  lic_compliance_request_state  (const char          *created_at,
                                                const char          *suspended_at,
                                                gint64               paid_order_id,
                                                const char          *now);
char            *lic_compliance_renewal_starts (const char          *term_end);
gboolean         lic_compliance_in_renewal     (const char          *term_end,
                                                const char          *now);
char            *lic_compliance_next_term_end  (const char          *term_end,
                                                gint64               term_months);
gint64           lic_compliance_capacity       (const LicPoolFacts  *facts);
gint64           lic_compliance_payable_users  (const LicPoolFacts  *facts);
void             lic_compliance_pool_status    (const LicPoolFacts  *facts,
                                                const char          *now,
                                                LicPoolStatus       *status);
GArray          *lic_compliance_takes          (const LicPoolFacts  *facts);
void             lic_compliance_sort_notices   (GListStore          *notices);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LicRequestFacts, lic_request_facts_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LicPoolStatus, lic_pool_status_clear)

G_END_DECLS
