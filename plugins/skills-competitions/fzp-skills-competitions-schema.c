/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-skills-competitions"

#include "config.h"

#include "fzp-skills-competitions-data.h"

/* Published results are locked by the database itself, not only by the
 * code that calls it: every table that makes up a result refuses a change
 * once its competition is published. */
#define LOCKED_BY_EVENT(table, row)                                                        \
  "CREATE TRIGGER " table "_locked_insert BEFORE INSERT ON " table " WHEN EXISTS ("        \
  "  SELECT 1 FROM skills_competitions_event e JOIN skills_competitions_competition c"     \
  "  ON c.id = e.competition_id WHERE e.id = NEW." row " AND c.published IS NOT NULL)"     \
  " BEGIN SELECT RAISE(ABORT, 'skills-competitions: the results are published'); END;"   \
  "CREATE TRIGGER " table "_locked_update BEFORE UPDATE ON " table " WHEN EXISTS ("        \
  "  SELECT 1 FROM skills_competitions_event e JOIN skills_competitions_competition c"     \
  "  ON c.id = e.competition_id WHERE e.id IN (OLD." row ", NEW." row ")"                 \
  "  AND c.published IS NOT NULL)"                                                         \
  " BEGIN SELECT RAISE(ABORT, 'skills-competitions: the results are published'); END;"   \
  "CREATE TRIGGER " table "_locked_delete BEFORE DELETE ON " table " WHEN EXISTS ("        \
  "  SELECT 1 FROM skills_competitions_event e JOIN skills_competitions_competition c"     \
  "  ON c.id = e.competition_id WHERE e.id = OLD." row " AND c.published IS NOT NULL)"     \
  " BEGIN SELECT RAISE(ABORT, 'skills-competitions: the results are published'); END;"

#define LOCKED_BY_ENTRANT(table)                                                           \
  "CREATE TRIGGER " table "_locked_insert BEFORE INSERT ON " table " WHEN EXISTS ("        \
  "  SELECT 1 FROM skills_competitions_entrant n JOIN skills_competitions_event e"         \
  "  ON e.id = n.event_id JOIN skills_competitions_competition c ON c.id = e.competition_id" \
  "  WHERE n.id = NEW.entrant_id AND c.published IS NOT NULL)"                             \
  " BEGIN SELECT RAISE(ABORT, 'skills-competitions: the results are published'); END;"   \
  "CREATE TRIGGER " table "_locked_update BEFORE UPDATE ON " table " WHEN EXISTS ("        \
  "  SELECT 1 FROM skills_competitions_entrant n JOIN skills_competitions_event e"         \
  "  ON e.id = n.event_id JOIN skills_competitions_competition c ON c.id = e.competition_id" \
  "  WHERE n.id IN (OLD.entrant_id, NEW.entrant_id) AND c.published IS NOT NULL)"         \
  " BEGIN SELECT RAISE(ABORT, 'skills-competitions: the results are published'); END;"   \
  "CREATE TRIGGER " table "_locked_delete BEFORE DELETE ON " table " WHEN EXISTS ("        \
  "  SELECT 1 FROM skills_competitions_entrant n JOIN skills_competitions_event e"         \
  "  ON e.id = n.event_id JOIN skills_competitions_competition c ON c.id = e.competition_id" \
  "  WHERE n.id = OLD.entrant_id AND c.published IS NOT NULL)"                             \
  " BEGIN SELECT RAISE(ABORT, 'skills-competitions: the results are published'); END;"

/* A released step is never edited: a change is a new step at the end. */
const FzMigration fzp_skills_competitions_migrations[] = {
  { 1,
    /* Competitions and their events. Levels, rules and tie-breaks are the
     * nicks of fzp-skills-competitions-rules.h. */
    "CREATE TABLE skills_competitions_competition ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),"
    "  level TEXT NOT NULL CHECK (level IN ('county', 'city', 'provincial-selection', 'provincial')),"
    "  county_code TEXT REFERENCES fz_county(code),"
    "  starts TEXT NOT NULL CHECK (starts = date(starts)),"
    "  ends TEXT NOT NULL CHECK (ends = date(ends) AND ends >= starts),"
    "  venue TEXT,"
    "  organizer TEXT NOT NULL CHECK (length(organizer) BETWEEN 1 AND 100),"
    "  published TEXT,"
    "  published_by TEXT,"
    "  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
    "  created_by TEXT,"
    "  CHECK (level <> 'county' OR county_code IS NOT NULL),"
    "  CHECK (published IS NULL OR published_by IS NOT NULL));"
    "CREATE INDEX skills_competitions_competition_starts ON skills_competitions_competition (starts);"
    "CREATE TRIGGER skills_competitions_competition_locked_update"
    "  BEFORE UPDATE ON skills_competitions_competition WHEN OLD.published IS NOT NULL"
    "  BEGIN SELECT RAISE(ABORT, 'skills-competitions: the results are published'); END;"
    "CREATE TRIGGER skills_competitions_competition_locked_delete"
    "  BEFORE DELETE ON skills_competitions_competition WHEN OLD.published IS NOT NULL"
    "  BEGIN SELECT RAISE(ABORT, 'skills-competitions: the results are published'); END;"

    /* Each event keeps its own rules and award scheme, copied from a
     * preset when it is made: editing a preset never changes an event. */
    "CREATE TABLE skills_competitions_event ("
    "  id INTEGER PRIMARY KEY,"
    "  competition_id INTEGER NOT NULL REFERENCES skills_competitions_competition(id) ON DELETE CASCADE,"
    "  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 50),"
    "  max_score INTEGER NOT NULL DEFAULT 10000 CHECK (max_score BETWEEN 1 AND 100000),"
    "  score_rule TEXT NOT NULL CHECK (score_rule IN ('mean', 'trimmed-mean')),"
    "  tie_break TEXT NOT NULL CHECK (tie_break IN ('shared', 'chief-judge', 'untrimmed-mean')),"
    "  award_basis TEXT NOT NULL CHECK (award_basis IN ('count', 'share')),"
    "  award_rounding TEXT NOT NULL CHECK (award_rounding IN ('half-up', 'floor', 'ceil')),"
    "  awards_computed INTEGER NOT NULL DEFAULT 0 CHECK (awards_computed IN (0, 1)),"
    "  UNIQUE (competition_id, name));"
    "CREATE TABLE skills_competitions_event_tier ("
    "  event_id INTEGER NOT NULL REFERENCES skills_competitions_event(id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL CHECK (position BETWEEN 1 AND 8),"
    "  award TEXT NOT NULL CHECK (length(award) BETWEEN 1 AND 20),"
    "  amount REAL NOT NULL CHECK (amount >= 0),"
    "  PRIMARY KEY (event_id, position),"
    "  UNIQUE (event_id, award));"
    "CREATE TABLE skills_competitions_judge ("
    "  event_id INTEGER NOT NULL REFERENCES skills_competitions_event(id) ON DELETE CASCADE,"
    "  seat INTEGER NOT NULL CHECK (seat BETWEEN 1 AND 15),"
    "  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 64),"
    "  PRIMARY KEY (event_id, seat));"

    /* Entrants are certified persons of the registry; scores are in
     * hundredths of a point. final_score and rank follow the scores. */
    "CREATE TABLE skills_competitions_entrant ("
    "  id INTEGER PRIMARY KEY,"
    "  event_id INTEGER NOT NULL REFERENCES skills_competitions_event(id) ON DELETE CASCADE,"
    "  person_id INTEGER NOT NULL REFERENCES fz_person(id),"
    "  county_code TEXT NOT NULL REFERENCES fz_county(code),"
    "  organization_id INTEGER REFERENCES fz_organization(id),"
    "  number INTEGER NOT NULL CHECK (number >= 1),"
    "  absent INTEGER NOT NULL DEFAULT 0 CHECK (absent IN (0, 1)),"
    "  final_score INTEGER,"
    "  rank INTEGER CHECK (rank IS NULL OR rank >= 1),"
    "  award TEXT,"
    "  award_manual INTEGER NOT NULL DEFAULT 0 CHECK (award_manual IN (0, 1)),"
    "  UNIQUE (event_id, person_id),"
    "  UNIQUE (event_id, number));"
    "CREATE INDEX skills_competitions_entrant_person ON skills_competitions_entrant (person_id);"
    "CREATE TRIGGER skills_competitions_entrant_certified BEFORE INSERT ON skills_competitions_entrant"
    "  WHEN (SELECT cert_number FROM fz_person WHERE id = NEW.person_id) IS NULL"
    "  BEGIN SELECT RAISE(ABORT, 'skills-competitions: an entrant must hold a disability certificate'); END;"
    "CREATE TABLE skills_competitions_score ("
    "  entrant_id INTEGER NOT NULL REFERENCES skills_competitions_entrant(id) ON DELETE CASCADE,"
    "  seat INTEGER NOT NULL CHECK (seat BETWEEN 1 AND 15),"
    "  score INTEGER NOT NULL CHECK (score >= 0),"
    "  entered_by TEXT,"
    "  entered TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
    "  PRIMARY KEY (entrant_id, seat));"

    /* Every award changed by hand, with its reason: kept for good. */
    "CREATE TABLE skills_competitions_award_change ("
    "  id INTEGER PRIMARY KEY,"
    "  entrant_id INTEGER NOT NULL REFERENCES skills_competitions_entrant(id),"
    "  old_award TEXT,"
    "  new_award TEXT,"
    "  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),"
    "  changed_by TEXT NOT NULL,"
    "  changed TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));"
    "CREATE TRIGGER skills_competitions_award_change_kept_update BEFORE UPDATE ON skills_competitions_award_change"
    "  BEGIN SELECT RAISE(ABORT, 'skills-competitions: the record of award changes is kept as it is'); END;"
    "CREATE TRIGGER skills_competitions_award_change_kept_delete BEFORE DELETE ON skills_competitions_award_change"
    "  BEGIN SELECT RAISE(ABORT, 'skills-competitions: the record of award changes is kept as it is'); END;"

    LOCKED_BY_EVENT ("skills_competitions_event_tier", "event_id")
    LOCKED_BY_EVENT ("skills_competitions_judge", "event_id")
    LOCKED_BY_EVENT ("skills_competitions_entrant", "event_id")
    LOCKED_BY_ENTRANT ("skills_competitions_score")
    LOCKED_BY_ENTRANT ("skills_competitions_award_change")
    "CREATE TRIGGER skills_competitions_event_locked_insert BEFORE INSERT ON skills_competitions_event"
    "  WHEN (SELECT published FROM skills_competitions_competition WHERE id = NEW.competition_id) IS NOT NULL"
    "  BEGIN SELECT RAISE(ABORT, 'skills-competitions: the results are published'); END;"
    "CREATE TRIGGER skills_competitions_event_locked_update BEFORE UPDATE ON skills_competitions_event"
    "  WHEN EXISTS (SELECT 1 FROM skills_competitions_competition WHERE id IN (OLD.competition_id, NEW.competition_id)"
    "  AND published IS NOT NULL)"
    "  BEGIN SELECT RAISE(ABORT, 'skills-competitions: the results are published'); END;"
    "CREATE TRIGGER skills_competitions_event_locked_delete BEFORE DELETE ON skills_competitions_event"
    "  WHEN (SELECT published FROM skills_competitions_competition WHERE id = OLD.competition_id) IS NOT NULL"
    "  BEGIN SELECT RAISE(ABORT, 'skills-competitions: the results are published'); END;"

    /* Award scheme presets: what a new event starts with. Quzhou's own
     * scheme is not known (DOMAIN: open), so these are the usual ones and
     * an administrator edits them. */
    "CREATE TABLE skills_competitions_preset ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 50),"
    "  award_basis TEXT NOT NULL CHECK (award_basis IN ('count', 'share')),"
    "  award_rounding TEXT NOT NULL CHECK (award_rounding IN ('half-up', 'floor', 'ceil')),"
    "  score_rule TEXT NOT NULL CHECK (score_rule IN ('mean', 'trimmed-mean')),"
    "  tie_break TEXT NOT NULL CHECK (tie_break IN ('shared', 'chief-judge', 'untrimmed-mean')),"
    "  is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)));"
    "CREATE UNIQUE INDEX skills_competitions_preset_default ON skills_competitions_preset (is_default)"
    "  WHERE is_default = 1;"
    "CREATE TABLE skills_competitions_preset_tier ("
    "  preset_id INTEGER NOT NULL REFERENCES skills_competitions_preset(id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL CHECK (position BETWEEN 1 AND 8),"
    "  award TEXT NOT NULL CHECK (length(award) BETWEEN 1 AND 20),"
    "  amount REAL NOT NULL CHECK (amount >= 0),"
    "  PRIMARY KEY (preset_id, position),"
    "  UNIQUE (preset_id, award));"
    "INSERT INTO skills_competitions_preset (id, name, award_basis, award_rounding, score_rule, tie_break, is_default) VALUES"
    "  (1, '一二三等奖按比例', 'share', 'half-up', 'trimmed-mean', 'chief-judge', 1),"
    "  (2, '一二三等奖及优秀奖按名额', 'count', 'half-up', 'trimmed-mean', 'chief-judge', 0),"
    "  (3, '金银铜奖及优胜奖按名额', 'count', 'half-up', 'trimmed-mean', 'chief-judge', 0);"
    "INSERT INTO skills_competitions_preset_tier VALUES"
    "  (1, 1, '一等奖', 10), (1, 2, '二等奖', 20), (1, 3, '三等奖', 30),"
    "  (2, 1, '一等奖', 1), (2, 2, '二等奖', 2), (2, 3, '三等奖', 3), (2, 4, '优秀奖', 4),"
    "  (3, 1, '金奖', 1), (3, 2, '银奖', 2), (3, 3, '铜奖', 3), (3, 4, '优胜奖', 4);"

    /* Who may be put forward as 浙江省技术能手 (DOMAIN: first place, and second
     * place where an event had at least 20 entrants, at the province's
     * contest), dated so that a later rule is a new row. */
    "CREATE TABLE skills_competitions_expert_rule ("
    "  effective_from TEXT PRIMARY KEY CHECK (effective_from = date(effective_from)),"
    "  level TEXT NOT NULL CHECK (level IN ('county', 'city', 'provincial-selection', 'provincial')),"
    "  first_places INTEGER NOT NULL CHECK (first_places >= 0),"
    "  large_event_entrants INTEGER NOT NULL CHECK (large_event_entrants >= 1),"
    "  large_event_places INTEGER NOT NULL CHECK (large_event_places >= 0));"
    "INSERT INTO skills_competitions_expert_rule VALUES ('1900-01-01', 'provincial', 1, 20, 2);"

    /* Nominations of 残疾人工匠 and 浙江省技术能手, and their decisions. */
    "CREATE TABLE skills_competitions_nomination ("
    "  id INTEGER PRIMARY KEY,"
    "  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),"
    "  kind TEXT NOT NULL CHECK (kind IN ('craftsman', 'technical-expert')),"
    "  person_id INTEGER NOT NULL REFERENCES fz_person(id),"
    "  entrant_id INTEGER REFERENCES skills_competitions_entrant(id),"
    "  organization_id INTEGER REFERENCES fz_organization(id),"
    "  trade TEXT NOT NULL CHECK (length(trade) BETWEEN 1 AND 50),"
    "  nominated_by TEXT NOT NULL CHECK (length(nominated_by) BETWEEN 1 AND 100),"
    "  basis TEXT,"
    "  nominated TEXT NOT NULL CHECK (nominated = date(nominated)),"
    "  decision TEXT NOT NULL DEFAULT 'pending' CHECK (decision IN ('pending', 'selected', 'rejected')),"
    "  decided TEXT CHECK (decided IS NULL OR decided = date(decided)),"
    "  decision_note TEXT,"
    "  decided_by TEXT,"
    "  CHECK ((decision = 'pending') = (decided IS NULL)),"
    "  UNIQUE (year, kind, person_id));"
    "CREATE INDEX skills_competitions_nomination_person ON skills_competitions_nomination (person_id);" },
};

const guint fzp_skills_competitions_n_migrations = G_N_ELEMENTS (fzp_skills_competitions_migrations);
