/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-registry"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "fz-database-private.h"
#include "fz-access-private.h"
#include "fz-context.h"
#include "fz-organization-private.h"
#include "fz-person-private.h"
#include "fz-registry-private.h"

G_DEFINE_QUARK (fz-registry-error-quark, fz_registry_error)

/* Released steps are never edited; a change is a new step. */
const FzMigration _fz_registry_migrations[FZ_REGISTRY_N_MIGRATIONS] = {
  { 1,
    /* AUTOINCREMENT: an id is never given twice, so that a record kept
     * elsewhere (a placement, a certificate) never points at someone else. */
    "CREATE TABLE fz_person ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 64),"
    "  sex INTEGER NOT NULL CHECK (sex IN (1, 2)),"
    "  id_number TEXT NOT NULL UNIQUE CHECK (length(id_number) = 18),"
    "  cert_number TEXT UNIQUE CHECK (cert_number IS NULL OR"
    "    (length(cert_number) = 20 AND substr(cert_number, 1, 18) = id_number)),"
    "  category INTEGER NOT NULL CHECK (category BETWEEN 1 AND 7),"
    "  grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 4),"
    "  county_code TEXT REFERENCES fz_county(code),"
    "  township TEXT,"
    "  phone TEXT,"
    "  employment_status TEXT NOT NULL DEFAULT 'unknown'"
    "    CHECK (employment_status IN ('employed', 'unemployed', 'unknown')),"
    "  employment_form TEXT,"
    "  employment_date TEXT,"
    "  birth_date TEXT NOT NULL,"
    "  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
    "  updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));"
    /* Each index also orders by id within a value, so that a filtered page
     * in registration order needs no sort. */
    "CREATE INDEX fz_person_county ON fz_person (county_code);"
    "CREATE INDEX fz_person_category ON fz_person (category);"
    "CREATE INDEX fz_person_grade ON fz_person (grade);"
    "CREATE INDEX fz_person_employment ON fz_person (employment_status);"
    /* Every character and every pair of characters of each name, so that
     * one- and two-character searches (most Chinese surnames and given
     * names) are an index lookup; full-text trigrams would find nothing
     * shorter than three characters. */
    /* Kept by the registry, which knows the old name when a name changes
     * or a person goes: no foreign key, no index on person_id, so that an
     * import writes half as much. Ids are never reused (AUTOINCREMENT), so
     * a gram left behind by someone else's DELETE can never find another
     * person. */
    "CREATE TABLE fz_person_gram ("
    "  gram TEXT NOT NULL,"
    "  person_id INTEGER NOT NULL,"
    "  PRIMARY KEY (gram, person_id)) WITHOUT ROWID;"
    "CREATE TABLE fz_organization ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),"
    "  credit_code TEXT UNIQUE CHECK (credit_code IS NULL OR length(credit_code) = 18),"
    "  type TEXT NOT NULL DEFAULT 'other' CHECK (type IN ('organ', 'institution',"
    "    'state-enterprise', 'private-enterprise', 'social-organization',"
    "    'village-collective', 'other')),"
    "  county_code TEXT REFERENCES fz_county(code),"
    "  headcount INTEGER CHECK (headcount IS NULL OR headcount >= 0),"
    "  established_posts INTEGER CHECK (established_posts IS NULL OR established_posts >= 0),"
    "  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
    "  updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));"
    "CREATE INDEX fz_organization_county ON fz_organization (county_code);"
    "CREATE INDEX fz_organization_type ON fz_organization (type);" },
};

#define PERSON_COLUMNS \
  "p.id, p.name, p.sex, p.id_number, p.cert_number, p.category, p.grade, p.county_code, " \
  "c.name, p.township, p.phone, p.employment_status, p.employment_form, p.employment_date, " \
  "p.birth_date, p.created, p.updated"

#define ORGANIZATION_COLUMNS \
  "o.id, o.name, o.credit_code, o.type, o.county_code, c.name, o.headcount, o.established_posts"

#define MAX_GRAM_BATCH 64
/* New persons written by one statement in bulk: SQLite's work for a
 * statement (its journal, the sequence of ids, the table the CHECK on the
 * employment status builds for its IN list) is then shared by the rows,
 * and a row costs half the instructions. */
#define ROW_BATCH 32
#define ROW_PARAMS 14

/* Statements run for every row of an import, held for the registry's life
 * so that a row costs no cache lookup. */
typedef enum {
  STMT_LOOKUP,
  STMT_INSERT,
  STMT_INSERT_ID,
  STMT_UPDATE,
  STMT_GRAM_INSERT,
  STMT_GRAM_DELETE,
  N_STATEMENTS
} StatementId;

static const char *statement_sql[N_STATEMENTS] = {
  [STMT_LOOKUP] =
    "SELECT " PERSON_COLUMNS " FROM fz_person p "
    "LEFT JOIN fz_county c ON c.code = p.county_code WHERE p.id_number = ?1",
  [STMT_INSERT] =
    "INSERT INTO fz_person (name, sex, id_number, cert_number, category, grade, county_code, "
    "township, phone, employment_status, employment_form, employment_date, birth_date) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
  [STMT_INSERT_ID] =
    "INSERT INTO fz_person (id, name, sex, id_number, cert_number, category, grade, county_code, "
    "township, phone, employment_status, employment_form, employment_date, birth_date) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
  [STMT_UPDATE] =
    "UPDATE fz_person SET name = ?2, sex = ?3, id_number = ?4, cert_number = ?5, category = ?6, "
    "grade = ?7, county_code = ?8, township = ?9, phone = ?10, employment_status = ?11, "
    "employment_form = ?12, employment_date = ?13, birth_date = ?14, "
    "updated = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
  [STMT_GRAM_INSERT] =
    "INSERT INTO fz_person_gram (gram, person_id) VALUES (?1, ?2)",
  [STMT_GRAM_DELETE] =
    "DELETE FROM fz_person_gram WHERE gram = ?1 AND person_id = ?2",
};

const guint _fz_registry_n_migrations = G_N_ELEMENTS (_fz_registry_migrations);
G_STATIC_ASSERT (G_N_ELEMENTS (_fz_registry_migrations) == FZ_REGISTRY_N_MIGRATIONS);

struct _FzRegistry
{
  GObject      parent_instance;
  FzDatabase  *db;
  GPtrArray   *county_codes;  /* char*, in order */
  GHashTable  *county_names;  /* code -> name */
  FzStatement *statements[N_STATEMENTS];
  /* INSERT of n grams in one statement, n < MAX_GRAM_BATCH */
  FzStatement *gram_inserts[MAX_GRAM_BATCH];
  /* In bulk (an import, the demo): grams to insert at its end, in key
   * order, and new persons waiting for a full batch */
  GArray       *pending_grams;  /* PendingGram */
  GStringChunk *pending_text;
  GArray       *pending_rows;   /* PendingRow */
  gint64        next_id;
  gint64        first_bulk_id;  /* the first id a bulk write gave */
  guint         failed_tag;
  FzStatement  *row_batch;
  /* The sort key of every ANCHOR_STRIDE-th row of the last listing asked
   * for deep, so that a page far down starts from a key, not an OFFSET */
  char         *anchor_query;
  guint64       anchor_version;
  GArray       *anchors;        /* Param */
};

typedef struct {
  const char *gram;  /* in pending_text */
  gint64      person_id;
} PendingGram;

typedef struct {
  gint64          id;
  guint           tag;
  FzPersonValues  values;
} PendingRow;

G_DEFINE_FINAL_TYPE (FzRegistry, fz_registry, G_TYPE_OBJECT)

enum {
  PERSONS_CHANGED,
  ORGANIZATIONS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A statement of the registry's own, reset and ready to bind. Borrowed. */
static FzStatement *
get_statement (FzRegistry   *self,
               StatementId   id,
               GError      **error)
{
  if (self->statements[id] == NULL)
    self->statements[id] = fz_database_prepare (self->db, statement_sql[id], error);
  else
    fz_statement_reset (self->statements[id]);
  return self->statements[id];
}

void
_fz_set_field_error (GError     **error,
                     int          code,
                     const char  *field,
                     const char  *message)
{
  /* Translators: a field name, then what is wrong with its value */
  g_set_error (error, FZ_VALIDATE_ERROR, code, _("%s: %s"), field, message);
}

static void
fz_registry_finalize (GObject *object)
{
  FzRegistry *self = FZ_REGISTRY (object);

  for (guint i = 0; i < N_STATEMENTS; i++)
    g_clear_pointer (&self->statements[i], fz_statement_unref);
  for (guint i = 0; i < MAX_GRAM_BATCH; i++)
    g_clear_pointer (&self->gram_inserts[i], fz_statement_unref);
  g_clear_pointer (&self->pending_grams, g_array_unref);
  g_clear_pointer (&self->pending_text, g_string_chunk_free);
  g_clear_pointer (&self->pending_rows, g_array_unref);
  g_clear_pointer (&self->row_batch, fz_statement_unref);
  g_clear_pointer (&self->anchor_query, g_free);
  g_clear_pointer (&self->anchors, g_array_unref);
  g_clear_object (&self->db);
  g_clear_pointer (&self->county_codes, g_ptr_array_unref);
  g_clear_pointer (&self->county_names, g_hash_table_unref);

  G_OBJECT_CLASS (fz_registry_parent_class)->finalize (object);
}

static void
fz_registry_class_init (FzRegistryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fz_registry_finalize;

  signals[PERSONS_CHANGED] =
    g_signal_new ("persons-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[ORGANIZATIONS_CHANGED] =
    g_signal_new ("organizations-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
fz_registry_init (FzRegistry *self)
{
  self->county_codes = g_ptr_array_new_with_free_func (g_free);
  self->county_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
load_counties (FzRegistry *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzStatement) stmt = NULL;

  g_ptr_array_set_size (self->county_codes, 0);
  g_hash_table_remove_all (self->county_names);

  /* County-level units are those under another unit: not the city itself. */
  stmt = fz_database_query (self->db,
                            "SELECT code, name FROM fz_county WHERE parent IS NOT NULL "
                            "ORDER BY sort, code", NULL, &error);
  while (stmt && fz_statement_step (stmt, &error))
    {
      g_ptr_array_add (self->county_codes, fz_statement_dup_text (stmt, 0));
      g_hash_table_insert (self->county_names, fz_statement_dup_text (stmt, 0),
                           fz_statement_dup_text (stmt, 1));
    }
  if (error)
    g_warning ("Could not read the counties: %s", error->message);
}

FzRegistry *
fz_registry_new (FzDatabase *database)
{
  FzRegistry *self;

  g_return_val_if_fail (FZ_IS_DATABASE (database), NULL);

  self = g_object_new (FZ_TYPE_REGISTRY, NULL);
  self->db = g_object_ref (database);
  load_counties (self);
  return self;
}

FzDatabase *
fz_registry_get_database (FzRegistry *self)
{
  g_return_val_if_fail (FZ_IS_REGISTRY (self), NULL);
  return self->db;
}

void
_fz_registry_emit_persons_changed (FzRegistry *self)
{
  g_signal_emit (self, signals[PERSONS_CHANGED], 0);
}

/* Counties */

char **
fz_registry_dup_county_codes (FzRegistry *self)
{
  GStrvBuilder *builder;
  char **codes;

  g_return_val_if_fail (FZ_IS_REGISTRY (self), NULL);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->county_codes->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->county_codes, i));
  codes = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return codes;
}

const char *
fz_registry_get_county_name (FzRegistry *self,
                             const char *code)
{
  g_return_val_if_fail (FZ_IS_REGISTRY (self), NULL);
  return code ? g_hash_table_lookup (self->county_names, code) : NULL;
}

gboolean
fz_registry_parse_county (FzRegistry  *self,
                          const char  *text,
                          char       **code,
                          GError     **error)
{
  g_autofree char *norm = fz_normalize_number (text);
  const char *found = NULL;

  g_return_val_if_fail (FZ_IS_REGISTRY (self), FALSE);

  if (*norm == '\0')
    {
      _fz_set_field_error (error, FZ_VALIDATE_ERROR_EMPTY, _("County"), _("the value is missing"));
      return FALSE;
    }
  for (guint i = 0; i < self->county_codes->len && found == NULL; i++)
    {
      const char *c = g_ptr_array_index (self->county_codes, i);
      const char *name = g_hash_table_lookup (self->county_names, c);
      gsize n = strlen (name);

      /* 330802, 柯城区, 衢州市柯城区, 浙江省衢州市柯城区, 柯城 */
      if (strcmp (norm, c) == 0 || g_str_has_suffix (norm, name) ||
          (g_utf8_strlen (name, -1) > 2 && strlen (norm) == n - strlen ("区") &&
           strncmp (norm, name, strlen (norm)) == 0))
        found = c;
    }
  if (found == NULL)
    {
      g_autofree char *shown = fz_normalize_text (text);
      g_autofree char *message = g_strdup_printf (_("“%s” is not one of the county-level units (柯城区, 衢江区...) or their codes"), shown);
      _fz_set_field_error (error, FZ_VALIDATE_ERROR_UNKNOWN, _("County"), message);
      return FALSE;
    }
  *code = g_strdup (found);
  return TRUE;
}

/* Persons: values */

void
_fz_person_values_clear (FzPersonValues *v)
{
  g_clear_pointer (&v->name, g_free);
  g_clear_pointer (&v->id_number, g_free);
  g_clear_pointer (&v->cert_number, g_free);
  g_clear_pointer (&v->county_code, g_free);
  g_clear_pointer (&v->township, g_free);
  g_clear_pointer (&v->phone, g_free);
  g_clear_pointer (&v->employment_form, g_free);
  g_clear_pointer (&v->employment_date, g_free);
  memset (v, 0, sizeof *v);
}

gboolean
_fz_person_values_equal (const FzPersonValues *a,
                         const FzPersonValues *b)
{
  return g_strcmp0 (a->name, b->name) == 0 &&
         g_strcmp0 (a->id_number, b->id_number) == 0 &&
         g_strcmp0 (a->cert_number, b->cert_number) == 0 &&
         a->category == b->category &&
         a->grade == b->grade &&
         g_strcmp0 (a->county_code, b->county_code) == 0 &&
         g_strcmp0 (a->township, b->township) == 0 &&
         g_strcmp0 (a->phone, b->phone) == 0 &&
         a->employment_status == b->employment_status &&
         g_strcmp0 (a->employment_form, b->employment_form) == 0 &&
         g_strcmp0 (a->employment_date, b->employment_date) == 0;
}

/* Replaces *@field by @value (taken), NULL when empty. */
static void
take_text (char **field,
           char  *value)
{
  g_free (*field);
  if (value != NULL && *value == '\0')
    g_clear_pointer (&value, g_free);
  *field = value;
}

static void
add_problem (GPtrArray *problems,
             GError    *error)
{
  g_ptr_array_add (problems, error);
}

gboolean
_fz_registry_check_values (FzRegistry     *self,
                           FzPersonValues *v,
                           const GDate    *today,
                           GPtrArray      *problems)
{
  guint before = problems->len;
  GError *error = NULL;
  FzIdentity identity;
  gboolean id_ok;
  char *norm = NULL;

  if (fz_validate_name (v->name, &norm, &error))
    take_text (&v->name, norm);
  else
    add_problem (problems, g_steal_pointer (&error));

  id_ok = fz_validate_identity_number (v->id_number, today, &identity, &error);
  if (id_ok)
    {
      take_text (&v->id_number, g_strdup (identity.number));
      v->sex = identity.sex;
      g_snprintf (v->birth_date, sizeof v->birth_date, "%04u-%02u-%02u", g_date_get_year (&identity.birth_date),
                  g_date_get_month (&identity.birth_date), g_date_get_day (&identity.birth_date));
    }
  else
    add_problem (problems, g_steal_pointer (&error));

  take_text (&v->cert_number, fz_normalize_number (v->cert_number));
  if (v->cert_number != NULL && id_ok)
    {
      FzDisabilityCard cert;

      if (fz_validate_certificate_number (v->cert_number, v->id_number,
                                          v->category <= FZ_CATEGORY_LAST ? v->category : 0,
                                          v->grade <= FZ_GRADE_LAST ? v->grade : 0,
                                          &cert, &error))
        {
          take_text (&v->cert_number, g_strdup (cert.number));
          v->category = cert.category;
          v->grade = cert.grade;
        }
      else
        add_problem (problems, g_steal_pointer (&error));
    }
  /* With a certificate, a missing category is the certificate's problem. */
  if (v->category == 0 && v->cert_number == NULL)
    {
      _fz_set_field_error (&error, FZ_VALIDATE_ERROR_EMPTY, _("Category"), _("the value is missing"));
      add_problem (problems, g_steal_pointer (&error));
    }
  else if (v->category > FZ_CATEGORY_LAST && v->category != FZ_ALREADY_REPORTED)
    {
      _fz_set_field_error (&error, FZ_VALIDATE_ERROR_UNKNOWN, _("Category"), _("it must be 1 to 7"));
      add_problem (problems, g_steal_pointer (&error));
    }
  if (v->grade == 0 && v->cert_number == NULL)
    {
      _fz_set_field_error (&error, FZ_VALIDATE_ERROR_EMPTY, _("Grade"), _("the value is missing"));
      add_problem (problems, g_steal_pointer (&error));
    }
  else if (v->grade > FZ_GRADE_LAST && v->grade != FZ_ALREADY_REPORTED)
    {
      _fz_set_field_error (&error, FZ_VALIDATE_ERROR_UNKNOWN, _("Grade"), _("it must be 1 to 4"));
      add_problem (problems, g_steal_pointer (&error));
    }

  take_text (&v->county_code, fz_normalize_number (v->county_code));
  if (v->county_code != NULL && !g_hash_table_contains (self->county_names, v->county_code))
    {
      char *code = NULL;

      /* A name where a code was expected is forgiven. */
      if (fz_registry_parse_county (self, v->county_code, &code, &error))
        take_text (&v->county_code, code);
      else
        add_problem (problems, g_steal_pointer (&error));
    }

  take_text (&v->township, fz_normalize_text (v->township));
  take_text (&v->employment_form, fz_normalize_text (v->employment_form));

  if (fz_validate_phone (v->phone, &norm, &error))
    take_text (&v->phone, norm);
  else
    add_problem (problems, g_steal_pointer (&error));

  if (v->employment_status < FZ_EMPLOYMENT_EMPLOYED || v->employment_status > FZ_EMPLOYMENT_UNKNOWN)
    v->employment_status = FZ_EMPLOYMENT_UNKNOWN;

  take_text (&v->employment_date, fz_normalize_text (v->employment_date));
  if (v->employment_date != NULL)
    {
      GDate date;

      if (fz_parse_date (v->employment_date, _("Employment date"), &date, &error))
        {
          char iso[11];
          g_snprintf (iso, sizeof iso, "%04u-%02u-%02u", g_date_get_year (&date),
                  g_date_get_month (&date), g_date_get_day (&date));
          take_text (&v->employment_date, g_strdup (iso));
        }
      else
        add_problem (problems, g_steal_pointer (&error));
    }

  return problems->len == before;
}

static void
values_from_person (FzPersonValues *v,
                    FzPerson       *person)
{
  memset (v, 0, sizeof *v);
  v->name = g_strdup (person->name);
  v->id_number = g_strdup (person->id_number);
  v->cert_number = g_strdup (person->cert_number);
  v->category = person->category;
  v->grade = person->grade;
  v->county_code = g_strdup (person->county_code);
  v->township = g_strdup (person->township);
  v->phone = g_strdup (person->phone);
  v->employment_status = person->employment_status;
  v->employment_form = g_strdup (person->employment_form);
  v->employment_date = g_strdup (person->employment_date);
}

static void
values_to_person (FzRegistry           *self,
                  const FzPersonValues *v,
                  FzPerson             *person)
{
  _fz_replace_text (&person->name, v->name);
  _fz_replace_text (&person->id_number, v->id_number);
  _fz_replace_text (&person->cert_number, v->cert_number);
  person->category = v->category;
  person->grade = v->grade;
  _fz_replace_text (&person->county_code, v->county_code);
  _fz_replace_text (&person->county_name, fz_registry_get_county_name (self, v->county_code));
  _fz_replace_text (&person->township, v->township);
  _fz_replace_text (&person->phone, v->phone);
  person->employment_status = v->employment_status;
  _fz_replace_text (&person->employment_form, v->employment_form);
  _fz_replace_text (&person->employment_date, v->employment_date);
  person->sex = v->sex;
  _fz_replace_text (&person->birth_date, v->birth_date);
  _fz_person_notify (person);
}

/* The first problem as the error, the others after it on their own lines. */
static void
propagate_problems (GPtrArray  *problems,
                    GError    **error)
{
  GError *first;
  GString *message;

  if (problems->len == 0)
    return;
  first = g_ptr_array_index (problems, 0);
  message = g_string_new (first->message);
  for (guint i = 1; i < problems->len; i++)
    {
      GError *other = g_ptr_array_index (problems, i);
      g_string_append_c (message, '\n');
      g_string_append (message, other->message);
    }
  g_set_error_literal (error, first->domain, first->code, message->str);
  g_string_free (message, TRUE);
}

gboolean
fz_registry_check_person (FzRegistry  *self,
                          FzPerson    *person,
                          GError     **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  FzPersonValues v;

  g_return_val_if_fail (FZ_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (FZ_IS_PERSON (person), FALSE);

  values_from_person (&v, person);
  if (!_fz_registry_check_values (self, &v, NULL, problems))
    {
      _fz_person_values_clear (&v);
      propagate_problems (problems, error);
      return FALSE;
    }
  values_to_person (self, &v, person);
  _fz_person_values_clear (&v);
  return TRUE;
}

/* Persons: reading and writing */

static void
bind_values (FzStatement          *stmt,
             int                   first,
             const FzPersonValues *v)
{
  fz_statement_bind_text (stmt, first + 0, v->name);
  fz_statement_bind_int64 (stmt, first + 1, v->sex);
  fz_statement_bind_text (stmt, first + 2, v->id_number);
  fz_statement_bind_text (stmt, first + 3, v->cert_number);
  fz_statement_bind_int64 (stmt, first + 4, v->category);
  fz_statement_bind_int64 (stmt, first + 5, v->grade);
  fz_statement_bind_text (stmt, first + 6, v->county_code);
  fz_statement_bind_text (stmt, first + 7, v->township);
  fz_statement_bind_text (stmt, first + 8, v->phone);
  fz_statement_bind_text (stmt, first + 9, fz_employment_status_to_nick (v->employment_status));
  fz_statement_bind_text (stmt, first + 10, v->employment_form);
  fz_statement_bind_text (stmt, first + 11, v->employment_date);
  fz_statement_bind_text (stmt, first + 12, v->birth_date);
}

/* The characters and pairs of characters of @name, lower-cased, each once. */
static GPtrArray *
name_grams (const char *name)
{
  g_autofree char *lower = g_utf8_strdown (name, -1);
  GPtrArray *grams = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *chars = g_ptr_array_new_with_free_func (g_free);

  for (const char *p = lower; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char buf[8] = { 0 };

      if (g_unichar_isspace (c))
        continue;
      g_unichar_to_utf8 (c, buf);
      g_ptr_array_add (chars, g_strdup (buf));
    }
  for (guint i = 0; i < chars->len; i++)
    {
      const char *c = g_ptr_array_index (chars, i);
      char *pair = i + 1 < chars->len ? g_strconcat (c, g_ptr_array_index (chars, i + 1), NULL) : NULL;

      if (!g_ptr_array_find_with_equal_func (grams, c, g_str_equal, NULL))
        g_ptr_array_add (grams, g_strdup (c));
      if (pair && !g_ptr_array_find_with_equal_func (grams, pair, g_str_equal, NULL))
        g_ptr_array_add (grams, pair);
      else
        g_free (pair);
    }
  g_ptr_array_unref (chars);
  return grams;
}

/* Inserts the grams of a name in one statement: a name has about five,
 * and an import writes 200,000 names. */
static FzStatement *
get_gram_insert (FzRegistry  *self,
                 guint        n,
                 GError     **error)
{
  if (n >= MAX_GRAM_BATCH)
    return get_statement (self, STMT_GRAM_INSERT, error);
  if (self->gram_inserts[n] == NULL)
    {
      /* Only placeholders are repeated here: the values are bound. */
      g_autoptr(GString) sql = g_string_new ("INSERT INTO fz_person_gram (gram, person_id) VALUES (?, ?)");

      for (guint i = 1; i < n; i++)
        g_string_append (sql, ", (?, ?)");
      self->gram_inserts[n] = fz_database_prepare (self->db, sql->str, error);
    }
  else
    fz_statement_reset (self->gram_inserts[n]);
  return self->gram_inserts[n];
}

/* Inserts (or with @insert FALSE, deletes) the grams of @name for @person_id. */
static gboolean
run_grams (FzRegistry   *self,
           gboolean      insert,
           gint64        person_id,
           const char   *name,
           GError      **error)
{
  g_autoptr(GPtrArray) grams = name_grams (name);
  FzStatement *stmt;

  if (grams->len == 0)
    return TRUE;
  if (insert && self->pending_grams != NULL)
    {
      for (guint i = 0; i < grams->len; i++)
        {
          PendingGram pg = {
            g_string_chunk_insert_const (self->pending_text, g_ptr_array_index (grams, i)),
            person_id
          };
          g_array_append_val (self->pending_grams, pg);
        }
      return TRUE;
    }
  if (insert && grams->len < MAX_GRAM_BATCH)
    {
      stmt = get_gram_insert (self, grams->len, error);
      if (stmt == NULL)
        return FALSE;
      for (guint i = 0; i < grams->len; i++)
        {
          fz_statement_bind_text (stmt, 2 * (int) i + 1, g_ptr_array_index (grams, i));
          fz_statement_bind_int64 (stmt, 2 * (int) i + 2, person_id);
        }
      return fz_statement_run (stmt, error);
    }

  stmt = get_statement (self, insert ? STMT_GRAM_INSERT : STMT_GRAM_DELETE, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < grams->len; i++)
    {
      fz_statement_bind_text (stmt, 1, g_ptr_array_index (grams, i));
      fz_statement_bind_int64 (stmt, 2, person_id);
      if (!fz_statement_run (stmt, error))
        return FALSE;
    }
  return TRUE;
}

static int
compare_pending (gconstpointer a,
                 gconstpointer b)
{
  const PendingGram *x = a, *y = b;
  int c = strcmp (x->gram, y->gram);

  if (c != 0)
    return c;
  return x->person_id < y->person_id ? -1 : x->person_id > y->person_id;
}

static gboolean
flush_grams (FzRegistry  *self,
             gboolean     write,
             GError     **error)
{
  g_autoptr(GArray) pending = g_steal_pointer (&self->pending_grams);
  GStringChunk *text = g_steal_pointer (&self->pending_text);
  const guint batch = MAX_GRAM_BATCH - 1;
  gboolean ok = TRUE;

  if (write && pending->len > 0)
    {
      /* In key order every insert lands at the end of a run of the
       * index: several times faster than in the order of the sheet, where
       * each lands somewhere else. strcmp is SQLite's BINARY order. */
      g_array_sort (pending, compare_pending);
      for (guint i = 0; ok && i < pending->len; )
        {
          guint n = MIN (batch, pending->len - i);
          FzStatement *stmt = get_gram_insert (self, n, error);

          ok = stmt != NULL;
          for (guint k = 0; ok && k < n; k++)
            {
              const PendingGram *pg = &g_array_index (pending, PendingGram, i + k);

              fz_statement_bind_text (stmt, 2 * (int) k + 1, pg->gram);
              fz_statement_bind_int64 (stmt, 2 * (int) k + 2, pg->person_id);
            }
          ok = ok && fz_statement_run (stmt, error);
          i += n;
        }
    }
  g_string_chunk_free (text);
  return ok;
}

static void
pending_row_clear (gpointer data)
{
  _fz_person_values_clear (&((PendingRow *) data)->values);
}

static void
values_copy (FzPersonValues       *to,
             const FzPersonValues *from)
{
  *to = *from;
  to->name = g_strdup (from->name);
  to->id_number = g_strdup (from->id_number);
  to->cert_number = g_strdup (from->cert_number);
  to->county_code = g_strdup (from->county_code);
  to->township = g_strdup (from->township);
  to->phone = g_strdup (from->phone);
  to->employment_form = g_strdup (from->employment_form);
  to->employment_date = g_strdup (from->employment_date);
}

static FzStatement *
get_row_batch (FzRegistry  *self,
               GError     **error)
{
  if (self->row_batch == NULL)
    {
      /* Only placeholders are repeated here: the values are bound. */
      g_autoptr(GString) sql = g_string_new (statement_sql[STMT_INSERT_ID]);

      g_string_truncate (sql, strstr (sql->str, "VALUES") - sql->str);
      g_string_append (sql, "VALUES ");
      for (guint r = 0; r < ROW_BATCH; r++)
        g_string_append (sql, r == 0 ? "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                     : ", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      self->row_batch = fz_database_prepare (self->db, sql->str, error);
    }
  else
    fz_statement_reset (self->row_batch);
  return self->row_batch;
}

/* Writes the waiting new persons: whole batches, then the rest one by one.
 * When a batch is refused its rows go one by one too, to tell which of them
 * it was (its tag, in failed_tag). */
static gboolean
flush_rows (FzRegistry  *self,
            GError     **error)
{
  GArray *rows = self->pending_rows;
  gboolean ok = TRUE;
  guint done = 0;

  while (rows->len - done >= ROW_BATCH)
    {
      FzStatement *stmt = get_row_batch (self, error);

      if (stmt == NULL)
        return FALSE;
      for (guint r = 0; r < ROW_BATCH; r++)
        {
          PendingRow *row = &g_array_index (rows, PendingRow, done + r);

          fz_statement_bind_int64 (stmt, (int) (r * ROW_PARAMS) + 1, row->id);
          bind_values (stmt, (int) (r * ROW_PARAMS) + 2, &row->values);
        }
      if (!fz_statement_run (stmt, NULL))
        break;
      done += ROW_BATCH;
    }

  for (; ok && done < rows->len; done++)
    {
      PendingRow *row = &g_array_index (rows, PendingRow, done);
      FzStatement *stmt = get_statement (self, STMT_INSERT_ID, error);

      ok = stmt != NULL;
      if (ok)
        {
          fz_statement_bind_int64 (stmt, 1, row->id);
          bind_values (stmt, 2, &row->values);
          ok = fz_statement_run (stmt, error);
        }
      if (!ok)
        self->failed_tag = row->tag;
    }
  g_array_set_size (rows, 0);
  return ok;
}

gboolean
_fz_registry_begin_bulk (FzRegistry  *self,
                         GError     **error)
{
  g_return_val_if_fail (self->pending_grams == NULL, FALSE);
  g_return_val_if_fail (fz_database_in_transaction (self->db), FALSE);

  /* Ids are given here, as AUTOINCREMENT would: past any ever given. */
  if (!fz_database_query_int64 (self->db,
                                "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'fz_person'), 0), "
                                "coalesce((SELECT max(id) FROM fz_person), 0)) + 1",
                                NULL, &self->next_id, NULL, error))
    return FALSE;
  self->first_bulk_id = self->next_id;
  /* Thousands of new persons are one audit row (the import, its ids), not
   * a copy of each: their values are the rows themselves, and any later
   * change of them is audited with what it replaced. */
  _fz_guard_set_bulk_insert (_fz_database_get_guard (self->db), "fz_person");
  self->pending_grams = g_array_new (FALSE, FALSE, sizeof (PendingGram));
  self->pending_text = g_string_chunk_new (4096);
  self->pending_rows = g_array_new (FALSE, FALSE, sizeof (PendingRow));
  g_array_set_clear_func (self->pending_rows, pending_row_clear);
  self->failed_tag = 0;
  return TRUE;
}

static char *
bulk_details (const char *source,
              const char *encoding,
              gint64      first,
              gint64      last)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, source);
  if (encoding)
    {
      json_builder_set_member_name (builder, "encoding");
      json_builder_add_string_value (builder, encoding);
    }
  json_builder_set_member_name (builder, "added");
  json_builder_add_int_value (builder, last - first + 1);
  json_builder_set_member_name (builder, "first_id");
  json_builder_add_int_value (builder, first);
  json_builder_set_member_name (builder, "last_id");
  json_builder_add_int_value (builder, last);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

gboolean
_fz_registry_end_bulk (FzRegistry  *self,
                       gboolean     write,
                       const char  *source,
                       const char  *encoding,
                       GError     **error)
{
  g_autoptr(GArray) rows = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (self->pending_grams != NULL, FALSE);

  if (write)
    ok = flush_rows (self, error);
  rows = g_steal_pointer (&self->pending_rows);
  ok = flush_grams (self, write && ok, ok ? error : NULL) && ok;
  _fz_guard_set_bulk_insert (_fz_database_get_guard (self->db), NULL);
  /* The new persons' audit row, in their transaction. */
  if (write && ok && self->next_id > self->first_bulk_id)
    {
      g_autofree char *details = bulk_details (source, encoding, self->first_bulk_id, self->next_id - 1);

      ok = _fz_audit_record_event (self->db, "import", "fz_person", NULL, details, error);
    }
  return ok;
}

guint
_fz_registry_get_failed_tag (FzRegistry *self)
{
  return self->failed_tag;
}

gboolean
_fz_registry_write_values (FzRegistry            *self,
                           gint64                *id,
                           const FzPersonValues  *v,
                           const char            *old_name,
                           guint                  tag,
                           GError               **error)
{
  FzStatement *stmt;

  if (*id == 0 && self->pending_rows != NULL)
    {
      PendingRow row = { self->next_id++, tag };

      values_copy (&row.values, v);
      g_array_append_val (self->pending_rows, row);
      *id = row.id;
      if (!run_grams (self, TRUE, *id, v->name, error))
        return FALSE;
      return self->pending_rows->len < ROW_BATCH || flush_rows (self, error);
    }

  if (*id == 0)
    {
      stmt = get_statement (self, STMT_INSERT, error);
      if (stmt == NULL)
        return FALSE;
      bind_values (stmt, 1, v);
      if (!fz_statement_run (stmt, error))
        return FALSE;
      *id = fz_database_last_insert_rowid (self->db);
      return run_grams (self, TRUE, *id, v->name, error);
    }

  stmt = get_statement (self, STMT_UPDATE, error);
  if (stmt == NULL)
    return FALSE;
  fz_statement_bind_int64 (stmt, 1, *id);
  bind_values (stmt, 2, v);
  if (!fz_statement_run (stmt, error))
    return FALSE;
  if (fz_database_changes (self->db) == 0)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, *id);
      g_set_error (error, FZ_REGISTRY_ERROR, FZ_REGISTRY_ERROR_NOT_FOUND,
                   _("There is no person number %s"), number);
      return FALSE;
    }
  if (g_strcmp0 (old_name, v->name) == 0)
    return TRUE;
  return (old_name == NULL || run_grams (self, FALSE, *id, old_name, error)) &&
         run_grams (self, TRUE, *id, v->name, error);
}

static void
values_from_row (FzPersonValues *v,
                 FzStatement    *row)
{
  memset (v, 0, sizeof *v);
  v->name = fz_statement_dup_text (row, FZ_PERSON_COL_NAME);
  v->sex = (FzSex) fz_statement_get_int64 (row, FZ_PERSON_COL_SEX);
  v->id_number = fz_statement_dup_text (row, FZ_PERSON_COL_ID_NUMBER);
  v->cert_number = fz_statement_dup_text (row, FZ_PERSON_COL_CERT_NUMBER);
  v->category = (guint) fz_statement_get_int64 (row, FZ_PERSON_COL_CATEGORY);
  v->grade = (guint) fz_statement_get_int64 (row, FZ_PERSON_COL_GRADE);
  v->county_code = fz_statement_dup_text (row, FZ_PERSON_COL_COUNTY_CODE);
  v->township = fz_statement_dup_text (row, FZ_PERSON_COL_TOWNSHIP);
  v->phone = fz_statement_dup_text (row, FZ_PERSON_COL_PHONE);
  v->employment_status =
    fz_employment_status_from_nick (fz_statement_get_text (row, FZ_PERSON_COL_EMPLOYMENT_STATUS));
  v->employment_form = fz_statement_dup_text (row, FZ_PERSON_COL_EMPLOYMENT_FORM);
  v->employment_date = fz_statement_dup_text (row, FZ_PERSON_COL_EMPLOYMENT_DATE);
  g_strlcpy (v->birth_date, fz_statement_get_text (row, FZ_PERSON_COL_BIRTH_DATE) ?: "",
             sizeof v->birth_date);
}

gboolean
_fz_registry_lookup_values (FzRegistry      *self,
                            const char      *id_number,
                            gint64          *id,
                            FzPersonValues  *values,
                            GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  FzStatement *stmt = get_statement (self, STMT_LOOKUP, error);

  if (stmt == NULL)
    return FALSE;
  fz_statement_bind_text (stmt, 1, id_number);
  if (!fz_statement_step (stmt, &local_error))
    {
      if (local_error)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  *id = fz_statement_get_int64 (stmt, FZ_PERSON_COL_ID);
  values_from_row (values, stmt);
  fz_statement_reset (stmt);
  return TRUE;
}

static FzPerson *
person_from_row (FzStatement *row)
{
  FzPerson *p = fz_person_new ();

  p->id = fz_statement_get_int64 (row, FZ_PERSON_COL_ID);
  p->name = fz_statement_dup_text (row, FZ_PERSON_COL_NAME);
  p->sex = (FzSex) fz_statement_get_int64 (row, FZ_PERSON_COL_SEX);
  p->id_number = fz_statement_dup_text (row, FZ_PERSON_COL_ID_NUMBER);
  p->cert_number = fz_statement_dup_text (row, FZ_PERSON_COL_CERT_NUMBER);
  p->category = (guint) fz_statement_get_int64 (row, FZ_PERSON_COL_CATEGORY);
  p->grade = (guint) fz_statement_get_int64 (row, FZ_PERSON_COL_GRADE);
  p->county_code = fz_statement_dup_text (row, FZ_PERSON_COL_COUNTY_CODE);
  p->county_name = fz_statement_dup_text (row, FZ_PERSON_COL_COUNTY_NAME);
  p->township = fz_statement_dup_text (row, FZ_PERSON_COL_TOWNSHIP);
  p->phone = fz_statement_dup_text (row, FZ_PERSON_COL_PHONE);
  p->employment_status =
    fz_employment_status_from_nick (fz_statement_get_text (row, FZ_PERSON_COL_EMPLOYMENT_STATUS));
  p->employment_form = fz_statement_dup_text (row, FZ_PERSON_COL_EMPLOYMENT_FORM);
  p->employment_date = fz_statement_dup_text (row, FZ_PERSON_COL_EMPLOYMENT_DATE);
  p->birth_date = fz_statement_dup_text (row, FZ_PERSON_COL_BIRTH_DATE);
  p->created = fz_statement_dup_text (row, FZ_PERSON_COL_CREATED);
  p->updated = fz_statement_dup_text (row, FZ_PERSON_COL_UPDATED);
  return p;
}

/* Whether persons read now are shown masked, and how (@policy). */
static gboolean
mask_policy (FzRegistry   *self,
             FzMaskPolicy *policy)
{
  g_autoptr(FzContext) context = NULL;

  if (_fz_access_can (self->db, FZ_PERMISSION_SEE_PERSONAL) ||
      _fz_guard_masks_personal (_fz_database_get_guard (self->db)))
    return FALSE;
  context = fz_context_new (self->db, NULL, NULL);
  fz_mask_policy_load (policy, context, NULL);
  return TRUE;
}

static void
mask_text (char               **field,
           FzFieldKind          kind,
           const FzMaskPolicy  *policy)
{
  char *masked = fz_mask_for_public (*field, kind, policy);

  g_free (*field);
  *field = masked;
}

/* Identity, certificate and phone numbers as a role that may not see them
 * gets them (a viewer): masked as public documents mask them. */
static FzPerson *
shown_person (FzRegistry         *self,
              FzPerson           *person,
              const FzMaskPolicy *known)
{
  FzMaskPolicy policy;

  if (person == NULL)
    return NULL;
  if (known)
    policy = *known;
  else if (!mask_policy (self, &policy))
    return person;
  mask_text (&person->id_number, FZ_FIELD_IDENTITY_NUMBER, &policy);
  mask_text (&person->cert_number, FZ_FIELD_DISABILITY_CARD, &policy);
  mask_text (&person->phone, FZ_FIELD_PHONE, &policy);
  return person;
}

static gboolean
refresh_person (FzRegistry  *self,
                FzPerson    *person,
                GError     **error)
{
  g_autoptr(FzPerson) saved = fz_registry_find_person (self, person->id, error);

  if (saved == NULL)
    return FALSE;
  _fz_replace_text (&person->created, saved->created);
  _fz_replace_text (&person->updated, saved->updated);
  _fz_replace_text (&person->county_name, saved->county_name);
  _fz_person_notify (person);
  return TRUE;
}

typedef struct {
  FzRegistry     *self;
  FzPersonValues *values;
  gint64          id;
  char           *old_name;
} SaveData;

static gboolean
duplicate_error (FzRegistry  *self,
                 const char  *id_number,
                 gint64       except_id,
                 GError     **error)
{
  g_autoptr(FzStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  stmt = fz_database_query (self->db, "SELECT id, name FROM fz_person WHERE id_number = ?1",
                            g_variant_new ("(s)", id_number), error);
  if (stmt == NULL)
    return TRUE;
  if (fz_statement_step (stmt, &local_error) && fz_statement_get_int64 (stmt, 0) != except_id)
    {
      g_autofree char *message =
        g_strdup_printf (_("%s is registered already, as %s"), id_number, fz_statement_get_text (stmt, 1));
      g_set_error (error, FZ_REGISTRY_ERROR, FZ_REGISTRY_ERROR_DUPLICATE,
                   _("%s: %s"), _("Identity number"), message);
      return TRUE;
    }
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return TRUE;
    }
  return FALSE;
}

static gboolean
save_person_txn (FzDatabase  *db,
                 gpointer     user_data,
                 GError     **error)
{
  SaveData *data = user_data;

  if (duplicate_error (data->self, data->values->id_number, data->id, error))
    return FALSE;
  return _fz_registry_write_values (data->self, &data->id, data->values, data->old_name, 0, error);
}

static gboolean
save_person (FzRegistry  *self,
             FzPerson    *person,
             gboolean     is_new,
             GError     **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  FzPersonValues v;
  SaveData data = { self, &v, is_new ? 0 : person->id, NULL };
  gboolean ok;

  /* Before checking values a viewer may see masked. */
  if (!_fz_access_check (self->db, FZ_PERMISSION_WRITE, _("change the registry"), error))
    return FALSE;
  values_from_person (&v, person);
  if (!_fz_registry_check_values (self, &v, NULL, problems))
    {
      _fz_person_values_clear (&v);
      propagate_problems (problems, error);
      return FALSE;
    }

  if (!is_new)
    {
      g_autoptr(FzPerson) old = fz_registry_find_person (self, person->id, error);
      if (old == NULL)
        {
          _fz_person_values_clear (&v);
          return FALSE;
        }
      data.old_name = g_strdup (old->name);
    }

  ok = fz_database_transaction (self->db, save_person_txn, &data, error);
  if (ok)
    {
      person->id = data.id;
      values_to_person (self, &v, person);
      ok = refresh_person (self, person, error);
    }
  else if (error && *error && (*error)->domain == FZ_DATABASE_ERROR)
    g_prefix_error (error, _("Could not save the person %s: "), v.name);
  _fz_person_values_clear (&v);
  g_free (data.old_name);
  if (ok)
    _fz_registry_emit_persons_changed (self);
  return ok;
}

gboolean
fz_registry_add_person (FzRegistry  *self,
                        FzPerson    *person,
                        GError     **error)
{
  g_return_val_if_fail (FZ_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (FZ_IS_PERSON (person), FALSE);
  g_return_val_if_fail (person->id == 0, FALSE);

  return save_person (self, person, TRUE, error);
}

gboolean
fz_registry_update_person (FzRegistry  *self,
                           FzPerson    *person,
                           GError     **error)
{
  g_return_val_if_fail (FZ_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (FZ_IS_PERSON (person), FALSE);
  g_return_val_if_fail (person->id > 0, FALSE);

  return save_person (self, person, FALSE, error);
}

typedef struct {
  FzRegistry *self;
  gint64      id;
} DeleteData;

static gboolean
delete_person_txn (FzDatabase  *db,
                   gpointer     user_data,
                   GError     **error)
{
  DeleteData *data = user_data;
  g_autoptr(FzPerson) person = fz_registry_find_person (data->self, data->id, error);

  if (person == NULL)
    return FALSE;
  return run_grams (data->self, FALSE, data->id, person->name, error) &&
         fz_database_execute (db, "DELETE FROM fz_person WHERE id = ?1",
                              g_variant_new ("(x)", data->id), error);
}

gboolean
fz_registry_delete_person (FzRegistry  *self,
                           gint64       id,
                           GError     **error)
{
  DeleteData data = { self, id };

  g_return_val_if_fail (FZ_IS_REGISTRY (self), FALSE);

  if (!_fz_access_check (self->db, FZ_PERMISSION_WRITE, _("change the registry"), error))
    return FALSE;
  if (!fz_database_transaction (self->db, delete_person_txn, &data, error))
    return FALSE;
  _fz_registry_emit_persons_changed (self);
  return TRUE;
}

FzPerson *
fz_registry_find_person (FzRegistry  *self,
                         gint64       id,
                         GError     **error)
{
  g_autoptr(FzStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (FZ_IS_REGISTRY (self), NULL);

  stmt = fz_database_query (self->db,
                            "SELECT " PERSON_COLUMNS " FROM fz_person p "
                            "LEFT JOIN fz_county c ON c.code = p.county_code WHERE p.id = ?1",
                            g_variant_new ("(x)", id), error);
  if (stmt == NULL)
    return NULL;
  if (fz_statement_step (stmt, &local_error))
    return shown_person (self, person_from_row (stmt), NULL);
  if (local_error)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      g_set_error (error, FZ_REGISTRY_ERROR, FZ_REGISTRY_ERROR_NOT_FOUND,
                   _("There is no person number %s"), number);
    }
  return NULL;
}

FzPerson *
fz_registry_find_person_by_id_number (FzRegistry  *self,
                                      const char  *id_number,
                                      GError     **error)
{
  g_autoptr(FzStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *norm = fz_normalize_number (id_number);

  g_return_val_if_fail (FZ_IS_REGISTRY (self), NULL);

  stmt = fz_database_query (self->db,
                            "SELECT " PERSON_COLUMNS " FROM fz_person p "
                            "LEFT JOIN fz_county c ON c.code = p.county_code WHERE p.id_number = ?1",
                            g_variant_new ("(s)", norm), error);
  if (stmt == NULL)
    return NULL;
  if (fz_statement_step (stmt, &local_error))
    return shown_person (self, person_from_row (stmt), NULL);
  if (local_error)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

/* Persons: lists */

typedef struct {
  gboolean  is_text;
  char     *text;
  gint64    number;
} Param;

typedef struct {
  GString *where;   /* " AND ..." fragments, fixed text only */
  GArray  *params;  /* Param, in the order of the ? in where */
  char    *gram;    /* a name gram to look up, or NULL */
  const char *order; /* the ORDER BY that the query's index gives for free */
  const char *range_column; /* the NOT NULL column whose range the text gives */
} Query;

static void
param_clear (gpointer data)
{
  g_free (((Param *) data)->text);
}

static void
query_init (Query *q)
{
  q->where = g_string_new (NULL);
  q->params = g_array_new (FALSE, TRUE, sizeof (Param));
  g_array_set_clear_func (q->params, param_clear);
  q->gram = NULL;
  q->order = "p.id";
  q->range_column = NULL;
}

static void
query_clear (Query *q)
{
  g_string_free (q->where, TRUE);
  g_array_unref (q->params);
  g_free (q->gram);
}

static void
query_add_text (Query      *q,
                const char *fragment,
                const char *value)
{
  Param p = { TRUE, g_strdup (value), 0 };

  g_string_append_printf (q->where, " AND %s", fragment);
  g_array_append_val (q->params, p);
}

static void
query_add_int (Query      *q,
               const char *fragment,
               gint64      value)
{
  Param p = { FALSE, NULL, value };

  g_string_append_printf (q->where, " AND %s", fragment);
  g_array_append_val (q->params, p);
}

static int
query_bind (Query       *q,
            FzStatement *stmt,
            int          index)
{
  for (guint i = 0; i < q->params->len; i++)
    {
      Param *p = &g_array_index (q->params, Param, i);
      if (p->is_text)
        fz_statement_bind_text (stmt, index++, p->text);
      else
        fz_statement_bind_int64 (stmt, index++, p->number);
    }
  return index;
}

/* A number when it starts with a digit and has only digits and X. */
static gboolean
is_number_query (const char *norm)
{
  if (!g_ascii_isdigit (*norm))
    return FALSE;
  for (const char *c = norm; *c; c++)
    if (!g_ascii_isdigit (*c) && *c != 'X' && *c != 'x' && !g_ascii_isspace (*c))
      return FALSE;
  return TRUE;
}

static char *
escape_like (const char *text)
{
  GString *s = g_string_new ("%");

  for (const char *c = text; *c; c++)
    {
      if (*c == '%' || *c == '_' || *c == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *c);
    }
  g_string_append_c (s, '%');
  return g_string_free (s, FALSE);
}

/* Adds the text part of a filter: a range of identity or certificate
 * numbers for a number, a name gram (and for three characters or more, a
 * LIKE on the name) otherwise. */
static void
query_add_person_text (Query      *q,
                       const char *text)
{
  g_autofree char *norm = fz_normalize_text (text);

  if (*norm == '\0')
    return;

  if (is_number_query (norm))
    {
      g_autofree char *number = fz_normalize_number (norm);
      g_autofree char *upper = g_strconcat (number, "~", NULL);

      /* A certificate number begins with the identity number: up to 18
       * characters, a certificate prefix is an identity prefix. Ranges,
       * unlike LIKE, use the UNIQUE indexes as they are. */
      if (strlen (number) <= 18)
        {
          query_add_text (q, "p.id_number >= ?", number);
          query_add_text (q, "p.id_number < ?", upper);
          q->order = "p.id_number";
          q->range_column = "id_number";
        }
      else
        {
          query_add_text (q, "p.cert_number >= ?", number);
          query_add_text (q, "p.cert_number < ?", upper);
          q->order = "p.cert_number";
        }
    }
  else
    {
      g_autofree char *lower = g_utf8_strdown (norm, -1);
      GString *compact = g_string_new (NULL);
      const char *second;

      for (const char *p = lower; *p; p = g_utf8_next_char (p))
        if (!g_unichar_isspace (g_utf8_get_char (p)))
          g_string_append_unichar (compact, g_utf8_get_char (p));

      second = g_utf8_next_char (compact->str);
      if (*second == '\0')
        q->gram = g_strdup (compact->str);
      else
        q->gram = g_strndup (compact->str, g_utf8_next_char (second) - compact->str);
      if (g_utf8_strlen (compact->str, -1) > 2)
        {
          g_autofree char *pattern = escape_like (compact->str);
          query_add_text (q, "replace(p.name, ' ', '') LIKE ? ESCAPE '\\'", pattern);
        }
      g_string_free (compact, TRUE);
    }
}

static void
query_add_person_filter (Query                *q,
                         const FzPersonFilter *filter)
{
  if (filter == NULL)
    return;
  if (filter->text)
    query_add_person_text (q, filter->text);
  if (filter->county_code && *filter->county_code)
    query_add_text (q, "p.county_code = ?", filter->county_code);
  if (filter->category)
    query_add_int (q, "p.category = ?", filter->category);
  if (filter->grade)
    query_add_int (q, "p.grade = ?", filter->grade);
  if (filter->employment_status != FZ_EMPLOYMENT_ANY)
    query_add_text (q, "p.employment_status = ?", fz_employment_status_to_nick (filter->employment_status));
}

gboolean
fz_registry_count_persons (FzRegistry            *self,
                           const FzPersonFilter  *filter,
                           guint                 *n_persons,
                           GError               **error)
{
  g_autoptr(FzStatement) stmt = NULL;
  g_autofree char *sql = NULL;
  Query q;
  int index = 1;
  gboolean ok;

  g_return_val_if_fail (FZ_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (n_persons != NULL, FALSE);

  query_init (&q);
  query_add_person_filter (&q, filter);

  /* The first digits typed (3, 33, 330...) match everyone: counting the
   * whole table is quick (SQLite counts the cells of each page), counting
   * the same rows as a range of an index reads them one by one. */
  if (q.gram == NULL && q.range_column != NULL && q.params->len == 2)
    {
      /* Apart, min() and max() are each one step down the index. */
      g_autofree char *whole = g_strdup_printf ("SELECT (SELECT min(%s) FROM fz_person) >= ?1 AND "
                                                "(SELECT max(%s) FROM fz_person) < ?2",
                                                q.range_column, q.range_column);
      gint64 everyone = 0;

      stmt = fz_database_prepare (self->db, whole, error);
      if (stmt == NULL)
        {
          query_clear (&q);
          return FALSE;
        }
      query_bind (&q, stmt, 1);
      ok = fz_statement_step (stmt, error);
      everyone = ok ? fz_statement_get_int64 (stmt, 0) : 0;
      g_clear_pointer (&stmt, fz_statement_unref);
      if (!ok && error && *error)
        {
          query_clear (&q);
          return FALSE;
        }
      if (everyone)
        {
          g_string_truncate (q.where, 0);
          g_array_set_size (q.params, 0);
        }
    }

  if (q.gram == NULL && q.where->len == 0)
    sql = g_strdup ("SELECT count(*) FROM fz_person");
  /* The grams know nothing of counties: behind a county scope, the join
   * with fz_person (its view) counts the county's persons only. */
  else if (q.gram && q.where->len == 0 && !_fz_guard_is_scoped (_fz_database_get_guard (self->db)))
    sql = g_strdup ("SELECT count(*) FROM fz_person_gram WHERE gram = ?");
  else if (q.gram)
    sql = g_strconcat ("SELECT count(*) FROM fz_person_gram g CROSS JOIN fz_person p "
                       "ON p.id = g.person_id WHERE g.gram = ?", q.where->str, NULL);
  else
    sql = g_strconcat ("SELECT count(*) FROM fz_person p WHERE 1", q.where->str, NULL);

  stmt = fz_database_prepare (self->db, sql, error);
  if (stmt != NULL)
    {
      if (q.gram)
        fz_statement_bind_text (stmt, index++, q.gram);
      query_bind (&q, stmt, index);
      ok = fz_statement_step (stmt, error);
      if (ok)
        *n_persons = (guint) fz_statement_get_int64 (stmt, 0);
    }
  else
    ok = FALSE;
  query_clear (&q);
  return ok;
}

/* Where a listing may start from a remembered key rather than skip rows
 * with OFFSET, which SQLite does by reading them: at 200,000 persons a
 * page near the end took 30 ms, too long for a frame of a scrolling list. */
#define ANCHOR_STRIDE 512

/* Changes when anything in the database changes, by this connection or
 * another: remembered keys are good while it stays the same. */
static guint64
data_version (FzRegistry *self)
{
  sqlite3 *handle = _fz_database_get_handle (self->db);
  unsigned int version = 0;

  sqlite3_file_control (handle, "main", SQLITE_FCNTL_DATA_VERSION, &version);
  return ((guint64) version << 40) ^ (guint64) sqlite3_total_changes64 (handle);
}

static char *
query_identity (Query *q)
{
  GString *id = g_string_new (q->gram);

  g_string_append_printf (id, "\x1f%s\x1f%s", q->where->str, q->order);
  for (guint i = 0; i < q->params->len; i++)
    {
      Param *p = &g_array_index (q->params, Param, i);
      if (p->is_text)
        g_string_append_printf (id, "\x1f%s", p->text);
      else
        g_string_append_printf (id, "\x1f%" G_GINT64_FORMAT, p->number);
    }
  return g_string_free (id, FALSE);
}

static const char *
query_from (Query *q)
{
  return q->gram ? "FROM fz_person_gram g CROSS JOIN fz_person p ON p.id = g.person_id WHERE g.gram = ?"
                 : "FROM fz_person p WHERE 1";
}

static const char *
query_key (Query *q)
{
  return q->gram ? "g.person_id" : q->order;
}

static void
bind_param (FzStatement *stmt,
            int          index,
            const Param *p)
{
  if (p->is_text)
    fz_statement_bind_text (stmt, index, p->text);
  else
    fz_statement_bind_int64 (stmt, index, p->number);
}

/* The key of row @anchor * ANCHOR_STRIDE of the listing @q, reading only
 * the keys from the last one known on; NULL when the listing is shorter. */
static const Param *
get_anchor (FzRegistry  *self,
            Query       *q,
            guint        anchor,
            GError     **error)
{
  g_autofree char *identity = query_identity (q);
  guint64 version = data_version (self);
  g_autoptr(FzStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *sql = NULL;

  if (self->anchors == NULL || version != self->anchor_version || g_strcmp0 (identity, self->anchor_query) != 0)
    {
      g_clear_pointer (&self->anchors, g_array_unref);
      self->anchors = g_array_new (FALSE, TRUE, sizeof (Param));
      g_array_set_clear_func (self->anchors, param_clear);
      g_free (self->anchor_query);
      self->anchor_query = g_steal_pointer (&identity);
      self->anchor_version = version;
    }
  /* anchors[i] is the key of row (i + 1) * ANCHOR_STRIDE. */
  if (anchor <= self->anchors->len)
    return &g_array_index (self->anchors, Param, anchor - 1);

  /* Each step skips ANCHOR_STRIDE rows from the last key known inside
   * SQLite, which is quicker than handing them all out. Fixed text and
   * placeholders only: the values are bound. */
  while (self->anchors->len < anchor)
    {
      const Param *from = self->anchors->len ? &g_array_index (self->anchors, Param, self->anchors->len - 1) : NULL;
      Param p = { FALSE, NULL, 0 };
      int index = 1;

      /* The first step starts at the top; the next ones at a key. */
      if (stmt == NULL || from == NULL || self->anchors->len == 1)
        {
          g_free (sql);
          if (from)
            sql = g_strdup_printf ("SELECT %s %s%s AND %s >= ? ORDER BY %s LIMIT 1 OFFSET %d", query_key (q),
                                   query_from (q), q->where->str, query_key (q), query_key (q), ANCHOR_STRIDE);
          else
            sql = g_strdup_printf ("SELECT %s %s%s ORDER BY %s LIMIT 1 OFFSET %d", query_key (q), query_from (q),
                                   q->where->str, query_key (q), ANCHOR_STRIDE);
          g_clear_pointer (&stmt, fz_statement_unref);
          stmt = fz_database_prepare (self->db, sql, error);
          if (stmt == NULL)
            return NULL;
        }
      else
        fz_statement_reset (stmt);
      if (q->gram)
        fz_statement_bind_text (stmt, index++, q->gram);
      index = query_bind (q, stmt, index);
      if (from)
        bind_param (stmt, index, from);
      if (!fz_statement_step (stmt, &local_error))
        break;
      if (g_str_equal (query_key (q), "p.id") || q->gram)
        p.number = fz_statement_get_int64 (stmt, 0);
      else
        {
          p.is_text = TRUE;
          p.text = fz_statement_dup_text (stmt, 0);
        }
      g_array_append_val (self->anchors, p);
    }
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return anchor <= self->anchors->len ? &g_array_index (self->anchors, Param, anchor - 1) : NULL;
}

gboolean
_fz_registry_foreach_person (FzRegistry           *self,
                             const FzPersonFilter *filter,
                             gint64                offset,
                             gint64                limit,
                             FzPersonRowFunc       func,
                             gpointer              user_data,
                             GError              **error)
{
  g_autoptr(FzStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *sql = NULL;
  const Param *anchor = NULL;
  Query q;
  int index = 1;

  query_init (&q);
  query_add_person_filter (&q, filter);

  /* Far down a listing, start from the key of a row near the page. */
  if (offset >= ANCHOR_STRIDE && limit > 0)
    {
      anchor = get_anchor (self, &q, (guint) MIN (offset / ANCHOR_STRIDE, G_MAXUINT), &local_error);
      if (anchor == NULL)
        {
          query_clear (&q);
          if (local_error)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          /* Past the end: no rows, as OFFSET would give. */
          return TRUE;
        }
      offset -= (offset / ANCHOR_STRIDE) * ANCHOR_STRIDE;
    }

  /* With a gram, its index drives the query, in person order. */
  if (q.gram)
    sql = g_strconcat ("SELECT " PERSON_COLUMNS " FROM fz_person_gram g CROSS JOIN fz_person p "
                       "ON p.id = g.person_id LEFT JOIN fz_county c ON c.code = p.county_code "
                       "WHERE g.gram = ?", q.where->str, anchor ? " AND g.person_id >= ?" : "",
                       " ORDER BY g.person_id LIMIT ? OFFSET ?", NULL);
  else
    sql = g_strconcat ("SELECT " PERSON_COLUMNS " FROM fz_person p "
                       "LEFT JOIN fz_county c ON c.code = p.county_code WHERE 1", q.where->str,
                       anchor ? " AND " : "", anchor ? q.order : "", anchor ? " >= ?" : "",
                       " ORDER BY ", q.order, " LIMIT ? OFFSET ?", NULL);

  stmt = fz_database_prepare (self->db, sql, error);
  if (stmt == NULL)
    {
      query_clear (&q);
      return FALSE;
    }
  if (q.gram)
    fz_statement_bind_text (stmt, index++, q.gram);
  index = query_bind (&q, stmt, index);
  if (anchor)
    bind_param (stmt, index++, anchor);
  fz_statement_bind_int64 (stmt, index++, limit);
  fz_statement_bind_int64 (stmt, index++, offset);
  query_clear (&q);

  while (fz_statement_step (stmt, &local_error))
    if (!func (stmt, user_data, error))
      return FALSE;
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

typedef struct {
  FzRegistry   *self;
  GPtrArray    *persons;
  gboolean      masked;
  FzMaskPolicy  policy;
} Collect;

static gboolean
collect_person (FzStatement  *row,
                gpointer      user_data,
                GError      **error)
{
  Collect *collect = user_data;
  FzPerson *person = person_from_row (row);

  if (collect->masked)
    shown_person (collect->self, person, &collect->policy);
  g_ptr_array_add (collect->persons, person);
  return TRUE;
}

GPtrArray *
fz_registry_list_persons (FzRegistry            *self,
                          const FzPersonFilter  *filter,
                          guint                  offset,
                          guint                  limit,
                          GError               **error)
{
  g_autoptr(GPtrArray) persons = g_ptr_array_new_with_free_func (g_object_unref);
  Collect collect = { self, persons, FALSE, FZ_MASK_POLICY_INIT };

  g_return_val_if_fail (FZ_IS_REGISTRY (self), NULL);

  collect.masked = mask_policy (self, &collect.policy);
  if (!_fz_registry_foreach_person (self, filter, offset, limit, collect_person, &collect, error))
    return NULL;
  return g_steal_pointer (&persons);
}

/* Organizations */

typedef struct {
  FzRegistry     *self;
  FzOrganization *org;
  char           *name;
  char           *credit_code;
  char           *county_code;
  gint64          id;
} OrgData;

static gboolean
check_organization (FzRegistry      *self,
                    FzOrganization  *org,
                    OrgData         *data,
                    GError         **error)
{
  g_autofree char *name = fz_normalize_text (org->name);
  g_autofree char *code = fz_normalize_number (org->credit_code);
  g_autofree char *county = fz_normalize_number (org->county_code);

  if (*name == '\0')
    {
      _fz_set_field_error (error, FZ_VALIDATE_ERROR_EMPTY, _("Name"), _("the value is missing"));
      return FALSE;
    }
  if (g_utf8_strlen (name, -1) > 200)
    {
      _fz_set_field_error (error, FZ_VALIDATE_ERROR_LENGTH, _("Name"), _("it is longer than 200 characters"));
      return FALSE;
    }
  if (*code != '\0')
    {
      char *norm = NULL;
      if (!fz_validate_credit_code (code, &norm, error))
        return FALSE;
      g_free (code);
      code = norm;
    }
  if (*county != '\0' && !g_hash_table_contains (self->county_names, county))
    {
      char *parsed = NULL;
      if (!fz_registry_parse_county (self, county, &parsed, error))
        return FALSE;
      g_free (county);
      county = parsed;
    }
  data->name = g_steal_pointer (&name);
  data->credit_code = *code ? g_steal_pointer (&code) : NULL;
  data->county_code = *county ? g_steal_pointer (&county) : NULL;
  return TRUE;
}

static gboolean
save_organization_txn (FzDatabase  *db,
                       gpointer     user_data,
                       GError     **error)
{
  OrgData *data = user_data;
  FzOrganization *org = data->org;
  g_autoptr(FzStatement) stmt = NULL;

  if (data->credit_code)
    {
      g_autoptr(FzStatement) dup = NULL;
      g_autoptr(GError) local_error = NULL;

      dup = fz_database_query (db, "SELECT id, name FROM fz_organization WHERE credit_code = ?1",
                               g_variant_new ("(s)", data->credit_code), error);
      if (dup == NULL)
        return FALSE;
      if (fz_statement_step (dup, &local_error) && fz_statement_get_int64 (dup, 0) != data->id)
        {
          g_autofree char *message =
            g_strdup_printf (_("%s is registered already, as %s"), data->credit_code,
                             fz_statement_get_text (dup, 1));
          g_set_error (error, FZ_REGISTRY_ERROR, FZ_REGISTRY_ERROR_DUPLICATE,
                       _("%s: %s"), _("Unified social credit code"), message);
          return FALSE;
        }
      if (local_error)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  if (data->id == 0)
    stmt = fz_database_prepare (db,
                                "INSERT INTO fz_organization (name, credit_code, type, county_code, "
                                "headcount, established_posts) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                error);
  else
    stmt = fz_database_prepare (db,
                                "UPDATE fz_organization SET name = ?1, credit_code = ?2, type = ?3, "
                                "county_code = ?4, headcount = ?5, established_posts = ?6, "
                                "updated = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?7",
                                error);
  if (stmt == NULL)
    return FALSE;
  fz_statement_bind_text (stmt, 1, data->name);
  fz_statement_bind_text (stmt, 2, data->credit_code);
  fz_statement_bind_text (stmt, 3, fz_organization_type_to_nick (org->kind));
  fz_statement_bind_text (stmt, 4, data->county_code);
  if (org->headcount >= 0)
    fz_statement_bind_int64 (stmt, 5, org->headcount);
  if (org->established_posts >= 0)
    fz_statement_bind_int64 (stmt, 6, org->established_posts);
  if (data->id != 0)
    fz_statement_bind_int64 (stmt, 7, data->id);
  if (!fz_statement_run (stmt, error))
    return FALSE;
  if (data->id == 0)
    data->id = fz_database_last_insert_rowid (db);
  else if (fz_database_changes (db) == 0)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, data->id);
      g_set_error (error, FZ_REGISTRY_ERROR, FZ_REGISTRY_ERROR_NOT_FOUND,
                   _("There is no organization number %s"), number);
      return FALSE;
    }
  return TRUE;
}

static gboolean
save_organization (FzRegistry      *self,
                   FzOrganization  *org,
                   gint64           id,
                   GError         **error)
{
  OrgData data = { self, org, NULL, NULL, NULL, id };
  gboolean ok = check_organization (self, org, &data, error) &&
                fz_database_transaction (self->db, save_organization_txn, &data, error);

  if (ok)
    {
      org->id = data.id;
      fz_organization_set_name (org, data.name);
      fz_organization_set_credit_code (org, data.credit_code);
      fz_organization_set_county_code (org, data.county_code);
      _fz_replace_text (&org->county_name, fz_registry_get_county_name (self, data.county_code));
      g_signal_emit (self, signals[ORGANIZATIONS_CHANGED], 0);
    }
  else if (error && *error && (*error)->domain == FZ_DATABASE_ERROR)
    g_prefix_error (error, _("Could not save the organization %s: "), org->name);
  g_free (data.name);
  g_free (data.credit_code);
  g_free (data.county_code);
  return ok;
}

gboolean
fz_registry_add_organization (FzRegistry      *self,
                              FzOrganization  *organization,
                              GError         **error)
{
  g_return_val_if_fail (FZ_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (FZ_IS_ORGANIZATION (organization), FALSE);
  g_return_val_if_fail (organization->id == 0, FALSE);

  return save_organization (self, organization, 0, error);
}

gboolean
fz_registry_update_organization (FzRegistry      *self,
                                 FzOrganization  *organization,
                                 GError         **error)
{
  g_return_val_if_fail (FZ_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (FZ_IS_ORGANIZATION (organization), FALSE);
  g_return_val_if_fail (organization->id > 0, FALSE);

  return save_organization (self, organization, organization->id, error);
}

static gboolean
delete_organization_txn (FzDatabase  *db,
                         gpointer     user_data,
                         GError     **error)
{
  gint64 id = *(gint64 *) user_data;

  if (!fz_database_execute (db, "DELETE FROM fz_organization WHERE id = ?1",
                            g_variant_new ("(x)", id), error))
    return FALSE;
  if (fz_database_changes (db) == 0)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      g_set_error (error, FZ_REGISTRY_ERROR, FZ_REGISTRY_ERROR_NOT_FOUND,
                   _("There is no organization number %s"), number);
      return FALSE;
    }
  return TRUE;
}

gboolean
fz_registry_delete_organization (FzRegistry  *self,
                                 gint64       id,
                                 GError     **error)
{
  g_return_val_if_fail (FZ_IS_REGISTRY (self), FALSE);

  if (!fz_database_transaction (self->db, delete_organization_txn, &id, error))
    return FALSE;
  g_signal_emit (self, signals[ORGANIZATIONS_CHANGED], 0);
  return TRUE;
}

static FzOrganization *
organization_from_row (FzStatement *row)
{
  FzOrganization *o = fz_organization_new ();

  o->id = fz_statement_get_int64 (row, 0);
  o->name = fz_statement_dup_text (row, 1);
  o->credit_code = fz_statement_dup_text (row, 2);
  o->kind = fz_organization_type_from_nick (fz_statement_get_text (row, 3));
  o->county_code = fz_statement_dup_text (row, 4);
  o->county_name = fz_statement_dup_text (row, 5);
  o->headcount = fz_statement_is_null (row, 6) ? -1 : (gint) fz_statement_get_int64 (row, 6);
  o->established_posts = fz_statement_is_null (row, 7) ? -1 : (gint) fz_statement_get_int64 (row, 7);
  return o;
}

FzOrganization *
fz_registry_find_organization (FzRegistry  *self,
                               gint64       id,
                               GError     **error)
{
  g_autoptr(FzStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (FZ_IS_REGISTRY (self), NULL);

  stmt = fz_database_query (self->db,
                            "SELECT " ORGANIZATION_COLUMNS " FROM fz_organization o "
                            "LEFT JOIN fz_county c ON c.code = o.county_code WHERE o.id = ?1",
                            g_variant_new ("(x)", id), error);
  if (stmt == NULL)
    return NULL;
  if (fz_statement_step (stmt, &local_error))
    return organization_from_row (stmt);
  if (local_error)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      g_set_error (error, FZ_REGISTRY_ERROR, FZ_REGISTRY_ERROR_NOT_FOUND,
                   _("There is no organization number %s"), number);
    }
  return NULL;
}

static void
query_add_organization_filter (Query                      *q,
                               const FzOrganizationFilter *filter)
{
  g_autofree char *norm = NULL;

  if (filter == NULL)
    return;
  norm = fz_normalize_text (filter->text);
  if (*norm != '\0')
    {
      g_autofree char *code = fz_normalize_number (norm);
      g_autofree char *pattern = escape_like (norm);

      /* Organizations are few: a scan of their names is fast enough. */
      if (g_ascii_isdigit (*code) && strlen (code) <= 18)
        {
          g_autofree char *upper = g_strconcat (code, "~", NULL);
          g_string_append (q->where, " AND ((o.credit_code >= ? AND o.credit_code < ?) "
                                     "OR o.name LIKE ? ESCAPE '\\')");
          g_array_append_vals (q->params, (Param[]) { { TRUE, g_strdup (code), 0 },
                                                      { TRUE, g_strdup (upper), 0 },
                                                      { TRUE, g_strdup (pattern), 0 } }, 3);
        }
      else
        query_add_text (q, "o.name LIKE ? ESCAPE '\\'", pattern);
    }
  if (filter->county_code && *filter->county_code)
    query_add_text (q, "o.county_code = ?", filter->county_code);
  if (filter->kind != FZ_ORGANIZATION_ANY)
    query_add_text (q, "o.type = ?", fz_organization_type_to_nick (filter->kind));
}

gboolean
fz_registry_count_organizations (FzRegistry                  *self,
                                 const FzOrganizationFilter  *filter,
                                 guint                       *n_organizations,
                                 GError                     **error)
{
  g_autoptr(FzStatement) stmt = NULL;
  g_autofree char *sql = NULL;
  gboolean ok = FALSE;
  Query q;

  g_return_val_if_fail (FZ_IS_REGISTRY (self), FALSE);

  query_init (&q);
  query_add_organization_filter (&q, filter);
  sql = g_strconcat ("SELECT count(*) FROM fz_organization o WHERE 1", q.where->str, NULL);
  stmt = fz_database_prepare (self->db, sql, error);
  if (stmt)
    {
      query_bind (&q, stmt, 1);
      ok = fz_statement_step (stmt, error);
      if (ok)
        *n_organizations = (guint) fz_statement_get_int64 (stmt, 0);
    }
  query_clear (&q);
  return ok;
}

GPtrArray *
fz_registry_list_organizations (FzRegistry                  *self,
                                const FzOrganizationFilter  *filter,
                                guint                        offset,
                                guint                        limit,
                                GError                     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(FzStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *sql = NULL;
  Query q;
  int index;

  g_return_val_if_fail (FZ_IS_REGISTRY (self), NULL);

  query_init (&q);
  query_add_organization_filter (&q, filter);
  sql = g_strconcat ("SELECT " ORGANIZATION_COLUMNS " FROM fz_organization o "
                     "LEFT JOIN fz_county c ON c.code = o.county_code WHERE 1", q.where->str,
                     " ORDER BY o.id LIMIT ? OFFSET ?", NULL);
  stmt = fz_database_prepare (self->db, sql, error);
  if (stmt == NULL)
    {
      query_clear (&q);
      return NULL;
    }
  index = query_bind (&q, stmt, 1);
  fz_statement_bind_int64 (stmt, index++, limit);
  fz_statement_bind_int64 (stmt, index, offset);
  query_clear (&q);

  while (fz_statement_step (stmt, &local_error))
    g_ptr_array_add (list, organization_from_row (stmt));
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&list);
}
