/* lic-test-server.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/prctl.h>

#include "lic-test-server.h"

struct _LicTestServer
{
  GSubprocess *process;
  GStrv extra_args;
  char *dir;
  char *database;
  char *url;
  guint16 port;
};

/**
 * lic_test_die_with_parent:
 *
 * A GSpawnChildSetupFunc: a test that crashes must not leave its children behind, since an
 * orphan would keep meson's output pipe open, and meson would report a timeout instead of the
 * crash.
 */
void
lic_test_die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

/**
 * lic_test_spawn_listener:
 * @argv: a program that prints the port it listens on as the first line of its stdout
 * @port: (out): that port
 *
 * Starts @argv as a child that dies with the test, and waits until it listens. Aborts the test
 * if it cannot.
 *
 * Returns: (transfer full): the child
 */
GSubprocess *
lic_test_spawn_listener (const char * const *argv,
                         guint16            *port)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  guint64 number;

  const char *locpath = g_getenv ("LICENTIA_TEST_LOCPATH");

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, lic_test_die_with_parent, NULL, NULL);
  /* The locales the tests built (tests/build-locales), for the child alone: the server writes
   * Swedish and Finnish whatever the machine has installed. */
  if (locpath != NULL)
    g_subprocess_launcher_setenv (launcher, "LOCPATH", locpath, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);

  /* The first line of stdout is the port: the child is listening once it is printed. */
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  if (line == NULL)
    g_error ("%s exited before printing its port", argv[0]);
  g_assert_true (g_ascii_string_to_unsigned (line, 10, 1, G_MAXUINT16, &number, NULL));
  *port = (guint16) number;
  return g_steal_pointer (&process);
}

static void
spawn (LicTestServer *self)
{
  g_autoptr(GStrvBuilder) argv_builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_autofree char *port_arg = g_strdup_printf ("%u", self->port);
  const char *binary = g_getenv ("LICENTIA_SERVER");

  g_assert_nonnull (binary);
  g_strv_builder_add_many (argv_builder, binary,
                           "--address", "127.0.0.1",
                           "--port", port_arg,
                           "--database", self->database,
                           NULL);
  if (self->extra_args != NULL)
    g_strv_builder_addv (argv_builder, (const char **) self->extra_args);
  argv = g_strv_builder_end (argv_builder);

  self->process = lic_test_spawn_listener ((const char * const *) argv, &self->port);
  g_free (self->url);
  /* A server given a certificate serves HTTPS alone. */
  self->url = g_strdup_printf ("%s://127.0.0.1:%u",
                               g_strv_contains ((const char * const *) argv, "--tls-certificate")
                               ? "https" : "http", self->port);
}

/**
 * lic_test_server_start:
 * @extra_args: (nullable): more options for licentia-server, e.g. "--demo"
 *
 * Starts licentia-server on 127.0.0.1 with an empty temporary database and waits until it
 * listens. Aborts the test if it cannot.
 */
LicTestServer *
lic_test_server_start (const char * const *extra_args)
{
  LicTestServer *self = g_new0 (LicTestServer, 1);
  g_autoptr(GError) error = NULL;

  self->dir = g_dir_make_tmp ("licentia-test-XXXXXX", &error);
  g_assert_no_error (error);
  self->database = g_build_filename (self->dir, "licentia.db", NULL);
  self->extra_args = g_strdupv ((char **) extra_args);
  spawn (self);
  return self;
}

LicTestServer *
lic_test_server_start_demo (void)
{
  const char *args[] = { "--demo", NULL };

  return lic_test_server_start (args);
}

const char *
lic_test_server_get_url (LicTestServer *self)
{
  return self->url;
}

guint16
lic_test_server_get_port (LicTestServer *self)
{
  return self->port;
}

const char *
lic_test_server_get_dir (LicTestServer *self)
{
  return self->dir;
}

const char *
lic_test_server_get_database (LicTestServer *self)
{
  return self->database;
}

static void
end_process (LicTestServer *self,
             int            signal_number)
{
  g_autoptr(GError) error = NULL;

  if (self->process == NULL)
    return;
  g_subprocess_send_signal (self->process, signal_number);
  g_subprocess_wait (self->process, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&self->process);
}

/**
 * lic_test_server_kill:
 *
 * Kills the server at once, as a crash or a pulled cable would, keeping its database and port
 * for lic_test_server_restart().
 */
void
lic_test_server_kill (LicTestServer *self)
{
  end_process (self, SIGKILL);
}

/**
 * lic_test_server_restart:
 *
 * Stops the server and starts it again on the same port and database, as after a crash or an
 * upgrade: whatever it keeps must survive this.
 */
void
lic_test_server_restart (LicTestServer *self)
{
  end_process (self, SIGTERM);
  spawn (self);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

void
lic_test_server_stop (LicTestServer *self)
{
  if (self == NULL)
    return;
  end_process (self, SIGTERM);
  remove_tree (self->dir);
  g_strfreev (self->extra_args);
  g_free (self->dir);
  g_free (self->database);
  g_free (self->url);
  g_free (self);
}

/**
 * lic_test_make_certificate:
 * @dir: where to write them
 * @certificate: (out): the path of a new self-signed certificate for 127.0.0.1, valid a day
 * @key: (out): the path of its private key, readable by its owner alone
 *
 * Makes a certificate with openssl, as an administrator would. Aborts the test if it cannot.
 */
void
lic_test_make_certificate (const char  *dir,
                           char       **certificate,
                           char       **key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) openssl = NULL;

  *certificate = g_build_filename (dir, "certificate.pem", NULL);
  *key = g_build_filename (dir, "key.pem", NULL);
  /* The address in subjectAltName too: TLS clients match IP addresses against it alone. */
  openssl = g_subprocess_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error, "openssl", "req",
                              "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                              "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                              "-keyout", *key, "-out", *certificate, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check (openssl, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (*key, 0600), ==, 0);
}

/* Long enough for a loaded machine; the waits end as soon as their condition holds. */
#define WAIT_LIMIT_S 30

/**
 * lic_test_wait_until:
 * @what: what is waited for, for the message if it never happens
 *
 * Checks @condition every few milliseconds until it holds; fails the test if it does not
 * within half a minute.
 */
void
lic_test_wait_until (LicTestCondition  condition,
                     gpointer          data,
                     const char       *what)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_LIMIT_S * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Waited %d s for %s, in vain", WAIT_LIMIT_S, what);
      g_usleep (20 * 1000);
    }
}
