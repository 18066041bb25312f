/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fuzhu.h"

G_BEGIN_DECLS

/* Import and export from the page: a file chooser, then the outcome in a
 * dialog (what was added, or every problem with its line). After an
 * import that wrote something, @widget emits "changed". */
void fzp_welfare_posts_transfer_import (GtkWidget *widget,
                                        FzContext *context,
                                        gboolean   posts);
void fzp_welfare_posts_transfer_export (GtkWidget *widget,
                                        FzContext *context,
                                        gboolean   posts);

G_END_DECLS
