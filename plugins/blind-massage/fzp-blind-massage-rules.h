/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The rules of blind massage, pure C: no GTK, no database. The values they
 * work on (the review rule in force, a practitioner's credits...) are read
 * by fzp-blind-massage-store.c; what changes with time is data there. */

#define FZP_BLIND_MASSAGE_ERROR (fzp_blind_massage_error_quark ())

typedef enum {
  FZP_BLIND_MASSAGE_ERROR_INVALID,       /* a value that cannot be used */
  FZP_BLIND_MASSAGE_ERROR_NOT_FOUND,     /* no such practitioner, course, clinic... */
  FZP_BLIND_MASSAGE_ERROR_CREDITS_SHORT, /* a review cannot pass: continuing education is short */
  FZP_BLIND_MASSAGE_ERROR_NO_FILING,     /* a review cannot pass: no practice filing in force */
  FZP_BLIND_MASSAGE_ERROR_FILING,        /* filings would overlap, or one is ended already */
  FZP_BLIND_MASSAGE_ERROR_TITLE,         /* a title out of order */
  FZP_BLIND_MASSAGE_ERROR_REJECTED,      /* an import had wrong rows: nothing was written */
} FzpBlindMassageError;

GQuark fzp_blind_massage_error_quark (void);

/* Medical (医疗) and health (保健) massage are different trades, kept apart. */
typedef enum {
  FZP_BLIND_MASSAGE_KIND_NONE    = 0, /* in filters: either */
  FZP_BLIND_MASSAGE_KIND_MEDICAL = 1,
  FZP_BLIND_MASSAGE_KIND_HEALTH  = 2,
} FzpBlindMassageKind;

/* "medical" / "health", as stored; NULL for NONE. */
const char *fzp_blind_massage_kind_to_nick   (FzpBlindMassageKind kind);
FzpBlindMassageKind fzp_blind_massage_kind_from_nick (const char *nick);
/* In the user's language, within a sentence ("medical massage"). */
const char *fzp_blind_massage_kind_to_string (FzpBlindMassageKind kind);
/* As printed: 医疗按摩 / 保健按摩. */
const char *fzp_blind_massage_kind_to_print  (FzpBlindMassageKind kind);
/* Reads 医疗, 医疗按摩, 盲人医疗按摩, medical (and the same for 保健/health). */
gboolean    fzp_blind_massage_kind_parse     (const char          *text,
                                              FzpBlindMassageKind *kind,
                                              GError             **error);

/* The outcome of a yearly review. */
typedef enum {
  FZP_BLIND_MASSAGE_RESULT_NONE     = 0,
  FZP_BLIND_MASSAGE_RESULT_PASSED   = 1, /* 合格 */
  FZP_BLIND_MASSAGE_RESULT_FAILED   = 2, /* 不合格 */
  FZP_BLIND_MASSAGE_RESULT_DEFERRED = 3, /* 暂缓: not done yet */
} FzpBlindMassageResult;

const char *fzp_blind_massage_result_to_nick   (FzpBlindMassageResult result);
FzpBlindMassageResult fzp_blind_massage_result_from_nick (const char *nick);
const char *fzp_blind_massage_result_to_string (FzpBlindMassageResult result);
const char *fzp_blind_massage_result_to_print  (FzpBlindMassageResult result);
/* Reads 合格/不合格/暂缓 or passed/failed/deferred. */
gboolean    fzp_blind_massage_result_parse     (const char            *text,
                                                FzpBlindMassageResult *result,
                                                GError               **error);
/* Whether a review with @result counts as done (passed or failed). */
gboolean    fzp_blind_massage_result_is_done   (FzpBlindMassageResult result);

/* One part (written or practical) of the national exam. */
typedef enum {
  FZP_BLIND_MASSAGE_EXAM_PASS   = 1, /* 合格 */
  FZP_BLIND_MASSAGE_EXAM_FAIL   = 2, /* 不合格 */
  FZP_BLIND_MASSAGE_EXAM_ABSENT = 3, /* 缺考 */
} FzpBlindMassageExamMark;

const char *fzp_blind_massage_exam_mark_to_nick  (FzpBlindMassageExamMark mark);
FzpBlindMassageExamMark fzp_blind_massage_exam_mark_from_nick (const char *nick);
const char *fzp_blind_massage_exam_mark_to_print (FzpBlindMassageExamMark mark);
gboolean    fzp_blind_massage_exam_mark_parse    (const char              *text,
                                                  const char              *field,
                                                  FzpBlindMassageExamMark *mark,
                                                  GError                 **error);

/* The yearly certificate review (证书年审) as an administrator set it, from
 * a date on. Which rule applies to a review year is the one in force on
 * 1 January of that year. */
typedef struct {
  GDate    effective_from;
  guint    cycle_years;      /* 0: no review; 1: every year; 2: every other year... */
  guint    due_month;        /* 1–12 */
  guint    due_day;          /* 1–31; past the month's end means its last day */
  guint    due_year_offset;  /* 0: due in the review year; 1: in the year after */
  double   credit_hours;     /* continuing education needed in the review year */
  gboolean require_filing;   /* a practice filing in force on the day of the review */
} FzpBlindMassageReviewRule;

#define FZP_BLIND_MASSAGE_CYCLE_MAX 10

/* Checks a rule's values; names the field that is wrong. */
gboolean fzp_blind_massage_review_rule_check  (const FzpBlindMassageReviewRule *rule,
                                               GError                         **error);
/* Whether a practitioner qualified in @qualified_year is reviewed for
 * @year: the cycle is counted from the year after qualification. */
gboolean fzp_blind_massage_review_is_due_year (const FzpBlindMassageReviewRule *rule,
                                               int                              qualified_year,
                                               int                              year);
/* The date the review of @year is due under @rule. */
void     fzp_blind_massage_review_due_date    (const FzpBlindMassageReviewRule *rule,
                                               int                              year,
                                               GDate                           *due);

typedef enum {
  FZP_BLIND_MASSAGE_REVIEW_NOT_DUE = 0, /* no review that year */
  FZP_BLIND_MASSAGE_REVIEW_DUE,         /* to be done, the due date not passed */
  FZP_BLIND_MASSAGE_REVIEW_OVERDUE,     /* the due date passed and not done */
  FZP_BLIND_MASSAGE_REVIEW_DONE,        /* passed or failed */
} FzpBlindMassageReviewState;

/* The state on @on of the review of @year: due until and on its due date,
 * overdue from the day after, done once it has a result that counts. */
FzpBlindMassageReviewState fzp_blind_massage_review_state (const FzpBlindMassageReviewRule *rule,
                                                           int                              qualified_year,
                                                           int                              year,
                                                           FzpBlindMassageResult            result,
                                                           const GDate                     *on);
const char *fzp_blind_massage_review_state_to_string (FzpBlindMassageReviewState state);
const char *fzp_blind_massage_review_state_to_print  (FzpBlindMassageReviewState state);

/* How many class hours of continuing education are missing: 0 when
 * @earned reaches @required (to a hundredth of an hour). */
double   fzp_blind_massage_credit_shortfall   (double                           required,
                                               double                           earned);
/* Whether a review of @year may be recorded with @result on @done_on
 * (@today: NULL for the real today): not in the future, not before the
 * review year; and when it is to pass, the year's continuing education is
 * complete (CREDITS_SHORT, saying by how many hours) and, where the rule
 * asks for it, a filing is in force (NO_FILING). */
gboolean fzp_blind_massage_check_review       (const FzpBlindMassageReviewRule *rule,
                                               int                              year,
                                               FzpBlindMassageResult            result,
                                               const GDate                     *done_on,
                                               double                           earned_hours,
                                               gboolean                         filing_in_force,
                                               const GDate                     *today,
                                               GError                         **error);

/* A practice filing (执业备案) on a date. */
typedef enum {
  FZP_BLIND_MASSAGE_FILING_PENDING = 0, /* starts later */
  FZP_BLIND_MASSAGE_FILING_ACTIVE,      /* in force */
  FZP_BLIND_MASSAGE_FILING_EXPIRED,     /* its term ran out */
  FZP_BLIND_MASSAGE_FILING_ENDED,       /* ended, e.g. by a change of workplace */
} FzpBlindMassageFilingState;

/* @to and @ended may be NULL or invalid for "open" and "not ended". A
 * filing is in force from @from through @to, or through @ended when it was
 * ended earlier (@ended is its last day; the day before @from when it never
 * came into force). */
FzpBlindMassageFilingState fzp_blind_massage_filing_state (const GDate *from,
                                                           const GDate *to,
                                                           const GDate *ended,
                                                           const GDate *on);
const char *fzp_blind_massage_filing_state_to_string (FzpBlindMassageFilingState state);
const char *fzp_blind_massage_filing_state_to_print  (FzpBlindMassageFilingState state);
/* The last day a filing is in force, or an invalid date when open-ended. */
void     fzp_blind_massage_filing_last_day    (const GDate                     *to,
                                               const GDate                     *ended,
                                               GDate                           *last);
/* Checks a new filing's term: @to (may be NULL) not before @from. */
gboolean fzp_blind_massage_check_filing_term  (const GDate                     *from,
                                               const GDate                     *to,
                                               GError                         **error);
/* Whether a filing starting @from (to @to, NULL: open) would overlap one
 * in force from @other_from to @other_last (invalid: open). */
gboolean fzp_blind_massage_filings_overlap    (const GDate                     *from,
                                               const GDate                     *to,
                                               const GDate                     *other_from,
                                               const GDate                     *other_last);

/* Professional titles: a first title may be any level (a practitioner comes
 * with the title they hold); after that, each step is the next level up,
 * and where the level asks for it (@needs_passed_review) the review of the
 * year before the award must have passed. @name is the new level's name. */
gboolean fzp_blind_massage_check_title_step   (guint                            current_level,
                                               guint                            new_level,
                                               const char                      *name,
                                               gboolean                         needs_passed_review,
                                               gboolean                         review_passed,
                                               int                              award_year,
                                               GError                         **error);

/* Class hours: a number above 0 and at most 1000, with at most two
 * decimals. @field names the field in messages. */
gboolean fzp_blind_massage_parse_hours        (const char                      *text,
                                               const char                      *field,
                                               double                          *hours,
                                               GError                         **error);
/* Hours for people and documents: "20", "19.5", "0.25". */
char    *fzp_blind_massage_format_hours       (double                           hours);
/* Reads a due date within the year as MM-DD or M月D日 (12-31, 3月31日). */
gboolean fzp_blind_massage_parse_month_day    (const char                      *text,
                                               guint                           *month,
                                               guint                           *day,
                                               GError                         **error);
/* Reads a year between 1950 and 2200. */
gboolean fzp_blind_massage_parse_year         (const char                      *text,
                                               int                             *year,
                                               GError                         **error);
/* A date as stored, YYYY-MM-DD; "" for an invalid or NULL date. */
char    *fzp_blind_massage_date_to_iso        (const GDate                     *date);
/* Reads a stored YYYY-MM-DD; FALSE (and @date cleared) when NULL or wrong. */
gboolean fzp_blind_massage_date_from_iso      (const char                      *text,
                                               GDate                           *date);

G_END_DECLS
