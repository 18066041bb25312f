/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-format"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fz-context.h"
#include "fz-document.h"
#include "fz-format.h"

/* 〇 (U+3007), not 零: years are read digit by digit. */
static const char * const hanzi_digits[] = {
  "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九",
};

/* 1..31 the way a month or a day is read: 十, 十一, 二十, 二十一, 三十. */
static void
append_hanzi_number (GString *out,
                     guint    n)
{
  g_assert (n >= 1 && n <= 99);

  if (n >= 20)
    g_string_append (out, hanzi_digits[n / 10]);
  if (n >= 10)
    g_string_append (out, "十");
  if (n % 10 != 0)
    g_string_append (out, hanzi_digits[n % 10]);
}

char *
fz_format_chinese_date (const GDate *date,
                        FzDateStyle  style)
{
  GString *out;
  char year[16];

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  if (style == FZ_DATE_STYLE_ARABIC)
    return g_strdup_printf ("%u年%u月%u日",
                            (guint) g_date_get_year (date),
                            (guint) g_date_get_month (date),
                            (guint) g_date_get_day (date));

  out = g_string_new (NULL);
  g_snprintf (year, sizeof year, "%u", (guint) g_date_get_year (date));
  for (const char *p = year; *p; p++)
    g_string_append (out, hanzi_digits[*p - '0']);
  g_string_append (out, "年");
  append_hanzi_number (out, g_date_get_month (date));
  g_string_append (out, "月");
  append_hanzi_number (out, g_date_get_day (date));
  g_string_append (out, "日");
  return g_string_free (out, FALSE);
}

void
fz_mask_policy_init_default (FzMaskPolicy *policy)
{
  const FzMaskPolicy defaults = FZ_MASK_POLICY_INIT;

  g_return_if_fail (policy != NULL);
  *policy = defaults;
}

static gboolean
load_length (FzContext   *context,
             const char  *key,
             guint       *value,
             GError     **error)
{
  g_autofree char *text = fz_context_get_value (context, "documents", key);
  guint64 n = 0;

  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (g_strstrip (text), 10, 0, 18, &n, NULL))
    {
      g_set_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID,
                   _("The setting “%s” of documents is “%s”, which is not a number of characters from 0 to 18; the default %u is used"),
                   key, text, *value);
      return FALSE;
    }
  *value = (guint) n;
  return TRUE;
}

gboolean
fz_mask_policy_load (FzMaskPolicy  *policy,
                     FzContext     *context,
                     GError       **error)
{
  g_autoptr(GError) first_error = NULL;
  struct { const char *key; guint *value; } keys[] = {
    { "mask-id-start",    &policy->id_keep_start },
    { "mask-id-end",      &policy->id_keep_end },
    { "mask-phone-start", &policy->phone_keep_start },
    { "mask-phone-end",   &policy->phone_keep_end },
  };

  g_return_val_if_fail (policy != NULL, FALSE);
  g_return_val_if_fail (FZ_IS_CONTEXT (context), FALSE);

  fz_mask_policy_init_default (policy);
  /* Load every key even when one is wrong: the others still apply. */
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!load_length (context, keys[i].key, keys[i].value, &local_error) && first_error == NULL)
        first_error = g_steal_pointer (&local_error);
    }
  if (first_error)
    {
      g_propagate_error (error, g_steal_pointer (&first_error));
      return FALSE;
    }
  return TRUE;
}

/* Among the characters of @text for which @counts returns TRUE, keeps the
 * first @keep_start and the last @keep_end and masks those between; the
 * other characters are copied. Too few counted characters: all of them
 * are masked. */
static char *
mask_counted (const char *text,
              guint       keep_start,
              guint       keep_end,
              gboolean  (*counts) (gunichar c))
{
  GString *out = g_string_new (NULL);
  guint total = 0;
  guint seen = 0;
  gboolean mask_all;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (counts (g_utf8_get_char (p)))
      total++;
  mask_all = total <= keep_start + keep_end;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!counts (c))
        {
          g_string_append_unichar (out, c);
          continue;
        }
      if (!mask_all && (seen < keep_start || seen >= total - keep_end))
        g_string_append_unichar (out, c);
      else
        g_string_append_c (out, '*');
      seen++;
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_not_space (gunichar c)
{
  return !g_unichar_isspace (c);
}

static gboolean
is_digit (gunichar c)
{
  return g_unichar_isdigit (c);
}

/* Identity numbers lose their spaces and get an upper-case check character
 * before masking, so that "330802 1990..." does not keep its spaces' worth
 * of digits. */
static char *
normalize_number (const char *number)
{
  GString *out = g_string_new (NULL);

  for (const char *p = number; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c == 'x' ? 'X' : c);
    }
  return g_string_free (out, FALSE);
}

char *
fz_mask_identity_number (const char *number,
                         guint       keep_start,
                         guint       keep_end)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (number != NULL, NULL);

  clean = normalize_number (number);
  return mask_counted (clean, keep_start, keep_end, is_not_space);
}

char *
fz_mask_phone (const char *phone,
               guint       keep_start,
               guint       keep_end)
{
  g_return_val_if_fail (phone != NULL, NULL);

  return mask_counted (phone, keep_start, keep_end, is_digit);
}

/* A disability card number is the identity number and two digits, the
 * category and the grade: those are sensitive whatever the policy keeps. */
static char *
mask_disability_card (const char         *card,
                      const FzMaskPolicy *policy)
{
  g_autofree char *clean = normalize_number (card);
  g_autofree char *id = NULL;
  g_autofree char *masked = NULL;

  /* Not a second-generation card: keep no more than the address code. */
  if (g_utf8_strlen (clean, -1) != 20)
    return mask_counted (clean, policy->id_keep_start, 0, is_not_space);

  id = g_strndup (clean, g_utf8_offset_to_pointer (clean, 18) - clean);
  masked = fz_mask_identity_number (id, policy->id_keep_start, policy->id_keep_end);
  return g_strconcat (masked, "**", NULL);
}

char *
fz_mask_for_public (const char         *text,
                    FzFieldKind         kind,
                    const FzMaskPolicy *policy)
{
  const FzMaskPolicy defaults = FZ_MASK_POLICY_INIT;

  if (text == NULL)
    return NULL;
  if (policy == NULL)
    policy = &defaults;

  switch (kind)
    {
    case FZ_FIELD_IDENTITY_NUMBER:
      return fz_mask_identity_number (text, policy->id_keep_start, policy->id_keep_end);
    case FZ_FIELD_DISABILITY_CARD:
      return mask_disability_card (text, policy);
    case FZ_FIELD_PHONE:
      return fz_mask_phone (text, policy->phone_keep_start, policy->phone_keep_end);
    case FZ_FIELD_SENSITIVE:
      return NULL;
    case FZ_FIELD_PLAIN:
    default:
      return g_strdup (text);
    }
}
