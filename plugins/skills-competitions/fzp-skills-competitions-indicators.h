/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fuzhu.h"

G_BEGIN_DECLS

/* The dashboard's figures, per county and year (a competition's year is
 * the year it starts): competitions held (in the county that hosted them;
 * the city's figure counts the city's own too), persons who competed, and
 * persons who won an award in published results. None counts toward a
 * target of the plan. */

#define FZP_SKILLS_COMPETITIONS_N_INDICATORS 3
extern const FzIndicatorInfo fzp_skills_competitions_indicators[FZP_SKILLS_COMPETITIONS_N_INDICATORS];

gboolean fzp_skills_competitions_compute_indicators (FzContext          *context,
                                                     int                 year,
                                                     FzIndicatorValues  *values,
                                                     GError            **error);

G_END_DECLS
