// SPDX-License-Identifier: MIT
/* timer.c - delays and timestamps from the generic timer (CNTPCT_EL0,
 * CNTFRQ_EL0; Arm DDI 0487, D11). The counter starts with the machine. */
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
	return timer_ticks() / (timer_freq() / 1000000);
}

void udelay(uint64_t us)
{
	uint64_t end = timer_ticks() + us * timer_freq() / 1000000;

	while (timer_ticks() < end)
		;
}

void mdelay(uint64_t ms)
{
	udelay(ms * 1000);
}
