/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-gongfu-workshops"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "fzp-gongfu-workshops-data.h"

/* Dates */

gboolean
fzp_gongfu_workshops_date_from_iso (const char *text,
                                    GDate      *date)
{
  unsigned y = 0, m = 0, d = 0;
  char extra = 0;

  g_date_clear (date, 1);
  if (text == NULL || sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &extra) != 3)
    return FALSE;
  if (!g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

void
fzp_gongfu_workshops_date_to_iso (const GDate *date,
                                  char         out[11])
{
  if (date == NULL || !g_date_valid (date))
    {
      out[0] = '\0';
      return;
    }
  g_snprintf (out, 11, "%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
}

void
fzp_gongfu_workshops_today (GDate *today)
{
  g_date_clear (today, 1);
  g_date_set_time_t (today, time (NULL));
}

/* A text column or NULL; a date column into @date. */
static void
get_date (FzStatement *st,
          int          column,
          GDate       *date)
{
  if (fz_statement_is_null (st, column))
    g_date_clear (date, 1);
  else
    fzp_gongfu_workshops_date_from_iso (fz_statement_get_text (st, column), date);
}

static void
set_error_literal (GError     **error,
                   int          code,
                   const char  *message)
{
  g_set_error_literal (error, FZP_GONGFU_WORKSHOPS_ERROR, code, message);
}

/* Workshops */

FzpGongfuWorkshopsWorkshop *
fzp_gongfu_workshops_workshop_new (void)
{
  FzpGongfuWorkshopsWorkshop *w = g_new0 (FzpGongfuWorkshopsWorkshop, 1);

  g_date_clear (&w->opened, 1);
  g_date_clear (&w->closed, 1);
  return w;
}

void
fzp_gongfu_workshops_workshop_free (FzpGongfuWorkshopsWorkshop *workshop)
{
  if (workshop == NULL)
    return;
  g_free (workshop->name);
  g_free (workshop->host_name);
  g_free (workshop->county_code);
  g_free (workshop->township);
  g_free (workshop->products);
  g_free (workshop->county_name);
  g_free (workshop->host_organization_name);
  g_free (workshop);
}

char *
fzp_gongfu_workshops_workshop_dup_host_label (const FzpGongfuWorkshopsWorkshop *workshop)
{
  const char *who = workshop->host_organization_name ? workshop->host_organization_name : workshop->host_name;

  if (who && *who)
    return g_strdup_printf ("%s · %s", fzp_gongfu_workshops_host_to_string (workshop->host), who);
  return g_strdup (fzp_gongfu_workshops_host_to_string (workshop->host));
}

char *
fzp_gongfu_workshops_workshop_dup_host_print (const FzpGongfuWorkshopsWorkshop *workshop)
{
  const char *who = workshop->host_organization_name ? workshop->host_organization_name : workshop->host_name;

  const char *kind = fzp_gongfu_workshops_host_to_print (workshop->host);

  /* 大俱源村 says it is a village; 某某合作社 does not. */
  if (who && *who && (g_str_has_suffix (who, kind) || g_str_has_suffix (who, "公司")))
    return g_strdup (who);
  if (who && *who)
    return g_strdup_printf ("%s（%s）", who, kind);
  return g_strdup (kind);
}

#define WORKSHOP_COLUMNS \
  "w.id, w.name, w.host, w.host_name, w.host_organization_id, w.county_code, w.township, w.products, " \
  "w.proper, w.opened, w.closed, c.name, o.name, " \
  "(SELECT count(*) FROM gongfu_workshops_spell s WHERE s.workshop_id = w.id AND s.left_on IS NULL) "
#define WORKSHOP_FROM \
  "FROM gongfu_workshops_workshop w JOIN fz_county c ON c.code = w.county_code " \
  "LEFT JOIN fz_organization o ON o.id = w.host_organization_id "

static FzpGongfuWorkshopsWorkshop *
workshop_from_row (FzStatement *st)
{
  FzpGongfuWorkshopsWorkshop *w = fzp_gongfu_workshops_workshop_new ();

  w->id = fz_statement_get_int64 (st, 0);
  w->name = fz_statement_dup_text (st, 1);
  w->host = fzp_gongfu_workshops_host_from_nick (fz_statement_get_text (st, 2));
  w->host_name = fz_statement_dup_text (st, 3);
  w->host_organization_id = fz_statement_get_int64 (st, 4);
  w->county_code = fz_statement_dup_text (st, 5);
  w->township = fz_statement_dup_text (st, 6);
  w->products = fz_statement_dup_text (st, 7);
  w->proper = fz_statement_get_int64 (st, 8) != 0;
  get_date (st, 9, &w->opened);
  get_date (st, 10, &w->closed);
  w->county_name = fz_statement_dup_text (st, 11);
  w->host_organization_name = fz_statement_dup_text (st, 12);
  w->workers = (guint) fz_statement_get_int64 (st, 13);
  return w;
}

static char *
trimmed_or_null (const char *text)
{
  char *norm = fz_normalize_text (text);

  if (*norm == '\0')
    g_clear_pointer (&norm, g_free);
  return norm;
}

static gboolean
check_workshop (FzContext                   *context,
                FzpGongfuWorkshopsWorkshop  *w,
                GError                     **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autofree char *name = fz_normalize_text (w->name);
  g_autofree char *code = NULL;
  GDate today;
  char day[11];

  fzp_gongfu_workshops_today (&today);
  if (*name == '\0')
    {
      set_error_literal (error, FZP_GONGFU_WORKSHOPS_ERROR_INVALID, _("Workshop name: write the workshop’s name"));
      return FALSE;
    }
  if (g_utf8_strlen (name, -1) > 100)
    {
      set_error_literal (error, FZP_GONGFU_WORKSHOPS_ERROR_INVALID, _("Workshop name: at most 100 characters"));
      return FALSE;
    }
  g_free (w->name);
  w->name = g_steal_pointer (&name);

  code = w->county_code ? fz_county_lookup (db, w->county_code) : NULL;
  if (code == NULL)
    {
      if (w->county_code && *w->county_code)
        g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                     _("County: “%s” is not a county of the city"), w->county_code);
      else
        set_error_literal (error, FZP_GONGFU_WORKSHOPS_ERROR_INVALID, _("County: say which county the workshop is in"));
      return FALSE;
    }
  g_free (w->county_code);
  w->county_code = g_steal_pointer (&code);

  if (w->host == FZP_GONGFU_WORKSHOPS_HOST_NONE || w->host > FZP_GONGFU_WORKSHOPS_HOST_LAST)
    {
      set_error_literal (error, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                         _("Host: say who hosts the workshop: village, community, home or company"));
      return FALSE;
    }
  {
    char *host_name = trimmed_or_null (w->host_name);
    g_free (w->host_name);
    w->host_name = host_name;
  }
  if (w->host != FZP_GONGFU_WORKSHOPS_HOST_COMPANY)
    w->host_organization_id = 0;
  if (w->host_name == NULL && w->host_organization_id == 0)
    {
      set_error_literal (error, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                         w->host == FZP_GONGFU_WORKSHOPS_HOST_COMPANY
                           ? _("Host: name the company, or choose it from the registry")
                           : _("Host: name the village, community or home that hosts it"));
      return FALSE;
    }
  if (w->host_organization_id != 0)
    {
      g_autoptr(FzOrganization) org = fz_registry_find_organization (fz_context_get_registry (context),
                                                                      w->host_organization_id, NULL);
      if (org == NULL)
        {
          set_error_literal (error, FZP_GONGFU_WORKSHOPS_ERROR_NOT_FOUND,
                             _("Host: that company is not in the registry"));
          return FALSE;
        }
    }
  {
    char *township = trimmed_or_null (w->township);
    char *products = trimmed_or_null (w->products);
    g_free (w->township);
    g_free (w->products);
    w->township = township;
    w->products = products;
  }

  if (!g_date_valid (&w->opened))
    {
      set_error_literal (error, FZP_GONGFU_WORKSHOPS_ERROR_INVALID, _("Opened: write the day the workshop opened"));
      return FALSE;
    }
  if (g_date_compare (&w->opened, &today) > 0)
    {
      fzp_gongfu_workshops_date_to_iso (&w->opened, day);
      g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                   _("Opened: %s is in the future"), day);
      return FALSE;
    }
  if (g_date_valid (&w->closed) && g_date_compare (&w->closed, &w->opened) < 0)
    {
      fzp_gongfu_workshops_date_to_iso (&w->opened, day);
      g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                   _("Closed: before the workshop opened on %s"), day);
      return FALSE;
    }
  if (g_date_valid (&w->closed) && g_date_compare (&w->closed, &today) > 0)
    {
      fzp_gongfu_workshops_date_to_iso (&w->closed, day);
      g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                   _("Closed: %s is in the future"), day);
      return FALSE;
    }
  return TRUE;
}

typedef struct {
  FzContext                  *context;
  FzpGongfuWorkshopsWorkshop *workshop;
} SaveWorkshop;

static gboolean
save_workshop_txn (FzDatabase  *db,
                   gpointer     user_data,
                   GError     **error)
{
  SaveWorkshop *save = user_data;
  FzpGongfuWorkshopsWorkshop *w = save->workshop;
  char opened[11], closed[11];
  gint64 other = 0;
  gboolean found = FALSE;

  if (!fz_database_query_int64 (db, "SELECT id FROM gongfu_workshops_workshop WHERE name = ?1 AND id <> ?2",
                                g_variant_new ("(sx)", w->name, w->id), &other, &found, error))
    return FALSE;
  if (found)
    {
      g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_CONFLICT,
                   _("Workshop name: another workshop is called “%s” already"), w->name);
      return FALSE;
    }
  fzp_gongfu_workshops_date_to_iso (&w->opened, opened);
  fzp_gongfu_workshops_date_to_iso (&w->closed, closed);

  if (w->id != 0)
    {
      /* Spells and pay must stay inside the workshop's days. */
      if (!fz_database_query_int64 (db,
                                    "SELECT count(*) FROM gongfu_workshops_spell WHERE workshop_id = ?1 "
                                    "AND (joined < ?2 OR (?3 IS NOT NULL AND (left_on IS NULL OR left_on > ?3)))",
                                    g_variant_new ("(xsms)", w->id, opened, *closed ? closed : NULL),
                                    &other, NULL, error))
        return FALSE;
      if (other > 0)
        {
          set_error_literal (error, FZP_GONGFU_WORKSHOPS_ERROR_CONFLICT,
                             *closed ? _("Closed: persons work there after that day; record that they left, or close the workshop with its own command")
                                     : _("Opened: persons joined before that day"));
          return FALSE;
        }
      if (!fz_database_execute (db,
                                "UPDATE gongfu_workshops_workshop SET name = ?2, host = ?3, host_name = ?4, "
                                "host_organization_id = ?5, county_code = ?6, township = ?7, products = ?8, "
                                "proper = ?9, opened = ?10, closed = ?11, "
                                "updated = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
                                g_variant_new ("(xssmsmxsmsmsbsms)", w->id, w->name,
                                               fzp_gongfu_workshops_host_to_nick (w->host), w->host_name,
                                               w->host_organization_id != 0, w->host_organization_id,
                                               w->county_code, w->township, w->products, w->proper,
                                               opened, *closed ? closed : NULL),
                                error))
        return FALSE;
      if (fz_database_changes (db) == 0)
        {
          set_error_literal (error, FZP_GONGFU_WORKSHOPS_ERROR_NOT_FOUND, _("Workshop: there is no such workshop"));
          return FALSE;
        }
      return TRUE;
    }

  if (!fz_database_execute (db,
                            "INSERT INTO gongfu_workshops_workshop (name, host, host_name, host_organization_id, "
                            "county_code, township, products, proper, opened, closed) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                            g_variant_new ("(ssmsmxsmsmsbsms)", w->name, fzp_gongfu_workshops_host_to_nick (w->host),
                                           w->host_name, w->host_organization_id != 0, w->host_organization_id,
                                           w->county_code, w->township, w->products, w->proper, opened,
                                           *closed ? closed : NULL),
                            error))
    return FALSE;
  w->id = fz_database_last_insert_rowid (db);
  return TRUE;
}

gboolean
fzp_gongfu_workshops_save_workshop (FzContext                   *context,
                                    FzpGongfuWorkshopsWorkshop  *workshop,
                                    GError                     **error)
{
  SaveWorkshop save = { context, workshop };
  gint64 id = workshop->id;

  if (!check_workshop (context, workshop, error))
    return FALSE;
  if (!fz_database_transaction (fz_context_get_database (context), save_workshop_txn, &save, error))
    {
      workshop->id = id;
      return FALSE;
    }
  return TRUE;
}

FzpGongfuWorkshopsWorkshop *
fzp_gongfu_workshops_get_workshop (FzContext  *context,
                                   gint64      id,
                                   GError    **error)
{
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local = NULL;

  st = fz_database_query (fz_context_get_database (context),
                          "SELECT " WORKSHOP_COLUMNS WORKSHOP_FROM "WHERE w.id = ?1",
                          g_variant_new ("(x)", id), error);
  if (st == NULL)
    return NULL;
  if (fz_statement_step (st, &local))
    return workshop_from_row (st);
  if (local)
    g_propagate_error (error, g_steal_pointer (&local));
  else
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_NOT_FOUND,
                   _("Workshop: there is no workshop %s"), number);
    }
  return NULL;
}

FzpGongfuWorkshopsWorkshop *
fzp_gongfu_workshops_find_workshop (FzContext   *context,
                                    const char  *id_or_name,
                                    GError     **error)
{
  g_autofree char *text = fz_normalize_text (id_or_name);
  gint64 id = 0;
  gboolean found = FALSE;
  gboolean digits = *text != '\0' && strlen (text) <= 12;

  for (const char *p = text; digits && *p; p++)
    digits = g_ascii_isdigit (*p);
  if (digits)
    return fzp_gongfu_workshops_get_workshop (context, g_ascii_strtoll (text, NULL, 10), error);
  if (!fz_database_query_int64 (fz_context_get_database (context),
                                "SELECT id FROM gongfu_workshops_workshop WHERE name = ?1",
                                g_variant_new ("(s)", text), &id, &found, error))
    return NULL;
  if (!found)
    {
      g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_NOT_FOUND,
                   _("Workshop: there is no workshop called “%s”"), text);
      return NULL;
    }
  return fzp_gongfu_workshops_get_workshop (context, id, error);
}

GPtrArray *
fzp_gongfu_workshops_list_workshops (FzContext   *context,
                                     const char  *county_code,
                                     GError     **error)
{
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) fzp_gongfu_workshops_workshop_free);

  st = fz_database_query (fz_context_get_database (context),
                          "SELECT " WORKSHOP_COLUMNS WORKSHOP_FROM
                          "WHERE ?1 IS NULL OR w.county_code = ?1 "
                          "ORDER BY w.closed IS NOT NULL, c.sort, w.name",
                          g_variant_new ("(ms)", county_code), error);
  if (st == NULL)
    return NULL;
  while (fz_statement_step (st, &local))
    g_ptr_array_add (list, workshop_from_row (st));
  if (local)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  return g_steal_pointer (&list);
}

typedef struct {
  gint64 workshop_id;
  char   day[11];
} CloseWorkshop;

static gboolean
close_workshop_txn (FzDatabase  *db,
                    gpointer     user_data,
                    GError     **error)
{
  CloseWorkshop *close = user_data;
  gint64 later = 0;

  if (!fz_database_query_int64 (db,
                                "SELECT count(*) FROM gongfu_workshops_spell WHERE workshop_id = ?1 "
                                "AND (joined > ?2 OR left_on > ?2)",
                                g_variant_new ("(xs)", close->workshop_id, close->day), &later, NULL, error))
    return FALSE;
  if (later > 0)
    {
      g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_CONFLICT,
                   _("Closed: persons worked there after %s"), close->day);
      return FALSE;
    }
  if (!fz_database_query_int64 (db,
                                "SELECT count(*) FROM gongfu_workshops_pay p JOIN gongfu_workshops_spell s "
                                "ON s.id = p.spell_id WHERE s.workshop_id = ?1 AND p.month > substr(?2, 1, 7)",
                                g_variant_new ("(xs)", close->workshop_id, close->day), &later, NULL, error))
    return FALSE;
  if (later > 0)
    {
      g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_CONFLICT,
                   _("Closed: pay is recorded for months after %s"), close->day);
      return FALSE;
    }
  if (!fz_database_execute (db,
                            "UPDATE gongfu_workshops_spell SET left_on = ?2, leave_reason = '车间关闭' "
                            "WHERE workshop_id = ?1 AND left_on IS NULL",
                            g_variant_new ("(xs)", close->workshop_id, close->day), error))
    return FALSE;
  return fz_database_execute (db,
                              "UPDATE gongfu_workshops_workshop SET closed = ?2, "
                              "updated = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
                              g_variant_new ("(xs)", close->workshop_id, close->day), error);
}

gboolean
fzp_gongfu_workshops_close_workshop (FzContext    *context,
                                     gint64        workshop_id,
                                     const GDate  *closed,
                                     GError      **error)
{
  g_autoptr(FzpGongfuWorkshopsWorkshop) w = fzp_gongfu_workshops_get_workshop (context, workshop_id, error);
  CloseWorkshop close = { workshop_id, "" };
  GDate today;
  char day[11];

  if (w == NULL)
    return FALSE;
  fzp_gongfu_workshops_today (&today);
  if (g_date_valid (&w->closed))
    {
      fzp_gongfu_workshops_date_to_iso (&w->closed, day);
      g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_CONFLICT,
                   _("Closed: the workshop closed on %s already"), day);
      return FALSE;
    }
  fzp_gongfu_workshops_date_to_iso (closed ? closed : &today, close.day);
  if (g_date_compare (closed ? closed : &today, &w->opened) < 0)
    {
      fzp_gongfu_workshops_date_to_iso (&w->opened, day);
      g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                   _("Closed: before the workshop opened on %s"), day);
      return FALSE;
    }
  if (g_date_compare (closed ? closed : &today, &today) > 0)
    {
      g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                   _("Closed: %s is in the future"), close.day);
      return FALSE;
    }
  return fz_database_transaction (fz_context_get_database (context), close_workshop_txn, &close, error);
}

/* Partners */

typedef struct {
  gint64   workshop_id;
  gint64   organization_id;
  gboolean partner;
} SetPartner;

static gboolean
set_partner_txn (FzDatabase  *db,
                 gpointer     user_data,
                 GError     **error)
{
  SetPartner *set = user_data;

  if (set->partner)
    return fz_database_execute (db,
                                "INSERT INTO gongfu_workshops_partner (workshop_id, organization_id) "
                                "VALUES (?1, ?2) ON CONFLICT DO NOTHING",
                                g_variant_new ("(xx)", set->workshop_id, set->organization_id), error);
  return fz_database_execute (db,
                              "DELETE FROM gongfu_workshops_partner WHERE workshop_id = ?1 AND organization_id = ?2",
                              g_variant_new ("(xx)", set->workshop_id, set->organization_id), error);
}

gboolean
fzp_gongfu_workshops_set_partner (FzContext  *context,
                                  gint64      workshop_id,
                                  gint64      organization_id,
                                  gboolean    partner,
                                  GError    **error)
{
  SetPartner set = { workshop_id, organization_id, partner };
  g_autoptr(FzpGongfuWorkshopsWorkshop) w = fzp_gongfu_workshops_get_workshop (context, workshop_id, error);
  g_autoptr(FzOrganization) org = NULL;

  if (w == NULL)
    return FALSE;
  org = fz_registry_find_organization (fz_context_get_registry (context), organization_id, NULL);
  if (org == NULL)
    {
      set_error_literal (error, FZP_GONGFU_WORKSHOPS_ERROR_NOT_FOUND, _("Partner: that company is not in the registry"));
      return FALSE;
    }
  return fz_database_transaction (fz_context_get_database (context), set_partner_txn, &set, error);
}

GPtrArray *
fzp_gongfu_workshops_list_partners (FzContext  *context,
                                    gint64      workshop_id,
                                    GError    **error)
{
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  FzRegistry *registry = fz_context_get_registry (context);

  st = fz_database_query (fz_context_get_database (context),
                          "SELECT p.organization_id FROM gongfu_workshops_partner p "
                          "JOIN fz_organization o ON o.id = p.organization_id "
                          "WHERE p.workshop_id = ?1 ORDER BY o.name",
                          g_variant_new ("(x)", workshop_id), error);
  if (st == NULL)
    return NULL;
  while (fz_statement_step (st, &local))
    {
      FzOrganization *org = fz_registry_find_organization (registry, fz_statement_get_int64 (st, 0), &local);
      if (org == NULL)
        break;
      g_ptr_array_add (list, org);
    }
  if (local)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* Persons and organizations */

FzPerson *
fzp_gongfu_workshops_lookup_person (FzContext   *context,
                                    const char  *text,
                                    GError     **error)
{
  FzRegistry *registry = fz_context_get_registry (context);
  g_autofree char *number = fz_normalize_number (text);
  g_autofree char *name = fz_normalize_text (text);
  FzPersonFilter filter = { 0 };
  g_autoptr(GPtrArray) found = NULL;
  gsize length = strlen (number);
  FzPerson *person;

  if (*number == '\0')
    {
      set_error_literal (error, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                         _("Person: give the identity number, the certificate number or the name"));
      return NULL;
    }
  if ((length == 18 || length == 20) && g_ascii_isdigit (number[0]))
    {
      g_autoptr(GError) local = NULL;

      number[18] = '\0';
      if (!fz_validate_identity_number (number, NULL, NULL, error))
        return NULL;
      person = fz_registry_find_person_by_id_number (registry, number, &local);
      if (person == NULL && local == NULL)
        g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_NOT_FOUND,
                     _("Person: nobody with identity number %s is in the registry; register them first"), number);
      else if (local)
        g_propagate_error (error, g_steal_pointer (&local));
      return person;
    }
  if (g_ascii_isdigit (number[0]))
    {
      g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                   _("Person: “%s” is neither an identity number (18 characters) nor a certificate number (20)"),
                   number);
      return NULL;
    }

  filter.text = name;
  found = fz_registry_list_persons (registry, &filter, 0, 50, error);
  if (found == NULL)
    return NULL;
  person = NULL;
  for (guint i = 0; i < found->len; i++)
    if (g_str_equal (fz_person_get_name (g_ptr_array_index (found, i)), name))
      {
        if (person != NULL)
          {
            g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_NOT_FOUND,
                         _("Person: more than one person is called %s; give the identity number"), name);
            return NULL;
          }
        person = g_ptr_array_index (found, i);
      }
  if (person == NULL)
    {
      g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_NOT_FOUND,
                   _("Person: nobody called %s is in the registry"), name);
      return NULL;
    }
  return g_object_ref (person);
}

FzOrganization *
fzp_gongfu_workshops_lookup_organization (FzContext   *context,
                                          const char  *text,
                                          GError     **error)
{
  FzRegistry *registry = fz_context_get_registry (context);
  g_autofree char *number = fz_normalize_number (text);
  g_autofree char *name = fz_normalize_text (text);
  FzOrganizationFilter filter = { 0 };
  g_autoptr(GPtrArray) found = NULL;
  gboolean digits = *number != '\0' && strlen (number) <= 12;
  FzOrganization *org = NULL;

  for (const char *p = number; digits && *p; p++)
    digits = g_ascii_isdigit (*p);
  if (*name == '\0')
    {
      set_error_literal (error, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                         _("Company: give its name, its credit code or its number in the registry"));
      return NULL;
    }
  if (digits)
    {
      org = fz_registry_find_organization (registry, g_ascii_strtoll (number, NULL, 10), NULL);
      if (org == NULL)
        g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_NOT_FOUND,
                     _("Company: there is no organization %s in the registry"), number);
      return org;
    }

  filter.text = strlen (number) == 18 ? number : name;
  found = fz_registry_list_organizations (registry, &filter, 0, 50, error);
  if (found == NULL)
    return NULL;
  for (guint i = 0; i < found->len; i++)
    {
      FzOrganization *o = g_ptr_array_index (found, i);
      if (g_strcmp0 (fz_organization_get_name (o), name) == 0 ||
          g_strcmp0 (fz_organization_get_credit_code (o), number) == 0)
        return g_object_ref (o);
    }
  g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_NOT_FOUND,
               _("Company: “%s” is not in the registry; add it there first"), name);
  return NULL;
}

/* Workers */

void
fzp_gongfu_workshops_worker_free (FzpGongfuWorkshopsWorker *worker)
{
  if (worker == NULL)
    return;
  g_free (worker->workshop_name);
  g_free (worker->name);
  g_free (worker->id_number);
  g_free (worker->phone);
  g_free (worker->leave_reason);
  g_free (worker->note);
  g_free (worker);
}

void
fzp_gongfu_workshops_worker_get_spell (const FzpGongfuWorkshopsWorker *worker,
                                       FzpGongfuWorkshopsSpell        *spell)
{
  spell->workshop_id = worker->workshop_id;
  spell->workshop_name = worker->workshop_name;
  spell->joined = worker->joined;
  spell->left = worker->left;
}

#define WORKER_COLUMNS \
  "s.id, s.workshop_id, w.name, s.person_id, p.name, p.id_number, p.phone, p.sex, p.category, p.grade, " \
  "s.joined, s.left_on, s.leave_reason "
#define WORKER_FROM \
  "FROM gongfu_workshops_spell s JOIN gongfu_workshops_workshop w ON w.id = s.workshop_id " \
  "JOIN fz_person p ON p.id = s.person_id "

static FzpGongfuWorkshopsWorker *
worker_from_row (FzStatement *st)
{
  FzpGongfuWorkshopsWorker *w = g_new0 (FzpGongfuWorkshopsWorker, 1);

  w->spell_id = fz_statement_get_int64 (st, 0);
  w->workshop_id = fz_statement_get_int64 (st, 1);
  w->workshop_name = fz_statement_dup_text (st, 2);
  w->person_id = fz_statement_get_int64 (st, 3);
  w->name = fz_statement_dup_text (st, 4);
  w->id_number = fz_statement_dup_text (st, 5);
  w->phone = fz_statement_dup_text (st, 6);
  w->sex = (FzSex) fz_statement_get_int64 (st, 7);
  w->category = (guint) fz_statement_get_int64 (st, 8);
  w->grade = (guint) fz_statement_get_int64 (st, 9);
  get_date (st, 10, &w->joined);
  get_date (st, 11, &w->left);
  w->leave_reason = fz_statement_dup_text (st, 12);
  w->basis = FZP_GONGFU_WORKSHOPS_BASIS_PIECE;
  return w;
}

static GPtrArray *
list_workers (FzContext   *context,
              const char  *sql,
              GVariant    *params,
              GError     **error)
{
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) fzp_gongfu_workshops_worker_free);

  st = fz_database_query (fz_context_get_database (context), sql, params, error);
  if (st == NULL)
    return NULL;
  while (fz_statement_step (st, &local))
    g_ptr_array_add (list, worker_from_row (st));
  if (local)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  return g_steal_pointer (&list);
}

GPtrArray *
fzp_gongfu_workshops_list_person_spells (FzContext  *context,
                                         gint64      person_id,
                                         GError    **error)
{
  return list_workers (context,
                       "SELECT " WORKER_COLUMNS WORKER_FROM "WHERE s.person_id = ?1 ORDER BY s.joined",
                       g_variant_new ("(x)", person_id), error);
}

GPtrArray *
fzp_gongfu_workshops_list_workers (FzContext    *context,
                                   gint64        workshop_id,
                                   const GDate  *on,
                                   GError      **error)
{
  char day[11];

  if (on == NULL)
    return list_workers (context,
                         "SELECT " WORKER_COLUMNS WORKER_FROM
                         "WHERE s.workshop_id = ?1 ORDER BY s.left_on IS NOT NULL, s.joined DESC, s.id DESC",
                         g_variant_new ("(x)", workshop_id), error);
  fzp_gongfu_workshops_date_to_iso (on, day);
  return list_workers (context,
                       "SELECT " WORKER_COLUMNS WORKER_FROM
                       "WHERE s.workshop_id = ?1 AND s.joined <= ?2 AND (s.left_on IS NULL OR s.left_on >= ?2) "
                       "ORDER BY s.joined, s.id",
                       g_variant_new ("(xs)", workshop_id, day), error);
}

GPtrArray *
fzp_gongfu_workshops_list_month (FzContext  *context,
                                 gint64      workshop_id,
                                 guint       year,
                                 guint       month,
                                 GError    **error)
{
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) fzp_gongfu_workshops_worker_free);
  g_autofree char *m = fzp_gongfu_workshops_format_month (year, month);
  GDate first, last;
  char first_iso[11], last_iso[11];

  fzp_gongfu_workshops_month_bounds (year, month, &first, &last);
  fzp_gongfu_workshops_date_to_iso (&first, first_iso);
  fzp_gongfu_workshops_date_to_iso (&last, last_iso);
  st = fz_database_query (fz_context_get_database (context),
                          "SELECT " WORKER_COLUMNS ", pay.basis, pay.quantity, pay.amount, pay.note, "
                          "(SELECT l.basis FROM gongfu_workshops_pay l WHERE l.spell_id = s.id AND l.month < ?2 "
                          "  ORDER BY l.month DESC LIMIT 1) "
                          WORKER_FROM
                          "LEFT JOIN gongfu_workshops_pay pay ON pay.spell_id = s.id AND pay.month = ?2 "
                          "WHERE s.workshop_id = ?1 AND s.joined <= ?4 AND (s.left_on IS NULL OR s.left_on >= ?3) "
                          "ORDER BY s.joined, s.id",
                          g_variant_new ("(xsss)", workshop_id, m, first_iso, last_iso), error);
  if (st == NULL)
    return NULL;
  while (fz_statement_step (st, &local))
    {
      FzpGongfuWorkshopsWorker *w = worker_from_row (st);

      w->has_pay = !fz_statement_is_null (st, 13);
      if (w->has_pay)
        {
          w->basis = fzp_gongfu_workshops_basis_from_nick (fz_statement_get_text (st, 13));
          w->quantity = fz_statement_get_double (st, 14);
          w->amount = fz_statement_get_int64 (st, 15);
          w->note = fz_statement_dup_text (st, 16);
        }
      else if (!fz_statement_is_null (st, 17))
        w->basis = fzp_gongfu_workshops_basis_from_nick (fz_statement_get_text (st, 17));
      g_ptr_array_add (list, w);
    }
  if (local)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  return g_steal_pointer (&list);
}

typedef struct {
  FzContext                  *context;
  FzpGongfuWorkshopsWorkshop *workshop;
  gint64                      person_id;
  GDate                       date;
  gint64                      spell_id;
} Join;

static GArray *
spells_of (GPtrArray *workers)
{
  GArray *spells = g_array_sized_new (FALSE, TRUE, sizeof (FzpGongfuWorkshopsSpell), workers->len);

  for (guint i = 0; i < workers->len; i++)
    {
      FzpGongfuWorkshopsSpell spell;

      fzp_gongfu_workshops_worker_get_spell (g_ptr_array_index (workers, i), &spell);
      g_array_append_val (spells, spell);
    }
  return spells;
}

/* The person's spells are read inside the transaction: two offices cannot
 * place the same person in two workshops at once. */
static gboolean
join_txn (FzDatabase  *db,
          gpointer     user_data,
          GError     **error)
{
  Join *join = user_data;
  g_autoptr(GPtrArray) spells = fzp_gongfu_workshops_list_person_spells (join->context, join->person_id, error);
  g_autoptr(GArray) array = NULL;
  char joined[11];
  GDate today;

  if (spells == NULL)
    return FALSE;
  array = spells_of (spells);
  fzp_gongfu_workshops_today (&today);
  if (!fzp_gongfu_workshops_check_join ((FzpGongfuWorkshopsSpell *) (gpointer) array->data, array->len, &join->date,
                                        &join->workshop->opened, &join->workshop->closed, &today, error))
    return FALSE;
  fzp_gongfu_workshops_date_to_iso (&join->date, joined);
  if (!fz_database_execute (db,
                            "INSERT INTO gongfu_workshops_spell (workshop_id, person_id, joined, created_by) "
                            "VALUES (?1, ?2, ?3, ?4)",
                            g_variant_new ("(xxsms)", join->workshop->id, join->person_id, joined,
                                           fz_context_get_operator (join->context)),
                            error))
    return FALSE;
  join->spell_id = fz_database_last_insert_rowid (db);
  return TRUE;
}

gint64
fzp_gongfu_workshops_join (FzContext    *context,
                           gint64        workshop_id,
                           gint64        person_id,
                           const GDate  *joined,
                           GError      **error)
{
  g_autoptr(FzpGongfuWorkshopsWorkshop) w = fzp_gongfu_workshops_get_workshop (context, workshop_id, error);
  g_autoptr(FzPerson) person = NULL;
  Join join = { context, w, person_id, { 0 }, 0 };

  if (w == NULL)
    return 0;
  person = fz_registry_find_person (fz_context_get_registry (context), person_id, NULL);
  if (person == NULL)
    {
      set_error_literal (error, FZP_GONGFU_WORKSHOPS_ERROR_NOT_FOUND, _("Person: not in the registry"));
      return 0;
    }
  if (joined)
    join.date = *joined;
  else
    fzp_gongfu_workshops_today (&join.date);
  if (!fz_database_transaction (fz_context_get_database (context), join_txn, &join, error))
    {
      if (error && *error && (*error)->domain == FZ_DATABASE_ERROR)
        g_prefix_error (error, _("Could not record that %s joined %s: "), fz_person_get_name (person), w->name);
      return 0;
    }
  return join.spell_id;
}

typedef struct {
  gint64      spell_id;
  char        left[11];
  const char *reason;
} Leave;

static gboolean
leave_txn (FzDatabase  *db,
           gpointer     user_data,
           GError     **error)
{
  Leave *leave = user_data;

  return fz_database_execute (db,
                              "UPDATE gongfu_workshops_spell SET left_on = ?2, leave_reason = ?3 "
                              "WHERE id = ?1 AND left_on IS NULL",
                              g_variant_new ("(xsms)", leave->spell_id, leave->left, leave->reason), error);
}

gboolean
fzp_gongfu_workshops_leave (FzContext    *context,
                            gint64        person_id,
                            const GDate  *left,
                            const char   *reason,
                            GError      **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autoptr(GPtrArray) spells = fzp_gongfu_workshops_list_person_spells (context, person_id, error);
  g_autofree char *why = trimmed_or_null (reason);
  g_autofree char *last_month = NULL;
  g_autoptr(FzStatement) st = NULL;
  FzpGongfuWorkshopsWorker *open = NULL;
  FzpGongfuWorkshopsSpell spell;
  Leave leave = { 0, "", NULL };
  guint year = 0, month = 0;
  GDate today, day;

  if (spells == NULL)
    return FALSE;
  for (guint i = 0; i < spells->len; i++)
    {
      FzpGongfuWorkshopsWorker *w = g_ptr_array_index (spells, i);
      if (!g_date_valid (&w->left))
        open = w;
    }
  if (open == NULL)
    {
      set_error_literal (error, FZP_GONGFU_WORKSHOPS_ERROR_CONFLICT, _("Person: does not work in any workshop now"));
      return FALSE;
    }
  st = fz_database_query (db, "SELECT max(month) FROM gongfu_workshops_pay WHERE spell_id = ?1",
                          g_variant_new ("(x)", open->spell_id), error);
  if (st == NULL)
    return FALSE;
  if (fz_statement_step (st, NULL) && !fz_statement_is_null (st, 0))
    last_month = fz_statement_dup_text (st, 0);
  g_clear_pointer (&st, fz_statement_unref);
  if (last_month && !fzp_gongfu_workshops_parse_month (last_month, "", &year, &month, NULL))
    year = month = 0;

  fzp_gongfu_workshops_today (&today);
  day = left ? *left : today;
  fzp_gongfu_workshops_worker_get_spell (open, &spell);
  if (!fzp_gongfu_workshops_check_leave (&spell, &day, &today, year, month, error))
    return FALSE;
  leave.spell_id = open->spell_id;
  fzp_gongfu_workshops_date_to_iso (&day, leave.left);
  leave.reason = why;
  if (!fz_database_transaction (db, leave_txn, &leave, error))
    {
      g_prefix_error (error, _("Could not record that %s left %s: "), open->name, open->workshop_name);
      return FALSE;
    }
  return TRUE;
}

/* Pay */

gint64
fzp_gongfu_workshops_find_spell (FzContext  *context,
                                 gint64      workshop_id,
                                 gint64      person_id,
                                 guint       year,
                                 guint       month,
                                 GError    **error)
{
  g_autoptr(GPtrArray) spells = fzp_gongfu_workshops_list_person_spells (context, person_id, error);
  FzpGongfuWorkshopsWorker *latest = NULL;
  FzpGongfuWorkshopsWorker *covering = NULL;
  FzpGongfuWorkshopsSpell spell;
  GDate today;

  if (spells == NULL)
    return 0;
  /* Oldest first: of two spells in the same month, the later one is paid. */
  for (guint i = 0; i < spells->len; i++)
    {
      FzpGongfuWorkshopsWorker *w = g_ptr_array_index (spells, i);

      if (w->workshop_id != workshop_id)
        continue;
      latest = w;
      fzp_gongfu_workshops_worker_get_spell (w, &spell);
      if (fzp_gongfu_workshops_spell_covers_month (&spell, year, month))
        covering = w;
    }
  if (covering)
    return covering->spell_id;
  if (latest == NULL)
    {
      g_autoptr(FzpGongfuWorkshopsWorkshop) ws = fzp_gongfu_workshops_get_workshop (context, workshop_id, NULL);
      g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_CONFLICT,
                   _("Person: has never worked at %s"), ws ? ws->name : "");
      return 0;
    }
  /* Says why: the month is after today, or outside their time there. */
  fzp_gongfu_workshops_today (&today);
  fzp_gongfu_workshops_worker_get_spell (latest, &spell);
  if (fzp_gongfu_workshops_check_pay_month (&spell, year, month, &today, error))
    set_error_literal (error, FZP_GONGFU_WORKSHOPS_ERROR_CONFLICT, _("Month: the person did not work there then"));
  return 0;
}

typedef struct {
  FzContext                        *context;
  gint64                            workshop_id;
  guint                             year;
  guint                             month;
  char                             *month_text;
  const FzpGongfuWorkshopsPayEntry *entries;
  guint                             n_entries;
  guint                             n_changed;
  const FzpGongfuWorkshopsPayEntry *input;     /* as given: spells may still be 0 */
  guint                             n_input;
  GArray                           *resolved;
} SaveMonth;

static gboolean
save_month_txn (FzDatabase  *db,
                gpointer     user_data,
                GError     **error)
{
  SaveMonth *save = user_data;

  for (guint i = 0; i < save->n_entries; i++)
    {
      const FzpGongfuWorkshopsPayEntry *e = &save->entries[i];
      g_autoptr(FzStatement) st = NULL;
      g_autofree char *note = trimmed_or_null (e->note);
      gboolean same = FALSE;
      gboolean exists = FALSE;

      st = fz_database_query (db,
                              "SELECT basis, quantity, amount, note FROM gongfu_workshops_pay "
                              "WHERE spell_id = ?1 AND month = ?2",
                              g_variant_new ("(xs)", e->spell_id, save->month_text), error);
      if (st == NULL)
        return FALSE;
      if (fz_statement_step (st, NULL))
        {
          exists = TRUE;
          same = !e->clear &&
                 g_strcmp0 (fz_statement_get_text (st, 0), fzp_gongfu_workshops_basis_to_nick (e->basis)) == 0 &&
                 fz_statement_get_double (st, 1) == e->quantity && fz_statement_get_int64 (st, 2) == e->amount &&
                 g_strcmp0 (fz_statement_get_text (st, 3), note) == 0;
        }
      g_clear_pointer (&st, fz_statement_unref);
      if (same || (e->clear && !exists))
        continue;
      if (e->clear)
        {
          if (!fz_database_execute (db, "DELETE FROM gongfu_workshops_pay WHERE spell_id = ?1 AND month = ?2",
                                    g_variant_new ("(xs)", e->spell_id, save->month_text), error))
            return FALSE;
        }
      else if (!fz_database_execute (db,
                                     "INSERT INTO gongfu_workshops_pay (spell_id, month, basis, quantity, amount, note) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (spell_id, month) DO UPDATE SET "
                                     "basis = excluded.basis, quantity = excluded.quantity, "
                                     "amount = excluded.amount, note = excluded.note",
                                     g_variant_new ("(xssdxms)", e->spell_id, save->month_text,
                                                    fzp_gongfu_workshops_basis_to_nick (e->basis), e->quantity,
                                                    e->amount, note),
                                     error))
        return FALSE;
      save->n_changed++;
    }
  return TRUE;
}

/* Checks every row against the spells as they are inside the transaction,
 * so that no other change can slip between the check and the write. */
static gboolean
check_and_save_month_txn (FzDatabase  *db,
                          gpointer     user_data,
                          GError     **error)
{
  SaveMonth *save = user_data;
  g_autoptr(GPtrArray) rows = fzp_gongfu_workshops_list_month (save->context, save->workshop_id, save->year,
                                                               save->month, error);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  GDate today;

  if (rows == NULL)
    return FALSE;
  fzp_gongfu_workshops_today (&today);
  for (guint i = 0; i < save->n_input; i++)
    {
      FzpGongfuWorkshopsPayEntry e = save->input[i];
      FzpGongfuWorkshopsWorker *row = NULL;
      FzpGongfuWorkshopsSpell spell;

      if (e.spell_id == 0)
        {
          e.spell_id = fzp_gongfu_workshops_find_spell (save->context, save->workshop_id, e.person_id, save->year,
                                                        save->month, error);
          if (e.spell_id == 0)
            return FALSE;
        }
      for (guint j = 0; j < rows->len && row == NULL; j++)
        if (((FzpGongfuWorkshopsWorker *) g_ptr_array_index (rows, j))->spell_id == e.spell_id)
          row = g_ptr_array_index (rows, j);
      if (row == NULL)
        {
          g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_CONFLICT,
                       _("Month: that person did not work in this workshop in %s"), save->month_text);
          return FALSE;
        }
      if (g_hash_table_contains (seen, &row->spell_id))
        {
          g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_CONFLICT,
                       _("%s: the month's pay is given twice"), row->name);
          return FALSE;
        }
      g_hash_table_add (seen, &row->spell_id);
      fzp_gongfu_workshops_worker_get_spell (row, &spell);
      if (!fzp_gongfu_workshops_check_pay_month (&spell, save->year, save->month, &today, error) ||
          (!e.clear && !fzp_gongfu_workshops_check_pay (e.basis, e.quantity, e.amount, error)))
        {
          g_prefix_error (error, "%s: ", row->name);
          return FALSE;
        }
      g_array_append_val (save->resolved, e);
    }
  save->entries = (const FzpGongfuWorkshopsPayEntry *) (gconstpointer) save->resolved->data;
  save->n_entries = save->resolved->len;
  return save_month_txn (db, save, error);
}

gboolean
fzp_gongfu_workshops_save_month (FzContext                        *context,
                                 gint64                            workshop_id,
                                 guint                             year,
                                 guint                             month,
                                 const FzpGongfuWorkshopsPayEntry *entries,
                                 guint                             n_entries,
                                 guint                            *n_changed,
                                 GError                          **error)
{
  g_autofree char *m = NULL;
  g_autoptr(GArray) resolved = g_array_new (FALSE, TRUE, sizeof (FzpGongfuWorkshopsPayEntry));
  SaveMonth save = { 0 };

  if (n_changed)
    *n_changed = 0;
  if (month < 1 || month > 12)
    {
      set_error_literal (error, FZP_GONGFU_WORKSHOPS_ERROR_INVALID, _("Month: not a month"));
      return FALSE;
    }
  m = fzp_gongfu_workshops_format_month (year, month);
  save.context = context;
  save.workshop_id = workshop_id;
  save.year = year;
  save.month = month;
  save.month_text = m;
  save.input = entries;
  save.n_input = n_entries;
  save.resolved = resolved;
  if (!fz_database_transaction (fz_context_get_database (context), check_and_save_month_txn, &save, error))
    {
      if (error && *error && (*error)->domain == FZ_DATABASE_ERROR)
        g_prefix_error (error, _("Could not save the pay of %s: "), m);
      return FALSE;
    }
  if (n_changed)
    *n_changed = save.n_changed;
  return TRUE;
}

/* Orders */

void
fzp_gongfu_workshops_order_free (FzpGongfuWorkshopsOrder *order)
{
  if (order == NULL)
    return;
  g_free (order->organization_name);
  g_free (order->product);
  g_free (order);
}

typedef struct {
  FzpGongfuWorkshopsOrder *order;
  char                     starts[11];
  char                     ends[11];
} AddOrder;

static gboolean
add_order_txn (FzDatabase  *db,
               gpointer     user_data,
               GError     **error)
{
  AddOrder *add = user_data;
  FzpGongfuWorkshopsOrder *o = add->order;

  if (!fz_database_execute (db,
                            "INSERT INTO gongfu_workshops_partner (workshop_id, organization_id) VALUES (?1, ?2) "
                            "ON CONFLICT DO NOTHING",
                            g_variant_new ("(xx)", o->workshop_id, o->organization_id), error))
    return FALSE;
  if (!fz_database_execute (db,
                            "INSERT INTO gongfu_workshops_order (workshop_id, organization_id, product, quantity, "
                            "value, starts, ends) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                            g_variant_new ("(xxsxxss)", o->workshop_id, o->organization_id, o->product,
                                           o->quantity, o->value, add->starts, add->ends),
                            error))
    return FALSE;
  o->id = fz_database_last_insert_rowid (db);
  return TRUE;
}

gboolean
fzp_gongfu_workshops_add_order (FzContext                *context,
                                FzpGongfuWorkshopsOrder  *order,
                                GError                  **error)
{
  g_autoptr(FzpGongfuWorkshopsWorkshop) w = fzp_gongfu_workshops_get_workshop (context, order->workshop_id, error);
  g_autoptr(FzOrganization) org = NULL;
  g_autofree char *product = fz_normalize_text (order->product);
  AddOrder add = { order, "", "" };
  char day[11];

  if (w == NULL)
    return FALSE;
  org = fz_registry_find_organization (fz_context_get_registry (context), order->organization_id, NULL);
  if (org == NULL)
    {
      set_error_literal (error, FZP_GONGFU_WORKSHOPS_ERROR_NOT_FOUND, _("Partner: that company is not in the registry"));
      return FALSE;
    }
  if (*product == '\0' || g_utf8_strlen (product, -1) > 100)
    {
      set_error_literal (error, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                         *product ? _("Product: at most 100 characters") : _("Product: say what is to be made"));
      return FALSE;
    }
  if (order->quantity <= 0)
    {
      set_error_literal (error, FZP_GONGFU_WORKSHOPS_ERROR_INVALID, _("Quantity: how many pieces the order is for, above 0"));
      return FALSE;
    }
  if (order->value < 0 || order->value > FZP_GONGFU_WORKSHOPS_AMOUNT_MAX * 100)
    {
      set_error_literal (error, FZP_GONGFU_WORKSHOPS_ERROR_INVALID, _("Value: not a possible value"));
      return FALSE;
    }
  if (!g_date_valid (&order->starts) || !g_date_valid (&order->ends))
    {
      set_error_literal (error, FZP_GONGFU_WORKSHOPS_ERROR_INVALID, _("Period: give the first and the last day"));
      return FALSE;
    }
  if (g_date_compare (&order->ends, &order->starts) < 0)
    {
      set_error_literal (error, FZP_GONGFU_WORKSHOPS_ERROR_INVALID, _("Period: it ends before it starts"));
      return FALSE;
    }
  if (g_date_compare (&order->ends, &w->opened) < 0 ||
      (g_date_valid (&w->closed) && g_date_compare (&order->starts, &w->closed) > 0))
    {
      fzp_gongfu_workshops_date_to_iso (&w->opened, day);
      g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                   _("Period: the workshop was not open then (opened on %s)"), day);
      return FALSE;
    }
  g_free (order->product);
  order->product = g_steal_pointer (&product);
  fzp_gongfu_workshops_date_to_iso (&order->starts, add.starts);
  fzp_gongfu_workshops_date_to_iso (&order->ends, add.ends);
  if (!fz_database_transaction (fz_context_get_database (context), add_order_txn, &add, error))
    {
      g_prefix_error (error, _("Could not save the order: "));
      return FALSE;
    }
  g_free (order->organization_name);
  order->organization_name = g_strdup (fz_organization_get_name (org));
  return TRUE;
}

GPtrArray *
fzp_gongfu_workshops_list_orders (FzContext  *context,
                                  gint64      workshop_id,
                                  GError    **error)
{
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) fzp_gongfu_workshops_order_free);

  st = fz_database_query (fz_context_get_database (context),
                          "SELECT r.id, r.workshop_id, r.organization_id, o.name, r.product, r.quantity, r.value, "
                          "r.starts, r.ends FROM gongfu_workshops_order r "
                          "JOIN fz_organization o ON o.id = r.organization_id "
                          "WHERE ?1 = 0 OR r.workshop_id = ?1 ORDER BY r.starts DESC, r.id DESC",
                          g_variant_new ("(x)", workshop_id), error);
  if (st == NULL)
    return NULL;
  while (fz_statement_step (st, &local))
    {
      FzpGongfuWorkshopsOrder *o = g_new0 (FzpGongfuWorkshopsOrder, 1);

      o->id = fz_statement_get_int64 (st, 0);
      o->workshop_id = fz_statement_get_int64 (st, 1);
      o->organization_id = fz_statement_get_int64 (st, 2);
      o->organization_name = fz_statement_dup_text (st, 3);
      o->product = fz_statement_dup_text (st, 4);
      o->quantity = fz_statement_get_int64 (st, 5);
      o->value = fz_statement_get_int64 (st, 6);
      get_date (st, 7, &o->starts);
      get_date (st, 8, &o->ends);
      g_ptr_array_add (list, o);
    }
  if (local)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* The standard */

gboolean
fzp_gongfu_workshops_get_standard (FzContext                   *context,
                                   const GDate                 *on,
                                   FzpGongfuWorkshopsStandard  *standard,
                                   GError                     **error)
{
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local = NULL;
  char day[11];

  fzp_gongfu_workshops_date_to_iso (on, day);
  st = fz_database_query (fz_context_get_database (context),
                          "SELECT effective_from, min_workers FROM gongfu_workshops_standard "
                          "WHERE effective_from <= ?1 ORDER BY effective_from DESC LIMIT 1",
                          g_variant_new ("(s)", day), error);
  if (st == NULL)
    return FALSE;
  if (!fz_statement_step (st, &local))
    {
      if (local == NULL)
        g_set_error (&local, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_NOT_FOUND,
                     _("No standard for a 残疾人共富车间 is in force on %s"), day);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  get_date (st, 0, &standard->effective_from);
  standard->min_workers = (guint) fz_statement_get_int64 (st, 1);
  return TRUE;
}

typedef struct {
  char  from[11];
  guint min_workers;
} SetStandard;

static gboolean
set_standard_txn (FzDatabase  *db,
                  gpointer     user_data,
                  GError     **error)
{
  SetStandard *set = user_data;

  return fz_database_execute (db,
                              "INSERT INTO gongfu_workshops_standard (effective_from, min_workers) VALUES (?1, ?2) "
                              "ON CONFLICT (effective_from) DO UPDATE SET min_workers = excluded.min_workers",
                              g_variant_new ("(su)", set->from, set->min_workers), error);
}

gboolean
fzp_gongfu_workshops_set_standard (FzContext                        *context,
                                   const FzpGongfuWorkshopsStandard *standard,
                                   GError                          **error)
{
  SetStandard set = { "", standard->min_workers };

  if (!g_date_valid (&standard->effective_from))
    {
      set_error_literal (error, FZP_GONGFU_WORKSHOPS_ERROR_INVALID, _("From: give the day the standard takes effect"));
      return FALSE;
    }
  if (standard->min_workers > 10000)
    {
      set_error_literal (error, FZP_GONGFU_WORKSHOPS_ERROR_INVALID, _("Workers: not a possible number"));
      return FALSE;
    }
  fzp_gongfu_workshops_date_to_iso (&standard->effective_from, set.from);
  return fz_database_transaction (fz_context_get_database (context), set_standard_txn, &set, error);
}

GArray *
fzp_gongfu_workshops_list_standards (FzContext  *context,
                                     GError    **error)
{
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(GArray) list = g_array_new (FALSE, TRUE, sizeof (FzpGongfuWorkshopsStandard));

  st = fz_database_query (fz_context_get_database (context),
                          "SELECT effective_from, min_workers FROM gongfu_workshops_standard ORDER BY effective_from",
                          NULL, error);
  if (st == NULL)
    return NULL;
  while (fz_statement_step (st, &local))
    {
      FzpGongfuWorkshopsStandard s;

      get_date (st, 0, &s.effective_from);
      s.min_workers = (guint) fz_statement_get_int64 (st, 1);
      g_array_append_val (list, s);
    }
  if (local)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* Figures */

typedef struct {
  double monthly;
  double hourly;
} Wage;

gboolean
fzp_gongfu_workshops_compute_figures (FzContext                     *context,
                                      const FzpGongfuWorkshopsScope *scope,
                                      FzpGongfuWorkshopsFigures     *figures,
                                      GError                       **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(GHashTable) wages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) placed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GDate first, last, today;
  char first_iso[11], last_iso[11], on_iso[11];
  g_autofree char *first_month = NULL;
  g_autofree char *last_month = NULL;

  memset (figures, 0, sizeof *figures);
  if (scope->month == 0)
    {
      g_date_clear (&first, 1);
      g_date_clear (&last, 1);
      g_date_set_dmy (&first, 1, G_DATE_JANUARY, (GDateYear) scope->year);
      g_date_set_dmy (&last, 31, G_DATE_DECEMBER, (GDateYear) scope->year);
    }
  else
    fzp_gongfu_workshops_month_bounds (scope->year, scope->month, &first, &last);
  fzp_gongfu_workshops_today (&today);
  figures->on = g_date_compare (&last, &today) > 0 ? today : last;
  fzp_gongfu_workshops_date_to_iso (&first, first_iso);
  fzp_gongfu_workshops_date_to_iso (&last, last_iso);
  fzp_gongfu_workshops_date_to_iso (&figures->on, on_iso);
  first_month = g_strndup (first_iso, 7);
  last_month = g_strndup (last_iso, 7);

#define SCOPE "AND (?1 = 0 OR w.id = ?1) AND (?2 IS NULL OR w.county_code = ?2) "

  st = fz_database_query (db,
                          "SELECT count(*), coalesce(sum(w.proper), 0) FROM gongfu_workshops_workshop w "
                          "WHERE w.opened <= ?3 AND (w.closed IS NULL OR w.closed >= ?3) " SCOPE,
                          g_variant_new ("(xmss)", scope->workshop_id, scope->county_code, on_iso), error);
  if (st == NULL)
    return FALSE;
  if (fz_statement_step (st, &local))
    {
      figures->workshops = (guint) fz_statement_get_int64 (st, 0);
      figures->proper = (guint) fz_statement_get_int64 (st, 1);
    }
  g_clear_pointer (&st, fz_statement_unref);
  if (local)
    goto fail;

  if (g_date_compare (&first, &today) <= 0)
    {
      st = fz_database_query (db,
                              "SELECT count(*) FROM gongfu_workshops_spell s "
                              "JOIN gongfu_workshops_workshop w ON w.id = s.workshop_id "
                              "WHERE s.joined <= ?3 AND (s.left_on IS NULL OR s.left_on >= ?3) " SCOPE,
                              g_variant_new ("(xmss)", scope->workshop_id, scope->county_code, on_iso), error);
      if (st == NULL)
        return FALSE;
      if (fz_statement_step (st, &local))
        figures->workers = (guint) fz_statement_get_int64 (st, 0);
      g_clear_pointer (&st, fz_statement_unref);
      if (local)
        goto fail;
    }

  /* Placements: spells begun in the period, unless they continue the
   * person's previous one (a move between workshops). */
  st = fz_database_query (db,
                          "SELECT s.person_id, s.joined, (SELECT max(o.left_on) FROM gongfu_workshops_spell o "
                          "  WHERE o.person_id = s.person_id AND o.joined < s.joined) "
                          "FROM gongfu_workshops_spell s JOIN gongfu_workshops_workshop w ON w.id = s.workshop_id "
                          "WHERE s.joined BETWEEN ?3 AND ?4 " SCOPE,
                          g_variant_new ("(xmsss)", scope->workshop_id, scope->county_code, first_iso, last_iso),
                          error);
  if (st == NULL)
    return FALSE;
  while (fz_statement_step (st, &local))
    {
      gint64 person = fz_statement_get_int64 (st, 0);
      GDate joined, previous;

      get_date (st, 1, &joined);
      get_date (st, 2, &previous);
      if (fzp_gongfu_workshops_is_placement (&joined, &previous))
        g_hash_table_add (placed, g_memdup2 (&person, sizeof person));
    }
  g_clear_pointer (&st, fz_statement_unref);
  if (local)
    goto fail;
  figures->placed = g_hash_table_size (placed);

  st = fz_database_query (db,
                          "SELECT p.basis, p.quantity, p.amount, p.month, s.joined, s.left_on, w.county_code "
                          "FROM gongfu_workshops_pay p JOIN gongfu_workshops_spell s ON s.id = p.spell_id "
                          "JOIN gongfu_workshops_workshop w ON w.id = s.workshop_id "
                          "WHERE p.month BETWEEN ?3 AND ?4 " SCOPE,
                          g_variant_new ("(xmsss)", scope->workshop_id, scope->county_code, first_month, last_month),
                          error);
  if (st == NULL)
    return FALSE;
  while (fz_statement_step (st, &local))
    {
      FzpGongfuWorkshopsSpell spell = { 0 };
      g_autofree char *key = g_strdup_printf ("%s/%s", fz_statement_get_text (st, 6), fz_statement_get_text (st, 3));
      Wage *wage = g_hash_table_lookup (wages, key);
      guint year = 0, month = 0;

      if (!fzp_gongfu_workshops_parse_month (fz_statement_get_text (st, 3), "", &year, &month, &local))
        break;
      if (wage == NULL)
        {
          GDate day;

          g_date_clear (&day, 1);
          g_date_set_dmy (&day, 1, (GDateMonth) month, (GDateYear) year);
          wage = g_new0 (Wage, 1);
          g_hash_table_insert (wages, g_strdup (key), wage);
          if (!fz_rules_get_minimum_wage (db, fz_statement_get_text (st, 6), &day, &wage->monthly, &wage->hourly,
                                          &local))
            break;
        }
      get_date (st, 4, &spell.joined);
      get_date (st, 5, &spell.left);
      fzp_gongfu_workshops_pay_figures_add (&figures->pay,
                                            fzp_gongfu_workshops_basis_from_nick (fz_statement_get_text (st, 0)),
                                            fz_statement_get_double (st, 1), fz_statement_get_int64 (st, 2),
                                            fzp_gongfu_workshops_spell_covers_whole_month (&spell, year, month),
                                            wage->monthly, wage->hourly);
    }
  if (local)
    goto fail;
  return TRUE;

#undef SCOPE

fail:
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}
