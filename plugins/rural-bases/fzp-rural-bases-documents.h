/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fuzhu.h"

G_BEGIN_DECLS

/* What the measure prints. Privacy is declared here, not chosen when
 * printing: the public lists mask whatever they are given. */
extern const FzDocumentInfo fzp_rural_bases_documents[];
extern const guint          fzp_rural_bases_n_documents;

/* Builds @info with @params (NAME -> VALUE, may be NULL):
 *   register     year=Y county=C      the register of bases operating in Y
 *   certificate  base=B level=L       a base's recognition certificate, or
 *                year=Y [county=C]    those of every recognition of Y
 *   homestays    county=C date=D      the homestay priority list on D (today)
 *   assessment   year=Y county=C      the yearly assessment and county totals
 * Fails with FZ_DOCUMENT_ERROR_INVALID naming a wrong parameter. Certificates
 * take their serials from the certificate register, all in one transaction. */
FzDocument *fzp_rural_bases_build_document (FzContext            *context,
                                            const FzDocumentInfo *info,
                                            GHashTable           *params,
                                            GError              **error);

/* The issuer printed on certificates of @level for a base in @county_name:
 * an administrator's setting (fz_setting, owner "rural-bases", key
 * "issuer-LEVEL", where {county} stands for the county's name), else the
 * federation of the county, city or province. */
char       *fzp_rural_bases_dup_issuer     (FzContext            *context,
                                            int                   level,
                                            const char           *county_name);

G_END_DECLS
