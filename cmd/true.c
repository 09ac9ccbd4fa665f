// SPDX-License-Identifier: MIT
/* true - do nothing, successfully (U-Boot's true, for shell conditions). */
#include <command.h>

static int do_true(int argc, char *argv[])
{
	return 0;
}

COMMAND(true, .run = do_true, .usage = "true",
	.summary = "do nothing, successfully");
