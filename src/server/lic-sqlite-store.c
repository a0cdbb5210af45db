/* lic-sqlite-store.c
 *
 * Every list is paged by key: ordered by name (SQLite's NOCASE), then id, and continued after
 * the last (name, id) seen, which keeps a page cheap however deep it is and never skips or
 * repeats rows that stayed between pages; lists of the newest first go down by id. A query asks
 * for one row more than the page to learn whether another page follows.
 *
 * This file holds the class, people, the library and pools; lic-sqlite-store-private.h says
 * where the rest is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <string.h>

#include "lic-clock.h"
#include "lic-compliance.h"
#include "lic-i18n.h"
#include "lic-password.h"
#include "lic-sqlite-migrations.h"
#include "lic-sqlite-store-private.h"

/* Separates the values group_concat() joins; it cannot occur in a name. */
#define LIST_SEPARATOR "\x1f"

struct _LicSqliteStore
{
  GObject parent_instance;

  char *path;
  LicSqlitePool *pool;
};

static void lic_sqlite_store_initable_iface_init (GInitableIface *iface);
static void lic_sqlite_store_store_iface_init (LicStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LicSqliteStore, lic_sqlite_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      lic_sqlite_store_initable_iface_init)
                               G_IMPLEMENT_INTERFACE (LIC_TYPE_STORE,
                                                      lic_sqlite_store_store_iface_init))

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Rows to objects. */

static GStrv
split_list (const char *joined)
{
  return joined != NULL ? g_strsplit (joined, LIST_SEPARATOR, -1) : g_new0 (char *, 1);
}

int
lic_sqlite_enum_column (LicSqliteStatement *stmt,
                        int                 column,
                        GType               enum_type)
{
  int value = 0;

  /* The schema's CHECK constraints allow only the nicks. */
  if (!lic_enum_from_nick (enum_type, lic_sqlite_column_text (stmt, column), &value))
    g_assert_not_reached ();
  return value;
}

#define USER_COLUMNS \
  "u.id, u.username, u.name, u.email, u.role, u.school_id," \
  " (SELECT group_concat (name, char (31)) FROM" \
  "   (SELECT g.name FROM group_members m JOIN user_groups g ON g.id = m.group_id" \
  "    WHERE m.user_id = u.id ORDER BY g.name))"

static LicUser *
user_from_row (LicSqliteStatement *stmt,
               int                 first)
{
  g_auto(GStrv) groups = split_list (lic_sqlite_column_text (stmt, first + 6));

  return g_object_new (LIC_TYPE_USER,
                       "id", sqlite3_column_int64 (stmt, first),
                       "username", lic_sqlite_column_text (stmt, first + 1),
                       "name", lic_sqlite_column_text (stmt, first + 2),
                       "email", lic_sqlite_column_text (stmt, first + 3),
                       "role", lic_sqlite_enum_column (stmt, first + 4, LIC_TYPE_ROLE),
                       "school-id", sqlite3_column_int64 (stmt, first + 5),
                       "groups", groups,
                       NULL);
}

/* Binds the currency, then the language of the description. */
#define PRODUCT_SELECT \
  "SELECT p.id, p.name, s.name, s.id, coalesce (t.description, e.description)," \
  " (SELECT group_concat (subject, char (31)) FROM" \
  "   (SELECT subject FROM product_subjects WHERE product_id = p.id ORDER BY rowid))," \
  " (SELECT group_concat (grade, char (31)) FROM" \
  "   (SELECT grade FROM product_grades WHERE product_id = p.id ORDER BY rowid))," \
  " p.license_model, pr.price_minor, pr.currency, p.term_months, p.delivery" \
  " FROM products p" \
  " JOIN suppliers s ON s.id = p.supplier_id" \
  " JOIN product_prices pr ON pr.product_id = p.id AND pr.currency = ?" \
  " LEFT JOIN product_texts t ON t.product_id = p.id AND t.language = ?" \
  " LEFT JOIN product_texts e ON e.product_id = p.id AND e.language = 'en'" \
  " WHERE 1"

static gpointer
product_from_row (LicSqliteStatement *stmt)
{
  g_auto(GStrv) subjects = split_list (lic_sqlite_column_text (stmt, 5));
  g_auto(GStrv) grades = split_list (lic_sqlite_column_text (stmt, 6));

  return g_object_new (LIC_TYPE_PRODUCT,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "name", lic_sqlite_column_text (stmt, 1),
                       "supplier", lic_sqlite_column_text (stmt, 2),
                       "supplier-id", sqlite3_column_int64 (stmt, 3),
                       "description", lic_sqlite_column_text (stmt, 4),
                       "subjects", subjects,
                       "grades", grades,
                       "license-model", lic_sqlite_enum_column (stmt, 7, LIC_TYPE_LICENSE_MODEL),
                       "price", sqlite3_column_int64 (stmt, 8),
                       "currency", lic_sqlite_column_text (stmt, 9),
                       "term-months", sqlite3_column_int64 (stmt, 10),
                       "delivery", lic_sqlite_enum_column (stmt, 11, LIC_TYPE_DELIVERY),
                       NULL);
}

/* What is assigned and what is paid (the pool's counts, kept by triggers), what is ordered and
 * not delivered yet, and the facts of its notices; the purchase requests are read apart. */
#define POOL_SELECT \
  "SELECT po.id, po.product_id, p.name, po.school_id, sc.name, po.active_count," \
  " po.quantity_paid, po.no_access_count, po.term_end," \
  " (SELECT coalesce (sum (ol.quantity), 0) FROM order_lines ol" \
  "  WHERE ol.pool_id = po.id AND ol.state <> 'delivered')," \
  " (SELECT min (o.created_at) FROM order_lines ol JOIN orders o ON o.id = ol.order_id" \
  "  WHERE ol.pool_id = po.id AND ol.state <> 'delivered')," \
  " (SELECT group_concat (group_id) FROM" \
  "   (SELECT group_id FROM pool_groups WHERE pool_id = po.id ORDER BY group_id))," \
  " (SELECT count (*) FROM (" LIC_SQLITE_WAITING ("po.id") "))," \
  " po.renewed" \
  " FROM pools po" \
  " JOIN products p ON p.id = po.product_id" \
  " JOIN schools sc ON sc.id = po.school_id" \
  " WHERE sc.organization_id = ?"

/* The pool of the row @stmt is on, with its purchase requests read from @connection and its
 * notices as they are at @now. */
static LicPool *
pool_from_row (LicSqliteConnection  *connection,
               LicSqliteStatement   *stmt,
               const char           *now,
               GError              **error)
{
  g_autoptr(GArray) linked_group_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(LicPoolStatus) status = { 0 };
  g_autoptr(GPtrArray) requests = NULL;
  LicPoolFacts facts = {
    sqlite3_column_int64 (stmt, 5), sqlite3_column_int64 (stmt, 6),
    sqlite3_column_int64 (stmt, 7), sqlite3_column_int64 (stmt, 13),
    lic_sqlite_column_text (stmt, 8), NULL,
  };

  if (sqlite3_column_type (stmt, 11) != SQLITE_NULL)
    {
      g_auto(GStrv) parts = g_strsplit (lic_sqlite_column_text (stmt, 11), ",", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        {
          gint64 id = g_ascii_strtoll (parts[i], NULL, 10);

          g_array_append_val (linked_group_ids, id);
        }
    }
  requests = lic_sqlite_pool_requests (connection, sqlite3_column_int64 (stmt, 0), now, error);
  if (requests == NULL)
    return NULL;
  facts.requests = requests;
  lic_compliance_pool_status (&facts, now, &status);

  return g_object_new (LIC_TYPE_POOL,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "product-id", sqlite3_column_int64 (stmt, 1),
                       "product-name", lic_sqlite_column_text (stmt, 2),
                       "school-id", sqlite3_column_int64 (stmt, 3),
                       "school-name", lic_sqlite_column_text (stmt, 4),
                       "assigned", facts.assigned,
                       "available", facts.available,
                       "payable", status.payable,
                       "capacity", status.capacity,
                       "to-renew", status.to_renew,
                       "no-access", facts.no_access,
                       "phase", lic_enum_to_nick (LIC_TYPE_POOL_PHASE, status.phase),
                       "term-end", facts.term_end,
                       "renewed", facts.renewed,
                       "renewal-starts", status.renewal_starts,
                       "notices", status.notices,
                       "awaiting-delivery", sqlite3_column_int64 (stmt, 9),
                       "awaiting-since", lic_sqlite_column_text (stmt, 10),
                       "linked-group-ids", linked_group_ids,
                       "waiting", sqlite3_column_int64 (stmt, 12),
                       NULL);
}

/* Steps @stmt, a query of lic_sqlite_pool_query(), to its end. */
GPtrArray *
lic_sqlite_collect_pools (LicSqliteConnection  *connection,
               LicSqliteStatement   *stmt,
               GError              **error)
{
  g_autoptr(GPtrArray) pools = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) clock_now = lic_clock_now ();
  g_autofree char *now = lic_clock_format (clock_now);
  int rc;

  while ((rc = lic_sqlite_step (stmt, error)) == SQLITE_ROW)
    {
      LicPool *pool = pool_from_row (connection, stmt, now, error);

      if (pool == NULL)
        return NULL;
      g_ptr_array_add (pools, pool);
    }
  return rc == SQLITE_DONE ? g_steal_pointer (&pools) : NULL;
}

/* The pools of @caller's schools, to narrow further and read with
 * lic_sqlite_collect_pools(). */
LicSqliteQuery *
lic_sqlite_pool_query (const LicCaller *caller)
{
  LicSqliteQuery *query = lic_sqlite_query_new (POOL_SELECT);

  lic_sqlite_query_bind_int (query, lic_sqlite_organization_id (caller));
  lic_sqlite_add_school_scope (query, caller, "po.school_id");
  return query;
}

/* Scoping and paging. */

gint64
lic_sqlite_organization_id (const LicCaller *caller)
{
  return lic_organization_get_id (caller->organization);
}

/* Narrows @query to the schools a school admin was granted; an organization admin's queries
 * are already narrowed to the organization. */
void
lic_sqlite_add_school_scope (LicSqliteQuery  *query,
                             const LicCaller *caller,
                             const char      *school_column)
{
  g_autofree char *clause = NULL;

  if (caller->admin_scope == LIC_ADMIN_SCOPE_ORGANIZATION)
    return;
  clause = g_strdup_printf (" AND %s IN (SELECT school_id FROM school_admins WHERE user_id = ?)",
                            school_column);
  lic_sqlite_query_append (query, clause);
  lic_sqlite_query_bind_int (query, lic_user_get_id (caller->user));
}

/* Ends @query with the keyset condition, the order and the limit of @page. */
static void
add_page (LicSqliteQuery *query,
          const LicPage  *page,
          const char     *name_column,
          const char     *id_column)
{
  g_autofree char *order = NULL;

  if (page->after_name != NULL)
    {
      /* (name, id) > (after_name, after_id), spelled so that SQLite walks the index. */
      g_autofree char *after = g_strdup_printf (" AND %1$s COLLATE NOCASE >= ?"
                                                " AND (%1$s COLLATE NOCASE > ? OR %2$s > ?)",
                                                name_column, id_column);

      lic_sqlite_query_append (query, after);
      lic_sqlite_query_bind_text (query, page->after_name);
      lic_sqlite_query_bind_text (query, page->after_name);
      lic_sqlite_query_bind_int (query, page->after_id);
    }
  order = g_strdup_printf (" ORDER BY %s COLLATE NOCASE, %s LIMIT ?", name_column, id_column);
  lic_sqlite_query_append (query, order);
  lic_sqlite_query_bind_int (query, (gint64) page->limit + 1);
}

/* Ends @query with the keyset condition, the order and the limit of @page, for a list of the
 * newest first: by id, going down. */
void
lic_sqlite_add_newest_first (LicSqliteQuery *query,
                             const LicPage  *page,
                             const char     *id_column)
{
  g_autofree char *order = g_strdup_printf (" ORDER BY %s DESC LIMIT ?", id_column);

  if (page->after_name != NULL)
    {
      g_autofree char *after = g_strdup_printf (" AND %s < ?", id_column);

      lic_sqlite_query_append (query, after);
      lic_sqlite_query_bind_int (query, page->after_id);
    }
  lic_sqlite_query_append (query, order);
  lic_sqlite_query_bind_int (query, (gint64) page->limit + 1);
}

/* Ends a query of products with the keyset condition, the order and the limit of @page: by
 * name, or by price and then name. */
static void
add_product_page (LicSqliteQuery          *query,
                  const LicProductFilter  *filter,
                  const LicPage           *page)
{
  gboolean descending = filter->sort == LIC_PRODUCT_SORT_PRICE_DESCENDING;
  g_autofree char *order = NULL;

  if (filter->sort == LIC_PRODUCT_SORT_NAME)
    {
      add_page (query, page, "p.name", "p.id");
      return;
    }
  if (page->after_name != NULL)
    {
      lic_sqlite_query_append (query, descending ? " AND (pr.price_minor < ?"
                                                 : " AND (pr.price_minor > ?");
      lic_sqlite_query_append (query, " OR (pr.price_minor = ? AND (p.name COLLATE NOCASE > ?"
                                      " OR (p.name COLLATE NOCASE = ? AND p.id > ?))))");
      lic_sqlite_query_bind_int (query, page->after_key);
      lic_sqlite_query_bind_int (query, page->after_key);
      lic_sqlite_query_bind_text (query, page->after_name);
      lic_sqlite_query_bind_text (query, page->after_name);
      lic_sqlite_query_bind_int (query, page->after_id);
    }
  order = g_strdup_printf (" ORDER BY pr.price_minor %s, p.name COLLATE NOCASE, p.id LIMIT ?",
                           descending ? "DESC" : "ASC");
  lic_sqlite_query_append (query, order);
  lic_sqlite_query_bind_int (query, (gint64) page->limit + 1);
}

/* Steps @stmt to its end, collecting what @from_row makes of every row. */
GPtrArray *
lic_sqlite_collect (LicSqliteStatement  *stmt,
                    LicSqliteRowFunc     from_row,
                    GDestroyNotify       free_item,
                    GError             **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (free_item);
  int rc;

  while ((rc = lic_sqlite_step (stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (items, from_row (stmt));
  return rc == SQLITE_DONE ? g_steal_pointer (&items) : NULL;
}

/* Steps @stmt, which asked for one row more than @page, to its end, collecting what @from_row
 * makes of each row into one page. */
GPtrArray *
lic_sqlite_collect_page (LicSqliteStatement  *stmt,
                         LicSqliteRowFunc     from_row,
                         GDestroyNotify       free_item,
                         const LicPage       *page,
                         gboolean            *more,
                         GError             **error)
{
  g_autoptr(GPtrArray) items = lic_sqlite_collect (stmt, from_row, free_item, error);

  if (items == NULL)
    return NULL;
  *more = items->len > page->limit;
  if (*more)
    g_ptr_array_set_size (items, page->limit);
  return g_steal_pointer (&items);
}

/* Words for a search: folded, split at white space. */
static GStrv
search_words (const char *q)
{
  g_autofree char *folded = lic_sqlite_fold (q);
  g_auto(GStrv) words = g_strsplit_set (g_strstrip (folded), " \t\n\r", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_strv_builder_add (builder, words[i]);
  return g_strv_builder_end (builder);
}

/* The first string after every string that starts with @prefix: @prefix with its last byte
 * raised by one. UTF-8 never holds 0xff, so the byte cannot overflow. */
static char *
prefix_end (const char *prefix)
{
  char *end = g_strdup (prefix);
  gsize length = strlen (end);

  g_assert (length > 0);
  end[length - 1]++;
  return end;
}

/* LicStore */

static gboolean
lic_sqlite_store_find_login (LicStore    *store,
                             const char  *username,
                             gint64      *user_id,
                             char       **password_hash,
                             GError     **error)
{
  LicSqliteStore *self = LIC_SQLITE_STORE (store);
  g_autoptr(LicSqliteConnection) connection = NULL;
  g_autoptr(LicSqliteStatement) stmt = NULL;
  int rc;

  connection = lic_sqlite_store_acquire (self, error);
  if (connection == NULL)
    return FALSE;
  stmt = lic_sqlite_connection_prepare (connection,
                                        "SELECT id, password_hash FROM users"
                                        " WHERE username = ? AND role = 'administrator'"
                                        " AND password_hash IS NOT NULL",
                                        error);
  if (stmt == NULL)
    return FALSE;
  lic_sqlite_bind_text (stmt, 1, username);
  rc = lic_sqlite_step (stmt, error);
  if (rc == SQLITE_ERROR)
    return FALSE;
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, LIC_ERROR, LIC_ERROR_UNAUTHORIZED, "No such account");
      return FALSE;
    }
  *user_id = sqlite3_column_int64 (stmt, 0);
  *password_hash = g_strdup (lic_sqlite_column_text (stmt, 1));
  return TRUE;
}

static gboolean
lic_sqlite_store_create_session (LicStore    *store,
                                 gint64       user_id,
                                 const char  *token_hash,
                                 gint64       now,
                                 gint64       expires_at,
                                 GError     **error)
{
  LicSqliteStore *self = LIC_SQLITE_STORE (store);
  g_autoptr(LicSqliteConnection) connection = NULL;
  g_autoptr(LicSqliteStatement) expire = NULL;
  g_autoptr(LicSqliteStatement) insert = NULL;

  connection = lic_sqlite_store_acquire (self, error);
  if (connection == NULL || !lic_sqlite_connection_begin (connection, LIC_SQLITE_WRITE, error))
    return FALSE;

  expire = lic_sqlite_connection_prepare (connection,
                                          "DELETE FROM sessions WHERE expires_at <= ?", error);
  if (expire == NULL)
    return FALSE;
  sqlite3_bind_int64 (expire, 1, now);
  if (!lic_sqlite_run (expire, error))
    return FALSE;

  insert = lic_sqlite_connection_prepare (connection,
                                          "INSERT INTO sessions"
                                          " (token_hash, user_id, created_at, expires_at)"
                                          " VALUES (?, ?, ?, ?)",
                                          error);
  if (insert == NULL)
    return FALSE;
  lic_sqlite_bind_text (insert, 1, token_hash);
  sqlite3_bind_int64 (insert, 2, user_id);
  sqlite3_bind_int64 (insert, 3, now);
  sqlite3_bind_int64 (insert, 4, expires_at);
  return lic_sqlite_run (insert, error) && lic_sqlite_connection_commit (connection, error);
}

static GArray *
scope_school_ids (LicSqliteConnection  *connection,
                  gint64                user_id,
                  gint64                org_id,
                  gboolean              organization_admin,
                  GError              **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(LicSqliteStatement) stmt = NULL;
  int rc;

  if (organization_admin)
    stmt = lic_sqlite_connection_prepare (connection,
                                          "SELECT id FROM schools WHERE organization_id = ?",
                                          error);
  else
    stmt = lic_sqlite_connection_prepare (connection,
                                          "SELECT sc.id FROM school_admins sa"
                                          " JOIN schools sc ON sc.id = sa.school_id"
                                          " WHERE sc.organization_id = ? AND sa.user_id = ?",
                                          error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, org_id);
  if (!organization_admin)
    sqlite3_bind_int64 (stmt, 2, user_id);
  while ((rc = lic_sqlite_step (stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  return rc == SQLITE_DONE ? g_steal_pointer (&ids) : NULL;
}

static LicCaller *
lic_sqlite_store_lookup_session (LicStore    *store,
                                 const char  *token_hash,
                                 gint64       now,
                                 GError     **error)
{
  LicSqliteStore *self = LIC_SQLITE_STORE (store);
  g_autoptr(LicSqliteConnection) connection = NULL;
  g_autoptr(LicSqliteStatement) stmt = NULL;
  g_autoptr(LicUser) user = NULL;
  g_autoptr(LicOrganization) organization = NULL;
  g_autoptr(GArray) school_ids = NULL;
  gboolean organization_admin;
  int rc;

  connection = lic_sqlite_store_acquire (self, error);
  if (connection == NULL || !lic_sqlite_connection_begin (connection, LIC_SQLITE_READ, error))
    return NULL;

  stmt = lic_sqlite_connection_prepare (connection,
                                        "SELECT " USER_COLUMNS ","
                                        " u.organization_admin, o.id, o.name, o.currency"
                                        " FROM sessions s"
                                        " JOIN users u ON u.id = s.user_id"
                                        " JOIN organizations o ON o.id = u.organization_id"
                                        " WHERE s.token_hash = ? AND s.expires_at > ?"
                                        " AND u.role = 'administrator'",
                                        error);
  if (stmt == NULL)
    return NULL;
  lic_sqlite_bind_text (stmt, 1, token_hash);
  sqlite3_bind_int64 (stmt, 2, now);
  rc = lic_sqlite_step (stmt, error);
  if (rc == SQLITE_ERROR)
    return NULL;
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, LIC_ERROR, LIC_ERROR_UNAUTHORIZED, "No such session");
      return NULL;
    }

  user = user_from_row (stmt, 0);
  organization_admin = sqlite3_column_int (stmt, 7);
  organization = g_object_new (LIC_TYPE_ORGANIZATION,
                               "id", sqlite3_column_int64 (stmt, 8),
                               "name", lic_sqlite_column_text (stmt, 9),
                               "currency", lic_sqlite_column_text (stmt, 10),
                               NULL);
  school_ids = scope_school_ids (connection, lic_user_get_id (user),
                                 lic_organization_get_id (organization), organization_admin,
                                 error);
  if (school_ids == NULL)
    return NULL;

  return lic_caller_new (user, organization,
                         organization_admin ? LIC_ADMIN_SCOPE_ORGANIZATION
                                            : LIC_ADMIN_SCOPE_SCHOOL,
                         g_steal_pointer (&school_ids));
}

static gboolean
lic_sqlite_store_delete_session (LicStore    *store,
                                 const char  *token_hash,
                                 GError     **error)
{
  LicSqliteStore *self = LIC_SQLITE_STORE (store);
  g_autoptr(LicSqliteConnection) connection = NULL;
  g_autoptr(LicSqliteStatement) stmt = NULL;

  connection = lic_sqlite_store_acquire (self, error);
  if (connection == NULL)
    return FALSE;
  stmt = lic_sqlite_connection_prepare (connection,
                                        "DELETE FROM sessions WHERE token_hash = ?", error);
  if (stmt == NULL)
    return FALSE;
  lic_sqlite_bind_text (stmt, 1, token_hash);
  return lic_sqlite_run (stmt, error);
}

static GPtrArray *
lic_sqlite_store_list_schools (LicStore         *store,
                               const LicCaller  *caller,
                               GError          **error)
{
  LicSqliteStore *self = LIC_SQLITE_STORE (store);
  g_autoptr(LicSqliteConnection) connection = NULL;
  g_autoptr(LicSqliteQuery) query = NULL;
  g_autoptr(LicSqliteStatement) stmt = NULL;
  g_autoptr(GPtrArray) schools = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  connection = lic_sqlite_store_acquire (self, error);
  if (connection == NULL)
    return NULL;

  query = lic_sqlite_query_new ("SELECT id, name, organization_id FROM schools"
                                " WHERE organization_id = ?");
  lic_sqlite_query_bind_int (query, lic_sqlite_organization_id (caller));
  lic_sqlite_add_school_scope (query, caller, "id");
  lic_sqlite_query_append (query, " ORDER BY name COLLATE NOCASE, id");
  stmt = lic_sqlite_query_prepare (query, connection, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = lic_sqlite_step (stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (schools, g_object_new (LIC_TYPE_SCHOOL,
                                            "id", sqlite3_column_int64 (stmt, 0),
                                            "name", lic_sqlite_column_text (stmt, 1),
                                            "organization-id", sqlite3_column_int64 (stmt, 2),
                                            NULL));
  return rc == SQLITE_DONE ? g_steal_pointer (&schools) : NULL;
}

static GPtrArray *
lic_sqlite_store_list_products (LicStore                *store,
                                const LicCaller         *caller,
                                const LicProductFilter  *filter,
                                const LicPage           *page,
                                gboolean                *more,
                                GError                 **error)
{
  LicSqliteStore *self = LIC_SQLITE_STORE (store);
  g_autoptr(LicSqliteConnection) connection = NULL;
  g_autoptr(LicSqliteQuery) query = NULL;
  g_autoptr(LicSqliteStatement) stmt = NULL;

  connection = lic_sqlite_store_acquire (self, error);
  if (connection == NULL)
    return NULL;

  query = lic_sqlite_query_new (PRODUCT_SELECT);
  lic_sqlite_query_bind_text (query, lic_organization_get_currency (caller->organization));
  lic_sqlite_query_bind_text (query, filter->language);
  if (filter->delivery >= 0)
    {
      lic_sqlite_query_append (query, " AND p.delivery = ?");
      lic_sqlite_query_bind_text (query, lic_enum_to_nick (LIC_TYPE_DELIVERY, filter->delivery));
    }
  if (filter->supplier_id > 0)
    {
      lic_sqlite_query_append (query, " AND p.supplier_id = ?");
      lic_sqlite_query_bind_int (query, filter->supplier_id);
    }
  if (filter->subject != NULL)
    {
      lic_sqlite_query_append (query, " AND EXISTS (SELECT 1 FROM product_subjects"
                                      " WHERE product_id = p.id AND subject = ?)");
      lic_sqlite_query_bind_text (query, filter->subject);
    }
  if (filter->grade != NULL)
    {
      lic_sqlite_query_append (query, " AND EXISTS (SELECT 1 FROM product_grades"
                                      " WHERE product_id = p.id AND grade = ?)");
      lic_sqlite_query_bind_text (query, filter->grade);
    }
  if (filter->q != NULL)
    {
      g_auto(GStrv) words = search_words (filter->q);

      /* The library holds tens of products, not thousands: a scan is fine. */
      for (guint i = 0; words[i] != NULL; i++)
        {
          lic_sqlite_query_append (query, " AND instr (lic_fold (p.name || ' ' || s.name || ' '"
                                          " || coalesce (t.description, e.description)), ?) > 0");
          lic_sqlite_query_bind_text (query, words[i]);
        }
    }
  add_product_page (query, filter, page);

  stmt = lic_sqlite_query_prepare (query, connection, error);
  if (stmt == NULL)
    return NULL;
  return lic_sqlite_collect_page (stmt, product_from_row, g_object_unref, page, more, error);
}

static GPtrArray *
lic_sqlite_store_list_suppliers (LicStore         *store,
                                 const LicCaller  *caller,
                                 GError          **error)
{
  LicSqliteStore *self = LIC_SQLITE_STORE (store);
  g_autoptr(LicSqliteConnection) connection = NULL;
  g_autoptr(LicSqliteStatement) stmt = NULL;
  g_autoptr(GPtrArray) suppliers = NULL;
  int rc;

  connection = lic_sqlite_store_acquire (self, error);
  if (connection == NULL)
    return NULL;
  stmt = lic_sqlite_connection_prepare (connection,
                                        "SELECT s.id, s.name FROM suppliers s"
                                        " WHERE EXISTS (SELECT 1 FROM products p"
                                        "  JOIN product_prices pr ON pr.product_id = p.id"
                                        "  WHERE p.supplier_id = s.id AND pr.currency = ?)"
                                        " ORDER BY s.name COLLATE NOCASE, s.id",
                                        error);
  if (stmt == NULL)
    return NULL;
  lic_sqlite_bind_text (stmt, 1, lic_organization_get_currency (caller->organization));

  suppliers = g_ptr_array_new_with_free_func ((GDestroyNotify) lic_supplier_info_free);
  while ((rc = lic_sqlite_step (stmt, error)) == SQLITE_ROW)
    {
      LicSupplierInfo *supplier = g_new0 (LicSupplierInfo, 1);

      supplier->id = sqlite3_column_int64 (stmt, 0);
      supplier->name = g_strdup (lic_sqlite_column_text (stmt, 1));
      g_ptr_array_add (suppliers, supplier);
    }
  return rc == SQLITE_DONE ? g_steal_pointer (&suppliers) : NULL;
}

static GPtrArray *
school_statuses (LicSqliteConnection  *connection,
                 const LicCaller      *caller,
                 gint64                product_id,
                 GError              **error)
{
  g_autoptr(LicSqliteQuery) query = NULL;
  g_autoptr(LicSqliteStatement) stmt = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  int rc;

  query = lic_sqlite_query_new ("SELECT sc.id, sc.name, po.id FROM schools sc"
                                " LEFT JOIN pools po ON po.school_id = sc.id AND po.product_id = ?"
                                " WHERE sc.organization_id = ?");
  lic_sqlite_query_bind_int (query, product_id);
  lic_sqlite_query_bind_int (query, lic_sqlite_organization_id (caller));
  lic_sqlite_add_school_scope (query, caller, "sc.id");
  lic_sqlite_query_append (query, " ORDER BY sc.name COLLATE NOCASE, sc.id");
  stmt = lic_sqlite_query_prepare (query, connection, error);
  if (stmt == NULL)
    return NULL;

  statuses = g_ptr_array_new_with_free_func ((GDestroyNotify) lic_school_status_free);
  while ((rc = lic_sqlite_step (stmt, error)) == SQLITE_ROW)
    {
      LicSchoolStatus *status = g_new0 (LicSchoolStatus, 1);

      status->school_id = sqlite3_column_int64 (stmt, 0);
      status->school_name = g_strdup (lic_sqlite_column_text (stmt, 1));
      status->pool_id = sqlite3_column_int64 (stmt, 2);
      status->order_lines = g_ptr_array_new_with_free_func ((GDestroyNotify) lic_order_line_free);
      g_ptr_array_add (statuses, status);
      if (status->pool_id > 0
          && (status->pool = lic_sqlite_load_pool (connection, caller, status->pool_id,
                                                   error)) == NULL)
        return NULL;
    }
  return rc == SQLITE_DONE ? g_steal_pointer (&statuses) : NULL;
}

/* Hands each order line of the product to the status of its school. */
static gboolean
add_order_lines (LicSqliteConnection  *connection,
                 const LicCaller      *caller,
                 gint64                product_id,
                 GPtrArray            *statuses,
                 GError              **error)
{
  LicSqliteScope scope = { caller, 0 };
  g_autoptr(GPtrArray) lines = lic_sqlite_load_order_lines (connection, &scope,
                                                            "po.product_id = ?", product_id,
                                                            TRUE, error);

  if (lines == NULL)
    return FALSE;
  for (guint i = 0; i < lines->len; i++)
    {
      LicOrderLine *line = g_ptr_array_index (lines, i);

      for (guint s = 0; s < statuses->len; s++)
        {
          LicSchoolStatus *status = g_ptr_array_index (statuses, s);

          if (status->school_id == line->school_id)
            {
              g_ptr_array_add (status->order_lines, g_steal_pointer (&lines->pdata[i]));
              break;
            }
        }
    }
  return TRUE;
}

static LicProduct *
lic_sqlite_store_get_product (LicStore         *store,
                              const LicCaller  *caller,
                              gint64            product_id,
                              const char       *language,
                              GPtrArray       **schools,
                              GError          **error)
{
  LicSqliteStore *self = LIC_SQLITE_STORE (store);
  g_autoptr(LicSqliteConnection) connection = NULL;
  g_autoptr(LicSqliteStatement) stmt = NULL;
  g_autoptr(LicProduct) product = NULL;
  int rc;

  connection = lic_sqlite_store_acquire (self, error);
  if (connection == NULL || !lic_sqlite_connection_begin (connection, LIC_SQLITE_READ, error))
    return NULL;

  stmt = lic_sqlite_connection_prepare (connection, PRODUCT_SELECT " AND p.id = ?", error);
  if (stmt == NULL)
    return NULL;
  lic_sqlite_bind_text (stmt, 1, lic_organization_get_currency (caller->organization));
  lic_sqlite_bind_text (stmt, 2, language);
  sqlite3_bind_int64 (stmt, 3, product_id);
  rc = lic_sqlite_step (stmt, error);
  if (rc == SQLITE_ERROR)
    return NULL;
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, LIC_ERROR, LIC_ERROR_NOT_FOUND,
                   _("There is no product %" PRId64 " in your library."), product_id);
      return NULL;
    }
  product = product_from_row (stmt);

  *schools = school_statuses (connection, caller, product_id, error);
  if (*schools == NULL || !add_order_lines (connection, caller, product_id, *schools, error))
    {
      g_clear_pointer (schools, g_ptr_array_unref);
      return NULL;
    }
  return g_steal_pointer (&product);
}

static gpointer
user_from_list_row (LicSqliteStatement *stmt)
{
  return user_from_row (stmt, 0);
}

/* Lists of users up to this long are read from the list rather than from the organization. */
#define LIST_DRIVEN_MAX 5000

/* @size: (out): about how many users a list (Payable or No access) holds, from the pools'
 * counts; G_MAXINT64 for no list */
static gboolean
list_size (LicSqliteConnection  *connection,
           const LicCaller      *caller,
           const LicUserFilter  *filter,
           gint64               *size,
           GError              **error)
{
  g_autoptr(LicSqliteQuery) query = NULL;
  g_autoptr(LicSqliteStatement) stmt = NULL;

  *size = G_MAXINT64;
  if (filter->list == LIC_USER_LIST_ALL)
    return TRUE;
  query = lic_sqlite_query_new (filter->list == LIC_USER_LIST_PAYABLE
                                ? "SELECT coalesce (sum (po.active_count - po.quantity_paid), 0)"
                                  " FROM pools po JOIN schools sc ON sc.id = po.school_id"
                                  " WHERE sc.organization_id = ?"
                                  " AND po.active_count > po.quantity_paid"
                                : "SELECT coalesce (sum (po.no_access_count), 0)"
                                  " FROM pools po JOIN schools sc ON sc.id = po.school_id"
                                  " WHERE sc.organization_id = ?");
  lic_sqlite_query_bind_int (query, lic_sqlite_organization_id (caller));
  if (filter->pool_id > 0)
    {
      lic_sqlite_query_append (query, " AND po.id = ?");
      lic_sqlite_query_bind_int (query, filter->pool_id);
    }
  stmt = lic_sqlite_query_prepare (query, connection, error);
  if (stmt == NULL || lic_sqlite_step (stmt, error) != SQLITE_ROW)
    return FALSE;
  *size = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static GPtrArray *
lic_sqlite_store_list_users (LicStore             *store,
                             const LicCaller      *caller,
                             const LicUserFilter  *filter,
                             const LicPage        *page,
                             gboolean             *more,
                             GPtrArray           **user_pools,
                             GError              **error)
{
  LicSqliteStore *self = LIC_SQLITE_STORE (store);
  g_autoptr(LicSqliteConnection) connection = NULL;
  g_autoptr(LicSqliteQuery) query = NULL;
  g_autoptr(LicSqliteStatement) stmt = NULL;
  g_autoptr(GPtrArray) users = NULL;
  gint64 size = G_MAXINT64;

  connection = lic_sqlite_store_acquire (self, error);
  if (connection == NULL || !lic_sqlite_connection_begin (connection, LIC_SQLITE_READ, error)
      || !list_size (connection, caller, filter, &size, error)
      || (filter->list == LIC_USER_LIST_PAYABLE
          && !lic_sqlite_fill_payable (connection, caller, filter->pool_id, error)))
    return NULL;

  /* A short list (the Payable list is a few users) is read user by user and sorted, rather
   * than found by walking the whole organization in name order: the unary + keeps SQLite from
   * choosing the latter. */
  query = lic_sqlite_query_new (size <= LIST_DRIVEN_MAX
                                ? "SELECT " USER_COLUMNS " FROM users u"
                                  " WHERE +u.organization_id = ?"
                                : "SELECT " USER_COLUMNS " FROM users u"
                                  " WHERE u.organization_id = ?");
  lic_sqlite_query_bind_int (query, lic_sqlite_organization_id (caller));
  lic_sqlite_add_school_scope (query, caller, "u.school_id");
  if (filter->role >= 0)
    {
      lic_sqlite_query_append (query, " AND u.role = ?");
      lic_sqlite_query_bind_text (query, lic_enum_to_nick (LIC_TYPE_ROLE, filter->role));
    }
  if (filter->school_id > 0)
    {
      lic_sqlite_query_append (query, " AND u.school_id = ?");
      lic_sqlite_query_bind_int (query, filter->school_id);
    }
  if (filter->group_id > 0)
    {
      lic_sqlite_query_append (query, " AND u.id IN"
                                      " (SELECT user_id FROM group_members WHERE group_id = ?)");
      lic_sqlite_query_bind_int (query, filter->group_id);
    }
  switch (filter->list)
    {
    case LIC_USER_LIST_PAYABLE:
      /* lic_sqlite_fill_payable() found them, pool by pool. A short list is the set to read;
       * a long one is looked up for each user on the way through the organization. */
      lic_sqlite_query_append (query, size <= LIST_DRIVEN_MAX
                                      ? " AND u.id IN (SELECT user_id FROM " LIC_SQLITE_PAYABLE ")"
                                      : " AND EXISTS (SELECT 1 FROM " LIC_SQLITE_PAYABLE " l"
                                        " WHERE l.user_id = u.id)");
      break;
    case LIC_USER_LIST_NO_ACCESS:
      lic_sqlite_query_append (query, size <= LIST_DRIVEN_MAX
                                      ? " AND u.id IN (SELECT a.user_id FROM assignments a"
                                        " WHERE a.state = 'no_access'"
                                      : " AND EXISTS (SELECT 1 FROM assignments a"
                                        " WHERE a.user_id = u.id AND a.state = 'no_access'");
      if (filter->pool_id > 0)
        {
          lic_sqlite_query_append (query, " AND a.pool_id = ?");
          lic_sqlite_query_bind_int (query, filter->pool_id);
        }
      lic_sqlite_query_append (query, ")");
      break;
    default:
      if (filter->pool_id > 0)
        {
          lic_sqlite_query_append (query, " AND u.id IN (SELECT user_id FROM assignments"
                                          " WHERE pool_id = ? AND state = 'active')");
          lic_sqlite_query_bind_int (query, filter->pool_id);
        }
      break;
    }
  if (filter->q != NULL)
    {
      g_auto(GStrv) words = search_words (filter->q);

      for (guint i = 0; words[i] != NULL; i++)
        {
          g_autofree char *end = prefix_end (words[i]);

          lic_sqlite_query_append (query, " AND u.id IN (SELECT user_id FROM user_words"
                                          " WHERE word >= ? AND word < ?)");
          lic_sqlite_query_bind_text (query, words[i]);
          lic_sqlite_query_bind_text (query, end);
        }
    }
  add_page (query, page, "u.name", "u.id");

  stmt = lic_sqlite_query_prepare (query, connection, error);
  if (stmt == NULL)
    return NULL;
  users = lic_sqlite_collect_page (stmt, user_from_list_row, g_object_unref, page, more, error);
  if (users == NULL)
    return NULL;
  lic_sqlite_statement_reset (stmt);
  /* What puts each user of the page on the list. */
  if (user_pools != NULL && filter->list != LIC_USER_LIST_ALL
      && !lic_sqlite_user_pools (connection, caller, filter, users, user_pools, error))
    return NULL;
  return g_steal_pointer (&users);
}

static LicUser *
lic_sqlite_store_get_user (LicStore         *store,
                           const LicCaller  *caller,
                           gint64            user_id,
                           GPtrArray       **licenses,
                           GError          **error)
{
  LicSqliteStore *self = LIC_SQLITE_STORE (store);
  g_autoptr(LicSqliteConnection) connection = NULL;
  g_autoptr(LicSqliteQuery) query = NULL;
  g_autoptr(LicSqliteStatement) stmt = NULL;
  g_autoptr(LicSqliteStatement) rows = NULL;
  g_autoptr(LicUser) user = NULL;
  g_autoptr(GPtrArray) found = NULL;
  int rc;

  connection = lic_sqlite_store_acquire (self, error);
  if (connection == NULL || !lic_sqlite_connection_begin (connection, LIC_SQLITE_READ, error))
    return NULL;

  query = lic_sqlite_query_new ("SELECT " USER_COLUMNS " FROM users u"
                                " WHERE u.organization_id = ? AND u.id = ?");
  lic_sqlite_query_bind_int (query, lic_sqlite_organization_id (caller));
  lic_sqlite_query_bind_int (query, user_id);
  lic_sqlite_add_school_scope (query, caller, "u.school_id");
  stmt = lic_sqlite_query_prepare (query, connection, error);
  if (stmt == NULL)
    return NULL;
  rc = lic_sqlite_step (stmt, error);
  if (rc == SQLITE_ERROR)
    return NULL;
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, LIC_ERROR, LIC_ERROR_NOT_FOUND,
                   _("There is no user %" PRId64 " in your schools."), user_id);
      return NULL;
    }
  user = user_from_row (stmt, 0);

  rows = lic_sqlite_connection_prepare (connection,
                                        "SELECT a.pool_id, po.product_id, p.name, po.school_id,"
                                        " a.assigned_at, a.state"
                                        " FROM assignments a JOIN pools po ON po.id = a.pool_id"
                                        " JOIN products p ON p.id = po.product_id"
                                        " WHERE a.user_id = ?"
                                        " ORDER BY p.name COLLATE NOCASE, a.pool_id",
                                        error);
  if (rows == NULL)
    return NULL;
  sqlite3_bind_int64 (rows, 1, user_id);
  found = g_ptr_array_new_with_free_func ((GDestroyNotify) lic_user_license_free);
  while ((rc = lic_sqlite_step (rows, error)) == SQLITE_ROW)
    {
      LicUserLicense *license = g_new0 (LicUserLicense, 1);

      license->pool_id = sqlite3_column_int64 (rows, 0);
      license->product_id = sqlite3_column_int64 (rows, 1);
      license->product_name = g_strdup (lic_sqlite_column_text (rows, 2));
      license->school_id = sqlite3_column_int64 (rows, 3);
      license->assigned_at = g_strdup (lic_sqlite_column_text (rows, 4));
      license->state = g_strdup (lic_sqlite_column_text (rows, 5));
      g_ptr_array_add (found, license);
    }
  if (rc != SQLITE_DONE)
    return NULL;
  *licenses = g_steal_pointer (&found);
  return g_steal_pointer (&user);
}

static gpointer
group_from_row (LicSqliteStatement *stmt)
{
  LicGroupInfo *group = g_new0 (LicGroupInfo, 1);

  group->id = sqlite3_column_int64 (stmt, 0);
  group->name = g_strdup (lic_sqlite_column_text (stmt, 1));
  group->school_id = sqlite3_column_int64 (stmt, 2);
  group->member_count = sqlite3_column_int64 (stmt, 3);
  return group;
}

static GPtrArray *
lic_sqlite_store_list_groups (LicStore         *store,
                              const LicCaller  *caller,
                              gint64            school_id,
                              const LicPage    *page,
                              gboolean         *more,
                              GError          **error)
{
  LicSqliteStore *self = LIC_SQLITE_STORE (store);
  g_autoptr(LicSqliteConnection) connection = NULL;
  g_autoptr(LicSqliteQuery) query = NULL;
  g_autoptr(LicSqliteStatement) stmt = NULL;

  connection = lic_sqlite_store_acquire (self, error);
  if (connection == NULL)
    return NULL;

  query = lic_sqlite_query_new ("SELECT g.id, g.name, g.school_id,"
                                " (SELECT count (*) FROM group_members m WHERE m.group_id = g.id)"
                                " FROM user_groups g JOIN schools sc ON sc.id = g.school_id"
                                " WHERE sc.organization_id = ?");
  lic_sqlite_query_bind_int (query, lic_sqlite_organization_id (caller));
  lic_sqlite_add_school_scope (query, caller, "g.school_id");
  if (school_id > 0)
    {
      lic_sqlite_query_append (query, " AND g.school_id = ?");
      lic_sqlite_query_bind_int (query, school_id);
    }
  add_page (query, page, "g.name", "g.id");

  stmt = lic_sqlite_query_prepare (query, connection, error);
  if (stmt == NULL)
    return NULL;
  return lic_sqlite_collect_page (stmt, group_from_row, (GDestroyNotify) lic_group_info_free,
                       page, more, error);
}

static GPtrArray *
lic_sqlite_store_list_pools (LicStore             *store,
                             const LicCaller      *caller,
                             const LicPoolFilter  *filter,
                             const LicPage        *page,
                             gboolean             *more,
                             GError              **error)
{
  LicSqliteStore *self = LIC_SQLITE_STORE (store);
  g_autoptr(LicSqliteConnection) connection = NULL;
  g_autoptr(LicSqliteQuery) query = NULL;
  g_autoptr(LicSqliteStatement) stmt = NULL;
  g_autoptr(GPtrArray) pools = NULL;

  connection = lic_sqlite_store_acquire (self, error);
  if (connection == NULL || !lic_sqlite_connection_begin (connection, LIC_SQLITE_READ, error))
    return NULL;

  query = lic_sqlite_pool_query (caller);
  if (filter->school_id > 0)
    {
      lic_sqlite_query_append (query, " AND po.school_id = ?");
      lic_sqlite_query_bind_int (query, filter->school_id);
    }
  if (filter->product_id > 0)
    {
      lic_sqlite_query_append (query, " AND po.product_id = ?");
      lic_sqlite_query_bind_int (query, filter->product_id);
    }
  add_page (query, page, "p.name", "po.id");

  stmt = lic_sqlite_query_prepare (query, connection, error);
  if (stmt == NULL || (pools = lic_sqlite_collect_pools (connection, stmt, error)) == NULL)
    return NULL;
  *more = pools->len > page->limit;
  if (*more)
    g_ptr_array_set_size (pools, page->limit);
  return g_steal_pointer (&pools);
}

static LicPool *
lic_sqlite_store_get_pool (LicStore         *store,
                           const LicCaller  *caller,
                           gint64            pool_id,
                           GError          **error)
{
  LicSqliteStore *self = LIC_SQLITE_STORE (store);
  g_autoptr(LicSqliteConnection) connection = NULL;

  connection = lic_sqlite_store_acquire (self, error);
  if (connection == NULL || !lic_sqlite_connection_begin (connection, LIC_SQLITE_READ, error))
    return NULL;
  return lic_sqlite_load_pool (connection, caller, pool_id, error);
}

/* A pool of @caller's schools, or %NULL with %LIC_ERROR_NOT_FOUND. */
LicPool *
lic_sqlite_load_pool (LicSqliteConnection  *connection,
                      const LicCaller      *caller,
                      gint64                pool_id,
                      GError              **error)
{
  g_autoptr(LicSqliteQuery) query = NULL;
  g_autoptr(LicSqliteStatement) stmt = NULL;
  g_autoptr(GPtrArray) pools = NULL;

  query = lic_sqlite_pool_query (caller);
  lic_sqlite_query_append (query, " AND po.id = ?");
  lic_sqlite_query_bind_int (query, pool_id);

  stmt = lic_sqlite_query_prepare (query, connection, error);
  if (stmt == NULL || (pools = lic_sqlite_collect_pools (connection, stmt, error)) == NULL)
    return NULL;
  if (pools->len == 0)
    {
      g_set_error (error, LIC_ERROR, LIC_ERROR_NOT_FOUND,
                   _("There is no license pool %" PRId64 " in your schools."), pool_id);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (pools, 0));
}

/* The demo. */

/* Adds the search words of a user with @stmt, "INSERT OR IGNORE INTO user_words (word,
 * user_id) VALUES (?, ?)". */
gboolean
lic_sqlite_insert_user_words (LicSqliteStatement  *stmt,
                              gint64               user_id,
                              const char          *username,
                              const char          *full_name,
                              const char          *email,
                              GError             **error)
{
  g_autofree char *name = lic_sqlite_fold (full_name);
  g_auto(GStrv) name_words = g_strsplit_set (name, " -", -1);
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);

  /* Each part of the name, and a double name whole ("anna-karin"), so that a prefix
   * that runs past the hyphen still finds it. */
  for (guint i = 0; name_words[i] != NULL; i++)
    if (name_words[i][0] != '\0')
      g_ptr_array_add (words, g_strdup (name_words[i]));
  if (strchr (name, '-') != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (name, " ", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        if (strchr (parts[i], '-') != NULL)
          g_ptr_array_add (words, g_strdup (parts[i]));
    }
  g_ptr_array_add (words, lic_sqlite_fold (username));
  if (email != NULL)
    g_ptr_array_add (words, lic_sqlite_fold (email));

  for (guint i = 0; i < words->len; i++)
    {
      lic_sqlite_bind_text (stmt, 1, g_ptr_array_index (words, i));
      sqlite3_bind_int64 (stmt, 2, user_id);
      if (!lic_sqlite_run_once (stmt, error))
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  GArray *organizations;
  GArray *schools;
  GArray *suppliers;
  GArray *products;
  GArray *groups;
  GArray *users;
} DemoIds;

static void
demo_ids_clear (DemoIds *ids)
{
  g_clear_pointer (&ids->organizations, g_array_unref);
  g_clear_pointer (&ids->schools, g_array_unref);
  g_clear_pointer (&ids->suppliers, g_array_unref);
  g_clear_pointer (&ids->products, g_array_unref);
  g_clear_pointer (&ids->groups, g_array_unref);
  g_clear_pointer (&ids->users, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DemoIds, demo_ids_clear)

#define ID(array, index) g_array_index ((array), gint64, (index))

static GArray *
id_array (guint length)
{
  return g_array_sized_new (FALSE, TRUE, sizeof (gint64), length);
}

static gboolean
insert_organizations (LicSqliteConnection  *connection,
                      const LicDemo        *demo,
                      DemoIds              *ids,
                      GError              **error)
{
  g_autoptr(LicSqliteStatement) organization = NULL;
  g_autoptr(LicSqliteStatement) school = NULL;

  organization = lic_sqlite_connection_prepare (connection,
                                                "INSERT INTO organizations"
                                                " (name, currency, country) VALUES (?, ?, ?)",
                                                error);
  school = lic_sqlite_connection_prepare (connection,
                                          "INSERT INTO schools (organization_id, name)"
                                          " VALUES (?, ?)",
                                          error);
  if (organization == NULL || school == NULL)
    return FALSE;

  ids->organizations = id_array (demo->n_organizations);
  for (guint i = 0; i < demo->n_organizations; i++)
    {
      gint64 id;

      lic_sqlite_bind_text (organization, 1, demo->organizations[i].name);
      lic_sqlite_bind_text (organization, 2, demo->organizations[i].currency);
      lic_sqlite_bind_text (organization, 3, demo->organizations[i].country);
      if ((id = lic_sqlite_insert (connection, organization, error)) == 0)
        return FALSE;
      g_array_append_val (ids->organizations, id);
    }

  ids->schools = id_array (demo->n_schools);
  for (guint i = 0; i < demo->n_schools; i++)
    {
      gint64 id;

      sqlite3_bind_int64 (school, 1, ID (ids->organizations, demo->schools[i].organization));
      lic_sqlite_bind_text (school, 2, demo->schools[i].name);
      if ((id = lic_sqlite_insert (connection, school, error)) == 0)
        return FALSE;
      g_array_append_val (ids->schools, id);
    }
  return TRUE;
}

static gboolean
insert_product_list (LicSqliteStatement  *stmt,
                     gint64               product_id,
                     const char * const  *values,
                     GError             **error)
{
  for (guint i = 0; values[i] != NULL; i++)
    {
      sqlite3_bind_int64 (stmt, 1, product_id);
      lic_sqlite_bind_text (stmt, 2, values[i]);
      if (!lic_sqlite_run_once (stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_library (LicSqliteConnection  *connection,
                const LicDemo        *demo,
                DemoIds              *ids,
                GError              **error)
{
  g_autoptr(LicSqliteStatement) supplier = NULL;
  g_autoptr(LicSqliteStatement) product = NULL;
  g_autoptr(LicSqliteStatement) text = NULL;
  g_autoptr(LicSqliteStatement) subject = NULL;
  g_autoptr(LicSqliteStatement) grade = NULL;
  g_autoptr(LicSqliteStatement) price = NULL;

  supplier = lic_sqlite_connection_prepare (connection,
                                            "INSERT INTO suppliers (name) VALUES (?)", error);
  product = lic_sqlite_connection_prepare (connection,
                                           "INSERT INTO products (supplier_id, name, license_model,"
                                           " term_months, delivery) VALUES (?, ?, ?, ?, ?)",
                                           error);
  text = lic_sqlite_connection_prepare (connection,
                                        "INSERT INTO product_texts (product_id, language,"
                                        " description) VALUES (?, ?, ?)",
                                        error);
  subject = lic_sqlite_connection_prepare (connection,
                                           "INSERT INTO product_subjects (product_id, subject)"
                                           " VALUES (?, ?)",
                                           error);
  grade = lic_sqlite_connection_prepare (connection,
                                         "INSERT INTO product_grades (product_id, grade)"
                                         " VALUES (?, ?)",
                                         error);
  price = lic_sqlite_connection_prepare (connection,
                                         "INSERT INTO product_prices (product_id, currency,"
                                         " price_minor) VALUES (?, ?, ?)",
                                         error);
  if (supplier == NULL || product == NULL || text == NULL || subject == NULL || grade == NULL
      || price == NULL)
    return FALSE;

  ids->suppliers = id_array (demo->n_suppliers);
  for (guint i = 0; i < demo->n_suppliers; i++)
    {
      gint64 id;

      lic_sqlite_bind_text (supplier, 1, demo->suppliers[i]);
      if ((id = lic_sqlite_insert (connection, supplier, error)) == 0)
        return FALSE;
      g_array_append_val (ids->suppliers, id);
    }

  ids->products = id_array (demo->n_products);
  for (guint i = 0; i < demo->n_products; i++)
    {
      const LicDemoProduct *p = &demo->products[i];
      const char *texts[][2] = {
        { "en", p->description_en }, { "sv", p->description_sv }, { "fi", p->description_fi },
      };
      gint64 id;

      sqlite3_bind_int64 (product, 1, ID (ids->suppliers, p->supplier));
      lic_sqlite_bind_text (product, 2, p->name);
      lic_sqlite_bind_text (product, 3, lic_enum_to_nick (LIC_TYPE_LICENSE_MODEL,
                                                          p->license_model));
      sqlite3_bind_int64 (product, 4, p->term_months);
      lic_sqlite_bind_text (product, 5, lic_enum_to_nick (LIC_TYPE_DELIVERY, p->delivery));
      if ((id = lic_sqlite_insert (connection, product, error)) == 0)
        return FALSE;
      g_array_append_val (ids->products, id);

      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          sqlite3_bind_int64 (text, 1, id);
          lic_sqlite_bind_text (text, 2, texts[t][0]);
          lic_sqlite_bind_text (text, 3, texts[t][1]);
          if (!lic_sqlite_run_once (text, error))
            return FALSE;
        }
      if (!insert_product_list (subject, id, p->subjects, error)
          || !insert_product_list (grade, id, p->grades, error))
        return FALSE;
      for (guint c = 0; p->prices[c].currency != NULL; c++)
        {
          sqlite3_bind_int64 (price, 1, id);
          lic_sqlite_bind_text (price, 2, p->prices[c].currency);
          sqlite3_bind_int64 (price, 3, p->prices[c].amount);
          if (!lic_sqlite_run_once (price, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* The ids of the products of a demo that shares the library loaded already. */
static gboolean
find_library (LicSqliteConnection  *connection,
              const LicDemo        *demo,
              DemoIds              *ids,
              GError              **error)
{
  g_autoptr(LicSqliteStatement) product = NULL;

  product = lic_sqlite_connection_prepare (connection,
                                           "SELECT id FROM products WHERE name = ?"
                                           " ORDER BY id LIMIT 1",
                                           error);
  if (product == NULL)
    return FALSE;
  ids->products = id_array (demo->n_products);
  for (guint i = 0; i < demo->n_products; i++)
    {
      gint64 id;

      lic_sqlite_bind_text (product, 1, demo->products[i].name);
      if (lic_sqlite_step (product, error) != SQLITE_ROW)
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, LIC_ERROR, LIC_ERROR_SERVER,
                         "The demo's product “%s” is missing; load the demo first",
                         demo->products[i].name);
          return FALSE;
        }
      id = sqlite3_column_int64 (product, 0);
      lic_sqlite_statement_reset (product);
      g_array_append_val (ids->products, id);
    }
  return TRUE;
}

static gboolean
insert_people (LicSqliteConnection  *connection,
               const LicDemo        *demo,
               DemoIds              *ids,
               GError              **error)
{
  g_autoptr(LicSqliteStatement) group = NULL;
  g_autoptr(LicSqliteStatement) user = NULL;
  g_autoptr(LicSqliteStatement) word = NULL;
  g_autoptr(LicSqliteStatement) member = NULL;
  g_autoptr(LicSqliteStatement) admin = NULL;

  group = lic_sqlite_connection_prepare (connection,
                                         "INSERT INTO user_groups (school_id, name) VALUES (?, ?)",
                                         error);
  user = lic_sqlite_connection_prepare (connection,
                                        "INSERT INTO users (organization_id, school_id, username,"
                                        " name, email, role, password_hash, organization_admin,"
                                        " language) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                        error);
  word = lic_sqlite_connection_prepare (connection,
                                        "INSERT OR IGNORE INTO user_words (word, user_id)"
                                        " VALUES (?, ?)",
                                        error);
  member = lic_sqlite_connection_prepare (connection,
                                          "INSERT INTO group_members (group_id, user_id)"
                                          " VALUES (?, ?)",
                                          error);
  admin = lic_sqlite_connection_prepare (connection,
                                         "INSERT INTO school_admins (user_id, school_id)"
                                         " VALUES (?, ?)",
                                         error);
  if (group == NULL || user == NULL || word == NULL || member == NULL || admin == NULL)
    return FALSE;

  ids->groups = id_array (demo->groups->len);
  for (guint i = 0; i < demo->groups->len; i++)
    {
      const LicDemoGroup *g = &g_array_index (demo->groups, LicDemoGroup, i);
      gint64 id;

      sqlite3_bind_int64 (group, 1, ID (ids->schools, g->school));
      lic_sqlite_bind_text (group, 2, g->name);
      if ((id = lic_sqlite_insert (connection, group, error)) == 0)
        return FALSE;
      g_array_append_val (ids->groups, id);
    }

  ids->users = id_array (demo->users->len);
  for (guint i = 0; i < demo->users->len; i++)
    {
      const LicDemoUser *u = &g_array_index (demo->users, LicDemoUser, i);
      guint organization = demo->schools[u->school].organization;
      gint64 id;

      sqlite3_bind_int64 (user, 1, ID (ids->organizations, organization));
      sqlite3_bind_int64 (user, 2, ID (ids->schools, u->school));
      lic_sqlite_bind_text (user, 3, u->username);
      lic_sqlite_bind_text (user, 4, u->name);
      lic_sqlite_bind_text (user, 5, u->email);
      lic_sqlite_bind_text (user, 6, lic_enum_to_nick (LIC_TYPE_ROLE, u->role));
      lic_sqlite_bind_text (user, 7, u->password_hash);
      sqlite3_bind_int (user, 8, u->organization_admin);
      lic_sqlite_bind_text (user, 9, demo->organizations[organization].language);
      if ((id = lic_sqlite_insert (connection, user, error)) == 0
          || !lic_sqlite_insert_user_words (word, id, u->username, u->name, u->email, error))
        return FALSE;
      g_array_append_val (ids->users, id);

      if (u->group >= 0)
        {
          sqlite3_bind_int64 (member, 1, ID (ids->groups, u->group));
          sqlite3_bind_int64 (member, 2, id);
          if (!lic_sqlite_run_once (member, error))
            return FALSE;
        }
      if (u->admin_school >= 0)
        {
          sqlite3_bind_int64 (admin, 1, id);
          sqlite3_bind_int64 (admin, 2, ID (ids->schools, u->admin_school));
          if (!lic_sqlite_run_once (admin, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
insert_pools (LicSqliteConnection  *connection,
              const LicDemo        *demo,
              DemoIds              *ids,
              GError              **error)
{
  g_autoptr(LicSqliteStatement) pool = NULL;
  g_autoptr(LicSqliteStatement) assignment = NULL;

  pool = lic_sqlite_connection_prepare (connection,
                                        "INSERT INTO pools (school_id, product_id, quantity_paid,"
                                        " term_end) VALUES (?, ?, ?, ?)",
                                        error);
  assignment = lic_sqlite_connection_prepare (connection,
                                              "INSERT INTO assignments (pool_id, user_id,"
                                              " assigned_at, state) VALUES (?, ?, ?, 'active')",
                                              error);
  if (pool == NULL || assignment == NULL)
    return FALSE;

  for (guint i = 0; i < demo->pools->len; i++)
    {
      const LicDemoPool *p = &g_array_index (demo->pools, LicDemoPool, i);
      gint64 id;

      sqlite3_bind_int64 (pool, 1, ID (ids->schools, p->school));
      sqlite3_bind_int64 (pool, 2, ID (ids->products, p->product));
      sqlite3_bind_int64 (pool, 3, p->quantity_paid);
      lic_sqlite_bind_text (pool, 4, p->term_end);
      if ((id = lic_sqlite_insert (connection, pool, error)) == 0)
        return FALSE;

      for (guint u = 0; u < p->users->len; u++)
        {
          sqlite3_bind_int64 (assignment, 1, id);
          sqlite3_bind_int64 (assignment, 2, ID (ids->users, g_array_index (p->users, guint, u)));
          lic_sqlite_bind_text (assignment, 3, p->assigned_at);
          if (!lic_sqlite_run_once (assignment, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* The demo suppliers' keys, which docs/api.md gives out. Added on every start with --demo, so
 * that a database loaded before supplier keys existed gets them too. */
static gboolean
insert_supplier_keys (LicSqliteConnection  *connection,
                      const LicDemo        *demo,
                      GError              **error)
{
  g_autoptr(LicSqliteStatement) key = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created_at = lic_clock_format (now);

  key = lic_sqlite_connection_prepare (connection,
                                       "INSERT OR IGNORE INTO supplier_keys"
                                       " (key_hash, supplier_id, created_at)"
                                       " SELECT ?, id, ? FROM suppliers WHERE name = ?",
                                       error);
  if (key == NULL)
    return FALSE;
  for (guint i = 0; i < demo->n_suppliers; i++)
    {
      g_autofree char *key_hash = lic_token_hash (demo->supplier_keys[i]);

      lic_sqlite_bind_text (key, 1, key_hash);
      lic_sqlite_bind_text (key, 2, created_at);
      lic_sqlite_bind_text (key, 3, demo->suppliers[i]);
      if (!lic_sqlite_run_once (key, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
lic_sqlite_store_load_demo (LicStore       *store,
                            const LicDemo  *demo,
                            gboolean       *loaded,
                            GError        **error)
{
  LicSqliteStore *self = LIC_SQLITE_STORE (store);
  g_autoptr(LicSqliteConnection) connection = NULL;
  g_autoptr(LicSqliteStatement) check = NULL;
  g_autoptr(LicSqliteStatement) mark = NULL;
  g_auto(DemoIds) ids = { NULL };
  int rc;

  *loaded = FALSE;
  connection = lic_sqlite_store_acquire (self, error);
  if (connection == NULL || !lic_sqlite_connection_begin (connection, LIC_SQLITE_WRITE, error))
    return FALSE;

  check = lic_sqlite_connection_prepare (connection,
                                         "SELECT 1 FROM meta WHERE key = ?", error);
  if (check == NULL)
    return FALSE;
  lic_sqlite_bind_text (check, 1, demo->marker);
  if ((rc = lic_sqlite_step (check, error)) == SQLITE_ERROR)
    return FALSE;
  if (rc == SQLITE_DONE)
    {
      mark = lic_sqlite_connection_prepare (connection,
                                            "INSERT INTO meta (key, value) VALUES (?, '1')",
                                            error);
      if (mark == NULL)
        return FALSE;
      lic_sqlite_bind_text (mark, 1, demo->marker);
      if (!insert_organizations (connection, demo, &ids, error)
          || !(demo->shares_library ? find_library (connection, demo, &ids, error)
                                    : insert_library (connection, demo, &ids, error))
          || !insert_people (connection, demo, &ids, error)
          || !insert_pools (connection, demo, &ids, error)
          || !lic_sqlite_run (mark, error))
        return FALSE;
      *loaded = TRUE;
    }
  return insert_supplier_keys (connection, demo, error)
         && lic_sqlite_connection_commit (connection, error);
}

/* Settings of the server's own, in the meta table beside the demo's markers. */

static gboolean
lic_sqlite_store_get_setting (LicStore    *store,
                              const char  *key,
                              char       **value,
                              GError     **error)
{
  g_autoptr(LicSqliteConnection) connection = NULL;
  g_autoptr(LicSqliteStatement) stmt = NULL;
  int rc;

  connection = lic_sqlite_store_acquire (LIC_SQLITE_STORE (store), error);
  if (connection == NULL)
    return FALSE;
  stmt = lic_sqlite_connection_prepare (connection, "SELECT value FROM meta WHERE key = ?",
                                        error);
  if (stmt == NULL)
    return FALSE;
  lic_sqlite_bind_text (stmt, 1, key);
  rc = lic_sqlite_step (stmt, error);
  if (rc == SQLITE_ROW)
    *value = g_strdup (lic_sqlite_column_text (stmt, 0));
  return rc != SQLITE_ERROR;
}

static gboolean
lic_sqlite_store_set_setting (LicStore    *store,
                              const char  *key,
                              const char  *value,
                              GError     **error)
{
  g_autoptr(LicSqliteConnection) connection = NULL;
  g_autoptr(LicSqliteStatement) stmt = NULL;

  connection = lic_sqlite_store_acquire (LIC_SQLITE_STORE (store), error);
  if (connection == NULL)
    return FALSE;
  stmt = lic_sqlite_connection_prepare (connection,
                                        "INSERT INTO meta (key, value) VALUES (?, ?)"
                                        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                        error);
  if (stmt == NULL)
    return FALSE;
  lic_sqlite_bind_text (stmt, 1, key);
  lic_sqlite_bind_text (stmt, 2, value);
  return lic_sqlite_run (stmt, error);
}

/* GObject and GInitable */

/* A connection for the calling thread alone; give it back with g_autoptr. */
LicSqliteConnection *
lic_sqlite_store_acquire (LicSqliteStore  *self,
                          GError         **error)
{
  return lic_sqlite_pool_acquire (self->pool, error);
}

static gboolean
lic_sqlite_store_initable_init (GInitable     *initable,
                                     GCancellable  *cancellable,
                                     GError       **error)
{
  LicSqliteStore *self = LIC_SQLITE_STORE (initable);
  g_autoptr(LicSqliteConnection) connection = NULL;

  self->pool = lic_sqlite_pool_new (self->path);
  connection = lic_sqlite_store_acquire (self, error);
  return connection != NULL && lic_sqlite_migrate (connection, error);
}

static void
lic_sqlite_store_initable_iface_init (GInitableIface *iface)
{
  iface->init = lic_sqlite_store_initable_init;
}

static void
lic_sqlite_store_store_iface_init (LicStoreInterface *iface)
{
  iface->load_demo = lic_sqlite_store_load_demo;
  iface->find_login = lic_sqlite_store_find_login;
  iface->create_session = lic_sqlite_store_create_session;
  iface->lookup_session = lic_sqlite_store_lookup_session;
  iface->delete_session = lic_sqlite_store_delete_session;
  iface->list_schools = lic_sqlite_store_list_schools;
  iface->list_products = lic_sqlite_store_list_products;
  iface->get_product = lic_sqlite_store_get_product;
  iface->list_users = lic_sqlite_store_list_users;
  iface->get_user = lic_sqlite_store_get_user;
  iface->list_groups = lic_sqlite_store_list_groups;
  iface->import_users = lic_sqlite_store_import_users;
  iface->list_pools = lic_sqlite_store_list_pools;
  iface->get_pool = lic_sqlite_store_get_pool;
  iface->list_suppliers = lic_sqlite_store_list_suppliers;
  iface->assign = lic_sqlite_store_assign;
  iface->link_groups = lic_sqlite_store_link_groups;
  iface->unassign = lic_sqlite_store_unassign;
  iface->get_cart = lic_sqlite_store_get_cart;
  iface->change_cart = lic_sqlite_store_change_cart;
  iface->remove_cart_line = lic_sqlite_store_remove_cart_line;
  iface->checkout = lic_sqlite_store_checkout;
  iface->list_orders = lic_sqlite_store_list_orders;
  iface->get_order = lic_sqlite_store_get_order;
  iface->add_supplier_key = lic_sqlite_store_add_supplier_key;
  iface->find_supplier = lic_sqlite_store_find_supplier;
  iface->deliver_order = lic_sqlite_store_deliver_order;
  iface->reissue_code = lic_sqlite_store_reissue_code;
  iface->activate = lic_sqlite_store_activate;
  iface->list_notifications = lic_sqlite_store_list_notifications;
  iface->mark_read = lic_sqlite_store_mark_read;
  iface->notifications_after = lic_sqlite_store_notifications_after;
  iface->last_notification = lic_sqlite_store_last_notification;
  iface->claim_mail = lic_sqlite_store_claim_mail;
  iface->finish_mail = lic_sqlite_store_finish_mail;
  iface->sweep = lic_sqlite_store_sweep;
  iface->list_purchase_requests = lic_sqlite_store_list_purchase_requests;
  iface->get_purchase_request = lic_sqlite_store_get_purchase_request;
  iface->pay_purchase_request = lic_sqlite_store_pay_purchase_request;
  iface->keep = lic_sqlite_store_keep;
  iface->renew = lic_sqlite_store_renew;
  iface->list_notices = lic_sqlite_store_list_notices;
  iface->get_setting = lic_sqlite_store_get_setting;
  iface->set_setting = lic_sqlite_store_set_setting;
}

static void
lic_sqlite_store_finalize (GObject *object)
{
  LicSqliteStore *self = LIC_SQLITE_STORE (object);

  g_clear_pointer (&self->pool, lic_sqlite_pool_free);
  g_free (self->path);

  G_OBJECT_CLASS (lic_sqlite_store_parent_class)->finalize (object);
}

static void
lic_sqlite_store_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LicSqliteStore *self = LIC_SQLITE_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_sqlite_store_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LicSqliteStore *self = LIC_SQLITE_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_sqlite_store_class_init (LicSqliteStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lic_sqlite_store_finalize;
  object_class->get_property = lic_sqlite_store_get_property;
  object_class->set_property = lic_sqlite_store_set_property;

  /* The database file, created if missing. */
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lic_sqlite_store_init (LicSqliteStore *self)
{
}

/**
 * lic_sqlite_store_new:
 *
 * Opens the database at @path, creating it if needed, and migrates it to the current schema.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
LicSqliteStore *
lic_sqlite_store_new (const char  *path,
                      GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return g_initable_new (LIC_TYPE_SQLITE_STORE, NULL, error, "path", path, NULL);
}
