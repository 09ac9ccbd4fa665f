// SPDX-License-Identifier: MIT
/* fuzz_env.c - libFuzzer target for the environment's import
 * (lib/env.c env_import): the input is a -fw_cfg name=opt/virtboot/env
 * file of name=value lines; then the result is listed back. (No lookup
 * of each listed name: the name comparison is being reworked.) */
#include <env.h>
#include <stdint.h>

static void check(const char *name, const char *value, void *arg)
{
	size_t *total = arg;

	/* Names are never empty and never hold '=' or a blank; empty
	 * values delete instead of being stored. */
	if (!*name || strpbrk(name, "= \t\r\n") || !*value)
		abort();
	*total += strlen(name) + strlen(value) + 2;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t total = 0;

	if (env_import((const char *)data, size, "fuzz") < 0)
		abort();
	env_foreach(check, &total);
	/* (Listed names are cut at 127 characters: at most equal.) */
	if (total > env_size())
		abort();
	env_clear();
	return 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	/* The "N: not a name=value line" messages, by the thousand. */
	if (!freopen("/dev/null", "w", stdout))
		abort();
	return 0;
}
