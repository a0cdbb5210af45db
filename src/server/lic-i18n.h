/* lic-i18n.h: the server's texts in the language of whom it writes to.
 *
 * The server has a gettext domain of its own, licentia-server, installed apart from the app's.
 * libmicrohttpd answers on several threads at once, so the language is never the process's:
 * lic_i18n_push() gives the calling thread, and it alone, a locale whose LC_MESSAGES is that of
 * the language, until lic_i18n_pop().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <inttypes.h>
#include <locale.h>
#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

#define LIC_I18N_DOMAIN "licentia-server"

/* The keywords of xgettext's glib preset: _(), N_(), C_() and, for counts, g_dngettext().
 * Numbers of 64 bits are written with PRId64, which xgettext and gettext understand. */
#define _(String) g_dgettext (LIC_I18N_DOMAIN, String)
#define N_(String) (String)
#define C_(Context, String) g_dpgettext (LIC_I18N_DOMAIN, Context "\004" String, \
                                         strlen (Context) + 1)

void        lic_i18n_init       (const char *localedir);
const char *lic_i18n_language   (const char *language);
locale_t    lic_i18n_push       (const char *language);
void        lic_i18n_pop        (locale_t    previous);

G_END_DECLS
