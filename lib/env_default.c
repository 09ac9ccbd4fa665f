// SPDX-License-Identifier: MIT
/* env_default.c - the built-in environment, from Kconfig. */
#include <env.h>
#include <string.h>
#include <virtboot.h>

static const char *const defaults[][2] = {
	{ "arch", "arm64" },
	{ "board", "qemu-virt" },
	{ "bootcmd", CONFIG_BOOTCOMMAND },
	{ "bootdelay", __stringify(CONFIG_BOOTDELAY) },
	{ "fb_mode", "1024x768" },
	{ "stdout", "serial" },
	{ "ver", version_string },
};

struct env_state env_state;

int env_set_default(void)
{
	unsigned int i;
	int err = 0;

	env_clear();
	env_state.ready = true;
	env_state.use_default = true;
	for (i = 0; i < ARRAY_SIZE(defaults) && !err; i++)
		err = env_set(defaults[i][0], defaults[i][1]);
	return err;
}

const char *env_default_get(const char *name)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(defaults); i++)
		if (!strcmp(defaults[i][0], name))
			return defaults[i][1];
	return NULL;
}
