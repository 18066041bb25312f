/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-skills-competitions"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fzp-skills-competitions-import.h"

typedef enum {
  COL_EVENT,
  COL_NUMBER,
  COL_NAME,
  COL_ID_NUMBER,
  COL_CERT_NUMBER,
  COL_COUNTY,
  COL_ORGANIZATION,
  COL_ABSENT,
  N_COLS
} Column;

/* The headers each column goes by, written as normalize_header() leaves
 * them: no spaces, ASCII brackets and lower case. */
static const char * const column_headers[N_COLS][9] = {
  [COL_EVENT] = { "项目", "赛项", "比赛项目", "竞赛项目", "参赛项目", "event", NULL },
  [COL_NUMBER] = { "参赛号", "参赛编号", "编号", "number", "no", "no.", NULL },
  [COL_NAME] = { "姓名", "name", NULL },
  [COL_ID_NUMBER] = { "身份证号", "身份证号码", "公民身份号码", "id_number", "idnumber", "identitynumber", NULL },
  [COL_CERT_NUMBER] = { "残疾证号", "残疾人证号", "残疾证号码", "cert_number", "certificatenumber", NULL },
  [COL_COUNTY] = { "县(市、区)", "县(市,区)", "县市区", "所属县(市、区)", "县(市、区)代表队", "代表队", "county", NULL },
  [COL_ORGANIZATION] = { "单位", "工作单位", "所在单位", "organization", "employer", NULL },
  [COL_ABSENT] = { "缺赛", "缺考", "状态", "absent", "status", NULL },
};

void
fzp_skills_competitions_import_report_free (FzpSkillsCompetitionsImportReport *report)
{
  if (report == NULL)
    return;
  g_free (report->path);
  g_free (report->encoding);
  g_clear_pointer (&report->problems, g_ptr_array_unref);
  g_free (report);
}

static FzpSkillsCompetitionsImportReport *
report_new (const char *path)
{
  FzpSkillsCompetitionsImportReport *report = g_new0 (FzpSkillsCompetitionsImportReport, 1);

  report->path = g_strdup (path);
  report->problems = g_ptr_array_new_with_free_func (g_free);
  return report;
}

static void
add_problem (FzpSkillsCompetitionsImportReport *report,
             guint                              line,
             const char                        *format,
             ...) G_GNUC_PRINTF (3, 4);

static void
add_problem (FzpSkillsCompetitionsImportReport *report,
             guint                              line,
             const char                        *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list ap;

  va_start (ap, format);
  message = g_strdup_vprintf (format, ap);
  va_end (ap);
  g_ptr_array_add (report->problems, g_strdup_printf ("%s:%u: %s", report->path, line, message));
}

static char *
normalize_header (const char *text)
{
  g_autofree char *norm = fz_normalize_text (text);
  GString *out = g_string_new (NULL);

  for (const char *p = norm; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == '*')
        continue;
      g_string_append_unichar (out, g_unichar_tolower (c));
    }
  return g_string_free (out, FALSE);
}

static int
find_column (const char *header)
{
  for (guint c = 0; c < N_COLS; c++)
    for (guint i = 0; column_headers[c][i]; i++)
      if (g_str_equal (header, column_headers[c][i]))
        return (int) c;
  return -1;
}

/* "评委2", "裁判 2", "judge2" -> 2; 0 when @header is not a numbered judge. */
static guint
judge_seat (const char *header)
{
  const char *prefixes[] = { "评委", "裁判", "judge" };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (header, prefixes[i]))
      {
        const char *rest = header + strlen (prefixes[i]);
        guint64 seat = 0;

        if (*rest && g_ascii_string_to_unsigned (rest, 10, 1, 15, &seat, NULL))
          return (guint) seat;
      }
  return 0;
}

static gboolean
read_table (const char                          *path,
            FzTable                            **table,
            FzpSkillsCompetitionsImportReport  **report,
            GError                             **error)
{
  *table = fz_table_read_file (path, error);
  if (*table == NULL)
    return FALSE;
  *report = report_new (path);
  (*report)->encoding = g_strdup (fz_table_get_encoding (*table));
  if (fz_table_get_n_records (*table) < 2)
    {
      g_set_error (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_INVALID,
                   _("%s: the sheet has no rows under its headers"), path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
reject (FzpSkillsCompetitionsImportReport  *report,
        GError                            **error)
{
  if (report->problems->len == 0)
    return TRUE;
  g_set_error (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_REJECTED,
               g_dngettext (GETTEXT_PACKAGE, "%s: %u problem; nothing was imported",
                            "%s: %u problems; nothing was imported", report->problems->len),
               report->path, report->problems->len);
  return FALSE;
}

/* The events of the competition by name, and each event's entrants. */
typedef struct {
  FzpSkillsCompetitionsEvent *event;
  GPtrArray                  *entrants;   /* FzpSkillsCompetitionsEntrant */
  GHashTable                 *by_number;  /* number -> entrant */
  GHashTable                 *by_person;  /* person id -> entrant */
  GHashTable                 *seen;       /* entrant or person key -> line, in this file */
  GHashTable                 *numbers;    /* number -> line, in this file */
  gboolean                    touched;
} EventState;

static void
event_state_free (EventState *state)
{
  fzp_skills_competitions_event_free (state->event);
  g_clear_pointer (&state->entrants, g_ptr_array_unref);
  g_clear_pointer (&state->by_number, g_hash_table_unref);
  g_clear_pointer (&state->by_person, g_hash_table_unref);
  g_clear_pointer (&state->seen, g_hash_table_unref);
  g_clear_pointer (&state->numbers, g_hash_table_unref);
  g_free (state);
}

static GHashTable *
load_events (FzContext  *context,
             gint64      competition_id,
             GError    **error)
{
  g_autoptr(GHashTable) events = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) event_state_free);
  g_autoptr(GPtrArray) list = fzp_skills_competitions_list_events (context, competition_id, error);

  if (list == NULL)
    return NULL;
  for (guint i = 0; i < list->len; i++)
    {
      EventState *state = g_new0 (EventState, 1);

      state->event = g_ptr_array_index (list, i);
      g_ptr_array_index (list, i) = NULL;
      state->entrants = fzp_skills_competitions_list_entrants (context, state->event->id, error);
      state->by_number = g_hash_table_new (g_direct_hash, g_direct_equal);
      state->by_person = g_hash_table_new (g_int64_hash, g_int64_equal);
      state->seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      state->numbers = g_hash_table_new (g_direct_hash, g_direct_equal);
      g_hash_table_insert (events, state->event->name, state);
      if (state->entrants == NULL)
        return NULL;
      for (guint j = 0; j < state->entrants->len; j++)
        {
          FzpSkillsCompetitionsEntrant *e = g_ptr_array_index (state->entrants, j);
          g_hash_table_insert (state->by_number, GUINT_TO_POINTER (e->number), e);
          g_hash_table_insert (state->by_person, &e->person_id, e);
        }
    }
  return g_steal_pointer (&events);
}

/* The event of a row: the one named in its event cell, else @fixed. */
static EventState *
row_event (GHashTable                         *events,
           FzTable                            *table,
           guint                               record,
           int                                 event_col,
           EventState                         *fixed,
           FzpSkillsCompetitionsImportReport  *report)
{
  guint line = fz_table_get_line (table, record);
  g_autofree char *name = NULL;
  EventState *state;

  if (event_col < 0)
    return fixed;
  name = fz_normalize_text (fz_table_get_field (table, record, (guint) event_col));
  if (*name == '\0')
    {
      if (fixed)
        return fixed;
      add_problem (report, line, _("Event: the value is missing"));
      return NULL;
    }
  state = g_hash_table_lookup (events, name);
  if (state == NULL)
    {
      /* "盲人按摩项目" for the event "盲人按摩", as people write it. */
      if (g_str_has_suffix (name, "项目"))
        {
          name[strlen (name) - strlen ("项目")] = '\0';
          state = g_hash_table_lookup (events, name);
        }
    }
  if (state == NULL)
    add_problem (report, line, _("Event: the competition has no event “%s”"), name);
  return state;
}

static gboolean
check_header (FzTable                            *table,
              int                                *cols,
              FzpSkillsCompetitionsImportReport  *report)
{
  guint n = fz_table_get_n_fields (table, 0);
  guint line = fz_table_get_line (table, 0);

  for (guint c = 0; c < N_COLS; c++)
    cols[c] = -1;
  for (guint f = 0; f < n; f++)
    {
      g_autofree char *header = normalize_header (fz_table_get_field (table, 0, f));
      int c = find_column (header);

      if (c < 0)
        continue;
      if (cols[c] >= 0)
        {
          add_problem (report, line, _("%s: the sheet has two such columns"), fz_table_get_field (table, 0, f));
          return FALSE;
        }
      cols[c] = (int) f;
    }
  return TRUE;
}

static gboolean
check_open_competition (FzContext   *context,
                        gint64       competition_id,
                        GError     **error)
{
  g_autoptr(FzpSkillsCompetitionsCompetition) competition =
    fzp_skills_competitions_get_competition (context, competition_id, error);

  if (competition == NULL)
    return FALSE;
  if (competition->published)
    {
      g_set_error (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_PUBLISHED,
                   _("The results of “%s” were published on %.10s and can no longer be changed"),
                   competition->name, competition->published);
      return FALSE;
    }
  return TRUE;
}

static EventState *
fixed_event (GHashTable  *events,
             gint64       event_id)
{
  GHashTableIter iter;
  EventState *state;

  if (event_id == 0)
    return NULL;
  g_hash_table_iter_init (&iter, events);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &state))
    if (state->event->id == event_id)
      return state;
  return NULL;
}

/* Entrants */

typedef struct {
  EventState *state;
  gint64      person_id;
  gint64      entrant_id;   /* 0: new */
  char       *county;
  gint64      organization_id;
  guint       number;       /* 0: next free */
} EntrantRow;

static void
entrant_row_clear (gpointer data)
{
  EntrantRow *row = data;
  g_free (row->county);
}

gboolean
fzp_skills_competitions_import_entrants (FzContext                           *context,
                                         gint64                               competition_id,
                                         gint64                               event_id,
                                         const char                          *path,
                                         FzpSkillsCompetitionsImportReport  **out_report,
                                         GError                             **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autoptr(FzTable) table = NULL;
  g_autoptr(FzpSkillsCompetitionsImportReport) report = NULL;
  g_autoptr(GHashTable) events = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (EntrantRow));
  EventState *fixed = NULL;
  int cols[N_COLS];
  gboolean ok = TRUE;

  g_array_set_clear_func (rows, entrant_row_clear);
  if (!check_open_competition (context, competition_id, error))
    return FALSE;
  if (!read_table (path, &table, &report, error))
    goto out;
  events = load_events (context, competition_id, error);
  if (events == NULL)
    goto out;
  fixed = fixed_event (events, event_id);
  if (event_id != 0 && fixed == NULL)
    {
      g_set_error (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_NOT_FOUND,
                   _("Event: the competition has no event %lld"), (long long) event_id);
      goto out;
    }
  if (!check_header (table, cols, report))
    goto rejected;
  if (cols[COL_EVENT] < 0 && fixed == NULL)
    add_problem (report, fz_table_get_line (table, 0), _("Event: the sheet has no column 项目; add it or name the event"));
  if (cols[COL_ID_NUMBER] < 0 && cols[COL_CERT_NUMBER] < 0)
    add_problem (report, fz_table_get_line (table, 0),
                 _("Identity number: the sheet has no column 身份证号 or 残疾证号"));
  if (report->problems->len > 0)
    goto rejected;

  for (guint r = 1; r < fz_table_get_n_records (table); r++)
    {
      guint line = fz_table_get_line (table, r);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(FzPerson) person = NULL;
      EventState *state = row_event (events, table, r, cols[COL_EVENT], fixed, report);
      const char *number_text = cols[COL_ID_NUMBER] >= 0 ? fz_table_get_field (table, r, (guint) cols[COL_ID_NUMBER]) : "";
      FzpSkillsCompetitionsEntrant *existing;
      EntrantRow row = { 0 };
      gpointer seen_line;

      report->rows++;
      if (*number_text == '\0' && cols[COL_CERT_NUMBER] >= 0)
        number_text = fz_table_get_field (table, r, (guint) cols[COL_CERT_NUMBER]);
      person = fzp_skills_competitions_find_person (context, number_text, &local_error);
      if (person == NULL)
        {
          if (local_error == NULL)
            continue;
          /* The validator's message names the field already. */
          add_problem (report, line, "%s", local_error->message);
          continue;
        }
      if (cols[COL_NAME] >= 0)
        {
          g_autofree char *name = fz_normalize_text (fz_table_get_field (table, r, (guint) cols[COL_NAME]));
          if (*name && !g_str_equal (name, fz_person_get_name (person)))
            add_problem (report, line, _("Name: the registry has %s for this number, not %s"),
                         fz_person_get_name (person), name);
        }
      if (fz_person_get_cert_number (person) == NULL)
        add_problem (report, line,
                     _("Certificate: %s has no disability certificate in the registry; only certificate holders can enter"),
                     fz_person_get_name (person));
      if (cols[COL_COUNTY] >= 0 && *fz_table_get_field (table, r, (guint) cols[COL_COUNTY]))
        {
          const char *text = fz_table_get_field (table, r, (guint) cols[COL_COUNTY]);
          row.county = fz_county_lookup (db, text);
          if (row.county == NULL || g_str_equal (row.county, FZ_CITY_CODE))
            add_problem (report, line, _("County: “%s” is not a county of the city"), text);
        }
      else if (fz_person_get_county_code (person))
        row.county = g_strdup (fz_person_get_county_code (person));
      else
        add_problem (report, line, _("County: the registry has no county for %s; fill in the column 县(市、区)"),
                     fz_person_get_name (person));
      if (cols[COL_ORGANIZATION] >= 0)
        {
          const char *text = fz_table_get_field (table, r, (guint) cols[COL_ORGANIZATION]);
          g_autoptr(GError) org_error = NULL;

          if (*text && (row.organization_id = fzp_skills_competitions_find_organization (context, text, &org_error)) == 0)
            add_problem (report, line, "%s", org_error->message);
        }
      if (cols[COL_NUMBER] >= 0)
        {
          g_autofree char *text = fz_normalize_number (fz_table_get_field (table, r, (guint) cols[COL_NUMBER]));
          guint64 number = 0;

          if (*text && !g_ascii_string_to_unsigned (text, 10, 1, 99999, &number, NULL))
            add_problem (report, line, _("Number: “%s” is not a number from 1 to 99999"), text);
          row.number = (guint) number;
        }
      if (state == NULL)
        {
          entrant_row_clear (&row);
          continue;
        }

      row.state = state;
      row.person_id = fz_person_get_id (person);
      if (g_hash_table_lookup_extended (state->seen, &row.person_id, NULL, &seen_line))
        add_problem (report, line, _("Person: %s is on line %u for this event already"), fz_person_get_name (person),
                     GPOINTER_TO_UINT (seen_line));
      else
        g_hash_table_insert (state->seen, g_memdup2 (&row.person_id, sizeof (gint64)), GUINT_TO_POINTER (line));
      existing = g_hash_table_lookup (state->by_person, &row.person_id);
      if (existing)
        row.entrant_id = existing->id;
      if (row.number > 0)
        {
          FzpSkillsCompetitionsEntrant *holder = g_hash_table_lookup (state->by_number, GUINT_TO_POINTER (row.number));

          if (g_hash_table_lookup_extended (state->numbers, GUINT_TO_POINTER (row.number), NULL, &seen_line))
            add_problem (report, line, _("Number: %u is given on line %u for this event already"), row.number,
                         GPOINTER_TO_UINT (seen_line));
          else
            g_hash_table_insert (state->numbers, GUINT_TO_POINTER (row.number), GUINT_TO_POINTER (line));
          if (holder && holder->person_id != row.person_id)
            add_problem (report, line, _("Number: %u is %s’s in this event"), row.number, holder->name);
        }
      g_array_append_val (rows, row);
    }
  if (report->problems->len > 0)
    goto rejected;

  if (!fz_database_begin (db, error))
    goto out;
  for (guint i = 0; ok && i < rows->len; i++)
    {
      EntrantRow *row = &g_array_index (rows, EntrantRow, i);

      if (row->entrant_id == 0)
        {
          ok = fzp_skills_competitions_enter (context, row->state->event->id, row->person_id, row->county,
                                              row->organization_id, row->number, error) != 0;
          report->added++;
        }
      else
        {
          FzpSkillsCompetitionsEntrant *e = g_hash_table_lookup (row->state->by_person, &row->person_id);
          guint number = row->number ? row->number : e->number;
          gint64 organization = cols[COL_ORGANIZATION] >= 0 ? row->organization_id : e->organization_id;

          if (g_strcmp0 (e->county_code, row->county) == 0 && organization == e->organization_id && number == e->number)
            {
              report->unchanged++;
              continue;
            }
          ok = fzp_skills_competitions_update_entrant (context, e->id, row->county, organization, number, error);
          report->updated++;
        }
    }
  if (!ok)
    {
      fz_database_rollback (db);
      report->added = report->updated = report->unchanged = 0;
      goto out;
    }
  if (!fz_database_commit (db, error))
    goto out;
  if (out_report)
    *out_report = g_steal_pointer (&report);
  return TRUE;

rejected:
  reject (report, error);
out:
  if (out_report)
    *out_report = g_steal_pointer (&report);
  return FALSE;
}

/* Scores */

typedef struct {
  guint  field;
  guint  seat;    /* numbered column, or 0 */
  char  *name;    /* the judge's name as the header gives it, when not numbered */
  char  *header;  /* as written, for messages */
} JudgeColumn;

static void
judge_column_clear (gpointer data)
{
  JudgeColumn *col = data;
  g_free (col->name);
  g_free (col->header);
}

typedef struct {
  EventState *state;
  gint64      entrant_id;
  int         absent;      /* -1: not said */
  gint64      scores[15];
  gboolean    has[15];
} ScoreRow;

static gboolean
parse_absent (const char *text,
              gboolean   *absent)
{
  g_autofree char *v = normalize_header (text);
  const char *yes[] = { "缺赛", "缺考", "弃权", "是", "√", "yes", "y", "1", "absent", "true" };
  const char *no[] = { "", "否", "参赛", "正常", "no", "n", "0", "present", "false" };

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (g_str_equal (v, yes[i]))
      {
        *absent = TRUE;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (g_str_equal (v, no[i]))
      {
        *absent = FALSE;
        return TRUE;
      }
  return FALSE;
}

gboolean
fzp_skills_competitions_import_scores (FzContext                           *context,
                                       gint64                               competition_id,
                                       gint64                               event_id,
                                       const char                          *path,
                                       FzpSkillsCompetitionsImportReport  **out_report,
                                       GError                             **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autoptr(FzTable) table = NULL;
  g_autoptr(FzpSkillsCompetitionsImportReport) report = NULL;
  g_autoptr(GHashTable) events = NULL;
  g_autoptr(GArray) judges = g_array_new (FALSE, TRUE, sizeof (JudgeColumn));
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (ScoreRow));
  GHashTableIter iter;
  EventState *fixed = NULL;
  EventState *state;
  int cols[N_COLS];
  gboolean ok = TRUE;

  g_array_set_clear_func (judges, judge_column_clear);
  if (!check_open_competition (context, competition_id, error))
    return FALSE;
  if (!read_table (path, &table, &report, error))
    goto out;
  events = load_events (context, competition_id, error);
  if (events == NULL)
    goto out;
  fixed = fixed_event (events, event_id);
  if (event_id != 0 && fixed == NULL)
    {
      g_set_error (error, FZP_SKILLS_COMPETITIONS_ERROR, FZP_SKILLS_COMPETITIONS_ERROR_NOT_FOUND,
                   _("Event: the competition has no event %lld"), (long long) event_id);
      goto out;
    }
  if (!check_header (table, cols, report))
    goto rejected;

  /* Judge columns: numbered, or a judge's name. */
  for (guint f = 0; f < fz_table_get_n_fields (table, 0); f++)
    {
      const char *written = fz_table_get_field (table, 0, f);
      g_autofree char *header = normalize_header (written);
      JudgeColumn col = { 0 };
      gboolean is_judge = FALSE;

      if (find_column (header) >= 0)
        continue;
      col.seat = judge_seat (header);
      if (col.seat == 0)
        {
          g_autofree char *name = fz_normalize_text (written);

          g_hash_table_iter_init (&iter, events);
          while (!is_judge && g_hash_table_iter_next (&iter, NULL, (gpointer *) &state))
            is_judge = g_strv_contains ((const char * const *) state->event->judges, name);
          if (!is_judge)
            continue;
          col.name = g_steal_pointer (&name);
        }
      col.field = f;
      col.header = fz_normalize_text (written);
      g_array_append_val (judges, col);
    }
  if (cols[COL_EVENT] < 0 && fixed == NULL)
    add_problem (report, fz_table_get_line (table, 0), _("Event: the sheet has no column 项目; add it or name the event"));
  if (cols[COL_NUMBER] < 0 && cols[COL_ID_NUMBER] < 0)
    add_problem (report, fz_table_get_line (table, 0), _("Number: the sheet has no column 参赛号 or 身份证号"));
  if (judges->len == 0 && cols[COL_ABSENT] < 0)
    add_problem (report, fz_table_get_line (table, 0),
                 _("Scores: the sheet has no judges’ columns (评委1, 评委2… or the judges’ names)"));
  if (report->problems->len > 0)
    goto rejected;

  for (guint r = 1; r < fz_table_get_n_records (table); r++)
    {
      guint line = fz_table_get_line (table, r);
      FzpSkillsCompetitionsEntrant *entrant = NULL;
      ScoreRow row = { 0 };
      gpointer seen_line;
      gboolean any_score = FALSE;

      report->rows++;
      row.absent = -1;
      state = row_event (events, table, r, cols[COL_EVENT], fixed, report);
      if (state == NULL)
        continue;
      if (cols[COL_NUMBER] >= 0 && *fz_table_get_field (table, r, (guint) cols[COL_NUMBER]))
        {
          g_autofree char *text = fz_normalize_number (fz_table_get_field (table, r, (guint) cols[COL_NUMBER]));
          guint64 number = 0;

          if (!g_ascii_string_to_unsigned (text, 10, 1, 99999, &number, NULL))
            {
              add_problem (report, line, _("Number: “%s” is not a number from 1 to 99999"), text);
              continue;
            }
          entrant = g_hash_table_lookup (state->by_number, GUINT_TO_POINTER ((guint) number));
          if (entrant == NULL)
            {
              add_problem (report, line, _("Number: %s has no entrant number %u"), state->event->name, (guint) number);
              continue;
            }
        }
      else if (cols[COL_ID_NUMBER] >= 0)
        {
          g_autoptr(GError) local_error = NULL;
          g_autoptr(FzPerson) person = fzp_skills_competitions_find_person (context,
                                                                            fz_table_get_field (table, r, (guint) cols[COL_ID_NUMBER]),
                                                                            &local_error);
          gint64 person_id;

          if (person == NULL)
            {
              add_problem (report, line, "%s", local_error->message);
              continue;
            }
          person_id = fz_person_get_id (person);
          entrant = g_hash_table_lookup (state->by_person, &person_id);
          if (entrant == NULL)
            {
              add_problem (report, line, _("Identity number: %s is not entered in %s"), fz_person_get_name (person),
                           state->event->name);
              continue;
            }
        }
      else
        {
          add_problem (report, line, _("Number: the value is missing"));
          continue;
        }
      if (cols[COL_NAME] >= 0)
        {
          g_autofree char *name = fz_normalize_text (fz_table_get_field (table, r, (guint) cols[COL_NAME]));
          if (*name && !g_str_equal (name, entrant->name))
            add_problem (report, line, _("Name: entrant number %u of %s is %s, not %s"), entrant->number,
                         state->event->name, entrant->name, name);
        }
      if (g_hash_table_lookup_extended (state->seen, &entrant->id, NULL, &seen_line))
        {
          add_problem (report, line, _("Number: the scores of No. %u %s are on line %u already"), entrant->number,
                       entrant->name, GPOINTER_TO_UINT (seen_line));
          continue;
        }
      g_hash_table_insert (state->seen, g_memdup2 (&entrant->id, sizeof (gint64)), GUINT_TO_POINTER (line));
      row.state = state;
      row.entrant_id = entrant->id;

      if (cols[COL_ABSENT] >= 0)
        {
          const char *text = fz_table_get_field (table, r, (guint) cols[COL_ABSENT]);
          gboolean absent = FALSE;

          if (!parse_absent (text, &absent))
            add_problem (report, line, _("%s: “%s” should be 缺赛 or empty"), fz_table_get_field (table, 0, (guint) cols[COL_ABSENT]),
                         text);
          else
            row.absent = absent ? 1 : 0;
        }
      for (guint j = 0; j < judges->len; j++)
        {
          JudgeColumn *col = &g_array_index (judges, JudgeColumn, j);
          const char *text = fz_table_get_field (table, r, col->field);
          g_autoptr(GError) local_error = NULL;
          guint seat = col->seat;
          gint64 score;

          if (*text == '\0' || (g_str_equal (text, "-")))
            continue;
          if (seat == 0)
            {
              for (guint k = 0; k < state->event->n_judges; k++)
                if (g_str_equal (state->event->judges[k], col->name))
                  seat = k + 1;
              if (seat == 0)
                {
                  add_problem (report, line, _("%s: not a judge of %s"), col->header, state->event->name);
                  continue;
                }
            }
          if (seat > state->event->n_judges)
            {
              add_problem (report, line, g_dngettext (GETTEXT_PACKAGE, "%s: %s has %u judge", "%s: %s has %u judges",
                                                      state->event->n_judges),
                           col->header, state->event->name, state->event->n_judges);
              continue;
            }
          if (!fzp_skills_competitions_parse_score (text, state->event->max_score, &score, &local_error))
            {
              add_problem (report, line, "%s: %s", col->header, local_error->message);
              continue;
            }
          if (row.has[seat - 1])
            {
              add_problem (report, line, _("%s: judge %u is given twice"), col->header, seat);
              continue;
            }
          row.scores[seat - 1] = score;
          row.has[seat - 1] = TRUE;
          any_score = TRUE;
        }
      if (any_score && (row.absent == 1 || (row.absent == -1 && entrant->absent)))
        add_problem (report, line, _("Scores: No. %u %s is marked absent but has scores"), entrant->number, entrant->name);
      g_array_append_val (rows, row);
    }
  if (report->problems->len > 0)
    goto rejected;

  if (!fz_database_begin (db, error))
    goto out;
  for (guint i = 0; ok && i < rows->len; i++)
    {
      ScoreRow *row = &g_array_index (rows, ScoreRow, i);
      gboolean row_changed = FALSE;

      if (row->absent >= 0)
        {
          g_autoptr(FzpSkillsCompetitionsEntrant) e = fzp_skills_competitions_get_entrant (context, row->entrant_id, error);
          ok = e != NULL;
          if (ok && e->absent != (row->absent == 1))
            {
              ok = fzp_skills_competitions_set_absent (context, row->entrant_id, row->absent == 1, error);
              row_changed = TRUE;
            }
        }
      for (guint seat = 1; ok && seat <= row->state->event->n_judges; seat++)
        {
          gboolean changed = FALSE;

          if (!row->has[seat - 1])
            continue;
          ok = fzp_skills_competitions_store_score (context, row->entrant_id, seat, &row->scores[seat - 1], &changed, error);
          row_changed = row_changed || changed;
        }
      if (row_changed)
        {
          report->updated++;
          row->state->touched = TRUE;
        }
      else
        report->unchanged++;
    }
  g_hash_table_iter_init (&iter, events);
  while (ok && g_hash_table_iter_next (&iter, NULL, (gpointer *) &state))
    {
      gboolean changed = FALSE;

      if (!state->touched)
        continue;
      ok = fzp_skills_competitions_rank_event (context, state->event->id, &changed, error);
      if (ok && changed)
        ok = fz_database_execute (db, "UPDATE skills_competitions_entrant SET award = NULL, award_manual = 0 "
                                      "WHERE event_id = ?1", g_variant_new ("(x)", state->event->id), error) &&
             fz_database_execute (db, "UPDATE skills_competitions_event SET awards_computed = 0 WHERE id = ?1",
                                  g_variant_new ("(x)", state->event->id), error);
    }
  if (!ok)
    {
      fz_database_rollback (db);
      report->updated = report->unchanged = 0;
      goto out;
    }
  if (!fz_database_commit (db, error))
    goto out;
  if (out_report)
    *out_report = g_steal_pointer (&report);
  return TRUE;

rejected:
  reject (report, error);
out:
  if (out_report)
    *out_report = g_steal_pointer (&report);
  return FALSE;
}

gboolean
fzp_skills_competitions_export_scores (FzContext   *context,
                                       gint64       competition_id,
                                       gint64       event_id,
                                       const char  *path,
                                       guint       *n_rows,
                                       GError     **error)
{
  g_autoptr(GPtrArray) events = fzp_skills_competitions_list_events (context, competition_id, error);
  g_autoptr(FzTableWriter) writer = NULL;
  g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func (g_free);
  guint n_judges = 0;
  guint rows = 0;
  guint fixed_cols;

  if (events == NULL)
    return FALSE;
  for (guint i = 0; i < events->len; i++)
    {
      FzpSkillsCompetitionsEvent *event = g_ptr_array_index (events, i);
      if (event_id == 0 || event->id == event_id)
        n_judges = MAX (n_judges, event->n_judges);
    }
  writer = fz_table_writer_new (path, error);
  if (writer == NULL)
    return FALSE;

  /* The headers the import reads back. */
  g_ptr_array_add (header, g_strdup ("项目"));
  g_ptr_array_add (header, g_strdup ("参赛号"));
  g_ptr_array_add (header, g_strdup ("姓名"));
  g_ptr_array_add (header, g_strdup ("身份证号"));
  g_ptr_array_add (header, g_strdup ("县(市、区)"));
  g_ptr_array_add (header, g_strdup ("单位"));
  fixed_cols = header->len;
  for (guint j = 0; j < n_judges; j++)
    g_ptr_array_add (header, g_strdup_printf ("评委%u", j + 1));
  g_ptr_array_add (header, g_strdup ("缺赛"));
  g_ptr_array_add (header, g_strdup ("最终得分"));
  g_ptr_array_add (header, g_strdup ("名次"));
  g_ptr_array_add (header, g_strdup ("奖项"));

  fz_table_writer_set_column (writer, 0, FZ_TABLE_COLUMN_TEXT, 14);
  fz_table_writer_set_column (writer, 1, FZ_TABLE_COLUMN_NUMBER, 8);
  fz_table_writer_set_column (writer, 2, FZ_TABLE_COLUMN_TEXT, 10);
  fz_table_writer_set_column (writer, 3, FZ_TABLE_COLUMN_IDENTIFIER, 22);
  fz_table_writer_set_column (writer, 4, FZ_TABLE_COLUMN_TEXT, 12);
  fz_table_writer_set_column (writer, 5, FZ_TABLE_COLUMN_TEXT, 24);
  for (guint j = 0; j < n_judges; j++)
    fz_table_writer_set_column (writer, fixed_cols + j, FZ_TABLE_COLUMN_NUMBER, 8);
  fz_table_writer_set_column (writer, fixed_cols + n_judges + 1, FZ_TABLE_COLUMN_NUMBER, 10);
  fz_table_writer_set_column (writer, fixed_cols + n_judges + 2, FZ_TABLE_COLUMN_NUMBER, 6);
  if (!fz_table_writer_add_row (writer, (const char * const *) header->pdata, header->len, error))
    return FALSE;

  for (guint i = 0; i < events->len; i++)
    {
      FzpSkillsCompetitionsEvent *event = g_ptr_array_index (events, i);
      g_autoptr(GPtrArray) entrants = NULL;

      if (event_id != 0 && event->id != event_id)
        continue;
      entrants = fzp_skills_competitions_list_entrants (context, event->id, error);
      if (entrants == NULL)
        return FALSE;
      for (guint k = 0; k < entrants->len; k++)
        {
          FzpSkillsCompetitionsEntrant *e = g_ptr_array_index (entrants, k);
          g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

          g_ptr_array_add (cells, g_strdup (event->name));
          g_ptr_array_add (cells, g_strdup_printf ("%u", e->number));
          g_ptr_array_add (cells, g_strdup (e->name));
          g_ptr_array_add (cells, g_strdup (e->id_number));
          g_ptr_array_add (cells, g_strdup (e->county_name));
          g_ptr_array_add (cells, g_strdup (e->organization));
          for (guint j = 0; j < n_judges; j++)
            g_ptr_array_add (cells, j < e->n_judges && e->has_score[j] ? fzp_skills_competitions_format_score (e->scores[j])
                                                                       : NULL);
          g_ptr_array_add (cells, e->absent ? g_strdup ("缺赛") : NULL);
          g_ptr_array_add (cells, e->has_final ? fzp_skills_competitions_format_score (e->final_score) : NULL);
          g_ptr_array_add (cells, e->rank > 0 ? g_strdup_printf ("%u", e->rank) : NULL);
          g_ptr_array_add (cells, g_strdup (e->award));
          if (!fz_table_writer_add_row (writer, (const char * const *) cells->pdata, cells->len, error))
            return FALSE;
          rows++;
        }
    }
  if (!fz_table_writer_close (writer, error))
    return FALSE;
  if (n_rows)
    *n_rows = rows;
  return TRUE;
}
