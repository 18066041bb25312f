/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-welfare-posts"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "fzp-welfare-posts-form.h"
#include "fzp-welfare-posts-store.h"

#define SAVED_DESCRIPTION "fzp-welfare-posts-description"
#define FIELD_NAME        "fzp-welfare-posts-field"

static void
mark (GtkWidget  *row,
      const char *problem)
{
  const char *saved = g_object_get_data (G_OBJECT (row), SAVED_DESCRIPTION);

  if (problem)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, problem, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else if (gtk_widget_has_css_class (row, "error"))
    {
      gtk_widget_remove_css_class (row, "error");
      if (saved)
        gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, saved, -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

GtkWidget *
fzp_welfare_posts_form_show (GtkLabel          *label,
                             GtkWidget * const *rows,
                             guint              n_rows,
                             const char        *message)
{
  g_auto(GStrv) lines = message ? g_strsplit (message, "\n", -1) : NULL;
  g_autofree char *separator = g_strdup_printf (_("%s: %s"), "", "");
  GtkWidget *first = NULL;

  gtk_label_set_text (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  for (guint r = 0; r < n_rows; r++)
    {
      const char *field = g_object_get_data (G_OBJECT (rows[r]), FIELD_NAME);
      GtkWidget *row = ADW_IS_PREFERENCES_ROW (rows[r]) ? rows[r]
                                                        : gtk_widget_get_ancestor (rows[r], ADW_TYPE_PREFERENCES_ROW);
      const char *title = field ? field : adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
      g_autofree char *prefix = g_strdup_printf (_("%s: %s"), title, "");
      const char *problem = NULL;

      /* "Start: …", or after another field, as in "On 2026-01-01: taper-shares: …". */
      for (guint i = 0; lines && lines[i] && problem == NULL; i++)
        {
          const char *at = strstr (lines[i], prefix);
          g_autofree char *before = at ? g_strndup (lines[i], (gsize) (at - lines[i])) : NULL;

          if (at && (at == lines[i] || g_str_has_suffix (before, separator) || g_str_has_suffix (before, " ")))
            problem = lines[i];
        }
      mark (rows[r], problem);
      if (problem && first == NULL)
        first = rows[r];
    }
  return first;
}

void
fzp_welfare_posts_form_describe (GtkWidget  *row,
                                 const char *description)
{
  g_object_set_data_full (G_OBJECT (row), SAVED_DESCRIPTION, g_strdup (description), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

void
fzp_welfare_posts_form_set_field (GtkWidget  *row,
                                  const char *field)
{
  g_object_set_data_full (G_OBJECT (row), FIELD_NAME, g_strdup (field), g_free);
}

void
fzp_welfare_posts_form_show_on (GtkLabel   *label,
                                GtkWidget  *row,
                                const char *message)
{
  gtk_label_set_text (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  mark (row, message);
}

GtkWidget *
fzp_welfare_posts_form_add_entry (AdwPreferencesGroup *group,
                                  const char          *title,
                                  const char          *description)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *entry = gtk_entry_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* One Tab stop, the field, not the row and then the field. */
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (entry, TRUE);
  if (description)
    fzp_welfare_posts_form_describe (entry, description);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
  /* Named by the title, which this makes the entry labelled by: an
   * accessible label as well would be read twice. */
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), entry);
  adw_preferences_group_add (group, row);
  return entry;
}

const char *
fzp_welfare_posts_form_text (gpointer editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

void
fzp_welfare_posts_form_set_today (gpointer editable)
{
  GDate today;
  char day[11];

  fzp_welfare_posts_today (&today);
  fzp_welfare_posts_format_date (&today, day);
  gtk_editable_set_text (GTK_EDITABLE (editable), day);
}
