/* main.c: licentia-server, the licensing backend of Licentia.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib-unix.h>
#include <stdio.h>

#include "lic-demo.h"
#include "lic-server.h"
#include "lic-sqlite-store.h"

static gboolean
quit (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

static gboolean
load_demo (LicStore  *store,
           GError   **error)
{
  g_autoptr(LicDemo) demo = lic_demo_new (error);
  gboolean loaded;

  if (demo == NULL || !lic_store_load_demo (store, demo, &loaded, error))
    return FALSE;
  g_message (loaded ? "Loaded the demo data" : "The demo data is already loaded");
  return TRUE;
}

static gboolean
run (int    argc,
     char **argv,
     GError **error)
{
  /* GOption replaces string defaults without freeing them: NULL means "the default". */
  g_autofree char *database = NULL;
  g_autofree char *address = NULL;
  int port = 8080;
  int threads = (int) g_get_num_processors ();
  gboolean demo = FALSE;
  gboolean test_clock = FALSE;
  const GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database,
      "The SQLite database, created and migrated on start (default: licentia.db)", "PATH" },
    { "address", 0, 0, G_OPTION_ARG_STRING, &address,
      "The IP address to listen on (default: 127.0.0.1)", "ADDRESS" },
    { "port", 0, 0, G_OPTION_ARG_INT, &port,
      "The port to listen on, 0 for any free one (default: 8080)", "PORT" },
    { "threads", 0, 0, G_OPTION_ARG_INT, &threads,
      "Requests answered at once (default: the number of cores)", "N" },
    { "demo", 0, 0, G_OPTION_ARG_NONE, &demo,
      "Load the demo data unless it is there already", NULL },
    { "test-clock", 0, 0, G_OPTION_ARG_NONE, &test_clock,
      "Let POST /api/v1/test/clock set the time; for tests only", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- the licensing backend of Licentia");
  g_autoptr(LicSqliteStore) store = NULL;
  g_autoptr(LicServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return FALSE;
  if (port < 0 || port > G_MAXUINT16 || threads < 1)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           port < 0 || port > G_MAXUINT16 ? "--port must be from 0 to 65535"
                                                          : "--threads must be at least 1");
      return FALSE;
    }

  if (database == NULL)
    database = g_strdup ("licentia.db");
  if (address == NULL)
    address = g_strdup ("127.0.0.1");

  /* Before anything can print the port: whoever reads it may stop the server at once. */
  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGTERM, quit, loop);
  g_unix_signal_add (SIGINT, quit, loop);

  store = lic_sqlite_store_new (database, error);
  if (store == NULL || (demo && !load_demo (LIC_STORE (store), error)))
    return FALSE;

  server = lic_server_new (LIC_STORE (store), test_clock);
  if (!lic_server_start (server, address, (guint16) port, (guint) threads, error))
    return FALSE;

  /* The first line of stdout is the port and nothing else: scripts and tests wait for it. */
  printf ("%u\n", lic_server_get_port (server));
  fflush (stdout);
  g_message ("Listening on %s port %u with %d threads%s", address, lic_server_get_port (server),
             threads, test_clock ? " and the test clock" : "");

  g_main_loop_run (loop);

  g_message ("Stopping");
  lic_server_stop (server);
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;

  /* stdout carries the port; everything else, info and debug messages too, goes to stderr. */
  g_log_writer_default_set_use_stderr (TRUE);
  g_set_prgname ("licentia-server");

  if (!run (argc, argv, &error))
    {
      g_printerr ("licentia-server: %s\n", error->message);
      return 1;
    }
  return 0;
}
