/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-welfare-posts"

#include "config.h"

#include <sys/wait.h>

#include "fzp-welfare-posts-store.h"
#include "welfare-posts-test.h"

void
wp_fixture_setup (WpFixture     *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *plugins = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "plugins", NULL);
  const char *paths[] = { plugins, NULL };
  FzPluginEntry *entry;

  f->dir = g_dir_make_tmp ("fuzhu-welfare-posts-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "fuzhu.db", NULL);
  f->db = fz_database_open (path, &error);
  g_assert_no_error (error);
  f->context = fz_context_new (f->db, NULL, "tester");
  f->manager = fz_plugin_manager_new_for_paths (f->context, paths);
  fz_plugin_manager_load_all (f->manager);
  entry = fz_plugin_manager_find (f->manager, "welfare-posts");
  g_assert_nonnull (entry);
  g_assert_cmpstr (fz_plugin_entry_get_reason (entry), ==, NULL);
  g_assert_cmpint (fz_plugin_entry_get_state (entry), ==, FZ_PLUGIN_STATE_LOADED);
  f->registry = g_object_ref (fz_context_get_registry (f->context));
}

void
wp_fixture_teardown (WpFixture     *f,
                     gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_clear_object (&f->registry);
  g_assert_finalize_object (f->manager);
  g_assert_finalize_object (f->context);
  g_assert_finalize_object (f->db);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->dir);
}

char *
wp_identity_number (const char *county,
                    const char *birth,
                    gboolean    male)
{
  static guint sequence = 100;
  char number[19];

  sequence += 2;
  g_snprintf (number, sizeof number, "%s%s%03u", county, birth, (sequence % 1000) + (male ? 1 : 0));
  number[17] = fz_identity_check_character (number);
  number[18] = '\0';
  return g_strdup (number);
}

char *
wp_add_person (WpFixture          *f,
               const char         *name,
               const char         *county,
               const char         *birth,
               gboolean            male,
               guint               category,
               guint               grade,
               FzEmploymentStatus  status,
               const char         *employment_date)
{
  g_autoptr(FzPerson) person = fz_person_new ();
  g_autoptr(GError) error = NULL;
  char *id = wp_identity_number (county, birth, male);
  g_autofree char *cert = g_strdup_printf ("%s%u%u", id, category, grade);

  fz_person_set_name (person, name);
  fz_person_set_id_number (person, id);
  fz_person_set_cert_number (person, cert);
  fz_person_set_county_code (person, county);
  fz_person_set_employment_status (person, status);
  fz_person_set_employment_date (person, employment_date);
  g_assert_true (fz_registry_add_person (f->registry, person, &error));
  g_assert_no_error (error);
  return id;
}

char *
wp_add_post (WpFixture  *f,
             const char *county,
             guint       places,
             const char *created)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *n = g_strdup_printf ("%u", places);
  FzpWelfarePostsPostFields fields = {
    .name = "残疾人之家就业驿站管理员", .kind = "就业驿站", .organization = "柯城区残疾人之家",
    .county = county, .places = n, .monthly_pay = "2300", .funding = "就业专项资金", .created = created,
  };
  gint64 id = 0;
  g_autoptr(FzStatement) st = NULL;

  g_assert_true (fzp_welfare_posts_save_post (f->context, &fields, &id, NULL, &error));
  g_assert_no_error (error);
  st = fz_database_query (f->db, "SELECT code FROM welfare_posts_post WHERE id = ?1", g_variant_new ("(x)", id), &error);
  g_assert_true (fz_statement_step (st, &error));
  return fz_statement_dup_text (st, 0);
}

int
wp_fuzhu (WpFixture   *f,
          char       **out,
          char       **err,
          const char  *first,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *db = g_build_filename (f->dir, "fuzhu.db", NULL);
  g_autofree char *o = NULL;
  g_autofree char *e = NULL;
  int wait_status = 0;
  va_list ap;

  g_ptr_array_add (argv, (gpointer) g_getenv ("FUZHU_EXE"));
  g_ptr_array_add (argv, (gpointer) "--database");
  g_ptr_array_add (argv, db);
  va_start (ap, first);
  for (const char *arg = first; arg; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  /* The isolated folders of this test, for the child too. */
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  envp = g_environ_setenv (envp, "HOME", g_get_home_dir (), TRUE);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &o, &e, &wait_status, &error));
  g_assert_no_error (error);
  if (!WIFEXITED (wait_status))
    g_error ("fuzhu %s did not exit: %s", first, e);
  if (out)
    *out = g_steal_pointer (&o);
  if (err)
    *err = g_steal_pointer (&e);
  return WEXITSTATUS (wait_status);
}
