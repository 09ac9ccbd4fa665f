// SPDX-License-Identifier: MIT
/* help - list the commands or show one's usage (U-Boot's help and ?). */
#include <command.h>
#include <string.h>
#include <virtboot.h>

static int do_help(int argc, char *argv[])
{
	const struct command *cmd;
	int i, ret = 0;

	if (argc == 1) {
		/* U-Boot's columns; a name of 10 or more keeps a space */
		for (cmd = command_first(); cmd; cmd = command_next(cmd))
			printf("%-9s - %s\n", cmd->name, cmd->summary);
		return 0;
	}
	for (i = 1; i < argc; i++) {
		cmd = command_find(argv[i]);
		if (!cmd) {
			printf("Unknown command '%s' - try 'help' without arguments for list of all known commands\n\n",
			       argv[i]);
			ret = -ENOENT;
			continue;
		}
		printf("%s - %s\n\nUsage:\n%s\n", cmd->name, cmd->summary,
		       cmd->usage);
		if (cmd->help)
			printf("%s%s", cmd->help,
			       cmd->help[strlen(cmd->help) - 1] == '\n' ? "" : "\n");
	}
	return ret;
}

COMMAND_NAMED(question, "?", .run = do_help,
	      .usage = "? [command ...]", .summary = "alias for 'help'");
COMMAND(help, .run = do_help, .usage = "help [command ...]",
	.summary = "print command description/usage");
