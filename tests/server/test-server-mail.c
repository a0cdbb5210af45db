/* test-server-mail.c: the outbox: the form of its e-mails, the maildir, and retries.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "lic-server-test.h"
#include "lic-test-mail.h"

typedef struct
{
  const char *maildir;
  guint count;
} MaildirWait;

static gboolean
maildir_has (gpointer data)
{
  MaildirWait *wait = data;
  g_autoptr(GPtrArray) mails = lic_test_maildir_get_mails (wait->maildir);

  return mails->len >= wait->count;
}

static void
deliver (LicTestServer *server,
         const char    *key,
         JsonObject    *order)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/supplier/orders/%" G_GINT64_FORMAT
                                           "/deliver", json_object_get_int_member (order, "id"));
  g_autoptr(LicReply) reply = lic_send (lic_message_new (server, "POST", path, key));

  lic_assert_reply (reply, 200, NULL);
}

/* The text of a header written as RFC 2047 encoded words. */
static char *
decode_words (const char *header)
{
  g_auto(GStrv) words = g_strsplit (header, " ", -1);
  GString *text = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree guchar *decoded = NULL;
      g_autofree char *base64 = NULL;
      gsize length;

      g_assert_true (g_str_has_prefix (words[i], "=?UTF-8?B?"));
      g_assert_true (g_str_has_suffix (words[i], "?="));
      base64 = g_strndup (words[i] + 10, strlen (words[i]) - 12);
      decoded = g_base64_decode (base64, &length);
      g_string_append_len (text, (const char *) decoded, length);
    }
  return g_string_free (text, FALSE);
}

static void
test_maildir_format (void)
{
  const char *args[] = { "--demo", "--mail-from", "Licentia Test <noreply@licentia.test>", NULL };
  g_autoptr(LicTestServer) server = lic_test_server_start (args);
  g_autofree char *token = lic_sign_in (server, "demo-fi", "demo-fi");
  g_autofree char *maildir = g_strconcat (lic_test_server_get_database (server), ".maildir",
                                          NULL);
  g_autofree char *tmp = g_build_filename (maildir, "tmp", NULL);
  g_autoptr(GDir) tmp_dir = NULL;
  MaildirWait wait = { maildir, 2 };
  g_autoptr(JsonObject) order = lic_buy (server, token, "Ruotsia rennosti",
                                         "Koivulan yhtenäiskoulu", 3);
  g_autoptr(GPtrArray) mails = NULL;
  gboolean liisa = FALSE;

  deliver (server, "demo-key-kieliverkko", order);
  lic_test_wait_until (maildir_has, &wait, "two e-mails in the maildir");
  mails = lic_test_maildir_get_mails (maildir);
  g_assert_cmpuint (mails->len, ==, 2);
  tmp_dir = g_dir_open (tmp, 0, NULL);
  g_assert_nonnull (tmp_dir);
  g_assert_null (g_dir_read_name (tmp_dir));

  for (guint i = 0; i < mails->len; i++)
    {
      LicTestMail *mail = g_ptr_array_index (mails, i);
      g_autofree char *subject = decode_words (lic_test_mail_get_header (mail, "Subject"));
      g_auto(GStrv) lines = g_strsplit (mail->raw, "\n", -1);

      g_assert_cmpstr (lic_test_mail_get_header (mail, "From"), ==,
                       "\"Licentia Test\" <noreply@licentia.test>");
      /* The admins of Koivula read Finnish: a subject of encoded words. */
      g_assert_cmpstr (subject, ==,
                       "Tuotteen Ruotsia rennosti käyttöoikeudet on toimitettu kouluun "
                       "Koivulan yhtenäiskoulu");
      g_assert_true (g_str_has_suffix (lic_test_mail_get_header (mail, "Date"), " +0000"));
      g_assert_true (g_str_has_suffix (lic_test_mail_get_header (mail, "Message-ID"),
                                       "@licentia.test>"));
      g_assert_cmpstr (lic_test_mail_get_header (mail, "MIME-Version"), ==, "1.0");
      g_assert_cmpstr (lic_test_mail_get_header (mail, "Content-Type"), ==,
                       "text/plain; charset=UTF-8");
      g_assert_cmpstr (lic_test_mail_get_header (mail, "Content-Transfer-Encoding"), ==,
                       "quoted-printable");
      g_assert_nonnull (strstr (mail->body, "kouluun Koivulan yhtenäiskoulu (tilaus"));

      /* A maildir's lines end with LF, and none is longer than e-mail lines should be. */
      g_assert_null (strchr (mail->raw, '\r'));
      for (guint l = 0; lines[l] != NULL; l++)
        g_assert_cmpuint (strlen (lines[l]), <=, 78);

      if (g_str_has_suffix (lic_test_mail_get_header (mail, "To"),
                            " <liisa.koskinen@koivula.example.fi>"))
        {
          liisa = TRUE;
          g_assert_true (g_str_has_prefix (mail->body, "Hei Liisa Koskinen!\n"));
        }
    }
  g_assert_true (liisa);
  g_assert_cmpstr (lic_test_mail_get_header (g_ptr_array_index (mails, 0), "Message-ID"), !=,
                   lic_test_mail_get_header (g_ptr_array_index (mails, 1), "Message-ID"));
}

typedef struct
{
  const char *database;
  const char *sql;
} DatabaseWait;

static gboolean
database_says (gpointer data)
{
  DatabaseWait *wait = data;

  return lic_db_query_int (wait->database, wait->sql) > 0;
}

static guint
count_message_id (GPtrArray  *mails,
                  const char *message_id)
{
  guint count = 0;

  for (guint i = 0; i < mails->len; i++)
    count += g_strcmp0 (lic_test_mail_get_header (g_ptr_array_index (mails, i), "Message-ID"),
                        message_id) == 0;
  return count;
}

static void
test_retry (void)
{
  g_autoptr(LicTestSmtp) smtp = lic_test_smtp_start ();
  const char *args[] = { "--demo", "--smtp", lic_test_smtp_get_url (smtp), NULL };
  g_autoptr(LicTestServer) server = NULL;
  g_autofree char *token = NULL;
  g_autoptr(JsonObject) order = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) both = NULL;
  g_autoptr(LicReply) reissued = NULL;
  g_autofree char *first_id = NULL;
  g_autofree char *body = NULL;
  DatabaseWait failed = {
    NULL, "SELECT count (*) FROM outbox WHERE attempts >= 1 AND last_error IS NOT NULL"
          " AND sent_at IS NULL",
  };

  /* The relay is down when the e-mail is written. */
  lic_test_smtp_kill (smtp);
  server = lic_test_server_start (args);
  failed.database = lic_test_server_get_database (server);
  token = lic_sign_in (server, "demo-admin", "demo-admin");
  order = lic_buy (server, token, "Klassrumsplanen", "Ekbackeskolan", 1);
  lic_test_wait_until (database_says, &failed, "a failed send recorded in the outbox");
  g_assert_cmpint (lic_db_query_int (failed.database, "SELECT count (*) FROM outbox"), ==, 1);

  /* Back up: the e-mail goes out on the next try, once. */
  lic_test_smtp_restart (smtp);
  first = lic_test_smtp_wait (smtp, 1);
  g_assert_cmpstr (((LicTestMail *) g_ptr_array_index (first, 0))->envelope_to, ==,
                   "eva.lindqvist@sundby.example.se");
  first_id = g_strdup (lic_test_mail_get_header (g_ptr_array_index (first, 0), "Message-ID"));
  failed.sql = "SELECT count (*) FROM outbox WHERE sent_at IS NOT NULL AND attempts >= 2";
  lic_test_wait_until (database_says, &failed, "the e-mail marked sent in the outbox");

  /* Another e-mail after it: when that one is in, the first has not come again. */
  body = g_strdup_printf ("{\"order_line_id\": %" G_GINT64_FORMAT "}",
                          json_object_get_int_member (lic_order_line (order, 0), "id"));
  reissued = lic_post_json (server, "/api/v1/supplier/activations", "demo-key-nordlar", body);
  lic_assert_reply (reissued, 201, NULL);
  both = lic_test_smtp_wait (smtp, 2);
  g_assert_cmpuint (both->len, ==, 2);
  g_assert_cmpuint (count_message_id (both, first_id), ==, 1);
  g_assert_cmpint (lic_db_query_int (failed.database,
                                     "SELECT count (*) FROM outbox WHERE sent_at IS NULL"), ==, 0);
}

/* Options the mailer cannot work with stop the server before it listens. */
static void
test_bad_options (void)
{
  const char *options[][2] = {
    { "--smtp", "http://mail.example.org" },
    { "--mail-from", "Licentia" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      g_autoptr(GError) error = NULL;
      char *dir = g_dir_make_tmp ("licentia-test-XXXXXX", &error);
      g_autofree char *database = g_build_filename (dir, "licentia.db", NULL);
      const char *argv[] = {
        g_getenv ("LICENTIA_SERVER"), "--port", "0", "--database", database, options[i][0],
        options[i][1], NULL,
      };
      g_autoptr(GSubprocess) process = NULL;
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_no_error (error);
      process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                         | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
      g_assert_no_error (error);
      g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
      g_assert_no_error (error);
      g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
      g_assert_cmpstr (out, ==, "");
      g_assert_nonnull (strstr (err, options[i][1]));

      g_remove (database);
      g_rmdir (dir);
      g_free (dir);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/mail/maildir-format", test_maildir_format);
  g_test_add_func ("/server/mail/retry", test_retry);
  g_test_add_func ("/server/mail/bad-options", test_bad_options);
  return g_test_run ();
}
