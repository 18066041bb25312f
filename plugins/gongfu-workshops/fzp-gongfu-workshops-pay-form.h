/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fuzhu.h"

G_BEGIN_DECLS

/* A whole month's pay of one workshop in one form: a row per worker of the
 * month (basis, pieces or hours, amount, note), saved in one transaction;
 * Enter moves down a column, Ctrl+S saves. Also imports the month from a
 * spreadsheet, writes the sheet to fill in, and prints the pay sheet.
 * Emits "saved" after the month's pay changed. Each row's entries are named
 * "pay-quantity-N", "pay-amount-N", "pay-note-N" and its basis
 * "pay-basis-N", N counting from 0. */
#define FZP_TYPE_GONGFU_WORKSHOPS_PAY_FORM (fzp_gongfu_workshops_pay_form_get_type ())
G_DECLARE_FINAL_TYPE (FzpGongfuWorkshopsPayForm, fzp_gongfu_workshops_pay_form,
                      FZP, GONGFU_WORKSHOPS_PAY_FORM, AdwBin)

void     fzp_gongfu_workshops_pay_form_set_context  (FzpGongfuWorkshopsPayForm *self,
                                                     FzContext                 *context);
/* Shows @workshop_id's month (0: none), keeping the month shown. */
void     fzp_gongfu_workshops_pay_form_set_workshop (FzpGongfuWorkshopsPayForm *self,
                                                     gint64                     workshop_id);
void     fzp_gongfu_workshops_pay_form_set_month    (FzpGongfuWorkshopsPayForm *self,
                                                     guint                      year,
                                                     guint                      month);
/* Whether the form holds changes that are not saved. */
gboolean fzp_gongfu_workshops_pay_form_get_dirty    (FzpGongfuWorkshopsPayForm *self);
/* The rows shown: the workers of the month. */
guint    fzp_gongfu_workshops_pay_form_get_n_rows   (FzpGongfuWorkshopsPayForm *self);
/* Saves what the form holds, as Save does; FALSE when a row is wrong (the
 * form then shows why, at the row). */
gboolean fzp_gongfu_workshops_pay_form_save         (FzpGongfuWorkshopsPayForm *self);

G_END_DECLS
