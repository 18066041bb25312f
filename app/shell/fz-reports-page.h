/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fuzhu.h"

G_BEGIN_DECLS

#define FZ_TYPE_REPORTS_PAGE (fz_reports_page_get_type ())
G_DECLARE_FINAL_TYPE (FzReportsPage, fz_reports_page, FZ, REPORTS_PAGE, AdwBin)

/* The city's view of the yearly reports the counties sent. */
GtkWidget *fz_reports_page_new         (FzPluginManager *manager);
void       fz_reports_page_reload      (FzReportsPage   *self);
/* Imports one county's report file; the page shows it at once. */
gboolean   fz_reports_page_import_file (FzReportsPage   *self,
                                        const char      *path,
                                        GError         **error);

G_END_DECLS
