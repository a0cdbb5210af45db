/* lic-error-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lic-core.h"
#include "lic-error-text.h"

/**
 * lic_error_text_sign_in:
 * @error: why signing in failed
 * @server_address: the address that was tried
 *
 * Returns: a sentence for the sign-in window
 */
char *
lic_error_text_sign_in (const GError *error,
                        const char   *server_address)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (g_error_matches (error, LIC_ERROR, LIC_ERROR_NETWORK))
    return g_strdup_printf (_("Cannot reach the server at %s. Check the address and your network "
                              "connection."), server_address);
  if (g_error_matches (error, LIC_ERROR, LIC_ERROR_UNAUTHORIZED))
    return g_strdup (_("The username or password is wrong."));
  /* TRANSLATORS: %s is the server's own explanation, in English */
  return g_strdup_printf (_("The server could not sign you in: %s"), error->message);
}

/* The heading of a view's error state. */
const char *
lic_error_text_title (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain != LIC_ERROR)
    return _("Something Went Wrong");

  switch ((LicError) error->code)
    {
    case LIC_ERROR_NETWORK:
      return _("Cannot Reach the Server");
    case LIC_ERROR_SERVER:
      return _("The Server Has a Problem");
    case LIC_ERROR_PARSE:
      return _("The Server Answered Unexpectedly");
    case LIC_ERROR_UNAUTHORIZED:
      return _("Your Session Has Ended");
    case LIC_ERROR_FORBIDDEN:
      return _("Not Allowed");
    case LIC_ERROR_NOT_FOUND:
      return _("Not Found");
    case LIC_ERROR_INVALID:
    case LIC_ERROR_METHOD_NOT_ALLOWED:
    case LIC_ERROR_CONFLICT:
    case LIC_ERROR_TOO_LARGE:
    case LIC_ERROR_UNSUPPORTED_MEDIA_TYPE:
    default:
      return _("Something Went Wrong");
    }
}

/* The explanation below the heading: advice where we have some, else the server's message. */
const char *
lic_error_text_description (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (g_error_matches (error, LIC_ERROR, LIC_ERROR_NETWORK))
    return _("Check your network connection, or ask your IT support whether licentia-server is "
             "running.");
  if (g_error_matches (error, LIC_ERROR, LIC_ERROR_SERVER))
    return _("Try again in a moment. If it keeps happening, ask your IT support to look at the "
             "server’s log.");
  if (g_error_matches (error, LIC_ERROR, LIC_ERROR_PARSE))
    return _("The server may run another version of Licentia. Ask your IT support to check it.");
  if (g_error_matches (error, LIC_ERROR, LIC_ERROR_UNAUTHORIZED))
    return _("Sign in again.");
  return error->message;
}

const char *
lic_error_text_icon_name (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (g_error_matches (error, LIC_ERROR, LIC_ERROR_NETWORK))
    return "network-error-symbolic";
  return "dialog-error-symbolic";
}
