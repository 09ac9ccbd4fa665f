// SPDX-License-Identifier: MIT
/* timer.c - delays and timestamps from the generic timer (CNTPCT_EL0,
 * CNTFRQ_EL0; Arm DDI 0487, D11). The counter starts with the machine;
 * every tick/time conversion goes through timer.h's exact helpers. */
#include <arch.h>
#include <timer.h>

uint64_t timer_ticks(void)
{
	isb();
	return read_sysreg(cntpct_el0);
}

uint64_t timer_freq(void)
{
	return read_sysreg(cntfrq_el0);
}

uint64_t timer_us(void)
{
	return timer_ticks_to_us(timer_ticks(), timer_freq());
}

/* An end that would wrap (a huge delay) waits until the counter's end. */
void udelay(uint64_t us)
{
	uint64_t start = timer_ticks();
	uint64_t n = timer_us_to_ticks(us, timer_freq());
	uint64_t end = start + n < start ? UINT64_MAX : start + n;

	while (timer_ticks() < end)
		;
}

void mdelay(uint64_t ms)
{
	udelay(ms > UINT64_MAX / 1000 ? UINT64_MAX : ms * 1000);
}
