// SPDX-License-Identifier: MIT
/* printenv - print the environment (U-Boot's output: name=value lines,
 * then the size used and available; an unset name is an error). */
#include <command.h>
#include <env.h>
#include <string.h>
#include <virtboot.h>

static void print_var(const char *entry, void *arg)
{
	puts(entry);
}

static int do_printenv(int argc, char *argv[])
{
	const char *value;
	int i, ret = 0;

	if (argc == 2 && !strcmp(argv[1], "-a"))
		argc = 1;	/* U-Boot's "print all" */
	if (argc == 1) {
		env_foreach(print_var, NULL);
		printf("\nEnvironment size: %zu/%zu bytes\n", env_size(),
		       env_size_max());
		return 0;
	}
	for (i = 1; i < argc; i++) {
		value = env_get(argv[i]);
		if (value) {
			printf("%s=%s\n", argv[i], value);
		} else {
			printf("## Error: \"%s\" not defined\n", argv[i]);
			ret = -ENOENT;
		}
	}
	return ret;
}

COMMAND(printenv, .run = do_printenv, .usage = "printenv [-a | name ...]",
	.summary = "print environment variables");
