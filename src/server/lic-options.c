/* lic-options.c
 *
 * The configuration file is a GKeyFile whose keys are the long options of the command line,
 * in two groups, [server] and [mail]. It fills only the options the command line left unset,
 * so that an option given by hand wins. Anything the server would not use (a group or key it
 * does not know, a value of the wrong kind) stops it: a typo must not quietly leave a default
 * in force, such as plain HTTP for a misspelt tls-key.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lic-options.h"

typedef enum
{
  KIND_STRING,
  KIND_PATH,                        /* relative to the file's folder */
  KIND_PORT,
  KIND_COUNT,                       /* 1 or more */
} Kind;

static const struct
{
  const char *group;
  const char *key;
  Kind kind;
  gsize offset;
} keys[] = {
  { "server", "database", KIND_PATH, G_STRUCT_OFFSET (LicOptions, database) },
  { "server", "address", KIND_STRING, G_STRUCT_OFFSET (LicOptions, address) },
  { "server", "port", KIND_PORT, G_STRUCT_OFFSET (LicOptions, port) },
  { "server", "threads", KIND_COUNT, G_STRUCT_OFFSET (LicOptions, threads) },
  { "server", "tls-certificate", KIND_PATH, G_STRUCT_OFFSET (LicOptions, tls_certificate) },
  { "server", "tls-key", KIND_PATH, G_STRUCT_OFFSET (LicOptions, tls_key) },
  { "mail", "smtp", KIND_STRING, G_STRUCT_OFFSET (LicOptions, smtp_url) },
  { "mail", "smtp-user", KIND_STRING, G_STRUCT_OFFSET (LicOptions, smtp_user) },
  { "mail", "maildir", KIND_PATH, G_STRUCT_OFFSET (LicOptions, maildir) },
  { "mail", "mail-from", KIND_STRING, G_STRUCT_OFFSET (LicOptions, mail_from) },
};

void
lic_options_clear (LicOptions *options)
{
  g_free (options->config);
  g_free (options->database);
  g_free (options->address);
  g_free (options->tls_certificate);
  g_free (options->tls_key);
  g_free (options->smtp_url);
  g_free (options->smtp_user);
  g_free (options->maildir);
  g_free (options->mail_from);
}

/* GKeyFile names no line in its syntax errors: the first line at which the text stops parsing
 * is the one. Configuration files are short, so parsing every beginning costs nothing. */
static guint
find_bad_line (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n_lines = g_strv_length (lines);

  for (guint n = 1; n <= n_lines; n++)
    {
      g_autoptr(GKeyFile) file = g_key_file_new ();
      g_autofree char *start = NULL;
      char *cut = lines[n];

      lines[n] = NULL;
      start = g_strjoinv ("\n", lines);
      lines[n] = cut;
      if (!g_key_file_load_from_data (file, start, -1, G_KEY_FILE_NONE, NULL))
        return n;
    }
  return 0;
}

static int
find_key (const char *group,
          const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_str_equal (keys[i].group, group) && g_str_equal (keys[i].key, key))
      return (int) i;
  return -1;
}

static gboolean
is_known_group (const char *group)
{
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_str_equal (keys[i].group, group))
      return TRUE;
  return FALSE;
}

/* Reads key @i of the table into @options, unless the command line has set it already. */
static gboolean
read_key (GKeyFile    *file,
          const char  *path,
          guint        i,
          LicOptions  *options,
          GError     **error)
{
  gpointer field = G_STRUCT_MEMBER_P (options, keys[i].offset);
  g_autofree char *value = NULL;
  gint64 number;

  value = g_key_file_get_string (file, keys[i].group, keys[i].key, error);
  if (value == NULL)
    {
      g_prefix_error (error, "%s: [%s] %s: ", path, keys[i].group, keys[i].key);
      return FALSE;
    }
  if (*value == '\0')
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   "%s: [%s] %s is empty; leave the key out for the default", path,
                   keys[i].group, keys[i].key);
      return FALSE;
    }

  switch (keys[i].kind)
    {
    case KIND_STRING:
    case KIND_PATH:
      if (*(char **) field != NULL)
        break;
      if (keys[i].kind == KIND_PATH && !g_path_is_absolute (value))
        {
          g_autofree char *folder = g_path_get_dirname (path);

          *(char **) field = g_build_filename (folder, value, NULL);
        }
      else
        *(char **) field = g_steal_pointer (&value);
      break;

    case KIND_PORT:
    case KIND_COUNT:
      if (!g_ascii_string_to_signed (value, 10, keys[i].kind == KIND_PORT ? 0 : 1,
                                     keys[i].kind == KIND_PORT ? G_MAXUINT16 : 1024,
                                     &number, NULL))
        {
          g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                       "%s: [%s] %s: “%s” is not a number from %d to %d", path,
                       keys[i].group, keys[i].key, value, keys[i].kind == KIND_PORT ? 0 : 1,
                       keys[i].kind == KIND_PORT ? G_MAXUINT16 : 1024);
          return FALSE;
        }
      if (*(int *) field == LIC_OPTION_UNSET)
        *(int *) field = (int) number;
      break;
    }
  return TRUE;
}

/**
 * lic_options_load_file:
 * @path: a configuration file (see data/licentia-server.conf)
 *
 * Sets the options of @options that are still unset from @path. Fails, naming @path and the
 * line or key, on anything in the file the server would not use.
 */
gboolean
lic_options_load_file (LicOptions  *options,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) groups = NULL;

  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_get_contents (path, &text, NULL, &local_error))
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_NOT_FOUND,
                   "Could not read the configuration file: %s", local_error->message);
      return FALSE;
    }
  if (!g_key_file_load_from_data (file, text, -1, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_PARSE, "%s:%u: %s", path,
                   find_bad_line (text), local_error->message);
      return FALSE;
    }

  groups = g_key_file_get_groups (file, NULL);
  for (guint g = 0; groups[g] != NULL; g++)
    {
      g_auto(GStrv) names = g_key_file_get_keys (file, groups[g], NULL, NULL);

      if (!is_known_group (groups[g]))
        {
          g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_GROUP_NOT_FOUND,
                       "%s: unknown group [%s]; the groups are [server] and [mail]", path,
                       groups[g]);
          return FALSE;
        }
      for (guint k = 0; names[k] != NULL; k++)
        {
          int i = find_key (groups[g], names[k]);

          if (i < 0)
            {
              g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND,
                           "%s: unknown key “%s” in group [%s]", path, names[k], groups[g]);
              return FALSE;
            }
          if (!read_key (file, path, (guint) i, options, error))
            return FALSE;
        }
    }
  return TRUE;
}
