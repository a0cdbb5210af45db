/* lic-test-mail.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "lic-test-mail.h"
#include "lic-test-server.h"

#define PYTHON "/usr/bin/python3"

struct _LicTestSmtp
{
  GSubprocess *process;
  char *dir;
  guint16 port;
  char *url;
};

static void
spawn (LicTestSmtp *self)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "support", "lic-smtp-sink.py",
                                                   NULL);
  g_autofree char *port = g_strdup_printf ("%u", self->port);
  const char *argv[] = { PYTHON, script, port, self->dir, NULL };

  self->process = lic_test_spawn_listener (argv, &self->port);
  g_free (self->url);
  self->url = g_strdup_printf ("smtp://127.0.0.1:%u", self->port);
}

/**
 * lic_test_smtp_start:
 *
 * Starts an SMTP server on 127.0.0.1 that keeps what it receives. Aborts the test if it cannot
 * start.
 */
LicTestSmtp *
lic_test_smtp_start (void)
{
  LicTestSmtp *self = g_new0 (LicTestSmtp, 1);
  g_autoptr(GError) error = NULL;

  self->dir = g_dir_make_tmp ("licentia-smtp-XXXXXX", &error);
  g_assert_no_error (error);
  spawn (self);
  return self;
}

/* The URL for licentia-server's --smtp. */
const char *
lic_test_smtp_get_url (LicTestSmtp *self)
{
  return self->url;
}

/**
 * lic_test_smtp_kill:
 *
 * Stops the server, keeping its port and what it received, for lic_test_smtp_restart(): until
 * then, connections to the port are refused.
 */
void
lic_test_smtp_kill (LicTestSmtp *self)
{
  g_autoptr(GError) error = NULL;

  if (self->process == NULL)
    return;
  g_subprocess_send_signal (self->process, SIGTERM);
  g_subprocess_wait (self->process, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&self->process);
}

/* Starts the server again on its port, adding to what it received. */
void
lic_test_smtp_restart (LicTestSmtp *self)
{
  g_assert_null (self->process);
  spawn (self);
}

void
lic_test_smtp_stop (LicTestSmtp *self)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (self == NULL)
    return;
  lic_test_smtp_kill (self);
  dir = g_dir_open (self->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (self->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (self->dir);
  g_free (self->dir);
  g_free (self->url);
  g_free (self);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Every message file of @dir, in the order of their names. */
static GPtrArray *
read_mails (const char *dir)
{
  g_autoptr(GDir) entries = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *mails = g_ptr_array_new_with_free_func ((GDestroyNotify) lic_test_mail_free);
  const char *name;

  while (entries != NULL && (name = g_dir_read_name (entries)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_autofree char *raw = NULL;
      g_autoptr(GError) error = NULL;

      g_file_get_contents (path, &raw, NULL, &error);
      g_assert_no_error (error);
      g_ptr_array_add (mails, lic_test_mail_parse (raw));
    }
  return mails;
}

/**
 * lic_test_smtp_get_mails:
 *
 * Returns: (transfer full) (element-type LicTestMail): what the server received, oldest first
 */
GPtrArray *
lic_test_smtp_get_mails (LicTestSmtp *self)
{
  return read_mails (self->dir);
}

typedef struct
{
  LicTestSmtp *smtp;
  guint count;
} Wait;

static gboolean
has_mails (gpointer data)
{
  Wait *wait = data;
  g_autoptr(GDir) entries = g_dir_open (wait->smtp->dir, 0, NULL);
  const char *name;
  guint count = 0;

  while (entries != NULL && (name = g_dir_read_name (entries)) != NULL)
    count += name[0] != '.';
  return count >= wait->count;
}

/**
 * lic_test_smtp_wait:
 *
 * Waits until the server has received @count messages in all; fails the test if they do not
 * come.
 *
 * Returns: (transfer full) (element-type LicTestMail): what the server received, oldest first
 */
GPtrArray *
lic_test_smtp_wait (LicTestSmtp *self,
                    guint        count)
{
  Wait wait = { self, count };
  g_autofree char *what = g_strdup_printf ("%u e-mails at the SMTP server", count);

  lic_test_wait_until (has_mails, &wait, what);
  return lic_test_smtp_get_mails (self);
}

/**
 * lic_test_maildir_get_mails:
 *
 * Returns: (transfer full) (element-type LicTestMail): the new messages of a maildir
 */
GPtrArray *
lic_test_maildir_get_mails (const char *maildir)
{
  g_autofree char *dir = g_build_filename (maildir, "new", NULL);

  return read_mails (dir);
}

static int
hex_value (char c)
{
  return g_ascii_isxdigit (c) ? g_ascii_xdigit_value (c) : -1;
}

/* Quoted-printable (RFC 2045), with line ends made "\n". */
static char *
decode_quoted_printable (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *c = text; *c != '\0'; c++)
    {
      if (*c == '\r')
        continue;
      if (*c == '=' && c[1] == '\n')
        c++;
      else if (*c == '=' && c[1] == '\r' && c[2] == '\n')
        c += 2;
      else if (*c == '=' && hex_value (c[1]) >= 0 && hex_value (c[2]) >= 0)
        {
          g_string_append_c (out, (char) (hex_value (c[1]) * 16 + hex_value (c[2])));
          c += 2;
        }
      else
        g_string_append_c (out, *c);
    }
  return g_string_free (out, FALSE);
}

/**
 * lic_test_mail_parse:
 * @raw: a message, with "\r\n" or "\n" line ends
 */
LicTestMail *
lic_test_mail_parse (const char *raw)
{
  LicTestMail *mail = g_new0 (LicTestMail, 1);
  const char *body = strstr (raw, "\r\n\r\n");
  g_autofree char *head = NULL;
  g_auto(GStrv) lines = NULL;
  GString *unfolded = NULL;

  if (body != NULL)
    body += 4;
  else if ((body = strstr (raw, "\n\n")) != NULL)
    body += 2;
  g_assert_nonnull (body);

  mail->raw = g_strdup (raw);
  mail->headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  head = g_strndup (raw, body - raw);
  lines = g_strsplit (head, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strchomp (lines[i]);
      /* A line that starts with a blank continues the one before. */
      if (unfolded != NULL && (lines[i][0] == ' ' || lines[i][0] == '\t'))
        {
          g_string_append (unfolded, lines[i]);
          continue;
        }
      if (unfolded != NULL)
        {
          char *colon = strchr (unfolded->str, ':');
          g_autofree char *name = NULL;

          g_assert_nonnull (colon);
          name = g_ascii_strdown (unfolded->str, colon - unfolded->str);
          if (!g_hash_table_contains (mail->headers, name))
            g_hash_table_insert (mail->headers, g_steal_pointer (&name),
                                 g_strstrip (g_strdup (colon + 1)));
          g_string_free (unfolded, TRUE);
          unfolded = NULL;
        }
      if (lines[i][0] != '\0' && lines[i][0] != ' ')
        unfolded = g_string_new (lines[i]);
    }
  g_assert_null (unfolded);

  mail->envelope_to = g_strdup (g_hash_table_lookup (mail->headers, "x-envelope-to"));
  mail->body = decode_quoted_printable (body);
  return mail;
}

/* Returns: (nullable): the header @name (any case) */
const char *
lic_test_mail_get_header (LicTestMail *mail,
                          const char  *name)
{
  g_autofree char *key = g_ascii_strdown (name, -1);

  return g_hash_table_lookup (mail->headers, key);
}

void
lic_test_mail_free (LicTestMail *mail)
{
  if (mail == NULL)
    return;
  g_free (mail->envelope_to);
  g_hash_table_unref (mail->headers);
  g_free (mail->body);
  g_free (mail->raw);
  g_free (mail);
}
