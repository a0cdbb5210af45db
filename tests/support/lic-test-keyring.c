/* lic-test-keyring.c
 *
 * The real gnome-keyring-daemon, secrets only, on the test's session bus (dbus-run-session), in
 * a temporary home, with a login keyring made and unlocked at start: libsecret then stores
 * and finds secrets as on a desktop, and no test touches the user's keyring or waits for a
 * password prompt. It replaces a daemon the bus may have started on its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "lic-test-keyring.h"
#include "lic-test-server.h"

#define START_SECONDS 10

static gboolean
secrets_owned (GDBusConnection *bus)
{
  g_autoptr(GVariant) reply = NULL;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "GetNameOwner",
                                       g_variant_new ("(s)", "org.freedesktop.secrets"),
                                       G_VARIANT_TYPE ("(s)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                                       NULL);
  return reply != NULL;
}

/**
 * lic_test_keyring_start:
 *
 * Starts the keyring and waits until it serves the session bus; aborts the test if it cannot.
 *
 * Returns: (transfer full): the daemon, which dies with the test
 */
GSubprocess *
lic_test_keyring_start (void)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("licentia-keyring-XXXXXX", &error);
  g_autofree char *runtime = NULL;
  gint64 deadline;

  g_assert_no_error (error);
  runtime = g_build_filename (home, "run", NULL);
  g_assert_cmpint (g_mkdir (runtime, 0700), ==, 0);

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE
                                        | G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                                        | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_setenv (launcher, "HOME", home, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "XDG_DATA_HOME");
  g_subprocess_launcher_unsetenv (launcher, "XDG_CONFIG_HOME");
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", runtime, TRUE);
  /* The tests' fatal warnings are for our code: with them, a warning of the daemon killed it. */
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  g_subprocess_launcher_set_child_setup (launcher, lic_test_die_with_parent, NULL, NULL);
  process = g_subprocess_launcher_spawn (launcher, &error, "gnome-keyring-daemon", "--foreground",
                                         "--replace", "--unlock", "--components=secrets", NULL);
  if (process == NULL)
    g_error ("Cannot start gnome-keyring-daemon (tools/install-deps installs it): %s",
             error->message);
  /* --unlock reads the login keyring's password up to the end of stdin (an empty one would
   * leave it locked, and the first secret stored would wait for a prompt). */
  g_output_stream_write_all (g_subprocess_get_stdin_pipe (process), "licentia-test", 13, NULL,
                             NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (g_subprocess_get_stdin_pipe (process), NULL, NULL);

  deadline = g_get_monotonic_time () + START_SECONDS * G_USEC_PER_SEC;
  while (!secrets_owned (bus))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("gnome-keyring-daemon did not serve the session bus in %d s", START_SECONDS);
      g_usleep (20 * 1000);
    }
  return g_steal_pointer (&process);
}
