// SPDX-License-Identifier: MIT
/* setenv - set or delete an environment variable (U-Boot's setenv: the
 * values are joined with spaces; no value deletes). */
#include <command.h>
#include <console.h>
#include <env.h>
#include <stdlib.h>
#include <string.h>
#include <virtboot.h>

static int do_setenv(int argc, char *argv[])
{
	size_t len = 0;
	char *value;
	int i, ret;

	if (argc < 2)
		return -EINVAL;
	for (i = 2; i < argc; i++)
		len += strlen(argv[i]) + 1;
	value = calloc(1, len + 1);
	if (!value)
		return -ENOMEM;
	for (i = 2; i < argc; i++) {
		strcat(value, argv[i]);
		if (i + 1 < argc)
			strcat(value, " ");
	}
	if (!strcmp(argv[1], "stdout") && *value &&
	    console_select(value)) {
		printf("setenv: stdout: no such console in '%s'\n", value);
		free(value);
		return -ENOENT;
	}
	ret = env_set(argv[1], value);
	free(value);
	if (ret == -EINVAL) {
		printf("setenv: bad variable name '%s'\n", argv[1]);
		return -EPERM;
	}
	if (ret)	/* U-Boot's words: scripts and users know them */
		printf("## Error inserting \"%s\" variable, errno=%d\n",
		       argv[1], -ret);
	return ret;
}

COMMAND(setenv, .run = do_setenv, .usage = "setenv name [value ...]",
	.summary = "set environment variables",
	.help = "    - set 'name' to 'value ...'\n"
		"setenv name\n    - delete 'name'\n");
