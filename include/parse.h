/* SPDX-License-Identifier: MIT */
/* parse.h - numbers as U-Boot reads them. Both print nothing. */
#ifndef PARSE_H
#define PARSE_H

#include <stdint.h>

/* A U-Boot number: hexadecimal, with or without 0x; the whole string.
 * -EINVAL if not one (or it overflows 64 bits). */
int parse_hex(const char *s, uint64_t *out);
/* A decimal number, the whole string; -EINVAL if not one. */
int parse_dec(const char *s, uint64_t *out);

#endif
