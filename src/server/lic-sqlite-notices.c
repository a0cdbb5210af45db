/* lic-sqlite-notices.c: notifications and the outbox of LicSqliteStore.
 *
 * Both are written inside the transaction of the change they tell of, so a notice or an
 * e-mail exists exactly when its change was committed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lic-sqlite-store-private.h"
#include "lic-texts.h"

#define NOTIFICATION_SELECT \
  "SELECT n.id, n.created_at, n.read, coalesce (ol.order_id, 0), coalesce (n.order_line_id, 0)," \
  " po.product_id, p.name, po.school_id, sc.name, n.quantity, n.kind" \
  " FROM notifications n" \
  " JOIN pools po ON po.id = n.pool_id" \
  " JOIN products p ON p.id = po.product_id" \
  " JOIN schools sc ON sc.id = po.school_id" \
  " LEFT JOIN order_lines ol ON ol.id = n.order_line_id" \
  " WHERE n.user_id = ?"

static gint64
wall_clock_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/**
 * lic_sqlite_queue_mail:
 * @body: plain text, lines ended by "\n"
 *
 * Puts an e-mail into the outbox, due at once, in the transaction under way.
 */
gboolean
lic_sqlite_queue_mail (LicSqliteConnection  *connection,
                       const char           *recipient,
                       const char           *recipient_name,
                       const char           *subject,
                       const char           *body,
                       GError              **error)
{
  g_autoptr(LicSqliteStatement) stmt = NULL;
  g_autofree char *message_key = g_uuid_string_random ();
  gint64 now = wall_clock_seconds ();

  stmt = lic_sqlite_connection_prepare (connection,
                                        "INSERT INTO outbox (recipient, recipient_name, subject,"
                                        " body, message_key, created_at, next_attempt_at)"
                                        " VALUES (?, ?, ?, ?, ?, ?, ?)",
                                        error);
  if (stmt == NULL)
    return FALSE;
  lic_sqlite_bind_text (stmt, 1, recipient);
  lic_sqlite_bind_text (stmt, 2, recipient_name);
  lic_sqlite_bind_text (stmt, 3, subject);
  lic_sqlite_bind_text (stmt, 4, body);
  lic_sqlite_bind_text (stmt, 5, message_key);
  sqlite3_bind_int64 (stmt, 6, now);
  sqlite3_bind_int64 (stmt, 7, now);
  return lic_sqlite_run (stmt, error);
}

/**
 * lic_sqlite_user_language:
 * @language: (out) (transfer full): the language the user's e-mails are written in
 */
gboolean
lic_sqlite_user_language (LicSqliteConnection  *connection,
                          gint64                user_id,
                          char                **language,
                          GError              **error)
{
  g_autoptr(LicSqliteStatement) stmt = NULL;
  int rc;

  stmt = lic_sqlite_connection_prepare (connection, "SELECT language FROM users WHERE id = ?",
                                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);
  rc = lic_sqlite_step (stmt, error);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return FALSE;
  *language = g_strdup (rc == SQLITE_ROW ? lic_sqlite_column_text (stmt, 0) : "en");
  return TRUE;
}

/* E-mails every admin of the school who has an address. */
static gboolean
mail_admins (LicSqliteConnection     *connection,
             gint64                   organization_id,
             gint64                   school_id,
             const LicDeliveryFacts  *facts,
             GError                 **error)
{
  g_autoptr(LicSqliteStatement) admins = NULL;
  int rc;

  admins = lic_sqlite_connection_prepare (connection,
                                          "SELECT email, name, language"
                                          LIC_SQLITE_SCHOOL_ADMINS
                                          " AND email IS NOT NULL ORDER BY id",
                                          error);
  if (admins == NULL)
    return FALSE;
  sqlite3_bind_int64 (admins, 1, organization_id);
  sqlite3_bind_int64 (admins, 2, school_id);
  while ((rc = lic_sqlite_step (admins, error)) == SQLITE_ROW)
    {
      const char *name = lic_sqlite_column_text (admins, 1);
      g_autofree char *subject = NULL;
      g_autofree char *body = NULL;

      lic_text_delivered_mail (facts, lic_sqlite_column_text (admins, 2), name, &subject, &body);
      if (!lic_sqlite_queue_mail (connection, lic_sqlite_column_text (admins, 0), name, subject,
                                  body, error))
        return FALSE;
    }
  return rc == SQLITE_DONE;
}

/**
 * lic_sqlite_notify_delivered:
 * @now: the time, as lic_clock_format() writes it
 *
 * Tells every admin of the line's school, by a notification and an e-mail, that the line's
 * licenses have arrived, in the transaction under way.
 */
gboolean
lic_sqlite_notify_delivered (LicSqliteConnection  *connection,
                             gint64                order_line_id,
                             const char           *now,
                             GError              **error)
{
  g_autoptr(LicSqliteStatement) line = NULL;
  LicDeliveryFacts facts;
  gint64 organization_id;
  gint64 school_id;
  int rc;

  line = lic_sqlite_connection_prepare (connection,
                                        "SELECT sc.organization_id, sc.id, ol.order_id,"
                                        " ol.quantity, p.name, s.name, sc.name, po.id"
                                        " FROM order_lines ol"
                                        " JOIN pools po ON po.id = ol.pool_id"
                                        " JOIN products p ON p.id = po.product_id"
                                        " JOIN suppliers s ON s.id = p.supplier_id"
                                        " JOIN schools sc ON sc.id = po.school_id"
                                        " WHERE ol.id = ?",
                                        error);
  if (line == NULL)
    return FALSE;
  sqlite3_bind_int64 (line, 1, order_line_id);
  rc = lic_sqlite_step (line, error);
  if (rc == SQLITE_ERROR)
    return FALSE;
  /* The line was written in this transaction. */
  g_assert (rc == SQLITE_ROW);

  organization_id = sqlite3_column_int64 (line, 0);
  school_id = sqlite3_column_int64 (line, 1);
  facts.order_id = sqlite3_column_int64 (line, 2);
  facts.quantity = sqlite3_column_int64 (line, 3);
  facts.product_name = lic_sqlite_column_text (line, 4);
  facts.supplier = lic_sqlite_column_text (line, 5);
  facts.school_name = lic_sqlite_column_text (line, 6);

  return lic_sqlite_notify_admins (connection, "delivered", organization_id, school_id,
                                   sqlite3_column_int64 (line, 7),
                                   order_line_id, facts.quantity, now, error)
         && mail_admins (connection, organization_id, school_id, &facts, error);
}

/**
 * lic_sqlite_notify_admins:
 * @kind: "delivered", "payment_late", "licenses_suspended" or "access_ended"
 * @order_line_id: the line the notification is about, or 0 for none
 * @quantity: licenses (for "access_ended": users who lost access)
 * @now: the time, as lic_clock_format() writes it
 *
 * Gives every admin of school @school_id of organization @organization_id (the pool's) a
 * notification, in the transaction under way.
 */
gboolean
lic_sqlite_notify_admins (LicSqliteConnection  *connection,
                          const char           *kind,
                          gint64                organization_id,
                          gint64                school_id,
                          gint64                pool_id,
                          gint64                order_line_id,
                          gint64                quantity,
                          const char           *now,
                          GError              **error)
{
  g_autoptr(LicSqliteStatement) notify = NULL;

  g_return_val_if_fail (kind != NULL && now != NULL, FALSE);

  notify = lic_sqlite_connection_prepare (connection,
                                          "INSERT INTO notifications (user_id, kind, pool_id,"
                                          " order_line_id, quantity, created_at)"
                                          " SELECT id, ?5, ?3, ?4, ?6, ?7"
                                          LIC_SQLITE_SCHOOL_ADMINS " ORDER BY id",
                                          error);
  if (notify == NULL)
    return FALSE;
  sqlite3_bind_int64 (notify, 1, organization_id);
  sqlite3_bind_int64 (notify, 2, school_id);
  sqlite3_bind_int64 (notify, 3, pool_id);
  if (order_line_id > 0)
    sqlite3_bind_int64 (notify, 4, order_line_id);
  else
    sqlite3_bind_null (notify, 4);
  lic_sqlite_bind_text (notify, 5, kind);
  sqlite3_bind_int64 (notify, 6, quantity);
  lic_sqlite_bind_text (notify, 7, now);
  return lic_sqlite_run (notify, error);
}

static gpointer
notification_from_row (LicSqliteStatement *stmt)
{
  LicNotification *notification = g_new0 (LicNotification, 1);

  notification->id = sqlite3_column_int64 (stmt, 0);
  notification->created_at = g_strdup (lic_sqlite_column_text (stmt, 1));
  notification->read = sqlite3_column_int (stmt, 2);
  notification->order_id = sqlite3_column_int64 (stmt, 3);
  notification->order_line_id = sqlite3_column_int64 (stmt, 4);
  notification->product_id = sqlite3_column_int64 (stmt, 5);
  notification->product_name = g_strdup (lic_sqlite_column_text (stmt, 6));
  notification->school_id = sqlite3_column_int64 (stmt, 7);
  notification->school_name = g_strdup (lic_sqlite_column_text (stmt, 8));
  notification->quantity = sqlite3_column_int64 (stmt, 9);
  notification->kind = g_strdup (lic_sqlite_column_text (stmt, 10));
  return notification;
}

GPtrArray *
lic_sqlite_store_list_notifications (LicStore         *store,
                                     const LicCaller  *caller,
                                     const LicPage    *page,
                                     gboolean         *more,
                                     GError          **error)
{
  g_autoptr(LicSqliteConnection) connection = NULL;
  g_autoptr(LicSqliteQuery) query = lic_sqlite_query_new (NOTIFICATION_SELECT);
  g_autoptr(LicSqliteStatement) stmt = NULL;

  connection = lic_sqlite_store_acquire (LIC_SQLITE_STORE (store), error);
  if (connection == NULL)
    return NULL;
  lic_sqlite_query_bind_int (query, lic_user_get_id (caller->user));
  lic_sqlite_add_newest_first (query, page, "n.id");
  stmt = lic_sqlite_query_prepare (query, connection, error);
  if (stmt == NULL)
    return NULL;
  return lic_sqlite_collect_page (stmt, notification_from_row,
                                  (GDestroyNotify) lic_notification_free, page, more, error);
}

gboolean
lic_sqlite_store_mark_read (LicStore         *store,
                            const LicCaller  *caller,
                            GArray           *ids,
                            GError          **error)
{
  g_autoptr(LicSqliteConnection) connection = NULL;
  g_autoptr(LicSqliteStatement) stmt = NULL;

  connection = lic_sqlite_store_acquire (LIC_SQLITE_STORE (store), error);
  if (connection == NULL || !lic_sqlite_connection_begin (connection, LIC_SQLITE_WRITE, error))
    return FALSE;
  stmt = lic_sqlite_connection_prepare (connection,
                                        "UPDATE notifications SET read = 1"
                                        " WHERE id = ? AND user_id = ?",
                                        error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      sqlite3_bind_int64 (stmt, 2, lic_user_get_id (caller->user));
      if (!lic_sqlite_run_once (stmt, error))
        return FALSE;
    }
  return lic_sqlite_connection_commit (connection, error);
}

GPtrArray *
lic_sqlite_store_notifications_after (LicStore    *store,
                                      gint64       user_id,
                                      gint64       after_id,
                                      GError     **error)
{
  g_autoptr(LicSqliteConnection) connection = NULL;
  g_autoptr(LicSqliteStatement) stmt = NULL;

  connection = lic_sqlite_store_acquire (LIC_SQLITE_STORE (store), error);
  if (connection == NULL)
    return NULL;
  stmt = lic_sqlite_connection_prepare (connection,
                                        NOTIFICATION_SELECT " AND n.id > ? ORDER BY n.id",
                                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, after_id);
  return lic_sqlite_collect (stmt, notification_from_row, (GDestroyNotify) lic_notification_free,
                             error);
}

gboolean
lic_sqlite_store_last_notification (LicStore  *store,
                                    gint64    *id,
                                    GError   **error)
{
  g_autoptr(LicSqliteConnection) connection = NULL;
  g_autoptr(LicSqliteStatement) stmt = NULL;

  connection = lic_sqlite_store_acquire (LIC_SQLITE_STORE (store), error);
  if (connection == NULL)
    return FALSE;
  stmt = lic_sqlite_connection_prepare (connection,
                                        "SELECT coalesce (max (id), 0) FROM notifications",
                                        error);
  if (stmt == NULL || lic_sqlite_step (stmt, error) != SQLITE_ROW)
    return FALSE;
  *id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* The outbox. */

LicMail *
lic_sqlite_store_claim_mail (LicStore  *store,
                             gint64     now,
                             gint64     lease_until,
                             gint64    *next_due,
                             GError   **error)
{
  g_autoptr(LicSqliteConnection) connection = NULL;
  g_autoptr(LicSqliteStatement) due = NULL;
  g_autoptr(LicSqliteStatement) claim = NULL;
  g_autoptr(LicSqliteStatement) next = NULL;
  g_autoptr(LicMail) mail = NULL;
  int rc;

  *next_due = G_MAXINT64;
  connection = lic_sqlite_store_acquire (LIC_SQLITE_STORE (store), error);
  if (connection == NULL || !lic_sqlite_connection_begin (connection, LIC_SQLITE_WRITE, error))
    return NULL;

  due = lic_sqlite_connection_prepare (connection,
                                       "SELECT id, recipient, recipient_name, subject, body,"
                                       " message_key, created_at, attempts FROM outbox"
                                       " WHERE sent_at IS NULL AND next_attempt_at <= ?"
                                       " ORDER BY next_attempt_at, id LIMIT 1",
                                       error);
  if (due == NULL)
    return NULL;
  sqlite3_bind_int64 (due, 1, now);
  rc = lic_sqlite_step (due, error);
  if (rc == SQLITE_ERROR)
    return NULL;

  if (rc == SQLITE_DONE)
    {
      next = lic_sqlite_connection_prepare (connection,
                                            "SELECT min (next_attempt_at) FROM outbox"
                                            " WHERE sent_at IS NULL",
                                            error);
      if (next == NULL || lic_sqlite_step (next, error) != SQLITE_ROW)
        return NULL;
      if (sqlite3_column_type (next, 0) != SQLITE_NULL)
        *next_due = sqlite3_column_int64 (next, 0);
      return NULL;
    }

  mail = g_new0 (LicMail, 1);
  mail->id = sqlite3_column_int64 (due, 0);
  mail->recipient = g_strdup (lic_sqlite_column_text (due, 1));
  mail->recipient_name = g_strdup (lic_sqlite_column_text (due, 2));
  mail->subject = g_strdup (lic_sqlite_column_text (due, 3));
  mail->body = g_strdup (lic_sqlite_column_text (due, 4));
  mail->message_key = g_strdup (lic_sqlite_column_text (due, 5));
  mail->created_at = sqlite3_column_int64 (due, 6);
  mail->attempts = sqlite3_column_int64 (due, 7);

  claim = lic_sqlite_connection_prepare (connection,
                                         "UPDATE outbox SET next_attempt_at = ? WHERE id = ?",
                                         error);
  if (claim == NULL)
    return NULL;
  sqlite3_bind_int64 (claim, 1, lease_until);
  sqlite3_bind_int64 (claim, 2, mail->id);
  if (!lic_sqlite_run (claim, error) || !lic_sqlite_connection_commit (connection, error))
    return NULL;
  return g_steal_pointer (&mail);
}

gboolean
lic_sqlite_store_finish_mail (LicStore    *store,
                              gint64       mail_id,
                              const char  *failure,
                              gint64       now,
                              gint64       retry_at,
                              GError     **error)
{
  g_autoptr(LicSqliteConnection) connection = NULL;
  g_autoptr(LicSqliteStatement) stmt = NULL;

  connection = lic_sqlite_store_acquire (LIC_SQLITE_STORE (store), error);
  if (connection == NULL)
    return FALSE;
  if (failure == NULL)
    stmt = lic_sqlite_connection_prepare (connection,
                                          "UPDATE outbox SET attempts = attempts + 1,"
                                          " sent_at = ?, last_error = NULL WHERE id = ?",
                                          error);
  else
    stmt = lic_sqlite_connection_prepare (connection,
                                          "UPDATE outbox SET attempts = attempts + 1,"
                                          " next_attempt_at = ?, last_error = ? WHERE id = ?",
                                          error);
  if (stmt == NULL)
    return FALSE;
  if (failure == NULL)
    {
      sqlite3_bind_int64 (stmt, 1, now);
      sqlite3_bind_int64 (stmt, 2, mail_id);
    }
  else
    {
      sqlite3_bind_int64 (stmt, 1, retry_at);
      lic_sqlite_bind_text (stmt, 2, failure);
      sqlite3_bind_int64 (stmt, 3, mail_id);
    }
  return lic_sqlite_run (stmt, error);
}
