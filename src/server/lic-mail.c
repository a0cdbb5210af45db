/* lic-mail.c
 *
 * Messages are plain text in UTF-8. Headers that are not plain ASCII are written as RFC 2047
 * encoded words; the body is quoted-printable, which any relay passes unchanged, 8BITMIME or
 * not. Dot-stuffing is the SMTP client's business, not the message's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "lic-error.h"
#include "lic-mail.h"

/* RFC 2045: encoded lines of at most 76 characters, the soft break's "=" included. */
#define QP_LINE_LENGTH 76

/* The bytes of text in one encoded word: its base64 plus "=?UTF-8?B?" and "?=" stays within
 * RFC 2047's 75 characters, and within 78 with the header's name in front of the first one. */
#define WORD_BYTES 39

static const char * const week_days[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
static const char * const month_names[] = {
  "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

void
lic_mail_free (LicMail *mail)
{
  if (mail == NULL)
    return;
  g_free (mail->recipient);
  g_free (mail->recipient_name);
  g_free (mail->subject);
  g_free (mail->body);
  g_free (mail->message_key);
  g_free (mail);
}

static gboolean
is_address (const char *address)
{
  const char *at = strchr (address, '@');

  return at != NULL && at != address && at[1] != '\0' && strchr (at + 1, '@') == NULL
         && strpbrk (address, " \t\r\n<>\",;") == NULL;
}

/**
 * lic_mail_split_mailbox:
 * @mailbox: `Name <address>` or a bare address
 * @name: (out) (transfer full) (nullable): the display name, if there is one
 * @address: (out) (transfer full): the address
 */
gboolean
lic_mail_split_mailbox (const char  *mailbox,
                        char       **name,
                        char       **address,
                        GError     **error)
{
  const char *open = strrchr (mailbox, '<');
  g_autofree char *display = NULL;
  g_autofree char *spec = NULL;

  if (open != NULL && g_str_has_suffix (mailbox, ">"))
    {
      display = g_strstrip (g_strndup (mailbox, open - mailbox));
      spec = g_strndup (open + 1, strlen (open + 1) - 1);
    }
  else
    spec = g_strstrip (g_strdup (mailbox));

  if (!is_address (spec) || (display != NULL && strpbrk (display, "\r\n<>") != NULL))
    {
      g_set_error (error, LIC_ERROR, LIC_ERROR_INVALID,
                   "“%s” is not an e-mail address such as “Licentia <noreply@example.org>”",
                   mailbox);
      return FALSE;
    }
  *name = display != NULL && display[0] != '\0' ? g_steal_pointer (&display) : NULL;
  *address = g_steal_pointer (&spec);
  return TRUE;
}

static gboolean
is_ascii (const char *text)
{
  for (const char *c = text; *c != '\0'; c++)
    if ((guchar) *c >= 0x80 || *c == '\r' || *c == '\n')
      return FALSE;
  return TRUE;
}

/* @text as RFC 2047 encoded words, each holding whole characters, folded onto lines of their
 * own. */
static void
append_encoded_words (GString    *out,
                      const char *text,
                      const char *line_end)
{
  const char *start = text;

  while (*start != '\0')
    {
      const char *end = start;
      g_autofree char *base64 = NULL;

      while (*end != '\0')
        {
          const char *next = g_utf8_next_char (end);

          if (next - start > WORD_BYTES)
            break;
          end = next;
        }
      if (start != text)
        g_string_append_printf (out, "%s ", line_end);
      base64 = g_base64_encode ((const guchar *) start, end - start);
      g_string_append_printf (out, "=?UTF-8?B?%s?=", base64);
      start = end;
    }
}

/* A header's text: as it is when it is short ASCII, else in encoded words. */
static void
append_text (GString    *out,
             const char *text,
             const char *line_end)
{
  if (is_ascii (text) && strlen (text) <= WORD_BYTES * 2)
    g_string_append (out, text);
  else
    append_encoded_words (out, text, line_end);
}

/* `Name <address>`, the name quoted or encoded as it needs. */
static void
append_mailbox (GString    *out,
                const char *name,
                const char *address,
                const char *line_end)
{
  if (name == NULL)
    {
      g_string_append (out, address);
      return;
    }
  if (is_ascii (name))
    {
      g_string_append_c (out, '"');
      for (const char *c = name; *c != '\0'; c++)
        {
          if (*c == '"' || *c == '\\')
            g_string_append_c (out, '\\');
          g_string_append_c (out, *c);
        }
      g_string_append_c (out, '"');
    }
  else
    append_encoded_words (out, name, line_end);
  g_string_append_printf (out, " <%s>", address);
}

/* RFC 5322's date, in English whatever the locale: "Wed, 03 Feb 2027 09:15:00 +0000". */
static void
append_date (GString *out,
             gint64   seconds)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (seconds);

  g_string_append_printf (out, "%s, %02d %s %04d %02d:%02d:%02d +0000",
                          week_days[g_date_time_get_day_of_week (date) - 1],
                          g_date_time_get_day_of_month (date),
                          month_names[g_date_time_get_month (date) - 1],
                          g_date_time_get_year (date), g_date_time_get_hour (date),
                          g_date_time_get_minute (date), g_date_time_get_second (date));
}

/* Quoted-printable (RFC 2045 § 6.7) of one line of text without its line end. */
static void
append_quoted_printable_line (GString    *out,
                              const char *line,
                              gsize       length,
                              const char *line_end)
{
  gsize column = 0;

  for (gsize i = 0; i < length; i++)
    {
      guchar c = line[i];
      gboolean last = i + 1 == length;
      char token[4];

      /* Blanks at a line's end would be lost on the way; so encode them. */
      if ((c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !last))
        g_snprintf (token, sizeof token, "%c", c);
      else
        g_snprintf (token, sizeof token, "=%02X", c);

      /* Room for the token and, unless it ends the line, a soft break's "=". */
      if (column + strlen (token) + (last ? 0 : 1) > QP_LINE_LENGTH)
        {
          g_string_append_printf (out, "=%s", line_end);
          column = 0;
        }
      g_string_append (out, token);
      column += strlen (token);
    }
  g_string_append (out, line_end);
}

/**
 * lic_mail_render:
 * @from: the sender, as lic_mail_split_mailbox() reads it
 * @line_end: "\r\n" for SMTP, "\n" for a file in a maildir
 *
 * Returns: (transfer full): the whole message, headers and body
 */
char *
lic_mail_render (const LicMail *mail,
                 const char    *from,
                 const char    *line_end)
{
  GString *out;
  g_autofree char *from_name = NULL;
  g_autofree char *from_address = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_lines;

  g_return_val_if_fail (mail != NULL && from != NULL && line_end != NULL, NULL);
  if (!lic_mail_split_mailbox (from, &from_name, &from_address, NULL))
    g_return_val_if_reached (NULL);

  out = g_string_new ("From: ");
  append_mailbox (out, from_name, from_address, line_end);
  g_string_append_printf (out, "%sTo: ", line_end);
  append_mailbox (out, mail->recipient_name, mail->recipient, line_end);
  g_string_append_printf (out, "%sSubject: ", line_end);
  append_text (out, mail->subject, line_end);
  g_string_append_printf (out, "%sDate: ", line_end);
  append_date (out, mail->created_at);
  g_string_append_printf (out, "%sMessage-ID: <%s@%s>%s", line_end, mail->message_key,
                          strchr (from_address, '@') + 1, line_end);
  g_string_append_printf (out, "MIME-Version: 1.0%s"
                               "Content-Type: text/plain; charset=UTF-8%s"
                               "Content-Transfer-Encoding: quoted-printable%s"
                               "%s",
                          line_end, line_end, line_end, line_end);

  lines = g_strsplit (mail->body, "\n", -1);
  n_lines = g_strv_length (lines);
  /* A body that ends with "\n" has no line after it. */
  if (n_lines > 0 && lines[n_lines - 1][0] == '\0')
    n_lines--;
  for (guint i = 0; i < n_lines; i++)
    append_quoted_printable_line (out, lines[i], strlen (lines[i]), line_end);
  return g_string_free (out, FALSE);
}
