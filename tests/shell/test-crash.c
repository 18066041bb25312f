/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-crash"

#include "config.h"

#include <locale.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include "fuzhu-child.h"

/* Crash safety: the built `fuzhu` doing committed work is killed with
 * SIGKILL at random moments, again and again, and after each kill a fresh
 * connection must find a sound file holding exactly a prefix of the work:
 * every change that was reported saved, no half of a large change.
 * The moments are random (g_test_rand: --seed repeats a run); the time a
 * whole run takes only chooses them, nothing asserts on it. */

#define BULK_ROWS 2000
#define EDIT_KILLS_WANTED 50
#define CREATION_KILLS_WANTED 12
#define BACKUP_KILLS_WANTED 12
#define MAX_ROUNDS 250

typedef struct {
  char *dir;
  char *db;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("fuzhu-crash-XXXXXX", NULL);
  f->db = g_build_filename (f->dir, "county.db", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->db);
  g_free (f->dir);
}

/* The planned work, item by item: a note "edit I", and every third item a
 * change of BULK_ROWS notes "batch I K/N" made in one transaction. */
static gboolean
item_is_bulk (guint item)
{
  return item % 3 == 2;
}

static guint
item_rows (guint item)
{
  return item_is_bulk (item) ? BULK_ROWS : 1;
}

static char *
item_body (guint item,
           guint row)
{
  if (item_is_bulk (item))
    return g_strdup_printf ("batch %u %u/%u", item, row + 1, BULK_ROWS);
  return g_strdup_printf ("edit %u", item);
}

static void
start_item (FuzhuChild *child,
            const char *db,
            guint       item)
{
  g_autofree char *text = NULL;
  g_autofree char *rows = g_strdup_printf ("%u", BULK_ROWS);

  if (item_is_bulk (item))
    {
      text = g_strdup_printf ("batch %u", item);
      fuzhu_child_start (child, db, "template", "add-many", rows, text, NULL);
    }
  else
    {
      text = g_strdup_printf ("edit %u", item);
      fuzhu_child_start (child, db, "template", "add", text, NULL);
    }
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *st = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &st, NULL), ==, SQLITE_OK);
  if (sqlite3_step (st) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (st, 0));
  g_assert_cmpint (sqlite3_finalize (st), ==, SQLITE_OK);
  return text;
}

/* What a fresh connection finds: the file passes the integrity check, no
 * reference dangles; then the number of notes and, from the @skip-th on,
 * their texts in the order they were made (no notes when the kill came
 * before the table). */
static GPtrArray *
read_notes (const char *path,
            guint       skip,
            guint      *count)
{
  GPtrArray *notes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *check = NULL;
  g_autofree char *dangling = NULL;
  g_autofree char *has_table = NULL;
  g_autofree char *n = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;

  *count = 0;
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return notes;
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  /* Leave the WAL as the next run will find it: no checkpoint at close. */
  g_assert_cmpint (sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);

  check = query_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  dangling = query_text (db, "PRAGMA foreign_key_check");
  g_assert_null (dangling);

  has_table = query_text (db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'template_note'");
  if (has_table)
    {
      n = query_text (db, "SELECT count(*) FROM template_note");
      *count = (guint) g_ascii_strtoull (n, NULL, 10);
      g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT body FROM template_note ORDER BY id LIMIT -1 OFFSET ?1",
                                           -1, &st, NULL), ==, SQLITE_OK);
      sqlite3_bind_int64 (st, 1, skip);
      while (sqlite3_step (st) == SQLITE_ROW)
        g_ptr_array_add (notes, g_strdup ((const char *) sqlite3_column_text (st, 0)));
      g_assert_cmpint (sqlite3_finalize (st), ==, SQLITE_OK);
    }
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return notes;
}

static guint
rows_of_items (guint n_items)
{
  guint rows = 0;

  for (guint i = 0; i < n_items; i++)
    rows += item_rows (i);
  return rows;
}

/* The database must hold exactly the work of items 0 to N-1, N being
 * @committed or @committed + 1 (the item that was running): not a half
 * change, not a lost one. @from_item on were not looked at yet; those before
 * it were, and the count shows that they are all still there. Returns N. */
static guint
check_prefix (const char *path,
              guint       committed,
              guint       from_item)
{
  guint expected = rows_of_items (committed);
  guint row = rows_of_items (from_item);
  g_autoptr(GPtrArray) notes = NULL;
  guint count = 0;
  guint present;

  notes = read_notes (path, row, &count);
  if (count == expected)
    present = committed;
  else
    {
      g_assert_cmpuint (count, ==, expected + item_rows (committed));
      present = committed + 1;
    }

  for (guint i = from_item; i < present; i++)
    for (guint k = 0; k < item_rows (i); k++)
      {
        g_autofree char *body = item_body (i, k);
        g_assert_cmpstr (g_ptr_array_index (notes, row - rows_of_items (from_item)), ==, body);
        row++;
      }
  return present;
}

/* When to kill a run thought to take @duration: half the time anywhere
 * from start-up on, half near the end, where the commit, the report and the
 * checkpoint at close are. */
static gulong
kill_delay (gint64 duration)
{
  if (g_test_rand_bit ())
    return (gulong) g_test_rand_int_range (0, (gint32) duration);
  return (gulong) g_test_rand_int_range ((gint32) (duration * 7 / 10), (gint32) (duration * 12 / 10));
}

/* Runs vary: the guess moves down a tenth when a run ended before its kill,
 * up a fiftieth when it did not, so that about one run in six ends on its
 * own and the kills stay spread over the whole run. */
static void
adjust_duration (gint64   *duration,
                 gboolean  killed)
{
  *duration = killed ? *duration * 51 / 50 : MAX (*duration * 9 / 10, 1000);
}

static gint64
run_to_end (FuzhuChild *child,
            int        *status)
{
  gint64 start = g_get_monotonic_time ();

  fuzhu_child_wait (child, status);
  return MAX (g_get_monotonic_time () - start, 1000);
}

static void
assert_saved (int         status,
              const char *out,
              const char *err)
{
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("fuzhu failed (status %d): %s", status, err);
  g_assert_nonnull (strstr (out, "Added note"));
}

static void
test_kills_during_edits (Fixture       *f,
                         gconstpointer  data)
{
  gint64 duration[2] = { 0, 0 };  /* a whole run, for an edit and a bulk change */
  guint committed = 1;
  guint kills = 0;
  guint kills_after_commit = 0;
  guint kills_in_bulk = 0;
  guint reported_kills = 0;
  guint rounds;

  /* The first item makes the database; how long runs take is measured on
   * the next ones, as the rest will be. */
  {
    FuzhuChild child;
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    int status = 0;

    start_item (&child, f->db, 0);
    run_to_end (&child, &status);
    fuzhu_child_collect (&child, &out, &err);
    assert_saved (status, out, err);
  }

  for (rounds = 0; kills < EDIT_KILLS_WANTED && rounds < MAX_ROUNDS; rounds++)
    {
      guint item = committed;
      gboolean bulk = item_is_bulk (item);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      FuzhuChild child;
      gboolean killed = FALSE;
      gboolean reported;
      int status = 0;
      guint present;

      start_item (&child, f->db, item);
      if (duration[bulk] == 0)
        duration[bulk] = run_to_end (&child, &status);
      else
        {
          g_usleep (kill_delay (duration[bulk]));
          killed = fuzhu_child_kill (&child, &status);
          adjust_duration (&duration[bulk], killed);
        }
      fuzhu_child_collect (&child, &out, &err);
      reported = strstr (out, "Added note") != NULL;
      if (!killed)
        assert_saved (status, out, err);

      present = check_prefix (f->db, committed, committed);
      /* A change reported saved, or a run that ended, is there. */
      if (reported || !killed)
        g_assert_cmpuint (present, ==, committed + 1);

      if (killed)
        {
          kills++;
          kills_in_bulk += bulk;
          kills_after_commit += present > committed;
          reported_kills += reported;
        }
      committed = present;
    }

  /* Every note once more, from the first. */
  g_assert_cmpuint (check_prefix (f->db, committed, 0), ==, committed);
  g_test_message ("%u kills survived in %u runs (%u of them in runs of a %u-note change); "
                  "%u came after the change was saved, %u of those after it was reported; "
                  "%u changes kept, none in part",
                  kills, rounds, kills_in_bulk, BULK_ROWS, kills_after_commit, reported_kills, committed);
  g_assert_cmpuint (kills, >=, EDIT_KILLS_WANTED);
}

static void
test_kills_during_creation (Fixture       *f,
                            gconstpointer  data)
{
  gint64 duration = 0;
  guint kills = 0;
  guint kept = 0;
  guint round;

  /* Each round a new database, killed while the file is made and the core's
   * and the plugins' schemas are applied; the next run must simply work. */
  for (round = 0; kills < CREATION_KILLS_WANTED && round < MAX_ROUNDS; round++)
    {
      g_autofree char *name = g_strdup_printf ("new-%u.db", round);
      g_autofree char *db = g_build_filename (f->dir, name, NULL);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *out2 = NULL;
      g_autofree char *err2 = NULL;
      g_autoptr(GPtrArray) notes = NULL;
      g_autoptr(GPtrArray) after = NULL;
      FuzhuChild child;
      gboolean killed = FALSE;
      int status = 0;
      guint count = 0;

      fuzhu_child_start (&child, db, "template", "add", "first", NULL);
      if (duration == 0)
        duration = run_to_end (&child, &status);
      else
        {
          g_usleep (kill_delay (duration));
          killed = fuzhu_child_kill (&child, &status);
          adjust_duration (&duration, killed);
        }
      fuzhu_child_collect (&child, &out, &err);
      if (!killed)
        assert_saved (status, out, err);

      notes = read_notes (db, 0, &count);
      g_assert_cmpuint (notes->len, <=, 1);
      if (notes->len == 1)
        g_assert_cmpstr (g_ptr_array_index (notes, 0), ==, "first");
      if (strstr (out, "Added note") || !killed)
        g_assert_cmpuint (notes->len, ==, 1);

      fuzhu_child_start (&child, db, "template", "add", "second", NULL);
      fuzhu_child_wait (&child, &status);
      fuzhu_child_collect (&child, &out2, &err2);
      assert_saved (status, out2, err2);
      after = read_notes (db, 0, &count);
      g_assert_cmpuint (after->len, ==, notes->len + 1);
      g_assert_cmpstr (g_ptr_array_index (after, notes->len), ==, "second");

      if (killed)
        {
          kills++;
          kept += notes->len;
        }
    }

  g_test_message ("%u kills survived while creating a database (%u after the first note was saved)",
                  kills, kept);
  g_assert_cmpuint (kills, >=, CREATION_KILLS_WANTED);
}

static void
test_kills_during_backup (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) notes = NULL;
  gint64 duration = 0;
  guint kills = 0;
  guint complete = 0;
  guint count = 0;
  guint round;

  /* A database of some size, so that the copy takes a moment. */
  {
    FuzhuChild child;
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    int status = 0;

    fuzhu_child_start (&child, f->db, "template", "add-many", "20000", "visit", NULL);
    fuzhu_child_wait (&child, &status);
    fuzhu_child_collect (&child, &out, &err);
    assert_saved (status, out, err);
  }
  notes = read_notes (f->db, 0, &count);

  /* A backup killed at any moment is not there under its name, or is there
   * whole: a half-made backup never carries the name it was given. */
  for (round = 0; kills < BACKUP_KILLS_WANTED && round < MAX_ROUNDS; round++)
    {
      g_autofree char *name = g_strdup_printf ("backup-%u.db", round);
      g_autofree char *dest = g_build_filename (f->dir, name, NULL);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      FuzhuChild child;
      gboolean killed = FALSE;
      int status = 0;

      fuzhu_child_start (&child, f->db, "backup", dest, NULL);
      if (duration == 0)
        duration = run_to_end (&child, &status);
      else
        {
          g_usleep (kill_delay (duration));
          killed = fuzhu_child_kill (&child, &status);
          adjust_duration (&duration, killed);
        }
      fuzhu_child_collect (&child, &out, &err);
      if (!killed)
        g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
      if (strstr (out, "Backed up") || !killed)
        g_assert_true (g_file_test (dest, G_FILE_TEST_IS_REGULAR));

      if (g_file_test (dest, G_FILE_TEST_EXISTS))
        {
          g_autoptr(GPtrArray) copy = read_notes (dest, 0, &count);

          g_assert_cmpuint (copy->len, ==, notes->len);
          for (guint i = 0; i < notes->len; i++)
            g_assert_cmpstr (g_ptr_array_index (copy, i), ==, g_ptr_array_index (notes, i));
          complete += killed;
        }
      kills += killed;
    }

  /* And the database itself is as it was. */
  {
    g_autoptr(GPtrArray) after = read_notes (f->db, 0, &count);
    g_assert_cmpuint (after->len, ==, notes->len);
  }
  g_test_message ("%u kills survived while backing up %u notes (%u after the backup was complete)",
                  kills, notes->len, complete);
  g_assert_cmpuint (kills, >=, BACKUP_KILLS_WANTED);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/Fuzhu/Crash/kills-during-edits", Fixture, NULL,
              fixture_setup, test_kills_during_edits, fixture_teardown);
  g_test_add ("/Fuzhu/Crash/kills-during-creation", Fixture, NULL,
              fixture_setup, test_kills_during_creation, fixture_teardown);
  g_test_add ("/Fuzhu/Crash/kills-during-backup", Fixture, NULL,
              fixture_setup, test_kills_during_backup, fixture_teardown);

  return g_test_run ();
}
