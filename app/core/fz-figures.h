/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined(FUZHU_INSIDE) && !defined(FUZHU_COMPILATION)
# error "Only <fuzhu.h> can be included directly."
#endif

#include "fz-types.h"
#include "fz-measure.h"
#include "fz-targets.h"

G_BEGIN_DECLS

/* The figures of the dashboard and the yearly report: each target of the
 * plan with what was achieved, and every loaded measure's indicators, per
 * year and county. */

typedef struct {
  char         *id;            /* "target/<key>" or "<measure-id>/<indicator-id>" */
  char         *title;         /* in the user's language */
  char         *unit;
  char         *measure_id;    /* NULL for the plan's targets */
  char         *measure_title;
  char         *target_key;    /* the target this is, or counts toward; else NULL */
  char         *definition;    /* for targets: how it is counted */
  char         *print_title;   /* the title in the print language (Chinese) */
  char         *print_unit;
  char         *print_measure_title;
  FzTargetKind  kind;          /* COUNT: added up over years; PERCENT: a rate */
  GHashTable   *values;        /* "YEAR/COUNTY" -> double* */
  gboolean      level;         /* FZ_INDICATOR_LEVEL: to date is the year's own figure */
} FzFigure;

typedef struct _FzFigures FzFigures;

/* A source of one target's figures kept by libfuzhu itself (the registry
 * counts new employment and the employment rate). */
typedef gboolean (*FzFigureSourceFunc) (FzDatabase         *db,
                                        int                 year,
                                        FzIndicatorValues  *values,
                                        GError            **error);

/* Computes every figure for the years @from_year to @to_year. Fails only
 * when the database fails; a measure whose figures fail is left out, with a
 * warning in the returned object's problems. */
FzFigures      *fz_figures_compute        (FzPluginManager *manager,
                                           int              from_year,
                                           int              to_year,
                                           GError         **error);
void            fz_figures_free           (FzFigures       *figures);
FzPlan         *fz_figures_get_plan       (FzFigures       *figures);
int             fz_figures_get_from_year  (FzFigures       *figures);
int             fz_figures_get_to_year    (FzFigures       *figures);
guint           fz_figures_get_n_figures  (FzFigures       *figures);
const FzFigure *fz_figures_get_figure     (FzFigures       *figures,
                                           guint            index);
const FzFigure *fz_figures_find           (FzFigures       *figures,
                                           const char      *id);
/* Messages about measures whose figures could not be computed. */
const char *const *fz_figures_get_problems (FzFigures      *figures);

/* The figure in @year for @county_code (FZ_CITY_CODE for the city). */
double          fz_figure_get             (const FzFigure  *figure,
                                           int              year,
                                           const char      *county_code);
/* From the plan's first computed year to @year: the sum for counts, the
 * value at @year for rates and levels. */
double          fz_figure_to_date         (const FzFigure  *figure,
                                           FzFigures       *figures,
                                           int              year,
                                           const char      *county_code);
/* The target set for @figure in @county_code, if any. */
gboolean        fz_figures_get_target     (FzFigures       *figures,
                                           const FzFigure  *figure,
                                           const char      *county_code,
                                           double          *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzFigures, fz_figures_free)

G_END_DECLS
