/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-welfare-posts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fzp-welfare-posts-store.h"
#include "fzp-welfare-posts-transfer.h"

/* A dialog shows this many problems; the rest are counted. */
#define MAX_SHOWN 30

typedef struct {
  GtkWidget *widget;
  FzContext *context;
  gboolean   posts;
} Transfer;

static void
transfer_free (Transfer *t)
{
  g_clear_weak_pointer (&t->widget);
  g_clear_object (&t->context);
  g_free (t);
}

static void
tell (GtkWidget  *widget,
      const char *heading,
      const char *body)
{
  GtkRoot *root = widget ? gtk_widget_get_root (widget) : NULL;
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_filter (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Spreadsheets (CSV, XLSX)"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    Transfer        *t)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(FzpWelfarePostsImport) report = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (response != GTK_RESPONSE_ACCEPT || t->widget == NULL)
    goto out;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file ? g_file_get_path (file) : NULL;
  if (path == NULL)
    goto out;
  ok = t->posts ? fzp_welfare_posts_import_posts (t->context, path, &report, &error)
                : fzp_welfare_posts_import_placements (t->context, path, &report, &error);
  if (ok)
    {
      g_autofree char *summary = g_strdup_printf (_("%u added, %u updated, %u unchanged"),
                                                  report->added, report->updated, report->unchanged);
      tell (t->widget, _("Imported"), summary);
      g_signal_emit_by_name (t->widget, "changed");
    }
  else
    {
      g_autoptr(GString) body = g_string_new (error->message);

      for (guint i = 0; report && i < report->problems->len && i < MAX_SHOWN; i++)
        g_string_append_printf (body, "\n%s", (char *) g_ptr_array_index (report->problems, i));
      if (report && report->problems->len > MAX_SHOWN)
        {
          g_string_append_c (body, '\n');
          g_string_append_printf (body, _("…and %u more"), report->problems->len - MAX_SHOWN);
        }
      tell (t->widget, _("Nothing Was Imported"), body->str);
    }
out:
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  transfer_free (t);
}

void
fzp_welfare_posts_transfer_import (GtkWidget *widget,
                                   FzContext *context,
                                   gboolean   posts)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (posts ? _("Import Posts") : _("Import Placements"),
                                 GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  Transfer *t = g_new0 (Transfer, 1);

  g_set_weak_pointer (&t->widget, widget);
  t->context = g_object_ref (context);
  t->posts = posts;
  add_filter (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), t);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    Transfer        *t)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;
  gboolean ok;

  if (response != GTK_RESPONSE_ACCEPT || t->widget == NULL)
    goto out;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file ? g_file_get_path (file) : NULL;
  if (path == NULL)
    goto out;
  ok = t->posts ? fzp_welfare_posts_export_posts (t->context, path, &n, &error)
                : fzp_welfare_posts_export_placements (t->context, path, 0, &n, &error);
  if (ok)
    {
      g_autofree char *body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %u row to %s\n",
                                                            "Wrote %u rows to %s\n", n), n, path);
      tell (t->widget, _("Exported"), g_strstrip (body));
    }
  else
    tell (t->widget, _("Could Not Export"), error->message);
out:
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  transfer_free (t);
}

void
fzp_welfare_posts_transfer_export (GtkWidget *widget,
                                   FzContext *context,
                                   gboolean   posts)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (posts ? _("Export Posts") : _("Export Placements"),
                                 GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  Transfer *t = g_new0 (Transfer, 1);

  g_set_weak_pointer (&t->widget, widget);
  t->context = g_object_ref (context);
  t->posts = posts;
  add_filter (GTK_FILE_CHOOSER (chooser));
  /* Names for the people who open the file: 公益性岗位, 公益性岗位安置. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), posts ? "公益性岗位.xlsx" : "公益性岗位安置.xlsx");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), t);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
