/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The rules of a skills competition, pure C with no GTK and no database:
 * reading scores, the final score, ranking with its tie-break, award quotas
 * and their rounding, and who may be put forward as 浙江省技术能手. What an
 * administrator may change (the rule of each event, its award scheme, the
 * nomination rule) is passed in as data, never decided here.
 *
 * Scores are kept in hundredths of a point, as integers, so that equal
 * scores are equal and rounding is exact. */

#define FZP_SKILLS_COMPETITIONS_ERROR (fzp_skills_competitions_error_quark ())

typedef enum {
  FZP_SKILLS_COMPETITIONS_ERROR_INVALID,    /* a value that cannot be used; the message names the field */
  FZP_SKILLS_COMPETITIONS_ERROR_NOT_FOUND,  /* no such competition, event, entrant or nomination */
  FZP_SKILLS_COMPETITIONS_ERROR_PUBLISHED,  /* the results are published: nothing may change */
  FZP_SKILLS_COMPETITIONS_ERROR_INCOMPLETE, /* scores are missing for what was asked */
  FZP_SKILLS_COMPETITIONS_ERROR_REJECTED,   /* an import had wrong rows: nothing was written */
} FzpSkillsCompetitionsError;

GQuark fzp_skills_competitions_error_quark (void);

/* Competition levels, as stored. */
typedef enum {
  FZP_SKILLS_COMPETITIONS_LEVEL_COUNTY,               /* 县级 */
  FZP_SKILLS_COMPETITIONS_LEVEL_CITY,                 /* 市级 */
  FZP_SKILLS_COMPETITIONS_LEVEL_PROVINCIAL_SELECTION, /* 省赛选拔 */
  FZP_SKILLS_COMPETITIONS_LEVEL_PROVINCIAL,           /* 省级 (the city's entrants at the provincial contest) */
  FZP_SKILLS_COMPETITIONS_N_LEVELS
} FzpSkillsCompetitionsLevel;

/* How an event's final score is made from its judges' scores. */
typedef enum {
  FZP_SKILLS_COMPETITIONS_RULE_MEAN,         /* the mean of every judge's score */
  FZP_SKILLS_COMPETITIONS_RULE_TRIMMED_MEAN, /* one highest and one lowest dropped, then the mean; needs 3 judges */
  FZP_SKILLS_COMPETITIONS_N_RULES
} FzpSkillsCompetitionsScoreRule;

/* How equal final scores are told apart. Whatever is still equal after it
 * shares a rank, and so an award. */
typedef enum {
  FZP_SKILLS_COMPETITIONS_TIE_SHARED,         /* equal final scores share the rank */
  FZP_SKILLS_COMPETITIONS_TIE_CHIEF_JUDGE,    /* the higher score of the chief judge (judge 1) goes first */
  FZP_SKILLS_COMPETITIONS_TIE_UNTRIMMED_MEAN, /* the higher mean of all judges, dropped scores included, goes first */
  FZP_SKILLS_COMPETITIONS_N_TIE_BREAKS
} FzpSkillsCompetitionsTieBreak;

/* What the amounts of an award scheme are. */
typedef enum {
  FZP_SKILLS_COMPETITIONS_BASIS_COUNT, /* so many awards of each tier */
  FZP_SKILLS_COMPETITIONS_BASIS_SHARE, /* a percentage of the entrants who competed */
  FZP_SKILLS_COMPETITIONS_N_BASES
} FzpSkillsCompetitionsBasis;

/* How a share of the entrants becomes a number of awards. */
typedef enum {
  FZP_SKILLS_COMPETITIONS_ROUND_HALF_UP, /* 四舍五入: 0.5 and above up */
  FZP_SKILLS_COMPETITIONS_ROUND_FLOOR,   /* down: never more than the share */
  FZP_SKILLS_COMPETITIONS_ROUND_CEIL,    /* up: never fewer than the share */
  FZP_SKILLS_COMPETITIONS_N_ROUNDINGS
} FzpSkillsCompetitionsRounding;

/* Kinds of nomination. */
typedef enum {
  FZP_SKILLS_COMPETITIONS_NOMINATION_CRAFTSMAN,        /* 残疾人工匠 */
  FZP_SKILLS_COMPETITIONS_NOMINATION_TECHNICAL_EXPERT, /* 浙江省技术能手 */
  FZP_SKILLS_COMPETITIONS_N_NOMINATIONS
} FzpSkillsCompetitionsNominationKind;

typedef enum {
  FZP_SKILLS_COMPETITIONS_DECISION_PENDING,
  FZP_SKILLS_COMPETITIONS_DECISION_SELECTED,
  FZP_SKILLS_COMPETITIONS_DECISION_REJECTED,
  FZP_SKILLS_COMPETITIONS_N_DECISIONS
} FzpSkillsCompetitionsDecision;

/* Each enumeration has three spellings: the nick stored in the database and
 * typed on the command line ("trimmed-mean"), a label in the user's
 * language, and the Chinese words printed on documents. Parsing takes the
 * nick, the Chinese words or the label; it returns FALSE for anything else. */
const char *fzp_skills_competitions_level_to_nick        (FzpSkillsCompetitionsLevel level);
const char *fzp_skills_competitions_level_to_label       (FzpSkillsCompetitionsLevel level);
const char *fzp_skills_competitions_level_to_print       (FzpSkillsCompetitionsLevel level);
gboolean    fzp_skills_competitions_level_parse          (const char *text,
                                                          FzpSkillsCompetitionsLevel *level);
const char *fzp_skills_competitions_rule_to_nick         (FzpSkillsCompetitionsScoreRule rule);
const char *fzp_skills_competitions_rule_to_label        (FzpSkillsCompetitionsScoreRule rule);
const char *fzp_skills_competitions_rule_to_print        (FzpSkillsCompetitionsScoreRule rule);
gboolean    fzp_skills_competitions_rule_parse           (const char *text,
                                                          FzpSkillsCompetitionsScoreRule *rule);
const char *fzp_skills_competitions_tie_break_to_nick    (FzpSkillsCompetitionsTieBreak tie_break);
const char *fzp_skills_competitions_tie_break_to_label   (FzpSkillsCompetitionsTieBreak tie_break);
const char *fzp_skills_competitions_tie_break_to_print   (FzpSkillsCompetitionsTieBreak tie_break);
gboolean    fzp_skills_competitions_tie_break_parse      (const char *text,
                                                          FzpSkillsCompetitionsTieBreak *tie_break);
const char *fzp_skills_competitions_basis_to_nick        (FzpSkillsCompetitionsBasis basis);
const char *fzp_skills_competitions_basis_to_label       (FzpSkillsCompetitionsBasis basis);
gboolean    fzp_skills_competitions_basis_parse          (const char *text,
                                                          FzpSkillsCompetitionsBasis *basis);
const char *fzp_skills_competitions_rounding_to_nick     (FzpSkillsCompetitionsRounding rounding);
const char *fzp_skills_competitions_rounding_to_label    (FzpSkillsCompetitionsRounding rounding);
const char *fzp_skills_competitions_rounding_to_print    (FzpSkillsCompetitionsRounding rounding);
gboolean    fzp_skills_competitions_rounding_parse       (const char *text,
                                                          FzpSkillsCompetitionsRounding *rounding);
const char *fzp_skills_competitions_nomination_to_nick   (FzpSkillsCompetitionsNominationKind kind);
const char *fzp_skills_competitions_nomination_to_label  (FzpSkillsCompetitionsNominationKind kind);
const char *fzp_skills_competitions_nomination_to_print  (FzpSkillsCompetitionsNominationKind kind);
gboolean    fzp_skills_competitions_nomination_parse     (const char *text,
                                                          FzpSkillsCompetitionsNominationKind *kind);
const char *fzp_skills_competitions_decision_to_nick     (FzpSkillsCompetitionsDecision decision);
const char *fzp_skills_competitions_decision_to_label    (FzpSkillsCompetitionsDecision decision);
gboolean    fzp_skills_competitions_decision_parse       (const char *text,
                                                          FzpSkillsCompetitionsDecision *decision);

/* The highest score an event may have, in hundredths. */
#define FZP_SKILLS_COMPETITIONS_MAX_SCORE_LIMIT 100000

/* Reads a judge's score as typed or found in a spreadsheet cell: a number
 * from 0 to @max (hundredths), with at most two decimals ("95", "95.5",
 * "95.25", full-width digits too). Fails with INVALID saying what is wrong,
 * without naming a field (callers prefix the judge or the column); an
 * empty text fails too (callers decide what empty means). */
gboolean    fzp_skills_competitions_parse_score          (const char  *text,
                                                          gint64       max,
                                                          gint64      *score,
                                                          GError     **error);
/* "95.25", always with two decimals. */
char       *fzp_skills_competitions_format_score         (gint64       score);

/* The final score of one entrant from the @n scores of the judges: their
 * mean, rounded half up to a hundredth; under the trimmed rule, one highest
 * and one lowest are dropped first (one each, even when several judges
 * gave the same score). @dropped_high and @dropped_low (may be NULL) get
 * the index of the dropped scores, or -1. Fails with INCOMPLETE when there
 * is no score, or fewer than three under the trimmed rule. */
gboolean    fzp_skills_competitions_final_score          (FzpSkillsCompetitionsScoreRule rule,
                                                          const gint64 *scores,
                                                          guint         n,
                                                          gint64       *final,
                                                          int          *dropped_high,
                                                          int          *dropped_low,
                                                          GError      **error);

/* One entrant as ranking sees it. */
typedef struct {
  gboolean ranked;       /* FALSE: absent, or not every judge has scored yet */
  gint64   final;        /* the final score */
  gint64   chief;        /* the chief judge's (judge 1) score */
  gint64   total;        /* the sum of every judge's score */
} FzpSkillsCompetitionsStanding;

/* Ranks @n standings: higher final scores first, then @tie_break; equal
 * ones share a rank and the next rank skips (1, 2, 2, 4). @ranks receives
 * the rank of each, 0 for those not ranked. Returns how many were ranked. */
guint       fzp_skills_competitions_rank                 (const FzpSkillsCompetitionsStanding *standings,
                                                          guint                                n,
                                                          FzpSkillsCompetitionsTieBreak        tie_break,
                                                          guint                               *ranks);

/* An award scheme: tiers in order (一等奖 first), each with an amount that
 * is a count or a percentage, as @basis says. */
typedef struct {
  FzpSkillsCompetitionsBasis     basis;
  FzpSkillsCompetitionsRounding  rounding;
  guint                          n_tiers;
  const char * const            *awards;   /* the awards' names, as printed */
  const double                  *amounts;
} FzpSkillsCompetitionsScheme;

/* Checks a scheme: 1 to 8 tiers, each named once; counts whole and not
 * negative; percentages from 0 to 100 with at most two decimals, adding up
 * to at most 100. Fails with INVALID naming the tier. */
gboolean    fzp_skills_competitions_scheme_check         (const FzpSkillsCompetitionsScheme *scheme,
                                                          GError                           **error);

/* How many of @n_ranked entrants end within each tier, cumulatively:
 * @cumulative[k] is the last rank that gets tier k or a better one. For a
 * count basis that is the sum of the counts so far; for a share basis it
 * is the sum of the percentages so far applied to @n_ranked and then
 * rounded as the scheme says (cumulatively, so that rounding never gives
 * away more than the total share). Never more than @n_ranked. */
gboolean    fzp_skills_competitions_quotas               (const FzpSkillsCompetitionsScheme *scheme,
                                                          guint                              n_ranked,
                                                          guint                             *cumulative,
                                                          GError                           **error);

/* The tier (from 1; 0 for none) of each of @n entrants from its rank: rank
 * r gets the first tier k with r <= @cumulative[k]. Entrants of equal rank
 * thus always get the same award, the better one when a tie straddles two
 * tiers (the tier grows by the tie and the next ones shrink). */
void        fzp_skills_competitions_assign_awards        (const guint *ranks,
                                                          guint        n,
                                                          const guint *cumulative,
                                                          guint        n_tiers,
                                                          guint       *tiers);

/* Who may be put forward as 浙江省技术能手 from a contest's results (in
 * force from a date; see the expert-rule table). */
typedef struct {
  FzpSkillsCompetitionsLevel level; /* the level of contest it applies to */
  guint first_places;        /* ranks up to this qualify in any event (1) */
  guint large_event_entrants;/* events with at least this many entrants (20)... */
  guint large_event_places;  /* ...also qualify ranks up to this (2) */
} FzpSkillsCompetitionsExpertRule;

/* Whether an entrant of rank @rank, in an event of @n_entrants entrants who
 * competed, at a contest of @level, may be put forward. Sets @error
 * (INVALID) saying why not. */
gboolean    fzp_skills_competitions_expert_eligible      (const FzpSkillsCompetitionsExpertRule *rule,
                                                          FzpSkillsCompetitionsLevel             level,
                                                          guint                                  rank,
                                                          guint                                  n_entrants,
                                                          GError                               **error);

/* Reads an award scheme's tiers as staff write them: "一等奖:10,二等奖:20,
 * 三等奖:30" (full-width ：，、 and a trailing % accepted). Returns the
 * number of tiers and fills @awards (free with g_strfreev()) and @amounts
 * (g_free()); 0 with INVALID when the text cannot be read. Checks nothing
 * else: see fzp_skills_competitions_scheme_check(). */
guint       fzp_skills_competitions_parse_tiers          (const char   *text,
                                                          char       ***awards,
                                                          double      **amounts,
                                                          GError      **error);
/* The scheme in words: "一等奖 10%、二等奖 20%、三等奖 30%（四舍五入）" or
 * "一等奖 1 名、二等奖 2 名", in Chinese for printing when @print, else in
 * the user's language (the award names stay as given). */
char       *fzp_skills_competitions_scheme_describe      (const FzpSkillsCompetitionsScheme *scheme,
                                                          gboolean                           print);

/* A competition's or event's name, or an organizer: trimmed, 1 to @max
 * characters. Returns the trimmed text, or NULL with INVALID naming @field. */
char       *fzp_skills_competitions_check_text           (const char  *text,
                                                          const char  *field,
                                                          guint        max,
                                                          GError     **error);

G_END_DECLS
