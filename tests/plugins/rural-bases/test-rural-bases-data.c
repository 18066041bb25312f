/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-rural-bases-data"

#include "config.h"

#include <locale.h>

#include "fuzhu.h"
#include "fzp-rural-bases-documents.h"
#include "fzp-rural-bases-exchange.h"
#include "fzp-rural-bases-store.h"

/* The measure's data as the plugin keeps it: loaded from the build tree,
 * migrated into a temporary database, then driven through its functions. */

typedef struct {
  char            *dir;
  FzDatabase      *db;
  FzContext       *context;
  FzPluginManager *manager;
  FzRegistry      *registry;
  gint64           persons[8]; /* 0-4 in 江山市, 5-6 in 龙游县, 7 in 柯城区 */
  gint64           organization;
} Fixture;

static GDate
day (guint y,
     guint m,
     guint d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return date;
}

static GDate
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return day ((guint) g_date_time_get_year (now), (guint) g_date_time_get_month (now),
              (guint) g_date_time_get_day_of_month (now));
}

static int
this_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_get_year (now);
}

static char *
make_id (const char *address,
         guint       sequence)
{
  char *number = g_strdup_printf ("%s1985%02u%02u%03u0", address, 1 + sequence % 12, 1 + sequence % 28, sequence);

  number[17] = fz_identity_check_character (number);
  return number;
}

static gint64
add_person (Fixture    *f,
            const char *name,
            const char *county,
            guint       sequence)
{
  g_autoptr(FzPerson) p = fz_person_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = make_id (county, sequence);
  g_autofree char *cert = g_strconcat (id, "42", NULL);

  fz_person_set_name (p, name);
  fz_person_set_id_number (p, id);
  fz_person_set_cert_number (p, cert);
  fz_person_set_county_code (p, county);
  fz_person_set_employment_status (p, FZ_EMPLOYMENT_UNEMPLOYED);
  g_assert_true (fz_registry_add_person (f->registry, p, &error));
  g_assert_no_error (error);
  return fz_person_get_id (p);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *paths[] = { g_getenv ("FUZHU_PLUGIN_PATH"), NULL };
  static const char *const names[] = { "王一", "李二", "张三", "赵四", "钱五", "孙六", "周七", "吴八" };
  static const char *const counties[] = { "330881", "330881", "330881", "330881", "330881", "330825", "330825", "330802" };
  g_autoptr(FzOrganization) org = fz_organization_new ();
  char code[19] = "91330881MA28F3XW7";

  f->dir = g_dir_make_tmp ("fuzhu-rural-bases-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "fuzhu.db", NULL);
  f->db = fz_database_open (path, &error);
  g_assert_no_error (error);
  f->context = fz_context_new (f->db, NULL, "tester");
  f->manager = fz_plugin_manager_new_for_paths (f->context, paths);
  fz_plugin_manager_load_all (f->manager);
  g_assert_nonnull (fz_plugin_manager_find (f->manager, "rural-bases"));
  g_assert_nonnull (fz_plugin_entry_get_measure (fz_plugin_manager_find (f->manager, "rural-bases")));
  f->registry = fz_context_get_registry (f->context);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    f->persons[i] = add_person (f, names[i], counties[i], i + 1);

  code[17] = fz_credit_code_check_character (code);
  fz_organization_set_name (org, "江山市贺村镇农业开发有限公司");
  fz_organization_set_credit_code (org, code);
  fz_organization_set_kind (org, FZ_ORGANIZATION_PRIVATE_ENTERPRISE);
  fz_organization_set_county_code (org, "330881");
  g_assert_true (fz_registry_add_organization (f->registry, org, &error));
  g_assert_no_error (error);
  f->organization = fz_organization_get_id (org);
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

static gint64
add_base (Fixture    *f,
          const char *name,
          const char *county,
          GDate       founded,
          gboolean    homestay)
{
  g_autoptr(FzpRuralBasesBase) base = fzp_rural_bases_base_new ();
  g_autoptr(GError) error = NULL;

  base->name = g_strdup (name);
  base->county_code = g_strdup (county);
  base->township = g_strdup ("贺村镇");
  base->village = g_strdup ("耕读村");
  base->industry = homestay ? FZP_RURAL_BASES_INDUSTRY_TOURISM : FZP_RURAL_BASES_INDUSTRY_PLANTING;
  base->operator_kind = FZP_RURAL_BASES_OPERATOR_NAMED;
  base->operator_name = g_strdup ("徐大明");
  base->phone = g_strdup ("13812345678");
  base->founded_on = founded;
  base->homestay = homestay;
  g_assert_true (fzp_rural_bases_save_base (f->context, base, &error));
  g_assert_no_error (error);
  g_assert_cmpint (base->id, >, 0);
  return base->id;
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  gint64 n = -1;

  g_assert_true (fz_database_query_int64 (f->db, sql, NULL, &n, NULL, NULL));
  return n;
}

static void
test_schema (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  FzpRuralBasesHomestayRule rule;
  GDate d = day (2024, 1, 1);

  g_assert_cmpuint (fz_database_get_schema_version (f->db, "rural-bases"), ==, fzp_rural_bases_n_migrations);
  /* The open rules are data, seeded with their defaults. */
  criteria = fzp_rural_bases_list_criteria (f->context, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (criteria->len, ==, 4);
  g_assert_cmpint (((FzpRuralBasesCriterion *) g_ptr_array_index (criteria, 0))->level, ==, FZP_RURAL_BASES_LEVEL_COUNTY);
  g_assert_true (fzp_rural_bases_get_homestay_rule (f->context, &d, &rule, &error));
  g_assert_cmpuint (rule.min_employed, ==, 1);
  g_assert_cmpuint (rule.cooperation_kinds, ==, 1u << FZP_RURAL_BASES_HELP_HANDICRAFT);
  g_assert_true (rule.local_only);
}

static void
test_bases (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(FzpRuralBasesBase) base = fzp_rural_bases_base_new ();
  g_autoptr(FzpRuralBasesBase) found = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  FzpRuralBasesFilter filter = { 0 };
  gint64 a, b;

  /* Each missing or wrong field is named, and nothing is written. */
  base->name = g_strdup ("清湖果蔬基地");
  base->county_code = g_strdup ("江山");
  base->industry = FZP_RURAL_BASES_INDUSTRY_PLANTING;
  base->operator_kind = FZP_RURAL_BASES_OPERATOR_NAMED;
  base->operator_name = g_strdup ("徐大明");
  base->founded_on = day (2022, 3, 1);
  g_assert_false (fzp_rural_bases_save_base (f->context, base, &error));
  g_assert_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "Township"));
  g_clear_error (&error);
  base->township = g_strdup ("清湖街道");
  g_free (base->county_code);
  base->county_code = g_strdup ("杭州");
  g_assert_false (fzp_rural_bases_save_base (f->context, base, &error));
  g_assert_nonnull (strstr (error->message, "not a county of the city"));
  g_clear_error (&error);
  g_free (base->county_code);
  base->county_code = g_strdup ("江山");
  base->founded_on = today ();
  g_date_add_days (&base->founded_on, 1);
  g_assert_false (fzp_rural_bases_save_base (f->context, base, &error));
  g_assert_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_DATE);
  g_clear_error (&error);
  base->founded_on = day (2022, 3, 1);
  base->closed_on = day (2022, 2, 28);
  g_assert_false (fzp_rural_bases_save_base (f->context, base, &error));
  g_assert_nonnull (strstr (error->message, "Closed"));
  g_clear_error (&error);
  g_date_clear (&base->closed_on, 1);
  base->phone = g_strdup ("12");
  g_assert_false (fzp_rural_bases_save_base (f->context, base, &error));
  g_clear_error (&error);
  g_clear_pointer (&base->phone, g_free);
  g_assert_cmpint (count (f, "SELECT count(*) FROM rural_bases_base"), ==, 0);

  g_assert_true (fzp_rural_bases_save_base (f->context, base, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (base->county_code, ==, "330881");
  a = base->id;

  /* The same name in the same county is refused; in another it is fine. */
  base->id = 0;
  g_assert_false (fzp_rural_bases_save_base (f->context, base, &error));
  g_assert_nonnull (strstr (error->message, "already"));
  g_clear_error (&error);
  g_assert_cmpint (base->id, ==, 0);
  g_free (base->county_code);
  base->county_code = g_strdup ("龙游县");
  g_assert_true (fzp_rural_bases_save_base (f->context, base, &error));
  b = base->id;
  g_assert_cmpint (a, !=, b);

  /* Found by number, by name with its county, and not by an ambiguous name. */
  found = fzp_rural_bases_lookup_base (f->context, "1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, a);
  g_clear_pointer (&found, fzp_rural_bases_base_free);
  found = fzp_rural_bases_lookup_base (f->context, "龙游县/清湖果蔬基地", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, b);
  g_assert_cmpstr (found->county_name, ==, "龙游县");
  g_assert_cmpint (found->operator_kind, ==, FZP_RURAL_BASES_OPERATOR_NAMED);
  g_clear_pointer (&found, fzp_rural_bases_base_free);
  g_assert_null (fzp_rural_bases_lookup_base (f->context, "清湖果蔬基地", &error));
  g_assert_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_MISMATCH);
  g_clear_error (&error);
  g_assert_null (fzp_rural_bases_lookup_base (f->context, "没有的基地", &error));
  g_assert_error (error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Operators from the registry. */
  found = fzp_rural_bases_find_base (f->context, a, &error);
  found->operator_kind = FZP_RURAL_BASES_OPERATOR_ORGANIZATION;
  g_assert_true (fzp_rural_bases_resolve_organization (f->context, "江山市贺村镇农业开发有限公司",
                                                       &found->operator_id, &error));
  g_assert_cmpint (found->operator_id, ==, f->organization);
  g_assert_true (fzp_rural_bases_save_base (f->context, found, &error));
  g_clear_pointer (&found, fzp_rural_bases_base_free);
  found = fzp_rural_bases_find_base (f->context, a, &error);
  g_assert_cmpstr (found->operator_name, ==, "江山市贺村镇农业开发有限公司");
  g_assert_cmpint (strlen (found->operator_code), ==, 18);
  found->operator_kind = FZP_RURAL_BASES_OPERATOR_PERSON;
  found->operator_id = 999999;
  g_assert_false (fzp_rural_bases_save_base (f->context, found, &error));
  g_assert_nonnull (strstr (error->message, "Operator"));
  g_clear_error (&error);
  found->operator_id = f->persons[0];
  g_assert_true (fzp_rural_bases_save_base (f->context, found, &error));
  g_clear_pointer (&found, fzp_rural_bases_base_free);

  /* Lists filter by county and by text. */
  filter.county_code = "330825";
  list = fzp_rural_bases_list_bases (f->context, &filter, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  filter.county_code = NULL;
  filter.text = "王一";
  list = fzp_rural_bases_list_bases (f->context, &filter, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  filter.text = "100%";
  list = fzp_rural_bases_list_bases (f->context, &filter, &error);
  g_assert_cmpuint (list->len, ==, 0);
}

static void
test_people (Fixture       *f,
             gconstpointer  data)
{
  gint64 base = add_base (f, "石门茶叶基地", "330881", day (2022, 3, 1), FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(FzPerson) person = NULL;
  g_autoptr(GPtrArray) ties = NULL;
  GDate from = day (2023, 4, 1), to = day (2023, 9, 30), d;
  gint64 employment;

  employment = fzp_rural_bases_employ (f->context, base, f->persons[0], &from, NULL, 2300, "采茶", &error);
  g_assert_no_error (error);
  g_assert_cmpint (employment, >, 0);
  /* The registry now shows the person employed, from that day. */
  person = fz_registry_find_person (f->registry, f->persons[0], &error);
  g_assert_cmpint (fz_person_get_employment_status (person), ==, FZ_EMPLOYMENT_EMPLOYED);
  g_assert_cmpstr (fz_person_get_employment_date (person), ==, "2023-04-01");

  /* Not twice in overlapping periods, and not helped by the base meanwhile. */
  d = day (2024, 1, 1);
  g_assert_cmpint (fzp_rural_bases_employ (f->context, base, f->persons[0], &d, NULL, 2300, NULL, &error), ==, 0);
  g_assert_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_MISMATCH);
  g_clear_error (&error);
  g_assert_cmpint (fzp_rural_bases_help (f->context, base, f->persons[0], FZP_RURAL_BASES_HELP_ORDERS, &d, NULL,
                                         NULL, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "help counts persons the base does not employ"));
  g_clear_error (&error);
  /* Before the base was founded: refused. */
  d = day (2022, 2, 28);
  g_assert_cmpint (fzp_rural_bases_employ (f->context, base, f->persons[1], &d, NULL, 2300, NULL, &error), ==, 0);
  g_assert_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_DATE);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM rural_bases_employment"), ==, 1);

  /* Ending: the day after it ended the base may help the person. */
  g_assert_true (fzp_rural_bases_end_tie (f->context, TRUE, employment, &to, &error));
  g_assert_no_error (error);
  g_assert_false (fzp_rural_bases_end_tie (f->context, TRUE, employment, &to, &error));
  g_clear_error (&error);
  d = day (2023, 10, 1);
  g_assert_cmpint (fzp_rural_bases_help (f->context, base, f->persons[0], FZP_RURAL_BASES_HELP_ORDERS, &d, NULL,
                                         "收购茶青", &error), >, 0);
  g_assert_no_error (error);
  /* The same help again overlaps; another kind is its own. */
  g_assert_cmpint (fzp_rural_bases_help (f->context, base, f->persons[0], FZP_RURAL_BASES_HELP_ORDERS, &d, NULL,
                                         NULL, &error), ==, 0);
  g_clear_error (&error);
  g_assert_cmpint (fzp_rural_bases_help (f->context, base, f->persons[0], FZP_RURAL_BASES_HELP_SKILLS, &d, NULL,
                                         NULL, &error), >, 0);

  /* Who is there on a day, kept apart. */
  d = day (2023, 5, 1);
  ties = fzp_rural_bases_list_ties (f->context, TRUE, base, &d, &error);
  g_assert_cmpuint (ties->len, ==, 1);
  g_assert_cmpstr (((FzpRuralBasesTie *) g_ptr_array_index (ties, 0))->name, ==, "王一");
  g_clear_pointer (&ties, g_ptr_array_unref);
  ties = fzp_rural_bases_list_ties (f->context, FALSE, base, &d, &error);
  g_assert_cmpuint (ties->len, ==, 0);
  g_clear_pointer (&ties, g_ptr_array_unref);
  d = day (2023, 10, 1);
  ties = fzp_rural_bases_list_ties (f->context, FALSE, base, &d, &error);
  g_assert_cmpuint (ties->len, ==, 2);
}

/* Five persons employed for the year, two helped, two sessions: enough for
 * the default county standard (3 employed or 10 helped, income at the
 * minimum wage, one session, twelve months). */
static gint64
busy_base (Fixture *f,
           double   income)
{
  gint64 base = add_base (f, "贺村蔬菜基地", "330881", day (2022, 3, 1), FALSE);
  g_autoptr(GError) error = NULL;
  GDate from = day (2024, 1, 1);
  FzpRuralBasesTraining training = { 0 };
  gint64 attendees[] = { f->persons[0], f->persons[5] };

  for (guint i = 0; i < 5; i++)
    g_assert_cmpint (fzp_rural_bases_employ (f->context, base, f->persons[i], &from, NULL, income, NULL, &error), >, 0);
  g_assert_cmpint (fzp_rural_bases_help (f->context, base, f->persons[5], FZP_RURAL_BASES_HELP_SUPPLIES, &from, NULL,
                                         NULL, &error), >, 0);
  g_assert_cmpint (fzp_rural_bases_help (f->context, base, f->persons[6], FZP_RURAL_BASES_HELP_SALES, &from, NULL,
                                         NULL, &error), >, 0);
  training.base_id = base;
  training.held_on = day (2025, 3, 10);
  training.topic = g_strdup ("蔬菜大棚种植技术");
  training.hours = 4;
  g_assert_cmpint (fzp_rural_bases_add_training (f->context, &training, attendees, 2, &error), >, 0);
  g_assert_no_error (error);
  g_free (training.topic);
  g_free (training.county_code);
  return base;
}

static void
test_recognition (Fixture       *f,
                  gconstpointer  data)
{
  gint64 base = busy_base (f, 2010);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) unmet = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(FzpRuralBasesBase) found = NULL;
  FzpRuralBasesCriterion stricter;
  gboolean got = FALSE;
  GDate on = day (2025, 6, 1), later = day (2025, 9, 1), early = day (2024, 6, 1);

  /* 2010 yuan is 江山市's minimum wage (tier 3) in 2025: it meets the county standard. */
  unmet = fzp_rural_bases_check_recognition (f->context, base, FZP_RURAL_BASES_LEVEL_COUNTY, &on, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (unmet->len, ==, 0);
  g_clear_pointer (&unmet, g_ptr_array_unref);
  /* In June 2024 it had no session in the twelve months before. */
  unmet = fzp_rural_bases_check_recognition (f->context, base, FZP_RURAL_BASES_LEVEL_COUNTY, &early, &error);
  g_assert_cmpuint (unmet->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (unmet, 0), "Training sessions"));
  g_clear_pointer (&unmet, g_ptr_array_unref);

  /* The city level asks for the county level first, and more. */
  g_assert_cmpint (fzp_rural_bases_recognize (f->context, base, FZP_RURAL_BASES_LEVEL_CITY, &on, NULL, NULL, &error), ==, 0);
  g_assert_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_MISMATCH);
  g_assert_nonnull (strstr (error->message, "does not meet the standard"));
  g_assert_nonnull (strstr (error->message, "Recognition"));
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM rural_bases_recognition"), ==, 0);

  g_assert_cmpint (fzp_rural_bases_recognize (f->context, base, FZP_RURAL_BASES_LEVEL_COUNTY, &on, "江残联〔2025〕12号",
                                              NULL, &error), >, 0);
  g_assert_no_error (error);
  /* Not twice at one level. */
  g_assert_cmpint (fzp_rural_bases_recognize (f->context, base, FZP_RURAL_BASES_LEVEL_COUNTY, &later, NULL, NULL,
                                              &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "already"));
  g_clear_error (&error);
  /* An exception with its reason is recorded as such. */
  g_assert_cmpint (fzp_rural_bases_recognize (f->context, base, FZP_RURAL_BASES_LEVEL_CITY, &later, NULL,
                                              "市政府专题会议决定", &error), >, 0);
  g_assert_no_error (error);
  found = fzp_rural_bases_find_base (f->context, base, &error);
  g_assert_cmpint (found->level, ==, FZP_RURAL_BASES_LEVEL_CITY);
  g_clear_pointer (&found, fzp_rural_bases_base_free);
  history = fzp_rural_bases_list_recognitions (f->context, base, &error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_null (((FzpRuralBasesRecognitionRecord *) g_ptr_array_index (history, 0))->exception);
  g_assert_cmpstr (((FzpRuralBasesRecognitionRecord *) g_ptr_array_index (history, 1))->exception, ==,
                   "市政府专题会议决定");
  g_clear_pointer (&history, g_ptr_array_unref);

  /* Withdrawn: the level drops back and the history keeps both. */
  g_assert_false (fzp_rural_bases_withdraw (f->context, base, FZP_RURAL_BASES_LEVEL_CITY, &later, "", &error));
  g_assert_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_EMPTY);
  g_clear_error (&error);
  g_assert_false (fzp_rural_bases_withdraw (f->context, base, FZP_RURAL_BASES_LEVEL_CITY, &on, "整改不到位", &error));
  g_assert_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_DATE);
  g_clear_error (&error);
  g_assert_true (fzp_rural_bases_withdraw (f->context, base, FZP_RURAL_BASES_LEVEL_CITY, &later, "整改不到位", &error));
  g_assert_no_error (error);
  found = fzp_rural_bases_find_base (f->context, base, &error);
  g_assert_cmpint (found->level, ==, FZP_RURAL_BASES_LEVEL_COUNTY);
  g_assert_false (fzp_rural_bases_withdraw (f->context, base, FZP_RURAL_BASES_LEVEL_PROVINCE, &later, "无", &error));
  g_assert_error (error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A standard set from a later day applies from that day only. */
  g_assert_true (fzp_rural_bases_get_criterion (f->context, FZP_RURAL_BASES_LEVEL_COUNTY, &on, &stricter, &got, &error));
  g_assert_true (got);
  stricter.effective_from = day (2025, 7, 1);
  stricter.either = FALSE;
  stricter.min_helped = 10;
  g_assert_true (fzp_rural_bases_set_criterion (f->context, &stricter, &error));
  g_assert_no_error (error);
  unmet = fzp_rural_bases_check_recognition (f->context, base, FZP_RURAL_BASES_LEVEL_COUNTY, &on, &error);
  g_assert_cmpuint (unmet->len, ==, 0);
  g_clear_pointer (&unmet, g_ptr_array_unref);
  unmet = fzp_rural_bases_check_recognition (f->context, base, FZP_RURAL_BASES_LEVEL_COUNTY, &later, &error);
  g_assert_cmpuint (unmet->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (unmet, 0), "Persons helped: 2"));
  g_clear_pointer (&unmet, g_ptr_array_unref);
  /* Saving it again on the same day replaces it. */
  stricter.min_helped = 2;
  g_assert_true (fzp_rural_bases_set_criterion (f->context, &stricter, &error));
  g_assert_cmpint (count (f, "SELECT count(*) FROM rural_bases_criterion WHERE level = 'county'"), ==, 2);
  stricter.required_level = FZP_RURAL_BASES_LEVEL_CITY;
  g_assert_false (fzp_rural_bases_set_criterion (f->context, &stricter, &error));
  g_clear_error (&error);
}

static void
test_low_income (Fixture       *f,
                 gconstpointer  data)
{
  gint64 base = busy_base (f, 2009.99);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) unmet = NULL;
  GDate on = day (2025, 6, 1), old = day (2021, 7, 1);

  unmet = fzp_rural_bases_check_recognition (f->context, base, FZP_RURAL_BASES_LEVEL_COUNTY, &on, &error);
  g_assert_cmpuint (unmet->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (unmet, 0), "2009.99"));
  g_assert_nonnull (strstr (g_ptr_array_index (unmet, 0), "2010.00"));
  g_clear_pointer (&unmet, g_ptr_array_unref);
  /* Before the base existed nothing is met, and no wage is recorded then. */
  unmet = fzp_rural_bases_check_recognition (f->context, base, FZP_RURAL_BASES_LEVEL_COUNTY, &old, &error);
  g_assert_cmpuint (unmet->len, >=, 3);
}

static void
test_year_and_indicators (Fixture       *f,
                          gconstpointer  data)
{
  gint64 base = busy_base (f, 2000);
  gint64 other = add_base (f, "龙游竹编工坊", "330825", day (2023, 1, 1), FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(FzIndicatorValues) values = fz_indicator_values_new ();
  g_autoptr(GPtrArray) rows = NULL;
  FzpRuralBasesYearFigures y;
  FzIndicatorInfo sum = { "employed", NULL, NULL, NULL, FZ_INDICATOR_SUM };
  FzIndicatorInfo own = { "average-income", NULL, NULL, NULL, FZ_INDICATOR_OWN };
  FzIndicatorInfo bases = { "bases", NULL, NULL, NULL, FZ_INDICATOR_SUM };
  FzIndicatorInfo county_level = { "bases-county", NULL, NULL, NULL, FZ_INDICATOR_SUM };
  GDate from = day (2024, 7, 15), on = day (2025, 6, 1), assessed = day (2026, 1, 10);

  /* At the other base: one person from mid-July at 3000 (6 months of 2024). */
  g_assert_cmpint (fzp_rural_bases_employ (f->context, other, f->persons[5], &from, NULL, 3000, NULL, &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (fzp_rural_bases_compute_year (f->context, base, 2024, &y, &error));
  g_assert_cmpuint (y.employed, ==, 5);
  g_assert_cmpuint (y.employed_months, ==, 60);
  g_assert_cmpfloat (y.income_paid, ==, 5 * 12 * 2000);
  g_assert_cmpuint (y.helped, ==, 2);
  g_assert_cmpuint (y.training_sessions, ==, 0);
  g_assert_true (fzp_rural_bases_compute_year (f->context, base, 2025, &y, &error));
  g_assert_cmpuint (y.training_sessions, ==, 1);
  g_assert_cmpuint (y.training_attendees, ==, 2);
  g_assert_true (fzp_rural_bases_compute_year (f->context, base, 2023, &y, &error));
  g_assert_cmpuint (y.employed, ==, 0);

  /* Figures by county; the city's average is over every month paid,
   * not the mean of the counties' averages. */
  g_assert_true (fzp_rural_bases_compute_indicators (f->context, 2024, values, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (fz_indicator_values_get (values, &sum, "330881"), ==, 5);
  g_assert_cmpfloat (fz_indicator_values_get (values, &sum, "330825"), ==, 1);
  g_assert_cmpfloat (fz_indicator_values_get (values, &sum, FZ_CITY_CODE), ==, 6);
  g_assert_cmpfloat (fz_indicator_values_get (values, &own, "330881"), ==, 2000);
  g_assert_cmpfloat (fz_indicator_values_get (values, &own, "330825"), ==, 3000);
  g_assert_cmpfloat (fz_indicator_values_get (values, &own, FZ_CITY_CODE), ==,
                     fzp_rural_bases_average_income (120000 + 18000, 66));
  g_assert_cmpfloat (fz_indicator_values_get (values, &bases, FZ_CITY_CODE), ==, 2);
  g_assert_cmpfloat (fz_indicator_values_get (values, &county_level, FZ_CITY_CODE), ==, 0);

  /* Recognised in 2025 (paying 10 yuan under the minimum wage, so only as
   * an exception): counted by level in 2025, not in 2024. */
  g_assert_cmpint (fzp_rural_bases_recognize (f->context, base, FZP_RURAL_BASES_LEVEL_COUNTY, &on, NULL, "试点",
                                              &error), >, 0);
  g_clear_pointer (&values, fz_indicator_values_free);
  values = fz_indicator_values_new ();
  g_assert_true (fzp_rural_bases_compute_indicators (f->context, 2025, values, &error));
  g_assert_cmpfloat (fz_indicator_values_get (values, &county_level, "330881"), ==, 1);

  /* The assessment, once recorded, is what the year's figures come from. */
  y.employed = 4;
  y.helped = 9;
  y.employed_months = 40;
  y.income_paid = 100000;
  g_assert_true (fzp_rural_bases_assess (f->context, base, 2024, &y, FZP_RURAL_BASES_RESULT_PASS, "复核", &assessed,
                                         &error));
  g_assert_no_error (error);
  g_clear_pointer (&values, fz_indicator_values_free);
  values = fz_indicator_values_new ();
  g_assert_true (fzp_rural_bases_compute_indicators (f->context, 2024, values, &error));
  g_assert_cmpfloat (fz_indicator_values_get (values, &sum, "330881"), ==, 4);
  g_assert_cmpfloat (fz_indicator_values_get (values, &own, "330881"), ==, 2500);
  rows = fzp_rural_bases_year_rows (f->context, 2024, NULL, &error);
  g_assert_cmpuint (rows->len, ==, 2);
  /* In the city's order of counties: 龙游县 before 江山市. */
  g_assert_cmpint (((FzpRuralBasesAssessment *) g_ptr_array_index (rows, 0))->result, ==, FZP_RURAL_BASES_RESULT_NONE);
  g_assert_cmpint (((FzpRuralBasesAssessment *) g_ptr_array_index (rows, 1))->result, ==, FZP_RURAL_BASES_RESULT_PASS);

  /* Assessing again replaces; nonsense is refused. */
  g_assert_true (fzp_rural_bases_assess (f->context, base, 2024, NULL, FZP_RURAL_BASES_RESULT_EXCELLENT, NULL,
                                         &assessed, &error));
  g_assert_cmpint (count (f, "SELECT count(*) FROM rural_bases_assessment"), ==, 1);
  g_assert_cmpint (count (f, "SELECT employed FROM rural_bases_assessment"), ==, 5);
  y.employed_months = 61;
  y.employed = 5;
  g_assert_false (fzp_rural_bases_assess (f->context, base, 2024, &y, FZP_RURAL_BASES_RESULT_PASS, NULL, &assessed,
                                          &error));
  g_assert_nonnull (strstr (error->message, "Months worked"));
  g_clear_error (&error);
  g_assert_false (fzp_rural_bases_assess (f->context, base, this_year () + 1, NULL, FZP_RURAL_BASES_RESULT_PASS, NULL,
                                          &assessed, &error));
  g_clear_error (&error);
  g_assert_false (fzp_rural_bases_assess (f->context, other, 2022, NULL, FZP_RURAL_BASES_RESULT_PASS, NULL, &assessed,
                                          &error));
  g_assert_nonnull (strstr (error->message, "did not operate"));
  g_clear_error (&error);

  /* On the dashboard: bases and persons are levels, not added up over the
   * years; persons trained add up; the average is a number, not a rate. */
  {
    g_autoptr(FzFigures) figures = fz_figures_compute (f->manager, 2024, 2025, &error);
    const FzFigure *b, *trained, *average;

    g_assert_no_error (error);
    b = fz_figures_find (figures, "rural-bases/bases");
    trained = fz_figures_find (figures, "rural-bases/trained");
    average = fz_figures_find (figures, "rural-bases/average-income");
    g_assert_nonnull (b);
    g_assert_cmpint (b->kind, ==, FZ_TARGET_LEVEL);
    g_assert_cmpfloat (fz_figure_get (b, 2024, FZ_CITY_CODE), ==, 2);
    g_assert_cmpfloat (fz_figure_to_date (b, figures, 2025, FZ_CITY_CODE), ==, 2);
    g_assert_cmpint (trained->kind, ==, FZ_TARGET_COUNT);
    g_assert_cmpfloat (fz_figure_to_date (trained, figures, 2025, FZ_CITY_CODE), ==, 2);
    g_assert_cmpint (average->kind, ==, FZ_TARGET_LEVEL);
    g_assert_cmpfloat (fz_figure_get (average, 2024, "330881"), ==, 2000);
    g_assert_null (average->target_key);
  }
}

static void
test_homestays (Fixture       *f,
                gconstpointer  data)
{
  gint64 employs = add_base (f, "江郎山下民宿", "330881", day (2021, 5, 1), TRUE);
  gint64 crafts = add_base (f, "廿八都古镇民宿", "330881", day (2021, 5, 1), TRUE);
  gint64 plain = add_base (f, "清漾村民宿", "330881", day (2021, 5, 1), TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  FzpRuralBasesHomestayRule rule = { 0 };
  GDate from = day (2024, 3, 1), on = day (2024, 6, 1);

  g_assert_cmpint (fzp_rural_bases_employ (f->context, employs, f->persons[0], &from, NULL, 2200, "客房服务",
                                           &error), >, 0);
  g_assert_cmpint (fzp_rural_bases_help (f->context, crafts, f->persons[1], FZP_RURAL_BASES_HELP_HANDICRAFT, &from,
                                         NULL, "竹编", &error), >, 0);
  /* Handicraft work with a person of another county is not local. */
  g_assert_cmpint (fzp_rural_bases_help (f->context, plain, f->persons[5], FZP_RURAL_BASES_HELP_HANDICRAFT, &from,
                                         NULL, NULL, &error), >, 0);
  g_assert_cmpint (fzp_rural_bases_help (f->context, plain, f->persons[2], FZP_RURAL_BASES_HELP_SALES, &from, NULL,
                                         NULL, &error), >, 0);
  g_assert_no_error (error);

  list = fzp_rural_bases_list_homestays (f->context, &on, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = fzp_rural_bases_list_homestays (f->context, &on, "330825", TRUE, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = fzp_rural_bases_list_homestays (f->context, &on, NULL, FALSE, &error);
  g_assert_cmpuint (list->len, ==, 3);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* From 2024-05-01 persons of any county count, and sales too. */
  rule.effective_from = day (2024, 5, 1);
  rule.min_employed = 1;
  rule.min_cooperating = 1;
  rule.cooperation_kinds = (1u << FZP_RURAL_BASES_HELP_HANDICRAFT) | (1u << FZP_RURAL_BASES_HELP_SALES);
  rule.local_only = FALSE;
  g_assert_true (fzp_rural_bases_set_homestay_rule (f->context, &rule, &error));
  g_assert_no_error (error);
  list = fzp_rural_bases_list_homestays (f->context, &on, NULL, TRUE, &error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpuint (((FzpRuralBasesHomestay *) g_ptr_array_index (list, 2))->cooperating, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);
  /* Before that day the old rule holds. */
  from = day (2024, 4, 1);
  list = fzp_rural_bases_list_homestays (f->context, &from, NULL, TRUE, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);
  /* A rule with no way on cannot be saved. */
  rule.min_employed = rule.min_cooperating = 0;
  g_assert_false (fzp_rural_bases_set_homestay_rule (f->context, &rule, &error));
  g_clear_error (&error);

  /* A closed homestay is not listed after it closed. */
  {
    g_autoptr(FzpRuralBasesBase) b = fzp_rural_bases_find_base (f->context, employs, &error);
    b->closed_on = day (2024, 12, 31);
    g_assert_true (fzp_rural_bases_save_base (f->context, b, &error));
    /* Closing ended the employment there on that day. */
    g_assert_cmpint (count (f, "SELECT count(*) FROM rural_bases_employment WHERE ended_on = '2024-12-31'"), ==, 1);
    on = day (2025, 1, 1);
    list = fzp_rural_bases_list_homestays (f->context, &on, NULL, TRUE, &error);
    g_assert_cmpuint (list->len, ==, 2);
  }
}

static void
test_training (Fixture       *f,
               gconstpointer  data)
{
  gint64 base = add_base (f, "大陈乡养蜂基地", "330881", day (2022, 3, 1), FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  FzpRuralBasesTraining t = { 0 };
  gint64 some[] = { f->persons[0], f->persons[1] };
  gint64 more[] = { f->persons[2] };
  gint64 id;

  t.base_id = base;
  t.held_on = today ();
  g_date_add_days (&t.held_on, 1);
  t.topic = g_strdup ("中蜂养殖");
  t.hours = 3.5;
  g_assert_cmpint (fzp_rural_bases_add_training (f->context, &t, some, 2, &error), ==, 0);
  g_assert_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_DATE);
  g_clear_error (&error);
  t.held_on = day (2022, 2, 1);
  g_assert_cmpint (fzp_rural_bases_add_training (f->context, &t, some, 2, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "not within the time the base operates"));
  g_clear_error (&error);
  t.held_on = day (2024, 9, 9);
  id = fzp_rural_bases_add_training (f->context, &t, some, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpstr (t.county_code, ==, "330881");

  g_assert_false (fzp_rural_bases_set_attendance (f->context, id, some, 1, FALSE, &error));
  g_assert_nonnull (strstr (error->message, "attends the session already"));
  g_clear_error (&error);
  g_assert_true (fzp_rural_bases_set_attendance (f->context, id, more, 1, FALSE, &error));
  g_assert_true (fzp_rural_bases_set_attendance (f->context, id, some, 1, TRUE, &error));
  list = fzp_rural_bases_list_attendees (f->context, id, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_false (fzp_rural_bases_set_attendance (f->context, 999, more, 1, FALSE, &error));
  g_assert_error (error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A session of the county, held by no base. */
  g_free (t.topic);
  g_free (t.county_code);
  t.base_id = 0;
  t.county_code = g_strdup ("龙游");
  t.topic = g_strdup ("农村电商直播");
  g_assert_cmpint (fzp_rural_bases_add_training (f->context, &t, NULL, 0, &error), >, 0);
  g_assert_cmpstr (t.county_code, ==, "330825");
  list = fzp_rural_bases_list_trainings (f->context, 0, "330825", &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_null (((FzpRuralBasesTraining *) g_ptr_array_index (list, 0))->base_name);
  g_free (t.topic);
  g_free (t.county_code);
}

static void
write_file (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
}

static void
test_import_export (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzpRuralBasesImportReport) report = NULL;
  g_autofree char *bases_csv = g_build_filename (f->dir, "bases.csv", NULL);
  g_autofree char *bases_xlsx = g_build_filename (f->dir, "bases.xlsx", NULL);
  g_autofree char *people_csv = g_build_filename (f->dir, "employed.csv", NULL);
  g_autofree char *helped_csv = g_build_filename (f->dir, "helped.csv", NULL);
  g_autofree char *bad_csv = g_build_filename (f->dir, "bad.csv", NULL);
  g_autofree char *id0 = make_id ("330881", 1);
  g_autofree char *id5 = make_id ("330825", 6);
  g_autofree char *text = NULL;
  g_autofree char *exported = NULL;
  guint n = 0;

  /* A sheet as an office keeps it, with its own column order and a
   * column of its own that is ignored. */
  write_file (bases_csv,
              "序号,基地名称,县（市、区）,乡镇（街道）,村（社区）,产业类型,运营主体,联系电话,成立时间,民宿,认定等级,认定日期\r\n"
              "1,贺村茶园基地,江山市,贺村镇,耕读村,种植,江山市贺村镇农业开发有限公司,0570-4012345,2021-03-01,否,县级,2023-05-01\r\n"
              "2,仙霞岭民宿,江山,保安乡,戴笠村,乡村旅游/民宿,毛小芳,13905701234,2020/6/1,是,,\r\n");
  g_assert_true (fzp_rural_bases_import (f->context, FZP_RURAL_BASES_SHEET_BASES, bases_csv, FALSE, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 2);
  g_clear_pointer (&report, fzp_rural_bases_import_report_free);
  g_assert_cmpint (count (f, "SELECT operator_organization_id FROM rural_bases_base WHERE name = '贺村茶园基地'"), ==,
                   f->organization);
  g_assert_cmpint (count (f, "SELECT count(*) FROM rural_bases_recognition WHERE exception = 'imported from bases.csv'"),
                   ==, 1);
  /* The same file again changes nothing. */
  g_assert_true (fzp_rural_bases_import (f->context, FZP_RURAL_BASES_SHEET_BASES, bases_csv, FALSE, &report, &error));
  g_assert_cmpuint (report->added, ==, 0);
  g_assert_cmpuint (report->unchanged, ==, 2);
  g_clear_pointer (&report, fzp_rural_bases_import_report_free);

  text = g_strdup_printf ("基地名称,姓名,身份证号,入职日期,月收入（元）,岗位\n"
                          "贺村茶园基地,王一,%s,2023-06-01,\"2,300\",采茶工\n"
                          "仙霞岭民宿,孙六,%s,2024-01-01,2100,保洁\n", id0, id5);
  write_file (people_csv, text);
  g_clear_pointer (&text, g_free);
  g_assert_true (fzp_rural_bases_import (f->context, FZP_RURAL_BASES_SHEET_EMPLOYED, people_csv, FALSE, &report,
                                         &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 2);
  g_clear_pointer (&report, fzp_rural_bases_import_report_free);

  g_free (id0);
  id0 = make_id ("330881", 3);
  text = g_strdup_printf ("基地,姓名,身份证号,帮扶方式,开始日期\n仙霞岭民宿,张三,%s,手工,2024-02-01\n", id0);
  write_file (helped_csv, text);
  g_clear_pointer (&text, g_free);
  g_free (id0);
  id0 = make_id ("330881", 1);
  g_assert_true (fzp_rural_bases_import (f->context, FZP_RURAL_BASES_SHEET_HELPED, helped_csv, FALSE, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 1);
  g_clear_pointer (&report, fzp_rural_bases_import_report_free);

  /* Wrong rows: every problem with its line, nothing written. */
  text = g_strdup_printf ("基地名称,姓名,身份证号,入职日期,月收入\n"
                          "贺村茶园基地,王一,%.17s0,2023-06-01,2300\n"
                          "没有的基地,孙六,%s,2024-01-01,2100\n"
                          "仙霞岭民宿,李四,%s,2024-13-01,两千\n"
                          "仙霞岭民宿,周七,3.30802E+17,2024-01-01,2000\n", id0, id5, id5);
  write_file (bad_csv, text);
  g_assert_false (fzp_rural_bases_import (f->context, FZP_RURAL_BASES_SHEET_EMPLOYED, bad_csv, FALSE, &report, &error));
  g_assert_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_REJECTED);
  g_clear_error (&error);
  {
    g_autofree char *line2 = g_strdup_printf ("%s:2: Identity number", bad_csv);
    g_autofree char *line3 = g_strdup_printf ("%s:3: Base: there is no base “没有的基地”", bad_csv);
    g_autofree char *line4 = g_strdup_printf ("%s:4: Name: the registry has 孙六", bad_csv);
    g_autofree char *line5 = g_strdup_printf ("%s:5: Identity number", bad_csv);
    g_autofree char *all = g_strjoinv ("\n", (char **) report->problems->pdata);

    g_ptr_array_add (report->problems, NULL);
    g_assert_nonnull (strstr (all, line2));
    g_assert_nonnull (strstr (all, line3));
    g_assert_nonnull (strstr (all, line4));
    g_assert_nonnull (strstr (all, "Monthly income: “两千” is not a number"));
    g_assert_nonnull (strstr (all, line5));
    g_assert_nonnull (strstr (all, "text"));
  }
  g_clear_pointer (&report, fzp_rural_bases_import_report_free);
  g_assert_cmpint (count (f, "SELECT count(*) FROM rural_bases_employment"), ==, 2);

  /* A header this import cannot read is refused before any row. */
  write_file (bad_csv, "姓名,身份证号\n王一,1\n");
  g_assert_false (fzp_rural_bases_import (f->context, FZP_RURAL_BASES_SHEET_EMPLOYED, bad_csv, FALSE, &report, &error));
  g_assert_nonnull (strstr (g_ptr_array_index (report->problems, 0), ":1: Base: the sheet has no column"));
  g_clear_error (&error);
  g_clear_pointer (&report, fzp_rural_bases_import_report_free);

  /* Export, then import into the same data: nothing changes. */
  g_assert_true (fzp_rural_bases_export (f->context, FZP_RURAL_BASES_SHEET_BASES, bases_xlsx, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  if (fz_table_can_read_xlsx ())
    {
      g_assert_true (fzp_rural_bases_import (f->context, FZP_RURAL_BASES_SHEET_BASES, bases_xlsx, FALSE, &report,
                                             &error));
      g_assert_no_error (error);
      g_assert_cmpuint (report->unchanged, ==, 2);
      g_clear_pointer (&report, fzp_rural_bases_import_report_free);
    }
  g_assert_true (fzp_rural_bases_export (f->context, FZP_RURAL_BASES_SHEET_EMPLOYED, people_csv, "330881", &n, &error));
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (g_file_get_contents (people_csv, &exported, NULL, NULL));
  g_assert_true (g_str_has_prefix (exported, "\xEF\xBB\xBF基地名称,基地所在县(市、区),姓名,身份证号"));
  g_assert_nonnull (strstr (exported, id0));
  g_assert_nonnull (strstr (exported, "2300.00"));
  g_assert_true (fzp_rural_bases_import (f->context, FZP_RURAL_BASES_SHEET_EMPLOYED, people_csv, FALSE, &report,
                                         &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->unchanged, ==, 2);
  g_clear_pointer (&report, fzp_rural_bases_import_report_free);
  g_assert_true (fzp_rural_bases_export (f->context, FZP_RURAL_BASES_SHEET_HELPED, helped_csv, NULL, &n, &error));
  g_assert_true (fzp_rural_bases_import (f->context, FZP_RURAL_BASES_SHEET_HELPED, helped_csv, FALSE, &report, &error));
  g_assert_cmpuint (report->unchanged, ==, 1);
  g_clear_pointer (&report, fzp_rural_bases_import_report_free);

  /* An end date in the sheet updates the period; a dry run keeps nothing. */
  g_free (text);
  text = g_strdup_printf ("基地名称,身份证号,入职日期,离职日期,月收入\n贺村茶园基地,%s,2023-06-01,2024-06-30,2300\n", id0);
  write_file (people_csv, text);
  g_assert_true (fzp_rural_bases_import (f->context, FZP_RURAL_BASES_SHEET_EMPLOYED, people_csv, TRUE, &report, &error));
  g_assert_cmpuint (report->updated, ==, 1);
  g_clear_pointer (&report, fzp_rural_bases_import_report_free);
  g_assert_cmpint (count (f, "SELECT count(*) FROM rural_bases_employment WHERE ended_on IS NOT NULL"), ==, 0);
  g_assert_true (fzp_rural_bases_import (f->context, FZP_RURAL_BASES_SHEET_EMPLOYED, people_csv, FALSE, &report, &error));
  g_assert_cmpint (count (f, "SELECT count(*) FROM rural_bases_employment WHERE ended_on = '2024-06-30'"), ==, 1);

  /* GBK, as Chinese Excel saves CSV. */
  {
    g_autofree char *gbk = NULL;
    gsize length = 0;
    const char *sheet = "基地名称,县(市、区),乡镇(街道),产业类型,运营主体,成立日期\r\n峡口电商服务站,江山市,峡口镇,农村电商,刘小红,2024-05-01\r\n";

    gbk = g_convert (sheet, -1, "GB18030", "UTF-8", NULL, &length, &error);
    g_assert_no_error (error);
    g_assert_true (g_file_set_contents (bases_csv, gbk, (gssize) length, &error));
    g_clear_pointer (&report, fzp_rural_bases_import_report_free);
    g_assert_true (fzp_rural_bases_import (f->context, FZP_RURAL_BASES_SHEET_BASES, bases_csv, FALSE, &report, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (report->encoding, ==, "GB18030");
    g_assert_cmpuint (report->added, ==, 1);
  }
}

static gboolean
have_poppler (void)
{
  g_autofree char *path = g_find_program_in_path ("pdftotext");

  if (path)
    return TRUE;
  g_test_skip ("pdftotext (poppler-utils) is needed to read the PDFs back");
  return FALSE;
}

static char *
render (Fixture    *f,
        const char *name,
        GHashTable *params,
        GError    **error)
{
  g_autoptr(FzDocument) doc = fz_plugin_manager_build_document (f->manager, name, params, error);
  g_autofree char *path = NULL;
  g_autofree char *file = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", NULL, "-", NULL };
  g_autoptr(GError) spawn_error = NULL;
  char *out = NULL;
  int status = 0;

  if (doc == NULL)
    return NULL;
  file = g_strdelimit (g_strdup_printf ("%s.pdf", name), "/", '-');
  path = g_build_filename (f->dir, file, NULL);
  g_assert_true (fz_document_render_pdf (doc, path, error));
  argv[3] = path;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                               NULL, &out, NULL, &status, &spawn_error));
  g_assert_no_error (spawn_error);
  /* Lines wrap where the layout wants: compare without them. */
  {
    GString *flat = g_string_new (NULL);
    for (const char *c = out; *c; c++)
      if (*c != '\n' && *c != ' ' && *c != '\f')
        g_string_append_c (flat, *c);
    g_free (out);
    return g_string_free (flat, FALSE);
  }
}

static GHashTable *
params (const char *first,
        ...)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  va_list ap;

  va_start (ap, first);
  for (const char *name = first; name; name = va_arg (ap, const char *))
    g_hash_table_insert (table, g_strdup (name), g_strdup (va_arg (ap, const char *)));
  va_end (ap);
  return table;
}

static void
test_documents (Fixture       *f,
                gconstpointer  data)
{
  gint64 base = busy_base (f, 2300);
  gint64 homestay = add_base (f, "江郎山下民宿", "330881", day (2021, 5, 1), TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) p = NULL;
  g_autoptr(FzCertificateRecord) record = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  g_autofree char *serial = NULL;
  GDate on = day (2025, 6, 1), from = day (2024, 3, 1);

  if (!have_poppler ())
    return;
  g_assert_cmpint (fzp_rural_bases_recognize (f->context, base, FZP_RURAL_BASES_LEVEL_COUNTY, &on, "江残联〔2025〕12号",
                                              NULL, &error), >, 0);
  /* Employing someone of another county does not count as local. */
  g_assert_cmpint (fzp_rural_bases_employ (f->context, homestay, f->persons[6], &from, NULL, 2100, NULL, &error), >, 0);
  g_assert_cmpint (fzp_rural_bases_help (f->context, homestay, f->persons[7], FZP_RURAL_BASES_HELP_HANDICRAFT, &from,
                                         NULL, NULL, &error), >, 0);
  g_assert_cmpint (fzp_rural_bases_help (f->context, homestay, f->persons[3], FZP_RURAL_BASES_HELP_HANDICRAFT, &from,
                                         NULL, NULL, &error), >, 0);

  /* The register: internal, the phone whole. */
  p = params ("year", "2025", "county", "江山市", NULL);
  text = render (f, "rural-bases/register", p, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "2025年江山市农村残疾人就业创业基地名册"));
  g_assert_nonnull (strstr (text, "贺村蔬菜基地"));
  g_assert_nonnull (strstr (text, "13812345678"));
  g_assert_nonnull (strstr (text, "县级"));
  g_assert_nonnull (strstr (text, "2300.00"));
  g_assert_nonnull (strstr (text, "合计"));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&p, g_hash_table_unref);

  /* The certificate: a serial from the register, the same one on a reprint. */
  p = params ("base", "贺村蔬菜基地", NULL);
  text = render (f, "rural-bases/certificate", p, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "认定证书"));
  g_assert_nonnull (strstr (text, "贺村蔬菜基地"));
  g_assert_nonnull (strstr (text, "江山市农村残疾人就业创业基地"));
  g_assert_nonnull (strstr (text, "江山市残疾人联合会"));
  g_assert_nonnull (strstr (text, "江残联〔2025〕12号"));
  g_assert_nonnull (strstr (text, "二〇二五年六月一日"));
  serial = g_strndup (strstr (text, "JD-2025-"), 14);
  again = render (f, "rural-bases/certificate", p, &error);
  g_assert_nonnull (strstr (again, serial));
  record = fz_certificate_register_verify (f->context, serial, &error);
  g_assert_no_error (error);
  g_assert_false (record->revoked);
  g_assert_cmpuint (record->prints, ==, 2);
  g_clear_pointer (&record, fz_certificate_record_free);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&p, g_hash_table_unref);

  /* The issuer is an administrator's setting. */
  g_assert_true (fz_context_set_value (f->context, "rural-bases", "issuer-county", "{county}残疾人工作委员会", &error));
  p = params ("year", "2025", NULL);
  text = render (f, "rural-bases/certificate", p, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "江山市残疾人工作委员会"));
  g_assert_nonnull (strstr (text, serial));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&p, g_hash_table_unref);

  /* Withdrawn: the certificate is revoked and no longer printed. */
  on = day (2025, 12, 1);
  g_assert_true (fzp_rural_bases_withdraw (f->context, base, FZP_RURAL_BASES_LEVEL_COUNTY, &on, "停止经营", &error));
  record = fz_certificate_register_verify (f->context, serial, &error);
  g_assert_true (record->revoked);
  p = params ("base", "贺村蔬菜基地", NULL);
  g_assert_null (render (f, "rural-bases/certificate", p, &error));
  g_assert_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&p, g_hash_table_unref);

  /* The homestay list is public: the phone is masked. */
  p = params ("county", "江山市", "date", "2025-01-01", NULL);
  text = render (f, "rural-bases/homestays", p, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "江山市乡村民宿吸纳残疾人就业优先名单"));
  g_assert_nonnull (strstr (text, "江郎山下民宿"));
  g_assert_nonnull (strstr (text, "138****5678"));
  g_assert_null (strstr (text, "13812345678"));
  g_assert_nonnull (strstr (text, "开展手工业务合作"));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&p, g_hash_table_unref);

  /* The yearly assessment with the county's totals. */
  p = params ("year", "2024", NULL);
  text = render (f, "rural-bases/assessment", p, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "2024年衢州市农村残疾人就业创业基地年度考核汇总表"));
  g_assert_nonnull (strstr (text, "江山市小计"));
  g_assert_nonnull (strstr (text, "未考核"));
  g_assert_nonnull (strstr (text, "138000.00"));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&p, g_hash_table_unref);

  /* Wrong parameters are named. */
  p = params ("year", "1999", NULL);
  g_assert_null (render (f, "rural-bases/register", p, &error));
  g_assert_nonnull (strstr (error->message, "year"));
  g_clear_error (&error);
  g_clear_pointer (&p, g_hash_table_unref);
  p = params ("county", "杭州", NULL);
  g_assert_null (render (f, "rural-bases/homestays", p, &error));
  g_assert_nonnull (strstr (error->message, "county"));
  g_clear_error (&error);
  g_clear_pointer (&p, g_hash_table_unref);
  g_assert_null (render (f, "rural-bases/certificate", NULL, &error));
  g_assert_nonnull (strstr (error->message, "base"));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add ("/Fuzhu/Plugins/RuralBases/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("schema", test_schema);
  ADD ("bases", test_bases);
  ADD ("people", test_people);
  ADD ("recognition", test_recognition);
  ADD ("low-income", test_low_income);
  ADD ("year-and-indicators", test_year_and_indicators);
  ADD ("homestays", test_homestays);
  ADD ("training", test_training);
  ADD ("import-export", test_import_export);
  ADD ("documents", test_documents);
#undef ADD
  return g_test_run ();
}
