// SPDX-License-Identifier: MIT
/* printenv - print the environment (U-Boot's output: name=value lines,
 * then the size; an unset name is an error). */
#include <command.h>
#include <env.h>
#include <virtboot.h>

static void print_var(const char *name, const char *value, void *arg)
{
	printf("%s=%s\n", name, value);
}

static int do_printenv(int argc, char *argv[])
{
	const char *value;
	int i, ret = 0;

	if (argc == 1) {
		env_foreach(print_var, NULL);
		printf("\nEnvironment size: %zu bytes\n", env_size());
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

COMMAND(printenv, .run = do_printenv, .usage = "printenv [name ...]",
	.summary = "print environment variables");
