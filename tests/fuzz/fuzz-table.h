/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fz-table.h"

/* What the table readers promise, whatever they are given (fuzz-csv.c,
 * fuzz-xlsx.c): a table or an error, never both or neither; an error whose
 * message names the file (and, for CSV that cannot be parsed, the line as
 * FILE:LINE:); records that are not blank, with fields of UTF-8 text and a
 * line from 1; and the same again when the same bytes are read again. */
void fuzz_check_table   (const char *name,
                         FzTable    *table,
                         GError     *error);
void fuzz_check_same    (FzTable    *a,
                         GError     *error_a,
                         FzTable    *b,
                         GError     *error_b);
