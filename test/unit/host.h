/* SPDX-License-Identifier: MIT */
/* host.h - what the Kconfig header gives loader code, for host builds of
 * the unit tests; and a tiny assertion framework. */
#ifndef HOST_H
#define HOST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CONFIG_SYS_CBSIZE 1024
#define CONFIG_SYS_MAXARGS 64
#define CONFIG_ENV_SIZE 0x40000
#define CONFIG_HISTORY_SIZE 4
#define CONFIG_BOOTDELAY 2
#define CONFIG_BOOTCOMMAND "boot"
#define CONFIG_SYS_PROMPT "=> "
#define CONFIG_PART_DOS 1
#define CONFIG_PART_EFI 1
#define CONFIG_FS_FAT 1
#define CONFIG_FS_EXT4 1
#define CONFIG_CMD_SETEXPR_REGEX 1

extern int unit_failures;

#define CHECK(cond) do { if (!(cond)) { \
	fprintf(stderr, "%s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, \
		#cond); unit_failures++; } } while (0)
#define CHECK_STR(a, b) do { const char *__a = (a), *__b = (b); \
	if (!__a || !__b || strcmp(__a, __b)) { \
	fprintf(stderr, "%s:%d: \"%s\" != \"%s\"\n", __FILE__, __LINE__, \
		__a ? __a : "(null)", __b ? __b : "(null)"); \
	unit_failures++; } } while (0)
#define UNIT_MAIN(...) int unit_failures; int main(void) { __VA_ARGS__; \
	if (unit_failures) fprintf(stderr, "%s: %d failure(s)\n", __FILE__, \
				   unit_failures); \
	return unit_failures != 0; }

#endif
