/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-blind-massage"

#include "config.h"

#include "blind-massage-test.h"

void
bm_fixture_setup (BmFixture     *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *plugins = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "plugins", NULL);
  const char *paths[] = { plugins, NULL };
  FzPluginEntry *entry;

  f->dir = g_dir_make_tmp ("fuzhu-blind-massage-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "fuzhu.db", NULL);
  f->db = fz_database_open (f->path, &error);
  g_assert_no_error (error);
  f->context = fz_context_new (f->db, NULL, "tester");
  f->manager = fz_plugin_manager_new_for_paths (f->context, paths);
  fz_plugin_manager_load_all (f->manager);
  entry = fz_plugin_manager_find (f->manager, "blind-massage");
  g_assert_nonnull (entry);
  if (fz_plugin_entry_get_state (entry) != FZ_PLUGIN_STATE_LOADED)
    g_error ("blind-massage did not load: %s", fz_plugin_entry_get_reason (entry));
}

void
bm_fixture_teardown (BmFixture     *f,
                     gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_assert_finalize_object (f->manager);
  g_assert_finalize_object (f->context);
  g_assert_finalize_object (f->db);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->path);
  g_free (f->dir);
}

FzMeasure *
bm_fixture_measure (BmFixture *f)
{
  return fz_plugin_entry_get_measure (fz_plugin_manager_find (f->manager, "blind-massage"));
}

const char *
bm_add_person (FzContext  *context,
               const char *name,
               const char *county,
               const char *birth,
               guint       serial,
               guint       category)
{
  static char number[19];
  g_autoptr(GError) error = NULL;
  g_autoptr(FzPerson) person = fz_person_new ();
  g_autofree char *first17 = g_strdup_printf ("%s%s%03u", county, birth, serial);
  g_autofree char *cert = NULL;

  g_assert_cmpuint (strlen (first17), ==, 17);
  g_snprintf (number, sizeof number, "%s%c", first17, fz_identity_check_character (first17));
  cert = g_strdup_printf ("%s%u1", number, category);
  fz_person_set_name (person, name);
  fz_person_set_id_number (person, number);
  fz_person_set_cert_number (person, cert);
  fz_person_set_county_code (person, county);
  fz_person_set_phone (person, "13812345678");
  g_assert_true (fz_registry_add_person (fz_context_get_registry (context), person, &error));
  g_assert_no_error (error);
  return number;
}

GDate
bm_day (int year,
        int month,
        int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return date;
}
