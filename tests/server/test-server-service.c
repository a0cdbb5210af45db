/* test-server-service.c: licentia-server as a service: its configuration file and HTTPS.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <signal.h>

#include "lic-server-test.h"

/* A folder of the test's own, removed with its files at the end. */
static char *dir;

static char *
write_config (const char *name,
              const char *text)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* Starts licentia-server with @argv after the binary's name, and waits until it listens. */
static GSubprocess *
start_server (const char * const *args,
              guint16            *port)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;

  g_strv_builder_add (builder, g_getenv ("LICENTIA_SERVER"));
  g_strv_builder_addv (builder, (const char **) args);
  argv = g_strv_builder_end (builder);
  return lic_test_spawn_listener ((const char * const *) argv, port);
}

static void
stop_server (GSubprocess *server)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (server, SIGTERM);
  g_subprocess_wait_check (server, NULL, &error);
  g_assert_no_error (error);
  g_object_unref (server);
}

/* Asserts that licentia-server refuses to start with @args: status 1, no port, and a message
 * that has every string of @expected. */
static void
assert_refused (const char * const *args,
                const char * const *expected)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_strv_builder_add (builder, g_getenv ("LICENTIA_SERVER"));
  g_strv_builder_addv (builder, (const char **) args);
  argv = g_strv_builder_end (builder);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, lic_test_die_with_parent, NULL, NULL);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);

  g_test_message ("%s", err);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
  g_assert_cmpstr (out, ==, "");
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_nonnull (strstr (err, expected[i]));
}

/* GET /api/v1/health at @url; @certificate, if given, is the one the server must show. */
static void
assert_healthy (const char      *url,
                GTlsCertificate *certificate)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *uri = g_strconcat (url, "/api/v1/health", NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("GET", uri);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  /* Signalled for a certificate no CA vouches for: accept ours alone. */
  if (certificate != NULL)
    g_signal_connect_swapped (message, "accept-certificate",
                              G_CALLBACK (g_tls_certificate_is_same), certificate);
  body = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, 200);
  g_assert_cmpmem (g_bytes_get_data (body, NULL), g_bytes_get_size (body),
                   "{\"status\":\"ok\"}", 15);
}

static void
test_config_file (void)
{
  g_autofree char *config = write_config ("good.conf",
                                          "# A comment\n"
                                          "[server]\n"
                                          "database = good.db\n"
                                          "address = 127.0.0.1\n"
                                          "port = 0\n"
                                          "threads = 2\n"
                                          "\n"
                                          "[mail]\n"
                                          "maildir = good-mail\n"
                                          "mail-from = Licentia <licentia@example.org>\n");
  const char *args[] = { "--config", config, NULL };
  g_autofree char *database = g_build_filename (dir, "good.db", NULL);
  g_autofree char *url = NULL;
  GSubprocess *server;
  guint16 port;

  server = start_server (args, &port);
  url = g_strdup_printf ("http://127.0.0.1:%u", port);
  assert_healthy (url, NULL);
  /* Relative paths are the file's folder's, whatever the server's working directory. */
  g_assert_true (g_file_test (database, G_FILE_TEST_IS_REGULAR));
  stop_server (server);
}

/* The example of data/ is a file the server takes: all but its database is commented out. */
static void
test_example_config_file (void)
{
  g_autofree char *config = g_test_build_filename (G_TEST_DIST, "..", "data",
                                                   "licentia-server.conf", NULL);
  g_autofree char *database = g_build_filename (dir, "example.db", NULL);
  const char *args[] = { "--config", config, "--port", "0", "--database", database, NULL };
  g_autofree char *url = NULL;
  GSubprocess *server;
  guint16 port;

  server = start_server (args, &port);
  url = g_strdup_printf ("http://127.0.0.1:%u", port);
  assert_healthy (url, NULL);
  stop_server (server);
}

static void
test_command_line_wins (void)
{
  /* The file's address is no address of this machine (192.0.2.0/24 is for documentation):
   * the server starts only if the command line's options win. */
  g_autofree char *config = write_config ("overridden.conf",
                                          "[server]\n"
                                          "database = file.db\n"
                                          "address = 192.0.2.1\n"
                                          "port = 1\n");
  g_autofree char *database = g_build_filename (dir, "command-line.db", NULL);
  g_autofree char *file_database = g_build_filename (dir, "file.db", NULL);
  const char *args[] = {
    "--address", "127.0.0.1", "--config", config, "--port", "0", "--database", database, NULL,
  };
  g_autofree char *url = NULL;
  GSubprocess *server;
  guint16 port;

  server = start_server (args, &port);
  url = g_strdup_printf ("http://127.0.0.1:%u", port);
  assert_healthy (url, NULL);
  g_assert_true (g_file_test (database, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (file_database, G_FILE_TEST_EXISTS));
  stop_server (server);
}

static void
test_bad_config_file (void)
{
  const struct
  {
    const char *text;
    const char *expected;
  } cases[] = {
    { "[server]\nport = 0\n[mail]\nsmtp-usr = me\n", "unknown key “smtp-usr” in group [mail]" },
    { "[server]\nport = http\n", "[server] port: “http” is not a number from 0 to 65535" },
    { "[server]\nport = 70000\n", "[server] port: “70000” is not a number from 0 to 65535" },
    { "[server]\nthreads = 0\n", "[server] threads: “0” is not a number from 1 to 1024" },
    { "[server]\nport = 0\n[tls]\n", "unknown group [tls]" },
    { "[server]\nport = 0\ndatabase\n", ".conf:3: " },
    { "port = 0\n", ".conf:1: " },
    { "[mail]\nsmtp =\n", "[mail] smtp is empty" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("bad-%u.conf", i);
      g_autofree char *config = write_config (name, cases[i].text);
      const char *args[] = { "--config", config, "--port", "0", NULL };
      const char *expected[] = { config, cases[i].expected, NULL };

      assert_refused (args, expected);
    }
}

static void
test_missing_config_file (void)
{
  g_autofree char *config = g_build_filename (dir, "missing.conf", NULL);
  const char *args[] = { "--config", config, NULL };
  const char *expected[] = { "Could not read the configuration file", config, NULL };

  assert_refused (args, expected);
}

static void
test_tls (void)
{
  g_autofree char *certificate_path = NULL;
  g_autofree char *key_path = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(LicTestServer) server = NULL;
  g_autoptr(GError) error = NULL;

  lic_test_make_certificate (dir, &certificate_path, &key_path);
  certificate = g_tls_certificate_new_from_file (certificate_path, &error);
  g_assert_no_error (error);

  {
    const char *args[] = { "--tls-certificate", certificate_path, "--tls-key", key_path, NULL };

    server = lic_test_server_start (args);
  }
  g_assert_true (g_str_has_prefix (lic_test_server_get_url (server), "https://"));
  assert_healthy (lic_test_server_get_url (server), certificate);

  /* Plain HTTP to the same port gets no answer of the API. */
  {
    g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 10, NULL);
    g_autofree char *uri = g_strdup_printf ("http://127.0.0.1:%u/api/v1/health",
                                            lic_test_server_get_port (server));
    g_autoptr(SoupMessage) message = soup_message_new ("GET", uri);
    g_autoptr(GBytes) body = soup_session_send_and_read (session, message, NULL, &error);

    g_test_message ("Plain HTTP: %s", error != NULL ? error->message : "an answer");
    g_assert_nonnull (error);
    g_assert_cmpuint (soup_message_get_status (message), !=, 200);
    g_clear_error (&error);
  }

  /* It answers HTTPS still. */
  assert_healthy (lic_test_server_get_url (server), certificate);
}

static void
test_tls_refused (void)
{
  g_autofree char *certificate = NULL;
  g_autofree char *key = NULL;
  g_autofree char *database = g_build_filename (dir, "refused.db", NULL);
  g_autofree char *other_dir = g_build_filename (dir, "other", NULL);
  g_autofree char *other_certificate = NULL;
  g_autofree char *other_key = NULL;

  g_assert_cmpint (g_mkdir (other_dir, 0700), ==, 0);
  lic_test_make_certificate (dir, &certificate, &key);
  lic_test_make_certificate (other_dir, &other_certificate, &other_key);

  {
    const char *args[] = { "--port", "0", "--database", database, "--tls-certificate",
                           certificate, NULL };
    const char *expected[] = { "--tls-certificate and --tls-key go together", NULL };

    assert_refused (args, expected);
  }
  {
    const char *args[] = { "--port", "0", "--database", database, "--tls-certificate",
                           certificate, "--tls-key", other_key, NULL };
    const char *expected[] = { "Could not serve HTTPS", NULL };

    assert_refused (args, expected);
  }
  /* A refused key is refused before the database is created. */
  g_assert_cmpint (g_unlink (database), ==, 0);
  g_assert_cmpint (g_chmod (key, 0644), ==, 0);
  {
    const char *args[] = { "--port", "0", "--database", database, "--tls-certificate",
                           certificate, "--tls-key", key, NULL };
    const char *expected[] = { key, "is readable by every user", NULL };

    assert_refused (args, expected);
  }
  g_assert_false (g_file_test (database, G_FILE_TEST_EXISTS));
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) folder = g_dir_open (path, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  dir = g_dir_make_tmp ("licentia-service-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/server/service/config-file", test_config_file);
  g_test_add_func ("/server/service/example-config-file", test_example_config_file);
  g_test_add_func ("/server/service/command-line-wins", test_command_line_wins);
  g_test_add_func ("/server/service/bad-config-file", test_bad_config_file);
  g_test_add_func ("/server/service/missing-config-file", test_missing_config_file);
  g_test_add_func ("/server/service/tls", test_tls);
  g_test_add_func ("/server/service/tls-refused", test_tls_refused);

  status = g_test_run ();
  remove_tree (dir);
  g_free (dir);
  return status;
}
