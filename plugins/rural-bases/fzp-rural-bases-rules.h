/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The rules of rural bases, pure C: no GTK, no database. Values that change
 * with time (recognition standards, the homestay priority rule) come in as
 * structs the caller read from the plugin's tables; nothing here is a
 * constant of policy.
 *
 * Every failure is a FZ_VALIDATE_ERROR whose message names the field, as
 * "Township: the value is missing". */

/* What a base does (产业类型). 0 is never stored. */
typedef enum {
  FZP_RURAL_BASES_INDUSTRY_NONE       = 0,
  FZP_RURAL_BASES_INDUSTRY_PLANTING   = 1, /* 种植 */
  FZP_RURAL_BASES_INDUSTRY_BREEDING   = 2, /* 养殖 */
  FZP_RURAL_BASES_INDUSTRY_PROCESSING = 3, /* 加工 */
  FZP_RURAL_BASES_INDUSTRY_TOURISM    = 4, /* 乡村旅游/民宿 */
  FZP_RURAL_BASES_INDUSTRY_ECOMMERCE  = 5, /* 农村电商 */
  FZP_RURAL_BASES_INDUSTRY_LOGISTICS  = 6, /* 寄递物流 */
  FZP_RURAL_BASES_INDUSTRY_HANDICRAFT = 7, /* 手工艺 */
  FZP_RURAL_BASES_INDUSTRY_OTHER      = 8, /* 其他 */
} FzpRuralBasesIndustry;
#define FZP_RURAL_BASES_INDUSTRY_LAST FZP_RURAL_BASES_INDUSTRY_OTHER

/* Recognition levels, lowest first; the value is the rank. */
typedef enum {
  FZP_RURAL_BASES_LEVEL_NONE          = 0,
  FZP_RURAL_BASES_LEVEL_COUNTY        = 1, /* 县级 */
  FZP_RURAL_BASES_LEVEL_CITY          = 2, /* 市级 */
  FZP_RURAL_BASES_LEVEL_PROVINCE      = 3, /* 省级 */
  FZP_RURAL_BASES_LEVEL_HIGH_STANDARD = 4, /* 高标准 */
} FzpRuralBasesLevel;
#define FZP_RURAL_BASES_LEVEL_LAST FZP_RURAL_BASES_LEVEL_HIGH_STANDARD

/* How a base helps a person it does not employ (带动/帮扶). */
typedef enum {
  FZP_RURAL_BASES_HELP_NONE       = 0,
  FZP_RURAL_BASES_HELP_SUPPLIES   = 1, /* 提供种苗农资 */
  FZP_RURAL_BASES_HELP_ORDERS     = 2, /* 订单收购 */
  FZP_RURAL_BASES_HELP_SALES      = 3, /* 代销帮销 */
  FZP_RURAL_BASES_HELP_SKILLS     = 4, /* 技术指导 */
  FZP_RURAL_BASES_HELP_HANDICRAFT = 5, /* 手工业务合作 */
  FZP_RURAL_BASES_HELP_OTHER      = 6, /* 其他 */
} FzpRuralBasesHelp;
#define FZP_RURAL_BASES_HELP_LAST FZP_RURAL_BASES_HELP_OTHER

/* The result of a base's yearly assessment. */
typedef enum {
  FZP_RURAL_BASES_RESULT_NONE      = 0,
  FZP_RURAL_BASES_RESULT_EXCELLENT = 1, /* 优秀 */
  FZP_RURAL_BASES_RESULT_PASS      = 2, /* 合格 */
  FZP_RURAL_BASES_RESULT_BASIC     = 3, /* 基本合格 */
  FZP_RURAL_BASES_RESULT_FAIL      = 4, /* 不合格 */
} FzpRuralBasesResult;
#define FZP_RURAL_BASES_RESULT_LAST FZP_RURAL_BASES_RESULT_FAIL

/* Each vocabulary has: the value stored in the database ("planting"), its
 * name in the user's language, its printed (Chinese) name, and a parser
 * that reads the Chinese names, usual variants and the stored values.
 * Out of range gives NULL (nick, print) or "" (string). */
const char *fzp_rural_bases_industry_to_nick   (FzpRuralBasesIndustry industry);
const char *fzp_rural_bases_industry_to_string (FzpRuralBasesIndustry industry);
const char *fzp_rural_bases_industry_to_print  (FzpRuralBasesIndustry industry);
FzpRuralBasesIndustry fzp_rural_bases_industry_from_nick (const char *nick);
gboolean    fzp_rural_bases_industry_parse     (const char            *text,
                                                FzpRuralBasesIndustry *industry,
                                                GError               **error);

const char *fzp_rural_bases_level_to_nick      (FzpRuralBasesLevel level);
const char *fzp_rural_bases_level_to_string    (FzpRuralBasesLevel level);
const char *fzp_rural_bases_level_to_print     (FzpRuralBasesLevel level);
FzpRuralBasesLevel fzp_rural_bases_level_from_nick (const char *nick);
gboolean    fzp_rural_bases_level_parse        (const char         *text,
                                                FzpRuralBasesLevel *level,
                                                GError            **error);

const char *fzp_rural_bases_help_to_nick       (FzpRuralBasesHelp help);
const char *fzp_rural_bases_help_to_string     (FzpRuralBasesHelp help);
const char *fzp_rural_bases_help_to_print      (FzpRuralBasesHelp help);
FzpRuralBasesHelp fzp_rural_bases_help_from_nick (const char *nick);
gboolean    fzp_rural_bases_help_parse         (const char        *text,
                                                FzpRuralBasesHelp *help,
                                                GError           **error);
/* A set of kinds of help as stored: nicks separated by commas. Reads the
 * Chinese names too; empty is refused. */
gboolean    fzp_rural_bases_help_parse_set     (const char        *text,
                                                guint             *kinds,
                                                GError           **error);
/* The stored form of a set (1 << kind for each kind), e.g. "handicraft,orders". */
char       *fzp_rural_bases_help_set_to_nicks  (guint              kinds);
/* The printed form, e.g. "手工业务合作、订单收购". */
char       *fzp_rural_bases_help_set_to_print  (guint              kinds);

const char *fzp_rural_bases_result_to_nick     (FzpRuralBasesResult result);
const char *fzp_rural_bases_result_to_string   (FzpRuralBasesResult result);
const char *fzp_rural_bases_result_to_print    (FzpRuralBasesResult result);
FzpRuralBasesResult fzp_rural_bases_result_from_nick (const char *nick);
gboolean    fzp_rural_bases_result_parse       (const char          *text,
                                                FzpRuralBasesResult *result,
                                                GError             **error);

/* Field values */

/* A text field: trimmed (full-width ASCII folded), then 1 to @max_chars
 * characters; when not @required, empty gives NULL and succeeds.
 * @field is the translated field name used in the message. */
gboolean    fzp_rural_bases_check_text         (const char  *text,
                                                const char  *field,
                                                guint        max_chars,
                                                gboolean     required,
                                                char       **normalized,
                                                GError     **error);
/* A sum of money in yuan, as typed or as a spreadsheet holds it: 2500,
 * 2,500, 2500.5, 2500元, ２５００. 0 to 1,000,000 with at most two
 * decimals. Empty is refused. */
gboolean    fzp_rural_bases_parse_money        (const char  *text,
                                                const char  *field,
                                                double      *value,
                                                GError     **error);
/* A whole number 0 to @max. */
gboolean    fzp_rural_bases_parse_count        (const char  *text,
                                                const char  *field,
                                                guint        max,
                                                guint       *value,
                                                GError     **error);
/* Hours of a training session: more than 0, at most 200, in steps of a
 * quarter hour or finer as typed (1.5, 0.5, 3). */
gboolean    fzp_rural_bases_parse_hours        (const char  *text,
                                                const char  *field,
                                                double      *value,
                                                GError     **error);
/* 是/否, 有/无, yes/no, y/n, true/false, 1/0, √/×; empty is @fallback. */
gboolean    fzp_rural_bases_parse_yes_no       (const char  *text,
                                                const char  *field,
                                                gboolean     fallback,
                                                gboolean    *value,
                                                GError     **error);
/* A year 2000 to 2100. */
gboolean    fzp_rural_bases_parse_year         (const char  *text,
                                                const char  *field,
                                                int         *year,
                                                GError     **error);

/* Dates */

/* Checks a period of employment or help at a base: @start is not after
 * @today, not before the base was @founded, not after it @closed (may be
 * NULL or invalid: open); @end (NULL or invalid: still running) is not
 * before @start and not after @today. @field names the start. */
gboolean    fzp_rural_bases_check_period       (const GDate *start,
                                                const GDate *end,
                                                const GDate *founded,
                                                const GDate *closed,
                                                const GDate *today,
                                                GError     **error);
/* Whether [start1, end1] and [start2, end2] share a day; an invalid or
 * NULL end is open. */
gboolean    fzp_rural_bases_periods_overlap    (const GDate *start1,
                                                const GDate *end1,
                                                const GDate *start2,
                                                const GDate *end2);
/* Whether the period covers @day. */
gboolean    fzp_rural_bases_period_covers      (const GDate *start,
                                                const GDate *end,
                                                const GDate *day);
/* The calendar months of @year in which a period from @start to @end
 * (NULL or invalid: still running) had at least one day: 0 to 12. A month
 * begun counts whole, as a month's pay does. */
guint       fzp_rural_bases_months_in_year     (const GDate *start,
                                                const GDate *end,
                                                int          year);
/* Whole months from @founded to @on, 0 when @on is earlier:
 * 2024-03-15 to 2025-03-14 is 11, to 2025-03-15 is 12. */
guint       fzp_rural_bases_months_between     (const GDate *founded,
                                                const GDate *on);
/* YYYY-MM-DD of @date into @out. */
void        fzp_rural_bases_format_date        (const GDate *date,
                                                char         out[11]);
/* Reads YYYY-MM-DD as stored; FALSE (and @date cleared) for NULL or anything else. */
gboolean    fzp_rural_bases_date_from_iso      (const char  *text,
                                                GDate       *date);

/* Recognition */

/* One recognition of a base as the history holds it. */
typedef struct {
  FzpRuralBasesLevel level;
  GDate              recognized_on;
  GDate              withdrawn_on;  /* invalid while it stands */
} FzpRuralBasesRecognition;

/* The highest level among @recognitions standing on @day (recognized on
 * or before it, not withdrawn on or before it); NONE when none does. */
FzpRuralBasesLevel fzp_rural_bases_level_on     (const FzpRuralBasesRecognition *recognitions,
                                                 guint                           n_recognitions,
                                                 const GDate                    *day);

/* A recognition standard, as an administrator set it for @level from
 * @effective_from. A minimum of 0 asks nothing. */
typedef struct {
  FzpRuralBasesLevel level;
  GDate              effective_from;
  guint              min_employed;          /* persons with disabilities employed on the day */
  guint              min_helped;            /* persons helped, help running on the day */
  gboolean           either;                /* either minimum suffices (以上 A 或 B), else both are asked */
  double             min_income_ratio;      /* average monthly income of those employed, as a
                                             * multiple of the county's monthly minimum wage */
  guint              min_training_sessions; /* sessions held in the twelve months up to the day */
  guint              min_operating_months;  /* since the base was founded */
  FzpRuralBasesLevel required_level;        /* a level the base must hold already, or NONE */
} FzpRuralBasesCriterion;

/* Where a base stands on a day, for the check against a standard. */
typedef struct {
  guint              employed;
  guint              helped;
  double             average_income;     /* yuan a month; 0 when nobody is employed */
  double             minimum_wage;       /* the county's monthly minimum wage; 0 when none is recorded */
  guint              training_sessions;
  guint              operating_months;
  FzpRuralBasesLevel held_level;         /* the highest level it holds on the day */
} FzpRuralBasesStanding;

/* What @standing lacks for @criterion: one message a criterion, in the
 * user's language, naming what is asked and what there is ("Persons
 * employed: 2, the standard asks at least 3"). An empty array when every
 * criterion is met. Free with g_ptr_array_unref(). */
GPtrArray  *fzp_rural_bases_unmet_criteria     (const FzpRuralBasesCriterion *criterion,
                                                const FzpRuralBasesStanding  *standing);
/* Checks a standard an administrator is about to save: the required level
 * must be lower than @criterion's level, the ratio 0 to 10, and with
 * @either both minimums above 0 (else it would ask nothing). */
gboolean    fzp_rural_bases_check_criterion    (const FzpRuralBasesCriterion *criterion,
                                                GError                      **error);

/* Homestays */

/* The rule for the homestay priority list, from @effective_from: a homestay
 * has priority when it employs at least @min_employed persons with
 * disabilities, or works with at least @min_cooperating of them in one of
 * @cooperation_kinds (a set of 1 << FzpRuralBasesHelp). A minimum of 0
 * turns that way off. With @local_only, only persons registered in the
 * base's own county count (the plan's 所在地). */
typedef struct {
  GDate    effective_from;
  guint    min_employed;
  guint    min_cooperating;
  guint    cooperation_kinds;
  gboolean local_only;
} FzpRuralBasesHomestayRule;

typedef enum {
  FZP_RURAL_BASES_PRIORITY_NONE       = 0,
  FZP_RURAL_BASES_PRIORITY_EMPLOYS    = 1 << 0,
  FZP_RURAL_BASES_PRIORITY_COOPERATES = 1 << 1,
} FzpRuralBasesPriority;

/* Why a homestay that employs @employed and works with @cooperating
 * persons (already counted as @rule says) has priority; NONE when it has not. */
FzpRuralBasesPriority fzp_rural_bases_homestay_priority (const FzpRuralBasesHomestayRule *rule,
                                                         guint                            employed,
                                                         guint                            cooperating);
/* The printed reason: "吸纳残疾人就业", "开展手工业务合作", or both joined by "、". */
char       *fzp_rural_bases_priority_to_print  (FzpRuralBasesPriority priority);
/* Checks a rule an administrator is about to save: at least one way on,
 * and a kind of help when cooperation counts. */
gboolean    fzp_rural_bases_check_homestay_rule (const FzpRuralBasesHomestayRule *rule,
                                                 GError                         **error);

/* Figures */

/* Average monthly income: @income_paid over @person_months, rounded to the
 * fen; 0 when there are no months. */
double      fzp_rural_bases_average_income     (double       income_paid,
                                                guint        person_months);
/* Money as printed: "2,500.00" -> "2500.00"; no thousands separators, two decimals. */
char       *fzp_rural_bases_format_money       (double       value);

G_END_DECLS
