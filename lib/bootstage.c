// SPDX-License-Identifier: MIT
/* bootstage.c - a table of boot-stage timestamps (like U-Boot's
 * bootstage), in counter ticks, printed in milliseconds (timer.h's exact
 * conversion, the same as the "Starting kernel" line's). */
#include <bootstage.h>
#include <timer.h>
#include <virtboot.h>

#define MAX_STAGES 64

static struct stage {
	const char *name;
	uint64_t ticks;
	uint64_t bytes;		/* for loads */
	uint64_t start;
} stages[MAX_STAGES];
static int nstages;

void bootstage_mark_at(const char *name, uint64_t ticks)
{
	if (nstages < MAX_STAGES)
		stages[nstages++] = (struct stage){ .name = name, .ticks = ticks };
}

void bootstage_mark(const char *name)
{
	bootstage_mark_at(name, timer_ticks());
}

void bootstage_mark_load(const char *name, uint64_t bytes,
			 uint64_t start_ticks)
{
	bootstage_mark(name);
	if (nstages && stages[nstages - 1].name == name) {
		stages[nstages - 1].bytes = bytes;
		stages[nstages - 1].start = start_ticks;
	}
}

/* Milliseconds with three decimals, from ticks. */
static void print_ms(uint64_t ticks, uint64_t freq)
{
	uint64_t us = timer_ticks_to_us(ticks, freq);

	printf("%6llu.%03llu", (unsigned long long)(us / 1000),
	       (unsigned long long)(us % 1000));
}

void bootstage_report(void)
{
	uint64_t freq = timer_freq(), prev = 0, us;
	int i;

	printf("Boot stages (ms since reset, delta):\n");
	for (i = 0; i < nstages; i++) {
		print_ms(stages[i].ticks, freq);
		printf("  ");
		print_ms(stages[i].ticks - prev, freq);
		printf("  %s", stages[i].name);
		if (stages[i].bytes) {
			us = timer_ticks_to_us(stages[i].ticks - stages[i].start,
					       freq);
			printf(": %llu bytes in %llu us (%llu MB/s)",
			       (unsigned long long)stages[i].bytes,
			       (unsigned long long)us,
			       (unsigned long long)(us ? stages[i].bytes / us : 0));
		}
		printf("\n");
		prev = stages[i].ticks;
	}
	print_ms(timer_ticks(), freq);
	printf("  %10s  now\n", "");
}
