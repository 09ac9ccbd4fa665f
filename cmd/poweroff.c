// SPDX-License-Identifier: MIT
/* poweroff - power the machine off through PSCI SYSTEM_OFF. */
#include <command.h>
#include <psci.h>
#include <virtboot.h>

static int do_poweroff(int argc, char *argv[])
{
	int err = psci_system_off();

	printf("poweroff: PSCI SYSTEM_OFF %s\n", err == -ENODEV ?
	       "is not available (no /psci node in the device tree)" :
	       "failed");
	return err;
}

COMMAND(poweroff, .run = do_poweroff, .usage = "poweroff",
	.summary = "Perform POWEROFF of the device");
