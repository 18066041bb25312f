/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined(FUZHU_INSIDE) && !defined(FUZHU_COMPILATION)
# error "Only <fuzhu.h> can be included directly."
#endif

#include <gio/gio.h>

#include "fz-types.h"

G_BEGIN_DECLS

/* Who may do what. Operators are accounts in the database (owner "access"),
 * each with a role; their passwords are kept only as argon2id hashes
 * (libsodium). Until the first account is made, Fuzhu runs in single-user
 * mode: the system user is the operator and everything is allowed. Once
 * accounts exist, nothing can be read or changed before someone signs in.
 *
 * The rules are kept by the database connection itself, for every table,
 * core and plugin alike: a viewer's writes and a county staff member's
 * writes outside their county fail with FZ_DATABASE_ERROR_DENIED, and a
 * county staff member's queries see their own county's rows only. See the
 * README, "Operators, roles and the audit trail". */

#define FZ_ACCESS_ERROR (fz_access_error_quark ())

typedef enum {
  FZ_ACCESS_ERROR_DENIED,           /* the operator's role does not allow it */
  FZ_ACCESS_ERROR_SIGN_IN_REQUIRED, /* accounts exist and nobody is signed in */
  FZ_ACCESS_ERROR_WRONG_PASSWORD,   /* unknown account or wrong password: never told apart */
  FZ_ACCESS_ERROR_DISABLED,         /* the account is disabled */
  FZ_ACCESS_ERROR_INVALID,          /* a name, password, role or county that cannot be used */
  FZ_ACCESS_ERROR_EXISTS,           /* an account of that name exists */
  FZ_ACCESS_ERROR_NOT_FOUND,        /* no such account */
  FZ_ACCESS_ERROR_LAST_ADMINISTRATOR, /* the change would leave no enabled administrator */
} FzAccessError;

GQuark fz_access_error_quark (void);

typedef enum {
  FZ_ROLE_NONE = 0,      /* nobody signed in (accounts exist): nothing is allowed */
  FZ_ROLE_ADMINISTRATOR, /* everything: accounts, plugins, targets, restore, and city staff's work */
  FZ_ROLE_CITY_STAFF,    /* reads and changes the records of every county */
  FZ_ROLE_COUNTY_STAFF,  /* reads and changes the records of one county */
  FZ_ROLE_VIEWER,        /* reads; changes nothing, exports nothing, sees numbers masked */
} FzRole;

/* "administrator", "city-staff", "county-staff", "viewer" ("none"). */
const char *fz_role_to_nick      (FzRole      role);
/* Reads a nick as above; FZ_ROLE_NONE when it is none of them. */
FzRole      fz_role_from_nick    (const char *nick);
/* The role's name in the user's language. */
const char *fz_role_to_string    (FzRole      role);

typedef enum {
  FZ_PERMISSION_READ,            /* see records (county staff: their county's) */
  FZ_PERMISSION_WRITE,           /* change records (county staff: their county's) */
  FZ_PERMISSION_SEE_PERSONAL,    /* identity and phone numbers unmasked on screen */
  FZ_PERMISSION_EXPORT_PERSONAL, /* export records and print internal documents (audited) */
  FZ_PERMISSION_READ_AUDIT,      /* search and export the audit trail (county staff: their county's) */
  FZ_PERMISSION_MANAGE_ACCOUNTS, /* administrator */
  FZ_PERMISSION_MANAGE_PLUGINS,  /* administrator: enable and disable plugins */
  FZ_PERMISSION_EDIT_TARGETS,    /* administrator: the plan's targets and rules */
  FZ_PERMISSION_RESTORE,         /* administrator: replace the database with a backup */
} FzPermission;

/* Whether @role has @permission. */
gboolean    fz_role_can          (FzRole       role,
                                  FzPermission permission);

/* One operator account, as listed; the password hash never leaves libfuzhu. */
typedef struct {
  gint64    id;
  char     *name;
  char     *display_name;   /* may be NULL */
  FzRole    role;
  char     *county_code;    /* county staff only */
  gboolean  disabled;
  char     *created;        /* UTC, ISO 8601 */
  char     *last_sign_in;   /* UTC, ISO 8601, NULL when never */
} FzAccount;

#define FZ_TYPE_ACCOUNT (fz_account_get_type ())
GType       fz_account_get_type  (void) G_GNUC_CONST;
FzAccount  *fz_account_copy      (const FzAccount *account);
void        fz_account_free      (FzAccount       *account);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzAccount, fz_account_free)

/* The shortest password an account may have, in characters. */
#define FZ_ACCESS_MIN_PASSWORD_LENGTH 8

/* Whether @database has accounts, so that someone must sign in. */
gboolean    fz_access_has_accounts      (FzDatabase   *database);
/* The same of the database file @path, read without opening it as Fuzhu
 * does (nothing is migrated or written): TRUE when it has accounts. FALSE
 * when it has none, does not exist, or cannot be read as a database (a
 * damaged file protects nothing). */
gboolean    fz_access_file_has_accounts (const char   *path);

/* Creates an account. Allowed to an administrator and, to make the first
 * administrator, in single-user mode; county staff need @county_code, the
 * others must have none. The first account must be an administrator; it
 * ends single-user mode and @context is then signed in as it. Fails with
 * DENIED, INVALID (the message says what), or EXISTS. */
gboolean    fz_access_create_account    (FzContext    *context,
                                         const char   *name,
                                         const char   *display_name,
                                         const char   *password,
                                         FzRole        role,
                                         const char   *county_code,
                                         GError      **error);
/* Every account, by name. Administrator only. Array of FzAccount. */
GPtrArray  *fz_access_list_accounts     (FzContext    *context,
                                         GError      **error);
/* Changes an account's role (and county). Administrator only; the last
 * enabled administrator keeps that role (LAST_ADMINISTRATOR). */
gboolean    fz_access_set_role          (FzContext    *context,
                                         const char   *name,
                                         FzRole        role,
                                         const char   *county_code,
                                         GError      **error);
/* Disables or enables an account. Administrator only; nobody disables the
 * last enabled administrator or their own account. */
gboolean    fz_access_set_disabled      (FzContext    *context,
                                         const char   *name,
                                         gboolean      disabled,
                                         GError      **error);
/* Sets another account's password (an administrator resetting it). */
gboolean    fz_access_reset_password    (FzContext    *context,
                                         const char   *name,
                                         const char   *new_password,
                                         GError      **error);

/* Signs @context's operator in. The same WRONG_PASSWORD error for an
 * unknown name and a wrong password; DISABLED for a disabled account. Every
 * attempt is in the audit trail, without the password. @client says where
 * from ("window", "command line"), for the audit trail. */
gboolean    fz_access_sign_in           (FzContext    *context,
                                         const char   *name,
                                         const char   *password,
                                         const char   *client,
                                         GError      **error);
/* Says where the operator works from ("window", "command line"), for the
 * audit trail, in single-user mode too. */
void        fz_access_set_client        (FzContext    *context,
                                         const char   *client);
/* Signs the operator out: nothing is allowed until someone signs in. */
void        fz_access_sign_out          (FzContext    *context);
/* Checks the signed-in operator's password again (unlocking a locked
 * window), without changing who is signed in. */
gboolean    fz_access_verify_password   (FzContext    *context,
                                         const char   *password,
                                         GError      **error);
/* Changes the signed-in operator's own password; @old_password first. */
gboolean    fz_access_change_password   (FzContext    *context,
                                         const char   *old_password,
                                         const char   *new_password,
                                         GError      **error);
/* Records in the audit trail that the window was locked or unlocked. */
void        fz_access_record_lock       (FzContext    *context,
                                         gboolean      locked);

/* Checks an account name against the rules (1 to 64 characters, no
 * spaces), as given or with the spaces round it dropped (as creating the
 * account does), without storing anything: for forms. */
gboolean    fz_access_check_account_name (const char  *name,
                                          GError     **error);

/* Checks @password against the rules (length, not the account's name)
 * without storing anything: for forms. */
gboolean    fz_access_check_password    (const char   *name,
                                         const char   *password,
                                         GError      **error);

/* Whether @error is a refusal by the access rules, from the database
 * (FZ_DATABASE_ERROR_DENIED) or from libfuzhu (FZ_ACCESS_ERROR_DENIED or
 * SIGN_IN_REQUIRED). */
gboolean    fz_access_error_is_denied   (const GError *error);

G_END_DECLS
