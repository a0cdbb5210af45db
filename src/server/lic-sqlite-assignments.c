/* lic-sqlite-assignments.c: bulk assignment and unassignment of LicSqliteStore.
 *
 * A request names up to LIC_ASSIGNMENT_MAX_IDS users and groups, or a whole role. The users
 * are gathered, each once, into a temporary table of the connection, and everything after that
 * is a few set-wise statements over it: count those not of the pool's school, count those the
 * pool has already, ask the rules whether the rest fit in its capacity, then give access back
 * to those of them without access and assign the others through the one assignment path
 * checkout uses too (lic_sqlite_assign_users()). All of it runs in one BEGIN IMMEDIATE
 * transaction; a refusal returns before the commit and leaves no trace.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lic-clock.h"
#include "lic-i18n.h"
#include "lic-sqlite-store-private.h"

/* The users a request names, for one transaction; a temporary table is the connection's own. */
#define PICKS "temp.assignment_picks"

static gboolean
clear_picks (LicSqliteConnection  *connection,
             GError              **error)
{
  return lic_sqlite_connection_exec (connection,
                                     "CREATE TEMP TABLE IF NOT EXISTS assignment_picks"
                                     " (user_id INTEGER PRIMARY KEY);"
                                     "DELETE FROM " PICKS ";",
                                     error);
}

/* Runs @sql, which takes one id, once for every id of @ids. */
static gboolean
run_for_ids (LicSqliteConnection  *connection,
             const char           *sql,
             GArray               *ids,
             GError              **error)
{
  g_autoptr(LicSqliteStatement) stmt = NULL;

  if (ids == NULL || ids->len == 0)
    return TRUE;
  stmt = lic_sqlite_connection_prepare (connection, sql, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      if (!lic_sqlite_run_once (stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* The one number @sql selects; its parameter, if it has one, is @value. */
static gboolean
count (LicSqliteConnection  *connection,
       const char           *sql,
       gint64                value,
       gint64               *out,
       GError              **error)
{
  g_autoptr(LicSqliteStatement) stmt = lic_sqlite_connection_prepare (connection, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, value);
  if (lic_sqlite_step (stmt, error) != SQLITE_ROW)
    return FALSE;
  *out = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Checks that every group of @group_ids is a group of the pool's school; @link: for a link
 * rather than an assignment. */
static gboolean
check_groups (LicSqliteConnection  *connection,
              LicPool              *pool,
              GArray               *group_ids,
              gboolean              link,
              GError              **error)
{
  g_autoptr(LicSqliteStatement) stmt = NULL;

  if (group_ids == NULL || group_ids->len == 0)
    return TRUE;
  stmt = lic_sqlite_connection_prepare (connection,
                                        "SELECT 1 FROM user_groups WHERE id = ? AND school_id = ?",
                                        error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < group_ids->len; i++)
    {
      gint64 id = g_array_index (group_ids, gint64, i);
      int rc;

      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, lic_pool_get_school_id (pool));
      rc = lic_sqlite_step (stmt, error);
      if (rc == SQLITE_ERROR)
        return FALSE;
      lic_sqlite_statement_reset (stmt);
      if (rc == SQLITE_DONE && link)
        {
          g_set_error (error, LIC_ERROR, LIC_ERROR_INVALID,
                       /* TRANSLATORS: an id, and the name of a school */
                       _("There is no group %" PRId64 " at %s. Link groups of the pool's "
                         "school."), id, lic_pool_get_school_name (pool));
          return FALSE;
        }
      if (rc == SQLITE_DONE)
        {
          lic_rules_refuse_pick ("group", id, lic_pool_get_school_name (pool), error);
          return FALSE;
        }
    }
  return TRUE;
}

/* Gathers the users @assignment names into PICKS, each once. */
static gboolean
gather (LicSqliteConnection  *connection,
        LicPool              *pool,
        const LicAssignment  *assignment,
        GError              **error)
{
  g_autoptr(LicSqliteStatement) role = NULL;

  if (!clear_picks (connection, error)
      || !run_for_ids (connection, "INSERT OR IGNORE INTO " PICKS " (user_id) VALUES (?)",
                       assignment->user_ids, error)
      || !check_groups (connection, pool, assignment->group_ids, FALSE, error)
      || !run_for_ids (connection, "INSERT OR IGNORE INTO " PICKS " (user_id)"
                                   " SELECT user_id FROM group_members WHERE group_id = ?",
                       assignment->group_ids, error))
    return FALSE;
  if (assignment->role < 0)
    return TRUE;

  role = lic_sqlite_connection_prepare (connection,
                                        "INSERT OR IGNORE INTO " PICKS " (user_id)"
                                        " SELECT id FROM users WHERE school_id = ? AND role = ?",
                                        error);
  if (role == NULL)
    return FALSE;
  sqlite3_bind_int64 (role, 1, lic_pool_get_school_id (pool));
  lic_sqlite_bind_text (role, 2, lic_enum_to_nick (LIC_TYPE_ROLE, assignment->role));
  return lic_sqlite_run (role, error);
}

/* Gives back access to those of PICKS the pool has without access, keeping their rank. */
static gboolean
restore_picks (LicSqliteConnection  *connection,
               gint64                pool_id,
               GError              **error)
{
  g_autoptr(LicSqliteStatement) stmt = NULL;

  stmt = lic_sqlite_connection_prepare (connection,
                                        "UPDATE assignments SET state = 'active', since = NULL"
                                        " WHERE pool_id = ? AND state = 'no_access'"
                                        " AND user_id IN (SELECT user_id FROM " PICKS ")",
                                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, pool_id);
  return lic_sqlite_run (stmt, error);
}

LicPool *
lic_sqlite_store_assign (LicStore             *store,
                         const LicCaller      *caller,
                         gint64                pool_id,
                         const LicAssignment  *assignment,
                         GDateTime            *now,
                         gint64               *assigned,
                         gint64               *already_assigned,
                         GError              **error)
{
  g_autoptr(LicSqliteConnection) connection = NULL;
  g_autoptr(LicPool) before = NULL;
  g_autoptr(LicPool) after = NULL;
  g_autofree char *since = lic_clock_format (now);
  gint64 named, outsiders, already, free_licenses;

  connection = lic_sqlite_store_acquire (LIC_SQLITE_STORE (store), error);
  if (connection == NULL || !lic_sqlite_connection_begin (connection, LIC_SQLITE_WRITE, error))
    return NULL;
  before = lic_sqlite_load_pool (connection, caller, pool_id, error);
  if (before == NULL || !gather (connection, before, assignment, error))
    return NULL;

  /* An id of no user counts as a user not of the school: nothing says whether it exists. */
  if (!count (connection, "SELECT count (*) FROM " PICKS " p WHERE NOT EXISTS"
                          " (SELECT 1 FROM users u WHERE u.id = p.user_id AND u.school_id = ?)",
              lic_pool_get_school_id (before), &outsiders, error))
    return NULL;
  if (outsiders > 0)
    {
      lic_rules_refuse_outsiders (outsiders, lic_pool_get_school_name (before), error);
      return NULL;
    }
  /* Those named who are in the pool without access need a license as much as new users. */
  if (!count (connection, "SELECT count (*) FROM " PICKS, 0, &named, error)
      || !count (connection, "SELECT count (*) FROM " PICKS " p"
                             " JOIN assignments a ON a.pool_id = ? AND a.user_id = p.user_id"
                             " AND a.state = 'active'",
                 pool_id, &already, error))
    return NULL;

  free_licenses = lic_pool_get_capacity (before) - lic_pool_get_assigned (before);
  if (!lic_rules_check_assignment (named - already, free_licenses, error)
      || !restore_picks (connection, pool_id, error)
      || !lic_sqlite_assign_users (connection, pool_id, "SELECT user_id FROM " PICKS, 0, 0,
                                   since, error))
    return NULL;

  after = lic_sqlite_load_pool (connection, caller, pool_id, error);
  if (after == NULL
      || !lic_sqlite_connection_exec (connection, "DELETE FROM " PICKS, error)
      || !lic_sqlite_connection_commit (connection, error))
    return NULL;
  *assigned = named - already;
  *already_assigned = already;
  return g_steal_pointer (&after);
}

LicPool *
lic_sqlite_store_unassign (LicStore         *store,
                           const LicCaller  *caller,
                           gint64            pool_id,
                           GArray           *user_ids,
                           gint64           *unassigned,
                           GError          **error)
{
  g_autoptr(LicSqliteConnection) connection = NULL;
  g_autoptr(LicPool) before = NULL;
  g_autoptr(LicPool) after = NULL;
  g_autoptr(LicSqliteStatement) remove = NULL;
  g_autoptr(GDateTime) now = lic_clock_now ();
  g_autofree char *since = lic_clock_format (now);
  gint64 removed;

  connection = lic_sqlite_store_acquire (LIC_SQLITE_STORE (store), error);
  if (connection == NULL || !lic_sqlite_connection_begin (connection, LIC_SQLITE_WRITE, error))
    return NULL;
  before = lic_sqlite_load_pool (connection, caller, pool_id, error);
  if (before == NULL
      || !clear_picks (connection, error)
      || !run_for_ids (connection, "INSERT OR IGNORE INTO " PICKS " (user_id) VALUES (?)",
                       user_ids, error))
    return NULL;

  remove = lic_sqlite_connection_prepare (connection,
                                          "DELETE FROM assignments WHERE pool_id = ?"
                                          " AND user_id IN (SELECT user_id FROM " PICKS ")",
                                          error);
  if (remove == NULL)
    return NULL;
  sqlite3_bind_int64 (remove, 1, pool_id);
  if (!lic_sqlite_run (remove, error))
    return NULL;
  removed = lic_sqlite_changes (connection);

  /* The paid licenses freed go to users without access and then to the pupils waiting in
   * linked groups, not back to those whose licenses were just taken away. Licenses beyond
   * those paid are not handed on: during a shortfall, unassigning shortens the Payable list. */
  if (removed > 0
      && !lic_sqlite_fill_pool (connection, pool_id, "SELECT user_id FROM " PICKS, TRUE, since,
                                NULL, error))
    return NULL;

  after = lic_sqlite_load_pool (connection, caller, pool_id, error);
  if (after == NULL
      || !lic_sqlite_connection_exec (connection, "DELETE FROM " PICKS, error)
      || !lic_sqlite_connection_commit (connection, error))
    return NULL;
  *unassigned = removed;
  return g_steal_pointer (&after);
}

/* Auto-assignment. */

/* Gives up to @limit licenses of pool @pool_id to the members of its linked groups who have
 * none, first come first served: by when they joined one of those groups, then by name and id.
 * Through lic_sqlite_assign_users(), like every assignment. */
static gboolean
serve_waiting (LicSqliteConnection  *connection,
               gint64                pool_id,
               const char           *exclude_sql,
               gint64                limit,
               const char           *now,
               gint64               *served,
               GError              **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *limit_sql = g_strdup_printf (" LIMIT %" G_GINT64_FORMAT, limit);

  *served = 0;
  if (limit <= 0)
    return TRUE;
  sql = g_strconcat ("SELECT user_id FROM (" LIC_SQLITE_WAITING ("?4") ")",
                     exclude_sql != NULL ? " WHERE user_id NOT IN (" : "",
                     exclude_sql != NULL ? exclude_sql : "",
                     exclude_sql != NULL ? ")" : "",
                     " ORDER BY joined, name COLLATE NOCASE, user_id", limit_sql, NULL);
  if (!lic_sqlite_assign_users (connection, pool_id, sql, pool_id, 0, now, error))
    return FALSE;
  *served = lic_sqlite_changes (connection);
  return TRUE;
}

/* Gives back access to up to @limit of the pool's users without access, earliest rank first,
 * and tells them by e-mail. */
static gboolean
restore_access (LicSqliteConnection  *connection,
                gint64                pool_id,
                gint64                limit,
                const char           *now,
                gint64               *restored,
                GError              **error)
{
  g_autoptr(LicSqliteStatement) stmt = NULL;
  gint64 mailed;

  *restored = 0;
  if (limit <= 0)
    return TRUE;
  if (!lic_sqlite_connection_exec (connection,
                                   "CREATE TEMP TABLE IF NOT EXISTS restored_users"
                                   " (user_id INTEGER PRIMARY KEY);"
                                   "DELETE FROM temp.restored_users;",
                                   error))
    return FALSE;
  stmt = lic_sqlite_connection_prepare (connection,
                                        "INSERT INTO temp.restored_users (user_id)"
                                        " SELECT a.user_id FROM assignments a"
                                        " WHERE a.pool_id = ?1 AND a.state = 'no_access'"
                                        " ORDER BY " LIC_SQLITE_EARLIEST_FIRST " LIMIT ?2",
                                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, pool_id);
  sqlite3_bind_int64 (stmt, 2, limit);
  if (!lic_sqlite_run (stmt, error))
    return FALSE;
  *restored = lic_sqlite_changes (connection);
  if (*restored == 0)
    return TRUE;

  lic_sqlite_statement_reset (stmt);
  stmt = lic_sqlite_connection_prepare (connection,
                                        "UPDATE assignments SET state = 'active', since = NULL"
                                        " WHERE pool_id = ? AND user_id IN"
                                        " (SELECT user_id FROM temp.restored_users)",
                                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, pool_id);
  return lic_sqlite_run (stmt, error)
         && lic_sqlite_mail_access (connection, pool_id,
                                    "SELECT user_id FROM temp.restored_users",
                                    pool_id, TRUE, &mailed, error);
}

/**
 * lic_sqlite_fill_pool:
 * @exclude_sql: (nullable): a SELECT of user ids not to serve now
 * @paid_only: hand on only licenses paid (`available − assigned`), not all the pool's
 *   capacity: for licenses freed by unassigning, which during a shortfall must shorten the
 *   Payable list rather than go to someone else
 * @served: (out) (optional): the users given a license
 *
 * Hands the pool's free licenses (`capacity − assigned`) on: first back to its users without
 * access, earliest rank first; then to the members of its linked groups who wait for one.
 */
gboolean
lic_sqlite_fill_pool (LicSqliteConnection  *connection,
                      gint64                pool_id,
                      const char           *exclude_sql,
                      gboolean              paid_only,
                      const char           *now,
                      gint64               *served,
                      GError              **error)
{
  g_autoptr(LicSqliteStatement) stmt = NULL;
  gint64 free_licenses, no_access, restored, waiting;

  stmt = lic_sqlite_connection_prepare (connection,
                                        paid_only
                                        ? "SELECT quantity_paid - active_count, no_access_count"
                                          " FROM pools WHERE id = ?1"
                                        : "SELECT " LIC_SQLITE_CAPACITY ("?1") " - active_count,"
                                          " no_access_count FROM pools WHERE id = ?1",
                                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, pool_id);
  if (lic_sqlite_step (stmt, error) != SQLITE_ROW)
    return FALSE;
  free_licenses = sqlite3_column_int64 (stmt, 0);
  no_access = sqlite3_column_int64 (stmt, 1);
  lic_sqlite_statement_reset (stmt);

  if (!restore_access (connection, pool_id, no_access > 0 ? free_licenses : 0, now, &restored,
                       error)
      || !serve_waiting (connection, pool_id, exclude_sql, free_licenses - restored, now,
                         &waiting, error))
    return FALSE;
  if (served != NULL)
    *served = restored + waiting;
  return TRUE;
}

/**
 * lic_sqlite_serve_groups:
 * @group_ids: (element-type gint64): groups that have gained members
 *
 * Serves the waiting members of every pool linked to one of @group_ids, pool by pool in the
 * order of their ids.
 */
gboolean
lic_sqlite_serve_groups (LicSqliteConnection  *connection,
                         GArray               *group_ids,
                         const char           *now,
                         GError              **error)
{
  g_autoptr(LicSqliteStatement) pools = NULL;
  g_autoptr(GArray) pool_ids = NULL;
  int rc;

  if (group_ids == NULL || group_ids->len == 0
      || !clear_picks (connection, error)
      || !run_for_ids (connection, "INSERT OR IGNORE INTO " PICKS " (user_id) VALUES (?)",
                       group_ids, error))
    return group_ids == NULL || group_ids->len == 0;

  /* PICKS holds group ids here: it is only a set of numbers. */
  pools = lic_sqlite_connection_prepare (connection,
                                         "SELECT DISTINCT pool_id FROM pool_groups"
                                         " WHERE group_id IN (SELECT user_id FROM " PICKS ")"
                                         " ORDER BY pool_id",
                                         error);
  if (pools == NULL)
    return FALSE;
  pool_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = lic_sqlite_step (pools, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (pools, 0);

      g_array_append_val (pool_ids, id);
    }
  if (rc != SQLITE_DONE || !lic_sqlite_connection_exec (connection, "DELETE FROM " PICKS, error))
    return FALSE;
  for (guint i = 0; i < pool_ids->len; i++)
    if (!lic_sqlite_fill_pool (connection, g_array_index (pool_ids, gint64, i), NULL, FALSE, now,
                               NULL, error))
      return FALSE;
  return TRUE;
}

/* POST and DELETE /pools/{id}/groups: @link links @group_ids to the pool and serves their
 * members at once; otherwise unlinks them, changing no assignment. */
LicPool *
lic_sqlite_store_link_groups (LicStore         *store,
                              const LicCaller  *caller,
                              gint64            pool_id,
                              GArray           *group_ids,
                              gboolean          link,
                              GDateTime        *now,
                              gint64           *changed,
                              gint64           *assigned,
                              GError          **error)
{
  g_autoptr(LicSqliteConnection) connection = NULL;
  g_autoptr(LicPool) before = NULL;
  g_autoptr(LicPool) after = NULL;
  g_autoptr(LicSqliteStatement) stmt = NULL;
  g_autofree char *since = lic_clock_format (now);
  gint64 total = 0;

  *changed = 0;
  *assigned = 0;
  connection = lic_sqlite_store_acquire (LIC_SQLITE_STORE (store), error);
  if (connection == NULL || !lic_sqlite_connection_begin (connection, LIC_SQLITE_WRITE, error))
    return NULL;
  before = lic_sqlite_load_pool (connection, caller, pool_id, error);
  if (before == NULL || (link && !check_groups (connection, before, group_ids, TRUE, error)))
    return NULL;

  stmt = lic_sqlite_connection_prepare (connection,
                                        link ? "INSERT OR IGNORE INTO pool_groups"
                                               " (pool_id, group_id, linked_at) VALUES (?1, ?2, ?3)"
                                             : "DELETE FROM pool_groups"
                                               " WHERE pool_id = ?1 AND group_id = ?2",
                                        error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < group_ids->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, pool_id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (group_ids, gint64, i));
      if (link)
        lic_sqlite_bind_text (stmt, 3, since);
      if (!lic_sqlite_run_once (stmt, error))
        return NULL;
      total += lic_sqlite_changes (connection);
    }
  if (link && !lic_sqlite_fill_pool (connection, pool_id, NULL, FALSE, since, assigned, error))
    return NULL;

  after = lic_sqlite_load_pool (connection, caller, pool_id, error);
  if (after == NULL || !lic_sqlite_connection_commit (connection, error))
    return NULL;
  *changed = total;
  return g_steal_pointer (&after);
}
