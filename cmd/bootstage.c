// SPDX-License-Identifier: MIT
/* bootstage - print the boot-stage timing table (U-Boot's
 * "bootstage report"; "bootstage" alone does the same). */
#include <bootstage.h>
#include <command.h>
#include <string.h>

static int do_bootstage(int argc, char *argv[])
{
	if (argc > 2 || (argc == 2 && strcmp(argv[1], "report")))
		return -EINVAL;
	bootstage_report();
	return 0;
}

COMMAND(bootstage, .run = do_bootstage, .usage = "bootstage [report]",
	.summary = "boot stage timings since reset");
