// SPDX-License-Identifier: MIT
/* test_region_mark.c - host tests of the allocator's checkpoints
 * (region_mark/region_rollback in lib/region.c): what a faulting command
 * reserved is dropped, what was there before stays, nesting works. */
#include <errno.h>
#include <region.h>
#include <stdint.h>

#define MiB (1ULL << 20)
#define GiB (1ULL << 30)

static void one_bank(void)
{
	struct region bank = { GiB, GiB, "ram" };

	region_init(&bank, 1);
}

static void test_rollback_drops_newer(void)
{
	uint64_t a, b;
	unsigned long mark;

	one_bank();
	CHECK(region_reserve(GiB + 2 * MiB, 2 * MiB, "virtboot") == 0);
	mark = region_mark();
	CHECK(region_alloc(4 * MiB, 2 * MiB, 0, UINT64_MAX, "kernel", &a) == 0);
	CHECK(region_reserve(GiB, MiB, "fdt") == 0);	/* sorts before */
	CHECK(region_alloc(MiB, 8, 0, UINT64_MAX, "initrd", &b) == 0);
	CHECK(region_count() == 4);
	region_rollback(mark);
	CHECK(region_count() == 1);
	CHECK_STR(region_at(0)->owner, "virtboot");
	/* The same placement is found again. */
	CHECK(region_alloc(4 * MiB, 2 * MiB, 0, UINT64_MAX, "kernel", &b) == 0);
	CHECK(a == b);
}

static void test_many_attempts(void)
{
	unsigned long mark;
	uint64_t a;
	int i;

	one_bank();
	/* More faulting attempts than the table has room for. */
	for (i = 0; i < 3 * REGION_MAX; i++) {
		mark = region_mark();
		CHECK(region_alloc(32 * MiB, 2 * MiB, 0, UINT64_MAX, "kernel",
				   &a) == 0);
		CHECK(region_alloc(MiB, 2 * MiB, 0, UINT64_MAX, "fdt", &a) == 0);
		region_rollback(mark);
	}
	CHECK(region_count() == 0);
}

static void test_nested_and_freed(void)
{
	unsigned long outer, inner;
	uint64_t a, b;

	one_bank();
	outer = region_mark();
	CHECK(region_alloc(MiB, MiB, 0, UINT64_MAX, "outer", &a) == 0);
	inner = region_mark();
	CHECK(region_alloc(MiB, MiB, 0, UINT64_MAX, "inner", &b) == 0);
	region_rollback(inner);			/* the inner command faulted */
	CHECK(region_count() == 1);
	CHECK_STR(region_at(0)->owner, "outer");
	/* Freed after the mark: stays freed. */
	CHECK(region_free(a) == 0);
	CHECK(region_reserve(a + MiB, MiB, "later") == 0);
	region_rollback(outer);
	CHECK(region_count() == 0);
	/* A mark with nothing after it changes nothing. */
	CHECK(region_reserve(GiB, MiB, "kept") == 0);
	region_rollback(region_mark());
	CHECK(region_count() == 1);
}

UNIT_MAIN(test_rollback_drops_newer(); test_many_attempts();
	  test_nested_and_freed())
