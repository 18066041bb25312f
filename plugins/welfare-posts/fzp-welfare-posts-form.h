/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* What the page's forms share: problems shown under the form and on the
 * fields they name, so that a screen reader announces them. */

/* Shows @message (NULL clears it) in @label, which the .ui gives the
 * alert role, and marks each of @rows (AdwPreferencesRow) named by a line
 * of it ("Start: …"): the error style, the invalid state, and the line as
 * its accessible description. Returns the first row marked, or NULL. */
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
/* The text of an AdwEntryRow (or any GtkEditable). */
const char *fzp_welfare_posts_form_text  (gpointer           editable);
/* Sets an AdwEntryRow's text to today's date, YYYY-MM-DD. */
void        fzp_welfare_posts_form_set_today (gpointer       editable);

G_END_DECLS
