// SPDX-License-Identifier: MIT
/* sleep - wait N seconds, fractions allowed (U-Boot's sleep); Ctrl-C
 * interrupts it. */
#include <command.h>
#include <console.h>
#include <ctype.h>
#include <timer.h>
#include <virtboot.h>

static int do_sleep(int argc, char *argv[])
{
	uint64_t us = 0, scale = 1000000, end;
	const char *s = argv[1];

	if (argc != 2)
		return -EINVAL;
	if (!isdigit((unsigned char)*s) && *s != '.')
		return cmd_bad_number(argv[0], s);
	for (; isdigit((unsigned char)*s); s++)
		us = us * 10 + (*s - '0');
	us *= scale;
	if (*s == '.')
		for (s++; isdigit((unsigned char)*s) && scale > 1; s++)
			us += (*s - '0') * (scale /= 10);
	if (*s)
		return cmd_bad_number(argv[0], argv[1]);
	end = timer_us() + us;
	while (timer_us() < end)
		if (console_ctrlc())
			return -EINTR;
	return 0;
}

COMMAND(sleep, .run = do_sleep, .usage = "sleep N",
	.summary = "delay execution for some time",
	.help = "    - delay execution for N seconds (N is _decimal_, fractions allowed)\n");
