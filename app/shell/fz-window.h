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

/* Signs the operator out: the pages go, the sign-in page shows. */
void        fz_window_sign_out       (FzWindow        *self);
/* Locks the window (only once operators sign in): the pages stay, hidden,
 * until the operator gives the password again. */
void        fz_window_lock           (FzWindow        *self);
gboolean    fz_window_is_locked      (FzWindow        *self);
/* Locks the window when it has been idle for the minutes the setting
 * "lock-after-minutes" says at @now (monotonic microseconds). */
void        fz_window_check_idle     (FzWindow        *self,
                                      gint64           now);
/* Shows who is signed in again, after the accounts changed (the first
 * administrator made in Preferences signs its maker in). */
void        fz_window_update_operator (FzWindow       *self);

G_END_DECLS
