/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-rural-bases"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fzp-rural-bases-documents.h"
#include "fzp-rural-bases-store.h"

const FzDocumentInfo fzp_rural_bases_documents[] = {
  { "register", N_("Register of rural bases"), FZ_DOCUMENT_INTERNAL, FZ_ORIENTATION_LANDSCAPE,
    (const char * const []) { "year", "county", NULL } },
  /* Hung at the base (挂牌): nothing on it is personal. */
  { "certificate", N_("Recognition certificates of rural bases"), FZ_DOCUMENT_PUBLIC, FZ_ORIENTATION_LANDSCAPE,
    (const char * const []) { "base", "level", "year", "county", NULL } },
  { "homestays", N_("Homestay priority list"), FZ_DOCUMENT_PUBLIC, FZ_ORIENTATION_PORTRAIT,
    (const char * const []) { "county", "date", NULL } },
  { "assessment", N_("Yearly assessment of rural bases"), FZ_DOCUMENT_INTERNAL, FZ_ORIENTATION_LANDSCAPE,
    (const char * const []) { "year", "county", NULL } },
};
const guint fzp_rural_bases_n_documents = G_N_ELEMENTS (fzp_rural_bases_documents);

/* How the print dialog titles the parameters of these documents (the shell
 * titles year and county itself). */
static const char *const parameter_titles[] G_GNUC_UNUSED = {
  NC_("document parameter", "base"),
  NC_("document parameter", "level"),
  NC_("document parameter", "date"),
};

/* The printed name of the whole city. */
#define CITY_NAME "衢州市"

static const char *
param (GHashTable *params,
       const char *name)
{
  const char *value = params ? g_hash_table_lookup (params, name) : NULL;

  /* The print dialog leaves a parameter empty to mean "not given". */
  return value && *value ? value : NULL;
}

static gboolean
param_year (GHashTable  *params,
            gboolean     required,
            int         *year,
            GError     **error)
{
  const char *text = param (params, "year");
  g_autoptr(GError) local_error = NULL;

  if (text == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      if (required)
        {
          g_set_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID, _("year: give the year"));
          return FALSE;
        }
      *year = g_date_time_get_year (now);
      return TRUE;
    }
  if (!fzp_rural_bases_parse_year (text, "year", year, &local_error))
    {
      g_set_error_literal (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
param_county (FzContext   *context,
              GHashTable  *params,
              char       **code,
              char       **name,
              GError     **error)
{
  const char *text = param (params, "county");
  FzDatabase *db = fz_context_get_database (context);

  *code = NULL;
  *name = g_strdup (CITY_NAME);
  if (text == NULL)
    return TRUE;
  *code = fz_county_lookup (db, text);
  if (*code == NULL)
    {
      g_set_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID,
                   _("county: “%s” is not a county of the city"), text);
      return FALSE;
    }
  g_free (*name);
  *name = fz_county_get_name (db, *code);
  return TRUE;
}

static char *
format_date (const GDate *date)
{
  char buffer[11];

  if (date == NULL || !g_date_valid (date))
    return NULL;
  fzp_rural_bases_format_date (date, buffer);
  return g_strdup (buffer);
}

static char *
count_text (guint n)
{
  return g_strdup_printf ("%u", n);
}

static void
today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
}

static void
reference_day (int    year,
               GDate *day)
{
  GDate now;

  today (&now);
  g_date_clear (day, 1);
  g_date_set_dmy (day, 31, G_DATE_DECEMBER, (GDateYear) year);
  if (g_date_compare (day, &now) > 0)
    *day = now;
}

static char *
address_of (const FzpRuralBasesBase *base)
{
  return g_strconcat (base->county_name, base->township, base->village ? base->village : "", NULL);
}

/* The standing recognition at @base's highest level on @day, or NULL. */
static FzpRuralBasesRecognitionRecord *
standing_recognition (GPtrArray          *recognitions,
                      FzpRuralBasesLevel  level,
                      const GDate        *day)
{
  FzpRuralBasesRecognitionRecord *found = NULL;

  for (guint i = 0; i < recognitions->len; i++)
    {
      FzpRuralBasesRecognitionRecord *r = g_ptr_array_index (recognitions, i);

      if (r->level != level || g_date_compare (&r->recognized_on, day) > 0)
        continue;
      if (g_date_valid (&r->withdrawn_on) && g_date_compare (&r->withdrawn_on, day) <= 0)
        continue;
      found = r;
    }
  return found;
}

/* The register */

static FzDocument *
build_register (FzContext            *context,
                const FzDocumentInfo *info,
                GHashTable           *params,
                GError              **error)
{
  g_autoptr(FzDocument) doc = fz_document_new_for_info (info);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *county = NULL;
  g_autofree char *county_name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *day_text = NULL;
  FzDocumentTable *table;
  guint employed = 0, helped = 0;
  int year;
  GDate day;

  if (!param_year (params, FALSE, &year, error) || !param_county (context, params, &county, &county_name, error))
    return NULL;
  reference_day (year, &day);
  title = g_strdup_printf ("%d年%s农村残疾人就业创业基地名册", year, county_name);
  day_text = fz_format_chinese_date (&day, FZ_DATE_STYLE_ARABIC);
  subtitle = g_strdup_printf ("认定等级截至%s；就业、带动人数为全年人数", day_text);
  fz_document_set_title (doc, title);
  fz_document_set_subtitle (doc, subtitle);
  if (!fz_document_load_settings (doc, context, error))
    return NULL;

  rows = fzp_rural_bases_year_rows (context, year, county, error);
  if (rows == NULL)
    return NULL;
  table = fz_document_add_table (doc);
  fz_document_table_add_column (table, "序号", 0.5, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "基地名称", 2.0, FZ_ALIGN_START, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "地址", 2.0, FZ_ALIGN_START, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "产业类型", 1.1, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "运营主体", 1.5, FZ_ALIGN_START, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "联系电话", 1.4, FZ_ALIGN_CENTER, FZ_FIELD_PHONE);
  fz_document_table_add_column (table, "成立时间", 1.3, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "认定等级", 1.3, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "民宿", 0.5, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "就业人数", 0.6, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "带动人数", 0.6, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "人均月收入（元）", 1.0, FZ_ALIGN_END, FZ_FIELD_PLAIN);

  for (guint i = 0; i < rows->len; i++)
    {
      FzpRuralBasesAssessment *row = g_ptr_array_index (rows, i);
      g_autoptr(FzpRuralBasesBase) base = fzp_rural_bases_find_base (context, row->base_id, error);
      g_autoptr(GPtrArray) recognitions = NULL;
      g_autofree char *number = count_text (i + 1);
      g_autofree char *address = NULL;
      g_autofree char *founded = NULL;
      g_autofree char *level = NULL;
      g_autofree char *n_employed = count_text (row->figures.employed);
      g_autofree char *n_helped = count_text (row->figures.helped);
      g_autofree char *average = NULL;
      FzpRuralBasesRecognitionRecord *standing;

      if (base == NULL)
        return NULL;
      recognitions = fzp_rural_bases_list_recognitions (context, base->id, error);
      if (recognitions == NULL)
        return NULL;
      address = address_of (base);
      founded = format_date (&base->founded_on);
      standing = standing_recognition (recognitions, row->level, &day);
      if (standing)
        {
          g_autofree char *on = format_date (&standing->recognized_on);
          /* The level, and under it since when. */
          level = g_strdup_printf ("%s\n%s", fzp_rural_bases_level_to_print (row->level), on);
        }
      else
        level = g_strdup ("未认定");
      if (row->figures.employed_months > 0)
        average = fzp_rural_bases_format_money (fzp_rural_bases_average_income (row->figures.income_paid,
                                                                                row->figures.employed_months));
      fz_document_table_add_row (table, number, base->name, address,
                                 fzp_rural_bases_industry_to_print (base->industry), base->operator_name,
                                 base->phone, founded, level, base->homestay ? "是" : "", n_employed, n_helped,
                                 average ? average : "—");
      employed += row->figures.employed;
      helped += row->figures.helped;
    }
  {
    g_autofree char *n = g_strdup_printf ("%u个", rows->len);
    g_autofree char *e = count_text (employed);
    g_autofree char *h = count_text (helped);

    fz_document_table_add_total_row (table, "合计", n, NULL, NULL, NULL, NULL, NULL, NULL, NULL, e, h, NULL);
  }
  return g_steal_pointer (&doc);
}

/* Certificates */

char *
fzp_rural_bases_dup_issuer (FzContext  *context,
                            int         level,
                            const char *county_name)
{
  g_autofree char *key = g_strdup_printf ("issuer-%s", fzp_rural_bases_level_to_nick (level));
  g_autofree char *value = fz_context_get_value (context, FZP_RURAL_BASES_ID, key);
  g_auto(GStrv) parts = NULL;

  if (value == NULL || *value == '\0')
    {
      switch (level)
        {
        case FZP_RURAL_BASES_LEVEL_COUNTY:
          return g_strdup_printf ("%s残疾人联合会", county_name);
        case FZP_RURAL_BASES_LEVEL_PROVINCE:
          return g_strdup ("浙江省残疾人联合会");
        default:
          return g_strdup (CITY_NAME "残疾人联合会");
        }
    }
  parts = g_strsplit (value, "{county}", -1);
  return g_strjoinv (county_name, parts);
}

/* What the base is recognised as, e.g. 江山市农村残疾人就业创业基地. */
static char *
recognised_as (FzpRuralBasesLevel  level,
               const char         *county_name)
{
  switch (level)
    {
    case FZP_RURAL_BASES_LEVEL_COUNTY:
      return g_strdup_printf ("%s农村残疾人就业创业基地", county_name);
    case FZP_RURAL_BASES_LEVEL_PROVINCE:
      return g_strdup ("浙江省农村残疾人就业创业基地");
    case FZP_RURAL_BASES_LEVEL_HIGH_STANDARD:
      return g_strdup (CITY_NAME "高标准农村残疾人就业创业基地");
    case FZP_RURAL_BASES_LEVEL_CITY:
    case FZP_RURAL_BASES_LEVEL_NONE:
    default:
      return g_strdup (CITY_NAME "农村残疾人就业创业基地");
    }
}

typedef struct {
  FzContext                      *context;
  FzDocument                     *doc;
  GPtrArray                      *bases;        /* FzpRuralBasesBase */
  GPtrArray                      *recognitions; /* FzpRuralBasesRecognitionRecord, one a base */
} Certificates;

static gboolean
certificates_txn (FzDatabase  *db,
                  gpointer     user_data,
                  GError     **error)
{
  Certificates *c = user_data;

  for (guint i = 0; i < c->bases->len; i++)
    {
      FzpRuralBasesBase *base = g_ptr_array_index (c->bases, i);
      FzpRuralBasesRecognitionRecord *r = g_ptr_array_index (c->recognitions, i);
      g_autofree char *key = fzp_rural_bases_certificate_key (base->id, r->id);
      g_autofree char *as = recognised_as (r->level, base->county_name);
      g_autofree char *subject = g_strdup_printf ("%s %s", base->name, as);
      g_autofree char *recipient = g_strdup_printf ("%s：", base->name);
      g_autofree char *body = NULL;
      g_autofree char *address = address_of (base);
      g_autofree char *issuer = fzp_rural_bases_dup_issuer (c->context, r->level, base->county_name);
      g_autofree char *payload = g_strdup_printf ("{\"base\": %" G_GINT64_FORMAT ", \"recognition\": %" G_GINT64_FORMAT
                                                  ", \"level\": \"%s\"}", base->id, r->id,
                                                  fzp_rural_bases_level_to_nick (r->level));
      g_autoptr(FzCertificateRecord) record = NULL;
      FzCertificateRequest request = {
        .owner = FZP_RURAL_BASES_ID,
        .kind = "certificate",
        .subject_key = key,
        .subject = subject,
        .person = NULL,
        .issued = &r->recognized_on,
        .payload = payload,
        .prefix = "JD",
      };
      FzCertificate *cert;

      record = fz_certificate_register_issue (c->context, &request, NULL, error);
      if (record == NULL)
        return FALSE;
      body = g_strdup_printf ("经审核，你单位符合%s农村残疾人就业创业基地认定条件，被认定为“%s”，准予挂牌。\n特发此证。",
                              fzp_rural_bases_level_to_print (r->level), as);
      cert = fz_document_add_certificate (c->doc);
      fz_certificate_set_title (cert, "认定证书");
      fz_certificate_set_recipient (cert, recipient);
      fz_certificate_set_body (cert, body);
      fz_certificate_add_field (cert, "基地地址", address, FZ_FIELD_PLAIN);
      fz_certificate_add_field (cert, "运营主体", base->operator_name, FZ_FIELD_PLAIN);
      fz_certificate_add_field (cert, "产业类型", fzp_rural_bases_industry_to_print (base->industry), FZ_FIELD_PLAIN);
      if (r->document_number)
        fz_certificate_add_field (cert, "认定文号", r->document_number, FZ_FIELD_PLAIN);
      fz_certificate_set_issuer (cert, issuer);
      fz_certificate_set_date (cert, &record->issued, FZ_DATE_STYLE_HANZI);
      fz_certificate_set_serial (cert, record->serial);
    }
  return TRUE;
}

static FzDocument *
build_certificates (FzContext            *context,
                    const FzDocumentInfo *info,
                    GHashTable           *params,
                    GError              **error)
{
  g_autoptr(FzDocument) doc = fz_document_new_for_info (info);
  g_autoptr(GPtrArray) bases = g_ptr_array_new_with_free_func ((GDestroyNotify) fzp_rural_bases_base_free);
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  const char *base_text = param (params, "base");
  const char *level_text = param (params, "level");
  FzpRuralBasesLevel level = FZP_RURAL_BASES_LEVEL_NONE;
  Certificates c = { context, doc, bases, chosen };
  GDate now;

  today (&now);
  if (level_text)
    {
      g_autoptr(GError) local_error = NULL;

      if (!fzp_rural_bases_level_parse (level_text, &level, &local_error))
        {
          g_set_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID, "level: %s", local_error->message);
          return NULL;
        }
    }

  if (base_text)
    {
      g_autoptr(GError) local_error = NULL;
      FzpRuralBasesBase *base = fzp_rural_bases_lookup_base (context, base_text, &local_error);
      GPtrArray *recognitions;
      FzpRuralBasesRecognitionRecord *r;

      if (base == NULL)
        {
          g_set_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID, "base: %s", local_error->message);
          return NULL;
        }
      g_ptr_array_add (bases, base);
      recognitions = fzp_rural_bases_list_recognitions (context, base->id, error);
      if (recognitions == NULL)
        return NULL;
      g_ptr_array_add (kept, recognitions);
      r = standing_recognition (recognitions, level ? level : base->level, &now);
      if (r == NULL)
        {
          if (level || base->level)
            g_set_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID,
                         _("level: %1$s is not recognised at %2$s"), base->name,
                         fzp_rural_bases_level_to_string (level ? level : base->level));
          else
            g_set_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID,
                         _("base: %s is not recognised at any level, so it has no certificate"), base->name);
          return NULL;
        }
      g_ptr_array_add (chosen, r);
    }
  else
    {
      g_autoptr(GPtrArray) all = NULL;
      g_autofree char *county = NULL;
      g_autofree char *county_name = NULL;
      FzpRuralBasesFilter filter = { 0 };
      int year;

      /* Every recognition of a year that still stands: a batch to print.
       * The bases are @all's, borrowed. */
      g_ptr_array_set_free_func (bases, NULL);
      if (param (params, "year") == NULL)
        {
          g_set_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID,
                       _("base: give the base, or the year whose recognitions to print"));
          return NULL;
        }
      if (!param_year (params, TRUE, &year, error) ||
          !param_county (context, params, &county, &county_name, error))
        return NULL;
      filter.county_code = county;
      all = fzp_rural_bases_list_bases (context, &filter, error);
      if (all == NULL)
        return NULL;
      g_ptr_array_add (kept, g_ptr_array_ref (all));
      for (guint i = 0; i < all->len; i++)
        {
          FzpRuralBasesBase *base = g_ptr_array_index (all, i);
          GPtrArray *recognitions = fzp_rural_bases_list_recognitions (context, base->id, error);

          if (recognitions == NULL)
            return NULL;
          g_ptr_array_add (kept, recognitions);
          for (guint j = 0; j < recognitions->len; j++)
            {
              FzpRuralBasesRecognitionRecord *r = g_ptr_array_index (recognitions, j);

              if ((int) g_date_get_year (&r->recognized_on) != year || g_date_valid (&r->withdrawn_on) ||
                  (level && r->level != level))
                continue;
              g_ptr_array_add (bases, base);
              g_ptr_array_add (chosen, r);
            }
        }
      if (chosen->len == 0)
        {
          g_set_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID,
                       _("year: no base was recognised in %d"), year);
          return NULL;
        }
    }

  fz_document_set_title (doc, "农村残疾人就业创业基地认定证书");
  if (!fz_document_load_settings (doc, context, error))
    return NULL;
  /* Serials are handed out only when every certificate was made. */
  if (!fz_database_transaction (fz_context_get_database (context), certificates_txn, &c, error))
    return NULL;
  return g_steal_pointer (&doc);
}

/* The homestay priority list */

static FzDocument *
build_homestays (FzContext            *context,
                 const FzDocumentInfo *info,
                 GHashTable           *params,
                 GError              **error)
{
  g_autoptr(FzDocument) doc = fz_document_new_for_info (info);
  g_autoptr(GPtrArray) homestays = NULL;
  g_autofree char *county = NULL;
  g_autofree char *county_name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *day_text = NULL;
  const char *date_text = param (params, "date");
  FzDocumentTable *table;
  FzpRuralBasesHomestayRule rule;
  guint employed = 0, cooperating = 0;
  GDate day;

  if (!param_county (context, params, &county, &county_name, error))
    return NULL;
  today (&day);
  if (date_text)
    {
      g_autoptr(GError) local_error = NULL;
      GDate now = day;

      if (!fz_parse_date (date_text, "date", &day, &local_error))
        {
          g_set_error_literal (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID, local_error->message);
          return NULL;
        }
      if (g_date_compare (&day, &now) > 0)
        {
          g_set_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID, _("date: %s is in the future"), date_text);
          return NULL;
        }
    }
  if (!fzp_rural_bases_get_homestay_rule (context, &day, &rule, error))
    return NULL;
  homestays = fzp_rural_bases_list_homestays (context, &day, county, TRUE, error);
  if (homestays == NULL)
    return NULL;

  title = g_strdup_printf ("%s乡村民宿吸纳残疾人就业优先名单", county_name);
  day_text = fz_format_chinese_date (&day, FZ_DATE_STYLE_ARABIC);
  subtitle = g_strdup_printf ("截至%s", day_text);
  fz_document_set_title (doc, title);
  fz_document_set_subtitle (doc, subtitle);
  if (!fz_document_load_settings (doc, context, error))
    return NULL;
  fz_document_add_paragraph (doc,
                             "依据《衢州市促进残疾人就业行动方案（2022—2025年）》（衢政办发〔2022〕33号）第二部分第（六）项，"
                             "下列乡村民宿提供残疾人就业岗位或与所在地农村残疾人开展手工业等业务合作，"
                             "在乡村民宿培育评定过程中予以优先考虑。",
                             FZ_ALIGN_START);
  table = fz_document_add_table (doc);
  fz_document_table_add_column (table, "序号", 0.5, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "民宿名称", 2, FZ_ALIGN_START, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "县（市、区）", 1.3, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "乡镇（街道）、村", 1.6, FZ_ALIGN_START, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "经营者", 1.0, FZ_ALIGN_START, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "联系电话", 1.5, FZ_ALIGN_CENTER, FZ_FIELD_PHONE);
  fz_document_table_add_column (table, "吸纳就业人数", 0.9, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "业务合作人数", 0.9, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "优先理由", 1.6, FZ_ALIGN_START, FZ_FIELD_PLAIN);
  for (guint i = 0; i < homestays->len; i++)
    {
      FzpRuralBasesHomestay *h = g_ptr_array_index (homestays, i);
      g_autofree char *number = count_text (i + 1);
      g_autofree char *place = g_strconcat (h->base->township, h->base->village ? h->base->village : "", NULL);
      g_autofree char *e = count_text (h->employed);
      g_autofree char *c = count_text (h->cooperating);
      g_autofree char *reason = fzp_rural_bases_priority_to_print (h->priority);

      fz_document_table_add_row (table, number, h->base->name, h->base->county_name, place, h->base->operator_name,
                                 h->base->phone, e, c, reason);
      employed += h->employed;
      cooperating += h->cooperating;
    }
  {
    g_autofree char *n = g_strdup_printf ("%u家", homestays->len);
    g_autofree char *e = count_text (employed);
    g_autofree char *c = count_text (cooperating);

    fz_document_table_add_total_row (table, "合计", n, NULL, NULL, NULL, NULL, e, c, NULL);
  }
  {
    g_autofree char *kinds = fzp_rural_bases_help_set_to_print (rule.cooperation_kinds);
    g_autofree char *note = g_strdup_printf ("说明：吸纳就业人数为当日在岗的持证残疾人；业务合作人数为当日与民宿开展%s的持证残疾人%s。",
                                             kinds, rule.local_only ? "，均只计户籍在民宿所在县（市、区）的" : "");
    fz_document_add_paragraph (doc, note, FZ_ALIGN_START);
  }
  return g_steal_pointer (&doc);
}

/* The yearly assessment */

static void
add_subtotal (FzDocumentTable                *table,
              const char                     *label,
              guint                           n_bases,
              const FzpRuralBasesYearFigures *f)
{
  g_autofree char *n = g_strdup_printf ("%u个基地", n_bases);
  g_autofree char *e = count_text (f->employed);
  g_autofree char *h = count_text (f->helped);
  g_autofree char *m = count_text (f->employed_months);
  g_autofree char *paid = fzp_rural_bases_format_money (f->income_paid);
  g_autofree char *average = f->employed_months
                             ? fzp_rural_bases_format_money (fzp_rural_bases_average_income (f->income_paid,
                                                                                              f->employed_months))
                             : g_strdup ("—");
  g_autofree char *s = count_text (f->training_sessions);
  g_autofree char *a = count_text (f->training_attendees);

  fz_document_table_add_total_row (table, label, NULL, n, NULL, e, h, m, paid, average, s, a, NULL);
}

static void
add_figures (FzpRuralBasesYearFigures       *sum,
             const FzpRuralBasesYearFigures *f)
{
  sum->employed += f->employed;
  sum->helped += f->helped;
  sum->employed_months += f->employed_months;
  sum->income_paid += f->income_paid;
  sum->training_sessions += f->training_sessions;
  sum->training_attendees += f->training_attendees;
}

static FzDocument *
build_assessment (FzContext            *context,
                  const FzDocumentInfo *info,
                  GHashTable           *params,
                  GError              **error)
{
  g_autoptr(FzDocument) doc = fz_document_new_for_info (info);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *county = NULL;
  g_autofree char *county_name = NULL;
  g_autofree char *title = NULL;
  FzDocumentTable *table;
  FzpRuralBasesYearFigures county_sum = { 0 }, city_sum = { 0 };
  guint county_bases = 0, assessed = 0;
  int year;

  if (!param_year (params, FALSE, &year, error) || !param_county (context, params, &county, &county_name, error))
    return NULL;
  rows = fzp_rural_bases_year_rows (context, year, county, error);
  if (rows == NULL)
    return NULL;
  title = g_strdup_printf ("%d年%s农村残疾人就业创业基地年度考核汇总表", year, county_name);
  fz_document_set_title (doc, title);
  if (!fz_document_load_settings (doc, context, error))
    return NULL;
  table = fz_document_add_table (doc);
  fz_document_table_add_column (table, "县（市、区）", 1, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "序号", 0.5, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "基地名称", 2.2, FZ_ALIGN_START, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "认定等级", 0.8, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "就业人数", 0.7, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "带动人数", 0.7, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "工作月数", 0.7, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "发放收入（元）", 1.2, FZ_ALIGN_END, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "人均月收入（元）", 1.1, FZ_ALIGN_END, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "培训场次", 0.7, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "培训人数", 0.7, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "考核结果", 0.9, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);

  for (guint i = 0; i < rows->len; i++)
    {
      FzpRuralBasesAssessment *row = g_ptr_array_index (rows, i);
      const FzpRuralBasesYearFigures *f = &row->figures;
      g_autofree char *number = count_text (county_bases + 1);
      g_autofree char *e = count_text (f->employed);
      g_autofree char *h = count_text (f->helped);
      g_autofree char *m = count_text (f->employed_months);
      g_autofree char *paid = fzp_rural_bases_format_money (f->income_paid);
      g_autofree char *average = f->employed_months
                                 ? fzp_rural_bases_format_money (fzp_rural_bases_average_income (f->income_paid,
                                                                                                  f->employed_months))
                                 : g_strdup ("—");
      g_autofree char *s = count_text (f->training_sessions);
      g_autofree char *a = count_text (f->training_attendees);

      fz_document_table_add_row (table, row->county_name, number, row->base_name,
                                 row->level ? fzp_rural_bases_level_to_print (row->level) : "未认定",
                                 e, h, m, paid, average, s, a,
                                 row->result ? fzp_rural_bases_result_to_print (row->result) : "未考核");
      add_figures (&county_sum, f);
      add_figures (&city_sum, f);
      county_bases++;
      if (row->result)
        assessed++;
      if (i + 1 == rows->len ||
          !g_str_equal (row->county_code, ((FzpRuralBasesAssessment *) g_ptr_array_index (rows, i + 1))->county_code))
        {
          g_autofree char *label = g_strdup_printf ("%s小计", row->county_name);

          /* A county's totals only when the list holds more than that county. */
          if (county == NULL)
            add_subtotal (table, label, county_bases, &county_sum);
          memset (&county_sum, 0, sizeof county_sum);
          county_bases = 0;
        }
    }
  add_subtotal (table, "合计", rows->len, &city_sum);
  {
    g_autofree char *note = g_strdup_printf ("说明：共%u个基地，已考核%u个；未考核的基地按登记的就业、带动和培训记录统计。"
                                             "工作月数为在岗月份之和，人均月收入为发放收入除以工作月数。",
                                             rows->len, assessed);
    fz_document_add_paragraph (doc, note, FZ_ALIGN_START);
  }
  return g_steal_pointer (&doc);
}

FzDocument *
fzp_rural_bases_build_document (FzContext            *context,
                                const FzDocumentInfo *info,
                                GHashTable           *params,
                                GError              **error)
{
  if (g_str_equal (info->id, "register"))
    return build_register (context, info, params, error);
  if (g_str_equal (info->id, "certificate"))
    return build_certificates (context, info, params, error);
  if (g_str_equal (info->id, "homestays"))
    return build_homestays (context, info, params, error);
  if (g_str_equal (info->id, "assessment"))
    return build_assessment (context, info, params, error);
  g_set_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_NOT_FOUND, _("There is no document “%s”"), info->id);
  return NULL;
}
