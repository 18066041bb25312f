/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined(FUZHU_INSIDE) && !defined(FUZHU_COMPILATION)
# error "Only <fuzhu.h> can be included directly."
#endif

#include <gio/gio.h>

#include "fz-types.h"

G_BEGIN_DECLS

#define FZ_TYPE_CONTEXT (fz_context_get_type ())
G_DECLARE_FINAL_TYPE (FzContext, fz_context, FZ, CONTEXT, GObject)

/* What a measure is given to work with: no globals. */
FzContext   *fz_context_new            (FzDatabase  *database,
                                        GSettings   *settings,
                                        const char  *operator_name);
FzDatabase  *fz_context_get_database   (FzContext   *self);
/* The shared registry of certified persons and organizations. */
FzRegistry  *fz_context_get_registry   (FzContext   *self);
/* The application's settings, or NULL where there is no schema (tests). */
GSettings   *fz_context_get_settings   (FzContext   *self);
/* Who is working: a signed-in account or, in single-user mode, the system user. */
const char  *fz_context_get_operator   (FzContext   *self);
void         fz_context_set_operator   (FzContext   *self,
                                        const char  *operator_name);

/* Small values an owner keeps in the database (fz_setting): they travel
 * with the data, unlike GSettings. Returns NULL when unset. */
char        *fz_context_get_value      (FzContext   *self,
                                        const char  *owner,
                                        const char  *key);
gboolean     fz_context_set_value      (FzContext   *self,
                                        const char  *owner,
                                        const char  *key,
                                        const char  *value,
                                        GError     **error);

G_END_DECLS
