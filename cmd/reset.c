// SPDX-License-Identifier: MIT
/* reset - reset the machine (PSCI SYSTEM_RESET, or a gpio-restart line). */
#include <command.h>
#include <sysreset.h>
#include <virtboot.h>

static int do_reset(int argc, char *argv[])
{
	int err;

	printf("resetting ...\n");
	err = sysreset_reset();
	if (err == -ENODEV)
		printf("reset: nothing can reset this machine (no /psci and no gpio-restart in the device tree)\n");
	else
		printf("reset: the reset did not happen (error %d)\n", err);
	return err;
}

COMMAND(reset, .run = do_reset, .usage = "reset",
	.summary = "Perform RESET of the CPU");
