/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-blind-massage"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fzp-blind-massage-store.h"

/* Every table starts with blind_massage_. A released step is never edited:
 * a change is a new step at the end.
 *
 * Dates are text, YYYY-MM-DD. A filing is in force from valid_from through
 * valid_to (NULL: open) and through ended_on when it was ended earlier; the
 * queries below that say "in force on ?" mirror
 * fzp_blind_massage_filing_state(). */
const FzMigration fzp_blind_massage_migrations[] = {
  { 1,
    "CREATE TABLE blind_massage_practitioner ("
    "  id INTEGER PRIMARY KEY,"
    "  person_id INTEGER NOT NULL REFERENCES fz_person(id),"
    "  kind TEXT NOT NULL CHECK (kind IN ('medical', 'health')),"
    "  county_code TEXT NOT NULL REFERENCES fz_county(code),"
    "  qualification_number TEXT UNIQUE CHECK (qualification_number IS NULL OR length(qualification_number) > 0),"
    "  qualified_on TEXT,"
    "  registered_on TEXT NOT NULL,"
    "  left_on TEXT,"
    "  left_reason TEXT,"
    "  notes TEXT,"
    "  UNIQUE (person_id, kind),"
    "  CHECK ((qualification_number IS NULL) = (qualified_on IS NULL)));"
    "CREATE INDEX blind_massage_practitioner_county ON blind_massage_practitioner (county_code);"

    "CREATE TABLE blind_massage_exam_session ("
    "  id INTEGER PRIMARY KEY,"
    "  kind TEXT NOT NULL CHECK (kind IN ('medical', 'health')),"
    "  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),"
    "  held_on TEXT NOT NULL,"
    "  UNIQUE (kind, name));"
    "CREATE TABLE blind_massage_exam_result ("
    "  session_id INTEGER NOT NULL REFERENCES blind_massage_exam_session(id) ON DELETE CASCADE,"
    "  practitioner_id INTEGER NOT NULL REFERENCES blind_massage_practitioner(id) ON DELETE CASCADE,"
    "  written TEXT NOT NULL CHECK (written IN ('pass', 'fail', 'absent')),"
    "  practical TEXT NOT NULL CHECK (practical IN ('pass', 'fail', 'absent')),"
    "  paper TEXT CHECK (paper IS NULL OR paper IN ('braille', 'large-print', 'ordinary')),"
    "  PRIMARY KEY (session_id, practitioner_id));"

    "CREATE TABLE blind_massage_clinic ("
    "  id INTEGER PRIMARY KEY,"
    "  organization_id INTEGER NOT NULL UNIQUE REFERENCES fz_organization(id),"
    "  licensee TEXT NOT NULL CHECK (length(licensee) BETWEEN 1 AND 64),"
    "  licensee_practitioner_id INTEGER REFERENCES blind_massage_practitioner(id) ON DELETE SET NULL,"
    "  address TEXT NOT NULL CHECK (length(address) BETWEEN 1 AND 200),"
    "  county_code TEXT NOT NULL REFERENCES fz_county(code),"
    "  license_number TEXT UNIQUE,"
    "  opened_on TEXT,"
    "  closed_on TEXT,"
    "  insurance_from TEXT,"
    "  insurance_until TEXT,"
    "  CHECK (insurance_until IS NULL OR insurance_from IS NOT NULL AND insurance_until >= insurance_from));"
    "CREATE INDEX blind_massage_clinic_county ON blind_massage_clinic (county_code);"

    "CREATE TABLE blind_massage_filing ("
    "  id INTEGER PRIMARY KEY,"
    "  practitioner_id INTEGER NOT NULL REFERENCES blind_massage_practitioner(id) ON DELETE CASCADE,"
    "  workplace TEXT NOT NULL CHECK (length(workplace) BETWEEN 1 AND 200),"
    "  clinic_id INTEGER REFERENCES blind_massage_clinic(id) ON DELETE SET NULL,"
    "  county_code TEXT NOT NULL REFERENCES fz_county(code),"
    "  filing_number TEXT,"
    "  valid_from TEXT NOT NULL,"
    "  valid_to TEXT,"
    "  ended_on TEXT,"
    "  end_reason TEXT,"
    "  CHECK (valid_to IS NULL OR valid_to >= valid_from),"
    "  CHECK (ended_on IS NULL OR ended_on >= date(valid_from, '-1 day')));"
    "CREATE INDEX blind_massage_filing_practitioner ON blind_massage_filing (practitioner_id, valid_from);"
    "CREATE INDEX blind_massage_filing_clinic ON blind_massage_filing (clinic_id);"

    /* The ladder of titles [likely]: data, so that a renamed or added step
     * needs no new release. */
    "CREATE TABLE blind_massage_title_level ("
    "  level INTEGER PRIMARY KEY CHECK (level BETWEEN 1 AND 20),"
    "  name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 64),"
    "  needs_passed_review INTEGER NOT NULL DEFAULT 1 CHECK (needs_passed_review IN (0, 1)));"
    "INSERT INTO blind_massage_title_level (level, name, needs_passed_review) VALUES"
    "  (1, '医疗按摩士', 0), (2, '医疗按摩师', 1), (3, '主治医疗按摩师', 1),"
    "  (4, '副主任医疗按摩师', 1), (5, '主任医疗按摩师', 1);"
    "CREATE TABLE blind_massage_title ("
    "  id INTEGER PRIMARY KEY,"
    "  practitioner_id INTEGER NOT NULL REFERENCES blind_massage_practitioner(id) ON DELETE CASCADE,"
    "  level INTEGER NOT NULL REFERENCES blind_massage_title_level(level),"
    "  awarded_on TEXT NOT NULL,"
    "  document TEXT,"
    "  UNIQUE (practitioner_id, level));"

    "CREATE TABLE blind_massage_course ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),"
    "  organizer TEXT,"
    "  held_from TEXT NOT NULL,"
    "  held_to TEXT NOT NULL,"
    "  hours REAL NOT NULL CHECK (hours > 0 AND hours <= 1000),"
    "  kind TEXT CHECK (kind IS NULL OR kind IN ('medical', 'health')),"
    "  CHECK (held_to >= held_from),"
    "  UNIQUE (name, held_from));"
    "CREATE INDEX blind_massage_course_held_to ON blind_massage_course (held_to);"
    "CREATE TABLE blind_massage_attendance ("
    "  course_id INTEGER NOT NULL REFERENCES blind_massage_course(id) ON DELETE CASCADE,"
    "  practitioner_id INTEGER NOT NULL REFERENCES blind_massage_practitioner(id) ON DELETE CASCADE,"
    "  hours REAL CHECK (hours IS NULL OR hours > 0 AND hours <= 1000),"
    "  PRIMARY KEY (course_id, practitioner_id));"
    "CREATE INDEX blind_massage_attendance_practitioner ON blind_massage_attendance (practitioner_id);"

    /* The yearly review (证书年审): national rules are open, so its cycle,
     * due date and requirements are data with effective dates. The default
     * asks 20 class hours of continuing education a year [likely, old],
     * every year after qualification, by 31 December, from the plan's
     * first year. Health massage has no review unless a rule says so. */
    "CREATE TABLE blind_massage_review_rule ("
    "  kind TEXT NOT NULL CHECK (kind IN ('medical', 'health')),"
    "  effective_from TEXT NOT NULL,"
    "  cycle_years INTEGER NOT NULL CHECK (cycle_years BETWEEN 0 AND 10),"
    "  due_month INTEGER NOT NULL CHECK (due_month BETWEEN 1 AND 12),"
    "  due_day INTEGER NOT NULL CHECK (due_day BETWEEN 1 AND 31),"
    "  due_year_offset INTEGER NOT NULL DEFAULT 0 CHECK (due_year_offset IN (0, 1)),"
    "  credit_hours REAL NOT NULL CHECK (credit_hours >= 0 AND credit_hours <= 1000),"
    "  require_filing INTEGER NOT NULL DEFAULT 0 CHECK (require_filing IN (0, 1)),"
    "  requirements TEXT,"
    "  PRIMARY KEY (kind, effective_from));"
    "INSERT INTO blind_massage_review_rule (kind, effective_from, cycle_years, due_month, due_day,"
    "  due_year_offset, credit_hours, require_filing, requirements) VALUES"
    "  ('medical', '2022-01-01', 1, 12, 31, 0, 20, 0,"
    "   '盲人医疗按摩人员资格证书、第二代残疾人证、本人身份证、本年度继续教育学时证明、执业备案材料'),"
    "  ('health', '2022-01-01', 0, 12, 31, 0, 0, 0, NULL);"
    "CREATE TABLE blind_massage_review ("
    "  practitioner_id INTEGER NOT NULL REFERENCES blind_massage_practitioner(id) ON DELETE CASCADE,"
    "  year INTEGER NOT NULL CHECK (year BETWEEN 1950 AND 2200),"
    "  result TEXT NOT NULL CHECK (result IN ('passed', 'failed', 'deferred')),"
    "  done_on TEXT NOT NULL,"
    "  hours REAL NOT NULL,"
    "  hours_required REAL NOT NULL,"
    "  notes TEXT,"
    "  reviewer TEXT,"
    "  PRIMARY KEY (practitioner_id, year));"
    "CREATE INDEX blind_massage_review_year ON blind_massage_review (year);"

    "CREATE TABLE blind_massage_post ("
    "  id INTEGER PRIMARY KEY,"
    "  organization_id INTEGER NOT NULL REFERENCES fz_organization(id),"
    "  department TEXT,"
    "  county_code TEXT NOT NULL REFERENCES fz_county(code),"
    "  created_on TEXT NOT NULL,"
    "  abolished_on TEXT,"
    "  practitioner_id INTEGER REFERENCES blind_massage_practitioner(id) ON DELETE SET NULL,"
    "  CHECK (abolished_on IS NULL OR abolished_on >= created_on));"
    "CREATE INDEX blind_massage_post_county ON blind_massage_post (county_code);" },
};

const guint fzp_blind_massage_n_migrations = G_N_ELEMENTS (fzp_blind_massage_migrations);

/* Helpers */

static char *
iso_or_null (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;
  return fzp_blind_massage_date_to_iso (date);
}

static void
today (GDate *date)
{
  g_date_clear (date, 1);
  g_date_set_time_t (date, time (NULL));
}

static char *
trimmed_or_null (const char *text)
{
  g_autofree char *norm = fz_normalize_text (text);

  return *norm ? g_steal_pointer (&norm) : NULL;
}

static gboolean
finish_query (GError  *local_error,
              GError **error)
{
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

char *
fzp_blind_massage_lookup_county (FzDatabase  *db,
                                 const char  *text,
                                 GError     **error)
{
  char *code = fz_county_lookup (db, text);

  if (code == NULL)
    g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                 _("County: “%s” is not a county of the city"), text ? text : "");
  return code;
}

gboolean
fzp_blind_massage_parse_date (const char  *text,
                              const char  *field,
                              gboolean     optional,
                              GDate       *date,
                              GError     **error)
{
  g_autofree char *norm = fz_normalize_text (text);

  g_date_clear (date, 1);
  if (optional && *norm == '\0')
    return TRUE;
  return fz_parse_date (norm, field, date, error);
}

/* Practitioners */

#define PRACTITIONER_SELECT \
  "SELECT p.id, p.person_id, p.kind, f.name, f.id_number, f.cert_number, f.category, f.phone," \
  " p.county_code, c.name, p.qualification_number, p.qualified_on, p.registered_on, p.left_on," \
  " p.left_reason, p.notes " \
  "FROM blind_massage_practitioner p JOIN fz_person f ON f.id = p.person_id " \
  "LEFT JOIN fz_county c ON c.code = p.county_code "

void
fzp_blind_massage_practitioner_free (FzpBlindMassagePractitioner *p)
{
  if (p == NULL)
    return;
  g_free (p->name);
  g_free (p->id_number);
  g_free (p->cert_number);
  g_free (p->phone);
  g_free (p->county_code);
  g_free (p->county_name);
  g_free (p->qualification_number);
  g_free (p->left_reason);
  g_free (p->notes);
  g_free (p);
}

static FzpBlindMassagePractitioner *
practitioner_from_row (FzStatement *st)
{
  FzpBlindMassagePractitioner *p = g_new0 (FzpBlindMassagePractitioner, 1);

  p->id = fz_statement_get_int64 (st, 0);
  p->person_id = fz_statement_get_int64 (st, 1);
  p->kind = fzp_blind_massage_kind_from_nick (fz_statement_get_text (st, 2));
  p->name = fz_statement_dup_text (st, 3);
  p->id_number = fz_statement_dup_text (st, 4);
  p->cert_number = fz_statement_dup_text (st, 5);
  p->category = (guint) fz_statement_get_int64 (st, 6);
  p->phone = fz_statement_dup_text (st, 7);
  p->county_code = fz_statement_dup_text (st, 8);
  p->county_name = fz_statement_dup_text (st, 9);
  p->qualification_number = fz_statement_dup_text (st, 10);
  fzp_blind_massage_date_from_iso (fz_statement_get_text (st, 11), &p->qualified_on);
  fzp_blind_massage_date_from_iso (fz_statement_get_text (st, 12), &p->registered_on);
  fzp_blind_massage_date_from_iso (fz_statement_get_text (st, 13), &p->left_on);
  p->left_reason = fz_statement_dup_text (st, 14);
  p->notes = fz_statement_dup_text (st, 15);
  return p;
}

FzPerson *
fzp_blind_massage_resolve_person (FzContext   *context,
                                  const char  *number,
                                  char       **warning,
                                  GError     **error)
{
  g_autofree char *norm = fz_normalize_number (number);
  g_autoptr(FzPerson) person = NULL;

  if (*norm == '\0')
    {
      g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                           _("Identity number: the value is missing"));
      return NULL;
    }
  /* A disability certificate number starts with the identity number. */
  if (strlen (norm) == 20)
    norm[18] = '\0';
  if (!fz_validate_identity_number (norm, NULL, NULL, error))
    return NULL;
  person = fz_registry_find_person_by_id_number (fz_context_get_registry (context), norm, error);
  if (person == NULL)
    {
      if (error && *error == NULL)
        g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_NOT_FOUND,
                     _("Identity number: %s is not in the registry; add the person there first"), norm);
      return NULL;
    }
  if (warning)
    {
      *warning = NULL;
      if (fz_person_get_category (person) != FZ_CATEGORY_VISUAL)
        /* TRANSLATORS: %1$s a name, %2$s a disability category (肢体) */
        *warning = g_strdup_printf (_("%s holds a certificate for a %s disability, not a visual one: "
                                      "check that this is right"),
                                    fz_person_get_name (person),
                                    fz_category_to_string (fz_person_get_category (person)));
    }
  return g_steal_pointer (&person);
}

FzpBlindMassagePractitioner *
fzp_blind_massage_get_practitioner (FzContext  *context,
                                    gint64      id,
                                    GError    **error)
{
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;

  st = fz_database_query (fz_context_get_database (context), PRACTITIONER_SELECT "WHERE p.id = ?1",
                          g_variant_new ("(x)", id), error);
  if (st == NULL)
    return NULL;
  if (fz_statement_step (st, &local_error))
    return practitioner_from_row (st);
  if (local_error)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_NOT_FOUND,
                         _("Practitioner: there is no such practitioner"));
  return NULL;
}

FzpBlindMassagePractitioner *
fzp_blind_massage_find_practitioner (FzContext            *context,
                                     const char           *number,
                                     FzpBlindMassageKind   kind,
                                     GError              **error)
{
  g_autoptr(FzPerson) person = fzp_blind_massage_resolve_person (context, number, NULL, error);
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(FzpBlindMassagePractitioner) found = NULL;

  if (person == NULL)
    return NULL;
  st = fz_database_query (fz_context_get_database (context),
                          PRACTITIONER_SELECT "WHERE p.person_id = ?1 AND (?2 IS NULL OR p.kind = ?2) "
                          "ORDER BY p.kind DESC",
                          g_variant_new ("(xms)", fz_person_get_id (person), fzp_blind_massage_kind_to_nick (kind)),
                          error);
  if (st == NULL)
    return NULL;
  while (fz_statement_step (st, &local_error))
    {
      if (found)
        {
          g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                       _("Kind: %s practises both medical and health massage; say which"),
                       fz_person_get_name (person));
          return NULL;
        }
      found = practitioner_from_row (st);
    }
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (found == NULL)
    {
      if (kind == FZP_BLIND_MASSAGE_KIND_NONE)
        g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_NOT_FOUND,
                     _("Identity number: %s is not a blind massage practitioner"), fz_person_get_name (person));
      else
        /* TRANSLATORS: %1$s a name, %2$s medical or health massage */
        g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_NOT_FOUND,
                     _("Identity number: %s is not registered for %s"), fz_person_get_name (person),
                     fzp_blind_massage_kind_to_string (kind));
    }
  return g_steal_pointer (&found);
}

typedef struct {
  gint64       person_id;
  const char  *kind;
  const char  *county;
  char        *qualification;
  char        *qualified_on;
  char        *registered_on;
  char        *notes;
  gint64       id;
} AddPractitioner;

static gboolean
add_practitioner_txn (FzDatabase  *db,
                      gpointer     user_data,
                      GError     **error)
{
  AddPractitioner *add = user_data;

  if (!fz_database_execute (db,
                            "INSERT INTO blind_massage_practitioner (person_id, kind, county_code,"
                            " qualification_number, qualified_on, registered_on, notes)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                            g_variant_new ("(xssmsmssms)", add->person_id, add->kind, add->county,
                                           add->qualification, add->qualified_on, add->registered_on,
                                           add->notes),
                            error))
    return FALSE;
  add->id = fz_database_last_insert_rowid (db);
  return TRUE;
}

static gboolean
check_qualification (FzDatabase   *db,
                     const char   *number,
                     const GDate  *issued_on,
                     gint64        practitioner_id,
                     char        **normalized,
                     GError      **error)
{
  g_autofree char *norm = fz_normalize_number (number);
  gboolean taken = FALSE;
  GDate now;

  *normalized = NULL;
  if (*norm == '\0')
    {
      g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                           _("Qualification certificate: the number is missing"));
      return FALSE;
    }
  if (strlen (norm) > 40)
    {
      g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                           _("Qualification certificate: the number is longer than 40 characters"));
      return FALSE;
    }
  if (issued_on == NULL || !g_date_valid (issued_on))
    {
      g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                           _("Date of issue: a date is needed with the certificate's number"));
      return FALSE;
    }
  today (&now);
  if (g_date_compare (issued_on, &now) > 0)
    {
      g_autofree char *iso = fzp_blind_massage_date_to_iso (issued_on);
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                   _("Date of issue: %s is in the future"), iso);
      return FALSE;
    }
  if (!fz_database_query_int64 (db,
                                "SELECT 1 FROM blind_massage_practitioner WHERE qualification_number = ?1 AND id != ?2",
                                g_variant_new ("(sx)", norm, practitioner_id), NULL, &taken, error))
    return FALSE;
  if (taken)
    {
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                   _("Qualification certificate: %s is another practitioner's"), norm);
      return FALSE;
    }
  *normalized = g_steal_pointer (&norm);
  return TRUE;
}

gint64
fzp_blind_massage_add_practitioner (FzContext                            *context,
                                    const FzpBlindMassageNewPractitioner *in,
                                    char                                **warning,
                                    GError                              **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autoptr(FzPerson) person = NULL;
  g_autofree char *county = NULL;
  g_autofree char *warned = NULL;
  AddPractitioner add = { 0 };
  gboolean exists = FALSE;
  GDate now;

  if (warning)
    *warning = NULL;
  if (in->kind == FZP_BLIND_MASSAGE_KIND_NONE)
    {
      g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                           _("Kind: choose medical or health massage"));
      return 0;
    }
  person = fzp_blind_massage_resolve_person (context, in->number, &warned, error);
  if (person == NULL)
    return 0;

  if (in->county && *in->county)
    {
      county = fzp_blind_massage_lookup_county (db, in->county, error);
      if (county == NULL)
        return 0;
    }
  else if (fz_person_get_county_code (person))
    county = g_strdup (fz_person_get_county_code (person));
  else
    {
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                   _("County: the registry has no county for %s; give one"), fz_person_get_name (person));
      return 0;
    }

  if (!fz_database_query_int64 (db, "SELECT 1 FROM blind_massage_practitioner WHERE person_id = ?1 AND kind = ?2",
                                g_variant_new ("(xs)", fz_person_get_id (person),
                                               fzp_blind_massage_kind_to_nick (in->kind)),
                                NULL, &exists, error))
    return 0;
  if (exists)
    {
      /* TRANSLATORS: %1$s a name, %2$s medical or health massage */
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                   _("Identity number: %s is registered for %s already"), fz_person_get_name (person),
                   fzp_blind_massage_kind_to_string (in->kind));
      return 0;
    }

  if (in->qualification_number && *in->qualification_number)
    {
      if (!check_qualification (db, in->qualification_number, in->qualified_on, 0, &add.qualification, error))
        return 0;
      add.qualified_on = iso_or_null (in->qualified_on);
    }
  else if (in->qualified_on && g_date_valid (in->qualified_on))
    {
      g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                           _("Qualification certificate: the number is missing"));
      return 0;
    }

  today (&now);
  if (in->registered_on && g_date_valid (in->registered_on))
    {
      if (g_date_compare (in->registered_on, &now) > 0)
        {
          g_autofree char *iso = fzp_blind_massage_date_to_iso (in->registered_on);
          g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                       _("Registered: %s is in the future"), iso);
          g_free (add.qualification);
          g_free (add.qualified_on);
          return 0;
        }
      add.registered_on = fzp_blind_massage_date_to_iso (in->registered_on);
    }
  else
    add.registered_on = fzp_blind_massage_date_to_iso (&now);

  add.person_id = fz_person_get_id (person);
  add.kind = fzp_blind_massage_kind_to_nick (in->kind);
  add.county = county;
  add.notes = trimmed_or_null (in->notes);
  if (!fz_database_transaction (db, add_practitioner_txn, &add, error))
    {
      g_prefix_error (error, _("Could not add %s: "), fz_person_get_name (person));
      add.id = 0;
    }
  else if (warning)
    *warning = g_steal_pointer (&warned);
  g_free (add.qualification);
  g_free (add.qualified_on);
  g_free (add.registered_on);
  g_free (add.notes);
  return add.id;
}

typedef struct {
  gint64      id;
  const char *number;
  const char *issued_on;
} SetQualification;

static gboolean
set_qualification_txn (FzDatabase  *db,
                       gpointer     user_data,
                       GError     **error)
{
  SetQualification *set = user_data;

  return fz_database_execute (db,
                              "UPDATE blind_massage_practitioner SET qualification_number = ?2, qualified_on = ?3 "
                              "WHERE id = ?1",
                              g_variant_new ("(xss)", set->id, set->number, set->issued_on), error);
}

gboolean
fzp_blind_massage_set_qualification (FzContext    *context,
                                     gint64        practitioner_id,
                                     const char   *number,
                                     const GDate  *issued_on,
                                     GError      **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autoptr(FzpBlindMassagePractitioner) p = fzp_blind_massage_get_practitioner (context, practitioner_id, error);
  g_autofree char *norm = NULL;
  g_autofree char *iso = NULL;
  SetQualification set = { 0 };

  if (p == NULL || !check_qualification (db, number, issued_on, practitioner_id, &norm, error))
    return FALSE;
  iso = fzp_blind_massage_date_to_iso (issued_on);
  set.id = practitioner_id;
  set.number = norm;
  set.issued_on = iso;
  if (!fz_database_transaction (db, set_qualification_txn, &set, error))
    {
      g_prefix_error (error, _("Could not save the qualification of %s: "), p->name);
      return FALSE;
    }
  return TRUE;
}

typedef struct {
  gint64      id;
  const char *on;
  const char *reason;
} SetLeft;

static gboolean
set_left_txn (FzDatabase  *db,
              gpointer     user_data,
              GError     **error)
{
  SetLeft *set = user_data;

  if (!fz_database_execute (db, "UPDATE blind_massage_practitioner SET left_on = ?2, left_reason = ?3 WHERE id = ?1",
                            g_variant_new ("(xsms)", set->id, set->on, set->reason), error))
    return FALSE;
  /* Filings still open end the day before: a practitioner who left
   * practises nowhere. */
  return fz_database_execute (db,
                              "UPDATE blind_massage_filing SET"
                              "  ended_on = max(date(?2, '-1 day'), date(valid_from, '-1 day')),"
                              "  end_reason = coalesce(?3, '退出')"
                              " WHERE practitioner_id = ?1 AND (ended_on IS NULL OR ended_on >= ?2)"
                              "  AND (valid_to IS NULL OR valid_to >= ?2)",
                              g_variant_new ("(xsms)", set->id, set->on, set->reason), error);
}

gboolean
fzp_blind_massage_set_left (FzContext    *context,
                            gint64        practitioner_id,
                            const GDate  *on,
                            const char   *reason,
                            GError      **error)
{
  g_autoptr(FzpBlindMassagePractitioner) p = fzp_blind_massage_get_practitioner (context, practitioner_id, error);
  g_autofree char *iso = NULL;
  g_autofree char *why = trimmed_or_null (reason);
  SetLeft set = { 0 };

  if (p == NULL)
    return FALSE;
  if (on == NULL || !g_date_valid (on))
    {
      g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                           _("Left on: a date is needed"));
      return FALSE;
    }
  iso = fzp_blind_massage_date_to_iso (on);
  set.id = practitioner_id;
  set.on = iso;
  set.reason = why;
  if (!fz_database_transaction (fz_context_get_database (context), set_left_txn, &set, error))
    {
      g_prefix_error (error, _("Could not save that %s left: "), p->name);
      return FALSE;
    }
  return TRUE;
}

/* Exams */

typedef struct {
  const char *kind;
  const char *name;
  const char *held_on;
  gint64      id;
} AddSession;

static gboolean
add_session_txn (FzDatabase  *db,
                 gpointer     user_data,
                 GError     **error)
{
  AddSession *add = user_data;

  if (!fz_database_execute (db, "INSERT INTO blind_massage_exam_session (kind, name, held_on) VALUES (?1, ?2, ?3)",
                            g_variant_new ("(sss)", add->kind, add->name, add->held_on), error))
    return FALSE;
  add->id = fz_database_last_insert_rowid (db);
  return TRUE;
}

gint64
fzp_blind_massage_add_exam_session (FzContext            *context,
                                    FzpBlindMassageKind   kind,
                                    const char           *name,
                                    const GDate          *held_on,
                                    GError              **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autofree char *title = trimmed_or_null (name);
  g_autofree char *iso = iso_or_null (held_on);
  gboolean exists = FALSE;
  AddSession add = { 0 };

  if (kind == FZP_BLIND_MASSAGE_KIND_NONE)
    {
      g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                           _("Kind: choose medical or health massage"));
      return 0;
    }
  if (title == NULL || g_utf8_strlen (title, -1) > 200)
    {
      g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                           _("Exam: a name of 1 to 200 characters is needed"));
      return 0;
    }
  if (iso == NULL)
    {
      g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                           _("Held on: a date is needed"));
      return 0;
    }
  if (!fz_database_query_int64 (db, "SELECT 1 FROM blind_massage_exam_session WHERE kind = ?1 AND name = ?2",
                                g_variant_new ("(ss)", fzp_blind_massage_kind_to_nick (kind), title),
                                NULL, &exists, error))
    return 0;
  if (exists)
    {
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                   _("Exam: “%s” is recorded already"), title);
      return 0;
    }
  add.kind = fzp_blind_massage_kind_to_nick (kind);
  add.name = title;
  add.held_on = iso;
  if (!fz_database_transaction (db, add_session_txn, &add, error))
    {
      g_prefix_error (error, _("Could not save the exam: "));
      return 0;
    }
  return add.id;
}

typedef struct {
  gint64      session;
  gint64      practitioner;
  const char *written;
  const char *practical;
  const char *paper;
} ExamResult;

static gboolean
exam_result_txn (FzDatabase  *db,
                 gpointer     user_data,
                 GError     **error)
{
  ExamResult *r = user_data;

  return fz_database_execute (db,
                              "INSERT INTO blind_massage_exam_result (session_id, practitioner_id, written, practical, paper)"
                              " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (session_id, practitioner_id) DO UPDATE SET"
                              " written = excluded.written, practical = excluded.practical, paper = excluded.paper",
                              g_variant_new ("(xxssms)", r->session, r->practitioner, r->written, r->practical, r->paper),
                              error);
}

gboolean
fzp_blind_massage_record_exam_result (FzContext                *context,
                                      gint64                    session_id,
                                      gint64                    practitioner_id,
                                      FzpBlindMassageExamMark   written,
                                      FzpBlindMassageExamMark   practical,
                                      const char               *paper,
                                      GError                  **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autoptr(FzpBlindMassagePractitioner) p = fzp_blind_massage_get_practitioner (context, practitioner_id, error);
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;
  static const char *papers[] = { "braille", "large-print", "ordinary", NULL };
  ExamResult r = { session_id, practitioner_id, NULL, NULL, NULL };

  if (p == NULL)
    return FALSE;
  st = fz_database_query (db, "SELECT kind FROM blind_massage_exam_session WHERE id = ?1",
                          g_variant_new ("(x)", session_id), error);
  if (st == NULL)
    return FALSE;
  if (!fz_statement_step (st, &local_error))
    {
      if (local_error)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_NOT_FOUND,
                             _("Exam: there is no such exam"));
      return FALSE;
    }
  if (fzp_blind_massage_kind_from_nick (fz_statement_get_text (st, 0)) != p->kind)
    {
      /* TRANSLATORS: %1$s a name, %2$s medical or health massage */
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                   _("Exam: the exam is for another trade than %s’s, %s"), p->name,
                   fzp_blind_massage_kind_to_string (p->kind));
      return FALSE;
    }
  g_clear_pointer (&st, fz_statement_unref);
  if (paper && !g_strv_contains (papers, paper))
    {
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                   _("Paper: “%s” is not braille, large-print or ordinary"), paper);
      return FALSE;
    }
  r.written = fzp_blind_massage_exam_mark_to_nick (written);
  r.practical = fzp_blind_massage_exam_mark_to_nick (practical);
  r.paper = paper;
  if (r.written == NULL || r.practical == NULL)
    {
      g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                           _("Exam: both the written and the practical result are needed"));
      return FALSE;
    }
  if (!fz_database_transaction (db, exam_result_txn, &r, error))
    {
      g_prefix_error (error, _("Could not save the exam result of %s: "), p->name);
      return FALSE;
    }
  return TRUE;
}

/* Filings */

gboolean
fzp_blind_massage_filing_in_force (FzDatabase   *db,
                                   gint64        practitioner_id,
                                   const GDate  *on,
                                   gboolean     *in_force,
                                   GError      **error)
{
  g_autofree char *iso = fzp_blind_massage_date_to_iso (on);

  return fz_database_query_int64 (db,
                                  "SELECT 1 FROM blind_massage_filing WHERE practitioner_id = ?1"
                                  " AND valid_from <= ?2 AND (valid_to IS NULL OR valid_to >= ?2)"
                                  " AND (ended_on IS NULL OR ended_on >= ?2) LIMIT 1",
                                  g_variant_new ("(xs)", practitioner_id, iso), NULL, in_force, error);
}

typedef struct {
  gint64  id;
  char   *workplace;
  GDate   from;
  GDate   to;
  GDate   ended;
} Filing;

static void
filing_free (Filing *f)
{
  g_free (f->workplace);
  g_free (f);
}

static GPtrArray *
load_filings (FzDatabase  *db,
              gint64       practitioner_id,
              GError     **error)
{
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) filings = g_ptr_array_new_with_free_func ((GDestroyNotify) filing_free);

  st = fz_database_query (db,
                          "SELECT id, workplace, valid_from, valid_to, ended_on FROM blind_massage_filing"
                          " WHERE practitioner_id = ?1 ORDER BY valid_from, id",
                          g_variant_new ("(x)", practitioner_id), error);
  if (st == NULL)
    return NULL;
  while (fz_statement_step (st, &local_error))
    {
      Filing *f = g_new0 (Filing, 1);

      f->id = fz_statement_get_int64 (st, 0);
      f->workplace = fz_statement_dup_text (st, 1);
      fzp_blind_massage_date_from_iso (fz_statement_get_text (st, 2), &f->from);
      fzp_blind_massage_date_from_iso (fz_statement_get_text (st, 3), &f->to);
      fzp_blind_massage_date_from_iso (fz_statement_get_text (st, 4), &f->ended);
      g_ptr_array_add (filings, f);
    }
  if (!finish_query (g_steal_pointer (&local_error), error))
    return NULL;
  return g_steal_pointer (&filings);
}

typedef struct {
  gint64      practitioner;
  const char *workplace;
  gint64      clinic;
  const char *county;
  const char *number;
  const char *from;
  const char *to;
  GArray     *end_ids;   /* gint64: filings to end the day before @from */
  gint64      id;
} AddFiling;

static gboolean
add_filing_txn (FzDatabase  *db,
                gpointer     user_data,
                GError     **error)
{
  AddFiling *add = user_data;

  for (guint i = 0; i < add->end_ids->len; i++)
    if (!fz_database_execute (db,
                              "UPDATE blind_massage_filing SET ended_on = date(?2, '-1 day'), end_reason = '变更执业地点'"
                              " WHERE id = ?1",
                              g_variant_new ("(xs)", g_array_index (add->end_ids, gint64, i), add->from), error))
      return FALSE;
  if (!fz_database_execute (db,
                            "INSERT INTO blind_massage_filing (practitioner_id, workplace, clinic_id, county_code,"
                            " filing_number, valid_from, valid_to) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                            g_variant_new ("(xsmxsmssms)", add->practitioner, add->workplace,
                                           add->clinic != 0, add->clinic, add->county, add->number,
                                           add->from, add->to),
                            error))
    return FALSE;
  add->id = fz_database_last_insert_rowid (db);
  return TRUE;
}

gint64
fzp_blind_massage_add_filing (FzContext                       *context,
                              gint64                           practitioner_id,
                              const FzpBlindMassageNewFiling  *in,
                              gboolean                         change_workplace,
                              GError                         **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autoptr(FzpBlindMassagePractitioner) p = fzp_blind_massage_get_practitioner (context, practitioner_id, error);
  g_autoptr(GPtrArray) filings = NULL;
  g_autoptr(GArray) end_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *workplace = NULL;
  g_autofree char *county = NULL;
  g_autofree char *number = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  AddFiling add = { 0 };

  if (p == NULL)
    return 0;
  if (!fzp_blind_massage_check_filing_term (in->from, in->to, error))
    return 0;
  if (g_date_valid (&p->left_on) && g_date_compare (in->from, &p->left_on) >= 0)
    {
      g_autofree char *iso = fzp_blind_massage_date_to_iso (&p->left_on);
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_FILING,
                   _("From: %s left on %s"), p->name, iso);
      return 0;
    }

  if (in->clinic_id != 0)
    {
      g_autoptr(FzStatement) st = NULL;
      g_autoptr(GError) local_error = NULL;

      st = fz_database_query (db,
                              "SELECT o.name, k.county_code FROM blind_massage_clinic k"
                              " JOIN fz_organization o ON o.id = k.organization_id WHERE k.id = ?1",
                              g_variant_new ("(x)", in->clinic_id), error);
      if (st == NULL)
        return 0;
      if (!fz_statement_step (st, &local_error))
        {
          if (local_error)
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_NOT_FOUND,
                                 _("Clinic: there is no such clinic"));
          return 0;
        }
      workplace = fz_statement_dup_text (st, 0);
      county = fz_statement_dup_text (st, 1);
    }
  if (in->workplace && *in->workplace)
    {
      g_clear_pointer (&workplace, g_free);
      workplace = trimmed_or_null (in->workplace);
    }
  if (workplace == NULL || g_utf8_strlen (workplace, -1) > 200)
    {
      g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                           _("Workplace: a name of 1 to 200 characters is needed"));
      return 0;
    }
  if (in->county && *in->county)
    {
      g_clear_pointer (&county, g_free);
      county = fzp_blind_massage_lookup_county (db, in->county, error);
      if (county == NULL)
        return 0;
    }
  if (county == NULL)
    county = g_strdup (p->county_code);
  number = in->number ? fz_normalize_number (in->number) : NULL;
  if (number && *number == '\0')
    g_clear_pointer (&number, g_free);

  /* One workplace at a time: a change of workplace ends the old filing first. */
  filings = load_filings (db, practitioner_id, error);
  if (filings == NULL)
    return 0;
  for (guint i = 0; i < filings->len; i++)
    {
      Filing *f = g_ptr_array_index (filings, i);
      GDate last;
      g_autofree char *since = fzp_blind_massage_date_to_iso (&f->from);

      fzp_blind_massage_filing_last_day (&f->to, &f->ended, &last);
      if (!fzp_blind_massage_filings_overlap (in->from, in->to, &f->from, &last))
        continue;
      if (!change_workplace)
        {
          /* TRANSLATORS: %1$s a workplace, %2$s a date */
          g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_FILING,
                       _("From: the filing at %s from %s is in force then; end it first, "
                         "or file this as a change of workplace"), f->workplace, since);
          return 0;
        }
      if (g_date_compare (in->from, &f->from) < 0 || g_date_valid (&f->ended))
        {
          /* TRANSLATORS: %1$s a workplace, %2$s a date */
          g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_FILING,
                       _("From: a change of workplace must start after the filing at %s from %s"),
                       f->workplace, since);
          return 0;
        }
      g_array_append_val (end_ids, f->id);
    }

  from = fzp_blind_massage_date_to_iso (in->from);
  to = iso_or_null (in->to);
  add.practitioner = practitioner_id;
  add.workplace = workplace;
  add.clinic = in->clinic_id;
  add.county = county;
  add.number = number;
  add.from = from;
  add.to = to;
  add.end_ids = end_ids;
  if (!fz_database_transaction (db, add_filing_txn, &add, error))
    {
      g_prefix_error (error, _("Could not save the filing of %s: "), p->name);
      return 0;
    }
  return add.id;
}

typedef struct {
  gint64      id;
  const char *on;
  const char *reason;
} EndFiling;

static gboolean
end_filing_txn (FzDatabase  *db,
                gpointer     user_data,
                GError     **error)
{
  EndFiling *end = user_data;

  return fz_database_execute (db, "UPDATE blind_massage_filing SET ended_on = ?2, end_reason = ?3 WHERE id = ?1",
                              g_variant_new ("(xsms)", end->id, end->on, end->reason), error);
}

gboolean
fzp_blind_massage_end_filing (FzContext    *context,
                              gint64        practitioner_id,
                              const GDate  *on,
                              const char   *reason,
                              GError      **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autoptr(FzpBlindMassagePractitioner) p = fzp_blind_massage_get_practitioner (context, practitioner_id, error);
  g_autoptr(GPtrArray) filings = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *why = trimmed_or_null (reason);
  EndFiling end = { 0 };
  GDate day;

  if (p == NULL)
    return FALSE;
  if (on && g_date_valid (on))
    day = *on;
  else
    today (&day);
  filings = load_filings (db, practitioner_id, error);
  if (filings == NULL)
    return FALSE;
  for (guint i = 0; i < filings->len; i++)
    {
      Filing *f = g_ptr_array_index (filings, i);

      if (fzp_blind_massage_filing_state (&f->from, &f->to, &f->ended, &day) == FZP_BLIND_MASSAGE_FILING_ACTIVE)
        end.id = f->id;
    }
  iso = fzp_blind_massage_date_to_iso (&day);
  if (end.id == 0)
    {
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_NOT_FOUND,
                   _("Practice filing: %s has none in force on %s"), p->name, iso);
      return FALSE;
    }
  end.on = iso;
  end.reason = why;
  if (!fz_database_transaction (db, end_filing_txn, &end, error))
    {
      g_prefix_error (error, _("Could not end the filing of %s: "), p->name);
      return FALSE;
    }
  return TRUE;
}

/* Titles */

typedef struct {
  gint64      practitioner;
  gint64      level;
  const char *on;
  const char *document;
} AwardTitle;

static gboolean
award_title_txn (FzDatabase  *db,
                 gpointer     user_data,
                 GError     **error)
{
  AwardTitle *a = user_data;

  return fz_database_execute (db,
                              "INSERT INTO blind_massage_title (practitioner_id, level, awarded_on, document)"
                              " VALUES (?1, ?2, ?3, ?4)",
                              g_variant_new ("(xxsms)", a->practitioner, a->level, a->on, a->document), error);
}

gboolean
fzp_blind_massage_award_title (FzContext    *context,
                               gint64        practitioner_id,
                               const char   *title,
                               const GDate  *on,
                               const char   *document,
                               GError      **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autoptr(FzpBlindMassagePractitioner) p = fzp_blind_massage_get_practitioner (context, practitioner_id, error);
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *wanted = fz_normalize_text (title);
  g_autofree char *iso = NULL;
  g_autofree char *doc = trimmed_or_null (document);
  gboolean needs_review;
  gboolean passed = FALSE;
  gint64 current = 0;
  gint64 later = 0;
  AwardTitle award = { 0 };
  GDate now;

  if (p == NULL)
    return FALSE;
  if (p->kind != FZP_BLIND_MASSAGE_KIND_MEDICAL)
    {
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_TITLE,
                   _("Title: %s practises health massage; these titles are for medical massage"), p->name);
      return FALSE;
    }
  if (on == NULL || !g_date_valid (on))
    {
      g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                           _("Awarded on: a date is needed"));
      return FALSE;
    }
  today (&now);
  if (g_date_compare (on, &now) > 0)
    {
      g_autofree char *when = fzp_blind_massage_date_to_iso (on);
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                   _("Awarded on: %s is in the future"), when);
      return FALSE;
    }
  st = fz_database_query (db, "SELECT level, name, needs_passed_review FROM blind_massage_title_level"
                              " WHERE name = ?1 OR CAST(level AS TEXT) = ?1",
                          g_variant_new ("(s)", wanted), error);
  if (st == NULL)
    return FALSE;
  if (!fz_statement_step (st, &local_error))
    {
      if (local_error)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                     _("Title: “%s” is not one of the titles"), wanted);
      return FALSE;
    }
  award.level = fz_statement_get_int64 (st, 0);
  name = fz_statement_dup_text (st, 1);
  needs_review = fz_statement_get_int64 (st, 2) != 0;
  g_clear_pointer (&st, fz_statement_unref);

  iso = fzp_blind_massage_date_to_iso (on);
  if (!fz_database_query_int64 (db, "SELECT coalesce(max(level), 0) FROM blind_massage_title WHERE practitioner_id = ?1"
                                    " AND awarded_on <= ?2",
                                g_variant_new ("(xs)", practitioner_id, iso), &current, NULL, error))
    return FALSE;
  if (!fz_database_query_int64 (db, "SELECT count(*) FROM blind_massage_title WHERE practitioner_id = ?1"
                                    " AND (awarded_on > ?2 OR level = ?3)",
                                g_variant_new ("(xsx)", practitioner_id, iso, award.level), &later, NULL, error))
    return FALSE;
  if (later > 0)
    {
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_TITLE,
                   _("Title: %s holds %s or a later title already"), p->name, name);
      return FALSE;
    }
  if (current > 0 && needs_review)
    {
      g_autofree char *result = NULL;
      g_autoptr(FzStatement) r = fz_database_query (db, "SELECT result FROM blind_massage_review"
                                                        " WHERE practitioner_id = ?1 AND year = ?2",
                                                    g_variant_new ("(xi)", practitioner_id,
                                                                   (gint32) g_date_get_year (on) - 1),
                                                    error);
      if (r == NULL)
        return FALSE;
      if (fz_statement_step (r, &local_error))
        passed = g_strcmp0 (fz_statement_get_text (r, 0), "passed") == 0;
      if (!finish_query (g_steal_pointer (&local_error), error))
        return FALSE;
    }
  if (!fzp_blind_massage_check_title_step ((guint) current, (guint) award.level, name, needs_review, passed,
                                           (int) g_date_get_year (on), error))
    return FALSE;

  award.practitioner = practitioner_id;
  award.on = iso;
  award.document = doc;
  if (!fz_database_transaction (db, award_title_txn, &award, error))
    {
      g_prefix_error (error, _("Could not save the title of %s: "), p->name);
      return FALSE;
    }
  return TRUE;
}

typedef struct {
  gint64      level;
  const char *name;
  gboolean    needs_review;
} TitleLevel;

static gboolean
title_level_txn (FzDatabase  *db,
                 gpointer     user_data,
                 GError     **error)
{
  TitleLevel *t = user_data;

  return fz_database_execute (db,
                              "INSERT INTO blind_massage_title_level (level, name, needs_passed_review) VALUES (?1, ?2, ?3)"
                              " ON CONFLICT (level) DO UPDATE SET name = excluded.name,"
                              " needs_passed_review = excluded.needs_passed_review",
                              g_variant_new ("(xsb)", t->level, t->name, t->needs_review), error);
}

gboolean
fzp_blind_massage_set_title_level (FzContext    *context,
                                   guint         level,
                                   const char   *name,
                                   gboolean      needs_passed_review,
                                   GError      **error)
{
  g_autofree char *norm = trimmed_or_null (name);
  TitleLevel t = { level, norm, needs_passed_review };

  if (level < 1 || level > 20)
    {
      g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                           _("Level: a number from 1 to 20"));
      return FALSE;
    }
  if (norm == NULL || g_utf8_strlen (norm, -1) > 64)
    {
      g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                           _("Title: a name of 1 to 64 characters is needed"));
      return FALSE;
    }
  if (!fz_database_transaction (fz_context_get_database (context), title_level_txn, &t, error))
    {
      g_prefix_error (error, _("Could not save the title %s: "), norm);
      return FALSE;
    }
  return TRUE;
}

/* Continuing education */

typedef struct {
  const char *name;
  const char *organizer;
  const char *from;
  const char *to;
  double      hours;
  const char *kind;
  gint64      id;
} AddCourse;

static gboolean
add_course_txn (FzDatabase  *db,
                gpointer     user_data,
                GError     **error)
{
  AddCourse *c = user_data;

  if (!fz_database_execute (db,
                            "INSERT INTO blind_massage_course (name, organizer, held_from, held_to, hours, kind)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                            g_variant_new ("(smsssdms)", c->name, c->organizer, c->from, c->to, c->hours, c->kind),
                            error))
    return FALSE;
  c->id = fz_database_last_insert_rowid (db);
  return TRUE;
}

gint64
fzp_blind_massage_add_course (FzContext            *context,
                              const char           *name,
                              const char           *organizer,
                              const GDate          *from,
                              const GDate          *to,
                              double                hours,
                              FzpBlindMassageKind   kind,
                              GError              **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autofree char *title = trimmed_or_null (name);
  g_autofree char *by = trimmed_or_null (organizer);
  g_autofree char *start = iso_or_null (from);
  g_autofree char *end = NULL;
  gboolean exists = FALSE;
  AddCourse c = { 0 };

  if (title == NULL || g_utf8_strlen (title, -1) > 200)
    {
      g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                           _("Course: a name of 1 to 200 characters is needed"));
      return 0;
    }
  if (start == NULL)
    {
      g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                           _("From: a date is needed"));
      return 0;
    }
  end = iso_or_null (to && g_date_valid (to) ? to : from);
  if (g_strcmp0 (end, start) < 0)
    {
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                   _("To: %s is before the start, %s"), end, start);
      return 0;
    }
  if (!(hours > 0 && hours <= 1000))
    {
      g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                           _("Class hours: between 0 and 1000"));
      return 0;
    }
  if (!fz_database_query_int64 (db, "SELECT 1 FROM blind_massage_course WHERE name = ?1 AND held_from = ?2",
                                g_variant_new ("(ss)", title, start), NULL, &exists, error))
    return 0;
  if (exists)
    {
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                   _("Course: “%s” from %s is recorded already"), title, start);
      return 0;
    }
  c.name = title;
  c.organizer = by;
  c.from = start;
  c.to = end;
  c.hours = hours;
  c.kind = fzp_blind_massage_kind_to_nick (kind);
  if (!fz_database_transaction (db, add_course_txn, &c, error))
    {
      g_prefix_error (error, _("Could not save the course: "));
      return 0;
    }
  return c.id;
}

typedef struct {
  gint64   course;
  gint64   practitioner;
  gboolean has_hours;
  double   hours;
  gboolean remove;
} Attendance;

static gboolean
attendance_txn (FzDatabase  *db,
                gpointer     user_data,
                GError     **error)
{
  Attendance *a = user_data;

  if (a->remove)
    return fz_database_execute (db, "DELETE FROM blind_massage_attendance WHERE course_id = ?1 AND practitioner_id = ?2",
                                g_variant_new ("(xx)", a->course, a->practitioner), error);
  return fz_database_execute (db,
                              "INSERT INTO blind_massage_attendance (course_id, practitioner_id, hours) VALUES (?1, ?2, ?3)"
                              " ON CONFLICT (course_id, practitioner_id) DO UPDATE SET hours = excluded.hours",
                              g_variant_new ("(xxmd)", a->course, a->practitioner, a->has_hours, a->hours), error);
}

static gboolean
change_attendance (FzContext  *context,
                   Attendance *a,
                   GError    **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autoptr(FzpBlindMassagePractitioner) p = fzp_blind_massage_get_practitioner (context, a->practitioner, error);
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;
  FzpBlindMassageKind kind;
  double course_hours;

  if (p == NULL)
    return FALSE;
  st = fz_database_query (db, "SELECT kind, hours, name FROM blind_massage_course WHERE id = ?1",
                          g_variant_new ("(x)", a->course), error);
  if (st == NULL)
    return FALSE;
  if (!fz_statement_step (st, &local_error))
    {
      if (local_error)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_NOT_FOUND,
                             _("Course: there is no such course"));
      return FALSE;
    }
  kind = fzp_blind_massage_kind_from_nick (fz_statement_get_text (st, 0));
  course_hours = fz_statement_get_double (st, 1);
  if (!a->remove && kind != FZP_BLIND_MASSAGE_KIND_NONE && kind != p->kind)
    {
      /* TRANSLATORS: %1$s a course, %2$s medical or health massage, %3$s a name */
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                   _("Course: “%s” is for %s, which %s does not practise"), fz_statement_get_text (st, 2),
                   fzp_blind_massage_kind_to_string (kind), p->name);
      return FALSE;
    }
  if (a->has_hours && a->hours > course_hours + 1e-9)
    {
      g_autofree char *h = fzp_blind_massage_format_hours (a->hours);
      g_autofree char *c = fzp_blind_massage_format_hours (course_hours);
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                   _("Class hours: %s is more than the course’s %s"), h, c);
      return FALSE;
    }
  g_clear_pointer (&st, fz_statement_unref);
  if (!fz_database_transaction (db, attendance_txn, a, error))
    {
      g_prefix_error (error, _("Could not save the attendance of %s: "), p->name);
      return FALSE;
    }
  return TRUE;
}

gboolean
fzp_blind_massage_add_attendance (FzContext  *context,
                                  gint64      course_id,
                                  gint64      practitioner_id,
                                  double      hours,
                                  GError    **error)
{
  Attendance a = { course_id, practitioner_id, hours > 0, hours > 0 ? hours : 0, FALSE };

  return change_attendance (context, &a, error);
}

gboolean
fzp_blind_massage_remove_attendance (FzContext  *context,
                                     gint64      course_id,
                                     gint64      practitioner_id,
                                     GError    **error)
{
  Attendance a = { course_id, practitioner_id, FALSE, 0, TRUE };

  return change_attendance (context, &a, error);
}

gboolean
fzp_blind_massage_get_credits (FzDatabase  *db,
                               gint64       practitioner_id,
                               int          year,
                               double      *hours,
                               GError     **error)
{
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *y = g_strdup_printf ("%04d", year);

  /* A course counts in the year it ends. */
  st = fz_database_query (db,
                          "SELECT coalesce(sum(coalesce(a.hours, c.hours)), 0) FROM blind_massage_attendance a"
                          " JOIN blind_massage_course c ON c.id = a.course_id"
                          " WHERE a.practitioner_id = ?1 AND substr(c.held_to, 1, 4) = ?2",
                          g_variant_new ("(xs)", practitioner_id, y), error);
  if (st == NULL)
    return FALSE;
  *hours = fz_statement_step (st, &local_error) ? fz_statement_get_double (st, 0) : 0;
  return finish_query (g_steal_pointer (&local_error), error);
}

/* Review rules */

static void
rule_from_row (FzStatement               *st,
               int                        first_column,
               FzpBlindMassageReviewRule *rule)
{
  memset (rule, 0, sizeof *rule);
  fzp_blind_massage_date_from_iso (fz_statement_get_text (st, first_column), &rule->effective_from);
  rule->cycle_years = (guint) fz_statement_get_int64 (st, first_column + 1);
  rule->due_month = (guint) fz_statement_get_int64 (st, first_column + 2);
  rule->due_day = (guint) fz_statement_get_int64 (st, first_column + 3);
  rule->due_year_offset = (guint) fz_statement_get_int64 (st, first_column + 4);
  rule->credit_hours = fz_statement_get_double (st, first_column + 5);
  rule->require_filing = fz_statement_get_int64 (st, first_column + 6) != 0;
}

#define RULE_COLUMNS "effective_from, cycle_years, due_month, due_day, due_year_offset, credit_hours, require_filing"

gboolean
fzp_blind_massage_get_review_rule (FzDatabase                 *db,
                                   FzpBlindMassageKind         kind,
                                   int                         year,
                                   FzpBlindMassageReviewRule  *rule,
                                   char                      **requirements,
                                   gboolean                   *found,
                                   GError                    **error)
{
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *jan1 = g_strdup_printf ("%04d-01-01", year);

  memset (rule, 0, sizeof *rule);
  g_date_clear (&rule->effective_from, 1);
  if (requirements)
    *requirements = NULL;
  *found = FALSE;
  st = fz_database_query (db,
                          "SELECT " RULE_COLUMNS ", requirements FROM blind_massage_review_rule"
                          " WHERE kind = ?1 AND effective_from <= ?2 ORDER BY effective_from DESC LIMIT 1",
                          g_variant_new ("(ss)", fzp_blind_massage_kind_to_nick (kind), jan1), error);
  if (st == NULL)
    return FALSE;
  if (fz_statement_step (st, &local_error))
    {
      rule_from_row (st, 0, rule);
      if (requirements)
        *requirements = fz_statement_dup_text (st, 7);
      *found = TRUE;
    }
  return finish_query (g_steal_pointer (&local_error), error);
}

typedef struct {
  const char                      *kind;
  const FzpBlindMassageReviewRule *rule;
  const char                      *from;
  const char                      *requirements;
  gboolean                         remove;
} SetRule;

static gboolean
set_rule_txn (FzDatabase  *db,
              gpointer     user_data,
              GError     **error)
{
  SetRule *s = user_data;

  if (s->remove)
    return fz_database_execute (db, "DELETE FROM blind_massage_review_rule WHERE kind = ?1 AND effective_from = ?2",
                                g_variant_new ("(ss)", s->kind, s->from), error);
  return fz_database_execute (db,
                              "INSERT INTO blind_massage_review_rule (kind, " RULE_COLUMNS ", requirements)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
                              " ON CONFLICT (kind, effective_from) DO UPDATE SET cycle_years = excluded.cycle_years,"
                              " due_month = excluded.due_month, due_day = excluded.due_day,"
                              " due_year_offset = excluded.due_year_offset, credit_hours = excluded.credit_hours,"
                              " require_filing = excluded.require_filing, requirements = excluded.requirements",
                              g_variant_new ("(ssuuuudbms)", s->kind, s->from, s->rule->cycle_years,
                                             s->rule->due_month, s->rule->due_day, s->rule->due_year_offset,
                                             s->rule->credit_hours, s->rule->require_filing, s->requirements),
                              error);
}

gboolean
fzp_blind_massage_set_review_rule (FzContext                       *context,
                                   FzpBlindMassageKind              kind,
                                   const FzpBlindMassageReviewRule *rule,
                                   const char                      *requirements,
                                   GError                         **error)
{
  g_autofree char *from = NULL;
  g_autofree char *needs = trimmed_or_null (requirements);
  SetRule s = { 0 };

  if (kind == FZP_BLIND_MASSAGE_KIND_NONE)
    {
      g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                           _("Kind: choose medical or health massage"));
      return FALSE;
    }
  if (!fzp_blind_massage_review_rule_check (rule, error))
    return FALSE;
  from = fzp_blind_massage_date_to_iso (&rule->effective_from);
  s.kind = fzp_blind_massage_kind_to_nick (kind);
  s.rule = rule;
  s.from = from;
  s.requirements = needs;
  if (!fz_database_transaction (fz_context_get_database (context), set_rule_txn, &s, error))
    {
      g_prefix_error (error, _("Could not save the review rule: "));
      return FALSE;
    }
  return TRUE;
}

gboolean
fzp_blind_massage_delete_review_rule (FzContext            *context,
                                      FzpBlindMassageKind   kind,
                                      const GDate          *from,
                                      GError              **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autofree char *iso = fzp_blind_massage_date_to_iso (from);
  gboolean exists = FALSE;
  SetRule s = { 0 };

  if (!fz_database_query_int64 (db, "SELECT 1 FROM blind_massage_review_rule WHERE kind = ?1 AND effective_from = ?2",
                                g_variant_new ("(ss)", kind == FZP_BLIND_MASSAGE_KIND_HEALTH ? "health" : "medical", iso),
                                NULL, &exists, error))
    return FALSE;
  if (!exists)
    {
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_NOT_FOUND,
                   _("From: no review rule starts on %s"), iso);
      return FALSE;
    }
  s.kind = fzp_blind_massage_kind_to_nick (kind);
  s.from = iso;
  s.remove = TRUE;
  if (!fz_database_transaction (db, set_rule_txn, &s, error))
    {
      g_prefix_error (error, _("Could not delete the review rule: "));
      return FALSE;
    }
  return TRUE;
}

/* Reviews */

typedef struct {
  gint64      practitioner;
  int         year;
  const char *result;
  const char *done_on;
  double      hours;
  double      required;
  const char *notes;
  const char *reviewer;
  const char *revoke;   /* a review record printed for another result, or NULL */
  FzContext  *context;
} RecordReview;

static gboolean
record_review_txn (FzDatabase  *db,
                   gpointer     user_data,
                   GError     **error)
{
  RecordReview *r = user_data;

  if (!fz_database_execute (db,
                            "INSERT INTO blind_massage_review (practitioner_id, year, result, done_on, hours,"
                            " hours_required, notes, reviewer) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                            " ON CONFLICT (practitioner_id, year) DO UPDATE SET result = excluded.result,"
                            " done_on = excluded.done_on, hours = excluded.hours,"
                            " hours_required = excluded.hours_required, notes = excluded.notes,"
                            " reviewer = excluded.reviewer",
                            g_variant_new ("(xissddmsms)", r->practitioner, r->year, r->result, r->done_on,
                                           r->hours, r->required, r->notes, r->reviewer),
                            error))
    return FALSE;
  /* The record printed before says another result: it is withdrawn with
   * the change, so that a check of its number tells the truth. */
  if (r->revoke && !fz_certificate_register_revoke (r->context, r->revoke, "年审结果已更正", NULL, error))
    return FALSE;
  return TRUE;
}

char *
fzp_blind_massage_review_key (gint64 practitioner_id,
                              int    year)
{
  return g_strdup_printf ("review/%" G_GINT64_FORMAT "/%d", practitioner_id, year);
}

gboolean
fzp_blind_massage_record_review (FzContext              *context,
                                 gint64                  practitioner_id,
                                 int                     year,
                                 FzpBlindMassageResult   result,
                                 const GDate            *done_on,
                                 const char             *notes,
                                 GError                **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autoptr(FzpBlindMassagePractitioner) p = fzp_blind_massage_get_practitioner (context, practitioner_id, error);
  g_autoptr(FzCertificateRecord) printed = NULL;
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *note = trimmed_or_null (notes);
  g_autofree char *key = NULL;
  g_autofree char *old_result = NULL;
  FzpBlindMassageReviewRule rule;
  gboolean found = FALSE;
  gboolean filing = FALSE;
  double earned = 0;
  RecordReview r = { 0 };

  if (p == NULL)
    return FALSE;
  if (p->qualification_number == NULL)
    {
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                   _("Year: %s has no qualification certificate yet, so no review is owed"), p->name);
      return FALSE;
    }
  if (!fzp_blind_massage_get_review_rule (db, p->kind, year, &rule, NULL, &found, error))
    return FALSE;
  if (!found || !fzp_blind_massage_review_is_due_year (&rule, (int) g_date_get_year (&p->qualified_on), year))
    {
      /* TRANSLATORS: %1$d a year, %2$s a name */
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                   _("Year: the rules ask no review of %d of %s"), year, p->name);
      return FALSE;
    }
  if (!fzp_blind_massage_get_credits (db, practitioner_id, year, &earned, error))
    return FALSE;
  if (done_on && g_date_valid (done_on) && !fzp_blind_massage_filing_in_force (db, practitioner_id, done_on, &filing, error))
    return FALSE;
  if (!fzp_blind_massage_check_review (&rule, year, result, done_on, earned, filing, NULL, error))
    return FALSE;

  /* A record printed for another result is revoked with the change. */
  st = fz_database_query (db, "SELECT result FROM blind_massage_review WHERE practitioner_id = ?1 AND year = ?2",
                          g_variant_new ("(xi)", practitioner_id, year), error);
  if (st == NULL)
    return FALSE;
  if (fz_statement_step (st, &local_error))
    old_result = fz_statement_dup_text (st, 0);
  if (!finish_query (g_steal_pointer (&local_error), error))
    return FALSE;
  g_clear_pointer (&st, fz_statement_unref);
  key = fzp_blind_massage_review_key (practitioner_id, year);
  if (old_result && g_strcmp0 (old_result, fzp_blind_massage_result_to_nick (result)) != 0)
    {
      printed = fz_certificate_register_lookup (context, FZP_BLIND_MASSAGE_OWNER, "review-record", key, &local_error);
      if (local_error)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  iso = fzp_blind_massage_date_to_iso (done_on);
  r.practitioner = practitioner_id;
  r.year = year;
  r.result = fzp_blind_massage_result_to_nick (result);
  r.done_on = iso;
  r.hours = earned;
  r.required = rule.credit_hours;
  r.notes = note;
  r.reviewer = fz_context_get_operator (context);
  r.revoke = printed ? printed->serial : NULL;
  r.context = context;
  if (!fz_database_transaction (db, record_review_txn, &r, error))
    {
      g_prefix_error (error, _("Could not save the review of %s: "), p->name);
      return FALSE;
    }
  return TRUE;
}

void
fzp_blind_massage_review_item_free (FzpBlindMassageReviewItem *item)
{
  if (item == NULL)
    return;
  g_free (item->name);
  g_free (item->id_number);
  g_free (item->phone);
  g_free (item->county_code);
  g_free (item->county_name);
  g_free (item->qualification_number);
  g_free (item->workplace);
  g_free (item->notes);
  g_free (item);
}

typedef struct {
  FzpBlindMassageKind        kind;
  FzpBlindMassageReviewRule  rule;
  int                        first_year;
} RuleEntry;

/* The rules of both trades by year, for many practitioners at once. */
typedef struct {
  GArray *rules;  /* RuleEntry, by kind and date */
} RuleBook;

static gboolean
rule_book_load (RuleBook   *book,
                FzDatabase *db,
                GError    **error)
{
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;

  book->rules = g_array_new (FALSE, TRUE, sizeof (RuleEntry));
  st = fz_database_query (db, "SELECT kind, " RULE_COLUMNS " FROM blind_massage_review_rule ORDER BY kind, effective_from",
                          NULL, error);
  if (st == NULL)
    return FALSE;
  while (fz_statement_step (st, &local_error))
    {
      RuleEntry e;

      e.kind = fzp_blind_massage_kind_from_nick (fz_statement_get_text (st, 0));
      rule_from_row (st, 1, &e.rule);
      /* In force on 1 January: a rule from mid-year applies from the next year. */
      e.first_year = (int) g_date_get_year (&e.rule.effective_from)
                     + (g_date_get_day_of_year (&e.rule.effective_from) > 1 ? 1 : 0);
      g_array_append_val (book->rules, e);
    }
  return finish_query (g_steal_pointer (&local_error), error);
}

static const FzpBlindMassageReviewRule *
rule_book_get (RuleBook            *book,
               FzpBlindMassageKind  kind,
               int                  year)
{
  const FzpBlindMassageReviewRule *found = NULL;

  for (guint i = 0; i < book->rules->len; i++)
    {
      RuleEntry *e = &g_array_index (book->rules, RuleEntry, i);
      if (e->kind == kind && e->first_year <= year)
        found = &e->rule;
    }
  return found;
}

static int
rule_book_first_year (RuleBook            *book,
                      FzpBlindMassageKind  kind)
{
  for (guint i = 0; i < book->rules->len; i++)
    {
      RuleEntry *e = &g_array_index (book->rules, RuleEntry, i);
      if (e->kind == kind)
        return e->first_year;
    }
  return G_MAXINT;
}

static void
rule_book_clear (RuleBook *book)
{
  g_clear_pointer (&book->rules, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RuleBook, rule_book_clear)

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const FzpBlindMassageReviewItem *x = *(FzpBlindMassageReviewItem **) a;
  const FzpBlindMassageReviewItem *y = *(FzpBlindMassageReviewItem **) b;
  int c;

  if ((c = g_strcmp0 (x->county_code, y->county_code)) != 0)
    return c;
  if ((c = g_strcmp0 (x->name, y->name)) != 0)
    return c;
  if (x->practitioner_id != y->practitioner_id)
    return x->practitioner_id < y->practitioner_id ? -1 : 1;
  return x->year - y->year;
}

GPtrArray *
fzp_blind_massage_list_reviews (FzContext                        *context,
                                const FzpBlindMassageReviewQuery *query,
                                GError                          **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) fzp_blind_massage_review_item_free);
  g_autoptr(GPtrArray) practitioners = g_ptr_array_new_with_free_func ((GDestroyNotify) fzp_blind_massage_practitioner_free);
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(RuleBook) book = { 0 };
  FzpBlindMassageListFlags flags = query->flags ? query->flags
                                                : FZP_BLIND_MASSAGE_LIST_DUE | FZP_BLIND_MASSAGE_LIST_OVERDUE;
  GDate on;

  if (query->on && g_date_valid (query->on))
    on = *query->on;
  else
    today (&on);

  if (!rule_book_load (&book, db, error))
    return NULL;

  st = fz_database_query (db,
                          PRACTITIONER_SELECT
                          "WHERE p.qualified_on IS NOT NULL AND (?1 IS NULL OR p.county_code = ?1)"
                          " AND (?2 = 0 OR p.id = ?2) AND (?3 IS NULL OR p.kind = ?3)",
                          g_variant_new ("(msxms)", query->county_code, query->practitioner_id,
                                         fzp_blind_massage_kind_to_nick (query->kind)),
                          error);
  if (st == NULL)
    return NULL;
  while (fz_statement_step (st, &local_error))
    g_ptr_array_add (practitioners, practitioner_from_row (st));
  if (!finish_query (g_steal_pointer (&local_error), error))
    return NULL;
  g_clear_pointer (&st, fz_statement_unref);

  /* Reviews recorded: "id/year" -> "result\tdone_on\tnotes". */
  st = fz_database_query (db,
                          "SELECT r.practitioner_id, r.year, r.result, r.done_on, coalesce(r.notes, '')"
                          " FROM blind_massage_review r JOIN blind_massage_practitioner p ON p.id = r.practitioner_id"
                          " WHERE (?1 IS NULL OR p.county_code = ?1) AND (?2 = 0 OR p.id = ?2) AND (?3 = 0 OR r.year = ?3)",
                          g_variant_new ("(msxi)", query->county_code, query->practitioner_id, query->year), error);
  if (st == NULL)
    return NULL;
  while (fz_statement_step (st, &local_error))
    g_hash_table_insert (done,
                         g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, fz_statement_get_int64 (st, 0),
                                          fz_statement_get_int64 (st, 1)),
                         g_strdup_printf ("%s\t%s\t%s", fz_statement_get_text (st, 2), fz_statement_get_text (st, 3),
                                          fz_statement_get_text (st, 4)));
  if (!finish_query (g_steal_pointer (&local_error), error))
    return NULL;
  g_clear_pointer (&st, fz_statement_unref);

  for (guint i = 0; i < practitioners->len; i++)
    {
      FzpBlindMassagePractitioner *p = g_ptr_array_index (practitioners, i);
      int qualified = (int) g_date_get_year (&p->qualified_on);
      int first = MAX (qualified + 1, rule_book_first_year (&book, p->kind));
      int last = (int) g_date_get_year (&on);

      if (query->year)
        first = last = query->year;
      for (int year = first; year <= last; year++)
        {
          const FzpBlindMassageReviewRule *rule = rule_book_get (&book, p->kind, year);
          g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "/%d", p->id, year);
          const char *recorded = g_hash_table_lookup (done, key);
          g_auto(GStrv) fields = recorded ? g_strsplit (recorded, "\t", 3) : NULL;
          FzpBlindMassageResult result = fields ? fzp_blind_massage_result_from_nick (fields[0])
                                                : FZP_BLIND_MASSAGE_RESULT_NONE;
          FzpBlindMassageReviewState state;
          FzpBlindMassageReviewItem *item;
          GDate due;
          GDate filing_day;
          GDate recorded_on;

          /* Told on a day past, a review done later was not done yet. */
          if (fields && fzp_blind_massage_date_from_iso (fields[1], &recorded_on)
              && g_date_compare (&recorded_on, &on) > 0)
            {
              g_clear_pointer (&fields, g_strfreev);
              result = FZP_BLIND_MASSAGE_RESULT_NONE;
            }
          if (rule == NULL || !fzp_blind_massage_review_is_due_year (rule, qualified, year))
            {
              /* Recorded under an earlier rule: still shown as done. */
              if (!fzp_blind_massage_result_is_done (result) || !(flags & FZP_BLIND_MASSAGE_LIST_DONE))
                continue;
              state = FZP_BLIND_MASSAGE_REVIEW_DONE;
              g_date_clear (&due, 1);
            }
          else
            {
              fzp_blind_massage_review_due_date (rule, year, &due);
              /* Owed from registration with this federation until they left. */
              if (g_date_compare (&due, &p->registered_on) < 0
                  || (g_date_valid (&p->left_on) && g_date_compare (&p->left_on, &due) <= 0))
                if (!fzp_blind_massage_result_is_done (result))
                  continue;
              state = fzp_blind_massage_review_state (rule, qualified, year, result, &on);
            }
          if ((state == FZP_BLIND_MASSAGE_REVIEW_DUE && !(flags & FZP_BLIND_MASSAGE_LIST_DUE))
              || (state == FZP_BLIND_MASSAGE_REVIEW_OVERDUE && !(flags & FZP_BLIND_MASSAGE_LIST_OVERDUE))
              || (state == FZP_BLIND_MASSAGE_REVIEW_DONE && !(flags & FZP_BLIND_MASSAGE_LIST_DONE)))
            continue;

          item = g_new0 (FzpBlindMassageReviewItem, 1);
          item->practitioner_id = p->id;
          item->kind = p->kind;
          item->name = g_strdup (p->name);
          item->id_number = g_strdup (p->id_number);
          item->phone = g_strdup (p->phone);
          item->county_code = g_strdup (p->county_code);
          item->county_name = g_strdup (p->county_name);
          item->qualification_number = g_strdup (p->qualification_number);
          item->year = year;
          item->due = due;
          item->state = state;
          item->result = result;
          g_date_clear (&item->done_on, 1);
          if (fields)
            {
              fzp_blind_massage_date_from_iso (fields[1], &item->done_on);
              item->notes = *fields[2] ? g_strdup (fields[2]) : NULL;
            }
          item->required = rule ? rule->credit_hours : 0;
          item->require_filing = rule ? rule->require_filing : FALSE;
          if (!fzp_blind_massage_get_credits (db, p->id, year, &item->earned, error))
            {
              fzp_blind_massage_review_item_free (item);
              return NULL;
            }
          item->short_by = fzp_blind_massage_credit_shortfall (item->required, item->earned);
          filing_day = g_date_valid (&item->done_on) ? item->done_on : on;
          {
            g_autofree char *day = fzp_blind_massage_date_to_iso (&filing_day);
            g_autoptr(FzStatement) w = fz_database_query (db,
                                                          "SELECT workplace FROM blind_massage_filing"
                                                          " WHERE practitioner_id = ?1 AND valid_from <= ?2"
                                                          " AND (valid_to IS NULL OR valid_to >= ?2)"
                                                          " AND (ended_on IS NULL OR ended_on >= ?2)"
                                                          " ORDER BY valid_from DESC LIMIT 1",
                                                          g_variant_new ("(xs)", p->id, day), error);
            if (w == NULL)
              {
                fzp_blind_massage_review_item_free (item);
                return NULL;
              }
            if (fz_statement_step (w, &local_error))
              {
                item->workplace = fz_statement_dup_text (w, 0);
                item->filing_in_force = TRUE;
              }
            if (!finish_query (g_steal_pointer (&local_error), error))
              {
                fzp_blind_massage_review_item_free (item);
                return NULL;
              }
          }
          g_ptr_array_add (items, item);
        }
    }
  g_ptr_array_sort (items, compare_items);
  return g_steal_pointer (&items);
}

/* Clinics and posts */

/* The organization named @name in @county (any county when it has none),
 * added to the registry as @type when there is none. */
static gint64
find_or_add_organization (FzContext           *context,
                          const char          *name,
                          const char          *county,
                          FzOrganizationType   type,
                          GError             **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autoptr(FzOrganization) org = NULL;
  gboolean found = FALSE;
  gint64 id = 0;

  if (!fz_database_query_int64 (db,
                                "SELECT id FROM fz_organization WHERE name = ?1"
                                " AND (county_code = ?2 OR county_code IS NULL) ORDER BY county_code IS NULL LIMIT 1",
                                g_variant_new ("(ss)", name, county), &id, &found, error))
    return 0;
  if (found)
    return id;
  org = fz_organization_new ();
  fz_organization_set_name (org, name);
  fz_organization_set_county_code (org, county);
  fz_organization_set_kind (org, type);
  if (!fz_registry_add_organization (fz_context_get_registry (context), org, error))
    return 0;
  return fz_organization_get_id (org);
}

typedef struct {
  FzContext                      *context;
  const char                     *name;
  const char                     *licensee;
  gint64                          licensee_id;
  const char                     *address;
  const char                     *county;
  const char                     *license;
  char                           *opened;
  char                           *insured;
  gint64                          id;
} AddClinic;

static gboolean
add_clinic_txn (FzDatabase  *db,
                gpointer     user_data,
                GError     **error)
{
  AddClinic *c = user_data;
  gboolean taken = FALSE;
  gint64 org = find_or_add_organization (c->context, c->name, c->county, FZ_ORGANIZATION_OTHER, error);

  if (org == 0)
    return FALSE;
  if (!fz_database_query_int64 (db, "SELECT 1 FROM blind_massage_clinic WHERE organization_id = ?1",
                                g_variant_new ("(x)", org), NULL, &taken, error))
    return FALSE;
  if (taken)
    {
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                   _("Name: the clinic %s is recorded already"), c->name);
      return FALSE;
    }
  if (!fz_database_execute (db,
                            "INSERT INTO blind_massage_clinic (organization_id, licensee, licensee_practitioner_id,"
                            " address, county_code, license_number, opened_on, insurance_from)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                            g_variant_new ("(xsmxssmsmsms)", org, c->licensee, c->licensee_id != 0, c->licensee_id,
                                           c->address, c->county, c->license, c->opened, c->insured),
                            error))
    return FALSE;
  c->id = fz_database_last_insert_rowid (db);
  return TRUE;
}

gint64
fzp_blind_massage_add_clinic (FzContext                      *context,
                              const FzpBlindMassageNewClinic *in,
                              GError                        **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autofree char *name = trimmed_or_null (in->name);
  g_autofree char *licensee = trimmed_or_null (in->licensee);
  g_autofree char *address = trimmed_or_null (in->address);
  g_autofree char *license = in->license_number ? fz_normalize_number (in->license_number) : NULL;
  g_autofree char *county = NULL;
  AddClinic c = { 0 };

  if (name == NULL || g_utf8_strlen (name, -1) > 200)
    {
      g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                           _("Name: a name of 1 to 200 characters is needed"));
      return 0;
    }
  if (in->licensee_number && *in->licensee_number)
    {
      g_autoptr(FzpBlindMassagePractitioner) p = fzp_blind_massage_find_practitioner (context, in->licensee_number,
                                                                                      FZP_BLIND_MASSAGE_KIND_MEDICAL,
                                                                                      error);
      if (p == NULL)
        return 0;
      c.licensee_id = p->id;
      if (licensee == NULL)
        licensee = g_strdup (p->name);
    }
  if (licensee == NULL || g_utf8_strlen (licensee, -1) > 64)
    {
      g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                           _("Licensee: a name of 1 to 64 characters is needed"));
      return 0;
    }
  if (address == NULL || g_utf8_strlen (address, -1) > 200)
    {
      g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                           _("Address: an address of 1 to 200 characters is needed"));
      return 0;
    }
  county = fzp_blind_massage_lookup_county (db, in->county, error);
  if (county == NULL)
    return 0;
  {
    gboolean taken = FALSE;

    if (!fz_database_query_int64 (db,
                                  "SELECT 1 FROM blind_massage_clinic k JOIN fz_organization o ON o.id = k.organization_id"
                                  " WHERE o.name = ?1 AND k.county_code = ?2",
                                  g_variant_new ("(ss)", name, county), NULL, &taken, error))
      return 0;
    if (taken)
      {
        g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                     _("Name: the clinic %s is recorded already"), name);
        return 0;
      }
  }
  if (license && *license == '\0')
    g_clear_pointer (&license, g_free);
  if (license)
    {
      gboolean taken = FALSE;
      if (!fz_database_query_int64 (db, "SELECT 1 FROM blind_massage_clinic WHERE license_number = ?1",
                                    g_variant_new ("(s)", license), NULL, &taken, error))
        return 0;
      if (taken)
        {
          g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                       _("Licence number: %s is another clinic’s"), license);
          return 0;
        }
    }
  c.context = context;
  c.name = name;
  c.licensee = licensee;
  c.address = address;
  c.county = county;
  c.license = license;
  c.opened = iso_or_null (in->opened_on);
  c.insured = iso_or_null (in->insurance_from);
  if (!fz_database_transaction (db, add_clinic_txn, &c, error))
    {
      g_prefix_error (error, _("Could not save the clinic %s: "), name);
      c.id = 0;
    }
  g_free (c.opened);
  g_free (c.insured);
  return c.id;
}

typedef struct {
  gint64      id;
  const char *from;
  const char *until;
} SetInsurance;

static gboolean
set_insurance_txn (FzDatabase  *db,
                   gpointer     user_data,
                   GError     **error)
{
  SetInsurance *s = user_data;

  if (s->from)
    return fz_database_execute (db, "UPDATE blind_massage_clinic SET insurance_from = ?2, insurance_until = ?3 WHERE id = ?1",
                                g_variant_new ("(xsms)", s->id, s->from, s->until), error);
  return fz_database_execute (db, "UPDATE blind_massage_clinic SET insurance_until = ?2 WHERE id = ?1",
                              g_variant_new ("(xs)", s->id, s->until), error);
}

gboolean
fzp_blind_massage_set_clinic_insurance (FzContext    *context,
                                        gint64        clinic_id,
                                        const GDate  *from,
                                        const GDate  *until,
                                        GError      **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *since = NULL;
  g_autofree char *start = iso_or_null (from);
  g_autofree char *end = iso_or_null (until);
  SetInsurance s = { clinic_id, start, end };

  st = fz_database_query (db, "SELECT insurance_from FROM blind_massage_clinic WHERE id = ?1",
                          g_variant_new ("(x)", clinic_id), error);
  if (st == NULL)
    return FALSE;
  if (!fz_statement_step (st, &local_error))
    {
      if (local_error)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_NOT_FOUND,
                             _("Clinic: there is no such clinic"));
      return FALSE;
    }
  since = fz_statement_dup_text (st, 0);
  g_clear_pointer (&st, fz_statement_unref);
  if (start == NULL && end == NULL)
    {
      g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                           _("Designated from: a date is needed"));
      return FALSE;
    }
  if (start == NULL && since == NULL)
    {
      g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                           _("Designated until: the clinic is not designated"));
      return FALSE;
    }
  if (end && g_strcmp0 (end, start ? start : since) < 0)
    {
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                   _("Designated until: %s is before the designation, %s"), end, start ? start : since);
      return FALSE;
    }
  if (!fz_database_transaction (db, set_insurance_txn, &s, error))
    {
      g_prefix_error (error, _("Could not save the designation: "));
      return FALSE;
    }
  return TRUE;
}

gint64
fzp_blind_massage_find_clinic (FzContext   *context,
                               const char  *text,
                               GError     **error)
{
  g_autofree char *norm = fz_normalize_text (text);
  gint64 id = 0;
  gboolean found = FALSE;

  if (!fz_database_query_int64 (fz_context_get_database (context),
                                "SELECT k.id FROM blind_massage_clinic k JOIN fz_organization o ON o.id = k.organization_id"
                                " WHERE CAST(k.id AS TEXT) = ?1 OR o.name = ?1 ORDER BY CAST(k.id AS TEXT) = ?1 DESC LIMIT 1",
                                g_variant_new ("(s)", norm), &id, &found, error))
    return 0;
  if (!found)
    {
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_NOT_FOUND,
                   _("Clinic: there is no clinic “%s”"), norm);
      return 0;
    }
  return id;
}

typedef struct {
  FzContext  *context;
  const char *hospital;
  const char *department;
  const char *county;
  const char *from;
  gint64      practitioner;
  gint64      id;
} AddPost;

static gboolean
add_post_txn (FzDatabase  *db,
              gpointer     user_data,
              GError     **error)
{
  AddPost *a = user_data;
  gint64 org = find_or_add_organization (a->context, a->hospital, a->county, FZ_ORGANIZATION_INSTITUTION, error);

  if (org == 0)
    return FALSE;
  if (!fz_database_execute (db,
                            "INSERT INTO blind_massage_post (organization_id, department, county_code, created_on,"
                            " practitioner_id) VALUES (?1, ?2, ?3, ?4, ?5)",
                            g_variant_new ("(xmsssmx)", org, a->department, a->county, a->from,
                                           a->practitioner != 0, a->practitioner),
                            error))
    return FALSE;
  a->id = fz_database_last_insert_rowid (db);
  return TRUE;
}

gint64
fzp_blind_massage_add_post (FzContext    *context,
                            const char   *hospital,
                            const char   *department,
                            const char   *county,
                            const GDate  *from,
                            gint64        practitioner_id,
                            GError      **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autofree char *name = trimmed_or_null (hospital);
  g_autofree char *dept = trimmed_or_null (department);
  g_autofree char *code = NULL;
  g_autofree char *start = iso_or_null (from);
  AddPost a = { 0 };

  if (name == NULL || g_utf8_strlen (name, -1) > 200)
    {
      g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                           _("Hospital: a name of 1 to 200 characters is needed"));
      return 0;
    }
  code = fzp_blind_massage_lookup_county (db, county, error);
  if (code == NULL)
    return 0;
  if (start == NULL)
    {
      g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                           _("From: a date is needed"));
      return 0;
    }
  if (practitioner_id != 0)
    {
      g_autoptr(FzpBlindMassagePractitioner) p = fzp_blind_massage_get_practitioner (context, practitioner_id, error);
      if (p == NULL)
        return 0;
      if (p->kind != FZP_BLIND_MASSAGE_KIND_MEDICAL)
        {
          g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                       _("Practitioner: %s practises health massage; hospital posts are for medical massage"), p->name);
          return 0;
        }
    }
  a.context = context;
  a.hospital = name;
  a.department = dept;
  a.county = code;
  a.from = start;
  a.practitioner = practitioner_id;
  if (!fz_database_transaction (db, add_post_txn, &a, error))
    {
      g_prefix_error (error, _("Could not save the post at %s: "), name);
      return 0;
    }
  return a.id;
}

typedef struct {
  gint64      id;
  const char *on;
} EndPost;

static gboolean
end_post_txn (FzDatabase  *db,
              gpointer     user_data,
              GError     **error)
{
  EndPost *e = user_data;

  return fz_database_execute (db, "UPDATE blind_massage_post SET abolished_on = ?2 WHERE id = ?1",
                              g_variant_new ("(xs)", e->id, e->on), error);
}

gboolean
fzp_blind_massage_end_post (FzContext    *context,
                            gint64        post_id,
                            const GDate  *on,
                            GError      **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autofree char *iso = iso_or_null (on);
  g_autofree char *created = NULL;
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;
  EndPost e = { post_id, iso };

  if (iso == NULL)
    {
      g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                           _("Abolished on: a date is needed"));
      return FALSE;
    }
  st = fz_database_query (db, "SELECT created_on FROM blind_massage_post WHERE id = ?1 AND abolished_on IS NULL",
                          g_variant_new ("(x)", post_id), error);
  if (st == NULL)
    return FALSE;
  if (!fz_statement_step (st, &local_error))
    {
      if (local_error)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_NOT_FOUND,
                             _("Post: there is no such post in being"));
      return FALSE;
    }
  created = fz_statement_dup_text (st, 0);
  g_clear_pointer (&st, fz_statement_unref);
  if (g_strcmp0 (iso, created) < 0)
    {
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                   _("Abolished on: %s is before the post was created, %s"), iso, created);
      return FALSE;
    }
  if (!fz_database_transaction (db, end_post_txn, &e, error))
    {
      g_prefix_error (error, _("Could not save the post: "));
      return FALSE;
    }
  return TRUE;
}
