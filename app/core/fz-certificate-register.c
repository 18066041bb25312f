/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-certificate-register"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "fz-certificate-register.h"
#include "fz-certificate-register-private.h"
#include "fz-context.h"
#include "fz-database.h"
#include "fz-document.h"

/* Released steps are never edited; a change is a new step.
 *
 * Serials come from a counter per prefix and year that only ever goes up,
 * so a number is never handed out twice, whatever happens to certificates;
 * rows are never deleted either. One live certificate per owner, kind and
 * subject key makes a reprint find its number. */
const FzMigration _fz_documents_migrations[FZ_DOCUMENTS_N_MIGRATIONS] = {
  { 1,
    "CREATE TABLE fz_certificate_counter ("
    "  prefix TEXT NOT NULL,"
    "  year INTEGER NOT NULL,"
    "  last INTEGER NOT NULL CHECK (last > 0),"
    "  PRIMARY KEY (prefix, year));"
    "CREATE TABLE fz_certificate ("
    "  id INTEGER PRIMARY KEY,"
    "  serial TEXT NOT NULL UNIQUE,"
    "  owner TEXT NOT NULL,"
    "  kind TEXT NOT NULL,"
    "  subject_key TEXT NOT NULL,"
    "  subject TEXT NOT NULL,"
    "  person TEXT,"
    "  issued TEXT NOT NULL CHECK (length(issued) = 10),"
    "  issued_by TEXT NOT NULL,"
    "  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
    "  prints INTEGER NOT NULL DEFAULT 1 CHECK (prints > 0),"
    "  revoked INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1)),"
    "  revoked_on TEXT,"
    "  revoked_reason TEXT,"
    "  revoked_by TEXT,"
    "  payload TEXT,"
    "  CHECK (revoked = 0 OR (revoked_on IS NOT NULL AND revoked_reason IS NOT NULL)));"
    "CREATE UNIQUE INDEX fz_certificate_live ON fz_certificate (owner, kind, subject_key)"
    "  WHERE revoked = 0;"
    "CREATE INDEX fz_certificate_person ON fz_certificate (person);"
    "CREATE TRIGGER fz_certificate_kept BEFORE DELETE ON fz_certificate"
    "  BEGIN SELECT RAISE (ABORT, 'certificates are never deleted, only revoked'); END;"
    "CREATE TRIGGER fz_certificate_serial_kept BEFORE UPDATE OF serial ON fz_certificate"
    "  BEGIN SELECT RAISE (ABORT, 'a certificate keeps its serial number'); END;" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (_fz_documents_migrations) == FZ_DOCUMENTS_N_MIGRATIONS);

#define RECORD_COLUMNS \
  "serial, owner, kind, subject_key, subject, person, issued, issued_by, prints, " \
  "revoked, revoked_on, revoked_reason, revoked_by, payload"

G_DEFINE_BOXED_TYPE (FzCertificateRecord, fz_certificate_record,
                     fz_certificate_record_copy, fz_certificate_record_free)

FzCertificateRecord *
fz_certificate_record_copy (const FzCertificateRecord *record)
{
  FzCertificateRecord *copy;

  g_return_val_if_fail (record != NULL, NULL);

  copy = g_memdup2 (record, sizeof *record);
  copy->serial = g_strdup (record->serial);
  copy->owner = g_strdup (record->owner);
  copy->kind = g_strdup (record->kind);
  copy->subject_key = g_strdup (record->subject_key);
  copy->subject = g_strdup (record->subject);
  copy->person = g_strdup (record->person);
  copy->issued_by = g_strdup (record->issued_by);
  copy->revoked_reason = g_strdup (record->revoked_reason);
  copy->revoked_by = g_strdup (record->revoked_by);
  copy->payload = g_strdup (record->payload);
  return copy;
}

void
fz_certificate_record_free (FzCertificateRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->serial);
  g_free (record->owner);
  g_free (record->kind);
  g_free (record->subject_key);
  g_free (record->subject);
  g_free (record->person);
  g_free (record->issued_by);
  g_free (record->revoked_reason);
  g_free (record->revoked_by);
  g_free (record->payload);
  g_free (record);
}

static char *
iso_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}

static void
parse_iso_date (GDate      *date,
                const char *text)
{
  unsigned y, m, d;

  g_date_clear (date, 1);
  if (text && sscanf (text, "%4u-%2u-%2u", &y, &m, &d) == 3 &&
      g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

static void
today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
}

static FzCertificateRecord *
record_from_row (FzStatement *st)
{
  FzCertificateRecord *record = g_new0 (FzCertificateRecord, 1);

  record->serial = fz_statement_dup_text (st, 0);
  record->owner = fz_statement_dup_text (st, 1);
  record->kind = fz_statement_dup_text (st, 2);
  record->subject_key = fz_statement_dup_text (st, 3);
  record->subject = fz_statement_dup_text (st, 4);
  record->person = fz_statement_dup_text (st, 5);
  parse_iso_date (&record->issued, fz_statement_get_text (st, 6));
  record->issued_by = fz_statement_dup_text (st, 7);
  record->prints = (guint) fz_statement_get_int64 (st, 8);
  record->revoked = fz_statement_get_int64 (st, 9) != 0;
  parse_iso_date (&record->revoked_on, fz_statement_get_text (st, 10));
  record->revoked_reason = fz_statement_dup_text (st, 11);
  record->revoked_by = fz_statement_dup_text (st, 12);
  record->payload = fz_statement_dup_text (st, 13);
  return record;
}

/* One record or NULL; @error is set only on a database failure. */
static FzCertificateRecord *
query_record (FzDatabase  *db,
              const char  *sql,
              GVariant    *params,
              GError     **error)
{
  g_autoptr(FzStatement) st = fz_database_query (db, sql, params, error);

  if (st == NULL)
    return NULL;
  if (fz_statement_step (st, error))
    return record_from_row (st);
  return NULL;
}

static FzCertificateRecord *
find_by_serial (FzDatabase  *db,
                const char  *serial,
                GError     **error)
{
  return query_record (db, "SELECT " RECORD_COLUMNS " FROM fz_certificate WHERE serial = ?1",
                       g_variant_new ("(s)", serial), error);
}

static FzCertificateRecord *
find_live (FzDatabase  *db,
           const char  *owner,
           const char  *kind,
           const char  *subject_key,
           GError     **error)
{
  return query_record (db,
                       "SELECT " RECORD_COLUMNS " FROM fz_certificate"
                       " WHERE owner = ?1 AND kind = ?2 AND subject_key = ?3 AND revoked = 0",
                       g_variant_new ("(sss)", owner, kind, subject_key), error);
}

/* A serial as people type it: full-width forms (NFKC), dashes of any
 * length, spaces, lower case. */
static char *
normalize_serial (const char *serial)
{
  g_autofree char *nfkc = g_utf8_normalize (serial, -1, G_NORMALIZE_ALL_COMPOSE);
  GString *out = g_string_new (NULL);

  if (nfkc == NULL)
    return g_string_free (out, FALSE);

  for (const char *p = nfkc; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        continue;
      if (c == 0x2010 || c == 0x2011 || c == 0x2012 || c == 0x2013 || c == 0x2014 ||
          c == 0x2015 || c == 0x2212 || c == '_')
        c = '-';
      if (c == '-' && out->len > 0 && out->str[out->len - 1] == '-')
        continue;
      g_string_append_unichar (out, g_unichar_toupper (c));
    }
  return g_string_free (out, FALSE);
}

static gboolean
valid_prefix (const char *prefix)
{
  gsize n = strlen (prefix);

  if (n < 1 || n > 12)
    return FALSE;
  for (const char *p = prefix; *p; p++)
    if (!g_ascii_isupper (*p) && !g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

typedef struct {
  FzContext                  *context;
  const FzCertificateRequest *request;
  const char                 *prefix;
  GDate                       issued;
  FzCertificateRecord        *result;
  gboolean                    reprint;
} Issue;

static char *
next_serial (FzDatabase  *db,
             const char  *prefix,
             guint        year,
             GError     **error)
{
  for (;;)
    {
      g_autoptr(FzStatement) st = NULL;
      g_autofree char *serial = NULL;
      gboolean taken = FALSE;
      gint64 last;

      st = fz_database_query (db,
                              "INSERT INTO fz_certificate_counter (prefix, year, last) VALUES (?1, ?2, 1)"
                              " ON CONFLICT (prefix, year) DO UPDATE SET last = fz_certificate_counter.last + 1"
                              " RETURNING last",
                              g_variant_new ("(su)", prefix, year), error);
      if (st == NULL)
        return NULL;
      if (!fz_statement_step (st, error))
        {
          if (error && *error == NULL)
            g_set_error_literal (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_FAILED,
                                 _("The certificate counter gave no number"));
          return NULL;
        }
      last = fz_statement_get_int64 (st, 0);
      if (!fz_statement_run (st, error))
        return NULL;

      serial = g_strdup_printf ("%s-%04u-%06" G_GINT64_FORMAT, prefix, year, last);
      /* Data restored or merged from elsewhere may hold numbers the counter
       * has not seen: go past them rather than fail. */
      if (!fz_database_query_int64 (db, "SELECT 1 FROM fz_certificate WHERE serial = ?1",
                                    g_variant_new ("(s)", serial), NULL, &taken, error))
        return NULL;
      if (!taken)
        return g_steal_pointer (&serial);
    }
}

static gboolean
issue_in_transaction (FzDatabase  *db,
                      gpointer     user_data,
                      GError     **error)
{
  Issue *issue = user_data;
  const FzCertificateRequest *request = issue->request;
  g_autoptr(FzCertificateRecord) existing = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *serial = NULL;
  g_autofree char *issued = NULL;

  existing = find_live (db, request->owner, request->kind, request->subject_key, &local_error);
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (existing)
    {
      if (g_strcmp0 (existing->subject, request->subject) != 0)
        {
          g_set_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_MISMATCH,
                       _("Certificate %s certifies “%s”, not “%s”: revoke it and issue a new one to change what it says"),
                       existing->serial, existing->subject, request->subject);
          return FALSE;
        }
      if (!fz_database_execute (db, "UPDATE fz_certificate SET prints = prints + 1 WHERE serial = ?1",
                                g_variant_new ("(s)", existing->serial), error))
        return FALSE;
      existing->prints++;
      issue->result = g_steal_pointer (&existing);
      issue->reprint = TRUE;
      return TRUE;
    }

  serial = next_serial (db, issue->prefix, g_date_get_year (&issue->issued), error);
  if (serial == NULL)
    return FALSE;
  issued = iso_date (&issue->issued);
  if (!fz_database_execute (db,
                            "INSERT INTO fz_certificate (serial, owner, kind, subject_key, subject, person,"
                            " issued, issued_by, payload) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                            g_variant_new ("(sssssmsssms)", serial, request->owner, request->kind,
                                           request->subject_key, request->subject, request->person,
                                           issued, fz_context_get_operator (issue->context),
                                           request->payload),
                            error))
    return FALSE;

  issue->result = find_by_serial (db, serial, error);
  return issue->result != NULL;
}

FzCertificateRecord *
fz_certificate_register_issue (FzContext                  *context,
                               const FzCertificateRequest *request,
                               gboolean                   *reprint,
                               GError                    **error)
{
  Issue issue = { context, request, NULL, { 0, }, NULL, FALSE };
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (FZ_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (request != NULL, NULL);

  if (is_blank (request->owner) || is_blank (request->kind) ||
      is_blank (request->subject_key) || is_blank (request->subject))
    {
      g_set_error_literal (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID,
                           _("A certificate needs an owner, a kind, a subject key and a subject"));
      return NULL;
    }
  issue.prefix = request->prefix ? request->prefix : "FZ";
  if (!valid_prefix (issue.prefix))
    {
      g_set_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID,
                   _("“%s” cannot begin a certificate number: use 1 to 12 capital letters A–Z or digits"),
                   issue.prefix);
      return NULL;
    }
  g_date_clear (&issue.issued, 1);
  if (request->issued && g_date_valid (request->issued))
    issue.issued = *request->issued;
  else
    today (&issue.issued);

  if (!fz_database_transaction (fz_context_get_database (context), issue_in_transaction, &issue, &local_error))
    {
      g_clear_pointer (&issue.result, fz_certificate_record_free);
      if (local_error->domain != FZ_DOCUMENT_ERROR)
        g_prefix_error (&local_error, _("Could not issue the certificate for “%s”: "), request->subject);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (reprint)
    *reprint = issue.reprint;
  return issue.result;
}

FzCertificateRecord *
fz_certificate_register_verify (FzContext   *context,
                                const char  *serial,
                                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *clean = NULL;
  FzCertificateRecord *record;

  g_return_val_if_fail (FZ_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (serial != NULL, NULL);

  clean = normalize_serial (serial);
  record = find_by_serial (fz_context_get_database (context), clean, &local_error);
  if (local_error)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Could not look up certificate %s: "), clean);
      return NULL;
    }
  if (record == NULL)
    g_set_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_NOT_FOUND,
                 _("No certificate numbered “%s” was issued here: the number may be mistyped, or the certificate is not genuine"),
                 clean);
  return record;
}

FzCertificateRecord *
fz_certificate_register_lookup (FzContext   *context,
                                const char  *owner,
                                const char  *kind,
                                const char  *subject_key,
                                GError     **error)
{
  g_return_val_if_fail (FZ_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (owner != NULL && kind != NULL && subject_key != NULL, NULL);

  return find_live (fz_context_get_database (context), owner, kind, subject_key, error);
}

typedef struct {
  FzContext   *context;
  const char  *serial;
  const char  *reason;
  GDate        date;
} Revoke;

static gboolean
revoke_in_transaction (FzDatabase  *db,
                       gpointer     user_data,
                       GError     **error)
{
  Revoke *revoke = user_data;
  g_autoptr(FzCertificateRecord) record = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *date = NULL;

  record = find_by_serial (db, revoke->serial, &local_error);
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (record == NULL)
    {
      g_set_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_NOT_FOUND,
                   _("No certificate numbered “%s” was issued here"), revoke->serial);
      return FALSE;
    }
  if (record->revoked)
    {
      g_autofree char *on = iso_date (&record->revoked_on);
      g_set_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_REVOKED,
                   _("Certificate %s was revoked already on %s: %s"),
                   record->serial, on, record->revoked_reason);
      return FALSE;
    }

  date = iso_date (&revoke->date);
  return fz_database_execute (db,
                              "UPDATE fz_certificate SET revoked = 1, revoked_on = ?2,"
                              " revoked_reason = ?3, revoked_by = ?4 WHERE serial = ?1 AND revoked = 0",
                              g_variant_new ("(ssss)", revoke->serial, date, revoke->reason,
                                             fz_context_get_operator (revoke->context)),
                              error);
}

gboolean
fz_certificate_register_revoke (FzContext    *context,
                                const char   *serial,
                                const char   *reason,
                                const GDate  *date,
                                GError      **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *stripped = NULL;
  Revoke revoke = { context, NULL, NULL, { 0, } };

  g_return_val_if_fail (FZ_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (serial != NULL, FALSE);

  stripped = g_strstrip (g_strdup (reason ? reason : ""));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID,
                           _("A certificate is revoked only with a reason"));
      return FALSE;
    }
  clean = normalize_serial (serial);
  revoke.serial = clean;
  revoke.reason = stripped;
  g_date_clear (&revoke.date, 1);
  if (date && g_date_valid (date))
    revoke.date = *date;
  else
    today (&revoke.date);

  return fz_database_transaction (fz_context_get_database (context), revoke_in_transaction,
                                  &revoke, error);
}
