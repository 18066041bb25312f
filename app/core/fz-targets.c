/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-targets"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fz-core-private.h"
#include "fz-database.h"
#include "fz-measure.h"
#include "fz-targets.h"

const FzMigration _fz_targets_migrations[] = {
  { 1,
    "CREATE TABLE fz_plan ("
    "  id TEXT PRIMARY KEY,"
    "  title TEXT NOT NULL,"
    "  document TEXT,"
    "  start_year INTEGER NOT NULL,"
    "  end_year INTEGER NOT NULL,"
    "  CHECK (end_year >= start_year));"
    "CREATE TABLE fz_target_kind ("
    "  key TEXT PRIMARY KEY,"
    "  title TEXT NOT NULL,"
    "  unit TEXT NOT NULL,"
    "  kind TEXT NOT NULL CHECK (kind IN ('count', 'percent')),"
    "  definition TEXT NOT NULL,"
    "  sort INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE fz_target ("
    "  plan TEXT NOT NULL REFERENCES fz_plan(id) ON DELETE CASCADE,"
    "  key TEXT NOT NULL REFERENCES fz_target_kind(key),"
    "  county_code TEXT NOT NULL REFERENCES fz_county(code),"
    "  value REAL NOT NULL CHECK (value >= 0),"
    "  PRIMARY KEY (plan, key, county_code));"
    /* The 2022-2025 plan of the city (衢政办发〔2022〕33号) and its three targets. */
    "INSERT INTO fz_plan VALUES ('2022-2025', '衢州市促进残疾人就业行动方案(2022—2025年)',"
    "  '衢政办发〔2022〕33号', 2022, 2025);"
    "INSERT INTO fz_target_kind VALUES"
    "  ('new-employment', '新增残疾人就业', '人', 'count',"
    "   '登记就业日期在当年内的持证残疾人人数', 1),"
    "  ('new-welfare-posts', '新增残疾人公益性岗位', '个', 'count',"
    "   '当年新设的残疾人公益性岗位数', 2),"
    "  ('employment-rate', '劳动年龄段持证残疾人就业率', '%', 'percent',"
    "   '年末处于劳动年龄段(男16—59岁,女16—54岁)的持证残疾人中已就业者所占比例', 3);"
    "INSERT INTO fz_target VALUES"
    "  ('2022-2025', 'new-employment', '330800', 3600),"
    "  ('2022-2025', 'new-welfare-posts', '330800', 800),"
    "  ('2022-2025', 'employment-rate', '330800', 65);" },
};
const guint _fz_targets_n_migrations = G_N_ELEMENTS (_fz_targets_migrations);

void
fz_target_info_free (FzTargetInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->key);
  g_free (info->title);
  g_free (info->print_title);
  g_free (info->unit);
  g_free (info->definition);
  g_free (info);
}

void
fz_plan_free (FzPlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->id);
  g_free (plan->title);
  g_free (plan->document);
  g_free (plan);
}

FzPlan *
fz_plan_for_year (FzDatabase  *db,
                  int          year,
                  GError     **error)
{
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;
  FzPlan *plan;

  st = fz_database_query (db,
                          "SELECT id, title, document, start_year, end_year FROM fz_plan "
                          "ORDER BY (?1 BETWEEN start_year AND end_year) DESC, end_year DESC LIMIT 1",
                          g_variant_new ("(i)", year), error);
  if (st == NULL)
    return NULL;
  if (!fz_statement_step (st, &local_error))
    {
      if (local_error == NULL)
        g_set_error (&local_error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_NOT_FOUND,
                     _("No plan is recorded: add the plan and its targets first"));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  plan = g_new0 (FzPlan, 1);
  plan->id = fz_statement_dup_text (st, 0);
  plan->title = fz_statement_dup_text (st, 1);
  plan->document = fz_statement_dup_text (st, 2);
  plan->start_year = (int) fz_statement_get_int64 (st, 3);
  plan->end_year = (int) fz_statement_get_int64 (st, 4);
  return plan;
}

static gboolean
save_plan_txn (FzDatabase  *db,
               gpointer     user_data,
               GError     **error)
{
  const FzPlan *plan = user_data;

  return fz_database_execute (db,
                              "INSERT INTO fz_plan (id, title, document, start_year, end_year) "
                              "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (id) DO UPDATE SET "
                              "title = excluded.title, document = excluded.document, "
                              "start_year = excluded.start_year, end_year = excluded.end_year",
                              g_variant_new ("(ssmsii)", plan->id, plan->title, plan->document,
                                             plan->start_year, plan->end_year),
                              error);
}

gboolean
fz_plan_save (FzDatabase    *db,
              const FzPlan  *plan,
              GError       **error)
{
  if (plan->id == NULL || *plan->id == '\0' || plan->title == NULL || *plan->title == '\0')
    {
      g_set_error_literal (error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_CONSTRAINT,
                           _("A plan needs an id and a title"));
      return FALSE;
    }
  if (plan->end_year < plan->start_year)
    {
      g_set_error (error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_CONSTRAINT,
                   _("The plan ends (%d) before it starts (%d)"), plan->end_year, plan->start_year);
      return FALSE;
    }
  return fz_database_transaction (db, save_plan_txn, (gpointer) plan, error);
}

/* The three targets of the plan have titles in the user's language; others
 * an administrator adds keep the title they were given. */
static const struct {
  const char *key;
  const char *title;
  const char *definition;
} known_targets[] = {
  { FZ_TARGET_NEW_EMPLOYMENT, N_("Persons newly employed"),
    N_("Certified persons whose recorded employment started in the year") },
  { FZ_TARGET_NEW_WELFARE_POSTS, N_("New public-welfare posts"),
    N_("Public-welfare posts for persons with disabilities created in the year") },
  { FZ_TARGET_EMPLOYMENT_RATE, N_("Employment rate of working-age certificate holders"),
    N_("Of the certificate holders of working age on 31 December (men 16–59, women 16–54), the share who are employed") },
};

GPtrArray *
fz_target_list_kinds (FzDatabase  *db,
                      GError     **error)
{
  g_autoptr(GPtrArray) kinds = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_target_info_free);
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;

  st = fz_database_query (db, "SELECT key, title, unit, kind, definition FROM fz_target_kind ORDER BY sort, key",
                          NULL, error);
  if (st == NULL)
    return NULL;
  while (fz_statement_step (st, &local_error))
    {
      FzTargetInfo *info = g_new0 (FzTargetInfo, 1);

      info->key = fz_statement_dup_text (st, 0);
      info->title = fz_statement_dup_text (st, 1);
      info->print_title = fz_statement_dup_text (st, 1);
      info->unit = fz_statement_dup_text (st, 2);
      info->kind = g_str_equal (fz_statement_get_text (st, 3), "percent") ? FZ_TARGET_PERCENT : FZ_TARGET_COUNT;
      info->definition = fz_statement_dup_text (st, 4);
      for (guint i = 0; i < G_N_ELEMENTS (known_targets); i++)
        if (g_str_equal (info->key, known_targets[i].key))
          {
            g_free (info->title);
            g_free (info->definition);
            info->title = g_strdup (_(known_targets[i].title));
            info->definition = g_strdup (_(known_targets[i].definition));
          }
      g_ptr_array_add (kinds, info);
    }
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&kinds);
}

gboolean
fz_target_get (FzDatabase  *db,
               const char  *plan_id,
               const char  *key,
               const char  *county_code,
               double      *value,
               gboolean    *found,
               GError     **error)
{
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;

  *found = FALSE;
  *value = 0;
  st = fz_database_query (db, "SELECT value FROM fz_target WHERE plan = ?1 AND key = ?2 AND county_code = ?3",
                          g_variant_new ("(sss)", plan_id, key, county_code), error);
  if (st == NULL)
    return FALSE;
  if (fz_statement_step (st, &local_error))
    {
      *value = fz_statement_get_double (st, 0);
      *found = TRUE;
    }
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

typedef struct {
  const char *plan_id;
  const char *key;
  const char *county_code;
  double      value;
} SetTarget;

static gboolean
set_target_txn (FzDatabase  *db,
                gpointer     user_data,
                GError     **error)
{
  SetTarget *set = user_data;
  gboolean found = FALSE;
  gint64 percent = 0;

  if (!fz_database_query_int64 (db, "SELECT kind = 'percent' FROM fz_target_kind WHERE key = ?1",
                                g_variant_new ("(s)", set->key), &percent, &found, error))
    return FALSE;
  if (!found)
    {
      g_set_error (error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_NOT_FOUND,
                   _("Target: there is no target “%s”"), set->key);
      return FALSE;
    }
  if (!fz_database_query_int64 (db, "SELECT 1 FROM fz_plan WHERE id = ?1",
                                g_variant_new ("(s)", set->plan_id), NULL, &found, error))
    return FALSE;
  if (!found)
    {
      g_set_error (error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_NOT_FOUND,
                   _("Plan: there is no plan “%s”"), set->plan_id);
      return FALSE;
    }
  if (!fz_database_query_int64 (db, "SELECT 1 FROM fz_county WHERE code = ?1",
                                g_variant_new ("(s)", set->county_code), NULL, &found, error))
    return FALSE;
  if (!found)
    {
      g_set_error (error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_NOT_FOUND,
                   _("County: “%s” is not a county of the city"), set->county_code);
      return FALSE;
    }
  if (percent && set->value > 100)
    {
      g_set_error (error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_CONSTRAINT,
                   _("Target: a rate cannot be over 100%%, not %g"), set->value);
      return FALSE;
    }

  if (set->value < 0)
    return fz_database_execute (db, "DELETE FROM fz_target WHERE plan = ?1 AND key = ?2 AND county_code = ?3",
                                g_variant_new ("(sss)", set->plan_id, set->key, set->county_code), error);
  return fz_database_execute (db,
                              "INSERT INTO fz_target (plan, key, county_code, value) VALUES (?1, ?2, ?3, ?4) "
                              "ON CONFLICT (plan, key, county_code) DO UPDATE SET value = excluded.value",
                              g_variant_new ("(sssd)", set->plan_id, set->key, set->county_code, set->value),
                              error);
}

gboolean
fz_target_set (FzDatabase  *db,
               const char  *plan_id,
               const char  *key,
               const char  *county_code,
               double       value,
               GError     **error)
{
  SetTarget set = { plan_id, key, county_code ? county_code : FZ_CITY_CODE, value };

  return fz_database_transaction (db, set_target_txn, &set, error);
}
