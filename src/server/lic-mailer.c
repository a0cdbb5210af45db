/* lic-mailer.c
 *
 * One thread sends what the outbox holds, oldest first: to an SMTP relay with libcurl, or into
 * a maildir. It wakes when the store commits e-mails (::mail-queued), when a failed one is due
 * again, and every few seconds besides, for e-mails other processes wrote (the command line's
 * `deliver`). It claims each e-mail before sending it, so that two senders on one database
 * never both send it; a sender that dies mid-send leaves it to be claimed again when the claim
 * runs out. A failed send stays in the outbox and is tried again after a delay that doubles
 * each time, up to an hour: e-mails are never dropped.
 *
 * Times here are the wall clock's, never lic_clock_now(): a test clock that stands still
 * must not stop retries.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <curl/curl.h>
#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "lic-mailer.h"

/* How often the outbox is looked at when nothing wakes the sender. */
#define POLL_INTERVAL_S 5

/* How long a claimed e-mail is the sender's alone: longer than any send may take. */
#define CLAIM_S 300

#define RETRY_FIRST_S 5
#define RETRY_MAX_S 3600

#define CONNECT_TIMEOUT_S 10
#define SEND_TIMEOUT_S 60

struct _LicMailer
{
  GObject parent_instance;

  LicStore *store;
  char *smtp_url;
  char *smtp_user;
  char *smtp_password;
  char *maildir;
  char *from;
  char *from_address;

  GThread *thread;
  GMutex lock;
  GCond wake;
  gboolean woken;                   /* under the lock */
  gint stopping;                    /* atomic */
};

G_DEFINE_FINAL_TYPE (LicMailer, lic_mailer, G_TYPE_OBJECT)

static gint64
wall_clock_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* What libcurl uploads. */
typedef struct
{
  const char *data;
  gsize length;
  gsize sent;
} Upload;

static size_t
read_upload (char   *buffer,
             size_t  size,
             size_t  count,
             void   *data)
{
  Upload *upload = data;
  gsize n = MIN (size * count, upload->length - upload->sent);

  memcpy (buffer, upload->data + upload->sent, n);
  upload->sent += n;
  return n;
}

/* Ends a send under way when the server stops. */
static int
on_progress (void       *data,
             curl_off_t  download_total,
             curl_off_t  downloaded,
             curl_off_t  upload_total,
             curl_off_t  uploaded)
{
  LicMailer *self = data;

  return g_atomic_int_get (&self->stopping);
}

static gboolean
send_smtp (LicMailer      *self,
           const LicMail  *mail,
           GError        **error)
{
  g_autofree char *message = lic_mail_render (mail, self->from, "\r\n");
  g_autofree char *sender = g_strdup_printf ("<%s>", self->from_address);
  g_autofree char *recipient = g_strdup_printf ("<%s>", mail->recipient);
  Upload upload = { message, strlen (message), 0 };
  char curl_error[CURL_ERROR_SIZE] = "";
  struct curl_slist *recipients = curl_slist_append (NULL, recipient);
  CURL *curl = curl_easy_init ();
  long use_ssl;
  CURLcode rc;

  /* smtps:// is TLS from the start. On smtp://, STARTTLS when the relay offers it; and a
   * password never goes out in the clear, so with one STARTTLS is a must. */
  use_ssl = self->smtp_user != NULL ? CURLUSESSL_ALL : CURLUSESSL_TRY;

  curl_easy_setopt (curl, CURLOPT_URL, self->smtp_url);
  curl_easy_setopt (curl, CURLOPT_USE_SSL, use_ssl);
  if (self->smtp_user != NULL)
    {
      curl_easy_setopt (curl, CURLOPT_USERNAME, self->smtp_user);
      curl_easy_setopt (curl, CURLOPT_PASSWORD, self->smtp_password != NULL ? self->smtp_password
                                                                            : "");
    }
  curl_easy_setopt (curl, CURLOPT_MAIL_FROM, sender);
  curl_easy_setopt (curl, CURLOPT_MAIL_RCPT, recipients);
  curl_easy_setopt (curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt (curl, CURLOPT_READFUNCTION, read_upload);
  curl_easy_setopt (curl, CURLOPT_READDATA, &upload);
  curl_easy_setopt (curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (curl, CURLOPT_CONNECTTIMEOUT, (long) CONNECT_TIMEOUT_S);
  curl_easy_setopt (curl, CURLOPT_TIMEOUT, (long) SEND_TIMEOUT_S);
  curl_easy_setopt (curl, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt (curl, CURLOPT_XFERINFOFUNCTION, on_progress);
  curl_easy_setopt (curl, CURLOPT_XFERINFODATA, self);
  curl_easy_setopt (curl, CURLOPT_ERRORBUFFER, curl_error);

  rc = curl_easy_perform (curl);
  curl_slist_free_all (recipients);
  curl_easy_cleanup (curl);
  if (rc != CURLE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s",
                   curl_error[0] != '\0' ? curl_error : curl_easy_strerror (rc));
      return FALSE;
    }
  return TRUE;
}

/* Delivers into the maildir as its format asks: written whole under tmp/, then moved into
 * new/, under a name no other delivery uses. */
static gboolean
send_maildir (LicMailer      *self,
              const LicMail  *mail,
              GError        **error)
{
  g_autofree char *message = lic_mail_render (mail, self->from, "\n");
  g_autofree char *host = g_strdup (g_get_host_name ());
  gint64 now = g_get_real_time ();
  g_autofree char *name = NULL;
  g_autofree char *temporary = NULL;
  g_autofree char *delivered = NULL;

  g_strdelimit (host, "/:", '_');
  name = g_strdup_printf ("%" G_GINT64_FORMAT ".M%06dP%dQ%" G_GINT64_FORMAT ".%s",
                          now / G_USEC_PER_SEC, (int) (now % G_USEC_PER_SEC), (int) getpid (),
                          mail->id, host);
  temporary = g_build_filename (self->maildir, "tmp", name, NULL);
  delivered = g_build_filename (self->maildir, "new", name, NULL);

  if (!g_file_set_contents_full (temporary, message, -1, G_FILE_SET_CONTENTS_DURABLE, 0600,
                                 error))
    return FALSE;
  if (g_rename (temporary, delivered) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Could not move %s into %s: %s", name, delivered, g_strerror (saved_errno));
      g_unlink (temporary);
      return FALSE;
    }
  return TRUE;
}

/* Sends one claimed e-mail and records how it went. */
static void
deliver (LicMailer *self,
         LicMail   *mail)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) store_error = NULL;
  gboolean sent = self->smtp_url != NULL ? send_smtp (self, mail, &error)
                                         : send_maildir (self, mail, &error);
  gint64 now = wall_clock_seconds ();
  gint64 failures = mail->attempts + 1;
  gint64 delay = MIN ((gint64) RETRY_FIRST_S << MIN (failures - 1, 20), RETRY_MAX_S);

  if (sent)
    g_debug ("Sent e-mail %" G_GINT64_FORMAT " to %s", mail->id, mail->recipient);
  else
    g_message ("Could not send e-mail %" G_GINT64_FORMAT " to %s (attempt %" G_GINT64_FORMAT
               "), trying again in %" G_GINT64_FORMAT " s: %s",
               mail->id, mail->recipient, failures, delay, error->message);

  if (!lic_store_finish_mail (self->store, mail->id, sent ? NULL : error->message, now,
                              now + delay, &store_error))
    g_warning ("Could not record how sending e-mail %" G_GINT64_FORMAT " went; it will be "
               "tried again in %d s: %s", mail->id, CLAIM_S, store_error->message);
}

/* Sends every e-mail that is due; gives when the next one is due. */
static gint64
send_due (LicMailer *self)
{
  while (!g_atomic_int_get (&self->stopping))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LicMail) mail = NULL;
      gint64 now = wall_clock_seconds ();
      gint64 next_due;

      mail = lic_store_claim_mail (self->store, now, now + CLAIM_S, &next_due, &error);
      if (error != NULL)
        {
          g_warning ("Could not read the outbox: %s", error->message);
          return now + POLL_INTERVAL_S;
        }
      if (mail == NULL)
        return next_due;
      deliver (self, mail);
    }
  return G_MAXINT64;
}

static gpointer
run (gpointer data)
{
  LicMailer *self = data;

  while (!g_atomic_int_get (&self->stopping))
    {
      gint64 next_due = send_due (self);
      gint64 wait_s = CLAMP (next_due - wall_clock_seconds (), 0, POLL_INTERVAL_S);
      gint64 end = g_get_monotonic_time () + wait_s * G_USEC_PER_SEC;

      g_mutex_lock (&self->lock);
      while (!self->woken && !g_atomic_int_get (&self->stopping)
             && g_cond_wait_until (&self->wake, &self->lock, end))
        ;
      self->woken = FALSE;
      g_mutex_unlock (&self->lock);
    }
  return NULL;
}

static void
on_mail_queued (LicStore  *store,
                LicMailer *self)
{
  g_mutex_lock (&self->lock);
  self->woken = TRUE;
  g_cond_signal (&self->wake);
  g_mutex_unlock (&self->lock);
}

static void
lic_mailer_finalize (GObject *object)
{
  LicMailer *self = LIC_MAILER (object);

  lic_mailer_stop (self);
  g_clear_object (&self->store);
  g_free (self->smtp_url);
  g_free (self->smtp_user);
  g_free (self->smtp_password);
  g_free (self->maildir);
  g_free (self->from);
  g_free (self->from_address);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->wake);

  G_OBJECT_CLASS (lic_mailer_parent_class)->finalize (object);
}

static void
lic_mailer_class_init (LicMailerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lic_mailer_finalize;
}

static void
lic_mailer_init (LicMailer *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->wake);
}

static gboolean
make_maildir (const char  *path,
              GError     **error)
{
  const char * const parts[] = { "tmp", "new", "cur" };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *dir = g_build_filename (path, parts[i], NULL);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       "Could not make the maildir %s: %s", dir, g_strerror (saved_errno));
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * lic_mailer_new:
 *
 * Checks @config and, without an SMTP relay, makes the maildir. curl_global_init() must have
 * been called.
 *
 * Returns: (transfer full): a sender of @store's outbox, not started yet
 */
LicMailer *
lic_mailer_new (LicStore               *store,
                const LicMailerConfig  *config,
                GError                **error)
{
  g_autoptr(LicMailer) self = NULL;
  g_autofree char *from_name = NULL;

  g_return_val_if_fail (LIC_IS_STORE (store), NULL);
  g_return_val_if_fail (config != NULL && config->from != NULL, NULL);
  g_return_val_if_fail (config->smtp_url != NULL || config->maildir != NULL, NULL);

  self = g_object_new (LIC_TYPE_MAILER, NULL);
  if (!lic_mail_split_mailbox (config->from, &from_name, &self->from_address, error))
    return NULL;
  if (config->smtp_url != NULL && !g_str_has_prefix (config->smtp_url, "smtp://")
      && !g_str_has_prefix (config->smtp_url, "smtps://"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“%s” is not an smtp:// or smtps:// URL", config->smtp_url);
      return NULL;
    }
  if (config->smtp_url == NULL && !make_maildir (config->maildir, error))
    return NULL;

  self->store = g_object_ref (store);
  self->smtp_url = g_strdup (config->smtp_url);
  self->smtp_user = g_strdup (config->smtp_user);
  self->smtp_password = g_strdup (config->smtp_password);
  self->maildir = g_strdup (config->maildir);
  self->from = g_strdup (config->from);
  return g_steal_pointer (&self);
}

/**
 * lic_mailer_start:
 *
 * Starts sending, on a thread of the mailer's own, until lic_mailer_stop().
 */
void
lic_mailer_start (LicMailer *self)
{
  g_return_if_fail (LIC_IS_MAILER (self));
  g_return_if_fail (self->thread == NULL);

  g_signal_connect_object (self->store, "mail-queued", G_CALLBACK (on_mail_queued), self, 0);
  self->thread = g_thread_new ("mailer", run, self);
}

/**
 * lic_mailer_stop:
 *
 * Stops sending, cutting short a send under way; that e-mail stays in the outbox.
 */
void
lic_mailer_stop (LicMailer *self)
{
  g_return_if_fail (LIC_IS_MAILER (self));

  if (self->thread == NULL)
    return;
  g_signal_handlers_disconnect_by_func (self->store, on_mail_queued, self);
  g_mutex_lock (&self->lock);
  g_atomic_int_set (&self->stopping, TRUE);
  g_cond_signal (&self->wake);
  g_mutex_unlock (&self->lock);
  g_clear_pointer (&self->thread, g_thread_join);
}
