/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "fz-cli-private.h"

/* fuzhu documents */
int
fz_cli_documents (FzCli   *cli,
                  int      argc,
                  char   **argv,
                  GError **error)
{
  FzDocumentRegistry *registry = fz_plugin_manager_get_documents (cli->manager);

  if (argc > 1)
    {
      g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE, _("“documents” takes no arguments"));
      return FZ_EXIT_USAGE;
    }
  for (guint i = 0; i < fz_document_registry_get_n_items (registry); i++)
    {
      const FzDocumentInfo *info = fz_document_registry_get_info (registry, i);
      g_autofree char *params = info->parameters ? g_strjoinv (" ", (char **) info->parameters) : g_strdup ("");

      g_print ("%s\t%s\t%s\t%s\n", fz_document_registry_get_name (registry, i),
               fz_document_registry_get_title (registry, i),
               info->privacy == FZ_DOCUMENT_PUBLIC ? "public" : "internal", params);
    }
  return FZ_EXIT_OK;
}

/* fuzhu print DOCUMENT [NAME=VALUE…] --output FILE.pdf */
int
fz_cli_print (FzCli   *cli,
              int      argc,
              char   **argv,
              GError **error)
{
  FzDocumentRegistry *registry = fz_plugin_manager_get_documents (cli->manager);
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();
  g_autoptr(GHashTable) params = NULL;
  g_autoptr(FzDocument) document = NULL;
  const FzDocumentInfo *info;
  const char *output = NULL;
  guint n_pages;

  for (int i = 2; i < argc; i++)
    {
      if ((g_str_equal (argv[i], "--output") || g_str_equal (argv[i], "-o")) && i + 1 < argc)
        output = argv[++i];
      else if (g_str_has_prefix (argv[i], "--output="))
        output = argv[i] + strlen ("--output=");
      else
        g_ptr_array_add (rest, argv[i]);
    }
  if (argc < 2 || output == NULL)
    {
      g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE,
                   _("Usage: fuzhu print DOCUMENT [NAME=VALUE…] --output FILE.pdf; `fuzhu documents` lists them"));
      return FZ_EXIT_USAGE;
    }
  if (!g_str_has_suffix (output, ".pdf") && !g_str_has_suffix (output, ".PDF"))
    {
      g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE, _("%s: documents are written as PDF (.pdf)"), output);
      return FZ_EXIT_USAGE;
    }

  info = fz_document_registry_lookup (registry, argv[1], NULL, error);
  if (info == NULL)
    return FZ_EXIT_REJECTED;
  params = fz_document_info_parse_parameters (info, (int) rest->len, (char **) rest->pdata, error);
  if (params == NULL)
    return FZ_EXIT_REJECTED;
  document = fz_plugin_manager_build_document (cli->manager, argv[1], params, error);
  if (document == NULL || !fz_document_render_pdf (document, output, error))
    return FZ_EXIT_REJECTED;
  n_pages = fz_document_get_n_pages (document, NULL);
  g_print (ngettext ("Wrote %s (%u page)\n", "Wrote %s (%u pages)\n", n_pages), output, n_pages);
  return FZ_EXIT_OK;
}

static void
print_record (FzCertificateRecord *record)
{
  char date[32] = "";

  g_date_strftime (date, sizeof date, "%Y-%m-%d", &record->issued);
  g_print ("%s\t%s\t%s\t%s\t%s\n", record->serial, record->revoked ? "revoked" : "valid",
           date, record->owner, record->subject);
  if (record->revoked)
    {
      char when[32] = "";
      g_date_strftime (when, sizeof when, "%Y-%m-%d", &record->revoked_on);
      g_print (_("Revoked on %s: %s\n"), when, record->revoked_reason ? record->revoked_reason : "");
    }
}

/* fuzhu verify SERIAL */
int
fz_cli_verify (FzCli   *cli,
               int      argc,
               char   **argv,
               GError **error)
{
  g_autoptr(FzCertificateRecord) record = NULL;

  if (argc != 2)
    {
      g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE, _("Usage: fuzhu verify SERIAL"));
      return FZ_EXIT_USAGE;
    }
  record = fz_certificate_register_verify (cli->context, argv[1], error);
  if (record == NULL)
    return FZ_EXIT_REJECTED;
  print_record (record);
  /* A revoked certificate is not valid: say so in the exit status too. */
  return record->revoked ? FZ_EXIT_REJECTED : FZ_EXIT_OK;
}

/* fuzhu revoke SERIAL REASON… */
int
fz_cli_revoke (FzCli   *cli,
               int      argc,
               char   **argv,
               GError **error)
{
  g_autofree char *reason = NULL;
  g_autoptr(FzCertificateRecord) record = NULL;

  if (argc < 3)
    {
      g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE, _("Usage: fuzhu revoke SERIAL REASON"));
      return FZ_EXIT_USAGE;
    }
  reason = g_strjoinv (" ", argv + 2);
  if (!fz_certificate_register_revoke (cli->context, argv[1], reason, NULL, error))
    return FZ_EXIT_REJECTED;
  record = fz_certificate_register_verify (cli->context, argv[1], error);
  if (record == NULL)
    return FZ_EXIT_REJECTED;
  print_record (record);
  return FZ_EXIT_OK;
}
