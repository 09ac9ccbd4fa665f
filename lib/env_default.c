// SPDX-License-Identifier: MIT
/* env_default.c - the built-in environment, from Kconfig. */
#include <env.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <virtboot.h>

static const char *const defaults[][2] = {
	{ "arch", "arm64" },
	{ "board", "qemu-virt" },
	{ "bootcmd", CONFIG_BOOTCOMMAND },
	{ "bootdelay", __stringify(CONFIG_BOOTDELAY) },
	{ "boot_targets", !IS_ENABLED(CONFIG_CMD_DISTROBOOT) ? NULL :
			  IS_ENABLED(CONFIG_NET) ? "fwcfg virtio dhcp pxe" :
			  "fwcfg virtio" },
	{ "distro_bootcmd", IS_ENABLED(CONFIG_CMD_DISTROBOOT) ? "distroboot" : NULL },
	{ "fb_mode", "1024x768" },
	{ "stdout", "serial" },
	{ "ver", version_string },
};

/* Defaults known only once the board is up (the load addresses), added
 * by their owners before the environment is first set. */
static struct {
	const char *name;
	char value[20];		/* "0x" and 16 digits, as U-Boot's */
} found[16];
static unsigned int nfound;

int env_default_hex(const char *name, uint64_t value)
{
	if (nfound == ARRAY_SIZE(found))
		return -ENOSPC;
	found[nfound].name = name;
	snprintf(found[nfound++].value, sizeof(found[0].value), "0x%llx",
		 (unsigned long long)value);
	return 0;
}

struct env_state env_state;

int env_set_default(void)
{
	unsigned int i;
	int err = 0;

	env_clear();
	env_state.ready = true;
	env_state.use_default = true;
	for (i = 0; i < ARRAY_SIZE(defaults) && !err; i++)
		if (defaults[i][1])
			err = env_set(defaults[i][0], defaults[i][1]);
	for (i = 0; i < nfound && !err; i++)
		err = env_set(found[i].name, found[i].value);
	return err;
}

const char *env_default_get(const char *name)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(defaults); i++)
		if (!strcmp(defaults[i][0], name))
			return defaults[i][1];
	for (i = 0; i < nfound; i++)
		if (!strcmp(found[i].name, name))
			return found[i].value;
	return NULL;
}
