// SPDX-License-Identifier: MIT
/* env - environment handling (U-Boot's env: default -a, print, set). */
#include <command.h>
#include <console.h>
#include <env.h>
#include <string.h>
#include <virtboot.h>

static int do_env(int argc, char *argv[])
{
	const struct command *cmd;
	const char *out;
	int ret;

	if (argc < 2)
		return -EINVAL;
	if (!strcmp(argv[1], "default")) {
		if (argc != 3 || strcmp(argv[2], "-a"))
			return -EINVAL;
		ret = env_set_default();
		if (ret)
			return ret;
		/* The built-in stdout names the serial console only; the
		 * default is every console there is, as at start-up, where
		 * the display's console joins it when it comes up. */
		out = console_default_stdout();
		if (*out) {
			ret = env_set("stdout", out);
			console_select(out);
		}
		printf("## Resetting to default environment\n");
		return ret;
	}
	if (!strcmp(argv[1], "print"))
		cmd = command_find("printenv");
	else if (!strcmp(argv[1], "set"))
		cmd = command_find("setenv");
	else
		return -EINVAL;
	return cmd->run(argc - 1, argv + 1);
}

COMMAND(env, .run = do_env,
	.usage = "env default -a | print [name ...] | set name [value ...]",
	.summary = "environment handling commands");
