// SPDX-License-Identifier: MIT
/* parse.c - numbers as U-Boot reads them: hexadecimal with or without
 * 0x (addresses, counts, environment values), decimal where U-Boot
 * takes decimal; the whole string or nothing, overflow refused. */
#include <ctype.h>
#include <errno.h>
#include <parse.h>
#include <stdlib.h>

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
