/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fuzhu.h"

G_BEGIN_DECLS

/* What a core command is given. */
typedef struct {
  const char      *database_path; /* as given, or NULL for the default */
  const char      *user;          /* --user, or NULL ($FUZHU_USER) */
  FzPluginManager *manager;       /* loaded, when the command needs the database */
  FzContext       *context;
  char            *password;      /* the one signed in with, cleared at the end */
} FzCli;

typedef int (*FzCliFunc) (FzCli   *cli,
                          int      argc,
                          char   **argv,
                          GError **error);

typedef struct {
  const char *name;
  const char *usage;
  const char *summary; /* msgid */
  gboolean    needs_database;
  FzCliFunc   func;
} FzCliCommand;

/* The core commands that live in their own files. */
int fz_cli_targets (FzCli *cli, int argc, char **argv, GError **error);
int fz_cli_report  (FzCli *cli, int argc, char **argv, GError **error);
int fz_cli_import  (FzCli *cli, int argc, char **argv, GError **error);
int fz_cli_documents (FzCli *cli, int argc, char **argv, GError **error);
int fz_cli_export  (FzCli *cli, int argc, char **argv, GError **error);
int fz_cli_demo    (FzCli *cli, int argc, char **argv, GError **error);
int fz_cli_import_persons (FzCli *cli, const char *path, GError **error);
int fz_cli_print   (FzCli *cli, int argc, char **argv, GError **error);
int fz_cli_verify  (FzCli *cli, int argc, char **argv, GError **error);
int fz_cli_revoke  (FzCli *cli, int argc, char **argv, GError **error);
int fz_cli_audit   (FzCli *cli, int argc, char **argv, GError **error);
int fz_cli_accounts (FzCli *cli, int argc, char **argv, GError **error);

/* Once accounts exist: signs in the user of --user or $FUZHU_USER, with the
 * password from the terminal or from the file $FUZHU_PASSWORD_FILE names. */
gboolean fz_cli_sign_in        (FzCli   *cli,
                                GError **error);
void     fz_cli_clear_password (FzCli   *cli);

G_END_DECLS
