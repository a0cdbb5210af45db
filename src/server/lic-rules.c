/* lic-rules.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lic-i18n.h"
#include "lic-rules.h"
#include "lic-texts.h"

/**
 * lic_rules_check_cart_line:
 * @line: a cart line as it would be after the change asked for
 *
 * Checks what a line may hold: licenses up to %LIC_CART_MAX_QUANTITY, picks only where
 * licenses are delivered at checkout, and no more users picked than licenses.
 */
gboolean
lic_rules_check_cart_line (const LicCartLine  *line,
                           GError            **error)
{
  if (line->quantity > LIC_CART_MAX_QUANTITY)
    {
      g_set_error (error, LIC_ERROR, LIC_ERROR_INVALID,
                   "A cart line holds at most %d licenses, and %s for %s would then hold %"
                   G_GINT64_FORMAT ". Buy fewer licenses.",
                   LIC_CART_MAX_QUANTITY, line->product_name, line->school_name, line->quantity);
      return FALSE;
    }
  if (line->delivery != LIC_DELIVERY_DIRECT
      && (line->user_ids->len > 0 || line->group_ids->len > 0))
    {
      g_set_error (error, LIC_ERROR, LIC_ERROR_INVALID,
                   "Licenses of %s are delivered later by the supplier and cannot be assigned "
                   "in advance.", line->product_name);
      return FALSE;
    }
  if (line->assigned_count > line->quantity)
    {
      g_set_error (error, LIC_ERROR, LIC_ERROR_INVALID,
                   "You picked %" G_GINT64_FORMAT " users for %" G_GINT64_FORMAT " licenses. "
                   "Pick fewer users or buy more licenses.",
                   line->assigned_count, line->quantity);
      return FALSE;
    }
  return TRUE;
}

/* A cart line for a product that is not in the caller's library. */
void
lic_rules_refuse_product (gint64   product_id,
                          GError **error)
{
  g_set_error (error, LIC_ERROR, LIC_ERROR_INVALID,
               "There is no product %" G_GINT64_FORMAT " in your library. Pick a product the "
               "library offers.", product_id);
}

/**
 * lic_rules_refuse_pick:
 * @kind: "user" or "group"
 *
 * A user or group picked for a line that is not of the line's school.
 */
void
lic_rules_refuse_pick (const char  *kind,
                       gint64       id,
                       const char  *school_name,
                       GError     **error)
{
  g_set_error (error, LIC_ERROR, LIC_ERROR_INVALID,
               "There is no %s %" G_GINT64_FORMAT " at %s. Pick %ss of the line's school.",
               kind, id, school_name, kind);
}

/**
 * lic_rules_check_assignment:
 * @new_users: the users an assignment would add to a pool (not those it has already)
 * @free_licenses: the pool's licenses paid and not assigned
 *
 * A pool assigns no more users than it has licenses for.
 */
gboolean
lic_rules_check_assignment (gint64   new_users,
                            gint64   free_licenses,
                            GError **error)
{
  if (new_users <= free_licenses)
    return TRUE;
  /* Two counts: the plural follows the users, and one free license has a sentence of its own
   * (the plural of every language the server writes is that of "n != 1"). */
  if (free_licenses == 1)
    /* TRANSLATORS: a number of users, the same number of licenses, and the one license free */
    g_set_error (error, LIC_ERROR, LIC_ERROR_CONFLICT,
                 g_dngettext (LIC_I18N_DOMAIN,
                              "Assigning %" PRId64 " user needs %" PRId64 " license; %" PRId64
                              " is free. Assign fewer users or buy more licenses.",
                              "Assigning %" PRId64 " users needs %" PRId64 " licenses; %" PRId64
                              " is free. Assign fewer users or buy more licenses.",
                              (gulong) new_users),
                 new_users, new_users, free_licenses);
  else
    /* TRANSLATORS: a number of users, the same number of licenses, and the licenses free (0,
     * or more than one) */
    g_set_error (error, LIC_ERROR, LIC_ERROR_CONFLICT,
                 g_dngettext (LIC_I18N_DOMAIN,
                              "Assigning %" PRId64 " user needs %" PRId64 " license; %" PRId64
                              " are free. Assign fewer users or buy more licenses.",
                              "Assigning %" PRId64 " users needs %" PRId64 " licenses; %" PRId64
                              " are free. Assign fewer users or buy more licenses.",
                              (gulong) new_users),
                 new_users, new_users, MAX (free_licenses, 0));
  return FALSE;
}

/**
 * lic_rules_refuse_outsiders:
 * @outsiders: how many of the users named are not users of the pool's school
 *
 * An assignment names only users of the pool's school (or ids of no user at all).
 */
void
lic_rules_refuse_outsiders (gint64       outsiders,
                            const char  *school_name,
                            GError     **error)
{
  g_set_error (error, LIC_ERROR, LIC_ERROR_INVALID,
               "%" G_GINT64_FORMAT " of the users named %s not %s of %s. Assign only users of "
               "the pool's school.",
               outsiders, outsiders == 1 ? "is" : "are", outsiders == 1 ? "a user" : "users",
               school_name);
}

/**
 * lic_rules_check_checkout:
 * @buyer_email: (nullable): where activation e-mails for the admin checking out go
 *
 * Checks that @cart may be ordered as @checkout asks; the prices are the current ones.
 */
gboolean
lic_rules_check_checkout (const LicCart      *cart,
                          const LicCheckout  *checkout,
                          const char         *buyer_email,
                          GError            **error)
{
  gint64 total = lic_cart_get_total (cart);

  if (cart->lines->len == 0)
    {
      g_set_error_literal (error, LIC_ERROR, LIC_ERROR_CONFLICT, "Your cart is empty.");
      return FALSE;
    }
  for (guint i = 0; i < cart->lines->len; i++)
    {
      const LicCartLine *line = g_ptr_array_index (cart->lines, i);

      if (!line->offered)
        {
          g_set_error (error, LIC_ERROR, LIC_ERROR_CONFLICT,
                       "%s is no longer offered. Remove it from your cart and check out again.",
                       line->product_name);
          return FALSE;
        }
    }
  if (checkout->has_expected_total && checkout->expected_total != total)
    {
      g_set_error_literal (error, LIC_ERROR, LIC_ERROR_CONFLICT,
                           "Prices have changed since you opened your cart. Check the new total "
                           "and check out again.");
      return FALSE;
    }
  for (guint i = 0; i < cart->lines->len; i++)
    {
      const LicCartLine *line = g_ptr_array_index (cart->lines, i);

      /* Groups may have grown since the line was filled. */
      if (line->delivery == LIC_DELIVERY_DIRECT && line->assigned_count > line->quantity)
        {
          g_set_error (error, LIC_ERROR, LIC_ERROR_CONFLICT,
                       "You picked %" G_GINT64_FORMAT " users for %" G_GINT64_FORMAT " licenses "
                       "of %s. Pick fewer users or buy more licenses.",
                       line->assigned_count, line->quantity, line->product_name);
          return FALSE;
        }
      if (line->delivery == LIC_DELIVERY_ACTIVATION_MAIL && buyer_email == NULL)
        {
          g_set_error (error, LIC_ERROR, LIC_ERROR_CONFLICT,
                       "%s is activated through an e-mail, and your account has no e-mail "
                       "address. Ask to have one added, or let another admin buy it.",
                       line->product_name);
          return FALSE;
        }
    }
  /* An organization with a suspended purchase request makes no new ones until it pays. */
  if (g_strcmp0 (checkout->payment, "purchase_request") == 0
      && cart->purchase_request_refusal != NULL)
    {
      g_set_error_literal (error, LIC_ERROR, LIC_ERROR_CONFLICT, cart->purchase_request_refusal);
      return FALSE;
    }
  return TRUE;
}

/**
 * lic_rules_check_total:
 * @total: what the payment costs at the current price
 *
 * A payment goes through only at the total the admin confirmed, when they sent one.
 */
gboolean
lic_rules_check_total (gint64             total,
                       const LicPayment  *payment,
                       GError           **error)
{
  if (!payment->has_expected_total || payment->expected_total == total)
    return TRUE;
  g_set_error_literal (error, LIC_ERROR, LIC_ERROR_CONFLICT,
                       "The price has changed since you opened this page. Check the new total "
                       "and try again.");
  return FALSE;
}

/* A code that does not exist, or exists for another organization: the same answer, so that
 * codes of other organizations cannot be told from wrong ones. */
void
lic_rules_refuse_code (GError **error)
{
  g_set_error_literal (error, LIC_ERROR, LIC_ERROR_NOT_FOUND,
                       _("This activation code is not valid. Check that you copied all of it."));
}

/**
 * lic_rules_check_code:
 * @used_at: (nullable): when the code was used, if it was
 * @expires_at: when it stops working, in ISO 8601 (UTC)
 * @now: the time, in the same form
 */
gboolean
lic_rules_check_code (const char  *used_at,
                      const char  *expires_at,
                      const char  *now,
                      GError     **error)
{
  g_autofree char *date = NULL;

  if (used_at != NULL)
    {
      g_set_error_literal (error, LIC_ERROR, LIC_ERROR_CONFLICT,
                           _("This activation code has been used already."));
      return FALSE;
    }
  /* Both are written in one fixed form, so text order is time order. */
  if (g_strcmp0 (now, expires_at) >= 0)
    {
      date = lic_text_date (expires_at);
      /* TRANSLATORS: %s is a date such as "3 February 2027" */
      g_set_error (error, LIC_ERROR, LIC_ERROR_CONFLICT,
                   _("This activation code expired on %s. Ask the supplier for a new activation "
                     "e-mail."), date);
      return FALSE;
    }
  return TRUE;
}
