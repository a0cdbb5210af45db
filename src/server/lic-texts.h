/* lic-texts.h: the sentences the server writes for people: status texts, notifications and
 * e-mails, in the language of the calling thread (lic-i18n.h), or of the recipient for e-mails.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lic-buying.h"

G_BEGIN_DECLS

/* What a notification or e-mail about licenses that arrived is about. */
typedef struct
{
  gint64 order_id;
  gint64 quantity;
  const char *product_name;
  const char *supplier;
  const char *school_name;
} LicDeliveryFacts;

/* What the e-mails about a purchase request, or a term that ended, are about. */
typedef struct
{
  const char *organization_name;
  const char *product_name;
  const char *school_name;
  gint64 order_id;                  /* the order that made the purchase request */
  gint64 quantity;                  /* licenses requested (or renewed, at a term's end) */
  const char *created_at;           /* when the request was made */
  const char *due_at;               /* day 60 (or the term's end) */
  gint64 available;                 /* licenses paid */
  gint64 payable_users;             /* users assigned beyond them */
  gint64 no_access;                 /* users who lost access in this step */
} LicComplianceFacts;

/* Why a user lost access. */
typedef enum {
  LIC_ACCESS_ENDED_UNPAID,
  LIC_ACCESS_ENDED_NOT_RENEWED,
} LicAccessEnded;

char *lic_text_date             (const char              *iso8601);
char *lic_text_line_status      (const LicOrderLine      *line);
char *lic_text_delivered        (gint64                   quantity,
                                 const char              *product_name,
                                 const char              *school_name);
char *lic_text_notification     (const char              *kind,
                                 gint64                   quantity,
                                 const char              *product_name,
                                 const char              *school_name);
void  lic_text_delivered_mail   (const LicDeliveryFacts  *facts,
                                 const char              *language,
                                 const char              *recipient_name,
                                 char                   **subject,
                                 char                   **body);
void  lic_text_activation_mail  (const LicDeliveryFacts  *facts,
                                 const char              *language,
                                 const char              *recipient_name,
                                 const char              *code,
                                 const char              *expires_at,
                                 char                   **subject,
                                 char                   **body);

void  lic_text_late_mail        (const LicComplianceFacts  *facts,
                                 const char                *language,
                                 const char                *recipient_name,
                                 char                     **subject,
                                 char                     **body);
void  lic_text_suspended_mail   (const LicComplianceFacts  *facts,
                                 const char                *language,
                                 const char                *recipient_name,
                                 char                     **subject,
                                 char                     **body);
void  lic_text_term_ended_mail  (const LicComplianceFacts  *facts,
                                 const char                *language,
                                 const char                *recipient_name,
                                 char                     **subject,
                                 char                     **body);
void  lic_text_access_ended_mail (const LicComplianceFacts *facts,
                                 LicAccessEnded             why,
                                 const char                *language,
                                 const char                *recipient_name,
                                 char                     **subject,
                                 char                     **body);
void  lic_text_access_mail      (const char                *product_name,
                                 const char                *school_name,
                                 gboolean                   again,
                                 const char                *language,
                                 const char                *recipient_name,
                                 char                     **subject,
                                 char                     **body);
char *lic_text_requests_closed  (const char                *organization_name,
                                 gint64                     quantity,
                                 const char                *product_name,
                                 const char                *school_name,
                                 gint64                     more);

G_END_DECLS
