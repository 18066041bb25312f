/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-gongfu-workshops"

#include "config.h"

#include <stdlib.h>

#include "gw-test-util.h"

const char *
gw_plugin_dir (void)
{
  static char *dir;

  if (dir == NULL)
    dir = g_build_filename (g_getenv ("FUZHU_PLUGIN_PATH"), NULL);
  return dir;
}

void
gw_fixture_setup (GwFixture     *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *paths[] = { gw_plugin_dir (), NULL };
  FzRegistry *registry;
  FzPluginEntry *entry;

  f->dir = g_dir_make_tmp ("fuzhu-gongfu-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "fuzhu.db", NULL);
  f->db = fz_database_open (path, &error);
  g_assert_no_error (error);
  f->context = fz_context_new (f->db, NULL, "tester");
  f->manager = fz_plugin_manager_new_for_paths (f->context, paths);
  fz_plugin_manager_load_all (f->manager);
  entry = fz_plugin_manager_find (f->manager, FZP_GONGFU_WORKSHOPS_OWNER);
  g_assert_nonnull (entry);
  if (fz_plugin_entry_get_reason (entry))
    g_error ("gongfu-workshops did not load: %s", fz_plugin_entry_get_reason (entry));
  g_assert_nonnull (fz_plugin_entry_get_measure (entry));

  registry = fz_context_get_registry (f->context);
  g_assert_true (fz_demo_add_persons (registry, 2025, 40, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (fz_demo_add_organizations (registry, 2025, 6, &error));
  g_assert_no_error (error);
  f->persons = fz_registry_list_persons (registry, NULL, 0, 40, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (f->persons->len, ==, 40);
  f->organizations = fz_registry_list_organizations (registry, NULL, 0, 6, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (f->organizations->len, ==, 6);
}

void
gw_fixture_teardown (GwFixture     *f,
                     gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_clear_pointer (&f->persons, g_ptr_array_unref);
  g_clear_pointer (&f->organizations, g_ptr_array_unref);
  g_assert_finalize_object (f->manager);
  g_assert_finalize_object (f->context);
  g_assert_finalize_object (f->db);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->dir);
}

GDate
gw_date (const char *iso)
{
  GDate date;

  if (!fzp_gongfu_workshops_date_from_iso (iso, &date))
    g_date_clear (&date, 1);
  return date;
}

FzPerson *
gw_person (GwFixture *f,
           guint      index)
{
  g_assert_cmpuint (index, <, f->persons->len);
  return g_ptr_array_index (f->persons, index);
}

gint64
gw_person_id (GwFixture *f,
              guint      index)
{
  return fz_person_get_id (gw_person (f, index));
}

gint64
gw_add_workshop (GwFixture  *f,
                 const char *name,
                 const char *county,
                 const char *opened)
{
  g_autoptr(FzpGongfuWorkshopsWorkshop) w = fzp_gongfu_workshops_workshop_new ();
  g_autoptr(GError) error = NULL;

  w->name = g_strdup (name);
  w->county_code = g_strdup (county);
  w->host = FZP_GONGFU_WORKSHOPS_HOST_VILLAGE;
  w->host_name = g_strdup ("大俱源村");
  w->opened = gw_date (opened);
  g_assert_true (fzp_gongfu_workshops_save_workshop (f->context, w, &error));
  g_assert_no_error (error);
  g_assert_cmpint (w->id, >, 0);
  return w->id;
}

gint64
gw_join (GwFixture  *f,
         gint64      workshop_id,
         guint       person,
         const char *joined)
{
  g_autoptr(GError) error = NULL;
  GDate day = gw_date (joined);
  gint64 spell = fzp_gongfu_workshops_join (f->context, workshop_id, gw_person_id (f, person), &day, &error);

  g_assert_no_error (error);
  g_assert_cmpint (spell, >, 0);
  return spell;
}

void
gw_pay (GwFixture               *f,
        gint64                   workshop_id,
        guint                    year,
        guint                    month,
        guint                    person,
        FzpGongfuWorkshopsBasis  basis,
        double                   quantity,
        gint64                   fen)
{
  g_autoptr(GError) error = NULL;
  FzpGongfuWorkshopsPayEntry entry = { 0, gw_person_id (f, person), FALSE, basis, quantity, fen, NULL };

  g_assert_true (fzp_gongfu_workshops_save_month (f->context, workshop_id, year, month, &entry, 1, NULL, &error));
  g_assert_no_error (error);
}

guint
gw_this_year (void)
{
  GDate today;

  fzp_gongfu_workshops_today (&today);
  return g_date_get_year (&today);
}
