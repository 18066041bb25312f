/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fuzhu.h"
#include "fzp-rural-bases-row.h"

G_BEGIN_DECLS

/* What the measure's views share: lists of FzpRuralBasesRow in column
 * views, forms that say under the fields what is wrong, and the choices
 * of its combo rows. */

/* Gives @view a model of FzpRuralBasesRow (returned, owned by the view)
 * with single selection, nothing selected at first. */
GListStore       *fzp_rural_bases_ui_setup_list    (GtkColumnView *view);
/* Adds a column titled @title showing cell @index of each row, about
 * @chars Chinese characters wide (or its title's width), growing into the
 * room left when @expand. */
void              fzp_rural_bases_ui_add_column    (GtkColumnView *view,
                                                    const char    *title,
                                                    guint          index,
                                                    guint          chars,
                                                    gboolean       expand);
/* Shows @view when its list has rows, else @empty, the label that says so. */
void              fzp_rural_bases_ui_set_empty     (GtkColumnView *view,
                                                    GtkWidget     *empty);
/* The selected row, or NULL. */
FzpRuralBasesRow *fzp_rural_bases_ui_get_selected  (GtkColumnView *view);
/* Adds a row of @cells (NULL-terminated, copied) with @id to @store. */
FzpRuralBasesRow *fzp_rural_bases_ui_append        (GListStore    *store,
                                                    gint64         id,
                                                    const char    *first_cell,
                                                    ...) G_GNUC_NULL_TERMINATED;

/* A text field is a GtkEntry in an AdwActionRow, not an AdwEntryRow: with
 * GTK 4.8 and libadwaita 1.2 a screen reader is not told when an
 * AdwEntryRow's field has the focus. The row, no Tab stop, has the title;
 * its activatable widget is the entry, which the title names. */

/* Shows @message (NULL: clears) in @label under a form. The field of
 * @fields (an AdwPreferencesRow such as a combo row, or the GtkEntry of a
 * text field, titled by its row) whose title the message begins with is
 * marked invalid, given the message as its description (what a screen
 * reader reads) and focused; else the first field is focused. */
void              fzp_rural_bases_ui_show_error    (GtkLabel      *label,
                                                    GtkWidget    **fields,
                                                    const char    *message);
/* Reads the date typed in @entry, named by its row's title in messages.
 * Empty is an invalid date when not @required. */
gboolean          fzp_rural_bases_ui_read_date     (GtkEntry      *entry,
                                                    gboolean       required,
                                                    GDate         *date,
                                                    GError       **error);
/* Puts today's date in @entry. */
void              fzp_rural_bases_ui_set_today     (GtkEntry      *entry);
/* The title of the row @entry is in, and the text typed in it. */
const char       *fzp_rural_bases_ui_title         (GtkEntry      *entry);
const char       *fzp_rural_bases_ui_text          (GtkEntry      *entry);

/* Models for combo rows: the translated names, index i being value i + 1
 * (with @none_first, index 0 is a "none" entry and index i value i). */
GListModel       *fzp_rural_bases_ui_levels        (const char    *none_first);
GListModel       *fzp_rural_bases_ui_industries    (void);
GListModel       *fzp_rural_bases_ui_helps         (void);
GListModel       *fzp_rural_bases_ui_results       (void);
/* The counties' names, with @all_first as the first entry when not NULL;
 * their codes go to @codes (free with g_ptr_array_unref). */
GListModel       *fzp_rural_bases_ui_counties      (FzContext     *context,
                                                    const char    *all_first,
                                                    GPtrArray    **codes);

/* "2025-03-01" of @date, "" when it is not valid, "Default" for the seeded
 * rules' 1900-01-01. Free with g_free(). */
char             *fzp_rural_bases_ui_date_text     (const GDate   *date);

G_END_DECLS
