/* SPDX-License-Identifier: MIT */
/* parse.h - numbers as U-Boot reads them. Both print nothing. */
#ifndef PARSE_H
#define PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A U-Boot number: hexadecimal, with or without 0x; the whole string.
 * -EINVAL if not one (or it overflows 64 bits). */
int parse_hex(const char *s, uint64_t *out);
/* A decimal number, the whole string; -EINVAL if not one. */
int parse_dec(const char *s, uint64_t *out);

/* The next line of text in [*pos, end): *line and *len (without its LF
 * or CR LF); *pos moves past it. false when nothing is left. */
bool text_line(const char **pos, const char *end, const char **line,
	       size_t *len);

#endif
