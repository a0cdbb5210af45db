/* lic-test-mail.h: a real SMTP server for tests, and the e-mails it (or a maildir) received.
 *
 * The server is tests/support/lic-smtp-sink.py, run with /usr/bin/python3 and aiosmtpd on an
 * ephemeral loopback port; it writes each message it receives to a folder of its own, which
 * lic_test_smtp_get_mails() reads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _LicTestSmtp LicTestSmtp;

typedef struct
{
  char *envelope_to;                /* the SMTP recipients; NULL for a maildir's message */
  GHashTable *headers;              /* lower-case name → value, unfolded */
  char *body;                       /* quoted-printable decoded; lines end with "\n" */
  char *raw;                        /* the whole message as it came */
} LicTestMail;

LicTestSmtp *lic_test_smtp_start          (void);
const char  *lic_test_smtp_get_url        (LicTestSmtp  *self);
void         lic_test_smtp_kill           (LicTestSmtp  *self);
void         lic_test_smtp_restart        (LicTestSmtp  *self);
void         lic_test_smtp_stop           (LicTestSmtp  *self);
GPtrArray   *lic_test_smtp_get_mails      (LicTestSmtp  *self);
GPtrArray   *lic_test_smtp_wait           (LicTestSmtp  *self,
                                           guint         count);

GPtrArray   *lic_test_maildir_get_mails   (const char   *maildir);
LicTestMail *lic_test_mail_parse          (const char   *raw);
const char  *lic_test_mail_get_header     (LicTestMail  *mail,
                                           const char   *name);
void         lic_test_mail_free           (LicTestMail  *mail);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LicTestSmtp, lic_test_smtp_stop)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LicTestMail, lic_test_mail_free)

G_END_DECLS
