// SPDX-License-Identifier: MIT
/* reset - reset the machine through PSCI SYSTEM_RESET. */
#include <command.h>
#include <psci.h>
#include <string.h>
#include <virtboot.h>

static int do_reset(int argc, char *argv[])
{
	int err;

	printf("resetting ...\n");
	err = psci_system_reset();
	printf("reset: PSCI SYSTEM_RESET %s\n", err == -ENODEV ?
	       "is not available (no /psci node in the device tree)" :
	       "failed");
	return err;
}

COMMAND(reset, .run = do_reset, .usage = "reset",
	.summary = "Perform RESET of the CPU");
