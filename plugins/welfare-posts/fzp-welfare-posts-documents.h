/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fuzhu.h"

G_BEGIN_DECLS

/* What the measure prints: the placement roster (internal) and the public
 * placement list (公示, masked). */
extern const FzDocumentInfo fzp_welfare_posts_documents[];
extern const guint          fzp_welfare_posts_n_documents;

/* Builds @info with @params: "year" (default: this year) and "county"
 * (code or name; default: the whole city). */
FzDocument *fzp_welfare_posts_build_document (FzContext             *context,
                                              const FzDocumentInfo  *info,
                                              GHashTable            *params,
                                              GError               **error);

G_END_DECLS
