/* test-server-storage.c: what the database keeps across restarts, and how it is migrated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "lic-server-test.h"

typedef struct
{
  guint users;
  guint groups;
  guint products;
  guint pools;
  gint64 assigned;
} Counts;

static Counts
count (LicTestServer *server,
       const char    *token)
{
  g_autoptr(GPtrArray) users = lic_list_all (server, token, "/api/v1/users", 200, NULL);
  g_autoptr(GPtrArray) groups = lic_list_all (server, token, "/api/v1/groups", 200, NULL);
  g_autoptr(GPtrArray) products = lic_list_all (server, token, "/api/v1/products", 200, NULL);
  g_autoptr(GPtrArray) pools = lic_list_all (server, token, "/api/v1/pools", 200, NULL);
  Counts counts = { users->len, groups->len, products->len, pools->len, 0 };

  for (guint i = 0; i < pools->len; i++)
    counts.assigned += json_object_get_int_member (g_ptr_array_index (pools, i), "assigned");
  return counts;
}

static void
assert_counts_equal (const Counts *a,
                     const Counts *b)
{
  g_assert_cmpuint (a->users, ==, b->users);
  g_assert_cmpuint (a->groups, ==, b->groups);
  g_assert_cmpuint (a->products, ==, b->products);
  g_assert_cmpuint (a->pools, ==, b->pools);
  g_assert_cmpint (a->assigned, ==, b->assigned);
}

static void
test_demo_twice (void)
{
  g_autoptr(LicTestServer) server = lic_test_server_start_demo ();
  g_autofree char *token = lic_sign_in (server, "demo-admin", "demo-admin");
  Counts before = count (server, token);
  Counts after;
  g_autoptr(LicReply) session = NULL;

  g_assert_cmpuint (before.users, >, 0);

  /* Started again with --demo on the same database: nothing is added, and the session made
   * before the restart is still good. */
  lic_test_server_restart (server);
  session = lic_get (server, token, "/api/v1/session");
  lic_assert_reply (session, 200, NULL);
  after = count (server, token);
  assert_counts_equal (&before, &after);
}

static void
test_empty_database (void)
{
  g_autoptr(LicTestServer) server = lic_test_server_start (NULL);
  g_autoptr(LicReply) health = lic_get (server, NULL, "/api/v1/health");
  g_autoptr(LicReply) refused = lic_post_json (server, "/api/v1/session", NULL,
                                               "{\"username\": \"demo-admin\","
                                               " \"password\": \"demo-admin\"}");

  /* Without --demo there is nobody to sign in. */
  lic_assert_reply (health, 200, NULL);
  lic_assert_reply (refused, 401, "unauthorized");

  lic_test_server_restart (server);
  g_clear_pointer (&health, lic_reply_free);
  health = lic_get (server, NULL, "/api/v1/health");
  lic_assert_reply (health, 200, NULL);
}

static GSubprocess *
spawn_server (const char  *database,
              GError     **error)
{
  const char *argv[] = {
    g_getenv ("LICENTIA_SERVER"), "--port", "0", "--database", database, NULL,
  };

  return g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                            error);
}

static void
remove_database (char *dir)
{
  g_autoptr(GDir) entries = g_dir_open (dir, 0, NULL);
  const char *name;

  while (entries != NULL && (name = g_dir_read_name (entries)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
  g_free (dir);
}

static void
test_migrates_existing (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("licentia-test-XXXXXX", &error);
  g_autofree char *database = g_build_filename (dir, "licentia.db", NULL);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;

  g_assert_no_error (error);
  /* A database of schema version 0 that already holds something of its own. */
  lic_db_exec (database, "CREATE TABLE local_notes (note TEXT);"
                      "INSERT INTO local_notes VALUES ('keep me');");

  process = spawn_server (database, &error);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);

  g_assert_cmpint (lic_db_query_int (database, "PRAGMA user_version"), >=, 1);
  g_assert_cmpint (lic_db_query_int (database, "SELECT count (*) FROM local_notes"), ==, 1);
  g_assert_cmpint (lic_db_query_int (database, "SELECT count (*) FROM sqlite_schema"
                                        " WHERE name = 'users'"), ==, 1);
  remove_database (dir);
}

static void
test_refuses_newer (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("licentia-test-XXXXXX", &error);
  g_autofree char *database = g_build_filename (dir, "licentia.db", NULL);
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_no_error (error);
  lic_db_exec (database, "PRAGMA user_version = 9999");

  process = spawn_server (database, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "newer"));
  g_assert_cmpint (lic_db_query_int (database, "PRAGMA user_version"), ==, 9999);
  remove_database (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/storage/demo-twice", test_demo_twice);
  g_test_add_func ("/server/storage/empty-database", test_empty_database);
  g_test_add_func ("/server/storage/migrates-existing", test_migrates_existing);
  g_test_add_func ("/server/storage/refuses-newer", test_refuses_newer);
  return g_test_run ();
}
