// SPDX-License-Identifier: MIT
/* version - print the version and the compiler (as U-Boot's version). */
#include <command.h>
#include <virtboot.h>

static int do_version(int argc, char *argv[])
{
	printf("%s\n", version_string);
	printf("aarch64-linux-gnu-gcc %s\n", __VERSION__);
	return 0;
}

COMMAND(version, .run = do_version, .usage = "version",
	.summary = "print monitor, compiler and linker version");
