/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fuzhu.h"

G_BEGIN_DECLS

#define FZ_TYPE_WINDOW (fz_window_get_type ())
G_DECLARE_FINAL_TYPE (FzWindow, fz_window, FZ, WINDOW, AdwApplicationWindow)

/* @app may be NULL (tests). */
FzWindow   *fz_window_new            (GtkApplication  *app,
                                      FzPluginManager *manager);
/* Shows the page @id (dashboard, registry, or a measure's id). FALSE when there is none. */
gboolean    fz_window_show_page      (FzWindow        *self,
                                      const char      *id);
const char *fz_window_get_page       (FzWindow        *self);
void        fz_window_add_toast      (FzWindow        *self,
                                      const char      *message);

G_END_DECLS
