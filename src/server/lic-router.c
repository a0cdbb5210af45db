/* lic-router.c
 *
 * A pattern is a path whose segments are literal or `{id}`, which matches a positive integer
 * only: /products/abc is no product, so it is not found rather than malformed. The table is
 * small and walked in order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "lic-i18n.h"
#include "lic-error.h"
#include "lic-router.h"

#define ID_SEGMENT "{id}"

typedef struct
{
  char *method;
  GStrv segments;
  LicRouteFlags flags;
  LicHandler handler;
} Route;

struct _LicRouter
{
  GPtrArray *routes;                /* Route */
};

static void
route_free (Route *route)
{
  g_free (route->method);
  g_strfreev (route->segments);
  g_free (route);
}

LicRouter *
lic_router_new (void)
{
  LicRouter *self = g_new0 (LicRouter, 1);

  self->routes = g_ptr_array_new_with_free_func ((GDestroyNotify) route_free);
  return self;
}

void
lic_router_free (LicRouter *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->routes);
  g_free (self);
}

/**
 * lic_router_add:
 * @pattern: a path such as `/api/v1/pools/{id}/assignments`
 */
void
lic_router_add (LicRouter     *self,
                const char    *method,
                const char    *pattern,
                LicRouteFlags  flags,
                LicHandler     handler)
{
  g_auto(GStrv) segments = NULL;
  Route *route;
  guint n_ids = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (method != NULL && pattern != NULL && pattern[0] == '/' && handler != NULL);

  segments = g_strsplit (pattern + 1, "/", -1);
  for (guint i = 0; segments[i] != NULL; i++)
    n_ids += g_str_equal (segments[i], ID_SEGMENT);
  g_return_if_fail (n_ids <= LIC_ROUTE_MAX_IDS);

  route = g_new0 (Route, 1);
  route->method = g_strdup (method);
  route->segments = g_steal_pointer (&segments);
  route->flags = flags;
  route->handler = handler;
  g_ptr_array_add (self->routes, route);
}

static gboolean
match_path (const Route  *route,
            char        **segments,
            gint64       *ids)
{
  guint n_ids = 0;
  guint i;

  for (i = 0; route->segments[i] != NULL && segments[i] != NULL; i++)
    {
      guint64 id;

      if (!g_str_equal (route->segments[i], ID_SEGMENT))
        {
          if (!g_str_equal (route->segments[i], segments[i]))
            return FALSE;
          continue;
        }
      if (!g_ascii_string_to_unsigned (segments[i], 10, 1, G_MAXINT64, &id, NULL))
        return FALSE;
      ids[n_ids++] = (gint64) id;
    }
  return route->segments[i] == NULL && segments[i] == NULL;
}

/**
 * lic_router_match:
 * @path: the path of the request, without its query
 * @allow: (out) (transfer full): for %LIC_ERROR_METHOD_NOT_ALLOWED, the methods @path takes,
 *   for the Allow header
 *
 * Returns: whether a route takes @method and @path; if none does, @error is
 *   %LIC_ERROR_NOT_FOUND or, if the path is known, %LIC_ERROR_METHOD_NOT_ALLOWED
 */
gboolean
lic_router_match (LicRouter      *self,
                  const char     *method,
                  const char     *path,
                  LicRouteMatch  *match,
                  char          **allow,
                  GError        **error)
{
  g_auto(GStrv) segments = NULL;
  g_autoptr(GStrvBuilder) methods = g_strv_builder_new ();
  g_auto(GStrv) allowed = NULL;

  g_return_val_if_fail (self != NULL && method != NULL && path != NULL, FALSE);
  g_return_val_if_fail (match != NULL && allow != NULL, FALSE);

  *allow = NULL;
  if (path[0] != '/')
    {
      /* TRANSLATORS: %s is the path of a URL, such as /api/v1/pools/12 */
      g_set_error (error, LIC_ERROR, LIC_ERROR_NOT_FOUND, _("There is no %s on this server."),
                   path);
      return FALSE;
    }

  segments = g_strsplit (path + 1, "/", -1);
  for (guint i = 0; i < self->routes->len; i++)
    {
      const Route *route = g_ptr_array_index (self->routes, i);
      gint64 ids[LIC_ROUTE_MAX_IDS] = { 0 };

      if (!match_path (route, segments, ids))
        continue;
      if (g_str_equal (route->method, method))
        {
          match->handler = route->handler;
          match->flags = route->flags;
          memcpy (match->ids, ids, sizeof ids);
          return TRUE;
        }
      g_strv_builder_add (methods, route->method);
    }

  allowed = g_strv_builder_end (methods);
  if (allowed[0] == NULL)
    {
      g_set_error (error, LIC_ERROR, LIC_ERROR_NOT_FOUND, _("There is no %s on this server."),
                   path);
      return FALSE;
    }
  *allow = g_strjoinv (", ", allowed);
  /* TRANSLATORS: the path of a URL, an HTTP method such as DELETE, and the methods the path
   * takes, such as "GET, POST" */
  g_set_error (error, LIC_ERROR, LIC_ERROR_METHOD_NOT_ALLOWED,
               _("%s does not take %s, only %s."), path, method, *allow);
  return FALSE;
}
