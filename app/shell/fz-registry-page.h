/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fuzhu.h"

G_BEGIN_DECLS

#define FZ_TYPE_REGISTRY_PAGE (fz_registry_page_get_type ())
G_DECLARE_FINAL_TYPE (FzRegistryPage, fz_registry_page, FZ, REGISTRY_PAGE, AdwBin)

GtkWidget  *fz_registry_page_new        (FzPluginManager *manager);
/* The list the page shows (a model that pages from the database). */
GListModel *fz_registry_page_get_model  (FzRegistryPage  *self);
/* Types into the search field, as a user would. */
void        fz_registry_page_search     (FzRegistryPage  *self,
                                         const char      *text);
/* Imports a sheet; on rejected rows, shows them in a dialog and returns FALSE. */
gboolean    fz_registry_page_import_file (FzRegistryPage *self,
                                          const char     *path);

G_END_DECLS
