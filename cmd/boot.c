// SPDX-License-Identifier: MIT
/* boot - run bootcmd, as U-Boot's boot does. */
#include <cli.h>
#include <command.h>
#include <env.h>
#include <virtboot.h>

static int do_boot(int argc, char *argv[])
{
	const char *cmd = env_get("bootcmd");

	if (argc != 1)
		return -EINVAL;
	if (!cmd) {
		printf("boot: \"bootcmd\" not defined\n");
		return -ENOENT;
	}
	return cli_run(cmd) ? -ECANCELED : 0;
}

COMMAND(boot, .run = do_boot, .usage = "boot",
	.summary = "boot default, i.e., run 'bootcmd'");
