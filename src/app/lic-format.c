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

/* The usage of a pool: "212 of 240". */
char *
lic_format_assigned (gint64 assigned,
                     gint64 available)
{
  /* TRANSLATORS: licenses in use: "212 of 240" means 212 assigned of 240 available */
  return g_strdup_printf (_("%d of %d"), (int) assigned, (int) available);
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
