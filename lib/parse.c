// SPDX-License-Identifier: MIT
/* parse.c - numbers as U-Boot reads them: hexadecimal with or without
 * 0x (addresses, counts, environment values), decimal where U-Boot
 * takes decimal; the whole string or nothing, overflow refused. And text
 * split into lines (LF or CR LF). */
#include <ctype.h>
#include <errno.h>
#include <parse.h>
#include <stdlib.h>
#include <string.h>

int parse_hex(const char *s, uint64_t *out)
{
	char *end;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		s += 2;
	if (!isxdigit((unsigned char)*s))
		return -EINVAL;
	errno = 0;
	*out = strtoull(s, &end, 16);
	return *end || errno ? -EINVAL : 0;
}

int parse_dec(const char *s, uint64_t *out)
{
	char *end;

	if (!isdigit((unsigned char)*s))
		return -EINVAL;
	errno = 0;
	*out = strtoull(s, &end, 10);
	return *end || errno ? -EINVAL : 0;
}

bool text_line(const char **pos, const char *end, const char **line,
	       size_t *len)
{
	const char *eol;

	if (*pos >= end)
		return false;
	eol = memchr(*pos, '\n', end - *pos);
	if (!eol)
		eol = end;
	*line = *pos;
	*len = eol - *pos;
	if (*len && (*line)[*len - 1] == '\r')
		(*len)--;
	*pos = eol < end ? eol + 1 : end;
	return true;
}
