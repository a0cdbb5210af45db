/* lic-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "lic-format.h"

/* ISO 4217 currencies whose minor unit is not a hundredth; all others have two decimals. */
static const struct {
  const char *code;
  guint exponent;
} currency_exponents[] = {
  { "ISK", 0 },
  { "JPY", 0 },
  { "KRW", 0 },
};

static guint
currency_exponent (const char *currency)
{
  for (guint i = 0; i < G_N_ELEMENTS (currency_exponents); i++)
    if (g_strcmp0 (currency, currency_exponents[i].code) == 0)
      return currency_exponents[i].exponent;
  return 2;
}

static void
append_grouped (GString    *out,
                guint64     value,
                const char *thousands_sep)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, value);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, thousands_sep);
      g_string_append_c (out, digits[i]);
    }
}

/**
 * lic_format_money:
 * @minor_units: the amount in the currency's minor unit (öre, cents), as the API sends it
 * @currency: its ISO 4217 code
 *
 * Formats an amount with the separators of the user's LC_MONETARY locale. The locale's own
 * currency gets its symbol and position ("129,00 kr" in sv_SE, "12,90 €" in fi_FI); any other
 * currency is written as its code before the amount ("SEK 129.00"), which every reader can place.
 */
char *
lic_format_money (gint64      minor_units,
                  const char *currency)
{
  const struct lconv *lc = localeconv ();
  const char *decimal_point = *lc->mon_decimal_point ? lc->mon_decimal_point
                            : *lc->decimal_point ? lc->decimal_point : ".";
  guint64 magnitude = minor_units < 0 ? -(guint64) minor_units : (guint64) minor_units;
  guint64 scale = 1;
  guint exponent;
  g_autoptr(GString) amount = NULL;

  g_return_val_if_fail (currency != NULL, NULL);

  exponent = currency_exponent (currency);
  amount = g_string_new (minor_units < 0 ? "-" : "");
  for (guint i = 0; i < exponent; i++)
    scale *= 10;
  append_grouped (amount, magnitude / scale, lc->mon_thousands_sep);
  if (exponent > 0)
    g_string_append_printf (amount, "%s%0*" G_GUINT64_FORMAT,
                            decimal_point, (int) exponent, magnitude % scale);

  /* int_curr_symbol is the code and a separator, "SEK " */
  if (!g_str_has_prefix (lc->int_curr_symbol, currency) || *lc->currency_symbol == '\0')
    return g_strdup_printf ("%s %s", currency, amount->str);
  if (lc->p_cs_precedes == 1)
    return g_strdup_printf ("%s%s%s", lc->currency_symbol,
                            lc->p_sep_by_space ? " " : "", amount->str);
  return g_strdup_printf ("%s%s%s", amount->str,
                          lc->p_sep_by_space ? " " : "", lc->currency_symbol);
}

/**
 * lic_format_price_per_term:
 *
 * The price of one license for one term as a phrase: "129,00 kr per license and year".
 */
char *
lic_format_price_per_term (gint64      minor_units,
                           const char *currency,
                           gint64      term_months)
{
  g_autofree char *money = lic_format_money (minor_units, currency);

  if (term_months <= 0)
    /* TRANSLATORS: the price of a license that never expires; %s is an amount of money */
    return g_strdup_printf (_("%s per license"), money);
  if (term_months == 12)
    /* TRANSLATORS: %s is an amount of money */
    return g_strdup_printf (_("%s per license and year"), money);
  if (term_months % 12 == 0)
    return g_strdup_printf (ngettext ("%s per license for %d year",
                                      "%s per license for %d years",
                                      (unsigned long) (term_months / 12)),
                            money, (int) (term_months / 12));
  return g_strdup_printf (ngettext ("%s per license for %d month",
                                    "%s per license for %d months",
                                    (unsigned long) term_months),
                          money, (int) term_months);
}

/**
 * lic_format_date:
 * @iso_date: (nullable): a date as the API sends it, "2027-07-31"
 *
 * Returns: (nullable): the date in words, or %NULL when there is none
 */
char *
lic_format_date (const char *iso_date)
{
  g_autoptr(GDateTime) date = NULL;
  unsigned year, month, day;

  if (iso_date == NULL || sscanf (iso_date, "%4u-%2u-%2u", &year, &month, &day) != 3)
    return NULL;
  date = g_date_time_new_utc ((int) year, (int) month, (int) day, 0, 0, 0);
  if (date == NULL)
    return NULL;
  /* TRANSLATORS: the format of a date such as "July 31, 2027"; the codes are those of
   * g_date_time_format(), e.g. "%-d %B %Y" for "31 juli 2027" */
  return g_date_time_format (date, _("%B %-d, %Y"));
}

/**
 * lic_format_date_time:
 * @iso_date_time: (nullable): a time as the API sends it, "2027-02-03T09:15:00Z"
 *
 * Returns: (nullable): the date and the local time in words, or %NULL when there is none
 */
char *
lic_format_date_time (const char *iso_date_time)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso_date_time == NULL)
    return NULL;
  utc = g_date_time_new_from_iso8601 (iso_date_time, NULL);
  if (utc == NULL)
    return lic_format_date (iso_date_time);
  local = g_date_time_to_local (utc);
  /* TRANSLATORS: the format of a date and time such as "February 3, 2027, 09:15"; the codes
   * are those of g_date_time_format(), e.g. "%-d %B %Y kl. %H.%M" */
  return g_date_time_format (local, _("%B %-d, %Y, %H:%M"));
}

/* The usage of a pool: "212 of 240". */
char *
lic_format_assigned (gint64 assigned,
                     gint64 available)
{
  /* TRANSLATORS: licenses in use: "212 of 240" means 212 assigned of 240 available */
  return g_strdup_printf (_("%d of %d"), (int) assigned, (int) available);
}

/* The usage of a pool, on its own: "Used: 50/45". */
char *
lic_format_used (gint64 assigned,
                 gint64 available)
{
  /* TRANSLATORS: the used licenses of a pool, "Used: 50/45": 50 users assigned, 45 licenses
   * paid for the term (it may be over, while licenses are payable) */
  return g_strdup_printf (_("Used: %d/%d"), (int) assigned, (int) available);
}

/* The licenses of a pool not assigned: "28 of 240 licenses free". */
char *
lic_format_free (gint64 n_free,
                 gint64 available)
{
  /* TRANSLATORS: licenses of a pool nobody has: "28 of 240 licenses free" */
  return g_strdup_printf (ngettext ("%d of %d license free", "%d of %d licenses free",
                                    (unsigned long) available),
                          (int) n_free, (int) available);
}

/* The question before assigning licenses to @n_users users: "Assign 3 users?" */
char *
lic_format_assign_question (guint n_users)
{
  /* TRANSLATORS: the question before assigning licenses; %d is a number of users */
  return g_strdup_printf (ngettext ("Assign %d user?", "Assign %d users?", n_users),
                          (int) n_users);
}

/* What assigning @n_users users uses of a pool with @n_free of @available licenses free. */
char *
lic_format_assign_effect (guint  n_users,
                          gint64 n_free,
                          gint64 available)
{
  gint64 left = MAX (0, n_free - (gint64) n_users);

  /* TRANSLATORS: the first %d is the licenses the assignment uses, then the licenses that stay
   * free of the pool's total: "This uses 12 licenses; 16 of 240 stay free." Users who have a
   * license of the pool already keep it and use none. */
  return g_strdup_printf (ngettext ("This uses %d license; %d of %d stay free.",
                                    "This uses %d licenses; %d of %d stay free.", n_users),
                          (int) n_users, (int) left, (int) available);
}

/* The question before taking licenses back from @n_users users: "Unassign 3 users?" */
char *
lic_format_unassign_question (guint n_users)
{
  /* TRANSLATORS: the question before taking licenses back; %d is a number of users */
  return g_strdup_printf (ngettext ("Unassign %d user?", "Unassign %d users?", n_users),
                          (int) n_users);
}

/* The toast after an assignment: the users given a license of @product now, and those named
 * who had one already. */
char *
lic_format_assigned_toast (gint64      assigned,
                           gint64      already,
                           const char *product)
{
  if (already > 0)
    /* TRANSLATORS: a toast; the first %d is the users assigned now, %s a product, the second
     * %d the users named who had a license already */
    return g_strdup_printf (ngettext ("Assigned %d user to %s; %d had a license already.",
                                      "Assigned %d users to %s; %d had a license already.",
                                      (unsigned long) assigned),
                            (int) assigned, product, (int) already);
  /* TRANSLATORS: a toast; %d is the users assigned, %s a product */
  return g_strdup_printf (ngettext ("Assigned %d user to %s", "Assigned %d users to %s",
                                    (unsigned long) assigned),
                          (int) assigned, product);
}

/* The toast after unassigning: the licenses of @product the server took back. */
char *
lic_format_unassigned_toast (gint64      unassigned,
                             const char *product)
{
  /* TRANSLATORS: a toast; %d is the users whose licenses were taken back, %s a product */
  return g_strdup_printf (ngettext ("Unassigned %d user from %s", "Unassigned %d users from %s",
                                    (unsigned long) unassigned),
                          (int) unassigned, product);
}

/* Whether a license of a user gives access, in a word. */
const char *
lic_format_license_state (LicLicenseState state)
{
  switch (state)
    {
    case LIC_LICENSE_STATE_ACTIVE:
      /* TRANSLATORS: the state of a user's license that works */
      return C_("license state", "Active");
    case LIC_LICENSE_STATE_NO_ACCESS:
      /* TRANSLATORS: the state of a user's license suspended for late payment */
      return C_("license state", "No access");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
lic_format_delivery (LicDelivery delivery)
{
  switch (delivery)
    {
    case LIC_DELIVERY_DIRECT:
      return _("Available as soon as you check out");
    case LIC_DELIVERY_DELAYED:
      return _("Delivered by the supplier, usually within a few days");
    case LIC_DELIVERY_ACTIVATION_MAIL:
      return _("Delivered through an activation e-mail from the supplier");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The name of a delivery type, as the library's filter offers it. */
const char *
lic_format_delivery_type (LicDelivery delivery)
{
  switch (delivery)
    {
    case LIC_DELIVERY_DIRECT:
      return _("Direct delivery");
    case LIC_DELIVERY_DELAYED:
      return _("Delayed delivery");
    case LIC_DELIVERY_ACTIVATION_MAIL:
      return _("Activation e-mail");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Why users cannot be picked on a cart line of delayed or activation e-mail delivery. */
const char *
lic_format_no_advance_assignment (void)
{
  return _("Delivered later by the supplier: licenses cannot be assigned in advance.");
}

/* The users a cart line will assign: "27 of 30 licenses assigned". */
char *
lic_format_licenses_assigned (gint64 assigned,
                              gint64 quantity)
{
  /* TRANSLATORS: users picked for the licenses of a cart line; the plural follows the second
   * number, the licenses */
  return g_strdup_printf (ngettext ("%d of %d license assigned",
                                    "%d of %d licenses assigned",
                                    (unsigned long) quantity),
                          (int) assigned, (int) quantity);
}

/**
 * lic_format_order_line:
 *
 * Where the licenses of an order line are, as one phrase composed from the line's fields:
 * "Delivered · 27 of 30 assigned", "20 licenses awaiting the supplier since February 3, 2027",
 * "Activation e-mail for 10 licenses sent to eva@example.org".
 */
char *
lic_format_order_line (LicOrderLine *line)
{
  gint64 quantity = lic_order_line_get_quantity (line);
  g_autofree char *since = NULL;
  const char *email;

  switch (lic_order_line_get_state (line))
    {
    case LIC_ORDER_LINE_STATE_DELIVERED:
      if (lic_order_line_get_assigned (line) > 0)
        /* TRANSLATORS: an order line whose licenses have arrived: "Delivered · 27 of 30
         * assigned"; the plural follows the second number, the licenses ordered */
        return g_strdup_printf (ngettext ("Delivered · %d of %d assigned",
                                          "Delivered · %d of %d assigned",
                                          (unsigned long) quantity),
                                (int) lic_order_line_get_assigned (line), (int) quantity);
      /* TRANSLATORS: an order line whose licenses have arrived, none assigned yet */
      return g_strdup_printf (ngettext ("Delivered · %d license", "Delivered · %d licenses",
                                        (unsigned long) quantity),
                              (int) quantity);

    case LIC_ORDER_LINE_STATE_AWAITING_DELIVERY:
      since = lic_format_date (lic_order_line_get_state_since (line));
      if (since == NULL)
        return g_strdup_printf (ngettext ("%d license awaiting the supplier",
                                          "%d licenses awaiting the supplier",
                                          (unsigned long) quantity),
                                (int) quantity);
      /* TRANSLATORS: %d is a number of licenses, %s a date such as "February 3, 2027" */
      return g_strdup_printf (ngettext ("%d license awaiting the supplier since %s",
                                        "%d licenses awaiting the supplier since %s",
                                        (unsigned long) quantity),
                              (int) quantity, since);

    case LIC_ORDER_LINE_STATE_ACTIVATION_MAIL_SENT:
      email = lic_order_line_get_activation_email (line);
      if (email == NULL || *email == '\0')
        return g_strdup_printf (ngettext ("Activation e-mail for %d license sent",
                                          "Activation e-mail for %d licenses sent",
                                          (unsigned long) quantity),
                                (int) quantity);
      /* TRANSLATORS: %d is a number of licenses, %s an e-mail address */
      return g_strdup_printf (ngettext ("Activation e-mail for %d license sent to %s",
                                        "Activation e-mail for %d licenses sent to %s",
                                        (unsigned long) quantity),
                              (int) quantity, email);

    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * lic_format_checkout_line:
 *
 * What checking out will do with a cart line, for the confirmation: "Mattemolnet: 30 licenses
 * for Ekbackeskolan, available at once and assigned to 27 users".
 */
char *
lic_format_checkout_line (LicCartLine *line)
{
  const char *product = lic_cart_line_get_product_name (line);
  const char *school = lic_cart_line_get_school_name (line);
  int quantity = (int) lic_cart_line_get_quantity (line);
  int assigned = (int) lic_cart_line_get_assigned_count (line);

  switch (lic_cart_line_get_delivery (line))
    {
    case LIC_DELIVERY_DIRECT:
      if (assigned == 0)
        /* TRANSLATORS: a line of the checkout confirmation: product, number of licenses,
         * school */
        return g_strdup_printf (ngettext ("%s: %d license for %s, available at once",
                                          "%s: %d licenses for %s, available at once",
                                          (unsigned long) quantity),
                                product, quantity, school);
      if (quantity == 1)
        /* TRANSLATORS: a line of the checkout confirmation: product, school */
        return g_strdup_printf (_("%s: one license for %s, available at once and assigned to "
                                  "one user"), product, school);
      /* TRANSLATORS: a line of the checkout confirmation: product, number of licenses (always
       * 2 or more), school, number of users; the plural follows the users */
      return g_strdup_printf (ngettext ("%s: %d licenses for %s, available at once and "
                                        "assigned to %d user",
                                        "%s: %d licenses for %s, available at once and "
                                        "assigned to %d users",
                                        (unsigned long) assigned),
                              product, quantity, school, assigned);

    case LIC_DELIVERY_DELAYED:
      /* TRANSLATORS: a line of the checkout confirmation: product, number of licenses,
       * school */
      return g_strdup_printf (ngettext ("%s: %d license for %s, delivered by the supplier, "
                                        "usually within a few days",
                                        "%s: %d licenses for %s, delivered by the supplier, "
                                        "usually within a few days",
                                        (unsigned long) quantity),
                              product, quantity, school);

    case LIC_DELIVERY_ACTIVATION_MAIL:
      /* TRANSLATORS: a line of the checkout confirmation: product, number of licenses,
       * school; the e-mail goes to the administrator who checks out */
      return g_strdup_printf (ngettext ("%s: %d license for %s, through an activation e-mail "
                                        "to you",
                                        "%s: %d licenses for %s, through an activation e-mail "
                                        "to you",
                                        (unsigned long) quantity),
                              product, quantity, school);

    default:
      g_return_val_if_reached (NULL);
    }
}

/* "30 licenses of Kemilabbet 3D have arrived at Ekbackeskolan." */
char *
lic_format_licenses_arrived (gint64      quantity,
                             const char *product,
                             const char *school)
{
  /* TRANSLATORS: %d is a number of licenses, then a product and a school */
  return g_strdup_printf (ngettext ("%d license of %s has arrived at %s.",
                                    "%d licenses of %s have arrived at %s.",
                                    (unsigned long) quantity),
                          (int) quantity, product, school);
}

/* A notification in words, from its fields, in the app's own sentences. */
char *
lic_format_notification (LicNotification *notification)
{
  const char *kind = lic_notification_get_kind (notification);
  gint64 quantity = lic_notification_get_quantity (notification);
  const char *product = lic_notification_get_product_name (notification);
  const char *school = lic_notification_get_school_name (notification);

  if (g_strcmp0 (kind, "delivered") == 0)
    return lic_format_licenses_arrived (quantity, product, school);
  if (g_strcmp0 (kind, "payment_late") == 0)
    /* TRANSLATORS: a notification on day 30 of a purchase request; %1$d is a number of
     * licenses, %2$s a product, %3$s a school */
    return g_strdup_printf (ngettext ("Payment for %1$d license of %2$s at %3$s is late.",
                                      "Payment for %1$d licenses of %2$s at %3$s is late.",
                                      (unsigned long) quantity),
                            (int) quantity, product, school);
  if (g_strcmp0 (kind, "licenses_suspended") == 0)
    /* TRANSLATORS: a notice; %1$d is a number of licenses, %2$s a product, %3$s a school */
    return g_strdup_printf (ngettext ("%1$d license of %2$s at %3$s has been suspended.",
                                      "%1$d licenses of %2$s at %3$s have been suspended.",
                                      (unsigned long) quantity),
                            (int) quantity, product, school);
  if (g_strcmp0 (kind, "access_ended") == 0)
    /* TRANSLATORS: a notification at the end of a term; %1$s is a product, %2$s a school,
     * %3$d a number of users who lost their licenses */
    return g_strdup_printf (ngettext ("The term of %1$s at %2$s has ended, and %3$d user no "
                                      "longer has access.",
                                      "The term of %1$s at %2$s has ended, and %3$d users no "
                                      "longer have access.",
                                      (unsigned long) quantity),
                            product, school, (int) quantity);
  /* A kind this version does not know: the server's own sentence. */
  return g_strdup (lic_notification_get_text (notification));
}

/**
 * lic_format_awaiting_delivery:
 * @iso_since: (nullable): the date of the oldest order awaiting delivery
 *
 * The cell of the "Awaiting delivery" column of a pool: "20 since February 3, 2027".
 *
 * Returns: (nullable): the text, or %NULL when nothing awaits delivery
 */
char *
lic_format_awaiting_delivery (gint64      quantity,
                              const char *iso_since)
{
  g_autofree char *since = lic_format_date (iso_since);

  if (quantity <= 0)
    return NULL;
  if (since == NULL)
    return g_strdup_printf ("%d", (int) quantity);
  /* TRANSLATORS: in the "Awaiting delivery" column of Licenses: a number of licenses ordered
   * and not delivered yet, and the date of their order, "20 since February 3, 2027" */
  return g_strdup_printf (ngettext ("%d since %s", "%d since %s", (unsigned long) quantity),
                          (int) quantity, since);
}

/* What else an admin must know before buying a product so delivered, or %NULL. */
const char *
lic_format_delivery_note (LicDelivery delivery)
{
  if (delivery == LIC_DELIVERY_DELAYED)
    return _("Licenses cannot be assigned in advance.");
  return NULL;
}

const char *
lic_format_delivery_icon_name (LicDelivery delivery)
{
  switch (delivery)
    {
    case LIC_DELIVERY_DIRECT:
      return "emblem-ok-symbolic";
    case LIC_DELIVERY_DELAYED:
      return "preferences-system-time-symbolic";
    case LIC_DELIVERY_ACTIVATION_MAIL:
      return "mail-unread-symbolic";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
lic_format_license_model (LicLicenseModel model)
{
  switch (model)
    {
    case LIC_LICENSE_MODEL_PER_STUDENT:
      return _("One license per student");
    case LIC_LICENSE_MODEL_PER_TEACHER:
      return _("One license per teacher");
    case LIC_LICENSE_MODEL_PER_SCHOOL:
      return _("One license per school");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
lic_format_role (LicRole role)
{
  switch (role)
    {
    case LIC_ROLE_STUDENT:
      return C_("role", "Student");
    case LIC_ROLE_TEACHER:
      return C_("role", "Teacher");
    case LIC_ROLE_ADMINISTRATOR:
      return C_("role", "Administrator");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The codes of docs/api.md; N_() here, translated when looked up. */
static const struct {
  const char *code;
  const char *name;
} subjects[] = {
  { "mathematics", NC_("subject", "Mathematics") },
  { "swedish", NC_("subject", "Swedish") },
  { "finnish", NC_("subject", "Finnish") },
  { "english", NC_("subject", "English") },
  { "languages", NC_("subject", "Languages") },
  { "science", NC_("subject", "Science") },
  { "social_studies", NC_("subject", "Social studies") },
  { "arts", NC_("subject", "Arts") },
  { "music", NC_("subject", "Music") },
  { "programming", NC_("subject", "Programming") },
  { "special_needs", NC_("subject", "Special needs") },
  { "general", NC_("subject", "General") },
}, grades[] = {
  { "preschool", NC_("grade", "Preschool") },
  /* TRANSLATORS: school years 1–6 */
  { "primary", NC_("grade", "Primary school") },
  /* TRANSLATORS: school years 7–9 */
  { "lower_secondary", NC_("grade", "Lower secondary school") },
  { "upper_secondary", NC_("grade", "Upper secondary school") },
};

/* A code the app does not know yet (a newer server) is shown as it is rather than hidden. */
const char *
lic_format_subject (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (subjects); i++)
    if (g_strcmp0 (code, subjects[i].code) == 0)
      return g_dpgettext2 (NULL, "subject", subjects[i].name);
  return code;
}

const char *
lic_format_grade (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (grades); i++)
    if (g_strcmp0 (code, grades[i].code) == 0)
      return g_dpgettext2 (NULL, "grade", grades[i].name);
  return code;
}

/* The subject codes of the library's filter, in its order; %NULL after the last. */
const char *
lic_format_subject_code (guint index)
{
  return index < G_N_ELEMENTS (subjects) ? subjects[index].code : NULL;
}

/* The grade codes of the library's filter, in its order; %NULL after the last. */
const char *
lic_format_grade_code (guint index)
{
  return index < G_N_ELEMENTS (grades) ? grades[index].code : NULL;
}

/**
 * lic_format_list:
 * @items: (nullable): the items, such as subject codes or group names
 * @item_to_text: (nullable): puts one item into words; %NULL shows items as they are
 *
 * Returns: the items as one comma-separated line, "" when there are none
 */
char *
lic_format_list (const char * const *items,
                 const char *      (*item_to_text) (const char *item))
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      if (i > 0)
        /* TRANSLATORS: the separator between the items of a list, "Mathematics, Science" */
        g_string_append (out, C_("list separator", ", "));
      g_string_append (out, item_to_text != NULL ? item_to_text (items[i]) : items[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * lic_format_status_details:
 *
 * The status of a pool beyond its use, one line each: "Payable: 5", "To renew: 12" and
 * "No access: 4", each only when above 0 (the server gives "to renew" as 0 outside the renewal
 * period).
 *
 * Returns: (nullable): the lines, or %NULL when there is nothing to say
 */
char *
lic_format_status_details (gint64 payable,
                           gint64 to_renew,
                           gint64 no_access)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (payable > 0)
    /* TRANSLATORS: licenses requested with a purchase request and not paid yet */
    g_string_append_printf (out, _("Payable: %d"), (int) payable);
  if (to_renew > 0)
    {
      if (out->len > 0)
        g_string_append_c (out, '\n');
      /* TRANSLATORS: assigned licenses not yet renewed for the next term, in the renewal
       * period */
      g_string_append_printf (out, _("To renew: %d"), (int) to_renew);
    }
  if (no_access > 0)
    {
      if (out->len > 0)
        g_string_append_c (out, '\n');
      /* TRANSLATORS: users who lost access because licenses were not paid or renewed */
      g_string_append_printf (out, _("No access: %d"), (int) no_access);
    }
  if (out->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * lic_format_status_summary:
 *
 * The status summary of a pool (DESIGN.md §4), one line each: "Used: 50/45", then the lines of
 * lic_format_status_details() that apply.
 */
char *
lic_format_status_summary (gint64 assigned,
                           gint64 available,
                           gint64 payable,
                           gint64 to_renew,
                           gint64 no_access)
{
  g_autofree char *used = lic_format_used (assigned, available);
  g_autofree char *details = lic_format_status_details (payable, to_renew, no_access);

  if (details == NULL)
    return g_steal_pointer (&used);
  return g_strdup_printf ("%s\n%s", used, details);
}

/**
 * lic_format_purchase_request_meaning:
 *
 * What a purchase request means, for the checkout confirmation. It names no date: the server
 * fixes it by its own clock when it records the request, and its notices give it.
 */
char *
lic_format_purchase_request_meaning (void)
{
  return g_strdup (_("With a purchase request you get the licenses now and pay for them later: "
                     "an order must be placed within 60 days. After that, users beyond the "
                     "licenses paid for lose access."));
}

/**
 * lic_format_notice:
 * @product: (nullable): the product's name, when the notice does not carry it (a pool's notices)
 * @school: (nullable): the school's name, likewise
 *
 * A notice of a purchase request or a renewal in words, as the banners show it: whole sentences
 * chosen by kind.
 */
char *
lic_format_notice (LicNotice  *notice,
                   const char *product,
                   const char *school)
{
  gint64 quantity = lic_notice_get_quantity (notice);
  g_autofree char *due = lic_format_date (lic_notice_get_due_at (notice));
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;

  if (lic_notice_get_product_name (notice) != NULL)
    product = lic_notice_get_product_name (notice);
  if (lic_notice_get_school_name (notice) != NULL)
    school = lic_notice_get_school_name (notice);
  if (product == NULL)
    product = "";
  if (school == NULL)
    school = "";

  switch (lic_notice_get_kind (notice))
    {
    case LIC_NOTICE_KIND_PAYMENT_DUE:
      /* TRANSLATORS: a notice; %1$d is a number of licenses, %2$s a product, %3$s a school,
       * %4$s a date */
      return g_strdup_printf (ngettext ("Some licenses must be paid: %1$d license of %2$s at "
                                        "%3$s. Place an order for it by %4$s.",
                                        "Some licenses must be paid: %1$d licenses of %2$s at "
                                        "%3$s. Place an order for them by %4$s.",
                                        (unsigned long) quantity),
                              (int) quantity, product, school, due);

    case LIC_NOTICE_KIND_PAYMENT_LATE:
      /* TRANSLATORS: a notice; %1$d is a number of licenses, %2$s a product, %3$s a school */
      first = g_strdup_printf (ngettext ("Payment for %1$d license of %2$s at %3$s is late, and "
                                         "the administrators have been e-mailed.",
                                         "Payment for %1$d licenses of %2$s at %3$s is late, and "
                                         "the administrators have been e-mailed.",
                                         (unsigned long) quantity),
                               (int) quantity, product, school);
      /* TRANSLATORS: after the late-payment sentence; %1$d is a number of users, %2$s a date */
      second = g_strdup_printf (ngettext ("Unless an order is placed, %1$d user loses access "
                                          "on %2$s.",
                                          "Unless an order is placed, %1$d users lose access "
                                          "on %2$s.",
                                          (unsigned long) lic_notice_get_payable_users (notice)),
                                (int) lic_notice_get_payable_users (notice), due);
      /* TRANSLATORS: two sentences one after the other; change the space only if your
       * language separates sentences otherwise */
      return g_strdup_printf (_("%s %s"), first, second);

    case LIC_NOTICE_KIND_SUSPENDED:
      /* TRANSLATORS: a notice; %1$d is a number of licenses, %2$s a product, %3$s a school */
      first = g_strdup_printf (ngettext ("%1$d license of %2$s at %3$s has been suspended.",
                                         "%1$d licenses of %2$s at %3$s have been suspended.",
                                         (unsigned long) quantity),
                               (int) quantity, product, school);
      /* TRANSLATORS: after the suspension sentence; %d is a number of users */
      second = g_strdup_printf (ngettext ("%d user has no access.", "%d users have no access.",
                                          (unsigned long) lic_notice_get_no_access (notice)),
                                (int) lic_notice_get_no_access (notice));
      third = g_strdup (_("Purchase requests are closed until an order is placed."));
      /* TRANSLATORS: three sentences one after the other */
      return g_strdup_printf (_("%s %s %s"), first, second, third);

    case LIC_NOTICE_KIND_ORDER_PLACED:
      {
        g_autofree char *ordered = lic_format_date (lic_notice_get_ordered_at (notice));

        /* TRANSLATORS: a notice; %1$s is a date, %2$d a number of licenses, %3$s a product,
         * %4$s a school */
        return g_strdup_printf (ngettext ("Order placed on %1$s for %2$d license of %3$s at %4$s.",
                                          "Order placed on %1$s for %2$d licenses of %3$s at "
                                          "%4$s.",
                                          (unsigned long) quantity),
                                ordered, (int) quantity, product, school);
      }

    case LIC_NOTICE_KIND_RENEWAL:
      {
        g_autofree char *term_end = lic_format_date (lic_notice_get_term_end (notice));
        gint64 to_renew = lic_notice_get_to_renew (notice);

        /* TRANSLATORS: a notice; %1$d is a number of licenses, %2$s a product, %3$s a school,
         * %4$s the date the term ends */
        return g_strdup_printf (ngettext ("%1$d license of %2$s at %3$s must be renewed before "
                                          "the term ends on %4$s.",
                                          "%1$d licenses of %2$s at %3$s must be renewed before "
                                          "the term ends on %4$s.",
                                          (unsigned long) to_renew),
                                (int) to_renew, product, school, term_end);
      }

    default:
      return g_strdup ("");
    }
}

/* After the most urgent notice, the number of the others: "2 more notices." */
char *
lic_format_more_notices (guint n_more)
{
  /* TRANSLATORS: after a notice in the banner, how many others there are */
  return g_strdup_printf (ngettext ("%d more notice.", "%d more notices.", n_more),
                          (int) n_more);
}
