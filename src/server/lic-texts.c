/* lic-texts.c
 *
 * Dates are written with English month names of our own rather than strftime's, which would
 * follow whatever locale the server happens to run in. E-mail bodies hold one line per
 * paragraph: mail readers wrap them to their own width (quoted-printable keeps the lines on the
 * wire short).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lic-texts.h"

#define SIGNATURE "-- \nLicentia\n"

static const char * const months[] = {
  "January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December",
};

/**
 * lic_text_date:
 * @iso8601: a date and time in ISO 8601, such as 2027-02-03T09:15:00Z
 *
 * Returns: (transfer full): its date in UTC, such as "3 February 2027"
 */
char *
lic_text_date (const char *iso8601)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (iso8601, utc);
  g_autoptr(GDateTime) date = NULL;

  g_return_val_if_fail (parsed != NULL, g_strdup (iso8601));

  date = g_date_time_to_utc (parsed);
  return g_strdup_printf ("%d %s %d", g_date_time_get_day_of_month (date),
                          months[g_date_time_get_month (date) - 1], g_date_time_get_year (date));
}

static char *
licenses (gint64 quantity)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT " %s", quantity,
                          quantity == 1 ? "license" : "licenses");
}

/**
 * lic_text_line_status:
 *
 * Returns: (transfer full): the phrase that sums up @line: "Delivered · 27 of 30 assigned",
 *   "Awaiting the supplier since 3 February 2027" or "Activation e-mail sent to …"
 */
char *
lic_text_line_status (const LicOrderLine *line)
{
  g_autofree char *since = NULL;

  switch (line->state)
    {
    case LIC_LINE_STATE_DELIVERED:
      return g_strdup_printf ("Delivered · %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT
                              " assigned", line->assigned, line->quantity);
    case LIC_LINE_STATE_AWAITING_DELIVERY:
      since = lic_text_date (line->state_since);
      return g_strdup_printf ("Awaiting the supplier since %s", since);
    case LIC_LINE_STATE_ACTIVATION_MAIL_SENT:
      return g_strdup_printf ("Activation e-mail sent to %s",
                              line->activation_email != NULL ? line->activation_email
                                                             : "the buyer");
    default:
      g_assert_not_reached ();
    }
}

/**
 * lic_text_delivered:
 *
 * Returns: (transfer full): the text of a notification that licenses arrived
 */
char *
lic_text_delivered (gint64      quantity,
                    const char *product_name,
                    const char *school_name)
{
  g_autofree char *what = licenses (quantity);

  return g_strdup_printf ("%s of %s %s arrived at %s.", what, product_name,
                          quantity == 1 ? "has" : "have", school_name);
}

/**
 * lic_text_delivered_mail:
 * @subject: (out) (transfer full):
 * @body: (out) (transfer full): plain text, lines ended by "\n"
 *
 * The e-mail every admin of a school gets when licenses arrive there.
 */
void
lic_text_delivered_mail (const LicDeliveryFacts  *facts,
                         const char              *recipient_name,
                         char                   **subject,
                         char                   **body)
{
  g_autofree char *what = licenses (facts->quantity);

  *subject = g_strdup_printf ("Licenses of %s have arrived at %s", facts->product_name,
                              facts->school_name);
  *body = g_strdup_printf ("Hello %s,\n"
                           "\n"
                           "%s has delivered %s of %s to %s (order %" G_GINT64_FORMAT "). "
                           "They are in Licentia now, ready to be assigned.\n"
                           "\n"
                           SIGNATURE,
                           recipient_name, facts->supplier, what, facts->product_name,
                           facts->school_name, facts->order_id);
}

/**
 * lic_text_activation_mail:
 * @code: the activation code as people see it, XXXX-XXXX-XXXX
 * @expires_at: when @code stops working, in ISO 8601
 * @subject: (out) (transfer full):
 * @body: (out) (transfer full): plain text, lines ended by "\n"
 *
 * The activation e-mail sent on the supplier's behalf to the admin who checked out.
 */
void
lic_text_activation_mail (const LicDeliveryFacts  *facts,
                          const char              *recipient_name,
                          const char              *code,
                          const char              *expires_at,
                          char                   **subject,
                          char                   **body)
{
  g_autofree char *what = licenses (facts->quantity);
  g_autofree char *until = lic_text_date (expires_at);

  *subject = g_strdup_printf ("Activate your licenses of %s", facts->product_name);
  *body = g_strdup_printf ("Hello %s,\n"
                           "\n"
                           "%s has issued %s of %s for %s (order %" G_GINT64_FORMAT "). "
                           "To move the licenses into Licentia, open this link on a computer where "
                           "Licentia is installed:\n"
                           "\n"
                           "licentia://activate?code=%s\n"
                           "\n"
                           "Or enter the activation code in Licentia by hand:\n"
                           "\n"
                           "    %s\n"
                           "\n"
                           "The code works once, until %s.\n"
                           "\n"
                           SIGNATURE,
                           recipient_name, facts->supplier, what, facts->product_name,
                           facts->school_name, facts->order_id, code, code, until);
}
