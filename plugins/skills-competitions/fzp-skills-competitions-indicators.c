/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-skills-competitions"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fzp-skills-competitions-indicators.h"

const FzIndicatorInfo fzp_skills_competitions_indicators[FZP_SKILLS_COMPETITIONS_N_INDICATORS] = {
  /* A city-level competition belongs to no county: the city's figure is
   * counted, not summed; it is a count all the same. */
  { "competitions", N_("Skills competitions held"), N_("competitions"), NULL, FZ_INDICATOR_OWN | FZ_INDICATOR_COUNT },
  { "entrants", N_("Persons who competed"), N_("persons"), NULL, FZ_INDICATOR_SUM },
  { "awardees", N_("Persons awarded"), N_("persons"), NULL, FZ_INDICATOR_SUM },
};

static gboolean
add_rows (FzDatabase         *db,
          const char         *indicator,
          const char         *sql,
          int                 year,
          FzIndicatorValues  *values,
          GError            **error)
{
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *y = g_strdup_printf ("%04d", year);

  st = fz_database_query (db, sql, g_variant_new ("(s)", y), error);
  if (st == NULL)
    return FALSE;
  while (fz_statement_step (st, &local_error))
    fz_indicator_values_add (values, indicator, fz_statement_get_text (st, 0), (double) fz_statement_get_int64 (st, 1));
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

gboolean
fzp_skills_competitions_compute_indicators (FzContext          *context,
                                            int                 year,
                                            FzIndicatorValues  *values,
                                            GError            **error)
{
  FzDatabase *db = fz_context_get_database (context);

  return add_rows (db, "competitions",
                   "SELECT county_code, count(*) FROM skills_competitions_competition "
                   "WHERE substr(starts, 1, 4) = ?1 AND county_code IS NOT NULL GROUP BY county_code "
                   "UNION ALL SELECT '" FZ_CITY_CODE "', count(*) FROM skills_competitions_competition "
                   "WHERE substr(starts, 1, 4) = ?1",
                   year, values, error) &&
         add_rows (db, "entrants",
                   "SELECT n.county_code, count(DISTINCT n.person_id) FROM skills_competitions_entrant n "
                   "JOIN skills_competitions_event e ON e.id = n.event_id "
                   "JOIN skills_competitions_competition c ON c.id = e.competition_id "
                   "WHERE substr(c.starts, 1, 4) = ?1 AND n.absent = 0 GROUP BY n.county_code",
                   year, values, error) &&
         add_rows (db, "awardees",
                   "SELECT n.county_code, count(DISTINCT n.person_id) FROM skills_competitions_entrant n "
                   "JOIN skills_competitions_event e ON e.id = n.event_id "
                   "JOIN skills_competitions_competition c ON c.id = e.competition_id "
                   "WHERE substr(c.starts, 1, 4) = ?1 AND c.published IS NOT NULL AND n.award IS NOT NULL "
                   "GROUP BY n.county_code",
                   year, values, error);
}
