/* lic-sqlite-migrations.c
 *
 * The schema grows by appending steps to migrations[]; a step, once released, never changes.
 * PRAGMA user_version counts the steps a database has had, so any older database is brought
 * forward on start, one step per transaction.
 *
 * Every row hangs off one organization: schools directly; users through their school, kept
 * consistent by a foreign key on (school_id, organization_id); groups and pools through their
 * school. Products belong to suppliers and are offered to every organization that has a price
 * in its currency.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lic-error.h"
#include "lic-sqlite-migrations.h"

static const char * const migrations[] = {
  /* 1: organizations, schools, people, the library, pools and sessions. */
  "CREATE TABLE meta ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") WITHOUT ROWID;"

  "CREATE TABLE organizations ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  currency TEXT NOT NULL CHECK (length (currency) = 3),"
  "  country TEXT NOT NULL"
  ");"

  "CREATE TABLE schools ("
  "  id INTEGER PRIMARY KEY,"
  "  organization_id INTEGER NOT NULL REFERENCES organizations (id),"
  "  name TEXT NOT NULL,"
  "  UNIQUE (id, organization_id)"
  ");"
  "CREATE INDEX schools_by_organization ON schools (organization_id, name COLLATE NOCASE, id);"

  "CREATE TABLE users ("
  "  id INTEGER PRIMARY KEY,"
  "  organization_id INTEGER NOT NULL,"
  "  school_id INTEGER NOT NULL,"
  "  username TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL,"
  "  email TEXT,"
  "  role TEXT NOT NULL CHECK (role IN ('student', 'teacher', 'administrator')),"
  "  password_hash TEXT,"
  "  organization_admin INTEGER NOT NULL DEFAULT 0 CHECK (organization_admin IN (0, 1)),"
  "  language TEXT NOT NULL DEFAULT 'en',"
  "  FOREIGN KEY (school_id, organization_id) REFERENCES schools (id, organization_id)"
  ");"
  "CREATE INDEX users_by_name ON users (organization_id, name COLLATE NOCASE, id);"
  "CREATE INDEX users_by_school ON users (school_id, name COLLATE NOCASE, id);"

  /* Folded words of each user's name, username and e-mail address: a prefix search is a range
   * scan of this index instead of a LIKE over every user. */
  "CREATE TABLE user_words ("
  "  word TEXT NOT NULL,"
  "  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (word, user_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX user_words_by_user ON user_words (user_id);"

  "CREATE TABLE school_admins ("
  "  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
  "  school_id INTEGER NOT NULL REFERENCES schools (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (user_id, school_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX school_admins_by_school ON school_admins (school_id);"

  "CREATE TABLE user_groups ("
  "  id INTEGER PRIMARY KEY,"
  "  school_id INTEGER NOT NULL REFERENCES schools (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL,"
  "  UNIQUE (school_id, name)"
  ");"
  "CREATE INDEX user_groups_by_name ON user_groups (name COLLATE NOCASE, id);"

  "CREATE TABLE group_members ("
  "  group_id INTEGER NOT NULL REFERENCES user_groups (id) ON DELETE CASCADE,"
  "  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (group_id, user_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX group_members_by_user ON group_members (user_id, group_id);"

  "CREATE TABLE suppliers ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL"
  ");"

  "CREATE TABLE products ("
  "  id INTEGER PRIMARY KEY,"
  "  supplier_id INTEGER NOT NULL REFERENCES suppliers (id),"
  "  name TEXT NOT NULL,"
  "  license_model TEXT NOT NULL"
  "    CHECK (license_model IN ('per_student', 'per_teacher', 'per_school')),"
  "  term_months INTEGER NOT NULL CHECK (term_months > 0),"
  "  delivery TEXT NOT NULL CHECK (delivery IN ('direct', 'delayed', 'activation_mail'))"
  ");"
  "CREATE INDEX products_by_name ON products (name COLLATE NOCASE, id);"
  "CREATE INDEX products_by_supplier ON products (supplier_id);"

  "CREATE TABLE product_texts ("
  "  product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,"
  "  language TEXT NOT NULL CHECK (language IN ('en', 'sv', 'fi')),"
  "  description TEXT NOT NULL,"
  "  PRIMARY KEY (product_id, language)"
  ") WITHOUT ROWID;"

  /* Rowid tables: a product lists its subjects and grades in the order they were added. */
  "CREATE TABLE product_subjects ("
  "  product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,"
  "  subject TEXT NOT NULL,"
  "  UNIQUE (product_id, subject)"
  ");"

  "CREATE TABLE product_grades ("
  "  product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,"
  "  grade TEXT NOT NULL,"
  "  UNIQUE (product_id, grade)"
  ");"

  "CREATE TABLE product_prices ("
  "  product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,"
  "  currency TEXT NOT NULL CHECK (length (currency) = 3),"
  "  price_minor INTEGER NOT NULL CHECK (price_minor >= 0),"
  "  PRIMARY KEY (product_id, currency)"
  ") WITHOUT ROWID;"

  "CREATE TABLE pools ("
  "  id INTEGER PRIMARY KEY,"
  "  school_id INTEGER NOT NULL REFERENCES schools (id) ON DELETE CASCADE,"
  "  product_id INTEGER NOT NULL REFERENCES products (id),"
  "  quantity_paid INTEGER NOT NULL DEFAULT 0 CHECK (quantity_paid >= 0),"
  "  term_end TEXT,"
  "  UNIQUE (school_id, product_id)"
  ");"
  "CREATE INDEX pools_by_product ON pools (product_id);"

  "CREATE TABLE assignments ("
  "  pool_id INTEGER NOT NULL REFERENCES pools (id) ON DELETE CASCADE,"
  "  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
  "  assigned_at TEXT NOT NULL,"
  "  state TEXT NOT NULL CHECK (state IN ('active', 'no_access')),"
  "  PRIMARY KEY (pool_id, user_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX assignments_by_user ON assignments (user_id);"

  "CREATE TABLE sessions ("
  "  token_hash TEXT PRIMARY KEY,"
  "  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
  "  created_at INTEGER NOT NULL,"
  "  expires_at INTEGER NOT NULL"
  ") WITHOUT ROWID;"
  "CREATE INDEX sessions_by_user ON sessions (user_id);"
  "CREATE INDEX sessions_by_expiry ON sessions (expires_at);",

  /* 2: buying: carts, orders, activation codes, supplier keys, notifications and the outbox.
   * Times the rules read are ISO 8601 text in UTC (one fixed form, so text order is time
   * order); the outbox's are seconds of the wall clock, which retries must follow even on a
   * server whose test clock stands still. */
  "CREATE TABLE cart_lines ("
  "  id INTEGER PRIMARY KEY,"
  "  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
  "  product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,"
  "  school_id INTEGER NOT NULL REFERENCES schools (id) ON DELETE CASCADE,"
  "  quantity INTEGER NOT NULL CHECK (quantity > 0),"
  "  UNIQUE (user_id, product_id, school_id)"
  ");"

  "CREATE TABLE cart_line_users ("
  "  line_id INTEGER NOT NULL REFERENCES cart_lines (id) ON DELETE CASCADE,"
  "  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (line_id, user_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX cart_line_users_by_user ON cart_line_users (user_id);"

  "CREATE TABLE cart_line_groups ("
  "  line_id INTEGER NOT NULL REFERENCES cart_lines (id) ON DELETE CASCADE,"
  "  group_id INTEGER NOT NULL REFERENCES user_groups (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (line_id, group_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX cart_line_groups_by_group ON cart_line_groups (group_id);"

  /* A retried checkout finds its order by (user_id, idempotency_key); the constraint makes
   * two checkouts with one key one order, however they race. */
  "CREATE TABLE orders ("
  "  id INTEGER PRIMARY KEY,"
  "  organization_id INTEGER NOT NULL REFERENCES organizations (id),"
  "  user_id INTEGER NOT NULL REFERENCES users (id),"
  "  idempotency_key TEXT NOT NULL,"
  "  payment TEXT NOT NULL CHECK (payment IN ('order', 'purchase_request')),"
  "  currency TEXT NOT NULL CHECK (length (currency) = 3),"
  "  created_at TEXT NOT NULL,"
  "  UNIQUE (user_id, idempotency_key)"
  ");"
  "CREATE INDEX orders_by_organization ON orders (organization_id, id);"

  /* A line's licenses go to its pool, which checkout creates if need be: the pool says which
   * school and product. */
  "CREATE TABLE order_lines ("
  "  id INTEGER PRIMARY KEY,"
  "  order_id INTEGER NOT NULL REFERENCES orders (id),"
  "  pool_id INTEGER NOT NULL REFERENCES pools (id),"
  "  quantity INTEGER NOT NULL CHECK (quantity > 0),"
  "  unit_price INTEGER NOT NULL CHECK (unit_price >= 0),"
  "  delivery TEXT NOT NULL CHECK (delivery IN ('direct', 'delayed', 'activation_mail')),"
  "  state TEXT NOT NULL"
  "    CHECK (state IN ('delivered', 'awaiting_delivery', 'activation_mail_sent')),"
  "  state_since TEXT NOT NULL,"
  "  activation_email TEXT"
  ");"
  "CREATE INDEX order_lines_by_order ON order_lines (order_id);"
  "CREATE INDEX order_lines_by_pool ON order_lines (pool_id, state);"

  /* Which line's checkout assigned a user, for the line's count of users assigned. */
  "ALTER TABLE assignments ADD COLUMN order_line_id INTEGER REFERENCES order_lines (id);"
  "CREATE INDEX assignments_by_order_line ON assignments (order_line_id)"
  "  WHERE order_line_id IS NOT NULL;"

  /* One code per activation line; issuing a new one replaces it. */
  "CREATE TABLE activation_codes ("
  "  order_line_id INTEGER PRIMARY KEY REFERENCES order_lines (id),"
  "  code_hash TEXT NOT NULL UNIQUE,"
  "  expires_at TEXT NOT NULL,"
  "  used_at TEXT"
  ");"

  "CREATE TABLE supplier_keys ("
  "  key_hash TEXT PRIMARY KEY,"
  "  supplier_id INTEGER NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,"
  "  created_at TEXT NOT NULL"
  ") WITHOUT ROWID;"
  "CREATE INDEX supplier_keys_by_supplier ON supplier_keys (supplier_id);"

  /* Ids only grow, so a stream continues after the last id it sent. */
  "CREATE TABLE notifications ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('delivered')),"
  "  order_line_id INTEGER NOT NULL REFERENCES order_lines (id),"
  "  created_at TEXT NOT NULL,"
  "  read INTEGER NOT NULL DEFAULT 0 CHECK (read IN (0, 1))"
  ");"
  "CREATE INDEX notifications_by_user ON notifications (user_id, id);"

  /* next_attempt_at is also the lease of a send under way: a sender that claims a message
   * moves it ahead, so no other sender takes it until then. */
  "CREATE TABLE outbox ("
  "  id INTEGER PRIMARY KEY,"
  "  recipient TEXT NOT NULL,"
  "  recipient_name TEXT,"
  "  subject TEXT NOT NULL,"
  "  body TEXT NOT NULL,"
  "  message_key TEXT NOT NULL UNIQUE,"
  "  created_at INTEGER NOT NULL,"
  "  attempts INTEGER NOT NULL DEFAULT 0,"
  "  next_attempt_at INTEGER NOT NULL,"
  "  last_error TEXT,"
  "  sent_at INTEGER"
  ");"
  "CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE sent_at IS NULL;",

  /* 3: municipal scale (100,000 users, 1,000,000 assignments). GET /users?role= walks users of
   * one role in name order instead of filtering the whole organization's list (administrators
   * are a few in a thousand); bulk assignment of a role reads the school's users of that
   * role. */
  "CREATE INDEX users_by_role ON users (organization_id, role, name COLLATE NOCASE, id);"
  "CREATE INDEX users_by_school_role ON users (school_id, role);",

  /* 4: auto-assignment. A pool linked to groups (classes) of its school gives their members
   * licenses while any is free; those without one wait, first come first served by when they
   * joined the class (joined_at: NULL for members from before this step, who come first). */
  "ALTER TABLE group_members ADD COLUMN joined_at TEXT;"
  "CREATE TABLE pool_groups ("
  "  pool_id INTEGER NOT NULL REFERENCES pools (id) ON DELETE CASCADE,"
  "  group_id INTEGER NOT NULL REFERENCES user_groups (id) ON DELETE CASCADE,"
  "  linked_at TEXT NOT NULL,"
  "  PRIMARY KEY (pool_id, group_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX pool_groups_by_group ON pool_groups (group_id, pool_id);",

  /* 5: purchase requests and compliance (seed 004), and renewal.
   *
   * A pool keeps the number of its assignments with and without access, kept up to date by
   * triggers on every write of assignments: lists of pools, the Payable list (pools with more
   * users with access than licenses paid) and the renewal notices read them instead of counting
   * a million assignments. `renewed` is what has been ordered for the next term.
   *
   * An assignment ranks by assigned_at, then user id; one kept with POST /pools/{id}/keep
   * (kept_at) ranks before all others. `since` is when it lost access.
   *
   * A purchase request is one line of a purchase-request order, unpaid until paid_order_id is
   * set. The sweep records each step it took (late_mailed_at, suspended_at), claiming it with a
   * conditional UPDATE, so that no step is done twice, by one server or by two. */
  "ALTER TABLE pools ADD COLUMN active_count INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE pools ADD COLUMN no_access_count INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE pools ADD COLUMN renewed INTEGER NOT NULL DEFAULT 0 CHECK (renewed >= 0);"
  "UPDATE pools SET"
  " active_count = (SELECT count (*) FROM assignments a"
  "  WHERE a.pool_id = pools.id AND a.state = 'active'),"
  " no_access_count = (SELECT count (*) FROM assignments a"
  "  WHERE a.pool_id = pools.id AND a.state = 'no_access');"
  "CREATE TRIGGER assignments_added AFTER INSERT ON assignments BEGIN"
  " UPDATE pools SET active_count = active_count + (NEW.state = 'active'),"
  "  no_access_count = no_access_count + (NEW.state = 'no_access') WHERE id = NEW.pool_id;"
  " END;"
  "CREATE TRIGGER assignments_removed AFTER DELETE ON assignments BEGIN"
  " UPDATE pools SET active_count = active_count - (OLD.state = 'active'),"
  "  no_access_count = no_access_count - (OLD.state = 'no_access') WHERE id = OLD.pool_id;"
  " END;"
  "CREATE TRIGGER assignments_changed AFTER UPDATE OF pool_id, state ON assignments BEGIN"
  " UPDATE pools SET active_count = active_count - (OLD.state = 'active'),"
  "  no_access_count = no_access_count - (OLD.state = 'no_access') WHERE id = OLD.pool_id;"
  " UPDATE pools SET active_count = active_count + (NEW.state = 'active'),"
  "  no_access_count = no_access_count + (NEW.state = 'no_access') WHERE id = NEW.pool_id;"
  " END;"
  "CREATE INDEX pools_by_term_end ON pools (term_end) WHERE term_end IS NOT NULL;"

  "ALTER TABLE assignments ADD COLUMN kept_at TEXT;"
  "ALTER TABLE assignments ADD COLUMN since TEXT;"
  "CREATE INDEX assignments_without_access ON assignments (user_id, pool_id)"
  "  WHERE state = 'no_access';"

  "CREATE TABLE purchase_requests ("
  "  id INTEGER PRIMARY KEY,"
  "  pool_id INTEGER NOT NULL REFERENCES pools (id),"
  "  order_line_id INTEGER NOT NULL UNIQUE REFERENCES order_lines (id),"
  "  quantity INTEGER NOT NULL CHECK (quantity > 0),"
  "  created_at TEXT NOT NULL,"
  "  late_mailed_at TEXT,"
  "  suspended_at TEXT,"
  "  paid_order_id INTEGER REFERENCES orders (id),"
  "  paid_at TEXT"
  ");"
  "CREATE INDEX purchase_requests_by_pool ON purchase_requests (pool_id, id);"
  "CREATE INDEX purchase_requests_unpaid ON purchase_requests (created_at, id)"
  "  WHERE paid_order_id IS NULL;"

  /* A line that renews a pool for its next term, or pays a purchase request. */
  "ALTER TABLE order_lines ADD COLUMN renewal INTEGER NOT NULL DEFAULT 0"
  "  CHECK (renewal IN (0, 1));"
  "ALTER TABLE order_lines ADD COLUMN pays_request_id INTEGER"
  "  REFERENCES purchase_requests (id);",

  /* 6: the sweep's steps notify the admins too. A notification names its pool and quantity
   * itself, and its order line only when it is about one (a term's end is about none). SQLite
   * cannot change a CHECK, so the table is made anew; the sequence carries on, since a stream
   * continues after the last id it sent. */
  "CREATE TABLE notifications_new ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL"
  "    CHECK (kind IN ('delivered', 'payment_late', 'licenses_suspended', 'access_ended')),"
  "  pool_id INTEGER NOT NULL REFERENCES pools (id),"
  "  order_line_id INTEGER REFERENCES order_lines (id),"
  "  quantity INTEGER NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  read INTEGER NOT NULL DEFAULT 0 CHECK (read IN (0, 1))"
  ");"
  "INSERT INTO notifications_new (id, user_id, kind, pool_id, order_line_id, quantity,"
  "  created_at, read)"
  "  SELECT n.id, n.user_id, n.kind, ol.pool_id, n.order_line_id, ol.quantity, n.created_at,"
  "  n.read FROM notifications n JOIN order_lines ol ON ol.id = n.order_line_id;"
  "DELETE FROM sqlite_sequence WHERE name = 'notifications_new';"
  "INSERT INTO sqlite_sequence (name, seq)"
  "  SELECT 'notifications_new', seq FROM sqlite_sequence WHERE name = 'notifications';"
  "DROP TABLE notifications;"
  "ALTER TABLE notifications_new RENAME TO notifications;"
  "CREATE INDEX notifications_by_user ON notifications (user_id, id);",
};

static gboolean
get_version (LicSqliteConnection  *connection,
             gint64               *version,
             GError              **error)
{
  g_autoptr(LicSqliteStatement) stmt = lic_sqlite_connection_prepare (connection,
                                                                      "PRAGMA user_version",
                                                                      error);

  if (stmt == NULL || lic_sqlite_step (stmt, error) != SQLITE_ROW)
    return FALSE;
  *version = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Applies step @version (counted from 1) unless another process did so first. */
static gboolean
apply (LicSqliteConnection  *connection,
       gint64                version,
       GError              **error)
{
  g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %" G_GINT64_FORMAT, version);
  gint64 current;

  if (!lic_sqlite_connection_begin (connection, LIC_SQLITE_WRITE, error)
      || !get_version (connection, &current, error))
    return FALSE;
  if (current >= version)
    return lic_sqlite_connection_commit (connection, error);

  g_message ("Migrating the database to version %" G_GINT64_FORMAT, version);
  return lic_sqlite_connection_exec (connection, migrations[version - 1], error)
         && lic_sqlite_connection_exec (connection, bump, error)
         && lic_sqlite_connection_commit (connection, error);
}

/**
 * lic_sqlite_migrate:
 *
 * Brings the database of @connection to the newest schema. A database from a newer
 * licentia-server is refused rather than guessed at.
 */
gboolean
lic_sqlite_migrate (LicSqliteConnection  *connection,
                    GError              **error)
{
  gint64 version;

  if (!get_version (connection, &version, error))
    return FALSE;
  if (version > (gint64) G_N_ELEMENTS (migrations))
    {
      g_set_error (error, LIC_ERROR, LIC_ERROR_SERVER,
                   "The database has schema version %" G_GINT64_FORMAT ", newer than the %u this "
                   "licentia-server knows; use a newer licentia-server",
                   version, (guint) G_N_ELEMENTS (migrations));
      return FALSE;
    }
  for (gint64 next = version + 1; next <= (gint64) G_N_ELEMENTS (migrations); next++)
    if (!apply (connection, next, error))
      return FALSE;
  return TRUE;
}
