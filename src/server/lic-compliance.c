/* lic-compliance.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include "lic-clock.h"
#include "lic-compliance.h"

void
lic_request_facts_free (LicRequestFacts *facts)
{
  if (facts == NULL)
    return;
  g_free (facts->created_at);
  g_free (facts->suspended_at);
  g_free (facts->paid_at);
  g_free (facts);
}

void
lic_pool_status_clear (LicPoolStatus *status)
{
  g_clear_pointer (&status->renewal_starts, g_free);
  g_clear_object (&status->notices);
}

void
lic_request_take_clear (LicRequestTake *take)
{
  g_clear_pointer (&take->due_at, g_free);
}

static GDateTime *
parse (const char *iso8601)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  return g_date_time_new_from_iso8601 (iso8601, utc);
}

/* A date (YYYY-MM-DD) at midnight UTC. */
static GDateTime *
parse_date (const char *date)
{
  int year, month, day;

  if (sscanf (date, "%d-%d-%d", &year, &month, &day) != 3)
    return NULL;
  return g_date_time_new_utc (year, month, day, 0, 0, 0);
}

/**
 * lic_compliance_add_days:
 *
 * Returns: (transfer full): @iso8601 plus @days of 24 hours, in the form lic_clock_format()
 *   writes
 */
char *
lic_compliance_add_days (const char *iso8601,
                         int         days)
{
  g_autoptr(GDateTime) time = parse (iso8601);
  g_autoptr(GDateTime) later = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  later = g_date_time_add_days (time, days);
  return lic_clock_format (later);
}

/* Returns: (transfer full): day 30 of a request made at @created_at */
char *
lic_compliance_late_on (const char *created_at)
{
  return lic_compliance_add_days (created_at, LIC_COMPLIANCE_LATE_DAYS);
}

/* Returns: (transfer full): day 60 of a request made at @created_at */
char *
lic_compliance_due_at (const char *created_at)
{
  return lic_compliance_add_days (created_at, LIC_COMPLIANCE_DUE_DAYS);
}

/**
 * lic_compliance_request_state:
 * @suspended_at: (nullable): when the sweep suspended the request
 * @paid_order_id: the order that paid it, or 0
 *
 * A request is `ordered` once paid, `suspended` once the sweep has suspended it (not merely
 * because day 60 has come: until the sweep has run, its licenses are still there), else `late`
 * from day 30 and `due` before.
 */
LicRequestState
lic_compliance_request_state (const char *created_at,
                              const char *suspended_at,
                              gint64      paid_order_id,
                              const char *now)
{
  g_autofree char *late_on = NULL;

  g_return_val_if_fail (created_at != NULL && now != NULL, LIC_REQUEST_STATE_DUE);

  if (paid_order_id > 0)
    return LIC_REQUEST_STATE_ORDERED;
  if (suspended_at != NULL)
    return LIC_REQUEST_STATE_SUSPENDED;
  late_on = lic_compliance_late_on (created_at);
  return g_strcmp0 (now, late_on) >= 0 ? LIC_REQUEST_STATE_LATE : LIC_REQUEST_STATE_DUE;
}

/**
 * lic_compliance_renewal_starts:
 * @term_end: (nullable): an ISO 8601 date
 *
 * Returns: (transfer full) (nullable): the first day of the renewal period, 30 days before
 *   @term_end
 */
char *
lic_compliance_renewal_starts (const char *term_end)
{
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GDateTime) start = NULL;

  if (term_end == NULL || (end = parse_date (term_end)) == NULL)
    return NULL;
  start = g_date_time_add_days (end, -LIC_COMPLIANCE_RENEWAL_DAYS);
  return g_date_time_format (start, "%Y-%m-%d");
}

/**
 * lic_compliance_in_renewal:
 *
 * A term ends at the start (00:00 UTC) of its `term_end` day; its renewal period runs from the
 * start of `renewal_starts` until then.
 */
gboolean
lic_compliance_in_renewal (const char *term_end,
                           const char *now)
{
  g_autofree char *starts = lic_compliance_renewal_starts (term_end);

  /* A date compares below every time of its own day and above those of the day before. */
  return starts != NULL && g_strcmp0 (now, starts) >= 0 && g_strcmp0 (now, term_end) < 0;
}

/* Returns: (transfer full): the end of the term after the one ending on @term_end */
char *
lic_compliance_next_term_end (const char *term_end,
                              gint64      term_months)
{
  g_autoptr(GDateTime) end = parse_date (term_end);
  g_autoptr(GDateTime) next = NULL;

  g_return_val_if_fail (end != NULL && term_months > 0, NULL);

  next = g_date_time_add_months (end, (int) term_months);
  return g_date_time_format (next, "%Y-%m-%d");
}

static gboolean
is_open (const LicRequestFacts *request)
{
  return request->paid_order_id == 0;
}

/* The licenses users may hold now: those paid, and those of unpaid requests that have arrived
 * and are not suspended. */
gint64
lic_compliance_capacity (const LicPoolFacts *facts)
{
  gint64 capacity;

  g_return_val_if_fail (facts != NULL && facts->requests != NULL, 0);

  capacity = facts->available;

  for (guint i = 0; i < facts->requests->len; i++)
    {
      const LicRequestFacts *request = g_ptr_array_index (facts->requests, i);

      if (is_open (request) && request->suspended_at == NULL && request->arrived)
        capacity += request->quantity;
    }
  return capacity;
}

/* The users on the Payable list: those assigned beyond the licenses paid. */
gint64
lic_compliance_payable_users (const LicPoolFacts *facts)
{
  g_return_val_if_fail (facts != NULL, 0);

  return MAX (0, facts->assigned - facts->available);
}

static LicNoticeKind
notice_kind (LicRequestState state)
{
  switch (state)
    {
    case LIC_REQUEST_STATE_DUE:
      return LIC_NOTICE_KIND_PAYMENT_DUE;
    case LIC_REQUEST_STATE_LATE:
      return LIC_NOTICE_KIND_PAYMENT_LATE;
    case LIC_REQUEST_STATE_SUSPENDED:
      return LIC_NOTICE_KIND_SUSPENDED;
    case LIC_REQUEST_STATE_ORDERED:
      return LIC_NOTICE_KIND_ORDER_PLACED;
    default:
      g_assert_not_reached ();
    }
}

static LicPoolPhase
phase_of (LicRequestState state)
{
  switch (state)
    {
    case LIC_REQUEST_STATE_DUE:
      return LIC_POOL_PHASE_DUE;
    case LIC_REQUEST_STATE_LATE:
      return LIC_POOL_PHASE_LATE;
    case LIC_REQUEST_STATE_SUSPENDED:
      return LIC_POOL_PHASE_SUSPENDED;
    case LIC_REQUEST_STATE_ORDERED:
      return LIC_POOL_PHASE_ORDER_PLACED;
    default:
      g_assert_not_reached ();
    }
}

/* How urgent a phase is: suspended, late, due, order placed, none. */
static int
phase_rank (LicPoolPhase phase)
{
  switch (phase)
    {
    case LIC_POOL_PHASE_SUSPENDED:
      return 0;
    case LIC_POOL_PHASE_LATE:
      return 1;
    case LIC_POOL_PHASE_DUE:
      return 2;
    case LIC_POOL_PHASE_ORDER_PLACED:
      return 3;
    case LIC_POOL_PHASE_NONE:
    default:
      return 4;
    }
}

/* Most urgent first (the order of LicNoticeKind), then by due date (a renewal's is its term
 * end), then by request. */
static int
compare_notices (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  LicNotice *x = (LicNotice *) a;
  LicNotice *y = (LicNotice *) b;
  const char *x_date, *y_date;
  int order;

  if (lic_notice_get_kind (x) != lic_notice_get_kind (y))
    return (int) lic_notice_get_kind (x) - (int) lic_notice_get_kind (y);
  x_date = lic_notice_get_kind (x) == LIC_NOTICE_KIND_RENEWAL ? lic_notice_get_term_end (x)
                                                              : lic_notice_get_due_at (x);
  y_date = lic_notice_get_kind (y) == LIC_NOTICE_KIND_RENEWAL ? lic_notice_get_term_end (y)
                                                              : lic_notice_get_due_at (y);
  if ((order = g_strcmp0 (x_date, y_date)) != 0)
    return order;
  if (lic_notice_get_purchase_request_id (x) != lic_notice_get_purchase_request_id (y))
    return lic_notice_get_purchase_request_id (x) < lic_notice_get_purchase_request_id (y) ? -1
                                                                                          : 1;
  return (int) (lic_notice_get_pool_id (x) > lic_notice_get_pool_id (y))
         - (int) (lic_notice_get_pool_id (x) < lic_notice_get_pool_id (y));
}

/**
 * lic_compliance_sort_notices:
 *
 * Sorts @notices (LicNotice) most urgent first: suspended, payment_late, payment_due, renewal,
 * order_placed; then by due date (a renewal's is its term end).
 */
void
lic_compliance_sort_notices (GListStore *notices)
{
  g_list_store_sort (notices, compare_notices, NULL);
}

/**
 * lic_compliance_pool_status:
 * @now: the time, as lic_clock_format() writes it
 * @status: (out caller-allocates): what @facts mean at @now; clear it with
 *   lic_pool_status_clear()
 *
 * The pool's phase is that of its most urgent request: suspended, then late, then due; else
 * `order_placed` for the 14 days after a request was paid; else none. It has one notice per
 * unpaid request and per request paid in the last 14 days, and one about renewal inside the
 * renewal period while licenses are left to renew.
 */
void
lic_compliance_pool_status (const LicPoolFacts *facts,
                            const char         *now,
                            LicPoolStatus      *status)
{
  g_autofree char *shown_since = NULL;
  gint64 payable_users;

  g_return_if_fail (facts != NULL && facts->requests != NULL);
  g_return_if_fail (now != NULL && status != NULL);

  shown_since = lic_compliance_add_days (now, -LIC_COMPLIANCE_ORDER_PLACED_DAYS);
  payable_users = lic_compliance_payable_users (facts);
  status->phase = LIC_POOL_PHASE_NONE;
  status->payable = 0;
  status->capacity = lic_compliance_capacity (facts);
  status->notices = g_list_store_new (LIC_TYPE_NOTICE);
  status->renewal_starts = lic_compliance_renewal_starts (facts->term_end);
  status->to_renew = lic_compliance_in_renewal (facts->term_end, now)
                     ? MAX (0, facts->assigned - facts->renewed) : 0;

  for (guint i = 0; i < facts->requests->len; i++)
    {
      const LicRequestFacts *request = g_ptr_array_index (facts->requests, i);
      LicRequestState state = lic_compliance_request_state (request->created_at,
                                                            request->suspended_at,
                                                            request->paid_order_id, now);
      g_autofree char *late_on = NULL;
      g_autofree char *due_at = NULL;
      g_autoptr(LicNotice) notice = NULL;

      if (state == LIC_REQUEST_STATE_ORDERED && g_strcmp0 (request->paid_at, shown_since) < 0)
        continue;
      if (state != LIC_REQUEST_STATE_ORDERED)
        status->payable += request->quantity;
      if (phase_rank (phase_of (state)) < phase_rank (status->phase))
        status->phase = phase_of (state);

      late_on = lic_compliance_late_on (request->created_at);
      due_at = lic_compliance_due_at (request->created_at);
      notice = g_object_new (LIC_TYPE_NOTICE,
                             "kind", notice_kind (state),
                             "purchase-request-id", request->id,
                             "quantity", request->quantity,
                             "created-at", request->created_at,
                             "late-on", late_on,
                             "due-at", due_at,
                             "payable-users", payable_users,
                             "no-access", facts->no_access,
                             "ordered-at", request->paid_at,
                             "order-id", request->paid_order_id,
                             NULL);
      g_list_store_append (status->notices, notice);
    }

  if (status->to_renew > 0)
    {
      g_autoptr(LicNotice) notice = g_object_new (LIC_TYPE_NOTICE,
                                                  "kind", LIC_NOTICE_KIND_RENEWAL,
                                                  "term-end", facts->term_end,
                                                  "renewal-starts", status->renewal_starts,
                                                  "to-renew", status->to_renew,
                                                  NULL);

      g_list_store_append (status->notices, notice);
    }
  lic_compliance_sort_notices (status->notices);
}

/**
 * lic_compliance_takes:
 *
 * Which requests would take the licenses of the pool's Payable users: the unpaid requests not
 * yet suspended, by due date, each taking (latest rank first) as many users as its suspension
 * would put over capacity, on top of those the requests before it took. The takes add up to
 * the Payable users while the unpaid licenses have all arrived.
 *
 * Returns: (transfer full) (element-type LicRequestTake): one take per such request, by due date
 */
GArray *
lic_compliance_takes (const LicPoolFacts *facts)
{
  GArray *takes;
  gint64 capacity;
  gint64 taken = 0;

  g_return_val_if_fail (facts != NULL && facts->requests != NULL, NULL);

  takes = g_array_new (FALSE, TRUE, sizeof (LicRequestTake));
  capacity = lic_compliance_capacity (facts);
  g_array_set_clear_func (takes, (GDestroyNotify) lic_request_take_clear);
  /* The requests are by created_at, so by due date too. */
  for (guint i = 0; i < facts->requests->len; i++)
    {
      const LicRequestFacts *request = g_ptr_array_index (facts->requests, i);
      LicRequestTake take = { request->id, NULL, 0 };

      if (!is_open (request) || request->suspended_at != NULL)
        continue;
      if (request->arrived)
        capacity -= request->quantity;
      take.users = MAX (0, MAX (0, facts->assigned - capacity) - taken);
      take.due_at = lic_compliance_due_at (request->created_at);
      taken += take.users;
      g_array_append_val (takes, take);
    }
  return takes;
}
