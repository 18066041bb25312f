/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fuzhu.h"

G_BEGIN_DECLS

#define FZ_TYPE_APPLICATION (fz_application_get_type ())
G_DECLARE_FINAL_TYPE (FzApplication, fz_application, FZ, APPLICATION, AdwApplication)

/* One running Fuzhu per database: started again on the same database, it
 * raises the window already open; on another database (--database), it
 * opens a window of its own. The application id is APP_ID for the default
 * database, else APP_ID + ".Database" + the first 16 hex digits of the
 * SHA-256 of the database's absolute path. @database_path: NULL for the
 * default database. */
char            *fz_application_id_for_database    (const char    *database_path);
/* @database_path: NULL for the default database. */
FzApplication   *fz_application_new                (const char    *database_path);
FzPluginManager *fz_application_get_plugin_manager (FzApplication *self);

/* Whether the OpenGL renderer string @renderer (glGetString) is a software
 * rasteriser, on which Fuzhu draws with cairo (GSK_RENDERER unset). */
gboolean         fz_application_gl_is_software     (const char    *renderer);
/* The application's settings, or NULL when the schema is not installed
 * (running from a build tree without `meson devenv`). */
GSettings       *fz_settings_new_if_installed      (void);

G_END_DECLS
