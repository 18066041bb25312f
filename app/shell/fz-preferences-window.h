/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fuzhu.h"

G_BEGIN_DECLS

#define FZ_TYPE_PREFERENCES_WINDOW (fz_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (FzPreferencesWindow, fz_preferences_window, FZ, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *fz_preferences_window_new (FzPluginManager *manager);

G_END_DECLS
