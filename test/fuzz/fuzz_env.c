// SPDX-License-Identifier: MIT
/* fuzz_env.c - libFuzzer target for the environment's import
 * (lib/env.c env_import): the input is a -fw_cfg name=opt/virtboot/env
 * file of name=value lines; then every entry is listed back and looked
 * up by its name. */
#include <env.h>
#include <stdint.h>

static void check(const char *entry, void *arg)
{
	size_t *total = arg, len = strcspn(entry, "=");
	const char *value = entry + len + 1, *blank = strpbrk(entry, " \t\r\n");
	char name[4096];

	/* Names are never empty and never hold a blank; empty values
	 * delete instead of being stored; each entry is found by its name. */
	if (!len || !entry[len] || (blank && blank < value) ||
	    !*value || len >= sizeof(name))
		abort();
	memcpy(name, entry, len);
	name[len] = '\0';
	if (env_get(name) != value)
		abort();
	*total += strlen(entry) + 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t total = 0;

	if (env_import((const char *)data, size, "fuzz") < 0)
		abort();
	env_foreach(check, &total);
	if (total != env_size())
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
