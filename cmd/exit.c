// SPDX-License-Identifier: MIT
/*
 * exit - leave the script or run that runs it, with a status (U-Boot's
 * exit). The shell carries it out itself (lib/cli_parse.c: it has to
 * unwind the loops and conditions around it); this entry gives it its
 * help line and its completion, and is what a caller of command_run()
 * that is not the shell reaches: there exit only sets the status.
 */
#include <command.h>
#include <stdlib.h>

static int do_exit(int argc, char *argv[])
{
	if (argc > 2)
		return -EINVAL;
	return argc > 1 && strtoul(argv[1], NULL, 10) ? 1 : 0;
}

COMMAND(exit, .run = do_exit, .usage = "exit [status]",
	.summary = "exit script");
