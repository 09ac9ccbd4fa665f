// SPDX-License-Identifier: MIT
/* boot_hooks.c - the boot flows' notifier lists: device-tree fix-ups and
 * load progress, registered by drivers, called by the boot flows. */
#include <boot_hooks.h>
#include <errno.h>
#include <virtboot.h>

static int (*fixups[BOOT_HOOKS_MAX])(void *fdt);
static void (*progress[BOOT_HOOKS_MAX])(uint64_t done, uint64_t total);
static unsigned int nfixups, nprogress;

int boot_add_fixup(int (*fn)(void *fdt))
{
	if (nfixups == ARRAY_SIZE(fixups))
		return -ENOSPC;
	fixups[nfixups++] = fn;
	return 0;
}

int boot_add_progress(void (*fn)(uint64_t done, uint64_t total))
{
	if (nprogress == ARRAY_SIZE(progress))
		return -ENOSPC;
	progress[nprogress++] = fn;
	return 0;
}

int boot_run_fixups(void *fdt)
{
	unsigned int i;
	int err = 0;

	for (i = 0; i < nfixups && !err; i++)
		err = fixups[i](fdt);
	return err;
}

void boot_progress(uint64_t done, uint64_t total)
{
	unsigned int i;

	for (i = 0; i < nprogress; i++)
		progress[i](done, total);
}
