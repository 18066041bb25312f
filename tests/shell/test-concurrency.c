/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-concurrency"

#include "config.h"

#include <locale.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include "fuzhu-child.h"

/* Command-line processes on one database at once: two writers, each a
 * series of `fuzhu` runs one after the other, while a third makes backups.
 * They start on a database that does not exist yet, so they race to make
 * it too. Every change reported saved must be there, whole, in its writer's
 * order; a change refused as busy must be absent; the file stays sound. */

#define RUNS_PER_WRITER 16
#define BULK_ROWS 1000
#define BACKUPS 4

typedef struct _Stress Stress;

typedef struct {
  Stress     *stress;
  char        name;            /* 'A' or 'B', or 'C' for the backups */
  guint       next;            /* the run to start next */
  FuzhuChild  child;
  gboolean    saved[RUNS_PER_WRITER];
  guint       busy;
} Writer;

struct _Stress {
  char      *dir;
  char      *db;
  GMainLoop *loop;
  guint      running;
  Writer     writers[3];
};

static gboolean
run_is_bulk (guint run)
{
  return run % 4 == 3;
}

static guint
run_rows (guint run)
{
  return run_is_bulk (run) ? BULK_ROWS : 1;
}

static char *
run_body (char  writer,
          guint run,
          guint row)
{
  if (run_is_bulk (run))
    return g_strdup_printf ("%c batch %u %u/%u", writer, run, row + 1, BULK_ROWS);
  return g_strdup_printf ("%c edit %u", writer, run);
}

static void start_next (Writer *w);

static void
child_ended (GPid     pid,
             int      status,
             gpointer data)
{
  Writer *w = data;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  guint run = w->next - 1;

  fuzhu_child_collect (&w->child, &out, &err);
  if (!WIFEXITED (status))
    g_error ("fuzhu (writer %c, run %u) did not exit: %s", w->name, run, err);

  if (WEXITSTATUS (status) == 0)
    {
      g_assert_cmpstr (err, ==, "");
      if (w->name == 'C')
        g_assert_true (g_str_has_prefix (out, "Backed up "));
      else
        {
          g_assert_nonnull (strstr (out, "Added note"));
          w->saved[run] = TRUE;
        }
    }
  else
    {
      /* The only acceptable refusal: waited the busy timeout out. */
      if (WEXITSTATUS (status) != 1 || strstr (err, "database is busy") == NULL)
        g_error ("fuzhu (writer %c, run %u) failed with %d: %s", w->name, run, WEXITSTATUS (status), err);
      g_assert_cmpstr (out, ==, "");
      w->busy++;
    }
  start_next (w);
}

static void
start_next (Writer *w)
{
  Stress *s = w->stress;
  guint run = w->next;

  if (run >= (w->name == 'C' ? BACKUPS : RUNS_PER_WRITER))
    {
      if (--s->running == 0)
        g_main_loop_quit (s->loop);
      return;
    }
  w->next++;

  if (w->name == 'C')
    {
      g_autofree char *name = g_strdup_printf ("backup-%u.db", run);
      g_autofree char *file = g_build_filename (s->dir, name, NULL);

      fuzhu_child_start (&w->child, s->db, "backup", file, NULL);
    }
  else if (run_is_bulk (run))
    {
      g_autofree char *text = g_strdup_printf ("%c batch %u", w->name, run);
      g_autofree char *rows = g_strdup_printf ("%u", BULK_ROWS);

      fuzhu_child_start (&w->child, s->db, "template", "add-many", rows, text, NULL);
    }
  else
    {
      g_autofree char *text = g_strdup_printf ("%c edit %u", w->name, run);

      fuzhu_child_start (&w->child, s->db, "template", "add", text, NULL);
    }
  g_child_watch_add (w->child.pid, child_ended, w);
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

/* Checks that @path is sound and returns its notes in the order made. */
static GPtrArray *
read_notes (const char *path)
{
  GPtrArray *notes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *check = NULL;
  g_autofree char *dangling = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  check = query_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  dangling = query_text (db, "PRAGMA foreign_key_check");
  g_assert_null (dangling);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT body FROM template_note ORDER BY id", -1, &st, NULL), ==, SQLITE_OK);
  while (sqlite3_step (st) == SQLITE_ROW)
    g_ptr_array_add (notes, g_strdup ((const char *) sqlite3_column_text (st, 0)));
  g_assert_cmpint (sqlite3_finalize (st), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return notes;
}

/* The notes of @writer in @notes must be its saved runs, whole and in order;
 * with @complete, all of them, else a prefix of them (a backup taken while it
 * wrote). Returns how many runs were found. */
static guint
check_writer (GPtrArray    *notes,
              const Writer *w,
              gboolean      complete)
{
  guint run = 0;
  guint row = 0;
  guint found = 0;

  for (guint i = 0; i < notes->len; i++)
    {
      const char *body = g_ptr_array_index (notes, i);
      g_autofree char *expected = NULL;

      if (body[0] != w->name)
        continue;
      while (run < RUNS_PER_WRITER && !w->saved[run])
        run++;
      g_assert_cmpuint (run, <, RUNS_PER_WRITER);
      expected = run_body (w->name, run, row);
      g_assert_cmpstr (body, ==, expected);
      if (++row == run_rows (run))
        {
          found++;
          run++;
          row = 0;
        }
    }
  /* No half change at the end either. */
  g_assert_cmpuint (row, ==, 0);
  if (complete)
    {
      guint saved = 0;

      for (guint r = 0; r < RUNS_PER_WRITER; r++)
        saved += w->saved[r];
      g_assert_cmpuint (found, ==, saved);
    }
  return found;
}

static void
test_two_writers_and_backups (void)
{
  Stress s = { 0 };
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *cmd = NULL;
  guint saved = 0;
  guint total_rows = 0;

  s.dir = g_dir_make_tmp ("fuzhu-concurrency-XXXXXX", NULL);
  s.db = g_build_filename (s.dir, "county.db", NULL);
  s.loop = g_main_loop_new (NULL, FALSE);
  s.running = G_N_ELEMENTS (s.writers);

  for (guint i = 0; i < G_N_ELEMENTS (s.writers); i++)
    {
      s.writers[i].stress = &s;
      s.writers[i].name = (char) ('A' + i);
    }
  /* The writers first, both on the database that is not there yet; the
   * backups once it is. */
  start_next (&s.writers[0]);
  start_next (&s.writers[1]);
  while (!g_file_test (s.db, G_FILE_TEST_EXISTS) || s.writers[0].next < 2)
    g_main_context_iteration (NULL, TRUE);
  start_next (&s.writers[2]);
  g_main_loop_run (s.loop);

  notes = read_notes (s.db);
  for (guint i = 0; i < 2; i++)
    {
      const Writer *w = &s.writers[i];

      check_writer (notes, w, TRUE);
      for (guint r = 0; r < RUNS_PER_WRITER; r++)
        if (w->saved[r])
          {
            saved++;
            total_rows += run_rows (r);
          }
    }
  /* Nothing but what the two wrote. */
  g_assert_cmpuint (notes->len, ==, total_rows);

  /* Each backup, taken in the middle of the writing, is sound and holds a
   * consistent moment: a prefix of each writer's changes. */
  for (guint b = 0; b < BACKUPS; b++)
    {
      g_autofree char *name = g_strdup_printf ("backup-%u.db", b);
      g_autofree char *file = g_build_filename (s.dir, name, NULL);
      g_autoptr(GPtrArray) copy = read_notes (file);
      guint a = check_writer (copy, &s.writers[0], FALSE);
      guint bb = check_writer (copy, &s.writers[1], FALSE);

      g_test_message ("backup %u holds %u of A's changes and %u of B's", b, a, bb);
    }

  g_test_message ("%u of %u changes saved by two writers at once, %u refused as busy, "
                  "%u notes, %u backups taken meanwhile",
                  saved, 2 * RUNS_PER_WRITER, s.writers[0].busy + s.writers[1].busy,
                  notes->len, BACKUPS);
  g_assert_cmpuint (s.writers[2].busy, ==, 0);

  cmd = g_strdup_printf ("rm -rf '%s'", s.dir);
  g_assert_cmpint (system (cmd), ==, 0);
  g_main_loop_unref (s.loop);
  g_free (s.db);
  g_free (s.dir);
}

/* Four processes start on a database that does not exist yet, again and
 * again: each makes or finds it. Only waiting out the busy timeout (on a
 * machine loaded far beyond its cores) may refuse one, and then its note is
 * not there; test-database's open-while-another-writes shows that none is
 * refused at once. */
static void
test_many_create_at_once (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fuzhu-concurrency-XXXXXX", NULL);
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
  guint refused = 0;

  for (guint round = 0; round < 10; round++)
    {
      g_autofree char *name = g_strdup_printf ("new-%u.db", round);
      g_autofree char *db = g_build_filename (dir, name, NULL);
      g_autoptr(GPtrArray) notes = NULL;
      FuzhuChild children[4];
      gboolean saved[4] = { FALSE, };
      guint n_saved = 0;

      for (guint i = 0; i < G_N_ELEMENTS (children); i++)
        {
          g_autofree char *text = g_strdup_printf ("%c edit %u", 'A' + i, round);
          fuzhu_child_start (&children[i], db, "template", "add", text, NULL);
        }
      for (guint i = 0; i < G_N_ELEMENTS (children); i++)
        {
          g_autofree char *out = NULL;
          g_autofree char *err = NULL;
          int status = 0;

          fuzhu_child_wait (&children[i], &status);
          fuzhu_child_collect (&children[i], &out, &err);
          if (WIFEXITED (status) && WEXITSTATUS (status) == 0)
            {
              saved[i] = TRUE;
              n_saved++;
            }
          else if (WIFEXITED (status) && WEXITSTATUS (status) == 1 && strstr (err, "database is busy"))
            refused++;
          else
            g_error ("fuzhu (round %u, process %u) failed with %d: %s", round, i, status, err);
        }
      notes = read_notes (db);
      g_assert_cmpuint (notes->len, ==, n_saved);
      for (guint i = 0; i < G_N_ELEMENTS (children); i++)
        {
          g_autofree char *text = g_strdup_printf ("%c edit %u", 'A' + i, round);
          gboolean found = FALSE;

          for (guint k = 0; k < notes->len; k++)
            found |= g_str_equal (g_ptr_array_index (notes, k), text);
          g_assert_true (found == saved[i]);
        }
    }
  g_test_message ("40 processes made 10 new databases four at a time; %u waited out the busy timeout",
                  refused);
  g_assert_cmpint (system (cmd), ==, 0);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Fuzhu/Concurrency/two-writers-and-backups", test_two_writers_and_backups);
  g_test_add_func ("/Fuzhu/Concurrency/many-create-at-once", test_many_create_at_once);

  return g_test_run ();
}
