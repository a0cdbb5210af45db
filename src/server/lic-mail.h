/* lic-mail.h: one e-mail of the outbox, and its form on the wire (RFC 5322).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gint64 id;
  char *recipient;                  /* the address alone */
  char *recipient_name;             /* NULL: none */
  char *subject;
  char *body;                       /* UTF-8 text, lines ended by "\n" */
  char *message_key;                /* unique; the left part of the Message-ID */
  gint64 created_at;                /* seconds since 1970: the Date */
  gint64 attempts;                  /* failed sends so far */
} LicMail;

void      lic_mail_free          (LicMail     *mail);
gboolean  lic_mail_split_mailbox (const char  *mailbox,
                                  char       **name,
                                  char       **address,
                                  GError     **error);
char     *lic_mail_render        (const LicMail *mail,
                                  const char    *from,
                                  const char    *line_end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LicMail, lic_mail_free)

G_END_DECLS
