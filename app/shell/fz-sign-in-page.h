/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fuzhu.h"

G_BEGIN_DECLS

#define FZ_TYPE_SIGN_IN_PAGE (fz_sign_in_page_get_type ())
G_DECLARE_FINAL_TYPE (FzSignInPage, fz_sign_in_page, FZ, SIGN_IN_PAGE, AdwBin)

/* What the main window shows instead of its pages while nobody is signed
 * in, or while it is locked. Signals: "signed-in" once the operator is
 * signed in (or, locked, has given the password again); "sign-out" when
 * a locked window's operator gives way to another. */
GtkWidget *fz_sign_in_page_new       (FzContext    *context);
/* Asks for an account and a password (@locked FALSE), or for the password
 * of the operator signed in (@locked TRUE). Clears the fields. */
void       fz_sign_in_page_set_locked (FzSignInPage *self,
                                       gboolean      locked);
gboolean   fz_sign_in_page_get_locked (FzSignInPage *self);
/* Puts the focus in the first empty field. */
void       fz_sign_in_page_focus      (FzSignInPage *self);

G_END_DECLS
