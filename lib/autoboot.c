// SPDX-License-Identifier: MIT
/* autoboot.c - U-Boot's autoboot: "Hit any key to stop autoboot: N",
 * bootdelay -1 never boots, 0 boots at once (a waiting key still stops
 * it); then bootcmd runs. */
#include <autoboot.h>
#include <bootstage.h>
#include <cli.h>
#include <console.h>
#include <env.h>
#include <errno.h>
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

/* bootdelay as U-Boot reads it (decimal); a value that is not a number
 * is said and the built-in delay used. */
static long boot_delay(void)
{
	const char *s = env_get("bootdelay");
	char *end;
	long delay;

	if (!s)
		return CONFIG_BOOTDELAY;
	errno = 0;
	delay = strtol(s, &end, 10);
	if (!*s || *end || errno) {
		printf("bootdelay '%s' is not a number of seconds: using %d\n",
		       s, CONFIG_BOOTDELAY);
		return CONFIG_BOOTDELAY;
	}
	return delay;
}

/* The countdown's number over the previous one: "%2ld " as U-Boot, or
 * as wide as the first number, so that every digit is overwritten. */
static void show_count(long n, int *width)
{
	int i;

	if (*width) {
		for (i = 0; i <= *width; i++)
			putchar('\b');
		printf("%*ld ", *width, n);
	} else {
		*width = printf("%2ld ", n) - 1;
	}
}

int autoboot(void)
{
	const char *cmd = env_get("bootcmd");
	long delay = boot_delay();
	int width = 0;

	if (delay < 0 || !cmd)
		return 0;
	if (delay == 0) {
		if (key_within(0))
			return 0;
	} else {
		printf("Hit any key to stop autoboot: ");
		show_count(delay, &width);
		for (; delay > 0; delay--) {
			if (key_within(1000)) {
				show_count(0, &width);
				printf("\n");
				return 0;
			}
			show_count(delay - 1, &width);
		}
		printf("\n");
	}
	bootstage_mark("bootcmd");
	cli_run(cmd);
	return 0;
}
