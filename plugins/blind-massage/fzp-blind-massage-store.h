/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fuzhu.h"
#include "fzp-blind-massage-rules.h"

G_BEGIN_DECLS

/* The measure's data: every change is one transaction, every value bound.
 * Used by the page, the commands, the documents and the tests alike.
 * Errors are FZP_BLIND_MASSAGE_ERROR, FZ_VALIDATE_ERROR or FZ_DATABASE_ERROR,
 * their messages naming the field first ("Identity number: ..."). */

#define FZP_BLIND_MASSAGE_OWNER "blind-massage"

extern const FzMigration fzp_blind_massage_migrations[];
extern const guint fzp_blind_massage_n_migrations;

/* A practitioner: a person of the registry in one trade. */
typedef struct {
  gint64               id;
  gint64               person_id;
  FzpBlindMassageKind  kind;
  char                *name;
  char                *id_number;
  char                *cert_number;      /* the disability certificate, or NULL */
  guint                category;         /* of the disability certificate */
  char                *phone;
  char                *county_code;
  char                *county_name;
  char                *qualification_number; /* or NULL: not qualified yet */
  GDate                qualified_on;     /* invalid when not qualified */
  GDate                registered_on;    /* entered with the federation: reviews are owed from then */
  GDate                left_on;          /* invalid while practising */
  char                *left_reason;
  char                *notes;
} FzpBlindMassagePractitioner;

void fzp_blind_massage_practitioner_free (FzpBlindMassagePractitioner *practitioner);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzpBlindMassagePractitioner, fzp_blind_massage_practitioner_free)

/* The person of the registry with identity (or disability certificate)
 * number @number. NOT_FOUND when nobody has it. @warning (may be NULL)
 * receives a sentence when the certificate is not a visual one: a warning,
 * not a refusal. */
FzPerson *fzp_blind_massage_resolve_person      (FzContext    *context,
                                                 const char   *number,
                                                 char        **warning,
                                                 GError      **error);
/* The practitioner @number (identity or certificate number) in @kind
 * (NONE: the only one that person has; INVALID when they are in both
 * trades). NOT_FOUND when there is none. */
FzpBlindMassagePractitioner *fzp_blind_massage_find_practitioner (FzContext           *context,
                                                                  const char          *number,
                                                                  FzpBlindMassageKind  kind,
                                                                  GError             **error);
FzpBlindMassagePractitioner *fzp_blind_massage_get_practitioner  (FzContext           *context,
                                                                  gint64               id,
                                                                  GError             **error);

typedef struct {
  const char          *number;               /* identity or certificate number */
  FzpBlindMassageKind  kind;
  const char          *county;               /* code or name; NULL: the person's county */
  const char          *qualification_number; /* NULL: not qualified yet */
  const GDate         *qualified_on;         /* needed with a qualification number */
  const GDate         *registered_on;        /* NULL: today */
  const char          *notes;
} FzpBlindMassageNewPractitioner;

/* Adds a practitioner; one transaction. Returns the id, or 0 with @error.
 * @warning as fzp_blind_massage_resolve_person(). */
gint64   fzp_blind_massage_add_practitioner    (FzContext                            *context,
                                                const FzpBlindMassageNewPractitioner *practitioner,
                                                char                                **warning,
                                                GError                              **error);
/* Sets (or corrects) the qualification certificate's number and date. */
gboolean fzp_blind_massage_set_qualification   (FzContext    *context,
                                                gint64        practitioner_id,
                                                const char   *number,
                                                const GDate  *issued_on,
                                                GError      **error);
/* Records that a practitioner stopped (moved away, retired, died) on @on:
 * no review due on or after it is owed. A filing still in force ends the
 * day before. */
gboolean fzp_blind_massage_set_left            (FzContext    *context,
                                                gint64        practitioner_id,
                                                const GDate  *on,
                                                const char   *reason,
                                                GError      **error);

/* Exams */

gint64   fzp_blind_massage_add_exam_session    (FzContext           *context,
                                                FzpBlindMassageKind  kind,
                                                const char          *name,
                                                const GDate         *held_on,
                                                GError             **error);
/* Records (or corrects) a result; @paper is "braille", "large-print",
 * "ordinary" or NULL. */
gboolean fzp_blind_massage_record_exam_result  (FzContext               *context,
                                                gint64                   session_id,
                                                gint64                   practitioner_id,
                                                FzpBlindMassageExamMark  written,
                                                FzpBlindMassageExamMark  practical,
                                                const char              *paper,
                                                GError                 **error);

/* Practice filings (执业备案) */

typedef struct {
  const char  *workplace;  /* required unless @clinic_id is given */
  gint64       clinic_id;  /* 0 when not at a clinic of this measure */
  const char  *county;     /* filed with this county; NULL: the practitioner's */
  const char  *number;     /* the filing's number, or NULL */
  const GDate *from;
  const GDate *to;         /* NULL: open-ended */
} FzpBlindMassageNewFiling;

/* Files a practitioner to practise at a workplace. A filing still in force
 * that the new one would overlap is refused (FILING), unless
 * @change_workplace: then that one ends the day before the new one starts,
 * in the same transaction. Returns the new filing's id, or 0. */
gint64   fzp_blind_massage_add_filing          (FzContext                       *context,
                                                gint64                           practitioner_id,
                                                const FzpBlindMassageNewFiling  *filing,
                                                gboolean                         change_workplace,
                                                GError                         **error);
/* Ends the practitioner's filing in force on @on (NULL: today), @on being
 * its last day. */
gboolean fzp_blind_massage_end_filing          (FzContext    *context,
                                                gint64        practitioner_id,
                                                const GDate  *on,
                                                const char   *reason,
                                                GError      **error);
/* Whether a filing of the practitioner is in force on @on. */
gboolean fzp_blind_massage_filing_in_force     (FzDatabase   *db,
                                                gint64        practitioner_id,
                                                const GDate  *on,
                                                gboolean     *in_force,
                                                GError      **error);

/* Titles */

/* Awards @title (a level's name or number) on @on; refuses skipped steps
 * and, where the level asks for it, a missing passed review. Medical
 * practitioners only. */
gboolean fzp_blind_massage_award_title         (FzContext    *context,
                                                gint64        practitioner_id,
                                                const char   *title,
                                                const GDate  *on,
                                                const char   *document,
                                                GError      **error);
/* Sets a title level's name and whether it needs a passed review. */
gboolean fzp_blind_massage_set_title_level     (FzContext    *context,
                                                guint         level,
                                                const char   *name,
                                                gboolean      needs_passed_review,
                                                GError      **error);

/* Continuing education */

gint64   fzp_blind_massage_add_course          (FzContext           *context,
                                                const char          *name,
                                                const char          *organizer,
                                                const GDate         *from,
                                                const GDate         *to,
                                                double               hours,
                                                FzpBlindMassageKind  kind,
                                                GError             **error);
/* Records that practitioner @practitioner_id attended @course_id, for @hours
 * (<= 0: the course's hours). Again replaces the hours. */
gboolean fzp_blind_massage_add_attendance      (FzContext    *context,
                                                gint64        course_id,
                                                gint64        practitioner_id,
                                                double        hours,
                                                GError      **error);
gboolean fzp_blind_massage_remove_attendance   (FzContext    *context,
                                                gint64        course_id,
                                                gint64        practitioner_id,
                                                GError      **error);
/* The class hours of the courses the practitioner finished in @year. */
gboolean fzp_blind_massage_get_credits         (FzDatabase   *db,
                                                gint64        practitioner_id,
                                                int           year,
                                                double       *hours,
                                                GError      **error);

/* Review rules (data with effective dates) */

/* The rule for @kind in force on 1 January of @year; *@found FALSE (and
 * @rule zeroed, no review) when none is. @requirements (may be NULL)
 * receives what a practitioner must bring, or NULL. */
gboolean fzp_blind_massage_get_review_rule     (FzDatabase                 *db,
                                                FzpBlindMassageKind         kind,
                                                int                         year,
                                                FzpBlindMassageReviewRule  *rule,
                                                char                      **requirements,
                                                gboolean                   *found,
                                                GError                    **error);
/* Adds the rule for @kind from @rule->effective_from, or replaces the one
 * from that date. */
gboolean fzp_blind_massage_set_review_rule     (FzContext                       *context,
                                                FzpBlindMassageKind              kind,
                                                const FzpBlindMassageReviewRule *rule,
                                                const char                      *requirements,
                                                GError                         **error);
gboolean fzp_blind_massage_delete_review_rule  (FzContext                       *context,
                                                FzpBlindMassageKind              kind,
                                                const GDate                     *from,
                                                GError                         **error);

/* Reviews */

/* Records (or corrects) the review of @year: refused when no review of
 * that year is owed, and, to pass, while the year's continuing education is
 * short (CREDITS_SHORT, by how many hours) or without a filing the rule
 * asks for. A corrected result revokes the review record printed before. */
gboolean fzp_blind_massage_record_review       (FzContext              *context,
                                                gint64                  practitioner_id,
                                                int                     year,
                                                FzpBlindMassageResult   result,
                                                const GDate            *done_on,
                                                const char             *notes,
                                                GError                **error);

/* The certificate register's subject key of a review's printed record. */
char    *fzp_blind_massage_review_key          (gint64                  practitioner_id,
                                                int                     year);

/* One review owed, as a list shows it. */
typedef struct {
  gint64                      practitioner_id;
  FzpBlindMassageKind         kind;
  char                       *name;
  char                       *id_number;
  char                       *phone;
  char                       *county_code;
  char                       *county_name;
  char                       *qualification_number;
  char                       *workplace;   /* where the filing in force is, or NULL */
  int                         year;
  GDate                       due;
  FzpBlindMassageReviewState  state;
  FzpBlindMassageResult       result;
  GDate                       done_on;     /* invalid until reviewed */
  char                       *notes;
  double                      earned;      /* class hours in the year */
  double                      required;
  double                      short_by;
  gboolean                    require_filing;
  gboolean                    filing_in_force; /* on the day of review, or on @on */
} FzpBlindMassageReviewItem;

void fzp_blind_massage_review_item_free (FzpBlindMassageReviewItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzpBlindMassageReviewItem, fzp_blind_massage_review_item_free)

typedef enum {
  FZP_BLIND_MASSAGE_LIST_DUE     = 1 << 0,
  FZP_BLIND_MASSAGE_LIST_OVERDUE = 1 << 1,
  FZP_BLIND_MASSAGE_LIST_DONE    = 1 << 2,
} FzpBlindMassageListFlags;

typedef struct {
  const GDate              *on;              /* the date states are told on; NULL: today */
  int                       year;            /* one review year, or 0: every year up to @on's */
  const char               *county_code;     /* NULL: the whole city */
  gint64                    practitioner_id; /* 0: everyone */
  FzpBlindMassageKind       kind;            /* NONE: both trades */
  FzpBlindMassageListFlags  flags;           /* 0: due and overdue */
} FzpBlindMassageReviewQuery;

/* The reviews owed, by county, name and year: a review of year Y is owed by
 * a qualified practitioner when the rule in force makes Y a review year,
 * its due date is not before they were registered and they had not left by
 * then. Returns an array of FzpBlindMassageReviewItem. */
GPtrArray *fzp_blind_massage_list_reviews      (FzContext                        *context,
                                                const FzpBlindMassageReviewQuery *query,
                                                GError                          **error);

/* Clinics and hospital posts */

typedef struct {
  const char  *name;
  const char  *licensee;           /* the person the licence is in the name of */
  const char  *licensee_number;    /* their identity number when a practitioner, or NULL */
  const char  *address;
  const char  *county;
  const char  *license_number;     /* 医疗机构执业许可证 or filing number, or NULL */
  const GDate *opened_on;          /* or NULL */
  const GDate *insurance_from;     /* designated for medical insurance from, or NULL */
} FzpBlindMassageNewClinic;

/* Adds a clinic; it is an organization of the registry too (found by its
 * name in the county, or added). Returns its id, or 0. */
gint64   fzp_blind_massage_add_clinic          (FzContext                      *context,
                                                const FzpBlindMassageNewClinic *clinic,
                                                GError                        **error);
/* Designates the clinic for medical insurance from @from (NULL @from and
 * a @until date end the designation). */
gboolean fzp_blind_massage_set_clinic_insurance (FzContext    *context,
                                                 gint64        clinic_id,
                                                 const GDate  *from,
                                                 const GDate  *until,
                                                 GError      **error);
/* A clinic by id, or by its name when @text is not a number; 0 and NOT_FOUND. */
gint64   fzp_blind_massage_find_clinic         (FzContext    *context,
                                                const char   *text,
                                                GError      **error);

/* Adds a blind massage post at a hospital (an organization of the
 * registry, found by name or added as a public institution) from @from;
 * @practitioner_id (0: vacant) fills it. Returns its id, or 0. */
gint64   fzp_blind_massage_add_post            (FzContext    *context,
                                                const char   *hospital,
                                                const char   *department,
                                                const char   *county,
                                                const GDate  *from,
                                                gint64        practitioner_id,
                                                GError      **error);
gboolean fzp_blind_massage_end_post            (FzContext    *context,
                                                gint64        post_id,
                                                const GDate  *on,
                                                GError      **error);

/* The value of @text as a county code, or NULL with an error naming the field. */
char    *fzp_blind_massage_lookup_county       (FzDatabase   *db,
                                                const char   *text,
                                                GError      **error);
/* Parses a date with fz_parse_date(), or clears @date for NULL or "" when
 * @optional. */
gboolean fzp_blind_massage_parse_date          (const char   *text,
                                                const char   *field,
                                                gboolean      optional,
                                                GDate        *date,
                                                GError      **error);

G_END_DECLS
