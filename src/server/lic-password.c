/* lic-password.c
 *
 * Passwords are kept as argon2id hashes with the parameters OWASP recommends as its minimum
 * (t=2, m=19 MiB, p=1; about 25 ms a check on one core). Session tokens are 32 random bytes
 * handed out once; the database only ever sees their SHA-256, so a copy of it cannot be used to
 * sign in. Activation codes are kept the same way: only their hash is stored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <argon2.h>
#include <errno.h>
#include <string.h>
#include <sys/random.h>

#include "lic-error.h"
#include "lic-password.h"

#define T_COST 2
#define M_COST_KIB 19456
#define PARALLELISM 1
#define SALT_LENGTH 16
#define HASH_LENGTH 32
#define TOKEN_LENGTH 32

/* No I, O, 0 or 1, which are easily mistaken for each other when typed from an e-mail; 32
 * characters, so a random byte picks one without bias. */
#define CODE_ALPHABET "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
#define CODE_GROUPS 3
#define CODE_GROUP_LENGTH 4

static gboolean
fill_random (guint8   *buffer,
             gsize     length,
             GError  **error)
{
  gsize done = 0;

  while (done < length)
    {
      gssize n = getrandom (buffer + done, length - done, 0);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error (error, LIC_ERROR, LIC_ERROR_SERVER,
                       "Could not read random bytes: %s", g_strerror (saved_errno));
          return FALSE;
        }
      done += (gsize) n;
    }
  return TRUE;
}

/**
 * lic_password_hash:
 *
 * Returns: (transfer full): the argon2id hash of @password in its PHC string form
 *   (`$argon2id$v=19$m=…`), with a random salt.
 */
char *
lic_password_hash (const char  *password,
                   GError     **error)
{
  guint8 salt[SALT_LENGTH];
  gsize length = argon2_encodedlen (T_COST, M_COST_KIB, PARALLELISM, SALT_LENGTH, HASH_LENGTH,
                                    Argon2_id);
  g_autofree char *encoded = g_malloc (length);
  int result;

  g_return_val_if_fail (password != NULL, NULL);

  if (!fill_random (salt, sizeof salt, error))
    return NULL;
  result = argon2id_hash_encoded (T_COST, M_COST_KIB, PARALLELISM, password, strlen (password),
                                  salt, sizeof salt, HASH_LENGTH, encoded, length);
  if (result != ARGON2_OK)
    {
      g_set_error (error, LIC_ERROR, LIC_ERROR_SERVER,
                   "Could not hash a password: %s", argon2_error_message (result));
      return NULL;
    }
  return g_steal_pointer (&encoded);
}

/* Compared against when there is no account, so that an unknown username costs as much time
 * as a wrong password and the answer's timing does not tell which usernames exist. */
static const char *
get_decoy_hash (void)
{
  static char *decoy;

  if (g_once_init_enter (&decoy))
    {
      g_autoptr(GError) error = NULL;
      char *hash = lic_password_hash ("decoy", &error);

      if (hash == NULL)
        g_error ("%s", error->message);
      g_once_init_leave (&decoy, hash);
    }
  return decoy;
}

/**
 * lic_password_verify:
 * @encoded: (nullable): a hash made by lic_password_hash(), or %NULL if the account has none
 *
 * Takes about as long whether or not there is a hash to check.
 *
 * Returns: whether @password matches @encoded; always %FALSE when @encoded is %NULL
 */
gboolean
lic_password_verify (const char *encoded,
                     const char *password)
{
  g_return_val_if_fail (password != NULL, FALSE);

  if (encoded == NULL)
    {
      argon2id_verify (get_decoy_hash (), password, strlen (password));
      return FALSE;
    }
  return argon2id_verify (encoded, password, strlen (password)) == ARGON2_OK;
}

/**
 * lic_token_new:
 *
 * Returns: (transfer full): a new session token: 32 random bytes as unpadded base64url
 *   (43 characters, safe in a header without quoting)
 */
char *
lic_token_new (GError **error)
{
  guint8 bytes[TOKEN_LENGTH];
  g_autofree char *token = NULL;
  char *pad;

  if (!fill_random (bytes, sizeof bytes, error))
    return NULL;
  token = g_base64_encode (bytes, sizeof bytes);
  g_strdelimit (token, "+", '-');
  g_strdelimit (token, "/", '_');
  pad = strchr (token, '=');
  if (pad != NULL)
    *pad = '\0';
  return g_steal_pointer (&token);
}

/**
 * lic_token_hash:
 *
 * Returns: (transfer full): the SHA-256 of @token in hex, the form sessions are stored in
 */
char *
lic_token_hash (const char *token)
{
  g_return_val_if_fail (token != NULL, NULL);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
}

/**
 * lic_activation_code_new:
 *
 * Returns: (transfer full): a new activation code of 60 random bits, as people see it:
 *   XXXX-XXXX-XXXX
 */
char *
lic_activation_code_new (GError **error)
{
  guint8 bytes[CODE_GROUPS * CODE_GROUP_LENGTH];
  GString *code;

  G_STATIC_ASSERT (sizeof CODE_ALPHABET - 1 == 32);

  if (!fill_random (bytes, sizeof bytes, error))
    return NULL;
  code = g_string_sized_new (sizeof bytes + CODE_GROUPS);
  for (guint i = 0; i < sizeof bytes; i++)
    {
      if (i > 0 && i % CODE_GROUP_LENGTH == 0)
        g_string_append_c (code, '-');
      g_string_append_c (code, CODE_ALPHABET[bytes[i] % 32]);
    }
  return g_string_free (code, FALSE);
}

/**
 * lic_activation_code_hash:
 * @code: a code as someone typed or pasted it
 *
 * Returns: (transfer full): the SHA-256 in hex of @code without its spaces and dashes, in
 *   capitals: "abcd efgh-jklm" and "ABCD-EFGH-JKLM" are the same code
 */
char *
lic_activation_code_hash (const char *code)
{
  g_autoptr(GString) canonical = g_string_new (NULL);

  g_return_val_if_fail (code != NULL, NULL);

  for (const char *c = code; *c != '\0'; c++)
    if (!g_ascii_isspace (*c) && *c != '-')
      g_string_append_c (canonical, g_ascii_toupper (*c));
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical->str, canonical->len);
}
