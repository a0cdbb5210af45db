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

  if (line->renewal)
    return g_strdup_printf ("Renewed for the next term · %" G_GINT64_FORMAT " %s",
                            line->quantity, line->quantity == 1 ? "license" : "licenses");
  if (line->pays_request)
    return g_strdup_printf ("Pays purchase request %" G_GINT64_FORMAT, line->purchase_request_id);
  switch (line->state)
    {
    case LIC_LINE_STATE_DELIVERED:
      return g_strdup_printf ("Delivered · %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT
                              " assigned%s", line->assigned, line->quantity,
                              line->purchase_request_id == 0 ? ""
                              : line->request_paid ? " · Paid" : " · Not paid yet");
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

static char *
users (gint64 count)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT " %s", count, count == 1 ? "user" : "users");
}

/**
 * lic_text_late_mail:
 * @subject: (out) (transfer full):
 * @body: (out) (transfer full): plain text, lines ended by "\n"
 *
 * The e-mail every admin of a school gets once, on day 30 of a purchase request still unpaid:
 * the payment is late, and what happens on day 60 unless an order is placed.
 */
void
lic_text_late_mail (const LicComplianceFacts  *facts,
                    const char                *recipient_name,
                    char                     **subject,
                    char                     **body)
{
  g_autofree char *what = licenses (facts->quantity);
  g_autofree char *made = lic_text_date (facts->created_at);
  g_autofree char *due = lic_text_date (facts->due_at);
  g_autofree char *paid = licenses (facts->available);
  g_autofree char *who = users (facts->payable_users);
  g_autofree char *consequence = NULL;

  if (facts->payable_users > 0)
    consequence = g_strdup_printf ("the %s assigned last beyond the %s paid will lose access to "
                                   "%s, ", who, paid, facts->product_name);
  else
    consequence = g_strdup ("");
  *subject = g_strdup_printf ("Payment for %s of %s at %s is late", what, facts->product_name,
                              facts->school_name);
  *body = g_strdup_printf ("Hello %s,\n"
                           "\n"
                           "On %s, a purchase request (order %" G_GINT64_FORMAT ") got %s of %s "
                           "for %s, to be paid within 60 days. 30 days have passed and no order "
                           "has been placed for them: the payment is late.\n"
                           "\n"
                           "Place an order for the unpaid licenses in Licentia before %s. If no "
                           "order is placed by then, the unpaid licenses will be suspended: %s"
                           "and %s will not be able to make new purchase requests until it "
                           "places the order. You can also unassign users to bring the licenses "
                           "in use down to the %s paid.\n"
                           "\n"
                           SIGNATURE,
                           recipient_name, made, facts->order_id, what, facts->product_name,
                           facts->school_name, due, consequence, facts->organization_name, paid);
}

/**
 * lic_text_suspended_mail:
 * @subject: (out) (transfer full):
 * @body: (out) (transfer full): plain text, lines ended by "\n"
 *
 * The e-mail every admin of a school gets on day 60 of a purchase request still unpaid: how
 * many licenses were suspended and how many users lost access.
 */
void
lic_text_suspended_mail (const LicComplianceFacts  *facts,
                         const char                *recipient_name,
                         char                     **subject,
                         char                     **body)
{
  g_autofree char *what = licenses (facts->quantity);
  g_autofree char *made = lic_text_date (facts->created_at);
  g_autofree char *who = users (facts->no_access);
  g_autofree char *lost = facts->no_access > 0
    ? g_strdup_printf ("%s lost access to %s: those assigned last. They are on the No access "
                       "list in Licentia.", who, facts->product_name)
    : g_strdup_printf ("No one lost access to %s: no more users were assigned than licenses "
                       "paid.", facts->product_name);

  *subject = g_strdup_printf ("%s of %s at %s %s been suspended", what, facts->product_name,
                              facts->school_name, facts->quantity == 1 ? "has" : "have");
  *body = g_strdup_printf ("Hello %s,\n"
                           "\n"
                           "No order was placed within 60 days for the %s of %s that a purchase "
                           "request (order %" G_GINT64_FORMAT ") got for %s on %s, so they have "
                           "been suspended. %s\n"
                           "\n"
                           "Until an order is placed for the suspended licenses, %s cannot make "
                           "new purchase requests. Place the order in Licentia: the users who "
                           "lost access get their licenses back at once.\n"
                           "\n"
                           SIGNATURE,
                           recipient_name, what, facts->product_name, facts->order_id,
                           facts->school_name, made, lost, facts->organization_name);
}

/**
 * lic_text_term_ended_mail:
 * @subject: (out) (transfer full):
 * @body: (out) (transfer full): plain text, lines ended by "\n"
 *
 * The e-mail every admin of a school gets when a term ended with users beyond the licenses
 * renewed for the next one.
 */
void
lic_text_term_ended_mail (const LicComplianceFacts  *facts,
                          const char                *recipient_name,
                          char                     **subject,
                          char                     **body)
{
  g_autofree char *renewed = licenses (facts->quantity);
  g_autofree char *ended = lic_text_date (facts->due_at);
  g_autofree char *who = users (facts->no_access);

  *subject = g_strdup_printf ("The term of %s at %s has ended", facts->product_name,
                              facts->school_name);
  *body = g_strdup_printf ("Hello %s,\n"
                           "\n"
                           "The term of the licenses of %s at %s ended on %s, and %s had been "
                           "renewed for the next term. %s lost access to %s: those assigned "
                           "last. They are on the No access list in Licentia, and get their "
                           "licenses back as soon as more are bought.\n"
                           "\n"
                           SIGNATURE,
                           recipient_name, facts->product_name, facts->school_name, ended,
                           renewed, who, facts->product_name);
}

/**
 * lic_text_access_ended_mail:
 * @subject: (out) (transfer full):
 * @body: (out) (transfer full): plain text, lines ended by "\n"
 *
 * The e-mail a user gets who lost access to a product.
 */
void
lic_text_access_ended_mail (const LicComplianceFacts  *facts,
                            LicAccessEnded             why,
                            const char                *recipient_name,
                            char                     **subject,
                            char                     **body)
{
  g_autofree char *date = lic_text_date (facts->due_at);

  *subject = g_strdup_printf ("Your access to %s has ended", facts->product_name);
  *body = g_strdup_printf ("Hello %s,\n"
                           "\n"
                           "Your access to %s at %s ended on %s, because %s. You will get it "
                           "back as soon as the school has the licenses; ask your school's "
                           "Licentia administrator if you need it.\n"
                           "\n"
                           SIGNATURE,
                           recipient_name, facts->product_name, facts->school_name, date,
                           why == LIC_ACCESS_ENDED_UNPAID
                           ? "the school's licenses for it have not been paid"
                           : "the school's licenses for it were not renewed");
}

/**
 * lic_text_access_mail:
 * @again: whether the user had access before and lost it
 * @subject: (out) (transfer full):
 * @body: (out) (transfer full): plain text, lines ended by "\n"
 *
 * The e-mail a user gets who was given access by a purchase request, or got it back.
 */
void
lic_text_access_mail (const char  *product_name,
                      const char  *school_name,
                      gboolean     again,
                      const char  *recipient_name,
                      char       **subject,
                      char       **body)
{
  *subject = g_strdup_printf (again ? "Your access to %s is back" : "You have access to %s",
                              product_name);
  *body = g_strdup_printf ("Hello %s,\n"
                           "\n"
                           "%s %s at %s. You can start using it now.\n"
                           "\n"
                           SIGNATURE,
                           recipient_name, again ? "You have access again to" : "You now have "
                           "access to", product_name, school_name);
}

/**
 * lic_text_requests_closed:
 * @more: how many more purchase requests are suspended besides this one
 *
 * Returns: (transfer full): why an organization cannot make purchase requests: the oldest of
 *   its suspended requests
 */
char *
lic_text_requests_closed (const char *organization_name,
                          gint64      quantity,
                          const char *product_name,
                          const char *school_name,
                          gint64      more)
{
  g_autofree char *others = NULL;

  if (more > 0)
    others = g_strdup_printf (", and for those of %" G_GINT64_FORMAT " more suspended purchase "
                              "%s", more, more == 1 ? "request" : "requests");
  return g_strdup_printf ("Purchase requests are closed until %s places an order for the %"
                          G_GINT64_FORMAT " unpaid %s of %s at %s%s.", organization_name,
                          quantity, quantity == 1 ? "license" : "licenses", product_name,
                          school_name, others != NULL ? others : "");
}
