/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fuzhu.h"

G_BEGIN_DECLS

/* The rules of public-welfare posts (plan clause 二(五), and 二(七) for
 * graduates), pure C: no GTK, no database. What changes with time (the
 * income rule's periods, which disabilities the supported-employment
 * exemption covers, how long a graduate counts as "of the year") comes in
 * an FzpWelfarePostsRules filled from the plugin's dated rule table. */

#define FZP_WELFARE_POSTS_ERROR (fzp_welfare_posts_error_quark ())

typedef enum {
  FZP_WELFARE_POSTS_ERROR_INVALID,      /* a value cannot be used; the message names the field */
  FZP_WELFARE_POSTS_ERROR_CONDITION,    /* a condition of recognition does not hold */
  FZP_WELFARE_POSTS_ERROR_FULL,         /* the post has no free place then */
  FZP_WELFARE_POSTS_ERROR_PLACED,       /* the person holds a public-welfare post then already */
  FZP_WELFARE_POSTS_ERROR_NOT_ELIGIBLE, /* no current recognition, and not a graduate of the year */
  FZP_WELFARE_POSTS_ERROR_NOT_FOUND,    /* no such person, post, recognition or placement */
} FzpWelfarePostsError;

GQuark fzp_welfare_posts_error_quark (void);

/* Kinds of post the plan names, and the rest. */
typedef enum {
  FZP_WELFARE_POSTS_KIND_CARE         = 1, /* 托养(庇护)照料机构管理服务 */
  FZP_WELFARE_POSTS_KIND_LIAISON      = 2, /* 残疾人专职委员 */
  FZP_WELFARE_POSTS_KIND_HOME_STATION = 3, /* 残疾人之家就业驿站 */
  FZP_WELFARE_POSTS_KIND_OTHER        = 4, /* 其他助残公益性岗位 */
} FzpWelfarePostsKind;

#define FZP_WELFARE_POSTS_KIND_LAST FZP_WELFARE_POSTS_KIND_OTHER

/* The value stored ("care", "liaison", "home-station", "other"); NULL out of range. */
const char          *fzp_welfare_posts_kind_to_nick    (FzpWelfarePostsKind kind);
/* 0 for an unknown nick. */
FzpWelfarePostsKind  fzp_welfare_posts_kind_from_nick  (const char         *nick);
/* Translated, for the window. */
const char          *fzp_welfare_posts_kind_to_string  (FzpWelfarePostsKind kind);
/* In Chinese, for documents and exports. */
const char          *fzp_welfare_posts_kind_to_print   (FzpWelfarePostsKind kind);
/* Reads the Chinese names (with or without 岗位, short forms such as 专职委员
 * or 就业驿站), the English names or the nicks. */
gboolean             fzp_welfare_posts_kind_parse      (const char         *text,
                                                        FzpWelfarePostsKind *kind,
                                                        GError            **error);

/* Values as staff type them. Each names @field in its error. */
/* A whole number of yuan and fen: 2300, 2,300.50, 2300元, ￥2300. */
gboolean fzp_welfare_posts_parse_money  (const char  *text,
                                         const char  *field,
                                         double      *value,
                                         GError     **error);
/* A count from 1 to 10000. */
gboolean fzp_welfare_posts_parse_places (const char  *text,
                                         const char  *field,
                                         guint       *value,
                                         GError     **error);
/* A month: 2025-03, 2025/3, 202503, 2025年3月. */
gboolean fzp_welfare_posts_parse_month  (const char  *text,
                                         const char  *field,
                                         guint       *year,
                                         guint       *month,
                                         GError     **error);
/* Writes YYYY-MM-DD; "" for an invalid date. */
void     fzp_welfare_posts_format_date  (const GDate *date,
                                         char         out[11]);

/* A period of days, both ends included; an invalid @end (g_date_clear)
 * means it has not ended. */
typedef struct {
  GDate start;
  GDate end;
} FzpWelfarePostsPeriod;

/* Whether the two periods share at least one day. */
gboolean fzp_welfare_posts_periods_overlap (const FzpWelfarePostsPeriod *a,
                                            const FzpWelfarePostsPeriod *b);
/* The most of @periods that hold on any one day of @within: a post with
 * that many persons on some day of @within and N places has N minus that
 * free. */
guint    fzp_welfare_posts_max_overlap     (const FzpWelfarePostsPeriod *periods,
                                            guint                        n_periods,
                                            const FzpWelfarePostsPeriod *within);
/* Checks a placement's period: it ends on or after it starts, and lies in
 * the post's life (created on or before the start; when the post is
 * closed, the placement ends by the closing day). */
gboolean fzp_welfare_posts_check_period    (const FzpWelfarePostsPeriod *placement,
                                            const FzpWelfarePostsPeriod *post,
                                            GError                     **error);

/* Hard-to-employ recognition (就业困难人员认定): the conditions, in the
 * order they are checked and shown. */
typedef enum {
  FZP_WELFARE_POSTS_CONDITION_CERTIFICATE,   /* holds a disability certificate */
  FZP_WELFARE_POSTS_CONDITION_WORKING_AGE,   /* of working age on the day */
  FZP_WELFARE_POSTS_CONDITION_UNEMPLOYED,    /* the registry says unemployed */
  FZP_WELFARE_POSTS_CONDITION_ABLE,          /* able to work (staff record it) */
  FZP_WELFARE_POSTS_CONDITION_WILLING,       /* willing to work (staff record it) */
  FZP_WELFARE_POSTS_CONDITION_NOT_SUPPORTED, /* not supported as 特困人员 (staff record it) */
  FZP_WELFARE_POSTS_N_CONDITIONS
} FzpWelfarePostsCondition;

/* What is known of a person on the day of recognition. */
typedef struct {
  gboolean           has_certificate;
  gboolean           working_age;      /* from fz_rules_is_working_age() */
  guint              age;
  guint              min_age;          /* the working age band in force */
  guint              max_age;
  FzEmploymentStatus employment;
  gboolean           able_to_work;
  gboolean           willing_to_work;
  gboolean           not_supported;    /* not supported as 特困人员 */
} FzpWelfarePostsFacts;

/* The condition's name, translated ("Working age"). */
const char *fzp_welfare_posts_condition_to_string (FzpWelfarePostsCondition condition);
/* Whether @condition holds for @facts; @explanation (may be NULL) gets a
 * sentence saying why it holds or fails, translated. */
gboolean    fzp_welfare_posts_condition_holds     (const FzpWelfarePostsFacts *facts,
                                                   FzpWelfarePostsCondition    condition,
                                                   char                      **explanation);
/* Whether every condition holds; else fails with CONDITION, the message
 * naming each condition that fails and why, one per line. */
gboolean    fzp_welfare_posts_check_facts         (const FzpWelfarePostsFacts *facts,
                                                   GError                    **error);

/* The rules that are data, as in force on one day. */
#define FZP_WELFARE_POSTS_MAX_SHARES 24

typedef struct {
  guint  exempt_months;                 /* income left out entirely: 36 */
  guint  taper_months;                  /* then the tapering period: 12 */
  double taper_shares[FZP_WELFARE_POSTS_MAX_SHARES]; /* the share counted in each equal part of it */
  guint  n_taper_shares;
  guint  supported_max_grade[FZ_CATEGORY_LAST + 1];  /* by category: the least severe grade covered, 0 none */
  guint  graduate_years;                /* years after graduating still "of the year": 0 */
  guint  set;                           /* which keys were set (bit per key) */
} FzpWelfarePostsRules;

/* The keys of the rule table, NULL-terminated: "exempt-months",
 * "taper-months", "taper-shares", "supported-categories", "graduate-years". */
const char * const *fzp_welfare_posts_rule_keys      (void);
/* A short name for @key, translated; NULL for an unknown key. */
const char         *fzp_welfare_posts_rule_title     (const char                 *key);
/* What @key means, translated; NULL for an unknown key. */
const char         *fzp_welfare_posts_rule_describe  (const char                 *key);
void                fzp_welfare_posts_rules_init     (FzpWelfarePostsRules       *rules);
/* Reads @value for @key into @rules: a whole number of months or years;
 * shares as "0.5" or "0.25,0.5,0.75" (each 0 to 1); supported categories as
 * CATEGORY:GRADE pairs, "4:2,5:4,6:4" (physical grades 1–2, every grade of
 * intellectual and mental). Fails with INVALID naming the key. */
gboolean            fzp_welfare_posts_rules_set      (FzpWelfarePostsRules       *rules,
                                                      const char                 *key,
                                                      const char                 *value,
                                                      GError                    **error);
/* Checks that every key is set and that they agree (the shares divide the
 * tapering period into whole months). */
gboolean            fzp_welfare_posts_rules_check    (const FzpWelfarePostsRules *rules,
                                                      GError                    **error);
/* @key's value as rules_set() reads it. */
char               *fzp_welfare_posts_rules_format   (const FzpWelfarePostsRules *rules,
                                                      const char                 *key);

/* Whether the supported-employment exemption covers a person of @category
 * and @grade (1 the most severe). */
gboolean fzp_welfare_posts_supported_covers (const FzpWelfarePostsRules *rules,
                                             guint                       category,
                                             guint                       grade);

/* Whether a graduate of @graduation_year placed from @start counts as a
 * graduate of the year (plan clause 二(七)); else fails with NOT_ELIGIBLE. */
gboolean fzp_welfare_posts_check_graduate   (const FzpWelfarePostsRules *rules,
                                             guint                       graduation_year,
                                             const GDate                *start,
                                             GError                    **error);

/* The low-income (低保) household income rule for a disabled member's job
 * income. Periods are counted as the Civil Code counts them (arts.
 * 201–202): from employment on 2022-03-15 the 3 years end on 2025-03-15
 * and the tapering year on 2026-03-15; without a corresponding day, on
 * the month's last day. */
typedef enum {
  FZP_WELFARE_POSTS_PHASE_BEFORE,  /* not employed yet */
  FZP_WELFARE_POSTS_PHASE_EXEMPT,  /* left out entirely */
  FZP_WELFARE_POSTS_PHASE_TAPER,   /* a share counted */
  FZP_WELFARE_POSTS_PHASE_COUNTED, /* counted entirely */
} FzpWelfarePostsPhase;

/* The phase of @day for a person employed from @since, and in @share
 * (may be NULL) the share of income counted that day. Without
 * @taper_granted the tapering period counts entirely. */
FzpWelfarePostsPhase fzp_welfare_posts_income_phase (const FzpWelfarePostsRules *rules,
                                                     const GDate                *since,
                                                     const GDate                *day,
                                                     gboolean                    taper_granted,
                                                     double                     *share);
/* The last day of the exempt period and of the tapering period. */
void                 fzp_welfare_posts_income_ends  (const FzpWelfarePostsRules *rules,
                                                     const GDate                *since,
                                                     GDate                      *exempt_end,
                                                     GDate                      *taper_end);

typedef struct {
  /* given */
  GDate    since;           /* first employment or re-employment */
  guint    year;
  guint    month;
  double   income;          /* the month's job income, yuan */
  gboolean supported;       /* supported employment of a person the exemption covers */
  double   minimum_wage;    /* the month's minimum wage where the person lives */
  gboolean taper_granted;
  /* found */
  GDate    exempt_end;
  GDate    taper_end;
  double   wage_left_out;   /* the part up to the minimum wage, when supported */
  guint    days;            /* days of the month in employment */
  guint    days_exempt;
  guint    days_taper;
  guint    days_counted;
  double   share;           /* share of the rest counted, over those days */
  double   counted;         /* what counts as household income, to the fen */
  double   left_out;
} FzpWelfarePostsIncome;

/* Works out @income (its given fields filled) for its month. Fails with
 * INVALID when the income is negative or employment began after the month. */
gboolean fzp_welfare_posts_compute_income (const FzpWelfarePostsRules *rules,
                                           FzpWelfarePostsIncome      *income,
                                           GError                    **error);
/* Why, in lines for people (translated): the periods, the days of the
 * month in each, the minimum-wage part, the sum. */
char    *fzp_welfare_posts_explain_income (const FzpWelfarePostsIncome *income);

G_END_DECLS
