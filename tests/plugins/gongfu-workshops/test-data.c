/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-gongfu-workshops"

#include "config.h"

#include <locale.h>

#include "gw-test-util.h"
#include "fzp-gongfu-workshops-import.h"

/* The measure's data through a real database: workshops, joining and
 * leaving, a month's pay, orders, figures and indicators, import. */

#define KECHENG "330802"  /* minimum wage tier 2: 2070 a month, 20 an hour until 2024 */
#define LONGYOU "330825"  /* tier 3: 1840 a month, 18 an hour */

static gint64
count (GwFixture  *f,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 n = -1;

  g_assert_true (fz_database_query_int64 (f->db, sql, NULL, &n, NULL, &error));
  g_assert_no_error (error);
  return n;
}

static FzpGongfuWorkshopsFigures
figures (GwFixture  *f,
         gint64      workshop_id,
         const char *county,
         guint       year,
         guint       month)
{
  FzpGongfuWorkshopsScope scope = { workshop_id, county, year, month };
  FzpGongfuWorkshopsFigures out;
  g_autoptr(GError) error = NULL;

  g_assert_true (fzp_gongfu_workshops_compute_figures (f->context, &scope, &out, &error));
  g_assert_no_error (error);
  return out;
}

static void
test_schema (GwFixture     *f,
             gconstpointer  data)
{
  FzpGongfuWorkshopsStandard s;
  GDate on = gw_date ("2025-01-01");

  g_assert_cmpuint (fz_database_get_schema_version (f->db, FZP_GONGFU_WORKSHOPS_OWNER), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 'gongfu_workshops_%'"),
                   ==, 6);
  /* Every table the measure owns carries its prefix. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 'gongfu%' "
                             "AND name NOT LIKE 'gongfu_workshops_%'"), ==, 0);
  g_assert_true (fzp_gongfu_workshops_get_standard (f->context, &on, &s, NULL));
  g_assert_cmpuint (s.min_workers, ==, 5);
}

static void
assert_workshop_refused (GwFixture                  *f,
                         FzpGongfuWorkshopsWorkshop *w,
                         const char                 *prefix)
{
  g_autoptr(GError) error = NULL;
  gint64 before = count (f, "SELECT count(*) FROM gongfu_workshops_workshop");

  g_assert_false (fzp_gongfu_workshops_save_workshop (f->context, w, &error));
  g_assert_nonnull (error);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("“%s” does not start with “%s”", error->message, prefix);
  g_assert_cmpint (count (f, "SELECT count(*) FROM gongfu_workshops_workshop"), ==, before);
}

static void
test_workshops (GwFixture     *f,
                gconstpointer  data)
{
  g_autoptr(FzpGongfuWorkshopsWorkshop) w = fzp_gongfu_workshops_workshop_new ();
  g_autoptr(FzpGongfuWorkshopsWorkshop) found = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = gw_add_workshop (f, "大俱源村共富工坊", KECHENG, "2024-03-01");
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  w->name = g_strdup ("  ");
  w->county_code = g_strdup ("龙游");
  w->host = FZP_GONGFU_WORKSHOPS_HOST_VILLAGE;
  w->host_name = g_strdup ("溪口村");
  w->opened = gw_date ("2024-01-01");
  assert_workshop_refused (f, w, "Workshop name: ");
  g_free (w->name);
  w->name = g_strdup ("大俱源村共富工坊");
  assert_workshop_refused (f, w, "Workshop name: another workshop");
  g_free (w->name);
  w->name = g_strdup ("溪口村共富工坊");
  g_free (w->county_code);
  w->county_code = g_strdup ("杭州");
  assert_workshop_refused (f, w, "County: ");
  g_free (w->county_code);
  w->county_code = g_strdup ("龙游");
  g_clear_pointer (&w->host_name, g_free);
  assert_workshop_refused (f, w, "Host: ");
  w->host_name = g_strdup ("溪口村");
  w->opened = gw_date ("2999-01-01");
  assert_workshop_refused (f, w, "Opened: ");
  w->opened = gw_date ("2024-01-01");
  w->closed = gw_date ("2023-12-31");
  assert_workshop_refused (f, w, "Closed: ");
  g_date_clear (&w->closed, 1);
  g_assert_true (fzp_gongfu_workshops_save_workshop (f->context, w, &error));
  g_assert_no_error (error);
  /* The county was given by its short name and is kept by its code. */
  g_assert_cmpstr (w->county_code, ==, LONGYOU);

  found = fzp_gongfu_workshops_find_workshop (f->context, id_text, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found->name, ==, "大俱源村共富工坊");
  g_clear_pointer (&found, fzp_gongfu_workshops_workshop_free);
  found = fzp_gongfu_workshops_find_workshop (f->context, "溪口村共富工坊", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found->county_name, ==, "龙游县");
  g_assert_null (fzp_gongfu_workshops_find_workshop (f->context, "没有这个车间", &error));
  g_assert_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Editing keeps the id; a company host needs its name or the registry's. */
  found->host = FZP_GONGFU_WORKSHOPS_HOST_COMPANY;
  g_clear_pointer (&found->host_name, g_free);
  found->host_organization_id = fz_organization_get_id (g_ptr_array_index (f->organizations, 0));
  found->proper = TRUE;
  g_assert_true (fzp_gongfu_workshops_save_workshop (f->context, found, &error));
  g_assert_no_error (error);
  g_clear_pointer (&found, fzp_gongfu_workshops_workshop_free);
  found = fzp_gongfu_workshops_get_workshop (f->context, w->id, &error);
  g_assert_true (found->proper);
  g_assert_cmpstr (found->host_organization_name, ==,
                   fz_organization_get_name (g_ptr_array_index (f->organizations, 0)));
}

/* One workshop at a time: joining a second one, or the same twice, is refused. */
static void
test_join_twice (GwFixture     *f,
                 gconstpointer  data)
{
  gint64 a = gw_add_workshop (f, "甲车间", KECHENG, "2024-01-01");
  gint64 b = gw_add_workshop (f, "乙车间", LONGYOU, "2024-01-01");
  g_autoptr(GError) error = NULL;
  GDate day = gw_date ("2024-05-01");

  gw_join (f, a, 0, "2024-03-01");
  g_assert_cmpint (fzp_gongfu_workshops_join (f->context, b, gw_person_id (f, 0), &day, &error), ==, 0);
  g_assert_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "甲车间"));
  g_clear_error (&error);
  g_assert_cmpint (fzp_gongfu_workshops_join (f->context, a, gw_person_id (f, 0), &day, &error), ==, 0);
  g_assert_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM gongfu_workshops_spell"), ==, 1);
  /* Before the workshop opened, or in the future: refused too. */
  day = gw_date ("2023-12-31");
  g_assert_cmpint (fzp_gongfu_workshops_join (f->context, b, gw_person_id (f, 1), &day, &error), ==, 0);
  g_assert_true (g_str_has_prefix (error->message, "Joined: "));
  g_clear_error (&error);
  day = gw_date ("2999-01-01");
  g_assert_cmpint (fzp_gongfu_workshops_join (f->context, b, gw_person_id (f, 1), &day, &error), ==, 0);
  g_clear_error (&error);
  /* Leaving with nowhere to leave from. */
  g_assert_false (fzp_gongfu_workshops_leave (f->context, gw_person_id (f, 1), NULL, NULL, &error));
  g_assert_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_CONFLICT);
}

/* Leaving and joining again keeps both spells; moving on the next day is
 * no new placement, coming back after a gap is. */
static void
test_leave_and_rejoin (GwFixture     *f,
                       gconstpointer  data)
{
  gint64 a = gw_add_workshop (f, "甲车间", KECHENG, "2024-01-01");
  gint64 b = gw_add_workshop (f, "乙车间", LONGYOU, "2024-01-01");
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) now = NULL;
  g_autoptr(GError) error = NULL;
  GDate left = gw_date ("2024-06-30");
  GDate july = gw_date ("2024-07-15");
  FzpGongfuWorkshopsFigures fig;

  gw_join (f, a, 0, "2024-03-01");
  g_assert_true (fzp_gongfu_workshops_leave (f->context, gw_person_id (f, 0), &left, "外出务工", &error));
  g_assert_no_error (error);
  now = fzp_gongfu_workshops_list_workers (f->context, a, &july, &error);
  g_assert_cmpuint (now->len, ==, 0);
  g_clear_pointer (&now, g_ptr_array_unref);
  gw_join (f, a, 0, "2024-09-01");
  history = fzp_gongfu_workshops_list_workers (f->context, a, NULL, &error);
  g_assert_cmpuint (history->len, ==, 2);
  /* Newest first: the open spell, then the one that ended with its reason. */
  g_assert_false (g_date_valid (&((FzpGongfuWorkshopsWorker *) g_ptr_array_index (history, 0))->left));
  g_assert_cmpstr (((FzpGongfuWorkshopsWorker *) g_ptr_array_index (history, 1))->leave_reason, ==, "外出务工");

  /* Placed once in 2024 although joined twice. */
  fig = figures (f, 0, NULL, 2024, 0);
  g_assert_cmpuint (fig.placed, ==, 1);
  g_assert_cmpuint (fig.workers, ==, 1);

  /* A second person moves from 甲 to 乙 the next day: one placement. */
  gw_join (f, a, 1, "2024-02-01");
  left = gw_date ("2024-04-30");
  g_assert_true (fzp_gongfu_workshops_leave (f->context, gw_person_id (f, 1), &left, NULL, &error));
  gw_join (f, b, 1, "2024-05-01");
  fig = figures (f, 0, NULL, 2024, 0);
  g_assert_cmpuint (fig.placed, ==, 2);
  fig = figures (f, b, NULL, 2024, 0);
  g_assert_cmpuint (fig.placed, ==, 0);
  g_assert_cmpuint (fig.workers, ==, 1);
  /* Counted in the year they began, not the next. */
  fig = figures (f, 0, NULL, 2025, 0);
  g_assert_cmpuint (fig.placed, ==, 0);
}

static void
test_month_pay (GwFixture     *f,
                gconstpointer  data)
{
  gint64 a = gw_add_workshop (f, "甲车间", KECHENG, "2024-01-01");
  gint64 spell0 = gw_join (f, a, 0, "2024-01-01");
  gint64 spell1 = gw_join (f, a, 1, "2024-03-10");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) march = NULL;
  g_autoptr(GPtrArray) april = NULL;
  FzpGongfuWorkshopsPayEntry entries[] = {
    { spell0, 0, FALSE, FZP_GONGFU_WORKSHOPS_BASIS_PIECE, 1200, 210050, "赶工" },
    { spell1, 0, FALSE, FZP_GONGFU_WORKSHOPS_BASIS_HOUR, 60, 120000, NULL },
  };
  guint changed = 99;

  g_assert_true (fzp_gongfu_workshops_save_month (f->context, a, 2024, 3, entries, 2, &changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 2);
  /* The same again changes nothing. */
  g_assert_true (fzp_gongfu_workshops_save_month (f->context, a, 2024, 3, entries, 2, &changed, &error));
  g_assert_cmpuint (changed, ==, 0);

  march = fzp_gongfu_workshops_list_month (f->context, a, 2024, 3, &error);
  g_assert_cmpuint (march->len, ==, 2);
  g_assert_true (((FzpGongfuWorkshopsWorker *) g_ptr_array_index (march, 0))->has_pay);
  g_assert_cmpint (((FzpGongfuWorkshopsWorker *) g_ptr_array_index (march, 0))->amount, ==, 210050);
  g_assert_cmpstr (((FzpGongfuWorkshopsWorker *) g_ptr_array_index (march, 0))->note, ==, "赶工");
  /* Next month's form starts with each worker's last basis. */
  april = fzp_gongfu_workshops_list_month (f->context, a, 2024, 4, &error);
  g_assert_false (((FzpGongfuWorkshopsWorker *) g_ptr_array_index (april, 1))->has_pay);
  g_assert_cmpint (((FzpGongfuWorkshopsWorker *) g_ptr_array_index (april, 1))->basis, ==, FZP_GONGFU_WORKSHOPS_BASIS_HOUR);

  /* All or nothing: a good row and a wrong one write neither. */
  entries[0].amount = 250000;
  entries[1].quantity = 0;
  g_assert_false (fzp_gongfu_workshops_save_month (f->context, a, 2024, 3, entries, 2, &changed, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT amount FROM gongfu_workshops_pay WHERE month = '2024-03' ORDER BY amount DESC LIMIT 1"),
                   ==, 210050);

  /* A month before the person joined, and one that has not begun. */
  {
    FzpGongfuWorkshopsPayEntry feb = { spell1, 0, FALSE, FZP_GONGFU_WORKSHOPS_BASIS_PIECE, 10, 100, NULL };
    FzpGongfuWorkshopsPayEntry later = { spell0, 0, FALSE, FZP_GONGFU_WORKSHOPS_BASIS_PIECE, 10, 100, NULL };

    g_assert_false (fzp_gongfu_workshops_save_month (f->context, a, 2024, 2, &feb, 1, NULL, &error));
    g_assert_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_CONFLICT);
    g_clear_error (&error);
    g_assert_false (fzp_gongfu_workshops_save_month (f->context, a, gw_this_year () + 1, 1, &later, 1, NULL, &error));
    g_assert_nonnull (strstr (error->message, "has not begun"));
    g_clear_error (&error);
  }

  /* Given twice in one save. */
  {
    FzpGongfuWorkshopsPayEntry twice[] = {
      { spell0, 0, FALSE, FZP_GONGFU_WORKSHOPS_BASIS_PIECE, 10, 100, NULL },
      { 0, gw_person_id (f, 0), FALSE, FZP_GONGFU_WORKSHOPS_BASIS_PIECE, 20, 200, NULL },
    };
    g_assert_false (fzp_gongfu_workshops_save_month (f->context, a, 2024, 4, twice, 2, NULL, &error));
    g_assert_nonnull (strstr (error->message, "twice"));
    g_clear_error (&error);
  }

  /* Clearing a record: the row left empty. */
  {
    FzpGongfuWorkshopsPayEntry clear = { spell1, 0, TRUE, FZP_GONGFU_WORKSHOPS_BASIS_NONE, 0, 0, NULL };
    g_assert_true (fzp_gongfu_workshops_save_month (f->context, a, 2024, 3, &clear, 1, &changed, &error));
    g_assert_cmpuint (changed, ==, 1);
    g_assert_cmpint (count (f, "SELECT count(*) FROM gongfu_workshops_pay"), ==, 1);
  }

  /* A person cannot leave before a month they were paid for. */
  {
    GDate feb = gw_date ("2024-02-29");
    g_assert_false (fzp_gongfu_workshops_leave (f->context, gw_person_id (f, 0), &feb, NULL, &error));
    g_assert_nonnull (strstr (error->message, "2024-03"));
  }
}

/* A month with no work is recorded as such: not an average's zero, not
 * below the minimum wage, but counted. */
static void
test_month_with_no_work (GwFixture     *f,
                         gconstpointer  data)
{
  gint64 a = gw_add_workshop (f, "甲车间", KECHENG, "2024-01-01");
  FzpGongfuWorkshopsFigures fig;

  gw_join (f, a, 0, "2024-01-01");
  gw_join (f, a, 1, "2024-01-01");
  gw_pay (f, a, 2024, 5, 0, FZP_GONGFU_WORKSHOPS_BASIS_PIECE, 0, 0);
  gw_pay (f, a, 2024, 5, 1, FZP_GONGFU_WORKSHOPS_BASIS_PIECE, 1000, 250000);
  fig = figures (f, a, NULL, 2024, 5);
  g_assert_cmpuint (fig.pay.n_records, ==, 2);
  g_assert_cmpuint (fig.pay.n_no_work, ==, 1);
  g_assert_cmpuint (fig.pay.n_compared, ==, 1);
  g_assert_cmpuint (fig.pay.n_below, ==, 0);
  g_assert_cmpint (fzp_gongfu_workshops_pay_figures_average (&fig.pay), ==, 250000);
  g_assert_cmpint (fig.pay.total_fen, ==, 250000);
  /* A month nobody entered is no record at all. */
  fig = figures (f, a, NULL, 2024, 6);
  g_assert_cmpuint (fig.pay.n_records, ==, 0);
  g_assert_cmpint (fzp_gongfu_workshops_pay_figures_average (&fig.pay), ==, 0);
}

/* Compared with the minimum wage of the workshop's county, as the dated
 * rules of libfuzhu have it on the month's first day. */
static void
test_minimum_wage_by_county (GwFixture     *f,
                             gconstpointer  data)
{
  gint64 kecheng = gw_add_workshop (f, "柯城车间", KECHENG, "2024-01-01");
  gint64 longyou = gw_add_workshop (f, "龙游车间", LONGYOU, "2024-01-01");
  g_autoptr(GError) error = NULL;
  FzpGongfuWorkshopsFigures fig;
  GDate june = gw_date ("2024-06-01");

  gw_join (f, kecheng, 0, "2024-01-01");
  gw_join (f, longyou, 1, "2024-01-01");
  gw_join (f, longyou, 2, "2024-05-20");
  /* 2000 yuan: below 柯城's 2070, above 龙游's 1840. */
  gw_pay (f, kecheng, 2024, 5, 0, FZP_GONGFU_WORKSHOPS_BASIS_PIECE, 800, 200000);
  gw_pay (f, longyou, 2024, 5, 1, FZP_GONGFU_WORKSHOPS_BASIS_PIECE, 800, 200000);
  /* Joined midway: part of the month, not compared. */
  gw_pay (f, longyou, 2024, 5, 2, FZP_GONGFU_WORKSHOPS_BASIS_PIECE, 100, 30000);
  /* By the hour: 100 hours for 1,790 yuan is 17.90 an hour, under 龙游's 18. */
  gw_pay (f, longyou, 2024, 6, 1, FZP_GONGFU_WORKSHOPS_BASIS_HOUR, 100, 179000);

  fig = figures (f, 0, KECHENG, 2024, 5);
  g_assert_cmpuint (fig.pay.n_compared, ==, 1);
  g_assert_cmpuint (fig.pay.n_below, ==, 1);
  fig = figures (f, 0, LONGYOU, 2024, 5);
  g_assert_cmpuint (fig.pay.n_records, ==, 2);
  g_assert_cmpuint (fig.pay.n_compared, ==, 1);
  g_assert_cmpuint (fig.pay.n_below, ==, 0);
  fig = figures (f, 0, LONGYOU, 2024, 6);
  g_assert_cmpuint (fig.pay.n_below_hourly, ==, 1);
  g_assert_cmpuint (fig.pay.n_below, ==, 1);

  /* An administrator raises tier 3 from June: May stays as it was. */
  g_assert_true (fz_rules_set_minimum_wage (f->db, 3, &june, 2100, 21, &error));
  g_assert_no_error (error);
  gw_pay (f, longyou, 2024, 6, 1, FZP_GONGFU_WORKSHOPS_BASIS_PIECE, 900, 200000);
  fig = figures (f, 0, LONGYOU, 2024, 6);
  g_assert_cmpuint (fig.pay.n_below, ==, 1);
  fig = figures (f, 0, LONGYOU, 2024, 5);
  g_assert_cmpuint (fig.pay.n_below, ==, 0);

  /* The year: every record, the average of whole months. */
  fig = figures (f, 0, NULL, 2024, 0);
  g_assert_cmpuint (fig.pay.n_records, ==, 4);
  g_assert_cmpint (fig.pay.total_fen, ==, 630000);
  g_assert_cmpuint (fig.pay.n_compared, ==, 3);
  g_assert_cmpint (fzp_gongfu_workshops_pay_figures_average (&fig.pay), ==, 200000);
  g_assert_cmpuint (fig.pay.n_below, ==, 2);
}

static void
test_close_workshop (GwFixture     *f,
                     gconstpointer  data)
{
  gint64 a = gw_add_workshop (f, "甲车间", KECHENG, "2024-01-01");
  g_autoptr(GError) error = NULL;
  GDate closed = gw_date ("2024-08-31");
  GDate later = gw_date ("2024-09-01");
  FzpGongfuWorkshopsFigures fig;

  gw_join (f, a, 0, "2024-01-01");
  gw_join (f, a, 1, "2024-02-01");
  gw_pay (f, a, 2024, 9, 1, FZP_GONGFU_WORKSHOPS_BASIS_PIECE, 10, 1000);
  /* Pay recorded after the day: refused, nothing changed. */
  g_assert_false (fzp_gongfu_workshops_close_workshop (f->context, a, &closed, &error));
  g_assert_nonnull (strstr (error->message, "2024-08-31"));
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM gongfu_workshops_spell WHERE left_on IS NULL"), ==, 2);
  {
    FzpGongfuWorkshopsPayEntry clear = { 0, gw_person_id (f, 1), TRUE, FZP_GONGFU_WORKSHOPS_BASIS_NONE, 0, 0, NULL };
    g_assert_true (fzp_gongfu_workshops_save_month (f->context, a, 2024, 9, &clear, 1, NULL, &error));
  }
  g_assert_true (fzp_gongfu_workshops_close_workshop (f->context, a, &closed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM gongfu_workshops_spell WHERE left_on = '2024-08-31'"), ==, 2);
  g_assert_cmpint (fzp_gongfu_workshops_join (f->context, a, gw_person_id (f, 2), &later, &error), ==, 0);
  g_assert_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (fzp_gongfu_workshops_close_workshop (f->context, a, &later, &error));
  g_clear_error (&error);
  fig = figures (f, 0, NULL, 2024, 0);
  g_assert_cmpuint (fig.workshops, ==, 0);
  g_assert_cmpuint (fig.workers, ==, 0);
  g_assert_cmpuint (fig.placed, ==, 2);
  /* Its persons may work elsewhere now. */
  gw_join (f, gw_add_workshop (f, "乙车间", KECHENG, "2024-01-01"), 0, "2024-09-01");
}

static void
test_standard_is_dated_data (GwFixture     *f,
                             gconstpointer  data)
{
  FzpGongfuWorkshopsStandard s = { gw_date ("2026-01-01"), 8 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) list = NULL;
  GDate eve = gw_date ("2025-12-31");
  GDate first = gw_date ("2026-01-01");

  g_assert_true (fzp_gongfu_workshops_set_standard (f->context, &s, &error));
  g_assert_no_error (error);
  g_assert_true (fzp_gongfu_workshops_get_standard (f->context, &eve, &s, &error));
  g_assert_cmpuint (s.min_workers, ==, 5);
  g_assert_true (fzp_gongfu_workshops_get_standard (f->context, &first, &s, &error));
  g_assert_cmpuint (s.min_workers, ==, 8);
  s.min_workers = 6;
  g_assert_true (fzp_gongfu_workshops_set_standard (f->context, &s, &error));
  list = fzp_gongfu_workshops_list_standards (f->context, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpuint (g_array_index (list, FzpGongfuWorkshopsStandard, 1).min_workers, ==, 6);
}

static void
test_orders (GwFixture     *f,
             gconstpointer  data)
{
  gint64 a = gw_add_workshop (f, "甲车间", KECHENG, "2024-01-01");
  FzOrganization *company = g_ptr_array_index (f->organizations, 2);
  g_autoptr(FzpGongfuWorkshopsOrder) order = g_new0 (FzpGongfuWorkshopsOrder, 1);
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(GPtrArray) orders = NULL;
  g_autoptr(GError) error = NULL;

  order->workshop_id = a;
  order->organization_id = fz_organization_get_id (company);
  order->product = g_strdup ("藤编收纳篮");
  order->quantity = 5000;
  order->value = 2500000;
  order->starts = gw_date ("2024-05-01");
  order->ends = gw_date ("2024-04-30");
  g_assert_false (fzp_gongfu_workshops_add_order (f->context, order, &error));
  g_assert_true (g_str_has_prefix (error->message, "Period: "));
  g_clear_error (&error);
  order->ends = gw_date ("2024-05-01");
  order->quantity = 0;
  g_assert_false (fzp_gongfu_workshops_add_order (f->context, order, &error));
  g_assert_true (g_str_has_prefix (error->message, "Quantity: "));
  g_clear_error (&error);
  order->quantity = 5000;
  g_assert_true (fzp_gongfu_workshops_add_order (f->context, order, &error));
  g_assert_no_error (error);

  /* The company that sends an order is a partner from then on. */
  partners = fzp_gongfu_workshops_list_partners (f->context, a, &error);
  g_assert_cmpuint (partners->len, ==, 1);
  g_assert_cmpint (fz_organization_get_id (g_ptr_array_index (partners, 0)), ==, fz_organization_get_id (company));
  orders = fzp_gongfu_workshops_list_orders (f->context, a, &error);
  g_assert_cmpuint (orders->len, ==, 1);
  g_assert_cmpstr (((FzpGongfuWorkshopsOrder *) g_ptr_array_index (orders, 0))->organization_name, ==,
                   fz_organization_get_name (company));

  g_assert_true (fzp_gongfu_workshops_set_partner (f->context, a, fz_organization_get_id (company), FALSE, &error));
  g_clear_pointer (&partners, g_ptr_array_unref);
  partners = fzp_gongfu_workshops_list_partners (f->context, a, &error);
  g_assert_cmpuint (partners->len, ==, 0);
}

static void
test_lookup (GwFixture     *f,
             gconstpointer  data)
{
  FzPerson *p = gw_person (f, 3);
  FzOrganization *o = g_ptr_array_index (f->organizations, 1);
  g_autoptr(FzPerson) by_id = NULL;
  g_autoptr(FzPerson) by_cert = NULL;
  g_autoptr(FzOrganization) by_name = NULL;
  g_autoptr(FzOrganization) by_code = NULL;
  g_autoptr(GError) error = NULL;

  by_id = fzp_gongfu_workshops_lookup_person (f->context, fz_person_get_id_number (p), &error);
  g_assert_no_error (error);
  g_assert_cmpint (fz_person_get_id (by_id), ==, fz_person_get_id (p));
  if (fz_person_get_cert_number (p))
    {
      by_cert = fzp_gongfu_workshops_lookup_person (f->context, fz_person_get_cert_number (p), &error);
      g_assert_no_error (error);
      g_assert_cmpint (fz_person_get_id (by_cert), ==, fz_person_get_id (p));
    }
  g_assert_null (fzp_gongfu_workshops_lookup_person (f->context, "11010519491231002X", &error));
  g_assert_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (fzp_gongfu_workshops_lookup_person (f->context, "123", &error));
  g_assert_true (g_str_has_prefix (error->message, "Person: "));
  g_clear_error (&error);
  g_assert_null (fzp_gongfu_workshops_lookup_person (f->context, "没有此人", &error));
  g_clear_error (&error);

  by_name = fzp_gongfu_workshops_lookup_organization (f->context, fz_organization_get_name (o), &error);
  g_assert_no_error (error);
  g_assert_cmpint (fz_organization_get_id (by_name), ==, fz_organization_get_id (o));
  if (fz_organization_get_credit_code (o))
    {
      by_code = fzp_gongfu_workshops_lookup_organization (f->context, fz_organization_get_credit_code (o), &error);
      g_assert_no_error (error);
      g_assert_cmpint (fz_organization_get_id (by_code), ==, fz_organization_get_id (o));
    }
  g_assert_null (fzp_gongfu_workshops_lookup_organization (f->context, "没有这家公司", &error));
  g_assert_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_NOT_FOUND);
}

static void
test_indicators (GwFixture     *f,
                 gconstpointer  data)
{
  FzPluginEntry *entry = fz_plugin_manager_find (f->manager, FZP_GONGFU_WORKSHOPS_OWNER);
  FzMeasure *measure = fz_plugin_entry_get_measure (entry);
  const FzMeasureInfo *info = fz_measure_get_info (measure);
  g_autoptr(FzIndicatorValues) values = fz_indicator_values_new ();
  g_autoptr(GError) error = NULL;
  gint64 kecheng = gw_add_workshop (f, "柯城车间", KECHENG, "2024-01-01");
  gint64 longyou = gw_add_workshop (f, "龙游车间", LONGYOU, "2024-01-01");
  const FzIndicatorInfo *placements = NULL, *average = NULL, *workers = NULL, *below = NULL;
  GDate left = gw_date ("2024-03-31");

  for (guint i = 0; i < info->n_indicators; i++)
    {
      const FzIndicatorInfo *ind = &info->indicators[i];

      /* The registry counts new employment by its dates: none of these adds to it. */
      g_assert_null (ind->target);
      if (g_str_equal (ind->id, "placements"))
        placements = ind;
      else if (g_str_equal (ind->id, "pay-average"))
        average = ind;
      else if (g_str_equal (ind->id, "workers"))
        workers = ind;
      else if (g_str_equal (ind->id, "below-minimum"))
        below = ind;
    }
  g_assert_nonnull (placements);
  g_assert_cmpint (placements->flags, ==, FZ_INDICATOR_SUM);
  g_assert_cmpint (average->flags, ==, FZ_INDICATOR_OWN | FZ_INDICATOR_LEVEL);
  g_assert_cmpint (workers->flags, ==, FZ_INDICATOR_LEVEL);
  g_assert_nonnull (below);

  /* One person placed in 柯城, then in 龙游 after a gap, beside another. */
  gw_join (f, kecheng, 0, "2024-01-01");
  g_assert_true (fzp_gongfu_workshops_leave (f->context, gw_person_id (f, 0), &left, NULL, &error));
  gw_join (f, longyou, 0, "2024-06-01");
  gw_join (f, longyou, 1, "2024-01-01");
  gw_pay (f, kecheng, 2024, 2, 0, FZP_GONGFU_WORKSHOPS_BASIS_PIECE, 800, 200000);
  gw_pay (f, longyou, 2024, 2, 1, FZP_GONGFU_WORKSHOPS_BASIS_PIECE, 800, 300000);

  g_assert_true (fz_measure_compute_indicators (measure, f->context, 2024, values, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (fz_indicator_values_get (values, placements, KECHENG), ==, 1);
  g_assert_cmpfloat (fz_indicator_values_get (values, placements, LONGYOU), ==, 2);
  /* Each county counts its placements; the city adds them up. */
  g_assert_cmpfloat (fz_indicator_values_get (values, placements, FZ_CITY_CODE), ==, 3);
  g_assert_cmpfloat (fz_indicator_values_get (values, workers, FZ_CITY_CODE), ==, 2);
  g_assert_cmpfloat (fz_indicator_values_get (values, workers, KECHENG), ==, 0);
  g_assert_cmpfloat (fz_indicator_values_get (values, average, KECHENG), ==, 2000);
  g_assert_cmpfloat (fz_indicator_values_get (values, average, FZ_CITY_CODE), ==, 2500);
  g_assert_cmpfloat (fz_indicator_values_get (values, below, FZ_CITY_CODE), ==, 1);
}

/* On the dashboard: levels are the year's, counts add up over the plan's years. */
static void
test_dashboard_figures (GwFixture     *f,
                        gconstpointer  data)
{
  g_autoptr(FzFigures) all = NULL;
  g_autoptr(GError) error = NULL;
  const FzFigure *workers, *placements, *average;
  gint64 a = gw_add_workshop (f, "甲车间", KECHENG, "2022-01-01");

  gw_join (f, a, 0, "2022-03-01");
  gw_join (f, a, 1, "2023-03-01");
  gw_pay (f, a, 2023, 5, 0, FZP_GONGFU_WORKSHOPS_BASIS_PIECE, 800, 250050);
  all = fz_figures_compute (f->manager, 2022, 2024, &error);
  g_assert_no_error (error);
  workers = fz_figures_find (all, "gongfu-workshops/workers");
  placements = fz_figures_find (all, "gongfu-workshops/placements");
  average = fz_figures_find (all, "gongfu-workshops/pay-average");
  g_assert_nonnull (workers);
  g_assert_cmpint (workers->kind, ==, FZ_TARGET_LEVEL);
  g_assert_null (workers->target_key);
  /* Two persons work there at the end of 2024: two, not 1 + 2 + 2. */
  g_assert_cmpfloat (fz_figure_to_date (workers, all, 2024, FZ_CITY_CODE), ==, 2);
  g_assert_cmpfloat (fz_figure_to_date (placements, all, 2024, FZ_CITY_CODE), ==, 2);
  g_assert_cmpfloat (fz_figure_get (placements, 2023, KECHENG), ==, 1);
  g_assert_cmpint (average->kind, ==, FZ_TARGET_LEVEL);
  g_assert_cmpfloat (fz_figure_get (average, 2023, FZ_CITY_CODE), ==, 2500.5);
  g_assert_cmpfloat (fz_figure_to_date (average, all, 2024, FZ_CITY_CODE), ==, 0);
}

/* Import */

static char *
write_file (GwFixture  *f,
            const char *name,
            const char *contents,
            const char *encoding)
{
  char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  if (encoding)
    {
      gsize length = 0;
      g_autofree char *converted = g_convert (contents, -1, encoding, "UTF-8", NULL, &length, &error);

      g_assert_no_error (error);
      g_assert_true (g_file_set_contents (path, converted, (gssize) length, &error));
    }
  else
    g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
  return path;
}

static FzpGongfuWorkshopsImportResult *
import_ok (GwFixture  *f,
           const char *path,
           gint64      workshop_id,
           guint       year,
           guint       month)
{
  FzpGongfuWorkshopsImportResult *result = NULL;
  g_autoptr(GError) error = NULL;

  if (!fzp_gongfu_workshops_import_pay (f->context, path, workshop_id, year, month, &result, &error))
    {
      for (guint i = 0; result && i < result->problems->len; i++)
        g_printerr ("%s\n", fzp_gongfu_workshops_import_result_format_problem (result, i));
      g_error ("%s", error->message);
    }
  return result;
}

static void
test_import_month (GwFixture     *f,
                   gconstpointer  data)
{
  gint64 a = gw_add_workshop (f, "甲车间", KECHENG, "2024-01-01");
  g_autoptr(FzpGongfuWorkshopsImportResult) first = NULL;
  g_autoptr(FzpGongfuWorkshopsImportResult) again = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *path = NULL;

  gw_join (f, a, 0, "2024-01-01");
  gw_join (f, a, 1, "2024-01-01");
  gw_join (f, a, 2, "2024-01-01");
  /* Pieces and hours in their own columns; a blank row is a worker not filled in yet. */
  csv = g_strdup_printf ("姓名,身份证号,件数,工时,应发金额（元）,备注\n"
                         "%s,%s,1200,,\"2,100.50\",赶工\n"
                         "%s,%s,,80,1600,\n"
                         "%s,%s,,,,\n",
                         fz_person_get_name (gw_person (f, 0)), fz_person_get_id_number (gw_person (f, 0)),
                         fz_person_get_name (gw_person (f, 1)), fz_person_get_id_number (gw_person (f, 1)),
                         fz_person_get_name (gw_person (f, 2)), fz_person_get_id_number (gw_person (f, 2)));
  path = write_file (f, "pay.csv", csv, "GB18030");
  first = import_ok (f, path, a, 2024, 4);
  g_assert_cmpstr (first->encoding, ==, "GB18030");
  g_assert_cmpuint (first->n_saved, ==, 2);
  g_assert_cmpuint (first->n_skipped, ==, 1);
  g_assert_cmpint (count (f, "SELECT sum(amount) FROM gongfu_workshops_pay WHERE month = '2024-04'"), ==, 370050);
  g_assert_cmpint (count (f, "SELECT count(*) FROM gongfu_workshops_pay WHERE basis = 'hour' AND quantity = 80"), ==, 1);
  /* The same file again changes nothing. */
  again = import_ok (f, path, a, 2024, 4);
  g_assert_cmpuint (again->n_saved, ==, 0);
  g_assert_cmpuint (again->n_unchanged, ==, 2);
}

static void
test_import_all_or_nothing (GwFixture     *f,
                            gconstpointer  data)
{
  gint64 a = gw_add_workshop (f, "甲车间", KECHENG, "2024-01-01");
  g_autoptr(FzpGongfuWorkshopsImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *path = NULL;
  struct { guint line; const char *start; } expected[] = {
    { 4, "Name: the registry has" },
    { 5, "Identity number: “3.30802E+17”" },
    { 5, "Pieces: -3 is below zero" },
    { 6, "Month: the person did not work" },
    { 7, "Identity number: " },
    { 8, "Basis: “按月”" },
    { 9, "Amount: 10 pieces were made but nothing was paid" },
  };

  gw_join (f, a, 0, "2024-01-01");
  gw_join (f, a, 1, "2024-01-01");
  gw_join (f, a, 3, "2024-04-15");
  gw_join (f, a, 4, "2024-01-01");
  /* Line 2 is good; every other line has something wrong. */
  csv = g_strdup_printf ("月份,计酬方式,数量,金额,身份证号,姓名\n"
                         "2024-04,计件,100,500,%s,%s\n"
                         "\n"
                         "2024-04,计件,100,500,%s,张冠李\n"
                         "2024-04,计件,-3,500,3.30802E+17,\n"
                         "2024-03,计件,100,500,%s,\n"
                         "2024-04,计件,100,500,%s,\n"
                         "2024-04,按月,100,500,%s,\n"
                         "2024-04,计件,10,0,%s,\n",
                         fz_person_get_id_number (gw_person (f, 0)), fz_person_get_name (gw_person (f, 0)),
                         fz_person_get_id_number (gw_person (f, 1)),
                         fz_person_get_id_number (gw_person (f, 3)),
                         fz_person_get_id_number (gw_person (f, 0)),
                         fz_person_get_id_number (gw_person (f, 4)),
                         fz_person_get_id_number (gw_person (f, 4)));
  path = write_file (f, "bad.csv", csv, NULL);
  g_assert_false (fzp_gongfu_workshops_import_pay (f->context, path, a, 0, 0, &result, &error));
  g_assert_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "nothing was imported"));
  g_assert_nonnull (result);
  for (guint i = 0; i < result->problems->len; i++)
    {
      g_autofree char *line = fzp_gongfu_workshops_import_result_format_problem (result, i);
      g_test_message ("%s", line);
    }
  g_assert_cmpuint (result->problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      FzpGongfuWorkshopsProblem *p = &g_array_index (result->problems, FzpGongfuWorkshopsProblem, i);
      g_autofree char *formatted = fzp_gongfu_workshops_import_result_format_problem (result, i);
      g_autofree char *prefix = g_strdup_printf ("%s:%u: %s", path, expected[i].line, expected[i].start);

      g_assert_cmpuint (p->line, ==, expected[i].line);
      if (!g_str_has_prefix (formatted, prefix))
        g_error ("“%s” does not start with “%s”", formatted, prefix);
    }
  /* Line 7 is 0's second row of April: it names line 2. */
  g_assert_nonnull (strstr (g_array_index (result->problems, FzpGongfuWorkshopsProblem, 4).message, "line 2"));
  g_assert_cmpint (count (f, "SELECT count(*) FROM gongfu_workshops_pay"), ==, 0);
}

static void
test_import_headers (GwFixture     *f,
                     gconstpointer  data)
{
  g_autoptr(FzpGongfuWorkshopsImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_file (f, "headers.csv", "姓名,电话,金额,金额（元）\n张三,1,2,3\n", NULL);

  /* No identity, no pieces or hours, two amounts, and no month or workshop given. */
  g_assert_false (fzp_gongfu_workshops_import_pay (f->context, path, 0, 0, 0, &result, &error));
  g_assert_cmpuint (result->problems->len, ==, 5);
  for (guint i = 0; i < result->problems->len; i++)
    g_assert_cmpuint (g_array_index (result->problems, FzpGongfuWorkshopsProblem, i).line, ==, 1);
  g_clear_pointer (&result, fzp_gongfu_workshops_import_result_free);
  g_clear_error (&error);

  g_free (path);
  path = write_file (f, "empty.csv", "姓名,身份证号,件数,金额\n", NULL);
  g_assert_false (fzp_gongfu_workshops_import_pay (f->context, path, 1, 2024, 4, &result, &error));
  g_assert_cmpuint (result->problems->len, ==, 1);
  g_clear_pointer (&result, fzp_gongfu_workshops_import_result_free);
  g_clear_error (&error);

  /* A file that cannot be read: no result, an error. */
  g_assert_false (fzp_gongfu_workshops_import_pay (f->context, "/nonexistent/pay.csv", 1, 2024, 4, &result, &error));
  g_assert_null (result);
  g_assert_nonnull (error);
}

/* The sheet export writes is the sheet import reads: fill it in, bring it back. */
static void
test_export_then_import (GwFixture     *f,
                         gconstpointer  data)
{
  gint64 a = gw_add_workshop (f, "甲车间", KECHENG, "2024-01-01");
  g_autofree char *xlsx = g_build_filename (f->dir, "四月.xlsx", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "四月.csv", NULL);
  g_autoptr(FzpGongfuWorkshopsImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FzTable) table = NULL;
  guint n = 0;

  gw_join (f, a, 0, "2024-01-01");
  gw_join (f, a, 1, "2024-01-01");
  gw_pay (f, a, 2024, 4, 0, FZP_GONGFU_WORKSHOPS_BASIS_HOUR, 37.5, 82500);

  g_assert_true (fzp_gongfu_workshops_export_pay (f->context, csv, a, 2024, 4, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  table = fz_table_read_file (csv, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fz_table_get_encoding (table), ==, "UTF-8 with BOM");
  g_assert_cmpstr (fz_table_get_field (table, 0, 0), ==, "月份");
  g_assert_cmpstr (fz_table_get_field (table, 1, 0), ==, "2024-04");
  g_assert_cmpstr (fz_table_get_field (table, 1, 4), ==, "计时");
  g_assert_cmpstr (fz_table_get_field (table, 1, 5), ==, "37.5");
  g_assert_cmpstr (fz_table_get_field (table, 1, 6), ==, "825.00");
  /* The second worker's row waits to be filled in. */
  g_assert_cmpstr (fz_table_get_field (table, 2, 6), ==, "");
  result = import_ok (f, csv, 0, 0, 0);
  g_assert_cmpuint (result->n_unchanged, ==, 1);
  g_assert_cmpuint (result->n_skipped, ==, 1);
  g_clear_pointer (&result, fzp_gongfu_workshops_import_result_free);

  g_assert_true (fzp_gongfu_workshops_export_pay (f->context, xlsx, a, 2024, 4, &n, &error));
  g_assert_no_error (error);
  if (!fz_table_can_read_xlsx ())
    {
      g_test_skip ("This build reads no XLSX");
      return;
    }
  result = import_ok (f, xlsx, a, 2024, 4);
  g_assert_cmpuint (result->n_unchanged, ==, 1);
  g_assert_cmpstr (result->encoding, ==, "XLSX");
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) \
  g_test_add ("/Fuzhu/Plugins/GongfuWorkshops/data/" name, GwFixture, NULL, gw_fixture_setup, func, gw_fixture_teardown)
  ADD ("schema", test_schema);
  ADD ("workshops", test_workshops);
  ADD ("join-twice", test_join_twice);
  ADD ("leave-and-rejoin", test_leave_and_rejoin);
  ADD ("month-pay", test_month_pay);
  ADD ("month-with-no-work", test_month_with_no_work);
  ADD ("minimum-wage-by-county", test_minimum_wage_by_county);
  ADD ("close-workshop", test_close_workshop);
  ADD ("standard-is-dated-data", test_standard_is_dated_data);
  ADD ("orders", test_orders);
  ADD ("lookup", test_lookup);
  ADD ("indicators", test_indicators);
  ADD ("dashboard-figures", test_dashboard_figures);
  ADD ("import-month", test_import_month);
  ADD ("import-all-or-nothing", test_import_all_or_nothing);
  ADD ("import-headers", test_import_headers);
  ADD ("export-then-import", test_export_then_import);
#undef ADD

  return g_test_run ();
}
