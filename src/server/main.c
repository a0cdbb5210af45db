/* main.c: licentia-server, the licensing backend of Licentia.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <curl/curl.h>
#include <glib-unix.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <sys/stat.h>

#include "lic-clock.h"
#include "lic-demo.h"
#include "lic-i18n.h"
#include "lic-mailer.h"
#include "lic-options.h"
#include "lic-password.h"
#include "lic-server.h"
#include "lic-sqlite-store.h"
#include "lic-sweeper.h"
#include "lic-texts.h"

#define DEFAULT_KEEP_ALIVE_S 20

/* How often the compliance sweep runs, besides at start and at every POST /test/clock. */
#define SWEEP_INTERVAL_S (10 * 60)

/* The SMTP password comes from the environment, never the command line, which any user of
 * the machine may read, nor the configuration file; or from systemd's credential of this name,
 * which the unit's LoadCredential= hands to the service alone. */
#define SMTP_PASSWORD_VARIABLE "LICENTIA_SMTP_PASSWORD"
#define SMTP_PASSWORD_CREDENTIAL "smtp-password"

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
  g_autoptr(GDateTime) today = lic_clock_now ();
  g_autoptr(LicDemo) demo = lic_demo_new (today, error);
  gboolean loaded;

  if (demo == NULL || !lic_store_load_demo (store, demo, &loaded, error))
    return FALSE;
  g_message (loaded ? "Loaded the demo data" : "The demo data is already loaded");
  return TRUE;
}

/* --demo-users N: the large municipality, after the demo whose products it uses. */
static gboolean
load_demo_city (LicStore  *store,
                guint      n_users,
                GError   **error)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GDateTime) today = lic_clock_now ();
  g_autoptr(LicDemo) city = lic_demo_new_city (n_users, today, error);
  gint64 made;
  gboolean loaded;

  if (city == NULL)
    return FALSE;
  made = g_get_monotonic_time ();
  if (!lic_store_load_demo (store, city, &loaded, error))
    return FALSE;
  if (loaded)
    g_message ("Loaded the demo municipality of %u users in %.2f s (%.2f s to make, %.2f s "
               "to store)", city->users->len, (g_get_monotonic_time () - start) / 1e6,
               (made - start) / 1e6, (g_get_monotonic_time () - made) / 1e6);
  else
    g_message ("The demo municipality is already loaded");
  return TRUE;
}

/* --test-clock: the time POST /test/clock set last, if it did, stands again after a restart. */
static gboolean
restore_test_clock (LicStore  *store,
                    GError   **error)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *text = NULL;

  if (!lic_store_get_setting (store, LIC_CLOCK_SETTING, &text, error))
    return FALSE;
  if (text != NULL && (now = g_date_time_new_from_iso8601 (text, utc)) != NULL)
    {
      lic_clock_set (now);
      g_message ("The test clock stands at %s, as it was last set", text);
    }
  return TRUE;
}

/* licentia-server --database PATH deliver ORDER_ID */
static gboolean
deliver (LicStore    *store,
         const char  *order_text,
         GError     **error)
{
  g_autoptr(GDateTime) now = lic_clock_now ();
  g_autoptr(LicOrder) order = NULL;
  guint64 order_id;

  if (!g_ascii_string_to_unsigned (order_text, 10, 1, G_MAXINT64, &order_id, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "“%s” is not an order id", order_text);
      return FALSE;
    }
  order = lic_store_deliver_order (store, 0, (gint64) order_id, now, error);
  if (order == NULL)
    return FALSE;

  for (guint i = 0; i < order->lines->len; i++)
    {
      const LicOrderLine *line = g_ptr_array_index (order->lines, i);
      g_autofree char *status = lic_text_line_status (line);

      printf ("Order %" G_GINT64_FORMAT ", line %" G_GINT64_FORMAT ": %" G_GINT64_FORMAT
              " × %s for %s: %s\n", order->id, line->id, line->quantity, line->product_name,
              line->school_name, status);
    }
  return TRUE;
}

/* licentia-server --database PATH supplier-key "SUPPLIER NAME" */
static gboolean
make_supplier_key (LicStore    *store,
                   const char  *supplier_name,
                   GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *key = lic_token_new (error);
  g_autofree char *key_hash = NULL;

  if (key == NULL)
    return FALSE;
  key_hash = lic_token_hash (key);
  if (!lic_store_add_supplier_key (store, supplier_name, key_hash, now, error))
    return FALSE;
  /* The only time the key is seen: the database keeps its hash alone. */
  printf ("%s\n", key);
  return TRUE;
}

/* Runs a command of the command line against the database, which a server may be using at
 * the same time. */
static gboolean
run_command (const LicOptions  *options,
             int                argc,
             char             **argv,
             GError           **error)
{
  g_autoptr(LicSqliteStore) store = NULL;

  if (argc != 3 || (!g_str_equal (argv[1], "deliver") && !g_str_equal (argv[1], "supplier-key")))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           "the commands are “deliver ORDER_ID” and "
                           "“supplier-key \"SUPPLIER NAME\"”");
      return FALSE;
    }
  store = lic_sqlite_store_new (options->database, error);
  if (store == NULL)
    return FALSE;
  if (g_str_equal (argv[1], "deliver"))
    return deliver (LIC_STORE (store), argv[2], error);
  return make_supplier_key (LIC_STORE (store), argv[2], error);
}

/* Reads the PEM files of --tls-certificate and --tls-key, if given, before the database is
 * touched: a server that cannot serve HTTPS must not start at all. */
static gboolean
read_tls (const LicOptions   *options,
          char              **certificate,
          char              **key,
          GError            **error)
{
  GStatBuf status;

  if (options->tls_certificate == NULL)
    return TRUE;
  if (!g_file_get_contents (options->tls_certificate, certificate, NULL, error)
      || !g_file_get_contents (options->tls_key, key, NULL, error))
    return FALSE;
  /* As ssh does: a key that every user of the machine can read is no secret any more. The
   * unit's LoadCredential= hands a key readable by root alone to the service. */
  if (g_stat (options->tls_key, &status) == 0 && (status.st_mode & S_IROTH))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_PERM,
                   "The TLS key %s is readable by every user; make it readable by its owner "
                   "(and group) alone: chmod o-r %s", options->tls_key, options->tls_key);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_smtp_password (char   **password,
                    GError **error)
{
  const char *credentials = g_getenv ("CREDENTIALS_DIRECTORY");
  g_autofree char *path = NULL;
  gsize length;

  if (g_getenv (SMTP_PASSWORD_VARIABLE) != NULL || credentials == NULL)
    {
      *password = g_strdup (g_getenv (SMTP_PASSWORD_VARIABLE));
      return TRUE;
    }
  path = g_build_filename (credentials, SMTP_PASSWORD_CREDENTIAL, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  if (!g_file_get_contents (path, password, &length, error))
    return FALSE;
  /* Written by echo or an editor, the file ends in a newline that is no part of it. */
  if (length > 0 && (*password)[length - 1] == '\n')
    (*password)[length - 1] = '\0';
  return TRUE;
}

static gboolean
serve (const LicOptions  *options,
       GError           **error)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(LicSqliteStore) store = NULL;
  g_autoptr(LicMailer) mailer = NULL;
  g_autoptr(LicServer) server = NULL;
  g_autoptr(LicSweeper) sweeper = NULL;
  g_autofree char *maildir = NULL;
  g_autofree char *tls_certificate = NULL;
  g_autofree char *tls_key = NULL;
  g_autofree char *smtp_password = NULL;
  LicMailerConfig mail = {
    options->smtp_url, options->smtp_user, NULL, options->maildir, options->mail_from,
  };

  /* Before anything can print the port: whoever reads it may stop the server at once. */
  g_unix_signal_add (SIGTERM, quit, loop);
  g_unix_signal_add (SIGINT, quit, loop);

  if (!read_tls (options, &tls_certificate, &tls_key, error)
      || !read_smtp_password (&smtp_password, error))
    return FALSE;
  mail.smtp_password = smtp_password;
  store = lic_sqlite_store_new (options->database, error);
  if (store == NULL
      || (options->test_clock && !restore_test_clock (LIC_STORE (store), error))
      || (options->demo && !load_demo (LIC_STORE (store), error))
      || (options->demo_users > 0
          && !load_demo_city (LIC_STORE (store), (guint) options->demo_users, error)))
    return FALSE;

  if (mail.maildir == NULL)
    mail.maildir = maildir = g_strconcat (options->database, ".maildir", NULL);
  mailer = lic_mailer_new (LIC_STORE (store), &mail, error);
  if (mailer == NULL)
    return FALSE;

  /* Catch up on whatever fell due while the server was down (e-mails for late purchase
   * requests, suspensions, the ends of terms) before answering anyone. */
  lic_sweep_now (LIC_STORE (store), NULL);

  server = lic_server_new (LIC_STORE (store), options->test_clock, (guint) options->keep_alive);
  lic_server_set_tls (server, tls_certificate, tls_key);
  if (!lic_server_start (server, options->address, (guint16) options->port,
                         (guint) options->threads, error))
    return FALSE;
  lic_mailer_start (mailer);
  sweeper = lic_sweeper_start (LIC_STORE (store), SWEEP_INTERVAL_S);

  /* The first line of stdout is the port and nothing else: scripts and tests wait for it. */
  printf ("%u\n", lic_server_get_port (server));
  fflush (stdout);
  g_message ("Listening on %s port %u (%s) with %d threads%s; e-mail goes to %s",
             options->address, lic_server_get_port (server),
             options->tls_certificate != NULL ? "HTTPS" : "HTTP", options->threads,
             options->test_clock ? " and the test clock" : "",
             options->smtp_url != NULL ? options->smtp_url : mail.maildir);

  g_main_loop_run (loop);

  g_message ("Stopping");
  g_clear_pointer (&sweeper, lic_sweeper_stop);
  lic_server_stop (server);
  lic_mailer_stop (mailer);
  return TRUE;
}

static gboolean
run (int    argc,
     char **argv,
     GError **error)
{
  /* GOption replaces string defaults without freeing them: NULL means "the default". */
  g_auto(LicOptions) options = {
    .port = LIC_OPTION_UNSET, .threads = LIC_OPTION_UNSET, .keep_alive = DEFAULT_KEEP_ALIVE_S,
  };
  const GOptionEntry entries[] = {
    { "config", 0, 0, G_OPTION_ARG_FILENAME, &options.config,
      "Read options from this file; those given here win (see licentia-server.conf)", "PATH" },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &options.database,
      "The SQLite database, created and migrated on start (default: licentia.db)", "PATH" },
    { "address", 0, 0, G_OPTION_ARG_STRING, &options.address,
      "The IP address to listen on (default: 127.0.0.1)", "ADDRESS" },
    { "port", 0, 0, G_OPTION_ARG_INT, &options.port,
      "The port to listen on, 0 for any free one (default: 8080)", "PORT" },
    { "threads", 0, 0, G_OPTION_ARG_INT, &options.threads,
      "Requests answered at once (default: the number of cores)", "N" },
    { "tls-certificate", 0, 0, G_OPTION_ARG_FILENAME, &options.tls_certificate,
      "Serve HTTPS with this certificate (chain), a PEM file; needs --tls-key", "PEM" },
    { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &options.tls_key,
      "The certificate's private key, an unencrypted PEM file not readable by all", "PEM" },
    { "demo", 0, 0, G_OPTION_ARG_NONE, &options.demo,
      "Load the demo data unless it is there already", NULL },
    { "demo-users", 0, 0, G_OPTION_ARG_INT, &options.demo_users,
      "With --demo, also load a municipality of about N users unless one is there already",
      "N" },
    { "test-clock", 0, 0, G_OPTION_ARG_NONE, &options.test_clock,
      "Let POST /api/v1/test/clock set the time; for tests only", NULL },
    { "smtp", 0, 0, G_OPTION_ARG_STRING, &options.smtp_url,
      "Send e-mail through this relay: smtp://HOST:PORT or smtps://HOST:PORT "
      "(default: into the maildir)", "URL" },
    { "smtp-user", 0, 0, G_OPTION_ARG_STRING, &options.smtp_user,
      "Sign in to the relay as NAME, with the password in $" SMTP_PASSWORD_VARIABLE
      " or systemd's credential " SMTP_PASSWORD_CREDENTIAL, "NAME" },
    { "maildir", 0, 0, G_OPTION_ARG_FILENAME, &options.maildir,
      "Without --smtp, deliver e-mail into this maildir (default: the database's path and "
      "“.maildir”)", "DIR" },
    { "mail-from", 0, 0, G_OPTION_ARG_STRING, &options.mail_from,
      "The sender of e-mails (default: Licentia <noreply@HOSTNAME>)", "ADDRESS" },
    { "event-keep-alive", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, &options.keep_alive,
      "Seconds between keep-alive comments of event streams; for tests", "SECONDS" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("[deliver ORDER_ID | supplier-key "
                                                            "\"SUPPLIER NAME\"] - the licensing "
                                                            "backend of Licentia");

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return FALSE;
  if ((options.port != LIC_OPTION_UNSET && (options.port < 0 || options.port > G_MAXUINT16))
      || (options.threads != LIC_OPTION_UNSET && options.threads < 1)
      || options.keep_alive < 1)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           options.threads != LIC_OPTION_UNSET && options.threads < 1
                           ? "--threads must be at least 1"
                           : options.keep_alive < 1 ? "--event-keep-alive must be at least 1"
                           : "--port must be from 0 to 65535");
      return FALSE;
    }
  if (options.demo_users != 0 && (!options.demo || options.demo_users < 1
                                  || options.demo_users > 10000000))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           "--demo-users needs --demo and a number from 1 to 10000000");
      return FALSE;
    }

  /* The file fills what the command line left unset; then the defaults fill the rest. */
  if (options.config != NULL && !lic_options_load_file (&options, options.config, error))
    return FALSE;
  if ((options.tls_certificate == NULL) != (options.tls_key == NULL))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           "--tls-certificate and --tls-key go together: give both or neither");
      return FALSE;
    }

  if (options.port == LIC_OPTION_UNSET)
    options.port = 8080;
  if (options.threads == LIC_OPTION_UNSET)
    options.threads = (int) g_get_num_processors ();
  if (options.database == NULL)
    options.database = g_strdup ("licentia.db");
  if (options.address == NULL)
    options.address = g_strdup ("127.0.0.1");
  if (options.mail_from == NULL)
    options.mail_from = g_strdup_printf ("Licentia <noreply@%s>", g_get_host_name ());

  if (argc > 1)
    return run_command (&options, argc, argv, error);
  return serve (&options, error);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  const char *localedir = g_getenv ("LICENTIA_SERVER_LOCALEDIR");

  /* Messages in the terminal's character set, but in English: the log is for whoever runs the
   * server. What the server writes for people is in their language, whatever the process's
   * locale: see lic-i18n.c. */
  setlocale (LC_ALL, "");
  setlocale (LC_MESSAGES, "C");
  /* stdout carries the port; everything else, info and debug messages too, goes to stderr. */
  g_log_writer_default_set_use_stderr (TRUE);
  /* $LICENTIA_SERVER_LOCALEDIR runs the server uninstalled with the catalogs of the build
   * folder. */
  lic_i18n_init (localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  g_set_prgname ("licentia-server");
  /* Once, before any thread: the mailer's sends use libcurl. */
  curl_global_init (CURL_GLOBAL_DEFAULT);

  ok = run (argc, argv, &error);
  curl_global_cleanup ();
  if (!ok)
    {
      g_printerr ("licentia-server: %s\n", error->message);
      return 1;
    }
  return 0;
}
