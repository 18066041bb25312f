/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-skills-competitions"

#include "config.h"

#include <glib/gstdio.h>

#include "support.h"

/* The build tree's plugins, as tests/meson.build sets them. */
static const char *
plugin_dir (void)
{
  return g_getenv ("FUZHU_PLUGIN_PATH");
}

void
support_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *paths[] = { plugin_dir (), NULL };
  FzPluginEntry *entry;

  f->dir = g_dir_make_tmp ("fuzhu-skills-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "fuzhu.db", NULL);
  f->db = fz_database_open (f->path, &error);
  g_assert_no_error (error);
  f->context = fz_context_new (f->db, NULL, "tester");
  f->manager = fz_plugin_manager_new_for_paths (f->context, paths);
  fz_plugin_manager_load_all (f->manager);
  entry = fz_plugin_manager_find (f->manager, FZP_SKILLS_COMPETITIONS_ID);
  g_assert_nonnull (entry);
  g_assert_cmpstr (fz_plugin_entry_get_reason (entry), ==, NULL);
  g_assert_cmpint (fz_plugin_entry_get_state (entry), ==, FZ_PLUGIN_STATE_LOADED);

  g_assert_true (fz_demo_add_persons (fz_context_get_registry (f->context), 7, 40, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (fz_demo_add_organizations (fz_context_get_registry (f->context), 7, 5, &error));
  g_assert_no_error (error);
  f->persons = fz_registry_list_persons (fz_context_get_registry (f->context), NULL, 0, 40, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (f->persons->len, ==, 40);
}

void
support_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_clear_pointer (&f->persons, g_ptr_array_unref);
  g_assert_finalize_object (f->manager);
  g_assert_finalize_object (f->context);
  g_assert_finalize_object (f->db);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->path);
  g_free (f->dir);
}

FzPerson *
support_person (Fixture *f,
                guint    index)
{
  g_assert_cmpuint (index, <, f->persons->len);
  return g_ptr_array_index (f->persons, index);
}

gint64
support_competition (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  FzpSkillsCompetitionsCompetition c = {
    .name = "2025年衢州市残疾人职业技能竞赛",
    .level = FZP_SKILLS_COMPETITIONS_LEVEL_CITY,
    .starts = "2025-10-18",
    .ends = "2025-10-19",
    .venue = "衢州市残疾人职业技能培训中心",
    .organizer = "衢州市残疾人联合会",
  };

  g_assert_true (fzp_skills_competitions_add_competition (f->context, &c, &error));
  g_assert_no_error (error);
  g_assert_cmpint (c.id, >, 0);
  return c.id;
}

gint64
support_event (Fixture    *f,
               gint64      competition_id,
               const char *name,
               guint       n_judges,
               const char *preset)
{
  g_autoptr(GError) error = NULL;
  const char *names[] = { "周评", "吴评", "郑评", "王评", "冯评", "陈评", "褚评", NULL };
  char *judges[8] = { NULL };
  gint64 id;

  g_assert_cmpuint (n_judges, <=, 7);
  for (guint i = 0; i < n_judges; i++)
    judges[i] = (char *) names[i];
  id = fzp_skills_competitions_add_event (f->context, competition_id, name, (const char * const *) judges, 10000,
                                          preset, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

gint64 *
support_enter (Fixture *f,
               gint64   event_id,
               guint    first,
               guint    n)
{
  gint64 *ids = g_new0 (gint64, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      ids[i] = fzp_skills_competitions_enter (f->context, event_id, fz_person_get_id (support_person (f, first + i)),
                                              NULL, 0, 0, &error);
      g_assert_no_error (error);
      g_assert_cmpint (ids[i], >, 0);
    }
  return ids;
}

void
support_scores (Fixture *f,
                gint64   entrant_id,
                ...)
{
  va_list ap;
  guint seat = 1;

  va_start (ap, entrant_id);
  for (const char *text = va_arg (ap, const char *); text; text = va_arg (ap, const char *), seat++)
    {
      g_autoptr(GError) error = NULL;
      gint64 score = 0;

      g_assert_true (fzp_skills_competitions_parse_score (text, 10000, &score, &error));
      g_assert_true (fzp_skills_competitions_set_score (f->context, entrant_id, seat, &score, &error));
      g_assert_no_error (error);
    }
  va_end (ap);
}

gint64
support_published (Fixture  *f,
                   gboolean  publish)
{
  g_autoptr(GError) error = NULL;
  gint64 competition = support_competition (f);
  gint64 massage = support_event (f, competition, "盲人按摩", 5, NULL);
  gint64 commerce = support_event (f, competition, "电子商务", 3, "一二三等奖及优秀奖按名额");
  g_autofree gint64 *a = support_enter (f, massage, 0, 10);
  g_autofree gint64 *b = support_enter (f, commerce, 10, 4);
  g_autofree double *amounts = NULL;
  FzpSkillsCompetitionsScheme scheme = { FZP_SKILLS_COMPETITIONS_BASIS_COUNT, FZP_SKILLS_COMPETITIONS_ROUND_HALF_UP };
  g_auto(GStrv) names = NULL;

  /* 盲人按摩: finals 95.00, 94.00 … 86.00 after the highest and lowest go. */
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *s1 = g_strdup_printf ("%u", 95 - i);
      g_autofree char *hi = g_strdup_printf ("%u", 99 - i);
      g_autofree char *lo = g_strdup_printf ("%u", 80 - i);
      support_scores (f, a[i], s1, s1, s1, hi, lo, NULL);
    }
  /* 电子商务: plain ranks 1 to 4. */
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *s = g_strdup_printf ("%u.5", 90 - 3 * i);
      support_scores (f, b[i], s, s, s, NULL);
    }
  scheme.n_tiers = fzp_skills_competitions_parse_tiers ("一等奖:1,二等奖:1,三等奖:1", &names, &amounts, &error);
  g_assert_no_error (error);
  scheme.awards = (const char * const *) names;
  scheme.amounts = amounts;
  g_assert_true (fzp_skills_competitions_set_event_scheme (f->context, commerce, &scheme, &error));
  g_assert_no_error (error);

  g_assert_true (fzp_skills_competitions_compute_awards (f->context, massage, &error));
  g_assert_no_error (error);
  g_assert_true (fzp_skills_competitions_compute_awards (f->context, commerce, &error));
  g_assert_no_error (error);
  if (publish)
    {
      g_assert_true (fzp_skills_competitions_publish (f->context, competition, &error));
      g_assert_no_error (error);
    }
  return competition;
}

char *
support_write (Fixture    *f,
               const char *name,
               const char *text)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
  return path;
}

char *
support_pdf_text (const char *path)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-layout", path, "-", NULL };
  char *out = NULL;
  int status = 0;

  if (program == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is needed to read the PDFs back");
      return NULL;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}
