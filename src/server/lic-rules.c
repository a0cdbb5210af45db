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
      /* TRANSLATORS: the most licenses a cart line holds (100000), a product, a school, and
       * the licenses the line would hold (more than the most) */
      g_set_error (error, LIC_ERROR, LIC_ERROR_INVALID,
                   _("A cart line holds at most %d licenses, and %s for %s would then hold %"
                     PRId64 ". Buy fewer licenses."),
                   LIC_CART_MAX_QUANTITY, line->product_name, line->school_name, line->quantity);
      return FALSE;
    }
  if (line->delivery != LIC_DELIVERY_DIRECT
      && (line->user_ids->len > 0 || line->group_ids->len > 0))
    {
      g_set_error (error, LIC_ERROR, LIC_ERROR_INVALID,
                   _("Licenses of %s are delivered later by the supplier and cannot be "
                     "assigned in advance."), line->product_name);
      return FALSE;
    }
  if (line->assigned_count > line->quantity)
    {
      /* TRANSLATORS: the users picked (always more than one), then the licenses, which the
       * plural follows */
      g_set_error (error, LIC_ERROR, LIC_ERROR_INVALID,
                   g_dngettext (LIC_I18N_DOMAIN,
                                "You picked %" PRId64 " users for %" PRId64 " license. Pick "
                                "fewer users or buy more licenses.",
                                "You picked %" PRId64 " users for %" PRId64 " licenses. Pick "
                                "fewer users or buy more licenses.",
                                (gulong) line->quantity),
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
               _("There is no product %" PRId64 " in your library. Pick a product the "
                 "library offers."), product_id);
}

/**
 * lic_rules_refuse_pick:
 * @kind: "user" or "group"
 * @school_name: (nullable): the line's school; %NULL if it is gone
 *
 * A user or group picked for a line that is not of the line's school.
 */
void
lic_rules_refuse_pick (const char  *kind,
                       gint64       id,
                       const char  *school_name,
                       GError     **error)
{
  gboolean group = g_strcmp0 (kind, "group") == 0;

  /* A whole sentence for each kind, so that languages can inflect the words. */
  if (school_name == NULL)
    g_set_error (error, LIC_ERROR, LIC_ERROR_INVALID,
                 group ? _("There is no group %" PRId64 " at the school. Pick groups of the "
                           "line's school.")
                       : _("There is no user %" PRId64 " at the school. Pick users of the "
                           "line's school."), id);
  else
    /* TRANSLATORS: an id, and the name of a school */
    g_set_error (error, LIC_ERROR, LIC_ERROR_INVALID,
                 group ? _("There is no group %" PRId64 " at %s. Pick groups of the line's "
                           "school.")
                       : _("There is no user %" PRId64 " at %s. Pick users of the line's "
                           "school."), id, school_name);
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
  /* TRANSLATORS: a number of users, and the name of a school */
  g_set_error (error, LIC_ERROR, LIC_ERROR_INVALID,
               g_dngettext (LIC_I18N_DOMAIN,
                            "%" PRId64 " of the users named is not a user of %s. Assign only "
                            "users of the pool's school.",
                            "%" PRId64 " of the users named are not users of %s. Assign only "
                            "users of the pool's school.",
                            (gulong) outsiders),
               outsiders, school_name);
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
      g_set_error_literal (error, LIC_ERROR, LIC_ERROR_CONFLICT, _("Your cart is empty."));
      return FALSE;
    }
  for (guint i = 0; i < cart->lines->len; i++)
    {
      const LicCartLine *line = g_ptr_array_index (cart->lines, i);

      if (!line->offered)
        {
          g_set_error (error, LIC_ERROR, LIC_ERROR_CONFLICT,
                       _("%s is no longer offered. Remove it from your cart and check out "
                         "again."), line->product_name);
          return FALSE;
        }
    }
  if (checkout->has_expected_total && checkout->expected_total != total)
    {
      g_set_error_literal (error, LIC_ERROR, LIC_ERROR_CONFLICT,
                           _("Prices have changed since you opened your cart. Check the new "
                             "total and check out again."));
      return FALSE;
    }
  for (guint i = 0; i < cart->lines->len; i++)
    {
      const LicCartLine *line = g_ptr_array_index (cart->lines, i);

      /* Groups may have grown since the line was filled. */
      if (line->delivery == LIC_DELIVERY_DIRECT && line->assigned_count > line->quantity)
        {
          /* TRANSLATORS: the users picked (always more than one), the licenses, which the
           * plural follows, and a product */
          g_set_error (error, LIC_ERROR, LIC_ERROR_CONFLICT,
                       g_dngettext (LIC_I18N_DOMAIN,
                                    "You picked %" PRId64 " users for %" PRId64 " license of "
                                    "%s. Pick fewer users or buy more licenses.",
                                    "You picked %" PRId64 " users for %" PRId64 " licenses of "
                                    "%s. Pick fewer users or buy more licenses.",
                                    (gulong) line->quantity),
                       line->assigned_count, line->quantity, line->product_name);
          return FALSE;
        }
      if (line->delivery == LIC_DELIVERY_ACTIVATION_MAIL && buyer_email == NULL)
        {
          g_set_error (error, LIC_ERROR, LIC_ERROR_CONFLICT,
                       _("%s is activated through an e-mail, and your account has no e-mail "
                         "address. Ask to have one added, or let another admin buy it."),
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
                       _("The price has changed since you opened this page. Check the new "
                         "total and try again."));
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
