/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-access"

#include "config.h"

#include <fcntl.h>
#include <locale.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "fuzhu.h"

/* Operators, roles, the county scope and the audit trail, through
 * libfuzhu's public API and through plain SQL as a plugin writes it. */

#define ADMIN_PASSWORD   "admin-pass-2025"
#define CITY_PASSWORD    "city-pass-2025"
#define COUNTY_PASSWORD  "kecheng-pass-2025"
#define VIEWER_PASSWORD  "viewer-pass-2025"
#define OWN_COUNTY       "330802" /* 柯城区, the county staff's */
#define OTHER_COUNTY     "330803" /* 衢江区 */

typedef struct {
  char            *dir;
  char            *path;
  FzDatabase      *db;
  GSettings       *settings;
  FzContext       *context;
  FzPluginManager *manager;
  FzRegistry      *registry;
} Fixture;

/* Given to a fixture that starts from no database at all. */
static const int fresh = 1;

/* A database with the template plugin's table, four accounts, and persons
 * and notes in two counties: made once, copied for each test. */
static char *prepared_db;

static const char *
plugin_dir (void)
{
  static char *dir;
  if (dir == NULL)
    dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "plugins", NULL);
  return dir;
}

static char *
make_id (const char *address,
         const char *birth,
         guint       sequence)
{
  char *number = g_strdup_printf ("%s%s%03u0", address, birth, sequence);

  number[17] = fz_identity_check_character (number);
  return number;
}

static gint64
add_person (FzRegistry *registry,
            const char *name,
            guint       sequence,
            const char *county,
            GError    **error)
{
  g_autoptr(FzPerson) p = fz_person_new ();
  g_autofree char *id = make_id ("330802", "19800101", sequence);

  fz_person_set_name (p, name);
  fz_person_set_id_number (p, id);
  fz_person_set_category (p, 4);
  fz_person_set_grade (p, 2);
  fz_person_set_county_code (p, county);
  fz_person_set_phone (p, "13812345678");
  if (!fz_registry_add_person (registry, p, error))
    return 0;
  return fz_person_get_id (p);
}

/* A note as the template plugin writes one: plain SQL, unqualified name,
 * last_insert_rowid() for its id. */
static gint64
add_note (FzDatabase  *db,
          const char  *body,
          const char  *county,
          GError     **error)
{
  if (!fz_database_execute (db, "INSERT INTO template_note (body, county_code) VALUES (?1, ?2)",
                            g_variant_new ("(ss)", body, county), error))
    return 0;
  return fz_database_last_insert_rowid (db);
}

static gint64
query_int (FzDatabase *db,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 n = -1;

  g_assert_true (fz_database_query_int64 (db, sql, NULL, &n, NULL, &error));
  g_assert_no_error (error);
  return n;
}

static FzPluginManager *
load_plugins (FzContext *context)
{
  const char *paths[] = { plugin_dir (), NULL };
  FzPluginManager *manager = fz_plugin_manager_new_for_paths (context, paths);

  fz_plugin_manager_load_all (manager);
  g_assert_nonnull (fz_plugin_entry_get_measure (fz_plugin_manager_find (manager, "template")));
  return manager;
}

static void
prepare_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fuzhu-access-seed-XXXXXX", &error);
  g_autoptr(FzDatabase) db = NULL;
  g_autoptr(FzContext) context = NULL;
  g_autoptr(FzPluginManager) manager = NULL;
  g_autoptr(FzRegistry) registry = NULL;

  g_assert_no_error (error);
  prepared_db = g_build_filename (dir, "seed.db", NULL);
  db = fz_database_open (prepared_db, &error);
  g_assert_no_error (error);
  context = fz_context_new (db, NULL, "installer");
  manager = load_plugins (context);
  registry = fz_registry_new (db);

  fz_access_create_account (context, "admin", "管理员", ADMIN_PASSWORD, FZ_ROLE_ADMINISTRATOR, NULL, &error);
  g_assert_no_error (error);
  fz_access_create_account (context, "city", NULL, CITY_PASSWORD, FZ_ROLE_CITY_STAFF, NULL, &error);
  g_assert_no_error (error);
  fz_access_create_account (context, "kecheng", "柯城区残联", COUNTY_PASSWORD, FZ_ROLE_COUNTY_STAFF, OWN_COUNTY, &error);
  g_assert_no_error (error);
  fz_access_create_account (context, "viewer", NULL, VIEWER_PASSWORD, FZ_ROLE_VIEWER, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (add_person (registry, "张三", 1, OWN_COUNTY, &error), >, 0);
  g_assert_cmpint (add_person (registry, "李四", 2, OWN_COUNTY, &error), >, 0);
  g_assert_cmpint (add_person (registry, "张五", 3, OTHER_COUNTY, &error), >, 0);
  g_assert_cmpint (add_note (db, "柯城的备注", OWN_COUNTY, &error), >, 0);
  g_assert_cmpint (add_note (db, "衢江的备注", OTHER_COUNTY, &error), >, 0);
  g_assert_cmpint (add_note (db, "衢江的另一条", OTHER_COUNTY, &error), >, 0);
  g_assert_no_error (error);
  fz_access_sign_out (context);
}

static void
open_fixture (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->db = fz_database_open (f->path, &error);
  g_assert_no_error (error);
  f->context = fz_context_new (f->db, f->settings, NULL);
  f->manager = load_plugins (f->context);
  f->registry = g_object_ref (fz_context_get_registry (f->context));
}

static void
close_fixture (Fixture *f)
{
  g_clear_object (&f->registry);
  g_assert_finalize_object (f->manager);
  g_assert_finalize_object (f->context);
  g_assert_finalize_object (f->db);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  f->dir = g_dir_make_tmp ("fuzhu-access-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "fuzhu.db", NULL);
  if (data != &fresh)
    {
      g_assert_true (g_file_get_contents (prepared_db, &contents, &length, &error));
      g_assert_true (g_file_set_contents (f->path, contents, length, &error));
      g_assert_no_error (error);
    }
  f->settings = g_settings_new (APP_ID);
  g_settings_reset (f->settings, "disabled-plugins");
  open_fixture (f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  close_fixture (f);
  g_assert_finalize_object (f->settings);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->path);
  g_free (f->dir);
}

static void
sign_in (Fixture    *f,
         const char *name,
         const char *password)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (fz_access_sign_in (f->context, name, password, "test", &error));
  g_assert_no_error (error);
}

static void
assert_denied (GError *error)
{
  g_assert_nonnull (error);
  if (!fz_access_error_is_denied (error))
    g_error ("expected a refusal, got: %s (%s, %d)", error->message,
             g_quark_to_string (error->domain), error->code);
}

/* Single-user mode */

static void
test_single_user (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (fz_access_has_accounts (f->db));
  g_assert_true (fz_context_is_single_user (f->context));

  /* The database and its journal are their owner's alone. */
  {
    const char *suffixes[] = { "", "-wal", "-shm" };
    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *file = g_strconcat (f->path, suffixes[i], NULL);
        GStatBuf st;

        g_assert_cmpint (g_stat (file, &st), ==, 0);
        g_assert_cmpint (st.st_mode & 0777, ==, 0600);
      }
  }
  g_assert_cmpint (fz_context_get_role (f->context), ==, FZ_ROLE_ADMINISTRATOR);
  g_assert_cmpstr (fz_context_get_operator (f->context), ==, g_get_user_name ());
  fz_context_set_operator (f->context, "tester");
  g_assert_cmpstr (fz_context_get_operator (f->context), ==, "tester");
  for (FzPermission p = FZ_PERMISSION_READ; p <= FZ_PERMISSION_RESTORE; p++)
    g_assert_true (fz_context_can (f->context, p));

  /* Everything works as before, and is audited under the system user's name. */
  g_assert_cmpint (add_person (f->registry, "王芳", 7, OWN_COUNTY, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM fz_audit WHERE table_name = 'fz_person' "
                                     "AND action = 'insert' AND operator = 'tester'"), ==, 1);

  /* The first account must be an administrator's, and signs its maker in. */
  g_assert_false (fz_access_create_account (f->context, "clerk", NULL, CITY_PASSWORD,
                                            FZ_ROLE_CITY_STAFF, NULL, &error));
  g_assert_error (error, FZ_ACCESS_ERROR, FZ_ACCESS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (fz_access_create_account (f->context, "boss", NULL, "short", FZ_ROLE_ADMINISTRATOR, NULL, &error));
  g_assert_error (error, FZ_ACCESS_ERROR, FZ_ACCESS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (fz_access_create_account (f->context, "boss", NULL, ADMIN_PASSWORD,
                                           FZ_ROLE_ADMINISTRATOR, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (fz_access_has_accounts (f->db));
  g_assert_false (fz_context_is_single_user (f->context));
  g_assert_cmpstr (fz_context_get_operator (f->context), ==, "boss");
  g_assert_cmpint (fz_context_get_role (f->context), ==, FZ_ROLE_ADMINISTRATOR);

  /* Opened again, nobody is signed in: nothing is seen, nothing is written. */
  close_fixture (f);
  open_fixture (f);
  g_assert_cmpint (fz_context_get_role (f->context), ==, FZ_ROLE_NONE);
  g_assert_null (fz_context_get_operator (f->context));
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM fz_person"), ==, 0);
  g_assert_cmpint (add_person (f->registry, "赵六", 8, OWN_COUNTY, &error), ==, 0);
  assert_denied (error);
  g_clear_error (&error);
  g_assert_false (fz_context_set_value (f->context, "test", "key", "value", &error));
  assert_denied (error);
}

/* Passwords */

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  gsize n = strlen (needle);

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (contents + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static void
test_passwords_not_recoverable (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  const char *passwords[] = { ADMIN_PASSWORD, CITY_PASSWORD, COUNTY_PASSWORD, VIEWER_PASSWORD };
  sqlite3 *raw = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  /* Through libfuzhu the hash itself reads as NULL. */
  sign_in (f, "admin", ADMIN_PASSWORD);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM fz_operator WHERE password_hash IS NOT NULL"), ==, 0);
  g_assert_true (fz_access_change_password (f->context, ADMIN_PASSWORD, "a-new-admin-pass", &error));
  g_assert_no_error (error);
  close_fixture (f);

  /* The file holds argon2id strings, never a password: not in the tables,
   * not in the audit trail, not anywhere in its bytes. */
  g_assert_cmpint (sqlite3_open_v2 (f->path, &raw, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, "SELECT name, password_hash FROM fz_operator", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *hash = (const char *) sqlite3_column_text (stmt, 1);
      g_assert_true (g_str_has_prefix (hash, "$argon2id$v=19$"));
      for (guint i = 0; i < G_N_ELEMENTS (passwords); i++)
        g_assert_null (strstr (hash, passwords[i]));
      n++;
    }
  g_assert_cmpuint (n, ==, 4);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, "SELECT count(*) FROM fz_audit WHERE old_values LIKE '%argon2id%' "
                                            "OR new_values LIKE '%argon2id%'", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_finalize (stmt);
  /* The password change is in the audit trail, its values hidden. */
  g_assert_cmpint (sqlite3_prepare_v2 (raw, "SELECT old_values, new_values FROM fz_audit WHERE "
                                            "table_name = 'fz_operator' AND action = 'update'", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "{\"password_hash\":\"[hidden]\"}");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "{\"password_hash\":\"[hidden]\"}");
  sqlite3_finalize (stmt);
  sqlite3_close (raw);

  for (guint i = 0; i < G_N_ELEMENTS (passwords); i++)
    {
      g_assert_false (file_contains (f->path, passwords[i]));
      g_assert_false (file_contains (wal, passwords[i]));
    }
  g_assert_false (file_contains (f->path, "a-new-admin-pass"));
  open_fixture (f);
}

static void
test_sign_in (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = NULL;

  g_assert_cmpint (fz_context_get_role (f->context), ==, FZ_ROLE_NONE);

  /* A wrong password and an unknown name get the same answer. */
  g_assert_false (fz_access_sign_in (f->context, "city", "not-the-password", "test", &error));
  g_assert_error (error, FZ_ACCESS_ERROR, FZ_ACCESS_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);
  g_assert_false (fz_access_sign_in (f->context, "my-secret-typed-here", CITY_PASSWORD, "test", &error));
  g_assert_error (error, FZ_ACCESS_ERROR, FZ_ACCESS_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);
  g_assert_cmpint (fz_context_get_role (f->context), ==, FZ_ROLE_NONE);

  sign_in (f, "kecheng", COUNTY_PASSWORD);
  g_assert_cmpint (fz_context_get_role (f->context), ==, FZ_ROLE_COUNTY_STAFF);
  g_assert_cmpstr (fz_context_get_county (f->context), ==, OWN_COUNTY);
  g_assert_cmpstr (fz_context_get_operator (f->context), ==, "kecheng");
  /* Names are not case-sensitive. */
  fz_access_sign_out (f->context);
  sign_in (f, "KeCheng", COUNTY_PASSWORD);
  g_assert_cmpstr (fz_context_get_operator (f->context), ==, "kecheng");
  g_assert_true (fz_access_verify_password (f->context, COUNTY_PASSWORD, &error));
  g_assert_false (fz_access_verify_password (f->context, CITY_PASSWORD, &error));
  g_assert_error (error, FZ_ACCESS_ERROR, FZ_ACCESS_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);
  fz_access_sign_out (f->context);
  g_assert_cmpint (fz_context_get_role (f->context), ==, FZ_ROLE_NONE);

  /* A disabled account cannot sign in; the last administrator stays one. */
  sign_in (f, "admin", ADMIN_PASSWORD);
  g_assert_true (fz_access_set_disabled (f->context, "viewer", TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (fz_access_set_disabled (f->context, "admin", TRUE, &error));
  g_assert_error (error, FZ_ACCESS_ERROR, FZ_ACCESS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (fz_access_set_role (f->context, "admin", FZ_ROLE_CITY_STAFF, NULL, &error));
  g_assert_error (error, FZ_ACCESS_ERROR, FZ_ACCESS_ERROR_LAST_ADMINISTRATOR);
  g_clear_error (&error);
  g_assert_false (fz_access_set_role (f->context, "city", FZ_ROLE_COUNTY_STAFF, NULL, &error));
  g_assert_error (error, FZ_ACCESS_ERROR, FZ_ACCESS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (fz_access_set_role (f->context, "city", FZ_ROLE_COUNTY_STAFF, OTHER_COUNTY, &error));
  g_assert_no_error (error);
  accounts = fz_access_list_accounts (f->context, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, ==, 4);
  g_assert_cmpstr (((FzAccount *) accounts->pdata[0])->name, ==, "admin");
  g_assert_nonnull (((FzAccount *) accounts->pdata[0])->last_sign_in);
  g_assert_cmpint (((FzAccount *) accounts->pdata[1])->role, ==, FZ_ROLE_COUNTY_STAFF);
  g_assert_cmpstr (((FzAccount *) accounts->pdata[1])->county_code, ==, OTHER_COUNTY);
  g_assert_true (((FzAccount *) accounts->pdata[3])->disabled);
  fz_access_sign_out (f->context);
  g_assert_false (fz_access_sign_in (f->context, "viewer", VIEWER_PASSWORD, "test", &error));
  g_assert_error (error, FZ_ACCESS_ERROR, FZ_ACCESS_ERROR_DISABLED);
  g_clear_error (&error);

  /* Every attempt is in the audit trail; a name that is no account is not. */
  sign_in (f, "admin", ADMIN_PASSWORD);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM fz_audit WHERE action = 'sign-in-failed'"), ==, 2);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM fz_audit WHERE record_id = 'my-secret-typed-here' "
                                     "OR operator = 'my-secret-typed-here'"), ==, 0);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM fz_audit WHERE action = 'sign-in-refused' "
                                     "AND record_id = 'viewer'"), ==, 1);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM fz_audit WHERE action = 'sign-in' "
                                     "AND operator = 'kecheng' AND client = 'test'"), ==, 2);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM fz_audit WHERE action = 'sign-out'"), >=, 3);

  /* Any role changes its own password, after giving the old one. */
  fz_access_sign_out (f->context);
  sign_in (f, "kecheng", COUNTY_PASSWORD);
  g_assert_false (fz_access_change_password (f->context, "wrong-old-pass", "new-kecheng-pass", &error));
  g_assert_error (error, FZ_ACCESS_ERROR, FZ_ACCESS_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);
  g_assert_true (fz_access_change_password (f->context, COUNTY_PASSWORD, "new-kecheng-pass", &error));
  g_assert_no_error (error);
  fz_access_sign_out (f->context);
  g_assert_false (fz_access_sign_in (f->context, "kecheng", COUNTY_PASSWORD, "test", &error));
  g_clear_error (&error);
  sign_in (f, "kecheng", "new-kecheng-pass");
}

/* Each role against each action */

typedef gboolean (*Action) (Fixture *f, GError **error);

/* Past the scope and the rules, with a plain connection. */
static gint64
person_id (Fixture    *f,
           const char *name)
{
  sqlite3 *raw = NULL;
  sqlite3_stmt *s = NULL;
  gint64 id = 0;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &raw, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, "SELECT id FROM fz_person WHERE name = ?1", -1, &s, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (s, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step (s) == SQLITE_ROW)
    id = sqlite3_column_int64 (s, 0);
  sqlite3_finalize (s);
  sqlite3_close (raw);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gboolean
act_read_persons (Fixture *f, GError **error)
{
  guint n = 0;

  if (!fz_registry_count_persons (f->registry, NULL, &n, error))
    return FALSE;
  return n > 0;
}

static gboolean
act_add_person_own (Fixture *f, GError **error)
{
  return add_person (f->registry, "新人甲", 11, OWN_COUNTY, error) > 0;
}

static gboolean
act_add_person_other (Fixture *f, GError **error)
{
  return add_person (f->registry, "新人乙", 12, OTHER_COUNTY, error) > 0;
}

static gboolean
act_update_person_own (Fixture *f, GError **error)
{
  g_autoptr(FzPerson) p = fz_registry_find_person (f->registry, person_id (f, "张三"), error);

  if (p == NULL)
    return FALSE;
  fz_person_set_township (p, "信安街道");
  return fz_registry_update_person (f->registry, p, error);
}

static gboolean
act_update_person_other (Fixture *f, GError **error)
{
  /* As a plugin would try: plain SQL by id. */
  if (!fz_database_execute (f->db, "UPDATE fz_person SET township = 'x' WHERE id = ?1",
                            g_variant_new ("(x)", person_id (f, "张五")), error))
    return FALSE;
  return fz_database_changes (f->db) == 1;
}

static gboolean
act_delete_person_own (Fixture *f, GError **error)
{
  return fz_registry_delete_person (f->registry, person_id (f, "李四"), error);
}

static gboolean
act_add_note_own (Fixture *f, GError **error)
{
  return add_note (f->db, "又一条", OWN_COUNTY, error) > 0;
}

static gboolean
act_add_note_other (Fixture *f, GError **error)
{
  return add_note (f->db, "别县的", OTHER_COUNTY, error) > 0;
}

static gboolean
act_set_target (Fixture *f, GError **error)
{
  return fz_target_set (f->db, "2022-2025", "new-employment", OWN_COUNTY, 600, error);
}

static gboolean
act_set_value (Fixture *f, GError **error)
{
  return fz_context_set_value (f->context, "test", "key", "value", error);
}

static gboolean
act_create_account (Fixture *f, GError **error)
{
  return fz_access_create_account (f->context, "newcomer", NULL, "newcomer-pass", FZ_ROLE_VIEWER, NULL, error);
}

static gboolean
act_disable_plugin (Fixture *f, GError **error)
{
  return fz_plugin_manager_set_enabled (f->manager, "template", FALSE, error) &&
         fz_plugin_manager_set_enabled (f->manager, "template", TRUE, error);
}

static gboolean
act_export_persons (Fixture *f, GError **error)
{
  g_autofree char *path = g_build_filename (f->dir, "persons.csv", NULL);

  return fz_registry_export_persons (f->registry, path, NULL, NULL, error);
}

static gboolean
act_read_audit (Fixture *f, GError **error)
{
  guint n = 0;

  return fz_audit_count (f->context, NULL, &n, error) && n > 0;
}

static gboolean
act_print_internal (Fixture *f, GError **error)
{
  g_autoptr(FzDocument) doc = fz_plugin_manager_build_document (f->manager, "template/notes", NULL, error);

  return doc != NULL;
}

static gboolean
act_restore (Fixture *f, GError **error)
{
  /* Restoring lives with the backups; libfuzhu holds the rule. */
  return fz_context_check (f->context, FZ_PERMISSION_RESTORE, "restore a backup", error);
}

static const struct {
  const char *name;
  Action      action;
  /* administrator, city staff, county staff, viewer */
  gboolean    allowed[4];
} actions[] = {
  { "read persons",          act_read_persons,        { TRUE, TRUE, TRUE, TRUE } },
  { "add a person (own)",    act_add_person_own,      { TRUE, TRUE, TRUE, FALSE } },
  { "add a person (other)",  act_add_person_other,    { TRUE, TRUE, FALSE, FALSE } },
  { "update a person (own)", act_update_person_own,   { TRUE, TRUE, TRUE, FALSE } },
  { "update a person (other)", act_update_person_other, { TRUE, TRUE, FALSE, FALSE } },
  { "delete a person (own)", act_delete_person_own,   { TRUE, TRUE, TRUE, FALSE } },
  { "add a note (own)",      act_add_note_own,        { TRUE, TRUE, TRUE, FALSE } },
  { "add a note (other)",    act_add_note_other,      { TRUE, TRUE, FALSE, FALSE } },
  { "set a target",          act_set_target,          { TRUE, FALSE, FALSE, FALSE } },
  { "change a setting",      act_set_value,           { TRUE, TRUE, TRUE, FALSE } },
  { "create an account",     act_create_account,      { TRUE, FALSE, FALSE, FALSE } },
  { "disable a plugin",      act_disable_plugin,      { TRUE, FALSE, FALSE, FALSE } },
  { "export persons",        act_export_persons,      { TRUE, TRUE, TRUE, FALSE } },
  { "read the audit trail",  act_read_audit,          { TRUE, TRUE, TRUE, FALSE } },
  { "print an internal list", act_print_internal,     { TRUE, TRUE, TRUE, FALSE } },
  { "restore a backup",      act_restore,             { TRUE, FALSE, FALSE, FALSE } },
};

typedef struct {
  const char *name;
  const char *password;
  FzRole      role;
} Account;

static const Account accounts[] = {
  { "admin", ADMIN_PASSWORD, FZ_ROLE_ADMINISTRATOR },
  { "city", CITY_PASSWORD, FZ_ROLE_CITY_STAFF },
  { "kecheng", COUNTY_PASSWORD, FZ_ROLE_COUNTY_STAFF },
  { "viewer", VIEWER_PASSWORD, FZ_ROLE_VIEWER },
};

static void
test_role (Fixture       *f,
           gconstpointer  data)
{
  guint who = (const Account *) data - accounts;

  sign_in (f, accounts[who].name, accounts[who].password);
  g_assert_cmpint (fz_context_get_role (f->context), ==, accounts[who].role);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean done = actions[i].action (f, &error);

      g_test_message ("%s: %s → %s%s%s", accounts[who].name, actions[i].name, done ? "done" : "refused",
                      error ? ": " : "", error ? error->message : "");
      if (actions[i].allowed[who])
        {
          g_assert_no_error (error);
          g_assert_true (done);
        }
      else
        {
          g_assert_false (done);
          /* Refused by the rules, not failing for another reason (an
           * update of an unseen row changes nothing, without error). */
          if (error)
            assert_denied (error);
        }
    }
}

/* The county scope */

static void
test_county_scope (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) persons = NULL;
  g_autoptr(FzIndicatorValues) values = fz_indicator_values_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  FzMeasure *measure = fz_plugin_entry_get_measure (fz_plugin_manager_find (f->manager, "template"));
  const FzMeasureInfo *info = fz_measure_get_info (measure);
  FzPersonFilter zhang = { .text = "张" };
  gint64 other = person_id (f, "张五");
  gint64 note;
  guint n = 0;

  sign_in (f, "kecheng", COUNTY_PASSWORD);

  /* The registry: counts, lists, searches and finds the county's persons only. */
  g_assert_true (fz_registry_count_persons (f->registry, NULL, &n, &error));
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (fz_registry_count_persons (f->registry, &zhang, &n, &error));
  g_assert_cmpuint (n, ==, 1);
  persons = fz_registry_list_persons (f->registry, &zhang, 0, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (persons->len, ==, 1);
  g_assert_cmpstr (fz_person_get_name (persons->pdata[0]), ==, "张三");
  g_assert_null (fz_registry_find_person (f->registry, other, &error));
  g_assert_error (error, FZ_REGISTRY_ERROR, FZ_REGISTRY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A plugin's own queries: its figures, its SQL, joins with fz_person. */
  g_assert_true (fz_measure_compute_indicators (measure, f->context, g_date_time_get_year (now), values, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (fz_indicator_values_get (values, &info->indicators[0], OWN_COUNTY), ==, 1);
  g_assert_cmpfloat (fz_indicator_values_get (values, &info->indicators[0], OTHER_COUNTY), ==, 0);
  g_assert_cmpfloat (fz_indicator_values_get (values, &info->indicators[0], FZ_CITY_CODE), ==, 1);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM template_note"), ==, 1);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM template_note n JOIN fz_county c "
                                     "ON c.code = n.county_code"), ==, 1);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM fz_person p "
                                     "JOIN template_note n ON n.county_code = p.county_code"), ==, 2);
  g_assert_cmpint (query_int (f->db, "WITH x AS (SELECT * FROM fz_person) SELECT count(*) FROM x"), ==, 2);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM (SELECT county_code FROM fz_organization "
                                     "UNION ALL SELECT county_code FROM fz_person)"), ==, 2);

  /* Naming the table itself does not get past the scope. */
  g_assert_false (fz_database_query_int64 (f->db, "SELECT count(*) FROM main.template_note", NULL, &note, NULL, &error));
  g_assert_error (error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (fz_database_query_int64 (f->db, "SELECT count(*) FROM main.fz_person WHERE 0", NULL, &note, NULL, &error));
  g_assert_error (error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (fz_database_exec (f->db, "DROP VIEW temp.fz_person", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Writes through the scope look like writes to the table: the id from
   * last_insert_rowid(), the count of changed rows. */
  note = add_note (f->db, "县里的新备注", OWN_COUNTY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (note, >, 3);
  g_assert_cmpint (query_int (f->db, "SELECT last_insert_rowid()"), ==, note);
  g_assert_true (fz_database_query_int64 (f->db, "SELECT count(*) FROM template_note WHERE id = ?1 AND body = ?2",
                                          g_variant_new ("(xs)", note, "县里的新备注"), &note, NULL, &error));
  g_assert_cmpint (note, ==, 1);
  g_assert_true (fz_database_execute (f->db, "UPDATE template_note SET body = body || '！'", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fz_database_changes (f->db), ==, 2);
  g_assert_true (fz_database_execute (f->db, "DELETE FROM template_note WHERE county_code = ?1",
                                      g_variant_new ("(s)", OTHER_COUNTY), &error));
  g_assert_cmpint (fz_database_changes (f->db), ==, 0);
  /* INSERT OR IGNORE and UPSERT, as plugins write them. */
  g_assert_true (fz_database_execute (f->db, "INSERT OR IGNORE INTO template_note (id, body, county_code) "
                                             "VALUES (1, 'dup', ?1)", g_variant_new ("(s)", OWN_COUNTY), &error));
  g_assert_no_error (error);
  g_assert_cmpint (fz_database_changes (f->db), ==, 0);
  g_assert_true (fz_database_execute (f->db, "INSERT INTO template_note (id, body, county_code) VALUES (1, 'up', ?1) "
                                             "ON CONFLICT (id) DO UPDATE SET body = excluded.body",
                                      g_variant_new ("(s)", OWN_COUNTY), &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM template_note WHERE body = 'up'"), ==, 1);
  /* ... and an UPSERT onto another county's row is refused. */
  g_assert_false (fz_database_execute (f->db, "INSERT INTO template_note (id, body, county_code) VALUES (2, 'up', ?1) "
                                              "ON CONFLICT (id) DO UPDATE SET body = excluded.body",
                                       g_variant_new ("(s)", OWN_COUNTY), &error));
  assert_denied (error);
  g_clear_error (&error);

  /* An import with another county's row is refused, on that row's line. */
  {
    g_autofree char *own_id = make_id ("330802", "19900101", 31);
    g_autofree char *other_id = make_id ("330803", "19900101", 32);
    g_autofree char *csv = g_strdup_printf ("姓名,身份证号,残疾类别,残疾等级,县(市、区)\n"
                                            "本县人,%s,4,2,柯城区\n外县人,%s,4,2,衢江区\n", own_id, other_id);
    g_autofree char *path = g_build_filename (f->dir, "import.csv", NULL);
    g_autoptr(FzImportReport) report = NULL;
    guint line = 0;

    g_assert_true (g_file_set_contents (path, csv, -1, &error));
    g_assert_false (fz_registry_import_file (f->registry, path, &report, &error));
    g_assert_error (error, FZ_REGISTRY_ERROR, FZ_REGISTRY_ERROR_REJECTED);
    g_clear_error (&error);
    g_assert_cmpuint (fz_import_report_get_n_problems (report), ==, 1);
    g_assert_nonnull (strstr (fz_import_report_get_problem (report, 0, &line), "衢江区"));
    g_assert_cmpuint (line, ==, 3);
    g_assert_true (fz_registry_count_persons (f->registry, NULL, &n, &error));
    g_assert_cmpuint (n, ==, 2);
  }

  /* City staff see everything again. */
  fz_access_sign_out (f->context);
  sign_in (f, "city", CITY_PASSWORD);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM template_note"), ==, 4);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM main.fz_person"), ==, 3);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM template_note WHERE body = '衢江的备注'"), ==, 1);
}

/* A table a plugin adds later is guarded, audited and scoped with nothing
 * more to do. */
static void
test_new_plugin_table (Fixture       *f,
                       gconstpointer  data)
{
  static const FzMigration steps[] = {
    { 1, "CREATE TABLE late_visit (id INTEGER PRIMARY KEY, county_code TEXT NOT NULL, "
         "  visitor TEXT, visited TEXT NOT NULL DEFAULT '2025-01-01');"
         "CREATE TABLE late_setting (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;" },
    { 2, "ALTER TABLE late_visit ADD COLUMN hours REAL" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(FzAuditEntry) entry = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  FzAuditFilter filter = { .table_name = "late_visit" };
  gint64 id;

  sign_in (f, "admin", ADMIN_PASSWORD);
  g_assert_true (fz_database_migrate (f->db, "late", steps, 1, &error));
  g_assert_no_error (error);
  g_assert_true (fz_database_execute (f->db, "INSERT INTO late_visit (county_code, visitor) VALUES (?1, '甲'), (?2, '乙')",
                                      g_variant_new ("(ss)", OWN_COUNTY, OTHER_COUNTY), &error));
  g_assert_true (fz_database_execute (f->db, "INSERT INTO late_setting VALUES ('k', 'v')", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (fz_database_migrate (f->db, "late", steps, 2, &error));
  g_assert_no_error (error);
  g_assert_true (fz_database_execute (f->db, "UPDATE late_visit SET hours = 1.5 WHERE visitor = '甲'", NULL, &error));
  g_assert_no_error (error);

  entries = fz_audit_list (f->context, &filter, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);
  entry = fz_audit_entry_copy (entries->pdata[0]);
  g_assert_cmpstr (entry->action, ==, "update");
  g_assert_cmpstr (entry->old_values, ==, "{\"hours\":null}");
  g_assert_cmpstr (entry->new_values, ==, "{\"hours\":1.5}");
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM fz_audit WHERE table_name = 'late_setting' "
                                     "AND record_id = 'k'"), ==, 1);

  fz_access_sign_out (f->context);
  sign_in (f, "kecheng", COUNTY_PASSWORD);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM late_visit"), ==, 1);
  id = 0;
  g_assert_false (fz_database_execute (f->db, "INSERT INTO late_visit (county_code) VALUES (?1)",
                                       g_variant_new ("(s)", OTHER_COUNTY), &error));
  assert_denied (error);
  g_clear_error (&error);
  g_assert_true (fz_database_execute (f->db, "INSERT INTO late_visit (county_code) VALUES (?1)",
                                      g_variant_new ("(s)", OWN_COUNTY), &error));
  g_assert_no_error (error);
  id = fz_database_last_insert_rowid (f->db);
  /* The column's default applies through the scope too. */
  g_assert_true (fz_database_query_int64 (f->db, "SELECT count(*) FROM late_visit WHERE id = ?1 AND visited = '2025-01-01'",
                                          g_variant_new ("(x)", id), &id, NULL, &error));
  g_assert_cmpint (id, ==, 1);
}

/* The audit trail */

static void
write_sheet (const char *path,
             const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
}

/* An import's new persons are one audit row naming the file and the ids
 * it gave, found by any of those ids; what it changes is audited row by
 * row with the old values; what it refuses leaves no audit at all. */
static void
test_audit_import (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(FzImportReport) report = NULL;
  g_autofree char *sheet = g_build_filename (f->dir, "persons.csv", NULL);
  g_autofree char *a = make_id ("330802", "19700101", 801);
  g_autofree char *b = make_id ("330802", "19700101", 802);
  g_autofree char *c = make_id ("330802", "19700101", 803);
  g_autofree char *text = NULL;
  g_autofree char *middle = NULL;
  g_autofree char *expected = NULL;
  FzAuditFilter by_record = { 0 };
  FzAuditFilter imports = { .table_name = "fz_person", .action = "import" };
  gint64 before, first, last;
  FzAuditEntry *e;

  sign_in (f, "city", CITY_PASSWORD);
  before = query_int (f->db, "SELECT count(*) FROM fz_audit");
  text = g_strdup_printf ("姓名,身份证号,残疾类别,残疾等级,县(市、区),联系电话\n"
                          "甲一,%s,肢体,二级,柯城区,13800000001\n"
                          "乙二,%s,视力,一级,柯城区,13800000002\n"
                          "丙三,%s,听力,三级,衢江区,13800000003\n", a, b, c);
  write_sheet (sheet, text);
  g_assert_true (fz_registry_import_file (f->registry, sheet, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fz_import_report_get_added (report), ==, 3);
  g_clear_pointer (&report, fz_import_report_unref);

  /* One row for the three, none for each. */
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM fz_audit"), ==, before + 1);
  entries = fz_audit_list (f->context, &imports, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  e = entries->pdata[0];
  g_assert_cmpstr (e->operator_name, ==, "city");
  g_assert_cmpstr (fz_audit_action_to_string (e->action), ==, "Imported");
  first = query_int (f->db, "SELECT min(id) FROM fz_person WHERE name IN ('甲一', '乙二', '丙三')");
  last = query_int (f->db, "SELECT max(id) FROM fz_person WHERE name IN ('甲一', '乙二', '丙三')");
  g_assert_cmpint (last - first, ==, 2);
  expected = g_strdup_printf ("\"added\":3,\"first_id\":%" G_GINT64_FORMAT ",\"last_id\":%" G_GINT64_FORMAT,
                              first, last);
  g_assert_nonnull (strstr (e->new_values, expected));
  g_assert_nonnull (strstr (e->new_values, "persons.csv"));
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* Asked for the middle one, the audit shows the import that added it. */
  middle = g_strdup_printf ("%" G_GINT64_FORMAT, first + 1);
  by_record.record_id = middle;
  entries = fz_audit_list (f->context, &by_record, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (((FzAuditEntry *) entries->pdata[0])->action, ==, "import");
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* The same sheet with one phone changed and one person more: the change
   * is audited on its own, with the phone it replaced. */
  g_free (text);
  text = g_strdup_printf ("姓名,身份证号,残疾类别,残疾等级,县(市、区),联系电话\n"
                          "甲一,%s,肢体,二级,柯城区,13800000001\n"
                          "乙二,%s,视力,一级,柯城区,13900000009\n", a, b);
  write_sheet (sheet, text);
  g_assert_true (fz_registry_import_file (f->registry, sheet, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fz_import_report_get_updated (report), ==, 1);
  g_clear_pointer (&report, fz_import_report_unref);
  entries = fz_audit_list (f->context, &by_record, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  e = entries->pdata[0];
  g_assert_cmpstr (e->action, ==, "update");
  g_assert_nonnull (strstr (e->old_values, "13800000002"));
  g_assert_nonnull (strstr (e->new_values, "13900000009"));
  g_clear_pointer (&entries, g_ptr_array_unref);
  /* Nobody was added: no import row for it. */
  entries = fz_audit_list (f->context, &imports, 0, 10, &error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* A sheet refused as a whole leaves the trail as it was. */
  before = query_int (f->db, "SELECT count(*) FROM fz_audit");
  write_sheet (sheet, "姓名,身份证号,残疾类别,残疾等级\n丁四,330802197001018,肢体,二级\n");
  g_assert_false (fz_registry_import_file (f->registry, sheet, &report, &error));
  g_clear_error (&error);
  g_clear_pointer (&report, fz_import_report_unref);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM fz_audit"), ==, before);

  /* After an import, a person added by hand is audited with its values. */
  g_assert_cmpint (add_person (f->registry, "戊五", 804, OWN_COUNTY, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM fz_audit WHERE action = 'insert' "
                                     "AND table_name = 'fz_person' AND new_values LIKE '%戊五%'"), ==, 1);
}

static void
test_audit_rows (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *record = NULL;
  FzAuditFilter filter = { .table_name = "fz_person" };
  FzAuditEntry *e;
  g_autoptr(FzPerson) p = NULL;
  gint64 id;

  sign_in (f, "city", CITY_PASSWORD);
  id = add_person (f->registry, "孙七", 21, OTHER_COUNTY, &error);
  g_assert_no_error (error);
  record = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  p = fz_registry_find_person (f->registry, id, &error);
  fz_person_set_phone (p, "13900001111");
  g_assert_true (fz_registry_update_person (f->registry, p, &error));
  g_assert_true (fz_registry_delete_person (f->registry, id, &error));
  g_assert_no_error (error);

  filter.record_id = record;
  entries = fz_audit_list (f->context, &filter, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);

  e = entries->pdata[2];
  g_assert_cmpstr (e->action, ==, "insert");
  g_assert_cmpstr (e->operator_name, ==, "city");
  g_assert_cmpstr (e->client, ==, "test");
  g_assert_cmpstr (e->county_code, ==, OTHER_COUNTY);
  g_assert_null (e->old_values);
  g_assert_nonnull (strstr (e->new_values, "\"name\":\"孙七\""));
  g_assert_nonnull (strstr (e->new_values, "\"phone\":\"13812345678\""));
  g_assert_true (g_str_has_suffix (e->time, "Z"));

  e = entries->pdata[1];
  g_assert_cmpstr (e->action, ==, "update");
  /* Only what changed: the phone, and the time of the change. */
  g_assert_nonnull (strstr (e->old_values, "\"phone\":\"13812345678\""));
  g_assert_nonnull (strstr (e->new_values, "\"phone\":\"13900001111\""));
  g_assert_null (strstr (e->new_values, "\"name\""));

  e = entries->pdata[0];
  g_assert_cmpstr (e->action, ==, "delete");
  g_assert_nonnull (strstr (e->old_values, "\"phone\":\"13900001111\""));
  g_assert_null (e->new_values);

  /* Searched by operator, action and date too. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
    FzAuditFilter by = { .operator_name = "city", .action = "delete", .since = today, .until = today };
    FzAuditFilter before = { .until = "2000-01-01" };
    FzAuditFilter wrong = { .since = "yesterday" };
    guint n = 0;

    g_assert_true (fz_audit_count (f->context, &by, &n, &error));
    g_assert_cmpuint (n, ==, 1);
    g_assert_true (fz_audit_count (f->context, &before, &n, &error));
    g_assert_cmpuint (n, ==, 0);
    g_assert_false (fz_audit_count (f->context, &wrong, &n, &error));
    g_assert_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_DATE);
    g_clear_error (&error);
  }

  /* County staff see their county's entries only. */
  fz_access_sign_out (f->context);
  sign_in (f, "kecheng", COUNTY_PASSWORD);
  {
    guint n = G_MAXUINT;
    g_assert_true (fz_audit_count (f->context, &filter, &n, &error));
    g_assert_cmpuint (n, ==, 0);
  }
}

static void
test_audit_append_only (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *attempts[] = {
    "UPDATE fz_audit SET operator = 'nobody'",
    "DELETE FROM fz_audit",
    "INSERT INTO fz_audit (time, operator, action, table_name) VALUES ('x', 'y', 'insert', 'z')",
    "DROP TABLE fz_audit",
    "ALTER TABLE fz_audit ADD COLUMN x",
    "DROP TRIGGER fz_audit_ins_fz_person",
    "DROP TRIGGER fz_guard_ins_fz_person",
    "DROP TRIGGER fz_audit_append_only_delete",
    "CREATE TEMP TRIGGER quiet BEFORE INSERT ON fz_audit BEGIN SELECT RAISE (IGNORE); END",
    "PRAGMA writable_schema = ON",
  };
  gint64 before;
  sqlite3 *raw = NULL;
  char *message = NULL;

  /* Not even the administrator, not even in single-user mode. */
  sign_in (f, "admin", ADMIN_PASSWORD);
  before = query_int (f->db, "SELECT count(*) FROM fz_audit");
  for (guint i = 0; i < G_N_ELEMENTS (attempts); i++)
    {
      g_assert_false (fz_database_exec (f->db, attempts[i], &error));
      g_assert_nonnull (error);
      g_test_message ("%s: %s", attempts[i], error->message);
      g_clear_error (&error);
    }
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM fz_audit"), ==, before);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                                     "AND tbl_name = 'fz_audit'"), ==, 2);

  /* Another program, past libfuzhu: the triggers in the file refuse too. */
  close_fixture (f);
  g_assert_cmpint (sqlite3_open (f->path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "UPDATE fz_audit SET operator = 'nobody'", NULL, NULL, &message), !=, SQLITE_OK);
  g_assert_nonnull (strstr (message, "append-only"));
  sqlite3_free (message);
  g_assert_cmpint (sqlite3_exec (raw, "DELETE FROM fz_audit", NULL, NULL, &message), !=, SQLITE_OK);
  sqlite3_free (message);
  /* A write it cannot audit is refused: the audit trigger needs libfuzhu. */
  g_assert_cmpint (sqlite3_exec (raw, "UPDATE fz_person SET township = 'x'", NULL, NULL, &message), !=, SQLITE_OK);
  g_assert_nonnull (strstr (message, "no such function"));
  sqlite3_free (message);
  sqlite3_close (raw);
  open_fixture (f);
}

/* Personal data */

static void
test_personal_data (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) persons = NULL;
  g_autofree char *path = g_build_filename (f->dir, "out.xlsx", NULL);
  g_autofree char *masked = NULL;
  GStatBuf st;
  guint n = 0;

  /* A viewer sees numbers masked, through the registry and fz_context_mask(). */
  sign_in (f, "viewer", VIEWER_PASSWORD);
  persons = fz_registry_list_persons (f->registry, NULL, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (persons->len, ==, 3);
  for (guint i = 0; i < persons->len; i++)
    {
      g_assert_nonnull (strstr (fz_person_get_id_number (persons->pdata[i]), "********"));
      g_assert_cmpstr (fz_person_get_phone (persons->pdata[i]), ==, "138****5678");
    }
  masked = fz_context_mask (f->context, "330802199001011234", FZ_FIELD_IDENTITY_NUMBER);
  g_assert_cmpstr (masked, ==, "330802********1234");
  g_clear_pointer (&masked, g_free);
  /* A plugin's own query, joining the registry as the measures do, reads
   * them masked too, and cannot name the table past the mask. */
  {
    g_autoptr(FzStatement) stmt = fz_database_prepare (f->db,
        "SELECT p.id_number, p.cert_number, p.phone, p.name FROM fz_person p ORDER BY p.id", &error);
    guint rows = 0;

    g_assert_no_error (error);
    while (fz_statement_step (stmt, &error))
      {
        const char *cert = fz_statement_get_text (stmt, 1);

        g_assert_nonnull (strstr (fz_statement_get_text (stmt, 0), "********"));
        g_assert_true (cert == NULL || strstr (cert, "****") != NULL);
        g_assert_cmpstr (fz_statement_get_text (stmt, 2), ==, "138****5678");
        g_assert_nonnull (fz_statement_get_text (stmt, 3));
        rows++;
      }
    g_assert_no_error (error);
    g_assert_cmpuint (rows, ==, 3);
    g_assert_null (fz_database_prepare (f->db, "SELECT id_number FROM main.fz_person", &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }
  g_assert_false (fz_registry_export_persons (f->registry, path, NULL, &n, &error));
  assert_denied (error);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* County staff see them whole, and may export their county's. */
  fz_access_sign_out (f->context);
  sign_in (f, "kecheng", COUNTY_PASSWORD);
  masked = fz_context_mask (f->context, "13812345678", FZ_FIELD_PHONE);
  g_assert_cmpstr (masked, ==, "13812345678");
  g_clear_pointer (&persons, g_ptr_array_unref);
  persons = fz_registry_list_persons (f->registry, NULL, 0, 10, &error);
  g_assert_cmpuint (persons->len, ==, 2);
  g_assert_cmpstr (fz_person_get_phone (persons->pdata[0]), ==, "13812345678");
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM fz_person WHERE length(id_number) = 18 "
                                     "AND id_number NOT LIKE '%*%' AND phone = '13812345678'"), ==, 2);
  g_assert_true (fz_registry_export_persons (f->registry, path, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM fz_audit WHERE action = 'export' AND operator = 'kecheng' "
                                     "AND table_name = 'fz_person' AND json_extract(new_values, '$.rows') = 2"), ==, 1);

  /* The audit trail exports too, and says so. */
  g_clear_pointer (&path, g_free);
  path = g_build_filename (f->dir, "audit.csv", NULL);
  g_assert_true (fz_audit_export (f->context, NULL, path, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM fz_audit WHERE action = 'export' "
                                     "AND table_name = 'fz_audit'"), ==, 1);
}

int
main (int argc, char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  prepare_database ();

  g_test_add ("/Fuzhu/Access/single-user", Fixture, &fresh,
              fixture_setup, test_single_user, fixture_teardown);
  g_test_add ("/Fuzhu/Access/passwords-not-recoverable", Fixture, NULL,
              fixture_setup, test_passwords_not_recoverable, fixture_teardown);
  g_test_add ("/Fuzhu/Access/sign-in", Fixture, NULL, fixture_setup, test_sign_in, fixture_teardown);
  for (guint i = 0; i < G_N_ELEMENTS (accounts); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Fuzhu/Access/role/%s", accounts[i].name);
      g_test_add (path, Fixture, &accounts[i], fixture_setup, test_role, fixture_teardown);
    }
  g_test_add ("/Fuzhu/Access/county-scope", Fixture, NULL, fixture_setup, test_county_scope, fixture_teardown);
  g_test_add ("/Fuzhu/Access/new-plugin-table", Fixture, NULL, fixture_setup, test_new_plugin_table, fixture_teardown);
  g_test_add ("/Fuzhu/Access/audit-rows", Fixture, NULL, fixture_setup, test_audit_rows, fixture_teardown);
  g_test_add ("/Fuzhu/Access/audit-import", Fixture, NULL, fixture_setup, test_audit_import, fixture_teardown);
  g_test_add ("/Fuzhu/Access/audit-append-only", Fixture, NULL,
              fixture_setup, test_audit_append_only, fixture_teardown);
  g_test_add ("/Fuzhu/Access/personal-data", Fixture, NULL, fixture_setup, test_personal_data, fixture_teardown);

  status = g_test_run ();
  {
    g_autofree char *dir = g_path_get_dirname (prepared_db);
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
    if (system (cmd) != 0)
      g_printerr ("Could not remove %s\n", dir);
  }
  return status;
}
