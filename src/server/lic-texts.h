/* lic-texts.h: the sentences the server writes for people: status texts, notifications and
 * e-mails. English for now; they are all here so that a later issue can translate them.
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

char *lic_text_date             (const char              *iso8601);
char *lic_text_line_status      (const LicOrderLine      *line);
char *lic_text_delivered        (gint64                   quantity,
                                 const char              *product_name,
                                 const char              *school_name);
void  lic_text_delivered_mail   (const LicDeliveryFacts  *facts,
                                 const char              *recipient_name,
                                 char                   **subject,
                                 char                   **body);
void  lic_text_activation_mail  (const LicDeliveryFacts  *facts,
                                 const char              *recipient_name,
                                 const char              *code,
                                 const char              *expires_at,
                                 char                   **subject,
                                 char                   **body);

G_END_DECLS
