/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-backup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "fz-backup.h"
#include "fz-database-private.h"

G_DEFINE_QUARK (fz-backup-error-quark, fz_backup_error)

/* The first 16 bytes of every SQLite 3 file, NUL included. */
static const char sqlite_magic[16] = "SQLite format 3";

/* The files SQLite may keep beside a database. */
static const char * const companions[] = { "-journal", "-wal", "-shm" };

static void
remove_with_companions (const char *path)
{
  g_unlink (path);
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *other = g_strconcat (path, companions[i], NULL);
      g_unlink (other);
    }
}

static void
set_errno_error (GError     **error,
                 int          code,
                 int          saved_errno,
                 const char  *doing)
{
  g_set_error (error, FZ_BACKUP_ERROR, code, "%s: %s", doing, g_strerror (saved_errno));
}

static gboolean
sync_file (const char  *path,
           GError     **error)
{
  int fd = g_open (path, O_RDWR | O_CLOEXEC, 0);

  if (fd < 0 || fsync (fd) != 0)
    {
      int saved = errno;
      g_autofree char *doing = g_strdup_printf (_("Could not write %s"), path);

      if (fd >= 0)
        g_close (fd, NULL);
      set_errno_error (error, FZ_BACKUP_ERROR_FAILED, saved, doing);
      return FALSE;
    }
  return g_close (fd, error);
}

/* So that a rename survives a power cut. Some file systems cannot sync a
 * folder; the rename itself is still atomic there. */
static void
sync_folder (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      g_close (fd, NULL);
    }
}

/* A new empty file, owner-only, hidden beside where @base will go. */
static char *
make_temporary (const char  *dir,
                const char  *base,
                const char  *what,
                GError     **error)
{
  g_autofree char *name = g_strdup_printf (".%s.%s-XXXXXX", base, what);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  int fd = g_mkstemp_full (path, O_RDWR | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *doing = g_strdup_printf (_("Could not write in the folder %s"), dir);

      set_errno_error (error, FZ_BACKUP_ERROR_FAILED, saved, doing);
      return NULL;
    }
  g_close (fd, NULL);
  return g_steal_pointer (&path);
}

static gboolean
move_into_place (const char  *from,
                 const char  *to,
                 GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (to);

  if (!sync_file (from, error))
    return FALSE;
  if (g_rename (from, to) != 0)
    {
      int saved = errno;
      g_autofree char *doing = g_strdup_printf (_("Could not name the file %s"), to);

      set_errno_error (error, FZ_BACKUP_ERROR_FAILED, saved, doing);
      return FALSE;
    }
  sync_folder (dir);
  return TRUE;
}

/* Runs PRAGMA integrity_check or quick_check: *@problem is NULL when the
 * file is sound, or the first thing found wrong. */
static gboolean
run_check (FzDatabase  *db,
           const char  *sql,
           char       **problem,
           GError     **error)
{
  g_autoptr(FzStatement) st = fz_database_query (db, sql, NULL, error);
  g_autoptr(GError) local_error = NULL;

  *problem = NULL;
  if (st == NULL)
    return FALSE;
  if (fz_statement_step (st, &local_error))
    {
      const char *text = fz_statement_get_text (st, 0);

      if (g_strcmp0 (text, "ok") != 0)
        {
          /* Many lines; the first real one tells enough. */
          g_auto(GStrv) lines = g_strsplit (text ? text : "?", "\n", -1);
          guint i = 0;

          while (lines[i] && lines[i + 1] && g_str_has_prefix (lines[i], "***"))
            i++;
          *problem = g_strdup (lines[i] ? lines[i] : "?");
        }
      return TRUE;
    }
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* Copies @from into @to, which is empty. The error for both is set on @to,
 * as SQLite does. */
static gboolean
backup_into (FzDatabase  *to,
             FzDatabase  *from,
             const char  *doing,
             GError     **error)
{
  sqlite3 *dest = _fz_database_get_handle (to);
  sqlite3_backup *backup = sqlite3_backup_init (dest, "main", _fz_database_get_handle (from), "main");
  int rc;

  if (backup == NULL)
    {
      _fz_database_set_error (to, error, sqlite3_extended_errcode (dest), doing);
      return FALSE;
    }
  /* All pages in one step: one read transaction, so a consistent copy even
   * while another program writes. */
  sqlite3_backup_step (backup, -1);
  rc = sqlite3_backup_finish (backup);
  if (rc != SQLITE_OK)
    {
      _fz_database_set_error (to, error, rc, doing);
      return FALSE;
    }
  return TRUE;
}

/* Writes the new file @dest with the main database of @source: through a
 * temporary file, checked when @verify, synced, then renamed. */
static gboolean
copy_database (FzDatabase  *source,
               const char  *dest,
               gboolean     verify,
               GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (dest);
  g_autofree char *base = g_path_get_basename (dest);
  g_autofree char *tmp = NULL;
  g_autofree char *doing = NULL;
  g_autofree char *problem = NULL;
  g_autoptr(FzDatabase) out = NULL;

  if (g_file_test (dest, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, FZ_BACKUP_ERROR, FZ_BACKUP_ERROR_EXISTS,
                   _("%s is a folder: give the name of a new file"), dest);
      return FALSE;
    }
  if (g_file_test (dest, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, FZ_BACKUP_ERROR, FZ_BACKUP_ERROR_EXISTS,
                   _("%s exists already: give the name of a new file (nothing is overwritten)"), dest);
      return FALSE;
    }

  tmp = make_temporary (dir, base, "partial", error);
  if (tmp == NULL)
    return FALSE;

  doing = g_strdup_printf (_("Could not copy %s to %s"), fz_database_get_path (source), dest);
  out = _fz_database_open_plain (tmp, error);
  if (out == NULL || !backup_into (out, source, doing, error))
    goto failed;

  /* The copy carries the source's WAL flag: make it one self-contained file. */
  if (!fz_database_exec (out, "PRAGMA journal_mode = DELETE", error))
    {
      g_prefix_error (error, "%s: ", doing);
      goto failed;
    }
  if (verify)
    {
      g_autoptr(GError) check_error = NULL;

      if (!run_check (out, "PRAGMA quick_check", &problem, &check_error))
        problem = g_strdup (check_error->message);
      if (problem)
        {
          g_set_error (error, FZ_BACKUP_ERROR, FZ_BACKUP_ERROR_DAMAGED,
                       _("The database %s is damaged (%s): no backup was made. Restore the last good backup"),
                       fz_database_get_path (source), problem);
          goto failed;
        }
    }
  g_clear_object (&out);

  if (!move_into_place (tmp, dest, error))
    goto failed;
  return TRUE;

failed:
  if (error && *error && (*error)->domain == FZ_DATABASE_ERROR)
    {
      GError *db_error = g_steal_pointer (error);

      g_set_error_literal (error, FZ_BACKUP_ERROR, FZ_BACKUP_ERROR_FAILED, db_error->message);
      g_error_free (db_error);
    }
  g_clear_object (&out);
  remove_with_companions (tmp);
  return FALSE;
}

gboolean
fz_backup_database (FzDatabase  *db,
                    const char  *dest,
                    GError     **error)
{
  g_return_val_if_fail (FZ_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);
  /* A copy made inside a transaction would carry its uncommitted changes. */
  g_return_val_if_fail (!fz_database_in_transaction (db), FALSE);

  return copy_database (db, dest, TRUE, error);
}

/* Tells why @path cannot be read as a file, in words for the user. */
static gboolean
check_regular_file (const char  *path,
                    gboolean     is_backup,
                    GStatBuf    *st,
                    GError     **error)
{
  if (g_stat (path, st) != 0)
    {
      int saved = errno;

      if (saved == ENOENT && is_backup)
        g_set_error (error, FZ_BACKUP_ERROR, FZ_BACKUP_ERROR_NOT_FOUND, _("There is no file %s"), path);
      else if (saved == ENOENT)
        g_set_error (error, FZ_BACKUP_ERROR, FZ_BACKUP_ERROR_NOT_FOUND, _("There is no database at %s"), path);
      else
        {
          g_autofree char *doing = g_strdup_printf (_("Could not read %s"), path);
          set_errno_error (error, FZ_BACKUP_ERROR_FAILED, saved, doing);
        }
      return FALSE;
    }
  if (S_ISDIR (st->st_mode))
    {
      g_set_error (error, FZ_BACKUP_ERROR, FZ_BACKUP_ERROR_INVALID,
                   _("%s is a folder, not a database file"), path);
      return FALSE;
    }
  if (!S_ISREG (st->st_mode))
    {
      g_set_error (error, FZ_BACKUP_ERROR, FZ_BACKUP_ERROR_INVALID,
                   _("%s is not a regular file"), path);
      return FALSE;
    }
  return TRUE;
}

gboolean
fz_backup_file (const char  *path,
                const char  *dest,
                GError     **error)
{
  g_autoptr(FzDatabase) db = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);

  if (!check_regular_file (path, FALSE, &st, error))
    return FALSE;
  db = _fz_database_open_plain (path, &local_error);
  if (db == NULL)
    {
      g_set_error_literal (error, FZ_BACKUP_ERROR, FZ_BACKUP_ERROR_FAILED, local_error->message);
      return FALSE;
    }
  return copy_database (db, dest, TRUE, error);
}

/* A private copy of the backup @path in @dir, so that checking it and
 * copying from it cannot change it or be changed by anyone. */
static char *
copy_candidate (const char  *path,
                const char  *dir,
                const char  *base,
                GError     **error)
{
  g_autofree char *copy = NULL;
  g_autofree char *buffer = NULL;
  char header[sizeof sqlite_magic];
  GStatBuf st;
  gssize n;
  int in = -1;
  int out = -1;
  int saved = 0;

  if (!check_regular_file (path, TRUE, &st, error))
    return NULL;
  if (st.st_size == 0)
    {
      g_set_error (error, FZ_BACKUP_ERROR, FZ_BACKUP_ERROR_INVALID,
                   _("%s is empty: it is not a Fuzhu database"), path);
      return NULL;
    }

  in = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (in < 0)
    {
      g_autofree char *doing = g_strdup_printf (_("Could not read %s"), path);
      set_errno_error (error, FZ_BACKUP_ERROR_FAILED, errno, doing);
      return NULL;
    }
  n = read (in, header, sizeof header);
  if (n != (gssize) sizeof header || memcmp (header, sqlite_magic, sizeof header) != 0)
    {
      g_set_error (error, FZ_BACKUP_ERROR, FZ_BACKUP_ERROR_INVALID,
                   _("%s is not a Fuzhu database: it is not an SQLite file"), path);
      g_close (in, NULL);
      return NULL;
    }

  copy = make_temporary (dir, base, "restore", error);
  if (copy == NULL)
    {
      g_close (in, NULL);
      return NULL;
    }
  out = g_open (copy, O_WRONLY | O_CLOEXEC, 0);
  if (out < 0 || lseek (in, 0, SEEK_SET) != 0)
    saved = errno;

  buffer = g_malloc (1 << 16);
  while (saved == 0)
    {
      n = read (in, buffer, 1 << 16);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          saved = n < 0 ? errno : 0;
          break;
        }
      for (gssize done = 0; done < n && saved == 0;)
        {
          gssize w = write (out, buffer + done, n - done);

          if (w < 0 && errno != EINTR)
            saved = errno;
          else if (w > 0)
            done += w;
        }
    }
  if (saved == 0 && fsync (out) != 0)
    saved = errno;
  g_close (in, NULL);
  if (out >= 0)
    g_close (out, NULL);

  if (saved != 0)
    {
      g_autofree char *doing = g_strdup_printf (_("Could not copy %s to %s"), path, dir);

      set_errno_error (error, FZ_BACKUP_ERROR_FAILED, saved, doing);
      remove_with_companions (copy);
      return NULL;
    }
  return g_steal_pointer (&copy);
}

/* Opens the private copy @copy of the backup @shown and checks that it can
 * become the database. */
static FzDatabase *
check_candidate (const char  *copy,
                 const char  *shown,
                 GError     **error)
{
  g_autoptr(FzDatabase) db = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(FzStatement) st = NULL;
  g_autofree char *problem = NULL;
  gint64 has_schema = 0;

  db = _fz_database_open_plain (copy, &local_error);
  if (db == NULL)
    {
      g_set_error (error, FZ_BACKUP_ERROR, FZ_BACKUP_ERROR_INVALID,
                   _("%s is not a Fuzhu database: %s"), shown, local_error->message);
      return NULL;
    }

  /* A copy of a database that was in use may be in WAL mode: one file again. */
  if (!fz_database_exec (db, "PRAGMA journal_mode = DELETE", &local_error) ||
      !run_check (db, "PRAGMA integrity_check", &problem, &local_error))
    {
      if (g_error_matches (local_error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_CORRUPT))
        {
          g_set_error (error, FZ_BACKUP_ERROR, FZ_BACKUP_ERROR_DAMAGED,
                       _("%s is damaged or cut short: it cannot be restored"), shown);
          return NULL;
        }
      problem = g_strdup (local_error->message);
    }
  if (problem == NULL)
    {
      st = fz_database_query (db, "PRAGMA foreign_key_check", NULL, &local_error);
      if (st == NULL)
        problem = g_strdup (local_error->message);
      else if (fz_statement_step (st, &local_error))
        problem = g_strdup_printf (_("a row of the table %s refers to a row that does not exist"),
                                   fz_statement_get_text (st, 0));
      else if (local_error)
        problem = g_strdup (local_error->message);
      g_clear_pointer (&st, fz_statement_unref);
    }
  if (problem)
    {
      g_set_error (error, FZ_BACKUP_ERROR, FZ_BACKUP_ERROR_DAMAGED,
                   _("%s is damaged (%s): it cannot be restored"), shown, problem);
      return NULL;
    }

  if (!fz_database_query_int64 (db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'fz_schema'",
                                NULL, &has_schema, NULL, &local_error))
    {
      g_set_error (error, FZ_BACKUP_ERROR, FZ_BACKUP_ERROR_DAMAGED,
                   _("%s is damaged (%s): it cannot be restored"), shown, local_error->message);
      return NULL;
    }
  if (!has_schema)
    {
      g_set_error (error, FZ_BACKUP_ERROR, FZ_BACKUP_ERROR_INVALID,
                   _("%s is an SQLite database, but not one of Fuzhu's (it has no fz_schema table)"), shown);
      return NULL;
    }
  if (!_fz_database_check_core_versions (db, &local_error))
    {
      if (g_error_matches (local_error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_TOO_NEW))
        g_set_error (error, FZ_BACKUP_ERROR, FZ_BACKUP_ERROR_TOO_NEW,
                     _("%s was made by a newer Fuzhu than this one: install that Fuzhu to restore it"), shown);
      else
        g_set_error (error, FZ_BACKUP_ERROR, FZ_BACKUP_ERROR_DAMAGED,
                     _("%s is damaged (%s): it cannot be restored"), shown, local_error->message);
      return NULL;
    }
  return g_steal_pointer (&db);
}

static char *
kept_name (const char *database_path)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  char *name = g_strdup_printf ("%s.before-restore-%s", database_path, stamp);

  for (guint i = 2; g_file_test (name, G_FILE_TEST_EXISTS); i++)
    {
      g_free (name);
      name = g_strdup_printf ("%s.before-restore-%s-%u", database_path, stamp, i);
    }
  return name;
}

/* Renames the database at @path (if any) and its WAL to @kept, and drops its
 * shared-memory index, so that nothing of it can be mixed into the file put
 * in its place. Only for a file no program can be using. */
static gboolean
set_aside (const char  *path,
           const char  *kept,
           GError     **error)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *kept_wal = g_strconcat (kept, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  if ((g_file_test (path, G_FILE_TEST_EXISTS) && g_rename (path, kept) != 0) ||
      (g_file_test (wal, G_FILE_TEST_EXISTS) && g_rename (wal, kept_wal) != 0))
    {
      int saved = errno;
      g_autofree char *doing = g_strdup_printf (_("Could not keep %s as %s"), path, kept);

      set_errno_error (error, FZ_BACKUP_ERROR_FAILED, saved, doing);
      return FALSE;
    }
  g_unlink (shm);
  return TRUE;
}

/* SQLite copies into a WAL database only between equal page sizes. */
static gboolean
match_page_size (FzDatabase  *candidate,
                 FzDatabase  *live,
                 GError     **error)
{
  gint64 want = 0;
  gint64 have = 0;
  g_autofree char *sql = NULL;

  if (!fz_database_query_int64 (live, "PRAGMA page_size", NULL, &want, NULL, error) ||
      !fz_database_query_int64 (candidate, "PRAGMA page_size", NULL, &have, NULL, error))
    return FALSE;
  if (want == have)
    return TRUE;
  sql = g_strdup_printf ("PRAGMA page_size = %" G_GINT64_FORMAT, want);
  return fz_database_exec (candidate, sql, error) && fz_database_exec (candidate, "VACUUM", error);
}

gboolean
fz_backup_restore (const char  *database_path,
                   const char  *backup_path,
                   char       **kept_path,
                   GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *doing = NULL;
  g_autoptr(FzDatabase) candidate = NULL;
  g_autoptr(FzDatabase) live = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean had_database;
  gboolean ok = FALSE;

  g_return_val_if_fail (database_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  if (kept_path)
    *kept_path = NULL;
  dir = g_path_get_dirname (database_path);
  base = g_path_get_basename (database_path);
  doing = g_strdup_printf (_("Could not restore %s from %s"), database_path, backup_path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_autofree char *what = g_strdup_printf (_("Could not create the folder %s"), dir);
      set_errno_error (error, FZ_BACKUP_ERROR_FAILED, errno, what);
      return FALSE;
    }

  copy = copy_candidate (backup_path, dir, base, error);
  if (copy == NULL)
    return FALSE;
  candidate = check_candidate (copy, backup_path, error);
  if (candidate == NULL)
    goto out;

  kept = kept_name (database_path);
  had_database = g_file_test (database_path, G_FILE_TEST_EXISTS);
  if (!had_database)
    {
      g_clear_object (&candidate);
      ok = set_aside (database_path, kept, error) && move_into_place (copy, database_path, error);
      g_clear_pointer (&kept, g_free);
      goto out;
    }

  live = _fz_database_open_plain (database_path, &local_error);
  /* Hold the database alone until the end: in WAL mode every open
   * connection keeps a shared lock, so this fails while a Fuzhu window or
   * command has it open, and keeps others out once it succeeds. */
  if (live == NULL ||
      !fz_database_exec (live, "PRAGMA locking_mode = EXCLUSIVE", &local_error) ||
      !fz_database_exec (live, "BEGIN EXCLUSIVE", &local_error) ||
      !fz_database_exec (live, "COMMIT", &local_error))
    {
      if (g_error_matches (local_error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_BUSY))
        g_set_error (error, FZ_BACKUP_ERROR, FZ_BACKUP_ERROR_BUSY,
                     _("%s is in use by another program (a Fuzhu window or command): close it and try again. Nothing was changed"),
                     database_path);
      else if (g_error_matches (local_error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_CORRUPT))
        {
          /* Not a database SQLite can read, so no program can be using it:
           * the file is set aside whole and the backup takes its place. */
          g_clear_object (&live);
          g_clear_object (&candidate);
          ok = set_aside (database_path, kept, error) && move_into_place (copy, database_path, error);
        }
      else
        g_set_error (error, FZ_BACKUP_ERROR, FZ_BACKUP_ERROR_FAILED, "%s: %s", doing, local_error->message);
      goto out;
    }

  if (!match_page_size (candidate, live, &local_error))
    {
      g_set_error (error, FZ_BACKUP_ERROR, FZ_BACKUP_ERROR_FAILED, "%s: %s", doing, local_error->message);
      goto out;
    }
  /* A faithful copy, damaged or not: it may be what someone needs later. */
  if (!copy_database (live, kept, FALSE, error))
    goto out;
  /* One write transaction on the live file: all of the backup or none. */
  if (!backup_into (live, candidate, doing, &local_error))
    {
      g_set_error_literal (error, FZ_BACKUP_ERROR, FZ_BACKUP_ERROR_FAILED, local_error->message);
      g_unlink (kept);
      goto out;
    }
  ok = TRUE;

out:
  g_clear_object (&candidate);
  g_clear_object (&live);
  remove_with_companions (copy);
  if (ok && kept_path)
    *kept_path = g_steal_pointer (&kept);
  return ok;
}

char *
fz_backup_get_folder (const char *database_path)
{
  g_autofree char *dir = g_path_get_dirname (database_path);

  return g_build_filename (dir, "backups", NULL);
}

/* "county" for county.db: the automatic backups are county-YYYY-MM-DD.db. */
static char *
backup_stem (const char *database_path)
{
  char *base = g_path_get_basename (database_path);
  size_t len = strlen (base);

  if (len > 3 && g_str_has_suffix (base, ".db"))
    base[len - 3] = '\0';
  return base;
}

static gboolean
is_automatic_name (const char *name,
                   const char *stem)
{
  size_t n = strlen (stem);
  const char *date;

  if (strncmp (name, stem, n) != 0 || name[n] != '-')
    return FALSE;
  date = name + n + 1;
  if (strlen (date) != strlen ("YYYY-MM-DD.db") || !g_str_has_suffix (date, ".db"))
    return FALSE;
  for (guint i = 0; i < strlen ("YYYY-MM-DD"); i++)
    if ((i == 4 || i == 7) ? date[i] != '-' : !g_ascii_isdigit (date[i]))
      return FALSE;
  return TRUE;
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  return -strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Leaves @keep automatic backups of @stem in @folder, @current among them. */
static gboolean
prune (const char  *folder,
       const char  *stem,
       const char  *current,
       guint        keep,
       GError     **error)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)))
    /* The day's backup stays whatever the others are dated (a clock set wrong). */
    if (is_automatic_name (name, stem) && !g_str_equal (name, current))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, newest_first);

  for (guint i = keep - 1; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);

      if (g_unlink (path) != 0)
        {
          int saved = errno;
          g_autofree char *doing = g_strdup_printf (_("Could not remove the old backup %s"), path);

          set_errno_error (error, FZ_BACKUP_ERROR_FAILED, saved, doing);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
fz_backup_automatic (FzDatabase  *db,
                     guint        keep,
                     GDateTime   *now,
                     char       **made_path,
                     GError     **error)
{
  const char *path;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *date = NULL;
  g_autofree char *name = NULL;
  g_autofree char *dest = NULL;
  gboolean made = FALSE;
  gboolean ok;

  g_return_val_if_fail (FZ_IS_DATABASE (db), FALSE);

  if (made_path)
    *made_path = NULL;
  path = fz_database_get_path (db);
  if (g_str_equal (path, ":memory:"))
    return TRUE;

  folder = fz_backup_get_folder (path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      g_autofree char *doing = g_strdup_printf (_("Could not create the backup folder %s"), folder);
      set_errno_error (error, FZ_BACKUP_ERROR_FAILED, errno, doing);
      return FALSE;
    }

  local = now ? g_date_time_to_local (now) : g_date_time_new_now_local ();
  date = g_date_time_format (local, "%Y-%m-%d");
  stem = backup_stem (path);
  name = g_strdup_printf ("%s-%s.db", stem, date);
  dest = g_build_filename (folder, name, NULL);

  if (!g_file_test (dest, G_FILE_TEST_EXISTS))
    {
      if (!fz_backup_database (db, dest, error))
        return FALSE;
      made = TRUE;
    }
  ok = prune (folder, stem, name, MAX (keep, 1), error);
  if (made && made_path)
    *made_path = g_steal_pointer (&dest);
  return ok;
}
