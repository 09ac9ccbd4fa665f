// SPDX-License-Identifier: MIT
/* sysreset.c - reset and power-off through whichever provider can. */
#include <errno.h>
#include <stddef.h>
#include <sysreset.h>

static struct sysreset *providers;

int sysreset_register(struct sysreset *sr)
{
	sr->next = providers;
	providers = sr;
	return 0;
}

int sysreset_reset(void)
{
	struct sysreset *sr;
	int err = -ENODEV;

	for (sr = providers; sr; sr = sr->next)
		if (sr->reset)
			err = sr->reset();
	return err;
}

int sysreset_poweroff(void)
{
	struct sysreset *sr;
	int err = -ENODEV;

	for (sr = providers; sr; sr = sr->next)
		if (sr->poweroff)
			err = sr->poweroff();
	return err;
}
