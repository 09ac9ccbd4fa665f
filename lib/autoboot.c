// SPDX-License-Identifier: MIT
/* autoboot.c - U-Boot's autoboot: "Hit any key to stop autoboot: N",
 * bootdelay -1 never boots, 0 boots at once (a waiting key still stops
 * it); then bootcmd runs. */
#include <autoboot.h>
#include <bootstage.h>
#include <cli.h>
#include <console.h>
#include <env.h>
#include <stdlib.h>
#include <timer.h>
#include <virtboot.h>

/* True if a key arrives within ms milliseconds (the key is swallowed). */
static bool key_within(uint64_t ms)
{
	uint64_t end = timer_us() + ms * 1000;

	do {
		if (console_trygetc() >= 0)
			return true;
	} while (timer_us() < end);
	return false;
}

int autoboot(void)
{
	const char *s = env_get("bootdelay");
	const char *cmd = env_get("bootcmd");
	long delay = s ? strtol(s, NULL, 10) : CONFIG_BOOTDELAY;

	if (delay < 0 || !cmd)
		return 0;
	if (delay == 0) {
		if (key_within(0))
			return 0;
	} else {
		printf("Hit any key to stop autoboot: %2ld ", delay);
		for (; delay > 0; delay--) {
			if (key_within(1000)) {
				printf("\b\b\b 0 \n");
				return 0;
			}
			printf("\b\b\b%2ld ", delay - 1);
		}
		printf("\n");
	}
	bootstage_mark("bootcmd");
	cli_run(cmd);
	return 0;
}
