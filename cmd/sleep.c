// SPDX-License-Identifier: MIT
/* sleep - wait N seconds, fractions allowed (U-Boot's sleep); Ctrl-C
 * interrupts it. The wait is counted in counter ticks, converted exactly
 * (timer.h), so "sleep 2" lasts 2 s at any counter frequency. */
#include <command.h>
#include <console.h>
#include <ctype.h>
#include <timer.h>
#include <virtboot.h>

/* A bound far beyond any real use that keeps seconds * 10^6 and the tick
 * count well inside 64 bits at any counter frequency QEMU can give. */
#define SLEEP_MAX_S	100000000ULL	/* about 3 years */

static int do_sleep(int argc, char *argv[])
{
	uint64_t s = 0, us = 0, scale = 1000000, start, ticks;
	const char *p = argv[1];

	if (argc != 2)
		return -EINVAL;
	if (!isdigit((unsigned char)*p) && *p != '.')
		return cmd_bad_number(argv[0], p);
	for (; isdigit((unsigned char)*p); p++)
		if (s <= SLEEP_MAX_S)	/* stops growing once too long */
			s = s * 10 + (*p - '0');
	if (*p == '.')
		for (p++; isdigit((unsigned char)*p); p++)
			if (scale > 1)
				us += (*p - '0') * (scale /= 10);
	if (*p)
		return cmd_bad_number(argv[0], argv[1]);
	if (s > SLEEP_MAX_S) {
		printf("sleep: %s seconds is too long (at most %llu)\n",
		       argv[1], SLEEP_MAX_S);
		return -ERANGE;
	}
	start = timer_ticks();
	ticks = timer_us_to_ticks(s * 1000000 + us, timer_freq());
	while (timer_ticks() - start < ticks)
		if (console_ctrlc())
			return -EINTR;
	return 0;
}

COMMAND(sleep, .run = do_sleep, .usage = "sleep N",
	.summary = "delay execution for some time",
	.help = "    - delay execution for N seconds (N is _decimal_, fractions allowed)\n");
