/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stddef.h>
#include <stdint.h>

/* The libFuzzer interface, which fuzz-main.c also drives: called once per
 * input; returns 0. An input that breaks an invariant aborts. */
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);
/* Optional: called once before the first input. */
int LLVMFuzzerInitialize   (int           *argc,
                            char        ***argv) __attribute__ ((weak));
