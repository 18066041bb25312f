/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-skills-competitions"

#include "config.h"

#include <locale.h>

#include "support.h"
#include "fzp-skills-competitions-documents.h"

/* The documents as a person reads them: built through the plugin manager
 * (as `fuzhu print` and the print dialog do), written as PDF and read back
 * with pdftotext. */

static const char *competition_name = "2025年衢州市残疾人职业技能竞赛";

static FzDocument *
build (Fixture     *f,
       const char  *name,
       GError     **error,
       ...)
{
  g_autoptr(GHashTable) params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *full = g_strdup_printf ("skills-competitions/%s", name);
  va_list ap;

  va_start (ap, error);
  for (const char *key = va_arg (ap, const char *); key; key = va_arg (ap, const char *))
    g_hash_table_insert (params, g_strdup (key), g_strdup (va_arg (ap, const char *)));
  va_end (ap);
  return fz_plugin_manager_build_document (f->manager, full, params, error);
}

/* Renders @doc and returns its text, or NULL when pdftotext is missing. */
static char *
render (Fixture    *f,
        FzDocument *doc,
        const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, file, NULL);

  g_assert_true (fz_document_render_pdf (doc, path, &error));
  g_assert_no_error (error);
  return support_pdf_text (path);
}

/* Every awardee of the competition, by event and number. */
static GPtrArray *
awardees (Fixture *f,
          gint64   competition)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = fzp_skills_competitions_list_events (f->context, competition, &error);
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify) fzp_skills_competitions_entrant_free);

  for (guint i = 0; i < events->len; i++)
    {
      FzpSkillsCompetitionsEvent *event = g_ptr_array_index (events, i);
      g_autoptr(GPtrArray) entrants = fzp_skills_competitions_list_entrants (f->context, event->id, &error);

      for (guint k = 0; k < entrants->len; k++)
        if (((FzpSkillsCompetitionsEntrant *) g_ptr_array_index (entrants, k))->award)
          g_ptr_array_add (all, g_steal_pointer (&g_ptr_array_index (entrants, k)));
    }
  return all;
}

static gboolean
line_has (const char *text,
          const char *a,
          const char *b)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    if (strstr (lines[i], a) && strstr (lines[i], b))
      return TRUE;
  return FALSE;
}

static void
test_award_list_masked (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 competition = support_published (f, TRUE);
  g_autoptr(FzDocument) doc = build (f, "award-list", &error, "competition", competition_name, NULL);
  g_autoptr(GPtrArray) winners = awardees (f, competition);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (fz_document_get_privacy (doc), ==, FZ_DOCUMENT_PUBLIC);
  text = render (f, doc, "list.pdf");
  if (text == NULL)
    return;
  g_assert_nonnull (strstr (text, "2025年衢州市残疾人职业技能竞赛获奖名单"));
  g_assert_nonnull (strstr (text, "盲人按摩项目"));
  g_assert_null (strstr (text, "草稿"));
  g_assert_cmpuint (winners->len, ==, 9);
  for (guint i = 0; i < winners->len; i++)
    {
      FzpSkillsCompetitionsEntrant *e = g_ptr_array_index (winners, i);
      g_autofree char *masked = fz_mask_identity_number (e->id_number, 6, 4);

      /* Name and award on one row; the number masked, never whole. */
      if (!line_has (text, e->name, e->award))
        g_error ("the award list has no row with %s and %s:\n%s", e->name, e->award, text);
      g_assert_true (line_has (text, e->name, masked));
      g_assert_null (strstr (text, e->id_number));
      g_assert_null (strstr (text, e->cert_number));
    }
  /* Neither category nor grade. */
  g_assert_null (strstr (text, "残疾类别"));
  g_assert_null (strstr (text, "肢体"));
}

static void
test_certificates_agree_with_list (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 competition = support_published (f, TRUE);
  g_autoptr(FzpSkillsCompetitionsCompetition) c = fzp_skills_competitions_get_competition (f->context, competition, &error);
  g_autoptr(GPtrArray) winners = awardees (f, competition);
  g_autoptr(FzDocument) list = build (f, "award-list", &error, "competition", competition_name, NULL);
  g_autoptr(FzDocument) certs = build (f, "award-certificates", &error, "competition", competition_name, NULL);
  g_autoptr(GHashTable) serials = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *list_text = NULL;
  g_autofree char *cert_text = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages;

  g_assert_no_error (error);
  g_assert_cmpuint (fz_document_get_n_pages (certs, NULL), ==, winners->len);
  list_text = render (f, list, "list.pdf");
  cert_text = render (f, certs, "certificates.pdf");
  if (list_text == NULL || cert_text == NULL)
    return;
  pages = g_strsplit (cert_text, "\f", -1);
  n_pages = g_strv_length (pages);
  if (n_pages > 0 && pages[n_pages - 1][0] == '\0')
    n_pages--;
  g_assert_cmpuint (n_pages, ==, winners->len);

  /* One certificate per awardee, in the list's order, with the same name
   * and award as the list and the serial the register has for them. */
  for (guint i = 0; i < winners->len; i++)
    {
      FzpSkillsCompetitionsEntrant *e = g_ptr_array_index (winners, i);
      g_autoptr(FzpSkillsCompetitionsEvent) event = fzp_skills_competitions_get_event (f->context, e->event_id, &error);
      g_autofree char *key = fzp_skills_competitions_certificate_key (c, event, e);
      g_autoptr(FzCertificateRecord) record = fz_certificate_register_lookup (f->context, FZP_SKILLS_COMPETITIONS_ID,
                                                                              "award-certificates", key, &error);
      g_autofree char *recipient = g_strdup_printf ("%s 同志", e->name);
      g_autofree char *won = g_strdup_printf ("荣获%s", e->award);
      const char *page = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (record);
      g_assert_cmpstr (record->person, ==, e->id_number);
      g_assert_nonnull (strstr (record->subject, e->award));
      /* The register's numbers, with this measure's prefix and the year the
       * results were published. */
      g_assert_true (g_str_has_prefix (record->serial, "JN-"));
      g_assert_true (strncmp (record->serial + 3, c->published, 4) == 0);
      for (guint p = 0; p < n_pages; p++)
        if (strstr (pages[p], recipient))
          {
            g_assert_null (page);   /* one page each */
            page = pages[p];
          }
      g_assert_nonnull (page);
      g_assert_nonnull (strstr (page, won));
      g_assert_nonnull (strstr (page, record->serial));
      g_assert_nonnull (strstr (page, "二〇二"));   /* the date in Chinese numerals */
      g_assert_true (line_has (list_text, e->name, e->award));
      g_hash_table_insert (serials, g_strdup (key), g_strdup (record->serial));
    }
  g_assert_cmpuint (g_hash_table_size (serials), ==, winners->len);

  /* Printed again, whole or one of them: the same numbers, counted. */
  g_clear_object (&certs);
  certs = build (f, "award-certificates", &error, "competition", competition_name, "event", "盲人按摩", "number", "1", NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (fz_document_get_n_pages (certs, NULL), ==, 1);
  g_clear_object (&certs);
  certs = build (f, "award-certificates", &error, "competition", competition_name, NULL);
  g_assert_no_error (error);
  {
    gint64 n = 0, prints = 0;
    g_assert_true (fz_database_query_int64 (f->db, "SELECT count(*) FROM fz_certificate WHERE owner = 'skills-competitions'",
                                            NULL, &n, NULL, &error));
    g_assert_cmpint (n, ==, winners->len);
    g_assert_true (fz_database_query_int64 (f->db, "SELECT sum(prints) FROM fz_certificate", NULL, &prints, NULL, &error));
    g_assert_cmpint (prints, ==, 2 * winners->len + 1);
  }
  for (guint i = 0; i < winners->len; i++)
    {
      FzpSkillsCompetitionsEntrant *e = g_ptr_array_index (winners, i);
      g_autoptr(FzpSkillsCompetitionsEvent) event = fzp_skills_competitions_get_event (f->context, e->event_id, &error);
      g_autofree char *key = fzp_skills_competitions_certificate_key (c, event, e);
      g_autoptr(FzCertificateRecord) record = fz_certificate_register_lookup (f->context, FZP_SKILLS_COMPETITIONS_ID,
                                                                              "award-certificates", key, &error);
      g_assert_cmpstr (record->serial, ==, g_hash_table_lookup (serials, key));
    }

  /* Somebody without an award has no certificate. */
  g_clear_object (&certs);
  certs = build (f, "award-certificates", &error, "competition", competition_name, "event", "电子商务", "number", "4", NULL);
  g_assert_null (certs);
  g_assert_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID);
}

static void
test_unpublished (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDocument) certs = NULL;
  g_autoptr(FzDocument) list = NULL;
  g_autofree char *text = NULL;
  gint64 n = -1;

  support_published (f, FALSE);
  certs = build (f, "award-certificates", &error, "competition", competition_name, NULL);
  g_assert_null (certs);
  g_assert_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not published"));
  g_clear_error (&error);
  g_assert_true (fz_database_query_int64 (f->db, "SELECT count(*) FROM fz_certificate", NULL, &n, NULL, &error));
  g_assert_cmpint (n, ==, 0);

  /* The list can be printed for checking, and says it is a draft. */
  list = build (f, "award-list", &error, "competition", competition_name, NULL);
  g_assert_no_error (error);
  text = render (f, list, "draft.pdf");
  if (text)
    g_assert_nonnull (strstr (text, "草稿"));

  g_clear_object (&list);
  list = build (f, "award-list", &error, NULL);
  g_assert_null (list);
  g_assert_true (g_str_has_prefix (error->message, "competition:"));
}

static void
test_score_sheet (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 competition = support_published (f, FALSE);
  g_autoptr(GPtrArray) events = fzp_skills_competitions_list_events (f->context, competition, &error);
  g_autoptr(GPtrArray) entrants = fzp_skills_competitions_list_entrants (f->context,
                                                                        ((FzpSkillsCompetitionsEvent *) g_ptr_array_index (events, 0))->id,
                                                                        &error);
  FzpSkillsCompetitionsEntrant *first = g_ptr_array_index (entrants, 0);
  FzpSkillsCompetitionsEntrant *eighth = g_ptr_array_index (entrants, 7);
  g_autoptr(FzDocument) sheet = NULL;
  g_autofree char *text = NULL;

  g_assert_true (fzp_skills_competitions_change_award (f->context, eighth->id, "三等奖", "复核后加分", &error));
  g_assert_no_error (error);
  sheet = build (f, "score-sheet", &error, "competition", competition_name, "event", "盲人按摩", NULL);
  g_assert_no_error (error);
  g_assert_cmpint (fz_document_get_privacy (sheet), ==, FZ_DOCUMENT_INTERNAL);
  text = render (f, sheet, "sheet.pdf");
  if (text == NULL)
    return;
  g_assert_nonnull (strstr (text, "成绩登记表"));
  g_assert_nonnull (strstr (text, first->id_number));        /* internal: whole numbers */
  g_assert_nonnull (strstr (text, "(99.00)"));               /* dropped highest … */
  g_assert_nonnull (strstr (text, "(80.00)"));               /* … and lowest */
  g_assert_true (line_has (text, first->name, "95.00"));
  g_assert_nonnull (strstr (text, "三等奖※"));
  g_assert_nonnull (strstr (text, "复核后加分"));
  g_assert_nonnull (strstr (text, "裁判长"));
}

static void
test_craftsmen_list (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDocument) list = NULL;
  g_autofree char *text = NULL;
  FzPerson *person = support_person (f, 25);
  g_autofree char *masked = fz_mask_identity_number (fz_person_get_id_number (person), 6, 4);
  FzpSkillsCompetitionsNomination m = {
    .year = 2025, .kind = FZP_SKILLS_COMPETITIONS_NOMINATION_CRAFTSMAN, .trade = "根雕",
    .nominated_by = "开化县残疾人联合会",
  };

  m.person_id = fz_person_get_id (person);
  g_assert_true (fzp_skills_competitions_nominate (f->context, &m, &error));
  list = build (f, "craftsmen", &error, "year", "2025", NULL);
  g_assert_null (list);   /* nobody selected yet */
  g_clear_error (&error);
  g_assert_true (fzp_skills_competitions_decide (f->context, m.id, FZP_SKILLS_COMPETITIONS_DECISION_SELECTED, NULL, NULL, &error));
  list = build (f, "craftsmen", &error, "year", "2025", NULL);
  g_assert_no_error (error);
  g_assert_cmpint (fz_document_get_privacy (list), ==, FZ_DOCUMENT_PUBLIC);
  text = render (f, list, "craftsmen.pdf");
  if (text == NULL)
    return;
  g_assert_nonnull (strstr (text, "2025年度残疾人工匠入选名单"));
  g_assert_true (line_has (text, fz_person_get_name (person), "根雕"));
  g_assert_true (line_has (text, fz_person_get_name (person), masked));
  g_assert_null (strstr (text, fz_person_get_id_number (person)));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) \
  g_test_add ("/Fuzhu/Plugins/SkillsCompetitions/" name, Fixture, NULL, support_setup, func, support_teardown)
  ADD ("award-list-masked", test_award_list_masked);
  ADD ("certificates-agree-with-list", test_certificates_agree_with_list);
  ADD ("unpublished", test_unpublished);
  ADD ("score-sheet", test_score_sheet);
  ADD ("craftsmen-list", test_craftsmen_list);
#undef ADD
  return g_test_run ();
}
