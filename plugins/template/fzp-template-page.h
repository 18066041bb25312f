/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fuzhu.h"

G_BEGIN_DECLS

#define FZP_TYPE_TEMPLATE_PAGE (fzp_template_page_get_type ())
G_DECLARE_FINAL_TYPE (FzpTemplatePage, fzp_template_page, FZP, TEMPLATE_PAGE, AdwBin)

GtkWidget *fzp_template_page_new (FzContext *context);

G_END_DECLS
