// SPDX-License-Identifier: MIT
/* Host tests of the exact tick <-> microsecond conversions in timer.h. */
#include <stdint.h>
#include <timer.h>
#include "host.h"

static void test_qemu_62_5_mhz(void)
{
	uint64_t f = 62500000;

	/* 2 s is 125000000 ticks, not 2000000 * 62 = 124000000. */
	CHECK(timer_us_to_ticks(2000000, f) == 125000000);
	CHECK(timer_ticks_to_us(125000000, f) == 2000000);
	CHECK(timer_ticks_to_us(62, f) == 0);	/* 0.992 us, rounded down */
	CHECK(timer_ticks_to_us(63, f) == 1);
	CHECK(timer_us_to_ticks(1, f) == 63);	/* 62.5: a delay rounds up */
	CHECK(timer_us_to_ticks(1500000, f) == 93750000);
	/* A year of uptime: no overflow, exact. */
	CHECK(timer_ticks_to_us(f * 31536000ULL, f) == 31536000000000ULL);
	CHECK(timer_us_to_ticks(31536000000000ULL, f) == f * 31536000ULL);
}

static void test_24_mhz(void)
{
	uint64_t f = 24000000;

	CHECK(timer_us_to_ticks(2000000, f) == 48000000);
	CHECK(timer_ticks_to_us(48000000, f) == 2000000);
	CHECK(timer_ticks_to_us(23, f) == 0);
	CHECK(timer_ticks_to_us(24, f) == 1);
	CHECK(timer_ticks_to_us(UINT64_MAX, f) == UINT64_MAX / f * 1000000 +
	      (UINT64_MAX % f) * 1000000 / f);
}

static void test_1_ghz(void)
{
	uint64_t f = 1000000000;

	CHECK(timer_us_to_ticks(1, f) == 1000);
	CHECK(timer_ticks_to_us(1999, f) == 1);
	CHECK(timer_ticks_to_us(UINT64_MAX, f) == UINT64_MAX / 1000);
	/* Beyond 64 bits of ticks: saturates instead of wrapping. */
	CHECK(timer_us_to_ticks(UINT64_MAX, f) == UINT64_MAX);
}

static void test_odd_and_zero(void)
{
	CHECK(timer_ticks_to_us(123456789, 0) == 0);
	CHECK(timer_us_to_ticks(123456789, 0) == 0);
	CHECK(timer_ticks_to_us(7, 7) == 1000000);
	CHECK(timer_us_to_ticks(1000000, 7) == 7);
	CHECK(timer_ticks_to_us(UINT64_MAX, 1) == UINT64_MAX);	/* saturates */
	CHECK(timer_us_to_ticks(3, 1000001) == 4);	/* 3.000003 */
	CHECK(timer_us_to_ticks(1000000, 1000001) == 1000001);
}

UNIT_MAIN(test_qemu_62_5_mhz(); test_24_mhz(); test_1_ghz();
	  test_odd_and_zero())
