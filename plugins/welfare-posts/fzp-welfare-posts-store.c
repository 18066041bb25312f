/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-welfare-posts"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "fzp-welfare-posts-store.h"

/* The tables start with the measure's id in snake_case. A released step is
 * never edited: a change is a new step at the end. Dates are YYYY-MM-DD;
 * a period's end is its last day, NULL while it goes on. */
const FzMigration fzp_welfare_posts_migrations[] = {
  { 1,
    "CREATE TABLE welfare_posts_post ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),"
    "  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),"
    "  kind TEXT NOT NULL CHECK (kind IN ('care', 'liaison', 'home-station', 'other')),"
    "  organization_id INTEGER NOT NULL REFERENCES fz_organization(id),"
    "  county_code TEXT NOT NULL REFERENCES fz_county(code),"
    "  township TEXT,"
    "  places INTEGER NOT NULL CHECK (places BETWEEN 1 AND 10000),"
    "  monthly_pay REAL CHECK (monthly_pay IS NULL OR monthly_pay >= 0),"
    "  funding TEXT,"
    "  created TEXT NOT NULL,"
    "  closed TEXT CHECK (closed IS NULL OR closed >= created),"
    "  recorded_by TEXT,"
    "  updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));"
    "CREATE INDEX welfare_posts_post_created ON welfare_posts_post (created, county_code);"
    "CREATE TABLE welfare_posts_recognition ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  person_id INTEGER NOT NULL REFERENCES fz_person(id),"
    "  recognized_on TEXT NOT NULL,"
    "  basis TEXT NOT NULL CHECK (length(basis) > 0),"
    "  decided_by TEXT NOT NULL CHECK (length(decided_by) > 0),"
    /* The facts staff confirmed, and what the registry said that day. */
    "  able_to_work INTEGER NOT NULL CHECK (able_to_work = 1),"
    "  willing_to_work INTEGER NOT NULL CHECK (willing_to_work = 1),"
    "  not_supported INTEGER NOT NULL CHECK (not_supported = 1),"
    "  age INTEGER NOT NULL,"
    "  employment_status TEXT NOT NULL,"
    "  ended_on TEXT CHECK (ended_on IS NULL OR ended_on >= recognized_on),"
    "  end_reason TEXT,"
    "  recorded_by TEXT,"
    "  recorded TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));"
    "CREATE INDEX welfare_posts_recognition_person ON welfare_posts_recognition (person_id, recognized_on);"
    "CREATE TABLE welfare_posts_placement ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  post_id INTEGER NOT NULL REFERENCES welfare_posts_post(id),"
    "  person_id INTEGER NOT NULL REFERENCES fz_person(id),"
    "  start_date TEXT NOT NULL,"
    "  end_date TEXT CHECK (end_date IS NULL OR end_date >= start_date),"
    "  basis TEXT NOT NULL CHECK (basis IN ('recognition', 'graduate')),"
    "  recognition_id INTEGER REFERENCES welfare_posts_recognition(id),"
    "  graduation_year INTEGER,"
    "  school TEXT,"
    "  end_reason TEXT,"
    "  recorded_by TEXT,"
    "  recorded TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
    "  CHECK ((basis = 'recognition' AND recognition_id IS NOT NULL AND graduation_year IS NULL)"
    "      OR (basis = 'graduate' AND graduation_year IS NOT NULL)));"
    "CREATE INDEX welfare_posts_placement_post ON welfare_posts_placement (post_id, start_date);"
    "CREATE INDEX welfare_posts_placement_person ON welfare_posts_placement (person_id, start_date);"
    /* Rules that change with time, each in force from its day until the
     * next row of its key. The defaults: the plan's 3 years and 1 tapering
     * year, half counted while tapering (the shape is open); the minimum
     * wage exemption for physical grades 1–2 and every grade of
     * intellectual and mental disabilities; graduates of the year only. */
    "CREATE TABLE welfare_posts_rule ("
    "  key TEXT NOT NULL,"
    "  effective_from TEXT NOT NULL,"
    "  value TEXT NOT NULL,"
    "  recorded_by TEXT,"
    "  recorded TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
    "  PRIMARY KEY (key, effective_from));"
    "INSERT INTO welfare_posts_rule (key, effective_from, value) VALUES"
    "  ('exempt-months', '1900-01-01', '36'),"
    "  ('taper-months', '1900-01-01', '12'),"
    "  ('taper-shares', '1900-01-01', '0.5'),"
    "  ('supported-categories', '1900-01-01', '4:2,5:4,6:4'),"
    "  ('graduate-years', '1900-01-01', '0');" },
};
const guint fzp_welfare_posts_n_migrations = G_N_ELEMENTS (fzp_welfare_posts_migrations);

/* Helpers */

void
fzp_welfare_posts_today (GDate *today)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (today, 1);
  g_date_set_dmy (today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
}

static gboolean
is_empty (const char *text)
{
  g_autofree char *norm = fz_normalize_text (text);
  return *norm == '\0';
}

/* The trimmed text, NULL when empty. */
static char *
dup_text (const char *text)
{
  char *norm = fz_normalize_text (text);

  if (*norm == '\0')
    g_clear_pointer (&norm, g_free);
  return norm;
}

/* A date that may be left out: @date is cleared then. */
static gboolean
parse_date_opt (const char  *text,
                const char  *field,
                GDate       *date,
                GError     **error)
{
  g_date_clear (date, 1);
  if (is_empty (text))
    return TRUE;
  return fz_parse_date (text, field, date, error);
}

static void
date_from_text (const char *text,
                GDate      *date)
{
  g_date_clear (date, 1);
  if (text && *text)
    fz_parse_date (text, "", date, NULL);
}

static GVariant *
maybe_text (const char *text)
{
  return g_variant_new_maybe (G_VARIANT_TYPE_STRING, text ? g_variant_new_string (text) : NULL);
}

static GVariant *
maybe_date (const GDate *date)
{
  char day[11];

  if (!g_date_valid (date))
    return maybe_text (NULL);
  fzp_welfare_posts_format_date (date, day);
  return maybe_text (day);
}

static void G_GNUC_PRINTF (3, 4)
add_problem (GPtrArray  *problems,
             const char *field,
             const char *format,
             ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (problems, g_strdup_printf (_("%s: %s"), field, detail));
}

/* Moves @error's message to @problems and clears it. */
static void
take_problem (GPtrArray  *problems,
              GError    **error)
{
  g_ptr_array_add (problems, g_strdup ((*error)->message));
  g_clear_error (error);
}

/* Fails with INVALID listing @problems, one a line; TRUE when there is none. */
static gboolean
no_problems (GPtrArray  *problems,
             GError    **error)
{
  g_autoptr(GString) text = NULL;

  if (problems->len == 0)
    return TRUE;
  text = g_string_new (NULL);
  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (text, "%s%s", i ? "\n" : "", (char *) g_ptr_array_index (problems, i));
  g_set_error_literal (error, FZP_WELFARE_POSTS_ERROR, FZP_WELFARE_POSTS_ERROR_INVALID, text->str);
  return FALSE;
}

static gboolean
step_error (GError **local,
            GError **error)
{
  if (*local)
    {
      g_propagate_error (error, g_steal_pointer (local));
      return FALSE;
    }
  return TRUE;
}

/* Persons */

FzPerson *
fzp_welfare_posts_find_person (FzContext   *context,
                               const char  *number,
                               GError     **error)
{
  g_autofree char *norm = fz_normalize_number (number);
  g_autoptr(FzPerson) person = NULL;
  GError *local = NULL;

  if (*norm == '\0')
    {
      g_set_error (error, FZP_WELFARE_POSTS_ERROR, FZP_WELFARE_POSTS_ERROR_INVALID, _("%s: %s"),
                   _("Person"), _("give the identity or certificate number"));
      return NULL;
    }
  /* A certificate number is the identity number and two digits. */
  if (strlen (norm) == 20)
    norm[18] = '\0';
  if (!fz_validate_identity_number (norm, NULL, NULL, &local))
    {
      g_propagate_error (error, local);
      return NULL;
    }
  person = fz_registry_find_person_by_id_number (fz_context_get_registry (context), norm, error);
  if (person == NULL && (error == NULL || *error == NULL))
    g_set_error (error, FZP_WELFARE_POSTS_ERROR, FZP_WELFARE_POSTS_ERROR_NOT_FOUND, _("%s: %s"),
                 _("Person"), _("nobody with this number is in the registry; register the person first"));
  return g_steal_pointer (&person);
}

gboolean
fzp_welfare_posts_registry_facts (FzContext            *context,
                                  FzPerson             *person,
                                  const GDate          *day,
                                  FzpWelfarePostsFacts *facts,
                                  GError              **error)
{
  FzDatabase *db = fz_context_get_database (context);
  GDate birth;

  date_from_text (fz_person_get_birth_date (person), &birth);
  if (!g_date_valid (&birth))
    {
      g_set_error (error, FZP_WELFARE_POSTS_ERROR, FZP_WELFARE_POSTS_ERROR_INVALID, _("%s: %s"),
                   _("Birth date"), _("the registry has none for this person"));
      return FALSE;
    }
  facts->has_certificate = fz_person_get_cert_number (person) != NULL;
  facts->age = fz_person_get_age (person, day);
  facts->employment = fz_person_get_employment_status (person);
  return fz_rules_get_working_age (db, fz_person_get_sex (person), day, &facts->min_age, &facts->max_age, error) &&
         fz_rules_is_working_age (db, fz_person_get_sex (person), &birth, day, &facts->working_age, error);
}

/* Posts */

typedef struct {
  gint64  id;
  char   *code;
  char   *name;
  char   *kind;
  gint64  organization_id;
  char   *county_code;
  char   *township;
  guint   places;
  double  monthly_pay;   /* < 0: none */
  char   *funding;
  GDate   created;
  GDate   closed;
} Post;

static void
post_clear (Post *post)
{
  g_free (post->code);
  g_free (post->name);
  g_free (post->kind);
  g_free (post->county_code);
  g_free (post->township);
  g_free (post->funding);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Post, post_clear)

static gboolean
load_post (FzDatabase  *db,
           gint64       id,
           Post        *post,
           GError     **error)
{
  g_autoptr(FzStatement) st = NULL;
  GError *local = NULL;

  st = fz_database_query (db,
                          "SELECT id, code, name, kind, organization_id, county_code, township, places, "
                          "monthly_pay, funding, created, closed FROM welfare_posts_post WHERE id = ?1",
                          g_variant_new ("(x)", id), error);
  if (st == NULL)
    return FALSE;
  if (!fz_statement_step (st, &local))
    {
      if (local == NULL)
        g_set_error (&local, FZP_WELFARE_POSTS_ERROR, FZP_WELFARE_POSTS_ERROR_NOT_FOUND, _("%s: %s"),
                     _("Post"), _("there is no such post"));
      g_propagate_error (error, local);
      return FALSE;
    }
  post->id = fz_statement_get_int64 (st, 0);
  post->code = fz_statement_dup_text (st, 1);
  post->name = fz_statement_dup_text (st, 2);
  post->kind = fz_statement_dup_text (st, 3);
  post->organization_id = fz_statement_get_int64 (st, 4);
  post->county_code = fz_statement_dup_text (st, 5);
  post->township = fz_statement_dup_text (st, 6);
  post->places = (guint) fz_statement_get_int64 (st, 7);
  post->monthly_pay = fz_statement_is_null (st, 8) ? -1 : fz_statement_get_double (st, 8);
  post->funding = fz_statement_dup_text (st, 9);
  date_from_text (fz_statement_get_text (st, 10), &post->created);
  date_from_text (fz_statement_get_text (st, 11), &post->closed);
  return TRUE;
}

gint64
fzp_welfare_posts_find_post (FzContext   *context,
                             const char  *post,
                             GError     **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autofree char *text = fz_normalize_text (post);
  gint64 id = 0;
  gboolean found = FALSE;

  if (*text == '\0')
    {
      g_set_error (error, FZP_WELFARE_POSTS_ERROR, FZP_WELFARE_POSTS_ERROR_INVALID, _("%s: %s"),
                   _("Post"), _("give the post's code"));
      return 0;
    }
  if (!fz_database_query_int64 (db, "SELECT id FROM welfare_posts_post WHERE code = ?1",
                                g_variant_new ("(s)", text), &id, &found, error))
    return 0;
  if (!found && strspn (text, "0123456789") == strlen (text) && strlen (text) < 15)
    {
      if (!fz_database_query_int64 (db, "SELECT id FROM welfare_posts_post WHERE id = ?1",
                                    g_variant_new ("(x)", g_ascii_strtoll (text, NULL, 10)), &id, &found, error))
        return 0;
    }
  if (!found)
    {
      g_set_error (error, FZP_WELFARE_POSTS_ERROR, FZP_WELFARE_POSTS_ERROR_NOT_FOUND, _("%s: %s"),
                   _("Post"), _("no post has this code"));
      g_prefix_error (error, "%s ", text);
      return 0;
    }
  return id;
}

/* The periods of the placements of a post (or of a person), but @exclude. */
static GArray *
load_periods (FzDatabase  *db,
              const char  *column,
              gint64       owner,
              gint64       exclude,
              GError     **error)
{
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GArray) periods = g_array_new (FALSE, FALSE, sizeof (FzpWelfarePostsPeriod));
  g_autofree char *sql = NULL;
  GError *local = NULL;

  /* @column is one of two fixed names, never user data. */
  g_assert (g_str_equal (column, "post_id") || g_str_equal (column, "person_id"));
  sql = g_strdup_printf ("SELECT start_date, end_date FROM welfare_posts_placement "
                         "WHERE %s = ?1 AND id <> ?2 ORDER BY start_date", column);
  st = fz_database_query (db, sql, g_variant_new ("(xx)", owner, exclude), error);
  if (st == NULL)
    return NULL;
  while (fz_statement_step (st, &local))
    {
      FzpWelfarePostsPeriod p;

      date_from_text (fz_statement_get_text (st, 0), &p.start);
      date_from_text (fz_statement_get_text (st, 1), &p.end);
      g_array_append_val (periods, p);
    }
  if (!step_error (&local, error))
    return NULL;
  return g_steal_pointer (&periods);
}

guint
fzp_welfare_posts_count_holders (FzContext   *context,
                                 gint64       post_id,
                                 const GDate *day,
                                 GError     **error)
{
  gint64 n = 0;
  char d[11];

  fzp_welfare_posts_format_date (day, d);
  fz_database_query_int64 (fz_context_get_database (context),
                           "SELECT count(*) FROM welfare_posts_placement WHERE post_id = ?1 "
                           "AND start_date <= ?2 AND (end_date IS NULL OR end_date >= ?2)",
                           g_variant_new ("(xs)", post_id, d), &n, NULL, error);
  return (guint) n;
}

/* Finds the organization by credit code or exact name, or adds it. */
static gboolean
resolve_organization (FzContext   *context,
                      const char  *name,
                      const char  *credit_code,
                      const char  *county_code,
                      gint64      *id,
                      GPtrArray   *problems,
                      GError     **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autofree char *code = NULL;
  g_autofree char *clean_name = dup_text (name);
  gboolean found = FALSE;
  GError *local = NULL;

  *id = 0;
  if (!is_empty (credit_code))
    {
      if (!fz_validate_credit_code (credit_code, &code, &local))
        {
          take_problem (problems, &local);
          return TRUE;
        }
      if (!fz_database_query_int64 (db, "SELECT id FROM fz_organization WHERE credit_code = ?1",
                                    g_variant_new ("(s)", code), id, &found, error))
        return FALSE;
      if (found)
        return TRUE;
    }
  if (clean_name == NULL)
    {
      add_problem (problems, _("Organization"), "%s", _("the value is missing"));
      return TRUE;
    }
  if (code == NULL)
    {
      gint64 n = 0;

      if (!fz_database_query_int64 (db, "SELECT count(*) FROM fz_organization WHERE name = ?1",
                                    g_variant_new ("(s)", clean_name), &n, NULL, error))
        return FALSE;
      if (n > 1)
        {
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, n);
          add_problem (problems, _("Organization"), _("%s organizations are named “%s”; give the credit code"),
                       number, clean_name);
          return TRUE;
        }
      if (n == 1)
        return fz_database_query_int64 (db, "SELECT id FROM fz_organization WHERE name = ?1",
                                        g_variant_new ("(s)", clean_name), id, NULL, error);
    }

  /* Not registered yet: the registry gets it, in this transaction. */
  {
    g_autoptr(FzOrganization) org = fz_organization_new ();

    fz_organization_set_name (org, clean_name);
    fz_organization_set_credit_code (org, code);
    fz_organization_set_county_code (org, county_code);
    fz_organization_set_kind (org, FZ_ORGANIZATION_OTHER);
    if (!fz_registry_add_organization (fz_context_get_registry (context), org, &local))
      {
        if (local->domain == FZ_DATABASE_ERROR && local->code != FZ_DATABASE_ERROR_CONSTRAINT)
          {
            g_propagate_error (error, local);
            return FALSE;
          }
        take_problem (problems, &local);
        return TRUE;
      }
    *id = fz_organization_get_id (org);
  }
  return TRUE;
}

typedef struct {
  FzContext                       *context;
  const FzpWelfarePostsPostFields *fields;
  gint64                           id;
  gboolean                         added;
  gboolean                         changed;
} SavePost;

static gboolean
save_post_txn (FzDatabase  *db,
               gpointer     user_data,
               GError     **error)
{
  SavePost *save = user_data;
  const FzpWelfarePostsPostFields *f = save->fields;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_auto(Post) old = { 0 };
  g_autofree char *code = dup_text (f->code);
  g_autofree char *name = dup_text (f->name);
  g_autofree char *county = NULL;
  g_autofree char *township = dup_text (f->township);
  g_autofree char *funding = dup_text (f->funding);
  FzpWelfarePostsKind kind = 0;
  gint64 organization_id = 0;
  guint places = 0;
  double pay = -1;
  GDate created, closed;
  gboolean exists = FALSE;
  GError *local = NULL;

  if (code)
    {
      if (!fz_database_query_int64 (db, "SELECT id FROM welfare_posts_post WHERE code = ?1",
                                    g_variant_new ("(s)", code), &save->id, &exists, error))
        return FALSE;
      if (exists && !load_post (db, save->id, &old, error))
        return FALSE;
      if (g_utf8_strlen (code, -1) > 40)
        add_problem (problems, _("Code"), "%s", _("at most 40 characters"));
    }

  if (name == NULL)
    add_problem (problems, _("Post name"), "%s", _("the value is missing"));
  else if (g_utf8_strlen (name, -1) > 100)
    add_problem (problems, _("Post name"), "%s", _("at most 100 characters"));
  if (!fzp_welfare_posts_kind_parse (f->kind, &kind, &local))
    take_problem (problems, &local);
  if (is_empty (f->county))
    add_problem (problems, _("County"), "%s", _("the value is missing"));
  else if (!fz_registry_parse_county (fz_context_get_registry (save->context), f->county, &county, &local))
    take_problem (problems, &local);
  if (!fzp_welfare_posts_parse_places (f->places, _("Places"), &places, &local))
    take_problem (problems, &local);
  if (!is_empty (f->monthly_pay) && !fzp_welfare_posts_parse_money (f->monthly_pay, _("Monthly pay"), &pay, &local))
    take_problem (problems, &local);
  g_date_clear (&created, 1);
  if (is_empty (f->created))
    add_problem (problems, _("Created"), "%s", _("the value is missing"));
  else if (!fz_parse_date (f->created, _("Created"), &created, &local))
    take_problem (problems, &local);
  if (!parse_date_opt (f->closed, _("Closed"), &closed, &local))
    take_problem (problems, &local);
  if (g_date_valid (&created) && g_date_valid (&closed) && g_date_compare (&closed, &created) < 0)
    add_problem (problems, _("Closed"), "%s", _("it is before the post was created"));
  if (!resolve_organization (save->context, f->organization, f->credit_code, county, &organization_id,
                             problems, error))
    return FALSE;

  /* The placements it holds already must still fit. */
  if (exists && problems->len == 0)
    {
      g_autoptr(GArray) periods = load_periods (db, "post_id", save->id, 0, error);
      FzpWelfarePostsPeriod always;
      char a[11];

      if (periods == NULL)
        return FALSE;
      g_date_clear (&always.start, 1);
      g_date_clear (&always.end, 1);
      g_date_set_dmy (&always.start, 1, 1, 1900);
      if (fzp_welfare_posts_max_overlap ((FzpWelfarePostsPeriod *) periods->data, periods->len, &always) > places)
        add_problem (problems, _("Places"),
                     _("%u is fewer than the persons it holds at one time; end placements first"), places);
      for (guint i = 0; i < periods->len; i++)
        {
          FzpWelfarePostsPeriod *p = &g_array_index (periods, FzpWelfarePostsPeriod, i);
          FzpWelfarePostsPeriod life = { created, closed };

          if (!fzp_welfare_posts_check_period (p, &life, NULL))
            {
              fzp_welfare_posts_format_date (&p->start, a);
              add_problem (problems, g_date_valid (&closed) ? _("Closed") : _("Created"),
                           _("a placement from %s would fall outside the post's life; change or end it first"), a);
              break;
            }
        }
    }

  if (!no_problems (problems, error))
    return FALSE;

  if (exists)
    {
      save->changed = g_strcmp0 (old.name, name) != 0 || g_strcmp0 (old.kind, fzp_welfare_posts_kind_to_nick (kind)) != 0
        || old.organization_id != organization_id || g_strcmp0 (old.county_code, county) != 0
        || g_strcmp0 (old.township, township) != 0 || old.places != places || old.monthly_pay != pay
        || g_strcmp0 (old.funding, funding) != 0 || g_date_compare (&old.created, &created) != 0
        || g_date_valid (&old.closed) != g_date_valid (&closed)
        || (g_date_valid (&closed) && g_date_compare (&old.closed, &closed) != 0);
      if (!save->changed)
        return TRUE;
      return fz_database_execute (db,
                                  "UPDATE welfare_posts_post SET name = ?2, kind = ?3, organization_id = ?4, "
                                  "county_code = ?5, township = ?6, places = ?7, monthly_pay = ?8, funding = ?9, "
                                  "created = ?10, closed = ?11, recorded_by = ?12, "
                                  "updated = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
                                  g_variant_new ("(xssxs@msx@md@ms@ms@ms@ms)", save->id, name,
                                                 fzp_welfare_posts_kind_to_nick (kind), organization_id, county,
                                                 maybe_text (township), (gint64) places,
                                                 g_variant_new_maybe (G_VARIANT_TYPE_DOUBLE,
                                                                      pay >= 0 ? g_variant_new_double (pay) : NULL),
                                                 maybe_text (funding), maybe_date (&created), maybe_date (&closed),
                                                 maybe_text (fz_context_get_operator (save->context))),
                                  error);
    }

  if (code == NULL)
    {
      gint64 next = 0;
      gboolean taken = TRUE;

      /* The county's code and a running number: 330802-0007. */
      if (!fz_database_query_int64 (db, "SELECT coalesce(max(id), 0) + 1 FROM welfare_posts_post", NULL,
                                    &next, NULL, error))
        return FALSE;
      while (taken)
        {
          g_free (code);
          code = g_strdup_printf ("%s-%04" G_GINT64_FORMAT, county, next++);
          if (!fz_database_query_int64 (db, "SELECT 1 FROM welfare_posts_post WHERE code = ?1",
                                        g_variant_new ("(s)", code), NULL, &taken, error))
            return FALSE;
        }
    }
  if (!fz_database_execute (db,
                            "INSERT INTO welfare_posts_post (code, name, kind, organization_id, county_code, "
                            "township, places, monthly_pay, funding, created, closed, recorded_by) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                            g_variant_new ("(sssxs@msx@md@ms@ms@ms@ms)", code, name,
                                           fzp_welfare_posts_kind_to_nick (kind), organization_id, county,
                                           maybe_text (township), (gint64) places,
                                           g_variant_new_maybe (G_VARIANT_TYPE_DOUBLE,
                                                                pay >= 0 ? g_variant_new_double (pay) : NULL),
                                           maybe_text (funding), maybe_date (&created), maybe_date (&closed),
                                           maybe_text (fz_context_get_operator (save->context))),
                            error))
    return FALSE;
  save->id = fz_database_last_insert_rowid (db);
  save->added = save->changed = TRUE;
  return TRUE;
}

static gboolean
save_post_full (FzContext                       *context,
                const FzpWelfarePostsPostFields *fields,
                gint64                          *id,
                gboolean                        *added,
                gboolean                        *changed,
                GError                         **error)
{
  SavePost save = { context, fields, 0, FALSE, FALSE };

  if (!fz_database_transaction (fz_context_get_database (context), save_post_txn, &save, error))
    return FALSE;
  if (id)
    *id = save.id;
  if (added)
    *added = save.added;
  if (changed)
    *changed = save.changed;
  return TRUE;
}

gboolean
fzp_welfare_posts_save_post (FzContext                       *context,
                             const FzpWelfarePostsPostFields *fields,
                             gint64                          *id,
                             gboolean                        *added,
                             GError                         **error)
{
  return save_post_full (context, fields, id, added, NULL, error);
}

typedef struct {
  FzContext  *context;
  const char *post;
  const char *date;
} ClosePost;

static gboolean
close_post_txn (FzDatabase  *db,
                gpointer     user_data,
                GError     **error)
{
  ClosePost *close = user_data;
  g_auto(Post) post = { 0 };
  gint64 id = fzp_welfare_posts_find_post (close->context, close->post, error);
  g_autoptr(GArray) periods = NULL;
  GDate day;
  char d[11];

  if (id == 0 || !load_post (db, id, &post, error))
    return FALSE;
  if (is_empty (close->date))
    {
      g_set_error (error, FZP_WELFARE_POSTS_ERROR, FZP_WELFARE_POSTS_ERROR_INVALID, _("%s: %s"),
                   _("Closed"), _("the value is missing"));
      return FALSE;
    }
  if (!fz_parse_date (close->date, _("Closed"), &day, error))
    return FALSE;
  fzp_welfare_posts_format_date (&day, d);
  if (g_date_compare (&day, &post.created) < 0)
    {
      g_set_error (error, FZP_WELFARE_POSTS_ERROR, FZP_WELFARE_POSTS_ERROR_INVALID, _("%s: %s"),
                   _("Closed"), _("it is before the post was created"));
      return FALSE;
    }
  periods = load_periods (db, "post_id", id, 0, error);
  if (periods == NULL)
    return FALSE;
  for (guint i = 0; i < periods->len; i++)
    {
      FzpWelfarePostsPeriod *p = &g_array_index (periods, FzpWelfarePostsPeriod, i);

      if (!g_date_valid (&p->end) || g_date_compare (&p->end, &day) > 0)
        {
          g_set_error (error, FZP_WELFARE_POSTS_ERROR, FZP_WELFARE_POSTS_ERROR_INVALID, _("%s: %s"),
                       _("Closed"), _("someone holds the post after that day; end the placement first"));
          return FALSE;
        }
    }
  return fz_database_execute (db,
                              "UPDATE welfare_posts_post SET closed = ?2, recorded_by = ?3, "
                              "updated = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
                              g_variant_new ("(xs@ms)", id, d, maybe_text (fz_context_get_operator (close->context))),
                              error);
}

gboolean
fzp_welfare_posts_close_post (FzContext   *context,
                              const char  *post,
                              const char  *date,
                              GError     **error)
{
  ClosePost close = { context, post, date };

  return fz_database_transaction (fz_context_get_database (context), close_post_txn, &close, error);
}

/* Recognition */

gint64
fzp_welfare_posts_current_recognition (FzContext   *context,
                                       gint64       person_id,
                                       const GDate *day,
                                       GError     **error)
{
  gint64 id = 0;
  gboolean found = FALSE;
  char d[11];

  fzp_welfare_posts_format_date (day, d);
  if (!fz_database_query_int64 (fz_context_get_database (context),
                                "SELECT id FROM welfare_posts_recognition WHERE person_id = ?1 "
                                "AND recognized_on <= ?2 AND (ended_on IS NULL OR ended_on >= ?2) "
                                "ORDER BY recognized_on DESC LIMIT 1",
                                g_variant_new ("(xs)", person_id, d), &id, &found, error))
    return 0;
  return found ? id : 0;
}

typedef struct {
  FzContext                              *context;
  const FzpWelfarePostsRecognitionFields *fields;
  gint64                                  id;
} Recognize;

static gboolean
recognize_txn (FzDatabase  *db,
               gpointer     user_data,
               GError     **error)
{
  Recognize *rec = user_data;
  const FzpWelfarePostsRecognitionFields *f = rec->fields;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(FzPerson) person = NULL;
  g_autofree char *basis = dup_text (f->basis);
  g_autofree char *decided_by = dup_text (f->decided_by);
  FzpWelfarePostsFacts facts = { 0 };
  GDate day, today;
  gint64 other = 0;
  gboolean found = FALSE;
  GError *local = NULL;
  char d[11];

  person = fzp_welfare_posts_find_person (rec->context, f->person, error);
  if (person == NULL)
    return FALSE;
  fzp_welfare_posts_today (&today);
  g_date_clear (&day, 1);
  if (is_empty (f->date))
    add_problem (problems, _("Date of recognition"), "%s", _("the value is missing"));
  else if (!fz_parse_date (f->date, _("Date of recognition"), &day, &local))
    take_problem (problems, &local);
  else if (g_date_compare (&day, &today) > 0)
    add_problem (problems, _("Date of recognition"), "%s", _("it is in the future"));
  if (basis == NULL)
    add_problem (problems, _("Basis"), "%s", _("the value is missing"));
  if (decided_by == NULL)
    add_problem (problems, _("Decided by"), "%s", _("the value is missing"));
  if (!no_problems (problems, error))
    return FALSE;

  fzp_welfare_posts_format_date (&day, d);
  if (!fz_database_query_int64 (db,
                                "SELECT id FROM welfare_posts_recognition WHERE person_id = ?1 "
                                "AND (ended_on IS NULL OR ended_on >= ?2) ORDER BY recognized_on LIMIT 1",
                                g_variant_new ("(xs)", fz_person_get_id (person), d), &other, &found, error))
    return FALSE;
  if (found)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, other);
      g_set_error (error, FZP_WELFARE_POSTS_ERROR, FZP_WELFARE_POSTS_ERROR_INVALID,
                   _("%s: %s holds recognition No. %s then already; end it first"),
                   _("Person"), fz_person_get_name (person), number);
      return FALSE;
    }

  facts.able_to_work = f->able_to_work;
  facts.willing_to_work = f->willing_to_work;
  facts.not_supported = f->not_supported;
  if (!fzp_welfare_posts_registry_facts (rec->context, person, &day, &facts, error))
    return FALSE;
  if (!fzp_welfare_posts_check_facts (&facts, error))
    return FALSE;

  if (!fz_database_execute (db,
                            "INSERT INTO welfare_posts_recognition (person_id, recognized_on, basis, decided_by, "
                            "able_to_work, willing_to_work, not_supported, age, employment_status, recorded_by) "
                            "VALUES (?1, ?2, ?3, ?4, 1, 1, 1, ?5, ?6, ?7)",
                            g_variant_new ("(xsssxs@ms)", fz_person_get_id (person), d, basis, decided_by,
                                           (gint64) facts.age, fz_employment_status_to_nick (facts.employment),
                                           maybe_text (fz_context_get_operator (rec->context))),
                            error))
    return FALSE;
  rec->id = fz_database_last_insert_rowid (db);
  return TRUE;
}

gint64
fzp_welfare_posts_recognize (FzContext                              *context,
                             const FzpWelfarePostsRecognitionFields *fields,
                             GError                                **error)
{
  Recognize rec = { context, fields, 0 };

  if (!fz_database_transaction (fz_context_get_database (context), recognize_txn, &rec, error))
    return 0;
  return rec.id;
}

typedef struct {
  FzContext  *context;
  gint64      id;
  const char *date;
  const char *reason;
} EndRecognition;

static gboolean
end_recognition_txn (FzDatabase  *db,
                     gpointer     user_data,
                     GError     **error)
{
  EndRecognition *end = user_data;
  g_autoptr(FzStatement) st = NULL;
  g_autofree char *reason = dup_text (end->reason);
  GError *local = NULL;
  GDate day, from;
  char d[11];

  st = fz_database_query (db, "SELECT recognized_on FROM welfare_posts_recognition WHERE id = ?1",
                          g_variant_new ("(x)", end->id), error);
  if (st == NULL)
    return FALSE;
  if (!fz_statement_step (st, &local))
    {
      if (local == NULL)
        g_set_error (&local, FZP_WELFARE_POSTS_ERROR, FZP_WELFARE_POSTS_ERROR_NOT_FOUND, _("%s: %s"),
                     _("Recognition"), _("there is no such recognition"));
      g_propagate_error (error, local);
      return FALSE;
    }
  date_from_text (fz_statement_get_text (st, 0), &from);
  if (is_empty (end->date))
    {
      g_set_error (error, FZP_WELFARE_POSTS_ERROR, FZP_WELFARE_POSTS_ERROR_INVALID, _("%s: %s"),
                   _("Last day"), _("the value is missing"));
      return FALSE;
    }
  if (!fz_parse_date (end->date, _("Last day"), &day, error))
    return FALSE;
  if (g_date_compare (&day, &from) < 0)
    {
      g_set_error (error, FZP_WELFARE_POSTS_ERROR, FZP_WELFARE_POSTS_ERROR_INVALID, _("%s: %s"),
                   _("Last day"), _("it is before the recognition"));
      return FALSE;
    }
  fzp_welfare_posts_format_date (&day, d);
  return fz_database_execute (db, "UPDATE welfare_posts_recognition SET ended_on = ?2, end_reason = ?3 WHERE id = ?1",
                              g_variant_new ("(xs@ms)", end->id, d, maybe_text (reason)), error);
}

gboolean
fzp_welfare_posts_end_recognition (FzContext   *context,
                                   gint64       id,
                                   const char  *date,
                                   const char  *reason,
                                   GError     **error)
{
  EndRecognition end = { context, id, date, reason };

  return fz_database_transaction (fz_context_get_database (context), end_recognition_txn, &end, error);
}

/* Placements */

static char *
describe_period (const FzpWelfarePostsPeriod *p)
{
  char a[11], b[11];

  fzp_welfare_posts_format_date (&p->start, a);
  if (!g_date_valid (&p->end))
    return g_strdup_printf (_("from %s on"), a);
  fzp_welfare_posts_format_date (&p->end, b);
  return g_strdup_printf (_("from %s to %s"), a, b);
}

/* The rules a placement of @person in @post over @period must keep,
 * leaving placement @exclude out (when it is the one changed). */
static gboolean
check_placement (FzDatabase                  *db,
                 const Post                  *post,
                 FzPerson                    *person,
                 const FzpWelfarePostsPeriod *period,
                 gint64                       exclude,
                 GError                     **error)
{
  FzpWelfarePostsPeriod life = { post->created, post->closed };
  g_autoptr(GArray) mine = NULL;
  g_autoptr(GArray) holders = NULL;
  g_autofree char *when = describe_period (period);

  if (!fzp_welfare_posts_check_period (period, &life, error))
    return FALSE;

  mine = load_periods (db, "person_id", fz_person_get_id (person), exclude, error);
  if (mine == NULL)
    return FALSE;
  for (guint i = 0; i < mine->len; i++)
    {
      FzpWelfarePostsPeriod *other = &g_array_index (mine, FzpWelfarePostsPeriod, i);

      if (fzp_welfare_posts_periods_overlap (other, period))
        {
          g_autofree char *then = describe_period (other);
          g_set_error (error, FZP_WELFARE_POSTS_ERROR, FZP_WELFARE_POSTS_ERROR_PLACED,
                       _("%s: %s holds a public-welfare post %s already; one person holds one post at a time"),
                       _("Person"), fz_person_get_name (person), then);
          return FALSE;
        }
    }

  holders = load_periods (db, "post_id", post->id, exclude, error);
  if (holders == NULL)
    return FALSE;
  if (fzp_welfare_posts_max_overlap ((FzpWelfarePostsPeriod *) holders->data, holders->len, period) >= post->places)
    {
      g_set_error (error, FZP_WELFARE_POSTS_ERROR, FZP_WELFARE_POSTS_ERROR_FULL,
                   g_dngettext (GETTEXT_PACKAGE, "%s: %s has %u place and it is taken on some day %s",
                                "%s: %s has %u places and all are taken on some day %s", post->places),
                   _("Post"), post->code, post->places, when);
      return FALSE;
    }
  return TRUE;
}

typedef struct {
  FzContext                            *context;
  const FzpWelfarePostsPlacementFields *fields;
  gint64                                id;
} Place;

static gboolean
mark_employed (FzContext    *context,
               FzPerson     *person,
               const GDate  *start,
               GError      **error)
{
  char d[11];

  if (fz_person_get_employment_status (person) == FZ_EMPLOYMENT_EMPLOYED)
    return TRUE;
  fzp_welfare_posts_format_date (start, d);
  fz_person_set_employment_status (person, FZ_EMPLOYMENT_EMPLOYED);
  fz_person_set_employment_form (person, "公益性岗位就业");
  fz_person_set_employment_date (person, d);
  return fz_registry_update_person (fz_context_get_registry (context), person, error);
}

static gboolean
place_txn (FzDatabase  *db,
           gpointer     user_data,
           GError     **error)
{
  Place *place = user_data;
  const FzpWelfarePostsPlacementFields *f = place->fields;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(FzPerson) person = NULL;
  g_auto(Post) post = { 0 };
  g_autofree char *school = dup_text (f->school);
  g_autofree char *reason = dup_text (f->end_reason);
  FzpWelfarePostsPeriod period;
  gint64 post_id;
  gint64 recognition = 0;
  guint64 graduation_year = 0;
  GDate today;
  GError *local = NULL;
  char start[11];

  person = fzp_welfare_posts_find_person (place->context, f->person, &local);
  if (person == NULL)
    take_problem (problems, &local);
  post_id = fzp_welfare_posts_find_post (place->context, f->post, &local);
  if (post_id == 0)
    take_problem (problems, &local);
  else if (!load_post (db, post_id, &post, error))
    return FALSE;
  g_date_clear (&period.start, 1);
  if (is_empty (f->start))
    add_problem (problems, _("Start"), "%s", _("the value is missing"));
  else if (!fz_parse_date (f->start, _("Start"), &period.start, &local))
    take_problem (problems, &local);
  if (!parse_date_opt (f->end, _("End"), &period.end, &local))
    take_problem (problems, &local);
  if (!is_empty (f->graduation_year))
    {
      g_autofree char *norm = fz_normalize_number (f->graduation_year);

      if (g_str_has_suffix (norm, "年"))
        norm[strlen (norm) - strlen ("年")] = '\0';
      if (!g_ascii_string_to_unsigned (norm, 10, 1950, 2200, &graduation_year, NULL))
        add_problem (problems, _("Graduation year"), _("“%s” is not a year"), f->graduation_year);
    }
  if (!no_problems (problems, error))
    return FALSE;

  if (!check_placement (db, &post, person, &period, 0, error))
    return FALSE;

  fzp_welfare_posts_format_date (&period.start, start);
  if (graduation_year)
    {
      FzpWelfarePostsRules rules;

      if (!fzp_welfare_posts_load_rules (place->context, &period.start, &rules, error) ||
          !fzp_welfare_posts_check_graduate (&rules, (guint) graduation_year, &period.start, error))
        return FALSE;
    }
  else
    {
      recognition = fzp_welfare_posts_current_recognition (place->context, fz_person_get_id (person),
                                                           &period.start, &local);
      if (local)
        {
          g_propagate_error (error, local);
          return FALSE;
        }
      if (recognition == 0)
        {
          g_set_error (error, FZP_WELFARE_POSTS_ERROR, FZP_WELFARE_POSTS_ERROR_NOT_ELIGIBLE,
                       _("%s: %s holds no hard-to-employ recognition on %s; recognise them first, or give the "
                         "graduation year of a graduate of the year placed as a last resort"),
                       _("Recognition"), fz_person_get_name (person), start);
          return FALSE;
        }
    }

  if (!fz_database_execute (db,
                            "INSERT INTO welfare_posts_placement (post_id, person_id, start_date, end_date, basis, "
                            "recognition_id, graduation_year, school, end_reason, recorded_by) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                            g_variant_new ("(xxs@mss@mx@mx@ms@ms@ms)", post.id, fz_person_get_id (person), start,
                                           maybe_date (&period.end),
                                           graduation_year ? "graduate" : "recognition",
                                           g_variant_new_maybe (G_VARIANT_TYPE_INT64,
                                                                recognition ? g_variant_new_int64 (recognition) : NULL),
                                           g_variant_new_maybe (G_VARIANT_TYPE_INT64,
                                                                graduation_year ? g_variant_new_int64 ((gint64) graduation_year) : NULL),
                                           maybe_text (school), maybe_text (reason),
                                           maybe_text (fz_context_get_operator (place->context))),
                            error))
    return FALSE;
  place->id = fz_database_last_insert_rowid (db);

  /* A placement that holds today is employment the registry should know. */
  fzp_welfare_posts_today (&today);
  if (g_date_compare (&period.start, &today) <= 0 &&
      (!g_date_valid (&period.end) || g_date_compare (&period.end, &today) >= 0))
    return mark_employed (place->context, person, &period.start, error);
  return TRUE;
}

gint64
fzp_welfare_posts_place (FzContext                            *context,
                         const FzpWelfarePostsPlacementFields *fields,
                         GError                              **error)
{
  Place place = { context, fields, 0 };

  if (!fz_database_transaction (fz_context_get_database (context), place_txn, &place, error))
    return 0;
  return place.id;
}

typedef struct {
  FzContext  *context;
  gint64      id;
  const char *date;
  const char *reason;
  gboolean    changed;
} EndPlacement;

static gboolean
end_placement_txn (FzDatabase  *db,
                   gpointer     user_data,
                   GError     **error)
{
  EndPlacement *end = user_data;
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(FzPerson) person = NULL;
  g_auto(Post) post = { 0 };
  g_autofree char *reason = dup_text (end->reason);
  g_autofree char *old_end = NULL;
  g_autofree char *old_reason = NULL;
  FzpWelfarePostsPeriod period;
  gint64 post_id, person_id;
  GError *local = NULL;
  char d[11];

  st = fz_database_query (db,
                          "SELECT post_id, person_id, start_date, end_date, end_reason "
                          "FROM welfare_posts_placement WHERE id = ?1",
                          g_variant_new ("(x)", end->id), error);
  if (st == NULL)
    return FALSE;
  if (!fz_statement_step (st, &local))
    {
      if (local == NULL)
        g_set_error (&local, FZP_WELFARE_POSTS_ERROR, FZP_WELFARE_POSTS_ERROR_NOT_FOUND, _("%s: %s"),
                     _("Placement"), _("there is no such placement"));
      g_propagate_error (error, local);
      return FALSE;
    }
  post_id = fz_statement_get_int64 (st, 0);
  person_id = fz_statement_get_int64 (st, 1);
  date_from_text (fz_statement_get_text (st, 2), &period.start);
  old_end = fz_statement_dup_text (st, 3);
  old_reason = fz_statement_dup_text (st, 4);
  g_clear_pointer (&st, fz_statement_unref);

  if (!parse_date_opt (end->date, _("Last day"), &period.end, error))
    return FALSE;
  fzp_welfare_posts_format_date (&period.end, d);
  if (g_strcmp0 (old_end, g_date_valid (&period.end) ? d : NULL) == 0 && g_strcmp0 (old_reason, reason) == 0)
    return TRUE;

  person = fz_registry_find_person (fz_context_get_registry (end->context), person_id, error);
  if (person == NULL || !load_post (db, post_id, &post, error))
    return FALSE;
  /* A later end (or none) must keep every rule a new placement keeps. */
  if (!check_placement (db, &post, person, &period, end->id, error))
    return FALSE;
  end->changed = TRUE;
  return fz_database_execute (db, "UPDATE welfare_posts_placement SET end_date = ?2, end_reason = ?3 WHERE id = ?1",
                              g_variant_new ("(x@ms@ms)", end->id, maybe_date (&period.end), maybe_text (reason)),
                              error);
}

static gboolean
end_placement_full (FzContext   *context,
                    gint64       id,
                    const char  *date,
                    const char  *reason,
                    gboolean    *changed,
                    GError     **error)
{
  EndPlacement end = { context, id, date, reason, FALSE };

  if (!fz_database_transaction (fz_context_get_database (context), end_placement_txn, &end, error))
    return FALSE;
  if (changed)
    *changed = end.changed;
  return TRUE;
}

gboolean
fzp_welfare_posts_end_placement (FzContext   *context,
                                 gint64       id,
                                 const char  *date,
                                 const char  *reason,
                                 GError     **error)
{
  if (is_empty (date))
    {
      g_set_error (error, FZP_WELFARE_POSTS_ERROR, FZP_WELFARE_POSTS_ERROR_INVALID, _("%s: %s"),
                   _("Last day"), _("the value is missing"));
      return FALSE;
    }
  return end_placement_full (context, id, date, reason, NULL, error);
}

/* Rules */

gboolean
fzp_welfare_posts_load_rules (FzContext            *context,
                              const GDate          *day,
                              FzpWelfarePostsRules *rules,
                              GError              **error)
{
  FzDatabase *db = fz_context_get_database (context);
  const char * const *keys = fzp_welfare_posts_rule_keys ();
  char d[11];

  fzp_welfare_posts_rules_init (rules);
  fzp_welfare_posts_format_date (day, d);
  for (guint i = 0; keys[i]; i++)
    {
      g_autoptr(FzStatement) st = NULL;
      GError *local = NULL;

      st = fz_database_query (db,
                              "SELECT value FROM welfare_posts_rule WHERE key = ?1 AND effective_from <= ?2 "
                              "ORDER BY effective_from DESC LIMIT 1",
                              g_variant_new ("(ss)", keys[i], d), error);
      if (st == NULL)
        return FALSE;
      if (fz_statement_step (st, &local))
        {
          if (!fzp_welfare_posts_rules_set (rules, keys[i], fz_statement_get_text (st, 0), error))
            return FALSE;
        }
      else if (!step_error (&local, error))
        return FALSE;
    }
  return fzp_welfare_posts_rules_check (rules, error);
}

typedef struct {
  FzContext          *context;
  const char         *from;
  const char * const *keys;
  const char * const *values;
  guint               n;
} SetRules;

static gboolean
set_rules_txn (FzDatabase  *db,
               gpointer     user_data,
               GError     **error)
{
  SetRules *set = user_data;
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func (g_free);
  GError *local = NULL;
  GDate from;
  char d[11];

  if (is_empty (set->from))
    {
      g_set_error (error, FZP_WELFARE_POSTS_ERROR, FZP_WELFARE_POSTS_ERROR_INVALID, _("%s: %s"),
                   _("In force from"), _("the value is missing"));
      return FALSE;
    }
  if (!fz_parse_date (set->from, _("In force from"), &from, error))
    return FALSE;
  fzp_welfare_posts_format_date (&from, d);
  for (guint i = 0; i < set->n; i++)
    {
      FzpWelfarePostsRules scratch;
      g_autofree char *value = fz_normalize_text (set->values[i]);
      g_autofree char *stored = NULL;

      fzp_welfare_posts_rules_init (&scratch);
      if (!fzp_welfare_posts_rules_set (&scratch, set->keys[i], value, error))
        return FALSE;
      stored = fzp_welfare_posts_rules_format (&scratch, set->keys[i]);
      if (!fz_database_execute (db,
                                "INSERT INTO welfare_posts_rule (key, effective_from, value, recorded_by) "
                                "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (key, effective_from) DO UPDATE SET "
                                "value = excluded.value, recorded_by = excluded.recorded_by, "
                                "recorded = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
                                g_variant_new ("(sss@ms)", set->keys[i], d, stored,
                                               maybe_text (fz_context_get_operator (set->context))),
                                error))
        return FALSE;
    }

  /* The rules must agree on that day and at every later change. */
  g_ptr_array_add (days, g_strdup (d));
  st = fz_database_query (db, "SELECT DISTINCT effective_from FROM welfare_posts_rule WHERE effective_from > ?1 "
                          "ORDER BY 1", g_variant_new ("(s)", d), error);
  if (st == NULL)
    return FALSE;
  while (fz_statement_step (st, &local))
    g_ptr_array_add (days, fz_statement_dup_text (st, 0));
  if (!step_error (&local, error))
    return FALSE;
  for (guint i = 0; i < days->len; i++)
    {
      FzpWelfarePostsRules rules;
      GDate day;

      date_from_text (g_ptr_array_index (days, i), &day);
      if (!fzp_welfare_posts_load_rules (set->context, &day, &rules, error))
        {
          g_prefix_error (error, _("On %s: "), (char *) g_ptr_array_index (days, i));
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
fzp_welfare_posts_set_rules (FzContext          *context,
                             const char         *from,
                             const char * const *keys,
                             const char * const *values,
                             guint               n,
                             GError            **error)
{
  SetRules set = { context, from, keys, values, n };

  return fz_database_transaction (fz_context_get_database (context), set_rules_txn, &set, error);
}

/* The income rule */

gboolean
fzp_welfare_posts_compute_income_for (FzContext                         *context,
                                      const FzpWelfarePostsIncomeFields *fields,
                                      FzpWelfarePostsIncome             *income,
                                      char                             **notes,
                                      GError                           **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(FzPerson) person = NULL;
  FzpWelfarePostsRules rules;
  GDate first, last;
  guint year = 0, month = 0;
  double amount = 0;
  GError *local = NULL;
  char day[11];

  memset (income, 0, sizeof *income);
  g_date_clear (&income->since, 1);
  person = fzp_welfare_posts_find_person (context, fields->person, &local);
  if (person == NULL)
    take_problem (problems, &local);
  if (!fzp_welfare_posts_parse_month (fields->month, _("Month"), &year, &month, &local))
    take_problem (problems, &local);
  if (!fzp_welfare_posts_parse_money (fields->income, _("Income"), &amount, &local))
    take_problem (problems, &local);
  if (!parse_date_opt (fields->since, _("Employed since"), &income->since, &local))
    take_problem (problems, &local);
  if (!no_problems (problems, error))
    return FALSE;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, (GDateMonth) month, (GDateYear) year);
  last = first;
  g_date_add_days (&last, g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year) - 1);

  if (g_date_valid (&income->since))
    g_string_append (text, _("Employed since the date given."));
  else
    {
      date_from_text (fz_person_get_employment_date (person), &income->since);
      if (g_date_valid (&income->since))
        g_string_append (text, _("Employed since the registry's employment date."));
      else
        {
          g_autofree char *start = NULL;
          g_autoptr(FzStatement) st = NULL;

          fzp_welfare_posts_format_date (&last, day);
          st = fz_database_query (db,
                                  "SELECT max(start_date) FROM welfare_posts_placement WHERE person_id = ?1 "
                                  "AND start_date <= ?2",
                                  g_variant_new ("(xs)", fz_person_get_id (person), day), error);
          if (st == NULL)
            return FALSE;
          if (fz_statement_step (st, &local))
            start = fz_statement_dup_text (st, 0);
          if (!step_error (&local, error))
            return FALSE;
          date_from_text (start, &income->since);
          if (!g_date_valid (&income->since))
            {
              g_set_error (error, FZP_WELFARE_POSTS_ERROR, FZP_WELFARE_POSTS_ERROR_INVALID, _("%s: %s"),
                           _("Employed since"),
                           _("neither the registry nor a placement says when this person was employed; "
                             "give the date of first employment or re-employment"));
              return FALSE;
            }
          g_string_append (text, _("Employed since the start of the latest public-welfare placement."));
        }
    }

  if (!fzp_welfare_posts_load_rules (context, &first, &rules, error))
    return FALSE;

  income->year = year;
  income->month = month;
  income->income = amount;
  income->taper_granted = !fields->no_taper;
  if (fields->supported)
    {
      guint category = fz_person_get_category (person);
      guint grade = fz_person_get_grade (person);

      if (!fzp_welfare_posts_supported_covers (&rules, category, grade))
        {
          g_string_append_c (text, '\n');
          g_string_append_printf (text, _("The supported-employment exemption does not cover %s, grade %u: "
                                          "the income is treated as other job income."),
                                  fz_category_to_string (category), grade);
        }
      else if (fz_person_get_county_code (person) == NULL)
        {
          g_set_error (error, FZP_WELFARE_POSTS_ERROR, FZP_WELFARE_POSTS_ERROR_INVALID, _("%s: %s"),
                       _("County"), _("the registry has no county for this person, so the minimum wage is not known"));
          return FALSE;
        }
      else
        {
          double hourly = 0;
          g_autofree char *wage = NULL;

          if (!fz_rules_get_minimum_wage (db, fz_person_get_county_code (person), &first,
                                          &income->minimum_wage, &hourly, error))
            return FALSE;
          income->supported = TRUE;
          wage = g_strdup_printf ("%.2f", income->minimum_wage);
          g_string_append_c (text, '\n');
          g_string_append_printf (text, _("Minimum wage in %s in that month: %s yuan."),
                                  fz_person_get_county_name (person) ? fz_person_get_county_name (person)
                                                                     : fz_person_get_county_code (person),
                                  wage);
        }
    }

  if (!fzp_welfare_posts_compute_income (&rules, income, error))
    return FALSE;
  if (notes)
    *notes = g_strdup (text->str);
  return TRUE;
}

/* Import and export */

void
fzp_welfare_posts_import_free (FzpWelfarePostsImport *import)
{
  if (import == NULL)
    return;
  g_free (import->path);
  g_free (import->encoding);
  g_ptr_array_unref (import->problems);
  g_free (import);
}

typedef struct {
  int         id;
  const char *names[10];  /* the first is what export writes */
} ColumnName;

enum {
  POST_CODE, POST_NAME, POST_KIND, POST_ORGANIZATION, POST_CREDIT_CODE, POST_COUNTY, POST_TOWNSHIP,
  POST_PLACES, POST_PAY, POST_FUNDING, POST_CREATED, POST_CLOSED, N_POST_COLUMNS
};

static const ColumnName post_columns[N_POST_COLUMNS] = {
  { POST_CODE, { "岗位编号", "编号", "code", "post_code", NULL } },
  { POST_NAME, { "岗位名称", "岗位", "name", "post_name", NULL } },
  { POST_KIND, { "岗位类别", "岗位类型", "类别", "kind", NULL } },
  { POST_ORGANIZATION, { "用人单位", "设岗单位", "单位名称", "单位", "organization", "employer", NULL } },
  { POST_CREDIT_CODE, { "统一社会信用代码", "信用代码", "credit_code", NULL } },
  { POST_COUNTY, { "县(市、区)", "县市区", "县区", "县", "county", NULL } },
  { POST_TOWNSHIP, { "乡镇(街道)", "乡镇", "街道", "township", NULL } },
  { POST_PLACES, { "岗位数", "岗位数量", "名额", "places", NULL } },
  { POST_PAY, { "月工资(元)", "月工资", "月薪", "岗位工资", "monthly_pay", "pay", NULL } },
  { POST_FUNDING, { "资金来源", "经费来源", "funding", NULL } },
  { POST_CREATED, { "开发日期", "设立日期", "设岗日期", "created", NULL } },
  { POST_CLOSED, { "撤销日期", "关闭日期", "closed", NULL } },
};

enum {
  PL_ID_NUMBER, PL_NAME, PL_POST, PL_START, PL_END, PL_END_REASON, PL_GRADUATION_YEAR, PL_SCHOOL,
  N_PL_COLUMNS
};

static const ColumnName placement_columns[N_PL_COLUMNS] = {
  { PL_ID_NUMBER, { "身份证号", "身份证号码", "公民身份号码", "id_number", NULL } },
  { PL_NAME, { "姓名", "name", NULL } },
  { PL_POST, { "岗位编号", "post_code", "post", NULL } },
  { PL_START, { "上岗日期", "起始日期", "开始日期", "安置日期", "start", NULL } },
  { PL_END, { "离岗日期", "终止日期", "结束日期", "end", NULL } },
  { PL_END_REASON, { "离岗原因", "end_reason", NULL } },
  { PL_GRADUATION_YEAR, { "毕业年份", "graduation_year", NULL } },
  { PL_SCHOOL, { "毕业院校", "school", NULL } },
};

/* Headers compared without white space, brackets, 、, * and _, ASCII in lower case. */
static char *
header_key (const char *text)
{
  g_autofree char *norm = fz_normalize_text (text);
  GString *key = g_string_new (NULL);

  for (const char *p = norm; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == '(' || c == ')' || c == ',' || c == '*' || c == '-' ||
          c == '_' || c == 0x3001 /* 、 */ || c == 0xFF0C /* ， */)
        continue;
      g_string_append_unichar (key, c < 0x80 ? (gunichar) g_ascii_tolower ((char) c) : c);
    }
  return g_string_free (key, FALSE);
}

/* Matches the header row to @columns; adds a problem for a column given
 * twice. @index receives the field of each column, -1 when absent. */
static void
read_header (FzTable              *table,
             const ColumnName     *columns,
             guint                 n_columns,
             int                  *index,
             FzpWelfarePostsImport *import)
{
  guint n = fz_table_get_n_fields (table, 0);
  guint line = fz_table_get_line (table, 0);

  for (guint c = 0; c < n_columns; c++)
    index[c] = -1;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = header_key (fz_table_get_field (table, 0, i));

      for (guint c = 0; c < n_columns && *key; c++)
        for (guint k = 0; columns[c].names[k]; k++)
          {
            g_autofree char *name = header_key (columns[c].names[k]);

            if (!g_str_equal (key, name))
              continue;
            if (index[c] >= 0)
              g_ptr_array_add (import->problems,
                               g_strdup_printf ("%s:%u: %s", import->path, line,
                                                _("two columns hold the same field; keep one")));
            else
              index[c] = (int) i;
            goto next;
          }
    next:
      ;
    }
}

static void
require_column (FzpWelfarePostsImport *import,
                guint                  line,
                const int             *index,
                int                    column,
                const char            *header)
{
  if (index[column] >= 0)
    return;
  g_ptr_array_add (import->problems,
                   g_strdup_printf ("%s:%u: %s", import->path, line, header));
}

static const char *
field (FzTable   *table,
       guint      record,
       const int *index,
       int        column)
{
  return index[column] < 0 ? NULL : fz_table_get_field (table, record, (guint) index[column]);
}

/* Each line of @error's message as a problem of @line. */
static void
add_row_problems (FzpWelfarePostsImport *import,
                  guint                  line,
                  const GError          *error)
{
  g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    g_ptr_array_add (import->problems, g_strdup_printf ("%s:%u: %s", import->path, line, lines[i]));
}

typedef struct {
  FzContext             *context;
  FzTable               *table;
  FzpWelfarePostsImport *import;
  gboolean               posts;
} Import;

static gboolean
import_posts_rows (Import  *im,
                   GError **error)
{
  int index[N_POST_COLUMNS];
  guint header_line = fz_table_get_line (im->table, 0);

  read_header (im->table, post_columns, N_POST_COLUMNS, index, im->import);
  require_column (im->import, header_line, index, POST_NAME, _("There is no column for the post's name: name one 岗位名称 or name"));
  require_column (im->import, header_line, index, POST_KIND, _("There is no column for the kind of post: name one 岗位类别 or kind"));
  require_column (im->import, header_line, index, POST_ORGANIZATION, _("There is no column for the organization: name one 用人单位 or organization"));
  require_column (im->import, header_line, index, POST_COUNTY, _("There is no column for the county: name one 县(市、区) or county"));
  require_column (im->import, header_line, index, POST_PLACES, _("There is no column for the places: name one 岗位数 or places"));
  require_column (im->import, header_line, index, POST_CREATED, _("There is no column for the day the post was created: name one 开发日期 or created"));
  if (im->import->problems->len)
    return TRUE;

  for (guint r = 1; r < fz_table_get_n_records (im->table); r++)
    {
      FzpWelfarePostsPostFields f = {
        field (im->table, r, index, POST_CODE), field (im->table, r, index, POST_NAME),
        field (im->table, r, index, POST_KIND), field (im->table, r, index, POST_ORGANIZATION),
        field (im->table, r, index, POST_CREDIT_CODE), field (im->table, r, index, POST_COUNTY),
        field (im->table, r, index, POST_TOWNSHIP), field (im->table, r, index, POST_PLACES),
        field (im->table, r, index, POST_PAY), field (im->table, r, index, POST_FUNDING),
        field (im->table, r, index, POST_CREATED), field (im->table, r, index, POST_CLOSED),
      };
      gboolean added = FALSE, changed = FALSE;
      g_autoptr(GError) local = NULL;

      if (!save_post_full (im->context, &f, NULL, &added, &changed, &local))
        {
          if (local->domain == FZ_DATABASE_ERROR && local->code != FZ_DATABASE_ERROR_CONSTRAINT)
            {
              g_propagate_error (error, g_steal_pointer (&local));
              return FALSE;
            }
          add_row_problems (im->import, fz_table_get_line (im->table, r), local);
        }
      else if (added)
        im->import->added++;
      else if (changed)
        im->import->updated++;
      else
        im->import->unchanged++;
    }
  return TRUE;
}

static gboolean
import_placements_rows (Import  *im,
                        GError **error)
{
  FzDatabase *db = fz_context_get_database (im->context);
  int index[N_PL_COLUMNS];
  guint header_line = fz_table_get_line (im->table, 0);

  read_header (im->table, placement_columns, N_PL_COLUMNS, index, im->import);
  require_column (im->import, header_line, index, PL_ID_NUMBER, _("There is no column for the identity number: name one 身份证号, 公民身份号码 or id_number"));
  require_column (im->import, header_line, index, PL_POST, _("There is no column for the post: name one 岗位编号 or post_code"));
  require_column (im->import, header_line, index, PL_START, _("There is no column for the start: name one 上岗日期 or start"));
  if (im->import->problems->len)
    return TRUE;

  for (guint r = 1; r < fz_table_get_n_records (im->table); r++)
    {
      guint line = fz_table_get_line (im->table, r);
      FzpWelfarePostsPlacementFields f = {
        field (im->table, r, index, PL_ID_NUMBER), field (im->table, r, index, PL_POST),
        field (im->table, r, index, PL_START), field (im->table, r, index, PL_END),
        field (im->table, r, index, PL_GRADUATION_YEAR), field (im->table, r, index, PL_SCHOOL),
        field (im->table, r, index, PL_END_REASON),
      };
      g_autoptr(GError) local = NULL;
      g_autoptr(FzPerson) person = fzp_welfare_posts_find_person (im->context, f.person, &local);
      const char *name = field (im->table, r, index, PL_NAME);
      gint64 post_id = 0, existing = 0;
      gboolean found = FALSE, changed = FALSE;
      GDate start;
      char d[11];

      if (person && !is_empty (name))
        {
          g_autofree char *typed = fz_normalize_text (name);
          if (!g_str_equal (typed, fz_person_get_name (person)))
            {
              g_autofree char *detail =
                g_strdup_printf (_("the registry has %s for this identity number, the sheet %s"),
                                 fz_person_get_name (person), typed);
              g_autofree char *message = g_strdup_printf (_("%s: %s"), _("Name"), detail);

              g_ptr_array_add (im->import->problems,
                               g_strdup_printf ("%s:%u: %s", im->import->path, line, message));
              continue;
            }
        }
      /* The same person, post and start: the row updates that placement. */
      if (person && fz_parse_date (f.start, "", &start, NULL) &&
          (post_id = fzp_welfare_posts_find_post (im->context, f.post, NULL)) != 0)
        {
          fzp_welfare_posts_format_date (&start, d);
          if (!fz_database_query_int64 (db,
                                        "SELECT id FROM welfare_posts_placement WHERE person_id = ?1 "
                                        "AND post_id = ?2 AND start_date = ?3",
                                        g_variant_new ("(xxs)", fz_person_get_id (person), post_id, d),
                                        &existing, &found, error))
            return FALSE;
        }
      g_clear_error (&local);
      if (found)
        {
          if (!end_placement_full (im->context, existing, f.end, f.end_reason, &changed, &local))
            add_row_problems (im->import, line, local);
          else if (changed)
            im->import->updated++;
          else
            im->import->unchanged++;
        }
      else if (fzp_welfare_posts_place (im->context, &f, &local) == 0)
        {
          if (local->domain == FZ_DATABASE_ERROR && local->code != FZ_DATABASE_ERROR_CONSTRAINT)
            {
              g_propagate_error (error, g_steal_pointer (&local));
              return FALSE;
            }
          add_row_problems (im->import, line, local);
        }
      else
        im->import->added++;
    }
  return TRUE;
}

static gboolean
import_txn (FzDatabase  *db,
            gpointer     user_data,
            GError     **error)
{
  Import *im = user_data;

  if (!(im->posts ? import_posts_rows (im, error) : import_placements_rows (im, error)))
    return FALSE;
  if (im->import->problems->len)
    {
      g_set_error (error, FZP_WELFARE_POSTS_ERROR, FZP_WELFARE_POSTS_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "%s: %u problem; nothing was imported",
                                "%s: %u problems; nothing was imported", im->import->problems->len),
                   im->import->path, im->import->problems->len);
      return FALSE;
    }
  return TRUE;
}

static gboolean
import_file (FzContext              *context,
             const char             *path,
             gboolean                posts,
             FzpWelfarePostsImport **import,
             GError                **error)
{
  g_autoptr(FzTable) table = NULL;
  g_autoptr(FzpWelfarePostsImport) report = NULL;
  Import im = { context, NULL, NULL, posts };
  gboolean ok;

  if (import)
    *import = NULL;
  table = fz_table_read_file (path, error);
  if (table == NULL)
    return FALSE;
  report = g_new0 (FzpWelfarePostsImport, 1);
  report->path = g_strdup (path);
  report->encoding = g_strdup (fz_table_get_encoding (table));
  report->problems = g_ptr_array_new_with_free_func (g_free);
  if (fz_table_get_n_records (table) == 0)
    {
      g_ptr_array_add (report->problems, g_strdup_printf ("%s:1: %s", path, _("the file is empty")));
      g_set_error (error, FZP_WELFARE_POSTS_ERROR, FZP_WELFARE_POSTS_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "%s: %u problem; nothing was imported",
                                "%s: %u problems; nothing was imported", 1), path, 1);
      ok = FALSE;
    }
  else
    {
      im.table = table;
      im.import = report;
      ok = fz_database_transaction (fz_context_get_database (context), import_txn, &im, error);
      if (!ok)
        report->added = report->updated = report->unchanged = 0;
    }
  if (import)
    *import = g_steal_pointer (&report);
  return ok;
}

gboolean
fzp_welfare_posts_import_posts (FzContext              *context,
                                const char             *path,
                                FzpWelfarePostsImport **import,
                                GError                **error)
{
  return import_file (context, path, TRUE, import, error);
}

gboolean
fzp_welfare_posts_import_placements (FzContext              *context,
                                     const char             *path,
                                     FzpWelfarePostsImport **import,
                                     GError                **error)
{
  return import_file (context, path, FALSE, import, error);
}

static gboolean
export_statement (FzStatement         *st,
                  const char          *path,
                  const char * const  *headers,
                  const FzTableColumn *kinds,
                  guint                n_columns,
                  guint               *n_rows,
                  GError             **error)
{
  g_autoptr(FzTableWriter) writer = fz_table_writer_new (path, error);
  GError *local = NULL;
  guint n = 0;

  if (writer == NULL)
    return FALSE;
  for (guint c = 0; c < n_columns; c++)
    fz_table_writer_set_column (writer, c, kinds[c], kinds[c] == FZ_TABLE_COLUMN_IDENTIFIER ? 22 : 0);
  if (!fz_table_writer_add_row (writer, headers, n_columns, error))
    return FALSE;
  while (fz_statement_step (st, &local))
    {
      const char *cells[16];

      g_assert (n_columns <= G_N_ELEMENTS (cells));
      for (guint c = 0; c < n_columns; c++)
        cells[c] = fz_statement_get_text (st, (int) c);
      if (!fz_table_writer_add_row (writer, cells, n_columns, error))
        return FALSE;
      n++;
    }
  if (!step_error (&local, error) || !fz_table_writer_close (writer, error))
    return FALSE;
  if (n_rows)
    *n_rows = n;
  return TRUE;
}


gboolean
fzp_welfare_posts_export_posts (FzContext   *context,
                                const char  *path,
                                guint       *n_rows,
                                GError     **error)
{
  const char *headers[N_POST_COLUMNS];
  const FzTableColumn kinds[N_POST_COLUMNS] = {
    FZ_TABLE_COLUMN_IDENTIFIER, FZ_TABLE_COLUMN_TEXT, FZ_TABLE_COLUMN_TEXT, FZ_TABLE_COLUMN_TEXT,
    FZ_TABLE_COLUMN_IDENTIFIER, FZ_TABLE_COLUMN_TEXT, FZ_TABLE_COLUMN_TEXT, FZ_TABLE_COLUMN_NUMBER,
    FZ_TABLE_COLUMN_NUMBER, FZ_TABLE_COLUMN_TEXT, FZ_TABLE_COLUMN_TEXT, FZ_TABLE_COLUMN_TEXT,
  };
  g_autoptr(FzStatement) st = NULL;

  for (guint c = 0; c < N_POST_COLUMNS; c++)
    headers[c] = post_columns[c].names[0];
  st = fz_database_query (fz_context_get_database (context),
                          "SELECT p.code, p.name, " FZP_WELFARE_POSTS_KIND_PRINT_SQL ("p.kind") ", o.name, o.credit_code, c.name, "
                          "p.township, p.places, CASE WHEN p.monthly_pay IS NULL THEN NULL ELSE printf('%.2f', p.monthly_pay) END, p.funding, p.created, p.closed "
                          "FROM welfare_posts_post p JOIN fz_organization o ON o.id = p.organization_id "
                          "JOIN fz_county c ON c.code = p.county_code ORDER BY p.county_code, p.code",
                          NULL, error);
  return st && export_statement (st, path, headers, kinds, N_POST_COLUMNS, n_rows, error);
}

gboolean
fzp_welfare_posts_export_placements (FzContext   *context,
                                     const char  *path,
                                     int          year,
                                     guint       *n_rows,
                                     GError     **error)
{
  /* What import reads, then what helps a reader: the post and the basis. */
  const char *headers[] = {
    "身份证号", "姓名", "岗位编号", "上岗日期", "离岗日期", "离岗原因", "毕业年份", "毕业院校",
    "岗位名称", "用人单位", "县(市、区)", "安置依据",
  };
  const FzTableColumn kinds[G_N_ELEMENTS (headers)] = {
    FZ_TABLE_COLUMN_IDENTIFIER, FZ_TABLE_COLUMN_TEXT, FZ_TABLE_COLUMN_IDENTIFIER, FZ_TABLE_COLUMN_TEXT,
    FZ_TABLE_COLUMN_TEXT, FZ_TABLE_COLUMN_TEXT, FZ_TABLE_COLUMN_NUMBER, FZ_TABLE_COLUMN_TEXT,
    FZ_TABLE_COLUMN_TEXT, FZ_TABLE_COLUMN_TEXT, FZ_TABLE_COLUMN_TEXT, FZ_TABLE_COLUMN_TEXT,
  };
  g_autoptr(FzStatement) st = NULL;
  g_autofree char *first = year > 0 ? g_strdup_printf ("%04d-01-01", year) : g_strdup ("0000-01-01");
  g_autofree char *last = year > 0 ? g_strdup_printf ("%04d-12-31", year) : g_strdup ("9999-12-31");

  st = fz_database_query (fz_context_get_database (context),
                          "SELECT pe.id_number, pe.name, p.code, pl.start_date, pl.end_date, pl.end_reason, "
                          "pl.graduation_year, pl.school, p.name, o.name, c.name, "
                          "CASE pl.basis WHEN 'graduate' THEN '应届高校毕业生兜底安置' ELSE '就业困难人员认定' END "
                          "FROM welfare_posts_placement pl JOIN welfare_posts_post p ON p.id = pl.post_id "
                          "JOIN fz_person pe ON pe.id = pl.person_id "
                          "JOIN fz_organization o ON o.id = p.organization_id "
                          "JOIN fz_county c ON c.code = p.county_code "
                          "WHERE pl.start_date <= ?2 AND (pl.end_date IS NULL OR pl.end_date >= ?1) "
                          "ORDER BY p.county_code, p.code, pl.start_date, pl.id",
                          g_variant_new ("(ss)", first, last), error);
  return st && export_statement (st, path, headers, kinds, G_N_ELEMENTS (headers), n_rows, error);
}
