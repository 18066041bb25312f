/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fuzhu.h"
#include "fzp-rural-bases-rules.h"

G_BEGIN_DECLS

/* The measure's data: bases, their recognitions, the persons they employ
 * and help, training sessions, yearly assessments and the rules kept as
 * data. Every change is one transaction; every value is checked first, so a
 * wrong value fails with FZ_VALIDATE_ERROR naming the field and nothing is
 * written. Lookups that find nothing fail with FZ_DATABASE_ERROR_NOT_FOUND. */

#define FZP_RURAL_BASES_ID "rural-bases"

extern const FzMigration fzp_rural_bases_migrations[];
extern const guint       fzp_rural_bases_n_migrations;

typedef enum {
  FZP_RURAL_BASES_OPERATOR_ORGANIZATION = 1, /* an organization of the registry */
  FZP_RURAL_BASES_OPERATOR_PERSON       = 2, /* a certified person of the registry (their own business) */
  FZP_RURAL_BASES_OPERATOR_NAMED        = 3, /* anyone else, by name */
} FzpRuralBasesOperator;

typedef struct {
  gint64                 id;               /* 0 until saved */
  char                  *name;
  char                  *county_code;
  char                  *township;
  char                  *village;
  FzpRuralBasesIndustry  industry;
  FzpRuralBasesOperator  operator_kind;
  gint64                 operator_id;      /* fz_organization or fz_person id; 0 for NAMED */
  char                  *operator_name;    /* NAMED: the name; read: whoever it is */
  char                  *phone;            /* or NULL */
  GDate                  founded_on;
  GDate                  closed_on;        /* invalid while it operates */
  gboolean               homestay;         /* a 民宿 */
  char                  *note;             /* or NULL */

  /* Filled when read. */
  char                  *county_name;
  char                  *operator_code;    /* credit code or identity number, or NULL */
  FzpRuralBasesLevel     level;            /* the highest level it holds today */
  guint                  employed;         /* employed today */
  guint                  helped;           /* helped today */
} FzpRuralBasesBase;

FzpRuralBasesBase *fzp_rural_bases_base_new     (void);
void               fzp_rural_bases_base_free    (FzpRuralBasesBase *base);

/* Checks and normalises @base in place as saving would, without saving: the
 * county by code or name, the operator exists, dates make sense. */
gboolean    fzp_rural_bases_check_base          (FzContext          *context,
                                                 FzpRuralBasesBase  *base,
                                                 GError            **error);
/* Saves a new base (id 0) or the changes to one; sets its id. A base's
 * name is unique within its county. */
gboolean    fzp_rural_bases_save_base           (FzContext          *context,
                                                 FzpRuralBasesBase  *base,
                                                 GError            **error);
FzpRuralBasesBase *fzp_rural_bases_find_base    (FzContext          *context,
                                                 gint64              id,
                                                 GError            **error);
/* Finds a base named by a user: its number, or its name (with the county's
 * name before it when two counties have one so named, as "龙游县/…"). */
FzpRuralBasesBase *fzp_rural_bases_lookup_base  (FzContext          *context,
                                                 const char         *text,
                                                 GError            **error);

typedef struct {
  const char         *text;        /* any part of the name, township or village; NULL for any */
  const char         *county_code; /* NULL for any */
  FzpRuralBasesLevel  level;       /* bases holding exactly this level today; NONE for any */
  gboolean            homestays;   /* only homestays */
  gboolean            open_only;   /* leave out closed bases */
} FzpRuralBasesFilter;

/* The bases @filter (NULL for all) matches, by county then name. */
GPtrArray  *fzp_rural_bases_list_bases          (FzContext                 *context,
                                                 const FzpRuralBasesFilter *filter,
                                                 GError                   **error);

/* Finds a person of the registry by identity number, certificate number or
 * a name only one person has. Fails naming the field when nobody or several
 * match. */
gboolean    fzp_rural_bases_resolve_person      (FzContext          *context,
                                                 const char         *text,
                                                 gint64             *person_id,
                                                 char              **name,
                                                 GError            **error);
/* Finds an organization of the registry by its number, its credit code or a
 * name only one organization has. */
gboolean    fzp_rural_bases_resolve_organization (FzContext         *context,
                                                  const char        *text,
                                                  gint64            *organization_id,
                                                  GError           **error);

/* Recognitions */

typedef struct {
  gint64              id;
  gint64              base_id;
  FzpRuralBasesLevel  level;
  GDate               recognized_on;
  GDate               withdrawn_on;     /* invalid while it stands */
  char               *document_number;  /* 认定文号, or NULL */
  char               *exception;        /* why it was recognised though a standard was unmet, or NULL */
  char               *withdrawn_reason; /* or NULL */
  char               *recorded_by;
} FzpRuralBasesRecognitionRecord;

void        fzp_rural_bases_recognition_record_free (FzpRuralBasesRecognitionRecord *record);
/* The certificate register's subject key of a recognition's certificate. */
char       *fzp_rural_bases_certificate_key     (gint64              base_id,
                                                 gint64              recognition_id);

/* The recognitions of @base_id, oldest first. */
GPtrArray  *fzp_rural_bases_list_recognitions   (FzContext          *context,
                                                 gint64              base_id,
                                                 GError            **error);
/* Where @base_id stands on @day, for the check against a standard. */
gboolean    fzp_rural_bases_get_standing        (FzContext             *context,
                                                 gint64                 base_id,
                                                 const GDate           *day,
                                                 FzpRuralBasesStanding *standing,
                                                 GError               **error);
/* What @base_id lacks on @day for @level under the standard then in force
 * (an array of messages, empty when it meets it). */
GPtrArray  *fzp_rural_bases_check_recognition   (FzContext          *context,
                                                 gint64              base_id,
                                                 FzpRuralBasesLevel  level,
                                                 const GDate        *day,
                                                 GError            **error);
/* Recognises @base_id at @level on @day. Refused, with every unmet
 * criterion in the message, when the base does not meet the standard in
 * force, unless @exception says why it is recognised anyway (kept in the
 * history). Refused when it holds that level already. Returns the id. */
gint64      fzp_rural_bases_recognize           (FzContext          *context,
                                                 gint64              base_id,
                                                 FzpRuralBasesLevel  level,
                                                 const GDate        *day,
                                                 const char         *document_number,
                                                 const char         *exception,
                                                 GError            **error);
/* Withdraws the standing recognition of @base_id at @level on @day for
 * @reason, and revokes its certificate when one was printed. */
gboolean    fzp_rural_bases_withdraw            (FzContext          *context,
                                                 gint64              base_id,
                                                 FzpRuralBasesLevel  level,
                                                 const GDate        *day,
                                                 const char         *reason,
                                                 GError            **error);

/* Persons employed and persons helped, kept apart */

typedef struct {
  gint64             id;
  gint64             base_id;
  gint64             person_id;
  char              *name;          /* the person's, from the registry */
  char              *id_number;
  char              *person_county; /* the person's county code, or NULL */
  GDate              started_on;
  GDate              ended_on;      /* invalid while it runs */
  double             monthly_income;/* employment only */
  FzpRuralBasesHelp  kind;          /* help only */
  char              *detail;        /* the job, or a note on the help; or NULL */
} FzpRuralBasesTie;

void        fzp_rural_bases_tie_free            (FzpRuralBasesTie   *tie);

/* Records that @base_id employs @person_id from @start (and until @end,
 * NULL while it runs) for @monthly_income yuan a month. Refused when the
 * person is employed there already in an overlapping period, or helped by
 * the base then. A person the registry does not show as employed is marked
 * employed from @start there, so that the plan's count of new employment
 * sees them. Returns the id. */
gint64      fzp_rural_bases_employ              (FzContext          *context,
                                                 gint64              base_id,
                                                 gint64              person_id,
                                                 const GDate        *start,
                                                 const GDate        *end,
                                                 double              monthly_income,
                                                 const char         *job,
                                                 GError            **error);
/* Records that @base_id helps @person_id in the way @kind from @start. Refused
 * when the same help overlaps, or when the base employs the person then. */
gint64      fzp_rural_bases_help                (FzContext          *context,
                                                 gint64              base_id,
                                                 gint64              person_id,
                                                 FzpRuralBasesHelp   kind,
                                                 const GDate        *start,
                                                 const GDate        *end,
                                                 const char         *note,
                                                 GError            **error);
/* Ends employment @id (@employment) or help @id on @day. */
gboolean    fzp_rural_bases_end_tie             (FzContext          *context,
                                                 gboolean            employment,
                                                 gint64              id,
                                                 const GDate        *day,
                                                 GError            **error);
/* Who @base_id employs (@employment) or helps, running on @day (NULL: every
 * period ever), by start date. */
GPtrArray  *fzp_rural_bases_list_ties           (FzContext          *context,
                                                 gboolean            employment,
                                                 gint64              base_id,
                                                 const GDate        *day,
                                                 GError            **error);

/* Training (农民实用技术培训) */

typedef struct {
  gint64  id;
  gint64  base_id;       /* 0 when the federation held it elsewhere */
  char   *base_name;     /* or NULL */
  char   *county_code;
  char   *county_name;
  GDate   held_on;
  char   *topic;
  double  hours;
  char   *place;         /* or NULL */
  char   *trainer;       /* or NULL */
  guint   n_attendees;
} FzpRuralBasesTraining;

void        fzp_rural_bases_training_free       (FzpRuralBasesTraining *training);
/* Saves a new session with its attendees (ids of fz_person); the county is
 * the base's when a base is given. Returns the id. */
gint64      fzp_rural_bases_add_training        (FzContext             *context,
                                                 FzpRuralBasesTraining *training,
                                                 const gint64          *person_ids,
                                                 guint                  n_persons,
                                                 GError               **error);
/* Adds (or with @remove, takes away) attendees of session @training_id.
 * Adding someone who attends already is refused. */
gboolean    fzp_rural_bases_set_attendance      (FzContext          *context,
                                                 gint64              training_id,
                                                 const gint64       *person_ids,
                                                 guint               n_persons,
                                                 gboolean            remove,
                                                 GError            **error);
/* Sessions of @base_id (0: of every base and none) in @county_code (NULL:
 * any), newest first. */
GPtrArray  *fzp_rural_bases_list_trainings      (FzContext          *context,
                                                 gint64              base_id,
                                                 const char         *county_code,
                                                 GError            **error);
/* The attendees of a session, as FzpRuralBasesTie with only person fields set. */
GPtrArray  *fzp_rural_bases_list_attendees      (FzContext          *context,
                                                 gint64              training_id,
                                                 GError            **error);

/* Yearly assessment */

typedef struct {
  guint   employed;           /* persons employed at some time in the year */
  guint   helped;             /* persons helped at some time in the year */
  guint   employed_months;    /* months worked, added up over those employed */
  double  income_paid;        /* yuan paid to them in the year */
  guint   training_sessions;  /* sessions the base held in the year */
  guint   training_attendees; /* persons who attended one */
} FzpRuralBasesYearFigures;

typedef struct {
  gint64                    base_id;
  char                     *base_name;
  char                     *county_code;
  char                     *county_name;
  int                       year;
  FzpRuralBasesYearFigures  figures;
  FzpRuralBasesLevel        level;       /* held at the end of the year */
  FzpRuralBasesResult       result;
  char                     *note;        /* or NULL */
  GDate                     assessed_on;
  char                     *assessed_by;
} FzpRuralBasesAssessment;

void        fzp_rural_bases_assessment_free     (FzpRuralBasesAssessment *assessment);
/* The figures of @base_id in @year as its records give them. */
gboolean    fzp_rural_bases_compute_year        (FzContext                *context,
                                                 gint64                    base_id,
                                                 int                       year,
                                                 FzpRuralBasesYearFigures *figures,
                                                 GError                  **error);
/* Records (or replaces) the assessment of @base_id for @year with
 * @figures (NULL: as computed from the records) and @result on @day. A
 * year that has not begun, or a base not operating in it, is refused. */
gboolean    fzp_rural_bases_assess              (FzContext                      *context,
                                                 gint64                          base_id,
                                                 int                             year,
                                                 const FzpRuralBasesYearFigures *figures,
                                                 FzpRuralBasesResult             result,
                                                 const char                     *note,
                                                 const GDate                    *day,
                                                 GError                        **error);
/* The assessments of @base_id (0: every base) for @year (0: every year),
 * by county, base and year. */
GPtrArray  *fzp_rural_bases_list_assessments    (FzContext          *context,
                                                 gint64              base_id,
                                                 int                 year,
                                                 const char         *county_code,
                                                 GError            **error);

/* The year's figures of every base operating in @year, as the dashboard
 * counts them: a base's assessment where it has one, its records where not.
 * An array of FzpRuralBasesAssessment (result NONE where not assessed). */
GPtrArray  *fzp_rural_bases_year_rows           (FzContext          *context,
                                                 int                 year,
                                                 const char         *county_code,
                                                 GError            **error);

/* Rules kept as data */

/* The standard for @level in force on @day; *@found FALSE when none is. */
gboolean    fzp_rural_bases_get_criterion       (FzContext              *context,
                                                 FzpRuralBasesLevel      level,
                                                 const GDate            *day,
                                                 FzpRuralBasesCriterion *criterion,
                                                 gboolean               *found,
                                                 GError                **error);
/* Adds the standard (or replaces the one of the same level and date). */
gboolean    fzp_rural_bases_set_criterion       (FzContext                    *context,
                                                 const FzpRuralBasesCriterion *criterion,
                                                 GError                      **error);
/* Every standard, by level then date: an array of FzpRuralBasesCriterion. */
GPtrArray  *fzp_rural_bases_list_criteria       (FzContext              *context,
                                                 GError                **error);

gboolean    fzp_rural_bases_get_homestay_rule   (FzContext                 *context,
                                                 const GDate               *day,
                                                 FzpRuralBasesHomestayRule *rule,
                                                 GError                   **error);
gboolean    fzp_rural_bases_set_homestay_rule   (FzContext                       *context,
                                                 const FzpRuralBasesHomestayRule *rule,
                                                 GError                         **error);
/* Every homestay rule, by date: an array of FzpRuralBasesHomestayRule. */
GPtrArray  *fzp_rural_bases_list_homestay_rules (FzContext                 *context,
                                                 GError                   **error);

/* Homestays with priority */

typedef struct {
  FzpRuralBasesBase     *base;
  guint                  employed;    /* as the rule counts them */
  guint                  cooperating;
  FzpRuralBasesPriority  priority;
} FzpRuralBasesHomestay;

void        fzp_rural_bases_homestay_free       (FzpRuralBasesHomestay *homestay);
/* Every homestay operating on @day in @county_code (NULL: the city), with
 * its priority under the rule in force; with @priority_only, only those
 * that have it. */
GPtrArray  *fzp_rural_bases_list_homestays      (FzContext          *context,
                                                 const GDate        *day,
                                                 const char         *county_code,
                                                 gboolean            priority_only,
                                                 GError            **error);

/* Indicators */

gboolean    fzp_rural_bases_compute_indicators  (FzContext          *context,
                                                 int                 year,
                                                 FzIndicatorValues  *values,
                                                 GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzpRuralBasesBase, fzp_rural_bases_base_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzpRuralBasesTraining, fzp_rural_bases_training_free)

G_END_DECLS
