/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fuzhu.h"

G_BEGIN_DECLS

#define FZ_TYPE_PERSON_DIALOG (fz_person_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FzPersonDialog, fz_person_dialog, FZ, PERSON_DIALOG, AdwWindow)

/* A form to add a person (@person NULL) or edit one read from the registry.
 * Emits "saved" after a save or a delete, each one transaction. */
FzPersonDialog *fz_person_dialog_new      (GtkWindow  *parent,
                                           FzRegistry *registry,
                                           FzPerson   *person);
/* Fills a field by its name ("name", "id-number", "cert-number",
 * "township", "phone", "employment-form", "employment-date"), as typing would. */
void            fz_person_dialog_set_text (FzPersonDialog *self,
                                           const char     *field,
                                           const char     *text);
/* Validates and saves; on a problem shows it by the field and returns FALSE. */
gboolean        fz_person_dialog_save     (FzPersonDialog *self);
/* The problem shown, or NULL. */
const char     *fz_person_dialog_get_problem (FzPersonDialog *self);

G_END_DECLS
