/* lic-options.h: licentia-server's options, from its command line and its configuration file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An integer option not given: GOption cannot say whether it set one. */
#define LIC_OPTION_UNSET G_MININT

/* Strings are NULL and integers LIC_OPTION_UNSET until the command line or the file sets them. */
typedef struct
{
  char *config;
  char *database;
  char *address;
  int port;
  int threads;
  char *tls_certificate;
  char *tls_key;
  gboolean demo;
  int demo_users;
  gboolean test_clock;
  char *smtp_url;
  char *smtp_user;
  char *maildir;
  char *mail_from;
  int keep_alive;
} LicOptions;

void     lic_options_clear     (LicOptions  *options);
gboolean lic_options_load_file (LicOptions  *options,
                                const char  *path,
                                GError     **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LicOptions, lic_options_clear)

G_END_DECLS
