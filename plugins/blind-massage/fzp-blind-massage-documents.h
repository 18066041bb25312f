/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fuzhu.h"

G_BEGIN_DECLS

/* What the measure prints: the yearly review list, an individual review
 * record, the overdue notice (public: numbers masked) and the register of
 * practitioners. Printed text is Chinese whatever the window's language. */
extern const FzDocumentInfo fzp_blind_massage_documents[];
extern const guint fzp_blind_massage_n_documents;

/* Builds @info (one of the above) with @params (NAME -> VALUE, may be NULL):
 * year, county (code or name; empty for the city), date (YYYY-MM-DD; empty
 * for today) and person (identity number). The review record of a review
 * that is done gets a serial of the certificate register, the same one
 * when printed again. Fails with FZ_DOCUMENT_ERROR_INVALID naming a wrong
 * parameter. */
FzDocument *fzp_blind_massage_build_document (FzContext             *context,
                                              const FzDocumentInfo  *info,
                                              GHashTable            *params,
                                              GError               **error);
/* The info of document @id. */
const FzDocumentInfo *fzp_blind_massage_find_document (const char *id);

G_END_DECLS
