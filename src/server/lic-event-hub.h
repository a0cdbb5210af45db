/* lic-event-hub.h: the open streams of GET /events, and what wakes them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <microhttpd.h>

#include "lic-store.h"

G_BEGIN_DECLS

#define LIC_TYPE_EVENT_HUB (lic_event_hub_get_type ())

G_DECLARE_FINAL_TYPE (LicEventHub, lic_event_hub, LIC, EVENT_HUB, GObject)

LicEventHub         *lic_event_hub_new         (LicStore               *store,
                                                guint                   keep_alive_seconds);
struct MHD_Response *lic_event_hub_open_stream (LicEventHub            *self,
                                                struct MHD_Connection  *connection,
                                                gint64                  user_id,
                                                const char             *language,
                                                gint64                  last_event_id);
void                 lic_event_hub_publish     (LicEventHub            *self);
void                 lic_event_hub_close       (LicEventHub            *self);

G_END_DECLS
