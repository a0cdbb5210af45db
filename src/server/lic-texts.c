/* lic-texts.c
 *
 * Every text is written in the language of the calling thread (lic-i18n.h): that of the request
 * for what answers it, that of the recipient for an e-mail. Dates are written with month names
 * of our own catalog rather than strftime's, whose LC_TIME is the process's, not the reader's.
 * E-mail bodies hold one line per paragraph: mail readers wrap them to their own width
 * (quoted-printable keeps the lines on the wire short).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>

#include "lic-i18n.h"
#include "lic-texts.h"

#define SIGNATURE "-- \nLicentia\n"

/* A count for g_dngettext(), which chooses the plural form. */
#define COUNT(n) ((gulong) MAX ((n), 0))

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
  int day, year;

  g_return_val_if_fail (parsed != NULL, g_strdup (iso8601));

  date = g_date_time_to_utc (parsed);
  day = g_date_time_get_day_of_month (date);
  year = g_date_time_get_year (date);
  switch (g_date_time_get_month (date))
    {
    /* TRANSLATORS: a date in a sentence: the day of the month, the month and the year, such as
     * "3 February 2027"; the month in the form the language writes in dates (so the eleven
     * strings after this one) */
    case 1: return g_strdup_printf (_("%d January %d"), day, year);
    case 2: return g_strdup_printf (_("%d February %d"), day, year);
    case 3: return g_strdup_printf (_("%d March %d"), day, year);
    case 4: return g_strdup_printf (_("%d April %d"), day, year);
    case 5: return g_strdup_printf (_("%d May %d"), day, year);
    case 6: return g_strdup_printf (_("%d June %d"), day, year);
    case 7: return g_strdup_printf (_("%d July %d"), day, year);
    case 8: return g_strdup_printf (_("%d August %d"), day, year);
    case 9: return g_strdup_printf (_("%d September %d"), day, year);
    case 10: return g_strdup_printf (_("%d October %d"), day, year);
    case 11: return g_strdup_printf (_("%d November %d"), day, year);
    case 12: return g_strdup_printf (_("%d December %d"), day, year);
    default: g_return_val_if_reached (g_strdup (iso8601));
    }
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
    /* TRANSLATORS: the status of an order line that renewed licenses */
    return g_strdup_printf (g_dngettext (LIC_I18N_DOMAIN,
                                         "Renewed for the next term · %" PRId64 " license",
                                         "Renewed for the next term · %" PRId64 " licenses",
                                         COUNT (line->quantity)),
                            line->quantity);
  if (line->pays_request)
    /* TRANSLATORS: the status of an order line that pays for licenses a purchase request got;
     * the number is that of the purchase request */
    return g_strdup_printf (_("Pays purchase request %" PRId64), line->purchase_request_id);
  switch (line->state)
    {
    case LIC_LINE_STATE_DELIVERED:
      if (line->purchase_request_id == 0)
        /* TRANSLATORS: an order line whose licenses have arrived: "Delivered · 27 of 30
         * assigned"; the plural follows the second number, the licenses ordered */
        return g_strdup_printf (g_dngettext (LIC_I18N_DOMAIN,
                                             "Delivered · %" PRId64 " of %" PRId64 " assigned",
                                             "Delivered · %" PRId64 " of %" PRId64 " assigned",
                                             COUNT (line->quantity)),
                                line->assigned, line->quantity);
      if (line->request_paid)
        /* TRANSLATORS: an order line of a purchase request, since paid: "Delivered · 27 of 30
         * assigned · Paid"; the plural follows the second number, the licenses ordered */
        return g_strdup_printf (g_dngettext (LIC_I18N_DOMAIN,
                                             "Delivered · %" PRId64 " of %" PRId64
                                             " assigned · Paid",
                                             "Delivered · %" PRId64 " of %" PRId64
                                             " assigned · Paid",
                                             COUNT (line->quantity)),
                                line->assigned, line->quantity);
      /* TRANSLATORS: an order line of a purchase request, not paid yet: "Delivered · 27 of 30
       * assigned · Not paid yet"; the plural follows the second number, the licenses ordered */
      return g_strdup_printf (g_dngettext (LIC_I18N_DOMAIN,
                                           "Delivered · %" PRId64 " of %" PRId64
                                           " assigned · Not paid yet",
                                           "Delivered · %" PRId64 " of %" PRId64
                                           " assigned · Not paid yet",
                                           COUNT (line->quantity)),
                              line->assigned, line->quantity);
    case LIC_LINE_STATE_AWAITING_DELIVERY:
      since = lic_text_date (line->state_since);
      /* TRANSLATORS: %s is a date such as "3 February 2027" */
      return g_strdup_printf (_("Awaiting the supplier since %s"), since);
    case LIC_LINE_STATE_ACTIVATION_MAIL_SENT:
      if (line->activation_email == NULL)
        return g_strdup (_("Activation e-mail sent to the buyer"));
      /* TRANSLATORS: %s is an e-mail address */
      return g_strdup_printf (_("Activation e-mail sent to %s"), line->activation_email);
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
  /* TRANSLATORS: a notification: a number of licenses, a product and a school */
  return g_strdup_printf (g_dngettext (LIC_I18N_DOMAIN,
                                       "%" PRId64 " license of %s has arrived at %s.",
                                       "%" PRId64 " licenses of %s have arrived at %s.",
                                       COUNT (quantity)),
                          quantity, product_name, school_name);
}

/**
 * lic_text_notification:
 * @kind: the notification's kind: "delivered", "payment_late", "licenses_suspended" or
 *   "access_ended"
 * @quantity: licenses; for "access_ended", users who lost access
 *
 * Returns: (transfer full): the text of a notification
 */
char *
lic_text_notification (const char *kind,
                       gint64      quantity,
                       const char *product_name,
                       const char *school_name)
{
  if (g_strcmp0 (kind, "payment_late") == 0)
    /* TRANSLATORS: a notification on day 30 of a purchase request: a number of licenses, a
     * product and a school */
    return g_strdup_printf (g_dngettext (LIC_I18N_DOMAIN,
                                         "Payment for %" PRId64 " license of %s at %s is late.",
                                         "Payment for %" PRId64 " licenses of %s at %s is late.",
                                         COUNT (quantity)),
                            quantity, product_name, school_name);
  if (g_strcmp0 (kind, "licenses_suspended") == 0)
    /* TRANSLATORS: a notification on day 60 of a purchase request: a number of licenses, a
     * product and a school */
    return g_strdup_printf (g_dngettext (LIC_I18N_DOMAIN,
                                         "%" PRId64 " license of %s at %s has been suspended.",
                                         "%" PRId64 " licenses of %s at %s have been suspended.",
                                         COUNT (quantity)),
                            quantity, product_name, school_name);
  if (g_strcmp0 (kind, "access_ended") == 0)
    /* TRANSLATORS: a notification at the end of a term: a product, a school and a number of
     * users who lost their licenses */
    return g_strdup_printf (g_dngettext (LIC_I18N_DOMAIN,
                                         "The term of %s at %s has ended, and %" PRId64
                                         " user no longer has access.",
                                         "The term of %s at %s has ended, and %" PRId64
                                         " users no longer have access.",
                                         COUNT (quantity)),
                            product_name, school_name, quantity);
  return lic_text_delivered (quantity, product_name, school_name);
}

/* "Hello Name,": how an e-mail begins. */
static char *
greeting (const char *recipient_name)
{
  /* TRANSLATORS: the first line of an e-mail; %s is the recipient's name */
  return g_strdup_printf (_("Hello %s,"), recipient_name);
}

/* An e-mail's body: the greeting, paragraphs of one line each, the signature. */
static char *
compose (const char *recipient_name,
         ...)
{
  g_autofree char *hello = greeting (recipient_name);
  GString *body = g_string_new (hello);
  va_list paragraphs;
  const char *paragraph;

  g_string_append (body, "\n\n");
  va_start (paragraphs, recipient_name);
  while ((paragraph = va_arg (paragraphs, const char *)) != NULL)
    g_string_append_printf (body, "%s\n\n", paragraph);
  va_end (paragraphs);
  g_string_append (body, SIGNATURE);
  return g_string_free (body, FALSE);
}

/**
 * lic_text_delivered_mail:
 * @language: the recipient's: "en", "sv" or "fi"
 * @subject: (out) (transfer full):
 * @body: (out) (transfer full): plain text, lines ended by "\n"
 *
 * The e-mail every admin of a school gets when licenses arrive there.
 */
void
lic_text_delivered_mail (const LicDeliveryFacts  *facts,
                         const char              *language,
                         const char              *recipient_name,
                         char                   **subject,
                         char                   **body)
{
  locale_t previous = lic_i18n_push (language);
  g_autofree char *delivered = NULL;

  /* TRANSLATORS: the subject of an e-mail: a product, a school */
  *subject = g_strdup_printf (_("Licenses of %s have arrived at %s"), facts->product_name,
                              facts->school_name);
  /* TRANSLATORS: a supplier, a number of licenses, a product, a school and the number of the
   * order */
  delivered = g_strdup_printf (g_dngettext (LIC_I18N_DOMAIN,
                                            "%s has delivered %" PRId64 " license of %s to %s "
                                            "(order %" PRId64 "). It is in Licentia now, ready "
                                            "to be assigned.",
                                            "%s has delivered %" PRId64 " licenses of %s to %s "
                                            "(order %" PRId64 "). They are in Licentia now, ready "
                                            "to be assigned.",
                                            COUNT (facts->quantity)),
                               facts->supplier, facts->quantity, facts->product_name,
                               facts->school_name, facts->order_id);
  *body = compose (recipient_name, delivered, NULL);
  lic_i18n_pop (previous);
}

/**
 * lic_text_activation_mail:
 * @language: the recipient's: "en", "sv" or "fi"
 * @code: the activation code as people see it, XXXX-XXXX-XXXX
 * @expires_at: when @code stops working, in ISO 8601
 * @subject: (out) (transfer full):
 * @body: (out) (transfer full): plain text, lines ended by "\n"
 *
 * The activation e-mail sent on the supplier's behalf to the admin who checked out.
 */
void
lic_text_activation_mail (const LicDeliveryFacts  *facts,
                          const char              *language,
                          const char              *recipient_name,
                          const char              *code,
                          const char              *expires_at,
                          char                   **subject,
                          char                   **body)
{
  locale_t previous = lic_i18n_push (language);
  g_autofree char *until = lic_text_date (expires_at);
  g_autofree char *issued = NULL;
  g_autofree char *link = g_strdup_printf ("licentia://activate?code=%s", code);
  g_autofree char *by_hand = g_strdup_printf ("    %s", code);
  g_autofree char *once = NULL;

  /* TRANSLATORS: the subject of an e-mail; %s is a product */
  *subject = g_strdup_printf (_("Activate your licenses of %s"), facts->product_name);
  /* TRANSLATORS: a supplier, a number of licenses, a product, a school and the number of the
   * order */
  issued = g_strdup_printf (g_dngettext (LIC_I18N_DOMAIN,
                                         "%s has issued %" PRId64 " license of %s for %s (order %"
                                         PRId64 "). To move it into Licentia, open this link on a "
                                         "computer where Licentia is installed:",
                                         "%s has issued %" PRId64 " licenses of %s for %s (order %"
                                         PRId64 "). To move them into Licentia, open this link on "
                                         "a computer where Licentia is installed:",
                                         COUNT (facts->quantity)),
                            facts->supplier, facts->quantity, facts->product_name,
                            facts->school_name, facts->order_id);
  /* TRANSLATORS: %s is a date such as "3 February 2027" */
  once = g_strdup_printf (_("The code works once, until %s."), until);
  *body = compose (recipient_name, issued, link,
                   _("Or enter the activation code in Licentia by hand:"), by_hand, once, NULL);
  lic_i18n_pop (previous);
}

/**
 * lic_text_late_mail:
 * @language: the recipient's: "en", "sv" or "fi"
 * @subject: (out) (transfer full):
 * @body: (out) (transfer full): plain text, lines ended by "\n"
 *
 * The e-mail every admin of a school gets once, on day 30 of a purchase request still unpaid:
 * the payment is late, and what happens on day 60 unless an order is placed.
 */
void
lic_text_late_mail (const LicComplianceFacts  *facts,
                    const char                *language,
                    const char                *recipient_name,
                    char                     **subject,
                    char                     **body)
{
  locale_t previous = lic_i18n_push (language);
  g_autofree char *made = lic_text_date (facts->created_at);
  g_autofree char *due = lic_text_date (facts->due_at);
  g_autofree char *request = NULL;
  g_autofree char *order = NULL;
  g_autofree char *consequence = NULL;
  g_autofree char *unassign = NULL;

  /* TRANSLATORS: the subject of an e-mail: a number of licenses, a product and a school */
  *subject = g_strdup_printf (g_dngettext (LIC_I18N_DOMAIN,
                                           "Payment for %" PRId64 " license of %s at %s is late",
                                           "Payment for %" PRId64 " licenses of %s at %s is late",
                                           COUNT (facts->quantity)),
                              facts->quantity, facts->product_name, facts->school_name);
  /* TRANSLATORS: a date such as "3 February 2027", the number of an order, a number of
   * licenses, a product and a school */
  request = g_strdup_printf (g_dngettext (LIC_I18N_DOMAIN,
                                          "On %s, a purchase request (order %" PRId64 ") got %"
                                          PRId64 " license of %s for %s, to be paid within 60 "
                                          "days. 30 days have passed and no order has been "
                                          "placed for it: the payment is late.",
                                          "On %s, a purchase request (order %" PRId64 ") got %"
                                          PRId64 " licenses of %s for %s, to be paid within 60 "
                                          "days. 30 days have passed and no order has been "
                                          "placed for them: the payment is late.",
                                          COUNT (facts->quantity)),
                             made, facts->order_id, facts->quantity, facts->product_name,
                             facts->school_name);
  /* TRANSLATORS: %s is a date such as "3 February 2027" */
  order = g_strdup_printf (_("Place an order for the unpaid licenses in Licentia before %s."),
                           due);
  if (facts->payable_users > 0)
    /* TRANSLATORS: a number of users, a product and an organization (a municipality) */
    consequence = g_strdup_printf (g_dngettext (LIC_I18N_DOMAIN,
                                                "If no order is placed by then, the unpaid "
                                                "licenses will be suspended: the %" PRId64 " user "
                                                "assigned last beyond the licenses paid will lose "
                                                "access to %s, and %s will not be able to make new "
                                                "purchase requests until it places the order.",
                                                "If no order is placed by then, the unpaid "
                                                "licenses will be suspended: the %" PRId64 " users "
                                                "assigned last beyond the licenses paid will lose "
                                                "access to %s, and %s will not be able to make new "
                                                "purchase requests until it places the order.",
                                                COUNT (facts->payable_users)),
                                   facts->payable_users, facts->product_name,
                                   facts->organization_name);
  else
    /* TRANSLATORS: %s is an organization (a municipality) */
    consequence = g_strdup_printf (_("If no order is placed by then, the unpaid licenses will be "
                                     "suspended, and %s will not be able to make new purchase "
                                     "requests until it places the order."),
                                   facts->organization_name);
  unassign = g_strdup_printf (g_dngettext (LIC_I18N_DOMAIN,
                                           "You can also unassign users to bring the licenses in "
                                           "use down to the %" PRId64 " license paid.",
                                           "You can also unassign users to bring the licenses in "
                                           "use down to the %" PRId64 " licenses paid.",
                                           COUNT (facts->available)),
                              facts->available);
  *body = compose (recipient_name, request, order, consequence, unassign, NULL);
  lic_i18n_pop (previous);
}

/**
 * lic_text_suspended_mail:
 * @language: the recipient's: "en", "sv" or "fi"
 * @subject: (out) (transfer full):
 * @body: (out) (transfer full): plain text, lines ended by "\n"
 *
 * The e-mail every admin of a school gets on day 60 of a purchase request still unpaid: how
 * many licenses were suspended and how many users lost access.
 */
void
lic_text_suspended_mail (const LicComplianceFacts  *facts,
                         const char                *language,
                         const char                *recipient_name,
                         char                     **subject,
                         char                     **body)
{
  locale_t previous = lic_i18n_push (language);
  g_autofree char *made = lic_text_date (facts->created_at);
  g_autofree char *suspended = NULL;
  g_autofree char *lost = NULL;
  g_autofree char *closed = NULL;

  /* TRANSLATORS: the subject of an e-mail: a number of licenses, a product and a school */
  *subject = g_strdup_printf (g_dngettext (LIC_I18N_DOMAIN,
                                           "%" PRId64 " license of %s at %s has been suspended",
                                           "%" PRId64 " licenses of %s at %s have been suspended",
                                           COUNT (facts->quantity)),
                              facts->quantity, facts->product_name, facts->school_name);
  /* TRANSLATORS: a number of licenses, a product, the number of an order, a school and a date
   * such as "3 February 2027" */
  suspended = g_strdup_printf (g_dngettext (LIC_I18N_DOMAIN,
                                            "No order was placed within 60 days for the %" PRId64
                                            " license of %s that a purchase request (order %"
                                            PRId64 ") got for %s on %s, so it has been "
                                            "suspended.",
                                            "No order was placed within 60 days for the %" PRId64
                                            " licenses of %s that a purchase request (order %"
                                            PRId64 ") got for %s on %s, so they have been "
                                            "suspended.",
                                            COUNT (facts->quantity)),
                               facts->quantity, facts->product_name, facts->order_id,
                               facts->school_name, made);
  if (facts->no_access > 0)
    /* TRANSLATORS: a number of users and a product; "No access" is the name of a list in the
     * app */
    lost = g_strdup_printf (g_dngettext (LIC_I18N_DOMAIN,
                                         "%" PRId64 " user lost access to %s: the one assigned "
                                         "last. They are on the No access list in Licentia.",
                                         "%" PRId64 " users lost access to %s: those assigned "
                                         "last. They are on the No access list in Licentia.",
                                         COUNT (facts->no_access)),
                            facts->no_access, facts->product_name);
  else
    /* TRANSLATORS: %s is a product */
    lost = g_strdup_printf (_("No one lost access to %s: no more users were assigned than "
                              "licenses paid."), facts->product_name);
  /* TRANSLATORS: %s is an organization (a municipality) */
  closed = g_strdup_printf (_("Until an order is placed for the suspended licenses, %s cannot "
                              "make new purchase requests. Place the order in Licentia: the "
                              "users who lost access get their licenses back at once."),
                            facts->organization_name);
  *body = compose (recipient_name, suspended, lost, closed, NULL);
  lic_i18n_pop (previous);
}

/**
 * lic_text_term_ended_mail:
 * @language: the recipient's: "en", "sv" or "fi"
 * @subject: (out) (transfer full):
 * @body: (out) (transfer full): plain text, lines ended by "\n"
 *
 * The e-mail every admin of a school gets when a term ended with users beyond the licenses
 * renewed for the next one.
 */
void
lic_text_term_ended_mail (const LicComplianceFacts  *facts,
                          const char                *language,
                          const char                *recipient_name,
                          char                     **subject,
                          char                     **body)
{
  locale_t previous = lic_i18n_push (language);
  g_autofree char *ended = lic_text_date (facts->due_at);
  g_autofree char *renewed = NULL;
  g_autofree char *lost = NULL;

  /* TRANSLATORS: the subject of an e-mail: a product and a school */
  *subject = g_strdup_printf (_("The term of %s at %s has ended"), facts->product_name,
                              facts->school_name);
  /* TRANSLATORS: a product, a school, a date such as "3 February 2027" and a number of
   * licenses */
  renewed = g_strdup_printf (g_dngettext (LIC_I18N_DOMAIN,
                                          "The term of the licenses of %s at %s ended on %s, and %"
                                          PRId64 " license had been renewed for the next term.",
                                          "The term of the licenses of %s at %s ended on %s, and %"
                                          PRId64 " licenses had been renewed for the next term.",
                                          COUNT (facts->quantity)),
                             facts->product_name, facts->school_name, ended, facts->quantity);
  /* TRANSLATORS: a number of users and a product; "No access" is the name of a list in the
   * app */
  lost = g_strdup_printf (g_dngettext (LIC_I18N_DOMAIN,
                                       "%" PRId64 " user lost access to %s: the one assigned "
                                       "last. They are on the No access list in Licentia, and get "
                                       "their license back as soon as more are bought.",
                                       "%" PRId64 " users lost access to %s: those assigned "
                                       "last. They are on the No access list in Licentia, and get "
                                       "their licenses back as soon as more are bought.",
                                       COUNT (facts->no_access)),
                          facts->no_access, facts->product_name);
  *body = compose (recipient_name, renewed, lost, NULL);
  lic_i18n_pop (previous);
}

/**
 * lic_text_access_ended_mail:
 * @language: the recipient's: "en", "sv" or "fi"
 * @subject: (out) (transfer full):
 * @body: (out) (transfer full): plain text, lines ended by "\n"
 *
 * The e-mail a user gets who lost access to a product.
 */
void
lic_text_access_ended_mail (const LicComplianceFacts  *facts,
                            LicAccessEnded             why,
                            const char                *language,
                            const char                *recipient_name,
                            char                     **subject,
                            char                     **body)
{
  locale_t previous = lic_i18n_push (language);
  g_autofree char *date = lic_text_date (facts->due_at);
  g_autofree char *ended = NULL;

  /* TRANSLATORS: the subject of an e-mail; %s is a product */
  *subject = g_strdup_printf (_("Your access to %s has ended"), facts->product_name);
  if (why == LIC_ACCESS_ENDED_UNPAID)
    /* TRANSLATORS: a product, a school and a date such as "3 February 2027" */
    ended = g_strdup_printf (_("Your access to %s at %s ended on %s, because the school’s "
                               "licenses for it have not been paid. You will get it back as "
                               "soon as the school has the licenses; ask your school’s Licentia "
                               "administrator if you need it."),
                             facts->product_name, facts->school_name, date);
  else
    /* TRANSLATORS: a product, a school and a date such as "3 February 2027" */
    ended = g_strdup_printf (_("Your access to %s at %s ended on %s, because the school’s "
                               "licenses for it were not renewed. You will get it back as soon "
                               "as the school has the licenses; ask your school’s Licentia "
                               "administrator if you need it."),
                             facts->product_name, facts->school_name, date);
  *body = compose (recipient_name, ended, NULL);
  lic_i18n_pop (previous);
}

/**
 * lic_text_access_mail:
 * @again: whether the user had access before and lost it
 * @language: the recipient's: "en", "sv" or "fi"
 * @subject: (out) (transfer full):
 * @body: (out) (transfer full): plain text, lines ended by "\n"
 *
 * The e-mail a user gets who was given access by a purchase request, or got it back.
 */
void
lic_text_access_mail (const char  *product_name,
                      const char  *school_name,
                      gboolean     again,
                      const char  *language,
                      const char  *recipient_name,
                      char       **subject,
                      char       **body)
{
  locale_t previous = lic_i18n_push (language);
  g_autofree char *access = NULL;

  if (again)
    {
      /* TRANSLATORS: the subject of an e-mail; %s is a product */
      *subject = g_strdup_printf (_("Your access to %s is back"), product_name);
      /* TRANSLATORS: a product and a school */
      access = g_strdup_printf (_("You have access again to %s at %s. You can start using it "
                                  "now."), product_name, school_name);
    }
  else
    {
      /* TRANSLATORS: the subject of an e-mail; %s is a product */
      *subject = g_strdup_printf (_("You have access to %s"), product_name);
      /* TRANSLATORS: a product and a school */
      access = g_strdup_printf (_("You now have access to %s at %s. You can start using it "
                                  "now."), product_name, school_name);
    }
  *body = compose (recipient_name, access, NULL);
  lic_i18n_pop (previous);
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
  /* Two counts: the plural follows the suspended requests, and one license is written without
   * its number (the licenses' plural is that of "n != 1" in every language the server
   * writes). */
  if (more > 0 && quantity == 1)
    /* TRANSLATORS: an organization (a municipality), a product, a school and a number of
     * purchase requests; the plural follows the purchase requests */
    return g_strdup_printf (g_dngettext (LIC_I18N_DOMAIN,
                                         "Purchase requests are closed until %s places an order "
                                         "for the unpaid license of %s at %s, and for those of %"
                                         PRId64 " more suspended purchase request.",
                                         "Purchase requests are closed until %s places an order "
                                         "for the unpaid license of %s at %s, and for those of %"
                                         PRId64 " more suspended purchase requests.",
                                         COUNT (more)),
                            organization_name, product_name, school_name, more);
  if (more > 0)
    /* TRANSLATORS: an organization (a municipality), a number of licenses, a product, a school
     * and a number of purchase requests; the plural follows the purchase requests */
    return g_strdup_printf (g_dngettext (LIC_I18N_DOMAIN,
                                         "Purchase requests are closed until %s places an order "
                                         "for the %" PRId64 " unpaid licenses of %s at %s, and "
                                         "for those of %" PRId64 " more suspended purchase "
                                         "request.",
                                         "Purchase requests are closed until %s places an order "
                                         "for the %" PRId64 " unpaid licenses of %s at %s, and "
                                         "for those of %" PRId64 " more suspended purchase "
                                         "requests.",
                                         COUNT (more)),
                            organization_name, quantity, product_name, school_name, more);
  /* TRANSLATORS: an organization (a municipality), a number of licenses, a product and a
   * school */
  return g_strdup_printf (g_dngettext (LIC_I18N_DOMAIN,
                                       "Purchase requests are closed until %s places an order "
                                       "for the %" PRId64 " unpaid license of %s at %s.",
                                       "Purchase requests are closed until %s places an order "
                                       "for the %" PRId64 " unpaid licenses of %s at %s.",
                                       COUNT (quantity)),
                          organization_name, quantity, product_name, school_name);
}
