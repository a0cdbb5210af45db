/* test-server-delivery.c: suppliers deliver, admins activate, everyone concerned is told.
 *
 * The server sends its e-mails to a real SMTP server (tests/support/lic-smtp-sink.py), whose
 * messages the tests read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lic-server-test.h"
#include "lic-test-mail.h"

static LicTestSmtp *smtp;
static LicTestServer *server;
static char *sundby;                /* organization admin of Sundby kommun */
static char *ekbacke;               /* school admin of Ekbackeskolan */
static char *koivula;               /* organization admin of Koivulan kaupunki */

#define EVA "eva.lindqvist@sundby.example.se"
#define JOHAN "johan.berglund@ekbacke.example.se"

static guint
count_mails (void)
{
  g_autoptr(GPtrArray) mails = lic_test_smtp_get_mails (smtp);

  return mails->len;
}

/* Waits for @count e-mails more than @before, and gives them. */
static GPtrArray *
wait_mails (guint before,
            guint count)
{
  g_autoptr(GPtrArray) mails = lic_test_smtp_wait (smtp, before + count);

  g_assert_cmpuint (mails->len, ==, before + count);
  g_ptr_array_remove_range (mails, 0, before);
  return g_steal_pointer (&mails);
}

static GPtrArray *
notifications (const char *token)
{
  return lic_list_all (server, token, "/api/v1/notifications", 200, NULL);
}

/* The activation code of an activation e-mail, from its link; the text has it too. */
static char *
activation_code (LicTestMail *mail)
{
  g_autoptr(GRegex) link = g_regex_new ("licentia://activate\\?code=([A-Z0-9]{4}-[A-Z0-9]{4}-"
                                        "[A-Z0-9]{4})\n", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *code = NULL;
  g_autofree char *in_text = NULL;

  g_assert_true (g_regex_match (link, mail->body, 0, &match));
  code = g_match_info_fetch (match, 1);
  in_text = g_strdup_printf ("\n    %s\n", code);
  g_assert_nonnull (strstr (mail->body, in_text));
  return g_steal_pointer (&code);
}

static LicReply *
activate (const char *token,
          const char *code)
{
  g_autofree char *json = g_strdup_printf ("{\"code\": \"%s\"}", code);

  return lic_post_json (server, "/api/v1/activations", token, json);
}

static LicReply *
deliver (const char *key,
         gint64      order_id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/supplier/orders/%" G_GINT64_FORMAT
                                           "/deliver", order_id);

  return lic_send (lic_message_new (server, "POST", path, key));
}

static JsonObject *
get_order (gint64 order_id)
{
  g_autoptr(LicReply) reply = lic_get (server, sundby, "/api/v1/orders/%" G_GINT64_FORMAT,
                                       order_id);

  lic_assert_reply (reply, 200, NULL);
  return json_object_ref (lic_reply_object (reply));
}

/* Runs licentia-server's command line on the test server's database. */
static int
run_command (const char  *command,
             const char  *argument,
             char       **out,
             char       **err)
{
  const char *argv[] = {
    g_getenv ("LICENTIA_SERVER"), "--database", lic_test_server_get_database (server), command,
    argument, NULL,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                                            | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                                                      &error);

  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

/* Asserts that every admin of Ekbackeskolan was e-mailed once about the licenses, and nobody
 * else. */
static void
assert_admins_mailed (GPtrArray  *mails,
                      const char *subject)
{
  gboolean eva = FALSE;
  gboolean johan = FALSE;

  /* The two demo accounts, and the principal, who has no account here. */
  g_assert_cmpuint (mails->len, ==, 3);
  for (guint i = 0; i < mails->len; i++)
    {
      LicTestMail *mail = g_ptr_array_index (mails, i);
      g_autofree char *bracketed = g_strdup_printf ("<%s>", mail->envelope_to);

      g_assert_cmpstr (lic_test_mail_get_header (mail, "Subject"), ==, subject);
      g_assert_true (g_str_has_suffix (mail->envelope_to, "@sundby.example.se")
                     || g_str_has_suffix (mail->envelope_to, "@ekbacke.example.se"));
      g_assert_true (g_str_has_suffix (lic_test_mail_get_header (mail, "To"), bracketed));
      /* SMTP carries lines ended by CRLF. */
      g_assert_nonnull (strstr (mail->raw, "\r\nSubject: "));
      eva |= g_str_equal (mail->envelope_to, EVA);
      johan |= g_str_equal (mail->envelope_to, JOHAN);
    }
  g_assert_true (eva);
  g_assert_true (johan);
}

static JsonObject *
find_notification (GPtrArray *list,
                   gint64     order_line_id)
{
  for (guint i = 0; i < list->len; i++)
    if (json_object_get_int_member (g_ptr_array_index (list, i), "order_line_id")
        == order_line_id)
      return g_ptr_array_index (list, i);
  return NULL;
}

static void
test_supplier_delivers (void)
{
  guint mails_before = count_mails ();
  g_autoptr(JsonObject) order = lic_buy (server, sundby, "Kemilabbet 3D", "Ekbackeskolan", 6);
  gint64 order_id = json_object_get_int_member (order, "id");
  gint64 line_id = json_object_get_int_member (lic_order_line (order, 0), "id");
  g_autoptr(GPtrArray) finnish_before = notifications (koivula);
  g_autoptr(LicReply) other_supplier = deliver ("demo-key-lumo", order_id);
  g_autoptr(LicReply) user_token = deliver (sundby, order_id);
  g_autoptr(LicReply) no_key = deliver (NULL, order_id);
  g_autoptr(LicReply) delivered = NULL;
  g_autoptr(LicReply) again = NULL;
  g_autoptr(GPtrArray) admin = NULL;
  g_autoptr(GPtrArray) school_admin = NULL;
  g_autoptr(GPtrArray) finnish = NULL;
  g_autoptr(GPtrArray) mails = NULL;
  g_autoptr(JsonObject) pool = NULL;
  g_autofree char *pool_path = NULL;
  JsonObject *line;
  JsonObject *notice;

  lic_assert_reply (other_supplier, 404, "not_found");
  lic_assert_reply (user_token, 401, "unauthorized");
  lic_assert_reply (no_key, 401, "unauthorized");

  delivered = deliver ("demo-key-nordlar", order_id);
  lic_assert_reply (delivered, 200, NULL);
  line = lic_order_line (json_object_get_object_member (lic_reply_object (delivered), "order"),
                         0);
  g_assert_cmpstr (json_object_get_string_member (line, "state"), ==, "delivered");
  g_assert_cmpstr (json_object_get_string_member (line, "status_text"), ==,
                   "Delivered · 0 of 6 assigned");
  again = deliver ("demo-key-nordlar", order_id);
  lic_assert_reply (again, 409, "conflict");

  pool_path = g_strdup_printf ("/api/v1/pools/%" G_GINT64_FORMAT,
                               json_object_get_int_member (line, "pool_id"));
  {
    g_autoptr(LicReply) reply = lic_get (server, sundby, "%s", pool_path);

    lic_assert_reply (reply, 200, NULL);
    pool = json_object_ref (lic_reply_object (reply));
  }
  g_assert_cmpint (json_object_get_int_member (pool, "available"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (pool, "awaiting_delivery"), ==, 0);
  g_assert_true (json_object_get_null_member (pool, "awaiting_since"));

  /* Every admin of the school hears of it: the organization's and the school's. */
  admin = notifications (sundby);
  school_admin = notifications (ekbacke);
  finnish = notifications (koivula);
  notice = find_notification (admin, line_id);
  g_assert_nonnull (notice);
  g_assert_cmpstr (json_object_get_string_member (notice, "kind"), ==, "delivered");
  g_assert_false (json_object_get_boolean_member (notice, "read"));
  g_assert_cmpint (json_object_get_int_member (notice, "order_id"), ==, order_id);
  g_assert_cmpstr (json_object_get_string_member (notice, "product_name"), ==, "Kemilabbet 3D");
  g_assert_cmpstr (json_object_get_string_member (notice, "school_name"), ==, "Ekbackeskolan");
  g_assert_cmpint (json_object_get_int_member (notice, "quantity"), ==, 6);
  g_assert_cmpstr (json_object_get_string_member (notice, "text"), ==,
                   "6 licenses of Kemilabbet 3D have arrived at Ekbackeskolan.");
  g_assert_nonnull (find_notification (school_admin, line_id));
  g_assert_cmpuint (finnish->len, ==, finnish_before->len);

  /* And an e-mail; the buyer was e-mailed nothing at checkout. */
  mails = wait_mails (mails_before, 3);
  assert_admins_mailed (mails, "Licenses of Kemilabbet 3D have arrived at Ekbackeskolan");
}

static void
test_notifications_read (void)
{
  g_autoptr(GPtrArray) before = notifications (sundby);
  gint64 id = json_object_get_int_member (g_ptr_array_index (before, 0), "id");
  g_autofree char *body = g_strdup_printf ("{\"ids\": [%" G_GINT64_FORMAT ", 999999]}", id);
  g_autoptr(LicReply) foreign = lic_post_json (server, "/api/v1/notifications/read", koivula,
                                               body);
  g_autoptr(GPtrArray) untouched = notifications (sundby);
  g_autoptr(LicReply) read = lic_post_json (server, "/api/v1/notifications/read", sundby, body);
  g_autoptr(LicReply) bad = lic_post_json (server, "/api/v1/notifications/read", sundby,
                                           "{\"ids\": \"all\"}");
  g_autoptr(GPtrArray) after = notifications (sundby);

  /* Only one's own are marked; others' ids are passed over. */
  lic_assert_reply (foreign, 204, NULL);
  g_assert_false (json_object_get_boolean_member (g_ptr_array_index (untouched, 0), "read"));
  lic_assert_reply (read, 204, NULL);
  g_assert_null (read->root);
  lic_assert_reply (bad, 400, "invalid");
  g_assert_true (json_object_get_boolean_member (g_ptr_array_index (after, 0), "read"));
  g_assert_cmpuint (after->len, ==, before->len);
}

static void
test_command_line (void)
{
  g_autoptr(JsonObject) atlas = lic_buy (server, sundby, "History Atlas", "Solbergagymnasiet", 4);
  g_autoptr(JsonObject) bildrummet = lic_buy (server, sundby, "Bildrummet", "Solbergagymnasiet",
                                              1);
  gint64 atlas_id = json_object_get_int_member (atlas, "id");
  g_autofree char *atlas_text = g_strdup_printf ("%" G_GINT64_FORMAT, atlas_id);
  guint mails_before = count_mails ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonObject) delivered = NULL;
  g_autoptr(LicReply) with_new_key = NULL;
  g_autoptr(GPtrArray) school_admin = NULL;
  g_autoptr(GPtrArray) mails = NULL;
  g_autofree char *key = NULL;

  /* Delivered from the command line while the server runs on the same database. */
  g_assert_cmpint (run_command ("deliver", atlas_text, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "History Atlas for Solbergagymnasiet: Delivered · 0 of 4 "
                                 "assigned"));
  delivered = get_order (atlas_id);
  g_assert_cmpstr (json_object_get_string_member (lic_order_line (delivered, 0), "state"), ==,
                   "delivered");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_command ("deliver", atlas_text, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "has no lines awaiting delivery"));

  /* Solbergagymnasiet's admins are e-mailed (Eva and the principal): the server's sender
   * finds what the command line put in the outbox. */
  mails = wait_mails (mails_before, 2);
  for (guint i = 0; i < mails->len; i++)
    g_assert_cmpstr (lic_test_mail_get_header (g_ptr_array_index (mails, i), "Subject"), ==,
                     "Licenses of History Atlas have arrived at Solbergagymnasiet");
  school_admin = notifications (ekbacke);
  g_assert_null (find_notification (school_admin, json_object_get_int_member (
                                      lic_order_line (delivered, 0), "id")));

  /* A new supplier key from the command line works at once. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_command ("supplier-key", "Lumo Learning Oy", &out, &err), ==, 0);
  key = g_strdup (g_strstrip (out));
  g_assert_cmpuint (strlen (key), ==, 43);
  with_new_key = deliver (key, json_object_get_int_member (bildrummet, "id"));
  lic_assert_reply (with_new_key, 200, NULL);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_command ("supplier-key", "Nobody AB", &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "There is no supplier named “Nobody AB”."));

  /* Bildrummet's e-mails, so that the tests after start from a quiet outbox. */
  g_clear_pointer (&mails, g_ptr_array_unref);
  mails = wait_mails (mails_before + 2, 2);
}

static void
test_activation (void)
{
  guint mails_before = count_mails ();
  g_autoptr(JsonObject) order = lic_buy (server, sundby, "Klassrumsplanen", "Ekbackeskolan", 1);
  gint64 order_id = json_object_get_int_member (order, "id");
  JsonObject *ordered = lic_order_line (order, 0);
  g_autoptr(GPtrArray) mails = wait_mails (mails_before, 1);
  LicTestMail *mail = g_ptr_array_index (mails, 0);
  g_autofree char *code = activation_code (mail);
  g_autofree char *typed = g_ascii_strdown (code, -1);
  g_autoptr(LicReply) foreign = NULL;
  g_autoptr(LicReply) wrong = NULL;
  g_autoptr(LicReply) accepted = NULL;
  g_autoptr(LicReply) used = NULL;
  g_autoptr(JsonObject) unchanged = NULL;
  g_autoptr(GPtrArray) delivered_mails = NULL;
  JsonObject *line;

  g_assert_cmpstr (mail->envelope_to, ==, EVA);
  g_assert_cmpstr (lic_test_mail_get_header (mail, "Subject"), ==,
                   "Activate your licenses of Klassrumsplanen");

  /* Another organization's admin, and a code that is no code: not found, nothing changes. */
  foreign = activate (koivula, code);
  lic_assert_reply (foreign, 404, "not_found");
  g_assert_cmpstr (lic_reply_error_message (foreign), ==,
                   "This activation code is not valid. Check that you copied all of it.");
  wrong = activate (sundby, "AAAA-BBBB-CCCC");
  lic_assert_reply (wrong, 404, "not_found");
  unchanged = get_order (order_id);
  g_assert_cmpstr (json_object_get_string_member (lic_order_line (unchanged, 0), "state"), ==,
                   "activation_mail_sent");

  /* Typed in small letters without dashes, it is the same code. */
  g_strdelimit (typed, "-", ' ');
  accepted = activate (sundby, typed);
  lic_assert_reply (accepted, 200, NULL);
  line = lic_order_line (json_object_get_object_member (lic_reply_object (accepted), "order"), 0);
  g_assert_cmpstr (json_object_get_string_member (line, "state"), ==, "delivered");
  g_assert_cmpint (json_object_get_int_member (lic_reply_object (accepted), "pool_id"), ==,
                   json_object_get_int_member (ordered, "pool_id"));

  used = activate (sundby, code);
  lic_assert_reply (used, 409, "conflict");
  g_assert_cmpstr (lic_reply_error_message (used), ==,
                   "This activation code has been used already.");

  delivered_mails = wait_mails (mails_before + 1, 3);
  assert_admins_mailed (delivered_mails, "Licenses of Klassrumsplanen have arrived at "
                                         "Ekbackeskolan");
}

static void
test_reissue (void)
{
  guint mails_before = count_mails ();
  g_autoptr(JsonObject) order = lic_buy (server, sundby, "Kielikompassi", "Solbergagymnasiet", 5);
  gint64 line_id = json_object_get_int_member (lic_order_line (order, 0), "id");
  g_autofree char *body = g_strdup_printf ("{\"order_line_id\": %" G_GINT64_FORMAT "}", line_id);
  g_autoptr(GPtrArray) first_mails = wait_mails (mails_before, 1);
  g_autofree char *first_code = activation_code (g_ptr_array_index (first_mails, 0));
  g_autoptr(LicReply) other_supplier = lic_post_json (server, "/api/v1/supplier/activations",
                                                      "demo-key-nordlar", body);
  g_autoptr(LicReply) reissued = lic_post_json (server, "/api/v1/supplier/activations",
                                                "demo-key-kieliverkko", body);
  g_autoptr(LicReply) missing = lic_post_json (server, "/api/v1/supplier/activations",
                                               "demo-key-kieliverkko", "{}");
  g_autoptr(GPtrArray) second_mails = wait_mails (mails_before + 1, 1);
  LicTestMail *second = g_ptr_array_index (second_mails, 0);
  g_autofree char *second_code = activation_code (second);
  g_autoptr(LicReply) old = activate (sundby, first_code);
  g_autoptr(LicReply) fresh = activate (sundby, second_code);
  g_autoptr(LicReply) too_late = lic_post_json (server, "/api/v1/supplier/activations",
                                                "demo-key-kieliverkko", body);

  lic_assert_reply (other_supplier, 404, "not_found");
  lic_assert_reply (reissued, 201, NULL);
  g_assert_cmpint (json_object_get_int_member (lic_reply_object (reissued), "order_line_id"), ==,
                   line_id);
  g_assert_nonnull (json_object_get_string_member (lic_reply_object (reissued), "expires_at"));
  lic_assert_reply (missing, 400, "invalid");

  /* The new code goes where the first went, and the first stops working. */
  g_assert_cmpstr (second->envelope_to, ==, EVA);
  g_assert_cmpstr (second_code, !=, first_code);
  lic_assert_reply (old, 404, "not_found");
  lic_assert_reply (fresh, 200, NULL);
  lic_assert_reply (too_late, 409, "conflict");

  /* Solbergagymnasiet's two admins hear of the delivery. */
  g_clear_pointer (&second_mails, g_ptr_array_unref);
  second_mails = wait_mails (mails_before + 2, 2);
}

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
set_clock (LicTestServer *clock_server,
           const char    *now)
{
  g_autofree char *body = g_strdup_printf ("{\"now\": \"%s\"}", now);
  g_autoptr(LicReply) reply = lic_post_json (clock_server, "/api/v1/test/clock", NULL, body);

  lic_assert_reply (reply, 200, NULL);
}

static void
test_expired_code (void)
{
  const char *args[] = { "--demo", "--test-clock", NULL };
  g_autoptr(LicTestServer) clock_server = lic_test_server_start (args);
  g_autofree char *token = NULL;
  g_autofree char *maildir = g_strconcat (lic_test_server_get_database (clock_server), ".maildir",
                                          NULL);
  MaildirWait wait = { maildir, 1 };
  g_autoptr(JsonObject) order = NULL;
  g_autoptr(GPtrArray) mails = NULL;
  g_autoptr(LicReply) expired = NULL;
  g_autoptr(LicReply) after = NULL;
  g_autofree char *code = NULL;
  g_autofree char *body = NULL;

  /* The demo's users read Swedish and Finnish; this suite reads the e-mails in English. */
  lic_db_exec (lic_test_server_get_database (clock_server), "UPDATE users SET language = 'en'");
  token = lic_sign_in (clock_server, "demo-admin", "demo-admin");

  /* Before the demo's first term ends (Scriptoria Writer's, on 31 January 2027): the clock
   * runs the compliance sweep, whose e-mails would come first. */
  set_clock (clock_server, "2026-12-03T09:00:00Z");
  order = lic_buy (clock_server, token, "Scriptoria Writer", "Ekbackeskolan", 2);
  lic_test_wait_until (maildir_has, &wait, "the activation e-mail in the maildir");
  mails = lic_test_maildir_get_mails (maildir);
  code = activation_code (g_ptr_array_index (mails, 0));
  g_assert_nonnull (strstr (((LicTestMail *) g_ptr_array_index (mails, 0))->body,
                            "The code works once, until 17 December 2026."));

  set_clock (clock_server, "2026-12-18T09:00:00Z");
  body = g_strdup_printf ("{\"code\": \"%s\"}", code);
  expired = lic_post_json (clock_server, "/api/v1/activations", token, body);
  lic_assert_reply (expired, 409, "conflict");
  g_assert_cmpstr (lic_reply_error_message (expired), ==,
                   "This activation code expired on 17 December 2026. Ask the supplier for a new "
                   "activation e-mail.");
  after = lic_get (clock_server, token, "/api/v1/orders/%" G_GINT64_FORMAT,
                   json_object_get_int_member (order, "id"));
  g_assert_cmpstr (json_object_get_string_member (lic_order_line (lic_reply_object (after), 0),
                                                  "state"), ==, "activation_mail_sent");
}

int
main (int    argc,
      char **argv)
{
  const char *args[] = { "--demo", "--smtp", NULL, NULL };
  int result;

  g_test_init (&argc, &argv, NULL);

  smtp = lic_test_smtp_start ();
  args[2] = lic_test_smtp_get_url (smtp);
  server = lic_test_server_start (args);
  /* The demo's users read Swedish and Finnish; this suite reads the e-mails in English (and
   * test-server-i18n in the users' languages). */
  lic_db_exec (lic_test_server_get_database (server), "UPDATE users SET language = 'en'");
  sundby = lic_sign_in (server, "demo-admin", "demo-admin");
  ekbacke = lic_sign_in (server, "demo-school", "demo-school");
  koivula = lic_sign_in (server, "demo-fi", "demo-fi");

  g_test_add_func ("/server/delivery/supplier-delivers", test_supplier_delivers);
  g_test_add_func ("/server/delivery/notifications-read", test_notifications_read);
  g_test_add_func ("/server/delivery/command-line", test_command_line);
  g_test_add_func ("/server/delivery/activation", test_activation);
  g_test_add_func ("/server/delivery/reissue", test_reissue);
  g_test_add_func ("/server/delivery/expired-code", test_expired_code);
  result = g_test_run ();

  g_free (sundby);
  g_free (ekbacke);
  g_free (koivula);
  lic_test_server_stop (server);
  lic_test_smtp_stop (smtp);
  return result;
}
