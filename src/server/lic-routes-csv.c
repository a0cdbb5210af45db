/* lic-routes-csv.c: users as CSV, out (GET /users.csv) and in (POST /users/import).
 *
 * The CSV is RFC 4180 in UTF-8: CRLF line ends on the way out (LF, CRLF or CR taken on the way
 * in), fields with a comma, a quote, CR or LF quoted, quotes doubled. A text field that starts
 * with “=”, “+”, “-” or “@” (or with apostrophes and then one of them) goes out with an
 * apostrophe before it, so that a spreadsheet does not take it for a formula; the import takes
 * exactly one such apostrophe off again, so an export imports back as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "lic-i18n.h"
#include "lic-routes-private.h"

/* How many users one query of the export reads. */
#define EXPORT_PAGE 1000

/* The most row errors an answer lists; its message counts them all. */
#define MAX_LISTED_ERRORS 1000

#define MAX_USERNAME 64
#define MAX_EMAIL 254

static const char * const import_columns[] = {
  "username", "name", "email", "role", "school_id", "groups", NULL
};

/* Output */

static gboolean
is_formula_start (char c)
{
  return c == '=' || c == '+' || c == '-' || c == '@';
}

/* Whether @value starts with apostrophes and then a formula character, or with the latter. */
static gboolean
needs_guard (const char *value)
{
  while (*value == '\'')
    value++;
  return is_formula_start (*value);
}

static void
append_field (GString    *out,
              const char *value,
              gboolean    text)
{
  gboolean guard;

  if (value == NULL)
    value = "";
  guard = text && needs_guard (value);
  if (value[strcspn (value, ",\"\r\n")] == '\0')
    {
      if (guard)
        g_string_append_c (out, '\'');
      g_string_append (out, value);
      return;
    }

  g_string_append_c (out, '"');
  if (guard)
    g_string_append_c (out, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_user (GString *out,
             LicUser *user)
{
  g_autofree char *groups = g_strjoinv (";", (GStrv) lic_user_get_groups (user));

  g_string_append_printf (out, "%" G_GINT64_FORMAT ",", lic_user_get_id (user));
  append_field (out, lic_user_get_username (user), TRUE);
  g_string_append_c (out, ',');
  append_field (out, lic_user_get_name (user), TRUE);
  g_string_append_c (out, ',');
  append_field (out, lic_user_get_email (user), TRUE);
  g_string_append_printf (out, ",%s,%" G_GINT64_FORMAT ",",
                          lic_enum_to_nick (LIC_TYPE_ROLE, lic_user_get_role (user)),
                          lic_user_get_school_id (user));
  append_field (out, groups, TRUE);
}

/* The two columns a list adds: the products that put @user_id on it, and the earliest date
 * (loses_access_on, or no_access_since) as YYYY-MM-DD. */
static void
append_list_columns (GString   *out,
                     GPtrArray *user_pools,
                     gint64     user_id)
{
  g_autoptr(GPtrArray) products = g_ptr_array_new ();
  g_autofree char *joined = NULL;
  const char *earliest = NULL;

  for (guint i = 0; i < user_pools->len; i++)
    {
      LicUserPool *entry = g_ptr_array_index (user_pools, i);

      if (entry->user_id != user_id)
        continue;
      g_ptr_array_add (products, entry->product_name);
      if (entry->date != NULL && (earliest == NULL || strcmp (entry->date, earliest) < 0))
        earliest = entry->date;
    }
  g_ptr_array_add (products, NULL);
  joined = g_strjoinv (";", (char **) products->pdata);
  g_string_append_c (out, ',');
  append_field (out, joined, TRUE);
  g_string_append_c (out, ',');
  if (earliest != NULL)
    g_string_append_len (out, earliest, MIN (strlen (earliest), 10));
}

/* GET /users.csv: every user the filters of GET /users match, read in keyset pages. */
gboolean
lic_routes_users_csv (LicRequest  *request,
                      GError     **error)
{
  g_autoptr(GString) out = g_string_sized_new (64 * 1024);
  g_autofree char *after_name = NULL;
  LicUserFilter filter = { NULL, -1, 0, 0, 0, LIC_USER_LIST_ALL };
  LicPage page = { EXPORT_PAGE, NULL, 0, 0 };
  gboolean more = TRUE;

  if (!lic_routes_get_search (request, &filter.q, error)
      || !lic_routes_get_enum (request, "role", LIC_TYPE_ROLE, &filter.role, error)
      || !lic_routes_get_school_id (request, &filter.school_id, error)
      || !lic_routes_get_id (request, "group_id", &filter.group_id, error)
      || !lic_routes_get_id (request, "pool_id", &filter.pool_id, error)
      || !lic_routes_get_user_list (request, &filter.list, error))
    return FALSE;

  g_string_append (out, "id,username,name,email,role,school_id,groups");
  if (filter.list == LIC_USER_LIST_PAYABLE)
    g_string_append (out, ",products,loses_access_on");
  else if (filter.list == LIC_USER_LIST_NO_ACCESS)
    g_string_append (out, ",products,no_access_since");
  g_string_append (out, "\r\n");
  while (more)
    {
      g_autoptr(GPtrArray) user_pools = NULL;
      g_autoptr(GPtrArray) users = lic_store_list_users (lic_request_get_store (request),
                                                         lic_request_get_caller (request),
                                                         &filter, &page, &more, &user_pools,
                                                         error);
      LicUser *last;

      if (users == NULL)
        return FALSE;
      for (guint i = 0; i < users->len; i++)
        {
          LicUser *user = g_ptr_array_index (users, i);

          append_user (out, user);
          if (user_pools != NULL)
            append_list_columns (out, user_pools, lic_user_get_id (user));
          g_string_append (out, "\r\n");
        }
      if (users->len == 0)
        break;
      last = g_ptr_array_index (users, users->len - 1);
      g_free (after_name);
      after_name = g_strdup (lic_user_get_name (last));
      page.after_name = after_name;
      page.after_id = lic_user_get_id (last);
    }

  lic_request_respond_text (request, 200, "text/csv; charset=utf-8",
                            "attachment; filename=\"users.csv\"", g_steal_pointer (&out));
  return TRUE;
}

/* Input */

typedef struct
{
  const char *p;
  const char *end;
  guint line;                       /* the physical line @p is on */
} CsvReader;

typedef enum {
  RECORD_OK,
  RECORD_BAD,                       /* malformed; the reader is at the next record */
  RECORD_FATAL,                     /* malformed past recovery: the rest of the body is lost */
  RECORD_END,
} RecordResult;

/* Moves @reader past the end of the line it is on. */
static void
skip_line (CsvReader *reader)
{
  while (reader->p < reader->end && *reader->p != '\n' && *reader->p != '\r')
    reader->p++;
  if (reader->p < reader->end && *reader->p == '\r')
    reader->p++;
  if (reader->p < reader->end && *reader->p == '\n')
    reader->p++;
  reader->line++;
}

/* Takes a line end at @reader, if there is one. */
static gboolean
take_line_end (CsvReader *reader)
{
  if (reader->p < reader->end && *reader->p == '\r')
    {
      reader->p++;
      if (reader->p < reader->end && *reader->p == '\n')
        reader->p++;
      reader->line++;
      return TRUE;
    }
  if (reader->p < reader->end && *reader->p == '\n')
    {
      reader->p++;
      reader->line++;
      return TRUE;
    }
  return FALSE;
}

/**
 * read_record:
 * @fields: (out): the fields of the record
 * @line: (out): the line the record starts on
 * @blank: (out): whether the record is an empty line
 * @message: (out): why the record is malformed
 */
static RecordResult
read_record (CsvReader  *reader,
             GPtrArray **fields,
             guint      *line,
             gboolean   *blank,
             char      **message)
{
  g_autoptr(GPtrArray) record = g_ptr_array_new_with_free_func (g_free);
  gboolean quoted_any = FALSE;

  *line = reader->line;
  if (reader->p >= reader->end)
    return RECORD_END;

  for (;;)
    {
      g_autoptr(GString) field = g_string_new (NULL);

      if (reader->p < reader->end && *reader->p == '"')
        {
          quoted_any = TRUE;
          reader->p++;
          for (;;)
            {
              if (reader->p >= reader->end)
                {
                  /* TRANSLATORS: the error of a row of a CSV import, as are the strings
                   * after it that start with a small letter */
                  *message = g_strdup_printf (_("a quoted field that starts on line %u is "
                                                "never closed"), *line);
                  return RECORD_FATAL;
                }
              if (*reader->p == '"')
                {
                  if (reader->p + 1 < reader->end && reader->p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      reader->p += 2;
                      continue;
                    }
                  reader->p++;
                  break;
                }
              if (*reader->p == '\n'
                  || (*reader->p == '\r'
                      && (reader->p + 1 >= reader->end || reader->p[1] != '\n')))
                reader->line++;
              g_string_append_c (field, *reader->p);
              reader->p++;
            }
          if (reader->p < reader->end && *reader->p != ',' && *reader->p != '\r'
              && *reader->p != '\n')
            {
              *message = g_strdup (_("text follows the closing quote of a field"));
              skip_line (reader);
              return RECORD_BAD;
            }
        }
      else
        {
          while (reader->p < reader->end && *reader->p != ',' && *reader->p != '\r'
                 && *reader->p != '\n')
            {
              if (*reader->p == '"')
                {
                  *message = g_strdup (_("a field that does not start with a quote holds "
                                         "one; quote the whole field and double the quotes "
                                         "in it"));
                  skip_line (reader);
                  return RECORD_BAD;
                }
              g_string_append_c (field, *reader->p);
              reader->p++;
            }
        }

      if (!g_utf8_validate_len (field->str, field->len, NULL))
        {
          *message = g_strdup (_("the row holds bytes that are not UTF-8 text"));
          if (!take_line_end (reader))
            skip_line (reader);
          return RECORD_BAD;
        }
      g_ptr_array_add (record, g_string_free (g_steal_pointer (&field), FALSE));

      if (reader->p < reader->end && *reader->p == ',')
        {
          reader->p++;
          continue;
        }
      take_line_end (reader);
      break;
    }

  *blank = !quoted_any && record->len == 1 && ((char *) record->pdata[0])[0] == '\0';
  *fields = g_steal_pointer (&record);
  return RECORD_OK;
}

/* A text field as given: without the white space around it and the formula guard. */
static char *
text_value (const char *field)
{
  g_autofree char *value = g_strstrip (g_strdup (field));

  if (value[0] == '\'' && needs_guard (value + 1))
    return g_strdup (value + 1);
  return g_steal_pointer (&value);
}

static gboolean
is_valid_username (const char *username)
{
  return username[strspn (username, "abcdefghijklmnopqrstuvwxyz0123456789._-")] == '\0';
}

/* Looks like an address: one “@” with text before it and a domain with a dot after it, no
 * white space or control characters. */
static gboolean
is_valid_email (const char *email)
{
  const char *at = strchr (email, '@');
  const char *dot;

  if (at == NULL || at == email || strchr (at + 1, '@') != NULL || strlen (email) > MAX_EMAIL)
    return FALSE;
  for (const char *p = email; *p != '\0'; p++)
    if ((guchar) *p <= ' ' || *p == 0x7f || *p == ',' || *p == ';' || *p == '"')
      return FALSE;
  dot = strrchr (at + 1, '.');
  return dot != NULL && dot > at + 1 && dot[1] != '\0';
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The group names of a `groups` field: split at “;”, trimmed, sorted, each once. */
static GStrv
parse_groups (const char *field)
{
  g_autofree char *value = text_value (field);
  g_auto(GStrv) parts = g_strsplit (value, ";", -1);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *name = g_strstrip (parts[i]);

      if (name[0] != '\0')
        g_ptr_array_add (names, name);
    }
  g_ptr_array_sort (names, compare_strings);
  for (guint i = 0; i < names->len; i++)
    if (i == 0 || strcmp (names->pdata[i], names->pdata[i - 1]) != 0)
      g_strv_builder_add (builder, names->pdata[i]);
  return g_strv_builder_end (builder);
}

G_GNUC_PRINTF (3, 4)
static void
add_error (GPtrArray  *errors,
           guint       line,
           const char *format,
           ...)
{
  LicImportError *row_error = g_new0 (LicImportError, 1);
  va_list args;

  va_start (args, format);
  row_error->line = line;
  row_error->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (errors, row_error);
}

/* Checks the form of one record; a row to import, or %NULL with an error in @errors. */
static LicImportRow *
parse_row (GPtrArray  *fields,
           guint       line,
           gboolean    has_id,
           GHashTable *usernames,
           GPtrArray  *errors)
{
  g_autoptr(LicImportRow) row = g_new0 (LicImportRow, 1);
  guint expected = has_id ? 7 : 6;
  const char * const *field;
  g_autofree char *school = NULL;
  g_autofree char *role = NULL;
  gpointer first_line;

  if (fields->len != expected)
    {
      /* TRANSLATORS: the fields of the row, which the plural follows, then those of the
       * header (6 or 7) */
      add_error (errors, line,
                 g_dngettext (LIC_I18N_DOMAIN, "the row has %u field; the header has %u",
                              "the row has %u fields; the header has %u", fields->len),
                 fields->len, expected);
      return NULL;
    }
  field = (const char * const *) fields->pdata + (has_id ? 1 : 0);
  row->line = line;
  row->username = text_value (field[0]);
  row->name = text_value (field[1]);
  row->email = text_value (field[2]);
  role = g_strstrip (g_strdup (field[3]));
  school = g_strstrip (g_strdup (field[4]));
  row->groups = parse_groups (field[5]);

  if (row->username[0] == '\0')
    {
      add_error (errors, line, "%s", _("the username is missing"));
      return NULL;
    }
  if (strlen (row->username) > MAX_USERNAME || !is_valid_username (row->username))
    {
      add_error (errors, line, _("username “%s” must be at most %d characters of a–z, 0–9, "
                                 "“.”, “_” and “-”"), row->username, MAX_USERNAME);
      return NULL;
    }
  if (g_hash_table_lookup_extended (usernames, row->username, NULL, &first_line))
    {
      add_error (errors, line, _("username “%s” is on line %u already"), row->username,
                 GPOINTER_TO_UINT (first_line));
      return NULL;
    }
  g_hash_table_insert (usernames, g_strdup (row->username), GUINT_TO_POINTER (line));
  if (row->name[0] == '\0')
    {
      add_error (errors, line, "%s", _("the name is missing"));
      return NULL;
    }
  if (row->email[0] == '\0')
    g_clear_pointer (&row->email, g_free);
  else if (!is_valid_email (row->email))
    {
      add_error (errors, line, _("e-mail address “%s” does not look like one"), row->email);
      return NULL;
    }
  if (!lic_enum_from_nick (LIC_TYPE_ROLE, role, &row->role))
    {
      /* TRANSLATORS: student, teacher and administrator are the values of the column role:
       * keep them in English */
      add_error (errors, line, _("role “%s” is not student, teacher or administrator"), role);
      return NULL;
    }
  if (!g_ascii_string_to_signed (school, 10, 1, G_MAXINT64, &row->school_id, NULL))
    {
      add_error (errors, line, _("school_id “%s” is not the id of a school"), school);
      return NULL;
    }
  return g_steal_pointer (&row);
}

/* Whether @fields is the header of an import, with or without the `id` of an export. */
static gboolean
parse_header (GPtrArray *fields,
              gboolean  *has_id)
{
  guint offset;

  *has_id = fields->len == 7 && g_str_equal (g_strstrip ((char *) fields->pdata[0]), "id");
  offset = *has_id ? 1 : 0;
  if (fields->len != offset + g_strv_length ((GStrv) import_columns))
    return FALSE;
  for (guint i = 0; import_columns[i] != NULL; i++)
    if (!g_str_equal (g_strstrip ((char *) fields->pdata[offset + i]), import_columns[i]))
      return FALSE;
  return TRUE;
}

static gint
compare_errors (gconstpointer a,
                gconstpointer b)
{
  const LicImportError *first = *(LicImportError * const *) a;
  const LicImportError *second = *(LicImportError * const *) b;

  return (first->line > second->line) - (first->line < second->line);
}

/* 400 invalid, with the row errors: the first MAX_LISTED_ERRORS by line. */
static void
respond_row_errors (LicRequest *request,
                    GPtrArray  *errors)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *message = NULL;

  g_ptr_array_sort (errors, compare_errors);
  message = g_strdup_printf (g_dngettext (LIC_I18N_DOMAIN,
                                          "%u row has errors; nothing was imported.",
                                          "%u rows have errors; nothing was imported.",
                                          errors->len),
                             errors->len);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  lic_json_add_enum (builder, "code", LIC_TYPE_ERROR, LIC_ERROR_INVALID);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (guint i = 0; i < MIN (errors->len, MAX_LISTED_ERRORS); i++)
    {
      LicImportError *row_error = g_ptr_array_index (errors, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "line");
      json_builder_add_int_value (builder, row_error->line);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, row_error->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  lic_request_respond (request, 400, builder);
}

/* POST /users/import */
gboolean
lic_routes_users_import (LicRequest  *request,
                         GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) lic_import_row_free);
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GHashTable) usernames = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) header = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GError) local_error = NULL;
  LicImportCounts counts;
  CsvReader reader;
  gsize length;
  guint line;
  gboolean blank = FALSE;
  gboolean has_id;
  RecordResult result;
  char *message = NULL;

  errors = g_ptr_array_new_with_free_func ((GDestroyNotify) lic_import_error_free);
  reader.p = lic_request_get_raw_body (request, &length);
  reader.end = reader.p + length;
  reader.line = 1;
  if (length >= 3 && memcmp (reader.p, "\xef\xbb\xbf", 3) == 0)
    reader.p += 3;

  result = read_record (&reader, &header, &line, &blank, &message);
  if (result != RECORD_OK || !parse_header (header, &has_id))
    {
      add_error (errors, 1, "%s", message != NULL ? message
                 : _("the first line must be the header "
                     "“username,name,email,role,school_id,groups” (or, as exported, with “id,” "
                     "before it)"));
      g_free (message);
      respond_row_errors (request, errors);
      return TRUE;
    }

  for (;;)
    {
      g_autoptr(GPtrArray) fields = NULL;
      LicImportRow *row;

      message = NULL;
      result = read_record (&reader, &fields, &line, &blank, &message);
      if (result == RECORD_END)
        break;
      if (result != RECORD_OK)
        {
          add_error (errors, line, "%s", message);
          g_free (message);
          if (result == RECORD_FATAL)
            break;
          continue;
        }
      if (blank)
        continue;
      row = parse_row (fields, line, has_id, usernames, errors);
      if (row != NULL)
        g_ptr_array_add (rows, row);
    }

  if (!lic_store_import_users (lic_request_get_store (request), lic_request_get_caller (request),
                               rows, errors, &counts, &local_error))
    {
      if (errors->len > 0)
        {
          respond_row_errors (request, errors);
          return TRUE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "created");
  json_builder_add_int_value (builder, counts.created);
  json_builder_set_member_name (builder, "updated");
  json_builder_add_int_value (builder, counts.updated);
  json_builder_set_member_name (builder, "unchanged");
  json_builder_add_int_value (builder, counts.unchanged);
  json_builder_end_object (builder);
  lic_request_respond (request, 200, builder);
  return TRUE;
}
