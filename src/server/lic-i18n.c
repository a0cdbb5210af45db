/* lic-i18n.c
 *
 * glibc's gettext follows the calling thread's locale (uselocale()), so each language gets one
 * locale at start, made of the process's locale with the LC_MESSAGES of that language, and a
 * thread switches to it for as long as it writes texts for one person. Where a language's locale
 * is not installed, its texts are English: gettext translates nothing under the "C" locale.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <libintl.h>
#include <string.h>

#include "lic-i18n.h"

typedef struct
{
  const char *language;             /* as the API and the users table write it */
  const char *locale;               /* the locale whose LC_MESSAGES it takes */
  const char *name;                 /* for the log */
} Language;

static const Language languages[] = {
  { "en", "C", "English" },
  { "sv", "sv_SE.UTF-8", "Swedish" },
  { "fi", "fi_FI.UTF-8", "Finnish" },
};

static locale_t locales[G_N_ELEMENTS (languages)];

/**
 * lic_i18n_init:
 * @localedir: where the catalogs of the licentia-server domain are
 *
 * Makes a locale for each language the server writes, once, before any thread uses them. Logs
 * which languages fall back to English because their locale is not installed.
 */
void
lic_i18n_init (const char *localedir)
{
  static gsize done = 0;

  if (!g_once_init_enter (&done))
    return;

  /* $LANGUAGE would take precedence over every thread's LC_MESSAGES. */
  g_unsetenv ("LANGUAGE");
  bindtextdomain (LIC_I18N_DOMAIN, localedir);
  bind_textdomain_codeset (LIC_I18N_DOMAIN, "UTF-8");

  for (gsize i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      locale_t base = duplocale (LC_GLOBAL_LOCALE);

      if (base == (locale_t) 0)
        g_error ("Cannot copy the server's locale: %s", g_strerror (errno));
      locales[i] = newlocale (LC_MESSAGES_MASK, languages[i].locale, base);
      if (locales[i] == (locale_t) 0)
        {
          g_message ("Texts in %s fall back to English: the locale %s is not installed (on "
                     "Debian, generate it with the package locales, or install locales-all)",
                     languages[i].name, languages[i].locale);
          locales[i] = newlocale (LC_MESSAGES_MASK, "C", base);
          if (locales[i] == (locale_t) 0)
            g_error ("Cannot make a locale: %s", g_strerror (errno));
        }
    }
  g_once_init_leave (&done, 1);
}

static gsize
find (const char *language)
{
  for (gsize i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (language, languages[i].language) == 0)
      return i;
  return 0;
}

/**
 * lic_i18n_language:
 * @language: (nullable): a language as a user's row or a request has it
 *
 * Returns: "en", "sv" or "fi": @language if the server writes it, else English
 */
const char *
lic_i18n_language (const char *language)
{
  return languages[find (language)].language;
}

/**
 * lic_i18n_push:
 * @language: (nullable): "en", "sv" or "fi"; English for anything else
 *
 * Makes the texts of the calling thread @language until lic_i18n_pop(). Pushes nest.
 *
 * Returns: what to hand lic_i18n_pop()
 */
locale_t
lic_i18n_push (const char *language)
{
  locale_t locale = locales[find (language)];

  /* Before lic_i18n_init(), as in the unit tests of the texts: the process's language. */
  if (locale == (locale_t) 0)
    return uselocale ((locale_t) 0);
  return uselocale (locale);
}

/**
 * lic_i18n_pop:
 * @previous: what lic_i18n_push() returned
 */
void
lic_i18n_pop (locale_t previous)
{
  uselocale (previous);
}
