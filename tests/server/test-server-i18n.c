/* test-server-i18n.c: the server's texts in Swedish and Finnish: error messages by
 * Accept-Language, e-mails in the recipient's language, and English where a locale is missing.
 *
 * The servers run with LOCPATH=tests/locale (tests/build-locales), as the support library
 * starts them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "lic-server-test.h"
#include "lic-test-mail.h"

static LicReply *
send_typed_in (LicTestServer *server,
               const char    *language,
               const char    *method,
               const char    *path,
               const char    *token,
               const char    *content_type,
               const char    *text)
{
  SoupMessage *message = lic_message_new (server, method, path, token);

  if (language != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (message), "Accept-Language",
                                  language);
  if (text != NULL)
    {
      g_autoptr(GBytes) body = g_bytes_new (text, strlen (text));

      soup_message_set_request_body_from_bytes (message, content_type, body);
    }
  return lic_send (message);
}

static LicReply *
send_in (LicTestServer *server,
         const char    *language,
         const char    *method,
         const char    *path,
         const char    *token,
         const char    *json)
{
  return send_typed_in (server, language, method, path, token, "application/json", json);
}

static void
assert_message (LicTestServer *server,
                const char    *language,
                const char    *method,
                const char    *path,
                guint          status,
                const char    *code,
                const char    *expected)
{
  g_autoptr(LicReply) reply = send_in (server, language, method, path, NULL, NULL);

  lic_assert_reply (reply, status, code);
  g_assert_cmpstr (lic_reply_error_message (reply), ==, expected);
}

/* A 404 and a 405 in the language of Accept-Language, English without one. */
static void
test_errors (void)
{
  g_autoptr(LicTestServer) server = lic_test_server_start (NULL);

  assert_message (server, "sv", "GET", "/api/v1/nothing", 404, "not_found",
                  "/api/v1/nothing finns inte på den här servern.");
  assert_message (server, "fi-FI, sv;q=0.5", "GET", "/api/v1/nothing", 404, "not_found",
                  "Tällä palvelimella ei ole kohdetta /api/v1/nothing.");
  assert_message (server, NULL, "GET", "/api/v1/nothing", 404, "not_found",
                  "There is no /api/v1/nothing on this server.");
  assert_message (server, "de", "GET", "/api/v1/nothing", 404, "not_found",
                  "There is no /api/v1/nothing on this server.");
  assert_message (server, "sv", "DELETE", "/api/v1/health", 405, "method_not_allowed",
                  "/api/v1/health tar inte emot DELETE, bara GET.");
  /* One thread answers in one language, then in another. */
  for (guint i = 0; i < 4; i++)
    assert_message (server, i % 2 ? "sv" : "en", "GET", "/api/v1/nothing", 404, "not_found",
                    i % 2 ? "/api/v1/nothing finns inte på den här servern."
                    : "There is no /api/v1/nothing on this server.");
}

/* A 409 whose numbers take plural forms: assigning more users than licenses are free. */
static void
test_plural (void)
{
  g_autoptr(LicTestServer) server = lic_test_server_start_demo ();
  g_autofree char *token = lic_sign_in (server, "demo-admin", "demo-admin");
  gint64 product_id = lic_find_id (server, token, "/api/v1/products", "Fysikfabriken");
  gint64 school_id = lic_find_id (server, token, "/api/v1/schools", "Ekbackeskolan");
  g_autoptr(LicReply) pools = NULL;
  g_autoptr(GPtrArray) students = NULL;
  g_autoptr(GString) ids = g_string_new ("{\"user_ids\": [");
  g_autofree char *students_path = NULL;
  g_autofree char *path = NULL;
  JsonObject *pool;
  gint64 free_licenses, n;
  const char *languages[] = { "sv", "fi", NULL };
  char *expected[3];

  json_object_unref (lic_buy (server, token, "Fysikfabriken", "Ekbackeskolan", 3));
  pools = lic_get (server, token, "/api/v1/pools?school_id=%" G_GINT64_FORMAT "&product_id=%"
                   G_GINT64_FORMAT, school_id, product_id);
  lic_assert_reply (pools, 200, NULL);
  pool = json_array_get_object_element (lic_reply_items (pools), 0);
  free_licenses = json_object_get_int_member (pool, "available")
                  - json_object_get_int_member (pool, "assigned");
  g_assert_cmpint (free_licenses, >, 1);

  /* Students 3 on have no license of the pool: name five more than are free. */
  students_path = g_strdup_printf ("/api/v1/users?school_id=%" G_GINT64_FORMAT "&role=student",
                                   school_id);
  students = lic_list_all (server, token, students_path, 200, NULL);
  n = free_licenses + 5;
  g_assert_cmpuint (students->len, >=, 3 + n);
  for (gint64 i = 0; i < n; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? ", " : "",
                            json_object_get_int_member (g_ptr_array_index (students, 3 + i),
                                                        "id"));
  g_string_append (ids, "]}");
  path = g_strdup_printf ("/api/v1/pools/%" G_GINT64_FORMAT "/assignments",
                          json_object_get_int_member (pool, "id"));

  expected[0] = g_strdup_printf ("Att tilldela %" G_GINT64_FORMAT " användare kräver %"
                                 G_GINT64_FORMAT " licenser; %" G_GINT64_FORMAT " är lediga. "
                                 "Tilldela färre användare eller köp fler licenser.",
                                 n, n, free_licenses);
  expected[1] = g_strdup_printf ("%" G_GINT64_FORMAT " käyttäjän määrittäminen vaatii %"
                                 G_GINT64_FORMAT " käyttöoikeutta; vapaana on %" G_GINT64_FORMAT
                                 ". Määritä vähemmän käyttäjiä tai osta lisää käyttöoikeuksia.",
                                 n, n, free_licenses);
  expected[2] = g_strdup_printf ("Assigning %" G_GINT64_FORMAT " users needs %" G_GINT64_FORMAT
                                 " licenses; %" G_GINT64_FORMAT " are free. Assign fewer users "
                                 "or buy more licenses.", n, n, free_licenses);
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autoptr(LicReply) reply = send_in (server, languages[i], "POST", path, token, ids->str);

      lic_assert_reply (reply, 409, "conflict");
      g_assert_cmpstr (lic_reply_error_message (reply), ==, expected[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_free (expected[i]);
}

/* The same request in English (no Accept-Language), Swedish and Finnish: each answer's message
 * is the one expected, and a list of CSV row errors, when @row_errors has any, too. */
static void
assert_messages (LicTestServer      *server,
                 const char         *method,
                 const char         *path,
                 const char         *token,
                 const char         *content_type,
                 const char         *body,
                 guint               status,
                 const char         *code,
                 const char * const  expected[3],
                 const char * const  row_errors[3])
{
  const char *languages[] = { NULL, "sv", "fi-FI" };

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autoptr(LicReply) reply = send_typed_in (server, languages[i], method, path, token,
                                                 content_type, body);

      lic_assert_reply (reply, status, code);
      g_assert_cmpstr (lic_reply_error_message (reply), ==, expected[i]);
      if (row_errors != NULL)
        {
          JsonObject *error = json_object_get_object_member (lic_reply_object (reply), "error");
          JsonArray *rows = json_object_get_array_member (error, "rows");

          g_assert_cmpuint (json_array_get_length (rows), ==, 1);
          g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rows,
                                                                                         0),
                                                          "message"), ==, row_errors[i]);
        }
    }
}

/* Refusals of other routes and layers: the cart, the checkout (with numbers), a CSV import's
 * rows, a purchase request, the session and a member of the body, in the reader's language. */
static void
test_refusals (void)
{
  g_autoptr(LicTestServer) server = lic_test_server_start_demo ();
  g_autofree char *token = lic_sign_in (server, "demo-admin", "demo-admin");
  gint64 kemilabbet = lic_find_id (server, token, "/api/v1/products", "Kemilabbet 3D");
  gint64 school_id = lic_find_id (server, token, "/api/v1/schools", "Ekbackeskolan");
  g_autofree char *students_path = g_strdup_printf ("/api/v1/users?school_id=%" G_GINT64_FORMAT
                                                    "&role=student", school_id);
  g_autoptr(GPtrArray) students = lic_list_all (server, token, students_path, 200, NULL);
  g_autofree char *delayed_picks = NULL;
  g_autofree char *csv = NULL;
  const char *delayed[] = {
    "Licenses of Kemilabbet 3D are delivered later by the supplier and cannot be assigned in "
    "advance.",
    "Licenser av Kemilabbet 3D levereras senare av leverantören och kan inte tilldelas i "
    "förväg.",
    "Toimittaja toimittaa tuotteen Kemilabbet 3D käyttöoikeudet myöhemmin, joten niitä ei voi "
    "määrittää etukäteen.",
  };
  const char *short_key[] = {
    "“idempotency_key” must be text of 8 to 200 characters, made once for each checkout "
    "attempt.",
    "”idempotency_key” ska vara en text på 8 till 200 tecken, skapad en gång för varje försök "
    "att checka ut.",
    "Kentän ”idempotency_key” on oltava 8–200 merkin pituinen teksti, joka luodaan kerran "
    "jokaista tilausyritystä varten.",
  };
  const char *import[] = {
    "1 row has errors; nothing was imported.",
    "1 rad har fel; inget importerades.",
    "1 rivillä on virheitä; mitään ei tuotu.",
  };
  const char *role[] = {
    "role “janitor” is not student, teacher or administrator",
    "rollen ”janitor” är inte student, teacher eller administrator",
    "rooli ”janitor” ei ole student, teacher tai administrator",
  };
  const char *no_request[] = {
    "There is no purchase request 999999 in your schools.",
    "Det finns ingen inköpsbegäran 999999 på dina skolor.",
    "Kouluissasi ei ole ostopyyntöä 999999.",
  };
  const char *missing[] = {
    "“idempotency_key” is missing.",
    "”idempotency_key” saknas.",
    "Kenttä ”idempotency_key” puuttuu.",
  };
  const char *no_token[] = {
    "Sign in first: the request has no session token.",
    "Logga in först: begäran har ingen sessionstoken.",
    "Kirjaudu sisään ensin: pyynnössä ei ole istuntotunnusta.",
  };

  g_assert_cmpuint (students->len, >, 0);
  delayed_picks = g_strdup_printf ("{\"product_id\": %" G_GINT64_FORMAT ", \"school_id\": %"
                                   G_GINT64_FORMAT ", \"quantity\": 5, \"user_ids\": [%"
                                   G_GINT64_FORMAT "]}", kemilabbet, school_id,
                                   json_object_get_int_member (g_ptr_array_index (students, 0),
                                                               "id"));
  assert_messages (server, "POST", "/api/v1/cart/lines", token, "application/json",
                   delayed_picks, 400, "invalid", delayed, NULL);
  assert_messages (server, "POST", "/api/v1/checkout", token, "application/json",
                   "{\"payment\": \"order\", \"idempotency_key\": \"short\"}", 400, "invalid",
                   short_key, NULL);
  csv = g_strdup_printf ("username,name,email,role,school_id,groups\r\n"
                         "i18n.janitor,Janitor,,janitor,%" G_GINT64_FORMAT ",\r\n", school_id);
  assert_messages (server, "POST", "/api/v1/users/import", token, "text/csv; charset=utf-8", csv,
                   400, "invalid", import, role);
  assert_messages (server, "GET", "/api/v1/purchase-requests/999999", token, NULL, NULL, 404,
                   "not_found", no_request, NULL);
  assert_messages (server, "POST", "/api/v1/purchase-requests/999999/order", token,
                   "application/json", "{}", 400, "invalid", missing, NULL);
  assert_messages (server, "GET", "/api/v1/cart", NULL, NULL, NULL, 401, "unauthorized",
                   no_token, NULL);
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

/* A header as people read it: RFC 2047 encoded words decoded. */
static char *
header_text (LicTestMail *mail,
             const char  *name)
{
  const char *header = lic_test_mail_get_header (mail, name);
  g_auto(GStrv) words = NULL;
  GString *text;

  if (!g_str_has_prefix (header, "=?UTF-8?B?"))
    return g_strdup (header);
  words = g_strsplit (header, " ", -1);
  text = g_string_new (NULL);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *base64 = g_strndup (words[i] + 10, strlen (words[i]) - 12);
      g_autofree guchar *decoded = NULL;
      gsize length;

      decoded = g_base64_decode (base64, &length);
      g_string_append_len (text, (const char *) decoded, length);
    }
  return g_string_free (text, FALSE);
}

static void
set_clock (LicTestServer *server,
           const char    *now)
{
  g_autofree char *body = g_strdup_printf ("{\"now\": \"%s\"}", now);
  g_autoptr(LicReply) reply = lic_post_json (server, "/api/v1/test/clock", NULL, body);

  lic_assert_reply (reply, 200, NULL);
}

/* The activation e-mail of an admin who buys, in the admin's language, with its date as the
 * language writes it; then the error of the expired code, by Accept-Language. */
static void
check_activation_mail (const char *username,
                       const char *product,
                       const char *school,
                       const char *language,
                       const char *subject,
                       const char *greeting,
                       const char *until,
                       const char *expired)
{
  const char *args[] = { "--demo", "--test-clock", NULL };
  g_autoptr(LicTestServer) server = lic_test_server_start (args);
  g_autofree char *token = lic_sign_in (server, username, username);
  g_autofree char *maildir = g_strconcat (lic_test_server_get_database (server), ".maildir",
                                          NULL);
  MaildirWait wait = { maildir, 1 };
  g_autoptr(JsonObject) order = NULL;
  g_autoptr(GPtrArray) mails = NULL;
  g_autoptr(GRegex) link = g_regex_new ("licentia://activate\\?code=([A-Z0-9-]{14})\n", 0, 0,
                                        NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(LicReply) reply = NULL;
  g_autofree char *code = NULL;
  g_autofree char *body = NULL;
  g_autofree char *got_subject = NULL;
  LicTestMail *mail;

  /* Before the demo's first term ends (31 January 2027), whose sweep would mail first. */
  set_clock (server, "2026-12-03T09:00:00Z");
  order = lic_buy (server, token, product, school, 2);
  lic_test_wait_until (maildir_has, &wait, "the activation e-mail in the maildir");
  mails = lic_test_maildir_get_mails (maildir);
  mail = g_ptr_array_index (mails, 0);
  got_subject = header_text (mail, "Subject");
  g_assert_cmpstr (got_subject, ==, subject);
  g_assert_true (g_str_has_prefix (mail->body, greeting));
  g_assert_nonnull (strstr (mail->body, until));

  g_assert_true (g_regex_match (link, mail->body, 0, &match));
  code = g_match_info_fetch (match, 1);
  set_clock (server, "2026-12-18T09:00:00Z");
  body = g_strdup_printf ("{\"code\": \"%s\"}", code);
  reply = send_in (server, language, "POST", "/api/v1/activations", token, body);
  lic_assert_reply (reply, 409, "conflict");
  g_assert_cmpstr (lic_reply_error_message (reply), ==, expired);
}

static void
test_mail_swedish (void)
{
  /* demo-admin is an admin of Sundby kommun, whose users read Swedish. */
  check_activation_mail ("demo-admin", "Scriptoria Writer", "Ekbackeskolan", "sv",
                         "Aktivera era licenser av Scriptoria Writer",
                         "Hej Eva Lindqvist!\n\nScriptoria Education har utfärdat 2 licenser av "
                         "Scriptoria Writer för Ekbackeskolan (beställning ",
                         "\nKoden fungerar en gång, till och med 17 december 2026.\n",
                         "Den här aktiveringskoden gick ut den 17 december 2026. Be leverantören om ett "
                         "nytt aktiveringsmail.");
}

static void
test_mail_finnish (void)
{
  /* demo-fi is an admin of Koivulan kaupunki, whose users read Finnish. */
  check_activation_mail ("demo-fi", "Kielikompassi", "Koivulan yhtenäiskoulu", "fi",
                         "Aktivoi tuotteen Kielikompassi käyttöoikeudet",
                         "Hei Liisa Koskinen!\n\n",
                         "\nKoodi toimii kerran, 17. joulukuuta 2026 asti.\n",
                         "Tämä aktivointikoodi vanheni 17. joulukuuta 2026. Pyydä toimittajalta uusi "
                         "aktivointisähköposti.");
}

/* A server without the locales of Swedish and Finnish writes English, and works. */
static void
test_missing_locale (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("LICENTIA_TEST_LOCPATH"));
  g_autofree char *empty = g_dir_make_tmp ("licentia-no-locales-XXXXXX", NULL);
  g_autoptr(LicTestServer) server = NULL;
  g_autoptr(LicReply) health = NULL;

  g_assert_nonnull (empty);
  g_setenv ("LICENTIA_TEST_LOCPATH", empty, TRUE);
  server = lic_test_server_start (NULL);
  if (saved != NULL)
    g_setenv ("LICENTIA_TEST_LOCPATH", saved, TRUE);
  else
    g_unsetenv ("LICENTIA_TEST_LOCPATH");

  assert_message (server, "sv", "GET", "/api/v1/nothing", 404, "not_found",
                  "There is no /api/v1/nothing on this server.");
  assert_message (server, "fi", "GET", "/api/v1/nothing", 404, "not_found",
                  "There is no /api/v1/nothing on this server.");
  health = send_in (server, "fi", "GET", "/api/v1/health", NULL, NULL);
  lic_assert_reply (health, 200, NULL);
  g_rmdir (empty);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/i18n/errors", test_errors);
  g_test_add_func ("/server/i18n/plural", test_plural);
  g_test_add_func ("/server/i18n/refusals", test_refusals);
  g_test_add_func ("/server/i18n/mail-swedish", test_mail_swedish);
  g_test_add_func ("/server/i18n/mail-finnish", test_mail_finnish);
  g_test_add_func ("/server/i18n/missing-locale", test_missing_locale);
  return g_test_run ();
}
