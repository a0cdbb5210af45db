/* lic-clock.c
 *
 * Rules (compliance windows, renewal periods) ask lic_clock_now() and nothing else, so that a
 * server started with --test-clock can be moved through time by POST /test/clock. Session
 * expiry deliberately uses the wall clock instead: moving the test clock 60 days ahead must not
 * sign the test out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lic-clock.h"

static GMutex clock_lock;
static GDateTime *fixed_now;

/**
 * lic_clock_now:
 *
 * Returns: (transfer full): the current time in UTC, or the time last given to
 *   lic_clock_set(), which then stands still until it is set again.
 */
GDateTime *
lic_clock_now (void)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&clock_lock);

  if (fixed_now != NULL)
    return g_date_time_ref (fixed_now);
  return g_date_time_new_now_utc ();
}

/**
 * lic_clock_set:
 * @now: the time lic_clock_now() answers from now on
 *
 * Only POST /test/clock calls this, and only on a server started with --test-clock.
 */
void
lic_clock_set (GDateTime *now)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&clock_lock);

  g_return_if_fail (now != NULL);

  g_clear_pointer (&fixed_now, g_date_time_unref);
  fixed_now = g_date_time_to_utc (now);
}

/**
 * lic_clock_format:
 *
 * Returns: (transfer full): @time in UTC as ISO 8601 to the second, such as
 *   2027-02-03T09:15:00Z: the one form times are written in, so that text order is time order
 */
char *
lic_clock_format (GDateTime *time)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  utc = g_date_time_to_utc (time);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}
