/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined(FUZHU_INSIDE) && !defined(FUZHU_COMPILATION)
# error "Only <fuzhu.h> can be included directly."
#endif

#include "fz-types.h"

G_BEGIN_DECLS

/* The plan's targets are data: the next plan needs no new release. */

#define FZ_TARGET_NEW_EMPLOYMENT    "new-employment"
#define FZ_TARGET_NEW_WELFARE_POSTS "new-welfare-posts"
#define FZ_TARGET_EMPLOYMENT_RATE   "employment-rate"

typedef enum {
  FZ_TARGET_COUNT,   /* added up over the plan's years */
  FZ_TARGET_PERCENT, /* a rate at the end of each year */
  FZ_TARGET_LEVEL,   /* a number as it stands each year, not added up (figures of
                      * FZ_INDICATOR_LEVEL indicators; no target is of this kind) */
} FzTargetKind;

typedef struct {
  char         *key;
  char         *title;      /* in the user's language where the key is known */
  char         *print_title; /* as recorded, in Chinese, for documents */
  char         *unit;
  char         *definition; /* how the figure is counted */
  FzTargetKind  kind;
} FzTargetInfo;

typedef struct {
  char *id;         /* e.g. "2022-2025" */
  char *title;      /* the plan's name */
  char *document;   /* its document number */
  int   start_year;
  int   end_year;
} FzPlan;

void          fz_target_info_free   (FzTargetInfo *info);
void          fz_plan_free          (FzPlan       *plan);

/* The plan whose years include @year, else the latest plan. NULL with
 * @error only when there is no plan at all. */
FzPlan       *fz_plan_for_year      (FzDatabase   *db,
                                     int           year,
                                     GError      **error);
/* Adds or updates a plan (one transaction). */
gboolean      fz_plan_save          (FzDatabase   *db,
                                     const FzPlan *plan,
                                     GError      **error);

/* The kinds of target, in display order. */
GPtrArray    *fz_target_list_kinds  (FzDatabase   *db,
                                     GError      **error);
/* The target of @plan_id for @key in @county_code (FZ_CITY_CODE for the
 * city). *@found is FALSE when none was set. */
gboolean      fz_target_get         (FzDatabase   *db,
                                     const char   *plan_id,
                                     const char   *key,
                                     const char   *county_code,
                                     double       *value,
                                     gboolean     *found,
                                     GError      **error);
/* Sets it; a negative @value removes it. Rejects unknown plans, keys and
 * counties, and a percentage over 100. One transaction. */
gboolean      fz_target_set         (FzDatabase   *db,
                                     const char   *plan_id,
                                     const char   *key,
                                     const char   *county_code,
                                     double        value,
                                     GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzTargetInfo, fz_target_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzPlan, fz_plan_free)

G_END_DECLS
