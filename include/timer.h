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

#endif
