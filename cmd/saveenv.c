// SPDX-License-Identifier: MIT
/* saveenv - save the environment to the flash (U-Boot's saveenv and its
 * messages; the format is U-Boot's, see boot/env_flash.c). */
#include <command.h>
#include <env.h>

static int do_saveenv(int argc, char *argv[])
{
	if (argc != 1)
		return -EINVAL;
	return env_save() ? -EIO : 0;
}

COMMAND(saveenv, .run = do_saveenv, .usage = "saveenv",
	.summary = "save environment variables to persistent storage");
