/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-skills-competitions"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fzp-skills-competitions-score-grid.h"

struct _FzpSkillsCompetitionsScoreGrid
{
  AdwBin                      parent_instance;

  GtkStack                   *stack;
  GtkColumnView              *view;
  AdwStatusPage              *empty_page;

  FzContext                  *context;
  FzpSkillsCompetitionsEvent *event;
  gboolean                    locked;
  GListStore                 *rows;
  GtkSingleSelection         *selection;
  GHashTable                 *cells;      /* position * 16 + seat -> GtkEntry, while bound */
  guint                       focus_source;
  guint                       focus_position;
  guint                       focus_seat;
  guint                       focus_tries;
};

G_DEFINE_FINAL_TYPE (FzpSkillsCompetitionsScoreGrid, fzp_skills_competitions_score_grid, ADW_TYPE_BIN)

enum {
  CHANGED,
  PROBLEM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define CELL_KEY(position, seat) GUINT_TO_POINTER ((position) * 16u + (seat))

static void
problem (FzpSkillsCompetitionsScoreGrid *self,
         const char                     *message)
{
  g_signal_emit (self, signals[PROBLEM], 0, message);
}

static void
mark_cell (GtkWidget  *entry,
           const char *message)
{
  if (message)
    {
      gtk_widget_add_css_class (entry, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (entry, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

/* Cells */

static void
label_setup (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *label = gtk_inscription_new (NULL);
  float xalign = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "fzp-end")) ? 1.0f : 0.0f;

  gtk_inscription_set_xalign (GTK_INSCRIPTION (label), xalign);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (label),
                                 GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "fzp-chars")));
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (label),
                                 GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "fzp-nat-chars")));
  gtk_list_item_set_child (item, label);
}

static void
label_bind (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  const char *property = g_object_get_data (G_OBJECT (factory), "fzp-property");
  GBinding *binding = g_object_bind_property (gtk_list_item_get_item (item), property,
                                              gtk_list_item_get_child (item), "text", G_BINDING_SYNC_CREATE);

  g_object_set_data (G_OBJECT (item), "fzp-binding", binding);
}

static void
label_unbind (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GBinding *binding = g_object_get_data (G_OBJECT (item), "fzp-binding");

  if (binding)
    g_binding_unbind (binding);
  g_object_set_data (G_OBJECT (item), "fzp-binding", NULL);
}

/* @chars and @nat_chars: the least and the natural width, in characters
 * (a Chinese character counts about two). */
static GtkColumnViewColumn *
label_column (const char *title,
              const char *property,
              gboolean    end,
              gboolean    expand,
              guint       chars,
              guint       nat_chars)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "fzp-property", (gpointer) property);
  g_object_set_data (G_OBJECT (factory), "fzp-chars", GUINT_TO_POINTER (chars));
  g_object_set_data (G_OBJECT (factory), "fzp-nat-chars", GUINT_TO_POINTER (nat_chars));
  g_object_set_data (G_OBJECT (factory), "fzp-end", GINT_TO_POINTER (end));
  g_signal_connect (factory, "setup", G_CALLBACK (label_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (label_bind), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (label_unbind), NULL);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  return column;
}

static void
set_cell_text (GtkWidget                *entry,
               FzpSkillsCompetitionsRow *row,
               guint                     seat)
{
  g_autofree char *text = fzp_skills_competitions_row_dup_score (row, seat);

  g_object_set_data (G_OBJECT (entry), "fzp-setting", GINT_TO_POINTER (TRUE));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_object_set_data (G_OBJECT (entry), "fzp-setting", NULL);
  /* Dropped by the trimmed rule: dimmed, and said to screen readers. */
  if (fzp_skills_competitions_row_is_dropped (row, seat))
    {
      gtk_widget_add_css_class (entry, "dim-label");
      gtk_widget_set_tooltip_text (entry, _("Dropped as the highest or lowest score"));
    }
  else
    {
      gtk_widget_remove_css_class (entry, "dim-label");
      gtk_widget_set_tooltip_text (entry, NULL);
    }
}

static void
row_absent_cb (FzpSkillsCompetitionsRow *row,
               GParamSpec               *pspec,
               GtkWidget                *entry)
{
  gboolean locked = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "fzp-locked"));

  gtk_editable_set_editable (GTK_EDITABLE (entry), !locked && !fzp_skills_competitions_row_get_absent (row));
}

static void
row_scores_changed_cb (FzpSkillsCompetitionsRow *row,
                       GtkWidget                *entry)
{
  guint seat = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "fzp-seat"));

  /* Not under the fingers of someone typing in it. */
  if (!gtk_widget_has_focus (entry) && !gtk_widget_has_focus (gtk_widget_get_first_child (entry)))
    set_cell_text (entry, row, seat);
}

/* Saves what @entry holds; FALSE (and the cell marked) when it cannot be. */
static gboolean
commit (FzpSkillsCompetitionsScoreGrid *self,
        GtkWidget                      *entry)
{
  FzpSkillsCompetitionsRow *row = g_object_get_data (G_OBJECT (entry), "fzp-row");
  guint seat = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "fzp-seat"));
  g_autofree char *text = NULL;
  g_autofree char *old = NULL;
  g_autoptr(GError) error = NULL;
  gint64 score = 0;
  gboolean ok;

  if (row == NULL || self->locked || self->event == NULL || !gtk_editable_get_editable (GTK_EDITABLE (entry)))
    return TRUE;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  old = fzp_skills_competitions_row_dup_score (row, seat);
  /* Nothing typed: the page's message stays, unless it was this cell's. */
  if (*text == '\0' && *old == '\0')
    {
      if (gtk_widget_has_css_class (entry, "error"))
        problem (self, NULL);
      mark_cell (entry, NULL);
      return TRUE;
    }
  if (*text != '\0' && !fzp_skills_competitions_parse_score (text, self->event->max_score, &score, &error))
    ok = FALSE;
  else
    {
      g_autofree char *formatted = *text ? fzp_skills_competitions_format_score (score) : g_strdup ("");
      if (g_str_equal (formatted, old))
        {
          if (gtk_widget_has_css_class (entry, "error"))
            problem (self, NULL);
          set_cell_text (entry, row, seat);
          mark_cell (entry, NULL);
          return TRUE;
        }
      ok = fzp_skills_competitions_set_score (self->context, fzp_skills_competitions_row_get_id (row), seat,
                                              *text ? &score : NULL, &error);
    }
  if (!ok)
    {
      /* TRANSLATORS: No. 3 王伟, judge 2: 95.555 has more than two decimals */
      g_autofree char *message = g_strdup_printf (_("No. %u %s, judge %u: %s"), fzp_skills_competitions_row_get_number (row),
                                                  fzp_skills_competitions_row_get_name (row), seat, error->message);
      mark_cell (entry, message);
      problem (self, message);
      return FALSE;
    }
  mark_cell (entry, NULL);
  problem (self, NULL);
  fzp_skills_competitions_score_grid_reload (self);
  set_cell_text (entry, row, seat);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_view (child);
      if (found)
        return found;
    }
  return NULL;
}

GtkWidget *
fzp_skills_competitions_score_grid_get_cell (FzpSkillsCompetitionsScoreGrid *self,
                                             guint                           position,
                                             guint                           seat)
{
  return g_hash_table_lookup (self->cells, CELL_KEY (position, seat));
}

static gboolean
try_focus (gpointer data)
{
  FzpSkillsCompetitionsScoreGrid *self = data;
  GtkWidget *entry = fzp_skills_competitions_score_grid_get_cell (self, self->focus_position, self->focus_seat);

  if (entry && gtk_widget_get_mapped (entry))
    {
      gtk_widget_grab_focus (entry);
      gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
      self->focus_source = 0;
      return G_SOURCE_REMOVE;
    }
  if (++self->focus_tries > 20)
    {
      self->focus_source = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

gboolean
fzp_skills_competitions_score_grid_focus_cell (FzpSkillsCompetitionsScoreGrid *self,
                                               guint                           position,
                                               guint                           seat)
{
  GtkWidget *list;

  if (self->event == NULL || position >= g_list_model_get_n_items (G_LIST_MODEL (self->rows)) ||
      seat < 1 || seat > self->event->n_judges)
    return FALSE;
  gtk_single_selection_set_selected (self->selection, position);
  self->focus_position = position;
  self->focus_seat = seat;
  self->focus_tries = 0;
  if (try_focus (self) == G_SOURCE_REMOVE && self->focus_source == 0 && self->focus_tries == 0)
    return TRUE;
  /* Not shown: scroll to it, then focus it once it is laid out. */
  list = find_list_view (GTK_WIDGET (self->view));
  if (list)
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
  if (self->focus_source == 0)
    self->focus_source = g_timeout_add (25, try_focus, self);
  return TRUE;
}

static gboolean
cell_key_cb (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             gpointer               user_data)
{
  FzpSkillsCompetitionsScoreGrid *self = user_data;
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  FzpSkillsCompetitionsRow *row = g_object_get_data (G_OBJECT (entry), "fzp-row");
  guint seat = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "fzp-seat"));
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "fzp-position"));
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  guint n_judges = self->event ? self->event->n_judges : 0;
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;

  if (row == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Escape:
      if (gtk_widget_has_css_class (entry, "error"))
        problem (self, NULL);
      set_cell_text (entry, row, seat);
      mark_cell (entry, NULL);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (!commit (self, entry))
        return TRUE;
      if (position + 1 < n_rows)
        fzp_skills_competitions_score_grid_focus_cell (self, position + 1, seat);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (!commit (self, entry))
        return TRUE;
      if (position > 0)
        fzp_skills_competitions_score_grid_focus_cell (self, position - 1, seat);
      return TRUE;
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
    case GDK_KEY_ISO_Left_Tab:
      if (!commit (self, entry))
        return TRUE;
      if (keyval == GDK_KEY_ISO_Left_Tab || shift)
        {
          if (seat > 1)
            return fzp_skills_competitions_score_grid_focus_cell (self, position, seat - 1);
          if (position > 0)
            return fzp_skills_competitions_score_grid_focus_cell (self, position - 1, n_judges);
          return FALSE;  /* out of the grid, backwards */
        }
      if (seat < n_judges)
        return fzp_skills_competitions_score_grid_focus_cell (self, position, seat + 1);
      if (position + 1 < n_rows)
        return fzp_skills_competitions_score_grid_focus_cell (self, position + 1, 1);
      return FALSE;  /* out of the grid */
    default:
      return FALSE;
    }
}

static void
cell_leave_cb (GtkEventControllerFocus *controller,
               gpointer                 user_data)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (g_object_get_data (G_OBJECT (entry), "fzp-row"))
    commit (user_data, entry);
}

static void
cell_enter_cb (GtkEventControllerFocus *controller,
               gpointer                 user_data)
{
  FzpSkillsCompetitionsScoreGrid *self = user_data;
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (g_object_get_data (G_OBJECT (entry), "fzp-row"))
    gtk_single_selection_set_selected (self->selection,
                                       GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "fzp-position")));
}

static void
score_setup (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  FzpSkillsCompetitionsScoreGrid *self = user_data;
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 6);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 7);
  gtk_editable_set_alignment (GTK_EDITABLE (entry), 1.0f);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_entry_set_has_frame (GTK_ENTRY (entry), FALSE);
  g_object_set_data (G_OBJECT (entry), "fzp-seat", g_object_get_data (G_OBJECT (factory), "fzp-seat"));
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (cell_key_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (cell_leave_cb), self);
  g_signal_connect (focus, "enter", G_CALLBACK (cell_enter_cb), self);
  gtk_widget_add_controller (entry, keys);
  gtk_widget_add_controller (entry, focus);
  gtk_list_item_set_child (item, entry);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
score_bind (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  FzpSkillsCompetitionsScoreGrid *self = user_data;
  GtkWidget *entry = gtk_list_item_get_child (item);
  FzpSkillsCompetitionsRow *row = gtk_list_item_get_item (item);
  guint seat = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "fzp-seat"));
  guint position = gtk_list_item_get_position (item);
  g_autofree char *label = NULL;
  gboolean editable = !self->locked && !fzp_skills_competitions_row_get_absent (row);

  g_object_set_data (G_OBJECT (entry), "fzp-row", row);
  g_object_set_data (G_OBJECT (entry), "fzp-position", GUINT_TO_POINTER (position));
  g_object_set_data (G_OBJECT (entry), "fzp-locked", GINT_TO_POINTER (self->locked));
  set_cell_text (entry, row, seat);
  mark_cell (entry, NULL);
  gtk_editable_set_editable (GTK_EDITABLE (entry), editable);
  /* TRANSLATORS: the accessible name of a score cell: judge 2 (吴芳), No. 3 王伟 */
  label = g_strdup_printf (_("Judge %u (%s), No. %u %s"), seat, self->event->judges[seat - 1],
                           fzp_skills_competitions_row_get_number (row), fzp_skills_competitions_row_get_name (row));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect_object (row, "scores-changed", G_CALLBACK (row_scores_changed_cb), entry, 0);
  g_signal_connect_object (row, "notify::absent", G_CALLBACK (row_absent_cb), entry, 0);
  g_hash_table_insert (self->cells, CELL_KEY (position, seat), entry);
}

static void
score_unbind (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  FzpSkillsCompetitionsScoreGrid *self = user_data;
  GtkWidget *entry = gtk_list_item_get_child (item);
  FzpSkillsCompetitionsRow *row = g_object_get_data (G_OBJECT (entry), "fzp-row");
  guint seat = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "fzp-seat"));
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "fzp-position"));

  if (row)
    {
      g_signal_handlers_disconnect_by_func (row, row_scores_changed_cb, entry);
      g_signal_handlers_disconnect_by_func (row, row_absent_cb, entry);
    }
  if (g_hash_table_lookup (self->cells, CELL_KEY (position, seat)) == entry)
    g_hash_table_remove (self->cells, CELL_KEY (position, seat));
  g_object_set_data (G_OBJECT (entry), "fzp-row", NULL);
}

static GtkColumnViewColumn *
score_column (FzpSkillsCompetitionsScoreGrid *self,
              guint                           seat)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autofree char *title = NULL;

  /* TRANSLATORS: a column of the score grid: the judge's number and name */
  title = seat == 1 ? g_strdup_printf (_("%u %s (chief)"), seat, self->event->judges[seat - 1])
                    : g_strdup_printf ("%u %s", seat, self->event->judges[seat - 1]);
  g_object_set_data (G_OBJECT (factory), "fzp-seat", GUINT_TO_POINTER (seat));
  g_signal_connect (factory, "setup", G_CALLBACK (score_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (score_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (score_unbind), self);
  return gtk_column_view_column_new (title, factory);
}

static void
absent_toggled_cb (GtkCheckButton *button,
                   gpointer        user_data)
{
  FzpSkillsCompetitionsScoreGrid *self = user_data;
  FzpSkillsCompetitionsRow *row = g_object_get_data (G_OBJECT (button), "fzp-row");
  g_autoptr(GError) error = NULL;
  gboolean active = gtk_check_button_get_active (button);

  if (row == NULL || g_object_get_data (G_OBJECT (button), "fzp-setting") ||
      active == fzp_skills_competitions_row_get_absent (row))
    return;
  if (!fzp_skills_competitions_set_absent (self->context, fzp_skills_competitions_row_get_id (row), active, &error))
    {
      g_autofree char *message = g_strdup_printf (_("No. %u %s: %s"), fzp_skills_competitions_row_get_number (row),
                                                  fzp_skills_competitions_row_get_name (row), error->message);
      problem (self, message);
      g_object_set_data (G_OBJECT (button), "fzp-setting", GINT_TO_POINTER (TRUE));
      gtk_check_button_set_active (button, !active);
      g_object_set_data (G_OBJECT (button), "fzp-setting", NULL);
      return;
    }
  problem (self, NULL);
  fzp_skills_competitions_score_grid_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
absent_setup (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_halign (check, GTK_ALIGN_CENTER);
  g_signal_connect (check, "toggled", G_CALLBACK (absent_toggled_cb), user_data);
  gtk_list_item_set_child (item, check);
}

static void
absent_bind (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  FzpSkillsCompetitionsScoreGrid *self = user_data;
  GtkWidget *check = gtk_list_item_get_child (item);
  FzpSkillsCompetitionsRow *row = gtk_list_item_get_item (item);
  g_autofree char *label = g_strdup_printf (_("Absent: No. %u %s"), fzp_skills_competitions_row_get_number (row),
                                            fzp_skills_competitions_row_get_name (row));

  g_object_set_data (G_OBJECT (check), "fzp-setting", GINT_TO_POINTER (TRUE));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), fzp_skills_competitions_row_get_absent (row));
  g_object_set_data (G_OBJECT (check), "fzp-setting", NULL);
  g_object_set_data (G_OBJECT (check), "fzp-row", row);
  gtk_widget_set_sensitive (check, !self->locked);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
absent_unbind (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (item)), "fzp-row", NULL);
}

static GtkColumnViewColumn *
absent_column (FzpSkillsCompetitionsScoreGrid *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (absent_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (absent_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (absent_unbind), self);
  return gtk_column_view_column_new (_("Absent"), factory);
}

static void
clear_columns (FzpSkillsCompetitionsScoreGrid *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);
      gtk_column_view_remove_column (self->view, column);
    }
}

static void
add_column (FzpSkillsCompetitionsScoreGrid *self,
            GtkColumnViewColumn            *column)
{
  gtk_column_view_append_column (self->view, column);
  g_object_unref (column);
}

void
fzp_skills_competitions_score_grid_set_event (FzpSkillsCompetitionsScoreGrid *self,
                                              FzContext                      *context,
                                              gint64                          event_id,
                                              gboolean                        locked)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (FZP_IS_SKILLS_COMPETITIONS_SCORE_GRID (self));

  g_clear_handle_id (&self->focus_source, g_source_remove);
  g_set_object (&self->context, context);
  g_clear_pointer (&self->event, fzp_skills_competitions_event_free);
  self->locked = locked;
  /* New rows and columns: the old cells go first. */
  gtk_column_view_set_model (self->view, NULL);
  g_list_store_remove_all (self->rows);
  clear_columns (self);
  g_hash_table_remove_all (self->cells);
  if (context && event_id > 0)
    self->event = fzp_skills_competitions_get_event (context, event_id, &error);
  if (error)
    problem (self, error->message);
  if (self->event == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("No Event Chosen"));
      adw_status_page_set_description (self->empty_page,
                                       _("Add an event with its judges (the + beside Event), or choose one; its score grid shows here."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  adw_status_page_set_title (self->empty_page, _("No Entrants Yet"));
  adw_status_page_set_description (self->empty_page,
                                   _("Import a sheet of entrants, or enter a certified person from the registry."));

  add_column (self, label_column (_("No."), "number", TRUE, FALSE, 3, 3));
  add_column (self, label_column (_("Name"), "name", FALSE, FALSE, 6, 8));
  add_column (self, label_column (_("County"), "county", FALSE, FALSE, 6, 6));
  add_column (self, label_column (_("Organization"), "organization", FALSE, TRUE, 8, 24));
  for (guint seat = 1; seat <= self->event->n_judges; seat++)
    add_column (self, score_column (self, seat));
  add_column (self, label_column (_("Final"), "final", TRUE, FALSE, 6, 7));
  add_column (self, label_column (_("Rank"), "rank", TRUE, FALSE, 3, 4));
  add_column (self, label_column (_("Award"), "award", FALSE, FALSE, 7, 8));
  add_column (self, absent_column (self));
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (self->selection));
  fzp_skills_competitions_score_grid_reload (self);
}

void
fzp_skills_competitions_score_grid_reload (FzpSkillsCompetitionsScoreGrid *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entrants = NULL;
  guint n;
  gboolean same;

  if (self->event == NULL)
    return;
  entrants = fzp_skills_competitions_list_entrants (self->context, self->event->id, &error);
  if (entrants == NULL)
    {
      problem (self, error->message);
      return;
    }
  /* The same entrants in the same order: update the rows in place. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  same = n == entrants->len;
  for (guint i = 0; same && i < n; i++)
    {
      g_autoptr(FzpSkillsCompetitionsRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);
      same = fzp_skills_competitions_row_get_id (row) == ((FzpSkillsCompetitionsEntrant *) g_ptr_array_index (entrants, i))->id;
    }
  if (same)
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(FzpSkillsCompetitionsRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);
          fzp_skills_competitions_row_update (row, g_ptr_array_index (entrants, i));
        }
    }
  else
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < entrants->len; i++)
        g_ptr_array_add (rows, fzp_skills_competitions_row_new (g_ptr_array_index (entrants, i)));
      g_list_store_splice (self->rows, 0, n, rows->pdata, rows->len);
    }
  gtk_stack_set_visible_child_name (self->stack, entrants->len > 0 ? "grid" : "empty");
}

FzpSkillsCompetitionsRow *
fzp_skills_competitions_score_grid_get_selected (FzpSkillsCompetitionsScoreGrid *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

guint
fzp_skills_competitions_score_grid_get_n_rows (FzpSkillsCompetitionsScoreGrid *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->rows));
}

static void
fzp_skills_competitions_score_grid_dispose (GObject *object)
{
  FzpSkillsCompetitionsScoreGrid *self = FZP_SKILLS_COMPETITIONS_SCORE_GRID (object);

  g_clear_handle_id (&self->focus_source, g_source_remove);
  if (self->view)
    gtk_column_view_set_model (self->view, NULL);
  /* The bin's child is a named template child: let the bin drop it first,
   * or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), FZP_TYPE_SKILLS_COMPETITIONS_SCORE_GRID);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->context);
  g_clear_pointer (&self->event, fzp_skills_competitions_event_free);
  g_clear_pointer (&self->cells, g_hash_table_unref);
  G_OBJECT_CLASS (fzp_skills_competitions_score_grid_parent_class)->dispose (object);
}

static void
fzp_skills_competitions_score_grid_class_init (FzpSkillsCompetitionsScoreGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fzp_skills_competitions_score_grid_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[PROBLEM] = g_signal_new ("problem", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/fuzhu/Fuzhu/plugins/skills-competitions/fzp-skills-competitions-score-grid.ui");
  gtk_widget_class_bind_template_child (widget_class, FzpSkillsCompetitionsScoreGrid, stack);
  gtk_widget_class_bind_template_child (widget_class, FzpSkillsCompetitionsScoreGrid, view);
  gtk_widget_class_bind_template_child (widget_class, FzpSkillsCompetitionsScoreGrid, empty_page);
}

static void
fzp_skills_competitions_score_grid_init (FzpSkillsCompetitionsScoreGrid *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_list_store_new (FZP_TYPE_SKILLS_COMPETITIONS_ROW);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  self->cells = g_hash_table_new (g_direct_hash, g_direct_equal);
}

GtkWidget *
fzp_skills_competitions_score_grid_new (void)
{
  return g_object_new (FZP_TYPE_SKILLS_COMPETITIONS_SCORE_GRID, NULL);
}
