/* test-server-csv.c: GET /users.csv and POST /users/import against the real server.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "lic-server-test.h"

#define HEADER "id,username,name,email,role,school_id,groups"
#define IMPORT_HEADER "username,name,email,role,school_id,groups\r\n"

static LicTestServer *server;
static char *sundby;                /* organization admin of Sundby kommun */
static char *ekbacke;               /* school admin of Ekbackeskolan */
static char *koivula;               /* organization admin of Koivulan kaupunki */
static gint64 ekbacke_id;
static gint64 solberga_id;

static gint64
school_id (const char *token,
           const char *name)
{
  g_autoptr(LicReply) reply = lic_get (server, token, "/api/v1/schools");
  JsonArray *items = lic_reply_items (reply);

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *school = json_array_get_object_element (items, i);

      if (g_str_equal (json_object_get_string_member (school, "name"), name))
        return json_object_get_int_member (school, "id");
    }
  g_assert_not_reached ();
}

static gint64
count_users (void)
{
  return lic_db_query_int (lic_test_server_get_database (server), "SELECT count (*) FROM users");
}

/* A test's own RFC 4180 reader: records of fields. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GStrvBuilder) record = g_strv_builder_new ();
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = text;
  gboolean quoted = FALSE;

  while (*p != '\0')
    {
      if (quoted)
        {
          if (p[0] == '"' && p[1] == '"')
            g_string_append_c (field, '"'), p++;
          else if (p[0] == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
        }
      else if (*p == '"')
        quoted = TRUE;
      else if (*p == ',')
        {
          g_strv_builder_add (record, field->str);
          g_string_truncate (field, 0);
        }
      else if (p[0] == '\r' && p[1] == '\n')
        {
          g_strv_builder_add (record, field->str);
          g_string_truncate (field, 0);
          g_ptr_array_add (records, g_strv_builder_end (record));
          p++;
        }
      else
        {
          /* A bare LF outside quotes is not what the server writes. */
          g_assert_cmpint (*p, !=, '\n');
          g_string_append_c (field, *p);
        }
      p++;
    }
  g_assert_false (quoted);
  g_assert_cmpuint (field->len, ==, 0);
  return records;
}

/* GET @path as CSV: checks the headers of a CSV answer, returns the body. */
static char *
get_csv (const char *token,
         const char *path)
{
  SoupMessage *message = lic_message_new (server, "GET", path, token);
  g_autoptr(SoupMessage) owned = message;
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 60, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read (session, message, NULL, &error);
  SoupMessageHeaders *headers = soup_message_get_response_headers (message);

  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, 200);
  g_assert_cmpstr (soup_message_headers_get_one (headers, "Content-Type"), ==,
                   "text/csv; charset=utf-8");
  g_assert_cmpstr (soup_message_headers_get_one (headers, "Content-Disposition"), ==,
                   "attachment; filename=\"users.csv\"");
  return g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}

static LicReply *
import_as (const char *token,
           const char *content_type,
           const char *csv,
           gsize       length)
{
  SoupMessage *message = lic_message_new (server, "POST", "/api/v1/users/import", token);
  g_autoptr(GBytes) body = g_bytes_new (csv, length);

  soup_message_set_request_body_from_bytes (message, content_type, body);
  return lic_send (message);
}

static LicReply *
import (const char *token,
        const char *csv)
{
  return import_as (token, "text/csv; charset=utf-8", csv, strlen (csv));
}

static void
assert_counts (LicReply *reply,
               gint64    created,
               gint64    updated,
               gint64    unchanged)
{
  JsonObject *counts;

  lic_assert_reply (reply, 200, NULL);
  counts = lic_reply_object (reply);
  g_assert_cmpint (json_object_get_int_member (counts, "created"), ==, created);
  g_assert_cmpint (json_object_get_int_member (counts, "updated"), ==, updated);
  g_assert_cmpint (json_object_get_int_member (counts, "unchanged"), ==, unchanged);
}

/* The user @username as GET /users shows it to @token, or NULL. */
static JsonObject *
find_user (const char *token,
           const char *username)
{
  g_autoptr(LicReply) reply = lic_get (server, token, "/api/v1/users?q=%s&limit=200", username);
  JsonArray *items;

  lic_assert_reply (reply, 200, NULL);
  items = lic_reply_items (reply);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *user = json_array_get_object_element (items, i);

      if (g_str_equal (json_object_get_string_member (user, "username"), username))
        return json_object_ref (user);
    }
  return NULL;
}

/* The record of @username in an export. */
static GStrv
find_record (GPtrArray  *records,
             const char *username)
{
  for (guint i = 1; i < records->len; i++)
    {
      GStrv record = g_ptr_array_index (records, i);

      if (g_str_equal (record[1], username))
        return record;
    }
  return NULL;
}

static void
test_export_filters (void)
{
  g_autofree char *all = get_csv (sundby, "/api/v1/users.csv");
  g_autofree char *teachers = get_csv (sundby, "/api/v1/users.csv?role=teacher");
  g_autoptr(GPtrArray) all_records = parse_csv (all);
  g_autoptr(GPtrArray) teacher_records = parse_csv (teachers);
  g_autoptr(GPtrArray) listed = lic_list_all (server, sundby, "/api/v1/users", 200, NULL);
  g_autoptr(GPtrArray) listed_teachers = lic_list_all (server, sundby,
                                                       "/api/v1/users?role=teacher", 200, NULL);
  g_autofree char *header = g_strjoinv (",", g_ptr_array_index (all_records, 0));

  g_assert_true (g_str_has_prefix (all, HEADER "\r\n"));
  g_assert_cmpstr (header, ==, HEADER);
  /* Every user, in the order of GET /users, however many pages that takes. */
  g_assert_cmpuint (listed->len, >, 200);
  g_assert_cmpuint (all_records->len, ==, listed->len + 1);
  for (guint i = 0; i < listed->len; i++)
    {
      GStrv record = g_ptr_array_index (all_records, i + 1);
      JsonObject *user = g_ptr_array_index (listed, i);

      g_assert_cmpuint (g_strv_length (record), ==, 7);
      g_assert_cmpint (g_ascii_strtoll (record[0], NULL, 10), ==,
                       json_object_get_int_member (user, "id"));
      g_assert_cmpstr (record[2], ==, json_object_get_string_member (user, "name"));
    }

  g_assert_cmpuint (teacher_records->len, ==, listed_teachers->len + 1);
  g_assert_cmpuint (teacher_records->len, >, 1);
  for (guint i = 1; i < teacher_records->len; i++)
    g_assert_cmpstr (((GStrv) g_ptr_array_index (teacher_records, i))[4], ==, "teacher");
}

static void
test_export_scope (void)
{
  g_autofree char *csv = get_csv (ekbacke, "/api/v1/users.csv");
  g_autoptr(GPtrArray) records = parse_csv (csv);
  g_autoptr(GPtrArray) listed = lic_list_all (server, ekbacke, "/api/v1/users", 200, NULL);
  g_autofree char *school = g_strdup_printf ("%" G_GINT64_FORMAT, ekbacke_id);
  g_autoptr(LicReply) bad = lic_get (server, ekbacke, "/api/v1/users.csv?school_id=%"
                                     G_GINT64_FORMAT, solberga_id);

  g_assert_cmpuint (records->len, ==, listed->len + 1);
  for (guint i = 1; i < records->len; i++)
    g_assert_cmpstr (((GStrv) g_ptr_array_index (records, i))[5], ==, school);
  /* A school out of scope is refused as GET /users refuses it, in JSON. */
  g_assert_cmpuint (bad->status, >=, 400);
}

static void
test_import_create_update (void)
{
  g_autofree char *csv = NULL;
  g_autofree char *changed = NULL;
  g_autoptr(JsonObject) tricky = NULL;
  g_autoptr(JsonObject) plain = NULL;
  gint64 before = count_users ();
  JsonArray *groups;

  /* A BOM, CRLF, a quoted name with a comma, doubled quotes and a line break, an empty
   * e-mail address and spaces around fields. */
  csv = g_strdup_printf ("\xef\xbb\xbf" IMPORT_HEADER
                         "csv.tricky,\"Berg, Anna \"\"Nan\"\"\nLisa\",anna@example.org,student,"
                         "%1$" G_GINT64_FORMAT ",Schack 7;Klass 7Z\r\n"
                         "csv.plain , Per Plain ,,teacher,%1$" G_GINT64_FORMAT ",\r\n"
                         "csv.formula,=SUM(A1),,student,%1$" G_GINT64_FORMAT ",\r\n",
                         ekbacke_id);
  {
    g_autoptr(LicReply) reply = import (ekbacke, csv);

    assert_counts (reply, 3, 0, 0);
  }
  g_assert_cmpint (count_users (), ==, before + 3);

  tricky = find_user (sundby, "csv.tricky");
  g_assert_nonnull (tricky);
  g_assert_cmpstr (json_object_get_string_member (tricky, "name"), ==,
                   "Berg, Anna \"Nan\"\nLisa");
  g_assert_cmpstr (json_object_get_string_member (tricky, "role"), ==, "student");
  g_assert_cmpint (json_object_get_int_member (tricky, "school_id"), ==, ekbacke_id);
  groups = json_object_get_array_member (tricky, "groups");
  g_assert_cmpuint (json_array_get_length (groups), ==, 2);
  g_assert_true (lic_strv_has (groups, "Klass 7Z"));
  g_assert_true (lic_strv_has (groups, "Schack 7"));
  plain = find_user (sundby, "csv.plain");
  g_assert_cmpstr (json_object_get_string_member (plain, "name"), ==, "Per Plain");

  /* The same file again changes nothing. */
  {
    g_autoptr(LicReply) reply = import (ekbacke, csv);

    assert_counts (reply, 0, 0, 3);
  }

  /* One row changed: its e-mail address, role and groups. */
  changed = g_strdup_printf (IMPORT_HEADER
                             "csv.tricky,\"Berg, Anna \"\"Nan\"\"\nLisa\",anna@example.org,student,"
                             "%1$" G_GINT64_FORMAT ",Klass 7Z;Schack 7\r\n"
                             "csv.plain,Per Plain,per@example.org,student,%1$" G_GINT64_FORMAT
                             ",Klass 7Z\r\n",
                             ekbacke_id);
  {
    g_autoptr(LicReply) reply = import (ekbacke, changed);

    assert_counts (reply, 0, 1, 1);
  }
  g_clear_pointer (&plain, json_object_unref);
  plain = find_user (sundby, "csv.plain");
  g_assert_cmpstr (json_object_get_string_member (plain, "email"), ==, "per@example.org");
  g_assert_cmpstr (json_object_get_string_member (plain, "role"), ==, "student");
  groups = json_object_get_array_member (plain, "groups");
  g_assert_cmpuint (json_array_get_length (groups), ==, 1);
  g_assert_true (lic_strv_has (groups, "Klass 7Z"));
  g_assert_cmpint (count_users (), ==, before + 3);
}

static void
test_round_trip (void)
{
  g_autofree char *csv = get_csv (sundby, "/api/v1/users.csv?q=csv");
  g_autoptr(GPtrArray) records = parse_csv (csv);
  GStrv tricky = find_record (records, "csv.tricky");
  GStrv formula = find_record (records, "csv.formula");
  g_autofree char *whole = get_csv (sundby, "/api/v1/users.csv");
  g_autoptr(GPtrArray) whole_records = parse_csv (whole);
  gint64 before = count_users ();

  g_assert_nonnull (tricky);
  g_assert_cmpstr (tricky[2], ==, "Berg, Anna \"Nan\"\nLisa");
  g_assert_cmpstr (tricky[6], ==, "Klass 7Z;Schack 7");
  g_assert_nonnull (strstr (csv, "\"Berg, Anna \"\"Nan\"\"\nLisa\""));
  /* The formula guard. */
  g_assert_nonnull (formula);
  g_assert_cmpstr (formula[2], ==, "'=SUM(A1)");

  /* The export imports back unchanged, its id column ignored. */
  {
    g_autoptr(LicReply) reply = import (sundby, csv);

    assert_counts (reply, 0, 0, records->len - 1);
  }
  {
    g_autoptr(LicReply) reply = import (sundby, whole);

    assert_counts (reply, 0, 0, whole_records->len - 1);
  }
  {
    g_autoptr(JsonObject) user = find_user (sundby, "csv.formula");

    g_assert_cmpstr (json_object_get_string_member (user, "name"), ==, "=SUM(A1)");
  }
  g_assert_cmpint (count_users (), ==, before);
}

static const char *
row_error (JsonArray *rows,
           gint64     line)
{
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      if (json_object_get_int_member (row, "line") == line)
        return json_object_get_string_member (row, "message");
    }
  return NULL;
}

static void
test_row_errors (void)
{
  g_autoptr(LicReply) foreign = lic_get (server, koivula, "/api/v1/users?limit=1");
  const char *foreign_username = json_object_get_string_member (
    json_array_get_object_element (lic_reply_items (foreign), 0), "username");
  g_autofree char *csv = NULL;
  g_autoptr(LicReply) reply = NULL;
  gint64 before = count_users ();
  gint64 groups_before = lic_db_query_int (lic_test_server_get_database (server),
                                           "SELECT count (*) FROM user_groups");
  JsonObject *error;
  JsonArray *rows;

  csv = g_strdup_printf (IMPORT_HEADER
                         "csv.good,Good Row,,student,%1$" G_GINT64_FORMAT ",Ny grupp\r\n"  /* 2 */
                         "csv.janitor,Jan Itor,,janitor,%1$" G_GINT64_FORMAT ",\r\n"       /* 3 */
                         ",No Username,,student,%1$" G_GINT64_FORMAT ",\r\n"               /* 4 */
                         "csv.good,Twice,,student,%1$" G_GINT64_FORMAT ",\r\n"             /* 5 */
                         "csv.away,Away,,student,%2$" G_GINT64_FORMAT ",\r\n"              /* 6 */
                         "csv.mail,Mail,not-an-address,student,%1$" G_GINT64_FORMAT ",\r\n"/* 7 */
                         "csv.wide,Wide,,student,%1$" G_GINT64_FORMAT ",,extra\r\n"        /* 8 */
                         "%3$s,Foreign,,student,%1$" G_GINT64_FORMAT ",\r\n"               /* 9 */
                         "csv.Upper,Upper,,student,%1$" G_GINT64_FORMAT ",\r\n"            /* 10 */
                         "\r\n"                                                            /* 11 */
                         "csv.open,\"Never closed,,student,%1$" G_GINT64_FORMAT ",\r\n"    /* 12 */
                         "csv.after,After,,student,%1$" G_GINT64_FORMAT ",\r\n",           /* 13 */
                         ekbacke_id, solberga_id, foreign_username);
  reply = import (ekbacke, csv);
  lic_assert_reply (reply, 400, "invalid");
  error = json_object_get_object_member (lic_reply_object (reply), "error");
  g_assert_cmpstr (json_object_get_string_member (error, "message"), ==,
                   "9 rows have errors; nothing was imported.");
  rows = json_object_get_array_member (error, "rows");
  g_assert_cmpuint (json_array_get_length (rows), ==, 9);
  for (guint i = 1; i < json_array_get_length (rows); i++)
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (rows, i - 1),
                                                 "line"), <,
                     json_object_get_int_member (json_array_get_object_element (rows, i),
                                                 "line"));

  g_assert_null (row_error (rows, 2));
  g_assert_cmpstr (row_error (rows, 3), ==, "role “janitor” is not student, teacher or administrator");
  g_assert_cmpstr (row_error (rows, 4), ==, "the username is missing");
  g_assert_cmpstr (row_error (rows, 5), ==, "username “csv.good” is on line 2 already");
  g_assert_nonnull (strstr (row_error (rows, 6), "is not one of your schools"));
  g_assert_cmpstr (row_error (rows, 7), ==, "e-mail address “not-an-address” does not look like one");
  g_assert_cmpstr (row_error (rows, 8), ==, "the row has 7 fields; the header has 6");
  g_assert_nonnull (strstr (row_error (rows, 9), "another organization"));
  g_assert_nonnull (strstr (row_error (rows, 10), "a–z"));
  g_assert_null (row_error (rows, 11));
  g_assert_cmpstr (row_error (rows, 12), ==, "a quoted field that starts on line 12 is never closed");

  /* Nothing was imported: not the good row, not its new group. */
  g_assert_cmpint (count_users (), ==, before);
  g_assert_cmpint (lic_db_query_int (lic_test_server_get_database (server),
                                     "SELECT count (*) FROM user_groups"), ==, groups_before);
  g_assert_null (find_user (sundby, "csv.good"));
}

static void
test_malformed (void)
{
  g_autofree char *csv = g_strdup_printf (IMPORT_HEADER
                                          "csv.q,Bad \"quote\",,student,%1$" G_GINT64_FORMAT ",\n"
                                          "csv.r,\"Ok\" then,,student,%1$" G_GINT64_FORMAT ",\n",
                                          ekbacke_id);
  g_autoptr(LicReply) reply = import (ekbacke, csv);
  g_autoptr(LicReply) header = import (ekbacke, "username,name,email\r\n");
  g_autoptr(LicReply) empty = import (ekbacke, "");
  g_autoptr(LicReply) only_header = import (ekbacke, IMPORT_HEADER);
  JsonArray *rows;

  lic_assert_reply (reply, 400, "invalid");
  rows = json_object_get_array_member (json_object_get_object_member (lic_reply_object (reply),
                                                                      "error"), "rows");
  g_assert_nonnull (strstr (row_error (rows, 2), "holds one"));
  g_assert_nonnull (strstr (row_error (rows, 3), "closing quote"));

  lic_assert_reply (header, 400, "invalid");
  lic_assert_reply (empty, 400, "invalid");
  assert_counts (only_header, 0, 0, 0);
}

static void
test_media_type (void)
{
  const char *csv = IMPORT_HEADER;
  g_autoptr(LicReply) plain = import_as (ekbacke, "text/plain", csv, strlen (csv));
  g_autoptr(LicReply) json = import_as (ekbacke, "application/json", "{}", 2);
  g_autoptr(LicReply) latin = import_as (ekbacke, "text/csv; charset=iso-8859-1", csv,
                                         strlen (csv));
  g_autoptr(LicReply) anonymous = import_as (NULL, "text/csv", csv, strlen (csv));

  lic_assert_reply (plain, 415, "unsupported_media_type");
  lic_assert_reply (json, 415, "unsupported_media_type");
  lic_assert_reply (latin, 415, "unsupported_media_type");
  lic_assert_reply (anonymous, 401, "unauthorized");
}

static void
test_too_large (void)
{
  gsize limit = 64 * 1024 * 1024;
  g_autofree char *big = g_malloc (limit + 1);
  g_autoptr(LicReply) over = NULL;
  g_autoptr(LicReply) json = NULL;
  gsize header = strlen (IMPORT_HEADER);
  gint64 before = count_users ();

  /* A header and then one long line of spaces: one byte over the limit. */
  memcpy (big, IMPORT_HEADER, header);
  memset (big + header, ' ', limit + 1 - header);
  over = import_as (ekbacke, "text/csv", big, limit + 1);
  lic_assert_reply (over, 413, "too_large");
  g_assert_nonnull (strstr (lic_reply_error_message (over), "64 MiB"));

  /* The same body at the limit is read (and its one row refused)... */
  {
    g_autoptr(LicReply) at = import_as (ekbacke, "text/csv", big, limit);
    JsonArray *rows;

    lic_assert_reply (at, 400, "invalid");
    rows = json_object_get_array_member (json_object_get_object_member (lic_reply_object (at),
                                                                        "error"), "rows");
    g_assert_cmpstr (row_error (rows, 2), ==, "the row has 1 field; the header has 6");
  }
  /* ...while other routes keep their 1 MiB. */
  {
    SoupMessage *message = lic_message_new (server, "POST", "/api/v1/session", NULL);
    g_autoptr(GBytes) body = g_bytes_new (big, 2 * 1024 * 1024);

    soup_message_set_request_body_from_bytes (message, "application/json", body);
    json = lic_send (message);
  }
  lic_assert_reply (json, 413, "too_large");
  g_assert_cmpint (count_users (), ==, before);
}

int
main (int    argc,
      char **argv)
{
  int result;

  g_test_init (&argc, &argv, NULL);

  server = lic_test_server_start_demo ();
  sundby = lic_sign_in (server, "demo-admin", "demo-admin");
  ekbacke = lic_sign_in (server, "demo-school", "demo-school");
  koivula = lic_sign_in (server, "demo-fi", "demo-fi");
  ekbacke_id = school_id (sundby, "Ekbackeskolan");
  solberga_id = school_id (sundby, "Solbergagymnasiet");

  g_test_add_func ("/server/csv/export-filters", test_export_filters);
  g_test_add_func ("/server/csv/export-scope", test_export_scope);
  g_test_add_func ("/server/csv/import-create-update", test_import_create_update);
  g_test_add_func ("/server/csv/round-trip", test_round_trip);
  g_test_add_func ("/server/csv/row-errors", test_row_errors);
  g_test_add_func ("/server/csv/malformed", test_malformed);
  g_test_add_func ("/server/csv/media-type", test_media_type);
  g_test_add_func ("/server/csv/too-large", test_too_large);
  result = g_test_run ();

  g_free (sundby);
  g_free (ekbacke);
  g_free (koivula);
  lic_test_server_stop (server);
  return result;
}
