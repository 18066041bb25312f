/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fuzhu.h"

G_BEGIN_DECLS

typedef enum {
  FZ_ACCOUNT_DIALOG_FIRST_ADMINISTRATOR, /* single-user mode: the administrator, then sign-in for all */
  FZ_ACCOUNT_DIALOG_ADD,                 /* an administrator adds an account */
  FZ_ACCOUNT_DIALOG_EDIT,                /* an administrator changes one's role, county, enabled */
  FZ_ACCOUNT_DIALOG_RESET_PASSWORD,      /* an administrator sets one's password */
  FZ_ACCOUNT_DIALOG_CHANGE_PASSWORD,     /* the operator changes their own */
} FzAccountDialogMode;

#define FZ_TYPE_ACCOUNT_DIALOG (fz_account_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FzAccountDialog, fz_account_dialog, FZ, ACCOUNT_DIALOG, AdwWindow)

/* A dialog for one change to the accounts of @context's database; @account
 * is the one to edit or reset (NULL otherwise). It makes the change itself,
 * shows what is wrong inline, and emits "done" and closes once made. */
GtkWidget *fz_account_dialog_new (FzContext           *context,
                                  FzAccountDialogMode  mode,
                                  const FzAccount     *account);

G_END_DECLS
