/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-figures"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "fz-context.h"
#include "fz-county.h"
#include "fz-database.h"
#include "fz-figures.h"
#include "fz-i18n.h"
#include "fz-rules.h"
#include "fz-measure.h"
#include "fz-plugin-manager.h"

struct _FzFigures
{
  FzDatabase *db;
  FzPlan     *plan;
  int         from_year;
  int         to_year;
  GPtrArray  *figures;  /* FzFigure* */
  GPtrArray  *problems; /* char*, NULL-terminated */
  GPtrArray  *counties; /* FzCounty* */
};

/* The registry's own figures, by county, for every year of a range. */
typedef struct {
  gint64 *new_employment; /* employment recorded as started in the year */
  gint64 *working_age;    /* certificate holders of working age on 31 December */
  gint64 *employed;       /* of those, employed then */
} CountyCounts;

typedef struct {
  char first[11], last[11];             /* the year's first and last day */
  char men_first[11], men_last[11];     /* births of working-age men */
  char women_first[11], women_last[11]; /* and women */
} YearBounds;

static void
county_counts_free (CountyCounts *c)
{
  g_free (c->new_employment);
  g_free (c->working_age);
  g_free (c->employed);
  g_free (c);
}

static gboolean
between (const char *value,
         const char *first,
         const char *last)
{
  return value != NULL && strcmp (value, first) >= 0 && strcmp (value, last) <= 0;
}

/* New employment (persons whose recorded employment started in the year)
 * and the employment rate (of the certificate holders of working age on 31
 * December, the share employed then: status employed, employment not
 * starting later), for each year from @from_year to @to_year, in one pass
 * over the persons: a grouped query per figure and year cost a second at
 * 200,000 persons. The registry keeps the current status, not its history:
 * figures for past years are as the registry stands now. */
static gboolean
count_registry_figures (FzDatabase         *db,
                        int                 from_year,
                        int                 to_year,
                        FzIndicatorValues **new_employment,
                        FzIndicatorValues **employment_rate,
                        GError            **error)
{
  guint n_years = (guint) MAX (to_year - from_year + 1, 0);
  g_autofree YearBounds *years = g_new0 (YearBounds, n_years);
  g_autoptr(GHashTable) counties = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) county_counts_free);
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;
  GHashTableIter iter;
  gpointer key, value;
  g_autofree gint64 *city_all = g_new0 (gint64, n_years);
  g_autofree gint64 *city_employed = g_new0 (gint64, n_years);

  for (guint y = 0; y < n_years; y++)
    {
      int year = from_year + (int) y;
      g_autoptr(GDate) on = g_date_new_dmy (31, G_DATE_DECEMBER, (GDateYear) year);

      g_snprintf (years[y].first, sizeof years[y].first, "%04d-01-01", year);
      g_snprintf (years[y].last, sizeof years[y].last, "%04d-12-31", year);
      if (!fz_rules_working_age_births (db, FZ_SEX_MALE, on, years[y].men_first, years[y].men_last, error) ||
          !fz_rules_working_age_births (db, FZ_SEX_FEMALE, on, years[y].women_first, years[y].women_last, error))
        return FALSE;
    }

  /* A full scan: the unary + keeps SQLite from reading the table through
   * an index on the county, a random read for every row. */
  st = fz_database_query (db,
                          "SELECT county_code, sex, birth_date, employment_status = 'employed', employment_date, "
                          "  cert_number IS NOT NULL "
                          "FROM fz_person WHERE +county_code IS NOT NULL",
                          NULL, error);
  if (st == NULL)
    return FALSE;
  while (fz_statement_step (st, &local_error))
    {
      const char *code = fz_statement_get_text (st, 0);
      gint64 sex = fz_statement_get_int64 (st, 1);
      const char *birth = fz_statement_get_text (st, 2);
      gboolean employed = fz_statement_get_int64 (st, 3) != 0;
      const char *since = fz_statement_get_text (st, 4);
      gboolean certified = fz_statement_get_int64 (st, 5) != 0;
      CountyCounts *c = g_hash_table_lookup (counties, code);

      if (c == NULL)
        {
          c = g_new0 (CountyCounts, 1);
          c->new_employment = g_new0 (gint64, n_years);
          c->working_age = g_new0 (gint64, n_years);
          c->employed = g_new0 (gint64, n_years);
          g_hash_table_insert (counties, g_strdup (code), c);
        }
      for (guint y = 0; y < n_years; y++)
        {
          const YearBounds *b = &years[y];

          if (employed && between (since, b->first, b->last))
            c->new_employment[y]++;
          if (certified &&
              ((sex == FZ_SEX_MALE && between (birth, b->men_first, b->men_last)) ||
               (sex == FZ_SEX_FEMALE && between (birth, b->women_first, b->women_last))))
            {
              c->working_age[y]++;
              if (employed && (since == NULL || strcmp (since, b->last) <= 0))
                c->employed[y]++;
            }
        }
    }
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_hash_table_iter_init (&iter, counties);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      CountyCounts *c = value;

      for (guint y = 0; y < n_years; y++)
        {
          if (c->new_employment[y] > 0)
            fz_indicator_values_add (new_employment[y], FZ_TARGET_NEW_EMPLOYMENT, key, (double) c->new_employment[y]);
          city_all[y] += c->working_age[y];
          city_employed[y] += c->employed[y];
          if (c->working_age[y] > 0)
            fz_indicator_values_add (employment_rate[y], FZ_TARGET_EMPLOYMENT_RATE, key,
                                     100.0 * (double) c->employed[y] / (double) c->working_age[y]);
        }
    }
  for (guint y = 0; y < n_years; y++)
    if (city_all[y] > 0)
      fz_indicator_values_add (employment_rate[y], FZ_TARGET_EMPLOYMENT_RATE, FZ_CITY_CODE,
                               100.0 * (double) city_employed[y] / (double) city_all[y]);
  return TRUE;
}

static void
figure_free (FzFigure *figure)
{
  g_free (figure->id);
  g_free (figure->title);
  g_free (figure->unit);
  g_free (figure->measure_id);
  g_free (figure->measure_title);
  g_free (figure->target_key);
  g_free (figure->definition);
  g_free (figure->print_title);
  g_free (figure->print_unit);
  g_free (figure->print_measure_title);
  g_hash_table_unref (figure->values);
  g_free (figure);
}

static FzFigure *
figure_new (const char *id)
{
  FzFigure *figure = g_new0 (FzFigure, 1);

  figure->id = g_strdup (id);
  figure->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return figure;
}

static void
figure_add (FzFigure   *figure,
            int         year,
            const char *county_code,
            double      value)
{
  char *key = g_strdup_printf ("%d/%s", year, county_code);
  double *slot = g_hash_table_lookup (figure->values, key);

  if (slot)
    {
      *slot += value;
      g_free (key);
      return;
    }
  slot = g_new (double, 1);
  *slot = value;
  g_hash_table_insert (figure->values, key, slot);
}

double
fz_figure_get (const FzFigure *figure,
               int             year,
               const char     *county_code)
{
  g_autofree char *key = g_strdup_printf ("%d/%s", year, county_code);
  double *slot = g_hash_table_lookup (figure->values, key);

  return slot ? *slot : 0;
}

double
fz_figure_to_date (const FzFigure *figure,
                   FzFigures      *figures,
                   int             year,
                   const char     *county_code)
{
  double sum = 0;

  if (figure->kind != FZ_TARGET_COUNT)
    return fz_figure_get (figure, year, county_code);
  for (int y = figures->from_year; y <= year && y <= figures->to_year; y++)
    sum += fz_figure_get (figure, y, county_code);
  return sum;
}

/* Copies one year's values into @figure: each county's, and the city's. */
static void
take_values (FzFigure              *figure,
             FzFigures             *figures,
             int                    year,
             FzIndicatorValues     *values,
             const FzIndicatorInfo *info)
{
  for (guint c = 0; c < figures->counties->len; c++)
    {
      FzCounty *county = g_ptr_array_index (figures->counties, c);
      figure_add (figure, year, county->code, fz_indicator_values_get (values, info, county->code));
    }
  figure_add (figure, year, FZ_CITY_CODE, fz_indicator_values_get (values, info, FZ_CITY_CODE));
}

static void
add_problem (FzFigures  *figures,
             const char *message)
{
  g_ptr_array_insert (figures->problems, (int) figures->problems->len - 1, g_strdup (message));
}

FzFigures *
fz_figures_compute (FzPluginManager  *manager,
                    int               from_year,
                    int               to_year,
                    GError          **error)
{
  FzContext *context = fz_plugin_manager_get_context (manager);
  g_autoptr(FzFigures) figures = g_new0 (FzFigures, 1);
  g_autoptr(GPtrArray) kinds = NULL;
  g_autoptr(GPtrArray) measures = NULL;
  GHashTable *targets_by_key;

  figures->db = g_object_ref (fz_context_get_database (context));
  figures->from_year = from_year;
  figures->to_year = to_year;
  figures->figures = g_ptr_array_new_with_free_func ((GDestroyNotify) figure_free);
  figures->problems = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (figures->problems, NULL);

  figures->plan = fz_plan_for_year (figures->db, to_year, error);
  if (figures->plan == NULL)
    return NULL;
  figures->counties = fz_county_list (figures->db, error);
  if (figures->counties == NULL)
    return NULL;
  kinds = fz_target_list_kinds (figures->db, error);
  if (kinds == NULL)
    return NULL;

  /* The plan's targets first, in their order. */
  targets_by_key = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < kinds->len; i++)
    {
      FzTargetInfo *kind = g_ptr_array_index (kinds, i);
      g_autofree char *id = g_strconcat ("target/", kind->key, NULL);
      FzFigure *figure = figure_new (id);

      figure->title = g_strdup (kind->title);
      figure->unit = g_strdup (kind->unit);
      figure->print_title = g_strdup (kind->print_title);
      figure->print_unit = g_strdup (kind->unit);
      figure->target_key = g_strdup (kind->key);
      figure->definition = g_strdup (kind->definition);
      figure->kind = kind->kind;
      g_ptr_array_add (figures->figures, figure);
      g_hash_table_insert (targets_by_key, figure->target_key, figure);
    }

  /* The targets libfuzhu counts itself, from the registry. */
  {
    guint n_years = (guint) MAX (to_year - from_year + 1, 0);
    g_autoptr(GPtrArray) new_employment = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_indicator_values_free);
    g_autoptr(GPtrArray) employment_rate = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_indicator_values_free);
    const char *keys[] = { FZ_TARGET_NEW_EMPLOYMENT, FZ_TARGET_EMPLOYMENT_RATE };
    GPtrArray *values[] = { new_employment, employment_rate };

    for (guint y = 0; y < n_years; y++)
      {
        g_ptr_array_add (new_employment, fz_indicator_values_new ());
        g_ptr_array_add (employment_rate, fz_indicator_values_new ());
      }
    if (!count_registry_figures (figures->db, from_year, to_year, (FzIndicatorValues **) new_employment->pdata,
                                 (FzIndicatorValues **) employment_rate->pdata, error))
      {
        g_hash_table_unref (targets_by_key);
        return NULL;
      }
    for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
      {
        FzFigure *figure = g_hash_table_lookup (targets_by_key, keys[k]);
        FzIndicatorInfo info = { keys[k], NULL, NULL, NULL,
                                 figure && figure->kind == FZ_TARGET_PERCENT ? FZ_INDICATOR_OWN : FZ_INDICATOR_SUM };

        if (figure == NULL)
          continue;
        for (guint y = 0; y < n_years; y++)
          take_values (figure, figures, from_year + (int) y, g_ptr_array_index (values[k], y), &info);
      }
  }

  /* Then every loaded measure's indicators; those tied to a count target
   * also add to it. */
  measures = fz_plugin_manager_list_measures (manager);
  for (guint m = 0; m < measures->len; m++)
    {
      FzMeasure *measure = g_ptr_array_index (measures, m);
      const FzMeasureInfo *minfo = fz_measure_get_info (measure);
      const char *domain = minfo->gettext_domain ? minfo->gettext_domain : GETTEXT_PACKAGE;
      g_autoptr(GPtrArray) mine = g_ptr_array_new ();

      for (guint i = 0; i < minfo->n_indicators; i++)
        {
          const FzIndicatorInfo *info = &minfo->indicators[i];
          g_autofree char *id = g_strconcat (minfo->id, "/", info->id, NULL);
          FzFigure *figure = figure_new (id);

          figure->title = g_strdup (g_dgettext (domain, info->title));
          figure->unit = g_strdup (info->unit ? g_dgettext (domain, info->unit) : "");
          figure->measure_id = g_strdup (minfo->id);
          figure->measure_title = g_strdup (fz_measure_get_title (measure));
          figure->print_title = fz_print_gettext (domain, info->title);
          figure->print_unit = info->unit ? fz_print_gettext (domain, info->unit) : g_strdup ("");
          figure->print_measure_title = fz_print_gettext (domain, minfo->title);
          figure->target_key = g_strdup (info->target);
          figure->kind = (info->flags & FZ_INDICATOR_LEVEL) ? FZ_TARGET_LEVEL
                       : ((info->flags & FZ_INDICATOR_OWN) && !(info->flags & FZ_INDICATOR_COUNT))
                         ? FZ_TARGET_PERCENT : FZ_TARGET_COUNT;
          figure->level = (info->flags & FZ_INDICATOR_LEVEL) != 0;
          g_ptr_array_add (mine, figure);
        }

      for (int year = from_year; year <= to_year; year++)
        {
          g_autoptr(FzIndicatorValues) values = fz_indicator_values_new ();
          g_autoptr(GError) local_error = NULL;

          if (!fz_measure_compute_indicators (measure, context, year, values, &local_error))
            {
              g_autofree char *problem = g_strdup_printf (_("%s: its figures for %d could not be computed: %s"),
                                                          fz_measure_get_title (measure), year,
                                                          local_error ? local_error->message : _("unknown error"));
              add_problem (figures, problem);
              continue;
            }
          for (guint i = 0; i < minfo->n_indicators; i++)
            {
              FzFigure *figure = g_ptr_array_index (mine, i);
              FzFigure *target = figure->target_key ? g_hash_table_lookup (targets_by_key, figure->target_key) : NULL;

              take_values (figure, figures, year, values, &minfo->indicators[i]);
              if (target && target->kind == FZ_TARGET_COUNT && figure->kind == FZ_TARGET_COUNT && !figure->level)
                take_values (target, figures, year, values, &minfo->indicators[i]);
            }
        }
      for (guint i = 0; i < mine->len; i++)
        g_ptr_array_add (figures->figures, g_ptr_array_index (mine, i));
    }

  g_hash_table_unref (targets_by_key);
  return g_steal_pointer (&figures);
}

void
fz_figures_free (FzFigures *figures)
{
  if (figures == NULL)
    return;
  g_clear_object (&figures->db);
  g_clear_pointer (&figures->plan, fz_plan_free);
  g_clear_pointer (&figures->figures, g_ptr_array_unref);
  g_clear_pointer (&figures->problems, g_ptr_array_unref);
  g_clear_pointer (&figures->counties, g_ptr_array_unref);
  g_free (figures);
}

FzPlan *
fz_figures_get_plan (FzFigures *figures)
{
  return figures->plan;
}

int
fz_figures_get_from_year (FzFigures *figures)
{
  return figures->from_year;
}

int
fz_figures_get_to_year (FzFigures *figures)
{
  return figures->to_year;
}

guint
fz_figures_get_n_figures (FzFigures *figures)
{
  return figures->figures->len;
}

const FzFigure *
fz_figures_get_figure (FzFigures *figures,
                       guint      index)
{
  g_return_val_if_fail (index < figures->figures->len, NULL);
  return g_ptr_array_index (figures->figures, index);
}

const FzFigure *
fz_figures_find (FzFigures  *figures,
                 const char *id)
{
  for (guint i = 0; i < figures->figures->len; i++)
    {
      const FzFigure *figure = g_ptr_array_index (figures->figures, i);
      if (g_strcmp0 (figure->id, id) == 0)
        return figure;
    }
  return NULL;
}

const char *const *
fz_figures_get_problems (FzFigures *figures)
{
  return (const char *const *) figures->problems->pdata;
}

gboolean
fz_figures_get_target (FzFigures      *figures,
                       const FzFigure *figure,
                       const char     *county_code,
                       double         *value)
{
  gboolean found = FALSE;

  *value = 0;
  if (figure->measure_id != NULL || figure->target_key == NULL)
    return FALSE;
  if (!fz_target_get (figures->db, figures->plan->id, figure->target_key, county_code, value, &found, NULL))
    return FALSE;
  return found;
}
