/* lic-status-stack.h: the states every view goes through while it talks to the server.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  LIC_STATUS_LOADING,
  LIC_STATUS_EMPTY,
  LIC_STATUS_ERROR,
  LIC_STATUS_CONTENT,
} LicStatus;

#define LIC_TYPE_STATUS_STACK (lic_status_stack_get_type ())

G_DECLARE_FINAL_TYPE (LicStatusStack, lic_status_stack, LIC, STATUS_STACK, GtkWidget)

GtkWidget  *lic_status_stack_get_content           (LicStatusStack *self);
void        lic_status_stack_set_content           (LicStatusStack *self,
                                                    GtkWidget      *content);
const char *lic_status_stack_get_empty_title       (LicStatusStack *self);
void        lic_status_stack_set_empty_title       (LicStatusStack *self,
                                                    const char     *title);
const char *lic_status_stack_get_empty_description (LicStatusStack *self);
void        lic_status_stack_set_empty_description (LicStatusStack *self,
                                                    const char     *description);
const char *lic_status_stack_get_empty_icon_name   (LicStatusStack *self);
void        lic_status_stack_set_empty_icon_name   (LicStatusStack *self,
                                                    const char     *icon_name);

LicStatus   lic_status_stack_get_status            (LicStatusStack *self);
void        lic_status_stack_show_loading          (LicStatusStack *self);
void        lic_status_stack_show_empty            (LicStatusStack *self);
void        lic_status_stack_show_content          (LicStatusStack *self);
void        lic_status_stack_show_error            (LicStatusStack *self,
                                                    const GError   *error);

G_END_DECLS
