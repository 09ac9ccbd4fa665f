/* SPDX-License-Identifier: MIT */
/* timer.h - the Arm generic timer's counter: delays and timestamps. */
#ifndef TIMER_H
#define TIMER_H

#include <stdint.h>

/* Counter ticks since the machine started, and ticks per second. */
uint64_t timer_ticks(void);
uint64_t timer_freq(void);
/* Microseconds since the machine started. */
uint64_t timer_us(void);
void udelay(uint64_t us);
void mdelay(uint64_t ms);

/*
 * Exact conversions between counter ticks and microseconds at freq ticks
 * per second (QEMU's 62.5 MHz is not a whole number of MHz: never divide
 * the frequency first). Whole seconds and the remainder are converted
 * apart, so nothing overflows for any uptime: the remainder times 10^6
 * stays within 64 bits because CNTFRQ_EL0 is a 32-bit field (a larger
 * freq is taken as UINT32_MAX). Times are rounded down and tick counts up
 * (a delay is never short), both saturating at UINT64_MAX. A frequency of 0 (a counter nobody set up) gives 0 rather
 * than a division by zero.
 */
#define TIMER_FREQ_MAX	0xffffffffULL

static inline uint64_t timer_ticks_to_us(uint64_t ticks, uint64_t freq)
{
	uint64_t s;

	if (!freq)
		return 0;
	if (freq > TIMER_FREQ_MAX)
		freq = TIMER_FREQ_MAX;
	s = ticks / freq;
	if (s > UINT64_MAX / 1000000)
		return UINT64_MAX;
	return s * 1000000 + ticks % freq * 1000000 / freq;
}

static inline uint64_t timer_us_to_ticks(uint64_t us, uint64_t freq)
{
	uint64_t s = us / 1000000, t, rem;

	if (freq > TIMER_FREQ_MAX)
		freq = TIMER_FREQ_MAX;
	if (freq && s > UINT64_MAX / freq)
		return UINT64_MAX;
	t = s * freq;
	rem = (us % 1000000 * freq + 999999) / 1000000;
	return t + rem < t ? UINT64_MAX : t + rem;
}

#endif
