/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-rural-bases"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fzp-rural-bases-store.h"

/* The tables start with the measure's id in snake_case. A released step is
 * never edited: a change is a new step at the end. The recognition
 * standards and the homestay rule are data with effective dates, seeded
 * with defaults an administrator is expected to replace: no official
 * standard was found (DOMAIN.md marks them open). */
const FzMigration fzp_rural_bases_migrations[] = {
  { 1,
    "CREATE TABLE rural_bases_base ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),"
    "  county_code TEXT NOT NULL REFERENCES fz_county(code),"
    "  township TEXT NOT NULL CHECK (length(township) BETWEEN 1 AND 50),"
    "  village TEXT CHECK (village IS NULL OR length(village) BETWEEN 1 AND 50),"
    "  industry TEXT NOT NULL CHECK (industry IN ('planting', 'breeding', 'processing', 'tourism',"
    "    'ecommerce', 'logistics', 'handicraft', 'other')),"
    "  operator_organization_id INTEGER REFERENCES fz_organization(id),"
    "  operator_person_id INTEGER REFERENCES fz_person(id),"
    "  operator_name TEXT CHECK (operator_name IS NULL OR length(operator_name) BETWEEN 1 AND 100),"
    "  phone TEXT,"
    "  founded_on TEXT NOT NULL CHECK (length(founded_on) = 10),"
    "  closed_on TEXT CHECK (closed_on IS NULL OR closed_on >= founded_on),"
    "  homestay INTEGER NOT NULL DEFAULT 0 CHECK (homestay IN (0, 1)),"
    "  note TEXT,"
    "  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
    "  updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
    "  UNIQUE (county_code, name),"
    "  CHECK ((operator_organization_id IS NOT NULL) + (operator_person_id IS NOT NULL)"
    "         + (operator_name IS NOT NULL) = 1));"
    "CREATE INDEX rural_bases_base_county ON rural_bases_base (county_code);"
    "CREATE TABLE rural_bases_recognition ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  base_id INTEGER NOT NULL REFERENCES rural_bases_base(id),"
    "  level TEXT NOT NULL CHECK (level IN ('county', 'city', 'province', 'high-standard')),"
    "  recognized_on TEXT NOT NULL CHECK (length(recognized_on) = 10),"
    "  document_number TEXT,"
    "  exception TEXT,"
    "  withdrawn_on TEXT CHECK (withdrawn_on IS NULL OR withdrawn_on >= recognized_on),"
    "  withdrawn_reason TEXT CHECK ((withdrawn_on IS NULL) = (withdrawn_reason IS NULL)),"
    "  recorded_by TEXT NOT NULL,"
    "  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));"
    /* One standing recognition a level. */
    "CREATE UNIQUE INDEX rural_bases_recognition_standing ON rural_bases_recognition (base_id, level)"
    "  WHERE withdrawn_on IS NULL;"
    "CREATE INDEX rural_bases_recognition_base ON rural_bases_recognition (base_id);"
    "CREATE TABLE rural_bases_employment ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  base_id INTEGER NOT NULL REFERENCES rural_bases_base(id),"
    "  person_id INTEGER NOT NULL REFERENCES fz_person(id),"
    "  started_on TEXT NOT NULL CHECK (length(started_on) = 10),"
    "  ended_on TEXT CHECK (ended_on IS NULL OR ended_on >= started_on),"
    "  monthly_income REAL NOT NULL CHECK (monthly_income >= 0),"
    "  job TEXT,"
    "  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));"
    "CREATE INDEX rural_bases_employment_base ON rural_bases_employment (base_id, started_on);"
    "CREATE INDEX rural_bases_employment_person ON rural_bases_employment (person_id);"
    "CREATE TABLE rural_bases_help ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  base_id INTEGER NOT NULL REFERENCES rural_bases_base(id),"
    "  person_id INTEGER NOT NULL REFERENCES fz_person(id),"
    "  kind TEXT NOT NULL CHECK (kind IN ('supplies', 'orders', 'sales', 'skills', 'handicraft', 'other')),"
    "  started_on TEXT NOT NULL CHECK (length(started_on) = 10),"
    "  ended_on TEXT CHECK (ended_on IS NULL OR ended_on >= started_on),"
    "  note TEXT,"
    "  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));"
    "CREATE INDEX rural_bases_help_base ON rural_bases_help (base_id, started_on);"
    "CREATE INDEX rural_bases_help_person ON rural_bases_help (person_id);"
    "CREATE TABLE rural_bases_training ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  base_id INTEGER REFERENCES rural_bases_base(id),"
    "  county_code TEXT NOT NULL REFERENCES fz_county(code),"
    "  held_on TEXT NOT NULL CHECK (length(held_on) = 10),"
    "  topic TEXT NOT NULL CHECK (length(topic) BETWEEN 1 AND 100),"
    "  hours REAL NOT NULL CHECK (hours > 0 AND hours <= 200),"
    "  place TEXT,"
    "  trainer TEXT,"
    "  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));"
    "CREATE INDEX rural_bases_training_base ON rural_bases_training (base_id, held_on);"
    "CREATE INDEX rural_bases_training_county ON rural_bases_training (county_code, held_on);"
    "CREATE TABLE rural_bases_attendee ("
    "  training_id INTEGER NOT NULL REFERENCES rural_bases_training(id),"
    "  person_id INTEGER NOT NULL REFERENCES fz_person(id),"
    "  PRIMARY KEY (training_id, person_id)) WITHOUT ROWID;"
    "CREATE INDEX rural_bases_attendee_person ON rural_bases_attendee (person_id);"
    "CREATE TABLE rural_bases_assessment ("
    "  base_id INTEGER NOT NULL REFERENCES rural_bases_base(id),"
    "  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),"
    "  employed INTEGER NOT NULL CHECK (employed >= 0),"
    "  helped INTEGER NOT NULL CHECK (helped >= 0),"
    "  employed_months INTEGER NOT NULL CHECK (employed_months BETWEEN 0 AND employed * 12),"
    "  income_paid REAL NOT NULL CHECK (income_paid >= 0),"
    "  training_sessions INTEGER NOT NULL CHECK (training_sessions >= 0),"
    "  training_attendees INTEGER NOT NULL CHECK (training_attendees >= 0),"
    "  result TEXT NOT NULL CHECK (result IN ('excellent', 'pass', 'basic', 'fail')),"
    "  note TEXT,"
    "  assessed_on TEXT NOT NULL CHECK (length(assessed_on) = 10),"
    "  assessed_by TEXT NOT NULL,"
    "  PRIMARY KEY (base_id, year));"
    "CREATE TABLE rural_bases_criterion ("
    "  level TEXT NOT NULL CHECK (level IN ('county', 'city', 'province', 'high-standard')),"
    "  effective_from TEXT NOT NULL CHECK (length(effective_from) = 10),"
    "  min_employed INTEGER NOT NULL CHECK (min_employed >= 0),"
    "  min_helped INTEGER NOT NULL CHECK (min_helped >= 0),"
    "  either INTEGER NOT NULL CHECK (either IN (0, 1)),"
    "  min_income_ratio REAL NOT NULL CHECK (min_income_ratio BETWEEN 0 AND 10),"
    "  min_training_sessions INTEGER NOT NULL CHECK (min_training_sessions >= 0),"
    "  min_operating_months INTEGER NOT NULL CHECK (min_operating_months >= 0),"
    "  required_level TEXT CHECK (required_level IS NULL OR"
    "    required_level IN ('county', 'city', 'province', 'high-standard')),"
    "  PRIMARY KEY (level, effective_from));"
    "INSERT INTO rural_bases_criterion VALUES"
    "  ('county', '1900-01-01', 3, 10, 1, 1.0, 1, 12, NULL),"
    "  ('city', '1900-01-01', 5, 20, 1, 1.0, 2, 24, 'county'),"
    "  ('province', '1900-01-01', 10, 30, 1, 1.0, 2, 24, 'city'),"
    "  ('high-standard', '1900-01-01', 10, 30, 0, 1.2, 4, 36, 'city');"
    "CREATE TABLE rural_bases_homestay_rule ("
    "  effective_from TEXT PRIMARY KEY CHECK (length(effective_from) = 10),"
    "  min_employed INTEGER NOT NULL CHECK (min_employed >= 0),"
    "  min_cooperating INTEGER NOT NULL CHECK (min_cooperating >= 0),"
    "  cooperation_kinds TEXT NOT NULL,"
    "  local_only INTEGER NOT NULL CHECK (local_only IN (0, 1)));"
    "INSERT INTO rural_bases_homestay_rule VALUES ('1900-01-01', 1, 1, 'handicraft', 1);" },
};
const guint fzp_rural_bases_n_migrations = G_N_ELEMENTS (fzp_rural_bases_migrations);

/* Helpers */

static FzDatabase *
db_of (FzContext *context)
{
  return fz_context_get_database (context);
}

static void
today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
}

static gboolean
valid (const GDate *date)
{
  return date != NULL && g_date_valid (date);
}

/* A date as bound to a statement: NULL for an unset one. */
static char *
iso_or_null (const GDate *date)
{
  char buffer[11];

  if (!valid (date))
    return NULL;
  fzp_rural_bases_format_date (date, buffer);
  return g_strdup (buffer);
}

static void
read_date (FzStatement *st,
           int          column,
           GDate       *date)
{
  fzp_rural_bases_date_from_iso (fz_statement_is_null (st, column) ? NULL : fz_statement_get_text (st, column),
                                 date);
}

static char *
dup_or_null (FzStatement *st,
             int          column)
{
  return fz_statement_is_null (st, column) ? NULL : fz_statement_dup_text (st, column);
}

static gboolean
finish (GError **local_error,
        GError **error)
{
  if (*local_error)
    {
      g_propagate_error (error, g_steal_pointer (local_error));
      return FALSE;
    }
  return TRUE;
}

static void
not_found (GError    **error,
           const char *what,
           gint64      id)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_set_error (error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_NOT_FOUND,
               /* Translators: what was looked for, then its number */
               _("There is no %1$s number %2$s"), what, number);
}

/* Bases */

FzpRuralBasesBase *
fzp_rural_bases_base_new (void)
{
  FzpRuralBasesBase *base = g_new0 (FzpRuralBasesBase, 1);

  g_date_clear (&base->founded_on, 1);
  g_date_clear (&base->closed_on, 1);
  return base;
}

void
fzp_rural_bases_base_free (FzpRuralBasesBase *base)
{
  if (base == NULL)
    return;
  g_free (base->name);
  g_free (base->county_code);
  g_free (base->township);
  g_free (base->village);
  g_free (base->operator_name);
  g_free (base->phone);
  g_free (base->note);
  g_free (base->county_name);
  g_free (base->operator_code);
  g_free (base);
}

#define BASE_COLUMNS \
  "b.id, b.name, b.county_code, c.name, b.township, b.village, b.industry, " \
  "b.operator_organization_id, b.operator_person_id, coalesce(o.name, p.name, b.operator_name), " \
  "coalesce(o.credit_code, p.id_number), b.phone, b.founded_on, b.closed_on, b.homestay, b.note"
#define BASE_FROM \
  " FROM rural_bases_base b JOIN fz_county c ON c.code = b.county_code " \
  "LEFT JOIN fz_organization o ON o.id = b.operator_organization_id " \
  "LEFT JOIN fz_person p ON p.id = b.operator_person_id "

static FzpRuralBasesBase *
read_base (FzStatement *st)
{
  FzpRuralBasesBase *base = fzp_rural_bases_base_new ();

  base->id = fz_statement_get_int64 (st, 0);
  base->name = fz_statement_dup_text (st, 1);
  base->county_code = fz_statement_dup_text (st, 2);
  base->county_name = fz_statement_dup_text (st, 3);
  base->township = fz_statement_dup_text (st, 4);
  base->village = dup_or_null (st, 5);
  base->industry = fzp_rural_bases_industry_from_nick (fz_statement_get_text (st, 6));
  if (!fz_statement_is_null (st, 7))
    {
      base->operator_kind = FZP_RURAL_BASES_OPERATOR_ORGANIZATION;
      base->operator_id = fz_statement_get_int64 (st, 7);
    }
  else if (!fz_statement_is_null (st, 8))
    {
      base->operator_kind = FZP_RURAL_BASES_OPERATOR_PERSON;
      base->operator_id = fz_statement_get_int64 (st, 8);
    }
  else
    base->operator_kind = FZP_RURAL_BASES_OPERATOR_NAMED;
  base->operator_name = dup_or_null (st, 9);
  base->operator_code = dup_or_null (st, 10);
  base->phone = dup_or_null (st, 11);
  read_date (st, 12, &base->founded_on);
  read_date (st, 13, &base->closed_on);
  base->homestay = fz_statement_get_int64 (st, 14) != 0;
  base->note = dup_or_null (st, 15);
  return base;
}

/* The recognitions of @base_id (0: of every base), as base id -> GArray of
 * FzpRuralBasesRecognition. */
static GHashTable *
load_recognitions_of (FzDatabase  *db,
                      gint64       base_id,
                      GError     **error)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        (GDestroyNotify) g_array_unref);
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;

  st = fz_database_query (db, "SELECT base_id, level, recognized_on, withdrawn_on FROM rural_bases_recognition "
                          "WHERE ?1 = 0 OR base_id = ?1",
                          g_variant_new ("(x)", base_id), error);
  if (st == NULL)
    return NULL;
  while (fz_statement_step (st, &local_error))
    {
      gint64 id = fz_statement_get_int64 (st, 0);
      GArray *list = g_hash_table_lookup (table, &id);
      FzpRuralBasesRecognition r;

      if (list == NULL)
        {
          list = g_array_new (FALSE, TRUE, sizeof (FzpRuralBasesRecognition));
          g_hash_table_insert (table, g_memdup2 (&id, sizeof id), list);
        }
      r.level = fzp_rural_bases_level_from_nick (fz_statement_get_text (st, 1));
      read_date (st, 2, &r.recognized_on);
      read_date (st, 3, &r.withdrawn_on);
      g_array_append_val (list, r);
    }
  if (!finish (&local_error, error))
    return NULL;
  return g_steal_pointer (&table);
}

static GHashTable *
load_recognitions (FzDatabase  *db,
                   GError     **error)
{
  return load_recognitions_of (db, 0, error);
}

static FzpRuralBasesLevel
level_of (GHashTable  *recognitions,
          gint64       base_id,
          const GDate *day)
{
  GArray *list = g_hash_table_lookup (recognitions, &base_id);

  if (list == NULL)
    return FZP_RURAL_BASES_LEVEL_NONE;
  return fzp_rural_bases_level_on ((FzpRuralBasesRecognition *) (gpointer) list->data, list->len, day);
}

static guint
count_running (FzDatabase  *db,
               const char  *table,
               gint64       base_id,
               const char  *day,
               GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(DISTINCT person_id) FROM %s WHERE base_id = ?1 "
                                          "AND started_on <= ?2 AND (ended_on IS NULL OR ended_on >= ?2)", table);
  gint64 n = 0;

  if (!fz_database_query_int64 (db, sql, g_variant_new ("(xs)", base_id, day), &n, NULL, error))
    return G_MAXUINT;
  return (guint) n;
}

static gboolean
fill_today (FzDatabase         *db,
            GHashTable         *recognitions,
            FzpRuralBasesBase  *base,
            GError            **error)
{
  GDate now;
  char day[11];

  today (&now);
  fzp_rural_bases_format_date (&now, day);
  base->level = level_of (recognitions, base->id, &now);
  base->employed = count_running (db, "rural_bases_employment", base->id, day, error);
  if (base->employed == G_MAXUINT)
    return FALSE;
  base->helped = count_running (db, "rural_bases_help", base->id, day, error);
  return base->helped != G_MAXUINT;
}

FzpRuralBasesBase *
fzp_rural_bases_find_base (FzContext  *context,
                           gint64      id,
                           GError    **error)
{
  FzDatabase *db = db_of (context);
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(FzpRuralBasesBase) base = NULL;
  g_autoptr(GHashTable) recognitions = NULL;

  st = fz_database_query (db, "SELECT " BASE_COLUMNS BASE_FROM "WHERE b.id = ?1", g_variant_new ("(x)", id), error);
  if (st == NULL)
    return NULL;
  if (!fz_statement_step (st, &local_error))
    {
      if (local_error == NULL)
        not_found (&local_error, _("base"), id);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  base = read_base (st);
  g_clear_pointer (&st, fz_statement_unref);
  recognitions = load_recognitions_of (db, id, error);
  if (recognitions == NULL || !fill_today (db, recognitions, base, error))
    return NULL;
  return g_steal_pointer (&base);
}

GPtrArray *
fzp_rural_bases_list_bases (FzContext                 *context,
                            const FzpRuralBasesFilter *filter,
                            GError                   **error)
{
  FzDatabase *db = db_of (context);
  FzpRuralBasesFilter none = { 0 };
  g_autoptr(GPtrArray) bases = g_ptr_array_new_with_free_func ((GDestroyNotify) fzp_rural_bases_base_free);
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) recognitions = NULL;
  g_autofree char *pattern = NULL;
  g_autofree char *text = NULL;
  GDate now;
  char day[11];

  if (filter == NULL)
    filter = &none;
  today (&now);
  fzp_rural_bases_format_date (&now, day);
  text = fz_normalize_text (filter->text);
  if (*text)
    {
      /* LIKE with its wildcards escaped: what is typed is matched as typed. */
      GString *escaped = g_string_new ("%");
      for (const char *p = text; *p; p++)
        {
          if (*p == '%' || *p == '_' || *p == '\\')
            g_string_append_c (escaped, '\\');
          g_string_append_c (escaped, *p);
        }
      g_string_append_c (escaped, '%');
      pattern = g_string_free (escaped, FALSE);
    }
  st = fz_database_query (db,
                          "SELECT " BASE_COLUMNS BASE_FROM
                          "WHERE (?1 IS NULL OR b.county_code = ?1) "
                          "AND (?2 IS NULL OR b.name LIKE ?2 ESCAPE '\\' OR b.township LIKE ?2 ESCAPE '\\' "
                          "  OR b.village LIKE ?2 ESCAPE '\\' OR coalesce(o.name, p.name, b.operator_name) LIKE ?2 ESCAPE '\\') "
                          "AND (?3 = 0 OR b.homestay = 1) "
                          "AND (?4 = 0 OR b.closed_on IS NULL OR b.closed_on > ?5) "
                          "ORDER BY c.sort, b.name, b.id",
                          g_variant_new ("(msmsiis)", filter->county_code, pattern,
                                         filter->homestays ? 1 : 0, filter->open_only ? 1 : 0, day),
                          error);
  if (st == NULL)
    return NULL;
  while (fz_statement_step (st, &local_error))
    g_ptr_array_add (bases, read_base (st));
  if (!finish (&local_error, error))
    return NULL;
  g_clear_pointer (&st, fz_statement_unref);

  recognitions = load_recognitions (db, error);
  if (recognitions == NULL)
    return NULL;
  for (guint i = 0; i < bases->len; )
    {
      FzpRuralBasesBase *base = g_ptr_array_index (bases, i);

      if (!fill_today (db, recognitions, base, error))
        return NULL;
      if (filter->level != FZP_RURAL_BASES_LEVEL_NONE && base->level != filter->level)
        g_ptr_array_remove_index (bases, i);
      else
        i++;
    }
  return g_steal_pointer (&bases);
}

FzpRuralBasesBase *
fzp_rural_bases_lookup_base (FzContext   *context,
                             const char  *text,
                             GError     **error)
{
  FzDatabase *db = db_of (context);
  g_autofree char *norm = fz_normalize_text (text);
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *county = NULL;
  const char *name = norm;
  const char *slash = strchr (norm, '/');
  gint64 id = 0;
  guint n = 0;

  if (*norm == '\0')
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_EMPTY, _("%s: the value is missing"), _("Base"));
      return NULL;
    }
  if (strspn (norm, "0123456789") == strlen (norm))
    {
      gint64 number = (gint64) g_ascii_strtoll (norm, NULL, 10);
      gint64 exists = 0;
      gboolean found = FALSE;

      if (!fz_database_query_int64 (db, "SELECT id FROM rural_bases_base WHERE id = ?1",
                                    g_variant_new ("(x)", number), &exists, &found, error))
        return NULL;
      if (found)
        return fzp_rural_bases_find_base (context, number, error);
    }
  if (slash)
    {
      g_autofree char *prefix = g_strndup (norm, (gsize) (slash - norm));
      county = fz_county_lookup (db, prefix);
      if (county)
        name = slash + 1;
    }
  st = fz_database_query (db, "SELECT id FROM rural_bases_base WHERE name = ?1 AND (?2 IS NULL OR county_code = ?2)",
                          g_variant_new ("(sms)", name, county), error);
  if (st == NULL)
    return NULL;
  while (fz_statement_step (st, &local_error))
    {
      id = fz_statement_get_int64 (st, 0);
      n++;
    }
  if (!finish (&local_error, error))
    return NULL;
  if (n == 0)
    {
      g_set_error (error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_NOT_FOUND,
                   _("%1$s: there is no base “%2$s”"), _("Base"), norm);
      return NULL;
    }
  if (n > 1)
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_MISMATCH,
                   _("%1$s: %2$u counties have a base called “%3$s”; give it as COUNTY/NAME or by its number"),
                   _("Base"), n, norm);
      return NULL;
    }
  return fzp_rural_bases_find_base (context, id, error);
}

gboolean
fzp_rural_bases_resolve_person (FzContext   *context,
                                const char  *text,
                                gint64      *person_id,
                                char       **name,
                                GError     **error)
{
  FzRegistry *registry = fz_context_get_registry (context);
  g_autofree char *number = fz_normalize_number (text);
  g_autofree char *norm = fz_normalize_text (text);
  g_autoptr(FzPerson) person = NULL;
  const char *field = _("Person");

  if (*norm == '\0')
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_EMPTY, _("%s: the value is missing"), field);
      return FALSE;
    }
  if (g_ascii_isdigit (number[0]))
    {
      GError *local_error = NULL;

      /* A certificate number begins with the identity number. */
      if (strlen (number) == 20)
        number[18] = '\0';
      if (strlen (number) == 18)
        {
          person = fz_registry_find_person_by_id_number (registry, number, &local_error);
          if (local_error)
            {
              g_propagate_error (error, local_error);
              return FALSE;
            }
        }
      if (person == NULL)
        {
          /* Say what is wrong with the number, else that nobody has it. */
          if (!fz_validate_identity_number (number, NULL, NULL, error))
            return FALSE;
          g_set_error (error, FZ_REGISTRY_ERROR, FZ_REGISTRY_ERROR_NOT_FOUND,
                       _("%1$s: nobody with the identity number %2$s is in the registry; register the person first"),
                       field, number);
          return FALSE;
        }
    }
  else
    {
      g_autoptr(FzStatement) st = NULL;
      g_autoptr(GError) local_error = NULL;
      gint64 id = 0;
      guint n = 0;

      /* The name whole, as the registry stores it: a part of it is someone else. */
      st = fz_database_query (fz_context_get_database (context), "SELECT id FROM fz_person WHERE name = ?1 LIMIT 10",
                              g_variant_new ("(s)", norm), error);
      if (st == NULL)
        return FALSE;
      while (fz_statement_step (st, &local_error))
        {
          id = fz_statement_get_int64 (st, 0);
          n++;
        }
      if (!finish (&local_error, error))
        return FALSE;
      if (n == 0)
        {
          g_set_error (error, FZ_REGISTRY_ERROR, FZ_REGISTRY_ERROR_NOT_FOUND,
                       _("%1$s: nobody called “%2$s” is in the registry"), field, norm);
          return FALSE;
        }
      if (n > 1)
        {
          g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_MISMATCH,
                       _("%1$s: %2$u persons are called “%3$s”; give the identity number"), field, n, norm);
          return FALSE;
        }
      person = fz_registry_find_person (registry, id, error);
      if (person == NULL)
        return FALSE;
    }
  *person_id = fz_person_get_id (person);
  if (name)
    *name = g_strdup (fz_person_get_name (person));
  return TRUE;
}

gboolean
fzp_rural_bases_resolve_organization (FzContext   *context,
                                      const char  *text,
                                      gint64      *organization_id,
                                      GError     **error)
{
  FzDatabase *db = db_of (context);
  g_autofree char *norm = fz_normalize_text (text);
  g_autofree char *number = fz_normalize_number (text);
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *field = _("Operator");
  gboolean is_number;
  gint64 id = 0;
  guint n = 0;

  if (*norm == '\0')
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_EMPTY, _("%s: the value is missing"), field);
      return FALSE;
    }
  is_number = strspn (number, "0123456789") == strlen (number) && strlen (number) < 18;
  st = fz_database_query (db,
                          "SELECT id FROM fz_organization WHERE credit_code = ?2 OR name = ?1 "
                          "OR (?3 IS NOT NULL AND id = ?3)",
                          g_variant_new ("(ssmx)", norm, number, is_number,
                                         is_number ? (gint64) g_ascii_strtoll (number, NULL, 10) : (gint64) 0),
                          error);
  if (st == NULL)
    return FALSE;
  while (fz_statement_step (st, &local_error))
    {
      id = fz_statement_get_int64 (st, 0);
      n++;
    }
  if (!finish (&local_error, error))
    return FALSE;
  if (n == 0)
    {
      g_set_error (error, FZ_REGISTRY_ERROR, FZ_REGISTRY_ERROR_NOT_FOUND,
                   _("%1$s: no organization “%2$s” is in the registry; register it first"), field, norm);
      return FALSE;
    }
  if (n > 1)
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_MISMATCH,
                   _("%1$s: %2$u organizations match “%3$s”; give the credit code"), field, n, norm);
      return FALSE;
    }
  *organization_id = id;
  return TRUE;
}

gboolean
fzp_rural_bases_check_base (FzContext          *context,
                            FzpRuralBasesBase  *base,
                            GError            **error)
{
  FzDatabase *db = db_of (context);
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  g_autofree char *township = NULL;
  g_autofree char *village = NULL;
  g_autofree char *operator_name = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *note = NULL;
  GDate now;
  char a[11], b[11];

  if (!fzp_rural_bases_check_text (base->name, _("Base name"), 100, TRUE, &name, error))
    return FALSE;
  if (base->county_code == NULL || *base->county_code == '\0')
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_EMPTY, _("%s: the value is missing"), _("County"));
      return FALSE;
    }
  code = fz_county_lookup (db, base->county_code);
  if (code == NULL)
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_UNKNOWN,
                   _("%1$s: “%2$s” is not a county of the city"), _("County"), base->county_code);
      return FALSE;
    }
  if (!fzp_rural_bases_check_text (base->township, _("Township"), 50, TRUE, &township, error) ||
      !fzp_rural_bases_check_text (base->village, _("Village"), 50, FALSE, &village, error))
    return FALSE;
  if (base->industry == FZP_RURAL_BASES_INDUSTRY_NONE || base->industry > FZP_RURAL_BASES_INDUSTRY_LAST)
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_EMPTY, _("%s: the value is missing"), _("Industry"));
      return FALSE;
    }
  switch (base->operator_kind)
    {
    case FZP_RURAL_BASES_OPERATOR_ORGANIZATION:
    case FZP_RURAL_BASES_OPERATOR_PERSON:
      {
        gboolean found = FALSE;
        gint64 unused = 0;
        const char *sql = base->operator_kind == FZP_RURAL_BASES_OPERATOR_ORGANIZATION
                          ? "SELECT id FROM fz_organization WHERE id = ?1"
                          : "SELECT id FROM fz_person WHERE id = ?1";

        if (!fz_database_query_int64 (db, sql, g_variant_new ("(x)", base->operator_id), &unused, &found, error))
          return FALSE;
        if (!found)
          {
            g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_UNKNOWN,
                         _("%s: choose who runs the base from the registry"), _("Operator"));
            return FALSE;
          }
      }
      break;
    case FZP_RURAL_BASES_OPERATOR_NAMED:
      if (!fz_validate_name (base->operator_name, &operator_name, error))
        {
          g_prefix_error (error, "%s: ", _("Operator"));
          return FALSE;
        }
      break;
    default:
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_EMPTY, _("%s: the value is missing"), _("Operator"));
      return FALSE;
    }
  if (!fz_validate_phone (base->phone, &phone, error))
    return FALSE;
  if (!fzp_rural_bases_check_text (base->note, _("Note"), 500, FALSE, &note, error))
    return FALSE;

  today (&now);
  if (!valid (&base->founded_on))
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_EMPTY, _("%s: the value is missing"), _("Founded"));
      return FALSE;
    }
  fzp_rural_bases_format_date (&base->founded_on, a);
  if (g_date_compare (&base->founded_on, &now) > 0)
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_DATE, _("%1$s: %2$s is in the future"),
                   _("Founded"), a);
      return FALSE;
    }
  if (valid (&base->closed_on))
    {
      fzp_rural_bases_format_date (&base->closed_on, b);
      if (g_date_compare (&base->closed_on, &base->founded_on) < 0)
        {
          g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_DATE,
                       _("%1$s: %2$s is before the base was founded (%3$s)"), _("Closed"), b, a);
          return FALSE;
        }
      if (g_date_compare (&base->closed_on, &now) > 0)
        {
          g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_DATE, _("%1$s: %2$s is in the future"),
                       _("Closed"), b);
          return FALSE;
        }
    }

  g_free (base->name);
  base->name = g_steal_pointer (&name);
  g_free (base->county_code);
  base->county_code = g_steal_pointer (&code);
  g_free (base->township);
  base->township = g_steal_pointer (&township);
  g_free (base->village);
  base->village = g_steal_pointer (&village);
  if (base->operator_kind == FZP_RURAL_BASES_OPERATOR_NAMED)
    {
      g_free (base->operator_name);
      base->operator_name = g_steal_pointer (&operator_name);
      base->operator_id = 0;
    }
  g_free (base->phone);
  base->phone = g_steal_pointer (&phone);
  g_free (base->note);
  base->note = g_steal_pointer (&note);
  return TRUE;
}

typedef struct {
  FzContext         *context;
  FzpRuralBasesBase *base;
} SaveBase;

/* A base that closes employs and helps nobody after that day. */
static gboolean
close_ties (FzDatabase         *db,
            FzpRuralBasesBase  *base,
            const char         *closed,
            GError            **error)
{
  static const char *const tables[] = { "rural_bases_employment", "rural_bases_help" };
  gint64 later = 0;

  if (!fz_database_query_int64 (db,
                                "SELECT (SELECT count(*) FROM rural_bases_employment WHERE base_id = ?1 AND started_on > ?2)"
                                " + (SELECT count(*) FROM rural_bases_help WHERE base_id = ?1 AND started_on > ?2)"
                                " + (SELECT count(*) FROM rural_bases_training WHERE base_id = ?1 AND held_on > ?2)",
                                g_variant_new ("(xs)", base->id, closed), &later, NULL, error))
    return FALSE;
  if (later > 0)
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_DATE,
                   _("%1$s: %2$s is before things recorded at the base later"), _("Closed"), closed);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE %s SET ended_on = ?2 WHERE base_id = ?1 "
                                              "AND (ended_on IS NULL OR ended_on > ?2)", tables[i]);

      if (!fz_database_execute (db, sql, g_variant_new ("(xs)", base->id, closed), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_base_txn (FzDatabase  *db,
               gpointer     user_data,
               GError     **error)
{
  SaveBase *save = user_data;
  FzpRuralBasesBase *base = save->base;
  g_autofree char *founded = iso_or_null (&base->founded_on);
  g_autofree char *closed = iso_or_null (&base->closed_on);
  gint64 org = base->operator_kind == FZP_RURAL_BASES_OPERATOR_ORGANIZATION ? base->operator_id : 0;
  gint64 person = base->operator_kind == FZP_RURAL_BASES_OPERATOR_PERSON ? base->operator_id : 0;
  const char *named = base->operator_kind == FZP_RURAL_BASES_OPERATOR_NAMED ? base->operator_name : NULL;
  gint64 other = 0;
  gboolean taken = FALSE;

  if (!fz_database_query_int64 (db, "SELECT id FROM rural_bases_base WHERE county_code = ?1 AND name = ?2 AND id != ?3",
                                g_variant_new ("(ssx)", base->county_code, base->name, base->id),
                                &other, &taken, error))
    return FALSE;
  if (taken)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, other);
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_MISMATCH,
                   _("%1$s: the county has a base called “%2$s” already (number %3$s)"),
                   _("Base name"), base->name, number);
      return FALSE;
    }
  if (base->id != 0)
    {
      char first[11] = "";
      gboolean found = FALSE;
      g_autoptr(FzStatement) st = NULL;
      g_autoptr(GError) local_error = NULL;

      /* Nothing recorded at the base may fall outside its new dates. */
      st = fz_database_query (db,
                              "SELECT min(d) FROM ("
                              "  SELECT started_on AS d FROM rural_bases_employment WHERE base_id = ?1"
                              "  UNION ALL SELECT started_on FROM rural_bases_help WHERE base_id = ?1"
                              "  UNION ALL SELECT recognized_on FROM rural_bases_recognition WHERE base_id = ?1"
                              "  UNION ALL SELECT held_on FROM rural_bases_training WHERE base_id = ?1)",
                              g_variant_new ("(x)", base->id), error);
      if (st == NULL)
        return FALSE;
      if (fz_statement_step (st, &local_error) && !fz_statement_is_null (st, 0))
        {
          g_strlcpy (first, fz_statement_get_text (st, 0), sizeof first);
          found = TRUE;
        }
      if (!finish (&local_error, error))
        return FALSE;
      if (found && strcmp (founded, first) > 0)
        {
          g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_DATE,
                       _("%1$s: %2$s is after the first thing recorded at the base (%3$s)"), _("Founded"),
                       founded, first);
          return FALSE;
        }
      if (!fz_database_execute (db,
                                "UPDATE rural_bases_base SET name = ?2, county_code = ?3, township = ?4, village = ?5, "
                                "industry = ?6, operator_organization_id = ?7, operator_person_id = ?8, "
                                "operator_name = ?9, phone = ?10, founded_on = ?11, closed_on = ?12, homestay = ?13, "
                                "note = ?14, updated = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
                                g_variant_new ("(xsssmssmxmxmsmssmsims)", base->id, base->name, base->county_code,
                                               base->township, base->village,
                                               fzp_rural_bases_industry_to_nick (base->industry),
                                               org != 0, org, person != 0, person, named, base->phone,
                                               founded, closed, base->homestay ? 1 : 0, base->note),
                                error))
        return FALSE;
      if (fz_database_changes (db) == 0)
        {
          not_found (error, _("base"), base->id);
          return FALSE;
        }
      if (closed && !close_ties (db, base, closed, error))
        return FALSE;
    }
  else
    {
      if (!fz_database_execute (db,
                                "INSERT INTO rural_bases_base (name, county_code, township, village, industry, "
                                "operator_organization_id, operator_person_id, operator_name, phone, founded_on, "
                                "closed_on, homestay, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                                g_variant_new ("(sssmssmxmxmsmssmsims)", base->name, base->county_code, base->township,
                                               base->village,
                                               fzp_rural_bases_industry_to_nick (base->industry),
                                               org != 0, org, person != 0, person, named, base->phone,
                                               founded, closed, base->homestay ? 1 : 0, base->note),
                                error))
        return FALSE;
      base->id = fz_database_last_insert_rowid (db);
    }
  return TRUE;
}

gboolean
fzp_rural_bases_save_base (FzContext          *context,
                           FzpRuralBasesBase  *base,
                           GError            **error)
{
  SaveBase save = { context, base };
  gint64 id = base->id;

  if (!fzp_rural_bases_check_base (context, base, error))
    return FALSE;
  if (!fz_database_transaction (db_of (context), save_base_txn, &save, error))
    {
      base->id = id;
      g_prefix_error (error, _("Could not save the base %s: "), base->name);
      return FALSE;
    }
  return TRUE;
}

/* Rules kept as data */

static void
read_criterion (FzStatement            *st,
                FzpRuralBasesCriterion *c)
{
  memset (c, 0, sizeof *c);
  c->level = fzp_rural_bases_level_from_nick (fz_statement_get_text (st, 0));
  read_date (st, 1, &c->effective_from);
  c->min_employed = (guint) fz_statement_get_int64 (st, 2);
  c->min_helped = (guint) fz_statement_get_int64 (st, 3);
  c->either = fz_statement_get_int64 (st, 4) != 0;
  c->min_income_ratio = fz_statement_get_double (st, 5);
  c->min_training_sessions = (guint) fz_statement_get_int64 (st, 6);
  c->min_operating_months = (guint) fz_statement_get_int64 (st, 7);
  c->required_level = fz_statement_is_null (st, 8) ? FZP_RURAL_BASES_LEVEL_NONE
                      : fzp_rural_bases_level_from_nick (fz_statement_get_text (st, 8));
}

#define CRITERION_COLUMNS \
  "level, effective_from, min_employed, min_helped, either, min_income_ratio, min_training_sessions, " \
  "min_operating_months, required_level"

gboolean
fzp_rural_bases_get_criterion (FzContext              *context,
                               FzpRuralBasesLevel      level,
                               const GDate            *day,
                               FzpRuralBasesCriterion *criterion,
                               gboolean               *found,
                               GError                **error)
{
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *d = iso_or_null (day);

  st = fz_database_query (db_of (context),
                          "SELECT " CRITERION_COLUMNS " FROM rural_bases_criterion "
                          "WHERE level = ?1 AND effective_from <= ?2 ORDER BY effective_from DESC LIMIT 1",
                          g_variant_new ("(ss)", fzp_rural_bases_level_to_nick (level), d), error);
  if (st == NULL)
    return FALSE;
  *found = fz_statement_step (st, &local_error);
  if (*found)
    read_criterion (st, criterion);
  return finish (&local_error, error);
}

typedef struct {
  const char *sql;
  GVariant   *params;
} OneStatement;

static gboolean
one_statement_txn (FzDatabase  *db,
                   gpointer     user_data,
                   GError     **error)
{
  OneStatement *one = user_data;

  /* Borrowed: run_one holds the reference and drops it after the transaction. */
  return fz_database_execute (db, one->sql, one->params, error);
}

static gboolean
run_one (FzContext   *context,
         const char  *sql,
         GVariant    *params,
         GError     **error)
{
  OneStatement one = { sql, g_variant_ref_sink (params) };
  gboolean ok = fz_database_transaction (db_of (context), one_statement_txn, &one, error);

  g_clear_pointer (&one.params, g_variant_unref);
  return ok;
}

gboolean
fzp_rural_bases_set_criterion (FzContext                    *context,
                               const FzpRuralBasesCriterion *c,
                               GError                      **error)
{
  g_autofree char *from = NULL;

  if (!fzp_rural_bases_check_criterion (c, error))
    return FALSE;
  from = iso_or_null (&c->effective_from);
  if (!run_one (context,
                "INSERT INTO rural_bases_criterion (" CRITERION_COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                "ON CONFLICT (level, effective_from) DO UPDATE SET min_employed = excluded.min_employed, "
                "min_helped = excluded.min_helped, either = excluded.either, "
                "min_income_ratio = excluded.min_income_ratio, "
                "min_training_sessions = excluded.min_training_sessions, "
                "min_operating_months = excluded.min_operating_months, required_level = excluded.required_level",
                g_variant_new ("(ssuuiduums)", fzp_rural_bases_level_to_nick (c->level), from,
                               c->min_employed, c->min_helped, c->either ? 1 : 0, c->min_income_ratio,
                               c->min_training_sessions, c->min_operating_months,
                               c->required_level ? fzp_rural_bases_level_to_nick (c->required_level) : NULL),
                error))
    {
      g_prefix_error (error, _("Could not save the standard: "));
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
fzp_rural_bases_list_criteria (FzContext  *context,
                               GError    **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;

  st = fz_database_query (db_of (context),
                          "SELECT " CRITERION_COLUMNS " FROM rural_bases_criterion ORDER BY "
                          "CASE level WHEN 'county' THEN 1 WHEN 'city' THEN 2 WHEN 'province' THEN 3 ELSE 4 END, "
                          "effective_from", NULL, error);
  if (st == NULL)
    return NULL;
  while (fz_statement_step (st, &local_error))
    {
      FzpRuralBasesCriterion *c = g_new0 (FzpRuralBasesCriterion, 1);
      read_criterion (st, c);
      g_ptr_array_add (list, c);
    }
  if (!finish (&local_error, error))
    return NULL;
  return g_steal_pointer (&list);
}

static void
read_homestay_rule (FzStatement               *st,
                    FzpRuralBasesHomestayRule *rule)
{
  memset (rule, 0, sizeof *rule);
  read_date (st, 0, &rule->effective_from);
  rule->min_employed = (guint) fz_statement_get_int64 (st, 1);
  rule->min_cooperating = (guint) fz_statement_get_int64 (st, 2);
  if (!fzp_rural_bases_help_parse_set (fz_statement_get_text (st, 3), &rule->cooperation_kinds, NULL))
    rule->cooperation_kinds = 0;
  rule->local_only = fz_statement_get_int64 (st, 4) != 0;
}

gboolean
fzp_rural_bases_get_homestay_rule (FzContext                 *context,
                                   const GDate               *day,
                                   FzpRuralBasesHomestayRule *rule,
                                   GError                   **error)
{
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *d = iso_or_null (day);

  st = fz_database_query (db_of (context),
                          "SELECT effective_from, min_employed, min_cooperating, cooperation_kinds, local_only "
                          "FROM rural_bases_homestay_rule WHERE effective_from <= ?1 "
                          "ORDER BY effective_from DESC LIMIT 1",
                          g_variant_new ("(s)", d), error);
  if (st == NULL)
    return FALSE;
  if (!fz_statement_step (st, &local_error))
    {
      if (local_error == NULL)
        g_set_error (&local_error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_NOT_FOUND,
                     _("No homestay priority rule is in force on %s"), d);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  read_homestay_rule (st, rule);
  return TRUE;
}

gboolean
fzp_rural_bases_set_homestay_rule (FzContext                       *context,
                                   const FzpRuralBasesHomestayRule *rule,
                                   GError                         **error)
{
  g_autofree char *from = NULL;
  g_autofree char *kinds = NULL;

  if (!fzp_rural_bases_check_homestay_rule (rule, error))
    return FALSE;
  from = iso_or_null (&rule->effective_from);
  kinds = fzp_rural_bases_help_set_to_nicks (rule->cooperation_kinds);
  if (!run_one (context,
                "INSERT INTO rural_bases_homestay_rule VALUES (?1, ?2, ?3, ?4, ?5) "
                "ON CONFLICT (effective_from) DO UPDATE SET min_employed = excluded.min_employed, "
                "min_cooperating = excluded.min_cooperating, cooperation_kinds = excluded.cooperation_kinds, "
                "local_only = excluded.local_only",
                g_variant_new ("(suusi)", from, rule->min_employed, rule->min_cooperating, kinds,
                               rule->local_only ? 1 : 0),
                error))
    {
      g_prefix_error (error, _("Could not save the homestay rule: "));
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
fzp_rural_bases_list_homestay_rules (FzContext  *context,
                                     GError    **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;

  st = fz_database_query (db_of (context),
                          "SELECT effective_from, min_employed, min_cooperating, cooperation_kinds, local_only "
                          "FROM rural_bases_homestay_rule ORDER BY effective_from", NULL, error);
  if (st == NULL)
    return NULL;
  while (fz_statement_step (st, &local_error))
    {
      FzpRuralBasesHomestayRule *rule = g_new0 (FzpRuralBasesHomestayRule, 1);
      read_homestay_rule (st, rule);
      g_ptr_array_add (list, rule);
    }
  if (!finish (&local_error, error))
    return NULL;
  return g_steal_pointer (&list);
}

/* Recognitions */

char *
fzp_rural_bases_certificate_key (gint64 base_id,
                                 gint64 recognition_id)
{
  return g_strdup_printf ("base-%" G_GINT64_FORMAT "/recognition-%" G_GINT64_FORMAT, base_id, recognition_id);
}

void
fzp_rural_bases_recognition_record_free (FzpRuralBasesRecognitionRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->document_number);
  g_free (record->exception);
  g_free (record->withdrawn_reason);
  g_free (record->recorded_by);
  g_free (record);
}

GPtrArray *
fzp_rural_bases_list_recognitions (FzContext  *context,
                                   gint64      base_id,
                                   GError    **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) fzp_rural_bases_recognition_record_free);
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;

  st = fz_database_query (db_of (context),
                          "SELECT id, base_id, level, recognized_on, withdrawn_on, document_number, exception, "
                          "withdrawn_reason, recorded_by FROM rural_bases_recognition WHERE base_id = ?1 "
                          "ORDER BY recognized_on, id",
                          g_variant_new ("(x)", base_id), error);
  if (st == NULL)
    return NULL;
  while (fz_statement_step (st, &local_error))
    {
      FzpRuralBasesRecognitionRecord *r = g_new0 (FzpRuralBasesRecognitionRecord, 1);

      r->id = fz_statement_get_int64 (st, 0);
      r->base_id = fz_statement_get_int64 (st, 1);
      r->level = fzp_rural_bases_level_from_nick (fz_statement_get_text (st, 2));
      read_date (st, 3, &r->recognized_on);
      read_date (st, 4, &r->withdrawn_on);
      r->document_number = dup_or_null (st, 5);
      r->exception = dup_or_null (st, 6);
      r->withdrawn_reason = dup_or_null (st, 7);
      r->recorded_by = dup_or_null (st, 8);
      g_ptr_array_add (list, r);
    }
  if (!finish (&local_error, error))
    return NULL;
  return g_steal_pointer (&list);
}

gboolean
fzp_rural_bases_get_standing (FzContext             *context,
                              gint64                 base_id,
                              const GDate           *day,
                              FzpRuralBasesStanding *standing,
                              GError               **error)
{
  FzDatabase *db = db_of (context);
  g_autoptr(FzpRuralBasesBase) base = fzp_rural_bases_find_base (context, base_id, error);
  g_autoptr(GHashTable) recognitions = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *d = iso_or_null (day);
  GDate year_before = *day;
  g_autofree char *from = NULL;
  gint64 n = 0;
  double average = 0;

  if (base == NULL)
    return FALSE;
  memset (standing, 0, sizeof *standing);
  standing->employed = count_running (db, "rural_bases_employment", base_id, d, error);
  if (standing->employed == G_MAXUINT)
    return FALSE;
  standing->helped = count_running (db, "rural_bases_help", base_id, d, error);
  if (standing->helped == G_MAXUINT)
    return FALSE;

  /* The average over the persons employed on the day, each at their income then. */
  {
    g_autoptr(FzStatement) st = fz_database_query (db,
                                                   "SELECT avg(monthly_income) FROM rural_bases_employment "
                                                   "WHERE base_id = ?1 AND started_on <= ?2 "
                                                   "AND (ended_on IS NULL OR ended_on >= ?2)",
                                                   g_variant_new ("(xs)", base_id, d), error);
    if (st == NULL)
      return FALSE;
    if (fz_statement_step (st, &local_error) && !fz_statement_is_null (st, 0))
      average = fz_statement_get_double (st, 0);
    if (!finish (&local_error, error))
      return FALSE;
  }
  standing->average_income = fzp_rural_bases_average_income (average, 1);

  if (!fz_rules_get_minimum_wage (db, base->county_code, day, &standing->minimum_wage, NULL, &local_error))
    {
      if (!g_error_matches (local_error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_NOT_FOUND))
        return finish (&local_error, error);
      g_clear_error (&local_error);
      standing->minimum_wage = 0;
    }

  /* Sessions in the twelve months up to the day. */
  g_date_subtract_years (&year_before, 1);
  from = iso_or_null (&year_before);
  if (!fz_database_query_int64 (db,
                                "SELECT count(*) FROM rural_bases_training WHERE base_id = ?1 "
                                "AND held_on > ?2 AND held_on <= ?3",
                                g_variant_new ("(xss)", base_id, from, d), &n, NULL, error))
    return FALSE;
  standing->training_sessions = (guint) n;
  standing->operating_months = fzp_rural_bases_months_between (&base->founded_on, day);

  recognitions = load_recognitions_of (db, base_id, error);
  if (recognitions == NULL)
    return FALSE;
  standing->held_level = level_of (recognitions, base_id, day);
  return TRUE;
}

GPtrArray *
fzp_rural_bases_check_recognition (FzContext           *context,
                                   gint64               base_id,
                                   FzpRuralBasesLevel   level,
                                   const GDate         *day,
                                   GError             **error)
{
  FzpRuralBasesCriterion criterion;
  FzpRuralBasesStanding standing;
  gboolean found = FALSE;

  if (!fzp_rural_bases_get_standing (context, base_id, day, &standing, error))
    return NULL;
  if (!fzp_rural_bases_get_criterion (context, level, day, &criterion, &found, error))
    return NULL;
  if (!found)
    {
      g_autofree char *d = iso_or_null (day);
      g_set_error (error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_NOT_FOUND,
                   _("No standard for %1$s is in force on %2$s; an administrator sets one with "
                     "`fuzhu rural-bases criteria set`"),
                   fzp_rural_bases_level_to_string (level), d);
      return NULL;
    }
  return fzp_rural_bases_unmet_criteria (&criterion, &standing);
}

typedef struct {
  FzContext          *context;
  gint64              base_id;
  FzpRuralBasesLevel  level;
  const GDate        *day;
  const char         *document_number;
  const char         *exception;
  const char         *reason;
  gint64              id;
} Recognize;

static gboolean
recognize_txn (FzDatabase  *db,
               gpointer     user_data,
               GError     **error)
{
  Recognize *r = user_data;
  g_autoptr(FzpRuralBasesBase) base = fzp_rural_bases_find_base (r->context, r->base_id, error);
  g_autoptr(GPtrArray) unmet = NULL;
  g_autofree char *d = iso_or_null (r->day);
  g_autofree char *founded = NULL;
  gboolean standing = FALSE;
  gint64 unused = 0;

  if (base == NULL)
    return FALSE;
  founded = iso_or_null (&base->founded_on);
  if (g_date_compare (r->day, &base->founded_on) < 0)
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_DATE,
                   _("%1$s: %2$s is before the base was founded (%3$s)"), _("Recognised on"), d, founded);
      return FALSE;
    }
  if (valid (&base->closed_on) && g_date_compare (r->day, &base->closed_on) > 0)
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_DATE,
                   _("%1$s: the base closed before %2$s"), _("Recognised on"), d);
      return FALSE;
    }
  if (!fz_database_query_int64 (db, "SELECT id FROM rural_bases_recognition WHERE base_id = ?1 AND level = ?2 "
                                "AND withdrawn_on IS NULL",
                                g_variant_new ("(xs)", r->base_id, fzp_rural_bases_level_to_nick (r->level)),
                                &unused, &standing, error))
    return FALSE;
  if (standing)
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_MISMATCH,
                   _("%1$s: the base is recognised at %2$s already"), _("Level"),
                   fzp_rural_bases_level_to_string (r->level));
      return FALSE;
    }
  unmet = fzp_rural_bases_check_recognition (r->context, r->base_id, r->level, r->day, error);
  if (unmet == NULL)
    return FALSE;
  if (unmet->len > 0 && r->exception == NULL)
    {
      GString *message = g_string_new (NULL);

      g_string_append_printf (message, _("%1$s does not meet the standard for %2$s on %3$s:"), base->name,
                              fzp_rural_bases_level_to_string (r->level), d);
      for (guint i = 0; i < unmet->len; i++)
        g_string_append_printf (message, "\n  %s", (const char *) g_ptr_array_index (unmet, i));
      g_string_append_printf (message, "\n%s", _("Record the reason for an exception to recognise it anyway."));
      g_set_error_literal (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_MISMATCH, message->str);
      g_string_free (message, TRUE);
      return FALSE;
    }
  if (!fz_database_execute (db,
                            "INSERT INTO rural_bases_recognition (base_id, level, recognized_on, document_number, "
                            "exception, recorded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                            g_variant_new ("(xssmsmss)", r->base_id, fzp_rural_bases_level_to_nick (r->level), d,
                                           r->document_number, unmet->len > 0 ? r->exception : NULL,
                                           fz_context_get_operator (r->context)),
                            error))
    return FALSE;
  r->id = fz_database_last_insert_rowid (db);
  return TRUE;
}

gint64
fzp_rural_bases_recognize (FzContext           *context,
                           gint64               base_id,
                           FzpRuralBasesLevel   level,
                           const GDate         *day,
                           const char          *document_number,
                           const char          *exception,
                           GError             **error)
{
  g_autofree char *number = NULL;
  g_autofree char *why = NULL;
  Recognize r = { context, base_id, level, day, NULL, NULL, NULL, 0 };
  GDate now;

  today (&now);
  if (level == FZP_RURAL_BASES_LEVEL_NONE || level > FZP_RURAL_BASES_LEVEL_LAST)
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_EMPTY, _("%s: the value is missing"), _("Level"));
      return 0;
    }
  if (!valid (day))
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_EMPTY, _("%s: the value is missing"),
                   _("Recognised on"));
      return 0;
    }
  if (g_date_compare (day, &now) > 0)
    {
      g_autofree char *d = iso_or_null (day);
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_DATE, _("%1$s: %2$s is in the future"),
                   _("Recognised on"), d);
      return 0;
    }
  if (!fzp_rural_bases_check_text (document_number, _("Document number"), 60, FALSE, &number, error) ||
      !fzp_rural_bases_check_text (exception, _("Reason for the exception"), 200, FALSE, &why, error))
    return 0;
  r.document_number = number;
  r.exception = why;
  if (!fz_database_transaction (db_of (context), recognize_txn, &r, error))
    return 0;
  return r.id;
}

static gboolean
withdraw_txn (FzDatabase  *db,
              gpointer     user_data,
              GError     **error)
{
  Recognize *r = user_data;
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(FzCertificateRecord) certificate = NULL;
  g_autofree char *d = iso_or_null (r->day);
  g_autofree char *key = NULL;
  GDate recognized;
  gint64 id;

  st = fz_database_query (db, "SELECT id, recognized_on FROM rural_bases_recognition WHERE base_id = ?1 "
                          "AND level = ?2 AND withdrawn_on IS NULL",
                          g_variant_new ("(xs)", r->base_id, fzp_rural_bases_level_to_nick (r->level)), error);
  if (st == NULL)
    return FALSE;
  if (!fz_statement_step (st, &local_error))
    {
      if (local_error == NULL)
        g_set_error (&local_error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_NOT_FOUND,
                     _("%1$s: the base is not recognised at %2$s"), _("Level"),
                     fzp_rural_bases_level_to_string (r->level));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  id = fz_statement_get_int64 (st, 0);
  read_date (st, 1, &recognized);
  g_clear_pointer (&st, fz_statement_unref);
  if (g_date_compare (r->day, &recognized) < 0)
    {
      g_autofree char *on = iso_or_null (&recognized);
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_DATE,
                   _("%1$s: %2$s is before the base was recognised (%3$s)"), _("Withdrawn on"), d, on);
      return FALSE;
    }
  if (!fz_database_execute (db, "UPDATE rural_bases_recognition SET withdrawn_on = ?2, withdrawn_reason = ?3 "
                            "WHERE id = ?1",
                            g_variant_new ("(xss)", id, d, r->reason), error))
    return FALSE;

  /* A printed certificate stops being valid with the recognition. */
  key = fzp_rural_bases_certificate_key (r->base_id, id);
  certificate = fz_certificate_register_lookup (r->context, FZP_RURAL_BASES_ID, "certificate", key, error);
  if (certificate == NULL)
    return error == NULL || *error == NULL;
  return fz_certificate_register_revoke (r->context, certificate->serial, r->reason, r->day, error);
}

gboolean
fzp_rural_bases_withdraw (FzContext           *context,
                          gint64               base_id,
                          FzpRuralBasesLevel   level,
                          const GDate         *day,
                          const char          *reason,
                          GError             **error)
{
  g_autofree char *why = NULL;
  Recognize r = { context, base_id, level, day, NULL, NULL, NULL, 0 };
  GDate now;

  today (&now);
  if (!fzp_rural_bases_check_text (reason, _("Reason"), 200, TRUE, &why, error))
    return FALSE;
  if (!valid (day) || g_date_compare (day, &now) > 0)
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_DATE, _("%s: give a day that has come"),
                   _("Withdrawn on"));
      return FALSE;
    }
  r.reason = why;
  return fz_database_transaction (db_of (context), withdraw_txn, &r, error);
}

/* Persons employed and persons helped */

void
fzp_rural_bases_tie_free (FzpRuralBasesTie *tie)
{
  if (tie == NULL)
    return;
  g_free (tie->name);
  g_free (tie->id_number);
  g_free (tie->person_county);
  g_free (tie->detail);
  g_free (tie);
}

typedef struct {
  FzContext         *context;
  gboolean           employment;
  gint64             base_id;
  gint64             person_id;
  const GDate       *start;
  const GDate       *end;
  double             income;
  FzpRuralBasesHelp  kind;
  const char        *detail;
  gint64             id;
} Tie;

/* Whether @person_id has a period in @table at @base_id overlapping
 * [start, end] (of @kind when given), other than @except. */
static gboolean
find_overlap (FzDatabase   *db,
              const char   *table,
              gint64        base_id,
              gint64        person_id,
              const char   *kind,
              const GDate  *start,
              const GDate  *end,
              gint64        except,
              gboolean     *overlap,
              GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT started_on, ended_on FROM %s WHERE base_id = ?1 AND person_id = ?2 "
                                          "AND id != ?3 %s", table, kind ? "AND kind = ?4" : "AND ?4 IS NULL");
  g_autoptr(FzStatement) st = fz_database_query (db, sql, g_variant_new ("(xxxms)", base_id, person_id, except, kind),
                                                 error);
  g_autoptr(GError) local_error = NULL;

  *overlap = FALSE;
  if (st == NULL)
    return FALSE;
  while (!*overlap && fz_statement_step (st, &local_error))
    {
      GDate s, e;

      read_date (st, 0, &s);
      read_date (st, 1, &e);
      *overlap = fzp_rural_bases_periods_overlap (start, end, &s, &e);
    }
  return finish (&local_error, error);
}

static gboolean
tie_txn (FzDatabase  *db,
         gpointer     user_data,
         GError     **error)
{
  Tie *t = user_data;
  g_autoptr(FzpRuralBasesBase) base = fzp_rural_bases_find_base (t->context, t->base_id, error);
  g_autoptr(FzPerson) person = NULL;
  g_autofree char *start = iso_or_null (t->start);
  g_autofree char *end = iso_or_null (t->end);
  gboolean overlap = FALSE;
  GDate now;

  if (base == NULL)
    return FALSE;
  person = fz_registry_find_person (fz_context_get_registry (t->context), t->person_id, error);
  if (person == NULL)
    return FALSE;
  today (&now);
  if (!fzp_rural_bases_check_period (t->start, t->end, &base->founded_on, &base->closed_on, &now, error))
    return FALSE;

  if (!find_overlap (db, t->employment ? "rural_bases_employment" : "rural_bases_help", t->base_id, t->person_id,
                     t->employment ? NULL : fzp_rural_bases_help_to_nick (t->kind), t->start, t->end, 0,
                     &overlap, error))
    return FALSE;
  if (overlap)
    {
      if (t->employment)
        g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_MISMATCH,
                     _("%1$s: %2$s is employed at %3$s in that period already"), _("Start date"),
                     fz_person_get_name (person), base->name);
      else
        g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_MISMATCH,
                     _("%1$s: %2$s is helped by %3$s in that way in that period already"), _("Start date"),
                     fz_person_get_name (person), base->name);
      return FALSE;
    }
  /* Kept apart: whom a base employs it does not also count as helped. */
  if (!find_overlap (db, t->employment ? "rural_bases_help" : "rural_bases_employment", t->base_id, t->person_id,
                     NULL, t->start, t->end, 0, &overlap, error))
    return FALSE;
  if (overlap)
    {
      if (t->employment)
        g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_MISMATCH,
                     _("%1$s: %2$s is helped by %3$s in that period; end the help first, as a person the base "
                       "employs is not also counted as helped"), _("Start date"),
                     fz_person_get_name (person), base->name);
      else
        g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_MISMATCH,
                     _("%1$s: %2$s is employed at %3$s in that period; help counts persons the base does not "
                       "employ"), _("Start date"), fz_person_get_name (person), base->name);
      return FALSE;
    }

  if (t->employment)
    {
      if (!fz_database_execute (db, "INSERT INTO rural_bases_employment (base_id, person_id, started_on, ended_on, "
                                "monthly_income, job) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                g_variant_new ("(xxsmsdms)", t->base_id, t->person_id, start, end, t->income,
                                               t->detail), error))
        return FALSE;
      t->id = fz_database_last_insert_rowid (db);

      /* The registry keeps who is employed, and the plan's count of new
       * employment reads it there: a person the base employs now is. */
      if (!valid (t->end) && fz_person_get_employment_status (person) != FZ_EMPLOYMENT_EMPLOYED)
        {
          fz_person_set_employment_status (person, FZ_EMPLOYMENT_EMPLOYED);
          fz_person_set_employment_date (person, start);
          if (!fz_registry_update_person (fz_context_get_registry (t->context), person, error))
            return FALSE;
        }
    }
  else
    {
      if (!fz_database_execute (db, "INSERT INTO rural_bases_help (base_id, person_id, kind, started_on, ended_on, "
                                "note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                g_variant_new ("(xxssmsms)", t->base_id, t->person_id,
                                               fzp_rural_bases_help_to_nick (t->kind), start, end, t->detail),
                                error))
        return FALSE;
      t->id = fz_database_last_insert_rowid (db);
    }
  return TRUE;
}

static gint64
add_tie (Tie      *t,
         GError  **error)
{
  g_autofree char *detail = NULL;

  if (!valid (t->start))
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_EMPTY, _("%s: the value is missing"), _("Start date"));
      return 0;
    }
  if (!fzp_rural_bases_check_text (t->detail, t->employment ? _("Job") : _("Note"), 100, FALSE, &detail, error))
    return 0;
  t->detail = detail;
  if (!fz_database_transaction (db_of (t->context), tie_txn, t, error))
    return 0;
  return t->id;
}

gint64
fzp_rural_bases_employ (FzContext    *context,
                        gint64        base_id,
                        gint64        person_id,
                        const GDate  *start,
                        const GDate  *end,
                        double        monthly_income,
                        const char   *job,
                        GError      **error)
{
  Tie t = { context, TRUE, base_id, person_id, start, end, monthly_income, FZP_RURAL_BASES_HELP_NONE, job, 0 };

  if (monthly_income < 0 || monthly_income > 1000000)
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_LENGTH,
                   _("%s: give 0 to 1,000,000 yuan"), _("Monthly income"));
      return 0;
    }
  return add_tie (&t, error);
}

gint64
fzp_rural_bases_help (FzContext          *context,
                      gint64              base_id,
                      gint64              person_id,
                      FzpRuralBasesHelp   kind,
                      const GDate        *start,
                      const GDate        *end,
                      const char         *note,
                      GError            **error)
{
  Tie t = { context, FALSE, base_id, person_id, start, end, 0, kind, note, 0 };

  if (kind == FZP_RURAL_BASES_HELP_NONE || kind > FZP_RURAL_BASES_HELP_LAST)
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_EMPTY, _("%s: the value is missing"),
                   _("Kind of help"));
      return 0;
    }
  return add_tie (&t, error);
}

typedef struct {
  gboolean     employment;
  gint64       id;
  const GDate *day;
} EndTie;

static gboolean
end_tie_txn (FzDatabase  *db,
             gpointer     user_data,
             GError     **error)
{
  EndTie *e = user_data;
  const char *table = e->employment ? "rural_bases_employment" : "rural_bases_help";
  g_autofree char *sql = g_strdup_printf ("SELECT started_on, ended_on FROM %s WHERE id = ?1", table);
  g_autofree char *update = g_strdup_printf ("UPDATE %s SET ended_on = ?2 WHERE id = ?1", table);
  g_autoptr(FzStatement) st = fz_database_query (db, sql, g_variant_new ("(x)", e->id), error);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *d = iso_or_null (e->day);
  GDate start, end, now;

  if (st == NULL)
    return FALSE;
  if (!fz_statement_step (st, &local_error))
    {
      if (local_error == NULL)
        not_found (&local_error, e->employment ? _("employment") : _("help"), e->id);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  read_date (st, 0, &start);
  read_date (st, 1, &end);
  g_clear_pointer (&st, fz_statement_unref);
  if (valid (&end))
    {
      g_autofree char *ended = iso_or_null (&end);
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_MISMATCH, _("%1$s: it ended on %2$s already"),
                   _("End date"), ended);
      return FALSE;
    }
  today (&now);
  if (!fzp_rural_bases_check_period (&start, e->day, NULL, NULL, &now, error))
    return FALSE;
  return fz_database_execute (db, update, g_variant_new ("(xs)", e->id, d), error);
}

gboolean
fzp_rural_bases_end_tie (FzContext    *context,
                         gboolean      employment,
                         gint64        id,
                         const GDate  *day,
                         GError      **error)
{
  EndTie e = { employment, id, day };

  if (!valid (day))
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_EMPTY, _("%s: the value is missing"), _("End date"));
      return FALSE;
    }
  return fz_database_transaction (db_of (context), end_tie_txn, &e, error);
}

GPtrArray *
fzp_rural_bases_list_ties (FzContext    *context,
                           gboolean      employment,
                           gint64        base_id,
                           const GDate  *day,
                           GError      **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) fzp_rural_bases_tie_free);
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *d = iso_or_null (day);

  if (employment)
    st = fz_database_query (db_of (context),
                            "SELECT t.id, t.base_id, t.person_id, p.name, p.id_number, p.county_code, t.started_on, "
                            "t.ended_on, t.monthly_income, NULL, t.job FROM rural_bases_employment t "
                            "JOIN fz_person p ON p.id = t.person_id WHERE t.base_id = ?1 "
                            "AND (?2 IS NULL OR (t.started_on <= ?2 AND (t.ended_on IS NULL OR t.ended_on >= ?2))) "
                            "ORDER BY t.started_on, t.id",
                            g_variant_new ("(xms)", base_id, d), error);
  else
    st = fz_database_query (db_of (context),
                            "SELECT t.id, t.base_id, t.person_id, p.name, p.id_number, p.county_code, t.started_on, "
                            "t.ended_on, 0, t.kind, t.note FROM rural_bases_help t "
                            "JOIN fz_person p ON p.id = t.person_id WHERE t.base_id = ?1 "
                            "AND (?2 IS NULL OR (t.started_on <= ?2 AND (t.ended_on IS NULL OR t.ended_on >= ?2))) "
                            "ORDER BY t.started_on, t.id",
                            g_variant_new ("(xms)", base_id, d), error);
  if (st == NULL)
    return NULL;
  while (fz_statement_step (st, &local_error))
    {
      FzpRuralBasesTie *t = g_new0 (FzpRuralBasesTie, 1);

      t->id = fz_statement_get_int64 (st, 0);
      t->base_id = fz_statement_get_int64 (st, 1);
      t->person_id = fz_statement_get_int64 (st, 2);
      t->name = fz_statement_dup_text (st, 3);
      t->id_number = fz_statement_dup_text (st, 4);
      t->person_county = dup_or_null (st, 5);
      read_date (st, 6, &t->started_on);
      read_date (st, 7, &t->ended_on);
      t->monthly_income = fz_statement_get_double (st, 8);
      t->kind = fz_statement_is_null (st, 9) ? FZP_RURAL_BASES_HELP_NONE
                : fzp_rural_bases_help_from_nick (fz_statement_get_text (st, 9));
      t->detail = dup_or_null (st, 10);
      g_ptr_array_add (list, t);
    }
  if (!finish (&local_error, error))
    return NULL;
  return g_steal_pointer (&list);
}

/* Training */

void
fzp_rural_bases_training_free (FzpRuralBasesTraining *training)
{
  if (training == NULL)
    return;
  g_free (training->base_name);
  g_free (training->county_code);
  g_free (training->county_name);
  g_free (training->topic);
  g_free (training->place);
  g_free (training->trainer);
  g_free (training);
}

typedef struct {
  FzContext             *context;
  FzpRuralBasesTraining *training;
  const gint64          *person_ids;
  guint                  n_persons;
  gint64                 training_id;
  gboolean               remove;
} Training;

static gboolean
attend_txn (FzDatabase  *db,
            gpointer     user_data,
            GError     **error)
{
  Training *t = user_data;
  gint64 unused = 0;
  gboolean found = FALSE;

  if (!fz_database_query_int64 (db, "SELECT id FROM rural_bases_training WHERE id = ?1",
                                g_variant_new ("(x)", t->training_id), &unused, &found, error))
    return FALSE;
  if (!found)
    {
      not_found (error, _("training session"), t->training_id);
      return FALSE;
    }
  for (guint i = 0; i < t->n_persons; i++)
    {
      if (t->remove)
        {
          if (!fz_database_execute (db, "DELETE FROM rural_bases_attendee WHERE training_id = ?1 AND person_id = ?2",
                                    g_variant_new ("(xx)", t->training_id, t->person_ids[i]), error))
            return FALSE;
          continue;
        }
      if (!fz_database_query_int64 (db, "SELECT 1 FROM rural_bases_attendee WHERE training_id = ?1 AND person_id = ?2",
                                    g_variant_new ("(xx)", t->training_id, t->person_ids[i]), &unused, &found, error))
        return FALSE;
      if (found)
        {
          g_autoptr(FzPerson) person = fz_registry_find_person (fz_context_get_registry (t->context),
                                                                t->person_ids[i], NULL);
          g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_MISMATCH,
                       _("%1$s: %2$s attends the session already"), _("Attendee"),
                       person ? fz_person_get_name (person) : "?");
          return FALSE;
        }
      if (!fz_database_execute (db, "INSERT INTO rural_bases_attendee (training_id, person_id) VALUES (?1, ?2)",
                                g_variant_new ("(xx)", t->training_id, t->person_ids[i]), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
training_txn (FzDatabase  *db,
              gpointer     user_data,
              GError     **error)
{
  Training *t = user_data;
  FzpRuralBasesTraining *training = t->training;
  g_autofree char *held = iso_or_null (&training->held_on);

  if (training->base_id != 0)
    {
      g_autoptr(FzpRuralBasesBase) base = fzp_rural_bases_find_base (t->context, training->base_id, error);

      if (base == NULL)
        return FALSE;
      if (g_date_compare (&training->held_on, &base->founded_on) < 0 ||
          (valid (&base->closed_on) && g_date_compare (&training->held_on, &base->closed_on) > 0))
        {
          g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_DATE,
                       _("%1$s: %2$s is not within the time the base operates"), _("Held on"), held);
          return FALSE;
        }
      g_free (training->county_code);
      training->county_code = g_strdup (base->county_code);
    }
  if (!fz_database_execute (db, "INSERT INTO rural_bases_training (base_id, county_code, held_on, topic, hours, "
                            "place, trainer) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                            g_variant_new ("(mxsssdmsms)", training->base_id != 0, training->base_id,
                                           training->county_code, held, training->topic, training->hours,
                                           training->place, training->trainer),
                            error))
    return FALSE;
  training->id = t->training_id = fz_database_last_insert_rowid (db);
  return attend_txn (db, t, error);
}

gint64
fzp_rural_bases_add_training (FzContext             *context,
                              FzpRuralBasesTraining *training,
                              const gint64          *person_ids,
                              guint                  n_persons,
                              GError               **error)
{
  Training t = { context, training, person_ids, n_persons, 0, FALSE };
  g_autofree char *topic = NULL;
  g_autofree char *place = NULL;
  g_autofree char *trainer = NULL;
  GDate now;

  today (&now);
  if (!fzp_rural_bases_check_text (training->topic, _("Topic"), 100, TRUE, &topic, error) ||
      !fzp_rural_bases_check_text (training->place, _("Place"), 100, FALSE, &place, error) ||
      !fzp_rural_bases_check_text (training->trainer, _("Trainer"), 64, FALSE, &trainer, error))
    return 0;
  if (!valid (&training->held_on))
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_EMPTY, _("%s: the value is missing"), _("Held on"));
      return 0;
    }
  if (g_date_compare (&training->held_on, &now) > 0)
    {
      g_autofree char *d = iso_or_null (&training->held_on);
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_DATE, _("%1$s: %2$s is in the future"),
                   _("Held on"), d);
      return 0;
    }
  if (training->hours <= 0 || training->hours > 200)
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_LENGTH,
                   _("%s: give more than 0 and at most 200 hours"), _("Hours"));
      return 0;
    }
  if (training->base_id == 0)
    {
      g_autofree char *code = training->county_code ? fz_county_lookup (db_of (context), training->county_code) : NULL;

      if (code == NULL)
        {
          g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_UNKNOWN,
                       _("%s: give the base that held the session, or the county"), _("County"));
          return 0;
        }
      g_free (training->county_code);
      training->county_code = g_steal_pointer (&code);
    }
  g_free (training->topic);
  training->topic = g_steal_pointer (&topic);
  g_free (training->place);
  training->place = g_steal_pointer (&place);
  g_free (training->trainer);
  training->trainer = g_steal_pointer (&trainer);
  if (!fz_database_transaction (db_of (context), training_txn, &t, error))
    {
      training->id = 0;
      return 0;
    }
  return t.training_id;
}

gboolean
fzp_rural_bases_set_attendance (FzContext     *context,
                                gint64         training_id,
                                const gint64  *person_ids,
                                guint          n_persons,
                                gboolean       remove,
                                GError       **error)
{
  Training t = { context, NULL, person_ids, n_persons, training_id, remove };

  return fz_database_transaction (db_of (context), attend_txn, &t, error);
}

GPtrArray *
fzp_rural_bases_list_trainings (FzContext   *context,
                                gint64       base_id,
                                const char  *county_code,
                                GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) fzp_rural_bases_training_free);
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;

  st = fz_database_query (db_of (context),
                          "SELECT t.id, t.base_id, b.name, t.county_code, c.name, t.held_on, t.topic, t.hours, "
                          "t.place, t.trainer, (SELECT count(*) FROM rural_bases_attendee a WHERE a.training_id = t.id) "
                          "FROM rural_bases_training t JOIN fz_county c ON c.code = t.county_code "
                          "LEFT JOIN rural_bases_base b ON b.id = t.base_id "
                          "WHERE (?1 = 0 OR t.base_id = ?1) AND (?2 IS NULL OR t.county_code = ?2) "
                          "ORDER BY t.held_on DESC, t.id DESC",
                          g_variant_new ("(xms)", base_id, county_code), error);
  if (st == NULL)
    return NULL;
  while (fz_statement_step (st, &local_error))
    {
      FzpRuralBasesTraining *t = g_new0 (FzpRuralBasesTraining, 1);

      t->id = fz_statement_get_int64 (st, 0);
      t->base_id = fz_statement_is_null (st, 1) ? 0 : fz_statement_get_int64 (st, 1);
      t->base_name = dup_or_null (st, 2);
      t->county_code = fz_statement_dup_text (st, 3);
      t->county_name = fz_statement_dup_text (st, 4);
      read_date (st, 5, &t->held_on);
      t->topic = fz_statement_dup_text (st, 6);
      t->hours = fz_statement_get_double (st, 7);
      t->place = dup_or_null (st, 8);
      t->trainer = dup_or_null (st, 9);
      t->n_attendees = (guint) fz_statement_get_int64 (st, 10);
      g_ptr_array_add (list, t);
    }
  if (!finish (&local_error, error))
    return NULL;
  return g_steal_pointer (&list);
}

GPtrArray *
fzp_rural_bases_list_attendees (FzContext  *context,
                                gint64      training_id,
                                GError    **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) fzp_rural_bases_tie_free);
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;

  st = fz_database_query (db_of (context),
                          "SELECT p.id, p.name, p.id_number, p.county_code FROM rural_bases_attendee a "
                          "JOIN fz_person p ON p.id = a.person_id WHERE a.training_id = ?1 ORDER BY p.name, p.id",
                          g_variant_new ("(x)", training_id), error);
  if (st == NULL)
    return NULL;
  while (fz_statement_step (st, &local_error))
    {
      FzpRuralBasesTie *t = g_new0 (FzpRuralBasesTie, 1);

      t->person_id = fz_statement_get_int64 (st, 0);
      t->name = fz_statement_dup_text (st, 1);
      t->id_number = fz_statement_dup_text (st, 2);
      t->person_county = dup_or_null (st, 3);
      g_date_clear (&t->started_on, 1);
      g_date_clear (&t->ended_on, 1);
      g_ptr_array_add (list, t);
    }
  if (!finish (&local_error, error))
    return NULL;
  return g_steal_pointer (&list);
}

/* Yearly figures and assessment */

void
fzp_rural_bases_assessment_free (FzpRuralBasesAssessment *assessment)
{
  if (assessment == NULL)
    return;
  g_free (assessment->base_name);
  g_free (assessment->county_code);
  g_free (assessment->county_name);
  g_free (assessment->note);
  g_free (assessment->assessed_by);
  g_free (assessment);
}

static void
year_bounds (int   year,
             char  first[11],
             char  last[11])
{
  g_snprintf (first, 11, "%04d-01-01", year);
  g_snprintf (last, 11, "%04d-12-31", year);
}

gboolean
fzp_rural_bases_compute_year (FzContext                 *context,
                              gint64                     base_id,
                              int                        year,
                              FzpRuralBasesYearFigures  *figures,
                              GError                   **error)
{
  FzDatabase *db = db_of (context);
  g_autoptr(GHashTable) months = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;
  GHashTableIter iter;
  gpointer mask;
  gint64 n = 0;
  char first[11], last[11];

  memset (figures, 0, sizeof *figures);
  year_bounds (year, first, last);

  /* Months worked, once a person even when two periods share a month. */
  st = fz_database_query (db, "SELECT person_id, started_on, ended_on, monthly_income FROM rural_bases_employment "
                          "WHERE base_id = ?1 AND started_on <= ?3 AND (ended_on IS NULL OR ended_on >= ?2)",
                          g_variant_new ("(xss)", base_id, first, last), error);
  if (st == NULL)
    return FALSE;
  while (fz_statement_step (st, &local_error))
    {
      gint64 person = fz_statement_get_int64 (st, 0);
      guint bits = GPOINTER_TO_UINT (g_hash_table_lookup (months, &person));
      GDate start, end;
      guint n_months, from;

      read_date (st, 1, &start);
      read_date (st, 2, &end);
      n_months = fzp_rural_bases_months_in_year (&start, &end, year);
      if (n_months == 0)
        continue;
      from = (int) g_date_get_year (&start) < year ? 1 : g_date_get_month (&start);
      for (guint m = from; m < from + n_months; m++)
        bits |= 1u << m;
      figures->income_paid += fz_statement_get_double (st, 3) * n_months;
      g_hash_table_insert (months, g_memdup2 (&person, sizeof person), GUINT_TO_POINTER (bits));
    }
  if (!finish (&local_error, error))
    return FALSE;
  g_clear_pointer (&st, fz_statement_unref);
  g_hash_table_iter_init (&iter, months);
  while (g_hash_table_iter_next (&iter, NULL, &mask))
    {
      figures->employed++;
      for (guint bits = GPOINTER_TO_UINT (mask); bits; bits &= bits - 1)
        figures->employed_months++;
    }
  figures->income_paid = fzp_rural_bases_average_income (figures->income_paid, 1);

  if (!fz_database_query_int64 (db, "SELECT count(DISTINCT person_id) FROM rural_bases_help WHERE base_id = ?1 "
                                "AND started_on <= ?3 AND (ended_on IS NULL OR ended_on >= ?2)",
                                g_variant_new ("(xss)", base_id, first, last), &n, NULL, error))
    return FALSE;
  figures->helped = (guint) n;
  if (!fz_database_query_int64 (db, "SELECT count(*) FROM rural_bases_training WHERE base_id = ?1 "
                                "AND held_on BETWEEN ?2 AND ?3",
                                g_variant_new ("(xss)", base_id, first, last), &n, NULL, error))
    return FALSE;
  figures->training_sessions = (guint) n;
  if (!fz_database_query_int64 (db, "SELECT count(DISTINCT a.person_id) FROM rural_bases_attendee a "
                                "JOIN rural_bases_training t ON t.id = a.training_id WHERE t.base_id = ?1 "
                                "AND t.held_on BETWEEN ?2 AND ?3",
                                g_variant_new ("(xss)", base_id, first, last), &n, NULL, error))
    return FALSE;
  figures->training_attendees = (guint) n;
  return TRUE;
}

typedef struct {
  FzContext                      *context;
  gint64                          base_id;
  int                             year;
  const FzpRuralBasesYearFigures *figures;
  FzpRuralBasesResult             result;
  const char                     *note;
  const GDate                    *day;
} Assess;

static gboolean
assess_txn (FzDatabase  *db,
            gpointer     user_data,
            GError     **error)
{
  Assess *a = user_data;
  g_autoptr(FzpRuralBasesBase) base = fzp_rural_bases_find_base (a->context, a->base_id, error);
  FzpRuralBasesYearFigures computed;
  const FzpRuralBasesYearFigures *f = a->figures;
  g_autofree char *d = iso_or_null (a->day);

  if (base == NULL)
    return FALSE;
  if ((int) g_date_get_year (&base->founded_on) > a->year ||
      (valid (&base->closed_on) && (int) g_date_get_year (&base->closed_on) < a->year))
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_DATE,
                   _("%1$s: %2$s did not operate in %3$d"), _("Year"), base->name, a->year);
      return FALSE;
    }
  if (f == NULL)
    {
      if (!fzp_rural_bases_compute_year (a->context, a->base_id, a->year, &computed, error))
        return FALSE;
      f = &computed;
    }
  return fz_database_execute (db,
                              "INSERT INTO rural_bases_assessment (base_id, year, employed, helped, employed_months, "
                              "income_paid, training_sessions, training_attendees, result, note, assessed_on, "
                              "assessed_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
                              "ON CONFLICT (base_id, year) DO UPDATE SET employed = excluded.employed, "
                              "helped = excluded.helped, employed_months = excluded.employed_months, "
                              "income_paid = excluded.income_paid, training_sessions = excluded.training_sessions, "
                              "training_attendees = excluded.training_attendees, result = excluded.result, "
                              "note = excluded.note, assessed_on = excluded.assessed_on, "
                              "assessed_by = excluded.assessed_by",
                              g_variant_new ("(xiuuuduusmsss)", a->base_id, (gint32) a->year, f->employed, f->helped,
                                             f->employed_months, f->income_paid, f->training_sessions,
                                             f->training_attendees, fzp_rural_bases_result_to_nick (a->result),
                                             a->note, d, fz_context_get_operator (a->context)),
                              error);
}

gboolean
fzp_rural_bases_assess (FzContext                       *context,
                        gint64                           base_id,
                        int                              year,
                        const FzpRuralBasesYearFigures  *figures,
                        FzpRuralBasesResult              result,
                        const char                      *note,
                        const GDate                     *day,
                        GError                         **error)
{
  Assess a = { context, base_id, year, figures, result, NULL, day };
  g_autofree char *text = NULL;
  GDate now;

  today (&now);
  if (year < 2000 || year > (int) g_date_get_year (&now))
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_DATE,
                   _("%1$s: %2$d has not begun"), _("Year"), year);
      return FALSE;
    }
  if (result == FZP_RURAL_BASES_RESULT_NONE || result > FZP_RURAL_BASES_RESULT_LAST)
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_EMPTY, _("%s: the value is missing"), _("Result"));
      return FALSE;
    }
  if (!valid (day) || g_date_compare (day, &now) > 0 || (int) g_date_get_year (day) < year)
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_DATE,
                   _("%1$s: give a day of %2$d or later that has come"), _("Assessed on"), year);
      return FALSE;
    }
  if (figures && figures->employed_months > figures->employed * 12)
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_MISMATCH,
                   _("%1$s: %2$u months is more than 12 months for each of %3$u persons"), _("Months worked"),
                   figures->employed_months, figures->employed);
      return FALSE;
    }
  if (figures && (figures->income_paid < 0 || (figures->income_paid > 0 && figures->employed_months == 0)))
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_MISMATCH,
                   _("%s: income was paid, so give the months worked too"), _("Income paid"));
      return FALSE;
    }
  if (!fzp_rural_bases_check_text (note, _("Note"), 500, FALSE, &text, error))
    return FALSE;
  a.note = text;
  if (!fz_database_transaction (db_of (context), assess_txn, &a, error))
    {
      g_prefix_error (error, _("Could not save the assessment: "));
      return FALSE;
    }
  return TRUE;
}

static FzpRuralBasesAssessment *
read_assessment (FzStatement *st)
{
  FzpRuralBasesAssessment *a = g_new0 (FzpRuralBasesAssessment, 1);

  a->base_id = fz_statement_get_int64 (st, 0);
  a->base_name = fz_statement_dup_text (st, 1);
  a->county_code = fz_statement_dup_text (st, 2);
  a->county_name = fz_statement_dup_text (st, 3);
  a->year = (int) fz_statement_get_int64 (st, 4);
  g_date_clear (&a->assessed_on, 1);
  if (!fz_statement_is_null (st, 5))
    {
      a->figures.employed = (guint) fz_statement_get_int64 (st, 5);
      a->figures.helped = (guint) fz_statement_get_int64 (st, 6);
      a->figures.employed_months = (guint) fz_statement_get_int64 (st, 7);
      a->figures.income_paid = fz_statement_get_double (st, 8);
      a->figures.training_sessions = (guint) fz_statement_get_int64 (st, 9);
      a->figures.training_attendees = (guint) fz_statement_get_int64 (st, 10);
      a->result = fzp_rural_bases_result_from_nick (fz_statement_get_text (st, 11));
      a->note = dup_or_null (st, 12);
      read_date (st, 13, &a->assessed_on);
      a->assessed_by = dup_or_null (st, 14);
    }
  return a;
}

/* The day a year's figures are taken on: its last day, or today while it runs. */
static void
reference_day (int    year,
               GDate *day)
{
  GDate now;

  today (&now);
  g_date_clear (day, 1);
  g_date_set_dmy (day, 31, G_DATE_DECEMBER, (GDateYear) year);
  if (g_date_compare (day, &now) > 0)
    *day = now;
}

GPtrArray *
fzp_rural_bases_list_assessments (FzContext   *context,
                                  gint64       base_id,
                                  int          year,
                                  const char  *county_code,
                                  GError     **error)
{
  FzDatabase *db = db_of (context);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) fzp_rural_bases_assessment_free);
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) recognitions = load_recognitions (db, error);

  if (recognitions == NULL)
    return NULL;
  st = fz_database_query (db,
                          "SELECT b.id, b.name, b.county_code, c.name, a.year, a.employed, a.helped, a.employed_months, "
                          "a.income_paid, a.training_sessions, a.training_attendees, a.result, a.note, a.assessed_on, "
                          "a.assessed_by FROM rural_bases_assessment a JOIN rural_bases_base b ON b.id = a.base_id "
                          "JOIN fz_county c ON c.code = b.county_code "
                          "WHERE (?1 = 0 OR a.base_id = ?1) AND (?2 = 0 OR a.year = ?2) "
                          "AND (?3 IS NULL OR b.county_code = ?3) ORDER BY c.sort, b.name, b.id, a.year",
                          g_variant_new ("(xims)", base_id, (gint32) year, county_code), error);
  if (st == NULL)
    return NULL;
  while (fz_statement_step (st, &local_error))
    {
      FzpRuralBasesAssessment *a = read_assessment (st);
      GDate day;

      reference_day (a->year, &day);
      a->level = level_of (recognitions, a->base_id, &day);
      g_ptr_array_add (list, a);
    }
  if (!finish (&local_error, error))
    return NULL;
  return g_steal_pointer (&list);
}

GPtrArray *
fzp_rural_bases_year_rows (FzContext   *context,
                           int          year,
                           const char  *county_code,
                           GError     **error)
{
  FzDatabase *db = db_of (context);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) fzp_rural_bases_assessment_free);
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) recognitions = load_recognitions (db, error);
  char first[11], last[11];
  GDate day;

  if (recognitions == NULL)
    return NULL;
  year_bounds (year, first, last);
  reference_day (year, &day);
  st = fz_database_query (db,
                          "SELECT b.id, b.name, b.county_code, c.name, ?1, a.employed, a.helped, a.employed_months, "
                          "a.income_paid, a.training_sessions, a.training_attendees, a.result, a.note, a.assessed_on, "
                          "a.assessed_by FROM rural_bases_base b JOIN fz_county c ON c.code = b.county_code "
                          "LEFT JOIN rural_bases_assessment a ON a.base_id = b.id AND a.year = ?1 "
                          "WHERE b.founded_on <= ?3 AND (b.closed_on IS NULL OR b.closed_on >= ?2) "
                          "AND (?4 IS NULL OR b.county_code = ?4) ORDER BY c.sort, b.name, b.id",
                          g_variant_new ("(issms)", (gint32) year, first, last, county_code), error);
  if (st == NULL)
    return NULL;
  while (fz_statement_step (st, &local_error))
    {
      FzpRuralBasesAssessment *a = read_assessment (st);

      a->level = level_of (recognitions, a->base_id, &day);
      g_ptr_array_add (list, a);
    }
  if (!finish (&local_error, error))
    return NULL;
  g_clear_pointer (&st, fz_statement_unref);

  for (guint i = 0; i < list->len; i++)
    {
      FzpRuralBasesAssessment *a = g_ptr_array_index (list, i);

      if (a->result == FZP_RURAL_BASES_RESULT_NONE &&
          !fzp_rural_bases_compute_year (context, a->base_id, year, &a->figures, error))
        return NULL;
    }
  return g_steal_pointer (&list);
}

/* Homestays */

void
fzp_rural_bases_homestay_free (FzpRuralBasesHomestay *homestay)
{
  if (homestay == NULL)
    return;
  fzp_rural_bases_base_free (homestay->base);
  g_free (homestay);
}

GPtrArray *
fzp_rural_bases_list_homestays (FzContext    *context,
                                const GDate  *day,
                                const char   *county_code,
                                gboolean      priority_only,
                                GError      **error)
{
  FzDatabase *db = db_of (context);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) fzp_rural_bases_homestay_free);
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) recognitions = NULL;
  g_autofree char *d = iso_or_null (day);
  g_autofree char *kinds = NULL;
  FzpRuralBasesHomestayRule rule;

  if (!fzp_rural_bases_get_homestay_rule (context, day, &rule, error))
    return NULL;
  recognitions = load_recognitions (db, error);
  if (recognitions == NULL)
    return NULL;
  kinds = fzp_rural_bases_help_set_to_nicks (rule.cooperation_kinds);
  st = fz_database_query (db,
                          "SELECT " BASE_COLUMNS ", "
                          "(SELECT count(DISTINCT e.person_id) FROM rural_bases_employment e "
                          "  JOIN fz_person q ON q.id = e.person_id WHERE e.base_id = b.id AND e.started_on <= ?1 "
                          "  AND (e.ended_on IS NULL OR e.ended_on >= ?1) AND (?3 = 0 OR q.county_code = b.county_code)), "
                          "(SELECT count(DISTINCT h.person_id) FROM rural_bases_help h "
                          "  JOIN fz_person q ON q.id = h.person_id WHERE h.base_id = b.id AND h.started_on <= ?1 "
                          "  AND (h.ended_on IS NULL OR h.ended_on >= ?1) AND (?3 = 0 OR q.county_code = b.county_code) "
                          "  AND instr(',' || ?4 || ',', ',' || h.kind || ',') > 0) "
                          BASE_FROM
                          "WHERE b.homestay = 1 AND b.founded_on <= ?1 AND (b.closed_on IS NULL OR b.closed_on >= ?1) "
                          "AND (?2 IS NULL OR b.county_code = ?2) ORDER BY c.sort, b.name, b.id",
                          g_variant_new ("(smsis)", d, county_code, rule.local_only ? 1 : 0, kinds), error);
  if (st == NULL)
    return NULL;
  while (fz_statement_step (st, &local_error))
    {
      FzpRuralBasesHomestay *h = g_new0 (FzpRuralBasesHomestay, 1);

      h->base = read_base (st);
      h->base->level = level_of (recognitions, h->base->id, day);
      h->employed = (guint) fz_statement_get_int64 (st, 16);
      h->cooperating = (guint) fz_statement_get_int64 (st, 17);
      h->priority = fzp_rural_bases_homestay_priority (&rule, h->employed, h->cooperating);
      if (priority_only && h->priority == FZP_RURAL_BASES_PRIORITY_NONE)
        fzp_rural_bases_homestay_free (h);
      else
        g_ptr_array_add (list, h);
    }
  if (!finish (&local_error, error))
    return NULL;
  return g_steal_pointer (&list);
}

/* Indicators */

gboolean
fzp_rural_bases_compute_indicators (FzContext          *context,
                                    int                 year,
                                    FzIndicatorValues  *values,
                                    GError            **error)
{
  g_autoptr(GPtrArray) rows = fzp_rural_bases_year_rows (context, year, NULL, error);
  g_autoptr(GHashTable) income = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) closed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;
  double city_income = 0;
  guint city_months = 0;
  GHashTableIter iter;
  gpointer key, value;
  GDate day;

  if (rows == NULL)
    return FALSE;
  reference_day (year, &day);
  st = fz_database_query (db_of (context), "SELECT id, closed_on FROM rural_bases_base WHERE closed_on IS NOT NULL",
                          NULL, error);
  if (st == NULL)
    return FALSE;
  while (fz_statement_step (st, &local_error))
    {
      gint64 id = fz_statement_get_int64 (st, 0);
      GDate *on = g_new (GDate, 1);

      read_date (st, 1, on);
      g_hash_table_insert (closed, g_memdup2 (&id, sizeof id), on);
    }
  if (!finish (&local_error, error))
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      FzpRuralBasesAssessment *a = g_ptr_array_index (rows, i);
      double *sums = g_hash_table_lookup (income, a->county_code);
      const GDate *closed_on = g_hash_table_lookup (closed, &a->base_id);

      /* Bases are counted as they stand at the end of the year (today while it runs). */
      if (closed_on == NULL || g_date_compare (closed_on, &day) >= 0)
        {
          const char *level_ids[] = { "bases-unrecognised", "bases-county", "bases-city", "bases-province",
                                      "bases-high-standard" };

          fz_indicator_values_add (values, "bases", a->county_code, 1);
          fz_indicator_values_add (values, level_ids[a->level], a->county_code, 1);
        }
      fz_indicator_values_add (values, "employed", a->county_code, a->figures.employed);
      fz_indicator_values_add (values, "helped", a->county_code, a->figures.helped);
      fz_indicator_values_add (values, "trained", a->county_code, a->figures.training_attendees);
      if (sums == NULL)
        {
          sums = g_new0 (double, 2);
          g_hash_table_insert (income, g_strdup (a->county_code), sums);
        }
      sums[0] += a->figures.income_paid;
      sums[1] += a->figures.employed_months;
      city_income += a->figures.income_paid;
      city_months += a->figures.employed_months;
    }
  g_hash_table_iter_init (&iter, income);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      double *sums = value;
      if (sums[1] > 0)
        fz_indicator_values_add (values, "average-income", key,
                                 fzp_rural_bases_average_income (sums[0], (guint) sums[1]));
    }
  if (city_months > 0)
    fz_indicator_values_add (values, "average-income", FZ_CITY_CODE,
                             fzp_rural_bases_average_income (city_income, city_months));
  return TRUE;
}
