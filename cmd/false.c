// SPDX-License-Identifier: MIT
/* false - do nothing, unsuccessfully (U-Boot's false): $? becomes 1. */
#include <command.h>

static int do_false(int argc, char *argv[])
{
	return 1;
}

COMMAND(false, .run = do_false, .usage = "false",
	.summary = "do nothing, unsuccessfully");
