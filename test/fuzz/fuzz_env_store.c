// SPDX-License-Identifier: MIT
/* fuzz_env_store.c - libFuzzer target for U-Boot's environment forms
 * (lib/env_store.c): the first byte picks env import -t, -b, -c or the
 * flash loader's saved copy, the rest is the data. Whatever got in must
 * export and import back to the same environment, in both forms. */
#include <env.h>
#include <errno.h>
#include <stdint.h>

static char *export_all(char sep, size_t *len)
{
	char *buf;

	*len = env_export_data(NULL, 0, sep, 0, NULL);
	buf = malloc(*len);
	if (!buf || env_export_data(buf, *len, sep, 0, NULL) != *len)
		abort();
	return buf;
}

static void round_trip(char sep)
{
	size_t len, len2;
	char *a = export_all(sep, &len), *b;

	env_clear();
	if (env_import_data(a, len, sep, 0, 0, NULL, "again"))
		abort();	/* what we wrote we read without a fault */
	b = export_all(sep, &len2);
	if (len != len2 || memcmp(a, b, len))
		abort();
	free(a);
	free(b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data + 1;
	char *names[] = { "a", "bootcmd" };
	uint8_t *saved;
	size_t n;

	if (!size)
		return 0;
	n = size - 1;
	switch (data[0] & 7) {
	case 0:
		env_import_data(p, n, '\n', ENV_IMPORT_CRLF, 0, NULL, "t");
		break;
	case 1:
		env_import_data(p, n, '\0', 0, 0, NULL, "b");
		break;
	case 2:	/* env import -c: the CRC first, as the command does */
		if (env_store_check(p, n) == 0)
			env_import_data(p + ENV_HDR_SIZE, n - ENV_HDR_SIZE,
					'\0', 0, 0, NULL, "c");
		break;
	case 3:
		env_import_data(p, n, data[0] & 8 ? '\0' : '\n',
				ENV_IMPORT_DELETE, 2, names, "names");
		break;
	default: /* the saved copy: packed, checked, loaded back */
		env_import_data(p, n, '\0', 0, 0, NULL, "b");
		saved = malloc(CONFIG_ENV_SIZE);
		if (!saved || env_store_pack(saved, CONFIG_ENV_SIZE, 0xff) ||
		    env_store_check(saved, CONFIG_ENV_SIZE))
			abort();
		free(saved);
		break;
	}
	round_trip('\0');
	round_trip('\n');
	env_clear();
	return 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	if (!freopen("/dev/null", "w", stdout))
		abort();
	return 0;
}
