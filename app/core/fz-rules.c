/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-rules"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fz-core-private.h"
#include "fz-database.h"
#include "fz-measure.h"
#include "fz-rules.h"

const FzMigration _fz_rules_migrations[] = {
  { 1,
    "CREATE TABLE fz_working_age ("
    "  effective_from TEXT NOT NULL,"
    "  sex INTEGER NOT NULL CHECK (sex IN (1, 2)),"
    "  min_age INTEGER NOT NULL CHECK (min_age >= 0),"
    "  max_age INTEGER NOT NULL CHECK (max_age >= min_age),"
    "  PRIMARY KEY (effective_from, sex));"
    "INSERT INTO fz_working_age VALUES ('1900-01-01', 1, 16, 59), ('1900-01-01', 2, 16, 54);"
    "CREATE TABLE fz_minimum_wage ("
    "  effective_from TEXT NOT NULL,"
    "  tier INTEGER NOT NULL CHECK (tier BETWEEN 1 AND 9),"
    "  monthly REAL NOT NULL CHECK (monthly > 0),"
    "  hourly REAL NOT NULL CHECK (hourly > 0),"
    "  PRIMARY KEY (effective_from, tier));"
    "INSERT INTO fz_minimum_wage VALUES"
    "  ('2021-08-01', 1, 2280, 22), ('2021-08-01', 2, 2070, 20), ('2021-08-01', 3, 1840, 18),"
    "  ('2025-01-01', 1, 2490, 24), ('2025-01-01', 2, 2260, 22), ('2025-01-01', 3, 2010, 20);"
    "CREATE TABLE fz_county_wage_tier ("
    "  county_code TEXT NOT NULL REFERENCES fz_county(code),"
    "  effective_from TEXT NOT NULL,"
    "  tier INTEGER NOT NULL CHECK (tier BETWEEN 1 AND 9),"
    "  PRIMARY KEY (county_code, effective_from));"
    "INSERT INTO fz_county_wage_tier VALUES"
    "  ('330802', '1900-01-01', 2), ('330803', '1900-01-01', 2), ('330822', '1900-01-01', 3),"
    "  ('330824', '1900-01-01', 3), ('330825', '1900-01-01', 3), ('330881', '1900-01-01', 3);" },
};
const guint _fz_rules_n_migrations = G_N_ELEMENTS (_fz_rules_migrations);

static void
format_date (const GDate *date,
             char         out[11])
{
  g_snprintf (out, 11, "%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

gboolean
fz_rules_get_working_age (FzDatabase   *db,
                          FzSex         sex,
                          const GDate  *on,
                          guint        *min_age,
                          guint        *max_age,
                          GError      **error)
{
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;
  char day[11];

  format_date (on, day);
  st = fz_database_query (db,
                          "SELECT min_age, max_age FROM fz_working_age WHERE sex = ?1 AND effective_from <= ?2 "
                          "ORDER BY effective_from DESC LIMIT 1",
                          g_variant_new ("(is)", (gint32) sex, day), error);
  if (st == NULL)
    return FALSE;
  if (!fz_statement_step (st, &local_error))
    {
      if (local_error == NULL)
        g_set_error (&local_error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_NOT_FOUND,
                     _("No working age is recorded for %s on %s"), sex == FZ_SEX_FEMALE ? _("women") : _("men"), day);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  *min_age = (guint) fz_statement_get_int64 (st, 0);
  *max_age = (guint) fz_statement_get_int64 (st, 1);
  return TRUE;
}

gboolean
fz_rules_working_age_births (FzDatabase   *db,
                             FzSex         sex,
                             const GDate  *on,
                             char          earliest[11],
                             char          latest[11],
                             GError      **error)
{
  guint min_age, max_age;
  GDate first, last;

  if (!fz_rules_get_working_age (db, sex, on, &min_age, &max_age, error))
    return FALSE;
  /* Aged min_age on @on: born on or before @on less min_age years. Not yet
   * max_age + 1: born after @on less (max_age + 1) years. */
  last = *on;
  g_date_subtract_years (&last, min_age);
  first = *on;
  g_date_subtract_years (&first, max_age + 1);
  g_date_add_days (&first, 1);
  format_date (&first, earliest);
  format_date (&last, latest);
  return TRUE;
}

gboolean
fz_rules_is_working_age (FzDatabase   *db,
                         FzSex         sex,
                         const GDate  *birth,
                         const GDate  *on,
                         gboolean     *result,
                         GError      **error)
{
  char earliest[11], latest[11], born[11];

  if (!fz_rules_working_age_births (db, sex, on, earliest, latest, error))
    return FALSE;
  format_date (birth, born);
  *result = strcmp (born, earliest) >= 0 && strcmp (born, latest) <= 0;
  return TRUE;
}

typedef struct {
  const char *sql;
  GVariant   *params;
} OneStatement;

static gboolean
run_one (FzDatabase  *db,
         gpointer     user_data,
         GError     **error)
{
  OneStatement *one = user_data;
  return fz_database_execute (db, one->sql, one->params, error);
}

gboolean
fz_rules_set_working_age (FzDatabase   *db,
                          FzSex         sex,
                          const GDate  *from,
                          guint         min_age,
                          guint         max_age,
                          GError      **error)
{
  char day[11];
  OneStatement one = {
    "INSERT INTO fz_working_age (effective_from, sex, min_age, max_age) VALUES (?1, ?2, ?3, ?4) "
    "ON CONFLICT (effective_from, sex) DO UPDATE SET min_age = excluded.min_age, max_age = excluded.max_age",
    NULL
  };

  if (sex != FZ_SEX_MALE && sex != FZ_SEX_FEMALE)
    {
      g_set_error_literal (error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_CONSTRAINT, _("Sex: must be male or female"));
      return FALSE;
    }
  if (max_age < min_age || max_age > 120)
    {
      g_set_error (error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_CONSTRAINT,
                   _("Working age: %u to %u is not a range of ages"), min_age, max_age);
      return FALSE;
    }
  format_date (from, day);
  one.params = g_variant_ref_sink (g_variant_new ("(siuu)", day, (gint32) sex, min_age, max_age));
  {
    gboolean ok = fz_database_transaction (db, run_one, &one, error);
    g_variant_unref (one.params);
    return ok;
  }
}

gboolean
fz_rules_get_minimum_wage (FzDatabase   *db,
                           const char   *county_code,
                           const GDate  *on,
                           double       *monthly,
                           double       *hourly,
                           GError      **error)
{
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;
  char day[11];

  format_date (on, day);
  st = fz_database_query (db,
                          "SELECT w.monthly, w.hourly FROM fz_minimum_wage w "
                          "WHERE w.effective_from <= ?2 AND w.tier = ("
                          "  SELECT t.tier FROM fz_county_wage_tier t WHERE t.county_code = ?1 AND t.effective_from <= ?2 "
                          "  ORDER BY t.effective_from DESC LIMIT 1) "
                          "ORDER BY w.effective_from DESC LIMIT 1",
                          g_variant_new ("(ss)", county_code ? county_code : "", day), error);
  if (st == NULL)
    return FALSE;
  if (!fz_statement_step (st, &local_error))
    {
      if (local_error == NULL)
        g_set_error (&local_error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_NOT_FOUND,
                     _("No minimum wage is recorded for county %s on %s"), county_code ? county_code : "", day);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (monthly)
    *monthly = fz_statement_get_double (st, 0);
  if (hourly)
    *hourly = fz_statement_get_double (st, 1);
  return TRUE;
}

gboolean
fz_rules_set_minimum_wage (FzDatabase   *db,
                           guint         tier,
                           const GDate  *from,
                           double        monthly,
                           double        hourly,
                           GError      **error)
{
  char day[11];
  OneStatement one = {
    "INSERT INTO fz_minimum_wage (effective_from, tier, monthly, hourly) VALUES (?1, ?2, ?3, ?4) "
    "ON CONFLICT (effective_from, tier) DO UPDATE SET monthly = excluded.monthly, hourly = excluded.hourly",
    NULL
  };
  gboolean ok;

  if (tier < 1 || tier > 9 || monthly <= 0 || hourly <= 0)
    {
      g_set_error (error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_CONSTRAINT,
                   _("Minimum wage: tier %u, %g a month and %g an hour are not a wage"), tier, monthly, hourly);
      return FALSE;
    }
  format_date (from, day);
  one.params = g_variant_ref_sink (g_variant_new ("(sudd)", day, tier, monthly, hourly));
  ok = fz_database_transaction (db, run_one, &one, error);
  g_variant_unref (one.params);
  return ok;
}

gboolean
fz_rules_set_county_tier (FzDatabase   *db,
                          const char   *county_code,
                          const GDate  *from,
                          guint         tier,
                          GError      **error)
{
  char day[11];
  OneStatement one = {
    "INSERT INTO fz_county_wage_tier (county_code, effective_from, tier) VALUES (?1, ?2, ?3) "
    "ON CONFLICT (county_code, effective_from) DO UPDATE SET tier = excluded.tier",
    NULL
  };
  gboolean ok;

  if (tier < 1 || tier > 9)
    {
      g_set_error (error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_CONSTRAINT, _("Minimum wage: there is no tier %u"), tier);
      return FALSE;
    }
  format_date (from, day);
  one.params = g_variant_ref_sink (g_variant_new ("(ssu)", county_code, day, tier));
  ok = fz_database_transaction (db, run_one, &one, error);
  g_variant_unref (one.params);
  return ok;
}
