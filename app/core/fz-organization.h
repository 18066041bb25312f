/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined(FUZHU_INSIDE) && !defined(FUZHU_COMPILATION)
# error "Only <fuzhu.h> can be included directly."
#endif

#include <glib-object.h>

#include "fz-types.h"

G_BEGIN_DECLS

/* Kinds of employer, as the plan and the quota rules tell them apart. */
typedef enum {
  FZ_ORGANIZATION_ANY                 = 0, /* in filters only */
  FZ_ORGANIZATION_ORGAN               = 1, /* 机关 */
  FZ_ORGANIZATION_INSTITUTION         = 2, /* 事业单位 */
  FZ_ORGANIZATION_STATE_ENTERPRISE    = 3, /* 国有企业 */
  FZ_ORGANIZATION_PRIVATE_ENTERPRISE  = 4, /* 民营企业 */
  FZ_ORGANIZATION_SOCIAL_ORGANIZATION = 5, /* 社会组织 */
  FZ_ORGANIZATION_VILLAGE_COLLECTIVE  = 6, /* 村集体 */
  FZ_ORGANIZATION_OTHER               = 7,
} FzOrganizationType;

#define FZ_ORGANIZATION_TYPE_LAST FZ_ORGANIZATION_OTHER

/* The value stored in the database ("organ", "institution"...) and back. */
const char         *fz_organization_type_to_nick    (FzOrganizationType type);
FzOrganizationType  fz_organization_type_from_nick  (const char        *nick);
/* Translated, for display. */
const char         *fz_organization_type_to_string  (FzOrganizationType type);
/* Reads 机关, 事业单位... or the nicks; FALSE for anything else. */
gboolean            fz_organization_type_parse      (const char        *text,
                                                     FzOrganizationType *type);

/* An employer (用人单位) or other organization, a plain value object;
 * FzRegistry validates and saves it. */
#define FZ_TYPE_ORGANIZATION (fz_organization_get_type ())
G_DECLARE_FINAL_TYPE (FzOrganization, fz_organization, FZ, ORGANIZATION, GObject)

FzOrganization     *fz_organization_new                   (void);
gint64              fz_organization_get_id                (FzOrganization    *self);
const char         *fz_organization_get_name              (FzOrganization    *self);
void                fz_organization_set_name              (FzOrganization    *self,
                                                           const char        *name);
/* The unified social credit code, NULL when not known. */
const char         *fz_organization_get_credit_code       (FzOrganization    *self);
void                fz_organization_set_credit_code       (FzOrganization    *self,
                                                           const char        *code);
FzOrganizationType  fz_organization_get_kind              (FzOrganization    *self);
void                fz_organization_set_kind              (FzOrganization    *self,
                                                           FzOrganizationType kind);
const char         *fz_organization_get_county_code       (FzOrganization    *self);
void                fz_organization_set_county_code       (FzOrganization    *self,
                                                           const char        *county_code);
const char         *fz_organization_get_county_name       (FzOrganization    *self);
/* Staff, -1 when not known. */
gint                fz_organization_get_headcount         (FzOrganization    *self);
void                fz_organization_set_headcount         (FzOrganization    *self,
                                                           gint               headcount);
/* Established posts (编制) of organs and public institutions, -1 when not known. */
gint                fz_organization_get_established_posts (FzOrganization    *self);
void                fz_organization_set_established_posts (FzOrganization    *self,
                                                           gint               posts);

G_END_DECLS
