// SPDX-License-Identifier: MIT
/* poweroff - power the machine off (PSCI SYSTEM_OFF, or gpio-poweroff). */
#include <command.h>
#include <sysreset.h>
#include <virtboot.h>

static int do_poweroff(int argc, char *argv[])
{
	int err = sysreset_poweroff();

	if (err == -ENODEV)
		printf("poweroff: nothing can power this machine off (no /psci and no gpio-poweroff in the device tree)\n");
	else
		printf("poweroff: the machine is still on (error %d)\n", err);
	return err;
}

COMMAND(poweroff, .run = do_poweroff, .usage = "poweroff",
	.summary = "Perform POWEROFF of the device");
