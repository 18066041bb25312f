/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fuzhu.h"

G_BEGIN_DECLS

#define FZP_TYPE_RURAL_BASES_PAGE (fzp_rural_bases_page_get_type ())
G_DECLARE_FINAL_TYPE (FzpRuralBasesPage, fzp_rural_bases_page, FZP, RURAL_BASES_PAGE, AdwBin)

GtkWidget *fzp_rural_bases_page_new (FzContext *context);

G_END_DECLS
