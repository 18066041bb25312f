/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* What the page's forms share: problems shown under the form and on the
 * fields they name, so that a screen reader announces them. */

/* A field is a GtkEntry in an AdwActionRow, not an AdwEntryRow: with
 * GTK 4.8 a screen reader is not told when an AdwEntryRow has the focus.
 * The problems of a field are shown on its entry. */

/* Shows @message (NULL clears it) in @label, which the .ui gives the
 * alert role, and marks each of @rows (an AdwPreferencesRow, or the
 * GtkEntry of a field, named by the row it is in) named by a line of it
 * ("Start: …"): the error style, the invalid state, and the line as its
 * accessible description. Returns the first row marked, or NULL. */
GtkWidget *fzp_welfare_posts_form_show   (GtkLabel          *label,
                                          GtkWidget * const *rows,
                                          guint              n_rows,
                                          const char        *message);
/* As fzp_welfare_posts_form_show() for a form of one field: any problem
 * is @row's. */
void        fzp_welfare_posts_form_show_on (GtkLabel        *label,
                                            GtkWidget       *row,
                                            const char      *message);
/* Gives @row an accessible description (what to type) that stays when a
 * problem shown on it is cleared. */
void        fzp_welfare_posts_form_describe (GtkWidget       *row,
                                             const char      *description);
/* Problems about @field are shown on @row, whose title is another. */
void        fzp_welfare_posts_form_set_field (GtkWidget      *row,
                                              const char     *field);
/* Adds a field titled @title to @group: a GtkEntry in an AdwActionRow,
 * named by @title (the entry is labelled by it) and described by @description (what to type, or NULL).
 * Returns the entry. */
GtkWidget  *fzp_welfare_posts_form_add_entry (AdwPreferencesGroup *group,
                                              const char          *title,
                                              const char          *description);
/* The text of a field's GtkEntry (or any GtkEditable). */
const char *fzp_welfare_posts_form_text  (gpointer           editable);
/* Sets a field's text to today's date, YYYY-MM-DD. */
void        fzp_welfare_posts_form_set_today (gpointer       editable);

G_END_DECLS
