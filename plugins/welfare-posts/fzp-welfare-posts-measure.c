/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-welfare-posts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fzp-welfare-posts-commands.h"
#include "fzp-welfare-posts-documents.h"
#include "fzp-welfare-posts-measure.h"
#include "fzp-welfare-posts-page.h"
#include "fzp-welfare-posts-store.h"

struct _FzpWelfarePostsMeasure
{
  GObject parent_instance;
};

static void measure_iface_init (FzMeasureInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FzpWelfarePostsMeasure, fzp_welfare_posts_measure, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (FZ_TYPE_MEASURE, measure_iface_init))

/* New posts count their places: a post with three places is three of the
 * plan's 800. */
static const FzIndicatorInfo indicators[] = {
  { "new-posts", N_("New public-welfare posts"), N_("posts"), FZ_TARGET_NEW_WELFARE_POSTS, FZ_INDICATOR_SUM },
  { "persons-in-posts", N_("Persons in public-welfare posts at the end of the year (today for this year)"),
    N_("persons"), NULL, FZ_INDICATOR_LEVEL },
  { "placements-started", N_("Placements started"), N_("placements"), NULL, FZ_INDICATOR_SUM },
  { "placements-ended", N_("Placements ended"), N_("placements"), NULL, FZ_INDICATOR_SUM },
};

static const FzMeasureInfo info = {
  .id = "welfare-posts",
  .title = N_("Public-Welfare Posts"),
  .icon_name = "system-users-symbolic",
  .clause = "二(五)",
  .gettext_domain = GETTEXT_PACKAGE,
  .indicators = indicators,
  .n_indicators = G_N_ELEMENTS (indicators),
};

static const FzMeasureInfo *
get_info (FzMeasure *measure)
{
  static FzMeasureInfo full;

  /* The tables, commands and documents are defined beside their code. */
  if (full.id == NULL)
    {
      full = info;
      full.migrations = fzp_welfare_posts_migrations;
      full.n_migrations = fzp_welfare_posts_n_migrations;
      full.commands = fzp_welfare_posts_commands;
      full.n_commands = fzp_welfare_posts_n_commands;
      full.documents = fzp_welfare_posts_documents;
      full.n_documents = fzp_welfare_posts_n_documents;
    }
  return &full;
}

static GtkWidget *
create_page (FzMeasure *measure,
             FzContext *context)
{
  return fzp_welfare_posts_page_new (context);
}

/* Adds the rows (county code, number) of @sql with @params to @indicator. */
static gboolean
add_counts (FzDatabase         *db,
            FzIndicatorValues  *values,
            const char         *indicator,
            const char         *sql,
            GVariant           *params,
            GError            **error)
{
  g_autoptr(FzStatement) st = fz_database_query (db, sql, params, error);
  g_autoptr(GError) local_error = NULL;

  if (st == NULL)
    return FALSE;
  while (fz_statement_step (st, &local_error))
    fz_indicator_values_add (values, indicator, fz_statement_get_text (st, 0), fz_statement_get_double (st, 1));
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
compute_indicators (FzMeasure          *measure,
                    FzContext          *context,
                    int                 year,
                    FzIndicatorValues  *values,
                    GError            **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autofree char *y = g_strdup_printf ("%04d", year);
  char day[11];
  GDate today, last;

  /* Persons in posts on the year's last day, or today while it runs. */
  fzp_welfare_posts_today (&today);
  g_date_clear (&last, 1);
  g_date_set_dmy (&last, 31, 12, (GDateYear) year);
  fzp_welfare_posts_format_date (g_date_compare (&today, &last) < 0 ? &today : &last, day);

  return add_counts (db, values, "new-posts",
                     "SELECT county_code, sum(places) FROM welfare_posts_post "
                     "WHERE substr(created, 1, 4) = ?1 GROUP BY county_code",
                     g_variant_new ("(s)", y), error) &&
         add_counts (db, values, "persons-in-posts",
                     "SELECT p.county_code, count(DISTINCT pl.person_id) FROM welfare_posts_placement pl "
                     "JOIN welfare_posts_post p ON p.id = pl.post_id "
                     "WHERE pl.start_date <= ?1 AND (pl.end_date IS NULL OR pl.end_date >= ?1) "
                     "GROUP BY p.county_code",
                     g_variant_new ("(s)", day), error) &&
         add_counts (db, values, "placements-started",
                     "SELECT p.county_code, count(*) FROM welfare_posts_placement pl "
                     "JOIN welfare_posts_post p ON p.id = pl.post_id "
                     "WHERE substr(pl.start_date, 1, 4) = ?1 GROUP BY p.county_code",
                     g_variant_new ("(s)", y), error) &&
         add_counts (db, values, "placements-ended",
                     "SELECT p.county_code, count(*) FROM welfare_posts_placement pl "
                     "JOIN welfare_posts_post p ON p.id = pl.post_id "
                     "WHERE substr(pl.end_date, 1, 4) = ?1 GROUP BY p.county_code",
                     g_variant_new ("(s)", y), error);
}

static int
run_command (FzMeasure  *measure,
             FzContext  *context,
             int         argc,
             char      **argv,
             GError    **error)
{
  return fzp_welfare_posts_run_command (context, argc, argv, error);
}

static FzDocument *
build_document (FzMeasure             *measure,
                FzContext             *context,
                const FzDocumentInfo  *doc_info,
                GHashTable            *params,
                GError               **error)
{
  return fzp_welfare_posts_build_document (context, doc_info, params, error);
}

static void
measure_iface_init (FzMeasureInterface *iface)
{
  iface->get_info = get_info;
  iface->create_page = create_page;
  iface->compute_indicators = compute_indicators;
  iface->run_command = run_command;
  iface->build_document = build_document;
}

static void
fzp_welfare_posts_measure_class_init (FzpWelfarePostsMeasureClass *klass)
{
}

static void
fzp_welfare_posts_measure_init (FzpWelfarePostsMeasure *self)
{
}
