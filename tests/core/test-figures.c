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
  g_autofree char *plugins = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "plugins", NULL);
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

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/Fuzhu/Figures/targets-are-data", Fixture, NULL, fixture_setup, test_targets_are_data, fixture_teardown);
  g_test_add ("/Fuzhu/Figures/measure-figures", Fixture, NULL, fixture_setup, test_measure_figures, fixture_teardown);

  return g_test_run ();
}
