/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fuzhu.h"
#include "fzp-blind-massage-row.h"

G_BEGIN_DECLS

/* What the views of the page share: list columns, inline form errors that
 * screen readers hear, dates, counties. Not a class. */

/* Adds a column to @view showing field @field of its FzpBlindMassageRow
 * items, @chars wide; @expand gives it the spare width. */
GtkColumnViewColumn *fzp_blind_massage_ui_add_column   (GtkColumnView      *view,
                                                        const char         *title,
                                                        guint               field,
                                                        guint               chars,
                                                        gboolean            expand);
/* The row selected in @selection, or NULL (transfer none). */
FzpBlindMassageRow  *fzp_blind_massage_ui_get_selected (GtkSingleSelection *selection);

/* Selects the row with @id among the first @limit rows, if it is there:
 * after a list is read again, the row chosen stays chosen. */
void                 fzp_blind_massage_ui_select_id    (GtkSingleSelection *selection,
                                                        gint64              id,
                                                        guint               limit);

/* Shows @message in @label, under a form, and marks the field it is about
 * as wrong: the one of @fields (NULL-terminated) whose row's title starts
 * the message ("From: ..."), else @fallback. The field's accessible
 * description becomes the message, so a screen reader says it when the
 * field is focused, and @label is an alert. NULL @message clears it all. */
void                 fzp_blind_massage_ui_show_error   (GtkLabel           *label,
                                                        const char         *message,
                                                        GtkWidget          *fallback,
                                                        GtkWidget * const  *fields);
/* Today as YYYY-MM-DD, for date fields to start with. */
char                *fzp_blind_massage_ui_today        (void);
/* The title of the row that holds @field, without its mnemonic. */
char                *fzp_blind_massage_ui_field_name   (GtkWidget          *field);
/* Reads @field's text as a date, naming its row's title on failure. */
gboolean             fzp_blind_massage_ui_read_date    (GtkEditable        *field,
                                                        gboolean            optional,
                                                        GDate              *date,
                                                        GError            **error);
/* Names of the counties, after @first when not NULL ("Whole city"), for
 * a combo; @codes receives their codes in the same order (NULL for
 * @first). */
GtkStringList       *fzp_blind_massage_ui_counties     (FzDatabase         *db,
                                                        const char         *first,
                                                        GPtrArray         **codes);
/* Sets a boxed list's rows to one AdwActionRow per title and subtitle
 * pair of @lines (NULL-terminated, pairs), or @empty when there are none. */
void                 fzp_blind_massage_ui_fill_list    (GtkListBox         *list,
                                                        const char * const *lines,
                                                        const char         *empty);
/* Puts @message in a toast of the AdwToastOverlay above @widget, if any. */
void                 fzp_blind_massage_ui_toast        (GtkWidget          *widget,
                                                        const char         *message);

G_END_DECLS
