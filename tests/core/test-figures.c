/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-figures"

#include "config.h"

#include <locale.h>

#include "fuzhu.h"

typedef struct {
  char            *dir;
  FzDatabase      *db;
  FzContext       *context;
  FzPluginManager *manager;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *plugins = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "plugins", "template", NULL);
  const char *paths[] = { plugins, NULL };

  f->dir = g_dir_make_tmp ("fuzhu-figures-XXXXXX", &error);
  path = g_build_filename (f->dir, "fuzhu.db", NULL);
  f->db = fz_database_open (path, &error);
  g_assert_no_error (error);
  f->context = fz_context_new (f->db, NULL, "tester");
  f->manager = fz_plugin_manager_new_for_paths (f->context, paths);
  fz_plugin_manager_load_all (f->manager);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_assert_finalize_object (f->manager);
  g_assert_finalize_object (f->context);
  g_assert_finalize_object (f->db);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->dir);
}

static void
test_targets_are_data (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzPlan) plan = fz_plan_for_year (f->db, 2024, &error);
  g_autoptr(FzPlan) later = NULL;
  g_autoptr(GPtrArray) kinds = NULL;
  FzPlan next = { (char *) "2026-2030", (char *) "下一期方案", NULL, 2026, 2030 };
  double value = 0;
  gboolean found = FALSE;

  /* The plan of 衢政办发〔2022〕33号 and its three citywide targets. */
  g_assert_no_error (error);
  g_assert_cmpstr (plan->id, ==, "2022-2025");
  g_assert_cmpint (plan->start_year, ==, 2022);
  g_assert_cmpint (plan->end_year, ==, 2025);
  g_assert_true (fz_target_get (f->db, plan->id, FZ_TARGET_NEW_EMPLOYMENT, FZ_CITY_CODE, &value, &found, &error));
  g_assert_true (found);
  g_assert_cmpfloat (value, ==, 3600);
  g_assert_true (fz_target_get (f->db, plan->id, FZ_TARGET_NEW_WELFARE_POSTS, FZ_CITY_CODE, &value, &found, &error));
  g_assert_cmpfloat (value, ==, 800);
  g_assert_true (fz_target_get (f->db, plan->id, FZ_TARGET_EMPLOYMENT_RATE, FZ_CITY_CODE, &value, &found, &error));
  g_assert_cmpfloat (value, ==, 65);

  kinds = fz_target_list_kinds (f->db, &error);
  g_assert_cmpuint (kinds->len, ==, 3);
  g_assert_cmpint (((FzTargetInfo *) g_ptr_array_index (kinds, 2))->kind, ==, FZ_TARGET_PERCENT);

  /* A county's share is set and changed by an administrator. */
  g_assert_true (fz_target_get (f->db, plan->id, FZ_TARGET_NEW_EMPLOYMENT, "330881", &value, &found, &error));
  g_assert_false (found);
  g_assert_true (fz_target_set (f->db, plan->id, FZ_TARGET_NEW_EMPLOYMENT, "330881", 520, &error));
  g_assert_true (fz_target_set (f->db, plan->id, FZ_TARGET_NEW_EMPLOYMENT, "330881", 540, &error));
  g_assert_no_error (error);
  g_assert_true (fz_target_get (f->db, plan->id, FZ_TARGET_NEW_EMPLOYMENT, "330881", &value, &found, &error));
  g_assert_true (found);
  g_assert_cmpfloat (value, ==, 540);

  /* Nonsense is refused, naming what is wrong. */
  g_assert_false (fz_target_set (f->db, plan->id, FZ_TARGET_EMPLOYMENT_RATE, FZ_CITY_CODE, 120, &error));
  g_assert_nonnull (strstr (error->message, "120"));
  g_clear_error (&error);
  g_assert_false (fz_target_set (f->db, plan->id, FZ_TARGET_NEW_EMPLOYMENT, "110105", 10, &error));
  g_assert_nonnull (strstr (error->message, "110105"));
  g_clear_error (&error);
  g_assert_false (fz_target_set (f->db, plan->id, "happiness", FZ_CITY_CODE, 10, &error));
  g_clear_error (&error);
  g_assert_false (fz_target_set (f->db, "1999-2000", FZ_TARGET_NEW_EMPLOYMENT, FZ_CITY_CODE, 10, &error));
  g_clear_error (&error);

  /* The next plan needs no new release. */
  g_assert_true (fz_plan_save (f->db, &next, &error));
  g_assert_true (fz_target_set (f->db, "2026-2030", FZ_TARGET_NEW_EMPLOYMENT, FZ_CITY_CODE, 4000, &error));
  g_assert_no_error (error);
  later = fz_plan_for_year (f->db, 2027, &error);
  g_assert_cmpstr (later->id, ==, "2026-2030");
}

static void
add_note (Fixture    *f,
          const char *county,
          const char *date)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (fz_database_execute (f->db, "INSERT INTO template_note (body, county_code, created) VALUES ('x', ?1, ?2)",
                                      g_variant_new ("(ss)", county, date), &error));
  g_assert_no_error (error);
}

static void
test_measure_figures (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzFigures) figures = NULL;
  const FzFigure *notes;
  const FzFigure *target;
  double value = 0;

  add_note (f, "330802", "2022-03-01");
  add_note (f, "330802", "2022-12-31");
  add_note (f, "330881", "2023-01-01");
  add_note (f, "330825", "2025-06-30");
  add_note (f, "330825", "2026-01-01"); /* outside the years asked for */

  figures = fz_figures_compute (f->manager, 2022, 2025, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fz_figures_get_plan (figures)->id, ==, "2022-2025");
  g_assert_null (fz_figures_get_problems (figures)[0]);

  notes = fz_figures_find (figures, "template/notes");
  g_assert_nonnull (notes);
  g_assert_cmpstr (notes->measure_id, ==, "template");
  g_assert_cmpfloat (fz_figure_get (notes, 2022, "330802"), ==, 2);
  g_assert_cmpfloat (fz_figure_get (notes, 2022, FZ_CITY_CODE), ==, 2);
  g_assert_cmpfloat (fz_figure_get (notes, 2023, "330881"), ==, 1);
  g_assert_cmpfloat (fz_figure_get (notes, 2024, FZ_CITY_CODE), ==, 0);
  g_assert_cmpfloat (fz_figure_to_date (notes, figures, 2023, FZ_CITY_CODE), ==, 3);
  g_assert_cmpfloat (fz_figure_to_date (notes, figures, 2025, FZ_CITY_CODE), ==, 4);
  g_assert_cmpfloat (fz_figure_to_date (notes, figures, 2025, "330825"), ==, 1);

  /* The targets come first and carry their goals. */
  target = fz_figures_get_figure (figures, 0);
  g_assert_cmpstr (target->id, ==, "target/new-employment");
  g_assert_true (fz_figures_get_target (figures, target, FZ_CITY_CODE, &value));
  g_assert_cmpfloat (value, ==, 3600);
  g_assert_false (fz_figures_get_target (figures, notes, FZ_CITY_CODE, &value));
}

static void
add_person (Fixture    *f,
            int         serial,
            FzSex       sex,
            const char *birth,
            const char *status,
            const char *employed_on)
{
  g_autoptr(GError) error = NULL;
  char number[19];
  char cert[21];

  /* 330802 + YYYYMMDD + a sequence whose last digit carries the sex. */
  g_snprintf (number, sizeof number, "330802%c%c%c%c%c%c%c%c%02d%d", birth[0], birth[1], birth[2], birth[3],
              birth[5], birth[6], birth[8], birth[9], serial % 100, sex == FZ_SEX_MALE ? 1 : 2);
  number[17] = fz_identity_check_character (number);
  number[18] = '\0';
  g_snprintf (cert, sizeof cert, "%s42", number);
  g_assert_true (fz_database_execute (f->db,
                                      "INSERT INTO fz_person (name, sex, id_number, cert_number, category, grade, "
                                      "county_code, employment_status, employment_date, birth_date) "
                                      "VALUES ('测试', ?1, ?2, ?3, 4, 2, '330802', ?4, ?5, ?6)",
                                      g_variant_new ("(isssmss)", (gint32) sex, number, cert, status, employed_on, birth),
                                      &error));
  g_assert_no_error (error);
}

static void
test_employment_from_registry (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzFigures) figures = NULL;
  const FzFigure *rate, *employment;

  /* On 2024-12-31, men of 16–59 were born 1965-01-01 … 2008-12-31, women of
   * 16–54 born 1970-01-01 … 2008-12-31. Each edge, inside and out. */
  add_person (f, 1, FZ_SEX_MALE, "1965-01-01", "employed", "2024-03-01");   /* 59: in, employed */
  add_person (f, 2, FZ_SEX_MALE, "1964-12-31", "employed", "2024-05-05");   /* 60 that day: out */
  add_person (f, 3, FZ_SEX_MALE, "2008-12-31", "unemployed", NULL);         /* 16 that day: in */
  add_person (f, 4, FZ_SEX_MALE, "2009-01-01", "employed", "2023-01-01");   /* 15: out */
  add_person (f, 5, FZ_SEX_FEMALE, "1970-01-01", "employed", "2025-02-01"); /* 54: in; employed only later */
  add_person (f, 6, FZ_SEX_FEMALE, "1969-12-31", "employed", "2020-01-01"); /* 55: out */

  figures = fz_figures_compute (f->manager, 2022, 2025, &error);
  g_assert_no_error (error);
  rate = fz_figures_find (figures, "target/employment-rate");
  employment = fz_figures_find (figures, "target/new-employment");

  /* 1 employed of the 3 of working age. */
  g_assert_cmpfloat_with_epsilon (fz_figure_get (rate, 2024, "330802"), 100.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (fz_figure_get (rate, 2024, FZ_CITY_CODE), 100.0 / 3, 1e-9);
  /* A rate is not added up over the years. */
  g_assert_cmpfloat_with_epsilon (fz_figure_to_date (rate, figures, 2024, FZ_CITY_CODE), 100.0 / 3, 1e-9);

  /* New employment counts by the year employment started, whatever the age. */
  g_assert_cmpfloat (fz_figure_get (employment, 2024, "330802"), ==, 2);
  g_assert_cmpfloat (fz_figure_get (employment, 2025, "330802"), ==, 1);
  g_assert_cmpfloat (fz_figure_get (employment, 2023, FZ_CITY_CODE), ==, 1);
  g_assert_cmpfloat (fz_figure_to_date (employment, figures, 2025, FZ_CITY_CODE), ==, 4);

  /* When the statistical band changes (an administrator's row), the rate follows. */
  {
    g_autoptr(GDate) from = g_date_new_dmy (1, G_DATE_JANUARY, 2024);
    g_autoptr(FzFigures) again = NULL;

    g_assert_true (fz_rules_set_working_age (f->db, FZ_SEX_MALE, from, 16, 60, &error));
    again = fz_figures_compute (f->manager, 2022, 2025, &error);
    g_assert_no_error (error);
    /* The man turning 60 is now in: 2 employed of 4. */
    g_assert_cmpfloat_with_epsilon (fz_figure_get (fz_figures_find (again, "target/employment-rate"), 2024, "330802"),
                                    50.0, 1e-9);
  }
}

static void
test_minimum_wage (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) mid_2024 = g_date_new_dmy (1, G_DATE_JUNE, 2024);
  g_autoptr(GDate) new_year = g_date_new_dmy (1, G_DATE_JANUARY, 2025);
  g_autoptr(GDate) eve = g_date_new_dmy (31, G_DATE_DECEMBER, 2024);
  g_autoptr(GDate) before = g_date_new_dmy (31, G_DATE_JULY, 2021);
  double monthly = 0, hourly = 0;

  g_assert_true (fz_rules_get_minimum_wage (f->db, "330802", mid_2024, &monthly, &hourly, &error));
  g_assert_cmpfloat (monthly, ==, 2070);
  g_assert_cmpfloat (hourly, ==, 20);
  g_assert_true (fz_rules_get_minimum_wage (f->db, "330802", eve, &monthly, NULL, &error));
  g_assert_cmpfloat (monthly, ==, 2070);
  g_assert_true (fz_rules_get_minimum_wage (f->db, "330802", new_year, &monthly, NULL, &error));
  g_assert_cmpfloat (monthly, ==, 2260);
  g_assert_true (fz_rules_get_minimum_wage (f->db, "330881", new_year, &monthly, &hourly, &error));
  g_assert_cmpfloat (monthly, ==, 2010);
  g_assert_cmpfloat (hourly, ==, 20);

  /* Before any recorded wage: a clear error, not a zero. */
  g_assert_false (fz_rules_get_minimum_wage (f->db, "330881", before, &monthly, NULL, &error));
  g_assert_error (error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* An administrator moves 江山市 to tier 2 from 2025. */
  g_assert_true (fz_rules_set_county_tier (f->db, "330881", new_year, 2, &error));
  g_assert_true (fz_rules_get_minimum_wage (f->db, "330881", new_year, &monthly, NULL, &error));
  g_assert_cmpfloat (monthly, ==, 2260);
  g_assert_true (fz_rules_get_minimum_wage (f->db, "330881", eve, &monthly, NULL, &error));
  g_assert_cmpfloat (monthly, ==, 1840);
  g_assert_false (fz_rules_set_minimum_wage (f->db, 0, new_year, 100, 1, &error));
  g_clear_error (&error);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/Fuzhu/Figures/targets-are-data", Fixture, NULL, fixture_setup, test_targets_are_data, fixture_teardown);
  g_test_add ("/Fuzhu/Figures/measure-figures", Fixture, NULL, fixture_setup, test_measure_figures, fixture_teardown);

  g_test_add ("/Fuzhu/Figures/employment-from-registry", Fixture, NULL, fixture_setup, test_employment_from_registry, fixture_teardown);
  g_test_add ("/Fuzhu/Figures/minimum-wage", Fixture, NULL, fixture_setup, test_minimum_wage, fixture_teardown);

  return g_test_run ();
}
