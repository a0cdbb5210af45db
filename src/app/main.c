/* main.c: the licentia desktop app.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "lic-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LicApplication) app = NULL;
  const char *localedir = g_getenv ("LICENTIA_LOCALEDIR");

  /* Before the options are parsed, so that --help is translated too. */
  setlocale (LC_ALL, "");
  /* $LICENTIA_LOCALEDIR runs the app uninstalled with the catalogs of the build folder. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = lic_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
