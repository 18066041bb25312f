/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-skills-competitions"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fzp-skills-competitions-data.h"

#define COMPETITION_COLUMNS \
  "id, name, level, county_code, starts, ends, venue, organizer, published, published_by"

void
fzp_skills_competitions_competition_free (FzpSkillsCompetitionsCompetition *competition)
{
  if (competition == NULL)
    return;
  g_free (competition->name);
  g_free (competition->county_code);
  g_free (competition->starts);
  g_free (competition->ends);
  g_free (competition->venue);
  g_free (competition->organizer);
  g_free (competition->published);
  g_free (competition->published_by);
  g_free (competition);
}

void
fzp_skills_competitions_event_free (FzpSkillsCompetitionsEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->name);
  g_strfreev (event->awards);
  g_free (event->amounts);
  g_strfreev (event->judges);
  g_free (event);
}

void
fzp_skills_competitions_event_get_scheme (const FzpSkillsCompetitionsEvent *event,
                                          FzpSkillsCompetitionsScheme      *scheme)
{
  scheme->basis = event->basis;
  scheme->rounding = event->rounding;
  scheme->n_tiers = event->n_tiers;
  scheme->awards = (const char * const *) event->awards;
  scheme->amounts = event->amounts;
}

void
fzp_skills_competitions_entrant_free (FzpSkillsCompetitionsEntrant *entrant)
{
  if (entrant == NULL)
    return;
  g_free (entrant->name);
  g_free (entrant->id_number);
  g_free (entrant->cert_number);
  g_free (entrant->county_code);
  g_free (entrant->county_name);
  g_free (entrant->organization);
  g_free (entrant->scores);
  g_free (entrant->has_score);
  g_free (entrant->award);
  g_free (entrant);
}

void
fzp_skills_competitions_preset_free (FzpSkillsCompetitionsPreset *preset)
{
  if (preset == NULL)
    return;
  g_free (preset->name);
  g_strfreev (preset->awards);
  g_free (preset->amounts);
  g_free (preset);
}

void
fzp_skills_competitions_preset_get_scheme (const FzpSkillsCompetitionsPreset *preset,
                                           FzpSkillsCompetitionsScheme       *scheme)
{
  scheme->basis = preset->basis;
  scheme->rounding = preset->rounding;
  scheme->n_tiers = preset->n_tiers;
  scheme->awards = (const char * const *) preset->awards;
  scheme->amounts = preset->amounts;
}

void
fzp_skills_competitions_nomination_free (FzpSkillsCompetitionsNomination *nomination)
{
  if (nomination == NULL)
    return;
  g_free (nomination->trade);
  g_free (nomination->nominated_by);
  g_free (nomination->basis);
  g_free (nomination->nominated);
  g_free (nomination->decided);
  g_free (nomination->decision_note);
  g_free (nomination->name);
  g_free (nomination->id_number);
  g_free (nomination->county_name);
  g_free (nomination->organization);
  g_free (nomination->result);
  g_free (nomination);
}

/* Helpers */

static gboolean
fail (GError     **error,
      int          code,
      const char  *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (GError     **error,
      int          code,
      const char  *format,
      ...)
{
  va_list ap;

  va_start (ap, format);
  if (error)
    {
      g_assert (*error == NULL);
      *error = g_error_new_valist (FZP_SKILLS_COMPETITIONS_ERROR, code, format, ap);
    }
  va_end (ap);
  return FALSE;
}

/* Ends a transaction begun with fz_database_begin(): commits when @ok,
 * else rolls back. */
static gboolean
finish (FzDatabase  *db,
        gboolean     ok,
        GError     **error)
{
  if (!ok)
    {
      fz_database_rollback (db);
      return FALSE;
    }
  return fz_database_commit (db, error);
}

char *
fzp_skills_competitions_check_date (const char  *text,
                                    const char  *field,
                                    GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GDate date;

  g_date_clear (&date, 1);
  if (!fz_parse_date (text, field, &date, &local_error))
    {
      g_set_error_literal (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
                           local_error->message);
      return NULL;
    }
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

static char *
now_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static const char *
operator_of (FzContext *context)
{
  const char *op = fz_context_get_operator (context);
  return op && *op ? op : "?";
}

/* Whether the competition may change: FALSE with PUBLISHED (or NOT_FOUND). */
static gboolean
check_open (FzDatabase  *db,
            gint64       competition_id,
            GError     **error)
{
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;

  st = fz_database_query (db, "SELECT name, published FROM skills_competitions_competition WHERE id = ?1",
                          g_variant_new ("(x)", competition_id), error);
  if (st == NULL)
    return FALSE;
  if (!fz_statement_step (st, &local_error))
    {
      if (local_error)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return fail (error, FZP_SKILLS_COMPETITIONS_ERROR_NOT_FOUND, _("There is no competition %lld"),
                   (long long) competition_id);
    }
  if (!fz_statement_is_null (st, 1))
    return fail (error, FZP_SKILLS_COMPETITIONS_ERROR_PUBLISHED,
                 _("The results of “%s” were published on %.10s and can no longer be changed"),
                 fz_statement_get_text (st, 0), fz_statement_get_text (st, 1));
  return TRUE;
}

static gboolean
event_competition (FzDatabase  *db,
                   gint64       event_id,
                   gint64      *competition_id,
                   GError     **error)
{
  gboolean found = FALSE;

  if (!fz_database_query_int64 (db, "SELECT competition_id FROM skills_competitions_event WHERE id = ?1",
                                g_variant_new ("(x)", event_id), competition_id, &found, error))
    return FALSE;
  if (!found)
    return fail (error, FZP_SKILLS_COMPETITIONS_ERROR_NOT_FOUND, _("There is no event %lld"), (long long) event_id);
  return TRUE;
}

static gboolean
entrant_event (FzDatabase  *db,
               gint64       entrant_id,
               gint64      *event_id,
               GError     **error)
{
  gboolean found = FALSE;

  if (!fz_database_query_int64 (db, "SELECT event_id FROM skills_competitions_entrant WHERE id = ?1",
                                g_variant_new ("(x)", entrant_id), event_id, &found, error))
    return FALSE;
  if (!found)
    return fail (error, FZP_SKILLS_COMPETITIONS_ERROR_NOT_FOUND, _("There is no entrant %lld"), (long long) entrant_id);
  return TRUE;
}

/* The event may change: it exists and its competition is not published. */
static gboolean
check_event_open (FzDatabase  *db,
                  gint64       event_id,
                  GError     **error)
{
  gint64 competition_id = 0;

  return event_competition (db, event_id, &competition_id, error) && check_open (db, competition_id, error);
}

static gboolean
clear_awards (FzDatabase  *db,
              gint64       event_id,
              GError     **error)
{
  return fz_database_execute (db, "UPDATE skills_competitions_entrant SET award = NULL, award_manual = 0 "
                                  "WHERE event_id = ?1 AND (award IS NOT NULL OR award_manual <> 0)",
                              g_variant_new ("(x)", event_id), error) &&
         fz_database_execute (db, "UPDATE skills_competitions_event SET awards_computed = 0 "
                                  "WHERE id = ?1 AND awards_computed <> 0",
                              g_variant_new ("(x)", event_id), error);
}

static gboolean
all_digits (const char *text)
{
  if (text == NULL || *text == '\0')
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* Competitions */

static FzpSkillsCompetitionsCompetition *
competition_from_row (FzStatement *st)
{
  FzpSkillsCompetitionsCompetition *c = g_new0 (FzpSkillsCompetitionsCompetition, 1);

  c->id = fz_statement_get_int64 (st, 0);
  c->name = fz_statement_dup_text (st, 1);
  if (!fzp_skills_competitions_level_parse (fz_statement_get_text (st, 2), &c->level))
    c->level = FZP_SKILLS_COMPETITIONS_LEVEL_CITY;
  c->county_code = fz_statement_dup_text (st, 3);
  c->starts = fz_statement_dup_text (st, 4);
  c->ends = fz_statement_dup_text (st, 5);
  c->venue = fz_statement_dup_text (st, 6);
  c->organizer = fz_statement_dup_text (st, 7);
  c->published = fz_statement_dup_text (st, 8);
  c->published_by = fz_statement_dup_text (st, 9);
  return c;
}

/* Checks @c and fills @out with the values to save. */
static gboolean
check_competition (FzDatabase                              *db,
                   const FzpSkillsCompetitionsCompetition  *c,
                   FzpSkillsCompetitionsCompetition        *out,
                   GError                                 **error)
{
  out->name = fzp_skills_competitions_check_text (c->name, _("Name"), 100, error);
  if (out->name == NULL)
    return FALSE;
  if ((guint) c->level >= FZP_SKILLS_COMPETITIONS_N_LEVELS)
    return fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INVALID, _("Level: not a level of competition"));
  out->level = c->level;
  if (c->county_code && *c->county_code)
    {
      out->county_code = fz_county_lookup (db, c->county_code);
      if (out->county_code == NULL || g_str_equal (out->county_code, FZ_CITY_CODE))
        return fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
                     _("County: “%s” is not a county of the city"), c->county_code);
    }
  else if (c->level == FZP_SKILLS_COMPETITIONS_LEVEL_COUNTY)
    return fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
                 _("County: a county-level competition needs its county"));
  out->starts = fzp_skills_competitions_check_date (c->starts, _("Start date"), error);
  if (out->starts == NULL)
    return FALSE;
  out->ends = fzp_skills_competitions_check_date (c->ends && *c->ends ? c->ends : c->starts, _("End date"), error);
  if (out->ends == NULL)
    return FALSE;
  if (strcmp (out->ends, out->starts) < 0)
    return fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
                 _("End date: %s is before the start, %s"), out->ends, out->starts);
  if (c->venue && *c->venue)
    {
      out->venue = fzp_skills_competitions_check_text (c->venue, _("Venue"), 100, error);
      if (out->venue == NULL)
        return FALSE;
    }
  out->organizer = fzp_skills_competitions_check_text (c->organizer, _("Organizer"), 100, error);
  return out->organizer != NULL;
}

static gboolean
check_name_free (FzDatabase  *db,
                 const char  *name,
                 gint64       except_id,
                 GError     **error)
{
  gint64 n = 0;

  if (!fz_database_query_int64 (db, "SELECT count(*) FROM skills_competitions_competition WHERE name = ?1 AND id <> ?2",
                                g_variant_new ("(sx)", name, except_id), &n, NULL, error))
    return FALSE;
  if (n > 0)
    return fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INVALID, _("Name: there is a competition named “%s” already"), name);
  return TRUE;
}

gboolean
fzp_skills_competitions_add_competition (FzContext                         *context,
                                         FzpSkillsCompetitionsCompetition  *competition,
                                         GError                           **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autoptr(FzpSkillsCompetitionsCompetition) c = g_new0 (FzpSkillsCompetitionsCompetition, 1);
  gboolean ok;

  if (!check_competition (db, competition, c, error))
    return FALSE;
  if (!fz_database_begin (db, error))
    return FALSE;
  ok = check_name_free (db, c->name, 0, error) &&
       fz_database_execute (db, "INSERT INTO skills_competitions_competition (name, level, county_code, starts, ends,"
                                " venue, organizer, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                            g_variant_new ("(ssmsssmsss)", c->name, fzp_skills_competitions_level_to_nick (c->level),
                                           c->county_code, c->starts, c->ends, c->venue, c->organizer,
                                           operator_of (context)),
                            error);
  if (ok)
    competition->id = fz_database_last_insert_rowid (db);
  return finish (db, ok, error);
}

gboolean
fzp_skills_competitions_update_competition (FzContext                               *context,
                                            const FzpSkillsCompetitionsCompetition  *competition,
                                            GError                                 **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autoptr(FzpSkillsCompetitionsCompetition) c = g_new0 (FzpSkillsCompetitionsCompetition, 1);
  gboolean ok;

  if (!check_competition (db, competition, c, error))
    return FALSE;
  if (!fz_database_begin (db, error))
    return FALSE;
  ok = check_open (db, competition->id, error) &&
       check_name_free (db, c->name, competition->id, error) &&
       fz_database_execute (db, "UPDATE skills_competitions_competition SET name = ?2, level = ?3, county_code = ?4,"
                                " starts = ?5, ends = ?6, venue = ?7, organizer = ?8 WHERE id = ?1",
                            g_variant_new ("(xssmsssmss)", competition->id, c->name,
                                           fzp_skills_competitions_level_to_nick (c->level), c->county_code,
                                           c->starts, c->ends, c->venue, c->organizer),
                            error);
  return finish (db, ok, error);
}

gboolean
fzp_skills_competitions_delete_competition (FzContext  *context,
                                            gint64      id,
                                            GError    **error)
{
  FzDatabase *db = fz_context_get_database (context);
  gboolean ok;

  if (!fz_database_begin (db, error))
    return FALSE;
  ok = check_open (db, id, error) &&
       fz_database_execute (db, "DELETE FROM skills_competitions_competition WHERE id = ?1",
                            g_variant_new ("(x)", id), error);
  if (!ok && error && *error && g_error_matches (*error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_CONSTRAINT))
    {
      g_clear_error (error);
      fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
            _("The competition cannot be removed: an entrant of it has been nominated"));
    }
  return finish (db, ok, error);
}

FzpSkillsCompetitionsCompetition *
fzp_skills_competitions_get_competition (FzContext  *context,
                                         gint64      id,
                                         GError    **error)
{
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;

  st = fz_database_query (fz_context_get_database (context),
                          "SELECT " COMPETITION_COLUMNS " FROM skills_competitions_competition WHERE id = ?1",
                          g_variant_new ("(x)", id), error);
  if (st == NULL)
    return NULL;
  if (fz_statement_step (st, &local_error))
    return competition_from_row (st);
  if (local_error)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    fail (error, FZP_SKILLS_COMPETITIONS_ERROR_NOT_FOUND, _("There is no competition %lld"), (long long) id);
  return NULL;
}

FzpSkillsCompetitionsCompetition *
fzp_skills_competitions_find_competition (FzContext   *context,
                                          const char  *id_or_name,
                                          GError     **error)
{
  g_autofree char *text = fz_normalize_text (id_or_name);
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;

  if (all_digits (text))
    {
      FzpSkillsCompetitionsCompetition *c =
        fzp_skills_competitions_get_competition (context, g_ascii_strtoll (text, NULL, 10), &local_error);
      if (c || !g_error_matches (local_error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_NOT_FOUND))
        {
          if (local_error)
            g_propagate_error (error, g_steal_pointer (&local_error));
          return c;
        }
      g_clear_error (&local_error);
    }
  st = fz_database_query (fz_context_get_database (context),
                          "SELECT " COMPETITION_COLUMNS " FROM skills_competitions_competition WHERE name = ?1",
                          g_variant_new ("(s)", text), error);
  if (st == NULL)
    return NULL;
  if (fz_statement_step (st, &local_error))
    return competition_from_row (st);
  if (local_error)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    fail (error, FZP_SKILLS_COMPETITIONS_ERROR_NOT_FOUND,
          _("Competition: there is no competition “%s”; `fuzhu skills-competitions competitions` lists them"), text);
  return NULL;
}

GPtrArray *
fzp_skills_competitions_list_competitions (FzContext  *context,
                                           GError    **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) fzp_skills_competitions_competition_free);
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;

  st = fz_database_query (fz_context_get_database (context),
                          "SELECT " COMPETITION_COLUMNS " FROM skills_competitions_competition "
                          "ORDER BY starts DESC, id DESC", NULL, error);
  if (st == NULL)
    return NULL;
  while (fz_statement_step (st, &local_error))
    g_ptr_array_add (list, competition_from_row (st));
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&list);
}

gboolean
fzp_skills_competitions_publish (FzContext  *context,
                                 gint64      competition_id,
                                 GError    **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GString) pending = g_string_new (NULL);
  g_autofree char *now = now_utc ();
  guint n_events = 0;
  gboolean ok;

  if (!fz_database_begin (db, error))
    return FALSE;
  if (!check_open (db, competition_id, error))
    return finish (db, FALSE, error);

  st = fz_database_query (db, "SELECT name, awards_computed FROM skills_competitions_event "
                              "WHERE competition_id = ?1 ORDER BY id",
                          g_variant_new ("(x)", competition_id), error);
  if (st == NULL)
    return finish (db, FALSE, error);
  while (fz_statement_step (st, &local_error))
    {
      n_events++;
      if (fz_statement_get_int64 (st, 1) == 0)
        g_string_append_printf (pending, "%s%s", pending->len ? _(", ") : "", fz_statement_get_text (st, 0));
    }
  g_clear_pointer (&st, fz_statement_unref);
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return finish (db, FALSE, error);
    }
  if (n_events == 0)
    {
      fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INCOMPLETE, _("The competition has no events to publish"));
      return finish (db, FALSE, error);
    }
  if (pending->len > 0)
    {
      fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INCOMPLETE,
            _("Compute the awards of every event before publishing; not yet: %s"), pending->str);
      return finish (db, FALSE, error);
    }
  ok = fz_database_execute (db, "UPDATE skills_competitions_competition SET published = ?2, published_by = ?3 "
                                "WHERE id = ?1",
                            g_variant_new ("(xss)", competition_id, now, operator_of (context)), error);
  return finish (db, ok, error);
}

/* Events */

static FzpSkillsCompetitionsEvent *
read_event (FzDatabase  *db,
            const char  *where,
            GVariant    *params,
            GError     **error)
{
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(FzpSkillsCompetitionsEvent) event = NULL;
  g_autoptr(GStrvBuilder) awards = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) judges = g_strv_builder_new ();
  g_autoptr(GArray) amounts = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *sql = g_strdup_printf ("SELECT id, competition_id, name, max_score, score_rule, tie_break,"
                                          " award_basis, award_rounding, awards_computed"
                                          " FROM skills_competitions_event WHERE %s", where);

  st = fz_database_query (db, sql, params, error);
  if (st == NULL)
    return NULL;
  if (!fz_statement_step (st, &local_error))
    {
      if (local_error)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  event = g_new0 (FzpSkillsCompetitionsEvent, 1);
  event->id = fz_statement_get_int64 (st, 0);
  event->competition_id = fz_statement_get_int64 (st, 1);
  event->name = fz_statement_dup_text (st, 2);
  event->max_score = fz_statement_get_int64 (st, 3);
  fzp_skills_competitions_rule_parse (fz_statement_get_text (st, 4), &event->rule);
  fzp_skills_competitions_tie_break_parse (fz_statement_get_text (st, 5), &event->tie_break);
  fzp_skills_competitions_basis_parse (fz_statement_get_text (st, 6), &event->basis);
  fzp_skills_competitions_rounding_parse (fz_statement_get_text (st, 7), &event->rounding);
  event->awards_computed = fz_statement_get_int64 (st, 8) != 0;
  g_clear_pointer (&st, fz_statement_unref);

  st = fz_database_query (db, "SELECT award, amount FROM skills_competitions_event_tier WHERE event_id = ?1 "
                              "ORDER BY position", g_variant_new ("(x)", event->id), error);
  if (st == NULL)
    return NULL;
  while (fz_statement_step (st, &local_error))
    {
      double amount = fz_statement_get_double (st, 1);
      g_strv_builder_add (awards, fz_statement_get_text (st, 0));
      g_array_append_val (amounts, amount);
    }
  g_clear_pointer (&st, fz_statement_unref);
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  event->n_tiers = amounts->len;
  event->awards = g_strv_builder_end (awards);
  event->amounts = (double *) g_array_free (g_steal_pointer (&amounts), FALSE);

  st = fz_database_query (db, "SELECT name FROM skills_competitions_judge WHERE event_id = ?1 ORDER BY seat",
                          g_variant_new ("(x)", event->id), error);
  if (st == NULL)
    return NULL;
  while (fz_statement_step (st, &local_error))
    g_strv_builder_add (judges, fz_statement_get_text (st, 0));
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  event->judges = g_strv_builder_end (judges);
  event->n_judges = g_strv_length (event->judges);
  return g_steal_pointer (&event);
}

FzpSkillsCompetitionsEvent *
fzp_skills_competitions_get_event (FzContext  *context,
                                   gint64      event_id,
                                   GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  FzpSkillsCompetitionsEvent *event;

  event = read_event (fz_context_get_database (context), "id = ?1", g_variant_new ("(x)", event_id), &local_error);
  if (event == NULL && local_error == NULL)
    fail (&local_error, FZP_SKILLS_COMPETITIONS_ERROR_NOT_FOUND, _("There is no event %lld"), (long long) event_id);
  if (local_error)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return event;
}

FzpSkillsCompetitionsEvent *
fzp_skills_competitions_find_event (FzContext   *context,
                                    gint64       competition_id,
                                    const char  *id_or_name,
                                    GError     **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autofree char *text = fz_normalize_text (id_or_name);
  g_autoptr(GError) local_error = NULL;
  FzpSkillsCompetitionsEvent *event = NULL;

  if (all_digits (text))
    event = read_event (db, "competition_id = ?1 AND id = ?2",
                        g_variant_new ("(xx)", competition_id, g_ascii_strtoll (text, NULL, 10)), &local_error);
  if (event == NULL && local_error == NULL)
    event = read_event (db, "competition_id = ?1 AND name = ?2", g_variant_new ("(xs)", competition_id, text),
                        &local_error);
  if (event == NULL && local_error == NULL)
    fail (&local_error, FZP_SKILLS_COMPETITIONS_ERROR_NOT_FOUND,
          _("Event: the competition has no event “%s”"), text);
  if (local_error)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return event;
}

GPtrArray *
fzp_skills_competitions_list_events (FzContext  *context,
                                     gint64      competition_id,
                                     GError    **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) fzp_skills_competitions_event_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;

  st = fz_database_query (db, "SELECT id FROM skills_competitions_event WHERE competition_id = ?1 ORDER BY id",
                          g_variant_new ("(x)", competition_id), error);
  if (st == NULL)
    return NULL;
  while (fz_statement_step (st, &local_error))
    {
      gint64 id = fz_statement_get_int64 (st, 0);
      g_array_append_val (ids, id);
    }
  g_clear_pointer (&st, fz_statement_unref);
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  for (guint i = 0; i < ids->len; i++)
    {
      FzpSkillsCompetitionsEvent *event = fzp_skills_competitions_get_event (context, g_array_index (ids, gint64, i), error);
      if (event == NULL)
        return NULL;
      g_ptr_array_add (list, event);
    }
  return g_steal_pointer (&list);
}

static gboolean
check_judges (const char * const  *judges,
              GStrv               *out,
              GError             **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = judges ? g_strv_length ((GStrv) judges) : 0;

  if (n == 0 || n > 15)
    return fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INVALID, _("Judges: give 1 to 15 judges, not %u"), n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = fzp_skills_competitions_check_text (judges[i], _("Judge"), 64, error);
      if (name == NULL)
        return FALSE;
      g_strv_builder_add (builder, name);
    }
  *out = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
check_rule_judges (FzpSkillsCompetitionsScoreRule   rule,
                   guint                            n_judges,
                   GError                         **error)
{
  if (rule == FZP_SKILLS_COMPETITIONS_RULE_TRIMMED_MEAN && n_judges < 3)
    return fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
                 _("Judges: dropping the highest and lowest scores needs at least three judges; "
                   "give more judges or choose the plain mean"));
  return TRUE;
}

static gboolean
write_judges (FzDatabase          *db,
              gint64               event_id,
              const char * const  *judges,
              GError             **error)
{
  guint n = g_strv_length ((GStrv) judges);

  if (!fz_database_execute (db, "DELETE FROM skills_competitions_judge WHERE event_id = ?1",
                            g_variant_new ("(x)", event_id), error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!fz_database_execute (db, "INSERT INTO skills_competitions_judge (event_id, seat, name) VALUES (?1, ?2, ?3)",
                              g_variant_new ("(xus)", event_id, i + 1, judges[i]), error))
      return FALSE;
  return TRUE;
}

static gboolean
write_tiers (FzDatabase                         *db,
             gint64                              event_id,
             const FzpSkillsCompetitionsScheme  *scheme,
             GError                            **error)
{
  if (!fz_database_execute (db, "DELETE FROM skills_competitions_event_tier WHERE event_id = ?1",
                            g_variant_new ("(x)", event_id), error) ||
      !fz_database_execute (db, "UPDATE skills_competitions_event SET award_basis = ?2, award_rounding = ?3 WHERE id = ?1",
                            g_variant_new ("(xss)", event_id, fzp_skills_competitions_basis_to_nick (scheme->basis),
                                           fzp_skills_competitions_rounding_to_nick (scheme->rounding)),
                            error))
    return FALSE;
  for (guint i = 0; i < scheme->n_tiers; i++)
    {
      g_autofree char *award = fz_normalize_text (scheme->awards[i]);
      if (!fz_database_execute (db, "INSERT INTO skills_competitions_event_tier (event_id, position, award, amount) "
                                    "VALUES (?1, ?2, ?3, ?4)",
                                g_variant_new ("(xusd)", event_id, i + 1, award, scheme->amounts[i]), error))
        return FALSE;
    }
  return TRUE;
}

static FzpSkillsCompetitionsPreset *
read_preset (FzDatabase  *db,
             const char  *name,
             GError     **error);

gint64
fzp_skills_competitions_add_event_full (FzContext                          *context,
                                        gint64                              competition_id,
                                        const char                         *name,
                                        const char * const                 *judges,
                                        gint64                              max_score,
                                        FzpSkillsCompetitionsScoreRule      rule,
                                        FzpSkillsCompetitionsTieBreak       tie_break,
                                        const FzpSkillsCompetitionsScheme  *scheme,
                                        GError                            **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autofree char *clean = NULL;
  g_auto(GStrv) names = NULL;
  gint64 n = 0;
  gint64 id = 0;
  gboolean ok;

  clean = fzp_skills_competitions_check_text (name, _("Event"), 50, error);
  if (clean == NULL || !check_judges (judges, &names, error))
    return 0;
  if (max_score <= 0 || max_score > FZP_SKILLS_COMPETITIONS_MAX_SCORE_LIMIT)
    {
      g_autofree char *limit = fzp_skills_competitions_format_score (FZP_SKILLS_COMPETITIONS_MAX_SCORE_LIMIT);
      fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INVALID, _("Highest score: give a score above 0 and at most %s"), limit);
      return 0;
    }
  if ((guint) rule >= FZP_SKILLS_COMPETITIONS_N_RULES || (guint) tie_break >= FZP_SKILLS_COMPETITIONS_N_TIE_BREAKS)
    {
      fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INVALID, _("Rule: not a rule of scoring"));
      return 0;
    }
  if (!check_rule_judges (rule, g_strv_length (names), error) || !fzp_skills_competitions_scheme_check (scheme, error))
    return 0;
  if (!fz_database_begin (db, error))
    return 0;
  ok = check_open (db, competition_id, error) &&
       fz_database_query_int64 (db, "SELECT count(*) FROM skills_competitions_event WHERE competition_id = ?1 AND name = ?2",
                                g_variant_new ("(xs)", competition_id, clean), &n, NULL, error);
  if (ok && n > 0)
    ok = fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INVALID, _("Event: the competition has an event “%s” already"), clean);
  ok = ok && fz_database_execute (db, "INSERT INTO skills_competitions_event (competition_id, name, max_score, score_rule,"
                                      " tie_break, award_basis, award_rounding) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                  g_variant_new ("(xsxssss)", competition_id, clean, max_score,
                                                 fzp_skills_competitions_rule_to_nick (rule),
                                                 fzp_skills_competitions_tie_break_to_nick (tie_break),
                                                 fzp_skills_competitions_basis_to_nick (scheme->basis),
                                                 fzp_skills_competitions_rounding_to_nick (scheme->rounding)),
                                  error);
  if (ok)
    {
      id = fz_database_last_insert_rowid (db);
      ok = write_tiers (db, id, scheme, error) && write_judges (db, id, (const char * const *) names, error);
    }
  if (!finish (db, ok, error))
    return 0;
  return id;
}

gint64
fzp_skills_competitions_add_event (FzContext           *context,
                                   gint64               competition_id,
                                   const char          *name,
                                   const char * const  *judges,
                                   gint64               max_score,
                                   const char          *preset_name,
                                   GError             **error)
{
  g_autoptr(FzpSkillsCompetitionsPreset) preset = NULL;
  FzpSkillsCompetitionsScheme scheme;

  preset = read_preset (fz_context_get_database (context), preset_name, error);
  if (preset == NULL)
    return 0;
  fzp_skills_competitions_preset_get_scheme (preset, &scheme);
  return fzp_skills_competitions_add_event_full (context, competition_id, name, judges, max_score, preset->rule,
                                                 preset->tie_break, &scheme, error);
}

gboolean
fzp_skills_competitions_set_event_rules (FzContext                       *context,
                                         gint64                           event_id,
                                         FzpSkillsCompetitionsScoreRule   rule,
                                         FzpSkillsCompetitionsTieBreak    tie_break,
                                         gint64                           max_score,
                                         GError                         **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autoptr(FzpSkillsCompetitionsEvent) event = NULL;
  gint64 over = 0;
  gboolean changed = FALSE;
  gboolean ok;

  if ((guint) rule >= FZP_SKILLS_COMPETITIONS_N_RULES || (guint) tie_break >= FZP_SKILLS_COMPETITIONS_N_TIE_BREAKS)
    return fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INVALID, _("Rule: not a rule of scoring"));
  if (max_score <= 0 || max_score > FZP_SKILLS_COMPETITIONS_MAX_SCORE_LIMIT)
    {
      g_autofree char *limit = fzp_skills_competitions_format_score (FZP_SKILLS_COMPETITIONS_MAX_SCORE_LIMIT);
      return fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INVALID, _("Highest score: give a score above 0 and at most %s"), limit);
    }
  if (!fz_database_begin (db, error))
    return FALSE;
  event = fzp_skills_competitions_get_event (context, event_id, error);
  ok = event != NULL && check_event_open (db, event_id, error) && check_rule_judges (rule, event->n_judges, error) &&
       fz_database_query_int64 (db, "SELECT count(*) FROM skills_competitions_score s JOIN skills_competitions_entrant n"
                                    " ON n.id = s.entrant_id WHERE n.event_id = ?1 AND s.score > ?2",
                                g_variant_new ("(xx)", event_id, max_score), &over, NULL, error);
  if (ok && over > 0)
    {
      g_autofree char *max_text = fzp_skills_competitions_format_score (max_score);
      ok = fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
                 _("Highest score: %u scores of the event are above %s already"), (guint) over, max_text);
    }
  ok = ok && fz_database_execute (db, "UPDATE skills_competitions_event SET score_rule = ?2, tie_break = ?3, max_score = ?4 "
                                      "WHERE id = ?1",
                                  g_variant_new ("(xssx)", event_id, fzp_skills_competitions_rule_to_nick (rule),
                                                 fzp_skills_competitions_tie_break_to_nick (tie_break), max_score),
                                  error) &&
       fzp_skills_competitions_rank_event (context, event_id, &changed, error) &&
       (!changed || clear_awards (db, event_id, error));
  return finish (db, ok, error);
}

gboolean
fzp_skills_competitions_set_event_scheme (FzContext                          *context,
                                          gint64                              event_id,
                                          const FzpSkillsCompetitionsScheme  *scheme,
                                          GError                            **error)
{
  FzDatabase *db = fz_context_get_database (context);
  gboolean ok;

  if (!fzp_skills_competitions_scheme_check (scheme, error))
    return FALSE;
  if (!fz_database_begin (db, error))
    return FALSE;
  ok = check_event_open (db, event_id, error) && write_tiers (db, event_id, scheme, error) &&
       clear_awards (db, event_id, error);
  return finish (db, ok, error);
}

gboolean
fzp_skills_competitions_set_judges (FzContext           *context,
                                    gint64               event_id,
                                    const char * const  *judges,
                                    GError             **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autoptr(FzpSkillsCompetitionsEvent) event = NULL;
  g_auto(GStrv) names = NULL;
  gboolean changed = FALSE;
  gboolean ok;

  if (!check_judges (judges, &names, error))
    return FALSE;
  if (!fz_database_begin (db, error))
    return FALSE;
  event = fzp_skills_competitions_get_event (context, event_id, error);
  ok = event != NULL && check_event_open (db, event_id, error) &&
       check_rule_judges (event->rule, g_strv_length (names), error) &&
       write_judges (db, event_id, (const char * const *) names, error) &&
       fz_database_execute (db, "DELETE FROM skills_competitions_score WHERE seat > ?2 AND entrant_id IN "
                                "(SELECT id FROM skills_competitions_entrant WHERE event_id = ?1)",
                            g_variant_new ("(xu)", event_id, g_strv_length (names)), error) &&
       fzp_skills_competitions_rank_event (context, event_id, &changed, error) &&
       (!changed || clear_awards (db, event_id, error));
  return finish (db, ok, error);
}

gboolean
fzp_skills_competitions_delete_event (FzContext  *context,
                                      gint64      event_id,
                                      GError    **error)
{
  FzDatabase *db = fz_context_get_database (context);
  gboolean ok;

  if (!fz_database_begin (db, error))
    return FALSE;
  ok = check_event_open (db, event_id, error) &&
       fz_database_execute (db, "DELETE FROM skills_competitions_event WHERE id = ?1",
                            g_variant_new ("(x)", event_id), error);
  if (!ok && error && *error && g_error_matches (*error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_CONSTRAINT))
    {
      g_clear_error (error);
      fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
            _("The event cannot be removed: an entrant of it has been nominated or had an award changed"));
    }
  return finish (db, ok, error);
}

/* Entrants */

gint64
fzp_skills_competitions_enter (FzContext   *context,
                               gint64       event_id,
                               gint64       person_id,
                               const char  *county_code,
                               gint64       organization_id,
                               guint        number,
                               GError     **error)
{
  FzDatabase *db = fz_context_get_database (context);
  FzRegistry *registry = fz_context_get_registry (context);
  g_autoptr(FzPerson) person = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *county = NULL;
  gint64 n = 0;
  gint64 id = 0;
  gboolean ok;

  person = fz_registry_find_person (registry, person_id, &local_error);
  if (person == NULL)
    {
      fail (error, FZP_SKILLS_COMPETITIONS_ERROR_NOT_FOUND, _("Person: there is no person %lld in the registry"),
            (long long) person_id);
      return 0;
    }
  if (fz_person_get_cert_number (person) == NULL || *fz_person_get_cert_number (person) == '\0')
    {
      fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
            _("Certificate: %s has no disability certificate in the registry; only certificate holders can enter"),
            fz_person_get_name (person));
      return 0;
    }
  if (county_code && *county_code)
    {
      county = fz_county_lookup (db, county_code);
      if (county == NULL || g_str_equal (county, FZ_CITY_CODE))
        {
          fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INVALID, _("County: “%s” is not a county of the city"), county_code);
          return 0;
        }
    }
  else if (fz_person_get_county_code (person))
    county = g_strdup (fz_person_get_county_code (person));
  else
    {
      fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
            _("County: the registry has no county for %s; say which county they represent"), fz_person_get_name (person));
      return 0;
    }
  if (organization_id > 0)
    {
      g_autoptr(FzOrganization) organization = fz_registry_find_organization (registry, organization_id, NULL);
      if (organization == NULL)
        {
          fail (error, FZP_SKILLS_COMPETITIONS_ERROR_NOT_FOUND,
                _("Organization: there is no organization %lld in the registry"), (long long) organization_id);
          return 0;
        }
    }

  if (!fz_database_begin (db, error))
    return 0;
  ok = check_event_open (db, event_id, error) &&
       fz_database_query_int64 (db, "SELECT count(*) FROM skills_competitions_entrant WHERE event_id = ?1 AND person_id = ?2",
                                g_variant_new ("(xx)", event_id, person_id), &n, NULL, error);
  if (ok && n > 0)
    ok = fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INVALID, _("Person: %s is entered in this event already"),
               fz_person_get_name (person));
  if (ok && number == 0)
    {
      gint64 last = 0;
      ok = fz_database_query_int64 (db, "SELECT coalesce(max(number), 0) FROM skills_competitions_entrant WHERE event_id = ?1",
                                    g_variant_new ("(x)", event_id), &last, NULL, error);
      number = (guint) last + 1;
    }
  else if (ok)
    {
      ok = fz_database_query_int64 (db, "SELECT count(*) FROM skills_competitions_entrant WHERE event_id = ?1 AND number = ?2",
                                    g_variant_new ("(xu)", event_id, number), &n, NULL, error);
      if (ok && n > 0)
        ok = fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INVALID, _("Number: %u is someone else’s in this event"), number);
    }
  ok = ok && fz_database_execute (db, "INSERT INTO skills_competitions_entrant (event_id, person_id, county_code,"
                                      " organization_id, number) VALUES (?1, ?2, ?3, ?4, ?5)",
                                  g_variant_new ("(xxsmxu)", event_id, person_id, county,
                                                 organization_id > 0, organization_id, number),
                                  error);
  if (ok)
    id = fz_database_last_insert_rowid (db);
  ok = ok && clear_awards (db, event_id, error);
  if (!finish (db, ok, error))
    return 0;
  return id;
}

gboolean
fzp_skills_competitions_update_entrant (FzContext   *context,
                                        gint64       entrant_id,
                                        const char  *county_code,
                                        gint64       organization_id,
                                        guint        number,
                                        GError     **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autofree char *county = fz_county_lookup (db, county_code);
  gint64 event_id = 0;
  gint64 n = 0;
  gboolean ok;

  if (county == NULL || g_str_equal (county, FZ_CITY_CODE))
    return fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INVALID, _("County: “%s” is not a county of the city"),
                 county_code ? county_code : "");
  if (number == 0)
    return fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INVALID, _("Number: give a number from 1"));
  if (organization_id > 0)
    {
      g_autoptr(FzOrganization) organization = fz_registry_find_organization (fz_context_get_registry (context),
                                                                              organization_id, NULL);
      if (organization == NULL)
        return fail (error, FZP_SKILLS_COMPETITIONS_ERROR_NOT_FOUND,
                     _("Organization: there is no organization %lld in the registry"), (long long) organization_id);
    }
  if (!fz_database_begin (db, error))
    return FALSE;
  ok = entrant_event (db, entrant_id, &event_id, error) && check_event_open (db, event_id, error) &&
       fz_database_query_int64 (db, "SELECT count(*) FROM skills_competitions_entrant WHERE event_id = ?1 "
                                    "AND number = ?2 AND id <> ?3",
                                g_variant_new ("(xux)", event_id, number, entrant_id), &n, NULL, error);
  if (ok && n > 0)
    ok = fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INVALID, _("Number: %u is someone else’s in this event"), number);
  ok = ok && fz_database_execute (db, "UPDATE skills_competitions_entrant SET county_code = ?2, organization_id = ?3,"
                                      " number = ?4 WHERE id = ?1",
                                  g_variant_new ("(xsmxu)", entrant_id, county, organization_id > 0, organization_id,
                                                 number), error);
  return finish (db, ok, error);
}

gboolean
fzp_skills_competitions_withdraw (FzContext  *context,
                                  gint64      entrant_id,
                                  GError    **error)
{
  FzDatabase *db = fz_context_get_database (context);
  gint64 event_id = 0;
  gboolean ok;

  if (!fz_database_begin (db, error))
    return FALSE;
  ok = entrant_event (db, entrant_id, &event_id, error) && check_event_open (db, event_id, error) &&
       fz_database_execute (db, "DELETE FROM skills_competitions_entrant WHERE id = ?1",
                            g_variant_new ("(x)", entrant_id), error);
  if (!ok && error && *error && g_error_matches (*error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_CONSTRAINT))
    {
      g_clear_error (error);
      fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
            _("The entrant cannot be taken out: they have been nominated or had their award changed; mark them absent instead"));
    }
  ok = ok && fzp_skills_competitions_rank_event (context, event_id, NULL, error) && clear_awards (db, event_id, error);
  return finish (db, ok, error);
}

gboolean
fzp_skills_competitions_set_absent (FzContext  *context,
                                    gint64      entrant_id,
                                    gboolean    absent,
                                    GError    **error)
{
  FzDatabase *db = fz_context_get_database (context);
  gint64 event_id = 0;
  gboolean ok;

  if (!fz_database_begin (db, error))
    return FALSE;
  ok = entrant_event (db, entrant_id, &event_id, error) && check_event_open (db, event_id, error) &&
       fz_database_execute (db, "UPDATE skills_competitions_entrant SET absent = ?2 WHERE id = ?1 AND absent <> ?2",
                            g_variant_new ("(xi)", entrant_id, absent ? 1 : 0), error);
  if (ok && fz_database_changes (db) > 0)
    ok = fzp_skills_competitions_rank_event (context, event_id, NULL, error) && clear_awards (db, event_id, error);
  return finish (db, ok, error);
}

gint64
fzp_skills_competitions_find_entrant (FzContext  *context,
                                      gint64      event_id,
                                      guint       number,
                                      GError    **error)
{
  gint64 id = 0;
  gboolean found = FALSE;

  if (!fz_database_query_int64 (fz_context_get_database (context),
                                "SELECT id FROM skills_competitions_entrant WHERE event_id = ?1 AND number = ?2",
                                g_variant_new ("(xu)", event_id, number), &id, &found, error))
    return 0;
  if (!found)
    {
      fail (error, FZP_SKILLS_COMPETITIONS_ERROR_NOT_FOUND, _("Number: the event has no entrant number %u"), number);
      return 0;
    }
  return id;
}

#define ENTRANT_SELECT \
  "SELECT n.id, n.event_id, n.person_id, n.number, p.name, p.id_number, p.cert_number, p.sex," \
  " n.county_code, c.name, coalesce(n.organization_id, 0), o.name, n.absent, n.final_score, n.rank," \
  " n.award, n.award_manual" \
  " FROM skills_competitions_entrant n JOIN fz_person p ON p.id = n.person_id" \
  " JOIN fz_county c ON c.code = n.county_code" \
  " LEFT JOIN fz_organization o ON o.id = n.organization_id"

static FzpSkillsCompetitionsEntrant *
entrant_from_row (FzStatement *st,
                  guint        n_judges)
{
  FzpSkillsCompetitionsEntrant *e = g_new0 (FzpSkillsCompetitionsEntrant, 1);

  e->id = fz_statement_get_int64 (st, 0);
  e->event_id = fz_statement_get_int64 (st, 1);
  e->person_id = fz_statement_get_int64 (st, 2);
  e->number = (guint) fz_statement_get_int64 (st, 3);
  e->name = fz_statement_dup_text (st, 4);
  e->id_number = fz_statement_dup_text (st, 5);
  e->cert_number = fz_statement_dup_text (st, 6);
  e->sex = (FzSex) fz_statement_get_int64 (st, 7);
  e->county_code = fz_statement_dup_text (st, 8);
  e->county_name = fz_statement_dup_text (st, 9);
  e->organization_id = fz_statement_get_int64 (st, 10);
  e->organization = fz_statement_dup_text (st, 11);
  e->absent = fz_statement_get_int64 (st, 12) != 0;
  e->has_final = !fz_statement_is_null (st, 13);
  e->final_score = fz_statement_get_int64 (st, 13);
  e->rank = (guint) fz_statement_get_int64 (st, 14);
  e->award = fz_statement_dup_text (st, 15);
  e->award_manual = fz_statement_get_int64 (st, 16) != 0;
  e->n_judges = n_judges;
  e->scores = g_new0 (gint64, MAX (n_judges, 1));
  e->has_score = g_new0 (gboolean, MAX (n_judges, 1));
  e->dropped_high = e->dropped_low = -1;
  return e;
}

/* Fills in the scores of @entrants (by id) and which ones the rule dropped. */
static gboolean
read_scores (FzDatabase                        *db,
             const FzpSkillsCompetitionsEvent  *event,
             GPtrArray                         *entrants,
             const char                        *where,
             GVariant                          *params,
             GError                           **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT s.entrant_id, s.seat, s.score FROM skills_competitions_score s"
                                          " JOIN skills_competitions_entrant n ON n.id = s.entrant_id WHERE %s", where);

  for (guint i = 0; i < entrants->len; i++)
    {
      FzpSkillsCompetitionsEntrant *e = g_ptr_array_index (entrants, i);
      g_hash_table_insert (by_id, &e->id, e);
    }
  st = fz_database_query (db, sql, params, error);
  if (st == NULL)
    return FALSE;
  while (fz_statement_step (st, &local_error))
    {
      gint64 id = fz_statement_get_int64 (st, 0);
      guint seat = (guint) fz_statement_get_int64 (st, 1);
      FzpSkillsCompetitionsEntrant *e = g_hash_table_lookup (by_id, &id);

      if (e && seat >= 1 && seat <= e->n_judges)
        {
          e->scores[seat - 1] = fz_statement_get_int64 (st, 2);
          e->has_score[seat - 1] = TRUE;
        }
    }
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  for (guint i = 0; i < entrants->len; i++)
    {
      FzpSkillsCompetitionsEntrant *e = g_ptr_array_index (entrants, i);
      gboolean complete = e->n_judges > 0;
      gint64 final;

      for (guint j = 0; j < e->n_judges; j++)
        complete = complete && e->has_score[j];
      if (complete)
        fzp_skills_competitions_final_score (event->rule, e->scores, e->n_judges, &final,
                                             &e->dropped_high, &e->dropped_low, NULL);
    }
  return TRUE;
}

GPtrArray *
fzp_skills_competitions_list_entrants (FzContext  *context,
                                       gint64      event_id,
                                       GError    **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autoptr(FzpSkillsCompetitionsEvent) event = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) fzp_skills_competitions_entrant_free);
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;

  event = fzp_skills_competitions_get_event (context, event_id, error);
  if (event == NULL)
    return NULL;
  st = fz_database_query (db, ENTRANT_SELECT " WHERE n.event_id = ?1 ORDER BY n.number",
                          g_variant_new ("(x)", event_id), error);
  if (st == NULL)
    return NULL;
  while (fz_statement_step (st, &local_error))
    g_ptr_array_add (list, entrant_from_row (st, event->n_judges));
  g_clear_pointer (&st, fz_statement_unref);
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!read_scores (db, event, list, "n.event_id = ?1", g_variant_new ("(x)", event_id), error))
    return NULL;
  return g_steal_pointer (&list);
}

FzpSkillsCompetitionsEntrant *
fzp_skills_competitions_get_entrant (FzContext  *context,
                                     gint64      entrant_id,
                                     GError    **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autoptr(FzpSkillsCompetitionsEvent) event = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) fzp_skills_competitions_entrant_free);
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 event_id = 0;

  if (!entrant_event (db, entrant_id, &event_id, error))
    return NULL;
  event = fzp_skills_competitions_get_event (context, event_id, error);
  if (event == NULL)
    return NULL;
  st = fz_database_query (db, ENTRANT_SELECT " WHERE n.id = ?1", g_variant_new ("(x)", entrant_id), error);
  if (st == NULL)
    return NULL;
  if (fz_statement_step (st, &local_error))
    g_ptr_array_add (list, entrant_from_row (st, event->n_judges));
  g_clear_pointer (&st, fz_statement_unref);
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (list->len == 0 || !read_scores (db, event, list, "n.id = ?1", g_variant_new ("(x)", entrant_id), error))
    return NULL;
  return g_ptr_array_steal_index (list, 0);
}

/* Scores and ranking */

gboolean
fzp_skills_competitions_rank_event (FzContext  *context,
                                    gint64      event_id,
                                    gboolean   *changed,
                                    GError    **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autoptr(GPtrArray) entrants = NULL;
  g_autoptr(FzpSkillsCompetitionsEvent) event = NULL;
  g_autofree FzpSkillsCompetitionsStanding *standings = NULL;
  g_autofree guint *ranks = NULL;
  gboolean any = FALSE;
  gboolean ok;

  if (changed)
    *changed = FALSE;
  event = fzp_skills_competitions_get_event (context, event_id, error);
  entrants = event ? fzp_skills_competitions_list_entrants (context, event_id, error) : NULL;
  if (entrants == NULL)
    return FALSE;
  standings = g_new0 (FzpSkillsCompetitionsStanding, MAX (entrants->len, 1));
  ranks = g_new0 (guint, MAX (entrants->len, 1));
  for (guint i = 0; i < entrants->len; i++)
    {
      FzpSkillsCompetitionsEntrant *e = g_ptr_array_index (entrants, i);
      FzpSkillsCompetitionsStanding *s = &standings[i];
      gboolean complete = !e->absent && e->n_judges > 0;

      for (guint j = 0; j < e->n_judges; j++)
        {
          complete = complete && e->has_score[j];
          s->total += e->scores[j];
        }
      s->chief = e->n_judges > 0 ? e->scores[0] : 0;
      s->ranked = complete &&
                  fzp_skills_competitions_final_score (event->rule, e->scores, e->n_judges, &s->final, NULL, NULL, NULL);
    }
  fzp_skills_competitions_rank (standings, entrants->len, event->tie_break, ranks);

  if (!fz_database_begin (db, error))
    return FALSE;
  ok = TRUE;
  for (guint i = 0; ok && i < entrants->len; i++)
    {
      FzpSkillsCompetitionsEntrant *e = g_ptr_array_index (entrants, i);
      gboolean final_differs = standings[i].ranked != e->has_final ||
                               (standings[i].ranked && standings[i].final != e->final_score);

      if (ranks[i] != e->rank)
        any = TRUE;
      if (!final_differs && ranks[i] == e->rank)
        continue;
      ok = fz_database_execute (db, "UPDATE skills_competitions_entrant SET final_score = ?2, rank = ?3 WHERE id = ?1",
                                g_variant_new ("(xmxmu)", e->id, standings[i].ranked, standings[i].final,
                                               ranks[i] > 0, ranks[i]),
                                error);
    }
  if (changed)
    *changed = any;
  return finish (db, ok, error);
}

gboolean
fzp_skills_competitions_store_score (FzContext     *context,
                                     gint64         entrant_id,
                                     guint          seat,
                                     const gint64  *score,
                                     gboolean      *changed,
                                     GError       **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autoptr(FzpSkillsCompetitionsEntrant) entrant = NULL;
  g_autoptr(FzpSkillsCompetitionsEvent) event = NULL;
  gboolean ok;

  if (changed)
    *changed = FALSE;
  if (!fz_database_begin (db, error))
    return FALSE;
  entrant = fzp_skills_competitions_get_entrant (context, entrant_id, error);
  event = entrant ? fzp_skills_competitions_get_event (context, entrant->event_id, error) : NULL;
  ok = event != NULL && check_event_open (db, event->id, error);
  if (ok && (seat < 1 || seat > event->n_judges))
    ok = fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INVALID, _("Judge: the event has judges 1 to %u, not %u"),
               event->n_judges, seat);
  if (ok && score && entrant->absent)
    ok = fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
               _("Score: No. %u %s is marked absent; mark them present before scoring"), entrant->number, entrant->name);
  if (ok && score && (*score < 0 || *score > event->max_score))
    {
      g_autofree char *value = fzp_skills_competitions_format_score (*score);
      g_autofree char *max = fzp_skills_competitions_format_score (event->max_score);
      ok = fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
                 _("Score: %s is outside 0 to %s, the event’s highest score"), value, max);
    }
  if (ok && score)
    ok = fz_database_execute (db, "INSERT INTO skills_competitions_score (entrant_id, seat, score, entered_by)"
                                  " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (entrant_id, seat) DO UPDATE SET"
                                  " score = excluded.score, entered_by = excluded.entered_by,"
                                  " entered = excluded.entered WHERE score <> excluded.score",
                              g_variant_new ("(xuxs)", entrant_id, seat, *score, operator_of (context)), error);
  else if (ok)
    ok = fz_database_execute (db, "DELETE FROM skills_competitions_score WHERE entrant_id = ?1 AND seat = ?2",
                              g_variant_new ("(xu)", entrant_id, seat), error);
  if (ok && changed)
    *changed = fz_database_changes (db) > 0;
  return finish (db, ok, error);
}

gboolean
fzp_skills_competitions_set_score (FzContext     *context,
                                   gint64         entrant_id,
                                   guint          seat,
                                   const gint64  *score,
                                   GError       **error)
{
  FzDatabase *db = fz_context_get_database (context);
  gint64 event_id = 0;
  gboolean changed = FALSE;
  gboolean ok;

  if (!fz_database_begin (db, error))
    return FALSE;
  ok = entrant_event (db, entrant_id, &event_id, error) &&
       fzp_skills_competitions_store_score (context, entrant_id, seat, score, NULL, error) &&
       fzp_skills_competitions_rank_event (context, event_id, &changed, error) &&
       (!changed || clear_awards (db, event_id, error));
  return finish (db, ok, error);
}

/* Awards */

gboolean
fzp_skills_competitions_compute_awards (FzContext  *context,
                                        gint64      event_id,
                                        GError    **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autoptr(FzpSkillsCompetitionsEvent) event = NULL;
  g_autoptr(GPtrArray) entrants = NULL;
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autofree guint *ranks = NULL;
  g_autofree guint *tiers = NULL;
  g_autofree guint *cumulative = NULL;
  FzpSkillsCompetitionsScheme scheme;
  guint n_missing = 0;
  guint n_ranked = 0;
  gboolean ok;

  if (!fz_database_begin (db, error))
    return FALSE;
  event = fzp_skills_competitions_get_event (context, event_id, error);
  ok = event != NULL && check_event_open (db, event_id, error) &&
       fzp_skills_competitions_rank_event (context, event_id, NULL, error);
  entrants = ok ? fzp_skills_competitions_list_entrants (context, event_id, error) : NULL;
  if (entrants == NULL)
    return finish (db, FALSE, error);

  ranks = g_new0 (guint, MAX (entrants->len, 1));
  tiers = g_new0 (guint, MAX (entrants->len, 1));
  for (guint i = 0; i < entrants->len; i++)
    {
      FzpSkillsCompetitionsEntrant *e = g_ptr_array_index (entrants, i);

      ranks[i] = e->rank;
      if (e->rank > 0)
        n_ranked++;
      if (!e->absent && !e->has_final)
        {
          g_autoptr(GString) seats = g_string_new (NULL);

          for (guint j = 0; j < e->n_judges; j++)
            if (!e->has_score[j])
              g_string_append_printf (seats, "%s%u", seats->len ? "," : "", j + 1);
          if (++n_missing <= 5)
            {
              if (missing->len)
                g_string_append (missing, _(", "));
              /* TRANSLATORS: an entrant missing scores: number, name, the judges (1,3) */
              g_string_append_printf (missing, _("No. %u %s (judge %s)"), e->number, e->name, seats->str);
            }
        }
    }
  if (n_missing > 0)
    {
      fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INCOMPLETE,
            g_dngettext (GETTEXT_PACKAGE, "%s: %u entrant lacks scores: %s%s", "%s: %u entrants lack scores: %s%s", n_missing),
            event->name, n_missing, missing->str, n_missing > 5 ? "…" : "");
      return finish (db, FALSE, error);
    }
  if (n_ranked == 0)
    {
      fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INCOMPLETE, _("%s: nobody has competed in the event yet"), event->name);
      return finish (db, FALSE, error);
    }
  fzp_skills_competitions_event_get_scheme (event, &scheme);
  cumulative = g_new0 (guint, MAX (scheme.n_tiers, 1));
  if (!fzp_skills_competitions_quotas (&scheme, n_ranked, cumulative, error))
    return finish (db, FALSE, error);
  fzp_skills_competitions_assign_awards (ranks, entrants->len, cumulative, scheme.n_tiers, tiers);

  for (guint i = 0; ok && i < entrants->len; i++)
    {
      FzpSkillsCompetitionsEntrant *e = g_ptr_array_index (entrants, i);
      const char *award = tiers[i] > 0 ? scheme.awards[tiers[i] - 1] : NULL;

      ok = fz_database_execute (db, "UPDATE skills_competitions_entrant SET award = ?2, award_manual = 0 WHERE id = ?1",
                                g_variant_new ("(xms)", e->id, award), error);
    }
  ok = ok && fz_database_execute (db, "UPDATE skills_competitions_event SET awards_computed = 1 WHERE id = ?1",
                                  g_variant_new ("(x)", event_id), error);
  return finish (db, ok, error);
}

gboolean
fzp_skills_competitions_change_award (FzContext   *context,
                                      gint64       entrant_id,
                                      const char  *award,
                                      const char  *reason,
                                      GError     **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autoptr(FzpSkillsCompetitionsEntrant) entrant = NULL;
  g_autoptr(FzpSkillsCompetitionsEvent) event = NULL;
  g_autofree char *why = NULL;
  g_autofree char *new_award = award && *award ? fz_normalize_text (award) : NULL;
  gboolean known = new_award == NULL;
  gboolean ok;

  why = fzp_skills_competitions_check_text (reason, _("Reason"), 200, error);
  if (why == NULL)
    return FALSE;
  if (!fz_database_begin (db, error))
    return FALSE;
  entrant = fzp_skills_competitions_get_entrant (context, entrant_id, error);
  event = entrant ? fzp_skills_competitions_get_event (context, entrant->event_id, error) : NULL;
  ok = event != NULL && check_event_open (db, event->id, error);
  if (ok && !event->awards_computed)
    ok = fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INCOMPLETE,
               _("Award: compute the awards of %s first, then change one"), event->name);
  for (guint i = 0; ok && new_award && i < event->n_tiers; i++)
    known = known || g_str_equal (event->awards[i], new_award);
  if (ok && !known)
    {
      g_autofree char *list = g_strjoinv (_(", "), event->awards);
      ok = fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INVALID, _("Award: “%s” is not an award of the event (%s)"),
                 new_award, list);
    }
  if (ok && new_award && entrant->absent)
    ok = fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INVALID, _("Award: No. %u %s was absent"), entrant->number, entrant->name);
  if (ok && g_strcmp0 (new_award, entrant->award) == 0)
    ok = fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INVALID, _("Award: No. %u %s has that award already"),
               entrant->number, entrant->name);
  ok = ok && fz_database_execute (db, "INSERT INTO skills_competitions_award_change (entrant_id, old_award, new_award,"
                                      " reason, changed_by) VALUES (?1, ?2, ?3, ?4, ?5)",
                                  g_variant_new ("(xmsmsss)", entrant_id, entrant->award, new_award, why,
                                                 operator_of (context)), error) &&
       fz_database_execute (db, "UPDATE skills_competitions_entrant SET award = ?2, award_manual = 1 WHERE id = ?1",
                            g_variant_new ("(xms)", entrant_id, new_award), error);
  return finish (db, ok, error);
}

/* Presets */

static FzpSkillsCompetitionsPreset *
preset_from_row (FzDatabase   *db,
                 FzStatement  *st,
                 GError      **error)
{
  g_autoptr(FzpSkillsCompetitionsPreset) p = g_new0 (FzpSkillsCompetitionsPreset, 1);
  g_autoptr(FzStatement) tiers = NULL;
  g_autoptr(GStrvBuilder) awards = g_strv_builder_new ();
  g_autoptr(GArray) amounts = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) local_error = NULL;

  p->id = fz_statement_get_int64 (st, 0);
  p->name = fz_statement_dup_text (st, 1);
  fzp_skills_competitions_basis_parse (fz_statement_get_text (st, 2), &p->basis);
  fzp_skills_competitions_rounding_parse (fz_statement_get_text (st, 3), &p->rounding);
  fzp_skills_competitions_rule_parse (fz_statement_get_text (st, 4), &p->rule);
  fzp_skills_competitions_tie_break_parse (fz_statement_get_text (st, 5), &p->tie_break);
  p->is_default = fz_statement_get_int64 (st, 6) != 0;

  tiers = fz_database_query (db, "SELECT award, amount FROM skills_competitions_preset_tier WHERE preset_id = ?1 "
                                 "ORDER BY position", g_variant_new ("(x)", p->id), error);
  if (tiers == NULL)
    return NULL;
  while (fz_statement_step (tiers, &local_error))
    {
      double amount = fz_statement_get_double (tiers, 1);
      g_strv_builder_add (awards, fz_statement_get_text (tiers, 0));
      g_array_append_val (amounts, amount);
    }
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  p->n_tiers = amounts->len;
  p->awards = g_strv_builder_end (awards);
  p->amounts = (double *) g_array_free (g_steal_pointer (&amounts), FALSE);
  return g_steal_pointer (&p);
}

#define PRESET_COLUMNS "id, name, award_basis, award_rounding, score_rule, tie_break, is_default"

/* The preset named @name, or the default one when @name is NULL. */
static FzpSkillsCompetitionsPreset *
read_preset (FzDatabase  *db,
             const char  *name,
             GError     **error)
{
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;

  if (name && *name)
    st = fz_database_query (db, "SELECT " PRESET_COLUMNS " FROM skills_competitions_preset WHERE name = ?1",
                            g_variant_new ("(s)", name), error);
  else
    st = fz_database_query (db, "SELECT " PRESET_COLUMNS " FROM skills_competitions_preset "
                                "ORDER BY is_default DESC, id LIMIT 1", NULL, error);
  if (st == NULL)
    return NULL;
  if (fz_statement_step (st, &local_error))
    return preset_from_row (db, st, error);
  if (local_error)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (name && *name)
    fail (error, FZP_SKILLS_COMPETITIONS_ERROR_NOT_FOUND,
          _("Preset: there is no preset “%s”; `fuzhu skills-competitions presets` lists them"), name);
  else
    fail (error, FZP_SKILLS_COMPETITIONS_ERROR_NOT_FOUND, _("Preset: there are no presets; add one first"));
  return NULL;
}

GPtrArray *
fzp_skills_competitions_list_presets (FzContext  *context,
                                      GError    **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) fzp_skills_competitions_preset_free);
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;

  st = fz_database_query (db, "SELECT " PRESET_COLUMNS " FROM skills_competitions_preset ORDER BY id", NULL, error);
  if (st == NULL)
    return NULL;
  while (fz_statement_step (st, &local_error))
    {
      FzpSkillsCompetitionsPreset *p = preset_from_row (db, st, error);
      if (p == NULL)
        return NULL;
      g_ptr_array_add (list, p);
    }
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&list);
}

gboolean
fzp_skills_competitions_save_preset (FzContext                          *context,
                                     const FzpSkillsCompetitionsPreset  *preset,
                                     GError                            **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autofree char *name = NULL;
  FzpSkillsCompetitionsScheme scheme;
  gint64 id = 0;
  gboolean found = FALSE;
  gboolean ok;

  name = fzp_skills_competitions_check_text (preset->name, _("Preset"), 50, error);
  if (name == NULL)
    return FALSE;
  fzp_skills_competitions_preset_get_scheme (preset, &scheme);
  if (!fzp_skills_competitions_scheme_check (&scheme, error))
    return FALSE;
  if ((guint) preset->rule >= FZP_SKILLS_COMPETITIONS_N_RULES ||
      (guint) preset->tie_break >= FZP_SKILLS_COMPETITIONS_N_TIE_BREAKS)
    return fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INVALID, _("Rule: not a rule of scoring"));
  if (!fz_database_begin (db, error))
    return FALSE;
  ok = fz_database_query_int64 (db, "SELECT id FROM skills_competitions_preset WHERE name = ?1",
                                g_variant_new ("(s)", name), &id, &found, error);
  if (ok && preset->is_default)
    ok = fz_database_exec (db, "UPDATE skills_competitions_preset SET is_default = 0 WHERE is_default = 1", error);
  if (ok && found)
    ok = fz_database_execute (db, "UPDATE skills_competitions_preset SET award_basis = ?2, award_rounding = ?3,"
                                  " score_rule = ?4, tie_break = ?5, is_default = max(is_default, ?6) WHERE id = ?1",
                              g_variant_new ("(xssssi)", id, fzp_skills_competitions_basis_to_nick (preset->basis),
                                             fzp_skills_competitions_rounding_to_nick (preset->rounding),
                                             fzp_skills_competitions_rule_to_nick (preset->rule),
                                             fzp_skills_competitions_tie_break_to_nick (preset->tie_break),
                                             preset->is_default ? 1 : 0),
                              error) &&
         fz_database_execute (db, "DELETE FROM skills_competitions_preset_tier WHERE preset_id = ?1",
                              g_variant_new ("(x)", id), error);
  else if (ok)
    {
      ok = fz_database_execute (db, "INSERT INTO skills_competitions_preset (name, award_basis, award_rounding,"
                                    " score_rule, tie_break, is_default) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                g_variant_new ("(sssssi)", name, fzp_skills_competitions_basis_to_nick (preset->basis),
                                               fzp_skills_competitions_rounding_to_nick (preset->rounding),
                                               fzp_skills_competitions_rule_to_nick (preset->rule),
                                               fzp_skills_competitions_tie_break_to_nick (preset->tie_break),
                                               preset->is_default ? 1 : 0),
                                error);
      id = fz_database_last_insert_rowid (db);
    }
  for (guint i = 0; ok && i < scheme.n_tiers; i++)
    {
      g_autofree char *award = fz_normalize_text (scheme.awards[i]);
      ok = fz_database_execute (db, "INSERT INTO skills_competitions_preset_tier (preset_id, position, award, amount) "
                                    "VALUES (?1, ?2, ?3, ?4)",
                                g_variant_new ("(xusd)", id, i + 1, award, scheme.amounts[i]), error);
    }
  return finish (db, ok, error);
}

/* The nomination rule */

gboolean
fzp_skills_competitions_get_expert_rule (FzContext                        *context,
                                         const char                       *date,
                                         FzpSkillsCompetitionsExpertRule  *rule,
                                         GError                          **error)
{
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;

  st = fz_database_query (fz_context_get_database (context),
                          "SELECT level, first_places, large_event_entrants, large_event_places "
                          "FROM skills_competitions_expert_rule WHERE effective_from <= ?1 "
                          "ORDER BY effective_from DESC LIMIT 1",
                          g_variant_new ("(s)", date), error);
  if (st == NULL)
    return FALSE;
  if (!fz_statement_step (st, &local_error))
    {
      if (local_error)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        fail (error, FZP_SKILLS_COMPETITIONS_ERROR_NOT_FOUND, _("No rule for technical experts is in force on %s"), date);
      return FALSE;
    }
  fzp_skills_competitions_level_parse (fz_statement_get_text (st, 0), &rule->level);
  rule->first_places = (guint) fz_statement_get_int64 (st, 1);
  rule->large_event_entrants = (guint) fz_statement_get_int64 (st, 2);
  rule->large_event_places = (guint) fz_statement_get_int64 (st, 3);
  return TRUE;
}

gboolean
fzp_skills_competitions_set_expert_rule (FzContext                              *context,
                                         const char                             *from,
                                         const FzpSkillsCompetitionsExpertRule  *rule,
                                         GError                                **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autofree char *day = fzp_skills_competitions_check_date (from, _("From"), error);
  gboolean ok;

  if (day == NULL)
    return FALSE;
  if ((guint) rule->level >= FZP_SKILLS_COMPETITIONS_N_LEVELS)
    return fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INVALID, _("Level: not a level of competition"));
  if (rule->large_event_entrants == 0 || rule->first_places > 100 || rule->large_event_places > 100)
    return fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
                 _("Rule: places must be from 0 to 100 and the size of a large event at least 1"));
  if (!fz_database_begin (db, error))
    return FALSE;
  ok = fz_database_execute (db, "INSERT INTO skills_competitions_expert_rule (effective_from, level, first_places,"
                                " large_event_entrants, large_event_places) VALUES (?1, ?2, ?3, ?4, ?5)"
                                " ON CONFLICT (effective_from) DO UPDATE SET level = excluded.level,"
                                " first_places = excluded.first_places,"
                                " large_event_entrants = excluded.large_event_entrants,"
                                " large_event_places = excluded.large_event_places",
                            g_variant_new ("(ssuuu)", day, fzp_skills_competitions_level_to_nick (rule->level),
                                           rule->first_places, rule->large_event_entrants, rule->large_event_places),
                            error);
  return finish (db, ok, error);
}

/* Nominations */

gboolean
fzp_skills_competitions_nominate (FzContext                        *context,
                                  FzpSkillsCompetitionsNomination  *nomination,
                                  GError                          **error)
{
  FzDatabase *db = fz_context_get_database (context);
  FzRegistry *registry = fz_context_get_registry (context);
  g_autoptr(FzPerson) person = NULL;
  g_autofree char *trade = NULL;
  g_autofree char *by = NULL;
  g_autofree char *basis = NULL;
  g_autofree char *day = NULL;
  gint64 n = 0;
  gboolean ok;

  if ((guint) nomination->kind >= FZP_SKILLS_COMPETITIONS_N_NOMINATIONS)
    return fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INVALID, _("Kind: not a kind of nomination"));
  if (nomination->year < 2000 || nomination->year > 2100)
    return fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INVALID, _("Year: %d is not a year from 2000 to 2100"), nomination->year);
  person = fz_registry_find_person (registry, nomination->person_id, NULL);
  if (person == NULL)
    return fail (error, FZP_SKILLS_COMPETITIONS_ERROR_NOT_FOUND,
                 _("Person: there is no person %lld in the registry"), (long long) nomination->person_id);
  trade = fzp_skills_competitions_check_text (nomination->trade, _("Trade"), 50, error);
  if (trade == NULL)
    return FALSE;
  by = fzp_skills_competitions_check_text (nomination->nominated_by, _("Nominated by"), 100, error);
  if (by == NULL)
    return FALSE;
  if (nomination->basis && *nomination->basis)
    {
      basis = fzp_skills_competitions_check_text (nomination->basis, _("Grounds"), 500, error);
      if (basis == NULL)
        return FALSE;
    }
  if (nomination->nominated && *nomination->nominated)
    day = fzp_skills_competitions_check_date (nomination->nominated, _("Date"), error);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      day = g_date_time_format (now, "%Y-%m-%d");
    }
  if (day == NULL)
    return FALSE;
  if (nomination->organization_id > 0)
    {
      g_autoptr(FzOrganization) organization = fz_registry_find_organization (registry, nomination->organization_id, NULL);
      if (organization == NULL)
        return fail (error, FZP_SKILLS_COMPETITIONS_ERROR_NOT_FOUND,
                     _("Organization: there is no organization %lld in the registry"),
                     (long long) nomination->organization_id);
    }

  if (nomination->entrant_id > 0)
    {
      g_autoptr(FzpSkillsCompetitionsEntrant) entrant = NULL;
      g_autoptr(FzpSkillsCompetitionsEvent) event = NULL;
      g_autoptr(FzpSkillsCompetitionsCompetition) competition = NULL;

      entrant = fzp_skills_competitions_get_entrant (context, nomination->entrant_id, error);
      event = entrant ? fzp_skills_competitions_get_event (context, entrant->event_id, error) : NULL;
      competition = event ? fzp_skills_competitions_get_competition (context, event->competition_id, error) : NULL;
      if (competition == NULL)
        return FALSE;
      if (entrant->person_id != nomination->person_id)
        return fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
                     _("Result: the entrant is %s, not the person nominated"), entrant->name);
      if (competition->published == NULL)
        return fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
                     _("Result: the results of “%s” are not published yet"), competition->name);
      if (nomination->kind == FZP_SKILLS_COMPETITIONS_NOMINATION_TECHNICAL_EXPERT)
        {
          FzpSkillsCompetitionsExpertRule rule;
          g_autoptr(GError) why = NULL;
          gint64 n_competed = 0;

          if (!fzp_skills_competitions_get_expert_rule (context, competition->ends, &rule, error) ||
              !fz_database_query_int64 (db, "SELECT count(*) FROM skills_competitions_entrant WHERE event_id = ?1 "
                                            "AND absent = 0", g_variant_new ("(x)", event->id), &n_competed, NULL, error))
            return FALSE;
          if (!fzp_skills_competitions_expert_eligible (&rule, competition->level, entrant->rank, (guint) n_competed, &why))
            return fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
                         _("Result: %s cannot be put forward as a technical expert: %s"), entrant->name, why->message);
        }
    }
  else if (nomination->kind == FZP_SKILLS_COMPETITIONS_NOMINATION_TECHNICAL_EXPERT)
    return fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
                 _("Result: a technical expert is put forward from a contest’s results; name the entrant"));

  if (!fz_database_begin (db, error))
    return FALSE;
  ok = fz_database_query_int64 (db, "SELECT count(*) FROM skills_competitions_nomination "
                                    "WHERE year = ?1 AND kind = ?2 AND person_id = ?3",
                                g_variant_new ("(isx)", nomination->year,
                                               fzp_skills_competitions_nomination_to_nick (nomination->kind),
                                               nomination->person_id), &n, NULL, error);
  if (ok && n > 0)
    ok = fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INVALID, _("Person: %s is nominated as %s for %d already"),
               fz_person_get_name (person), fzp_skills_competitions_nomination_to_label (nomination->kind),
               nomination->year);
  ok = ok && fz_database_execute (db, "INSERT INTO skills_competitions_nomination (year, kind, person_id, entrant_id,"
                                      " organization_id, trade, nominated_by, basis, nominated)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                  g_variant_new ("(isxmxmxssmss)", nomination->year,
                                                 fzp_skills_competitions_nomination_to_nick (nomination->kind),
                                                 nomination->person_id,
                                                 nomination->entrant_id > 0, nomination->entrant_id,
                                                 nomination->organization_id > 0, nomination->organization_id,
                                                 trade, by, basis, day),
                                  error);
  if (ok)
    nomination->id = fz_database_last_insert_rowid (db);
  return finish (db, ok, error);
}

gboolean
fzp_skills_competitions_decide (FzContext                      *context,
                                gint64                          nomination_id,
                                FzpSkillsCompetitionsDecision   decision,
                                const char                     *date,
                                const char                     *note,
                                GError                        **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autofree char *day = NULL;
  g_autofree char *clean_note = NULL;
  g_autofree char *current = NULL;
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  if (decision != FZP_SKILLS_COMPETITIONS_DECISION_SELECTED && decision != FZP_SKILLS_COMPETITIONS_DECISION_REJECTED)
    return fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INVALID, _("Decision: say selected or not selected"));
  if (date && *date)
    day = fzp_skills_competitions_check_date (date, _("Date"), error);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      day = g_date_time_format (now, "%Y-%m-%d");
    }
  if (day == NULL)
    return FALSE;
  if (note && *note)
    {
      clean_note = fzp_skills_competitions_check_text (note, _("Note"), 200, error);
      if (clean_note == NULL)
        return FALSE;
    }
  if (!fz_database_begin (db, error))
    return FALSE;
  st = fz_database_query (db, "SELECT decision FROM skills_competitions_nomination WHERE id = ?1",
                          g_variant_new ("(x)", nomination_id), error);
  ok = st != NULL;
  if (ok && fz_statement_step (st, &local_error))
    current = fz_statement_dup_text (st, 0);
  g_clear_pointer (&st, fz_statement_unref);
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      ok = FALSE;
    }
  if (ok && current == NULL)
    ok = fail (error, FZP_SKILLS_COMPETITIONS_ERROR_NOT_FOUND, _("There is no nomination %lld"), (long long) nomination_id);
  if (ok && !g_str_equal (current, "pending"))
    ok = fail (error, FZP_SKILLS_COMPETITIONS_ERROR_INVALID, _("Decision: nomination %lld was decided already"),
               (long long) nomination_id);
  ok = ok && fz_database_execute (db, "UPDATE skills_competitions_nomination SET decision = ?2, decided = ?3,"
                                      " decision_note = ?4, decided_by = ?5 WHERE id = ?1",
                                  g_variant_new ("(xssmss)", nomination_id, fzp_skills_competitions_decision_to_nick (decision),
                                                 day, clean_note, operator_of (context)),
                                  error);
  return finish (db, ok, error);
}

GPtrArray *
fzp_skills_competitions_list_nominations (FzContext  *context,
                                          int         year,
                                          GError    **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) fzp_skills_competitions_nomination_free);
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;

  st = fz_database_query (fz_context_get_database (context),
                          "SELECT m.id, m.year, m.kind, m.person_id, coalesce(m.entrant_id, 0),"
                          " coalesce(m.organization_id, 0), m.trade, m.nominated_by, m.basis, m.nominated,"
                          " m.decision, m.decided, m.decision_note, p.name, p.id_number, c.name, o.name,"
                          " CASE WHEN n.id IS NULL THEN NULL ELSE"
                          "  k.name || ' ' || e.name || ' 第' || n.rank || '名' || coalesce(' ' || n.award, '') END"
                          " FROM skills_competitions_nomination m JOIN fz_person p ON p.id = m.person_id"
                          " LEFT JOIN fz_county c ON c.code = p.county_code"
                          " LEFT JOIN fz_organization o ON o.id = m.organization_id"
                          " LEFT JOIN skills_competitions_entrant n ON n.id = m.entrant_id"
                          " LEFT JOIN skills_competitions_event e ON e.id = n.event_id"
                          " LEFT JOIN skills_competitions_competition k ON k.id = e.competition_id"
                          " WHERE ?1 = 0 OR m.year = ?1 ORDER BY m.year DESC, m.kind, m.nominated, m.id",
                          g_variant_new ("(i)", year), error);
  if (st == NULL)
    return NULL;
  while (fz_statement_step (st, &local_error))
    {
      FzpSkillsCompetitionsNomination *m = g_new0 (FzpSkillsCompetitionsNomination, 1);

      m->id = fz_statement_get_int64 (st, 0);
      m->year = (int) fz_statement_get_int64 (st, 1);
      fzp_skills_competitions_nomination_parse (fz_statement_get_text (st, 2), &m->kind);
      m->person_id = fz_statement_get_int64 (st, 3);
      m->entrant_id = fz_statement_get_int64 (st, 4);
      m->organization_id = fz_statement_get_int64 (st, 5);
      m->trade = fz_statement_dup_text (st, 6);
      m->nominated_by = fz_statement_dup_text (st, 7);
      m->basis = fz_statement_dup_text (st, 8);
      m->nominated = fz_statement_dup_text (st, 9);
      fzp_skills_competitions_decision_parse (fz_statement_get_text (st, 10), &m->decision);
      m->decided = fz_statement_dup_text (st, 11);
      m->decision_note = fz_statement_dup_text (st, 12);
      m->name = fz_statement_dup_text (st, 13);
      m->id_number = fz_statement_dup_text (st, 14);
      m->county_name = fz_statement_dup_text (st, 15);
      m->organization = fz_statement_dup_text (st, 16);
      m->result = fz_statement_dup_text (st, 17);
      g_ptr_array_add (list, m);
    }
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&list);
}

void
fzp_skills_competitions_result_free (FzpSkillsCompetitionsResult *result)
{
  if (result == NULL)
    return;
  g_free (result->id_number);
  g_free (result->name);
  g_free (result->event);
  g_free (result->label);
  g_free (result);
}

GPtrArray *
fzp_skills_competitions_list_results (FzContext  *context,
                                      GError    **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) fzp_skills_competitions_result_free);
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;

  st = fz_database_query (fz_context_get_database (context),
                          "SELECT n.id, n.person_id, p.id_number, p.name, e.name, c.name, n.award, n.rank"
                          " FROM skills_competitions_entrant n JOIN fz_person p ON p.id = n.person_id"
                          " JOIN skills_competitions_event e ON e.id = n.event_id"
                          " JOIN skills_competitions_competition c ON c.id = e.competition_id"
                          " WHERE c.published IS NOT NULL AND n.award IS NOT NULL"
                          " ORDER BY c.starts DESC, c.id DESC, e.id, n.rank, n.number", NULL, error);
  if (st == NULL)
    return NULL;
  while (fz_statement_step (st, &local_error))
    {
      FzpSkillsCompetitionsResult *r = g_new0 (FzpSkillsCompetitionsResult, 1);

      r->entrant_id = fz_statement_get_int64 (st, 0);
      r->person_id = fz_statement_get_int64 (st, 1);
      r->id_number = fz_statement_dup_text (st, 2);
      r->name = fz_statement_dup_text (st, 3);
      r->event = fz_statement_dup_text (st, 4);
      /* TRANSLATORS: a result: competition · event · award (rank) · name */
      r->label = g_strdup_printf (_("%s · %s · %s (place %u) · %s"), fz_statement_get_text (st, 5), r->event,
                                  fz_statement_get_text (st, 6), (guint) fz_statement_get_int64 (st, 7), r->name);
      g_ptr_array_add (list, r);
    }
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&list);
}

FzPerson *
fzp_skills_competitions_find_person (FzContext   *context,
                                     const char  *number,
                                     GError     **error)
{
  FzRegistry *registry = fz_context_get_registry (context);
  g_autofree char *norm = fz_normalize_number (number);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(FzPerson) person = NULL;
  FzIdentity identity;

  if (strlen (norm) == 20)
    {
      FzDisabilityCard card;

      if (!fz_validate_certificate_number (norm, NULL, 0, 0, &card, &local_error))
        {
          g_set_error_literal (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
                               local_error->message);
          return NULL;
        }
      norm[18] = '\0';
    }
  if (!fz_validate_identity_number (norm, NULL, &identity, &local_error))
    {
      g_set_error_literal (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
                           local_error->message);
      return NULL;
    }
  person = fz_registry_find_person_by_id_number (registry, identity.number, error);
  if (person == NULL)
    {
      if (error == NULL || *error == NULL)
        fail (error, FZP_SKILLS_COMPETITIONS_ERROR_NOT_FOUND,
              _("Identity number: nobody in the registry has %s; register the person first"), identity.number);
      return NULL;
    }
  return g_steal_pointer (&person);
}

gint64
fzp_skills_competitions_find_organization (FzContext   *context,
                                           const char  *code_or_name,
                                           GError     **error)
{
  g_autofree char *name = fz_normalize_text (code_or_name);
  g_autofree char *code = fz_normalize_number (code_or_name);
  gint64 id = 0;
  gboolean found = FALSE;

  if (!fz_database_query_int64 (fz_context_get_database (context),
                                "SELECT id FROM fz_organization WHERE credit_code = ?1 OR name = ?2 "
                                "ORDER BY credit_code = ?1 DESC, id LIMIT 1",
                                g_variant_new ("(ss)", code, name), &id, &found, error))
    return 0;
  if (!found)
    {
      fail (error, FZP_SKILLS_COMPETITIONS_ERROR_NOT_FOUND,
            _("Organization: “%s” is not in the registry of organizations; register it first"), name);
      return 0;
    }
  return id;
}

char *
fzp_skills_competitions_dup_certificate_prefix (FzContext *context)
{
  char *prefix = fz_context_get_value (context, FZP_SKILLS_COMPETITIONS_ID, "certificate-prefix");

  if (prefix == NULL || *prefix == '\0')
    {
      g_free (prefix);
      return g_strdup ("JN");
    }
  return prefix;
}
