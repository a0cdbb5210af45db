/* lic-mailer.h: the background sender of the outbox.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lic-store.h"

G_BEGIN_DECLS

typedef struct
{
  const char *smtp_url;             /* smtp:// or smtps://; NULL: deliver into @maildir */
  const char *smtp_user;            /* NULL: no authentication */
  const char *smtp_password;
  const char *maildir;
  const char *from;                 /* `Name <address>` or an address */
} LicMailerConfig;

#define LIC_TYPE_MAILER (lic_mailer_get_type ())

G_DECLARE_FINAL_TYPE (LicMailer, lic_mailer, LIC, MAILER, GObject)

LicMailer *lic_mailer_new   (LicStore               *store,
                             const LicMailerConfig  *config,
                             GError                **error);
void       lic_mailer_start (LicMailer              *self);
void       lic_mailer_stop  (LicMailer              *self);

G_END_DECLS
