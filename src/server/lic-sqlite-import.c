/* lic-sqlite-import.c: POST /users/import, every row checked before any is written, all in
 * one transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "lic-clock.h"
#include "lic-i18n.h"
#include "lic-sqlite-store-private.h"

#define GROUP_SEPARATOR "\x1f"

/* What the database holds for the username of a row, if anything. */
typedef struct
{
  gint64 id;                        /* 0: a new user */
  gboolean changed;
} Existing;

G_GNUC_PRINTF (3, 4)
static void
add_error (GPtrArray  *errors,
           guint       line,
           const char *format,
           ...)
{
  LicImportError *row_error = g_new0 (LicImportError, 1);
  va_list args;

  va_start (args, format);
  row_error->line = line;
  row_error->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (errors, row_error);
}

static gboolean
same_groups (const char * const *row_groups,
             const char         *joined)
{
  g_auto(GStrv) stored = joined != NULL ? g_strsplit (joined, GROUP_SEPARATOR, -1)
                                        : g_new0 (char *, 1);

  /* Both sorted by bytes: SQLite's BINARY collation is memcmp, and the route sorts with strcmp. */
  return g_strv_equal ((const char * const *) stored, row_groups);
}

/* Checks @row against what the database holds; fills @existing. */
static gboolean
check_row (LicSqliteStatement  *find,
           const LicCaller     *caller,
           const LicImportRow  *row,
           GPtrArray           *errors,
           Existing            *existing,
           GError             **error)
{
  int rc;

  existing->id = 0;
  existing->changed = TRUE;
  if (!lic_caller_may_act_on_school (caller, row->school_id))
    {
      /* TRANSLATORS: the error of one row of a CSV import; a school id, as the column
       * school_id has it */
      add_error (errors, row->line, _("school_id %" PRId64 " is not one of your schools"),
                 row->school_id);
      return TRUE;
    }

  lic_sqlite_bind_text (find, 1, row->username);
  rc = lic_sqlite_step (find, error);
  if (rc == SQLITE_ERROR)
    return FALSE;
  if (rc == SQLITE_ROW)
    {
      gint64 organization_id = sqlite3_column_int64 (find, 1);
      gint64 school_id = sqlite3_column_int64 (find, 2);
      const char *role = lic_sqlite_column_text (find, 5);
      gboolean admin = sqlite3_column_int (find, 6) != 0;

      existing->id = sqlite3_column_int64 (find, 0);
      if (organization_id != lic_sqlite_organization_id (caller))
        add_error (errors, row->line,
                   _("username “%s” is taken by a user of another organization"),
                   row->username);
      else if (!lic_caller_may_act_on_school (caller, school_id))
        add_error (errors, row->line,
                   _("username “%s” is a user of a school you do not manage"), row->username);
      else if (admin && row->role != LIC_ROLE_ADMINISTRATOR)
        add_error (errors, row->line,
                   _("“%s” is an admin account; an import cannot change its role"),
                   row->username);
      else
        existing->changed = g_strcmp0 (lic_sqlite_column_text (find, 3), row->name) != 0
                            || g_strcmp0 (lic_sqlite_column_text (find, 4), row->email) != 0
                            || g_strcmp0 (role, lic_enum_to_nick (LIC_TYPE_ROLE, row->role)) != 0
                            || school_id != row->school_id
                            || !same_groups ((const char * const *) row->groups,
                                             lic_sqlite_column_text (find, 7));
    }
  lic_sqlite_statement_reset (find);
  return TRUE;
}

/* The id of the group @name of @school_id, made if there is none. */
static gint64
find_group (LicSqliteConnection  *connection,
            GHashTable           *cache,
            gint64                school_id,
            const char           *name,
            GError              **error)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT GROUP_SEPARATOR "%s",
                                          school_id, name);
  g_autoptr(LicSqliteStatement) select = NULL;
  g_autoptr(LicSqliteStatement) insert = NULL;
  gpointer cached;
  gint64 id;
  int rc;

  if (g_hash_table_lookup_extended (cache, key, NULL, &cached))
    return *(gint64 *) cached;

  select = lic_sqlite_connection_prepare (connection,
                                          "SELECT id FROM user_groups"
                                          " WHERE school_id = ? AND name = ?",
                                          error);
  if (select == NULL)
    return 0;
  sqlite3_bind_int64 (select, 1, school_id);
  lic_sqlite_bind_text (select, 2, name);
  rc = lic_sqlite_step (select, error);
  if (rc == SQLITE_ERROR)
    return 0;
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (select, 0);
  else
    {
      insert = lic_sqlite_connection_prepare (connection,
                                              "INSERT INTO user_groups (school_id, name)"
                                              " VALUES (?, ?)",
                                              error);
      if (insert == NULL)
        return 0;
      sqlite3_bind_int64 (insert, 1, school_id);
      lic_sqlite_bind_text (insert, 2, name);
      if ((id = lic_sqlite_insert (connection, insert, error)) == 0)
        return 0;
    }
  g_hash_table_insert (cache, g_steal_pointer (&key), g_memdup2 (&id, sizeof id));
  return id;
}

/* Sets the words and the groups of user @user_id to those of @row. Memberships the user keeps
 * keep their joined_at; the groups the user joins are added to @joined. */
static gboolean
write_details (LicSqliteConnection  *connection,
               GHashTable           *group_cache,
               gint64                user_id,
               const LicImportRow   *row,
               gboolean              replace,
               const char           *now,
               GHashTable           *joined,
               GError              **error)
{
  g_autoptr(LicSqliteStatement) word = NULL;
  g_autoptr(LicSqliteStatement) member = NULL;
  g_autoptr(GString) kept = g_string_new (NULL);

  if (replace)
    {
      g_autoptr(LicSqliteStatement) clear_words = NULL;

      clear_words = lic_sqlite_connection_prepare (connection,
                                                   "DELETE FROM user_words WHERE user_id = ?",
                                                   error);
      if (clear_words == NULL)
        return FALSE;
      sqlite3_bind_int64 (clear_words, 1, user_id);
      if (!lic_sqlite_run_once (clear_words, error))
        return FALSE;
    }

  word = lic_sqlite_connection_prepare (connection,
                                        "INSERT OR IGNORE INTO user_words (word, user_id)"
                                        " VALUES (?, ?)",
                                        error);
  member = lic_sqlite_connection_prepare (connection,
                                          "INSERT OR IGNORE INTO group_members"
                                          " (group_id, user_id, joined_at) VALUES (?, ?, ?)",
                                          error);
  if (word == NULL || member == NULL
      || !lic_sqlite_insert_user_words (word, user_id, row->username, row->name, row->email,
                                        error))
    return FALSE;

  for (guint g = 0; row->groups[g] != NULL; g++)
    {
      gint64 group_id = find_group (connection, group_cache, row->school_id, row->groups[g],
                                    error);

      if (group_id == 0)
        return FALSE;
      sqlite3_bind_int64 (member, 1, group_id);
      sqlite3_bind_int64 (member, 2, user_id);
      lic_sqlite_bind_text (member, 3, now);
      if (!lic_sqlite_run_once (member, error))
        return FALSE;
      if (lic_sqlite_changes (connection) > 0)
        g_hash_table_add (joined, g_memdup2 (&group_id, sizeof group_id));
      g_string_append_printf (kept, "%s%" G_GINT64_FORMAT, kept->len > 0 ? "," : "", group_id);
    }

  if (replace)
    {
      g_autofree char *leave = g_strdup_printf ("DELETE FROM group_members WHERE user_id = %"
                                                G_GINT64_FORMAT " AND group_id NOT IN (%s)",
                                                user_id, kept->str);

      if (!lic_sqlite_connection_exec (connection, leave, error))
        return FALSE;
    }
  return TRUE;
}

static gint
compare_errors (gconstpointer a,
                gconstpointer b)
{
  const LicImportError *first = *(LicImportError * const *) a;
  const LicImportError *second = *(LicImportError * const *) b;

  return (first->line > second->line) - (first->line < second->line);
}

gboolean
lic_sqlite_store_import_users (LicStore         *store,
                               const LicCaller  *caller,
                               GPtrArray        *rows,
                               GPtrArray        *errors,
                               LicImportCounts  *counts,
                               GError          **error)
{
  LicSqliteStore *self = LIC_SQLITE_STORE (store);
  g_autoptr(LicSqliteConnection) connection = NULL;
  g_autoptr(LicSqliteStatement) find = NULL;
  g_autoptr(LicSqliteStatement) insert = NULL;
  g_autoptr(LicSqliteStatement) update = NULL;
  g_autoptr(GHashTable) group_cache = NULL;
  g_autofree Existing *existing = NULL;
  g_autoptr(GHashTable) joined = NULL;
  g_autoptr(GArray) joined_ids = NULL;
  g_autoptr(GDateTime) clock_now = lic_clock_now ();
  g_autofree char *now = lic_clock_format (clock_now);
  GHashTableIter iter;
  gpointer key;

  memset (counts, 0, sizeof *counts);
  connection = lic_sqlite_store_acquire (self, error);
  if (connection == NULL || !lic_sqlite_connection_begin (connection, LIC_SQLITE_WRITE, error))
    return FALSE;

  find = lic_sqlite_connection_prepare (connection,
                                        "SELECT u.id, u.organization_id, u.school_id, u.name,"
                                        " u.email, u.role, u.organization_admin OR EXISTS"
                                        "  (SELECT 1 FROM school_admins a WHERE a.user_id = u.id),"
                                        " (SELECT group_concat (name, char (31)) FROM"
                                        "   (SELECT g.name FROM group_members m"
                                        "    JOIN user_groups g ON g.id = m.group_id"
                                        "    WHERE m.user_id = u.id ORDER BY g.name))"
                                        " FROM users u WHERE u.username = ?",
                                        error);
  if (find == NULL)
    return FALSE;

  /* First every check, writing nothing. */
  existing = g_new0 (Existing, MAX (rows->len, 1));
  for (guint i = 0; i < rows->len; i++)
    if (!check_row (find, caller, g_ptr_array_index (rows, i), errors, &existing[i], error))
      return FALSE;
  if (errors->len > 0)
    {
      g_ptr_array_sort (errors, compare_errors);
      g_set_error (error, LIC_ERROR, LIC_ERROR_INVALID,
                   g_dngettext (LIC_I18N_DOMAIN, "%u row has errors; nothing was imported.",
                                "%u rows have errors; nothing was imported.", errors->len),
                   errors->len);
      return FALSE;
    }

  insert = lic_sqlite_connection_prepare (connection,
                                          "INSERT INTO users (organization_id, school_id, username,"
                                          " name, email, role, language) VALUES (?, ?, ?, ?, ?, ?,"
                                          " (SELECT language FROM users WHERE id = ?))",
                                          error);
  update = lic_sqlite_connection_prepare (connection,
                                          "UPDATE users SET school_id = ?, name = ?, email = ?,"
                                          " role = ? WHERE id = ?",
                                          error);
  if (insert == NULL || update == NULL)
    return FALSE;
  group_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  joined = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      const LicImportRow *row = g_ptr_array_index (rows, i);
      const char *role = lic_enum_to_nick (LIC_TYPE_ROLE, row->role);
      gint64 user_id = existing[i].id;

      if (user_id == 0)
        {
          sqlite3_bind_int64 (insert, 1, lic_sqlite_organization_id (caller));
          sqlite3_bind_int64 (insert, 2, row->school_id);
          lic_sqlite_bind_text (insert, 3, row->username);
          lic_sqlite_bind_text (insert, 4, row->name);
          lic_sqlite_bind_text (insert, 5, row->email);
          lic_sqlite_bind_text (insert, 6, role);
          sqlite3_bind_int64 (insert, 7, lic_user_get_id (caller->user));
          if ((user_id = lic_sqlite_insert (connection, insert, error)) == 0
              || !write_details (connection, group_cache, user_id, row, FALSE, now, joined,
                                 error))
            return FALSE;
          counts->created++;
        }
      else if (existing[i].changed)
        {
          sqlite3_bind_int64 (update, 1, row->school_id);
          lic_sqlite_bind_text (update, 2, row->name);
          lic_sqlite_bind_text (update, 3, row->email);
          lic_sqlite_bind_text (update, 4, role);
          sqlite3_bind_int64 (update, 5, user_id);
          if (!lic_sqlite_run_once (update, error)
              || !write_details (connection, group_cache, user_id, row, TRUE, now, joined,
                                 error))
            return FALSE;
          counts->updated++;
        }
      else
        counts->unchanged++;
    }

  /* Those who joined a group linked to a pool get a license of it at once while any is free;
   * the others wait. */
  joined_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_hash_table_iter_init (&iter, joined);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (joined_ids, *(gint64 *) key);
  return lic_sqlite_serve_groups (connection, joined_ids, now, error)
         && lic_sqlite_connection_commit (connection, error);
}
