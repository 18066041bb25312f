/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fuzhu.h"
#include "fzp-skills-competitions-rules.h"

G_BEGIN_DECLS

/* The measure's data: competitions, events, entrants, scores, awards,
 * presets, the nomination rule and nominations. Every change is one
 * transaction (nested in the caller's when there is one); every function
 * that changes a competition's results refuses with PUBLISHED once it is
 * published, and the database's triggers refuse it too. Errors are
 * FZP_SKILLS_COMPETITIONS_ERROR (the message names the field), or
 * FZ_DATABASE_ERROR when the database fails. */

#define FZP_SKILLS_COMPETITIONS_ID "skills-competitions"

extern const FzMigration fzp_skills_competitions_migrations[];
extern const guint       fzp_skills_competitions_n_migrations;

typedef struct {
  gint64                     id;
  char                      *name;
  FzpSkillsCompetitionsLevel level;
  char                      *county_code;  /* the host county of a county-level one, else NULL */
  char                      *starts;       /* YYYY-MM-DD */
  char                      *ends;
  char                      *venue;        /* or NULL */
  char                      *organizer;    /* 主办单位, printed on certificates */
  char                      *published;    /* when, or NULL */
  char                      *published_by;
} FzpSkillsCompetitionsCompetition;

void fzp_skills_competitions_competition_free (FzpSkillsCompetitionsCompetition *competition);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzpSkillsCompetitionsCompetition, fzp_skills_competitions_competition_free)

typedef struct {
  gint64                         id;
  gint64                         competition_id;
  char                          *name;
  gint64                         max_score;   /* hundredths */
  FzpSkillsCompetitionsScoreRule rule;
  FzpSkillsCompetitionsTieBreak  tie_break;
  FzpSkillsCompetitionsBasis     basis;
  FzpSkillsCompetitionsRounding  rounding;
  guint                          n_tiers;
  char                         **awards;      /* n_tiers names, NULL-terminated */
  double                        *amounts;
  guint                          n_judges;
  char                         **judges;      /* n_judges names, NULL-terminated; judge 1 is the chief judge */
  gboolean                       awards_computed;
} FzpSkillsCompetitionsEvent;

void fzp_skills_competitions_event_free (FzpSkillsCompetitionsEvent *event);
/* The event's award scheme, pointing into @event. */
void fzp_skills_competitions_event_get_scheme (const FzpSkillsCompetitionsEvent *event,
                                               FzpSkillsCompetitionsScheme      *scheme);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzpSkillsCompetitionsEvent, fzp_skills_competitions_event_free)

/* An entrant with the registry's details and the judges' scores. */
typedef struct {
  gint64    id;
  gint64    event_id;
  gint64    person_id;
  guint     number;         /* 参赛号 */
  char     *name;
  char     *id_number;
  char     *cert_number;
  FzSex     sex;
  char     *county_code;
  char     *county_name;
  gint64    organization_id; /* 0 for none */
  char     *organization;    /* its name, or NULL */
  gboolean  absent;
  guint     n_judges;
  gint64   *scores;         /* n_judges, by seat - 1 */
  gboolean *has_score;
  gboolean  has_final;
  gint64    final_score;
  int       dropped_high;   /* the index of the score dropped as the highest, or -1 */
  int       dropped_low;
  guint     rank;           /* 0: not ranked */
  char     *award;          /* or NULL */
  gboolean  award_manual;   /* changed by hand (see the award changes) */
} FzpSkillsCompetitionsEntrant;

void fzp_skills_competitions_entrant_free (FzpSkillsCompetitionsEntrant *entrant);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzpSkillsCompetitionsEntrant, fzp_skills_competitions_entrant_free)

/* Competitions */

/* Checks and adds @competition (its id is ignored and then set). The name
 * is unique; a county-level competition names its county. */
gboolean   fzp_skills_competitions_add_competition     (FzContext                        *context,
                                                        FzpSkillsCompetitionsCompetition *competition,
                                                        GError                          **error);
/* Saves the changes to a competition (not published). */
gboolean   fzp_skills_competitions_update_competition  (FzContext                        *context,
                                                        const FzpSkillsCompetitionsCompetition *competition,
                                                        GError                          **error);
/* Removes a competition that is not published, with its events, entrants
 * and scores. */
gboolean   fzp_skills_competitions_delete_competition  (FzContext                        *context,
                                                        gint64                            id,
                                                        GError                          **error);
/* By id ("3") or exact name. NOT_FOUND when there is none. */
FzpSkillsCompetitionsCompetition *
           fzp_skills_competitions_find_competition    (FzContext                        *context,
                                                        const char                       *id_or_name,
                                                        GError                          **error);
FzpSkillsCompetitionsCompetition *
           fzp_skills_competitions_get_competition     (FzContext                        *context,
                                                        gint64                            id,
                                                        GError                          **error);
/* Every competition, the latest first. */
GPtrArray *fzp_skills_competitions_list_competitions   (FzContext                        *context,
                                                        GError                          **error);
/* Publishes the results: every event must have its awards computed. From
 * then on nothing of the competition may change. */
gboolean   fzp_skills_competitions_publish             (FzContext                        *context,
                                                        gint64                            competition_id,
                                                        GError                          **error);

/* Events */

/* Adds an event with @judges (1 to 15 names; judge 1 is the chief judge),
 * taking its rules and award scheme from the preset named @preset (NULL:
 * the default preset). Returns its id, or 0. */
gint64     fzp_skills_competitions_add_event           (FzContext                        *context,
                                                        gint64                            competition_id,
                                                        const char                       *name,
                                                        const char * const               *judges,
                                                        gint64                            max_score,
                                                        const char                       *preset,
                                                        GError                          **error);
/* As fzp_skills_competitions_add_event(), with the rules and scheme given. */
gint64     fzp_skills_competitions_add_event_full      (FzContext                        *context,
                                                        gint64                            competition_id,
                                                        const char                       *name,
                                                        const char * const               *judges,
                                                        gint64                            max_score,
                                                        FzpSkillsCompetitionsScoreRule    rule,
                                                        FzpSkillsCompetitionsTieBreak     tie_break,
                                                        const FzpSkillsCompetitionsScheme *scheme,
                                                        GError                          **error);
/* Changes an event's rules; the ranking is recomputed. */
gboolean   fzp_skills_competitions_set_event_rules     (FzContext                        *context,
                                                        gint64                            event_id,
                                                        FzpSkillsCompetitionsScoreRule    rule,
                                                        FzpSkillsCompetitionsTieBreak     tie_break,
                                                        gint64                            max_score,
                                                        GError                          **error);
/* Replaces an event's award scheme; its computed awards are cleared. */
gboolean   fzp_skills_competitions_set_event_scheme    (FzContext                        *context,
                                                        gint64                            event_id,
                                                        const FzpSkillsCompetitionsScheme *scheme,
                                                        GError                          **error);
/* Replaces the event's judges with @judges (1 to 15 names, judge 1 the
 * chief judge): scores of seats that are gone are dropped and the event is
 * ranked again. */
gboolean   fzp_skills_competitions_set_judges          (FzContext                        *context,
                                                        gint64                            event_id,
                                                        const char * const               *judges,
                                                        GError                          **error);
gboolean   fzp_skills_competitions_delete_event        (FzContext                        *context,
                                                        gint64                            event_id,
                                                        GError                          **error);
/* An event of @competition_id by id or exact name. */
FzpSkillsCompetitionsEvent *
           fzp_skills_competitions_find_event          (FzContext                        *context,
                                                        gint64                            competition_id,
                                                        const char                       *id_or_name,
                                                        GError                          **error);
FzpSkillsCompetitionsEvent *
           fzp_skills_competitions_get_event           (FzContext                        *context,
                                                        gint64                            event_id,
                                                        GError                          **error);
/* The events of a competition in the order they were added. */
GPtrArray *fzp_skills_competitions_list_events         (FzContext                        *context,
                                                        gint64                            competition_id,
                                                        GError                          **error);

/* Entrants */

/* Enters the registry's person @person_id in an event. The person must
 * hold a disability certificate. @county_code NULL: the person's county;
 * @organization_id 0: none; @number 0: the next free number. Returns the
 * entrant's id, or 0. */
gint64     fzp_skills_competitions_enter               (FzContext                        *context,
                                                        gint64                            event_id,
                                                        gint64                            person_id,
                                                        const char                       *county_code,
                                                        gint64                            organization_id,
                                                        guint                             number,
                                                        GError                          **error);
/* Changes an entrant's county, organization (0: none) and number. */
gboolean   fzp_skills_competitions_update_entrant      (FzContext                        *context,
                                                        gint64                            entrant_id,
                                                        const char                       *county_code,
                                                        gint64                            organization_id,
                                                        guint                             number,
                                                        GError                          **error);
/* Takes an entrant out of an event, with their scores. */
gboolean   fzp_skills_competitions_withdraw            (FzContext                        *context,
                                                        gint64                            entrant_id,
                                                        GError                          **error);
/* Marks an entrant absent (缺赛: no rank, no award) or present again. */
gboolean   fzp_skills_competitions_set_absent          (FzContext                        *context,
                                                        gint64                            entrant_id,
                                                        gboolean                          absent,
                                                        GError                          **error);
/* The entrants of an event, by number. */
GPtrArray *fzp_skills_competitions_list_entrants       (FzContext                        *context,
                                                        gint64                            event_id,
                                                        GError                          **error);
FzpSkillsCompetitionsEntrant *
           fzp_skills_competitions_get_entrant         (FzContext                        *context,
                                                        gint64                            entrant_id,
                                                        GError                          **error);
/* The entrant of @event_id with @number, or NOT_FOUND. */
gint64     fzp_skills_competitions_find_entrant        (FzContext                        *context,
                                                        gint64                            event_id,
                                                        guint                             number,
                                                        GError                          **error);

/* Scores */

/* Sets (or, with @score NULL, clears) the score judge @seat gave an
 * entrant, then ranks the event again. When the ranking changes, the
 * event's awards are cleared: compute them again. */
gboolean   fzp_skills_competitions_set_score           (FzContext                        *context,
                                                        gint64                            entrant_id,
                                                        guint                             seat,
                                                        const gint64                     *score,
                                                        GError                          **error);
/* As fzp_skills_competitions_set_score(), for a batch: does not rank the
 * event again; call fzp_skills_competitions_rank_event() after the batch,
 * in the same transaction. @changed (may be NULL) is set when the score
 * stored differs from the one before. */
gboolean   fzp_skills_competitions_store_score         (FzContext                        *context,
                                                        gint64                            entrant_id,
                                                        guint                             seat,
                                                        const gint64                     *score,
                                                        gboolean                         *changed,
                                                        GError                          **error);
/* Ranks an event again from its scores (in the caller's transaction when
 * there is one). @changed (may be NULL) tells whether a rank changed. */
gboolean   fzp_skills_competitions_rank_event          (FzContext                        *context,
                                                        gint64                            event_id,
                                                        gboolean                         *changed,
                                                        GError                          **error);

/* Awards */

/* Computes the awards of an event from its ranking and scheme. Fails with
 * INCOMPLETE, naming them, when an entrant who is not absent lacks a
 * score. Awards changed by hand are computed afresh too. */
gboolean   fzp_skills_competitions_compute_awards      (FzContext                        *context,
                                                        gint64                            event_id,
                                                        GError                          **error);
/* Changes an entrant's award by hand (@award one of the event's awards, or
 * NULL for none) for @reason, which is recorded with who and when. The
 * event's awards must have been computed. */
gboolean   fzp_skills_competitions_change_award        (FzContext                        *context,
                                                        gint64                            entrant_id,
                                                        const char                       *award,
                                                        const char                       *reason,
                                                        GError                          **error);

/* Presets */

typedef struct {
  gint64                         id;
  char                          *name;
  FzpSkillsCompetitionsScoreRule rule;
  FzpSkillsCompetitionsTieBreak  tie_break;
  FzpSkillsCompetitionsBasis     basis;
  FzpSkillsCompetitionsRounding  rounding;
  guint                          n_tiers;
  char                         **awards;
  double                        *amounts;
  gboolean                       is_default;
} FzpSkillsCompetitionsPreset;

void       fzp_skills_competitions_preset_free         (FzpSkillsCompetitionsPreset *preset);
void       fzp_skills_competitions_preset_get_scheme   (const FzpSkillsCompetitionsPreset *preset,
                                                        FzpSkillsCompetitionsScheme       *scheme);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzpSkillsCompetitionsPreset, fzp_skills_competitions_preset_free)

GPtrArray *fzp_skills_competitions_list_presets        (FzContext                        *context,
                                                        GError                          **error);
/* Adds or replaces the preset named @preset->name; @preset->is_default
 * makes it the one new events start with. */
gboolean   fzp_skills_competitions_save_preset         (FzContext                        *context,
                                                        const FzpSkillsCompetitionsPreset *preset,
                                                        GError                          **error);

/* The nomination rule */

/* The rule in force on @date (YYYY-MM-DD). */
gboolean   fzp_skills_competitions_get_expert_rule     (FzContext                        *context,
                                                        const char                       *date,
                                                        FzpSkillsCompetitionsExpertRule  *rule,
                                                        GError                          **error);
/* Adds (or replaces) the rule in force from @from. */
gboolean   fzp_skills_competitions_set_expert_rule     (FzContext                        *context,
                                                        const char                       *from,
                                                        const FzpSkillsCompetitionsExpertRule *rule,
                                                        GError                          **error);

/* Nominations */

typedef struct {
  gint64                              id;
  int                                 year;
  FzpSkillsCompetitionsNominationKind kind;
  gint64                              person_id;
  gint64                              entrant_id;       /* 0: not from a competition's results */
  gint64                              organization_id;  /* 0: none */
  char                               *trade;            /* 技能项目 */
  char                               *nominated_by;     /* 推荐单位 */
  char                               *basis;            /* 推荐理由, or NULL */
  char                               *nominated;        /* YYYY-MM-DD */
  FzpSkillsCompetitionsDecision       decision;
  char                               *decided;          /* or NULL */
  char                               *decision_note;
  /* Filled when read: */
  char                               *name;
  char                               *id_number;
  char                               *county_name;
  char                               *organization;
  char                               *result;           /* "2025年…竞赛 盲人按摩 一等奖", or NULL */
} FzpSkillsCompetitionsNomination;

void       fzp_skills_competitions_nomination_free     (FzpSkillsCompetitionsNomination *nomination);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzpSkillsCompetitionsNomination, fzp_skills_competitions_nomination_free)

/* Adds a nomination (its id is set). From a competition's results
 * (@entrant_id) the results must be published and the person must be the
 * entrant; a 技术能手 nomination must come from results and meet the rule
 * in force at the contest's end. */
gboolean   fzp_skills_competitions_nominate            (FzContext                        *context,
                                                        FzpSkillsCompetitionsNomination  *nomination,
                                                        GError                          **error);
/* Records the decision on a pending nomination. */
gboolean   fzp_skills_competitions_decide              (FzContext                        *context,
                                                        gint64                            nomination_id,
                                                        FzpSkillsCompetitionsDecision     decision,
                                                        const char                       *date,
                                                        const char                       *note,
                                                        GError                          **error);
/* The nominations of @year (0: all), by kind and date. */
GPtrArray *fzp_skills_competitions_list_nominations    (FzContext                        *context,
                                                        int                               year,
                                                        GError                          **error);

/* A result that a nomination may come from: an awardee of published results. */
typedef struct {
  gint64  entrant_id;
  gint64  person_id;
  char   *id_number;
  char   *name;
  char   *event;
  char   *label;      /* "2025年…竞赛 · 盲人按摩 · 一等奖（第1名） · 王伟" */
} FzpSkillsCompetitionsResult;

void       fzp_skills_competitions_result_free         (FzpSkillsCompetitionsResult *result);
/* The awardees of every published competition, the latest first. */
GPtrArray *fzp_skills_competitions_list_results        (FzContext                        *context,
                                                        GError                          **error);

/* Registry look-ups for forms, commands and imports */

/* A person by identity number or disability certificate number, as typed
 * or found in a sheet. Fails with the validator's message (naming the
 * field) for a wrong number, NOT_FOUND when nobody in the registry has it. */
FzPerson  *fzp_skills_competitions_find_person         (FzContext                        *context,
                                                        const char                       *number,
                                                        GError                          **error);
/* An organization of the registry by unified social credit code or exact
 * name; returns its id, or 0 with NOT_FOUND. */
gint64     fzp_skills_competitions_find_organization   (FzContext                        *context,
                                                        const char                       *code_or_name,
                                                        GError                          **error);

/* Settings (fz_setting, owner "skills-competitions") */

/* The prefix of award certificate serials, "JN" unless an administrator
 * set "certificate-prefix". Free it. */
char      *fzp_skills_competitions_dup_certificate_prefix (FzContext *context);

/* Checks a date as typed (2025-05-01, 2025/5/1, 2025年5月1日...) and returns
 * it as YYYY-MM-DD, or NULL with INVALID naming @field. */
char      *fzp_skills_competitions_check_date          (const char                       *text,
                                                        const char                       *field,
                                                        GError                          **error);

G_END_DECLS
