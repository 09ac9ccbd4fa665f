// SPDX-License-Identifier: MIT
/* run - run the commands held in environment variables (U-Boot's run). */
#include <cli.h>
#include <command.h>
#include <env.h>
#include <virtboot.h>

static int do_run(int argc, char *argv[])
{
	const char *cmds;
	int i;

	if (argc < 2)
		return -EINVAL;
	for (i = 1; i < argc; i++) {
		cmds = env_get(argv[i]);
		if (!cmds) {
			printf("run: \"%s\" not defined\n", argv[i]);
			return -ENOENT;
		}
		if (cli_run(cmds))
			return -ECANCELED;
	}
	return 0;
}

COMMAND(run, .run = do_run, .usage = "run var [...]",
	.summary = "run commands in an environment variable");
