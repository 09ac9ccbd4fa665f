// SPDX-License-Identifier: MIT
/* echo - print the arguments (U-Boot's echo: -n drops the newline). */
#include <command.h>
#include <string.h>
#include <virtboot.h>

static int do_echo(int argc, char *argv[])
{
	bool newline = true;
	int i = 1;

	if (argc > 1 && !strcmp(argv[1], "-n")) {
		newline = false;
		i++;
	}
	for (; i < argc; i++)
		printf("%s%s", argv[i], i + 1 < argc ? " " : "");
	if (newline)
		printf("\n");
	return 0;
}

COMMAND(echo, .run = do_echo, .usage = "echo [-n] [args..]",
	.summary = "echo args to console");
