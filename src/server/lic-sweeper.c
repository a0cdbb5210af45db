/* lic-sweeper.c
 *
 * The sweep can take long when much falls due at once (a municipality whose terms all end
 * unrenewed: a minute for a million assignments), so it runs on a thread of its own rather than
 * on the main loop, which must stay free to hear SIGTERM. Stopping cancels it between two
 * steps; each step taken is kept, and the next sweep (this server's or another's) goes on from
 * there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lic-clock.h"
#include "lic-sweeper.h"

struct _LicSweeper
{
  LicStore *store;
  guint interval_seconds;
  GCancellable *cancellable;
  GThread *thread;
  GMutex lock;
  GCond wake;
};

/**
 * lic_sweep_now:
 * @cancellable: (nullable):
 *
 * Runs the compliance sweep up to the server's "now", logging what it did, or why it stopped.
 *
 * Returns: whether it went through
 */
gboolean
lic_sweep_now (LicStore     *store,
               GCancellable *cancellable)
{
  g_autoptr(GDateTime) now = lic_clock_now ();
  g_autoptr(GError) error = NULL;
  LicSweepReport report;

  if (!lic_store_sweep (store, now, cancellable, &report, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("The compliance sweep stopped, to go on at the next: %s", error->message);
      return FALSE;
    }
  if (report.late > 0 || report.suspended > 0 || report.terms_ended > 0)
    g_message ("Compliance sweep: %" G_GINT64_FORMAT " purchase requests late, %" G_GINT64_FORMAT
               " suspended, %" G_GINT64_FORMAT " terms ended; %" G_GINT64_FORMAT " users lost "
               "access", report.late, report.suspended, report.terms_ended, report.lost_access);
  return TRUE;
}

static gpointer
run (gpointer data)
{
  LicSweeper *self = data;

  g_mutex_lock (&self->lock);
  while (!g_cancellable_is_cancelled (self->cancellable))
    {
      gint64 until = g_get_monotonic_time () + self->interval_seconds * G_TIME_SPAN_SECOND;

      while (!g_cancellable_is_cancelled (self->cancellable)
             && g_cond_wait_until (&self->wake, &self->lock, until))
        ;
      if (g_cancellable_is_cancelled (self->cancellable))
        break;
      g_mutex_unlock (&self->lock);
      lic_sweep_now (self->store, self->cancellable);
      g_mutex_lock (&self->lock);
    }
  g_mutex_unlock (&self->lock);
  return NULL;
}

/**
 * lic_sweeper_start:
 *
 * Sweeps every @interval_seconds from now on, until lic_sweeper_stop().
 */
LicSweeper *
lic_sweeper_start (LicStore *store,
                   guint     interval_seconds)
{
  LicSweeper *self = g_new0 (LicSweeper, 1);

  g_return_val_if_fail (LIC_IS_STORE (store), NULL);
  g_return_val_if_fail (interval_seconds > 0, NULL);

  self->store = g_object_ref (store);
  self->interval_seconds = interval_seconds;
  self->cancellable = g_cancellable_new ();
  g_mutex_init (&self->lock);
  g_cond_init (&self->wake);
  self->thread = g_thread_new ("sweeper", run, self);
  return self;
}

/**
 * lic_sweeper_stop:
 *
 * Stops the sweeps, cancelling one under way between two of its steps, and frees @self.
 */
void
lic_sweeper_stop (LicSweeper *self)
{
  if (self == NULL)
    return;
  g_mutex_lock (&self->lock);
  g_cancellable_cancel (self->cancellable);
  g_cond_signal (&self->wake);
  g_mutex_unlock (&self->lock);
  g_thread_join (self->thread);

  g_cond_clear (&self->wake);
  g_mutex_clear (&self->lock);
  g_object_unref (self->cancellable);
  g_object_unref (self->store);
  g_free (self);
}
