// SPDX-License-Identifier: MIT
/* test_region.c - host tests of the memory-region allocator (lib/region.c):
 * reservations, overlaps, alignment, windows, exhaustion, device-tree
 * reservations. */
#include <errno.h>
#include <libfdt.h>
#include <region.h>
#include <stdint.h>

#define MiB (1ULL << 20)
#define GiB (1ULL << 30)

static void one_bank(uint64_t base, uint64_t size)
{
	struct region bank = { base, size, "ram" };

	region_init(&bank, 1);
}

static void test_reserve(void)
{
	one_bank(GiB, GiB);
	CHECK(region_reserve(GiB + 2 * MiB, 2 * MiB, "virtboot") == 0);
	/* Outside RAM, straddling its ends, empty, wrapping. */
	CHECK(region_reserve(0, MiB, "x") == -ERANGE);
	CHECK(region_reserve(GiB - MiB, 2 * MiB, "x") == -ERANGE);
	CHECK(region_reserve(2 * GiB - MiB, 2 * MiB, "x") == -ERANGE);
	CHECK(region_reserve(GiB, 0, "x") == -ERANGE);
	CHECK(region_reserve(UINT64_MAX - 10, 100, "x") == -ERANGE);
	/* Overlaps: inside, over the start, over the end, around. */
	CHECK(region_reserve(GiB + 3 * MiB, 4096, "x") == -EBUSY);
	CHECK(region_reserve(GiB + MiB, 2 * MiB, "x") == -EBUSY);
	CHECK(region_reserve(GiB + 3 * MiB, 2 * MiB, "x") == -EBUSY);
	CHECK(region_reserve(GiB, 8 * MiB, "x") == -EBUSY);
	CHECK(region_count() == 1);
	/* Touching is not overlapping. */
	CHECK(region_reserve(GiB, 2 * MiB, "low") == 0);
	CHECK(region_reserve(GiB + 4 * MiB, MiB, "high") == 0);
	CHECK(region_count() == 3);
	CHECK(region_at(0)->base == GiB);	/* sorted */
	CHECK(region_at(1)->base == GiB + 2 * MiB);
	CHECK(region_at(2)->base == GiB + 4 * MiB);
	CHECK(region_at(3) == NULL);
	CHECK_STR(region_overlap(GiB + 5 * MiB - 1, 1)->owner, "high");
	CHECK(region_overlap(GiB + 5 * MiB, 1) == NULL);
	CHECK(region_is_free(GiB + 5 * MiB, MiB));
	CHECK(!region_is_free(GiB + 4 * MiB, MiB));
	CHECK(!region_is_free(2 * GiB, MiB));
	/* Free by base only. */
	CHECK(region_free(GiB + 4 * MiB + 1) == -ENOENT);
	CHECK(region_free(GiB + 4 * MiB) == 0);
	CHECK(region_count() == 2);
	CHECK(region_is_free(GiB + 4 * MiB, MiB));
}

static void test_alloc(void)
{
	uint64_t a = 0, b = 0;

	one_bank(GiB, 64 * MiB);
	CHECK(region_reserve(GiB + 2 * MiB, 2 * MiB, "virtboot") == 0);
	/* Lowest first: the 2 MiB below the loader. */
	CHECK(region_alloc(2 * MiB, 2 * MiB, 0, UINT64_MAX, "dtb", &a) == 0);
	CHECK(a == GiB);
	/* Too big for the hole below: goes above the loader. */
	CHECK(region_alloc(3 * MiB, 2 * MiB, 0, UINT64_MAX, "kernel", &a) == 0);
	CHECK(a == GiB + 4 * MiB);
	/* Alignment skips the tail of the kernel's 2 MiB block. */
	CHECK(region_alloc(4096, 2 * MiB, 0, UINT64_MAX, "x", &b) == 0);
	CHECK(b == GiB + 8 * MiB);
	/* Byte alignment packs right after it. */
	CHECK(region_alloc(10, 1, 0, UINT64_MAX, "y", &b) == 0);
	CHECK(b == GiB + 7 * MiB);
	CHECK(region_alloc(10, 8, 0, UINT64_MAX, "z", &b) == 0);
	CHECK(b == GiB + 7 * MiB + 16);
	/* A window: min rounds up, max is exclusive. */
	CHECK(region_alloc(MiB, MiB, GiB + 20 * MiB + 1, GiB + 22 * MiB,
			   "w", &b) == 0);
	CHECK(b == GiB + 21 * MiB);
	CHECK(region_alloc(MiB, MiB, GiB + 20 * MiB + 1, GiB + 22 * MiB,
			   "w", &b) == -ENOMEM);
	/* Bad arguments. */
	CHECK(region_alloc(0, 8, 0, UINT64_MAX, "x", &b) == -EINVAL);
	CHECK(region_alloc(8, 0, 0, UINT64_MAX, "x", &b) == -EINVAL);
	CHECK(region_alloc(8, 3, 0, UINT64_MAX, "x", &b) == -EINVAL);
	/* Exhaustion: too big, and *out untouched. */
	b = 0x1234;
	CHECK(region_alloc(64 * MiB, 4096, 0, UINT64_MAX, "x", &b) == -ENOMEM);
	CHECK(b == 0x1234);
	/* Huge alignment near the top of the address space must not wrap. */
	CHECK(region_alloc(4096, 1ULL << 63, 0, UINT64_MAX, "x", &b) == -ENOMEM);
	CHECK(region_alloc(UINT64_MAX - 4096, 4096, 0, UINT64_MAX, "x",
			   &b) == -ENOMEM);
	CHECK(region_alloc(4096, 4096, UINT64_MAX - 100, UINT64_MAX, "x",
			   &b) == -ENOMEM);
}

static void test_banks(void)
{
	struct region banks[] = {
		{ 8 * GiB, GiB, "ram" },
		{ GiB, 16 * MiB, "ram" },
		{ 4 * GiB, 0, "ram" },		/* empty: ignored */
	};
	uint64_t a;

	region_init(banks, 3);
	CHECK(region_ram_count() == 2);
	CHECK(region_ram_at(0)->base == GiB);
	CHECK(region_ram_at(1)->base == 8 * GiB);
	/* Does not fit in the first bank: the second one. */
	CHECK(region_alloc(32 * MiB, 2 * MiB, 0, UINT64_MAX, "k", &a) == 0);
	CHECK(a == 8 * GiB);
	/* Within a window that only covers the first bank: none. */
	CHECK(region_alloc(32 * MiB, 2 * MiB, 0, 2 * GiB, "k", &a) == -ENOMEM);
	/* A range across two banks is not RAM. */
	CHECK(region_reserve(GiB + 8 * MiB, 8 * GiB, "x") == -ERANGE);
}

static void test_table_full(void)
{
	uint64_t a;
	int i, err = 0;

	one_bank(GiB, GiB);
	for (i = 0; i < REGION_MAX && !err; i++)
		err = region_alloc(4096, 4096, 0, UINT64_MAX, "n", &a);
	CHECK(err == 0);
	CHECK(region_count() == REGION_MAX);
	CHECK(region_reserve(GiB + 512 * MiB, 4096, "x") == -ENOSPC);
	CHECK(region_alloc(4096, 4096, 0, UINT64_MAX, "x", &a) == -ENOSPC);
	CHECK(region_free(GiB) == 0);
	CHECK(region_alloc(4096, 4096, 0, UINT64_MAX, "x", &a) == 0);
	CHECK(a == GiB);
}

static void *make_fdt(void)
{
	static char buf[4096];
	uint64_t reg[2];

	CHECK(fdt_create(buf, sizeof(buf)) == 0);
	/* Overlaps the no-map node below, partly outside RAM. */
	fdt_add_reservemap_entry(buf, GiB - MiB, 3 * MiB);
	fdt_add_reservemap_entry(buf, GiB + 16 * MiB, 0);	/* empty */
	fdt_finish_reservemap(buf);
	fdt_begin_node(buf, "");
	fdt_property_u32(buf, "#address-cells", 2);
	fdt_property_u32(buf, "#size-cells", 2);
	fdt_begin_node(buf, "reserved-memory");
	fdt_property_u32(buf, "#address-cells", 2);
	fdt_property_u32(buf, "#size-cells", 2);
	fdt_property(buf, "ranges", NULL, 0);
	fdt_begin_node(buf, "tee@41000000");
	reg[0] = cpu_to_fdt64(GiB + 16 * MiB);
	reg[1] = cpu_to_fdt64(MiB);
	fdt_property(buf, "reg", reg, sizeof(reg));
	fdt_property(buf, "no-map", NULL, 0);
	fdt_end_node(buf);
	fdt_begin_node(buf, "off@42000000");
	reg[0] = cpu_to_fdt64(GiB + 32 * MiB);
	fdt_property(buf, "reg", reg, sizeof(reg));
	fdt_property_string(buf, "status", "disabled");
	fdt_end_node(buf);
	fdt_begin_node(buf, "mid@40100000");	/* inside the memreserve */
	reg[0] = cpu_to_fdt64(GiB + MiB);
	reg[1] = cpu_to_fdt64(4096);
	fdt_property(buf, "reg", reg, sizeof(reg));
	fdt_end_node(buf);
	fdt_end_node(buf);
	fdt_end_node(buf);
	CHECK(fdt_finish(buf) == 0);
	return buf;
}

static void test_fdt(void)
{
	uint64_t a;
	int i;

	one_bank(GiB, GiB);
	/* Something already reserved in the middle of the memreserve. */
	CHECK(region_reserve(GiB + MiB / 2, 4096, "virtboot") == 0);
	CHECK(region_reserve_fdt(make_fdt()) == 0);
	/* [1G, 1G+2M) fully covered, around the loader's page. */
	CHECK(!region_is_free(GiB, 1));
	CHECK(!region_is_free(GiB + MiB / 2 + 4096, 1));
	CHECK(!region_is_free(GiB + 2 * MiB - 1, 1));
	CHECK(region_is_free(GiB + 2 * MiB, 14 * MiB));
	CHECK_STR(region_overlap(GiB + 16 * MiB, 1)->owner, "tee@41000000");
	CHECK(region_is_free(GiB + 32 * MiB, MiB));	/* disabled node */
	for (i = 0; i < region_count(); i++)
		CHECK(region_at(i)->base + region_at(i)->size <= 2 * GiB);
	CHECK(region_alloc(15 * MiB, 4096, 0, UINT64_MAX, "k", &a) == 0);
	CHECK(a == GiB + 17 * MiB);
}

/*
 * Found by the fuzzer's check (test/fuzz/fuzz_region) that what a tree
 * reserves is reserved: in a RAM bank that ends at 2^64 (its end wraps
 * to 0), /reserved-memory nodes and /memreserve/ entries were dropped,
 * and a reservation ending at 2^64 overlapped nothing.
 */
static void test_fdt_top_of_memory(void)
{
	static char buf[1024];
	const uint64_t top = 0 - 64 * 1024ULL;	/* the last 64 KiB */
	uint64_t reg[2] = { cpu_to_fdt64(top + 32 * 1024),
			    cpu_to_fdt64(32 * 1024) };

	CHECK(fdt_create(buf, sizeof(buf)) == 0);
	fdt_add_reservemap_entry(buf, top + 4096, 4096);
	fdt_finish_reservemap(buf);
	fdt_begin_node(buf, "");
	fdt_property_u32(buf, "#address-cells", 2);
	fdt_property_u32(buf, "#size-cells", 2);
	fdt_begin_node(buf, "reserved-memory");
	fdt_property_u32(buf, "#address-cells", 2);
	fdt_property_u32(buf, "#size-cells", 2);
	fdt_begin_node(buf, "top");
	fdt_property(buf, "reg", reg, sizeof(reg));
	fdt_end_node(buf);
	fdt_end_node(buf);
	fdt_end_node(buf);
	CHECK(fdt_finish(buf) == 0);

	one_bank(top, 64 * 1024);
	CHECK(region_reserve_fdt(buf) == 0);
	CHECK(!region_is_free(top + 4096, 1));
	CHECK(!region_is_free(top + 8191, 1));
	CHECK(!region_is_free(top + 32 * 1024, 1));
	CHECK(!region_is_free(UINT64_MAX, 1));
	CHECK(region_is_free(top, 4096));
	CHECK(region_is_free(top + 8192, 24 * 1024));
	CHECK(region_count() == 2);
}

UNIT_MAIN(test_reserve(); test_alloc(); test_banks(); test_table_full();
	  test_fdt(); test_fdt_top_of_memory())
