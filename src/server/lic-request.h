/* lic-request.h: one HTTP request, from its first byte to its answer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <microhttpd.h>

#include "lic-caller.h"
#include "lic-event-hub.h"
#include "lic-router.h"
#include "lic-store.h"

G_BEGIN_DECLS

/* The largest JSON body taken, and the largest CSV body of a route with %LIC_ROUTE_CSV_BODY
 * (docs/api.md). */
#define LIC_REQUEST_MAX_BODY (1024 * 1024)
#define LIC_REQUEST_MAX_CSV_BODY (64 * 1024 * 1024)

/* What handlers use. */
LicStore        *lic_request_get_store      (LicRequest             *self);
const LicCaller *lic_request_get_caller     (LicRequest             *self);
gint64           lic_request_get_supplier   (LicRequest             *self);
const char      *lic_request_get_header     (LicRequest             *self,
                                             const char             *name);
gint64           lic_request_get_id         (LicRequest             *self,
                                             guint                   index);
const char      *lic_request_get_query      (LicRequest             *self,
                                             const char             *name);
JsonObject      *lic_request_get_body       (LicRequest             *self);
const char      *lic_request_get_raw_body   (LicRequest             *self,
                                             gsize                  *length);
const char      *lic_request_get_language   (LicRequest             *self);
const char      *lic_request_get_token      (LicRequest             *self);
void             lic_request_respond        (LicRequest             *self,
                                             guint                   status,
                                             JsonBuilder            *builder);
void             lic_request_respond_node   (LicRequest             *self,
                                             guint                   status,
                                             JsonNode               *root);
void             lic_request_respond_empty  (LicRequest             *self,
                                             guint                   status);
void             lic_request_respond_text   (LicRequest             *self,
                                             guint                   status,
                                             const char             *content_type,
                                             const char             *disposition,
                                             GString                *body);
void             lic_request_respond_events (LicRequest             *self,
                                             gint64                  last_event_id);

/* What LicServer uses. */
LicRequest      *lic_request_new            (struct MHD_Connection  *connection,
                                             const char             *method,
                                             const char             *path,
                                             gsize                   max_body,
                                             LicStore               *store,
                                             LicEventHub            *event_hub);
void             lic_request_free           (LicRequest             *self);
const char      *lic_request_get_method     (LicRequest             *self);
const char      *lic_request_get_path       (LicRequest             *self);
void             lic_request_append_body    (LicRequest             *self,
                                             const char             *data,
                                             gsize                   length);
void             lic_request_set_route      (LicRequest             *self,
                                             const LicRouteMatch    *match);
void             lic_request_set_caller     (LicRequest             *self,
                                             LicCaller              *caller);
void             lic_request_set_supplier   (LicRequest             *self,
                                             gint64                  supplier_id);
gboolean         lic_request_read_body      (LicRequest             *self,
                                             GError                **error);
void             lic_request_respond_error  (LicRequest             *self,
                                             const GError           *error,
                                             const char             *allow);
enum MHD_Result  lic_request_queue_response (LicRequest             *self);

G_END_DECLS
