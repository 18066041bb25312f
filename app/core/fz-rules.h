/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined(FUZHU_INSIDE) && !defined(FUZHU_COMPILATION)
# error "Only <fuzhu.h> can be included directly."
#endif

#include "fz-types.h"
#include "fz-validate.h"

G_BEGIN_DECLS

/* Rules that change with time are data with effective dates, editable by an
 * administrator, never constants in code. Each lookup takes the rule in
 * force on the given date. */

/* Working age for the employment statistics. Default, from 1900-01-01: men
 * 16–59, women 16–54 (the federation's real-name employment system). Whether
 * it follows the retirement ages that rise from 2025 is open: add a row. */
gboolean fz_rules_get_working_age    (FzDatabase   *db,
                                      FzSex         sex,
                                      const GDate  *on,
                                      guint        *min_age,
                                      guint        *max_age,
                                      GError      **error);
/* Whether a person born on @birth is of working age on @on. */
gboolean fz_rules_is_working_age     (FzDatabase   *db,
                                      FzSex         sex,
                                      const GDate  *birth,
                                      const GDate  *on,
                                      gboolean     *result,
                                      GError      **error);
/* The birth dates (inclusive) of those of working age on @on, as
 * YYYY-MM-DD, for queries over many persons. */
gboolean fz_rules_working_age_births (FzDatabase   *db,
                                      FzSex         sex,
                                      const GDate  *on,
                                      char          earliest[11],
                                      char          latest[11],
                                      GError      **error);
gboolean fz_rules_set_working_age    (FzDatabase   *db,
                                      FzSex         sex,
                                      const GDate  *from,
                                      guint         min_age,
                                      guint         max_age,
                                      GError      **error);

/* Zhejiang's minimum wage, by tier (1 highest), and the tier each county
 * uses. Defaults: 2280/2070/1840 yuan a month and 22/20/18 an hour from
 * 2021-08-01; 2490/2260/2010 and 24/22/20 from 2025-01-01. Which tier each
 * county of Quzhou uses is open; the default puts the two districts (柯城,
 * 衢江) in tier 2 and the four counties and cities in tier 3. */
gboolean fz_rules_get_minimum_wage   (FzDatabase   *db,
                                      const char   *county_code,
                                      const GDate  *on,
                                      double       *monthly,
                                      double       *hourly,
                                      GError      **error);
gboolean fz_rules_set_minimum_wage   (FzDatabase   *db,
                                      guint         tier,
                                      const GDate  *from,
                                      double        monthly,
                                      double        hourly,
                                      GError      **error);
gboolean fz_rules_set_county_tier    (FzDatabase   *db,
                                      const char   *county_code,
                                      const GDate  *from,
                                      guint         tier,
                                      GError      **error);

G_END_DECLS
