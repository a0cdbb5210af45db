/* lic-user-query.h: what GET /users is asked for: words and filters.
 *
 * A small value type like LicProductQuery: NULL/0/-1 mean "any".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "lic-client-enums.h"

G_BEGIN_DECLS

#define LIC_TYPE_USER_QUERY (lic_user_query_get_type ())

typedef struct
{
  char *text;                   /* q: the start of words of the name, username or e-mail */
  int role;                     /* a LicRole, or -1 */
  gint64 school_id;             /* a school's id, or 0 */
  gint64 group_id;              /* a group's id, or 0 */
  gint64 pool_id;               /* a pool's id: the users it assigns (with a list: narrows the
                                 * list to that pool); or 0 */
  LicUserList list;             /* LIC_USER_LIST_ALL, or the Payable or No access list */
} LicUserQuery;

GType         lic_user_query_get_type (void) G_GNUC_CONST;
LicUserQuery *lic_user_query_new      (const char         *text);
LicUserQuery *lic_user_query_copy     (const LicUserQuery *self);
void          lic_user_query_free     (LicUserQuery       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LicUserQuery, lic_user_query_free)

G_END_DECLS
