/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "fuzhu.h"

G_BEGIN_DECLS

typedef enum {
  FZ_PRINT_TO_PRINTER, /* the print dialog, with its preview */
  FZ_PRINT_TO_PDF,     /* a PDF file the user chooses */
} FzPrintTarget;

/* Prints or exports the document @name (as `fuzhu documents` names it):
 * asks for its parameters first when it has any, then builds it and sends
 * it on. Problems are shown to the user as a toast on @parent. */
void fz_print_document (GtkWindow       *parent,
                        FzPluginManager *manager,
                        const char      *name,
                        FzPrintTarget    target);

/* A menu of the documents whose owner is @owner ("core" for the dashboard, or
 * a measure's id), or NULL when it offers none. Its items activate
 * win.print-document and win.export-document with the document's name. */
GMenuModel *fz_print_menu_for_owner (FzPluginManager *manager,
                                     const char      *owner);

G_END_DECLS
