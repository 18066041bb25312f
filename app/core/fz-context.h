/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined(FUZHU_INSIDE) && !defined(FUZHU_COMPILATION)
# error "Only <fuzhu.h> can be included directly."
#endif

#include <gio/gio.h>

#include "fz-types.h"
#include "fz-access.h"
#include "fz-format.h"

G_BEGIN_DECLS

#define FZ_TYPE_CONTEXT (fz_context_get_type ())
G_DECLARE_FINAL_TYPE (FzContext, fz_context, FZ, CONTEXT, GObject)

/* What a measure is given to work with: no globals. @operator_name names
 * the operator in single-user mode (NULL: the system user); once accounts
 * exist, the operator is whoever signs in (fz_access_sign_in()). The
 * signed-in operator belongs to @database: contexts on one database share it. */
FzContext   *fz_context_new            (FzDatabase  *database,
                                        GSettings   *settings,
                                        const char  *operator_name);
FzDatabase  *fz_context_get_database   (FzContext   *self);
/* The shared registry of certified persons and organizations. */
FzRegistry  *fz_context_get_registry   (FzContext   *self);
/* The application's settings, or NULL where there is no schema (tests). */
GSettings   *fz_context_get_settings   (FzContext   *self);
/* Who is working: a signed-in account or, in single-user mode, the system
 * user; NULL when accounts exist and nobody is signed in. */
const char  *fz_context_get_operator   (FzContext   *self);
/* Renames the operator of single-user mode; ignored once accounts exist. */
void         fz_context_set_operator   (FzContext   *self,
                                        const char  *operator_name);
/* The operator's role: FZ_ROLE_ADMINISTRATOR in single-user mode,
 * FZ_ROLE_NONE when nobody is signed in. */
FzRole       fz_context_get_role       (FzContext   *self);
/* The county a county staff member works for, else NULL. */
const char  *fz_context_get_county     (FzContext   *self);
/* TRUE in single-user mode (no accounts: the system user may do anything). */
gboolean     fz_context_is_single_user (FzContext   *self);
gboolean     fz_context_can            (FzContext   *self,
                                        FzPermission permission);
/* As fz_context_can(), setting FZ_ACCESS_ERROR_DENIED (or
 * SIGN_IN_REQUIRED) with @doing ("enable plugins") when it cannot. */
gboolean     fz_context_check          (FzContext   *self,
                                        FzPermission permission,
                                        const char  *doing,
                                        GError     **error);
/* @text (of @kind) as a list on screen shows it to this operator: masked as
 * in public documents unless the role may see personal data. Newly
 * allocated; NULL for NULL. */
char        *fz_context_mask           (FzContext   *self,
                                        const char  *text,
                                        FzFieldKind  kind);

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
