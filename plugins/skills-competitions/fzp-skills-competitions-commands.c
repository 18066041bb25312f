/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-skills-competitions"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fzp-skills-competitions-commands.h"
#include "fzp-skills-competitions-documents.h"
#include "fzp-skills-competitions-import.h"

typedef int (*CommandFunc) (FzContext *context, int argc, char **argv, GError **error);

const FzCommandInfo fzp_skills_competitions_commands[] = {
  { "competitions", "", N_("List the competitions: id, name, level, dates, published or open, events") },
  { "add-competition", "NAME --level county|city|provincial-selection|provincial --from DATE [--to DATE] --organizer ORG [--venue V] [--county C]",
    N_("Add a competition") },
  { "set-competition", "COMPETITION [--name N] [--level L] [--from DATE] [--to DATE] [--organizer ORG] [--venue V] [--county C]",
    N_("Change a competition that is not published") },
  { "remove-competition", "COMPETITION", N_("Remove a competition that is not published, with its events and entrants") },
  { "events", "COMPETITION", N_("List a competition’s events: id, name, judges, rules, award scheme, entrants, awards") },
  { "add-event", "COMPETITION NAME --judges \"A,B,C\" [--max-score 100] [--preset NAME]",
    N_("Add an event with its judges (the first is the chief judge); its rules and awards come from a preset") },
  { "remove-event", "COMPETITION EVENT", N_("Remove an event of a competition that is not published") },
  { "set-rules", "COMPETITION EVENT [--rule mean|trimmed-mean] [--tie-break shared|chief-judge|untrimmed-mean] [--max-score S] [--judges \"A,B,C\"]",
    N_("Change an event’s scoring rule, tie-break, highest score or judges") },
  { "set-scheme", "COMPETITION EVENT --awards \"一等奖:10,二等奖:20,三等奖:30\" [--basis share|count] [--rounding half-up|floor|ceil]",
    N_("Change an event’s award scheme") },
  { "import-entrants", "COMPETITION FILE [--event EVENT]",
    N_("Enter the persons of a sheet (项目, 身份证号, 姓名, 参赛号, 县(市、区), 单位); all or nothing") },
  { "import-scores", "COMPETITION FILE [--event EVENT]",
    N_("Read the judges’ scores of a sheet (项目, 参赛号, 评委1, 评委2…, 缺赛); all or nothing") },
  { "export-scores", "COMPETITION FILE.xlsx|FILE.csv [--event EVENT]", N_("Write the entrants and scores to a sheet") },
  { "score", "COMPETITION EVENT NUMBER JUDGE SCORE", N_("Set one score (“-” clears it)") },
  { "absent", "COMPETITION EVENT NUMBER [--present]", N_("Mark an entrant absent, or present again") },
  { "withdraw", "COMPETITION EVENT NUMBER", N_("Take an entrant out of an event, with their scores") },
  { "results", "COMPETITION [--event EVENT]", N_("List the results: event, number, name, county, final score, rank, award") },
  { "compute-awards", "COMPETITION [--event EVENT]", N_("Compute the awards from the ranking and each event’s scheme") },
  { "change-award", "COMPETITION EVENT NUMBER AWARD|none --reason TEXT", N_("Change one award by hand; the reason is recorded") },
  { "publish", "COMPETITION", N_("Publish the results; after that nothing of the competition can change") },
  { "presets", "", N_("List the award scheme presets new events start with") },
  { "set-preset", "NAME --awards TIERS [--basis share|count] [--rounding R] [--rule R] [--tie-break T] [--default]",
    N_("Add or change a preset") },
  { "expert-rule", "[--on DATE]", N_("Show the rule for putting entrants forward as 浙江省技术能手") },
  { "set-expert-rule", "--from DATE [--level L] [--first-places N] [--large-entrants N] [--large-places N]",
    N_("Set that rule from a date on") },
  { "nominate", "ID-NUMBER --year Y --kind craftsman|technical-expert --trade T --by ORG [--competition C --event E --number N] [--grounds TEXT] [--organization ORG] [--date D]",
    N_("Nominate a person as 残疾人工匠 or 浙江省技术能手") },
  { "decide", "NOMINATION selected|rejected [--note TEXT] [--date D]", N_("Record the decision on a nomination") },
  { "nominations", "[--year Y]", N_("List the nominations: id, year, kind, name, trade, nominated by, decision") },
  { "certificate-prefix", "[PREFIX]", N_("Show or set the prefix of award certificate numbers") },
};

const guint fzp_skills_competitions_n_commands = G_N_ELEMENTS (fzp_skills_competitions_commands);

static const FzCommandTable command_table = {
  FZP_SKILLS_COMPETITIONS_ID, GETTEXT_PACKAGE,
  fzp_skills_competitions_commands, G_N_ELEMENTS (fzp_skills_competitions_commands)
};

static int
rejected (GError **error)
{
  return FZ_EXIT_REJECTED;
}

static gboolean
parse_max_score (const char  *text,
                 gint64      *max,
                 GError     **error)
{
  if (text == NULL)
    return TRUE;
  if (!fzp_skills_competitions_parse_score (text, FZP_SKILLS_COMPETITIONS_MAX_SCORE_LIMIT, max, error) || *max == 0)
    {
      g_clear_error (error);
      g_set_error (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
                   _("Highest score: “%s” is not a score above 0"), text);
      return FALSE;
    }
  return TRUE;
}

static GStrv
split_names (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *unified = NULL;
  g_auto(GStrv) parts = NULL;
  GString *s = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == 0xFF0C || c == 0x3001 || c == ';' || c == 0xFF1B)
        g_string_append_c (s, ',');
      else
        g_string_append_unichar (s, c);
    }
  unified = g_string_free (s, FALSE);
  parts = g_strsplit (unified, ",", -1);
  for (guint i = 0; parts[i]; i++)
    {
      g_autofree char *name = fz_normalize_text (parts[i]);
      if (*name)
        g_strv_builder_add (builder, name);
    }
  return g_strv_builder_end (builder);
}

static FzpSkillsCompetitionsCompetition *
competition_arg (FzContext   *context,
                 const char  *text,
                 GError     **error)
{
  return fzp_skills_competitions_find_competition (context, text, error);
}

static int
cmd_competitions (FzContext  *context,
                  int         argc,
                  char      **argv,
                  GError    **error)
{
  g_autoptr(GPtrArray) list = NULL;

  if (!fz_command_parse (&command_table, &argc, &argv, NULL, 0, 0, NULL))
    return fz_command_usage_error (&command_table, "competitions", NULL, error);
  list = fzp_skills_competitions_list_competitions (context, error);
  if (list == NULL)
    return rejected (error);
  for (guint i = 0; i < list->len; i++)
    {
      FzpSkillsCompetitionsCompetition *c = g_ptr_array_index (list, i);
      g_autoptr(GPtrArray) events = fzp_skills_competitions_list_events (context, c->id, error);

      if (events == NULL)
        return rejected (error);
      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\t%u\n", c->id, c->name,
               fzp_skills_competitions_level_to_nick (c->level), c->starts, c->ends,
               c->published ? "published" : "open", events->len);
    }
  return FZ_EXIT_OK;
}

static int
cmd_add_competition (FzContext  *context,
                     int         argc,
                     char      **argv,
                     GError    **error)
{
  g_autofree char *level = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *organizer = NULL;
  g_autofree char *venue = NULL;
  g_autofree char *county = NULL;
  GOptionEntry entries[] = {
    { "level", 0, 0, G_OPTION_ARG_STRING, &level, NULL, NULL },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, NULL, NULL },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, NULL, NULL },
    { "organizer", 0, 0, G_OPTION_ARG_STRING, &organizer, NULL, NULL },
    { "venue", 0, 0, G_OPTION_ARG_STRING, &venue, NULL, NULL },
    { "county", 0, 0, G_OPTION_ARG_STRING, &county, NULL, NULL },
    { NULL }
  };
  FzpSkillsCompetitionsCompetition c = { 0 };

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 1, 1, NULL) ||
      level == NULL || from == NULL || organizer == NULL)
    return fz_command_usage_error (&command_table, "add-competition", NULL, error);
  if (!fzp_skills_competitions_level_parse (level, &c.level))
    {
      g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE,
                   _("--level: “%s” should be county, city, provincial-selection or provincial"), level);
      return FZ_EXIT_USAGE;
    }
  c.name = argv[1];
  c.starts = from;
  c.ends = to;
  c.organizer = organizer;
  c.venue = venue;
  c.county_code = county;
  if (!fzp_skills_competitions_add_competition (context, &c, error))
    return rejected (error);
  g_print (_("Added competition %lld\n"), (long long) c.id);
  return FZ_EXIT_OK;
}

static int
cmd_set_competition (FzContext  *context,
                     int         argc,
                     char      **argv,
                     GError    **error)
{
  g_autofree char *name = NULL;
  g_autofree char *level = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *organizer = NULL;
  g_autofree char *venue = NULL;
  g_autofree char *county = NULL;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, NULL, NULL },
    { "level", 0, 0, G_OPTION_ARG_STRING, &level, NULL, NULL },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, NULL, NULL },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, NULL, NULL },
    { "organizer", 0, 0, G_OPTION_ARG_STRING, &organizer, NULL, NULL },
    { "venue", 0, 0, G_OPTION_ARG_STRING, &venue, NULL, NULL },
    { "county", 0, 0, G_OPTION_ARG_STRING, &county, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzpSkillsCompetitionsCompetition) c = NULL;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 1, 1, NULL))
    return fz_command_usage_error (&command_table, "set-competition", NULL, error);
  c = competition_arg (context, argv[1], error);
  if (c == NULL)
    return rejected (error);
  if (level && !fzp_skills_competitions_level_parse (level, &c->level))
    {
      g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE,
                   _("--level: “%s” should be county, city, provincial-selection or provincial"), level);
      return FZ_EXIT_USAGE;
    }
#define TAKE(field, value) if (value) { g_free (c->field); c->field = g_steal_pointer (&value); }
  TAKE (name, name);
  TAKE (starts, from);
  TAKE (ends, to);
  TAKE (organizer, organizer);
  TAKE (venue, venue);
  TAKE (county_code, county);
#undef TAKE
  if (!fzp_skills_competitions_update_competition (context, c, error))
    return rejected (error);
  return FZ_EXIT_OK;
}

static int
cmd_remove (FzContext  *context,
            int         argc,
            char      **argv,
            GError    **error)
{
  gboolean event = g_str_equal (argv[0], "remove-event");
  g_autoptr(FzpSkillsCompetitionsCompetition) competition = NULL;
  g_autoptr(FzpSkillsCompetitionsEvent) found = NULL;

  if (!fz_command_parse (&command_table, &argc, &argv, NULL, event ? 2 : 1, event ? 2 : 1, NULL))
    return fz_command_usage_error (&command_table, event ? "remove-event" : "remove-competition", NULL, error);
  competition = competition_arg (context, argv[1], error);
  if (competition == NULL)
    return rejected (error);
  if (!event)
    return fzp_skills_competitions_delete_competition (context, competition->id, error) ? FZ_EXIT_OK : rejected (error);
  found = fzp_skills_competitions_find_event (context, competition->id, argv[2], error);
  if (found == NULL || !fzp_skills_competitions_delete_event (context, found->id, error))
    return rejected (error);
  return FZ_EXIT_OK;
}

static int
cmd_events (FzContext  *context,
            int         argc,
            char      **argv,
            GError    **error)
{
  g_autoptr(FzpSkillsCompetitionsCompetition) competition = NULL;
  g_autoptr(GPtrArray) events = NULL;

  if (!fz_command_parse (&command_table, &argc, &argv, NULL, 1, 1, NULL))
    return fz_command_usage_error (&command_table, "events", NULL, error);
  competition = competition_arg (context, argv[1], error);
  events = competition ? fzp_skills_competitions_list_events (context, competition->id, error) : NULL;
  if (events == NULL)
    return rejected (error);
  for (guint i = 0; i < events->len; i++)
    {
      FzpSkillsCompetitionsEvent *e = g_ptr_array_index (events, i);
      g_autoptr(GPtrArray) entrants = fzp_skills_competitions_list_entrants (context, e->id, error);
      g_autofree char *judges = g_strjoinv (",", e->judges);
      g_autofree char *max = fzp_skills_competitions_format_score (e->max_score);
      g_autofree char *scheme_text = NULL;
      FzpSkillsCompetitionsScheme scheme;

      if (entrants == NULL)
        return rejected (error);
      fzp_skills_competitions_event_get_scheme (e, &scheme);
      scheme_text = fzp_skills_competitions_scheme_describe (&scheme, FALSE);
      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\t%s\t%u\t%s\n", e->id, e->name, judges,
               fzp_skills_competitions_rule_to_nick (e->rule), fzp_skills_competitions_tie_break_to_nick (e->tie_break),
               max, scheme_text, entrants->len, e->awards_computed ? "awards" : "no-awards");
    }
  return FZ_EXIT_OK;
}

static int
cmd_add_event (FzContext  *context,
               int         argc,
               char      **argv,
               GError    **error)
{
  g_autofree char *judges = NULL;
  g_autofree char *max_text = NULL;
  g_autofree char *preset = NULL;
  GOptionEntry entries[] = {
    { "judges", 0, 0, G_OPTION_ARG_STRING, &judges, NULL, NULL },
    { "max-score", 0, 0, G_OPTION_ARG_STRING, &max_text, NULL, NULL },
    { "preset", 0, 0, G_OPTION_ARG_STRING, &preset, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzpSkillsCompetitionsCompetition) competition = NULL;
  g_auto(GStrv) names = NULL;
  gint64 max = 10000;
  gint64 id;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 2, 2, NULL) || judges == NULL)
    return fz_command_usage_error (&command_table, "add-event", NULL, error);
  if (!parse_max_score (max_text, &max, error))
    return rejected (error);
  competition = competition_arg (context, argv[1], error);
  if (competition == NULL)
    return rejected (error);
  names = split_names (judges);
  id = fzp_skills_competitions_add_event (context, competition->id, argv[2], (const char * const *) names, max, preset, error);
  if (id == 0)
    return rejected (error);
  g_print (_("Added event %lld\n"), (long long) id);
  return FZ_EXIT_OK;
}

static FzpSkillsCompetitionsEvent *
event_arg (FzContext                          *context,
           const char                         *competition_text,
           const char                         *event_text,
           FzpSkillsCompetitionsCompetition  **out_competition,
           GError                            **error)
{
  g_autoptr(FzpSkillsCompetitionsCompetition) competition = competition_arg (context, competition_text, error);
  FzpSkillsCompetitionsEvent *event;

  if (competition == NULL)
    return NULL;
  event = fzp_skills_competitions_find_event (context, competition->id, event_text, error);
  if (event && out_competition)
    *out_competition = g_steal_pointer (&competition);
  return event;
}

static int
cmd_set_rules (FzContext  *context,
               int         argc,
               char      **argv,
               GError    **error)
{
  g_autofree char *rule_text = NULL;
  g_autofree char *tie_text = NULL;
  g_autofree char *max_text = NULL;
  g_autofree char *judges = NULL;
  GOptionEntry entries[] = {
    { "rule", 0, 0, G_OPTION_ARG_STRING, &rule_text, NULL, NULL },
    { "tie-break", 0, 0, G_OPTION_ARG_STRING, &tie_text, NULL, NULL },
    { "max-score", 0, 0, G_OPTION_ARG_STRING, &max_text, NULL, NULL },
    { "judges", 0, 0, G_OPTION_ARG_STRING, &judges, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzpSkillsCompetitionsEvent) event = NULL;
  FzDatabase *db = fz_context_get_database (context);
  FzpSkillsCompetitionsScoreRule rule;
  FzpSkillsCompetitionsTieBreak tie_break;
  gint64 max;
  gboolean ok;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 2, 2, NULL) ||
      (!rule_text && !tie_text && !max_text && !judges))
    return fz_command_usage_error (&command_table, "set-rules", NULL, error);
  event = event_arg (context, argv[1], argv[2], NULL, error);
  if (event == NULL)
    return rejected (error);
  rule = event->rule;
  tie_break = event->tie_break;
  max = event->max_score;
  if (rule_text && !fzp_skills_competitions_rule_parse (rule_text, &rule))
    {
      g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE, _("--rule: “%s” should be mean or trimmed-mean"), rule_text);
      return FZ_EXIT_USAGE;
    }
  if (tie_text && !fzp_skills_competitions_tie_break_parse (tie_text, &tie_break))
    {
      g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE,
                   _("--tie-break: “%s” should be shared, chief-judge or untrimmed-mean"), tie_text);
      return FZ_EXIT_USAGE;
    }
  if (!parse_max_score (max_text, &max, error))
    return rejected (error);
  /* Judges and rules change together: fewer judges may need the plain mean. */
  if (!fz_database_begin (db, error))
    return rejected (error);
  ok = TRUE;
  if (judges)
    {
      g_auto(GStrv) names = split_names (judges);
      if (rule != event->rule)
        ok = fzp_skills_competitions_set_event_rules (context, event->id, FZP_SKILLS_COMPETITIONS_RULE_MEAN, tie_break,
                                                      max, error);
      ok = ok && fzp_skills_competitions_set_judges (context, event->id, (const char * const *) names, error);
    }
  ok = ok && fzp_skills_competitions_set_event_rules (context, event->id, rule, tie_break, max, error);
  if (!ok)
    {
      fz_database_rollback (db);
      return rejected (error);
    }
  if (!fz_database_commit (db, error))
    return rejected (error);
  return FZ_EXIT_OK;
}

static gboolean
read_scheme (const char                     *awards,
             const char                     *basis_text,
             const char                     *rounding_text,
             FzpSkillsCompetitionsBasis      default_basis,
             FzpSkillsCompetitionsRounding   default_rounding,
             FzpSkillsCompetitionsScheme    *scheme,
             GStrv                          *names,
             double                        **amounts,
             int                            *status,
             GError                        **error)
{
  scheme->basis = default_basis;
  scheme->rounding = default_rounding;
  if (basis_text && !fzp_skills_competitions_basis_parse (basis_text, &scheme->basis))
    {
      g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE, _("--basis: “%s” should be share or count"), basis_text);
      *status = FZ_EXIT_USAGE;
      return FALSE;
    }
  if (rounding_text && !fzp_skills_competitions_rounding_parse (rounding_text, &scheme->rounding))
    {
      g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE,
                   _("--rounding: “%s” should be half-up, floor or ceil"), rounding_text);
      *status = FZ_EXIT_USAGE;
      return FALSE;
    }
  scheme->n_tiers = fzp_skills_competitions_parse_tiers (awards, names, amounts, error);
  if (scheme->n_tiers == 0)
    {
      *status = FZ_EXIT_REJECTED;
      return FALSE;
    }
  scheme->awards = (const char * const *) *names;
  scheme->amounts = *amounts;
  return TRUE;
}

static int
cmd_set_scheme (FzContext  *context,
                int         argc,
                char      **argv,
                GError    **error)
{
  g_autofree char *awards = NULL;
  g_autofree char *basis = NULL;
  g_autofree char *rounding = NULL;
  GOptionEntry entries[] = {
    { "awards", 0, 0, G_OPTION_ARG_STRING, &awards, NULL, NULL },
    { "basis", 0, 0, G_OPTION_ARG_STRING, &basis, NULL, NULL },
    { "rounding", 0, 0, G_OPTION_ARG_STRING, &rounding, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzpSkillsCompetitionsEvent) event = NULL;
  g_auto(GStrv) names = NULL;
  g_autofree double *amounts = NULL;
  FzpSkillsCompetitionsScheme scheme;
  int status = FZ_EXIT_OK;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 2, 2, NULL) || awards == NULL)
    return fz_command_usage_error (&command_table, "set-scheme", NULL, error);
  event = event_arg (context, argv[1], argv[2], NULL, error);
  if (event == NULL)
    return rejected (error);
  if (!read_scheme (awards, basis, rounding, event->basis, event->rounding, &scheme, &names, &amounts, &status, error))
    return status;
  if (!fzp_skills_competitions_set_event_scheme (context, event->id, &scheme, error))
    return rejected (error);
  return FZ_EXIT_OK;
}

static void
print_problems (FzpSkillsCompetitionsImportReport *report)
{
  for (guint i = 0; report && i < report->problems->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (report->problems, i));
}

static int
cmd_import (FzContext  *context,
            int         argc,
            char      **argv,
            GError    **error)
{
  g_autofree char *event_text = NULL;
  GOptionEntry entries[] = {
    { "event", 0, 0, G_OPTION_ARG_STRING, &event_text, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzpSkillsCompetitionsCompetition) competition = NULL;
  g_autoptr(FzpSkillsCompetitionsEvent) event = NULL;
  g_autoptr(FzpSkillsCompetitionsImportReport) report = NULL;
  gboolean scores = g_str_equal (argv[0], "import-scores");
  const char *verb = argv[0];
  gboolean ok;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 2, 2, NULL))
    return fz_command_usage_error (&command_table, verb, NULL, error);
  competition = competition_arg (context, argv[1], error);
  if (competition == NULL)
    return rejected (error);
  if (event_text)
    {
      event = fzp_skills_competitions_find_event (context, competition->id, event_text, error);
      if (event == NULL)
        return rejected (error);
    }
  if (scores)
    ok = fzp_skills_competitions_import_scores (context, competition->id, event ? event->id : 0, argv[2], &report, error);
  else
    ok = fzp_skills_competitions_import_entrants (context, competition->id, event ? event->id : 0, argv[2], &report, error);
  print_problems (report);
  if (!ok)
    return rejected (error);
  if (scores)
    g_print (_("%s: %u rows, %u changed, %u unchanged\n"), argv[2], report->rows, report->updated, report->unchanged);
  else
    g_print (_("%s: %u entered, %u updated, %u unchanged\n"), argv[2], report->added, report->updated, report->unchanged);
  return FZ_EXIT_OK;
}

static int
cmd_export_scores (FzContext  *context,
                   int         argc,
                   char      **argv,
                   GError    **error)
{
  g_autofree char *event_text = NULL;
  GOptionEntry entries[] = {
    { "event", 0, 0, G_OPTION_ARG_STRING, &event_text, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzpSkillsCompetitionsCompetition) competition = NULL;
  g_autoptr(FzpSkillsCompetitionsEvent) event = NULL;
  FzTableFormat format;
  guint n = 0;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 2, 2, NULL))
    return fz_command_usage_error (&command_table, "export-scores", NULL, error);
  if (!fz_table_format_from_path (argv[2], &format, error))
    {
      g_autofree char *message = g_strdup ((*error)->message);
      g_clear_error (error);
      g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE, "%s", message);
      return FZ_EXIT_USAGE;
    }
  competition = competition_arg (context, argv[1], error);
  if (competition == NULL)
    return rejected (error);
  if (event_text)
    {
      event = fzp_skills_competitions_find_event (context, competition->id, event_text, error);
      if (event == NULL)
        return rejected (error);
    }
  if (!fzp_skills_competitions_export_scores (context, competition->id, event ? event->id : 0, argv[2], &n, error))
    return rejected (error);
  g_print (_("Wrote %u entrants to %s\n"), n, argv[2]);
  return FZ_EXIT_OK;
}

static gint64
entrant_arg (FzContext   *context,
             const char  *competition_text,
             const char  *event_text,
             const char  *number_text,
             GError     **error)
{
  g_autoptr(FzpSkillsCompetitionsEvent) event = event_arg (context, competition_text, event_text, NULL, error);
  guint64 number = 0;

  if (event == NULL)
    return 0;
  if (!g_ascii_string_to_unsigned (number_text, 10, 1, 99999, &number, NULL))
    {
      g_set_error (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
                   _("Number: “%s” is not an entrant’s number"), number_text);
      return 0;
    }
  return fzp_skills_competitions_find_entrant (context, event->id, (guint) number, error);
}

static int
cmd_score (FzContext  *context,
           int         argc,
           char      **argv,
           GError    **error)
{
  g_autoptr(FzpSkillsCompetitionsEvent) event = NULL;
  guint64 seat = 0;
  gint64 entrant;
  gint64 score;

  if (!fz_command_parse (&command_table, &argc, &argv, NULL, 5, 5, NULL))
    return fz_command_usage_error (&command_table, "score", NULL, error);
  entrant = entrant_arg (context, argv[1], argv[2], argv[3], error);
  if (entrant == 0)
    return rejected (error);
  event = event_arg (context, argv[1], argv[2], NULL, error);
  if (!g_ascii_string_to_unsigned (argv[4], 10, 1, 15, &seat, NULL))
    {
      g_set_error (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
                   _("Judge: “%s” is not a judge’s number"), argv[4]);
      return rejected (error);
    }
  if (g_str_equal (argv[5], "-"))
    return fzp_skills_competitions_set_score (context, entrant, (guint) seat, NULL, error) ? FZ_EXIT_OK : rejected (error);
  if (!fzp_skills_competitions_parse_score (argv[5], event->max_score, &score, error))
    {
      g_prefix_error (error, _("Score: "));
      return rejected (error);
    }
  return fzp_skills_competitions_set_score (context, entrant, (guint) seat, &score, error) ? FZ_EXIT_OK : rejected (error);
}

static int
cmd_absent (FzContext  *context,
            int         argc,
            char      **argv,
            GError    **error)
{
  gboolean present = FALSE;
  GOptionEntry entries[] = {
    { "present", 0, 0, G_OPTION_ARG_NONE, &present, NULL, NULL },
    { NULL }
  };
  gint64 entrant;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 3, 3, NULL))
    return fz_command_usage_error (&command_table, "absent", NULL, error);
  entrant = entrant_arg (context, argv[1], argv[2], argv[3], error);
  if (entrant == 0 || !fzp_skills_competitions_set_absent (context, entrant, !present, error))
    return rejected (error);
  return FZ_EXIT_OK;
}

static int
cmd_withdraw (FzContext  *context,
              int         argc,
              char      **argv,
              GError    **error)
{
  gint64 entrant;

  if (!fz_command_parse (&command_table, &argc, &argv, NULL, 3, 3, NULL))
    return fz_command_usage_error (&command_table, "withdraw", NULL, error);
  entrant = entrant_arg (context, argv[1], argv[2], argv[3], error);
  if (entrant == 0 || !fzp_skills_competitions_withdraw (context, entrant, error))
    return rejected (error);
  return FZ_EXIT_OK;
}

/* The events a command with --event works on: that one or all. */
static GPtrArray *
events_arg (FzContext                          *context,
            const char                         *competition_text,
            const char                         *event_text,
            FzpSkillsCompetitionsCompetition  **competition,
            GError                            **error)
{
  *competition = competition_arg (context, competition_text, error);
  if (*competition == NULL)
    return NULL;
  if (event_text)
    {
      FzpSkillsCompetitionsEvent *event = fzp_skills_competitions_find_event (context, (*competition)->id, event_text, error);
      GPtrArray *list;

      if (event == NULL)
        return NULL;
      list = g_ptr_array_new_with_free_func ((GDestroyNotify) fzp_skills_competitions_event_free);
      g_ptr_array_add (list, event);
      return list;
    }
  return fzp_skills_competitions_list_events (context, (*competition)->id, error);
}

static int
cmd_results (FzContext  *context,
             int         argc,
             char      **argv,
             GError    **error)
{
  g_autofree char *event_text = NULL;
  GOptionEntry entries[] = {
    { "event", 0, 0, G_OPTION_ARG_STRING, &event_text, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzpSkillsCompetitionsCompetition) competition = NULL;
  g_autoptr(GPtrArray) events = NULL;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 1, 1, NULL))
    return fz_command_usage_error (&command_table, "results", NULL, error);
  events = events_arg (context, argv[1], event_text, &competition, error);
  if (events == NULL)
    return rejected (error);
  for (guint i = 0; i < events->len; i++)
    {
      FzpSkillsCompetitionsEvent *event = g_ptr_array_index (events, i);
      g_autoptr(GPtrArray) entrants = fzp_skills_competitions_list_entrants (context, event->id, error);

      if (entrants == NULL)
        return rejected (error);
      for (guint k = 0; k < entrants->len; k++)
        {
          FzpSkillsCompetitionsEntrant *e = g_ptr_array_index (entrants, k);
          g_autofree char *final = e->absent ? g_strdup ("absent")
                                   : e->has_final ? fzp_skills_competitions_format_score (e->final_score) : g_strdup ("");
          g_autofree char *rank = e->rank ? g_strdup_printf ("%u", e->rank) : g_strdup ("");

          g_print ("%s\t%u\t%s\t%s\t%s\t%s\t%s%s\n", event->name, e->number, e->name, e->county_name, final, rank,
                   e->award ? e->award : "", e->award_manual ? "*" : "");
        }
    }
  return FZ_EXIT_OK;
}

static int
cmd_compute_awards (FzContext  *context,
                    int         argc,
                    char      **argv,
                    GError    **error)
{
  g_autofree char *event_text = NULL;
  GOptionEntry entries[] = {
    { "event", 0, 0, G_OPTION_ARG_STRING, &event_text, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzpSkillsCompetitionsCompetition) competition = NULL;
  g_autoptr(GPtrArray) events = NULL;
  FzDatabase *db = fz_context_get_database (context);

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 1, 1, NULL))
    return fz_command_usage_error (&command_table, "compute-awards", NULL, error);
  events = events_arg (context, argv[1], event_text, &competition, error);
  if (events == NULL)
    return rejected (error);
  /* All events or none. */
  if (!fz_database_begin (db, error))
    return rejected (error);
  for (guint i = 0; i < events->len; i++)
    {
      FzpSkillsCompetitionsEvent *event = g_ptr_array_index (events, i);
      if (!fzp_skills_competitions_compute_awards (context, event->id, error))
        {
          fz_database_rollback (db);
          return rejected (error);
        }
    }
  if (!fz_database_commit (db, error))
    return rejected (error);
  for (guint i = 0; i < events->len; i++)
    {
      FzpSkillsCompetitionsEvent *event = g_ptr_array_index (events, i);
      g_autoptr(GPtrArray) entrants = fzp_skills_competitions_list_entrants (context, event->id, error);
      guint n = 0;

      if (entrants == NULL)
        return rejected (error);
      for (guint k = 0; k < entrants->len; k++)
        n += ((FzpSkillsCompetitionsEntrant *) g_ptr_array_index (entrants, k))->award != NULL;
      g_print (_("%s: %u awards for %u entrants\n"), event->name, n, entrants->len);
    }
  return FZ_EXIT_OK;
}

static int
cmd_change_award (FzContext  *context,
                  int         argc,
                  char      **argv,
                  GError    **error)
{
  g_autofree char *reason = NULL;
  GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, NULL, NULL },
    { NULL }
  };
  const char *award;
  gint64 entrant;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 4, 4, NULL) || reason == NULL)
    return fz_command_usage_error (&command_table, "change-award", NULL, error);
  award = argv[4];
  if (g_str_equal (award, "none") || g_str_equal (award, "无"))
    award = NULL;
  entrant = entrant_arg (context, argv[1], argv[2], argv[3], error);
  if (entrant == 0 || !fzp_skills_competitions_change_award (context, entrant, award, reason, error))
    return rejected (error);
  return FZ_EXIT_OK;
}

static int
cmd_publish (FzContext  *context,
             int         argc,
             char      **argv,
             GError    **error)
{
  g_autoptr(FzpSkillsCompetitionsCompetition) competition = NULL;

  if (!fz_command_parse (&command_table, &argc, &argv, NULL, 1, 1, NULL))
    return fz_command_usage_error (&command_table, "publish", NULL, error);
  competition = competition_arg (context, argv[1], error);
  if (competition == NULL || !fzp_skills_competitions_publish (context, competition->id, error))
    return rejected (error);
  g_print (_("Published the results of %s\n"), competition->name);
  return FZ_EXIT_OK;
}

static int
cmd_presets (FzContext  *context,
             int         argc,
             char      **argv,
             GError    **error)
{
  g_autoptr(GPtrArray) presets = NULL;

  if (!fz_command_parse (&command_table, &argc, &argv, NULL, 0, 0, NULL))
    return fz_command_usage_error (&command_table, "presets", NULL, error);
  presets = fzp_skills_competitions_list_presets (context, error);
  if (presets == NULL)
    return rejected (error);
  for (guint i = 0; i < presets->len; i++)
    {
      FzpSkillsCompetitionsPreset *p = g_ptr_array_index (presets, i);
      FzpSkillsCompetitionsScheme scheme;
      g_autofree char *text = NULL;

      fzp_skills_competitions_preset_get_scheme (p, &scheme);
      text = fzp_skills_competitions_scheme_describe (&scheme, FALSE);
      g_print ("%s\t%s\t%s\t%s\t%s%s\n", p->name, fzp_skills_competitions_basis_to_nick (p->basis), text,
               fzp_skills_competitions_rule_to_nick (p->rule), fzp_skills_competitions_tie_break_to_nick (p->tie_break),
               p->is_default ? "\tdefault" : "");
    }
  return FZ_EXIT_OK;
}

static int
cmd_set_preset (FzContext  *context,
                int         argc,
                char      **argv,
                GError    **error)
{
  g_autofree char *awards = NULL;
  g_autofree char *basis = NULL;
  g_autofree char *rounding = NULL;
  g_autofree char *rule = NULL;
  g_autofree char *tie = NULL;
  gboolean is_default = FALSE;
  GOptionEntry entries[] = {
    { "awards", 0, 0, G_OPTION_ARG_STRING, &awards, NULL, NULL },
    { "basis", 0, 0, G_OPTION_ARG_STRING, &basis, NULL, NULL },
    { "rounding", 0, 0, G_OPTION_ARG_STRING, &rounding, NULL, NULL },
    { "rule", 0, 0, G_OPTION_ARG_STRING, &rule, NULL, NULL },
    { "tie-break", 0, 0, G_OPTION_ARG_STRING, &tie, NULL, NULL },
    { "default", 0, 0, G_OPTION_ARG_NONE, &is_default, NULL, NULL },
    { NULL }
  };
  g_auto(GStrv) names = NULL;
  g_autofree double *amounts = NULL;
  FzpSkillsCompetitionsScheme scheme;
  FzpSkillsCompetitionsPreset preset = { 0 };
  int status = FZ_EXIT_OK;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 1, 1, NULL) || awards == NULL)
    return fz_command_usage_error (&command_table, "set-preset", NULL, error);
  preset.rule = FZP_SKILLS_COMPETITIONS_RULE_TRIMMED_MEAN;
  preset.tie_break = FZP_SKILLS_COMPETITIONS_TIE_CHIEF_JUDGE;
  if (rule && !fzp_skills_competitions_rule_parse (rule, &preset.rule))
    {
      g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE, _("--rule: “%s” should be mean or trimmed-mean"), rule);
      return FZ_EXIT_USAGE;
    }
  if (tie && !fzp_skills_competitions_tie_break_parse (tie, &preset.tie_break))
    {
      g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE,
                   _("--tie-break: “%s” should be shared, chief-judge or untrimmed-mean"), tie);
      return FZ_EXIT_USAGE;
    }
  if (!read_scheme (awards, basis, rounding, FZP_SKILLS_COMPETITIONS_BASIS_SHARE, FZP_SKILLS_COMPETITIONS_ROUND_HALF_UP,
                    &scheme, &names, &amounts, &status, error))
    return status;
  preset.name = argv[1];
  preset.basis = scheme.basis;
  preset.rounding = scheme.rounding;
  preset.n_tiers = scheme.n_tiers;
  preset.awards = names;
  preset.amounts = amounts;
  preset.is_default = is_default;
  if (!fzp_skills_competitions_save_preset (context, &preset, error))
    return rejected (error);
  return FZ_EXIT_OK;
}

static int
cmd_expert_rule (FzContext  *context,
                 int         argc,
                 char      **argv,
                 GError    **error)
{
  g_autofree char *on = NULL;
  GOptionEntry entries[] = {
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, NULL, NULL },
    { NULL }
  };
  g_autofree char *day = NULL;
  FzpSkillsCompetitionsExpertRule rule;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 0, 0, NULL))
    return fz_command_usage_error (&command_table, "expert-rule", NULL, error);
  if (on)
    day = fzp_skills_competitions_check_date (on, "--on", error);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      day = g_date_time_format (now, "%Y-%m-%d");
    }
  if (day == NULL || !fzp_skills_competitions_get_expert_rule (context, day, &rule, error))
    return rejected (error);
  g_print ("%s\t%s\tfirst-places=%u\tlarge-entrants=%u\tlarge-places=%u\n", day,
           fzp_skills_competitions_level_to_nick (rule.level), rule.first_places, rule.large_event_entrants,
           rule.large_event_places);
  return FZ_EXIT_OK;
}

static int
cmd_set_expert_rule (FzContext  *context,
                     int         argc,
                     char      **argv,
                     GError    **error)
{
  g_autofree char *from = NULL;
  g_autofree char *level = NULL;
  int first = -1, large = -1, places = -1;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, NULL, NULL },
    { "level", 0, 0, G_OPTION_ARG_STRING, &level, NULL, NULL },
    { "first-places", 0, 0, G_OPTION_ARG_INT, &first, NULL, NULL },
    { "large-entrants", 0, 0, G_OPTION_ARG_INT, &large, NULL, NULL },
    { "large-places", 0, 0, G_OPTION_ARG_INT, &places, NULL, NULL },
    { NULL }
  };
  g_autofree char *day = NULL;
  FzpSkillsCompetitionsExpertRule rule;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 0, 0, NULL) ||
      from == NULL || first < -1 || large < -1 || places < -1)
    return fz_command_usage_error (&command_table, "set-expert-rule", NULL, error);
  day = fzp_skills_competitions_check_date (from, "--from", error);
  /* Start from the rule in force then, and change what is given. */
  if (day == NULL || !fzp_skills_competitions_get_expert_rule (context, day, &rule, error))
    return rejected (error);
  if (level && !fzp_skills_competitions_level_parse (level, &rule.level))
    {
      g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE,
                   _("--level: “%s” should be county, city, provincial-selection or provincial"), level);
      return FZ_EXIT_USAGE;
    }
  if (first >= 0)
    rule.first_places = (guint) first;
  if (large >= 0)
    rule.large_event_entrants = (guint) large;
  if (places >= 0)
    rule.large_event_places = (guint) places;
  if (!fzp_skills_competitions_set_expert_rule (context, day, &rule, error))
    return rejected (error);
  return FZ_EXIT_OK;
}

static int
cmd_nominate (FzContext  *context,
              int         argc,
              char      **argv,
              GError    **error)
{
  int year = 0;
  g_autofree char *kind = NULL;
  g_autofree char *trade = NULL;
  g_autofree char *by = NULL;
  g_autofree char *competition = NULL;
  g_autofree char *event = NULL;
  g_autofree char *number = NULL;
  g_autofree char *grounds = NULL;
  g_autofree char *organization = NULL;
  g_autofree char *date = NULL;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, &year, NULL, NULL },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, NULL, NULL },
    { "trade", 0, 0, G_OPTION_ARG_STRING, &trade, NULL, NULL },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, NULL, NULL },
    { "competition", 0, 0, G_OPTION_ARG_STRING, &competition, NULL, NULL },
    { "event", 0, 0, G_OPTION_ARG_STRING, &event, NULL, NULL },
    { "number", 0, 0, G_OPTION_ARG_STRING, &number, NULL, NULL },
    { "grounds", 0, 0, G_OPTION_ARG_STRING, &grounds, NULL, NULL },
    { "organization", 0, 0, G_OPTION_ARG_STRING, &organization, NULL, NULL },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzPerson) person = NULL;
  FzpSkillsCompetitionsNomination m = { 0 };

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 1, 1, NULL) ||
      year == 0 || kind == NULL || trade == NULL || by == NULL ||
      (competition || event || number) != (competition && event && number))
    return fz_command_usage_error (&command_table, "nominate", NULL, error);
  if (!fzp_skills_competitions_nomination_parse (kind, &m.kind))
    {
      g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE,
                   _("--kind: “%s” should be craftsman or technical-expert"), kind);
      return FZ_EXIT_USAGE;
    }
  person = fzp_skills_competitions_find_person (context, argv[1], error);
  if (person == NULL)
    return rejected (error);
  if (competition)
    {
      m.entrant_id = entrant_arg (context, competition, event, number, error);
      if (m.entrant_id == 0)
        return rejected (error);
    }
  if (organization)
    {
      m.organization_id = fzp_skills_competitions_find_organization (context, organization, error);
      if (m.organization_id == 0)
        return rejected (error);
    }
  m.year = year;
  m.person_id = fz_person_get_id (person);
  m.trade = trade;
  m.nominated_by = by;
  m.basis = grounds;
  m.nominated = date;
  if (!fzp_skills_competitions_nominate (context, &m, error))
    return rejected (error);
  g_print (_("Added nomination %lld\n"), (long long) m.id);
  return FZ_EXIT_OK;
}

static int
cmd_decide (FzContext  *context,
            int         argc,
            char      **argv,
            GError    **error)
{
  g_autofree char *note = NULL;
  g_autofree char *date = NULL;
  GOptionEntry entries[] = {
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, NULL, NULL },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, NULL, NULL },
    { NULL }
  };
  FzpSkillsCompetitionsDecision decision;
  gint64 id = 0;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 2, 2, NULL) ||
      !g_ascii_string_to_signed (argv[1], 10, 1, G_MAXINT64, &id, NULL))
    return fz_command_usage_error (&command_table, "decide", NULL, error);
  if (!fzp_skills_competitions_decision_parse (argv[2], &decision) || decision == FZP_SKILLS_COMPETITIONS_DECISION_PENDING)
    {
      g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE, _("“%s” should be selected or rejected"), argv[2]);
      return FZ_EXIT_USAGE;
    }
  if (!fzp_skills_competitions_decide (context, id, decision, date, note, error))
    return rejected (error);
  return FZ_EXIT_OK;
}

static int
cmd_nominations (FzContext  *context,
                 int         argc,
                 char      **argv,
                 GError    **error)
{
  int year = 0;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, &year, NULL, NULL },
    { NULL }
  };
  g_autoptr(GPtrArray) list = NULL;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 0, 0, NULL))
    return fz_command_usage_error (&command_table, "nominations", NULL, error);
  list = fzp_skills_competitions_list_nominations (context, year, error);
  if (list == NULL)
    return rejected (error);
  for (guint i = 0; i < list->len; i++)
    {
      FzpSkillsCompetitionsNomination *m = g_ptr_array_index (list, i);
      g_print ("%" G_GINT64_FORMAT "\t%d\t%s\t%s\t%s\t%s\t%s\t%s\n", m->id, m->year,
               fzp_skills_competitions_nomination_to_nick (m->kind), m->name, m->trade, m->nominated_by,
               fzp_skills_competitions_decision_to_nick (m->decision), m->result ? m->result : "");
    }
  return FZ_EXIT_OK;
}

static int
cmd_certificate_prefix (FzContext  *context,
                        int         argc,
                        char      **argv,
                        GError    **error)
{
  g_autofree char *prefix = NULL;

  if (!fz_command_parse (&command_table, &argc, &argv, NULL, 0, 1, NULL))
    return fz_command_usage_error (&command_table, "certificate-prefix", NULL, error);
  if (argc == 1)
    {
      prefix = fzp_skills_competitions_dup_certificate_prefix (context);
      g_print ("%s\n", prefix);
      return FZ_EXIT_OK;
    }
  prefix = fz_normalize_number (argv[1]);
  if (*prefix == '\0' || strlen (prefix) > 12 || strspn (prefix, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") != strlen (prefix))
    {
      g_set_error (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
                   _("Prefix: 1 to 12 letters A-Z and digits, not “%s”"), argv[1]);
      return rejected (error);
    }
  if (!fz_context_set_value (context, FZP_SKILLS_COMPETITIONS_ID, "certificate-prefix", prefix, error))
    return rejected (error);
  return FZ_EXIT_OK;
}

static const struct {
  const char  *name;
  CommandFunc  func;
} handlers[] = {
  { "competitions", cmd_competitions },
  { "add-competition", cmd_add_competition },
  { "set-competition", cmd_set_competition },
  { "remove-competition", cmd_remove },
  { "remove-event", cmd_remove },
  { "events", cmd_events },
  { "add-event", cmd_add_event },
  { "set-rules", cmd_set_rules },
  { "set-scheme", cmd_set_scheme },
  { "import-entrants", cmd_import },
  { "import-scores", cmd_import },
  { "export-scores", cmd_export_scores },
  { "score", cmd_score },
  { "absent", cmd_absent },
  { "withdraw", cmd_withdraw },
  { "results", cmd_results },
  { "compute-awards", cmd_compute_awards },
  { "change-award", cmd_change_award },
  { "publish", cmd_publish },
  { "presets", cmd_presets },
  { "set-preset", cmd_set_preset },
  { "expert-rule", cmd_expert_rule },
  { "set-expert-rule", cmd_set_expert_rule },
  { "nominate", cmd_nominate },
  { "decide", cmd_decide },
  { "nominations", cmd_nominations },
  { "certificate-prefix", cmd_certificate_prefix },
};

int
fzp_skills_competitions_run_command (FzContext  *context,
                                     int         argc,
                                     char      **argv,
                                     GError    **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (handlers); i++)
    if (g_str_equal (argv[0], handlers[i].name))
      {
        /* GOptionContext rearranges argv: work on a copy. */
        g_auto(GStrv) copy = g_strdupv (argv);
        char **args = g_memdup2 (copy, sizeof (char *) * (guint) (argc + 1));
        int status = handlers[i].func (context, argc, args, error);

        g_free (args);
        return status;
      }
  g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE, _("Unknown command “%s”"), argv[0]);
  return FZ_EXIT_USAGE;
}
