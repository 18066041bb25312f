/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-skills-competitions"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "fzp-skills-competitions-documents.h"

/* Privacy is declared here, not chosen by the caller: the award list and
 * the list of craftsmen are for public notice and print masked. */
const FzDocumentInfo fzp_skills_competitions_documents[FZP_SKILLS_COMPETITIONS_N_DOCUMENTS] = {
  [FZP_SKILLS_COMPETITIONS_DOCUMENT_AWARD_LIST] =
    { "award-list", N_("Award list"), FZ_DOCUMENT_PUBLIC, FZ_ORIENTATION_PORTRAIT,
      (const char * const []) { "competition", "event", NULL } },
  [FZP_SKILLS_COMPETITIONS_DOCUMENT_CERTIFICATES] =
    { "award-certificates", N_("Award certificates"), FZ_DOCUMENT_INTERNAL, FZ_ORIENTATION_LANDSCAPE,
      (const char * const []) { "competition", "event", "number", NULL } },
  [FZP_SKILLS_COMPETITIONS_DOCUMENT_SCORE_SHEET] =
    { "score-sheet", N_("Score sheet"), FZ_DOCUMENT_INTERNAL, FZ_ORIENTATION_LANDSCAPE,
      (const char * const []) { "competition", "event", NULL } },
  [FZP_SKILLS_COMPETITIONS_DOCUMENT_CRAFTSMEN] =
    { "craftsmen", N_("Selected craftsmen"), FZ_DOCUMENT_PUBLIC, FZ_ORIENTATION_PORTRAIT,
      (const char * const []) { "year", "kind", NULL } },
};

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  va_list ap;

  va_start (ap, format);
  if (error)
    *error = g_error_new_valist (FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID, format, ap);
  va_end (ap);
  return FALSE;
}

static const char *
param (GHashTable *params,
       const char *name)
{
  const char *value = params ? g_hash_table_lookup (params, name) : NULL;
  return value && *value ? value : NULL;
}

/* 1 -> 一, 12 -> 十二, 23 -> 二十三: for headings. */
static char *
hanzi_number (guint n)
{
  static const char * const digits[] = { "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
  GString *out = g_string_new (NULL);

  if (n >= 100)
    {
      g_string_printf (out, "%u", n);
      return g_string_free (out, FALSE);
    }
  if (n >= 10)
    {
      if (n / 10 > 1)
        g_string_append (out, digits[n / 10]);
      g_string_append (out, "十");
      if (n % 10)
        g_string_append (out, digits[n % 10]);
    }
  else
    g_string_append (out, digits[n]);
  return g_string_free (out, FALSE);
}

static char *
arabic_date (const char *iso)
{
  GDate date;

  g_date_clear (&date, 1);
  if (iso == NULL || strlen (iso) < 10)
    return g_strdup ("");
  g_date_set_dmy (&date, (GDateDay) atoi (iso + 8), (GDateMonth) atoi (iso + 5), (GDateYear) atoi (iso));
  if (!g_date_valid (&date))
    return g_strdup (iso);
  return fz_format_chinese_date (&date, FZ_DATE_STYLE_ARABIC);
}

static const char *
sex_print (FzSex sex)
{
  return sex == FZ_SEX_MALE ? "男" : sex == FZ_SEX_FEMALE ? "女" : "";
}

/* The competition and its events the parameters ask for. */
static gboolean
resolve (FzContext                          *context,
         GHashTable                         *params,
         FzpSkillsCompetitionsCompetition  **competition,
         GPtrArray                         **events,
         GError                            **error)
{
  const char *which = param (params, "competition");
  const char *event_name = param (params, "event");
  g_autoptr(GError) local_error = NULL;

  if (which == NULL)
    return invalid (error, _("competition: say which competition, as competition=NAME or its number"));
  *competition = fzp_skills_competitions_find_competition (context, which, &local_error);
  if (*competition == NULL)
    return invalid (error, "competition: %s", local_error->message);
  if (event_name)
    {
      FzpSkillsCompetitionsEvent *event = fzp_skills_competitions_find_event (context, (*competition)->id, event_name,
                                                                              &local_error);
      if (event == NULL)
        return invalid (error, "event: %s", local_error->message);
      *events = g_ptr_array_new_with_free_func ((GDestroyNotify) fzp_skills_competitions_event_free);
      g_ptr_array_add (*events, event);
    }
  else
    {
      *events = fzp_skills_competitions_list_events (context, (*competition)->id, error);
      if (*events == NULL)
        return FALSE;
      if ((*events)->len == 0)
        return invalid (error, _("competition: “%s” has no events"), (*competition)->name);
    }
  return TRUE;
}

static guint
award_position (const FzpSkillsCompetitionsEvent *event,
                const char                       *award)
{
  for (guint i = 0; i < event->n_tiers; i++)
    if (g_strcmp0 (event->awards[i], award) == 0)
      return i + 1;
  return G_MAXUINT;
}

static int
compare_awardees (gconstpointer pa,
                  gconstpointer pb,
                  gpointer      user_data)
{
  const FzpSkillsCompetitionsEvent *event = user_data;
  const FzpSkillsCompetitionsEntrant *a = *(FzpSkillsCompetitionsEntrant * const *) pa;
  const FzpSkillsCompetitionsEntrant *b = *(FzpSkillsCompetitionsEntrant * const *) pb;
  guint pa_pos = award_position (event, a->award);
  guint pb_pos = award_position (event, b->award);
  guint ra = a->rank ? a->rank : G_MAXUINT;
  guint rb = b->rank ? b->rank : G_MAXUINT;

  if (pa_pos != pb_pos)
    return pa_pos < pb_pos ? -1 : 1;
  if (ra != rb)
    return ra < rb ? -1 : 1;
  return a->number < b->number ? -1 : a->number > b->number;
}

/* The awardees of @event in the order lists and certificates print them:
 * by award, then rank, then number. */
static GPtrArray *
list_awardees (FzContext                         *context,
               const FzpSkillsCompetitionsEvent  *event,
               GError                           **error)
{
  g_autoptr(GPtrArray) entrants = fzp_skills_competitions_list_entrants (context, event->id, error);
  g_autoptr(GPtrArray) awardees = NULL;

  if (entrants == NULL)
    return NULL;
  awardees = g_ptr_array_new_with_free_func ((GDestroyNotify) fzp_skills_competitions_entrant_free);
  for (guint i = 0; i < entrants->len; i++)
    {
      FzpSkillsCompetitionsEntrant *e = g_ptr_array_index (entrants, i);
      if (e->award)
        g_ptr_array_add (awardees, g_steal_pointer (&g_ptr_array_index (entrants, i)));
    }
  g_ptr_array_sort_with_data (awardees, compare_awardees, (gpointer) event);
  return g_steal_pointer (&awardees);
}

static FzDocument *
build_award_list (FzContext            *context,
                  const FzDocumentInfo *info,
                  GHashTable           *params,
                  GError              **error)
{
  g_autoptr(FzDocument) doc = fz_document_new_for_info (info);
  g_autoptr(FzpSkillsCompetitionsCompetition) competition = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autofree char *title = NULL;
  g_autofree char *starts = NULL;
  g_autofree char *ends = NULL;
  g_autofree char *intro = NULL;
  g_autofree char *venue = NULL;
  guint total = 0;

  if (!resolve (context, params, &competition, &events, error))
    return NULL;
  for (guint i = 0; i < events->len; i++)
    {
      FzpSkillsCompetitionsEvent *event = g_ptr_array_index (events, i);
      if (!event->awards_computed)
        {
          invalid (error, _("%s: the awards are not computed yet"), event->name);
          return NULL;
        }
    }

  title = g_strdup_printf ("%s获奖名单", competition->name);
  fz_document_set_title (doc, title);
  if (!fz_document_load_settings (doc, context, error))
    return NULL;
  starts = arabic_date (competition->starts);
  ends = arabic_date (competition->ends);
  if (competition->published == NULL)
    fz_document_add_paragraph (doc, "（草稿：成绩尚未发布，仅供核对，不得公示）", FZ_ALIGN_CENTER);
  venue = competition->venue ? g_strdup_printf ("在%s", competition->venue) : g_strdup ("");
  intro = g_strdup_printf ("%s于%s%s%s%s举行，由%s主办。经评审，现将获奖名单公布如下：",
                           competition->name, starts, g_str_equal (starts, ends) ? "" : "至",
                           g_str_equal (starts, ends) ? "" : ends, venue, competition->organizer);
  fz_document_add_paragraph (doc, intro, FZ_ALIGN_START);

  for (guint i = 0; i < events->len; i++)
    {
      FzpSkillsCompetitionsEvent *event = g_ptr_array_index (events, i);
      g_autoptr(GPtrArray) awardees = list_awardees (context, event, error);
      g_autofree char *number = hanzi_number (i + 1);
      g_autofree char *heading = NULL;
      FzDocumentTable *table;

      if (awardees == NULL)
        return NULL;
      heading = g_strdup_printf ("%s、%s项目（获奖 %u 人）", number, event->name, awardees->len);
      fz_document_add_paragraph (doc, heading, FZ_ALIGN_START);
      if (awardees->len == 0)
        {
          fz_document_add_paragraph (doc, "本项目无获奖者。", FZ_ALIGN_START);
          continue;
        }
      table = fz_document_add_table (doc);
      fz_document_table_add_column (table, "序号", 0.6, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
      fz_document_table_add_column (table, "奖项", 1, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
      fz_document_table_add_column (table, "姓名", 1, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
      fz_document_table_add_column (table, "性别", 0.6, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
      fz_document_table_add_column (table, "身份证号", 2.2, FZ_ALIGN_CENTER, FZ_FIELD_IDENTITY_NUMBER);
      fz_document_table_add_column (table, "县（市、区）", 1.4, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
      fz_document_table_add_column (table, "单位", 2.4, FZ_ALIGN_START, FZ_FIELD_PLAIN);
      for (guint k = 0; k < awardees->len; k++)
        {
          FzpSkillsCompetitionsEntrant *e = g_ptr_array_index (awardees, k);
          g_autofree char *serial = g_strdup_printf ("%u", k + 1);

          fz_document_table_add_row (table, serial, e->award, e->name, sex_print (e->sex), e->id_number,
                                     e->county_name, e->organization);
        }
      total += awardees->len;
    }
  {
    g_autofree char *closing = NULL;
    g_autofree char *date = competition->published ? arabic_date (competition->published) : NULL;

    closing = g_strdup_printf ("共 %u 人获奖。", total);
    fz_document_add_paragraph (doc, closing, FZ_ALIGN_START);
    fz_document_add_paragraph (doc, competition->organizer, FZ_ALIGN_END);
    if (date)
      fz_document_add_paragraph (doc, date, FZ_ALIGN_END);
  }
  return g_steal_pointer (&doc);
}

char *
fzp_skills_competitions_certificate_key (const FzpSkillsCompetitionsCompetition *competition,
                                         const FzpSkillsCompetitionsEvent       *event,
                                         const FzpSkillsCompetitionsEntrant     *entrant)
{
  return g_strdup_printf ("competition-%" G_GINT64_FORMAT "/event-%" G_GINT64_FORMAT "/entrant-%" G_GINT64_FORMAT,
                          competition->id, event->id, entrant->id);
}

static gboolean
add_certificates (FzContext                               *context,
                  FzDocument                              *doc,
                  const FzpSkillsCompetitionsCompetition  *competition,
                  GPtrArray                               *events,
                  guint                                    only_number,
                  const char                              *kind,
                  guint                                   *n_added,
                  GError                                 **error)
{
  g_autofree char *prefix = fzp_skills_competitions_dup_certificate_prefix (context);
  GDate issued;

  g_date_clear (&issued, 1);
  g_date_set_dmy (&issued, (GDateDay) atoi (competition->published + 8), (GDateMonth) atoi (competition->published + 5),
                  (GDateYear) atoi (competition->published));

  for (guint i = 0; i < events->len; i++)
    {
      FzpSkillsCompetitionsEvent *event = g_ptr_array_index (events, i);
      g_autoptr(GPtrArray) awardees = list_awardees (context, event, error);

      if (awardees == NULL)
        return FALSE;
      for (guint k = 0; k < awardees->len; k++)
        {
          FzpSkillsCompetitionsEntrant *e = g_ptr_array_index (awardees, k);
          g_autofree char *key = fzp_skills_competitions_certificate_key (competition, event, e);
          g_autofree char *subject = g_strdup_printf ("%s %s %s项目 %s", e->name, competition->name, event->name, e->award);
          g_autofree char *payload = g_strdup_printf ("{\"competition\":%" G_GINT64_FORMAT ",\"event\":%" G_GINT64_FORMAT
                                                      ",\"entrant\":%" G_GINT64_FORMAT ",\"number\":%u}",
                                                      competition->id, event->id, e->id, e->number);
          g_autofree char *recipient = g_strdup_printf ("%s 同志：", e->name);
          g_autofree char *body = g_strdup_printf ("在%s%s项目中荣获%s。\n特发此证，以资鼓励。",
                                                   competition->name, event->name, e->award);
          g_autoptr(FzCertificateRecord) record = NULL;
          FzCertificateRequest request = {
            .owner = FZP_SKILLS_COMPETITIONS_ID,
            .kind = kind,
            .subject_key = key,
            .subject = subject,
            .person = e->id_number,
            .issued = &issued,
            .payload = payload,
            .prefix = prefix,
          };
          FzCertificate *cert;

          if (only_number && e->number != only_number)
            continue;
          record = fz_certificate_register_issue (context, &request, NULL, error);
          if (record == NULL)
            return FALSE;
          cert = fz_document_add_certificate (doc);
          fz_certificate_set_title (cert, "荣誉证书");
          fz_certificate_set_recipient (cert, recipient);
          fz_certificate_set_body (cert, body);
          fz_certificate_set_issuer (cert, competition->organizer);
          fz_certificate_set_date (cert, &record->issued, FZ_DATE_STYLE_HANZI);
          fz_certificate_set_serial (cert, record->serial);
          (*n_added)++;
        }
    }
  return TRUE;
}

static FzDocument *
build_certificates (FzContext            *context,
                    const FzDocumentInfo *info,
                    GHashTable           *params,
                    GError              **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autoptr(FzDocument) doc = fz_document_new_for_info (info);
  g_autoptr(FzpSkillsCompetitionsCompetition) competition = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autofree char *title = NULL;
  const char *number_text = param (params, "number");
  guint64 number = 0;
  guint n_added = 0;

  if (!resolve (context, params, &competition, &events, error))
    return NULL;
  if (number_text && !g_ascii_string_to_unsigned (number_text, 10, 1, 99999, &number, NULL))
    {
      invalid (error, _("number: “%s” is not an entrant’s number"), number_text);
      return NULL;
    }
  if (number && param (params, "event") == NULL)
    {
      invalid (error, _("number: say which event too, as event=NAME"));
      return NULL;
    }
  if (competition->published == NULL)
    {
      invalid (error, _("competition: the results of “%s” are not published yet; certificates are printed from published results"),
               competition->name);
      return NULL;
    }
  title = g_strdup_printf ("%s获奖证书", competition->name);
  fz_document_set_title (doc, title);
  if (!fz_document_load_settings (doc, context, error))
    return NULL;

  /* One transaction: when anything fails, no number was handed out. */
  if (!fz_database_begin (db, error))
    return NULL;
  if (!add_certificates (context, doc, competition, events, (guint) number, info->id, &n_added, error))
    {
      fz_database_rollback (db);
      return NULL;
    }
  if (n_added == 0)
    {
      fz_database_rollback (db);
      if (number)
        invalid (error, _("number: entrant %u has no award"), (guint) number);
      else
        invalid (error, _("competition: nobody has an award to certify"));
      return NULL;
    }
  if (!fz_database_commit (db, error))
    return NULL;
  return g_steal_pointer (&doc);
}

static void
add_award_changes (FzContext                         *context,
                   FzDocument                        *doc,
                   const FzpSkillsCompetitionsEvent  *event)
{
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  st = fz_database_query (fz_context_get_database (context),
                          "SELECT n.number, p.name, coalesce(c.old_award, '无'), coalesce(c.new_award, '无'), c.reason,"
                          " c.changed_by, substr(c.changed, 1, 10)"
                          " FROM skills_competitions_award_change c"
                          " JOIN skills_competitions_entrant n ON n.id = c.entrant_id"
                          " JOIN fz_person p ON p.id = n.person_id WHERE n.event_id = ?1 ORDER BY c.id",
                          g_variant_new ("(x)", event->id), &error);
  while (st && fz_statement_step (st, &error))
    g_string_append_printf (text, "%s%s号 %s：%s → %s；原因：%s（%s，%s）", text->len ? "\n" : "",
                            fz_statement_get_text (st, 0), fz_statement_get_text (st, 1), fz_statement_get_text (st, 2),
                            fz_statement_get_text (st, 3), fz_statement_get_text (st, 4), fz_statement_get_text (st, 5),
                            fz_statement_get_text (st, 6));
  if (text->len)
    {
      fz_document_add_paragraph (doc, "奖项调整记录：", FZ_ALIGN_START);
      fz_document_add_paragraph (doc, text->str, FZ_ALIGN_START);
    }
}

static FzDocument *
build_score_sheet (FzContext            *context,
                   const FzDocumentInfo *info,
                   GHashTable           *params,
                   GError              **error)
{
  g_autoptr(FzDocument) doc = fz_document_new_for_info (info);
  g_autoptr(FzpSkillsCompetitionsCompetition) competition = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autofree char *title = NULL;

  if (!resolve (context, params, &competition, &events, error))
    return NULL;
  title = g_strdup_printf ("%s成绩登记表", competition->name);
  fz_document_set_title (doc, title);
  if (!fz_document_load_settings (doc, context, error))
    return NULL;

  for (guint i = 0; i < events->len; i++)
    {
      FzpSkillsCompetitionsEvent *event = g_ptr_array_index (events, i);
      g_autoptr(GPtrArray) entrants = fzp_skills_competitions_list_entrants (context, event->id, error);
      g_autoptr(GString) judges = g_string_new ("评委：");
      g_autofree char *max = fzp_skills_competitions_format_score (event->max_score);
      g_autofree char *heading = NULL;
      g_autofree char *rules = NULL;
      FzDocumentTable *table;
      gboolean any_dropped = FALSE;
      gboolean any_manual = FALSE;

      if (entrants == NULL)
        return NULL;
      if (i > 0)
        fz_document_add_page_break (doc);
      heading = g_strdup_printf ("项目：%s　　参赛 %u 人　　满分 %s 分%s", event->name, entrants->len, max,
                                 competition->published ? "　　（成绩已发布）" : "　　（成绩未发布）");
      fz_document_add_paragraph (doc, heading, FZ_ALIGN_START);
      rules = g_strdup_printf ("评分规则：%s；%s。", fzp_skills_competitions_rule_to_print (event->rule),
                               fzp_skills_competitions_tie_break_to_print (event->tie_break));
      fz_document_add_paragraph (doc, rules, FZ_ALIGN_START);
      for (guint j = 0; j < event->n_judges; j++)
        g_string_append_printf (judges, "%s%u. %s%s", j ? "　" : "", j + 1, event->judges[j], j == 0 ? "（裁判长）" : "");
      fz_document_add_paragraph (doc, judges->str, FZ_ALIGN_START);

      table = fz_document_add_table (doc);
      fz_document_table_add_column (table, "参赛号", 0.7, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
      fz_document_table_add_column (table, "姓名", 1, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
      fz_document_table_add_column (table, "身份证号", 2.1, FZ_ALIGN_CENTER, FZ_FIELD_IDENTITY_NUMBER);
      fz_document_table_add_column (table, "县（市、区）", 1.3, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
      fz_document_table_add_column (table, "单位", 1.8, FZ_ALIGN_START, FZ_FIELD_PLAIN);
      for (guint j = 0; j < event->n_judges; j++)
        {
          g_autofree char *header = g_strdup_printf ("评委%u", j + 1);
          fz_document_table_add_column (table, header, 0.8, FZ_ALIGN_END, FZ_FIELD_PLAIN);
        }
      fz_document_table_add_column (table, "最终得分", 0.9, FZ_ALIGN_END, FZ_FIELD_PLAIN);
      fz_document_table_add_column (table, "名次", 0.6, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
      fz_document_table_add_column (table, "奖项", 0.9, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);

      for (guint k = 0; k < entrants->len; k++)
        {
          FzpSkillsCompetitionsEntrant *e = g_ptr_array_index (entrants, k);
          g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

          g_ptr_array_add (cells, g_strdup_printf ("%u", e->number));
          g_ptr_array_add (cells, g_strdup (e->name));
          g_ptr_array_add (cells, g_strdup (e->id_number));
          g_ptr_array_add (cells, g_strdup (e->county_name));
          g_ptr_array_add (cells, g_strdup (e->organization));
          for (guint j = 0; j < event->n_judges; j++)
            {
              g_autofree char *score = e->has_score[j] ? fzp_skills_competitions_format_score (e->scores[j]) : NULL;
              gboolean dropped = (int) j == e->dropped_high || (int) j == e->dropped_low;

              any_dropped = any_dropped || dropped;
              g_ptr_array_add (cells, score == NULL ? NULL : dropped ? g_strdup_printf ("(%s)", score)
                                                                      : g_steal_pointer (&score));
            }
          if (e->absent)
            g_ptr_array_add (cells, g_strdup ("缺赛"));
          else
            g_ptr_array_add (cells, e->has_final ? fzp_skills_competitions_format_score (e->final_score) : NULL);
          g_ptr_array_add (cells, e->rank ? g_strdup_printf ("%u", e->rank) : NULL);
          g_ptr_array_add (cells, e->award ? g_strdup_printf ("%s%s", e->award, e->award_manual ? "※" : "") : NULL);
          any_manual = any_manual || e->award_manual;
          fz_document_table_add_rowv (table, (const char * const *) cells->pdata, cells->len);
        }
      if (any_dropped)
        fz_document_add_paragraph (doc, "注：括号内为去掉的最高分和最低分。", FZ_ALIGN_START);
      if (any_manual)
        fz_document_add_paragraph (doc, "※ 奖项经人工调整，见下方记录。", FZ_ALIGN_START);
      if (!event->awards_computed)
        fz_document_add_paragraph (doc, "奖项尚未评定。", FZ_ALIGN_START);
      add_award_changes (context, doc, event);
      fz_document_add_paragraph (doc, "裁判长（签字）：＿＿＿＿＿＿　　记分员（签字）：＿＿＿＿＿＿　　监督员（签字）：＿＿＿＿＿＿",
                                 FZ_ALIGN_START);
    }
  return g_steal_pointer (&doc);
}

static FzDocument *
build_craftsmen (FzContext            *context,
                 const FzDocumentInfo *info,
                 GHashTable           *params,
                 GError              **error)
{
  g_autoptr(FzDocument) doc = fz_document_new_for_info (info);
  g_autoptr(GPtrArray) nominations = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  const char *year_text = param (params, "year");
  const char *kind_text = param (params, "kind");
  FzpSkillsCompetitionsNominationKind kind = FZP_SKILLS_COMPETITIONS_NOMINATION_CRAFTSMAN;
  g_autofree char *title = NULL;
  FzDocumentTable *table;
  guint64 year = (guint64) g_date_time_get_year (now);
  guint n = 0;

  if (year_text && !g_ascii_string_to_unsigned (year_text, 10, 2000, 2100, &year, NULL))
    {
      invalid (error, _("year: “%s” is not a year"), year_text);
      return NULL;
    }
  if (kind_text && !fzp_skills_competitions_nomination_parse (kind_text, &kind))
    {
      invalid (error, _("kind: “%s” should be craftsman or technical-expert"), kind_text);
      return NULL;
    }
  nominations = fzp_skills_competitions_list_nominations (context, (int) year, error);
  if (nominations == NULL)
    return NULL;
  title = g_strdup_printf ("%u年度%s%s名单", (guint) year, fzp_skills_competitions_nomination_to_print (kind),
                           kind == FZP_SKILLS_COMPETITIONS_NOMINATION_CRAFTSMAN ? "入选" : "推荐人选");
  fz_document_set_title (doc, title);
  if (!fz_document_load_settings (doc, context, error))
    return NULL;
  table = fz_document_add_table (doc);
  fz_document_table_add_column (table, "序号", 0.6, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "姓名", 1, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "身份证号", 2.2, FZ_ALIGN_CENTER, FZ_FIELD_IDENTITY_NUMBER);
  fz_document_table_add_column (table, "县（市、区）", 1.4, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "单位", 2, FZ_ALIGN_START, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "技能项目", 1.2, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "推荐单位", 2.2, FZ_ALIGN_START, FZ_FIELD_PLAIN);
  for (guint i = 0; i < nominations->len; i++)
    {
      FzpSkillsCompetitionsNomination *m = g_ptr_array_index (nominations, i);
      g_autofree char *serial = NULL;

      if (m->kind != kind || m->decision != FZP_SKILLS_COMPETITIONS_DECISION_SELECTED)
        continue;
      serial = g_strdup_printf ("%u", ++n);
      fz_document_table_add_row (table, serial, m->name, m->id_number, m->county_name, m->organization, m->trade,
                                 m->nominated_by);
    }
  if (n == 0)
    {
      invalid (error, _("year: nobody was selected in %u yet"), (guint) year);
      return NULL;
    }
  {
    g_autofree char *total = g_strdup_printf ("%u 人", n);
    fz_document_table_add_total_row (table, "合计", NULL, NULL, NULL, NULL, NULL, total);
  }
  return g_steal_pointer (&doc);
}

FzDocument *
fzp_skills_competitions_build_document (FzContext            *context,
                                        const FzDocumentInfo *info,
                                        GHashTable           *params,
                                        GError              **error)
{
  if (g_str_equal (info->id, "award-list"))
    return build_award_list (context, info, params, error);
  if (g_str_equal (info->id, "award-certificates"))
    return build_certificates (context, info, params, error);
  if (g_str_equal (info->id, "score-sheet"))
    return build_score_sheet (context, info, params, error);
  if (g_str_equal (info->id, "craftsmen"))
    return build_craftsmen (context, info, params, error);
  g_set_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_NOT_FOUND, _("No document “%s” here"), info->id);
  return NULL;
}
