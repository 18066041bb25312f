/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined(FUZHU_INSIDE) && !defined(FUZHU_COMPILATION)
# error "Only <fuzhu.h> can be included directly."
#endif

#include <gio/gio.h>

#include "fz-types.h"

G_BEGIN_DECLS

#define FZ_BACKUP_ERROR (fz_backup_error_quark ())

typedef enum {
  FZ_BACKUP_ERROR_FAILED,    /* a file could not be read or written; the message says which */
  FZ_BACKUP_ERROR_NOT_FOUND, /* there is no file at that path */
  FZ_BACKUP_ERROR_EXISTS,    /* the backup file exists already: nothing is overwritten */
  FZ_BACKUP_ERROR_INVALID,   /* not a Fuzhu database: empty, a folder, not SQLite, no fz_schema */
  FZ_BACKUP_ERROR_DAMAGED,   /* an SQLite file that fails its integrity or reference check */
  FZ_BACKUP_ERROR_TOO_NEW,   /* made by a newer Fuzhu than this one */
  FZ_BACKUP_ERROR_BUSY,      /* another program has the database open */
} FzBackupError;

GQuark    fz_backup_error_quark   (void);

/* Copies @db as it is now to the new file @dest with SQLite's online backup:
 * other programs go on reading and writing meanwhile. The copy is one
 * self-contained file, readable by its owner only (0600), written under a
 * hidden temporary name beside @dest, checked (PRAGMA quick_check), synced
 * and only then renamed to @dest: a half-made backup never has that name.
 * Fails with EXISTS when @dest exists, DAMAGED when the copy fails its
 * check, FAILED when it cannot be written; @dest is then left as it was.
 * @db must not be inside a transaction. */
gboolean  fz_backup_database      (FzDatabase  *db,
                                   const char  *dest,
                                   GError     **error);

/* The same for the database file at @path, taken as it is: not created,
 * not upgraded. NOT_FOUND when there is none. What `fuzhu backup` runs. */
gboolean  fz_backup_file          (const char  *path,
                                   const char  *dest,
                                   GError     **error);

/* Replaces the database at @database_path with the backup @backup_path.
 * The backup is checked first, on a private copy: it must be an SQLite file
 * that passes PRAGMA integrity_check and foreign_key_check and has
 * fz_schema, with core data no newer than this code; otherwise INVALID,
 * DAMAGED or TOO_NEW, and nothing is touched. The database it replaces is
 * kept as "@database_path.before-restore-YYYYMMDD-HHMMSS" (its path in
 * @kept_path, or NULL when there was no database), and the replacement is
 * one SQLite transaction: interrupted, the old data stays. BUSY when another
 * program (a Fuzhu window or command) has the database open. */
gboolean  fz_backup_restore       (const char  *database_path,
                                   const char  *backup_path,
                                   char       **kept_path,
                                   GError     **error);

/* Where the automatic backups of the database at @database_path go: the
 * folder "backups" beside it, so $XDG_DATA_HOME/fuzhu/backups for the
 * default database. Free with g_free(). */
char     *fz_backup_get_folder    (const char  *database_path);

/* Makes the day's automatic backup of @db unless it exists: in
 * fz_backup_get_folder(), named after the database and the local date of
 * @now (NULL for now), e.g. "fuzhu-2025-03-01.db" for fuzhu.db. Then deletes
 * the oldest automatic backups of that database so that @keep (at least 1)
 * are left. @made_path (may be NULL) is set to the new backup, or NULL when
 * the day's one existed. A failed backup deletes no older one. */
gboolean  fz_backup_automatic     (FzDatabase  *db,
                                   guint        keep,
                                   GDateTime   *now,
                                   char       **made_path,
                                   GError     **error);

G_END_DECLS
