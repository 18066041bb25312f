/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-blind-massage"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fzp-blind-massage-commands.h"
#include "fzp-blind-massage-documents.h"
#include "fzp-blind-massage-measure.h"
#include "fzp-blind-massage-page.h"
#include "fzp-blind-massage-store.h"

struct _FzpBlindMassageMeasure
{
  GObject parent_instance;
};

static void measure_iface_init (FzMeasureInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FzpBlindMassageMeasure, fzp_blind_massage_measure, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (FZ_TYPE_MEASURE, measure_iface_init))

/* Per county, per year. None counts toward the plan's targets: a hospital
 * post or a filing is employment the registry counts already, once.
 * Practitioners, designated clinics and posts are levels at the end of the
 * year, not counts of it (FZ_INDICATOR_LEVEL): never added up over years. */
static const FzIndicatorInfo indicators[] = {
  { "medical-practitioners", N_("Blind medical massage practitioners"), N_("persons"), NULL, FZ_INDICATOR_LEVEL },
  { "health-practitioners", N_("Blind health massage practitioners"), N_("persons"), NULL, FZ_INDICATOR_LEVEL },
  { "reviews-done", N_("Certificate reviews done"), N_("reviews"), NULL, FZ_INDICATOR_SUM },
  { "reviews-overdue", N_("Certificate reviews overdue"), N_("reviews"), NULL, FZ_INDICATOR_SUM },
  { "designated-clinics", N_("Clinics designated for medical insurance"), N_("clinics"), NULL, FZ_INDICATOR_LEVEL },
  { "hospital-posts", N_("Blind massage posts in hospitals"), N_("posts"), NULL, FZ_INDICATOR_LEVEL },
};

static FzMeasureInfo info = {
  .id = FZP_BLIND_MASSAGE_OWNER,
  .title = N_("Blind Massage"),
  .icon_name = "emblem-favorite-symbolic",
  .clause = "二(一) 二(十)",
  .gettext_domain = GETTEXT_PACKAGE,
  .indicators = indicators,
  .n_indicators = G_N_ELEMENTS (indicators),
};

static const FzMeasureInfo *
get_info (FzMeasure *measure)
{
  /* The tables live beside the arrays they are built from. */
  if (info.migrations == NULL)
    {
      info.migrations = fzp_blind_massage_migrations;
      info.n_migrations = fzp_blind_massage_n_migrations;
      info.commands = fzp_blind_massage_commands;
      info.n_commands = fzp_blind_massage_n_commands;
      info.documents = fzp_blind_massage_documents;
      info.n_documents = fzp_blind_massage_n_documents;
    }
  return &info;
}

static GtkWidget *
create_page (FzMeasure *measure,
             FzContext *context)
{
  return fzp_blind_massage_page_new (context);
}

static gboolean
add_counts (FzDatabase         *db,
            const char         *indicator,
            const char         *sql,
            GVariant           *params,
            FzIndicatorValues  *values,
            GError            **error)
{
  g_autoptr(FzStatement) st = fz_database_query (db, sql, params, error);
  g_autoptr(GError) local_error = NULL;

  if (st == NULL)
    return FALSE;
  while (fz_statement_step (st, &local_error))
    fz_indicator_values_add (values, indicator, fz_statement_get_text (st, 0),
                             (double) fz_statement_get_int64 (st, 1));
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
  g_autofree char *end = g_strdup_printf ("%04d-12-31", year);
  g_autoptr(GPtrArray) overdue = NULL;
  FzpBlindMassageReviewQuery query = { 0 };

  /* Practitioners at the end of the year: medical ones once qualified. */
  if (!add_counts (db, "medical-practitioners",
                   "SELECT county_code, count(*) FROM blind_massage_practitioner WHERE kind = 'medical'"
                   " AND qualified_on <= ?1 AND registered_on <= ?1 AND (left_on IS NULL OR left_on > ?1)"
                   " GROUP BY county_code",
                   g_variant_new ("(s)", end), values, error)
      || !add_counts (db, "health-practitioners",
                      "SELECT county_code, count(*) FROM blind_massage_practitioner WHERE kind = 'health'"
                      " AND registered_on <= ?1 AND (left_on IS NULL OR left_on > ?1) GROUP BY county_code",
                      g_variant_new ("(s)", end), values, error)
      || !add_counts (db, "reviews-done",
                      "SELECT p.county_code, count(*) FROM blind_massage_review r"
                      " JOIN blind_massage_practitioner p ON p.id = r.practitioner_id"
                      " WHERE r.year = ?1 AND r.result IN ('passed', 'failed') GROUP BY p.county_code",
                      g_variant_new ("(i)", year), values, error)
      || !add_counts (db, "designated-clinics",
                      "SELECT county_code, count(*) FROM blind_massage_clinic WHERE insurance_from <= ?1"
                      " AND (insurance_until IS NULL OR insurance_until >= ?1)"
                      " AND (closed_on IS NULL OR closed_on > ?1) GROUP BY county_code",
                      g_variant_new ("(s)", end), values, error)
      || !add_counts (db, "hospital-posts",
                      "SELECT county_code, count(*) FROM blind_massage_post WHERE created_on <= ?1"
                      " AND (abolished_on IS NULL OR abolished_on > ?1) GROUP BY county_code",
                      g_variant_new ("(s)", end), values, error))
    return FALSE;

  /* The year's reviews past their due date today and not done. */
  query.year = year;
  query.flags = FZP_BLIND_MASSAGE_LIST_OVERDUE;
  overdue = fzp_blind_massage_list_reviews (context, &query, error);
  if (overdue == NULL)
    return FALSE;
  for (guint i = 0; i < overdue->len; i++)
    fz_indicator_values_add (values, "reviews-overdue",
                             ((FzpBlindMassageReviewItem *) g_ptr_array_index (overdue, i))->county_code, 1);
  return TRUE;
}

static int
run_command (FzMeasure  *measure,
             FzContext  *context,
             int         argc,
             char      **argv,
             GError    **error)
{
  return fzp_blind_massage_run_command (context, argc, argv, error);
}

static FzDocument *
build_document (FzMeasure             *measure,
                FzContext             *context,
                const FzDocumentInfo  *doc_info,
                GHashTable            *params,
                GError               **error)
{
  return fzp_blind_massage_build_document (context, doc_info, params, error);
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
fzp_blind_massage_measure_class_init (FzpBlindMassageMeasureClass *klass)
{
}

static void
fzp_blind_massage_measure_init (FzpBlindMassageMeasure *self)
{
}
