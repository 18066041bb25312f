/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-single-instance"

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <sys/wait.h>
#include <unistd.h>
#include <gio/gio.h>

#include "fuzhu-child.h"

/* The window started again, as a GNOME user does from the dash while it is
 * open: the second `fuzhu` finds the first on the session bus (GApplication),
 * has it raise its window and exits at once, with no window and no
 * database of its own. The real program, on the test's display and D-Bus
 * session (build-aux/dev test: xvfb-run, dbus-run-session); FUZHU_TEST_REPORT
 * has each say on stdout when it starts up as the first instance (which is
 * when it opens the database) and when it is activated. */

/* Generous: the sanitizer build is several times slower. */
#define START_SECONDS  120
#define SECOND_SECONDS 30

typedef struct {
  FuzhuChild  child;
  GString    *out;
} Running;

/* Reads what @r wrote so far, waiting until @line has come @count times or
 * @seconds have passed; FALSE then, or when the pipe closed first. */
static gboolean
wait_for_lines (Running    *r,
                const char *line,
                guint       count,
                double      seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);
  g_autofree char *needle = g_strconcat (line, "\n", NULL);

  for (;;)
    {
      GPollFD pfd = { r->child.out_fd, G_IO_IN | G_IO_HUP, 0 };
      guint seen = 0;
      gint64 left;
      char buffer[4096];
      gssize n;

      for (const char *p = strstr (r->out->str, needle); p; p = strstr (p + 1, needle))
        seen++;
      if (seen >= count)
        return TRUE;
      left = deadline - g_get_monotonic_time ();
      if (left <= 0)
        return FALSE;
      if (g_poll (&pfd, 1, (int) (left / 1000) + 1) <= 0)
        continue;
      n = read (r->child.out_fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      g_string_append_len (r->out, buffer, n);
    }
}

/* Waits for @r to end, for at most @seconds; FALSE when it has not. */
static gboolean
wait_for_exit (Running *r,
               double   seconds,
               int     *status)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (!fuzhu_child_poll (&r->child, status))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_usleep (20 * 1000);
    }
  return TRUE;
}

static void
finish (Running  *r,
        char    **err)
{
  g_autofree char *rest = NULL;

  fuzhu_child_collect (&r->child, &rest, err);
  g_string_append (r->out, rest);
}

/* Before failing: a window left running would outlive the test. */
static void
stop (Running *r)
{
  int status;

  if (r->child.pid)
    fuzhu_child_kill (&r->child, &status);
}

/* The application id of a Fuzhu on @db, as fz_application_id_for_database()
 * makes it for a database that is not the default one: the contract the
 * desktop and this test rely on. */
static char *
app_id_for (const char *db)
{
  g_autofree char *path = g_canonicalize_filename (db, NULL);
  g_autofree char *checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, path, -1);

  checksum[16] = '\0';
  return g_strconcat (APP_ID ".Database", checksum, NULL);
}

/* Quits the Fuzhu on @db as the menu's Quit does, over D-Bus, and waits
 * for it to end with status 0. */
static void
quit (Running    *r,
      const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_autoptr(GVariant) reply = NULL;
  g_autofree char *id = app_id_for (db);
  g_autofree char *object_path = g_strdelimit (g_strconcat ("/", id, NULL), ".", '/');
  g_autofree char *err = NULL;
  int status = 0;

  if (bus)
    reply = g_dbus_connection_call_sync (bus, id, object_path, "org.gtk.Actions", "Activate",
                                         g_variant_new ("(sava{sv})", "quit", NULL, NULL),
                                         NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  if (error || !wait_for_exit (r, START_SECONDS, &status))
    {
      stop (r);
      g_error ("The fuzhu on %s did not quit: %s", db, error ? error->message : "still running");
    }
  finish (r, &err);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("The fuzhu on %s ended with status %d: %s", db, status, err);
}

static void
test_second_raises_first (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fuzhu-single-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "county.db", NULL);
  g_autofree char *first_err = NULL;
  g_autofree char *second_err = NULL;
  g_autofree char *cmd = NULL;
  Running first = { { 0 }, g_string_new (NULL) };
  Running second = { { 0 }, g_string_new (NULL) };
  gint64 started;
  int status = 0;

  g_assert_no_error (error);
  g_setenv ("FUZHU_TEST_REPORT", "1", TRUE);

  fuzhu_child_start (&first.child, db, NULL);
  if (!wait_for_lines (&first, "fuzhu-test: activate windows=1", 1, START_SECONDS))
    {
      finish (&first, &first_err);
      g_error ("The first fuzhu did not open its window: %s\n%s", first.out->str, first_err);
    }
  if (!g_str_has_prefix (first.out->str, "fuzhu-test: startup windows=0\n"))
    {
      stop (&first);
      g_error ("The first fuzhu did not start up first: %s", first.out->str);
    }

  /* Started again, on the same database. */
  started = g_get_monotonic_time ();
  fuzhu_child_start (&second.child, db, NULL);
  if (!wait_for_exit (&second, SECOND_SECONDS, &status))
    {
      stop (&second);
      stop (&first);
      g_error ("The second fuzhu was still running after %d s", SECOND_SECONDS);
    }
  g_test_message ("the second fuzhu exited after %.2f s",
                  (double) (g_get_monotonic_time () - started) / G_USEC_PER_SEC);
  finish (&second, &second_err);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      stop (&first);
      g_error ("The second fuzhu ended with status %d: %s", status, second_err);
    }
  /* It neither started up (so never opened the database) nor made a window. */
  if (second.out->len > 0)
    {
      stop (&first);
      g_error ("The second fuzhu started up itself: %s", second.out->str);
    }

  /* The first was activated, and still has its one window. */
  if (!wait_for_lines (&first, "fuzhu-test: activate windows=1", 2, SECOND_SECONDS) ||
      strstr (first.out->str, "windows=2") != NULL)
    {
      stop (&first);
      g_error ("The first fuzhu was not activated again, with its one window: %s", first.out->str);
    }

  /* Closed as the menu's Quit closes it: it ends on its own, status 0. */
  quit (&first, db);

  g_string_free (first.out, TRUE);
  g_string_free (second.out, TRUE);
  cmd = g_strdup_printf ("rm -rf '%s'", dir);
  g_assert_cmpint (system (cmd), ==, 0);
}

/* Started on another database while one is open, Fuzhu opens that one in a
 * window of its own: it is not the first one's window raised. */
static void
test_other_database_opens_its_own (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fuzhu-single-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "county.db", NULL);
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  g_autofree char *cmd = NULL;
  Running first = { { 0 }, g_string_new (NULL) };
  Running second = { { 0 }, g_string_new (NULL) };

  g_assert_no_error (error);
  g_setenv ("FUZHU_TEST_REPORT", "1", TRUE);
  fuzhu_child_start (&first.child, db, NULL);
  if (!wait_for_lines (&first, "fuzhu-test: activate windows=1", 1, START_SECONDS))
    {
      stop (&first);
      g_error ("The first fuzhu did not open its window: %s", first.out->str);
    }
  fuzhu_child_start (&second.child, other, NULL);
  if (!wait_for_lines (&second, "fuzhu-test: activate windows=1", 1, START_SECONDS) ||
      !g_str_has_prefix (second.out->str, "fuzhu-test: startup windows=0\n"))
    {
      stop (&second);
      stop (&first);
      g_error ("The fuzhu on another database did not open its own window: %s", second.out->str);
    }
  /* It made its own database; the first was left alone. */
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  if (wait_for_lines (&first, "fuzhu-test: activate windows=1", 2, 1))
    {
      stop (&second);
      stop (&first);
      g_error ("The first fuzhu was activated by the second: %s", first.out->str);
    }
  quit (&second, other);
  quit (&first, db);
  g_string_free (first.out, TRUE);
  g_string_free (second.out, TRUE);
  cmd = g_strdup_printf ("rm -rf '%s'", dir);
  g_assert_cmpint (system (cmd), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("fuzhu-single-home-XXXXXX", NULL);
  g_autofree char *cleanup = g_strdup_printf ("rm -rf '%s'", home);
  int status;

  /* The user's folders are private to this run, but not the system's, as in
   * test-window.c: G_TEST_OPTION_ISOLATE_DIRS would hide the MIME database,
   * and GTK could not read the window's SVG icon. */
  for (guint i = 0; i < 4; i++)
    {
      const char *vars[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" };
      g_autofree char *dir = g_build_filename (home, vars[i], NULL);
      g_setenv (vars[i], dir, TRUE);
    }

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_message ("No display: run the tests under xvfb-run");
      g_assert_cmpint (system (cleanup), ==, 0);
      return 77;
    }
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_message ("No session bus: run the tests under dbus-run-session");
      g_assert_cmpint (system (cleanup), ==, 0);
      return 77;
    }

  g_test_add_func ("/Fuzhu/SingleInstance/second-raises-first", test_second_raises_first);
  g_test_add_func ("/Fuzhu/SingleInstance/other-database-opens-its-own", test_other_database_opens_its_own);

  status = g_test_run ();
  g_assert_cmpint (system (cleanup), ==, 0);
  return status;
}
